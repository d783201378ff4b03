#!/bin/sh
# Real data: the CDNOW purchase log (23,570 customers, 69,659 purchases,
# 1997-01 to 1998-06; Fader & Hardie; see tests/data/cdnow/README).
# Imported into a USD shop through the engine, its monthly figures must
# agree to the unit with an independent count made here with awk on the
# raw file: transactions, active, new and returning customers, sales, and
# the repeat-purchase rate.
. "${WAFA_TESTLIB:-$(dirname "$0")/lib.sh}"

RAW=${top_srcdir:-$(dirname "$0")/../..}/tests/data/cdnow/CDNOW_master.txt
[ -r "$RAW" ] || { echo "no $RAW" >&2; exit 99; }

w init --currency USD --decimals 2 --earn-unit 1.00 --point-value 0.01 --timezone UTC
expect_rc 0 "init"

# The CSV of DESIGN.md section 8.  Customers are enrolled at their first
# purchase (the file is sorted by customer, then date).
tr -d '\r' <"$RAW" | awk 'NR > 1 && !seen[$1]++ {
	d = $2
	if (!header++) print "external_id,name,enrolled_at"
	printf "%s,CDNOW %s,%s-%s-%s 00:00:00\n", $1, $1, substr(d,1,4), substr(d,5,2), substr(d,7,2)
}' >"$T/customers.csv"
tr -d '\r' <"$RAW" | awk 'NR == 1 { print "customer,at,amount" }
NR > 1 { d = $2; printf "ext:%s,%s-%s-%s,%s\n", $1, substr(d,1,4), substr(d,5,2), substr(d,7,2), $4 }' \
	>"$T/purchases.csv"
expect_eq "$(($(wc -l <"$T/customers.csv") - 1))" 23570 "customers in the file"
expect_eq "$(($(wc -l <"$T/purchases.csv") - 1))" 69659 "purchases in the file"

wj import customers "$T/customers.csv"
expect_rc 0 "import customers"
expect .imported 23570 "every customer imported"
wj import purchases "$T/purchases.csv" --dry-run
expect_rc 0 "dry run"
expect .imported 0 "a dry run imports nothing"
expect '.rejected | length' 0 "a dry run finds nothing to reject"
wj import purchases "$T/purchases.csv"
expect_rc 0 "import purchases"
expect .rows 69659 "rows read"
expect .imported 69659 "every purchase imported, \$0.00 and same-day rows included"

# The independent count.  A customer's first purchase is their earliest
# row (file order breaks ties between rows of one day); every other
# purchase is a repeat.
tr -d '\r' <"$RAW" | awk 'NR > 1 {
	m = substr($2, 1, 6)
	split($4, p, ".")
	cents = p[1] * 100 + p[2]
	tx[m]++; sales[m] += cents
	if (!((m, $1) in act)) { act[m, $1] = 1; active[m]++ }
	if (!($1 in first)) { first[$1] = 1; new[m]++ }
	months[m] = 1
}
END {
	for (m in months)
		printf "%s-%s %d %d %d %d %d %.4f\n", substr(m,1,4), substr(m,5,2), tx[m], active[m],
			new[m] + 0, active[m] - new[m], sales[m], (tx[m] - new[m]) / tx[m]
}' | sort >"$T/expected"
expect_eq "$(wc -l <"$T/expected")" 18 "18 months in the log"

wj report trend --months 18 --to 1998-06
printf '%s' "$out" | jq -r '.[] | "\(.month) \(.sales_count) \(.active_customers) \(.new_customers) \(.returning_customers) \(.sales_amount) \(.repeat_purchase_rate)"' |
	awk '{ printf "%s %s %s %s %s %s %.4f\n", $1, $2, $3, $4, $5, $6, $7 }' >"$T/got"
checks=$((checks + 1))
diff "$T/expected" "$T/got" >"$T/diff" || fail "monthly figures differ from the independent count: $(cat "$T/diff")"

# Spot checks written out: January 1997 had 8,928 new customers among its
# buyers (the first of the three cohort months).
expect '.[0].month' 1997-01 "the first month"
expect '.[0].new_customers' "$(awk '$1 == "1997-01" { print $4 }' "$T/expected")" "January's new customers"
expect '[.[].new_customers] | add' 23570 "every customer is new exactly once"
expect '[.[].sales_count] | add' 69659 "every purchase counted once"
expect '[.[] | select(.month > "1997-03") | .new_customers] | add' 0 "nobody new after March 1997"

w check
expect_rc 0 "the imported shop is consistent"
finish
