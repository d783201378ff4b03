/* i18n.h -- the gettext shorthands used by every user-visible string.
 *
 * _("...")  translate now;  N_("...")  mark for translation, translate
 * later (tables);  P_(sing, plural, n)  plural-aware (Arabic has six
 * forms, so every count shown to a person goes through it). */
#ifndef WAFA_TEXT_I18N_H
#define WAFA_TEXT_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define P_(s, p, n) ngettext((s), (p), (unsigned long)(n))
/* Context-qualified message: a word that reads differently where it is
 * used (a column title versus a verb, say). */
#define C_(ctx, s) wafa_pgettext(ctx "\004" s, s)

static inline const char *wafa_pgettext(const char *ctx_id, const char *s)
{
	const char *t = gettext(ctx_id);
	return t == ctx_id ? s : t;
}

#endif
