#!/bin/sh
# The redeem screen (F4): the customer chosen as on the purchase screen;
# the catalog sorted into what the customer can afford now, "Not yet" with
# the points missing, and what is not available (out of stock, not yet or
# no longer offered) with the reason; Enter asks, redeems and shows the
# voucher code, which is the one stored; a reward gone meanwhile is
# refused with the engine's message; a customer who cannot afford anything
# sees what is missing; F3 goes on to a purchase for the same customer;
# 80x24 and 200x60.  Figures worked out by hand from DESIGN.md section 5.
. "${WAFA_TUILIB:-$(dirname "$0")/lib.sh}"

SQLITE3=${SQLITE3:-sqlite3}
command -v "$SQLITE3" >/dev/null 2>&1 || { echo "sqlite3 is needed" >&2; exit 77; }

export WAFA_NOW=1795336200 # Sun 1 Azar 1405 12:00 Tehran (2026-11-22)
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran --shop "Golestan"
w customer add --name "Ali Karimi" --phone 09123456789 --at "2026-01-01"
w customer add --name "Sara Ahmadi" --phone 09351112233 --at "2026-01-01"
# Member x1: 5,000,000 -> 500 points; 300,000 -> 30 points.
w purchase add --customer 1 --amount 5000000 --at "2026-11-01 10:00"
w purchase add --customer 2 --amount 300000 --at "2026-11-01 11:00"
w reward add --code COFFEE --name "Coffee for two" --points 100
w reward add --code TOTE --name "Tote bag" --points 150 --copay 50000 --stock 2
w reward add --code DINNER --name "Dinner voucher" --points 2000
w reward add --code MUG --name "Mug" --points 50 --stock 1
w reward add --code YALDA --name "Yalda nuts" --points 300 --from 2026-12-15
w reward add --code SUMMER --name "Summer hat" --points 80 --from 2026-06-01 --to 2026-09-01
# The only mug goes to Ali: 500 - 50 = 450.
w redeem 1 --reward MUG
wj customer show 1
expect .points 450 "setup: Ali holds 450 points"

start 100 30
keys F4
expect_screen "Redeem" "F4 opens the redeem screen"
expect_screen "phone, card or name" "the customer is chosen first"
type_text "karimi"
expect_screen "Ali Karimi" "the customer found by name"
keys Enter
expect_screen "Redeem · Ali Karimi · 450 pts" "the header: name and balance"
expect_screen "Can afford now" "affordable rewards first"
expect_screen "Coffee for two" "100 <= 450"
expect_screen "+ 50,000 co-pay" "the tote bag's co-payment"
expect_screen "2 left" "the tote bag's stock"
expect_screen "Not yet" "then what is not affordable yet"
expect_screen "1,550 to go" "the dinner: 2,000 - 450 points missing"
expect_screen "Not available now" "then what cannot be redeemed now"
expect_screen "out of stock" "the mug is gone"
expect_screen "from 24 Azar 1405" "the Yalda nuts come on 15 December (24 Azar)"
expect_screen "ended" "the summer hat is no longer offered"

# -- Redeem the tote bag: confirm, then the voucher code. --
keys Down
keys Enter
expect_screen "Tote bag for 150 pts? Collect a co-payment of 50,000 IRT." "Enter asks first"
keys Enter
expect_screen "Voucher" "the voucher box"
expect_screen "New balance: 300 pts" "450 - 150"
expect_screen "Collect a co-payment of 50,000 IRT" "the co-payment to collect"
code=$(screen | grep -oE '[A-Z0-9] [A-Z0-9] - [A-Z0-9] [A-Z0-9] [A-Z0-9] - [A-Z0-9] [A-Z0-9] [A-Z0-9]' |
	head -1 | tr -d ' ')
checks=$((checks + 1))
[ -n "$code" ] || fail "the voucher code is on the screen, spaced out: $(screen)"
stored=$("$SQLITE3" "$DB" "select v.code from vouchers v join redemptions r on r.id = v.redemption_id
	join rewards w on w.id = r.reward_id where w.code = 'TOTE'")
expect_eq "$stored" "$code" "the code read from the screen is the stored voucher"
wj customer show 1
expect .points 300 "150 points taken"
keys Enter
expect_screen "Voucher $code: Tote bag" "the code stays on the message line"
expect_screen "1 left" "one tote bag left"
expect_screen "Redeem · Ali Karimi · 300 pts" "the header shows the new balance"

resize 80 24
expect_screen "1,700 to go" "80x24: the dinner, 2,000 - 300"
expect_screen "Tote bag" "80x24 keeps the catalog"
resize 200 60
expect_screen "Can afford now" "200x60 redraws"
resize 100 30

# -- The last tote bag goes at another counter meanwhile. --
w redeem 1 --reward TOTE
expect_rc 0 "another counter takes the last tote bag"
keys Enter
expect_screen "Tote bag for 150 pts?" "this screen still offered it"
keys Enter
expect_screen "reward TOTE is out of stock" "the engine's refusal"
expect_screen "Redeem · Ali Karimi · 150 pts" "the balance after the other counter"
wj customer show 1
expect .points 150 "only the other counter's redemption counted"
expect_eq "$("$SQLITE3" "$DB" "select count(*) from redemptions")" 3 \
	"the mug, the tote bag here and the one at the other counter"

# -- A customer who cannot afford anything. --
keys Tab
keys C-u
type_text "09351112233"
keys Enter
expect_screen "Redeem · Sara Ahmadi · 30 pts" "another customer"
expect_no_screen "Can afford now" "Sara can afford nothing"
expect_screen "Not yet" "what she is saving for"
expect_screen "70 to go" "the coffee: 100 - 30"
expect_screen "1,970 to go" "the dinner: 2,000 - 30"
keys Enter
expect_screen "Coffee for two: 70 pts still missing." "Enter on a reward not yet affordable says why"
expect_eq "$("$SQLITE3" "$DB" "select count(*) from redemptions")" 3 "nothing redeemed"

# -- F3: a purchase for the same customer, the cursor in the amount. --
keys F3
expect_screen "Purchase" "F3 from redeem"
type_text "100000"
keys Enter
expect_screen "+10 points (Member ×1)" "100,000 / 10,000 at x1"
expect_screen "balance 40 pts" "30 + 10"
wj customer show 2
expect .points 40 "Sara's purchase is recorded"
keys F10
expect_exited "F10 quits"
finish
