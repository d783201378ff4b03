/* store.h -- the customer/purchase store: one SQLite file.
 *
 * The only layer that knows SQL (DESIGN.md section 2).  This header offers
 * the connection and its transactions; the record modules (customers.h,
 * sales.h, ledger.h, settings.h, rewards.h, surveys.h, stats.h) offer one
 * function per purpose, each running one prepared statement that is kept
 * for the life of the connection.
 *
 * Functions return 0 on success and -1 on failure after filling a struct
 * werr (W_DB for database trouble, W_REFUSED for a refused request such
 * as a database newer than the program).  Lookups that may find nothing
 * return 1 (found), 0 (not found) or -1. */
#ifndef WAFA_STORE_STORE_H
#define WAFA_STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "text/werr.h"

/* A missing instant (SQL NULL) in the records of the store. */
#define TIME_NONE INT64_MIN

struct store;

enum store_mode {
	STORE_EXISTING, /* the file must exist (every command but init/demo) */
	STORE_CREATE,   /* create the file (mode 0600) and its folder if missing */
	STORE_PEEK,     /* read only, without side effects: see store_open */
};

/* Opens the shop database at path: WAL, synchronous=FULL, foreign keys,
 * a busy timeout of 10 s; brings an older schema up to date inside one
 * transaction; refuses a database newer than the program and a file that
 * is not a wafa database.  On success *out owns the connection (close it
 * with store_close).
 *
 * STORE_PEEK is for reading a setting before anything else happens (the
 * UI language of --help): the file must exist and be a wafa database; it
 * is opened read-only, neither migrated nor checked for its version, and
 * -- when no write-ahead log lies beside it -- as an immutable file, so
 * that not even the log and shared-memory files are created.  Only reads
 * of tables every schema version has (settings) make sense on it. */
int store_open(const char *path, enum store_mode mode, struct store **out, struct werr *e);
void store_close(struct store *st);
const char *store_path(const struct store *st);

/* The schema version this program writes, and the one in the file. */
int store_schema_latest(void);
int store_schema_version(struct store *st);

/* Transactions nest: the outermost store_begin is BEGIN IMMEDIATE (the
 * write lock, so two counters can never spend the same points twice);
 * inner ones are savepoints, so one row of an import can be undone
 * without the others.  store_commit ends the innermost level;
 * store_rollback undoes it. */
int store_begin(struct store *st, struct werr *e);
int store_commit(struct store *st, struct werr *e);
void store_rollback(struct store *st);
/* Read transaction (a consistent snapshot for reports and lists). */
int store_begin_read(struct store *st, struct werr *e);
bool store_in_transaction(const struct store *st);

/* Who is acting on this connection (for owner-only actions and the
 * audit trail): staff id 0 and role NULL when nobody logged in. */
struct actor {
	int64_t staff_id;
	char name[128];
	char role[16]; /* "owner", "staff" or "" */
};
void store_set_actor(struct store *st, const struct actor *a);
const struct actor *store_actor(const struct store *st);

/* Reading much (reports, exports, checks): the file mapped into memory
 * and a larger page cache, so that the statements of one report share
 * their pages instead of reading them again. */
int store_tune_for_reading(struct store *st, struct werr *e);

/* Durability for bulk generation (demo): synchronous=OFF and a large
 * cache while on, back to FULL when off. */
int store_set_bulk_mode(struct store *st, bool on, struct werr *e);

/* SQLite's online backup of the whole database into a new file at path
 * (created with mode 0600); safe while counters work.  Returns 0 or -1. */
int store_backup(struct store *st, const char *path, struct werr *e);
/* Whether the file at path is a wafa database, and its schema version
 * (-1 when it is not one). */
int store_probe(const char *path, int *version, struct werr *e);
/* Replaces the database's contents with those of the wafa database at
 * path (the online backup API in the other direction). */
int store_restore(struct store *st, const char *path, struct werr *e);

/* PRAGMA integrity_check and foreign_key_check: appends one line per
 * problem to the callback.  Returns the number of problems, or -1. */
int store_integrity(struct store *st, void (*problem)(void *ctx, const char *what), void *ctx,
		    struct werr *e);

#endif
