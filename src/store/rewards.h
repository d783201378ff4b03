/* rewards.h -- the rewards catalog, redemptions and vouchers. */
#ifndef WAFA_STORE_REWARDS_H
#define WAFA_STORE_REWARDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define STOCK_UNLIMITED (-1)

struct reward {
	int64_t id;
	char *code;
	char *name;
	int64_t points;      /* cost, >= 1 */
	int64_t copay;       /* cash co-payment, minor units */
	int64_t stock;       /* units ever stocked, or STOCK_UNLIMITED */
	int64_t redeemed;    /* redemptions so far (read only) */
	int64_t active_from; /* inclusive instant, or TIME_NONE */
	int64_t active_to;   /* exclusive instant, or TIME_NONE */
	int64_t created_at;
};
void reward_clear(struct reward *r);
void rewards_free(struct reward *v, size_t n);

/* Inserts r; fills r->id. */
int reward_insert(struct store *st, struct reward *r, struct werr *e);
/* Saves name, points, copay, stock and dates of the reward r->id. */
int reward_update(struct store *st, const struct reward *r, struct werr *e);
/* 1, 0, -1. */
int reward_by_code(struct store *st, const char *code, struct reward *r, struct werr *e);
int reward_get(struct store *st, int64_t id, struct reward *r, struct werr *e);
/* The whole catalog, cheapest first, in a new array. */
int rewards_list(struct store *st, struct reward **v, size_t *n, struct werr *e);

struct redemption {
	int64_t id;
	int64_t customer_id;
	int64_t reward_id;
	int64_t at;
	int64_t points;
	int64_t copay;
	int64_t staff_id;
};
/* Inserts a redemption; fills r->id. */
int redemption_insert(struct store *st, struct redemption *r, struct werr *e);
/* What redemption id gave, for a customer's history: the reward's name
 * and the voucher code (new strings; *voucher NULL when there is none).
 * 1 found, 0 not, -1 error. */
int redemption_describe(struct store *st, int64_t id, char **reward_name, char **voucher,
			struct werr *e);
/* Whether a voucher code exists: 1, 0, -1. */
int voucher_exists(struct store *st, const char *code, struct werr *e);
int voucher_insert(struct store *st, const char *code, int64_t redemption_id, int64_t at,
		   struct werr *e);

#endif
