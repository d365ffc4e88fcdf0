#!/bin/bash
# ADMX / ADML: every generated file, for every sample policy and the hostile
# one, is valid against Microsoft's schema (xmllint --schema); every string
# and presentation reference resolves in every ADML; every ADML has the
# en-US ids; and the registry writes that enabling each policy would make,
# read back with XPath (xmllint, not our writer), equal the plan.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

if ! command -v xmllint >/dev/null 2>&1; then
	skip "ADMX/ADML checks" "xmllint is not installed (apt-get install libxml2-utils)"
	done_testing
	exit
fi
if ! command -v jq >/dev/null 2>&1; then
	skip "ADMX/ADML checks" "jq is not installed (apt-get install jq)"
	done_testing
	exit
fi
schema=${TLSGPO_SHARED:-$srcdir/../shared}/schemas/admx-libxml2/PolicyDefinitionFiles.xsd
[ -f "$schema" ] || schema=

# valid FILE: xmllint --schema, quiet unless it fails.
valid() {
	xmllint --noout --schema "$schema" "$1" 2>"$WORK/xmllint.err" && return 0
	grep -v ' validates$' "$WORK/xmllint.err" | head -5 | sed 's/^/#   /'
	return 1
}

# x FILE XPATH: the string value of an XPath expression.
x() { xmllint --xpath "string($2)" "$1" 2>/dev/null; }
n() { xmllint --xpath "count($2)" "$1" 2>/dev/null; }
P="*[local-name()='policy']"

# element_writes ADMX ADML I NAME KEY: "key|valueName|data" for each element
# of policy I other than an enum, its data the default that the en-US ADML's
# presentation gives it: decimal: the decimalTextBox's defaultValue; boolean:
# trueValue or falseValue as the checkBox's defaultChecked says; text: the
# textBox's defaultValue; multiText (whose box has no default): the text
# lines after the multiTextBox's first one, as JSON like tlsgpo plan --json.
element_writes() {
	local admx=$1 adml=$2 i=$3 name=$4 key=$5 ne k el kind id ek vn pr d b m t
	ne=$(n "$admx" "(//$P)[$i]/*[local-name()='elements']/*")
	for ((k = 1; k <= ne; k++)); do
		el="((//$P)[$i]/*[local-name()='elements']/*)[$k]"
		kind=$(x "$admx" "local-name($el)")
		id=$(x "$admx" "$el/@id")
		ek=$(x "$admx" "$el/@key")
		vn=$(x "$admx" "$el/@valueName")
		pr="//*[local-name()='presentation'][@id='$name']"
		case $kind in
		decimal) d=$(x "$adml" "$pr/*[local-name()='decimalTextBox'][@refId='$id']/@defaultValue") ;;
		boolean)
			[ "$(x "$adml" "$pr/*[local-name()='checkBox'][@refId='$id']/@defaultChecked")" = true ] &&
				b=trueValue || b=falseValue
			d=$(x "$admx" "$el/*[local-name()='$b']/*[local-name()='decimal']/@value") ;;
		text) d=$(x "$adml" "$pr/*[local-name()='textBox'][@refId='$id']/*[local-name()='defaultValue']") ;;
		multiText)
			m="$pr/*[local-name()='text'][preceding-sibling::*[local-name()='multiTextBox'][@refId='$id']]"
			d=$(for ((t = 2; t <= $(n "$adml" "$m"); t++)); do printf '%s\n' "$(x "$adml" "($m)[$t]")"; done | jq -Rnc '[inputs]') ;;
		*) d="unknown element $kind" ;;
		esac
		echo "${ek:-$key}|$vn|$d"
	done
}

# writes ADMX [ADML]: "key|valueName|data" for every policy enabled with the
# choice that matches the plan (enum: the item whose value is the data of its
# own main key in the plan; lists: enabledList or disabledList, whichever
# holds the plan's data; other elements: element_writes), and "choice" lines
# checking that every enum item writes its value to all of the policy's keys.
writes() {
	local admx=$1 json=$2 adml=${3:-} np i name key vn ni j d nv k
	np=$(n "$admx" "//$P")
	for ((i = 1; i <= np; i++)); do
		name=$(x "$admx" "(//$P)[$i]/@name")
		key=$(x "$admx" "(//$P)[$i]/@key")
		if [ "$(n "$admx" "(//$P)[$i]//*[local-name()='enum']")" = 1 ]; then
			vn=$(x "$admx" "(//$P)[$i]//*[local-name()='enum']/@valueName")
			want=$(jq -r --arg k "$key" --arg v "$vn" '.operations[] |
				select((.path | sub("^HKEY_[A-Z_]*\\\\"; "")) == $k and .value == $v) | .data' "$json")
			ni=$(n "$admx" "(//$P)[$i]//*[local-name()='enum']/*[local-name()='item']")
			for ((j = 1; j <= ni; j++)); do
				it="(//$P)[$i]//*[local-name()='enum']/*[local-name()='item'][$j]"
				d=$(x "$admx" "$it/*[local-name()='value']/*[local-name()='decimal']/@value")
				nv=$(n "$admx" "$it//*[local-name()='valueList']/*[local-name()='item']")
				bad=0
				for ((k = 1; k <= nv; k++)); do
					[ "$(x "$admx" "($it//*[local-name()='valueList']/*[local-name()='item'])[$k]//*[local-name()='decimal']/@value")" = "$d" ] || bad=1
				done
				echo "choice $name $d: all $((nv + 1)) keys get it: $bad"
				[ "$d" = "$want" ] || continue
				echo "$key|$vn|$d"
				for ((k = 1; k <= nv; k++)); do
					li="($it//*[local-name()='valueList']/*[local-name()='item'])[$k]"
					echo "$(x "$admx" "$li/@key")|$(x "$admx" "$li/@valueName")|$(x "$admx" "$li//*[local-name()='decimal']/@value")"
				done
			done
		elif [ "$(n "$admx" "(//$P)[$i]/*[local-name()='elements']")" = 1 ]; then
			element_writes "$admx" "$adml" "$i" "$name" "$key"
		else
			for list in enabledList disabledList; do
				nv=$(n "$admx" "(//$P)[$i]/*[local-name()='$list']/*[local-name()='item']")
				out=""
				for ((k = 1; k <= nv; k++)); do
					li="((//$P)[$i]/*[local-name()='$list']/*[local-name()='item'])[$k]"
					out+="$(x "$admx" "$li/@key")|$(x "$admx" "$li/@valueName")|$(x "$admx" "$li//*[local-name()='decimal']/@value")"$'\n'
				done
				# The list whose every write is in the plan is the choice.
				all=1
				while IFS= read -r w; do
					[ -n "$w" ] || continue
					grep -qxF "$w" "$json.set" || all=0
				done <<<"$out"
				[ $all = 1 ] && { printf '%s' "$out"; break; }
			done
		fi
	done
}

# Suite and curve names never reach the XML unchecked: only Windows' own
# names pass the policy reader (the policy's name and description, which
# do, are hostile in crypto-admx.ini and tests/hostile/).
printf '[policy]\nid = crypto-hostile\nname = H\nversion = 1.0\n\n[schannel]\ntls1.2 = enabled\ndh-min-bits.client = 3072\n\n[cipher-suites]\norder = A<B&"C"]]>, TLS_\303\234\ncurves = x&y, <z>, \303\205\303\204\303\226\n' > "$WORK/crypto-hostile.ini"
"$TLSGPO" build "$WORK/crypto-hostile.ini" -o "$WORK/crypto-hostile" >/dev/null 2>"$WORK/crypto-hostile.err"
check_eq "crypto-hostile: names that are no suite or curve are refused (exit 2)" "$?" 2
check "crypto-hostile: the message names the first" grep -qF "crypto-hostile.ini:11: order: unknown cipher suite 'A<B&\"C\"]]>'" "$WORK/crypto-hostile.err"
check "crypto-hostile: nothing written" test ! -e "$WORK/crypto-hostile"
for pol in "$srcdir"/policies/*.ini "$srcdir/tests/hostile/hostile.ini" "$srcdir/tests/crypto-admx.ini"; do
	id=$(basename "$pol" .ini)
	pkg=$WORK/$id
	json=$WORK/$id.json
	"$TLSGPO" build "$pol" -o "$pkg" >/dev/null 2>&1
	"$TLSGPO" plan --json "$pol" > "$json" 2>/dev/null
	# data: a number, REG_SZ's string, REG_MULTI_SZ's strings as JSON.
	jq -r '.operations[] | "\(.path | sub("^HKEY_[A-Z_]*\\\\"; ""))|\(.value)|\(.data)"' "$json" | sort > "$json.set"
	admx=$(ls "$pkg"/gpo/PolicyDefinitions/*.admx)
	base=$(basename "$admx" .admx)
	files=$(cd "$pkg/gpo/PolicyDefinitions" && find . -type f | sort | tr '\n' ' ')
	check_eq "$id: one ADMX and three ADML" "$files" \
		"$(printf '%s\n' "./$base.admx" "./en-US/$base.adml" "./sv-SE/$base.adml" "./zh-TW/$base.adml" | sort | tr '\n' ' ')"
	for f in "$admx" "$pkg"/gpo/PolicyDefinitions/*/*.adml; do
		rel=${f#$pkg/}
		check "$id: $rel is well-formed XML" xmllint --noout "$f"
		if [ -n "$schema" ]; then
			check "$id: $rel is valid against the ADMX schema" valid "$f"
		else
			skip "$id: $rel against the ADMX schema" "../shared/schemas is not beside this clone"
		fi
		check "$id: $rel starts with the XML declaration, CRLF" bash -c "head -1 '$f' | grep -qx \$'<?xml version=\"1.0\" encoding=\"UTF-8\"?>\\r'"
	done

	# References resolve, ids agree across locales.
	refs=$(grep -o '\$(string\.[A-Za-z0-9_]*)' "$admx" | sed 's/^\$(string\.//; s/)$//' | sort -u)
	prefs=$(grep -o '\$(presentation\.[A-Za-z0-9_]*)' "$admx" | sed 's/^\$(presentation\.//; s/)$//' | sort -u)
	en_ids=$(xmllint --xpath "//*[local-name()='string']/@id" "$pkg/gpo/PolicyDefinitions/en-US/$base.adml" | sed 's/ id="\([^"]*\)"/\1\n/g' | grep . | sort)
	for loc in en-US zh-TW sv-SE; do
		adml=$pkg/gpo/PolicyDefinitions/$loc/$base.adml
		ids=$(xmllint --xpath "//*[local-name()='string']/@id" "$adml" | sed 's/ id="\([^"]*\)"/\1\n/g' | grep . | sort)
		pids=$(xmllint --xpath "//*[local-name()='presentation']/@id" "$adml" 2>/dev/null | sed 's/ id="\([^"]*\)"/\1\n/g' | grep . | sort)
		check_eq "$id: $loc: every \$(string.X) resolves" "$(comm -23 <(echo "$refs") <(echo "$ids"))" ""
		check_eq "$id: $loc: every \$(presentation.X) resolves" "$(comm -23 <(echo "$prefs") <(echo "$pids"))" ""
		check_eq "$id: $loc: the same string ids as en-US" "$ids" "$en_ids"
		check_eq "$id: $loc: displayName is the policy name" \
			"$(x "$adml" "//*[local-name()='displayName']")" "$(jq -r .policy.name "$json")"
	done
	# Side names put into zh-TW sentences: no doubled 端 ("用戶端端").
	check_eq "$id: zh-TW: no doubled characters from a side name" \
		"$(grep -c '端端' "$pkg/gpo/PolicyDefinitions/zh-TW/$base.adml")" 0
	# Categories: every parent exists.
	for ref in $(xmllint --xpath "//*[local-name()='parentCategory']/@ref" "$admx" | sed 's/ ref="\([^"]*\)"/\1\n/g' | sort -u); do
		check_eq "$id: category $ref is defined" "$(n "$admx" "//*[local-name()='category'][@name='$ref']")" 1
	done

	# Read back: what enabling the policies writes is the plan.
	out=$(writes "$admx" "$json" "$pkg/gpo/PolicyDefinitions/en-US/$base.adml")
	check_eq "$id: every enum choice writes its value to all of its keys" "$(grep '^choice' <<<"$out" | grep -vc ': 0$')" 0
	check_eq "$id: enabling each policy as the plan says writes exactly the plan" \
		"$(grep -v '^choice' <<<"$out" | sort)" "$(cat "$json.set")"
	mask=$(jq -r '[.operations[] | select(.value == "DefaultSecureProtocols") | .hex] | first // empty' "$json")
	if [ -n "$mask" ]; then
		check "$id: the policy's own combination is marked recommended" \
			grep -q -E "\\($mask\\)( \\(Windows 11 / Windows Server 2022 or later\\))? \\(recommended by this policy\\)" "$pkg/gpo/PolicyDefinitions/en-US/$base.adml"
	fi
	check_eq "$id: the seeds' four combinations are choices" \
		"$(grep -c '^choice WinHttpDefaultSecureProtocols \(2688\|2560\|2176\|2048\):' <<<"$out")" \
		"$(grep -c '^choice WinHttpDefaultSecureProtocols ' <<<"$out" | awk '{print ($1 ? 4 : 0)}')"
done

# tlsgpo validate: the package passes; broken copies fail with the right line.
pkg=$WORK/win11-tls12-tls13
base=Contoso_win11_tls12_tls13
if [ -n "$schema" ]; then
	run_tool validate --schema "$(dirname "$schema")" "$pkg"
	check_eq "validate --schema: a generated package passes" "$rc $out" "0 $pkg: 1 ADMX file valid (schema and references); 1 GPO backup valid"
else
	skip "validate --schema on a generated package" "../shared/schemas is not beside this clone"
fi
run_tool validate "$pkg"
check_eq "validate: a generated package passes" "$rc" 0
broken() {	# NAME: a fresh copy of the package to break
	rm -rf "$WORK/$1"
	cp -r "$pkg" "$WORK/$1"
	echo "$WORK/$1/gpo/PolicyDefinitions"
}
d=$(broken dangling)
line=$(grep -n 'string.Cat_TlsProtocols' "$d/$base.admx" | cut -d: -f1)
sed -i 's/\$(string.Cat_TlsProtocols)/$(string.Nope)/' "$d/$base.admx"
run_tool validate "$WORK/dangling"
check_eq "validate: a dangling string reference -> exit 1" "$rc" 1
check_eq "...named with its line, once per ADML" "$(echo "$err" | head -1)" \
	"$d/$base.admx:$line: \$(string.Nope) is not in $d/en-US/$base.adml"
check_eq "...three ADML, three messages" "$(echo "$err" | grep -c 'string.Nope')" 3
d=$(broken missing)
sed -i '/<string id="SUPPORTED_TLS13">/d' "$d/zh-TW/$base.adml"
run_tool validate "$WORK/missing"
check_eq "validate: an ADML missing an id -> exit 1" "$rc" 1
check "...says the en-US id is missing there" grep -qxF "$d/zh-TW/$base.adml:1: string id 'SUPPORTED_TLS13' of en-US (line $(grep -n 'id="SUPPORTED_TLS13"' "$d/en-US/$base.adml" | cut -d: -f1)) is missing" <<<"$err"
d=$(broken parent)
line=$(grep -n '<parentCategory ref="Vendor"/>' "$d/$base.admx" | cut -d: -f1)
sed -i 's|<parentCategory ref="Vendor"/>|<parentCategory ref="Vendr"/>|' "$d/$base.admx"
run_tool validate "$WORK/parent"
check_eq "validate: a parent category that does not exist" "$rc|$err" "1|$d/$base.admx:$line: parent category 'Vendr' is not defined"
if [ -n "$schema" ]; then
	d=$(broken namespace)
	sed -i 's|GroupPolicy/2006/07/PolicyDefinitions"|GroupPolicy/2006/07/Wrong"|' "$d/$base.admx"
	run_tool validate --schema "$(dirname "$schema")" "$WORK/namespace"
	check_eq "validate --schema: a bad namespace -> exit 1 at the root's line" "$rc $(echo "$err" | grep -c "^$d/$base.admx:2: .*Wrong}policyDefinitions': No matching global declaration")" "1 1"
	d=$(broken prefix)
	sed -i 's|prefix="Contoso_win11_tls12_tls13"|prefix="Contoso-win11"|' "$d/$base.admx"
	run_tool validate --schema "$(dirname "$schema")" "$WORK/prefix"
	check_eq "validate --schema: a target prefix outside itemName -> exit 1" "$rc" 1
else
	skip "validate --schema on a bad namespace" "../shared/schemas is not beside this clone"
fi
d=$(broken notxml)
echo '<policyDefinitions' > "$d/extra.admx"
run_tool validate "$WORK/notxml"
check_eq "validate: a file that is not XML -> exit 1, FILE:LINE:" "$rc $(echo "$err" | grep -c "^$d/extra.admx:[0-9]*: ")" "1 1"
run_tool validate "$WORK/nowhere"
check_eq "validate: no such directory -> exit 2" "$rc" 2

# supportedOn from the OS table (issues 9, 17): a SCHANNEL policy names where
# its protocol exists, on or off (TLS 1.3: Windows 11 / Server 2022; DTLS 1.2:
# Windows 10 1607 / Server 2016; DTLS 1.0: Windows 7 / 2008 R2; TLS 1.1 and
# 1.2: 2008 SP2 with its update; the others Windows 7 SP1 / 2008 SP2);
# WinHTTP names its updates; TLS 1.3 dropdown items say where they work.
printf '[policy]\nid = sup\nname = Sup\nversion = 1.0\n\n[winhttp]\nprotocols = tls1.2\n\n[wininet]\nprotocols = tls1.2\n\n[schannel]\ntls1.3 = disabled\ndtls1.2 = enabled\ndtls1.0 = disabled\ntls1.2 = enabled\nssl3.server = disabled\n' > "$WORK/sup.ini"
"$TLSGPO" build "$WORK/sup.ini" -o "$WORK/sup" >/dev/null 2>&1
sup=$WORK/sup/gpo/PolicyDefinitions/tlsgpo_sup.admx
got=$(xmllint --xpath '//*[local-name()="policy"]' "$sup" | tr '>' '\n' |
	sed -n 's/.*<policy .*name="\([^"]*\)".*/\1/p; s/.*<supportedOn ref="\([^"]*\)".*/\1/p' | paste - - | tr '\t' ' ')
want=$(printf '%s\n' "WinHttpDefaultSecureProtocols SUPPORTED_Win7SP1_KB3140245" "WinInetSecureProtocols SUPPORTED_Win7SP1" \
	"Schannel_TLS_1_2_Client SUPPORTED_TLS11_TLS12" "Schannel_TLS_1_2_Server SUPPORTED_TLS11_TLS12" \
	"Schannel_SSL_3_0_Server SUPPORTED_Win7SP1" \
	"Schannel_TLS_1_3_Client SUPPORTED_TLS13" "Schannel_TLS_1_3_Server SUPPORTED_TLS13" \
	"Schannel_DTLS_1_0_Client SUPPORTED_DTLS10" "Schannel_DTLS_1_0_Server SUPPORTED_DTLS10" \
	"Schannel_DTLS_1_2_Client SUPPORTED_Win10_1607" "Schannel_DTLS_1_2_Server SUPPORTED_Win10_1607" | sort)
check_eq "supportedOn of every policy follows the OS table" "$(sort <<<"$got")" "$want"
if [ -n "$schema" ]; then
	check "...and the schema takes it" valid "$sup"
else
	skip "supportedOn: the schema" "../shared/schemas is not beside the project"
fi
check_eq "TLS 1.3 dropdown items say where they work, in all three languages" \
	"$(grep -h -c 'Mask_00002[08]00">.*(Windows 11 / Windows Server 2022' "$WORK"/sup/gpo/PolicyDefinitions/*/tlsgpo_sup.adml | tr '\n' ' ')" "2 2 2 "

# The cipher-suite policies (issue 20), from tests/crypto-admx.ini: their
# category and supportedOn; key sizes and the curve order from os.c's
# Windows 10 / Server 2016 definition; help texts in the three languages
# that name Windows' own policies writing Functions and EccCurves; and the
# read-back above proven to see a wrong default.
cpkg=$WORK/crypto-admx
cbase=tlsgpo_crypto_admx
cadmx=$cpkg/gpo/PolicyDefinitions/$cbase.admx
got=$(xmllint --xpath "//$P[*[local-name()='parentCategory']/@ref='TlsCrypto']" "$cadmx" | tr '>' '\n' |
	sed -n 's/.*<policy .*name="\([^"]*\)".*/\1/p; s/.*<supportedOn ref="\([^"]*\)".*/\1/p' | paste - - | tr '\t' ' ')
want=$(printf '%s\n' "KeySize_Diffie_Hellman SUPPORTED_Win10_Server2016" "KeySize_PKCS SUPPORTED_Win10_Server2016" \
	"Legacy_Ciphers SUPPORTED_Win7SP1" "Legacy_Hashes SUPPORTED_Win7SP1" "Legacy_KeyExchangeAlgorithms SUPPORTED_Win7SP1" \
	"CipherSuiteOrder SUPPORTED_Win7SP1" "EccCurveOrder SUPPORTED_Win10_Server2016")
check_eq "crypto: the seven policies in TlsCrypto, supportedOn from os.c" "$got" "$want"
check_eq "crypto: the Windows 10 / Server 2016 definition in words" \
	"$(x "$cpkg/gpo/PolicyDefinitions/en-US/$cbase.adml" "//*[local-name()='string'][@id='SUPPORTED_Win10_Server2016']")" \
	"At least Windows 10, or Windows Server 2016"
check_eq "crypto: no TlsCrypto category without cipher-suite policies" \
	"$(n "$WORK/win11-tls12-tls13/gpo/PolicyDefinitions/Contoso_win11_tls12_tls13.admx" "//*[local-name()='category'][@name='TlsCrypto']")" 0
check_eq "crypto: Functions is a text element of at most 1023 characters, EccCurves a multiText" \
	"$(x "$cadmx" "//*[local-name()='text'][@valueName='Functions']/@maxLength") $(n "$cadmx" "//*[local-name()='multiText'][@valueName='EccCurves']")" "1023 1"
check_eq "crypto: a switch key keeps its '/' and blank" \
	"$(n "$cadmx" "//*[local-name()='boolean'][@key='SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Ciphers\\AES 128/128']")" 1
for loc in en-US zh-TW sv-SE; do
	adml=$cpkg/gpo/PolicyDefinitions/$loc/$cbase.adml
	h() { x "$adml" "//*[local-name()='string'][@id='$1_Help']"; }
	check "crypto: $loc: Functions' help names Windows' SSL Cipher Suite Order policy" \
		grep -q '"SSL Cipher Suite Order"\|「SSL Cipher Suite Order」' <<<"$(h CipherSuiteOrder)"
	check "crypto: $loc: EccCurves' help names Windows' ECC Curve Order policy and CipherSuiteOrder.admx" \
		grep -q 'ECC Curve Order.*CipherSuiteOrder\.admx' <<<"$(h EccCurveOrder)"
	check "crypto: $loc: the key sizes' help names os.c's versions and the plan's bits" \
		grep -q 'Windows 10 / Windows Server 2016.*' <<<"$(h KeySize_Diffie_Hellman)"
	# Its second paragraph: what the policy file sets.
	set2=$(h KeySize_Diffie_Hellman | awk 'BEGIN { RS = "" } NR == 2')
	check_eq "crypto: $loc: the DH help gives the plan's 2048 for both values" \
		"$(grep -o 'ServerMinKeyBitLength\|ClientMinKeyBitLength\|2048' <<<"$set2" | sort | uniq -c | awk '{print $1 $2}' | tr '\n' ' ')" \
		"22048 1ClientMinKeyBitLength 1ServerMinKeyBitLength "
	check "crypto: $loc: the switches' help names the ones turned on" \
		grep -q 'AES 128/128.*AES 256/256' <<<"$(h Legacy_Ciphers)"
done
check "crypto: en-US: the switches are called legacy, Microsoft preferring the suite order" \
	grep -q '^Legacy switches.*Microsoft prefers the cipher-suite order' <<<"$(x "$cpkg/gpo/PolicyDefinitions/en-US/$cbase.adml" "//*[local-name()='string'][@id='Legacy_Hashes_Help']")"
if [ -n "$schema" ]; then
	run_tool validate --schema "$(dirname "$schema")" "$cpkg"
	check_eq "crypto: validate --schema passes" "$rc $(head -1 <<<"$out" | sed 's/.*: //')" "0 1 ADMX file valid (schema and references); 1 GPO backup valid"
else
	skip "crypto: validate --schema" "../shared/schemas is not beside this clone"
fi
# tlsgpo validate: each presentation's boxes against the policy's elements.
cbroken() {	# NAME: a fresh copy of the crypto package to break
	rm -rf "$WORK/$1"
	cp -r "$cpkg" "$WORK/$1"
	echo "$WORK/$1/gpo/PolicyDefinitions"
}
d=$(cbroken kind)
line=$(grep -n '<decimalTextBox refId="ServerMinKeyBitLength"' "$d/en-US/$cbase.adml" | cut -d: -f1)
eline=$(grep -n '<decimal id="ServerMinKeyBitLength"' "$d/$cbase.admx" | cut -d: -f1)
sed -i 's|<decimalTextBox refId="ServerMinKeyBitLength".*</decimalTextBox>|<checkBox refId="ServerMinKeyBitLength">x</checkBox>|' "$d/en-US/$cbase.adml"
run_tool validate "$WORK/kind"
check_eq "validate: a box that cannot show its element -> exit 1, named" "$rc|$err" \
	"1|$d/en-US/$cbase.adml:$line: checkBox refId 'ServerMinKeyBitLength' names a decimal element of policy 'KeySize_Diffie_Hellman' (line $eline), which it cannot show"
d=$(cbroken range)
line=$(grep -n '<decimalTextBox refId="ServerMinKeyBitLength"' "$d/sv-SE/$cbase.adml" | cut -d: -f1)
sed -i 's/"ServerMinKeyBitLength" defaultValue="2048"/"ServerMinKeyBitLength" defaultValue="20480"/' "$d/sv-SE/$cbase.adml"
run_tool validate "$WORK/range"
check_eq "validate: a number's default outside minValue..maxValue" "$rc|$err" \
	"1|$d/sv-SE/$cbase.adml:$line: default 20480 of 'ServerMinKeyBitLength' lies outside its element's 1024 to 16384"
d=$(cbroken long)
long=$(printf 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,%.0s' $(seq 27))
sed -i "s|<defaultValue>TLS_|<defaultValue>${long}TLS_|" "$d/zh-TW/$cbase.adml"
line=$(grep -n '<defaultValue>' "$d/zh-TW/$cbase.adml" | cut -d: -f1)
run_tool validate "$WORK/long"
check_eq "validate: a text's default longer than maxLength" "$rc|$err" \
	"1|$d/zh-TW/$cbase.adml:$line: default of 'Functions' has $((27 * 38 + $(jq -r '.operations[] | select(.value == "Functions") | .data | length' "$WORK/crypto-admx.json"))) characters, more than its element's maxLength 1023"
d=$(cbroken refid)
sed -i 's/<checkBox refId="Switch_MD5"/<checkBox refId="Switch_MD6"/' "$d/en-US/$cbase.adml"
run_tool validate "$WORK/refid"
check_eq "validate: a box naming no element of its policy" "$rc $(grep -c "checkBox refId 'Switch_MD6' is not an element of policy 'Legacy_Hashes'" <<<"$err")" "1 1"
d=$(cbroken dupid)
sed -i 's/<boolean id="Switch_SHA256"/<boolean id="Switch_SHA"/' "$d/$cbase.admx"
first=$(grep -n '<boolean id="Switch_SHA"' "$d/$cbase.admx" | sed -n 1p | cut -d: -f1)
line=$(grep -n '<boolean id="Switch_SHA"' "$d/$cbase.admx" | sed -n 2p | cut -d: -f1)
run_tool validate "$WORK/dupid"
check "validate: an element id twice in a policy" grep -qxF \
	"$d/$cbase.admx:$line: element id 'Switch_SHA' of policy 'Legacy_Hashes' is used twice (first on line $first)" <<<"$err"

# The read-back sees a wrong default: a changed text box, check box, number.
for bad in 's/GCM_SHA256</GCM_SHA384</' 's/"Switch_MD5" defaultChecked="false"/"Switch_MD5" defaultChecked="true"/' \
	's/"ServerMinKeyBitLength" defaultValue="2048"/"ServerMinKeyBitLength" defaultValue="3072"/' '/<text>NistP256<\/text>/d'; do
	cp "$cpkg/gpo/PolicyDefinitions/en-US/$cbase.adml" "$WORK/bad.adml"
	sed -i "$bad" "$WORK/bad.adml"
	check "crypto: the read-back fails on a broken default ($bad)" \
		[ "$(writes "$cadmx" "$WORK/crypto-admx.json" "$WORK/bad.adml" | grep -v '^choice' | sort)" != "$(cat "$WORK/crypto-admx.json.set")" ]
done

done_testing
