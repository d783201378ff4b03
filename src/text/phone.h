/* phone.h -- telephone numbers as the shop stores and searches them. */
#ifndef WAFA_TEXT_PHONE_H
#define WAFA_TEXT_PHONE_H

enum phone_error {
	PHONE_OK = 0,
	PHONE_EMPTY,
	PHONE_CHARS,     /* a letter or symbol that has no place in a phone number */
	PHONE_SHORT,     /* fewer than 5 digits */
	PHONE_LONG,      /* more than 15 significant digits */
};

/* Normalises a phone number as typed (DESIGN.md section 4): digits of any
 * script become ASCII; spaces, dashes, dots and parentheses are dropped; a
 * leading "+" becomes "00"; then the shop's own international prefix
 * ("00" + country_code, e.g. "0098") becomes the national "0": with
 * country_code "98", "+98 912 345 6789", "0098-912-3456789" and
 * "۰۹۱۲ ۳۴۵ ۶۷۸۹" all give "09123456789".  country_code may be NULL or "".
 * A "+" anywhere but first, or any other character, is PHONE_CHARS.
 * On success stores a new string in *out (the caller frees it). */
enum phone_error phone_normalize(const char *text, const char *country_code, char **out);

/* One localized sentence for the reason (static; do not free). */
const char *phone_strerror(enum phone_error err);

/* For search: the ASCII digits of a query if it is made only of digits,
 * spaces, dashes and a leading "+" (normalised as above, but any length
 * >= 1); NULL otherwise.  The caller frees it. */
char *phone_query_digits(const char *text, const char *country_code);

/* "0912 345 6789": the stored digits grouped for reading (4-3-4 for
 * 11-digit numbers starting with 0, else groups of 3/4 from the left).
 * ASCII; the caller frees it. */
char *phone_format(const char *digits);

#endif
