#!/bin/bash
# REG_SZ and REG_MULTI_SZ (the cipher-suite order's Functions, the curves'
# EccCurves) through the GPO backup and the audit readers, on
# tests/crypto-small.ini ([gpo] mode policy, and both: the Policies-key
# values as Preferences items too): Samba reads the backup's registry.pol;
# xmllint reads Registry.xml (GPMC's REG_MULTI_SZ form, '/' in SCHANNEL key
# names) and gpreport.xml; validate passes the backups and refuses each
# altered text; decode-pol shows the text; check finds a regedit-style
# export compliant (as written, and wrapped otherwise by hand) and reports
# a changed Functions string and a changed EccCurves element as drift, in
# text and in JSON that python3 -m json.tool reads.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

small=$srcdir/tests/crypto-small.ini
both=$WORK/crypto-both.ini
sed 's/^id = crypto-small$/id = crypto-both/' "$small" > "$both"
printf '\n[gpo]\nmode = both\n' >> "$both"
FN='TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'
SSL='SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002'
SC='SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL'

for id in crypto-small crypto-both; do
	pol=$small
	[ $id = crypto-both ] && pol=$both
	"$TLSGPO" build -o "$WORK/$id" "$pol" >/dev/null 2>&1
	check "$id: builds" test -d "$WORK/$id/gpo/backup"
done
bdir() { ls -d "$WORK/$1/gpo/backup/{"*; }
B=$(bdir crypto-both)
M=$B/DomainSysvol/GPO/Machine
RX=$M/Preferences/Registry/Registry.xml

# --- Samba reads registry.pol (and writes back what it read, byte for byte)
if /usr/bin/python3 -c 'import samba.dcerpc.preg' 2>/dev/null; then
	for id in crypto-small crypto-both; do
		f=$(bdir $id)/DomainSysvol/GPO/Machine/registry.pol
		got=$(/usr/bin/python3 "$srcdir/tests/pol-samba.py" dump "$f")
		check_eq "$id: Samba reads registry.pol; its REG_SZ Functions is the order" \
		    "$(jq -r '.[] | select(.value == "Functions") | .type + "|" + .data' <<<"$got")" "REG_SZ|$FN"
		check_eq "$id: ...its REG_MULTI_SZ EccCurves the curves, one string each" \
		    "$(jq -c '.[] | select(.value == "EccCurves") | [.type, .data]' <<<"$got")" '["REG_MULTI_SZ",["curve25519","NistP256"]]'
		check_eq "$id: ...and as many records as tlsgpo decode-pol reads" \
		    "$(jq length <<<"$got")" "$("$TLSGPO" decode-pol --json "$f" | jq length)"
	done
else
	skip "Samba reads registry.pol" "Samba's python module is not installed (python3-samba; /usr/bin/python3)"
fi

# --- Registry.xml and gpreport.xml through xmllint
if command -v xmllint >/dev/null 2>&1; then
	x() { xmllint --xpath "$1" "$2" 2>/dev/null; }
	check "Registry.xml is well-formed" xmllint --noout "$RX"
	P='/RegistrySettings/Registry/Properties'
	check_eq "Registry.xml: Functions is a REG_SZ item, value the order" \
	    "$(x "string($P[@name='Functions']/@type)" "$RX")|$(x "string($P[@name='Functions']/@value)" "$RX")|$(x "string($P[@name='Functions']/@key)" "$RX")" \
	    "REG_SZ|$FN|$SSL"
	check_eq "Registry.xml: EccCurves is GPMC's REG_MULTI_SZ: value joined by blanks, one <Value> per string" \
	    "$(x "string($P[@name='EccCurves']/@type)" "$RX")|$(x "string($P[@name='EccCurves']/@value)" "$RX")|$(x "count($P[@name='EccCurves']/Values/Value)" "$RX")|$(x "string($P[@name='EccCurves']/Values/Value[1])" "$RX")|$(x "string($P[@name='EccCurves']/Values/Value[2])" "$RX")" \
	    "REG_MULTI_SZ|curve25519 NistP256|2|curve25519|NistP256"
	check_eq "Registry.xml: a cipher key with '/' and blanks is one key name, REG_DWORD 0xFFFFFFFF" \
	    "$(x "string($P[@key='$SC\\Ciphers\\AES 128/128']/@value)" "$RX")|$(x "string($P[@key='$SC\\Ciphers\\AES 128/128']/@type)" "$RX")" \
	    "FFFFFFFF|REG_DWORD"
	check_eq "Registry.xml: the DWORD items keep GPMC's DWORD icon, the text items its string icon" \
	    "$(x "string(/RegistrySettings/Registry[@name='Functions']/@image)" "$RX")|$(x "string(/RegistrySettings/Registry[Properties/@name='ClientMinKeyBitLength'][1]/@image)" "$RX")" \
	    "6|11"
	small_rx=$(bdir crypto-small)/DomainSysvol/GPO/Machine/Preferences/Registry/Registry.xml
	check_eq "mode policy: the Policies-key text values are not Preferences items" \
	    "$(x "count($P[@name='Functions' or @name='EccCurves'])" "$small_rx")" 0
	iconv -f UTF-16LE -t UTF-8 "$B/gpreport.xml" | sed '1s/^\xef\xbb\xbf//; 1s/utf-16/utf-8/' > "$WORK/report.xml"
	check "gpreport.xml is well-formed" xmllint --noout "$WORK/report.xml"
	check_eq "gpreport.xml: registry.pol's Functions and EccCurves as Strings, the EccCurves item's <Values>" \
	    "$(grep -c "<q[0-9]*:String>$FN</q[0-9]*:String>" "$WORK/report.xml")|$(grep -c '<q[0-9]*:String>curve25519 NistP256</q[0-9]*:String>' "$WORK/report.xml")|$(grep -c '<q[0-9]*:Value>curve25519</q[0-9]*:Value>' "$WORK/report.xml")" \
	    "1|1|1"
else
	skip "Registry.xml and gpreport.xml through xmllint" "xmllint is not installed"
fi

# --- validate: passes, and refuses every altered text
for id in crypto-small crypto-both; do
	pol=$small
	[ $id = crypto-both ] && pol=$both
	run_tool validate "$WORK/$id"
	check_eq "$id: validate passes the package" "$rc|$err" "0|"
	run_tool validate --policy "$pol" "$WORK/$id/gpo/backup"
	check_eq "$id: validate --policy passes the backup" "$rc|$err" "0|"
done
fresh() { rm -rf "$WORK/bad"; cp -r "$WORK/crypto-both" "$WORK/bad"; BB=$(ls -d "$WORK/bad/gpo/backup/{"*); }
# u16sub FILE FROM TO: replaces a UTF-16LE string once.
u16sub() {
	python3 - "$@" <<'EOF'
import sys
p, a, b = sys.argv[1], sys.argv[2].encode('utf-16-le'), sys.argv[3].encode('utf-16-le')
d = open(p, 'rb').read()
assert d.count(a) == 1, a
open(p, 'wb').write(d.replace(a, b))
EOF
}
fresh
u16sub "$BB/DomainSysvol/GPO/Machine/registry.pol" AES_128_GCM_SHA256 AES_128_CBC_SHA256
run_tool validate --policy "$both" "$WORK/bad/gpo/backup"
check_eq "registry.pol with another Functions: validate --policy fails, showing both texts" \
    "$rc|$(grep -c "registry.pol:0: registry.pol lacks .*Functions=REG_SZ:\"$FN\"" <<<"$err")|$(grep -c 'registry.pol:[0-9]*: registry.pol holds .*Functions=REG_SZ:"[^"]*AES_128_CBC_SHA256", which the policy' <<<"$err")" "1|1|1"
run_tool validate "$WORK/bad"
check_eq "...and validate of the package fails: the backup is not gpo/Machine/Registry.pol" \
    "$rc|$(grep -c 'Functions=REG_SZ:"[^"]*AES_128_CBC_SHA256", which gpo/Machine/Registry.pol does not' <<<"$err")" "1|1"
fresh
u16sub "$BB/DomainSysvol/GPO/Machine/registry.pol" NistP256 NistP384
run_tool validate --policy "$both" "$WORK/bad/gpo/backup"
check_eq "registry.pol with another curve: validate --policy fails" \
    "$rc|$(grep -c 'registry.pol holds .*EccCurves=REG_MULTI_SZ:"curve25519", "NistP384"' <<<"$err")" "1|1"
fresh
RXB=$BB/DomainSysvol/GPO/Machine/Preferences/Registry/Registry.xml
sed -i 's|<Value>NistP256</Value>|<Value>NistP384</Value>|; s|value="curve25519 NistP256"|value="curve25519 NistP384"|' "$RXB"
run_tool validate --policy "$both" "$WORK/bad/gpo/backup"
check_eq "Registry.xml with another curve: validate --policy fails" \
    "$rc|$(grep -c 'Registry.xml:[0-9]*: Registry.xml holds .*EccCurves=REG_MULTI_SZ:"curve25519", "NistP384", which the policy' <<<"$err")" "1|1"
run_tool validate "$WORK/bad"
check_eq "...and so does validate of the package" "$rc|$(grep -c 'EccCurves=REG_MULTI_SZ:"curve25519", "NistP384", which gpo/Machine/Registry.pol does not' <<<"$err")" "1|1"
fresh
sed -i 's|<Value>NistP256</Value>|<Value>NistP384</Value>|' "$RXB"
run_tool validate "$WORK/bad"
check_eq "Registry.xml whose <Values> and value disagree: refused, saying so" \
    "$rc|$(grep -c 'Registry.xml:[0-9]*: item EccCurves: value="curve25519 NistP256" is not its <Values> joined by blanks' <<<"$err")" "1|1"
fresh
sed -i "s|value=\"$FN\"|value=\"${FN%,*}\"|" "$RXB"
run_tool validate --policy "$both" "$WORK/bad/gpo/backup"
check_eq "Registry.xml with a suite less in Functions: validate --policy fails" \
    "$rc|$(grep -c "Registry.xml lacks .*Functions=REG_SZ:\"$FN\"" <<<"$err")" "1|1"

# --- decode-pol shows the text
run_tool decode-pol "$M/registry.pol"
check_eq "decode-pol: Functions' text, EccCurves' strings" \
    "$(grep -P '\tFunctions\t|\tEccCurves\t' <<<"$out" | cut -f2-)" "Functions	REG_SZ	$FN
EccCurves	REG_MULTI_SZ	curve25519|NistP256"
run_tool decode-pol --json "$M/registry.pol"
check "decode-pol --json is JSON" bash -c 'python3 -m json.tool >/dev/null' <<<"$out"
check_eq "decode-pol --json: Functions a string, EccCurves an array of its strings (as plan --json has them)" \
    "$(python3 -c 'import json, sys; print(json.dumps([[r["type"], r["data"]] for r in json.load(sys.stdin) if r["value"] in ("Functions", "EccCurves")]))' <<<"$out")" \
    "[[\"REG_SZ\", \"$FN\"], [\"REG_MULTI_SZ\", [\"curve25519\", \"NistP256\"]]]"

# --- check: regedit-style exports of the plan's keys
# export SRC DEST [WRAP]: apply.reg as regedit exports HKLM\SOFTWARE and
# HKLM\SYSTEM (every key after its parent, siblings sorted, UTF-16LE with
# a BOM, CRLF); WRAP n: hex data re-wrapped n bytes a line (0: one line).
export_reg() {
	python3 - "$@" <<'EOF'
import sys
src, dest = sys.argv[1], sys.argv[2]
wrap = int(sys.argv[3]) if len(sys.argv) > 3 else None
text = open(src, 'rb').read().decode('utf-16').replace('\r\n', '\n')
keys, cur, logical = {}, None, ''
for line in text.split('\n'):
    if logical:
        logical += line.strip()
    elif line.startswith('['):
        cur = line[1:-1]
        keys.setdefault(cur, [])
        continue
    elif cur is not None and line and not line.startswith(';'):
        logical = line
    if logical.endswith('\\'):
        logical = logical[:-1]
        continue
    if logical:
        keys[cur].append(logical)
        logical = ''
def wrapped(v):
    if wrap is None or '=hex' not in v:
        return v
    head, data = v.split(':', 1)
    b = data.split(',')
    if wrap == 0:
        return head + ':' + ','.join(b)
    rows = [','.join(b[i:i + wrap]) for i in range(0, len(b), wrap)]
    return head + ':' + (',\\\n' + ' ' * (wrap % 5 + 1)).join(rows)
allk = set()
for k in keys:
    parts = k.split('\\')
    for i in range(2, len(parts) + 1):
        allk.add('\\'.join(parts[:i]))
out = ['Windows Registry Editor Version 5.00', '']
for k in sorted(allk, key=lambda k: [p.lower() for p in k.split('\\')]):
    out += ['[%s]' % k] + [wrapped(v) for v in keys.get(k, [])] + ['']
open(dest, 'wb').write(b'\xff\xfe' + '\r\n'.join(out).replace('\n', '\r\n').replace('\r\r', '\r').encode('utf-16-le') + b'\r\x00\n\x00')
EOF
}
A=$WORK/crypto-small/reg/apply.reg
nv=$("$TLSGPO" plan --json "$small" 2>/dev/null | jq '.operations | length')
check "check: the plan has values to compare ($nv)" [ "${nv:-0}" -gt 20 ]
export_reg "$A" "$WORK/good.reg"
run_tool check "$small" "$WORK/good.reg"
check_eq "check: an export equal to the plan is compliant" "$rc|$out" "0|good.reg: compliant ($nv values)"
run_tool check --verbose "$small" "$WORK/good.reg"
check_eq "...and --verbose shows the text as the plan has it" \
    "$(grep -E 'Functions|EccCurves' <<<"$out" | sed 's/^  ok *HKLM\\[^:]*\\//')" "Functions: \"$FN\"
EccCurves: \"curve25519\", \"NistP256\""
for w in 0 1 7; do
	export_reg "$A" "$WORK/wrap$w.reg" $w
	run_tool check "$small" "$WORK/wrap$w.reg"
	check_eq "check: hex(7) wrapped $w bytes a line (0: one line) is the same data: compliant" "$rc|$out" "0|wrap$w.reg: compliant ($nv values)"
done
check "...(the wrapped exports do differ from the first)" bash -c "! cmp -s '$WORK/good.reg' '$WORK/wrap7.reg'"
# A change to the text of an export (UTF-16LE, so through python).
changed() { cp "$WORK/good.reg" "$WORK/$1"; u16sub "$WORK/$1" "$2" "$3"; }
changed fn.reg AES_128_GCM_SHA256 AES_128_CBC_SHA256
run_tool check "$small" "$WORK/fn.reg"
check_eq "check: another Functions string is drift, expected and observed text shown" "$rc|$out" \
    "1|fn.reg: 1 of $nv values drift
  wrong value HKLM\\$SSL\\Functions: \"${FN%GCM_SHA256}CBC_SHA256\", policy wants \"$FN\""
changed curve.reg '4e,00,69,00,73,00,74,00,50,00,32,00,35,00,36,00' '4e,00,69,00,73,00,74,00,50,00,33,00,38,00,34,00'
run_tool check "$small" "$WORK/curve.reg"
check_eq "check: another EccCurves element is drift" "$rc|$out" \
    "1|curve.reg: 1 of $nv values drift
  wrong value HKLM\\$SSL\\EccCurves: \"curve25519\", \"NistP384\", policy wants \"curve25519\", \"NistP256\""
changed order.reg '63,00,75,00,72,00,76,00,65,00,32,00,35,00,35,00,31,00,39,00,00,00,4e,00,69,00,73,00,74,00,50,00,32,00,35,00,36,00' '4e,00,69,00,73,00,74,00,50,00,32,00,35,00,36,00,00,00,63,00,75,00,72,00,76,00,65,00,32,00,35,00,35,00,31,00,39,00'
run_tool check "$small" "$WORK/order.reg"
check_eq "check: the same curves in another order are drift" "$rc|$(grep -c 'EccCurves: "NistP256", "curve25519", policy wants' <<<"$out")" "1|1"
changed nonul.reg ',00,00,00,00,00' ',00,00,00'
run_tool check "$small" "$WORK/nonul.reg"
check_eq "check: EccCurves without its final NUL is drift, and says why" "$rc|$(grep -c 'EccCurves: "curve25519", "NistP256" (NULs not as Windows stores them), policy wants' <<<"$out")" "1|1"
changed type.reg '"Functions"="' $'"Functions"=hex(2):41,00,00,00\r\n"Old"="'
run_tool check "$small" "$WORK/type.reg"
check_eq "check: Functions as a REG_EXPAND_SZ is the wrong type" "$rc|$(grep -c "Functions: REG_EXPAND_SZ, policy wants REG_SZ \"$FN\"" <<<"$out")" "1|1"
printf 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\%s]\r\n"Functions"="A\\"B\\\\C"\r\n' "$SSL" | iconv -f UTF-8 -t UTF-16LE | { printf '\xff\xfe'; cat; } > "$WORK/esc.reg"
run_tool check --policy-only "$small" "$WORK/esc.reg"
check_eq "check: a .reg string's escapes read, quotes and backslashes shown as \\xHH" "$rc|$(grep -c 'Functions: "A\\x22B\\x5CC", policy wants' <<<"$out")" "1|1"

run_tool check --json "$small" "$WORK/good.reg" "$WORK/fn.reg" "$WORK/curve.reg"
check "check --json is JSON" bash -c 'python3 -m json.tool >/dev/null' <<<"$out"
check_eq "check --json: the text values' want and got (a string; a list of strings)" \
    "$(jq -c '[.machines[] | .values[] | select(.value == "Functions" or .value == "EccCurves") | [.state, .want, .got]] | .[]' <<<"$out" | sed "s/$FN/FN/g")" \
    '["ok","FN","FN"]
["ok",["curve25519","NistP256"],["curve25519","NistP256"]]
["wrong value","FN",'"\"${FN%GCM_SHA256}CBC_SHA256\""']
["ok",["curve25519","NistP256"],["curve25519","NistP256"]]
["ok","FN","FN"]
["wrong value",["curve25519","NistP256"],["curve25519","NistP384"]]'
check_eq "check --json: a DWORD's want and got stay numbers" \
    "$(jq -c '[.machines[0].values[] | select(.value == "ServerMinKeyBitLength") | [.want, .got]]' <<<"$out")" '[[2048,2048]]'

# Registry.pol: the package's own is compliant; Samba-free text records read.
mkdir -p "$WORK/m/Machine"
cp "$WORK/crypto-small/gpo/Machine/Registry.pol" "$WORK/m/Machine/"
run_tool check "$small" "$WORK/m/Machine/Registry.pol"
check_eq "check: the package's Registry.pol is compliant" "$rc|$out" "0|Registry.pol: compliant ($nv values)"
u16sub "$WORK/m/Machine/Registry.pol" NistP256 NistP384
run_tool check "$small" "$WORK/m/Machine/Registry.pol"
check_eq "check: a Registry.pol with another curve drifts" "$rc|$(grep -c 'EccCurves: "curve25519", "NistP384", policy wants' <<<"$out")" "1|1"

# --- check: a backup's state.txt (what apply.cmd and apply.ps1 record)
# with text values as reg query shows them: a REG_SZ as it is, a
# REG_MULTI_SZ with \0 between its strings.
S=$WORK/crypto-small/scripts/apply.cmd
planid=$(sed -n 's/^set "TLSGPO_PLAN=\([0-9a-f]*\)".*/\1/p' "$S" | tr -d '\r')
nk=$(sed -n 's/^set "KEY_COUNT=\([0-9]*\)".*/\1/p' "$S" | tr -d '\r')
state() {	# DIR [SED]: a complete state.txt holding the plan's data
	mkdir -p "$1"
	{
		printf '%s\r\n' "# tlsgpo backup" "format|2|apply.cmd" "plan|$planid"
		"$TLSGPO" plan --json "$small" 2>/dev/null | jq -r '.operations | to_entries[] |
			"value|\(.key + 1)|present|\(.value.type)|" + (if .value.type == "REG_SZ" then .value.data
			elif .value.type == "REG_MULTI_SZ" then (.value.data | join("\\0"))
			else "0x\(.value.hex[2:] | ascii_downcase)" end) + "\r"' | sed "${2:-}"
		for ((k = 1; k <= nk; k++)); do printf 'key|%d|present\r\n' "$k"; done
		printf 'end|%d\r\n' $((nv + nk))
	} > "$1/state.txt"
}
state "$WORK/bk1"
run_tool check "$small" "$WORK/bk1"
check_eq "check: a state.txt with the plan's text values is compliant" "$rc|$out" "0|bk1: compliant ($nv values)"
state "$WORK/bk2" 's/NistP256\r$/NistP384\r/; s/|REG_SZ|TLS_ECDHE_ECDSA/|REG_SZ|TLS_ECDHE_RSA/'
run_tool check "$small" "$WORK/bk2"
check_eq "check: ...another curve and another suite order in it drift" \
	"$rc|$(grep -c '^ *wrong value .*\(EccCurves\|Functions\)' <<<"$(cd "$WORK" && "$TLSGPO" check --verbose "$small" bk2 2>&1)")" "1|2"

done_testing
