#!/bin/bash
# bench/build.sh [RUNS]: for each sample policy, the median wall time of
# "tlsgpo build" against "cp -r" of the package it writes followed by
# "sync" of each of its files and directories (coreutils' sync FILE...
# fsyncs each): both write the same files into a new directory and put
# them on disk, as build does before its rename. Target: ratio <= 3.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
tool=${TLSGPO:-$here/src/tlsgpo}
runs=${1:-51}
work=$(mktemp -d "${TMPDIR:-/tmp}/tlsgpo-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-24s %10s %10s %7s\n' policy "build µs" "cp+sync µs" ratio
ratios=()
for pol in "$here"/policies/*.ini; do
	id=$(basename "$pol" .ini)
	"$tool" build "$pol" -o "$work/ref" >/dev/null 2>&1
	: > "$work/b" ; : > "$work/c"
	for ((i = 0; i < runs; i++)); do
		t=$(now); "$tool" build "$pol" -o "$work/out" >/dev/null 2>&1; echo $(( ($(now) - t) / 1000 )) >> "$work/b"
		rm -rf "$work/out"
		t=$(now); cp -r "$work/ref" "$work/out" && find "$work/out" -print0 | xargs -0 sync; echo $(( ($(now) - t) / 1000 )) >> "$work/c"
		rm -rf "$work/out"
	done
	b=$(median < "$work/b") c=$(median < "$work/c")
	r=$(awk -v b="$b" -v c="$c" 'BEGIN { printf "%.2f", b / c }')
	ratios+=("$r")
	printf '%-24s %10s %10s %7s\n' "$id" "$b" "$c" "$r"
	rm -rf "$work/ref"
done
printf 'median ratio over %d policies: %s (target <= 3)\n' "${#ratios[@]}" \
	"$(printf '%s\n' "${ratios[@]}" | median)"
