/* bidi.c -- visual order with FriBidi. */
#include <config.h>

#include "text/bidi.h"

#include <fribidi.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"
#include "text/xalloc.h"

/* The code points of a UTF-8 string (a new array of *n). */
static FriBidiChar *decode(const char *text, size_t *n)
{
	size_t len = strlen(text);
	FriBidiChar *u = xmalloc((len + 1) * sizeof *u);
	size_t k = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t used = utf8_decode(text + i, len - i, &cp);
		if (used == 0) {
			cp = 0xFFFD;
			used = 1;
		}
		u[k++] = cp;
		i += used;
	}
	*n = k;
	return u;
}

bool bidi_has_rtl(const char *text)
{
	size_t n;
	FriBidiChar *u = decode(text, &n);
	bool rtl = false;
	for (size_t i = 0; i < n && !rtl; i++) {
		FriBidiCharType t = fribidi_get_bidi_type(u[i]);
		rtl = t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL;
	}
	free(u);
	return rtl;
}

bool bidi_is_rtl(const char *text)
{
	size_t n;
	FriBidiChar *u = decode(text, &n);
	bool rtl = false;
	for (size_t i = 0; i < n; i++) {
		FriBidiCharType t = fribidi_get_bidi_type(u[i]);
		if (FRIBIDI_IS_STRONG(t)) {
			rtl = FRIBIDI_IS_RTL(t);
			break;
		}
	}
	free(u);
	return rtl;
}

void bidi_visual(const char *text, enum bidi_dir dir, bool shape, struct bidi_line *out)
{
	memset(out, 0, sizeof *out);
	size_t n;
	FriBidiChar *u = decode(text != NULL ? text : "", &n);
	out->nlog = n;
	out->log2vis = xmalloc((n + 1) * sizeof *out->log2vis);
	out->vis2log = xmalloc((n + 1) * sizeof *out->vis2log);
	out->vis = xmalloc((n + 1) * sizeof *out->vis);
	if (n == 0) {
		free(u);
		out->rtl = dir == BIDI_RTL;
		return;
	}
	FriBidiCharType *types = xmalloc(n * sizeof *types);
	FriBidiBracketType *brackets = xmalloc(n * sizeof *brackets);
	FriBidiLevel *levels = xmalloc(n * sizeof *levels);
	FriBidiArabicProp *props = xmalloc(n * sizeof *props);
	FriBidiStrIndex *map = xmalloc(n * sizeof *map);
	FriBidiParType base = dir == BIDI_RTL	  ? FRIBIDI_PAR_RTL
			      : dir == BIDI_LTR ? FRIBIDI_PAR_LTR
						: FRIBIDI_PAR_ON;
	FriBidiStrIndex len = (FriBidiStrIndex)n;

	fribidi_get_bidi_types(u, len, types);
	fribidi_get_bracket_types(u, len, types, brackets);
	if (fribidi_get_par_embedding_levels_ex(types, brackets, len, &base, levels) == 0)
		memset(levels, 0, n * sizeof *levels);
	/* An auto paragraph without strong letters reads left to right. */
	if (dir == BIDI_AUTO && !FRIBIDI_IS_RTL(base))
		base = FRIBIDI_PAR_LTR;
	out->rtl = FRIBIDI_IS_RTL(base);

	FriBidiFlags flags = FRIBIDI_FLAG_SHAPE_MIRRORING;
	if (shape) {
		fribidi_get_joining_types(u, len, props);
		fribidi_join_arabic(types, len, levels, props);
		flags |= FRIBIDI_FLAG_SHAPE_ARAB_PRES | FRIBIDI_FLAG_SHAPE_ARAB_LIGA;
		fribidi_shape(flags, levels, len, props, u);
	} else {
		fribidi_shape(flags, levels, len, NULL, u);
	}
	for (size_t i = 0; i < n; i++)
		map[i] = (FriBidiStrIndex)i;
	/* Marks stay after their base letter: a terminal joins a combining
	 * character with the cell before it. */
	if (fribidi_reorder_line(FRIBIDI_FLAG_REORDER_NSM, types, len, 0, base, levels, u, map) ==
	    0) {
		for (size_t i = 0; i < n; i++)
			map[i] = (FriBidiStrIndex)i;
	}
	/* The lam-alef ligature leaves a FRIBIDI_CHAR_FILL behind: drop it and
	 * point its logical letter at the ligature. */
	size_t k = 0;
	for (size_t v = 0; v < n; v++) {
		size_t logical = (size_t)map[v];
		if (u[v] == FRIBIDI_CHAR_FILL) {
			out->log2vis[logical] = SIZE_MAX; /* resolved below */
			continue;
		}
		out->vis[k] = u[v];
		out->vis2log[k] = logical;
		out->log2vis[logical] = k;
		k++;
	}
	out->n = k;
	for (size_t i = 0; i < n; i++) {
		if (out->log2vis[i] != SIZE_MAX)
			continue;
		/* The ligature sits where its partner letter went. */
		size_t partner = i > 0 && out->log2vis[i - 1] != SIZE_MAX ? i - 1 : i + 1;
		out->log2vis[i] = partner < n && out->log2vis[partner] != SIZE_MAX
					  ? out->log2vis[partner]
					  : 0;
	}
	free(types);
	free(brackets);
	free(levels);
	free(props);
	free(map);
	free(u);
}

void bidi_line_free(struct bidi_line *l)
{
	free(l->vis);
	free(l->log2vis);
	free(l->vis2log);
	memset(l, 0, sizeof *l);
}
