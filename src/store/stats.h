/* stats.h -- the aggregates behind the monthly report (DESIGN.md
 * section 6), each one SQL statement over covering indexes or the
 * per-customer summaries.  The engine turns them into the metrics. */
#ifndef WAFA_STORE_STATS_H
#define WAFA_STORE_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/ledger.h"
#include "store/store.h"

/* Sales with start <= at < end. */
struct sales_stats {
	int64_t count, amount, paid;
	int64_t customers;          /* distinct customers (when asked for) */
	int64_t first_count, first_amount; /* first-ever sales */
	int64_t repeat_amount;      /* amount of the other sales */
};
/* Sales dated in [start, end); the distinct buyers only when `buyers`
 * (otherwise customers is 0). */
int stats_sales(struct store *st, int64_t start, int64_t end, bool buyers,
		struct sales_stats *out, struct werr *e);
/* Cash refunded by returns dated in [start, end). */
int stats_refunded(struct store *st, int64_t start, int64_t end, int64_t *out, struct werr *e);
/* Customers enrolled in [start, end) (an indexed range). */
int stats_enrolled_between(struct store *st, int64_t start, int64_t end, int64_t *n,
			   struct werr *e);
/* Customers enrolled in [start, end), and before end. */
int stats_enrolment(struct store *st, int64_t start, int64_t end, int64_t *enrolled,
		    int64_t *members, struct werr *e);
/* Of the customers with a sale in [prev, start), how many, and how many
 * of them have a sale in [start, end). */
int stats_retention(struct store *st, int64_t prev, int64_t start, int64_t end, int64_t *base,
		    int64_t *retained, struct werr *e);
/* Customers with a sale in [from, to) and none in [to, end): the ones
 * whose last sale before end lies in [from, to). */
int stats_churn(struct store *st, int64_t from, int64_t to, int64_t end, int64_t *churned,
		struct werr *e);
/* Distinct customers with a sale in [from, to). */
int stats_active_between(struct store *st, int64_t from, int64_t to, int64_t *n, struct werr *e);
/* Sum of ledger points per kind dated in [start, end). */
int stats_points(struct store *st, int64_t start, int64_t end, int64_t sums[LK__COUNT],
		 struct werr *e);
/* Sum of every ledger entry dated before end, and sum over customers of
 * max(0, their balance at end). */
int stats_outstanding(struct store *st, int64_t end, int64_t *outstanding, int64_t *positive,
		      struct werr *e);
int stats_redemptions(struct store *st, int64_t start, int64_t end, int64_t *n, struct werr *e);
/* Surveys dated in [start, end): responses, promoters (9-10), passives
 * (7-8), detractors (0-6). */
int stats_nps(struct store *st, int64_t start, int64_t end, int64_t *responses, int64_t *pro,
	      int64_t *pas, int64_t *det, struct werr *e);
/* (The window spends below: only customers who can reach min_spend are
 * listed -- the others hold the first tier.) */
/* The window spend at instant t (sales with from < at <= t, less their
 * refunds dated <= t) of each customer enrolled before `enrolled_before`
 * that has one: calls fn for each.  Customers without sales in the window
 * are not listed. */
int stats_window_spends(struct store *st, int64_t from, int64_t t, int64_t enrolled_before,
			int64_t min_spend, void (*fn)(void *ctx, int64_t customer_id, int64_t spend),
			void *ctx, struct werr *e);

/* The loyalty ladder at end (customers enrolled before end). */
struct ladder_counts {
	int64_t prospect, one_time, repeat, regular, loyal, lapsed;
};
int stats_ladder(struct store *st, int64_t end, int64_t active_secs, struct ladder_counts *out,
		 struct werr *e);
/* Customers with a sale before end, and the sum of their paid - refunded
 * before end. */
int stats_clv(struct store *st, int64_t end, int64_t *customers, int64_t *sum, struct werr *e);

/* Whether nothing at all -- sale, return, ledger entry, enrolment -- is
 * dated at or after end (the current month): then the per-customer
 * summaries give the figures "before end" directly. */
int stats_nothing_after(struct store *st, int64_t end, bool *yes, struct werr *e);
/* The customer figures of such a month in a few passes over the
 * summaries: enrolment, the ladder, retention and churn (prev is the
 * previous month's start), lifetime value, points outstanding. */
struct recent_stats {
	int64_t enrolled, members;
	struct ladder_counts ladder;
	int64_t retention_base, retained;
	int64_t churned, churn_base;
	int64_t clv_customers, clv_sum;
	int64_t outstanding, positive; /* points: the sum of the balances, and of those above 0 */
	int64_t buyers; /* customers with a sale in [start, end) */
};
int stats_recent(struct store *st, int64_t prev, int64_t start, int64_t end, int64_t active_secs,
		 struct recent_stats *out, struct werr *e);

/* Lists an owner acts on. */
struct customer_row {
	int64_t id;
	char *name;
	char *phone;
	int64_t last_sale_at;
	int64_t sales_count;
	int64_t value; /* what the list is about: net revenue, points ... */
	int64_t at;    /* an instant the list is about, or TIME_NONE */
};
void customer_rows_free(struct customer_row *v, size_t n);
/* Active customers whose last sale is in (from, to], oldest first. */
int stats_at_risk(struct store *st, int64_t from, int64_t to, size_t limit,
		  struct customer_row **v, size_t *n, struct werr *e);
/* The ids of the customers with points whose next expiry instant is at or
 * before t (candidates for the expiring list), in a new array. */
int stats_expiry_candidates(struct store *st, int64_t t, int64_t **ids, size_t *n,
			    struct werr *e);
/* Customers by net revenue (paid of sales in [start, end) less refunds
 * dated in it), highest first (value = net revenue). */
int stats_top(struct store *st, int64_t start, int64_t end, size_t limit,
	      struct customer_row **v, size_t *n, struct werr *e);
/* How many active customers have their last sale in (from, to]. */
int stats_at_risk_count(struct store *st, int64_t from, int64_t to, int64_t *n,
			struct werr *e);

/* The shop's latest sales, newest first, with their customers. */
struct sale_line {
	int64_t id, customer_id, at, amount, earned, points_paid;
	char *name, *phone, *tier;
};
void sale_lines_free(struct sale_line *v, size_t n);
int stats_latest_sales(struct store *st, size_t limit, struct sale_line **v, size_t *n,
		       struct werr *e);

/* The latest instant of any sale or ledger entry (TIME_NONE if none). */
int stats_last_event(struct store *st, int64_t *at, struct werr *e);

#endif
