/* check.h -- `wafa check`: integrity, references, ledger sums, stock,
 * tier history (DESIGN.md section 11). */
#ifndef WAFA_ENGINE_CHECK_H
#define WAFA_ENGINE_CHECK_H

#include <stddef.h>

#include "store/store.h"

struct check_report {
	char **problems; /* one localized line each */
	size_t n;
	size_t cap;
};

/* Runs every check in one read transaction; fills *out (free with
 * check_report_free).  Returns 0 when the checks ran (whatever they
 * found), -1 when they could not run. */
int engine_check(struct store *st, struct check_report *out, struct werr *e);
void check_report_free(struct check_report *r);

#endif
