/* uilocale.h -- the UI language and what follows from it.
 *
 * Resolved once at start (DESIGN.md section 10): digits, direction,
 * number formatting and the ICU locale follow the UI language, not the C
 * library's locale (often just C.UTF-8). */
#ifndef WAFA_TEXT_UILOCALE_H
#define WAFA_TEXT_UILOCALE_H

#include <stdbool.h>
#include <stdint.h>

#include "text/digits.h"

struct ui_locale {
	char lang[8];              /* "en", "fa" or "ar" */
	bool rtl;                  /* fa and ar */
	enum digit_script digits;  /* output digits */
};

/* Picks the UI language: opt (--lang) if set, else setting (the shop's
 * `lang`) if set, else the first entry of $LANGUAGE, else the language of
 * $LC_ALL, $LC_MESSAGES or $LANG.  Anything but fa or ar is en.  The
 * digits follow the language ("auto"); digits_setting may be NULL,
 * "auto", "latin" or "native".  Returns 0, or -1 when opt is not one of
 * en, fa, ar (setting values that are not known are ignored). */
int ui_locale_resolve(struct ui_locale *loc, const char *opt, const char *setting,
		      const char *digits_setting);

/* Makes gettext speak loc->lang: sets LANGUAGE, makes sure LC_CTYPE is a
 * UTF-8 locale (C.UTF-8 when the environment gives none), and binds the
 * text domain to localedir ($WAFA_LOCALEDIR when set). */
void ui_locale_apply(const struct ui_locale *loc, const char *localedir);

/* The process's UI locale (set by ui_locale_set_current; English with
 * Latin digits before that). */
const struct ui_locale *ui_locale_current(void);
void ui_locale_set_current(const struct ui_locale *loc);

/* Display formatting in the locale's digits and grouping; each returns a
 * new string the caller frees. */
char *fmt_int(const struct ui_locale *loc, int64_t n);              /* "1,234" */
char *fmt_money(const struct ui_locale *loc, int64_t minor, int decimals);
char *fmt_percent(const struct ui_locale *loc, double fraction);    /* 0.713 -> "71%" */
char *fmt_digits(const struct ui_locale *loc, const char *ascii);   /* phone, card, dates */

#endif
