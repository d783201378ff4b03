/* cli.h -- the scriptable front end (DESIGN.md section 8).
 *
 * One file per command group (cmd_*.c), each offering a table of
 * commands; cli.c dispatches, parses the shared kinds of arguments and
 * prints errors.  Commands write their result with --json as exactly one
 * JSON document on stdout, otherwise as readable, localized text. */
#ifndef WAFA_CLI_CLI_H
#define WAFA_CLI_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cli/json.h"
#include "engine/shop.h"
#include "store/store.h"
#include "text/uilocale.h"
#include "text/werr.h"

/* Exit statuses. */
enum {
	EXIT_DONE = 0,
	EXIT_REFUSED = 1,
	EXIT_USAGE = 2,
	EXIT_DB = 3,
};

struct cli {
	const char *db_path;
	bool json;
	const char *lang_opt;          /* --lang, or NULL */
	const char *pin;               /* --pin, else $WAFA_PIN, or NULL */
	const struct ui_locale *loc;
	struct store *st;              /* open database, or NULL */
	struct shop shop;              /* loaded by cli_need_shop */
	bool has_shop;
	FILE *out;
	struct json j;
};

/* What a command needs before it runs. */
enum cli_needs {
	NEEDS_NOTHING,
	NEEDS_SHOP,   /* an open database with a shop */
	NEEDS_OWNER,  /* a shop, and the owner's PIN once an owner exists */
	CREATES_DB,   /* may create the database (init, demo) */
};

struct cli_command {
	const char *group; /* "customer" */
	const char *verb;  /* "add"; NULL for a command without verbs ("redeem") */
	int (*run)(struct cli *cli, int argc, char **argv); /* argv[0] is the verb or group */
	enum cli_needs needs;
	const char *synopsis; /* N_(): "customer add --name NAME [--phone PHONE] ..." */
	const char *summary;  /* N_(): one line */
};

/* The tables of the command groups, each ended by a row with group NULL. */
extern const struct cli_command cmd_shop_commands[];
extern const struct cli_command cmd_customer_commands[];
extern const struct cli_command cmd_purchase_commands[];
extern const struct cli_command cmd_points_commands[];
extern const struct cli_command cmd_reward_commands[];
extern const struct cli_command cmd_survey_commands[];
extern const struct cli_command cmd_demo_commands[];
extern const struct cli_command cmd_check_commands[];
extern const struct cli_command cmd_report_commands[];
extern const struct cli_command cmd_io_commands[];
extern const struct cli_command cmd_staff_commands[];

/* The open detractor follow-ups as text, JSON or CSV (`survey follow-ups`
 * and `report detractors`). */
int cli_print_follow_ups(struct cli *cli, bool csv);

/* Runs the command in argv (argv[0] is the command word); returns the
 * exit status. */
int cli_run(struct cli *cli, int argc, char **argv);
/* Prints the list of commands (wafa --help). */
void cli_print_commands(FILE *f);
void cli_close(struct cli *cli);

/* Opens the database (creating it when create) if not open yet. */
int cli_open(struct cli *cli, bool create, struct werr *e);
/* Loads the shop (opening the database) if not loaded yet. */
int cli_need_shop(struct cli *cli, struct werr *e);

/* Logs the owner in with cli->pin when an owner exists (owner-only
 * commands); refuses without a PIN. */
int cli_need_owner(struct cli *cli, struct werr *e);
/* Prints "wafa: MESSAGE" on stderr and returns the exit status of e. */
int cli_fail(const struct werr *e);
/* Prints a usage error for the command and returns EXIT_USAGE. */
int cli_usage(const struct cli_command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Prints the command's help (synopsis and summary) on stdout; returns 0. */
int cli_help(const struct cli_command *cmd);
/* The command being run (for usage messages). */
const struct cli_command *cli_current(void);

/* A command's options: "--name VALUE", "--name=VALUE", or a flag.  The
 * table ends with a row whose name is NULL. */
struct cli_opt {
	const char *name;    /* without the dashes: "amount" */
	const char **value;  /* where the text goes ("1" for a flag) */
	bool flag;           /* takes no value */
};
/* Parses argv[1..] (argv[0] is the verb): options anywhere, positionals
 * into pos[0..max_pos-1] in order, "--" ends the options.  Returns 0, or
 * prints a usage error and returns EXIT_USAGE (too few or too many
 * positionals, an unknown option, a missing value). */
int cli_parse(int argc, char **argv, const struct cli_opt *opts, const char **pos, int min_pos,
	      int max_pos);

/* Argument parsers; each returns 0 or -1 after filling e with a message
 * that names the option. */
int cli_money(const struct cli *cli, const char *opt, const char *text, int64_t *out,
	      struct werr *e);
int cli_int(const char *opt, const char *text, int64_t min, int64_t max, int64_t *out,
	    struct werr *e);
/* --at "YYYY-MM-DD[ HH:MM[:SS]]" in the shop's zone. */
int cli_time(const struct cli *cli, const char *opt, const char *text, int64_t *out,
	     struct werr *e);
/* A date YYYY-MM-DD as the instant of its local midnight; with
 * day_after, the midnight that ends it. */
int cli_date(const struct cli *cli, const char *opt, const char *text, bool day_after,
	     int64_t *out, struct werr *e);
/* A customer REF. */
int cli_customer(struct cli *cli, const char *ref, int64_t *id, struct werr *e);

/* Text output: formatted numbers in the UI's digits (new strings). */
char *cli_fmt_money(const struct cli *cli, int64_t minor);
char *cli_fmt_int(const struct cli *cli, int64_t n);
/* "2026-11-22 10:42" in the shop's calendar and zone, UI digits. */
char *cli_fmt_time(const struct cli *cli, int64_t t);
/* Prints "label: value" lines with the labels aligned to `width` columns. */
void cli_line(const struct cli *cli, int width, const char *label, const char *value);

/* Writes s to f padded with spaces to `width` terminal columns
 * (utf8_width, not bytes: an Arabic letter is two bytes and one column, a
 * harakah none): after s when width is negative (text columns, like
 * printf's "%-28s"), before it when positive (numbers, "%6s").  Text
 * wider than the column is written whole. */
void cli_pad(FILE *f, const char *s, int width);
/* fprintf(cli->out, fmt, ...) for the text lists, where every argument
 * is a string (numbers are formatted first, in the UI's digits): the
 * field widths of "%-28s", "%6s" and "%2$-16s" count columns, as
 * cli_pad does.  fmt may be translated; it holds only %s conversions
 * (with an optional argument position, "-" and width) and "%%". */
void cli_printf(const struct cli *cli, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
