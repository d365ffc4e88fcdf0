#!/bin/bash
# Issue 20: the cipher-suite keys of a policy, their checks and the
# lock-out analysis, against cases computed by hand from Microsoft's
# per-release suite lists (docs/research/cipher-suites/suites.tsv).
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

head_ini() {
	printf '[policy]\nid = cs\nname = Cipher suites\nversion = 1.0\n\n'
}

# lint_of NAME: writes $WORK/NAME.ini from stdin (after the [policy]
# head); sets rc and err (stderr without the file name).
lint_of() {
	{ head_ini; cat; } > "$WORK/$1.ini"
	err=$(cd "$WORK" && "$TLSGPO" lint "$1.ini" 2>&1 >/dev/null)
	rc=$?
	err=${err//"$1.ini:"/}
}

has() { grep -qF -- "$2" <<<"$1"; }

# 1. Hand-computed usable suites. Server 2019 (the Windows 10 1809 list):
# of the four suites, SHA-1 HMAC (hashes leaves only SHA256/SHA384) stops
# ECDHE_RSA_..._CBC_SHA, and Diffie-Hellman being off (key-exchange) stops
# DHE_RSA; TLS 1.2 keeps ECDHE_RSA AES-256-GCM and RSA AES-128-CBC-SHA256
# in that order, and TLS 1.0/1.1 (on by default there) keep nothing.
lint_of usable <<'INI'
[schannel]
tls1.2 = enabled
hashes = SHA256, SHA384
key-exchange = ECDH, PKCS

[cipher-suites]
order = TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
        TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,   ; DH is off below
        TLS_RSA_WITH_AES_128_CBC_SHA256

[target]
os = server2019
INI
check_eq "usable: lint passes (warnings only)" "$rc" 0
plan=$(cd "$WORK" && "$TLSGPO" plan usable.ini 2>/dev/null)
# The suites under a version's line, joined by commas; "none" for none.
suites_of() {
	awk -v h="    $1 (client and server):" '
		$0 == h { on = 1; next }
		$0 == h " none" { print "none"; exit }
		on && /^      / { sub(/^ +/, ""); out = out (out == "" ? "" : ",") $0; next }
		on { exit }
		END { if (out != "") print out }' <<<"$2"
}
check_eq "usable: TLS 1.2 keeps exactly the two suites, in order" \
	"$(suites_of "TLS 1.2" "$plan")" \
	"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_CBC_SHA256"
check_eq "usable: TLS 1.0 keeps none" "$(suites_of "TLS 1.0" "$plan")" none
check "usable: TLS 1.0 left on by default without a suite is a warning" \
	has "$err" "warning: TLS 1.0 (client and server sides) stays on by Windows' default but would have no usable cipher suite on server2019: every suite left needs a hash that hashes = turns off"
json=$(cd "$WORK" && "$TLSGPO" plan --json usable.ini 2>/dev/null)
check_eq "usable: plan --json has the same list" \
	"$(python3 -c 'import json,sys; d=json.load(sys.stdin)
print(",".join(x for r in d["suites"] for p in r["protocols"] if p["protocol"]=="TLS 1.2" for x in p["suites"]))' <<<"$json")" \
	"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_CBC_SHA256"
check_eq "usable: Functions holds the order as written, commas only" \
	"$(python3 -c 'import json,sys; d=json.load(sys.stdin)
print([o["data"] for o in d["operations"] if o["value"]=="Functions"][0])' <<<"$json")" \
	"TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_CBC_SHA256"

# 2. Lock-out: TLS 1.2 turned on, only AES-256 suites, ciphers leaves
# only AES 128/128 on: no suite for any version on Server 2016.
lint_of lockout <<'INI'
[schannel]
tls1.0 = disabled
tls1.1 = disabled
tls1.2 = enabled
ciphers = AES 128/128

[cipher-suites]
order = TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384

[target]
os = server2016
INI
check_eq "lockout: refused (exit 2)" "$rc" 2
check "lockout: TLS 1.2 named, with the reason" has "$err" \
	"9: TLS 1.2 (client and server sides) would have no usable cipher suite on server2016: every suite left needs a cipher that ciphers = turns off"
check "lockout: the whole server side named" has "$err" \
	"the server side would have no usable cipher suite for any TLS version on server2016"
rm -rf "$WORK/lockout-pkg"
(cd "$WORK" && "$TLSGPO" build -o lockout-pkg lockout.ini >/dev/null 2>&1)
check_eq "lockout: build refuses too (exit 2)" "$?" 2
check "lockout: build wrote nothing" test ! -e "$WORK/lockout-pkg"

# 3. TLS 1.3 suites on a release without them; the error names each
# target that lacks the suite, and a target's releases when only some do.
lint_of tls13 <<'INI'
[cipher-suites]
order = TLS_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256

[target]
os = win10, win11, server2022
INI
check_eq "tls13: refused" "$rc" 2
check "tls13: the suite and the target that lacks it" has "$err" \
	"7: order: TLS_AES_256_GCM_SHA384 is not a cipher suite of win10; remove it, or narrow [target] os (target os, line 10)"
check "tls13: no complaint about win11" eval '! grep -q "suite of win10, win11" <<<"$err"'

# 4. Curves: a group only Server 2025 lists, on Server 2022; and the
# releases before EccCurves warned about.
lint_of curves <<'INI'
[cipher-suites]
curves = curve25519, NistP256, x25519_mlkem768
order = TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256

[target]
os = server2022, server2025, server2012r2
INI
check_eq "curves: a curve a target lacks is refused" "$rc" 2
check "curves: names the curve and only the target that lacks it" has "$err" \
	"7: curves: x25519_mlkem768 is not a curve of server2022; remove it, or narrow [target] os (target os, line 11)"
check "curves: the release without a curve order is warned about" has "$err" \
	"warning: curves: server2012r2 read no curve order (EccCurves)"

# 5. Names: nearest known name, twice listed, Windows' spelling, length.
lint_of names <<'INI'
[schannel]
ciphers = aes 128/128, Triple DES 168/168
hashes = SHA256, sha256

[cipher-suites]
order = TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265
INI
check_eq "names: refused" "$rc" 2
check "names: suite typo gets the nearest name" has "$err" \
	"11: order: unknown cipher suite 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265'; did you mean 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'?"
check "names: the pre-Vista key name gets Windows' spelling" has "$err" \
	"7: ciphers: unknown SCHANNEL cipher key 'Triple DES 168/168'; did you mean 'Triple DES 168'?"
check "names: the same hash twice, whatever the case" has "$err" \
	"8: hashes: SHA256 is listed twice (first on line 8)"
# Every Server 2022 suite but the PSK ones, over indented lines.
{ head_ini; printf '[cipher-suites]\norder = TLS_AES_256_GCM_SHA384,\n'
  awk -F'\t' 'NR > 1 && $1 == "server2022" && $3 !~ /PSK/ { print "    " $3 "," }' \
	"$srcdir/docs/research/cipher-suites/suites.tsv" | sort -u
  printf '[target]\nos = server2022\nallow-insecure = yes\n'; } > "$WORK/long.ini"
err=$(cd "$WORK" && "$TLSGPO" lint long.ini 2>&1 >/dev/null)
check "names: an order over 1,023 characters is refused" has "$err" \
	"characters as Windows stores it (names joined by commas); Group Policy's suite order holds at most 1023"

# 6. Key sizes.
for v in 1000 2050 16448 0x800 ''; do
	lint_of bits <<INI
[schannel]
dh-min-bits = $v
INI
	check "bits: dh-min-bits = '$v' refused" has "$err" \
		"bad value '$v' for dh-min-bits; allowed: a number of bits from 1024 to 16384, a multiple of 64"
done
lint_of bits2 <<'INI'
[schannel]
dh-min-bits = 2048
dh-min-bits.server = 3072
INI
check "bits: a side set twice" has "$err" \
	"8: the server side of dh-min-bits is already set on line 7; set each side once"
lint_of bits3 <<'INI'
[schannel]
dh-min-bits.server = 3072
pkcs-min-bits = 2048

[target]
os = server2012r2, server2016
INI
check_eq "bits: key sizes alone are a policy" "$rc" 0
check "bits: targets that ignore them are named" has "$err" \
	"warning: dh-min-bits and pkcs-min-bits are read from build 10240 on; server2012r2 may ignore them"

# 7. Insecure suites and switches.
lint_of rc4 <<'INI'
[cipher-suites]
order = TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_RC4_128_SHA

[target]
os = server2016
INI
check_eq "rc4: refused without allow-insecure" "$rc" 2
check "rc4: says why" has "$err" \
	"7: order: TLS_RSA_WITH_RC4_128_SHA is insecure"
lint_of rc4ok <<'INI'
[cipher-suites]
order = TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_RC4_128_SHA

[target]
os = server2016
allow-insecure = yes
INI
check "rc4: allow-insecure turns it into a warning" has "$err" \
	"warning: order: TLS_RSA_WITH_RC4_128_SHA is insecure"

# 8. Common peers: ECDSA-only suites leave RDP's RSA certificate nothing.
lint_of ecdsa <<'INI'
[cipher-suites]
order = TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256

[target]
os = server2019
INI
check_eq "ecdsa: refused" "$rc" 2
check "ecdsa: a server left without a suite for its RSA certificate (RDP's) is an error" has "$err" \
	"the server side would have no cipher suite for an RSA certificate on server2019: Remote Desktop's own certificate is RSA"
check "ecdsa: and its clients warned they reach no RSA server" has "$err" \
	"warning: the client side would have no cipher suite for a server with an RSA certificate on server2019"
# ECDHE-RSA with CBC only: RSA servers are served; the AES-GCM note only.
lint_of rsacbc <<'INI'
[cipher-suites]
order = TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256

[target]
os = server2019
INI
check_eq "rsacbc: accepted" "$rc" 0
check "rsacbc: noted: no ECDHE-RSA AES-GCM suite" has "$err" \
	"warning: no ECDHE-RSA suite with AES-GCM is left for TLS 1.2 on server2019: most TLS 1.2 peers prefer one"

# 8b. What the review of issue 20 found lint let through.
lint_of psk <<'INI'
[cipher-suites]
order = TLS_PSK_WITH_AES_256_GCM_SHA384

[target]
os = server2019
INI
check "psk: PSK suites serve only applications that ask: a lock-out" has "$err" \
	"the server side would have no usable cipher suite for any TLS version on server2019"
lint_of emptyc <<'INI'
[schannel]
ciphers =
INI
check "empty ciphers: refused, not every cipher turned off" has "$err" \
	"7: ciphers is empty: it would turn every key of its kind off"
lint_of aes13 <<'INI'
[schannel]
tls1.3 = enabled
ciphers = AES 128/128

[cipher-suites]
order = TLS_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256

[target]
os = server2022
INI
check "AES 256/256 off stops TLS_AES_256_GCM_SHA384 too (the cautious reading)" has "$err" \
	"7: TLS 1.3 (client and server sides) would have no usable cipher suite on server2022: every suite left needs a cipher that ciphers = turns off"
lint_of nopkcs <<'INI'
[schannel]
key-exchange = ECDH, Diffie-Hellman

[cipher-suites]
order = TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384

[target]
os = server2019
INI
check "PKCS off stops ECDHE_RSA (every suite of an RSA certificate)" has "$err" \
	"PKCS off stops every suite of an RSA certificate"
lint_of mlkem <<'INI'
[cipher-suites]
curves = x25519_mlkem768

[target]
os = server2025
INI
check "curves: only a group no release offers by default is a lock-out" has "$err" \
	"curves = keeps none that release offers by default"
lint_of weakc <<'INI'
[cipher-suites]
curves = NistP256, secP160r1

[target]
os = server2019
INI
check "curves: one under 224 bits needs allow-insecure" has "$err" \
	"7: curves: secP160r1 is insecure (a curve under 224 bits)"
lint_of bigkeys <<'INI'
[schannel]
dh-min-bits = 8192
pkcs-min-bits = 4096

[target]
os = server2019
INI
check_eq "big keys: accepted, with warnings" "$rc" 0
check "big keys: pkcs-min-bits over 2048 warned (RDP's own certificate)" has "$err" \
	"warning: pkcs-min-bits = 4096: clients would refuse every server whose RSA key is smaller"
check "big keys: dh-min-bits over 4096 warned" has "$err" \
	"warning: dh-min-bits = 8192: few peers offer Diffie-Hellman groups over 4096 bits"
{ head_ini; printf '[cipher-suites]\norder = A,\n'; for i in $(seq 1 200); do echo "    X$i,"; done; } > "$WORK/many.ini"
err=$(cd "$WORK" && "$TLSGPO" lint many.ini 2>&1 >/dev/null)
check_eq "a list of more than 128 names: one error, on the line that passes the limit" "$err" \
	"many.ini:135: order: more than 128 names; no list of Windows' names is that long"

# 9. Curve suffixes: read as the plain name where EccCurves is read (one
# list for every Windows); Windows 7 lists only suffixed names.
lint_of suffix <<'INI'
[cipher-suites]
order = TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384, TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384

[target]
os = win7, server2016
INI
check_eq "suffix: refused (the plain name is not Windows 7's)" "$rc" 2
check "suffix: names only win7 for the plain name" has "$err" \
	"7: order: TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 is not a cipher suite of win7;"
check "suffix: the suffixed name passes on server2016" \
	eval '! grep -q "_P384 is not" <<<"$err"'

# 10. The sample policies lint clean of errors, and each has suites left.
for f in "$srcdir"/policies/cipher-*.ini; do
	n=$(basename "$f" .ini)
	out=$("$TLSGPO" plan "$f" 2>/dev/null)
	check "$n: plan succeeds" [ -n "$out" ]
	check "$n: TLS 1.2 keeps suites on every target" \
		eval '! grep -q "TLS 1.2 (.*): none" <<<"$out" && grep -q "^      TLS_" <<<"$out"'
done

# 11. Every name a policy can put in a value fits the .cmd scripts' rows
# (letters, digits and _ /-.,; emit-cmd.c aborts on anything else).
r=$srcdir/docs/research/cipher-suites
bad=$( { cut -f3 "$r/suites.tsv"; cut -f3 "$r/curves.tsv"; } | tail -n +2 | grep -v '^name$' |
	grep -vE '^[A-Za-z0-9_/.-][A-Za-z0-9_ /.-]*$' | sort -u)
check_eq "every suite and curve name holds only letters, digits and _ /-." "$bad" ""
check "the facts' switch names are on the page too" grep -q 'Triple DES 168' "$srcdir/src/os-suites.c"
bad=$(grep -oE '"[^"]*"' "$srcdir/src/os-suites.c" | sed -n '/cs_cipher_keys/,$p' | tr -d '"' |
	grep -vE '^[A-Za-z0-9_/.-][A-Za-z0-9_ /.-]*$' | sort -u)
check_eq "every switch key name holds only letters, digits and _ /-." "$bad" ""

done_testing
