# lib.sh -- sourced by every test: TAP output and a scratch directory.
# Each test prints "ok N - what" or "not ok N - what" and ends with "1..N".
set -u
: "${srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${builddir:=$srcdir}"
: "${TLSGPO:=$builddir/src/tlsgpo}"
export LC_ALL=C

tap_n=0
tap_failed=0

ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $*"
}

not_ok() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $*"
}

# check DESCRIPTION COMMAND...: ok when the command succeeds.
check() {
	local desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}

# check_eq DESCRIPTION GOT WANT
check_eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1"
		printf '#   got:  %s\n#   want: %s\n' "$2" "$3" | sed 's/^\([^#]\)/#   \1/'
	fi
}

# skip DESCRIPTION REASON: a TAP skip, shouted so nobody mistakes it for a pass.
skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
	echo "#### SKIPPED: $1: $2" >&2
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

# run_tool ARGS...: runs tlsgpo, leaving $out, $err and $rc.
run_tool() {
	out=$("$TLSGPO" "$@" 2>"$WORK/.stderr")
	rc=$?
	err=$(cat "$WORK/.stderr")
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tlsgpo-test.XXXXXX") || exit 99
trap 'rm -rf "$WORK"' EXIT
