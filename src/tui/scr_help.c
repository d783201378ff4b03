/* scr_help.c -- every key, generated from the key table. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>

#include "text/i18n.h"
#include "text/xalloc.h"
#include "tui/app.h"
#include "tui/draw.h"

struct help {
	size_t top;
};

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
	int rows = app->rows - 5;
	for (int r = 0; r < rows; r++) {
		size_t i = h->top + (size_t)r;
		if (i >= key_nbindings)
			break;
		const struct key_binding *b = &key_bindings[i];
		draw_text(app, 3 + r, 2, 10, b->keys, BIDI_LTR, ALIGN_START, LOOK_BAR_KEY);
		draw_ui(app, 3 + r, 13, 14, _(b->label), ALIGN_START, LOOK_TITLE);
		draw_ui(app, 3 + r, 28, app->cols - 30, _(b->help), ALIGN_START, LOOK_NORMAL);
	}
}

static int help_key(struct app *app, void *state, const struct key *k)
{
	struct help *h = state;
	int rows = app->rows - 5;
	if (k->code == KEY_DOWN && h->top + (size_t)rows < key_nbindings) {
		h->top++;
		return KF_HANDLED | KF_REDRAW;
	}
	if (k->code == KEY_UP && h->top > 0) {
		h->top--;
		return KF_HANDLED | KF_REDRAW;
	}
	return KF_IGNORED;
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
