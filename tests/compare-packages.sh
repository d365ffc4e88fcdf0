#!/bin/bash
# tests/compare-packages.sh OLD_TLSGPO NEW_TLSGPO [WORKDIR]
#
# A refactoring check, not part of make check: the two binaries behave the
# same, byte for byte, on every policy of policies/ and tests/ (the bad
# ones, the warning ones, the hostile one, the fuzz regressions): build
# (both .reg encodings, every file of the package), plan, plan --json,
# plan --rollback, lint, lint --strict; then validate and check on what
# was built (its .reg files, registry.pol and GPO backup taken as the
# machine's state) and decode-pol on its registry.pol. Compares stdout,
# stderr (with the binary's path made neutral) and the exit code.
#
# Typical use, from the top of a clone, against the last commit:
#   git worktree add /tmp/base HEAD && (cd /tmp/base && autoreconf -fi &&
#     ./configure && make) && tests/compare-packages.sh /tmp/base/src/tlsgpo src/tlsgpo
# Exits 0 when everything is the same, 1 naming what differs, 2 on usage.
set -u
if [ $# -lt 2 ] || [ ! -x "$1" ] || [ ! -x "$2" ]; then
	echo "usage: tests/compare-packages.sh OLD_TLSGPO NEW_TLSGPO [WORKDIR]" >&2
	exit 2
fi
old=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
new=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
top=$(cd "$(dirname "$0")/.." && pwd)
work=${3:-$(mktemp -d)}
mkdir -p "$work/old" "$work/new"

# run SIDE NAME ARGS...: one command of one binary, its output kept as
# SIDE/NAME.{out,err,rc}, run from SIDE so that relative paths agree.
run() {
	local side=$1 name=$2 bin
	shift 2
	[ "$side" = old ] && bin=$old || bin=$new
	(cd "$work/$side" && "$bin" "$@" > "$name.out" 2> "$name.err"; echo $? > "$name.rc")
	sed -i "s|$bin|TLSGPO|g" "$work/$side/$name.err" "$work/$side/$name.out"
}

both() { run old "$@"; run new "$@"; }

policies=$(cd "$top" && find policies tests -name '*.ini' -not -path '*/node_modules/*' | sort)
n=0
for p in $policies; do
	n=$((n + 1))
	id=p$n
	abs=$top/$p
	both "$id.plan" plan "$abs"
	both "$id.json" plan --json "$abs"
	both "$id.rollback" plan --rollback "$abs"
	both "$id.lint" lint "$abs"
	both "$id.strict" lint --strict "$abs"
	both "$id.build16" build -o "$id.pkg16" "$abs"
	both "$id.build8" build --reg-encoding=ascii -o "$id.pkg8" "$abs"
	[ -d "$work/new/$id.pkg16" ] || continue
	both "$id.validate" validate --policy "$abs" "$id.pkg16"
	for m in "$id.pkg16/reg/apply.reg" "$id.pkg16/reg/rollback.reg" "$id.pkg8/reg/apply.reg"; do
		[ -f "$work/new/$m" ] && both "$id.check.${m//\//_}" check --json --verbose "$abs" "$m"
	done
	for pol in $(cd "$work/new" && find "$id.pkg16" -iname registry.pol | sort); do
		both "$id.decode.${pol//\//_}" decode-pol --json "$pol"
		both "$id.checkpol.${pol//\//_}" check "$abs" "$pol"
	done
	for gpo in $(cd "$work/new" && find "$id.pkg16" -name bkupInfo.xml | sort); do
		both "$id.checkgpo.${gpo//\//_}" check --json "$abs" "$(dirname "$gpo")"
	done
done
# The fuzz regressions of check and decode-pol, as machine files (the
# exports check.sh makes are its own; its assertions hold them).
for f in "$top"/tests/fuzz/regress/fuzz-pol/*; do
	[ -f "$f" ] || continue
	both "fz-pol.$(basename "$f")" decode-pol --json "$f"
done
for f in "$top"/tests/fuzz/regress/fuzz-check/*; do
	[ -f "$f" ] || continue
	for p in "$top"/policies/*.ini; do
		both "fz-check.$(basename "$f").$(basename "$p")" check --json --verbose "$p" "$f"
	done
done
if diff -r "$work/old" "$work/new" > "$work/diff.txt" 2>&1; then
	echo "compare-packages: the same bytes: $n policies, $(find "$work/new" -type f | wc -l) files and outputs"
	[ $# -ge 3 ] || rm -rf "$work"
	exit 0
fi
echo "compare-packages: differences ($work/diff.txt):"
head -40 "$work/diff.txt"
exit 1
