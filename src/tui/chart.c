/* chart.c -- bars and sparklines. */
#include <config.h>

#include "tui/chart.h"

#include "tui/app.h"

static const char *const blocks[9] = {" ",		"\u2581", "\u2582", "\u2583", "\u2584",
				      "\u2585", "\u2586", "\u2587", "\u2588"};

/* The range of the defined values; a flat range becomes [0, max]. */
static void range(const double *v, const bool *defined, size_t n, double *lo, double *hi)
{
	bool any = false;
	*lo = *hi = 0;
	for (size_t i = 0; i < n; i++) {
		if (defined != NULL && !defined[i])
			continue;
		if (!any || v[i] < *lo)
			*lo = v[i];
		if (!any || v[i] > *hi)
			*hi = v[i];
		any = true;
	}
	if (*lo > 0)
		*lo = 0;
	if (*hi <= *lo)
		*hi = *lo + 1;
}

void chart_spark(struct app *app, int y, int x, const double *v, const bool *defined, size_t n,
		 enum look look)
{
	double lo, hi;
	range(v, defined, n, &lo, &hi);
	for (size_t i = 0; i < n; i++) {
		const char *c;
		if (defined != NULL && !defined[i]) {
			c = "\u00b7";
		} else {
			int level = 1 + (int)((v[i] - lo) / (hi - lo) * 7.0 + 0.5);
			if (level < 1)
				level = 1;
			if (level > 8)
				level = 8;
			c = blocks[level];
		}
		draw_text(app, y, x + (int)i, 1, c, BIDI_LTR, ALIGN_START, look);
	}
}

void chart_bars(struct app *app, int y, int x, int h, int bar, const double *v,
		const bool *defined, size_t n, enum look look)
{
	double lo, hi;
	range(v, defined, n, &lo, &hi);
	for (size_t i = 0; i < n; i++) {
		int eighths = 0;
		if (defined == NULL || defined[i]) {
			eighths = (int)((v[i] - lo) / (hi - lo) * (h * 8) + 0.5);
			if (eighths < 1 && v[i] > lo)
				eighths = 1;
		}
		for (int r = 0; r < h; r++) {
			/* Row r counts from the bottom. */
			int fill = eighths - r * 8;
			const char *c = fill >= 8 ? blocks[8] : fill > 0 ? blocks[fill] : " ";
			if (defined != NULL && !defined[i] && r == 0)
				c = "\u00b7";
			for (int b = 0; b < bar; b++)
				draw_text(app, y + h - 1 - r, x + (int)i * (bar + 1) + b, 1, c,
					  BIDI_LTR, ALIGN_START, look);
		}
	}
}

void chart_gauge(struct app *app, int y, int x, int w, double fraction, enum look look)
{
	if (fraction < 0)
		fraction = 0;
	if (fraction > 1)
		fraction = 1;
	int full = (int)(fraction * w + 0.5);
	for (int i = 0; i < w; i++)
		draw_text(app, y, x + i, 1, i < full ? "\u2588" : "\u2591", BIDI_LTR, ALIGN_START,
			  i < full ? look : LOOK_DIM);
}
