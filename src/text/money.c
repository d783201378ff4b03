/* money.c -- amounts of money as integer minor units.
 *
 * The parser walks the code points once and never uses floating point:
 * the digits accumulate into an int64 count of minor units with an
 * overflow check at every step. */
#include <config.h>

#include "text/money.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "text/i18n.h"
#include "text/strbuf.h"
#include "text/utf8.h"
#include "text/xalloc.h"

/* The largest number of decimals the arithmetic below supports; the
 * shop's currency has 0-3. */
#define MONEY_MAX_DECIMALS 9

struct money_scan {
	int64_t value;      /* minor units so far */
	bool overflow;      /* value went beyond INT64_MAX */
	size_t int_digits;  /* digits before the decimal separator */
	size_t frac_digits; /* digits after it */
	size_t separators;  /* grouping separators seen */
	size_t group_len;   /* digits since the last separator */
	bool bad_grouping;
	bool in_fraction;
};

static bool is_group_separator(uint32_t cp)
{
	return cp == ',' || cp == 0x066C || cp == 0x060C;
}

static bool is_decimal_separator(uint32_t cp)
{
	return cp == '.' || cp == 0x066B;
}

static bool is_minus(uint32_t cp)
{
	return cp == '-' || cp == 0x2212;
}

static void accumulate(struct money_scan *ms, int digit)
{
	if (ms->overflow)
		return;
	if (ms->value > (INT64_MAX - digit) / 10) {
		ms->overflow = true;
		return;
	}
	ms->value = ms->value * 10 + digit;
}

/* Checks the group that ends here (at a separator or at the end of the
 * integer part). */
static void end_group(struct money_scan *ms, bool at_separator)
{
	if (ms->separators > 0 || at_separator) {
		bool first = at_separator ? ms->separators == 0 : false;
		if (first ? (ms->group_len < 1 || ms->group_len > 3) : ms->group_len != 3)
			ms->bad_grouping = true;
	}
	ms->group_len = 0;
}

enum money_error money_parse(const char *text, int decimals, int64_t *out)
{
	struct money_scan ms = {0};
	size_t len = strlen(text), pos = 0, end = 0;
	bool negative = false, seen = false;

	if (decimals < 0 || decimals > MONEY_MAX_DECIMALS)
		return MONEY_RANGE;
	if (!utf8_valid(text))
		return MONEY_SYNTAX;

	/* [pos, end): the text without surrounding white space. */
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(text + i, len - i, &cp);
		if (!u_isUWhiteSpace((UChar32)cp)) {
			if (!seen)
				pos = i;
			seen = true;
			end = i + n;
		}
		i += n;
	}
	if (!seen)
		return MONEY_EMPTY;

	uint32_t cp;
	size_t n = utf8_decode(text + pos, end - pos, &cp);
	if (cp == '+') {
		pos += n;
	} else if (is_minus(cp)) {
		negative = true;
		pos += n;
	}

	while (pos < end) {
		n = utf8_decode(text + pos, end - pos, &cp);
		pos += n;
		int v = digit_value(cp);
		if (v >= 0) {
			if (ms.in_fraction) {
				ms.frac_digits++;
				if (ms.frac_digits <= (size_t)decimals)
					accumulate(&ms, v);
			} else {
				ms.int_digits++;
				ms.group_len++;
				accumulate(&ms, v);
			}
		} else if (is_group_separator(cp) && !ms.in_fraction) {
			end_group(&ms, true);
			ms.separators++;
		} else if (is_decimal_separator(cp) && !ms.in_fraction) {
			end_group(&ms, false);
			ms.in_fraction = true;
		} else {
			return MONEY_SYNTAX;
		}
	}
	if (!ms.in_fraction)
		end_group(&ms, false);

	if (ms.int_digits == 0 && ms.frac_digits == 0)
		return MONEY_SYNTAX; /* "", "+", ",", "." */
	if (ms.in_fraction && ms.frac_digits == 0)
		return MONEY_SYNTAX; /* "12." */
	if (negative)
		return MONEY_NEGATIVE;
	if (ms.bad_grouping)
		return MONEY_GROUPING;
	if (ms.frac_digits > (size_t)decimals)
		return MONEY_DECIMALS;
	for (size_t i = ms.frac_digits; i < (size_t)decimals; i++)
		accumulate(&ms, 0);
	if (ms.overflow)
		return MONEY_RANGE;
	*out = ms.value;
	return MONEY_OK;
}

const char *money_strerror(enum money_error err)
{
	switch (err) {
	case MONEY_OK:
		return "";
	case MONEY_EMPTY:
		/* TRANSLATORS: said of an amount of money the cashier typed. */
		return _("is empty");
	case MONEY_SYNTAX:
		/* TRANSLATORS: said of an amount of money, e.g. "12.50". */
		return _("is not an amount like 1250 or 12.50");
	case MONEY_NEGATIVE:
		return _("cannot be negative");
	case MONEY_GROUPING:
		/* TRANSLATORS: the thousands separators, as in "1,250,000". */
		return _("has thousands separators in the wrong place");
	case MONEY_DECIMALS:
		return _("has more decimals than the currency allows");
	case MONEY_RANGE:
		return _("is too large");
	}
	return _("is not a valid amount");
}

static uint64_t pow10_u64(int n)
{
	uint64_t p = 1;
	while (n-- > 0)
		p *= 10;
	return p;
}

/* The magnitude split at the decimal point; *negative for minor < 0.
 * INT64_MIN has no positive int64, so the magnitude is unsigned. */
static void split(int64_t minor, int decimals, bool *negative, uint64_t *units, uint64_t *fraction)
{
	uint64_t mag = minor < 0 ? (uint64_t)(-(minor + 1)) + 1 : (uint64_t)minor;
	uint64_t p = pow10_u64(decimals);
	*negative = minor < 0;
	*units = mag / p;
	*fraction = mag % p;
}

static int clamp_decimals(int decimals)
{
	if (decimals < 0)
		return 0;
	if (decimals > 18)
		return 18;
	return decimals;
}

static char *format(int64_t minor, int decimals, bool grouped)
{
	struct strbuf sb = STRBUF_INIT;
	bool negative;
	uint64_t units, fraction;
	char digits[24];

	decimals = clamp_decimals(decimals);
	split(minor, decimals, &negative, &units, &fraction);
	if (negative)
		strbuf_addc(&sb, '-');
	int nd = snprintf(digits, sizeof digits, "%" PRIu64, units);
	for (int i = 0; i < nd; i++) {
		if (grouped && i > 0 && (nd - i) % 3 == 0)
			strbuf_addc(&sb, ',');
		strbuf_addc(&sb, digits[i]);
	}
	if (decimals > 0)
		strbuf_addf(&sb, ".%0*" PRIu64, decimals, fraction);
	return strbuf_detach(&sb);
}

char *money_format_plain(int64_t minor, int decimals)
{
	return format(minor, decimals, false);
}

char *money_format(int64_t minor, int decimals, enum digit_script script)
{
	char *ascii = format(minor, decimals, true);
	if (script == DIGITS_LATIN)
		return ascii;
	/* digits_localize turns "," and "." between digits into U+066C and
	 * U+066B, which is exactly the grouping and decimal point wanted. */
	char *local = digits_localize(ascii, script);
	free(ascii);
	return local;
}
