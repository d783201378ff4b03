/* cmd_report.c -- report month|trend|at-risk|expiring|top|detractors. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "engine/metrics.h"
#include "engine/report_csv.h"
#include "store/surveys.h"
#include "text/calendar.h"
#include "text/csv.h"
#include "text/i18n.h"
#include "text/phone.h"
#include "text/tz.h"
#include "text/xalloc.h"

/* The month argument (in the shop's calendar), or the current month. */
static int parse_month(struct cli *cli, const char *text, int *y, int *m, struct werr *e)
{
	if (text == NULL)
		return engine_current_month(cli->st, y, m, e);
	if (month_parse(text, y, m) != 0)
		return werr_set(e, W_REFUSED, _("month \"%s\": give YYYY-MM in the shop's calendar"),
				text);
	return 0;
}

static const char *group_title(enum metric_group g)
{
	switch (g) {
	case MG_SALES:
		return _("Sales");
	case MG_CUSTOMERS:
		return _("Customers");
	case MG_RETENTION:
		return _("Retention");
	case MG_POINTS:
		return _("Points");
	default:
		return _("NPS");
	}
}

/* A figure as text for a person. */
static char *metric_text(const struct cli *cli, const struct month_report *r,
			 const struct metric *m)
{
	if (m->type == MT_RATE) {
		struct rate v = metric_rate(r, m);
		return v.defined ? fmt_percent(cli->loc, v.value) : xstrdup("-");
	}
	if (m->type == MT_NPS && !r->nps_defined)
		return xstrdup("-");
	int64_t v = metric_int(r, m);
	if (m->type == MT_MONEY)
		return cli_fmt_money(cli, v);
	return cli_fmt_int(cli, v);
}

static void month_json(struct cli *cli, const struct month_report *r)
{
	struct json *j = &cli->j;
	const char *tz = cli->shop.p.timezone;
	char month[16];
	snprintf(month, sizeof month, "%04d-%02d", r->year, r->month);
	json_object_begin(j);
	json_kv_string(j, "month", month);
	json_kv_time(j, "start", r->start, tz);
	json_kv_time(j, "end", r->end, tz);
	for (size_t i = 0; i < month_nmetrics; i++) {
		const struct metric *m = &month_metrics[i];
		json_key(j, m->key);
		if (m->type == MT_RATE) {
			struct rate v = metric_rate(r, m);
			json_rate(j, v.value, v.defined);
		} else if (m->type == MT_NPS && !r->nps_defined) {
			json_null(j);
		} else {
			json_int(j, metric_int(r, m));
		}
	}
	json_key(j, "tiers");
	json_object_begin(j);
	for (size_t i = 0; i < r->ntiers; i++)
		json_kv_int(j, r->tiers[i].name, r->tiers[i].customers);
	json_object_end(j);
	json_key(j, "ladder");
	json_object_begin(j);
	for (size_t i = 0; i < ladder_nkeys; i++)
		json_kv_int(j, ladder_keys[i].key, ladder_value(&r->ladder, &ladder_keys[i]));
	json_object_end(j);
	json_object_end(j);
}

static void month_text(struct cli *cli, const struct month_report *r)
{
	const struct program *p = &cli->shop.p;
	char *title = cal_format(p->calendar, p->timezone, cli->loc->lang, cli->loc->digits,
				 r->start, DATE_MONTH_YEAR);
	fprintf(cli->out, "%s\n", title);
	free(title);
	int group = -1;
	for (size_t i = 0; i < month_nmetrics; i++) {
		const struct metric *m = &month_metrics[i];
		if ((int)m->group != group) {
			group = (int)m->group;
			fprintf(cli->out, "\n%s\n", group_title(m->group));
		}
		char *v = metric_text(cli, r, m);
		char *label = xasprintf("  %s", _(m->label));
		cli_line(cli, 28, label, v);
		free(label);
		free(v);
	}
	fprintf(cli->out, "\n%s\n", _("Tiers"));
	for (size_t i = 0; i < r->ntiers; i++) {
		char *v = cli_fmt_int(cli, r->tiers[i].customers);
		char *label = xasprintf("  %s", r->tiers[i].name);
		cli_line(cli, 28, label, v);
		free(label);
		free(v);
	}
	fprintf(cli->out, "\n%s\n", _("Loyalty ladder"));
	for (size_t i = 0; i < ladder_nkeys; i++) {
		char *v = cli_fmt_int(cli, ladder_value(&r->ladder, &ladder_keys[i]));
		char *label = xasprintf("  %s", _(ladder_keys[i].label));
		cli_line(cli, 28, label, v);
		free(label);
		free(v);
	}
}

static int finish_csv(struct csv_out *c)
{
	struct werr e = {0};
	if (csv_out_finish(c, &e) != 0)
		return cli_fail(&e);
	return EXIT_DONE;
}

static int month_run(struct cli *cli, int argc, char **argv)
{
	const char *pos[1] = {0}, *csv = NULL;
	const struct cli_opt opts[] = {{"csv", &csv, true}, {NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, pos, 0, 1);
	if (r != 0)
		return r;
	struct werr e = {0};
	int y, m;
	struct month_report rep;
	if (store_tune_for_reading(cli->st, &e) != 0 || parse_month(cli, pos[0], &y, &m, &e) != 0 ||
	    engine_month_report(cli->st, y, m, &rep, &e) != 0)
		return cli_fail(&e);
	if (csv != NULL) {
		struct csv_out *c = csv_out_new(cli->out, CSV_UTF8, false);
		report_csv_header(c, &rep);
		report_csv_row(c, &rep, cli->shop.p.timezone);
		month_report_free(&rep);
		return finish_csv(c);
	}
	if (cli->json) {
		month_json(cli, &rep);
		json_finish(&cli->j);
	} else {
		month_text(cli, &rep);
	}
	month_report_free(&rep);
	return EXIT_DONE;
}

static int trend_run(struct cli *cli, int argc, char **argv)
{
	const char *months = NULL, *to = NULL, *csv = NULL;
	const struct cli_opt opts[] = {
		{"months", &months, false},
		{"to", &to, false},
		{"csv", &csv, true},
		{NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	struct werr e = {0};
	int64_t n = 12;
	int y, m;
	if ((months != NULL && cli_int("--months", months, 1, 120, &n, &e) != 0) ||
	    store_tune_for_reading(cli->st, &e) != 0 || parse_month(cli, to, &y, &m, &e) != 0)
		return cli_fail(&e);
	month_step(&y, &m, -(int)(n - 1));
	struct csv_out *c = csv != NULL ? csv_out_new(cli->out, CSV_UTF8, false) : NULL;
	if (c == NULL && cli->json)
		json_array_begin(&cli->j);
	for (int64_t i = 0; i < n; i++, month_step(&y, &m, 1)) {
		struct month_report rep;
		if (engine_month_report(cli->st, y, m, &rep, &e) != 0) {
			if (c != NULL)
				csv_out_finish(c, NULL);
			return cli_fail(&e);
		}
		if (c != NULL) {
			if (i == 0)
				report_csv_header(c, &rep);
			report_csv_row(c, &rep, cli->shop.p.timezone);
		} else if (cli->json) {
			month_json(cli, &rep);
		} else {
			char *title = cal_format(cli->shop.p.calendar, cli->shop.p.timezone,
						 cli->loc->lang, cli->loc->digits, rep.start,
						 DATE_MONTH_YEAR);
			char *sales = cli_fmt_int(cli, rep.sales_count);
			char *net = cli_fmt_money(cli, rep.net_revenue);
			char *rate = rep.repeat_purchase_rate.defined
					     ? fmt_percent(cli->loc, rep.repeat_purchase_rate.value)
					     : xstrdup("-");
			char *nps = rep.nps_defined ? cli_fmt_int(cli, rep.nps) : xstrdup("-");
			/* TRANSLATORS: one month of the trend: month, sales, net
			   revenue, repeat-purchase rate, NPS. */
			cli_printf(cli, _("%-16s sales %6s  net %14s  repeat %5s  NPS %4s\n"), title,
				sales, net, rate, nps);
			free(title);
			free(sales);
			free(net);
			free(rate);
			free(nps);
		}
		month_report_free(&rep);
	}
	if (c != NULL)
		return finish_csv(c);
	if (cli->json) {
		json_array_end(&cli->j);
		json_finish(&cli->j);
	}
	return EXIT_DONE;
}

/* The columns of a customer list. */
enum list_kind { LIST_AT_RISK, LIST_EXPIRING, LIST_TOP };

static void print_rows(struct cli *cli, enum list_kind kind, const struct customer_row *v,
		       size_t n, bool csv)
{
	const char *tz = cli->shop.p.timezone;
	const char *value_key = kind == LIST_TOP ? "net_revenue"
				: kind == LIST_EXPIRING ? "points"
							: "spend";
	if (csv) {
		struct csv_out *c = csv_out_new(cli->out, CSV_UTF8, false);
		const char *cols[] = {"id", "name", "phone", "last_sale", "sales", value_key,
				      "expires"};
		for (size_t i = 0; i < (kind == LIST_EXPIRING ? 7u : 6u); i++)
			csv_put(c, cols[i]);
		csv_end_row(c);
		for (size_t i = 0; i < n; i++) {
			char buf[32];
			csv_put_int(c, v[i].id);
			csv_put(c, v[i].name);
			csv_put(c, v[i].phone);
			if (v[i].last_sale_at != TIME_NONE)
				tz_format_rfc3339(tz, v[i].last_sale_at, buf);
			csv_put(c, v[i].last_sale_at != TIME_NONE ? buf : "");
			csv_put_int(c, v[i].sales_count);
			csv_put_int(c, v[i].value);
			if (kind == LIST_EXPIRING) {
				tz_format_rfc3339(tz, v[i].at, buf);
				csv_put(c, buf);
			}
			csv_end_row(c);
		}
		finish_csv(c);
		return;
	}
	if (cli->json) {
		struct json *j = &cli->j;
		json_array_begin(j);
		for (size_t i = 0; i < n; i++) {
			json_object_begin(j);
			json_kv_int(j, "id", v[i].id);
			json_kv_string(j, "name", v[i].name);
			json_kv_string(j, "phone", v[i].phone);
			json_kv_time(j, "last_sale", v[i].last_sale_at, tz);
			json_kv_int(j, "sales", v[i].sales_count);
			json_kv_int(j, value_key, v[i].value);
			if (kind == LIST_EXPIRING)
				json_kv_time(j, "expires", v[i].at, tz);
			json_object_end(j);
		}
		json_array_end(j);
		json_finish(j);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char *id = cli_fmt_int(cli, v[i].id);
		char *ph = v[i].phone != NULL ? phone_format(v[i].phone) : xstrdup("");
		char *phl = fmt_digits(cli->loc, ph);
		char *val = kind == LIST_EXPIRING ? cli_fmt_int(cli, v[i].value)
						  : cli_fmt_money(cli, v[i].value);
		char *when = cli_fmt_time(cli, kind == LIST_EXPIRING ? v[i].at : v[i].last_sale_at);
		cli_printf(cli, "%6s  %-28s %-15s %14s  %s\n", id, v[i].name, phl, val, when);
		free(id);
		free(ph);
		free(phl);
		free(val);
		free(when);
	}
	if (n == 0)
		fputs(_("Nobody on this list.\n"), cli->out);
}

static int at_risk_run(struct cli *cli, int argc, char **argv)
{
	const char *limit = NULL, *csv = NULL;
	const struct cli_opt opts[] = {
		{"limit", &limit, false}, {"csv", &csv, true}, {NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	struct werr e = {0};
	int64_t lim = 1000;
	struct customer_row *v = NULL;
	size_t n = 0;
	if ((limit != NULL && cli_int("--limit", limit, 1, 100000, &lim, &e) != 0) ||
	    engine_at_risk(cli->st, (size_t)lim, &v, &n, &e) != 0)
		return cli_fail(&e);
	print_rows(cli, LIST_AT_RISK, v, n, csv != NULL);
	customer_rows_free(v, n);
	return EXIT_DONE;
}

static int expiring_run(struct cli *cli, int argc, char **argv)
{
	const char *days = NULL, *csv = NULL;
	const struct cli_opt opts[] = {
		{"days", &days, false}, {"csv", &csv, true}, {NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	struct werr e = {0};
	int64_t d = 30;
	struct customer_row *v = NULL;
	size_t n = 0;
	if ((days != NULL && cli_int("--days", days, 0, 36500, &d, &e) != 0) ||
	    engine_expiring(cli->st, d, &v, &n, &e) != 0)
		return cli_fail(&e);
	print_rows(cli, LIST_EXPIRING, v, n, csv != NULL);
	customer_rows_free(v, n);
	return EXIT_DONE;
}

static int top_run(struct cli *cli, int argc, char **argv)
{
	const char *month = NULL, *limit = NULL, *csv = NULL;
	const struct cli_opt opts[] = {
		{"month", &month, false},
		{"limit", &limit, false},
		{"csv", &csv, true},
		{NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	struct werr e = {0};
	int64_t lim = 20;
	int y, m;
	struct customer_row *v = NULL;
	size_t n = 0;
	if ((limit != NULL && cli_int("--limit", limit, 1, 100000, &lim, &e) != 0) ||
	    parse_month(cli, month, &y, &m, &e) != 0 ||
	    engine_top(cli->st, y, m, (size_t)lim, &v, &n, &e) != 0)
		return cli_fail(&e);
	print_rows(cli, LIST_TOP, v, n, csv != NULL);
	customer_rows_free(v, n);
	return EXIT_DONE;
}

static int detractors_run(struct cli *cli, int argc, char **argv)
{
	const char *csv = NULL;
	const struct cli_opt opts[] = {{"csv", &csv, true}, {NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	return cli_print_follow_ups(cli, csv != NULL);
}

const struct cli_command cmd_report_commands[] = {
	{"report", "month", month_run, NEEDS_SHOP, N_("report month [YYYY-MM] [--csv]"),
	 N_("the month's loyalty figures, in the shop's calendar (default: this month)")},
	{"report", "trend", trend_run, NEEDS_SHOP,
	 N_("report trend [--months N] [--to YYYY-MM] [--csv]"),
	 N_("the same figures for N consecutive months")},
	{"report", "at-risk", at_risk_run, NEEDS_SHOP, N_("report at-risk [--limit N] [--csv]"),
	 N_("active customers close to lapsing")},
	{"report", "expiring", expiring_run, NEEDS_SHOP, N_("report expiring [--days N] [--csv]"),
	 N_("customers whose points expire within N days (default 30)")},
	{"report", "top", top_run, NEEDS_SHOP,
	 N_("report top [--month YYYY-MM] [--limit N] [--csv]"),
	 N_("customers by net revenue in the month")},
	{"report", "detractors", detractors_run, NEEDS_SHOP, N_("report detractors [--csv]"),
	 N_("detractor follow-ups still open")},
	{NULL, NULL, NULL, NEEDS_NOTHING, NULL, NULL},
};
