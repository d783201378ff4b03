/* main.c -- option parsing; runs the command line or the curses front end.
 *
 * wafa [--db PATH] [--json] [--lang LL] COMMAND ...
 * Global options come before COMMAND; parsing stops at the command word.
 * Without a command, wafa opens the curses front end. */
#include <config.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "store/settings.h"
#include "store/store.h"
#include "text/i18n.h"
#include "text/uilocale.h"
#include "text/xalloc.h"
#include "tui/app.h"

static void usage(FILE *f)
{
	fprintf(f, _("Usage: wafa [--db PATH] [--json] [--lang en|fa|ar] [COMMAND ...]\n"));
	fputs(_("A loyalty program and customer register for the shop counter.\n"
		"Without a command, wafa opens the counter screens.\n\n"),
	      f);
	fputs(_("Options:\n"
		"  --db PATH     the shop database (default: $WAFA_DB, else\n"
		"                $XDG_DATA_HOME/wafa/wafa.db)\n"
		"  --json        print results as JSON\n"
		"  --lang LL     language of the screens and messages: en, fa or ar\n"
		"  --pin PIN     the owner's PIN for owner-only commands (or $WAFA_PIN)\n"
		"  --help        show this help and exit\n"
		"  --version     show the version and exit\n\n"),
	      f);
	fputs(_("Commands:\n"), f);
	cli_print_commands(f);
	fprintf(f, _("\nReport bugs to: %s\n"), PACKAGE_BUGREPORT);
}

static void version(void)
{
	printf("wafa %s\n", PACKAGE_VERSION);
	puts("Copyright (C) 2026 The wafa authors.");
	puts(_("License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
	       "This is free software: you are free to change and redistribute it.\n"
	       "There is NO WARRANTY, to the extent permitted by law."));
}

/* --db, else $WAFA_DB, else $XDG_DATA_HOME/wafa/wafa.db, else
 * ~/.local/share/wafa/wafa.db.  The caller frees it. */
static char *database_path(const char *opt)
{
	if (opt != NULL && *opt != '\0')
		return xstrdup(opt);
	const char *env = getenv("WAFA_DB");
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/wafa/wafa.db", xdg);
	const char *home = getenv("HOME");
	return xasprintf("%s/.local/share/wafa/wafa.db", home != NULL ? home : ".");
}

/* The shop's language and digits settings, when its database exists and
 * is a wafa database.  Read through a read-only peek (store_open's
 * STORE_PEEK), so that help and usage messages, which are printed in this
 * language, never create, migrate or write the file. */
static void read_language_settings(const char *db_path, char **lang, char **digits)
{
	struct stat sb;
	*lang = *digits = NULL;
	if (stat(db_path, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size == 0)
		return;
	struct werr e = {0};
	struct store *st = NULL;
	if (store_open(db_path, STORE_PEEK, &st, &e) != 0)
		return;
	if (settings_get(st, "lang", lang, &e) < 0)
		*lang = NULL;
	if (settings_get(st, "digits", digits, &e) < 0)
		*digits = NULL;
	store_close(st);
}

/* What the global options ask for besides running a command: the first
 * of --help, --version or a usage error wins (as GNU programs stop at
 * it), but the options after it are still read for --lang and --db, so
 * that its text comes in the language the rest would have used. */
enum early_exit {
	RUN,
	SHOW_HELP,
	SHOW_VERSION,
	BAD_OPTION,    /* unknown option: `early_arg` */
	MISSING_VALUE, /* an option without its value: `early_arg` */
};

int main(int argc, char **argv)
{
	const char *db_opt = NULL, *lang_opt = NULL, *early_arg = NULL;
	enum early_exit early = RUN;
	bool json = false;
	struct ui_locale loc;
	int i = 1;

	const char *pin = getenv("WAFA_PIN");
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (a[0] != '-')
			break;
		enum early_exit ask = RUN;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			ask = SHOW_HELP;
		} else if (strcmp(a, "--version") == 0) {
			ask = SHOW_VERSION;
		} else if (strcmp(a, "--json") == 0) {
			json = true;
		} else if (strncmp(a, "--pin=", 6) == 0) {
			pin = a + 6;
		} else if (strcmp(a, "--db") == 0 || strcmp(a, "--lang") == 0 ||
			   strcmp(a, "--pin") == 0) {
			if (i + 1 >= argc) {
				ask = MISSING_VALUE;
			} else if (strcmp(a, "--db") == 0) {
				db_opt = argv[++i];
			} else if (strcmp(a, "--pin") == 0) {
				pin = argv[++i];
			} else {
				lang_opt = argv[++i];
			}
		} else if (strncmp(a, "--db=", 5) == 0) {
			db_opt = a + 5;
		} else if (strncmp(a, "--lang=", 7) == 0) {
			lang_opt = a + 7;
		} else {
			ask = BAD_OPTION;
		}
		if (early == RUN && ask != RUN) {
			early = ask;
			early_arg = a;
		}
	}

	/* The language first (DESIGN.md section 10: --lang, the shop's
	 * setting, LANGUAGE, LC_ALL/LC_MESSAGES/LANG): every text from here
	 * on, help and usage errors included, is in it. */
	char *path = database_path(db_opt);
	char *lang_setting = NULL, *digits_setting = NULL;
	read_language_settings(path, &lang_setting, &digits_setting);
	bool bad_lang = ui_locale_resolve(&loc, lang_opt, lang_setting, digits_setting) != 0;
	if (bad_lang)
		ui_locale_resolve(&loc, NULL, lang_setting, digits_setting);
	free(lang_setting);
	free(digits_setting);
	ui_locale_apply(&loc, LOCALEDIR);
	ui_locale_set_current(&loc);

	int status = -1;
	switch (early) {
	case SHOW_HELP:
		usage(stdout);
		status = EXIT_DONE;
		break;
	case SHOW_VERSION:
		version();
		status = EXIT_DONE;
		break;
	case MISSING_VALUE:
		fprintf(stderr, _("wafa: %s needs a value\n"), early_arg);
		status = EXIT_USAGE;
		break;
	case BAD_OPTION:
		fprintf(stderr, _("wafa: unknown option %s (see \"wafa --help\")\n"), early_arg);
		status = EXIT_USAGE;
		break;
	case RUN:
		if (bad_lang) {
			fprintf(stderr, _("wafa: --lang: one of en, fa, ar\n"));
			status = EXIT_USAGE;
		}
		break;
	}
	if (status >= 0) {
		free(path);
		return status;
	}

	/* The owner's --pin may also follow the command's arguments; it is
	 * taken out before the command reads its options.  `staff add` is the
	 * exception: its --pin is the new member's (the acting owner's PIN
	 * then comes from --pin before the command or $WAFA_PIN). */
	bool staff_add = i + 1 < argc && strcmp(argv[i], "staff") == 0 &&
			 strcmp(argv[i + 1], "add") == 0;
	for (int k = i; k < argc && !staff_add; k++) {
		if (strcmp(argv[k], "--") == 0)
			break;
		bool eq = strncmp(argv[k], "--pin=", 6) == 0;
		if (!eq && strcmp(argv[k], "--pin") != 0)
			continue;
		if (!eq && k + 1 >= argc) {
			fprintf(stderr, _("wafa: %s needs a value\n"), "--pin");
			free(path);
			return EXIT_USAGE;
		}
		pin = eq ? argv[k] + 6 : argv[k + 1];
		int drop = eq ? 1 : 2;
		memmove(&argv[k], &argv[k + drop], (size_t)(argc - k - drop + 1) * sizeof *argv);
		argc -= drop;
		k--;
	}
	struct cli cli = {.json = json,
			  .lang_opt = lang_opt,
			  .out = stdout,
			  .pin = pin,
			  .db_path = path,
			  .loc = ui_locale_current()};
	if (i < argc) {
		status = cli_run(&cli, argc - i, argv + i);
	} else {
		struct werr e = {0};
		if (cli_open(&cli, false, &e) != 0)
			status = cli_fail(&e);
		else
			status = tui_run(cli.st, cli.loc);
	}
	cli_close(&cli);
	free(path);
	return status;
}
