#!/bin/bash
# The generated apply.ps1, detect.ps1 and rollback.ps1 against a real Windows
# registry: Wine 10's, with a Windows (win-x64) PowerShell 7.6.10 host, in the
# Debian trixie chroot that tests/wine10-pwsh-recipe.sh builds. For two sample
# policies, in that one Wine prefix: apply, detect (compliant), a value
# changed behind the package's back, detect (not compliant), apply again (a
# second backup), rollback, rollback again (nothing to do), and the registry
# is exactly as it was before; and a 32-bit-view value really lands under
# SOFTWARE\Wow6432Node (Wine's own registry redirection, not a mock's).
# Needs root (chroot, bind mounts) and TLSGPO_WINE10_DIR=DIR with DIR/ready;
# skipped, loudly, without them.
# Under Wine the scripts run with -BackupDir: Wine keeps no file ACLs, so the
# default C:\ProgramData\tlsgpo store is refused (see the recipe).
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

DIR=${TLSGPO_WINE10_DIR:-}
what="apply/detect/rollback.ps1 under PowerShell 7.6.10 on Wine 10 against Wine's registry"
# CI builds DIR beside its first pass (.ci/run) and sets
# TLSGPO_WINE10_WAIT=SECONDS: the test waits that long for DIR/ready, and
# then its absence is a failure, not a skip (DIR.failed: the recipe failed;
# its log is DIR.log).
if [ -n "$DIR" ] && [ -n "${TLSGPO_WINE10_WAIT:-}" ]; then
	waited=0
	while [ ! -e "$DIR/ready" ] && [ ! -e "$DIR.failed" ] && [ "$waited" -lt "$TLSGPO_WINE10_WAIT" ]; do
		[ $((waited % 60)) = 0 ] && echo "# waiting for $DIR/ready (tests/wine10-pwsh-recipe.sh runs beside the suite): $waited s"
		sleep 5
		waited=$((waited + 5))
	done
	if [ ! -e "$DIR/ready" ]; then
		not_ok "$what: tests/wine10-pwsh-recipe.sh built $DIR ($(if [ -e "$DIR.failed" ]; then echo "it failed"; else echo "not ready after $waited s"; fi); log: $DIR.log)"
		tail -5 "$DIR.log" 2>/dev/null | sed 's/^/#   /'
		done_testing
		exit
	fi
fi
if [ -z "$DIR" ] || [ ! -e "$DIR/ready" ]; then
	skip "$what" "$(if [ -z "$DIR" ]; then echo "TLSGPO_WINE10_DIR is unset"; else echo "$DIR/ready is absent"; fi): build the chroot (as root, about 2.5 min, 2.4 GB) with: sh tests/wine10-pwsh-recipe.sh DIR, then set TLSGPO_WINE10_DIR=DIR (CI does)"
	done_testing
	exit
fi
if [ "$(id -u)" != 0 ]; then
	not_ok "$what: needs root (chroot and bind mounts into $DIR/root)"
	done_testing
	exit
fi
DIR=$(cd "$DIR" && pwd)
R=$DIR/root
T0=$(date +%s)
say() { echo "# [$(($(date +%s) - T0)) s] $*"; }
export NO_COLOR=1

# One user of the prefix at a time (its registry is the thing under test).
exec 9> "$DIR/.wine10-ps.lock"
flock -w 600 9 || { not_ok "$what: $DIR is in use by another run (flock $DIR/.wine10-ps.lock)"; done_testing; exit; }

# In the chroot: the packages under /tmp/tlsgpo-wine10.PID, the backups under
# C:\tlsgpo-bk-PID-ID, the snapshots in C:\tlsgpo-snap-PID.reg.
CT=/tmp/tlsgpo-wine10.$$
DRIVE_C=$R/root/.wine/drive_c
BUILD_KEY='HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
build_orig=
mounted=
stop_wine() { # wineserver (saving the registry as it exits) and its children
	chroot "$R" /usr/bin/env -i HOME=/root WINEPREFIX=/root/.wine PATH=/usr/bin:/bin \
		sh -c 'wineserver -k; wineserver -w' >/dev/null 2>&1
}
cleanup() {
	# wineserver must be gone before /proc and /dev go, and before the
	# registry files are put back
	stop_wine
	sleep 1
	# The prefix's registry as it was before the test, whatever the scripts
	# (or a test that failed half-way) left in it.
	if [ -s "$WORK/prefix/system.reg" ]; then
		cp -p "$WORK/prefix/"*.reg "$R/root/.wine/" || echo "# cannot restore the Wine prefix's registry files" >&2
	fi
	for m in $mounted; do umount "$R/$m" || umount -l "$R/$m"; done
	rm -rf "$R$CT" "$DRIVE_C"/tlsgpo-bk-$$-* "$DRIVE_C/tlsgpo-snap-$$.reg" "$WORK"
}
trap cleanup EXIT
for m in proc dev dev/pts; do
	if ! mountpoint -q "$R/$m"; then
		mount --bind "/$m" "$R/$m" || { not_ok "$what: bind /$m into $R"; done_testing; exit; }
		mounted="$m $mounted"
	fi
done

stop_wine
mkdir -p "$WORK/prefix"
cp -p "$R/root/.wine/"*.reg "$WORK/prefix/" || { not_ok "$what: save the Wine prefix's registry files"; done_testing; exit; }

in_chroot() { chroot "$R" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin \
	WINEPREFIX=/root/.wine WINEDEBUG=-all "$@"; }
# wreg ARGS...: Wine's reg.exe; a hang fails after 120 s.
wreg() { timeout -k 5 120 chroot "$R" /usr/bin/env -i HOME=/root PATH=/usr/bin:/bin \
	WINEPREFIX=/root/.wine WINEDEBUG=-all wine reg "$@" 2>/dev/null | tr -d '\r'; return "${PIPESTATUS[0]}"; }
# wps LOG SCRIPT ARGS...: a .ps1 (a path in the chroot) under the host; leaves
# $rc (the script's exit code, 124 on a hang) and $out (its output without the
# pty's escape sequences, CRs, blank lines and wpwsh's "host-exit=N").
wps() {
	local log=$WORK/$1.log s=$(date +%s)
	shift
	timeout -k 5 120 chroot "$R" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin \
		wpwsh "$@" > "$log" 2>&1
	rc=$?
	out=$(sed -e 's/\x1b\][^\x07]*\x07//g' -e 's/\x1b\[[0-9;?]*[a-zA-Z]//g' -e 's/\r//g' "$log" |
		grep -v -e '^$' -e '^host-exit=' -e 'XDG_RUNTIME_DIR is invalid')
	say "$(basename "$1") ${*:2}: exit $rc in $(($(date +%s) - s)) s"
}
# check_run DESCRIPTION GOT WANT: check_eq, and on a failure the last run's
# output (its last 25 lines) as TAP comments
check_run() {
	check_eq "$@"
	[ "$2" = "$3" ] || sed 's/^/#   | /' <<<"$out" | tail -n 25
}
# regval KEY VALUE VIEW: the data of a value as reg query prints it
# ("0xa80", "20348"), or "<absent>"
regval() {
	local q
	q=$(wreg query "$1" /v "$2" "/reg:$3") || { echo "<absent>"; return; }
	awk -v v="$2" 'index($0, "    " v "    ") == 1 { sub(/^.*    REG_[A-Z_]+    /, ""); print; f = 1 } END { if (!f) print "<absent>" }' <<<"$q"
}
# snap FILE: the registry the packages can touch, as text: HKLM\SOFTWARE in
# both views (the 32-bit one is Wow6432Node plus the shared keys) and the
# SCHANNEL settings. Only the encoding is normalised (UTF-16, CRLF): two
# exports around a run of the host (which itself writes and deletes keys)
# were measured identical, i.e. Wine 10 changes nothing here run to run.
snap() {
	local k
	: > "$1"
	for k in 'HKLM\SOFTWARE|64' 'HKLM\SOFTWARE|32' 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders|64'; do
		rm -f "$DRIVE_C/tlsgpo-snap-$$.reg"
		wreg export "${k%|*}" "C:\\tlsgpo-snap-$$.reg" /y "/reg:${k#*|}" >/dev/null &&
			echo "=== ${k%|*} /reg:${k#*|}" >> "$1" &&
			iconv -f UTF-16 -t UTF-8 "$DRIVE_C/tlsgpo-snap-$$.reg" | tr -d '\r' >> "$1" ||
			{ echo "# reg export ${k%|*} /reg:${k#*|} failed"; return 1; }
	done
}
view_arg() { [ "$1" = 32 ] && echo 32 || echo 64; }   # "64", "32", "shared"

# One wineserver for the whole test: a reg.exe start is then 0.3 s, not 2 s.
in_chroot wineserver -p 2>/dev/null
say "Wine: $(in_chroot wine --version 2>/dev/null), prefix $R/root/.wine"
mkdir -p "$R$CT"

for id in legacy-tls10-tls12 win11-tls12-tls13; do
	pol=$srcdir/policies/$id.ini
	say "=== $id"
	"$TLSGPO" build "$pol" -o "$WORK/pkg-$id" > "$WORK/build-$id.log" 2>&1
	check_eq "$id: tlsgpo build exits 0" "$?" 0
	"$TLSGPO" plan --json "$pol" 2>/dev/null > "$WORK/plan-$id.json"
	cp -a "$WORK/pkg-$id" "$R$CT/pkg-$id"
	S=$CT/pkg-$id/scripts
	bk="C:\\tlsgpo-bk-$$-$id"
	bk_host=$DRIVE_C/tlsgpo-bk-$$-$id

	# The value to change behind the package's back (the plan's first REG_DWORD)
	# and the 32-bit-view value to look for under Wow6432Node.
	IFS=$'\t' read -r t_key t_value t_view t_data < <(jq -r \
		'[.operations[] | select(.action == "set" and .type == "REG_DWORD")][0] | [.key, .value, .view, (.data | tostring)] | join("\t")' \
		"$WORK/plan-$id.json")
	IFS=$'\t' read -r w_key w_value w_hex < <(jq -r \
		'[.operations[] | select(.action == "set" and .view == "32" and .type == "REG_DWORD")][0] | [.key, .value, .hex] | join("\t")' \
		"$WORK/plan-$id.json")
	if [ -z "$t_key" ] || [ -z "$w_key" ] || [ "$w_key" = null ]; then
		not_ok "$id: the plan has a REG_DWORD value and a 32-bit-view one (jq on tlsgpo plan --json)"
		continue
	fi
	wow_path="HKLM\\SOFTWARE\\Wow6432Node\\${w_key#SOFTWARE\\}"
	w_want=$(printf '0x%x' "$w_hex")

	# TLS 1.3 needs build 20348; Wine 10 reports 19043 (Windows 10 21H1).
	build_now=$(regval "$BUILD_KEY" CurrentBuildNumber 64)
	if jq -e '[.operations[] | select(.key | test("TLS 1\\.3"))] | length > 0' "$WORK/plan-$id.json" >/dev/null &&
		[ "$build_now" -lt 20348 ] 2>/dev/null; then
		build_orig=$build_now
		wreg add "$BUILD_KEY" /v CurrentBuildNumber /t REG_SZ /d 20348 /f /reg:64 >/dev/null
		check_eq "$id: CurrentBuildNumber set from Wine's $build_orig to 20348 (TLS 1.3 needs it)" \
			"$(regval "$BUILD_KEY" CurrentBuildNumber 64)" 20348
	fi

	say "registry snapshot before"
	snap "$WORK/before-$id.reg"
	rc=$?
	check_eq "$id: registry exported before apply (3 exports, $(wc -l < "$WORK/before-$id.reg") lines)" "$rc" 0
	check "$id: before apply, $wow_path $w_value is not yet the plan's $w_want (else the view check below proves nothing)" \
		test "$(regval "$wow_path" "$w_value" 64)" != "$w_want"

	wps "$id-apply1" "$S/apply.ps1" -BackupDir "$bk"
	check_run "$id: apply.ps1 -BackupDir exits 0" "$rc" 0
	check_eq "$id: after apply, the 32-bit-view $w_value is under SOFTWARE\\Wow6432Node (reg query /reg:64 $wow_path)" \
		"$(regval "$wow_path" "$w_value" 64)" "$w_want"
	nb1=$(find "$bk_host" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l)

	wps "$id-detect1" "$S/detect.ps1"
	check_run "$id: detect.ps1 after apply exits 0, first line 'detect.ps1: compliant...'" \
		"$rc|$(head -n 1 <<<"$out" | cut -c 1-21)" "0|detect.ps1: compliant"

	other=$(( t_data == 0 ? 7 : t_data ^ 1 ))
	tpath="HKLM\\$t_key"
	wreg add "$tpath" /v "$t_value" /t REG_DWORD /d "$other" /f "/reg:$(view_arg "$t_view")" >/dev/null
	check_eq "$id: reg.exe add set $tpath $t_value (view $t_view) from the plan's $t_data to $other" \
		"$(regval "$tpath" "$t_value" "$(view_arg "$t_view")")" "$(printf '0x%x' "$other")"

	wps "$id-detect2" "$S/detect.ps1"
	check_run "$id: detect.ps1 with $t_value changed exits 1" "$rc" 1

	wps "$id-apply2" "$S/apply.ps1" -BackupDir "$bk"
	check_run "$id: apply.ps1 again exits 0" "$rc" 0
	check_eq "$id: ...and puts $t_value back to the plan's $t_data" \
		"$(regval "$tpath" "$t_value" "$(view_arg "$t_view")")" "$(printf '0x%x' "$t_data")"
	nb2=$(find "$bk_host" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l)
	# one folder per backup: $bk\ID-VERSION-1, then -2
	check_eq "$id: ...and writes a second backup (backup folders under $bk after each apply)" "$nb1 $nb2" "1 2"

	wps "$id-rollback1" "$S/rollback.ps1" -BackupDir "$bk"
	check_run "$id: rollback.ps1 exits 0" "$rc" 0
	wps "$id-rollback2" "$S/rollback.ps1" -BackupDir "$bk"
	check_run "$id: rollback.ps1 again exits 0 saying nothing to do" \
		"$rc|$(grep -c 'nothing to do' <<<"$out")" "0|1"

	say "registry snapshot after"
	snap "$WORK/after-$id.reg"
	if diff -u "$WORK/before-$id.reg" "$WORK/after-$id.reg" > "$WORK/reg-$id.diff"; then
		ok "$id: after rollback, HKLM\\SOFTWARE (both views) and SecurityProviders equal their state before apply, exactly"
	else
		not_ok "$id: after rollback, HKLM\\SOFTWARE (both views) and SecurityProviders equal their state before apply, exactly"
		head -n 40 "$WORK/reg-$id.diff" | sed 's/^/#   /'
	fi

	if [ -n "$build_orig" ]; then
		wreg add "$BUILD_KEY" /v CurrentBuildNumber /t REG_SZ /d "$build_orig" /f /reg:64 >/dev/null
		check_eq "$id: CurrentBuildNumber restored to $build_orig" "$(regval "$BUILD_KEY" CurrentBuildNumber 64)" "$build_orig"
		build_orig=
	fi
done
say "done"

done_testing
