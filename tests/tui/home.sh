#!/bin/sh
# The home screen: today's figures, the menu, the latest purchases; F1 and
# Esc; quitting with F10 leaves no process behind; 80x24 and 200x60.
. "${WAFA_TUILIB:-$(dirname "$0")/lib.sh}"

export WAFA_NOW=1795336200 # 1 Azar 1405 12:00 Tehran
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran --shop "Golestan"
w customer add --name "Sara Ahmadi" --phone 09351112233
w purchase add --customer 1 --amount 1200000 --at "2026-11-22 10:21"

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
resize 200 60
expect_screen "F10 Quit" "200x60 redraws"
resize 60 20
expect_screen "at least 80x24" "too small a window says so"
resize 100 30

checks=$((checks + 1))
wafa_running || fail "wafa runs until it is told to quit"
keys F10
expect_exited "F10 quits at once"
finish
