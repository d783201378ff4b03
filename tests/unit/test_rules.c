/* test_rules.c -- the loyalty rules of DESIGN.md section 5 as pure functions.
 *
 * Every expected number below was worked out by hand from DESIGN.md; the
 * arithmetic sits in a comment beside each assertion.  None was copied
 * from the program's output. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "engine/rules.h"
#include "store/store.h"

/* ------------------------------------------------------------------ */
/* Rule 1: earning                                                     */

static void test_earned_is_floor_of_paid_over_earn_unit(void **state)
{
	(void)state;
	/* base = floor(2599 / 100) = 25; earned = floor(25 x 100 / 100) = 25 */
	assert_int_equal(rule_earned(2599, 100, 100), 25);
	/* base = floor(100000 / 1000) = 100; x1 -> 100 */
	assert_int_equal(rule_earned(100000, 1000, 100), 100);
	/* earn_unit 1: every minor unit is a point: 7 */
	assert_int_equal(rule_earned(7, 1, 100), 7);
}

static void test_earned_floors_the_base_before_the_multiplier(void **state)
{
	(void)state;
	/* base = floor(2599 / 100) = 25; 25 x 150 / 100 = 37.5 -> 37.
	 * (Flooring only once, floor(2599 x 1.5 / 100) = floor(38.985), would
	 * give 38: the rule floors the base first.) */
	assert_int_equal(rule_earned(2599, 100, 150), 37);
	/* base 3; 3 x 125 / 100 = 3.75 -> 3 */
	assert_int_equal(rule_earned(399, 100, 125), 3);
	/* base 101; 101 x 150 / 100 = 151.5 -> 151 */
	assert_int_equal(rule_earned(10100, 100, 150), 151);
	/* base 20; 20 x 200 / 100 = 40 exactly */
	assert_int_equal(rule_earned(2000, 100, 200), 40);
	/* base 1; 1 x 199 / 100 = 1.99 -> 1 */
	assert_int_equal(rule_earned(100, 100, 199), 1);
	/* multiplier 0 (a tier that earns nothing): 25 x 0 / 100 = 0 */
	assert_int_equal(rule_earned(2599, 100, 0), 0);
}

static void test_earned_is_zero_for_a_zero_value_sale(void **state)
{
	(void)state;
	/* A visit with a free item: base = floor(0 / 100) = 0 */
	assert_int_equal(rule_earned(0, 100, 100), 0);
	assert_int_equal(rule_earned(0, 100, 200), 0);
	/* Fully paid with points: paid 0 -> 0 */
	assert_int_equal(rule_earned(0, 1, 10000), 0);
}

static void test_earned_at_the_earn_unit_edge(void **state)
{
	(void)state;
	/* floor(99 / 100) = 0: one minor unit short of a point */
	assert_int_equal(rule_earned(99, 100, 100), 0);
	/* floor(100 / 100) = 1: exactly one earn_unit */
	assert_int_equal(rule_earned(100, 100, 100), 1);
	/* floor(199 / 100) = 1 */
	assert_int_equal(rule_earned(199, 100, 100), 1);
	/* floor(200 / 100) = 2 */
	assert_int_equal(rule_earned(200, 100, 100), 2);
	/* Below the unit even a x10000 multiplier earns nothing: base 0 */
	assert_int_equal(rule_earned(99, 100, 10000), 0);
	/* At the unit with x10000: 1 x 10000 / 100 = 100 */
	assert_int_equal(rule_earned(100, 100, 10000), 100);
}

static void test_earned_does_not_overflow_on_large_sales(void **state)
{
	(void)state;
	/* base = 10^15; 10^15 x 10000 = 10^19 overflows int64 (max about
	 * 9.22 x 10^18) in the intermediate product; / 100 = 10^17 fits. */
	assert_true(rule_earned(INT64_C(1000000000000000), 1, 10000) ==
		    INT64_C(100000000000000000));
}

static void test_mul_div_floors_without_overflow(void **state)
{
	(void)state;
	/* 700 x 333 / 1000 = 233.1 -> 233 */
	assert_int_equal(rule_mul_div(700, 333, 1000), 233);
	/* 4 x 10^18 x 3 / 4 = 3 x 10^18 (the product 1.2 x 10^19 overflows
	 * int64, the quotient does not) */
	assert_true(rule_mul_div(INT64_C(4000000000000000000), 3, 4) ==
		    INT64_C(3000000000000000000));
	/* Zero operands give 0 */
	assert_int_equal(rule_mul_div(0, 5, 7), 0);
	assert_int_equal(rule_mul_div(5, 0, 7), 0);
}

/* ------------------------------------------------------------------ */
/* Rule 3: returns with cumulative proportional rounding               */

static void check_split(int64_t amount, int64_t paid, int64_t earned, int64_t n, int64_t prev,
			int64_t cum, int64_t refunded, int64_t reversed, int64_t restored)
{
	struct return_split s = {-1, -1, -1};
	rule_return_split(amount, paid, earned, n, prev, cum, &s);
	assert_int_equal(s.refunded, refunded);
	assert_int_equal(s.reversed, reversed);
	assert_int_equal(s.restored, restored);
}

static void test_return_in_three_parts_sums_to_the_sale(void **state)
{
	(void)state;
	/* The sale: amount 1000, N = 30 points at point_value 10 pay 300,
	 * paid = 700, earned 7 (earn_unit 100, x1: floor(700/100) = 7).
	 * Returned as 333 + 333 + 334 = 1000. */

	/* Part 1: prev 0, cum 333.
	 * refunded = floor(700 x 333 / 1000) - 0 = floor(233.1)  = 233
	 * reversed = floor(7 x 333 / 1000)   - 0 = floor(2.331)  = 2
	 * restored = floor(30 x 333 / 1000)  - 0 = floor(9.99)   = 9 */
	check_split(1000, 700, 7, 30, 0, 333, 233, 2, 9);

	/* Part 2: prev 333, cum 666.
	 * refunded = floor(700 x 666 / 1000) - 233 = floor(466.2) - 233 = 466 - 233 = 233
	 * reversed = floor(7 x 666 / 1000)   - 2   = floor(4.662) - 2   = 4 - 2     = 2
	 * restored = floor(30 x 666 / 1000)  - 9   = floor(19.98) - 9   = 19 - 9    = 10 */
	check_split(1000, 700, 7, 30, 333, 666, 233, 2, 10);

	/* Part 3: prev 666, cum 1000.
	 * refunded = 700 - 466 = 234
	 * reversed = 7 - 4     = 3
	 * restored = 30 - 19   = 11 */
	check_split(1000, 700, 7, 30, 666, 1000, 234, 3, 11);

	/* Totals: 233 + 233 + 234 = 700 = paid; 2 + 2 + 3 = 7 = earned;
	 * 9 + 10 + 11 = 30 = N.  Summed through the function too: */
	int64_t cash = 0, rev = 0, res = 0, prev = 0;
	const int64_t parts[] = {333, 333, 334};
	for (size_t i = 0; i < 3; i++) {
		struct return_split s;
		rule_return_split(1000, 700, 7, 30, prev, prev + parts[i], &s);
		cash += s.refunded;
		rev += s.reversed;
		res += s.restored;
		prev += parts[i];
	}
	assert_int_equal(cash, 700);
	assert_int_equal(rev, 7);
	assert_int_equal(res, 30);
}

static void test_full_return_gives_back_the_whole_sale(void **state)
{
	(void)state;
	/* prev 0, cum = amount: floor(x x amount / amount) = x for each */
	check_split(1000, 700, 7, 30, 0, 1000, 700, 7, 30);
	/* A sale paid wholly with points: amount 500 = 50 points x 10,
	 * paid 0, earned 0: a full return gives 50 points back and no cash. */
	check_split(500, 0, 0, 50, 0, 500, 0, 0, 50);
}

static void test_return_one_unit_at_a_time_sums_exactly(void **state)
{
	(void)state;
	/* amount 7, paid 5, earned 3, N 2, returned 1 at a time.
	 * floor(5k/7), k = 0..7: 0 0 1 2 2 3 4 5 -> parts 0 1 1 0 1 1 1
	 * floor(3k/7):           0 0 0 1 1 2 2 3 -> parts 0 0 1 0 1 0 1
	 * floor(2k/7):           0 0 0 0 1 1 1 2 -> parts 0 0 0 1 0 0 1 */
	const int64_t cash[7] = {0, 1, 1, 0, 1, 1, 1};
	const int64_t rev[7] = {0, 0, 1, 0, 1, 0, 1};
	const int64_t res[7] = {0, 0, 0, 1, 0, 0, 1};
	int64_t sc = 0, sv = 0, sr = 0;
	for (int k = 0; k < 7; k++) {
		check_split(7, 5, 3, 2, k, k + 1, cash[k], rev[k], res[k]);
		sc += cash[k];
		sv += rev[k];
		sr += res[k];
	}
	/* 5 = paid, 3 = earned, 2 = N */
	assert_int_equal(sc, 5);
	assert_int_equal(sv, 3);
	assert_int_equal(sr, 2);
}

static void test_return_of_equal_thirds_rounds_cumulatively(void **state)
{
	(void)state;
	/* amount 300, paid 100, earned 1, no points paid; thirds of 100.
	 * Rounding each third alone would refund floor(100/3) = 33 three
	 * times = 99 and never reverse the point.  Cumulatively:
	 * cash: floor(100 x 100/300) = 33; floor(100 x 200/300) = 66 -> 33;
	 *       100 - 66 = 34
	 * points: floor(100/300) = 0; floor(200/300) = 0 -> 0; 1 - 0 = 1 */
	check_split(300, 100, 1, 0, 0, 100, 33, 0, 0);
	check_split(300, 100, 1, 0, 100, 200, 33, 0, 0);
	check_split(300, 100, 1, 0, 200, 300, 34, 1, 0);
}

/* ------------------------------------------------------------------ */
/* Rule 2: tiers                                                       */

#define T     INT64_C(1750000000)
#define W365  (365 * DAY_SECONDS) /* 31,536,000 s */

static void test_window_spend_counts_sales_in_the_half_open_window(void **state)
{
	(void)state;
	/* t - W < at <= t */
	const struct window_sale v[] = {
		{T - W365, 1000, 0},        /* at = t - W: outside (not >) */
		{T - W365 + 1, 200, 50},    /* just inside: 200 - 50 = 150 */
		{T, 30, 0},                 /* at = t: inside */
		{T + 1, 4, 0},              /* after t: outside */
	};
	/* 150 + 30 = 180 */
	assert_int_equal(rule_window_spend(v, 4, T, W365), 180);
	/* Each edge alone: */
	assert_int_equal(rule_window_spend(&v[0], 1, T, W365), 0);
	assert_int_equal(rule_window_spend(&v[1], 1, T, W365), 150);
	assert_int_equal(rule_window_spend(&v[2], 1, T, W365), 30);
	assert_int_equal(rule_window_spend(&v[3], 1, T, W365), 0);
	/* One second earlier the first sale is inside: (t-1) - W < t - W */
	assert_int_equal(rule_window_spend(&v[0], 1, T - 1, W365), 1000);
	/* No sales: 0 */
	assert_int_equal(rule_window_spend(v, 0, T, W365), 0);
}

static void test_window_spend_subtracts_refunds(void **state)
{
	(void)state;
	/* A sale fully refunded counts 700 - 700 = 0; one half refunded
	 * 1000 - 500 = 500. */
	const struct window_sale v[] = {{T - 10, 700, 700}, {T - 5, 1000, 500}};
	assert_int_equal(rule_window_spend(v, 2, T, W365), 500);
}

static void test_tier_is_the_highest_min_spend_reached(void **state)
{
	(void)state;
	struct tier tiers[] = {
		{.name = (char *)"Member", .min_spend = 0, .multiplier = 100},
		{.name = (char *)"Silver", .min_spend = 100000, .multiplier = 150},
		{.name = (char *)"Gold", .min_spend = 500000, .multiplier = 200},
	};
	assert_int_equal(rule_tier_index(tiers, 3, 0), 0);      /* 0 >= 0 */
	assert_int_equal(rule_tier_index(tiers, 3, 99999), 0);  /* < 100000 */
	assert_int_equal(rule_tier_index(tiers, 3, 100000), 1); /* == min_spend qualifies */
	assert_int_equal(rule_tier_index(tiers, 3, 499999), 1); /* < 500000 */
	assert_int_equal(rule_tier_index(tiers, 3, 500000), 2); /* == min_spend */
	assert_int_equal(rule_tier_index(tiers, 3, INT64_C(1000000000)), 2);
	/* One tier only: always it */
	assert_int_equal(rule_tier_index(tiers, 1, 500000), 0);
	/* No tiers: index 0 by contract */
	assert_int_equal(rule_tier_index(tiers, 0, 500000), 0);
}

static void test_window_and_tier_together_at_the_edges(void **state)
{
	(void)state;
	struct tier tiers[] = {
		{.name = (char *)"Member", .min_spend = 0, .multiplier = 100},
		{.name = (char *)"Silver", .min_spend = 1000, .multiplier = 150},
	};
	/* One sale of exactly 1000 at instant S. */
	const int64_t S = T;
	const struct window_sale v[] = {{S, 1000, 0}};
	/* At S: spend 1000 == min_spend -> Silver */
	assert_int_equal(rule_tier_index(tiers, 2, rule_window_spend(v, 1, S, W365)), 1);
	/* At S + W - 1: S + W - 1 - W = S - 1 < S -> still inside -> Silver */
	assert_int_equal(rule_tier_index(tiers, 2, rule_window_spend(v, 1, S + W365 - 1, W365)), 1);
	/* At S + W: S + W - W = S, not < S -> the sale left -> Member */
	assert_int_equal(rule_tier_index(tiers, 2, rule_window_spend(v, 1, S + W365, W365)), 0);
	/* At S - 1: the sale is in the future -> Member */
	assert_int_equal(rule_tier_index(tiers, 2, rule_window_spend(v, 1, S - 1, W365)), 0);
	/* Refunded by 1: 999 < 1000 -> Member */
	const struct window_sale r[] = {{S, 1000, 1}};
	assert_int_equal(rule_tier_index(tiers, 2, rule_window_spend(r, 1, S, W365)), 0);
}

/* ------------------------------------------------------------------ */
/* Rule 5: FIFO expiry                                                 */

/* A short expiry (1000 s) keeps the arithmetic readable; the function
 * does not care about days. */
#define E 1000

struct expiries {
	struct expiry *v;
	size_t n, cap;
	int64_t next;
};

static void run_expiry(struct expiries *x, const struct ledger_point *v, size_t n, int64_t secs,
		       int64_t from, int64_t to)
{
	x->v = NULL;
	x->n = x->cap = 0;
	x->next = rule_expiry(v, n, secs, from, to, &x->v, &x->n, &x->cap);
}

static void check_expiry(const struct expiries *x, size_t i, int64_t at, int64_t points)
{
	assert_true(i < x->n);
	assert_true(x->v[i].at == at);
	assert_int_equal(x->v[i].points, points);
}

static void test_entry_kinds_that_expire_and_consume(void **state)
{
	(void)state;
	/* Rule 5: earn, bonus, restore and positive adjustments expire */
	assert_true(rule_entry_expires(LK_EARN, 10));
	assert_true(rule_entry_expires(LK_BONUS, 10));
	assert_true(rule_entry_expires(LK_RESTORE, 10));
	assert_true(rule_entry_expires(LK_ADJUST, 10));
	assert_false(rule_entry_expires(LK_ADJUST, -10));
	assert_false(rule_entry_expires(LK_REDEEM, -10));
	assert_false(rule_entry_expires(LK_EXPIRE, -10));
	/* redeem, pay, reverse and negative adjustments consume */
	assert_true(rule_entry_consumes(LK_REDEEM, -10));
	assert_true(rule_entry_consumes(LK_PAY, -10));
	assert_true(rule_entry_consumes(LK_REVERSE, -10));
	assert_true(rule_entry_consumes(LK_ADJUST, -10));
	assert_false(rule_entry_consumes(LK_ADJUST, 10));
	assert_false(rule_entry_consumes(LK_EARN, 10));
	/* X is counted apart from C: an expire entry is not consumption */
	assert_false(rule_entry_consumes(LK_EXPIRE, -10));
}

static void test_expiry_is_fifo_across_lots_with_redemptions_between(void **state)
{
	(void)state;
	const struct ledger_point v[] = {
		{100, 50, LK_EARN},   /* lot 1, expires 1100 */
		{200, -30, LK_REDEEM},
		{300, 40, LK_EARN},   /* lot 2, expires 1300 */
		{400, -35, LK_PAY},
		{500, 20, LK_BONUS},  /* lot 3, expires 1500 */
	};
	struct expiries x;
	run_expiry(&x, v, 5, E, TIME_NONE, 2000);
	/* e = 1100: P = 50, C = 30 + 35 = 65, X = 0 -> max(0, -15) = 0: none
	 * e = 1300: P = 90, C = 65, X = 0 -> 25
	 * e = 1500: P = 110, C = 65, X = 25 -> 20
	 * (FIFO: redeem 30 and pay 35 eat lot 1 (50) and 15 of lot 2.)
	 * Balance 50 - 30 + 40 - 35 + 20 = 45 = 25 + 20 expired. */
	assert_int_equal(x.n, 2);
	check_expiry(&x, 0, 1300, 25);
	check_expiry(&x, 1, 1500, 20);
	assert_true(x.next == TIME_NONE);
	free(x.v);
}

static void test_expiry_counts_consumption_after_an_earlier_expiry(void **state)
{
	(void)state;
	const struct ledger_point v[] = {
		{0, 100, LK_EARN},     /* expires 1000 */
		{500, 100, LK_EARN},   /* expires 1500 */
		{1200, -80, LK_REDEEM}, /* after lot 1 expired: eats lot 2 */
	};
	struct expiries x;
	run_expiry(&x, v, 3, E, TIME_NONE, 2000);
	/* e = 1000: P = 100, C (before 1000) = 0, X = 0 -> 100
	 * e = 1500: P = 200, C = 80, X = 100 -> 20 */
	assert_int_equal(x.n, 2);
	check_expiry(&x, 0, 1000, 100);
	check_expiry(&x, 1, 1500, 20);
	free(x.v);
}

static void test_expiry_counts_only_consumption_strictly_before_e(void **state)
{
	(void)state;
	/* Redeemed one second before e: C = 60 -> 100 - 60 = 40 expire */
	const struct ledger_point before[] = {{0, 100, LK_EARN}, {999, -60, LK_REDEEM}};
	struct expiries x;
	run_expiry(&x, before, 2, E, TIME_NONE, 1000);
	assert_int_equal(x.n, 1);
	check_expiry(&x, 0, 1000, 40);
	free(x.v);
	/* Dated exactly at e: not "before e", C = 0 -> all 100 expire (the
	 * engine applies expiry first, so such a redemption is refused). */
	const struct ledger_point at_e[] = {{0, 100, LK_EARN}, {1000, -60, LK_REDEEM}};
	run_expiry(&x, at_e, 2, E, TIME_NONE, 1000);
	assert_int_equal(x.n, 1);
	check_expiry(&x, 0, 1000, 100);
	free(x.v);
}

static void test_expiry_to_is_inclusive_from_is_exclusive(void **state)
{
	(void)state;
	const struct ledger_point v[] = {{0, 100, LK_EARN}}; /* e = 1000 */
	struct expiries x;
	/* to = 999 < e: nothing yet; the next instant is 1000 */
	run_expiry(&x, v, 1, E, TIME_NONE, 999);
	assert_int_equal(x.n, 0);
	assert_true(x.next == 1000);
	free(x.v);
	/* to = e: e <= to -> 100 at 1000 */
	run_expiry(&x, v, 1, E, TIME_NONE, 1000);
	assert_int_equal(x.n, 1);
	check_expiry(&x, 0, 1000, 100);
	assert_true(x.next == TIME_NONE);
	free(x.v);
	/* from = e: already processed (from < e is false) -> nothing */
	run_expiry(&x, v, 1, E, 1000, 5000);
	assert_int_equal(x.n, 0);
	assert_true(x.next == TIME_NONE);
	free(x.v);
	/* from = e - 1: still to do -> 100 at 1000 */
	run_expiry(&x, v, 1, E, 999, 1000);
	assert_int_equal(x.n, 1);
	check_expiry(&x, 0, 1000, 100);
	free(x.v);
}

static void test_expiry_of_lots_sharing_an_instant_is_one_entry(void **state)
{
	(void)state;
	const struct ledger_point v[] = {
		{100, 30, LK_EARN},   /* three lots at 100: all expire at 1100 */
		{100, 20, LK_EARN},
		{100, 5, LK_BONUS},
		{500, -10, LK_REDEEM},
		{600, 7, LK_EARN},    /* expires 1600 */
	};
	struct expiries x;
	run_expiry(&x, v, 5, E, TIME_NONE, 1600);
	/* e = 1100: P = 30 + 20 + 5 = 55, C = 10 -> 45, in one entry
	 * e = 1600: P = 62, C = 10, X = 45 -> 7 */
	assert_int_equal(x.n, 2);
	check_expiry(&x, 0, 1100, 45);
	check_expiry(&x, 1, 1600, 7);
	free(x.v);
}

static void test_positive_adjustment_expires_and_negative_consumes(void **state)
{
	(void)state;
	const struct ledger_point v[] = {
		{0, 10, LK_ADJUST},   /* a gift by hand: expires 1000 */
		{50, 50, LK_EARN},    /* expires 1050 */
		{60, -20, LK_ADJUST}, /* a correction: consumes the oldest */
	};
	struct expiries x;
	run_expiry(&x, v, 3, E, TIME_NONE, 2000);
	/* e = 1000: P = 10, C = 20 -> 0 (the correction ate the gift)
	 * e = 1050: P = 60, C = 20, X = 0 -> 40
	 * Balance 10 + 50 - 20 = 40 -> 0 */
	assert_int_equal(x.n, 1);
	check_expiry(&x, 0, 1050, 40);
	free(x.v);
	/* The gift alone expires whole: e = 1000, P = 10 -> 10 */
	run_expiry(&x, v, 1, E, TIME_NONE, 1000);
	assert_int_equal(x.n, 1);
	check_expiry(&x, 0, 1000, 10);
	free(x.v);
}

static void test_restored_points_expire_from_the_return(void **state)
{
	(void)state;
	const struct ledger_point v[] = {
		{0, 40, LK_EARN},      /* expires 1000 */
		{100, -40, LK_PAY},    /* pays a purchase */
		{200, 40, LK_RESTORE}, /* the purchase comes back: expires 1200 */
	};
	struct expiries x;
	run_expiry(&x, v, 3, E, TIME_NONE, 1100);
	/* e = 1000: P = 40, C = 40 -> 0; the restore is not due at 1100 */
	assert_int_equal(x.n, 0);
	assert_true(x.next == 1200);
	free(x.v);
	run_expiry(&x, v, 3, E, TIME_NONE, 1200);
	/* e = 1200: P = 80, C = 40, X = 0 -> 40, dated 200 + 1000 */
	assert_int_equal(x.n, 1);
	check_expiry(&x, 0, 1200, 40);
	free(x.v);
}

static void test_expiry_after_a_reversal_took_the_balance_below_zero(void **state)
{
	(void)state;
	const struct ledger_point v[] = {
		{0, 100, LK_EARN},      /* expires 1000 */
		{100, -100, LK_REDEEM},
		{200, -50, LK_REVERSE}, /* the sale returned: balance -50 */
		{300, 80, LK_EARN},     /* expires 1300; balance 30 */
	};
	struct expiries x;
	run_expiry(&x, v, 4, E, TIME_NONE, 2000);
	/* e = 1000: P = 100, C = 150 -> max(0, -50) = 0
	 * e = 1300: P = 180, C = 150, X = 0 -> 30
	 * (80 earned covered the debt of 50; the 30 left expire.) */
	assert_int_equal(x.n, 1);
	check_expiry(&x, 0, 1300, 30);
	free(x.v);
	/* Without the later sale the balance stays at -50: nothing expires */
	run_expiry(&x, v, 3, E, TIME_NONE, 2000);
	assert_int_equal(x.n, 0);
	assert_true(x.next == TIME_NONE);
	free(x.v);
}

static void test_expiry_zero_means_never(void **state)
{
	(void)state;
	const struct ledger_point v[] = {{0, 100, LK_EARN}};
	struct expiries x;
	run_expiry(&x, v, 1, 0, TIME_NONE, INT64_C(4000000000));
	assert_int_equal(x.n, 0);
	assert_true(x.next == TIME_NONE);
	free(x.v);
}

static void test_expiry_in_steps_equals_expiry_at_once(void **state)
{
	(void)state;
	struct ledger_point v[4] = {
		{0, 100, LK_EARN},   /* expires 1000 */
		{500, 100, LK_EARN}, /* expires 1500 */
		{700, 100, LK_EARN}, /* expires 1700 */
	};
	struct expiries x;
	/* At once up to 2000: 1000 -> 100, 1500 -> 200-100 = 100,
	 * 1700 -> 300-200 = 100 */
	run_expiry(&x, v, 3, E, TIME_NONE, 2000);
	assert_int_equal(x.n, 3);
	check_expiry(&x, 0, 1000, 100);
	check_expiry(&x, 1, 1500, 100);
	check_expiry(&x, 2, 1700, 100);
	free(x.v);
	/* Step 1, up to 1200: 100 at 1000; next instant 1500 */
	run_expiry(&x, v, 3, E, TIME_NONE, 1200);
	assert_int_equal(x.n, 1);
	check_expiry(&x, 0, 1000, 100);
	assert_true(x.next == 1500);
	free(x.v);
	/* Step 2, the entry of step 1 in the ledger, from 1200 to 2000:
	 * e = 1500: P = 200, C = 0, X = 100 (dated 1000 < 1500) -> 100
	 * e = 1700: P = 300, X = 200 -> 100 */
	v[3] = (struct ledger_point){1000, -100, LK_EXPIRE};
	run_expiry(&x, v, 4, E, 1200, 2000);
	assert_int_equal(x.n, 2);
	check_expiry(&x, 0, 1500, 100);
	check_expiry(&x, 1, 1700, 100);
	assert_true(x.next == TIME_NONE);
	free(x.v);
}

static void test_expiry_returns_the_next_instant_after_to(void **state)
{
	(void)state;
	const struct ledger_point v[] = {
		{0, 10, LK_EARN},    /* 1000 */
		{300, 10, LK_EARN},  /* 1300 */
		{900, 10, LK_EARN},  /* 1900 */
	};
	struct expiries x;
	run_expiry(&x, v, 3, E, TIME_NONE, 1299);
	/* 1000 done (10); 1300 > 1299 is next */
	assert_int_equal(x.n, 1);
	check_expiry(&x, 0, 1000, 10);
	assert_true(x.next == 1300);
	free(x.v);
	/* Nothing due yet before 1000: next 1000 */
	run_expiry(&x, v, 3, E, TIME_NONE, 500);
	assert_int_equal(x.n, 0);
	assert_true(x.next == 1000);
	free(x.v);
	/* A next instant whose lot was already eaten is still an instant to
	 * visit (expire 0 there): consumption 10 at 950 eats lot 1 (FIFO),
	 * so 1000 expires 0, 1300 expires 10. */
	const struct ledger_point w[] = {{0, 10, LK_EARN}, {300, 10, LK_EARN},
					 {950, -10, LK_REDEEM}};
	run_expiry(&x, w, 3, E, TIME_NONE, 1000);
	assert_int_equal(x.n, 0);
	assert_true(x.next == 1300);
	free(x.v);
}

static void test_expiry_appends_to_what_out_holds(void **state)
{
	(void)state;
	struct ledger_point v[3] = {{0, 10, LK_EARN}, {100, 5, LK_EARN}};
	struct expiry *out = NULL;
	size_t n = 0, cap = 0;
	/* Up to 1000: e = 1000, P = 10 -> 10 */
	rule_expiry(v, 2, E, TIME_NONE, 1000, &out, &n, &cap);
	/* The entry written, then from 1000 to 1100: e = 1100, P = 15,
	 * X = 10 -> 5, appended after the first */
	v[2] = (struct ledger_point){1000, -10, LK_EXPIRE};
	rule_expiry(v, 3, E, 1000, 1100, &out, &n, &cap);
	assert_int_equal(n, 2);
	assert_true(out[0].at == 1000);
	assert_int_equal(out[0].points, 10);
	assert_true(out[1].at == 1100);
	assert_int_equal(out[1].points, 5);
	free(out);
}

/* ------------------------------------------------------------------ */
/* Cards and vouchers                                                  */

static void test_luhn_digit_of_known_numbers(void **state)
{
	(void)state;
	/* The textbook example: 7992739871 -> check digit 3 */
	assert_int_equal(rule_luhn_digit("7992739871"), 3);
	/* The Visa test number 4111 1111 1111 1111: body 411111111111111 -> 1 */
	assert_int_equal(rule_luhn_digit("411111111111111"), 1);
	/* Empty body: sum 0 -> (10 - 0) % 10 = 0 */
	assert_int_equal(rule_luhn_digit(""), 0);
	/* "5": doubled 10 -> 1; 10 - 1 = 9 */
	assert_int_equal(rule_luhn_digit("5"), 9);
}

static void test_luhn_valid_accepts_right_and_refuses_wrong(void **state)
{
	(void)state;
	assert_true(rule_luhn_valid("79927398713"));
	assert_false(rule_luhn_valid("79927398710"));
	assert_false(rule_luhn_valid("79927398714"));
	assert_true(rule_luhn_valid("4111111111111111"));
	/* Neighbours swapped (98 -> 89) are caught */
	assert_false(rule_luhn_valid("79927389713"));
	/* Not digits, too short */
	assert_false(rule_luhn_valid("7992739871a"));
	assert_false(rule_luhn_valid("7"));
	assert_false(rule_luhn_valid(""));
}

static void test_card_number_is_60_id_and_check_digit(void **state)
{
	(void)state;
	char buf[24];
	/* Body 60 000000001: from the right, 1 doubled = 2, 6 (11th, doubled)
	 * = 12 -> 3; sum 5; check (10 - 5) % 10 = 5 */
	rule_card_number(1, buf);
	assert_string_equal(buf, "600000000015");
	/* Body 60123456789: from the right 9->18->9, 8, 7->14->5, 6, 5->10->1,
	 * 4, 3->6, 2, 1->2, 0, 6->12->3: 9+8+5+6+1+4+6+2+2+0+3 = 46;
	 * check (10 - 6) % 10 = 4 */
	rule_card_number(123456789, buf);
	assert_string_equal(buf, "601234567894");
	assert_int_equal(strlen(buf), 12);
	assert_true(rule_luhn_valid(buf));
	/* Every single mistyped digit is caught */
	for (size_t i = 0; i < 12; i++) {
		char bad[24];
		memcpy(bad, buf, sizeof bad);
		bad[i] = (char)('0' + (bad[i] - '0' + 1) % 10);
		assert_false(rule_luhn_valid(bad));
	}
}

static uint64_t fixed_bits(void *ctx)
{
	return *(const uint64_t *)ctx;
}

static uint64_t lcg_bits(void *ctx)
{
	uint64_t *s = ctx;
	*s = *s * UINT64_C(6364136223846793005) + UINT64_C(1442695040888963407);
	return *s;
}

static void test_voucher_code_groups_eight_symbols(void **state)
{
	(void)state;
	char buf[16];
	/* The alphabet 23456789ABCDEFGHJKLMNPQRSTUVWXYZ: index 0 = '2',
	 * 31 = 'Z'; symbol i takes bits 5i..5i+4. */
	uint64_t r = 0;
	rule_voucher_code(fixed_bits, &r, buf);
	assert_string_equal(buf, "22-222-222");
	r = UINT64_MAX;
	rule_voucher_code(fixed_bits, &r, buf);
	assert_string_equal(buf, "ZZ-ZZZ-ZZZ");
	/* Indices 0..7 -> 2 3 4 5 6 7 8 9 */
	r = 0;
	for (uint64_t i = 0; i < 8; i++)
		r |= i << (5 * i);
	rule_voucher_code(fixed_bits, &r, buf);
	assert_string_equal(buf, "23-456-789");
	/* Indices 16..23 -> J K L M N P Q R (no I, no O) */
	r = 0;
	for (uint64_t i = 0; i < 8; i++)
		r |= (16 + i) << (5 * i);
	rule_voucher_code(fixed_bits, &r, buf);
	assert_string_equal(buf, "JK-LMN-PQR");
}

static void test_voucher_code_never_holds_confusable_symbols(void **state)
{
	(void)state;
	uint64_t seed = 42;
	for (int k = 0; k < 2000; k++) {
		char buf[16];
		rule_voucher_code(lcg_bits, &seed, buf);
		assert_int_equal(strlen(buf), 10);
		assert_int_equal(buf[2], '-');
		assert_int_equal(buf[6], '-');
		for (int i = 0; i < 10; i++) {
			if (i == 2 || i == 6)
				continue;
			char c = buf[i];
			assert_true((c >= '2' && c <= '9') || (c >= 'A' && c <= 'Z'));
			assert_true(c != 'O' && c != 'I');
		}
	}
}

/* ------------------------------------------------------------------ */
/* NPS                                                                 */

static void test_nps_category_of_each_score(void **state)
{
	(void)state;
	assert_int_equal(rule_nps_category(10), NPS_PROMOTER);
	assert_int_equal(rule_nps_category(9), NPS_PROMOTER);
	assert_int_equal(rule_nps_category(8), NPS_PASSIVE);
	assert_int_equal(rule_nps_category(7), NPS_PASSIVE);
	assert_int_equal(rule_nps_category(6), NPS_DETRACTOR);
	assert_int_equal(rule_nps_category(0), NPS_DETRACTOR);
}

static void test_nps_rounds_half_away_from_zero(void **state)
{
	(void)state;
	/* 100 x (1 - 2) / 3 = -33.33 -> -33 */
	assert_int_equal(rule_nps(1, 2, 3), -33);
	/* 100 x 1 / 8 = 12.5 -> 13 (half away from zero) */
	assert_int_equal(rule_nps(1, 0, 8), 13);
	/* 100 x (0 - 1) / 8 = -12.5 -> -13 */
	assert_int_equal(rule_nps(0, 1, 8), -13);
	/* 100 x 2 / 3 = 66.67 -> 67; -66.67 -> -67 */
	assert_int_equal(rule_nps(2, 0, 3), 67);
	assert_int_equal(rule_nps(0, 2, 3), -67);
	/* 100 x 1 / 3 = 33.33 -> 33 */
	assert_int_equal(rule_nps(1, 0, 3), 33);
	/* 100 x 3 / 16 = 18.75 -> 19; 100 / 16 = 6.25 -> 6 */
	assert_int_equal(rule_nps(3, 0, 16), 19);
	assert_int_equal(rule_nps(0, 3, 16), -19);
	assert_int_equal(rule_nps(1, 0, 16), 6);
	/* 100 / 200 = 0.5 -> 1; -0.5 -> -1; 100 / 201 = 0.4975 -> 0 */
	assert_int_equal(rule_nps(1, 0, 200), 1);
	assert_int_equal(rule_nps(0, 1, 200), -1);
	assert_int_equal(rule_nps(1, 0, 201), 0);
	assert_int_equal(rule_nps(0, 1, 201), 0);
	/* All promoters 100, all detractors -100, balanced 0 */
	assert_int_equal(rule_nps(5, 0, 5), 100);
	assert_int_equal(rule_nps(0, 5, 5), -100);
	assert_int_equal(rule_nps(2, 2, 7), 0);
	/* 50 promoters, 28 passives, 22 detractors of 100: 28 */
	assert_int_equal(rule_nps(50, 22, 100), 28);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_earned_is_floor_of_paid_over_earn_unit),
	    cmocka_unit_test(test_earned_floors_the_base_before_the_multiplier),
	    cmocka_unit_test(test_earned_is_zero_for_a_zero_value_sale),
	    cmocka_unit_test(test_earned_at_the_earn_unit_edge),
	    cmocka_unit_test(test_earned_does_not_overflow_on_large_sales),
	    cmocka_unit_test(test_mul_div_floors_without_overflow),
	    cmocka_unit_test(test_return_in_three_parts_sums_to_the_sale),
	    cmocka_unit_test(test_full_return_gives_back_the_whole_sale),
	    cmocka_unit_test(test_return_one_unit_at_a_time_sums_exactly),
	    cmocka_unit_test(test_return_of_equal_thirds_rounds_cumulatively),
	    cmocka_unit_test(test_window_spend_counts_sales_in_the_half_open_window),
	    cmocka_unit_test(test_window_spend_subtracts_refunds),
	    cmocka_unit_test(test_tier_is_the_highest_min_spend_reached),
	    cmocka_unit_test(test_window_and_tier_together_at_the_edges),
	    cmocka_unit_test(test_entry_kinds_that_expire_and_consume),
	    cmocka_unit_test(test_expiry_is_fifo_across_lots_with_redemptions_between),
	    cmocka_unit_test(test_expiry_counts_consumption_after_an_earlier_expiry),
	    cmocka_unit_test(test_expiry_counts_only_consumption_strictly_before_e),
	    cmocka_unit_test(test_expiry_to_is_inclusive_from_is_exclusive),
	    cmocka_unit_test(test_expiry_of_lots_sharing_an_instant_is_one_entry),
	    cmocka_unit_test(test_positive_adjustment_expires_and_negative_consumes),
	    cmocka_unit_test(test_restored_points_expire_from_the_return),
	    cmocka_unit_test(test_expiry_after_a_reversal_took_the_balance_below_zero),
	    cmocka_unit_test(test_expiry_zero_means_never),
	    cmocka_unit_test(test_expiry_in_steps_equals_expiry_at_once),
	    cmocka_unit_test(test_expiry_returns_the_next_instant_after_to),
	    cmocka_unit_test(test_expiry_appends_to_what_out_holds),
	    cmocka_unit_test(test_luhn_digit_of_known_numbers),
	    cmocka_unit_test(test_luhn_valid_accepts_right_and_refuses_wrong),
	    cmocka_unit_test(test_card_number_is_60_id_and_check_digit),
	    cmocka_unit_test(test_voucher_code_groups_eight_symbols),
	    cmocka_unit_test(test_voucher_code_never_holds_confusable_symbols),
	    cmocka_unit_test(test_nps_category_of_each_score),
	    cmocka_unit_test(test_nps_rounds_half_away_from_zero),
	};
	return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
