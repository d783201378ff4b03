/* picker.h -- choosing the customer at the counter: one field (phone,
 * card or name) under which the matches narrow as the person types
 * (customer_search), Up/Down over them, Enter takes the highlighted one.
 * Shared by the purchase and redeem screens.
 *
 * The picker owns its form (one field) and the matches; the screen
 * decides where it goes and what happens once a customer is chosen. */
#ifndef WAFA_TUI_PICKER_H
#define WAFA_TUI_PICKER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine/customer.h"
#include "tui/form.h"
#include "tui/keys.h"

struct app;

/* Matches shown under the field. */
#define PICKER_ROWS 5

struct picker {
	struct form form;            /* the one field */
	struct customer_view *rows;  /* the matches of the text typed (owned) */
	size_t nrows;
	bool more;                   /* more matches than shown */
	bool searched;               /* rows are the matches of the field's text */
	size_t sel;                  /* the highlighted match */
	int64_t id;                  /* the chosen customer, 0 none */
	struct customer_view chosen; /* of the chosen customer, as of when chosen */
};

void picker_init(struct picker *p);
void picker_free(struct picker *p);
/* Empties the field and forgets the choice. */
void picker_clear(struct picker *p);

/* Chooses customer id (a screen opened for a customer): the field shows
 * the customer's phone (or card).  Returns false when the customer
 * cannot be read: a database error goes to a dialog, a refusal next to
 * the field. */
bool picker_choose_id(struct app *app, struct picker *p, int64_t id);
/* Reads the chosen customer again (balance and tier after a sale). */
void picker_refresh(struct app *app, struct picker *p);

enum picker_event {
	PICKER_IGNORED, /* not the picker's key */
	PICKER_REDRAW,  /* the text, the matches or the highlight changed */
	PICKER_CHOSEN,  /* Enter or Tab with a customer chosen (now or before) */
};
/* Handles a key while the field has the focus.  Enter and Tab take the
 * highlighted match (the only one when there is one); Up and Down move
 * the highlight while matches show (PICKER_IGNORED otherwise, so that the
 * screen can move the focus).  Esc, Ctrl-S and Shift-Tab are left to the
 * screen. */
enum picker_event picker_key(struct app *app, struct picker *p, const struct key *k);

/* Whether something was typed into the field. */
bool picker_dirty(const struct picker *p);

/* The columns of the field's label (to line other forms up with it). */
int picker_label_width(void);

/* Draws the field at row y and under it, in at most `rows` rows, the
 * matches -- or, once chosen, the chosen customer.  focused: the field
 * has the focus (its label stands out).  Returns the rows used. */
int picker_draw(struct app *app, struct picker *p, int y, int x, int w, int rows, bool focused);
/* Puts the terminal cursor in the field drawn at row y (after drawing). */
void picker_place_cursor(struct app *app, struct picker *p, int y, int x);

/* One customer on a row: marker, name, phone (or card), tier, points and
 * their money value. */
void picker_draw_row(struct app *app, const struct customer_view *v, int y, int x, int w,
		     bool selected);

/* "1,240 pts": a count of points in the UI's digits (new string). */
char *picker_points_text(struct app *app, int64_t points);
/* "(= 124,000)": the money value of some points when points can pay
 * (point_value > 0) and there are some; NULL otherwise (new string). */
char *picker_value_text(struct app *app, int64_t points);
/* The engine's messages name the command-line option they concern
 * ("--amount: must not ..."); on a screen the message stands next to the
 * field, so the option goes: a pointer into msg after the prefix when it
 * starts with "--OPTION: ", msg otherwise. */
const char *picker_strip_option(const char *msg);

#endif
