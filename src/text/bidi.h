/* bidi.h -- logical text to visual order for a terminal that does no
 * BiDi of its own (DESIGN.md section 9), with FriBidi: reordering,
 * mirrored brackets, Arabic presentation forms and the lam-alef
 * ligature, combining marks kept after their base.
 *
 * Works on one line (one paragraph) of UTF-8; knows nothing of cells or
 * curses -- the drawing layer turns the visual code points into cells. */
#ifndef WAFA_TEXT_BIDI_H
#define WAFA_TEXT_BIDI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum bidi_dir {
	BIDI_LTR,  /* always left to right (phone, card, codes, amounts) */
	BIDI_RTL,  /* right to left paragraph */
	BIDI_AUTO, /* the first strong letter decides (names, notes); LTR if none */
};

struct bidi_line {
	uint32_t *vis; /* code points in visual order, shaped */
	size_t n;      /* how many (ligatures leave fewer than the logical text) */
	/* For each logical code point, its visual index (the ligature's index
	 * for the second letter of a lam-alef), and the reverse: for each
	 * visual index, the logical code point it shows. */
	size_t *log2vis;
	size_t *vis2log;
	size_t nlog;   /* logical code points */
	bool rtl;      /* the resolved paragraph direction */
};

/* Fills *out with the visual order of the UTF-8 text (invalid bytes show
 * as U+FFFD).  shape: apply Arabic shaping (off when the terminal shapes
 * by itself).  Free with bidi_line_free. */
void bidi_visual(const char *text, enum bidi_dir dir, bool shape, struct bidi_line *out);
void bidi_line_free(struct bidi_line *l);
/* Whether any letter of the text is right-to-left (Hebrew or Arabic
 * script). */
bool bidi_has_rtl(const char *text);
/* Whether the first strong letter of the text is right-to-left. */
bool bidi_is_rtl(const char *text);

#endif
