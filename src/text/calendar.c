/* calendar.c -- the shop's calendar: months, their boundaries and names.
 *
 * ICU calendars work here in the zone "UTC" on local dates only: a date
 * of the shop's calendar becomes a UDate (midnight UTC of that day), and
 * a proleptic Gregorian calendar set to the same UDate gives the civil
 * date, which tz.h turns into an instant with the C library's zoneinfo.
 * Formatting likewise formats the local wall time as if it were UTC.
 *
 * The ICU calendars and formatters are opened on first use and kept for
 * the life of the process (opening them costs far more than using
 * them). */
#include <config.h>

#include "text/calendar.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/ustring.h>

#include "text/strbuf.h"
#include "text/tz.h"
#include "text/utf8.h"
#include "text/xalloc.h"

#define MS_PER_SECOND 1000.0
/* Early enough that the Gregorian calendar is proleptic for any year
 * the program meets (ICU switches to Julian before 1582 otherwise). */
#define PROLEPTIC_CUTOVER (-8.64e15)
#define MAX_YEAR          9999
#define FORMAT_CACHE_SIZE 32

static const UChar utc_id[] = {'U', 'T', 'C', 0};

static const char *const cal_names[] = {
    [CAL_GREGORIAN] = "gregorian",
    [CAL_PERSIAN] = "persian",
    [CAL_ISLAMIC_UMALQURA] = "islamic-umalqura",
};

int cal_from_name(const char *name, enum cal_kind *out)
{
	if (name == NULL)
		return -1;
	for (size_t i = 0; i < sizeof cal_names / sizeof cal_names[0]; i++) {
		if (strcmp(name, cal_names[i]) == 0) {
			*out = (enum cal_kind)i;
			return 0;
		}
	}
	return -1;
}

const char *cal_name(enum cal_kind kind)
{
	if ((unsigned)kind >= sizeof cal_names / sizeof cal_names[0])
		return cal_names[CAL_GREGORIAN];
	return cal_names[kind];
}

static bool kind_valid(enum cal_kind kind)
{
	return (unsigned)kind < sizeof cal_names / sizeof cal_names[0];
}

/* The calendar of `kind` in zone UTC (proleptic when Gregorian); NULL if
 * ICU cannot open it. */
static UCalendar *calendar_for(enum cal_kind kind)
{
	static UCalendar *cals[sizeof cal_names / sizeof cal_names[0]];

	if (!kind_valid(kind))
		return NULL;
	if (cals[kind] == NULL) {
		UErrorCode st = U_ZERO_ERROR;
		char locale[64];
		snprintf(locale, sizeof locale, "@calendar=%s", cal_names[kind]);
		UCalendar *c = ucal_open(utc_id, -1, locale, UCAL_DEFAULT, &st);
		if (U_FAILURE(st))
			return NULL;
		if (kind == CAL_GREGORIAN)
			ucal_setGregorianChange(c, PROLEPTIC_CUTOVER, &st);
		if (U_FAILURE(st)) {
			ucal_close(c);
			return NULL;
		}
		cals[kind] = c;
	}
	return cals[kind];
}

/* Sets cal to y-m-d (months 1-12) and stores the UDate of its midnight;
 * false unless ICU reads back the same date (so 30 Esfand of a common
 * year or 31 April are refused rather than rolled over). */
static bool set_date(UCalendar *cal, int y, int m, int d, UDate *out)
{
	UErrorCode st = U_ZERO_ERROR;

	if (y < 1 || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	ucal_clear(cal);
	ucal_set(cal, UCAL_EXTENDED_YEAR, y);
	ucal_set(cal, UCAL_MONTH, m - 1);
	ucal_set(cal, UCAL_DATE, d);
	UDate ms = ucal_getMillis(cal, &st);
	if (U_FAILURE(st))
		return false;
	int ry = ucal_get(cal, UCAL_EXTENDED_YEAR, &st);
	int rm = ucal_get(cal, UCAL_MONTH, &st) + 1;
	int rd = ucal_get(cal, UCAL_DATE, &st);
	if (U_FAILURE(st) || ry != y || rm != m || rd != d)
		return false;
	*out = ms;
	return true;
}

/* The date of cal at instant ms. */
static bool get_date(UCalendar *cal, UDate ms, int *y, int *m, int *d)
{
	UErrorCode st = U_ZERO_ERROR;

	ucal_setMillis(cal, ms, &st);
	int ry = ucal_get(cal, UCAL_EXTENDED_YEAR, &st);
	int rm = ucal_get(cal, UCAL_MONTH, &st) + 1;
	int rd = ucal_get(cal, UCAL_DATE, &st);
	if (U_FAILURE(st) || ry < 1 || ry > MAX_YEAR)
		return false;
	*y = ry;
	*m = rm;
	*d = rd;
	return true;
}

int cal_from_gregorian(enum cal_kind kind, int gy, int gm, int gd, int *y, int *m, int *d)
{
	UCalendar *greg = calendar_for(CAL_GREGORIAN), *cal = calendar_for(kind);
	UDate ms;

	if (greg == NULL || cal == NULL || !civil_date_valid(gy, gm, gd))
		return -1;
	if (!set_date(greg, gy, gm, gd, &ms) || !get_date(cal, ms, y, m, d))
		return -1;
	return 0;
}

int cal_to_gregorian(enum cal_kind kind, int y, int m, int d, int *gy, int *gm, int *gd)
{
	UCalendar *greg = calendar_for(CAL_GREGORIAN), *cal = calendar_for(kind);
	UDate ms;

	if (greg == NULL || cal == NULL)
		return -1;
	if (!set_date(cal, y, m, d, &ms) || !get_date(greg, ms, gy, gm, gd))
		return -1;
	return 0;
}

int month_parse(const char *text, int *year, int *month)
{
	char *trimmed = utf8_trim(text);
	const char *p = trimmed;
	size_t len = strlen(trimmed);
	int v[2] = {0, 0}, width[2] = {0, 0}, field = 0;
	int ret = -1;

	while (len > 0) {
		uint32_t cp;
		size_t n = utf8_decode(p, len, &cp);
		int dv = n == 0 ? -1 : digit_value(cp);
		if (n == 0)
			goto out;
		if (dv >= 0) {
			v[field] = v[field] * 10 + dv;
			if (++width[field] > (field == 0 ? 4 : 2))
				goto out;
		} else if (cp == '-' && field == 0) {
			field = 1;
		} else {
			goto out;
		}
		p += n;
		len -= n;
	}
	if (field != 1 || width[0] != 4 || width[1] < 1 || v[0] < 1 || v[1] < 1 || v[1] > 12)
		goto out;
	*year = v[0];
	*month = v[1];
	ret = 0;
out:
	free(trimmed);
	return ret;
}

void month_step(int *year, int *month, int delta)
{
	long long index = (long long)*year * 12 + (*month - 1) + delta;
	long long y = index >= 0 ? index / 12 : -((-index + 11) / 12);
	*year = (int)y;
	*month = (int)(index - y * 12) + 1;
}

static int local_midnight(const char *tz, int gy, int gm, int gd, int64_t *out)
{
	struct civil c = {.year = gy, .month = gm, .day = gd};
	/* A zone whose clocks jump forward at midnight starts the day at the
	 * end of the gap (tz_local_to_utc moves forward). */
	return tz_local_to_utc(tz, &c, out);
}

int month_range(enum cal_kind kind, const char *tz, int year, int month, int64_t *start,
                int64_t *end)
{
	int gy, gm, gd, ny = year, nm = month;
	int64_t s, e;

	if (month < 1 || month > 12)
		return -1;
	if (cal_to_gregorian(kind, year, month, 1, &gy, &gm, &gd) != 0 ||
	    local_midnight(tz, gy, gm, gd, &s) != 0)
		return -1;
	month_step(&ny, &nm, 1);
	if (cal_to_gregorian(kind, ny, nm, 1, &gy, &gm, &gd) != 0 ||
	    local_midnight(tz, gy, gm, gd, &e) != 0)
		return -1;
	*start = s;
	*end = e;
	return 0;
}

int month_of(enum cal_kind kind, const char *tz, int64_t t, int *year, int *month)
{
	struct civil c;
	int d;

	if (tz_utc_to_local(tz, t, &c, NULL) != 0)
		return -1;
	return cal_from_gregorian(kind, c.year, c.month, c.day, year, month, &d);
}

/* ---- formatting ---- */

static const char *numbering_system(enum digit_script digits)
{
	switch (digits) {
	case DIGITS_PERSIAN:
		return "arabext";
	case DIGITS_ARABIC:
		return "arab";
	case DIGITS_LATIN:
	default:
		return "latn";
	}
}

#define NUMERIC_PATTERN "y-MM-dd"

/* The skeleton asked of the pattern generator for each style (NULL: a
 * fixed pattern). */
static const char *const skeletons[] = {
    [DATE_DAY_MONTH] = "dMMMM",     /* day, month */
    [DATE_DAY] = "dMMMMy",          /* day, month, year */
    [DATE_WEEKDAY] = "EEEdMMMMy",   /* weekday, day, month, year */
    [DATE_MONTH_YEAR] = "MMMMy",    /* month, year */
    [DATE_MONTH] = "MMMM",          /* month (ICU picks the stand-alone form) */
    [DATE_TIME] = "HHmm",           /* 24-hour time */
    [DATE_DAY_TIME] = "dMMMMyHHmm", /* day, month, year, time */
    [DATE_NUMERIC] = NULL,          /* NUMERIC_PATTERN */
};

/* English patterns: day before month, no era ("1 Azar 1405"), the way
 * shops in the region write dates in English; other languages take the
 * pattern CLDR gives for the skeleton. */
static const char *const english_patterns[] = {
    [DATE_DAY_MONTH] = "d MMMM",
    [DATE_DAY] = "d MMMM y",
    [DATE_WEEKDAY] = "EEE d MMMM y",
    [DATE_MONTH_YEAR] = "MMMM y",
    [DATE_MONTH] = "LLLL",
    [DATE_TIME] = "HH:mm",
    [DATE_DAY_TIME] = "d MMMM y HH:mm",
    [DATE_NUMERIC] = NUMERIC_PATTERN,
};

struct format_entry {
	enum cal_kind kind;
	char lang[16];
	enum digit_script digits;
	enum date_style style;
	UDateFormat *fmt;
};

static UDateFormat *open_format(enum cal_kind kind, const char *locale, enum date_style style)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar pattern[128];
	int32_t plen;

	if (skeletons[style] == NULL || strncmp(locale, "en", 2) == 0) {
		const char *fixed = english_patterns[style];
		u_uastrcpy(pattern, fixed);
		plen = (int32_t)strlen(fixed);
	} else {
		UChar skeleton[32];
		u_uastrcpy(skeleton, skeletons[style]);
		UDateTimePatternGenerator *gen = udatpg_open(locale, &st);
		if (U_FAILURE(st))
			return NULL;
		plen = udatpg_getBestPattern(gen, skeleton, -1, pattern,
		                             (int32_t)(sizeof pattern / sizeof pattern[0]), &st);
		udatpg_close(gen);
		if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
			return NULL;
	}
	UDateFormat *df =
	    udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, utc_id, -1, pattern, plen, &st);
	if (U_FAILURE(st))
		return NULL;
	if (kind == CAL_GREGORIAN) {
		/* The formatter's calendar must be as proleptic as the one the
		 * dates were made with (udat_setCalendar copies it). */
		UCalendar *copy = ucal_clone(udat_getCalendar(df), &st);
		if (U_SUCCESS(st)) {
			ucal_setGregorianChange(copy, PROLEPTIC_CUTOVER, &st);
			udat_setCalendar(df, copy);
		}
		if (copy != NULL)
			ucal_close(copy);
		if (U_FAILURE(st)) {
			udat_close(df);
			return NULL;
		}
	}
	return df;
}

/* A formatter for the combination, from the cache or newly opened. */
static UDateFormat *format_for(enum cal_kind kind, const char *lang, enum digit_script digits,
                               enum date_style style)
{
	static struct format_entry cache[FORMAT_CACHE_SIZE];
	static size_t used;

	for (size_t i = 0; i < used; i++) {
		struct format_entry *e = &cache[i];
		if (e->kind == kind && e->digits == digits && e->style == style &&
		    strcmp(e->lang, lang) == 0)
			return e->fmt;
	}

	char locale[96];
	snprintf(locale, sizeof locale, "%s@calendar=%s;numbers=%s", lang, cal_names[kind],
	         numbering_system(digits));
	UDateFormat *df = open_format(kind, locale, style);
	if (df == NULL)
		return NULL;
	if (used == FORMAT_CACHE_SIZE) {
		for (size_t i = 0; i < used; i++)
			udat_close(cache[i].fmt);
		used = 0;
	}
	struct format_entry *e = &cache[used++];
	e->kind = kind;
	snprintf(e->lang, sizeof e->lang, "%s", lang);
	e->digits = digits;
	e->style = style;
	e->fmt = df;
	return df;
}

/* lang as an ICU language: letters, digits and "_" only, "en" when
 * empty or odd. */
static const char *icu_lang(const char *lang)
{
	if (lang == NULL || lang[0] == '\0' || strlen(lang) >= 16 ||
	    strspn(lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") !=
	        strlen(lang))
		return "en";
	return lang;
}

static char *utf16_to_utf8(const UChar *u, int32_t len)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = 0;

	u_strToUTF8(NULL, 0, &n, u, len, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return NULL;
	char *s = xmalloc((size_t)n + 1);
	st = U_ZERO_ERROR;
	u_strToUTF8(s, n + 1, NULL, u, len, &st);
	if (U_FAILURE(st)) {
		free(s);
		return NULL;
	}
	return s;
}

char *cal_format(enum cal_kind kind, const char *tz, const char *lang, enum digit_script digits,
                 int64_t t, enum date_style style)
{
	UCalendar *greg = calendar_for(CAL_GREGORIAN);
	UErrorCode st = U_ZERO_ERROR;
	UChar buf[128], *out = buf;
	char *text = NULL;
	struct civil c;

	if (greg == NULL || !kind_valid(kind) || (unsigned)style > DATE_NUMERIC ||
	    tz_utc_to_local(tz, t, &c, NULL) != 0)
		goto out;
	UDateFormat *df = format_for(kind, icu_lang(lang), digits, style);
	if (df == NULL)
		goto out;

	/* The wall time, read as UTC: the formatter's zone is UTC too. */
	ucal_clear(greg);
	ucal_set(greg, UCAL_EXTENDED_YEAR, c.year);
	ucal_set(greg, UCAL_MONTH, c.month - 1);
	ucal_set(greg, UCAL_DATE, c.day);
	ucal_set(greg, UCAL_HOUR_OF_DAY, c.hour);
	ucal_set(greg, UCAL_MINUTE, c.min);
	ucal_set(greg, UCAL_SECOND, c.sec);
	UDate when = ucal_getMillis(greg, &st);
	if (U_FAILURE(st))
		goto out;

	int32_t cap = (int32_t)(sizeof buf / sizeof buf[0]);
	int32_t n = udat_format(df, when, out, cap, NULL, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING) {
		cap = n + 1;
		out = xmalloc((size_t)cap * sizeof *out);
		st = U_ZERO_ERROR;
		n = udat_format(df, when, out, cap, NULL, &st);
	}
	if (U_FAILURE(st))
		goto out;
	text = utf16_to_utf8(out, n);
out:
	if (out != buf)
		free(out);
	return text;
}

char *cal_month_name(enum cal_kind kind, const char *lang, int month)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar buf[64];

	if (!kind_valid(kind) || month < 1 || month > 12)
		return NULL;
	UDateFormat *df = format_for(kind, icu_lang(lang), DIGITS_LATIN, DATE_MONTH);
	if (df == NULL)
		return NULL;
	int32_t n = udat_getSymbols(df, UDAT_STANDALONE_MONTHS, month - 1, buf,
	                            (int32_t)(sizeof buf / sizeof buf[0]), &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING || n <= 0)
		return NULL;
	return utf16_to_utf8(buf, n);
}
