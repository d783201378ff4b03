/* app.h -- the curses front end: the application, its screen stack and
 * the loop that reads keys and redraws.
 *
 * A screen is a const table of callbacks (struct screen_ops) and a state
 * it creates in `enter`.  Key handlers return flags; only the loop
 * redraws.  Drawing goes through draw.h, which mirrors the layout and
 * orders right-to-left text for the terminal. */
#ifndef WAFA_TUI_APP_H
#define WAFA_TUI_APP_H

#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>

#include "engine/shop.h"
#include "store/store.h"
#include "text/uilocale.h"
#include "text/werr.h"
#include "tui/keys.h"

/* What a key handler did. */
enum {
	KF_IGNORED = 0,
	KF_HANDLED = 1 << 0, /* the key was used */
	KF_REDRAW = 1 << 1,  /* redraw the screen */
	KF_BACK = 1 << 2,    /* leave this screen */
	KF_QUIT = 1 << 3,    /* leave the program */
};

struct app;

struct screen_ops {
	const char *name;
	/* Creates the screen's state from the pusher's argument (may be
	 * NULL); NULL when the screen cannot open (a message is shown). */
	void *(*enter)(struct app *app, void *arg);
	void (*draw)(struct app *app, void *state);
	/* A key the app did not take for itself. */
	int (*key)(struct app *app, void *state, const struct key *k);
	/* Frees the state. */
	void (*leave)(struct app *app, void *state);
	/* Whether leaving now would lose typed input (may be NULL). */
	bool (*dirty)(void *state);
	/* The screen is on top again after the one above it left: reload
	 * what may have changed (may be NULL). */
	void (*resume)(struct app *app, void *state);
	/* Called about once a second while no key comes (may be NULL). */
	int (*tick)(struct app *app, void *state);
	/* The actions the key bar shows, ended by ACT_NONE. */
	const enum action *bar;
	/* The customer the screen is about now, if any (may be NULL): F3
	 * and F4 then open the purchase and redeem screens for that
	 * customer.  Returns false when there is none. */
	bool (*customer)(void *state, int64_t *id);
};

enum bidi_mode {
	BIDI_APP,      /* the program orders and shapes right-to-left text */
	BIDI_TERMINAL, /* the terminal does it */
};

enum message_kind { MSG_INFO, MSG_OK, MSG_ERROR };

#define APP_MAX_DEPTH 12

struct app {
	struct store *st;
	struct shop shop;          /* reloaded after settings change */
	const struct ui_locale *loc;
	bool rtl;                  /* layout mirrored (fa, ar) */
	enum bidi_mode bidi;
	bool colors;
	int rows, cols;
	struct {
		const struct screen_ops *ops;
		void *state;
	} stack[APP_MAX_DEPTH];
	int depth;
	char message[512];
	enum message_kind message_kind;
	bool quit;
};

/* Runs the front end on an open shop until the person quits.  Returns
 * the exit status. */
int tui_run(struct store *st, const struct ui_locale *loc);

/* Screen stack.  app_push opens a screen on top; app_show goes back to
 * home and opens the screen there (the F-keys), asking first when a form
 * holds typed input; app_pop leaves the top screen. */
void app_push(struct app *app, const struct screen_ops *ops, void *arg);
void app_show(struct app *app, const struct screen_ops *ops, void *arg);
void app_pop(struct app *app);

/* A one-line message at the bottom until the next key. */
void app_message(struct app *app, enum message_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Shows a database or engine error: in a dialog for W_DB, as a message
 * otherwise. */
void app_error(struct app *app, const struct werr *e);
/* Reloads the shop's settings (after they change). */
void app_reload_shop(struct app *app);
/* The current instant (text/tz.h clock_now). */
int64_t app_now(const struct app *app);

/* Reads one key, handling resize and signals; used by modal dialogs.
 * Returns false when the program must stop (a signal). */
bool app_read_key(struct app *app, struct key *k, int timeout_ms);
/* Draws the whole screen stack's top and the bars, and refreshes. */
void app_redraw(struct app *app);

/* The screens (one file each). */
extern const struct screen_ops screen_home, screen_customers, screen_card, screen_enroll,
	screen_purchase, screen_redeem, screen_survey, screen_month, screen_settings,
	screen_help;

#endif
