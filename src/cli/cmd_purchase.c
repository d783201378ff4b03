/* cmd_purchase.c -- purchase add|return. */
#include <config.h>

#include <stdlib.h>

#include "cli/cli.h"
#include "engine/sale.h"
#include "text/i18n.h"
#include "text/xalloc.h"

static void print_purchase(struct cli *cli, const struct purchase_result *r)
{
	if (cli->json) {
		struct json *j = &cli->j;
		json_object_begin(j);
		json_kv_int(j, "purchase_id", r->purchase_id);
		json_kv_int(j, "customer_id", r->customer_id);
		json_kv_time(j, "at", r->at, cli->shop.p.timezone);
		json_kv_int(j, "amount", r->amount);
		json_kv_int(j, "discount", r->discount);
		json_kv_int(j, "paid", r->paid);
		json_kv_int(j, "points_earned", r->points_earned);
		json_kv_int(j, "points_paid", r->points_paid);
		json_kv_int(j, "points_balance", r->points_balance);
		json_kv_string(j, "tier", r->tier);
		json_kv_bool(j, "tier_changed", r->tier_changed);
		json_kv_string(j, "tier_before", r->tier_before);
		json_kv_int(j, "multiplier", r->multiplier);
		json_kv_int(j, "window_spend", r->window_spend);
		json_object_end(j);
		json_finish(j);
		return;
	}
	char *id = cli_fmt_int(cli, r->purchase_id);
	char *amount = cli_fmt_money(cli, r->amount);
	fprintf(cli->out, _("Purchase %s recorded: %s %s\n"), id, amount, cli->shop.p.currency);
	if (r->points_paid > 0) {
		char *pts = cli_fmt_int(cli, r->points_paid);
		char *disc = cli_fmt_money(cli, r->discount);
		char *paid = cli_fmt_money(cli, r->paid);
		fprintf(cli->out,
			P_("  %s point paid %s; cash to pay %s\n",
			   "  %s points paid %s; cash to pay %s\n", r->points_paid),
			pts, disc, paid);
		free(pts);
		free(disc);
		free(paid);
	}
	char *earned = cli_fmt_int(cli, r->points_earned);
	char *bal = cli_fmt_int(cli, r->points_balance);
	fprintf(cli->out, P_("  +%s point earned; balance %s\n", "  +%s points earned; balance %s\n",
			     r->points_earned),
		earned, bal);
	if (r->tier_changed)
		fprintf(cli->out, _("  Tier: %s -> %s\n"), r->tier_before, r->tier);
	else
		fprintf(cli->out, _("  Tier: %s\n"), r->tier);
	if (r->next_tier[0] != '\0') {
		char *miss = cli_fmt_money(cli, r->next_tier_missing);
		fprintf(cli->out, _("  %s more in the tier window to reach %s\n"), miss,
			r->next_tier);
		free(miss);
	}
	free(id);
	free(amount);
	free(earned);
	free(bal);
}

static int add_run(struct cli *cli, int argc, char **argv)
{
	const char *customer = NULL, *amount = NULL, *points = NULL, *at = NULL, *note = NULL;
	const struct cli_opt opts[] = {
		{"customer", &customer, false},   {"amount", &amount, false},
		{"redeem-points", &points, false}, {"at", &at, false},
		{"note", &note, false},           {NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	if (customer == NULL || amount == NULL)
		return cli_usage(cli_current(), _("purchase add needs --customer and --amount"));
	struct werr e = {0};
	struct purchase_request rq = {.at = TIME_NONE, .note = note};
	struct purchase_result res;
	if (cli_customer(cli, customer, &rq.customer_id, &e) != 0 ||
	    cli_money(cli, "--amount", amount, &rq.amount, &e) != 0 ||
	    (points != NULL &&
	     cli_int("--redeem-points", points, 0, INT64_C(1000000000000), &rq.redeem_points,
		     &e) != 0) ||
	    (at != NULL && cli_time(cli, "--at", at, &rq.at, &e) != 0) ||
	    engine_purchase(cli->st, &rq, &res, &e) != 0)
		return cli_fail(&e);
	print_purchase(cli, &res);
	return EXIT_DONE;
}

static int return_run(struct cli *cli, int argc, char **argv)
{
	const char *purchase = NULL, *amount = NULL, *at = NULL, *note = NULL;
	const struct cli_opt opts[] = {
		{"purchase", &purchase, false}, {"amount", &amount, false},
		{"at", &at, false},             {"note", &note, false},
		{NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	if (purchase == NULL || amount == NULL)
		return cli_usage(cli_current(), _("purchase return needs --purchase and --amount"));
	struct werr e = {0};
	struct return_request rq = {.at = TIME_NONE, .note = note};
	struct return_result res;
	if (cli_int("--purchase", purchase, 1, INT64_MAX, &rq.purchase_id, &e) != 0 ||
	    cli_money(cli, "--amount", amount, &rq.amount, &e) != 0 ||
	    (at != NULL && cli_time(cli, "--at", at, &rq.at, &e) != 0) ||
	    engine_return(cli->st, &rq, &res, &e) != 0)
		return cli_fail(&e);
	if (cli->json) {
		struct json *j = &cli->j;
		json_object_begin(j);
		json_kv_int(j, "return_id", res.return_id);
		json_kv_int(j, "purchase_id", res.purchase_id);
		json_kv_int(j, "customer_id", res.customer_id);
		json_kv_time(j, "at", res.at, cli->shop.p.timezone);
		json_kv_int(j, "amount", res.amount);
		json_kv_int(j, "refunded", res.refunded);
		json_kv_int(j, "points_reversed", res.points_reversed);
		json_kv_int(j, "points_restored", res.points_restored);
		json_kv_int(j, "points_balance", res.points_balance);
		json_kv_string(j, "tier", res.tier);
		json_object_end(j);
		json_finish(j);
		return EXIT_DONE;
	}
	char *id = cli_fmt_int(cli, res.return_id);
	char *pid = cli_fmt_int(cli, res.purchase_id);
	char *refund = cli_fmt_money(cli, res.refunded);
	char *rev = cli_fmt_int(cli, res.points_reversed);
	char *res_pts = cli_fmt_int(cli, res.points_restored);
	char *bal = cli_fmt_int(cli, res.points_balance);
	fprintf(cli->out, _("Return %s of purchase %s recorded: refund %s %s\n"), id, pid, refund,
		cli->shop.p.currency);
	fprintf(cli->out, _("  points taken back %s, points given back %s; balance %s\n"), rev,
		res_pts, bal);
	fprintf(cli->out, _("  Tier: %s\n"), res.tier);
	free(id);
	free(pid);
	free(refund);
	free(rev);
	free(res_pts);
	free(bal);
	return EXIT_DONE;
}

const struct cli_command cmd_purchase_commands[] = {
	{"purchase", "add", add_run, NEEDS_SHOP,
	 N_("purchase add --customer REF --amount AMOUNT [--redeem-points N] [--at T] [--note T]"),
	 N_("record a purchase; points are earned by the program's rules")},
	{"purchase", "return", return_run, NEEDS_SHOP,
	 N_("purchase return --purchase ID --amount AMOUNT [--at T] [--note T]"),
	 N_("record goods coming back: refund, points taken back and given back")},
	{NULL, NULL, NULL, NEEDS_NOTHING, NULL, NULL},
};
