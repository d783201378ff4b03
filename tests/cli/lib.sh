# lib.sh -- shared helpers of the command-line scenario tests.
#
# Each test sources this file, runs wafa against a database in a fresh
# temporary folder and compares what it prints with numbers worked out by
# hand from DESIGN.md (written in the test, never captured from wafa).
# JSON is read with jq.  The test ends with `finish`, which exits 1 when
# any expectation failed.

set -u
: "${WAFA:?WAFA must name the wafa program}"
command -v jq >/dev/null 2>&1 || { echo "jq is needed by the tests (apt-get install jq)" >&2; exit 99; }

T=$(mktemp -d "${TMPDIR:-/tmp}/wafa-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
DB=$T/shop.db
failures=0
checks=0
unset WAFA_DB LANGUAGE LC_ALL LC_MESSAGES
export LANG=C.UTF-8

# wafa on the test's database; wj with --json.  Output in $out, exit
# status in $rc, standard error in $err.
w() {
	out=$("$WAFA" --db "$DB" "$@" 2>"$T/stderr")
	rc=$?
	err=$(cat "$T/stderr")
	return 0
}
wj() { w --json "$@"; }

fail() {
	failures=$((failures + 1))
	printf 'FAIL: %s\n' "$*" >&2
}

# expect_rc N WHAT: the last command exited with N.
expect_rc() {
	checks=$((checks + 1))
	[ "$rc" = "$1" ] || fail "$2: exit status $rc, expected $1 (stderr: $err)"
}

# expect FILTER VALUE WHAT: jq -r FILTER of the last output equals VALUE.
expect() {
	checks=$((checks + 1))
	got=$(printf '%s' "$out" | jq -r "$1" 2>&1)
	[ "$got" = "$2" ] || fail "$3: $1 is '$got', expected '$2'"
}

# expect_eq GOT WANT WHAT
expect_eq() {
	checks=$((checks + 1))
	[ "$1" = "$2" ] || fail "$3: got '$1', expected '$2'"
}

# expect_match REGEX TEXT WHAT
expect_match() {
	checks=$((checks + 1))
	printf '%s' "$2" | grep -Eq -- "$1" || fail "$3: '$2' does not match /$1/"
}

# The database as bytes: the sum of the file (after wafa closed it, the
# write-ahead log is folded back into it).
db_sum() { sha256sum "$DB" | cut -d' ' -f1; }

# refused N WHAT ARGS...: the command exits with N, says one line on
# stderr, prints nothing on stdout, and leaves the database unchanged.
refused() {
	want=$1 what=$2
	shift 2
	before=$(db_sum)
	w "$@"
	expect_rc "$want" "$what"
	checks=$((checks + 1))
	[ -n "$err" ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] ||
		fail "$what: expected one line on stderr, got: $err"
	[ -z "$out" ] || fail "$what: expected nothing on stdout, got: $out"
	after=$(db_sum)
	[ "$before" = "$after" ] || fail "$what: the database changed"
}

finish() {
	if [ "$failures" -gt 0 ]; then
		printf '%d of %d checks failed\n' "$failures" "$checks" >&2
		exit 1
	fi
	printf 'PASS: %d checks\n' "$checks"
	exit 0
}
