/* points.c -- expiry, order of events, tiers, and the points commands. */
#include <config.h>

#include "engine/points.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "engine/staff.h"
#include "store/ledger.h"
#include "store/sales.h"
#include "text/i18n.h"
#include "text/uilocale.h"
#include "text/utf8.h"
#include "text/xalloc.h"

#define MAX_EXPIRING 12

static int64_t max_time(int64_t a, int64_t b)
{
	if (a == TIME_NONE)
		return b;
	if (b == TIME_NONE)
		return a;
	return a > b ? a : b;
}

int64_t customer_watermark(const struct shop *shop, const struct customer *c)
{
	/* A shop-wide run (expire, a report) applied expiry to the customers
	 * that existed then; one enrolled later was not touched by it, and its
	 * history may still be imported. */
	if (c->id <= shop->p.expiry_mark_customer)
		return max_time(c->watermark, shop->p.expiry_mark);
	return c->watermark;
}

int order_check(const struct op *op, const struct customer *c, int64_t t, struct werr *e)
{
	int64_t wm = customer_watermark(&op->shop, c);
	if (wm != TIME_NONE && t < wm) {
		char when[32], last[32], who[MSG_NUM_SIZE];
		op_time_text(op, t, when);
		op_time_text(op, wm, last);
		char *w = fmt_digits(ui_locale_current(), when);
		char *l = fmt_digits(ui_locale_current(), last);
		werr_set(e, W_REFUSED,
			 _("out of order: %s is before %s, the latest recorded event of customer %s"),
			 w, l, msg_id(who, c->id));
		free(w);
		free(l);
		return -1;
	}
	return 0;
}

static int64_t expiry_secs(const struct shop *shop)
{
	return shop->p.expiry_days * DAY_SECONDS;
}

int expiry_apply(struct op *op, struct customer *c, int64_t t, int64_t *expired, struct werr *e)
{
	int64_t from = customer_watermark(&op->shop, c);
	int64_t secs = expiry_secs(&op->shop);
	c->watermark = max_time(c->watermark, t);
	if (secs <= 0 || c->next_expiry == TIME_NONE || c->next_expiry > t)
		return 0;
	struct ledger_point *v = NULL;
	size_t n = 0;
	if (ledger_points(op->st, c->id, &v, &n, e) != 0)
		return -1;
	struct expiry *x = NULL;
	size_t nx = 0, cap = 0;
	c->next_expiry = rule_expiry(v, n, secs, from, t, &x, &nx, &cap);
	free(v);
	for (size_t i = 0; i < nx; i++) {
		struct ledger_entry le = {.customer_id = c->id, .at = x[i].at, .kind = LK_EXPIRE,
					  .points = -x[i].points};
		if (ledger_append(op->st, &le, e) != 0) {
			free(x);
			return -1;
		}
		c->balance -= x[i].points;
		if (expired != NULL)
			*expired += x[i].points;
	}
	free(x);
	return 0;
}

int tier_at(struct store *st, const struct shop *shop, int64_t customer_id, int64_t t,
	    const struct tier **tier, int64_t *spend, struct werr *e)
{
	int64_t window = shop->p.tier_window_days * DAY_SECONDS;
	struct window_sale *v = NULL;
	size_t n = 0;
	if (sales_window(st, customer_id, t - window, t, &v, &n, e) != 0)
		return -1;
	int64_t s = rule_window_spend(v, n, t, window);
	free(v);
	if (tier != NULL)
		*tier = shop_tier_for(shop, s);
	if (spend != NULL)
		*spend = s;
	return 0;
}

int tier_evaluate(struct op *op, struct customer *c, int64_t t, const char *cause,
		  const struct tier **tier, int64_t *spend, struct werr *e)
{
	const struct tier *now = NULL;
	if (tier_at(op->st, &op->shop, c->id, t, &now, spend, e) != 0)
		return -1;
	if (tier != NULL)
		*tier = now;
	if (now == NULL || (c->tier != NULL && strcmp(c->tier, now->name) == 0))
		return 0;
	if (tier_history_add(op->st, c->id, t, c->tier, now->name, cause, e) != 0)
		return -1;
	free(c->tier);
	c->tier = xstrdup(now->name);
	return 0;
}

int points_preview(struct store *st, const struct shop *shop, const struct customer *c, int64_t t,
		   int64_t *balance, struct expiry **next, size_t *nnext, size_t max_next,
		   struct werr *e)
{
	int64_t secs = expiry_secs(shop);
	int64_t from = customer_watermark(shop, c);
	*balance = c->balance;
	if (next != NULL) {
		*next = NULL;
		*nnext = 0;
	}
	if (secs <= 0 || c->next_expiry == TIME_NONE)
		return 0;
	struct ledger_point *v = NULL;
	size_t n = 0;
	if (ledger_points(st, c->id, &v, &n, e) != 0)
		return -1;
	struct expiry *x = NULL;
	size_t nx = 0, cap = 0;
	if (from == TIME_NONE || t > from)
		rule_expiry(v, n, secs, from, t, &x, &nx, &cap);
	int64_t lost = 0;
	for (size_t i = 0; i < nx; i++)
		lost += x[i].points;
	*balance -= lost;
	if (next != NULL) {
		/* What would expire later: run the rule on, with the expiries up
		 * to t counted as if written. */
		size_t base = n;
		v = xrealloc(v, (n + nx) * sizeof *v);
		for (size_t i = 0; i < nx; i++)
			v[base + i] = (struct ledger_point){x[i].at, -x[i].points, LK_EXPIRE};
		/* Keep (at) order: the new entries are dated after every entry
		 * up to the watermark, and before t. */
		n += nx;
		struct expiry *later = NULL;
		size_t nl = 0, lcap = 0;
		rule_expiry(v, n, secs, max_time(from, t), INT64_MAX - secs, &later, &nl, &lcap);
		if (nl > max_next)
			nl = max_next;
		*next = later;
		*nnext = nl;
	}
	free(x);
	free(v);
	return 0;
}

void points_result_free(struct points_result *r)
{
	free(r->expiring);
	r->expiring = NULL;
	r->nexpiring = 0;
}

static int load_customer(struct op *op, int64_t id, struct customer *c, struct werr *e)
{
	int found = customer_get(op->st, id, c, e);
	if (found < 0)
		return -1;
	if (found == 0) {
		char num[MSG_NUM_SIZE];
		return werr_set(e, W_REFUSED, _("unknown customer %s"), msg_id(num, id));
	}
	return 0;
}

int engine_points(struct store *st, int64_t customer_id, int64_t at, struct points_result *out,
		  struct werr *e)
{
	struct op op;
	struct customer c = {0};
	int64_t sums[LK__COUNT];
	int64_t t;
	memset(out, 0, sizeof *out);
	if (op_begin(&op, st, e) != 0)
		return -1;
	if (load_customer(&op, customer_id, &c, e) != 0 || op_instant(&op, at, &t, e) != 0 ||
	    order_check(&op, &c, t, e) != 0 || expiry_apply(&op, &c, t, NULL, e) != 0 ||
	    customer_save_summary(st, &c, e) != 0 || ledger_totals(st, c.id, sums, e) != 0)
		goto fail;
	out->customer_id = c.id;
	out->at = t;
	out->balance = c.balance;
	out->earned_total = sums[LK_EARN] + sums[LK_BONUS];
	out->redeemed_total = -(sums[LK_REDEEM] + sums[LK_PAY]);
	out->expired_total = -sums[LK_EXPIRE];
	int64_t bal;
	if (points_preview(st, &op.shop, &c, t, &bal, &out->expiring, &out->nexpiring,
			   MAX_EXPIRING, e) != 0)
		goto fail;
	customer_clear(&c);
	if (op_commit(&op, e) != 0) {
		points_result_free(out);
		return -1;
	}
	return 0;
fail:
	points_result_free(out);
	customer_clear(&c);
	op_abort(&op);
	return -1;
}

int engine_adjust(struct store *st, int64_t customer_id, int64_t delta, const char *reason,
		  int64_t at, int64_t staff_id, struct adjust_result *out, struct werr *e)
{
	if (delta == 0)
		return werr_set(e, W_REFUSED, _("--delta: must not be zero"));
	if (delta > INT64_C(1000000000000) || delta < -INT64_C(1000000000000))
		return werr_set(e, W_REFUSED, _("--delta: too large"));
	if (reason == NULL || !utf8_valid(reason) || utf8_is_blank(reason))
		return werr_set(e, W_REFUSED, _("--reason: say why the points change"));
	char most[MSG_NUM_SIZE];
	if (utf8_has_controls(reason) || utf8_length(reason) > 500)
		return werr_set(e, W_REFUSED,
				P_("%s: at most %s letter, without control characters",
				   "%s: at most %s letters, without control characters", 500),
				"--reason", msg_int(most, 500));
	struct op op;
	struct customer c = {0};
	int64_t t;
	char *why = utf8_trim(reason);
	if (op_begin(&op, st, e) != 0) {
		free(why);
		return -1;
	}
	if (require_owner(&op, e) != 0 || load_customer(&op, customer_id, &c, e) != 0 ||
	    op_instant(&op, at, &t, e) != 0 || order_check(&op, &c, t, e) != 0 ||
	    expiry_apply(&op, &c, t, NULL, e) != 0)
		goto fail;
	if (delta < 0 && c.balance + delta < 0) {
		char have[MSG_NUM_SIZE];
		werr_set(e, W_REFUSED,
			 P_("--delta: the customer holds %s point; a correction cannot take the "
			    "balance below zero",
			    "--delta: the customer holds %s points; a correction cannot take the "
			    "balance below zero",
			    c.balance < 0 ? -c.balance : c.balance),
			 msg_int(have, c.balance));
		goto fail;
	}
	struct ledger_entry le = {.customer_id = c.id, .at = t, .kind = LK_ADJUST,
				  .points = delta, .reason = why, .staff_id = staff_id};
	if (ledger_append(st, &le, e) != 0)
		goto fail;
	c.balance += delta;
	if (delta > 0 && op.shop.p.expiry_days > 0) {
		int64_t ex = t + expiry_secs(&op.shop);
		if (c.next_expiry == TIME_NONE || ex < c.next_expiry)
			c.next_expiry = ex;
	}
	char *subject = xasprintf("customer %lld: %s", (long long)c.id, why);
	char *before = xasprintf("%lld", (long long)(c.balance - delta));
	char *after = xasprintf("%lld", (long long)c.balance);
	int r = audit_record(&op, "points adjust", subject, before, after, e);
	free(subject);
	free(before);
	free(after);
	if (r != 0 || customer_save_summary(st, &c, e) != 0)
		goto fail;
	out->entry_id = le.id;
	out->balance = c.balance;
	customer_clear(&c);
	free(why);
	return op_commit(&op, e);
fail:
	customer_clear(&c);
	free(why);
	op_abort(&op);
	return -1;
}

int expire_all(struct op *op, int64_t t, int64_t *customers, int64_t *points,
	       void (*progress)(void *ctx, size_t done, size_t total), void *ctx,
	       struct werr *e)
{
	int64_t *ids = NULL;
	size_t n = 0;
	*customers = 0;
	*points = 0;
	if (customers_due_for_expiry(op->st, t, &ids, &n, e) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct customer c = {0};
		int64_t lost = 0;
		if (load_customer(op, ids[i], &c, e) != 0 ||
		    expiry_apply(op, &c, t, &lost, e) != 0 ||
		    tier_evaluate(op, &c, t, "expiry", NULL, NULL, e) != 0 ||
		    customer_save_summary(op->st, &c, e) != 0) {
			customer_clear(&c);
			free(ids);
			return -1;
		}
		customer_clear(&c);
		if (lost > 0) {
			(*customers)++;
			*points += lost;
		}
		if (progress != NULL && (i % 1000 == 0 || i + 1 == n))
			progress(ctx, i + 1, n);
	}
	free(ids);
	if (op->shop.p.expiry_mark != TIME_NONE && t <= op->shop.p.expiry_mark)
		return 0;
	int64_t next_id;
	char buf[32], idbuf[32];
	if (customer_next_id(op->st, &next_id, e) != 0)
		return -1;
	snprintf(buf, sizeof buf, "%lld", (long long)t);
	snprintf(idbuf, sizeof idbuf, "%lld", (long long)(next_id - 1));
	if (settings_set(op->st, "expiry_mark", buf, e) != 0 ||
	    settings_set(op->st, "expiry_mark_customer", idbuf, e) != 0)
		return -1;
	op->shop.p.expiry_mark = t;
	op->shop.p.expiry_mark_customer = next_id - 1;
	return 0;
}

int engine_expire(struct store *st, int64_t as_of, int64_t *customers, int64_t *points,
		  void (*progress)(void *ctx, size_t done, size_t total), void *ctx,
		  struct werr *e)
{
	struct op op;
	int64_t t;
	if (op_begin(&op, st, e) != 0)
		return -1;
	if (op_instant(&op, as_of, &t, e) != 0 ||
	    expire_all(&op, t, customers, points, progress, ctx, e) != 0) {
		op_abort(&op);
		return -1;
	}
	return op_commit(&op, e);
}
