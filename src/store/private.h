/* private.h -- what the store's own files share; never included outside
 * src/store/. */
#ifndef WAFA_STORE_PRIVATE_H
#define WAFA_STORE_PRIVATE_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "text/embedded.h"

/* The migrations of data/, compiled in by build-aux/embed.sh. */
extern const struct embedded_file schema_migrations[];

/* Returns the prepared statement for `sql`, preparing it on first use;
 * statements are keyed by the address of their (static) text, reset and
 * with bindings cleared, ready to bind.  NULL on error (e filled). */
sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct werr *e);
/* Fills e from the connection's last error and returns -1. */
int store_fail(struct store *st, struct werr *e);
/* Runs a statement that returns no rows to completion; 0 or -1. */
int store_step_done(struct store *st, sqlite3_stmt *s, struct werr *e);
sqlite3 *store_db(struct store *st);

/* Binding helpers: NULL/TIME_NONE/empty text bind SQL NULL where noted. */
void bind_i64(sqlite3_stmt *s, int i, int64_t v);
void bind_time(sqlite3_stmt *s, int i, int64_t t);     /* TIME_NONE -> NULL */
void bind_text(sqlite3_stmt *s, int i, const char *v); /* NULL -> NULL */
void bind_blob(sqlite3_stmt *s, int i, const void *v, size_t n);
/* Column helpers: a new copy (the caller frees) or NULL for SQL NULL. */
char *col_text(sqlite3_stmt *s, int i);
int64_t col_time(sqlite3_stmt *s, int i); /* NULL -> TIME_NONE */

#endif
