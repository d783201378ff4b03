/* dialog.h -- modal questions over the current screen. */
#ifndef WAFA_TUI_DIALOG_H
#define WAFA_TUI_DIALOG_H

#include <stdbool.h>

#include "text/bidi.h"

struct app;

/* Asks a yes/no question; Enter or y answers yes, Esc or n no. */
bool dialog_confirm(struct app *app, const char *title, const char *question);
/* Shows a message until a key is pressed. */
void dialog_message(struct app *app, const char *title, const char *text, bool error);
/* Asks for one line of text; returns a new string, or NULL on Esc.
 * secret: shows stars (PINs). */
char *dialog_input(struct app *app, const char *title, const char *label, enum bidi_dir dir,
		   const char *initial, bool secret);

#endif
