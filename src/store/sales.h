/* sales.h -- purchases (immutable) and their returns. */
#ifndef WAFA_STORE_SALES_H
#define WAFA_STORE_SALES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct sale {
	int64_t id;
	int64_t customer_id;
	int64_t at;
	int64_t amount;      /* goods value */
	int64_t points_paid; /* N: points that paid part of it */
	int64_t discount;    /* N x point_value */
	int64_t paid;        /* amount - discount */
	int64_t earned;      /* points earned */
	int multiplier;      /* of the tier held just before the sale */
	char *tier;          /* that tier's name */
	bool first_sale;     /* the customer's first sale ever */
	char *note;          /* or NULL */
	int64_t staff_id;    /* 0: none */
	/* The sum of paid over the customer's sales up to this one, this
	 * one included: kept by sale_insert; bulk loads give it. */
	int64_t cum_paid;
};
void sale_clear(struct sale *s);

/* Inserts a sale; fills s->id. */
int sale_insert(struct store *st, struct sale *s, struct werr *e);
/* Reads sale id into *s (clear with sale_clear).  1, 0, -1. */
int sale_get(struct store *st, int64_t id, struct sale *s, struct werr *e);

struct sale_return {
	int64_t id;
	int64_t sale_id;
	int64_t customer_id;
	int64_t at;
	int64_t amount;          /* goods value returned */
	int64_t refunded;        /* cash refunded */
	int64_t points_reversed; /* earned points taken back */
	int64_t points_restored; /* points that had paid, given back */
	char *note;
	int64_t staff_id;
	int64_t sale_at; /* the sale's instant: kept by return_insert; bulk loads give it */
};

/* Inserts a return; fills r->id. */
int return_insert(struct store *st, struct sale_return *r, struct werr *e);
/* Reads return id into *r (free r->note).  1 found, 0 not, -1 error. */
int return_get(struct store *st, int64_t id, struct sale_return *r, struct werr *e);
/* Totals of the returns of one sale so far: goods value and cash. */
int sale_returned(struct store *st, int64_t sale_id, int64_t *amount, int64_t *refunded,
		  struct werr *e);

/* A sale as the tier rule sees it at instant t. */
struct window_sale {
	int64_t at;
	int64_t paid;
	int64_t refunded; /* cash refunded by its returns dated <= t */
};
/* The customer's sales with from < at <= to, each with the refunds of
 * its returns dated <= to, oldest first, in a new array. */
int sales_window(struct store *st, int64_t customer_id, int64_t from, int64_t to,
		 struct window_sale **v, size_t *n, struct werr *e);

/* The customer's latest sales, newest first: up to `limit` sales with an
 * id below before_id (0: from the newest), in a new array (free each with
 * sale_clear, then the array).  Each row's returned goods value is in
 * returned[i] (a new array). */
int sales_of_customer(struct store *st, int64_t customer_id, int64_t before_id, size_t limit,
		      struct sale **v, int64_t **returned, size_t *n, struct werr *e);

/* The shop's latest sales, newest first (home screen). */
int sales_latest(struct store *st, size_t limit, struct sale **v, size_t *n, struct werr *e);
void sales_free(struct sale *v, size_t n);

/* Calls fn for every sale in (at, id) order with the customer's external
 * id (or NULL); fn returns 0 to go on. */
int sales_each(struct store *st,
	       int (*fn)(void *ctx, const struct sale *s, const char *external_id), void *ctx,
	       struct werr *e);

#endif
