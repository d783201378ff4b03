/* collate.h -- name order for the UI language (ICU collation).
 *
 * Names are sorted by a stored sort key (ucol_getSortKey) so that lists
 * can page with plain indexed queries; the key is rebuilt when the
 * collator's version changes. */
#ifndef WAFA_TEXT_COLLATE_H
#define WAFA_TEXT_COLLATE_H

#include <stddef.h>
#include <stdint.h>

struct collator;

/* Opens the collator for a language ("fa", "ar", "en", ...; NULL or ""
 * means root), with normalisation on so that decomposed input sorts like
 * composed.  Returns NULL only if ICU has no data at all. */
struct collator *collator_open(const char *lang);
void collator_close(struct collator *c);
/* A string naming the language and the collator version, e.g.
 * "fa 153.120.42" ("root ..." for the root collator); stored beside the
 * keys.  Owned by c. */
const char *collator_version(const struct collator *c);
/* The sort key of a UTF-8 string: a new byte array in *key (the caller
 * frees it) of *len bytes, without the terminating zero byte.  Returns 0,
 * or -1 for invalid UTF-8. */
int collator_sort_key(struct collator *c, const char *s, uint8_t **key, size_t *len);
/* strcmp-like comparison of two UTF-8 strings. */
int collator_compare(struct collator *c, const char *a, const char *b);

#endif
