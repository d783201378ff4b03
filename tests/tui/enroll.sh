#!/bin/sh
# The enrolment form (F7) and the change of a customer's details (e on the
# card), in a Persian shop: a Persian name typed in, the phone in Persian
# digits, the birthday in the Solar Hijri calendar (1 Farvardin 1370 is
# 21 March 1991), the referrer by phone number, consent no, a Persian
# note; every field checked with `customer show`.  The new customer's card
# opens with their id and card number, and F3 starts a purchase for them.
# A duplicate phone is refused next to the phone field and the name typed
# stays; a date that is not a date of the calendar is refused next to the
# birthday; Esc with typed input asks first.  bidi=terminal keeps the
# screen's text in logical order so that Persian can be compared.
. "${WAFA_TUILIB:-$(dirname "$0")/lib.sh}"

export WAFA_NOW=1795336200 # Sun 1 Azar 1405 12:00 Tehran (2026-11-22)
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran --shop "Golestan"
w program set bidi terminal
w customer add --name "Sara Ahmadi" --phone 09351112233 --at "2026-01-01"

start 100 30
keys F7
expect_screen "New customer" "F7 opens the form"
expect_screen "YYYY-MM-DD, Solar Hijri calendar" "the birthday's hint names the calendar"
type_text "علی کریمی"
keys Tab
type_text "۰۹۱۲ ۳۴۵ ۶۷۸۹"
keys Tab
type_text "۱۳۷۰-۰۱-۰۱"
expect_screen "(1991-03-21)" "the birthday read back in Gregorian"
expect_screen "Farvardin" "and in the shop's calendar"
keys Tab
type_text "ali@example.com"
keys Tab
type_text "0935 111 2233"
expect_screen "Referred by: Sara Ahmadi (#1)" "the referrer found by phone"
keys Tab
keys n
keys Tab
type_text "مشتری قدیمی"
keys Enter
# Customer 2: card 60 000000002 and the Luhn digit 3.
expect_screen "Enrolled: customer 2, card 6000 0000 0023" "the new id and card number"
expect_screen "علی کریمی  #2" "the new customer's card opens"
expect_screen "birthday 1 Farvardin" "the card shows the birthday in the shop's calendar"
expect_screen "ali@example.com" "the card shows the e-mail"
expect_screen "referred by Sara Ahmadi" "the card shows the referrer"
wj customer show 2
expect .name "علی کریمی" "the name as typed"
expect .phone 09123456789 "the phone: Persian digits and spaces normalised"
expect .birthday 1991-03-21 "the birthday in Gregorian"
expect .email ali@example.com "the e-mail"
expect .referrer_id 1 "the referrer"
expect .consent false "consent no"
expect .note "مشتری قدیمی" "the note"
expect .card 600000000023 "the card number"
expect .active true "active"

keys F3
expect_screen "09123456789" "F3 on the new card: a purchase for that customer"
expect_screen "علی کریمی" "the purchase screen has the customer"
keys Escape

# A duplicate phone: refused next to the phone field; the name stays.
keys F7
type_text "رضا محمدی"
keys Tab
type_text "09123456789"
keys C-s
expect_screen "09123456789 already belongs to customer 2" "the refusal"
line=$(screen | grep -F "Phone")
expect_match "Phone +09123456789 +09123456789 already belongs to customer 2" "$line" \
	"the refusal stands next to the phone field"
expect_screen "رضا محمدی" "the name typed stays"
wj customer find "رضا"
expect 'length' 0 "nothing was enrolled"

# A date that is not one of the Solar Hijri calendar (Mehr has 30 days).
keys Tab
type_text "1405-07-31"
keys C-s
line=$(screen | grep -F "Birthday")
expect_match "not a date of this calendar" "$line" "the refusal stands next to the birthday"
keys C-u
type_text "1380-07-30"
# Another phone, then save: customer 3 (card 60 000000003, Luhn 1).
keys BTab
keys C-u
type_text "09121112222"
keys C-s
expect_screen "Enrolled: customer 3, card 6000 0000 0031" "saved once the phone is free"
wj customer show 3
expect .name "رضا محمدی" "the name typed before the refusal"
expect .birthday 2001-10-22 "30 Mehr 1380 is 22 October 2001"
expect .consent true "consent: yes unless changed"

# Change the details from the card.
keys e
expect_screen "Change a customer's details  #3" "e opens the form for this customer"
expect_screen "1380-07-30" "the birthday in the shop's calendar"
keys Tab Tab Tab
type_text "reza@example.com"
keys C-s
expect_screen "The customer's details are saved." "saved"
expect_screen "reza@example.com" "back on the card, with the e-mail"
wj customer show 3
expect .email reza@example.com "the e-mail changed"
expect .phone 09121112222 "the phone unchanged"
expect .birthday 2001-10-22 "the birthday unchanged"

# Esc with typed input asks first; n stays, y leaves.
keys e
keys End
type_text "x"
keys Escape
expect_screen "Leave it?" "Esc with typed input asks"
keys n
expect_screen "Change a customer's details" "n: still in the form"
keys Escape
keys y
expect_screen "رضا محمدی  #3" "y: back on the card"
wj customer show 3
expect .name "رضا محمدی" "nothing saved"

resize 80 24
keys e
expect_screen "Consent to contact" "80x24: the form"
expect_screen "reza@example.com" "80x24: the values"
resize 200 60
expect_screen "Consent to contact" "200x60: the form"
resize 100 30
keys Escape
expect_screen "رضا محمدی  #3" "Esc without typing leaves at once"

keys F10
expect_exited "F10 quits"
finish
