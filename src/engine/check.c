/* check.c -- `wafa check`. */
#include <config.h>

#include "engine/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/checks.h"
#include "text/digits.h"
#include "text/i18n.h"
#include "text/uilocale.h"
#include "text/xalloc.h"

/* What each broken invariant says, with up to three numbers -- the
 * stored values as they are (ids, minor units, epoch seconds) -- each
 * taken as %s, in the UI's digits (on_row). */
static const char *const check_message[SC__COUNT] = {
	[SC_BALANCE] = N_("customer %s: balance %s, but the ledger sums to %s"),
	[SC_SALES_COUNT] = N_("customer %s: %s sales counted, %s recorded"),
	[SC_SPEND] = N_("customer %s: spend %s, but sales less refunds give %s"),
	[SC_LAST_SALE] = N_("customer %s: last sale at %s, latest recorded %s"),
	[SC_EARN_ENTRY] = N_("purchase %s: earned %s points, the ledger holds %s"),
	[SC_PAY_ENTRY] = N_("purchase %s: paid %s points, the ledger holds %s"),
	[SC_RETURN_ENTRY] = N_("return %s: reversed %s points, the ledger holds %s"),
	[SC_RESTORE_ENTRY] = N_("return %s: restored %s points, the ledger holds %s"),
	[SC_OVER_RETURN] = N_("purchase %s: amount %s, but %s was returned"),
	[SC_SALE_MATH] = N_("purchase %s: amount %s differs from discount plus paid %s"),
	[SC_STOCK] = N_("reward %s: stock %s, but %s were given (negative stock)"),
	[SC_REDEEM_ENTRY] = N_("redemption %s: %s points, the ledger holds %s"),
	[SC_VOUCHER] = N_("redemption %s has %s vouchers instead of one"),
	[SC_TIER_HISTORY] =
		N_("customer %s: the tier differs from the last tier history row"),
	[SC_WATERMARK] = N_("customer %s: watermark %s is before the latest entry %s"),
	[SC_FIRST_SALE] = N_("customer %s: %s sales marked as first"),
	[SC_NEGATIVE] = N_("customer %s: a balance of %s without the instant it went below zero"),
	[SC_CUM_PAID] = N_("purchase %s: running total %s, but the customer's purchases up to "
			   "it paid %s"),
	[SC_SALE_AT] = N_("return %s: purchase time %s, but the purchase is dated %s"),
};

struct ctx {
	struct check_report *r;
	enum store_check which;
};

static void add(struct check_report *r, char *line)
{
	r->problems = xgrow(r->problems, &r->cap, r->n + 1, sizeof *r->problems);
	r->problems[r->n++] = line;
}

/* n as digits of the UI language, without grouping (the value as it is
 * stored, as the database shows it). */
static const char *raw_number(char buf[MSG_NUM_SIZE], int64_t n)
{
	char ascii[24];
	snprintf(ascii, sizeof ascii, "%lld", (long long)n);
	char *local = digits_localize(ascii, ui_locale_current()->digits);
	snprintf(buf, MSG_NUM_SIZE, "%s", local);
	free(local);
	return buf;
}

static void on_row(void *p, int64_t a, int64_t b, int64_t c)
{
	struct ctx *cx = p;
	char ta[MSG_NUM_SIZE], tb[MSG_NUM_SIZE], tc[MSG_NUM_SIZE];
	/* A message that prints fewer than three numbers ignores the rest. */
	add(cx->r, xasprintf(_(check_message[cx->which]), raw_number(ta, a), raw_number(tb, b),
			     raw_number(tc, c)));
}

static void on_integrity(void *p, const char *what)
{
	add(p, xstrdup(what));
}

int engine_check(struct store *st, struct check_report *out, struct werr *e)
{
	memset(out, 0, sizeof *out);
	if (store_begin_read(st, e) != 0)
		return -1;
	if (store_integrity(st, on_integrity, out, e) < 0)
		goto fail;
	for (int i = 0; i < SC__COUNT; i++) {
		struct ctx cx = {out, (enum store_check)i};
		if (store_check_run(st, (enum store_check)i, on_row, &cx, e) < 0)
			goto fail;
	}
	store_rollback(st);
	return 0;
fail:
	store_rollback(st);
	check_report_free(out);
	return -1;
}

void check_report_free(struct check_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->problems[i]);
	free(r->problems);
	memset(r, 0, sizeof *r);
}
