/* test_digits.c -- digits of every script, and the UI locale that picks
 * the output digits (uilocale.c has no test program of its own; its
 * formatting is about digits and grouping, so it is tested here). */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <langinfo.h>
#include <libintl.h>

#include "text/digits.h"
#include "text/uilocale.h"

/* ---- digits ---- */

static void test_digit_value_reads_latin_persian_and_arabic_indic(void **state)
{
	(void)state;
	for (uint32_t i = 0; i < 10; i++) {
		assert_int_equal(digit_value('0' + i), i);
		assert_int_equal(digit_value(0x06F0 + i), i); /* ۰-۹ */
		assert_int_equal(digit_value(0x0660 + i), i); /* ٠-٩ */
	}
}

static void test_digit_value_reads_other_decimal_digits(void **state)
{
	(void)state;
	assert_int_equal(digit_value(0x096B), 5);  /* DEVANAGARI DIGIT FIVE */
	assert_int_equal(digit_value(0xFF17), 7);  /* FULLWIDTH DIGIT SEVEN */
	assert_int_equal(digit_value(0x1D7D9), 1); /* MATHEMATICAL DOUBLE-STRUCK DIGIT ONE */
}

static void test_digit_value_refuses_numbers_that_are_not_decimal_digits(void **state)
{
	(void)state;
	assert_int_equal(digit_value(0x00B2), -1); /* SUPERSCRIPT TWO (No) */
	assert_int_equal(digit_value(0x00BD), -1); /* VULGAR FRACTION ONE HALF */
	assert_int_equal(digit_value(0x2165), -1); /* ROMAN NUMERAL SIX (Nl) */
	assert_int_equal(digit_value(0x2460), -1); /* CIRCLED DIGIT ONE */
	assert_int_equal(digit_value('a'), -1);
	assert_int_equal(digit_value(0x066B), -1); /* ARABIC DECIMAL SEPARATOR */
	assert_int_equal(digit_value(0x110000), -1);
}

static void check_to_ascii(const char *in, const char *want)
{
	char *got = digits_to_ascii(in);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_digits_to_ascii_converts_every_script_and_keeps_the_rest(void **state)
{
	(void)state;
	check_to_ascii("۰۹۱۲ ٣٤٥ 6789", "0912 345 6789");
	check_to_ascii("سال ۱۴۰۵", "سال 1405");
	check_to_ascii("١٤٤٧-٠٩-٠١", "1447-09-01");
	check_to_ascii("\uff11\uff12", "12");
	check_to_ascii("²", "²"); /* not a decimal digit */
	check_to_ascii("", "");
}

static void test_digits_to_ascii_refuses_invalid_utf8(void **state)
{
	(void)state;
	assert_null(digits_to_ascii("12\xc0\xaf"));
}

static void check_localize(const char *in, enum digit_script script, const char *want)
{
	char *got = digits_localize(in, script);
	assert_string_equal(got, want);
	free(got);
}

static void test_digits_localize_writes_persian_digits(void **state)
{
	(void)state;
	check_localize("0123456789", DIGITS_PERSIAN, "۰۱۲۳۴۵۶۷۸۹");
	check_localize("1405-09-01", DIGITS_PERSIAN, "۱۴۰۵-۰۹-۰۱");
	check_localize("10:42", DIGITS_PERSIAN, "۱۰:۴۲");
}

static void test_digits_localize_writes_arabic_indic_digits(void **state)
{
	(void)state;
	check_localize("0123456789", DIGITS_ARABIC, "٠١٢٣٤٥٦٧٨٩");
	check_localize("رقم 7", DIGITS_ARABIC, "رقم ٧");
}

static void test_digits_localize_uses_arabic_separators_between_digits(void **state)
{
	(void)state;
	check_localize("1,234.50", DIGITS_PERSIAN, "۱\u066c۲۳۴\u066b۵۰");
	check_localize("1,234.50", DIGITS_ARABIC, "١\u066c٢٣٤\u066b٥٠");
}

static void test_digits_localize_keeps_punctuation_that_is_not_between_digits(void **state)
{
	(void)state;
	check_localize("a, b. c", DIGITS_PERSIAN, "a, b. c");
	check_localize("1, 2", DIGITS_PERSIAN, "۱, ۲");
	check_localize("12.", DIGITS_ARABIC, "١٢.");
	check_localize(",5", DIGITS_ARABIC, ",٥");
}

static void test_digits_localize_latin_is_a_plain_copy(void **state)
{
	(void)state;
	check_localize("1,234.50", DIGITS_LATIN, "1,234.50");
	check_localize("۱۲", DIGITS_LATIN, "۱۲"); /* only ASCII digits are rewritten */
}

/* ---- the UI locale ---- */

static void clear_locale_environment(void)
{
	unsetenv("LANGUAGE");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
}

static int reset_environment(void **state)
{
	(void)state;
	clear_locale_environment();
	return 0;
}

static void test_ui_locale_is_english_with_latin_digits_before_it_is_set(void **state)
{
	(void)state;
	const struct ui_locale *cur = ui_locale_current();
	assert_string_equal(cur->lang, "en");
	assert_false(cur->rtl);
	assert_int_equal(cur->digits, DIGITS_LATIN);
}

static void test_ui_locale_set_current_is_what_current_returns(void **state)
{
	struct ui_locale loc;
	(void)state;
	assert_int_equal(ui_locale_resolve(&loc, "fa", NULL, NULL), 0);
	ui_locale_set_current(&loc);
	assert_string_equal(ui_locale_current()->lang, "fa");
	assert_int_equal(ui_locale_current()->digits, DIGITS_PERSIAN);
}

static void test_ui_locale_option_decides_first(void **state)
{
	struct ui_locale loc;
	(void)state;
	setenv("LANGUAGE", "ar", 1);
	assert_int_equal(ui_locale_resolve(&loc, "fa", "en", NULL), 0);
	assert_string_equal(loc.lang, "fa");
	assert_true(loc.rtl);
	assert_int_equal(loc.digits, DIGITS_PERSIAN);

	assert_int_equal(ui_locale_resolve(&loc, "ar", "fa", NULL), 0);
	assert_string_equal(loc.lang, "ar");
	assert_true(loc.rtl);
	assert_int_equal(loc.digits, DIGITS_ARABIC);

	assert_int_equal(ui_locale_resolve(&loc, "en", "fa", NULL), 0);
	assert_string_equal(loc.lang, "en");
	assert_false(loc.rtl);
	assert_int_equal(loc.digits, DIGITS_LATIN);
}

static void test_ui_locale_refuses_an_unknown_option(void **state)
{
	struct ui_locale loc;
	(void)state;
	assert_int_equal(ui_locale_resolve(&loc, "de", NULL, NULL), -1);
	assert_int_equal(ui_locale_resolve(&loc, "fa_IR", NULL, NULL), -1);
}

static void test_ui_locale_setting_comes_before_the_environment(void **state)
{
	struct ui_locale loc;
	(void)state;
	setenv("LANGUAGE", "fa", 1);
	assert_int_equal(ui_locale_resolve(&loc, NULL, "ar", NULL), 0);
	assert_string_equal(loc.lang, "ar");
	/* An unknown setting is ignored. */
	assert_int_equal(ui_locale_resolve(&loc, NULL, "klingon", NULL), 0);
	assert_string_equal(loc.lang, "fa");
}

static void test_ui_locale_takes_the_first_entry_of_language(void **state)
{
	struct ui_locale loc;
	(void)state;
	setenv("LC_ALL", "ar_SA.UTF-8", 1);
	setenv("LANGUAGE", "fa_IR:en", 1);
	assert_int_equal(ui_locale_resolve(&loc, NULL, NULL, NULL), 0);
	assert_string_equal(loc.lang, "fa");
	setenv("LANGUAGE", "de:fa", 1);
	assert_int_equal(ui_locale_resolve(&loc, NULL, NULL, NULL), 0);
	assert_string_equal(loc.lang, "en");
}

static void test_ui_locale_falls_back_to_lc_all_lc_messages_then_lang(void **state)
{
	struct ui_locale loc;
	(void)state;
	setenv("LANGUAGE", "", 1);
	setenv("LANG", "fa_IR.UTF-8", 1);
	setenv("LC_MESSAGES", "ar_EG.UTF-8", 1);
	setenv("LC_ALL", "fa_IR.UTF-8", 1);
	assert_int_equal(ui_locale_resolve(&loc, NULL, NULL, NULL), 0);
	assert_string_equal(loc.lang, "fa");
	unsetenv("LC_ALL");
	assert_int_equal(ui_locale_resolve(&loc, NULL, NULL, NULL), 0);
	assert_string_equal(loc.lang, "ar");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "de_DE.UTF-8", 1);
	assert_int_equal(ui_locale_resolve(&loc, NULL, NULL, NULL), 0);
	assert_string_equal(loc.lang, "en");
	setenv("LANG", "C.UTF-8", 1);
	assert_int_equal(ui_locale_resolve(&loc, NULL, NULL, NULL), 0);
	assert_string_equal(loc.lang, "en");
	unsetenv("LANG");
	assert_int_equal(ui_locale_resolve(&loc, NULL, NULL, NULL), 0);
	assert_string_equal(loc.lang, "en");
}

static void test_ui_locale_digits_setting(void **state)
{
	struct ui_locale loc;
	(void)state;
	assert_int_equal(ui_locale_resolve(&loc, "fa", NULL, "latin"), 0);
	assert_int_equal(loc.digits, DIGITS_LATIN);
	assert_int_equal(ui_locale_resolve(&loc, "fa", NULL, "auto"), 0);
	assert_int_equal(loc.digits, DIGITS_PERSIAN);
	assert_int_equal(ui_locale_resolve(&loc, "ar", NULL, "native"), 0);
	assert_int_equal(loc.digits, DIGITS_ARABIC);
	assert_int_equal(ui_locale_resolve(&loc, "en", NULL, "native"), 0);
	assert_int_equal(loc.digits, DIGITS_LATIN);
	assert_int_equal(ui_locale_resolve(&loc, "ar", NULL, "roman"), 0); /* ignored */
	assert_int_equal(loc.digits, DIGITS_ARABIC);
}

static void test_ui_locale_apply_gives_a_utf8_ctype_and_binds_the_catalogs(void **state)
{
	struct ui_locale loc;
	(void)state;
	setenv("LANG", "C", 1);
	setenv("WAFA_LOCALEDIR", "/tmp/wafa-test-locale", 1);
	assert_int_equal(ui_locale_resolve(&loc, "fa", NULL, NULL), 0);
	ui_locale_apply(&loc, "/nonexistent/share/locale");
	assert_string_equal(getenv("LANGUAGE"), "fa");
	assert_string_equal(nl_langinfo(CODESET), "UTF-8");
	assert_string_equal(bindtextdomain(PACKAGE, NULL), "/tmp/wafa-test-locale");

	unsetenv("WAFA_LOCALEDIR");
	assert_int_equal(ui_locale_resolve(&loc, "en", NULL, NULL), 0);
	ui_locale_apply(&loc, "/usr/share/locale");
	assert_string_equal(getenv("LANGUAGE"), "en");
	assert_string_equal(bindtextdomain(PACKAGE, NULL), "/usr/share/locale");
	assert_string_equal(textdomain(NULL), PACKAGE);
}

static void check_fmt(char *got, const char *want)
{
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static struct ui_locale locale_of(const char *lang, const char *digits)
{
	struct ui_locale loc;
	assert_int_equal(ui_locale_resolve(&loc, lang, NULL, digits), 0);
	return loc;
}

static void test_fmt_int_groups_in_the_locale_digits(void **state)
{
	(void)state;
	struct ui_locale en = locale_of("en", NULL), fa = locale_of("fa", NULL),
	                 ar = locale_of("ar", NULL), fa_latin = locale_of("fa", "latin");
	check_fmt(fmt_int(&en, 1234567), "1,234,567");
	check_fmt(fmt_int(&fa, 1234567), "۱٬۲۳۴٬۵۶۷");
	check_fmt(fmt_int(&ar, -1234), "-١٬٢٣٤");
	check_fmt(fmt_int(&fa_latin, 1000), "1,000");
	check_fmt(fmt_int(&en, 999), "999");
	check_fmt(fmt_int(&en, 0), "0");
	check_fmt(fmt_int(&en, INT64_MIN), "-9,223,372,036,854,775,808");
}

static void test_fmt_money_uses_the_currency_decimals(void **state)
{
	(void)state;
	struct ui_locale en = locale_of("en", NULL), fa = locale_of("fa", NULL),
	                 ar = locale_of("ar", NULL);
	check_fmt(fmt_money(&fa, 1250000, 0), "۱٬۲۵۰٬۰۰۰");
	check_fmt(fmt_money(&ar, 125050, 2), "١٬٢٥٠٫٥٠");
	check_fmt(fmt_money(&en, 125050, 2), "1,250.50");
	check_fmt(fmt_money(&en, 5, 3), "0.005");
}

static void test_fmt_percent_rounds_to_a_whole_percent(void **state)
{
	(void)state;
	struct ui_locale en = locale_of("en", NULL);
	check_fmt(fmt_percent(&en, 0.713), "71%");
	check_fmt(fmt_percent(&en, 0.705), "71%"); /* half away from zero */
	check_fmt(fmt_percent(&en, 0.7049), "70%");
	check_fmt(fmt_percent(&en, 1.0), "100%");
	check_fmt(fmt_percent(&en, 0.0), "0%");
}

static void test_fmt_percent_places_the_sign_as_the_language_does(void **state)
{
	(void)state;
	struct ui_locale fa = locale_of("fa", NULL), ar = locale_of("ar", NULL);
	/* CLDR: Persian "#,##0%" with U+066A; Arabic the same sign followed
	 * by ARABIC LETTER MARK. */
	check_fmt(fmt_percent(&fa, 0.713), "۷۱\u066a");
	check_fmt(fmt_percent(&ar, 0.713), "٧١\u066a\u061c");
}

static void test_fmt_digits_localizes_phone_numbers_and_dates(void **state)
{
	(void)state;
	struct ui_locale en = locale_of("en", NULL), fa = locale_of("fa", NULL),
	                 ar = locale_of("ar", NULL);
	check_fmt(fmt_digits(&fa, "0912 345 6789"), "۰۹۱۲ ۳۴۵ ۶۷۸۹");
	check_fmt(fmt_digits(&ar, "1447-09-01"), "١٤٤٧-٠٩-٠١");
	check_fmt(fmt_digits(&en, "6037 9912"), "6037 9912");
}

static void test_msg_numbers_follow_the_current_ui_locale(void **state)
{
	(void)state;
	struct ui_locale en = locale_of("en", NULL), fa = locale_of("fa", NULL),
	                 ar = locale_of("ar", NULL), ar_latin = locale_of("ar", "latin");
	char buf[MSG_NUM_SIZE];
	ui_locale_set_current(&ar);
	assert_string_equal(msg_int(buf, 8000), "٨٬٠٠٠");
	assert_ptr_equal(msg_int(buf, 156), buf);
	assert_string_equal(buf, "١٥٦");
	assert_string_equal(msg_money(buf, 15000, 2), "١٥٠٫٠٠");
	ui_locale_set_current(&fa);
	assert_string_equal(msg_int(buf, 8000), "۸٬۰۰۰");
	/* The longest there is fits: 19 two-byte digits, 6 separators. */
	assert_string_equal(msg_int(buf, INT64_MIN), "-۹٬۲۲۳٬۳۷۲٬۰۳۶٬۸۵۴٬۷۷۵٬۸۰۸");
	ui_locale_set_current(&ar_latin);
	assert_string_equal(msg_int(buf, 8000), "8,000");
	ui_locale_set_current(&en);
	assert_string_equal(msg_int(buf, 8000), "8,000");
	assert_string_equal(msg_money(buf, 400000000, 2), "4,000,000.00");
}

int main(void)
{
	const struct CMUnitTest digits[] = {
	    cmocka_unit_test(test_digit_value_reads_latin_persian_and_arabic_indic),
	    cmocka_unit_test(test_digit_value_reads_other_decimal_digits),
	    cmocka_unit_test(test_digit_value_refuses_numbers_that_are_not_decimal_digits),
	    cmocka_unit_test(test_digits_to_ascii_converts_every_script_and_keeps_the_rest),
	    cmocka_unit_test(test_digits_to_ascii_refuses_invalid_utf8),
	    cmocka_unit_test(test_digits_localize_writes_persian_digits),
	    cmocka_unit_test(test_digits_localize_writes_arabic_indic_digits),
	    cmocka_unit_test(test_digits_localize_uses_arabic_separators_between_digits),
	    cmocka_unit_test(test_digits_localize_keeps_punctuation_that_is_not_between_digits),
	    cmocka_unit_test(test_digits_localize_latin_is_a_plain_copy),
	};
	const struct CMUnitTest uilocale[] = {
	    cmocka_unit_test(test_ui_locale_is_english_with_latin_digits_before_it_is_set),
	    cmocka_unit_test(test_ui_locale_set_current_is_what_current_returns),
	    cmocka_unit_test_setup(test_ui_locale_option_decides_first, reset_environment),
	    cmocka_unit_test_setup(test_ui_locale_refuses_an_unknown_option, reset_environment),
	    cmocka_unit_test_setup(test_ui_locale_setting_comes_before_the_environment,
	                           reset_environment),
	    cmocka_unit_test_setup(test_ui_locale_takes_the_first_entry_of_language,
	                           reset_environment),
	    cmocka_unit_test_setup(test_ui_locale_falls_back_to_lc_all_lc_messages_then_lang,
	                           reset_environment),
	    cmocka_unit_test_setup(test_ui_locale_digits_setting, reset_environment),
	    cmocka_unit_test_setup(test_ui_locale_apply_gives_a_utf8_ctype_and_binds_the_catalogs,
	                           reset_environment),
	    cmocka_unit_test(test_fmt_int_groups_in_the_locale_digits),
	    cmocka_unit_test(test_fmt_money_uses_the_currency_decimals),
	    cmocka_unit_test(test_fmt_percent_rounds_to_a_whole_percent),
	    cmocka_unit_test(test_fmt_percent_places_the_sign_as_the_language_does),
	    cmocka_unit_test(test_fmt_digits_localizes_phone_numbers_and_dates),
	    cmocka_unit_test(test_msg_numbers_follow_the_current_ui_locale),
	};
	int failed = cmocka_run_group_tests_name("digits", digits, NULL, NULL);
	failed += cmocka_run_group_tests_name("uilocale", uilocale, NULL, NULL);
	return failed;
}
