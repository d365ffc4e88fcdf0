#!/bin/bash
# The command line: help, version, unknown commands and options, exit codes.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

run_tool --help
check "--help: exit 0 on stdout" [ "$rc" = 0 ] && [ -n "$out" ] && [ -z "$err" ]
usage=$out
for c in build plan lint mask decode decode-pol validate; do
	check "--help lists $c" grep -q "^  $c " <<<"$usage"
	run_tool "$c" --help
	check_eq "$c --help: exit 0, usage first" "$rc $(echo "$out" | head -1 | cut -d' ' -f1-3)" "0 usage: tlsgpo $c"
	run_tool help "$c"
	check_eq "help $c = $c --help" "$rc $(echo "$out" | head -1 | cut -d' ' -f1-3)" "0 usage: tlsgpo $c"
done
run_tool --version
check_eq "--version" "$rc $out" "0 tlsgpo $(sed -n 's/^AC_INIT(\[tlsgpo\], \[\([^]]*\)\].*/\1/p' "$srcdir/configure.ac")"
run_tool
check_eq "no command: exit 2, usage on stderr" "$rc $(echo "$err" | head -1)" "2 usage: tlsgpo [--version] [--help] COMMAND [ARGS]"
run_tool frobnicate
check_eq "unknown command: exit 2" "$rc $err" "2 tlsgpo: unknown command 'frobnicate'; run 'tlsgpo --help'"
run_tool build --bogus "$srcdir/policies/office365-tls12.ini" -o "$WORK/o"
check_eq "unknown option: exit 2" "$rc" 2
check "unknown option: nothing written" [ ! -e "$WORK/o" ]
run_tool build "$srcdir/policies/office365-tls12.ini"
check_eq "build without -o: exit 2" "$rc $(echo "$err" | head -1)" "2 tlsgpo build: give the output directory with -o DIR"
run_tool build --reg-encoding=utf8 -o "$WORK/o" "$srcdir/policies/office365-tls12.ini"
check_eq "bad --reg-encoding: exit 2" "$rc $(echo "$err" | head -1)" "2 tlsgpo build: bad --reg-encoding 'utf8'; allowed: utf16, ascii"
run_tool plan
check_eq "plan without a policy: exit 2" "$rc" 2
run_tool plan "$srcdir/policies/office365-tls12.ini" "$srcdir/policies/office365-tls12.ini"
check_eq "plan with two policies: exit 2" "$rc" 2

# plan: table and rollback table agree on the values.
run_tool plan "$srcdir/policies/office365-tls12.ini"
check_eq "plan table: 13 operations" "$(echo "$out" | grep -c '^set ')" 13
run_tool plan --rollback "$srcdir/policies/office365-tls12.ini"
check_eq "plan --rollback: 13 deletions" "$(echo "$out" | grep -c '^delete ')" 13

# lint over several files: one bad file makes the whole run exit 2.
run_tool lint "$srcdir/policies/office365-tls12.ini" "$srcdir/tests/bad/bad-id.ini"
check_eq "lint: one bad file of two -> exit 2" "$rc" 2
check "lint: the good one is still reported ok" grep -q 'office365-tls12.ini: ok, 13 registry values, 1 warning' <<<"$out"

# The man page documents every command and the policy sections.
man=$srcdir/man/tlsgpo.1
for word in build plan lint mask decode 'decode.*pol' validate '\[policy\]' '\[winhttp\]' '\[wininet\]' '\[dotnet\]' '\[schannel\]' '\[target\]' insecure 'EXIT STATUS'; do
	check "man page mentions $word" grep -q -- "$word" "$man"
done
if command -v groff >/dev/null 2>&1; then
	warnings=$(groff -t -man -Tutf8 -ww -z "$man" 2>&1)
	check_eq "man page renders without groff warnings" "$warnings" ""
else
	skip "man page renders without groff warnings" "groff is not installed"
fi

done_testing
