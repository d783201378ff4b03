/* test_calendar.c -- Jalali, Umm al-Qura and Gregorian months.
 *
 * The calendar facts are published ones: 1 Farvardin 1403 = 2024-03-20,
 * 1404 = 2025-03-21, 1405 = 2026-03-21 (the equinox of 2026-03-20 falls at
 * 18:16 Tehran time, after noon); Farvardin to Shahrivar have 31 days,
 * Mehr to Bahman 30, Esfand 29 or 30 (so 1 Aban 1405 = 2026-10-23 and 1
 * Azar 1405 = 2026-11-22); Umm al-Qura 1 Ramadan 1447 = 2026-02-18, 1
 * Shawwal 1447 = 2026-03-20, 1 Muharram 1448 = 2026-06-16.  The instants
 * are local midnights converted by hand with the zones' offsets (Tehran
 * +03:30 all year since 2022, +04:30 in its summers before; Riyadh
 * +03:00) and checked with `TZ=... date -d`. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text/calendar.h"

#define TEHRAN "Asia/Tehran"
#define RIYADH "Asia/Riyadh"

#define DAY 86400

/* local midnights, as UTC seconds */
#define T_1_ESFAND_1403      INT64_C(1739910600) /* 2025-02-18T20:30:00Z */
#define T_1_FARVARDIN_1404   INT64_C(1742502600) /* 2025-03-20T20:30:00Z */
#define T_1_FARVARDIN_1401   INT64_C(1647808200) /* 2022-03-20T20:30:00Z, +03:30 */
#define T_1_ORDIBEHESHT_1401 INT64_C(1650483000) /* 2022-04-20T19:30:00Z, +04:30 */
#define T_1_ABAN_1405        INT64_C(1792701000) /* 2026-10-22T20:30:00Z */
#define T_1_AZAR_1405        INT64_C(1795293000) /* 2026-11-21T20:30:00Z */
#define T_1_RAMADAN_1447     INT64_C(1771362000) /* 2026-02-17T21:00:00Z */
#define T_1_SHAWWAL_1447     INT64_C(1773954000) /* 2026-03-19T21:00:00Z */
#define T_1_MUHARRAM_1448    INT64_C(1781557200) /* 2026-06-15T21:00:00Z */

static void check_to_greg(enum cal_kind kind, int y, int m, int d, int gy, int gm, int gd)
{
	int a = 0, b = 0, c = 0;
	assert_int_equal(cal_to_gregorian(kind, y, m, d, &a, &b, &c), 0);
	assert_int_equal(a, gy);
	assert_int_equal(b, gm);
	assert_int_equal(c, gd);
}

static void check_from_greg(enum cal_kind kind, int gy, int gm, int gd, int y, int m, int d)
{
	int a = 0, b = 0, c = 0;
	assert_int_equal(cal_from_gregorian(kind, gy, gm, gd, &a, &b, &c), 0);
	assert_int_equal(a, y);
	assert_int_equal(b, m);
	assert_int_equal(c, d);
}

static void test_calendar_names_round_trip(void **state)
{
	enum cal_kind k;
	(void)state;
	assert_int_equal(cal_from_name("gregorian", &k), 0);
	assert_int_equal(k, CAL_GREGORIAN);
	assert_int_equal(cal_from_name("persian", &k), 0);
	assert_int_equal(k, CAL_PERSIAN);
	assert_int_equal(cal_from_name("islamic-umalqura", &k), 0);
	assert_int_equal(k, CAL_ISLAMIC_UMALQURA);
	assert_int_equal(cal_from_name("julian", &k), -1);
	assert_int_equal(cal_from_name("", &k), -1);
	assert_string_equal(cal_name(CAL_PERSIAN), "persian");
	assert_string_equal(cal_name(CAL_ISLAMIC_UMALQURA), "islamic-umalqura");
	assert_string_equal(cal_name(CAL_GREGORIAN), "gregorian");
}

static void test_calendar_nowruz_falls_on_the_published_days(void **state)
{
	(void)state;
	check_to_greg(CAL_PERSIAN, 1401, 1, 1, 2022, 3, 21);
	check_to_greg(CAL_PERSIAN, 1403, 1, 1, 2024, 3, 20);
	check_to_greg(CAL_PERSIAN, 1404, 1, 1, 2025, 3, 21);
	check_to_greg(CAL_PERSIAN, 1405, 1, 1, 2026, 3, 21);
}

static void test_calendar_persian_months_have_31_then_30_days(void **state)
{
	(void)state;
	check_to_greg(CAL_PERSIAN, 1401, 2, 1, 2022, 4, 21);
	check_to_greg(CAL_PERSIAN, 1405, 8, 1, 2026, 10, 23); /* 1 Aban */
	check_to_greg(CAL_PERSIAN, 1405, 9, 1, 2026, 11, 22); /* 1 Azar */
	check_to_greg(CAL_PERSIAN, 1405, 6, 31, 2026, 9, 22);
	int y, m, d;
	assert_int_equal(cal_to_gregorian(CAL_PERSIAN, 1405, 7, 31, &y, &m, &d), -1);
}

static void test_calendar_esfand_1403_has_30_days_and_1404_has_29(void **state)
{
	int y, m, d;
	(void)state;
	check_to_greg(CAL_PERSIAN, 1403, 12, 1, 2025, 2, 19);
	check_to_greg(CAL_PERSIAN, 1403, 12, 30, 2025, 3, 20);
	check_from_greg(CAL_PERSIAN, 2025, 3, 20, 1403, 12, 30);
	check_from_greg(CAL_PERSIAN, 2025, 3, 21, 1404, 1, 1);
	/* 1404 runs from 2025-03-21 to 2026-03-20: 365 days, so 29 Esfand */
	check_to_greg(CAL_PERSIAN, 1404, 12, 29, 2026, 3, 20);
	assert_int_equal(cal_to_gregorian(CAL_PERSIAN, 1404, 12, 30, &y, &m, &d), -1);
}

static void test_calendar_umm_al_qura_months_start_on_the_published_days(void **state)
{
	(void)state;
	check_to_greg(CAL_ISLAMIC_UMALQURA, 1447, 9, 1, 2026, 2, 18);
	check_to_greg(CAL_ISLAMIC_UMALQURA, 1447, 10, 1, 2026, 3, 20);
	check_to_greg(CAL_ISLAMIC_UMALQURA, 1448, 1, 1, 2026, 6, 16);
	/* Ramadan 1447 has 30 days: 2026-02-18 .. 2026-03-19 */
	check_to_greg(CAL_ISLAMIC_UMALQURA, 1447, 9, 30, 2026, 3, 19);
	check_from_greg(CAL_ISLAMIC_UMALQURA, 2026, 3, 19, 1447, 9, 30);
	check_from_greg(CAL_ISLAMIC_UMALQURA, 2026, 3, 20, 1447, 10, 1);
}

static void test_calendar_gregorian_is_the_identity(void **state)
{
	int y, m, d;
	(void)state;
	check_to_greg(CAL_GREGORIAN, 2024, 2, 29, 2024, 2, 29);
	check_from_greg(CAL_GREGORIAN, 2026, 11, 22, 2026, 11, 22);
	check_to_greg(CAL_GREGORIAN, 1500, 3, 1, 1500, 3, 1); /* proleptic */
	assert_int_equal(cal_to_gregorian(CAL_GREGORIAN, 2025, 2, 29, &y, &m, &d), -1);
}

static void test_calendar_refuses_dates_that_do_not_exist(void **state)
{
	int y, m, d;
	(void)state;
	assert_int_equal(cal_to_gregorian(CAL_PERSIAN, 1405, 13, 1, &y, &m, &d), -1);
	assert_int_equal(cal_to_gregorian(CAL_PERSIAN, 1405, 0, 1, &y, &m, &d), -1);
	assert_int_equal(cal_to_gregorian(CAL_PERSIAN, 1405, 1, 32, &y, &m, &d), -1);
	assert_int_equal(cal_to_gregorian(CAL_PERSIAN, 1405, 1, 0, &y, &m, &d), -1);
	assert_int_equal(cal_to_gregorian(CAL_ISLAMIC_UMALQURA, 1447, 9, 31, &y, &m, &d), -1);
	assert_int_equal(cal_from_gregorian(CAL_PERSIAN, 2025, 2, 30, &y, &m, &d), -1);
	assert_int_equal(cal_from_gregorian(CAL_PERSIAN, 0, 1, 1, &y, &m, &d), -1);
}

static void check_month_parse(const char *text, int rc, int y, int m)
{
	int a = 0, b = 0;
	assert_int_equal(month_parse(text, &a, &b), rc);
	if (rc == 0) {
		assert_int_equal(a, y);
		assert_int_equal(b, m);
	}
}

static void test_month_parse_reads_year_and_month_in_any_script(void **state)
{
	(void)state;
	check_month_parse("1405-08", 0, 1405, 8);
	check_month_parse("1405-8", 0, 1405, 8);
	check_month_parse("۱۴۰۵-۰۸", 0, 1405, 8);
	check_month_parse("١٤٤٧-٩", 0, 1447, 9);
	check_month_parse("2026-12", 0, 2026, 12);
}

static void test_month_parse_refuses_other_text(void **state)
{
	(void)state;
	check_month_parse("1405-13", -1, 0, 0);
	check_month_parse("1405-00", -1, 0, 0);
	check_month_parse("405-08", -1, 0, 0);
	check_month_parse("1405-008", -1, 0, 0);
	check_month_parse("1405/08", -1, 0, 0);
	check_month_parse("1405-08-01", -1, 0, 0);
	check_month_parse("1405", -1, 0, 0);
	check_month_parse("1405-", -1, 0, 0);
	check_month_parse("", -1, 0, 0);
	check_month_parse("Aban 1405", -1, 0, 0);
}

static void check_step(int y, int m, int delta, int wy, int wm)
{
	month_step(&y, &m, delta);
	assert_int_equal(y, wy);
	assert_int_equal(m, wm);
}

static void test_month_step_crosses_years_both_ways(void **state)
{
	(void)state;
	check_step(1405, 12, 1, 1406, 1);
	check_step(1405, 1, -1, 1404, 12);
	check_step(1405, 8, 0, 1405, 8);
	check_step(1405, 8, 25, 1407, 9);
	check_step(1405, 3, -27, 1402, 12);
	check_step(1405, 12, -12, 1404, 12);
}

static void check_range(enum cal_kind kind, const char *tz, int y, int m, int64_t start,
                        int64_t end)
{
	int64_t s = 0, e = 0;
	assert_int_equal(month_range(kind, tz, y, m, &s, &e), 0);
	assert_true(s == start);
	assert_true(e == end);
}

static void test_month_range_aban_1405_in_tehran(void **state)
{
	(void)state;
	/* [2026-10-22T20:30:00Z, 2026-11-21T20:30:00Z) */
	check_range(CAL_PERSIAN, TEHRAN, 1405, 8, T_1_ABAN_1405, T_1_AZAR_1405);
	assert_true(T_1_AZAR_1405 - T_1_ABAN_1405 == 30 * DAY); /* no DST since 2022 */
}

static void test_month_range_esfand_1403_ends_where_farvardin_1404_starts(void **state)
{
	int64_t s, e;
	(void)state;
	check_range(CAL_PERSIAN, TEHRAN, 1403, 12, T_1_ESFAND_1403, T_1_FARVARDIN_1404);
	assert_true(T_1_FARVARDIN_1404 - T_1_ESFAND_1403 == 30 * DAY);
	assert_int_equal(month_range(CAL_PERSIAN, TEHRAN, 1404, 1, &s, &e), 0);
	assert_true(s == T_1_FARVARDIN_1404);
}

static void test_month_range_follows_tehrans_old_summer_time(void **state)
{
	(void)state;
	/* Farvardin 1401 starts at +03:30 and ends at +04:30: one hour short */
	check_range(CAL_PERSIAN, TEHRAN, 1401, 1, T_1_FARVARDIN_1401, T_1_ORDIBEHESHT_1401);
	assert_true(T_1_ORDIBEHESHT_1401 - T_1_FARVARDIN_1401 == 31 * DAY - 3600);
}

static void test_month_range_ramadan_1447_in_riyadh(void **state)
{
	int64_t s, e;
	(void)state;
	check_range(CAL_ISLAMIC_UMALQURA, RIYADH, 1447, 9, T_1_RAMADAN_1447, T_1_SHAWWAL_1447);
	assert_int_equal(month_range(CAL_ISLAMIC_UMALQURA, RIYADH, 1448, 1, &s, &e), 0);
	assert_true(s == T_1_MUHARRAM_1448);
	assert_int_equal(month_range(CAL_ISLAMIC_UMALQURA, RIYADH, 1447, 12, &s, &e), 0);
	assert_true(e == T_1_MUHARRAM_1448);
}

static void test_month_range_starts_at_local_midnight_across_dst(void **state)
{
	(void)state;
	/* Berlin March 2025: 00:00 CET = 23:00Z to 00:00 CEST = 22:00Z */
	check_range(CAL_GREGORIAN, "Europe/Berlin", 2025, 3, INT64_C(1740783600),
	            INT64_C(1743458400));
	/* New York November 2024: 00:00 EDT = 04:00Z to 00:00 EST = 05:00Z */
	check_range(CAL_GREGORIAN, "America/New_York", 2024, 11, INT64_C(1730433600),
	            INT64_C(1733029200));
}

static void test_month_range_knows_leap_februaries(void **state)
{
	int64_t s, e;
	(void)state;
	check_range(CAL_GREGORIAN, "UTC", 2024, 2, INT64_C(1706745600), INT64_C(1709251200));
	assert_int_equal(month_range(CAL_GREGORIAN, "UTC", 2025, 2, &s, &e), 0);
	assert_true(e - s == 28 * DAY);
}

static void test_month_range_refuses_bad_months_and_zones(void **state)
{
	int64_t s = 1, e = 2;
	(void)state;
	assert_int_equal(month_range(CAL_PERSIAN, TEHRAN, 1405, 13, &s, &e), -1);
	assert_int_equal(month_range(CAL_PERSIAN, TEHRAN, 1405, 0, &s, &e), -1);
	assert_int_equal(month_range(CAL_PERSIAN, "Mars/Olympus_Mons", 1405, 8, &s, &e), -1);
	assert_true(s == 1 && e == 2);
}

static void check_month_of(enum cal_kind kind, const char *tz, int64_t t, int y, int m)
{
	int a = 0, b = 0;
	assert_int_equal(month_of(kind, tz, t, &a, &b), 0);
	assert_int_equal(a, y);
	assert_int_equal(b, m);
}

static void test_month_of_is_the_inverse_at_the_boundaries(void **state)
{
	(void)state;
	check_month_of(CAL_PERSIAN, TEHRAN, T_1_AZAR_1405, 1405, 9);
	check_month_of(CAL_PERSIAN, TEHRAN, T_1_AZAR_1405 - 1, 1405, 8);
	check_month_of(CAL_PERSIAN, TEHRAN, T_1_ABAN_1405, 1405, 8);
	check_month_of(CAL_PERSIAN, TEHRAN, T_1_ABAN_1405 - 1, 1405, 7);
	check_month_of(CAL_PERSIAN, TEHRAN, T_1_FARVARDIN_1404, 1404, 1);
	check_month_of(CAL_PERSIAN, TEHRAN, T_1_FARVARDIN_1404 - 1, 1403, 12);
	check_month_of(CAL_ISLAMIC_UMALQURA, RIYADH, T_1_RAMADAN_1447, 1447, 9);
	check_month_of(CAL_ISLAMIC_UMALQURA, RIYADH, T_1_RAMADAN_1447 - 1, 1447, 8);
	check_month_of(CAL_GREGORIAN, "Europe/Berlin", INT64_C(1740783600), 2025, 3);
	check_month_of(CAL_GREGORIAN, "Europe/Berlin", INT64_C(1740783600) - 1, 2025, 2);
	/* The same instant is still Aban in UTC: the zone decides. */
	check_month_of(CAL_PERSIAN, "UTC", T_1_AZAR_1405, 1405, 8);
}

static void test_month_ranges_tile_the_years(void **state)
{
	static const enum cal_kind kinds[] = {CAL_PERSIAN, CAL_ISLAMIC_UMALQURA, CAL_GREGORIAN};
	static const int first_year[] = {1399, 1444, 2020};
	static const char *const zones[] = {TEHRAN, RIYADH, "Europe/Berlin"};
	(void)state;
	for (size_t k = 0; k < 3; k++) {
		int y = first_year[k], m = 1;
		int64_t prev_end = 0;
		for (int i = 0; i < 12 * 8; i++) {
			int64_t s, e;
			assert_int_equal(month_range(kinds[k], zones[k], y, m, &s, &e), 0);
			if (i > 0)
				assert_true(s == prev_end);
			assert_true(e - s >= 28 * DAY - 3600 && e - s <= 31 * DAY + 3600);
			check_month_of(kinds[k], zones[k], s, y, m);
			check_month_of(kinds[k], zones[k], e - 1, y, m);
			prev_end = e;
			month_step(&y, &m, 1);
		}
	}
}

static void check_format(enum cal_kind kind, const char *tz, const char *lang,
                         enum digit_script digits, int64_t t, enum date_style style,
                         const char *want)
{
	char *got = cal_format(kind, tz, lang, digits, t, style);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* For the styles whose word order is the language's own (ICU's pattern
 * for the locale), check the parts. */
static void check_format_has(enum cal_kind kind, const char *tz, const char *lang,
                             enum digit_script digits, int64_t t, enum date_style style,
                             const char *const *parts, size_t n)
{
	char *got = cal_format(kind, tz, lang, digits, t, style);
	assert_non_null(got);
	for (size_t i = 0; i < n; i++) {
		if (strstr(got, parts[i]) == NULL)
			fail_msg("\"%s\" does not hold \"%s\"", got, parts[i]);
	}
	free(got);
}

static void test_cal_format_numeric_dates_in_each_calendar_and_script(void **state)
{
	(void)state;
	check_format(CAL_PERSIAN, TEHRAN, "en", DIGITS_LATIN, T_1_AZAR_1405, DATE_NUMERIC,
	             "1405-09-01");
	check_format(CAL_PERSIAN, TEHRAN, "fa", DIGITS_PERSIAN, T_1_AZAR_1405, DATE_NUMERIC,
	             "۱۴۰۵-۰۹-۰۱");
	check_format(CAL_ISLAMIC_UMALQURA, RIYADH, "ar", DIGITS_ARABIC, T_1_RAMADAN_1447,
	             DATE_NUMERIC, "١٤٤٧-٠٩-٠١");
	check_format(CAL_GREGORIAN, TEHRAN, "en", DIGITS_LATIN, T_1_AZAR_1405, DATE_NUMERIC,
	             "2026-11-22");
}

static void test_cal_format_uses_the_local_date_of_the_zone(void **state)
{
	(void)state;
	/* one second earlier it is still 30 Aban in Tehran */
	check_format(CAL_PERSIAN, TEHRAN, "en", DIGITS_LATIN, T_1_AZAR_1405 - 1, DATE_NUMERIC,
	             "1405-08-30");
	/* and at that instant it is 20:30 on 30 Aban in UTC */
	check_format(CAL_PERSIAN, "UTC", "en", DIGITS_LATIN, T_1_AZAR_1405, DATE_NUMERIC,
	             "1405-08-30");
	check_format(CAL_PERSIAN, "UTC", "en", DIGITS_LATIN, T_1_AZAR_1405, DATE_TIME, "20:30");
}

static void test_cal_format_month_names_and_times(void **state)
{
	(void)state;
	check_format(CAL_PERSIAN, TEHRAN, "en", DIGITS_LATIN, T_1_AZAR_1405, DATE_MONTH, "Azar");
	check_format(CAL_PERSIAN, TEHRAN, "fa", DIGITS_PERSIAN, T_1_AZAR_1405, DATE_MONTH, "آذر");
	check_format(CAL_PERSIAN, TEHRAN, "en", DIGITS_LATIN, T_1_ABAN_1405, DATE_MONTH, "Aban");
	check_format(CAL_ISLAMIC_UMALQURA, RIYADH, "ar", DIGITS_ARABIC, T_1_RAMADAN_1447,
	             DATE_MONTH, "رمضان");
	check_format(CAL_PERSIAN, TEHRAN, "en", DIGITS_LATIN, T_1_AZAR_1405 + 10 * 3600 + 42 * 60,
	             DATE_TIME, "10:42");
	check_format(CAL_PERSIAN, TEHRAN, "fa", DIGITS_PERSIAN, T_1_AZAR_1405 + 10 * 3600 + 42 * 60,
	             DATE_TIME, "۱۰:۴۲");
}

static void test_cal_format_full_dates_hold_day_month_and_year(void **state)
{
	(void)state;
	check_format_has(CAL_PERSIAN, TEHRAN, "en", DIGITS_LATIN, T_1_AZAR_1405, DATE_DAY,
	                 (const char *const[]){"Azar", "1405", "1"}, 3);
	check_format_has(CAL_PERSIAN, TEHRAN, "en", DIGITS_LATIN, T_1_AZAR_1405, DATE_WEEKDAY,
	                 (const char *const[]){"Sun", "Azar", "1405"}, 3);
	check_format_has(CAL_PERSIAN, TEHRAN, "fa", DIGITS_PERSIAN, T_1_AZAR_1405, DATE_DAY,
	                 (const char *const[]){"۱", "آذر", "۱۴۰۵"}, 3);
	check_format_has(CAL_PERSIAN, TEHRAN, "fa", DIGITS_PERSIAN, T_1_AZAR_1405, DATE_WEEKDAY,
	                 (const char *const[]){"یکشنبه", "آذر"}, 2);
	check_format_has(CAL_PERSIAN, TEHRAN, "en", DIGITS_LATIN, T_1_ABAN_1405, DATE_MONTH_YEAR,
	                 (const char *const[]){"Aban", "1405"}, 2);
	check_format_has(CAL_PERSIAN, TEHRAN, "en", DIGITS_LATIN, T_1_ABAN_1405, DATE_DAY_MONTH,
	                 (const char *const[]){"Aban", "1"}, 2);
	check_format_has(CAL_ISLAMIC_UMALQURA, RIYADH, "ar", DIGITS_ARABIC, T_1_RAMADAN_1447,
	                 DATE_MONTH_YEAR, (const char *const[]){"رمضان", "١٤٤٧"}, 2);
	check_format_has(CAL_GREGORIAN, RIYADH, "ar", DIGITS_ARABIC, T_1_RAMADAN_1447, DATE_DAY,
	                 (const char *const[]){"١٨", "فبراير", "٢٠٢٦"}, 3);
	check_format_has(CAL_PERSIAN, TEHRAN, "en", DIGITS_LATIN,
	                 T_1_AZAR_1405 + 10 * 3600 + 42 * 60, DATE_DAY_TIME,
	                 (const char *const[]){"Azar", "1405", "10:42"}, 3);
}

static void test_cal_format_refuses_an_unknown_zone(void **state)
{
	(void)state;
	assert_null(cal_format(CAL_PERSIAN, "Mars/Olympus_Mons", "en", DIGITS_LATIN, T_1_AZAR_1405,
	                       DATE_NUMERIC));
}

static void check_month_name(enum cal_kind kind, const char *lang, int month, const char *want)
{
	char *got = cal_month_name(kind, lang, month);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_cal_month_name_persian_months_in_english_and_persian(void **state)
{
	static const char *const en[] = {
	    "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
	    "Mehr",      "Aban",        "Azar",    "Dey", "Bahman", "Esfand",
	};
	static const char *const fa[] = {
	    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
	    "مهر",     "آبان",     "آذر",   "دی",  "بهمن",  "اسفند",
	};
	(void)state;
	for (int m = 1; m <= 12; m++) {
		check_month_name(CAL_PERSIAN, "en", m, en[m - 1]);
		check_month_name(CAL_PERSIAN, "fa", m, fa[m - 1]);
	}
}

static void test_cal_month_name_hijri_and_gregorian_months(void **state)
{
	(void)state;
	check_month_name(CAL_ISLAMIC_UMALQURA, "en", 1, "Muharram");
	check_month_name(CAL_ISLAMIC_UMALQURA, "en", 9, "Ramadan");
	check_month_name(CAL_ISLAMIC_UMALQURA, "en", 10, "Shawwal");
	check_month_name(CAL_ISLAMIC_UMALQURA, "ar", 9, "رمضان");
	check_month_name(CAL_ISLAMIC_UMALQURA, "ar", 10, "شوال");
	check_month_name(CAL_GREGORIAN, "en", 11, "November");
	check_month_name(CAL_GREGORIAN, "ar", 11, "نوفمبر");
	check_month_name(CAL_GREGORIAN, "fa", 11, "نوامبر");
}

static void test_cal_month_name_refuses_months_outside_1_to_12(void **state)
{
	(void)state;
	assert_null(cal_month_name(CAL_PERSIAN, "en", 0));
	assert_null(cal_month_name(CAL_PERSIAN, "en", 13));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_calendar_names_round_trip),
	    cmocka_unit_test(test_calendar_nowruz_falls_on_the_published_days),
	    cmocka_unit_test(test_calendar_persian_months_have_31_then_30_days),
	    cmocka_unit_test(test_calendar_esfand_1403_has_30_days_and_1404_has_29),
	    cmocka_unit_test(test_calendar_umm_al_qura_months_start_on_the_published_days),
	    cmocka_unit_test(test_calendar_gregorian_is_the_identity),
	    cmocka_unit_test(test_calendar_refuses_dates_that_do_not_exist),
	    cmocka_unit_test(test_month_parse_reads_year_and_month_in_any_script),
	    cmocka_unit_test(test_month_parse_refuses_other_text),
	    cmocka_unit_test(test_month_step_crosses_years_both_ways),
	    cmocka_unit_test(test_month_range_aban_1405_in_tehran),
	    cmocka_unit_test(test_month_range_esfand_1403_ends_where_farvardin_1404_starts),
	    cmocka_unit_test(test_month_range_follows_tehrans_old_summer_time),
	    cmocka_unit_test(test_month_range_ramadan_1447_in_riyadh),
	    cmocka_unit_test(test_month_range_starts_at_local_midnight_across_dst),
	    cmocka_unit_test(test_month_range_knows_leap_februaries),
	    cmocka_unit_test(test_month_range_refuses_bad_months_and_zones),
	    cmocka_unit_test(test_month_of_is_the_inverse_at_the_boundaries),
	    cmocka_unit_test(test_month_ranges_tile_the_years),
	    cmocka_unit_test(test_cal_format_numeric_dates_in_each_calendar_and_script),
	    cmocka_unit_test(test_cal_format_uses_the_local_date_of_the_zone),
	    cmocka_unit_test(test_cal_format_month_names_and_times),
	    cmocka_unit_test(test_cal_format_full_dates_hold_day_month_and_year),
	    cmocka_unit_test(test_cal_format_refuses_an_unknown_zone),
	    cmocka_unit_test(test_cal_month_name_persian_months_in_english_and_persian),
	    cmocka_unit_test(test_cal_month_name_hijri_and_gregorian_months),
	    cmocka_unit_test(test_cal_month_name_refuses_months_outside_1_to_12),
	};
	return cmocka_run_group_tests_name("calendar", tests, NULL, NULL);
}
