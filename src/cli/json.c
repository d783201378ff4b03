/* json.c -- streaming JSON writer. */
#include <config.h>

#include "cli/json.h"

#include "store/store.h"
#include "text/tz.h"

void json_init(struct json *j, FILE *f)
{
	j->f = f;
	j->depth = 0;
	j->need_comma[0] = false;
	j->after_key = false;
}

/* Writes the separator that goes before a value. */
static void value_prefix(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->need_comma[j->depth])
		fputc(',', j->f);
	j->need_comma[j->depth] = true;
}

static void container_open(struct json *j, char c)
{
	value_prefix(j);
	fputc(c, j->f);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->depth++;
	j->need_comma[j->depth] = false;
}

static void container_close(struct json *j, char c)
{
	fputc(c, j->f);
	if (j->depth > 0)
		j->depth--;
}

void json_object_begin(struct json *j)
{
	container_open(j, '{');
}

void json_object_end(struct json *j)
{
	container_close(j, '}');
}

void json_array_begin(struct json *j)
{
	container_open(j, '[');
}

void json_array_end(struct json *j)
{
	container_close(j, ']');
}

static void write_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

void json_key(struct json *j, const char *key)
{
	value_prefix(j);
	write_string(j->f, key);
	fputc(':', j->f);
	j->after_key = true;
}

void json_string(struct json *j, const char *s)
{
	value_prefix(j);
	if (s == NULL)
		fputs("null", j->f);
	else
		write_string(j->f, s);
}

void json_int(struct json *j, int64_t v)
{
	value_prefix(j);
	fprintf(j->f, "%lld", (long long)v);
}

void json_bool(struct json *j, bool v)
{
	value_prefix(j);
	fputs(v ? "true" : "false", j->f);
}

void json_null(struct json *j)
{
	value_prefix(j);
	fputs("null", j->f);
}

void json_rate(struct json *j, double v, bool defined)
{
	value_prefix(j);
	if (defined)
		fprintf(j->f, "%.4f", v);
	else
		fputs("null", j->f);
}

void json_time(struct json *j, int64_t t, const char *tz)
{
	if (t == TIME_NONE) {
		json_null(j);
		return;
	}
	char buf[32];
	tz_format_rfc3339(tz, t, buf);
	json_string(j, buf);
}

void json_finish(struct json *j)
{
	fputc('\n', j->f);
	fflush(j->f);
}

void json_kv_string(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	json_string(j, s);
}

void json_kv_int(struct json *j, const char *key, int64_t v)
{
	json_key(j, key);
	json_int(j, v);
}

void json_kv_bool(struct json *j, const char *key, bool v)
{
	json_key(j, key);
	json_bool(j, v);
}

void json_kv_time(struct json *j, const char *key, int64_t t, const char *tz)
{
	json_key(j, key);
	json_time(j, t, tz);
}
