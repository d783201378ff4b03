/* report_csv.c -- the monthly figures as CSV. */
#include <config.h>

#include "engine/report_csv.h"

#include <stdio.h>
#include <stdlib.h>

#include "text/tz.h"
#include "text/xalloc.h"

void report_csv_header(struct csv_out *c, const struct month_report *r)
{
	csv_put(c, "month");
	csv_put(c, "start");
	csv_put(c, "end");
	for (size_t i = 0; i < month_nmetrics; i++)
		csv_put(c, month_metrics[i].key);
	for (size_t i = 0; i < r->ntiers; i++) {
		char *k = xasprintf("tiers.%s", r->tiers[i].name);
		csv_put(c, k);
		free(k);
	}
	for (size_t i = 0; i < ladder_nkeys; i++) {
		char *k = xasprintf("ladder.%s", ladder_keys[i].key);
		csv_put(c, k);
		free(k);
	}
	csv_end_row(c);
}

void report_csv_row(struct csv_out *c, const struct month_report *r, const char *tz)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%04d-%02d", r->year, r->month);
	csv_put(c, buf);
	tz_format_rfc3339(tz, r->start, buf);
	csv_put(c, buf);
	tz_format_rfc3339(tz, r->end, buf);
	csv_put(c, buf);
	for (size_t i = 0; i < month_nmetrics; i++) {
		const struct metric *m = &month_metrics[i];
		if (m->type == MT_RATE) {
			struct rate v = metric_rate(r, m);
			if (v.defined) {
				snprintf(buf, sizeof buf, "%.4f", v.value);
				csv_put(c, buf);
			} else {
				csv_put(c, "");
			}
		} else if (m->type == MT_NPS && !r->nps_defined) {
			csv_put(c, "");
		} else {
			csv_put_int(c, metric_int(r, m));
		}
	}
	for (size_t i = 0; i < r->ntiers; i++)
		csv_put_int(c, r->tiers[i].customers);
	for (size_t i = 0; i < ladder_nkeys; i++)
		csv_put_int(c, ladder_value(&r->ladder, &ladder_keys[i]));
	csv_end_row(c);
}
