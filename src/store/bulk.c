/* bulk.c -- fast writers for the demo generator. */
#include <config.h>

#include "store/bulk.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "store/private.h"
#include "text/i18n.h"
#include "text/strbuf.h"
#include "text/xalloc.h"

/* Rows per multi-row INSERT: with Debian's SQLite (no lookaside), one
 * statement of 64 rows costs about half as much per row as 64
 * statements. */
#define BATCH 64
#define X2(t) t "," t
#define X4(t) X2(X2(t))
#define X64(t) X4(X4(X4(t)))

#define SALE_COLS                                                                              \
	"INSERT INTO sales (id, customer_id, at, amount, points_paid, discount, paid, earned, " \
	"multiplier, tier, first_sale, note, staff_id, cum_paid) VALUES "
#define SALE_ROW "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
#define LEDGER_COLS                                                                            \
	"INSERT INTO ledger (customer_id, at, kind, points, sale_id, return_id, redemption_id, " \
	"reason, staff_id) VALUES "
#define LEDGER_ROW "(?,?,?,?,?,?,?,?,?)"
#define TIER_COLS "INSERT INTO tier_history (customer_id, at, tier_from, tier_to, cause) VALUES "
#define TIER_ROW "(?,?,?,?,?)"
#define CUSTOMER_COLS                                                                          \
	"INSERT INTO customers (id, name, search_key, sort_key, phone, card, external_id, "    \
	"birthday, email, referrer_id, consent, note, enrolled_at, active, balance, "          \
	"sales_count, spend, first_sale_at, last_sale_at, tier, watermark, next_expiry, "       \
	"negative_since) VALUES "
#define CUSTOMER_ROW "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
#define WORD_COLS "INSERT OR IGNORE INTO name_words (word, customer_id) VALUES "
#define WORD_ROW "(?,?)"
#define RETURN_COLS                                                                            \
	"INSERT INTO returns (id, sale_id, customer_id, at, amount, refunded, points_reversed, " \
	"points_restored, note, staff_id, sale_at) VALUES "
#define RETURN_ROW "(?,?,?,?,?,?,?,?,?,?,?)"
#define REDEMPTION_COLS                                                                        \
	"INSERT INTO redemptions (id, customer_id, reward_id, at, points, copay, staff_id) VALUES "
#define REDEMPTION_ROW "(?,?,?,?,?,?,?)"
#define VOUCHER_COLS "INSERT INTO vouchers (code, redemption_id, issued_at) VALUES "
#define VOUCHER_ROW "(?,?,?)"
#define SURVEY_COLS                                                                            \
	"INSERT INTO surveys (id, customer_id, at, score, csat, reason, comment, staff_id) VALUES "
#define SURVEY_ROW "(?,?,?,?,?,?,?,?)"
#define FOLLOW_UP_COLS                                                                         \
	"INSERT INTO follow_ups (survey_id, customer_id, opened_at, closed_at, note) VALUES "
#define FOLLOW_UP_ROW "(?,?,?,?,?)"
#define CONTACT_COLS "INSERT INTO contact_log (customer_id, at, outcome, note, staff_id) VALUES "
#define CONTACT_ROW "(?,?,?,?,?)"

static const char SQL_SALE_1[] = SALE_COLS SALE_ROW;
static const char SQL_SALE_N[] = SALE_COLS X64(SALE_ROW);
static const char SQL_LEDGER_1[] = LEDGER_COLS LEDGER_ROW;
static const char SQL_LEDGER_N[] = LEDGER_COLS X64(LEDGER_ROW);
static const char SQL_TIER_1[] = TIER_COLS TIER_ROW;
static const char SQL_TIER_N[] = TIER_COLS X64(TIER_ROW);
static const char SQL_CUSTOMER_1[] = CUSTOMER_COLS CUSTOMER_ROW;
static const char SQL_CUSTOMER_N[] = CUSTOMER_COLS X64(CUSTOMER_ROW);
static const char SQL_WORD_1[] = WORD_COLS WORD_ROW;
static const char SQL_WORD_N[] = WORD_COLS X64(WORD_ROW);
static const char SQL_RETURN_1[] = RETURN_COLS RETURN_ROW;
static const char SQL_RETURN_N[] = RETURN_COLS X64(RETURN_ROW);
static const char SQL_REDEMPTION_1[] = REDEMPTION_COLS REDEMPTION_ROW;
static const char SQL_REDEMPTION_N[] = REDEMPTION_COLS X64(REDEMPTION_ROW);
static const char SQL_VOUCHER_1[] = VOUCHER_COLS VOUCHER_ROW;
static const char SQL_VOUCHER_N[] = VOUCHER_COLS X64(VOUCHER_ROW);
static const char SQL_SURVEY_1[] = SURVEY_COLS SURVEY_ROW;
static const char SQL_SURVEY_N[] = SURVEY_COLS X64(SURVEY_ROW);
static const char SQL_FOLLOW_UP_1[] = FOLLOW_UP_COLS FOLLOW_UP_ROW;
static const char SQL_FOLLOW_UP_N[] = FOLLOW_UP_COLS X64(FOLLOW_UP_ROW);
static const char SQL_CONTACT_1[] = CONTACT_COLS CONTACT_ROW;
static const char SQL_CONTACT_N[] = CONTACT_COLS X64(CONTACT_ROW);

static const char SQL_NEXT_IDS[] =
	"SELECT (SELECT COALESCE(MAX(id), 0) + 1 FROM customers), "
	"(SELECT COALESCE(MAX(id), 0) + 1 FROM sales), "
	"(SELECT COALESCE(MAX(id), 0) + 1 FROM returns), "
	"(SELECT COALESCE(MAX(id), 0) + 1 FROM redemptions), "
	"(SELECT COALESCE(MAX(id), 0) + 1 FROM surveys)";
/* The tables the demo loads; their own indexes are built again after it. */
static const char SQL_INDEXES[] =
	"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
	"AND tbl_name IN ('customers', 'name_words', 'sales', 'returns', 'redemptions', "
	"'vouchers', 'ledger', 'surveys', 'follow_ups', 'contact_log', 'tier_history') "
	"ORDER BY tbl_name, name";
/* Pragmas: the load only appends to the right edge of each table, so a
 * moderate cache does; index builds sort in small runs on helper threads
 * (with temporary storage in memory SQLite sorts everything in one run,
 * on one thread, and mostly waits for the memory). */
static const char SQL_LOAD_PRAGMAS[] = "PRAGMA cache_size = -32768; PRAGMA foreign_keys = OFF";
static const char SQL_INDEX_PRAGMAS[] =
	"PRAGMA temp_store = FILE; PRAGMA cache_size = -4000; PRAGMA threads = 2";
static const char SQL_END_PRAGMAS[] =
	"PRAGMA temp_store = MEMORY; PRAGMA threads = 0; PRAGMA foreign_keys = ON";

/* A value waiting in a batch: text and blobs live in the batch's arena. */
enum cell_type { CELL_NULL, CELL_INT, CELL_TEXT, CELL_BLOB };
struct cell {
	enum cell_type type;
	int64_t i;     /* CELL_INT; the arena offset of text and blobs */
	size_t len;    /* bytes of text or blob */
};

#define CELLS_MAX (BATCH * 23) /* the widest table: customers */
#define QUEUE_MAX 16           /* full batches waiting for the writer */

/* Rows of one table waiting to be written together. */
struct batch {
	const char *one, *many; /* the statements for one row and for BATCH rows */
	int ncols;
	int nrows;
	struct cell *cells; /* CELLS_MAX */
	struct strbuf arena;
};

/* A full batch handed to the writer thread (its buffers were swapped
 * with the batch's). */
struct job {
	const char *many;
	int ncols;
	struct cell *cells;
	struct strbuf arena;
	struct job *next;
};

/* The writer thread: it runs the statements of full batches, in the
 * order they were handed over, while the caller computes the next rows.
 * Only one thread uses the connection at a time: the writer from its
 * start until writer_stop, the caller before and after. */
struct writer {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t more; /* a job was queued, or stop was asked */
	pthread_cond_t done; /* a job was written */
	struct job *head, *tail, *spare;
	size_t busy;         /* jobs queued or being written */
	bool started, stop, failed;
	bool sync;           /* after the last stop: write in the caller's thread */
	struct werr err;     /* the first failure */
};

struct bulk_index {
	char *name;
	char *sql;
};

/* The words of the names, written at the end in the order of their
 * primary key (word, customer_id), so that its index is only appended
 * to. */
struct word_ref {
	size_t off, len; /* in the words' arena */
	int64_t customer_id;
};

struct bulk {
	struct store *st;
	struct batch sales, ledger, tiers, customers, words, returns, redemptions, vouchers,
		surveys, follow_ups, contacts;
	struct word_ref *wv;
	size_t nw, capw;
	struct strbuf warena;
	struct bulk_index *ix;
	size_t nix;
	struct writer w;
};

static int exec(struct store *st, const char *sql, struct werr *e)
{
	if (sqlite3_exec(store_db(st), sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, e);
	return 0;
}

static void batch_init(struct batch *bt, const char *one, const char *many, int ncols)
{
	bt->one = one;
	bt->many = many;
	bt->ncols = ncols;
	bt->nrows = 0;
	bt->cells = xcalloc(CELLS_MAX, sizeof *bt->cells);
	bt->arena = (struct strbuf)STRBUF_INIT;
}

/* Every batch of b, in the order they are written at the end. */
#define ALL_BATCHES(b)                                                                         \
	{                                                                                      \
		&(b)->sales, &(b)->ledger, &(b)->tiers, &(b)->returns, &(b)->redemptions,      \
			&(b)->vouchers, &(b)->surveys, &(b)->follow_ups, &(b)->contacts,       \
			&(b)->customers, &(b)->words                                           \
	}

static void bind_cells(sqlite3_stmt *s, int first, const struct cell *c, int n,
		       const char *arena)
{
	for (int k = 0; k < n; k++) {
		switch (c[k].type) {
		case CELL_INT:
			sqlite3_bind_int64(s, first + k, c[k].i);
			break;
		case CELL_TEXT:
			sqlite3_bind_text(s, first + k, arena + c[k].i, (int)c[k].len, SQLITE_STATIC);
			break;
		case CELL_BLOB:
			sqlite3_bind_blob(s, first + k, arena + c[k].i, (int)c[k].len, SQLITE_STATIC);
			break;
		case CELL_NULL:
			break; /* store_stmt cleared the bindings */
		}
	}
}

/* Writes the rows of a batch: one statement when it is full, row by row
 * when not. */
static int batch_flush(struct store *st, struct batch *bt, struct werr *e)
{
	const char *arena = strbuf_str(&bt->arena);
	int r = 0;
	if (bt->nrows == BATCH) {
		sqlite3_stmt *s = store_stmt(st, bt->many, e);
		if (s == NULL)
			return -1;
		bind_cells(s, 1, bt->cells, BATCH * bt->ncols, arena);
		r = store_step_done(st, s, e);
	} else {
		for (int row = 0; row < bt->nrows && r == 0; row++) {
			sqlite3_stmt *s = store_stmt(st, bt->one, e);
			if (s == NULL)
				return -1;
			bind_cells(s, 1, bt->cells + row * bt->ncols, bt->ncols, arena);
			r = store_step_done(st, s, e);
		}
	}
	bt->nrows = 0;
	strbuf_reset(&bt->arena);
	return r;
}

static void *writer_main(void *arg)
{
	struct bulk *b = arg;
	struct writer *w = &b->w;
	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (w->head == NULL && !w->stop)
			pthread_cond_wait(&w->more, &w->mu);
		struct job *job = w->head;
		if (job == NULL)
			break;
		w->head = job->next;
		if (w->head == NULL)
			w->tail = NULL;
		bool skip = w->failed;
		pthread_mutex_unlock(&w->mu);
		struct werr e = {0};
		int r = 0;
		if (!skip) {
			sqlite3_stmt *s = store_stmt(b->st, job->many, &e);
			if (s == NULL) {
				r = -1;
			} else {
				bind_cells(s, 1, job->cells, BATCH * job->ncols, strbuf_str(&job->arena));
				r = store_step_done(b->st, s, &e);
			}
		}
		strbuf_reset(&job->arena);
		pthread_mutex_lock(&w->mu);
		if (r != 0 && !w->failed) {
			w->failed = true;
			w->err = e;
		}
		job->next = w->spare;
		w->spare = job;
		w->busy--;
		pthread_cond_broadcast(&w->done);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

/* Waits until every job is written and ends the writer thread; 0, or -1
 * with the first failure of the writer in e. */
static int writer_stop(struct bulk *b, struct werr *e)
{
	struct writer *w = &b->w;
	if (w->started) {
		pthread_mutex_lock(&w->mu);
		w->stop = true;
		pthread_cond_signal(&w->more);
		pthread_mutex_unlock(&w->mu);
		pthread_join(w->thread, NULL);
		w->started = false;
		w->stop = false;
	}
	if (w->failed) {
		if (e != NULL)
			*e = w->err;
		return -1;
	}
	return 0;
}

/* Hands a full batch to the writer thread (starting it), or writes it
 * here when there is no thread. */
static int batch_submit(struct bulk *b, struct batch *bt, struct werr *e)
{
	struct writer *w = &b->w;
	if (!w->started && !w->sync) {
		if (pthread_create(&w->thread, NULL, writer_main, b) == 0)
			w->started = true;
		else
			w->sync = true;
	}
	if (w->sync)
		return batch_flush(b->st, bt, e);
	pthread_mutex_lock(&w->mu);
	while (w->busy >= QUEUE_MAX && !w->failed)
		pthread_cond_wait(&w->done, &w->mu);
	if (w->failed) {
		if (e != NULL)
			*e = w->err;
		pthread_mutex_unlock(&w->mu);
		return -1;
	}
	struct job *job = w->spare;
	if (job != NULL)
		w->spare = job->next;
	pthread_mutex_unlock(&w->mu);
	if (job == NULL) {
		job = xcalloc(1, sizeof *job);
		job->cells = xcalloc(CELLS_MAX, sizeof *job->cells);
		job->arena = (struct strbuf)STRBUF_INIT;
	}
	struct cell *cells = job->cells;
	struct strbuf arena = job->arena;
	job->cells = bt->cells;
	job->arena = bt->arena;
	job->many = bt->many;
	job->ncols = bt->ncols;
	job->next = NULL;
	bt->cells = cells;
	bt->arena = arena;
	bt->nrows = 0;
	pthread_mutex_lock(&w->mu);
	if (w->tail != NULL)
		w->tail->next = job;
	else
		w->head = job;
	w->tail = job;
	w->busy++;
	pthread_cond_signal(&w->more);
	pthread_mutex_unlock(&w->mu);
	return 0;
}

/* The cells of a new row (all NULL), after handing over a full batch. */
static struct cell *batch_row(struct bulk *b, struct batch *bt, struct werr *e)
{
	if (bt->nrows == BATCH && batch_submit(b, bt, e) != 0)
		return NULL;
	struct cell *c = bt->cells + bt->nrows++ * bt->ncols;
	memset(c, 0, (size_t)bt->ncols * sizeof *c);
	return c;
}

static void cell_int(struct cell *c, int64_t v)
{
	c->type = CELL_INT;
	c->i = v;
}

/* An id of another row; 0 means none (NULL). */
static void cell_ref(struct cell *c, int64_t id)
{
	if (id > 0)
		cell_int(c, id);
}

static void cell_time(struct cell *c, int64_t t)
{
	if (t != TIME_NONE)
		cell_int(c, t);
}

static void cell_bytes(struct batch *bt, struct cell *c, enum cell_type type, const void *p,
		       size_t len)
{
	c->type = type;
	c->i = (int64_t)bt->arena.len;
	c->len = len;
	strbuf_add(&bt->arena, p, len);
}

static void cell_text(struct batch *bt, struct cell *c, const char *s)
{
	if (s != NULL)
		cell_bytes(bt, c, CELL_TEXT, s, strlen(s));
}

int bulk_begin(struct store *st, struct bulk **out, struct werr *e)
{
	*out = NULL;
	if (store_in_transaction(st))
		return werr_set(e, W_DB, _("bulk loading must start outside a transaction"));
	if (store_set_bulk_mode(st, true, e) != 0)
		return -1;
	if (exec(st, SQL_LOAD_PRAGMAS, e) != 0) {
		store_set_bulk_mode(st, false, NULL);
		return -1;
	}
	struct bulk *b = xcalloc(1, sizeof *b);
	b->st = st;
	pthread_mutex_init(&b->w.mu, NULL);
	pthread_cond_init(&b->w.more, NULL);
	pthread_cond_init(&b->w.done, NULL);
	batch_init(&b->sales, SQL_SALE_1, SQL_SALE_N, 14);
	batch_init(&b->ledger, SQL_LEDGER_1, SQL_LEDGER_N, 9);
	batch_init(&b->tiers, SQL_TIER_1, SQL_TIER_N, 5);
	batch_init(&b->customers, SQL_CUSTOMER_1, SQL_CUSTOMER_N, 23);
	batch_init(&b->words, SQL_WORD_1, SQL_WORD_N, 2);
	batch_init(&b->returns, SQL_RETURN_1, SQL_RETURN_N, 11);
	batch_init(&b->redemptions, SQL_REDEMPTION_1, SQL_REDEMPTION_N, 7);
	batch_init(&b->vouchers, SQL_VOUCHER_1, SQL_VOUCHER_N, 3);
	batch_init(&b->surveys, SQL_SURVEY_1, SQL_SURVEY_N, 8);
	batch_init(&b->follow_ups, SQL_FOLLOW_UP_1, SQL_FOLLOW_UP_N, 5);
	batch_init(&b->contacts, SQL_CONTACT_1, SQL_CONTACT_N, 5);
	b->warena = (struct strbuf)STRBUF_INIT;
	*out = b;
	return 0;
}

void bulk_stop(struct bulk *b)
{
	if (b != NULL)
		writer_stop(b, NULL);
}

void bulk_end(struct bulk *b)
{
	if (b == NULL)
		return;
	writer_stop(b, NULL);
	while (b->w.spare != NULL) {
		struct job *job = b->w.spare;
		b->w.spare = job->next;
		free(job->cells);
		strbuf_release(&job->arena);
		free(job);
	}
	pthread_mutex_destroy(&b->w.mu);
	pthread_cond_destroy(&b->w.more);
	pthread_cond_destroy(&b->w.done);
	sqlite3_exec(store_db(b->st), SQL_END_PRAGMAS, NULL, NULL, NULL);
	store_set_bulk_mode(b->st, false, NULL);
	struct batch *all[] = ALL_BATCHES(b);
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		strbuf_release(&all[i]->arena);
		free(all[i]->cells);
	}
	free(b->wv);
	strbuf_release(&b->warena);
	for (size_t i = 0; i < b->nix; i++) {
		free(b->ix[i].name);
		free(b->ix[i].sql);
	}
	free(b->ix);
	free(b);
}

int bulk_next_ids(struct bulk *b, struct bulk_ids *ids, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(b->st, SQL_NEXT_IDS, e);
	if (s == NULL)
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		ids->customer = sqlite3_column_int64(s, 0);
		ids->sale = sqlite3_column_int64(s, 1);
		ids->ret = sqlite3_column_int64(s, 2);
		ids->redemption = sqlite3_column_int64(s, 3);
		ids->survey = sqlite3_column_int64(s, 4);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(b->st, e);
}

/* DROP INDEX "name", the name quoted as an SQL identifier (it comes from
 * sqlite_master, not from a person, but is quoted all the same). */
static char *drop_sql(const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_adds(&sb, "DROP INDEX \"");
	for (const char *p = name; *p; p++) {
		if (*p == '"')
			strbuf_addc(&sb, '"');
		strbuf_addc(&sb, *p);
	}
	strbuf_addc(&sb, '"');
	return strbuf_detach(&sb);
}

int bulk_drop_indexes(struct bulk *b, struct werr *e)
{
	size_t cap = 0;
	sqlite3_stmt *s = store_stmt(b->st, SQL_INDEXES, e);
	if (s == NULL)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		b->ix = xgrow(b->ix, &cap, b->nix + 1, sizeof *b->ix);
		b->ix[b->nix].name = col_text(s, 0);
		b->ix[b->nix].sql = col_text(s, 1);
		b->nix++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(b->st, e);
	for (size_t i = 0; i < b->nix; i++) {
		char *sql = drop_sql(b->ix[i].name);
		int r = exec(b->st, sql, e);
		free(sql);
		if (r != 0)
			return -1;
	}
	return 0;
}

/* SQLite's BINARY order of the words, then the customer. */
static const char *sort_arena;
static int cmp_word(const void *x, const void *y)
{
	const struct word_ref *a = x, *b = y;
	int c = memcmp(sort_arena + a->off, sort_arena + b->off, a->len < b->len ? a->len : b->len);
	if (c != 0)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->customer_id < b->customer_id ? -1 : a->customer_id > b->customer_id;
}

static int words_write(struct bulk *b, struct werr *e)
{
	const char *arena = strbuf_str(&b->warena);
	sort_arena = arena;
	qsort(b->wv, b->nw, sizeof *b->wv, cmp_word);
	sort_arena = NULL;
	for (size_t i = 0; i < b->nw; i++) {
		struct cell *w = batch_row(b, &b->words, e);
		if (w == NULL)
			return -1;
		cell_bytes(&b->words, &w[0], CELL_TEXT, arena + b->wv[i].off, b->wv[i].len);
		cell_int(&w[1], b->wv[i].customer_id);
	}
	b->nw = 0;
	strbuf_reset(&b->warena);
	return batch_flush(b->st, &b->words, e);
}

int bulk_create_indexes(struct bulk *b, struct werr *e)
{
	if (writer_stop(b, e) != 0)
		return -1;
	b->w.sync = true;
	struct batch *all[] = ALL_BATCHES(b);
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (all[i] != &b->words && batch_flush(b->st, all[i], e) != 0)
			return -1;
	if (words_write(b, e) != 0)
		return -1;
	if (b->nix > 0 && exec(b->st, SQL_INDEX_PRAGMAS, e) != 0)
		return -1;
	for (size_t i = 0; i < b->nix; i++)
		if (exec(b->st, b->ix[i].sql, e) != 0)
			return -1;
	return 0;
}

int bulk_sale(struct bulk *b, const struct sale *sa, struct werr *e)
{
	struct cell *c = batch_row(b, &b->sales, e);
	if (c == NULL)
		return -1;
	cell_int(&c[0], sa->id);
	cell_int(&c[1], sa->customer_id);
	cell_int(&c[2], sa->at);
	cell_int(&c[3], sa->amount);
	cell_int(&c[4], sa->points_paid);
	cell_int(&c[5], sa->discount);
	cell_int(&c[6], sa->paid);
	cell_int(&c[7], sa->earned);
	cell_int(&c[8], sa->multiplier);
	cell_text(&b->sales, &c[9], sa->tier);
	cell_int(&c[10], sa->first_sale);
	cell_text(&b->sales, &c[11], sa->note);
	cell_ref(&c[12], sa->staff_id);
	cell_int(&c[13], sa->cum_paid);
	return 0;
}

int bulk_ledger(struct bulk *b, const struct ledger_entry *le, struct werr *e)
{
	struct cell *c = batch_row(b, &b->ledger, e);
	if (c == NULL)
		return -1;
	cell_int(&c[0], le->customer_id);
	cell_int(&c[1], le->at);
	cell_text(&b->ledger, &c[2], ledger_kind_name(le->kind));
	cell_int(&c[3], le->points);
	cell_ref(&c[4], le->sale_id);
	cell_ref(&c[5], le->return_id);
	cell_ref(&c[6], le->redemption_id);
	cell_text(&b->ledger, &c[7], le->reason);
	cell_ref(&c[8], le->staff_id);
	return 0;
}

int bulk_tier_history(struct bulk *b, int64_t customer_id, int64_t at, const char *from,
		      const char *to, const char *cause, struct werr *e)
{
	struct cell *c = batch_row(b, &b->tiers, e);
	if (c == NULL)
		return -1;
	cell_int(&c[0], customer_id);
	cell_int(&c[1], at);
	cell_text(&b->tiers, &c[2], from);
	cell_text(&b->tiers, &c[3], to);
	cell_text(&b->tiers, &c[4], cause);
	return 0;
}

int bulk_customer(struct bulk *b, const struct customer *cu, const struct name_keys *k,
		  struct werr *e)
{
	struct batch *bt = &b->customers;
	struct cell *c = batch_row(b, bt, e);
	if (c == NULL)
		return -1;
	cell_int(&c[0], cu->id);
	cell_text(bt, &c[1], cu->name);
	cell_text(bt, &c[2], k->search_key);
	if (k->sort_key != NULL)
		cell_bytes(bt, &c[3], CELL_BLOB, k->sort_key, k->sort_len);
	cell_text(bt, &c[4], cu->phone);
	cell_text(bt, &c[5], cu->card);
	cell_text(bt, &c[6], cu->external_id);
	cell_text(bt, &c[7], cu->birthday);
	cell_text(bt, &c[8], cu->email);
	cell_ref(&c[9], cu->referrer_id);
	cell_int(&c[10], cu->consent);
	cell_text(bt, &c[11], cu->note);
	cell_int(&c[12], cu->enrolled_at);
	cell_int(&c[13], cu->active);
	cell_int(&c[14], cu->balance);
	cell_int(&c[15], cu->sales_count);
	cell_int(&c[16], cu->spend);
	cell_time(&c[17], cu->first_sale_at);
	cell_time(&c[18], cu->last_sale_at);
	cell_text(bt, &c[19], cu->tier);
	cell_time(&c[20], cu->watermark);
	cell_time(&c[21], cu->next_expiry);
	cell_time(&c[22], cu->negative_since);
	for (size_t i = 0; i < k->nwords; i++) {
		b->wv = xgrow(b->wv, &b->capw, b->nw + 1, sizeof *b->wv);
		size_t len = strlen(k->words[i]);
		b->wv[b->nw++] = (struct word_ref){b->warena.len, len, cu->id};
		strbuf_add(&b->warena, k->words[i], len);
	}
	return 0;
}

int bulk_return(struct bulk *b, const struct sale_return *r, struct werr *e)
{
	struct cell *c = batch_row(b, &b->returns, e);
	if (c == NULL)
		return -1;
	cell_int(&c[0], r->id);
	cell_int(&c[1], r->sale_id);
	cell_int(&c[2], r->customer_id);
	cell_int(&c[3], r->at);
	cell_int(&c[4], r->amount);
	cell_int(&c[5], r->refunded);
	cell_int(&c[6], r->points_reversed);
	cell_int(&c[7], r->points_restored);
	cell_text(&b->returns, &c[8], r->note);
	cell_ref(&c[9], r->staff_id);
	cell_int(&c[10], r->sale_at);
	return 0;
}

int bulk_redemption(struct bulk *b, const struct redemption *d, const char *voucher,
		    struct werr *e)
{
	struct cell *c = batch_row(b, &b->redemptions, e);
	if (c == NULL)
		return -1;
	cell_int(&c[0], d->id);
	cell_int(&c[1], d->customer_id);
	cell_int(&c[2], d->reward_id);
	cell_int(&c[3], d->at);
	cell_int(&c[4], d->points);
	cell_int(&c[5], d->copay);
	cell_ref(&c[6], d->staff_id);
	c = batch_row(b, &b->vouchers, e);
	if (c == NULL)
		return -1;
	cell_text(&b->vouchers, &c[0], voucher);
	cell_int(&c[1], d->id);
	cell_int(&c[2], d->at);
	return 0;
}

int bulk_survey(struct bulk *b, const struct survey *sv, struct werr *e)
{
	struct cell *c = batch_row(b, &b->surveys, e);
	if (c == NULL)
		return -1;
	cell_int(&c[0], sv->id);
	cell_int(&c[1], sv->customer_id);
	cell_int(&c[2], sv->at);
	cell_int(&c[3], sv->score);
	if (sv->csat > 0)
		cell_int(&c[4], sv->csat);
	cell_text(&b->surveys, &c[5], sv->reason);
	cell_text(&b->surveys, &c[6], sv->comment);
	cell_ref(&c[7], sv->staff_id);
	return 0;
}

int bulk_follow_up(struct bulk *b, int64_t survey_id, int64_t customer_id, int64_t opened_at,
		   int64_t closed_at, const char *note, struct werr *e)
{
	struct cell *c = batch_row(b, &b->follow_ups, e);
	if (c == NULL)
		return -1;
	cell_int(&c[0], survey_id);
	cell_int(&c[1], customer_id);
	cell_int(&c[2], opened_at);
	cell_time(&c[3], closed_at);
	cell_text(&b->follow_ups, &c[4], note);
	return 0;
}

int bulk_contact(struct bulk *b, int64_t customer_id, int64_t at, const char *outcome,
		 const char *note, struct werr *e)
{
	struct cell *c = batch_row(b, &b->contacts, e);
	if (c == NULL)
		return -1;
	cell_int(&c[0], customer_id);
	cell_int(&c[1], at);
	cell_text(&b->contacts, &c[2], outcome);
	cell_text(&b->contacts, &c[3], note);
	return 0;
}
