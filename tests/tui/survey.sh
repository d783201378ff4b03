#!/bin/sh
# The survey call list (F5): the month's NPS at the top, an answer entered
# in the panel (score, satisfaction, reason, comment), a score picked with
# two digits (10), calls without an answer (no answer, refused), the
# detractor's follow-up closed with a note; 80x24 and 200x60 mid-session.
. "${WAFA_TUILIB:-$(dirname "$0")/lib.sh}"

SQL=${SQLITE3:-sqlite3}
command -v "$SQL" >/dev/null 2>&1 || SQL=

export WAFA_NOW=1795336200 # 1 Azar 1405 12:00 Tehran (2026-11-22 08:30 UTC)
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 \
	--calendar persian --timezone Asia/Tehran --shop "Golestan"
# 1 Ali: no consent, answered this morning (a promoter).  2-4 consent,
# with a sale 10, 6 and 5 days ago: the call list, oldest sale first.
# Every back-dated sale comes first: `report month` applies expiry up to
# now, and nothing may be dated before that afterwards (rule 6).
w customer add --name "Ali Karimi" --phone 09120000001 --at "2026-09-01 10:00"
w customer add --name "Reza Tehrani" --phone 09121110000 --consent yes --at "2026-09-01 10:00"
w customer add --name "Maryam Rahimi" --phone 09123456789 --consent yes --at "2026-09-01 10:00"
w customer add --name "Sara Ahmadi" --phone 09351112233 --consent yes --at "2026-09-01 10:00"
w purchase add --customer 1 --amount 100000 --at "2026-11-20 10:00"
w purchase add --customer 2 --amount 200000 --at "2026-11-12 10:00"
w purchase add --customer 3 --amount 300000 --at "2026-11-16 10:00"
w purchase add --customer 4 --amount 400000 --at "2026-11-17 18:00"
# 5 Nima consents later (the last part of the test).
w customer add --name "Nima Farahani" --phone 09190000000 --at "2026-09-01 10:00"
w purchase add --customer 5 --amount 100000 --at "2026-11-19 10:00"
w survey add 1 --score 10 --at "2026-11-22 09:00"
expect_rc 0 "the promoter's answer"

# Labels longer than usual, from a catalog of the test's own: "Comment"
# the longest label of the panel, "Score" a long column title.
own_catalog=
if command -v msgfmt >/dev/null 2>&1; then
	own_catalog=$T/locale
	mkdir -p "$own_catalog/en/LC_MESSAGES"
	printf '%s\n' 'msgid ""' 'msgstr "Content-Type: text/plain; charset=UTF-8\n"' '' \
		'msgid "Comment"' 'msgstr "Your comment, if any"' '' \
		'msgid "Score"' 'msgstr "Answer (0 to 10)"' >"$T/en.po"
	msgfmt -o "$own_catalog/en/LC_MESSAGES/wafa.mo" "$T/en.po"
	WAFA_LOCALEDIR=$own_catalog start 100 30
	keys F5
	keys Enter
	expect_screen "How likely are you to recommend us to a friend?" "the panel (own catalog)"
	# The input next to it used to blank the label's last letter.
	expect_screen "Your comment, if any" "the comment's label whole when it is the longest"
	keys Escape
	keys F10
	expect_exited "F10 quits (own catalog)"
	tm kill-server 2>/dev/null
	SOCK=$T/tmux-main.sock
fi

start 100 30
keys F5
expect_screen "Survey calls · 3 due" "three customers to call"
# 1 promoter of 1 answer in Azar: +100.
expect_screen "NPS this month +100 (1 answer)" "this month's NPS"
expect_screen "Reza Tehrani" "the oldest sale first"
expect_screen "0912 111 0000" "the phone, grouped"
expect_screen "10 days ago" "12 Aban to 1 Azar: ten days"
expect_screen "5 days ago" "Sara's sale, 17 Nov 18:00 local: five days"
expect_no_screen "Ali Karimi" "no consent, not on the list"

# Reza: 4 (a detractor), satisfaction 2, reason service, a comment.
keys Enter
expect_screen "How likely are you to recommend us to a friend?" "Enter opens the panel"
keys 4 Tab 2 Tab Right Right Right Tab
type_text "Rude at the till"
expect_screen "dissatisfied" "satisfaction 2 in words"
keys Enter
expect_screen "Saved: 4 from Reza Tehrani (detractor). A follow-up was opened" "saved, follow-up"
expect_screen "Survey calls · 2 due" "Reza leaves the list"
# 1 promoter, 1 detractor of 2 answers: 0.
expect_screen "NPS this month 0 (2 answers)" "the header follows"
wj survey follow-ups
expect 'length' 1 "one follow-up open"
expect '.[0].name' "Reza Tehrani" "the follow-up is Reza's"
expect '.[0].score' 4 "its score"
expect '.[0].comment' "Rude at the till" "its comment"
if [ -n "$SQL" ]; then
	checks=$((checks + 1))
	row=$("$SQL" "$DB" "SELECT score, csat, reason, comment FROM surveys WHERE customer_id = 2")
	[ "$row" = "4|2|service|Rude at the till" ] || fail "Reza's survey row: $row"
fi

# Maryam is highlighted now: 1 then 0 is 10; Ctrl-S saves from the score.
keys 1 0
expect_screen "promoter" "10 is a promoter"
keys C-s
expect_screen "Saved: 10 from Maryam Rahimi (promoter)." "two digits make 10"
# 2 promoters, 1 detractor of 3: 100 x 1 / 3 = 33.
expect_screen "NPS this month +33 (3 answers)" "the header after Maryam"
wj report month 1405-09
expect '.nps_responses' 3 "three answers in Azar"
expect '.promoters' 2 "two promoters"
expect '.detractors' 1 "one detractor"
expect '.nps' 33 "NPS 33"

# A panel with a score picked asks before it is dropped.
keys 7
expect_screen "passive" "7 is a passive"
keys Escape
expect_screen "drop this answer?" "Esc asks"
keys n
expect_screen "How likely are you" "n keeps the panel"
keys Escape
keys y
expect_no_screen "How likely are you" "y drops it"

# Sara: no answer (she stays, moved down), then refused (off the list).
keys n
expect_screen "No answer from Sara Ahmadi" "no answer recorded"
expect_screen "Survey calls · 1 due" "Sara is still to call"
keys r
expect_screen "Sara Ahmadi refused: off the call list." "refused recorded"
expect_screen "Survey calls · 0 due" "nobody left"
expect_screen "Nobody to call today." "the empty list says so"
if [ -n "$SQL" ]; then
	checks=$((checks + 1))
	got=$("$SQL" "$DB" "SELECT group_concat(outcome, ' ') FROM (SELECT outcome FROM contact_log WHERE customer_id = 4 ORDER BY id)")
	[ "$got" = "no_answer refused" ] || fail "Sara's calls: $got"
fi
wj survey calls
expect 'length' 0 "the call list is empty"

# The detractor's follow-up, closed with a note.
keys f
expect_screen "Detractor follow-ups · 1 open" "f shows the follow-ups"
expect_screen "Rude at the till" "with the comment"
resize 80 24
expect_screen "Reza Tehrani" "80x24 keeps the follow-up"
keys Enter
expect_screen "Close the follow-up of Reza Tehrani" "Enter asks for a note"
type_text "Called back, apologised"
keys Enter
expect_screen "Follow-up closed." "closed"
expect_screen "No follow-up is open." "the list is empty"
wj survey follow-ups
expect 'length' 0 "no follow-up open"
if [ -n "$SQL" ]; then
	checks=$((checks + 1))
	got=$("$SQL" "$DB" "SELECT note FROM follow_ups WHERE customer_id = 2 AND closed_at IS NOT NULL")
	[ "$got" = "Called back, apologised" ] || fail "the closing note: $got"
fi
keys Escape
expect_screen "Survey calls · 0 due" "Esc: back to the calls"

# A panel at 80x24 and at 200x60.
w customer edit 5 --consent yes
expect_rc 0 "Nima consents"
keys Escape
keys F5
expect_screen "Nima Farahani" "a new customer to call"
keys Enter 8
expect_screen "Satisfaction" "the panel at 80x24"
expect_screen "location/hours" "every reason fits at 80x24"
resize 200 60
expect_screen "How likely are you to recommend us to a friend?" "200x60 redraws the panel"
expect_screen "passive" "the score is kept"
keys C-s
expect_screen "Saved: 8 from Nima Farahani (passive)." "saved at 200x60"
resize 100 30

keys F10
expect_exited "F10 quits"

# The follow-up list's score column as wide as its title.
if [ -n "$own_catalog" ]; then
	tm kill-server 2>/dev/null
	SOCK=$T/tmux-fup.sock
	w survey add 1 --score 2
	expect_rc 0 "a detractor's answer now"
	WAFA_LOCALEDIR=$own_catalog start 80 24
	keys F5
	keys f
	expect_screen "Detractor follow-ups · 1 open" "f: one follow-up (own catalog)"
	expect_screen "Answer (0 to 10)" "80x24: the score column's whole title"
	keys F10
	expect_exited "F10 quits (own catalog, follow-ups)"
fi
finish
