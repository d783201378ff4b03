/* settings.h -- the shop's settings (key/value) and its tiers. */
#ifndef WAFA_STORE_SETTINGS_H
#define WAFA_STORE_SETTINGS_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* Reads one setting into a new string *value (the caller frees it).
 * Returns 1 found, 0 absent, -1 error. */
int settings_get(struct store *st, const char *key, char **value, struct werr *e);
/* Creates or replaces one setting. */
int settings_set(struct store *st, const char *key, const char *value, struct werr *e);
/* Calls fn for every setting, in key order. */
int settings_each(struct store *st, void (*fn)(void *ctx, const char *key, const char *value),
		  void *ctx, struct werr *e);

struct tier {
	int64_t id;
	char *name;
	int64_t min_spend; /* money, minor units */
	int multiplier;    /* percent, 100 = x1 */
	int discount;      /* percent, shown to the cashier */
};

/* All tiers, lowest min_spend first, in a new array *out of *n tiers
 * (free with tiers_free). */
int tiers_load(struct store *st, struct tier **out, size_t *n, struct werr *e);
void tiers_free(struct tier *t, size_t n);
/* Inserts a tier (t->id is ignored) or updates the one with t->id. */
int tier_insert(struct store *st, const struct tier *t, struct werr *e);
int tier_update(struct store *st, const struct tier *t, struct werr *e);
int tier_delete(struct store *st, int64_t id, struct werr *e);

#endif
