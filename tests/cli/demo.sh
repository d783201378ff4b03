#!/bin/sh
# wafa demo: a believable shop, the same for the same seed, consistent
# for `wafa check`, and never written over a shop that has customers.
. "${WAFA_TESTLIB:-$(dirname "$0")/lib.sh}"

SQL=${SQLITE3:-sqlite3}
command -v "$SQL" >/dev/null 2>&1 || { echo "the sqlite3 shell is needed by this test" >&2; exit 99; }

# Now: 1 Azar 1405 (2026-11-22) 12:00 Tehran.
export WAFA_NOW=1795336200
A=$T/a.db
B=$T/b.db

q() { "$SQL" "$1" "$2"; }

# Determinism: the same seed, size and instant give the same database.
out=$("$WAFA" --db "$A" --json --lang fa demo --customers 300 --months 12 --seed 7 2>"$T/stderr")
rc=$?
err=$(cat "$T/stderr")
expect_rc 0 "demo into a new file"
expect .customers 300 "customers"
expect '.purchases > 300' true "more purchases than customers"
expect '.returns > 0' true "some returns"
expect '.redemptions > 0' true "some redemptions"
expect '.surveys > 0' true "some survey answers"
expect .shop "فروشگاه گلستان" "the Persian shop"
purchases=$(printf '%s' "$out" | jq .purchases)
"$WAFA" --db "$B" --json --lang fa demo --customers 300 --months 12 --seed 7 >/dev/null 2>&1
expect_eq "$(q "$A" .dump | sha256sum)" "$(q "$B" .dump | sha256sum)" "same seed, same dump"

# The engine's invariants hold.
DB=$A
wj check
expect_rc 0 "check"
expect .ok true "check passes"

# The counts look like a shop: as many rows as the summary says, a long
# tail of one-time buyers and a core of regulars, returns of both kinds.
expect_eq "$(q "$A" 'SELECT count(*) FROM customers')" 300 "customer rows"
expect_eq "$(q "$A" 'SELECT count(*) FROM sales')" "$purchases" "sale rows"
one=$(q "$A" 'SELECT count(*) FROM customers WHERE sales_count = 1')
many=$(q "$A" 'SELECT count(*) FROM customers WHERE sales_count >= 5')
buyers=$(q "$A" 'SELECT count(*) FROM customers WHERE sales_count > 0')
expect_eq "$([ "$one" -gt $((buyers * 4 / 10)) ] && echo yes)" yes "one-time buyers ($one of $buyers)"
expect_eq "$([ "$many" -gt 10 ] && echo yes)" yes "regulars ($many with 5 sales or more)"
expect_eq "$(q "$A" 'SELECT count(*) > 0 FROM returns r JOIN sales s ON s.id = r.sale_id WHERE r.amount < s.amount')" 1 "partial returns"
expect_eq "$(q "$A" 'SELECT count(*) > 0 FROM returns r JOIN sales s ON s.id = r.sale_id WHERE r.amount = s.amount')" 1 "full returns"
expect_eq "$(q "$A" 'SELECT count(*) > 0 FROM customers WHERE referrer_id < id')" 1 "referrals"
expect_eq "$(q "$A" 'SELECT count(*) FROM customers WHERE referrer_id >= id')" 0 "referrers enrolled earlier"
expect_eq "$(q "$A" "SELECT count(*) FROM customers WHERE phone NOT GLOB '09[0-3][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'")" 0 "Iranian mobile numbers"
expect_eq "$(q "$A" 'SELECT count(*) FROM (SELECT phone FROM customers WHERE phone IS NOT NULL GROUP BY phone HAVING count(*) > 1)')" 0 "phones unique"
expect_eq "$(q "$A" 'SELECT count(*) FROM sales WHERE at > 1795336200')" 0 "nothing after now"
expect_eq "$(q "$A" 'SELECT count(*) FROM sales s JOIN customers c ON c.id = s.customer_id WHERE s.at < c.enrolled_at')" 0 "sales after enrolment"
expect_eq "$(q "$A" "SELECT value FROM settings WHERE key = 'expiry_mark'")" 1795336200 "expiry applied up to now"
expect_eq "$(q "$A" "SELECT value FROM settings WHERE key = 'lang'")" fa "the shop's language"

# A shop with customers is refused, and the file stays as it was.
before=$(sha256sum "$A" | cut -d' ' -f1)
"$WAFA" --db "$A" --json --lang fa demo --customers 300 --months 12 --seed 8 >"$T/out" 2>"$T/stderr"
rc=$?
err=$(cat "$T/stderr")
expect_rc 1 "a second demo on the same file"
expect_eq "$(wc -l <"$T/stderr" | tr -d ' ')" 1 "one line on stderr"
expect_eq "$(cat "$T/out")" "" "nothing on stdout"
expect_eq "$(sha256sum "$A" | cut -d' ' -f1)" "$before" "the refused file is unchanged"

# Another seed, another shop.
C=$T/c.db
"$WAFA" --db "$C" --lang fa demo --customers 300 --months 12 --seed 8 >/dev/null 2>&1
expect_eq "$([ "$(q "$A" .dump | sha256sum)" != "$(q "$C" .dump | sha256sum)" ] && echo yes)" yes "another seed, another shop"

# The other languages: their own shop, currency and phones, and consistent.
for lang in ar en; do
	DB=$T/$lang.db
	wj --lang $lang demo --customers 200 --months 30 --seed 3
	expect_rc 0 "demo --lang $lang"
	expect '.points_expired > 0' true "points expire over 30 months ($lang)"
	wj check
	expect .ok true "check passes ($lang)"
done
expect_eq "$(q "$T/ar.db" "SELECT value FROM settings WHERE key = 'currency'")" SAR "Riyadh in riyals"
expect_eq "$(q "$T/en.db" "SELECT value FROM settings WHERE key = 'timezone'")" Asia/Dubai "Dubai's zone"
expect_eq "$(q "$T/ar.db" "SELECT count(*) FROM customers WHERE phone NOT GLOB '05[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'")" 0 "Saudi mobile numbers"

# A shop created by init and still without customers is used as it is.
DB=$T/init.db
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 --calendar persian --timezone Asia/Tehran
wj --lang fa demo --customers 50 --months 6
expect_rc 0 "demo into an empty shop"
wj check
expect .ok true "check passes (empty shop)"
expect_eq "$(q "$DB" "SELECT count(*) FROM tiers")" 1 "the shop's own tiers are kept"

# Bad sizes are refused before anything is written.
DB=$T/bad.db
w demo --customers 0
expect_rc 1 "--customers 0"
w demo --months 121
expect_rc 1 "--months 121"
w demo --colour blue
expect_rc 2 "unknown option"
expect_eq "$([ -e "$DB" ] && echo exists)" "" "no file for refused arguments"

# The text summary counts in the UI's language.
DB=$T/text.db
w --lang en demo --customers 20 --months 2
expect_rc 0 "text output"
expect_match "20 customers" "$out" "summary counts customers"

finish
