/* cmd_survey.c -- survey add, the call list, contacts and follow-ups. */
#include <config.h>

#include <stdlib.h>

#include "cli/cli.h"
#include "engine/survey.h"
#include "store/surveys.h"
#include "text/csv.h"
#include "text/i18n.h"
#include "text/phone.h"
#include "text/tz.h"
#include "text/xalloc.h"

static int add_run(struct cli *cli, int argc, char **argv)
{
	const char *pos[1] = {0}, *score = NULL, *csat = NULL, *reason = NULL, *comment = NULL,
		   *at = NULL;
	const struct cli_opt opts[] = {
		{"score", &score, false},     {"csat", &csat, false}, {"reason", &reason, false},
		{"comment", &comment, false}, {"at", &at, false},     {NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	if (score == NULL)
		return cli_usage(cli_current(), _("survey add needs --score"));
	struct werr e = {0};
	struct survey_input in = {.reason = reason, .comment = comment, .at = TIME_NONE};
	int64_t s, c = 0;
	struct survey_result res;
	if (cli_customer(cli, pos[0], &in.customer_id, &e) != 0 ||
	    cli_int("--score", score, INT64_MIN + 1, INT64_MAX, &s, &e) != 0 ||
	    (csat != NULL && cli_int("--csat", csat, INT64_MIN + 1, INT64_MAX, &c, &e) != 0))
		return cli_fail(&e);
	if (s < 0 || s > 10) {
		werr_set(&e, W_REFUSED, _("--score: from 0 to 10"));
		return cli_fail(&e);
	}
	if (csat != NULL && (c < 1 || c > 5)) {
		werr_set(&e, W_REFUSED, _("--csat: from 1 to 5"));
		return cli_fail(&e);
	}
	in.score = (int)s;
	in.csat = (int)c;
	if ((at != NULL && cli_time(cli, "--at", at, &in.at, &e) != 0) ||
	    engine_survey_add(cli->st, &in, &res, &e) != 0)
		return cli_fail(&e);
	if (cli->json) {
		json_object_begin(&cli->j);
		json_kv_int(&cli->j, "survey_id", res.survey_id);
		json_kv_string(&cli->j, "category", nps_category_name(res.category));
		json_kv_bool(&cli->j, "follow_up", res.follow_up);
		json_object_end(&cli->j);
		json_finish(&cli->j);
		return EXIT_DONE;
	}
	const char *cat = res.category == NPS_PROMOTER  ? _("promoter")
			  : res.category == NPS_PASSIVE ? _("passive")
							: _("detractor");
	char *id = cli_fmt_int(cli, res.survey_id);
	fprintf(cli->out, _("Answer %s recorded: %s\n"), id, cat);
	if (res.follow_up)
		fputs(_("  A follow-up call is now on the list.\n"), cli->out);
	free(id);
	return EXIT_DONE;
}

static int calls_run(struct cli *cli, int argc, char **argv)
{
	const struct cli_opt opts[] = {{NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	struct werr e = {0};
	struct call_item *v = NULL;
	size_t n = 0;
	if (call_list(cli->st, clock_now(), 500, &v, &n, &e) != 0)
		return cli_fail(&e);
	if (cli->json)
		json_array_begin(&cli->j);
	for (size_t i = 0; i < n; i++) {
		if (cli->json) {
			json_object_begin(&cli->j);
			json_kv_int(&cli->j, "customer_id", v[i].customer_id);
			json_kv_string(&cli->j, "name", v[i].name);
			json_kv_string(&cli->j, "phone", v[i].phone);
			json_kv_time(&cli->j, "last_sale", v[i].sale_at, cli->shop.p.timezone);
			json_object_end(&cli->j);
			continue;
		}
		char *id = cli_fmt_int(cli, v[i].customer_id);
		char *ph = v[i].phone != NULL ? phone_format(v[i].phone) : xstrdup("");
		char *phl = fmt_digits(cli->loc, ph);
		char *when = cli_fmt_time(cli, v[i].sale_at);
		cli_printf(cli, "%6s  %-28s %-15s %s\n", id, v[i].name, phl, when);
		free(id);
		free(ph);
		free(phl);
		free(when);
	}
	if (cli->json) {
		json_array_end(&cli->j);
		json_finish(&cli->j);
	} else if (n == 0) {
		fputs(_("Nobody to call today.\n"), cli->out);
	}
	call_items_free(v, n);
	return EXIT_DONE;
}

static int contact_run(struct cli *cli, int argc, char **argv)
{
	const char *pos[1] = {0}, *outcome = NULL, *note = NULL;
	const struct cli_opt opts[] = {
		{"outcome", &outcome, false},
		{"note", &note, false},
		{NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	if (outcome == NULL)
		return cli_usage(cli_current(), _("survey contact needs --outcome"));
	struct werr e = {0};
	int64_t id;
	if (cli_customer(cli, pos[0], &id, &e) != 0 ||
	    engine_contact(cli->st, id, outcome, note, 0, &e) != 0)
		return cli_fail(&e);
	if (cli->json) {
		json_object_begin(&cli->j);
		json_kv_int(&cli->j, "customer_id", id);
		json_kv_string(&cli->j, "outcome", outcome);
		json_object_end(&cli->j);
		json_finish(&cli->j);
	} else {
		fputs(_("Call recorded.\n"), cli->out);
	}
	return EXIT_DONE;
}

int cli_print_follow_ups(struct cli *cli, bool csv)
{
	struct werr e = {0};
	struct follow_up *v = NULL;
	size_t n = 0;
	if (follow_ups_open_list(cli->st, 100000, &v, &n, &e) != 0)
		return cli_fail(&e);
	const char *tz = cli->shop.p.timezone;
	if (csv) {
		struct csv_out *c = csv_out_new(cli->out, CSV_UTF8, false);
		const char *cols[] = {"follow_up_id", "customer_id", "name", "phone", "score",
				      "comment", "opened_at"};
		for (size_t i = 0; i < 7; i++)
			csv_put(c, cols[i]);
		csv_end_row(c);
		for (size_t i = 0; i < n; i++) {
			char buf[32];
			csv_put_int(c, v[i].id);
			csv_put_int(c, v[i].customer_id);
			csv_put(c, v[i].name);
			csv_put(c, v[i].phone);
			csv_put_int(c, v[i].score);
			csv_put(c, v[i].comment);
			tz_format_rfc3339(tz, v[i].opened_at, buf);
			csv_put(c, buf);
			csv_end_row(c);
		}
		follow_ups_free(v, n);
		return csv_out_finish(c, &e) == 0 ? EXIT_DONE : cli_fail(&e);
	}
	if (cli->json)
		json_array_begin(&cli->j);
	for (size_t i = 0; i < n; i++) {
		if (cli->json) {
			json_object_begin(&cli->j);
			json_kv_int(&cli->j, "follow_up_id", v[i].id);
			json_kv_int(&cli->j, "customer_id", v[i].customer_id);
			json_kv_string(&cli->j, "name", v[i].name);
			json_kv_string(&cli->j, "phone", v[i].phone);
			json_kv_int(&cli->j, "score", v[i].score);
			json_kv_string(&cli->j, "comment", v[i].comment);
			json_kv_time(&cli->j, "opened_at", v[i].opened_at, tz);
			json_object_end(&cli->j);
			continue;
		}
		char *id = cli_fmt_int(cli, v[i].id), *sc = cli_fmt_int(cli, v[i].score);
		char *when = cli_fmt_time(cli, v[i].opened_at);
		cli_printf(cli, "%6s  %-28s %3s  %s  %s\n", id, v[i].name, sc, when,
			v[i].comment != NULL ? v[i].comment : "");
		free(id);
		free(sc);
		free(when);
	}
	if (cli->json) {
		json_array_end(&cli->j);
		json_finish(&cli->j);
	} else if (n == 0) {
		fputs(_("No open follow-ups.\n"), cli->out);
	}
	follow_ups_free(v, n);
	return EXIT_DONE;
}

static int follow_ups_run(struct cli *cli, int argc, char **argv)
{
	const char *csv = NULL;
	const struct cli_opt opts[] = {{"csv", &csv, true}, {NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	return cli_print_follow_ups(cli, csv != NULL);
}

static int close_run(struct cli *cli, int argc, char **argv)
{
	const char *pos[1] = {0}, *note = NULL;
	const struct cli_opt opts[] = {{"note", &note, false}, {NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	struct werr e = {0};
	int64_t id;
	if (cli_int(_("follow-up"), pos[0], 1, INT64_MAX, &id, &e) != 0 ||
	    engine_follow_up_close(cli->st, id, note, &e) != 0)
		return cli_fail(&e);
	if (cli->json) {
		json_object_begin(&cli->j);
		json_kv_int(&cli->j, "follow_up_id", id);
		json_kv_bool(&cli->j, "closed", true);
		json_object_end(&cli->j);
		json_finish(&cli->j);
	} else {
		fputs(_("Follow-up closed.\n"), cli->out);
	}
	return EXIT_DONE;
}

const struct cli_command cmd_survey_commands[] = {
	{"survey", "add", add_run, NEEDS_SHOP,
	 N_("survey add REF --score N [--csat N] [--reason CODE] [--comment T] [--at T]"),
	 N_("record an NPS answer (0-10); a detractor opens a follow-up")},
	{"survey", "calls", calls_run, NEEDS_SHOP, N_("survey calls"),
	 N_("the call list: customers to ask today")},
	{"survey", "contact", contact_run, NEEDS_SHOP,
	 N_("survey contact REF --outcome no_answer|call_back|refused [--note T]"),
	 N_("record a call that ended without an answer")},
	{"survey", "follow-ups", follow_ups_run, NEEDS_SHOP, N_("survey follow-ups [--csv]"),
	 N_("detractor follow-ups still open")},
	{"survey", "close", close_run, NEEDS_SHOP, N_("survey close ID --note T"),
	 N_("close a detractor follow-up with a note")},
	{NULL, NULL, NULL, NEEDS_NOTHING, NULL, NULL},
};
