#!/bin/bash
# Bad input: each tests/bad/NAME.ini must fail with exactly the message in
# NAME.err (FILE:LINE: ...), exit 2, and leave nothing behind. Warnings in
# tests/warn/ must not stop a build, and must be exact too.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

cd "$srcdir/tests/bad" || exit 99
for ini in *.ini; do
	name=${ini%.ini}
	want=$(cat "$name.err")
	run_tool build "$ini" -o "$WORK/out"
	check_eq "$name: build exits 2" "$rc" 2
	check_eq "$name: exact message" "$err" "$want"
	leftovers=$(cd "$WORK" && ls -A | grep -v '^\.stderr$')
	check_eq "$name: nothing written" "$leftovers" ""
	rm -rf "$WORK/out"
	run_tool plan "$ini"
	check_eq "$name: plan exits 2, same message, no plan" "$rc|$err|$out" "2|$want|"
done

cd "$srcdir/tests/warn" || exit 99
for ini in *.ini; do
	name=${ini%.ini}
	want=$(cat "$name.err")
	run_tool lint "$ini"
	check_eq "warning $name: lint exits 0 with exact warnings" "$rc|$err" "0|$want"
	run_tool lint --strict "$ini"
	check_eq "warning $name: lint --strict exits 1" "$rc" 1
	run_tool build "$ini" -o "$WORK/out"
	check_eq "warning $name: build still succeeds" "$rc" 0
	first=$(sed -n '1s/^[^:]*:\([0-9]*\): warning: /line \1: /p' "$name.err")
	check "warning $name: README.txt repeats the warnings" grep -qF "$first" "$WORK/out/README.txt"
	rm -rf "$WORK/out"
done

# Unreadable policy: the file name, then the reason.
run_tool build "$WORK/missing.ini" -o "$WORK/out"
check_eq "missing policy file: exit 2, named" "$rc|$err" "2|$WORK/missing.ini: cannot open: No such file or directory"
check "missing policy file: nothing written" [ ! -e "$WORK/out" ]
run_tool lint "$srcdir/tests/bad"
check_eq "a directory as policy: exit 2" "$rc|$err" "2|$srcdir/tests/bad: read error: Is a directory"

done_testing
