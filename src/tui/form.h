/* form.h -- the form widget: fields described as a table (label, kind,
 * direction, width), edited in place, with the validation message next
 * to the field (DESIGN.md section 9). */
#ifndef WAFA_TUI_FORM_H
#define WAFA_TUI_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "text/bidi.h"
#include "tui/keys.h"

struct app;

enum field_kind {
	FIELD_TEXT,   /* free text */
	FIELD_AMOUNT, /* money, typed in any script's digits */
	FIELD_PHONE,
	FIELD_NUMBER, /* a whole number */
	FIELD_DATE,   /* a date in the shop's calendar, YYYY-MM-DD */
	FIELD_CHOICE, /* one of `choices`; Left/Right or Space change it */
	FIELD_YESNO,  /* Space, y or n */
};

enum field_dir {
	FDIR_UI,   /* the interface's direction (RTL in fa and ar) */
	FDIR_AUTO, /* the first strong letter decides: names, notes */
	FDIR_LTR,  /* always left to right: phone, card, e-mail, codes, amounts */
};

struct field_def {
	const char *label;          /* N_() */
	enum field_kind kind;
	enum field_dir dir;
	int width;                  /* columns of the input */
	size_t max_chars;           /* 0: no limit */
	const char *hint;           /* N_(), shown after the input; may be NULL */
	const char *const *choices; /* FIELD_CHOICE: N_() labels, NULL-terminated */
};

struct form {
	const struct field_def *defs;
	size_t n;
	char **values;   /* UTF-8, owned */
	size_t *cursor;  /* logical code point index of each field's cursor */
	char **errors;   /* the message next to each field, or NULL */
	int *choice;     /* FIELD_CHOICE / FIELD_YESNO value */
	bool *hidden;    /* fields not shown (skipped by Tab) */
	size_t focus;
	bool dirty;      /* something was typed */
	int label_width; /* columns of the labels (computed on draw) */
	int label_min;   /* at least this many (forms on one screen line up) */
};

enum form_event {
	FORM_IGNORED, /* not a form key */
	FORM_CHANGED, /* the focused value changed */
	FORM_MOVED,   /* the focus or the cursor moved */
	FORM_SUBMIT,  /* Enter on the last field, or Ctrl-S */
	FORM_CANCEL,  /* Esc */
	FORM_NEXT,    /* Enter on a field that is not the last */
};

void form_init(struct form *f, const struct field_def *defs, size_t n);
void form_free(struct form *f);
/* Sets a value without marking the form dirty; the cursor goes to its
 * end. */
void form_set(struct form *f, size_t i, const char *value);
const char *form_get(const struct form *f, size_t i);
int form_choice(const struct form *f, size_t i);
void form_set_choice(struct form *f, size_t i, int choice);
void form_hide(struct form *f, size_t i, bool hidden);
void form_focus(struct form *f, size_t i);
/* The message next to field i (copied; NULL clears it). */
void form_error(struct form *f, size_t i, const char *msg);
void form_clear_errors(struct form *f);
/* Whether any field has a message. */
bool form_has_errors(const struct form *f);

enum form_event form_key(struct app *app, struct form *f, const struct key *k);
/* Draws the fields one per row from row y, in the logical span
 * [x, x + w). */
void form_draw(struct app *app, struct form *f, int y, int x, int w);
/* Puts the terminal cursor in the focused field (after drawing). */
void form_place_cursor(struct app *app, struct form *f, int y, int x);

#endif
