#!/bin/bash
# Registry.pol and LGPO text: Samba's PReg parser reads every generated
# Registry.pol and returns exactly the plan; a Samba-written file of the
# same records is byte for byte ours and decodes the same through
# decode-pol; the LGPO text holds the plan; decode-pol rejects every
# truncation and corruption of a file with FILE:OFFSET: and exit 2.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

have_samba=1
if ! /usr/bin/python3 -c 'import samba.dcerpc.preg' 2>/dev/null; then
	have_samba=0
	why="Samba's python module is not installed (apt-get install python3-samba; run by /usr/bin/python3)"
fi
if ! command -v jq >/dev/null 2>&1; then
	skip "Registry.pol checks" "jq is not installed (apt-get install jq)"
	done_testing
	exit
fi
samba() { /usr/bin/python3 "$srcdir/tests/pol-samba.py" "$@"; }

for pol in "$srcdir"/policies/*.ini "$srcdir/tests/hostile/hostile.ini"; do
	id=$(basename "$pol" .ini)
	pkg=$WORK/$id
	json=$WORK/$id.json
	"$TLSGPO" build "$pol" -o "$pkg" >/dev/null 2>&1
	"$TLSGPO" plan --json "$pol" > "$json" 2>/dev/null
	want=$(jq -c '[.operations[] | select(.hive == "HKLM") |
		{key: (.path | sub("^HKEY_LOCAL_MACHINE\\\\"; "")), value, type, data}]' "$json")
	wantdel=$(jq -c '[.rollback[] | select(.hive == "HKLM") |
		{key: (.path | sub("^HKEY_LOCAL_MACHINE\\\\"; "")), value: ("**del." + .value), type: "REG_SZ", data: " "}]' "$json")
	got=$("$TLSGPO" decode-pol --json "$pkg/gpo/Machine/Registry.pol" | jq -c '[.[] | {key, value, type, data}]')
	check_eq "$id: decode-pol reads Machine/Registry.pol as the plan" "$got" "$want"
	got=$("$TLSGPO" decode-pol --json "$pkg/gpo/rollback/Machine/Registry.pol" | jq -c '[.[] | {key, value, type, data}]')
	check_eq "$id: rollback/Machine/Registry.pol deletes each value (**del., REG_SZ \" \")" "$got" "$wantdel"
	if [ $have_samba = 1 ]; then
		got=$(samba dump "$pkg/gpo/Machine/Registry.pol" | jq -c .)
		check_eq "$id: Samba reads Machine/Registry.pol as the plan, and writes it back the same" "$? $got" "0 $want"
		got=$(samba dump "$pkg/gpo/rollback/Machine/Registry.pol" | jq -c .)
		check_eq "$id: Samba reads the rollback Registry.pol as the plan's deletions" "$? $got" "0 $wantdel"
		samba write "$WORK/samba.pol" <<<"$want"
		check "$id: Samba's own Registry.pol of the plan is byte for byte ours" cmp "$WORK/samba.pol" "$pkg/gpo/Machine/Registry.pol"
		check_eq "$id: ...and decode-pol reads Samba's file the same" \
			"$("$TLSGPO" decode-pol --json "$WORK/samba.pol")" "$("$TLSGPO" decode-pol --json "$pkg/gpo/Machine/Registry.pol")"
	else
		skip "$id: Registry.pol through Samba" "$why"
	fi
	# LGPO text: Computer/User, key, value, then DWORD:<decimal>,
	# SZ:<text>, MULTISZ:<the strings with a literal \0 between> or DELETE.
	lgpo() { tr -d '\r' < "$1" | grep -v '^;' | awk 'BEGIN { RS = ""; FS = "\n" } { print $1 "|" $2 "|" $3 "|" $4 }'; }
	check_eq "$id: lgpo.txt holds the plan" "$(lgpo "$pkg/gpo/lgpo.txt")" \
		"$(jq -r '.operations[] | "\(if .hive == "HKCU" then "User" else "Computer" end)|\(.path | sub("^HKEY_[A-Z_]*\\\\"; ""))|\(.value)|\(
			if .type == "REG_DWORD" then "DWORD:\(.data)"
			elif .type == "REG_SZ" then "SZ:\(.data)"
			elif .type == "REG_MULTI_SZ" then "MULTISZ:\(.data | join("\\0"))"
			else "unexpected type \(.type)" end)"' "$json")"
	check_eq "$id: lgpo-rollback.txt deletes each value" "$(lgpo "$pkg/gpo/lgpo-rollback.txt")" \
		"$(jq -r '.rollback[] | "\(if .hive == "HKCU" then "User" else "Computer" end)|\(.path | sub("^HKEY_[A-Z_]*\\\\"; ""))|\(.value)|DELETE"' "$json")"
done

# A user-scope WinINet policy: its value goes to User/Registry.pol.
printf '[policy]\nid = u\nname = U\nversion = 1.0\n\n[wininet]\nprotocols = tls1.2\nscope = user\n\n[winhttp]\nprotocols = tls1.2\n' > "$WORK/u.ini"
"$TLSGPO" build "$WORK/u.ini" -o "$WORK/u" >/dev/null 2>&1
check_eq "user scope: User/Registry.pol holds the HKCU value" \
	"$("$TLSGPO" decode-pol "$WORK/u/gpo/User/Registry.pol")" \
	"$(printf 'Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\tSecureProtocols\tREG_DWORD\t0x00000800')"
check_eq "user scope: Machine/Registry.pol holds the two WinHTTP values" \
	"$("$TLSGPO" decode-pol "$WORK/u/gpo/Machine/Registry.pol" | wc -l)" 2

# Corruption: every truncation, flipped sizes, wrong header, bad delimiters.
# A file of two records: WinHTTP's value in both views.
printf '[policy]\nid = two\nname = Two records\nversion = 1.0\n\n[winhttp]\nprotocols = tls1.2\n' > "$WORK/two.ini"
"$TLSGPO" build "$WORK/two.ini" -o "$WORK/two" >/dev/null 2>&1
small=$WORK/two/gpo/Machine/Registry.pol
size=$(wc -c < "$small")
full=$("$TLSGPO" decode-pol "$small")
bad_rc=0 bad_msg=0 whole=0
for ((n = 0; n < size; n++)); do
	head -c "$n" "$small" > "$WORK/t.pol"
	"$TLSGPO" decode-pol "$WORK/t.pol" > "$WORK/t.out" 2> "$WORK/t.err"
	rc=$?
	if [ $rc = 0 ]; then
		# Cut at a record boundary: a valid file of the first records.
		k=$(wc -l < "$WORK/t.out")
		[ "$(cat "$WORK/t.out")" = "$(head -n "$k" <<<"$full")" ] && [ "$k" -lt 2 ] ||
			{ bad_rc=$((bad_rc + 1)); echo "# truncated at $n: rc 0 with other records"; }
		whole=$((whole + 1))
		continue
	fi
	[ $rc = 2 ] || { bad_rc=$((bad_rc + 1)); echo "# truncated at $n: rc $rc"; }
	[ "$(wc -l < "$WORK/t.err")" = 1 ] && grep -q "^$WORK/t.pol:[0-9]*: " "$WORK/t.err" || { bad_msg=$((bad_msg + 1)); sed 's/^/#   /' "$WORK/t.err"; }
done
check_eq "decode-pol: cut at the 2 record boundaries (header, first record): valid" "$whole" 2
check_eq "decode-pol: each of the other $((size - 2)) truncations exits 2" "$bad_rc" 0
check_eq "decode-pol: ...with one FILE:OFFSET: line" "$bad_msg" 0

corrupt() {	# DESCRIPTION OFFSET HEXBYTES: patch a copy, expect exit 2 naming the offset
	local desc=$1 off=$2 hex=$3
	cp "$small" "$WORK/c.pol"
	printf "$hex" | dd of="$WORK/c.pol" bs=1 seek="$off" conv=notrunc status=none
	run_tool decode-pol "$WORK/c.pol"
	check_eq "decode-pol: $desc -> exit 2, FILE:OFFSET:" "$rc $(grep -c "^$WORK/c.pol:[0-9]*: " <<<"$err")" "2 1"
}
# The first record: '[' at 8, key, ';', value, ';', type, ';', then size.
key=$(head -1 <<<"$full" | cut -f1)
value=$(head -1 <<<"$full" | cut -f2)
sizeoff=$((8 + 2 + 2 * ${#key} + 2 + 2 + 2 * ${#value} + 2 + 2 + 4 + 2))
check_eq "the first record's size field holds 4" "$(od -An -tu4 -j $sizeoff -N 4 "$small" | tr -d ' ')" 4
corrupt "size 0xFFFFFFFF" $sizeoff '\xff\xff\xff\xff'
corrupt "size 2 for a REG_DWORD" $sizeoff '\x02\x00\x00\x00'
corrupt "size 8 for a REG_DWORD" $sizeoff '\x08\x00\x00\x00'
corrupt "signature PRex" 0 'PRex'
corrupt "version 2" 4 '\x02'
corrupt "'(' for '['" 8 '('
printf 'X' >> "$WORK/odd.pol"; cat "$small" "$WORK/odd.pol" > "$WORK/c.pol"
run_tool decode-pol "$WORK/c.pol"
check_eq "decode-pol: an odd trailing byte -> exit 2 at its offset" "$rc|$err" "2|$WORK/c.pol:$size: truncated: '[' expected"
run_tool decode-pol "$WORK/none.pol"
check_eq "decode-pol: a missing file -> exit 2" "$rc" 2

# Names and strings with control characters (an escape sequence, CR LF,
# BEL, a C1 character): \xHH in the text, so nothing reaches the terminal
# or breaks a line; exact in --json.
python3 - "$WORK/esc.pol" <<'EOF2'
import struct, sys
u = lambda s: (s + '\0').encode('utf-16-le')
c = lambda ch: ch.encode('utf-16-le')
rec = lambda k, v, t, d: c('[') + u(k) + c(';') + u(v) + c(';') + struct.pack('<I', t) + c(';') + struct.pack('<I', len(d)) + c(';') + d + c(']')
open(sys.argv[1], 'wb').write(b'PReg' + struct.pack('<I', 1) +
    rec('Soft\x1b[31mware\r\nX', 'Val\x07\u0085"', 4, struct.pack('<I', 1)) +
    rec('K\\é', 'S', 1, u('a\x1b]0;t\x07b')))
EOF2
run_tool decode-pol "$WORK/esc.pol"
check_eq "decode-pol: control characters in names and strings are shown as \\xHH" "$rc|$out" \
	"0|Soft\\x1B[31mware\\x0D\\x0AX	Val\\x07\\x85\"	REG_DWORD	0x00000001
K\\é	S	REG_SZ	a\\x1B]0;t\\x07b"
if command -v jq >/dev/null 2>&1; then
	check_eq "...and --json has them exactly" "$("$TLSGPO" decode-pol --json "$WORK/esc.pol" | jq -c '[.[0].key, (.[0].value | explode), .[1].key, .[1].data]')" \
		'["Soft\u001b[31mware\r\nX",[86,97,108,7,133,34],"K\\é","a\u001b]0;t\u0007b"]'
else
	skip "decode-pol --json with control characters" "jq is not installed (apt-get install jq)"
fi
# REG_MULTI_SZ and a NUL inside a REG_SZ: in text the strings joined by |
# (no trailing |); in --json a REG_MULTI_SZ is the array of its strings (as
# plan --json gives one: the final empty string is the list's end, an empty
# string inside stays, a list without its final NUL is read the same) and a
# REG_SZ exact (a NUL as \u0000, a literal backslash-u text as itself).
python3 - "$WORK/ms.pol" <<'EOF2'
import struct, sys
c = lambda ch: ch.encode('utf-16-le')
u = lambda s: (s + '\0').encode('utf-16-le')
rec = lambda k, v, t, d: c('[') + u(k) + c(';') + u(v) + c(';') + struct.pack('<I', t) + c(';') + struct.pack('<I', len(d)) + c(';') + d + c(']')
open(sys.argv[1], 'wb').write(b'PReg' + struct.pack('<I', 1) +
    rec('K', 'M', 7, 'a\0b\0\0'.encode('utf-16-le')) + rec('K', 'E', 7, b'\0\0\0\0') +
    rec('K', 'Z', 7, b'\0\0') + rec('K', 'I', 7, 'a\0\0b\0\0'.encode('utf-16-le')) +
    rec('K', 'N', 7, 'a\0b\0'.encode('utf-16-le')) +
    rec('K', 'S', 1, 'a\0b\0'.encode('utf-16-le')) + rec('K', 'L', 1, 'a\\u0000\0'.encode('utf-16-le')))
EOF2
run_tool decode-pol "$WORK/ms.pol"
check_eq "decode-pol: REG_MULTI_SZ's strings joined by |, nothing after the last" "$rc|$(cut -f4 <<<"$out" | tr '\n' ' ')" "0|a|b   a||b a|b a|b a\\u0000 "
if command -v jq >/dev/null 2>&1; then
	check_eq "...and in --json a REG_MULTI_SZ is its strings, a REG_SZ exact" \
		"$("$TLSGPO" decode-pol --json "$WORK/ms.pol" | jq -c '[.[] | [.value, .size, (.data | if type == "string" then explode else . end)]]')" \
		'[["M",10,["a","b"]],["E",4,[""]],["Z",2,[]],["I",12,["a","","b"]],["N",8,["a","b"]],["S",8,[97,0,98]],["L",16,[97,92,117,48,48,48,48]]]'
fi

done_testing
