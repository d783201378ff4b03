/* tz.h -- instants, the shop's time zone and civil (wall-clock) time.
 *
 * Time is stored as Unix seconds (UTC).  Conversions between UTC and the
 * shop's local time use the C library's zoneinfo (kept current by the
 * system's tzdata), never ICU's bundled zones (DESIGN.md section 10). */
#ifndef WAFA_TEXT_TZ_H
#define WAFA_TEXT_TZ_H

#include <stdbool.h>
#include <stdint.h>

/* A proleptic Gregorian wall-clock time. */
struct civil {
	int year, month, day;  /* month 1-12, day 1-31 */
	int hour, min, sec;
	int wday;              /* 0 = Sunday; filled by conversions from UTC */
};

enum time_error {
	TIME_OK = 0,
	TIME_SYNTAX,     /* not YYYY-MM-DD[ HH:MM[:SS]] */
	TIME_IMPOSSIBLE, /* 2025-02-30, 24:00, 10:61 */
};

/* The current instant.  For tests, the environment variable WAFA_NOW
 * (Unix seconds, a plain integer; anything else is ignored) replaces the
 * clock. */
int64_t clock_now(void);

/* Whether tz names a zone the C library knows: "UTC", and the IANA names
 * that have a TZif file under the zoneinfo directory ($TZDIR, else
 * /usr/share/zoneinfo).  Names holding ".." or starting with "/" are
 * refused, and so are the tables kept beside the zones (zone.tab). */
bool tz_valid(const char *tz);
/* The system's zone name: $TZ (without a leading ':'; a path under a
 * zoneinfo directory gives the name after it), else /etc/timezone, else
 * the target of /etc/localtime under zoneinfo, else "UTC".  A source that
 * does not name a valid zone (tz_valid) is skipped, so the result is
 * always valid.  The caller frees it. */
char *tz_system(void);

/* Local wall time in zone tz -> UTC seconds.  A wall time that does not
 * exist (skipped by a DST change) moves forward by the gap (Tehran
 * 2022-03-22 00:30 is 01:30 +04:30); an ambiguous one takes the earlier
 * instant.  c->wday is ignored; a day past the month's end rolls over.
 * Returns 0, or -1 if tz is unknown or the month is not 1-12. */
int tz_local_to_utc(const char *tz, const struct civil *c, int64_t *out);
/* UTC seconds -> local wall time in zone tz, and the UTC offset in seconds
 * (east positive) when offset is not NULL.  Returns 0 or -1. */
int tz_utc_to_local(const char *tz, int64_t t, struct civil *out, int *offset);
/* RFC 3339 with seconds and the zone's offset at t:
 * "2026-11-22T00:00:00+03:30"; UTC is written "+00:00".  An unknown zone,
 * or an offset that is not whole minutes (local mean time, before zones
 * were standardised), gives the UTC time with "+00:00".  buf holds at
 * least 32 bytes. */
void tz_format_rfc3339(const char *tz, int64_t t, char buf[32]);

/* Whether y-m-d is a real Gregorian date (1 <= y <= 9999). */
bool civil_date_valid(int y, int m, int d);
/* Parses "YYYY-MM-DD" (digits of any script, exactly 4-2-2 of them;
 * white space around it is allowed).  TIME_SYNTAX for another shape,
 * TIME_IMPOSSIBLE for a date that is not real (2025-02-30). */
enum time_error date_parse(const char *text, int *y, int *m, int *d);
/* Parses "YYYY-MM-DD[ HH:MM[:SS]]" ("T" may replace the space; digits of
 * any script; exactly two digits for each time field) as wall time in
 * zone tz and stores the instant in *out (see tz_local_to_utc for skipped
 * and ambiguous times).  Hours 0-23, minutes and seconds 0-59, else
 * TIME_IMPOSSIBLE; an unknown zone is TIME_IMPOSSIBLE too (no instant
 * can be found).  *out is untouched on failure. */
enum time_error time_parse_local(const char *text, const char *tz, int64_t *out);
/* One localized sentence for the reason (static; do not free). */
const char *time_strerror(enum time_error err);

#endif
