/* surveys.h -- NPS answers, detractor follow-ups, the call list and the
 * contact log (DESIGN.md section 7). */
#ifndef WAFA_STORE_SURVEYS_H
#define WAFA_STORE_SURVEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct survey {
	int64_t id;
	int64_t customer_id;
	int64_t at;
	int score;      /* 0-10 */
	int csat;       /* 1-5, or 0 when not asked */
	char *reason;   /* price, quality, service, range, location, other; or NULL */
	char *comment;  /* or NULL */
	int64_t staff_id;
};
void surveys_free(struct survey *v, size_t n);

/* Inserts an answer; fills s->id. */
int survey_insert(struct store *st, struct survey *s, struct werr *e);
/* The customer's answers, newest first (at most limit), in a new array. */
int surveys_of_customer(struct store *st, int64_t customer_id, size_t limit, struct survey **v,
			size_t *n, struct werr *e);

/* Opens the follow-up of a detractor answer. */
int follow_up_open(struct store *st, int64_t survey_id, int64_t customer_id, int64_t at,
		   struct werr *e);
/* Closes an open follow-up with a note: 1 closed, 0 no such open follow-up. */
int follow_up_close(struct store *st, int64_t id, int64_t at, const char *note, struct werr *e);

struct follow_up {
	int64_t id;
	int64_t survey_id;
	int64_t customer_id;
	int64_t opened_at;
	int score;
	char *name;
	char *phone;
	char *comment;
};
void follow_ups_free(struct follow_up *v, size_t n);
/* Open follow-ups, oldest first (at most limit), in a new array. */
int follow_ups_open_list(struct store *st, size_t limit, struct follow_up **v, size_t *n,
			 struct werr *e);
int follow_ups_open_count(struct store *st, int64_t *n, int64_t *oldest, struct werr *e);

/* Records a call that ended without an answer: outcome is "no_answer",
 * "call_back" or "refused". */
int contact_insert(struct store *st, int64_t customer_id, int64_t at, const char *outcome,
		   const char *note, int64_t staff_id, struct werr *e);

struct call_item {
	int64_t customer_id;
	char *name;
	char *phone;
	int64_t sale_at;      /* the latest sale 2-14 days ago */
	int64_t contacted_at; /* latest unanswered call, or TIME_NONE */
	char *tier;           /* the customer's tier (last recorded), or NULL */
};
void call_items_free(struct call_item *v, size_t n);
/* The call list at instant now: customers who consented, active, with a
 * sale 2-14 days ago and no survey in the last 90 days, and who did not
 * refuse a call in the last 90 days; oldest sale first, customers already
 * called today without an answer last.  At most limit rows. */
int call_list(struct store *st, int64_t now, size_t limit, struct call_item **v, size_t *n,
	      struct werr *e);
int call_list_count(struct store *st, int64_t now, int64_t *n, struct werr *e);

#endif
