/* xalloc.h -- allocation that never returns NULL.
 *
 * Running out of memory is not a condition a shop program can recover
 * from; it ends the program through xalloc_die(), which first calls the
 * hook a front end installed (the curses front end restores the terminal
 * there). */
#ifndef WAFA_TEXT_XALLOC_H
#define WAFA_TEXT_XALLOC_H

#include <stddef.h>

/* Each returns memory the caller frees with free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows an array of *cap elements of size `size` so that it holds at least
 * `need`; updates *cap.  Returns the (possibly moved) array. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Installs the function called before the program ends on a fatal error
 * (NULL: none).  The hook must not allocate. */
void xalloc_set_fatal_hook(void (*hook)(void));
/* Prints "wafa: MSG" to stderr after running the hook, and exits with
 * status 3. */
_Noreturn void xalloc_die(const char *msg);

#endif
