/* customers.h -- customers, their search words and summaries. */
#ifndef WAFA_STORE_CUSTOMERS_H
#define WAFA_STORE_CUSTOMERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct customer {
	int64_t id;
	char *name;        /* as typed */
	char *phone;       /* normalised digits, or NULL */
	char *card;
	char *external_id; /* or NULL */
	char *birthday;    /* YYYY-MM-DD Gregorian, or NULL */
	char *email;       /* or NULL */
	char *note;        /* or NULL */
	int64_t referrer_id; /* 0: none */
	bool consent;
	bool active;
	int64_t enrolled_at;
	/* Summaries the engine keeps in step with the ledger and the sales. */
	int64_t balance;
	int64_t sales_count;
	int64_t spend; /* sum of paid - refunded */
	int64_t first_sale_at, last_sale_at; /* TIME_NONE before the first sale */
	int64_t watermark;   /* rule 6; TIME_NONE before any event */
	int64_t next_expiry; /* earliest unprocessed expiry instant, or TIME_NONE */
	int64_t negative_since; /* first instant the balance went below 0, or TIME_NONE */
	char *tier;          /* last tier recorded in the history, or NULL */
};

/* Frees the strings of c (not c itself) and zeroes it. */
void customer_clear(struct customer *c);

/* Reads customer id into *c (clear it with customer_clear).  1, 0, -1. */
int customer_get(struct store *st, int64_t id, struct customer *c, struct werr *e);
/* Looks up the id of the active customer with this normalised phone, the
 * customer with this card, or the customer with this external id (active
 * first).  1 found, 0 not found, -1 error. */
int customer_id_by_phone(struct store *st, const char *phone, int64_t *id, struct werr *e);
int customer_id_by_card(struct store *st, const char *card, int64_t *id, struct werr *e);
int customer_id_by_external(struct store *st, const char *ext, int64_t *id, struct werr *e);
/* The id the next customer will get. */
int customer_next_id(struct store *st, int64_t *id, struct werr *e);

/* The derived text kept beside a customer's name. */
struct name_keys {
	const char *search_key; /* fold_search_key(name) */
	const uint8_t *sort_key; /* collation key */
	size_t sort_len;
	char **words; /* fold_words(search_key) */
	size_t nwords;
};

/* Inserts c with c->id, its search words and sort key. */
int customer_insert(struct store *st, const struct customer *c, const struct name_keys *k,
		    struct werr *e);
/* Saves the details of c (name, phone, external id, birthday, email,
 * referrer, consent, note, active) and, when k is not NULL, the name's
 * keys and words. */
int customer_update_details(struct store *st, const struct customer *c,
			    const struct name_keys *k, struct werr *e);
/* Saves the summaries of c (balance ... tier). */
int customer_save_summary(struct store *st, const struct customer *c, struct werr *e);
/* Sets the sort key of one customer (collation rebuild). */
int customer_set_sort_key(struct store *st, int64_t id, const uint8_t *key, size_t len,
			  struct werr *e);
/* Calls fn(ctx, id, name) for every customer (for rebuilding sort keys). */
int customer_each_name(struct store *st, int (*fn)(void *ctx, int64_t id, const char *name),
		       void *ctx, struct werr *e);

/* The customers whose next expiry instant is at or before t and whose
 * watermark is before t, in id order (a new array). */
int customers_due_for_expiry(struct store *st, int64_t t, int64_t **ids, size_t *n,
			     struct werr *e);

/* After a change of expiry_days: every customer's next expiry instant
 * becomes the first (positive entry + expiry_secs) after their watermark
 * (and after mark for the customers with an id up to mark_customer); NULL
 * when expiry_secs is 0 or there is none. */
int customers_reset_next_expiry(struct store *st, int64_t expiry_secs, int64_t mark,
				int64_t mark_customer, struct werr *e);

/* Calls fn for every customer in id order (for export); fn returns 0 to
 * go on.  The record is valid during the call only. */
int customers_each(struct store *st, int (*fn)(void *ctx, const struct customer *c), void *ctx,
		   struct werr *e);

/* Appends a row to the tier history. */
int tier_history_add(struct store *st, int64_t customer_id, int64_t at, const char *from,
		     const char *to, const char *cause, struct werr *e);
/* The number of customers this one referred. */
int customer_referral_count(struct store *st, int64_t id, int64_t *n, struct werr *e);

/* A row of a search result or list page. */
struct customer_hit {
	int64_t id;
	char *name, *phone, *card, *external_id;
	int64_t balance;     /* as stored: expiry due since the watermark not applied */
	int64_t last_sale_at;
	bool active;
	int64_t watermark, next_expiry; /* to tell whether expiry is due */
};
void customer_hits_free(struct customer_hit *h, size_t n);

/* customer find (DESIGN.md section 8): `query` matches, case- and
 * script-folded, a prefix of any word of the name (every word of the
 * query must match some word), a prefix of the phone number in any
 * script's digits, a prefix of the card number, or the external id.
 * Exact phone/card/external-id matches first, then phone and card
 * prefixes, then names whose first word matches, then other names; at
 * most `limit` rows of active customers.  *hits is a new array. */
int customer_search(struct store *st, const char *query, const char *country_code, size_t limit,
		    struct customer_hit **hits, size_t *n, struct werr *e);

/* One page of the customer list in name order (keyset paging on the
 * sort key and id): the `limit` customers after (after_key, after_id),
 * or from the start when after_key is NULL; backwards when `backward`
 * (the page before, returned in list order).  Active customers only
 * unless `all`.  Each hit's sort key is returned in keys[i] (new
 * arrays; free them) so that the caller can ask for the next page. */
struct sort_pos {
	uint8_t *key;
	size_t len;
	int64_t id;
};
int customer_page(struct store *st, const struct sort_pos *after, bool backward, size_t limit,
		  bool all, struct customer_hit **hits, struct sort_pos **pos, size_t *n,
		  struct werr *e);
void sort_pos_free(struct sort_pos *p, size_t n);
/* Number of active customers (all customers when `all`). */
int customer_count(struct store *st, bool all, int64_t *n, struct werr *e);

#endif
