#!/bin/sh
# Crash safety: wafa is killed with SIGKILL at random moments during a
# stream of purchases, returns, redemptions and imports (more than a hundred
# kills).  Afterwards `wafa check` finds nothing half-written, every
# operation that was acknowledged is there, and every import went in whole
# or not at all.
. "${WAFA_TESTLIB:-$(dirname "$0")/lib.sh}"

export WAFA_NOW=1795336200
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 --timezone Asia/Tehran
i=1
while [ $i -le 5 ]; do
	w customer add --name "Customer $i" --phone "0912000000$i"
	i=$((i + 1))
done
w reward add --code R10 --name "Small gift" --points 10
w purchase add --customer 1 --amount 50000000 # 5,000 points to redeem from

# An import of 300 purchases per batch, tagged in the note.
batch() {
	{
		echo "customer,at,amount,note"
		k=0
		while [ $k -lt 300 ]; do
			echo "$((k % 5 + 1)),2026-11-22 12:00,$(( (k + 1) * 1000 )),batch $1"
			k=$((k + 1))
		done
	} >"$T/batch$1.csv"
}

acked_purchases=""
acked_returns=""
acked_vouchers=""
acked_batches=""
kills=0
n=0
seed=${CRASH_SEED:-12345}
# rand N: a pseudo-random number below N in $R (no subshell: the seed moves on).
rand() { seed=$(( (seed * 1103515245 + 12345) % 2147483648 )); R=$(( (seed / 65536) % $1 )); }
while [ $kills -lt 120 ] && [ $n -lt 2000 ]; do
	n=$((n + 1))
	rand 4; op=$R
	rand 5; who=$((R + 1))
	rand 50; amount=$(( (R + 1) * 10000 ))
	case $op in
	0) set -- purchase add --customer $who --amount $amount ;;
	1) set -- redeem 1 --reward R10 ;;
	2) set -- purchase return --purchase 1 --amount 1000 ;;
	3) batch $n; set -- import purchases "$T/batch$n.csv" ;;
	esac
	"$WAFA" --db "$DB" --json "$@" >"$T/ack" 2>/dev/null &
	pid=$!
	# Kill at a random moment: often in the middle of the transaction.
	if [ $op = 3 ]; then
		rand 9
		sleep "0.0${R}5" # imports take longer: 5 to 85 ms
	else
		rand 12
		sleep "0.0$(printf '%02d' "$R")"
	fi
	if kill -9 $pid 2>/dev/null; then
		kills=$((kills + 1))
	fi
	wait $pid 2>/dev/null
	rc=$?
	[ $rc -eq 0 ] || continue
	# Acknowledged: the program finished and said so.
	case $op in
	0) acked_purchases="$acked_purchases $(jq -r .purchase_id "$T/ack")" ;;
	1) acked_vouchers="$acked_vouchers $(jq -r .voucher "$T/ack")" ;;
	2) acked_returns="$acked_returns $(jq -r .return_id "$T/ack")" ;;
	3) acked_batches="$acked_batches $n" ;;
	esac
done
checks=$((checks + 1))
[ $kills -ge 100 ] || fail "only $kills kills landed (need at least 100)"

wj check
expect_rc 0 "check after the kills"
expect .ok true "nothing half-written: $(printf '%s' "$out" | jq -c .problems)"
for id in $acked_purchases; do
	checks=$((checks + 1))
	[ "$(sqlite3 "$DB" "select count(*) from sales where id = $id")" = 1 ] || fail "acknowledged purchase $id is missing"
done
for id in $acked_returns; do
	checks=$((checks + 1))
	[ "$(sqlite3 "$DB" "select count(*) from returns where id = $id")" = 1 ] || fail "acknowledged return $id is missing"
done
for v in $acked_vouchers; do
	checks=$((checks + 1))
	[ "$(sqlite3 "$DB" "select count(*) from vouchers where code = '$v'")" = 1 ] || fail "acknowledged voucher $v is missing"
done
for b in $acked_batches; do
	checks=$((checks + 1))
	[ "$(sqlite3 "$DB" "select count(*) from sales where note = 'batch $b'")" = 300 ] || fail "acknowledged import $b is not whole"
done
checks=$((checks + 1))
bad=$(sqlite3 "$DB" "select note, count(*) from sales where note like 'batch %' group by note having count(*) <> 300")
[ -z "$bad" ] || fail "an import went in partly: $bad"
printf '%s kills; acknowledged: %s purchases, %s returns, %s redemptions, %s imports\n' "$kills" \
	"$(echo $acked_purchases | wc -w)" "$(echo $acked_returns | wc -w)" \
	"$(echo $acked_vouchers | wc -w)" "$(echo $acked_batches | wc -w)"
finish
