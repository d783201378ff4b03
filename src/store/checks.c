/* checks.c -- consistency queries for `wafa check`. */
#include <config.h>

#include "store/checks.h"

#include "store/private.h"

static const char *const check_sql[SC__COUNT] = {
	[SC_BALANCE] =
		"SELECT c.id, c.balance, COALESCE((SELECT SUM(l.points) FROM ledger l "
		"WHERE l.customer_id = c.id), 0) AS s FROM customers c WHERE c.balance <> s",
	[SC_SALES_COUNT] =
		"SELECT c.id, c.sales_count, (SELECT count(*) FROM sales s "
		"WHERE s.customer_id = c.id) AS n FROM customers c WHERE c.sales_count <> n",
	[SC_SPEND] =
		"SELECT c.id, c.spend, COALESCE((SELECT SUM(s.paid) FROM sales s "
		"WHERE s.customer_id = c.id), 0) - COALESCE((SELECT SUM(r.refunded) FROM returns r "
		"WHERE r.customer_id = c.id), 0) AS v FROM customers c WHERE c.spend <> v",
	[SC_LAST_SALE] =
		"SELECT c.id, COALESCE(c.last_sale_at, -1), COALESCE((SELECT MAX(s.at) FROM sales s "
		"WHERE s.customer_id = c.id), -1) AS m FROM customers c "
		"WHERE COALESCE(c.last_sale_at, -1) <> m",
	/* The ledger has no index on its references: join one aggregate
	 * per check instead of a subquery per row. */
	[SC_EARN_ENTRY] =
		"SELECT s.id, s.earned, COALESCE(l.v, 0) FROM sales s LEFT JOIN "
		"(SELECT sale_id, SUM(points) AS v FROM ledger WHERE kind = 'earn' "
		"GROUP BY sale_id) l ON l.sale_id = s.id WHERE s.earned <> COALESCE(l.v, 0)",
	[SC_PAY_ENTRY] =
		"SELECT s.id, s.points_paid, COALESCE(l.v, 0) FROM sales s LEFT JOIN "
		"(SELECT sale_id, -SUM(points) AS v FROM ledger WHERE kind = 'pay' "
		"GROUP BY sale_id) l ON l.sale_id = s.id WHERE s.points_paid <> COALESCE(l.v, 0)",
	[SC_RETURN_ENTRY] =
		"SELECT r.id, r.points_reversed, COALESCE(l.v, 0) FROM returns r LEFT JOIN "
		"(SELECT return_id, -SUM(points) AS v FROM ledger WHERE kind = 'reverse' "
		"GROUP BY return_id) l ON l.return_id = r.id "
		"WHERE r.points_reversed <> COALESCE(l.v, 0)",
	[SC_RESTORE_ENTRY] =
		"SELECT r.id, r.points_restored, COALESCE(l.v, 0) FROM returns r LEFT JOIN "
		"(SELECT return_id, SUM(points) AS v FROM ledger WHERE kind = 'restore' "
		"GROUP BY return_id) l ON l.return_id = r.id "
		"WHERE r.points_restored <> COALESCE(l.v, 0)",
	[SC_OVER_RETURN] =
		"SELECT s.id, s.amount, (SELECT SUM(r.amount) FROM returns r WHERE r.sale_id = s.id) "
		"AS v FROM sales s WHERE v > s.amount",
	[SC_SALE_MATH] =
		"SELECT id, amount, discount + paid FROM sales WHERE amount <> discount + paid",
	[SC_STOCK] =
		"SELECT r.id, r.stock, (SELECT count(*) FROM redemptions d WHERE d.reward_id = r.id) "
		"AS v FROM rewards r WHERE r.stock IS NOT NULL AND v > r.stock",
	[SC_REDEEM_ENTRY] =
		"SELECT d.id, d.points, COALESCE(l.v, 0) FROM redemptions d LEFT JOIN "
		"(SELECT redemption_id, -SUM(points) AS v FROM ledger WHERE kind = 'redeem' "
		"GROUP BY redemption_id) l ON l.redemption_id = d.id "
		"WHERE d.points <> COALESCE(l.v, 0)",
	[SC_VOUCHER] =
		"SELECT d.id, (SELECT count(*) FROM vouchers v WHERE v.redemption_id = d.id) AS n, 0 "
		"FROM redemptions d WHERE n <> 1",
	[SC_TIER_HISTORY] =
		"SELECT c.id, 0, 0 FROM customers c WHERE COALESCE(c.tier, '') <> "
		"COALESCE((SELECT h.tier_to FROM tier_history h WHERE h.customer_id = c.id "
		"ORDER BY h.at DESC, h.id DESC LIMIT 1), '')",
	[SC_WATERMARK] =
		"SELECT c.id, COALESCE(c.watermark, -1), m FROM (SELECT c.id, c.watermark, "
		"MAX(COALESCE((SELECT MAX(l.at) FROM ledger l WHERE l.customer_id = c.id), -1), "
		"COALESCE((SELECT MAX(s.at) FROM sales s WHERE s.customer_id = c.id), -1)) AS m "
		"FROM customers c) c WHERE COALESCE(c.watermark, -1) < m",
	[SC_FIRST_SALE] =
		"SELECT c.id, (SELECT count(*) FROM sales s WHERE s.customer_id = c.id "
		"AND s.first_sale = 1) AS n, 0 FROM customers c "
		"WHERE n <> (CASE WHEN c.sales_count > 0 THEN 1 ELSE 0 END)",
	[SC_NEGATIVE] =
		"SELECT id, balance, 0 FROM customers WHERE balance < 0 AND "
		"(negative_since IS NULL OR negative_since > watermark)",
	[SC_CUM_PAID] =
		"SELECT id, COALESCE(cum_paid, -1), v FROM (SELECT id, cum_paid, SUM(paid) OVER "
		"(PARTITION BY customer_id ORDER BY at, id) AS v FROM sales) "
		"WHERE cum_paid IS NOT v",
	[SC_SALE_AT] =
		"SELECT r.id, COALESCE(r.sale_at, -1), s.at FROM returns r JOIN sales s "
		"ON s.id = r.sale_id WHERE r.sale_at IS NOT s.at",
};

int store_check_run(struct store *st, enum store_check which,
		    void (*row)(void *ctx, int64_t a, int64_t b, int64_t c), void *ctx,
		    struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, check_sql[which], e);
	if (s == NULL)
		return -1;
	int n = 0, rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		row(ctx, sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1),
		    sqlite3_column_int64(s, 2));
		n++;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? n : store_fail(st, e);
}
