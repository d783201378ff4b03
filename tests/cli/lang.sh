#!/bin/sh
# The language of messages and numbers: --lang, the shop's setting, then
# LANGUAGE, then LC_ALL/LC_MESSAGES/LANG -- with only C.UTF-8 installed.
# Expected sentences come from the catalogs themselves through gettext(1),
# not from wafa; digits are Persian (U+06F0..) for fa, Arabic-Indic
# (U+0660..) for ar, unless the digits setting says otherwise; JSON keeps
# ASCII numbers in every language.
. "${WAFA_TESTLIB:-$(dirname "$0")/lib.sh}"

: "${WAFA_LOCALEDIR:?the tests need the compiled catalogs (WAFA_LOCALEDIR)}"
export WAFA_LOCALEDIR WAFA_NOW=1795336200
command -v gettext >/dev/null 2>&1 || { echo "gettext(1) is needed" >&2; exit 77; }
# tr LANG MSGID ARG: the catalog's sentence for MSGID with %s = ARG.
tr_() { printf "$(LC_ALL=C.UTF-8 LANGUAGE=$1 TEXTDOMAINDIR=$WAFA_LOCALEDIR gettext -d wafa "$2")" "$3"; }
fa=$(tr_ fa "unknown customer %s" 999)
ar=$(tr_ ar "unknown customer %s" 999)
en="unknown customer 999"
checks=$((checks + 2))
[ "$fa" != "$en" ] || fail "the Persian catalog does not translate the message"
[ "$ar" != "$en" ] && [ "$ar" != "$fa" ] || fail "the Arabic catalog does not translate the message"

w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran
w customer add --name "Ali" --phone 09121234567
w purchase add --customer 1 --amount 1250000

w --lang fa customer show 999
expect_eq "$err" "wafa: $fa" "--lang fa"
w --lang ar customer show 999
expect_eq "$err" "wafa: $ar" "--lang ar"
w customer show 999
expect_eq "$err" "wafa: $en" "English by default"
out=$(LC_ALL=C.UTF-8 LANGUAGE=fa "$WAFA" --db "$DB" customer show 999 2>&1)
expect_eq "$out" "wafa: $fa" "LANGUAGE=fa with only C.UTF-8"
out=$(LC_ALL=C.UTF-8 LANGUAGE=ar:fa "$WAFA" --db "$DB" customer show 999 2>&1)
expect_eq "$out" "wafa: $ar" "the first entry of LANGUAGE"
out=$(env -u LANGUAGE LC_ALL=ar_SA.UTF-8 "$WAFA" --db "$DB" customer show 999 2>&1)
expect_eq "$out" "wafa: $ar" "LC_ALL names the language when LANGUAGE is unset"
out=$(LANGUAGE=ar "$WAFA" --db "$DB" --lang en customer show 999 2>&1)
expect_eq "$out" "wafa: $en" "--lang wins over LANGUAGE"
refused 2 "an unknown language" --lang de customer show 1

# The shop's setting comes before the environment, after --lang.
w program set lang fa
out=$(LANGUAGE=ar "$WAFA" --db "$DB" customer show 999 2>&1)
expect_eq "$out" "wafa: $fa" "the lang setting before LANGUAGE"
w --lang en customer show 999
expect_eq "$err" "wafa: $en" "--lang before the setting"

# Digits follow the language; input takes any script's digits.
w customer show 1
expect_match "۱٬۲۵۰٬۰۰۰" "$out" "Persian digits and separator in the spend"
w --lang ar customer show 1
expect_match "١٬٢٥٠٬٠٠٠" "$out" "Arabic-Indic digits in Arabic"
w program set digits latin
w customer show 1
expect_match "1,250,000" "$out" "digits=latin"
w program set digits native
wj customer show 1
expect .spend 1250000 "JSON numbers stay ASCII whatever the language"
wj purchase add --customer "۱" --amount "۲٬۰۰۰٬۰۰۰" --redeem-points "١٠"
expect_rc 0 "Persian and Arabic-Indic digits as input"
expect .amount 2000000 "۲٬۰۰۰٬۰۰۰"
expect .points_paid 10 "١٠"
finish
