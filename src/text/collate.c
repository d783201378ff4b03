/* collate.c -- name order for the UI language (ICU collation). */
#include <config.h>

#include "text/collate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

#include "text/utf8.h"
#include "text/xalloc.h"

struct collator {
	UCollator *ucol;
	char version[64]; /* "fa 153.120.42" */
};

struct collator *collator_open(const char *lang)
{
	UErrorCode st = U_ZERO_ERROR;
	const char *name = lang != NULL && lang[0] != '\0' ? lang : "root";
	UCollator *uc = ucol_open(lang != NULL ? lang : "", &st);

	if (U_FAILURE(st))
		return NULL;
	/* Names typed in decomposed form sort like composed ones. */
	ucol_setAttribute(uc, UCOL_NORMALIZATION_MODE, UCOL_ON, &st);
	if (U_FAILURE(st)) {
		ucol_close(uc);
		return NULL;
	}

	struct collator *c = xcalloc(1, sizeof *c);
	UVersionInfo v;
	char vs[U_MAX_VERSION_STRING_LENGTH];
	c->ucol = uc;
	ucol_getVersion(uc, v);
	u_versionToString(v, vs);
	snprintf(c->version, sizeof c->version, "%.16s %s", name, vs);
	return c;
}

void collator_close(struct collator *c)
{
	if (c == NULL)
		return;
	ucol_close(c->ucol);
	free(c);
}

const char *collator_version(const struct collator *c)
{
	return c->version;
}

int collator_sort_key(struct collator *c, const char *s, uint8_t **key, size_t *len)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar *u = NULL;
	uint8_t *buf = NULL;
	int32_t ulen = 0, n;
	int ret = -1;

	if (!utf8_valid(s))
		goto out;
	u_strFromUTF8(NULL, 0, &ulen, s, -1, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		goto out;
	u = xmalloc(((size_t)ulen + 1) * sizeof *u);
	st = U_ZERO_ERROR;
	u_strFromUTF8(u, ulen + 1, &ulen, s, -1, &st);
	if (U_FAILURE(st))
		goto out;

	/* ucol_getSortKey returns the size it needs (with the final zero
	 * byte) when the buffer is too small. */
	int32_t cap = 4 * ulen + 16;
	buf = xmalloc((size_t)cap);
	n = ucol_getSortKey(c->ucol, u, ulen, buf, cap);
	if (n > cap) {
		cap = n;
		buf = xrealloc(buf, (size_t)cap);
		n = ucol_getSortKey(c->ucol, u, ulen, buf, cap);
	}
	if (n <= 0 || n > cap)
		goto out;
	*key = buf;
	*len = (size_t)n - 1; /* without the terminating zero byte */
	buf = NULL;
	ret = 0;
out:
	free(u);
	free(buf);
	return ret;
}

int collator_compare(struct collator *c, const char *a, const char *b)
{
	UErrorCode st = U_ZERO_ERROR;
	UCollationResult r = ucol_strcollUTF8(c->ucol, a, -1, b, -1, &st);

	if (U_FAILURE(st)) {
		int d = strcmp(a, b);
		return d < 0 ? -1 : d > 0;
	}
	return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}
