/* uilocale.c -- the UI language and what follows from it. */
#include <config.h>

#include "text/uilocale.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "text/i18n.h"
#include "text/money.h"
#include "text/xalloc.h"

static struct ui_locale current = {.lang = "en", .rtl = false, .digits = DIGITS_LATIN};

/* "en", "fa" or "ar" when s is exactly one of them (any case), else
 * NULL. */
static const char *exact_lang(const char *s)
{
	static const char *const langs[] = {"en", "fa", "ar"};

	if (s == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++)
		if (strcasecmp(s, langs[i]) == 0)
			return langs[i];
	return NULL;
}

/* The UI language for a locale or LANGUAGE entry ("fa_IR.UTF-8",
 * "ar-SA", "C.UTF-8"): fa, ar, or en for anything else; NULL when the
 * entry is empty. */
static const char *lang_of_locale(const char *name, size_t len)
{
	if (len == 0)
		return NULL;
	size_t code = 0;
	while (code < len && strchr("_.@-", name[code]) == NULL)
		code++;
	if (code == 2 && strncasecmp(name, "fa", 2) == 0)
		return "fa";
	if (code == 2 && strncasecmp(name, "ar", 2) == 0)
		return "ar";
	return "en";
}

static const char *lang_from_environment(void)
{
	const char *language = getenv("LANGUAGE");
	if (language != NULL) {
		const char *lang = lang_of_locale(language, strcspn(language, ":"));
		if (lang != NULL)
			return lang;
	}
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		const char *lang = v != NULL ? lang_of_locale(v, strlen(v)) : NULL;
		if (lang != NULL)
			return lang;
	}
	return "en";
}

int ui_locale_resolve(struct ui_locale *loc, const char *opt, const char *setting,
                      const char *digits_setting)
{
	const char *lang;

	if (opt != NULL && opt[0] != '\0') {
		lang = exact_lang(opt);
		if (lang == NULL)
			return -1;
	} else if ((lang = exact_lang(setting)) == NULL) {
		lang = lang_from_environment();
	}

	snprintf(loc->lang, sizeof loc->lang, "%s", lang);
	loc->rtl = strcmp(lang, "en") != 0;

	enum digit_script native = strcmp(lang, "fa") == 0   ? DIGITS_PERSIAN
	                           : strcmp(lang, "ar") == 0 ? DIGITS_ARABIC
	                                                     : DIGITS_LATIN;
	if (digits_setting != NULL && strcmp(digits_setting, "latin") == 0)
		loc->digits = DIGITS_LATIN;
	else
		loc->digits = native; /* "native", "auto", unset or unknown */
	return 0;
}

static bool codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs != NULL && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

void ui_locale_apply(const struct ui_locale *loc, const char *localedir)
{
	/* gettext reads LANGUAGE before LC_MESSAGES whenever the locale is
	 * not plain "C"; for en no catalog exists, so the source text shows. */
	setenv("LANGUAGE", loc->lang, 1);
	if (setlocale(LC_ALL, "") == NULL || !codeset_is_utf8())
		setlocale(LC_ALL, "C.UTF-8");

	const char *dir = getenv("WAFA_LOCALEDIR");
	if (dir == NULL || dir[0] == '\0')
		dir = localedir;
#ifdef LOCALEDIR
	if (dir == NULL)
		dir = LOCALEDIR;
#endif
	if (dir != NULL)
		bindtextdomain(PACKAGE, dir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

const struct ui_locale *ui_locale_current(void)
{
	return &current;
}

void ui_locale_set_current(const struct ui_locale *loc)
{
	current = *loc;
}

char *fmt_int(const struct ui_locale *loc, int64_t n)
{
	return money_format(n, 0, loc->digits);
}

char *fmt_money(const struct ui_locale *loc, int64_t minor, int decimals)
{
	return money_format(minor, decimals, loc->digits);
}

static const char *numbering_system(enum digit_script digits)
{
	switch (digits) {
	case DIGITS_PERSIAN:
		return "arabext";
	case DIGITS_ARABIC:
		return "arab";
	case DIGITS_LATIN:
	default:
		return "latn";
	}
}

static char *percent_with_icu(const struct ui_locale *loc, double fraction)
{
	UErrorCode st = U_ZERO_ERROR;
	UNumberFormat *nf = NULL;
	UChar buf[64];
	char locale[48], *text = NULL;
	int32_t n, len = 0;

	snprintf(locale, sizeof locale, "%s@numbers=%s", loc->lang, numbering_system(loc->digits));
	nf = unum_open(UNUM_PERCENT, NULL, 0, locale, NULL, &st);
	if (U_FAILURE(st))
		goto out;
	unum_setAttribute(nf, UNUM_MAX_FRACTION_DIGITS, 0);
	unum_setAttribute(nf, UNUM_ROUNDING_MODE, UNUM_ROUND_HALFUP);
	n = unum_formatDouble(nf, fraction, buf, (int32_t)(sizeof buf / sizeof buf[0]), NULL, &st);
	if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING)
		goto out;
	u_strToUTF8(NULL, 0, &len, buf, n, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		goto out;
	st = U_ZERO_ERROR;
	text = xmalloc((size_t)len + 1);
	u_strToUTF8(text, len + 1, NULL, buf, n, &st);
	if (U_FAILURE(st)) {
		free(text);
		text = NULL;
	}
out:
	if (nf != NULL)
		unum_close(nf);
	return text;
}

char *fmt_percent(const struct ui_locale *loc, double fraction)
{
	/* ICU places the sign as the language writes it ("71%", "٪۷۱" or
	 * "۷۱٪"), rounding half away from zero to a whole percent. */
	char *text = percent_with_icu(loc, fraction);
	if (text != NULL)
		return text;
	if (!isfinite(fraction) || fraction > 1e15 || fraction < -1e15)
		return xstrdup("-");
	double pct = fraction * 100.0;
	long long whole = (long long)(pct < 0 ? pct - 0.5 : pct + 0.5);
	char *ascii = xasprintf("%lld%%", whole);
	text = fmt_digits(loc, ascii);
	free(ascii);
	return text;
}

char *fmt_digits(const struct ui_locale *loc, const char *ascii)
{
	return digits_localize(ascii, loc->digits);
}

static const char *copy_out(char buf[MSG_NUM_SIZE], char *text)
{
	snprintf(buf, MSG_NUM_SIZE, "%s", text);
	free(text);
	return buf;
}

const char *msg_int(char buf[MSG_NUM_SIZE], int64_t n)
{
	return copy_out(buf, fmt_int(&current, n));
}

const char *msg_id(char buf[MSG_NUM_SIZE], int64_t n)
{
	char ascii[32];
	snprintf(ascii, sizeof ascii, "%lld", (long long)n);
	return copy_out(buf, fmt_digits(&current, ascii));
}

const char *msg_money(char buf[MSG_NUM_SIZE], int64_t minor, int decimals)
{
	return copy_out(buf, fmt_money(&current, minor, decimals));
}
