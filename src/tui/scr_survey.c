/* scr_survey.c -- the survey call list and the answer panel (DESIGN.md
 * section 7, SCREENS.md "Survey calls").
 *
 * The list: customers to call today (store/surveys.h call_list), with
 * the month's NPS at the top.  Enter (or a digit, which also picks the
 * score) opens the answer panel under the list:
 *
 *   score 0-10   a digit picks it at once; 1 then 0 makes 10 (two digits
 *                that form a number up to 10 are read as that number,
 *                any other digit starts again), Left/Right move on the
 *                screen (mirrored in Persian and Arabic, where 0 is on
 *                the right), Home 0, End 10, Backspace clears;
 *   satisfaction 1-5, optional: a digit, Left/Right, Backspace clears;
 *   reason       optional: Left/Right or Space, Backspace clears;
 *   comment      free text in the writer's own direction.
 *
 * Tab/Down and Shift-Tab/Up move between them, Enter moves on and saves
 * on the comment, Ctrl-S saves from anywhere, Esc closes (asking when
 * something was picked).  n, l, r record a call without an answer (no
 * answer, call back later, refused), from the list or from the panel
 * outside the comment.  f shows the detractor follow-ups; Enter there
 * closes the highlighted one with a note. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "engine/rules.h"
#include "engine/survey.h"
#include "store/stats.h"
#include "store/surveys.h"
#include "text/calendar.h"
#include "text/digits.h"
#include "text/i18n.h"
#include "text/phone.h"
#include "text/tz.h"
#include "text/xalloc.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/list.h"

/* The call list shows at most this many customers (the header counts
 * them all). */
#define CALLS_MAX 500
#define FOLLOW_UPS_MAX 500
/* Rows of the answer panel. */
#define PANEL_ROWS 7

enum view { VIEW_CALLS, VIEW_FOLLOW_UPS };
enum panel_field { PF_SCORE, PF_CSAT, PF_REASON, PF_COMMENT, PF__COUNT };

static const char *const csat_labels[5] = {
	N_("completely dissatisfied"), N_("dissatisfied"), N_("neither satisfied nor dissatisfied"),
	N_("satisfied"), N_("completely satisfied"),
};

/* The comment: one field of the form widget (its label is drawn by the
 * panel, in line with the others; the widget draws none). */
static const struct field_def comment_template = {"", FIELD_TEXT, FDIR_AUTO, 40, 1000, NULL,
						  NULL};

/* Column widths of the follow-up list (logical columns from x). */
struct fup_cols {
	int name, phone, score, age, comment;
};

struct survey_screen {
	enum view view;
	/* The call list. */
	struct call_item *calls;
	size_t ncalls;
	int64_t due;
	struct list calls_list;
	/* This month's NPS. */
	bool have_nps;
	int64_t nps_answers, promoters, detractors;
	/* The follow-ups. */
	struct follow_up *fups;
	size_t nfups;
	struct list fups_list;
	struct fup_cols fc; /* set by each draw of the list, for its rows */
	int64_t note_for;   /* follow-up whose note could not be saved */
	char *note;         /* that note, offered again */
	/* The answer panel. */
	bool panel;
	int64_t customer_id;
	char *name, *phone;
	enum panel_field focus;
	int score;          /* -1: not picked */
	char typed[4];      /* the digits typed for the score */
	int csat;           /* 0: not asked */
	int reason;         /* index in survey_reasons, or -1 */
	struct field_def comment_def; /* its width follows the screen */
	struct form comment;
	char *error;        /* the panel's message, or NULL */
	bool touched;       /* something was picked or typed */
	int ticks;          /* idle seconds since the list was read */
};

/* The key bar changes with what is on screen; the app reads it after
 * draw. */
static enum action survey_bar[10];

static void set_bar(const enum action *acts)
{
	size_t i = 0;
	for (; acts[i] != ACT_NONE && i + 1 < sizeof survey_bar / sizeof survey_bar[0]; i++)
		survey_bar[i] = acts[i];
	survey_bar[i] = ACT_NONE;
}

/* ---- loading ---- */

static void load_nps(struct app *app, struct survey_screen *s)
{
	struct werr e = {0};
	int y, m;
	int64_t start, end, passives;
	const struct program *p = &app->shop.p;
	s->have_nps = false;
	if (month_of(p->calendar, p->timezone, app_now(app), &y, &m) != 0 ||
	    month_range(p->calendar, p->timezone, y, m, &start, &end) != 0)
		return;
	/* One indexed count over the month's surveys: the full month report
	 * would apply expiry to every customer first (a write). */
	if (stats_nps(app->st, start, end, &s->nps_answers, &s->promoters, &passives,
		      &s->detractors, &e) != 0) {
		app_error(app, &e);
		return;
	}
	s->have_nps = true;
}

static void load_calls(struct app *app, struct survey_screen *s)
{
	struct werr e = {0};
	call_items_free(s->calls, s->ncalls);
	s->calls = NULL;
	s->ncalls = 0;
	int64_t now = app_now(app);
	if (call_list_count(app->st, now, &s->due, &e) != 0 ||
	    call_list(app->st, now, CALLS_MAX, &s->calls, &s->ncalls, &e) != 0) {
		app_error(app, &e);
		s->due = (int64_t)s->ncalls;
	}
}

static void load_follow_ups(struct app *app, struct survey_screen *s)
{
	struct werr e = {0};
	follow_ups_free(s->fups, s->nfups);
	s->fups = NULL;
	s->nfups = 0;
	if (follow_ups_open_list(app->st, FOLLOW_UPS_MAX, &s->fups, &s->nfups, &e) != 0)
		app_error(app, &e);
}

static void load(struct app *app, struct survey_screen *s)
{
	s->ticks = 0;
	load_calls(app, s);
	load_nps(app, s);
	if (s->view == VIEW_FOLLOW_UPS)
		load_follow_ups(app, s);
}

/* ---- list rows ---- */

static size_t calls_count(void *ctx)
{
	return ((struct survey_screen *)ctx)->ncalls;
}

static size_t fups_count(void *ctx)
{
	return ((struct survey_screen *)ctx)->nfups;
}

/* The phone number grouped, in the UI's digits (a new string). */
static char *phone_text(struct app *app, const char *phone)
{
	if (phone == NULL)
		return xstrdup("");
	char *f = phone_format(phone);
	char *l = fmt_digits(app->loc, f);
	free(f);
	return l;
}

/* The day number of a proleptic Gregorian date (days since 1970-01-01). */
static int64_t day_number(const struct civil *c)
{
	int64_t y = c->year - (c->month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t mp = (c->month + 9) % 12;
	int64_t doy = (153 * mp + 2) / 5 + c->day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Whole days between the local dates of two instants in the shop's zone
 * (a sale yesterday evening is "1 day ago" this morning). */
static int64_t days_between(struct app *app, int64_t from, int64_t to)
{
	struct civil a, b;
	if (tz_utc_to_local(app->shop.p.timezone, from, &a, NULL) != 0 ||
	    tz_utc_to_local(app->shop.p.timezone, to, &b, NULL) != 0)
		return (to - from) / DAY_SECONDS;
	return day_number(&b) - day_number(&a);
}

/* "6 days ago", "today" (a new string). */
static char *days_ago(struct app *app, int64_t at)
{
	int64_t days = days_between(app, at, app_now(app));
	if (days <= 0)
		return xstrdup(_("today"));
	char *n = fmt_int(app->loc, days);
	char *t = xasprintf(P_("%s day ago", "%s days ago", days), n);
	free(n);
	return t;
}

/* Column widths of the call list (logical columns from x). */
struct call_cols {
	int name, phone, when, tier, called;
};

static struct call_cols call_columns(int w)
{
	struct call_cols c = {0, 15, 14, 12, 0};
	if (w >= 110)
		c.called = 16;
	c.name = w - c.phone - c.when - c.tier - c.called - 4;
	return c;
}

static void calls_draw_row(struct app *app, void *ctx, size_t i, int y, int x, int w,
			   bool selected)
{
	struct survey_screen *s = ctx;
	const struct call_item *c = &s->calls[i];
	enum look look = selected ? LOOK_SELECT : LOOK_NORMAL;
	struct call_cols cc = call_columns(w);
	if (selected)
		draw_fill(app, y, x, w, LOOK_SELECT);
	char *ph = phone_text(app, c->phone);
	char *when = days_ago(app, c->sale_at);
	int cx = x;
	draw_text(app, y, cx, cc.name, c->name, BIDI_AUTO, ALIGN_START, look);
	cx += cc.name + 1;
	draw_text(app, y, cx, cc.phone, ph, BIDI_LTR, ALIGN_START, look);
	cx += cc.phone + 1;
	draw_ui(app, y, cx, cc.when, when, ALIGN_START, look);
	cx += cc.when + 1;
	draw_text(app, y, cx, cc.tier, c->tier != NULL ? c->tier : "", BIDI_AUTO, ALIGN_START,
		  selected ? look : LOOK_DIM);
	cx += cc.tier + 1;
	if (c->contacted_at != TIME_NONE) {
		char *t = cal_format(app->shop.p.calendar, app->shop.p.timezone, app->loc->lang,
				     app->loc->digits, c->contacted_at, DATE_TIME);
		/* TRANSLATORS: the customer was called today without an answer, at
		 * that time; keep short. */
		char *called = xasprintf(_("called %s"), t != NULL ? t : "");
		if (cc.called > 0)
			draw_ui(app, y, cx, cc.called, called, ALIGN_START,
				selected ? look : LOOK_DIM);
		free(called);
		free(t);
	}
	free(ph);
	free(when);
}

/* The score and age columns are as wide as their titles and their
 * widest values; the name takes 20 or 26 columns, the comment the rest
 * (at least 12: the name gives way first). */
static struct fup_cols fup_columns(struct app *app, const struct survey_screen *s, int w)
{
	struct fup_cols c = {0, 15, 2, 0, 0};
	/* TRANSLATORS: column title: the 0-10 answer. */
	int tw = text_width(_("Score"));
	if (tw > c.score)
		c.score = tw;
	/* TRANSLATORS: column title: how long the follow-up has been open. */
	c.age = text_width(_("Opened"));
	for (size_t i = 0; i < s->nfups; i++) {
		char *age = days_ago(app, s->fups[i].opened_at);
		if (text_width(age) > c.age)
			c.age = text_width(age);
		free(age);
	}
	c.name = w >= 100 ? 26 : 20;
	c.comment = w - c.name - c.phone - c.score - c.age - 4;
	if (c.comment < 12) {
		c.name -= 12 - c.comment;
		if (c.name < 10)
			c.name = 10;
		c.comment = w - c.name - c.phone - c.score - c.age - 4;
	}
	return c;
}

static void fups_draw_row(struct app *app, void *ctx, size_t i, int y, int x, int w,
			  bool selected)
{
	struct survey_screen *s = ctx;
	const struct follow_up *f = &s->fups[i];
	enum look look = selected ? LOOK_SELECT : LOOK_NORMAL;
	struct fup_cols fc = s->fc;
	if (selected)
		draw_fill(app, y, x, w, LOOK_SELECT);
	char *ph = phone_text(app, f->phone);
	char *score = fmt_int(app->loc, f->score);
	char *age = days_ago(app, f->opened_at);
	int cx = x;
	draw_text(app, y, cx, fc.name, f->name, BIDI_AUTO, ALIGN_START, look);
	cx += fc.name + 1;
	draw_text(app, y, cx, fc.phone, ph, BIDI_LTR, ALIGN_START, look);
	cx += fc.phone + 1;
	draw_text(app, y, cx, fc.score, score, BIDI_LTR, ALIGN_END, selected ? look : LOOK_ERROR);
	cx += fc.score + 1;
	draw_ui(app, y, cx, fc.age, age, ALIGN_START, look);
	cx += fc.age + 1;
	draw_text(app, y, cx, fc.comment, f->comment != NULL ? f->comment : "", BIDI_AUTO,
		  ALIGN_START, selected ? look : LOOK_DIM);
	free(ph);
	free(score);
	free(age);
}

static const struct list_ops calls_ops = {calls_count, calls_draw_row, NULL, NULL};
static const struct list_ops fups_ops = {fups_count, fups_draw_row, NULL, NULL};

/* ---- the panel ---- */

static void panel_error(struct survey_screen *s, const char *msg)
{
	free(s->error);
	s->error = msg != NULL ? xstrdup(msg) : NULL;
}

static void panel_close(struct survey_screen *s)
{
	s->panel = false;
	free(s->name);
	free(s->phone);
	s->name = s->phone = NULL;
	form_free(&s->comment);
	panel_error(s, NULL);
	s->touched = false;
}

static void panel_open(struct survey_screen *s, const struct call_item *c)
{
	if (s->panel)
		panel_close(s);
	s->panel = true;
	s->customer_id = c->customer_id;
	s->name = xstrdup(c->name);
	s->phone = c->phone != NULL ? xstrdup(c->phone) : NULL;
	s->focus = PF_SCORE;
	s->score = -1;
	s->typed[0] = '\0';
	s->csat = 0;
	s->reason = -1;
	s->comment_def = comment_template;
	form_init(&s->comment, &s->comment_def, 1);
	panel_error(s, NULL);
	s->touched = false;
}

/* A digit 0-9 of any script, or -1. */
static int key_digit(const struct key *k)
{
	if (k->code != 0 || k->ch == 0)
		return -1;
	return digit_value((uint32_t)k->ch);
}

/* The score after digit d: the digits typed so far and d, read as a
 * number, when it is at most 10 ("1" "0" is 10); else d alone. */
static void score_digit(struct survey_screen *s, int d)
{
	size_t n = strlen(s->typed);
	if (n == 1 && (s->typed[0] - '0') * 10 + d <= 10) {
		s->typed[1] = (char)('0' + d);
		s->typed[2] = '\0';
		s->score = (s->typed[0] - '0') * 10 + d;
	} else {
		s->typed[0] = (char)('0' + d);
		s->typed[1] = '\0';
		s->score = d;
	}
}

/* Left/Right as a step along the values: on the screen, so mirrored in
 * right-to-left layouts. */
static int visual_step(const struct app *app, const struct key *k)
{
	if (k->code == KEY_RIGHT)
		return app->rtl ? -1 : 1;
	if (k->code == KEY_LEFT)
		return app->rtl ? 1 : -1;
	return 0;
}

static bool is_enter(const struct key *k)
{
	return k->ch == '\n' || k->ch == '\r' || k->code == KEY_ENTER;
}

/* Keys of the picker fields; returns whether the key was used. */
static bool picker_key(struct app *app, struct survey_screen *s, const struct key *k)
{
	int step = visual_step(app, k);
	int d = key_digit(k);
	bool clear = k->code == KEY_BACKSPACE || k->code == KEY_DC || k->ch == 127 || k->ch == 8;
	switch (s->focus) {
	case PF_SCORE:
		if (d >= 0) {
			score_digit(s, d);
		} else if (step != 0) {
			int v = s->score < 0 ? (step > 0 ? 0 : 10) : s->score + step;
			s->score = v < 0 ? 0 : v > 10 ? 10 : v;
			s->typed[0] = '\0';
		} else if (k->code == KEY_HOME) {
			s->score = 0;
			s->typed[0] = '\0';
		} else if (k->code == KEY_END) {
			s->score = 10;
			s->typed[0] = '\0';
		} else if (clear) {
			s->score = -1;
			s->typed[0] = '\0';
		} else {
			return false;
		}
		panel_error(s, NULL);
		break;
	case PF_CSAT:
		if (d >= 1 && d <= 5) {
			s->csat = d;
		} else if (d == 0 || clear) {
			s->csat = 0;
		} else if (step != 0) {
			int v = s->csat == 0 ? (step > 0 ? 1 : 5) : s->csat + step;
			s->csat = v < 1 ? 1 : v > 5 ? 5 : v;
		} else {
			return false;
		}
		break;
	case PF_REASON: {
		int n = (int)survey_nreasons;
		if (k->ch == ' ')
			step = 1;
		if (clear) {
			s->reason = -1;
		} else if (d >= 1 && d <= n) {
			s->reason = d - 1;
		} else if (step != 0) {
			s->reason = s->reason < 0 ? (step > 0 ? 0 : n - 1) : (s->reason + step + n) % n;
		} else {
			return false;
		}
		break;
	}
	default:
		return false;
	}
	s->touched = true;
	return true;
}

static void record_outcome(struct app *app, struct survey_screen *s, int64_t customer_id,
			   const char *name, const char *outcome)
{
	struct werr e = {0};
	if (engine_contact(app->st, customer_id, outcome, NULL, 0, &e) != 0) {
		app_error(app, &e);
		return;
	}
	char *who = xstrdup(name);
	if (s->panel && s->customer_id == customer_id)
		panel_close(s);
	load(app, s);
	if (strcmp(outcome, "no_answer") == 0)
		app_message(app, MSG_OK, _("No answer from %s: the call moves down the list."), who);
	else if (strcmp(outcome, "call_back") == 0)
		app_message(app, MSG_OK, _("Call %s back later: the call moves down the list."),
			    who);
	else
		app_message(app, MSG_OK, _("%s refused: off the call list."), who);
	free(who);
}

static const char *outcome_of(const struct key *k)
{
	if (key_is(k, 'n'))
		return "no_answer";
	if (key_is(k, 'l'))
		return "call_back";
	if (key_is(k, 'r'))
		return "refused";
	return NULL;
}

static void panel_save(struct app *app, struct survey_screen *s)
{
	if (s->score < 0) {
		s->focus = PF_SCORE;
		panel_error(s, _("Pick the score first: a digit from 0 to 10."));
		return;
	}
	struct survey_input in = {
		.customer_id = s->customer_id,
		.score = s->score,
		.csat = s->csat,
		.reason = s->reason >= 0 ? survey_reasons[s->reason].code : NULL,
		.comment = form_get(&s->comment, 0),
		.at = TIME_NONE,
		.staff_id = 0,
	};
	struct survey_result res;
	struct werr e = {0};
	if (engine_survey_add(app->st, &in, &res, &e) != 0) {
		/* The panel keeps what was typed. */
		if (e.status == W_DB)
			app_error(app, &e);
		else
			panel_error(s, e.msg);
		return;
	}
	char *who = xstrdup(s->name);
	char *score = fmt_int(app->loc, s->score);
	const char *cat = res.category == NPS_PROMOTER  ? _("promoter")
			  : res.category == NPS_PASSIVE ? _("passive")
							: _("detractor");
	panel_close(s);
	load(app, s);
	if (res.follow_up)
		app_message(app, MSG_OK,
			    _("Saved: %s from %s (%s). A follow-up was opened: f shows it."),
			    score, who, cat);
	else
		app_message(app, MSG_OK, _("Saved: %s from %s (%s)."), score, who, cat);
	free(score);
	free(who);
}

static int panel_key(struct app *app, struct survey_screen *s, const struct key *k)
{
	if (k->ch == 27) {
		if (s->touched || s->comment.dirty) {
			if (!dialog_confirm(app, _("Survey answer"),
					    _("Close the panel and drop this answer?")))
				return KF_HANDLED | KF_REDRAW;
		}
		panel_close(s);
		return KF_HANDLED | KF_REDRAW;
	}
	if (k->ch == KEY_CTRL('s')) {
		panel_save(app, s);
		return KF_HANDLED | KF_REDRAW;
	}
	if (k->ch == '\t' || k->code == KEY_DOWN) {
		s->focus = (enum panel_field)((s->focus + 1) % PF__COUNT);
		return KF_HANDLED | KF_REDRAW;
	}
	if (k->code == KEY_BTAB || k->code == KEY_UP) {
		s->focus = (enum panel_field)((s->focus + PF__COUNT - 1) % PF__COUNT);
		return KF_HANDLED | KF_REDRAW;
	}
	if (is_enter(k)) {
		if (s->focus == PF_COMMENT)
			panel_save(app, s);
		else
			s->focus = (enum panel_field)(s->focus + 1);
		return KF_HANDLED | KF_REDRAW;
	}
	if (s->focus == PF_COMMENT) {
		enum form_event ev = form_key(app, &s->comment, k);
		return ev == FORM_IGNORED ? KF_HANDLED : KF_HANDLED | KF_REDRAW;
	}
	const char *outcome = outcome_of(k);
	if (outcome != NULL) {
		char *name = xstrdup(s->name);
		record_outcome(app, s, s->customer_id, name, outcome);
		free(name);
		return KF_HANDLED | KF_REDRAW;
	}
	if (picker_key(app, s, k))
		return KF_HANDLED | KF_REDRAW;
	return KF_HANDLED;
}

/* The labels of the panel's rows, in one column. */
static int panel_label_width(void)
{
	const char *labels[] = {_("Score"), _("Satisfaction"), _("Reason"), _("Comment")};
	int w = 0;
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (text_width(labels[i]) > w)
			w = text_width(labels[i]);
	return w + 2;
}

static void draw_label(struct app *app, struct survey_screen *s, int y, int x, int w,
		       enum panel_field f, const char *label)
{
	draw_ui(app, y, x, w, label, ALIGN_START, s->focus == f ? LOOK_TITLE : LOOK_NORMAL);
}

/* One value of a picker row: a cell `cw` wide, the chosen one
 * highlighted (strongly when the row has the focus). */
static void draw_cell(struct app *app, int y, int x, int cw, const char *text, bool chosen,
		      bool focus)
{
	enum look look = chosen ? (focus ? LOOK_SELECT : LOOK_ACCENT) : LOOK_NORMAL;
	if (chosen)
		draw_fill(app, y, x, cw, look);
	draw_text(app, y, x, cw, text, ui_dir(app), ALIGN_CENTER, look);
}

static void draw_panel(struct app *app, struct survey_screen *s, int y, int x, int w)
{
	int lw = panel_label_width();
	/* The customer, on the rule that separates the panel from the list. */
	draw_hline(app, y, x, w);
	char *ph = phone_text(app, s->phone);
	draw_fill(app, y, x + 1, 1, LOOK_NORMAL);
	int used = draw_text(app, y, x + 2, w / 2, s->name, BIDI_AUTO, ALIGN_START, LOOK_TITLE);
	int px = x + 2 + used;
	draw_fill(app, y, px, 2, LOOK_NORMAL);
	used = draw_text(app, y, px + 2, 16, ph, BIDI_LTR, ALIGN_START, LOOK_TITLE);
	draw_fill(app, y, px + 2 + used, 1, LOOK_NORMAL);
	free(ph);

	draw_ui(app, y + 1, x, w, _("How likely are you to recommend us to a friend?"),
		ALIGN_START, LOOK_TITLE);

	/* The score: eleven cells, 0 where reading starts. */
	int cw = w - lw - 11 * 5 >= 16 ? 5 : 4;
	draw_label(app, s, y + 2, x, lw, PF_SCORE, _("Score"));
	for (int v = 0; v <= 10; v++) {
		char num[4];
		snprintf(num, sizeof num, "%d", v);
		char *t = fmt_digits(app->loc, num);
		draw_cell(app, y + 2, x + lw + v * cw, cw, t, v == s->score,
			  s->focus == PF_SCORE);
		free(t);
	}
	/* TRANSLATORS: under the 0 end of the 0-10 score. */
	draw_ui(app, y + 3, x + lw, 5 * cw, _("not at all likely"), ALIGN_START, LOOK_DIM);
	/* TRANSLATORS: under the 10 end of the 0-10 score. */
	draw_ui(app, y + 3, x + lw + 6 * cw, 5 * cw, _("extremely likely"), ALIGN_END, LOOK_DIM);
	if (s->error != NULL)
		draw_ui(app, y + 2, x + lw + 11 * cw + 2, w - lw - 11 * cw - 2, s->error,
			ALIGN_START, LOOK_ERROR);
	else if (s->score >= 0) {
		enum nps_category c = rule_nps_category(s->score);
		draw_ui(app, y + 2, x + lw + 11 * cw + 2, w - lw - 11 * cw - 2,
			c == NPS_PROMOTER  ? _("promoter")
			: c == NPS_PASSIVE ? _("passive")
					   : _("detractor"),
			ALIGN_START, c == NPS_DETRACTOR ? LOOK_ERROR : LOOK_OK);
	}

	/* Satisfaction 1-5, optional. */
	draw_label(app, s, y + 4, x, lw, PF_CSAT, _("Satisfaction"));
	for (int v = 1; v <= 5; v++) {
		char num[2] = {(char)('0' + v), '\0'};
		char *t = fmt_digits(app->loc, num);
		draw_cell(app, y + 4, x + lw + (v - 1) * 4, 4, t, v == s->csat,
			  s->focus == PF_CSAT);
		free(t);
	}
	int ax = x + lw + 5 * 4 + 2;
	if (s->csat > 0) {
		draw_ui(app, y + 4, ax, w - (ax - x), _(csat_labels[s->csat - 1]), ALIGN_START,
			LOOK_ACCENT);
	} else {
		/* TRANSLATORS: satisfaction is not asked unless the person picks it;
		 * Left/Right show the words of each value. */
		draw_ui(app, y + 4, ax, w - (ax - x), _("optional"), ALIGN_START, LOOK_DIM);
	}

	/* The reason, optional: every choice on the row. */
	draw_label(app, s, y + 5, x, lw, PF_REASON, _("Reason"));
	int rx = x + lw;
	for (size_t i = 0; i < survey_nreasons; i++) {
		const char *label = _(survey_reasons[i].label);
		int tw = text_width(label) + 2;
		if (rx + tw > x + w)
			break;
		draw_cell(app, y + 5, rx, tw, label, (int)i == s->reason, s->focus == PF_REASON);
		rx += tw + 1;
	}

	/* The comment. */
	draw_label(app, s, y + 6, x, lw, PF_COMMENT, _("Comment"));
	/* The input starts in the column of the other rows' values. */
	s->comment_def.width = w - lw - 1;
	form_draw(app, &s->comment, y + 6, x + lw, w - lw);
}

/* ---- the screen ---- */

static void *survey_enter(struct app *app, void *arg)
{
	(void)arg;
	struct survey_screen *s = xcalloc(1, sizeof *s);
	s->view = VIEW_CALLS;
	list_init(&s->calls_list, &calls_ops, s);
	list_init(&s->fups_list, &fups_ops, s);
	load(app, s);
	return s;
}

static void survey_leave(struct app *app, void *state)
{
	(void)app;
	struct survey_screen *s = state;
	if (s->panel)
		panel_close(s);
	call_items_free(s->calls, s->ncalls);
	follow_ups_free(s->fups, s->nfups);
	free(s->note);
	free(s);
}

static void survey_resume(struct app *app, void *state)
{
	load(app, state);
}

/* Another desk may be calling the same list: read it again after a
 * quiet minute (not under an open panel or a follow-up being closed). */
static int survey_tick(struct app *app, void *state)
{
	struct survey_screen *s = state;
	if (s->panel || ++s->ticks < 60)
		return KF_IGNORED;
	load(app, s);
	return KF_REDRAW;
}

static bool survey_dirty(void *state)
{
	struct survey_screen *s = state;
	return s->panel && (s->touched || s->comment.dirty);
}

static void draw_header(struct app *app, struct survey_screen *s, int y)
{
	char *n = fmt_int(app->loc, s->due);
	char *title = s->view == VIEW_CALLS
			      ? xasprintf(P_("Survey calls \u00b7 %s due", "Survey calls \u00b7 %s due",
					     s->due),
					  n)
			      : NULL;
	if (s->view == VIEW_FOLLOW_UPS) {
		char *f = fmt_int(app->loc, (int64_t)s->nfups);
		title = xasprintf(P_("Detractor follow-ups \u00b7 %s open",
				     "Detractor follow-ups \u00b7 %s open", s->nfups),
				  f);
		free(f);
	}
	int used = draw_ui(app, y, 1, app->cols - 2, title, ALIGN_START, LOOK_TITLE);
	free(title);
	free(n);
	if (!s->have_nps)
		return;
	char *nps;
	if (s->nps_answers > 0) {
		int v = rule_nps(s->promoters, s->detractors, s->nps_answers);
		char *num = fmt_int(app->loc, v < 0 ? -v : v);
		/* Isolated left to right, so that the sign stays before the
		 * number inside a right-to-left sentence. */
		char *signed_num = xasprintf("\u2066%s%s\u2069", v > 0 ? "+" : v < 0 ? "-" : "", num);
		char *answers = fmt_int(app->loc, s->nps_answers);
		/* TRANSLATORS: "NPS this month +34 (41 answers)". */
		nps = xasprintf(P_("NPS this month %s (%s answer)", "NPS this month %s (%s answers)",
				   s->nps_answers),
				signed_num, answers);
		free(num);
		free(signed_num);
		free(answers);
	} else {
		nps = xstrdup(_("NPS this month: no answers yet"));
	}
	int x = used + 4;
	draw_ui(app, y, x, app->cols - x - 1, nps, ALIGN_END, LOOK_ACCENT);
	free(nps);
}

static void survey_draw(struct app *app, void *state)
{
	struct survey_screen *s = state;
	int x = 1, w = app->cols - 2;
	int bottom = app->rows - 3; /* last row above the message line */
	draw_header(app, s, 1);
	if (s->view == VIEW_FOLLOW_UPS) {
		static const enum action bar[] = {ACT_CLOSE_FOLLOW_UP, ACT_FOLLOW_UPS, ACT_BACK,
						  ACT_HELP, ACT_NONE};
		set_bar(bar);
		struct fup_cols fc = fup_columns(app, s, w - 1);
		s->fc = fc;
		int cx = x + 1;
		draw_ui(app, 2, cx, fc.name, _("Customer"), ALIGN_START, LOOK_DIM);
		cx += fc.name + 1;
		draw_ui(app, 2, cx, fc.phone, _("Phone"), ALIGN_START, LOOK_DIM);
		cx += fc.phone + 1;
		/* TRANSLATORS: column title: the 0-10 answer. */
		draw_ui(app, 2, cx, fc.score, _("Score"), ALIGN_END, LOOK_DIM);
		cx += fc.score + 1;
		/* TRANSLATORS: column title: how long the follow-up has been open. */
		draw_ui(app, 2, cx, fc.age, _("Opened"), ALIGN_START, LOOK_DIM);
		cx += fc.age + 1;
		draw_ui(app, 2, cx, fc.comment, _("Comment"), ALIGN_START, LOOK_DIM);
		if (s->nfups == 0)
			draw_ui(app, 3, x + 1, w - 1, _("No follow-up is open."), ALIGN_START,
				LOOK_DIM);
		/* The highlighted one's whole comment under the list. */
		list_draw(app, &s->fups_list, 3, x + 1, bottom - 2 - 3 + 1, w - 1);
		size_t i = list_selected(&s->fups_list);
		if (i != SIZE_MAX) {
			const struct follow_up *f = &s->fups[i];
			char *score = fmt_int(app->loc, f->score);
			char *when = cal_format(app->shop.p.calendar, app->shop.p.timezone,
						app->loc->lang, app->loc->digits, f->opened_at,
						DATE_DAY);
			/* TRANSLATORS: under the follow-ups: "score 4 on 12 Aban 1405". */
			char *text = xasprintf(_("score %s on %s"), score, when != NULL ? when : "");
			char *head = xasprintf(" %s ", text);
			free(text);
			draw_hline(app, bottom - 1, x, w);
			draw_ui(app, bottom - 1, x + 1, w - 2, head, ALIGN_START, LOOK_TITLE);
			draw_text(app, bottom, x + 1, w - 1,
				  f->comment != NULL ? f->comment : _("(no comment)"), BIDI_AUTO,
				  ALIGN_START, f->comment != NULL ? LOOK_NORMAL : LOOK_DIM);
			free(head);
			free(when);
			free(score);
		}
		return;
	}
	if (s->panel) {
		static const enum action bar[] = {ACT_SAVE,     ACT_NEXT_FIELD, ACT_NO_ANSWER,
						  ACT_CALL_BACK, ACT_REFUSED,   ACT_BACK,
						  ACT_NONE};
		set_bar(bar);
	} else {
		static const enum action bar[] = {ACT_ANSWER,  ACT_NO_ANSWER,  ACT_CALL_BACK,
						  ACT_REFUSED, ACT_FOLLOW_UPS, ACT_BACK,
						  ACT_HELP,    ACT_NONE};
		set_bar(bar);
	}
	struct call_cols cc = call_columns(w - 1);
	int cx = x + 1;
	draw_ui(app, 2, cx, cc.name, _("Customer"), ALIGN_START, LOOK_DIM);
	cx += cc.name + 1;
	draw_ui(app, 2, cx, cc.phone, _("Phone"), ALIGN_START, LOOK_DIM);
	cx += cc.phone + 1;
	draw_ui(app, 2, cx, cc.when, _("Last purchase"), ALIGN_START, LOOK_DIM);
	cx += cc.when + 1;
	draw_ui(app, 2, cx, cc.tier, _("Tier"), ALIGN_START, LOOK_DIM);
	int list_bottom = s->panel ? bottom - PANEL_ROWS : bottom;
	if (s->ncalls == 0)
		draw_ui(app, 3, x + 1, w - 1, _("Nobody to call today."), ALIGN_START, LOOK_DIM);
	list_draw(app, &s->calls_list, 3, x + 1, list_bottom - 3 + 1, w - 1);
	if (s->panel) {
		draw_panel(app, s, list_bottom + 1, x, w);
		if (s->focus == PF_COMMENT)
			form_place_cursor(app, &s->comment, list_bottom + 1 + 6,
					  x + panel_label_width());
	}
}

static int follow_ups_key(struct app *app, struct survey_screen *s, const struct key *k)
{
	if (k->ch == 27 || key_is(k, 'f')) {
		s->view = VIEW_CALLS;
		load(app, s);
		return KF_HANDLED | KF_REDRAW;
	}
	int r = list_key(&s->fups_list, k);
	if (r != KF_IGNORED)
		return r;
	if (!is_enter(k))
		return KF_HANDLED;
	size_t i = list_selected(&s->fups_list);
	if (i == SIZE_MAX)
		return KF_HANDLED;
	const struct follow_up *f = &s->fups[i];
	int64_t id = f->id;
	char *title = xasprintf(_("Close the follow-up of %s"), f->name);
	const char *initial = s->note_for == id ? s->note : NULL;
	/* TRANSLATORS: label of the note that closes a detractor follow-up. */
	char *note = dialog_input(app, title, _("How it ended"), BIDI_AUTO, initial, false);
	free(title);
	if (note == NULL)
		return KF_HANDLED | KF_REDRAW;
	struct werr e = {0};
	if (engine_follow_up_close(app->st, id, note, &e) != 0) {
		/* Keep the note for the next try. */
		free(s->note);
		s->note = note;
		s->note_for = id;
		app_error(app, &e);
		return KF_HANDLED | KF_REDRAW;
	}
	free(note);
	if (s->note_for == id) {
		free(s->note);
		s->note = NULL;
		s->note_for = 0;
	}
	load_follow_ups(app, s);
	app_message(app, MSG_OK, "%s", _("Follow-up closed."));
	return KF_HANDLED | KF_REDRAW;
}

static int survey_key(struct app *app, void *state, const struct key *k)
{
	struct survey_screen *s = state;
	if (s->view == VIEW_FOLLOW_UPS)
		return follow_ups_key(app, s, k);
	if (s->panel)
		return panel_key(app, s, k);
	int r = list_key(&s->calls_list, k);
	if (r != KF_IGNORED)
		return r;
	if (key_is(k, 'f')) {
		s->view = VIEW_FOLLOW_UPS;
		load_follow_ups(app, s);
		list_reset(&s->fups_list);
		return KF_HANDLED | KF_REDRAW;
	}
	size_t i = list_selected(&s->calls_list);
	if (i == SIZE_MAX)
		return k->ch == 27 ? KF_IGNORED : KF_HANDLED;
	const char *outcome = outcome_of(k);
	if (outcome != NULL) {
		char *name = xstrdup(s->calls[i].name);
		record_outcome(app, s, s->calls[i].customer_id, name, outcome);
		free(name);
		return KF_HANDLED | KF_REDRAW;
	}
	int d = key_digit(k);
	if (is_enter(k) || d >= 0) {
		panel_open(s, &s->calls[i]);
		if (d >= 0) {
			score_digit(s, d);
			s->touched = true;
		}
		return KF_HANDLED | KF_REDRAW;
	}
	return KF_IGNORED;
}

const struct screen_ops screen_survey = {
	.name = "survey",
	.enter = survey_enter,
	.draw = survey_draw,
	.key = survey_key,
	.leave = survey_leave,
	.dirty = survey_dirty,
	.resume = survey_resume,
	.tick = survey_tick,
	.bar = survey_bar,
};
