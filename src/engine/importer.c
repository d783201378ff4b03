/* importer.c -- CSV import through the engine rules. */
#include <config.h>

#include "engine/importer.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "engine/customer.h"
#include "engine/sale.h"
#include "engine/shop.h"
#include "text/i18n.h"
#include "text/money.h"
#include "text/tz.h"
#include "text/utf8.h"
#include "text/xalloc.h"

void import_result_free(struct import_result *r)
{
	for (size_t i = 0; i < r->nrejected; i++)
		free(r->rejected[i].message);
	free(r->rejected);
	memset(r, 0, sizeof *r);
}

static void reject(struct import_result *r, size_t line, const char *msg)
{
	r->rejected = xgrow(r->rejected, &r->cap, r->nrejected + 1, sizeof *r->rejected);
	r->rejected[r->nrejected].line = line;
	r->rejected[r->nrejected].message = xstrdup(msg);
	r->nrejected++;
}

/* The column of each wanted name in the header, or -1. */
static void find_columns(char **fields, size_t n, const char *const *names, int *cols,
			 size_t ncols)
{
	for (size_t k = 0; k < ncols; k++) {
		cols[k] = -1;
		for (size_t i = 0; i < n; i++) {
			char *t = utf8_trim(fields[i]);
			bool same = strcasecmp(t, names[k]) == 0;
			free(t);
			if (same) {
				cols[k] = (int)i;
				break;
			}
		}
	}
}

/* The field of a column, or NULL when the column is absent or the row is
 * short. */
static const char *field(char **fields, size_t n, int col)
{
	return col >= 0 && (size_t)col < n ? fields[col] : NULL;
}

/* An optional field: NULL when absent or blank. */
static const char *optional(char **fields, size_t n, int col)
{
	const char *f = field(fields, n, col);
	return f != NULL && !utf8_is_blank(f) ? f : NULL;
}

static int open_file(struct store *st, const char *path, enum csv_encoding enc,
		     struct csv_in **in, struct shop *shop, struct werr *e)
{
	if (shop_load(st, shop, e) != 0)
		return -1;
	bool persian = strcmp(shop_collation_lang(shop), "fa") == 0;
	if (csv_in_open(path, enc, persian, in, e) != 0) {
		shop_free(shop);
		return -1;
	}
	return 0;
}

/* Reads the header; refuses a file without one or without a required
 * column. */
static int read_header(struct csv_in *in, const char *const *names, int *cols, size_t ncols,
		       size_t nrequired, const char *path, struct werr *e)
{
	char **fields;
	size_t n, line;
	struct werr re = {0};
	int got = csv_in_next(in, &fields, &n, &line, &re);
	if (got < 0)
		return werr_set(e, re.status, "%s: %s", path, re.msg);
	if (got == 0)
		return werr_set(e, W_REFUSED, _("%s is empty"), path);
	find_columns(fields, n, names, cols, ncols);
	for (size_t k = 0; k < nrequired; k++)
		if (cols[k] < 0)
			return werr_set(e, W_REFUSED, _("%s: the header has no column \"%s\""), path,
					names[k]);
	return 0;
}

/* Ends the import: commit only when every row went in and this is not a
 * dry run. */
static int conclude(struct store *st, bool dry_run, struct import_result *r, struct werr *e)
{
	if (dry_run || r->nrejected > 0) {
		store_rollback(st);
		r->imported = 0;
		return 0;
	}
	if (store_commit(st, e) != 0)
		return -1;
	r->imported = r->accepted;
	return 0;
}

enum { CC_NAME, CC_EXTERNAL, CC_PHONE, CC_EMAIL, CC_BIRTHDAY, CC_ENROLLED, CC_NOTE, CC_CONSENT,
       CC__COUNT };
static const char *const customer_columns[CC__COUNT] = {
	"name", "external_id", "phone", "email", "birthday", "enrolled_at", "note", "consent",
};

int engine_import_customers(struct store *st, const char *path, enum csv_encoding enc,
			    bool dry_run, import_progress progress, void *ctx,
			    struct import_result *r, struct werr *e)
{
	struct csv_in *in = NULL;
	struct shop shop;
	int cols[CC__COUNT];
	memset(r, 0, sizeof *r);
	if (open_file(st, path, enc, &in, &shop, e) != 0)
		return -1;
	r->encoding = csv_in_encoding(in);
	int status = -1;
	if (read_header(in, customer_columns, cols, CC__COUNT, 1, path, e) != 0)
		goto out;
	if (store_begin(st, e) != 0)
		goto out;
	for (;;) {
		char **f;
		size_t n, line;
		struct werr re = {0};
		int got = csv_in_next(in, &f, &n, &line, &re);
		if (got == 0)
			break;
		if (got < 0) {
			/* A broken quote spoils the rest of the file. */
			reject(r, line, re.msg);
			r->rows++;
			break;
		}
		r->rows++;
		struct customer_input ci = CUSTOMER_INPUT_INIT;
		ci.name = field(f, n, cols[CC_NAME]);
		ci.external_id = optional(f, n, cols[CC_EXTERNAL]);
		ci.phone = optional(f, n, cols[CC_PHONE]);
		ci.email = optional(f, n, cols[CC_EMAIL]);
		ci.birthday = optional(f, n, cols[CC_BIRTHDAY]);
		ci.note = optional(f, n, cols[CC_NOTE]);
		const char *consent = optional(f, n, cols[CC_CONSENT]);
		const char *enrolled = optional(f, n, cols[CC_ENROLLED]);
		if (consent != NULL) {
			char *c = utf8_trim(consent);
			ci.consent = strcasecmp(c, "yes") == 0 || strcmp(c, "1") == 0 ? 1
				     : strcasecmp(c, "no") == 0 || strcmp(c, "0") == 0 ? 0
											: -2;
			free(c);
			if (ci.consent == -2) {
				reject(r, line, _("consent: yes or no"));
				continue;
			}
		}
		if (enrolled != NULL) {
			enum time_error te = time_parse_local(enrolled, shop.p.timezone, &ci.at);
			if (te != TIME_OK) {
				char *msg = xasprintf("enrolled_at: %s", time_strerror(te));
				reject(r, line, msg);
				free(msg);
				continue;
			}
		}
		struct customer c;
		if (engine_customer_add(st, &ci, &c, NULL, &re) != 0) {
			if (re.status == W_DB) {
				*e = re;
				store_rollback(st);
				goto out;
			}
			reject(r, line, re.msg);
			continue;
		}
		customer_clear(&c);
		r->accepted++;
		if (progress != NULL && r->rows % 1000 == 0)
			progress(ctx, r->rows, 0);
	}
	if (conclude(st, dry_run, r, e) != 0)
		goto out;
	status = 0;
out:
	csv_in_close(in);
	shop_free(&shop);
	return status;
}

/* A purchase row, parsed, waiting for its turn. */
struct pending {
	size_t line;
	int64_t customer_id;
	int64_t at;
	int64_t amount;
	int64_t redeem_points;
	char *note;
};

static int by_time(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

static int by_line(const void *a, const void *b)
{
	const struct import_error *x = a, *y = b;
	return x->line < y->line ? -1 : x->line > y->line;
}

enum { PC_CUSTOMER, PC_AT, PC_AMOUNT, PC_POINTS, PC_NOTE, PC__COUNT };
static const char *const purchase_columns[PC__COUNT] = {
	"customer", "at", "amount", "redeem_points", "note",
};

int engine_import_purchases(struct store *st, const char *path, enum csv_encoding enc,
			    bool dry_run, import_progress progress, void *ctx,
			    struct import_result *r, struct werr *e)
{
	struct csv_in *in = NULL;
	struct shop shop;
	int cols[PC__COUNT];
	struct pending *rows = NULL;
	size_t nrows = 0, cap = 0;
	memset(r, 0, sizeof *r);
	if (open_file(st, path, enc, &in, &shop, e) != 0)
		return -1;
	r->encoding = csv_in_encoding(in);
	int status = -1;
	if (read_header(in, purchase_columns, cols, PC__COUNT, 3, path, e) != 0)
		goto out;
	/* First read and check every row, then apply them in time order. */
	for (;;) {
		char **f;
		size_t n, line;
		struct werr re = {0};
		int got = csv_in_next(in, &f, &n, &line, &re);
		if (got == 0)
			break;
		r->rows++;
		if (got < 0) {
			reject(r, line, re.msg);
			break;
		}
		struct pending p = {.line = line};
		const char *ref = field(f, n, cols[PC_CUSTOMER]);
		const char *at = field(f, n, cols[PC_AT]);
		const char *amount = field(f, n, cols[PC_AMOUNT]);
		const char *points = optional(f, n, cols[PC_POINTS]);
		const char *note = optional(f, n, cols[PC_NOTE]);
		if (ref == NULL || customer_resolve(st, &shop, ref, &p.customer_id, &re) != 0) {
			if (re.status == W_DB) {
				*e = re;
				goto out;
			}
			char *msg = xasprintf("customer: %s", re.msg[0] ? re.msg : _("missing"));
			reject(r, line, msg);
			free(msg);
			continue;
		}
		enum time_error te = at != NULL ? time_parse_local(at, shop.p.timezone, &p.at)
						: TIME_SYNTAX;
		if (te != TIME_OK) {
			char *msg = xasprintf("at: %s", time_strerror(te));
			reject(r, line, msg);
			free(msg);
			continue;
		}
		enum money_error me = money_parse(amount != NULL ? amount : "", shop.p.decimals,
						  &p.amount);
		if (me != MONEY_OK) {
			char *msg = xasprintf("amount: %s", money_strerror(me));
			reject(r, line, msg);
			free(msg);
			continue;
		}
		if (points != NULL) {
			char *t = utf8_trim(points);
			size_t len = strlen(t);
			bool ok = len > 0 && len < 13 && strspn(t, "0123456789") == len;
			if (ok)
				p.redeem_points = strtoll(t, NULL, 10);
			free(t);
			if (!ok) {
				reject(r, line, _("redeem_points: give a whole number of points"));
				continue;
			}
		}
		p.note = note != NULL ? xstrdup(note) : NULL;
		rows = xgrow(rows, &cap, nrows + 1, sizeof *rows);
		rows[nrows++] = p;
	}
	if (nrows > 1)
		qsort(rows, nrows, sizeof *rows, by_time);
	if (store_begin(st, e) != 0)
		goto out;
	for (size_t i = 0; i < nrows; i++) {
		struct werr re = {0};
		struct purchase_request rq = {.customer_id = rows[i].customer_id,
					      .amount = rows[i].amount,
					      .redeem_points = rows[i].redeem_points,
					      .at = rows[i].at, .note = rows[i].note};
		struct purchase_result res;
		if (engine_purchase(st, &rq, &res, &re) != 0) {
			if (re.status == W_DB) {
				*e = re;
				store_rollback(st);
				goto out;
			}
			reject(r, rows[i].line, re.msg);
		} else {
			r->accepted++;
		}
		if (progress != NULL && (i % 1000 == 999 || i + 1 == nrows))
			progress(ctx, i + 1, nrows);
	}
	/* Rejections are reported in line order. */
	if (r->nrejected > 1)
		qsort(r->rejected, r->nrejected, sizeof *r->rejected, by_line);
	if (conclude(st, dry_run, r, e) != 0)
		goto out;
	status = 0;
out:
	for (size_t i = 0; i < nrows; i++)
		free(rows[i].note);
	free(rows);
	csv_in_close(in);
	shop_free(&shop);
	return status;
}
