#!/bin/sh
# The purchase screen (F3): the cashier's five steps (F3, the phone, Enter,
# the amount, Enter) record the sale and show the points; points paying
# part of a purchase through Tab; an amount of 0 asks first; a bad amount
# or a refused sale is shown next to its field and records nothing; F4
# from the confirmation redeems for the same customer; 80x24 and 200x60.
# Every figure below is worked out by hand from DESIGN.md section 5.
. "${WAFA_TUILIB:-$(dirname "$0")/lib.sh}"

# A second run of the program: the window of the first one goes first.
restart() {
	tm kill-session -t t 2>/dev/null
	start "$@"
}

export WAFA_NOW=1795336200 # Sun 1 Azar 1405 12:00 Tehran (2026-11-22 08:30 UTC)
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran --shop "Golestan"
w tier set Bronze --min-spend 0 --multiplier 100
w tier set Silver --min-spend 1000000 --multiplier 150 --discount 5
w tier set Gold --min-spend 5000000 --multiplier 200
w customer add --name "Ali Karimi" --phone 09123456789 --at "2026-01-01"
w customer add --name "Ali Karimzadeh" --phone 09123456712 --at "2026-01-01"
w customer add --name "Sara Ahmadi" --phone 09351112233 --at "2026-01-01"
# Ali: 1,200,000 as Bronze (x1): 120 points; his window spend makes him Silver.
w purchase add --customer 1 --amount 1200000 --at "2026-11-01 10:00"
wj customer show 1
expect .points 120 "setup: Ali holds 120 points"
expect .tier Silver "setup: Ali is Silver"

start 100 30
keys F3
expect_screen "Purchase" "F3 opens the purchase screen"
expect_screen "1 point per 10,000 IRT" "the program's rule beside the title"
expect_screen "phone, card or name" "the customer field says what it takes"

# -- The five steps: F3, the phone, Enter, the amount, Enter. --
type_text "0912"
expect_screen "Ali Karimzadeh" "the list narrows as the number is typed"
expect_screen "Ali Karimi" "both customers whose phone starts 0912"
expect_screen "120 pts (= 12,000)" "a match's points and their money value (120 x 100)"
type_text "3456789"
expect_no_screen "Ali Karimzadeh" "the whole number leaves one customer"
keys Enter
expect_screen "Silver: give 5% discount" "the chosen customer's tier discount, for the cashier"
type_text "450000"
# Silver x1.5: floor(450000 / 10000) = 45 base, floor(45 x 150 / 100) = 67.
expect_screen "IRT  = 450,000  +67 pts" "the amount as read and the points it earns"
keys Enter
expect_screen "Recorded" "Enter in the amount records the sale"
expect_screen "Ali Karimi · 450,000 IRT" "the confirmation names customer and amount"
expect_screen "+67 points (Silver ×1.5)" "the points earned with the tier's multiplier"
expect_screen "balance 187 pts (= 18,700)" "the new balance: 120 + 67"
# Window spend 1,200,000 + 450,000 = 1,650,000; Gold at 5,000,000.
expect_screen "3,350,000 more within 365 days to reach Gold (×2)" "the spend missing for Gold"
wj customer show 1
expect .points 187 "the sale is recorded: 120 + 67 points"
expect .sales 2 "two sales"
expect .window_spend 1650000 "window spend 1,200,000 + 450,000"
wj points 1
expect .balance 187 "the ledger agrees"

# -- F4 from the confirmation: redeem for this customer. --
keys F4
expect_screen "Redeem · Ali Karimi · 187 pts" "F4 opens redeem for the customer just served"
keys Escape
expect_screen "Latest purchases" "Esc from redeem goes home"

# -- Paying part with points: Tab from the amount. --
keys F3
type_text "karimi"
expect_screen "Ali Karimi" "a name finds the customer"
keys Enter
type_text "300000"
keys Tab
# min(187, floor(300000 / 100)) = 187 points, worth 18,700.
expect_screen "(up to 187 = 18,700)" "Tab reaches the points field; how many can pay"
type_text "100"
expect_screen "= 10,000 off, 290,000 to pay (up to 187)" "the discount 100 points give"

# A resize in the middle keeps what was typed.
resize 80 24
expect_screen "Pay with points  100" "80x24 keeps the typed points"
expect_screen "300000" "80x24 keeps the typed amount"
resize 200 60
expect_screen "= 10,000 off, 290,000 to pay (up to 187)" "200x60 redraws the form"
resize 100 30

keys Enter
# paid 290,000: floor(290000 / 10000) = 29 base, Silver: floor(29 x 1.5) = 43.
expect_screen "+43 points (Silver ×1.5)" "points earned on what was paid in money"
expect_screen "Paid with 100 pts: 10,000 off, 290,000 to collect" "the points payment"
expect_screen "balance 130 pts" "187 - 100 + 43"
wj customer show 1
expect .points 130 "points paid and earned: 187 - 100 + 43"
expect .window_spend 1940000 "the window counts what was paid: 1,650,000 + 290,000"
expect .sales 3 "three sales"

# -- An amount of 0 asks first. --
keys Enter
expect_no_screen "Recorded" "Enter after a sale starts a new one"
type_text "09351112233"
expect_screen "Sara Ahmadi" "Sara found by her phone"
keys Enter
type_text "0"
keys Enter
expect_screen "a visit with a free item?" "an amount of 0 asks"
keys n
expect_no_screen "Recorded" "answering no records nothing"
wj customer show 3
expect .sales 0 "no sale after answering no"
keys Enter
expect_screen "a visit with a free item?" "asked again"
keys y
expect_screen "A visit with a free item: no points." "a zero sale is recorded without points"
wj customer show 3
expect .sales 1 "the free-item visit is a sale"
expect .points 0 "it earns nothing"

keys Escape
expect_screen "Latest purchases" "Esc after a sale goes home"
keys F10
expect_exited "F10 quits"

# -- Nothing recorded: a bad amount, a refused sale. --
before=$(db_sum)
restart 100 30
keys F3
type_text "09351112233"
keys Enter
type_text "12,3,4"
keys Enter
expect_screen "has thousands separators in the wrong place" "a bad amount is explained"
checks=$((checks + 1))
screen | grep -F "Amount" | grep -qF "12,3,4" ||
	fail "the reason stands next to the amount field: $(screen)"
expect_no_screen "Recorded" "a bad amount records nothing"
keys C-u
type_text "100000"
keys Tab
expect_screen "(no points to pay with)" "Sara has no points to pay with"
type_text "50"
keys Enter
expect_screen "the customer holds 0 points, not 50" "the engine's refusal next to the points field"
expect_no_screen "Recorded" "a refused sale records nothing"
keys Escape
expect_screen "What was typed is not recorded. Leave it?" "Esc with typed input asks"
keys y
expect_screen "Latest purchases" "leaving goes home"
keys F10
expect_exited "F10 quits"
checks=$((checks + 1))
[ "$(db_sum)" = "$before" ] || fail "a bad amount and a refused sale changed the database"

# -- A customer's purchase opened for them: the cursor starts in the amount. --
restart 100 30
keys F3
type_text "karimzadeh"
keys Enter
type_text "20000"
keys Enter
# Bronze x1: floor(20000 / 10000) = 2.
expect_screen "+2 points (Bronze ×1)" "a Bronze customer earns x1"
keys F4
expect_screen "Redeem · Ali Karimzadeh · 2 pts" "F4 after the sale"
keys F3
expect_screen "Purchase" "F3 from redeem opens the purchase for the same customer"
type_text "10000"
keys Enter
expect_screen "+1 point (Bronze ×1)" "typed straight into the amount: one point"
wj customer show 2
expect .points 3 "2 + 1 points"
expect .sales 2 "two sales for Ali Karimzadeh"
keys F10
expect_exited "F10 quits after the sale"
finish
