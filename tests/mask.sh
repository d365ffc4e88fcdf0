#!/bin/bash
# mask / decode: the seeds' table row by row, all 64 subsets of the six
# protocols round-tripping through decode, TLS 1.3, unknown bits.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

names=(ssl2 ssl3 tls1.0 tls1.1 tls1.2 tls1.3)
displays=("SSL 2.0" "SSL 3.0" "TLS 1.0" "TLS 1.1" "TLS 1.2" "TLS 1.3")
bits=(0x8 0x20 0x80 0x200 0x800 0x2000)	# KB 3140245; TLS 1.3: WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_3

# The seeds' table (DESIGN.md), typed in here as the oracle.
while read -r want protos; do
	run_tool mask $protos
	check_eq "mask $protos = $want" "$rc $out" "0 $want"
done <<'ROWS'
0x00000A80 tls1.0 tls1.1 tls1.2
0x00000A00 tls1.1 tls1.2
0x00000880 tls1.0 tls1.2
0x00000800 tls1.2
0x00000008 ssl2
0x00000020 ssl3
0x00000080 tls1.0
0x00000200 tls1.1
0x00002000 tls1.3
0x00002800 tls1.2,tls1.3
ROWS

# The same table read out of Microsoft's documents themselves, when
# ../shared/seeds is there: "|TLS 1.0 + 1.1 + 1.2|0x00000A80|".
seeds=${TLSGPO_SHARED:-$srcdir/../shared}/seeds
if [ -d "$seeds" ]; then
	rows=$(grep -h -E '^\|TLS 1[.,][0-9]( \+ 1[.,][0-9])*\|0x[0-9A-F]{8}\|$' "$seeds"/*.txt | sort -u)
	nrows=$(printf '%s\n' "$rows" | grep -c .)
	check "seeds hold the four-row table (found $nrows distinct rows)" [ "$nrows" -ge 4 ]
	while IFS='|' read -r _ combo hex _; do
		protos=$(echo "$combo" | tr ',' '.' | sed -e 's/^TLS //' -e 's/ + / /g' | sed -E 's/([0-9]\.[0-9])/tls\1/g')
		run_tool mask $protos
		check_eq "seeds row '$combo' = $hex" "$out" "$hex"
		run_tool decode "$hex"
		want=$(echo "$protos" | sed -E 's/tls/TLS /g; s/ TLS/ + TLS/g')
		check_eq "decode $hex names '$combo'" "$(echo "$out" | head -1)" "$hex = $want"
	done <<<"$rows"
else
	skip "seeds table read from ../shared/seeds" "../shared is not beside this clone"
fi

# All 64 subsets: mask computed here by shell arithmetic, then decoded back.
bad_mask=0 bad_decode=0
for ((s = 1; s < 64; s++)); do
	list=() want=0 wantnames=()
	for ((i = 0; i < 6; i++)); do
		if ((s & (1 << i))); then
			list+=("${names[$i]}")
			wantnames+=("${displays[$i]}")
			want=$((want | bits[i]))
		fi
	done
	hex=$(printf '0x%08X' "$want")
	run_tool mask "${list[@]}"
	[ "$rc $out" = "0 $hex" ] || { bad_mask=$((bad_mask + 1)); echo "# mask ${list[*]}: $rc $out, want $hex"; }
	run_tool decode "$hex"
	joined=$(printf '%s + ' "${wantnames[@]}")
	joined=${joined% + }
	[ "$rc $(echo "$out" | head -1)" = "0 $hex = $joined" ] || { bad_decode=$((bad_decode + 1)); echo "# decode $hex: $out"; }
	lines=$(echo "$out" | tail -n +2 | awk '{print $2}' | tr '\n' ' ')
	[ "$lines" = "${list[*]} " ] || { bad_decode=$((bad_decode + 1)); echo "# decode $hex bit lines: $lines"; }
done
check_eq "63 non-empty subsets: mask matches shell arithmetic" "$bad_mask" 0
check_eq "63 non-empty subsets: decode names exactly the subset" "$bad_decode" 0
run_tool decode 0
check_eq "decode 0 = no protocols" "$rc $out" "0 0x00000000 = no protocols"

# Input forms.
run_tool decode 2688
check_eq "decode accepts decimal" "$(echo "$out" | head -1)" "0x00000A80 = TLS 1.0 + TLS 1.1 + TLS 1.2"
run_tool decode dword:00000a00
check_eq "decode accepts a .reg dword" "$(echo "$out" | head -1)" "0x00000A00 = TLS 1.1 + TLS 1.2"
run_tool mask TLS12 tlsv1.1
check_eq "mask accepts aliases, any case" "$out" "0x00000A00"

# Unknown bits.
run_tool decode 0x1000
check_eq "decode 0x1000: exit 1" "$rc" 1
check_eq "decode 0x1000 names the unknown bit" "$out" "0x00001000 = unknown bits 0x00001000
  0x00001000  unknown bit: no protocol has it"
run_tool decode 0xA81
check_eq "decode 0xA81: protocols plus the unknown bit" "$rc $(echo "$out" | head -1)" "1 0x00000A81 = TLS 1.0 + TLS 1.1 + TLS 1.2 + unknown bits 0x00000001"
run_tool decode 0xFFFFFFFF
check_eq "decode 0xFFFFFFFF: 6 protocols, 26 unknown bits" "$rc $(echo "$out" | grep -c '  0x') $(echo "$out" | grep -c unknown.bit:)" "1 32 26"

# Bad input.
run_tool decode 0x100000000
check_eq "decode: over 32 bits is exit 2" "$rc" 2
run_tool decode 0xZZ
check_eq "decode 0xZZ: exit 2 with a message" "$rc $err" "2 tlsgpo decode: bad value '0xZZ'; give 0x-prefixed hex (0xA80), dword:00000a80 or decimal (2688), at most 0xFFFFFFFF"
run_tool mask tls1.4
check_eq "mask tls1.4: exit 2 naming what is allowed" "$rc $err" "2 tlsgpo mask: unknown protocol 'tls1.4'; allowed: ssl2, ssl3, tls1.0, tls1.1, tls1.2, tls1.3"
run_tool mask dtls1.2
check_eq "mask dtls1.2: DTLS has no WinHTTP bit" "$rc $err" "2 tlsgpo mask: WinHTTP and WinINet have no bit for protocol 'dtls1.2'; allowed: ssl2, ssl3, tls1.0, tls1.1, tls1.2, tls1.3"
run_tool mask tls1.2 tls12
check_eq "mask: a protocol twice is an error" "$rc $err" "2 tlsgpo mask: protocol 'tls1.2' is listed twice"
run_tool mask
check_eq "mask with nothing: exit 2" "$rc" 2

done_testing
