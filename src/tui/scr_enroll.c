/* scr_enroll.c -- enrol a new customer (F7), or change a customer's
 * details (e on the card).
 *
 * A form: name, phone, birthday, e-mail, referrer, consent, note.  The
 * birthday is typed in the shop's calendar as YYYY-MM-DD (digits of any
 * script) and handed to the engine in Gregorian.  The referrer is found
 * the way a cashier knows them: a phone number (starting with 0 or +),
 * their card number, or a customer id; the command line's phone:NUMBER,
 * card:NUMBER and ext:ID work too.  Under the form the birthday and the
 * referrer are read back in words as they are typed.
 *
 * Ctrl-S, or Enter on the last field, saves through the engine: a
 * refusal stands next to the field it is about and everything typed
 * stays.  A new customer's card opens right after (F3 then starts a
 * purchase for them); an edit goes back to the card.  Esc with typed
 * input asks first.
 *
 * Argument: NULL for a new customer, or const int64_t *customer_id. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "engine/customer.h"
#include "engine/rules.h"
#include "store/customers.h"
#include "text/digits.h"
#include "text/i18n.h"
#include "text/uilocale.h"
#include "text/utf8.h"
#include "text/xalloc.h"
#include "tui/app.h"
#include "tui/custfmt.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/form.h"

enum {
	F_NAME,
	F_PHONE,
	F_BIRTHDAY,
	F_EMAIL,
	F_REFERRER,
	F_CONSENT,
	F_NOTE,
	F__COUNT
};

static const struct field_def enroll_fields[F__COUNT] = {
	{N_("Name"), FIELD_TEXT, FDIR_AUTO, 30, 200, NULL, NULL},
	/* TRANSLATORS: hint after the phone field of the enrolment form. */
	{N_("Phone"), FIELD_PHONE, FDIR_LTR, 18, 32, N_("mobile, digits of any script"), NULL},
	/* The hint is set for the shop's calendar. */
	{N_("Birthday"), FIELD_DATE, FDIR_LTR, 12, 16, NULL, NULL},
	{N_("E-mail"), FIELD_TEXT, FDIR_LTR, 30, 254, NULL, NULL},
	/* TRANSLATORS: hint after the referrer field: how to name the customer who referred
	 * this one. */
	{N_("Referred by"), FIELD_TEXT, FDIR_LTR, 18, 64, N_("their phone, card number or id"),
	 NULL},
	/* TRANSLATORS: hint after the consent field. */
	{N_("Consent to contact"), FIELD_YESNO, FDIR_UI, 5, 0,
	 N_("calls and messages about the club"), NULL},
	{N_("Note"), FIELD_TEXT, FDIR_AUTO, 40, 1000, NULL, NULL},
};

/* TRANSLATORS: hints after the birthday field, one per calendar. */
static const char *const birthday_hints[] = {
	N_("YYYY-MM-DD, Gregorian calendar"),
	N_("YYYY-MM-DD, Solar Hijri calendar"),
	N_("YYYY-MM-DD, Umm al-Qura calendar"),
};

struct enroll {
	int64_t id; /* the customer being changed; 0 for a new one */
	char *name; /* their name as it was (edit) */
	struct field_def defs[F__COUNT];
	struct form form;
	/* Read back under the form as typed. */
	char *birthday_words;
	char *referrer_words;
	int64_t referrer_id;
};

/* ---- reading the fields back ---- */

/* The referrer as a customer REF for customer_resolve: phone:, card:
 * and ext: as typed; a number starting with 0 or + is a phone number,
 * twelve digits passing the card check a card, another number (or #N)
 * an id.  A new string, NULL when blank. */
static char *referrer_ref(const char *text)
{
	char *t = utf8_trim(text);
	if (t == NULL || *t == '\0') {
		free(t);
		return NULL;
	}
	if (strncmp(t, "phone:", 6) == 0 || strncmp(t, "card:", 5) == 0 ||
	    strncmp(t, "ext:", 4) == 0)
		return t;
	char *a = digits_to_ascii(t);
	char *ref = NULL;
	if (a != NULL) {
		/* The digits alone (spaces, dashes and a # dropped). */
		char digits[40];
		size_t n = 0;
		bool other = false;
		for (const char *p = a; *p; p++) {
			if (*p >= '0' && *p <= '9') {
				if (n + 1 < sizeof digits)
					digits[n++] = *p;
			} else if (*p != ' ' && *p != '-' && !(*p == '#' && p == a) &&
				   !(*p == '+' && p == a)) {
				other = true;
			}
		}
		digits[n] = '\0';
		if (other || n == 0)
			ref = xstrdup(t); /* let customer_resolve say what is wrong */
		else if (a[0] == '+' || digits[0] == '0')
			ref = xasprintf("phone:%s", a);
		else if (n == 12 && rule_luhn_valid(digits))
			ref = xasprintf("card:%s", digits);
		else
			ref = xstrdup(digits);
	}
	free(a);
	free(t);
	return ref;
}

static void read_back_birthday(struct app *app, struct enroll *s)
{
	free(s->birthday_words);
	s->birthday_words = NULL;
	const char *v = form_get(&s->form, F_BIRTHDAY);
	if (utf8_is_blank(v))
		return;
	char *g = cf_parse_shop_date(app, v);
	if (g == NULL)
		return;
	char *day = cf_birthday(app, g);
	char *greg = fmt_digits(app->loc, g);
	/* TRANSLATORS: under the enrolment form: the birthday read back, its day and month in
	 * the shop's calendar and the Gregorian date. */
	s->birthday_words = xasprintf(_("Birthday: %s (%s)"), day, greg);
	free(day);
	free(greg);
	free(g);
}

static void read_back_referrer(struct app *app, struct enroll *s)
{
	free(s->referrer_words);
	s->referrer_words = NULL;
	s->referrer_id = 0;
	char *ref = referrer_ref(form_get(&s->form, F_REFERRER));
	if (ref == NULL)
		return;
	int64_t id;
	struct werr e = {0};
	if (customer_resolve(app->st, &app->shop, ref, &id, &e) == 0) {
		struct customer c = {0};
		if (customer_get(app->st, id, &c, &e) > 0) {
			s->referrer_id = id;
			char *n = cf_id(app, id);
			/* TRANSLATORS: under the enrolment form: the referrer found, name and id. */
			s->referrer_words = xasprintf(_("Referred by: %s (#%s)"), c.name, n);
			free(n);
		}
		customer_clear(&c);
	}
	free(ref);
}

/* ---- the screen ---- */

static void fill_from(struct app *app, struct enroll *s, const struct customer *c)
{
	struct form *f = &s->form;
	form_set(f, F_NAME, c->name);
	/* The digits alone: the form shows typed text as it is, and spaces
	 * between Arabic-Indic digit groups would read in the wrong order. */
	char *t = fmt_digits(app->loc, c->phone != NULL ? c->phone : "");
	form_set(f, F_PHONE, t);
	free(t);
	t = cf_birthday_numeric(app, c->birthday);
	form_set(f, F_BIRTHDAY, t);
	free(t);
	form_set(f, F_EMAIL, c->email != NULL ? c->email : "");
	t = c->referrer_id > 0 ? cf_id(app, c->referrer_id) : xstrdup("");
	form_set(f, F_REFERRER, t);
	free(t);
	form_set_choice(f, F_CONSENT, c->consent ? 1 : 0);
	form_set(f, F_NOTE, c->note != NULL ? c->note : "");
	f->dirty = false;
}

static void *enroll_enter(struct app *app, void *arg)
{
	struct enroll *s = xcalloc(1, sizeof *s);
	memcpy(s->defs, enroll_fields, sizeof s->defs);
	int cal = app->shop.p.calendar;
	if (cal < 0 || cal > 2)
		cal = 0;
	s->defs[F_BIRTHDAY].hint = birthday_hints[cal];
	form_init(&s->form, s->defs, F__COUNT);
	form_set_choice(&s->form, F_CONSENT, 1);
	if (arg != NULL) {
		s->id = *(const int64_t *)arg;
		struct customer c = {0};
		struct werr e = {0};
		int found = customer_get(app->st, s->id, &c, &e);
		if (found <= 0) {
			if (found == 0)
				app_message(app, MSG_ERROR, _("unknown customer %lld"),
					    (long long)s->id);
			else
				app_error(app, &e);
			form_free(&s->form);
			free(s);
			return NULL;
		}
		s->name = xstrdup(c.name);
		fill_from(app, s, &c);
		customer_clear(&c);
		read_back_birthday(app, s);
		read_back_referrer(app, s);
	}
	return s;
}

static void enroll_leave(struct app *app, void *state)
{
	(void)app;
	struct enroll *s = state;
	form_free(&s->form);
	free(s->name);
	free(s->birthday_words);
	free(s->referrer_words);
	free(s);
}

static bool enroll_dirty(void *state)
{
	return ((struct enroll *)state)->form.dirty;
}

static bool enroll_customer(void *state, int64_t *id)
{
	struct enroll *s = state;
	*id = s->id;
	return s->id != 0;
}

/* The engine's message without the field's name in front: it stands
 * next to that field. */
static const char *without_field(const char *msg, const char *field)
{
	size_t n = strlen(field);
	if (strncmp(msg, field, n) == 0 && strncmp(msg + n, ": ", 2) == 0)
		return msg + n + 2;
	return msg;
}

static size_t form_index(enum customer_field cf, const char **name)
{
	switch (cf) {
	case CF_NAME:
		*name = _("name");
		return F_NAME;
	case CF_PHONE:
		*name = _("phone");
		return F_PHONE;
	case CF_BIRTHDAY:
		*name = _("birthday");
		return F_BIRTHDAY;
	case CF_EMAIL:
		*name = _("email");
		return F_EMAIL;
	case CF_REFERRER:
		*name = _("referrer");
		return F_REFERRER;
	case CF_NOTE:
		*name = _("note");
		return F_NOTE;
	default:
		*name = "";
		return F__COUNT;
	}
}

/* Puts a refusal next to field i (and on the message line when it would
 * not fit there). */
static void field_error(struct app *app, struct enroll *s, size_t i, const char *msg)
{
	form_error(&s->form, i, msg);
	form_focus(&s->form, i);
	/* The form spans [2, cols - 1); the message starts one cell after
	 * the input. */
	int room = app->cols - 4 - s->form.label_width - s->defs[i].width;
	if (text_width(msg) > room)
		app_message(app, MSG_ERROR, "%s", msg);
}

/* An optional field for the engine: NULL when blank on a new customer
 * (not given); on an edit "" clears it. */
static const char *optional(const struct enroll *s, const char *v)
{
	if (!utf8_is_blank(v))
		return v;
	return s->id != 0 ? "" : NULL;
}

static int save(struct app *app, struct enroll *s)
{
	struct form *f = &s->form;
	form_clear_errors(f);
	char *birthday = NULL;
	const char *bv = form_get(f, F_BIRTHDAY);
	if (!utf8_is_blank(bv)) {
		birthday = cf_parse_shop_date(app, bv);
		if (birthday == NULL) {
			field_error(app, s, F_BIRTHDAY,
				    _("not a date of this calendar (YYYY-MM-DD)"));
			return KF_HANDLED | KF_REDRAW;
		}
	}
	char *ref = referrer_ref(form_get(f, F_REFERRER));
	char *ref_id = NULL;
	if (ref != NULL) {
		int64_t rid;
		struct werr e = {0};
		if (customer_resolve(app->st, &app->shop, ref, &rid, &e) != 0) {
			free(ref);
			free(birthday);
			if (e.status == W_DB) {
				app_error(app, &e);
				return KF_HANDLED | KF_REDRAW;
			}
			field_error(app, s, F_REFERRER,
				    _("no customer has this phone, card number or id"));
			return KF_HANDLED | KF_REDRAW;
		}
		ref_id = xasprintf("%lld", (long long)rid);
		free(ref);
	}
	struct customer_input in = CUSTOMER_INPUT_INIT;
	in.name = form_get(f, F_NAME);
	in.phone = optional(s, form_get(f, F_PHONE));
	in.birthday = birthday != NULL ? birthday : optional(s, bv);
	in.email = optional(s, form_get(f, F_EMAIL));
	in.referrer = ref_id;
	in.consent = form_choice(f, F_CONSENT) ? 1 : 0;
	in.note = optional(s, form_get(f, F_NOTE));
	enum customer_field cf = CF_NONE;
	struct werr e = {0};
	struct customer c = {0};
	int r = s->id != 0 ? engine_customer_edit(app->st, s->id, &in, &cf, &e)
			   : engine_customer_add(app->st, &in, &c, &cf, &e);
	free(birthday);
	free(ref_id);
	if (r != 0) {
		const char *fname;
		size_t i = form_index(cf, &fname);
		if (e.status == W_DB || i == F__COUNT)
			app_error(app, &e);
		else
			field_error(app, s, i, without_field(e.msg, fname));
		return KF_HANDLED | KF_REDRAW;
	}
	if (s->id != 0) {
		app_message(app, MSG_OK, "%s", _("The customer's details are saved."));
		return KF_BACK;
	}
	/* The new customer's card, so that F3 starts a purchase for them. */
	int64_t id = c.id;
	char *idt = cf_id(app, c.id);
	char *card = cf_card(app, c.card);
	customer_clear(&c);
	app_pop(app); /* frees s */
	app_push(app, &screen_card, &id);
	/* TRANSLATORS: after enrolment: the new customer's id and card number. */
	app_message(app, MSG_OK, _("Enrolled: customer %s, card %s. F3 records a purchase."), idt,
		    card);
	free(idt);
	free(card);
	return KF_HANDLED | KF_REDRAW;
}

static int enroll_key(struct app *app, void *state, const struct key *k)
{
	struct enroll *s = state;
	enum form_event ev = form_key(app, &s->form, k);
	switch (ev) {
	case FORM_SUBMIT:
		return save(app, s);
	case FORM_CANCEL:
		if (s->form.dirty &&
		    !dialog_confirm(app, _("Unsaved input"),
				    _("The form holds typed input that is not saved. Leave it?")))
			return KF_HANDLED | KF_REDRAW;
		return KF_BACK;
	case FORM_CHANGED:
		if (s->form.focus == F_BIRTHDAY)
			read_back_birthday(app, s);
		else if (s->form.focus == F_REFERRER)
			read_back_referrer(app, s);
		return KF_HANDLED | KF_REDRAW;
	case FORM_MOVED:
	case FORM_NEXT:
		return KF_HANDLED | KF_REDRAW;
	default:
		return KF_IGNORED;
	}
}

static void enroll_draw(struct app *app, void *state)
{
	struct enroll *s = state;
	int x = 1, w = app->cols - 2;
	if (s->id != 0) {
		char *n = cf_id(app, s->id);
		int used = draw_ui(app, 1, x, w, _("Change a customer's details"), ALIGN_START,
				   LOOK_TITLE);
		char *t = xasprintf("#%s", n);
		used += 2 + draw_text(app, 1, x + used + 2, w - used - 2, t, BIDI_LTR, ALIGN_START,
				      LOOK_DIM);
		draw_text(app, 1, x + used + 2, w - used - 2, s->name, BIDI_AUTO, ALIGN_START,
			  LOOK_TITLE);
		free(t);
		free(n);
	} else {
		draw_ui(app, 1, x, w, _("New customer"), ALIGN_START, LOOK_TITLE);
	}
	int fy = 3;
	form_draw(app, &s->form, fy, x + 1, w - 1);
	int y = fy + F__COUNT + 1;
	if (s->birthday_words != NULL)
		draw_ui(app, y++, x + 1, w - 1, s->birthday_words, ALIGN_START, LOOK_DIM);
	if (s->referrer_words != NULL)
		draw_ui(app, y++, x + 1, w - 1, s->referrer_words, ALIGN_START, LOOK_DIM);
	y++;
	if (y < app->rows - 3)
		draw_ui(app, y, x + 1, w - 1,
			_("Enter: next field, and on the last one save \u00b7 Ctrl-S: save \u00b7 "
			  "Esc: cancel"),
			ALIGN_START, LOOK_DIM);
	form_place_cursor(app, &s->form, fy, x + 1);
}

static const enum action enroll_bar[] = {ACT_SAVE, ACT_NEXT_FIELD, ACT_PREV_FIELD, ACT_BACK,
					 ACT_HELP, ACT_NONE};

const struct screen_ops screen_enroll = {
	.name = "enroll",
	.enter = enroll_enter,
	.draw = enroll_draw,
	.key = enroll_key,
	.leave = enroll_leave,
	.dirty = enroll_dirty,
	.bar = enroll_bar,
	.customer = enroll_customer,
};
