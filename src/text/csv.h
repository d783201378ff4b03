/* csv.h -- CSV files as spreadsheets write them: RFC 4180 quoting, a
 * separator of ",", ";" or tab, UTF-8 (with or without BOM) or CP1256
 * (Excel on Arabic and Persian Windows), through iconv.
 *
 * The core works in UTF-8; conversion happens only here. */
#ifndef WAFA_TEXT_CSV_H
#define WAFA_TEXT_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "text/werr.h"

enum csv_encoding {
	CSV_AUTO,   /* reading: BOM, else strict UTF-8, else CP1256 */
	CSV_UTF8,
	CSV_CP1256,
};
/* "auto", "utf-8", "cp1256" (also "utf8", "windows-1256") -> *out. */
int csv_encoding_parse(const char *name, enum csv_encoding *out);

/* ---- writing ---- */
struct csv_out;
/* Writes CSV to f (not closed by csv_out_close).  UTF-8 starts with a BOM
 * when bom is set.  CP1256 maps first what it lacks: Persian ی and ۀ to
 * Arabic ي and ه, every digit and the Arabic separators to ASCII. */
struct csv_out *csv_out_new(FILE *f, enum csv_encoding enc, bool bom);
void csv_put(struct csv_out *c, const char *field);   /* NULL: empty */
void csv_put_int(struct csv_out *c, int64_t v);
void csv_end_row(struct csv_out *c);                  /* CRLF */
/* Frees c; returns 0, or -1 when a field could not be written in the
 * encoding or the stream failed (e says which row). */
int csv_out_finish(struct csv_out *c, struct werr *e);

/* ---- reading ---- */
struct csv_in;
/* Reads the whole file, detects its encoding (enc CSV_AUTO) and
 * separator (from the first line: the most frequent of , ; tab outside
 * quotes), and converts it to UTF-8.  `persian`: map Arabic ي and ك to
 * Persian ی and ک (for a Persian shop).  Direction-control characters are
 * stripped from every field. */
int csv_in_open(const char *path, enum csv_encoding enc, bool persian, struct csv_in **out,
		struct werr *e);
/* The same from bytes in memory (the bytes are copied). */
int csv_in_from_memory(const char *data, size_t len, enum csv_encoding enc, bool persian,
		       struct csv_in **out, struct werr *e);
/* The next record: *fields (owned by c, valid until the next call), *n
 * fields, *line the line it starts on (1-based).  Returns 1, 0 at the end,
 * -1 on a malformed record (an unterminated quote: e names the line). */
int csv_in_next(struct csv_in *c, char ***fields, size_t *n, size_t *line, struct werr *e);
/* The encoding that was found and the separator. */
enum csv_encoding csv_in_encoding(const struct csv_in *c);
char csv_in_separator(const struct csv_in *c);
void csv_in_close(struct csv_in *c);

#endif
