#!/bin/bash
# The fuzzers' kept inputs (tests/fuzz/regress/HARNESS/: what once broke a
# harness, and a few hand-made hard cases), replayed through the tlsgpo
# binary itself in make check (so also under ASan + UBSan) with the
# contract the harnesses assert on the command line: the exit statuses the
# manual promises, every stderr line naming the file, FILE:NUMBER: on a
# refusal, silence when all is well; an accepted policy builds, and its
# XML is well-formed (xmllint). When make fuzz has built the harnesses,
# each input also goes through its harness (the full round trip).
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

reg=$srcdir/tests/fuzz/regress
# lines_name OUT FILE [FILE2]: every line of OUT starts with FILE: or FILE2:
# and none holds a control character or a byte that is not UTF-8 (input
# quoted in a message must not reach the terminal as an escape sequence)
lines_name() {
	local a=$2 b=${3:-$2}
	[ -z "$1" ] && return 0
	LC_ALL=C grep -q $'[\x01-\x09\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]' <<<"$1" && return 1
	iconv -f UTF-8 -t UTF-8 <<<"$1" >/dev/null 2>&1 || return 1
	awk -v a="$a:" -v b="$b:" 'index($0, a) != 1 && index($0, b) != 1 { bad = 1 } END { exit bad }' <<<"$1"
}
# numbered OUT FILE: a line is FILE:NUMBER: ...
numbered() {
	awk -v f="$2:" 'index($0, f) == 1 && substr($0, length(f) + 1) ~ /^[0-9]+: / { ok = 1 } END { exit !ok }' <<<"$1"
}
in_range() { [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]; }
harness() {	# HARNESS FILE: through the libFuzzer harness, when built
	local bin=${builddir:-.}/tests/fuzz/$1
	[ -x "$bin" ] || return 0
	harnessed=$((harnessed + 1))
	# Its scratch folder (TMPDIR/tlsgpo-fuzz.XXXXXX) in the test's, which goes.
	check "$1/$(basename "$2"): ...and through the harness $1" env TMPDIR="$WORK" "$bin" -runs=1 "$2"
}

n=0 harnessed=0
for f in "$reg"/fuzz-policy/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	name="fuzz-policy/$(basename "$f")"
	cp "$f" "$WORK/p.ini"
	out=$("$TLSGPO" lint --strict "$WORK/p.ini" 2>&1 >/dev/null)
	rc=$?
	check "$name: lint exits 0, 1 or 2 (got $rc)" in_range "$rc" 0 2
	check "$name: ...every message names the file, no control characters" lines_name "$out" "$WORK/p.ini"
	if [ "$rc" = 2 ]; then
		check "$name: ...refused with FILE:LINE:" numbered "$out" "$WORK/p.ini"
	else
		rm -rf "$WORK/pkg"
		"$TLSGPO" build -o "$WORK/pkg" "$WORK/p.ini" >/dev/null 2>&1
		check_eq "$name: ...accepted, so it builds" "$?" 0
		if command -v xmllint >/dev/null 2>&1; then
			check "$name: ...and every XML file of its package is well-formed (xmllint)" \
				bash -c 'find "$1" \( -name "*.xml" -o -name "*.admx" -o -name "*.adml" \) -print0 | xargs -0 xmllint --noout' _ "$WORK/pkg"
		else
			skip "$name: XML well-formed" "xmllint is not installed (apt-get install libxml2-utils)"
		fi
	fi
	harness fuzz-policy "$f"
done

for f in "$reg"/fuzz-pol/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	name="fuzz-pol/$(basename "$f")"
	cp "$f" "$WORK/Registry.pol"
	out=$("$TLSGPO" decode-pol "$WORK/Registry.pol" 2>&1 >/dev/null)
	rc=$?
	check "$name: decode-pol exits 0 or 2 (got $rc)" bash -c '[ "$1" = 0 ] || [ "$1" = 2 ]' _ "$rc"
	check "$name: ...every message names the file, no control characters" lines_name "$out" "$WORK/Registry.pol"
	if [ "$rc" = 2 ]; then
		check "$name: ...refused with FILE:OFFSET:" numbered "$out" "$WORK/Registry.pol"
	else
		check_eq "$name: ...accepted in silence" "$out" ""
	fi
	harness fuzz-pol "$f"
done

# fuzz-check's policy, from the harness itself.
. "$srcdir/tests/fuzz/fz-policy.sh"
fz_policy "$srcdir" > "$WORK/fz.ini"
for f in "$reg"/fuzz-check/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	name="fuzz-check/$(basename "$f")"
	mkdir -p "$WORK/User"
	for m in "$WORK/machine.reg" "$WORK/User/Registry.pol"; do
		# As the harness does: a PReg file also as the user's.
		[ "$m" = "$WORK/User/Registry.pol" ] && [ "$(head -c 4 "$f")" != PReg ] && continue
		cp "$f" "$m"
		out=$("$TLSGPO" check --policy-only "$WORK/fz.ini" "$m" 2>&1 >/dev/null)
		rc=$?
		check "$name as ${m#"$WORK/"}: check exits 0, 1 or 2 (got $rc)" in_range "$rc" 0 2
		check "$name as ${m#"$WORK/"}: ...every message names the file, no control characters" lines_name "$out" "$m"
		if [ "$rc" = 2 ]; then
			grep -q ": empty" <<<"$out" ||
				check "$name as ${m#"$WORK/"}: ...unreadable, with FILE:LINE: (or FILE:OFFSET:)" numbered "$out" "$m"
		else
			check_eq "$name as ${m#"$WORK/"}: ...readable, in silence" "$out" ""
		fi
	done
	harness fuzz-check "$f"
done

for f in "$reg"/fuzz-validate/*; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	name="fuzz-validate/$(basename "$f")"
	rm -rf "$WORK/pd"
	mkdir -p "$WORK/pd/en-US"
	# The harness's split: the ADMX, a separator line, the ADML.
	perl -0777 -e '
		my $d = <STDIN>;
		my ($x, $l) = split(/\n=====ADML=====\n/, $d, 2);
		open(my $a, ">", $ARGV[0]) or die; binmode $a; print $a $x;
		open(my $b, ">", $ARGV[1]) or die; binmode $b; print $b (defined $l ? $l : "");
	' "$WORK/pd/tlsgpo_x.admx" "$WORK/pd/en-US/tlsgpo_x.adml" < "$f"
	out=$("$TLSGPO" validate "$WORK/pd" 2>&1 >/dev/null)
	rc=$?
	check "$name: validate exits 0 or 1 (got $rc)" bash -c '[ "$1" = 0 ] || [ "$1" = 1 ]' _ "$rc"
	check "$name: ...every message (one line each) names one of the files" lines_name "$out" "$WORK/pd/tlsgpo_x.admx" "$WORK/pd/en-US/tlsgpo_x.adml"
	if [ "$rc" = 1 ]; then
		check "$name: ...exit 1 with a message" [ -n "$out" ]
	else
		check_eq "$name: ...valid, in silence" "$out" ""
	fi
	harness fuzz-validate "$f"
done
check "there are regression inputs for every harness ($n)" bash -c 'for h in policy pol check validate; do ls "$1/fuzz-$h"/* >/dev/null 2>&1 || exit 1; done' _ "$reg"
if [ "$harnessed" = 0 ]; then
	echo "# the libFuzzer harnesses are not built (make fuzz): the inputs ran through the binary only"
fi
done_testing
