/* cmd_io.c -- import customers|purchases, export customers|purchases|report. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "engine/importer.h"
#include "engine/metrics.h"
#include "engine/report_csv.h"
#include "store/customers.h"
#include "store/sales.h"
#include "text/calendar.h"
#include "text/csv.h"
#include "text/i18n.h"
#include "text/money.h"
#include "text/tz.h"
#include "text/xalloc.h"

static void progress(void *ctx, size_t done, size_t total)
{
	(void)ctx;
	if (!isatty(STDERR_FILENO))
		return;
	char d[MSG_NUM_SIZE], t[MSG_NUM_SIZE];
	fputc('\r', stderr);
	if (total > 0)
		fprintf(stderr, P_("%s of %s row", "%s of %s rows", total), msg_int(d, (int64_t)done),
			msg_int(t, (int64_t)total));
	else
		fprintf(stderr, P_("%s row", "%s rows", done), msg_int(d, (int64_t)done));
	if (total > 0 && done == total)
		fputc('\n', stderr);
}

static int import_run(struct cli *cli, int argc, char **argv, bool purchases)
{
	const char *pos[1] = {0}, *encoding = NULL, *dry = NULL;
	const struct cli_opt opts[] = {
		{"encoding", &encoding, false},
		{"dry-run", &dry, true},
		{NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	struct werr e = {0};
	enum csv_encoding enc = CSV_AUTO;
	if (encoding != NULL && csv_encoding_parse(encoding, &enc) != 0) {
		werr_set(&e, W_REFUSED, _("--encoding: auto, utf-8 or cp1256"));
		return cli_fail(&e);
	}
	struct import_result res;
	int rc = purchases
			 ? engine_import_purchases(cli->st, pos[0], enc, dry != NULL, progress, NULL,
						   &res, &e)
			 : engine_import_customers(cli->st, pos[0], enc, dry != NULL, progress, NULL,
						   &res, &e);
	if (rc != 0)
		return cli_fail(&e);
	if (cli->json) {
		struct json *j = &cli->j;
		json_object_begin(j);
		json_kv_int(j, "rows", (int64_t)res.rows);
		json_kv_int(j, "imported", (int64_t)res.imported);
		json_kv_bool(j, "dry_run", dry != NULL);
		json_kv_string(j, "encoding", res.encoding == CSV_CP1256 ? "cp1256" : "utf-8");
		json_key(j, "rejected");
		json_array_begin(j);
		for (size_t i = 0; i < res.nrejected; i++) {
			json_object_begin(j);
			json_kv_int(j, "line", (int64_t)res.rejected[i].line);
			json_kv_string(j, "error", res.rejected[i].message);
			json_object_end(j);
		}
		json_array_end(j);
		json_object_end(j);
		json_finish(j);
	} else {
		for (size_t i = 0; i < res.nrejected; i++) {
			char *line = cli_fmt_int(cli, (int64_t)res.rejected[i].line);
			fprintf(cli->out, _("line %s: %s\n"), line, res.rejected[i].message);
			free(line);
		}
		char *rows = cli_fmt_int(cli, (int64_t)res.rows);
		char *ok = cli_fmt_int(cli, (int64_t)(dry ? res.accepted : res.imported));
		if (dry != NULL)
			fprintf(cli->out, P_("Dry run: %s of %s row would be imported.\n",
					     "Dry run: %s of %s rows would be imported.\n", res.rows),
				ok, rows);
		else
			fprintf(cli->out, P_("%s of %s row imported.\n", "%s of %s rows imported.\n",
					     res.rows),
				ok, rows);
		free(rows);
		free(ok);
	}
	int status = EXIT_DONE;
	if (res.nrejected > 0) {
		char *n = cli_fmt_int(cli, (int64_t)res.nrejected);
		fprintf(stderr,
			P_("wafa: %s line was rejected; nothing was imported\n",
			   "wafa: %s lines were rejected; nothing was imported\n", res.nrejected),
			n);
		free(n);
		status = EXIT_REFUSED;
	}
	import_result_free(&res);
	return status;
}

static int import_customers_run(struct cli *cli, int argc, char **argv)
{
	return import_run(cli, argc, argv, false);
}

static int import_purchases_run(struct cli *cli, int argc, char **argv)
{
	return import_run(cli, argc, argv, true);
}

/* The file an export writes, created new (mode 0600: it holds personal
 * data) -- an existing file is not overwritten. */
static FILE *create_output(const char *path, struct werr *e)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		werr_set(e, W_REFUSED, _("cannot create %s: %s"), path, strerror(errno));
		return NULL;
	}
	FILE *f = fdopen(fd, "w");
	if (f == NULL)
		close(fd);
	return f;
}

struct export {
	struct cli *cli;
	struct csv_out *csv;
	int64_t rows;
};

static int export_customer(void *ctx, const struct customer *c)
{
	struct export *x = ctx;
	char at[32];
	struct civil l;
	tz_utc_to_local(x->cli->shop.p.timezone, c->enrolled_at, &l, NULL);
	snprintf(at, sizeof at, "%04d-%02d-%02d %02d:%02d:%02d", l.year, l.month, l.day, l.hour,
		 l.min, l.sec);
	csv_put(x->csv, c->name);
	csv_put(x->csv, c->external_id);
	csv_put(x->csv, c->phone);
	csv_put(x->csv, c->email);
	csv_put(x->csv, c->birthday);
	csv_put(x->csv, at);
	csv_put(x->csv, c->note);
	csv_end_row(x->csv);
	x->rows++;
	return 0;
}

static int export_sale(void *ctx, const struct sale *s, const char *external_id)
{
	struct export *x = ctx;
	char ref[64], at[32];
	struct civil l;
	if (external_id != NULL)
		snprintf(ref, sizeof ref, "ext:%s", external_id);
	else
		snprintf(ref, sizeof ref, "%lld", (long long)s->customer_id);
	tz_utc_to_local(x->cli->shop.p.timezone, s->at, &l, NULL);
	snprintf(at, sizeof at, "%04d-%02d-%02d %02d:%02d:%02d", l.year, l.month, l.day, l.hour,
		 l.min, l.sec);
	char *amount = money_format_plain(s->amount, x->cli->shop.p.decimals);
	csv_put(x->csv, ref);
	csv_put(x->csv, at);
	csv_put(x->csv, amount);
	csv_put_int(x->csv, s->points_paid);
	csv_put(x->csv, s->note);
	csv_end_row(x->csv);
	free(amount);
	x->rows++;
	return 0;
}

static int export_run(struct cli *cli, int argc, char **argv, int what)
{
	const char *pos[1] = {0}, *encoding = NULL, *month = NULL, *months = NULL;
	const struct cli_opt opts[] = {
		{"encoding", &encoding, false},
		{"month", &month, false},
		{"months", &months, false},
		{NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	struct werr e = {0};
	enum csv_encoding enc = CSV_UTF8;
	if (encoding != NULL && (csv_encoding_parse(encoding, &enc) != 0 || enc == CSV_AUTO)) {
		werr_set(&e, W_REFUSED, _("--encoding: utf-8 or cp1256"));
		return cli_fail(&e);
	}
	int64_t n = 12;
	int y = 0, m = 0;
	if (what == 2) {
		if (months != NULL && cli_int("--months", months, 1, 120, &n, &e) != 0)
			return cli_fail(&e);
		if (month != NULL ? month_parse(month, &y, &m) != 0
				  : engine_current_month(cli->st, &y, &m, &e) != 0) {
			if (month != NULL)
				werr_set(&e, W_REFUSED, _("--month: give YYYY-MM in the shop's calendar"));
			return cli_fail(&e);
		}
	}
	FILE *f = create_output(pos[0], &e);
	if (f == NULL)
		return cli_fail(&e);
	struct export x = {cli, csv_out_new(f, enc, true), 0};
	int rc = 0;
	if (what == 0) {
		const char *cols[] = {"name", "external_id", "phone", "email", "birthday",
				      "enrolled_at", "note"};
		for (size_t i = 0; i < 7; i++)
			csv_put(x.csv, cols[i]);
		csv_end_row(x.csv);
		rc = customers_each(cli->st, export_customer, &x, &e);
	} else if (what == 1) {
		const char *cols[] = {"customer", "at", "amount", "redeem_points", "note"};
		for (size_t i = 0; i < 5; i++)
			csv_put(x.csv, cols[i]);
		csv_end_row(x.csv);
		rc = sales_each(cli->st, export_sale, &x, &e);
	} else {
		month_step(&y, &m, -(int)(n - 1));
		for (int64_t i = 0; i < n && rc == 0; i++, month_step(&y, &m, 1)) {
			struct month_report rep;
			if (engine_month_report(cli->st, y, m, &rep, &e) != 0) {
				rc = -1;
				break;
			}
			if (i == 0)
				report_csv_header(x.csv, &rep);
			report_csv_row(x.csv, &rep, cli->shop.p.timezone);
			month_report_free(&rep);
			x.rows++;
		}
	}
	int fin = csv_out_finish(x.csv, rc == 0 ? &e : NULL);
	if (fclose(f) != 0 && rc == 0 && fin == 0)
		rc = werr_set(&e, W_REFUSED, _("cannot write %s"), pos[0]);
	if (rc != 0 || fin != 0) {
		unlink(pos[0]);
		return cli_fail(&e);
	}
	if (cli->json) {
		json_object_begin(&cli->j);
		json_kv_int(&cli->j, "rows", x.rows);
		json_kv_string(&cli->j, "file", pos[0]);
		json_object_end(&cli->j);
		json_finish(&cli->j);
	} else {
		char *rows = cli_fmt_int(cli, x.rows);
		fprintf(cli->out, P_("%s row written to %s\n", "%s rows written to %s\n", x.rows),
			rows, pos[0]);
		free(rows);
	}
	return EXIT_DONE;
}

static int export_customers_run(struct cli *cli, int argc, char **argv)
{
	return export_run(cli, argc, argv, 0);
}

static int export_purchases_run(struct cli *cli, int argc, char **argv)
{
	return export_run(cli, argc, argv, 1);
}

static int export_report_run(struct cli *cli, int argc, char **argv)
{
	return export_run(cli, argc, argv, 2);
}

const struct cli_command cmd_io_commands[] = {
	{"import", "customers", import_customers_run, NEEDS_SHOP,
	 N_("import customers FILE [--encoding auto|utf-8|cp1256] [--dry-run]"),
	 N_("enrol customers from a CSV file (all or nothing)")},
	{"import", "purchases", import_purchases_run, NEEDS_SHOP,
	 N_("import purchases FILE [--encoding auto|utf-8|cp1256] [--dry-run]"),
	 N_("record purchases from a CSV file, in time order (all or nothing)")},
	{"export", "customers", export_customers_run, NEEDS_SHOP,
	 N_("export customers FILE [--encoding utf-8|cp1256]"),
	 N_("write the customers to a CSV file that imports back")},
	{"export", "purchases", export_purchases_run, NEEDS_SHOP,
	 N_("export purchases FILE [--encoding utf-8|cp1256]"),
	 N_("write the purchases to a CSV file that imports back")},
	{"export", "report", export_report_run, NEEDS_SHOP,
	 N_("export report FILE [--month YYYY-MM] [--months N] [--encoding utf-8|cp1256]"),
	 N_("write the monthly figures of N months (default 12) to a CSV file")},
	{NULL, NULL, NULL, NEEDS_NOTHING, NULL, NULL},
};
