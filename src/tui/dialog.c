/* dialog.c -- modal questions. */
#include <config.h>

#include "tui/dialog.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "text/i18n.h"
#include "text/strbuf.h"
#include "text/utf8.h"
#include "text/xalloc.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/form.h"

/* The box of a dialog: centred, as wide as its text needs. */
struct frame {
	int y, x, h, w;
};

static struct frame frame_for(struct app *app, const char *title, const char *text, int rows)
{
	int tw = text_width(text);
	int w = tw + 6;
	int tl = title != NULL ? text_width(title) + 8 : 0;
	if (w < tl)
		w = tl;
	if (w < 36)
		w = 36;
	if (w > app->cols - 4)
		w = app->cols - 4;
	int h = rows + 4;
	struct frame f = {(app->rows - h) / 2, (app->cols - w) / 2, h, w};
	return f;
}

static void draw_frame(struct app *app, const struct frame *f, const char *title)
{
	for (int r = 0; r < f->h; r++)
		draw_fill(app, f->y + r, f->x, f->w, LOOK_NORMAL);
	draw_box(app, f->y, f->x, f->h, f->w, title);
}

bool dialog_confirm(struct app *app, const char *title, const char *question)
{
	for (;;) {
		app_redraw(app);
		struct frame f = frame_for(app, title, question, 2);
		draw_frame(app, &f, title);
		draw_ui(app, f.y + 1, f.x + 2, f.w - 4, question, ALIGN_START, LOOK_NORMAL);
		/* TRANSLATORS: the keys of a yes/no question; keep y and n. */
		draw_ui(app, f.y + 3, f.x + 2, f.w - 4, _("Enter or y: yes    Esc or n: no"),
			ALIGN_END, LOOK_DIM);
		curs_set(0);
		refresh();
		struct key k;
		if (!app_read_key(app, &k, -1))
			return false;
		if (k.ch == '\n' || k.ch == '\r' || k.code == KEY_ENTER || k.ch == 'y' ||
		    k.ch == 'Y')
			return true;
		if (k.ch == 27 || k.ch == 'n' || k.ch == 'N')
			return false;
	}
}

void dialog_message(struct app *app, const char *title, const char *text, bool error)
{
	for (;;) {
		app_redraw(app);
		struct frame f = frame_for(app, title, text, 2);
		draw_frame(app, &f, title);
		draw_ui(app, f.y + 1, f.x + 2, f.w - 4, text, ALIGN_START,
			error ? LOOK_ERROR : LOOK_NORMAL);
		draw_ui(app, f.y + 3, f.x + 2, f.w - 4, _("Press any key"), ALIGN_END, LOOK_DIM);
		curs_set(0);
		refresh();
		struct key k;
		if (!app_read_key(app, &k, -1) || k.code != KEY_RESIZE)
			return;
	}
}

char *dialog_input(struct app *app, const char *title, const char *label, enum bidi_dir dir,
		   const char *initial, bool secret)
{
	struct field_def def = {label, FIELD_TEXT,
				dir == BIDI_LTR ? FDIR_LTR : dir == BIDI_AUTO ? FDIR_AUTO : FDIR_UI,
				40, 500, NULL, NULL};
	struct form form;
	form_init(&form, &def, 1);
	if (initial != NULL)
		form_set(&form, 0, initial);
	char *result = NULL;
	for (;;) {
		app_redraw(app);
		int w = app->cols - 8 < 64 ? app->cols - 8 : 64;
		struct frame f = {(app->rows - 5) / 2, (app->cols - w) / 2, 5, w};
		def.width = w - 6 - text_width(label) - 2;
		if (def.width < 8)
			def.width = 8;
		draw_frame(app, &f, title);
		if (secret) {
			/* Stars instead of the PIN itself. */
			struct strbuf sb = STRBUF_INIT;
			for (size_t i = utf8_length(form_get(&form, 0)); i > 0; i--)
				strbuf_addc(&sb, '*');
			char *real = xstrdup(form_get(&form, 0));
			form_set(&form, 0, strbuf_str(&sb));
			form_draw(app, &form, f.y + 2, f.x + 2, f.w - 4);
			form_set(&form, 0, real);
			free(real);
			strbuf_release(&sb);
		} else {
			form_draw(app, &form, f.y + 2, f.x + 2, f.w - 4);
		}
		form_place_cursor(app, &form, f.y + 2, f.x + 2);
		refresh();
		struct key k;
		if (!app_read_key(app, &k, -1))
			break;
		if (k.code == KEY_RESIZE)
			continue;
		enum form_event ev = form_key(app, &form, &k);
		if (ev == FORM_CANCEL)
			break;
		if (ev == FORM_SUBMIT) {
			result = xstrdup(form_get(&form, 0));
			break;
		}
	}
	form_free(&form);
	curs_set(0);
	return result;
}
