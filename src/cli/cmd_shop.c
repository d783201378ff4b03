/* cmd_shop.c -- init, program show|set, tier set|list. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "engine/shop.h"
#include "text/calendar.h"
#include "text/i18n.h"
#include "text/money.h"
#include "text/xalloc.h"

static void print_program(struct cli *cli)
{
	const struct shop *shop = &cli->shop;
	if (cli->json) {
		json_object_begin(&cli->j);
		for (size_t i = 0; i < program_nkeys; i++) {
			const struct program_key *k = &program_keys[i];
			if (k->type == PK_MONEY || k->type == PK_DAYS ||
			    strcmp(k->key, "decimals") == 0) {
				json_kv_int(&cli->j, k->key, program_value_int(shop, k));
			} else {
				char *v = program_value_text(shop, k);
				json_kv_string(&cli->j, k->key, v);
				free(v);
			}
		}
		json_object_end(&cli->j);
		json_finish(&cli->j);
		return;
	}
	for (size_t i = 0; i < program_nkeys; i++) {
		const struct program_key *k = &program_keys[i];
		char *v = program_value_text(shop, k);
		cli_printf(cli, "%-17s %-22s %s\n", k->key, v, _(k->help));
		free(v);
	}
}

static int init_run(struct cli *cli, int argc, char **argv)
{
	const char *currency = NULL, *decimals = NULL, *earn = NULL, *value = NULL,
		   *calendar = NULL, *timezone = NULL, *shop = NULL, *country = NULL;
	const struct cli_opt opts[] = {
		{"currency", &currency, false},   {"decimals", &decimals, false},
		{"earn-unit", &earn, false},      {"point-value", &value, false},
		{"calendar", &calendar, false},   {"timezone", &timezone, false},
		{"shop", &shop, false},           {"country-code", &country, false},
		{NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	if (currency == NULL || decimals == NULL || earn == NULL || value == NULL)
		return cli_usage(cli_current(),
				 _("init needs --currency, --decimals, --earn-unit and --point-value"));
	struct werr e = {0};
	struct shop_init in = {.currency = currency, .timezone = timezone, .shop = shop,
			       .country_code = country, .calendar = CAL_GREGORIAN};
	int64_t dec;
	if (cli_int("--decimals", decimals, 0, 3, &dec, &e) != 0)
		return cli_fail(&e);
	in.decimals = (int)dec;
	enum money_error me = money_parse(earn, in.decimals, &in.earn_unit);
	if (me != MONEY_OK) {
		werr_set(&e, W_REFUSED, "--earn-unit: %s", money_strerror(me));
		return cli_fail(&e);
	}
	me = money_parse(value, in.decimals, &in.point_value);
	if (me != MONEY_OK) {
		werr_set(&e, W_REFUSED, "--point-value: %s", money_strerror(me));
		return cli_fail(&e);
	}
	if (calendar != NULL && cal_from_name(calendar, &in.calendar) != 0) {
		werr_set(&e, W_REFUSED,
			 _("--calendar: one of gregorian, persian, islamic-umalqura"));
		return cli_fail(&e);
	}
	/* Without --calendar: Persian (Jalali) for a Persian shop -- one
	 * created in Persian or counting in rials or tomans -- else Gregorian
	 * (DESIGN.md section 10). */
	if (calendar == NULL &&
	    (strcmp(cli->loc->lang, "fa") == 0 || strcmp(currency, "IRR") == 0 ||
	     strcmp(currency, "IRT") == 0 || strcmp(currency, "AFN") == 0))
		in.calendar = CAL_PERSIAN;
	if (cli->lang_opt != NULL)
		in.lang = cli->lang_opt;
	/* Check everything before the file is created. */
	if (shop_init_check(&in, &e) != 0)
		return cli_fail(&e);
	if (cli_open(cli, true, &e) != 0 || shop_init(cli->st, &in, &e) != 0 ||
	    cli_need_shop(cli, &e) != 0)
		return cli_fail(&e);
	const struct program *p = &cli->shop.p;
	if (cli->json) {
		json_object_begin(&cli->j);
		json_kv_string(&cli->j, "currency", p->currency);
		json_kv_int(&cli->j, "decimals", p->decimals);
		json_kv_string(&cli->j, "calendar", cal_name(p->calendar));
		json_kv_string(&cli->j, "timezone", p->timezone);
		json_kv_string(&cli->j, "shop", p->shop);
		json_kv_int(&cli->j, "earn_unit", p->earn_unit);
		json_kv_int(&cli->j, "point_value", p->point_value);
		json_kv_string(&cli->j, "country_code", p->country_code);
		json_kv_string(&cli->j, "database", cli->db_path);
		json_object_end(&cli->j);
		json_finish(&cli->j);
	} else {
		fprintf(cli->out, _("Shop created in %s\n"), cli->db_path);
		print_program(cli);
	}
	return EXIT_DONE;
}

static int program_show_run(struct cli *cli, int argc, char **argv)
{
	const struct cli_opt opts[] = {{NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	print_program(cli);
	return EXIT_DONE;
}

static int program_set_run(struct cli *cli, int argc, char **argv)
{
	const char *pos[2] = {0};
	const struct cli_opt opts[] = {{NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, pos, 2, 2);
	if (r != 0)
		return r;
	struct werr e = {0};
	if (program_set(cli->st, pos[0], pos[1], &e) != 0)
		return cli_fail(&e);
	shop_free(&cli->shop);
	cli->has_shop = false;
	if (cli_need_shop(cli, &e) != 0)
		return cli_fail(&e);
	print_program(cli);
	return EXIT_DONE;
}

static void print_tier(struct cli *cli, const struct tier *t)
{
	if (cli->json) {
		json_object_begin(&cli->j);
		json_kv_string(&cli->j, "name", t->name);
		json_kv_int(&cli->j, "min_spend", t->min_spend);
		json_kv_int(&cli->j, "multiplier", t->multiplier);
		json_kv_int(&cli->j, "discount", t->discount);
		json_object_end(&cli->j);
		return;
	}
	char *spend = cli_fmt_money(cli, t->min_spend);
	char *mult = cli_fmt_int(cli, t->multiplier);
	char *disc = cli_fmt_int(cli, t->discount);
	/* TRANSLATORS: a tier: name, minimum spend in the window, points
	   multiplier in percent, discount in percent. */
	cli_printf(cli, _("%-16s from %s  points x%s%%  discount %s%%\n"), t->name, spend, mult,
		disc);
	free(spend);
	free(mult);
	free(disc);
}

static int tier_set_run(struct cli *cli, int argc, char **argv)
{
	const char *pos[1] = {0}, *spend = NULL, *mult = NULL, *disc = NULL;
	const struct cli_opt opts[] = {
		{"min-spend", &spend, false},
		{"multiplier", &mult, false},
		{"discount", &disc, false},
		{NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	if (spend == NULL || mult == NULL)
		return cli_usage(cli_current(), _("tier set needs --min-spend and --multiplier"));
	struct werr e = {0};
	int64_t min_spend, m, d = 0;
	if (cli_money(cli, "--min-spend", spend, &min_spend, &e) != 0 ||
	    cli_int("--multiplier", mult, 0, 10000, &m, &e) != 0 ||
	    (disc != NULL && cli_int("--discount", disc, 0, 100, &d, &e) != 0) ||
	    tier_set(cli->st, pos[0], min_spend, (int)m, (int)d, &e) != 0)
		return cli_fail(&e);
	shop_free(&cli->shop);
	cli->has_shop = false;
	if (cli_need_shop(cli, &e) != 0)
		return cli_fail(&e);
	const struct tier *t = NULL;
	for (size_t i = 0; i < cli->shop.ntiers; i++)
		if (cli->shop.tiers[i].min_spend == min_spend)
			t = &cli->shop.tiers[i];
	if (t != NULL) {
		print_tier(cli, t);
		if (cli->json)
			json_finish(&cli->j);
	}
	return EXIT_DONE;
}

static int tier_list_run(struct cli *cli, int argc, char **argv)
{
	const struct cli_opt opts[] = {{NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	if (cli->json)
		json_array_begin(&cli->j);
	for (size_t i = 0; i < cli->shop.ntiers; i++)
		print_tier(cli, &cli->shop.tiers[i]);
	if (cli->json) {
		json_array_end(&cli->j);
		json_finish(&cli->j);
	}
	return EXIT_DONE;
}

const struct cli_command cmd_shop_commands[] = {
	{"init", NULL, init_run, CREATES_DB,
	 N_("init --currency CODE --decimals N --earn-unit AMOUNT --point-value AMOUNT "
	    "[--calendar gregorian|persian|islamic-umalqura] [--timezone TZ] [--shop NAME] "
	    "[--country-code CC]"),
	 N_("create the shop: its currency, calendar, time zone and loyalty program")},
	{"program", "show", program_show_run, NEEDS_SHOP, N_("program show"),
	 N_("show the loyalty program's settings")},
	{"program", "set", program_set_run, NEEDS_OWNER, N_("program set KEY VALUE"),
	 N_("change one setting of the program (owner)")},
	{"tier", "set", tier_set_run, NEEDS_OWNER,
	 N_("tier set NAME --min-spend AMOUNT --multiplier PCT [--discount PCT]"),
	 N_("create or change a tier (owner)")},
	{"tier", "list", tier_list_run, NEEDS_SHOP, N_("tier list"), N_("list the tiers")},
	{NULL, NULL, NULL, NEEDS_NOTHING, NULL, NULL},
};
