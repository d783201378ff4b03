/* staff.c -- staff, PIN lockouts, audit trail. */
#include <config.h>

#include "store/staff.h"

#include <stdlib.h>
#include <string.h>

#include "store/private.h"
#include "text/xalloc.h"

static const char SQL_INSERT[] =
	"INSERT INTO staff (name, role, pin_hash, active, created_at) VALUES (?, ?, ?, ?, ?)";
static const char SQL_LIST_ALL[] =
	"SELECT id, name, role, pin_hash, active, created_at FROM staff ORDER BY id";
static const char SQL_LIST_ACTIVE[] =
	"SELECT id, name, role, pin_hash, active, created_at FROM staff "
	"WHERE active = 1 AND (?1 IS NULL OR role = ?1) ORDER BY id";
static const char SQL_SET_ACTIVE[] = "UPDATE staff SET active = ? WHERE id = ?";
static const char SQL_OWNERS[] =
	"SELECT count(*) FROM staff WHERE role = 'owner' AND active = 1";
static const char SQL_LOCK_GET[] =
	"SELECT failures, locked_until FROM pin_locks WHERE role = ?";
static const char SQL_LOCK_SET[] =
	"INSERT INTO pin_locks (role, failures, locked_until) VALUES (?, ?, ?) "
	"ON CONFLICT (role) DO UPDATE SET failures = excluded.failures, "
	"locked_until = excluded.locked_until";
static const char SQL_AUDIT_INSERT[] =
	"INSERT INTO audit (at, staff_id, who, action, subject, before, after) "
	"VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char SQL_AUDIT_LIST[] =
	"SELECT id, at, staff_id, who, action, subject, before, after FROM audit "
	"WHERE id < ? ORDER BY id DESC LIMIT ?";

void staff_free(struct staff_member *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].role);
		free(v[i].pin_hash);
	}
	free(v);
}

int staff_insert(struct store *st, struct staff_member *m, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_INSERT, e);
	if (s == NULL)
		return -1;
	bind_text(s, 1, m->name);
	bind_text(s, 2, m->role);
	bind_text(s, 3, m->pin_hash);
	bind_i64(s, 4, m->active);
	bind_i64(s, 5, m->created_at);
	if (store_step_done(st, s, e) != 0)
		return -1;
	m->id = sqlite3_last_insert_rowid(store_db(st));
	return 0;
}

int staff_list(struct store *st, const char *role, bool active_only, struct staff_member **v,
	       size_t *n, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, active_only ? SQL_LIST_ACTIVE : SQL_LIST_ALL, e);
	if (s == NULL)
		return -1;
	if (active_only)
		bind_text(s, 1, role);
	struct staff_member *out = NULL;
	size_t len = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out = xgrow(out, &cap, len + 1, sizeof *out);
		struct staff_member *m = &out[len++];
		m->id = sqlite3_column_int64(s, 0);
		m->name = col_text(s, 1);
		m->role = col_text(s, 2);
		m->pin_hash = col_text(s, 3);
		m->active = sqlite3_column_int(s, 4) != 0;
		m->created_at = sqlite3_column_int64(s, 5);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		staff_free(out, len);
		return store_fail(st, e);
	}
	*v = out;
	*n = len;
	return 0;
}

int staff_set_active(struct store *st, int64_t id, bool active, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SET_ACTIVE, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, active);
	bind_i64(s, 2, id);
	return store_step_done(st, s, e);
}

int staff_owner_count(struct store *st, int64_t *n, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_OWNERS, e);
	if (s == NULL)
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, e);
}

int pin_lock_get(struct store *st, const char *role, int64_t *failures, int64_t *locked_until,
		 struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_LOCK_GET, e);
	if (s == NULL)
		return -1;
	bind_text(s, 1, role);
	int rc = sqlite3_step(s);
	*failures = 0;
	*locked_until = TIME_NONE;
	if (rc == SQLITE_ROW) {
		*failures = sqlite3_column_int64(s, 0);
		*locked_until = col_time(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, e);
}

int pin_lock_set(struct store *st, const char *role, int64_t failures, int64_t locked_until,
		 struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_LOCK_SET, e);
	if (s == NULL)
		return -1;
	bind_text(s, 1, role);
	bind_i64(s, 2, failures);
	bind_time(s, 3, locked_until);
	return store_step_done(st, s, e);
}

void audit_rows_free(struct audit_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].who);
		free(v[i].action);
		free(v[i].subject);
		free(v[i].before);
		free(v[i].after);
	}
	free(v);
}

int audit_insert(struct store *st, const struct audit_row *r, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_AUDIT_INSERT, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, r->at);
	if (r->staff_id > 0)
		bind_i64(s, 2, r->staff_id);
	bind_text(s, 3, r->who != NULL ? r->who : "");
	bind_text(s, 4, r->action);
	bind_text(s, 5, r->subject);
	bind_text(s, 6, r->before);
	bind_text(s, 7, r->after);
	return store_step_done(st, s, e);
}

int audit_list(struct store *st, int64_t before_id, size_t limit, struct audit_row **v,
	       size_t *n, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_AUDIT_LIST, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, before_id > 0 ? before_id : INT64_MAX);
	bind_i64(s, 2, (int64_t)limit);
	struct audit_row *out = xcalloc(limit ? limit : 1, sizeof *out);
	size_t len = 0;
	int rc = SQLITE_DONE;
	while (len < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct audit_row *r = &out[len++];
		r->id = sqlite3_column_int64(s, 0);
		r->at = sqlite3_column_int64(s, 1);
		r->staff_id = sqlite3_column_int64(s, 2);
		r->who = col_text(s, 3);
		r->action = col_text(s, 4);
		r->subject = col_text(s, 5);
		r->before = col_text(s, 6);
		r->after = col_text(s, 7);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		audit_rows_free(out, len);
		return store_fail(st, e);
	}
	*v = out;
	*n = len;
	return 0;
}
