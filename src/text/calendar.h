/* calendar.h -- the shop's calendar: months, their boundaries and names.
 *
 * ICU does the calendar arithmetic on local dates only (DESIGN.md
 * section 10): a month of the shop's calendar is [local midnight of its
 * first day, local midnight of the next month's first day), converted to
 * UTC with tz.h. */
#ifndef WAFA_TEXT_CALENDAR_H
#define WAFA_TEXT_CALENDAR_H

#include <stdint.h>

#include "text/digits.h"

enum cal_kind {
	CAL_GREGORIAN,
	CAL_PERSIAN,          /* Solar Hijri (Jalali) */
	CAL_ISLAMIC_UMALQURA, /* Umm al-Qura */
};

/* "gregorian", "persian", "islamic-umalqura" -> *out; returns 0 or -1. */
int cal_from_name(const char *name, enum cal_kind *out);
/* The inverse; static string. */
const char *cal_name(enum cal_kind kind);

/* Gregorian civil date <-> date of the calendar (months 1-12).  Return 0
 * or -1 (out of range, or not a real date of that calendar: 30 Esfand of
 * a common year, 31 Mehr).  Years are 1-9999 on both sides. */
int cal_from_gregorian(enum cal_kind kind, int gy, int gm, int gd, int *y, int *m, int *d);
int cal_to_gregorian(enum cal_kind kind, int y, int m, int d, int *gy, int *gm, int *gd);

/* Parses "YYYY-MM" (digits of any script, a four-digit year, month 01-12
 * or 1-12; white space around it is allowed).  Returns 0 or -1. */
int month_parse(const char *text, int *year, int *month);
/* Moves (year, month) by delta months (12 months a year in all three
 * calendars). */
void month_step(int *year, int *month, int delta);
/* The month's instants [start, end) in zone tz: the local midnights of
 * its first day and of the next month's first day (where a zone skips
 * midnight, the first instant of that day).  Returns 0 or -1 (month not
 * 1-12, unknown zone, out of range); *start and *end are untouched on
 * failure. */
int month_range(enum cal_kind kind, const char *tz, int year, int month, int64_t *start,
		int64_t *end);
/* The month of the calendar that holds instant t in zone tz.  Returns 0
 * or -1 (unknown zone, out of range). */
int month_of(enum cal_kind kind, const char *tz, int64_t t, int *year, int *month);

/* The fields each style shows.  Their order, punctuation and any era
 * ("AP", "هـ") are those of ICU's pattern for the language and calendar
 * (udatpg_getBestPattern): e.g. DATE_DAY is "Azar 1, 1405 AP" in English
 * and "۱ آذر ۱۴۰۵" in Persian.  DATE_NUMERIC is a fixed "y-MM-dd". */
enum date_style {
	DATE_DAY_MONTH,   /* "1 Azar"               */
	DATE_DAY,         /* "1 Azar 1405"          */
	DATE_WEEKDAY,     /* "Sun 1 Azar 1405"      */
	DATE_MONTH_YEAR,  /* "Aban 1405"            */
	DATE_MONTH,       /* "Aban"                 */
	DATE_TIME,        /* "10:42"                */
	DATE_DAY_TIME,    /* "1 Azar 1405 10:42"    */
	DATE_NUMERIC,     /* "1405-09-01"           */
};

/* The instant t, in zone tz and calendar kind, as text of the language
 * lang ("en", "fa", "ar"; NULL or "" is "en") with digits in `digits`, in
 * the given style, through ICU (month and weekday names of that calendar
 * and language).  The caller frees it; NULL for an unknown zone or when
 * ICU fails. */
char *cal_format(enum cal_kind kind, const char *tz, const char *lang, enum digit_script digits,
		 int64_t t, enum date_style style);
/* The name of month (1-12) of the calendar in language lang ("Aban",
 * "آبان", "Ramadan"), the stand-alone form; the caller frees it.  NULL
 * for a month outside 1-12. */
char *cal_month_name(enum cal_kind kind, const char *lang, int month);

#endif
