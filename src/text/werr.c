/* werr.c -- error reports. */
#include <config.h>

#include "text/werr.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int werr_set(struct werr *e, enum wstatus status, const char *fmt, ...)
{
	if (e == NULL)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
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
	vsnprintf(prefix, sizeof prefix, fmt, ap);
	va_end(ap);
	memcpy(old, e->msg, sizeof old);
	snprintf(e->msg, sizeof e->msg, "%s: %s", prefix, old);
	return -1;
}

void werr_clear(struct werr *e)
{
	if (e == NULL)
		return;
	e->status = W_OK;
	e->msg[0] = '\0';
}
