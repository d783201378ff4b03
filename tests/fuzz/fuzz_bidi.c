/* fuzz_bidi.c -- libFuzzer target: visual lines.
 * Property: the maps are permutations within bounds. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/bidi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	for (int dir = BIDI_LTR; dir <= BIDI_AUTO; dir++) {
		struct bidi_line l;
		bidi_visual(s, (enum bidi_dir)dir, (size & 1) != 0, &l);
		if (l.n > l.nlog)
			abort();
		for (size_t i = 0; i < l.nlog; i++)
			if (l.n > 0 && l.log2vis[i] >= l.n)
				abort();
		for (size_t v = 0; v < l.n; v++)
			if (l.vis2log[v] >= l.nlog)
				abort();
		bidi_line_free(&l);
	}
	free(s);
	return 0;
}
