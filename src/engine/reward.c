/* reward.c -- rewards catalog and redemption. */
#include <config.h>

#include "engine/reward.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "engine/points.h"
#include "engine/rules.h"
#include "engine/shop.h"
#include "engine/staff.h"
#include "store/customers.h"
#include "store/ledger.h"
#include "text/i18n.h"
#include "text/uilocale.h"
#include "text/utf8.h"
#include "text/xalloc.h"

#define CODE_MAX 32
#define NAME_MAX_CHARS 120

uint64_t voucher_random(void *ctx)
{
	(void)ctx;
	uint64_t r = 0;
	if (getrandom(&r, sizeof r, 0) != (ssize_t)sizeof r)
		xalloc_die("no random numbers");
	return r;
}

/* The code in capitals, or NULL when it holds other characters. */
static char *normal_code(const char *code)
{
	size_t n = code != NULL ? strlen(code) : 0;
	if (n == 0 || n > CODE_MAX)
		return NULL;
	char *c = xstrdup(code);
	for (size_t i = 0; i < n; i++) {
		char ch = c[i];
		if (ch >= 'a' && ch <= 'z')
			c[i] = (char)(ch - 'a' + 'A');
		else if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
			   ch == '_')) {
			free(c);
			return NULL;
		}
	}
	return c;
}

static int validate(const struct reward_input *in, bool need_name, struct werr *e)
{
	if (in->name != NULL || need_name) {
		const char *nm = in->name != NULL ? in->name : "";
		if (!utf8_valid(nm) || utf8_is_blank(nm))
			return werr_set(e, W_REFUSED, _("--name: must not be empty"));
		if (utf8_has_controls(nm) || utf8_length(nm) > NAME_MAX_CHARS) {
			char most[MSG_NUM_SIZE];
			return werr_set(e, W_REFUSED,
					P_("--name: at most %s letter, without control characters",
					   "--name: at most %s letters, without control characters",
					   NAME_MAX_CHARS),
					msg_int(most, NAME_MAX_CHARS));
		}
	}
	if (in->points < 1)
		return werr_set(e, W_REFUSED, _("--points: a reward costs at least 1 point"));
	if (in->points > INT64_C(1000000000000))
		return werr_set(e, W_REFUSED, _("--points: too large"));
	if (in->copay < 0)
		return werr_set(e, W_REFUSED, _("--copay: must not be negative"));
	if (in->stock != STOCK_UNLIMITED && in->stock < 0)
		return werr_set(e, W_REFUSED, _("--stock: must not be negative"));
	if (in->active_from != TIME_NONE && in->active_to != TIME_NONE &&
	    in->active_to <= in->active_from)
		return werr_set(e, W_REFUSED, _("--to: must come after --from"));
	return 0;
}

int engine_reward_add(struct store *st, const struct reward_input *in, struct reward *out,
		      struct werr *e)
{
	char *code = normal_code(in->code);
	if (code == NULL) {
		char one[MSG_NUM_SIZE], most[MSG_NUM_SIZE];
		return werr_set(e, W_REFUSED,
				/* TRANSLATORS: the first %s is 1, the second the
				   longest code. */
				P_("--code: %s to %s letter, digits, \"-\" or \"_\"",
				   "--code: %s to %s letters, digits, \"-\" or \"_\"", CODE_MAX),
				msg_int(one, 1), msg_int(most, CODE_MAX));
	}
	if (validate(in, true, e) != 0) {
		free(code);
		return -1;
	}
	struct op op;
	struct reward existing = {0};
	if (op_begin(&op, st, e) != 0) {
		free(code);
		return -1;
	}
	if (require_owner(&op, e) != 0)
		goto fail;
	int found = reward_by_code(st, code, &existing, e);
	reward_clear(&existing);
	if (found != 0) {
		if (found > 0)
			werr_set(e, W_REFUSED, _("--code: a reward with code %s exists"), code);
		goto fail;
	}
	char *name = utf8_trim(in->name);
	struct reward r = {.code = code, .name = name, .points = in->points, .copay = in->copay,
			   .stock = in->stock, .active_from = in->active_from,
			   .active_to = in->active_to, .created_at = op.now};
	char *after = xasprintf("%s: %lld points", name, (long long)in->points);
	int ar = audit_record(&op, "reward add", code, NULL, after, e);
	free(after);
	if (ar != 0 || reward_insert(st, &r, e) != 0) {
		free(name);
		goto fail;
	}
	*out = r;
	return op_commit(&op, e) == 0 ? 0 : (reward_clear(out), -1);
fail:
	free(code);
	op_abort(&op);
	return -1;
}

int engine_reward_edit(struct store *st, const struct reward_input *in, struct werr *e)
{
	char *code = normal_code(in->code);
	if (code == NULL)
		return werr_set(e, W_REFUSED, _("--code: unknown reward"));
	if (validate(in, false, e) != 0) {
		free(code);
		return -1;
	}
	struct op op;
	struct reward r = {0};
	if (op_begin(&op, st, e) != 0) {
		free(code);
		return -1;
	}
	if (require_owner(&op, e) != 0)
		goto fail;
	int found = reward_by_code(st, code, &r, e);
	if (found <= 0) {
		if (found == 0)
			werr_set(e, W_REFUSED, _("unknown reward %s"), code);
		goto fail;
	}
	if (in->stock != STOCK_UNLIMITED && in->stock < r.redeemed) {
		char given[MSG_NUM_SIZE];
		werr_set(e, W_REFUSED,
			 /* TRANSLATORS: %s is a number of units of the reward. */
			 P_("--stock: %s has already been given", "--stock: %s have already been given",
			    r.redeemed),
			 msg_int(given, r.redeemed));
		goto fail;
	}
	if (in->name != NULL) {
		free(r.name);
		r.name = utf8_trim(in->name);
	}
	r.points = in->points;
	r.copay = in->copay;
	r.stock = in->stock;
	r.active_from = in->active_from;
	r.active_to = in->active_to;
	char *after = xasprintf("%s: %lld points", r.name, (long long)r.points);
	int ar = audit_record(&op, "reward edit", code, NULL, after, e);
	free(after);
	if (ar != 0 || reward_update(st, &r, e) != 0)
		goto fail;
	reward_clear(&r);
	free(code);
	return op_commit(&op, e);
fail:
	reward_clear(&r);
	free(code);
	op_abort(&op);
	return -1;
}

bool reward_available(const struct reward *r, int64_t t)
{
	if (r->active_from != TIME_NONE && t < r->active_from)
		return false;
	if (r->active_to != TIME_NONE && t >= r->active_to)
		return false;
	return r->stock == STOCK_UNLIMITED || r->redeemed < r->stock;
}

int engine_redeem(struct store *st, int64_t customer_id, const char *code_text, int64_t at,
		  int64_t staff_id, struct redeem_result *out, struct werr *e)
{
	struct op op;
	struct customer c = {0};
	struct reward r = {0};
	int64_t t;
	memset(out, 0, sizeof *out);
	char *code = normal_code(code_text);
	if (code == NULL)
		return werr_set(e, W_REFUSED, _("unknown reward %s"), code_text ? code_text : "");
	if (op_begin(&op, st, e) != 0) {
		free(code);
		return -1;
	}
	int found = customer_get(st, customer_id, &c, e);
	if (found <= 0) {
		char num[MSG_NUM_SIZE];
		if (found == 0)
			werr_set(e, W_REFUSED, _("unknown customer %s"), msg_id(num, customer_id));
		goto fail;
	}
	found = reward_by_code(st, code, &r, e);
	if (found <= 0) {
		if (found == 0)
			werr_set(e, W_REFUSED, _("unknown reward %s"), code);
		goto fail;
	}
	if (op_instant(&op, at, &t, e) != 0 || order_check(&op, &c, t, e) != 0)
		goto fail;
	if (!c.active) {
		char num[MSG_NUM_SIZE];
		werr_set(e, W_REFUSED, _("customer %s is inactive"), msg_id(num, c.id));
		goto fail;
	}
	if ((r.active_from != TIME_NONE && t < r.active_from) ||
	    (r.active_to != TIME_NONE && t >= r.active_to)) {
		werr_set(e, W_REFUSED, _("reward %s is not offered at this date"), r.code);
		goto fail;
	}
	if (r.stock != STOCK_UNLIMITED && r.redeemed >= r.stock) {
		werr_set(e, W_REFUSED, _("reward %s is out of stock"), r.code);
		goto fail;
	}
	if (expiry_apply(&op, &c, t, NULL, e) != 0)
		goto fail;
	if (c.balance < r.points) {
		int64_t have = c.balance > 0 ? c.balance : 0;
		char have_text[MSG_NUM_SIZE], cost_text[MSG_NUM_SIZE];
		werr_set(e, W_REFUSED,
			 /* TRANSLATORS: the customer's balance, the reward's code
			    and its cost in points. */
			 P_("the customer holds %s point; %s costs %s",
			    "the customer holds %s points; %s costs %s", have),
			 msg_int(have_text, have), r.code, msg_int(cost_text, r.points));
		goto fail;
	}
	struct redemption d = {.customer_id = c.id, .reward_id = r.id, .at = t,
			       .points = r.points, .copay = r.copay, .staff_id = staff_id};
	if (redemption_insert(st, &d, e) != 0)
		goto fail;
	struct ledger_entry le = {.customer_id = c.id, .at = t, .kind = LK_REDEEM,
				  .points = -r.points, .redemption_id = d.id, .staff_id = staff_id};
	if (ledger_append(st, &le, e) != 0)
		goto fail;
	char voucher[16];
	for (int tries = 0;; tries++) {
		rule_voucher_code(voucher_random, NULL, voucher);
		int dup = voucher_exists(st, voucher, e);
		if (dup < 0)
			goto fail;
		if (dup == 0)
			break;
		if (tries > 100) {
			werr_set(e, W_DB, _("could not find a free voucher code"));
			goto fail;
		}
	}
	if (voucher_insert(st, voucher, d.id, t, e) != 0)
		goto fail;
	c.balance -= r.points;
	if (customer_save_summary(st, &c, e) != 0)
		goto fail;
	out->redemption_id = d.id;
	out->customer_id = c.id;
	out->at = t;
	snprintf(out->voucher, sizeof out->voucher, "%s", voucher);
	out->points = r.points;
	out->copay = r.copay;
	out->points_balance = c.balance;
	snprintf(out->reward_name, sizeof out->reward_name, "%s", r.name);
	customer_clear(&c);
	reward_clear(&r);
	free(code);
	return op_commit(&op, e);
fail:
	customer_clear(&c);
	reward_clear(&r);
	free(code);
	op_abort(&op);
	return -1;
}
