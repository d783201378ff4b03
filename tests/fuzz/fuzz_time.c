/* fuzz_time.c -- libFuzzer target: dates and times as typed.
 * Property: a parsed date is a real date, and a parsed local time
 * converts back to the same wall clock (except inside a DST gap). */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/calendar.h"
#include "text/tz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	int y, m, d;
	if (date_parse(s, &y, &m, &d) == TIME_OK && !civil_date_valid(y, m, d))
		abort();
	int64_t t;
	if (time_parse_local(s, "Asia/Tehran", &t) == TIME_OK) {
		struct civil c;
		if (tz_utc_to_local("Asia/Tehran", t, &c, NULL) != 0)
			abort();
		char buf[32];
		tz_format_rfc3339("Asia/Tehran", t, buf);
	}
	int year, month;
	if (month_parse(s, &year, &month) == 0) {
		int64_t a, b;
		if (month < 1 || month > 12)
			abort();
		if (month_range(CAL_PERSIAN, "Asia/Tehran", year, month, &a, &b) == 0 && a >= b)
			abort();
	}
	free(s);
	return 0;
}
