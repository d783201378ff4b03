/* scr_card.c -- one customer at a glance (SCREENS.md "Customer card").
 *
 * The head: name, tier and membership, how to reach them, the balance
 * with its money value and the next expiry, what they spent in the tier
 * window and how often they came, how far the next tier is, the latest
 * NPS answer and the customers they referred.  Under it one of three
 * lists (Tab): the points history -- every ledger entry with what it was,
 * the goods value it was about, the points and the balance after it --,
 * the purchases with what came back of them, and the survey answers.
 * The points history and the purchases are read a page at a time as the
 * list runs down (keyset on the id).
 *
 * Keys: F3 and F4 work for this customer (the app asks `customer`); e
 * edits the details (the enrolment form); a adjusts the points (owner);
 * r records goods coming back from the highlighted purchase; i marks the
 * customer inactive or active again (owner).  The card reads everything
 * again when it is on top again.
 *
 * Argument: const int64_t *customer_id (copied). */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "engine/customer.h"
#include "engine/points.h"
#include "engine/sale.h"
#include "engine/staff.h"
#include "engine/survey.h"
#include "store/ledger.h"
#include "store/rewards.h"
#include "store/sales.h"
#include "store/surveys.h"
#include "text/digits.h"
#include "text/i18n.h"
#include "text/money.h"
#include "text/strbuf.h"
#include "text/uilocale.h"
#include "text/utf8.h"
#include "text/xalloc.h"
#include "tui/app.h"
#include "tui/chart.h"
#include "tui/custfmt.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/list.h"
#include "tui/picker.h"

#define PAGE 50         /* ledger entries or purchases read at a time */
#define SURVEYS_MAX 200 /* survey answers listed at most */

enum view { V_LEDGER, V_SALES, V_SURVEYS, V__COUNT };

/* A row of the points history. */
struct lrow {
	struct ledger_entry e; /* owns e.reason */
	int64_t balance;       /* after the entry */
	int64_t amount;        /* the goods value it is about, or -1 */
	char *reward;          /* redeem: the reward's name, or NULL */
	char *voucher;         /* redeem: the voucher code, or NULL */
	bool pending;          /* expiry not yet written (at the next operation) */
};

struct card {
	struct app *app;
	int64_t id;
	struct customer_view v;
	int64_t ledger_sum;      /* the sum of the ledger as written */
	bool has_expiry;
	struct expiry next_expiry;
	int64_t visits;          /* sales in the tier window */
	char *referrer;          /* the referrer's name, or NULL */
	enum view view;
	struct list lists[V__COUNT];
	/* The points history, newest first. */
	struct lrow *ledger;
	size_t nledger;
	bool ledger_done;
	int64_t ledger_before; /* the id to read below */
	int64_t running;       /* the balance after the next entry to read */
	/* The purchases, newest first. */
	struct sale *sales;
	int64_t *returned;
	size_t nsales;
	bool sales_done;
	/* The survey answers, newest first. */
	struct survey *surveys;
	size_t nsurveys;
};

static enum action card_bar[12];

/* ---- loading ---- */

static void ledger_clear(struct card *s)
{
	for (size_t i = 0; i < s->nledger; i++) {
		free(s->ledger[i].e.reason);
		free(s->ledger[i].reward);
		free(s->ledger[i].voucher);
	}
	free(s->ledger);
	s->ledger = NULL;
	s->nledger = 0;
	s->ledger_done = false;
	s->ledger_before = 0;
}

static void sales_clear(struct card *s)
{
	sales_free(s->sales, s->nsales);
	free(s->returned);
	s->sales = NULL;
	s->returned = NULL;
	s->nsales = 0;
	s->sales_done = false;
}

static void lists_clear(struct card *s)
{
	ledger_clear(s);
	sales_clear(s);
	surveys_free(s->surveys, s->nsurveys);
	s->surveys = NULL;
	s->nsurveys = 0;
}

/* The goods value, the reward and the voucher a ledger entry is about. */
static int describe_entry(struct card *s, struct lrow *r, struct werr *e)
{
	struct store *st = s->app->st;
	r->amount = -1;
	if (r->e.return_id > 0) {
		struct sale_return ret;
		int f = return_get(st, r->e.return_id, &ret, e);
		if (f < 0)
			return -1;
		if (f > 0) {
			r->amount = ret.amount;
			free(ret.note);
		}
	} else if (r->e.sale_id > 0) {
		struct sale sa;
		int f = sale_get(st, r->e.sale_id, &sa, e);
		if (f < 0)
			return -1;
		if (f > 0) {
			r->amount = sa.amount;
			sale_clear(&sa);
		}
	}
	if (r->e.redemption_id > 0 &&
	    redemption_describe(st, r->e.redemption_id, &r->reward, &r->voucher, e) < 0)
		return -1;
	return 0;
}

/* Reads the next page of the points history; returns the rows added. */
static size_t ledger_more(struct card *s)
{
	if (s->ledger_done)
		return 0;
	struct ledger_entry *v = NULL;
	size_t n = 0;
	struct werr e = {0};
	if (ledger_history(s->app->st, s->id, s->ledger_before, PAGE, &v, &n, &e) != 0) {
		app_error(s->app, &e);
		s->ledger_done = true;
		return 0;
	}
	s->ledger = xrealloc(s->ledger, (s->nledger + n + 1) * sizeof *s->ledger);
	size_t added = 0;
	for (size_t i = 0; i < n; i++) {
		struct lrow *r = &s->ledger[s->nledger + added];
		memset(r, 0, sizeof *r);
		r->e = v[i];
		r->balance = s->running;
		s->running -= v[i].points;
		if (describe_entry(s, r, &e) != 0)
			app_message(s->app, MSG_ERROR, "%s", e.msg);
		added++;
	}
	if (n > 0)
		s->ledger_before = v[n - 1].id;
	if (n < PAGE)
		s->ledger_done = true;
	free(v); /* the reasons belong to the rows now */
	s->nledger += added;
	return added;
}

static size_t sales_more(struct card *s)
{
	if (s->sales_done)
		return 0;
	struct sale *v = NULL;
	int64_t *ret = NULL;
	size_t n = 0;
	struct werr e = {0};
	int64_t before = s->nsales > 0 ? s->sales[s->nsales - 1].id : 0;
	if (sales_of_customer(s->app->st, s->id, before, PAGE, &v, &ret, &n, &e) != 0) {
		app_error(s->app, &e);
		s->sales_done = true;
		return 0;
	}
	s->sales = xrealloc(s->sales, (s->nsales + n + 1) * sizeof *s->sales);
	s->returned = xrealloc(s->returned, (s->nsales + n + 1) * sizeof *s->returned);
	memcpy(&s->sales[s->nsales], v, n * sizeof *v);
	memcpy(&s->returned[s->nsales], ret, n * sizeof *ret);
	s->nsales += n;
	if (n < PAGE)
		s->sales_done = true;
	free(v);
	free(ret);
	return n;
}

/* The expiries due up to now that are not written yet (rule 5 from the
 * customer's watermark), newest first; one undated row for the
 * difference when they do not account for it. */
static void pending_expiry(struct card *s)
{
	struct app *app = s->app;
	int64_t missing = s->ledger_sum - s->v.points;
	struct ledger_point *v = NULL;
	size_t n = 0, nout = 0, cap = 0;
	struct expiry *out = NULL;
	struct werr e = {0};
	if (ledger_points(app->st, s->id, &v, &n, &e) == 0)
		rule_expiry(v, n, app->shop.p.expiry_days * DAY_SECONDS,
			    customer_watermark(&app->shop, &s->v.c), s->v.at, &out, &nout, &cap);
	free(v);
	int64_t sum = 0;
	for (size_t i = 0; i < nout; i++)
		sum += out[i].points;
	if (sum != missing)
		nout = 0;
	size_t rows = nout > 0 ? nout : 1;
	s->ledger = xcalloc(rows, sizeof *s->ledger);
	int64_t balance = s->v.points;
	for (size_t k = 0; k < rows; k++) {
		struct lrow *r = &s->ledger[k];
		r->e.kind = LK_EXPIRE;
		r->pending = true;
		r->amount = -1;
		r->balance = balance;
		if (nout > 0) {
			const struct expiry *x = &out[nout - 1 - k];
			r->e.at = x->at;
			r->e.points = -x->points;
		} else {
			r->e.at = TIME_NONE;
			r->e.points = -missing;
		}
		balance -= r->e.points;
	}
	s->nledger = rows;
	free(out);
}

/* Reads the customer and the first page of each list.  Returns false
 * when the customer cannot be read (the message is shown). */
static bool load(struct card *s)
{
	struct app *app = s->app;
	struct store *st = app->st;
	struct werr e = {0};
	struct customer_view v;
	if (customer_view_load(st, &app->shop, s->id, app_now(app), &v, &e) != 0) {
		app_error(app, &e);
		return false;
	}
	customer_view_clear(&s->v);
	s->v = v;
	lists_clear(s);
	free(s->referrer);
	s->referrer = NULL;
	s->has_expiry = false;
	s->visits = 0;

	int64_t sums[LK__COUNT];
	struct expiry *next = NULL;
	size_t nnext = 0;
	int64_t balance = 0;
	struct window_sale *ws = NULL;
	size_t nws = 0;
	int64_t window = app->shop.p.tier_window_days * DAY_SECONDS;
	if (ledger_totals(st, s->id, sums, &e) != 0 ||
	    points_preview(st, &app->shop, &s->v.c, s->v.at, &balance, &next, &nnext, 1, &e) != 0 ||
	    sales_window(st, s->id, s->v.at - window, s->v.at, &ws, &nws, &e) != 0 ||
	    surveys_of_customer(st, s->id, SURVEYS_MAX, &s->surveys, &s->nsurveys, &e) != 0) {
		app_error(app, &e);
		free(next);
		free(ws);
		return true;
	}
	s->ledger_sum = 0;
	for (int k = 0; k < LK__COUNT; k++)
		s->ledger_sum += sums[k];
	if (nnext > 0) {
		s->has_expiry = true;
		s->next_expiry = next[0];
	}
	free(next);
	s->visits = (int64_t)nws;
	free(ws);
	if (s->v.c.referrer_id > 0) {
		struct customer r = {0};
		if (customer_get(st, s->v.c.referrer_id, &r, &e) > 0) {
			s->referrer = r.name;
			r.name = NULL;
		}
		customer_clear(&r);
	}

	/* Expiry the program has not written yet (it is written before the
	 * next operation on the customer): rows of their own on top, so that
	 * the balances below add up. */
	s->running = s->ledger_sum;
	if (s->v.points < s->ledger_sum)
		pending_expiry(s);
	ledger_more(s);
	sales_more(s);
	for (int i = 0; i < V__COUNT; i++)
		list_reset(&s->lists[i]);
	return true;
}

/* ---- the lists' sources ---- */

static size_t ledger_count(void *ctx)
{
	return ((struct card *)ctx)->nledger;
}

static size_t sales_count(void *ctx)
{
	return ((struct card *)ctx)->nsales;
}

static size_t surveys_count(void *ctx)
{
	return ((struct card *)ctx)->nsurveys;
}

static size_t ledger_src_more(void *ctx, bool forward, size_t *dropped)
{
	*dropped = 0;
	return forward ? ledger_more(ctx) : 0;
}

static size_t sales_src_more(void *ctx, bool forward, size_t *dropped)
{
	*dropped = 0;
	return forward ? sales_more(ctx) : 0;
}

/* "+68" / "-150" in the UI's digits. */
static char *signed_points(struct app *app, int64_t p)
{
	char *n = fmt_int(app->loc, p < 0 ? -p : p);
	char *s = xasprintf("%s%s", p < 0 ? "-" : "+", n);
	free(n);
	return s;
}

static char *money(struct app *app, int64_t minor)
{
	return fmt_money(app->loc, minor, app->shop.p.decimals);
}

static void row_marker(struct app *app, int y, int x, int w, bool selected)
{
	if (!selected)
		return;
	draw_fill(app, y, x, w, LOOK_SELECT);
	draw_text(app, y, x, 1, app->rtl ? "\u25c2" : "\u25b8", BIDI_LTR, ALIGN_START,
		  LOOK_SELECT);
}

#define WHEN_W 18
#define AMOUNT_W 12
#define PTS_W 8
#define BAL_W 9

/* What a ledger entry was, as a person says it (new string). */
static char *entry_what(const struct lrow *r)
{
	switch (r->e.kind) {
	case LK_EARN:
		return xstrdup(_("purchase"));
	case LK_BONUS:
		return r->e.reason != NULL ? xasprintf(_("bonus: %s"), r->e.reason)
					   : xstrdup(_("bonus"));
	case LK_REDEEM:
		if (r->reward != NULL && r->voucher != NULL)
			/* TRANSLATORS: ledger row: reward name and voucher code. */
			return xasprintf(_("reward %s (%s)"), r->reward, r->voucher);
		return r->reward != NULL ? xasprintf(_("reward %s"), r->reward)
					 : xstrdup(_("reward"));
	case LK_PAY:
		return xstrdup(_("paid with points"));
	case LK_REVERSE:
		return xstrdup(_("return"));
	case LK_RESTORE:
		/* TRANSLATORS: ledger row: a return gives back the points that had paid. */
		return xstrdup(_("return: points given back"));
	case LK_EXPIRE:
		return xstrdup(r->pending ? _("expiry (due, not yet recorded)") : _("expiry"));
	case LK_ADJUST:
		return r->e.reason != NULL ? xasprintf(_("adjustment: %s"), r->e.reason)
					   : xstrdup(_("adjustment"));
	default:
		return xstrdup("");
	}
}

/* The columns of the points history. */
static void ledger_cols(int x, int w, int *what, int *whatw, int *amount, int *pts, int *bal)
{
	*bal = x + w - BAL_W;
	*pts = *bal - 1 - PTS_W;
	*amount = *pts - 1 - AMOUNT_W;
	*what = x + 2 + WHEN_W + 1;
	*whatw = *amount - 1 - *what;
}

static void ledger_draw_row(struct app *app, void *ctx, size_t i, int y, int x, int w,
			    bool selected)
{
	struct card *s = ctx;
	const struct lrow *r = &s->ledger[i];
	enum look base = selected ? LOOK_SELECT : LOOK_NORMAL;
	row_marker(app, y, x, w, selected);
	int what, whatw, amount, pts, bal;
	ledger_cols(x, w, &what, &whatw, &amount, &pts, &bal);
	char *t = r->e.at == TIME_NONE ? xstrdup(_("now")) : cf_when(app, r->e.at);
	draw_text(app, y, x + 2, WHEN_W, t, ui_dir(app), ALIGN_START, selected ? base : LOOK_DIM);
	free(t);
	t = entry_what(r);
	draw_text(app, y, what, whatw, t, ui_dir(app), ALIGN_START, base);
	free(t);
	if (r->amount >= 0) {
		t = money(app, r->amount);
		draw_text(app, y, amount, AMOUNT_W, t, BIDI_LTR, ALIGN_END, base);
		free(t);
	}
	t = signed_points(app, r->e.points);
	draw_text(app, y, pts, PTS_W, t, BIDI_LTR, ALIGN_END,
		  selected ? base : r->e.points > 0 ? LOOK_OK : LOOK_ERROR);
	free(t);
	t = fmt_int(app->loc, r->balance);
	draw_text(app, y, bal, BAL_W, t, BIDI_LTR, ALIGN_END, selected ? base : LOOK_ACCENT);
	free(t);
}

/* The columns of the purchases. */
struct scols {
	int when, amount, paid, earned, returned, tier, note;
};

static void sales_cols(int x, int w, struct scols *c)
{
	c->when = x + 2;
	c->amount = c->when + WHEN_W + 1;
	c->paid = c->amount + AMOUNT_W + 1;
	c->earned = c->paid + 11;
	c->returned = c->earned + PTS_W + 2;
	c->tier = c->returned + 18;
	c->note = c->tier + 11;
	if (c->tier + 10 > x + w)
		c->tier = -1;
	if (c->note + 10 > x + w)
		c->note = -1;
}

static void sales_draw_row(struct app *app, void *ctx, size_t i, int y, int x, int w,
			   bool selected)
{
	struct card *s = ctx;
	const struct sale *sa = &s->sales[i];
	int64_t back = s->returned[i];
	enum look base = selected ? LOOK_SELECT : LOOK_NORMAL;
	row_marker(app, y, x, w, selected);
	struct scols c;
	sales_cols(x, w, &c);
	char *t = cf_when(app, sa->at);
	draw_text(app, y, c.when, WHEN_W, t, ui_dir(app), ALIGN_START, selected ? base : LOOK_DIM);
	free(t);
	t = money(app, sa->amount);
	draw_text(app, y, c.amount, AMOUNT_W, t, BIDI_LTR, ALIGN_END,
		  back >= sa->amount && !selected ? LOOK_DIM : base);
	free(t);
	if (sa->points_paid > 0) {
		t = signed_points(app, -sa->points_paid);
		draw_text(app, y, c.paid, 10, t, BIDI_LTR, ALIGN_END, selected ? base : LOOK_ERROR);
		free(t);
	}
	t = signed_points(app, sa->earned);
	draw_text(app, y, c.earned, PTS_W, t, BIDI_LTR, ALIGN_END, selected ? base : LOOK_OK);
	free(t);
	if (back > 0) {
		if (back >= sa->amount) {
			t = xstrdup(_("all returned"));
		} else {
			char *m = money(app, back);
			/* TRANSLATORS: purchases list: goods value returned so far; short. */
			t = xasprintf(_("%s back"), m);
			free(m);
		}
		draw_text(app, y, c.returned, 17, t, ui_dir(app), ALIGN_START,
			  selected ? base : LOOK_ACCENT);
		free(t);
	}
	if (c.tier >= 0 && sa->tier != NULL)
		draw_text(app, y, c.tier, 10, sa->tier, BIDI_AUTO, ALIGN_START,
			  selected ? base : LOOK_DIM);
	if (c.note >= 0 && sa->note != NULL)
		draw_text(app, y, c.note, x + w - c.note, sa->note, BIDI_AUTO, ALIGN_START, base);
}

static const char *category_label(int score)
{
	switch (rule_nps_category(score)) {
	case NPS_PROMOTER:
		return _("promoter");
	case NPS_PASSIVE:
		return _("passive");
	default:
		return _("detractor");
	}
}

static const char *reason_label(const char *code)
{
	if (code == NULL)
		return "";
	for (size_t i = 0; i < survey_nreasons; i++)
		if (strcmp(survey_reasons[i].code, code) == 0)
			return _(survey_reasons[i].label);
	return code;
}

static void surveys_draw_row(struct app *app, void *ctx, size_t i, int y, int x, int w,
			     bool selected)
{
	struct card *s = ctx;
	const struct survey *v = &s->surveys[i];
	enum look base = selected ? LOOK_SELECT : LOOK_NORMAL;
	row_marker(app, y, x, w, selected);
	int cx = x + 2;
	char *t = cf_when(app, v->at);
	draw_text(app, y, cx, WHEN_W, t, ui_dir(app), ALIGN_START, selected ? base : LOOK_DIM);
	free(t);
	cx += WHEN_W + 1;
	t = fmt_int(app->loc, v->score);
	enum nps_category cat = rule_nps_category(v->score);
	draw_text(app, y, cx, 3, t, BIDI_LTR, ALIGN_END,
		  selected ? base
		  : cat == NPS_PROMOTER ? LOOK_OK
		  : cat == NPS_DETRACTOR ? LOOK_ERROR
					 : LOOK_ACCENT);
	free(t);
	cx += 4;
	draw_ui(app, y, cx, 10, category_label(v->score), ALIGN_START, base);
	cx += 11;
	if (v->csat > 0) {
		char *n = fmt_int(app->loc, v->csat);
		char *five = fmt_int(app->loc, 5);
		t = xasprintf("%s/%s", n, five);
		draw_text(app, y, cx, 5, t, BIDI_LTR, ALIGN_START, base);
		free(t);
		free(n);
		free(five);
	}
	cx += 6;
	draw_ui(app, y, cx, 15, reason_label(v->reason), ALIGN_START, base);
	cx += 16;
	if (v->comment != NULL && cx < x + w)
		draw_text(app, y, cx, x + w - cx, v->comment, BIDI_AUTO, ALIGN_START, base);
}

static const struct list_ops ledger_src = {
	.count = ledger_count,
	.draw_row = ledger_draw_row,
	.more = ledger_src_more,
};
static const struct list_ops sales_src = {
	.count = sales_count,
	.draw_row = sales_draw_row,
	.more = sales_src_more,
};
static const struct list_ops surveys_src = {
	.count = surveys_count,
	.draw_row = surveys_draw_row,
};

/* ---- the key bar ---- */

static void set_bar(struct card *s)
{
	size_t n = 0;
	card_bar[n++] = ACT_PURCHASE;
	card_bar[n++] = ACT_REDEEM;
	card_bar[n++] = s->view == V_SALES ? ACT_RETURN : ACT_SURVEY;
	card_bar[n++] = ACT_EDIT;
	card_bar[n++] = ACT_ADJUST;
	card_bar[n++] = ACT_VIEW;
	card_bar[n++] = ACT_BACK;
	card_bar[n++] = s->v.c.active ? ACT_DEACTIVATE : ACT_REACTIVATE;
	card_bar[n] = ACT_NONE;
}

/* ---- the screen ---- */

static void *card_enter(struct app *app, void *arg)
{
	if (arg == NULL)
		return NULL;
	struct card *s = xcalloc(1, sizeof *s);
	s->app = app;
	s->id = *(const int64_t *)arg;
	list_init(&s->lists[V_LEDGER], &ledger_src, s);
	list_init(&s->lists[V_SALES], &sales_src, s);
	list_init(&s->lists[V_SURVEYS], &surveys_src, s);
	if (!load(s)) {
		lists_clear(s);
		free(s);
		return NULL;
	}
	set_bar(s);
	if (!s->v.c.active)
		app_message(app, MSG_ERROR, "%s",
			    _("This customer is inactive: i makes them active again (owner)."));
	return s;
}

static void card_leave(struct app *app, void *state)
{
	(void)app;
	struct card *s = state;
	lists_clear(s);
	customer_view_clear(&s->v);
	free(s->referrer);
	free(s);
}

static void card_resume(struct app *app, void *state)
{
	(void)app;
	struct card *s = state;
	load(s);
	set_bar(s);
}

static bool card_customer(void *state, int64_t *id)
{
	*id = ((struct card *)state)->id;
	return true;
}

/* Asks for the owner's PIN after a W_AUTH refusal; true when it was
 * right (the action can be tried again). */
static bool ask_owner(struct app *app)
{
	char *pin = dialog_input(app, _("Owner's PIN"), _("This change needs the owner's PIN. PIN"),
				 BIDI_LTR, NULL, true);
	if (pin == NULL)
		return false;
	struct werr e = {0};
	int r = staff_login(app->st, "owner", pin, &e);
	memset(pin, 0, strlen(pin));
	free(pin);
	if (r != 0) {
		app_error(app, &e);
		return false;
	}
	return true;
}

static void show_refusal(struct app *app, const struct werr *e)
{
	if (e->status == W_DB)
		app_error(app, e);
	else
		app_message(app, MSG_ERROR, "%s", picker_strip_option(e->msg));
}

/* A whole number of points, signed, digits of any script. */
static bool parse_delta(const char *text, int64_t *out)
{
	char *a = digits_to_ascii(text);
	char *t = a != NULL ? utf8_trim(a) : NULL;
	free(a);
	if (t == NULL)
		return false;
	const char *p = t;
	bool neg = false;
	if (*p == '+') {
		p++;
	} else if (*p == '-') {
		neg = true;
		p++;
	} else if (strncmp(p, "\u2212", 3) == 0) {
		neg = true;
		p += 3;
	}
	while (*p == ' ')
		p++;
	size_t n = strlen(p);
	bool ok = n > 0 && n <= 9 && strspn(p, "0123456789") == n;
	if (ok) {
		*out = strtoll(p, NULL, 10) * (neg ? -1 : 1);
		ok = *out != 0;
	}
	free(t);
	return ok;
}

static int do_adjust(struct app *app, struct card *s)
{
	const char *title = _("Adjust points");
	char *text = dialog_input(app, title, _("Points to add (-20 takes 20 away)"), BIDI_LTR, NULL,
				  false);
	if (text == NULL)
		return KF_HANDLED | KF_REDRAW;
	int64_t delta = 0;
	bool ok = parse_delta(text, &delta);
	free(text);
	if (!ok) {
		app_message(app, MSG_ERROR, "%s",
			    _("Type a whole number of points other than 0, such as 50 or -20."));
		return KF_HANDLED | KF_REDRAW;
	}
	char *reason = dialog_input(app, title, _("Reason"), BIDI_AUTO, NULL, false);
	if (reason == NULL)
		return KF_HANDLED | KF_REDRAW;
	if (utf8_is_blank(reason)) {
		free(reason);
		app_message(app, MSG_ERROR, "%s", _("An adjustment needs a reason."));
		return KF_HANDLED | KF_REDRAW;
	}
	struct actor before = *store_actor(app->st);
	bool signed_in = false;
	struct werr e = {0};
	struct adjust_result res;
	int r = engine_adjust(app->st, s->id, delta, reason, TIME_NONE, 0, &res, &e);
	if (r != 0 && e.status == W_AUTH && ask_owner(app)) {
		signed_in = true;
		r = engine_adjust(app->st, s->id, delta, reason, TIME_NONE, 0, &res, &e);
	}
	/* The owner signed in for this one change only. */
	if (signed_in)
		store_set_actor(app->st, &before);
	free(reason);
	if (r != 0) {
		show_refusal(app, &e);
		return KF_HANDLED | KF_REDRAW;
	}
	load(s);
	/* The new entry is on top of the points history. */
	s->view = V_LEDGER;
	set_bar(s);
	char *d = signed_points(app, delta);
	char *b = picker_points_text(app, res.balance);
	/* TRANSLATORS: after a points adjustment: the change, the new balance. */
	app_message(app, MSG_OK, _("Points adjusted by %s: the balance is now %s."), d, b);
	free(d);
	free(b);
	return KF_HANDLED | KF_REDRAW;
}

static int do_return(struct app *app, struct card *s)
{
	if (s->view != V_SALES) {
		s->view = V_SALES;
		set_bar(s);
		app_message(app, MSG_INFO, "%s",
			    _("Highlight the purchase the goods come from, then press r."));
		return KF_HANDLED | KF_REDRAW;
	}
	size_t i = list_selected(&s->lists[V_SALES]);
	if (i == SIZE_MAX || i >= s->nsales) {
		app_message(app, MSG_ERROR, "%s", _("This customer has no purchases."));
		return KF_HANDLED | KF_REDRAW;
	}
	const struct sale *sa = &s->sales[i];
	int64_t left = sa->amount - s->returned[i];
	if (left <= 0) {
		app_message(app, MSG_ERROR, "%s", _("Everything of this purchase has come back."));
		return KF_HANDLED | KF_REDRAW;
	}
	int64_t sale_id = sa->id;
	char *when = cf_when(app, sa->at);
	char *up_to = money(app, left);
	/* TRANSLATORS: title of the return dialog: the purchase's date. */
	char *title = xasprintf(_("Return from the purchase of %s"), when);
	/* TRANSLATORS: label of the return dialog: the goods value still returnable. */
	char *label = xasprintf(_("Goods value returned (up to %s)"), up_to);
	char *text = dialog_input(app, title, label, BIDI_LTR, NULL, false);
	free(when);
	free(up_to);
	free(title);
	free(label);
	if (text == NULL)
		return KF_HANDLED | KF_REDRAW;
	int64_t amount = 0;
	enum money_error me = money_parse(text, app->shop.p.decimals, &amount);
	free(text);
	if (me != MONEY_OK) {
		app_message(app, MSG_ERROR, "%s", money_strerror(me));
		return KF_HANDLED | KF_REDRAW;
	}
	struct return_request rq = {.purchase_id = sale_id, .amount = amount, .at = TIME_NONE};
	struct return_result res;
	struct werr e = {0};
	if (engine_return(app->st, &rq, &res, &e) != 0) {
		show_refusal(app, &e);
		return KF_HANDLED | KF_REDRAW;
	}
	load(s);
	s->view = V_SALES;
	/* Keep the purchase highlighted. */
	for (size_t k = 0; k < s->nsales; k++)
		if (s->sales[k].id == sale_id)
			s->lists[V_SALES].sel = k;
	struct strbuf sb = STRBUF_INIT;
	char *m = money(app, res.refunded);
	strbuf_addf(&sb, _("Return recorded: refund %s %s"), m, app->shop.p.currency);
	free(m);
	if (res.points_reversed > 0) {
		char *p = picker_points_text(app, res.points_reversed);
		strbuf_adds(&sb, " \u00b7 ");
		/* TRANSLATORS: after a return: the earned points taken back. */
		strbuf_addf(&sb, _("%s taken back"), p);
		free(p);
	}
	if (res.points_restored > 0) {
		char *p = picker_points_text(app, res.points_restored);
		strbuf_adds(&sb, " \u00b7 ");
		/* TRANSLATORS: after a return: the points that had paid, given back. */
		strbuf_addf(&sb, _("%s given back"), p);
		free(p);
	}
	char *b = picker_points_text(app, res.points_balance);
	strbuf_adds(&sb, " \u00b7 ");
	/* TRANSLATORS: after a return: the customer's new balance. */
	strbuf_addf(&sb, _("balance %s"), b);
	free(b);
	app_message(app, MSG_OK, "%s", strbuf_str(&sb));
	strbuf_release(&sb);
	return KF_HANDLED | KF_REDRAW;
}

static int do_set_active(struct app *app, struct card *s)
{
	bool active = !s->v.c.active;
	char *q = active ? xasprintf(_("Make %s active again?"), s->v.c.name)
			 : xasprintf(_("Mark %s inactive? The history is kept."), s->v.c.name);
	bool yes = dialog_confirm(app, active ? _("Reactivate") : _("Deactivate"), q);
	free(q);
	if (!yes)
		return KF_HANDLED | KF_REDRAW;
	struct actor before = *store_actor(app->st);
	bool signed_in = false;
	struct werr e = {0};
	int r = engine_customer_set_active(app->st, s->id, active, &e);
	if (r != 0 && e.status == W_AUTH && ask_owner(app)) {
		signed_in = true;
		r = engine_customer_set_active(app->st, s->id, active, &e);
	}
	if (signed_in)
		store_set_actor(app->st, &before);
	if (r != 0) {
		show_refusal(app, &e);
		return KF_HANDLED | KF_REDRAW;
	}
	load(s);
	set_bar(s);
	app_message(app, MSG_OK, "%s",
		    active ? _("The customer is active again.")
			   : _("The customer is now inactive; the history is kept."));
	return KF_HANDLED | KF_REDRAW;
}

static int card_key(struct app *app, void *state, const struct key *k)
{
	struct card *s = state;
	if (k->ch == '\t' || k->code == KEY_BTAB) {
		s->view = (enum view)((s->view + (k->ch == '\t' ? 1 : V__COUNT - 1)) % V__COUNT);
		set_bar(s);
		return KF_HANDLED | KF_REDRAW;
	}
	if (key_is(k, 'e')) {
		int64_t id = s->id;
		app_push(app, &screen_enroll, &id);
		return KF_HANDLED | KF_REDRAW;
	}
	if (key_is(k, 'a'))
		return do_adjust(app, s);
	if (key_is(k, 'r'))
		return do_return(app, s);
	if (key_is(k, 'i'))
		return do_set_active(app, s);
	if (list_key(&s->lists[s->view], k) != KF_IGNORED)
		return KF_HANDLED | KF_REDRAW;
	return KF_IGNORED;
}

/* ---- drawing ---- */

/* Draws text from x up to end; returns where the next piece goes. */
static int piece(struct app *app, int y, int x, int end, const char *text, enum bidi_dir dir,
		 enum look look)
{
	if (x >= end || text == NULL || *text == '\0')
		return x;
	return x + draw_text(app, y, x, end - x, text, dir, ALIGN_START, look);
}

static int gap(struct app *app, int y, int x, int end)
{
	return piece(app, y, x, end, "   ", BIDI_LTR, LOOK_NORMAL);
}

/* Name, status, tier and membership. */
static void draw_name_line(struct app *app, struct card *s, int y, int x, int end)
{
	const struct customer *c = &s->v.c;
	int cx = piece(app, y, x, end, c->name, BIDI_AUTO, LOOK_TITLE);
	char *id = cf_id(app, c->id);
	char *tag = xasprintf("#%s", id);
	cx = piece(app, y, cx + 2, end, tag, BIDI_LTR, LOOK_DIM);
	free(tag);
	free(id);
	if (!c->active)
		/* TRANSLATORS: beside the name on the customer card. */
		cx = piece(app, y, cx + 2, end, _("inactive"), ui_dir(app), LOOK_ERROR);
	if (!c->consent)
		/* TRANSLATORS: customer card: the customer did not consent to be contacted. */
		cx = piece(app, y, cx + 2, end, _("no calls or messages"), ui_dir(app), LOOK_DIM);
	char *since = cf_date(app, c->enrolled_at, DATE_DAY);
	/* TRANSLATORS: customer card: tier and enrolment date, "Silver · member since 12
	 * Farvardin 1403". */
	char *t = xasprintf(_("%s \u00b7 member since %s"), s->v.tier != NULL ? s->v.tier->name : "",
			    since);
	if (cx + 2 < end)
		draw_ui(app, y, cx + 2, end - cx - 2, t, ALIGN_END, LOOK_ACCENT);
	free(t);
	free(since);
}

/* Phone, card, e-mail, birthday. */
static void draw_contact_line(struct app *app, struct card *s, int y, int x, int end)
{
	const struct customer *c = &s->v.c;
	int cx = x;
	if (c->phone != NULL) {
		char *t = cf_phone(app, c->phone);
		cx = piece(app, y, cx, end, t, BIDI_LTR, LOOK_NORMAL);
		free(t);
		cx = gap(app, y, cx, end);
	}
	/* TRANSLATORS: customer card: before the card number. */
	cx = piece(app, y, cx, end, _("card"), ui_dir(app), LOOK_DIM);
	char *t = cf_card(app, c->card);
	cx = piece(app, y, cx + 1, end, t, BIDI_LTR, LOOK_NORMAL);
	free(t);
	if (c->email != NULL) {
		cx = gap(app, y, cx, end);
		cx = piece(app, y, cx, end, c->email, BIDI_LTR, LOOK_NORMAL);
	}
	if (c->birthday != NULL) {
		cx = gap(app, y, cx, end);
		t = cf_birthday(app, c->birthday);
		/* TRANSLATORS: customer card: the birthday's day and month. */
		char *b = xasprintf(_("birthday %s"), t);
		cx = piece(app, y, cx, end, b, ui_dir(app), LOOK_NORMAL);
		free(b);
		free(t);
	}
}

static void draw_balance_line(struct app *app, struct card *s, int y, int x, int end)
{
	int cx = piece(app, y, x, end, _("Balance"), ui_dir(app), LOOK_NORMAL);
	char *p = picker_points_text(app, s->v.points);
	cx = piece(app, y, cx + 1, end, p, ui_dir(app), s->v.points < 0 ? LOOK_ERROR : LOOK_ACCENT);
	free(p);
	char *val = picker_value_text(app, s->v.points);
	if (val != NULL)
		cx = piece(app, y, cx + 1, end, val, ui_dir(app), LOOK_NORMAL);
	free(val);
	if (s->has_expiry) {
		cx = gap(app, y, cx, end);
		char *n = picker_points_text(app, s->next_expiry.points);
		char *d = cf_date(app, s->next_expiry.at, DATE_DAY);
		/* TRANSLATORS: customer card: the next points to expire and when. */
		char *t = xasprintf(_("Expiring: %s on %s"), n, d);
		piece(app, y, cx, end, t, ui_dir(app), LOOK_NORMAL);
		free(t);
		free(n);
		free(d);
	}
}

/* Spend in the tier window, visits, average, last visit. */
static void draw_spend_line(struct app *app, struct card *s, int y, int x, int end)
{
	const struct customer *c = &s->v.c;
	if (c->sales_count == 0) {
		piece(app, y, x, end, _("No purchases yet."), ui_dir(app), LOOK_DIM);
		return;
	}
	struct strbuf sb = STRBUF_INIT;
	char *days = fmt_int(app->loc, app->shop.p.tier_window_days);
	char *spend = money(app, s->v.window_spend);
	/* TRANSLATORS: customer card: the spend over the tier window, "Last 365 days:
	 * 3,350,000". */
	strbuf_addf(&sb, P_("Last %s day: %s", "Last %s days: %s", app->shop.p.tier_window_days),
		    days, spend);
	free(days);
	free(spend);
	if (s->visits == 0) {
		strbuf_reset(&sb);
		char *d = fmt_int(app->loc, app->shop.p.tier_window_days);
		/* TRANSLATORS: customer card: no purchase in the tier window. */
		strbuf_addf(&sb,
			    P_("No purchase in the last %s day", "No purchases in the last %s days",
			       app->shop.p.tier_window_days),
			    d);
		free(d);
	} else {
		char *n = fmt_int(app->loc, s->visits);
		strbuf_adds(&sb, " \u00b7 ");
		strbuf_addf(&sb, P_("%s visit", "%s visits", s->visits), n);
		free(n);
	}
	if (s->visits > 0) {
		char *avg = money(app, s->v.window_spend / s->visits);
		strbuf_adds(&sb, " \u00b7 ");
		/* TRANSLATORS: customer card: the average purchase. */
		strbuf_addf(&sb, _("avg %s"), avg);
		free(avg);
	}
	char *ago = cf_ago(app, c->last_sale_at);
	strbuf_adds(&sb, " \u00b7 ");
	/* TRANSLATORS: customer card: "last visit today", "last visit 3 days ago". */
	strbuf_addf(&sb, _("last visit %s"), ago);
	free(ago);
	int cx = piece(app, y, x, end, strbuf_str(&sb), ui_dir(app), LOOK_NORMAL);
	strbuf_release(&sb);
	if (c->sales_count > s->visits) {
		char *all = fmt_int(app->loc, c->sales_count);
		/* TRANSLATORS: customer card: the purchases of all time. */
		char *t = xasprintf(P_("(%s in all)", "(%s in all)", c->sales_count), all);
		piece(app, y, cx + 2, end, t, ui_dir(app), LOOK_DIM);
		free(t);
		free(all);
	}
}

/* How far the next tier is. */
static void draw_tier_line(struct app *app, struct card *s, int y, int x, int end)
{
	const struct tier *t = s->v.tier, *next = s->v.next_tier;
	int cx = x;
	if (next != NULL) {
		char *m = money(app, next->min_spend);
		/* TRANSLATORS: customer card: the next tier and the spend it needs. */
		char *l = xasprintf(_("%s at %s"), next->name, m);
		cx = piece(app, y, cx, end, l, ui_dir(app), LOOK_NORMAL);
		free(l);
		free(m);
		double f = next->min_spend > 0 ? (double)s->v.window_spend / (double)next->min_spend
					       : 1.0;
		int gw = end - cx - 2 < 20 ? end - cx - 2 : 20;
		if (gw > 4) {
			chart_gauge(app, y, cx + 1, gw, f, LOOK_ACCENT);
			cx += gw + 2;
		}
		char *pct = fmt_percent(app->loc, f > 1 ? 1 : f);
		cx = piece(app, y, cx, end, pct, ui_dir(app), LOOK_ACCENT);
		free(pct);
		int64_t missing = next->min_spend - s->v.window_spend;
		if (missing > 0) {
			char *mm = money(app, missing);
			/* TRANSLATORS: customer card: the spend (an amount of money) still
			 * missing for the next tier: "1,650,000 to go". */
			char *g = xasprintf(C_("money", "%s to go"), mm);
			cx = piece(app, y, cx + 2, end, g, ui_dir(app), LOOK_NORMAL);
			free(g);
			free(mm);
		}
	} else if (app->shop.ntiers > 1 && t != NULL) {
		/* TRANSLATORS: customer card: the customer holds the highest tier. */
		char *l = xasprintf(_("%s, the highest tier"), t->name);
		cx = piece(app, y, cx, end, l, ui_dir(app), LOOK_OK);
		free(l);
		if (t->discount > 0) {
			char *d = fmt_percent(app->loc, t->discount / 100.0);
			/* TRANSLATORS: customer card: the tier's discount, shown to the cashier. */
			char *g = xasprintf(_("give %s discount"), d);
			piece(app, y, cx + 3, end, g, ui_dir(app), LOOK_ACCENT);
			free(g);
			free(d);
		}
		return;
	} else {
		cx = piece(app, y, cx, end, _("One tier for every customer."), ui_dir(app), LOOK_DIM);
	}
	if (t != NULL && t->discount > 0) {
		char *d = fmt_percent(app->loc, t->discount / 100.0);
		char *l = xasprintf(_("%s: give %s discount"), t->name, d);
		piece(app, y, cx + 3, end, l, ui_dir(app), LOOK_ACCENT);
		free(l);
		free(d);
	}
}

/* The latest NPS answer and the referrals. */
static void draw_nps_line(struct app *app, struct card *s, int y, int x, int end)
{
	int cx = x;
	if (s->nsurveys > 0) {
		const struct survey *v = &s->surveys[0];
		char *n = fmt_int(app->loc, v->score);
		char *d = cf_date(app, v->at, DATE_DAY);
		/* TRANSLATORS: customer card: the latest answer, "NPS: 9 (promoter) on 3 Mehr
		 * 1405". */
		char *t = xasprintf(_("NPS: %s (%s) on %s"), n, category_label(v->score), d);
		enum nps_category cat = rule_nps_category(v->score);
		cx = piece(app, y, cx, end, t, ui_dir(app),
			   cat == NPS_PROMOTER    ? LOOK_OK
			   : cat == NPS_DETRACTOR ? LOOK_ERROR
						  : LOOK_NORMAL);
		free(t);
		free(n);
		free(d);
	} else {
		cx = piece(app, y, cx, end, _("No survey answer yet."), ui_dir(app), LOOK_DIM);
	}
	cx = gap(app, y, cx, end);
	char *n = fmt_int(app->loc, s->v.referrals);
	/* TRANSLATORS: customer card: how many customers this one brought. */
	char *t = xasprintf(P_("Referred %s customer", "Referred %s customers", s->v.referrals), n);
	cx = piece(app, y, cx, end, t, ui_dir(app), s->v.referrals > 0 ? LOOK_NORMAL : LOOK_DIM);
	free(t);
	free(n);
	if (s->referrer != NULL) {
		cx = gap(app, y, cx, end);
		cx = piece(app, y, cx, end, _("referred by"), ui_dir(app), LOOK_DIM);
		piece(app, y, cx + 1, end, s->referrer, BIDI_AUTO, LOOK_NORMAL);
	}
}

static void draw_tabs(struct app *app, struct card *s, int y, int x, int end)
{
	char *n1 = fmt_int(app->loc, s->v.c.sales_count);
	char *n2 = fmt_int(app->loc, (int64_t)s->nsurveys);
	char *labels[V__COUNT] = {
		xstrdup(_("Points history")),
		xasprintf(_("Purchases (%s)"), n1),
		xasprintf(_("Surveys (%s)"), n2),
	};
	free(n1);
	free(n2);
	int cx = x;
	for (int i = 0; i < V__COUNT; i++) {
		char *l = xasprintf(" %s ", labels[i]);
		cx = piece(app, y, cx, end, l, ui_dir(app), i == (int)s->view ? LOOK_SELECT : LOOK_DIM);
		free(l);
		cx += 1;
		free(labels[i]);
	}
	/* TRANSLATORS: after the tabs of the customer card. */
	piece(app, y, cx + 1, end, _("(Tab: next list)"), ui_dir(app), LOOK_DIM);
}

static void draw_heads(struct app *app, struct card *s, int y, int x, int w)
{
	int end = x + w;
	switch (s->view) {
	case V_LEDGER: {
		int what, whatw, amount, pts, bal;
		ledger_cols(x, w, &what, &whatw, &amount, &pts, &bal);
		draw_ui(app, y, x + 2, WHEN_W, _("Date"), ALIGN_START, LOOK_DIM);
		draw_ui(app, y, what, whatw, _("What"), ALIGN_START, LOOK_DIM);
		draw_ui(app, y, amount, AMOUNT_W, _("Amount"), ALIGN_END, LOOK_DIM);
		draw_ui(app, y, pts, PTS_W, _("Points"), ALIGN_END, LOOK_DIM);
		draw_ui(app, y, bal, BAL_W, _("Balance"), ALIGN_END, LOOK_DIM);
		break;
	}
	case V_SALES: {
		struct scols c;
		sales_cols(x, w, &c);
		draw_ui(app, y, c.when, WHEN_W, _("Date"), ALIGN_START, LOOK_DIM);
		draw_ui(app, y, c.amount, AMOUNT_W, _("Amount"), ALIGN_END, LOOK_DIM);
		/* TRANSLATORS: column of the purchases: points that paid part of it; short. */
		draw_ui(app, y, c.paid, 10, _("Paid pts"), ALIGN_END, LOOK_DIM);
		/* TRANSLATORS: column of the purchases: points earned; short. */
		draw_ui(app, y, c.earned, PTS_W, _("Earned"), ALIGN_END, LOOK_DIM);
		draw_ui(app, y, c.returned, 17, _("Returned"), ALIGN_START, LOOK_DIM);
		if (c.tier >= 0)
			draw_ui(app, y, c.tier, 10, _("Tier"), ALIGN_START, LOOK_DIM);
		if (c.note >= 0)
			draw_ui(app, y, c.note, end - c.note, _("Note"), ALIGN_START, LOOK_DIM);
		break;
	}
	default: {
		int cx = x + 2;
		draw_ui(app, y, cx, WHEN_W, _("Date"), ALIGN_START, LOOK_DIM);
		cx += WHEN_W + 1;
		/* TRANSLATORS: column of the survey answers: the 0-10 score; short. */
		draw_ui(app, y, cx, 14, _("Score"), ALIGN_START, LOOK_DIM);
		cx += 15;
		/* TRANSLATORS: column of the survey answers: satisfaction 1-5; short. */
		draw_ui(app, y, cx, 5, _("Sat."), ALIGN_START, LOOK_DIM);
		cx += 6;
		draw_ui(app, y, cx, 15, _("Reason"), ALIGN_START, LOOK_DIM);
		cx += 16;
		draw_ui(app, y, cx, end - cx, _("Comment"), ALIGN_START, LOOK_DIM);
		break;
	}
	}
}

static void card_draw(struct app *app, void *state)
{
	struct card *s = state;
	int x = 1, w = app->cols - 2, end = x + w;
	int y = 1;
	draw_name_line(app, s, y++, x, end);
	draw_contact_line(app, s, y++, x, end);
	draw_balance_line(app, s, y++, x, end);
	draw_spend_line(app, s, y++, x, end);
	draw_tier_line(app, s, y++, x, end);
	draw_nps_line(app, s, y++, x, end);
	if (s->v.c.note != NULL && app->rows >= 28) {
		int cx = piece(app, y, x, end, _("Note:"), ui_dir(app), LOOK_DIM);
		piece(app, y, cx + 1, end, s->v.c.note, BIDI_AUTO, LOOK_NORMAL);
		y++;
	}
	if (app->rows >= 30)
		y++;
	draw_tabs(app, s, y++, x, end);
	draw_heads(app, s, y++, x, w);
	int h = app->rows - 2 - y;
	size_t n = s->view == V_LEDGER ? s->nledger : s->view == V_SALES ? s->nsales : s->nsurveys;
	if (n == 0) {
		const char *empty = s->view == V_LEDGER  ? _("No points yet.")
				    : s->view == V_SALES ? _("No purchases yet.")
							 : _("No survey answers yet.");
		draw_ui(app, y, x + 2, w - 2, empty, ALIGN_START, LOOK_DIM);
		return;
	}
	list_draw(app, &s->lists[s->view], y, x, h, w);
}

const struct screen_ops screen_card = {
	.name = "card",
	.enter = card_enter,
	.draw = card_draw,
	.key = card_key,
	.leave = card_leave,
	.resume = card_resume,
	.bar = card_bar,
	.customer = card_customer,
};
