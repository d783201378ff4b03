/* cmd_check.c -- check, backup, restore. */
#include <config.h>

#include <stdlib.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "engine/check.h"
#include "engine/staff.h"
#include "text/i18n.h"

static void report(struct cli *cli, const struct check_report *r, const char *file)
{
	if (cli->json) {
		json_object_begin(&cli->j);
		json_kv_bool(&cli->j, "ok", r->n == 0);
		if (file != NULL)
			json_kv_string(&cli->j, "file", file);
		json_key(&cli->j, "problems");
		json_array_begin(&cli->j);
		for (size_t i = 0; i < r->n; i++)
			json_string(&cli->j, r->problems[i]);
		json_array_end(&cli->j);
		json_object_end(&cli->j);
		json_finish(&cli->j);
		return;
	}
	for (size_t i = 0; i < r->n; i++)
		fprintf(cli->out, "%s\n", r->problems[i]);
	if (r->n == 0)
		fputs(_("All checks passed.\n"), cli->out);
	else {
		char *n = cli_fmt_int(cli, (int64_t)r->n);
		fprintf(cli->out, P_("%s problem found.\n", "%s problems found.\n", r->n), n);
		free(n);
	}
}

static int check_run(struct cli *cli, int argc, char **argv)
{
	const struct cli_opt opts[] = {{NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	struct werr e = {0};
	struct check_report rep;
	if (engine_check(cli->st, &rep, &e) != 0)
		return cli_fail(&e);
	report(cli, &rep, NULL);
	int status = rep.n == 0 ? EXIT_DONE : EXIT_REFUSED;
	check_report_free(&rep);
	return status;
}

static int backup_run(struct cli *cli, int argc, char **argv)
{
	const char *pos[1] = {0};
	const struct cli_opt opts[] = {{NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	struct werr e = {0};
	if (store_backup(cli->st, pos[0], &e) != 0)
		return cli_fail(&e);
	/* Read the copy back: it must open and pass the integrity checks. */
	struct store *copy = NULL;
	struct check_report rep;
	if (store_open(pos[0], STORE_EXISTING, &copy, &e) != 0 ||
	    engine_check(copy, &rep, &e) != 0) {
		store_close(copy);
		return cli_fail(&e);
	}
	store_close(copy);
	if (!cli->json && rep.n == 0)
		fprintf(cli->out, _("Backup written to %s\n"), pos[0]);
	report(cli, &rep, pos[0]);
	int status = rep.n == 0 ? EXIT_DONE : EXIT_REFUSED;
	check_report_free(&rep);
	return status;
}

static int restore_run(struct cli *cli, int argc, char **argv)
{
	const char *pos[1] = {0};
	const struct cli_opt opts[] = {{NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	struct werr e = {0};
	int version;
	struct stat sb;
	if (stat(pos[0], &sb) != 0) {
		werr_set(&e, W_REFUSED, _("there is no file %s"), pos[0]);
		return cli_fail(&e);
	}
	if (store_probe(pos[0], &version, &e) != 0)
		return cli_fail(&e);
	if (version > store_schema_latest()) {
		char file_version[MSG_NUM_SIZE], known[MSG_NUM_SIZE];
		werr_set(&e, W_REFUSED,
			 _("%s was written by a newer wafa (schema %s; this program knows %s)"),
			 pos[0], msg_int(file_version, version),
			 msg_int(known, store_schema_latest()));
		return cli_fail(&e);
	}
	/* Restoring over a shop that has an owner is the owner's to do. */
	struct stat db;
	if (stat(cli->db_path, &db) == 0 && db.st_size > 0) {
		if (cli_open(cli, false, &e) != 0 || cli_need_owner(cli, &e) != 0)
			return cli_fail(&e);
	}
	struct actor who = {0};
	if (cli_open(cli, true, &e) != 0)
		return cli_fail(&e);
	who = *store_actor(cli->st);
	if (store_restore(cli->st, pos[0], &e) != 0)
		return cli_fail(&e);
	/* Reopen: an older backup is brought up to date on open. */
	cli_close(cli);
	struct check_report rep;
	if (cli_open(cli, false, &e) != 0 ||
	    engine_audit(cli->st, &who, "restore", pos[0], NULL, NULL, &e) != 0 ||
	    engine_check(cli->st, &rep, &e) != 0)
		return cli_fail(&e);
	if (!cli->json && rep.n == 0)
		fprintf(cli->out, _("Database restored from %s\n"), pos[0]);
	report(cli, &rep, pos[0]);
	int status = rep.n == 0 ? EXIT_DONE : EXIT_REFUSED;
	check_report_free(&rep);
	return status;
}

const struct cli_command cmd_check_commands[] = {
	{"check", NULL, check_run, NEEDS_SHOP, N_("check"),
	 N_("verify the database: integrity, references, ledger sums, stock, tier history")},
	{"backup", NULL, backup_run, NEEDS_SHOP, N_("backup FILE"),
	 N_("copy the database to FILE, safely while counters work")},
	{"restore", NULL, restore_run, NEEDS_NOTHING, N_("restore FILE"),
	 N_("replace the database with a backup (owner)")},
	{NULL, NULL, NULL, NEEDS_NOTHING, NULL, NULL},
};
