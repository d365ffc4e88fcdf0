#!/bin/bash
# The .ps1 scripts run by real PowerShell (pwsh 7, -NoProfile
# -NonInteractive, a fresh process per run, as Intune and ConfigMgr run
# them), with what PowerShell on Linux lacks replaced by tests/ps/fake.ps1
# and fake-reg.ps1, right after the scripts' shared part:
#   modelled: the registry (both views, WOW64's redirection of
#   HKLM\SOFTWARE, value types and .NET's conversions, keys denied, a
#   write that throws), the known folders (ProgramData, LocalAppData under
#   a test folder), the token (administrator, SYSTEM), a folder's security
#   descriptor (an SDDL in a .tlsgpo-test-acl file; Set-Acl removes it);
#   not modelled: Set-Acl's own effect on NTFS, reg.exe export, Get-HotFix.
# Everything else -- the file system, backup folders, numbering, output,
# exit codes -- is PowerShell's own. A scenario (a job) is one pwsh
# -NoProfile -NonInteractive process, each script run in a fresh runspace
# of it (tests/ps/runner.ps1); the round trips start a process per run, as
# an agent does.
#   - Pester scenarios (the version in tests/ps/pester.version) (tests/ps/*.Tests.ps1): other values of every
#     kind, a (Default), a subkey and one-view prior values survive a round
#     trip, for every sample policy, many.ini and hostile.ini; apply twice
#     and rollback twice; an apply cut short by a write that throws; a
#     damaged newer backup; a key rollback may not open;
#   - each round trip's output, line for line (tests/ps/expected/);
#   - every sample policy: apply, detect (compliant), rollback, and the
#     registry is exactly as before, from empty and from other data;
#   - the backup folder check (issue 17): the check's text, as the .cmd
#     scripts hand it to powershell.exe, judges a corpus of SDDLs in
#     Constrained Language mode; a ProgramData\tlsgpo made by someone else
#     with a planted backup: rollback refuses (3) and changes nothing,
#     apply moves it aside and makes it anew, and rollback then restores
#     the true prior state; the same for the policy's own folder.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

. "$srcdir/tests/ps-lib.sh"
if ! ps_find_pwsh; then
	skip "the .ps1 scripts under PowerShell" "pwsh is not installed (dotnet tool install --global PowerShell --version 7.6.10; .ci/run installs it)"
	done_testing
	exit
fi

echo "# pwsh: $("$PWSH" -NoProfile -Command '$PSVersionTable.PSVersion.ToString()' 2>&1)"
policies=$(ls "$srcdir"/policies/*.ini)
for pol in $policies "$srcdir/tests/many.ini" "$srcdir/tests/hostile/hostile.ini"; do
	id=$(basename "$pol" .ini)
	"$TLSGPO" build "$pol" -o "$WORK/pkg-$id" >/dev/null 2>&1 &&
		"$TLSGPO" plan --json "$pol" > "$WORK/$id.json" 2>/dev/null ||
		not_ok "$id: tlsgpo build"
done

# What the Pester scenarios (tests/ps/*.Tests.ps1) read.
base_registry > "$WORK/base-reg.txt"
export TLSGPO_TEST_WORK=$WORK
TLSGPO_TEST_IDS=$(for pol in $policies many hostile; do basename "$pol" .ini; done | tr '\n' ' ')
export TLSGPO_TEST_IDS
pester_version=$(cat "$ps_dir/pester.version")
pester=$HOME/.local/share/powershell/Modules/Pester/$pester_version/Pester.psd1

# ---- Pester scenarios: one pwsh process each, each run a fresh runspace ----
job_pester() {	# NAME: tests/ps/NAME.Tests.ps1
	if [ ! -f "$pester" ]; then
		echo "skip - the Pester scenario $1|Pester $pester_version is not installed (tests/install-deps.sh restores it from NuGet; .ci/run installs it)"
		return
	fi
	local res rc
	res=$(timeout 900 "$PWSH" -NoProfile -NonInteractive -File "$ps_dir/pester.ps1" "$ps_dir/$1.Tests.ps1" 2>&1 </dev/null)
	rc=$?
	printf '%s\n' "$res"
	# Pester killed, crashed or ended by a script's exit: no verdict is a
	# failure, and so is a failing exit with no failed test to show for it.
	if ! grep -q '^ok - \|^not ok - ' <<<"$res" || { [ "$rc" != 0 ] && ! grep -q '^not ok - ' <<<"$res"; }; then
		echo "not ok - the Pester scenario $1 ran to the end (exit $rc)"
		tail -8 <<<"$res" | sed 's/^/#   /'
	fi
}

# ---- Round trips: every sample policy, from empty and from other data ----
# out_is ID START SCRIPT STATE: $out is, line for line, what
# tests/ps/expected/ID-START.SCRIPT.txt says (the state folder as <STATE>):
# no line more, none less. TLSGPO_PS_REGEN=1 writes it instead
# (tests/regen-golden.sh); review the diff before committing it.
out_is() {
	local want=$srcdir/tests/ps/expected/$1-$2.$3.txt got
	got=$(printf '%s\n' "$out" | awk -v st="$4" '{ while ((i = index($0, st)) > 0) $0 = substr($0, 1, i - 1) "<STATE>" substr($0, i + length(st)); print }')
	if [ "${TLSGPO_PS_REGEN:-}" = 1 ]; then
		mkdir -p "${want%/*}"
		printf '%s\n' "$got" > "$want"
	fi
	if printf '%s\n' "$got" | diff -u "$want" - > "$4/out.diff" 2>&1; then
		ok "$1 ($2): $3.ps1 prints what tests/ps/expected/${want##*/} says, line for line"
	else
		not_ok "$1 ($2): $3.ps1 prints what tests/ps/expected/${want##*/} says, line for line"
		head -12 "$4/out.diff" | sed 's/^/#   /'
	fi
}

# out_is fails on a script that prints one line more: office365-tls12's
# apply.ps1 with an extra Write-Output, run from empty.
job_out_is_fails() {
	local st m=$WORK/pkg-mutant res
	rm -rf "$m"
	cp -r "$WORK/pkg-office365-tls12" "$m"
	awk '{ print } /^Write-Output \(.apply\.ps1: policy / { print "Write-Output \x27apply.ps1: hello\x27" }' \
		"$WORK/pkg-office365-tls12/scripts/apply.ps1" > "$m/scripts/apply.ps1"
	check "the mutant apply.ps1 holds the extra line" grep -q -x "Write-Output 'apply.ps1: hello'" "$m/scripts/apply.ps1"
	st=$(new_state out-mutant)
	psrun "$st" "$m/scripts/apply.ps1"
	res=$(ok() { echo "ok $*"; }; not_ok() { echo "not ok $*"; }; out_is office365-tls12 empty apply "$st")
	check_eq "an apply.ps1 that prints one line more: exit 0, and the output check fails, showing that line and no other" \
		"$rc|$(head -1 <<<"$res" | cut -c1-6)|$(grep '^#   [-+][^-+]' <<<"$res")" "0|not ok|#   +apply.ps1: hello"
}

job_rt() {	# ID START
	local id=$1 start=$2 s=$WORK/pkg-$1/scripts st n PS_FRESH_PROCESS=
	# From empty, each script is a process of its own, as an agent starts
	# it; from other data, the three share one (a fresh runspace each).
	[ "$start" = empty ] && PS_FRESH_PROCESS=1
	n=$(jq '.operations | length' "$WORK/$id.json")
	st=$(new_state "$id-$start")
	[ "$start" = data ] && prior_data "$WORK/$id.json" >> "$st/reg.txt"
	psrun "$st" "$s/apply.ps1"
	cp "$st/reg.before.txt" "$st/reg.start"
	check_eq "$id ($start): apply.ps1 exits 0 and changes $n values" \
		"$rc $(grep -c '^changed ' <<<"$out")" "0 $n"
	[ "$rc" = 0 ] || printf '%s\n' "$out" | tail -4 | sed 's/^/#   /'
	out_is "$id" "$start" apply "$st"
	psrun "$st" "$s/detect.ps1"
	check_eq "$id ($start): detect.ps1 exits 0, compliant" "$rc $(head -1 <<<"$out" | cut -d' ' -f2)" "0 compliant:"
	out_is "$id" "$start" detect "$st"
	psrun "$st" "$s/rollback.ps1"
	check_eq "$id ($start): rollback.ps1 exits 0" "$rc" 0
	out_is "$id" "$start" rollback "$st"
	if cmp -s "$st/reg.start" "$st/reg.after.txt"; then
		ok "$id ($start): the registry is exactly as before apply ($(wc -l < "$st/reg.start") lines)"
	else
		not_ok "$id ($start): the registry is exactly as before apply"
		diff "$st/reg.start" "$st/reg.after.txt" | head -8 | sed 's/^/#   /'
	fi
}

# ---- detect.ps1's output: what Intune keeps (issue 17, item 4) -----------
job_detect_cap() {
	local st chars shown more
	st=$(new_state detect-cap)
	psrun "$st" "$WORK/pkg-many/scripts/detect.ps1"
	check_eq "44 values drift: detect.ps1 exits 1, the verdict first" "$rc|$(head -1 <<<"$out")" \
		"1|detect.ps1: drift: 44 of 44 values differ from policy Many values (id many, version 1.0)"
	chars=$(( $(printf '%s\n' "$out" | wc -c) + $(printf '%s\n' "$out" | wc -l) ))
	check "...its output, CR LF counted, is at most 2,000 characters ($chars)" [ "$chars" -le 2000 -a "$chars" -gt 1800 ]
	shown=$(grep -c '^missing ' <<<"$out")
	more=$(tail -1 <<<"$out" | sed -n 's/^\.\.\. and \([0-9]*\) more (detect\.ps1 -Verbose lists every value)$/\1/p')
	check_eq "...then whole lines, and last how many more: together the 44" "$((shown + ${more:-0})) ${more:+yes}" "44 yes"
	psrun "$st" "$WORK/pkg-many/scripts/detect.ps1" '{"Verbose": true}'
	check_eq "detect.ps1 -Verbose: every line, no limit" "$rc $(grep -c '^missing ' <<<"$out")" "1 44"
}

# -SignalRestart: 3010 ("done, restart needed" to ConfigMgr) when values
# changed, 0 when nothing did.
job_restart() {
	local st s=$WORK/pkg-office365-tls12/scripts
	st=$(new_state restart)
	psrun "$st" "$s/apply.ps1" '{"SignalRestart": true}'
	check_eq "apply.ps1 -SignalRestart that changes values: exits 3010" "$rc" 3010
	psrun "$st" "$s/apply.ps1" '{"SignalRestart": true}'
	check_eq "...run again (nothing to change): exits 0" "$rc" 0
	psrun "$st" "$s/rollback.ps1" '{"SignalRestart": true}'
	check_eq "rollback.ps1 -SignalRestart that restores values: exits 3010" "$rc" 3010
	psrun "$st" "$s/rollback.ps1" '{"SignalRestart": true}'
	check_eq "...run again (restored already): exits 0" "$rc" 0
}

# ---- Recovery (issue 17, item 3) -----------------------------------------
winhttp='HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'
bk() { echo "$1/home/ProgramData/tlsgpo/office365-tls12/office365-tls12-1.0-$2"; }

# A backup that cannot be used is named with the reason and never stands
# in the way; -Force, which deleted values nothing had a record of, is gone.
job_invalid() {
	local st s=$WORK/pkg-office365-tls12/scripts
	st=$(new_state invalid)
	psrun "$st" "$s/apply.ps1"
	cp "$st/reg.before.txt" "$st/reg.start"
	psrun "$st" "$s/rollback.ps1"
	psrun "$st" "$s/apply.ps1"
	head -c 300 "$(bk "$st" 2)/state.txt" > "$(bk "$st" 2)/cut" && mv "$(bk "$st" 2)/cut" "$(bk "$st" 2)/state.txt"
	psrun "$st" "$s/rollback.ps1"
	check_eq "backup 1 restored, a later apply's (2) cut short: rollback.ps1 exits 0, restoring 1 again" \
		"$rc $(grep -c -F "restoring the newest usable one again, \"$(bk "$st" 1)\"" <<<"$out")" "0 1"
	check "...naming the cut one and why" grep -q -F "not using \"$(bk "$st" 2)\": it was cut short: no end record" <<<"$out"
	check "...and the registry is as before the first apply" cmp -s "$st/reg.start" "$st/reg.after.txt"
	psrun "$st" "$s/rollback.ps1"
	check_eq "...run again: exit 0, nothing to do" "$rc $(grep -c 'restored already: nothing to do' <<<"$out")" "0 1"
	mkdir -p "$(bk "$st" 3)"
	psrun "$st" "$s/apply.ps1"
	check "an apply stopped before it wrote state.txt leaves a folder the next one passes over (number 4)" \
		grep -q -F "prior state saved in \"$(bk "$st" 4)\"" <<<"$out"
	psrun "$st" "$s/rollback.ps1"
	check_eq "backup 4 usable, 2 and 3 not: rollback.ps1 restores 4, exit 0" \
		"$rc $(grep -c -F "restoring \"$(bk "$st" 4)\"" <<<"$out")" "0 1"
	check "...saying why 3 was passed over" grep -q -F "not using \"$(bk "$st" 3)\": it holds no state.txt" <<<"$out"
	check "...and the registry is as before the first apply" cmp -s "$st/reg.start" "$st/reg.after.txt"
	rm -rf "$(bk "$st" 1)" "$(bk "$st" 4)"
	psrun "$st" "$s/rollback.ps1"
	check_eq "only unusable backups: rollback.ps1 exits 3 and changes nothing" \
		"$rc $(cmp -s "$st/reg.before.txt" "$st/reg.after.txt" && echo same)" "3 same"
	check "...saying the prior data is unknown and naming reg\\rollback.reg, offering no -Force" \
		bash -c 'grep -q "reg.rollback.reg deletes the policy" <<<"$1" && ! grep -q -e "-Force" <<<"$1"' _ "$out"
	psrun "$st" "$s/rollback.ps1" '{"Force": true}'
	check_eq "rollback.ps1 -Force: exit 2, saying it is gone" "$rc $(grep -c -e '-Force is gone' <<<"$out")" "2 1"
}

# MachineGuid, not the name: a rename keeps the backups this computer's.
job_machine() {
	local st s=$WORK/pkg-office365-tls12/scripts
	st=$(new_state machine)
	COMPUTERNAME=OLDNAME psrun "$st" "$s/apply.ps1"
	cp "$st/reg.before.txt" "$st/reg.start"
	check "the backup records the MachineGuid and the name" \
		grep -q -x -e 'machine|6f3c2a1e-0b4d-4c8e-9a7f-2d5e1b3c4a6f.' "$(bk "$st" 1)/state.txt"
	COMPUTERNAME=NEWNAME psrun "$st" "$s/rollback.ps1"
	check_eq "renamed since: rollback.ps1 restores, exit 0, saying the old name" \
		"$rc $(grep -c 'was made when this computer was named OLDNAME' <<<"$out")" "0 1"
	check "...and the registry is as before" cmp -s "$st/reg.start" "$st/reg.after.txt"
	COMPUTERNAME=NEWNAME psrun "$st" "$s/apply.ps1"
	sed -i 's/^machine|.*/machine|0badc0de-0000-4000-8000-000000000000\r/' "$(bk "$st" 2)/state.txt"
	COMPUTERNAME=NEWNAME psrun "$st" "$s/rollback.ps1"
	check_eq "backup 1 restored, 2 made by another MachineGuid under this name: exit 0, 2 passed over with why" \
		"$rc $(grep -c "not using \"$(bk "$st" 2)\": it was made on another computer (NEWNAME, MachineGuid \"0badc0de" <<<"$out")" "0 1"
	rm -rf "$(bk "$st" 1)"
	COMPUTERNAME=NEWNAME psrun "$st" "$s/rollback.ps1"
	check_eq "...only that one: refused, exit 3, nothing changed" \
		"$rc $(grep -c "refusing to restore another computer's state" <<<"$out") $(cmp -s "$st/reg.before.txt" "$st/reg.after.txt" && echo same)" "3 1 same"
}

# Values whose type .NET cannot write back: apply refuses before anything.
job_odd_types() {
	local st s=$WORK/pkg-office365-tls12/scripts t before
	for t in 0 5 6 8; do
		st=$(new_state "odd-$t")
		set_value "$st" "$winhttp" DefaultSecureProtocols "$t" 00080000
		psrun "$st" "$s/apply.ps1"
		check_eq "DefaultSecureProtocols of type $t: apply.ps1 exits 4, nothing changed, no backup" \
			"$rc $(cmp -s "$st/reg.before.txt" "$st/reg.after.txt" && echo same) $(ls "$st/home/ProgramData/tlsgpo/office365-tls12" 2>/dev/null | wc -l)" \
			"4 same 0"
	done
	check "...naming the value and the types" grep -q 'WinHttp \[64-bit\] DefaultSecureProtocols holds a REG_NONE, REG_DWORD_BIG_ENDIAN, REG_LINK or resource list value' <<<"$out"
	# A backup an older apply.ps1 wrote for such a value: refused before
	# anything is written.
	st=$(new_state odd-backup)
	psrun "$st" "$s/apply.ps1"
	sed -i 's/^value|1|absent/value|1|present|REG_NONE|00080000/; 1,/^value|1|/{/^value|1|/a\
raw|1|Unknown|AAgAAA==
}' "$(bk "$st" 1)/state.txt"
	before=$(cat "$st/reg.txt")
	psrun "$st" "$s/rollback.ps1"
	check_eq "a backup holding a value of kind Unknown: rollback.ps1 exits 3, nothing changed" \
		"$rc $([ "$before" = "$(cat "$st/reg.after.txt")" ] && echo same)" "3 same"
	check "...naming it" grep -q 'DefaultSecureProtocols held REG_NONE before apply, which cannot be written back exactly' <<<"$out"
}

# A policy that turns TLS 1.0 off: refused on Server 2008 SP2 without KB
# 4019276 (no TLS would be left) and on 7601 with Remote Desktop on and
# without KB 3080079; nothing is written.
job_prereq_tls10() {
	local st s=$WORK/pkg-server-hardening/scripts
	local pk='HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages'
	local ts='HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server'
	local tsp='HKLM\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
	st=$(new_state prereq-6002 6002)
	psrun "$st" "$s/apply.ps1"
	check_eq "6002 without KB 4019276, TLS 1.0 turned off: apply.ps1 exits 3, nothing changed" \
		"$rc $(cmp -s "$st/reg.before.txt" "$st/reg.after.txt" && echo same)" "3 same"
	check "...saying no TLS would be left" grep -q 'only with KB 4019276, which is not listed, and this policy turns TLS 1.0 off: no TLS would be left' <<<"$out"
	printf 'key\t%s\\Package_for_KB4019276~31bf3856ad364e35~amd64~~6.0.1.2\n' "$pk" >> "$st/reg.txt"
	psrun "$st" "$s/apply.ps1"
	check_eq "...with KB 4019276: exits 0" "$rc" 0
	st=$(new_state prereq-7601 7601)
	set_value "$st" "$ts" fDenyTSConnections 4 00000000
	psrun "$st" "$s/apply.ps1"
	check_eq "7601, Remote Desktop on, without KB 3080079: apply.ps1 exits 3, nothing changed" \
		"$rc $(cmp -s "$st/reg.before.txt" "$st/reg.after.txt" && echo same)" "3 same"
	check "...naming Remote Desktop and the KB" grep -q 'Remote Desktop there needs KB 3080079 and TLS 1.2 for servers on; KB 3080079 is not listed' <<<"$out"
	# TLS 1.0 off for servers and nothing later on: refused on 7601
	# unless the machine has TLS 1.2 on for servers already.
	printf '[policy]\nid = t10only\nname = TLS 1.0 off\nversion = 1.0\n\n[schannel]\ntls1.0.server = disabled\n' > "$WORK/t10only.ini"
	"$TLSGPO" build "$WORK/t10only.ini" -o "$WORK/pkg-t10only" >/dev/null 2>&1
	st=$(new_state prereq-notls 7601)
	psrun "$st" "$WORK/pkg-t10only/scripts/apply.ps1"
	check_eq "7601, a policy that turns TLS 1.0 off for servers and nothing later on: apply.ps1 exits 3, nothing changed" \
		"$rc $(cmp -s "$st/reg.before.txt" "$st/reg.after.txt" && echo same)" "3 same"
	check "...saying servers would be left without TLS" grep -q 'servers would be left without TLS' <<<"$out"
	set_value "$st" 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server' Enabled 4 01000000
	psrun "$st" "$WORK/pkg-t10only/scripts/apply.ps1"
	check_eq "...TLS 1.2 Enabled=1 for servers but still DisabledByDefault: exits 3" "$rc" 3
	set_value "$st" 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server' DisabledByDefault 4 00000000
	psrun "$st" "$WORK/pkg-t10only/scripts/apply.ps1"
	check_eq "...with TLS 1.2 on for servers on the machine (Enabled=1, DisabledByDefault=0): exits 0" "$rc" 0
	st=$(new_state prereq-7601b 7601)
	set_value "$st" "$ts" fDenyTSConnections 4 01000000
	set_value "$st" "$tsp" fDenyTSConnections 4 00000000
	psrun "$st" "$s/apply.ps1"
	check_eq "7601, Remote Desktop off locally but on by Group Policy: exits 3" "$rc" 3
	set_value "$st" "$ts" fDenyTSConnections 4 00000000
	set_value "$st" "$tsp" fDenyTSConnections 4 01000000
	psrun "$st" "$s/apply.ps1"
	check_eq "7601, Remote Desktop on locally but off by Group Policy: exits 0" "$rc" 0
}

# The .NET 3.5 update warning only where .NET 3.5 is installed.
job_net35() {
	local st s=$WORK/pkg-office365-tls12/scripts
	st=$(new_state net35-absent 9600)
	psrun "$st" "$s/apply.ps1"
	check_eq "9600 without .NET 3.5: apply.ps1 exits 0, no .NET 3.5 warning" "$rc $(grep -c 'NET Framework 3.5' <<<"$out")" "0 0"
	st=$(new_state net35-present 9600)
	set_value "$st" 'HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP\v2.0.50727' Install 4 01000000
	psrun "$st" "$s/apply.ps1"
	check_eq "9600 with .NET 3.5: exits 0, warning that it needs KB 3154520 (could not confirm)" \
		"$rc $(grep -c 'only with KB 3154520 or a later .NET update that contains it.*could not confirm' <<<"$out")" "0 1"
}

# A TLS 1.3 policy on a Windows without TLS 1.3: apply refuses, and detect
# says not applicable (exit 0), not drift that Intune would remediate
# forever; on 20348 it is drift as usual.
job_tls13_na() {
	local st s=$WORK/pkg-win11-tls12-tls13/scripts
	st=$(new_state tls13-na 19045)
	psrun "$st" "$s/detect.ps1"
	check_eq "19045, a TLS 1.3 policy, values not applied: detect.ps1 says not applicable, exit 0" \
		"$rc|$(head -1 <<<"$out" | cut -d: -f1-2)" "0|detect.ps1: not applicable"
	st=$(new_state tls13-drift 20348)
	psrun "$st" "$s/detect.ps1"
	check_eq "...on 20348: drift, exit 1" "$rc|$(head -1 <<<"$out" | cut -d: -f1-2)" "1|detect.ps1: drift"
	st=$(new_state tls13-skipped 19045)
	psrun "$st" "$s/apply.ps1" '{"SkipPrerequisiteCheck": true}'
	psrun "$st" "$s/detect.ps1"
	check_eq "...19045 where apply ran with -SkipPrerequisiteCheck: compliant, exit 0" "$rc|$(head -1 <<<"$out" | cut -d: -f1-2)" "0|detect.ps1: compliant"
}

# Which protocols the machine check looks at: only those the policy leaves
# unset (here TLS 1.2: the policy turns TLS 1.1 off too), and only as on
# when DisabledByDefault is 0 and Enabled is not 0.
job_notls_rows() {
	local st d='HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols'
	printf '[policy]\nid = t1011\nname = TLS 1.0 and 1.1 off\nversion = 1.0\n\n[schannel]\ntls1.0.server = disabled\ntls1.1.server = disabled\n' > "$WORK/t1011.ini"
	"$TLSGPO" build "$WORK/t1011.ini" -o "$WORK/pkg-t1011" >/dev/null 2>&1
	check "the OS row of 7601 names TLS 1.2 alone" grep -q "Min = 7601; .*NoTlsLeft = @('TLS 1.2')" "$WORK/pkg-t1011/scripts/apply.ps1"
	st=$(new_state notls-rows 7601)
	set_value "$st" "$d\TLS 1.1\Server" Enabled 4 01000000
	set_value "$st" "$d\TLS 1.1\Server" DisabledByDefault 4 00000000
	psrun "$st" "$WORK/pkg-t1011/scripts/apply.ps1"
	check_eq "TLS 1.1 on for servers, which the policy turns off too: apply.ps1 exits 3" "$rc" 3
	set_value "$st" "$d\TLS 1.2\Server" Enabled 4 00000000
	set_value "$st" "$d\TLS 1.2\Server" DisabledByDefault 4 00000000
	psrun "$st" "$WORK/pkg-t1011/scripts/apply.ps1"
	check_eq "...TLS 1.2 Enabled=0, DisabledByDefault=0: still off, exits 3" "$rc" 3
	set_value "$st" "$d\TLS 1.2\Server" Enabled 4 01000000
	psrun "$st" "$WORK/pkg-t1011/scripts/apply.ps1"
	check_eq "...TLS 1.2 Enabled=1, DisabledByDefault=0: exits 0" "$rc" 0
}

# With -KeepBackups 3, the newest three usable backups stay, and the first
# (the state before the policy, which rollback restores) is never removed.
# Backups 2-8 are copies of the first, so that the three applies after them
# number 9, 10 and 11: the newest are found by number, not as text.
job_prune() {
	local st s=$WORK/pkg-office365-tls12/scripts i n
	st=$(new_state prune)
	psrun "$st" "$s/apply.ps1"
	cp "$st/reg.before.txt" "$st/reg.start"
	for i in 2 3 4 5 6 7 8; do cp -r "$(bk "$st" 1)" "$(bk "$st" "$i")"; done
	for i in 9 10 11; do
		set_value "$st" "$winhttp" DefaultSecureProtocols 4 "$(printf '%02x' "$i")0a0000"
		psrun "$st" "$s/apply.ps1" '{"KeepBackups": 3}'
		[ "$rc" = 0 ] || not_ok "apply.ps1 run $i exits 0 (rc $rc)"
	done
	n=$(ls "$st/home/ProgramData/tlsgpo/office365-tls12" | sort -t- -k4 -n | tr '\n' ' ')
	check_eq "backups 1-8, then 3 applies with -KeepBackups 3: backups 9-11 stay, and 1, which rollback restores" \
		"$n" "office365-tls12-1.0-1 office365-tls12-1.0-9 office365-tls12-1.0-10 office365-tls12-1.0-11 "
	psrun "$st" "$s/rollback.ps1"
	check_eq "...rollback.ps1 restores backup 1, exit 0" "$rc $(grep -c -F "restoring \"$(bk "$st" 1)\"" <<<"$out")" "0 1"
	check "...and the registry is as before the first apply" cmp -s "$st/reg.start" "$st/reg.after.txt"
	psrun "$st" "$s/apply.ps1" '{"KeepBackups": 0}'
	check_eq "-KeepBackups 0: usage, exit 2" "$rc" 2
}

# A key that cannot be read is an error, never "absent".
job_denied() {
	local st s=$WORK/pkg-office365-tls12/scripts
	st=$(new_state denied)
	printf 'key\t%s\ndenied\t%s\n' "$winhttp" "$winhttp" >> "$st/reg.txt"
	psrun "$st" "$s/detect.ps1"
	check_eq "WinHttp key access denied: detect.ps1 exits 6 (an error, not drift)" "$rc" 6
	psrun "$st" "$s/apply.ps1"
	check_eq "...apply.ps1 exits 6 and changes nothing, no backup" \
		"$rc $(cmp -s "$st/reg.before.txt" "$st/reg.after.txt" && echo same) $(ls "$st/home/ProgramData/tlsgpo/office365-tls12" 2>/dev/null | wc -l)" "6 same 0"
}

# ---- REG_SZ, REG_MULTI_SZ and key names with '/' (issue 20) --------------
# wanted_values JSON: each operation's value as the state file holds it
# after apply (a string with its NUL, a list's strings each with theirs and
# a final NUL).
wanted_values() {
	jq -r '.operations[] | "\(.hive)\\\(.key)\t\(.value)\t\(.type)\t\(.data | if type == "array" then join("\u0001") else tostring end)"' "$1" |
	while IFS=$'\t' read -r key value type data; do
		case $type in
		REG_DWORD) printf 'value\t%s\t%s\t4\t%s\n' "$key" "$value" "$(printf '%08x' "$data" | sed 's/\(..\)\(..\)\(..\)\(..\)/\4\3\2\1/')" ;;
		REG_SZ) printf 'value\t%s\t%s\t1\t%s\n' "$key" "$value" "$(hexsz "$data")" ;;
		REG_MULTI_SZ) printf 'value\t%s\t%s\t7\t%s0000\n' "$key" "$value" \
			"$(IFS=$'\001' read -ra p <<<"$data"; for x in "${p[@]}"; do hexsz "$x"; done)" ;;
		esac
	done
}

# tests/ps-crypto.ini: the suite order (REG_SZ), the curves (REG_MULTI_SZ),
# DH bits and the legacy cipher switches, whose keys have '/' and blanks in
# their names. Before: another Functions and EccCurves (non-ASCII, a
# character outside the BMP, a '|'), a cipher key's Enabled of another
# kind and one of other data, the rest absent.
job_crypto() {
	local st s=$WORK/pkg-ps-crypto/scripts n want miss empty fn ec rc4
	local sl='HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002'
	local ci='HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Ciphers'
	"$TLSGPO" build "$srcdir/tests/ps-crypto.ini" -o "$WORK/pkg-ps-crypto" >/dev/null 2>&1 &&
		"$TLSGPO" plan --json "$srcdir/tests/ps-crypto.ini" > "$WORK/ps-crypto.json" ||
		{ not_ok "ps-crypto: tlsgpo build"; return; }
	n=$(jq '.operations | length' "$WORK/ps-crypto.json")
	# The 1-based places in the plan of Functions, EccCurves and RC4 128/128.
	ix() { jq --arg v "$1" --arg k "$2" '[.operations[] | .value == $v and (.key | endswith($k))] | index(true) + 1' "$WORK/ps-crypto.json"; }
	fn=$(ix Functions 00010002) ec=$(ix EccCurves 00010002) rc4=$(ix Enabled 'RC4 128/128')
	check "ps-crypto: the plan has Functions, EccCurves and RC4 128/128 ($fn $ec $rc4)" [ "$fn" -gt 0 -a "$ec" -gt 0 -a "$rc4" -gt 0 ]
	st=$(new_state crypto)
	set_value "$st" "$sl" Functions 1 "$(hexsz 'TLS_RSA_WITH_AES_128_CBC_SHA,Ünï→€𝄞')"
	set_value "$st" "$sl" EccCurves 7 "$(hexsz NistP384)$(hexsz 'ünï 𝄞')$(hexsz 'x|y')0000"
	set_value "$st" "$ci\\AES 128/128" Enabled 4 00000000
	set_value "$st" "$ci\\RC4 128/128" Enabled 1 "$(hexsz 1)"
	psrun "$st" "$s/apply.ps1"
	cp "$st/reg.before.txt" "$st/reg.start"
	check_eq "ps-crypto: apply.ps1 over other data exits 0 and changes all $n values" \
		"$rc $(grep -c '^changed ' <<<"$out")" "0 $n"
	want=$(wanted_values "$WORK/ps-crypto.json")
	miss=$(grep -v -x -F -f "$st/reg.after.txt" <<<"$want")
	check_eq "...every value has the plan's kind and data, byte for byte (REG_SZ, REG_MULTI_SZ, REG_DWORD; $(wc -l <<<"$want") values)" "$miss" ""
	check_eq "...'Ciphers\\AES 128/128' is one key, no 'AES 128' key made" \
		"$(grep -c -x -F "key	$ci\\AES 128/128" "$st/reg.after.txt") $(grep -c -x -F -e "key	$ci\\AES 128" -e "key	$ci\\RC4 128" "$st/reg.after.txt")" "1 0"
	check_eq "...the backup records the old list and the old REG_SZ on the '/' key, rollback.cmd cannot restore them exactly" \
		"$(tr -d '\r' < "$st/home/ProgramData/tlsgpo/ps-crypto/ps-crypto-1.0-1/state.txt" | grep -c -x -F -e "value|$ec|present|REG_MULTI_SZ|NistP384\\0ünï 𝄞\\0x|y" -e "value|$rc4|present|REG_SZ|1" -e "exact|$ec" -e "exact|$fn")" 4
	psrun "$st" "$s/apply.ps1"
	check_eq "...apply.ps1 again: exit 0, nothing to change" "$rc $(grep -c "all $n values already have the policy's data" <<<"$out")" "0 1"
	psrun "$st" "$s/detect.ps1"
	check_eq "...detect.ps1: compliant, exit 0" "$rc $(head -1 <<<"$out" | cut -d' ' -f2)" "0 compliant:"
	set_value "$st" "$sl" EccCurves 7 "$(hexsz curve25519)$(hexsz NistP384)0000"
	psrun "$st" "$s/detect.ps1"
	check_eq "one curve changed: detect.ps1 exits 1, naming it" "$rc|$(sed -n 2p <<<"$out")" \
		"1|wrong value $sl [shared] EccCurves: REG_MULTI_SZ curve25519\\0NistP384, policy wants REG_MULTI_SZ curve25519\\0NistP256"
	set_value "$st" "$sl" EccCurves 7 "$(hexsz curve25519)$(hexsz NistP256)$(hexsz NistP384)0000"
	psrun "$st" "$s/detect.ps1"
	check_eq "a curve more: detect.ps1 exits 1" "$rc $(grep -c '^wrong value .*EccCurves' <<<"$out")" "1 1"
	set_value "$st" "$sl" EccCurves 1 "$(hexsz curve25519)"
	set_value "$st" "$sl" Functions 1 "$(hexsz "$(jq -r ".operations[$((fn - 1))].data" "$WORK/ps-crypto.json" | tr A-Z a-z)")"
	psrun "$st" "$s/detect.ps1"
	check_eq "the curves as a REG_SZ, the suites in lower case: detect.ps1 exits 1, wrong type and wrong value" \
		"$rc $(grep -c '^wrong type  .*EccCurves: REG_SZ curve25519, policy wants REG_MULTI_SZ' <<<"$out") $(grep -c '^wrong value .*Functions: REG_SZ tls_ecdhe' <<<"$out")" "1 1 1"
	psrun "$st" "$s/rollback.ps1"
	check_eq "rollback.ps1 exits 0" "$rc" 0
	if cmp -s "$st/reg.start" "$st/reg.after.txt"; then
		ok "...and the registry is exactly as before apply: kinds, data, the '/' keys ($(wc -l < "$st/reg.start") lines)"
	else
		not_ok "...and the registry is exactly as before apply"
		diff "$st/reg.start" "$st/reg.after.txt" | head -8 | sed 's/^/#   /'
	fi
	# An empty list (one NUL) and a list of one empty string (two): the
	# backup's count tells them apart.
	for empty in 0000:0 00000000:1; do
		st=$(new_state "crypto-empty-${empty#*:}")
		set_value "$st" "$sl" EccCurves 7 "${empty%:*}"
		psrun "$st" "$s/apply.ps1"
		cp "$st/reg.before.txt" "$st/reg.start"
		check_eq "EccCurves of ${empty#*:} empty strings before: apply.ps1 exits 0, the backup counts them" \
			"$rc $(tr -d '\r' < "$st/home/ProgramData/tlsgpo/ps-crypto/ps-crypto-1.0-1/state.txt" | grep -c -x -F -e "raw|$ec|MultiString||${empty#*:}" -e "exact|$ec")" "0 2"
		psrun "$st" "$s/rollback.ps1"
		check_eq "...rollback.ps1 exits 0 and the registry is exactly as before" \
			"$rc $(cmp -s "$st/reg.start" "$st/reg.after.txt" && echo same)" "0 same"
	done
}

# ---- The backup folder check ----------------------------------------------
# The check's text, as apply.cmd hands it to powershell.exe, in Constrained
# Language mode, over the SDDL corpus.
job_corpus() {
	local got want bad
	mkdir -p "$WORK/corpus"
	got=$("$PWSH" -NoProfile -NonInteractive -File "$ps_dir/acl-corpus.ps1" \
		"$WORK/pkg-office365-tls12/scripts/apply.cmd" "$ps_dir/acl-corpus.txt" "$WORK/corpus" 2>&1)
	want=$(grep -v '^#' "$ps_dir/acl-corpus.txt")
	# Each line: the same verdict and SDDL, and a reason that starts as
	# the corpus says.
	bad=$(paste -d'\n' <(printf '%s\n' "$got") <(printf '%s\n' "$want") | awk '
		NR % 2 == 1 { g = $0; next }
		{ split(g, a, "|"); split($0, b, "|")
		  gs = substr(g, length(a[1]) + length(a[2]) + 3); ws = substr($0, length(b[1]) + length(b[2]) + 3)
		  if (a[1] != b[1] || gs != ws || index(a[2], b[2]) != 1) print "got  " g "\nwant " $0 }')
	check_eq "the check, as apply.cmd runs it, in Constrained Language mode: $(grep -c . <<<"$want") SDDLs judged, and why, as the corpus says" \
		"$(grep -c . <<<"$got")|$bad" "$(grep -c . <<<"$want")|"
	check_eq "...the corpus has both verdicts" "$(cut -d'|' -f1 <<<"$want" | sort -u | tr '\n' ' ')" "bad ok "
}

s=$WORK/pkg-office365-tls12/scripts
id=office365-tls12
user_sddl='O:S-1-5-21-1004336348-1177238915-682003330-1001G:S-1-5-21-1004336348-1177238915-682003330-513D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)'
# plant STATE: ProgramData\tlsgpo made by a user, holding a complete backup
# that says the values held other data (a real apply's, over that data).
plant() {
	local st=$1 src=$1-src
	rm -rf "$src"
	mkdir -p "$src/home"
	base_registry > "$src/reg.txt"
	prior_data "$WORK/$id.json" >> "$src/reg.txt"
	psrun "$src" "$s/apply.ps1"
	mkdir -p "$st/home/ProgramData"
	cp -r "$src/home/ProgramData/tlsgpo" "$st/home/ProgramData/"
	printf '%s' "$user_sddl" > "$st/home/ProgramData/tlsgpo/.tlsgpo-test-acl"
}

job_acl_top() {
	local st aside
	st=$(new_state acl-top)
	plant "$st"
	psrun "$st" "$s/rollback.ps1"
	check_eq "ProgramData\\tlsgpo owned by a user, with a planted backup: rollback.ps1 exits 3" "$rc" 3
	check "...naming the folder and its owner" grep -q -F "tlsgpo\": its owner is S-1-5-21-1004336348-1177238915-682003330-1001, not SYSTEM or Administrators." <<<"$out"
	check "...saying none of its backups is used, nothing was changed, and what to do" \
		bash -c 'grep -q "could have put backups under .*: none is used, nothing was changed" <<<"$1" && grep -q "icacls FOLDER /setowner" <<<"$1"' _ "$out"
	check "...and changes nothing" cmp -s "$st/reg.before.txt" "$st/reg.after.txt"
	cp "$st/reg.before.txt" "$st/reg.start"
	psrun "$st" "$s/apply.ps1"
	check_eq "apply.ps1 over it exits 0" "$rc" 0
	aside=$(ls -d "$st/home/ProgramData/tlsgpo.untrusted-"* 2>/dev/null)
	check "...says it moved the folder aside, to a name nobody can take first, and made it anew" \
		bash -c '[[ "$2" =~ /tlsgpo\.untrusted-[0-9]{14}-[0-9a-f]{8}$ ]] && grep -q -F "tlsgpo\" aside to \"$2\": none of its backups is used; made it anew" <<<"$1"' _ "$out" "$aside"
	check "...the planted backup went with it" test -f "$aside/$id/$id-1.0-1/state.txt"
	check_eq "...the new folder holds only this apply's backup, numbered 1" \
		"$(ls "$st/home/ProgramData/tlsgpo/$id")" "$id-1.0-1"
	check "...made under another name, given SYSTEM + Administrators (owner too), then renamed" \
		grep -q -x "set-acl $st/home/ProgramData/tlsgpo.new-[0-9a-f]\{32\}" "$st/acl.log"
	psrun "$st" "$s/rollback.ps1"
	check_eq "rollback.ps1 then exits 0" "$rc" 0
	check "...and the registry is as before apply, not as the planted backup said" cmp -s "$st/reg.start" "$st/reg.after.txt"
}

# The policy's own folder, under a top folder that is fine.
job_acl_root() {
	local st
	st=$(new_state acl-root)
	plant "$st"
	rm "$st/home/ProgramData/tlsgpo/.tlsgpo-test-acl"
	printf '%s' 'O:BAG:SYD:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIID;0x1301bf;;;BU)' > "$st/home/ProgramData/tlsgpo/$id/.tlsgpo-test-acl"
	psrun "$st" "$s/rollback.ps1"
	check_eq "ProgramData\\tlsgpo\\ID that Users may change: rollback.ps1 exits 3" "$rc" 3
	check "...naming the folder and who may change it, by name" grep -q -F "$id\": Users (BU) may change it (access 0x1301bf)." <<<"$out"
	psrun "$st" "$s/apply.ps1"
	check_eq "apply.ps1 over it exits 0" "$rc" 0
	check "...moving that folder aside (not ProgramData\\tlsgpo)" \
		bash -c 'ls -d "$1/$2".untrusted-* >/dev/null 2>&1 && ! ls -d "$1".untrusted-* >/dev/null 2>&1' _ "$st/home/ProgramData/tlsgpo" "$id"
}

# One backup folder that fails: only that one is passed over (it may be
# another run's, being written); apply moves nothing.
job_acl_below() {
	local st
	st=$(new_state acl-below)
	psrun "$st" "$s/apply.ps1"
	cp "$st/reg.before.txt" "$st/reg.start"
	psrun "$st" "$s/rollback.ps1"
	rm -f "$(bk "$st" 1)/restored.txt"*
	mkdir -p "$(bk "$st" 2)"
	cp "$(bk "$st" 1)/state.txt" "$(bk "$st" 2)/state.txt"
	printf '%s' 'O:S-1-5-21-1-2-3-1001G:SYD:AI(A;OICIID;FA;;;SY)' > "$(bk "$st" 1)/.tlsgpo-test-acl"
	psrun "$st" "$s/rollback.ps1"
	check_eq "backup 1 owned by a user, 2 fine: rollback.ps1 restores 2, exit 0" \
		"$rc $(grep -c -F "restoring \"$(bk "$st" 2)\"" <<<"$out")" "0 1"
	check "...naming 1 and why" grep -q -F "not using \"$(bk "$st" 1)\": someone other than SYSTEM and Administrators could have changed it (\"$(bk "$st" 1)\": its owner is S-1-5-21-1-2-3-1001" <<<"$out"
	psrun "$st" "$s/apply.ps1"
	check_eq "...apply.ps1 exits 0 and moves nothing aside" "$rc $(ls -d "$st"/home/ProgramData/tlsgpo*untrusted* 2>/dev/null | wc -l)" "0 0"
	# 1 untrusted and not marked restored, 2 restored, 3 pending: 3 is what
	# rollback restores, so pruning keeps it, not 1 (rollback passes it over).
	rm -f "$(bk "$st" 1)/restored.txt"*
	set_value "$st" "$winhttp" DefaultSecureProtocols 4 "800a0000"
	psrun "$st" "$s/apply.ps1" '{"KeepBackups": 1}'
	check_eq "...then apply.ps1 -KeepBackups 1 keeps 3 (what rollback restores) and the new 4, not untrusted 1" \
		"$rc $(ls "$st/home/ProgramData/tlsgpo/office365-tls12" | sort -t- -k4 -n | tr '\n' ' ')" \
		"0 office365-tls12-1.0-3 office365-tls12-1.0-4 "
}

# Made by an elevated administrator on client Windows, where what an
# administrator makes belongs to that user: the scripts give it all to
# Administrators, so that SYSTEM trusts it later.
job_acl_owner() {
	local st
	st=$(new_state acl-owner)
	TLSGPO_TEST_OWNER=S-1-5-21-1004336348-1177238915-682003330-1104 psrun "$st" "$s/apply.ps1"
	cp "$st/reg.before.txt" "$st/reg.start"
	check_eq "apply.ps1 by an administrator whose account owns what it makes: exits 0" "$rc" 0
	check "...the backup folder and its files given to Administrators" \
		bash -c 'grep -q "^set-owner .*/$2-1.0-1/state.txt$" "$1" && grep -q "^set-owner .*/\.new-[0-9a-f]*$" "$1"' _ "$st/acl.log" "$id"
	TLSGPO_TEST_OWNER=S-1-5-21-1004336348-1177238915-682003330-1104 psrun "$st" "$s/rollback.ps1"
	check_eq "...rollback.ps1 (by SYSTEM or that administrator) trusts it: exit 0" "$rc" 0
	check "...and the registry is as before" cmp -s "$st/reg.start" "$st/reg.after.txt"
}

# Not a folder at ProgramData\tlsgpo: a file, a link.
job_acl_notdir() {
	local st
	st=$(new_state acl-file)
	mkdir -p "$st/home/ProgramData"
	echo x > "$st/home/ProgramData/tlsgpo"
	psrun "$st" "$s/apply.ps1"
	check_eq "a file at ProgramData\\tlsgpo: apply.ps1 moves it aside and exits 0" \
		"$rc $(grep -c 'tlsgpo": it is a file, not a folder' <<<"$out") $(ls "$st"/home/ProgramData | grep -c '^tlsgpo.untrusted-')" "0 1 1"
	st=$(new_state acl-link)
	plant "$st"
	rm "$st/home/ProgramData/tlsgpo/.tlsgpo-test-acl"
	mv "$st/home/ProgramData/tlsgpo" "$st/home/planted"
	ln -s "$st/home/planted" "$st/home/ProgramData/tlsgpo"
	psrun "$st" "$s/rollback.ps1"
	check_eq "a link at ProgramData\\tlsgpo to a tree that looks fine: rollback.ps1 exits 3" \
		"$rc $(grep -c 'tlsgpo": it is a link (a junction or symbolic link), not a folder of its own' <<<"$out")" "3 1"
	psrun "$st" "$s/apply.ps1"
	check_eq "...apply.ps1 moves the link aside (not what it points to) and exits 0" \
		"$rc $(ls -d "$st"/home/ProgramData/tlsgpo.untrusted-* | wc -l) $([ -L "$(ls -d "$st"/home/ProgramData/tlsgpo.untrusted-*)" ] && echo link) $(ls "$st/home/planted" | wc -l)" "0 1 link 1"
}

# No ProgramData\tlsgpo when rollback starts: nothing is read, not even a
# folder made a moment later.
job_acl_absent() {
	local st
	st=$(new_state acl-absent)
	psrun "$st" "$s/rollback.ps1"
	check_eq "no ProgramData\\tlsgpo: rollback.ps1 exits 3, saying so, reading no folder" \
		"$rc $(grep -c 'tlsgpo" does not exist. Nothing was changed.' <<<"$out") $(cat "$st/acl.log" 2>/dev/null | wc -l)" "3 1 0"
}

# An item gone while the check reads it (another run's work folder): passed
# over, nothing moved.
job_acl_vanish() {
	local st
	st=$(new_state acl-vanish)
	psrun "$st" "$s/apply.ps1"
	reg_drift "$st"
	TLSGPO_TEST_PHANTOM=.new-0123456789abcdef0123456789abcdef psrun "$st" "$s/apply.ps1"
	check_eq "a work folder that vanishes during the check: apply.ps1 exits 0, moves nothing aside" \
		"$rc $(ls -d "$st"/home/ProgramData/tlsgpo*untrusted* 2>/dev/null | wc -l)" "0 0"
}

# Two first runs at once: the other makes ProgramData\tlsgpo (and this
# policy's folder) while this one does; this one uses the other's.
job_acl_race() {
	local st
	st=$(new_state acl-race)
	TLSGPO_TEST_RACE=1 psrun "$st" "$s/apply.ps1"
	check_eq "another run makes the backup folders first: apply.ps1 exits 0, with a complete backup" \
		"$rc $(tail -1 "$(bk "$st" 1)/state.txt" 2>/dev/null | cut -d'|' -f1)" "0 end"
	check_eq "...and leaves no work folder behind" "$(ls -a "$st"/home/ProgramData "$st"/home/ProgramData/tlsgpo 2>/dev/null | grep -c '\.new-')" 0
}

# The check applies to ProgramData only: -BackupDir is trusted as given.
job_acl_custom() {
	local st
	st=$(new_state acl-custom)
	psrun "$st" "$s/apply.ps1" "{\"BackupDir\": \"$st/mine\"}"
	check_eq "-BackupDir: apply.ps1 exits 0 and reads no folder's ACL (a log of $(wc -l < "$st/acl.log") lines)" \
		"$rc $(wc -l < "$st/acl.log")" "0 0"
}

# ---- Run: the jobs, two or more at a time, their lines in list order -----
# A job prints "ok - ..." / "not ok - ..." lines; they are numbered here.
run_jobs() {	# N JOB...
	local n=$1 i=0 j line
	shift
	for j in "$@"; do
		(
			ok() { echo "ok - $*"; }
			not_ok() { echo "not ok - $*"; }
			t0=$(date +%s)
			$j
			echo "# $j: $(( $(date +%s) - t0 )) s"
		) > "$WORK/job.$i.tap" 2>&1 &
		i=$((i + 1))
		while [ "$(jobs -rp | wc -l)" -ge "$n" ]; do wait -n; done
	done
	wait
	for ((j = 0; j < i; j++)); do
		while IFS= read -r line; do
			case $line in
			"ok - "*) ok "${line#ok - }" ;;
			"not ok - "*) not_ok "${line#not ok - }" ;;
			"skip - "*) line=${line#skip - }; skip "${line%%|*}" "${line#*|}" ;;
			*) echo "$line" ;;
			esac
		done < "$WORK/job.$j.tap"
	done
}

t0=$(date +%s)
jobs_list=("job_pester survive" "job_pester recover" "job_pester kinds" job_out_is_fails job_acl_top job_acl_root job_acl_below job_acl_owner job_acl_notdir job_acl_absent job_acl_vanish job_acl_race job_acl_custom job_corpus job_detect_cap job_restart job_invalid job_machine job_odd_types job_prune job_denied job_prereq_tls10 job_tls13_na job_net35 job_notls_rows job_crypto)
for pol in $policies; do
	for start in empty data; do
		jobs_list+=("job_rt $(basename "$pol" .ini) $start")
	done
done
# TLSGPO_PS_ONLY="job_a,job_rt office365-tls12 data": only these jobs.
if [ -n "${TLSGPO_PS_ONLY:-}" ]; then
	IFS=, read -ra jobs_list <<<"$TLSGPO_PS_ONLY"
fi
run_jobs "${TLSGPO_PS_JOBS:-$(( $(nproc 2>/dev/null || echo 2) + 1 ))}" "${jobs_list[@]}"
echo "# PowerShell script tests took $(( $(date +%s) - t0 )) s"
done_testing
