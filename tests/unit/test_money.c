/* test_money.c -- amounts typed by a cashier, and amounts shown. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text/money.h"

static void check_parse(const char *text, int decimals, int64_t want)
{
	int64_t got = -1;
	assert_int_equal(money_parse(text, decimals, &got), MONEY_OK);
	assert_true(got == want);
}

static void check_refused(const char *text, int decimals, enum money_error want)
{
	int64_t got = 42;
	assert_int_equal(money_parse(text, decimals, &got), want);
	assert_true(got == 42); /* untouched */
}

static void test_money_parses_whole_amounts(void **state)
{
	(void)state;
	check_parse("1250000", 0, 1250000);
	check_parse("0", 0, 0);
	check_parse("7", 3, 7000);
	check_parse("000000000000000000000000012", 0, 12);
}

static void test_money_parses_decimals_into_minor_units(void **state)
{
	(void)state;
	check_parse("12.50", 2, 1250);
	check_parse("12.5", 2, 1250);
	check_parse("12", 2, 1200);
	check_parse("0.01", 2, 1);
	check_parse("12.345", 3, 12345);
	check_parse("12.3", 3, 12300);
}

static void test_money_accepts_a_leading_point_as_a_cashier_types_it(void **state)
{
	(void)state;
	check_parse(".5", 2, 50);
	check_parse("+.25", 2, 25);
	check_refused(".5", 0, MONEY_DECIMALS);
}

static void test_money_accepts_persian_and_arabic_indic_digits(void **state)
{
	(void)state;
	check_parse("۱۲۵۰۰۰۰", 0, 1250000);
	check_parse("١٢٥٠٠٠٠", 0, 1250000);
	check_parse("۱۲٫۵۰", 2, 1250);      /* U+066B ARABIC DECIMAL SEPARATOR */
	check_parse("١٢.٥", 2, 1250);       /* ASCII point, Arabic-Indic digits */
	check_parse("1۲٣", 0, 123);         /* mixed scripts */
	check_parse("\uff11\uff12", 0, 12); /* fullwidth digits */
}

static void test_money_accepts_every_grouping_separator(void **state)
{
	(void)state;
	check_parse("1,250,000", 0, 1250000);
	check_parse("۱٬۲۵۰٬۰۰۰", 0, 1250000); /* U+066C ARABIC THOUSANDS SEPARATOR */
	check_parse("١،٢٥٠،٠٠٠", 0, 1250000); /* U+060C ARABIC COMMA */
	check_parse("1,250.50", 2, 125050);
	check_parse("999,999", 0, 999999);
	check_parse("12,345", 0, 12345);
}

static void test_money_accepts_surrounding_space_and_a_plus(void **state)
{
	(void)state;
	check_parse("  12.50\t", 2, 1250);
	check_parse("\u00a01250\u00a0", 0, 1250);
	check_parse("+12", 2, 1200);
}

static void test_money_refuses_empty_text(void **state)
{
	(void)state;
	check_refused("", 0, MONEY_EMPTY);
	check_refused("   ", 2, MONEY_EMPTY);
	check_refused("\u3000\t", 2, MONEY_EMPTY);
}

static void test_money_refuses_what_is_not_a_plain_number(void **state)
{
	(void)state;
	check_refused("abc", 0, MONEY_SYNTAX);
	check_refused("1e9", 0, MONEY_SYNTAX);
	check_refused("12.", 2, MONEY_SYNTAX);
	check_refused("1.2.3", 2, MONEY_SYNTAX);
	check_refused("1 250", 0, MONEY_SYNTAX);
	check_refused("+", 0, MONEY_SYNTAX);
	check_refused(".", 2, MONEY_SYNTAX);
	check_refused("++5", 0, MONEY_SYNTAX);
	check_refused("12$", 0, MONEY_SYNTAX);
	check_refused("1.250,5", 2, MONEY_SYNTAX); /* a separator after the point */
	check_refused("0x10", 0, MONEY_SYNTAX);
	check_refused("12\xc0\xaf", 0, MONEY_SYNTAX);
}

static void test_money_refuses_a_minus_sign(void **state)
{
	(void)state;
	check_refused("-5", 0, MONEY_NEGATIVE);
	check_refused("-0", 0, MONEY_NEGATIVE);
	check_refused("\u22125", 0, MONEY_NEGATIVE); /* MINUS SIGN */
	check_refused("-12.345", 2, MONEY_NEGATIVE);
}

static void test_money_refuses_separators_in_the_wrong_place(void **state)
{
	(void)state;
	check_refused("12,3,4", 0, MONEY_GROUPING);
	check_refused("1234,567", 0, MONEY_GROUPING);
	check_refused(",5", 0, MONEY_GROUPING);
	check_refused("12,50", 2, MONEY_GROUPING);
	check_refused("1,", 0, MONEY_GROUPING);
	check_refused("1,,234", 0, MONEY_GROUPING);
	check_refused("1,2345", 0, MONEY_GROUPING);
	check_refused("1,234,56.7", 2, MONEY_GROUPING);
}

static void test_money_refuses_more_decimals_than_currency(void **state)
{
	(void)state;
	check_refused("12.345", 2, MONEY_DECIMALS);
	check_refused("12.50", 1, MONEY_DECIMALS); /* even trailing zeros */
	check_refused("12.0", 0, MONEY_DECIMALS);
	check_refused("۱۲٫۳۴۵۶", 3, MONEY_DECIMALS);
}

static void test_money_takes_the_largest_int64_and_refuses_one_more(void **state)
{
	(void)state;
	check_parse("9223372036854775807", 0, INT64_MAX);
	check_parse("9,223,372,036,854,775,807", 0, INT64_MAX);
	check_refused("9223372036854775808", 0, MONEY_RANGE);
	check_parse("92233720368547758.07", 2, INT64_MAX);
	check_refused("92233720368547758.08", 2, MONEY_RANGE);
	check_parse("92233720368547758", 2, INT64_C(9223372036854775800));
	check_refused("92233720368547759", 2, MONEY_RANGE);
	check_refused("99999999999999999999999999", 0, MONEY_RANGE);
}

static void test_money_explains_each_refusal(void **state)
{
	(void)state;
	assert_string_equal(money_strerror(MONEY_DECIMALS),
	                    "has more decimals than the currency allows");
	for (int e = MONEY_EMPTY; e <= MONEY_RANGE; e++)
		assert_true(strlen(money_strerror((enum money_error)e)) > 0);
}

static void check_plain(int64_t minor, int decimals, const char *want)
{
	char *got = money_format_plain(minor, decimals);
	assert_string_equal(got, want);
	free(got);
}

static void test_money_format_plain_has_exactly_the_currency_decimals(void **state)
{
	(void)state;
	check_plain(1250000, 0, "1250000");
	check_plain(125050, 2, "1250.50");
	check_plain(7, 3, "0.007");
	check_plain(0, 3, "0.000");
	check_plain(0, 0, "0");
	check_plain(-5, 2, "-0.05");
	check_plain(-1250, 0, "-1250");
}

static void test_money_format_plain_survives_the_int64_limits(void **state)
{
	(void)state;
	check_plain(INT64_MAX, 0, "9223372036854775807");
	check_plain(INT64_MIN, 0, "-9223372036854775808");
	check_plain(INT64_MIN, 2, "-92233720368547758.08");
	check_plain(INT64_MAX, 3, "9223372036854775.807");
}

static void check_format(int64_t minor, int decimals, enum digit_script script, const char *want)
{
	char *got = money_format(minor, decimals, script);
	assert_string_equal(got, want);
	free(got);
}

static void test_money_format_groups_by_threes(void **state)
{
	(void)state;
	check_format(1250000, 0, DIGITS_LATIN, "1,250,000");
	check_format(125050, 2, DIGITS_LATIN, "1,250.50");
	check_format(100, 0, DIGITS_LATIN, "100");
	check_format(999, 0, DIGITS_LATIN, "999");
	check_format(1000, 0, DIGITS_LATIN, "1,000");
	check_format(123456, 0, DIGITS_LATIN, "123,456");
	check_format(1234567, 3, DIGITS_LATIN, "1,234.567");
	check_format(-1234567, 0, DIGITS_LATIN, "-1,234,567");
	check_format(5, 2, DIGITS_LATIN, "0.05");
}

static void test_money_format_writes_persian_and_arabic_separators(void **state)
{
	(void)state;
	check_format(1250000, 0, DIGITS_PERSIAN, "۱\u066c۲۵۰\u066c۰۰۰");
	check_format(125050, 2, DIGITS_ARABIC, "١\u066c٢٥٠\u066b٥٠");
	check_format(-50, 2, DIGITS_PERSIAN, "-۰\u066b۵۰");
}

static void test_money_format_survives_int64_min(void **state)
{
	(void)state;
	check_format(INT64_MIN, 2, DIGITS_LATIN, "-92,233,720,368,547,758.08");
	check_format(INT64_MIN, 0, DIGITS_ARABIC, "-٩٬٢٢٣٬٣٧٢٬٠٣٦٬٨٥٤٬٧٧٥٬٨٠٨");
}

static void test_money_formatted_amounts_parse_back(void **state)
{
	static const int64_t amounts[] = {0, 1, 999, 1000, 125050, 1250000, INT64_MAX};
	(void)state;
	for (size_t i = 0; i < sizeof amounts / sizeof amounts[0]; i++) {
		for (int dec = 0; dec <= 3; dec++) {
			for (int s = DIGITS_LATIN; s <= DIGITS_ARABIC; s++) {
				char *text = money_format(amounts[i], dec, (enum digit_script)s);
				int64_t back = -1;
				assert_int_equal(money_parse(text, dec, &back), MONEY_OK);
				assert_true(back == amounts[i]);
				free(text);
			}
			char *plain = money_format_plain(amounts[i], dec);
			int64_t back = -1;
			assert_int_equal(money_parse(plain, dec, &back), MONEY_OK);
			assert_true(back == amounts[i]);
			free(plain);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_money_parses_whole_amounts),
	    cmocka_unit_test(test_money_parses_decimals_into_minor_units),
	    cmocka_unit_test(test_money_accepts_a_leading_point_as_a_cashier_types_it),
	    cmocka_unit_test(test_money_accepts_persian_and_arabic_indic_digits),
	    cmocka_unit_test(test_money_accepts_every_grouping_separator),
	    cmocka_unit_test(test_money_accepts_surrounding_space_and_a_plus),
	    cmocka_unit_test(test_money_refuses_empty_text),
	    cmocka_unit_test(test_money_refuses_what_is_not_a_plain_number),
	    cmocka_unit_test(test_money_refuses_a_minus_sign),
	    cmocka_unit_test(test_money_refuses_separators_in_the_wrong_place),
	    cmocka_unit_test(test_money_refuses_more_decimals_than_currency),
	    cmocka_unit_test(test_money_takes_the_largest_int64_and_refuses_one_more),
	    cmocka_unit_test(test_money_explains_each_refusal),
	    cmocka_unit_test(test_money_format_plain_has_exactly_the_currency_decimals),
	    cmocka_unit_test(test_money_format_plain_survives_the_int64_limits),
	    cmocka_unit_test(test_money_format_groups_by_threes),
	    cmocka_unit_test(test_money_format_writes_persian_and_arabic_separators),
	    cmocka_unit_test(test_money_format_survives_int64_min),
	    cmocka_unit_test(test_money_formatted_amounts_parse_back),
	};
	return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
