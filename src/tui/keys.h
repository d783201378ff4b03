/* keys.h -- keys as data: one table of actions feeds the dispatch, the
 * key bar and the help screen (DESIGN.md section 9). */
#ifndef WAFA_TUI_KEYS_H
#define WAFA_TUI_KEYS_H

#include <stdbool.h>
#include <wchar.h>

/* One key press: a character (ch) or a curses key code (code, with
 * KEY_* values; ch is 0). */
struct key {
	wint_t ch;
	int code;
};

enum action {
	ACT_NONE,
	ACT_HELP,
	ACT_CUSTOMERS,
	ACT_PURCHASE,
	ACT_REDEEM,
	ACT_SURVEY,
	ACT_MONTH,
	ACT_ENROLL,
	ACT_SETTINGS,
	ACT_QUIT,
	ACT_BACK,
	ACT_SAVE,
	ACT_NEXT_FIELD,
	ACT_PREV_FIELD,
	ACT_OPEN,
	ACT_PREV_MONTH,
	ACT_NEXT_MONTH,
	/* Screen keys shown in bars (letters; their screens handle them). */
	ACT_EDIT,
	ACT_ADJUST,
	ACT_RETURN,
	ACT_TOP,
	ACT_AT_RISK,
	ACT_EXPIRING,
	ACT_DETRACTORS,
	ACT_EXPORT,
	ACT_NO_ANSWER,
	ACT_CALL_BACK,
	ACT_REFUSED,
	ACT_FOLLOW_UPS,
	ACT_NEW,
	/* Purchase and redeem. */
	ACT_PICK,
	ACT_RECORD,
	ACT_PAY_POINTS,
	ACT_REDEEM_REWARD,
	ACT_CONTINUE,
	ACT_CUSTOMER_FIELD,
	/* Survey, month and settings screens. */
	ACT_ANSWER,
	ACT_CLOSE_FOLLOW_UP,
	ACT_SECTION,
	ACT_ADD,
	ACT_CHANGE,
	/* Customers list and card. */
	ACT_SHOW_INACTIVE,
	ACT_VIEW,
	ACT_DEACTIVATE,
	ACT_REACTIVATE,
	ACT_BIDI_CHECK,
	ACT__COUNT
};

struct key_binding {
	enum action action;
	const char *keys;  /* how the bar and help name the keys: "F3", "Ctrl-S" */
	const char *label; /* N_(): short, for the bar */
	const char *help;  /* N_(): a sentence for the help screen */
};

/* The table, in help-screen order. */
extern const struct key_binding key_bindings[];
extern const size_t key_nbindings;
const struct key_binding *key_binding_of(enum action a);
/* How the bar and the help name the keys of b in the current layout: in
 * a mirrored (right-to-left) one the month screen's arrows swap, as that
 * screen's keys do (the earlier month is on the right there, and Right
 * goes to it). */
const char *binding_keys(const struct key_binding *b, bool rtl);

/* The global action of a key: F1-F10, Ctrl-Q, Esc, and on the home
 * screen the digits 1-9.  ACT_NONE for every other key. */
enum action key_global_action(const struct key *k, bool home);
/* Whether k is the character c (a letter key of a screen). */
bool key_is(const struct key *k, wint_t c);
/* Control characters as keys. */
#define KEY_CTRL(c) ((c) & 0x1f)

#endif
