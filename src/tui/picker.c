/* picker.c -- choosing the customer at the counter. */
#include <config.h>

#include "tui/picker.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "store/customers.h"
#include "text/i18n.h"
#include "text/phone.h"
#include "text/strbuf.h"
#include "text/uilocale.h"
#include "text/utf8.h"
#include "text/xalloc.h"
#include "tui/app.h"
#include "tui/draw.h"

/* Phone numbers and names: the field reads left to right (digits are what
 * cashiers type most); names typed into it still show in their order. */
static const struct field_def picker_field[] = {
	/* TRANSLATORS: hint after the customer field; keep short. */
	{N_("Customer"), FIELD_TEXT, FDIR_LTR, 26, 80, N_("phone, card or name"), NULL},
};

void picker_init(struct picker *p)
{
	memset(p, 0, sizeof *p);
	form_init(&p->form, picker_field, 1);
}

static void drop_rows(struct picker *p)
{
	for (size_t i = 0; i < p->nrows; i++)
		customer_view_clear(&p->rows[i]);
	free(p->rows);
	p->rows = NULL;
	p->nrows = 0;
	p->more = false;
	p->sel = 0;
	p->searched = false;
}

static void unchoose(struct picker *p)
{
	if (p->id != 0)
		customer_view_clear(&p->chosen);
	p->id = 0;
}

void picker_free(struct picker *p)
{
	drop_rows(p);
	unchoose(p);
	form_free(&p->form);
}

void picker_clear(struct picker *p)
{
	drop_rows(p);
	unchoose(p);
	form_set(&p->form, 0, "");
	form_clear_errors(&p->form);
	p->form.dirty = false;
}

bool picker_dirty(const struct picker *p)
{
	return p->form.dirty;
}

int picker_label_width(void)
{
	return text_width(_(picker_field[0].label)) + 2;
}

static void show_error(struct app *app, struct picker *p, const struct werr *e)
{
	if (e->status == W_DB)
		app_error(app, e);
	else
		form_error(&p->form, 0, e->msg);
}

bool picker_choose_id(struct app *app, struct picker *p, int64_t id)
{
	struct werr e = {0};
	struct customer_view v;
	drop_rows(p);
	unchoose(p);
	if (customer_view_load(app->st, &app->shop, id, app_now(app), &v, &e) != 0) {
		show_error(app, p, &e);
		return false;
	}
	p->chosen = v;
	p->id = id;
	const char *shown = v.c.phone != NULL ? v.c.phone : v.c.card;
	char *local = fmt_digits(app->loc, shown != NULL ? shown : "");
	form_set(&p->form, 0, local);
	free(local);
	form_error(&p->form, 0, NULL);
	return true;
}

void picker_refresh(struct app *app, struct picker *p)
{
	if (p->id == 0)
		return;
	struct werr e = {0};
	struct customer_view v;
	if (customer_view_load(app->st, &app->shop, p->id, app_now(app), &v, &e) != 0) {
		show_error(app, p, &e);
		return;
	}
	customer_view_clear(&p->chosen);
	p->chosen = v;
}

/* Looks up the matches of the field's text. */
static void search(struct app *app, struct picker *p)
{
	drop_rows(p);
	char *q = utf8_trim(form_get(&p->form, 0));
	if (q == NULL || *q == '\0') {
		free(q);
		return;
	}
	struct werr e = {0};
	struct customer_hit *hits = NULL;
	size_t n = 0;
	if (customer_search(app->st, q, app->shop.p.country_code, PICKER_ROWS + 1, &hits, &n,
			    &e) != 0) {
		free(q);
		show_error(app, p, &e);
		return;
	}
	free(q);
	p->searched = true;
	p->more = n > PICKER_ROWS;
	size_t shown = n > PICKER_ROWS ? PICKER_ROWS : n;
	p->rows = xcalloc(shown > 0 ? shown : 1, sizeof *p->rows);
	int64_t now = app_now(app);
	for (size_t i = 0; i < shown; i++) {
		/* Tier (tier_at) and points as of now, expiry included. */
		if (customer_view_load(app->st, &app->shop, hits[i].id, now, &p->rows[p->nrows],
				       &e) != 0) {
			if (e.status == W_DB) {
				app_error(app, &e);
				break;
			}
			continue;
		}
		p->nrows++;
	}
	customer_hits_free(hits, n);
}

static void choose_row(struct picker *p, size_t i)
{
	unchoose(p);
	p->chosen = p->rows[i];
	p->id = p->chosen.c.id;
	/* The row now belongs to `chosen`: take it out of the list. */
	memmove(&p->rows[i], &p->rows[i + 1], (p->nrows - i - 1) * sizeof *p->rows);
	p->nrows--;
	drop_rows(p);
	form_error(&p->form, 0, NULL);
}

static bool is_enter(const struct key *k)
{
	return k->ch == '\n' || k->ch == '\r' || k->code == KEY_ENTER;
}

enum picker_event picker_key(struct app *app, struct picker *p, const struct key *k)
{
	if (k->ch == 27 || k->ch == KEY_CTRL('s') || k->code == KEY_BTAB)
		return PICKER_IGNORED;
	if (k->code == KEY_UP || k->code == KEY_DOWN) {
		if (p->id != 0 || p->nrows == 0)
			return PICKER_IGNORED;
		if (k->code == KEY_UP && p->sel > 0)
			p->sel--;
		else if (k->code == KEY_DOWN && p->sel + 1 < p->nrows)
			p->sel++;
		return PICKER_REDRAW;
	}
	if (is_enter(k) || k->ch == '\t') {
		if (p->id != 0)
			return PICKER_CHOSEN;
		if (p->nrows > 0) {
			choose_row(p, p->sel < p->nrows ? p->sel : 0);
			return PICKER_CHOSEN;
		}
		char *q = utf8_trim(form_get(&p->form, 0));
		bool empty = q == NULL || *q == '\0';
		free(q);
		form_error(&p->form, 0,
			   empty ? _("type a phone number, card number or name")
				 : _("no customer matches (F7 enrolls one)"));
		return PICKER_REDRAW;
	}
	enum form_event ev = form_key(app, &p->form, k);
	if (ev == FORM_CHANGED) {
		unchoose(p);
		search(app, p);
		return PICKER_REDRAW;
	}
	return ev == FORM_MOVED ? PICKER_REDRAW : PICKER_IGNORED;
}

char *picker_points_text(struct app *app, int64_t points)
{
	char *n = fmt_int(app->loc, points);
	/* TRANSLATORS: a number of loyalty points, short: "1,240 pts". */
	char *s = xasprintf(P_("%s pt", "%s pts", points < 0 ? -points : points), n);
	free(n);
	return s;
}

const char *picker_strip_option(const char *msg)
{
	if (strncmp(msg, "--", 2) != 0)
		return msg;
	const char *colon = strstr(msg, ": ");
	if (colon == NULL || strchr(msg, ' ') < colon)
		return msg;
	return colon + 2;
}

char *picker_value_text(struct app *app, int64_t points)
{
	int64_t pv = app->shop.p.point_value;
	if (pv <= 0 || points <= 0 || points > INT64_MAX / pv)
		return NULL;
	char *m = fmt_money(app->loc, points * pv, app->shop.p.decimals);
	/* TRANSLATORS: the money value of a customer's points, "(= 124,000)". */
	char *s = xasprintf(_("(= %s)"), m);
	free(m);
	return s;
}

/* A grouped number ("0912 345 6789") in the UI's digits, kept in its
 * order: Arabic-Indic digits are "Arabic numbers" to the BiDi algorithm,
 * and the spaces between two such groups would join them into one
 * right-to-left run, putting the last group first.  A left-to-right mark
 * after each space keeps every group in its place. */
static char *ltr_groups(struct app *app, const char *ascii)
{
	char *local = fmt_digits(app->loc, ascii);
	struct strbuf sb = STRBUF_INIT;
	for (const char *c = local; *c != '\0'; c++) {
		strbuf_addc(&sb, *c);
		if (*c == ' ')
			strbuf_adds(&sb, "\u200e");
	}
	free(local);
	return strbuf_detach(&sb);
}

void picker_draw_row(struct app *app, const struct customer_view *v, int y, int x, int w,
		     bool selected)
{
	enum look base = selected ? LOOK_SELECT : LOOK_NORMAL;
	if (selected)
		draw_fill(app, y, x, w, LOOK_SELECT);
	const int phw = 14, tierw = 10, ptsw = 10, valw = 14;
	int namew = w - 2 - (phw + 1) - (tierw + 1) - (ptsw + 1) - valw;
	if (namew > 30)
		namew = 30;
	if (namew < 8)
		namew = 8;
	int cx = x;
	if (selected)
		draw_text(app, y, cx, 1, app->rtl ? "\u25c2" : "\u25b8", BIDI_LTR, ALIGN_START,
			  base);
	cx += 2;
	draw_text(app, y, cx, namew, v->c.name, BIDI_AUTO, ALIGN_START, base);
	cx += namew + 1;
	char *ph = v->c.phone != NULL ? phone_format(v->c.phone)
				      : xstrdup(v->c.card != NULL ? v->c.card : "");
	char *phl = ltr_groups(app, ph);
	draw_text(app, y, cx, phw, phl, BIDI_LTR, ALIGN_START, base);
	free(ph);
	free(phl);
	cx += phw + 1;
	draw_text(app, y, cx, tierw, v->tier != NULL ? v->tier->name : "", BIDI_AUTO, ALIGN_START,
		  selected ? base : LOOK_DIM);
	cx += tierw + 1;
	char *pts = picker_points_text(app, v->points);
	draw_text(app, y, cx, ptsw, pts, ui_dir(app), ALIGN_END, selected ? base : LOOK_ACCENT);
	free(pts);
	cx += ptsw + 1;
	char *val = picker_value_text(app, v->points);
	if (val != NULL && cx < x + w)
		draw_text(app, y, cx, x + w - cx, val, ui_dir(app), ALIGN_START,
			  selected ? base : LOOK_DIM);
	free(val);
}

int picker_draw(struct app *app, struct picker *p, int y, int x, int w, int rows, bool focused)
{
	/* The label stands out only while the field has the focus. */
	size_t focus = p->form.focus;
	if (!focused)
		p->form.focus = p->form.n;
	form_draw(app, &p->form, y, x, w);
	p->form.focus = focus;
	int used = 1;
	int lx = x + 1, lw = w - 1;
	if (p->id != 0) {
		if (used < rows)
			picker_draw_row(app, &p->chosen, y + used++, lx, lw, true);
		const struct tier *t = p->chosen.tier;
		if (!p->chosen.c.active && used < rows) {
			draw_ui(app, y + used++, lx + 2, lw - 2,
				_("This customer is inactive: reactivate them on their card first."),
				ALIGN_START, LOOK_ERROR);
		} else if (t != NULL && t->discount > 0 && used < rows) {
			char *d = fmt_percent(app->loc, t->discount / 100.0);
			/* TRANSLATORS: the tier's discount, shown to the cashier (not applied by
			 * the program): "Silver: give 5% discount". */
			char *s = xasprintf(_("%s: give %s discount"), t->name, d);
			draw_ui(app, y + used++, lx + 2, lw - 2, s, ALIGN_START, LOOK_ACCENT);
			free(s);
			free(d);
		}
		return used;
	}
	if (!p->searched)
		return used;
	if (p->nrows == 0) {
		if (used < rows && p->form.errors[0] == NULL)
			draw_ui(app, y + used++, lx + 2, lw - 2,
				_("No customer matches. F7 enrolls a new customer."), ALIGN_START,
				LOOK_DIM);
		return used;
	}
	for (size_t i = 0; i < p->nrows && used < rows; i++)
		picker_draw_row(app, &p->rows[i], y + used++, lx, lw, focused && i == p->sel);
	if (p->more && used < rows)
		draw_ui(app, y + used++, lx + 2, lw - 2,
			_("More customers match: type more of the number or the name."),
			ALIGN_START, LOOK_DIM);
	return used;
}

void picker_place_cursor(struct app *app, struct picker *p, int y, int x)
{
	form_place_cursor(app, &p->form, y, x);
}
