#!/bin/sh
# The home screen: today's figures, the menu, the latest purchases; F1 and
# Esc; quitting with F10 leaves no process behind; 80x24 (the tiles' labels
# whole) and 200x60.  The help screen: columns that fit the terminal,
# sentences that wrap instead of being cut.
. "${WAFA_TUILIB:-$(dirname "$0")/lib.sh}"

export WAFA_NOW=1795336200 # 1 Azar 1405 12:00 Tehran
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran --shop "Golestan"
w customer add --name "Sara Ahmadi" --phone 09351112233
w purchase add --customer 1 --amount 1200000 --at "2026-11-22 10:21"
# A detractor's answer three days ago (19 Nov 09:00 Tehran, 05:30 UTC; now
# is 22 Nov 08:30 UTC): one follow-up open, three days old.
w customer add --name "Reza Tehrani" --phone 09121110000 --at "2026-09-01 10:00"
w purchase add --customer 2 --amount 200000 --at "2026-11-18 10:00"
w survey add 2 --score 3 --at "2026-11-19 09:00"
expect_rc 0 "a detractor's answer"

start 100 30
expect_screen "wafa · Golestan" "the shop's name at the top"
expect_screen "Sun 1 Azar 1405" "the date in the shop's calendar"
expect_screen "Sales" "today's tile"
expect_screen "1,200,000" "today's sales amount"
expect_screen "Sara Ahmadi" "the latest purchase"
expect_screen "0935 111 2233" "its phone, grouped"
expect_screen "+120" "its points"
expect_screen "F3 Purchase" "the key bar"

keys F1
expect_screen "Help: the keys of wafa" "F1 opens help"
keys Escape
expect_screen "Latest purchases" "Esc goes back home"
keys 1
expect_screen "Help: the keys of wafa" "digit 1 is F1 on the home screen"
keys Escape
keys Escape
expect_screen "Latest purchases" "Esc on home does nothing"

resize 80 24
expect_screen "Latest purchases" "80x24 redraws"
expect_screen "Sara Ahmadi" "80x24 still shows the purchase"
# The tiles' labels whole at 80x24 in English, the figures after them.
wait_for "customers" 5 # the expiring points' figure: the slower figures are in
expect_screen "Points issued" "80x24: a whole label"
expect_screen "Rewards given" "80x24: a whole label"
expect_screen "Survey calls due" "80x24: a whole label"
expect_screen "Follow-ups open" "80x24: a whole label"
expect_screen "Points expiring" "80x24: a whole label"
expect_screen "At risk" "80x24: a whole label"
expect_screen "oldest 3 days" "the oldest follow-up's age, in words"
checks=$((checks + 1))
tiles=$(screen | sed -n 2,7p)
case $tiles in *"…"*) fail "80x24: something in the tiles is cut:
$tiles" ;; esac
# The at-risk range goes with its figure when there is room (active_days
# 90 by default: no visit for 60 to 90 days).
resize 200 60
expect_screen "F10 Quit" "200x60 redraws"
expect_screen "last visit 60–90 days ago" "200x60: why customers are at risk"

# Help at 80x24: every sentence whole, the long ones on two rows.
resize 80 24
keys F1
expect_screen "Find a customer by name, phone or card; Enter" "help: a long sentence starts"
expect_screen "opens the card." "help: and goes on in the next row"
expect_screen "Leave wafa (Ctrl-Q too); it asks only if a form" "help: F10's sentence"
expect_screen "holds typed input." "help: F10's sentence, second row"
expect_no_screen "…" "help at 80x24: nothing is cut"
keys End
expect_screen "BiDi check" "End: the last key"
expect_screen "on this terminal?" "the last sentence whole"
expect_no_screen "…" "help at 80x24, the end: nothing is cut"
keys Home
expect_screen "This help: every key of the program." "Home: back at the top"
keys Escape
resize 60 20
expect_screen "at least 80x24" "too small a window says so"
resize 100 30

checks=$((checks + 1))
wafa_running || fail "wafa runs until it is told to quit"
keys F10
expect_exited "F10 quits at once"
finish
