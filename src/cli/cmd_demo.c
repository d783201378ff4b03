/* cmd_demo.c -- demo: a believable shop to try wafa on.
 *
 * `wafa [--lang fa|ar|en] demo [--customers N] [--months M] [--seed S]`
 * fills a new database (or one whose shop has no customers yet) with the
 * history engine/demo.c generates.  The language is --lang, else the UI
 * language.  A new shop gets the settings of that language:
 *
 *   fa  Tehran: IRT (toman), 0 decimals, Solar Hijri calendar.  One point
 *       per 10,000 toman, a point worth 100 toman: 1% back, the usual
 *       cash-back of Iranian store cards; a basket of about 450,000 toman
 *       earns 45 points.  Tiers from 10 and 25 million toman a year.
 *   ar  Riyadh: SAR, 2 decimals, Gregorian calendar.  One point per
 *       riyal, a point worth one halala: 1% back, as Saudi retail
 *       programmes run it; tiers from 2,500 and 6,000 riyals a year.
 *   en  Dubai: AED, 2 decimals, Gregorian calendar.  One point per
 *       5 dirhams, a point worth 5 fils: 1% back; tiers from 3,000 and
 *       7,500 dirhams a year.
 *
 * Progress goes to stderr when it is a terminal. */
#include <config.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "engine/demo.h"
#include "text/i18n.h"
#include "text/tz.h"
#include "text/xalloc.h"

struct progress {
	int shown; /* percent last shown, or -1 */
};

static void show_progress(void *ctx, size_t done, size_t total)
{
	struct progress *p = ctx;
	int pct = total > 0 ? (int)(done * 100 / total) : 100;
	if (pct == p->shown)
		return;
	p->shown = pct;
	char *pct_text = fmt_percent(ui_locale_current(), pct / 100.0);
	fputc('\r', stderr);
	/* TRANSLATORS: progress of `wafa demo`; %s is a percentage such as
	   "42%", written in the language's way. */
	fprintf(stderr, _("Generating the demo shop: %s"), pct_text);
	free(pct_text);
	if (done >= total)
		fputc('\n', stderr);
	fflush(stderr);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* One line "  1,234 customers" of the summary: fmt is the P_() text
 * chosen for n, with %s for the number. */
static void count_line(struct cli *cli, const char *fmt, int64_t n)
{
	char *num = cli_fmt_int(cli, n);
	fputs("  ", cli->out);
	fprintf(cli->out, fmt, num);
	fputc('\n', cli->out);
	free(num);
}

static int demo_run(struct cli *cli, int argc, char **argv)
{
	const char *customers = NULL, *months = NULL, *seed = NULL;
	const struct cli_opt opts[] = {
		{"customers", &customers, false},
		{"months", &months, false},
		{"seed", &seed, false},
		{NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	struct werr e = {0};
	struct demo_params p = DEMO_PARAMS_INIT;
	int64_t v;
	if (customers != NULL) {
		if (cli_int("--customers", customers, 1, DEMO_MAX_CUSTOMERS, &v, &e) != 0)
			return cli_fail(&e);
		p.customers = v;
	}
	if (months != NULL) {
		if (cli_int("--months", months, 1, DEMO_MAX_MONTHS, &v, &e) != 0)
			return cli_fail(&e);
		p.months = (int)v;
	}
	if (seed != NULL) {
		if (cli_int("--seed", seed, 0, INT64_MAX, &v, &e) != 0)
			return cli_fail(&e);
		p.seed = (uint64_t)v;
	}
	char lang[8];
	snprintf(lang, sizeof lang, "%s", cli->lang_opt != NULL ? cli->lang_opt : cli->loc->lang);
	for (char *c = lang; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	p.lang = lang;
	p.now = clock_now();

	struct progress pr = {-1};
	bool tty = isatty(STDERR_FILENO);
	struct demo_result res;
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* Filling an existing shop (its catalog, its tiers' history) is the
	 * owner's business once there is one. */
	if (cli_open(cli, true, &e) != 0 || cli_need_owner(cli, &e) != 0 ||
	    engine_demo(cli->st, &p, &res, tty ? show_progress : NULL, &pr, &e) != 0) {
		if (tty && pr.shown >= 0 && pr.shown < 100)
			fputc('\n', stderr);
		return cli_fail(&e);
	}
	double secs = seconds_since(&t0);
	int64_t rate = secs > 0 ? (int64_t)((double)res.purchases / secs) : res.purchases;
	if (cli->json) {
		struct json *j = &cli->j;
		json_object_begin(j);
		json_kv_string(j, "database", cli->db_path);
		json_kv_string(j, "shop", res.shop);
		json_kv_string(j, "lang", p.lang);
		json_kv_int(j, "seed", (int64_t)p.seed);
		json_kv_int(j, "months", p.months);
		json_kv_int(j, "customers", res.customers);
		json_kv_int(j, "purchases", res.purchases);
		json_kv_int(j, "returns", res.returns);
		json_kv_int(j, "redemptions", res.redemptions);
		json_kv_int(j, "surveys", res.surveys);
		json_kv_int(j, "follow_ups", res.follow_ups);
		json_kv_int(j, "contacts", res.contacts);
		json_kv_int(j, "points_earned", res.points_earned);
		json_kv_int(j, "points_expired", res.points_expired);
		json_key(j, "seconds");
		json_rate(j, secs, true);
		json_kv_int(j, "purchases_per_second", rate);
		json_object_end(j);
		json_finish(j);
		return EXIT_DONE;
	}
	char secs_text[32];
	snprintf(secs_text, sizeof secs_text, "%.1f", secs);
	char *secs_local = fmt_digits(cli->loc, secs_text);
	/* TRANSLATORS: %s is the shop's name, then the database file, then a
	   number of seconds such as "12.3". */
	fprintf(cli->out, _("Demo shop \"%s\" written to %s in %s s:\n"), res.shop, cli->db_path,
		secs_local);
	free(secs_local);
	int64_t n = res.customers;
	count_line(cli, P_("%s customer", "%s customers", n), n);
	n = res.purchases;
	count_line(cli, P_("%s purchase", "%s purchases", n), n);
	n = res.returns;
	count_line(cli, P_("%s return", "%s returns", n), n);
	n = res.redemptions;
	count_line(cli, P_("%s reward redeemed", "%s rewards redeemed", n), n);
	n = res.surveys;
	count_line(cli, P_("%s survey answer", "%s survey answers", n), n);
	n = res.follow_ups;
	count_line(cli, P_("%s detractor follow-up", "%s detractor follow-ups", n), n);
	count_line(cli, P_("%s purchase per second", "%s purchases per second", rate), rate);
	return EXIT_DONE;
}

const struct cli_command cmd_demo_commands[] = {
	{"demo", NULL, demo_run, CREATES_DB, N_("demo [--customers N] [--months M] [--seed S]"),
	 N_("fill a new database with a believable shop to try wafa on (--lang sets its language)")},
	{NULL, NULL, NULL, NEEDS_NOTHING, NULL, NULL},
};
