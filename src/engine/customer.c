/* customer.c -- enrolment, edits and lookups of customers. */
#include <config.h>

#include "engine/customer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/points.h"
#include "engine/rules.h"
#include "engine/staff.h"
#include "text/collate.h"
#include "text/digits.h"
#include "text/fold.h"
#include "text/i18n.h"
#include "text/phone.h"
#include "text/tz.h"
#include "text/uilocale.h"
#include "text/utf8.h"
#include "text/xalloc.h"

#define NAME_MAX_CHARS 200
#define NOTE_MAX_CHARS 1000
#define EXTERNAL_MAX_CHARS 64
#define EMAIL_MAX_CHARS 254

/* The collator of the shop's language, opened once per process: opening
 * one costs far more than a sort key (imports enrol thousands). */
static struct collator *shop_collator(const struct shop *shop)
{
	static struct collator *cached;
	static char cached_lang[8];
	const char *lang = shop_collation_lang(shop);
	if (cached != NULL && strcmp(cached_lang, lang) == 0)
		return cached;
	collator_close(cached);
	cached = collator_open(lang);
	snprintf(cached_lang, sizeof cached_lang, "%s", lang);
	return cached;
}

/* The derived keys of a name; owns its strings. */
struct keys {
	struct name_keys k;
	char *search;
	uint8_t *sort;
};

static void keys_make(struct keys *out, struct collator *coll, const char *name)
{
	memset(out, 0, sizeof *out);
	out->search = fold_search_key(name);
	if (out->search == NULL)
		out->search = xstrdup("");
	size_t len = 0;
	if (coll == NULL || collator_sort_key(coll, name, &out->sort, &len) != 0) {
		out->sort = NULL;
		len = 0;
	}
	out->k.search_key = out->search;
	out->k.sort_key = out->sort;
	out->k.sort_len = len;
	out->k.nwords = fold_words(out->search, &out->k.words);
}

static void keys_free(struct keys *k)
{
	free(k->search);
	free(k->sort);
	fold_words_free(k->k.words, k->k.nwords);
}

/* Checks free text: valid UTF-8, no control or direction characters, not
 * longer than max letters.  Returns a trimmed copy or NULL (e filled). */
static char *clean_text(const char *text, size_t max, const char *label, bool required,
			struct werr *e)
{
	if (!utf8_valid(text)) {
		werr_set(e, W_REFUSED, _("%s: not valid UTF-8 text"), label);
		return NULL;
	}
	if (utf8_has_controls(text)) {
		werr_set(e, W_REFUSED, _("%s: holds control or direction characters"), label);
		return NULL;
	}
	char *t = utf8_trim(text);
	if (required && *t == '\0') {
		werr_set(e, W_REFUSED, _("%s: must not be empty"), label);
		free(t);
		return NULL;
	}
	if (utf8_length(t) > max) {
		char most[MSG_NUM_SIZE];
		werr_set(e, W_REFUSED, P_("%s: at most %s letter", "%s: at most %s letters", max),
			 label, msg_int(most, (int64_t)max));
		free(t);
		return NULL;
	}
	return t;
}

static bool email_ok(const char *s)
{
	const char *at = strchr(s, '@');
	if (at == NULL || at == s || strchr(at + 1, '@') != NULL)
		return false;
	const char *dot = strrchr(at, '.');
	if (dot == NULL || dot == at + 1 || dot[1] == '\0')
		return false;
	for (const char *p = s; *p; p++)
		if (*p == ' ')
			return false;
	return true;
}

/* The validated form of an input, each field owned (NULL: not given). */
struct clean {
	char *name, *phone, *external_id, *birthday, *email, *note;
	int64_t referrer_id;
};

static void clean_free(struct clean *c)
{
	free(c->name);
	free(c->phone);
	free(c->external_id);
	free(c->birthday);
	free(c->email);
	free(c->note);
}

static int fail_field(enum customer_field *field, enum customer_field f)
{
	if (field != NULL)
		*field = f;
	return -1;
}

static int validate(struct op *op, const struct customer_input *in, bool adding,
		    struct clean *out, enum customer_field *field, struct werr *e)
{
	memset(out, 0, sizeof *out);
	if (in->name != NULL || adding) {
		out->name = clean_text(in->name != NULL ? in->name : "", NAME_MAX_CHARS,
				       _("name"), true, e);
		if (out->name == NULL)
			return fail_field(field, CF_NAME);
	}
	if (in->phone != NULL && !utf8_is_blank(in->phone)) {
		enum phone_error pe = phone_normalize(in->phone, op->shop.p.country_code,
						      &out->phone);
		if (pe != PHONE_OK) {
			werr_set(e, W_REFUSED, "%s: %s", _("phone"), phone_strerror(pe));
			return fail_field(field, CF_PHONE);
		}
	} else if (in->phone != NULL) {
		out->phone = xstrdup("");
	}
	if (in->external_id != NULL) {
		out->external_id = clean_text(in->external_id, EXTERNAL_MAX_CHARS,
					      _("external id"), false, e);
		if (out->external_id == NULL)
			return fail_field(field, CF_EXTERNAL_ID);
	}
	if (in->birthday != NULL && !utf8_is_blank(in->birthday)) {
		int y, m, d;
		enum time_error te = date_parse(in->birthday, &y, &m, &d);
		if (te != TIME_OK) {
			werr_set(e, W_REFUSED, "%s: %s", _("birthday"), time_strerror(te));
			return fail_field(field, CF_BIRTHDAY);
		}
		struct civil today;
		tz_utc_to_local(op->shop.p.timezone, op->now, &today, NULL);
		if (y * 10000 + m * 100 + d > today.year * 10000 + today.month * 100 + today.day ||
		    y < today.year - 130) {
			werr_set(e, W_REFUSED, _("birthday: not a possible birthday"));
			return fail_field(field, CF_BIRTHDAY);
		}
		out->birthday = xasprintf("%04d-%02d-%02d", y, m, d);
	} else if (in->birthday != NULL) {
		out->birthday = xstrdup("");
	}
	if (in->email != NULL) {
		out->email = clean_text(in->email, EMAIL_MAX_CHARS, _("email"), false, e);
		if (out->email == NULL)
			return fail_field(field, CF_EMAIL);
		if (*out->email != '\0' && !email_ok(out->email)) {
			werr_set(e, W_REFUSED, _("email: not an e-mail address"));
			return fail_field(field, CF_EMAIL);
		}
	}
	if (in->note != NULL) {
		out->note = clean_text(in->note, NOTE_MAX_CHARS, _("note"), false, e);
		if (out->note == NULL)
			return fail_field(field, CF_NOTE);
	}
	if (in->referrer != NULL && !utf8_is_blank(in->referrer)) {
		if (customer_resolve(op->st, &op->shop, in->referrer, &out->referrer_id, e) != 0) {
			werr_prefix(e, "%s", _("referrer"));
			return fail_field(field, CF_REFERRER);
		}
	}
	return 0;
}

/* Refuses a phone or external id that another active customer holds. */
static int check_unique(struct op *op, int64_t self, const char *phone, const char *ext,
			enum customer_field *field, struct werr *e)
{
	int64_t other;
	int found;
	if (phone != NULL && *phone != '\0') {
		found = customer_id_by_phone(op->st, phone, &other, e);
		if (found < 0)
			return -1;
		if (found && other != self) {
			char who[MSG_NUM_SIZE];
			werr_set(e, W_REFUSED, _("phone: %s already belongs to customer %s"), phone,
				 msg_id(who, other));
			return fail_field(field, CF_PHONE);
		}
	}
	if (ext != NULL && *ext != '\0') {
		struct customer c = {0};
		found = customer_id_by_external(op->st, ext, &other, e);
		if (found < 0)
			return -1;
		if (found && other != self) {
			if (customer_get(op->st, other, &c, e) < 0)
				return -1;
			bool active = c.active;
			customer_clear(&c);
			if (active) {
				char who[MSG_NUM_SIZE];
				werr_set(e, W_REFUSED,
					 _("external id: %s already belongs to customer %s"), ext,
					 msg_id(who, other));
				return fail_field(field, CF_EXTERNAL_ID);
			}
		}
	}
	return 0;
}

static char *nonempty(char *s)
{
	if (s != NULL && *s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

int engine_customer_add(struct store *st, const struct customer_input *in, struct customer *out,
			enum customer_field *field, struct werr *e)
{
	struct op op;
	struct clean cl;
	struct keys keys = {0};
	struct collator *coll = NULL;
	int64_t t;
	if (field != NULL)
		*field = CF_NONE;
	memset(out, 0, sizeof *out);
	if (op_begin(&op, st, e) != 0)
		return -1;
	if (validate(&op, in, true, &cl, field, e) != 0)
		goto fail;
	if (op_instant(&op, in->at, &t, e) != 0) {
		fail_field(field, CF_AT);
		goto fail;
	}
	if (check_unique(&op, 0, cl.phone, cl.external_id, field, e) != 0)
		goto fail;
	if (collation_refresh(st, &op.shop, e) != 0)
		goto fail;
	coll = shop_collator(&op.shop);
	keys_make(&keys, coll, cl.name);
	struct customer c = {0};
	if (customer_next_id(st, &c.id, e) != 0)
		goto fail;
	char card[24];
	rule_card_number(c.id, card);
	c.name = cl.name;
	c.phone = nonempty(cl.phone);
	c.card = card;
	c.external_id = nonempty(cl.external_id);
	c.birthday = nonempty(cl.birthday);
	c.email = nonempty(cl.email);
	c.note = nonempty(cl.note);
	c.referrer_id = cl.referrer_id;
	c.consent = in->consent == 1;
	c.active = true;
	c.enrolled_at = t;
	cl.phone = cl.external_id = cl.birthday = cl.email = cl.note = NULL;
	int r = customer_insert(st, &c, &keys.k, e);
	if (r == 0) {
		/* The customer's record owns the strings from here. */
		c.card = xstrdup(card);
		c.balance = 0;
		c.first_sale_at = c.last_sale_at = c.watermark = c.next_expiry = TIME_NONE;
		c.negative_since = TIME_NONE;
		c.tier = NULL;
		cl.name = NULL;
		*out = c;
	} else {
		c.card = NULL;
		c.name = NULL;
		customer_clear(&c);
		goto fail;
	}
	keys_free(&keys);
	clean_free(&cl);
	if (op_commit(&op, e) != 0) {
		customer_clear(out);
		return -1;
	}
	return 0;
fail:
	keys_free(&keys);
	clean_free(&cl);
	op_abort(&op);
	return -1;
}

static void replace(char **dst, char **src)
{
	if (*src == NULL)
		return;
	free(*dst);
	*dst = nonempty(*src);
	*src = NULL;
}

int engine_customer_edit(struct store *st, int64_t id, const struct customer_input *in,
			 enum customer_field *field, struct werr *e)
{
	struct op op;
	struct clean cl = {0};
	struct customer c = {0};
	struct keys keys = {0};
	struct collator *coll = NULL;
	bool rename = false;
	if (field != NULL)
		*field = CF_NONE;
	if (op_begin(&op, st, e) != 0)
		return -1;
	int found = customer_get(st, id, &c, e);
	if (found <= 0) {
		char num[MSG_NUM_SIZE];
		if (found == 0)
			werr_set(e, W_REFUSED, _("unknown customer %s"), msg_id(num, id));
		goto fail;
	}
	if (validate(&op, in, false, &cl, field, e) != 0)
		goto fail;
	if (cl.referrer_id == id) {
		werr_set(e, W_REFUSED, _("referrer: a customer cannot refer themselves"));
		fail_field(field, CF_REFERRER);
		goto fail;
	}
	if (check_unique(&op, id, c.active ? cl.phone : NULL, c.active ? cl.external_id : NULL,
			 field, e) != 0)
		goto fail;
	if (cl.name != NULL) {
		rename = true;
		replace(&c.name, &cl.name);
	}
	replace(&c.phone, &cl.phone);
	replace(&c.external_id, &cl.external_id);
	replace(&c.birthday, &cl.birthday);
	replace(&c.email, &cl.email);
	replace(&c.note, &cl.note);
	if (cl.referrer_id > 0)
		c.referrer_id = cl.referrer_id;
	if (in->consent >= 0)
		c.consent = in->consent == 1;
	if (rename) {
		if (collation_refresh(st, &op.shop, e) != 0)
			goto fail;
		coll = shop_collator(&op.shop);
		keys_make(&keys, coll, c.name);
	}
	if (customer_update_details(st, &c, rename ? &keys.k : NULL, e) != 0)
		goto fail;
	keys_free(&keys);
	clean_free(&cl);
	customer_clear(&c);
	return op_commit(&op, e);
fail:
	keys_free(&keys);
	clean_free(&cl);
	customer_clear(&c);
	op_abort(&op);
	return -1;
}

int engine_customer_set_active(struct store *st, int64_t id, bool active, struct werr *e)
{
	struct op op;
	struct customer c = {0};
	if (op_begin(&op, st, e) != 0)
		return -1;
	if (require_owner(&op, e) != 0)
		goto fail;
	int found = customer_get(st, id, &c, e);
	if (found <= 0) {
		char num[MSG_NUM_SIZE];
		if (found == 0)
			werr_set(e, W_REFUSED, _("unknown customer %s"), msg_id(num, id));
		goto fail;
	}
	if (c.active == active) {
		char num[MSG_NUM_SIZE];
		werr_set(e, W_REFUSED,
			 active ? _("customer %s is already active")
				: _("customer %s is already inactive"),
			 msg_id(num, id));
		goto fail;
	}
	if (active && check_unique(&op, id, c.phone, c.external_id, NULL, e) != 0)
		goto fail;
	c.active = active;
	char *subject = xasprintf("customer %lld: %s", (long long)c.id, c.name);
	int ar = audit_record(&op, active ? "customer activate" : "customer deactivate", subject,
			      active ? "inactive" : "active", active ? "active" : "inactive", e);
	free(subject);
	if (ar != 0 || customer_update_details(st, &c, NULL, e) != 0)
		goto fail;
	customer_clear(&c);
	return op_commit(&op, e);
fail:
	customer_clear(&c);
	op_abort(&op);
	return -1;
}

int customer_resolve(struct store *st, const struct shop *shop, const char *ref, int64_t *id,
		     struct werr *e)
{
	int found = 0;
	char *value = NULL;
	if (ref == NULL || !utf8_valid(ref) || utf8_is_blank(ref))
		return werr_set(e, W_REFUSED, _("no customer given"));
	if (strncmp(ref, "phone:", 6) == 0) {
		enum phone_error pe = phone_normalize(ref + 6, shop->p.country_code, &value);
		if (pe != PHONE_OK)
			return werr_set(e, W_REFUSED, _("customer %s: %s"), ref, phone_strerror(pe));
		found = customer_id_by_phone(st, value, id, e);
	} else if (strncmp(ref, "card:", 5) == 0) {
		char *d = digits_to_ascii(ref + 5);
		value = utf8_trim(d != NULL ? d : "");
		free(d);
		/* Cards are printed in groups: drop spaces and dashes. */
		char *w = value;
		for (const char *p = value; *p; p++)
			if (*p != ' ' && *p != '-')
				*w++ = *p;
		*w = '\0';
		found = customer_id_by_card(st, value, id, e);
	} else if (strncmp(ref, "ext:", 4) == 0) {
		value = utf8_trim(ref + 4);
		found = *value != '\0' ? customer_id_by_external(st, value, id, e) : 0;
	} else {
		char *d = digits_to_ascii(ref);
		value = utf8_trim(d != NULL ? d : "");
		free(d);
		size_t n = strlen(value);
		if (n == 0 || n > 18 || strspn(value, "0123456789") != n) {
			free(value);
			return werr_set(e, W_USAGE,
					_("customer \"%s\": give an id, phone:NUMBER, card:NUMBER "
					  "or ext:ID"),
					ref);
		}
		struct customer c = {0};
		found = customer_get(st, strtoll(value, NULL, 10), &c, e);
		if (found > 0)
			*id = c.id;
		customer_clear(&c);
	}
	free(value);
	if (found < 0)
		return -1;
	if (found == 0)
		return werr_set(e, W_REFUSED, _("unknown customer %s"), ref);
	return 0;
}

int customer_view_load(struct store *st, const struct shop *shop, int64_t id, int64_t now,
		       struct customer_view *v, struct werr *e)
{
	memset(v, 0, sizeof *v);
	int found = customer_get(st, id, &v->c, e);
	if (found <= 0) {
		char num[MSG_NUM_SIZE];
		if (found == 0)
			werr_set(e, W_REFUSED, _("unknown customer %s"), msg_id(num, id));
		return -1;
	}
	int64_t wm = customer_watermark(shop, &v->c);
	v->at = (wm != TIME_NONE && wm > now) ? wm : now;
	if (tier_at(st, shop, id, v->at, &v->tier, &v->window_spend, e) != 0 ||
	    points_preview(st, shop, &v->c, v->at, &v->points, NULL, NULL, 0, e) != 0 ||
	    customer_referral_count(st, id, &v->referrals, e) != 0) {
		customer_view_clear(v);
		return -1;
	}
	v->next_tier = shop_tier_next(shop, v->tier);
	return 0;
}

int customer_hit_points(struct store *st, const struct shop *shop, const struct customer_hit *h,
			int64_t now, int64_t *points, struct werr *e)
{
	*points = h->balance;
	if (shop->p.expiry_days <= 0 || h->next_expiry == TIME_NONE || h->next_expiry > now)
		return 0;
	struct customer c;
	int found = customer_get(st, h->id, &c, e);
	if (found <= 0)
		return found < 0 ? -1 : 0;
	int64_t wm = customer_watermark(shop, &c);
	int r = points_preview(st, shop, &c, wm != TIME_NONE && wm > now ? wm : now, points, NULL,
			       NULL, 0, e);
	customer_clear(&c);
	return r;
}

void customer_view_clear(struct customer_view *v)
{
	customer_clear(&v->c);
	memset(v, 0, sizeof *v);
}

struct rebuild {
	struct store *st;
	struct collator *coll;
	struct werr *e;
};

static int rebuild_one(void *ctx, int64_t id, const char *name)
{
	struct rebuild *rb = ctx;
	uint8_t *key = NULL;
	size_t len = 0;
	if (collator_sort_key(rb->coll, name, &key, &len) != 0)
		len = 0;
	int r = customer_set_sort_key(rb->st, id, key, len, rb->e);
	free(key);
	return r;
}

int collation_refresh(struct store *st, const struct shop *shop, struct werr *e)
{
	struct collator *coll = shop_collator(shop);
	if (coll == NULL)
		return 0;
	char *stored = NULL;
	int r = settings_get(st, "collation", &stored, e);
	if (r >= 0 && (stored == NULL || strcmp(stored, collator_version(coll)) != 0)) {
		struct rebuild rb = {st, coll, e};
		r = customer_each_name(st, rebuild_one, &rb, e);
		if (r == 0)
			r = settings_set(st, "collation", collator_version(coll), e);
	}
	free(stored);
	return r < 0 ? -1 : 0;
}
