/* rules.c -- the loyalty rules as pure functions. */
#include <config.h>

#include "engine/rules.h"

#include <stdio.h>
#include <string.h>

#include "store/store.h"
#include "text/xalloc.h"

int64_t rule_mul_div(int64_t value, int64_t num, int64_t den)
{
	if (den <= 0 || value <= 0 || num <= 0)
		return 0;
	__int128 p = (__int128)value * num;
	return (int64_t)(p / den);
}

int64_t rule_earned(int64_t paid, int64_t earn_unit, int multiplier)
{
	if (earn_unit <= 0 || paid <= 0 || multiplier <= 0)
		return 0;
	int64_t base = paid / earn_unit;
	return rule_mul_div(base, multiplier, 100);
}

/* floor(x * cum / amount) - floor(x * prev / amount) */
static int64_t share(int64_t x, int64_t prev, int64_t cum, int64_t amount)
{
	return rule_mul_div(x, cum, amount) - rule_mul_div(x, prev, amount);
}

void rule_return_split(int64_t amount, int64_t paid, int64_t earned, int64_t points_paid,
		       int64_t prev, int64_t cum, struct return_split *out)
{
	out->refunded = share(paid, prev, cum, amount);
	out->reversed = share(earned, prev, cum, amount);
	out->restored = share(points_paid, prev, cum, amount);
}

int64_t rule_window_spend(const struct window_sale *v, size_t n, int64_t t, int64_t window)
{
	int64_t sum = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].at > t - window && v[i].at <= t)
			sum += v[i].paid - v[i].refunded;
	return sum;
}

size_t rule_tier_index(const struct tier *tiers, size_t n, int64_t spend)
{
	size_t best = 0;
	for (size_t i = 0; i < n; i++)
		if (tiers[i].min_spend <= spend && tiers[i].min_spend >= tiers[best].min_spend)
			best = i;
	return best;
}

bool rule_entry_expires(enum ledger_kind kind, int64_t points)
{
	switch (kind) {
	case LK_EARN:
	case LK_BONUS:
	case LK_RESTORE:
		return points > 0;
	case LK_ADJUST:
		return points > 0;
	default:
		return false;
	}
}

bool rule_entry_consumes(enum ledger_kind kind, int64_t points)
{
	switch (kind) {
	case LK_REDEEM:
	case LK_PAY:
	case LK_REVERSE:
		return true;
	case LK_ADJUST:
		return points < 0;
	default:
		return false;
	}
}

int64_t rule_expiry(const struct ledger_point *v, size_t n, int64_t expiry_secs, int64_t from,
		    int64_t to, struct expiry **out, size_t *nout, size_t *cap)
{
	if (expiry_secs <= 0)
		return TIME_NONE;
	/* Positive entries are in time order, so their expiry instants
	 * (at + expiry_secs) are too; walk them with running sums. */
	int64_t P = 0, C = 0, X = 0;
	size_t ip = 0; /* next positive entry not yet in P */
	size_t ic = 0; /* next entry not yet in C / X */
	int64_t next = TIME_NONE;
	size_t i = 0;
	while (i < n) {
		if (!rule_entry_expires(v[i].kind, v[i].points)) {
			i++;
			continue;
		}
		int64_t e = v[i].at + expiry_secs;
		if (from != TIME_NONE && e <= from) {
			i++;
			continue;
		}
		if (e > to) {
			next = e;
			break;
		}
		/* P(e): every positive entry expiring at or before e. */
		for (; ip < n; ip++) {
			if (!rule_entry_expires(v[ip].kind, v[ip].points))
				continue;
			if (v[ip].at + expiry_secs > e)
				break;
			P += v[ip].points;
		}
		/* C and X: entries dated before e. */
		for (; ic < n && v[ic].at < e; ic++) {
			if (rule_entry_consumes(v[ic].kind, v[ic].points))
				C += -v[ic].points;
			else if (v[ic].kind == LK_EXPIRE)
				X += -v[ic].points;
		}
		int64_t x = P - C - X;
		if (x > 0) {
			*out = xgrow(*out, cap, *nout + 1, sizeof **out);
			(*out)[*nout].at = e;
			(*out)[*nout].points = x;
			(*nout)++;
			X += x;
		}
		/* Skip the other entries with the same expiry instant. */
		while (i < n && (!rule_entry_expires(v[i].kind, v[i].points) ||
				 v[i].at + expiry_secs <= e))
			i++;
	}
	return next;
}

int rule_luhn_digit(const char *digits)
{
	/* Double every second digit from the right, starting with the last
	 * digit of `digits` (which will sit left of the check digit). */
	size_t len = strlen(digits);
	int sum = 0;
	for (size_t k = 0; k < len; k++) {
		int d = digits[len - 1 - k] - '0';
		if (k % 2 == 0) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
	}
	return (10 - sum % 10) % 10;
}

bool rule_luhn_valid(const char *card)
{
	size_t len = strlen(card);
	if (len < 2)
		return false;
	for (size_t i = 0; i < len; i++)
		if (card[i] < '0' || card[i] > '9')
			return false;
	char body[64];
	if (len - 1 >= sizeof body)
		return false;
	memcpy(body, card, len - 1);
	body[len - 1] = '\0';
	return rule_luhn_digit(body) == card[len - 1] - '0';
}

void rule_card_number(int64_t id, char buf[24])
{
	char body[32];
	snprintf(body, sizeof body, "60%09lld", (long long)(id % 1000000000000LL));
	snprintf(buf, 24, "%.22s%d", body, rule_luhn_digit(body));
}

void rule_voucher_code(uint64_t (*rand64)(void *ctx), void *ctx, char buf[16])
{
	static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; /* 32 symbols */
	uint64_t r = rand64(ctx);
	char sym[8];
	for (int i = 0; i < 8; i++) {
		sym[i] = alphabet[r & 31];
		r >>= 5;
	}
	snprintf(buf, 16, "%c%c-%c%c%c-%c%c%c", sym[0], sym[1], sym[2], sym[3], sym[4], sym[5],
		 sym[6], sym[7]);
}

enum nps_category rule_nps_category(int score)
{
	if (score >= 9)
		return NPS_PROMOTER;
	if (score >= 7)
		return NPS_PASSIVE;
	return NPS_DETRACTOR;
}

int rule_nps(int64_t promoters, int64_t detractors, int64_t responses)
{
	if (responses <= 0)
		return 0;
	int64_t num = 100 * (promoters - detractors);
	int64_t q = num / responses, r = num % responses;
	/* Round half away from zero: compare 2|r| with the denominator. */
	if (2 * (r < 0 ? -r : r) >= responses)
		q += num < 0 ? -1 : 1;
	return (int)q;
}
