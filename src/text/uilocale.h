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
 * the first of $LC_ALL, $LC_MESSAGES, $LANG that is set and not empty
 * ("fa_IR.UTF-8" is fa; "C" and "POSIX" are en).  Anything but fa or ar
 * is en.  The digits follow the language ("auto"); digits_setting may be
 * NULL, "auto", "latin" or "native" (native is Persian digits for fa,
 * Arabic-Indic for ar, Latin for en; an unknown value is "auto").
 * Returns 0, or -1 when opt is not one of en, fa, ar (any case; setting
 * values that are not known are ignored). */
int ui_locale_resolve(struct ui_locale *loc, const char *opt, const char *setting,
		      const char *digits_setting);

/* Makes gettext speak loc->lang: sets LANGUAGE (to "en" for English, so
 * that no catalog is used), setlocale(LC_ALL, "") and C.UTF-8 instead
 * when that gives no UTF-8 LC_CTYPE, and binds the text domain (UTF-8) to
 * $WAFA_LOCALEDIR when set and not empty, else to localedir (else the
 * configured LOCALEDIR). */
void ui_locale_apply(const struct ui_locale *loc, const char *localedir);

/* The process's UI locale (set by ui_locale_set_current; English with
 * Latin digits before that). */
const struct ui_locale *ui_locale_current(void);
void ui_locale_set_current(const struct ui_locale *loc);

/* Display formatting in the locale's digits and grouping; each returns a
 * new string the caller frees.  fmt_int and fmt_money are money_format
 * (grouped by threes; U+066C and U+066B with Persian and Arabic digits;
 * ASCII "-").  fmt_percent goes through ICU's percent format for the
 * language, so the sign sits where the language puts it ("71%", "۷۱٪",
 * "٧١٪" followed by U+061C as CLDR writes Arabic), rounded half away
 * from zero to a whole percent.  fmt_digits is digits_localize. */
char *fmt_int(const struct ui_locale *loc, int64_t n);              /* "1,234" */
char *fmt_money(const struct ui_locale *loc, int64_t minor, int decimals);
char *fmt_percent(const struct ui_locale *loc, double fraction);    /* 0.713 -> "71%" */
char *fmt_digits(const struct ui_locale *loc, const char *ascii);   /* phone, card, dates */

/* Numbers in messages (engine and store refusals, which have no struct
 * ui_locale at hand): formatted like fmt_int and fmt_money in the digits
 * of the current UI locale (ui_locale_current), into a caller's buffer of
 * MSG_NUM_SIZE bytes -- room for any int64_t -- and returning it, so that
 * a message takes them as %s, e.g. a refusal "... %s points" with the
 * argument msg_int(have, balance) where have is a char[MSG_NUM_SIZE].
 * English shows "8,000", Persian "۸٬۰۰۰", Arabic "٨٬٠٠٠". */
#define MSG_NUM_SIZE 64
const char *msg_int(char buf[MSG_NUM_SIZE], int64_t n);
/* A record number (customer 1730, purchase 52114): the same digits,
 * without grouping. */
const char *msg_id(char buf[MSG_NUM_SIZE], int64_t n);
const char *msg_money(char buf[MSG_NUM_SIZE], int64_t minor, int decimals);

#endif
