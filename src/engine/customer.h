/* customer.h -- enrolment, edits and lookups of customers. */
#ifndef WAFA_ENGINE_CUSTOMER_H
#define WAFA_ENGINE_CUSTOMER_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/shop.h"
#include "store/customers.h"

/* The fields of the enrolment form and of `customer add|edit`.  NULL
 * means "not given" (for edit: unchanged); "" clears an optional field on
 * edit. */
struct customer_input {
	const char *name;
	const char *phone;
	const char *external_id;
	const char *birthday;  /* YYYY-MM-DD, Gregorian */
	const char *email;
	const char *referrer;  /* a customer REF */
	const char *note;
	int consent;           /* -1 not given, 0 no, 1 yes */
	int64_t at;            /* enrolment instant; TIME_NONE = now */
};
#define CUSTOMER_INPUT_INIT {.consent = -1, .at = TIME_NONE}

/* Which field of the input a refusal is about (for forms). */
enum customer_field {
	CF_NONE, CF_NAME, CF_PHONE, CF_EXTERNAL_ID, CF_BIRTHDAY, CF_EMAIL, CF_REFERRER, CF_NOTE,
	CF_AT
};

/* Enrols a customer; on success *out holds the new customer (clear it
 * with customer_clear).  On refusal *field (may be NULL) names the
 * field. */
int engine_customer_add(struct store *st, const struct customer_input *in, struct customer *out,
			enum customer_field *field, struct werr *e);
/* Changes the given fields of customer id. */
int engine_customer_edit(struct store *st, int64_t id, const struct customer_input *in,
			 enum customer_field *field, struct werr *e);
/* Marks a customer inactive (kept with all history) or active again;
 * reactivating refuses when another active customer holds the phone or
 * external id meanwhile. */
int engine_customer_set_active(struct store *st, int64_t id, bool active, struct werr *e);

/* Resolves a customer REF (DESIGN.md section 8): the numeric id (digits
 * of any script), phone:NUMBER, card:NUMBER or ext:ID.  Refuses an
 * unknown customer (W_REFUSED). */
int customer_resolve(struct store *st, const struct shop *shop, const char *ref, int64_t *id,
		     struct werr *e);

/* Everything `customer show` and the customer card show. */
struct customer_view {
	struct customer c;
	const struct tier *tier;      /* at `at`, by rule 2 (points into the shop) */
	const struct tier *next_tier; /* or NULL at the top */
	int64_t window_spend;
	int64_t points;               /* balance at `at`, expiry included */
	int64_t referrals;
	int64_t at;
};
/* Reads customer id as of now without changing anything. */
int customer_view_load(struct store *st, const struct shop *shop, int64_t id, int64_t now,
		       struct customer_view *v, struct werr *e);
void customer_view_clear(struct customer_view *v);

/* The points of a listed customer as of now: the stored balance, or --
 * when an expiry instant has passed since the customer's watermark -- the
 * balance with that expiry applied (read only). */
int customer_hit_points(struct store *st, const struct shop *shop, const struct customer_hit *h,
			int64_t now, int64_t *points, struct werr *e);

/* Rebuilds every customer's name sort key when the collator of the shop's
 * language is not the one that built them (an ICU upgrade, a change of
 * the lang setting).  Inside a write transaction. */
int collation_refresh(struct store *st, const struct shop *shop, struct werr *e);

#endif
