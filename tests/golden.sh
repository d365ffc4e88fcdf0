#!/bin/bash
# Golden files: each sample policy gives exactly the expected plan JSON and
# package bytes (tests/golden/ID/; tests/regen-golden.sh rewrites them).
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

cd "$srcdir" || exit 99
for pol in policies/*.ini; do
	id=$(basename "$pol" .ini)
	g=tests/golden/$id
	if [ ! -d "$g" ]; then
		not_ok "$id: no golden files in $g"
		continue
	fi
	"$TLSGPO" plan --json "$pol" > "$WORK/plan.json" 2>/dev/null
	if cmp -s "$WORK/plan.json" "$g/plan.json"; then
		ok "$id: plan JSON"
	else
		not_ok "$id: plan JSON"
		diff -u "$g/plan.json" "$WORK/plan.json" | head -20 | sed 's/^/# /'
	fi
	"$TLSGPO" build "$pol" -o "$WORK/package" > /dev/null 2>&1
	"$TLSGPO" build --reg-encoding=ascii "$pol" -o "$WORK/ascii" > /dev/null 2>&1
	for f in $(cd "$g/package" && find . -type f | sort); do
		check "$id: ${f#./} bytes" cmp "$g/package/$f" "$WORK/package/$f"
	done
	check_eq "$id: no file more or less than the golden package" \
		"$(cd "$WORK/package" && find . -type f | sort)" "$(cd "$g/package" && find . -type f | sort)"
	for f in reg/apply.reg reg/rollback.reg; do
		check "$id: ascii $f bytes" cmp "$g/ascii/$f" "$WORK/ascii/$f"
	done
	check "$id: golden ascii MANIFEST entries hold" bash -c "cd '$g/ascii' && sha256sum --quiet -c MANIFEST.sha256"
	if command -v jq >/dev/null 2>&1; then
		# The plan and the .reg file say the same thing, value by value.
		want=$(jq -r '.operations[] | "\(.path)|\(.value)|" + (if .type == "REG_SZ" then "sz:\(.data)"
			elif .type == "REG_MULTI_SZ" then "multi:" + (.data | join("|"))
			else (.hex | ascii_downcase) end)' "$WORK/plan.json" | sort)
		got=$(python3 "$srcdir/tests/reg-values.py" "$WORK/ascii/reg/apply.reg" | sort)
		check_eq "$id: apply.reg sets exactly the plan's values" "$got" "$want"
		want=$(jq -r '.rollback[] | "\(.path)|\(.value)"' "$WORK/plan.json" | sort)
		got=$(tr -d '\r' < "$WORK/ascii/reg/rollback.reg" | awk '
			/^\[/ { key = substr($0, 2, length($0) - 2); next }
			/^"/ { split($0, a, "\"="); if (a[2] == "-") print key "|" substr(a[1], 2) }' | sort)
		check_eq "$id: rollback.reg deletes exactly what apply.reg sets" "$got" "$want"
	else
		skip "$id: plan vs .reg cross-check" "jq is not installed"
	fi
	rm -rf "$WORK/package" "$WORK/ascii"
done

# The values the seeds' table and DESIGN.md give for these policies.
if command -v jq >/dev/null 2>&1; then
	hex() { jq -r --arg v "$2" '[.operations[] | select(.value == $v) | .hex] | unique | join(",")' "tests/golden/$1/plan.json"; }
	check_eq "office365-tls12: DefaultSecureProtocols 0x00000800" "$(hex office365-tls12 DefaultSecureProtocols)" 0x00000800
	check_eq "easyfix-tls11-tls12: 0x00000A00 (the Easy Fix value)" "$(hex easyfix-tls11-tls12 DefaultSecureProtocols)" 0x00000A00
	check_eq "legacy-tls10-tls12: 0x00000A80" "$(hex legacy-tls10-tls12 DefaultSecureProtocols)" 0x00000A80
	check_eq "win11-tls12-tls13: 0x00002800" "$(hex win11-tls12-tls13 DefaultSecureProtocols)" 0x00002800
	check_eq "office365-tls12: 8 .NET values, all 1" \
		"$(jq -r '[.operations[] | select(.key | test("NETFramework")) | .data] | "\(length) \(unique)"' tests/golden/office365-tls12/plan.json)" "8 [1]"
	check_eq "server-hardening: no SCHANNEL value is 0xFFFFFFFF" \
		"$(jq '[.operations[] | select(.data == 4294967295)] | length' tests/golden/server-hardening/plan.json)" 0
	check_eq "server-hardening: TLS 1.0 Server disabled = Enabled 0, DisabledByDefault 1" \
		"$(jq -r '[.operations[] | select(.key | endswith("TLS 1.0\\Server")) | "\(.value)=\(.data)"] | join(" ")' tests/golden/server-hardening/plan.json)" \
		"Enabled=0 DisabledByDefault=1"
	check_eq "server-hardening: TLS 1.2 Client enabled = Enabled 1, DisabledByDefault 0" \
		"$(jq -r '[.operations[] | select(.key | endswith("TLS 1.2\\Client")) | "\(.value)=\(.data)"] | join(" ")' tests/golden/server-hardening/plan.json)" \
		"Enabled=1 DisabledByDefault=0"
	check_eq "WinHTTP: both views, 32-bit under Wow6432Node" \
		"$(jq -r '[.operations[] | select(.value == "DefaultSecureProtocols") | "\(.view):\(.path)"] | join(" ")' tests/golden/office365-tls12/plan.json)" \
		'64:HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp 32:HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'
else
	skip "seed values in the golden plans" "jq is not installed"
fi

done_testing
