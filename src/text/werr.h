/* werr.h -- how every layer reports a failure to its caller.
 *
 * A function that can fail returns 0 on success and -1 on failure, after
 * filling the struct werr its caller passed (which may be NULL when the
 * caller does not care).  The message is one localized line, ready for a
 * person: it names the field or the thing that is wrong.  The status maps
 * to the command line's exit codes (DESIGN.md section 8). */
#ifndef WAFA_TEXT_WERR_H
#define WAFA_TEXT_WERR_H

enum wstatus {
	W_DONE = 0,
	W_REFUSED = 1, /* validation, not found, insufficient points, out of order */
	W_USAGE = 2,   /* the command was called wrongly */
	W_DB = 3,      /* still locked after the busy timeout, corrupt, I/O */
	W_AUTH = 4,    /* an owner-only action without the owner's PIN (exit 1) */
};

struct werr {
	enum wstatus status;
	char msg[512];
};

/* Fills *e (when e is not NULL) and returns -1, so that a failing path
 * can say `return werr_set(e, W_REFUSED, _("..."), ...);`. */
int werr_set(struct werr *e, enum wstatus status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Prefixes the existing message with "PREFIX: " (a field name, a line). */
int werr_prefix(struct werr *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void werr_clear(struct werr *e);

#endif
