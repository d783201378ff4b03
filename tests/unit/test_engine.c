/* test_engine.c -- the loyalty engine against a real shop database.
 *
 * Each test opens a new SQLite file in a temporary folder, creates a shop
 * and runs the engine's operations with explicit instants.  The clock is
 * fixed through WAFA_NOW.  Every expected number was worked out by hand
 * from DESIGN.md sections 4-8; the arithmetic is in a comment beside each
 * assertion.  After every scenario `wafa check` (engine_check) must find
 * nothing wrong.
 *
 * The shop: currency IRT with 0 decimals, earn_unit 100 (100 toman earn
 * one base point), point_value 10 (a point pays 10 toman), expiry_days and
 * tier_window_days 365 (the defaults), time zone UTC.  A day is 86,400 s,
 * so points expire Y = 365 x 86,400 = 31,536,000 s after they were
 * earned, and a sale leaves the tier window Y seconds after it. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "engine/check.h"
#include "engine/customer.h"
#include "engine/points.h"
#include "engine/reward.h"
#include "engine/rules.h"
#include "engine/sale.h"
#include "engine/shop.h"
#include "engine/survey.h"
#include "store/customers.h"
#include "store/ledger.h"
#include "store/store.h"

#define DAY DAY_SECONDS
#define Y   (365 * DAY)
/* 2025-01-01 00:00:00 UTC */
#define T0  INT64_C(1735689600)
/* "Now" for most tests: well after every event the tests date. */
#define NOW (T0 + 1000 * DAY)

struct fx {
	char dir[64];
	char path[128];
	struct store *st;
};

static void set_now(int64_t t)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", (long long)t);
	setenv("WAFA_NOW", buf, 1);
}

static void must(int rc, const struct werr *e)
{
	if (rc != 0)
		print_error("unexpected refusal: %s\n", e->msg);
	assert_int_equal(rc, 0);
}

static void refused(int rc, const struct werr *e)
{
	assert_int_equal(rc, -1);
	assert_int_equal(e->status, W_REFUSED);
	assert_true(e->msg[0] != '\0');
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct werr e = {0};
	snprintf(f->dir, sizeof f->dir, "/tmp/wafa-test-engine-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->path, sizeof f->path, "%s/shop.db", f->dir);
	set_now(NOW);
	if (store_open(f->path, STORE_CREATE, &f->st, &e) != 0)
		return -1;
	struct shop_init in = {.currency = "IRT", .decimals = 0, .earn_unit = 100,
			       .point_value = 10, .calendar = CAL_GREGORIAN,
			       .timezone = "UTC", .shop = "Test shop"};
	if (shop_init(f->st, &in, &e) != 0) {
		print_error("shop_init: %s\n", e.msg);
		return -1;
	}
	*state = f;
	return 0;
}

static void remove_db(const char *path)
{
	char p[160];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static int teardown(void **state)
{
	struct fx *f = *state;
	store_close(f->st);
	remove_db(f->path);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* ---- helpers -------------------------------------------------------- */

static int64_t add_customer(struct fx *f, const char *name, const char *phone, int64_t at)
{
	struct customer_input in = CUSTOMER_INPUT_INIT;
	struct customer c;
	struct werr e = {0};
	in.name = name;
	in.phone = phone;
	in.at = at;
	must(engine_customer_add(f->st, &in, &c, NULL, &e), &e);
	int64_t id = c.id;
	customer_clear(&c);
	return id;
}

static struct purchase_result buy(struct fx *f, int64_t cust, int64_t amount, int64_t n,
				  int64_t at)
{
	struct purchase_request rq = {.customer_id = cust, .amount = amount,
				      .redeem_points = n, .at = at};
	struct purchase_result r;
	struct werr e = {0};
	must(engine_purchase(f->st, &rq, &r, &e), &e);
	return r;
}

static void buy_refused(struct fx *f, int64_t cust, int64_t amount, int64_t n, int64_t at)
{
	struct purchase_request rq = {.customer_id = cust, .amount = amount,
				      .redeem_points = n, .at = at};
	struct purchase_result r;
	struct werr e = {0};
	refused(engine_purchase(f->st, &rq, &r, &e), &e);
}

static struct return_result give_back(struct fx *f, int64_t sale, int64_t amount, int64_t at)
{
	struct return_request rq = {.purchase_id = sale, .amount = amount, .at = at};
	struct return_result r;
	struct werr e = {0};
	must(engine_return(f->st, &rq, &r, &e), &e);
	return r;
}

static void give_back_refused(struct fx *f, int64_t sale, int64_t amount, int64_t at)
{
	struct return_request rq = {.purchase_id = sale, .amount = amount, .at = at};
	struct return_result r;
	struct werr e = {0};
	refused(engine_return(f->st, &rq, &r, &e), &e);
}

static void add_reward(struct fx *f, const char *code, int64_t points, int64_t stock,
		       int64_t from, int64_t to)
{
	struct reward_input in = {.code = code, .name = code, .points = points, .copay = 0,
				  .stock = stock, .active_from = from, .active_to = to};
	struct reward r;
	struct werr e = {0};
	must(engine_reward_add(f->st, &in, &r, &e), &e);
	reward_clear(&r);
}

static struct redeem_result redeem(struct fx *f, int64_t cust, const char *code, int64_t at)
{
	struct redeem_result r;
	struct werr e = {0};
	must(engine_redeem(f->st, cust, code, at, 0, &r, &e), &e);
	return r;
}

static void redeem_refused(struct fx *f, int64_t cust, const char *code, int64_t at)
{
	struct redeem_result r;
	struct werr e = {0};
	refused(engine_redeem(f->st, cust, code, at, 0, &r, &e), &e);
}

/* engine_points; the caller frees out->expiring with points_result_free. */
static void points(struct fx *f, int64_t cust, int64_t at, struct points_result *out)
{
	struct werr e = {0};
	must(engine_points(f->st, cust, at, out, &e), &e);
}

static void points_refused(struct fx *f, int64_t cust, int64_t at)
{
	struct points_result r;
	struct werr e = {0};
	refused(engine_points(f->st, cust, at, &r, &e), &e);
}

static int64_t balance_at(struct fx *f, int64_t cust, int64_t at)
{
	struct points_result r;
	points(f, cust, at, &r);
	int64_t b = r.balance;
	points_result_free(&r);
	return b;
}

static void load(struct fx *f, int64_t id, struct customer *c)
{
	struct werr e = {0};
	memset(c, 0, sizeof *c);
	assert_int_equal(customer_get(f->st, id, c, &e), 1);
}

static void set_tiers(struct fx *f)
{
	struct werr e = {0};
	/* Silver from 100,000 spent in the window, x1.5; Gold from 500,000, x2 */
	must(tier_set(f->st, "Silver", 100000, 150, 5, &e), &e);
	must(tier_set(f->st, "Gold", 500000, 200, 10, &e), &e);
}

/* The customer's ledger (at, points, kind) in (at, id) order. */
struct ledger {
	struct ledger_point *v;
	size_t n;
};

static struct ledger ledger_of(struct fx *f, int64_t cust)
{
	struct ledger l = {0};
	struct werr e = {0};
	must(ledger_points(f->st, cust, &l.v, &l.n, &e), &e);
	return l;
}

static void entry_is(const struct ledger *l, size_t i, int64_t at, enum ledger_kind kind,
		     int64_t pts)
{
	assert_true(i < l->n);
	if (l->v[i].at != at)
		print_error("entry %zu: at %lld, expected %lld\n", i, (long long)l->v[i].at,
			    (long long)at);
	assert_true(l->v[i].at == at);
	assert_string_equal(ledger_kind_name(l->v[i].kind), ledger_kind_name(kind));
	assert_int_equal(l->v[i].points, pts);
}

/* `wafa check` finds nothing wrong. */
static void check_clean(struct fx *f)
{
	struct check_report r;
	struct werr e = {0};
	must(engine_check(f->st, &r, &e), &e);
	for (size_t i = 0; i < r.n; i++)
		print_error("check: %s\n", r.problems[i]);
	assert_int_equal(r.n, 0);
	check_report_free(&r);
}

/* The rows of the customer's tier history as "from>to@cause;..." */
static void tier_history(struct fx *f, int64_t cust, char *buf, size_t size)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	assert_int_equal(sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db,
					     "SELECT COALESCE(tier_from, '-'), tier_to, cause "
					     "FROM tier_history WHERE customer_id = ? "
					     "ORDER BY at, id",
					     -1, &s, NULL),
			 SQLITE_OK);
	sqlite3_bind_int64(s, 1, cust);
	buf[0] = '\0';
	while (sqlite3_step(s) == SQLITE_ROW) {
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, "%s>%s@%s;", sqlite3_column_text(s, 0),
			 sqlite3_column_text(s, 1), sqlite3_column_text(s, 2));
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/* ---- the database file, byte for byte ------------------------------- */

struct snap {
	unsigned char *db;
	size_t len;
};

static unsigned char *read_all(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	long size = ftell(fp);
	assert_true(size > 0);
	rewind(fp);
	unsigned char *buf = malloc((size_t)size);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)size, fp), (size_t)size);
	fclose(fp);
	*len = (size_t)size;
	return buf;
}

/* Closes the store (the last connection checkpoints the WAL into the
 * file and removes it), reads the whole file, and opens the store again. */
static void snap_take(struct fx *f, struct snap *s)
{
	struct werr e = {0};
	struct stat sb;
	char wal[160];
	store_close(f->st);
	f->st = NULL;
	snprintf(wal, sizeof wal, "%s-wal", f->path);
	/* Nothing may stay in a WAL beside the file. */
	assert_true(stat(wal, &sb) != 0 || sb.st_size == 0);
	s->db = read_all(f->path, &s->len);
	must(store_open(f->path, STORE_EXISTING, &f->st, &e), &e);
}

static bool snap_equal(const struct snap *a, const struct snap *b)
{
	return a->len == b->len && memcmp(a->db, b->db, a->len) == 0;
}

/* The file is byte for byte what `before` holds; frees `before`. */
static void expect_unchanged(struct fx *f, struct snap *before)
{
	struct snap after;
	snap_take(f, &after);
	assert_true(snap_equal(before, &after));
	free(after.db);
	free(before->db);
}

/* ---- rule 1: earning ------------------------------------------------ */

static void test_purchase_earns_floor_of_paid_over_earn_unit(void **state)
{
	struct fx *f = *state;
	int64_t c = add_customer(f, "Ali Karimi", "09121111111", T0 - DAY);

	struct purchase_result r = buy(f, c, 2599, 0, T0);
	/* paid = 2599 - 0; base = floor(2599 / 100) = 25; x100 -> 25 */
	assert_int_equal(r.discount, 0);
	assert_int_equal(r.paid, 2599);
	assert_int_equal(r.points_earned, 25);
	assert_int_equal(r.points_balance, 25);
	assert_string_equal(r.tier, "Member");
	assert_int_equal(r.multiplier, 100);
	assert_false(r.tier_changed);

	/* floor(99 / 100) = 0: one toman short of a point */
	r = buy(f, c, 99, 0, T0 + 60);
	assert_int_equal(r.points_earned, 0);
	assert_int_equal(r.points_balance, 25);

	/* A zero-value sale is a visit with a free item: earns nothing */
	r = buy(f, c, 0, 0, T0 + 120);
	assert_int_equal(r.paid, 0);
	assert_int_equal(r.points_earned, 0);
	assert_int_equal(r.points_balance, 25);

	/* floor(100 / 100) = 1: exactly one earn_unit */
	r = buy(f, c, 100, 0, T0 + 180);
	assert_int_equal(r.points_earned, 1);
	assert_int_equal(r.points_balance, 26);

	struct customer k;
	load(f, c, &k);
	assert_int_equal(k.sales_count, 4);
	assert_int_equal(k.spend, 2798); /* 2599 + 99 + 0 + 100 */
	assert_int_equal(k.balance, 26);
	assert_true(k.first_sale_at == T0);
	assert_true(k.last_sale_at == T0 + 180);
	customer_clear(&k);

	/* Sales that earn nothing write no ledger entry (entries are never 0) */
	struct ledger l = ledger_of(f, c);
	assert_int_equal(l.n, 2);
	entry_is(&l, 0, T0, LK_EARN, 25);
	entry_is(&l, 1, T0 + 180, LK_EARN, 1);
	free(l.v);
	check_clean(f);
}

static void test_sale_crossing_into_silver_earns_at_the_old_multiplier(void **state)
{
	struct fx *f = *state;
	set_tiers(f);
	int64_t c = add_customer(f, "Sara", NULL, T0 - DAY);

	struct purchase_result r = buy(f, c, 60000, 0, T0);
	/* Member x100: floor(60000 / 100) = 600; window 60,000 < 100,000 */
	assert_int_equal(r.points_earned, 600);
	assert_string_equal(r.tier_before, "Member");
	assert_string_equal(r.tier, "Member");
	assert_false(r.tier_changed);
	assert_int_equal(r.window_spend, 60000);
	assert_string_equal(r.next_tier, "Silver");
	assert_int_equal(r.next_tier_missing, 40000); /* 100,000 - 60,000 */

	r = buy(f, c, 50000, 0, T0 + DAY);
	/* Tier just before: window 60,000 -> Member, x100:
	 * floor(50000 / 100) = 500 (not 750 at x150).
	 * After: 60,000 + 50,000 = 110,000 >= 100,000 -> Silver */
	assert_int_equal(r.multiplier, 100);
	assert_int_equal(r.points_earned, 500);
	assert_string_equal(r.tier_before, "Member");
	assert_string_equal(r.tier, "Silver");
	assert_true(r.tier_changed);
	assert_int_equal(r.points_balance, 1100); /* 600 + 500 */
	assert_int_equal(r.window_spend, 110000);
	assert_string_equal(r.next_tier, "Gold");
	assert_int_equal(r.next_tier_missing, 390000); /* 500,000 - 110,000 */

	r = buy(f, c, 10100, 0, T0 + 2 * DAY);
	/* Now Silver x150: base floor(10100 / 100) = 101; 101 x 150 / 100 =
	 * 151.5 -> 151 */
	assert_int_equal(r.multiplier, 150);
	assert_int_equal(r.points_earned, 151);
	assert_string_equal(r.tier, "Silver");
	assert_false(r.tier_changed);
	assert_int_equal(r.points_balance, 1251); /* 1100 + 151 */
	assert_int_equal(r.window_spend, 120100);

	/* Each change recorded once: none -> Member at the first sale,
	 * Member -> Silver at the second */
	char h[256];
	tier_history(f, c, h, sizeof h);
	assert_string_equal(h, "->Member@sale;Member>Silver@sale;");
	check_clean(f);
}

static void test_spend_equal_to_min_spend_reaches_the_tier(void **state)
{
	struct fx *f = *state;
	set_tiers(f);
	int64_t c = add_customer(f, "Reza", NULL, T0 - DAY);

	struct purchase_result r = buy(f, c, 99999, 0, T0);
	/* floor(99999 / 100) = 999; window 99,999 < 100,000 -> Member */
	assert_int_equal(r.points_earned, 999);
	assert_string_equal(r.tier, "Member");
	assert_int_equal(r.next_tier_missing, 1);

	r = buy(f, c, 1, 0, T0 + 1);
	/* window 99,999 + 1 = 100,000 = min_spend: qualifies (<=).
	 * Earned at Member x100: floor(1 / 100) = 0 */
	assert_string_equal(r.tier, "Silver");
	assert_true(r.tier_changed);
	assert_int_equal(r.points_earned, 0);

	r = buy(f, c, 200, 0, T0 + 1);
	/* At the same instant as the crossing sale: rule 2 at T0+1 without
	 * this sale still counts the earlier one (at <= t) -> Silver x150:
	 * base 2; 2 x 150 / 100 = 3 (Member would give 2) */
	assert_string_equal(r.tier_before, "Silver");
	assert_int_equal(r.points_earned, 3);
	assert_int_equal(r.points_balance, 1002); /* 999 + 0 + 3 */
	check_clean(f);
}

static void test_sale_leaving_the_window_drops_the_tier(void **state)
{
	struct fx *f = *state;
	struct werr e = {0};
	set_tiers(f);
	int64_t c = add_customer(f, "Maryam", NULL, T0 - DAY);

	struct purchase_result r = buy(f, c, 100000, 0, T0);
	/* Member x100 -> 1000 points; window 100,000 -> Silver */
	assert_int_equal(r.points_earned, 1000);
	assert_true(r.tier_changed);

	r = buy(f, c, 1000, 0, T0 + Y - 1);
	/* Window at T0+Y-1: (T0-1, T0+Y-1] holds the sale at T0: Silver.
	 * x150: base 10 -> 15.  After: 101,000 -> Silver, no change. */
	assert_string_equal(r.tier_before, "Silver");
	assert_int_equal(r.points_earned, 15);
	assert_false(r.tier_changed);
	assert_int_equal(r.window_spend, 101000);

	r = buy(f, c, 1000, 0, T0 + Y);
	/* Window at T0+Y: (T0, T0+Y]: the sale at T0 left it; spend before
	 * = 1,000 -> Member, x100: base 10 -> 10.  After: 2,000 -> Member.
	 * tier_changed compares with the tier held just before the sale
	 * (rule 1: rule 2 at the sale's instant without the sale), which is
	 * already Member: false, although the recorded tier moves from
	 * Silver to Member with this sale.
	 * Expiry first: the 1000 points of T0 expire at T0 + Y (<= T):
	 * P = 1000, C = 0 -> 1000.  Balance 1000 + 15 - 1000 + 10 = 25. */
	assert_string_equal(r.tier_before, "Member");
	assert_string_equal(r.tier, "Member");
	assert_int_equal(r.multiplier, 100);
	assert_int_equal(r.points_earned, 10);
	assert_false(r.tier_changed);
	assert_int_equal(r.window_spend, 2000);
	assert_int_equal(r.points_balance, 25);

	struct customer k;
	load(f, c, &k);
	assert_string_equal(k.tier, "Member");
	customer_clear(&k);
	char h[256];
	tier_history(f, c, h, sizeof h);
	/* The first sale recorded the first tier (none -> Silver) */
	assert_string_equal(h, "->Silver@sale;Silver>Member@sale;");

	/* tier_at reads rule 2 at any instant: Silver one second before the
	 * edge, Member on it */
	struct shop shop;
	const struct tier *t = NULL;
	int64_t spend = -1;
	must(shop_load(f->st, &shop, &e), &e);
	must(tier_at(f->st, &shop, c, T0 + Y - 1, &t, &spend, &e), &e);
	assert_string_equal(t->name, "Silver");
	assert_int_equal(spend, 101000);
	must(tier_at(f->st, &shop, c, T0 + Y, &t, &spend, &e), &e);
	assert_string_equal(t->name, "Member");
	assert_int_equal(spend, 2000);
	shop_free(&shop);
	check_clean(f);
}

static void tiers_text(struct fx *f, char *buf, size_t size)
{
	struct tier *t = NULL;
	size_t n = 0;
	struct werr e = {0};
	must(tiers_load(f->st, &t, &n, &e), &e);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, "%s %lld x%d -%d;", t[i].name,
			 (long long)t[i].min_spend, t[i].multiplier, t[i].discount);
	}
	tiers_free(t, n);
}

static void test_tier_set_creates_updates_and_replaces_by_min_spend(void **state)
{
	struct fx *f = *state;
	struct werr e = {0};
	char buf[256];

	/* init creates exactly one tier: Member, 0, x100, discount 0 */
	tiers_text(f, buf, sizeof buf);
	assert_string_equal(buf, "Member 0 x100 -0;");

	/* Same min_spend 0 under another name: Bronze replaces Member */
	must(tier_set(f->st, "Bronze", 0, 100, 0, &e), &e);
	tiers_text(f, buf, sizeof buf);
	assert_string_equal(buf, "Bronze 0 x100 -0;");

	/* A new name creates; the same name updates */
	must(tier_set(f->st, "Silver", 100000, 150, 5, &e), &e);
	must(tier_set(f->st, "Silver", 200000, 160, 6, &e), &e);
	tiers_text(f, buf, sizeof buf);
	assert_string_equal(buf, "Bronze 0 x100 -0;Silver 200000 x160 -6;");

	/* Gold at Silver's min_spend replaces Silver */
	must(tier_set(f->st, "Gold", 200000, 200, 10, &e), &e);
	tiers_text(f, buf, sizeof buf);
	assert_string_equal(buf, "Bronze 0 x100 -0;Gold 200000 x200 -10;");

	/* There is always a tier with min_spend 0: moving the only one up is
	 * refused */
	refused(tier_set(f->st, "Bronze", 5000, 100, 0, &e), &e);
	tiers_text(f, buf, sizeof buf);
	assert_string_equal(buf, "Bronze 0 x100 -0;Gold 200000 x200 -10;");

	/* Sales use the tiers as they are now: 200,000 reaches Gold */
	int64_t c = add_customer(f, "Kian", NULL, T0);
	struct purchase_result r = buy(f, c, 200000, 0, T0);
	assert_string_equal(r.tier_before, "Bronze");
	assert_string_equal(r.tier, "Gold");
	assert_true(r.tier_changed);
	assert_int_equal(r.points_earned, 2000); /* Bronze x100: 200000 / 100 */
	check_clean(f);
}

/* ---- rule 1: points paying part of a purchase ----------------------- */

static void test_points_pay_part_of_a_purchase(void **state)
{
	struct fx *f = *state;
	struct snap before;
	int64_t c = add_customer(f, "Hossein", NULL, T0 - DAY);

	buy(f, c, 100000, 0, T0); /* floor(100000 / 100) = 1000 points */

	struct purchase_result r = buy(f, c, 5000, 300, T0 + DAY);
	/* discount = 300 x 10 = 3000 <= 5000; paid = 2000;
	 * earned = floor(2000 / 100) = 20; balance 1000 - 300 + 20 = 720 */
	assert_int_equal(r.discount, 3000);
	assert_int_equal(r.paid, 2000);
	assert_int_equal(r.points_paid, 300);
	assert_int_equal(r.points_earned, 20);
	assert_int_equal(r.points_balance, 720);

	r = buy(f, c, 5000, 500, T0 + 2 * DAY);
	/* discount = 500 x 10 = 5000 = amount: allowed; paid 0, earned 0;
	 * balance 720 - 500 = 220 */
	assert_int_equal(r.discount, 5000);
	assert_int_equal(r.paid, 0);
	assert_int_equal(r.points_earned, 0);
	assert_int_equal(r.points_balance, 220);

	/* discount = 101 x 10 = 1010 > amount 1000: refused */
	snap_take(f, &before);
	buy_refused(f, c, 1000, 101, T0 + 3 * DAY);
	expect_unchanged(f, &before);

	/* 221 > balance 220: refused (the discount 2210 would fit) */
	snap_take(f, &before);
	buy_refused(f, c, 100000, 221, T0 + 3 * DAY);
	expect_unchanged(f, &before);

	r = buy(f, c, 100000, 220, T0 + 3 * DAY);
	/* N = balance: allowed.  discount 2200; paid 97,800;
	 * earned floor(97800 / 100) = 978; balance 220 - 220 + 978 = 978 */
	assert_int_equal(r.paid, 97800);
	assert_int_equal(r.points_earned, 978);
	assert_int_equal(r.points_balance, 978);

	struct ledger l = ledger_of(f, c);
	/* earn 1000 | pay -300, earn 20 | pay -500 | pay -220, earn 978 */
	assert_int_equal(l.n, 6);
	entry_is(&l, 0, T0, LK_EARN, 1000);
	entry_is(&l, 1, T0 + DAY, LK_PAY, -300);
	entry_is(&l, 2, T0 + DAY, LK_EARN, 20);
	entry_is(&l, 3, T0 + 2 * DAY, LK_PAY, -500);
	entry_is(&l, 4, T0 + 3 * DAY, LK_PAY, -220);
	entry_is(&l, 5, T0 + 3 * DAY, LK_EARN, 978);
	free(l.v);

	struct customer k;
	load(f, c, &k);
	assert_int_equal(k.spend, 199800); /* 100000 + 2000 + 0 + 97800 */
	customer_clear(&k);
	check_clean(f);
}

/* ---- rule 3: returns ------------------------------------------------ */

static void test_full_return_undoes_the_sale_exactly(void **state)
{
	struct fx *f = *state;
	struct snap before;
	struct werr e = {0};
	set_tiers(f);
	int64_t c = add_customer(f, "Zahra", NULL, T0 - DAY);

	buy(f, c, 90000, 0, T0); /* 900 points; window 90,000 -> Member */
	struct customer k;
	load(f, c, &k);
	int64_t balance_before = k.balance, spend_before = k.spend;
	assert_int_equal(balance_before, 900);
	customer_clear(&k);

	struct purchase_result s = buy(f, c, 20000, 300, T0 + DAY);
	/* discount 3000, paid 17,000, Member x100 -> 170 points;
	 * window 90,000 + 17,000 = 107,000 -> Silver;
	 * balance 900 - 300 + 170 = 770 */
	assert_int_equal(s.paid, 17000);
	assert_int_equal(s.points_earned, 170);
	assert_int_equal(s.points_balance, 770);
	assert_string_equal(s.tier, "Silver");

	struct return_result r = give_back(f, s.purchase_id, 20000, T0 + 2 * DAY);
	/* Full return (cum = amount): refund = paid, reversed = earned,
	 * restored = N; balance 770 - 170 + 300 = 900, as before the sale.
	 * Window 107,000 - 17,000 = 90,000 -> Member again. */
	assert_int_equal(r.refunded, 17000);
	assert_int_equal(r.points_reversed, 170);
	assert_int_equal(r.points_restored, 300);
	assert_int_equal(r.points_balance, balance_before);
	assert_string_equal(r.tier, "Member");

	load(f, c, &k);
	assert_int_equal(k.balance, 900);
	assert_int_equal(k.spend, spend_before);
	assert_int_equal(k.sales_count, 2); /* the sale stays; the return is its own row */
	assert_string_equal(k.tier, "Member");
	customer_clear(&k);

	/* Nothing is left to return */
	snap_take(f, &before);
	give_back_refused(f, s.purchase_id, 1, T0 + 3 * DAY);
	expect_unchanged(f, &before);

	/* The window counts only refunds dated <= t: at T0+DAY (before the
	 * return) the sale still counts fully -> Silver */
	struct shop shop;
	const struct tier *t = NULL;
	int64_t spend = -1;
	must(shop_load(f->st, &shop, &e), &e);
	must(tier_at(f->st, &shop, c, T0 + DAY, &t, &spend, &e), &e);
	assert_int_equal(spend, 107000);
	assert_string_equal(t->name, "Silver");
	must(tier_at(f->st, &shop, c, T0 + 2 * DAY, &t, &spend, &e), &e);
	assert_int_equal(spend, 90000);
	assert_string_equal(t->name, "Member");
	shop_free(&shop);

	/* The next sale earns at the tier held after the return: Member.
	 * 10,000 -> 100 points; window 100,000 -> Silver (a change) */
	struct purchase_result n = buy(f, c, 10000, 0, T0 + 3 * DAY);
	assert_int_equal(n.multiplier, 100);
	assert_int_equal(n.points_earned, 100);
	assert_true(n.tier_changed);
	check_clean(f);
}

static void test_partial_returns_add_up_to_the_sale(void **state)
{
	struct fx *f = *state;
	struct snap before;
	int64_t c = add_customer(f, "Omid", NULL, T0 - DAY);

	buy(f, c, 3000, 0, T0); /* 30 points */
	struct purchase_result s = buy(f, c, 1000, 30, T0 + DAY);
	/* discount 300, paid 700, earned floor(700 / 100) = 7;
	 * balance 30 - 30 + 7 = 7 */
	assert_int_equal(s.paid, 700);
	assert_int_equal(s.points_earned, 7);
	assert_int_equal(s.points_balance, 7);

	struct return_result r = give_back(f, s.purchase_id, 333, T0 + 2 * DAY);
	/* prev 0, cum 333: floor(700x333/1000) = 233; floor(7x333/1000) = 2;
	 * floor(30x333/1000) = 9; balance 7 - 2 + 9 = 14 */
	assert_int_equal(r.refunded, 233);
	assert_int_equal(r.points_reversed, 2);
	assert_int_equal(r.points_restored, 9);
	assert_int_equal(r.points_balance, 14);

	r = give_back(f, s.purchase_id, 333, T0 + 3 * DAY);
	/* prev 333, cum 666: 466 - 233 = 233; 4 - 2 = 2; 19 - 9 = 10;
	 * balance 14 - 2 + 10 = 22 */
	assert_int_equal(r.refunded, 233);
	assert_int_equal(r.points_reversed, 2);
	assert_int_equal(r.points_restored, 10);
	assert_int_equal(r.points_balance, 22);

	/* 1000 - 666 = 334 left: 335 is more than was sold */
	snap_take(f, &before);
	give_back_refused(f, s.purchase_id, 335, T0 + 4 * DAY);
	expect_unchanged(f, &before);

	r = give_back(f, s.purchase_id, 334, T0 + 4 * DAY);
	/* prev 666, cum 1000: 700 - 466 = 234; 7 - 4 = 3; 30 - 19 = 11;
	 * balance 22 - 3 + 11 = 30, the balance before the sale */
	assert_int_equal(r.refunded, 234);
	assert_int_equal(r.points_reversed, 3);
	assert_int_equal(r.points_restored, 11);
	assert_int_equal(r.points_balance, 30);
	/* 233 + 233 + 234 = 700 = paid; 2 + 2 + 3 = 7; 9 + 10 + 11 = 30 */

	give_back_refused(f, s.purchase_id, 1, T0 + 5 * DAY);
	give_back_refused(f, s.purchase_id, 0, T0 + 5 * DAY);  /* R > 0 */
	give_back_refused(f, s.purchase_id, -5, T0 + 5 * DAY);
	give_back_refused(f, 9999, 1, T0 + 5 * DAY); /* no such purchase */

	struct customer k;
	load(f, c, &k);
	assert_int_equal(k.spend, 3000); /* 3000 + 700 - 700 */
	assert_int_equal(k.balance, 30);
	customer_clear(&k);
	check_clean(f);
}

static void test_reversal_below_zero_blocks_redemption_until_covered(void **state)
{
	struct fx *f = *state;
	struct snap before;
	int64_t c = add_customer(f, "Nasrin", NULL, T0 - DAY);
	add_reward(f, "GIFT", 100, STOCK_UNLIMITED, TIME_NONE, TIME_NONE);
	add_reward(f, "PEN", 1, STOCK_UNLIMITED, TIME_NONE, TIME_NONE);

	struct purchase_result a = buy(f, c, 10000, 0, T0); /* 100 points */
	struct redeem_result d = redeem(f, c, "GIFT", T0 + DAY);
	assert_int_equal(d.points, 100);
	assert_int_equal(d.points_balance, 0);

	struct return_result r = give_back(f, a.purchase_id, 10000, T0 + 2 * DAY);
	/* Full return: reversed 100 from a balance of 0 -> -100 (rule 3
	 * lets a reversal go below zero) */
	assert_int_equal(r.refunded, 10000);
	assert_int_equal(r.points_reversed, 100);
	assert_int_equal(r.points_balance, -100);
	struct customer k;
	load(f, c, &k);
	assert_int_equal(k.balance, -100);
	assert_true(k.negative_since == T0 + 2 * DAY);
	customer_clear(&k);

	/* Nothing can be redeemed: -100 < 1 */
	snap_take(f, &before);
	redeem_refused(f, c, "PEN", T0 + 3 * DAY);
	expect_unchanged(f, &before);
	/* Nor can points pay: N = 1 > -100 */
	buy_refused(f, c, 1000, 1, T0 + 3 * DAY);

	/* 5,000 earns 50: -100 + 50 = -50, still not covered */
	assert_int_equal(buy(f, c, 5000, 0, T0 + 4 * DAY).points_balance, -50);
	redeem_refused(f, c, "PEN", T0 + 4 * DAY);

	/* 15,000 earns 150: -50 + 150 = 100; GIFT (100) fits exactly */
	assert_int_equal(buy(f, c, 15000, 0, T0 + 5 * DAY).points_balance, 100);
	d = redeem(f, c, "GIFT", T0 + 6 * DAY);
	assert_int_equal(d.points_balance, 0);
	check_clean(f);
}

/* ---- rule 5: expiry ------------------------------------------------- */

static void test_fifo_expiry_across_lots_with_redemptions_between(void **state)
{
	struct fx *f = *state;
	int64_t c = add_customer(f, "Kaveh", NULL, T0 - DAY);
	add_reward(f, "R30", 30, STOCK_UNLIMITED, TIME_NONE, TIME_NONE);

	buy(f, c, 5000, 0, T0);                 /* lot 1: 50, expires T0+Y */
	redeem(f, c, "R30", T0 + 10 * DAY);     /* -30 -> 20 */
	buy(f, c, 4000, 0, T0 + 20 * DAY);      /* lot 2: 40, expires T0+20d+Y -> 60 */
	struct purchase_result p = buy(f, c, 350, 35, T0 + 30 * DAY);
	/* discount 350 = amount, paid 0, earned 0: -35 -> 25 */
	assert_int_equal(p.points_balance, 25);
	buy(f, c, 2000, 0, T0 + 40 * DAY);      /* lot 3: 20, expires T0+40d+Y -> 45 */

	struct points_result pr;
	points(f, c, T0 + Y + 25 * DAY, &pr);
	/* e1 = T0+Y:      P = 50, C = 30 + 35 = 65, X = 0 -> max(0, -15) = 0
	 * e2 = T0+20d+Y:  P = 90, C = 65, X = 0 -> 25
	 * (FIFO: the 65 consumed ate lot 1 and 15 of lot 2.)
	 * balance 45 - 25 = 20; the next expiry: lot 3, 20 at T0+40d+Y */
	assert_int_equal(pr.balance, 20);
	assert_int_equal(pr.expired_total, 25);
	assert_int_equal(pr.earned_total, 110);  /* 50 + 40 + 20 */
	assert_int_equal(pr.redeemed_total, 65); /* 30 + 35 */
	assert_int_equal(pr.nexpiring, 1);
	assert_true(pr.expiring[0].at == T0 + 40 * DAY + Y);
	assert_int_equal(pr.expiring[0].points, 20);
	points_result_free(&pr);

	/* A later purchase applies the rest lazily:
	 * e3 = T0+40d+Y: P = 110, C = 65, X = 25 -> 20; balance 0 */
	p = buy(f, c, 0, 0, T0 + Y + 50 * DAY);
	assert_int_equal(p.points_balance, 0);

	struct ledger l = ledger_of(f, c);
	/* earn 50, redeem -30, earn 40, pay -35, earn 20, then the expiries
	 * dated at their instants, not at the calls (T0+Y+25d, T0+Y+50d) */
	assert_int_equal(l.n, 7);
	entry_is(&l, 0, T0, LK_EARN, 50);
	entry_is(&l, 1, T0 + 10 * DAY, LK_REDEEM, -30);
	entry_is(&l, 2, T0 + 20 * DAY, LK_EARN, 40);
	entry_is(&l, 3, T0 + 30 * DAY, LK_PAY, -35);
	entry_is(&l, 4, T0 + 40 * DAY, LK_EARN, 20);
	entry_is(&l, 5, T0 + 20 * DAY + Y, LK_EXPIRE, -25);
	entry_is(&l, 6, T0 + 40 * DAY + Y, LK_EXPIRE, -20);
	free(l.v);
	check_clean(f);
}

static void test_lazy_expiry_is_dated_at_the_expiry_instant(void **state)
{
	struct fx *f = *state;
	int64_t c = add_customer(f, "Leila", NULL, T0 - DAY);

	buy(f, c, 10000, 0, T0); /* 100 points, expire at T0 + Y */
	/* Nothing runs at T0 + Y.  A purchase 100 days later applies it:
	 * e = T0+Y: P = 100, C = 0 -> 100 dated T0+Y; then earns 100. */
	struct purchase_result r = buy(f, c, 10000, 0, T0 + Y + 100 * DAY);
	assert_int_equal(r.points_earned, 100);
	assert_int_equal(r.points_balance, 100); /* 100 - 100 + 100 */

	struct ledger l = ledger_of(f, c);
	assert_int_equal(l.n, 3);
	entry_is(&l, 0, T0, LK_EARN, 100);
	entry_is(&l, 1, T0 + Y, LK_EXPIRE, -100);
	entry_is(&l, 2, T0 + Y + 100 * DAY, LK_EARN, 100);
	free(l.v);

	struct customer k;
	load(f, c, &k);
	assert_true(k.watermark == T0 + Y + 100 * DAY);
	assert_true(k.next_expiry == T0 + Y + 100 * DAY + Y);
	customer_clear(&k);
	check_clean(f);
}

static void test_points_expire_exactly_expiry_days_after_earning(void **state)
{
	struct fx *f = *state;
	struct snap before;
	int64_t a = add_customer(f, "A", NULL, T0 - DAY);
	int64_t b = add_customer(f, "B", NULL, T0 - DAY);
	buy(f, a, 10000, 0, T0); /* 100 each */
	buy(f, b, 10000, 0, T0);

	/* One second before T0 + Y the points are there: pay 1000 with 100 */
	struct purchase_result r = buy(f, a, 1000, 100, T0 + Y - 1);
	assert_int_equal(r.points_balance, 0);

	/* At T0 + Y they expire first (e <= T), so paying with them fails */
	snap_take(f, &before);
	buy_refused(f, b, 1000, 100, T0 + Y);
	expect_unchanged(f, &before);

	struct points_result pr;
	points(f, b, T0 + Y, &pr);
	assert_int_equal(pr.balance, 0);
	assert_int_equal(pr.expired_total, 100);
	assert_int_equal(pr.nexpiring, 0);
	points_result_free(&pr);
	struct ledger l = ledger_of(f, b);
	assert_int_equal(l.n, 2);
	entry_is(&l, 1, T0 + Y, LK_EXPIRE, -100);
	free(l.v);
	/* a spent its lot before it expired: nothing to expire.
	 * P = 100, C = 100 -> 0 */
	assert_int_equal(balance_at(f, a, T0 + 2 * Y), 0);
	l = ledger_of(f, a);
	assert_int_equal(l.n, 2); /* earn, pay: no expire entry */
	free(l.v);
	check_clean(f);
}

static void test_restored_points_expire_a_year_after_the_return(void **state)
{
	struct fx *f = *state;
	int64_t c = add_customer(f, "Parisa", NULL, T0 - DAY);

	buy(f, c, 10000, 0, T0); /* 100, expire T0+Y */
	struct purchase_result s = buy(f, c, 1000, 100, T0 + 10 * DAY);
	/* discount 1000 = amount; paid 0; balance 0 */
	assert_int_equal(s.points_balance, 0);
	struct return_result r = give_back(f, s.purchase_id, 1000, T0 + 100 * DAY);
	/* restored floor(100 x 1000 / 1000) = 100, refunded 0, reversed 0 */
	assert_int_equal(r.refunded, 0);
	assert_int_equal(r.points_reversed, 0);
	assert_int_equal(r.points_restored, 100);
	assert_int_equal(r.points_balance, 100);

	struct points_result pr;
	points(f, c, T0 + Y, &pr);
	/* e = T0+Y: P = 100, C = 100 -> 0: the restore is a new lot */
	assert_int_equal(pr.balance, 100);
	assert_int_equal(pr.nexpiring, 1);
	assert_true(pr.expiring[0].at == T0 + 100 * DAY + Y);
	assert_int_equal(pr.expiring[0].points, 100);
	points_result_free(&pr);

	/* e = T0+100d+Y: P = 200, C = 100, X = 0 -> 100 */
	assert_int_equal(balance_at(f, c, T0 + 100 * DAY + Y), 0);
	struct ledger l = ledger_of(f, c);
	entry_is(&l, l.n - 1, T0 + 100 * DAY + Y, LK_EXPIRE, -100);
	free(l.v);

	/* The same when nothing else is left to expire at the return: d
	 * earns 100 at T0, pays them all at T0+10d; by T0+Y+1d the lot is
	 * spent (P = 100, C = 100 -> 0).  The return at T0+Y+2d restores
	 * 100, which expire at T0+Y+2d+Y: P = 200, C = 100, X = 0 -> 100 */
	int64_t d = add_customer(f, "Pouya", NULL, T0 - DAY);
	buy(f, d, 10000, 0, T0);
	s = buy(f, d, 1000, 100, T0 + 10 * DAY);
	assert_int_equal(balance_at(f, d, T0 + Y + DAY), 0);
	r = give_back(f, s.purchase_id, 1000, T0 + Y + 2 * DAY);
	assert_int_equal(r.points_restored, 100);
	assert_int_equal(r.points_balance, 100);
	assert_int_equal(balance_at(f, d, T0 + 2 * Y + 2 * DAY - 1), 100);
	assert_int_equal(balance_at(f, d, T0 + 2 * Y + 2 * DAY), 0);
	l = ledger_of(f, d);
	entry_is(&l, l.n - 1, T0 + 2 * Y + 2 * DAY, LK_EXPIRE, -100);
	free(l.v);
	check_clean(f);
}

static void test_adjustments_expire_and_correct(void **state)
{
	struct fx *f = *state;
	struct werr e = {0};
	struct adjust_result ar;
	int64_t c = add_customer(f, "Babak", NULL, T0 - DAY);

	must(engine_adjust(f->st, c, 40, "goodwill", T0, 0, &ar, &e), &e);
	assert_int_equal(ar.balance, 40);
	must(engine_adjust(f->st, c, -10, "typo", T0 + DAY, 0, &ar, &e), &e);
	assert_int_equal(ar.balance, 30);
	/* points.h: a correction cannot take the balance below zero (30 - 31) */
	refused(engine_adjust(f->st, c, -31, "too much", T0 + 2 * DAY, 0, &ar, &e), &e);
	refused(engine_adjust(f->st, c, 0, "nothing", T0 + 2 * DAY, 0, &ar, &e), &e);
	refused(engine_adjust(f->st, c, 5, "  ", T0 + 2 * DAY, 0, &ar, &e), &e);

	/* The positive adjustment expires at T0 + Y; the negative one
	 * consumed 10 of it: P = 40, C = 10 -> 30 */
	struct points_result pr;
	points(f, c, T0 + Y, &pr);
	assert_int_equal(pr.balance, 0);
	assert_int_equal(pr.expired_total, 30);
	points_result_free(&pr);
	struct ledger l = ledger_of(f, c);
	assert_int_equal(l.n, 3);
	entry_is(&l, 0, T0, LK_ADJUST, 40);
	entry_is(&l, 1, T0 + DAY, LK_ADJUST, -10);
	entry_is(&l, 2, T0 + Y, LK_EXPIRE, -30);
	free(l.v);
	check_clean(f);
}

static void test_expiry_days_zero_means_points_never_expire(void **state)
{
	struct fx *f = *state;
	struct werr e = {0};
	must(program_set(f->st, "expiry_days", "0", &e), &e);
	int64_t c = add_customer(f, "Farid", NULL, T0 - DAY);
	buy(f, c, 10000, 0, T0); /* 100 */

	struct points_result pr;
	points(f, c, T0 + 2 * Y, &pr);
	assert_int_equal(pr.balance, 100);
	assert_int_equal(pr.expired_total, 0);
	assert_int_equal(pr.nexpiring, 0);
	points_result_free(&pr);
	check_clean(f);
}

static void test_expire_run_covers_the_customers_that_existed_then(void **state)
{
	struct fx *f = *state;
	struct werr e = {0};
	set_tiers(f);
	int64_t a = add_customer(f, "Early", NULL, T0 - 20 * DAY);
	int64_t b = add_customer(f, "Recent", NULL, T0 - 20 * DAY);
	int64_t c = add_customer(f, "Older", NULL, T0 - 20 * DAY);
	buy(f, a, 100000, 0, T0);        /* 1000, expire T0+Y; Silver */
	buy(f, b, 3000, 0, T0 + 5 * DAY); /* 30, expire T0+5d+Y: after the run */
	buy(f, c, 2000, 0, T0 - 10 * DAY); /* 20, expire T0-10d+Y */

	int64_t customers = -1, expired = -1;
	must(engine_expire(f->st, T0 + Y + DAY, &customers, &expired, NULL, NULL, &e), &e);
	/* a loses 1000 at T0+Y, c loses 20 at T0-10d+Y; b's expire later:
	 * 2 customers, 1000 + 20 = 1020 points */
	assert_int_equal(customers, 2);
	assert_int_equal(expired, 1020);
	struct ledger l = ledger_of(f, a);
	entry_is(&l, 1, T0 + Y, LK_EXPIRE, -1000);
	free(l.v);
	l = ledger_of(f, c);
	entry_is(&l, 1, T0 - 10 * DAY + Y, LK_EXPIRE, -20);
	free(l.v);

	/* The run evaluated a's tier at T0+Y+1d: the window (T0+1d, T0+Y+1d]
	 * holds no sale -> Member, recorded with cause "expiry" */
	char h[256];
	tier_history(f, a, h, sizeof h);
	assert_string_equal(h, "->Silver@sale;Silver>Member@expiry;");

	/* The run moved the watermark of the customers that existed to
	 * T0+Y+1d (rule 6), b's included */
	buy_refused(f, a, 1000, 0, T0 + Y);
	buy_refused(f, b, 1000, 0, T0 + Y);
	buy(f, a, 1000, 0, T0 + Y + DAY);

	/* A customer enrolled after the run can still get older history */
	int64_t d = add_customer(f, "Late", NULL, T0 + Y + 2 * DAY);
	struct purchase_result r = buy(f, d, 1000, 0, T0 + 10 * DAY);
	assert_int_equal(r.points_earned, 10);
	check_clean(f);
}

static void test_lots_of_one_instant_expire_in_one_entry(void **state)
{
	struct fx *f = *state;
	int64_t c = add_customer(f, "Yasmin", NULL, T0 - DAY);
	add_reward(f, "R15", 15, STOCK_UNLIMITED, TIME_NONE, TIME_NONE);

	buy(f, c, 3000, 0, T0);          /* 30, expires T0+Y */
	buy(f, c, 2000, 0, T0);          /* 20, same instant: expires T0+Y */
	redeem(f, c, "R15", T0 + DAY);   /* -15 -> 35 */
	buy(f, c, 700, 0, T0 + 2 * DAY); /* 7, expires T0+2d+Y -> 42 */

	/* One call, two instants, in order:
	 * e = T0+Y:    P = 30 + 20 = 50, C = 15, X = 0 -> 35 (one entry)
	 * e = T0+2d+Y: P = 57, C = 15, X = 35 -> 7 */
	struct points_result pr;
	points(f, c, T0 + Y + 10 * DAY, &pr);
	assert_int_equal(pr.balance, 0);
	assert_int_equal(pr.expired_total, 42);
	points_result_free(&pr);
	struct ledger l = ledger_of(f, c);
	assert_int_equal(l.n, 6);
	entry_is(&l, 4, T0 + Y, LK_EXPIRE, -35);
	entry_is(&l, 5, T0 + 2 * DAY + Y, LK_EXPIRE, -7);
	free(l.v);
	check_clean(f);
}

static void test_return_after_expiry_takes_the_balance_below_zero(void **state)
{
	struct fx *f = *state;
	int64_t c = add_customer(f, "Arash", NULL, T0 - DAY);
	struct purchase_result s = buy(f, c, 10000, 0, T0); /* 100, expire T0+Y */

	/* Expiry is applied before the return (rule 5): 100 expire at T0+Y;
	 * then the full return reverses the 100 earned (rule 3):
	 * 0 - 100 = -100 */
	struct return_result r = give_back(f, s.purchase_id, 10000, T0 + Y + DAY);
	assert_int_equal(r.points_reversed, 100);
	assert_int_equal(r.points_balance, -100);
	struct ledger l = ledger_of(f, c);
	assert_int_equal(l.n, 3);
	entry_is(&l, 1, T0 + Y, LK_EXPIRE, -100);
	entry_is(&l, 2, T0 + Y + DAY, LK_REVERSE, -100);
	free(l.v);
	struct customer k;
	load(f, c, &k);
	assert_true(k.negative_since == T0 + Y + DAY);
	customer_clear(&k);

	/* The debt is paid from later earnings and does not expire:
	 * 15,000 earns 150 at T0+Y+2d -> 50.  At its expiry instant
	 * e = T0+Y+2d+Y: P = 100 + 150 = 250, C = 100, X = 100 -> 50 */
	assert_int_equal(buy(f, c, 15000, 0, T0 + Y + 2 * DAY).points_balance, 50);
	assert_int_equal(balance_at(f, c, T0 + 2 * Y + 2 * DAY), 0);
	check_clean(f);
}

/* ---- rule 6: order of events ---------------------------------------- */

static void test_out_of_order_events_are_refused(void **state)
{
	struct fx *f = *state;
	struct snap before;
	struct werr e = {0};
	add_reward(f, "PEN", 1, STOCK_UNLIMITED, TIME_NONE, TIME_NONE);
	/* Enrolled at T0 + 10d: enrolment does not set the watermark, so an
	 * older purchase can be imported */
	int64_t c = add_customer(f, "Golnar", NULL, T0 + 10 * DAY);
	struct purchase_result s = buy(f, c, 10000, 0, T0);
	buy(f, c, 10000, 0, T0 + 5 * DAY); /* watermark T0 + 5d */

	snap_take(f, &before);
	buy_refused(f, c, 10000, 0, T0 + 5 * DAY - 1);
	expect_unchanged(f, &before);

	snap_take(f, &before);
	give_back_refused(f, s.purchase_id, 100, T0 + DAY);
	redeem_refused(f, c, "PEN", T0 + DAY);
	points_refused(f, c, T0 + DAY);
	struct adjust_result ar;
	refused(engine_adjust(f->st, c, 5, "late", T0 + DAY, 0, &ar, &e), &e);
	expect_unchanged(f, &before);

	/* Surveys are not ordered, and do not move the watermark */
	struct survey_input si = {.customer_id = c, .score = 9, .at = T0 + DAY};
	struct survey_result sr;
	must(engine_survey_add(f->st, &si, &sr, &e), &e);
	struct customer k;
	load(f, c, &k);
	assert_true(k.watermark == T0 + 5 * DAY);
	customer_clear(&k);

	/* At the watermark itself is not before it: accepted */
	buy(f, c, 100, 0, T0 + 5 * DAY);
	give_back(f, s.purchase_id, 100, T0 + 5 * DAY);
	check_clean(f);
}

static void test_refused_operation_does_not_move_the_watermark(void **state)
{
	struct fx *f = *state;
	struct snap before;
	int64_t c = add_customer(f, "Sohrab", NULL, T0 - DAY);
	add_reward(f, "BIG", 1000, STOCK_UNLIMITED, TIME_NONE, TIME_NONE);
	buy(f, c, 10000, 0, T0); /* 100 points; watermark T0 */

	/* Refused for want of points at T0+Y+10d, after expiry would have
	 * been applied up to there: nothing of it stays */
	snap_take(f, &before);
	redeem_refused(f, c, "BIG", T0 + Y + 10 * DAY);
	buy_refused(f, c, 10000, 101, T0 + Y + 10 * DAY);
	expect_unchanged(f, &before);
	struct customer k;
	load(f, c, &k);
	assert_true(k.watermark == T0);
	assert_int_equal(k.balance, 100);
	customer_clear(&k);

	/* So an event between the old watermark and the refused instant is
	 * still in order */
	buy(f, c, 100, 0, T0 + DAY);
	check_clean(f);
}

static void test_events_more_than_five_minutes_ahead_are_refused(void **state)
{
	struct fx *f = *state;
	struct snap before;
	struct werr e = {0};
	const int64_t now = T0 + 100 * DAY;
	set_now(now);
	int64_t c = add_customer(f, "Shirin", NULL, T0);
	int64_t d = add_customer(f, "Dariush", NULL, T0);

	/* now + 301 s is more than 5 minutes ahead */
	snap_take(f, &before);
	buy_refused(f, c, 1000, 0, now + 301);
	points_refused(f, c, now + 301);
	struct survey_input si = {.customer_id = c, .score = 9, .at = now + 301};
	struct survey_result sr;
	refused(engine_survey_add(f->st, &si, &sr, &e), &e);
	struct customer_input in = CUSTOMER_INPUT_INIT;
	struct customer nc;
	enum customer_field field = CF_NONE;
	in.name = "Future";
	in.at = now + 301;
	refused(engine_customer_add(f->st, &in, &nc, &field, &e), &e);
	assert_int_equal(field, CF_AT);
	expect_unchanged(f, &before);

	/* now + 300 s is allowed */
	struct purchase_result r = buy(f, c, 1000, 0, now + 300);
	assert_true(r.at == now + 300);
	/* Without --at the instant is now */
	r = buy(f, d, 1000, 0, TIME_NONE);
	assert_true(r.at == now);
	/* ... which for c is before its watermark now + 300 */
	buy_refused(f, c, 1000, 0, TIME_NONE);
	check_clean(f);
}

static void test_points_at_moves_the_watermark(void **state)
{
	struct fx *f = *state;
	struct snap before;
	int64_t c = add_customer(f, "Bahar", NULL, T0 - DAY);
	buy(f, c, 10000, 0, T0);

	assert_int_equal(balance_at(f, c, T0 + 10 * DAY), 100);
	struct customer k;
	load(f, c, &k);
	assert_true(k.watermark == T0 + 10 * DAY);
	customer_clear(&k);

	/* A balance "as of" an earlier instant is refused, not recomputed,
	 * and the refusal moves nothing */
	snap_take(f, &before);
	points_refused(f, c, T0 + 9 * DAY);
	buy_refused(f, c, 1000, 0, T0 + 5 * DAY);
	expect_unchanged(f, &before);
	load(f, c, &k);
	assert_true(k.watermark == T0 + 10 * DAY);
	customer_clear(&k);

	buy(f, c, 1000, 0, T0 + 10 * DAY);
	check_clean(f);
}

/* ---- rule 4: redemption --------------------------------------------- */

static bool voucher_shape(const char *v)
{
	static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
	if (strlen(v) != 10 || v[2] != '-' || v[6] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 2 && i != 6 && strchr(alphabet, v[i]) == NULL)
			return false;
	return true;
}

static void test_redemption_needs_stock_dates_and_points(void **state)
{
	struct fx *f = *state;
	struct snap before;
	struct werr e = {0};
	int64_t c = add_customer(f, "Navid", NULL, T0 - DAY);
	buy(f, c, 10000, 0, T0); /* 100 */

	struct reward_input tote = {.code = "tote", .name = "Tote bag", .points = 10,
				    .copay = 500, .stock = 2, .active_from = T0 + 10 * DAY,
				    .active_to = T0 + 20 * DAY};
	struct reward rw;
	must(engine_reward_add(f->st, &tote, &rw, &e), &e);
	assert_string_equal(rw.code, "TOTE"); /* kept in capitals */
	reward_clear(&rw);
	add_reward(f, "CAP", 5, STOCK_UNLIMITED, TIME_NONE, T0 + 20 * DAY);
	add_reward(f, "BIG", 76, STOCK_UNLIMITED, TIME_NONE, TIME_NONE);
	add_reward(f, "ALL", 75, STOCK_UNLIMITED, TIME_NONE, TIME_NONE);

	/* --from is inclusive: one second before it, refused */
	snap_take(f, &before);
	redeem_refused(f, c, "TOTE", T0 + 10 * DAY - 1);
	expect_unchanged(f, &before);

	struct redeem_result d1 = redeem(f, c, "tote", T0 + 10 * DAY);
	assert_int_equal(d1.points, 10);
	assert_int_equal(d1.copay, 500);
	assert_int_equal(d1.points_balance, 90); /* 100 - 10 */
	assert_true(voucher_shape(d1.voucher));
	struct redeem_result d2 = redeem(f, c, "TOTE", T0 + 11 * DAY);
	assert_int_equal(d2.points_balance, 80);
	assert_string_not_equal(d1.voucher, d2.voucher);

	/* Stock 2, both given: refused */
	snap_take(f, &before);
	redeem_refused(f, c, "TOTE", T0 + 12 * DAY);
	expect_unchanged(f, &before);

	/* --to is exclusive */
	assert_int_equal(redeem(f, c, "CAP", T0 + 20 * DAY - 1).points_balance, 75);
	redeem_refused(f, c, "CAP", T0 + 20 * DAY);

	/* Balance 75: a reward of 76 is refused, one of 75 fits exactly */
	redeem_refused(f, c, "BIG", T0 + 21 * DAY);
	assert_int_equal(redeem(f, c, "ALL", T0 + 21 * DAY).points_balance, 0);
	redeem_refused(f, c, "NOSUCH", T0 + 22 * DAY);

	/* The catalog refuses a code that exists and a cost below 1 */
	struct reward_input dup = {.code = "CAP", .name = "Cap", .points = 3,
				   .stock = STOCK_UNLIMITED, .active_from = TIME_NONE,
				   .active_to = TIME_NONE};
	refused(engine_reward_add(f->st, &dup, &rw, &e), &e);
	dup.code = "FREE";
	dup.points = 0;
	refused(engine_reward_add(f->st, &dup, &rw, &e), &e);

	struct ledger l = ledger_of(f, c);
	/* earn 100, redeem -10, -10, -5, -75 */
	assert_int_equal(l.n, 5);
	entry_is(&l, 1, T0 + 10 * DAY, LK_REDEEM, -10);
	entry_is(&l, 3, T0 + 20 * DAY - 1, LK_REDEEM, -5);
	free(l.v);
	check_clean(f);
}

/* ---- customers and surveys ------------------------------------------ */

static void test_duplicate_phone_is_refused(void **state)
{
	struct fx *f = *state;
	struct snap before;
	struct werr e = {0};
	int64_t a = add_customer(f, "Ali", "0912 345 6789", T0);
	struct customer k;
	load(f, a, &k);
	assert_string_equal(k.phone, "09123456789"); /* digits, national form */
	customer_clear(&k);

	/* The same number written in the international forms (country 98
	 * from IRT): +98 912... and 0098 912... are 0912... */
	const char *same[] = {"+98 912-345-6789", "00989123456789", "۰۹۱۲۳۴۵۶۷۸۹"};
	snap_take(f, &before);
	for (size_t i = 0; i < 3; i++) {
		struct customer_input in = CUSTOMER_INPUT_INIT;
		struct customer nc;
		enum customer_field field = CF_NONE;
		in.name = "Reza";
		in.phone = same[i];
		in.at = T0;
		refused(engine_customer_add(f->st, &in, &nc, &field, &e), &e);
		assert_int_equal(field, CF_PHONE);
	}
	expect_unchanged(f, &before);

	/* Another number is fine */
	add_customer(f, "Reza", "0912 345 6788", T0);

	/* Unique among active customers: once Ali is inactive, the number
	 * can be given to a new customer */
	must(engine_customer_set_active(f->st, a, false, &e), &e);
	int64_t b = add_customer(f, "Ali's son", "+98 912 345 6789", T0 + DAY);
	assert_true(b != a);
	check_clean(f);
}

static void test_surveys_categorise_answers_and_open_follow_ups(void **state)
{
	struct fx *f = *state;
	struct werr e = {0};
	int64_t c = add_customer(f, "Mina", NULL, T0);
	struct survey_input si = {.customer_id = c, .score = 9, .at = T0};
	struct survey_result sr;

	must(engine_survey_add(f->st, &si, &sr, &e), &e);
	assert_int_equal(sr.category, NPS_PROMOTER);
	assert_false(sr.follow_up);
	si.score = 7;
	must(engine_survey_add(f->st, &si, &sr, &e), &e);
	assert_int_equal(sr.category, NPS_PASSIVE);
	assert_false(sr.follow_up);
	si.score = 6;
	si.reason = "price";
	must(engine_survey_add(f->st, &si, &sr, &e), &e);
	assert_int_equal(sr.category, NPS_DETRACTOR);
	assert_true(sr.follow_up); /* a detractor answer opens a follow-up */

	si.score = 11;
	refused(engine_survey_add(f->st, &si, &sr, &e), &e);
	si.score = 5;
	si.csat = 6; /* satisfaction is 1-5 */
	refused(engine_survey_add(f->st, &si, &sr, &e), &e);
	si.csat = 0;
	si.reason = "weather";
	refused(engine_survey_add(f->st, &si, &sr, &e), &e);
	check_clean(f);
}

/* ---- the test's own instruments -------------------------------------- */

static void test_byte_comparison_sees_a_successful_write(void **state)
{
	struct fx *f = *state;
	struct snap a, b;
	int64_t c = add_customer(f, "Probe", NULL, T0);
	/* Opening and closing alone leaves the file as it was */
	snap_take(f, &a);
	snap_take(f, &b);
	assert_true(snap_equal(&a, &b));
	free(b.db);
	/* A purchase changes it: the comparison can fail */
	buy(f, c, 100, 0, T0);
	snap_take(f, &b);
	assert_false(snap_equal(&a, &b));
	free(a.db);
	free(b.db);
	check_clean(f);
}

static void test_check_reports_a_balance_that_disagrees_with_the_ledger(void **state)
{
	struct fx *f = *state;
	struct werr e = {0};
	int64_t c = add_customer(f, "Tampered", NULL, T0);
	buy(f, c, 1000, 0, T0); /* 10 points */
	check_clean(f);

	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	assert_int_equal(
		sqlite3_exec(db, "UPDATE customers SET balance = balance + 1", NULL, NULL, NULL),
		SQLITE_OK);
	sqlite3_close(db);

	struct check_report r;
	must(engine_check(f->st, &r, &e), &e);
	/* balance 11, the ledger sums to 10 */
	assert_int_equal(r.n, 1);
	assert_non_null(strstr(r.problems[0], "11"));
	assert_non_null(strstr(r.problems[0], "10"));
	check_report_free(&r);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_purchase_earns_floor_of_paid_over_earn_unit),
	    T(test_sale_crossing_into_silver_earns_at_the_old_multiplier),
	    T(test_spend_equal_to_min_spend_reaches_the_tier),
	    T(test_sale_leaving_the_window_drops_the_tier),
	    T(test_tier_set_creates_updates_and_replaces_by_min_spend),
	    T(test_points_pay_part_of_a_purchase),
	    T(test_full_return_undoes_the_sale_exactly),
	    T(test_partial_returns_add_up_to_the_sale),
	    T(test_reversal_below_zero_blocks_redemption_until_covered),
	    T(test_fifo_expiry_across_lots_with_redemptions_between),
	    T(test_lazy_expiry_is_dated_at_the_expiry_instant),
	    T(test_points_expire_exactly_expiry_days_after_earning),
	    T(test_restored_points_expire_a_year_after_the_return),
	    T(test_adjustments_expire_and_correct),
	    T(test_expiry_days_zero_means_points_never_expire),
	    T(test_lots_of_one_instant_expire_in_one_entry),
	    T(test_return_after_expiry_takes_the_balance_below_zero),
	    T(test_expire_run_covers_the_customers_that_existed_then),
	    T(test_out_of_order_events_are_refused),
	    T(test_refused_operation_does_not_move_the_watermark),
	    T(test_events_more_than_five_minutes_ahead_are_refused),
	    T(test_points_at_moves_the_watermark),
	    T(test_redemption_needs_stock_dates_and_points),
	    T(test_duplicate_phone_is_refused),
	    T(test_surveys_categorise_answers_and_open_follow_ups),
	    T(test_byte_comparison_sees_a_successful_write),
	    T(test_check_reports_a_balance_that_disagrees_with_the_ledger),
	};
	return cmocka_run_group_tests_name("engine", tests, NULL, NULL);
}
