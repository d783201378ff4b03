/* cmd_reward.c -- reward add|list, redeem. */
#include <config.h>

#include <stdlib.h>

#include "cli/cli.h"
#include "engine/reward.h"
#include "store/rewards.h"
#include "text/i18n.h"
#include "text/tz.h"
#include "text/xalloc.h"

static void reward_json(struct cli *cli, const struct reward *r)
{
	struct json *j = &cli->j;
	const char *tz = cli->shop.p.timezone;
	json_object_begin(j);
	json_kv_string(j, "code", r->code);
	json_kv_string(j, "name", r->name);
	json_kv_int(j, "points", r->points);
	json_kv_int(j, "copay", r->copay);
	json_key(j, "stock");
	if (r->stock == STOCK_UNLIMITED)
		json_null(j);
	else
		json_int(j, r->stock - r->redeemed);
	json_kv_int(j, "redeemed", r->redeemed);
	json_kv_time(j, "from", r->active_from, tz);
	json_kv_time(j, "to", r->active_to, tz);
	json_kv_bool(j, "available", reward_available(r, clock_now()));
	json_object_end(j);
}

static void reward_text(struct cli *cli, const struct reward *r)
{
	char *pts = cli_fmt_int(cli, r->points);
	cli_printf(cli, "%-10s %-30s ", r->code, r->name);
	fprintf(cli->out, P_("%s point", "%s points", r->points), pts);
	if (r->copay > 0) {
		char *c = cli_fmt_money(cli, r->copay);
		fprintf(cli->out, _(" + %s co-payment"), c);
		free(c);
	}
	if (r->stock != STOCK_UNLIMITED) {
		int64_t left = r->stock - r->redeemed;
		char *s = cli_fmt_int(cli, left);
		/* TRANSLATORS: units of a reward still in stock. */
		fprintf(cli->out, P_("  (%s left)", "  (%s left)", left), s);
		free(s);
	}
	fputc('\n', cli->out);
	free(pts);
}

static int add_run(struct cli *cli, int argc, char **argv)
{
	const char *code = NULL, *name = NULL, *points = NULL, *copay = NULL, *stock = NULL,
		   *from = NULL, *to = NULL;
	const struct cli_opt opts[] = {
		{"code", &code, false},   {"name", &name, false}, {"points", &points, false},
		{"copay", &copay, false}, {"stock", &stock, false}, {"from", &from, false},
		{"to", &to, false},       {NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	if (code == NULL || name == NULL || points == NULL)
		return cli_usage(cli_current(), _("reward add needs --code, --name and --points"));
	struct werr e = {0};
	struct reward_input in = {.code = code, .name = name, .stock = STOCK_UNLIMITED,
				  .active_from = TIME_NONE, .active_to = TIME_NONE};
	struct reward out;
	if (cli_int("--points", points, INT64_MIN + 1, INT64_MAX, &in.points, &e) != 0 ||
	    (copay != NULL && cli_money(cli, "--copay", copay, &in.copay, &e) != 0) ||
	    (stock != NULL && cli_int("--stock", stock, 0, INT64_C(1000000000), &in.stock, &e) != 0) ||
	    (from != NULL && cli_date(cli, "--from", from, false, &in.active_from, &e) != 0) ||
	    (to != NULL && cli_date(cli, "--to", to, true, &in.active_to, &e) != 0) ||
	    engine_reward_add(cli->st, &in, &out, &e) != 0)
		return cli_fail(&e);
	if (cli->json) {
		reward_json(cli, &out);
		json_finish(&cli->j);
	} else {
		reward_text(cli, &out);
	}
	reward_clear(&out);
	return EXIT_DONE;
}

static int list_run(struct cli *cli, int argc, char **argv)
{
	const struct cli_opt opts[] = {{NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	struct werr e = {0};
	struct reward *v = NULL;
	size_t n = 0;
	if (rewards_list(cli->st, &v, &n, &e) != 0)
		return cli_fail(&e);
	if (cli->json)
		json_array_begin(&cli->j);
	for (size_t i = 0; i < n; i++) {
		if (cli->json)
			reward_json(cli, &v[i]);
		else
			reward_text(cli, &v[i]);
	}
	if (cli->json) {
		json_array_end(&cli->j);
		json_finish(&cli->j);
	} else if (n == 0) {
		fputs(_("The rewards catalog is empty.\n"), cli->out);
	}
	rewards_free(v, n);
	return EXIT_DONE;
}

static int redeem_run(struct cli *cli, int argc, char **argv)
{
	const char *pos[1] = {0}, *reward = NULL, *at = NULL;
	const struct cli_opt opts[] = {
		{"reward", &reward, false},
		{"at", &at, false},
		{NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	if (reward == NULL)
		return cli_usage(cli_current(), _("redeem needs --reward"));
	struct werr e = {0};
	int64_t id, t = TIME_NONE;
	struct redeem_result res;
	if (cli_customer(cli, pos[0], &id, &e) != 0 ||
	    (at != NULL && cli_time(cli, "--at", at, &t, &e) != 0) ||
	    engine_redeem(cli->st, id, reward, t, 0, &res, &e) != 0)
		return cli_fail(&e);
	if (cli->json) {
		struct json *j = &cli->j;
		json_object_begin(j);
		json_kv_int(j, "redemption_id", res.redemption_id);
		json_kv_int(j, "customer_id", res.customer_id);
		json_kv_time(j, "at", res.at, cli->shop.p.timezone);
		json_kv_string(j, "voucher", res.voucher);
		json_kv_int(j, "points", res.points);
		json_kv_int(j, "copay", res.copay);
		json_kv_int(j, "points_balance", res.points_balance);
		json_object_end(j);
		json_finish(j);
		return EXIT_DONE;
	}
	char *pts = cli_fmt_int(cli, res.points), *bal = cli_fmt_int(cli, res.points_balance);
	fprintf(cli->out, _("Voucher %s: %s\n"), res.voucher, res.reward_name);
	fprintf(cli->out, P_("  -%s point; balance %s\n", "  -%s points; balance %s\n", res.points),
		pts, bal);
	if (res.copay > 0) {
		char *c = cli_fmt_money(cli, res.copay);
		fprintf(cli->out, _("  co-payment to collect: %s %s\n"), c, cli->shop.p.currency);
		free(c);
	}
	free(pts);
	free(bal);
	return EXIT_DONE;
}

const struct cli_command cmd_reward_commands[] = {
	{"reward", "add", add_run, NEEDS_OWNER,
	 N_("reward add --code CODE --name NAME --points N [--copay AMOUNT] [--stock N] "
	    "[--from DATE] [--to DATE]"),
	 N_("add a reward to the catalog (owner)")},
	{"reward", "list", list_run, NEEDS_SHOP, N_("reward list"), N_("the rewards catalog")},
	{"redeem", NULL, redeem_run, NEEDS_SHOP, N_("redeem REF --reward CODE [--at T]"),
	 N_("exchange a customer's points for a reward and issue a voucher")},
	{NULL, NULL, NULL, NEEDS_NOTHING, NULL, NULL},
};
