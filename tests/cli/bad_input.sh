#!/bin/sh
# Bad input never crashes and never changes data: each case below gets
# exit 1 (2 for usage), one line on stderr naming the problem, nothing on
# stdout, and the database unchanged byte for byte.
. "${WAFA_TESTLIB:-$(dirname "$0")/lib.sh}"

export WAFA_NOW=1811838600 # 2027-06-01 12:00 Tehran

w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran
expect_rc 0 "init"
w customer add --name "رضا رضایی" --phone 09121234567
w customer add --name "Mina" --phone 09129999999
w purchase add --customer 1 --amount 1000000 --at "2027-05-01 10:00"
expect_rc 0 "a first purchase"
w reward add --code TEA --name "چای" --points 500

long=$(printf 'ب%.0s' $(seq 1 201))
# Names.
refused 1 "empty name" customer add --name ""
refused 1 "blank name" customer add --name "   "
refused 1 "name over 200 characters" customer add --name "$long"
refused 1 "name with a tab" customer add --name "$(printf 'Ali\tKarimi')"
refused 1 "name with a control character" customer add --name "$(printf 'Ali\001')"
refused 1 "name with a direction override" customer add --name "$(printf 'Ali \342\200\256Karimi')"
refused 1 "name that is not UTF-8" customer add --name "$(printf 'Ali \377')"
# Phones.
refused 1 "duplicate phone" customer add --name "Reza 2" --phone "+98 912 123 4567"
refused 1 "duplicate phone in Persian digits" customer add --name "Reza 3" --phone "۰۹۱۲۱۲۳۴۵۶۷"
refused 1 "malformed phone" customer add --name "X" --phone "0912-abc"
refused 1 "too short a phone" customer add --name "X" --phone "12"
refused 1 "birthday that does not exist" customer add --name "X" --birthday 2001-02-30
refused 1 "email without @" customer add --name "X" --email "ali.example.com"
refused 1 "unknown referrer" customer add --name "X" --referrer 999
# Amounts.
refused 1 "amount 12,3,4" purchase add --customer 1 --amount "12,3,4"
refused 1 "amount 1e9" purchase add --customer 1 --amount 1e9
refused 1 "negative amount" purchase add --customer 1 --amount -5
refused 1 "more decimals than the currency has" purchase add --customer 1 --amount 12.5
refused 1 "amount beyond int64" purchase add --customer 1 --amount 99999999999999999999
refused 1 "empty amount" purchase add --customer 1 --amount ""
refused 1 "letters as amount" purchase add --customer 1 --amount "ten"
# References.
refused 1 "unknown customer" purchase add --customer 999 --amount 1000
refused 1 "unknown phone" purchase add --customer phone:09350000000 --amount 1000
refused 1 "unknown card" purchase add --customer card:123456789012 --amount 1000
refused 1 "unknown external id" purchase add --customer ext:NOPE --amount 1000
refused 1 "unknown purchase" purchase return --purchase 999 --amount 1000
refused 1 "unknown purchase, a large number" purchase return --purchase 1234567 --amount 1000
expect_eq "$err" "wafa: unknown purchase 1234567" "a record number is not grouped like an amount"
refused 1 "unknown reward" redeem 1 --reward NOPE
refused 1 "unknown customer for points" points 999
# Scores.
refused 1 "score 11" survey add 1 --score 11
refused 1 "score -1" survey add 1 --score -1
refused 1 "score not a number" survey add 1 --score nine
refused 1 "csat 6" survey add 1 --score 8 --csat 6
refused 1 "unknown reason" survey add 1 --score 8 --reason weather
# Dates.
refused 1 "impossible date" purchase add --customer 1 --amount 1000 --at 2025-02-30
refused 1 "malformed date" purchase add --customer 1 --amount 1000 --at yesterday
refused 1 "hour 25" purchase add --customer 1 --amount 1000 --at "2027-05-02 25:00"
refused 1 "a date in the future" purchase add --customer 1 --amount 1000 --at "2027-06-02 10:00"
refused 1 "before the customer's last event" purchase add --customer 1 --amount 1000 --at "2027-04-30 10:00"
# Points.
refused 1 "returning more than was sold" purchase return --purchase 1 --amount 1000001
refused 1 "a return of zero" purchase return --purchase 1 --amount 0
refused 1 "paying with more points than held" purchase add --customer 1 --amount 1000000 --redeem-points 101
refused 1 "points worth more than the amount" purchase add --customer 1 --amount 5000 --redeem-points 100
refused 1 "redeeming more points than held" redeem 1 --reward TEA
refused 1 "adjust without a reason" points adjust 1 --delta 5 --reason ""
refused 1 "adjust of zero" points adjust 1 --delta 0 --reason "x"
refused 1 "adjust below zero" points adjust 1 --delta -101 --reason "x"
# Program settings.
refused 1 "unknown program key" program set bonus_rate 5
refused 1 "earn_unit 0" program set earn_unit 0
refused 1 "earn_unit negative" program set earn_unit -10
refused 1 "expiry_days not a number" program set expiry_days soon
refused 1 "active_days 0" program set active_days 0
refused 1 "unknown calendar" program set calendar julian
refused 1 "unknown time zone" program set timezone Mars/Olympus
refused 1 "currency is fixed" program set currency USD
refused 1 "tier with no name" tier set "" --min-spend 100 --multiplier 100
refused 1 "negative multiplier" tier set Silver --min-spend 100 --multiplier -5
refused 1 "removing the tier of new customers" tier set Member --min-spend 100 --multiplier 100
# Usage.
refused 2 "unknown command" frobnicate
refused 2 "unknown subcommand" customer fly
refused 2 "missing --amount" purchase add --customer 1
refused 2 "unknown option" purchase add --customer 1 --amount 5 --colour red
refused 2 "option without its value" purchase add --customer 1 --amount
refused 2 "extra argument" customer show 1 2
refused 2 "malformed customer reference" customer show "ali"
refused 1 "init twice" init --currency IRT --decimals 0 --earn-unit 1000 --point-value 10

# A database that is not there is not created by a read.
w --db "$T/none.db" customer show 1 2>/dev/null
out=$("$WAFA" --db "$T/none.db" customer show 1 2>&1); rc=$?
expect_rc 1 "no database"
checks=$((checks + 1))
[ ! -e "$T/none.db" ] || fail "a read created the database file"

w check
expect_rc 0 "still consistent"
finish
