/* werr.c -- error reports. */
#include <config.h>

#include "text/werr.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* A message cut to fit msg must not end inside a UTF-8 sequence. */
static void drop_partial_utf8(char *s, size_t size, int wanted)
{
	if (wanted < 0 || (size_t)wanted < size)
		return;
	size_t len = strlen(s), start = len;
	while (start > 0 && ((unsigned char)s[start - 1] & 0xC0) == 0x80)
		start--;
	if (start == 0)
		return;
	unsigned char lead = (unsigned char)s[start - 1];
	size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (len - (start - 1) < need)
		s[start - 1] = '\0';
}

int werr_set(struct werr *e, enum wstatus status, const char *fmt, ...)
{
	if (e == NULL)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	drop_partial_utf8(e->msg, sizeof e->msg, n);
	e->status = status;
	return -1;
}

int werr_prefix(struct werr *e, const char *fmt, ...)
{
	if (e == NULL)
		return -1;
	char prefix[256], old[sizeof e->msg];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	drop_partial_utf8(prefix, sizeof prefix, n);
	memcpy(old, e->msg, sizeof old);
	n = snprintf(e->msg, sizeof e->msg, "%s: %s", prefix, old);
	drop_partial_utf8(e->msg, sizeof e->msg, n);
	return -1;
}

void werr_clear(struct werr *e)
{
	if (e == NULL)
		return;
	e->status = W_DONE;
	e->msg[0] = '\0';
}
