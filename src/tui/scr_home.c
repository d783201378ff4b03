/* scr_home.c -- today at a glance, what waits, the menu, the latest
 * purchases (SCREENS.md "Home"). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "engine/metrics.h"
#include "store/stats.h"
#include "text/calendar.h"
#include "text/i18n.h"
#include "text/phone.h"
#include "text/xalloc.h"
#include "tui/app.h"
#include "tui/draw.h"

#define LATEST 20

struct home {
	struct day_figures day;
	bool have_day;
	int64_t expiring_customers, expiring_points;
	int64_t calls_due, at_risk;
	bool have_waiting; /* the slower figures: after the first draw */
	struct sale_line *latest;
	size_t nlatest;
	int ticks;
};

static void load(struct app *app, struct home *h)
{
	struct werr e = {0};
	h->have_day = engine_day_figures(app->st, &h->day, &e) == 0;
	if (!h->have_day)
		app_error(app, &e);
	sale_lines_free(h->latest, h->nlatest);
	h->latest = NULL;
	h->nlatest = 0;
	if (stats_latest_sales(app->st, LATEST, &h->latest, &h->nlatest, &e) != 0)
		app_error(app, &e);
	/* The calls due, the customers at risk and the expiring points take
	 * longer (the expiring count runs the expiry rule per customer): they
	 * come with the first tick, after the screen is drawn. */
	h->have_waiting = false;
	h->ticks = 0;
}

static void *home_enter(struct app *app, void *arg)
{
	(void)arg;
	struct home *h = xcalloc(1, sizeof *h);
	load(app, h);
	return h;
}

static void home_leave(struct app *app, void *state)
{
	(void)app;
	struct home *h = state;
	sale_lines_free(h->latest, h->nlatest);
	free(h);
}

static void home_resume(struct app *app, void *state)
{
	load(app, state);
}

static int home_tick(struct app *app, void *state)
{
	struct home *h = state;
	if (!h->have_waiting) {
		struct werr e = {0};
		h->have_waiting =
			engine_waiting_figures(app->st, &h->calls_due, &h->at_risk, &e) == 0 &&
			engine_expiring_this_month(app->st, &h->expiring_customers,
						   &h->expiring_points, &e) == 0;
		if (!h->have_waiting)
			app_error(app, &e);
		return KF_REDRAW;
	}
	/* Fresh figures every minute (other counters work too). */
	if (++h->ticks >= 60)
		load(app, h);
	return KF_REDRAW;
}

/* A tile: "label  value  extra" rows inside a box.  The labels take one
 * column as wide as the widest of them (in the language shown), the
 * values one column after it, the extras what is left.  An extra that
 * does not fit is left out, unless it is an amount (`keep`): then the
 * labels give way, cut only when nothing else is left. */
struct tile_row {
	const char *label; /* translated */
	const char *value; /* a number, left to right */
	const char *extra; /* after the value, or NULL */
	bool keep;         /* the extra is an amount: always shown */
};

#define TILE_GAP 2 /* between the label and the value, and after the value */

static void draw_tile(struct app *app, int y, int x, int w, const struct tile_row *rows,
		      size_t n)
{
	int lw = 0, vw = 1, kw = 0;
	for (size_t i = 0; i < n; i++) {
		int l = text_width(rows[i].label), v = text_width(rows[i].value);
		if (l > lw)
			lw = l;
		if (v > vw)
			vw = v;
		if (rows[i].keep && rows[i].extra != NULL && text_width(rows[i].extra) > kw)
			kw = text_width(rows[i].extra);
	}
	int gap = TILE_GAP;
	int need = lw + gap + vw + (kw > 0 ? gap + kw : 0);
	if (need > w) {
		gap = 1;
		need = lw + gap + vw + (kw > 0 ? gap + kw : 0);
	}
	if (need > w)
		lw -= need - w;
	if (lw < 1)
		lw = 1;
	int vx = x + lw + gap, ex = vx + vw + gap;
	int ew = x + w - ex;
	/* A narrower gap before the extras when that lets them all show. */
	if (gap > 1) {
		bool all = true;
		for (size_t i = 0; i < n; i++)
			if (rows[i].extra != NULL && !rows[i].keep &&
			    text_width(rows[i].extra) > ew)
				all = false;
		if (!all) {
			ex -= gap - 1;
			ew += gap - 1;
		}
	}
	for (size_t i = 0; i < n; i++) {
		const struct tile_row *r = &rows[i];
		draw_ui(app, y + (int)i, x, lw, r->label, ALIGN_START, LOOK_NORMAL);
		draw_text(app, y + (int)i, vx, vw, r->value, BIDI_LTR, ALIGN_END, LOOK_ACCENT);
		if (r->extra == NULL || ew <= 0)
			continue;
		if (r->keep)
			draw_text(app, y + (int)i, ex, ew, r->extra, BIDI_LTR, ALIGN_START,
				  LOOK_ACCENT);
		else if (text_width(r->extra) <= ew)
			draw_ui(app, y + (int)i, ex, ew, r->extra, ALIGN_START, LOOK_DIM);
	}
}

static void draw_today(struct app *app, struct home *h, int y, int x, int w)
{
	draw_box(app, y, x, 6, w, _("Today"));
	if (!h->have_day)
		return;
	char *n[4] = {
		fmt_int(app->loc, h->day.sales),
		fmt_int(app->loc, h->day.enrolled),
		fmt_int(app->loc, h->day.points_earned),
		fmt_int(app->loc, h->day.rewards),
	};
	char *amount = fmt_money(app->loc, h->day.sales_amount, app->shop.p.decimals);
	const struct tile_row rows[] = {
		{_("Sales"), n[0], amount, true},
		/* TRANSLATORS: a label of the home screen's "Today" tile; the
		 * tiles share half of an 80-column screen with their figures:
		 * labels of up to about 16 columns fit. */
		{_("New members"), n[1], NULL, false},
		{_("Points issued"), n[2], NULL, false},
		{_("Rewards given"), n[3], NULL, false},
	};
	draw_tile(app, y + 1, x + 2, w - 4, rows, sizeof rows / sizeof rows[0]);
	for (size_t i = 0; i < 4; i++)
		free(n[i]);
	free(amount);
}

static void draw_waiting(struct app *app, struct home *h, int y, int x, int w)
{
	draw_box(app, y, x, 6, w, _("Waiting for you"));
	if (!h->have_day)
		return;
	char *calls = h->have_waiting ? fmt_int(app->loc, h->calls_due) : xstrdup("\u2026");
	char *fups = fmt_int(app->loc, h->day.follow_ups);
	char *oldest = NULL;
	if (h->day.follow_ups > 0 && h->day.follow_up_oldest != TIME_NONE) {
		int64_t days = (app_now(app) - h->day.follow_up_oldest) / 86400;
		char *d = fmt_int(app->loc, days);
		/* TRANSLATORS: home screen, after the number of open follow-ups:
		 * how long the oldest has waited.  Left out when it does not fit. */
		oldest = xasprintf(P_("oldest %s day", "oldest %s days", days), d);
		free(d);
	}
	char *expiring = h->have_waiting ? fmt_int(app->loc, h->expiring_customers)
					 : xstrdup("\u2026");
	char *risk = h->have_waiting ? fmt_int(app->loc, h->at_risk) : xstrdup("\u2026");
	int64_t to = app->shop.p.active_days, from = to > 30 ? to - 30 : 0;
	char *f = fmt_int(app->loc, from), *t = fmt_int(app->loc, to);
	/* TRANSLATORS: home screen, after the number of customers at risk:
	 * why they are: "last visit 150–180 days ago".  Left out when it does not
	 * fit. */
	char *why = xasprintf(
		P_("last visit %s\u2013%s day ago", "last visit %s\u2013%s days ago", to), f, t);
	free(f);
	free(t);
	const struct tile_row rows[] = {
		/* TRANSLATORS: a label of the home screen's "Waiting for you"
		 * tile; labels of up to about 16 columns fit at 80 columns. */
		{_("Survey calls due"), calls, NULL, false},
		/* TRANSLATORS: home screen: detractor follow-ups still open. */
		{_("Follow-ups open"), fups, oldest, false},
		/* TRANSLATORS: home screen: customers whose points expire this
		 * month; the number and "customers" follow. */
		{_("Points expiring"), expiring,
		 h->have_waiting ? P_("customer", "customers", h->expiring_customers) : NULL,
		 false},
		{_("At risk"), risk, why, false},
	};
	draw_tile(app, y + 1, x + 2, w - 4, rows, sizeof rows / sizeof rows[0]);
	free(calls);
	free(fups);
	free(oldest);
	free(expiring);
	free(risk);
	free(why);
}

/* The menu: digit n does what Fn does. */
static void draw_menu(struct app *app, int y)
{
	static const struct {
		char digit;
		enum action act;
	} items[] = {
		{'2', ACT_CUSTOMERS}, {'3', ACT_PURCHASE}, {'4', ACT_REDEEM}, {'5', ACT_SURVEY},
		{'6', ACT_MONTH},     {'7', ACT_ENROLL},   {'9', ACT_SETTINGS}, {'1', ACT_HELP},
	};
	int x = 2, row = y;
	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
		const struct key_binding *b = key_binding_of(items[i].act);
		const char *label = _(b->label);
		int w = text_width(label) + 5;
		if (x + w > app->cols - 2) {
			row++;
			x = 2;
		}
		char digit[2] = {items[i].digit, '\0'};
		char *d = fmt_digits(app->loc, digit);
		draw_text(app, row, x, 1, d, BIDI_LTR, ALIGN_START, LOOK_BAR_KEY);
		free(d);
		draw_ui(app, row, x + 2, w - 2, label, ALIGN_START, LOOK_NORMAL);
		x += w;
	}
	draw_ui(app, row + 1, 2, app->cols - 4,
		_("(a digit does what its F-key does, for keyboards without F-keys)"), ALIGN_START,
		LOOK_DIM);
}

static void draw_latest(struct app *app, struct home *h, int y, int rows)
{
	draw_ui(app, y, 1, app->cols - 2, _("Latest purchases"), ALIGN_START, LOOK_TITLE);
	if (h->nlatest == 0) {
		draw_ui(app, y + 1, 2, app->cols - 4, _("No purchases yet."), ALIGN_START,
			LOOK_DIM);
		return;
	}
	for (size_t i = 0; i < h->nlatest && (int)i < rows - 1; i++) {
		const struct sale_line *l = &h->latest[i];
		int row = y + 1 + (int)i;
		char *when = cal_format(app->shop.p.calendar, app->shop.p.timezone, app->loc->lang,
					app->loc->digits, l->at,
					l->at >= h->day.day_start ? DATE_TIME : DATE_DAY_MONTH);
		char *ph = l->phone != NULL ? phone_format(l->phone) : xstrdup("");
		char *phl = fmt_digits(app->loc, ph);
		char *amount = fmt_money(app->loc, l->amount, app->shop.p.decimals);
		char *pts = fmt_int(app->loc, l->earned);
		char *ptsl = xasprintf("+%s", pts);
		int x = 2;
		draw_text(app, row, x, 10, when != NULL ? when : "", ui_dir(app), ALIGN_START,
			  LOOK_DIM);
		x += 11;
		int namew = app->cols - x - 2 - 15 - 15 - 8 - 12;
		draw_text(app, row, x, namew, l->name, BIDI_AUTO, ALIGN_START, LOOK_NORMAL);
		x += namew + 1;
		draw_text(app, row, x, 14, phl, BIDI_LTR, ALIGN_START, LOOK_NORMAL);
		x += 15;
		draw_text(app, row, x, 14, amount, BIDI_LTR, ALIGN_END, LOOK_NORMAL);
		x += 15;
		draw_text(app, row, x, 7, ptsl, BIDI_LTR, ALIGN_END, LOOK_OK);
		x += 8;
		draw_text(app, row, x, app->cols - x - 1, l->tier != NULL ? l->tier : "", BIDI_AUTO,
			  ALIGN_START, LOOK_DIM);
		free(when);
		free(ph);
		free(phl);
		free(amount);
		free(pts);
		free(ptsl);
	}
}

static void home_draw(struct app *app, void *state)
{
	struct home *h = state;
	int half = app->cols / 2;
	draw_today(app, h, 1, 0, half - 1);
	draw_waiting(app, h, 1, half - 1, app->cols - half + 1);
	draw_menu(app, 8);
	draw_latest(app, h, 11, app->rows - 13);
}

static int home_key(struct app *app, void *state, const struct key *k)
{
	(void)app;
	(void)state;
	(void)k;
	return KF_IGNORED;
}

static const enum action home_bar[] = {ACT_HELP,  ACT_CUSTOMERS, ACT_PURCHASE, ACT_REDEEM,
				       ACT_SURVEY, ACT_MONTH,    ACT_ENROLL,   ACT_SETTINGS,
				       ACT_QUIT,  ACT_NONE};

const struct screen_ops screen_home = {
	.name = "home",
	.enter = home_enter,
	.draw = home_draw,
	.key = home_key,
	.leave = home_leave,
	.resume = home_resume,
	.tick = home_tick,
	.bar = home_bar,
};
