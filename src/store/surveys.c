/* surveys.c -- NPS answers, follow-ups, calls. */
#include <config.h>

#include "store/surveys.h"

#include <stdlib.h>
#include <string.h>

#include "store/private.h"
#include "text/xalloc.h"

#define DAY 86400

static const char SQL_INSERT[] =
	"INSERT INTO surveys (customer_id, at, score, csat, reason, comment, staff_id) "
	"VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char SQL_OF_CUSTOMER[] =
	"SELECT id, customer_id, at, score, csat, reason, comment, staff_id FROM surveys "
	"WHERE customer_id = ? ORDER BY at DESC, id DESC LIMIT ?";
static const char SQL_FOLLOW_OPEN[] =
	"INSERT INTO follow_ups (survey_id, customer_id, opened_at) VALUES (?, ?, ?)";
static const char SQL_FOLLOW_CLOSE[] =
	"UPDATE follow_ups SET closed_at = ?, note = ? WHERE id = ? AND closed_at IS NULL";
static const char SQL_FOLLOW_LIST[] =
	"SELECT f.id, f.survey_id, f.customer_id, f.opened_at, v.score, c.name, c.phone, "
	"v.comment FROM follow_ups f JOIN surveys v ON v.id = f.survey_id "
	"JOIN customers c ON c.id = f.customer_id WHERE f.closed_at IS NULL "
	"ORDER BY f.opened_at, f.id LIMIT ?";
static const char SQL_FOLLOW_COUNT[] =
	"SELECT count(*), MIN(opened_at) FROM follow_ups WHERE closed_at IS NULL";
static const char SQL_CONTACT[] =
	"INSERT INTO contact_log (customer_id, at, outcome, note, staff_id) VALUES (?, ?, ?, ?, ?)";

/* ?1 = now - 14 days, ?2 = now - 2 days, ?3 = now - 90 days, ?4 = start of
 * "today" (now - 1 day), ?5 = limit. */
#define CALL_LIST_FROM                                                                     \
	"FROM sales s JOIN customers c ON c.id = s.customer_id "                           \
	"WHERE s.at >= ?1 AND s.at <= ?2 AND c.consent = 1 AND c.active = 1 "              \
	"AND NOT EXISTS (SELECT 1 FROM surveys v WHERE v.customer_id = c.id AND v.at > ?3) " \
	"AND NOT EXISTS (SELECT 1 FROM contact_log k WHERE k.customer_id = c.id "            \
	"AND k.outcome = 'refused' AND k.at > ?3) "
static const char SQL_CALL_LIST[] =
	"SELECT c.id, c.name, c.phone, MAX(s.at), "
	"(SELECT MAX(k.at) FROM contact_log k WHERE k.customer_id = c.id AND k.at > ?4) AS called, "
	"c.tier " CALL_LIST_FROM "GROUP BY c.id ORDER BY called IS NOT NULL, MAX(s.at), c.id LIMIT ?5";
static const char SQL_CALL_COUNT[] =
	"SELECT count(DISTINCT c.id) " CALL_LIST_FROM;

void surveys_free(struct survey *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].reason);
		free(v[i].comment);
	}
	free(v);
}

void follow_ups_free(struct follow_up *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].phone);
		free(v[i].comment);
	}
	free(v);
}

void call_items_free(struct call_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].phone);
		free(v[i].tier);
	}
	free(v);
}

int survey_insert(struct store *st, struct survey *sv, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_INSERT, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, sv->customer_id);
	bind_i64(s, 2, sv->at);
	bind_i64(s, 3, sv->score);
	if (sv->csat > 0)
		bind_i64(s, 4, sv->csat);
	bind_text(s, 5, sv->reason);
	bind_text(s, 6, sv->comment);
	if (sv->staff_id > 0)
		bind_i64(s, 7, sv->staff_id);
	if (store_step_done(st, s, e) != 0)
		return -1;
	sv->id = sqlite3_last_insert_rowid(store_db(st));
	return 0;
}

int surveys_of_customer(struct store *st, int64_t customer_id, size_t limit, struct survey **v,
			size_t *n, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_OF_CUSTOMER, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, customer_id);
	bind_i64(s, 2, (int64_t)limit);
	struct survey *out = xcalloc(limit ? limit : 1, sizeof *out);
	size_t len = 0;
	int rc = SQLITE_DONE;
	while (len < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct survey *sv = &out[len++];
		sv->id = sqlite3_column_int64(s, 0);
		sv->customer_id = sqlite3_column_int64(s, 1);
		sv->at = sqlite3_column_int64(s, 2);
		sv->score = sqlite3_column_int(s, 3);
		sv->csat = sqlite3_column_int(s, 4);
		sv->reason = col_text(s, 5);
		sv->comment = col_text(s, 6);
		sv->staff_id = sqlite3_column_int64(s, 7);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		surveys_free(out, len);
		return store_fail(st, e);
	}
	*v = out;
	*n = len;
	return 0;
}

int follow_up_open(struct store *st, int64_t survey_id, int64_t customer_id, int64_t at,
		   struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_FOLLOW_OPEN, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, survey_id);
	bind_i64(s, 2, customer_id);
	bind_i64(s, 3, at);
	return store_step_done(st, s, e);
}

int follow_up_close(struct store *st, int64_t id, int64_t at, const char *note, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_FOLLOW_CLOSE, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, at);
	bind_text(s, 2, note);
	bind_i64(s, 3, id);
	if (store_step_done(st, s, e) != 0)
		return -1;
	return sqlite3_changes(store_db(st)) > 0;
}

int follow_ups_open_list(struct store *st, size_t limit, struct follow_up **v, size_t *n,
			 struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_FOLLOW_LIST, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, (int64_t)limit);
	struct follow_up *out = xcalloc(limit ? limit : 1, sizeof *out);
	size_t len = 0;
	int rc = SQLITE_DONE;
	while (len < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct follow_up *f = &out[len++];
		f->id = sqlite3_column_int64(s, 0);
		f->survey_id = sqlite3_column_int64(s, 1);
		f->customer_id = sqlite3_column_int64(s, 2);
		f->opened_at = sqlite3_column_int64(s, 3);
		f->score = sqlite3_column_int(s, 4);
		f->name = col_text(s, 5);
		f->phone = col_text(s, 6);
		f->comment = col_text(s, 7);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		follow_ups_free(out, len);
		return store_fail(st, e);
	}
	*v = out;
	*n = len;
	return 0;
}

int follow_ups_open_count(struct store *st, int64_t *n, int64_t *oldest, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_FOLLOW_COUNT, e);
	if (s == NULL)
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int64(s, 0);
		*oldest = col_time(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, e);
}

int contact_insert(struct store *st, int64_t customer_id, int64_t at, const char *outcome,
		   const char *note, int64_t staff_id, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_CONTACT, e);
	if (s == NULL)
		return -1;
	bind_i64(s, 1, customer_id);
	bind_i64(s, 2, at);
	bind_text(s, 3, outcome);
	bind_text(s, 4, note);
	if (staff_id > 0)
		bind_i64(s, 5, staff_id);
	return store_step_done(st, s, e);
}

static void bind_call_window(sqlite3_stmt *s, int64_t now)
{
	bind_i64(s, 1, now - 14 * DAY);
	bind_i64(s, 2, now - 2 * DAY);
	bind_i64(s, 3, now - 90 * DAY);
}

int call_list(struct store *st, int64_t now, size_t limit, struct call_item **v, size_t *n,
	      struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_CALL_LIST, e);
	if (s == NULL)
		return -1;
	bind_call_window(s, now);
	bind_i64(s, 4, now - DAY);
	bind_i64(s, 5, (int64_t)limit);
	struct call_item *out = xcalloc(limit ? limit : 1, sizeof *out);
	size_t len = 0;
	int rc = SQLITE_DONE;
	while (len < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct call_item *c = &out[len++];
		c->customer_id = sqlite3_column_int64(s, 0);
		c->name = col_text(s, 1);
		c->phone = col_text(s, 2);
		c->sale_at = sqlite3_column_int64(s, 3);
		c->contacted_at = col_time(s, 4);
		c->tier = col_text(s, 5);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		call_items_free(out, len);
		return store_fail(st, e);
	}
	*v = out;
	*n = len;
	return 0;
}

int call_list_count(struct store *st, int64_t now, int64_t *n, struct werr *e)
{
	sqlite3_stmt *s = store_stmt(st, SQL_CALL_COUNT, e);
	if (s == NULL)
		return -1;
	bind_call_window(s, now);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : store_fail(st, e);
}
