/* cmd_staff.c -- staff add|list|disable, audit. */
#include <config.h>

#include <stdlib.h>

#include "cli/cli.h"
#include "engine/staff.h"
#include "store/staff.h"
#include "text/i18n.h"
#include "text/xalloc.h"

static int add_run(struct cli *cli, int argc, char **argv)
{
	const char *name = NULL, *role = NULL, *pin = NULL;
	const struct cli_opt opts[] = {
		{"name", &name, false},
		{"role", &role, false},
		{"pin", &pin, false},
		{NULL, NULL, false},
	};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	if (name == NULL || role == NULL || pin == NULL)
		return cli_usage(cli_current(), _("staff add needs --name, --role and --pin"));
	struct werr e = {0};
	int64_t id;
	if (cli_need_owner(cli, &e) != 0 || engine_staff_add(cli->st, name, role, pin, &id, &e) != 0)
		return cli_fail(&e);
	if (cli->json) {
		json_object_begin(&cli->j);
		json_kv_int(&cli->j, "id", id);
		json_kv_string(&cli->j, "name", name);
		json_kv_string(&cli->j, "role", role);
		json_object_end(&cli->j);
		json_finish(&cli->j);
	} else {
		char *n = cli_fmt_int(cli, id);
		fprintf(cli->out, _("Staff member %s added: %s\n"), n, name);
		free(n);
	}
	return EXIT_DONE;
}

static int list_run(struct cli *cli, int argc, char **argv)
{
	const struct cli_opt opts[] = {{NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	struct werr e = {0};
	struct staff_member *v = NULL;
	size_t n = 0;
	if (staff_list(cli->st, NULL, false, &v, &n, &e) != 0)
		return cli_fail(&e);
	if (cli->json)
		json_array_begin(&cli->j);
	for (size_t i = 0; i < n; i++) {
		/* Never the PIN's hash. */
		if (cli->json) {
			json_object_begin(&cli->j);
			json_kv_int(&cli->j, "id", v[i].id);
			json_kv_string(&cli->j, "name", v[i].name);
			json_kv_string(&cli->j, "role", v[i].role);
			json_kv_bool(&cli->j, "active", v[i].active);
			json_object_end(&cli->j);
			continue;
		}
		char *id = cli_fmt_int(cli, v[i].id);
		cli_printf(cli, "%4s  %-24s %-6s %s\n", id, v[i].name, v[i].role,
			v[i].active ? "" : _("disabled"));
		free(id);
	}
	if (cli->json) {
		json_array_end(&cli->j);
		json_finish(&cli->j);
	} else if (n == 0) {
		fputs(_("No staff yet: the shop asks for no PIN.\n"), cli->out);
	}
	staff_free(v, n);
	return EXIT_DONE;
}

static int disable_run(struct cli *cli, int argc, char **argv)
{
	const char *pos[1] = {0};
	const struct cli_opt opts[] = {{NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, pos, 1, 1);
	if (r != 0)
		return r;
	struct werr e = {0};
	int64_t id;
	if (cli_int(_("staff member"), pos[0], 1, INT64_MAX, &id, &e) != 0 ||
	    engine_staff_disable(cli->st, id, &e) != 0)
		return cli_fail(&e);
	if (cli->json) {
		json_object_begin(&cli->j);
		json_kv_int(&cli->j, "id", id);
		json_kv_bool(&cli->j, "active", false);
		json_object_end(&cli->j);
		json_finish(&cli->j);
	} else {
		fputs(_("Staff member disabled.\n"), cli->out);
	}
	return EXIT_DONE;
}

static int audit_run(struct cli *cli, int argc, char **argv)
{
	const char *limit = NULL;
	const struct cli_opt opts[] = {{"limit", &limit, false}, {NULL, NULL, false}};
	int r = cli_parse(argc, argv, opts, NULL, 0, 0);
	if (r != 0)
		return r;
	struct werr e = {0};
	int64_t lim = 1000;
	struct audit_row *v = NULL;
	size_t n = 0;
	if ((limit != NULL && cli_int("--limit", limit, 1, 1000000, &lim, &e) != 0) ||
	    audit_list(cli->st, 0, (size_t)lim, &v, &n, &e) != 0)
		return cli_fail(&e);
	const char *tz = cli->shop.p.timezone;
	if (cli->json)
		json_array_begin(&cli->j);
	for (size_t i = 0; i < n; i++) {
		if (cli->json) {
			struct json *j = &cli->j;
			json_object_begin(j);
			json_kv_int(j, "id", v[i].id);
			json_kv_time(j, "at", v[i].at, tz);
			json_key(j, "staff_id");
			if (v[i].staff_id > 0)
				json_int(j, v[i].staff_id);
			else
				json_null(j);
			json_kv_string(j, "who", v[i].who);
			json_kv_string(j, "action", v[i].action);
			json_kv_string(j, "subject", v[i].subject);
			json_kv_string(j, "before", v[i].before);
			json_kv_string(j, "after", v[i].after);
			json_object_end(j);
			continue;
		}
		char *when = cli_fmt_time(cli, v[i].at);
		cli_printf(cli, "%s  %-12s %-20s %s: %s -> %s\n", when,
			v[i].who != NULL && *v[i].who ? v[i].who : "-", v[i].action,
			v[i].subject != NULL ? v[i].subject : "", v[i].before != NULL ? v[i].before : "",
			v[i].after != NULL ? v[i].after : "");
		free(when);
	}
	if (cli->json) {
		json_array_end(&cli->j);
		json_finish(&cli->j);
	} else if (n == 0) {
		fputs(_("The audit trail is empty.\n"), cli->out);
	}
	audit_rows_free(v, n);
	return EXIT_DONE;
}

const struct cli_command cmd_staff_commands[] = {
	{"staff", "add", add_run, NEEDS_SHOP,
	 N_("staff add --name NAME --role owner|staff --pin PIN"),
	 N_("add an owner or a staff member with a PIN (owner, once there is one: give the "
	    "owner's PIN in WAFA_PIN)")},
	{"staff", "list", list_run, NEEDS_SHOP, N_("staff list"), N_("the staff and their roles")},
	{"staff", "disable", disable_run, NEEDS_OWNER, N_("staff disable ID"),
	 N_("stop a staff member's PIN from working (owner)")},
	{"audit", NULL, audit_run, NEEDS_SHOP, N_("audit [--limit N]"),
	 N_("owner-only actions and points adjustments, newest first")},
	{NULL, NULL, NULL, NEEDS_NOTHING, NULL, NULL},
};
