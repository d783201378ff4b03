/* fuzz_fold.c -- libFuzzer target: the search key and its words.
 * Property: folding is idempotent, and every word of the key is
 * non-empty. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/fold.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	char *k = fold_search_key(s);
	if (k != NULL) {
		char *k2 = fold_search_key(k);
		if (k2 == NULL || strcmp(k, k2) != 0)
			abort();
		free(k2);
		char **w = NULL;
		size_t n = fold_words(k, &w);
		for (size_t i = 0; i < n; i++) {
			if (w[i][0] == '\0')
				abort();
			char *hi = fold_prefix_upper(w[i]);
			if (hi != NULL && strcmp(hi, w[i]) <= 0)
				abort();
			free(hi);
		}
		fold_words_free(w, n);
		free(k);
	}
	free(s);
	return 0;
}
