/* test_tz.c -- instants, zones and wall-clock time.
 *
 * The instants below were worked out from the zone rules (and checked
 * with `TZ=... date -d @...` and `zdump -v`), not taken from the code. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "text/tz.h"

#define TEHRAN   "Asia/Tehran"
#define BERLIN   "Europe/Berlin"
#define NEW_YORK "America/New_York"

/* 2026-11-22 00:00 in Tehran (+03:30) = 2026-11-21T20:30:00Z */
#define T_1_AZAR_1405 INT64_C(1795293000)

static void test_tz_valid_knows_utc_and_zoneinfo_names(void **state)
{
	(void)state;
	assert_true(tz_valid("UTC"));
	assert_true(tz_valid(TEHRAN));
	assert_true(tz_valid("Asia/Riyadh"));
	assert_true(tz_valid("Africa/Cairo"));
	assert_true(tz_valid(BERLIN));
}

static void test_tz_valid_refuses_unknown_names_and_paths(void **state)
{
	(void)state;
	assert_false(tz_valid(NULL));
	assert_false(tz_valid(""));
	assert_false(tz_valid("Mars/Olympus_Mons"));
	assert_false(tz_valid("/etc/passwd"));
	assert_false(tz_valid("../../../etc/passwd"));
	assert_false(tz_valid("Asia/../Asia/Tehran"));
	assert_false(tz_valid("Asia"));     /* a directory */
	assert_false(tz_valid("zone.tab")); /* a table, not a zone */
}

static void test_tz_valid_looks_under_tzdir(void **state)
{
	(void)state;
	setenv("TZDIR", "/nonexistent/zoneinfo", 1);
	assert_false(tz_valid(TEHRAN));
	assert_true(tz_valid("UTC"));
	unsetenv("TZDIR");
	assert_true(tz_valid(TEHRAN));
}

static void test_tz_system_reads_tz_without_its_colon(void **state)
{
	char *saved = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	char *zone;
	(void)state;
	setenv("TZ", ":Asia/Tehran", 1);
	zone = tz_system();
	assert_string_equal(zone, TEHRAN);
	free(zone);
	setenv("TZ", BERLIN, 1);
	zone = tz_system();
	assert_string_equal(zone, BERLIN);
	free(zone);
	setenv("TZ", "/usr/share/zoneinfo/Asia/Riyadh", 1);
	zone = tz_system();
	assert_string_equal(zone, "Asia/Riyadh");
	free(zone);
	if (saved != NULL) {
		setenv("TZ", saved, 1);
		free(saved);
	} else {
		unsetenv("TZ");
	}
}

static void test_tz_system_always_names_a_valid_zone(void **state)
{
	char *saved = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	(void)state;
	setenv("TZ", "Nowhere/Atlantis", 1);
	char *zone = tz_system();
	assert_true(tz_valid(zone));
	free(zone);
	if (saved != NULL) {
		setenv("TZ", saved, 1);
		free(saved);
	} else {
		unsetenv("TZ");
	}
}

static void test_clock_now_honours_wafa_now(void **state)
{
	(void)state;
	setenv("WAFA_NOW", "1795293000", 1);
	assert_true(clock_now() == T_1_AZAR_1405);
	setenv("WAFA_NOW", "-86400", 1);
	assert_true(clock_now() == -86400);
	setenv("WAFA_NOW", "soon", 1);
	int64_t now = clock_now();
	assert_true(now >= (int64_t)time(NULL) - 5 && now <= (int64_t)time(NULL) + 5);
	unsetenv("WAFA_NOW");
	now = clock_now();
	assert_true(now >= (int64_t)time(NULL) - 5 && now <= (int64_t)time(NULL) + 5);
}

static void check_to_utc(const char *tz, int y, int mo, int d, int h, int mi, int s, int64_t want)
{
	struct civil c = {.year = y, .month = mo, .day = d, .hour = h, .min = mi, .sec = s};
	int64_t got = 0;
	assert_int_equal(tz_local_to_utc(tz, &c, &got), 0);
	assert_true(got == want);
}

static void test_tz_local_to_utc_in_tehran_without_dst(void **state)
{
	(void)state;
	check_to_utc(TEHRAN, 2026, 11, 22, 0, 0, 0, T_1_AZAR_1405);
	check_to_utc(TEHRAN, 2026, 11, 22, 10, 42, 0, T_1_AZAR_1405 + 10 * 3600 + 42 * 60);
	/* 2026-06-21 12:00, midsummer, is still +03:30 = 08:30Z */
	check_to_utc(TEHRAN, 2026, 6, 21, 12, 0, 0, INT64_C(1782030600));
	check_to_utc("UTC", 1970, 1, 1, 0, 0, 0, 0);
	check_to_utc("UTC", 2000, 2, 29, 12, 0, 0, INT64_C(951825600));
}

static void test_tz_local_to_utc_in_tehran_with_the_old_dst(void **state)
{
	(void)state;
	/* +03:30 on 2022-03-21, +04:30 from 2022-03-22 00:00 (-> 01:00) */
	check_to_utc(TEHRAN, 2022, 3, 21, 0, 0, 0, INT64_C(1647808200));
	check_to_utc(TEHRAN, 2022, 4, 21, 0, 0, 0, INT64_C(1650483000));
}

static void test_tz_skipped_wall_time_moves_forward_by_the_gap(void **state)
{
	(void)state;
	/* Tehran 2022-03-22 00:30 does not exist: 01:30 +04:30 = 21:00Z */
	check_to_utc(TEHRAN, 2022, 3, 22, 0, 30, 0, INT64_C(1647896400));
	/* its midnight neither: the day starts at 01:00 +04:30 = 20:30Z */
	check_to_utc(TEHRAN, 2022, 3, 22, 0, 0, 0, INT64_C(1647894600));
	/* New York 2024-03-10 02:30 -> 03:30 EDT = 07:30Z */
	check_to_utc(NEW_YORK, 2024, 3, 10, 2, 30, 0, INT64_C(1710055800));
	/* Berlin 2025-03-30 02:30 -> 03:30 CEST = 01:30Z */
	check_to_utc(BERLIN, 2025, 3, 30, 2, 30, 0, INT64_C(1743298200));
}

static void test_tz_ambiguous_wall_time_takes_the_earlier_instant(void **state)
{
	(void)state;
	/* Tehran 2022-09-21 23:30 happened at +04:30 (19:00Z) and +03:30 */
	check_to_utc(TEHRAN, 2022, 9, 21, 23, 30, 0, INT64_C(1663786800));
	/* New York 2024-11-03 01:30 EDT = 05:30Z (EST would be 06:30Z) */
	check_to_utc(NEW_YORK, 2024, 11, 3, 1, 30, 0, INT64_C(1730611800));
	/* Berlin 2025-10-26 02:30 CEST = 00:30Z */
	check_to_utc(BERLIN, 2025, 10, 26, 2, 30, 0, INT64_C(1761438600));
}

static void test_tz_refuses_an_unknown_zone(void **state)
{
	struct civil c = {.year = 2026, .month = 1, .day = 1};
	struct civil out;
	int64_t t = 7;
	(void)state;
	assert_int_equal(tz_local_to_utc("Mars/Olympus_Mons", &c, &t), -1);
	assert_true(t == 7);
	assert_int_equal(tz_utc_to_local("Mars/Olympus_Mons", 0, &out, NULL), -1);
	assert_int_equal(tz_local_to_utc(NULL, &c, &t), -1);
}

static void check_to_local(const char *tz, int64_t t, int y, int mo, int d, int h, int mi, int s,
                           int wday, int offset)
{
	struct civil c;
	int off = -1;
	assert_int_equal(tz_utc_to_local(tz, t, &c, &off), 0);
	assert_int_equal(c.year, y);
	assert_int_equal(c.month, mo);
	assert_int_equal(c.day, d);
	assert_int_equal(c.hour, h);
	assert_int_equal(c.min, mi);
	assert_int_equal(c.sec, s);
	assert_int_equal(c.wday, wday);
	assert_int_equal(off, offset);
}

static void test_tz_utc_to_local_gives_wall_time_weekday_and_offset(void **state)
{
	(void)state;
	/* 2026-11-22 is a Sunday */
	check_to_local(TEHRAN, T_1_AZAR_1405, 2026, 11, 22, 0, 0, 0, 0, 12600);
	check_to_local(TEHRAN, INT64_C(1650483000), 2022, 4, 21, 0, 0, 0, 4, 16200);
	check_to_local(NEW_YORK, INT64_C(1720108800), 2024, 7, 4, 12, 0, 0, 4, -14400);
	check_to_local("UTC", 0, 1970, 1, 1, 0, 0, 0, 4, 0);
	/* a negative instant */
	check_to_local("UTC", -1, 1969, 12, 31, 23, 59, 59, 3, 0);
}

static void test_tz_alternating_zones_do_not_leak_into_each_other(void **state)
{
	(void)state;
	for (int i = 0; i < 3; i++) {
		check_to_local(TEHRAN, T_1_AZAR_1405, 2026, 11, 22, 0, 0, 0, 0, 12600);
		check_to_local(BERLIN, T_1_AZAR_1405, 2026, 11, 21, 21, 30, 0, 6, 3600);
		check_to_utc(NEW_YORK, 2024, 7, 4, 12, 0, 0, INT64_C(1720108800));
		check_to_utc(TEHRAN, 2026, 11, 22, 0, 0, 0, T_1_AZAR_1405);
	}
}

static void check_rfc3339(const char *tz, int64_t t, const char *want)
{
	char buf[32];
	tz_format_rfc3339(tz, t, buf);
	assert_string_equal(buf, want);
}

static void test_tz_rfc3339_carries_the_zone_offset(void **state)
{
	(void)state;
	check_rfc3339(TEHRAN, T_1_AZAR_1405, "2026-11-22T00:00:00+03:30");
	check_rfc3339(TEHRAN, INT64_C(1650483000), "2022-04-21T00:00:00+04:30");
	check_rfc3339(NEW_YORK, INT64_C(1720108800), "2024-07-04T12:00:00-04:00");
	check_rfc3339("America/St_Johns", INT64_C(1705332600), "2024-01-15T12:00:00-03:30");
	check_rfc3339("Asia/Kathmandu", INT64_C(1748758500), "2025-06-01T12:00:00+05:45");
	check_rfc3339("UTC", 0, "1970-01-01T00:00:00+00:00");
	check_rfc3339("Asia/Riyadh", T_1_AZAR_1405 + 59, "2026-11-21T23:30:59+03:00");
}

static void test_tz_rfc3339_of_an_unknown_zone_is_utc(void **state)
{
	(void)state;
	check_rfc3339("Mars/Olympus_Mons", T_1_AZAR_1405, "2026-11-21T20:30:00+00:00");
}

static void test_civil_date_valid_knows_leap_years(void **state)
{
	(void)state;
	assert_true(civil_date_valid(2024, 2, 29));
	assert_false(civil_date_valid(2025, 2, 29));
	assert_true(civil_date_valid(2000, 2, 29));
	assert_false(civil_date_valid(1900, 2, 29));
	assert_true(civil_date_valid(2025, 12, 31));
	assert_false(civil_date_valid(2025, 4, 31));
	assert_false(civil_date_valid(2025, 2, 30));
}

static void test_civil_date_valid_refuses_out_of_range_fields(void **state)
{
	(void)state;
	assert_true(civil_date_valid(1, 1, 1));
	assert_true(civil_date_valid(9999, 12, 31));
	assert_false(civil_date_valid(0, 1, 1));
	assert_false(civil_date_valid(10000, 1, 1));
	assert_false(civil_date_valid(2025, 13, 1));
	assert_false(civil_date_valid(2025, 0, 10));
	assert_false(civil_date_valid(2025, 1, 0));
	assert_false(civil_date_valid(2025, 1, 32));
}

static void check_date(const char *text, enum time_error want, int y, int m, int d)
{
	int gy = 0, gm = 0, gd = 0;
	assert_int_equal(date_parse(text, &gy, &gm, &gd), want);
	if (want == TIME_OK) {
		assert_int_equal(gy, y);
		assert_int_equal(gm, m);
		assert_int_equal(gd, d);
	}
}

static void test_date_parse_reads_iso_dates_in_any_script(void **state)
{
	(void)state;
	check_date("2025-03-21", TIME_OK, 2025, 3, 21);
	check_date("۲۰۲۵-۰۳-۲۱", TIME_OK, 2025, 3, 21);
	check_date("٢٠٢٥-٠٣-٢١", TIME_OK, 2025, 3, 21);
	check_date(" 2024-02-29 ", TIME_OK, 2024, 2, 29);
}

static void test_date_parse_refuses_other_shapes(void **state)
{
	(void)state;
	check_date("2025-3-21", TIME_SYNTAX, 0, 0, 0);
	check_date("25-03-21", TIME_SYNTAX, 0, 0, 0);
	check_date("02025-03-21", TIME_SYNTAX, 0, 0, 0);
	check_date("2025/03/21", TIME_SYNTAX, 0, 0, 0);
	check_date("2025-03-21 10:00", TIME_SYNTAX, 0, 0, 0);
	check_date("", TIME_SYNTAX, 0, 0, 0);
	check_date("tomorrow", TIME_SYNTAX, 0, 0, 0);
}

static void test_date_parse_refuses_impossible_dates(void **state)
{
	(void)state;
	check_date("2025-02-30", TIME_IMPOSSIBLE, 0, 0, 0);
	check_date("2025-02-29", TIME_IMPOSSIBLE, 0, 0, 0);
	check_date("2025-04-31", TIME_IMPOSSIBLE, 0, 0, 0);
	check_date("2025-13-01", TIME_IMPOSSIBLE, 0, 0, 0);
	check_date("0000-01-01", TIME_IMPOSSIBLE, 0, 0, 0);
}

static void check_time(const char *text, const char *tz, enum time_error want, int64_t t)
{
	int64_t got = 0;
	assert_int_equal(time_parse_local(text, tz, &got), want);
	if (want == TIME_OK)
		assert_true(got == t);
}

static void test_time_parse_local_reads_the_three_forms(void **state)
{
	(void)state;
	check_time("2026-11-22", TEHRAN, TIME_OK, T_1_AZAR_1405);
	check_time("2026-11-22 00:00", TEHRAN, TIME_OK, T_1_AZAR_1405);
	check_time("2026-11-22 10:42", TEHRAN, TIME_OK, T_1_AZAR_1405 + 38520);
	check_time("2026-11-22T10:42", TEHRAN, TIME_OK, T_1_AZAR_1405 + 38520);
	check_time("2026-11-22 10:42:30", TEHRAN, TIME_OK, T_1_AZAR_1405 + 38550);
	check_time("2026-11-22 23:59:59", TEHRAN, TIME_OK, T_1_AZAR_1405 + 86399);
}

static void test_time_parse_local_reads_persian_and_arabic_digits(void **state)
{
	(void)state;
	check_time("۲۰۲۶-۱۱-۲۲ ۱۰:۴۲", TEHRAN, TIME_OK, T_1_AZAR_1405 + 38520);
	check_time("٢٠٢٦-١١-٢٢ ١٠:٤٢:٣٠", TEHRAN, TIME_OK, T_1_AZAR_1405 + 38550);
}

static void test_time_parse_local_refuses_other_shapes(void **state)
{
	(void)state;
	check_time("2026-11-22 1:42", TEHRAN, TIME_SYNTAX, 0);
	check_time("2026-11-22  10:42", TEHRAN, TIME_SYNTAX, 0);
	check_time("2026-11-22 10", TEHRAN, TIME_SYNTAX, 0);
	check_time("2026-11-22 10:42:", TEHRAN, TIME_SYNTAX, 0);
	check_time("2026-11-22 10:42:30.5", TEHRAN, TIME_SYNTAX, 0);
	check_time("2026-11-22X10:42", TEHRAN, TIME_SYNTAX, 0);
	check_time("22/11/2026", TEHRAN, TIME_SYNTAX, 0);
}

static void test_time_parse_local_refuses_impossible_times(void **state)
{
	(void)state;
	check_time("2025-02-30", TEHRAN, TIME_IMPOSSIBLE, 0);
	check_time("2026-11-22 24:00", TEHRAN, TIME_IMPOSSIBLE, 0);
	check_time("2026-11-22 10:61", TEHRAN, TIME_IMPOSSIBLE, 0);
	check_time("2026-11-22 10:42:60", TEHRAN, TIME_IMPOSSIBLE, 0);
	check_time("2026-11-22 10:42", "Mars/Olympus_Mons", TIME_IMPOSSIBLE, 0);
}

static void test_time_parse_local_accepts_leap_day_and_gap_times(void **state)
{
	(void)state;
	/* 2024-02-29 00:00 in Tehran (+03:30) = 2024-02-28T20:30:00Z */
	check_time("2024-02-29", TEHRAN, TIME_OK, INT64_C(1709152200));
	check_time("2022-03-22 00:30", TEHRAN, TIME_OK, INT64_C(1647896400));
}

static void test_time_explains_each_refusal(void **state)
{
	(void)state;
	assert_true(strlen(time_strerror(TIME_SYNTAX)) > 0);
	assert_true(strlen(time_strerror(TIME_IMPOSSIBLE)) > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_tz_valid_knows_utc_and_zoneinfo_names),
	    cmocka_unit_test(test_tz_valid_refuses_unknown_names_and_paths),
	    cmocka_unit_test(test_tz_valid_looks_under_tzdir),
	    cmocka_unit_test(test_tz_system_reads_tz_without_its_colon),
	    cmocka_unit_test(test_tz_system_always_names_a_valid_zone),
	    cmocka_unit_test(test_clock_now_honours_wafa_now),
	    cmocka_unit_test(test_tz_local_to_utc_in_tehran_without_dst),
	    cmocka_unit_test(test_tz_local_to_utc_in_tehran_with_the_old_dst),
	    cmocka_unit_test(test_tz_skipped_wall_time_moves_forward_by_the_gap),
	    cmocka_unit_test(test_tz_ambiguous_wall_time_takes_the_earlier_instant),
	    cmocka_unit_test(test_tz_refuses_an_unknown_zone),
	    cmocka_unit_test(test_tz_utc_to_local_gives_wall_time_weekday_and_offset),
	    cmocka_unit_test(test_tz_alternating_zones_do_not_leak_into_each_other),
	    cmocka_unit_test(test_tz_rfc3339_carries_the_zone_offset),
	    cmocka_unit_test(test_tz_rfc3339_of_an_unknown_zone_is_utc),
	    cmocka_unit_test(test_civil_date_valid_knows_leap_years),
	    cmocka_unit_test(test_civil_date_valid_refuses_out_of_range_fields),
	    cmocka_unit_test(test_date_parse_reads_iso_dates_in_any_script),
	    cmocka_unit_test(test_date_parse_refuses_other_shapes),
	    cmocka_unit_test(test_date_parse_refuses_impossible_dates),
	    cmocka_unit_test(test_time_parse_local_reads_the_three_forms),
	    cmocka_unit_test(test_time_parse_local_reads_persian_and_arabic_digits),
	    cmocka_unit_test(test_time_parse_local_refuses_other_shapes),
	    cmocka_unit_test(test_time_parse_local_refuses_impossible_times),
	    cmocka_unit_test(test_time_parse_local_accepts_leap_day_and_gap_times),
	    cmocka_unit_test(test_time_explains_each_refusal),
	};
	return cmocka_run_group_tests_name("tz", tests, NULL, NULL);
}
