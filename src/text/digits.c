/* digits.c -- decimal digits of any script. */
#include <config.h>

#include "text/digits.h"

#include <stdbool.h>
#include <string.h>

#include <unicode/uchar.h>

#include "text/strbuf.h"
#include "text/utf8.h"
#include "text/xalloc.h"

int digit_value(uint32_t cp)
{
	if (cp > 0x10FFFF)
		return -1;
	if (u_charType((UChar32)cp) != U_DECIMAL_DIGIT_NUMBER)
		return -1;
	int v = u_charDigitValue((UChar32)cp);
	return v >= 0 && v <= 9 ? v : -1;
}

char *digits_to_ascii(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(s);

	strbuf_grow(&sb, len);
	while (len > 0) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);
		if (n == 0) {
			strbuf_release(&sb);
			return NULL;
		}
		int v = digit_value(cp);
		if (v >= 0)
			strbuf_addc(&sb, (char)('0' + v));
		else
			strbuf_add(&sb, s, n);
		s += n;
		len -= n;
	}
	return strbuf_detach(&sb);
}

static bool is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

char *digits_localize(const char *s, enum digit_script script)
{
	uint32_t zero;

	switch (script) {
	case DIGITS_PERSIAN:
		zero = 0x06F0;
		break;
	case DIGITS_ARABIC:
		zero = 0x0660;
		break;
	case DIGITS_LATIN:
	default:
		return xstrdup(s);
	}

	/* Only ASCII bytes are replaced, so the text around them (valid or
	 * not) passes through byte for byte. */
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(s);
	strbuf_grow(&sb, 2 * len);
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		bool between =
		    i > 0 && i + 1 < len && is_ascii_digit(s[i - 1]) && is_ascii_digit(s[i + 1]);
		if (is_ascii_digit(c))
			strbuf_add_cp(&sb, zero + (uint32_t)(c - '0'));
		else if (c == ',' && between)
			strbuf_add_cp(&sb, 0x066C);
		else if (c == '.' && between)
			strbuf_add_cp(&sb, 0x066B);
		else
			strbuf_addc(&sb, c);
	}
	return strbuf_detach(&sb);
}
