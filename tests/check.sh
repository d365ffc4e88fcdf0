#!/bin/bash
# tlsgpo check on hand-made exports: every syntax form regedit and reg.exe
# write (UTF-16 with a BOM, REGEDIT4, UTF-8; dword, hex(4), other types,
# continuations, deletions, comments, hive spellings, Wow6432Node, key
# case), coverage (an ancestor exported, nothing exported), machines as
# directories, standard input, Registry.pol, --json read by jq, and damaged
# input: every truncation and a seeded corruption corpus exit 0, 1 or 2
# only, FILE:LINE on 2, the other machines still checked. (Wine's own
# exports are checked in tests/wine.sh.)
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

pol=$WORK/p.ini
cat > "$pol" <<'EOF'
[policy]
id = chk
name = Check
version = 1.0

[winhttp]
protocols = tls1.2

[schannel]
tls1.0.server = disabled
EOF
W='HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'
W32='HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'
S='HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'

# utf16 FILE: UTF-8 text (LF) as regedit writes it: UTF-16LE, BOM, CRLF.
utf16() { { printf '\xff\xfe'; sed 's/$/\r/' | iconv -f UTF-8 -t UTF-16LE; } > "$1"; }
# verdicts MACHINE...: "STATE|VALUE" per line that is not ok, exit status last.
verdicts() {
	local o r
	o=$("$TLSGPO" check "$pol" "$@" 2>"$WORK/err")
	r=$?
	grep '^  ' <<<"$o" | sed 's/^  \([a-z ]*[a-z]\) *HK[^:]*\\\([^\\:]*\):.*/\1|\2/'
	echo "exit $r"
}
# chain KEY: the key lines from KEY's first three levels down to KEY, as
# an export lists a tree (each key after its parent).
chain() {
	local k=$1 p="" part
	local IFS='\'
	for part in $k; do
		p=${p:+$p\\}$part
		case $p in HKEY_LOCAL_MACHINE|HKEY_LOCAL_MACHINE\\SOFTWARE|HKEY_LOCAL_MACHINE\\SYSTEM) continue ;; esac
		[ "$p" = "$k" ] || printf '[%s]\n\n' "$p"
	done
}
good() {	# an export of HKLM\SOFTWARE and HKLM\SYSTEM with the policy's values
	printf '%s\n' "Windows Registry Editor Version 5.00" "" "[HKEY_LOCAL_MACHINE\\SOFTWARE]" ""
	chain "$W"
	printf '%s\n' "[$W]" '"DefaultSecureProtocols"=dword:00000800' ""
	chain "$W32"
	printf '%s\n' "[$W32]" '"DefaultSecureProtocols"=dword:00000800' "" "[HKEY_LOCAL_MACHINE\\SYSTEM]" ""
	chain "$S"
	printf '%s\n' "[$S]" '"Enabled"=dword:00000000' '"DisabledByDefault"=dword:00000001'
}

good | utf16 "$WORK/good.reg"
check_eq "UTF-16 export with the policy's values: compliant" "$(verdicts "$WORK/good.reg")" "exit 0"
check_eq "...one line for the machine" "$("$TLSGPO" check "$pol" "$WORK/good.reg")" "good.reg: compliant (4 values)"
good | sed 's/^Windows Registry Editor Version 5.00$/REGEDIT4/' > "$WORK/v4.reg"
check_eq "REGEDIT4, 8-bit: compliant" "$(verdicts "$WORK/v4.reg")" "exit 0"
{ printf '\xef\xbb\xbf'; good; } > "$WORK/u8.reg"
check_eq "UTF-8 with a BOM: compliant" "$(verdicts "$WORK/u8.reg")" "exit 0"
good | sed 's/\r*$/\r/' > "$WORK/crlf.reg"
check_eq "8-bit with CRLF: compliant" "$(verdicts "$WORK/crlf.reg")" "exit 0"

# Data forms.
form() {	# DESCRIPTION DATA WANT: DefaultSecureProtocols (64-bit) written as DATA
	good | sed "0,/\"DefaultSecureProtocols\"=dword:00000800/s//\"DefaultSecureProtocols\"=$2/" | utf16 "$WORK/f.reg"
	check_eq "$1" "$(verdicts "$WORK/f.reg")" "$3"
}
form "dword: with fewer digits" 'dword:800' "exit 0"
form "hex(4): little-endian bytes" 'hex(4):00,08,00,00' "exit 0"
form "dword: other data: wrong value" 'dword:00000a00' "wrong value|DefaultSecureProtocols
exit 1"
form "a string: wrong type" '"2048"' "wrong type|DefaultSecureProtocols
exit 1"
form "hex(b) (QWORD): wrong type" 'hex(b):00,08,00,00,00,00,00,00' "wrong type|DefaultSecureProtocols
exit 1"
form "hex(4) of 8 bytes: wrong type" 'hex(4):00,08,00,00,00,00,00,00' "wrong type|DefaultSecureProtocols
exit 1"
form "hex(7) continued over lines: wrong type" 'hex(7):41,00,42,00,\\\n  00,00,00,00' "wrong type|DefaultSecureProtocols
exit 1"
form "\"name\"=- deletes it: missing" '-' "missing|DefaultSecureProtocols
exit 1"

good | sed '/^"Enabled"=/d' | utf16 "$WORK/f.reg"
check_eq "a value not in its exported key: missing" "$(verdicts "$WORK/f.reg")" "missing|Enabled
exit 1"
good | sed "s/^\[HKEY_LOCAL_MACHINE\\\\SYSTEM/[-HKEY_LOCAL_MACHINE\\\\SYSTEM/" | utf16 "$WORK/f.reg"
check_eq "[-KEY] deletes the key: its values missing" "$(verdicts "$WORK/f.reg")" "missing|Enabled
missing|DisabledByDefault
exit 1"
good | sed 's/^\[HKEY_LOCAL_MACHINE\\/[HKLM\\/; s/WinHttp\]/WINHTTP]/' | utf16 "$WORK/f.reg"
check_eq "HKLM spelling and another case of the key: compliant" "$(verdicts "$WORK/f.reg")" "exit 0"
good | sed 's/^"DefaultSecureProtocols"/"defaultsecureprotocols"/' | utf16 "$WORK/f.reg"
check_eq "another case of the value name: compliant" "$(verdicts "$WORK/f.reg")" "exit 0"
{ good; printf '%s\n' "; [$W]" '; "DefaultSecureProtocols"=dword:0' "" "[$W\\Sub]" '"DefaultSecureProtocols"=dword:00000001' '"a \"q\" \\ b"="x"'; } | utf16 "$WORK/f.reg"
check_eq "comments, a subkey, escaped names: compliant" "$(verdicts "$WORK/f.reg")" "exit 0"
{ good; printf '%s\n' "" "[$W]" '"DefaultSecureProtocols"=dword:00000200'; } | utf16 "$WORK/f.reg"
check_eq "a key listed twice in one export: unreadable (exit 2)" "$(verdicts "$WORK/f.reg")" "exit 2"
check "...saying where it was first" grep -q "f.reg:[0-9]*: this key was listed already, on line $(good | grep -n -x -F "[$W]" | cut -d: -f1)" "$WORK/err"
{ good; good | sed 's/dword:00000800/dword:00000200/'; } | utf16 "$WORK/f.reg"
check_eq "two exports joined into one file (copy /b): unreadable (a header in the middle could be a key name's)" "$(verdicts "$WORK/f.reg")" "exit 2"
check "...saying to give each as a file" grep -q 'a header line in the middle of the file' "$WORK/err"
{ printf '%s\n' "Windows Registry Editor Version 5.00" "" "[HKEY_LOCAL_MACHINE\\SOFTWARE]" "" "[HKEY_LOCAL_MACHINE\\SOFTWARE\\x]" '"s"="a' "[$W]" '"DefaultSecureProtocols"=dword:00000800' 'b"'; } | utf16 "$WORK/f.reg"
check_eq "a string with line breaks holding key lines: string data, no key forged (missing)" "$(verdicts "$WORK/f.reg")" "missing|DefaultSecureProtocols
missing|DefaultSecureProtocols
not covered|Enabled
not covered|DisabledByDefault
exit 1"
{ printf '%s\n' "Windows Registry Editor Version 5.00" "" "[$W]" '"DefaultSecureProtocols"=dword:00000a00' '"s"="x' "Windows Registry Editor Version 5.00" "[$W]" '"DefaultSecureProtocols"=dword:00000800' '"z"="y"'; } | utf16 "$WORK/f.reg"
check_eq "...nor a header line that would start a new export" "$(verdicts "$WORK/f.reg" | head -1)" "wrong value|DefaultSecureProtocols"
{ printf '%s\n' "Windows Registry Editor Version 5.00" "" "[HKEY_LOCAL_MACHINE\\SOFTWARE]" "" "[$W]" '"DefaultSecureProtocols"=dword:00000800'; } | utf16 "$WORK/f.reg"
check_eq "a key before its parent in a subtree export: unreadable" "$(verdicts "$WORK/f.reg")" "exit 2"
check "...saying so" grep -q 'f.reg:5: this key is not where an export lists it' "$WORK/err"
{ printf '%s\n' "Windows Registry Editor Version 5.00" "" "[HKEY_CLASSES_ROOT]" "" "[HKEY_CURRENT_USER\\Software\\x]" "[$W]" '"DefaultSecureProtocols"=dword:00000800' ';]' ""; } | utf16 "$WORK/f.reg"
check_eq "a key name with line breaks holding a policy key (whole export): unreadable, not compliant" "$(verdicts "$WORK/f.reg")" "exit 2"
{ printf '%s\n' "Windows Registry Editor Version 5.00" "" "[$W]" '"DefaultSecureProtocols"=dword:00000a00' "" "[HKEY_USERS\\S-1-5-21-1-2-3-1001\\Software\\Evil]" '"x' "Windows Registry Editor Version 5.00" "[$W]" ';"="1"' '"DefaultSecureProtocols"=dword:00000800'; } | utf16 "$WORK/f.reg"
check_eq "a value name with line breaks holding a header and a key: name text, nothing forged" "$(verdicts "$WORK/f.reg" | head -1)" "wrong value|DefaultSecureProtocols"
{ good | sed "s/^\"DefaultSecureProtocols\"=dword:00000800\$/&\n\"a\nb\"=hex:01,02,\\\\\n  03/"; } | utf16 "$WORK/f.reg"
check_eq "a value name with a line break and hex data continued, in a policy key: read" "$(verdicts "$WORK/f.reg")" "exit 0"
{ printf 'REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\x]\n"v"="\225\134\134"\n'; } > "$WORK/f.reg"
check_eq "REGEDIT4 with a byte over 0x7F before '\\': unreadable (a double-byte code page's trail byte)" "$(verdicts "$WORK/f.reg")" "exit 2"
check "...saying why" grep -q 'a byte over 0x7F before' "$WORK/err"
{ printf '%s\n' "Windows Registry Editor Version 5.00" "" "[HKEY_CLASSES_ROOT]" "" "[HKEY_CURRENT_USER\\Software\\y]" "[$W\\z]" "[$W]" '"DefaultSecureProtocols"=dword:00000800' ';]' ""; } | utf16 "$WORK/f.reg"
check_eq "a key out of order does not vouch for the next (forged [W\\z] then [W]): unreadable" "$(verdicts "$WORK/f.reg")" "exit 2"
{ good; printf '%s\n' "" "[-HKEY_LOCAL_MACHINE]" ""; } | utf16 "$WORK/f.reg"
check_eq "a line deleting a whole hive: unreadable" "$(verdicts "$WORK/f.reg")" "exit 2"
mkdir -p "$WORK/anc"
good | utf16 "$WORK/anc/1.reg"
printf '%s\n' "Windows Registry Editor Version 5.00" "" "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings]" '"x"=dword:00000001' | utf16 "$WORK/anc/2.reg"
check_eq "a later export of an ancestor without the key: the key is gone" "$(verdicts "$WORK/anc")" "missing|DefaultSecureProtocols
exit 1"
mkdir -p "$WORK/later"
good | utf16 "$WORK/later/1.reg"
printf '%s\n' "Windows Registry Editor Version 5.00" "" "[$W]" '"Other"=dword:00000001' | utf16 "$WORK/later/2.reg"
check_eq "a later export of a key without the value: missing (a key line lists all its values)" "$(verdicts "$WORK/later")" "missing|DefaultSecureProtocols
exit 1"

# Damage regedit never writes.
good | utf16 "$WORK/f.reg"; printf 'X' >> "$WORK/f.reg"
check_eq "UTF-16 of an odd length: unreadable" "$(verdicts "$WORK/f.reg")" "exit 2"
good | utf16 "$WORK/f.reg"; head -c -2 "$WORK/f.reg" > "$WORK/g.reg"
check_eq "the last line without its line end: unreadable" "$(verdicts "$WORK/g.reg")" "exit 2"
good | tr '\n' '\r' > "$WORK/f.reg"
check_eq "lines ending in CR alone: unreadable" "$(verdicts "$WORK/f.reg")" "exit 2"

# Coverage.
printf '%s\n' "Windows Registry Editor Version 5.00" "" "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL]" '"EventLogging"=dword:00000001' "" \
	"[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols]" | utf16 "$WORK/schannel.reg"
check_eq "an export of SCHANNEL without TLS 1.0\\Server: missing; WinHttp not covered" "$(verdicts "$WORK/schannel.reg")" "not covered|DefaultSecureProtocols
not covered|DefaultSecureProtocols
missing|Enabled
missing|DisabledByDefault
exit 1"
"$TLSGPO" check --policy-only "$pol" "$WORK/schannel.reg" >/dev/null 2>&1
check_eq "--policy-only: not covered is not drift, missing still is" "$?" 1
printf '%s\n' "Windows Registry Editor Version 5.00" "" "[$S]" '"Enabled"=dword:00000000' '"DisabledByDefault"=dword:00000001' | utf16 "$WORK/s-only.reg"
"$TLSGPO" check --policy-only "$pol" "$WORK/s-only.reg" >/dev/null 2>&1
check_eq "--policy-only: only covered values, all ok: exit 0" "$?" 0
"$TLSGPO" check "$pol" "$WORK/s-only.reg" >/dev/null 2>&1
check_eq "...without it, not covered counts: exit 1" "$?" 1
printf '%s\n' "Windows Registry Editor Version 5.00" "" "[HKEY_LOCAL_MACHINE]" | utf16 "$WORK/root.reg"
check_eq "an export of the whole hive without the keys: every value missing" "$(verdicts "$WORK/root.reg" | tail -1) $(verdicts "$WORK/root.reg" | grep -c '^missing')" "exit 1 4"

# Users: one user's hive per machine; service accounts are nobody's HKCU.
upol=$WORK/u.ini
printf '[policy]\nid = u\nname = U\nversion = 1.0\n\n[wininet]\nprotocols = tls1.2\nscope = user\n' > "$upol"
IS='Software\Microsoft\Windows\CurrentVersion\Internet Settings'
printf '%s\n' "Windows Registry Editor Version 5.00" "" "[HKEY_USERS\\S-1-5-18\\$IS]" '"SecureProtocols"=dword:00000800' | utf16 "$WORK/sys.reg"
out=$("$TLSGPO" check "$upol" "$WORK/sys.reg" 2>&1)
check_eq "HKCU values in S-1-5-18's hive (SYSTEM): not the user's, not covered" "$?|$out" "1|sys.reg: 0 of 1 values drift, 1 not covered by the export
  not covered HKCU\\$IS\\SecureProtocols: the export does not include its key"
printf '%s\n' "Windows Registry Editor Version 5.00" "" "[HKEY_USERS\\S-1-5-21-1-2-3-1001\\$IS]" '"SecureProtocols"=dword:00000800' | utf16 "$WORK/u1.reg"
check_eq "a user's hive from HKEY_USERS: compliant" "$("$TLSGPO" check "$upol" "$WORK/u1.reg")" "u1.reg: compliant (1 values)"
{ printf '%s\n' "Windows Registry Editor Version 5.00" "" "[HKEY_USERS\\S-1-5-21-1-2-3-1001\\$IS]" '"SecureProtocols"=dword:00000800' "" "[HKEY_USERS\\S-1-5-21-1-2-3-1002\\$IS]" '"SecureProtocols"=dword:000000a0'; } | utf16 "$WORK/u2.reg"
"$TLSGPO" check "$upol" "$WORK/u2.reg" >/dev/null 2>"$WORK/err"
check_eq "two users' hives in one machine: unreadable, naming both" "$?|$(cat "$WORK/err")" "2|$WORK/u2.reg:6: a second user's hive (S-1-5-21-1-2-3-1002, after S-1-5-21-1-2-3-1001): give each user's export as a machine of its own"
# A key under HKEY_USERS whose "SID" holds anything but digits and '-' is
# no user's hive (found by fuzz-check: such text, CR LF and all, went into
# that message and broke it in two lines).
{ printf '%s\n' "Windows Registry Editor Version 5.00" "" "[HKEY_USERS\\S-1-5-21-1-2-3-1001\\$IS]" '"SecureProtocols"=dword:00000800' ""; printf '[HKEY_USERS\\S-1-5-21-1-2-T\r\x1b[1m\\%s]\n' "$IS"; printf '%s\n' '"SecureProtocols"=dword:000000a0'; } | utf16 "$WORK/u4.reg"
out=$("$TLSGPO" check "$upol" "$WORK/u4.reg" 2>&1)
check_eq "a key under HKEY_USERS that is not a SID (control characters in it): not a user's hive, the first user's values count" "$?|$out" "0|u4.reg: compliant (1 values)"

ancestors() {	# ROOT REST: the key lines ROOT\a, ROOT\a\b, ... down to ROOT\REST's parent
	local p=$1 part
	local IFS='\'
	local -a parts
	read -ra parts <<<"$2"
	for part in "${parts[@]:0:${#parts[@]}-1}"; do
		p=$p\\$part
		printf '[%s]\n\n' "$p"
	done
}
{ printf '%s\n' "Windows Registry Editor Version 5.00" "" "[HKEY_CLASSES_ROOT]" "" "[HKEY_CURRENT_USER]" ""
	ancestors HKEY_CURRENT_USER "$IS"
	printf '%s\n' "[HKEY_CURRENT_USER\\$IS]" '"SecureProtocols"=dword:00000800' "" "[HKEY_LOCAL_MACHINE]" "" "[HKEY_USERS]" "" "[HKEY_USERS\\S-1-5-21-1-2-3-1001]" ""
	ancestors 'HKEY_USERS\S-1-5-21-1-2-3-1001' "$IS"
	printf '%s\n' "[HKEY_USERS\\S-1-5-21-1-2-3-1001\\$IS]" '"SecureProtocols"=dword:00000800' "" \
	"[HKEY_USERS\\S-1-5-21-1-2-3-1001_Classes]" "" "[HKEY_USERS\\S-1-5-18]" ""; } | utf16 "$WORK/full.reg"
check_eq "a whole-registry export (HKCU, and the same user under HKEY_USERS): read once, compliant" "$("$TLSGPO" check "$upol" "$WORK/full.reg" 2>&1)" "full.reg: compliant (1 values)"
{ printf '%s\n' "Windows Registry Editor Version 5.00" "" "[HKEY_USERS\\S-1-5-21-1-2-3-1001\\$IS]" '"SecureProtocols"=dword:00000800' "" \
	"[HKEY_USERS\\S-1-5-21-1-2-3-1002\\Software\\Microsoft\\Windows\\CurrentVersion]" '"x"=dword:00000001'; } | utf16 "$WORK/u3.reg"
"$TLSGPO" check "$upol" "$WORK/u3.reg" >/dev/null 2>"$WORK/err"
check_eq "a second user without the key but with its parent: still a second user (exit 2)" "$?" 2

# Machines: a directory merged in name order, standard input, Registry.pol.
mkdir -p "$WORK/fleet/pc1" "$WORK/fleet/pc2" "$WORK/fleet/pc3"
good | utf16 "$WORK/fleet/pc1/a.reg"
printf '%s\n' "Windows Registry Editor Version 5.00" "" "[$W]" '"DefaultSecureProtocols"=dword:00000a00' | utf16 "$WORK/fleet/pc1/b.reg"
good | utf16 "$WORK/fleet/pc2/a.reg"
echo "not a registry file" > "$WORK/fleet/pc3/x.reg"
out=$("$TLSGPO" check "$pol" "$WORK/fleet/pc1" "$WORK/fleet/pc2" "$WORK/fleet/pc3" 2>"$WORK/err")
rc=$?
check_eq "a fleet: the later file of pc1 wins; pc3 unreadable: exit 2" "$rc|$(grep -c '^pc1: 1 of 4 values drift$' <<<"$out")|$(grep -c '^pc2: compliant' <<<"$out")|$(grep -c '^pc3: unreadable' <<<"$out")" "2|1|1|1"
check_eq "...pc3's file named with its line on stderr" "$(cat "$WORK/err")" "$WORK/fleet/pc3/x.reg:1: not a .reg file: the first line is not \"Windows Registry Editor Version 5.00\" or \"REGEDIT4\""
check "...and a fleet summary naming the drifting value" grep -q '^fleet: 3 machines: 1 compliant, 1 drifting, 1 unreadable$' <<<"$out"
check "...with the value that drifts most" grep -q '^ *1 machines  HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp\\DefaultSecureProtocols (64-bit)' <<<"$out"
out=$("$TLSGPO" check "$pol" - < "$WORK/good.reg")
check_eq "standard input" "$?|$out" "0|(stdin): compliant (4 values)"
"$TLSGPO" build "$pol" -o "$WORK/pkg" >/dev/null 2>&1
out=$("$TLSGPO" check "$pol" "$WORK/pkg/gpo")
check_eq "a GPO folder: its Machine\\Registry.pol, compliant" "$?|$out" "0|gpo: compliant (4 values)"
head -c 60 "$WORK/pkg/gpo/Machine/Registry.pol" > "$WORK/cut.pol"
"$TLSGPO" check "$pol" "$WORK/cut.pol" >/dev/null 2>"$WORK/err"
check_eq "a Registry.pol cut short: exit 2, FILE:OFFSET" "$?|$(grep -c "^$WORK/cut.pol:[0-9]*: " "$WORK/err")" "2|1"

# A backup's state.txt: the state before apply, value by value, for this
# plan only, complete only.
planid=$(sed -n 's/^set "TLSGPO_PLAN=\([0-9a-f]*\)".*/\1/p' "$WORK/pkg/scripts/apply.cmd" | tr -d '\r')
mkdir -p "$WORK/bk"
nk=$(sed -n 's/^set "KEY_COUNT=\([0-9]*\)".*/\1/p' "$WORK/pkg/scripts/apply.cmd" | tr -d '\r')
{
	printf '%s\r\n' "# tlsgpo backup of policy chk version 1.0, written by apply.cmd" "format|2|apply.cmd" "computer|PC1" "plan|$planid" \
		"value|1|present|REG_DWORD|0xa00" "value|2|absent" "value|3|present|REG_SZ|0 1" "value|4|present|REG_DWORD|0x1"
	for ((k = 1; k <= nk; k++)); do printf 'key|%d|present\r\n' "$k"; done
	printf 'end|%d\r\n' $((4 + nk))
} > "$WORK/bk/state.txt"
check_eq "a backup's state.txt: its values judged (plan id $planid)" "$(verdicts "$WORK/bk")" "wrong value|DefaultSecureProtocols
missing|DefaultSecureProtocols
wrong type|Enabled
exit 1"
cp "$WORK/bk/state.txt" "$WORK/state.good"
sed -i 's/^end|.*\r$//' "$WORK/bk/state.txt"
"$TLSGPO" check "$pol" "$WORK/bk" >/dev/null 2>"$WORK/err"
check_eq "a state.txt cut short: exit 2" "$?|$(cat "$WORK/err")" "2|$WORK/bk/state.txt:$((10 + nk - 1)): a backup cut short (no \"end\" record)"
grep -v '^value|4|' "$WORK/state.good" | sed "s/^end|.*/end|$((3 + nk))\r/" > "$WORK/bk/state.txt"
"$TLSGPO" check "$pol" "$WORK/bk" >/dev/null 2>"$WORK/err"
check_eq "a state.txt that lacks a value's record (its end count agreeing): exit 2" "$?" 2
printf '%s\r\n' "# tlsgpo backup" "format|2|apply.ps1" "plan|0123456789abcdef" "end|0" > "$WORK/bk/state.txt"
"$TLSGPO" check "$pol" "$WORK/bk" >/dev/null 2>"$WORK/err"
check_eq "another plan's state.txt: exit 2 at its plan line" "$?|$(cat "$WORK/err")" "2|$WORK/bk/state.txt:3: a backup of plan 0123456789abcdef, not of this policy's plan $planid"
printf '%s\r\n' "# tlsgpo backup" "format|2|apply.ps1" $'plan|\e[2J\e]0;pwned!!\a' "end|0" > "$WORK/bk/state.txt"
"$TLSGPO" check "$pol" "$WORK/bk" >/dev/null 2>"$WORK/err"
check_eq "...a plan record that is not an id (escape sequences): not quoted" "$?|$(cat "$WORK/err")" "2|$WORK/bk/state.txt:3: a backup of plan (not an id), not of this policy's plan $planid"

# A file in a machine's folder named with escape sequences, and a .reg that
# quotes an ESC: the messages show them as \xHH (the file name too), once
# in --json as well.
mkdir -p "$WORK/escm"
printf 'junk\n' > "$WORK/escm/$(printf 'a\e]0;OWNED\a').reg"
"$TLSGPO" check "$pol" "$WORK/escm" >/dev/null 2>"$WORK/err"
check_eq "a file named with an escape sequence: unreadable, its name as \\xHH" "$?|$(cat "$WORK/err")" \
	"2|$WORK/escm/a\\x1B]0;OWNED\\x07.reg:1: not a .reg file: the first line is not \"Windows Registry Editor Version 5.00\" or \"REGEDIT4\""
lk=$(good | grep -n -x -F "[$W]" | cut -d: -f1)
good | sed 's/^"DefaultSecureProtocols"=dword:00000800$/"DefaultSecureProtocols"=\x1b[2J/' | head -n "$((lk + 1))" | utf16 "$WORK/escd.reg"
"$TLSGPO" check "$pol" "$WORK/escd.reg" >/dev/null 2>"$WORK/err"
check_eq "an ESC in a .reg's data: quoted as \\x1B" "$?|$(cat "$WORK/err")" "2|$WORK/escd.reg:$((lk + 1)): unknown data '\\x1B[2J'"
if command -v jq >/dev/null 2>&1; then
	check_eq "...and once in --json (not escaped again)" "$("$TLSGPO" check --json "$pol" "$WORK/escd.reg" 2>/dev/null | jq -r '.machines[0].errors[0]')" \
		"$WORK/escd.reg:$((lk + 1)): unknown data '\\x1B[2J'"
else
	skip "check --json of an escaped message" "jq is not installed (apt-get install jq)"
fi

"$TLSGPO" check --policy-only "$pol" "$WORK/root.reg" "$WORK/fleet/pc2" >/dev/null 2>&1
check_eq "--policy-only: a machine whose export covers nothing is not compliant" "$?" 1
printf '%s\n' "Windows Registry Editor Version 5.00" "" "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor]" | utf16 "$WORK/none.reg"
out=$("$TLSGPO" check --policy-only "$pol" "$WORK/none.reg")
check_eq "...and says so" "$?|$out" "1|none.reg: none of the 4 values is covered by the export"
"$TLSGPO" check "$pol" - - < "$WORK/good.reg" >/dev/null 2>&1
check_eq "standard input twice: a usage error" "$?" 2
mkfifo "$WORK/fifo"
timeout 10 "$TLSGPO" check "$pol" "$WORK/fifo" >/dev/null 2>"$WORK/err"
check_eq "a FIFO as a machine: unreadable at once, not a hang" "$?|$(cat "$WORK/err")" "2|$WORK/fifo: not a regular file"
mkdir -p "$WORK/odd
name: compliant (4 values)"
good | utf16 "$WORK/odd
name: compliant (4 values)/a.reg"
printf '%s\n' "Windows Registry Editor Version 5.00" "" "[$W]" | utf16 "$WORK/odd
name: compliant (4 values)/b.reg"
out=$("$TLSGPO" check "$pol" "$WORK/odd
name: compliant (4 values)")
check_eq "a machine name with a line break cannot forge a line" "$(head -1 <<<"$out")" 'odd\x0Aname: compliant (4 values): 1 of 4 values drift'
mkdir -p "$WORK/dvm"
python3 - "$WORK/pkg/gpo/Machine/Registry.pol" "$WORK/dvm/1.pol" <<'EOF2'
import struct, sys
u = lambda s: (s + '\0').encode('utf-16-le')
c = lambda ch: ch.encode('utf-16-le')
rec = (c('[') + u(r'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp') + c(';') +
       u('**delvals.') + c(';') + struct.pack('<I', 1) + c(';') + struct.pack('<I', 4) + c(';') +
       ' '.encode('utf-16-le') + b'\0\0' + c(']'))
open(sys.argv[2], 'wb').write(open(sys.argv[1], 'rb').read() + rec)
EOF2
check_eq "Registry.pol: **delvals. after the value deletes it" "$(verdicts "$WORK/dvm")" "missing|DefaultSecureProtocols
exit 1"
# A Registry.pol of 3 MB, read in parts: the policy's records after
# 3 MB of others; cut inside a record past the first part: FILE:OFFSET.
python3 - "$WORK/pkg/gpo/Machine/Registry.pol" "$WORK/big.pol" <<'EOF2'
import struct, sys
u = lambda s: (s + '\0').encode('utf-16-le')
c = lambda ch: ch.encode('utf-16-le')
pol = open(sys.argv[1], 'rb').read()
out = bytearray(pol[:8])
i = 0
while len(out) < 3 * 1024 * 1024:
    out += (c('[') + u('Software\\Policies\\Vendor%d' % i) + c(';') + u('V%d' % (i % 7)) + c(';') +
            struct.pack('<I', 4) + c(';') + struct.pack('<I', 4) + c(';') + struct.pack('<I', i) + c(']'))
    i += 1
out += pol[8:]
open(sys.argv[2], 'wb').write(out)
EOF2
out=$("$TLSGPO" check "$pol" "$WORK/big.pol")
check_eq "a 3 MB Registry.pol, read in parts: compliant" "$?|$out" "0|big.pol: compliant (4 values)"
head -c 2097201 "$WORK/big.pol" > "$WORK/bigcut.pol"
"$TLSGPO" check "$pol" "$WORK/bigcut.pol" >/dev/null 2>"$WORK/err"
check_eq "...cut at 2 MB: exit 2 with the offset of the cut record" "$?|$(grep -c "^$WORK/bigcut.pol:20[0-9][0-9][0-9][0-9][0-9]: truncated" "$WORK/err")" "2|1"
python3 - "$WORK/pkg/gpo/Machine/Registry.pol" "$WORK/dk.pol" <<'EOF2'
import struct, sys
u = lambda s: (s + '\0').encode('utf-16-le')
c = lambda ch: ch.encode('utf-16-le')
data = u('WinHttp')
rec = (c('[') + u(r'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings') + c(';') + u('**DeleteKeys') + c(';') +
       struct.pack('<I', 1) + c(';') + struct.pack('<I', len(data)) + c(';') + data + c(']'))
open(sys.argv[2], 'wb').write(open(sys.argv[1], 'rb').read() + rec)
EOF2
check_eq "Registry.pol: **DeleteKeys naming the key deletes its values" "$(verdicts "$WORK/dk.pol")" "missing|DefaultSecureProtocols
exit 1"
out=$("$TLSGPO" check "$pol" - < "$WORK/pkg/gpo/Machine/Registry.pol")
check_eq "Registry.pol on standard input" "$?|$out" "0|(stdin): compliant (4 values)"

# --json, read by jq.
if command -v jq >/dev/null 2>&1; then
	"$TLSGPO" check --json "$pol" "$WORK/fleet/pc1" "$WORK/fleet/pc2" "$WORK/fleet/pc3" > "$WORK/c.json" 2>/dev/null
	check_eq "--json: one document jq reads; summary" "$(jq -c '.summary | [.machines, .compliant, .drifting, .unreadable]' "$WORK/c.json")" "[3,1,1,1]"
	check_eq "--json: per value states of pc1" "$(jq -r '.machines[0].values[] | .state' "$WORK/c.json" | sort | uniq -c | tr -s ' ' | tr '\n' ';')" " 3 ok; 1 wrong value;"
	check_eq "--json: the wrong value's data" "$(jq -c '.machines[0].values[] | select(.state == "wrong value") | [.key, .view, .value, .want, .got]' "$WORK/c.json")" \
		'["SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp","64","DefaultSecureProtocols",2048,2560]'
	check_eq "--json: pc3's error" "$(jq -r '.machines[2] | .status + " " + (.errors | length | tostring)' "$WORK/c.json")" "unreadable 1"
	check_eq "--json: the top drifting value" "$(jq -c '.summary.top' "$WORK/c.json")" '[{"value":"HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp\\DefaultSecureProtocols","view":"64","machines":1}]'
else
	skip "check --json" "jq is not installed (apt-get install jq)"
fi

# Errors with their line; the machine stays unreadable, nothing crashes.
bad() {	# DESCRIPTION LINE-PATTERN: the file $WORK/b.reg
	"$TLSGPO" check "$pol" "$WORK/b.reg" >/dev/null 2>"$WORK/err"
	check_eq "$1" "$?|$(grep -c "^$WORK/b.reg:$2" "$WORK/err")" "2|1"
}
lk=$(good | grep -n -x -F "[$W]" | cut -d: -f1)
good | sed 's/dword:00000800/dword:0000080g/' | utf16 "$WORK/b.reg"
bad "a bad dword in a policy key: exit 2 at its line" "$((lk + 1)): dword: wants 1 to 8 hex digits"
good | sed "s/WinHttp\]/WinHttp/" | utf16 "$WORK/b.reg"
bad "a key line without ']': exit 2 at its line" "$lk: a key line without its closing"
good | sed 's/^"DefaultSecureProtocols"=dword:00000800/"DefaultSecureProtocols=dword:00000800/' | utf16 "$WORK/b.reg"
bad "a value name without its closing quote: read as a name with line breaks, then refused" "$((lk + 1)): '=' expected after the value name"
good | sed 's/dword:00000800/dword:000000800/' | utf16 "$WORK/b.reg"
bad "nine digits after dword:" "$((lk + 1)): dword"
printf '' > "$WORK/b.reg"
bad "an empty file" " "

# The reader's buffer starts small and doubles for a long line, up to a
# line of 64 MiB: a line of exactly 64 MiB (without its CR LF) is read, one
# byte (UTF-16: one unit) more is refused at its number, in both encodings.
# (Not tested here: that memory stays near 64 MiB, and that a line coming
# through a pipe in many reads is searched once; measured by hand.)
# The long line is a value in a key of no interest, before the policy's.
longline() {	# UTF16(0/1) BYTES FILE REST [EOL]: the export, that line (ending in
	# EOL, default CR LF) as line 4, REST after
	python3 - "$@" <<'EOF2'
import sys
u16, size, out, rest = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
eol = sys.argv[5] if len(sys.argv) > 5 else '\r\n'
w = 2 if u16 else 1
enc = (lambda t: t.encode('utf-16-le')) if u16 else (lambda t: t.encode())
head = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Big]\r\n'
with open(out, 'wb') as f:
    f.write((b'\xff\xfe' if u16 else b'') + enc(head) + enc('"v"="'))
    f.write(enc('y') * (size // w - 6))
    f.write(enc('"' + eol + '\r\n'))
    f.write(open(rest, 'rb').read())
EOF2
}
M=$((64 * 1024 * 1024))
good | tail -n +2 | sed 's/$/\r/' > "$WORK/rest8"
good | tail -n +2 | sed 's/$/\r/' | iconv -f UTF-8 -t UTF-16LE > "$WORK/rest16"
for u in 0 1; do
	enc=8-bit rest=$WORK/rest8 w=1
	[ "$u" = 1 ] && enc=UTF-16 rest=$WORK/rest16 w=2
	longline "$u" "$M" "$WORK/b.reg" "$rest"
	check_eq "$enc: a line of exactly 64 MiB is read: compliant" "$(verdicts "$WORK/b.reg")" "exit 0"
	longline "$u" "$((M + w))" "$WORK/b.reg" "$rest"
	bad "$enc: a line of 64 MiB and one more character: refused at its number" "4: a line longer than 64 MiB"
	# Ending in LF alone it fits the buffer: refused by its length.
	longline "$u" "$((M + w))" "$WORK/b.reg" "$rest" $'\n'
	bad "$enc: ...and so is that line ending in LF alone" "4: a line longer than 64 MiB"
done
rm -f "$WORK/b.reg"

# A value of 1 MB in 4,700 continued lines, in a key the audit reads (so
# it is parsed, across many buffer ends): compliant; one of its lines
# damaged: refused (at the value's line, as every value error is).
bighex() {	# FILE [DAMAGE]: the export with the value after [$W]
	good | awk -v k="[$W]" -v damage="${2:-}" '
		{ print }
		$0 == k {
			printf "\"h\"=hex:"
			sep = ""
			for (i = 0; i < 350000; i++) {
				printf "%s%02x", sep, i % 256
				sep = ","
				if (damage != "" && i == 175000) printf "zz"
				if (i % 75 == 74) { printf ",\\\n  "; sep = "" }
			}
			print ""
		}' | utf16 "$1"
}
bighex "$WORK/long.reg"
check_eq "a 1 MB hex value in continued lines in a key the audit reads: compliant" "$(verdicts "$WORK/long.reg")" "exit 0"
bighex "$WORK/b.reg" damage
lk=$(good | grep -n -x -F "[$W]" | cut -d: -f1)
bad "...one of its 4,700 lines damaged: refused, at the value's first line" "$((lk + 1)): bad hex bytes"

# A UTF-16 line end (the unit 0A 00) cut between two reads of a pipe: the
# reader waits for its second byte.
good | utf16 "$WORK/good16.reg"
python3 - "$WORK/good16.reg" "[$W]" <<'EOF2' | verdicts - > "$WORK/split.out"
import fcntl, os, sys, termios, time
d = open(sys.argv[1], 'rb').read()
at = d.index(b'\n\x00' + sys.argv[2].encode('utf-16-le'))
os.write(1, d[:at + 1])
# The rest only once the reader has taken all of that out of the pipe.
n = bytearray(4)
for _ in range(1000):
    fcntl.ioctl(1, termios.FIONREAD, n)
    if int.from_bytes(n, 'little') == 0:
        break
    time.sleep(0.01)
else:
    sys.exit('the reader did not read the first part in 10 s')
time.sleep(0.1)
os.write(1, d[at + 1:])
EOF2
check_eq "UTF-16 from a pipe, a line end cut between two reads: compliant" "$(cat "$WORK/split.out")" "exit 0"

# Every truncation of a UTF-16 export, and a seeded corruption corpus: each
# file a machine of its own, so that one run checks them all; every
# unreadable one must name FILE:LINE (or FILE: for no line).
{ good; printf '%s\n' "" "[$W\\x]" '"s"="a\\b"' '"h"=hex:01,02,\' '  03,04' '@="d"'; } | utf16 "$WORK/t.reg"
size=$(wc -c < "$WORK/t.reg")
mkdir -p "$WORK/cuts" "$WORK/corrupt"
for ((n = 0; n < size; n++)); do
	head -c "$n" "$WORK/t.reg" > "$WORK/cuts/$n.reg"
done
python3 - "$WORK/t.reg" "$WORK/corrupt" <<'EOF2'
import random, sys
orig = open(sys.argv[1], 'rb').read()
for seed in range(1, 301):
    data = bytearray(orig)
    rnd = random.Random(seed)
    for _ in range(rnd.randint(1, 8)):
        data[rnd.randrange(len(data))] = rnd.randrange(256)
    open('%s/%d.reg' % (sys.argv[2], seed), 'wb').write(data)
EOF2
damaged() {	# DESCRIPTION DIR COUNT
	local out r
	out=$("$TLSGPO" check "$pol" "$2"/*.reg 2>"$WORK/err")
	r=$?
	check_eq "$1: exit 0, 1 or 2; one line per file; every unreadable one on stderr with FILE:LINE" \
		"$([ "$r" -le 2 ] && echo fine)|$(grep -c '^[0-9]*\.reg: ' <<<"$out")|$(grep -c ': unreadable$' <<<"$out")" \
		"fine|$3|$(grep -c "^$2/[0-9]*\.reg:[0-9]*: \|^$2/[0-9]*\.reg: " "$WORK/err")"
}
damaged "every truncation ($size of them)" "$WORK/cuts" "$size"
damaged "300 corrupted copies" "$WORK/corrupt" 300

done_testing
