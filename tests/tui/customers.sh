#!/bin/sh
# The customer list (F2) and the customer card.
#
# Part 1, an English shop of 1,000 customers: the list pages through them
# in name order with PgDn, PgUp, End and Home (a few pages kept at a time,
# so a walk of 690 rows goes through several reloads), keeps its place
# through a resize to 80x24 and 200x60, and filters as the person types.
#
# Part 2, a Persian shop (bidi=terminal, so that the screen holds the
# names in their logical order and can be compared): a name fragment typed
# with the Arabic letters ي and ك finds the customer spelled with the
# Persian ی and ک, a phone prefix in Persian digits and a card prefix find
# them too; the card shows balance and tier; points adjusted from the
# card and a return from the card land in the ledger as worked out by hand
# from DESIGN.md section 5; an inactive customer says so.
. "${WAFA_TUILIB:-$(dirname "$0")/lib.sh}"

SQLITE3=${SQLITE3:-sqlite3}
command -v "$SQLITE3" >/dev/null 2>&1 || { echo "sqlite3 is needed" >&2; exit 77; }

export WAFA_NOW=1795336200 # Sun 22 November 2026 12:00 Dubai / 1 Azar 1405 11:30 Tehran

# ---- Part 1: paging through 1,000 customers ----
w init --currency AED --decimals 2 --earn-unit 10 --point-value 0.05 \
	--calendar gregorian --timezone Asia/Dubai --shop "Marina"
{
	echo "name,phone"
	i=1
	while [ $i -le 1000 ]; do
		printf 'Customer %04d,05%08d\n' $i $i
		i=$((i + 1))
	done
} >"$T/customers.csv"
wj import customers "$T/customers.csv"
expect .imported 1000 "setup: 1,000 customers"

# 100x30: the list shows rows 4 to 27, 24 rows; PgDn moves 23.
start 100 30
keys F2
expect_screen "1,000 active customers" "F2: the list says how many"
expect_screen "▸ Customer 0001" "the first customer in name order is highlighted"
expect_screen "050 000 0001" "the phone, grouped"
expect_screen "6000 0000 0015" "customer 1's card number (60, 000000001, check digit 5)"
keys NPage
expect_screen "▸ Customer 0024" "PgDn: 23 rows down"
keys NPage
expect_screen "▸ Customer 0047" "PgDn again: 46 rows down"
keys End
expect_screen "▸ Customer 1000" "End: the last customer"
expect_no_screen "Customer 0047" "End reloads at the end of the list"
keys PPage
expect_screen "▸ Customer 0977" "PgUp from the end: 999 - 23 = 976"
keys Home
expect_screen "▸ Customer 0001" "Home: the first customer"
# 30 pages down: 690 rows, more than the 200 kept in memory.
i=0
while [ $i -lt 30 ]; do tm send-keys -t t NPage; i=$((i + 1)); done
expect_screen "▸ Customer 0691" "30 PgDn: row 690"
i=0
while [ $i -lt 30 ]; do tm send-keys -t t PPage; i=$((i + 1)); done
expect_screen "▸ Customer 0001" "30 PgUp: back at the first row"
keys Down Down Down
expect_screen "▸ Customer 0004" "Down moves one row"

# Resizing keeps the highlighted customer.
resize 80 24
expect_screen "▸ Customer 0004" "80x24: the same customer highlighted"
expect_screen "Points" "80x24: the column titles"
resize 200 60
expect_screen "▸ Customer 0004" "200x60: the same customer highlighted"
expect_screen "Last visit" "200x60: a column more"
resize 100 30

# Typing filters; Backspace edits the filter.
type_text "0123"
expect_screen "Find  0123" "the filter line shows what is typed"
expect_screen "1 match" "0123 is one name word's prefix"
expect_screen "▸ Customer 0123" "the customer found by a word of the name"
keys BSpace
expect_screen "Find  012 " "Backspace takes the last letter away"
expect_screen "10 matches" "012: Customer 0120 to 0129"
keys C-u
expect_screen "1,000 active customers" "an empty filter browses the whole list again"
type_text "0500000099"
expect_screen "▸ Customer 0099" "a phone number finds its customer"
keys C-u
type_text "zzz"
expect_screen "No customer matches" "empty results say so"
keys Escape
expect_screen "Latest purchases" "Esc goes back home"
tm kill-server 2>/dev/null
sleep 0.3

# ---- Part 2: a Persian shop ----
DB=$T/fa.db
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran --shop "Golestan"
w program set bidi terminal
w tier set Silver --min-spend 3000000 --multiplier 150 --discount 5
w customer add --name "علی کریمی" --phone 09123456789 --at "2026-01-01"
w customer add --name "Sara Ahmadi" --phone 09351112233 --at "2026-01-01" --referrer 1
w customer add --name "Reza Tehrani" --phone 09121110000 --at "2026-01-01"
# Member x1 before the sale: 5,000,000 / 10,000 = 500 points; the spend
# makes Ali Silver (3,000,000 and up).
wj purchase add --customer 1 --amount 5000000 --at "2026-11-01 10:00"
expect .points_earned 500 "setup: 500 points"
expect .tier Silver "setup: Silver"

start 100 30
keys F2
expect_screen "3 active customers" "three customers"
# Arabic kaf and yeh: كريمي.
type_text "كريمي"
expect_screen "1 match" "the Arabic spelling finds one customer"
expect_screen "علی کریمی" "the Persian-spelled customer"
expect_screen "Silver" "the tier of the customer found"
keys C-u
type_text "۰۹۱۲"
expect_screen "2 matches" "a phone prefix in Persian digits: Ali and Reza"
expect_screen "0912 345 6789" "Ali's phone"
expect_screen "0912 111 0000" "Reza's phone"
keys C-u
type_text "600000000023"
expect_screen "1 match" "a card number"
expect_screen "▸ Sara Ahmadi" "Sara's card (60, 000000002, check digit 3)"
keys C-u
type_text "كريمي"
keys Enter

# The card.
expect_screen "علی کریمی" "Enter opens the card"
expect_screen "Silver · member since" "the tier and the membership"
expect_screen "Balance 500 pts (= 50,000)" "500 points worth 500 x 100"
expect_screen "0912 345 6789" "the phone on the card"
expect_screen "card 6000 0000 0015" "the card number, grouped"
expect_screen "Referred 1 customer" "Sara was referred by Ali"
expect_screen "Silver, the highest tier" "no tier above Silver"
expect_screen "give 5% discount" "Silver's discount for the cashier"
expect_screen "Last 365 days: 5,000,000 · 1 visit" "the spend of the tier window"
expect_screen "purchase" "the ledger: the purchase"
expect_screen "5,000,000" "the ledger: the purchase's amount"
expect_screen "+500" "the ledger: the points earned"

# Adjust: +25 points with a reason (no owner yet: nobody is asked for a PIN).
keys a
expect_screen "Points to add" "a asks for the points"
type_text "25"
keys Enter
expect_screen "Reason" "then for the reason"
type_text "Birthday gift"
keys Enter
expect_screen "Points adjusted by +25: the balance is now 525 pts." "the new balance"
expect_screen "adjustment: Birthday gift" "the adjustment on top of the history"
wj points 1
expect .balance 525 "the CLI: 500 + 25"
rows=$("$SQLITE3" "$DB" "select kind || ' ' || points || ' ' || coalesce(reason, '') from ledger
	where customer_id = 1 order by id")
expect_eq "$rows" "earn 500 
adjust 25 Birthday gift" "the ledger: the purchase's points, then the adjustment"

# A refused adjustment: more points taken than there are.
keys a
tm send-keys -t t -l -- "-600"
sleep 0.15
keys Enter
type_text "mistake"
keys Enter
expect_screen "below zero" "the engine's refusal on the message line"
wj points 1
expect .balance 525 "the refusal changed nothing"

# A return of 1,000,000 of the 5,000,000 purchase (paid 5,000,000, 500
# earned): refund floor(5,000,000 x 1/5) = 1,000,000, points taken back
# floor(500 x 1/5) = 100, balance 525 - 100 = 425.
keys r
expect_screen "Highlight the purchase" "r in the history: choose the purchase first"
expect_screen "Purchases (1)" "the purchases"
keys r
expect_screen "Goods value returned (up to 5,000,000)" "r asks for the goods value"
type_text "1000000"
keys Enter
expect_screen "Return recorded: refund 1,000,000 IRT · 100 pts taken back · balance 425 pts" \
	"the refund, the points and the balance"
expect_screen "1,000,000 back" "the purchase shows what came back"
wj customer show 1
expect .points 425 "the CLI: 525 - 100"
expect .window_spend 4000000 "5,000,000 - 1,000,000 refunded"
expect .tier Silver "still Silver at 4,000,000"
rows=$("$SQLITE3" "$DB" "select amount || ' ' || refunded || ' ' || points_reversed from returns")
expect_eq "$rows" "1000000 1000000 100" "the return row"
# More than what is left of the purchase: refused.
keys r
type_text "4000001"
keys Enter
expect_screen "at most 4,000,000 can come back" "the engine's refusal names what is left"
wj customer show 1
expect .points 425 "the refused return changed nothing"

keys Tab
expect_screen "No survey answers yet." "Tab: the surveys"
keys Tab
expect_screen "return" "Tab: back to the points history, with the return"
expect_screen "-100" "the points taken back"
expect_screen "425" "the running balance"

# An inactive customer says so.
keys Escape
keys Escape
w customer deactivate 3
keys F2
expect_screen "2 active customers" "Reza is no longer listed"
keys F8
expect_screen "3 customers, inactive too" "F8: the inactive ones too"
expect_screen "inactive" "Reza's row says so"
# The Persian collation of the shop puts Persian letters before Latin ones:
# علی کریمی, Reza Tehrani, Sara Ahmadi.
keys Home
keys Down
expect_screen "▸ Reza Tehrani" "the second customer in name order"
keys Enter
expect_screen "Reza Tehrani  #3  inactive" "the inactive customer's card"
expect_screen "This customer is inactive" "the card says so"
keys i
expect_screen "Make Reza Tehrani active again?" "i asks"
keys Enter
expect_screen "The customer is active again." "reactivated"
wj customer show 3
expect .active true "the CLI: active again"

# Points that expired and are not written yet (they are written before the
# next operation on the customer): 300,000 on 1 June 2025 earned 30
# points, which expired 365 days later, on 1 June 2026 10:00 (11 Khordad
# 1405).
w customer add --name "Old Timer" --phone 09120000001 --at "2025-01-01"
w purchase add --customer 4 --amount 300000 --at "2025-06-01 10:00"
keys Escape
keys F2
type_text "old"
keys Enter
expect_screen "Old Timer  #4" "the card"
expect_screen "Balance 0 pts" "the balance after expiry"
expect_screen "11 Khordad 10:00" "the expiry's own date"
expect_screen "expiry (due, not yet recorded)" "the expiry not written yet"
expect_screen "No purchases in the last 365 days" "no purchase in the tier window"
n=$("$SQLITE3" "$DB" "select count(*) from ledger where customer_id = 4 and kind = 'expire'")
expect_eq "$n" 0 "looking at the card writes nothing"

keys F10
expect_exited "F10 quits"
finish
