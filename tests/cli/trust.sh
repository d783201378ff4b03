#!/bin/sh
# Owner and staff: PINs (hashed, locked after three wrong tries), owner-only
# actions, the audit trail (never changed), backup and restore, file modes.
. "${WAFA_TESTLIB:-$(dirname "$0")/lib.sh}"

export WAFA_NOW=1795336200
umask 022
w init --currency IRT --decimals 0 --earn-unit 10000 --point-value 100 --timezone Asia/Tehran
expect_rc 0 "init"
expect_eq "$(stat -c %a "$DB")" 600 "the database is created with mode 0600"
w customer add --name "Ali" --phone 09121111111
w purchase add --customer 1 --amount 1000000

# Before an owner exists nothing asks for a PIN.
wj program set expiry_days 180
expect_rc 0 "a single-person shop changes settings freely"
wj staff list
expect 'length' 0 "no staff yet"

wj staff add --name "Maryam" --role owner --pin 4321
expect_rc 0 "the first owner"
expect .role owner "role"
owner_id=$(printf '%s' "$out" | jq -r .id)
checks=$((checks + 1))
sqlite3 "$DB" "select pin_hash from staff" | grep -q '^\$y\$' || fail "the PIN is stored as a yescrypt hash"
checks=$((checks + 1))
sqlite3 "$DB" .dump | grep -q 4321 && fail "the PIN appears in the database"

refused 1 "an owner-only action without the PIN" program set expiry_days 90
expect_match "PIN" "$err" "the message says a PIN is needed"
# A wrong PIN is refused; it counts towards the lockout (kept in the
# database, so several counters share it), nothing else changes.
w program set expiry_days 90 --pin 1111
expect_rc 1 "a wrong PIN"
expect_match "wrong PIN" "$err" "says the PIN is wrong"
refused 1 "points adjust without the PIN" points adjust 1 --delta 5 --reason "gift"
refused 1 "a reward without the PIN" reward add --code TEA --name Tea --points 10
refused 1 "a tier without the PIN" tier set Gold --min-spend 5000000 --multiplier 200
refused 1 "deactivating without the PIN" customer deactivate 1
refused 1 "another staff member without the PIN" staff add --name Reza --role staff --pin 2222

wj program set expiry_days 90 --pin 4321
expect_rc 0 "the owner's PIN after the command"
expect .expiry_days 90 "the setting changed"
WAFA_PIN=4321 wj points adjust 1 --delta 5 --reason "birthday gift"
expect_rc 0 "the PIN from WAFA_PIN"
expect .points_balance 105 "100 + 5"
wj --pin 4321 reward add --code TEA --name Tea --points 10
expect_rc 0 "the PIN before the command"
WAFA_PIN=4321 wj staff add --name Reza --role staff --pin 2222
expect_rc 0 "a staff member, the owner's PIN from WAFA_PIN"
reza=$(printf '%s' "$out" | jq -r .id)
w program set active_days 60 --pin 2222
expect_rc 1 "a staff PIN is not an owner's"
refused 1 "a PIN that is not digits" staff add --name X --role staff --pin abcd
w staff disable "$owner_id" --pin 4321
expect_rc 1 "the last owner cannot be disabled"
wj staff list
expect '[.[] | select(.active)] | length' 2 "both still active"

# Three wrong PINs lock the owner for 30 seconds, even the right PIN.
w program set active_days 60 --pin 0000
w program set active_days 60 --pin 0001
w program set active_days 60 --pin 0002
expect_match "30" "$err" "the third wrong PIN locks"
refused 1 "the right PIN while locked" program set active_days 60 --pin 4321
expect_match "seconds" "$err" "says how long"
WAFA_NOW=$((WAFA_NOW + 31)) wj program set active_days 60 --pin 4321
expect_rc 0 "after 30 seconds the PIN works again"

# The audit trail: who, when, what, before and after; never changed.
wj audit
expect '[.[].action] | reverse | join(",")' \
	"program set,staff add,program set,points adjust,reward add,staff add,program set" \
	"every owner-only action and the adjustment, newest first"
expect '.[0].who' Maryam "who"
expect '.[0].before' 90 "before"
expect '.[0].after' 60 "after"
expect '[.[] | select(.action == "points adjust")][0].before' 100 "balance before"
expect '[.[] | select(.action == "points adjust")][0].after' 105 "balance after"
checks=$((checks + 1))
sqlite3 "$DB" "delete from audit" 2>/dev/null && fail "an audit row could be deleted"
checks=$((checks + 1))
sqlite3 "$DB" "update audit set who = 'x'" 2>/dev/null && fail "an audit row could be changed"

# Backup while it is in use; restore refuses what is not a wafa database
# or needs the owner.
wj backup "$T/copy.db"
expect_rc 0 "backup"
expect .ok true "the copy checks out"
expect_eq "$(stat -c %a "$T/copy.db")" 600 "the backup has mode 0600"
refused 1 "backup over an existing file" backup "$T/copy.db"
w purchase add --customer 1 --amount 500000
printf 'not a database' >"$T/junk.db"
refused 1 "restore from a file that is not a wafa database" restore "$T/junk.db" --pin 4321
refused 1 "restore without the owner" restore "$T/copy.db"
wj restore "$T/copy.db" --pin 4321
expect_rc 0 "restore"
expect .ok true "the restored database checks out"
wj customer show 1
expect .sales 1 "the purchase after the backup is gone"
wj audit
expect '.[0].action' restore "the restore is in the audit trail"

# A database written by a newer wafa is refused.
sqlite3 "$DB" "PRAGMA user_version = 99"
refused 1 "a newer schema" customer show 1
expect_match "newer" "$err" "says why"
finish
