/* scr_settings.c -- the owner's settings (DESIGN.md sections 5 and 9):
 * the program's settings, the tiers and the rewards catalog, one section
 * at a time.
 *
 * Tab and Shift-Tab (or the digits 1-3) switch sections.  In the program
 * section Enter changes the highlighted setting in a dialog
 * (engine/shop.h program_set validates; a refusal is shown and the
 * dialog opens again with what was typed).  In the tiers and the rewards
 * catalog Enter changes the highlighted row and n adds one, through a
 * form under the list.
 *
 * Once the shop has an owner, these changes need the owner's PIN: the
 * first refused change asks for it, and the PIN holds until the screen is
 * left (the person acting before is put back then).
 *
 * Sections to come (issue "Trust"): staff and the audit trail.  They go
 * in `sections` below, each with its count/draw/enter functions. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/reward.h"
#include "engine/shop.h"
#include "engine/staff.h"
#include "store/rewards.h"
#include "store/settings.h"
#include "text/calendar.h"
#include "text/digits.h"
#include "text/i18n.h"
#include "text/money.h"
#include "text/tz.h"
#include "text/utf8.h"
#include "text/xalloc.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/list.h"

enum section {
	SEC_PROGRAM,
	SEC_TIERS,
	SEC_REWARDS,
	/* SEC_STAFF, SEC_AUDIT: later. */
	SEC__COUNT
};

static const char *const section_titles[SEC__COUNT] = {
	N_("Program"),
	N_("Tiers"),
	N_("Rewards catalog"),
};

enum edit_kind { EDIT_NONE, EDIT_TIER, EDIT_REWARD };

/* The tier form. */
enum { TF_NAME, TF_MIN, TF_MULT, TF_DISC, TF__COUNT };
static const struct field_def tier_fields[TF__COUNT] = {
	{N_("Name"), FIELD_TEXT, FDIR_AUTO, 24, 40, NULL, NULL},
	{N_("Minimum spend"), FIELD_AMOUNT, FDIR_LTR, 16, 24,
	 N_("spend over the tier window"), NULL},
	{N_("Multiplier %"), FIELD_NUMBER, FDIR_LTR, 6, 5, N_("100 = \u00d71, 150 = \u00d71.5"),
	 NULL},
	{N_("Discount %"), FIELD_NUMBER, FDIR_LTR, 4, 3, N_("shown to the cashier"), NULL},
};

/* The reward form. */
enum { RF_CODE, RF_NAME, RF_POINTS, RF_COPAY, RF_STOCK, RF_FROM, RF_TO, RF__COUNT };
static const struct field_def reward_fields[RF__COUNT] = {
	{N_("Code"), FIELD_TEXT, FDIR_LTR, 12, 32, N_("letters, digits, - and _"), NULL},
	{N_("Name"), FIELD_TEXT, FDIR_AUTO, 30, 120, NULL, NULL},
	{N_("Points"), FIELD_NUMBER, FDIR_LTR, 10, 13, N_("the cost, at least 1"), NULL},
	{N_("Co-payment"), FIELD_AMOUNT, FDIR_LTR, 12, 24, N_("cash on top; empty: none"), NULL},
	{N_("Stock left"), FIELD_NUMBER, FDIR_LTR, 8, 10, N_("empty: no limit"), NULL},
	{N_("From"), FIELD_DATE, FDIR_LTR, 12, 10, N_("first day, YYYY-MM-DD; empty: already"), NULL},
	{N_("To"), FIELD_DATE, FDIR_LTR, 12, 10, N_("last day, YYYY-MM-DD; empty: no end"), NULL},
};

struct settings_screen {
	struct app *app; /* the tiers are the shop's (app->shop) */
	enum section sec;
	struct list lists[SEC__COUNT];
	struct reward *rewards;
	size_t nrewards;
	/* The form under the list. */
	enum edit_kind edit;
	bool adding;
	struct form form;
	char *orig_name;       /* the tier or the reward's code being changed */
	int64_t orig_min;      /* the tier's minimum spend before */
	int64_t orig_redeemed; /* the reward's redemptions so far */
	/* The owner's PIN was given here: who acted before. */
	bool signed_in;
	struct actor before;
};

static enum action settings_bar[8];

static void set_bar(const enum action *acts)
{
	size_t i = 0;
	for (; acts[i] != ACT_NONE && i + 1 < sizeof settings_bar / sizeof settings_bar[0]; i++)
		settings_bar[i] = acts[i];
	settings_bar[i] = ACT_NONE;
}

/* ---- loading ---- */

static void load_rewards(struct app *app, struct settings_screen *s)
{
	struct werr e = {0};
	rewards_free(s->rewards, s->nrewards);
	s->rewards = NULL;
	s->nrewards = 0;
	if (rewards_list(app->st, &s->rewards, &s->nrewards, &e) != 0)
		app_error(app, &e);
}

/* ---- the owner's PIN ---- */

/* Asks for the owner's PIN after a W_AUTH refusal; true when it was
 * right (the change can be tried again). */
static bool ask_owner(struct app *app, struct settings_screen *s)
{
	char *pin = dialog_input(app, _("Owner's PIN"),
				 _("This change needs the owner's PIN. PIN"), BIDI_LTR, NULL,
				 true);
	if (pin == NULL)
		return false;
	if (!s->signed_in)
		s->before = *store_actor(app->st);
	struct werr e = {0};
	int r = staff_login(app->st, "owner", pin, &e);
	memset(pin, 0, strlen(pin));
	free(pin);
	if (r != 0) {
		app_error(app, &e);
		return false;
	}
	s->signed_in = true;
	return true;
}

/* ---- formatting ---- */

static char *money(struct app *app, int64_t v)
{
	return fmt_money(app->loc, v, app->shop.p.decimals);
}

/* A date of the shop's calendar as "YYYY-MM-DD" (a new string; "" for
 * TIME_NONE). */
static char *date_numeric(struct app *app, int64_t t, bool localize)
{
	if (t == TIME_NONE)
		return xstrdup("");
	char *d = cal_format(app->shop.p.calendar, app->shop.p.timezone, app->loc->lang,
			     localize ? app->loc->digits : DIGITS_LATIN, t, DATE_NUMERIC);
	return d != NULL ? d : xstrdup("");
}

/* Parses "YYYY-MM-DD" in the shop's calendar (digits of any script) as
 * the local midnight of that day, or of the day after when day_after.
 * Returns 0, or -1 when it is not a date of that calendar. */
static int parse_shop_date(struct app *app, const char *text, bool day_after, int64_t *out)
{
	char *a = digits_to_ascii(text);
	char *t = a != NULL ? utf8_trim(a) : NULL;
	free(a);
	if (t == NULL)
		return -1;
	int y, m, d, n = 0;
	int ok = strlen(t) == 10 && sscanf(t, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10;
	free(t);
	int gy, gm, gd;
	if (!ok || cal_to_gregorian(app->shop.p.calendar, y, m, d, &gy, &gm, &gd) != 0)
		return -1;
	/* The day after: tz_local_to_utc rolls a day past the month's end
	 * over. */
	struct civil c = {.year = gy, .month = gm, .day = gd + (day_after ? 1 : 0)};
	return tz_local_to_utc(app->shop.p.timezone, &c, out);
}

/* A whole number from a field (digits of any script); -1 when it is not
 * one. */
static int parse_count(const char *text, int64_t max, int64_t *out)
{
	char *a = digits_to_ascii(text);
	char *t = a != NULL ? utf8_trim(a) : NULL;
	free(a);
	if (t == NULL)
		return -1;
	size_t n = strlen(t);
	int r = -1;
	if (n > 0 && n <= 13 && strspn(t, "0123456789") == n) {
		long long v = strtoll(t, NULL, 10);
		if (v <= max) {
			*out = v;
			r = 0;
		}
	}
	free(t);
	return r;
}

static bool blank(const char *text)
{
	return text == NULL || utf8_is_blank(text);
}

/* ---- the program ---- */

static size_t program_count(void *ctx)
{
	(void)ctx;
	return program_nkeys;
}

/* The value of a setting for a person (a new string). */
static char *program_shown(struct app *app, const struct program_key *k)
{
	switch (k->type) {
	case PK_MONEY: {
		char *m = money(app, program_value_int(&app->shop, k));
		char *t = xasprintf("%s %s", m, app->shop.p.currency);
		free(m);
		return t;
	}
	case PK_DAYS: {
		int64_t v = program_value_int(&app->shop, k);
		if (v == 0 && strcmp(k->key, "expiry_days") == 0)
			return xstrdup(_("never"));
		char *n = fmt_int(app->loc, v);
		char *t = xasprintf(P_("%s day", "%s days", v), n);
		free(n);
		return t;
	}
	default: {
		char *v = program_value_text(&app->shop, k);
		if (strcmp(k->key, "decimals") == 0) {
			char *l = fmt_digits(app->loc, v);
			free(v);
			return l;
		}
		return v;
	}
	}
}

struct program_cols {
	int key, value, help;
};

static struct program_cols program_columns(int w)
{
	struct program_cols c = {17, 26, 0};
	c.help = w - c.key - c.value - 2;
	return c;
}

static void program_draw_row(struct app *app, void *ctx, size_t i, int y, int x, int w,
			     bool selected)
{
	(void)ctx;
	const struct program_key *k = &program_keys[i];
	struct program_cols c = program_columns(w);
	enum look look = selected ? LOOK_SELECT : LOOK_NORMAL;
	if (selected)
		draw_fill(app, y, x, w, LOOK_SELECT);
	draw_text(app, y, x, c.key, k->key, BIDI_LTR, ALIGN_START, look);
	char *v = program_shown(app, k);
	enum bidi_dir dir = k->type == PK_TEXT ? BIDI_AUTO
			    : k->type == PK_DAYS || k->type == PK_MONEY ? ui_dir(app)
									: BIDI_LTR;
	draw_text(app, y, x + c.key + 1, c.value, v, dir, ALIGN_START,
		  selected ? look : k->type == PK_FIXED ? LOOK_DIM : LOOK_ACCENT);
	free(v);
	draw_ui(app, y, x + c.key + c.value + 2, c.help, _(k->help), ALIGN_START,
		selected ? look : LOOK_DIM);
}

/* Enter on a setting: a dialog until the value is taken or the person
 * gives up. */
/* One question of the BiDi check: a line drawn the way the screens draw
 * right-to-left text in the current mode.  1 yes, 0 no, -1 Esc. */
static int bidi_ask(struct app *app)
{
	/* A sentence with a name, digits and a Latin code, as a cashier
	 * reads them every day: it must read from the right, with the
	 * number and the code left to right inside it. */
	const char *sample = strcmp(app->loc->lang, "ar") == 0
				     ? "اشترى خالد "
				       "العتيبي ٣ "
				       "منتجات (W7-K3P)."
				     : "علی کریمی "
				       "۳ کالا خرید "
				       "(W7-K3P).";
	for (;;) {
		app_redraw(app);
		int w = app->cols - 8 < 70 ? app->cols - 8 : 70;
		int x = (app->cols - w) / 2, y = (app->rows - 8) / 2;
		for (int r = 0; r < 8; r++)
			draw_fill(app, y + r, x, w, LOOK_NORMAL);
		draw_box(app, y, x, 8, w, _("BiDi check"));
		draw_text(app, y + 2, x + 3, w - 6, sample, BIDI_RTL, ALIGN_START, LOOK_ACCENT);
		draw_ui(app, y + 4, x + 2, w - 4,
			_("Does the line above read correctly from right to left?"), ALIGN_START,
			LOOK_NORMAL);
		/* TRANSLATORS: the keys of the BiDi check; keep y and n. */
		draw_ui(app, y + 6, x + 2, w - 4, _("y: yes    n: no    Esc: leave"), ALIGN_END,
			LOOK_DIM);
		curs_set(0);
		refresh();
		struct key k;
		if (!app_read_key(app, &k, -1) || k.ch == 27)
			return -1;
		if (k.ch == 'y' || k.ch == 'Y' || k.ch == '\n' || k.ch == '\r')
			return 1;
		if (k.ch == 'n' || k.ch == 'N')
			return 0;
	}
}

/* The BiDi check (DESIGN.md section 9): for terminals that reorder text
 * on their own.  The line is shown in the current mode; if it does not
 * read right, in the other; the mode that reads right becomes the `bidi`
 * setting. */
static void bidi_check(struct app *app, struct settings_screen *s)
{
	enum bidi_mode original = app->bidi;
	for (int attempt = 0; attempt < 2; attempt++) {
		int answer = bidi_ask(app);
		if (answer < 0)
			break;
		if (answer == 1) {
			const char *mode = app->bidi == BIDI_APP ? "app" : "terminal";
			struct werr e = {0};
			int r = program_set(app->st, "bidi", mode, &e);
			if (r != 0 && e.status == W_AUTH && ask_owner(app, s))
				r = program_set(app->st, "bidi", mode, &e);
			if (r != 0) {
				app->bidi = original;
				app_error(app, &e);
				return;
			}
			app_reload_shop(app);
			app_message(app, MSG_OK, _("bidi: %s (kept as the setting)"), mode);
			return;
		}
		app->bidi = app->bidi == BIDI_APP ? BIDI_TERMINAL : BIDI_APP;
	}
	app->bidi = original;
	app_message(app, MSG_INFO, _("Nothing changed."));
}

static void program_change(struct app *app, struct settings_screen *s, size_t i)
{
	const struct program_key *k = &program_keys[i];
	if (k->type == PK_FIXED) {
		app_message(app, MSG_ERROR, _("%s is set when the shop is created and cannot change"),
			    k->key);
		return;
	}
	char *before = program_value_text(&app->shop, k);
	char *typed = xstrdup(before);
	char *label = k->type == PK_CHOICE
			      ? xasprintf(_("One of: %s"), k->choices)
			      : xstrdup(k->type == PK_MONEY ? app->shop.p.currency : _("New value"));
	enum bidi_dir dir = k->type == PK_TEXT ? BIDI_AUTO : BIDI_LTR;
	for (;;) {
		char *v = dialog_input(app, k->key, label, dir, typed, false);
		if (v == NULL)
			break;
		free(typed);
		typed = v;
		struct werr e = {0};
		int r = program_set(app->st, k->key, typed, &e);
		if (r != 0 && e.status == W_AUTH && ask_owner(app, s))
			r = program_set(app->st, k->key, typed, &e);
		if (r == 0) {
			app_reload_shop(app);
			char *after = program_value_text(&app->shop, k);
			if (strcmp(k->key, "lang") == 0 || strcmp(k->key, "digits") == 0 ||
			    strcmp(k->key, "bidi") == 0)
				app_message(app, MSG_OK,
					    _("%s: %s \u2192 %s (the screens follow it when wafa "
					      "starts again)"),
					    k->key, before, after);
			else
				app_message(app, MSG_OK, "%s: %s \u2192 %s", k->key, before, after);
			free(after);
			break;
		}
		if (e.status == W_DB || e.status == W_AUTH) {
			if (e.status == W_DB)
				app_error(app, &e);
			else
				app_message(app, MSG_ERROR, "%s", e.msg);
			break;
		}
		/* Refused: say why, and offer what was typed again. */
		app_message(app, MSG_ERROR, "%s", e.msg);
	}
	free(label);
	free(typed);
	free(before);
}

/* ---- tiers ---- */

static size_t tiers_count(void *ctx)
{
	return ((struct settings_screen *)ctx)->app->shop.ntiers;
}

struct tier_cols {
	int name, min, mult, disc;
};

static struct tier_cols tier_columns(void)
{
	struct tier_cols c = {24, 18, 10, 10};
	return c;
}

static char *multiplier_text(struct app *app, int pct)
{
	char buf[32];
	if (pct % 100 == 0)
		snprintf(buf, sizeof buf, "\u00d7%d", pct / 100);
	else if (pct % 10 == 0)
		snprintf(buf, sizeof buf, "\u00d7%d.%d", pct / 100, (pct % 100) / 10);
	else
		snprintf(buf, sizeof buf, "\u00d7%d.%02d", pct / 100, pct % 100);
	return fmt_digits(app->loc, buf);
}

static void tier_draw_row(struct app *app, void *ctx, size_t i, int y, int x, int w,
			  bool selected)
{
	(void)ctx;
	const struct tier *t = &app->shop.tiers[i];
	struct tier_cols c = tier_columns();
	enum look look = selected ? LOOK_SELECT : LOOK_NORMAL;
	if (selected)
		draw_fill(app, y, x, w, LOOK_SELECT);
	int cx = x;
	draw_text(app, y, cx, c.name, t->name, BIDI_AUTO, ALIGN_START, look);
	cx += c.name + 1;
	char *m = money(app, t->min_spend);
	draw_text(app, y, cx, c.min, m, BIDI_LTR, ALIGN_END, selected ? look : LOOK_ACCENT);
	free(m);
	cx += c.min + 2;
	char *mu = multiplier_text(app, t->multiplier);
	draw_text(app, y, cx, c.mult, mu, BIDI_LTR, ALIGN_START, look);
	free(mu);
	cx += c.mult + 1;
	char *d = fmt_percent(app->loc, t->discount / 100.0);
	draw_text(app, y, cx, c.disc, t->discount > 0 ? d : "\u2013", BIDI_LTR, ALIGN_START, look);
	free(d);
}

/* ---- rewards ---- */

static size_t rewards_count(void *ctx)
{
	return ((struct settings_screen *)ctx)->nrewards;
}

struct reward_cols {
	int code, name, points, copay, stock, dates;
};

/* The dates get a column on wide screens; at 80 columns the name needs
 * the room, and the highlighted reward's dates show under the list. */
static struct reward_cols reward_columns(int w)
{
	struct reward_cols c = {10, 0, 8, 11, 6, w >= 100 ? 23 : 0};
	c.name = w - c.code - c.points - c.copay - c.stock - c.dates - 5;
	return c;
}

/* "from 1405-09-01 to 1405-10-30" (a new string; "" without dates). */
static char *reward_dates(struct app *app, const struct reward *r)
{
	if (r->active_from == TIME_NONE && r->active_to == TIME_NONE)
		return xstrdup("");
	char *from = date_numeric(app, r->active_from, true);
	char *to = r->active_to != TIME_NONE ? date_numeric(app, r->active_to - 1, true)
					     : xstrdup("");
	char *t;
	if (r->active_to == TIME_NONE)
		t = xasprintf(_("from %s"), from);
	else if (r->active_from == TIME_NONE)
		t = xasprintf(_("until %s"), to);
	else
		t = xasprintf(_("from %s to %s"), from, to);
	free(from);
	free(to);
	return t;
}

static void reward_draw_row(struct app *app, void *ctx, size_t i, int y, int x, int w,
			    bool selected)
{
	struct settings_screen *s = ctx;
	const struct reward *r = &s->rewards[i];
	struct reward_cols c = reward_columns(w);
	enum look look = selected ? LOOK_SELECT : LOOK_NORMAL;
	bool available = reward_available(r, app_now(app));
	if (selected)
		draw_fill(app, y, x, w, LOOK_SELECT);
	int cx = x;
	draw_text(app, y, cx, c.code, r->code, BIDI_LTR, ALIGN_START, look);
	cx += c.code + 1;
	draw_text(app, y, cx, c.name, r->name, BIDI_AUTO, ALIGN_START,
		  selected || available ? look : LOOK_DIM);
	cx += c.name + 1;
	char *p = fmt_int(app->loc, r->points);
	draw_text(app, y, cx, c.points, p, BIDI_LTR, ALIGN_END, selected ? look : LOOK_ACCENT);
	free(p);
	cx += c.points + 1;
	char *cp = r->copay > 0 ? money(app, r->copay) : xstrdup("\u2013");
	draw_text(app, y, cx, c.copay, cp, BIDI_LTR, ALIGN_END, look);
	free(cp);
	cx += c.copay + 1;
	char *st = r->stock == STOCK_UNLIMITED ? xstrdup("\u221e")
					       : fmt_int(app->loc, r->stock - r->redeemed);
	draw_text(app, y, cx, c.stock, st, BIDI_LTR, ALIGN_END,
		  selected ? look
		  : r->stock != STOCK_UNLIMITED && r->stock - r->redeemed <= 0 ? LOOK_ERROR
									       : look);
	free(st);
	cx += c.stock + 2;
	if (c.dates > 0) {
		char *dates = reward_dates(app, r);
		draw_ui(app, y, cx, c.dates, dates, ALIGN_START,
			selected || available ? look : LOOK_DIM);
		free(dates);
	}
}

/* Under the list: the highlighted reward in full. */
static void reward_detail(struct app *app, const struct reward *r, int y, int x, int w)
{
	char *pts = fmt_int(app->loc, r->points);
	char *cost = xasprintf(P_("%s point", "%s points", r->points), pts);
	char *copay = r->copay > 0 ? money(app, r->copay) : NULL;
	char *with = copay != NULL ? xasprintf(_("%s + %s co-payment"), cost, copay) : xstrdup(cost);
	char *stock;
	if (r->stock == STOCK_UNLIMITED) {
		stock = xstrdup(_("no stock limit"));
	} else {
		char *left = fmt_int(app->loc, r->stock - r->redeemed);
		stock = xasprintf(P_("%s left", "%s left", r->stock - r->redeemed), left);
		free(left);
	}
	char *dates = reward_dates(app, r);
	bool available = reward_available(r, app_now(app));
	char *line = xasprintf("%s \u00b7 %s \u00b7 %s", r->name, with, stock);
	const char *now = available ? _("can be redeemed now") : _("cannot be redeemed now");
	char *when = *dates ? xasprintf("%s \u00b7 %s", dates, now) : xstrdup(now);
	draw_hline(app, y - 2, x, w);
	draw_text(app, y - 1, x, w, line, BIDI_AUTO, ALIGN_START, LOOK_NORMAL);
	draw_ui(app, y, x, w, when, ALIGN_START, available ? LOOK_OK : LOOK_ERROR);
	free(when);
	free(line);
	free(dates);
	free(stock);
	free(with);
	free(copay);
	free(cost);
	free(pts);
}

static const struct list_ops section_ops[SEC__COUNT] = {
	{program_count, program_draw_row, NULL, NULL},
	{tiers_count, tier_draw_row, NULL, NULL},
	{rewards_count, reward_draw_row, NULL, NULL},
};

/* ---- the forms ---- */

static void edit_close(struct settings_screen *s)
{
	if (s->edit != EDIT_NONE)
		form_free(&s->form);
	s->edit = EDIT_NONE;
	free(s->orig_name);
	s->orig_name = NULL;
}

static void tier_form_open(struct app *app, struct settings_screen *s, const struct tier *t)
{
	edit_close(s);
	form_init(&s->form, tier_fields, TF__COUNT);
	s->edit = EDIT_TIER;
	s->adding = t == NULL;
	if (t != NULL) {
		char *m = money_format_plain(t->min_spend, app->shop.p.decimals);
		char buf[16];
		form_set(&s->form, TF_NAME, t->name);
		form_set(&s->form, TF_MIN, m);
		snprintf(buf, sizeof buf, "%d", t->multiplier);
		form_set(&s->form, TF_MULT, buf);
		snprintf(buf, sizeof buf, "%d", t->discount);
		form_set(&s->form, TF_DISC, buf);
		free(m);
		s->orig_name = xstrdup(t->name);
		s->orig_min = t->min_spend;
	} else {
		form_set(&s->form, TF_MULT, "100");
		form_set(&s->form, TF_DISC, "0");
	}
	form_focus(&s->form, TF_NAME);
}

static void reward_form_open(struct app *app, struct settings_screen *s, const struct reward *r)
{
	edit_close(s);
	form_init(&s->form, reward_fields, RF__COUNT);
	s->edit = EDIT_REWARD;
	s->adding = r == NULL;
	if (r != NULL) {
		char buf[32];
		form_set(&s->form, RF_CODE, r->code);
		form_hide(&s->form, RF_CODE, true);
		form_set(&s->form, RF_NAME, r->name);
		snprintf(buf, sizeof buf, "%lld", (long long)r->points);
		form_set(&s->form, RF_POINTS, buf);
		if (r->copay > 0) {
			char *c = money_format_plain(r->copay, app->shop.p.decimals);
			form_set(&s->form, RF_COPAY, c);
			free(c);
		}
		if (r->stock != STOCK_UNLIMITED) {
			snprintf(buf, sizeof buf, "%lld", (long long)(r->stock - r->redeemed));
			form_set(&s->form, RF_STOCK, buf);
		}
		char *d = date_numeric(app, r->active_from, false);
		form_set(&s->form, RF_FROM, d);
		free(d);
		d = r->active_to != TIME_NONE ? date_numeric(app, r->active_to - 1, false)
					      : xstrdup("");
		form_set(&s->form, RF_TO, d);
		free(d);
		s->orig_name = xstrdup(r->code);
		s->orig_redeemed = r->redeemed;
		form_focus(&s->form, RF_NAME);
	} else {
		form_focus(&s->form, RF_CODE);
	}
}

/* Puts an engine refusal next to the field its message names (the engine
 * words them as the command line's options), else on the message line. */
static void refusal_to_field(struct app *app, struct form *f, const struct werr *e,
			     const char *const *prefixes, const int *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(prefixes[i]);
		if (strncmp(e->msg, prefixes[i], len) == 0) {
			const char *rest = e->msg + len;
			while (*rest == ':' || *rest == ' ')
				rest++;
			form_error(f, (size_t)fields[i], rest);
			form_focus(f, (size_t)fields[i]);
			return;
		}
	}
	app_message(app, MSG_ERROR, "%s", e->msg);
}

/* tier_set, asked again after the owner's PIN when it needs it. */
static int tier_apply(struct app *app, struct settings_screen *s, const char *name, int64_t min,
		      int mult, int disc, struct werr *e)
{
	int r = tier_set(app->st, name, min, mult, disc, e);
	if (r != 0 && e->status == W_AUTH && ask_owner(app, s)) {
		werr_clear(e);
		r = tier_set(app->st, name, min, mult, disc, e);
	}
	return r;
}

/* engine_reward_add or _edit, asked again after the owner's PIN. */
static int reward_apply(struct app *app, struct settings_screen *s, const struct reward_input *in,
			struct werr *e)
{
	for (int tries = 0;; tries++) {
		int r;
		if (s->adding) {
			struct reward out = {0};
			r = engine_reward_add(app->st, in, &out, e);
			if (r == 0)
				reward_clear(&out);
		} else {
			r = engine_reward_edit(app->st, in, e);
		}
		if (r == 0 || e->status != W_AUTH || tries > 0 || !ask_owner(app, s))
			return r;
		werr_clear(e);
	}
}

static void tier_save(struct app *app, struct settings_screen *s)
{
	struct form *f = &s->form;
	form_clear_errors(f);
	const char *name = form_get(f, TF_NAME);
	int64_t min = 0, mult = 0, disc = 0;
	if (blank(name))
		form_error(f, TF_NAME, _("give the tier a name"));
	enum money_error me = money_parse(form_get(f, TF_MIN), app->shop.p.decimals, &min);
	if (me != MONEY_OK)
		form_error(f, TF_MIN, money_strerror(me));
	else if (min < 0)
		form_error(f, TF_MIN, _("must not be negative"));
	if (parse_count(form_get(f, TF_MULT), 10000, &mult) != 0)
		form_error(f, TF_MULT, _("a percentage from 0 to 10000"));
	if (parse_count(form_get(f, TF_DISC), 100, &disc) != 0)
		form_error(f, TF_DISC, _("a percentage from 0 to 100"));
	if (form_has_errors(f)) {
		for (size_t i = 0; i < TF__COUNT; i++)
			if (f->errors[i] != NULL) {
				form_focus(f, i);
				break;
			}
		return;
	}
	char *trimmed = utf8_trim(name);
	struct werr e = {0};
	int r = 0;
	/* A new name for a tier: the engine replaces the tier that holds the
	 * same minimum spend under another name, so rename first (at the old
	 * minimum), then change it. */
	if (!s->adding && strcmp(trimmed, s->orig_name) != 0 && min != s->orig_min)
		r = tier_apply(app, s, trimmed, s->orig_min, (int)mult, (int)disc, &e);
	if (r == 0)
		r = tier_apply(app, s, trimmed, min, (int)mult, (int)disc, &e);
	if (r != 0) {
		free(trimmed);
		if (e.status == W_DB) {
			app_error(app, &e);
			return;
		}
		static const char *const prefixes[] = {"tier name", "--min-spend", "--multiplier",
						       "--discount"};
		static const int fields[] = {TF_NAME, TF_MIN, TF_MULT, TF_DISC};
		refusal_to_field(app, f, &e, prefixes, fields, 4);
		app_reload_shop(app);
		return;
	}
	app_reload_shop(app);
	app_message(app, MSG_OK, s->adding ? _("Tier %s added.") : _("Tier %s saved."), trimmed);
	/* Highlight the tier saved. */
	for (size_t i = 0; i < app->shop.ntiers; i++)
		if (strcmp(app->shop.tiers[i].name, trimmed) == 0)
			s->lists[SEC_TIERS].sel = i;
	free(trimmed);
	edit_close(s);
}

static void reward_save(struct app *app, struct settings_screen *s)
{
	struct form *f = &s->form;
	form_clear_errors(f);
	int64_t points = 0, copay = 0, stock = STOCK_UNLIMITED;
	int64_t from = TIME_NONE, to = TIME_NONE;
	if (s->adding && blank(form_get(f, RF_CODE)))
		form_error(f, RF_CODE, _("give the reward a code"));
	if (blank(form_get(f, RF_NAME)))
		form_error(f, RF_NAME, _("give the reward a name"));
	if (parse_count(form_get(f, RF_POINTS), INT64_C(1000000000000), &points) != 0 ||
	    points < 1)
		form_error(f, RF_POINTS, _("a whole number of points, at least 1"));
	if (!blank(form_get(f, RF_COPAY))) {
		enum money_error me =
			money_parse(form_get(f, RF_COPAY), app->shop.p.decimals, &copay);
		if (me != MONEY_OK)
			form_error(f, RF_COPAY, money_strerror(me));
		else if (copay < 0)
			form_error(f, RF_COPAY, _("must not be negative"));
	}
	if (!blank(form_get(f, RF_STOCK))) {
		if (parse_count(form_get(f, RF_STOCK), INT64_C(1000000000), &stock) != 0)
			form_error(f, RF_STOCK, _("a whole number, or empty for no limit"));
		else if (!s->adding)
			stock += s->orig_redeemed; /* the engine counts units ever stocked */
	}
	if (!blank(form_get(f, RF_FROM)) &&
	    parse_shop_date(app, form_get(f, RF_FROM), false, &from) != 0)
		form_error(f, RF_FROM, _("a date of the shop's calendar, YYYY-MM-DD"));
	if (!blank(form_get(f, RF_TO)) && parse_shop_date(app, form_get(f, RF_TO), true, &to) != 0)
		form_error(f, RF_TO, _("a date of the shop's calendar, YYYY-MM-DD"));
	else if (from != TIME_NONE && to != TIME_NONE && to <= from)
		form_error(f, RF_TO, _("must not be before the first day"));
	if (form_has_errors(f)) {
		for (size_t i = 0; i < RF__COUNT; i++)
			if (f->errors[i] != NULL && !f->hidden[i]) {
				form_focus(f, i);
				break;
			}
		return;
	}
	char *code = utf8_trim(s->adding ? form_get(f, RF_CODE) : s->orig_name);
	struct reward_input in = {
		.code = code,
		.name = form_get(f, RF_NAME),
		.points = points,
		.copay = copay,
		.stock = stock,
		.active_from = from,
		.active_to = to,
	};
	struct werr e = {0};
	int r = reward_apply(app, s, &in, &e);
	if (r != 0) {
		free(code);
		if (e.status == W_DB) {
			app_error(app, &e);
			return;
		}
		static const char *const prefixes[] = {"--code", "--name", "--points",
						       "--copay", "--stock", "--from", "--to"};
		static const int fields[] = {RF_CODE,  RF_NAME, RF_POINTS, RF_COPAY,
					     RF_STOCK, RF_FROM, RF_TO};
		refusal_to_field(app, f, &e, prefixes, fields, 7);
		if (f->hidden[RF_CODE] && f->errors[RF_CODE] != NULL) {
			app_message(app, MSG_ERROR, "%s", f->errors[RF_CODE]);
			form_error(f, RF_CODE, NULL);
		}
		return;
	}
	load_rewards(app, s);
	const char *saved = code;
	for (size_t i = 0; i < s->nrewards; i++)
		if (strcasecmp(s->rewards[i].code, code) == 0) {
			s->lists[SEC_REWARDS].sel = i;
			saved = s->rewards[i].code; /* in capitals */
		}
	app_message(app, MSG_OK, s->adding ? _("Reward %s added.") : _("Reward %s saved."), saved);
	free(code);
	edit_close(s);
}

/* ---- the screen ---- */

static void *settings_enter(struct app *app, void *arg)
{
	(void)arg;
	struct settings_screen *s = xcalloc(1, sizeof *s);
	s->app = app;
	for (int i = 0; i < SEC__COUNT; i++)
		list_init(&s->lists[i], &section_ops[i], s);
	load_rewards(app, s);
	return s;
}

static void settings_leave(struct app *app, void *state)
{
	struct settings_screen *s = state;
	if (s->signed_in)
		store_set_actor(app->st, &s->before);
	edit_close(s);
	rewards_free(s->rewards, s->nrewards);
	free(s);
}

static bool settings_dirty(void *state)
{
	struct settings_screen *s = state;
	return s->edit != EDIT_NONE && s->form.dirty;
}

static void draw_tabs(struct app *app, struct settings_screen *s)
{
	draw_ui(app, 1, 1, 12, _("Settings"), ALIGN_START, LOOK_TITLE);
	int x = 1 + text_width(_("Settings")) + 3;
	for (int i = 0; i < SEC__COUNT; i++) {
		char digit[2] = {(char)('1' + i), '\0'};
		char *d = fmt_digits(app->loc, digit);
		const char *t = _(section_titles[i]);
		int w = text_width(t) + 4;
		bool on = (int)s->sec == i;
		draw_fill(app, 1, x, w, on ? LOOK_SELECT : LOOK_NORMAL);
		draw_text(app, 1, x + 1, 1, d, BIDI_LTR, ALIGN_START, on ? LOOK_SELECT : LOOK_BAR_KEY);
		draw_ui(app, 1, x + 3, w - 3, t, ALIGN_START, on ? LOOK_SELECT : LOOK_NORMAL);
		free(d);
		x += w + 1;
	}
}

static void draw_headers(struct app *app, struct settings_screen *s, int y, int x, int w)
{
	switch (s->sec) {
	case SEC_PROGRAM: {
		struct program_cols c = program_columns(w);
		/* TRANSLATORS: column titles of the program settings. */
		draw_ui(app, y, x, c.key, _("Setting"), ALIGN_START, LOOK_DIM);
		draw_ui(app, y, x + c.key + 1, c.value, _("Value"), ALIGN_START, LOOK_DIM);
		draw_ui(app, y, x + c.key + c.value + 2, c.help, _("What it does"), ALIGN_START,
			LOOK_DIM);
		break;
	}
	case SEC_TIERS: {
		struct tier_cols c = tier_columns();
		int cx = x;
		draw_ui(app, y, cx, c.name, _("Tier"), ALIGN_START, LOOK_DIM);
		cx += c.name + 1;
		draw_ui(app, y, cx, c.min, _("Minimum spend"), ALIGN_END, LOOK_DIM);
		cx += c.min + 2;
		draw_ui(app, y, cx, c.mult, _("Points"), ALIGN_START, LOOK_DIM);
		cx += c.mult + 1;
		draw_ui(app, y, cx, c.disc, _("Discount"), ALIGN_START, LOOK_DIM);
		break;
	}
	default: {
		struct reward_cols c = reward_columns(w);
		int cx = x;
		draw_ui(app, y, cx, c.code, _("Code"), ALIGN_START, LOOK_DIM);
		cx += c.code + 1;
		draw_ui(app, y, cx, c.name, _("Reward"), ALIGN_START, LOOK_DIM);
		cx += c.name + 1;
		draw_ui(app, y, cx, c.points, _("Points"), ALIGN_END, LOOK_DIM);
		cx += c.points + 1;
		draw_ui(app, y, cx, c.copay, _("Co-payment"), ALIGN_END, LOOK_DIM);
		cx += c.copay + 1;
		/* TRANSLATORS: column title: units of the reward left; keep short. */
		draw_ui(app, y, cx, c.stock, _("Left"), ALIGN_END, LOOK_DIM);
		cx += c.stock + 2;
		if (c.dates > 0)
			draw_ui(app, y, cx, c.dates, _("Dates"), ALIGN_START, LOOK_DIM);
		break;
	}
	}
}

static void settings_draw(struct app *app, void *state)
{
	struct settings_screen *s = state;
	if (s->edit != EDIT_NONE) {
		static const enum action bar[] = {ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD,
						  ACT_BACK, ACT_NONE};
		set_bar(bar);
	} else if (s->sec == SEC_PROGRAM) {
		static const enum action bar[] = {ACT_CHANGE, ACT_BIDI_CHECK, ACT_SECTION,
						  ACT_BACK,   ACT_HELP,       ACT_NONE};
		set_bar(bar);
	} else {
		static const enum action bar[] = {ACT_CHANGE, ACT_ADD,  ACT_SECTION,
						  ACT_BACK,   ACT_HELP, ACT_NONE};
		set_bar(bar);
	}
	draw_tabs(app, s);
	int x = 2, w = app->cols - 4;
	draw_headers(app, s, 3, x, w);
	int bottom = app->rows - 3; /* last row above the message line */
	int form_rows = 0;
	if (s->edit != EDIT_NONE) {
		size_t shown = 0;
		for (size_t i = 0; i < s->form.n; i++)
			shown += !s->form.hidden[i];
		form_rows = (int)shown + 2;
	}
	int list_bottom = bottom - (form_rows > 0		 ? form_rows
				    : s->sec == SEC_PROGRAM ? 2
				    : s->sec == SEC_REWARDS ? 3
							     : 0);
	struct list *l = &s->lists[s->sec];
	size_t n = l->ops->count(l->ctx);
	if (n == 0)
		draw_ui(app, 4, x, w, s->sec == SEC_REWARDS ? _("No rewards yet: n adds one.") : "",
			ALIGN_START, LOOK_DIM);
	list_draw(app, l, 4, x, list_bottom - 4 + 1, w);
	if (s->edit == EDIT_NONE && s->sec == SEC_PROGRAM) {
		/* The whole help of the highlighted setting. */
		size_t i = list_selected(l);
		if (i != SIZE_MAX) {
			draw_hline(app, bottom - 1, x, w);
			draw_ui(app, bottom, x, w, _(program_keys[i].help), ALIGN_START, LOOK_NORMAL);
		}
		return;
	}
	if (s->edit == EDIT_NONE) {
		size_t i = list_selected(l);
		if (s->sec == SEC_REWARDS && i != SIZE_MAX)
			reward_detail(app, &s->rewards[i], bottom, x, w);
		return;
	}
	int fy = bottom - form_rows + 1;
	char *title;
	if (s->edit == EDIT_TIER)
		title = s->adding ? xstrdup(_("New tier"))
				  : xasprintf(_("Tier %s"), s->orig_name);
	else
		title = s->adding ? xstrdup(_("New reward"))
				  : xasprintf(_("Reward %s"), s->orig_name);
	draw_box(app, fy, x - 1, form_rows, w + 2, title);
	free(title);
	form_draw(app, &s->form, fy + 1, x + 1, w - 2);
	form_place_cursor(app, &s->form, fy + 1, x + 1);
}

static int form_keys(struct app *app, struct settings_screen *s, const struct key *k)
{
	enum form_event ev = form_key(app, &s->form, k);
	switch (ev) {
	case FORM_CANCEL:
		if (!s->form.dirty ||
		    dialog_confirm(app, _("Unsaved input"), _("Drop what was typed in this form?")))
			edit_close(s);
		return KF_HANDLED | KF_REDRAW;
	case FORM_SUBMIT:
		if (s->edit == EDIT_TIER)
			tier_save(app, s);
		else
			reward_save(app, s);
		return KF_HANDLED | KF_REDRAW;
	case FORM_IGNORED:
		return KF_HANDLED;
	default:
		return KF_HANDLED | KF_REDRAW;
	}
}

static int settings_key(struct app *app, void *state, const struct key *k)
{
	struct settings_screen *s = state;
	if (s->edit != EDIT_NONE)
		return form_keys(app, s, k);
	if (k->ch == '\t' || k->code == KEY_BTAB) {
		int d = k->ch == '\t' ? 1 : SEC__COUNT - 1;
		s->sec = (enum section)((s->sec + d) % SEC__COUNT);
		return KF_HANDLED | KF_REDRAW;
	}
	if (k->code == 0 && k->ch >= '1' && k->ch < '1' + SEC__COUNT) {
		s->sec = (enum section)(k->ch - '1');
		return KF_HANDLED | KF_REDRAW;
	}
	struct list *l = &s->lists[s->sec];
	int r = list_key(l, k);
	if (r != KF_IGNORED)
		return r;
	bool enter = k->ch == '\n' || k->ch == '\r' || k->code == KEY_ENTER;
	size_t i = list_selected(l);
	switch (s->sec) {
	case SEC_PROGRAM:
		if (enter && i != SIZE_MAX) {
			program_change(app, s, i);
			return KF_HANDLED | KF_REDRAW;
		}
		if (key_is(k, 'b')) {
			bidi_check(app, s);
			return KF_HANDLED | KF_REDRAW;
		}
		break;
	case SEC_TIERS:
		if (enter && i != SIZE_MAX) {
			tier_form_open(app, s, &app->shop.tiers[i]);
			return KF_HANDLED | KF_REDRAW;
		}
		if (key_is(k, 'n')) {
			tier_form_open(app, s, NULL);
			return KF_HANDLED | KF_REDRAW;
		}
		break;
	default:
		if (enter && i != SIZE_MAX) {
			reward_form_open(app, s, &s->rewards[i]);
			return KF_HANDLED | KF_REDRAW;
		}
		if (key_is(k, 'n')) {
			reward_form_open(app, s, NULL);
			return KF_HANDLED | KF_REDRAW;
		}
		break;
	}
	return KF_IGNORED;
}

static void settings_resume(struct app *app, void *state)
{
	load_rewards(app, state);
}

const struct screen_ops screen_settings = {
	.name = "settings",
	.enter = settings_enter,
	.draw = settings_draw,
	.key = settings_key,
	.leave = settings_leave,
	.dirty = settings_dirty,
	.resume = settings_resume,
	.bar = settings_bar,
};
