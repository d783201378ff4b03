/* fold.h -- the search key of DESIGN.md section 10.
 *
 * Names are stored as typed and with a folded key; queries are folded the
 * same way, so "علي كريمي" finds "علی کریمی" and the other way round. */
#ifndef WAFA_TEXT_FOLD_H
#define WAFA_TEXT_FOLD_H

#include <stddef.h>

/* Folds s: NFKC; then ي ى ئ -> ی, ك -> ک, أ إ ٱ آ -> ا, ؤ -> و,
 * ة ۀ (and ە) -> ه; drops harakat (U+064B-U+065F, which holds hamza above,
 * so a decomposed ۀ folds to ه too, and U+0670), tatweel, ZWNJ/ZWJ and
 * direction marks, and also the other invisible characters that come with
 * pasted names (U+200B zero-width space, U+2060 word joiner, U+FEFF,
 * U+00AD soft hyphen); turns every decimal digit into ASCII; lower-cases
 * (full case folding: "Straße" -> "strasse"); collapses runs of white
 * space to one ASCII space and trims.  Returns a new string (the caller
 * frees it), or NULL when s is not valid UTF-8. */
char *fold_search_key(const char *s);

/* Splits a folded key into its words: runs of letters, marks and digits
 * (punctuation such as "-", ".", "," and "'" separates words).  Stores a
 * new array of new strings in *words (free each, then the array; also
 * allocated when the count is 0) and returns the count.  Duplicates are
 * kept once, in first-seen order. */
size_t fold_words(const char *folded, char ***words);
void fold_words_free(char **words, size_t n);

/* The smallest string greater than every string that starts with
 * `prefix` (for indexed range scans: prefix <= x < upper), compared byte
 * by byte as SQLite's BINARY collation (memcmp) does: the prefix with its
 * last code point raised by one ("کری" -> "کرۍ"; a trailing U+10FFFF is
 * dropped and the one before raised).  The result is valid UTF-8.  NULL
 * when no such string exists (the empty prefix, or one made only of
 * U+10FFFF: scan without an upper bound) or when prefix is not valid
 * UTF-8.  The caller frees it. */
char *fold_prefix_upper(const char *prefix);

#endif
