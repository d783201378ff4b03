/* scr_customers.c -- find a customer (F2): a list that narrows as the
 * person types (SCREENS.md, DESIGN.md section 9).
 *
 * With nothing typed the list browses every active customer in name
 * order (the collation of the shop's language), a few pages of the store
 * at a time: keyset paging on the sort key and id (customer_page), never
 * the whole list and never OFFSET, so PgDn, PgUp, Home and End cost the
 * same over 200,000 customers as over 20.  F8 shows the inactive
 * customers too.  Typed text finds, case- and script-folded, a prefix of
 * any word of the name, a prefix of the phone number (digits of any
 * script), a prefix of the card number or the external id
 * (customer_search, active customers, best matches first).  The tier and
 * the points (expiry included) are worked out for the rows on screen
 * only.  Enter opens the customer's card.
 *
 * Nothing typed here is a record, so the screen is never "dirty". */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "engine/points.h"
#include "store/customers.h"
#include "text/i18n.h"
#include "text/uilocale.h"
#include "text/utf8.h"
#include "text/xalloc.h"
#include "tui/app.h"
#include "tui/custfmt.h"
#include "tui/draw.h"
#include "tui/form.h"
#include "tui/list.h"

#define PAGE 50          /* rows asked of the store at a time */
#define KEEP (4 * PAGE)  /* rows kept in memory at most while browsing */
#define SEARCH_LIMIT 100 /* matches shown at most */

struct crow {
	struct customer_hit h;
	struct sort_pos pos; /* browsing: where the row sits in name order */
	/* Worked out when the row is first drawn. */
	bool have_detail, detail_ok;
	char tier[64];
	int64_t points;
	int64_t sales_count, spend; /* for the wide layout */
	char *email;
};

struct customers {
	struct app *app;
	struct form filter;
	struct list list;
	struct crow *rows;
	size_t n;
	bool searching;   /* rows are the matches of the filter */
	bool search_more; /* more than SEARCH_LIMIT matched */
	bool all;         /* inactive customers too (browsing) */
	int64_t total;    /* customers in the browsed list */
};

static const struct field_def filter_field[] = {
	/* TRANSLATORS: hint after the search field of the customer list; keep short. */
	{N_("Find"), FIELD_TEXT, FDIR_AUTO, 30, 80, N_("name, phone, card or external id"), NULL},
};

/* ---- rows ---- */

static void row_free(struct crow *r)
{
	free(r->h.name);
	free(r->h.phone);
	free(r->h.card);
	free(r->h.external_id);
	free(r->pos.key);
	free(r->email);
	memset(r, 0, sizeof *r);
}

static void rows_clear(struct customers *s)
{
	for (size_t i = 0; i < s->n; i++)
		row_free(&s->rows[i]);
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
}

/* Drops rows [from, from + count). */
static void rows_drop(struct customers *s, size_t from, size_t count)
{
	for (size_t i = from; i < from + count; i++)
		row_free(&s->rows[i]);
	memmove(&s->rows[from], &s->rows[from + count],
		(s->n - from - count) * sizeof *s->rows);
	s->n -= count;
}

/* One page of the store around `after` (NULL: an end of the list) as new
 * rows; returns how many. */
static size_t fetch_page(struct customers *s, const struct sort_pos *after, bool backward,
			 struct crow **out)
{
	struct customer_hit *hits = NULL;
	struct sort_pos *pos = NULL;
	size_t n = 0;
	struct werr e = {0};
	if (customer_page(s->app->st, after, backward, PAGE, s->all, &hits, &pos, &n, &e) != 0) {
		app_error(s->app, &e);
		*out = xcalloc(1, sizeof **out);
		return 0;
	}
	struct crow *v = xcalloc(n > 0 ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++) {
		v[i].h = hits[i];
		v[i].pos = pos[i];
	}
	/* The strings now belong to the rows. */
	free(hits);
	free(pos);
	*out = v;
	return n;
}

static void append_rows(struct customers *s, struct crow *v, size_t n)
{
	s->rows = xrealloc(s->rows, (s->n + n + 1) * sizeof *s->rows);
	memcpy(&s->rows[s->n], v, n * sizeof *v);
	s->n += n;
	free(v);
}

static void prepend_rows(struct customers *s, struct crow *v, size_t n)
{
	s->rows = xrealloc(s->rows, (s->n + n + 1) * sizeof *s->rows);
	memmove(&s->rows[n], s->rows, s->n * sizeof *s->rows);
	memcpy(s->rows, v, n * sizeof *v);
	s->n += n;
	free(v);
}

static void count_total(struct customers *s)
{
	struct werr e = {0};
	if (customer_count(s->app->st, s->all, &s->total, &e) != 0) {
		s->total = -1;
		app_error(s->app, &e);
	}
}

/* ---- the list widget's source ---- */

static size_t src_count(void *ctx)
{
	return ((struct customers *)ctx)->n;
}

static size_t src_more(void *ctx, bool forward, size_t *dropped)
{
	struct customers *s = ctx;
	*dropped = 0;
	if (s->searching)
		return 0;
	struct crow *v;
	size_t got;
	if (forward) {
		got = fetch_page(s, s->n > 0 ? &s->rows[s->n - 1].pos : NULL, false, &v);
		append_rows(s, v, got);
		if (s->n > KEEP) {
			*dropped = s->n - KEEP;
			rows_drop(s, 0, *dropped);
		}
	} else {
		if (s->n == 0)
			return 0;
		got = fetch_page(s, &s->rows[0].pos, true, &v);
		prepend_rows(s, v, got);
		if (s->n > KEEP)
			rows_drop(s, KEEP, s->n - KEEP);
	}
	return got;
}

static void src_reload(void *ctx, bool at_end)
{
	struct customers *s = ctx;
	if (s->searching)
		return;
	rows_clear(s);
	struct crow *v;
	size_t got = fetch_page(s, NULL, at_end, &v);
	append_rows(s, v, got);
}

/* The tier and the points as of now (expiry included), as the card shows
 * them: only for rows on screen. */
static void row_detail(struct app *app, struct crow *r)
{
	r->have_detail = true;
	struct customer c = {0};
	struct werr e = {0};
	int found = customer_get(app->st, r->h.id, &c, &e);
	if (found <= 0) {
		if (found < 0)
			app_message(app, MSG_ERROR, "%s", e.msg);
		return;
	}
	int64_t now = app_now(app);
	int64_t wm = customer_watermark(&app->shop, &c);
	int64_t at = wm != TIME_NONE && wm > now ? wm : now;
	const struct tier *t = NULL;
	int64_t spend = 0;
	if (tier_at(app->st, &app->shop, c.id, at, &t, &spend, &e) != 0 ||
	    points_preview(app->st, &app->shop, &c, at, &r->points, NULL, NULL, 0, &e) != 0) {
		app_message(app, MSG_ERROR, "%s", e.msg);
	} else {
		snprintf(r->tier, sizeof r->tier, "%s", t != NULL ? t->name : "");
		r->sales_count = c.sales_count;
		r->spend = c.spend;
		r->email = c.email;
		c.email = NULL;
		r->detail_ok = true;
	}
	customer_clear(&c);
}

/* The columns of a row, in logical columns from x; -1 for a column left
 * out for want of room. */
struct cols {
	int name, namew, phone, card, tier, points, last, visits, spend, email, emailw;
};
#define PHONE_W 14
#define CARD_W 14
#define TIER_W 10
#define POINTS_W 9
#define LAST_W 18
#define VISITS_W 7
#define SPEND_W 15

static void layout(int x, int w, struct cols *c)
{
	bool last = w >= 110, more = w >= 150, email = w >= 185;
	c->name = x + 2;
	int fixed = (PHONE_W + 1) + (CARD_W + 1) + (TIER_W + 1) + POINTS_W + (last ? LAST_W + 2 : 0) +
		    (more ? VISITS_W + SPEND_W + 2 : 0);
	c->namew = w - 2 - 1 - fixed;
	if (c->namew > (email ? 36 : 44))
		c->namew = email ? 36 : 44;
	if (c->namew < 10)
		c->namew = 10;
	c->phone = c->name + c->namew + 1;
	c->card = c->phone + PHONE_W + 1;
	c->tier = c->card + CARD_W + 1;
	c->points = c->tier + TIER_W + 1;
	int next = c->points + POINTS_W;
	c->visits = c->spend = c->last = c->email = -1;
	if (more) {
		c->visits = next + 1;
		c->spend = c->visits + VISITS_W + 1;
		next = c->spend + SPEND_W;
	}
	if (last) {
		c->last = next + 2;
		next = c->last + LAST_W;
	}
	if (email) {
		c->email = next + 1;
		c->emailw = x + w - c->email;
	}
}

static void src_draw_row(struct app *app, void *ctx, size_t i, int y, int x, int w,
			 bool selected)
{
	struct customers *s = ctx;
	struct crow *r = &s->rows[i];
	if (!r->have_detail)
		row_detail(app, r);
	struct cols c;
	layout(x, w, &c);
	enum look base = selected ? LOOK_SELECT : r->h.active ? LOOK_NORMAL : LOOK_DIM;
	if (selected) {
		draw_fill(app, y, x, w, LOOK_SELECT);
		draw_text(app, y, x, 1, app->rtl ? "\u25c2" : "\u25b8", BIDI_LTR, ALIGN_START, base);
	}
	draw_text(app, y, c.name, c.namew, r->h.name, BIDI_AUTO, ALIGN_START, base);
	char *t = cf_phone(app, r->h.phone);
	draw_text(app, y, c.phone, PHONE_W, t, BIDI_LTR, ALIGN_START, base);
	free(t);
	t = cf_card(app, r->h.card);
	draw_text(app, y, c.card, CARD_W, t, BIDI_LTR, ALIGN_START, selected ? base : LOOK_DIM);
	free(t);
	if (!r->h.active)
		/* TRANSLATORS: in the tier column of the customer list; keep short. */
		draw_ui(app, y, c.tier, TIER_W, _("inactive"), ALIGN_START,
			selected ? base : LOOK_ERROR);
	else if (r->detail_ok)
		draw_text(app, y, c.tier, TIER_W, r->tier, BIDI_AUTO, ALIGN_START, base);
	if (r->detail_ok) {
		t = fmt_int(app->loc, r->points);
		draw_text(app, y, c.points, POINTS_W, t, BIDI_LTR, ALIGN_END,
			  selected ? base : r->points < 0 ? LOOK_ERROR : LOOK_ACCENT);
		free(t);
	}
	if (c.visits >= 0 && r->detail_ok) {
		t = fmt_int(app->loc, r->sales_count);
		draw_text(app, y, c.visits, VISITS_W, t, BIDI_LTR, ALIGN_END, base);
		free(t);
		t = fmt_money(app->loc, r->spend, app->shop.p.decimals);
		draw_text(app, y, c.spend, SPEND_W, t, BIDI_LTR, ALIGN_END, base);
		free(t);
	}
	if (c.last >= 0 && r->h.last_sale_at != TIME_NONE) {
		t = cf_ago(app, r->h.last_sale_at);
		draw_text(app, y, c.last, LAST_W, t, ui_dir(app), ALIGN_START,
			  selected ? base : LOOK_DIM);
		free(t);
	}
	if (c.email >= 0 && r->email != NULL)
		draw_text(app, y, c.email, c.emailw, r->email, BIDI_LTR, ALIGN_START,
			  selected ? base : LOOK_DIM);
}

static const struct list_ops customers_src = {
	.count = src_count,
	.draw_row = src_draw_row,
	.more = src_more,
	.reload = src_reload,
};

/* ---- filtering ---- */

static void search(struct customers *s, const char *q)
{
	rows_clear(s);
	s->search_more = false;
	struct customer_hit *hits = NULL;
	size_t n = 0;
	struct werr e = {0};
	if (customer_search(s->app->st, q, s->app->shop.p.country_code, SEARCH_LIMIT + 1, &hits,
			    &n, &e) != 0) {
		app_error(s->app, &e);
		return;
	}
	if (n > SEARCH_LIMIT) {
		s->search_more = true;
		for (size_t i = SEARCH_LIMIT; i < n; i++) {
			free(hits[i].name);
			free(hits[i].phone);
			free(hits[i].card);
			free(hits[i].external_id);
		}
		n = SEARCH_LIMIT;
	}
	s->rows = xcalloc(n > 0 ? n : 1, sizeof *s->rows);
	for (size_t i = 0; i < n; i++)
		s->rows[i].h = hits[i];
	s->n = n;
	free(hits);
}

/* Shows what the filter says: the matches, or the whole list from the
 * start when it is empty. */
static void refilter(struct customers *s)
{
	char *q = utf8_trim(form_get(&s->filter, 0));
	s->searching = q != NULL && *q != '\0';
	if (s->searching)
		search(s, q);
	else
		src_reload(s, false);
	free(q);
	list_reset(&s->list);
}

/* Reads the rows again, keeping the highlighted customer where it was
 * on the screen when it is still in the list. */
static void reload_around(struct customers *s)
{
	count_total(s);
	if (s->searching) {
		size_t sel = s->list.sel, top = s->list.top;
		refilter(s);
		s->list.sel = sel < s->n ? sel : s->n > 0 ? s->n - 1 : 0;
		s->list.top = top <= s->list.sel ? top : s->list.sel;
		return;
	}
	if (s->n == 0 || s->list.sel >= s->n) {
		refilter(s);
		return;
	}
	/* From the highlighted row on: the rows after (its key, its id - 1)
	 * begin with it. */
	size_t offset = s->list.sel - (s->list.top <= s->list.sel ? s->list.top : s->list.sel);
	struct sort_pos anchor = s->rows[s->list.sel].pos;
	anchor.key = xmalloc(anchor.len > 0 ? anchor.len : 1);
	memcpy(anchor.key, s->rows[s->list.sel].pos.key, anchor.len);
	anchor.id--;
	rows_clear(s);
	struct crow *v;
	size_t got = fetch_page(s, &anchor, false, &v);
	append_rows(s, v, got);
	free(anchor.key);
	size_t before = 0;
	if (s->n > 0) {
		got = fetch_page(s, &s->rows[0].pos, true, &v);
		prepend_rows(s, v, got);
		before = got;
	} else {
		/* Nothing after it any more: the end of the list. */
		src_reload(s, true);
		before = s->n > 0 ? s->n - 1 : 0;
	}
	s->list.sel = before < s->n ? before : 0;
	s->list.top = s->list.sel >= offset ? s->list.sel - offset : 0;
}

/* ---- the screen ---- */

static void *customers_enter(struct app *app, void *arg)
{
	(void)arg;
	struct customers *s = xcalloc(1, sizeof *s);
	s->app = app;
	form_init(&s->filter, filter_field, 1);
	list_init(&s->list, &customers_src, s);
	count_total(s);
	refilter(s);
	return s;
}

static void customers_leave(struct app *app, void *state)
{
	(void)app;
	struct customers *s = state;
	rows_clear(s);
	form_free(&s->filter);
	free(s);
}

static void customers_resume(struct app *app, void *state)
{
	(void)app;
	reload_around(state);
}

static bool customers_customer(void *state, int64_t *id)
{
	struct customers *s = state;
	size_t i = list_selected(&s->list);
	if (i == SIZE_MAX || i >= s->n)
		return false;
	*id = s->rows[i].h.id;
	return true;
}

static int customers_key(struct app *app, void *state, const struct key *k)
{
	struct customers *s = state;
	if (k->ch == 27)
		return KF_IGNORED;
	if (k->ch == '\n' || k->ch == '\r' || k->code == KEY_ENTER) {
		int64_t id;
		if (!customers_customer(s, &id))
			return KF_HANDLED;
		app_push(app, &screen_card, &id);
		return KF_HANDLED | KF_REDRAW;
	}
	if (k->code == KEY_F(8)) {
		s->all = !s->all;
		count_total(s);
		if (!s->searching)
			refilter(s);
		app_message(app, MSG_INFO, "%s",
			    s->all ? _("Inactive customers are listed too (dimmed).")
				   : _("Only active customers are listed."));
		return KF_HANDLED | KF_REDRAW;
	}
	switch (k->code) {
	case KEY_UP:
	case KEY_DOWN:
	case KEY_PPAGE:
	case KEY_NPAGE:
	case KEY_HOME:
	case KEY_END:
		list_key(&s->list, k);
		return KF_HANDLED | KF_REDRAW;
	default:
		break;
	}
	if (k->ch == '\t' || k->code == KEY_BTAB || k->ch == KEY_CTRL('s'))
		return KF_HANDLED;
	enum form_event ev = form_key(app, &s->filter, k);
	if (ev == FORM_CHANGED) {
		s->filter.dirty = false; /* a search is not a record */
		refilter(s);
		return KF_HANDLED | KF_REDRAW;
	}
	return ev == FORM_IGNORED ? KF_IGNORED : KF_HANDLED | KF_REDRAW;
}

static void draw_heads(struct app *app, int y, int x, int w)
{
	struct cols c;
	layout(x, w, &c);
	draw_ui(app, y, c.name, c.namew, _("Name"), ALIGN_START, LOOK_DIM);
	draw_ui(app, y, c.phone, PHONE_W, _("Phone"), ALIGN_START, LOOK_DIM);
	draw_ui(app, y, c.card, CARD_W, _("Card"), ALIGN_START, LOOK_DIM);
	draw_ui(app, y, c.tier, TIER_W, _("Tier"), ALIGN_START, LOOK_DIM);
	draw_ui(app, y, c.points, POINTS_W, _("Points"), ALIGN_END, LOOK_DIM);
	if (c.visits >= 0) {
		draw_ui(app, y, c.visits, VISITS_W, _("Visits"), ALIGN_END, LOOK_DIM);
		/* TRANSLATORS: column of the customer list: money spent, less refunds. */
		draw_ui(app, y, c.spend, SPEND_W, _("Spent"), ALIGN_END, LOOK_DIM);
	}
	if (c.last >= 0)
		draw_ui(app, y, c.last, LAST_W, _("Last visit"), ALIGN_START, LOOK_DIM);
	if (c.email >= 0)
		draw_ui(app, y, c.email, c.emailw, _("E-mail"), ALIGN_START, LOOK_DIM);
}

/* What the list holds, at the end of the title row. */
static char *summary(struct customers *s)
{
	struct app *app = s->app;
	if (s->searching) {
		char *n = fmt_int(app->loc, (int64_t)s->n);
		char *t = s->search_more
				  /* TRANSLATORS: more customers match than the list shows. */
				  ? xasprintf(_("the first %s matches: type more"), n)
				  : xasprintf(P_("%s match", "%s matches", s->n), n);
		free(n);
		return t;
	}
	if (s->total < 0)
		return xstrdup("");
	char *n = fmt_int(app->loc, s->total);
	char *t = s->all ? xasprintf(P_("%s customer, inactive too", "%s customers, inactive too",
					s->total),
				     n)
			 : xasprintf(P_("%s active customer", "%s active customers", s->total), n);
	free(n);
	return t;
}

static void customers_draw(struct app *app, void *state)
{
	struct customers *s = state;
	int x = 1, w = app->cols - 2;
	int used = draw_ui(app, 1, x, w, _("Customers"), ALIGN_START, LOOK_TITLE);
	char *sum = summary(s);
	draw_ui(app, 1, x + used + 2, w - used - 2, sum, ALIGN_END, LOOK_DIM);
	free(sum);
	form_draw(app, &s->filter, 2, x, w);
	draw_heads(app, 3, x, w);
	int h = app->rows - 6;
	if (s->n == 0) {
		char *q = utf8_trim(form_get(&s->filter, 0));
		char *t = s->searching
				  ? xasprintf(_("No customer matches \u201c%s\u201d. F7 enrolls a new "
						"customer."),
					      q)
				  : xstrdup(_("No customers yet. F7 enrolls the first one."));
		draw_ui(app, 5, x + 2, w - 2, t, ALIGN_START, LOOK_DIM);
		free(t);
		free(q);
	} else {
		list_draw(app, &s->list, 4, x, h, w);
	}
	form_place_cursor(app, &s->filter, 2, x);
}

static const enum action customers_bar[] = {ACT_OPEN,   ACT_SHOW_INACTIVE, ACT_ENROLL,
					    ACT_PURCHASE, ACT_HELP,        ACT_BACK,
					    ACT_NONE};

const struct screen_ops screen_customers = {
	.name = "customers",
	.enter = customers_enter,
	.draw = customers_draw,
	.key = customers_key,
	.leave = customers_leave,
	.resume = customers_resume,
	.bar = customers_bar,
	.customer = customers_customer,
};
