/* survey.h -- NPS answers, calls without an answer, follow-ups
 * (DESIGN.md section 7). */
#ifndef WAFA_ENGINE_SURVEY_H
#define WAFA_ENGINE_SURVEY_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/rules.h"
#include "store/store.h"

/* The reason codes of an answer, and their labels (N_()). */
struct survey_reason {
	const char *code;
	const char *label;
};
extern const struct survey_reason survey_reasons[];
extern const size_t survey_nreasons;

struct survey_input {
	int64_t customer_id;
	int score;           /* 0-10 */
	int csat;            /* 1-5, or 0 */
	const char *reason;  /* a code of survey_reasons, or NULL */
	const char *comment; /* or NULL */
	int64_t at;          /* TIME_NONE: now */
	int64_t staff_id;
};

struct survey_result {
	int64_t survey_id;
	enum nps_category category;
	bool follow_up; /* a detractor follow-up was opened */
};

/* Records an answer; a detractor answer opens a follow-up.  Surveys are
 * not ordered (rule 6) but may not be dated in the future. */
int engine_survey_add(struct store *st, const struct survey_input *in, struct survey_result *out,
		      struct werr *e);
/* Records a call that ended without an answer: "no_answer", "call_back"
 * or "refused". */
int engine_contact(struct store *st, int64_t customer_id, const char *outcome, const char *note,
		   int64_t staff_id, struct werr *e);
/* Closes an open follow-up with a note (required). */
int engine_follow_up_close(struct store *st, int64_t follow_up_id, const char *note,
			   struct werr *e);
/* "promoter", "passive", "detractor" (static, not translated). */
const char *nps_category_name(enum nps_category c);

#endif
