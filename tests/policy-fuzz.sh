#!/bin/bash
# The policy reader never crashes and always answers in its own format: every
# truncation of a sample policy, and seeded byte substitutions, give exit 0
# or 2, and on 2 every stderr line is "FILE:LINE: message". Under the ASan +
# UBSan build (.ci/run) this is a memory-safety check of the reader too.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

src=$srcdir/policies/win11-tls12-tls13.ini
size=$(wc -c < "$src")
f=$WORK/p.ini
bad_rc=0 bad_fmt=0 runs=0

probe() {	# describe
	runs=$((runs + 1))
	"$TLSGPO" lint "$f" > /dev/null 2> "$WORK/err"
	rc=$?
	case $rc in
	0) ;;
	2)	if grep -v -q -E "^$f:[0-9]+: " "$WORK/err" || [ ! -s "$WORK/err" ]; then
			bad_fmt=$((bad_fmt + 1))
			echo "# $1: stderr not in FILE:LINE: form:"; sed 's/^/#   /' "$WORK/err" | head -3
		fi ;;
	*)	bad_rc=$((bad_rc + 1)); echo "# $1: exit $rc"; head -5 "$WORK/err" | sed 's/^/#   /' ;;
	esac
}

for ((n = 0; n < size; n++)); do
	head -c "$n" "$src" > "$f"
	probe "truncated at $n"
done
check_eq "every truncation of a policy ($size of them): exit 0 or 2" "$bad_rc" 0
check_eq "every truncation: errors in FILE:LINE: form" "$bad_fmt" 0

# Seeded substitutions: one byte at a time, by bytes that mean something to
# INI, UTF-8 or C strings.
bad_rc=0 bad_fmt=0
bytes=('\x00' '\xff' '\xc3' '\n' '\r' '=' ';' '[' ']' ' ' '\t' '%%' '\\' '"')
RANDOM=2
for ((k = 0; k < 400; k++)); do
	pos=$((RANDOM % size))
	b=${bytes[$((RANDOM % ${#bytes[@]}))]}
	{ head -c "$pos" "$src"; printf "$b"; tail -c +$((pos + 2)) "$src"; } > "$f"
	probe "byte $pos set to $b"
done
check_eq "400 seeded byte substitutions: exit 0 or 2" "$bad_rc" 0
check_eq "400 seeded byte substitutions: errors in FILE:LINE: form" "$bad_fmt" 0

# Whole lines repeated: duplicates must be reported, never crash.
bad_rc=0 bad_fmt=0
lines=$(wc -l < "$src")
for ((l = 1; l <= lines; l++)); do
	awk -v l="$l" '{ print } NR == l { print }' "$src" > "$f"
	probe "line $l doubled"
done
check_eq "each line doubled in turn: exit 0 or 2" "$bad_rc" 0
check_eq "each line doubled in turn: errors in FILE:LINE: form" "$bad_fmt" 0
echo "# $runs policies read"

done_testing
