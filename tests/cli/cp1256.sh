#!/bin/sh
# CSV in the encodings Excel writes on Persian and Arabic Windows: UTF-8
# with a byte-order mark (the default) and CP1256, both ways, with the
# mapping CP1256 needs (ی -> ي and back for a Persian shop, ۀ -> ه, digits to
# ASCII), encoding detection, direction marks stripped, ";" and tab
# separators.
. "${WAFA_TESTLIB:-$(dirname "$0")/lib.sh}"

export WAFA_NOW=1795336200
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran
# Names as Persian writes them: ی and ک, a ZWNJ (U+200C) inside a word.
w customer add --name "علی کریمی" --phone "۰۹۱۲ ۳۴۵ ۶۷۸۹" --external-id C-1 --note "مشتری قدیمی"
w customer add --name "مریم رحیمی‌نژاد" --phone 09351112233 --external-id C-2
w customer add --name "زهرا کاظمی" --external-id C-3 --email "z@example.com" --birthday 1990-03-21

wj export customers "$T/utf8.csv"
expect .rows 3 "three customers exported"
expect_eq "$(head -c 3 "$T/utf8.csv" | od -An -tx1 | tr -d ' ')" efbbbf "UTF-8 with a byte-order mark"
expect_eq "$(head -1 "$T/utf8.csv" | tr -d '\r' | sed 's/^\xef\xbb\xbf//')" \
	"name,external_id,phone,email,birthday,enrolled_at,note" "the columns import reads"

wj export customers "$T/cp.csv" --encoding cp1256
expect .rows 3 "three customers in CP1256"
checks=$((checks + 1))
iconv -f UTF-8 -t UTF-8 "$T/cp.csv" >/dev/null 2>&1 && fail "the CP1256 file is not UTF-8"
# ی (Persian yeh) is not in CP1256: it is written as ي (Arabic yeh, 0xED);
# ک (keheh) is in CP1256 (0x98); ZWNJ is in CP1256 (0x9D).
expect_eq "$(iconv -f CP1256 -t UTF-8 "$T/cp.csv" | sed -n 2p | cut -d, -f1)" "علي کريمي" "ی is written as ي"
checks=$((checks + 1))
iconv -f CP1256 -t UTF-8 "$T/cp.csv" | grep -q "رحيمي‌نژاد" || fail "the ZWNJ survives CP1256"

# Back into a fresh Persian shop: the encoding is found by itself, and ي
# becomes ی again (a Persian shop writes Persian letters).
DB=$T/back.db
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran
wj import customers "$T/cp.csv"
expect_rc 0 "import the CP1256 file"
expect .encoding cp1256 "the encoding is detected"
expect .imported 3 "three customers back"
wj customer show ext:C-1
expect .name "علی کریمی" "the name comes back unchanged"
expect .phone 09123456789 "the phone comes back"
expect .note "مشتری قدیمی" "the note comes back"
wj customer show ext:C-2
expect .name "مریم رحیمی‌نژاد" "with its ZWNJ"
wj customer show ext:C-3
expect .birthday 1990-03-21 "the birthday"
expect .email z@example.com "the e-mail"
# And an export of the imported shop equals the first (same columns, same
# text, the enrolment times as they were).
wj export customers "$T/again.csv"
checks=$((checks + 1))
cmp -s "$T/utf8.csv" "$T/again.csv" || fail "export -> CP1256 -> import -> export changed: $(diff "$T/utf8.csv" "$T/again.csv")"

# The documented loss: ۀ (heh with yeh above) has no place in CP1256: ه.
DB=$T/heh.db
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 --calendar persian
w customer add --name "خانوادۀ محمدی" --external-id H-1
wj export customers "$T/heh.csv" --encoding cp1256
DB=$T/heh2.db
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 --calendar persian
wj import customers "$T/heh.csv"
wj customer show ext:H-1
expect .name "خانواده محمدی" "ۀ comes back as ه"

# Semicolons, a tab file, direction marks and quotes, in a Saudi shop.
DB=$T/sa.db
w init --currency SAR --decimals 2 --earn-unit 10 --point-value 0.05 --timezone Asia/Riyadh
printf 'name;phone;note\r\n"خالد، العتيبي";0501234567;"قال ""مرحبا"""\r\n\342\200\217سارة\342\200\216 القحطاني;0551112222;\r\n' >"$T/semi.csv"
wj import customers "$T/semi.csv"
expect .imported 2 "a ; separated file"
wj customer find "القحطاني"
expect '.[0].name' "سارة القحطاني" "direction marks stripped, Arabic yeh kept (not a Persian shop)"
wj customer find "خالد"
expect '.[0].name' "خالد، العتيبي" "a quoted separator"
printf 'name\tphone\n\331\206\331\210\330\261\330\251\t0509998888\n' >"$T/tab.csv"
wj import customers "$T/tab.csv" --dry-run
expect .imported 0 "a dry run imports nothing"
expect '.rejected | length' 0 "a tab-separated file reads"
refused 1 "a file that is neither UTF-8 nor CP1256 when asked for UTF-8" import customers "$T/cp.csv" --encoding utf-8
# A quote left open spoils the rest of the file: the line is named once.
printf 'name,phone\nعلي,0507770001\nسارة,"0551\n' >"$T/open.csv"
before=$(db_sum)
w import customers "$T/open.csv"
expect_rc 1 "an open quote"
expect_eq "$(printf '%s\n' "$out" | head -1)" "line 3: a quoted field is not closed" "the line named once"
expect_eq "$(db_sum)" "$before" "an open quote imports nothing"
printf 'name,"phone\nعلي,0507770002\n' >"$T/open-header.csv"
refused 1 "an open quote in the header" import customers "$T/open-header.csv"
expect_eq "$err" "wafa: $T/open-header.csv: a quoted field is not closed" "the header's open quote names the file"
finish
