/* scr_help.c -- every key, generated from the key table.
 *
 * Three columns: the keys, the short label of the bar, the sentence.
 * Each column is as wide as its widest entry in the current language
 * (the sentence takes the rest of the width); a label or a sentence
 * that does not fit its column goes on in the next rows, never cut.
 * Up/Down, PgUp/PgDn, Home/End scroll. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>

#include "text/i18n.h"
#include "text/xalloc.h"
#include "tui/app.h"
#include "tui/draw.h"

/* The sentence column keeps at least this many columns: labels wider
 * than what is left wrap instead. */
#define HELP_MIN_TEXT 30
#define HELP_GAP 2

struct help {
	size_t top;   /* the first row shown */
	size_t total; /* rows of the whole table at the last draw */
	int page;     /* rows shown at the last draw */
};

/* The columns of the table in the current width. */
struct help_cols {
	int keys, label, text; /* widths */
	int lx, tx;            /* where the label and the sentence start */
};

static struct help_cols help_columns(struct app *app)
{
	struct help_cols c = {0, 0, 0, 0, 0};
	for (size_t i = 0; i < key_nbindings; i++) {
		const struct key_binding *b = &key_bindings[i];
		int kw = text_width(binding_keys(b, app->rtl)), lw = text_width(_(b->label));
		if (kw > c.keys)
			c.keys = kw;
		if (lw > c.label)
			c.label = lw;
	}
	int room = app->cols - 2 - 2 - c.keys - 2 * HELP_GAP; /* 2 margins */
	if (room - c.label < HELP_MIN_TEXT)
		c.label = room - HELP_MIN_TEXT;
	if (c.label < 6)
		c.label = 6;
	c.lx = 2 + c.keys + HELP_GAP;
	c.tx = c.lx + c.label + HELP_GAP;
	c.text = app->cols - 2 - c.tx;
	if (c.text < 1)
		c.text = 1;
	return c;
}

static void *help_enter(struct app *app, void *arg)
{
	(void)app;
	(void)arg;
	return xcalloc(1, sizeof(struct help));
}

static void help_leave(struct app *app, void *state)
{
	(void)app;
	free(state);
}

static void help_draw(struct app *app, void *state)
{
	struct help *h = state;
	draw_ui(app, 1, 1, app->cols - 2, _("Help: the keys of wafa"), ALIGN_START, LOOK_TITLE);
	struct help_cols c = help_columns(app);
	int page = app->rows - 5; /* rows 3 .. rows-3: the message line and the bar below */
	/* The whole table's rows first, to keep the scrolling within it. */
	size_t total = 0;
	for (size_t i = 0; i < key_nbindings; i++) {
		char **l, **t;
		size_t nl = text_wrap(_(key_bindings[i].label), c.label, &l);
		size_t nt = text_wrap(_(key_bindings[i].help), c.text, &t);
		total += nl > nt ? nl : nt;
		text_lines_free(l, nl);
		text_lines_free(t, nt);
	}
	h->total = total;
	h->page = page;
	if (h->top + (size_t)page > total)
		h->top = total > (size_t)page ? total - (size_t)page : 0;
	size_t row = 0; /* the table's row */
	for (size_t i = 0; i < key_nbindings && row < h->top + (size_t)page; i++) {
		const struct key_binding *b = &key_bindings[i];
		char **l, **t;
		size_t nl = text_wrap(_(b->label), c.label, &l);
		size_t nt = text_wrap(_(b->help), c.text, &t);
		size_t n = nl > nt ? nl : nt;
		for (size_t k = 0; k < n; k++, row++) {
			if (row < h->top || row >= h->top + (size_t)page)
				continue;
			int y = 3 + (int)(row - h->top);
			if (k == 0)
				draw_text(app, y, 2, c.keys, binding_keys(b, app->rtl), BIDI_LTR,
					  ALIGN_START, LOOK_BAR_KEY);
			if (k < nl)
				draw_ui(app, y, c.lx, c.label, l[k], ALIGN_START, LOOK_TITLE);
			if (k < nt)
				draw_ui(app, y, c.tx, c.text, t[k], ALIGN_START, LOOK_NORMAL);
		}
		text_lines_free(l, nl);
		text_lines_free(t, nt);
	}
}

static int help_key(struct app *app, void *state, const struct key *k)
{
	(void)app;
	struct help *h = state;
	size_t page = h->page > 1 ? (size_t)h->page : 1;
	size_t last = h->total > page ? h->total - page : 0;
	size_t top = h->top;
	switch (k->code) {
	case KEY_DOWN:
		top = top < last ? top + 1 : last;
		break;
	case KEY_UP:
		top = top > 0 ? top - 1 : 0;
		break;
	case KEY_NPAGE:
		top = top + page - 1 < last ? top + page - 1 : last;
		break;
	case KEY_PPAGE:
		top = top > page - 1 ? top - (page - 1) : 0;
		break;
	case KEY_HOME:
		top = 0;
		break;
	case KEY_END:
		top = last;
		break;
	default:
		return KF_IGNORED;
	}
	if (top == h->top)
		return KF_HANDLED;
	h->top = top;
	return KF_HANDLED | KF_REDRAW;
}

static const enum action help_bar[] = {ACT_BACK, ACT_QUIT, ACT_NONE};

const struct screen_ops screen_help = {
	.name = "help",
	.enter = help_enter,
	.draw = help_draw,
	.key = help_key,
	.leave = help_leave,
	.bar = help_bar,
};
