/* custfmt.c -- a customer's details as the customer screens show them. */
#include <config.h>

#include "tui/custfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "text/digits.h"
#include "text/i18n.h"
#include "text/phone.h"
#include "text/strbuf.h"
#include "text/tz.h"
#include "text/uilocale.h"
#include "text/utf8.h"
#include "text/xalloc.h"
#include "tui/app.h"

/* ASCII digits and spaces -> the UI's digits, a left-to-right mark after
 * each space. */
static char *ltr_groups(struct app *app, const char *ascii)
{
	char *local = fmt_digits(app->loc, ascii);
	struct strbuf sb = STRBUF_INIT;
	for (const char *c = local; *c != '\0'; c++) {
		strbuf_addc(&sb, *c);
		if (*c == ' ')
			strbuf_adds(&sb, "\u200e");
	}
	free(local);
	return strbuf_detach(&sb);
}

char *cf_phone(struct app *app, const char *digits)
{
	if (digits == NULL || *digits == '\0')
		return xstrdup("");
	char *g = phone_format(digits);
	char *s = ltr_groups(app, g);
	free(g);
	return s;
}

char *cf_card(struct app *app, const char *card)
{
	if (card == NULL || *card == '\0')
		return xstrdup("");
	struct strbuf sb = STRBUF_INIT;
	size_t n = strlen(card);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && i % 4 == 0)
			strbuf_addc(&sb, ' ');
		strbuf_addc(&sb, card[i]);
	}
	char *s = ltr_groups(app, strbuf_str(&sb));
	strbuf_release(&sb);
	return s;
}

char *cf_id(struct app *app, int64_t id)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%lld", (long long)id);
	return fmt_digits(app->loc, buf);
}

char *cf_date(struct app *app, int64_t t, enum date_style style)
{
	if (t == TIME_NONE)
		return xstrdup("");
	char *s = cal_format(app->shop.p.calendar, app->shop.p.timezone, app->loc->lang,
			     app->loc->digits, t, style);
	return s != NULL ? s : xstrdup("?");
}

char *cf_when(struct app *app, int64_t t)
{
	if (t == TIME_NONE)
		return xstrdup("");
	int y, m, ny, nm;
	const struct program *p = &app->shop.p;
	bool this_year = month_of(p->calendar, p->timezone, t, &y, &m) == 0 &&
			 month_of(p->calendar, p->timezone, app_now(app), &ny, &nm) == 0 &&
			 y == ny;
	if (!this_year)
		return cf_date(app, t, DATE_DAY);
	char *d = cf_date(app, t, DATE_DAY_MONTH);
	char *h = cf_date(app, t, DATE_TIME);
	char *s = xasprintf("%s %s", d, h);
	free(d);
	free(h);
	return s;
}

/* The local calendar day of t as a number of days (for differences). */
static int64_t local_day(struct app *app, int64_t t)
{
	struct civil c;
	int offset = 0;
	if (tz_utc_to_local(app->shop.p.timezone, t, &c, &offset) != 0)
		offset = 0;
	int64_t local = t + offset;
	return local >= 0 ? local / 86400 : (local - 86399) / 86400;
}

char *cf_ago(struct app *app, int64_t t)
{
	if (t == TIME_NONE)
		return xstrdup("");
	int64_t days = local_day(app, app_now(app)) - local_day(app, t);
	if (days <= 0)
		return xstrdup(_("today"));
	if (days == 1)
		return xstrdup(_("yesterday"));
	if (days > 60)
		return cf_date(app, t, DATE_DAY);
	char *n = fmt_int(app->loc, days);
	char *s = xasprintf(P_("%s day ago", "%s days ago", days), n);
	free(n);
	return s;
}

/* "YYYY-MM-DD" (ASCII) -> numbers; false when it is not that shape. */
static bool split_date(const char *text, int *y, int *m, int *d)
{
	if (strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
			return false;
	*y = atoi(text);
	*m = atoi(text + 5);
	*d = atoi(text + 8);
	return true;
}

char *cf_birthday(struct app *app, const char *gregorian)
{
	int y, m, d;
	if (gregorian == NULL || !split_date(gregorian, &y, &m, &d))
		return xstrdup("");
	/* Noon of that day in the shop's zone, named in the shop's calendar. */
	struct civil c = {.year = y, .month = m, .day = d, .hour = 12};
	int64_t t;
	if (tz_local_to_utc(app->shop.p.timezone, &c, &t) != 0)
		return xstrdup(gregorian);
	return cf_date(app, t, DATE_DAY_MONTH);
}

char *cf_birthday_numeric(struct app *app, const char *gregorian)
{
	int y, m, d, cy, cm, cd;
	if (gregorian == NULL || !split_date(gregorian, &y, &m, &d) ||
	    cal_from_gregorian(app->shop.p.calendar, y, m, d, &cy, &cm, &cd) != 0)
		return xstrdup("");
	char buf[16];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", cy, cm, cd);
	return fmt_digits(app->loc, buf);
}

char *cf_parse_shop_date(struct app *app, const char *text)
{
	char *a = digits_to_ascii(text);
	char *t = a != NULL ? utf8_trim(a) : NULL;
	free(a);
	if (t == NULL)
		return NULL;
	int y, m, d, gy, gm, gd;
	bool ok = split_date(t, &y, &m, &d) &&
		  cal_to_gregorian(app->shop.p.calendar, y, m, d, &gy, &gm, &gd) == 0;
	free(t);
	if (!ok)
		return NULL;
	return xasprintf("%04d-%02d-%02d", gy, gm, gd);
}
