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
 * script become ASCII; white space (any script), dashes (any Unicode
 * dash), dots and parentheses are dropped; a leading "+" becomes "00";
 * then the shop's own international prefix ("00" + country_code, e.g.
 * "0098") becomes the national "0": with country_code "98",
 * "+98 912 345 6789", "0098-912-3456789" and "۰۹۱۲ ۳۴۵ ۶۷۸۹" all give
 * "09123456789".  A trunk "0" written after the shop's own country code
 * ("+98 (0)912 ...") is dropped.  Other countries' numbers keep their
 * "00" prefix ("+44 20 7946 0958" -> "00442079460958").  country_code may
 * be NULL or "" (no conversion), and may be written "98", "+98" or "0098".
 * A "+" anywhere but first, or any other character, is PHONE_CHARS.
 * The length is counted without the leading "00" or "0": fewer than 5
 * such digits is PHONE_SHORT, more than 15 (the E.164 maximum) PHONE_LONG;
 * nothing but white space is PHONE_EMPTY.
 * On success stores a new string in *out (the caller frees it); *out is
 * untouched on failure. */
enum phone_error phone_normalize(const char *text, const char *country_code, char **out);

/* One localized sentence for the reason (static; do not free). */
const char *phone_strerror(enum phone_error err);

/* For search: the ASCII digits of a query if it is made only of digits,
 * spaces, dashes and a leading "+" (normalised as above, but any length
 * with at least one digit typed: "+98" gives "0" with country_code "98");
 * NULL otherwise (also for "+" alone, and for "." or "(" which a phone
 * query does not hold).  The caller frees it. */
char *phone_query_digits(const char *text, const char *country_code);

/* "0912 345 6789": the stored digits grouped for reading: 4-3-4 for
 * 11-digit numbers starting with 0; otherwise groups of three from the
 * left with the last one or two groups of four so that no group is
 * shorter than three ("050 123 4567", "004 420 7946 0958",
 * "1234 5678"); five digits or fewer, or anything that is not all ASCII
 * digits, are returned as they are.  ASCII; the caller frees it. */
char *phone_format(const char *digits);

#endif
