/* sale.h -- purchases and returns (rules 1-3). */
#ifndef WAFA_ENGINE_SALE_H
#define WAFA_ENGINE_SALE_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store.h"

struct purchase_request {
	int64_t customer_id;
	int64_t amount;        /* goods value, minor units, >= 0 */
	int64_t redeem_points; /* N points paying part of it, >= 0 */
	int64_t at;            /* TIME_NONE: now */
	const char *note;      /* or NULL */
	int64_t staff_id;      /* 0: none */
};

struct purchase_result {
	int64_t purchase_id;
	int64_t customer_id;
	int64_t at;
	int64_t amount;
	int64_t discount;
	int64_t paid;
	int64_t points_earned;
	int64_t points_paid;
	int64_t points_balance;
	char tier[64];        /* after the sale */
	char tier_before[64]; /* held just before it */
	int multiplier;       /* of tier_before */
	bool tier_changed;
	int64_t window_spend; /* after the sale */
	/* The next tier and the spend still missing to reach it (0 and "" at
	 * the top). */
	char next_tier[64];
	int64_t next_tier_missing;
};

/* Records a purchase by rule 1 in one transaction. */
int engine_purchase(struct store *st, const struct purchase_request *rq,
		    struct purchase_result *out, struct werr *e);

struct return_request {
	int64_t purchase_id;
	int64_t amount; /* goods value returned, > 0 */
	int64_t at;     /* TIME_NONE: now */
	const char *note;
	int64_t staff_id;
};

struct return_result {
	int64_t return_id;
	int64_t purchase_id;
	int64_t customer_id;
	int64_t at;
	int64_t amount;
	int64_t refunded;
	int64_t points_reversed;
	int64_t points_restored;
	int64_t points_balance;
	char tier[64];
};

/* Records a return by rule 3 in one transaction. */
int engine_return(struct store *st, const struct return_request *rq, struct return_result *out,
		  struct werr *e);

#endif
