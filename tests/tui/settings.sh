#!/bin/sh
# The settings screen (F9): a program setting changed (and a bad value
# refused), a tier and a reward added and changed, the owner's PIN asked
# once an owner exists; 80x24 and 200x60 mid-session.
. "${WAFA_TUILIB:-$(dirname "$0")/lib.sh}"

export WAFA_NOW=1795336200 # 1 Azar 1405 12:00 Tehran (2026-11-22 08:30 UTC)
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran --shop "Golestan"

start 100 30
keys F9
expect_screen "1 Program" "the sections"
expect_screen "expiry_days" "the program's settings"
expect_screen "365 days" "expiry_days as it is"
expect_screen "10,000 IRT" "earn_unit in money"

# expiry_days is the sixth setting (shop, currency, decimals, earn_unit,
# point_value, expiry_days).
keys Down Down Down Down Down
expect_screen "days after earning when points expire; 0 = never" "its help under the list"
keys Enter
keys C-u
type_text "soon"
keys Enter
expect_screen "expiry_days: give a whole number of days" "a bad value is refused"
keys C-u
type_text "180"
keys Enter
expect_screen "expiry_days: 365 → 180" "the change is said"
expect_screen "180 days" "and shown"
wj program show
expect '.expiry_days' 180 "expiry_days saved"
# A setting fixed at init.
keys Up Up Up Up
keys Enter
expect_screen "currency is set when the shop is created" "currency cannot change"

# Tiers: add Gold.
keys Tab
expect_screen "Minimum spend" "Tab: the tiers"
expect_screen "Member" "the tier of init"
keys n
expect_screen "New tier" "n: the tier form"
type_text "Gold"
keys Tab
type_text "5,000,000"
keys Tab C-u
type_text "150"
keys Tab C-u
type_text "5"
keys Enter
expect_screen "Tier Gold added." "saved with Enter on the last field"
expect_screen "×1.5" "its multiplier"
wj tier list
expect 'length' 2 "two tiers"
expect '.[1].name' "Gold" "Gold is the second"
expect '.[1].min_spend' 5000000 "its minimum spend"
expect '.[1].multiplier' 150 "its multiplier"
expect '.[1].discount' 5 "its discount"
# A bad multiplier stays in the form with its message.
keys n
type_text "Silver"
keys Tab
type_text "2,000,000"
keys Tab C-u
type_text "lots"
keys C-s
expect_screen "a percentage from 0 to 10000" "the message next to the field"
keys C-u
type_text "125"
keys C-s
expect_screen "Tier Silver added." "saved after the fix"
wj tier list
expect '.[1].name' "Silver" "Silver between Member and Gold"
expect '.[1].multiplier' 125 "Silver's multiplier"

# Rewards: add one, then change its stock.
keys 3
expect_screen "No rewards yet" "an empty catalog"
keys n
type_text "coffee2"
keys Tab
type_text "Coffee for two"
keys Tab
type_text "150"
keys Tab Tab
type_text "3"
keys Tab Tab
type_text "1405-10-30"
resize 80 24
expect_screen "New reward" "80x24 keeps the form"
expect_screen "Coffee for two" "and what was typed"
keys C-s
expect_screen "Reward COFFEE2 added." "saved"
wj reward list
expect 'length' 1 "one reward"
expect '.[0].code' "COFFEE2" "the code in capitals"
expect '.[0].name' "Coffee for two" "its name"
expect '.[0].points' 150 "its cost"
expect '.[0].stock' 3 "its stock"
# Dey has 30 days and 1 Dey 1405 is 22 Dec 2026: the last day, 30 Dey,
# is 20 Jan 2027, so the reward ends at the next midnight.
expect '.[0].to' "2027-01-21T00:00:00+03:30" "the last day, in the shop's calendar"
expect_screen "until 1405-10-30" "its last day under the list"
resize 200 60
expect_screen "Coffee for two" "200x60 redraws"
keys Enter
expect_screen "Reward COFFEE2" "Enter: the reward's form"
keys Tab Tab Tab C-u
type_text "5"
keys C-s
expect_screen "Reward COFFEE2 saved." "saved"
wj reward list
expect '.[0].stock' 5 "the stock is 5 now"
resize 100 30

# Once there is an owner, a change asks for the owner's PIN.
w staff add --name "Owner" --role owner --pin 4321
expect_rc 0 "an owner"
keys 1
keys Home
keys Down Down Down Down Down Down Down
expect_screen "a customer with a sale in this many days is active" "active_days"
keys Enter C-u
type_text "60"
keys Enter
expect_screen "owner's PIN" "the PIN is asked"
type_text "4321"
keys Enter
expect_screen "active_days: 90 → 60" "saved after the PIN"
wj program show
expect '.active_days' 60 "active_days saved"

keys F10
expect_exited "F10 quits"
finish
