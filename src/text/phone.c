/* phone.c -- telephone numbers as the shop stores and searches them. */
#include <config.h>

#include "text/phone.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "text/digits.h"
#include "text/i18n.h"
#include "text/strbuf.h"
#include "text/utf8.h"
#include "text/xalloc.h"

#define PHONE_MIN_DIGITS 5
#define PHONE_MAX_DIGITS 15

static bool is_dash(uint32_t cp)
{
	return u_charType((UChar32)cp) == U_DASH_PUNCTUATION || cp == 0x2212;
}

/* Separators a person types between digit groups; a query accepts only
 * spaces and dashes (a "." or "(" there means it is not a phone query). */
static bool is_separator(uint32_t cp, bool query)
{
	if (u_isUWhiteSpace((UChar32)cp) || is_dash(cp))
		return true;
	return !query && (cp == '.' || cp == '(' || cp == ')');
}

/* Collects the digits of text as ASCII into *digits, a leading "+" as
 * "00".  *typed tells whether anything but white space was there,
 * *ndigits how many digits were typed. */
static enum phone_error collect(const char *text, bool query, struct strbuf *digits, bool *typed,
                                size_t *ndigits)
{
	size_t len = strlen(text);
	bool first = true;

	*typed = false;
	*ndigits = 0;
	while (len > 0) {
		uint32_t cp;
		size_t n = utf8_decode(text, len, &cp);
		if (n == 0)
			return PHONE_CHARS;
		text += n;
		len -= n;
		if (u_isUWhiteSpace((UChar32)cp))
			continue;
		*typed = true;
		int v = digit_value(cp);
		if (v >= 0) {
			strbuf_addc(digits, (char)('0' + v));
			(*ndigits)++;
		} else if (cp == '+' && first)
			strbuf_adds(digits, "00");
		else if (!is_separator(cp, query))
			return PHONE_CHARS;
		first = false;
	}
	return PHONE_OK;
}

/* "0098912..." -> "0912..." for the shop's country_code "98" ("+98" and
 * "0098" are taken too).  Trunk zeros written after the country code, as
 * in "+98 (0)912 ...", are dropped -- all of them, so that a normalised
 * number normalises to itself (found by fuzzing: "+98 00 98 ..."). */
static void make_national(struct strbuf *digits, const char *country_code)
{
	if (country_code == NULL)
		return;
	if (country_code[0] == '+')
		country_code++;
	else if (strncmp(country_code, "00", 2) == 0)
		country_code += 2;
	size_t cclen = strlen(country_code);
	if (cclen == 0 || strspn(country_code, "0123456789") != cclen)
		return;

	const char *d = strbuf_str(digits);
	if (strncmp(d, "00", 2) != 0 || strncmp(d + 2, country_code, cclen) != 0)
		return;
	const char *rest = d + 2 + cclen;
	while (rest[0] == '0')
		rest++;
	char *national = xasprintf("0%s", rest);
	strbuf_reset(digits);
	strbuf_adds(digits, national);
	free(national);
}

/* Digits without the international "00" or the national "0" prefix. */
static size_t significant_digits(const char *d)
{
	size_t n = strlen(d);
	if (strncmp(d, "00", 2) == 0)
		return n - 2;
	if (d[0] == '0')
		return n - 1;
	return n;
}

enum phone_error phone_normalize(const char *text, const char *country_code, char **out)
{
	struct strbuf digits = STRBUF_INIT;
	bool typed;
	size_t ndigits;
	enum phone_error err = collect(text, false, &digits, &typed, &ndigits);

	if (err != PHONE_OK)
		goto out;
	if (!typed) {
		err = PHONE_EMPTY;
		goto out;
	}
	make_national(&digits, country_code);
	size_t sig = significant_digits(strbuf_str(&digits));
	if (sig < PHONE_MIN_DIGITS) {
		err = PHONE_SHORT;
		goto out;
	}
	if (sig > PHONE_MAX_DIGITS) {
		err = PHONE_LONG;
		goto out;
	}
	*out = strbuf_detach(&digits);
out:
	strbuf_release(&digits);
	return err;
}

const char *phone_strerror(enum phone_error err)
{
	switch (err) {
	case PHONE_OK:
		return "";
	case PHONE_EMPTY:
		/* TRANSLATORS: said of a phone number. */
		return _("is empty");
	case PHONE_CHARS:
		/* TRANSLATORS: said of a phone number. */
		return _("may hold only digits, spaces, dashes and a leading +");
	case PHONE_SHORT:
		/* TRANSLATORS: said of a phone number. */
		return _("is too short for a phone number");
	case PHONE_LONG:
		/* TRANSLATORS: said of a phone number. */
		return _("is too long for a phone number");
	}
	/* TRANSLATORS: said of a phone number. */
	return _("is not a valid phone number");
}

char *phone_query_digits(const char *text, const char *country_code)
{
	struct strbuf digits = STRBUF_INIT;
	bool typed;
	size_t ndigits;
	char *result = NULL;

	if (collect(text, true, &digits, &typed, &ndigits) != PHONE_OK || ndigits == 0)
		goto out;
	make_national(&digits, country_code);
	result = strbuf_detach(&digits);
out:
	strbuf_release(&digits);
	return result;
}

char *phone_format(const char *digits)
{
	size_t n = strlen(digits);

	if (strspn(digits, "0123456789") != n || n <= 5)
		return xstrdup(digits);

	/* A national mobile number reads 4-3-4 ("0912 345 6789"); anything
	 * else reads in threes from the left, the remainder making the last
	 * one or two groups fours, so that no group is shorter than three. */
	size_t lead = n == 11 && digits[0] == '0' ? 4 : 0;
	size_t rest = n - lead;
	size_t fours = rest % 3 == 0 ? 0 : rest % 3 == 1 ? 1 : 2;
	size_t threes = (rest - 4 * fours) / 3;

	struct strbuf sb = STRBUF_INIT;
	const char *p = digits;
	if (lead > 0) {
		strbuf_add(&sb, p, lead);
		p += lead;
	}
	for (size_t i = 0; i < threes + fours; i++) {
		size_t g = i < threes ? 3 : 4;
		if (sb.len > 0)
			strbuf_addc(&sb, ' ');
		strbuf_add(&sb, p, g);
		p += g;
	}
	return strbuf_detach(&sb);
}
