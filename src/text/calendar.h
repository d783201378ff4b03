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
 * or -1 (out of range, or not a real date of that calendar). */
int cal_from_gregorian(enum cal_kind kind, int gy, int gm, int gd, int *y, int *m, int *d);
int cal_to_gregorian(enum cal_kind kind, int y, int m, int d, int *gy, int *gm, int *gd);

/* Parses "YYYY-MM" (digits of any script, month 01-12 or 1-12).  Returns 0
 * or -1. */
int month_parse(const char *text, int *year, int *month);
/* Moves (year, month) by delta months (12 months a year in all three
 * calendars). */
void month_step(int *year, int *month, int delta);
/* The month's instants [start, end) in zone tz.  Returns 0 or -1. */
int month_range(enum cal_kind kind, const char *tz, int year, int month, int64_t *start,
		int64_t *end);
/* The month of the calendar that holds instant t in zone tz. */
int month_of(enum cal_kind kind, const char *tz, int64_t t, int *year, int *month);

enum date_style {
	DATE_DAY_MONTH,   /* "1 Azar"               */
	DATE_DAY,         /* "1 Azar 1405"          */
	DATE_WEEKDAY,     /* "Sat 1 Azar 1405"      */
	DATE_MONTH_YEAR,  /* "Aban 1405"            */
	DATE_MONTH,       /* "Aban"                 */
	DATE_TIME,        /* "10:42"                */
	DATE_DAY_TIME,    /* "1 Azar 1405 10:42"    */
	DATE_NUMERIC,     /* "1405-09-01"           */
};

/* The instant t, in zone tz and calendar kind, as text of the language
 * lang ("en", "fa", "ar") with digits in `digits`, in the given style,
 * through ICU (month and weekday names of that calendar and language).
 * The caller frees it. */
char *cal_format(enum cal_kind kind, const char *tz, const char *lang, enum digit_script digits,
		 int64_t t, enum date_style style);
/* The name of month (1-12) of the calendar in language lang ("Aban",
 * "آبان", "Ramadan"); the caller frees it. */
char *cal_month_name(enum cal_kind kind, const char *lang, int month);

#endif
