/* draw.c -- text on the terminal: mirrored layout, visual order, cells. */
#include <config.h>

#include "tui/draw.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text/strbuf.h"
#include "text/utf8.h"
#include "text/xalloc.h"
#include "tui/app.h"

static attr_t looks[LOOK__COUNT];

void draw_init_looks(bool colors)
{
	if (colors) {
		use_default_colors();
		init_pair(1, COLOR_CYAN, -1);          /* title */
		init_pair(2, COLOR_BLACK, COLOR_CYAN); /* bar */
		init_pair(3, COLOR_WHITE, COLOR_BLUE); /* bar key */
		init_pair(4, COLOR_BLACK, COLOR_YELLOW); /* selection */
		init_pair(5, COLOR_RED, -1);           /* error */
		init_pair(6, COLOR_GREEN, -1);         /* ok */
		init_pair(7, COLOR_YELLOW, -1);        /* accent */
		init_pair(8, COLOR_WHITE, COLOR_BLUE); /* input */
		looks[LOOK_NORMAL] = A_NORMAL;
		looks[LOOK_TITLE] = COLOR_PAIR(1) | A_BOLD;
		looks[LOOK_BAR] = COLOR_PAIR(2);
		looks[LOOK_BAR_KEY] = COLOR_PAIR(3) | A_BOLD;
		looks[LOOK_SELECT] = COLOR_PAIR(4);
		looks[LOOK_ERROR] = COLOR_PAIR(5) | A_BOLD;
		looks[LOOK_OK] = COLOR_PAIR(6) | A_BOLD;
		looks[LOOK_DIM] = A_DIM;
		looks[LOOK_ACCENT] = COLOR_PAIR(7) | A_BOLD;
		looks[LOOK_INPUT] = COLOR_PAIR(8);
		/* Black on yellow whatever the terminal's background (a reversed
		 * yellow is white on yellow on a light terminal). */
		looks[LOOK_BIG] = COLOR_PAIR(4);
	} else {
		looks[LOOK_NORMAL] = A_NORMAL;
		looks[LOOK_TITLE] = A_BOLD;
		looks[LOOK_BAR] = A_REVERSE;
		looks[LOOK_BAR_KEY] = A_BOLD;
		looks[LOOK_SELECT] = A_REVERSE;
		looks[LOOK_ERROR] = A_BOLD;
		looks[LOOK_OK] = A_BOLD;
		looks[LOOK_DIM] = A_DIM;
		looks[LOOK_ACCENT] = A_BOLD;
		looks[LOOK_INPUT] = A_UNDERLINE;
		looks[LOOK_BIG] = A_REVERSE | A_BOLD;
	}
}

attr_t look_attr(enum look l)
{
	return looks[l];
}

enum bidi_dir ui_dir(const struct app *app)
{
	return app->rtl ? BIDI_RTL : BIDI_LTR;
}

int draw_col(const struct app *app, int x, int w)
{
	return app->rtl ? app->cols - x - w : x;
}

/* Characters that take no cell and are never drawn: the byte order mark,
 * joiners, direction marks (U+061C is the Arabic letter mark that ICU
 * puts after Arabic percentages), embeddings and isolates. */
static bool invisible(uint32_t cp)
{
	return cp == 0xFEFF || cp == 0x061C || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* The columns of one code point: those of the text layer (the same as
 * the command line pads with); what is never drawn takes none. */
static int cp_width(uint32_t cp)
{
	return invisible(cp) ? 0 : (int)utf8_cp_width(cp);
}

int text_width(const char *text)
{
	int w = 0;
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_step(text + i, len - i, &cp);
		w += cp_width(cp);
		i += k;
	}
	return w;
}

/* Appends the line of len bytes at start to *lines, without the spaces
 * it ends with. */
static void add_line(char ***lines, size_t *n, const char *start, size_t len)
{
	while (len > 0 && start[len - 1] == ' ')
		len--;
	*lines = xrealloc(*lines, (*n + 1) * sizeof **lines);
	(*lines)[(*n)++] = xstrndup(start, len);
}

size_t text_wrap(const char *text, int w, char ***lines)
{
	size_t n = 0, len = strlen(text);
	*lines = NULL;
	if (w < 1)
		w = 1;
	size_t line = 0; /* where the current line starts */
	size_t brk = 0;  /* the last space of the line that fits, or 0 */
	bool have_brk = false;
	int used = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_step(text + i, len - i, &cp);
		int cw = cp_width(cp);
		if (cp == ' ' && used + cw > w) {
			/* A space at the edge: the line ends before it. */
			add_line(lines, &n, text + line, i - line);
			while (i < len && text[i] == ' ')
				i++;
			line = i;
			used = 0;
			have_brk = false;
			continue;
		}
		if (used + cw > w && i > line) {
			if (have_brk) {
				add_line(lines, &n, text + line, brk - line);
				line = brk + 1; /* the space goes */
			} else {
				add_line(lines, &n, text + line, i - line);
				line = i;
			}
			have_brk = false;
			/* The columns of what moved to the new line. */
			used = 0;
			for (size_t j = line; j < i;) {
				uint32_t c2;
				size_t k2 = utf8_decode(text + j, len - j, &c2);
				if (k2 == 0) {
					c2 = 0xFFFD;
					k2 = 1;
				}
				if (c2 == ' ') {
					brk = j;
					have_brk = true;
				}
				used += cp_width(c2);
				j += k2;
			}
			continue;
		}
		if (cp == ' ') {
			brk = i;
			have_brk = true;
		}
		used += cw;
		i += k;
	}
	if (line < len || n == 0)
		add_line(lines, &n, text + line, len - line);
	return n;
}

void text_lines_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* The longest start of text that fits in w columns, with "…" when cut;
 * a new string. */
static char *fit(const char *text, int w)
{
	if (text_width(text) <= w)
		return xstrdup(text);
	if (w <= 0)
		return xstrdup("");
	struct strbuf sb = STRBUF_INIT;
	int used = 0;
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_step(text + i, len - i, &cp);
		int cw = cp_width(cp);
		if (used + cw > w - 1)
			break;
		strbuf_add_cp(&sb, cp);
		used += cw;
		i += k;
	}
	strbuf_adds(&sb, "\u2026");
	return strbuf_detach(&sb);
}

/* Puts the visual code points on the terminal from column col: one cell
 * per spacing character, combining characters joined to the cell before
 * them.  Returns the columns used. */
static int put_cells(int y, int col, int maxcol, const uint32_t *v, size_t n, attr_t attr)
{
	int x = col;
	size_t i = 0;
	while (i < n) {
		wchar_t wc[CCHARW_MAX + 1];
		int k = 0;
		if (invisible(v[i])) {
			i++;
			continue;
		} else if (cp_width(v[i]) == 0) {
			/* A mark with no base before it: show it on a space. */
			wc[k++] = L' ';
		} else {
			wc[k++] = (wchar_t)v[i++];
		}
		while (i < n && cp_width(v[i]) == 0 && k < CCHARW_MAX) {
			if (!invisible(v[i]))
				wc[k++] = (wchar_t)v[i];
			i++;
		}
		wc[k] = L'\0';
		int cw = cp_width((uint32_t)wc[0]);
		if (x + cw > maxcol)
			break;
		cchar_t cc;
		/* The colour pair goes in its own argument: setcchar ignores the
		 * pair bits of attr. */
		setcchar(&cc, wc, attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
		mvadd_wch(y, x, &cc);
		x += cw;
	}
	return x - col;
}

/* The visual form of already fitted text. */
static void visual(const struct app *app, const char *text, enum bidi_dir dir,
		   struct bidi_line *l)
{
	/* Logical order when the terminal reorders (and shapes) by itself, and
	 * for always-left-to-right text without right-to-left letters: phone
	 * numbers, cards and amounts in Persian or Arabic-Indic digits read
	 * left to right, but the BiDi algorithm would order their groups
	 * right to left (Arabic numbers sway the spaces between them). */
	if (app->bidi == BIDI_TERMINAL || (dir == BIDI_LTR && !bidi_has_rtl(text))) {
		bidi_visual("", BIDI_LTR, false, l);
		free(l->vis);
		free(l->log2vis);
		free(l->vis2log);
		size_t len = strlen(text), n = 0;
		l->vis = xmalloc((len + 1) * sizeof *l->vis);
		l->log2vis = xmalloc((len + 1) * sizeof *l->log2vis);
		l->vis2log = xmalloc((len + 1) * sizeof *l->vis2log);
		for (size_t i = 0; i < len;) {
			uint32_t cp;
			size_t k = utf8_step(text + i, len - i, &cp);
			l->log2vis[n] = l->vis2log[n] = n;
			l->vis[n++] = cp;
			i += k;
		}
		l->n = l->nlog = n;
		l->rtl = dir == BIDI_RTL || (dir == BIDI_AUTO && bidi_is_rtl(text));
		return;
	}
	bidi_visual(text, dir, true, l);
}

static int visual_width(const struct bidi_line *l)
{
	int w = 0;
	for (size_t i = 0; i < l->n; i++)
		w += cp_width(l->vis[i]);
	return w;
}

/* The terminal column where text of width tw starts inside the logical
 * span [x, x+w) with the given alignment. */
static int start_col(const struct app *app, int x, int w, int tw, enum align align)
{
	int left = draw_col(app, x, w);
	int pad = w - tw;
	if (pad < 0)
		pad = 0;
	switch (align) {
	case ALIGN_CENTER:
		return left + pad / 2;
	case ALIGN_END:
		return app->rtl ? left : left + pad;
	case ALIGN_START:
	default:
		return app->rtl ? left + pad : left;
	}
}

int draw_text(struct app *app, int y, int x, int w, const char *text, enum bidi_dir dir,
	      enum align align, enum look look)
{
	if (w <= 0 || y < 0 || y >= app->rows || text == NULL)
		return 0;
	char *t = fit(text, w);
	struct bidi_line l;
	visual(app, t, dir, &l);
	int tw = visual_width(&l);
	int col = start_col(app, x, w, tw, align);
	int left = draw_col(app, x, w);
	if (col < 0)
		col = 0;
	int used = put_cells(y, col, left + w > app->cols ? app->cols : left + w, l.vis, l.n,
			     look_attr(look));
	bidi_line_free(&l);
	free(t);
	return used;
}

int draw_ui(struct app *app, int y, int x, int w, const char *text, enum align align,
	    enum look look)
{
	return draw_text(app, y, x, w, text, ui_dir(app), align, look);
}

int draw_uif(struct app *app, int y, int x, int w, enum align align, enum look look,
	     const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (s == NULL)
		xalloc_die("out of memory");
	int r = draw_ui(app, y, x, w, s, align, look);
	free(s);
	return r;
}

void draw_fill(struct app *app, int y, int x, int w, enum look look)
{
	if (y < 0 || y >= app->rows || w <= 0)
		return;
	int col = draw_col(app, x, w);
	attr_t a = look_attr(look);
	for (int i = 0; i < w && col + i < app->cols; i++) {
		if (col + i < 0)
			continue;
		cchar_t cc;
		wchar_t sp[2] = {L' ', L'\0'};
		setcchar(&cc, sp, a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL);
		mvadd_wch(y, col + i, &cc);
	}
}

void draw_hline(struct app *app, int y, int x, int w)
{
	if (y < 0 || y >= app->rows || w <= 0)
		return;
	mvhline_set(y, draw_col(app, x, w), WACS_HLINE, w);
}

void draw_box(struct app *app, int y, int x, int h, int w, const char *title)
{
	if (h < 2 || w < 2)
		return;
	int col = draw_col(app, x, w);
	mvadd_wch(y, col, WACS_ULCORNER);
	mvhline_set(y, col + 1, WACS_HLINE, w - 2);
	mvadd_wch(y, col + w - 1, WACS_URCORNER);
	for (int i = 1; i < h - 1; i++) {
		mvadd_wch(y + i, col, WACS_VLINE);
		mvadd_wch(y + i, col + w - 1, WACS_VLINE);
	}
	mvadd_wch(y + h - 1, col, WACS_LLCORNER);
	mvhline_set(y + h - 1, col + 1, WACS_HLINE, w - 2);
	mvadd_wch(y + h - 1, col + w - 1, WACS_LRCORNER);
	if (title != NULL && *title) {
		char *t = xasprintf(" %s ", title);
		draw_ui(app, y, x + 2, w - 4, t, ALIGN_START, LOOK_TITLE);
		free(t);
	}
}

int draw_cursor_col(struct app *app, int x, int w, const char *text, enum bidi_dir dir,
		    enum align align, size_t index)
{
	char *t = fit(text, w);
	struct bidi_line l;
	visual(app, t, dir, &l);
	int tw = visual_width(&l);
	int col = start_col(app, x, w, tw, align);
	int result;
	if (index < l.nlog) {
		size_t v = l.log2vis[index];
		int c = col;
		for (size_t i = 0; i < v && i < l.n; i++)
			c += cp_width(l.vis[i]);
		result = c;
	} else if (l.rtl) {
		/* After the last letter of a right-to-left text: to its left. */
		result = col - 1;
		if (result < draw_col(app, x, w))
			result = draw_col(app, x, w);
	} else {
		result = col + tw;
		int right = draw_col(app, x, w) + w - 1;
		if (result > right)
			result = right;
	}
	bidi_line_free(&l);
	free(t);
	return result;
}
