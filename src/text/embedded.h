/* embedded.h -- files of data/ compiled into the program.
 *
 * build-aux/embed.sh turns data files into arrays of this record; the
 * array ends with a row whose name is NULL.  The strings are static and
 * owned by the program. */
#ifndef WAFA_TEXT_EMBEDDED_H
#define WAFA_TEXT_EMBEDDED_H

struct embedded_file {
	const char *name; /* base name of the file under data/ */
	const char *text; /* its whole contents, NUL-terminated */
};

#endif
