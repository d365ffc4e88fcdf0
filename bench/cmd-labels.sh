#!/bin/bash
# bench/cmd-labels.sh: what a CALL costs in Wine's cmd.exe by where its label
# is, the reason the generated .cmd scripts put main first and every
# subroutine below its callers (templates/common.cmd; tests/scripts.sh
# checks the order).
#
# cmd looks for a label from the line after the CALL on and starts again
# from the top only at the end of the file, reading every line on the way.
# Two batch files of the same 1,000 comment lines and 200 CALLs: in
# "below" the label is two lines under the calling loop; in "above" it is
# just over it, under the comments, so that every search reads to the end,
# wraps to the top and reads the 1,000 lines again.
#
# Measured 2026-12-07 (Wine 8.0, Debian 12, 2 cores, the test suite
# loading the machine), farm-bench -n 5 --vs above -- below: A/B (below /
# above) wall median 0.040: 0.56 s against 12.7 s (min 0.35 s against
# 9.9 s). The CPU figures are cmd's only: the reading is done in
# wineserver, outside the command's process group.
# The generated scripts, same machine, Wine, server-hardening (28 values),
# before and after the reordering (about: single runs):
# apply.cmd on a fresh prefix 30.4 s -> 9.5 s, rollback.cmd 20.0 s -> 9.5 s;
# the Wine script suite alone 618 s -> 395 s.
#
# Needs wine (wine64) and farm-bench; prints farm-bench's report.
set -eu
command -v wine >/dev/null || { echo "bench/cmd-labels.sh: wine is not installed" >&2; exit 2; }
command -v farm-bench >/dev/null || { echo "bench/cmd-labels.sh: farm-bench is not on PATH" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/tlsgpo-bench.XXXXXX")
trap 'WINEPREFIX=$work/pfx wineserver -k 2>/dev/null; rm -rf "$work"' EXIT
export WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEPREFIX=$work/pfx
unset DISPLAY WAYLAND_DISPLAY
wineboot -i >/dev/null 2>&1
wineserver -w
wineserver -p 600

filler() { for i in $(seq 1000); do printf 'rem filler line %d\r\n' "$i"; done; }
# The same lines in both; only where :f is differs.
{
	printf '@echo off\r\ngoto main\r\n'
	filler
	printf ':f\r\nexit /b 0\r\n:main\r\nfor /l %%%%i in (1,1,200) do call :f\r\nexit /b 0\r\n'
} > "$work/above.cmd"
{
	printf '@echo off\r\ngoto main\r\n'
	filler
	printf ':main\r\nfor /l %%%%i in (1,1,200) do call :f\r\nexit /b 0\r\n:f\r\nexit /b 0\r\n'
} > "$work/below.cmd"
cd "$work"
farm-bench -n 5 --timeout 600 --vs "wine cmd /c above.cmd" -- wine cmd /c below.cmd
