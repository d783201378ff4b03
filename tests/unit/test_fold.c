/* test_fold.c -- the search key: "علي كريمي" finds "علی کریمی". */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text/fold.h"

static void check_fold(const char *in, const char *want)
{
	char *got = fold_search_key(in);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_fold_arabic_and_persian_spellings_of_a_name_meet(void **state)
{
	(void)state;
	/* U+0639 U+0644 U+06CC, U+06A9 U+0631 U+06CC U+0645 U+06CC */
	static const char persian[] = "\u0639\u0644\u06cc \u06a9\u0631\u06cc\u0645\u06cc";
	check_fold("علي كريمي", persian); /* Arabic yeh and kaf */
	check_fold("علی کریمی", persian);
	check_fold("على كريمى", persian); /* alef maksura */
}

static void test_fold_maps_yeh_forms_to_farsi_yeh(void **state)
{
	(void)state;
	check_fold("\u064a", "\u06cc"); /* ي */
	check_fold("\u0649", "\u06cc"); /* ى */
	check_fold("\u0626", "\u06cc"); /* ئ */
	check_fold("مسئول", "مسیول");
	check_fold("موسى", "موسی");
	check_fold("\u064a\u0654", "\u06cc"); /* yeh + hamza above composes to ئ */
}

static void test_fold_maps_kaf_to_keheh(void **state)
{
	(void)state;
	check_fold("\u0643", "\u06a9");
	check_fold("كمال", "کمال");
}

static void test_fold_maps_alef_forms_to_bare_alef(void **state)
{
	(void)state;
	check_fold("أحمد", "احمد");
	check_fold("إبراهيم", "ابراهیم");
	check_fold("ٱلرحمن", "الرحمن");
	check_fold("آرش", "ارش");
	/* alef + madda above: NFKC composes it into آ first */
	check_fold("\u0627\u0653رش", "ارش");
}

static void test_fold_maps_waw_with_hamza_to_waw(void **state)
{
	(void)state;
	check_fold("مؤمن", "مومن");
}

static void test_fold_maps_teh_marbuta_and_heh_forms_to_heh(void **state)
{
	(void)state;
	check_fold("فاطمة", "فاطمه");
	check_fold("خانۀ", "خانه");                 /* U+06C0 */
	check_fold("\u0647\u0654", "\u0647");       /* heh + hamza above */
	check_fold("\u06d5", "\u0647");             /* ە AE */
	check_fold("\u06d5\u0654", "\u0647");       /* = U+06C0 decomposed */
	check_fold("ولاء العملاء", "ولاء العملاء"); /* lone hamza U+0621 stays */
}

static void test_fold_removes_harakat_from_real_text(void **state)
{
	(void)state;
	check_fold("مُنتج", "منتج");   /* damma */
	check_fold("يُمكن", "یمکن");   /* damma, with yeh and kaf mapped */
	check_fold("ويروّج", "ویروج"); /* shadda */
	check_fold("فضلاً", "فضلا");   /* fathatan */
	check_fold("ذاتيًا.", "ذاتیا.");
	check_fold("هٰذا", "هذا"); /* superscript alef U+0670 */
	check_fold("مُحَمَّد", "محمد");
}

static void test_fold_removes_tatweel(void **state)
{
	(void)state;
	check_fold("بـ", "ب");
	check_fold("محـــمد", "محمد");
}

static void test_fold_removes_zero_width_joiners(void **state)
{
	(void)state;
	check_fold("می\u200cشود", "میشود");
	check_fold("علی\u200cرضا", "علیرضا");
	check_fold("\u0644\u200d\u0627", "\u0644\u0627");
}

static void test_fold_removes_direction_marks(void **state)
{
	(void)state;
	check_fold("\u200fعلی\u200e", "علی");
	check_fold("\u202bعلی\u202c \u2067کریمی\u2069", "علی کریمی");
	check_fold("\u061cعلی", "علی");
}

static void test_fold_turns_every_digit_into_ascii(void **state)
{
	(void)state;
	check_fold("۰۹۱۲", "0912");
	check_fold("١٢٣", "123");
	check_fold("\uff11\uff12", "12");
	check_fold("\u096b", "5");
}

static void test_fold_lowercases_with_full_case_folding(void **state)
{
	(void)state;
	check_fold("Ali KARIMI", "ali karimi");
	check_fold("Straße", "strasse");
	check_fold("STRASSE", "strasse");
	check_fold("ΣΟΦΟΣ σοφος", "σοφοσ σοφοσ");
}

static void test_fold_collapses_white_space_and_trims(void **state)
{
	(void)state;
	check_fold("  علی \t\u00a0 کریمی  ", "علی کریمی");
	check_fold("\u3000Ali\u2003\u2003Karimi\n", "ali karimi");
	check_fold("   ", "");
	check_fold("", "");
}

static void test_fold_turns_presentation_forms_into_letters(void **state)
{
	(void)state;
	/* "علي" in the isolated/initial/medial/final forms of old data */
	check_fold("\ufecb\ufee0\ufef2", "\u0639\u0644\u06cc");
	check_fold("\ufb8e", "\u06a9"); /* KEHEH isolated form */
}

static void test_fold_refuses_invalid_utf8(void **state)
{
	(void)state;
	assert_null(fold_search_key("علی\xc0\xaf"));
}

static void check_words(const char *folded, size_t n, const char *const *want)
{
	char **words = NULL;
	size_t got = fold_words(folded, &words);
	assert_int_equal(got, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(words[i], want[i]);
	fold_words_free(words, got);
}

static void test_fold_words_splits_a_name_into_words(void **state)
{
	(void)state;
	check_words("علی کریمی", 2, (const char *const[]){"علی", "کریمی"});
	check_words("ali-reza karimi", 3, (const char *const[]){"ali", "reza", "karimi"});
	check_words("a.b,c", 3, (const char *const[]){"a", "b", "c"});
	check_words("o'brien", 2, (const char *const[]){"o", "brien"});
	check_words("09123 abc", 2, (const char *const[]){"09123", "abc"});
	check_words("  ، ولاء،العملاء ", 2, (const char *const[]){"ولاء", "العملاء"});
}

static void test_fold_words_keeps_marks_inside_words(void **state)
{
	(void)state;
	/* Devanagari vowel signs and virama are marks (Mc, Mn). */
	check_words("हिन्दी", 1, (const char *const[]){"हिन्दी"});
}

static void test_fold_words_keeps_each_word_once(void **state)
{
	(void)state;
	check_words("ali ali reza ali", 2, (const char *const[]){"ali", "reza"});
}

static void test_fold_words_of_nothing_is_none(void **state)
{
	(void)state;
	check_words("", 0, NULL);
	check_words(" - . ", 0, NULL);
}

static void test_fold_query_prefix_matches_a_word_of_the_other_spelling(void **state)
{
	char *name = fold_search_key("علی کریمی");
	char *query = fold_search_key("كريمي");
	char *partial = fold_search_key("كري");
	char **words = NULL;
	size_t n = fold_words(name, &words);
	bool whole = false, prefix = false;
	(void)state;
	for (size_t i = 0; i < n; i++) {
		whole = whole || strcmp(words[i], query) == 0;
		prefix = prefix || strncmp(words[i], partial, strlen(partial)) == 0;
	}
	assert_true(whole);
	assert_true(prefix);
	fold_words_free(words, n);
	free(name);
	free(query);
	free(partial);
}

static void check_upper(const char *prefix, const char *want)
{
	char *got = fold_prefix_upper(prefix);
	if (want == NULL) {
		assert_null(got);
		return;
	}
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_fold_prefix_upper_raises_the_last_code_point(void **state)
{
	(void)state;
	check_upper("ab", "ac");
	check_upper("a", "b");
	check_upper("\u06a9\u0631\u06cc", "\u06a9\u0631\u06cd"); /* کری -> کرۍ */
	check_upper("a\U0010ffff", "b");
	check_upper("\ud7ff", "\ue000"); /* steps over the surrogates */
	check_upper("0912", "0913");
}

static void test_fold_prefix_upper_has_no_bound_for_the_empty_prefix(void **state)
{
	(void)state;
	check_upper("", NULL);
	check_upper("\U0010ffff\U0010ffff", NULL);
}

static void test_fold_prefix_upper_bounds_every_string_with_the_prefix(void **state)
{
	static const char prefix[] = "\u06a9\u0631\u06cc"; /* کری */
	static const char *const inside[] = {
	    "\u06a9\u0631\u06cc", "\u06a9\u0631\u06cc\u0645\u06cc",
	    "\u06a9\u0631\u06cc\U0010ffff\U0010ffff", "\u06a9\u0631\u06cc\xff", /* not even UTF-8 */
	};
	static const char *const outside[] = {
	    "\u06a9\u0631\u06cd",       /* the bound itself */
	    "\u06a9\u0631\u06cd\u0627", /* after it */
	    "\u06a9\u0631\u06d0",
	};
	char *upper = fold_prefix_upper(prefix);
	(void)state;
	assert_non_null(upper);
	for (size_t i = 0; i < sizeof inside / sizeof inside[0]; i++) {
		assert_true(strcmp(prefix, inside[i]) <= 0);
		assert_true(strcmp(inside[i], upper) < 0);
	}
	for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++)
		assert_true(strcmp(outside[i], upper) >= 0);
	/* a string before the prefix stays below it */
	assert_true(strcmp("\u06a9\u0631\u062c", prefix) < 0); /* کرج */
	free(upper);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fold_arabic_and_persian_spellings_of_a_name_meet),
	    cmocka_unit_test(test_fold_maps_yeh_forms_to_farsi_yeh),
	    cmocka_unit_test(test_fold_maps_kaf_to_keheh),
	    cmocka_unit_test(test_fold_maps_alef_forms_to_bare_alef),
	    cmocka_unit_test(test_fold_maps_waw_with_hamza_to_waw),
	    cmocka_unit_test(test_fold_maps_teh_marbuta_and_heh_forms_to_heh),
	    cmocka_unit_test(test_fold_removes_harakat_from_real_text),
	    cmocka_unit_test(test_fold_removes_tatweel),
	    cmocka_unit_test(test_fold_removes_zero_width_joiners),
	    cmocka_unit_test(test_fold_removes_direction_marks),
	    cmocka_unit_test(test_fold_turns_every_digit_into_ascii),
	    cmocka_unit_test(test_fold_lowercases_with_full_case_folding),
	    cmocka_unit_test(test_fold_collapses_white_space_and_trims),
	    cmocka_unit_test(test_fold_turns_presentation_forms_into_letters),
	    cmocka_unit_test(test_fold_refuses_invalid_utf8),
	    cmocka_unit_test(test_fold_words_splits_a_name_into_words),
	    cmocka_unit_test(test_fold_words_keeps_marks_inside_words),
	    cmocka_unit_test(test_fold_words_keeps_each_word_once),
	    cmocka_unit_test(test_fold_words_of_nothing_is_none),
	    cmocka_unit_test(test_fold_query_prefix_matches_a_word_of_the_other_spelling),
	    cmocka_unit_test(test_fold_prefix_upper_raises_the_last_code_point),
	    cmocka_unit_test(test_fold_prefix_upper_has_no_bound_for_the_empty_prefix),
	    cmocka_unit_test(test_fold_prefix_upper_bounds_every_string_with_the_prefix),
	};
	return cmocka_run_group_tests_name("fold", tests, NULL, NULL);
}
