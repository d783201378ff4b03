#!/bin/sh
# A Tehran shop through a season: earning, tiers, paying with points,
# partial and full returns, redemption, a negative balance, FIFO expiry,
# the order of events.  Every number below is worked out by hand from
# DESIGN.md section 5.
. "${WAFA_TESTLIB:-$(dirname "$0")/lib.sh}"

# "Now" is 2027-06-01 12:00 in Tehran (+03:30, no DST since 2022).
export WAFA_NOW=1811838600

wj init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran --shop "فروشگاه گلستان"
expect_rc 0 "init"
expect .currency IRT "init currency"
expect .decimals 0 "init decimals"
expect .calendar persian "init calendar"
expect .timezone Asia/Tehran "init timezone"

wj tier list
expect 'length' 1 "init makes one tier"
expect '.[0].name' Member "the first tier"
expect '.[0].min_spend' 0 "Member starts at 0"
expect '.[0].multiplier' 100 "Member multiplier"

# Bronze at min_spend 0 replaces Member.
wj tier set Bronze --min-spend 0 --multiplier 100
expect_rc 0 "tier Bronze"
wj tier set Silver --min-spend 5,000,000 --multiplier 150 --discount 5
expect .min_spend 5000000 "Silver min_spend"
wj tier set Gold --min-spend 20000000 --multiplier 200 --discount 10
wj tier list
expect '[.[].name] | join(",")' "Bronze,Silver,Gold" "tiers in order"

wj customer add --name "علی کریمی" --phone "+98 912 345 6789" --consent yes
expect_rc 0 "enrol Ali"
expect .id 1 "Ali's id"
expect .phone 09123456789 "phone in national form"
ali=1

# Sale 1: 4,500,000 -> base 450, x100 -> 450 points; spend 4.5M: Bronze.
wj purchase add --customer phone:09123456789 --amount 4500000 --at "2026-01-10 10:00"
expect .points_earned 450 "sale 1 earns 450"
expect .points_balance 450 "balance after sale 1"
expect .tier Bronze "tier after sale 1"
expect .tier_changed false "sale 1 changes no tier"

# Sale 2: 1,000,000 at Bronze's x100 -> 100 points; spend 5.5M: Silver.
wj purchase add --customer $ali --amount "1,000,000" --at "2026-02-01 10:00"
expect .points_earned 100 "sale 2 earns at the tier held before it"
expect .points_balance 550 "balance after sale 2"
expect .tier Silver "sale 2 reaches Silver"
expect .tier_changed true "sale 2 changes the tier"

# Sale 3: 2,000,000 paying 100 points (x100 = 10,000): paid 1,990,000;
# base 199, x150 = 298.5 -> 298.  Balance 550 - 100 + 298 = 748.
wj purchase add --customer $ali --amount 2000000 --redeem-points 100 --at "2026-03-01 10:00"
expect .discount 10000 "sale 3 discount"
expect .paid 1990000 "sale 3 paid"
expect .points_earned 298 "sale 3 earns at Silver"
expect .points_paid 100 "sale 3 points paid"
expect .points_balance 748 "balance after sale 3"
expect .tier_changed false "sale 3 stays Silver"
sale3=$(printf '%s' "$out" | jq -r .purchase_id)

# Return half of sale 3: cum 1,000,000 of 2,000,000.
# refund floor(1,990,000/2) = 995,000; reversed floor(298/2) = 149;
# restored floor(100/2) = 50; balance 748 - 149 + 50 = 649.
wj purchase return --purchase "$sale3" --amount 1000000 --at "2026-03-05 10:00"
expect .refunded 995000 "first half refund"
expect .points_reversed 149 "first half reversed"
expect .points_restored 50 "first half restored"
expect .points_balance 649 "balance after first return"

# The rest: cum 2,000,000: refund 1,990,000 - 995,000; reversed 298 - 149;
# restored 100 - 50; the sale is undone exactly: balance back to 550.
wj purchase return --purchase "$sale3" --amount 1000000 --at "2026-03-06 10:00"
expect .refunded 995000 "second half refund"
expect .points_reversed 149 "second half reversed"
expect .points_restored 50 "second half restored"
expect .points_balance 550 "a full return undoes the sale"
expect .tier Silver "window spend 5.5M is still Silver"

refused 1 "returning more than was sold" purchase return --purchase "$sale3" --amount 1 --at "2026-03-07 10:00"
refused 1 "a return before the last event" purchase return --purchase "$sale3" --amount 1 --at "2026-03-06 09:00"

# Points as of 2026-03-06 10:00: earned 450 + 100 + 298 = 848; redeemed 100
# (pay); nothing expired.  Next expiries (365 days; FIFO consumes the oldest
# first: consumption 100 + 149 + 149 = 398):
#   2027-01-10: P 450 - C 398 = 52; 2027-02-01: 550 - 398 - 52 = 100;
#   2027-03-01: 848 - 398 - 152 = 298; 2027-03-05: 50; 2027-03-06: 50.
wj points $ali --at "2026-03-06 10:00"
expect .balance 550 "points balance"
expect .earned_total 848 "earned total"
expect .redeemed_total 100 "redeemed total"
expect .expired_total 0 "expired total"
expect '[.expiring[].points] | join(",")' "52,100,298,50,50" "expiring amounts"
expect '.expiring[0].at' "2027-01-10T10:00:00+03:30" "first expiry instant"
expect '.expiring[4].at' "2027-03-06T10:00:00+03:30" "last expiry instant"

wj reward add --code COFFEE --name "قهوه برای دو نفر" --points 150
expect_rc 0 "reward COFFEE"
expect .stock null "unlimited stock"
wj reward add --code GIFT --name "جعبه هدیه" --points 900 --copay 50000 --stock 1
expect .stock 1 "GIFT stock"
expect .copay 50000 "GIFT co-payment"
refused 1 "a reward code that exists" reward add --code coffee --name x --points 5
refused 1 "a reward costing 0 points" reward add --code FREE --name x --points 0

wj redeem $ali --reward COFFEE --at "2026-04-01 10:00"
expect_rc 0 "redeem COFFEE"
expect .points 150 "COFFEE cost"
expect .points_balance 400 "550 - 150"
expect_match '^[2-9A-HJ-NP-Z]{2}-[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}$' \
	"$(printf '%s' "$out" | jq -r .voucher)" "voucher code"
refused 1 "redeeming more points than held" redeem $ali --reward GIFT --at "2026-04-02 10:00"

# Sara: 10,000,000 at Bronze -> 1,000 points, reaching Silver.
wj customer add --name "سارا احمدی" --phone 09351112233
sara=$(printf '%s' "$out" | jq -r .id)
wj purchase add --customer "$sara" --amount 10000000 --at "2026-05-01 10:00"
expect .points_earned 1000 "Sara earns 1,000"
expect .tier Silver "Sara reaches Silver"
sale_sara=$(printf '%s' "$out" | jq -r .purchase_id)
wj redeem "$sara" --reward GIFT --at "2026-05-02 10:00"
expect .points_balance 100 "1,000 - 900"
expect .copay 50000 "co-payment collected"
refused 1 "a reward out of stock" redeem $ali --reward GIFT --at "2026-05-02 11:00"
# A full return reverses all 1,000 earned points: balance 100 - 1,000.
wj purchase return --purchase "$sale_sara" --amount 10000000 --at "2026-05-03 10:00"
expect .points_reversed 1000 "full return reverses everything"
expect .points_balance -900 "the balance goes below zero"
expect .tier Bronze "no spend left in the window"
refused 1 "nothing can be redeemed below zero" redeem "$sara" --reward COFFEE --at "2026-05-04 10:00"
refused 1 "points cannot pay below zero" purchase add --customer "$sara" --amount 100000 --redeem-points 1 --at "2026-05-04 10:00"
# A plain purchase is welcome: its points start covering the debt.
# 2,000,000 at Bronze x1 = 200 points: -900 + 200 = -700.
wj purchase add --customer "$sara" --amount 2000000 --at "2026-05-05 10:00"
expect_rc 0 "a purchase with a balance below zero"
expect .points_balance -700 "later earnings cover the reversal"
refused 1 "still nothing to redeem at -700" redeem "$sara" --reward COFFEE --at "2026-05-06 10:00"

# Expiry up to 2027-02-01 10:00.  Ali's consumption is now 100 + 149 + 149
# + 150 (COFFEE) = 548, so the first lot (450, 2027-01-10) is used up:
# nothing expires there; at 2027-02-01: 550 - 548 = 2.  Sara's lot expires
# 2027-05-01 (not yet).
wj expire --as-of "2027-02-01 10:00"
expect .customers 1 "one customer loses points"
expect .points_expired 2 "2 points expire"
refused 1 "points as of an instant before the watermark" points $ali --at "2027-01-20 10:00"
refused 1 "the expiry run is part of every customer's watermark" purchase add --customer $ali --amount 1000 --at "2027-01-20 10:00"
# A customer enrolled after the run was not touched by it: their history
# can still be entered (rule 6: enrolment does not set a watermark).
wj customer add --name "نیما" --at "2027-03-01 09:00"
nima=$(printf '%s' "$out" | jq -r .id)
wj purchase add --customer "$nima" --amount 100000 --at "2026-12-01 10:00"
expect_rc 0 "history before the run for a customer enrolled after it"

# Now (2027-06-01): the rest of Ali's lots have expired too: at 2027-03-01
# 848 - 548 - 2 = 298, then 50 and 50: 2 + 298 + 50 + 50 = 400 in all.
# Sara's 1,000 is covered by the 900 redeemed and the 1,000 reversed.
wj customer list
expect '[.[] | select(.id == 1)][0].points' 0 "the list shows the points as of now, expiry included"
wj points $ali
expect .balance 0 "everything expired by now"
expect .expired_total 400 "2 + 298 + 50 + 50 expired in all"
# Sara's lots: 1,000 (2026-05-01) and 200 (2026-05-05) against 900
# redeemed and 1,000 reversed: nothing is left to expire.
wj points "$sara"
expect .balance -700 "Sara's balance stays below zero"
expect .expired_total 0 "Sara lost nothing to expiry"

# Survey answers: 6 is a detractor and opens a follow-up; 9 a promoter.
wj survey add $ali --score 6 --reason service --comment "صف طولانی بود"
expect .category detractor "score 6"
expect .follow_up true "a detractor opens a follow-up"
wj survey add "$sara" --score 9 --csat 5
expect .category promoter "score 9"
expect .follow_up false "no follow-up for a promoter"
refused 1 "a score above 10" survey add $ali --score 11

wj customer show $ali
expect .name "علی کریمی" "name as typed"
expect .sales 3 "Ali's purchase count"
expect .points 0 "Ali's points"
expect .first_sale "2026-01-10T10:00:00+03:30" "first sale"
expect .last_sale "2026-03-01T10:00:00+03:30" "last sale"

wj check
expect .ok true "the database is consistent"
expect '.problems | length' 0 "no problems"

# The running totals behind the tiers of the monthly report: paid summed
# over each customer's purchases in order (a return does not change them),
# and each return carries its purchase's instant (2026-03-01 10:00 Tehran).
expect_eq "$(sqlite3 "$DB" "SELECT group_concat(cum_paid) FROM (SELECT cum_paid FROM sales WHERE customer_id = $ali ORDER BY id)")" \
	"4500000,5500000,7490000" "Ali's running totals of paid"
expect_eq "$(sqlite3 "$DB" "SELECT group_concat(cum_paid) FROM (SELECT cum_paid FROM sales WHERE customer_id = $sara ORDER BY id)")" \
	"10000000,12000000" "Sara's running totals, her full return aside"
expect_eq "$(sqlite3 "$DB" "SELECT group_concat(sale_at) FROM (SELECT sale_at FROM returns WHERE sale_id = $sale3 ORDER BY id)")" \
	"1772346600,1772346600" "both returns of sale 3 know its instant"
# A shop written by the previous schema (3) gets them when it is opened.
sqlite3 "$DB" "DROP INDEX returns_window; DROP INDEX sales_customer;
	CREATE INDEX sales_customer ON sales (customer_id, at, paid);
	DROP INDEX surveys_customer; CREATE INDEX surveys_customer ON surveys (customer_id, at, score);
	ALTER TABLE sales DROP COLUMN cum_paid; ALTER TABLE returns DROP COLUMN sale_at;
	PRAGMA user_version = 3"
wj check
expect .ok true "a schema 3 shop, migrated, is consistent"
expect_eq "$(sqlite3 "$DB" "PRAGMA user_version")" 4 "migrated to schema 4"
expect_eq "$(sqlite3 "$DB" "SELECT group_concat(cum_paid) FROM (SELECT cum_paid FROM sales WHERE customer_id = $ali ORDER BY id)")" \
	"4500000,5500000,7490000" "Ali's running totals after the migration"
expect_eq "$(sqlite3 "$DB" "SELECT group_concat(sale_at) FROM (SELECT sale_at FROM returns WHERE sale_id = $sale3 ORDER BY id)")" \
	"1772346600,1772346600" "the returns' purchase instant after the migration"
# A running total written around the engine is found by check.
sqlite3 "$DB" "UPDATE sales SET cum_paid = cum_paid + 1 WHERE id = $sale3"
wj check
expect .ok false "a broken running total is a problem"
expect_match "^purchase $sale3: running total 7490001, .* 7490000\$" "$(printf '%s' "$out" | jq -r '.problems[0]')" \
	"check names the purchase and both totals"
finish
