/* test_utf8.c -- the strict UTF-8 decoder and the text checks. */
#include <config.h>

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text/utf8.h"

/* Decodes s (its whole length) and checks the count and code point. */
static void check_decode(const char *s, size_t want_n, uint32_t want_cp)
{
	uint32_t cp = 0;
	size_t n = utf8_decode(s, strlen(s), &cp);
	assert_int_equal(n, want_n);
	assert_int_equal(cp, want_cp);
}

static void test_utf8_decodes_one_to_four_bytes(void **state)
{
	(void)state;
	check_decode("A", 1, 0x41);
	check_decode("\xc3\xa9", 2, 0xE9);             /* é */
	check_decode("\xdb\x8c", 2, 0x06CC);           /* ی FARSI YEH */
	check_decode("\xe2\x82\xac", 3, 0x20AC);       /* € */
	check_decode("\xf0\x9f\x98\x80", 4, 0x1F600);  /* 😀 */
	check_decode("\xf4\x8f\xbf\xbf", 4, 0x10FFFF); /* the last scalar value */
	check_decode("\xed\x9f\xbf", 3, 0xD7FF);       /* just below the surrogates */
	check_decode("\xee\x80\x80", 3, 0xE000);       /* just above them */
}

static void test_utf8_decodes_only_the_first_code_point(void **state)
{
	(void)state;
	check_decode("\xd8\xb9\xd9\x84\xdb\x8c", 2, 0x0639); /* "علی" starts with ain */
}

static void test_utf8_refuses_overlong_forms(void **state)
{
	(void)state;
	check_decode("\xc0\xaf", 0, 0xFFFD);         /* "/" in two bytes */
	check_decode("\xc1\xbf", 0, 0xFFFD);         /* DEL in two bytes */
	check_decode("\xe0\x80\xaf", 0, 0xFFFD);     /* "/" in three bytes */
	check_decode("\xe0\x9f\xbf", 0, 0xFFFD);     /* U+07FF in three bytes */
	check_decode("\xf0\x80\x80\xaf", 0, 0xFFFD); /* "/" in four bytes */
	check_decode("\xf0\x8f\xbf\xbf", 0, 0xFFFD); /* U+FFFF in four bytes */
}

static void test_utf8_refuses_surrogates(void **state)
{
	(void)state;
	check_decode("\xed\xa0\x80", 0, 0xFFFD); /* U+D800 */
	check_decode("\xed\xbf\xbf", 0, 0xFFFD); /* U+DFFF */
}

static void test_utf8_refuses_values_above_u10ffff(void **state)
{
	(void)state;
	check_decode("\xf4\x90\x80\x80", 0, 0xFFFD); /* U+110000 */
	check_decode("\xf5\x80\x80\x80", 0, 0xFFFD);
	check_decode("\xff", 0, 0xFFFD);
}

static void test_utf8_refuses_truncated_and_stray_bytes(void **state)
{
	uint32_t cp;
	(void)state;
	check_decode("\x80", 0, 0xFFFD);         /* a lone continuation byte */
	check_decode("\xe2\x82", 0, 0xFFFD);     /* € cut short */
	check_decode("\xe2\x41\xac", 0, 0xFFFD); /* a non-continuation inside */
	/* The length given is what counts, not the bytes beyond it. */
	assert_int_equal(utf8_decode("\xe2\x82\xac", 2, &cp), 0);
	assert_int_equal(utf8_decode("A", 0, &cp), 0);
}

static void check_encode(uint32_t cp, const char *want)
{
	char out[4];
	size_t n = utf8_encode(cp, out);
	assert_int_equal(n, strlen(want));
	assert_memory_equal(out, want, n);
}

static void test_utf8_encodes_at_every_length_boundary(void **state)
{
	(void)state;
	check_encode(0x41, "A");
	check_encode(0x7F, "\x7f");
	check_encode(0x80, "\xc2\x80");
	check_encode(0x7FF, "\xdf\xbf");
	check_encode(0x800, "\xe0\xa0\x80");
	check_encode(0x06F1, "\xdb\xb1"); /* ۱ */
	check_encode(0xFFFF, "\xef\xbf\xbf");
	check_encode(0x10000, "\xf0\x90\x80\x80");
	check_encode(0x10FFFF, "\xf4\x8f\xbf\xbf");
}

static void test_utf8_encodes_invalid_values_as_replacement(void **state)
{
	(void)state;
	check_encode(0xD800, "\xef\xbf\xbd");
	check_encode(0x110000, "\xef\xbf\xbd");
}

static void test_utf8_valid_accepts_real_persian_and_arabic(void **state)
{
	(void)state;
	assert_true(utf8_valid(""));
	assert_true(utf8_valid("بهترین برنامه ها برای وفاداری مشتری"));
	assert_true(utf8_valid("يتم استخدام مصطلح ولاء العملاء لوصف سلوك العملاء المتكررين"));
	assert_true(utf8_valid("می\u200cشود"));
}

static void test_utf8_valid_refuses_broken_text(void **state)
{
	(void)state;
	assert_false(utf8_valid(NULL));
	assert_false(utf8_valid("ولاء \xc0\xaf"));
	assert_false(utf8_valid("abc\xed\xa0\x80"));
	assert_false(utf8_valid("\xd9")); /* first half of an Arabic letter */
}

static void test_utf8_length_counts_code_points(void **state)
{
	(void)state;
	assert_int_equal(utf8_length(""), 0);
	assert_int_equal(utf8_length("abc"), 3);
	assert_int_equal(utf8_length("علی"), 3);
	assert_int_equal(utf8_length("می\u200cشود"), 6); /* م ی ZWNJ ش و د */
	assert_int_equal(utf8_length("a\u20ac\U0001F600"), 3);
}

static void test_utf8_tab_and_newline_count_as_controls(void **state)
{
	(void)state;
	assert_true(utf8_has_controls("علی\tکریمی"));
	assert_true(utf8_has_controls("line\n"));
	assert_true(utf8_has_controls("a\rb"));
	assert_true(utf8_has_controls("\x01"));
	assert_true(utf8_has_controls("\x1f"));
}

static void test_utf8_del_and_c1_count_as_controls(void **state)
{
	(void)state;
	assert_true(utf8_has_controls("a\x7f"));
	assert_true(utf8_has_controls("a\xc2\x80"));
	assert_true(utf8_has_controls("a\xc2\x85")); /* NEL */
	assert_true(utf8_has_controls("a\xc2\x9f"));
	assert_false(utf8_has_controls("a\u00a0")); /* NBSP is text */
}

static void test_utf8_line_and_paragraph_separators_count_as_controls(void **state)
{
	(void)state;
	assert_true(utf8_has_controls("a\u2028b"));
	assert_true(utf8_has_controls("a\u2029b"));
}

static void test_utf8_every_direction_control_counts(void **state)
{
	static const char *const marks[] = {
	    "\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c",
	    "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
	};
	(void)state;
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		char s[32];
		strcpy(s, "علی");
		strcat(s, marks[i]);
		strcat(s, "x");
		assert_true(utf8_has_controls(s));
	}
}

static void test_utf8_names_and_zwnj_are_not_controls(void **state)
{
	(void)state;
	assert_false(utf8_has_controls(""));
	assert_false(utf8_has_controls("Ali Karimi"));
	assert_false(utf8_has_controls("علی کریمی"));
	assert_false(utf8_has_controls("علی\u200cرضا"));       /* ZWNJ */
	assert_false(utf8_has_controls("\u0644\u200d\u0627")); /* ZWJ */
	assert_false(utf8_has_controls("ولاء العملاء ۱۲۳ ١٢٣"));
}

static void test_utf8_invalid_bytes_count_as_controls(void **state)
{
	(void)state;
	assert_true(utf8_has_controls("abc\xc0\xaf"));
}

static void test_utf8_blank_is_white_space_of_any_script(void **state)
{
	(void)state;
	assert_true(utf8_is_blank(""));
	assert_true(utf8_is_blank("   "));
	assert_true(utf8_is_blank(" \t\n"));
	assert_true(utf8_is_blank("\u00a0\u3000\u2003\u202f"));
	assert_false(utf8_is_blank(" . "));
	assert_false(utf8_is_blank("\u200c")); /* ZWNJ is not white space */
	assert_false(utf8_is_blank(" ی "));
}

static void check_trim(const char *in, const char *want)
{
	char *got = utf8_trim(in);
	assert_string_equal(got, want);
	free(got);
}

static void test_utf8_trim_removes_white_space_of_any_script(void **state)
{
	(void)state;
	check_trim("  علی کریمی \u00a0", "علی کریمی");
	check_trim("\u3000x\u2003", "x");
	check_trim("\t\nولاء العملاء\n", "ولاء العملاء");
	check_trim("inner  space kept", "inner  space kept");
	check_trim("   ", "");
	check_trim("", "");
}

static void check_strip(const char *in, const char *want)
{
	char *got = utf8_strip_direction_marks(in);
	assert_string_equal(got, want);
	free(got);
}

static void test_utf8_strip_removes_only_direction_controls(void **state)
{
	(void)state;
	check_strip("\u202bعلی\u202c", "علی");
	check_strip("a\u200eb\u2067c\u2069d\u061c", "abcd");
	check_strip("\u202a\u202d\u202e\u2066\u2068\u200f", "");
	check_strip("می\u200cشود", "می\u200cشود"); /* ZWNJ belongs to the word */
	check_strip("line\nbreak", "line\nbreak");
}

static void test_utf8_width_counts_terminal_columns_not_bytes(void **state)
{
	(void)state;
	assert_int_equal(utf8_width(""), 0);
	assert_int_equal(utf8_width("Ali"), 3);
	assert_int_equal(utf8_width("علی"), 3);         /* six bytes */
	assert_int_equal(utf8_width("۱۲۳"), 3);         /* Persian digits, six bytes */
	assert_int_equal(utf8_width("١٬٢٥٠"), 5);       /* Arabic-Indic and U+066C */
	assert_int_equal(utf8_width("漢字"), 4);         /* wide letters */
	assert_int_equal(utf8_width("a\xff" "b"), 3);  /* an invalid byte is one */
}

static void test_utf8_width_gives_marks_and_joiners_no_column(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("نقدًا"), 4);         /* tanween fathatan U+064B */
	assert_int_equal(utf8_width("مُحَمَّد"), 4);       /* damma, fatha, shadda */
	assert_int_equal(utf8_width("می\u200cشود"), 5); /* ZWNJ */
	assert_int_equal(utf8_width("\u200fx\u061c"), 1); /* RLM and ALM */
	assert_int_equal(utf8_width("e\u0301"), 1);      /* e + combining acute */
}

/* The walking reader: a valid letter is its bytes; a stray continuation
 * byte or a truncated sequence is one U+FFFD of one byte. */
static void test_utf8_step_walks_over_invalid_bytes(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(utf8_step("\xd8\xb9x", 3, &cp), 2); /* ع */
	assert_int_equal(cp, 0x0639);
	assert_int_equal(utf8_step("\x80x", 2, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_step("\xe2\x82", 2, &cp), 1); /* half of € */
	assert_int_equal(cp, 0xFFFD);
	assert_int_equal(utf8_step("a", 1, &cp), 1);
	assert_int_equal(cp, 'a');
}

int main(void)
{
	/* wcwidth follows LC_CTYPE, as in wafa after ui_locale_apply. */
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_utf8_decodes_one_to_four_bytes),
	    cmocka_unit_test(test_utf8_decodes_only_the_first_code_point),
	    cmocka_unit_test(test_utf8_refuses_overlong_forms),
	    cmocka_unit_test(test_utf8_refuses_surrogates),
	    cmocka_unit_test(test_utf8_refuses_values_above_u10ffff),
	    cmocka_unit_test(test_utf8_refuses_truncated_and_stray_bytes),
	    cmocka_unit_test(test_utf8_encodes_at_every_length_boundary),
	    cmocka_unit_test(test_utf8_encodes_invalid_values_as_replacement),
	    cmocka_unit_test(test_utf8_valid_accepts_real_persian_and_arabic),
	    cmocka_unit_test(test_utf8_valid_refuses_broken_text),
	    cmocka_unit_test(test_utf8_length_counts_code_points),
	    cmocka_unit_test(test_utf8_tab_and_newline_count_as_controls),
	    cmocka_unit_test(test_utf8_del_and_c1_count_as_controls),
	    cmocka_unit_test(test_utf8_line_and_paragraph_separators_count_as_controls),
	    cmocka_unit_test(test_utf8_every_direction_control_counts),
	    cmocka_unit_test(test_utf8_names_and_zwnj_are_not_controls),
	    cmocka_unit_test(test_utf8_invalid_bytes_count_as_controls),
	    cmocka_unit_test(test_utf8_blank_is_white_space_of_any_script),
	    cmocka_unit_test(test_utf8_trim_removes_white_space_of_any_script),
	    cmocka_unit_test(test_utf8_strip_removes_only_direction_controls),
	    cmocka_unit_test(test_utf8_width_counts_terminal_columns_not_bytes),
	    cmocka_unit_test(test_utf8_width_gives_marks_and_joiners_no_column),
	    cmocka_unit_test(test_utf8_step_walks_over_invalid_bytes),
	};
	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
