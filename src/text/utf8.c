/* utf8.c -- decoding and checking UTF-8, the text of the core. */
#include <config.h>

#include "text/utf8.h"

#include <string.h>
#include <wchar.h>

#include <unicode/uchar.h>

#include "text/strbuf.h"
#include "text/xalloc.h"

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t c, min;
	size_t n;

	*cp = 0xFFFD;
	if (len == 0)
		return 0;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		n = 2;
		c = p[0] & 0x1F;
		min = 0x80;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		n = 3;
		c = p[0] & 0x0F;
		min = 0x800;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		n = 4;
		c = p[0] & 0x07;
		min = 0x10000;
	} else {
		return 0; /* continuation byte, C0/C1 (overlong) or F5-FF */
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_valid(const char *s)
{
	if (s == NULL)
		return false;
	size_t len = strlen(s);
	while (len > 0) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);
		if (n == 0)
			return false;
		s += n;
		len -= n;
	}
	return true;
}

size_t utf8_length(const char *s)
{
	size_t len = strlen(s), count = 0;
	while (len > 0) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);
		if (n == 0)
			n = 1; /* an invalid byte counts as one */
		s += n;
		len -= n;
		count++;
	}
	return count;
}

size_t utf8_cp_width(uint32_t cp)
{
	int8_t cat = u_charType((UChar32)cp);
	if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || cat == U_FORMAT_CHAR)
		return 0;
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : (size_t)w;
}

size_t utf8_width(const char *s)
{
	size_t len = strlen(s), width = 0;
	while (len > 0) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);
		if (n == 0) {
			n = 1; /* an invalid byte takes one column (U+FFFD) */
			width++;
		} else {
			width += utf8_cp_width(cp);
		}
		s += n;
		len -= n;
	}
	return width;
}

static bool is_direction_control(uint32_t cp)
{
	return cp == 0x200E || cp == 0x200F || cp == 0x061C || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

static bool is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
	       is_direction_control(cp);
}

bool utf8_has_controls(const char *s)
{
	size_t len = strlen(s);
	while (len > 0) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);
		if (n == 0 || is_control(cp))
			return true;
		s += n;
		len -= n;
	}
	return false;
}

bool utf8_is_blank(const char *s)
{
	size_t len = strlen(s);
	while (len > 0) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);
		if (n == 0 || !u_isUWhiteSpace((UChar32)cp))
			return false;
		s += n;
		len -= n;
	}
	return true;
}

char *utf8_trim(const char *s)
{
	size_t len = strlen(s), pos = 0, start = 0, end = 0;
	bool seen = false;

	/* start: first byte of the first non-space; end: just after the last. */
	while (pos < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + pos, len - pos, &cp);
		bool space = n != 0 && u_isUWhiteSpace((UChar32)cp);
		if (n == 0)
			n = 1;
		if (!space) {
			if (!seen)
				start = pos;
			seen = true;
			end = pos + n;
		}
		pos += n;
	}
	if (!seen)
		return xstrdup("");
	return xstrndup(s + start, end - start);
}

char *utf8_strip_direction_marks(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(s);

	strbuf_grow(&sb, len);
	while (len > 0) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, &cp);
		if (n == 0)
			n = 1; /* invalid bytes are kept as they are */
		else if (is_direction_control(cp)) {
			s += n;
			len -= n;
			continue;
		}
		strbuf_add(&sb, s, n);
		s += n;
		len -= n;
	}
	return strbuf_detach(&sb);
}

size_t utf8_step(const char *s, size_t len, uint32_t *cp)
{
	size_t k = utf8_decode(s, len, cp);
	if (k == 0) {
		*cp = 0xFFFD;
		k = 1;
	}
	return k;
}
