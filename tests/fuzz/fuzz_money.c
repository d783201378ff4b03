/* fuzz_money.c -- libFuzzer target: parsing and formatting money.
 * Property: whatever parses formats back to text that parses to the same
 * number. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/money.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	for (int dec = 0; dec <= 3; dec++) {
		int64_t v;
		if (money_parse(s, dec, &v) != MONEY_OK)
			continue;
		char *plain = money_format_plain(v, dec);
		int64_t back;
		if (money_parse(plain, dec, &back) != MONEY_OK || back != v)
			abort();
		for (int script = DIGITS_LATIN; script <= DIGITS_ARABIC; script++) {
			char *f = money_format(v, dec, (enum digit_script)script);
			if (money_parse(f, dec, &back) != MONEY_OK || back != v)
				abort();
			free(f);
		}
		free(plain);
	}
	free(s);
	return 0;
}
