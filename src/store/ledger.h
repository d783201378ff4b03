/* ledger.h -- the points ledger: append-only; a balance is its sum. */
#ifndef WAFA_STORE_LEDGER_H
#define WAFA_STORE_LEDGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* The kinds of DESIGN.md section 5, rule 7. */
enum ledger_kind {
	LK_EARN,
	LK_BONUS,
	LK_REDEEM,  /* catalog reward */
	LK_PAY,     /* points paying part of a purchase */
	LK_REVERSE, /* return: earned points taken back */
	LK_RESTORE, /* return of a purchase paid with points */
	LK_EXPIRE,
	LK_ADJUST,  /* +/- with a reason, owner only */
	LK__COUNT
};

/* "earn", "bonus", ... (static). */
const char *ledger_kind_name(enum ledger_kind k);
/* The inverse; 0 or -1. */
int ledger_kind_parse(const char *name, enum ledger_kind *k);

struct ledger_entry {
	int64_t id;
	int64_t customer_id;
	int64_t at;
	enum ledger_kind kind;
	int64_t points; /* signed; never 0 */
	int64_t sale_id, return_id, redemption_id; /* 0: none */
	char *reason;   /* or NULL */
	int64_t staff_id;
};
void ledger_entries_free(struct ledger_entry *v, size_t n);

/* Appends one entry; fills le->id. */
int ledger_append(struct store *st, struct ledger_entry *le, struct werr *e);

/* What the expiry rule needs of each entry. */
struct ledger_point {
	int64_t at;
	int64_t points;
	enum ledger_kind kind;
};
/* Every entry of the customer in (at, id) order, in a new array. */
int ledger_points(struct store *st, int64_t customer_id, struct ledger_point **v, size_t *n,
		  struct werr *e);
/* The sum of the customer's entries per kind: sums[LK_EARN] ... */
int ledger_totals(struct store *st, int64_t customer_id, int64_t sums[LK__COUNT],
		  struct werr *e);
/* The customer's entries, newest first: up to `limit` with id below
 * before_id (0: from the newest), in a new array. */
int ledger_history(struct store *st, int64_t customer_id, int64_t before_id, size_t limit,
		   struct ledger_entry **v, size_t *n, struct werr *e);

#endif
