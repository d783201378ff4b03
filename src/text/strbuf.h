/* strbuf.h -- a growable, always NUL-terminated byte string.
 *
 * struct strbuf sb = STRBUF_INIT;  strbuf_addf(&sb, "%d", 7);
 * The buffer owns sb.buf; strbuf_release() frees it, strbuf_detach()
 * hands it to the caller (who frees it). */
#ifndef WAFA_TEXT_STRBUF_H
#define WAFA_TEXT_STRBUF_H

#include <stddef.h>
#include <stdint.h>

struct strbuf {
	char *buf;  /* never NULL after any call; "" when empty */
	size_t len; /* bytes before the NUL */
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
/* Appends the UTF-8 encoding of code point cp. */
void strbuf_add_cp(struct strbuf *sb, uint32_t cp);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_reset(struct strbuf *sb);
/* The contents ("" if nothing was added); valid until the next change. */
const char *strbuf_str(struct strbuf *sb);
/* Gives the string to the caller, who frees it; the buffer is reset. */
char *strbuf_detach(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);

#endif
