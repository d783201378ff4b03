/* test_collate.c -- names in the order of the UI language. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text/collate.h"

/* The Persian alphabet, one given name per letter, in dictionary order:
 * آ ا ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی */
static const char *const persian_names[] = {
    "آرش",  "احمد",  "بهرام", "پرویز", "تینا",  "ثریا",  "جواد", "چنگیز", "حسن",   "خسرو", "داوود",
    "ذبیح", "رضا",   "زهرا",  "ژاله",  "سارا",  "شیرین", "صادق", "ضیا",   "طاهره", "ظریف", "عباس",
    "غلام", "فرهاد", "قاسم",  "کاوه",  "گلاره", "لیلا",  "مریم", "نرگس",  "وحید",  "هادی", "یاسمن",
};
#define N_PERSIAN (sizeof persian_names / sizeof persian_names[0])

static struct collator *sort_collator;

static int compare_with_collator(const void *a, const void *b)
{
	return collator_compare(sort_collator, *(const char *const *)a, *(const char *const *)b);
}

static void test_collate_sorts_persian_names_in_persian_alphabetical_order(void **state)
{
	const char *names[N_PERSIAN];
	(void)state;
	/* a fixed shuffle: every seventh name */
	for (size_t i = 0; i < N_PERSIAN; i++)
		names[i] = persian_names[(i * 7) % N_PERSIAN];
	sort_collator = collator_open("fa");
	assert_non_null(sort_collator);
	qsort(names, N_PERSIAN, sizeof names[0], compare_with_collator);
	for (size_t i = 0; i < N_PERSIAN; i++)
		assert_string_equal(names[i], persian_names[i]);
	collator_close(sort_collator);
}

static void test_collate_persian_puts_waw_before_heh_unlike_arabic(void **state)
{
	struct collator *fa = collator_open("fa"), *ar = collator_open("ar");
	(void)state;
	/* Persian: ... ن و ه ی; Arabic: ... ن ه و ي */
	assert_true(collator_compare(fa, "وحید", "هادی") < 0);
	assert_true(collator_compare(ar, "وليد", "هدى") > 0);
	collator_close(fa);
	collator_close(ar);
}

static void test_collate_persian_puts_the_extra_letters_after_their_arabic_base(void **state)
{
	struct collator *fa = collator_open("fa");
	(void)state;
	assert_true(collator_compare(fa, "بهرام", "پرویز") < 0); /* ب < پ */
	assert_true(collator_compare(fa, "پرویز", "تینا") < 0);  /* پ < ت */
	assert_true(collator_compare(fa, "جواد", "چنگیز") < 0);  /* ج < چ */
	assert_true(collator_compare(fa, "چنگیز", "حسن") < 0);   /* چ < ح */
	assert_true(collator_compare(fa, "زینب", "ژاله") < 0);   /* ز < ژ */
	assert_true(collator_compare(fa, "ژاله", "سارا") < 0);   /* ژ < س */
	assert_true(collator_compare(fa, "کیان", "گلی") < 0);    /* ک < گ */
	assert_true(collator_compare(fa, "گیتی", "لیلا") < 0);   /* گ < ل */
	collator_close(fa);
}

static void test_collate_persian_puts_alef_madda_before_alef(void **state)
{
	struct collator *fa = collator_open("fa");
	(void)state;
	assert_true(collator_compare(fa, "آزاده", "ابراهیم") < 0);
	assert_true(collator_compare(fa, "آرش", "آزاده") < 0);
	assert_true(collator_compare(fa, "ابراهیم", "امید") < 0);
	collator_close(fa);
}

static void test_collate_sorts_arabic_names_in_arabic_order(void **state)
{
	static const char *const want[] = {
	    "أحمد", "بدر",  "تامر", "ثامر", "جميلة", "حسن",  "خالد", "دانة", "ذكرى", "رامي",
	    "زينب", "سعيد", "شادي", "صالح", "ضياء",  "طارق", "ظافر", "عمر",  "غادة", "فاطمة",
	    "قاسم", "كريم", "ليلى", "منى",  "نور",   "هدى",  "وليد", "يوسف",
	};
	const size_t n = sizeof want / sizeof want[0];
	const char *names[sizeof want / sizeof want[0]];
	(void)state;
	for (size_t i = 0; i < n; i++)
		names[i] = want[n - 1 - i];
	sort_collator = collator_open("ar");
	assert_non_null(sort_collator);
	qsort(names, n, sizeof names[0], compare_with_collator);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(names[i], want[i]);
	collator_close(sort_collator);
}

static void test_collate_english_ignores_case_at_first(void **state)
{
	struct collator *en = collator_open("en");
	(void)state;
	assert_true(collator_compare(en, "apple", "Banana") < 0);
	assert_true(collator_compare(en, "Banana", "cherry") < 0);
	assert_int_equal(collator_compare(en, "Karimi", "Karimi"), 0);
	collator_close(en);
}

static int compare_keys(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	int d = memcmp(a, b, alen < blen ? alen : blen);
	if (d != 0)
		return d < 0 ? -1 : 1;
	return alen < blen ? -1 : alen > blen;
}

static void test_collate_sort_keys_order_like_the_collator(void **state)
{
	struct collator *fa = collator_open("fa");
	uint8_t *keys[N_PERSIAN];
	size_t lens[N_PERSIAN];
	(void)state;
	for (size_t i = 0; i < N_PERSIAN; i++)
		assert_int_equal(collator_sort_key(fa, persian_names[i], &keys[i], &lens[i]), 0);
	for (size_t i = 0; i < N_PERSIAN; i++) {
		for (size_t j = 0; j < N_PERSIAN; j++) {
			int want = i < j ? -1 : i > j;
			assert_int_equal(compare_keys(keys[i], lens[i], keys[j], lens[j]), want);
		}
	}
	for (size_t i = 0; i < N_PERSIAN; i++)
		free(keys[i]);
	collator_close(fa);
}

static void test_collate_sort_key_has_no_terminating_zero(void **state)
{
	struct collator *fa = collator_open("fa");
	uint8_t *key = NULL;
	size_t len = 0;
	(void)state;
	assert_int_equal(collator_sort_key(fa, "علی کریمی", &key, &len), 0);
	assert_true(len > 0);
	assert_null(memchr(key, 0, len));
	free(key);
	collator_close(fa);
}

static void test_collate_sort_key_grows_for_long_expansions(void **state)
{
	/* U+FDFA (one UTF-16 unit) expands to eighteen letters. */
	struct collator *ar = collator_open("ar");
	char text[100 * 3 + 1] = "";
	uint8_t *key = NULL, *again = NULL;
	size_t len = 0, again_len = 0;
	(void)state;
	for (int i = 0; i < 100; i++)
		strcat(text, "\ufdfa");
	assert_int_equal(collator_sort_key(ar, text, &key, &len), 0);
	assert_true(len > 4 * 100 + 16);
	assert_null(memchr(key, 0, len));
	assert_int_equal(collator_sort_key(ar, text, &again, &again_len), 0);
	assert_int_equal(len, again_len);
	assert_memory_equal(key, again, len);
	free(key);
	free(again);
	collator_close(ar);
}

static void test_collate_sort_key_refuses_invalid_utf8(void **state)
{
	struct collator *fa = collator_open("fa");
	uint8_t *key = NULL;
	size_t len = 0;
	(void)state;
	assert_int_equal(collator_sort_key(fa, "علی\xc0\xaf", &key, &len), -1);
	assert_null(key);
	collator_close(fa);
}

/* "LANG d.d[.d[.d]]" */
static void check_version(const char *version, const char *lang)
{
	size_t n = strlen(lang);
	assert_memory_equal(version, lang, n);
	assert_int_equal(version[n], ' ');
	const char *v = version + n + 1;
	assert_true(strlen(v) >= 3);
	assert_int_equal(strspn(v, "0123456789."), strlen(v));
	assert_non_null(strchr(v, '.'));
}

static void test_collate_version_names_the_language_and_icu_version(void **state)
{
	struct collator *fa = collator_open("fa"), *root = collator_open(NULL),
	                *empty = collator_open("");
	(void)state;
	check_version(collator_version(fa), "fa");
	check_version(collator_version(root), "root");
	check_version(collator_version(empty), "root");
	collator_close(fa);
	collator_close(root);
	collator_close(empty);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_collate_sorts_persian_names_in_persian_alphabetical_order),
	    cmocka_unit_test(test_collate_persian_puts_waw_before_heh_unlike_arabic),
	    cmocka_unit_test(test_collate_persian_puts_the_extra_letters_after_their_arabic_base),
	    cmocka_unit_test(test_collate_persian_puts_alef_madda_before_alef),
	    cmocka_unit_test(test_collate_sorts_arabic_names_in_arabic_order),
	    cmocka_unit_test(test_collate_english_ignores_case_at_first),
	    cmocka_unit_test(test_collate_sort_keys_order_like_the_collator),
	    cmocka_unit_test(test_collate_sort_key_has_no_terminating_zero),
	    cmocka_unit_test(test_collate_sort_key_grows_for_long_expansions),
	    cmocka_unit_test(test_collate_sort_key_refuses_invalid_utf8),
	    cmocka_unit_test(test_collate_version_names_the_language_and_icu_version),
	};
	return cmocka_run_group_tests_name("collate", tests, NULL, NULL);
}
