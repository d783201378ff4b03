#!/bin/sh
# Many counters, one file: eight processes redeem from the same customer at
# the same moment.  The successful redemptions never exceed the balance,
# the ledger balances, and no process dies with a database error (exit 3).
. "${WAFA_TESTLIB:-$(dirname "$0")/lib.sh}"

export WAFA_NOW=1795336200
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 --timezone Asia/Tehran
w customer add --name "Ali" --phone 09121111111
# 10,000,000 at x1 earns 1,000 points; a reward of 150: six fit (900).
wj purchase add --customer 1 --amount 10000000
expect .points_balance 1000 "1,000 points to spend"
w reward add --code R150 --name "Coffee" --points 150

round() {
	i=0
	while [ $i -lt 8 ]; do
		( "$WAFA" --db "$DB" --json redeem 1 --reward R150 >"$T/out.$1.$i" 2>"$T/err.$1.$i"
		  echo $? >"$T/rc.$1.$i" ) &
		i=$((i + 1))
	done
	wait
}
round a
ok=0 refused=0 other=0
for f in "$T"/rc.a.*; do
	case $(cat "$f") in
	0) ok=$((ok + 1)) ;;
	1) refused=$((refused + 1)) ;;
	*) other=$((other + 1)) ;;
	esac
done
expect_eq "$ok" 6 "six redemptions of 150 fit in 1,000 points"
expect_eq "$refused" 2 "the other two are refused"
expect_eq "$other" 0 "no process fails with a database error"
checks=$((checks + 1))
cat "$T"/err.a.* | grep -v "holds" | grep -q . && fail "a refusal other than the balance: $(cat "$T"/err.a.*)"
vouchers=$(cat "$T"/out.a.* | jq -r .voucher | sort -u | wc -l)
expect_eq "$vouchers" 6 "six different voucher codes"
wj points 1
expect .balance 100 "1,000 - 6 x 150"

# Purchases and redemptions from eight counters at once, twice.
w purchase add --customer 1 --amount 20000000
round b &
i=0
while [ $i -lt 8 ]; do
	( "$WAFA" --db "$DB" purchase add --customer 1 --amount 10000 >/dev/null 2>"$T/perr.$i"
	  echo $? >"$T/prc.$i" ) &
	i=$((i + 1))
done
wait
expect_eq "$(cat "$T"/prc.* | sort -u | tr -d '\n')" 0 "every purchase went in"
expect_eq "$(cat "$T"/rc.b.* | sort -u | tr -d '\n')" 0 "every redemption went in"
wj customer show 1
expect .sales 10 "1 + 1 + 8 purchases"
# 100 + 2,000 (20M) + 8 x 1 (10,000 each) - 8 x 150 = 908.
expect .points 908 "the balance adds up"
wj check
expect .ok true "the ledger balances"
finish
