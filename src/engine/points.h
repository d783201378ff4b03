/* points.h -- a customer's points over time: expiry (rule 5), the order
 * of events (rule 6), tier evaluation (rule 2), and the commands
 * `points`, `points adjust` and `expire`. */
#ifndef WAFA_ENGINE_POINTS_H
#define WAFA_ENGINE_POINTS_H

#include <stddef.h>
#include <stdint.h>

#include "engine/rules.h"
#include "engine/shop.h"
#include "store/customers.h"

/* The customer's watermark (rule 6): the latest instant of their events
 * and of the expiry applied to them, shop-wide runs included; TIME_NONE
 * when there is none. */
int64_t customer_watermark(const struct shop *shop, const struct customer *c);
/* Refuses (W_REFUSED) an event at t before the watermark; `what` names
 * the event for the message ("purchase", ...). */
int order_check(const struct op *op, const struct customer *c, int64_t t, struct werr *e);

/* Applies expiry to c up to instant t (t >= the watermark): writes the
 * expiry entries, and updates c->balance, c->next_expiry and
 * c->watermark in memory (the caller saves the summary).  Adds the points
 * expired to *expired when it is not NULL. */
int expiry_apply(struct op *op, struct customer *c, int64_t t, int64_t *expired,
		 struct werr *e);

/* Evaluates c's tier at instant t (rule 2) and, when it differs from the
 * last recorded one, records the change with `cause` and updates c->tier
 * in memory.  *tier (may be NULL) receives the tier; *spend (may be NULL)
 * the window spend. */
int tier_evaluate(struct op *op, struct customer *c, int64_t t, const char *cause,
		  const struct tier **tier, int64_t *spend, struct werr *e);
/* The tier and window spend at t without recording anything. */
int tier_at(struct store *st, const struct shop *shop, int64_t customer_id, int64_t t,
	    const struct tier **tier, int64_t *spend, struct werr *e);

/* Read-only: the balance at instant t (>= the watermark) as if expiry had
 * been applied up to t, and the expiries after t if nothing else happens
 * (a new array in *next, may be NULL; at most max_next entries). */
int points_preview(struct store *st, const struct shop *shop, const struct customer *c, int64_t t,
		   int64_t *balance, struct expiry **next, size_t *nnext, size_t max_next,
		   struct werr *e);

struct points_result {
	int64_t customer_id;
	int64_t at;
	int64_t balance;
	int64_t earned_total;   /* earn + bonus */
	int64_t redeemed_total; /* -(redeem + pay) */
	int64_t expired_total;  /* -expire */
	struct expiry *expiring; /* the next expiries (at most 12) */
	size_t nexpiring;
};
void points_result_free(struct points_result *r);
/* `points REF [--at T]`: applies expiry up to T (moving the watermark)
 * and reports the balance. */
int engine_points(struct store *st, int64_t customer_id, int64_t at, struct points_result *out,
		  struct werr *e);

struct adjust_result {
	int64_t entry_id;
	int64_t balance;
};
/* `points adjust`: a manual entry of delta points (not 0) with a reason;
 * a negative delta may not take the balance below zero. */
int engine_adjust(struct store *st, int64_t customer_id, int64_t delta, const char *reason,
		  int64_t at, int64_t staff_id, struct adjust_result *out, struct werr *e);

/* `expire [--as-of T]`: applies expiry to every customer up to T (now
 * when TIME_NONE).  *customers: customers who lost points; *points: the
 * points that expired.  progress (may be NULL) is called now and then. */
int engine_expire(struct store *st, int64_t as_of, int64_t *customers, int64_t *points,
		  void (*progress)(void *ctx, size_t done, size_t total), void *ctx,
		  struct werr *e);
/* The same inside an operation already begun (reports use it). */
int expire_all(struct op *op, int64_t t, int64_t *customers, int64_t *points,
	       void (*progress)(void *ctx, size_t done, size_t total), void *ctx,
	       struct werr *e);

#endif
