/* test_phone.c -- phone numbers as typed, stored, searched and shown. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text/phone.h"

static void check_normalize(const char *text, const char *cc, const char *want)
{
	char *got = NULL;
	assert_int_equal(phone_normalize(text, cc, &got), PHONE_OK);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void check_refused(const char *text, const char *cc, enum phone_error want)
{
	char *got = NULL;
	assert_int_equal(phone_normalize(text, cc, &got), want);
	assert_null(got);
}

static void test_phone_turns_the_shops_international_prefix_into_national(void **state)
{
	(void)state;
	check_normalize("+98 912 345 6789", "98", "09123456789");
	check_normalize("0098-912-3456789", "98", "09123456789");
	check_normalize("0098912 345 6789", "98", "09123456789");
	check_normalize("+966 50 123 4567", "966", "0501234567");
	check_normalize("+20 100 123 4567", "20", "01001234567");
}

static void test_phone_drops_a_trunk_zero_written_after_the_country_code(void **state)
{
	(void)state;
	check_normalize("+98 (0)912 345 6789", "98", "09123456789");
	check_normalize("0098 0912 345 6789", "98", "09123456789");
}

static void test_phone_keeps_national_numbers(void **state)
{
	(void)state;
	check_normalize("0912 345 6789", "98", "09123456789");
	check_normalize("(021) 8888.7777", "98", "02188887777");
	check_normalize("12345", "98", "12345");
}

static void test_phone_accepts_persian_and_arabic_indic_digits(void **state)
{
	(void)state;
	check_normalize("۰۹۱۲ ۳۴۵ ۶۷۸۹", "98", "09123456789");
	check_normalize("٠٩١٢٣٤٥٦٧٨٩", "98", "09123456789");
	check_normalize("+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹", "98", "09123456789");
	check_normalize("٠٥٠\u2013١٢٣\u2013٤٥٦٧", "966", "0501234567"); /* EN DASH */
}

static void test_phone_keeps_foreign_numbers_international(void **state)
{
	(void)state;
	check_normalize("+44 20 7946 0958", "98", "00442079460958");
	check_normalize("+44 20 7946 0958", NULL, "00442079460958");
	check_normalize("+44 20 7946 0958", "", "00442079460958");
	check_normalize("+98 912 345 6789", NULL, "00989123456789");
	check_normalize("+98 912 345 6789", "966", "00989123456789");
}

static void test_phone_refuses_letters_and_symbols(void **state)
{
	(void)state;
	check_refused("0912-abc", "98", PHONE_CHARS);
	check_refused("0912+3456789", "98", PHONE_CHARS); /* "+" only first */
	check_refused("++98 912 345 6789", "98", PHONE_CHARS);
	check_refused("09123456789#", "98", PHONE_CHARS);
	check_refused("۰۹۱۲ علی", "98", PHONE_CHARS);
	check_refused("0912\xc0\xaf", "98", PHONE_CHARS);
}

static void test_phone_refuses_empty_text(void **state)
{
	(void)state;
	check_refused("", "98", PHONE_EMPTY);
	check_refused("   ", "98", PHONE_EMPTY);
}

static void test_phone_refuses_fewer_than_five_digits(void **state)
{
	(void)state;
	check_refused("1234", "98", PHONE_SHORT);
	check_refused("0912", "98", PHONE_SHORT);
	check_refused("+1234", "98", PHONE_SHORT);
	check_refused("0098 12", "98", PHONE_SHORT);
	check_refused("- -", "98", PHONE_SHORT);
}

static void test_phone_refuses_more_than_fifteen_significant_digits(void **state)
{
	(void)state;
	check_normalize("+123456789012345", NULL, "00123456789012345"); /* 15 */
	check_normalize("0123456789012345", NULL, "0123456789012345");  /* 0 + 15 */
	check_refused("+1234567890123456", NULL, PHONE_LONG);
	check_refused("01234567890123456", NULL, PHONE_LONG);
	check_refused("1234567890123456", NULL, PHONE_LONG);
	check_refused("0098 9123456789012345", "98", PHONE_LONG);
}

static void test_phone_explains_each_refusal(void **state)
{
	(void)state;
	for (int e = PHONE_EMPTY; e <= PHONE_LONG; e++)
		assert_true(strlen(phone_strerror((enum phone_error)e)) > 0);
}

static void check_query(const char *text, const char *cc, const char *want)
{
	char *got = phone_query_digits(text, cc);
	if (want == NULL) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_phone_query_takes_a_prefix_in_any_script(void **state)
{
	(void)state;
	check_query("۰۹۱۲", "98", "0912");
	check_query("٠٩١٢ ٣", "98", "09123");
	check_query("0912-34", "98", "091234");
	check_query("5", NULL, "5");
}

static void test_phone_query_normalises_the_international_prefix(void **state)
{
	(void)state;
	check_query("+98 912", "98", "0912");
	check_query("0098912", "98", "0912");
	check_query("+98", "98", "0");
	check_query("+4", "98", "004");
}

static void test_phone_query_is_null_for_anything_else(void **state)
{
	(void)state;
	check_query("علی", "98", NULL);
	check_query("0912a", "98", NULL);
	check_query("0912.3", "98", NULL);
	check_query("", "98", NULL);
	check_query("  ", "98", NULL);
	check_query("-", "98", NULL);
	check_query("+", "98", NULL);
}

static void check_format(const char *digits, const char *want)
{
	char *got = phone_format(digits);
	assert_string_equal(got, want);
	free(got);
}

static void test_phone_format_reads_a_national_mobile_as_4_3_4(void **state)
{
	(void)state;
	check_format("09123456789", "0912 345 6789");
	check_format("01001234567", "0100 123 4567");
}

static void test_phone_format_groups_other_numbers_by_threes_and_fours(void **state)
{
	(void)state;
	check_format("0501234567", "050 123 4567");
	check_format("00442079460958", "004 420 7946 0958");
	check_format("123456", "123 456");
	check_format("1234567", "123 4567");
	check_format("12345678", "1234 5678");
	check_format("123456789", "123 456 789");
	check_format("12345", "12345");
}

static void test_phone_format_leaves_what_is_not_digits(void **state)
{
	(void)state;
	check_format("", "");
	check_format("0912-345", "0912-345");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_phone_turns_the_shops_international_prefix_into_national),
	    cmocka_unit_test(test_phone_drops_a_trunk_zero_written_after_the_country_code),
	    cmocka_unit_test(test_phone_keeps_national_numbers),
	    cmocka_unit_test(test_phone_accepts_persian_and_arabic_indic_digits),
	    cmocka_unit_test(test_phone_keeps_foreign_numbers_international),
	    cmocka_unit_test(test_phone_refuses_letters_and_symbols),
	    cmocka_unit_test(test_phone_refuses_empty_text),
	    cmocka_unit_test(test_phone_refuses_fewer_than_five_digits),
	    cmocka_unit_test(test_phone_refuses_more_than_fifteen_significant_digits),
	    cmocka_unit_test(test_phone_explains_each_refusal),
	    cmocka_unit_test(test_phone_query_takes_a_prefix_in_any_script),
	    cmocka_unit_test(test_phone_query_normalises_the_international_prefix),
	    cmocka_unit_test(test_phone_query_is_null_for_anything_else),
	    cmocka_unit_test(test_phone_format_reads_a_national_mobile_as_4_3_4),
	    cmocka_unit_test(test_phone_format_groups_other_numbers_by_threes_and_fours),
	    cmocka_unit_test(test_phone_format_leaves_what_is_not_digits),
	};
	return cmocka_run_group_tests_name("phone", tests, NULL, NULL);
}
