/* sale.c -- purchases and returns. */
#include <config.h>

#include "engine/sale.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/points.h"
#include "engine/rules.h"
#include "engine/shop.h"
#include "store/customers.h"
#include "store/ledger.h"
#include "store/sales.h"
#include "text/i18n.h"
#include "text/uilocale.h"
#include "text/utf8.h"
#include "text/xalloc.h"

#define NOTE_MAX_CHARS 500

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

static int check_note(const char *note, struct werr *e)
{
	if (note == NULL)
		return 0;
	if (!utf8_valid(note) || utf8_has_controls(note) || utf8_length(note) > NOTE_MAX_CHARS) {
		char most[MSG_NUM_SIZE];
		return werr_set(e, W_REFUSED,
				P_("--note: at most %s letter, without control characters",
				   "--note: at most %s letters, without control characters",
				   NOTE_MAX_CHARS),
				msg_int(most, NOTE_MAX_CHARS));
	}
	return 0;
}

static void copy_name(char dst[64], const char *src)
{
	snprintf(dst, 64, "%s", src != NULL ? src : "");
}

static void earliest_expiry(struct customer *c, const struct shop *shop, int64_t t)
{
	if (shop->p.expiry_days <= 0)
		return;
	int64_t ex = t + shop->p.expiry_days * DAY_SECONDS;
	if (c->next_expiry == TIME_NONE || ex < c->next_expiry)
		c->next_expiry = ex;
}

static void next_tier_gap(const struct shop *shop, const struct tier *t, int64_t spend,
			  char name[64], int64_t *missing)
{
	const struct tier *next = shop_tier_next(shop, t);
	copy_name(name, next != NULL ? next->name : "");
	*missing = next != NULL ? next->min_spend - spend : 0;
}

int engine_purchase(struct store *st, const struct purchase_request *rq,
		    struct purchase_result *out, struct werr *e)
{
	struct op op;
	struct customer c = {0};
	int64_t t;
	char *note = NULL;
	memset(out, 0, sizeof *out);
	if (rq->amount < 0)
		return werr_set(e, W_REFUSED, _("--amount: must not be negative"));
	if (rq->redeem_points < 0)
		return werr_set(e, W_REFUSED, _("--redeem-points: must not be negative"));
	if (check_note(rq->note, e) != 0)
		return -1;
	if (op_begin(&op, st, e) != 0)
		return -1;
	const struct program *p = &op.shop.p;
	if (load_customer(&op, rq->customer_id, &c, e) != 0 || op_instant(&op, rq->at, &t, e) != 0)
		goto fail;
	if (!c.active) {
		char num[MSG_NUM_SIZE];
		werr_set(e, W_REFUSED, _("customer %s is inactive"), msg_id(num, c.id));
		goto fail;
	}
	if (order_check(&op, &c, t, e) != 0)
		goto fail;
	/* Rule 1: the discount that points pay. */
	int64_t discount = 0;
	if (rq->redeem_points > 0) {
		if (p->point_value <= 0) {
			werr_set(e, W_REFUSED, _("--redeem-points: points cannot pay purchases in "
						 "this program (point_value is 0)"));
			goto fail;
		}
		if (rq->redeem_points > INT64_MAX / p->point_value ||
		    rq->redeem_points * p->point_value > rq->amount) {
			char n[MSG_NUM_SIZE], max[MSG_NUM_SIZE];
			werr_set(e, W_REFUSED,
				 P_("--redeem-points: %s point is worth more than the amount %s",
				    "--redeem-points: %s points are worth more than the amount %s",
				    rq->redeem_points),
				 msg_int(n, rq->redeem_points), msg_money(max, rq->amount, p->decimals));
			goto fail;
		}
		discount = rq->redeem_points * p->point_value;
	}
	if (expiry_apply(&op, &c, t, NULL, e) != 0)
		goto fail;
	/* Rule 4: only points that pay need balance >= N; a plain sale (N = 0)
	 * is accepted with a negative balance, so that later earnings can
	 * cover a reversal (rule 3). */
	if (rq->redeem_points > 0 && rq->redeem_points > c.balance) {
		int64_t have = c.balance > 0 ? c.balance : 0;
		char have_text[MSG_NUM_SIZE], want_text[MSG_NUM_SIZE];
		werr_set(e, W_REFUSED,
			 /* TRANSLATORS: the customer's balance, then the points the
			    cashier asked to pay with. */
			 P_("--redeem-points: the customer holds %s point, not %s",
			    "--redeem-points: the customer holds %s points, not %s", have),
			 msg_int(have_text, have), msg_int(want_text, rq->redeem_points));
		goto fail;
	}
	/* Rule 2 at the sale's instant, without the sale. */
	const struct tier *before = NULL;
	int64_t spend_before = 0;
	if (tier_at(st, &op.shop, c.id, t, &before, &spend_before, e) != 0)
		goto fail;
	int multiplier = before != NULL ? before->multiplier : 100;
	int64_t paid = rq->amount - discount;
	int64_t earned = rule_earned(paid, p->earn_unit, multiplier);
	note = rq->note != NULL ? utf8_trim(rq->note) : NULL;
	struct sale sa = {.customer_id = c.id, .at = t, .amount = rq->amount,
			  .points_paid = rq->redeem_points, .discount = discount, .paid = paid,
			  .earned = earned, .multiplier = multiplier,
			  .tier = before != NULL ? before->name : (char *)"",
			  .first_sale = c.sales_count == 0, .note = note, .staff_id = rq->staff_id};
	if (sale_insert(st, &sa, e) != 0)
		goto fail;
	if (rq->redeem_points > 0) {
		struct ledger_entry le = {.customer_id = c.id, .at = t, .kind = LK_PAY,
					  .points = -rq->redeem_points, .sale_id = sa.id,
					  .staff_id = rq->staff_id};
		if (ledger_append(st, &le, e) != 0)
			goto fail;
	}
	if (earned > 0) {
		struct ledger_entry le = {.customer_id = c.id, .at = t, .kind = LK_EARN,
					  .points = earned, .sale_id = sa.id,
					  .staff_id = rq->staff_id};
		if (ledger_append(st, &le, e) != 0)
			goto fail;
		earliest_expiry(&c, &op.shop, t);
	}
	c.balance += earned - rq->redeem_points;
	c.sales_count++;
	if (c.first_sale_at == TIME_NONE)
		c.first_sale_at = t;
	c.last_sale_at = t;
	c.spend += paid;
	const struct tier *after = NULL;
	int64_t spend_after = 0;
	if (tier_evaluate(&op, &c, t, "sale", &after, &spend_after, e) != 0 ||
	    customer_save_summary(st, &c, e) != 0)
		goto fail;

	out->purchase_id = sa.id;
	out->customer_id = c.id;
	out->at = t;
	out->amount = rq->amount;
	out->discount = discount;
	out->paid = paid;
	out->points_earned = earned;
	out->points_paid = rq->redeem_points;
	out->points_balance = c.balance;
	copy_name(out->tier, after != NULL ? after->name : "");
	copy_name(out->tier_before, before != NULL ? before->name : "");
	out->multiplier = multiplier;
	out->tier_changed = before != after;
	out->window_spend = spend_after;
	next_tier_gap(&op.shop, after, spend_after, out->next_tier, &out->next_tier_missing);
	free(note);
	customer_clear(&c);
	return op_commit(&op, e);
fail:
	free(note);
	customer_clear(&c);
	op_abort(&op);
	return -1;
}

int engine_return(struct store *st, const struct return_request *rq, struct return_result *out,
		  struct werr *e)
{
	struct op op;
	struct customer c = {0};
	struct sale sa = {0};
	int64_t t;
	char *note = NULL;
	memset(out, 0, sizeof *out);
	if (rq->amount <= 0)
		return werr_set(e, W_REFUSED, _("--amount: a return must be more than zero"));
	if (check_note(rq->note, e) != 0)
		return -1;
	if (op_begin(&op, st, e) != 0)
		return -1;
	int found = sale_get(st, rq->purchase_id, &sa, e);
	if (found <= 0) {
		char num[MSG_NUM_SIZE];
		if (found == 0)
			werr_set(e, W_REFUSED, _("unknown purchase %s"), msg_id(num, rq->purchase_id));
		goto fail;
	}
	if (load_customer(&op, sa.customer_id, &c, e) != 0 || op_instant(&op, rq->at, &t, e) != 0 ||
	    order_check(&op, &c, t, e) != 0)
		goto fail;
	int64_t prev = 0, refunded_before = 0;
	if (sale_returned(st, sa.id, &prev, &refunded_before, e) != 0)
		goto fail;
	if (rq->amount > sa.amount - prev) {
		const int dec = op.shop.p.decimals;
		char id[MSG_NUM_SIZE], sold[MSG_NUM_SIZE], back[MSG_NUM_SIZE], left[MSG_NUM_SIZE];
		werr_set(e, W_REFUSED,
			 _("--amount: purchase %s was %s and %s of it is already returned; at "
			   "most %s can come back"),
			 msg_id(id, sa.id), msg_money(sold, sa.amount, dec),
			 msg_money(back, prev, dec), msg_money(left, sa.amount - prev, dec));
		goto fail;
	}
	if (expiry_apply(&op, &c, t, NULL, e) != 0)
		goto fail;
	struct return_split split;
	rule_return_split(sa.amount, sa.paid, sa.earned, sa.points_paid, prev, prev + rq->amount,
			  &split);
	note = rq->note != NULL ? utf8_trim(rq->note) : NULL;
	struct sale_return r = {.sale_id = sa.id, .customer_id = c.id, .at = t,
				.amount = rq->amount, .refunded = split.refunded,
				.points_reversed = split.reversed,
				.points_restored = split.restored, .note = note,
				.staff_id = rq->staff_id};
	if (return_insert(st, &r, e) != 0)
		goto fail;
	if (split.reversed > 0) {
		struct ledger_entry le = {.customer_id = c.id, .at = t, .kind = LK_REVERSE,
					  .points = -split.reversed, .sale_id = sa.id,
					  .return_id = r.id, .staff_id = rq->staff_id};
		if (ledger_append(st, &le, e) != 0)
			goto fail;
	}
	if (split.restored > 0) {
		struct ledger_entry le = {.customer_id = c.id, .at = t, .kind = LK_RESTORE,
					  .points = split.restored, .sale_id = sa.id,
					  .return_id = r.id, .staff_id = rq->staff_id};
		if (ledger_append(st, &le, e) != 0)
			goto fail;
		earliest_expiry(&c, &op.shop, t);
	}
	c.balance += split.restored - split.reversed;
	c.spend -= split.refunded;
	/* Only a reversal takes a balance below zero: remember the first time
	 * (the liability of a past month looks at these customers). */
	if (c.balance < 0 && c.negative_since == TIME_NONE)
		c.negative_since = t;
	const struct tier *after = NULL;
	if (tier_evaluate(&op, &c, t, "return", &after, NULL, e) != 0 ||
	    customer_save_summary(st, &c, e) != 0)
		goto fail;
	out->return_id = r.id;
	out->purchase_id = sa.id;
	out->customer_id = c.id;
	out->at = t;
	out->amount = rq->amount;
	out->refunded = split.refunded;
	out->points_reversed = split.reversed;
	out->points_restored = split.restored;
	out->points_balance = c.balance;
	copy_name(out->tier, after != NULL ? after->name : "");
	free(note);
	sale_clear(&sa);
	customer_clear(&c);
	return op_commit(&op, e);
fail:
	free(note);
	sale_clear(&sa);
	customer_clear(&c);
	op_abort(&op);
	return -1;
}
