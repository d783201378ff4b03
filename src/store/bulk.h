/* bulk.h -- fast writers for the demo generator (DESIGN.md section 12).
 *
 * The demo runs the loyalty rules over in-memory customer state and
 * writes the resulting rows here, in one large transaction:
 *   - rows carry the ids the generator gave them, so nothing is read back;
 *   - rows are buffered and written 64 to a statement, which halves
 *     SQLite's cost per row (Debian's SQLite has no lookaside);
 *   - a writer thread runs those statements while the caller computes
 *     the next rows; only one thread uses the connection at any time, and
 *     statements run in the order their rows were given, so the result
 *     does not depend on the timing;
 *   - the words of the names are written last, in the order of their
 *     primary key, so that its index is only appended to;
 *   - the secondary indexes of the loaded tables are dropped for the load
 *     and built again afterwards from their own definitions, with the
 *     sorter working in small runs on two threads.
 *
 * Order of use:
 *   bulk_begin            (outside any transaction: bulk mode, no FK checks)
 *   store_begin ...       (the caller's transaction)
 *   bulk_next_ids, bulk_drop_indexes
 *   bulk_sale, bulk_ledger, ... bulk_customer
 *   bulk_create_indexes   (writes what is buffered, then the indexes)
 *   store_commit, or bulk_stop and store_rollback
 *   bulk_end              (durability and FK checks back on)
 *
 * Foreign keys are not checked while loading: rows may refer to customers
 * written later (customers are written last, with their final
 * summaries).  `wafa check` verifies every reference.  Rows of a table
 * are written in the order they were given (name words excepted), so
 * rowids follow that order. */
#ifndef WAFA_STORE_BULK_H
#define WAFA_STORE_BULK_H

#include <stdint.h>

#include "store/customers.h"
#include "store/ledger.h"
#include "store/rewards.h"
#include "store/sales.h"
#include "store/store.h"
#include "store/surveys.h"

struct bulk;

/* Turns bulk mode on (synchronous OFF, a moderate cache: the load only
 * appends) and foreign key enforcement off, and returns the loader in
 * *out (free it with bulk_end).  Refuses (W_DB) inside a transaction,
 * where SQLite would ignore the foreign key switch. */
int bulk_begin(struct store *st, struct bulk **out, struct werr *e);
/* Waits for the rows being written in the background; call it before
 * rolling back after a failure (bulk_create_indexes does it otherwise).
 * b may be NULL. */
void bulk_stop(struct bulk *b);
/* Drops what is still buffered (call it after the commit or the
 * rollback), turns foreign key enforcement and durability back on, and
 * frees b (may be NULL). */
void bulk_end(struct bulk *b);

/* The next free id of each table whose rows others refer to. */
struct bulk_ids {
	int64_t customer, sale, ret, redemption, survey;
};
int bulk_next_ids(struct bulk *b, struct bulk_ids *ids, struct werr *e);

/* Drops every index with a definition of its own (not the automatic
 * indexes of UNIQUE and PRIMARY KEY) on the tables the demo loads,
 * remembering their CREATE statements; inside the caller's transaction. */
int bulk_drop_indexes(struct bulk *b, struct werr *e);
/* Writes the buffered rows, then builds the dropped indexes again, each
 * from its own CREATE statement; fails (and the caller rolls back) when a
 * UNIQUE index finds duplicates. */
int bulk_create_indexes(struct bulk *b, struct werr *e);

/* Row writers.  Each buffers the record as given, with the id the caller
 * chose where the record has one (s->id, r->id, d->id, sv->id, c->id);
 * ledger, voucher, follow-up, contact and tier history rows get the next
 * rowid.  Text is copied during the call.  An error may come from
 * writing earlier rows. */
int bulk_sale(struct bulk *b, const struct sale *s, struct werr *e);
int bulk_return(struct bulk *b, const struct sale_return *r, struct werr *e);
int bulk_ledger(struct bulk *b, const struct ledger_entry *le, struct werr *e);
/* A redemption and its voucher (issued at the redemption's instant). */
int bulk_redemption(struct bulk *b, const struct redemption *d, const char *voucher,
		    struct werr *e);
int bulk_survey(struct bulk *b, const struct survey *sv, struct werr *e);
/* A detractor follow-up opened at opened_at; closed_at TIME_NONE leaves
 * it open (note NULL). */
int bulk_follow_up(struct bulk *b, int64_t survey_id, int64_t customer_id, int64_t opened_at,
		   int64_t closed_at, const char *note, struct werr *e);
int bulk_contact(struct bulk *b, int64_t customer_id, int64_t at, const char *outcome,
		 const char *note, struct werr *e);
int bulk_tier_history(struct bulk *b, int64_t customer_id, int64_t at, const char *from,
		      const char *to, const char *cause, struct werr *e);
/* A customer with every column, summaries included, and the words of
 * the name. */
int bulk_customer(struct bulk *b, const struct customer *c, const struct name_keys *k,
		  struct werr *e);

#endif
