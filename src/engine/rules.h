/* rules.h -- the loyalty rules of DESIGN.md section 5 as pure functions.
 *
 * No database, no clock, no output: each function computes from a
 * customer's state and an event.  The store loads and saves the state;
 * the same functions serve the counter, imports and the demo generator. */
#ifndef WAFA_ENGINE_RULES_H
#define WAFA_ENGINE_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/ledger.h"
#include "store/sales.h"
#include "store/settings.h"

/* A day is 86,400 seconds in every duration of the rules. */
#define DAY_SECONDS INT64_C(86400)

/* Rule 1: base = floor(paid / earn_unit); earned = floor(base x
 * multiplier / 100).  0 when earn_unit <= 0 or paid <= 0. */
int64_t rule_earned(int64_t paid, int64_t earn_unit, int multiplier);

/* floor(value x num / den) without overflow (den > 0, all >= 0). */
int64_t rule_mul_div(int64_t value, int64_t num, int64_t den);

/* Rule 3: what one return gives back, with cumulative proportional
 * rounding.  amount, paid, earned and points_paid are the sale's; prev is
 * the goods value returned before, cum = prev + this return
 * (0 < cum <= amount). */
struct return_split {
	int64_t refunded; /* cash */
	int64_t reversed; /* earned points taken back */
	int64_t restored; /* points that paid, given back */
};
void rule_return_split(int64_t amount, int64_t paid, int64_t earned, int64_t points_paid,
		       int64_t prev, int64_t cum, struct return_split *out);

/* Rule 2: the window spend at instant t: over the sales with
 * t - window < at <= t, the sum of paid - refunded (each sale's refunds
 * dated <= t, as loaded). */
int64_t rule_window_spend(const struct window_sale *v, size_t n, int64_t t, int64_t window);
/* Rule 2: the tier for a window spend: the highest min_spend <= spend.
 * tiers are sorted by min_spend ascending and the first has min_spend 0;
 * returns its index (0 when n is 0). */
size_t rule_tier_index(const struct tier *tiers, size_t n, int64_t spend);

/* Rule 5: positive entries (earn, bonus, restore, positive adjust) expire;
 * negative ones other than expire (redeem, pay, reverse, negative adjust)
 * consume the oldest points first. */
bool rule_entry_expires(enum ledger_kind kind, int64_t points);
bool rule_entry_consumes(enum ledger_kind kind, int64_t points);

struct expiry {
	int64_t at;     /* the expiry instant e */
	int64_t points; /* points expired there, > 0 */
};

/* Rule 5: applies FIFO expiry to a customer's ledger v (every entry, in
 * (at, id) order) for the expiry instants e with from < e <= to, where
 * from is TIME_NONE when expiry was never applied.  For each e in order:
 * expire = max(0, P(e) - C - X), P(e) the positive entries expiring at or
 * before e, C the consumption dated before e, X the expiry dated before e
 * (those in v and those found here).  Appends each non-zero expiry to
 * *out (a growing array of *nout entries; *cap its capacity) and returns
 * the first expiry instant after `to` (TIME_NONE if none).  expiry_secs
 * <= 0 means points never expire. */
int64_t rule_expiry(const struct ledger_point *v, size_t n, int64_t expiry_secs, int64_t from,
		    int64_t to, struct expiry **out, size_t *nout, size_t *cap);

/* The check digit that makes `digits` followed by it pass the Luhn test. */
int rule_luhn_digit(const char *digits);
/* Whether a card number (ASCII digits) passes the Luhn test. */
bool rule_luhn_valid(const char *card);
/* The card number of customer id: "60", the id in 9 digits, and a Luhn
 * check digit: 12 digits.  buf holds at least 24 bytes. */
void rule_card_number(int64_t id, char buf[24]);

/* A voucher code to read aloud: "W7-K3P-94Q" -- 8 symbols from an
 * alphabet without 0/O, 1/I, grouped 2-3-3.  rand64 returns random bits.
 * buf holds at least 16 bytes. */
void rule_voucher_code(uint64_t (*rand64)(void *ctx), void *ctx, char buf[16]);

/* NPS category of a score: 9-10 promoter, 7-8 passive, 0-6 detractor. */
enum nps_category { NPS_DETRACTOR, NPS_PASSIVE, NPS_PROMOTER };
enum nps_category rule_nps_category(int score);
/* 100 x (promoters - detractors) / responses, rounded half away from
 * zero; responses > 0. */
int rule_nps(int64_t promoters, int64_t detractors, int64_t responses);

#endif
