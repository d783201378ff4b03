# lib.sh -- helpers of the tests that drive the curses front end in tmux.
#
# Sources the command-line test library (a temporary folder, $DB, w/wj,
# expect...), then runs wafa inside a tmux server of its own (a private
# socket), sends keys and reads the screen with capture-pane.

. "${WAFA_TESTLIB:-$(dirname "$0")/../cli/lib.sh}"

TMUX_BIN=${TMUX_BIN:-tmux}
command -v "$TMUX_BIN" >/dev/null 2>&1 || { echo "tmux is needed (apt-get install tmux)" >&2; exit 77; }
SOCK=$T/tmux.sock
tm() { "$TMUX_BIN" -S "$SOCK" "$@"; }
trap 'for s in "$T"/tmux*.sock; do "$TMUX_BIN" -S "$s" kill-server 2>/dev/null; done; rm -rf "$T"' EXIT

# start [COLS ROWS] [wafa options...]: opens wafa on $DB in a new tmux
# window of that size (default 100x30) and waits for the first screen.
# Each start has a tmux server of its own: a server whose last session was
# just killed may still be exiting, and a new session asked of it fails
# ("server exited unexpectedly").
start() {
	cols=${1:-100} rows=${2:-30}
	shift 2 2>/dev/null || shift $#
	starts=$((${starts:-0} + 1))
	SOCK=$T/tmux-start$starts.sock
	tm -f /dev/null new-session -d -s t -x "$cols" -y "$rows" \
		"env LANG=C.UTF-8 WAFA_NOW=${WAFA_NOW:-} WAFA_LOCALEDIR=${WAFA_LOCALEDIR:-} $WAFA --db $DB $* ; sleep 30"
	tm set -g status off >/dev/null
	wait_for "wafa" 5 || fail "wafa did not start: $(screen)"
}

# keys KEY...: tmux send-keys, then a short pause for the redraw.
keys() {
	tm send-keys -t t "$@"
	sleep "${KEY_PAUSE:-0.15}"
}
# type TEXT: literal text.
type_text() {
	tm send-keys -t t -l "$1"
	sleep "${KEY_PAUSE:-0.15}"
}

screen() { tm capture-pane -p -t t; }

# wait_for TEXT [SECONDS]: until the screen shows TEXT (a fixed string).
wait_for() {
	i=0 limit=$(( ${2:-3} * 10 ))
	while [ $i -lt $limit ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# expect_screen TEXT WHAT: the screen shows TEXT (waiting up to 3 s).
expect_screen() {
	checks=$((checks + 1))
	wait_for "$1" 3 || fail "$2: the screen does not show '$1':
$(screen)"
}
# expect_no_screen TEXT WHAT
expect_no_screen() {
	checks=$((checks + 1))
	sleep 0.2
	! screen | grep -qF -- "$1" || fail "$2: the screen shows '$1':
$(screen)"
}

# resize COLS ROWS
resize() {
	tm resize-window -t t -x "$1" -y "$2"
	sleep 0.3
}

# The program is still running / has gone.
wafa_running() { pgrep -f -- "^$WAFA --db $DB" >/dev/null 2>&1; }
expect_exited() {
	checks=$((checks + 1))
	i=0
	while wafa_running && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
	wafa_running && fail "$1: wafa is still running"
	return 0
}
