/* settings.c -- settings and tiers. */
#include <config.h>

#include "store/settings.h"

#include <stdlib.h>

#include "store/private.h"
#include "text/xalloc.h"

static const char SQL_GET[] = "SELECT value FROM settings WHERE key = ?";
static const char SQL_SET[] =
	"INSERT INTO settings (key, value) VALUES (?, ?) "
	"ON CONFLICT (key) DO UPDATE SET value = excluded.value";
static const char SQL_EACH[] = "SELECT key, value FROM settings ORDER BY key";
static const char SQL_TIERS[] =
	"SELECT id, name, min_spend, multiplier, discount FROM tiers ORDER BY min_spend";
static const char SQL_TIER_INSERT[] =
	"INSERT INTO tiers (name, min_spend, multiplier, discount) VALUES (?, ?, ?, ?)";
static const char SQL_TIER_UPDATE[] =
	"UPDATE tiers SET name = ?, min_spend = ?, multiplier = ?, discount = ? WHERE id = ?";
static const char SQL_TIER_DELETE[] = "DELETE FROM tiers WHERE id = ?";

int settings_get(struct store *st, const char *key, char **value, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_GET, e);
	if (s == NULL)
		return -1;
	bind_text(s, 1, key);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*value = col_text(s, 0);
		sqlite3_reset(s);
		return *value != NULL;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, e);
	*value = NULL;
	return 0;
}

int settings_set(struct store *st, const char *key, const char *value, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SET, e);
	if (s == NULL)
		return -1;
	bind_text(s, 1, key);
	bind_text(s, 2, value);
	return store_step_done(st, s, e);
}

int settings_each(struct store *st, void (*fn)(void *ctx, const char *key, const char *value),
		  void *ctx, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_EACH, e);
	if (s == NULL)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn(ctx, (const char *)sqlite3_column_text(s, 0),
		   (const char *)sqlite3_column_text(s, 1));
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, e);
}

int tiers_load(struct store *st, struct tier **out, size_t *n, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_TIERS, e);
	if (s == NULL)
		return -1;
	struct tier *v = NULL;
	size_t len = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		v = xgrow(v, &cap, len + 1, sizeof *v);
		struct tier *t = &v[len++];
		t->id = sqlite3_column_int64(s, 0);
		t->name = col_text(s, 1);
		t->min_spend = sqlite3_column_int64(s, 2);
		t->multiplier = sqlite3_column_int(s, 3);
		t->discount = sqlite3_column_int(s, 4);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		tiers_free(v, len);
		return store_fail(st, e);
	}
	*out = v;
	*n = len;
	return 0;
}

void tiers_free(struct tier *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(t[i].name);
	free(t);
}

static void bind_tier(sqlite3_stmt *s, const struct tier *t)
{
	bind_text(s, 1, t->name);
	bind_i64(s, 2, t->min_spend);
	bind_i64(s, 3, t->multiplier);
	bind_i64(s, 4, t->discount);
}

int tier_insert(struct store *st, const struct tier *t, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_TIER_INSERT, e);
	if (s == NULL)
		return -1;
	bind_tier(s, t);
	return store_step_done(st, s, e);
}

int tier_update(struct store *st, const struct tier *t, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_TIER_UPDATE, e);
	if (s == NULL)
		return -1;
	bind_tier(s, t);
	bind_i64(s, 5, t->id);
	return store_step_done(st, s, e);
}

int tier_delete(struct store *st, int64_t id, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_TIER_DELETE, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, id);
	return store_step_done(st, s, e);
}
