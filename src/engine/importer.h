/* importer.h -- CSV import of customers and purchases (DESIGN.md
 * section 8): columns found by header name, every row through the engine
 * rules, all or nothing, every rejected line reported. */
#ifndef WAFA_ENGINE_IMPORTER_H
#define WAFA_ENGINE_IMPORTER_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"
#include "text/csv.h"

struct import_error {
	size_t line;   /* line of the file, 1-based */
	char *message; /* localized */
};

struct import_result {
	size_t rows;     /* data rows read */
	size_t imported; /* rows that went in (0 when any was rejected or dry run) */
	size_t accepted; /* rows that would go in */
	struct import_error *rejected;
	size_t nrejected, cap;
	enum csv_encoding encoding; /* what the file was read as */
};
void import_result_free(struct import_result *r);

typedef void (*import_progress)(void *ctx, size_t done, size_t total);

/* Imports customers: a header with `name` and any of external_id, phone,
 * email, birthday (YYYY-MM-DD), enrolled_at (as --at), note, consent
 * (yes/no); other columns are ignored.  Returns 0 when the file was read
 * (whatever was rejected: see r), -1 when it could not be (e filled).
 * Nothing is written when a row is rejected or when dry_run. */
int engine_import_customers(struct store *st, const char *path, enum csv_encoding enc,
			    bool dry_run, import_progress progress, void *ctx,
			    struct import_result *r, struct werr *e);
/* Imports purchases: header customer, at, amount (+ redeem_points,
 * note); customer is a REF (ext:ID for imported customers).  Rows are
 * applied in time order, rows with the same time in file order. */
int engine_import_purchases(struct store *st, const char *path, enum csv_encoding enc,
			    bool dry_run, import_progress progress, void *ctx,
			    struct import_result *r, struct werr *e);

#endif
