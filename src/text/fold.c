/* fold.c -- the search key of DESIGN.md section 10.
 *
 * The text goes through ICU as UTF-16: NFKC first (it composes alef and
 * madda into U+0622 and turns presentation forms into letters), then the
 * Persian/Arabic letter mappings and the drops, digits to ASCII, full
 * case folding, and last the white space is collapsed while converting
 * back to UTF-8. */
#include <config.h>

#include "text/fold.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "text/digits.h"
#include "text/strbuf.h"
#include "text/utf8.h"
#include "text/xalloc.h"

/* The letter mappings of DESIGN.md section 10: variants that people type
 * interchangeably on Arabic and Persian keyboards fold to one letter. */
static uint32_t map_letter(uint32_t cp)
{
	switch (cp) {
	case 0x064A:           /* ARABIC LETTER YEH */
	case 0x0649:           /* ARABIC LETTER ALEF MAKSURA */
	case 0x0626:           /* ARABIC LETTER YEH WITH HAMZA ABOVE */
		return 0x06CC; /* ARABIC LETTER FARSI YEH */
	case 0x0643:           /* ARABIC LETTER KAF */
		return 0x06A9; /* ARABIC LETTER KEHEH */
	case 0x0623:           /* ARABIC LETTER ALEF WITH HAMZA ABOVE */
	case 0x0625:           /* ARABIC LETTER ALEF WITH HAMZA BELOW */
	case 0x0671:           /* ARABIC LETTER ALEF WASLA */
	case 0x0622:           /* ARABIC LETTER ALEF WITH MADDA ABOVE */
		return 0x0627; /* ARABIC LETTER ALEF */
	case 0x0624:           /* ARABIC LETTER WAW WITH HAMZA ABOVE */
		return 0x0648; /* ARABIC LETTER WAW */
	case 0x0629:           /* ARABIC LETTER TEH MARBUTA */
	case 0x06C0:           /* ARABIC LETTER HEH WITH YEH ABOVE */
	case 0x06D5:           /* ARABIC LETTER AE */
		return 0x0647; /* ARABIC LETTER HEH */
	default:
		return cp;
	}
}

/* Characters the key leaves out: harakat (U+064B-U+065F, which holds
 * hamza above U+0654, and U+0670), tatweel, the zero-width joiners, the
 * direction marks, and the other invisible characters that creep into
 * copied names (zero-width space, word joiner, BOM, soft hyphen). */
static bool is_dropped(uint32_t cp)
{
	return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 || cp == 0x200C ||
	       cp == 0x200D || cp == 0x200E || cp == 0x200F || cp == 0x061C ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200B ||
	       cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD;
}

/* UTF-8 -> UTF-16 in a new buffer; *len gets its length. */
static UChar *to_utf16(const char *s, int32_t *len)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = 0;

	u_strFromUTF8(NULL, 0, &n, s, -1, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	UChar *u = xmalloc(((size_t)n + 1) * sizeof *u);
	st = U_ZERO_ERROR;
	u_strFromUTF8(u, n + 1, len, s, -1, &st);
	if (U_FAILURE(st)) {
		free(u);
		return NULL;
	}
	return u;
}

static UChar *normalize_nfkc(const UChar *src, int32_t len, int32_t *out_len)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&st);
	if (U_FAILURE(st))
		return NULL;
	int32_t n = unorm2_normalize(nfkc, src, len, NULL, 0, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	UChar *dst = xmalloc(((size_t)n + 1) * sizeof *dst);
	st = U_ZERO_ERROR;
	*out_len = unorm2_normalize(nfkc, src, len, dst, n + 1, &st);
	if (U_FAILURE(st)) {
		free(dst);
		return NULL;
	}
	return dst;
}

static UChar *fold_case(const UChar *src, int32_t len, int32_t *out_len)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = u_strFoldCase(NULL, 0, src, len, U_FOLD_CASE_DEFAULT, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	UChar *dst = xmalloc(((size_t)n + 1) * sizeof *dst);
	st = U_ZERO_ERROR;
	*out_len = u_strFoldCase(dst, n + 1, src, len, U_FOLD_CASE_DEFAULT, &st);
	if (U_FAILURE(st)) {
		free(dst);
		return NULL;
	}
	return dst;
}

/* Applies the mappings and drops in place (the result is never longer:
 * every mapping stays in the BMP and digits become one unit). */
static int32_t map_and_drop(UChar *u, int32_t len)
{
	int32_t in = 0, out = 0;
	while (in < len) {
		UChar32 c;
		U16_NEXT(u, in, len, c);
		uint32_t cp = (uint32_t)c;
		if (is_dropped(cp))
			continue;
		int v = digit_value(cp);
		if (v >= 0)
			cp = (uint32_t)('0' + v);
		else
			cp = map_letter(cp);
		U16_APPEND_UNSAFE(u, out, cp);
	}
	return out;
}

/* UTF-16 -> UTF-8 with runs of white space made one ASCII space and
 * the ends trimmed. */
static char *collapse_to_utf8(const UChar *u, int32_t len)
{
	struct strbuf sb = STRBUF_INIT;
	bool pending_space = false;
	int32_t i = 0;

	strbuf_grow(&sb, (size_t)len * 3);
	while (i < len) {
		UChar32 c;
		U16_NEXT(u, i, len, c);
		if (u_isUWhiteSpace(c)) {
			pending_space = sb.len > 0;
			continue;
		}
		if (pending_space)
			strbuf_addc(&sb, ' ');
		pending_space = false;
		strbuf_add_cp(&sb, (uint32_t)c);
	}
	return strbuf_detach(&sb);
}

/* One pass of the folding. */
static char *fold_once(const char *s)
{
	UChar *src = NULL, *norm = NULL, *folded = NULL;
	int32_t len = 0, norm_len = 0, folded_len = 0;
	char *key = NULL;

	if (!utf8_valid(s))
		goto out;
	src = to_utf16(s, &len);
	if (src == NULL)
		goto out;
	norm = normalize_nfkc(src, len, &norm_len);
	if (norm == NULL)
		goto out;
	norm_len = map_and_drop(norm, norm_len);
	folded = fold_case(norm, norm_len, &folded_len);
	if (folded == NULL)
		goto out;
	key = collapse_to_utf8(folded, folded_len);
out:
	free(src);
	free(norm);
	free(folded);
	return key;
}

static bool is_word_char(uint32_t cp)
{
	return u_isalnum((UChar32)cp) || (U_GET_GC_MASK((UChar32)cp) & U_GC_M_MASK) != 0;
}

size_t fold_words(const char *folded, char ***words)
{
	char **list = NULL;
	size_t count = 0, cap = 0;
	const char *p = folded;
	size_t len = strlen(folded);

	list = xgrow(list, &cap, 1, sizeof *list);
	while (len > 0) {
		/* Skip separators, then take one run of word characters. */
		const char *start = NULL;
		while (len > 0) {
			uint32_t cp;
			size_t n = utf8_decode(p, len, &cp);
			bool word = n != 0 && is_word_char(cp);
			if (n == 0)
				n = 1;
			if (word && start == NULL)
				start = p;
			if (!word && start != NULL)
				break;
			p += n;
			len -= n;
		}
		if (start == NULL)
			break;
		size_t wlen = (size_t)(p - start);
		bool seen = false;
		for (size_t i = 0; i < count && !seen; i++)
			seen = strlen(list[i]) == wlen && memcmp(list[i], start, wlen) == 0;
		if (seen)
			continue;
		list = xgrow(list, &cap, count + 1, sizeof *list);
		list[count++] = xstrndup(start, wlen);
	}
	*words = list;
	return count;
}

void fold_words_free(char **words, size_t n)
{
	if (words == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		free(words[i]);
	free(words);
}

char *fold_prefix_upper(const char *prefix)
{
	/* UTF-8 byte order is code point order, so the bound is the prefix
	 * with its last code point raised by one (U+10FFFF cannot be raised:
	 * it is dropped and the one before it raised).  The result is valid
	 * UTF-8, so any back end can bind it as text. */
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(prefix), count = 0, cap = 0;
	uint32_t *cps = NULL;
	char *upper = NULL;

	if (!utf8_valid(prefix))
		goto out;
	while (len > 0) {
		uint32_t cp;
		size_t n = utf8_decode(prefix, len, &cp);
		cps = xgrow(cps, &cap, count + 1, sizeof *cps);
		cps[count++] = cp;
		prefix += n;
		len -= n;
	}
	while (count > 0 && cps[count - 1] == 0x10FFFF)
		count--;
	if (count == 0)
		goto out; /* every string starts with the prefix: no bound */
	cps[count - 1] = cps[count - 1] == 0xD7FF ? 0xE000 : cps[count - 1] + 1;

	for (size_t i = 0; i < count; i++)
		strbuf_add_cp(&sb, cps[i]);
	upper = strbuf_detach(&sb);
out:
	free(cps);
	return upper;
}

char *fold_search_key(const char *s)
{
	/* Dropping marks and folding case can leave text that normalises
	 * further (a letter and an accent that a dropped mark kept apart):
	 * fold again until nothing changes, so that folding a key gives the
	 * key (queries and stored keys must meet).  Found by fuzzing. */
	char *key = fold_once(s);
	for (int pass = 0; key != NULL && pass < 4; pass++) {
		char *again = fold_once(key);
		if (again == NULL || strcmp(again, key) == 0) {
			free(again);
			break;
		}
		free(key);
		key = again;
	}
	return key;
}
