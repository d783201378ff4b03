/* utf8.h -- decoding and checking UTF-8, the text of the core. */
#ifndef WAFA_TEXT_UTF8_H
#define WAFA_TEXT_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point from s (at most len bytes) into *cp.  Returns the
 * number of bytes used (1-4), or 0 when the bytes there are not valid
 * UTF-8 (overlong forms, surrogates and values above U+10FFFF are
 * invalid; *cp is then U+FFFD). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* The same for a reader that walks on: invalid bytes read as U+FFFD, one
 * byte at a time, so the result is at least 1 (len must be above 0). */
size_t utf8_step(const char *s, size_t len, uint32_t *cp);
/* Writes the encoding of cp (must be a valid scalar value; anything else
 * is written as U+FFFD) to out; returns the number of bytes (1-4). */
size_t utf8_encode(uint32_t cp, char out[4]);
/* Whether the NUL-terminated string is entirely valid UTF-8. */
bool utf8_valid(const char *s);
/* Number of code points in a valid UTF-8 string (an invalid byte counts
 * as one). */
size_t utf8_length(const char *s);
/* The number of terminal columns s takes: wcwidth(3) of each code point
 * (two for East Asian wide letters), none for combining marks (harakat,
 * U+064B..U+065F and the like) and other zero-width characters (ZWNJ,
 * ZWJ, direction marks, the byte order mark), one for a character
 * wcwidth does not know and for an invalid byte.  wcwidth follows
 * LC_CTYPE, which ui_locale_apply makes UTF-8.  For padding text into
 * columns: "علی" is 3 columns and 6 bytes, "۱۲۳" 3 columns and 6 bytes. */
size_t utf8_width(const char *s);
/* The columns of one code point, as utf8_width counts them. */
size_t utf8_cp_width(uint32_t cp);
/* Whether the string holds a control character (C0, DEL, C1), a line or
 * paragraph separator, or a direction-control character (LRE, RLE, PDF,
 * LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM).  Tab and newline count.
 * Invalid UTF-8 counts too, so that this one check guards a field.
 * Names, notes and codes refuse them. */
bool utf8_has_controls(const char *s);
/* Whether the string is empty or holds only white space (any script). */
bool utf8_is_blank(const char *s);
/* A copy of s without leading and trailing white space (any script);
 * the caller frees it. */
char *utf8_trim(const char *s);
/* A copy of s without the direction-control characters listed above
 * (used on imported data; ZWNJ and ZWJ are kept, they belong to words);
 * the caller frees it. */
char *utf8_strip_direction_marks(const char *s);

#endif
