/* reward.h -- the rewards catalog and redemption (rule 4). */
#ifndef WAFA_ENGINE_REWARD_H
#define WAFA_ENGINE_REWARD_H

#include <stdbool.h>
#include <stdint.h>

#include "store/rewards.h"
#include "store/store.h"

struct reward_input {
	const char *code;  /* letters, digits, "-" and "_"; kept in capitals */
	const char *name;
	int64_t points;    /* >= 1 */
	int64_t copay;     /* minor units, >= 0 */
	int64_t stock;     /* STOCK_UNLIMITED or >= 0 */
	int64_t active_from; /* TIME_NONE or an instant (inclusive) */
	int64_t active_to;   /* TIME_NONE or an instant (exclusive) */
};

/* `reward add`: refuses a code that exists and a cost below 1 point. */
int engine_reward_add(struct store *st, const struct reward_input *in, struct reward *out,
		      struct werr *e);
/* Changes name, cost, co-payment, stock and dates of an existing reward
 * (code names it; NULL name keeps the name). */
int engine_reward_edit(struct store *st, const struct reward_input *in, struct werr *e);

/* Whether reward r can be redeemed at t: active and in stock. */
bool reward_available(const struct reward *r, int64_t t);

struct redeem_result {
	int64_t redemption_id;
	int64_t customer_id;
	int64_t at;
	char voucher[16];
	int64_t points;
	int64_t copay;
	int64_t points_balance;
	char reward_name[256];
};

/* Redeems reward `code` for a customer (rule 4): balance >= cost after
 * expiry, stock left, reward active; one negative ledger entry and a
 * unique voucher code. */
int engine_redeem(struct store *st, int64_t customer_id, const char *code, int64_t at,
		  int64_t staff_id, struct redeem_result *out, struct werr *e);

/* The random bits behind voucher codes (getrandom); replaceable for the
 * demo generator, which must be deterministic. */
uint64_t voucher_random(void *ctx);

#endif
