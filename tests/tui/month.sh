#!/bin/sh
# The month screen (F6): the figures of a small shop worked out by hand,
# Left/Right between months, the owner's lists, the CSV export; 80x24
# and 200x60 mid-session.
. "${WAFA_TUILIB:-$(dirname "$0")/lib.sh}"

export WAFA_NOW=1795336200 # 1 Azar 1405 12:00 Tehran (2026-11-22 08:30 UTC)
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran --shop "Golestan"
w customer add --name "Sara Ahmadi" --phone 09351112233 --at "2026-09-01 10:00"
w customer add --name "Ali Karimi" --phone 09120000001 --at "2026-09-01 10:00"
w customer add --name "Nima Farahani" --phone 09190000000 --at "2026-10-01 10:00"
# Mehr 1405 (23 Sep - 22 Oct): Sara 800,000.
w purchase add --customer 1 --amount 800000 --at "2026-10-01 10:00"
# Aban 1405 (23 Oct - 21 Nov): Sara 1,200,000 and 300,000, Ali 500,000.
w purchase add --customer 1 --amount 1200000 --at "2026-10-25 10:00"
w purchase add --customer 2 --amount 500000 --at "2026-11-01 10:00"
w purchase add --customer 1 --amount 300000 --at "2026-11-10 10:00"
expect_rc 0 "the purchases"
# Ali answers 10 in Aban: one answer, one promoter (Ali stays one-time).
w survey add 2 --score 10 --at "2026-11-05 10:00"
expect_rc 0 "Ali's answer"

# Aban by hand: 3 sales, 2,000,000 (no returns); average floor(2,000,000 /
# 3) = 666,666; Mehr 800,000, so +150%.  Active Sara and Ali; new Ali
# (first sale ever); returning Sara.  Repeat sales: Sara's two (she
# bought in Mehr): 2 of 3 = 67%.  Retention: Sara, the only Mehr buyer,
# came back: 100%.  Points: 120 + 50 + 30 = 200 earned (x1, 10,000 a
# point).  Ladder at the end of Aban: Nima prospect, Ali one-time, Sara
# regular (3 sales, the last within 90 days, no answer of 9-10).
wj report month 1405-08
expect '.sales_count' 3 "the CLI agrees: sales"
expect '.net_revenue' 2000000 "the CLI agrees: net revenue"

cd "$T" || exit 1
start 100 30
keys F6
expect_screen "Azar 1405" "the current month first"
expect_screen "◀ Aban" "the month before at the left"
keys Left
expect_screen "Aban 1405" "Left: the month before"
expect_screen "◀ Mehr" "its own month before"
expect_screen "Azar ▶" "and the month after"
expect_screen "Net revenue 2,000,000 (+150%)" "net revenue and the change"
expect_screen "Sales 3" "sales"
expect_screen "Average check 666,666" "average check"
expect_screen "Active 2 · new 1 · returning 1" "customers"
expect_screen "Repeat-purchase rate 67%" "repeat rate"
expect_screen "Retention 100%" "retention"
# Each count with its own plural.
expect_screen "NPS +100  (1 answer: 1 promoter · 0 passives · 0 detractors)" "NPS, the counts"
expect_screen "+200 earned" "points earned"
expect_screen "prospect 1" "ladder: prospect"
expect_screen "one-time 1" "ladder: one-time"
expect_screen "regular 1" "ladder: regular"
expect_screen "Member 3" "every customer in the one tier"
expect_screen "Net revenue, 12 months" "the charts"
keys Left
expect_screen "Mehr 1405" "Left again: Mehr"
expect_screen "Net revenue 800,000" "Mehr's revenue"
keys Right Right
expect_screen "Azar 1405" "Right twice: back to Azar"
expect_no_screen "Dey ▶" "no month after the current one"
keys Left

# The owner's lists.
keys t
expect_screen "Top customers · Aban 1405" "t: top customers"
expect_screen "1,500,000" "Sara's net revenue in Aban"
expect_screen "Ali Karimi" "Ali on the list"
keys Escape
expect_screen "Loyalty ladder" "Esc: back to the figures"
keys d
expect_screen "Detractor follow-ups still open" "d: detractors"
expect_screen "Nobody on this list." "none"
keys Escape

# The month's figures as CSV, as `wafa export report` writes them.
keys c
expect_screen "wafa-1405-08.csv" "c says where the file is"
checks=$((checks + 1))
[ -f "$T/wafa-1405-08.csv" ] || fail "no file $T/wafa-1405-08.csv"
header=$(head -n 1 "$T/wafa-1405-08.csv" | sed 's/^\xef\xbb\xbf//')
expect_match '^month,start,end,sales_count,sales_amount,' "$header" "the header"
row=$(sed -n 2p "$T/wafa-1405-08.csv")
expect_match '^1405-08,2026-10-23T00:00:00\+03:30,2026-11-22T00:00:00\+03:30,3,2000000,' \
	"$row" "the row of Aban"
# The same as the export of the command line.
w export report "$T/cli.csv" --month 1405-08 --months 1
checks=$((checks + 1))
cmp -s "$T/cli.csv" "$T/wafa-1405-08.csv" || fail "the screen's CSV differs from the CLI's"
keys c
expect_screen "Replace it?" "asks before replacing"
keys y
expect_screen "The figures of the month are in" "replaced"

resize 80 24
expect_screen "Aban 1405" "80x24 redraws"
expect_screen "Loyalty ladder" "80x24 still shows the ladder"
expect_screen "Avera" "80x24: the last lines fit"
resize 200 60
expect_screen "Net revenue 2,000,000 (+150%)" "200x60 redraws"
resize 100 30

keys F10
expect_exited "F10 quits"

# Persian: the screen is mirrored and the earlier month is on the right,
# so Right goes back in time and Left forward.  The exported file names
# the month on screen whatever the language.
tm kill-session -t t
rm -f "$T"/wafa-*.csv
start 100 30 --lang fa
keys F6
keys Right
keys c
i=0
while [ ! -f "$T/wafa-1405-08.csv" ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
checks=$((checks + 1))
[ -f "$T/wafa-1405-08.csv" ] || fail "fa: Right should show Aban (the month before): $(ls "$T")"
keys Left
keys c
i=0
while [ ! -f "$T/wafa-1405-09.csv" ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
checks=$((checks + 1))
[ -f "$T/wafa-1405-09.csv" ] || fail "fa: Left should come back to Azar: $(ls "$T")"
keys F10
expect_exited "F10 quits (fa)"

# A list's value column is as wide as its title: a catalog of the test's
# own words the top list's "Net revenue" at length.
if command -v msgfmt >/dev/null 2>&1; then
	tm kill-session -t t
	mkdir -p "$T/locale/en/LC_MESSAGES"
	printf '%s\n' 'msgid ""' 'msgstr "Content-Type: text/plain; charset=UTF-8\n"' '' \
		'msgid "Net revenue"' 'msgstr "Net revenue of the month"' >"$T/en.po"
	msgfmt -o "$T/locale/en/LC_MESSAGES/wafa.mo" "$T/en.po"
	WAFA_LOCALEDIR=$T/locale start 80 24
	keys F6
	keys Left
	keys t
	expect_screen "Top customers · Aban 1405" "t: the top customers (own catalog)"
	expect_screen "Net revenue of the month" "80x24: the value column's whole title"
	expect_screen "1,500,000" "and Sara's value under it"
	keys F10
	expect_exited "F10 quits (own catalog)"
fi
finish
