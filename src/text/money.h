/* money.h -- amounts of money as integer minor units.
 *
 * The shop's currency has 0-3 decimals.  Text in, minor units out, and
 * back.  Never floating point. */
#ifndef WAFA_TEXT_MONEY_H
#define WAFA_TEXT_MONEY_H

#include <stdint.h>

#include "text/digits.h"

enum money_error {
	MONEY_OK = 0,
	MONEY_EMPTY,        /* nothing but white space */
	MONEY_SYNTAX,       /* not a plain decimal number (letters, 1e9, "1.2.3", "12.") */
	MONEY_NEGATIVE,     /* a minus sign */
	MONEY_GROUPING,     /* separators in the wrong place: "12,3,4", "1234,567", ",5" */
	MONEY_DECIMALS,     /* more decimals than the currency has */
	MONEY_RANGE,        /* beyond INT64_MAX minor units */
};

/* Parses `text` as an amount in major units with up to `decimals` (0-3)
 * decimals and stores it in minor units in *out.
 *
 * Accepted: digits of any script; surrounding white space (any script); a
 * leading "+"; the grouping separators "," U+066C (Arabic thousands
 * separator) and U+060C (Arabic comma) -- when present they must separate
 * groups of exactly three digits after a first group of one to three
 * digits; the decimal separator "." or U+066B (Arabic decimal separator),
 * followed by at least one digit.  Decimals beyond `decimals` are refused
 * even when they are zeros ("12.50" with 1 decimal).
 *
 * A leading decimal separator is accepted: ".5" is 0.5, as a cashier
 * types half a riyal; it is unambiguous and refusing it would only make
 * them type it again ("." alone and "12." stay MONEY_SYNTAX).
 *
 * When several things are wrong, the first of this order is reported:
 * MONEY_SYNTAX (also invalid UTF-8), MONEY_NEGATIVE ("-" or U+2212 before
 * the number), MONEY_GROUPING, MONEY_DECIMALS, MONEY_RANGE.  `decimals`
 * outside 0-9 is MONEY_RANGE.
 * Returns MONEY_OK or the reason; *out is untouched on failure. */
enum money_error money_parse(const char *text, int decimals, int64_t *out);

/* One localized sentence for the reason, without the field name (the
 * caller puts it in front): e.g. "has more decimals than the currency
 * allows".  Static (translated) text; do not free. */
const char *money_strerror(enum money_error err);

/* "1250000.50": minor units as plain ASCII, no grouping, exactly
 * `decimals` decimals (0-18), "-" for negatives; any int64 including
 * INT64_MIN.  For CSV and machine text.  The caller frees it. */
char *money_format_plain(int64_t minor, int decimals);

/* "1,250,000.50" grouped by threes, exactly `decimals` decimals, in the
 * given digit script (Persian and Arabic digits use U+066C for grouping
 * and U+066B for the decimal point; the minus sign is ASCII "-" in every
 * script).  money_parse reads it back.  The caller frees it. */
char *money_format(int64_t minor, int decimals, enum digit_script script);

#endif
