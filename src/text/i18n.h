/* i18n.h -- the gettext shorthands used by every user-visible string.
 *
 * _("...")  translate now;  N_("...")  mark for translation, translate
 * later (tables);  P_(sing, plural, n)  plural-aware (Arabic has six
 * forms, so every count shown to a person goes through it).
 *
 * C_(ctx, "...") and CP_(ctx, sing, plural, n) are the same with a
 * context (msgctxt): two messages that read the same in English but not
 * in every language -- a screen title and the key-bar word for it, money
 * and points "to go" -- get one context each, so a translator can word
 * each for its place.  The context is a literal string. */
#ifndef WAFA_TEXT_I18N_H
#define WAFA_TEXT_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define P_(s, p, n) ngettext((s), (p), (unsigned long)(n))
/* Context-qualified message: a word that reads differently where it is
 * used (a column title versus a verb, say). */
#define C_(ctx, s) wafa_pgettext(ctx "\004" s, s)
/* Context-qualified plural message. */
#define CP_(ctx, s, p, n) wafa_npgettext(ctx "\004" s, s, p, (unsigned long)(n))

/* ctx_id is "context\004msgid": its translation, else s (gettext hands
 * back ctx_id itself when the catalog has no entry). */
__attribute__((format_arg(2))) static inline const char *wafa_pgettext(const char *ctx_id,
								      const char *s)
{
	const char *t = gettext(ctx_id);
	return t == ctx_id ? s : t;
}

/* The plural of wafa_pgettext: without an entry ngettext hands back
 * ctx_id for the singular and p for the plural. */
__attribute__((format_arg(2))) __attribute__((format_arg(3))) static inline const char *
wafa_npgettext(const char *ctx_id, const char *s, const char *p, unsigned long n)
{
	const char *t = ngettext(ctx_id, p, n);
	return t == ctx_id ? s : t;
}

#endif
