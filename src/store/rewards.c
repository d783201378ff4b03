/* rewards.c -- rewards catalog, redemptions and vouchers. */
#include <config.h>

#include "store/rewards.h"

#include <stdlib.h>
#include <string.h>

#include "store/private.h"
#include "text/xalloc.h"

#define REWARD_COLUMNS                                                                   \
	"r.id, r.code, r.name, r.points, r.copay, r.stock, r.active_from, r.active_to, "   \
	"r.created_at, (SELECT count(*) FROM redemptions d WHERE d.reward_id = r.id)"

static const char SQL_INSERT[] =
	"INSERT INTO rewards (code, name, points, copay, stock, active_from, active_to, "
	"created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_UPDATE[] =
	"UPDATE rewards SET name = ?, points = ?, copay = ?, stock = ?, active_from = ?, "
	"active_to = ? WHERE id = ?";
static const char SQL_BY_CODE[] = "SELECT " REWARD_COLUMNS " FROM rewards r WHERE r.code = ?";
static const char SQL_GET[] = "SELECT " REWARD_COLUMNS " FROM rewards r WHERE r.id = ?";
static const char SQL_LIST[] =
	"SELECT " REWARD_COLUMNS " FROM rewards r ORDER BY r.points, r.code";
static const char SQL_REDEMPTION[] =
	"INSERT INTO redemptions (customer_id, reward_id, at, points, copay, staff_id) "
	"VALUES (?, ?, ?, ?, ?, ?)";
static const char SQL_DESCRIBE[] =
	"SELECT w.name, v.code FROM redemptions d JOIN rewards w ON w.id = d.reward_id "
	"LEFT JOIN vouchers v ON v.redemption_id = d.id WHERE d.id = ?";
static const char SQL_VOUCHER_EXISTS[] = "SELECT 1 FROM vouchers WHERE code = ?";
static const char SQL_VOUCHER_INSERT[] =
	"INSERT INTO vouchers (code, redemption_id, issued_at) VALUES (?, ?, ?)";

void reward_clear(struct reward *r)
{
	free(r->code);
	free(r->name);
	memset(r, 0, sizeof *r);
}

void rewards_free(struct reward *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		reward_clear(&v[i]);
	free(v);
}

static void read_reward(sqlite3_stmt *s, struct reward *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->code = col_text(s, 1);
	r->name = col_text(s, 2);
	r->points = sqlite3_column_int64(s, 3);
	r->copay = sqlite3_column_int64(s, 4);
	r->stock = sqlite3_column_type(s, 5) == SQLITE_NULL ? STOCK_UNLIMITED
							    : sqlite3_column_int64(s, 5);
	r->active_from = col_time(s, 6);
	r->active_to = col_time(s, 7);
	r->created_at = sqlite3_column_int64(s, 8);
	r->redeemed = sqlite3_column_int64(s, 9);
}

static void bind_details(sqlite3_stmt *s, int i, const struct reward *r)
{
	bind_text(s, i, r->name);
	bind_i64(s, i + 1, r->points);
	bind_i64(s, i + 2, r->copay);
	if (r->stock != STOCK_UNLIMITED)
		bind_i64(s, i + 3, r->stock);
	bind_time(s, i + 4, r->active_from);
	bind_time(s, i + 5, r->active_to);
}

int reward_insert(struct store *st, struct reward *r, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_INSERT, e);
	if (s == NULL)
		return -1;
	bind_text(s, 1, r->code);
	bind_details(s, 2, r);
	bind_i64(s, 8, r->created_at);
	if (store_step_done(st, s, e) != 0)
		return -1;
	r->id = sqlite3_last_insert_rowid(store_db(st));
	return 0;
}

int reward_update(struct store *st, const struct reward *r, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_UPDATE, e);
	if (s == NULL)
		return -1;
	bind_details(s, 1, r);
	bind_i64(s, 7, r->id);
	return store_step_done(st, s, e);
}

static int one_reward(struct store *st, const char *sql, const char *code, int64_t id,
		      struct reward *r, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, sql, e);
	if (s == NULL)
		return -1;
	if (code != NULL)
		bind_text(s, 1, code);
	else
		bind_i64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_reward(s, r);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_fail(st, e);
}

int reward_by_code(struct store *st, const char *code, struct reward *r, struct werr *e)
{
	return one_reward(st, SQL_BY_CODE, code, 0, r, e);
}

int reward_get(struct store *st, int64_t id, struct reward *r, struct werr *e)
{
	return one_reward(st, SQL_GET, NULL, id, r, e);
}

int rewards_list(struct store *st, struct reward **v, size_t *n, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_LIST, e);
	if (s == NULL)
		return -1;
	struct reward *out = NULL;
	size_t len = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out = xgrow(out, &cap, len + 1, sizeof *out);
		read_reward(s, &out[len++]);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		rewards_free(out, len);
		return store_fail(st, e);
	}
	*v = out;
	*n = len;
	return 0;
}

int redemption_insert(struct store *st, struct redemption *r, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_REDEMPTION, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, r->customer_id);
	bind_i64(s, 2, r->reward_id);
	bind_i64(s, 3, r->at);
	bind_i64(s, 4, r->points);
	bind_i64(s, 5, r->copay);
	if (r->staff_id > 0)
		bind_i64(s, 6, r->staff_id);
	if (store_step_done(st, s, e) != 0)
		return -1;
	r->id = sqlite3_last_insert_rowid(store_db(st));
	return 0;
}

int redemption_describe(struct store *st, int64_t id, char **reward_name, char **voucher,
			struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_DESCRIBE, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*reward_name = col_text(s, 0);
		*voucher = col_text(s, 1);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_fail(st, e);
}

int voucher_exists(struct store *st, const char *code, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_VOUCHER_EXISTS, e);
	if (s == NULL)
		return -1;
	bind_text(s, 1, code);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : store_fail(st, e);
}

int voucher_insert(struct store *st, const char *code, int64_t redemption_id, int64_t at,
		   struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_VOUCHER_INSERT, e);
	if (s == NULL)
		return -1;
	bind_text(s, 1, code);
	bind_i64(s, 2, redemption_id);
	bind_i64(s, 3, at);
	return store_step_done(st, s, e);
}
