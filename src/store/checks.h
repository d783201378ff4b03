/* checks.h -- the consistency queries behind `wafa check`. */
#ifndef WAFA_STORE_CHECKS_H
#define WAFA_STORE_CHECKS_H

#include <stdint.h>

#include "store/store.h"

/* Each check lists the rows that break one invariant, as up to three
 * numbers (a, b, c) whose meaning the check's comment gives. */
enum store_check {
	SC_BALANCE,       /* customer a: balance b, ledger sum c */
	SC_SALES_COUNT,   /* customer a: sales_count b, sales c */
	SC_SPEND,         /* customer a: spend b, paid - refunded c */
	SC_LAST_SALE,     /* customer a: last_sale_at b, latest sale c */
	SC_EARN_ENTRY,    /* sale a: earned b, earn entries c */
	SC_PAY_ENTRY,     /* sale a: points_paid b, pay entries c */
	SC_RETURN_ENTRY,  /* return a: reversed b, reverse entries c */
	SC_RESTORE_ENTRY, /* return a: restored b, restore entries c */
	SC_OVER_RETURN,   /* sale a: amount b, returned c */
	SC_SALE_MATH,     /* sale a: amount b, discount + paid c */
	SC_STOCK,         /* reward a: stock b, redeemed c */
	SC_REDEEM_ENTRY,  /* redemption a: points b, redeem entries c */
	SC_VOUCHER,       /* redemption a without exactly one voucher (b vouchers) */
	SC_TIER_HISTORY,  /* customer a whose tier differs from the last history row */
	SC_WATERMARK,     /* customer a: watermark b before their latest entry c */
	SC_FIRST_SALE,    /* customer a: b sales marked first (must be 1 when there are sales) */
	SC_NEGATIVE,      /* customer a: balance b below zero, but no negative_since */
	SC_CUM_PAID,      /* sale a: running total b, sum of paid up to it c */
	SC_SALE_AT,       /* return a: sale_at b, the sale's instant c */
	SC__COUNT
};

/* Runs one check; calls row(ctx, a, b, c) for each offending row and
 * returns their number, or -1. */
int store_check_run(struct store *st, enum store_check which,
		    void (*row)(void *ctx, int64_t a, int64_t b, int64_t c), void *ctx,
		    struct werr *e);

#endif
