/* report_csv.h -- the monthly figures as CSV, the one format that
 * `wafa report month --csv`, `wafa export report` and the month screen's
 * export write: a header of the keys of DESIGN.md section 6 (month,
 * start, end, every scalar key in report order, then tiers.NAME and
 * ladder.KEY flattened) and one row per month. */
#ifndef WAFA_ENGINE_REPORT_CSV_H
#define WAFA_ENGINE_REPORT_CSV_H

#include "engine/metrics.h"
#include "text/csv.h"

/* The header row; the tier columns are those of r (the shop's tiers). */
void report_csv_header(struct csv_out *c, const struct month_report *r);
/* One month: "YYYY-MM" of the shop's calendar, start and end as RFC 3339
 * in zone tz, rates with %.4f (empty when undefined), the rest as
 * integers (money in minor units). */
void report_csv_row(struct csv_out *c, const struct month_report *r, const char *tz);

#endif
