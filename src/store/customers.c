/* customers.c -- customers, their search words and summaries. */
#include <config.h>

#include "store/customers.h"

#include <stdlib.h>
#include <string.h>

#include "store/private.h"
#include "text/fold.h"
#include "text/phone.h"
#include "text/xalloc.h"

#define CUSTOMER_COLUMNS                                                                        \
	"id, name, phone, card, external_id, birthday, email, note, referrer_id, consent, "  \
	"active, enrolled_at, balance, sales_count, spend, first_sale_at, last_sale_at, "     \
	"watermark, next_expiry, tier, negative_since"

static const char SQL_GET[] = "SELECT " CUSTOMER_COLUMNS " FROM customers WHERE id = ?";
static const char SQL_BY_PHONE[] =
	"SELECT id FROM customers WHERE phone = ? AND active = 1";
static const char SQL_BY_CARD[] = "SELECT id FROM customers WHERE card = ?";
static const char SQL_BY_EXTERNAL[] =
	"SELECT id FROM customers WHERE external_id = ? ORDER BY active DESC, id LIMIT 1";
static const char SQL_NEXT_ID[] = "SELECT COALESCE(MAX(id), 0) + 1 FROM customers";
static const char SQL_INSERT[] =
	"INSERT INTO customers (id, name, search_key, sort_key, phone, card, external_id, "
	"birthday, email, note, referrer_id, consent, active, enrolled_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_UPDATE_DETAILS[] =
	"UPDATE customers SET name = ?, phone = ?, external_id = ?, birthday = ?, email = ?, "
	"note = ?, referrer_id = ?, consent = ?, active = ? WHERE id = ?";
static const char SQL_UPDATE_KEYS[] =
	"UPDATE customers SET search_key = ?, sort_key = ? WHERE id = ?";
static const char SQL_SAVE_SUMMARY[] =
	"UPDATE customers SET balance = ?, sales_count = ?, spend = ?, first_sale_at = ?, "
	"last_sale_at = ?, watermark = ?, next_expiry = ?, tier = ?, negative_since = ? "
	"WHERE id = ?";
static const char SQL_SET_SORT[] = "UPDATE customers SET sort_key = ? WHERE id = ?";
static const char SQL_EACH_NAME[] = "SELECT id, name FROM customers ORDER BY id";
static const char SQL_WORD_INSERT[] =
	"INSERT OR IGNORE INTO name_words (word, customer_id) VALUES (?, ?)";
static const char SQL_WORD_DELETE[] = "DELETE FROM name_words WHERE customer_id = ?";
static const char SQL_TIER_HISTORY[] =
	"INSERT INTO tier_history (customer_id, at, tier_from, tier_to, cause) "
	"VALUES (?, ?, ?, ?, ?)";
static const char SQL_REFERRALS[] = "SELECT count(*) FROM customers WHERE referrer_id = ?";
static const char SQL_DUE[] =
	"SELECT id FROM customers WHERE next_expiry <= ?1 "
	"AND (watermark IS NULL OR watermark < ?1) ORDER BY id";
static const char SQL_RESET_EXPIRY[] =
	"UPDATE customers SET next_expiry = CASE WHEN ?1 <= 0 THEN NULL ELSE "
	"(SELECT MIN(l.at) + ?1 FROM ledger l WHERE l.customer_id = customers.id "
	"AND l.points > 0 AND l.kind IN ('earn', 'bonus', 'restore', 'adjust') "
	"AND l.at + ?1 > MAX(COALESCE(customers.watermark, ?4), "
	"CASE WHEN customers.id <= ?3 THEN ?2 ELSE ?4 END)) END";
static const char SQL_COUNT_ACTIVE[] = "SELECT count(*) FROM customers WHERE active = 1";
static const char SQL_COUNT_ALL[] = "SELECT count(*) FROM customers";

#define HIT_COLUMNS                                                                            \
	"c.id, c.name, c.phone, c.card, c.external_id, c.balance, c.last_sale_at, c.active, "  \
	"c.watermark, c.next_expiry"
#define HIT_NCOLUMNS 10

static const char SQL_FIND_PHONE[] =
	"SELECT " HIT_COLUMNS " FROM customers c "
	"WHERE c.phone >= ? AND c.phone < ? AND c.active = 1 ORDER BY c.phone LIMIT ?";
static const char SQL_FIND_CARD[] =
	"SELECT " HIT_COLUMNS " FROM customers c "
	"WHERE c.card >= ? AND c.card < ? AND c.active = 1 ORDER BY c.card LIMIT ?";
static const char SQL_FIND_EXTERNAL[] =
	"SELECT " HIT_COLUMNS " FROM customers c WHERE c.external_id = ? AND c.active = 1";
static const char SQL_FIND_WORD[] =
	"SELECT " HIT_COLUMNS ", c.search_key, w.word FROM name_words w "
	"JOIN customers c ON c.id = w.customer_id "
	"WHERE w.word < ?2 AND c.active = 1 AND (w.word > ?1 OR (w.word = ?1 AND w.customer_id > ?3)) "
	"ORDER BY w.word, w.customer_id LIMIT ?4";

static const char SQL_PAGE_FIRST[] =
	"SELECT " HIT_COLUMNS ", c.sort_key FROM customers c WHERE (? OR c.active = 1) "
	"ORDER BY c.sort_key, c.id LIMIT ?";
static const char SQL_PAGE_AFTER[] =
	"SELECT " HIT_COLUMNS ", c.sort_key FROM customers c "
	"WHERE (c.sort_key > ?1 OR (c.sort_key = ?1 AND c.id > ?2)) AND (?3 OR c.active = 1) "
	"ORDER BY c.sort_key, c.id LIMIT ?4";
static const char SQL_PAGE_BEFORE[] =
	"SELECT " HIT_COLUMNS ", c.sort_key FROM customers c "
	"WHERE (c.sort_key < ?1 OR (c.sort_key = ?1 AND c.id < ?2)) AND (?3 OR c.active = 1) "
	"ORDER BY c.sort_key DESC, c.id DESC LIMIT ?4";
static const char SQL_PAGE_LAST[] =
	"SELECT " HIT_COLUMNS ", c.sort_key FROM customers c WHERE (? OR c.active = 1) "
	"ORDER BY c.sort_key DESC, c.id DESC LIMIT ?";

void customer_clear(struct customer *c)
{
	free(c->name);
	free(c->phone);
	free(c->card);
	free(c->external_id);
	free(c->birthday);
	free(c->email);
	free(c->note);
	free(c->tier);
	memset(c, 0, sizeof *c);
}

int customer_get(struct store *st, int64_t id, struct customer *c, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_GET, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		return rc == SQLITE_DONE ? 0 : store_fail(st, e);
	}
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(s, 0);
	c->name = col_text(s, 1);
	c->phone = col_text(s, 2);
	c->card = col_text(s, 3);
	c->external_id = col_text(s, 4);
	c->birthday = col_text(s, 5);
	c->email = col_text(s, 6);
	c->note = col_text(s, 7);
	c->referrer_id = sqlite3_column_int64(s, 8);
	c->consent = sqlite3_column_int(s, 9) != 0;
	c->active = sqlite3_column_int(s, 10) != 0;
	c->enrolled_at = sqlite3_column_int64(s, 11);
	c->balance = sqlite3_column_int64(s, 12);
	c->sales_count = sqlite3_column_int64(s, 13);
	c->spend = sqlite3_column_int64(s, 14);
	c->first_sale_at = col_time(s, 15);
	c->last_sale_at = col_time(s, 16);
	c->watermark = col_time(s, 17);
	c->next_expiry = col_time(s, 18);
	c->tier = col_text(s, 19);
	c->negative_since = col_time(s, 20);
	sqlite3_reset(s);
	return 1;
}

static int id_lookup(struct store *st, const char *sql, const char *value, int64_t *id,
		     struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, sql, e);
	if (s == NULL)
		return -1;
	bind_text(s, 1, value);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		return 1;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, e);
}

int customer_id_by_phone(struct store *st, const char *phone, int64_t *id, struct werr *e)
{
	return id_lookup(st, SQL_BY_PHONE, phone, id, e);
}

int customer_id_by_card(struct store *st, const char *card, int64_t *id, struct werr *e)
{
	return id_lookup(st, SQL_BY_CARD, card, id, e);
}

int customer_id_by_external(struct store *st, const char *ext, int64_t *id, struct werr *e)
{
	return id_lookup(st, SQL_BY_EXTERNAL, ext, id, e);
}

static int single_int(struct store *st, const char *sql, const int64_t *arg, int64_t *out,
		      struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, sql, e);
	if (s == NULL)
		return -1;
	if (arg != NULL)
		bind_i64(s, 1, *arg);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, e);
}

int customer_next_id(struct store *st, int64_t *id, struct werr *e)
{
	return single_int(st, SQL_NEXT_ID, NULL, id, e);
}

int customer_referral_count(struct store *st, int64_t id, int64_t *n, struct werr *e)
{
	return single_int(st, SQL_REFERRALS, &id, n, e);
}

int customer_count(struct store *st, bool all, int64_t *n, struct werr *e)
{
	return single_int(st, all ? SQL_COUNT_ALL : SQL_COUNT_ACTIVE, NULL, n, e);
}

static int save_words(struct store *st, int64_t id, const struct name_keys *k, struct werr *e)
{
	for (size_t i = 0; i < k->nwords; i++) {
		sqlite3_stmt *s = store_stmt(st, SQL_WORD_INSERT, e);
		if (s == NULL)
			return -1;
		bind_text(s, 1, k->words[i]);
		bind_i64(s, 2, id);
		if (store_step_done(st, s, e) != 0)
			return -1;
	}
	return 0;
}

int customer_insert(struct store *st, const struct customer *c, const struct name_keys *k,
		    struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_INSERT, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, c->id);
	bind_text(s, 2, c->name);
	bind_text(s, 3, k->search_key);
	bind_blob(s, 4, k->sort_key, k->sort_len);
	bind_text(s, 5, c->phone);
	bind_text(s, 6, c->card);
	bind_text(s, 7, c->external_id);
	bind_text(s, 8, c->birthday);
	bind_text(s, 9, c->email);
	bind_text(s, 10, c->note);
	if (c->referrer_id > 0)
		bind_i64(s, 11, c->referrer_id);
	bind_i64(s, 12, c->consent);
	bind_i64(s, 13, c->active);
	bind_i64(s, 14, c->enrolled_at);
	if (store_step_done(st, s, e) != 0)
		return -1;
	return save_words(st, c->id, k, e);
}

int customer_update_details(struct store *st, const struct customer *c,
			    const struct name_keys *k, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_UPDATE_DETAILS, e);
	if (s == NULL)
		return -1;
	bind_text(s, 1, c->name);
	bind_text(s, 2, c->phone);
	bind_text(s, 3, c->external_id);
	bind_text(s, 4, c->birthday);
	bind_text(s, 5, c->email);
	bind_text(s, 6, c->note);
	if (c->referrer_id > 0)
		bind_i64(s, 7, c->referrer_id);
	bind_i64(s, 8, c->consent);
	bind_i64(s, 9, c->active);
	bind_i64(s, 10, c->id);
	if (store_step_done(st, s, e) != 0)
		return -1;
	if (k == NULL)
		return 0;
	s = store_stmt(st, SQL_UPDATE_KEYS, e);
	if (s == NULL)
		return -1;
	bind_text(s, 1, k->search_key);
	bind_blob(s, 2, k->sort_key, k->sort_len);
	bind_i64(s, 3, c->id);
	if (store_step_done(st, s, e) != 0)
		return -1;
	s = store_stmt(st, SQL_WORD_DELETE, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, c->id);
	if (store_step_done(st, s, e) != 0)
		return -1;
	return save_words(st, c->id, k, e);
}

int customer_save_summary(struct store *st, const struct customer *c, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SAVE_SUMMARY, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, c->balance);
	bind_i64(s, 2, c->sales_count);
	bind_i64(s, 3, c->spend);
	bind_time(s, 4, c->first_sale_at);
	bind_time(s, 5, c->last_sale_at);
	bind_time(s, 6, c->watermark);
	bind_time(s, 7, c->next_expiry);
	bind_text(s, 8, c->tier);
	bind_time(s, 9, c->negative_since);
	bind_i64(s, 10, c->id);
	return store_step_done(st, s, e);
}

int customer_set_sort_key(struct store *st, int64_t id, const uint8_t *key, size_t len,
			  struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SET_SORT, e);
	if (s == NULL)
		return -1;
	bind_blob(s, 1, key, len);
	bind_i64(s, 2, id);
	return store_step_done(st, s, e);
}

int customers_each(struct store *st, int (*fn)(void *ctx, const struct customer *c), void *ctx,
		   struct werr *e)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(store_db(st), "SELECT id FROM customers ORDER BY id", -1, &s,
			       NULL) != SQLITE_OK)
		return store_fail(st, e);
	int rc, r = 0;
	while (r == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct customer c;
		int found = customer_get(st, sqlite3_column_int64(s, 0), &c, e);
		if (found < 0) {
			r = -1;
			break;
		}
		if (found > 0) {
			r = fn(ctx, &c) != 0 ? -1 : 0;
			customer_clear(&c);
		}
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = store_fail(st, e);
	sqlite3_finalize(s);
	return r;
}

int customer_each_name(struct store *st, int (*fn)(void *ctx, int64_t id, const char *name),
		       void *ctx, struct werr *e)
{
	/* A statement of its own: fn may run other statements of the cache. */
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(store_db(st), SQL_EACH_NAME, -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, e);
	int rc, r = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (fn(ctx, sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 1)) !=
		    0) {
			r = -1;
			break;
		}
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = store_fail(st, e);
	sqlite3_finalize(s);
	return r;
}

int customers_due_for_expiry(struct store *st, int64_t t, int64_t **ids, size_t *n,
			     struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_DUE, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, t);
	int64_t *v = NULL;
	size_t len = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		v = xgrow(v, &cap, len + 1, sizeof *v);
		v[len++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(v);
		return store_fail(st, e);
	}
	*ids = v;
	*n = len;
	return 0;
}

int customers_reset_next_expiry(struct store *st, int64_t expiry_secs, int64_t mark,
				int64_t mark_customer, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_RESET_EXPIRY, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, expiry_secs);
	bind_i64(s, 2, mark == TIME_NONE ? INT64_MIN : mark);
	bind_i64(s, 3, mark_customer);
	bind_i64(s, 4, INT64_MIN);
	return store_step_done(st, s, e);
}

int tier_history_add(struct store *st, int64_t customer_id, int64_t at, const char *from,
		     const char *to, const char *cause, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_TIER_HISTORY, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, customer_id);
	bind_i64(s, 2, at);
	bind_text(s, 3, from);
	bind_text(s, 4, to);
	bind_text(s, 5, cause);
	return store_step_done(st, s, e);
}

/* ---- search and paging ---- */

void customer_hits_free(struct customer_hit *h, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(h[i].name);
		free(h[i].phone);
		free(h[i].card);
		free(h[i].external_id);
	}
	free(h);
}

void sort_pos_free(struct sort_pos *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(p[i].key);
	free(p);
}

static void read_hit(sqlite3_stmt *s, struct customer_hit *h)
{
	h->id = sqlite3_column_int64(s, 0);
	h->name = col_text(s, 1);
	h->phone = col_text(s, 2);
	h->card = col_text(s, 3);
	h->external_id = col_text(s, 4);
	h->balance = sqlite3_column_int64(s, 5);
	h->last_sale_at = col_time(s, 6);
	h->active = sqlite3_column_int(s, 7) != 0;
	h->watermark = col_time(s, 8);
	h->next_expiry = col_time(s, 9);
}

struct hitlist {
	struct customer_hit *v;
	size_t n, cap;
	size_t limit;
};

static bool hitlist_has(const struct hitlist *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].id == id)
			return true;
	return false;
}

static void hitlist_push(struct hitlist *l, sqlite3_stmt *s)
{
	int64_t id = sqlite3_column_int64(s, 0);
	if (l->n >= l->limit || hitlist_has(l, id))
		return;
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	read_hit(s, &l->v[l->n++]);
}

/* Runs a lookup with (lo, hi, limit) or (value) parameters and adds its
 * rows. */
static int collect(struct store *st, const char *sql, const char *lo, const char *hi,
		   struct hitlist *l, struct werr *e)
{
	if (l->n >= l->limit)
		return 0;
	sqlite3_stmt *s = store_stmt(st, sql, e);
	if (s == NULL)
		return -1;
	bind_text(s, 1, lo);
	if (hi != NULL) {
		bind_text(s, 2, hi);
		bind_i64(s, 3, (int64_t)l->limit);
	}
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		hitlist_push(l, s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, e);
}

/* Whether every query word is a prefix of some word of the folded key. */
static bool words_match(char **qwords, size_t nq, const char *key)
{
	char **kw = NULL;
	size_t nk = fold_words(key, &kw);
	bool all = true;
	for (size_t i = 0; i < nq && all; i++) {
		bool found = false;
		size_t ql = strlen(qwords[i]);
		for (size_t j = 0; j < nk && !found; j++)
			found = strncmp(kw[j], qwords[i], ql) == 0;
		all = found;
	}
	fold_words_free(kw, nk);
	return all;
}

/* Moves the hits of `from` to the end of l while l has room; frees the
 * rest and from's array. */
static void move_hits(struct hitlist *l, struct hitlist *from)
{
	size_t i = 0;
	for (; i < from->n && l->n < l->limit; i++) {
		l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
		l->v[l->n++] = from->v[i];
	}
	for (; i < from->n; i++) {
		free(from->v[i].name);
		free(from->v[i].phone);
		free(from->v[i].card);
		free(from->v[i].external_id);
	}
	free(from->v);
	from->v = NULL;
	from->n = 0;
}

/* Name matches: an indexed range scan over the longest query word, the
 * other words checked on the candidate's folded name; names whose first
 * word matches the query's first word come first. */
static int collect_names(struct store *st, char **qwords, size_t nq, struct hitlist *l,
			 struct werr *e)
{
	if (nq == 0 || l->n >= l->limit)
		return 0;
	size_t longest = 0;
	for (size_t i = 1; i < nq; i++)
		if (strlen(qwords[i]) > strlen(qwords[longest]))
			longest = i;
	char *hi = fold_prefix_upper(qwords[longest]);
	struct hitlist first = {.limit = l->limit - l->n}, other = {.limit = l->limit - l->n};
	int r = 0;
	/* Keyset paging over (word, customer_id): each batch starts after the
	 * last row of the one before. */
	char *after_word = xstrdup(qwords[longest]);
	int64_t after_id = -1;
	const int64_t batch = 256;
	/* Names whose first word matches come first; look for them among at
	 * most this many matches once the list is full anyway (a common
	 * family name can match a hundred thousand customers). */
	const size_t scan_cap = 2048;
	size_t scanned = 0;
	for (;;) {
		sqlite3_stmt *s = store_stmt(st, SQL_FIND_WORD, e);
		if (s == NULL) {
			r = -1;
			break;
		}
		bind_text(s, 1, after_word);
		bind_text(s, 2, hi);
		bind_i64(s, 3, after_id);
		bind_i64(s, 4, batch);
		int rc, rows = 0;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			rows++;
			free(after_word);
			after_word = xstrdup((const char *)sqlite3_column_text(s, HIT_NCOLUMNS + 1));
			after_id = sqlite3_column_int64(s, 0);
			int64_t id = sqlite3_column_int64(s, 0);
			if (hitlist_has(l, id))
				continue;
			const char *key = (const char *)sqlite3_column_text(s, HIT_NCOLUMNS);
			if (key == NULL || !words_match(qwords, nq, key))
				continue;
			size_t ql = strlen(qwords[0]);
			bool starts = strncmp(key, qwords[0], ql) == 0;
			hitlist_push(starts ? &first : &other, s);
		}
		sqlite3_reset(s);
		if (rc != SQLITE_DONE) {
			r = store_fail(st, e);
			break;
		}
		scanned += (size_t)rows;
		if (rows < batch || first.n >= first.limit ||
		    (first.n + other.n >= first.limit && scanned >= scan_cap))
			break;
	}
	free(after_word);
	free(hi);
	move_hits(l, &first);
	move_hits(l, &other);
	return r;
}

int customer_search(struct store *st, const char *query, const char *country_code, size_t limit,
		    struct customer_hit **hits, size_t *n, struct werr *e)
{
	struct hitlist l = {.limit = limit};
	char *folded = fold_search_key(query);
	char *digits = phone_query_digits(query, country_code);
	char **qwords = NULL;
	size_t nq = 0;
	int r = 0;
	*hits = NULL;
	*n = 0;
	if (folded == NULL || *folded == '\0' || limit == 0)
		goto out;
	nq = fold_words(folded, &qwords);
	if (digits != NULL && *digits != '\0') {
		char *hi = fold_prefix_upper(digits);
		/* Exact first, then prefixes. */
		if (collect(st, SQL_FIND_PHONE, digits, hi, &l, e) != 0 ||
		    collect(st, SQL_FIND_CARD, digits, hi, &l, e) != 0)
			r = -1;
		free(hi);
		if (r != 0)
			goto out;
		/* Move exact matches to the front. */
		size_t k = 0;
		for (size_t i = 0; i < l.n; i++) {
			bool exact = (l.v[i].phone && strcmp(l.v[i].phone, digits) == 0) ||
				     (l.v[i].card && strcmp(l.v[i].card, digits) == 0);
			if (exact) {
				struct customer_hit t = l.v[i];
				memmove(&l.v[k + 1], &l.v[k], (i - k) * sizeof *l.v);
				l.v[k++] = t;
			}
		}
	}
	if (collect(st, SQL_FIND_EXTERNAL, query, NULL, &l, e) != 0 ||
	    collect_names(st, qwords, nq, &l, e) != 0) {
		r = -1;
		goto out;
	}
out:
	fold_words_free(qwords, nq);
	free(folded);
	free(digits);
	if (r != 0) {
		customer_hits_free(l.v, l.n);
		return -1;
	}
	*hits = l.v;
	*n = l.n;
	return 0;
}

int customer_page(struct store *st, const struct sort_pos *after, bool backward, size_t limit,
		  bool all, struct customer_hit **hits, struct sort_pos **pos, size_t *n,
		  struct werr *e)
{
	const char *sql = after == NULL ? (backward ? SQL_PAGE_LAST : SQL_PAGE_FIRST)
					: (backward ? SQL_PAGE_BEFORE : SQL_PAGE_AFTER);
	sqlite3_stmt *s = store_stmt(st, sql, e);
	if (s == NULL)
		return -1;
	if (after == NULL) {
		bind_i64(s, 1, all);
		bind_i64(s, 2, (int64_t)limit);
	} else {
		bind_blob(s, 1, after->key != NULL ? after->key : (const uint8_t *)"", after->len);
		bind_i64(s, 2, after->id);
		bind_i64(s, 3, all);
		bind_i64(s, 4, (int64_t)limit);
	}
	struct customer_hit *v = xcalloc(limit ? limit : 1, sizeof *v);
	struct sort_pos *p = xcalloc(limit ? limit : 1, sizeof *p);
	size_t len = 0;
	int rc = SQLITE_DONE;
	while (len < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_hit(s, &v[len]);
		const void *k = sqlite3_column_blob(s, HIT_NCOLUMNS);
		size_t kl = (size_t)sqlite3_column_bytes(s, HIT_NCOLUMNS);
		p[len].key = xmalloc(kl ? kl : 1);
		if (kl)
			memcpy(p[len].key, k, kl);
		p[len].len = kl;
		p[len].id = v[len].id;
		len++;
	}
	if (len < limit && rc != SQLITE_DONE) {
		sqlite3_reset(s);
		customer_hits_free(v, len);
		sort_pos_free(p, len);
		return store_fail(st, e);
	}
	sqlite3_reset(s);
	if (backward) {
		for (size_t i = 0; i < len / 2; i++) {
			struct customer_hit th = v[i];
			v[i] = v[len - 1 - i];
			v[len - 1 - i] = th;
			struct sort_pos tp = p[i];
			p[i] = p[len - 1 - i];
			p[len - 1 - i] = tp;
		}
	}
	*hits = v;
	*pos = p;
	*n = len;
	return 0;
}
