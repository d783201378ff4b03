/* draw.h -- every character the front end puts on the terminal.
 *
 * Coordinates are logical: x counts columns from the edge where reading
 * starts -- the left in English, the right in Persian and Arabic -- so a
 * screen laid out once is mirrored for right-to-left languages.  Text is
 * UTF-8; it is cut by columns (never by bytes), put in visual order by
 * text/bidi.h when the program does BiDi itself, and turned into cells
 * with combining marks kept on their base. */
#ifndef WAFA_TUI_DRAW_H
#define WAFA_TUI_DRAW_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "text/bidi.h"

struct app;

/* The looks, as colour pairs when the terminal has colours and as
 * attributes when it has not. */
enum look {
	LOOK_NORMAL,
	LOOK_TITLE,   /* screen titles */
	LOOK_BAR,     /* the key bar and the top line */
	LOOK_BAR_KEY, /* a key's name in the bar */
	LOOK_SELECT,  /* the highlighted row */
	LOOK_ERROR,
	LOOK_OK,
	LOOK_DIM,     /* secondary text */
	LOOK_ACCENT,  /* figures that matter */
	LOOK_INPUT,   /* an input field */
	LOOK_BIG,     /* the voucher code */
	LOOK__COUNT
};

void draw_init_looks(bool colors);
attr_t look_attr(enum look l);

/* Where text sits in its box, in reading direction. */
enum align { ALIGN_START, ALIGN_END, ALIGN_CENTER };

/* The terminal column where logical column x of a span of width w
 * begins. */
int draw_col(const struct app *app, int x, int w);
/* Columns the text takes on the terminal. */
int text_width(const char *text);
/* Breaks text (logical order) into lines of at most w columns, at
 * spaces; a word wider than w is cut by columns.  Returns the number of
 * lines (at least 1) and sets *lines to an array of new strings; the
 * caller frees it with text_lines_free. */
size_t text_wrap(const char *text, int w, char ***lines);
void text_lines_free(char **lines, size_t n);

/* Draws text in row y, in the logical span [x, x + w): cut to fit with
 * "…", aligned, in the given look.  dir is the text's own direction:
 * BIDI_RTL for the interface's sentences in fa/ar (draw_ui does that),
 * BIDI_AUTO for names and notes, BIDI_LTR for phone numbers, codes and
 * amounts.  Returns the columns used. */
int draw_text(struct app *app, int y, int x, int w, const char *text, enum bidi_dir dir,
	      enum align align, enum look look);
/* An interface string (already translated) in the UI's direction. */
int draw_ui(struct app *app, int y, int x, int w, const char *text, enum align align,
	    enum look look);
/* printf into draw_ui. */
int draw_uif(struct app *app, int y, int x, int w, enum align align, enum look look,
	     const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Fills a span with blanks of a look. */
void draw_fill(struct app *app, int y, int x, int w, enum look look);
/* A frame with a title at its starting corner. */
void draw_box(struct app *app, int y, int x, int h, int w, const char *title);
void draw_hline(struct app *app, int y, int x, int w);
/* The visual column (within [x, x+w)) of logical character `index` of
 * text drawn by draw_text with the same arguments: where a text cursor
 * goes.  Returns the terminal column. */
int draw_cursor_col(struct app *app, int x, int w, const char *text, enum bidi_dir dir,
		    enum align align, size_t index);

/* The direction of interface sentences: RTL in fa and ar. */
enum bidi_dir ui_dir(const struct app *app);

#endif
