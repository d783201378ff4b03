/* tz.c -- instants, the shop's time zone and civil (wall-clock) time.
 *
 * The C library does the zone work: the zone is selected by setting $TZ
 * and calling tzset() whenever it differs from the zone asked for (the
 * program has one zone, but callers may alternate), and offsets come from
 * localtime_r()'s tm_gmtoff. */
#include <config.h>

#include "text/tz.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "text/digits.h"
#include "text/i18n.h"
#include "text/utf8.h"
#include "text/xalloc.h"

#define DEFAULT_ZONEINFO "/usr/share/zoneinfo"
#define MAX_ZONE_NAME    255

/* The seconds either side of a wall time in which a zone transition can
 * make it ambiguous or skipped: more than the largest UTC offset ever
 * used (local mean times reached almost +-16 hours). */
#define TRANSITION_REACH (16 * 3600)

int64_t clock_now(void)
{
	const char *env = getenv("WAFA_NOW");
	if (env != NULL && env[0] != '\0') {
		char *end;
		errno = 0;
		long long v = strtoll(env, &end, 10);
		if (errno == 0 && *end == '\0' && end != env)
			return (int64_t)v;
	}
	return (int64_t)time(NULL);
}

static const char *zoneinfo_dir(void)
{
	const char *dir = getenv("TZDIR");
	return dir != NULL && dir[0] != '\0' ? dir : DEFAULT_ZONEINFO;
}

bool tz_valid(const char *tz)
{
	if (tz == NULL || tz[0] == '\0')
		return false;
	if (strcmp(tz, "UTC") == 0)
		return true;
	if (tz[0] == '/' || strstr(tz, "..") != NULL || strlen(tz) > MAX_ZONE_NAME)
		return false;

	/* A zone is a TZif file; the zoneinfo directory also holds tables
	 * (zone.tab, tzdata.zi, ...) that the C library cannot use. */
	char *path = xasprintf("%s/%s", zoneinfo_dir(), tz);
	bool ok = false;
	struct stat sb;
	int fd = -1;
	char magic[4];
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		goto out;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		goto out;
	ok = read(fd, magic, sizeof magic) == (ssize_t)sizeof magic &&
	     memcmp(magic, "TZif", sizeof magic) == 0;
out:
	if (fd >= 0)
		close(fd);
	free(path);
	return ok;
}

/* name, or what follows ".../zoneinfo/" in it when it is a path. */
static const char *zone_in_path(const char *name)
{
	const char *p = strstr(name, "zoneinfo/");
	return p != NULL ? p + strlen("zoneinfo/") : name;
}

char *tz_system(void)
{
	const char *env = getenv("TZ");
	if (env != NULL) {
		if (env[0] == ':')
			env++;
		const char *zone = zone_in_path(env);
		if (tz_valid(zone))
			return xstrdup(zone);
	}

	FILE *f = fopen("/etc/timezone", "r");
	if (f != NULL) {
		char line[MAX_ZONE_NAME + 2];
		char *name = NULL;
		if (fgets(line, sizeof line, f) != NULL) {
			line[strcspn(line, "\r\n")] = '\0';
			name = utf8_trim(line);
		}
		fclose(f);
		if (name != NULL && tz_valid(name))
			return name;
		free(name);
	}

	char target[4096];
	ssize_t n = readlink("/etc/localtime", target, sizeof target - 1);
	if (n > 0) {
		target[n] = '\0';
		const char *zone = zone_in_path(target);
		if (zone != target && tz_valid(zone))
			return xstrdup(zone);
	}
	return xstrdup("UTC");
}

/* Makes tz the C library's zone.  False when tz is not a known zone (the
 * C library would silently use UTC). */
static bool use_zone(const char *tz)
{
	static char checked[MAX_ZONE_NAME + 1];
	static bool checked_ok;

	if (tz == NULL || strlen(tz) > MAX_ZONE_NAME)
		return false;
	if (strcmp(tz, checked) != 0 || checked[0] == '\0') {
		checked_ok = tz_valid(tz);
		strcpy(checked, tz);
	}
	if (!checked_ok)
		return false;
	const char *cur = getenv("TZ");
	if (cur == NULL || strcmp(cur, tz) != 0) {
		if (setenv("TZ", tz, 1) != 0)
			return false;
	}
	tzset();
	return true;
}

/* Days from 1970-01-01 to y-m-d of the proleptic Gregorian calendar
 * (H. Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The zone's UTC offset at instant t (the zone must be in use). */
static bool offset_at(int64_t t, long *off)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if ((int64_t)tt != t || localtime_r(&tt, &tm) == NULL)
		return false;
	*off = tm.tm_gmtoff;
	return true;
}

/* Whether instant t shows wall time `local` (seconds of the wall clock
 * counted as if it were UTC). */
static bool shows(int64_t t, int64_t local)
{
	long off;
	return offset_at(t, &off) && t + off == local;
}

int tz_local_to_utc(const char *tz, const struct civil *c, int64_t *out)
{
	if (!use_zone(tz) || c->month < 1 || c->month > 12)
		return -1;
	int64_t local = days_from_civil(c->year, c->month, c->day) * 86400 +
	                (int64_t)c->hour * 3600 + (int64_t)c->min * 60 + c->sec;

	/* The instants that can show this wall time use the offset in force
	 * before or after a nearby transition; mktime's answer is a third
	 * candidate.  Of those that really show it, the earliest wins (an
	 * ambiguous time takes the earlier instant). */
	long before, after;
	if (!offset_at(local - TRANSITION_REACH, &before) ||
	    !offset_at(local + TRANSITION_REACH, &after))
		return -1;
	int64_t cand[3];
	size_t ncand = 0;
	cand[ncand++] = local - before;
	cand[ncand++] = local - after;
	struct tm tm = {
	    .tm_year = c->year - 1900,
	    .tm_mon = c->month - 1,
	    .tm_mday = c->day,
	    .tm_hour = c->hour,
	    .tm_min = c->min,
	    .tm_sec = c->sec,
	    .tm_isdst = -1,
	};
	time_t mk = mktime(&tm);
	if (mk != (time_t)-1)
		cand[ncand++] = (int64_t)mk;

	bool found = false;
	int64_t best = 0;
	for (size_t i = 0; i < ncand; i++) {
		if (shows(cand[i], local) && (!found || cand[i] < best)) {
			best = cand[i];
			found = true;
		}
	}
	if (!found) {
		/* Skipped by a transition: reading the wall time with the
		 * offset from before the gap lands as far past the gap as the
		 * time was into it. */
		best = local - before;
	}
	*out = best;
	return 0;
}

int tz_utc_to_local(const char *tz, int64_t t, struct civil *out, int *offset)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!use_zone(tz) || (int64_t)tt != t || localtime_r(&tt, &tm) == NULL)
		return -1;
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
	out->hour = tm.tm_hour;
	out->min = tm.tm_min;
	out->sec = tm.tm_sec;
	out->wday = tm.tm_wday;
	if (offset != NULL)
		*offset = (int)tm.tm_gmtoff;
	return 0;
}

void tz_format_rfc3339(const char *tz, int64_t t, char buf[32])
{
	struct civil c;
	int off = 0;

	/* RFC 3339 offsets have no seconds: an offset that is not whole
	 * minutes (local mean time before 1946 or so) is shown as UTC, as is
	 * an unknown zone. */
	if (tz_utc_to_local(tz, t, &c, &off) != 0 || off % 60 != 0) {
		off = 0;
		if (tz_utc_to_local("UTC", t, &c, NULL) != 0) {
			snprintf(buf, 32, "%s", "0000-00-00T00:00:00+00:00");
			return;
		}
	}
	int a = off < 0 ? -off : off;
	snprintf(buf, 32, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", c.year, c.month, c.day,
	         c.hour, c.min, c.sec, off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
}

bool civil_date_valid(int y, int m, int d)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

/* A cursor over the code points of a string. */
struct scan {
	const char *p;
	size_t len;
};

/* Reads exactly `width` decimal digits (any script). */
static bool scan_number(struct scan *s, int width, int *value)
{
	int v = 0;
	for (int i = 0; i < width; i++) {
		uint32_t cp;
		size_t n = utf8_decode(s->p, s->len, &cp);
		int d = n == 0 ? -1 : digit_value(cp);
		if (d < 0)
			return false;
		v = v * 10 + d;
		s->p += n;
		s->len -= n;
	}
	*value = v;
	return true;
}

/* Reads one of the ASCII characters in `set`. */
static bool scan_char(struct scan *s, const char *set)
{
	if (s->len == 0 || s->p[0] == '\0' || strchr(set, s->p[0]) == NULL)
		return false;
	s->p++;
	s->len--;
	return true;
}

/* v gets year, month, day, hour, minute, second (0 when absent). */
static enum time_error parse_fields(const char *text, bool date_only, int v[6])
{
	char *trimmed = utf8_trim(text);
	struct scan s = {trimmed, strlen(trimmed)};
	enum time_error err = TIME_SYNTAX;

	v[3] = v[4] = v[5] = 0;
	if (!scan_number(&s, 4, &v[0]) || !scan_char(&s, "-") || !scan_number(&s, 2, &v[1]) ||
	    !scan_char(&s, "-") || !scan_number(&s, 2, &v[2]))
		goto out;
	if (!date_only && s.len > 0) {
		if (!scan_char(&s, " T") || !scan_number(&s, 2, &v[3]) || !scan_char(&s, ":") ||
		    !scan_number(&s, 2, &v[4]))
			goto out;
		if (s.len > 0 && (!scan_char(&s, ":") || !scan_number(&s, 2, &v[5])))
			goto out;
	}
	if (s.len > 0)
		goto out;
	if (!civil_date_valid(v[0], v[1], v[2]) || v[3] > 23 || v[4] > 59 || v[5] > 59)
		err = TIME_IMPOSSIBLE;
	else
		err = TIME_OK;
out:
	free(trimmed);
	return err;
}

enum time_error date_parse(const char *text, int *y, int *m, int *d)
{
	int v[6];
	enum time_error err = parse_fields(text, true, v);
	if (err != TIME_OK)
		return err;
	*y = v[0];
	*m = v[1];
	*d = v[2];
	return TIME_OK;
}

enum time_error time_parse_local(const char *text, const char *tz, int64_t *out)
{
	int v[6];
	enum time_error err = parse_fields(text, false, v);
	if (err != TIME_OK)
		return err;
	struct civil c = {
	    .year = v[0], .month = v[1], .day = v[2], .hour = v[3], .min = v[4], .sec = v[5]};
	if (tz_local_to_utc(tz, &c, out) != 0)
		return TIME_IMPOSSIBLE;
	return TIME_OK;
}

const char *time_strerror(enum time_error err)
{
	switch (err) {
	case TIME_OK:
		return "";
	case TIME_SYNTAX:
		/* TRANSLATORS: said of a date the user typed; keep the
		 * examples in this form (digits of any script are accepted). */
		return _("is not a date like 2025-03-21 or 2025-03-21 14:30");
	case TIME_IMPOSSIBLE:
		/* TRANSLATORS: said of a date such as 2025-02-30 or a time
		 * such as 24:00. */
		return _("is not a real date or time");
	}
	return _("is not a valid date");
}
