#!/bin/bash
# The .cmd scripts run by Wine's own cmd.exe and reg.exe, each job in a
# prefix reset to pristine, one worker prefix per core:
#   round trips, for every sample policy: (b) the values present with other
#   data; (c) present with another type (REG_SZ where the plan wants
#   REG_DWORD); (d) absent, and apply run twice. Each: the state as regedit /E
#   exports it, apply.cmd, detect.cmd, rollback.cmd, and the state again,
#   value by value and key by key.
#   field jobs (issue 8): a read-only script folder; a backup from another
#   computer; a subkey someone else made; a backup cut short; gaps in the
#   numbering; two applies at once; reg.exe that does not start; HKCU as
#   SYSTEM; a relative /backupdir; detect's output; elevation without the
#   Server service; the KB check in the 64-bit view; refusals; hostile text;
#   apply.cmd's backup restored by rollback.ps1 and apply.ps1's by
#   rollback.cmd (job_interop: with pwsh, tests/ps-lib.sh); REG_SZ and
#   REG_MULTI_SZ values and SCHANNEL key names with '/' (job_crypto).
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"
. "$srcdir/tests/wine-lib.sh"

if ! wine_available; then
	skip "scripts in Wine" "wine is not installed (apt-get install wine wine64)"
	done_testing
	exit
fi
if ! command -v jq >/dev/null 2>&1; then
	skip "scripts in Wine" "jq is not installed (apt-get install jq)"
	done_testing
	exit
fi
if ! wine_standin_available; then
	skip "scripts in Wine" "mingw-w64 is not installed (apt-get install gcc-mingw-w64-x86-64-win32): the Wine prefix needs its powershell.exe stand-in"
	done_testing
	exit
fi
t0=$(date +%s)
if ! wine_setup keys; then
	not_ok "wineboot made a win64 prefix"
	done_testing
	exit
fi
ok "pristine win64 prefix, build 20348 ($(( $(date +%s) - t0 )) s)"

# ---- Job helpers: TAP lines without numbers, for wine_workers -------------
jok() { echo "ok - $*"; }
jnot() { echo "not ok - $*"; }
jcheck() {	# DESCRIPTION COMMAND...
	local d=$1
	shift
	if "$@"; then jok "$d"; else jnot "$d"; fi
}
jeq() {		# DESCRIPTION GOT WANT
	if [ "$2" = "$3" ]; then
		jok "$1"
	else
		jnot "$1"
		printf '%s\n' "got:" "$2" "want:" "$3" | head -24 | sed 's/^/#   /'
	fi
}
# jrc DESCRIPTION WANT: $rc is WANT, else the output's tail is shown.
jrc() {
	if [ "$rc" = "$2" ]; then
		jok "$1"
	else
		jnot "$1 (rc $rc, want $2)"
		printf '%s\n' "$out" | tail -8 | sed 's/^/#   /'
	fi
}
# reg_q KEY ARGS...: one value as "TYPE DATA", "absent", or "no answer".
reg_q() {
	local tmp=$WORK/.q.$BASHPID r
	(cd "$WORK" && timeout 120 wine reg query "$@" </dev/null >"$tmp" 2>&1)
	r=$?
	tr -d '\r' < "$tmp" >> "$WINE_LOG"
	case $r in
	0) tr -d '\r' < "$tmp" | awk 'NF >= 2 && $2 ~ /^REG_/ { t = $2; $1 = ""; $2 = ""; sub(/^ +/, ""); print t " " $0; exit }' ;;
	1) echo absent ;;
	*) echo "no answer (exit $r)" ;;
	esac
	rm -f "$tmp"
}
reg_do() {	# reg.exe ARGS...: for setting up a scenario
	(cd "$WORK" && timeout 120 wine reg "$@" </dev/null >>"$WINE_LOG" 2>&1)
}
bkroot() { echo "$WINEPREFIX/drive_c/ProgramData/tlsgpo/$1"; }
# A copy of a package's scripts a job may change.
own_scripts() {
	local d=$WORK/own.$BASHPID.$1
	rm -rf "$d"
	cp -r "$WORK/pkg-$1/scripts" "$d"
	echo "$d"
}
winpath() { printf 'Z:%s' "${1//\//\\}"; }

# prestate JSON KIND: a .reg that sets every plan value to other data
# (KIND=data) or to a REG_SZ (KIND=type).
prestate() {
	printf 'Windows Registry Editor Version 5.00\r\n'
	jq -r '.operations[] | "\(.path)|\(.value)|\(.data)"' "$1" | while IFS='|' read -r path value data; do
		printf '\r\n[%s]\r\n' "$path"
		if [ "$2" = data ]; then
			printf '"%s"=dword:%08x\r\n' "$value" $(( (data + 0x5a5) & 0xffffffff ))
		else
			printf '"%s"="was text %%PATH%% & (%s) ^ !x!"\r\n' "$value" "$data"
		fi
	done
}

# wanted JSON: the state lines of the plan's values once applied.
wanted() {
	jq -r '.operations[] | "\(.path)\\\(.value)|\(.data)"' "$1" |
		while IFS='|' read -r v d; do printf 'value %s = dword:%08x\n' "$v" "$d"; done
}

# ---- Round trips ----------------------------------------------------------
rt() {	# ID SCENARIO
	local id=$1 sc=$2 json=$WORK/$1.json scripts=$WORK/pkg-$1/scripts name="$1 ($2)"
	local before after n nchange
	case $sc in
	b) prestate "$json" data > "$WORK/pre-$id-$sc.reg"; wine_regedit "$WORK" "pre-$id-$sc.reg" ;;
	c) prestate "$json" type > "$WORK/pre-$id-$sc.reg"; wine_regedit "$WORK" "pre-$id-$sc.reg" ;;
	esac
	before=$(wine_state "$json")
	n=$(jq '.operations | length' "$json")
	if [ "$sc" = b ] || [ "$sc" = c ]; then
		jeq "$name: every value present before apply" "$(grep -c '^value .* = absent$' <<<"$before")" 0
		wine_cmd "$scripts" detect.cmd
		# (As many lines as fit in 2,000 characters, then "... and N more".)
		jeq "$name: detect.cmd exits 1, its first line says $n of $n drift, then $n wrong values" \
			"$rc|$(head -1 <<<"$out" | cut -d' ' -f1-6)|$(( $(grep -c '^wrong ' <<<"$out") + $(tail -1 <<<"$out" | sed -n 's/^\.\.\. and \([0-9]*\) more .*/\1/p') + 0 ))" \
			"1|detect.cmd: drift: $n of $n values|$n"
	fi
	# A fresh prefix already has some values (SSL 2.0\Client DisabledByDefault=1).
	nchange=$(grep '^value ' <<<"$before" | grep -v -x -F -f <(wanted "$json") | wc -l)
	wine_cmd "$scripts" apply.cmd
	jeq "$name: apply.cmd exits 0, changes $nchange values" "$rc $(grep -c '^changed ' <<<"$out")" "0 $nchange"
	[ "$rc" = 0 ] || printf '%s\n' "$out" | tail -5 | sed 's/^/#   /'
	if [ "$sc" = d ]; then
		wine_cmd "$scripts" apply.cmd
		jeq "$name: second apply.cmd changes nothing and says so" \
			"$rc $(grep -c 'nothing changed' <<<"$out") $(grep -c '^unchanged ' <<<"$out")" "0 1 $n"
		jeq "$name: ...and writes no second backup" "$(ls "$(bkroot "$id")")" "$id-$(jq -r .policy.version "$json")-1"
	fi
	wine_cmd "$scripts" detect.cmd
	jeq "$name: detect.cmd exits 0 after apply, in one line" "$rc|$out" "0|$(head -1 <<<"$out" | grep '^detect.cmd: compliant: all ')"
	wine_cmd "$scripts" rollback.cmd
	jrc "$name: rollback.cmd exits 0" 0
	after=$(wine_state "$json")
	if [ "$after" = "$before" ]; then
		jok "$name: after rollback every value and key is as before ($(wc -l <<<"$before") checked)"
	else
		jnot "$name: after rollback every value and key is as before"
		diff <(echo "$before") <(echo "$after") | head -8 | sed 's/^/#   /'
	fi
}

# ---- Field jobs -----------------------------------------------------------
winhttp='HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'
cbs='HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages\Package_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.2'
setbuild() { reg_do add 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion' /v CurrentBuildNumber /t REG_SZ /d "$1" /f /reg:64; }
# fresh [BUILD]: the prefix back to pristine between the steps of a job,
# where what came before is no test of rollback (rollback.cmd takes ten
# seconds in Wine, this one or two): the registry (build 20348, or BUILD)
# and the backup folders. A job's end needs none: each job starts after
# a wine_reset.
fresh() { wine_reset; [ -z "${1:-}" ] || setbuild "$1"; }

# Typing a script's name runs it, not a cmd built-in; elevation comes from
# fltmc, not from the Server service; the refusals.
job_refusals() {
	local s=$WORK/pkg-wine-small/scripts fltmc=$WINEPREFIX/drive_c/windows/system32/fltmc.exe
	for x in apply detect rollback; do
		wine_cmd "$s" "$x"
		jeq "typing '$x' runs $x.cmd, not a cmd built-in" "$(head -1 <<<"$out" | cut -d: -f1)" "$x.cmd"
	done
	WINEDLLOVERRIDES="$WINEDLLOVERRIDES;net.exe=d" wine_cmd "$s" apply.cmd
	jrc "the Server service off (net.exe cannot run): apply.cmd still runs elevated" 0
	fresh
	mv "$fltmc" "$fltmc.off"
	wine_cmd "$s" apply.cmd
	jrc "not elevated (fltmc fails): apply.cmd exits 2" 2
	jcheck "...saying why" grep -q 'run this script elevated' <<<"$out"
	jeq "...and writes nothing" "$(reg_q "$winhttp" /v DefaultSecureProtocols /reg:64)" absent
	wine_cmd "$s" rollback.cmd
	jrc "not elevated: rollback.cmd exits 2" 2
	mv "$fltmc.off" "$fltmc"

	setbuild 7601
	rm -rf "$(bkroot wine-small)"
	wine_cmd "$s" apply.cmd
	jrc "Windows 7 SP1 without KB 3140245: apply.cmd exits 3" 3
	jcheck "...naming the KB and the Easy Fix" bash -c 'grep -q "KB 3140245 is installed" <<<"$1" && grep -q MicrosoftEasyFix51044.msi <<<"$1"' _ "$out"
	jcheck "...with no backup written" [ ! -e "$(bkroot wine-small)" ]
	reg_do add "$cbs" /f /reg:32
	wine_cmd "$s" apply.cmd
	jrc "KB 3140245 only in the 32-bit view (what a 32-bit host would see): still exit 3" 3
	wine_cmd "$s" apply.cmd /skipprereq
	jrc "/skipprereq skips the check" 0
	fresh 7601
	reg_do add "$cbs" /f /reg:64
	wine_cmd "$s" apply.cmd
	jrc "Windows 7 SP1 with KB 3140245 in the 64-bit view: apply.cmd exits 0" 0
	wine_cmd "$s" rollback.cmd
	jrc "...and rollback.cmd exits 0" 0
	setbuild 19045
	wine_cmd "$WORK/pkg-win11-tls12-tls13/scripts" apply.cmd
	jrc "TLS 1.3 policy on Windows 10 (build 19045): apply.cmd exits 3" 3
	jcheck "...saying TLS 1.3 needs build 20348" grep -q 'build 20348' <<<"$out"

	wine_cmd "$s" rollback.cmd
	jrc "every backup restored already (a rerun): rollback.cmd exits 0" 0
	jcheck "...saying there is nothing to do" grep -q 'restored already: nothing to do' <<<"$out"
	rm -rf "$(bkroot wine-small)"
	reg_do add "$winhttp" /v DefaultSecureProtocols /t REG_DWORD /d 0xa80 /f /reg:64
	wine_cmd "$s" rollback.cmd
	jrc "rollback.cmd without a backup: exits 3" 3
	jcheck "...says the prior data is unknown, names reg\\rollback.reg, offers no /force" \
		bash -c 'grep -q "the prior data is unknown; reg.rollback.reg deletes" <<<"$1" && ! grep -q "/force" <<<"$1"' _ "$out"
	jeq "...and changed nothing" "$(reg_q "$winhttp" /v DefaultSecureProtocols /reg:64)" "REG_DWORD 0xa80"
	wine_cmd "$s" rollback.cmd /force
	jrc "rollback.cmd /force: exit 2, it is gone" 2
	jcheck "...saying so" grep -q '/force is gone: it deleted values nothing had a record of' <<<"$out"
	jeq "...and deleted nothing" "$(reg_q "$winhttp" /v DefaultSecureProtocols /reg:64)" "REG_DWORD 0xa80"
}

# Hostile policy text is echoed literally and runs nothing.
job_hostile() {
	local s name
	s=$(own_scripts hostile)
	name=$(sed -n 's/^name *= //p' "$srcdir/tests/hostile/hostile.ini" |
		sed 's/Ünï/<U+00DC>n<U+00EF>/; s/日本/<U+65E5><U+672C>/; s/עברית/<U+05E2><U+05D1><U+05E8><U+05D9><U+05EA>/')
	wine_cmd "$s" detect.cmd
	jeq "hostile name: cmd prints it literally" "$(head -1 <<<"$out")" "detect.cmd: drift: 4 of 4 values differ from policy $name (id hostile-strings, version 9.99)"
	jcheck "hostile name: nothing else ran (no line starts with INJECTED)" bash -c '! grep -q "^INJECTED" "$1"' _ <(echo "$out")
	jcheck "hostile name: no file made by a stray redirection" [ -z "$(cd "$s" && ls | grep -v -e '\.cmd$' -e '\.ps1$')" ]
	jeq "hostile policy: detect.cmd still checks all 4 values" "$rc $(grep -c '^missing ' <<<"$out")" "1 4"
}

# Read-only script folder (SYSVOL, a package share): the backup goes to
# ProgramData, nothing is written beside the script.
job_readonly() {
	local s json=$WORK/wine-small.json before how=""
	s=$(own_scripts wine-small)
	if [ "$(id -u)" != 0 ] && chmod -R a-w "$s"; then
		how="chmod a-w"
	elif chattr +i "$s" 2>/dev/null; then
		how="chattr +i"
	fi
	if [ -z "$how" ] || touch "$s/probe" 2>/dev/null; then
		rm -f "$s/probe"
		chattr -i "$s" 2>/dev/null
		echo "ok - read-only script folder # SKIP this machine cannot make a folder read-only (chattr, chmod)"
		echo "#### SKIPPED: read-only script folder" >&2
		return
	fi
	before=$(wine_state "$json")
	wine_cmd "$s" apply.cmd
	jrc "read-only script folder ($how): apply.cmd exits 0" 0
	jcheck "...its backup is C:\\ProgramData\\tlsgpo\\wine-small\\wine-small-1.0-1" \
		grep -q -F 'prior state saved in "C:\ProgramData\tlsgpo\wine-small\wine-small-1.0-1"' <<<"$out"
	jcheck "...complete, with this computer's name" bash -c "grep -q '^computer|' '$(bkroot wine-small)/wine-small-1.0-1/state.txt' && tail -1 '$(bkroot wine-small)/wine-small-1.0-1/state.txt' | grep -q '^end|'"
	wine_cmd "$s" rollback.cmd
	jrc "...rollback.cmd from the read-only folder exits 0" 0
	jeq "...and the state is as before" "$(wine_state "$json")" "$before"
	chmod -R u+w "$s" 2>/dev/null
	chattr -i "$s" 2>/dev/null
	jeq "...nothing was written beside the scripts" "$(ls "$s" | grep -v -c -e '\.cmd$' -e '\.ps1$')" 0
}

# 43 of 44 values drift (a fresh prefix has SSL 2.0\Client
# DisabledByDefault=1): detect.cmd keeps to 2,000 characters (Intune keeps
# 2,048), the verdict first, then the lines that fit, then how many not.
job_detect_cap() {
	local s=$WORK/pkg-many/scripts chars shown more
	wine_cmd "$s" detect.cmd
	jrc "43 values drift: detect.cmd exits 1" 1
	jeq "...its first line is the verdict" "$(head -1 <<<"$out")" \
		"detect.cmd: drift: 43 of 44 values differ from policy Many values (id many, version 1.0)"
	chars=$(( $(printf '%s\n' "$out" | wc -c) + $(printf '%s\n' "$out" | wc -l) ))
	jcheck "...its output, CR LF counted, is at most 2,000 characters ($chars)" [ "$chars" -le 2000 -a "$chars" -gt 1700 ]
	shown=$(grep -c '^missing ' <<<"$out")
	more=$(tail -1 <<<"$out" | sed -n 's/^\.\.\. and \([0-9]*\) more (detect\.cmd \/verbose lists every value)$/\1/p')
	jeq "...then whole lines, and last how many more: together the 43" "$((shown + ${more:-0})) ${more:+yes}" "43 yes"
	wine_cmd "$s" detect.cmd /verbose
	jeq "detect.cmd /verbose: every line, no limit" "$rc $(wc -l <<<"$out") $(grep -c '^missing ' <<<"$out")" "1 45 43"
}

# /signalrestart: 3010 ("done, restart needed" to ConfigMgr) when values
# changed, 0 when nothing did.
job_restart() {
	local s
	s=$(own_scripts wine-small)
	# A process exit code reaches Linux as its low 8 bits: cmd says the rest
	# (through cmd /c: Wine's CALL turns a batch's exit /b N into 1).
	printf '@cmd /c %%*\r\n@echo ==RC %%errorlevel%%\r\n' > "$s/rc.cmd"
	code() { sed -n 's/^==RC //p' <<<"$out"; }
	wine_cmd "$s" rc.cmd apply.cmd /signalrestart
	jeq "apply.cmd /signalrestart that changes values: exits 3010" "$(code)" 3010
	wine_cmd "$s" rc.cmd apply.cmd /signalrestart
	jeq "...run again (nothing to change): exits 0" "$(code)" 0
	wine_cmd "$s" rc.cmd rollback.cmd /signalrestart
	jeq "rollback.cmd /signalrestart that restores values: exits 3010" "$(code)" 3010
	wine_cmd "$s" rc.cmd rollback.cmd /signalrestart
	jeq "...run again (restored already): exits 0" "$(code)" 0
	wine_cmd "$s" rc.cmd apply.cmd
	jeq "apply.cmd without it: exits 0" "$(code)" 0
}

# reg.exe exits 1 both for a key that is not there and for one it may not
# read: a key its parent lists is there, and one reg.exe may not read is an
# error, never "absent" (the stand-in reg.exe denies the keys in
# C:\tlsgpo-denied.txt and hands every other call to Wine's own).
job_denied() {
	local s c=$WINEPREFIX/drive_c
	s=$(own_scripts wine-small)
	sed -i 's/^set "REG=%SystemRoot%\\System32\\reg.exe"/set "REG=%SystemRoot%\\System32\\regwrap.exe"/' "$s"/*.cmd
	jeq "(the copies call regwrap.exe)" "$(grep -c '^set "REG=%SystemRoot%\\System32\\regwrap.exe"' "$s"/*.cmd | cut -d: -f2 | tr '\n' ' ')" "1 1 1 "
	reg_do add "$winhttp" /v Other /t REG_SZ /d keep /f /reg:64
	printf '%s\r\n' "$winhttp" > "$c/tlsgpo-denied.txt"
	wine_cmd "$s" detect.cmd
	jrc "the WinHttp key there but not readable: detect.cmd exits 6 (an error, not drift)" 6
	jcheck "...saying reg.exe could not read it" grep -q 'error       .*WinHttp \[64-bit\] DefaultSecureProtocols: reg.exe could not read it' <<<"$out"
	wine_cmd "$s" apply.cmd
	jrc "...apply.cmd exits 6" 6
	rm -f "$c/tlsgpo-denied.txt"
	jeq "...and wrote nothing" "$(reg_q "$winhttp" /v DefaultSecureProtocols /reg:64)" absent
	printf '%s\r\n' 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttpNotThere' > "$c/tlsgpo-denied.txt"
	wine_cmd "$s" detect.cmd
	jrc "(regwrap.exe passes other calls on: detect.cmd exits 1, drift)" 1
	# A write that does not take the first time (the first reg add of a
	# WinHttp value): written again, and every value reported once.
	rm -f "$c/tlsgpo-denied.txt"
	printf '%s\r\n' "$winhttp" > "$c/tlsgpo-dropadd.txt"
	wine_cmd "$s" apply.cmd
	jeq "a write that took only the second time: apply.cmd exits 0, each of the $(jq '.operations | length' "$WORK/wine-small.json") values reported changed once, one written at the second attempt" \
		"$rc $(grep -c '^changed ' <<<"$out") $(grep '^changed ' <<<"$out" | sort | uniq -d | wc -l) $(grep -c 'written at the second attempt' <<<"$out")" \
		"0 $(jq '.operations | length' "$WORK/wine-small.json") 0 1"
	jcheck "(regwrap.exe dropped that write)" test -e "$c/tlsgpo-dropadd.done"
	rm -f "$c/tlsgpo-dropadd.txt" "$c/tlsgpo-dropadd.done"
}

# /keep N: the newest N usable backups stay, and the one rollback restores;
# numbers go on past 9,999.
job_prune() {
	local s=$WORK/pkg-wine-small/scripts json=$WORK/wine-small.json r before i
	r=$(bkroot wine-small)
	before=$(wine_state "$json")
	# Backups 2-8 are copies of 1, so that the next applies number 9 and
	# 10: the newest is found by number, not as text.
	wine_cmd "$s" apply.cmd
	for i in 2 3 4 5 6 7 8; do cp -r "$r/wine-small-1.0-1" "$r/wine-small-1.0-$i"; done
	for i in 9 10; do
		reg_do add "$winhttp" /v DefaultSecureProtocols /t REG_DWORD /d "0xa0$i" /f /reg:64
		wine_cmd "$s" apply.cmd /keep 1
	done
	jeq "backups 1-8, then 2 applies with /keep 1: backup 10 stays, and 1, which rollback restores" \
		"$(ls "$r" | sort -t- -k4 -n | tr '\n' ' ')" "wine-small-1.0-1 wine-small-1.0-10 "
	wine_cmd "$s" rollback.cmd
	jrc "...rollback.cmd exits 0" 0
	jeq "...and the state is as before the first apply" "$(wine_state "$json")" "$before"
	mkdir "$r/wine-small-1.0-12000"
	wine_cmd "$s" apply.cmd
	jcheck "after a folder numbered 12000 the next backup is 12001 (no 9,999 cap)" grep -q -F 'wine-small-1.0-12001"' <<<"$out"
	wine_cmd "$s" apply.cmd /keep 0
	jrc "apply.cmd /keep 0: usage, exit 2" 2
}

# Who may change the backup folders (issue 17): the .cmd side of the check.
# The stand-in powershell.exe (tests/wine-standin.c) says a folder with a
# .tlsgpo-test-acl file in it may be changed by someone else; the rule
# itself runs under real PowerShell in tests/ps.sh.
job_acl() {
	local s=$WORK/pkg-wine-small/scripts json=$WORK/wine-small.json r top aside
	local c=$WINEPREFIX/drive_c absent planted
	top=$c/ProgramData/tlsgpo
	r=$(bkroot wine-small)
	wine_cmd "$s" rollback.cmd
	jrc "no ProgramData\\tlsgpo: rollback.cmd exits 3" 3
	jcheck "...saying it does not exist, asking powershell.exe nothing" bash -c \
		'grep -q -F "\"C:\ProgramData\tlsgpo\" does not exist. Nothing was changed." <<<"$1" && ! grep -q powershell "$2" 2>/dev/null' _ "$out" "$c/tlsgpo-standin.log"
	# A backup that says the values held other data: made by a real apply
	# over that data, then the backup unmarked and the values removed.
	prestate "$json" data > "$WORK/pre-acl.$BASHPID.reg"
	wine_regedit "$WORK" "pre-acl.$BASHPID.reg"
	planted=$(wine_state "$json")
	wine_cmd "$s" apply.cmd
	jcheck "apply.cmd makes ProgramData\\tlsgpo under another name, gives it to Administrators, then renames it (icacls by SID)" \
		grep -q -F 'icacls.exe" "C:\ProgramData\tlsgpo.new-' "$c/tlsgpo-standin.log"
	jcheck "...with SYSTEM and Administrators only, protected" grep -q -F '/inheritance:r /grant:r "*S-1-5-18:(OI)(CI)F" "*S-1-5-32-544:(OI)(CI)F"' "$c/tlsgpo-standin.log"
	jcheck "...and its backup to Administrators too" grep -q -F 'icacls.exe" "C:\ProgramData\tlsgpo\wine-small\wine-small-1.0-1" /setowner *S-1-5-32-544 /T' "$c/tlsgpo-standin.log"
	wine_cmd "$s" rollback.cmd
	rm -f "$r/wine-small-1.0-1/restored.txt"
	{
		printf 'Windows Registry Editor Version 5.00\r\n'
		jq -r '.operations[] | "\r\n[\(.path)]\r\n\"\(.value)\"=-\r"' "$json"
	} > "$WORK/del-acl.$BASHPID.reg"
	wine_regedit "$WORK" "del-acl.$BASHPID.reg"
	absent=$(wine_state "$json")
	jcheck "(a complete backup of other data is there, and the values are absent now)" \
		[ -f "$r/wine-small-1.0-1/state.txt" -a "$planted" != "$absent" -a "$(grep -c '^value .* = absent$' <<<"$absent")" = "$(jq '.operations | length' "$json")" ]
	printf 'its owner is S-1-5-21-1004336348-1177238915-682003330-1001, not SYSTEM or Administrators' > "$top/.tlsgpo-test-acl"
	wine_cmd "$s" rollback.cmd
	jrc "ProgramData\\tlsgpo owned by a user, with a planted backup: rollback.cmd exits 3" 3
	jcheck "...naming the folder and its owner" grep -q -F '"C:\ProgramData\tlsgpo": its owner is S-1-5-21-1004336348-1177238915-682003330-1001, not SYSTEM or Administrators.' <<<"$out"
	jcheck "...saying none of its backups is used, nothing was changed, and what to do" \
		bash -c 'grep -q "none is used, nothing was changed" <<<"$1" && grep -q "icacls FOLDER /setowner" <<<"$1"' _ "$out"
	jeq "...and nothing changed" "$(wine_state "$json")" "$absent"
	wine_cmd "$s" apply.cmd
	jrc "apply.cmd over it exits 0" 0
	aside=$(cd "$c/ProgramData" && ls -d tlsgpo.untrusted-* 2>/dev/null)
	jcheck "...saying it moved the folder aside, to a name nobody can take first, and made it anew" \
		bash -c '[[ "$2" =~ ^tlsgpo\.untrusted-[0-9]+$ ]] && grep -q -F "moved \"C:\ProgramData\tlsgpo\" aside to \"C:\ProgramData\\$2\": none of its backups is used; made it anew" <<<"$1"' _ "$out" "$aside"
	jcheck "...the planted backup went with it" [ -f "$c/ProgramData/$aside/wine-small/wine-small-1.0-1/state.txt" ]
	jeq "...the new folder holds this apply's backup only" "$(ls "$r")" wine-small-1.0-1
	wine_cmd "$s" rollback.cmd
	jrc "rollback.cmd then exits 0" 0
	jeq "...and the values are absent again, as before apply (not as the planted backup said)" "$(wine_state "$json")" "$absent"
}

# The same, for the policy's folder, a backup folder, a file; no answer.
# A backup folder the check fails is passed over by rollback, so pruning
# neither counts nor keeps it: with 1 distrusted (not marked restored), 2
# restored and 3 pending, apply.cmd /keep 1 keeps 3, what rollback
# restores, and the new 4 (before: 1 and 4).
job_prune_acl() {
	local s=$WORK/pkg-wine-small/scripts r
	r=$(bkroot wine-small)
	wine_cmd "$s" apply.cmd
	wine_cmd "$s" rollback.cmd
	reg_do add "$winhttp" /v DefaultSecureProtocols /t REG_DWORD /d 0xa80 /f /reg:64
	wine_cmd "$s" apply.cmd
	wine_cmd "$s" rollback.cmd
	wine_cmd "$s" apply.cmd
	rm -f "$r/wine-small-1.0-1/restored.txt"
	printf 'its owner is S-1-5-21-1-2-3-1001, not SYSTEM or Administrators' > "$r/wine-small-1.0-1/.tlsgpo-test-acl"
	reg_do add "$winhttp" /v DefaultSecureProtocols /t REG_DWORD /d 0xa00 /f /reg:64
	wine_cmd "$s" apply.cmd /keep 1
	jeq "1 distrusted, 2 restored, 3 pending: apply.cmd /keep 1 keeps 3 (what rollback restores) and the new 4, not 1" \
		"$rc $(ls "$r" | sort -t- -k4 -n | tr '\n' ' ')" "0 wine-small-1.0-3 wine-small-1.0-4 "
}

job_acl2() {
	local s=$WORK/pkg-wine-small/scripts r top c=$WINEPREFIX/drive_c
	top=$c/ProgramData/tlsgpo
	r=$(bkroot wine-small)
	# The policy's folder, under a top folder that is fine.
	wine_cmd "$s" apply.cmd
	wine_cmd "$s" rollback.cmd
	rm -f "$r/wine-small-1.0-1/restored.txt"
	printf 'Users (BU) may change it (access 0x1301bf)' > "$r/.tlsgpo-test-acl"
	wine_cmd "$s" rollback.cmd
	jrc "ProgramData\\tlsgpo\\ID that Users may change: rollback.cmd exits 3" 3
	jcheck "...naming it" grep -q -F 'wine-small": Users (BU) may change it (access 0x1301bf).' <<<"$out"
	wine_cmd "$s" apply.cmd
	jrc "apply.cmd over it exits 0" 0
	jcheck "...moving that folder aside, not the top one" bash -c 'ls -d "$1".untrusted-* >/dev/null 2>&1 && ! ls -d "$2".untrusted-* >/dev/null 2>&1' _ "$r" "$top"

	# One backup folder that fails: only that one is passed over.
	wine_cmd "$s" rollback.cmd
	reg_do add "$winhttp" /v DefaultSecureProtocols /t REG_DWORD /d 0xa80 /f /reg:64
	wine_cmd "$s" apply.cmd
	reg_do add "$winhttp" /v DefaultSecureProtocols /t REG_DWORD /d 0xa00 /f /reg:64
	wine_cmd "$s" apply.cmd
	printf 'its owner is S-1-5-21-1-2-3-1001, not SYSTEM or Administrators' > "$r/wine-small-1.0-2/.tlsgpo-test-acl"
	wine_cmd "$s" rollback.cmd
	jcheck "backup 2 (of 2 and 3) owned by a user: rollback.cmd passes it over, saying why, and restores 3" bash -c \
		'grep -q -F "not using \"C:\ProgramData\tlsgpo\wine-small\wine-small-1.0-2\": someone other than SYSTEM and Administrators could have changed it" <<<"$1" && grep -q -F "restoring \"C:\ProgramData\tlsgpo\wine-small\wine-small-1.0-3\"" <<<"$1"' _ "$out"
	jeq "...to the state before apply 3" "$(reg_q "$winhttp" /v DefaultSecureProtocols /reg:64)" "REG_DWORD 0xa00"

	# Not a folder: a file at ProgramData\tlsgpo.
	rm -rf "$top" "$top".*
	echo planted > "$top"
	wine_cmd "$s" apply.cmd
	jeq "a file at ProgramData\\tlsgpo: apply.cmd moves it aside and exits 0" \
		"$rc $(grep -c 'tlsgpo": it is a file, not a folder' <<<"$out") $(cd "$c/ProgramData" && ls -d tlsgpo.untrusted-* | wc -l) $([ -d "$top" ] && echo folder)" "0 1 1 folder"

	# No answer from powershell.exe: never trusted.
	: > "$c/tlsgpo-standin-fail"
	wine_cmd "$s" rollback.cmd
	jrc "powershell.exe fails: rollback.cmd exits 3" 3
	jcheck "...saying powershell.exe did not run the check, and what it said" bash -c \
		'grep -q "powershell.exe did not run the check of who may change \"C:\\\\ProgramData\\\\tlsgpo\"" <<<"$1" && grep -q "powershell.exe said: powershell.exe (stand-in): failing on purpose" <<<"$1"' _ "$out"
	rm -f "$c/tlsgpo-standin-fail"
	wine_cmd "$s" rollback.cmd
	reg_do add "$winhttp" /v DefaultSecureProtocols /t REG_DWORD /d 0xa80 /f /reg:64
	: > "$c/tlsgpo-standin-silent"
	wine_cmd "$s" apply.cmd
	jrc "powershell.exe prints nothing (as Wine's own): apply.cmd exits 4" 4
	jcheck "...saying why and that the .cmd scripts need PowerShell 2.0 for ProgramData" bash -c \
		'grep -q "powershell.exe did not run the check" <<<"$1" && grep -q "need Windows PowerShell 2.0 or later" <<<"$1"' _ "$out"
	jeq "...and writes nothing" "$(reg_q "$winhttp" /v DefaultSecureProtocols /reg:64)" "REG_DWORD 0xa80"
	wine_cmd "$s" apply.cmd /backupdir "C:\\mine"
	jrc "...with /backupdir (trusted as given, not checked) apply.cmd exits 0" 0
}

# A backup copied from another computer is refused, naming it; one made
# before this computer was renamed is its own (MachineGuid tells).
job_foreign() {
	local s=$WORK/pkg-wine-small/scripts st json=$WORK/wine-small.json before
	before=$(wine_state "$json")
	wine_cmd "$s" apply.cmd
	st=$(bkroot wine-small)/wine-small-1.0-1/state.txt
	jcheck "the backup records the MachineGuid" grep -q '^machine|[0-9a-f-]\{36\}'$'\r''$' "$st"
	sed -i 's/^computer|.*/computer|OLD-NAME\r/' "$st"
	wine_cmd "$s" rollback.cmd
	jrc "a backup made before a rename (same MachineGuid): rollback.cmd exits 0" 0
	jcheck "...saying the old name" grep -q 'was made when this computer was named OLD-NAME' <<<"$out"
	jeq "...and the state is as before" "$(wine_state "$json")" "$before"
	wine_cmd "$s" apply.cmd
	st=$(bkroot wine-small)/wine-small-1.0-2/state.txt
	rm -rf "$(bkroot wine-small)/wine-small-1.0-1"
	sed -i 's/^computer|.*/computer|OTHER-PC\r/; s/^machine|.*/machine|0badc0de-0000-4000-8000-000000000000\r/' "$st"
	wine_cmd "$s" rollback.cmd
	jrc "a backup made on OTHER-PC (another MachineGuid): rollback.cmd exits 3" 3
	jcheck "...saying whose it is" grep -q 'not using ".*wine-small-1.0-2": it was made on another computer (OTHER-PC)' <<<"$out"
	jcheck "...and refusing" grep -q "refusing to restore another computer's state" <<<"$out"
	wine_cmd "$s" detect.cmd
	jrc "...and changed nothing (detect.cmd: compliant)" 0
}

# Someone else's subkey or (Default) value in a key apply created: rollback
# must leave the key (issue 8, item 3).
job_subkey() {
	local s=$WORK/pkg-tls11srv/scripts json=$WORK/tls11srv.json p o
	p='HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1'
	wine_cmd "$s" apply.cmd
	jrc "tls1.1.server = disabled: apply.cmd exits 0" 0
	reg_do add "$p\\Client" /v Enabled /t REG_DWORD /d 0 /f /reg:64
	wine_cmd "$s" rollback.cmd
	jrc "...someone sets TLS 1.1\\Client Enabled=0; rollback.cmd exits 0" 0
	jeq "...TLS 1.1\\Client Enabled is still 0x0" "$(reg_q "$p\\Client" /v Enabled /reg:64)" "REG_DWORD 0x0"
	jeq "...TLS 1.1\\Server, which apply created, is gone" "$(reg_q "$p\\Server" /reg:64)" absent
	wine_cmd "$s" apply.cmd
	reg_do add "$p\\Server" /ve /d keep /f /reg:64
	wine_cmd "$s" rollback.cmd
	jrc "a (Default) value set in TLS 1.1\\Server after apply: rollback.cmd exits 0" 0
	jeq "...and the key stays with it" "$(reg_q "$p\\Server" /ve /reg:64)" "REG_SZ keep"
	jeq "...while the policy's values are gone" "$(reg_q "$p\\Server" /v Enabled /reg:64)" absent
	# reg.exe gives no answer about a key apply created (forced in a copy).
	reg_do delete "$p\\Server" /f /reg:64
	wine_cmd "$s" apply.cmd
	o=$(own_scripts tls11srv)
	sed -i 's/^set "KE_RC=%errorlevel%"/set "KE_RC=7"/' "$o/rollback.cmd"
	jeq "(the copy's key check is broken once)" "$(grep -c '^set "KE_RC=7"' "$o/rollback.cmd")" 1
	wine_cmd "$o" rollback.cmd
	jrc "reg.exe cannot read a key apply created: rollback.cmd exits 5" 5
	jcheck "...naming the key it kept" grep -q 'FAILED      key .*TLS 1.1\\Server.*: apply created it; reg.exe could not read it' <<<"$out"
	jeq "...which is still there" "$(reg_do query "$p\\Server" /reg:64 && echo present || echo "absent or no answer")" present
	wine_cmd "$s" rollback.cmd
	jrc "...rollback.cmd run again exits 0" 0
	jcheck "...and removes it" grep -q 'removed     key .*TLS 1.1\\Server' <<<"$out"
	jeq "...so it is gone" "$(reg_q "$p\\Server" /reg:64)" absent
}

# A backup cut short is ignored with a warning; a complete one is used.
job_partial() {
	local s=$WORK/pkg-wine-small/scripts json=$WORK/wine-small.json before r st
	r=$(bkroot wine-small)
	before=$(wine_state "$json")
	wine_cmd "$s" apply.cmd
	cp -r "$r/wine-small-1.0-1" "$r/wine-small-1.0-2"
	st=$r/wine-small-1.0-2/state.txt
	head -c $(( $(wc -c < "$st") / 2 )) "$st" > "$st.cut" && mv "$st.cut" "$st"
	wine_cmd "$s" rollback.cmd
	jrc "backup 2 cut in half, backup 1 complete: rollback.cmd exits 0" 0
	jcheck "...names backup 2 and why it is not used" grep -q 'not using ".*wine-small-1.0-2": it was cut short: no end record' <<<"$out"
	jcheck "...restores backup 1" grep -q -F 'restoring "C:\ProgramData\tlsgpo\wine-small\wine-small-1.0-1"' <<<"$out"
	jeq "...and the state is as before" "$(wine_state "$json")" "$before"
	wine_cmd "$s" apply.cmd
	jcheck "the next apply takes number 3" grep -q 'wine-small-1.0-3"' <<<"$out"
	st=$r/wine-small-1.0-3/state.txt
	head -c $(( $(wc -c < "$st") / 2 )) "$st" > "$st.cut" && mv "$st.cut" "$st"
	wine_cmd "$s" rollback.cmd
	jrc "backup 1 restored, 3 (a later apply's) cut: rollback.cmd exits 0" 0
	jcheck "...restoring the newest usable one, 1, again" grep -q -F 'restoring the newest usable one again, "C:\ProgramData\tlsgpo\wine-small\wine-small-1.0-1"' <<<"$out"
	jeq "...and the state is as before the first apply" "$(wine_state "$json")" "$before"
	wine_cmd "$s" rollback.cmd
	jrc "...run again: exits 0" 0
	jcheck "...with nothing to do" grep -q 'restored already: nothing to do' <<<"$out"
	rm -rf "$r/wine-small-1.0-1"
	rm -f "$r"/*/restored.txt
	wine_cmd "$s" rollback.cmd
	jrc "only cut backups left: rollback.cmd refuses (exit 3)" 3
	jcheck "...saying there is no usable backup" grep -q 'no usable backup' <<<"$out"
	jeq "...and restores nothing" "$(wine_state "$json")" "$before"
}

# Gaps in the numbering do not hide later backups.
job_gaps() {
	local s=$WORK/pkg-wine-small/scripts json=$WORK/wine-small.json before r
	r=$(bkroot wine-small)
	wine_cmd "$s" apply.cmd
	reg_do add "$winhttp" /v DefaultSecureProtocols /t REG_DWORD /d 0xa80 /f /reg:64
	before=$(wine_state "$json")
	wine_cmd "$s" apply.cmd
	jeq "drift re-applied: a second backup" "$(ls "$r" | tr '\n' ' ')" "wine-small-1.0-1 wine-small-1.0-2 "
	mv "$r/wine-small-1.0-2" "$r/wine-small-1.0-7"
	rm -rf "$r/wine-small-1.0-1"
	mkdir "$r/wine-small-1.0-3"
	wine_cmd "$s" rollback.cmd
	jrc "backups 1 and 2 gone, 3 empty, 7 complete: rollback.cmd exits 0" 0
	jcheck "...restores 7" grep -q 'wine-small-1.0-7"' <<<"$out"
	jeq "...the state before it" "$(wine_state "$json")" "$before"
	wine_cmd "$s" apply.cmd
	jcheck "the next backup is 8, after the highest" grep -q 'wine-small-1.0-8"' <<<"$out"
}

# Two applies at once (a GPO startup script and an Intune run).
job_concurrent() {
	local s=$WORK/pkg-wine-small/scripts json=$WORK/wine-small.json before r1 r2 o1 o2
	before=$(wine_state "$json")
	o1=$WORK/c1.$BASHPID o2=$WORK/c2.$BASHPID
	(cd "$s" && timeout 300 wine cmd /c apply.cmd </dev/null >"$o1" 2>&1; echo "rc=$?" >> "$o1") &
	(cd "$s" && timeout 300 wine cmd /c apply.cmd </dev/null >"$o2" 2>&1; echo "rc=$?" >> "$o2") &
	wait
	cat "$o1" "$o2" | tr -d '\r' >> "$WINE_LOG"
	r1=$(tail -1 "$o1") r2=$(tail -1 "$o2")
	jeq "two apply.cmd at once: both exit 0" "$r1 $r2" "rc=0 rc=0"
	[ "$r1 $r2" = "rc=0 rc=0" ] || cat "$o1" "$o2" | tr -d '\r' | grep -v '^changed' | sed 's/^/#   /' | head -20
	jeq "...each with its own complete backup" \
		"$(cd "$(bkroot wine-small)" && for d in *; do tail -1 "$d/state.txt" | tr -d '\r' | cut -d'|' -f1; done | tr '\n' ' ')" "end end "
	wine_cmd "$s" rollback.cmd
	jrc "...rollback.cmd exits 0" 0
	jeq "...and the state is as before either" "$(wine_state "$json")" "$before"
	rm -f "$o1" "$o2"
}

# Two first runs at once, made certain: the other run makes each backup
# folder (ProgramData\tlsgpo, the policy's) while this one does.
job_race() {
	local s=$WORK/pkg-wine-small/scripts r
	r=$(bkroot wine-small)
	touch "$WINEPREFIX/drive_c/tlsgpo-standin-race"
	wine_cmd "$s" apply.cmd
	rm -f "$WINEPREFIX/drive_c/tlsgpo-standin-race"
	jrc "another run makes the backup folders first: apply.cmd exits 0" 0
	jeq "...with a complete backup" "$(tail -1 "$r/wine-small-1.0-1/state.txt" 2>/dev/null | tr -d '\r' | cut -d'|' -f1)" end
	jeq "...and no work folder left behind" "$(ls -a "$WINEPREFIX/drive_c/ProgramData" "$WINEPREFIX/drive_c/ProgramData/tlsgpo" 2>&1 | grep -c -e '\.new-' -e 'cannot access')" 0
}

# reg.exe that does not start is an error (exit 6), never drift or absent.
job_regfail() {
	local s=$WORK/pkg-wine-small/scripts json=$WORK/wine-small.json before
	before=$(wine_state "$json")
	WINEDLLOVERRIDES="$WINEDLLOVERRIDES;reg.exe=d" wine_cmd "$s" detect.cmd
	jrc "reg.exe cannot start: detect.cmd exits 6, not 1" 6
	jcheck "...saying reg.exe could not read the values" grep -q 'reg.exe could not read' <<<"$out"
	WINEDLLOVERRIDES="$WINEDLLOVERRIDES;reg.exe=d" wine_cmd "$s" apply.cmd
	jrc "reg.exe cannot start: apply.cmd exits 6" 6
	jcheck "...saying nothing was changed" grep -q 'nothing was changed' <<<"$out"
	jeq "...and nothing was" "$(wine_state "$json")" "$before"
	jcheck "...no backup was made" [ ! -e "$(bkroot wine-small)" ]
}

# HKCU values and the SYSTEM account; a user-only plan needs no elevation.
job_system() {
	local s json=$WORK/userscope.json before fltmc=$WINEPREFIX/drive_c/windows/system32/fltmc.exe x
	s=$(own_scripts userscope)
	# SYSTEM's USERNAME is COMPUTERNAME$; a child cmd (Wine's CALL loses
	# a batch file's exit code) runs the script with it.
	printf '@echo off\r\nset "USERNAME=%%COMPUTERNAME%%$"\r\ncmd /c %%*\r\nexit /b %%errorlevel%%\r\n' > "$s/as-system.cmd"
	for x in apply detect rollback; do
		wine_cmd "$s" as-system.cmd "$x.cmd"
		jrc "HKCU policy as SYSTEM: $x.cmd exits 2" 2
		jcheck "...saying why" grep -q 'this is the SYSTEM' <<<"$out"
	done
	before=$(wine_state "$json")
	mv "$fltmc" "$fltmc.off"
	wine_cmd "$s" apply.cmd
	jrc "HKCU-only policy, not elevated, as the user: apply.cmd exits 0" 0
	wine_cmd "$s" detect.cmd
	jrc "...detect.cmd: compliant" 0
	wine_cmd "$s" rollback.cmd
	jrc "...rollback.cmd exits 0" 0
	mv "$fltmc.off" "$fltmc"
	jeq "...and the state is as before" "$(wine_state "$json")" "$before"
}

# A relative /backupdir is taken from the current folder, once.
job_relative() {
	local s=$WORK/pkg-wine-small/scripts cwd=$WORK/cwd.$BASHPID
	mkdir -p "$cwd"
	wine_cmd "$cwd" "$(winpath "$s")\\apply.cmd" /backupdir rel
	jrc "apply.cmd /backupdir rel, run from another folder: exits 0" 0
	jcheck "...the backup is in that folder's rel" [ -f "$cwd/rel/wine-small-1.0-1/state.txt" ]
	jcheck "...named in full" grep -q -F "$(winpath "$cwd")\\rel\\wine-small-1.0-1" <<<"$out"
	wine_cmd "$cwd" "$(winpath "$s")\\rollback.cmd" /backupdir rel
	jrc "rollback.cmd /backupdir rel finds it: exits 0" 0
	rm -rf "$cwd"
}

# detect's first line is the verdict; then only what is not ok (Intune keeps
# 2,048 characters); lines with the same hex form as the .ps1.
job_detect() {
	local s=$WORK/pkg-wine-small/scripts
	wine_cmd "$s" apply.cmd
	reg_do add "$winhttp" /v DefaultSecureProtocols /t REG_DWORD /d 0xa85 /f /reg:64
	reg_do delete 'HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727' /v SystemDefaultTlsVersions /f /reg:64
	wine_cmd "$s" detect.cmd
	jrc "two values drift: detect.cmd exits 1" 1
	jeq "...its first line is the verdict" "$(head -1 <<<"$out")" \
		"detect.cmd: drift: 2 of 3 values differ from policy Wine small (id wine-small, version 1.0)"
	jeq "...then only the two" "$(tail -n +2 <<<"$out")" \
"wrong value HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp [64-bit] DefaultSecureProtocols: REG_DWORD 0x00000A85, policy wants REG_DWORD 0x00000800
missing     HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727 [64-bit] SystemDefaultTlsVersions: absent, policy wants REG_DWORD 0x00000001"
	wine_cmd "$s" detect.cmd /verbose
	jeq "detect.cmd /verbose: the verdict and all 3 lines" "$rc $(wc -l <<<"$out") $(grep -c '^ok ' <<<"$out")" "1 4 1"
	wine_cmd "$s" detect.cmd /bogus
	jrc "detect.cmd /bogus: usage, exit 2" 2
}

# Backups in apply.ps1's form: rollback.cmd restores plain ones and refuses
# one holding data only rollback.ps1 restores exactly.
job_ps1backup() {
	local s=$WORK/pkg-wine-small/scripts json=$WORK/wine-small.json r n k comp before plan
	r=$(bkroot wine-small)
	n=$(jq '.operations | length' "$json")
	k=$(tr -d '\r' < "$s/apply.cmd" | sed -n 's/^set "KEY_COUNT=\(.*\)"$/\1/p')
	plan=$(tr -d '\r' < "$s/apply.ps1" | sed -n "s/^\$PlanId = '\(.*\)'$/\1/p")
	wine_cmd "$s" 'echo %COMPUTERNAME%'
	comp=$out
	before=$(wine_state "$json")
	wine_cmd "$s" apply.cmd
	rm -rf "$r"
	mkdir -p "$r/wine-small-1.0-1"
	{
		echo "# tlsgpo backup of policy wine-small version 1.0, written by apply.ps1"
		echo "format|2|apply.ps1"
		echo "computer|$comp"
		echo "plan|$plan"
		for ((i = 1; i <= n; i++)); do
			if [ "$i" = 1 ]; then
				echo "value|1|present|REG_DWORD|0xa80"
				echo "raw|1|DWord|gAoAAA=="
			else
				echo "value|$i|absent"
			fi
		done
		for ((i = 1; i <= k; i++)); do echo "key|$i|present"; done
		echo "end|$((n + k))"
	} > "$r/wine-small-1.0-1/state.txt"
	wine_cmd "$s" rollback.cmd
	jrc "a backup apply.ps1 wrote: rollback.cmd exits 0" 0
	jeq "...and restores its REG_DWORD" "$(reg_q "$winhttp" /v DefaultSecureProtocols /reg:64)" "REG_DWORD 0xa80"
	wine_cmd "$s" apply.cmd
	rm -rf "$r"
	mkdir -p "$r/wine-small-1.0-1"
	{
		echo "format|2|apply.ps1"
		echo "computer|$comp"
		echo "plan|$plan"
		echo "value|1|present|REG_SZ|caf\\u00e9 text"
		echo "raw|1|String|YwBhAGYA6QA="
		echo "exact|1"
		for ((i = 2; i <= n; i++)); do echo "value|$i|absent"; done
		for ((i = 1; i <= k; i++)); do echo "key|$i|present"; done
		echo "end|$((n + k))"
	} > "$r/wine-small-1.0-1/state.txt"
	wine_cmd "$s" rollback.cmd
	jrc "a backup holding text only rollback.ps1 restores exactly: rollback.cmd exits 3" 3
	jcheck "...naming rollback.ps1" grep -q 'run rollback.ps1 instead' <<<"$out"
	wine_cmd "$s" detect.cmd
	jrc "...and changes nothing" 0
}

# The README's promise that the twins read each other's backups, with real
# backups: apply.cmd's (Wine) restored by rollback.ps1 (pwsh, the registry
# of tests/ps/fake-reg.ps1), apply.ps1's restored by rollback.cmd (Wine),
# from a registry where every value of the policy held other data (KIND
# data: a REG_DWORD; type: a REG_SZ with % & ^ !), and MachineGuid and name
# the same on both sides.
job_interop() {	# KIND
	local kind=$1 id=office365-tls12 s=$WORK/pkg-office365-tls12/scripts json=$WORK/office365-tls12.json
	local r bk st guid comp before
	if [ -z "${PWSH:-}" ]; then
		echo "skip - .cmd and .ps1 read each other's backups|pwsh is not installed (dotnet tool install --global PowerShell --version 7.6.10; .ci/run installs it)"
		return
	fi
	r=$(bkroot "$id")
	bk=$id-$(jq -r .policy.version "$json")-1
	prestate "$json" "$kind" > "$WORK/pre-interop.$BASHPID.reg"
	wine_regedit "$WORK" "pre-interop.$BASHPID.reg"
	before=$(wine_state "$json")
	wine_cmd "$s" apply.cmd
	jrc "interop ($kind): apply.cmd exits 0, a backup in cmd's form" 0
	# This computer's MachineGuid and name, as apply.cmd recorded them.
	guid=$(tr -d '\r' < "$r/$bk/state.txt" | sed -n 's/^machine|//p')
	comp=$(tr -d '\r' < "$r/$bk/state.txt" | sed -n 's/^computer|//p')
	jcheck "...recording the MachineGuid and the name" test -n "$guid" -a -n "$comp"
	# The same registry for pwsh, and apply.ps1's backup of it.
	st=$(new_state "interop.$BASHPID" 20348 "$guid")
	prior_data "$json" "$kind" >> "$st/reg.txt"
	COMPUTERNAME=$comp PS_FRESH_PROCESS=1 psrun "$st" "$s/apply.ps1"
	jrc "interop ($kind): apply.ps1 exits 0, a backup in PowerShell's form" 0
	cp "$st/reg.before.txt" "$st/reg.start"
	mv "$st/home/ProgramData/tlsgpo/$id/$bk" "$WORK/ps-backup.$BASHPID"
	cp -r "$r/$bk" "$st/home/ProgramData/tlsgpo/$id/$bk"
	find "$st/home/ProgramData/tlsgpo/$id/$bk" -name '*.tlsgpo-test-acl' -delete
	COMPUTERNAME=$comp PS_FRESH_PROCESS=1 psrun "$st" "$s/rollback.ps1"
	jrc "interop ($kind): apply.cmd's backup, rollback.ps1 exits 0" 0
	jcheck "...restoring it" grep -q -F "restoring \"$st/home/ProgramData/tlsgpo/$id/$bk\"" <<<"$out"
	if cmp -s "$st/reg.start" "$st/reg.after.txt"; then
		jok "...and the registry is exactly as before apply"
	else
		jnot "...and the registry is exactly as before apply"
		diff "$st/reg.start" "$st/reg.after.txt" | head -8 | sed 's/^/#   /'
	fi
	rm -rf "$r"
	mkdir -p "$r"
	cp -r "$WORK/ps-backup.$BASHPID" "$r/$bk"
	# (Without the stand-ins' ACL markers: each side models its own.)
	find "$r/$bk" -name '*.tlsgpo-test-acl' -delete
	wine_cmd "$s" rollback.cmd
	jrc "interop ($kind): apply.ps1's backup, rollback.cmd exits 0" 0
	jeq "...and every value and key is as before apply.cmd" "$(wine_state "$json")" "$before"
}

# What each Windows build needs, from the OS table (issue 9): a fake
# CurrentBuildNumber and fake update packages, for the builds 6002, 7601,
# 9200, 9600, 19045 and 20348. tests/wine-small.ini (3 values) and
# tls10winhttp.ini (2) stand in for office365-tls12 and legacy-tls10-tls12
# (13 and 24): apply.cmd's table of builds is the same (checked at the
# start), and each apply that passes writes fewer values.
job_builds() {
	local s=$WORK/pkg-wine-small/scripts t=$WORK/pkg-win11-tls12-tls13/scripts l=$WORK/pkg-tls10winhttp/scripts
	local pk='HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages'
	local ndp='HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP\v2.0.50727'
	setbuild 6002
	wine_cmd "$s" apply.cmd
	jrc "6002 without KB 4467770: apply.cmd exits 3" 3
	jcheck "...naming Windows Server 2008 SP2 and KB 4467770" bash -c 'grep -q "build 6002 is Windows Server 2008 SP2:" <<<"$1" && grep -q "once KB 4467770 is installed" <<<"$1"' _ "$out"
	reg_do add "$pk\Package_for_KB4467770~31bf3856ad364e35~amd64~~6.0.1.0" /f /reg:64
	reg_do add "$ndp" /v Install /t REG_DWORD /d 1 /f /reg:64
	wine_cmd "$s" apply.cmd
	jrc "6002 with KB 4467770: apply.cmd exits 0" 0
	jcheck "...warning, where .NET 3.5 is installed, that it needs KB 3154517 (could not confirm)" grep -q 'only with KB 3154517 or a later .NET update that contains it; KB 3154517 is not listed.*could not confirm' <<<"$out"
	jcheck "...and that SCHANNEL has TLS 1.1 and 1.2 only with KB 4019276" grep -q 'TLS 1.2 only with KB 4019276, which is not installed' <<<"$out"
	fresh 6002
	reg_do add "$pk\Package_for_KB4467770~31bf3856ad364e35~amd64~~6.0.1.0" /f /reg:64
	wine_cmd "$l" apply.cmd
	jcheck "6002, a policy with TLS 1.0 in DefaultSecureProtocols: a warning that only TLS 1.1 and 1.2 count there" grep -q 'Windows Server 2008 SP2 honours only TLS 1.1 and TLS 1.2' <<<"$out"
	jeq "...and, without .NET 3.5 installed, no .NET 3.5 warning" "$(grep -c 'NET Framework 3.5' <<<"$out")" 0
	fresh 7601
	wine_cmd "$s" apply.cmd
	jrc "7601 without KB 3140245: apply.cmd exits 3" 3
	jcheck "...naming Windows 7 SP1 or Server 2008 R2 SP1, the KB and the Easy Fix" bash -c 'grep -q "build 7601 is Windows 7 SP1 or Windows Server 2008 R2 SP1:" <<<"$1" && grep -q MicrosoftEasyFix51044.msi <<<"$1"' _ "$out"
	reg_do add "$pk\Package_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.2" /f /reg:64
	reg_do add "$pk\Package_for_KB3154518~31bf3856ad364e35~amd64~~6.1.1.0" /f /reg:64
	wine_cmd "$s" apply.cmd
	jrc "7601 with KB 3140245 and KB 3154518: apply.cmd exits 0" 0
	jeq "...without a warning" "$(grep warning <<<"$out")" ""
}
job_builds2() {
	local s=$WORK/pkg-wine-small/scripts t=$WORK/pkg-win11-tls12-tls13/scripts
	setbuild 9200
	wine_cmd "$s" apply.cmd
	jrc "9200 without KB 3140245: apply.cmd exits 3" 3
	jcheck "...naming Windows 8 or Windows Server 2012" grep -q 'build 9200 is Windows 8 or Windows Server 2012:' <<<"$out"
	setbuild 9600
	reg_do add 'HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP\v2.0.50727' /v Install /t REG_DWORD /d 1 /f /reg:64
	wine_cmd "$s" apply.cmd
	jrc "9600 (8.1 / 2012 R2): no WinHTTP update needed, apply.cmd exits 0" 0
	jcheck "...warning that .NET 3.5 needs KB 3154520 (could not confirm)" grep -q 'only with KB 3154520 or a later .NET update that contains it; KB 3154520 is not listed.*could not confirm' <<<"$out"
	fresh 19045
	reg_do add 'HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP\v2.0.50727' /v Install /t REG_DWORD /d 1 /f /reg:64
	wine_cmd "$s" apply.cmd
	jeq "19045 (Windows 10 22H2), .NET 3.5 installed: apply.cmd exits 0, no warning" "$rc $(grep -c warning <<<"$out")" "0 0"
	fresh 19045
	wine_cmd "$t" apply.cmd
	jrc "19045, a policy that turns TLS 1.3 on: apply.cmd exits 3" 3
	wine_cmd "$t" detect.cmd
	jeq "...detect.cmd says not applicable, exit 0 (no drift to remediate forever)" \
		"$rc|$(head -1 <<<"$out" | cut -d: -f1-2)" "0|detect.cmd: not applicable"
	setbuild 20348
	wine_cmd "$t" apply.cmd
	jrc "20348 (Server 2022), TLS 1.3: apply.cmd exits 0" 0
}

# A policy that turns TLS 1.0 off where that leaves no TLS (Server 2008
# SP2 without KB 4019276) or breaks Remote Desktop (7601 without KB
# 3080079, with Remote Desktop on): refused before anything is written.
job_builds3() {
	local s=$WORK/pkg-server-hardening/scripts json=$WORK/server-hardening.json before
	local pk='HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages'
	local ts='HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server'
	local tsp='HKLM\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
	setbuild 6002
	before=$(wine_state "$json")
	wine_cmd "$s" apply.cmd
	jrc "6002 without KB 4019276, a policy that turns TLS 1.0 off: apply.cmd exits 3" 3
	jcheck "...saying no TLS would be left" grep -q 'only with KB 4019276, which is not listed, and this policy turns TLS 1.0 off: no TLS would be left' <<<"$out"
	jeq "...and changes nothing" "$(wine_state "$json")" "$before"
	wine_cmd "$s" apply.cmd /skipprereq
	jrc "...with /skipprereq: exits 0" 0
	fresh 6002
	reg_do add "$pk\Package_for_KB4019276~31bf3856ad364e35~amd64~~6.0.1.2" /f /reg:64
	wine_cmd "$s" apply.cmd
	jrc "6002 with KB 4019276: exits 0" 0
}
job_builds4() {
	local s=$WORK/pkg-server-hardening/scripts json=$WORK/server-hardening.json before
	local pk='HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages'
	local ts='HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server'
	local tsp='HKLM\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
	# A fresh 7601 with Remote Desktop on and KB 3080079 installed.
	rdp_with_kb() {
		fresh 7601
		reg_do add "$ts" /v fDenyTSConnections /t REG_DWORD /d 0 /f /reg:64
		reg_do add "$pk\Package_for_KB3080079~31bf3856ad364e35~amd64~~6.1.1.0" /f /reg:64
	}
	setbuild 7601
	before=$(wine_state "$json")
	reg_do add "$ts" /v fDenyTSConnections /t REG_DWORD /d 0 /f /reg:64
	wine_cmd "$s" apply.cmd
	jrc "7601, Remote Desktop on, without KB 3080079: apply.cmd exits 3" 3
	jcheck "...naming Remote Desktop and the KB" grep -q 'Remote Desktop there needs KB 3080079 and TLS 1.2 for servers on; KB 3080079 is not listed' <<<"$out"
	jeq "...and changes nothing" "$(wine_state "$json")" "$before"
	reg_do add "$ts" /v fDenyTSConnections /t REG_DWORD /d 1 /f /reg:64
	reg_do add "$tsp" /v fDenyTSConnections /t REG_DWORD /d 0 /f /reg:64
	wine_cmd "$s" apply.cmd
	jrc "7601, Remote Desktop off locally but on by Group Policy: exits 3" 3
	reg_do add "$ts" /v fDenyTSConnections /t REG_DWORD /d 0 /f /reg:64
	reg_do add "$tsp" /v fDenyTSConnections /t REG_DWORD /d 1 /f /reg:64
	wine_cmd "$s" apply.cmd
	jrc "7601, Remote Desktop on locally but off by Group Policy: exits 0" 0
	rdp_with_kb
	wine_cmd "$s" apply.cmd
	jrc "7601, Remote Desktop on, with KB 3080079: exits 0" 0
	rdp_with_kb
	# TLS 1.0 off for servers and nothing later on.
	printf '[policy]\nid = t10only\nname = TLS 1.0 off\nversion = 1.0\n\n[schannel]\ntls1.0.server = disabled\n' > "$WORK/t10only.$BASHPID.ini"
	"$TLSGPO" build "$WORK/t10only.$BASHPID.ini" -o "$WORK/pkg-t10only.$BASHPID" >/dev/null 2>&1
	wine_cmd "$WORK/pkg-t10only.$BASHPID/scripts" apply.cmd
	jrc "7601, a policy that turns TLS 1.0 off for servers and nothing later on: apply.cmd exits 3" 3
	jcheck "...saying servers would be left without TLS" grep -q 'servers would be left without TLS' <<<"$out"
	reg_do add 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server' /v Enabled /t REG_DWORD /d 1 /f /reg:64
	wine_cmd "$WORK/pkg-t10only.$BASHPID/scripts" apply.cmd
	jrc "...TLS 1.2 Enabled=1 for servers but still DisabledByDefault: exits 3" 3
	reg_do add 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server' /v DisabledByDefault /t REG_DWORD /d 0 /f /reg:64
	wine_cmd "$WORK/pkg-t10only.$BASHPID/scripts" apply.cmd
	jrc "...with TLS 1.2 on for servers on the machine (Enabled=1, DisabledByDefault=0): exits 0" 0
	rm -rf "$WORK/pkg-t10only.$BASHPID" "$WORK/t10only.$BASHPID.ini"
}

# A value of a type reg.exe cannot write back is never recorded as absent;
# a backup of another plan (same id and version) is never used.
job_types() {
	local s=$WORK/pkg-wine-small/scripts json=$WORK/wine-small.json before st
	reg_do add "$winhttp" /v DefaultSecureProtocols /t REG_DWORD_BIG_ENDIAN /d 5 /f /reg:64
	before=$(wine_state "$json")
	wine_cmd "$s" apply.cmd
	jrc "DefaultSecureProtocols is a REG_DWORD_BIG_ENDIAN: apply.cmd refuses (exit 4)" 4
	jcheck "...naming the type, and that apply.ps1 cannot either" bash -c 'grep -q "REG_DWORD_BIG_ENDIAN, which reg.exe cannot write back exactly" <<<"$1" && grep -q "nor can apply.ps1" <<<"$1"' _ "$out"
	jeq "...and changes nothing" "$(wine_state "$json")" "$before"
	wine_cmd "$s" detect.cmd
	jcheck "detect.cmd calls it the wrong type, not missing" grep -q '^wrong type  .*DefaultSecureProtocols: REG_DWORD_BIG_ENDIAN, policy wants' <<<"$out"
	reg_do add "$winhttp" /v DefaultSecureProtocols /t REG_NONE /d 00080000 /f /reg:64
	wine_cmd "$s" apply.cmd
	jrc "a REG_NONE (reg.exe shows its bytes as text, and would write that text back): apply.cmd refuses (exit 4)" 4
	reg_do delete "$winhttp" /v DefaultSecureProtocols /f /reg:64
	wine_cmd "$s" apply.cmd
	st=$(bkroot wine-small)/wine-small-1.0-1/state.txt
	sed -i 's/^plan|.*/plan|0123456789abcdef\r/' "$st"
	wine_cmd "$s" rollback.cmd
	jrc "a backup whose plan is not this package's: rollback.cmd refuses (exit 3)" 3
	jcheck "...with a warning naming it and why" grep -q 'not using ".*wine-small-1.0-1": it was written for another build of this package' <<<"$out"
	# A backup (of an older apply.ps1) that holds a REG_NONE: refused
	# before anything is written.
	rm -rf "$(bkroot wine-small)"
	reg_do delete "$winhttp" /v DefaultSecureProtocols /f /reg:64
	wine_cmd "$s" apply.cmd
	st=$(bkroot wine-small)/wine-small-1.0-1/state.txt
	sed -i 's/^value|1|absent/value|1|present|REG_NONE|00080000/' "$st"
	before=$(wine_state "$json")
	wine_cmd "$s" rollback.cmd
	jrc "a backup holding a REG_NONE value: rollback.cmd refuses (exit 3)" 3
	jcheck "...saying why" grep -q 'holds a value of a type reg.exe cannot write back' <<<"$out"
	jeq "...and changes nothing" "$(wine_state "$json")" "$before"
}

# tlsgpo check on Wine's own exports after apply.cmd and after rollback.cmd.
job_audit() {
	local id=server-hardening s=$WORK/pkg-server-hardening/scripts m=$WORK/audit.$BASHPID out
	rm -rf "$m"
	mkdir -p "$m"
	exports() {
		rm -f "$m"/*.reg
		(cd "$m" && timeout 120 wine regedit /E software.reg 'HKEY_LOCAL_MACHINE\SOFTWARE' </dev/null >>"$WINE_LOG" 2>&1)
		(cd "$m" && timeout 120 wine reg export 'HKLM\SOFTWARE\Wow6432Node\Microsoft' wow.reg /y /reg:64 </dev/null >>"$WINE_LOG" 2>&1)
		(cd "$m" && timeout 120 wine reg export 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL' schannel.reg /y /reg:64 </dev/null >>"$WINE_LOG" 2>&1)
	}
	wine_cmd "$s" apply.cmd
	jrc "audit: apply.cmd exits 0" 0
	exports
	out=$("$TLSGPO" check "$srcdir/policies/$id.ini" "$m" 2>&1)
	jeq "audit: after apply.cmd, check on regedit /E and reg export says compliant" "$?|$(head -1 <<<"$out")" \
		"0|$(basename "$m"): compliant ($(jq '.operations | length' "$WORK/$id.json") values)"
	wine_cmd "$s" rollback.cmd
	jrc "audit: rollback.cmd exits 0" 0
	exports
	out=$("$TLSGPO" check --json "$srcdir/policies/$id.ini" "$m" 2>&1)
	jeq "audit: after rollback.cmd, check --json says drift (exit 1), the values missing" \
		"$?|$(jq -r '.machines[0].status' <<<"$out")|$(jq '[.machines[0].values[] | select(.state == "missing")] | length > 20' <<<"$out")" "1|drift|true"
	rm -rf "$m"
}

# REG_SZ (Functions), REG_MULTI_SZ (EccCurves) and SCHANNEL key names with
# '/' and blanks (Ciphers\RC4 128/128), on tests/wine-crypto.ini: a prior
# state of other strings and types; apply.cmd, read back by reg query
# value by value, with Ciphers' subkeys; detect.cmd, compliant and then
# after a text value changed; rollback.cmd, every value and key as
# before; regedit /S of reg\apply.reg gives what apply.cmd wrote, and of
# reg\rollback.reg deletes it. About 40 CPU-s: every key of the policy
# costs reg.exe runs in each script, so the policy is small and the
# values are read back with two reg query /s.
# crypto_want JSON: each value as reg query shows it once applied.
crypto_want() {
	jq -r '.operations[] | .type + "\t" + (if .type == "REG_DWORD" then (.data | tostring)
		elif .type == "REG_MULTI_SZ" then (.data | join("\\0")) else .data end)' "$1" |
		while IFS=$'\t' read -r t d; do
			if [ "$t" = REG_DWORD ]; then printf '%s 0x%x\n' "$t" "$d"; else printf '%s %s\n' "$t" "$d"; fi
		done
}
# crypto_query JSON KEY...: reg query /s of each KEY (64-bit view) into
# $WORK/crypto.q (through a file: a pipe could stay open); then each value of the plan as "TYPE DATA", or absent.
crypto_query() {
	local json=$1 k
	shift
	: > "$WORK/crypto.q"
	for k in "$@"; do
		(cd "$WORK" && timeout 120 wine reg query "$k" /s /reg:64 </dev/null >"$WORK/crypto.raw" 2>&1)
		tr -d '\r' < "$WORK/crypto.raw" >> "$WORK/crypto.q"
	done
	cat "$WORK/crypto.q" >> "$WINE_LOG"
	jq -r '.operations[] | "\(.path)\\\(.value)"' "$json" | awk -v q="$WORK/crypto.q" '
		BEGIN {
			while ((getline l < q) > 0) {
				if (l ~ /^HKEY_/) { key = tolower(l); continue }
				if (l !~ /^    [^ ]/) continue
				sub(/^    /, "", l); i = index(l, "    ")
				name = substr(l, 1, i - 1); rest = substr(l, i + 4); j = index(rest, "    ")
				val[key "\\" tolower(name)] = substr(rest, 1, j - 1) " " substr(rest, j + 4)
			}
		}
		{ v = tolower($0); print (v in val) ? val[v] : "absent" }'
}
# hex7 STRING...: the strings as hex(7) data of a UTF-16 .reg file.
hex7() {
	{ printf '%s\0' "$@"; printf '\0'; } | iconv -f UTF-8 -t UTF-16LE | od -An -v -tx1 | tr -s ' \n' ',' | sed 's/^,//; s/,$//'
}
job_crypto() {
	local s=$WORK/pkg-wine-crypto/scripts json=$WORK/wine-crypto.json n want before applied after got
	local ssl='HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002'
	local sch='HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL'
	n=$(jq '.operations | length' "$json")
	want=$(crypto_want "$json")
	echo "# crypto: seeding a prior state (other suites and curves, Ciphers\\NULL on, Ciphers\\RC4 128/128 a REG_SZ)"
	printf '%s\r\n' 'Windows Registry Editor Version 5.00' '' "[HKEY_LOCAL_MACHINE${ssl#HKLM}]" \
		'"Functions"="TLS_RSA_WITH_AES_256_CBC_SHA,TLS_RSA_WITH_AES_128_CBC_SHA"' \
		"\"EccCurves\"=hex(7):$(hex7 NistP384 curve25519)" '' \
		"[HKEY_LOCAL_MACHINE${sch#HKLM}\\Ciphers\\NULL]" '"Enabled"=dword:00000001' '' \
		"[HKEY_LOCAL_MACHINE${sch#HKLM}\\Ciphers\\RC4 128/128]" '"Enabled"="on 128/128"' |
		{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE; } > "$WORK/crypto-pre.reg"
	wine_regedit "$WORK" crypto-pre.reg
	before=$(wine_state "$json")
	jeq "crypto: the prior state is seeded (4 values present, $((n - 4)) absent)" \
		"$(grep -c '^value .* = absent$' <<<"$before") $(grep -c -e '^value .*Functions = "TLS_RSA_WITH_AES_256_CBC_SHA,' -e '^value .*EccCurves = hex(7):4e,00' \
			-e '^value .*Ciphers\\NULL\\Enabled = dword:00000001$' -e '^value .*RC4 128/128\\Enabled = "on 128/128"$' <<<"$before")" "$((n - 4)) 4"
	echo "# crypto: apply.cmd"
	wine_cmd "$s" apply.cmd
	jeq "crypto: apply.cmd exits 0 and changes all $n values" "$rc $(grep -c '^changed ' <<<"$out")" "0 $n"
	jcheck "...reporting each seeded value's prior type and data" bash -c 'grep -q "^changed .* Functions: REG_SZ TLS_RSA_WITH_AES_256_CBC_SHA,TLS_RSA_WITH_AES_128_CBC_SHA, set to REG_SZ TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256$" <<<"$1" &&
		grep -q "^changed .* EccCurves: REG_MULTI_SZ NistP384.0curve25519, set to REG_MULTI_SZ curve25519.0NistP256$" <<<"$1" &&
		grep -q "^changed .*RC4 128/128 \[shared\] Enabled: REG_SZ on 128/128, set to REG_DWORD 0x00000000$" <<<"$1"' _ "$out"
	got=$(crypto_query "$json" "$sch" "$ssl")
	jeq "crypto: reg query reads back each of the $n values with the planned type and data" "$got" "$want"
	# The plan's cipher keys, each one key ("RC4 128/128", not RC4 128\128).
	jeq "crypto: the keys under Ciphers are the plan's ciphers, 'RC4 128/128' and 'AES 128/128' each one key" \
		"$(sed -n 's/^HKEY_LOCAL_MACHINE.*\\Ciphers\\//p' "$WORK/crypto.q" | sort | paste -sd,)" \
		"$(jq -r '.operations[] | select(.key | test("\\\\Ciphers\\\\")) | .key | sub(".*\\\\Ciphers\\\\"; "")' "$json" | sort | paste -sd,)"
	applied=$got
	echo "# crypto: detect.cmd after apply, and after EccCurves changed"
	wine_cmd "$s" detect.cmd
	jeq "crypto: detect.cmd after apply: compliant (exit 0)" "$rc|$out" "0|detect.cmd: compliant: all $n values match policy Wine crypto (id wine-crypto, version 1.0)"
	reg_do add "$ssl" /v EccCurves /t REG_MULTI_SZ /d 'curve25519' /f /reg:64
	wine_cmd "$s" detect.cmd
	jeq "crypto: EccCurves down to curve25519: detect.cmd exits 1, one value drifts, named" "$rc|$(head -1 <<<"$out" | cut -d' ' -f1-6)|$(tail -n +2 <<<"$out")" \
		"1|detect.cmd: drift: 1 of $n values|wrong value HKLM\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002 [shared] EccCurves: REG_MULTI_SZ curve25519, policy wants REG_MULTI_SZ curve25519\\0NistP256"
	echo "# crypto: rollback.cmd"
	wine_cmd "$s" rollback.cmd
	jrc "crypto: rollback.cmd exits 0" 0
	after=$(wine_state "$json")
	if [ "$after" = "$before" ]; then
		jok "crypto: after rollback every value (type and data) and key is as before ($(wc -l <<<"$before") checked)"
	else
		jnot "crypto: after rollback every value (type and data) and key is as before"
		diff <(echo "$before") <(echo "$after") | head -8 | sed 's/^/#   /'
	fi
	echo "# crypto: reg\\apply.reg and reg\\rollback.reg through regedit /S"
	wine_regedit "$WORK/pkg-wine-crypto/reg" apply.reg
	jeq "crypto: regedit /S reg\\apply.reg: reg query reads back each value as apply.cmd wrote it" "$(crypto_query "$json" "$sch" "$ssl")" "$applied"
	wine_regedit "$WORK/pkg-wine-crypto/reg" rollback.reg
	jeq "crypto: regedit /S reg\\rollback.reg: all $n values absent" "$(crypto_query "$json" "$sch" "$ssl" | sort | uniq -c | sed 's/^ *//')" "$n absent"
}

# ---- Run ------------------------------------------------------------------
printf '[policy]\nid = tls11srv\nname = TLS 1.1 server off\nversion = 1.0\n\n[schannel]\ntls1.1.server = disabled\n' > "$WORK/tls11srv.ini"
printf '[policy]\nid = userscope\nname = User scope\nversion = 1.0\n\n[wininet]\nprotocols = tls1.2\nscope = user\n' > "$WORK/userscope.ini"
printf '[policy]\nid = tls10winhttp\nname = TLS 1.0 for WinHTTP\nversion = 1.0\n\n[winhttp]\nprotocols = tls1.0, tls1.1, tls1.2\nviews = 64\n\n[dotnet]\nsystem-default-tls = on\nframeworks = v2\nviews = 64\n' > "$WORK/tls10winhttp.ini"
cp "$srcdir/tests/many.ini" "$WORK/many.ini"
# pwsh, where it is, for job_interop.
. "$srcdir/tests/ps-lib.sh"
ps_find_pwsh || PWSH=
policies=("$srcdir"/policies/*.ini "$srcdir/tests/hostile/hostile.ini" "$srcdir/tests/wine-small.ini" "$srcdir/tests/wine-crypto.ini" "$WORK/tls11srv.ini" "$WORK/userscope.ini" "$WORK/tls10winhttp.ini" "$WORK/many.ini")
for pol in "${policies[@]}"; do
	id=$(basename "$pol" .ini)
	[ "$id" = hostile ] && id=hostile
	"$TLSGPO" plan --json "$pol" > "$WORK/$id.json" 2>/dev/null
	"$TLSGPO" build "$pol" -o "$WORK/pkg-$id" >/dev/null 2>&1 || not_ok "build $pol"
done
# The small policies stand in for sample policies in job_builds and
# job_builds2: their apply.cmd must have the same table of builds.
for pair in "wine-small office365-tls12" "tls10winhttp legacy-tls10-tls12"; do
	set -- $pair
	if ! diff <(grep '^set "OSR_' "$WORK/pkg-$1/scripts/apply.cmd") <(grep '^set "OSR_' "$WORK/pkg-$2/scripts/apply.cmd") >/dev/null ||
		[ -z "$(grep '^set "OSR_' "$WORK/pkg-$1/scripts/apply.cmd")" ]; then
		not_ok "$1's apply.cmd has the table of Windows builds of $2's"
	fi
done
set --
# The longest jobs first, so that the workers end together. (d) starts
# from the values absent and applies twice.
jobs=(job_acl job_acl2 job_refusals job_builds job_builds2 job_builds3 job_builds4 job_gaps job_concurrent job_race job_ps1backup job_partial job_readonly)
# Scenarios b and c (prior data, prior types) for the three largest
# policies, which hold every kind of value the others do (SCHANNEL, .NET
# and WinHTTP in both views, WinINet; checked below); d for every policy.
# The cipher-suite policies (text values, SCHANNEL's Ciphers keys) are
# alike: one of them gets scenario d, and job_crypto starts from prior
# data of every kind they hold (text, '/' key names).
n=0 text_rt=
for pol in $(for f in "$srcdir"/policies/*.ini; do
		id=$(basename "$f" .ini)
		echo "$(jq '.operations | length' "$WORK/$id.json") $id"
	done | sort -rn | cut -d' ' -f2); do
	if jq -e '[.operations[] | select(.type != "REG_DWORD")] | length > 0' "$WORK/$pol.json" >/dev/null; then
		[ -z "$text_rt" ] && jobs+=("rt $pol d")
		text_rt=$pol
		continue
	fi
	n=$((n + 1))
	if [ "$n" -le 3 ]; then
		jobs+=("rt $pol b" "rt $pol c")
	fi
	jobs+=("rt $pol d")
	# Kinds of value: hive, view, key (the protocol's name left out) and name.
	fam=$(jq -r '.operations[] | "\(.hive):\(.view):\(.key | gsub("(D?TLS|SSL) [0-9.]+"; "*")):\(.value)"' "$WORK/$pol.json" | sort -u)
	if [ "$n" -le 3 ]; then
		big_fams=$(printf '%s\n%s\n' "${big_fams:-}" "$fam" | sed '/^$/d' | sort -u)
	elif [ -n "$(comm -23 <(echo "$fam") <(echo "$big_fams"))" ]; then
		not_ok "rt: $pol has keys the three largest policies lack: give it scenarios b and c too"
	fi
done
jobs+=("job_interop data" "job_interop type" job_denied job_prune job_prune_acl job_detect_cap job_restart job_relative job_detect job_types job_foreign job_subkey job_regfail job_system job_hostile job_audit job_crypto)
# TLSGPO_WINE_ONLY="job_a,rt office365-tls12 d": only these jobs, comma
# separated (for work on one of them).
if [ -n "${TLSGPO_WINE_ONLY:-}" ]; then
	IFS=, read -ra jobs <<<"$TLSGPO_WINE_ONLY"
fi
wine_workers "${TLSGPO_WINE_JOBS:-$(( $(nproc 2>/dev/null || echo 2) + 1 ))}" "${jobs[@]}"
echo "# Wine script tests took $(( $(date +%s) - t0 )) s"
done_testing
