#!/bin/sh
# bench.sh -- the benchmark of DESIGN.md section 12 (`make bench`).
#
# For each shop size (default 20,000 and 200,000 customers; BENCH_SCALES
# to change, e.g. "20000 200000 1000000"), builds a demo shop of 36 months
# and measures every row of the section 12 table with its baseline measured
# in the same run, then prints one table: operation, median, p99, baseline,
# ratio, target, met.  Not a timed test: it only reports.
#
# Environment: WAFA (the program), BENCH (tests/bench/bench), BENCH_DIR
# (where the shops go; default a temporary folder), BENCH_KEEP=1 keeps them.
set -u
here=$(cd "$(dirname "$0")" && pwd)
WAFA=${WAFA:-$here/../../src/wafa}
BENCH=${BENCH:-$here/bench}
SCALES=${BENCH_SCALES:-20000 200000}
DIR=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/wafa-bench.XXXXXX")}
mkdir -p "$DIR"
for tool in sqlite3 tmux script; do
	command -v $tool >/dev/null 2>&1 || { echo "bench: $tool is needed" >&2; exit 1; }
done
[ -x "$BENCH" ] || { echo "bench: build $BENCH first (make bench)" >&2; exit 1; }

ms() { echo $(( ($(date +%s%N) - $1) / 1000 )); } # microseconds since $1 (ns)
# stats FILE: median and p99 of the numbers in FILE (one per line), in ms.
stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { m = v[int((NR + 1) / 2)]; p = v[int((NR - 1) * 0.99) + 1]; printf "%.1f %.1f", m / 1000, p / 1000 }'; }
row() { printf '| %-34s | %9s | %8s | %8s | %9s | %6s | %-22s | %-4s |\n' "$@"; }

month_sql() { # the best hand-written SQL for the month's figures
	S=$1 E=$2 P=$3 A=$4 T=$(($2 - 1)) W=$5 M=$6
	cat <<SQL
SELECT count(*), SUM(amount), SUM(paid), SUM(first_sale), SUM(amount) FILTER (WHERE first_sale = 1) FROM sales WHERE at >= $S AND at < $E;
SELECT SUM(refunded) FROM returns WHERE at >= $S AND at < $E;
SELECT count(*) FILTER (WHERE enrolled_at >= $S), count(*), count(*) FILTER (WHERE sales_count = 0), count(*) FILTER (WHERE sales_count = 1), count(*) FILTER (WHERE sales_count = 2), count(*) FILTER (WHERE sales_count >= 3 AND last_sale_at < $(($E - $A))), count(*) FILTER (WHERE sales_count >= 3 AND last_sale_at >= $(($E - $A))), count(first_sale_at), SUM(spend), SUM(balance), SUM(balance) FILTER (WHERE balance > 0), count(*) FILTER (WHERE last_sale_at >= $S) FROM customers;
SELECT count(*) FROM customers c WHERE c.sales_count >= 3 AND c.last_sale_at >= $(($E - $A)) AND (COALESCE((SELECT v.score FROM surveys v WHERE v.customer_id = c.id AND v.at < $E ORDER BY v.at DESC, v.id DESC LIMIT 1), 0) >= 9 OR EXISTS (SELECT 1 FROM customers r WHERE r.referrer_id = c.id AND r.first_sale_at < $E));
SELECT count(*), count(*) FILTER (WHERE last_sale_at >= $S) FROM customers c WHERE last_sale_at >= $P AND (last_sale_at < $S OR EXISTS (SELECT 1 FROM sales s WHERE s.customer_id = c.id AND s.at >= $P AND s.at < $S));
SELECT count(*) FROM customers c WHERE last_sale_at >= $(($S - $A)) AND (last_sale_at < $S OR EXISTS (SELECT 1 FROM sales s WHERE s.customer_id = c.id AND s.at >= $(($S - $A)) AND s.at < $S));
SELECT count(*) FROM customers WHERE last_sale_at >= $(($S - $A)) AND last_sale_at < $(($E - $A));
SELECT kind, SUM(points) FROM ledger WHERE at >= $S AND at < $E GROUP BY kind;
SELECT count(*) FROM redemptions WHERE at >= $S AND at < $E;
SELECT count(*), count(*) FILTER (WHERE score >= 9), count(*) FILTER (WHERE score BETWEEN 7 AND 8), count(*) FILTER (WHERE score <= 6) FROM surveys WHERE at >= $S AND at < $E;
SELECT c.id, COALESCE((SELECT s.cum_paid FROM sales s WHERE s.customer_id = c.id AND s.at <= $T ORDER BY s.at DESC, s.cum_paid DESC LIMIT 1), 0) - COALESCE((SELECT s.cum_paid FROM sales s WHERE s.customer_id = c.id AND s.at <= $(($T - $W)) ORDER BY s.at DESC, s.cum_paid DESC LIMIT 1), 0) - (SELECT COALESCE(SUM(r.refunded), 0) FROM returns r WHERE r.customer_id = c.id AND r.sale_at > $(($T - $W)) AND r.at <= $T) FROM customers c WHERE c.last_sale_at > $(($T - $W)) AND c.spend >= $M;
SQL
}


echo "wafa benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "SQLite $(sqlite3 --version | cut -d' ' -f1); shops of 36 months; times in ms"
echo
row "operation" "customers" "median" "p99" "baseline" "ratio" "target" "met"
row "----------------------------------" "---------" "--------" "--------" "---------" "------" "----------------------" "----"
for N in $SCALES; do
	db=$DIR/shop-$N.db
	rm -f "$db" "$db-wal" "$db-shm"
	# demo generation
	t0=$(date +%s%N)
	"$WAFA" --db "$db" --json demo --customers "$N" --months 36 --seed 1 >"$DIR/demo-$N.json" || exit 1
	us=$(ms "$t0")
	sales=$(sed 's/.*"purchases":\([0-9]*\).*/\1/' "$DIR/demo-$N.json")
	rate=$(( sales * 1000000 / us ))
	row "demo generation (sales/s)" "$N" "$rate" "" "" "" ">= 100,000 sales/s" "$([ $rate -ge 100000 ] && echo yes || echo no)"
	# search and purchase entry, in process
	"$BENCH" "$db" 300 1 >"$DIR/inproc-$N.txt" || exit 1
	get() { awk -v k="$1" '$1 == k { print $'"$2"' }' "$DIR/inproc-$N.txt"; }
	for k in search_phone search_name; do
		p99=$(get $k 3)
		row "customer search ($k)" "$N" "$(get $k 2)" "$p99" "" "" "p99 < 5 ms" \
			"$(awk -v p="$p99" 'BEGIN { print (p < 5) ? "yes" : "no" }')"
	done
	pm=$(get purchase 2) bm=$(get insert_baseline 2)
	ratio=$(awk -v a="$pm" -v b="$bm" 'BEGIN { printf "%.2f", a / b }')
	row "purchase entry (durable)" "$N" "$pm" "$(get purchase 3)" "$bm" "$ratio" "< 2 x bare INSERT" \
		"$(awk -v r="$ratio" 'BEGIN { print (r < 2) ? "yes" : "no" }')"
	# report month (the current month), against the sqlite3 shell
	set -- $(TZ=$("$WAFA" --db "$db" --json program show | sed 's/.*"timezone":"\([^"]*\)".*/\1/') date '+%Y %m')
	y=$1 m=$2
	zone=$("$WAFA" --db "$db" --json program show | sed 's/.*"timezone":"\([^"]*\)".*/\1/')
	S=$(TZ=$zone date -d "$y-$m-01" +%s)
	E=$(TZ=$zone date -d "$y-$m-01 +1 month" +%s)
	P=$(TZ=$zone date -d "$y-$m-01 -1 month" +%s)
	M=$(sqlite3 "$db" "SELECT COALESCE(MIN(min_spend), 0) FROM tiers WHERE min_spend > 0")
	month_sql "$S" "$E" "$P" $((90 * 86400)) $((365 * 86400)) "$M" >"$DIR/month.sql"
	: >"$DIR/report-$N.t"
	: >"$DIR/sql-$N.t"
	for i in 1 2 3 4 5 6 7; do
		t0=$(date +%s%N); "$WAFA" --db "$db" --json report month >/dev/null; ms "$t0" >>"$DIR/report-$N.t"
		t0=$(date +%s%N); sqlite3 "$db" <"$DIR/month.sql" >/dev/null; ms "$t0" >>"$DIR/sql-$N.t"
	done
	set -- $(stats "$DIR/report-$N.t"); rmed=$1 rp99=$2
	set -- $(stats "$DIR/sql-$N.t"); smed=$1
	ratio=$(awk -v a="$rmed" -v b="$smed" 'BEGIN { printf "%.2f", a / b }')
	row "report month ($y-$m)" "$N" "$rmed" "$rp99" "$smed" "$ratio" "< 250 ms, < 1.5 x SQL" \
		"$(awk -v a="$rmed" -v r="$ratio" 'BEGIN { print (a < 250 && r < 1.5) ? "yes" : "no" }')"
	# the curses front end, from start to a drawn home screen
	: >"$DIR/tui-$N.t"
	: >"$DIR/pty-$N.t"
	for i in 1 2 3 4 5 6 7 8 9 10 11; do
		t0=$(date +%s%N); script -qc "WAFA_BENCH_EXIT=first-draw $WAFA --db $db" /dev/null >/dev/null; ms "$t0" >>"$DIR/tui-$N.t"
		t0=$(date +%s%N); script -qc "true" /dev/null >/dev/null; ms "$t0" >>"$DIR/pty-$N.t"
	done
	set -- $(stats "$DIR/tui-$N.t"); tmed=$1 tp99=$2
	set -- $(stats "$DIR/pty-$N.t"); pmed=$1
	row "open the screens to a drawn home" "$N" "$tmed" "$tp99" "$pmed" "" "< 60 ms" \
		"$(awk -v a="$tmed" 'BEGIN { print (a < 60) ? "yes" : "no" }')"
	# resident memory while browsing the whole customer list
	sock=$DIR/tmux.sock
	tmux -S "$sock" -f /dev/null new-session -d -s b -x 100 -y 30 "$WAFA --db $db; sleep 2"
	sleep 1
	pid=$(pgrep -f -- "^$WAFA --db $db\$" | head -1)
	tmux -S "$sock" send-keys -t b F2; sleep 0.5
	tmux -S "$sock" send-keys -t b End; sleep 0.5
	i=0; while [ $i -lt 150 ]; do tmux -S "$sock" send-keys -t b PPage; i=$((i + 1)); done; sleep 0.5
	tmux -S "$sock" send-keys -t b Home; sleep 0.3
	i=0; while [ $i -lt 150 ]; do tmux -S "$sock" send-keys -t b NPage; i=$((i + 1)); done; sleep 0.5
	tmux -S "$sock" send-keys -t b -l "ka"; sleep 0.5
	hwm=$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status" 2>/dev/null)
	tmux -S "$sock" send-keys -t b F10; sleep 0.3
	tmux -S "$sock" kill-server 2>/dev/null
	row "resident memory, browsing the list" "$N" "${hwm:-?} MB" "" "" "" "< 20 MB" \
		"$(awk -v a="${hwm:-999}" 'BEGIN { print (a < 20) ? "yes" : "no" }')"
done
[ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$DIR"
