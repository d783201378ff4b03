/* temporary, not for commit */
#include <config.h>
#include "tui/app.h"
#define ALIAS(n) const struct screen_ops n = {.name = #n, .enter = NULL}

#include <stdlib.h>
#include "text/xalloc.h"
#include "tui/draw.h"
static void *e_(struct app *a, void *arg) { (void)a; (void)arg; return xcalloc(1,1); }
static void l_(struct app *a, void *s) { (void)a; free(s); }
static void d_(struct app *a, void *s) { (void)s; draw_ui(a, 2, 2, 40, "(not built yet)", ALIGN_START, LOOK_TITLE); }
static int k_(struct app *a, void *s, const struct key *k) { (void)a; (void)s; (void)k; return KF_IGNORED; }
#define P(n) const struct screen_ops n = {.name = #n, .enter = e_, .draw = d_, .key = k_, .leave = l_}
P(screen_customers); P(screen_card); P(screen_enroll);
