/* check.c -- `wafa check`. */
#include <config.h>

#include "engine/check.h"

#include <stdlib.h>
#include <string.h>

#include "store/checks.h"
#include "text/i18n.h"
#include "text/xalloc.h"

/* What each broken invariant says, with its three numbers. */
static const char *const check_message[SC__COUNT] = {
	[SC_BALANCE] = N_("customer %lld: balance %lld, but the ledger sums to %lld"),
	[SC_SALES_COUNT] = N_("customer %lld: %lld sales counted, %lld recorded"),
	[SC_SPEND] = N_("customer %lld: spend %lld, but sales less refunds give %lld"),
	[SC_LAST_SALE] = N_("customer %lld: last sale at %lld, latest recorded %lld"),
	[SC_EARN_ENTRY] = N_("purchase %lld: earned %lld points, the ledger holds %lld"),
	[SC_PAY_ENTRY] = N_("purchase %lld: paid %lld points, the ledger holds %lld"),
	[SC_RETURN_ENTRY] = N_("return %lld: reversed %lld points, the ledger holds %lld"),
	[SC_RESTORE_ENTRY] = N_("return %lld: restored %lld points, the ledger holds %lld"),
	[SC_OVER_RETURN] = N_("purchase %lld: amount %lld, but %lld was returned"),
	[SC_SALE_MATH] = N_("purchase %lld: amount %lld differs from discount plus paid %lld"),
	[SC_STOCK] = N_("reward %lld: stock %lld, but %lld were given (negative stock)"),
	[SC_REDEEM_ENTRY] = N_("redemption %lld: %lld points, the ledger holds %lld"),
	[SC_VOUCHER] = N_("redemption %lld has %lld vouchers instead of one"),
	[SC_TIER_HISTORY] =
		N_("customer %lld: the tier differs from the last tier history row"),
	[SC_WATERMARK] = N_("customer %lld: watermark %lld is before the latest entry %lld"),
	[SC_FIRST_SALE] = N_("customer %lld: %lld sales marked as first"),
	[SC_NEGATIVE] = N_("customer %lld: a balance of %lld without the instant it went below zero"),
	[SC_CUM_PAID] = N_("purchase %lld: running total %lld, but the customer's purchases up to "
			   "it paid %lld"),
	[SC_SALE_AT] = N_("return %lld: purchase time %lld, but the purchase is dated %lld"),
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

/* How many numbers each message prints. */
static int message_args(enum store_check which)
{
	switch (which) {
	case SC_TIER_HISTORY:
		return 1;
	case SC_VOUCHER:
	case SC_FIRST_SALE:
	case SC_NEGATIVE:
		return 2;
	default:
		return 3;
	}
}

static void on_row(void *p, int64_t a, int64_t b, int64_t c)
{
	struct ctx *cx = p;
	const char *fmt = _(check_message[cx->which]);
	switch (message_args(cx->which)) {
	case 1:
		add(cx->r, xasprintf(fmt, (long long)a));
		break;
	case 2:
		add(cx->r, xasprintf(fmt, (long long)a, (long long)b));
		break;
	default:
		add(cx->r, xasprintf(fmt, (long long)a, (long long)b, (long long)c));
		break;
	}
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
