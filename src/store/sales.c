/* sales.c -- purchases and returns. */
#include <config.h>

#include "store/sales.h"

#include <stdlib.h>
#include <string.h>

#include "store/private.h"
#include "text/xalloc.h"

#define SALE_COLUMNS                                                                           \
	"id, customer_id, at, amount, points_paid, discount, paid, earned, multiplier, tier, " \
	"first_sale, note, staff_id"

static const char SQL_INSERT[] =
	"INSERT INTO sales (customer_id, at, amount, points_paid, discount, paid, earned, "
	"multiplier, tier, first_sale, note, staff_id, cum_paid) VALUES "
	"(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?6 + COALESCE(("
	"SELECT cum_paid FROM sales WHERE customer_id = ?1 ORDER BY at DESC, cum_paid DESC "
	"LIMIT 1), 0))";
static const char SQL_GET[] = "SELECT " SALE_COLUMNS " FROM sales WHERE id = ?";
static const char SQL_RETURN_INSERT[] =
	"INSERT INTO returns (sale_id, customer_id, at, amount, refunded, points_reversed, "
	"points_restored, note, staff_id, sale_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
	"(SELECT at FROM sales WHERE id = ?1))";
static const char SQL_RETURN_GET[] =
	"SELECT id, sale_id, customer_id, at, amount, refunded, points_reversed, "
	"points_restored, note, staff_id FROM returns WHERE id = ?";
static const char SQL_RETURNED[] =
	"SELECT COALESCE(SUM(amount), 0), COALESCE(SUM(refunded), 0) FROM returns "
	"WHERE sale_id = ?";
static const char SQL_WINDOW[] =
	"SELECT s.at, s.paid, COALESCE((SELECT SUM(r.refunded) FROM returns r "
	"WHERE r.sale_id = s.id AND r.at <= ?3), 0) FROM sales s "
	"WHERE s.customer_id = ?1 AND s.at > ?2 AND s.at <= ?3 ORDER BY s.at, s.id";
static const char SQL_OF_CUSTOMER[] =
	"SELECT " SALE_COLUMNS ", (SELECT COALESCE(SUM(r.amount), 0) FROM returns r "
	"WHERE r.sale_id = sales.id) FROM sales WHERE customer_id = ? AND id < ? "
	"ORDER BY id DESC LIMIT ?";
static const char SQL_LATEST[] =
	"SELECT " SALE_COLUMNS " FROM sales ORDER BY at DESC, id DESC LIMIT ?";

void sale_clear(struct sale *s)
{
	free(s->tier);
	free(s->note);
	memset(s, 0, sizeof *s);
}

void sales_free(struct sale *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sale_clear(&v[i]);
	free(v);
}

static void read_sale(sqlite3_stmt *s, struct sale *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(s, 0);
	out->customer_id = sqlite3_column_int64(s, 1);
	out->at = sqlite3_column_int64(s, 2);
	out->amount = sqlite3_column_int64(s, 3);
	out->points_paid = sqlite3_column_int64(s, 4);
	out->discount = sqlite3_column_int64(s, 5);
	out->paid = sqlite3_column_int64(s, 6);
	out->earned = sqlite3_column_int64(s, 7);
	out->multiplier = sqlite3_column_int(s, 8);
	out->tier = col_text(s, 9);
	out->first_sale = sqlite3_column_int(s, 10) != 0;
	out->note = col_text(s, 11);
	out->staff_id = sqlite3_column_int64(s, 12);
}

int sale_insert(struct store *st, struct sale *sa, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_INSERT, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, sa->customer_id);
	bind_i64(s, 2, sa->at);
	bind_i64(s, 3, sa->amount);
	bind_i64(s, 4, sa->points_paid);
	bind_i64(s, 5, sa->discount);
	bind_i64(s, 6, sa->paid);
	bind_i64(s, 7, sa->earned);
	bind_i64(s, 8, sa->multiplier);
	bind_text(s, 9, sa->tier);
	bind_i64(s, 10, sa->first_sale);
	bind_text(s, 11, sa->note);
	if (sa->staff_id > 0)
		bind_i64(s, 12, sa->staff_id);
	if (store_step_done(st, s, e) != 0)
		return -1;
	sa->id = sqlite3_last_insert_rowid(store_db(st));
	return 0;
}

int sale_get(struct store *st, int64_t id, struct sale *out, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_GET, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_sale(s, out);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_fail(st, e);
}

int return_insert(struct store *st, struct sale_return *r, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_RETURN_INSERT, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, r->sale_id);
	bind_i64(s, 2, r->customer_id);
	bind_i64(s, 3, r->at);
	bind_i64(s, 4, r->amount);
	bind_i64(s, 5, r->refunded);
	bind_i64(s, 6, r->points_reversed);
	bind_i64(s, 7, r->points_restored);
	bind_text(s, 8, r->note);
	if (r->staff_id > 0)
		bind_i64(s, 9, r->staff_id);
	if (store_step_done(st, s, e) != 0)
		return -1;
	r->id = sqlite3_last_insert_rowid(store_db(st));
	return 0;
}

int return_get(struct store *st, int64_t id, struct sale_return *r, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_RETURN_GET, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(s, 0);
		r->sale_id = sqlite3_column_int64(s, 1);
		r->customer_id = sqlite3_column_int64(s, 2);
		r->at = sqlite3_column_int64(s, 3);
		r->amount = sqlite3_column_int64(s, 4);
		r->refunded = sqlite3_column_int64(s, 5);
		r->points_reversed = sqlite3_column_int64(s, 6);
		r->points_restored = sqlite3_column_int64(s, 7);
		r->note = col_text(s, 8);
		r->staff_id = sqlite3_column_int64(s, 9);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_fail(st, e);
}

int sale_returned(struct store *st, int64_t sale_id, int64_t *amount, int64_t *refunded,
		  struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_RETURNED, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, sale_id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*amount = sqlite3_column_int64(s, 0);
		*refunded = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, e);
}

int sales_window(struct store *st, int64_t customer_id, int64_t from, int64_t to,
		 struct window_sale **v, size_t *n, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_WINDOW, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, customer_id);
	bind_i64(s, 2, from);
	bind_i64(s, 3, to);
	struct window_sale *w = NULL;
	size_t len = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		w = xgrow(w, &cap, len + 1, sizeof *w);
		w[len].at = sqlite3_column_int64(s, 0);
		w[len].paid = sqlite3_column_int64(s, 1);
		w[len].refunded = sqlite3_column_int64(s, 2);
		len++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(w);
		return store_fail(st, e);
	}
	*v = w;
	*n = len;
	return 0;
}

int sales_of_customer(struct store *st, int64_t customer_id, int64_t before_id, size_t limit,
		      struct sale **v, int64_t **returned, size_t *n, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_OF_CUSTOMER, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, customer_id);
	bind_i64(s, 2, before_id > 0 ? before_id : INT64_MAX);
	bind_i64(s, 3, (int64_t)limit);
	struct sale *out = xcalloc(limit ? limit : 1, sizeof *out);
	int64_t *ret = xcalloc(limit ? limit : 1, sizeof *ret);
	size_t len = 0;
	int rc = SQLITE_DONE;
	while (len < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_sale(s, &out[len]);
		ret[len] = sqlite3_column_int64(s, 13);
		len++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		sales_free(out, len);
		free(ret);
		return store_fail(st, e);
	}
	*v = out;
	*returned = ret;
	*n = len;
	return 0;
}

int sales_latest(struct store *st, size_t limit, struct sale **v, size_t *n, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_LATEST, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, (int64_t)limit);
	struct sale *out = xcalloc(limit ? limit : 1, sizeof *out);
	size_t len = 0;
	int rc = SQLITE_DONE;
	while (len < limit && (rc = sqlite3_step(s)) == SQLITE_ROW)
		read_sale(s, &out[len++]);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		sales_free(out, len);
		return store_fail(st, e);
	}
	*v = out;
	*n = len;
	return 0;
}

int sales_each(struct store *st,
	       int (*fn)(void *ctx, const struct sale *s, const char *external_id), void *ctx,
	       struct werr *e)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(store_db(st),
			       "SELECT s.id, s.customer_id, s.at, s.amount, s.points_paid, "
			       "s.discount, s.paid, s.earned, s.multiplier, s.tier, s.first_sale, "
			       "s.note, s.staff_id, c.external_id FROM sales s "
			       "JOIN customers c ON c.id = s.customer_id ORDER BY s.at, s.id",
			       -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, e);
	int rc, r = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct sale sa;
		read_sale(s, &sa);
		r = fn(ctx, &sa, (const char *)sqlite3_column_text(s, 13));
		sale_clear(&sa);
		if (r != 0) {
			r = -1;
			break;
		}
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = store_fail(st, e);
	sqlite3_finalize(s);
	return r;
}
