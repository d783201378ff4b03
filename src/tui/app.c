/* app.c -- the curses front end's loop, screen stack and terminal. */
#include <config.h>

#include "tui/app.h"

#include <curses.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "text/calendar.h"
#include "text/i18n.h"
#include "text/tz.h"
#include "text/xalloc.h"
#include "tui/dialog.h"
#include "tui/draw.h"

/* Set by SIGTERM and SIGHUP; the loop leaves cleanly when it sees it. */
static volatile sig_atomic_t stop_signal;
/* The terminal as it was before curses took it, for the fatal path. */
static struct termios saved_termios;
static bool have_saved_termios;
static bool curses_active;
static bool explicit_bidi;

static void on_stop(int sig)
{
	stop_signal = sig;
}

/* Restores the terminal from a signal handler: only async-signal-safe
 * calls. */
static void on_fatal(int sig)
{
	static const char reset[] = "\033[0m\033[?25h\033[?1049l\033[8h\r\n";
	if (have_saved_termios)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
	if (write(STDOUT_FILENO, reset, sizeof reset - 1) < 0) {
		/* nothing more can be done */
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Leaves curses; safe to call twice.  Also the allocation-failure hook. */
static void restore_terminal(void)
{
	if (!curses_active)
		return;
	curses_active = false;
	curs_set(1);
	endwin();
	if (explicit_bidi) {
		/* Back to implicit BiDi for the shell (CSI 8 h). */
		fputs("\033[8h", stdout);
		fflush(stdout);
	}
}

int64_t app_now(const struct app *app)
{
	(void)app;
	return clock_now();
}

void app_message(struct app *app, enum message_kind kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_kind = kind;
}

void app_error(struct app *app, const struct werr *e)
{
	if (e->status == W_DB)
		dialog_message(app, _("Database error"), e->msg, true);
	else
		app_message(app, MSG_ERROR, "%s", e->msg);
}

void app_reload_shop(struct app *app)
{
	struct werr e = {0};
	struct shop fresh;
	if (shop_load(app->st, &fresh, &e) != 0) {
		app_error(app, &e);
		return;
	}
	shop_free(&app->shop);
	app->shop = fresh;
}

static void *top_state(struct app *app)
{
	return app->depth > 0 ? app->stack[app->depth - 1].state : NULL;
}

static const struct screen_ops *top_ops(struct app *app)
{
	return app->depth > 0 ? app->stack[app->depth - 1].ops : NULL;
}

void app_push(struct app *app, const struct screen_ops *ops, void *arg)
{
	if (app->depth >= APP_MAX_DEPTH)
		return;
	void *state = ops->enter(app, arg);
	if (state == NULL)
		return;
	app->stack[app->depth].ops = ops;
	app->stack[app->depth].state = state;
	app->depth++;
}

void app_pop(struct app *app)
{
	if (app->depth <= 1)
		return;
	app->depth--;
	app->stack[app->depth].ops->leave(app, app->stack[app->depth].state);
	const struct screen_ops *ops = top_ops(app);
	if (ops->resume != NULL)
		ops->resume(app, top_state(app));
}

static bool any_dirty(struct app *app)
{
	for (int i = 0; i < app->depth; i++) {
		const struct screen_ops *ops = app->stack[i].ops;
		if (ops->dirty != NULL && ops->dirty(app->stack[i].state))
			return true;
	}
	return false;
}

static bool confirm_leave(struct app *app)
{
	return !any_dirty(app) ||
	       dialog_confirm(app, _("Unsaved input"),
			      _("The form holds typed input that is not saved. Leave it?"));
}

void app_show(struct app *app, const struct screen_ops *ops, void *arg)
{
	if (top_ops(app) == ops && ops != &screen_help)
		return;
	if (ops == &screen_help) {
		app_push(app, ops, arg);
		return;
	}
	if (!confirm_leave(app))
		return;
	while (app->depth > 1) {
		app->depth--;
		app->stack[app->depth].ops->leave(app, app->stack[app->depth].state);
	}
	if (ops == &screen_home) {
		if (screen_home.resume != NULL)
			screen_home.resume(app, top_state(app));
		return;
	}
	app_push(app, ops, arg);
}

/* ---- drawing the frame ---- */

static void draw_top_line(struct app *app)
{
	draw_fill(app, 0, 0, app->cols, LOOK_BAR);
	char *title = app->shop.p.shop[0] != '\0' ? xasprintf("wafa \u00b7 %s", app->shop.p.shop)
						  : xstrdup("wafa");
	int used = draw_text(app, 0, 1, app->cols / 2, title, BIDI_AUTO, ALIGN_START, LOOK_BAR);
	free(title);
	int64_t now = app_now(app);
	char *date = cal_format(app->shop.p.calendar, app->shop.p.timezone, app->loc->lang,
				app->loc->digits, now, DATE_WEEKDAY);
	char *time = cal_format(app->shop.p.calendar, app->shop.p.timezone, app->loc->lang,
				app->loc->digits, now, DATE_TIME);
	char *both = xasprintf("%s  %s", date != NULL ? date : "", time != NULL ? time : "");
	int x = used + 3;
	draw_ui(app, 0, x, app->cols - x - 1, both, ALIGN_END, LOOK_BAR);
	free(both);
	free(date);
	free(time);
}

static void draw_key_bar(struct app *app)
{
	int y = app->rows - 1;
	draw_fill(app, y, 0, app->cols, LOOK_BAR);
	const struct screen_ops *ops = top_ops(app);
	static const enum action fallback[] = {ACT_HELP, ACT_BACK, ACT_QUIT, ACT_NONE};
	const enum action *bar = ops != NULL && ops->bar != NULL ? ops->bar : fallback;
	int x = 0;
	for (size_t i = 0; bar[i] != ACT_NONE; i++) {
		const struct key_binding *b = key_binding_of(bar[i]);
		if (b == NULL)
			continue;
		const char *label = _(b->label);
		const char *name = binding_keys(b, app->rtl);
		int kw = text_width(name), lw = text_width(label);
		if (x + kw + lw + 1 > app->cols)
			break;
		draw_text(app, y, x, kw, name, BIDI_LTR, ALIGN_START, LOOK_BAR_KEY);
		draw_ui(app, y, x + kw + 1, lw, label, ALIGN_START, LOOK_BAR);
		x += kw + lw + 3;
	}
}

static void draw_message(struct app *app)
{
	if (app->message[0] == '\0')
		return;
	enum look look = app->message_kind == MSG_ERROR ? LOOK_ERROR
			 : app->message_kind == MSG_OK  ? LOOK_OK
							: LOOK_NORMAL;
	draw_fill(app, app->rows - 2, 0, app->cols, LOOK_NORMAL);
	draw_ui(app, app->rows - 2, 1, app->cols - 2, app->message, ALIGN_START, look);
}

/* The smallest window the screens are laid out for (DESIGN.md section 9). */
#define MIN_COLS 80
#define MIN_ROWS 24

void app_redraw(struct app *app)
{
	getmaxyx(stdscr, app->rows, app->cols);
	erase();
	curs_set(0);
	if (app->rows < MIN_ROWS || app->cols < MIN_COLS) {
		char *need = xasprintf("%dx%d", MIN_COLS, MIN_ROWS);
		char *now = xasprintf("%dx%d", app->cols, app->rows);
		char *needl = fmt_digits(app->loc, need), *nowl = fmt_digits(app->loc, now);
		/* TRANSLATORS: window sizes in columns and rows: "at least 80x24
		 * (now 60x20)"; the sizes come in the language's digits. */
		char *msg =
			xasprintf(_("Please make the window at least %s (now %s)."), needl, nowl);
		draw_ui(app, app->rows / 2, 0, app->cols, msg, ALIGN_CENTER, LOOK_ERROR);
		free(msg);
		free(need);
		free(now);
		free(needl);
		free(nowl);
		refresh();
		return;
	}
	draw_top_line(app);
	const struct screen_ops *ops = top_ops(app);
	if (ops != NULL)
		ops->draw(app, top_state(app));
	/* The screen may have placed the text cursor: keep it there. */
	int cy, cx;
	getyx(stdscr, cy, cx);
	draw_message(app);
	draw_key_bar(app);
	move(cy, cx);
	refresh();
}

/* ---- keys ---- */

bool app_read_key(struct app *app, struct key *k, int timeout_ms)
{
	for (;;) {
		if (stop_signal != 0) {
			app->quit = true;
			return false;
		}
		timeout(timeout_ms < 0 ? 500 : timeout_ms);
		wint_t ch;
		int r = get_wch(&ch);
		if (r == ERR) {
			if (stop_signal != 0) {
				app->quit = true;
				return false;
			}
			if (timeout_ms >= 0) {
				k->ch = 0;
				k->code = 0;
				return true;
			}
			continue;
		}
		k->ch = 0;
		k->code = 0;
		if (r == KEY_CODE_YES) {
			k->code = (int)ch;
			if (k->code == KEY_RESIZE)
				getmaxyx(stdscr, app->rows, app->cols);
			return true;
		}
		k->ch = ch;
		if (ch == 27) {
			/* Alt-digit (the terminal sends Esc and the digit at once)
			 * works as the F-key of that number anywhere. */
			timeout(0);
			wint_t next;
			int r2 = get_wch(&next);
			if (r2 == OK && next >= '1' && next <= '9') {
				k->ch = 0;
				k->code = KEY_F((int)(next - '0'));
			} else if (r2 != ERR) {
				unget_wch(next);
			}
		}
		return true;
	}
}

/* Takes the keys that mean the same on every screen; returns the flags
 * of what it did, or KF_IGNORED to let the screen have the key. */
static int global_key(struct app *app, const struct key *k)
{
	enum action a = key_global_action(k, top_ops(app) == &screen_home);
	switch (a) {
	case ACT_QUIT:
		if (confirm_leave(app))
			app->quit = true;
		return KF_HANDLED;
	case ACT_HELP:
		app_show(app, &screen_help, NULL);
		return KF_HANDLED;
	case ACT_CUSTOMERS:
		app_show(app, &screen_customers, NULL);
		return KF_HANDLED;
	case ACT_PURCHASE:
	case ACT_REDEEM: {
		/* For the customer on screen, when there is one (a copy: the
		 * screen's state goes before the new screen opens). */
		int64_t id = 0;
		const struct screen_ops *ops = top_ops(app);
		bool has = ops->customer != NULL && ops->customer(top_state(app), &id);
		app_show(app, a == ACT_PURCHASE ? &screen_purchase : &screen_redeem,
			 has ? &id : NULL);
		return KF_HANDLED;
	}
	case ACT_SURVEY:
		app_show(app, &screen_survey, NULL);
		return KF_HANDLED;
	case ACT_MONTH:
		app_show(app, &screen_month, NULL);
		return KF_HANDLED;
	case ACT_ENROLL:
		app_show(app, &screen_enroll, NULL);
		return KF_HANDLED;
	case ACT_SETTINGS:
		app_show(app, &screen_settings, NULL);
		return KF_HANDLED;
	default:
		return KF_IGNORED;
	}
}

static void handle_key(struct app *app, const struct key *k)
{
	if (k->code == KEY_RESIZE)
		return;
	app->message[0] = '\0';
	/* Esc goes to the screen first: a form cancels (and asks). */
	if (k->ch != 27 && global_key(app, k) != KF_IGNORED)
		return;
	const struct screen_ops *ops = top_ops(app);
	int flags = ops->key != NULL ? ops->key(app, top_state(app), k) : KF_IGNORED;
	if (flags & KF_QUIT) {
		app->quit = true;
		return;
	}
	if (flags & KF_BACK) {
		app_pop(app);
		return;
	}
	if (flags == KF_IGNORED && k->ch == 27 && app->depth > 1)
		app_pop(app);
}

/* BiDi: `auto` lets a terminal that does BiDi itself and honours explicit
 * mode (VTE, mlterm) do it, except inside tmux or screen, which do no
 * BiDi; everything else gets visual text from the program. */
static enum bidi_mode choose_bidi(const char *setting)
{
	if (strcmp(setting, "app") == 0)
		return BIDI_APP;
	if (strcmp(setting, "terminal") == 0)
		return BIDI_TERMINAL;
	const char *term = getenv("TERM");
	if (getenv("TMUX") != NULL || getenv("STY") != NULL ||
	    (term != NULL && (strncmp(term, "screen", 6) == 0 || strncmp(term, "tmux", 4) == 0)))
		return BIDI_APP;
	const char *vte = getenv("VTE_VERSION");
	if ((vte != NULL && atoi(vte) >= 5800) || getenv("MLTERM") != NULL)
		return BIDI_TERMINAL;
	return BIDI_APP;
}

int tui_run(struct store *st, const struct ui_locale *loc)
{
	struct app app;
	memset(&app, 0, sizeof app);
	app.st = st;
	app.loc = loc;
	app.rtl = loc->rtl;
	struct werr e = {0};
	if (shop_load(st, &app.shop, &e) != 0) {
		fprintf(stderr, "wafa: %s\n", e.msg);
		return e.status == W_DB ? 3 : 1;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, _("wafa: the counter screens need a terminal; see \"wafa --help\" "
				  "for the commands\n"));
		shop_free(&app.shop);
		return 2;
	}
	app.bidi = choose_bidi(app.shop.p.bidi);

	have_saved_termios = tcgetattr(STDIN_FILENO, &saved_termios) == 0;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	struct sigaction fa;
	memset(&fa, 0, sizeof fa);
	fa.sa_handler = on_fatal;
	sigemptyset(&fa.sa_mask);
	sigaction(SIGSEGV, &fa, NULL);
	sigaction(SIGBUS, &fa, NULL);
	sigaction(SIGFPE, &fa, NULL);
	sigaction(SIGABRT, &fa, NULL);
	xalloc_set_fatal_hook(restore_terminal);

	set_escdelay(50);
	if (initscr() == NULL) {
		fprintf(stderr, _("wafa: cannot use this terminal (TERM=%s)\n"),
			getenv("TERM") ? getenv("TERM") : "");
		shop_free(&app.shop);
		return 1;
	}
	curses_active = true;
	raw(); /* Ctrl-S, Ctrl-Q and Ctrl-C reach the program */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	app.colors = has_colors() && getenv("NO_COLOR") == NULL;
	if (app.colors)
		start_color();
	draw_init_looks(app.colors);
	getmaxyx(stdscr, app.rows, app.cols);
	if (app.bidi == BIDI_APP) {
		/* Explicit BiDi (CSI 8 l): terminals that reorder must not do it
		 * a second time. */
		explicit_bidi = true;
		fputs("\033[8l", stdout);
		fflush(stdout);
	}

	app_push(&app, &screen_home, NULL);
	/* For the benchmark (tests/bench): leave right after the home screen
	 * is first drawn, to time the way from start to a drawn screen. */
	const char *bench = getenv("WAFA_BENCH_EXIT");
	bool exit_after_draw = bench != NULL && strcmp(bench, "first-draw") == 0;
	/* The first wait is short: screens fill their slower figures on the
	 * first tick, right after the first draw. */
	int wait_ms = 30;
	while (!app.quit && app.depth > 0) {
		app_redraw(&app);
		if (exit_after_draw)
			break;
		struct key k;
		if (!app_read_key(&app, &k, wait_ms))
			break;
		wait_ms = 1000;
		if (k.ch == 0 && k.code == 0) {
			const struct screen_ops *ops = top_ops(&app);
			if (ops->tick != NULL)
				ops->tick(&app, top_state(&app));
			continue;
		}
		handle_key(&app, &k);
	}
	while (app.depth > 0) {
		app.depth--;
		app.stack[app.depth].ops->leave(&app, app.stack[app.depth].state);
	}
	restore_terminal();
	xalloc_set_fatal_hook(NULL);
	shop_free(&app.shop);
	return 0;
}
