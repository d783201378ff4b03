/* chart.h -- bars and sparklines of Unicode block elements.  The time
 * axis reads as the calendar does: left to right in English, right to
 * left in Persian and Arabic (right is earlier). */
#ifndef WAFA_TUI_CHART_H
#define WAFA_TUI_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/draw.h"

struct app;

/* One row of n marks (one column each) from logical column x: the height
 * of each of the eight blocks follows its value between the smallest and
 * the largest; undefined values show as a dot. */
void chart_spark(struct app *app, int y, int x, const double *v, const bool *defined, size_t n,
		 enum look look);
/* Columns of bars h rows high, each `bar` columns wide with one column
 * between them. */
void chart_bars(struct app *app, int y, int x, int h, int bar, const double *v,
		const bool *defined, size_t n, enum look look);
/* A horizontal gauge w columns wide: filled to fraction (0-1). */
void chart_gauge(struct app *app, int y, int x, int w, double fraction, enum look look);

#endif
