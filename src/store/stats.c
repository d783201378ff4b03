/* stats.c -- aggregates for the monthly report and the owner's lists.
 *
 * Sums "before end" over the whole history are taken from the side of
 * `end` that holds fewer rows: the per-customer summaries hold the
 * all-time totals (balance, spend, sales_count), so a figure before end is
 * the total less what is dated at or after end -- a short range scan for
 * recent months. */
#include <config.h>

#include "store/stats.h"

#include <stdlib.h>
#include <string.h>

#include "store/private.h"
#include "text/xalloc.h"

/* Counts by condition are written as aggregates with a FILTER clause:
 * SQLite skips the row for that aggregate instead of evaluating a CASE
 * per row, which halves the cost of a scan of 200,000 customers. */
#define SALES_SUMS(buyers)                                                   \
	"SELECT count(*), COALESCE(SUM(amount), 0), COALESCE(SUM(paid), 0), " \
	buyers ", COALESCE(SUM(first_sale), 0), "                            \
	"COALESCE(SUM(amount) FILTER (WHERE first_sale = 1), 0) "            \
	"FROM sales WHERE at >= ? AND at < ?"
static const char SQL_SALES[] = SALES_SUMS("count(DISTINCT customer_id)");
/* The same without the distinct buyers, for a month whose buyers are
 * counted from the summaries (nothing dated after it). */
static const char SQL_SALES_NO_BUYERS[] = SALES_SUMS("0");
static const char SQL_REFUNDED[] =
	"SELECT COALESCE(SUM(refunded), 0) FROM returns WHERE at >= ? AND at < ?";
static const char SQL_ENROLMENT[] =
	"SELECT count(*) FILTER (WHERE enrolled_at >= ?1), count(*) "
	"FROM customers WHERE enrolled_at < ?2";
static const char SQL_ENROLLED_BETWEEN[] =
	"SELECT count(*) FROM customers WHERE enrolled_at >= ? AND enrolled_at < ?";
static const char SQL_RETENTION[] =
	"SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM sales s "
	"WHERE s.customer_id = p.customer_id AND s.at >= ?2 AND s.at < ?3)) "
	"FROM (SELECT DISTINCT customer_id FROM sales WHERE at >= ?1 AND at < ?2) p";
static const char SQL_CHURN[] =
	"SELECT count(*) FROM (SELECT DISTINCT customer_id FROM sales WHERE at >= ?1 AND at < ?2) p "
	"WHERE NOT EXISTS (SELECT 1 FROM sales s WHERE s.customer_id = p.customer_id "
	"AND s.at >= ?2 AND s.at < ?3)";
static const char SQL_ACTIVE_BETWEEN[] =
	"SELECT count(DISTINCT customer_id) FROM sales WHERE at >= ? AND at < ?";
static const char SQL_POINTS[] =
	"SELECT kind, SUM(points) FROM ledger WHERE at >= ? AND at < ? GROUP BY kind";
/* Two statements: SQLite answers a lone MIN or MAX from the index's
 * ends, not both together. */
static const char SQL_LEDGER_FIRST[] = "SELECT MIN(at) FROM ledger";
static const char SQL_LEDGER_LAST[] = "SELECT MAX(at) FROM ledger";
static const char SQL_BALANCE_TOTAL[] =
	"SELECT COALESCE(SUM(balance), 0), "
	"COALESCE(SUM(balance) FILTER (WHERE balance > 0), 0) FROM customers";
static const char SQL_LEDGER_TAIL[] =
	"SELECT COALESCE(SUM(points), 0) FROM ledger WHERE at >= ?";
static const char SQL_LEDGER_HEAD[] =
	"SELECT COALESCE(SUM(points), 0) FROM ledger WHERE at < ?";
/* The negative balances at end: only customers whose balance ever went
 * below zero before end can have one (a return's reversal is the only
 * way); their balance at end from the covering index. */
static const char SQL_NEGATIVE_AT[] =
	"SELECT COALESCE(SUM(b) FILTER (WHERE b < 0), 0) FROM ("
	"SELECT (SELECT COALESCE(SUM(l.points), 0) FROM ledger l "
	"WHERE l.customer_id = c.id AND l.at < ?1) AS b "
	"FROM customers c WHERE c.negative_since < ?1) x";
static const char SQL_REDEMPTIONS[] =
	"SELECT count(*) FROM redemptions WHERE at >= ? AND at < ?";
static const char SQL_NPS[] =
	"SELECT count(*), count(*) FILTER (WHERE score >= 9), "
	"count(*) FILTER (WHERE score BETWEEN 7 AND 8), count(*) FILTER (WHERE score <= 6) "
	"FROM surveys WHERE at >= ? AND at < ?";
/* The window spend at ?2 of the customers enrolled before ?3 that can
 * reach ?4: the paid of their sales in (?1, ?2] less the refunds dated up
 * to ?2 of those sales.  The paid is the difference of two running totals
 * (sales.cum_paid at the last sale up to ?2 and up to ?1), the refunds a
 * range of returns_window: three index seeks a customer.  A window spend
 * is at most the customer's spend (paid less refunds) plus the refunds
 * dated after ?2, and it is zero without a sale after ?1, so only
 * customers whose last sale is after ?1 and whose spend reaches ?4 or who
 * had a refund after ?2 are looked at. */
static const char SQL_WINDOW_SPENDS[] =
	"SELECT c.id, "
	"COALESCE((SELECT s.cum_paid FROM sales s WHERE s.customer_id = c.id AND s.at <= ?2 "
	"ORDER BY s.at DESC, s.cum_paid DESC LIMIT 1), 0) - "
	"COALESCE((SELECT s.cum_paid FROM sales s WHERE s.customer_id = c.id AND s.at <= ?1 "
	"ORDER BY s.at DESC, s.cum_paid DESC LIMIT 1), 0) - "
	"(SELECT COALESCE(SUM(r.refunded), 0) FROM returns r WHERE r.customer_id = c.id "
	"AND r.sale_at > ?1 AND r.at <= ?2) "
	"FROM customers c WHERE c.last_sale_at > ?1 AND c.enrolled_at < ?3 AND (c.spend >= ?4 "
	"OR c.id IN (SELECT customer_id FROM returns WHERE at > ?2))";
/* ?1 end, ?2 end - active_days.  n: sales before end, counted up to
 * three (the ladder only tells 0, 1, 2 and more); last: latest sale
 * before end.  A customer whose last sale is before end has both in the
 * summaries; the others (a sale at or after end) take two seeks of
 * sales_customer.  The customers are a scan of the narrow covering index,
 * not a table lookup each. */
static const char SQL_LADDER[] =
	"SELECT "
	"count(*) FILTER (WHERE n = 0), count(*) FILTER (WHERE n = 1), "
	"count(*) FILTER (WHERE n = 2), count(*) FILTER (WHERE n >= 3 AND last < ?2), "
	"count(*) FILTER (WHERE n >= 3 AND last >= ?2 AND ("
	"  COALESCE((SELECT v.score FROM surveys v WHERE v.customer_id = b.id AND v.at < ?1 "
	"            ORDER BY v.at DESC, v.id DESC LIMIT 1), 0) >= 9 "
	"  OR EXISTS (SELECT 1 FROM customers r WHERE r.referrer_id = b.id "
	"             AND r.first_sale_at < ?1))), "
	"count(*) "
	"FROM (SELECT c.id, "
	"  CASE WHEN c.last_sale_at IS NULL OR c.last_sale_at < ?1 THEN c.sales_count "
	"  ELSE (SELECT count(*) FROM (SELECT 1 FROM sales s WHERE s.customer_id = c.id "
	"    AND s.at < ?1 LIMIT 3)) END AS n, "
	"  CASE WHEN c.last_sale_at IS NULL OR c.last_sale_at < ?1 THEN c.last_sale_at "
	"  ELSE (SELECT MAX(s.at) FROM sales s WHERE s.customer_id = c.id AND s.at < ?1) END AS last "
	"  FROM customers c INDEXED BY customers_summary WHERE c.enrolled_at < ?1) b";
static const char SQL_CLV[] =
	"SELECT (SELECT count(*) FROM customers WHERE first_sale_at < ?1), "
	"(SELECT COALESCE(SUM(spend), 0) FROM customers) "
	"- (SELECT COALESCE(SUM(paid), 0) FROM sales WHERE at >= ?1) "
	"+ (SELECT COALESCE(SUM(refunded), 0) FROM returns WHERE at >= ?1)";
/* The figures of a month after which nothing is dated (the current
 * month, where every customer is enrolled before its end and every sale
 * and entry is in the summaries): one scan of the covering index
 * customers_summary.  ?1 start, ?2 end - active_days.  Columns: enrolled,
 * members, prospects, one-time, repeat, lapsed, three-or-more with a
 * recent sale, buyers, spend, balance, positive balance, buyers in the
 * month (a last sale at or after start). */
static const char SQL_CUSTOMER_PASS[] =
	"SELECT count(*) FILTER (WHERE enrolled_at >= ?1), count(*), "
	"count(*) FILTER (WHERE sales_count = 0), count(*) FILTER (WHERE sales_count = 1), "
	"count(*) FILTER (WHERE sales_count = 2), "
	"count(*) FILTER (WHERE sales_count >= 3 AND last_sale_at < ?2), "
	"count(*) FILTER (WHERE sales_count >= 3 AND last_sale_at >= ?2), "
	"count(first_sale_at), COALESCE(SUM(spend), 0), COALESCE(SUM(balance), 0), "
	"COALESCE(SUM(balance) FILTER (WHERE balance > 0), 0), "
	"count(*) FILTER (WHERE last_sale_at >= ?1) FROM customers";
/* Loyal among the three-or-more with a sale in [?2, ?1): latest score 9
 * or more, or a referred customer who bought.  ?1 end, ?2 end -
 * active_days. */
static const char SQL_LOYAL_RECENT[] =
	"SELECT count(*) FROM customers c WHERE c.enrolled_at < ?1 AND c.sales_count >= 3 "
	"AND c.last_sale_at >= ?2 AND ("
	"COALESCE((SELECT v.score FROM surveys v WHERE v.customer_id = c.id AND v.at < ?1 "
	"ORDER BY v.at DESC, v.id DESC LIMIT 1), 0) >= 9 "
	"OR EXISTS (SELECT 1 FROM customers r WHERE r.referrer_id = c.id AND r.first_sale_at < ?1))";
/* Customers with a sale in [?1, ?2) and how many of them have one at or
 * after ?2, from the customers whose last sale is at or after ?1: a last
 * sale before ?2 is itself the sale in [?1, ?2); otherwise the sales
 * index is asked.  Only valid when nothing is dated after the month. */
static const char SQL_RETENTION_RECENT[] =
	"SELECT count(*), count(*) FILTER (WHERE c.last_sale_at >= ?2) FROM customers c "
	"WHERE c.last_sale_at >= ?1 AND (c.last_sale_at < ?2 OR EXISTS (SELECT 1 FROM sales s "
	"WHERE s.customer_id = c.id AND s.at >= ?1 AND s.at < ?2))";
/* Customers whose last sale lies in [?1, ?2) (nothing dated after). */
static const char SQL_LAST_SALE_BETWEEN[] =
	"SELECT count(*) FROM customers WHERE last_sale_at >= ? AND last_sale_at < ?";
static const char SQL_LAST_DATED[] =
	"SELECT MAX(COALESCE((SELECT MAX(at) FROM sales), -1), "
	"COALESCE((SELECT MAX(at) FROM ledger), -1), COALESCE((SELECT MAX(at) FROM returns), -1), "
	"COALESCE((SELECT MAX(enrolled_at) FROM customers), -1))";
static const char SQL_AT_RISK[] =
	"SELECT id, name, phone, last_sale_at, sales_count, spend FROM customers "
	"WHERE last_sale_at > ? AND last_sale_at <= ? AND active = 1 "
	"ORDER BY last_sale_at, id LIMIT ?";
static const char SQL_EXPIRY_CANDIDATES[] =
	"SELECT id FROM customers WHERE next_expiry <= ? AND balance > 0 ORDER BY next_expiry, id";
static const char SQL_TOP[] =
	"SELECT c.id, c.name, c.phone, c.last_sale_at, c.sales_count, t.net FROM ("
	"SELECT customer_id, SUM(v) AS net FROM ("
	"SELECT customer_id, paid AS v FROM sales WHERE at >= ?1 AND at < ?2 "
	"UNION ALL SELECT customer_id, -refunded AS v FROM returns WHERE at >= ?1 AND at < ?2) u "
	"GROUP BY customer_id) t JOIN customers c ON c.id = t.customer_id "
	"ORDER BY t.net DESC, c.id LIMIT ?3";
static const char SQL_AT_RISK_COUNT[] =
	"SELECT count(*) FROM customers WHERE last_sale_at > ? AND last_sale_at <= ? AND active = 1";
static const char SQL_LATEST_SALES[] =
	"SELECT s.id, s.customer_id, s.at, s.amount, s.earned, s.points_paid, c.name, c.phone, "
	"s.tier FROM sales s JOIN customers c ON c.id = s.customer_id "
	"ORDER BY s.at DESC, s.id DESC LIMIT ?";
static const char SQL_LAST_EVENT[] =
	"SELECT MAX(COALESCE((SELECT MAX(at) FROM sales), -1), "
	"COALESCE((SELECT MAX(at) FROM ledger), -1))";

/* Runs a statement bound with up to three instants and reads the first
 * ncols integer columns of its single row. */
static int one_row(struct store *st, const char *sql, const int64_t *args, int nargs,
		   int64_t *cols, int ncols, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, sql, e);
	if (s == NULL)
		return -1;
	for (int i = 0; i < nargs; i++)
		bind_i64(s, i + 1, args[i]);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		for (int i = 0; i < ncols; i++)
			cols[i] = sqlite3_column_int64(s, i);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, e);
}

int stats_sales(struct store *st, int64_t start, int64_t end, bool buyers,
		struct sales_stats *out, struct werr *e)
{
	int64_t a[2] = {start, end}, c[6];
	if (one_row(st, buyers ? SQL_SALES : SQL_SALES_NO_BUYERS, a, 2, c, 6, e) != 0)
		return -1;
	out->count = c[0];
	out->amount = c[1];
	out->paid = c[2];
	out->customers = c[3];
	out->first_count = c[4];
	out->first_amount = c[5];
	out->repeat_amount = c[1] - c[5];
	return 0;
}

int stats_refunded(struct store *st, int64_t start, int64_t end, int64_t *out, struct werr *e)
{
	int64_t a[2] = {start, end};
	return one_row(st, SQL_REFUNDED, a, 2, out, 1, e);
}

int stats_enrolment(struct store *st, int64_t start, int64_t end, int64_t *enrolled,
		    int64_t *members, struct werr *e)
{
	int64_t a[2] = {start, end}, c[2];
	if (one_row(st, SQL_ENROLMENT, a, 2, c, 2, e) != 0)
		return -1;
	*enrolled = c[0];
	*members = c[1];
	return 0;
}

int stats_enrolled_between(struct store *st, int64_t start, int64_t end, int64_t *n,
			   struct werr *e)
{
	int64_t a[2] = {start, end};
	return one_row(st, SQL_ENROLLED_BETWEEN, a, 2, n, 1, e);
}

int stats_retention(struct store *st, int64_t prev, int64_t start, int64_t end, int64_t *base,
		    int64_t *retained, struct werr *e)
{
	int64_t a[3] = {prev, start, end}, c[2];
	if (one_row(st, SQL_RETENTION, a, 3, c, 2, e) != 0)
		return -1;
	*base = c[0];
	*retained = c[1];
	return 0;
}

int stats_churn(struct store *st, int64_t from, int64_t to, int64_t end, int64_t *churned,
		struct werr *e)
{
	int64_t a[3] = {from, to, end};
	return one_row(st, SQL_CHURN, a, 3, churned, 1, e);
}

int stats_active_between(struct store *st, int64_t from, int64_t to, int64_t *n, struct werr *e)
{
	int64_t a[2] = {from, to};
	return one_row(st, SQL_ACTIVE_BETWEEN, a, 2, n, 1, e);
}

int stats_points(struct store *st, int64_t start, int64_t end, int64_t sums[LK__COUNT],
		 struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_POINTS, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, start);
	bind_i64(s, 2, end);
	memset(sums, 0, sizeof(int64_t) * LK__COUNT);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		enum ledger_kind k;
		if (ledger_kind_parse((const char *)sqlite3_column_text(s, 0), &k) == 0)
			sums[k] += sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, e);
}

/* The first or last instant of the ledger, or TIME_NONE. */
static int ledger_end(struct store *st, const char *sql, int64_t *at, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, sql, e);
	if (s == NULL)
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*at = col_time(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, e);
}

int stats_outstanding(struct store *st, int64_t end, int64_t *outstanding, int64_t *positive,
		      struct werr *e)
{
	int64_t first, last, totals[2];
	if (ledger_end(st, SQL_LEDGER_FIRST, &first, e) != 0 ||
	    ledger_end(st, SQL_LEDGER_LAST, &last, e) != 0)
		return -1;
	if (first == TIME_NONE || end <= first) {
		*outstanding = *positive = 0;
		return 0;
	}
	int64_t a[1] = {end};
	if (end > last) {
		/* Nothing is dated at or after end: the balances themselves. */
		if (one_row(st, SQL_BALANCE_TOTAL, NULL, 0, totals, 2, e) != 0)
			return -1;
		*outstanding = totals[0];
		*positive = totals[1];
		return 0;
	}
	if (end - first < last - end) {
		/* An early month: sum the head. */
		if (one_row(st, SQL_LEDGER_HEAD, a, 1, outstanding, 1, e) != 0)
			return -1;
	} else {
		int64_t tail;
		if (one_row(st, SQL_BALANCE_TOTAL, NULL, 0, totals, 2, e) != 0 ||
		    one_row(st, SQL_LEDGER_TAIL, a, 1, &tail, 1, e) != 0)
			return -1;
		*outstanding = totals[0] - tail;
	}
	/* Sum of max(0, b) = sum of b - sum of the negative b. */
	int64_t negative;
	if (one_row(st, SQL_NEGATIVE_AT, a, 1, &negative, 1, e) != 0)
		return -1;
	*positive = *outstanding - negative;
	return 0;
}

int stats_redemptions(struct store *st, int64_t start, int64_t end, int64_t *n, struct werr *e)
{
	int64_t a[2] = {start, end};
	return one_row(st, SQL_REDEMPTIONS, a, 2, n, 1, e);
}

int stats_nps(struct store *st, int64_t start, int64_t end, int64_t *responses, int64_t *pro,
	      int64_t *pas, int64_t *det, struct werr *e)
{
	int64_t a[2] = {start, end}, c[4];
	if (one_row(st, SQL_NPS, a, 2, c, 4, e) != 0)
		return -1;
	*responses = c[0];
	*pro = c[1];
	*pas = c[2];
	*det = c[3];
	return 0;
}

int stats_window_spends(struct store *st, int64_t from, int64_t t, int64_t enrolled_before,
			int64_t min_spend, void (*fn)(void *ctx, int64_t customer_id, int64_t spend),
			void *ctx, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_WINDOW_SPENDS, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, from);
	bind_i64(s, 2, t);
	bind_i64(s, 3, enrolled_before);
	bind_i64(s, 4, min_spend);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn(ctx, sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1));
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, e);
}

int stats_ladder(struct store *st, int64_t end, int64_t active_secs, struct ladder_counts *out,
		 struct werr *e)
{
	int64_t a[2] = {end, end - active_secs}, c[6];
	if (one_row(st, SQL_LADDER, a, 2, c, 6, e) != 0)
		return -1;
	out->prospect = c[0];
	out->one_time = c[1];
	out->repeat = c[2];
	out->lapsed = c[3];
	out->loyal = c[4];
	/* The rest of those with three sales or more. */
	out->regular = c[5] - c[0] - c[1] - c[2] - c[3] - c[4];
	return 0;
}

int stats_clv(struct store *st, int64_t end, int64_t *customers, int64_t *sum, struct werr *e)
{
	int64_t a[1] = {end}, c[2];
	if (one_row(st, SQL_CLV, a, 1, c, 2, e) != 0)
		return -1;
	*customers = c[0];
	*sum = c[1];
	return 0;
}

void customer_rows_free(struct customer_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].phone);
	}
	free(v);
}

/* Reads rows of (id, name, phone, last_sale_at, sales_count, value[, at]). */
static int read_rows(struct store *st, sqlite3_stmt *s, size_t limit, bool with_at,
		     struct customer_row **v, size_t *n, struct werr *e)
{
	struct customer_row *out = NULL;
	size_t len = 0, cap = 0;
	int rc = SQLITE_DONE;
	while (len < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		out = xgrow(out, &cap, len + 1, sizeof *out);
		struct customer_row *r = &out[len++];
		r->id = sqlite3_column_int64(s, 0);
		r->name = col_text(s, 1);
		r->phone = col_text(s, 2);
		r->last_sale_at = col_time(s, 3);
		r->sales_count = sqlite3_column_int64(s, 4);
		r->value = sqlite3_column_int64(s, 5);
		r->at = with_at ? col_time(s, 6) : TIME_NONE;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		customer_rows_free(out, len);
		return store_fail(st, e);
	}
	*v = out;
	*n = len;
	return 0;
}

int stats_at_risk(struct store *st, int64_t from, int64_t to, size_t limit,
		  struct customer_row **v, size_t *n, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_AT_RISK, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, from);
	bind_i64(s, 2, to);
	bind_i64(s, 3, (int64_t)limit);
	return read_rows(st, s, limit, false, v, n, e);
}

int stats_expiry_candidates(struct store *st, int64_t t, int64_t **ids, size_t *n,
			    struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_EXPIRY_CANDIDATES, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, t);
	int64_t *v = NULL;
	size_t len = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		v = xgrow(v, &cap, len + 1, sizeof *v);
		v[len++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(v);
		return store_fail(st, e);
	}
	*ids = v;
	*n = len;
	return 0;
}

int stats_top(struct store *st, int64_t start, int64_t end, size_t limit,
	      struct customer_row **v, size_t *n, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_TOP, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, start);
	bind_i64(s, 2, end);
	bind_i64(s, 3, (int64_t)limit);
	return read_rows(st, s, limit, false, v, n, e);
}

int stats_last_event(struct store *st, int64_t *at, struct werr *e)
{
	int64_t v;
	if (one_row(st, SQL_LAST_EVENT, NULL, 0, &v, 1, e) != 0)
		return -1;
	*at = v < 0 ? TIME_NONE : v;
	return 0;
}

int stats_at_risk_count(struct store *st, int64_t from, int64_t to, int64_t *n,
			struct werr *e)
{
	int64_t a[2] = {from, to};
	return one_row(st, SQL_AT_RISK_COUNT, a, 2, n, 1, e);
}

void sale_lines_free(struct sale_line *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].phone);
		free(v[i].tier);
	}
	free(v);
}

int stats_latest_sales(struct store *st, size_t limit, struct sale_line **v, size_t *n,
		       struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_LATEST_SALES, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, (int64_t)limit);
	struct sale_line *out = xcalloc(limit ? limit : 1, sizeof *out);
	size_t len = 0;
	int rc = SQLITE_DONE;
	while (len < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sale_line *l = &out[len++];
		l->id = sqlite3_column_int64(s, 0);
		l->customer_id = sqlite3_column_int64(s, 1);
		l->at = sqlite3_column_int64(s, 2);
		l->amount = sqlite3_column_int64(s, 3);
		l->earned = sqlite3_column_int64(s, 4);
		l->points_paid = sqlite3_column_int64(s, 5);
		l->name = col_text(s, 6);
		l->phone = col_text(s, 7);
		l->tier = col_text(s, 8);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		sale_lines_free(out, len);
		return store_fail(st, e);
	}
	*v = out;
	*n = len;
	return 0;
}

int stats_nothing_after(struct store *st, int64_t end, bool *yes, struct werr *e)
{
	int64_t last;
	if (one_row(st, SQL_LAST_DATED, NULL, 0, &last, 1, e) != 0)
		return -1;
	*yes = last < end;
	return 0;
}

int stats_recent(struct store *st, int64_t prev, int64_t start, int64_t end, int64_t active_secs,
		 struct recent_stats *out, struct werr *e)
{
	int64_t a2p[2] = {start, end - active_secs}, c[12];
	if (one_row(st, SQL_CUSTOMER_PASS, a2p, 2, c, 12, e) != 0)
		return -1;
	out->enrolled = c[0];
	out->members = c[1];
	out->ladder.prospect = c[2];
	out->ladder.one_time = c[3];
	out->ladder.repeat = c[4];
	out->ladder.lapsed = c[5];
	int64_t recent3 = c[6];
	out->clv_customers = c[7];
	out->clv_sum = c[8];
	out->outstanding = c[9];
	out->positive = c[10];
	out->buyers = c[11];
	int64_t a2[2] = {end, end - active_secs};
	if (one_row(st, SQL_LOYAL_RECENT, a2, 2, &out->ladder.loyal, 1, e) != 0)
		return -1;
	out->ladder.regular = recent3 - out->ladder.loyal;
	int64_t r2[2] = {prev, start}, rr[2];
	if (one_row(st, SQL_RETENTION_RECENT, r2, 2, rr, 2, e) != 0)
		return -1;
	out->retention_base = rr[0];
	out->retained = rr[1];
	/* Churn base: a sale in [start - A, start); the same query shape. */
	int64_t b2[2] = {start - active_secs, start};
	if (one_row(st, SQL_RETENTION_RECENT, b2, 2, rr, 2, e) != 0)
		return -1;
	out->churn_base = rr[0];
	int64_t w[2] = {start - active_secs, end - active_secs};
	if (one_row(st, SQL_LAST_SALE_BETWEEN, w, 2, &out->churned, 1, e) != 0)
		return -1;
	return 0;
}
