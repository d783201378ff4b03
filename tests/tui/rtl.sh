#!/bin/sh
# Persian and Arabic on the screen: the layout mirrored, letters shaped and
# in visual order (the program does the BiDi: tmux does none), the digits
# of the language, a mixed line (a Persian name, a phone number, an amount)
# in the right order, the help screen's month arrows mirrored, and the BiDi
# check of the settings.
#
# The expected cells are worked out by hand from the Unicode joining rules
# (ArabicShaping.txt) and the translations in po/fa.po and po/ar.po:
#   "Today" = امروز: ا isolated FE8D, م initial FEE3, ر final FEAE, و isolated
#     FEED, ز isolated FEAF; drawn right to left: FEAF FEED FEAE FEE3 FE8D.
#   "Today" = اليوم: ا isolated FE8D, ل initial FEDF, ي medial FEF4, و final
#     FEEE, م isolated FEE1; drawn: FEE1 FEEE FEF4 FEDF FE8D.
#   علی کریمی: ع initial FECB, ل medial FEE0, ی final FBFD; ک initial FB90,
#     ر final FEAE, ی initial FBFE, م medial FEE4, ی final FBFD; drawn with
#     the second word first: FBFD FEE4 FBFE FEAE FB90, space, FBFD FEE0 FECB.
. "${WAFA_TUILIB:-$(dirname "$0")/lib.sh}"

export WAFA_NOW=1795336200 # 1 Azar 1405 12:00 Tehran
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran
w customer add --name "علی کریمی" --phone 09123456789
w purchase add --customer 1 --amount 450000 --at "2026-11-22 10:38"
expect_rc 0 "a purchase today"

TODAY_FA="ﺯﻭﺮﻣﺍ"
TODAY_AR="ﻡﻮﻴﻟﺍ"
NAME_FA="ﯽﻤﯾﺮﮐ ﯽﻠﻋ"

# column TEXT ROW: the 1-based cell where TEXT starts on screen row ROW
# (0-based), or 0.
column() {
	screen | awk -v t="$1" -v r="$2" 'NR == r + 1 { i = index($0, t); print i; exit }'
}
row_of() { screen | grep -nF -- "$1" | head -1 | cut -d: -f1; }

start 100 30 --lang fa
expect_screen "$TODAY_FA" "the Today box: shaped, right to left"
expect_screen "$NAME_FA" "the customer's name: shaped, right to left"
expect_screen "۰۹۱۲ ۳۴۵ ۶۷۸۹" "the phone in Persian digits, groups left to right"
expect_screen "۴۵۰٬۰۰۰" "the amount in Persian digits with the Persian separator"
# The layout is mirrored: the Today box is on the right half.
checks=$((checks + 1))
c=$(column "$TODAY_FA" 1)
[ "${c:-0}" -gt 50 ] || fail "the Today box is not on the right half (column $c)"
# In the purchase row, reading from the right: the name, then the phone,
# then the amount (the first column is the rightmost).
r=$(($(row_of "$NAME_FA") - 1))
cn=$(column "$NAME_FA" $r); cp=$(column "۰۹۱۲ ۳۴۵ ۶۷۸۹" $r); ca=$(column "۴۵۰٬۰۰۰" $r)
checks=$((checks + 1))
[ "$cp" -gt 0 ] && [ "$ca" -gt 0 ] && [ "$ca" -lt "$cp" ] && [ "$cp" -lt "$cn" ] ||
	fail "the purchase row is not name | phone | amount from the right: $cn $cp $ca"
# The key bar is mirrored too: F1 (and its label) at the right end, F10
# towards the left.
checks=$((checks + 1))
last=$(screen | sed -n 30p | sed 's/ *$//')
case $last in *F1) ;; *) fail "the key bar does not end with F1 on the right: $last" ;; esac
checks=$((checks + 1))
[ "$(printf '%s' "$last" | awk '{ print index($0, "F10") < index($0, "F9") }')" = 1 ] ||
	fail "F10 is not left of F9: $last"
# Help, mirrored: the keys column at the right end; the month screen's
# arrows swap as that screen's do (the earlier month is on the right, so
# the month before is →, the month after ←).
keys F1
expect_screen "Ctrl-S" "help opens"
checks=$((checks + 1))
arrows=$(screen | sed 's/ *$//' | grep -E '(←|→)$' | sed 's/.*\(.\)$/\1/' | tr -d '\n')
[ "$arrows" = "→←" ] || fail "help in Persian: the month keys end their rows as → then ←, not '$arrows':
$(screen)"
keys Escape
keys F10
expect_exited "F10 leaves"
tm kill-server 2>/dev/null
SOCK=$T/tmux-ar.sock

w survey add 1 --score 10
expect_rc 0 "a promoter's answer this month"
start 100 30 --lang ar
expect_screen "$TODAY_AR" "Arabic: the Today box, shaped"
expect_screen "٠٩١٢ ٣٤٥ ٦٧٨٩" "the phone in Arabic-Indic digits, groups left to right"
# The survey screen's NPS (one promoter of one answer: +100) keeps its
# sign before the number inside the right-to-left title.
keys F5
expect_screen "+١٠٠" "the NPS sign before its number in Arabic"
expect_no_screen "١٠٠+" "no sign after the number"
keys Escape
keys F10
expect_exited "F10 leaves"
tm kill-server 2>/dev/null
SOCK=$T/tmux-check.sock

# The BiDi check: "no" tries the terminal's own ordering, "yes" keeps it.
start 100 30 --lang fa
keys F9
keys b
expect_screen "(W7-K3P)" "the check shows its line"
keys n
keys y
keys F10
expect_exited "F10 leaves"
wj program show
expect .bidi terminal "the answer is kept as the setting"
finish
