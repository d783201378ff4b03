/* list.h -- the list widget: a highlighted row moving over rows that a
 * screen keeps (a page of the store at a time), with arrows, PgUp/PgDn,
 * Home/End.  The screen draws each row and loads more rows when the
 * widget runs off either end of what is loaded (keyset paging). */
#ifndef WAFA_TUI_LIST_H
#define WAFA_TUI_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/keys.h"

struct app;

struct list_ops {
	/* Rows loaded now. */
	size_t (*count)(void *ctx);
	/* Draws row i in the logical span [x, x + w) of terminal row y. */
	void (*draw_row)(struct app *app, void *ctx, size_t i, int y, int x, int w,
			 bool selected);
	/* Loads more rows after the last one (forward) or before the first
	 * one; returns how many were added (before the first: the widget
	 * shifts its indexes by that many).  May be NULL: everything is
	 * loaded.  A source may also drop rows at the other end: it then
	 * returns through *dropped how many rows it dropped from the front
	 * (forward) or from the back. */
	size_t (*more)(void *ctx, bool forward, size_t *dropped);
	/* Reloads from the very start or the very end (Home/End); may be
	 * NULL. */
	void (*reload)(void *ctx, bool at_end);
};

struct list {
	const struct list_ops *ops;
	void *ctx;
	size_t sel; /* the highlighted row */
	size_t top; /* the first row shown */
	int height; /* rows shown, set by list_draw */
};

void list_init(struct list *l, const struct list_ops *ops, void *ctx);
/* Back to the first row (after the rows changed). */
void list_reset(struct list *l);
/* Handles movement keys; returns KF_HANDLED | KF_REDRAW when it moved,
 * KF_IGNORED otherwise. */
int list_key(struct list *l, const struct key *k);
/* Draws the rows that fit in [y, y + h) x [x, x + w). */
void list_draw(struct app *app, struct list *l, int y, int x, int h, int w);
/* The highlighted row, or SIZE_MAX when the list is empty. */
size_t list_selected(const struct list *l);

#endif
