/* cmd_points.c -- points, points adjust, expire. */
#include <config.h>

#include <stdlib.h>
#include <unistd.h>

#include "cli/cli.h"
#include "engine/points.h"
#include "text/i18n.h"
#include "text/xalloc.h"

static int points_run(struct cli *cli, int argc, char **argv)
{
	const char *pos[1] = {0}, *at = NULL;
	const struct cli_opt opts[] = {{"at", &at, false}, {NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	struct werr e = {0};
	int64_t id, t = TIME_NONE;
	struct points_result res;
	if (cli_customer(cli, pos[0], &id, &e) != 0 ||
	    (at != NULL && cli_time(cli, "--at", at, &t, &e) != 0) ||
	    engine_points(cli->st, id, t, &res, &e) != 0)
		return cli_fail(&e);
	const char *tz = cli->shop.p.timezone;
	if (cli->json) {
		struct json *j = &cli->j;
		json_object_begin(j);
		json_kv_int(j, "customer_id", res.customer_id);
		json_kv_time(j, "at", res.at, tz);
		json_kv_int(j, "balance", res.balance);
		json_key(j, "expiring");
		json_array_begin(j);
		for (size_t i = 0; i < res.nexpiring; i++) {
			json_object_begin(j);
			json_kv_time(j, "at", res.expiring[i].at, tz);
			json_kv_int(j, "points", res.expiring[i].points);
			json_object_end(j);
		}
		json_array_end(j);
		json_kv_int(j, "earned_total", res.earned_total);
		json_kv_int(j, "redeemed_total", res.redeemed_total);
		json_kv_int(j, "expired_total", res.expired_total);
		json_object_end(j);
		json_finish(j);
	} else {
		char *bal = cli_fmt_int(cli, res.balance);
		char *worth = cli_fmt_money(cli, res.balance > 0
							 ? res.balance * cli->shop.p.point_value
							 : 0);
		fprintf(cli->out, P_("Balance: %s point (worth %s)\n",
				     "Balance: %s points (worth %s)\n", res.balance),
			bal, worth);
		free(bal);
		free(worth);
		char *a = cli_fmt_int(cli, res.earned_total), *b = cli_fmt_int(cli, res.redeemed_total),
		     *c = cli_fmt_int(cli, res.expired_total);
		fprintf(cli->out, _("Earned %s, spent %s, expired %s\n"), a, b, c);
		free(a);
		free(b);
		free(c);
		for (size_t i = 0; i < res.nexpiring; i++) {
			char *when = cli_fmt_time(cli, res.expiring[i].at);
			char *n = cli_fmt_int(cli, res.expiring[i].points);
			fprintf(cli->out, P_("  %s point expires on %s\n",
					     "  %s points expire on %s\n", res.expiring[i].points),
				n, when);
			free(when);
			free(n);
		}
	}
	points_result_free(&res);
	return EXIT_DONE;
}

static int adjust_run(struct cli *cli, int argc, char **argv)
{
	const char *pos[1] = {0}, *delta = NULL, *reason = NULL, *at = NULL;
	const struct cli_opt opts[] = {
		{"delta", &delta, false},
		{"reason", &reason, false},
		{"at", &at, false},
		{NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	if (delta == NULL || reason == NULL)
		return cli_usage(cli_current(), _("points adjust needs --delta and --reason"));
	struct werr e = {0};
	int64_t id, d, t = TIME_NONE;
	struct adjust_result res;
	if (cli_customer(cli, pos[0], &id, &e) != 0 ||
	    cli_int("--delta", delta, -INT64_C(1000000000000), INT64_C(1000000000000), &d, &e) !=
		    0 ||
	    (at != NULL && cli_time(cli, "--at", at, &t, &e) != 0) ||
	    engine_adjust(cli->st, id, d, reason, t, 0, &res, &e) != 0)
		return cli_fail(&e);
	if (cli->json) {
		json_object_begin(&cli->j);
		json_kv_int(&cli->j, "entry_id", res.entry_id);
		json_kv_int(&cli->j, "points_balance", res.balance);
		json_object_end(&cli->j);
		json_finish(&cli->j);
	} else {
		char *bal = cli_fmt_int(cli, res.balance);
		fprintf(cli->out, _("Points adjusted; balance %s\n"), bal);
		free(bal);
	}
	return EXIT_DONE;
}

static void progress(void *ctx, size_t done, size_t total)
{
	(void)ctx;
	char d[MSG_NUM_SIZE], t[MSG_NUM_SIZE];
	if (total >= 5000 && isatty(STDERR_FILENO))
		fprintf(stderr, "\r%s/%s", msg_int(d, (int64_t)done), msg_int(t, (int64_t)total));
	if (total >= 5000 && done == total && isatty(STDERR_FILENO))
		fputc('\n', stderr);
}

static int expire_run(struct cli *cli, int argc, char **argv)
{
	const char *as_of = NULL;
	const struct cli_opt opts[] = {{"as-of", &as_of, false}, {NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	struct werr e = {0};
	int64_t t = TIME_NONE, customers = 0, points = 0;
	if ((as_of != NULL && cli_time(cli, "--as-of", as_of, &t, &e) != 0) ||
	    engine_expire(cli->st, t, &customers, &points, progress, NULL, &e) != 0)
		return cli_fail(&e);
	if (cli->json) {
		json_object_begin(&cli->j);
		json_kv_int(&cli->j, "customers", customers);
		json_kv_int(&cli->j, "points_expired", points);
		json_object_end(&cli->j);
		json_finish(&cli->j);
	} else {
		char *c = cli_fmt_int(cli, customers), *p = cli_fmt_int(cli, points);
		fprintf(cli->out,
			P_("%s point expired", "%s points expired", points), p);
		fprintf(cli->out, P_(" (%s customer)\n", " (%s customers)\n", customers), c);
		free(c);
		free(p);
	}
	return EXIT_DONE;
}

const struct cli_command cmd_points_commands[] = {
	{"points", NULL, points_run, NEEDS_SHOP, N_("points REF [--at T]"),
	 N_("a customer's balance and the points that will expire")},
	{"points", "adjust", adjust_run, NEEDS_OWNER,
	 N_("points adjust REF --delta N --reason TEXT [--at T]"),
	 N_("correct a balance by hand, with a reason (owner)")},
	{"expire", NULL, expire_run, NEEDS_SHOP, N_("expire [--as-of T]"),
	 N_("apply points expiry to every customer")},
	{NULL, NULL, NULL, NEEDS_NOTHING, NULL, NULL},
};
