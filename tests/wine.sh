#!/bin/bash
# Wine round trip: every sample policy's apply.reg, in both encodings, is
# imported with Wine's regedit /S into a prefix reset to pristine; every value is read
# back with Wine's reg query (in its view) and compared with the plan; then
# rollback.reg is imported and every value must be gone. The hostile-strings
# policy must import just the same.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"
. "$srcdir/tests/wine-lib.sh"

if ! wine_available; then
	skip "Wine round trip" "wine is not installed (apt-get install wine wine64)"
	done_testing
	exit
fi
if ! command -v jq >/dev/null 2>&1; then
	skip "Wine round trip" "jq is not installed (apt-get install jq)"
	done_testing
	exit
fi
t0=$(date +%s)
if ! wine_setup; then
	not_ok "wineboot made a win64 prefix"
	done_testing
	exit
fi
ok "wineboot made a win64 prefix ($(( $(date +%s) - t0 )) s)"

# expected JSON SECTION: what reg query shows per set operation ("REG_DWORD
# 0x800", "REG_SZ text", "REG_MULTI_SZ a\0b"), "absent" per deletion.
expected() {
	jq -r --arg s "$2" '.[$s][] | if .action != "set" then "absent"
		elif .type == "REG_SZ" then "REG_SZ \(.data)"
		elif .type == "REG_MULTI_SZ" then "REG_MULTI_SZ " + (.data | join("\\0"))
		else "REG_DWORD \(.data)" end' "$1" |
	while read -r type data; do
		case $type in
		REG_DWORD) printf '%s 0x%x\n' "$type" "$data" ;;
		absent) echo absent ;;
		*) printf '%s %s\n' "$type" "$data" ;;
		esac
	done
}

# jeq DESCRIPTION GOT WANT, for a job's TAP lines.
jeq() {
	if [ "$2" = "$3" ]; then
		echo "ok - $1"
	else
		echo "not ok - $1"
		diff <(echo "$3") <(echo "$2") | head -8 | sed 's/^/#   /'
	fi
}

roundtrip() {	# ID ENCODING
	local id=$1 enc=$2 pkg json got want
	pkg=$WORK/pkg-$id-$enc
	json=$WORK/plan-$id.json
	want=$(expected "$json" operations)
	got=$(wine_query_plan "$json" operations)
	if [ "$got" != "$want" ]; then
		echo "ok - $id ($enc): before apply.reg the prefix does not match the plan"
	else
		echo "not ok - $id ($enc): before apply.reg the prefix does not match the plan"
	fi
	wine_regedit "$pkg/reg" apply.reg
	jeq "$id ($enc): regedit /S apply.reg, then reg query finds all $(echo "$want" | wc -l) values" \
		"$(wine_query_plan "$json" operations)" "$want"
	wine_regedit "$pkg/reg" rollback.reg
	jeq "$id ($enc): regedit /S rollback.reg, then every value is gone" \
		"$(wine_query_plan "$json" rollback)" "$(expected "$json" rollback)"
}

# tlsgpo check against what Wine's own regedit /E and reg export write:
# after apply.reg the machine is compliant; then one value gets other data,
# one is deleted and one becomes a REG_SZ, and check names exactly those.
audit() {	# ID
	local id=$1 pkg=$WORK/pkg-$1-utf16 json=$WORK/plan-$1.json m=$WORK/audit-$1.$BASHPID
	local out rc p1 v1 p2 v2 p3 v3
	rm -rf "$m"
	mkdir -p "$m"
	wine_regedit "$pkg/reg" apply.reg
	# The import first: a failure here is regedit's, not check's.
	jeq "$id: regedit /S apply.reg imported every value (before the audit)" \
		"$(wine_query_plan "$json" operations)" "$(expected "$json" operations)"
	export_machine() {
		rm -f "$m"/*.reg
		(cd "$m" && timeout 120 wine regedit /E software.reg 'HKEY_LOCAL_MACHINE\SOFTWARE' </dev/null >>"$WINE_LOG" 2>&1)
		(cd "$m" && timeout 120 wine reg export 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders' providers.reg /y /reg:64 </dev/null >>"$WINE_LOG" 2>&1)
	}
	export_machine
	jeq "$id: regedit /E and reg export wrote UTF-16 exports" \
		"$(for f in software providers; do head -c 2 "$m/$f.reg" 2>/dev/null | od -An -tx1 | tr -d ' '; done | tr '\n' ' ')" "fffe fffe "
	out=$("$TLSGPO" check "$srcdir/policies/$id.ini" "$m" 2>&1)
	rc=$?
	jeq "$id: after apply.reg, check says compliant (exit 0)" "$rc|$(head -1 <<<"$out")" \
		"0|$(basename "$m"): compliant ($(jq '.operations | length' "$json") values)"
	IFS=$'\t' read -r p1 v1 p2 v2 p3 v3 < <(jq -r '[.operations[0:3][] | .path, .value] | join("\t")' "$json")
	(cd "$m" && timeout 60 wine reg add "$p1" /v "$v1" /t REG_DWORD /d 4660 /f /reg:64 </dev/null >>"$WINE_LOG" 2>&1)
	(cd "$m" && timeout 60 wine reg delete "$p2" /v "$v2" /f /reg:64 </dev/null >>"$WINE_LOG" 2>&1)
	(cd "$m" && timeout 60 wine reg add "$p3" /v "$v3" /t REG_SZ /d "1" /f /reg:64 </dev/null >>"$WINE_LOG" 2>&1)
	export_machine
	out=$("$TLSGPO" check "$srcdir/policies/$id.ini" "$m" 2>&1)
	rc=$?
	jeq "$id: one value changed, one deleted, one made REG_SZ: check names exactly those (exit 1)" \
		"$rc|$(grep '^  ' <<<"$out" | sed 's/^  \([a-z ]*[a-z]\) *\(HK[^:]*\):.*/\1|\2/')" \
		"1|wrong value|HKLM\\${p1#HKEY_LOCAL_MACHINE\\}\\$v1
missing|HKLM\\${p2#HKEY_LOCAL_MACHINE\\}\\$v2
wrong type|HKLM\\${p3#HKEY_LOCAL_MACHINE\\}\\$v3"
	rm -rf "$m"
}

# The .reg route from any host, as README.txt gives it. A 32-bit host's
# reg.exe imports into the 32-bit view (reg import /reg:32 is that view):
# the native values stay unset. README.txt's line imports into the native
# view from a 64-bit cmd.exe (no Sysnative folder) and from a 32-bit one
# (a Sysnative folder: here a stand-in reg.exe that logs its call and runs
# Wine's own).
import_any() {	# ID
	local id=$1 json=$WORK/plan-$1.json d=$WORK/import-$1.$BASHPID want line rb
	local sysn=$WINEPREFIX/drive_c/windows/Sysnative
	rm -rf "$d"
	cp -r "$WORK/pkg-$1-utf16" "$d"
	want=$(expected "$json" operations)
	line=$(tr -d '\r' < "$d/README.txt" | grep -m1 '^    if exist %SystemRoot%.Sysnative.reg.exe .*reg.apply.reg' | sed 's/^    //')
	rb=$(tr -d '\r' < "$d/README.txt" | grep -m1 '^    if exist %SystemRoot%.Sysnative.reg.exe .*reg.rollback.reg' | sed 's/^    //')
	jeq "$id: README.txt gives the import line for apply.reg and rollback.reg" \
		"$([ -n "$line" ] && [ -n "$rb" ] && echo yes)" yes
	printf '%s\r\n' "$line" > "$d/imp.cmd"
	printf '%s\r\n' "$rb" > "$d/unimp.cmd"
	(cd "$d" && timeout 120 wine reg import 'reg\apply.reg' /reg:32 </dev/null >>"$WINE_LOG" 2>&1)
	jeq "$id: reg import in the 32-bit view (a 32-bit host) writes WinHTTP's value under Wow6432Node, not natively" \
		"$(reg_in_view 32) $(reg_in_view 64)" "REG_DWORD absent"
	# Per value: its view (64, 32, shared) and what reg query found.
	jeq "$id: ...every 64-bit-view value unset, every shared (HKLM\\SYSTEM) one set: half applied" \
		"$(paste <(jq -r '.operations[].view' "$json") <(wine_query_plan "$json" operations) |
			awk -F'\t' '$1 == "64" { print ($2 == "absent" ? "64 unset" : "64 SET") } $1 == "shared" { print ($2 == "absent" ? "shared UNSET" : "shared set") }' | sort | uniq -c | sed 's/^ *//')" \
		"$(jq -r '.operations[].view | select(. != "32") | if . == "64" then "64 unset" else "shared set" end' "$json" | sort | uniq -c | sed 's/^ *//')"
	wine_reset
	wine_cmd "$d" imp.cmd
	jeq "$id: README.txt's line from a 64-bit cmd.exe (no Sysnative): every value in the native view" \
		"$rc|$(wine_query_plan "$json" operations)" "0|$want"
	wine_cmd "$d" unimp.cmd
	jeq "$id: ...its rollback line deletes them again" \
		"$rc|$(wine_query_plan "$json" rollback)" "0|$(expected "$json" rollback)"
	wine_reset
	mkdir -p "$sysn"
	cp "$WORK/standin.exe" "$sysn/reg.exe"
	wine_cmd "$d" imp.cmd
	jeq "$id: README.txt's line from a 32-bit cmd.exe (through Sysnative): every value in the native view" \
		"$rc|$(wine_query_plan "$json" operations)" "0|$want"
	jeq "$id: ...imported by the Sysnative reg.exe" \
		"$(tr -d '\r\0' < "$WINEPREFIX/drive_c/tlsgpo-standin.log" 2>/dev/null | grep -ci 'import reg.apply.reg')" 1
	rm -rf "$sysn" "$d"
}

# reg_in_view BITS: the type of WinHTTP's DefaultSecureProtocols as reg
# query reads it in that view (reg:32 is Wow6432Node), or "absent".
reg_in_view() {
	local tmp=$WORK/q.$BASHPID
	(cd "$WORK" && timeout 60 wine reg query 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp' \
		/v DefaultSecureProtocols "/reg:$1" </dev/null >"$tmp" 2>&1)
	tr -d '\r' < "$tmp" | awk '$1 == "DefaultSecureProtocols" { print $2; f = 1 } END { if (!f) print "absent" }'
	cat "$tmp" >> "$WINE_LOG"
	rm -f "$tmp"
}

# Hostile text in comments must not break the import or add anything.
hostile() {	# ENCODING
	local enc=$1 pkg=$WORK/pkg-hostile-$1 json=$WORK/plan-hostile.json
	wine_regedit "$pkg/reg" apply.reg
	jeq "hostile strings ($enc): every value imported" \
		"$(wine_query_plan "$json" operations)" "$(expected "$json" operations)"
	local tmp=$WORK/x.$BASHPID
	(cd "$WORK" && timeout 60 wine reg query 'HKLM\X' /reg:64 </dev/null >"$tmp" 2>&1)
	jeq "hostile strings ($enc): the [HKEY_LOCAL_MACHINE\\X] in a comment created no key (reg query exits 1)" "$?" 1
	cat "$tmp" >> "$WINE_LOG"
	rm -f "$tmp"
}

# The harness itself: a job that fails with a Wine start-up message runs
# once more (and says so); a job that fails otherwise does not.
selftest_glitch() {
	if [ ! -e "$WORK/glitched" ]; then
		touch "$WORK/glitched"
		echo "Can't recognize 'CMD.EXE /C reg.exe query x' as an internal or external command, or batch script." >> "$WINE_LOG"
		echo "not ok - first try"
	else
		echo "ok - second try"
	fi
}
selftest_fail() {
	echo "Access is denied." >> "$WINE_LOG"
	echo "not ok - a product failure"
}
# A script line whose words cmd ran as a command (an echo's ")" closing a
# block) is the product's fault, though cmd words it as for a program.
selftest_spill() {
	echo "Can't recognize 'later updates supersede it' as an internal or external command, or batch script." >> "$WINE_LOG"
	echo "not ok - a script line spilled into a command"
}
got=$(wine_reset() { :; }; wine_run_job selftest_glitch)
check "harness: a job that failed with a Wine start-up message ran again, saying so" \
	bash -c 'grep -q "running it again" <<<"$1" && grep -q "^ok - second try" <<<"$1" && ! grep -q "^not ok" <<<"$1"' _ "$got"
selftest_stop() {
	echo "ok - a first check"
	local n=$(( 1 / 0 ))
	echo "ok - never reached $n"
}
got=$(wine_reset() { :; }; wine_run_job selftest_stop)
check "harness: a job that stops on a shell error fails" grep -q '^not ok - selftest_stop: the job stopped early' <<<"$got"
got=$(wine_reset() { :; }; wine_run_job selftest_spill)
check "harness: words of a script taken for a command are no glitch: run once, failure kept" \
	bash -c '[ "$(grep -c "^not ok" <<<"$1")" = 1 ] && ! grep -q "running it again" <<<"$1"' _ "$got"
got=$(wine_reset() { :; }; wine_run_job selftest_fail)
check "harness: a job that failed otherwise ran once, its failure kept" \
	bash -c '[ "$(grep -c "^not ok" <<<"$1")" = 1 ] && ! grep -q "running it again" <<<"$1"' _ "$got"

jobs=()
# The cipher-suite sample policies hold the same kinds of value (text,
# SCHANNEL's key sizes): the first of them stands for all (CI time).
text_pol=
for pol in "$srcdir"/policies/*.ini "$srcdir/tests/hostile/hostile.ini"; do
	id=$(basename "$pol" .ini)
	"$TLSGPO" plan --json "$pol" > "$WORK/plan-$id.json" 2>/dev/null
	if jq -e '[.operations[] | select(.type != "REG_DWORD")] | length > 0' "$WORK/plan-$id.json" >/dev/null; then
		[ -n "$text_pol" ] && continue
		text_pol=$id
	fi
	for enc in utf16 ascii; do
		"$TLSGPO" build --reg-encoding="$enc" "$pol" -o "$WORK/pkg-$id-$enc" >/dev/null 2>&1
		if [ "$id" = hostile ]; then jobs+=("hostile $enc"); else jobs+=("roundtrip $id $enc"); fi
	done
	[ "$id" = hostile ] || jobs+=("audit $id")
done
jobs+=("import_any server2008-tls12")
if [ -n "${TLSGPO_WINE_ONLY:-}" ]; then
	IFS=, read -ra jobs <<<"$TLSGPO_WINE_ONLY"
fi
wine_workers "${TLSGPO_WINE_JOBS:-$(( $(nproc 2>/dev/null || echo 2) + 1 ))}" "${jobs[@]}"
echo "# Wine tests took $(( $(date +%s) - t0 )) s"
done_testing
