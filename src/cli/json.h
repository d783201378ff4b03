/* json.h -- a small streaming JSON writer for `--json` output.
 *
 * Exactly one document per command on stdout.  Commas and nesting are
 * tracked by the writer; strings are escaped (UTF-8 passes through). */
#ifndef WAFA_CLI_JSON_H
#define WAFA_CLI_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 16

struct json {
	FILE *f;
	int depth;
	bool need_comma[JSON_MAX_DEPTH];
	bool after_key;
};

void json_init(struct json *j, FILE *f);
void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);
/* A key inside an object; the next value belongs to it. */
void json_key(struct json *j, const char *key);
void json_string(struct json *j, const char *s); /* NULL writes null */
void json_int(struct json *j, int64_t v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);
/* A rate as %.4f, or null when it is not a number. */
void json_rate(struct json *j, double v, bool defined);
/* An instant as RFC 3339 in zone tz; TIME_NONE writes null. */
void json_time(struct json *j, int64_t t, const char *tz);
/* Ends the document with a newline. */
void json_finish(struct json *j);

/* Shorthands for "key": value. */
void json_kv_string(struct json *j, const char *key, const char *s);
void json_kv_int(struct json *j, const char *key, int64_t v);
void json_kv_bool(struct json *j, const char *key, bool v);
void json_kv_time(struct json *j, const char *key, int64_t t, const char *tz);

#endif
