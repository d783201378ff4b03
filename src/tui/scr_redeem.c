/* scr_redeem.c -- points for a reward (F4) (SCREENS.md "Redeem").
 *
 * The customer is chosen first, as on the purchase screen (the same
 * picker), or comes with the screen (F4 after a purchase).  Then the
 * catalog: what the customer can afford now first, then "Not yet" with
 * the points still missing, then, dimmed with the reason, rewards out of
 * stock or not offered at this date.  Enter on an affordable reward asks,
 * redeems (engine_redeem) and shows the voucher code large enough to read
 * aloud.
 *
 * Nothing typed here is lost by leaving (a search is not a record), so
 * the screen is never "dirty". */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "engine/reward.h"
#include "store/rewards.h"
#include "text/calendar.h"
#include "text/i18n.h"
#include "text/strbuf.h"
#include "text/uilocale.h"
#include "text/xalloc.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/picker.h"

enum section { SEC_AFFORD, SEC_NOT_YET, SEC_UNAVAILABLE, SEC__COUNT };

/* A line of the catalog: a section's title or a reward. */
struct cline {
	bool title;
	enum section sec;
	size_t r; /* index into rewards */
};

struct redeem {
	struct picker pick;
	bool in_catalog; /* the catalog has the focus (else the field) */
	struct reward *rewards;
	size_t nrewards;
	struct cline *lines;
	size_t nlines;
	size_t sel; /* the highlighted line (a reward), SIZE_MAX: none */
	size_t top; /* the first line shown */
	int64_t now;
	bool voucher; /* the voucher box shows */
	struct redeem_result res;
};

static enum action redeem_bar[8];

static void set_bar(const enum action *acts)
{
	size_t i = 0;
	for (; acts[i] != ACT_NONE && i + 1 < sizeof redeem_bar / sizeof redeem_bar[0]; i++)
		redeem_bar[i] = acts[i];
	redeem_bar[i] = ACT_NONE;
}

/* ---- the catalog ---- */

static enum section section_of(const struct redeem *s, const struct reward *r)
{
	if (!reward_available(r, s->now))
		return SEC_UNAVAILABLE;
	return s->pick.chosen.points >= r->points ? SEC_AFFORD : SEC_NOT_YET;
}

static void free_catalog(struct redeem *s)
{
	rewards_free(s->rewards, s->nrewards);
	s->rewards = NULL;
	s->nrewards = 0;
	free(s->lines);
	s->lines = NULL;
	s->nlines = 0;
	s->sel = SIZE_MAX;
	s->top = 0;
}

/* Reads the catalog and sorts it into the sections for the chosen
 * customer; keeps the highlight on the same reward when it can. */
static void load_catalog(struct app *app, struct redeem *s)
{
	int64_t keep = s->sel != SIZE_MAX && s->sel < s->nlines ? s->rewards[s->lines[s->sel].r].id
								 : 0;
	free_catalog(s);
	if (s->pick.id == 0)
		return;
	struct werr e = {0};
	if (rewards_list(app->st, &s->rewards, &s->nrewards, &e) != 0) {
		app_error(app, &e);
		s->rewards = NULL;
		s->nrewards = 0;
		return;
	}
	s->now = app_now(app);
	s->lines = xcalloc(s->nrewards + SEC__COUNT + 1, sizeof *s->lines);
	for (int sec = 0; sec < SEC__COUNT; sec++) {
		bool titled = false;
		for (size_t i = 0; i < s->nrewards; i++) {
			if (section_of(s, &s->rewards[i]) != (enum section)sec)
				continue;
			if (!titled) {
				s->lines[s->nlines++] = (struct cline){true, (enum section)sec, 0};
				titled = true;
			}
			if (s->rewards[i].id == keep || (keep == 0 && s->sel == SIZE_MAX))
				s->sel = s->nlines;
			s->lines[s->nlines++] = (struct cline){false, (enum section)sec, i};
		}
	}
	if (s->sel == SIZE_MAX)
		for (size_t i = 0; i < s->nlines; i++)
			if (!s->lines[i].title) {
				s->sel = i;
				break;
			}
}

static void *redeem_enter(struct app *app, void *arg)
{
	struct redeem *s = xcalloc(1, sizeof *s);
	picker_init(&s->pick);
	s->sel = SIZE_MAX;
	if (arg != NULL && picker_choose_id(app, &s->pick, *(const int64_t *)arg)) {
		load_catalog(app, s);
		s->in_catalog = true;
	}
	return s;
}

static void redeem_leave(struct app *app, void *state)
{
	(void)app;
	struct redeem *s = state;
	free_catalog(s);
	picker_free(&s->pick);
	free(s);
}

static void redeem_resume(struct app *app, void *state)
{
	struct redeem *s = state;
	if (s->pick.id != 0) {
		picker_refresh(app, &s->pick);
		load_catalog(app, s);
	}
}

static bool redeem_customer(void *state, int64_t *id)
{
	struct redeem *s = state;
	*id = s->pick.id;
	return s->pick.id != 0;
}

/* ---- redeeming ---- */

static char *money_text(struct app *app, int64_t minor)
{
	return fmt_money(app->loc, minor, app->shop.p.decimals);
}

static int redeem_selected(struct app *app, struct redeem *s)
{
	if (s->sel == SIZE_MAX || s->sel >= s->nlines)
		return KF_HANDLED;
	const struct cline *l = &s->lines[s->sel];
	const struct reward *r = &s->rewards[l->r];
	if (l->sec == SEC_NOT_YET) {
		char *miss = picker_points_text(app, r->points - s->pick.chosen.points);
		app_message(app, MSG_ERROR, _("%s: %s still missing."), r->name, miss);
		free(miss);
		return KF_HANDLED | KF_REDRAW;
	}
	if (l->sec == SEC_UNAVAILABLE) {
		app_message(app, MSG_ERROR, _("%s cannot be redeemed now."), r->name);
		return KF_HANDLED | KF_REDRAW;
	}
	char *pts = picker_points_text(app, r->points);
	char *q;
	if (r->copay > 0) {
		char *c = money_text(app, r->copay);
		/* TRANSLATORS: the question before a redemption: reward, points, co-payment. */
		q = xasprintf(_("%s for %s? Collect a co-payment of %s %s."), r->name, pts, c,
			      app->shop.p.currency);
		free(c);
	} else {
		/* TRANSLATORS: the question before a redemption: reward, points. */
		q = xasprintf(_("%s for %s?"), r->name, pts);
	}
	free(pts);
	bool yes = dialog_confirm(app, _("Redeem"), q);
	free(q);
	if (!yes)
		return KF_HANDLED | KF_REDRAW;
	struct werr e = {0};
	struct redeem_result res;
	if (engine_redeem(app->st, s->pick.id, r->code, TIME_NONE, 0, &res, &e) != 0) {
		if (e.status == W_DB)
			app_error(app, &e);
		else
			app_message(app, MSG_ERROR, "%s", picker_strip_option(e.msg));
		picker_refresh(app, &s->pick);
		load_catalog(app, s);
		return KF_HANDLED | KF_REDRAW;
	}
	s->res = res;
	s->voucher = true;
	picker_refresh(app, &s->pick);
	load_catalog(app, s);
	return KF_HANDLED | KF_REDRAW;
}

/* ---- keys ---- */

static bool is_enter(const struct key *k)
{
	return k->ch == '\n' || k->ch == '\r' || k->code == KEY_ENTER;
}

static void move_sel(struct redeem *s, int dir, size_t steps)
{
	if (s->sel == SIZE_MAX)
		return;
	while (steps-- > 0) {
		size_t i = s->sel;
		for (;;) {
			if (dir < 0 && i == 0)
				return;
			i = dir < 0 ? i - 1 : i + 1;
			if (i >= s->nlines)
				return;
			if (!s->lines[i].title)
				break;
		}
		s->sel = i;
	}
}

static bool at_first(const struct redeem *s)
{
	for (size_t i = 0; i < s->sel && i < s->nlines; i++)
		if (!s->lines[i].title)
			return false;
	return true;
}

static int key_catalog(struct app *app, struct redeem *s, const struct key *k)
{
	if (is_enter(k))
		return redeem_selected(app, s);
	if (k->ch == '\t' || k->code == KEY_BTAB || (k->code == KEY_UP && at_first(s))) {
		s->in_catalog = false;
		return KF_HANDLED | KF_REDRAW;
	}
	switch (k->code) {
	case KEY_UP:
		move_sel(s, -1, 1);
		break;
	case KEY_DOWN:
		move_sel(s, 1, 1);
		break;
	case KEY_PPAGE:
		move_sel(s, -1, 10);
		break;
	case KEY_NPAGE:
		move_sel(s, 1, 10);
		break;
	case KEY_HOME:
		move_sel(s, -1, s->nlines);
		break;
	case KEY_END:
		move_sel(s, 1, s->nlines);
		break;
	default:
		return KF_IGNORED;
	}
	return KF_HANDLED | KF_REDRAW;
}

static int redeem_key(struct app *app, void *state, const struct key *k)
{
	struct redeem *s = state;
	if (s->voucher) {
		if (is_enter(k) || k->ch == 27 || k->ch == ' ') {
			s->voucher = false;
			app_message(app, MSG_OK, _("Voucher %s: %s"), s->res.voucher,
				    s->res.reward_name);
			return KF_HANDLED | KF_REDRAW;
		}
		return KF_HANDLED;
	}
	if (s->in_catalog)
		return key_catalog(app, s, k);
	enum picker_event ev = picker_key(app, &s->pick, k);
	if (ev == PICKER_CHOSEN || (ev == PICKER_IGNORED && k->code == KEY_DOWN && s->pick.id)) {
		if (s->nlines == 0 || ev == PICKER_CHOSEN)
			load_catalog(app, s);
		s->in_catalog = true;
		return KF_HANDLED | KF_REDRAW;
	}
	if (ev == PICKER_REDRAW) {
		/* Another customer is being looked for: the catalog goes. */
		if (s->pick.id == 0)
			free_catalog(s);
		return KF_HANDLED | KF_REDRAW;
	}
	return KF_IGNORED;
}

/* ---- drawing ---- */

static int piece(struct app *app, int y, int x, int end, const char *text, enum bidi_dir dir,
		 enum look look)
{
	if (x >= end)
		return x;
	return x + draw_text(app, y, x, end - x, text, dir, ALIGN_START, look);
}

/* Redeem · Ali Karimi · 1,308 pts (= 130,800) */
static void draw_header(struct app *app, struct redeem *s, int y, int x, int w)
{
	int end = x + w;
	/* TRANSLATORS: the title of the redeem screen (the key bar's word for
	 * F4 is "Redeem" without a context). */
	int cx = piece(app, y, x, end, C_("screen title", "Redeem"), ui_dir(app), LOOK_TITLE);
	if (s->pick.id == 0)
		return;
	const char *dot = " \u00b7 ";
	cx = piece(app, y, cx, end, dot, BIDI_LTR, LOOK_TITLE);
	cx = piece(app, y, cx, end, s->pick.chosen.c.name, BIDI_AUTO, LOOK_TITLE);
	cx = piece(app, y, cx, end, dot, BIDI_LTR, LOOK_TITLE);
	char *pts = picker_points_text(app, s->pick.chosen.points);
	cx = piece(app, y, cx, end, pts, ui_dir(app), LOOK_ACCENT);
	free(pts);
	if (s->pick.chosen.tier != NULL) {
		cx = piece(app, y, cx, end, dot, BIDI_LTR, LOOK_DIM);
		piece(app, y, cx, end, s->pick.chosen.tier->name, BIDI_AUTO, LOOK_DIM);
	}
}

/* Why a reward cannot be redeemed now (new string). */
static char *unavailable_reason(struct app *app, const struct redeem *s, const struct reward *r)
{
	const struct program *p = &app->shop.p;
	if (r->active_from != TIME_NONE && s->now < r->active_from) {
		char *d = cal_format(p->calendar, p->timezone, app->loc->lang, app->loc->digits,
				     r->active_from, DATE_DAY);
		/* TRANSLATORS: a reward offered from a later date: "from 1 Dey 1405". */
		char *t = xasprintf(_("from %s"), d != NULL ? d : "");
		free(d);
		return t;
	}
	if (r->active_to != TIME_NONE && s->now >= r->active_to) {
		char *d = cal_format(p->calendar, p->timezone, app->loc->lang, app->loc->digits,
				     r->active_to - 1, DATE_DAY);
		/* TRANSLATORS: a reward no longer offered: "ended 20 Aban 1405". */
		char *t = xasprintf(_("ended %s"), d != NULL ? d : "");
		free(d);
		return t;
	}
	return xstrdup(_("out of stock"));
}

/* The points column: as wide as the widest "N points" of the catalog in
 * the language shown (at least 11 columns, at most 18). */
static int points_width(struct app *app, const struct redeem *s)
{
	int w = 11;
	for (size_t i = 0; i < s->nrewards; i++) {
		char *t = picker_points_text(app, s->rewards[i].points);
		int tw = text_width(t);
		free(t);
		if (tw > w)
			w = tw;
	}
	return w < 18 ? w : 18;
}

static void draw_reward(struct app *app, struct redeem *s, const struct cline *l, int y, int x,
			int w, bool selected)
{
	const struct reward *r = &s->rewards[l->r];
	bool dim = l->sec == SEC_UNAVAILABLE;
	enum look base = selected ? LOOK_SELECT : dim ? LOOK_DIM : LOOK_NORMAL;
	if (selected)
		draw_fill(app, y, x, w, LOOK_SELECT);
	if (selected)
		draw_text(app, y, x, 1, app->rtl ? "\u25c2" : "\u25b8", BIDI_LTR, ALIGN_START, base);
	/* The name takes what is left up to 34 columns; in a wide window the
	 * rest goes to the last cell (a Jalali date with its month name is
	 * long). */
	const int ptsw = points_width(app, s), copayw = 22;
	int namew = w - 2 - (ptsw + 1) - (copayw + 1) - 18;
	if (namew > 34)
		namew = 34;
	if (namew < 10)
		namew = 10;
	int cx = x + 2;
	draw_text(app, y, cx, namew, r->name, BIDI_AUTO, ALIGN_START, base);
	cx += namew + 1;
	char *pts = picker_points_text(app, r->points);
	draw_text(app, y, cx, ptsw, pts, ui_dir(app), ALIGN_END,
		  selected || dim ? base : LOOK_ACCENT);
	free(pts);
	cx += ptsw + 1;
	if (r->copay > 0) {
		char *c = money_text(app, r->copay);
		/* TRANSLATORS: the cash a reward also costs: "+ 50,000 co-pay"; short. */
		char *t = xasprintf(_("+ %s co-pay"), c);
		draw_text(app, y, cx, copayw, t, ui_dir(app), ALIGN_START, base);
		free(t);
		free(c);
	}
	cx += copayw + 1;
	if (cx >= x + w)
		return;
	char *extra = NULL;
	enum look el = selected ? base : LOOK_DIM;
	if (l->sec == SEC_NOT_YET) {
		int64_t miss = r->points - s->pick.chosen.points;
		char *n = fmt_int(app->loc, miss);
		/* TRANSLATORS: points a customer still needs for a reward: "692 to go". */
		extra = xasprintf(CP_("points", "%s to go", "%s to go", miss), n);
		free(n);
		el = selected ? base : LOOK_ACCENT;
	} else if (l->sec == SEC_UNAVAILABLE) {
		extra = unavailable_reason(app, s, r);
	} else if (r->stock != STOCK_UNLIMITED) {
		int64_t left = r->stock - r->redeemed;
		char *n = fmt_int(app->loc, left);
		/* TRANSLATORS: units of a reward still in stock: "3 left". */
		extra = xasprintf(P_("%s left", "%s left", left), n);
		free(n);
	}
	if (extra != NULL)
		draw_text(app, y, cx, x + w - cx, extra, ui_dir(app), ALIGN_START, el);
	free(extra);
}

static const char *section_title(enum section sec)
{
	switch (sec) {
	case SEC_AFFORD:
		return _("Can afford now");
	case SEC_NOT_YET:
		return _("Not yet");
	default:
		return _("Not available now");
	}
}

static void draw_catalog(struct app *app, struct redeem *s, int y, int x, int w, int h)
{
	if (h <= 0)
		return;
	if (s->nrewards == 0) {
		draw_ui(app, y, x + 2, w - 2,
			_("The rewards catalog is empty: the owner adds rewards in Settings (F9)."),
			ALIGN_START, LOOK_DIM);
		return;
	}
	if (s->sel != SIZE_MAX) {
		/* Keep the highlight in view, with its section's title when it fits. */
		if (s->sel < s->top + 1)
			s->top = s->sel > 0 && s->lines[s->sel - 1].title ? s->sel - 1 : s->sel;
		if (s->sel >= s->top + (size_t)h)
			s->top = s->sel + 1 - (size_t)h;
	}
	if (s->top + (size_t)h > s->nlines)
		s->top = s->nlines > (size_t)h ? s->nlines - (size_t)h : 0;
	for (int row = 0; row < h; row++) {
		size_t i = s->top + (size_t)row;
		if (i >= s->nlines)
			break;
		const struct cline *l = &s->lines[i];
		if (l->title)
			draw_ui(app, y + row, x, w, section_title(l->sec), ALIGN_START,
				l->sec == SEC_UNAVAILABLE ? LOOK_DIM : LOOK_TITLE);
		else
			draw_reward(app, s, l, y + row, x + 1, w - 1,
				    s->in_catalog && i == s->sel);
	}
}

/* "W 7 - K 3 P - 9 4 Q": the code spaced out, to read aloud. */
static char *spaced(const char *code)
{
	struct strbuf sb = STRBUF_INIT;
	for (const char *c = code; *c != '\0'; c++) {
		if (c != code)
			strbuf_addc(&sb, ' ');
		strbuf_addc(&sb, *c);
	}
	return strbuf_detach(&sb);
}

static void draw_voucher(struct app *app, struct redeem *s, int y, int x, int w)
{
	const struct redeem_result *r = &s->res;
	int h = 9 + (r->copay > 0);
	for (int i = 0; i < h; i++)
		draw_fill(app, y + i, x, w, LOOK_NORMAL);
	draw_box(app, y, x, h, w, _("Voucher"));
	int ix = x + 2, iw = w - 4, row = y + 1;
	/* The code in a band three rows high. */
	for (int i = 0; i < 3; i++)
		draw_fill(app, row + i, ix, iw, LOOK_BIG);
	char *code = spaced(r->voucher);
	draw_text(app, row + 1, ix, iw, code, BIDI_LTR, ALIGN_CENTER, LOOK_BIG);
	free(code);
	row += 4;
	char *pts = picker_points_text(app, r->points);
	char *minus = xasprintf("-%s", pts);
	int end = ix + iw;
	int cx = piece(app, row, ix, end, r->reward_name, BIDI_AUTO, LOOK_TITLE);
	cx = piece(app, row, cx, end, " \u00b7 ", BIDI_LTR, LOOK_NORMAL);
	piece(app, row, cx, end, minus, ui_dir(app), LOOK_ACCENT);
	free(pts);
	free(minus);
	row++;
	if (r->copay > 0) {
		char *c = money_text(app, r->copay);
		/* TRANSLATORS: the cash the cashier collects with a reward. */
		char *t = xasprintf(_("Collect a co-payment of %s %s"), c, app->shop.p.currency);
		draw_ui(app, row++, ix, iw, t, ALIGN_START, LOOK_ACCENT);
		free(t);
		free(c);
	}
	char *b = picker_points_text(app, r->points_balance);
	char *t = xasprintf(_("New balance: %s"), b);
	draw_ui(app, row++, ix, iw, t, ALIGN_START, LOOK_NORMAL);
	free(t);
	free(b);
	draw_ui(app, y + h - 2, ix, iw, _("Enter: continue"), ALIGN_END, LOOK_DIM);
}

static void redeem_draw(struct app *app, void *state)
{
	struct redeem *s = state;
	int x = 1, w = app->cols - 2;
	draw_header(app, s, 1, x, w);
	int y = 3;
	int lw = picker_label_width();
	s->pick.form.label_min = lw;
	bool on_field = !s->in_catalog && !s->voucher;
	/* While the catalog has the focus, the header names the customer:
	 * the field stands alone. */
	int used = picker_draw(app, &s->pick, y, x, w, on_field ? PICKER_ROWS + 2 : 1, on_field);
	int cy = y + used + 1;
	if (s->pick.id != 0 && !s->voucher)
		draw_catalog(app, s, cy, x, w, app->rows - 3 - cy);
	if (s->voucher) {
		int vw = w < 60 ? w : 60;
		int vx = x + (w - vw) / 2;
		draw_voucher(app, s, cy, vx, vw);
		set_bar((const enum action[]){ACT_CONTINUE, ACT_PURCHASE, ACT_HELP, ACT_QUIT,
					      ACT_NONE});
		return;
	}
	if (on_field) {
		set_bar((const enum action[]){ACT_PICK, ACT_BACK, ACT_ENROLL, ACT_HELP, ACT_QUIT,
					      ACT_NONE});
		picker_place_cursor(app, &s->pick, y, x);
	} else {
		set_bar((const enum action[]){ACT_REDEEM_REWARD, ACT_CUSTOMER_FIELD, ACT_BACK,
					      ACT_PURCHASE, ACT_HELP, ACT_QUIT, ACT_NONE});
	}
}

const struct screen_ops screen_redeem = {
	.name = "redeem",
	.enter = redeem_enter,
	.draw = redeem_draw,
	.key = redeem_key,
	.leave = redeem_leave,
	.resume = redeem_resume,
	.customer = redeem_customer,
	.bar = redeem_bar,
};
