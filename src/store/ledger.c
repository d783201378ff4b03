/* ledger.c -- the points ledger. */
#include <config.h>

#include "store/ledger.h"

#include <stdlib.h>
#include <string.h>

#include "store/private.h"
#include "text/xalloc.h"

static const char *const kind_names[LK__COUNT] = {
	[LK_EARN] = "earn",       [LK_BONUS] = "bonus",     [LK_REDEEM] = "redeem",
	[LK_PAY] = "pay",         [LK_REVERSE] = "reverse", [LK_RESTORE] = "restore",
	[LK_EXPIRE] = "expire",   [LK_ADJUST] = "adjust",
};

static const char SQL_APPEND[] =
	"INSERT INTO ledger (customer_id, at, kind, points, sale_id, return_id, redemption_id, "
	"reason, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_POINTS[] =
	"SELECT at, points, kind FROM ledger WHERE customer_id = ? ORDER BY at, id";
static const char SQL_TOTALS[] =
	"SELECT kind, SUM(points) FROM ledger WHERE customer_id = ? GROUP BY kind";
static const char SQL_HISTORY[] =
	"SELECT id, customer_id, at, kind, points, sale_id, return_id, redemption_id, reason, "
	"staff_id FROM ledger WHERE customer_id = ? AND id < ? ORDER BY id DESC LIMIT ?";

const char *ledger_kind_name(enum ledger_kind k)
{
	return (unsigned)k < LK__COUNT ? kind_names[k] : "?";
}

int ledger_kind_parse(const char *name, enum ledger_kind *k)
{
	for (int i = 0; i < LK__COUNT; i++)
		if (name != NULL && strcmp(name, kind_names[i]) == 0) {
			*k = (enum ledger_kind)i;
			return 0;
		}
	return -1;
}

void ledger_entries_free(struct ledger_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].reason);
	free(v);
}

static void bind_ref(sqlite3_stmt *s, int i, int64_t id)
{
	if (id > 0)
		bind_i64(s, i, id);
}

int ledger_append(struct store *st, struct ledger_entry *le, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_APPEND, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, le->customer_id);
	bind_i64(s, 2, le->at);
	bind_text(s, 3, ledger_kind_name(le->kind));
	bind_i64(s, 4, le->points);
	bind_ref(s, 5, le->sale_id);
	bind_ref(s, 6, le->return_id);
	bind_ref(s, 7, le->redemption_id);
	bind_text(s, 8, le->reason);
	bind_ref(s, 9, le->staff_id);
	if (store_step_done(st, s, e) != 0)
		return -1;
	le->id = sqlite3_last_insert_rowid(store_db(st));
	return 0;
}

static enum ledger_kind col_kind(sqlite3_stmt *s, int i)
{
	enum ledger_kind k = LK_ADJUST;
	ledger_kind_parse((const char *)sqlite3_column_text(s, i), &k);
	return k;
}

int ledger_points(struct store *st, int64_t customer_id, struct ledger_point **v, size_t *n,
		  struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_POINTS, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, customer_id);
	struct ledger_point *out = NULL;
	size_t len = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out = xgrow(out, &cap, len + 1, sizeof *out);
		out[len].at = sqlite3_column_int64(s, 0);
		out[len].points = sqlite3_column_int64(s, 1);
		out[len].kind = col_kind(s, 2);
		len++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(out);
		return store_fail(st, e);
	}
	*v = out;
	*n = len;
	return 0;
}

int ledger_totals(struct store *st, int64_t customer_id, int64_t sums[LK__COUNT],
		  struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_TOTALS, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, customer_id);
	memset(sums, 0, sizeof(int64_t) * LK__COUNT);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		sums[col_kind(s, 0)] += sqlite3_column_int64(s, 1);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, e);
}

int ledger_history(struct store *st, int64_t customer_id, int64_t before_id, size_t limit,
		   struct ledger_entry **v, size_t *n, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_HISTORY, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, customer_id);
	bind_i64(s, 2, before_id > 0 ? before_id : INT64_MAX);
	bind_i64(s, 3, (int64_t)limit);
	struct ledger_entry *out = xcalloc(limit ? limit : 1, sizeof *out);
	size_t len = 0;
	int rc = SQLITE_DONE;
	while (len < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct ledger_entry *le = &out[len++];
		le->id = sqlite3_column_int64(s, 0);
		le->customer_id = sqlite3_column_int64(s, 1);
		le->at = sqlite3_column_int64(s, 2);
		le->kind = col_kind(s, 3);
		le->points = sqlite3_column_int64(s, 4);
		le->sale_id = sqlite3_column_int64(s, 5);
		le->return_id = sqlite3_column_int64(s, 6);
		le->redemption_id = sqlite3_column_int64(s, 7);
		le->reason = col_text(s, 8);
		le->staff_id = sqlite3_column_int64(s, 9);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		ledger_entries_free(out, len);
		return store_fail(st, e);
	}
	*v = out;
	*n = len;
	return 0;
}
