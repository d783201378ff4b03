/* scr_month.c -- the owner's monthly loyalty screen (SCREENS.md "Month",
 * DESIGN.md section 6).
 *
 * One month of the shop's calendar at a time: the figures, twelve-month
 * charts ending with it, the loyalty ladder, the tiers.  The months
 * around it are named at the two ends of the title line, each with an
 * arrow pointing outwards; the arrow keys follow the screen.  In English
 * the earlier month is on the left (Left goes back in time); in Persian
 * and Arabic the screen is mirrored and time runs from right to left, as
 * the calendar and the charts read there, so the earlier month is on the
 * right and Right goes back in time.  A reader of those languages presses
 * the arrow that points at the month they want.
 *
 * The reports (engine_month_report) are kept in a small cache: moving by
 * one month computes one new report, not twelve.  When the first reports
 * of a move take long (a large shop), the rest of the charts come on the
 * next idle tick, so the month's own figures show at once.
 *
 * t, r, x, d show the owner's lists (top customers of the month, at
 * risk, points expiring within 30 days, open detractor follow-ups) inside
 * the screen; Esc goes back to the figures.  c writes the month's figures
 * as CSV (the format of `wafa export report`) to wafa-YYYY-MM.csv in the
 * current directory, or in $HOME when that cannot be written. */
#include <config.h>

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "engine/metrics.h"
#include "engine/report_csv.h"
#include "store/stats.h"
#include "store/surveys.h"
#include "text/calendar.h"
#include "text/csv.h"
#include "text/i18n.h"
#include "text/phone.h"
#include "text/tz.h"
#include "text/xalloc.h"
#include "tui/app.h"
#include "tui/chart.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/list.h"

#define CHART_MONTHS 12
/* Reports kept: the twelve of the charts and a few around them. */
#define CACHE_MAX 16
/* Time for the reports of one move before the rest waits for a tick. */
#define BUDGET_MS 300.0
#define LIST_LIMIT 200
#define EXPIRING_DAYS 30
#define MONTHS_BACK_MAX 240

enum view { VIEW_FIGURES, VIEW_TOP, VIEW_AT_RISK, VIEW_EXPIRING, VIEW_DETRACTORS };

/* The columns of the lists (logical widths). */
struct cols {
	int name, phone, value, date, rest;
};

struct cached {
	int year, month;
	struct month_report r;
};

struct month_screen {
	int year, month;         /* the month shown */
	int cur_year, cur_month; /* the shop's current month: the latest one */
	int back;                /* months between the shown one and the current one */
	struct cached cache[CACHE_MAX];
	size_t ncache;
	bool pending;            /* some chart months still to compute */
	double last_ms;          /* time of the last computation (for tests: WAFA_TIMING) */
	enum view view;
	struct customer_row *rows;
	size_t nrows;
	struct follow_up *fups;
	size_t nfups;
	struct list list;
	struct cols cols; /* set by each draw of a list, for its rows */
};

static enum action month_bar[10];

static void set_bar(const enum action *acts)
{
	size_t i = 0;
	for (; acts[i] != ACT_NONE && i + 1 < sizeof month_bar / sizeof month_bar[0]; i++)
		month_bar[i] = acts[i];
	month_bar[i] = ACT_NONE;
}

static double ms_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1000.0 +
	       (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* ---- the cache of reports ---- */

static int month_index(int y, int m)
{
	return y * 12 + (m - 1);
}

static const struct month_report *cached(const struct month_screen *s, int y, int m)
{
	for (size_t i = 0; i < s->ncache; i++)
		if (s->cache[i].year == y && s->cache[i].month == m)
			return &s->cache[i].r;
	return NULL;
}

/* Drops the report farthest from the month shown. */
static void evict_one(struct month_screen *s)
{
	size_t far = 0;
	int dist = -1, here = month_index(s->year, s->month);
	for (size_t i = 0; i < s->ncache; i++) {
		int d = abs(month_index(s->cache[i].year, s->cache[i].month) - here);
		if (d > dist) {
			dist = d;
			far = i;
		}
	}
	month_report_free(&s->cache[far].r);
	s->cache[far] = s->cache[--s->ncache];
}

/* Computes the report of (y, m) into the cache; false on failure (the
 * error is shown). */
static bool compute(struct app *app, struct month_screen *s, int y, int m)
{
	if (cached(s, y, m) != NULL)
		return true;
	if (s->ncache >= CACHE_MAX)
		evict_one(s);
	struct werr e = {0};
	struct cached *c = &s->cache[s->ncache];
	if (engine_month_report(app->st, y, m, &c->r, &e) != 0) {
		app_error(app, &e);
		return false;
	}
	c->year = y;
	c->month = m;
	s->ncache++;
	return true;
}

/* The month shown and the one before it first, then the rest of the
 * chart's months while time allows (all of them when `all`). */
static void compute_window(struct app *app, struct month_screen *s, bool all)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	s->pending = false;
	for (int back = 0; back < CHART_MONTHS; back++) {
		int y = s->year, m = s->month;
		month_step(&y, &m, -back);
		if (cached(s, y, m) != NULL)
			continue;
		if (back >= 2 && !all && ms_since(&t0) > BUDGET_MS) {
			s->pending = true;
			break;
		}
		if (!compute(app, s, y, m))
			break;
	}
	s->last_ms = ms_since(&t0);
}

/* ---- formatting ---- */

static char *money(struct app *app, int64_t v)
{
	return fmt_money(app->loc, v, app->shop.p.decimals);
}

/* "+6%", "-12%" (a new string). */
static char *signed_percent(struct app *app, double f)
{
	char *p = fmt_percent(app->loc, f < 0 ? -f : f);
	long whole = (long)(f * 100.0 + (f < 0 ? -0.5 : 0.5));
	char *t = xasprintf("%s%s", whole > 0 ? "+" : whole < 0 ? "-" : "", p);
	free(p);
	return t;
}

/* A count in the locale's digits put into fmt, a P_() text with one
 * "%s" (a new string). */
static char *counted(struct app *app, const char *fmt, int64_t n)
{
	char *d = fmt_int(app->loc, n);
	char *t = xasprintf(fmt, d);
	free(d);
	return t;
}

/* "+34", "-5", "0". */
static char *signed_int(struct app *app, int64_t v)
{
	char *n = fmt_int(app->loc, v < 0 ? -v : v);
	char *t = xasprintf("%s%s", v > 0 ? "+" : v < 0 ? "-" : "", n);
	free(n);
	return t;
}

static char *rate_text(struct app *app, struct rate r)
{
	return r.defined ? fmt_percent(app->loc, r.value) : xstrdup("\u2013");
}

static char *month_title(struct app *app, const struct month_report *r)
{
	const struct program *p = &app->shop.p;
	char *t = cal_format(p->calendar, p->timezone, app->loc->lang, app->loc->digits, r->start,
			     DATE_MONTH_YEAR);
	return t != NULL ? t : xasprintf("%04d-%02d", r->year, r->month);
}

static char *month_name_of(struct app *app, int m)
{
	char *n = cal_month_name(app->shop.p.calendar, app->loc->lang, m);
	return n != NULL ? n : xasprintf("%02d", m);
}

/* ---- a line of label/value pieces ---- */

/* Pieces drawn one after the other along a row, wrapping to the next row
 * (at most `rows`) when a piece does not fit. */
struct flow {
	struct app *app;
	int y, x0, x, right, rows_left;
};

static void flow_start(struct flow *f, struct app *app, int y, int x, int w, int rows)
{
	f->app = app;
	f->y = y;
	f->x0 = f->x = x;
	f->right = x + w;
	f->rows_left = rows - 1;
}

/* One piece; groups that must stay together go through flow_fits
 * first.  ui: an interface word, else a number (left to right). */
static void flow_put(struct flow *f, const char *text, bool ui, enum look look)
{
	int w = text_width(text);
	if (f->x + w > f->right && f->x > f->x0 && f->rows_left > 0) {
		f->y++;
		f->rows_left--;
		f->x = f->x0;
	}
	if (f->x >= f->right)
		return;
	int room = f->right - f->x;
	draw_text(f->app, f->y, f->x, w < room ? w : room, text,
		  ui ? ui_dir(f->app) : BIDI_LTR, ALIGN_START, look);
	f->x += w;
}

/* Starts a new row when the next `w` columns do not fit on this one. */
static void flow_fits(struct flow *f, int w)
{
	if (f->x + w > f->right && f->x > f->x0 && f->rows_left > 0) {
		f->y++;
		f->rows_left--;
		f->x = f->x0;
	}
}

static void flow_gap(struct flow *f, int n)
{
	f->x += n;
}

/* "Label value" with the value in the accent look; takes ownership of
 * value. */
static void flow_kv(struct flow *f, const char *label, char *value)
{
	flow_fits(f, text_width(label) + 1 + text_width(value));
	flow_put(f, label, true, LOOK_NORMAL);
	flow_gap(f, 1);
	flow_put(f, value, false, LOOK_ACCENT);
	free(value);
}

/* ---- the figures ---- */

static void draw_nav(struct app *app, struct month_screen *s, const struct month_report *r)
{
	char *title = month_title(app, r);
	int used = draw_ui(app, 1, 1, app->cols / 2, title, ALIGN_START, LOOK_TITLE);
	free(title);
	/* The neighbours, each at its own side of a span at the end of the
	 * line; the arrows point outwards (mirrored in right-to-left). */
	int navw = app->cols - 2 - used - 4;
	if (navw > 34)
		navw = 34;
	int nx = app->cols - 1 - navw;
	int py = s->year, pm = s->month, ny = s->year, nm = s->month;
	month_step(&py, &pm, -1);
	month_step(&ny, &nm, 1);
	char *prev = month_name_of(app, pm), *next = month_name_of(app, nm);
	const char *earlier_arrow = app->rtl ? "\u25b6" : "\u25c0";
	const char *later_arrow = app->rtl ? "\u25c0" : "\u25b6";
	char *left = xasprintf("%s %s", earlier_arrow, prev);
	draw_ui(app, 1, nx, navw / 2, left, ALIGN_START, LOOK_NORMAL);
	if (s->back > 0) {
		char *right = xasprintf("%s %s", next, later_arrow);
		draw_ui(app, 1, nx + navw / 2, navw - navw / 2, right, ALIGN_END, LOOK_NORMAL);
		free(right);
	}
	free(left);
	free(prev);
	free(next);
}

static void draw_kpis(struct app *app, const struct month_report *r,
		      const struct month_report *prev, int y, int x, int w)
{
	struct flow f;
	/* Sales. */
	flow_start(&f, app, y, x, w, 1);
	flow_put(&f, _("Net revenue"), true, LOOK_NORMAL);
	flow_gap(&f, 1);
	char *v = money(app, r->net_revenue);
	flow_put(&f, v, false, LOOK_ACCENT);
	free(v);
	if (prev != NULL && prev->net_revenue > 0) {
		double ch = (double)(r->net_revenue - prev->net_revenue) / (double)prev->net_revenue;
		char *p = signed_percent(app, ch);
		char *t = xasprintf("(%s)", p);
		flow_gap(&f, 1);
		flow_put(&f, t, false, ch < 0 ? LOOK_ERROR : LOOK_OK);
		free(t);
		free(p);
	}
	flow_gap(&f, 3);
	flow_kv(&f, _("Sales"), fmt_int(app->loc, r->sales_count));
	flow_gap(&f, 3);
	flow_kv(&f, _("Average check"), money(app, r->avg_check));

	/* Customers. */
	flow_start(&f, app, y + 1, x, w, 1);
	flow_kv(&f, _("Active"), fmt_int(app->loc, r->active_customers));
	flow_put(&f, " \u00b7 ", false, LOOK_DIM);
	/* TRANSLATORS: "Active 233 · new 41 · returning 192": customers. */
	flow_kv(&f, _("new"), fmt_int(app->loc, r->new_customers));
	flow_put(&f, " \u00b7 ", false, LOOK_DIM);
	flow_kv(&f, _("returning"), fmt_int(app->loc, r->returning_customers));
	flow_gap(&f, 3);
	flow_kv(&f, _("Repeat-purchase rate"), rate_text(app, r->repeat_purchase_rate));

	/* Retention. */
	flow_start(&f, app, y + 2, x, w, 1);
	flow_kv(&f, _("Retention"), rate_text(app, r->retention_rate));
	flow_gap(&f, 3);
	flow_kv(&f, _("Churned"), fmt_int(app->loc, r->churned));
	if (r->churn_rate.defined) {
		char *p = fmt_percent(app->loc, r->churn_rate.value);
		char *t = xasprintf("(%s)", p);
		flow_gap(&f, 1);
		flow_put(&f, t, false, LOOK_NORMAL);
		free(t);
		free(p);
	}

	/* NPS. */
	flow_start(&f, app, y + 3, x, w, 1);
	flow_kv(&f, _("NPS"), r->nps_defined ? signed_int(app, r->nps) : xstrdup("\u2013"));
	flow_gap(&f, 2);
	/* Each count with its own plural. */
	char *n = counted(app, P_("%s answer", "%s answers", r->nps_responses), r->nps_responses);
	char *pr = counted(app, P_("%s promoter", "%s promoters", r->promoters), r->promoters);
	char *pa = counted(app, P_("%s passive", "%s passives", r->passives), r->passives);
	char *de = counted(app, P_("%s detractor", "%s detractors", r->detractors), r->detractors);
	/* TRANSLATORS: month screen, after the NPS: "(41 answers: 22 promoters
	 * · 11 passives · 8 detractors)"; each %s is a count with its word
	 * ("41 answers", "22 promoters"...), in this order. */
	char *t = xasprintf(_("(%s: %s \u00b7 %s \u00b7 %s)"), n, pr, pa, de);
	flow_put(&f, t, true, LOOK_DIM);
	free(t);
	free(n);
	free(pr);
	free(pa);
	free(de);

	/* Points. */
	flow_start(&f, app, y + 4, x, w, 1);
	flow_put(&f, _("Points"), true, LOOK_NORMAL);
	flow_gap(&f, 1);
	char *e = signed_int(app, r->points_earned);
	/* TRANSLATORS: "+9,850 earned"; the number comes first. */
	flow_put(&f, e, false, LOOK_OK);
	flow_gap(&f, 1);
	flow_put(&f, _("earned"), true, LOOK_NORMAL);
	free(e);
	flow_put(&f, " \u00b7 ", false, LOOK_DIM);
	e = signed_int(app, -r->points_redeemed);
	flow_fits(&f, text_width(e) + 10);
	flow_put(&f, e, false, LOOK_ACCENT);
	flow_gap(&f, 1);
	flow_put(&f, _("redeemed"), true, LOOK_NORMAL);
	free(e);
	flow_put(&f, " \u00b7 ", false, LOOK_DIM);
	e = signed_int(app, -r->points_expired);
	flow_put(&f, e, false, LOOK_ERROR);
	flow_gap(&f, 1);
	flow_put(&f, _("expired"), true, LOOK_NORMAL);
	free(e);

	flow_start(&f, app, y + 5, x, w, 1);
	flow_kv(&f, _("Outstanding points"), fmt_int(app->loc, r->points_outstanding));
	flow_gap(&f, 3);
	flow_kv(&f, _("Liability"), money(app, r->points_liability));
	flow_gap(&f, 3);
	flow_kv(&f, _("Rewards redeemed"), fmt_int(app->loc, r->rewards_redeemed));
}

/* The three twelve-month charts, time running as the calendar reads
 * (chart.h: right is earlier in right-to-left layouts). */
static void draw_charts(struct app *app, struct month_screen *s, int y, int x, int w, int h)
{
	double rev[CHART_MONTHS], rep[CHART_MONTHS], nps[CHART_MONTHS];
	bool drev[CHART_MONTHS], drep[CHART_MONTHS], dnps[CHART_MONTHS];
	for (int i = 0; i < CHART_MONTHS; i++) {
		int yy = s->year, mm = s->month;
		month_step(&yy, &mm, i - (CHART_MONTHS - 1));
		const struct month_report *r = cached(s, yy, mm);
		drev[i] = r != NULL;
		rev[i] = r != NULL ? (double)r->net_revenue : 0;
		drep[i] = r != NULL && r->repeat_purchase_rate.defined;
		rep[i] = drep[i] ? r->repeat_purchase_rate.value : 0;
		dnps[i] = r != NULL && r->nps_defined;
		nps[i] = dnps[i] ? (double)r->nps : 0;
	}
	/* TRANSLATORS: the title of a chart of the last twelve months. */
	char *rev_title = counted(app, P_("Net revenue, %s month", "Net revenue, %s months",
					  CHART_MONTHS),
				  CHART_MONTHS);
	const char *titles[3] = {rev_title, _("Repeat-purchase rate"), _("NPS")};
	const double *vals[3] = {rev, rep, nps};
	const bool *defs[3] = {drev, drep, dnps};
	int colw = (w - 4) / 3;
	int bar = (colw + 1) / CHART_MONTHS - 1;
	if (bar < 1)
		bar = 1;
	if (bar > 3)
		bar = 3;
	int chartw = CHART_MONTHS * (bar + 1) - 1;
	int fy = s->year, fm = s->month;
	month_step(&fy, &fm, -(CHART_MONTHS - 1));
	char *first = month_name_of(app, fm), *last = month_name_of(app, s->month);
	for (int c = 0; c < 3; c++) {
		int cx = x + c * (colw + 2);
		draw_ui(app, y, cx, colw, titles[c], ALIGN_START, LOOK_TITLE);
		chart_bars(app, y + 1, cx, h, bar, vals[c], defs[c], CHART_MONTHS,
			   c == 0 ? LOOK_ACCENT : c == 1 ? LOOK_OK : LOOK_TITLE);
		/* The axis: the first and the last month under their bars. */
		draw_ui(app, y + 1 + h, cx, chartw / 2, first, ALIGN_START, LOOK_DIM);
		draw_ui(app, y + 1 + h, cx + chartw / 2 + 1, chartw - chartw / 2 - 1, last,
			ALIGN_END, LOOK_DIM);
	}
	if (s->pending)
		draw_ui(app, y, x + w - 1, 1, "\u2026", ALIGN_END, LOOK_DIM);
	free(first);
	free(last);
	free(rev_title);
}

/* The loyalty ladder as a bar of proportional segments and a legend. */
static const struct {
	const char *glyph;
	enum look look;
} ladder_looks[] = {
	{"\u2591", LOOK_DIM},   /* prospect */
	{"\u2592", LOOK_NORMAL}, /* one-time */
	{"\u2593", LOOK_TITLE}, /* repeat */
	{"\u2588", LOOK_ACCENT}, /* regular */
	{"\u2588", LOOK_OK},    /* loyal */
	{"\u2591", LOOK_ERROR}, /* lapsed */
};

static void draw_ladder(struct app *app, const struct month_report *r, int y, int x, int w)
{
	const char *label = _("Loyalty ladder");
	int lw = text_width(label) + 2;
	draw_ui(app, y, x, lw, label, ALIGN_START, LOOK_TITLE);
	int bw = w - lw;
	int64_t total = 0, v[6];
	for (size_t i = 0; i < ladder_nkeys && i < 6; i++) {
		v[i] = ladder_value(&r->ladder, &ladder_keys[i]);
		total += v[i];
	}
	if (total > 0 && bw > 6) {
		/* Largest remainders, so the segments fill the bar exactly. */
		int cols[6], sum = 0;
		double rem[6];
		for (int i = 0; i < 6; i++) {
			double exact = (double)v[i] * bw / (double)total;
			cols[i] = (int)exact;
			rem[i] = exact - cols[i];
			sum += cols[i];
		}
		while (sum < bw) {
			int best = 0;
			for (int i = 1; i < 6; i++)
				if (rem[i] > rem[best])
					best = i;
			cols[best]++;
			rem[best] = -1;
			sum++;
		}
		int bx = x + lw;
		for (int i = 0; i < 6; i++)
			for (int k = 0; k < cols[i]; k++, bx++)
				draw_text(app, y, bx, 1, ladder_looks[i].glyph, BIDI_LTR,
					  ALIGN_START, ladder_looks[i].look);
	}
	/* The legend, in ladder order. */
	struct flow f;
	flow_start(&f, app, y + 1, x + lw, w - lw, 2);
	for (size_t i = 0; i < ladder_nkeys && i < 6; i++) {
		char *n = fmt_int(app->loc, v[i]);
		const char *name = _(ladder_keys[i].label);
		flow_fits(&f, 2 + text_width(name) + 1 + text_width(n));
		flow_put(&f, ladder_looks[i].glyph, false, ladder_looks[i].look);
		flow_gap(&f, 1);
		flow_put(&f, name, true, LOOK_NORMAL);
		flow_gap(&f, 1);
		flow_put(&f, n, false, LOOK_ACCENT);
		flow_gap(&f, 3);
		free(n);
	}
}

static void draw_tail(struct app *app, const struct month_report *r, int y, int x, int w)
{
	struct flow f;
	const char *label = _("Tiers");
	int lw = text_width(_("Loyalty ladder")) + 2;
	draw_ui(app, y, x, lw, label, ALIGN_START, LOOK_TITLE);
	flow_start(&f, app, y, x + lw, w - lw, 1);
	for (size_t i = 0; i < r->ntiers; i++) {
		if (i > 0)
			flow_put(&f, " \u00b7 ", false, LOOK_DIM);
		char *n = fmt_int(app->loc, r->tiers[i].customers);
		flow_fits(&f, text_width(r->tiers[i].name) + 1 + text_width(n));
		draw_text(app, f.y, f.x, text_width(r->tiers[i].name), r->tiers[i].name, BIDI_AUTO,
			  ALIGN_START, LOOK_NORMAL);
		f.x += text_width(r->tiers[i].name);
		flow_gap(&f, 1);
		flow_put(&f, n, false, LOOK_ACCENT);
		free(n);
	}

	/* First checks against repeat checks. */
	flow_start(&f, app, y + 1, x, w, 1);
	flow_put(&f, _("Average check"), true, LOOK_NORMAL);
	flow_gap(&f, 1);
	/* TRANSLATORS: month screen: "Average check first 181,000 · repeat
	 * 254,000 (+40%)": the average check of customers' first purchases. */
	flow_kv(&f, C_("average check", "first"), money(app, r->avg_check_first));
	flow_put(&f, " \u00b7 ", false, LOOK_DIM);
	/* TRANSLATORS: month screen: the average check of repeat purchases
	 * (every purchase after a customer's first); see "first". */
	flow_kv(&f, C_("average check", "repeat"), money(app, r->avg_check_repeat));
	if (r->avg_check_first > 0 && r->avg_check_repeat > 0) {
		double ch = (double)(r->avg_check_repeat - r->avg_check_first) /
			    (double)r->avg_check_first;
		char *p = signed_percent(app, ch);
		char *t = xasprintf("(%s)", p);
		flow_gap(&f, 1);
		flow_put(&f, t, false, LOOK_NORMAL);
		free(t);
		free(p);
	}

	flow_start(&f, app, y + 2, x, w, 1);
	flow_kv(&f, _("Members"), fmt_int(app->loc, r->members));
	flow_put(&f, " \u00b7 ", false, LOOK_DIM);
	/* TRANSLATORS: "Members 3,000 · enrolled 12": enrolled this month. */
	flow_kv(&f, _("enrolled"), fmt_int(app->loc, r->enrolled));
	flow_gap(&f, 3);
	flow_kv(&f, _("Average lifetime value"), money(app, r->clv_avg));
}

static void draw_figures(struct app *app, struct month_screen *s)
{
	static const enum action bar[] = {ACT_TOP,     ACT_AT_RISK, ACT_EXPIRING, ACT_DETRACTORS,
					  ACT_EXPORT,  ACT_BACK,    ACT_HELP,     ACT_NONE};
	set_bar(bar);
	const struct month_report *r = cached(s, s->year, s->month);
	int py = s->year, pm = s->month;
	month_step(&py, &pm, -1);
	const struct month_report *prev = cached(s, py, pm);
	if (r == NULL) {
		draw_ui(app, 2, 2, app->cols - 4, _("The figures of this month could not be computed."),
			ALIGN_START, LOOK_ERROR);
		return;
	}
	draw_nav(app, s, r);
	int x = 2, w = app->cols - 4;
	/* Rows 3-8 figures, a chart block, the ladder and the tail; extra
	 * height goes to the charts. */
	int chart_h = 3 + (app->rows - 24) / 2;
	if (chart_h > 8)
		chart_h = 8;
	draw_kpis(app, r, prev, 3, x, w);
	int cy = 10;
	draw_charts(app, s, cy, x, w, chart_h);
	int ly = cy + chart_h + 3;
	draw_ladder(app, r, ly, x, w);
	draw_tail(app, r, ly + 3, x, w);
}

/* ---- the lists ---- */

static size_t rows_count(void *ctx)
{
	struct month_screen *s = ctx;
	return s->view == VIEW_DETRACTORS ? s->nfups : s->nrows;
}

static char *date_text(struct app *app, int64_t t, enum date_style style)
{
	if (t == TIME_NONE)
		return xstrdup("");
	char *d = cal_format(app->shop.p.calendar, app->shop.p.timezone, app->loc->lang,
			     app->loc->digits, t, style);
	return d != NULL ? d : xstrdup("");
}

static char *phone_text(struct app *app, const char *phone)
{
	if (phone == NULL)
		return xstrdup("");
	char *f = phone_format(phone);
	char *l = fmt_digits(app->loc, f);
	free(f);
	return l;
}

/* The value column of row i: the spend, the points or the score (a new
 * string). */
static char *row_value(struct app *app, const struct month_screen *s, size_t i)
{
	if (s->view == VIEW_DETRACTORS)
		return fmt_int(app->loc, s->fups[i].score);
	const struct customer_row *r = &s->rows[i];
	if (s->view == VIEW_EXPIRING)
		return counted(app, P_("%s point", "%s points", r->value), r->value);
	return money(app, r->value);
}

/* Columns: name, phone, value, a date, and the rest.  The value column
 * is as wide as its title (value_title) and its widest value. */
static struct cols list_columns(struct app *app, const struct month_screen *s, int w,
				const char *value_title)
{
	struct cols c = {0, 13, 0, 16, 0};
	c.value = text_width(value_title);
	size_t n = s->view == VIEW_DETRACTORS ? s->nfups : s->nrows;
	for (size_t i = 0; i < n; i++) {
		char *v = row_value(app, s, i);
		if (text_width(v) > c.value)
			c.value = text_width(v);
		free(v);
	}
	c.name = w >= 110 ? 30 : 20;
	c.rest = w - c.name - c.phone - c.value - c.date - 4;
	if (c.rest < 0) {
		c.name += c.rest;
		c.rest = 0;
	}
	return c;
}

static void rows_draw_row(struct app *app, void *ctx, size_t i, int y, int x, int w,
			  bool selected)
{
	struct month_screen *s = ctx;
	struct cols c = s->cols;
	enum look look = selected ? LOOK_SELECT : LOOK_NORMAL;
	if (selected)
		draw_fill(app, y, x, w, LOOK_SELECT);
	const char *name, *phone_raw;
	char *value = row_value(app, s, i), *date, *rest;
	if (s->view == VIEW_DETRACTORS) {
		const struct follow_up *f = &s->fups[i];
		name = f->name;
		phone_raw = f->phone;
		date = date_text(app, f->opened_at, DATE_DAY);
		rest = xstrdup(f->comment != NULL ? f->comment : "");
	} else {
		const struct customer_row *r = &s->rows[i];
		name = r->name;
		phone_raw = r->phone;
		date = date_text(app, s->view == VIEW_EXPIRING ? r->at : r->last_sale_at, DATE_DAY);
		rest = counted(app, P_("%s sale", "%s sales", r->sales_count), r->sales_count);
	}
	char *ph = phone_text(app, phone_raw);
	int cx = x;
	draw_text(app, y, cx, c.name, name, BIDI_AUTO, ALIGN_START, look);
	cx += c.name + 1;
	draw_text(app, y, cx, c.phone, ph, BIDI_LTR, ALIGN_START, look);
	cx += c.phone + 1;
	draw_text(app, y, cx, c.value, value, BIDI_LTR, ALIGN_END, selected ? look : LOOK_ACCENT);
	cx += c.value + 1;
	draw_ui(app, y, cx, c.date, date, ALIGN_START, look);
	cx += c.date + 1;
	draw_text(app, y, cx, c.rest, rest, s->view == VIEW_DETRACTORS ? BIDI_AUTO : ui_dir(app),
		  ALIGN_START, selected ? look : LOOK_DIM);
	free(ph);
	free(value);
	free(date);
	free(rest);
}

static const struct list_ops rows_ops = {rows_count, rows_draw_row, NULL, NULL};

static void free_lists(struct month_screen *s)
{
	customer_rows_free(s->rows, s->nrows);
	s->rows = NULL;
	s->nrows = 0;
	follow_ups_free(s->fups, s->nfups);
	s->fups = NULL;
	s->nfups = 0;
}

static void open_list(struct app *app, struct month_screen *s, enum view v)
{
	struct werr e = {0};
	int r;
	free_lists(s);
	switch (v) {
	case VIEW_TOP:
		r = engine_top(app->st, s->year, s->month, LIST_LIMIT, &s->rows, &s->nrows, &e);
		break;
	case VIEW_AT_RISK:
		r = engine_at_risk(app->st, LIST_LIMIT, &s->rows, &s->nrows, &e);
		break;
	case VIEW_EXPIRING:
		r = engine_expiring(app->st, EXPIRING_DAYS, &s->rows, &s->nrows, &e);
		break;
	case VIEW_DETRACTORS:
		r = follow_ups_open_list(app->st, LIST_LIMIT, &s->fups, &s->nfups, &e);
		break;
	default:
		return;
	}
	if (r != 0) {
		app_error(app, &e);
		return;
	}
	s->view = v;
	list_reset(&s->list);
}

static void draw_list(struct app *app, struct month_screen *s)
{
	static const enum action bar[] = {ACT_TOP,        ACT_AT_RISK, ACT_EXPIRING,
					  ACT_DETRACTORS, ACT_BACK,    ACT_NONE};
	set_bar(bar);
	const struct month_report *r = cached(s, s->year, s->month);
	char *month = r != NULL ? month_title(app, r) : xstrdup("");
	char *title = NULL, *n = fmt_int(app->loc, (int64_t)rows_count(s));
	const char *value_col = _("Net revenue"), *date_col = _("Last purchase");
	switch (s->view) {
	case VIEW_TOP:
		title = xasprintf(_("Top customers \u00b7 %s"), month);
		break;
	case VIEW_AT_RISK: {
		int64_t a = app->shop.p.active_days, lo = a > 30 ? a - 30 : 0;
		char *from = fmt_int(app->loc, lo), *to = fmt_int(app->loc, a);
		title = xasprintf(P_("At risk: no purchase for %s to %s day",
				     "At risk: no purchase for %s to %s days", a),
				  from, to);
		free(from);
		free(to);
		value_col = _("Spend");
		break;
	}
	case VIEW_EXPIRING: {
		char *d = fmt_int(app->loc, EXPIRING_DAYS);
		title = xasprintf(P_("Points expiring within %s day", "Points expiring within %s days",
				     EXPIRING_DAYS),
				  d);
		free(d);
		value_col = _("Points");
		date_col = _("First expiry");
		break;
	}
	default:
		title = xstrdup(_("Detractor follow-ups still open"));
		/* TRANSLATORS: column title: the 0-10 answer. */
		value_col = _("Score");
		date_col = _("Opened");
		break;
	}
	int used = draw_ui(app, 1, 1, app->cols - 2, title, ALIGN_START, LOOK_TITLE);
	char *count = xasprintf(P_("%s customer", "%s customers", rows_count(s)), n);
	draw_ui(app, 1, 1 + used + 3, app->cols - used - 5, count, ALIGN_START, LOOK_DIM);
	free(count);
	free(title);
	free(month);
	free(n);
	int x = 2, w = app->cols - 4;
	struct cols c = list_columns(app, s, w, value_col);
	s->cols = c;
	int cx = x;
	draw_ui(app, 2, cx, c.name, _("Customer"), ALIGN_START, LOOK_DIM);
	cx += c.name + 1;
	draw_ui(app, 2, cx, c.phone, _("Phone"), ALIGN_START, LOOK_DIM);
	cx += c.phone + 1;
	draw_ui(app, 2, cx, c.value, value_col, ALIGN_END, LOOK_DIM);
	cx += c.value + 1;
	draw_ui(app, 2, cx, c.date, date_col, ALIGN_START, LOOK_DIM);
	cx += c.date + 1;
	draw_ui(app, 2, cx, c.rest, s->view == VIEW_DETRACTORS ? _("Comment") : _("Sales"),
		ALIGN_START, LOOK_DIM);
	if (rows_count(s) == 0)
		draw_ui(app, 3, x, w, _("Nobody on this list."), ALIGN_START, LOOK_DIM);
	list_draw(app, &s->list, 3, x, app->rows - 3 - 3 + 1, w);
}

/* ---- export ---- */

/* Writes the month's figures to path (through a temporary file, so a
 * failure leaves no half-written file). */
static int write_csv(struct app *app, const struct month_report *r, const char *path,
		     struct werr *e)
{
	char *tmp = xasprintf("%s.tmp", path);
	FILE *f = fopen(tmp, "w");
	if (f == NULL) {
		werr_set(e, W_REFUSED, _("cannot write %s: %s"), tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	/* As `wafa export report`: UTF-8 with a BOM, for spreadsheets. */
	struct csv_out *c = csv_out_new(f, CSV_UTF8, true);
	report_csv_header(c, r);
	report_csv_row(c, r, app->shop.p.timezone);
	int rc = csv_out_finish(c, e);
	if (fclose(f) != 0 && rc == 0)
		rc = werr_set(e, W_REFUSED, _("cannot write %s: %s"), tmp, strerror(errno));
	if (rc == 0 && rename(tmp, path) != 0)
		rc = werr_set(e, W_REFUSED, _("cannot write %s: %s"), path, strerror(errno));
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	return rc;
}

static void export_csv(struct app *app, struct month_screen *s)
{
	const struct month_report *r = cached(s, s->year, s->month);
	if (r == NULL)
		return;
	char name[32];
	snprintf(name, sizeof name, "wafa-%04d-%02d.csv", r->year, r->month);
	/* The current directory, else the home directory. */
	char cwd[4096];
	const char *dir = NULL;
	if (getcwd(cwd, sizeof cwd) != NULL && access(cwd, W_OK) == 0)
		dir = cwd;
	else if (getenv("HOME") != NULL && access(getenv("HOME"), W_OK) == 0)
		dir = getenv("HOME");
	if (dir == NULL) {
		app_message(app, MSG_ERROR, "%s",
			    _("Neither the current folder nor the home folder can be written."));
		return;
	}
	char *path = strcmp(dir, "/") == 0 ? xasprintf("/%s", name) : xasprintf("%s/%s", dir, name);
	if (access(path, F_OK) == 0) {
		char *q = xasprintf(_("%s exists. Replace it?"), path);
		bool yes = dialog_confirm(app, _("Export"), q);
		free(q);
		if (!yes) {
			free(path);
			return;
		}
	}
	struct werr e = {0};
	if (write_csv(app, r, path, &e) != 0)
		app_error(app, &e);
	else
		app_message(app, MSG_OK, _("The figures of the month are in %s"), path);
	free(path);
}

/* ---- the screen ---- */

static void go_to(struct app *app, struct month_screen *s, int delta)
{
	int back = s->back - delta;
	if (back < 0 || back > MONTHS_BACK_MAX)
		return;
	int y = s->year, m = s->month;
	int64_t a, b;
	month_step(&y, &m, delta);
	if (month_range(app->shop.p.calendar, app->shop.p.timezone, y, m, &a, &b) != 0)
		return;
	s->year = y;
	s->month = m;
	s->back = back;
	compute_window(app, s, false);
}

static void *month_enter(struct app *app, void *arg)
{
	(void)arg;
	struct month_screen *s = xcalloc(1, sizeof *s);
	const struct program *p = &app->shop.p;
	if (month_of(p->calendar, p->timezone, app_now(app), &s->cur_year, &s->cur_month) != 0) {
		app_message(app, MSG_ERROR, "%s", _("Cannot tell the current month."));
		free(s);
		return NULL;
	}
	s->year = s->cur_year;
	s->month = s->cur_month;
	list_init(&s->list, &rows_ops, s);
	compute_window(app, s, false);
	if (getenv("WAFA_TIMING") != NULL)
		app_message(app, MSG_INFO, "reports: %.0f ms", s->last_ms);
	return s;
}

static void month_leave(struct app *app, void *state)
{
	(void)app;
	struct month_screen *s = state;
	for (size_t i = 0; i < s->ncache; i++)
		month_report_free(&s->cache[i].r);
	free_lists(s);
	free(s);
}

static int month_tick(struct app *app, void *state)
{
	struct month_screen *s = state;
	if (!s->pending)
		return KF_IGNORED;
	compute_window(app, s, true);
	return KF_REDRAW;
}

static void month_draw(struct app *app, void *state)
{
	struct month_screen *s = state;
	if (s->view == VIEW_FIGURES)
		draw_figures(app, s);
	else
		draw_list(app, s);
}

static enum view view_of_key(const struct key *k)
{
	if (key_is(k, 't'))
		return VIEW_TOP;
	if (key_is(k, 'r'))
		return VIEW_AT_RISK;
	if (key_is(k, 'x'))
		return VIEW_EXPIRING;
	if (key_is(k, 'd'))
		return VIEW_DETRACTORS;
	return VIEW_FIGURES;
}

static int month_key(struct app *app, void *state, const struct key *k)
{
	struct month_screen *s = state;
	enum view v = view_of_key(k);
	if (s->view != VIEW_FIGURES) {
		if (k->ch == 27 || v == s->view) {
			s->view = VIEW_FIGURES;
			free_lists(s);
			return KF_HANDLED | KF_REDRAW;
		}
		if (v != VIEW_FIGURES) {
			open_list(app, s, v);
			return KF_HANDLED | KF_REDRAW;
		}
		return list_key(&s->list, k) != KF_IGNORED ? KF_HANDLED | KF_REDRAW : KF_HANDLED;
	}
	if (v != VIEW_FIGURES) {
		open_list(app, s, v);
		return KF_HANDLED | KF_REDRAW;
	}
	if (k->code == KEY_LEFT || k->code == KEY_RIGHT) {
		/* The arrow points at the month it goes to: the earlier month is
		 * on the left in English, on the right in Persian and Arabic. */
		bool towards_earlier = (k->code == KEY_LEFT) != app->rtl;
		go_to(app, s, towards_earlier ? -1 : 1);
		if (getenv("WAFA_TIMING") != NULL)
			app_message(app, MSG_INFO, "reports: %.0f ms", s->last_ms);
		return KF_HANDLED | KF_REDRAW;
	}
	if (key_is(k, 'c')) {
		export_csv(app, s);
		return KF_HANDLED | KF_REDRAW;
	}
	return KF_IGNORED;
}

const struct screen_ops screen_month = {
	.name = "month",
	.enter = month_enter,
	.draw = month_draw,
	.key = month_key,
	.leave = month_leave,
	.tick = month_tick,
	.bar = month_bar,
};
