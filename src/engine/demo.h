/* demo.h -- `wafa demo`: a believable shop, generated through the rules.
 *
 * A shop in Tehran (fa), Riyadh (ar) or Dubai (en) with customers named
 * in its language, phone numbers of its country, the seasons of its
 * culture (Nowruz, Ramadan and the Eids, the year's end), a long tail of
 * one-time buyers and a core of regulars, returns, redemptions, paying
 * with points, NPS answers with follow-ups, and referrals.
 *
 * Every event goes through the pure rules of rules.h over in-memory
 * customer state, in time order, exactly as the counter would have
 * recorded it; the rows go to the store in one large transaction through
 * store/bulk.h (DESIGN.md section 12).  The same seed, size and instant
 * give the same database. */
#ifndef WAFA_ENGINE_DEMO_H
#define WAFA_ENGINE_DEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define DEMO_MAX_CUSTOMERS INT64_C(5000000)
#define DEMO_MAX_MONTHS 120

struct demo_params {
	int64_t customers; /* 1 .. DEMO_MAX_CUSTOMERS */
	int months;        /* 1 .. DEMO_MAX_MONTHS: the history ends at `now` */
	uint64_t seed;
	const char *lang;  /* "fa", "ar" or "en": names, texts, and a new shop's settings */
	int64_t now;       /* the end of the history (clock_now(), which honours $WAFA_NOW) */
};
#define DEMO_PARAMS_INIT {.customers = 2000, .months = 24, .seed = 1, .lang = "en", .now = 0}

struct demo_result {
	int64_t customers;
	int64_t purchases;
	int64_t returns;
	int64_t redemptions;  /* catalog rewards */
	int64_t surveys;      /* NPS answers */
	int64_t follow_ups;   /* opened by detractors */
	int64_t contacts;     /* calls without an answer */
	int64_t points_earned;
	int64_t points_expired;
	int64_t start;        /* first instant of the history */
	bool created_shop;    /* the shop was created for the demo */
	char shop[256];       /* its name */
};

/* Fills a database with a demo shop.  When the database has no shop, it
 * is created with the settings of the language (currency, calendar, time
 * zone, name, tiers and a rewards catalog); a shop without customers is
 * used as it is (an empty catalog gets the demo's rewards).  Refuses
 * (W_REFUSED) a shop that already has customers, and changes nothing
 * then.  All or nothing: one transaction, which the caller must not have
 * opened.  progress (may be NULL) is called now and then with done out
 * of total.  Returns 0 or -1 with e filled. */
int engine_demo(struct store *st, const struct demo_params *p, struct demo_result *out,
		void (*progress)(void *ctx, size_t done, size_t total), void *ctx,
		struct werr *e);

#endif
