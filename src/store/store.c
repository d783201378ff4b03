/* store.c -- the SQLite connection, its transactions and statement cache. */
#include <config.h>

#include "store/store.h"

#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/private.h"
#include "text/i18n.h"
#include "text/strbuf.h"
#include "text/uilocale.h"
#include "text/xalloc.h"

/* PRAGMA application_id of a wafa database: "wafa" in ASCII. */
#define WAFA_APPLICATION_ID 0x77616661
#define BUSY_TIMEOUT_MS 10000
#define STMT_SLOTS 256 /* statements are few; a power of two */

struct stmt_slot {
	const char *sql;
	sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	char *path;
	int depth; /* transaction nesting: 0 none, 1 BEGIN, >1 savepoints */
	struct actor actor;
	struct stmt_slot slots[STMT_SLOTS];
};

void store_set_actor(struct store *st, const struct actor *a)
{
	if (a == NULL)
		memset(&st->actor, 0, sizeof st->actor);
	else
		st->actor = *a;
}

const struct actor *store_actor(const struct store *st)
{
	return &st->actor;
}

sqlite3 *store_db(struct store *st)
{
	return st->db;
}

const char *store_path(const struct store *st)
{
	return st->path;
}

bool store_in_transaction(const struct store *st)
{
	return st->depth > 0;
}

int store_fail(struct store *st, struct werr *e)
{
	int code = sqlite3_extended_errcode(st->db) & 0xff;
	const char *detail = sqlite3_errmsg(st->db);
	switch (code) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return werr_set(e, W_DB,
				_("the shop database is busy (another counter is writing); try again"));
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return werr_set(e, W_DB, _("the database file %s is damaged: %s"), st->path, detail);
	case SQLITE_FULL:
		return werr_set(e, W_DB, _("the disk is full: %s"), detail);
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		return werr_set(e, W_DB, _("cannot write the database file %s: %s"), st->path,
				detail);
	default:
		return werr_set(e, W_DB, _("database error: %s"), detail);
	}
}

static size_t slot_hash(const char *sql)
{
	uintptr_t p = (uintptr_t)sql;
	p ^= p >> 17;
	p *= 0x9e3779b97f4a7c15ULL;
	return (size_t)(p >> 40) & (STMT_SLOTS - 1);
}

sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct werr *e)
{
	size_t h = slot_hash(sql);
	for (size_t i = 0; i < STMT_SLOTS; i++) {
		struct stmt_slot *sl = &st->slots[(h + i) & (STMT_SLOTS - 1)];
		if (sl->sql == sql) {
			sqlite3_reset(sl->stmt);
			sqlite3_clear_bindings(sl->stmt);
			return sl->stmt;
		}
		if (sl->sql == NULL) {
			sqlite3_stmt *s = NULL;
			if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
					       NULL) != SQLITE_OK) {
				store_fail(st, e);
				return NULL;
			}
			sl->sql = sql;
			sl->stmt = s;
			return s;
		}
	}
	xalloc_die("too many SQL statements");
}

int store_step_done(struct store *st, sqlite3_stmt *s, struct werr *e)
{
	int rc = sqlite3_step(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		int r = store_fail(st, e);
		sqlite3_reset(s);
		return r;
	}
	sqlite3_reset(s);
	return 0;
}

void bind_i64(sqlite3_stmt *s, int i, int64_t v)
{
	sqlite3_bind_int64(s, i, v);
}

void bind_time(sqlite3_stmt *s, int i, int64_t t)
{
	if (t == TIME_NONE)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int64(s, i, t);
}

void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

void bind_blob(sqlite3_stmt *s, int i, const void *v, size_t n)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_blob(s, i, v, (int)n, SQLITE_TRANSIENT);
}

char *col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t == NULL ? NULL : xstrdup((const char *)t);
}

int64_t col_time(sqlite3_stmt *s, int i)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return TIME_NONE;
	return sqlite3_column_int64(s, i);
}

static int exec(struct store *st, const char *sql, struct werr *e)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		sqlite3_free(msg);
		return store_fail(st, e);
	}
	return 0;
}

static int pragma_int(struct store *st, const char *sql, int *out, struct werr *e)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, e);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		return store_fail(st, e);
	}
	*out = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return 0;
}

int store_schema_latest(void)
{
	int n = 0;
	for (const struct embedded_file *f = schema_migrations; f->name != NULL; f++)
		n = atoi(f->name);
	return n;
}

int store_schema_version(struct store *st)
{
	int v = -1;
	if (pragma_int(st, "PRAGMA user_version", &v, NULL) != 0)
		return -1;
	return v;
}

/* Brings the schema up to date: every migration newer than the file's
 * version, in order, in one transaction. */
static int migrate(struct store *st, struct werr *e)
{
	int version, app_id, tables;
	if (pragma_int(st, "PRAGMA user_version", &version, e) != 0 ||
	    pragma_int(st, "PRAGMA application_id", &app_id, e) != 0 ||
	    pragma_int(st, "SELECT count(*) FROM sqlite_master", &tables, e) != 0)
		return -1;
	if (tables > 0 && app_id != WAFA_APPLICATION_ID)
		return werr_set(e, W_REFUSED, _("%s is not a wafa database"), st->path);
	int latest = store_schema_latest();
	if (version > latest) {
		char file_version[MSG_NUM_SIZE], known[MSG_NUM_SIZE];
		return werr_set(e, W_REFUSED,
				_("the database %s was written by a newer wafa (schema %s; this "
				  "program knows %s): update wafa"),
				st->path, msg_int(file_version, version), msg_int(known, latest));
	}
	if (version == latest)
		return 0;
	if (exec(st, "BEGIN IMMEDIATE", e) != 0)
		return -1;
	/* Read again under the write lock: another process may have migrated. */
	if (pragma_int(st, "PRAGMA user_version", &version, e) != 0)
		goto fail;
	for (const struct embedded_file *f = schema_migrations; f->name != NULL; f++) {
		int n = atoi(f->name);
		if (n <= version)
			continue;
		if (exec(st, f->text, e) != 0)
			goto fail;
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", n);
		if (exec(st, sql, e) != 0)
			goto fail;
	}
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d", WAFA_APPLICATION_ID);
	if (exec(st, sql, e) != 0 || exec(st, "COMMIT", e) != 0)
		goto fail;
	return 0;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* Creates the folders above path (mode 0700) and the empty file itself
 * with mode 0600, so that SQLite and its WAL files inherit that mode. */
static int create_file(const char *path, struct werr *e)
{
	char *dir = xstrdup(path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			int err = errno;
			werr_set(e, W_DB, _("cannot create the folder %s: %s"), dir, strerror(err));
			free(dir);
			return -1;
		}
		*p = '/';
	}
	free(dir);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST)
		return werr_set(e, W_DB, _("cannot create the database file %s: %s"), path,
				strerror(errno));
	if (fd >= 0)
		close(fd);
	return 0;
}

/* The SQLite URI that opens path for STORE_PEEK: read-only, and
 * immutable when no write-ahead log lies beside the file (then the file
 * holds every committed change, and SQLite creates no -wal or -shm file
 * for a reader that takes no locks).  The caller frees it. */
static char *peek_uri(const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_adds(&sb, path[0] == '/' ? "file://" : "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p) != NULL)
			strbuf_addc(&sb, (char)*p);
		else
			strbuf_addf(&sb, "%%%02X", *p);
	}
	char *wal = xasprintf("%s-wal", path);
	struct stat ws;
	bool has_wal = stat(wal, &ws) == 0;
	free(wal);
	strbuf_adds(&sb, has_wal ? "?mode=ro" : "?mode=ro&immutable=1");
	return strbuf_detach(&sb);
}

/* STORE_PEEK: a read-only connection to an existing wafa database. */
static int open_peek(struct store *st, struct werr *e)
{
	char *uri = peek_uri(st->path);
	int rc = sqlite3_open_v2(uri, &st->db,
				 SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		if (st->db != NULL)
			return store_fail(st, e);
		return werr_set(e, W_DB, _("cannot open %s"), st->path);
	}
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	int app_id = 0;
	if (pragma_int(st, "PRAGMA application_id", &app_id, e) != 0)
		return -1;
	if (app_id != WAFA_APPLICATION_ID)
		return werr_set(e, W_REFUSED, _("%s is not a wafa database"), st->path);
	return 0;
}

int store_open(const char *path, enum store_mode mode, struct store **out, struct werr *e)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (mode == STORE_EXISTING || mode == STORE_PEEK)
			return werr_set(e, W_REFUSED,
					_("there is no shop database at %s: create one with "
					  "\"wafa init\" or \"wafa demo\""),
					path);
		if (create_file(path, e) != 0)
			return -1;
	} else if (!S_ISREG(sb.st_mode)) {
		return werr_set(e, W_REFUSED, _("%s is not a file"), path);
	}

	struct store *st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	if (mode == STORE_PEEK) {
		if (open_peek(st, e) != 0)
			goto fail;
		*out = st;
		return 0;
	}
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		if (st->db != NULL)
			store_fail(st, e);
		else
			werr_set(e, W_DB, _("cannot open %s"), path);
		store_close(st);
		return -1;
	}
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(st->db, 1);
	int app_id = 0;
	if (pragma_int(st, "PRAGMA application_id", &app_id, e) != 0) {
		if ((sqlite3_errcode(st->db) & 0xff) == SQLITE_NOTADB)
			werr_set(e, W_REFUSED, _("%s is not a wafa database"), path);
		goto fail;
	}
	/* WAL is a property of the file; setting it again is a no-op. */
	if (exec(st, "PRAGMA journal_mode = WAL", e) != 0 ||
	    exec(st, "PRAGMA synchronous = FULL", e) != 0 ||
	    exec(st, "PRAGMA foreign_keys = ON", e) != 0 ||
	    exec(st, "PRAGMA temp_store = MEMORY", e) != 0 ||
	    exec(st, "PRAGMA cache_size = -4096", e) != 0)
		goto fail;
	if (migrate(st, e) != 0)
		goto fail;
	*out = st;
	return 0;
fail:
	store_close(st);
	return -1;
}

void store_close(struct store *st)
{
	if (st == NULL)
		return;
	for (size_t i = 0; i < STMT_SLOTS; i++)
		sqlite3_finalize(st->slots[i].stmt);
	if (st->db != NULL) {
		if (st->depth > 0)
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close_v2(st->db);
	}
	free(st->path);
	free(st);
}

int store_begin(struct store *st, struct werr *e)
{
	char sql[48];
	if (st->depth == 0)
		snprintf(sql, sizeof sql, "BEGIN IMMEDIATE");
	else
		snprintf(sql, sizeof sql, "SAVEPOINT s%d", st->depth);
	if (exec(st, sql, e) != 0)
		return -1;
	st->depth++;
	return 0;
}

int store_begin_read(struct store *st, struct werr *e)
{
	if (st->depth > 0) {
		st->depth++;
		return exec(st, "SAVEPOINT r", e) == 0 ? 0 : (st->depth--, -1);
	}
	if (exec(st, "BEGIN", e) != 0)
		return -1;
	st->depth++;
	return 0;
}

int store_commit(struct store *st, struct werr *e)
{
	char sql[48];
	if (st->depth <= 0)
		return 0;
	if (st->depth == 1)
		snprintf(sql, sizeof sql, "COMMIT");
	else
		snprintf(sql, sizeof sql, "RELEASE s%d", st->depth - 1);
	if (exec(st, sql, e) != 0) {
		store_rollback(st);
		return -1;
	}
	st->depth--;
	return 0;
}

void store_rollback(struct store *st)
{
	char sql[64];
	if (st->depth <= 0)
		return;
	if (st->depth == 1)
		snprintf(sql, sizeof sql, "ROLLBACK");
	else
		snprintf(sql, sizeof sql, "ROLLBACK TO s%d; RELEASE s%d", st->depth - 1,
			 st->depth - 1);
	sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	st->depth--;
}

int store_tune_for_reading(struct store *st, struct werr *e)
{
	return exec(st, "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536", e);
}

int store_set_bulk_mode(struct store *st, bool on, struct werr *e)
{
	if (on)
		return exec(st, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144", e);
	return exec(st, "PRAGMA synchronous = FULL; PRAGMA cache_size = -4096", e);
}

static int copy_db(sqlite3 *to, sqlite3 *from, struct werr *e)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	if (b == NULL)
		return werr_set(e, W_DB, _("backup failed: %s"), sqlite3_errmsg(to));
	int rc;
	do {
		rc = sqlite3_backup_step(b, 1024);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return werr_set(e, W_DB, _("backup failed: %s"), sqlite3_errstr(rc));
	return 0;
}

int store_backup(struct store *st, const char *path, struct werr *e)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return werr_set(e, W_REFUSED, _("cannot create the backup file %s: %s"), path,
				strerror(errno));
	close(fd);
	sqlite3 *to = NULL;
	int r = -1;
	if (sqlite3_open_v2(path, &to, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		werr_set(e, W_DB, _("cannot open %s"), path);
		goto out;
	}
	r = copy_db(to, st->db, e);
	if (r == 0 && sqlite3_exec(to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		r = werr_set(e, W_DB, _("backup failed: %s"), sqlite3_errmsg(to));
out:
	sqlite3_close_v2(to);
	if (r != 0)
		unlink(path);
	return r;
}

int store_probe(const char *path, int *version, struct werr *e)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	int app = 0;
	*version = -1;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		goto not_wafa;
	if (sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW)
		goto not_wafa;
	app = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	s = NULL;
	if (app != WAFA_APPLICATION_ID)
		goto not_wafa;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW)
		goto not_wafa;
	*version = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close_v2(db);
	return 0;
not_wafa:
	sqlite3_finalize(s);
	sqlite3_close_v2(db);
	return werr_set(e, W_REFUSED, _("%s is not a wafa database"), path);
}

int store_restore(struct store *st, const char *path, struct werr *e)
{
	sqlite3 *from = NULL;
	int r;
	if (sqlite3_open_v2(path, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sqlite3_close_v2(from);
		return werr_set(e, W_REFUSED, _("cannot open %s"), path);
	}
	r = copy_db(st->db, from, e);
	sqlite3_close_v2(from);
	return r;
}

int store_integrity(struct store *st, void (*problem)(void *ctx, const char *what), void *ctx,
		    struct werr *e)
{
	int n = 0;
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, e);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		if (t != NULL && strcmp(t, "ok") != 0) {
			problem(ctx, t);
			n++;
		}
	}
	sqlite3_finalize(s);
	if (sqlite3_prepare_v2(st->db, "PRAGMA foreign_key_check", -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, e);
	while (sqlite3_step(s) == SQLITE_ROW) {
		char buf[256], row[MSG_NUM_SIZE];
		snprintf(buf, sizeof buf, _("broken reference: row %s of %s points to a missing row of %s"),
			 msg_id(row, sqlite3_column_int64(s, 1)),
			 (const char *)sqlite3_column_text(s, 0),
			 (const char *)sqlite3_column_text(s, 2));
		problem(ctx, buf);
		n++;
	}
	sqlite3_finalize(s);
	return n;
}
