/* custfmt.h -- a customer's details as the customer screens show them:
 * phone and card numbers grouped for reading in the UI's digits, dates in
 * the shop's calendar and zone.  Shared by the customer list, the card
 * and the enrolment form.  Every function returns a new string the
 * caller frees (never NULL). */
#ifndef WAFA_TUI_CUSTFMT_H
#define WAFA_TUI_CUSTFMT_H

#include <stdint.h>

#include "text/calendar.h"

struct app;

/* "0912 345 6789" in the UI's digits (phone_format), kept in its order
 * when drawn left to right: Arabic-Indic digits are "Arabic numbers" to
 * the BiDi algorithm and the spaces between two groups would join them
 * into one right-to-left run, so a left-to-right mark follows each
 * space.  NULL gives "". */
char *cf_phone(struct app *app, const char *digits);
/* A card number in groups of four ("6000 0000 0011"), as cf_phone. */
char *cf_card(struct app *app, const char *card);
/* Digits of a plain number in the UI's digits (an id: "12"). */
char *cf_id(struct app *app, int64_t id);
/* Instant t in the shop's calendar and zone in the given style; "" for
 * TIME_NONE. */
char *cf_date(struct app *app, int64_t t, enum date_style style);
/* A compact date and time for history rows: the day and month with the
 * time in the current year of the shop's calendar, the day with its year
 * before it. */
char *cf_when(struct app *app, int64_t t);
/* How long ago t was, in days: "today", "yesterday", "12 days ago"; the
 * date for more than 60 days. */
char *cf_ago(struct app *app, int64_t t);
/* A birthday stored as Gregorian "YYYY-MM-DD" as the day and month of
 * the shop's calendar ("14 Dey"); "" when there is none. */
char *cf_birthday(struct app *app, const char *gregorian);
/* The same date as "YYYY-MM-DD" of the shop's calendar in the UI's
 * digits (to edit it); "" when there is none or it is not a date. */
char *cf_birthday_numeric(struct app *app, const char *gregorian);
/* Parses "YYYY-MM-DD" of the shop's calendar (digits of any script,
 * white space around it allowed) into the Gregorian "YYYY-MM-DD" the
 * engine takes (a new string).  NULL when it is not a date of that
 * calendar. */
char *cf_parse_shop_date(struct app *app, const char *text);

#endif
