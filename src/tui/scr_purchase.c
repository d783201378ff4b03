/* scr_purchase.c -- the counter's purchase (F3): find the customer, type
 * the amount, Enter (SCREENS.md "Purchase").
 *
 * From home a purchase for a known phone number is five keys' worth of
 * steps: F3, the number, Enter (takes the highlighted match), the amount,
 * Enter (records the sale).  Points paying part of it are reached with
 * Tab from the amount.  After the sale a box says what happened (points
 * earned with the tier's multiplier, the new balance, a tier change, the
 * spend still missing for the next tier); Enter starts the next purchase,
 * F4 redeems for this customer, Esc goes home.
 *
 * Opened with a customer id (from a card, or F3 after a redemption), the
 * customer is chosen and the cursor starts in the amount. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "engine/rules.h"
#include "engine/sale.h"
#include "text/i18n.h"
#include "text/money.h"
#include "text/uilocale.h"
#include "text/utf8.h"
#include "text/xalloc.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/picker.h"

enum { PAY_AMOUNT, PAY_POINTS, PAY__COUNT };

static const struct field_def pay_fields[PAY__COUNT] = {
	{N_("Amount"), FIELD_AMOUNT, FDIR_LTR, 16, 24, NULL, NULL},
	/* TRANSLATORS: the field of the points that pay part of a purchase. */
	{N_("Pay with points"), FIELD_NUMBER, FDIR_LTR, 10, 12, NULL, NULL},
};

enum focus { ON_CUSTOMER, ON_PAY };

struct purchase {
	struct picker pick;
	struct form pay;
	enum focus focus;
	bool done; /* recorded: the box shows, nothing is typed */
	struct purchase_result res;
	char *name; /* the customer of the recorded sale */
	int pay_y;  /* where the amount was drawn (for the cursor) */
};

/* The key bar changes with what Enter does now: choose the customer,
 * record the sale, or start the next one.  The screen's bar points here;
 * draw fills it before the app draws the bar. */
static enum action purchase_bar[8];

static void set_bar(const enum action *acts)
{
	size_t i = 0;
	for (; acts[i] != ACT_NONE && i + 1 < sizeof purchase_bar / sizeof purchase_bar[0]; i++)
		purchase_bar[i] = acts[i];
	purchase_bar[i] = ACT_NONE;
}

/* ---- numbers ---- */

/* "×1.5": a multiplier in percent as a factor, in the UI's digits. */
static char *multiplier_text(struct app *app, int m)
{
	char *n;
	if (m % 100 == 0)
		n = fmt_int(app->loc, m / 100);
	else if (m % 10 == 0)
		n = fmt_money(app->loc, m / 10, 1);
	else
		n = fmt_money(app->loc, m, 2);
	char *s = xasprintf("\u00d7%s", n);
	free(n);
	return s;
}

static char *money_text(struct app *app, int64_t minor)
{
	return fmt_money(app->loc, minor, app->shop.p.decimals);
}

/* The amount typed: MONEY_OK and *amount, or the reason. */
static enum money_error typed_amount(const struct purchase *s, const struct app *app,
				     int64_t *amount)
{
	return money_parse(form_get(&s->pay, PAY_AMOUNT), app->shop.p.decimals, amount);
}

/* The points typed: 1 and *points, 0 when the field is empty, -1 when it
 * is not a whole number. */
static int typed_points(const struct purchase *s, int64_t *points)
{
	char *t = utf8_trim(form_get(&s->pay, PAY_POINTS));
	bool empty = t == NULL || *t == '\0';
	free(t);
	*points = 0;
	if (empty)
		return 0;
	return money_parse(form_get(&s->pay, PAY_POINTS), 0, points) == MONEY_OK ? 1 : -1;
}

static bool points_can_pay(const struct app *app)
{
	return app->shop.p.point_value > 0;
}

/* ---- state ---- */

static void new_purchase(struct app *app, struct purchase *s)
{
	picker_clear(&s->pick);
	for (size_t i = 0; i < PAY__COUNT; i++)
		form_set(&s->pay, i, "");
	form_clear_errors(&s->pay);
	form_focus(&s->pay, PAY_AMOUNT);
	s->pay.dirty = false;
	form_hide(&s->pay, PAY_POINTS, !points_can_pay(app));
	s->focus = ON_CUSTOMER;
	s->done = false;
	free(s->name);
	s->name = NULL;
}

static void *purchase_enter(struct app *app, void *arg)
{
	struct purchase *s = xcalloc(1, sizeof *s);
	picker_init(&s->pick);
	form_init(&s->pay, pay_fields, PAY__COUNT);
	new_purchase(app, s);
	if (arg != NULL && picker_choose_id(app, &s->pick, *(const int64_t *)arg))
		s->focus = ON_PAY;
	return s;
}

static void purchase_leave(struct app *app, void *state)
{
	(void)app;
	struct purchase *s = state;
	picker_free(&s->pick);
	form_free(&s->pay);
	free(s->name);
	free(s);
}

static bool purchase_dirty(void *state)
{
	struct purchase *s = state;
	return !s->done && (picker_dirty(&s->pick) || s->pay.dirty);
}

static bool purchase_customer(void *state, int64_t *id)
{
	struct purchase *s = state;
	*id = s->pick.id;
	return s->pick.id != 0;
}

static void purchase_resume(struct app *app, void *state)
{
	struct purchase *s = state;
	if (!s->done)
		picker_refresh(app, &s->pick);
}

/* ---- recording ---- */

/* A refusal goes next to the field it is about: the engine names the
 * option ("--amount: ...", "--redeem-points: ..."); the others are about
 * the customer (inactive, unknown, out of order). */
static void show_refusal(struct purchase *s, const char *msg)
{
	const char *text = picker_strip_option(msg);
	if (strncmp(msg, "--redeem-points", 15) == 0 && !s->pay.hidden[PAY_POINTS]) {
		form_error(&s->pay, PAY_POINTS, text);
		form_focus(&s->pay, PAY_POINTS);
		s->focus = ON_PAY;
	} else if (strncmp(msg, "--", 2) == 0) {
		form_error(&s->pay, PAY_AMOUNT, text);
		form_focus(&s->pay, PAY_AMOUNT);
		s->focus = ON_PAY;
	} else {
		form_error(&s->pick.form, 0, text);
		s->focus = ON_CUSTOMER;
	}
}

static int record(struct app *app, struct purchase *s)
{
	form_clear_errors(&s->pay);
	if (s->pick.id == 0) {
		form_error(&s->pick.form, 0, _("choose the customer first"));
		s->focus = ON_CUSTOMER;
		return KF_HANDLED | KF_REDRAW;
	}
	int64_t amount = 0, points = 0;
	enum money_error me = typed_amount(s, app, &amount);
	if (me != MONEY_OK) {
		form_error(&s->pay, PAY_AMOUNT, money_strerror(me));
		form_focus(&s->pay, PAY_AMOUNT);
		return KF_HANDLED | KF_REDRAW;
	}
	if (!s->pay.hidden[PAY_POINTS] && typed_points(s, &points) < 0) {
		form_error(&s->pay, PAY_POINTS, _("is not a whole number of points"));
		form_focus(&s->pay, PAY_POINTS);
		return KF_HANDLED | KF_REDRAW;
	}
	if (amount == 0 &&
	    !dialog_confirm(app, _("Amount 0"),
			    _("The amount is 0: a visit with a free item? It earns no points.")))
		return KF_HANDLED | KF_REDRAW;

	struct purchase_request rq = {
		.customer_id = s->pick.id,
		.amount = amount,
		.redeem_points = points,
		.at = TIME_NONE,
		.note = NULL,
		.staff_id = 0,
	};
	struct werr e = {0};
	struct purchase_result res;
	if (engine_purchase(app->st, &rq, &res, &e) != 0) {
		/* Nothing typed is lost: the form keeps every value. */
		if (e.status == W_DB)
			app_error(app, &e);
		else
			show_refusal(s, e.msg);
		return KF_HANDLED | KF_REDRAW;
	}
	s->res = res;
	s->done = true;
	free(s->name);
	s->name = xstrdup(s->pick.chosen.c.name);
	picker_refresh(app, &s->pick);
	s->pick.form.dirty = false;
	s->pay.dirty = false;
	return KF_HANDLED | KF_REDRAW;
}

/* ---- keys ---- */

static bool is_enter(const struct key *k)
{
	return k->ch == '\n' || k->ch == '\r' || k->code == KEY_ENTER;
}

static bool is_char(const struct key *k)
{
	return k->code == 0 && k->ch >= 0x20 && k->ch != 0x7f && !(k->ch >= 0x80 && k->ch < 0xa0);
}

static int key_customer(struct app *app, struct purchase *s, const struct key *k)
{
	if (k->ch == KEY_CTRL('s'))
		return record(app, s);
	enum picker_event ev = picker_key(app, &s->pick, k);
	if (ev == PICKER_CHOSEN) {
		s->focus = ON_PAY;
		form_focus(&s->pay, PAY_AMOUNT);
		return KF_HANDLED | KF_REDRAW;
	}
	if (ev == PICKER_REDRAW)
		return KF_HANDLED | KF_REDRAW;
	if (k->code == KEY_DOWN && s->pick.id != 0) {
		s->focus = ON_PAY;
		form_focus(&s->pay, PAY_AMOUNT);
		return KF_HANDLED | KF_REDRAW;
	}
	return KF_IGNORED;
}

static int key_pay(struct app *app, struct purchase *s, const struct key *k)
{
	size_t f = s->pay.focus;
	if (is_enter(k) || k->ch == KEY_CTRL('s'))
		return record(app, s);
	bool back = k->code == KEY_BTAB || k->code == KEY_UP;
	bool fwd = k->ch == '\t' || k->code == KEY_DOWN;
	if (back && f == PAY_AMOUNT) {
		s->focus = ON_CUSTOMER;
		return KF_HANDLED | KF_REDRAW;
	}
	if (back) {
		form_focus(&s->pay, PAY_AMOUNT);
		return KF_HANDLED | KF_REDRAW;
	}
	if (fwd) {
		if (f == PAY_AMOUNT && !s->pay.hidden[PAY_POINTS])
			form_focus(&s->pay, PAY_POINTS);
		else if (k->ch == '\t')
			s->focus = ON_CUSTOMER;
		return KF_HANDLED | KF_REDRAW;
	}
	if (k->ch == 27)
		return KF_IGNORED;
	enum form_event ev = form_key(app, &s->pay, k);
	return ev == FORM_IGNORED ? KF_IGNORED : KF_HANDLED | KF_REDRAW;
}

static int purchase_key(struct app *app, void *state, const struct key *k)
{
	struct purchase *s = state;
	if (s->done) {
		if (is_enter(k)) {
			new_purchase(app, s);
			return KF_HANDLED | KF_REDRAW;
		}
		if (is_char(k)) {
			/* The next customer's number, typed straight away. */
			new_purchase(app, s);
			return key_customer(app, s, k) | KF_HANDLED | KF_REDRAW;
		}
		return KF_IGNORED; /* Esc: home */
	}
	if (k->ch == 27) {
		if (!purchase_dirty(s))
			return KF_IGNORED;
		if (dialog_confirm(app, _("Leave the purchase?"),
				   _("What was typed is not recorded. Leave it?")))
			return KF_HANDLED | KF_BACK;
		return KF_HANDLED | KF_REDRAW;
	}
	return s->focus == ON_CUSTOMER ? key_customer(app, s, k) : key_pay(app, s, k);
}

/* ---- drawing ---- */

/* The hint after the amount: the currency, and once the amount reads
 * well, the amount grouped and the points it will earn. */
static void draw_amount_hint(struct app *app, struct purchase *s, int y, int x, int w)
{
	char *h = xstrdup(app->shop.p.currency);
	int64_t amount = 0, points = 0;
	if (!s->done && s->pick.id != 0 && typed_amount(s, app, &amount) == MONEY_OK &&
	    amount > 0 && typed_points(s, &points) >= 0) {
		int64_t pv = app->shop.p.point_value;
		int64_t discount = points > 0 && pv > 0 && points <= amount / pv &&
						   points <= s->pick.chosen.points
					   ? points * pv
					   : 0;
		int mult = s->pick.chosen.tier != NULL ? s->pick.chosen.tier->multiplier : 100;
		int64_t earn = rule_earned(amount - discount, app->shop.p.earn_unit, mult);
		char *m = money_text(app, amount);
		char *n = fmt_int(app->loc, earn);
		/* TRANSLATORS: after the amount field: the currency, the amount as read
		 * and the points it will earn: "IRT  = 450,000  +45 pts". */
		char *t = xasprintf(P_("%s  = %s  +%s pt", "%s  = %s  +%s pts", earn), h, m, n);
		free(m);
		free(n);
		free(h);
		h = t;
	}
	draw_ui(app, y, x, w, h, ALIGN_START, LOOK_DIM);
	free(h);
}

/* "(up to 1,240 = 124,000)": the most points can pay now. */
static void draw_points_hint(struct app *app, struct purchase *s, int y, int x, int w)
{
	if (s->pick.id == 0 || s->done)
		return;
	int64_t balance = s->pick.chosen.points, pv = app->shop.p.point_value;
	if (balance <= 0) {
		draw_ui(app, y, x, w, _("(no points to pay with)"), ALIGN_START, LOOK_DIM);
		return;
	}
	int64_t amount = 0, most = balance, typed = 0;
	if (typed_amount(s, app, &amount) == MONEY_OK && amount / pv < most)
		most = amount / pv;
	char *n = fmt_int(app->loc, most);
	char *v = money_text(app, most * pv);
	char *t;
	if (typed_points(s, &typed) > 0 && typed <= most) {
		char *off = money_text(app, typed * pv);
		char *pay = money_text(app, amount - typed * pv);
		/* TRANSLATORS: after the points field: "= 10,000 off, 440,000 to pay (up to
		 * 1,240)". */
		t = xasprintf(_("= %s off, %s to pay (up to %s)"), off, pay, n);
		free(off);
		free(pay);
	} else {
		/* TRANSLATORS: after the points field: the most points that can pay and
		 * their money value. */
		t = xasprintf(_("(up to %s = %s)"), n, v);
	}
	draw_ui(app, y, x, w, t, ALIGN_START, LOOK_DIM);
	free(t);
	free(n);
	free(v);
}

static void draw_pay(struct app *app, struct purchase *s, int y, int x, int w)
{
	bool focused = !s->done && s->focus == ON_PAY;
	size_t focus = s->pay.focus;
	if (!focused)
		s->pay.focus = s->pay.n; /* no label stands out */
	form_draw(app, &s->pay, y, x, w);
	s->pay.focus = focus;
	int hx = x + s->pay.label_width + pay_fields[PAY_AMOUNT].width + 1;
	if (s->pay.errors[PAY_AMOUNT] == NULL && hx < x + w)
		draw_amount_hint(app, s, y, hx, x + w - hx);
	hx = x + s->pay.label_width + pay_fields[PAY_POINTS].width + 1;
	if (!s->pay.hidden[PAY_POINTS] && s->pay.errors[PAY_POINTS] == NULL && hx < x + w)
		draw_points_hint(app, s, y + 1, hx, x + w - hx);
}

/* Pieces of one line drawn one after the other in reading order (names
 * and numbers each in their own direction); returns the next x. */
static int piece(struct app *app, int y, int x, int end, const char *text, enum bidi_dir dir,
		 enum look look)
{
	if (x >= end)
		return x;
	return x + draw_text(app, y, x, end - x, text, dir, ALIGN_START, look);
}

static void draw_recorded(struct app *app, struct purchase *s, int y, int x, int w, int maxh)
{
	const struct purchase_result *r = &s->res;
	int lines = 3 + (r->points_paid > 0) + (r->tier_changed != 0);
	int h = lines + 2;
	if (h > maxh)
		h = maxh;
	if (h < 3)
		return;
	for (int i = 0; i < h; i++)
		draw_fill(app, y + i, x, w, LOOK_NORMAL);
	draw_box(app, y, x, h, w, _("Recorded"));
	int ix = x + 2, end = x + w - 2, row = y + 1, last = y + h - 1;

	/* Ali Karimi · 450,000 IRT                              no. 12 */
	char *amount = money_text(app, r->amount);
	char *cur = xasprintf("%s %s", amount, app->shop.p.currency);
	char *no = fmt_int(app->loc, r->purchase_id);
	/* TRANSLATORS: the number of a recorded purchase, "no. 12" (for returns). */
	char *nos = xasprintf(_("no. %s"), no);
	int cx = piece(app, row, ix, end, s->name, BIDI_AUTO, LOOK_TITLE);
	cx = piece(app, row, cx, end, " \u00b7 ", BIDI_LTR, LOOK_NORMAL);
	piece(app, row, cx, end, cur, BIDI_LTR, LOOK_TITLE);
	draw_ui(app, row, ix, end - ix, nos, ALIGN_END, LOOK_DIM);
	free(amount);
	free(cur);
	free(no);
	free(nos);
	row++;

	/* +68 points (Silver ×1.5)          balance 1,308 pts */
	if (row < last) {
		char *t;
		if (r->amount == 0) {
			t = xstrdup(_("A visit with a free item: no points."));
		} else {
			char *n = fmt_int(app->loc, r->points_earned);
			char *m = multiplier_text(app, r->multiplier);
			/* TRANSLATORS: points a purchase earned, with the tier and its multiplier:
			 * "+68 points (Silver ×1.5)". */
			t = xasprintf(P_("+%s point (%s %s)", "+%s points (%s %s)", r->points_earned), n,
				      r->tier_before, m);
			free(n);
			free(m);
		}
		int used = draw_ui(app, row, ix, end - ix, t, ALIGN_START, LOOK_OK);
		free(t);
		char *b = picker_points_text(app, r->points_balance);
		/* TRANSLATORS: the customer's points after the purchase. */
		char *v = picker_value_text(app, r->points_balance);
		char *bal = xasprintf(_("balance %s %s"), b, v != NULL ? v : "");
		free(v);
		int bx = ix + used + 3;
		if (bx < ix + (end - ix) / 2)
			bx = ix + (end - ix) / 2;
		piece(app, row, bx, end, bal, ui_dir(app), LOOK_ACCENT);
		free(b);
		free(bal);
		row++;
	}

	/* Paid with 100 pts: 10,000 off, 440,000 to collect */
	if (r->points_paid > 0 && row < last) {
		char *p = picker_points_text(app, r->points_paid);
		char *d = money_text(app, r->discount);
		char *c = money_text(app, r->paid);
		/* TRANSLATORS: points that paid part of a purchase, the discount they gave
		 * and the money still to collect. */
		char *t = xasprintf(_("Paid with %s: %s off, %s to collect"), p, d, c);
		draw_ui(app, row, ix, end - ix, t, ALIGN_START, LOOK_NORMAL);
		free(t);
		free(p);
		free(d);
		free(c);
		row++;
	}

	/* ▲ Gold: a new tier */
	if (r->tier_changed && row < last) {
		const struct tier *before = shop_tier_named(&app->shop, r->tier_before);
		const struct tier *after = shop_tier_named(&app->shop, r->tier);
		bool up = before == NULL || after == NULL || after->min_spend > before->min_spend;
		char *t = xasprintf("%s %s", up ? "\u25b2" : "\u25bc", r->tier);
		int cxx = piece(app, row, ix, end, t, BIDI_AUTO, LOOK_SELECT);
		free(t);
		char *m = after != NULL ? multiplier_text(app, after->multiplier) : xstrdup("");
		/* TRANSLATORS: after a tier change, "▲ Gold  new tier: ×2 points from now on". */
		char *u = xasprintf(_("new tier: %s points from now on"), m);
		piece(app, row, cxx + 2, end, u, ui_dir(app), LOOK_ACCENT);
		free(m);
		free(u);
		row++;
	}

	/* 1,650,000 more within 365 days to reach Gold (×2) */
	if (row < last) {
		if (r->next_tier[0] != '\0' && r->next_tier_missing > 0) {
			const struct tier *next = shop_tier_named(&app->shop, r->next_tier);
			char *miss = money_text(app, r->next_tier_missing);
			char *days = fmt_int(app->loc, app->shop.p.tier_window_days);
			char *m = next != NULL ? multiplier_text(app, next->multiplier) : xstrdup("");
			/* TRANSLATORS: the spend still missing for the next tier, within the
			 * tier window: "1,650,000 more within 365 days to reach Gold (×2)". */
			char *t = xasprintf(P_("%s more within %s day to reach %s (%s)",
					       "%s more within %s days to reach %s (%s)",
					       app->shop.p.tier_window_days),
					    miss, days, r->next_tier, m);
			draw_ui(app, row, ix, end - ix, t, ALIGN_START, LOOK_NORMAL);
			free(t);
			free(miss);
			free(days);
			free(m);
		} else {
			char *t = xasprintf(_("%s is the top tier."), r->tier);
			draw_ui(app, row, ix, end - ix, t, ALIGN_START, LOOK_DIM);
			free(t);
		}
	}
}

static void purchase_draw(struct app *app, void *state)
{
	struct purchase *s = state;
	int x = 1, w = app->cols - 2;
	/* TRANSLATORS: the title of the purchase screen (the key bar's word
	 * for F3 is "Purchase" without a context). */
	int tw = draw_ui(app, 1, x, w, C_("screen title", "Purchase"), ALIGN_START, LOOK_TITLE);
	/* The program's rule, as a reminder. */
	char *unit = money_text(app, app->shop.p.earn_unit);
	char *one = fmt_int(app->loc, 1);
	/* TRANSLATORS: the program's rule: "1 point per 10,000 IRT"; the first
	 * %s is the number of points (always 1), then the amount and the
	 * currency. */
	char *rule = xasprintf(P_("%s point per %s %s", "%s points per %s %s", 1), one, unit,
			       app->shop.p.currency);
	draw_ui(app, 1, x + tw + 2, w - tw - 2, rule, ALIGN_END, LOOK_DIM);
	free(one);
	free(unit);
	free(rule);

	int lw = picker_label_width();
	for (size_t i = 0; i < PAY__COUNT; i++) {
		int l = text_width(_(pay_fields[i].label)) + 2;
		if (l > lw)
			lw = l;
	}
	s->pick.form.label_min = lw;
	s->pay.label_min = lw;

	int y = 3;
	bool on_customer = !s->done && s->focus == ON_CUSTOMER;
	/* The matches take what they need (at most 7 rows); the amount follows. */
	int used = picker_draw(app, &s->pick, y, x, w, PICKER_ROWS + 2, on_customer);
	if (used < 2)
		used = 2;
	s->pay_y = y + used + 1;
	draw_pay(app, s, s->pay_y, x, w);

	if (s->done) {
		int by = s->pay_y + 3;
		int bw = w < 78 ? w : 78;
		draw_recorded(app, s, by, x, bw, app->rows - 3 - by);
		set_bar((const enum action[]){ACT_NEW, ACT_REDEEM, ACT_BACK, ACT_HELP, ACT_QUIT,
					      ACT_NONE});
		return;
	}
	if (on_customer) {
		set_bar((const enum action[]){ACT_PICK, ACT_BACK, ACT_ENROLL, ACT_HELP, ACT_QUIT,
					      ACT_NONE});
		picker_place_cursor(app, &s->pick, y, x);
	} else {
		if (s->pay.focus == PAY_AMOUNT && !s->pay.hidden[PAY_POINTS])
			set_bar((const enum action[]){ACT_RECORD, ACT_PAY_POINTS, ACT_BACK,
						      ACT_REDEEM, ACT_HELP, ACT_QUIT, ACT_NONE});
		else
			set_bar((const enum action[]){ACT_RECORD, ACT_BACK, ACT_REDEEM, ACT_HELP,
						      ACT_QUIT, ACT_NONE});
		form_place_cursor(app, &s->pay, s->pay_y, x);
	}
}

const struct screen_ops screen_purchase = {
	.name = "purchase",
	.enter = purchase_enter,
	.draw = purchase_draw,
	.key = purchase_key,
	.leave = purchase_leave,
	.dirty = purchase_dirty,
	.resume = purchase_resume,
	.customer = purchase_customer,
	.bar = purchase_bar,
};
