/* shop.c -- program settings, tiers and the frame of an operation. */
#include <config.h>

#include "engine/shop.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/rules.h"
#include "store/customers.h"
#include "engine/staff.h"
#include "text/digits.h"
#include "text/i18n.h"
#include "text/money.h"
#include "text/tz.h"
#include "text/uilocale.h"
#include "text/utf8.h"
#include "text/xalloc.h"

/* How far in the future an event may be dated (clock skew between
 * counters). */
#define FUTURE_SLACK 300
#define MAX_DAYS 36500

const struct program_key program_keys[] = {
	{"shop", PK_TEXT, NULL, 0, N_("the shop's name, shown on the screens")},
	{"currency", PK_FIXED, NULL, 0, N_("currency code (set at init)")},
	{"decimals", PK_FIXED, NULL, 0, N_("decimals of the currency (set at init)")},
	{"earn_unit", PK_MONEY, NULL, 1, N_("spend that earns one base point")},
	{"point_value", PK_MONEY, NULL, 0, N_("money value of one point when points pay")},
	{"expiry_days", PK_DAYS, NULL, 0, N_("days after earning when points expire; 0 = never")},
	{"tier_window_days", PK_DAYS, NULL, 1, N_("trailing window for tier qualification, in days")},
	{"active_days", PK_DAYS, NULL, 1,
	 N_("a customer with a sale in this many days is active")},
	{"calendar", PK_CHOICE, "gregorian persian islamic-umalqura", 0,
	 N_("calendar of dates and months")},
	{"timezone", PK_ZONE, NULL, 0, N_("time zone where days and months begin")},
	{"country_code", PK_COUNTRY, NULL, 0,
	 N_("international dialling code of the shop's country (98, 966, ...)")},
	{"lang", PK_CHOICE, "auto en fa ar", 0, N_("language of the screens; auto follows the system")},
	{"digits", PK_CHOICE, "auto latin native", 0, N_("digits shown: auto, latin or native")},
	{"bidi", PK_CHOICE, "auto app terminal", 0,
	 N_("who orders right-to-left text: auto, app or terminal")},
};
const size_t program_nkeys = sizeof program_keys / sizeof program_keys[0];

const struct program_key *program_key_find(const char *key)
{
	for (size_t i = 0; i < program_nkeys; i++)
		if (strcmp(program_keys[i].key, key) == 0)
			return &program_keys[i];
	return NULL;
}

static void copy_str(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src != NULL ? src : "");
}

static int64_t to_i64(const char *s)
{
	return s != NULL ? strtoll(s, NULL, 10) : 0;
}

static void program_defaults(struct program *p)
{
	memset(p, 0, sizeof *p);
	p->calendar = CAL_GREGORIAN;
	copy_str(p->timezone, sizeof p->timezone, "UTC");
	copy_str(p->lang, sizeof p->lang, "auto");
	copy_str(p->digits, sizeof p->digits, "auto");
	copy_str(p->bidi, sizeof p->bidi, "auto");
	p->expiry_days = 365;
	p->tier_window_days = 365;
	p->active_days = 90;
	p->expiry_mark = TIME_NONE;
}

static void load_setting(void *ctx, const char *key, const char *value)
{
	struct program *p = ctx;
	if (strcmp(key, "currency") == 0)
		copy_str(p->currency, sizeof p->currency, value);
	else if (strcmp(key, "decimals") == 0)
		p->decimals = (int)to_i64(value);
	else if (strcmp(key, "calendar") == 0)
		cal_from_name(value, &p->calendar);
	else if (strcmp(key, "timezone") == 0)
		copy_str(p->timezone, sizeof p->timezone, value);
	else if (strcmp(key, "shop") == 0)
		copy_str(p->shop, sizeof p->shop, value);
	else if (strcmp(key, "country_code") == 0)
		copy_str(p->country_code, sizeof p->country_code, value);
	else if (strcmp(key, "lang") == 0)
		copy_str(p->lang, sizeof p->lang, value);
	else if (strcmp(key, "digits") == 0)
		copy_str(p->digits, sizeof p->digits, value);
	else if (strcmp(key, "bidi") == 0)
		copy_str(p->bidi, sizeof p->bidi, value);
	else if (strcmp(key, "earn_unit") == 0)
		p->earn_unit = to_i64(value);
	else if (strcmp(key, "point_value") == 0)
		p->point_value = to_i64(value);
	else if (strcmp(key, "expiry_days") == 0)
		p->expiry_days = to_i64(value);
	else if (strcmp(key, "tier_window_days") == 0)
		p->tier_window_days = to_i64(value);
	else if (strcmp(key, "active_days") == 0)
		p->active_days = to_i64(value);
	else if (strcmp(key, "expiry_mark") == 0)
		p->expiry_mark = to_i64(value);
	else if (strcmp(key, "expiry_mark_customer") == 0)
		p->expiry_mark_customer = to_i64(value);
}

int shop_load(struct store *st, struct shop *shop, struct werr *e)
{
	memset(shop, 0, sizeof *shop);
	program_defaults(&shop->p);
	if (settings_each(st, load_setting, &shop->p, e) != 0)
		return -1;
	if (shop->p.currency[0] == '\0')
		return werr_set(e, W_REFUSED,
				_("%s has no shop yet: create it with \"wafa init\" or \"wafa demo\""),
				store_path(st));
	if (tiers_load(st, &shop->tiers, &shop->ntiers, e) != 0)
		return -1;
	return 0;
}

void shop_free(struct shop *shop)
{
	tiers_free(shop->tiers, shop->ntiers);
	shop->tiers = NULL;
	shop->ntiers = 0;
}

const struct tier *shop_tier_for(const struct shop *shop, int64_t spend)
{
	if (shop->ntiers == 0)
		return NULL;
	return &shop->tiers[rule_tier_index(shop->tiers, shop->ntiers, spend)];
}

const struct tier *shop_tier_next(const struct shop *shop, const struct tier *t)
{
	if (t == NULL)
		return NULL;
	size_t i = (size_t)(t - shop->tiers);
	return i + 1 < shop->ntiers ? &shop->tiers[i + 1] : NULL;
}

const struct tier *shop_tier_named(const struct shop *shop, const char *name)
{
	for (size_t i = 0; name != NULL && i < shop->ntiers; i++)
		if (strcmp(shop->tiers[i].name, name) == 0)
			return &shop->tiers[i];
	return NULL;
}

static bool in_list(const char *code, const char *list)
{
	size_t n = strlen(code);
	for (const char *p = list; (p = strstr(p, code)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

static const char ARAB_CURRENCIES[] =
	"SAR AED EGP KWD QAR BHD OMR JOD IQD LBP SYP MAD TND DZD LYD YER SDG";

const char *shop_collation_lang(const struct shop *shop)
{
	const struct program *p = &shop->p;
	if (strcmp(p->lang, "fa") == 0 || strcmp(p->lang, "ar") == 0 || strcmp(p->lang, "en") == 0)
		return p->lang;
	if (p->calendar == CAL_PERSIAN || strcmp(p->currency, "IRR") == 0 ||
	    strcmp(p->currency, "IRT") == 0 || strcmp(p->currency, "AFN") == 0)
		return "fa";
	if (p->calendar == CAL_ISLAMIC_UMALQURA || in_list(p->currency, ARAB_CURRENCIES))
		return "ar";
	return "en";
}

/* The international prefix that goes with a currency, for phone numbers. */
static const char *country_of_currency(const char *currency)
{
	static const struct {
		const char *currency, *code;
	} map[] = {
		{"IRR", "98"},  {"IRT", "98"},  {"SAR", "966"}, {"AED", "971"}, {"EGP", "20"},
		{"KWD", "965"}, {"QAR", "974"}, {"BHD", "973"}, {"OMR", "968"}, {"JOD", "962"},
		{"IQD", "964"}, {"LBP", "961"}, {"SYP", "963"}, {"MAD", "212"}, {"TND", "216"},
		{"DZD", "213"}, {"LYD", "218"}, {"AFN", "93"},  {"USD", "1"},   {"GBP", "44"},
		{"TRY", "90"},  {"PKR", "92"},  {"INR", "91"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].currency, currency) == 0)
			return map[i].code;
	return "";
}

static int valid_currency(const char *c)
{
	if (c == NULL || strlen(c) != 3)
		return 0;
	for (int i = 0; i < 3; i++)
		if (c[i] < 'A' || c[i] > 'Z')
			return 0;
	return 1;
}

static int valid_country(const char *c)
{
	size_t n = strlen(c);
	if (n > 3)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (c[i] < '0' || c[i] > '9')
			return 0;
	return n == 0 || c[0] != '0';
}

static int set_i64(struct store *st, const char *key, int64_t v, struct werr *e)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", (long long)v);
	return settings_set(st, key, buf, e);
}

/* The zone init will use: the one given, else the system's. */
static char *init_zone(const struct shop_init *in)
{
	if (in->timezone != NULL && *in->timezone != '\0')
		return xstrdup(in->timezone);
	return tz_system();
}

int shop_init_check(const struct shop_init *in, struct werr *e)
{
	if (!valid_currency(in->currency))
		return werr_set(e, W_REFUSED,
				_("--currency: give a three-letter code in capitals, such as IRR, "
				  "SAR or AED"));
	if (in->decimals < 0 || in->decimals > 3)
		return werr_set(e, W_REFUSED, _("--decimals: must be 0, 1, 2 or 3"));
	if (in->earn_unit <= 0)
		return werr_set(e, W_REFUSED, _("--earn-unit: must be more than zero"));
	if (in->point_value < 0)
		return werr_set(e, W_REFUSED, _("--point-value: must not be negative"));
	char *tz = init_zone(in);
	bool tz_ok = tz_valid(tz);
	if (!tz_ok)
		werr_set(e, W_REFUSED, _("--timezone: unknown time zone \"%s\""), tz);
	free(tz);
	if (!tz_ok)
		return -1;
	const char *country = in->country_code != NULL ? in->country_code
						       : country_of_currency(in->currency);
	if (!valid_country(country))
		return werr_set(e, W_REFUSED, _("--country-code: give the dialling code, such as 98"));
	if (in->shop != NULL && (!utf8_valid(in->shop) || utf8_has_controls(in->shop) ||
				 utf8_length(in->shop) > 200))
		return werr_set(e, W_REFUSED, _("--shop: the name must be text of at most 200 letters"));
	return 0;
}

int shop_init(struct store *st, const struct shop_init *in, struct werr *e)
{
	if (shop_init_check(in, e) != 0)
		return -1;
	int r = -1;
	char *tz = init_zone(in);
	const char *country = in->country_code != NULL ? in->country_code
						       : country_of_currency(in->currency);
	if (store_begin(st, e) != 0)
		goto out;
	char *existing = NULL;
	int has = settings_get(st, "currency", &existing, e);
	free(existing);
	if (has != 0) {
		if (has > 0)
			werr_set(e, W_REFUSED, _("%s already holds a shop"), store_path(st));
		store_rollback(st);
		goto out;
	}
	struct tier member = {.name = (char *)"Member", .min_spend = 0, .multiplier = 100};
	if (settings_set(st, "currency", in->currency, e) != 0 ||
	    set_i64(st, "decimals", in->decimals, e) != 0 ||
	    settings_set(st, "calendar", cal_name(in->calendar), e) != 0 ||
	    settings_set(st, "timezone", tz, e) != 0 ||
	    settings_set(st, "shop", in->shop != NULL ? in->shop : "", e) != 0 ||
	    settings_set(st, "country_code", country, e) != 0 ||
	    settings_set(st, "lang", in->lang != NULL ? in->lang : "auto", e) != 0 ||
	    settings_set(st, "digits", "auto", e) != 0 || settings_set(st, "bidi", "auto", e) != 0 ||
	    set_i64(st, "earn_unit", in->earn_unit, e) != 0 ||
	    set_i64(st, "point_value", in->point_value, e) != 0 ||
	    set_i64(st, "expiry_days", 365, e) != 0 || set_i64(st, "tier_window_days", 365, e) != 0 ||
	    set_i64(st, "active_days", 90, e) != 0 || tier_insert(st, &member, e) != 0 ||
	    store_commit(st, e) != 0) {
		store_rollback(st);
		goto out;
	}
	r = 0;
out:
	free(tz);
	return r;
}

char *program_value_text(const struct shop *shop, const struct program_key *k)
{
	const struct program *p = &shop->p;
	const char *key = k->key;
	if (k->type == PK_MONEY || k->type == PK_DAYS || strcmp(key, "decimals") == 0) {
		int64_t v = program_value_int(shop, k);
		if (k->type == PK_MONEY)
			return money_format_plain(v, p->decimals);
		return xasprintf("%lld", (long long)v);
	}
	if (strcmp(key, "shop") == 0)
		return xstrdup(p->shop);
	if (strcmp(key, "currency") == 0)
		return xstrdup(p->currency);
	if (strcmp(key, "calendar") == 0)
		return xstrdup(cal_name(p->calendar));
	if (strcmp(key, "timezone") == 0)
		return xstrdup(p->timezone);
	if (strcmp(key, "country_code") == 0)
		return xstrdup(p->country_code);
	if (strcmp(key, "lang") == 0)
		return xstrdup(p->lang);
	if (strcmp(key, "digits") == 0)
		return xstrdup(p->digits);
	if (strcmp(key, "bidi") == 0)
		return xstrdup(p->bidi);
	return xstrdup("");
}

int64_t program_value_int(const struct shop *shop, const struct program_key *k)
{
	const struct program *p = &shop->p;
	if (strcmp(k->key, "earn_unit") == 0)
		return p->earn_unit;
	if (strcmp(k->key, "point_value") == 0)
		return p->point_value;
	if (strcmp(k->key, "expiry_days") == 0)
		return p->expiry_days;
	if (strcmp(k->key, "tier_window_days") == 0)
		return p->tier_window_days;
	if (strcmp(k->key, "active_days") == 0)
		return p->active_days;
	if (strcmp(k->key, "decimals") == 0)
		return p->decimals;
	return 0;
}

/* Parses a whole number of days (digits of any script). */
static int parse_days(const char *text, int64_t *out)
{
	char *ascii = digits_to_ascii(text);
	int r = -1;
	if (ascii == NULL)
		return -1;
	char *t = utf8_trim(ascii);
	size_t n = strlen(t);
	if (n > 0 && n <= 6 && strspn(t, "0123456789") == n) {
		*out = strtoll(t, NULL, 10);
		r = 0;
	}
	free(t);
	free(ascii);
	return r;
}

static bool choice_ok(const char *choices, const char *v)
{
	return *v != '\0' && strchr(v, ' ') == NULL && in_list(v, choices);
}

int program_set(struct store *st, const char *key, const char *value, struct werr *e)
{
	const struct program_key *k = program_key_find(key);
	if (k == NULL)
		return werr_set(e, W_REFUSED,
				_("unknown program key \"%s\" (see \"wafa program show\")"), key);
	if (!utf8_valid(value) || utf8_has_controls(value))
		return werr_set(e, W_REFUSED, _("%s: the value holds characters that are not allowed"),
				key);
	struct op op;
	if (op_begin(&op, st, e) != 0)
		return -1;
	char *stored = NULL;
	char *before = NULL;
	int64_t n = 0;
	if (require_owner(&op, e) != 0)
		goto fail;
	before = program_value_text(&op.shop, k);
	switch (k->type) {
	case PK_FIXED:
		werr_set(e, W_REFUSED, _("%s is set when the shop is created and cannot change"),
			 key);
		goto fail;
	case PK_MONEY: {
		enum money_error me = money_parse(value, op.shop.p.decimals, &n);
		if (me != MONEY_OK) {
			werr_set(e, W_REFUSED, "%s: %s", key, money_strerror(me));
			goto fail;
		}
		if (n < k->min) {
			werr_set(e, W_REFUSED, k->min > 0 ? _("%s: must be more than zero")
							  : _("%s: must not be negative"),
				 key);
			goto fail;
		}
		stored = xasprintf("%lld", (long long)n);
		break;
	}
	case PK_DAYS:
		if (parse_days(value, &n) != 0 || n > MAX_DAYS) {
			werr_set(e, W_REFUSED, _("%s: give a whole number of days"), key);
			goto fail;
		}
		if (n < k->min) {
			char least[MSG_NUM_SIZE];
			werr_set(e, W_REFUSED, _("%s: must be at least %s"), key,
				 msg_int(least, k->min));
			goto fail;
		}
		stored = xasprintf("%lld", (long long)n);
		break;
	case PK_TEXT:
		if (utf8_length(value) > 200) {
			werr_set(e, W_REFUSED, _("%s: at most 200 letters"), key);
			goto fail;
		}
		stored = utf8_trim(value);
		break;
	case PK_CHOICE:
		if (!choice_ok(k->choices, value)) {
			werr_set(e, W_REFUSED, _("%s: must be one of: %s"), key, k->choices);
			goto fail;
		}
		stored = xstrdup(value);
		break;
	case PK_ZONE:
		if (!tz_valid(value)) {
			werr_set(e, W_REFUSED, _("%s: unknown time zone \"%s\""), key, value);
			goto fail;
		}
		stored = xstrdup(value);
		break;
	case PK_COUNTRY: {
		char *d = digits_to_ascii(value);
		stored = utf8_trim(d != NULL ? d : "");
		free(d);
		if (stored[0] == '+')
			memmove(stored, stored + 1, strlen(stored));
		if (!valid_country(stored)) {
			werr_set(e, W_REFUSED, _("%s: give the dialling code, such as 98"), key);
			goto fail;
		}
		break;
	}
	}
	if (settings_set(st, key, stored, e) != 0)
		goto fail;
	/* Expiry instants follow the new setting from now on: points whose
	 * new instant is already behind the customer's watermark expire at
	 * the customer's next expiry instant (rule 5 is cumulative). */
	if (strcmp(key, "expiry_days") == 0 &&
	    customers_reset_next_expiry(st, n * DAY_SECONDS, op.shop.p.expiry_mark,
					op.shop.p.expiry_mark_customer, e) != 0)
		goto fail;
	/* The audit shows money as typed by people: in major units. */
	char *after = k->type == PK_MONEY ? money_format_plain(n, op.shop.p.decimals)
					  : xstrdup(stored);
	int r = audit_record(&op, "program set", key, before, after, e);
	free(after);
	if (r != 0)
		goto fail;
	free(stored);
	free(before);
	return op_commit(&op, e);
fail:
	free(stored);
	free(before);
	op_abort(&op);
	return -1;
}

int tier_set(struct store *st, const char *name, int64_t min_spend, int multiplier, int discount,
	     struct werr *e)
{
	if (name == NULL || !utf8_valid(name) || utf8_is_blank(name))
		return werr_set(e, W_REFUSED, _("tier name: must not be empty"));
	char most[MSG_NUM_SIZE];
	if (utf8_has_controls(name) || utf8_length(name) > 40)
		return werr_set(e, W_REFUSED,
				P_("%s: at most %s letter, without control characters",
				   "%s: at most %s letters, without control characters", 40),
				_("tier name"), msg_int(most, 40));
	if (min_spend < 0)
		return werr_set(e, W_REFUSED, _("--min-spend: must not be negative"));
	if (multiplier < 0 || multiplier > 10000)
		return werr_set(e, W_REFUSED, _("--multiplier: a percentage from 0 to 10000"));
	if (discount < 0 || discount > 100)
		return werr_set(e, W_REFUSED, _("--discount: a percentage from 0 to 100"));
	char *trimmed = utf8_trim(name);
	struct op op;
	if (op_begin(&op, st, e) != 0) {
		free(trimmed);
		return -1;
	}
	if (require_owner(&op, e) != 0)
		goto fail;
	const struct tier *same_name = shop_tier_named(&op.shop, trimmed);
	const struct tier *same_spend = NULL;
	for (size_t i = 0; i < op.shop.ntiers; i++)
		if (op.shop.tiers[i].min_spend == min_spend)
			same_spend = &op.shop.tiers[i];
	/* After the change, some tier must still start at 0. */
	bool zero_left = min_spend == 0;
	for (size_t i = 0; i < op.shop.ntiers && !zero_left; i++)
		if (op.shop.tiers[i].min_spend == 0 && &op.shop.tiers[i] != same_name)
			zero_left = true;
	if (!zero_left) {
		werr_set(e, W_REFUSED,
			 _("tier %s is the one for new customers (minimum spend 0); give another "
			   "tier minimum spend 0 first"),
			 trimmed);
		goto fail;
	}
	struct tier t = {.name = trimmed, .min_spend = min_spend, .multiplier = multiplier,
			 .discount = discount};
	if (same_spend != NULL && same_spend != same_name &&
	    tier_delete(st, same_spend->id, e) != 0)
		goto fail;
	char *before = same_name != NULL
			       ? xasprintf("%lld x%d%% -%d%%", (long long)same_name->min_spend,
					   same_name->multiplier, same_name->discount)
			       : NULL;
	char *after = xasprintf("%lld x%d%% -%d%%", (long long)min_spend, multiplier, discount);
	int r = audit_record(&op, "tier set", trimmed, before, after, e);
	free(before);
	free(after);
	if (r != 0)
		goto fail;
	if (same_name != NULL) {
		t.id = same_name->id;
		if (tier_update(st, &t, e) != 0)
			goto fail;
	} else if (tier_insert(st, &t, e) != 0) {
		goto fail;
	}
	free(trimmed);
	return op_commit(&op, e);
fail:
	free(trimmed);
	op_abort(&op);
	return -1;
}

int op_begin(struct op *op, struct store *st, struct werr *e)
{
	memset(op, 0, sizeof *op);
	op->st = st;
	if (store_begin(st, e) != 0)
		return -1;
	if (shop_load(st, &op->shop, e) != 0) {
		store_rollback(st);
		return -1;
	}
	op->now = clock_now();
	return 0;
}

int op_commit(struct op *op, struct werr *e)
{
	int r = store_commit(op->st, e);
	shop_free(&op->shop);
	return r;
}

void op_abort(struct op *op)
{
	store_rollback(op->st);
	shop_free(&op->shop);
}

void op_time_text(const struct op *op, int64_t t, char buf[32])
{
	struct civil c;
	if (tz_utc_to_local(op->shop.p.timezone, t, &c, NULL) != 0) {
		snprintf(buf, 32, "@%lld", (long long)t);
		return;
	}
	snprintf(buf, 32, "%04d-%02d-%02d %02d:%02d:%02d", c.year, c.month, c.day, c.hour, c.min,
		 c.sec);
}

int op_instant(const struct op *op, int64_t at, int64_t *t, struct werr *e)
{
	if (at == TIME_NONE) {
		*t = op->now;
		return 0;
	}
	if (at > op->now + FUTURE_SLACK) {
		char when[32];
		op_time_text(op, at, when);
		return werr_set(e, W_REFUSED, _("--at: %s is in the future"), when);
	}
	*t = at;
	return 0;
}
