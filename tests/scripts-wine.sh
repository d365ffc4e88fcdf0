#!/bin/bash
# The .cmd scripts run by Wine's own cmd.exe and reg.exe, in a fresh prefix
# per scenario, for every sample policy:
#   (a) the values absent; (b) present with other data; (c) present with
#   another type (REG_SZ where the plan wants REG_DWORD); (d) apply run twice.
# Each: record every touched value and key, apply.cmd, detect.cmd exits 0,
# rollback.cmd, and the state equals the recorded one value by value (type
# and data) and key by key. Plus: each script name runs the script and not a
# cmd built-in, apply refuses without elevation and without KB 3140245 or a
# TLS 1.3 capable build, rollback refuses without a backup and /force falls
# back to the static inverse, and hostile policy text is echoed literally.
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
t0=$(date +%s)
if ! wine_setup; then
	not_ok "wineboot made a win64 prefix"
	done_testing
	exit
fi
# Server 2022's build, so that TLS 1.3 policies may apply; the prerequisite
# checks get their own scenarios below.
WINEPREFIX=$WINE_PRISTINE timeout 60 wine reg add 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion' \
	/v CurrentBuildNumber /t REG_SZ /d 20348 /f </dev/null >/dev/null 2>&1
WINEPREFIX=$WINE_PRISTINE wineserver -w
ok "pristine win64 prefix, build 20348 ($(( $(date +%s) - t0 )) s)"

# run_cmd DIR SCRIPT ARGS...: cmd /c in DIR; leaves $out and $rc.
# Wine's output goes to a file, never a pipe: a wineserver or service that
# Wine starts inherits the descriptors, and a pipe would then never close.
run_cmd() {
	local dir=$1 tmp=$WORK/.run.$BASHPID.$RANDOM
	shift
	(cd "$dir" && timeout 300 wine cmd /c "$@" </dev/null >"$tmp" 2>&1)
	rc=$?
	out=$(tr -d '\r' < "$tmp")
	rm -f "$tmp"
}

# Every plan key and its ancestors three or more levels deep, "HIVE\KEY|FLAG".
plan_keys() {
	jq -r '.operations[] | "\(.hive)\\\(.key)|\(if .view == "shared" then "" else "/reg:\(.view)" end)"' "$1" |
	awk -F'|' '{ k = $1; while (split(k, p, "\\") > 3) { print k "|" $2; sub(/\\[^\\]*$/, "", k) } }' | sort -u
}

# state JSON: every plan value ("TYPE DATA" or "absent") and key ("key K present|absent").
state() {
	local q=$WORK/keys.$BASHPID.cmd
	wine_query_plan "$1" operations
	plan_keys "$1" | awk -F'|' 'BEGIN { printf "@echo off\r\n" }
		{ printf "reg query \"%s\" %s >nul 2>&1\r\nif errorlevel 1 (echo key %s absent) else (echo key %s present)\r\n", $1, $2, $1 $2, $1 $2 }' > "$q"
	(cd "$WORK" && timeout 300 wine cmd /c "$(basename "$q")" </dev/null >"$q.out" 2>/dev/null)
	tr -d '\r' < "$q.out"
	rm -f "$q" "$q.out"
}

# prestate JSON KIND: a .reg that sets every plan value to other data
# (KIND=data) or to a REG_SZ (KIND=type).
prestate() {
	printf 'Windows Registry Editor Version 5.00\r\n'
	jq -r --arg kind "$2" '.operations[] | "\(.path)|\(.value)|\(.data)"' "$1" | while IFS='|' read -r path value data; do
		printf '\r\n[%s]\r\n' "$path"
		if [ "$2" = data ]; then
			printf '"%s"=dword:%08x\r\n' "$value" $(( (data + 0x5a5) & 0xffffffff ))
		else
			printf '"%s"="was text %%PATH%% & (%s) ^ !x!"\r\n' "$value" "$data"
		fi
	done
}

# wanted JSON: "REG_DWORD 0x800" per value, as reg.exe prints the plan's data.
wanted() {
	jq -r '.operations[] | .data' "$1" | while read -r d; do printf 'REG_DWORD 0x%x\n' "$d"; done
}

# scenario POLICY LETTER: one round trip; prints TAP lines without numbers.
scenario() {
	local pol=$1 sc=$2 id json pkg before after name n nchange
	id=$(basename "$pol" .ini)
	json=$WORK/$id.json
	pkg=$WORK/pkg-$id-$sc
	"$TLSGPO" build "$pol" -o "$pkg" >/dev/null 2>&1
	export WINEPREFIX=$WORK/wine-$id-$sc
	cp -a "$WINE_PRISTINE" "$WINEPREFIX"
	wineserver -p 30
	name="$id ($sc)"
	case $sc in
	b) prestate "$json" data > "$WORK/pre-$id.reg"; wine_regedit "$WORK" "pre-$id.reg" ;;
	c) prestate "$json" type > "$WORK/pre-$id.reg"; wine_regedit "$WORK" "pre-$id.reg" ;;
	esac
	before=$(state "$json")
	n=$(jq '.operations | length' "$json")
	if [ "$sc" = b ] || [ "$sc" = c ]; then
		[ "$(grep -c '^absent$' <<<"$before")" = 0 ] && echo "ok - $name: every value present before apply" \
			|| echo "not ok - $name: every value present before apply"
		run_cmd "$pkg/scripts" detect.cmd
		[ $rc = 1 ] && [ "$(grep -c '^wrong ' <<<"$out")" = "$n" ] && echo "ok - $name: detect.cmd exits 1, $n values wrong" \
			|| { echo "not ok - $name: detect.cmd exits 1, $n values wrong (rc $rc)"; sed 's/^/#   /' <<<"$out" | head -5; }
	fi
	# A fresh prefix already has some values (SSL 2.0\Client DisabledByDefault=1).
	nchange=$(paste -d'|' <(echo "$before" | head -n "$n") <(wanted "$json") | awk -F'|' '$1 != $2' | wc -l)
	run_cmd "$pkg/scripts" apply.cmd
	[ $rc = 0 ] && [ "$(grep -c '^changed ' <<<"$out")" = "$nchange" ] && echo "ok - $name: apply.cmd exits 0, changes $nchange values" \
		|| { echo "not ok - $name: apply.cmd exits 0, changes $nchange values (rc $rc)"; sed 's/^/#   /' <<<"$out" | tail -5; }
	if [ "$sc" = d ]; then
		run_cmd "$pkg/scripts" apply.cmd
		[ $rc = 0 ] && grep -q 'nothing changed' <<<"$out" && [ "$(grep -c '^unchanged ' <<<"$out")" = "$n" ] \
			&& echo "ok - $name: second apply.cmd changes nothing and says so" \
			|| { echo "not ok - $name: second apply.cmd changes nothing (rc $rc)"; sed 's/^/#   /' <<<"$out" | tail -3; }
		[ "$(ls "$pkg/scripts/backup")" = "$id-$(jq -r .policy.version "$json")-1" ] \
			&& echo "ok - $name: ...and writes no second backup" || echo "not ok - $name: ...and writes no second backup"
	fi
	run_cmd "$pkg/scripts" detect.cmd
	[ $rc = 0 ] && [ "$(grep -c '^ok ' <<<"$out")" = "$n" ] && echo "ok - $name: detect.cmd exits 0 after apply" \
		|| { echo "not ok - $name: detect.cmd exits 0 after apply (rc $rc)"; sed 's/^/#   /' <<<"$out" | grep -v '^#   ok' | head -5; }
	run_cmd "$pkg/scripts" rollback.cmd
	[ $rc = 0 ] && echo "ok - $name: rollback.cmd exits 0" \
		|| { echo "not ok - $name: rollback.cmd exits 0 (rc $rc)"; sed 's/^/#   /' <<<"$out" | tail -5; }
	after=$(state "$json")
	if [ "$after" = "$before" ]; then
		echo "ok - $name: after rollback every value and key is as before ($(wc -l <<<"$before") checked)"
	else
		echo "not ok - $name: after rollback every value and key is as before"
		diff <(echo "$before") <(echo "$after") | head -8 | sed 's/^/#   /'
	fi
	wineserver -k 2>/dev/null
	wineserver -w 2>/dev/null
	rm -rf "$WINEPREFIX" "$pkg"
}

policies=("$srcdir"/policies/*.ini)
for pol in "${policies[@]}"; do
	"$TLSGPO" plan --json "$pol" > "$WORK/$(basename "$pol" .ini).json" 2>/dev/null
done
# Scenarios run side by side, each in its own prefix (Wine mostly waits on
# process start-up, so more than the two cores pays); results in order.
parallel=${TLSGPO_WINE_JOBS:-3}
jobs=()
for pol in "${policies[@]}"; do
	for sc in a b c d; do
		jobs+=("$pol|$sc")
	done
done
for ((i = 0; i < ${#jobs[@]}; i += parallel)); do
	for ((j = i; j < i + parallel && j < ${#jobs[@]}; j++)); do
		( scenario "${jobs[$j]%|*}" "${jobs[$j]#*|}" > "$WORK/result.$j" 2>&1 ) &
	done
	wait
done
for ((j = 0; j < ${#jobs[@]}; j++)); do
	while IFS= read -r line; do
		case $line in
		"ok - "*) ok "${line#ok - }" ;;
		"not ok - "*) not_ok "${line#not ok - }" ;;
		*) echo "$line" ;;
		esac
	done < "$WORK/result.$j"
done

# One more prefix for the refusals, the built-in check and hostile text.
export WINEPREFIX=$WORK/wine-misc
cp -a "$WINE_PRISTINE" "$WINEPREFIX"
wineserver -p 30
office=$WORK/pkg-office
"$TLSGPO" build "$srcdir/policies/office365-tls12.ini" -o "$office" >/dev/null 2>&1
winhttp='HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'

for s in apply detect rollback; do
	run_cmd "$office/scripts" "$s"
	check_eq "typing '$s' runs $s.cmd, not a cmd built-in" "$(head -1 <<<"$out" | cut -d: -f1)" "$s.cmd"
	[ "$s" = apply ] && run_cmd "$office/scripts" rollback.cmd
done
rm -rf "$office/scripts/backup"

WINEDLLOVERRIDES="$WINEDLLOVERRIDES;net.exe=d" run_cmd "$office/scripts" apply.cmd
check_eq "not elevated (net session fails): apply.cmd exits 2" "$rc" 2
check "...saying why" grep -q 'run this script as Administrator' <<<"$out"
check "...and writes nothing" bash -c "! (cd '$WORK' && timeout 60 wine reg query '$winhttp' /v DefaultSecureProtocols </dev/null >/dev/null 2>&1)"
WINEDLLOVERRIDES="$WINEDLLOVERRIDES;net.exe=d" run_cmd "$office/scripts" rollback.cmd /force
check_eq "not elevated: rollback.cmd exits 2" "$rc" 2

wine reg add 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion' /v CurrentBuildNumber /t REG_SZ /d 7601 /f </dev/null >/dev/null 2>&1
run_cmd "$office/scripts" apply.cmd
check_eq "Windows 7 SP1 without KB 3140245: apply.cmd exits 3" "$rc" 3
check "...naming the KB" grep -q 'KB 3140245 is installed' <<<"$out"
check "...and the Easy Fix" grep -q 'MicrosoftEasyFix51044.msi' <<<"$out"
check "...with no backup written" [ ! -e "$office/scripts/backup" ]
run_cmd "$office/scripts" apply.cmd /skipprereq
check_eq "/skipprereq skips the check" "$rc" 0
run_cmd "$office/scripts" rollback.cmd
wine reg add 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages\Package_for_KB3140245~31bf3856ad364e35~amd64~~6.1.1.2' /f </dev/null >/dev/null 2>&1
run_cmd "$office/scripts" apply.cmd
check_eq "Windows 7 SP1 with KB 3140245: apply.cmd exits 0" "$rc" 0
run_cmd "$office/scripts" rollback.cmd
check_eq "...and rollback.cmd exits 0" "$rc" 0

tls13=$WORK/pkg-tls13
"$TLSGPO" build "$srcdir/policies/win11-tls12-tls13.ini" -o "$tls13" >/dev/null 2>&1
wine reg add 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion' /v CurrentBuildNumber /t REG_SZ /d 19045 /f </dev/null >/dev/null 2>&1
run_cmd "$tls13/scripts" apply.cmd
check_eq "TLS 1.3 policy on Windows 10 (build 19045): apply.cmd exits 3" "$rc" 3
check "...saying TLS 1.3 needs build 20348" grep -q 'build 20348' <<<"$out"

run_cmd "$office/scripts" rollback.cmd
check_eq "rollback.cmd without a backup: exits 3" "$rc" 3
check "...and says /force is the way" grep -q '/force deletes' <<<"$out"
wine reg add "$winhttp" /v DefaultSecureProtocols /t REG_DWORD /d 0xa80 /f </dev/null >/dev/null 2>&1
run_cmd "$office/scripts" rollback.cmd /force
check_eq "rollback.cmd /force: exits 0" "$rc" 0
check "...says it uses the static inverse" grep -q 'no backup found: /force deletes the 11 values' <<<"$out"
check "...and deleted the value" bash -c "! (cd '$WORK' && timeout 60 wine reg query '$winhttp' /v DefaultSecureProtocols </dev/null >/dev/null 2>&1)"

hostile=$WORK/pkg-hostile
"$TLSGPO" build "$srcdir/tests/hostile/hostile.ini" -o "$hostile" >/dev/null 2>&1
name=$(sed -n 's/^name *= //p' "$srcdir/tests/hostile/hostile.ini" |
	sed 's/Ünï/<U+00DC>n<U+00EF>/; s/日本/<U+65E5><U+672C>/; s/עברית/<U+05E2><U+05D1><U+05E8><U+05D9><U+05EA>/')
run_cmd "$hostile/scripts" detect.cmd
check_eq "hostile name: cmd prints it literally" "$(head -1 <<<"$out")" "detect.cmd: policy $name (id hostile-strings, version 9.99)"
check "hostile name: nothing else ran (no line starts with INJECTED)" bash -c '! grep -q "^INJECTED" "$1"' _ <(echo "$out")
check "hostile name: no file made by a stray redirection" [ -z "$(cd "$hostile/scripts" && ls | grep -v -e '\.cmd$' -e '\.ps1$')" ]
check_eq "hostile policy: detect.cmd still checks all 4 values" "$rc $(grep -c '^missing ' <<<"$out")" "1 4"

wine_done
echo "# Wine script tests took $(( $(date +%s) - t0 )) s"
done_testing
