/* metrics.c -- the monthly loyalty figures and the owner's lists. */
#include <config.h>

#include "engine/metrics.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "engine/points.h"
#include "engine/rules.h"
#include "engine/shop.h"
#include "store/customers.h"
#include "store/surveys.h"
#include "text/calendar.h"
#include "text/i18n.h"
#include "text/tz.h"
#include "text/xalloc.h"

#define M(key, type, group, field, label) \
	{key, type, group, offsetof(struct month_report, field), label}

const struct metric month_metrics[] = {
	M("sales_count", MT_COUNT, MG_SALES, sales_count, N_("Sales")),
	M("sales_amount", MT_MONEY, MG_SALES, sales_amount, N_("Sales amount")),
	M("paid_amount", MT_MONEY, MG_SALES, paid_amount, N_("Paid in cash")),
	M("refunded_amount", MT_MONEY, MG_SALES, refunded_amount, N_("Refunded")),
	M("net_revenue", MT_MONEY, MG_SALES, net_revenue, N_("Net revenue")),
	M("avg_check", MT_MONEY, MG_SALES, avg_check, N_("Average check")),
	M("avg_check_first", MT_MONEY, MG_SALES, avg_check_first, N_("Average first check")),
	M("avg_check_repeat", MT_MONEY, MG_SALES, avg_check_repeat, N_("Average repeat check")),
	M("active_customers", MT_COUNT, MG_CUSTOMERS, active_customers, N_("Active customers")),
	M("new_customers", MT_COUNT, MG_CUSTOMERS, new_customers, N_("New customers")),
	M("returning_customers", MT_COUNT, MG_CUSTOMERS, returning_customers,
	  N_("Returning customers")),
	M("repeat_sales", MT_COUNT, MG_CUSTOMERS, repeat_sales, N_("Repeat sales")),
	M("repeat_purchase_rate", MT_RATE, MG_CUSTOMERS, repeat_purchase_rate,
	  N_("Repeat-purchase rate")),
	M("enrolled", MT_COUNT, MG_CUSTOMERS, enrolled, N_("Enrolled")),
	M("members", MT_COUNT, MG_CUSTOMERS, members, N_("Members")),
	M("clv_avg", MT_MONEY, MG_CUSTOMERS, clv_avg, N_("Average lifetime value")),
	M("retention_rate", MT_RATE, MG_RETENTION, retention_rate, N_("Retention rate")),
	M("churned", MT_COUNT, MG_RETENTION, churned, N_("Churned")),
	M("churn_rate", MT_RATE, MG_RETENTION, churn_rate, N_("Churn rate")),
	M("points_earned", MT_POINTS, MG_POINTS, points_earned, N_("Points earned")),
	M("points_redeemed", MT_POINTS, MG_POINTS, points_redeemed, N_("Points redeemed")),
	M("points_expired", MT_POINTS, MG_POINTS, points_expired, N_("Points expired")),
	M("points_reversed", MT_POINTS, MG_POINTS, points_reversed, N_("Points reversed")),
	M("points_restored", MT_POINTS, MG_POINTS, points_restored, N_("Points restored")),
	M("points_adjusted", MT_POINTS, MG_POINTS, points_adjusted, N_("Points adjusted")),
	M("points_outstanding", MT_POINTS, MG_POINTS, points_outstanding,
	  N_("Points outstanding")),
	M("points_liability", MT_MONEY, MG_POINTS, points_liability, N_("Points liability")),
	M("rewards_redeemed", MT_COUNT, MG_POINTS, rewards_redeemed, N_("Rewards redeemed")),
	M("nps_responses", MT_COUNT, MG_NPS, nps_responses, N_("NPS answers")),
	M("promoters", MT_COUNT, MG_NPS, promoters, N_("Promoters")),
	M("passives", MT_COUNT, MG_NPS, passives, N_("Passives")),
	M("detractors", MT_COUNT, MG_NPS, detractors, N_("Detractors")),
	M("nps", MT_NPS, MG_NPS, nps, N_("NPS")),
};
const size_t month_nmetrics = sizeof month_metrics / sizeof month_metrics[0];

#define L(key, field, label) {key, offsetof(struct ladder_counts, field), label}
const struct ladder_key ladder_keys[] = {
	L("prospect", prospect, N_("prospect")), L("one_time", one_time, N_("one-time")),
	/* TRANSLATORS: loyalty ladder stages: "repeat" is a customer with two
	 * purchases, "regular" one with three or more (the average check's
	 * "repeat", of repeat purchases, has the context "average check"). */
	L("repeat", repeat, N_("repeat")),       L("regular", regular, N_("regular")),
	L("loyal", loyal, N_("loyal")),          L("lapsed", lapsed, N_("lapsed")),
};
const size_t ladder_nkeys = sizeof ladder_keys / sizeof ladder_keys[0];

int64_t metric_int(const struct month_report *r, const struct metric *m)
{
	return *(const int64_t *)((const char *)r + m->offset);
}

struct rate metric_rate(const struct month_report *r, const struct metric *m)
{
	return *(const struct rate *)((const char *)r + m->offset);
}

int64_t ladder_value(const struct ladder_counts *l, const struct ladder_key *k)
{
	return *(const int64_t *)((const char *)l + k->offset);
}

static struct rate rate_of(int64_t num, int64_t den)
{
	struct rate r = {0, den != 0};
	if (den != 0)
		r.value = (double)num / (double)den;
	return r;
}

/* floor(a / b) for b > 0, also for negative a. */
static int64_t floor_div(int64_t a, int64_t b)
{
	if (b <= 0)
		return 0;
	int64_t q = a / b;
	if ((a % b != 0) && (a < 0))
		q--;
	return q;
}

void month_report_free(struct month_report *r)
{
	for (size_t i = 0; i < r->ntiers; i++)
		free(r->tiers[i].name);
	free(r->tiers);
	r->tiers = NULL;
	r->ntiers = 0;
}

struct tier_tally {
	const struct shop *shop;
	int64_t *counts;
	int64_t listed;
};

static void tally(void *ctx, int64_t customer_id, int64_t spend)
{
	(void)customer_id;
	struct tier_tally *t = ctx;
	t->counts[rule_tier_index(t->shop->tiers, t->shop->ntiers, spend)]++;
	t->listed++;
}

/* The smallest min_spend above zero (the window spend that lifts a
 * customer out of the first tier), or -1 with a single tier. */
static int64_t second_tier_spend(const struct shop *shop)
{
	for (size_t i = 0; i < shop->ntiers; i++)
		if (shop->tiers[i].min_spend > 0)
			return shop->tiers[i].min_spend;
	return -1;
}

/* The figures for [start, end), from a consistent snapshot.  A month
 * after which nothing is dated (the current one) takes the customer
 * figures from the per-customer summaries; a past month from the sales
 * and the ledger themselves. */
static int compute(struct store *st, const struct shop *shop, struct month_report *r,
		   struct werr *e)
{
	const int64_t start = r->start, end = r->end;
	const int64_t active = shop->p.active_days * DAY_SECONDS;
	struct sales_stats s;
	bool current;
	if (stats_nothing_after(st, end, &current, e) != 0 ||
	    stats_sales(st, start, end, !current, &s, e) != 0 ||
	    stats_refunded(st, start, end, &r->refunded_amount, e) != 0)
		return -1;
	r->sales_count = s.count;
	r->sales_amount = s.amount;
	r->paid_amount = s.paid;
	r->net_revenue = s.paid - r->refunded_amount;
	r->avg_check = floor_div(s.amount, s.count);
	r->active_customers = s.customers;
	r->new_customers = s.first_count;
	r->returning_customers = s.customers - s.first_count;
	r->repeat_sales = s.count - s.first_count;
	r->repeat_purchase_rate = rate_of(r->repeat_sales, s.count);
	r->avg_check_first = floor_div(s.first_amount, s.first_count);
	r->avg_check_repeat = floor_div(s.repeat_amount, r->repeat_sales);

	/* Retention: the previous month of the calendar. */
	int py = r->year, pm = r->month;
	int64_t pstart, pend;
	month_step(&py, &pm, -1);
	if (month_range(shop->p.calendar, shop->p.timezone, py, pm, &pstart, &pend) != 0)
		return werr_set(e, W_REFUSED, _("the month before %04d-%02d is out of range"),
				r->year, r->month);
	int64_t base, retained, churn_base, clv_customers, clv_sum;
	int64_t positive = 0;
	if (current) {
		struct recent_stats rs;
		if (stats_recent(st, pstart, start, end, active, &rs, e) != 0)
			return -1;
		/* Nothing is dated after the month: its buyers are the
		 * customers whose last sale is in it. */
		r->active_customers = rs.buyers;
		r->returning_customers = rs.buyers - s.first_count;
		r->enrolled = rs.enrolled;
		r->members = rs.members;
		r->ladder = rs.ladder;
		base = rs.retention_base;
		retained = rs.retained;
		r->churned = rs.churned;
		churn_base = rs.churn_base;
		clv_customers = rs.clv_customers;
		clv_sum = rs.clv_sum;
		r->points_outstanding = rs.outstanding;
		positive = rs.positive;
	} else if (stats_enrolment(st, start, end, &r->enrolled, &r->members, e) != 0 ||
		   stats_retention(st, pstart, start, end, &base, &retained, e) != 0 ||
		   stats_churn(st, start - active, end - active, end, &r->churned, e) != 0 ||
		   stats_active_between(st, start - active, start, &churn_base, e) != 0 ||
		   stats_ladder(st, end, active, &r->ladder, e) != 0 ||
		   stats_clv(st, end, &clv_customers, &clv_sum, e) != 0 ||
		   stats_outstanding(st, end, &r->points_outstanding, &positive, e) != 0) {
		return -1;
	}
	r->retention_rate = rate_of(retained, base);
	r->churn_rate = rate_of(r->churned, churn_base);
	r->clv_avg = floor_div(clv_sum, clv_customers);

	int64_t sums[LK__COUNT];
	if (stats_points(st, start, end, sums, e) != 0 ||
	    stats_redemptions(st, start, end, &r->rewards_redeemed, e) != 0)
		return -1;
	r->points_earned = sums[LK_EARN] + sums[LK_BONUS];
	r->points_redeemed = -(sums[LK_REDEEM] + sums[LK_PAY]);
	r->points_expired = -sums[LK_EXPIRE];
	r->points_reversed = -sums[LK_REVERSE];
	r->points_restored = sums[LK_RESTORE];
	r->points_adjusted = sums[LK_ADJUST];
	r->points_liability = positive * shop->p.point_value;

	if (stats_nps(st, start, end, &r->nps_responses, &r->promoters, &r->passives,
		      &r->detractors, e) != 0)
		return -1;
	r->nps_defined = r->nps_responses > 0;
	r->nps = r->nps_defined ? rule_nps(r->promoters, r->detractors, r->nps_responses) : 0;

	/* Tiers held at end - 1 s by the customers enrolled before end. */
	const int64_t t = end - 1, window = shop->p.tier_window_days * DAY_SECONDS;
	struct tier_tally tt = {shop, xcalloc(shop->ntiers ? shop->ntiers : 1, sizeof(int64_t)), 0};
	int64_t lift = second_tier_spend(shop);
	if (lift > 0 &&
	    stats_window_spends(st, t - window, t, end, lift, tally, &tt, e) != 0) {
		free(tt.counts);
		return -1;
	}
	/* Everyone else holds the first tier. */
	if (shop->ntiers > 0)
		tt.counts[0] += r->members - tt.listed;
	r->ntiers = shop->ntiers;
	r->tiers = xcalloc(shop->ntiers ? shop->ntiers : 1, sizeof *r->tiers);
	for (size_t i = 0; i < shop->ntiers; i++) {
		r->tiers[i].name = xstrdup(shop->tiers[i].name);
		r->tiers[i].customers = tt.counts[i];
	}
	free(tt.counts);
	return 0;
}

int engine_current_month(struct store *st, int *year, int *month, struct werr *e)
{
	struct shop shop;
	if (shop_load(st, &shop, e) != 0)
		return -1;
	int r = month_of(shop.p.calendar, shop.p.timezone, clock_now(), year, month);
	shop_free(&shop);
	if (r != 0)
		return werr_set(e, W_REFUSED, _("cannot tell the current month"));
	return 0;
}

int engine_month_report(struct store *st, int year, int month, struct month_report *out,
			struct werr *e)
{
	struct op op;
	memset(out, 0, sizeof *out);
	out->year = year;
	out->month = month;
	if (month < 1 || month > 12)
		return werr_set(e, W_REFUSED, _("month: from 01 to 12"));
	/* Expiry first, up to min(end, now), in a write transaction of its
	 * own; then the figures from one read snapshot. */
	if (op_begin(&op, st, e) != 0)
		return -1;
	if (month_range(op.shop.p.calendar, op.shop.p.timezone, year, month, &out->start,
			&out->end) != 0) {
		op_abort(&op);
		return werr_set(e, W_REFUSED, _("month %04d-%02d is out of range"), year, month);
	}
	int64_t upto = out->end < op.now ? out->end : op.now;
	int64_t customers, points;
	if (expire_all(&op, upto, &customers, &points, NULL, NULL, e) != 0) {
		op_abort(&op);
		return -1;
	}
	struct shop shop = op.shop;
	op.shop = (struct shop){0}; /* keep the settings for the figures */
	if (op_commit(&op, e) != 0) {
		shop_free(&shop);
		return -1;
	}
	int r = -1;
	if (store_begin_read(st, e) == 0) {
		r = compute(st, &shop, out, e);
		store_rollback(st);
	}
	shop_free(&shop);
	if (r != 0)
		month_report_free(out);
	return r;
}

int engine_at_risk(struct store *st, size_t limit, struct customer_row **v, size_t *n,
		   struct werr *e)
{
	struct shop shop;
	if (shop_load(st, &shop, e) != 0)
		return -1;
	int64_t now = clock_now();
	int64_t a = shop.p.active_days;
	int64_t lo = a > 30 ? a - 30 : 0;
	int r = stats_at_risk(st, now - a * DAY_SECONDS, now - lo * DAY_SECONDS, limit, v, n, e);
	shop_free(&shop);
	return r;
}

/* Customers with points expiring at or before `horizon`: how many and how
 * many points, and -- when rows is not NULL -- the list (value = the
 * points, at = the first of those expiries).  Candidates are streamed by
 * id, so that counting keeps no list in memory. */
static int expiring_until(struct store *st, int64_t horizon, struct customer_row **rows,
			  size_t *nrows, int64_t *count, int64_t *points, struct werr *e)
{
	struct shop shop;
	if (shop_load(st, &shop, e) != 0)
		return -1;
	int64_t now = clock_now();
	int64_t *ids = NULL;
	size_t nids = 0, cap = 0;
	struct customer_row *out = NULL;
	size_t len = 0;
	int r = -1;
	*count = *points = 0;
	if (store_begin_read(st, e) != 0)
		goto out;
	if (stats_expiry_candidates(st, horizon, &ids, &nids, e) != 0)
		goto rollback;
	for (size_t i = 0; i < nids; i++) {
		struct customer c = {0};
		if (customer_get(st, ids[i], &c, e) <= 0) {
			customer_clear(&c);
			goto rollback;
		}
		int64_t bal;
		struct expiry *next = NULL;
		size_t nn = 0;
		/* What expires between now and the horizon: run the rule from
		 * the watermark up to the horizon as if nothing else happened. */
		int64_t wm = customer_watermark(&shop, &c);
		int64_t from = wm != TIME_NONE && wm > now ? wm : now;
		if (points_preview(st, &shop, &c, from, &bal, &next, &nn, SIZE_MAX, e) != 0) {
			customer_clear(&c);
			goto rollback;
		}
		int64_t sum = 0, first = TIME_NONE;
		for (size_t k = 0; k < nn && next[k].at <= horizon; k++) {
			sum += next[k].points;
			if (first == TIME_NONE)
				first = next[k].at;
		}
		free(next);
		if (sum > 0) {
			(*count)++;
			*points += sum;
			if (rows != NULL) {
				out = xgrow(out, &cap, len + 1, sizeof *out);
				out[len++] = (struct customer_row){
					.id = c.id, .name = c.name, .phone = c.phone,
					.last_sale_at = c.last_sale_at, .sales_count = c.sales_count,
					.value = sum, .at = first};
				c.name = c.phone = NULL;
			}
		}
		customer_clear(&c);
	}
	r = 0;
rollback:
	store_rollback(st);
out:
	shop_free(&shop);
	free(ids);
	if (r != 0) {
		customer_rows_free(out, len);
		return -1;
	}
	if (rows != NULL) {
		*rows = out;
		*nrows = len;
	}
	return 0;
}

int engine_expiring(struct store *st, int64_t days, struct customer_row **v, size_t *n,
		    struct werr *e)
{
	int64_t count, points;
	return expiring_until(st, clock_now() + days * DAY_SECONDS, v, n, &count, &points, e);
}

int engine_top(struct store *st, int year, int month, size_t limit, struct customer_row **v,
	       size_t *n, struct werr *e)
{
	struct shop shop;
	int64_t start, end;
	if (shop_load(st, &shop, e) != 0)
		return -1;
	int r = month_range(shop.p.calendar, shop.p.timezone, year, month, &start, &end);
	shop_free(&shop);
	if (r != 0)
		return werr_set(e, W_REFUSED, _("month %04d-%02d is out of range"), year, month);
	return stats_top(st, start, end, limit, v, n, e);
}

int engine_day_figures(struct store *st, struct day_figures *out, struct werr *e)
{
	struct shop shop;
	memset(out, 0, sizeof *out);
	if (shop_load(st, &shop, e) != 0)
		return -1;
	int64_t now = clock_now();
	struct civil c;
	int r = -1;
	if (tz_utc_to_local(shop.p.timezone, now, &c, NULL) != 0) {
		werr_set(e, W_REFUSED, _("unknown time zone %s"), shop.p.timezone);
		goto out;
	}
	c.hour = c.min = c.sec = 0;
	tz_local_to_utc(shop.p.timezone, &c, &out->day_start);
	if (store_begin_read(st, e) != 0)
		goto out;
	struct sales_stats s;
	int64_t sums[LK__COUNT];
	if (stats_sales(st, out->day_start, now + 1, false, &s, e) != 0 ||
	    stats_enrolled_between(st, out->day_start, now + 1, &out->enrolled, e) != 0 ||
	    stats_points(st, out->day_start, now + 1, sums, e) != 0 ||
	    stats_redemptions(st, out->day_start, now + 1, &out->rewards, e) != 0 ||
	    follow_ups_open_count(st, &out->follow_ups, &out->follow_up_oldest, e) != 0) {
		store_rollback(st);
		goto out;
	}
	store_rollback(st);
	out->sales = s.count;
	out->sales_amount = s.amount;
	out->points_earned = sums[LK_EARN] + sums[LK_BONUS];
	r = 0;
out:
	shop_free(&shop);
	return r;
}

int engine_waiting_figures(struct store *st, int64_t *calls_due, int64_t *at_risk,
			   struct werr *e)
{
	struct shop shop;
	if (shop_load(st, &shop, e) != 0)
		return -1;
	int64_t now = clock_now();
	int64_t a = shop.p.active_days, lo = a > 30 ? a - 30 : 0;
	shop_free(&shop);
	if (store_begin_read(st, e) != 0)
		return -1;
	int r = call_list_count(st, now, calls_due, e) != 0 ||
			stats_at_risk_count(st, now - a * DAY_SECONDS, now - lo * DAY_SECONDS,
					    at_risk, e) != 0
		? -1
		: 0;
	store_rollback(st);
	return r;
}

int engine_expiring_this_month(struct store *st, int64_t *customers, int64_t *points,
			       struct werr *e)
{
	struct shop shop;
	int y, m;
	int64_t start, end;
	if (shop_load(st, &shop, e) != 0)
		return -1;
	int r = month_of(shop.p.calendar, shop.p.timezone, clock_now(), &y, &m) != 0 ||
			month_range(shop.p.calendar, shop.p.timezone, y, m, &start, &end) != 0;
	shop_free(&shop);
	if (r)
		return werr_set(e, W_REFUSED, _("cannot tell the current month"));
	return expiring_until(st, end - 1, NULL, NULL, customers, points, e);
}
