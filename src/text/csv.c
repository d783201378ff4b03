/* csv.c -- reading and writing CSV with iconv. */
#include <config.h>

#include "text/csv.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text/digits.h"
#include "text/i18n.h"
#include "text/strbuf.h"
#include "text/uilocale.h"
#include "text/utf8.h"
#include "text/xalloc.h"

int csv_encoding_parse(const char *name, enum csv_encoding *out)
{
	if (name == NULL)
		return -1;
	if (strcmp(name, "auto") == 0)
		*out = CSV_AUTO;
	else if (strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0)
		*out = CSV_UTF8;
	else if (strcasecmp(name, "cp1256") == 0 || strcasecmp(name, "windows-1256") == 0)
		*out = CSV_CP1256;
	else
		return -1;
	return 0;
}

/* ---- writing ---- */

struct csv_out {
	FILE *f;
	enum csv_encoding enc;
	iconv_t cd;
	struct strbuf row;
	bool first;
	size_t rows;
	int failed_row; /* first row that could not be converted, or 0 */
	char bad[8];    /* the character that could not */
};

struct csv_out *csv_out_new(FILE *f, enum csv_encoding enc, bool bom)
{
	struct csv_out *c = xcalloc(1, sizeof *c);
	c->f = f;
	c->enc = enc == CSV_CP1256 ? CSV_CP1256 : CSV_UTF8;
	c->first = true;
	c->cd = (iconv_t)-1;
	if (c->enc == CSV_CP1256)
		c->cd = iconv_open("CP1256", "UTF-8");
	else if (bom)
		fputs("\xef\xbb\xbf", f);
	return c;
}

/* What CP1256 lacks, mapped before conversion (DESIGN.md section 10). */
static uint32_t cp1256_map(uint32_t cp)
{
	int d = digit_value(cp);
	if (d >= 0)
		return (uint32_t)('0' + d);
	switch (cp) {
	case 0x06CC: /* ی Persian yeh */
		return 0x064A;
	case 0x06C0: /* ۀ heh with yeh above */
		return 0x0647;
	case 0x066C: /* Arabic thousands separator */
		return ',';
	case 0x066B: /* Arabic decimal separator */
		return '.';
	default:
		return cp;
	}
}

void csv_put(struct csv_out *c, const char *field)
{
	if (!c->first)
		strbuf_addc(&c->row, ',');
	c->first = false;
	if (field == NULL)
		return;
	bool quote = strpbrk(field, ",;\t\"\r\n") != NULL || field[0] == ' ' ||
		     (*field && field[strlen(field) - 1] == ' ');
	if (quote)
		strbuf_addc(&c->row, '"');
	size_t len = strlen(field);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(field + i, len - i, &cp);
		if (k == 0) {
			cp = 0xFFFD;
			k = 1;
		}
		if (c->enc == CSV_CP1256)
			cp = cp1256_map(cp);
		if (cp == '"')
			strbuf_addc(&c->row, '"');
		strbuf_add_cp(&c->row, cp);
		i += k;
	}
	if (quote)
		strbuf_addc(&c->row, '"');
}

void csv_put_int(struct csv_out *c, int64_t v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", (long long)v);
	csv_put(c, buf);
}

void csv_end_row(struct csv_out *c)
{
	strbuf_adds(&c->row, "\r\n");
	c->rows++;
	if (c->enc == CSV_UTF8) {
		fwrite(c->row.buf, 1, c->row.len, c->f);
	} else if (c->cd != (iconv_t)-1) {
		char *in = c->row.buf;
		size_t inleft = c->row.len;
		char out[4096];
		while (inleft > 0) {
			char *o = out;
			size_t oleft = sizeof out;
			size_t r = iconv(c->cd, &in, &inleft, &o, &oleft);
			fwrite(out, 1, sizeof out - oleft, c->f);
			if (r == (size_t)-1 && errno != E2BIG) {
				if (c->failed_row == 0) {
					c->failed_row = (int)c->rows;
					uint32_t cp;
					size_t k = utf8_decode(in, inleft, &cp);
					snprintf(c->bad, sizeof c->bad, "%.*s", (int)(k ? k : 1), in);
				}
				/* Skip the character and go on, to report once. */
				size_t k = utf8_decode(in, inleft, &(uint32_t){0});
				k = k ? k : 1;
				in += k;
				inleft -= k;
				fputc('?', c->f);
			}
		}
	}
	strbuf_reset(&c->row);
	c->first = true;
}

int csv_out_finish(struct csv_out *c, struct werr *e)
{
	int r = 0;
	char row[MSG_NUM_SIZE];
	if (c->failed_row != 0)
		r = werr_set(e, W_REFUSED,
			     _("row %s: the character \"%s\" cannot be written in CP1256; use UTF-8"),
			     msg_int(row, c->failed_row), c->bad);
	else if (fflush(c->f) != 0 || ferror(c->f))
		r = werr_set(e, W_REFUSED, _("cannot write the file: %s"), strerror(errno));
	if (c->enc == CSV_CP1256 && c->cd == (iconv_t)-1 && r == 0)
		r = werr_set(e, W_REFUSED, _("this system cannot convert to CP1256"));
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	strbuf_release(&c->row);
	free(c);
	return r;
}

/* ---- reading ---- */

struct csv_in {
	char *text; /* the whole file in UTF-8 */
	size_t len, pos;
	size_t line;
	char sep;
	enum csv_encoding enc;
	char **fields;
	size_t nfields, cap;
};

static char *read_file(const char *path, size_t *len, struct werr *e)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		werr_set(e, W_REFUSED, _("cannot open %s: %s"), path, strerror(errno));
		return NULL;
	}
	struct strbuf sb = STRBUF_INIT;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&sb, buf, n);
	bool bad = ferror(f);
	fclose(f);
	if (bad) {
		strbuf_release(&sb);
		werr_set(e, W_REFUSED, _("cannot read %s"), path);
		return NULL;
	}
	*len = sb.len;
	return strbuf_detach(&sb);
}

static bool valid_utf8_bytes(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (k == 0 || cp == 0)
			return false;
		i += k;
	}
	return true;
}

static char *from_cp1256(const char *s, size_t len, size_t *outlen, struct werr *e)
{
	iconv_t cd = iconv_open("UTF-8", "CP1256");
	if (cd == (iconv_t)-1) {
		werr_set(e, W_REFUSED, _("this system cannot read CP1256"));
		return NULL;
	}
	size_t cap = len * 3 + 16;
	char *out = xmalloc(cap);
	char *in = (char *)s, *o = out;
	size_t inleft = len, oleft = cap;
	if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1) {
		iconv_close(cd);
		free(out);
		werr_set(e, W_REFUSED, _("the file is neither UTF-8 nor CP1256"));
		return NULL;
	}
	iconv_close(cd);
	*outlen = cap - oleft;
	out[*outlen] = '\0';
	return out;
}

/* The separator of the first line: the most frequent of , ; tab outside
 * quotes (comma when there is none). */
static char detect_separator(const char *s, size_t len)
{
	size_t comma = 0, semi = 0, tab = 0;
	bool q = false;
	for (size_t i = 0; i < len && (q || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			q = !q;
		else if (!q && s[i] == ',')
			comma++;
		else if (!q && s[i] == ';')
			semi++;
		else if (!q && s[i] == '\t')
			tab++;
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

int csv_in_open(const char *path, enum csv_encoding enc, bool persian, struct csv_in **out,
		struct werr *e)
{
	size_t len = 0;
	char *raw = read_file(path, &len, e);
	if (raw == NULL)
		return -1;
	int r = csv_in_from_memory(raw, len, enc, persian, out, e);
	if (r != 0)
		werr_prefix(e, "%s", path);
	free(raw);
	return r;
}

int csv_in_from_memory(const char *raw, size_t len, enum csv_encoding enc, bool persian,
		       struct csv_in **out, struct werr *e)
{
	struct csv_in *c = xcalloc(1, sizeof *c);
	const char *body = raw;
	size_t blen = len;
	bool bom = len >= 3 && memcmp(raw, "\xef\xbb\xbf", 3) == 0;
	if (bom) {
		body += 3;
		blen -= 3;
	}
	if (enc == CSV_AUTO)
		enc = (bom || valid_utf8_bytes(body, blen)) ? CSV_UTF8 : CSV_CP1256;
	c->enc = enc;
	char *utf8;
	size_t ulen;
	if (enc == CSV_UTF8) {
		if (!valid_utf8_bytes(body, blen)) {
			free(c);
			return werr_set(e, W_REFUSED,
					_("not valid UTF-8 (try --encoding cp1256)"));
		}
		utf8 = xstrndup(body, blen);
		ulen = blen;
	} else {
		utf8 = from_cp1256(body, blen, &ulen, e);
		if (utf8 == NULL) {
			free(c);
			return -1;
		}
	}
	/* Persian shops: Arabic yeh and kaf become Persian; direction marks go. */
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < ulen;) {
		uint32_t cp;
		size_t k = utf8_decode(utf8 + i, ulen - i, &cp);
		if (k == 0) {
			cp = 0xFFFD;
			k = 1;
		}
		i += k;
		if (persian && (cp == 0x064A || cp == 0x0649))
			cp = 0x06CC;
		else if (persian && cp == 0x0643)
			cp = 0x06A9;
		if (cp == 0x200E || cp == 0x200F || cp == 0x061C || (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			continue;
		strbuf_add_cp(&sb, cp);
	}
	free(utf8);
	c->len = sb.len;
	c->text = strbuf_detach(&sb);
	c->sep = detect_separator(c->text, c->len);
	c->line = 1;
	*out = c;
	return 0;
}

enum csv_encoding csv_in_encoding(const struct csv_in *c)
{
	return c->enc;
}

char csv_in_separator(const struct csv_in *c)
{
	return c->sep;
}

static void clear_fields(struct csv_in *c)
{
	for (size_t i = 0; i < c->nfields; i++)
		free(c->fields[i]);
	c->nfields = 0;
}

int csv_in_next(struct csv_in *c, char ***fields, size_t *n, size_t *line, struct werr *e)
{
	clear_fields(c);
	/* Skip empty lines. */
	while (c->pos < c->len && (c->text[c->pos] == '\n' || c->text[c->pos] == '\r')) {
		if (c->text[c->pos] == '\n')
			c->line++;
		c->pos++;
	}
	if (c->pos >= c->len)
		return 0;
	*line = c->line;
	struct strbuf f = STRBUF_INIT;
	bool quoted = false, in_quotes = false;
	for (;;) {
		char ch = c->pos < c->len ? c->text[c->pos] : '\0';
		bool end = c->pos >= c->len;
		if (in_quotes) {
			if (end) {
				strbuf_release(&f);
				/* The caller names the line (*line). */
				return werr_set(e, W_REFUSED, _("a quoted field is not closed"));
			}
			c->pos++;
			if (ch == '"') {
				if (c->pos < c->len && c->text[c->pos] == '"') {
					strbuf_addc(&f, '"');
					c->pos++;
				} else {
					in_quotes = false;
				}
			} else {
				if (ch == '\n')
					c->line++;
				strbuf_addc(&f, ch);
			}
			continue;
		}
		if (end || ch == c->sep || ch == '\n' || ch == '\r') {
			c->fields = xgrow(c->fields, &c->cap, c->nfields + 1, sizeof *c->fields);
			c->fields[c->nfields++] = strbuf_detach(&f);
			quoted = false;
			if (end)
				break;
			c->pos++;
			if (ch == c->sep)
				continue;
			if (ch == '\r' && c->pos < c->len && c->text[c->pos] == '\n')
				c->pos++;
			c->line++;
			break;
		}
		c->pos++;
		if (ch == '"' && f.len == 0 && !quoted) {
			quoted = in_quotes = true;
			continue;
		}
		strbuf_addc(&f, ch);
	}
	*fields = c->fields;
	*n = c->nfields;
	return 1;
}

void csv_in_close(struct csv_in *c)
{
	if (c == NULL)
		return;
	clear_fields(c);
	free(c->fields);
	free(c->text);
	free(c);
}
