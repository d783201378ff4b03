/* survey.c -- NPS answers, calls, follow-ups. */
#include <config.h>

#include "engine/survey.h"

#include <stdlib.h>
#include <string.h>

#include "engine/shop.h"
#include "store/customers.h"
#include "store/surveys.h"
#include "text/i18n.h"
#include "text/uilocale.h"
#include "text/utf8.h"

#define COMMENT_MAX_CHARS 1000

const struct survey_reason survey_reasons[] = {
	{"price", N_("price")},       {"quality", N_("quality")},
	{"service", N_("service")},   {"range", N_("range")},
	{"location", N_("location/hours")}, {"other", N_("other")},
};
const size_t survey_nreasons = sizeof survey_reasons / sizeof survey_reasons[0];

const char *nps_category_name(enum nps_category c)
{
	switch (c) {
	case NPS_PROMOTER:
		return "promoter";
	case NPS_PASSIVE:
		return "passive";
	default:
		return "detractor";
	}
}

static int check_text(const char *text, const char *label, struct werr *e)
{
	if (text == NULL)
		return 0;
	char most[MSG_NUM_SIZE];
	if (!utf8_valid(text) || utf8_has_controls(text) || utf8_length(text) > COMMENT_MAX_CHARS)
		return werr_set(e, W_REFUSED,
				P_("%s: at most %s letter, without control characters",
				   "%s: at most %s letters, without control characters",
				   COMMENT_MAX_CHARS),
				label, msg_int(most, COMMENT_MAX_CHARS));
	return 0;
}

static int customer_exists(struct store *st, int64_t id, struct werr *e)
{
	struct customer c = {0};
	int found = customer_get(st, id, &c, e);
	customer_clear(&c);
	char num[MSG_NUM_SIZE];
	if (found == 0)
		return werr_set(e, W_REFUSED, _("unknown customer %s"), msg_id(num, id));
	return found < 0 ? -1 : 0;
}

int engine_survey_add(struct store *st, const struct survey_input *in, struct survey_result *out,
		      struct werr *e)
{
	memset(out, 0, sizeof *out);
	if (in->score < 0 || in->score > 10)
		return werr_set(e, W_REFUSED, _("--score: from 0 to 10"));
	if (in->csat != 0 && (in->csat < 1 || in->csat > 5))
		return werr_set(e, W_REFUSED, _("--csat: from 1 to 5"));
	const char *reason = NULL;
	if (in->reason != NULL && *in->reason != '\0') {
		for (size_t i = 0; i < survey_nreasons; i++)
			if (strcmp(survey_reasons[i].code, in->reason) == 0)
				reason = survey_reasons[i].code;
		if (reason == NULL)
			return werr_set(e, W_REFUSED,
					_("--reason: one of price, quality, service, range, "
					  "location, other"));
	}
	if (check_text(in->comment, "--comment", e) != 0)
		return -1;
	struct op op;
	int64_t t;
	char *comment = NULL;
	if (op_begin(&op, st, e) != 0)
		return -1;
	if (customer_exists(st, in->customer_id, e) != 0 || op_instant(&op, in->at, &t, e) != 0)
		goto fail;
	comment = in->comment != NULL ? utf8_trim(in->comment) : NULL;
	if (comment != NULL && *comment == '\0') {
		free(comment);
		comment = NULL;
	}
	struct survey sv = {.customer_id = in->customer_id, .at = t, .score = in->score,
			    .csat = in->csat, .reason = (char *)reason, .comment = comment,
			    .staff_id = in->staff_id};
	if (survey_insert(st, &sv, e) != 0)
		goto fail;
	out->survey_id = sv.id;
	out->category = rule_nps_category(in->score);
	if (out->category == NPS_DETRACTOR) {
		if (follow_up_open(st, sv.id, in->customer_id, t, e) != 0)
			goto fail;
		out->follow_up = true;
	}
	free(comment);
	return op_commit(&op, e);
fail:
	free(comment);
	op_abort(&op);
	return -1;
}

int engine_contact(struct store *st, int64_t customer_id, const char *outcome, const char *note,
		   int64_t staff_id, struct werr *e)
{
	if (outcome == NULL || (strcmp(outcome, "no_answer") != 0 &&
				strcmp(outcome, "call_back") != 0 && strcmp(outcome, "refused") != 0))
		return werr_set(e, W_REFUSED, _("outcome: one of no_answer, call_back, refused"));
	if (check_text(note, _("note"), e) != 0)
		return -1;
	struct op op;
	if (op_begin(&op, st, e) != 0)
		return -1;
	if (customer_exists(st, customer_id, e) != 0 ||
	    contact_insert(st, customer_id, op.now, outcome, note, staff_id, e) != 0) {
		op_abort(&op);
		return -1;
	}
	return op_commit(&op, e);
}

int engine_follow_up_close(struct store *st, int64_t follow_up_id, const char *note,
			   struct werr *e)
{
	if (note == NULL || !utf8_valid(note) || utf8_is_blank(note))
		return werr_set(e, W_REFUSED, _("note: say how the follow-up ended"));
	if (check_text(note, _("note"), e) != 0)
		return -1;
	struct op op;
	if (op_begin(&op, st, e) != 0)
		return -1;
	char *t = utf8_trim(note);
	int r = follow_up_close(st, follow_up_id, op.now, t, e);
	free(t);
	if (r <= 0) {
		char num[MSG_NUM_SIZE];
		if (r == 0)
			werr_set(e, W_REFUSED, _("no open follow-up %s"), msg_id(num, follow_up_id));
		op_abort(&op);
		return -1;
	}
	return op_commit(&op, e);
}
