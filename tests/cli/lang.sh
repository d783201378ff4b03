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

# --help, --version and usage errors are in the UI language too: the
# language is settled before anything is printed.  msgids with "\n" are
# looked up with gettext -e.
trn() { LC_ALL=C.UTF-8 LANGUAGE=$1 TEXTDOMAINDIR=$WAFA_LOCALEDIR gettext -e -d wafa "$2"; }
usage_en="Usage: wafa [--db PATH] [--json] [--lang en|fa|ar] [COMMAND ...]"
usage_ar=$(trn ar "$usage_en\n")
usage_fa=$(trn fa "$usage_en\n")
checks=$((checks + 1))
[ -n "$usage_ar" ] && [ "$usage_ar" != "$usage_en" ] && [ "$usage_ar" != "$usage_fa" ] ||
	fail "the catalogs do not translate the usage line"
first_line() { printf '%s\n' "$1" | head -n 1; }
out=$("$WAFA" --lang ar --help)
expect_eq "$(first_line "$out")" "$usage_ar" "--lang ar --help"
out=$("$WAFA" --help --lang ar)
expect_eq "$(first_line "$out")" "$usage_ar" "--help before --lang ar"
out=$(LANGUAGE=ar "$WAFA" --help)
expect_eq "$(first_line "$out")" "$usage_ar" "LANGUAGE=ar --help"
out=$(env -u LANGUAGE LC_MESSAGES=ar_SA.UTF-8 "$WAFA" --help)
expect_eq "$(first_line "$out")" "$usage_ar" "LC_MESSAGES=ar_SA.UTF-8 --help"
out=$("$WAFA" --lang en --help)
expect_eq "$(first_line "$out")" "$usage_en" "--lang en --help"
out=$("$WAFA" --lang fa customer add --help | sed -n 2p)
expect_eq "$out" "$(trn fa "enrol a customer")" "--lang fa customer add --help"
out=$("$WAFA" --lang ar --db 2>&1)
expect_eq "$out" "$(printf "$(trn ar 'wafa: %s needs a value\n')" --db)" "a usage error in Arabic"
# The shop's language setting (fa here) is read for help without
# touching the file: no write, no -wal or -shm beside it.
before=$(db_sum)
w --help
expect_eq "$(first_line "$out")" "$usage_fa" "the shop's lang setting for --help"
w customer find --help
expect_eq "$(printf '%s\n' "$out" | sed -n 2p)" "$(trn fa "find customers by name, phone, card or external id")" \
	"the shop's lang setting for a command's --help"
expect_eq "$(db_sum)" "$before" "help leaves the database as it was"
checks=$((checks + 1))
[ ! -e "$DB-wal" ] && [ ! -e "$DB-shm" ] || fail "help left a -wal or -shm file beside the database"
out=$("$WAFA" --db "$T/none.db" --lang ar --help)
expect_eq "$(first_line "$out")" "$usage_ar" "--help with a database that does not exist"
checks=$((checks + 1))
[ ! -e "$T/none.db" ] || fail "--help created the database"

# Columns of a list line up by terminal columns, not bytes: an Arabic
# letter or a native digit is two bytes and one column, a harakah no
# column.  customer list is "%6s  %-28s %-15s %s", so the phone (which
# starts with a zero) starts after 6 + 2 + 28 + 1 = 37 columns on every
# line.
w customer add --name "عبد الرحمن بن عبد العزيز" --phone 09121234568
w customer add --name "مُحَمَّد" --phone 09121234569
w customer add --name "سارا" --phone 09351112233
# phone_columns ZERO: the widths of what comes before the first ZERO of
# each line, each width once.
phone_columns() {
	printf '%s\n' "$out" | while IFS= read -r line; do
		printf '%s' "${line%%"$1"*}" | wc -L
	done | sort -u | tr '\n' ' '
}
w --lang ar customer list
expect_eq "$(printf '%s\n' "$out" | wc -l)" 4 "four customers listed"
expect_eq "$(phone_columns ٠)" "37 " "Arabic: the phone column starts at column 37 on every line"
w --lang fa customer list
expect_eq "$(phone_columns ۰)" "37 " "Persian: the phone column starts at column 37 on every line"
w --lang en customer list
expect_eq "$(phone_columns 0)" "37 " "English: the phone column starts at column 37 on every line"

# Numbers in messages are in the UI's digits: a refused redemption names
# the balance (156 = floor(1,560,000 / 10,000) at x1) and the cost.
w purchase add --customer 4 --amount 1560000
w reward add --code OUD --name "عطر عود" --points 8000
refused 1 "a redemption beyond the balance, in Arabic" --lang ar redeem 4 --reward OUD
expect_match "١٥٦" "$err" "the balance in Arabic-Indic digits"
expect_match "٨٬٠٠٠" "$err" "the cost in Arabic-Indic digits, grouped"
checks=$((checks + 1))
printf '%s' "$err" | grep -q '[0123456789]' && fail "Latin digits in an Arabic message: $err"
w --lang fa redeem 4 --reward OUD
expect_match "۱۵۶" "$err" "the balance in Persian digits"
expect_match "۸٬۰۰۰" "$err" "the cost in Persian digits"
w --lang en redeem 4 --reward OUD
expect_eq "$err" "wafa: the customer holds 156 points; OUD costs 8,000" "the refusal in English"
finish
