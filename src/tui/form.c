/* form.c -- the form widget. */
#include <config.h>

#include "tui/form.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "text/i18n.h"
#include "text/strbuf.h"
#include "text/utf8.h"
#include "text/xalloc.h"
#include "tui/app.h"
#include "tui/draw.h"

void form_init(struct form *f, const struct field_def *defs, size_t n)
{
	memset(f, 0, sizeof *f);
	f->defs = defs;
	f->n = n;
	f->values = xcalloc(n, sizeof *f->values);
	f->cursor = xcalloc(n, sizeof *f->cursor);
	f->errors = xcalloc(n, sizeof *f->errors);
	f->choice = xcalloc(n, sizeof *f->choice);
	f->hidden = xcalloc(n, sizeof *f->hidden);
	for (size_t i = 0; i < n; i++)
		f->values[i] = xstrdup("");
}

void form_free(struct form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->values[i]);
		free(f->errors[i]);
	}
	free(f->values);
	free(f->cursor);
	free(f->errors);
	free(f->choice);
	free(f->hidden);
	memset(f, 0, sizeof *f);
}

void form_set(struct form *f, size_t i, const char *value)
{
	free(f->values[i]);
	f->values[i] = xstrdup(value != NULL ? value : "");
	f->cursor[i] = utf8_length(f->values[i]);
}

const char *form_get(const struct form *f, size_t i)
{
	return f->values[i];
}

int form_choice(const struct form *f, size_t i)
{
	return f->choice[i];
}

void form_set_choice(struct form *f, size_t i, int choice)
{
	f->choice[i] = choice;
}

void form_hide(struct form *f, size_t i, bool hidden)
{
	f->hidden[i] = hidden;
	if (hidden && f->focus == i) {
		for (size_t k = 0; k < f->n; k++)
			if (!f->hidden[k]) {
				f->focus = k;
				break;
			}
	}
}

void form_focus(struct form *f, size_t i)
{
	if (i < f->n && !f->hidden[i])
		f->focus = i;
}

void form_error(struct form *f, size_t i, const char *msg)
{
	free(f->errors[i]);
	f->errors[i] = msg != NULL ? xstrdup(msg) : NULL;
}

void form_clear_errors(struct form *f)
{
	for (size_t i = 0; i < f->n; i++)
		form_error(f, i, NULL);
}

bool form_has_errors(const struct form *f)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->errors[i] != NULL)
			return true;
	return false;
}

static enum bidi_dir field_bidi(const struct app *app, const struct field_def *d)
{
	switch (d->dir) {
	case FDIR_UI:
		return ui_dir(app);
	case FDIR_LTR:
		return BIDI_LTR;
	default:
		return BIDI_AUTO;
	}
}

/* Byte offset of code point index i in s. */
static size_t byte_at(const char *s, size_t i)
{
	size_t len = strlen(s), b = 0;
	while (i > 0 && b < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + b, len - b, &cp);
		b += k ? k : 1;
		i--;
	}
	return b;
}

static void insert(struct form *f, size_t i, wint_t ch)
{
	const struct field_def *d = &f->defs[i];
	if (d->max_chars > 0 && utf8_length(f->values[i]) >= d->max_chars)
		return;
	char enc[4];
	size_t n = utf8_encode((uint32_t)ch, enc);
	size_t at = byte_at(f->values[i], f->cursor[i]);
	size_t len = strlen(f->values[i]);
	char *v = xmalloc(len + n + 1);
	memcpy(v, f->values[i], at);
	memcpy(v + at, enc, n);
	memcpy(v + at + n, f->values[i] + at, len - at + 1);
	free(f->values[i]);
	f->values[i] = v;
	f->cursor[i]++;
}

/* Removes the code point at index pos of field i. */
static void erase_at(struct form *f, size_t i, size_t pos)
{
	char *v = f->values[i];
	size_t a = byte_at(v, pos), b = byte_at(v, pos + 1);
	if (a == b)
		return;
	memmove(v + a, v + b, strlen(v + b) + 1);
}

static bool is_last(const struct form *f, size_t i)
{
	for (size_t k = i + 1; k < f->n; k++)
		if (!f->hidden[k])
			return false;
	return true;
}

static void step_focus(struct form *f, int dir)
{
	size_t i = f->focus;
	for (size_t tries = 0; tries < f->n; tries++) {
		i = (i + f->n + (size_t)(dir > 0 ? 1 : f->n - 1)) % f->n;
		if (!f->hidden[i]) {
			f->focus = i;
			return;
		}
	}
}

static size_t count_choices(const struct field_def *d)
{
	size_t n = 0;
	while (d->choices != NULL && d->choices[n] != NULL)
		n++;
	return n;
}

/* Moves the cursor one cell left or right on the screen: in a
 * right-to-left field that is the logical direction reversed, and in
 * mixed text it follows the visual order. */
static void move_visual(struct app *app, struct form *f, size_t i, int delta)
{
	struct bidi_line l;
	bidi_visual(f->values[i], field_bidi(app, &f->defs[i]), false, &l);
	size_t n = l.nlog;
	if (n == 0) {
		bidi_line_free(&l);
		return;
	}
	/* The visual position of the cursor: the cell of the letter after it,
	 * or past the end. */
	long v = f->cursor[i] < n ? (long)l.log2vis[f->cursor[i]] : (l.rtl ? -1 : (long)l.n);
	/* Terminal columns run left to right; in the mirrored layout the
	 * keys still mean the screen's left and right. */
	v += delta;
	if (v < 0)
		f->cursor[i] = l.rtl ? n : 0;
	else if (v >= (long)l.n)
		f->cursor[i] = l.rtl ? 0 : n;
	else
		f->cursor[i] = l.vis2log[v];
	bidi_line_free(&l);
}

enum form_event form_key(struct app *app, struct form *f, const struct key *k)
{
	size_t i = f->focus;
	const struct field_def *d = &f->defs[i];
	if (k->ch == KEY_CTRL('s'))
		return FORM_SUBMIT;
	if (k->ch == 27)
		return FORM_CANCEL;
	if (k->ch == '\t' || k->code == KEY_DOWN) {
		step_focus(f, 1);
		return FORM_MOVED;
	}
	if (k->code == KEY_BTAB || k->code == KEY_UP) {
		step_focus(f, -1);
		return FORM_MOVED;
	}
	if (k->ch == '\n' || k->ch == '\r' || k->code == KEY_ENTER) {
		if (is_last(f, i))
			return FORM_SUBMIT;
		step_focus(f, 1);
		return FORM_NEXT;
	}
	if (d->kind == FIELD_CHOICE || d->kind == FIELD_YESNO) {
		int n = d->kind == FIELD_YESNO ? 2 : (int)count_choices(d);
		if (n == 0)
			return FORM_IGNORED;
		int step = 0;
		if (k->code == KEY_RIGHT || k->ch == ' ')
			step = app->rtl ? -1 : 1;
		else if (k->code == KEY_LEFT)
			step = app->rtl ? 1 : -1;
		if (k->ch == ' ')
			step = 1;
		if (d->kind == FIELD_YESNO && (k->ch == 'y' || k->ch == 'Y')) {
			f->choice[i] = 1;
			f->dirty = true;
			return FORM_CHANGED;
		}
		if (d->kind == FIELD_YESNO && (k->ch == 'n' || k->ch == 'N')) {
			f->choice[i] = 0;
			f->dirty = true;
			return FORM_CHANGED;
		}
		if (step == 0)
			return FORM_IGNORED;
		f->choice[i] = (f->choice[i] + step + n) % n;
		f->dirty = true;
		return FORM_CHANGED;
	}
	size_t len = utf8_length(f->values[i]);
	if (k->code == KEY_LEFT || k->code == KEY_RIGHT) {
		move_visual(app, f, i, k->code == KEY_RIGHT ? 1 : -1);
		return FORM_MOVED;
	}
	if (k->code == KEY_HOME || k->ch == KEY_CTRL('a')) {
		f->cursor[i] = 0;
		return FORM_MOVED;
	}
	if (k->code == KEY_END || k->ch == KEY_CTRL('e')) {
		f->cursor[i] = len;
		return FORM_MOVED;
	}
	if (k->code == KEY_BACKSPACE || k->ch == 127 || k->ch == 8) {
		if (f->cursor[i] == 0)
			return FORM_MOVED;
		erase_at(f, i, --f->cursor[i]);
		f->dirty = true;
		form_error(f, i, NULL);
		return FORM_CHANGED;
	}
	if (k->code == KEY_DC) {
		if (f->cursor[i] >= len)
			return FORM_MOVED;
		erase_at(f, i, f->cursor[i]);
		f->dirty = true;
		form_error(f, i, NULL);
		return FORM_CHANGED;
	}
	if (k->ch == KEY_CTRL('u')) {
		form_set(f, i, "");
		f->dirty = true;
		form_error(f, i, NULL);
		return FORM_CHANGED;
	}
	if (k->code == 0 && k->ch >= 0x20 && k->ch != 0x7f && !(k->ch >= 0x80 && k->ch < 0xa0)) {
		insert(f, i, k->ch);
		f->dirty = true;
		form_error(f, i, NULL);
		return FORM_CHANGED;
	}
	return FORM_IGNORED;
}

static const char *shown_value(const struct form *f, size_t i, char *buf, size_t n)
{
	const struct field_def *d = &f->defs[i];
	if (d->kind == FIELD_YESNO) {
		snprintf(buf, n, "%s", f->choice[i] ? _("yes") : _("no"));
		return buf;
	}
	if (d->kind == FIELD_CHOICE) {
		size_t c = count_choices(d);
		snprintf(buf, n, "%s",
			 c > 0 && (size_t)f->choice[i] < c ? _(d->choices[f->choice[i]]) : "");
		return buf;
	}
	return f->values[i];
}

/* Whether field i has a label of its own ("" or NULL: none). */
static bool has_label(const struct form *f, size_t i)
{
	return f->defs[i].label != NULL && f->defs[i].label[0] != '\0';
}

/* The labels' column and the two blanks after it; 0 when no field shows
 * a label (a screen that draws the label itself). */
static int label_width(const struct form *f)
{
	int w = -1;
	for (size_t i = 0; i < f->n; i++) {
		if (f->hidden[i] || !has_label(f, i))
			continue;
		int lw = text_width(_(f->defs[i].label));
		if (lw > w)
			w = lw;
	}
	return w < 0 ? 0 : w + 2;
}

/* The span a value is drawn in.  A text running against the layout
 * (digits in a right-to-left form, a Persian name in an English one) ends
 * at the field's starting edge: one cell stays free there, for the cursor
 * after its last letter. */
static bool against_layout(const struct app *app, const struct form *f, size_t i)
{
	const struct field_def *d = &f->defs[i];
	if (d->kind == FIELD_CHOICE || d->kind == FIELD_YESNO)
		return false;
	enum bidi_dir dir = field_bidi(app, d);
	bool rtl = dir == BIDI_RTL || (dir == BIDI_AUTO && bidi_is_rtl(f->values[i]));
	return rtl != app->rtl && d->width > 1;
}

void form_draw(struct app *app, struct form *f, int y, int x, int w)
{
	f->label_width = label_width(f);
	if (f->label_width < f->label_min)
		f->label_width = f->label_min;
	int row = y;
	for (size_t i = 0; i < f->n; i++) {
		if (f->hidden[i])
			continue;
		const struct field_def *d = &f->defs[i];
		bool focus = i == f->focus;
		if (has_label(f, i))
			draw_ui(app, row, x, f->label_width, _(d->label), ALIGN_START,
				focus ? LOOK_TITLE : LOOK_NORMAL);
		int ix = x + f->label_width;
		int iw = d->width;
		if (ix + iw > x + w)
			iw = x + w - ix;
		char buf[256];
		const char *v = shown_value(f, i, buf, sizeof buf);
		draw_fill(app, row, ix, iw, LOOK_INPUT);
		enum bidi_dir dir = d->kind == FIELD_CHOICE || d->kind == FIELD_YESNO
					    ? ui_dir(app)
					    : field_bidi(app, d);
		if (against_layout(app, f, i))
			draw_text(app, row, ix + 1, iw - 1, v, dir, ALIGN_START, LOOK_INPUT);
		else
			draw_text(app, row, ix, iw, v, dir, ALIGN_START, LOOK_INPUT);
		int after = ix + iw + 1;
		if (after < x + w) {
			if (f->errors[i] != NULL)
				draw_ui(app, row, after, x + w - after, f->errors[i], ALIGN_START,
					LOOK_ERROR);
			else if (d->hint != NULL)
				draw_ui(app, row, after, x + w - after, _(d->hint), ALIGN_START,
					LOOK_DIM);
		}
		row++;
	}
}

void form_place_cursor(struct app *app, struct form *f, int y, int x)
{
	int row = y;
	for (size_t i = 0; i < f->n; i++) {
		if (f->hidden[i])
			continue;
		if (i == f->focus)
			break;
		row++;
	}
	const struct field_def *d = &f->defs[f->focus];
	int ix = x + f->label_width;
	if (d->kind == FIELD_CHOICE || d->kind == FIELD_YESNO) {
		move(row, draw_col(app, ix, 1));
	} else if (against_layout(app, f, f->focus)) {
		const char *v = f->values[f->focus];
		enum bidi_dir dir = field_bidi(app, d);
		int col = draw_cursor_col(app, ix + 1, d->width - 1, v, dir, ALIGN_START,
					  f->cursor[f->focus]);
		/* Past the end: the free cell beside the text. */
		if (f->cursor[f->focus] >= utf8_length(v))
			col += app->rtl ? 1 : -1;
		move(row, col);
	} else {
		int col = draw_cursor_col(app, ix, d->width, f->values[f->focus], field_bidi(app, d),
					  ALIGN_START, f->cursor[f->focus]);
		move(row, col);
	}
	curs_set(1);
}
