/* shop.h -- the shop's program settings and tiers, and the frame every
 * engine operation runs in (one transaction, one instant). */
#ifndef WAFA_ENGINE_SHOP_H
#define WAFA_ENGINE_SHOP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/settings.h"
#include "store/store.h"
#include "text/calendar.h"

/* The settings of the shop (DESIGN.md sections 4, 5, 9, 10). */
struct program {
	char currency[16];
	int decimals;
	enum cal_kind calendar;
	char timezone[64];
	char shop[256];
	char country_code[8]; /* international prefix without "+", or "" */
	char lang[8];         /* "", "en", "fa", "ar" */
	char digits[8];       /* auto, latin, native */
	char bidi[12];        /* auto, app, terminal */
	int64_t earn_unit;    /* money that earns one base point */
	int64_t point_value;  /* money value of one point */
	int64_t expiry_days;  /* 0 = never */
	int64_t tier_window_days;
	int64_t active_days;
	int64_t expiry_mark;  /* expiry applied to every customer up to here, or TIME_NONE */
	int64_t expiry_mark_customer; /* ... every customer with an id up to this one */
};

struct shop {
	struct program p;
	struct tier *tiers; /* lowest min_spend first; tiers[0].min_spend == 0 */
	size_t ntiers;
};

/* Loads the settings and tiers.  Refuses (W_REFUSED) a database that has
 * no shop yet.  Free with shop_free. */
int shop_load(struct store *st, struct shop *shop, struct werr *e);
void shop_free(struct shop *shop);

/* The tier for a window spend (rule 2). */
const struct tier *shop_tier_for(const struct shop *shop, int64_t spend);
/* The tier above `t`, or NULL at the top. */
const struct tier *shop_tier_next(const struct shop *shop, const struct tier *t);
const struct tier *shop_tier_named(const struct shop *shop, const char *name);
/* The language whose collation orders names: the `lang` setting, else the
 * calendar's and currency's region (fa for persian/IRR/IRT, ar for
 * islamic-umalqura and Arab currencies), else en. */
const char *shop_collation_lang(const struct shop *shop);

/* What `init` takes. */
struct shop_init {
	const char *currency;
	int decimals;
	int64_t earn_unit;   /* minor units */
	int64_t point_value; /* minor units */
	enum cal_kind calendar;
	const char *timezone; /* NULL: the system's */
	const char *shop;     /* NULL: "" */
	const char *country_code; /* NULL: from the currency */
	const char *lang;     /* NULL: none */
};
/* Checks what init was given, without touching any file. */
int shop_init_check(const struct shop_init *in, struct werr *e);
/* Creates the shop: settings with their defaults and the tier Member.
 * Refuses a database that already has a shop. */
int shop_init(struct store *st, const struct shop_init *in, struct werr *e);

/* The keys of `program show|set` and the settings screen, as a table. */
enum program_key_type {
	PK_MONEY,   /* an amount, minor units */
	PK_DAYS,    /* whole days */
	PK_TEXT,
	PK_CHOICE,  /* one of `choices` (space separated) */
	PK_ZONE,    /* an IANA time zone */
	PK_COUNTRY, /* an international prefix: 1-3 digits, or empty */
	PK_FIXED,   /* set at init, shown only */
};
struct program_key {
	const char *key;
	enum program_key_type type;
	const char *choices; /* PK_CHOICE */
	int64_t min;         /* PK_MONEY, PK_DAYS: smallest value */
	const char *help;    /* N_() text */
};
extern const struct program_key program_keys[];
extern const size_t program_nkeys;
const struct program_key *program_key_find(const char *key);
/* The value of key k as plain machine text ("1000.00" for money, "365",
 * "persian"); the caller frees it. */
char *program_value_text(const struct shop *shop, const struct program_key *k);
/* The value of an integer key (money in minor units, days); 0 for others. */
int64_t program_value_int(const struct shop *shop, const struct program_key *k);
/* Validates and saves one setting in its own transaction.  Money is read
 * in major units with the currency's decimals; digits of any script. */
int program_set(struct store *st, const char *key, const char *value, struct werr *e);

/* tier set NAME (DESIGN.md section 5): creates the tier or updates the
 * tier of that name; a tier that holds the same min_spend under another
 * name is replaced; there is always a tier with min_spend 0. */
int tier_set(struct store *st, const char *name, int64_t min_spend, int multiplier, int discount,
	     struct werr *e);

/* The frame of one write operation: the transaction, the shop as it is
 * inside it and the instant taken after the transaction began. */
struct op {
	struct store *st;
	struct shop shop;
	int64_t now;
};
/* Begins the transaction (a savepoint when one is open), loads the shop
 * and reads the clock. */
int op_begin(struct op *op, struct store *st, struct werr *e);
/* Commits; on failure everything is undone. */
int op_commit(struct op *op, struct werr *e);
/* Undoes everything since op_begin. */
void op_abort(struct op *op);
/* The instant of an event: `at`, or now when at is TIME_NONE; refuses an
 * instant more than 5 minutes in the future. */
int op_instant(const struct op *op, int64_t at, int64_t *t, struct werr *e);
/* Formats an instant for messages: "2026-11-22 10:42" in the shop's zone;
 * buf holds at least 32 bytes. */
void op_time_text(const struct op *op, int64_t t, char buf[32]);

#endif
