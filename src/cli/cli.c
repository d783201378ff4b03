/* cli.c -- dispatch, argument parsing and errors of the command line. */
#include <config.h>

#include "cli/cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "engine/customer.h"
#include "engine/staff.h"
#include "text/calendar.h"
#include "text/digits.h"
#include "text/i18n.h"
#include "text/money.h"
#include "text/tz.h"
#include "text/utf8.h"
#include "text/xalloc.h"

static const struct cli_command *const *groups(void)
{
	static const struct cli_command *const all[] = {
		cmd_shop_commands,   cmd_customer_commands, cmd_purchase_commands,
		cmd_points_commands, cmd_reward_commands,   cmd_survey_commands,
		cmd_demo_commands,   cmd_check_commands,    cmd_report_commands,
		cmd_io_commands,     cmd_staff_commands,    NULL,
	};
	return all;
}

static const struct cli_command *current;

const struct cli_command *cli_current(void)
{
	return current;
}

void cli_print_commands(FILE *f)
{
	for (const struct cli_command *const *g = groups(); *g != NULL; g++)
		for (const struct cli_command *c = *g; c->group != NULL; c++)
			fprintf(f, "  %s\n      %s\n", _(c->synopsis), _(c->summary));
}

int cli_fail(const struct werr *e)
{
	fprintf(stderr, "wafa: %s\n", e->msg[0] ? e->msg : _("failed"));
	switch (e->status) {
	case W_USAGE:
		return EXIT_USAGE;
	case W_DB:
		return EXIT_DB;
	case W_DONE:
	case W_AUTH:
	case W_REFUSED:
	default:
		return EXIT_REFUSED;
	}
}

int cli_usage(const struct cli_command *cmd, const char *fmt, ...)
{
	va_list ap;
	fputs("wafa: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (cmd != NULL) {
		char name[64];
		snprintf(name, sizeof name, "%s%s%s", cmd->group, cmd->verb ? " " : "",
			 cmd->verb ? cmd->verb : "");
		/* TRANSLATORS: after a usage error; %s is a command such as
		   "purchase add". */
		fprintf(stderr, _(" (see \"wafa %s --help\")"), name);
	}
	fputc('\n', stderr);
	return EXIT_USAGE;
}

int cli_help(const struct cli_command *cmd)
{
	printf(_("usage: wafa %s\n"), _(cmd->synopsis));
	printf("%s\n", _(cmd->summary));
	return EXIT_DONE;
}

int cli_open(struct cli *cli, bool create, struct werr *e)
{
	if (cli->st != NULL)
		return 0;
	return store_open(cli->db_path, create ? STORE_CREATE : STORE_EXISTING, &cli->st, e);
}

int cli_need_shop(struct cli *cli, struct werr *e)
{
	if (cli->has_shop)
		return 0;
	if (cli_open(cli, false, e) != 0 || shop_load(cli->st, &cli->shop, e) != 0)
		return -1;
	cli->has_shop = true;
	return 0;
}

int cli_need_owner(struct cli *cli, struct werr *e)
{
	int has = owner_exists(cli->st, e);
	if (has < 0)
		return -1;
	if (has == 0)
		return 0;
	if (cli->pin == NULL || *cli->pin == '\0')
		return werr_set(e, W_AUTH, _("this needs the owner's PIN (--pin or WAFA_PIN)"));
	return staff_login(cli->st, "owner", cli->pin, e);
}

void cli_close(struct cli *cli)
{
	if (cli->has_shop)
		shop_free(&cli->shop);
	cli->has_shop = false;
	store_close(cli->st);
	cli->st = NULL;
}

/* The verbs of a group, for the message about a missing one. */
static void list_verbs(const struct cli_command *g, const char *group, char *buf, size_t n)
{
	buf[0] = '\0';
	for (const struct cli_command *c = g; c->group != NULL; c++) {
		if (strcmp(c->group, group) != 0 || c->verb == NULL)
			continue;
		size_t len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s", len ? ", " : "", c->verb);
	}
}

int cli_run(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *found = NULL, *plain = NULL, *group_table = NULL;
	for (const struct cli_command *const *g = groups(); *g != NULL && found == NULL; g++) {
		for (const struct cli_command *c = *g; c->group != NULL; c++) {
			if (strcmp(c->group, argv[0]) != 0)
				continue;
			group_table = *g;
			if (c->verb == NULL)
				plain = c;
			else if (argc > 1 && strcmp(c->verb, argv[1]) == 0) {
				found = c;
				break;
			}
		}
	}
	int sub_argc = argc - 1;
	char **sub_argv = argv + 1;
	if (found == NULL && plain != NULL) {
		found = plain;
		sub_argc = argc;
		sub_argv = argv;
	}
	if (found == NULL) {
		if (group_table == NULL)
			return cli_usage(NULL, _("unknown command \"%s\" (see \"wafa --help\")"),
					 argv[0]);
		char verbs[256];
		list_verbs(group_table, argv[0], verbs, sizeof verbs);
		return cli_usage(NULL, _("%s: say what to do: %s"), argv[0], verbs);
	}
	current = found;
	/* --help needs nothing else. */
	for (int i = 1; i < sub_argc; i++) {
		if (strcmp(sub_argv[i], "--") == 0)
			break;
		if (strcmp(sub_argv[i], "--help") == 0)
			return cli_help(found);
	}
	struct werr e = {0};
	if ((found->needs == NEEDS_SHOP || found->needs == NEEDS_OWNER) &&
	    cli_need_shop(cli, &e) != 0)
		return cli_fail(&e);
	if (found->needs == NEEDS_OWNER && cli_need_owner(cli, &e) != 0)
		return cli_fail(&e);
	if (cli->json)
		json_init(&cli->j, cli->out);
	return found->run(cli, sub_argc, sub_argv);
}

int cli_parse(int argc, char **argv, const struct cli_opt *opts, const char **pos, int min_pos,
	      int max_pos)
{
	int npos = 0;
	bool options = true;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (options && strcmp(a, "--") == 0) {
			options = false;
			continue;
		}
		if (options && a[0] == '-' && a[1] == '-' && a[2] != '\0') {
			const char *name = a + 2;
			const char *eq = strchr(name, '=');
			size_t len = eq != NULL ? (size_t)(eq - name) : strlen(name);
			const struct cli_opt *o = opts;
			while (o != NULL && o->name != NULL &&
			       !(strlen(o->name) == len && strncmp(o->name, name, len) == 0))
				o++;
			if (o == NULL || o->name == NULL)
				return cli_usage(current, _("unknown option --%.*s"), (int)len, name);
			if (o->flag) {
				if (eq != NULL)
					return cli_usage(current, _("--%s takes no value"), o->name);
				*o->value = "1";
			} else if (eq != NULL) {
				*o->value = eq + 1;
			} else if (i + 1 < argc) {
				*o->value = argv[++i];
			} else {
				return cli_usage(current, _("--%s needs a value"), o->name);
			}
			continue;
		}
		if (npos >= max_pos)
			return cli_usage(current, _("unexpected argument \"%s\""), a);
		pos[npos++] = a;
	}
	if (npos < min_pos)
		return cli_usage(current, _("missing argument"));
	return 0;
}

int cli_money(const struct cli *cli, const char *opt, const char *text, int64_t *out,
	      struct werr *e)
{
	int dec = cli->has_shop ? cli->shop.p.decimals : 0;
	enum money_error me = money_parse(text, dec, out);
	if (me != MONEY_OK)
		return werr_set(e, W_REFUSED, "%s: %s", opt, money_strerror(me));
	return 0;
}

int cli_int(const char *opt, const char *text, int64_t min, int64_t max, int64_t *out,
	    struct werr *e)
{
	char *ascii = digits_to_ascii(text);
	char *t = utf8_trim(ascii != NULL ? ascii : "");
	free(ascii);
	const char *p = t;
	bool neg = false;
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	size_t n = strlen(p);
	int r = 0;
	if (n == 0 || n > 18 || strspn(p, "0123456789") != n) {
		r = werr_set(e, W_REFUSED, _("%s: give a whole number"), opt);
	} else {
		int64_t v = strtoll(p, NULL, 10);
		if (neg)
			v = -v;
		char lo[MSG_NUM_SIZE], hi[MSG_NUM_SIZE];
		if (v < min || v > max)
			r = werr_set(e, W_REFUSED, _("%s: must be from %s to %s"), opt,
				     msg_int(lo, min), msg_int(hi, max));
		else
			*out = v;
	}
	free(t);
	return r;
}

int cli_time(const struct cli *cli, const char *opt, const char *text, int64_t *out,
	     struct werr *e)
{
	enum time_error te = time_parse_local(text, cli->shop.p.timezone, out);
	if (te != TIME_OK)
		return werr_set(e, W_REFUSED, "%s: %s", opt, time_strerror(te));
	return 0;
}

int cli_date(const struct cli *cli, const char *opt, const char *text, bool day_after,
	     int64_t *out, struct werr *e)
{
	int y, m, d;
	enum time_error te = date_parse(text, &y, &m, &d);
	if (te != TIME_OK)
		return werr_set(e, W_REFUSED, "%s: %s", opt, time_strerror(te));
	if (day_after && !civil_date_valid(y, m, ++d)) {
		d = 1;
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	struct civil c = {.year = y, .month = m, .day = d};
	if (tz_local_to_utc(cli->shop.p.timezone, &c, out) != 0)
		return werr_set(e, W_REFUSED, "%s: %s", opt, time_strerror(TIME_IMPOSSIBLE));
	return 0;
}

int cli_customer(struct cli *cli, const char *ref, int64_t *id, struct werr *e)
{
	return customer_resolve(cli->st, &cli->shop, ref, id, e);
}

char *cli_fmt_money(const struct cli *cli, int64_t minor)
{
	return fmt_money(cli->loc, minor, cli->shop.p.decimals);
}

char *cli_fmt_int(const struct cli *cli, int64_t n)
{
	return fmt_int(cli->loc, n);
}

char *cli_fmt_time(const struct cli *cli, int64_t t)
{
	if (t == TIME_NONE)
		return xstrdup("-");
	char *s = cal_format(cli->shop.p.calendar, cli->shop.p.timezone, cli->loc->lang,
			     cli->loc->digits, t, DATE_DAY_TIME);
	return s != NULL ? s : xasprintf("@%lld", (long long)t);
}

void cli_line(const struct cli *cli, int width, const char *label, const char *value)
{
	cli_pad(cli->out, label, -width);
	fprintf(cli->out, " %s\n", value != NULL ? value : "");
}

void cli_pad(FILE *f, const char *s, int width)
{
	size_t cols = (size_t)(width < 0 ? -(long)width : width);
	size_t w = utf8_width(s);
	if (width < 0)
		fputs(s, f);
	for (; w < cols; w++)
		fputc(' ', f);
	if (width >= 0)
		fputs(s, f);
}

/* The conversions cli_printf takes: at most this many arguments. */
#define PRINTF_MAX_ARGS 16

/* One conversion at fmt (just after its '%'): "%s", "%-28s", "%2$6s".
 * Fills *pos (1-based, 0 when not given), *width (negative for "-") and
 * returns the bytes up to and including the 's', or 0 when fmt holds
 * something else. */
static size_t parse_conversion(const char *fmt, int *pos, int *width)
{
	const char *p = fmt;
	bool left = false;
	int n = 0;
	*pos = 0;
	*width = 0;
	while (*p >= '0' && *p <= '9' && n < 1000)
		n = n * 10 + (*p++ - '0');
	if (*p == '$' && p != fmt) {
		*pos = n;
		n = 0;
		p++;
	} else {
		p = fmt;
		n = 0;
	}
	while (*p == '-') {
		left = true;
		p++;
	}
	while (*p >= '0' && *p <= '9' && n < 1000)
		n = n * 10 + (*p++ - '0');
	if (*p != 's' || *pos > PRINTF_MAX_ARGS)
		return 0;
	*width = left ? -n : n;
	return (size_t)(p + 1 - fmt);
}

void cli_printf(const struct cli *cli, const char *fmt, ...)
{
	/* Count the arguments first (the highest position, or the number of
	 * conversions), then take them all as strings. */
	int nargs = 0, next = 0;
	for (const char *p = fmt; (p = strchr(p, '%')) != NULL;) {
		int pos, width;
		size_t n = p[1] == '%' ? 0 : parse_conversion(p + 1, &pos, &width);
		if (p[1] == '%') {
			p += 2;
			continue;
		}
		if (n == 0) {
			p++;
			continue;
		}
		int at = pos > 0 ? pos : ++next;
		if (at > nargs && at <= PRINTF_MAX_ARGS)
			nargs = at;
		p += 1 + n;
	}
	const char *args[PRINTF_MAX_ARGS] = {0};
	va_list ap;
	va_start(ap, fmt);
	for (int k = 0; k < nargs; k++)
		args[k] = va_arg(ap, const char *);
	va_end(ap);

	next = 0;
	for (const char *p = fmt; *p != '\0';) {
		const char *pct = strchr(p, '%');
		if (pct == NULL) {
			fputs(p, cli->out);
			break;
		}
		fwrite(p, 1, (size_t)(pct - p), cli->out);
		if (pct[1] == '%') {
			fputc('%', cli->out);
			p = pct + 2;
			continue;
		}
		int pos, width;
		size_t n = parse_conversion(pct + 1, &pos, &width);
		int at = n == 0 ? 0 : pos > 0 ? pos : ++next;
		if (at < 1 || at > nargs) {
			/* Not a conversion this function knows: print it as it is. */
			fputc('%', cli->out);
			p = pct + 1;
			continue;
		}
		cli_pad(cli->out, args[at - 1] != NULL ? args[at - 1] : "(null)", width);
		p = pct + 1 + n;
	}
}
