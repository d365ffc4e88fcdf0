#!/bin/bash
# gpreport.xml, the settings report beside the GPO backup (GPMC's "View
# Settings"), read by libxml2 (xmllint): UTF-16LE with a BOM and CRLF,
# well-formed, a GPO element in the Settings namespace naming the backup's
# GPO; every Preferences item of Registry.xml and every registry.pol value
# is in it, under its part (Computer, User), and nothing else; the parts'
# versions and Enabled agree with Backup.xml; hostile GPO names come out
# literal.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

for tool in xmllint:libxml2-utils jq:jq iconv:libc-bin; do
	if ! command -v "${tool%%:*}" >/dev/null 2>&1; then
		skip "gpreport.xml checks" "${tool%%:*} is not installed (apt-get install ${tool#*:})"
		done_testing
		exit
	fi
done

x() { xmllint --xpath "string($2)" "$1" 2>/dev/null; }
n() { xmllint --xpath "count($2)" "$1" 2>/dev/null; }
e() { printf "*[local-name()='%s']" "$1"; }
SETTINGS=http://www.microsoft.com/GroupPolicy/Settings

# items FILE BASE: one line per Registry item below BASE (an XPath):
# hive|key|name|type|value|uid|action|removePolicy|filter query|order
items() {
	local f=$1 base=$2 i cnt R
	cnt=$(n "$f" "$base/$(e Registry)")
	for ((i = 1; i <= cnt; i++)); do
		R="$base/$(e Registry)[$i]"
		printf '%s\n' "$(xmllint --xpath "concat($R/$(e Properties)/@hive,'|',$R/$(e Properties)/@key,'|',$R/$(e Properties)/@name,'|',$R/$(e Properties)/@type,'|',$R/$(e Properties)/@value,'|',$R/@uid,'|',$R/$(e Properties)/@action,'|',$R/@removePolicy,'|',$R/$(e Filters)/$(e FilterWmi)/@query,'|',$R/$(e GPOSettingOrder))" "$f" 2>/dev/null)"
	done
}

# settings FILE BASE: "key|name|number|string|admsetting" of each
# RegistrySetting below BASE (a DWORD has a Number, a text value a String).
settings() {
	local f=$1 base=$2 i cnt S
	cnt=$(n "$f" "$base/$(e RegistrySetting)")
	for ((i = 1; i <= cnt; i++)); do
		S="$base/$(e RegistrySetting)[$i]"
		printf '%s\n' "$(xmllint --xpath "concat($S/$(e KeyPath),'|',$S/$(e Value)/$(e Name),'|',$S/$(e Value)/$(e Number),'|',$S/$(e Value)/$(e String),'|',$S/$(e AdmSetting))" "$f" 2>/dev/null)"
	done
}

# check_report ID POLICY [NAME]: builds the package and checks its report.
check_report() {
	local id=$1 pkg=$WORK/$1 bk r bx part hive sys f want got ext ver opts
	rm -rf "$pkg"
	if ! "$TLSGPO" build "$2" -o "$pkg" >/dev/null 2>"$WORK/$id.err"; then
		not_ok "$id: builds"
		sed 's/^/#   /' "$WORK/$id.err"
		return
	fi
	bk=$(ls -d "$pkg"/gpo/backup/\{*\})
	r=$bk/gpreport.xml bx=$bk/Backup.xml
	echo "# $id: $r"
	check_eq "$id: gpreport.xml starts with the UTF-16LE BOM and '<?xml'" \
		"$(head -c 6 "$r" | od -An -tx1 | tr -d ' \n')" "fffe3c003f00"
	check "$id: gpreport.xml is all UTF-16LE (iconv decodes it)" \
		iconv -f UTF-16LE -t UTF-8 "$r" -o "$WORK/$id.utf8"
	check_eq "$id: declared encoding=\"utf-16\", every line ends in CRLF" \
		"$(head -1 "$WORK/$id.utf8" | tr -d '\r' | sed 's/^\xef\xbb\xbf//')|$(grep -c $'[^\r]$' "$WORK/$id.utf8")" \
		'<?xml version="1.0" encoding="utf-16"?>|0'
	got=$(xmllint --noout "$r" 2>&1)
	check_eq "$id: libxml2 reads gpreport.xml as well-formed XML" "$?|$got" "0|"
	check_eq "$id: the root is GPO in $SETTINGS" \
		"$(x "$r" "concat(local-name(/*),' ',namespace-uri(/*))")" "GPO $SETTINGS"
	check_eq "$id: Identifier names Backup.xml's GPO and domain (Types namespace)" \
		"$(x "$r" "concat(/*/$(e Identifier)/$(e Identifier),' ',/*/$(e Identifier)/$(e Domain),' ',namespace-uri(/*/$(e Identifier)/*[1]))")" \
		"$(x "$bx" "concat(//$(e GroupPolicyCoreSettings)/$(e ID),' ',//$(e GroupPolicyCoreSettings)/$(e Domain))") http://www.microsoft.com/GroupPolicy/Types"
	check_eq "$id: Name is Backup.xml's DisplayName" \
		"$(x "$r" "/*/$(e Name)")" "$(x "$bx" "//$(e GroupPolicyCoreSettings)/$(e DisplayName)")"
	check_eq "$id: the GPO's children in GPMC's order" \
		"$(xmllint --xpath "/*/*" "$r" 2>/dev/null | grep -o '^<[A-Za-z]*' | tr -d '<' | tr '\n' ' ')" \
		"Identifier Name IncludeComments CreatedTime ModifiedTime ReadTime SecurityDescriptor FilterDataAvailable Computer User "
	opts=$(x "$bx" "//$(e GroupPolicyCoreSettings)/$(e Options)")
	for part in Computer User; do
		[ $part = Computer ] && hive=HKEY_LOCAL_MACHINE sys=$bk/DomainSysvol/GPO/Machine ver=Machine
		[ $part = User ] && hive=HKEY_CURRENT_USER sys=$bk/DomainSysvol/GPO/User ver=User
		P="/*/$(e $part)"
		want=$(x "$bx" "//$(e GroupPolicyCoreSettings)/$(e ${ver}VersionNumber)")
		want="$((want >> 16)) $((want & 65535))"
		if [ $part = Computer ]; then want+=" true"; elif [ "$opts" = 1 ]; then want+=" false"; else want+=" true"; fi
		check_eq "$id: $part: VersionSysvol, VersionDirectory and Enabled agree with Backup.xml" \
			"$(x "$r" "concat($P/$(e VersionSysvol),' ',$P/$(e VersionDirectory),' ',$P/$(e Enabled))")" "$want"
		# Preferences items: Registry.xml's, one for one, numbered 1..n.
		f=$sys/Preferences/Registry/Registry.xml
		ext="$P/$(e ExtensionData)[$(e Name)='Windows Registry']/$(e Extension)"
		if [ -f "$f" ]; then
			want=$(items "$f" "/$(e RegistrySettings)" | awk -F'|' -v OFS='|' '{ $10 = NR; print }')
			got=$(items "$r" "$ext/$(e RegistrySettings)")
			check_eq "$id: $part: every Registry.xml item ($(grep -c . <<<"$want")) is in the report, same attributes and filter, GPOSettingOrder 1..n" \
				"$got" "$want"
			check_eq "$id: $part: the Preferences extension is typed RegistrySettings in .../Settings/Windows/Registry" \
				"$(x "$r" "concat($ext/@*[local-name()='type'],' ',namespace-uri($ext/*[1]))")" \
				"$(x "$r" "substring-before($ext/@*[local-name()='type'],':')"):RegistrySettings $SETTINGS/Windows/Registry"
		else
			check_eq "$id: $part: no Preferences items, no Windows Registry extension" "$(n "$r" "$ext")" 0
		fi
		# registry.pol: each value a RegistrySetting: a DWORD's decimal
		# Number, a REG_SZ's String, a REG_MULTI_SZ's strings in order
		# joined by blanks in one String.
		f=$sys/registry.pol
		ext="$P/$(e ExtensionData)[$(e Name)='Registry']/$(e Extension)"
		if [ -f "$f" ]; then
			want=$("$TLSGPO" decode-pol --json "$f" | jq -r '.[] | "\(.key)|\(.value)|\(
				if .type == "REG_DWORD" then "\(.data)|"
				elif .type == "REG_SZ" then "|\(.data)"
				elif .type == "REG_MULTI_SZ" then "|\(.data | join(" "))"
				else "unexpected type \(.type)|" end)|false"')
			got=$(settings "$r" "$ext")
			check_eq "$id: $part: every registry.pol value ($(grep -c . <<<"$want")) is a RegistrySetting (KeyPath, Name, Number or String, AdmSetting false), nothing more" \
				"$got" "$want"
		else
			check_eq "$id: $part: no registry.pol, no Registry extension" "$(n "$r" "$ext")" 0
		fi
	done
	check_eq "$id: every ExtensionData is one named above" \
		"$(n "$r" "//$(e ExtensionData)[$(e Name)!='Registry' and $(e Name)!='Windows Registry']")" 0
	if [ -n "${3:-}" ]; then
		check_eq "$id: the hostile GPO name comes out literal in Name" "$(x "$r" "/*/$(e Name)")" "$3"
		# Its "<" is escaped on that one line, and nowhere else is one.
		check_eq "$id: ...escaped: the one line with &lt; is Name's" \
			"$(grep -F '&lt;' "$WORK/$id.utf8" | sed 's/^ *<\([A-Za-z]*\)>.*/\1/')" Name
	fi
}

for pol in "$srcdir"/policies/*.ini; do
	check_report "$(basename "$pol" .ini)" "$pol"
done
o365=$srcdir/policies/office365-tls12.ini
for mode in policy preferences both; do
	{ cat "$o365"; printf '\n[gpo]\nmode = %s\n' "$mode"; } > "$WORK/o365-$mode.ini"
	check_report "o365-$mode" "$WORK/o365-$mode.ini"
done
printf '[policy]\nid = user-scope\nname = User scope\nversion = 1.0\n\n[wininet]\nprotocols = tls1.2\nscope = user\n\n[schannel]\ndtls1.2 = enabled\n\n[gpo]\nmode = both\n' > "$WORK/user.ini"
check_report user "$WORK/user.ini"
check_eq "user: the User part has both extensions" \
	"$(n "$WORK/user/gpo/backup/"\{*\}/gpreport.xml "/*/$(e User)/$(e ExtensionData)")" 2

gponame=$'GPO ]]> "dq" \'sq\' & <lt> %PATH% <!-- x --> Ünï 日本 ]]'
{ cat "$o365"; printf '\n[gpo]\nname = %s\nmode = both\n' "$gponame"; } > "$WORK/name.ini"
check_report name "$WORK/name.ini" "$gponame"
check_report hostile "$srcdir/tests/hostile/hostile.ini" \
	"$("$TLSGPO" plan --json "$srcdir/tests/hostile/hostile.ini" 2>/dev/null | jq -r .policy.name)"

# The comparisons can fail: one report item changed, one setting dropped.
r=$(ls "$WORK"/office365-tls12/gpo/backup/\{*\}/gpreport.xml)
f=$(dirname "$r")/DomainSysvol/GPO/Machine/Preferences/Registry/Registry.xml
iconv -f UTF-16LE -t UTF-8 "$r" | sed '0,/value="00000800"/s//value="00000A00"/; /q2:RegistrySetting>/,/q2:RegistrySetting>/d; s/encoding="utf-16"//' > "$WORK/broken.xml"
check "a report with an item changed differs from Registry.xml" \
	test "$(items "$WORK/broken.xml" "/*/$(e Computer)/$(e ExtensionData)[$(e Name)='Windows Registry']/$(e Extension)/$(e RegistrySettings)" | cut -d'|' -f1-9)" != "$(items "$f" "/$(e RegistrySettings)" | cut -d'|' -f1-9)"
check_eq "a report with its registry.pol setting dropped lists none" \
	"$(settings "$WORK/broken.xml" "/*/$(e Computer)/$(e ExtensionData)[$(e Name)='Registry']/$(e Extension)")" ""

done_testing
