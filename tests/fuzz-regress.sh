#!/bin/bash
# The inputs the fuzzers found (tests/fuzz/regress/HARNESS/), kept as
# regression cases and run here through the tlsgpo binary itself (make
# check, also under ASan + UBSan), with the contract each harness asserts:
# the exit statuses the manual promises, every stderr line naming the
# file, FILE:NUMBER: on a refusal. (.ci/run also runs them through the
# harnesses, after make fuzz.)
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

reg=$srcdir/tests/fuzz/regress
# lines_name OUT FILE [FILE2]: every line of OUT starts with FILE: or FILE2:
lines_name() {
	local a=$2 b=${3:-$2}
	awk -v a="$a:" -v b="$b:" 'index($0, a) != 1 && index($0, b) != 1 { bad = 1 } END { exit bad }' <<<"$1"
}
# numbered OUT FILE: a line is FILE:NUMBER: ...
numbered() {
	awk -v f="$2:" 'index($0, f) == 1 && substr($0, length(f) + 1) ~ /^[0-9]+: / { ok = 1 } END { exit !ok }' <<<"$1"
}

n=0
for f in "$reg"/fuzz-policy/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	cp "$f" "$WORK/p.ini"
	out=$("$TLSGPO" lint --strict "$WORK/p.ini" 2>&1 >/dev/null)
	rc=$?
	name="fuzz-policy/$(basename "$f")"
	check "$name: lint exits 0, 1 or 2 (got $rc), every message names the file" bash -c '[ "$1" -le 2 ] && [ "$1" -ge 0 ]' _ "$rc"
	check "$name: ...every message names the file" lines_name "$out" "$WORK/p.ini"
	if [ "$rc" = 2 ]; then
		check "$name: ...refused with FILE:LINE:" numbered "$out" "$WORK/p.ini"
	else
		rm -rf "$WORK/pkg"
		"$TLSGPO" build -o "$WORK/pkg" "$WORK/p.ini" >/dev/null 2>&1
		check_eq "$name: ...accepted, so it builds" "$?" 0
	fi
done

for f in "$reg"/fuzz-pol/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	cp "$f" "$WORK/Registry.pol"
	out=$("$TLSGPO" decode-pol "$WORK/Registry.pol" 2>&1 >/dev/null)
	rc=$?
	name="fuzz-pol/$(basename "$f")"
	check "$name: decode-pol exits 0 or 2 (got $rc)" bash -c '[ "$1" = 0 ] || [ "$1" = 2 ]' _ "$rc"
	check "$name: ...every message names the file" lines_name "$out" "$WORK/Registry.pol"
	[ "$rc" = 2 ] && check "$name: ...refused with FILE:OFFSET:" numbered "$out" "$WORK/Registry.pol"
done

# fuzz-check's policy, from the harness itself.
sed -n '/^static const char policy/,/;$/p' "$srcdir/tests/fuzz/fuzz-check.c" | grep '"' |
	sed 's/^ *"//; s/\\n"[;]*$//' > "$WORK/fz.ini"
for f in "$reg"/fuzz-check/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	cp "$f" "$WORK/machine.reg"
	out=$("$TLSGPO" check --policy-only "$WORK/fz.ini" "$WORK/machine.reg" 2>&1 >/dev/null)
	rc=$?
	name="fuzz-check/$(basename "$f")"
	check "$name: check exits 0, 1 or 2 (got $rc)" bash -c '[ "$1" -le 2 ] && [ "$1" -ge 0 ]' _ "$rc"
	check "$name: ...every message names the file" lines_name "$out" "$WORK/machine.reg"
done

for f in "$reg"/fuzz-validate/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	rm -rf "$WORK/pd"
	mkdir -p "$WORK/pd/en-US"
	# The harness's split: the ADMX, a separator line, the ADML.
	python3 - "$f" "$WORK/pd/tlsgpo_x.admx" "$WORK/pd/en-US/tlsgpo_x.adml" <<'EOF'
import sys
data = open(sys.argv[1], 'rb').read()
sep = b'\n=====ADML=====\n'
i = data.find(sep)
admx, adml = (data, b'') if i < 0 else (data[:i], data[i + len(sep):])
open(sys.argv[2], 'wb').write(admx)
open(sys.argv[3], 'wb').write(adml)
EOF
	out=$("$TLSGPO" validate "$WORK/pd" 2>&1 >/dev/null)
	rc=$?
	name="fuzz-validate/$(basename "$f")"
	check "$name: validate exits 0 or 1 (got $rc)" bash -c '[ "$1" = 0 ] || [ "$1" = 1 ]' _ "$rc"
	check "$name: ...every message (one line each) names one of the files" lines_name "$out" "$WORK/pd/tlsgpo_x.admx" "$WORK/pd/en-US/tlsgpo_x.adml"
done
check "there are regression inputs to run ($n)" [ "$n" -gt 0 ]
done_testing
