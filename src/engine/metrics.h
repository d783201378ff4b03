/* metrics.h -- the monthly loyalty figures of DESIGN.md section 6, and
 * the lists an owner acts on. */
#ifndef WAFA_ENGINE_METRICS_H
#define WAFA_ENGINE_METRICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/stats.h"
#include "store/store.h"

/* A rate in [0, 1], or undefined (JSON null) when its denominator is 0. */
struct rate {
	double value;
	bool defined;
};

struct tier_count {
	char *name;
	int64_t customers;
};

struct month_report {
	int year, month;        /* in the shop's calendar */
	int64_t start, end;     /* [start, end) */
	int64_t sales_count, sales_amount, paid_amount, refunded_amount, net_revenue, avg_check;
	int64_t active_customers, new_customers, returning_customers, repeat_sales;
	struct rate repeat_purchase_rate;
	int64_t avg_check_first, avg_check_repeat;
	int64_t enrolled, members;
	struct rate retention_rate;
	int64_t churned;
	struct rate churn_rate;
	int64_t points_earned, points_redeemed, points_expired, points_reversed, points_restored,
		points_adjusted, points_outstanding, points_liability;
	int64_t rewards_redeemed;
	int64_t nps_responses, promoters, passives, detractors;
	int64_t nps;
	bool nps_defined;
	struct tier_count *tiers; /* lowest tier first */
	size_t ntiers;
	struct ladder_counts ladder;
	int64_t clv_avg;
};

/* The kinds of figures, for formatting. */
enum metric_type {
	MT_COUNT,  /* a number of sales, customers, answers */
	MT_MONEY,  /* minor units */
	MT_RATE,   /* struct rate */
	MT_POINTS, /* points */
	MT_NPS,    /* -100..100, or null */
};
enum metric_group {
	MG_SALES,
	MG_CUSTOMERS,
	MG_RETENTION,
	MG_POINTS,
	MG_NPS,
};

/* One figure of the report: its key (JSON, CSV header), its place in the
 * struct, and its label (N_()). */
struct metric {
	const char *key;
	enum metric_type type;
	enum metric_group group;
	size_t offset;
	const char *label;
};
/* Every scalar key of section 6 in report order (tiers and ladder are
 * separate). */
extern const struct metric month_metrics[];
extern const size_t month_nmetrics;
/* The ladder's keys in order, with labels. */
struct ladder_key {
	const char *key;
	size_t offset; /* in struct ladder_counts */
	const char *label;
};
extern const struct ladder_key ladder_keys[];
extern const size_t ladder_nkeys;

int64_t metric_int(const struct month_report *r, const struct metric *m);
struct rate metric_rate(const struct month_report *r, const struct metric *m);
int64_t ladder_value(const struct ladder_counts *l, const struct ladder_key *k);

/* Computes the report for month (year, month) of the shop's calendar.
 * First applies expiry to every customer up to min(end, now), as
 * `wafa expire` does. */
int engine_month_report(struct store *st, int year, int month, struct month_report *out,
			struct werr *e);
void month_report_free(struct month_report *r);
/* The shop's current month. */
int engine_current_month(struct store *st, int *year, int *month, struct werr *e);

/* Today at a glance (the home screen): quick, from indexed ranges. */
struct day_figures {
	int64_t day_start;           /* local midnight */
	int64_t sales, sales_amount;
	int64_t enrolled;
	int64_t points_earned;
	int64_t rewards;
	int64_t follow_ups, follow_up_oldest; /* oldest: TIME_NONE when none */
};
int engine_day_figures(struct store *st, struct day_figures *out, struct werr *e);
/* What waits: survey calls due and customers at risk (slower: the home
 * screen asks after it is drawn). */
int engine_waiting_figures(struct store *st, int64_t *calls_due, int64_t *at_risk,
			   struct werr *e);
/* How many customers have points expiring before the end of the shop's
 * current month (slower: it runs the expiry rule per customer). */
int engine_expiring_this_month(struct store *st, int64_t *customers, int64_t *points,
			       struct werr *e);

/* At risk: active customers whose last sale was between active_days - 30
 * and active_days days ago (value = spend). */
int engine_at_risk(struct store *st, size_t limit, struct customer_row **v, size_t *n,
		   struct werr *e);
/* Customers whose points expire within `days` days: value = the points,
 * at = the first of those expiries. */
int engine_expiring(struct store *st, int64_t days, struct customer_row **v, size_t *n,
		    struct werr *e);
/* Customers by net revenue in the month (value = net revenue). */
int engine_top(struct store *st, int year, int month, size_t limit, struct customer_row **v,
	       size_t *n, struct werr *e);

#endif
