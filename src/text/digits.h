/* digits.h -- decimal digits of any script.
 *
 * Input accepts Latin 0-9, Persian U+06F0-U+06F9 and Arabic-Indic
 * U+0660-U+0669 (and any other Unicode decimal digit); output uses the
 * script of the UI language (see uilocale.h). */
#ifndef WAFA_TEXT_DIGITS_H
#define WAFA_TEXT_DIGITS_H

#include <stdint.h>

enum digit_script {
	DIGITS_LATIN,   /* 0-9 */
	DIGITS_PERSIAN, /* U+06F0..U+06F9 */
	DIGITS_ARABIC,  /* U+0660..U+0669 */
};

/* The value 0-9 of a decimal digit of any script, or -1. */
int digit_value(uint32_t cp);
/* A copy of s with every decimal digit of any script turned into ASCII
 * (other characters kept); the caller frees it.  NULL for invalid UTF-8. */
char *digits_to_ascii(const char *s);
/* A copy of s with the ASCII digits 0-9 written in `script`; for
 * DIGITS_PERSIAN and DIGITS_ARABIC also a "," between two digits becomes
 * U+066C and a "." between two digits U+066B ("1,234.50" -> "۱٬۲۳۴٫۵۰";
 * "a, b." is left alone).  Everything else is copied byte for byte.  The
 * caller frees it. */
char *digits_localize(const char *s, enum digit_script script);

#endif
