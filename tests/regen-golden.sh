#!/bin/bash
# regen-golden.sh [TLSGPO]: rewrites tests/golden/ from policies/*.ini.
# Review the diff before committing it: these files are the oracle.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tool=${1:-$here/../src/tlsgpo}
cd "$here/.."
for pol in policies/*.ini; do
	id=$(basename "$pol" .ini)
	dir=tests/golden/$id
	rm -rf "$dir"
	mkdir -p "$dir"
	"$tool" plan --json "$pol" > "$dir/plan.json" 2>/dev/null
	"$tool" build "$pol" -o "$dir/package" > /dev/null 2>&1
	"$tool" build --reg-encoding=ascii "$pol" -o "$dir/ascii" > /dev/null 2>&1
	rm -r "$dir/ascii/README.txt" "$dir/ascii/scripts" "$dir/ascii/gpo"
	(cd "$dir/ascii" && grep reg/ MANIFEST.sha256 > M && mv M MANIFEST.sha256)
done
# What the .ps1 scripts print in tests/ps.sh's round trips
# (tests/ps/expected/), where pwsh is.
PATH=$PATH:$HOME/.dotnet/tools
if command -v pwsh >/dev/null 2>&1; then
	rm -rf tests/ps/expected
	only=
	for pol in policies/*.ini; do
		only="${only}job_rt $(basename "$pol" .ini) empty,job_rt $(basename "$pol" .ini) data,"
	done
	TLSGPO_PS_REGEN=1 TLSGPO_PS_ONLY=${only%,} srcdir=$PWD TLSGPO=$tool bash tests/ps.sh > /dev/null
else
	echo "regen-golden.sh: pwsh is not installed: tests/ps/expected/ is not rewritten" >&2
fi
