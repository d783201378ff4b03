/* fuzz_phone.c -- libFuzzer target: phone numbers as typed.
 * Property: a normalised number is ASCII digits that normalise to
 * themselves. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/phone.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	char *out = NULL;
	if (phone_normalize(s, "98", &out) == PHONE_OK) {
		if (strspn(out, "0123456789") != strlen(out))
			abort();
		char *again = NULL;
		if (phone_normalize(out, "98", &again) != PHONE_OK || strcmp(again, out) != 0)
			abort();
		free(again);
		free(phone_format(out));
		free(out);
	}
	free(phone_query_digits(s, "966"));
	free(s);
	return 0;
}
