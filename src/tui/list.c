/* list.c -- the list widget. */
#include <config.h>

#include "tui/list.h"

#include <curses.h>
#include <stdint.h>

#include "tui/app.h"

void list_init(struct list *l, const struct list_ops *ops, void *ctx)
{
	l->ops = ops;
	l->ctx = ctx;
	l->sel = l->top = 0;
	l->height = 10;
}

void list_reset(struct list *l)
{
	l->sel = l->top = 0;
}

static size_t count(const struct list *l)
{
	return l->ops->count(l->ctx);
}

size_t list_selected(const struct list *l)
{
	return count(l) == 0 ? SIZE_MAX : l->sel;
}

/* Asks the source for rows after the end; adjusts for rows it dropped
 * from the front. */
static bool load_forward(struct list *l)
{
	if (l->ops->more == NULL)
		return false;
	size_t dropped = 0;
	size_t added = l->ops->more(l->ctx, true, &dropped);
	l->sel = l->sel >= dropped ? l->sel - dropped : 0;
	l->top = l->top >= dropped ? l->top - dropped : 0;
	return added > 0;
}

static bool load_backward(struct list *l)
{
	if (l->ops->more == NULL)
		return false;
	size_t dropped = 0;
	size_t added = l->ops->more(l->ctx, false, &dropped);
	l->sel += added;
	l->top += added;
	return added > 0;
}

static void move_down(struct list *l, size_t by)
{
	while (by-- > 0) {
		if (l->sel + 1 >= count(l) && !load_forward(l))
			break;
		if (l->sel + 1 < count(l))
			l->sel++;
	}
}

static void move_up(struct list *l, size_t by)
{
	while (by-- > 0) {
		if (l->sel == 0 && !load_backward(l))
			break;
		if (l->sel > 0)
			l->sel--;
	}
}

int list_key(struct list *l, const struct key *k)
{
	size_t page = l->height > 1 ? (size_t)l->height - 1 : 1;
	switch (k->code) {
	case KEY_DOWN:
		move_down(l, 1);
		break;
	case KEY_UP:
		move_up(l, 1);
		break;
	case KEY_NPAGE:
		move_down(l, page);
		break;
	case KEY_PPAGE:
		move_up(l, page);
		break;
	case KEY_HOME:
		if (l->ops->reload != NULL)
			l->ops->reload(l->ctx, false);
		l->sel = l->top = 0;
		return KF_HANDLED | KF_REDRAW;
	case KEY_END:
		if (l->ops->reload != NULL)
			l->ops->reload(l->ctx, true);
		l->sel = count(l) > 0 ? count(l) - 1 : 0;
		l->top = l->sel + 1 > (size_t)l->height ? l->sel + 1 - (size_t)l->height : 0;
		return KF_HANDLED | KF_REDRAW;
	default:
		return KF_IGNORED;
	}
	return KF_HANDLED | KF_REDRAW;
}

void list_draw(struct app *app, struct list *l, int y, int x, int h, int w)
{
	l->height = h > 0 ? h : 1;
	size_t n = count(l);
	if (n == 0)
		return;
	if (l->sel >= n)
		l->sel = n - 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + (size_t)l->height)
		l->top = l->sel + 1 - (size_t)l->height;
	for (int r = 0; r < l->height; r++) {
		size_t i = l->top + (size_t)r;
		if (i >= n)
			break;
		l->ops->draw_row(app, l->ctx, i, y + r, x, w, i == l->sel);
	}
}
