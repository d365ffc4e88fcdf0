#!/bin/bash
# GPO backup (gpo/backup), read by tools that did not write it: the
# Preferences Registry.xml items (xmllint XPath) and the backup's
# registry.pol (Samba's PReg parser) hold exactly the plan, split as
# [gpo] mode says; the backup's files agree with each other (IDs, GUIDs,
# bkp:Location, extension GUIDs, version numbers); the backup is
# deterministic and its IDs and item uids follow the policy id and version;
# hostile GPO names stay literal in the XML (CDATA split at ]]>) and in
# import-gpo.ps1; TLS 1.3 and DTLS 1.2 items carry their WMI build filter.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

for tool in xmllint:libxml2-utils jq:jq; do
	if ! command -v "${tool%%:*}" >/dev/null 2>&1; then
		skip "GPO backup checks" "${tool%%:*} is not installed (apt-get install ${tool#*:})"
		done_testing
		exit
	fi
done
have_samba=1
if ! /usr/bin/python3 -c 'import samba.dcerpc.preg' 2>/dev/null; then
	have_samba=0
	why_samba="Samba's python module is not installed (apt-get install python3-samba; run by /usr/bin/python3)"
fi
samba() { /usr/bin/python3 "$srcdir/tests/pol-samba.py" "$@"; }
modules=${TLSGPO_PS_MODULES:-$srcdir/tests/ps/node_modules}
have_ps=1
if ! command -v node >/dev/null 2>&1; then
	have_ps=0 why_ps="node is not installed (apt-get install nodejs)"
elif [ ! -d "$modules/tree-sitter-powershell" ] || [ ! -d "$modules/web-tree-sitter" ]; then
	have_ps=0 why_ps="tree-sitter-powershell is not installed (sh tests/install-deps.sh runs npm ci in tests/ps)"
else
	# ESM resolves packages beside the script: give the checker its modules.
	cp "$srcdir/tests/ps/ps-check.mjs" "$WORK/ps-check.mjs"
	ln -s "$modules" "$WORK/node_modules"
fi
pscheck() { node "$WORK/ps-check.mjs" "$@"; }

# x FILE XPATH: the string value of an XPath expression; n: a count.
x() { xmllint --xpath "string($2)" "$1" 2>/dev/null; }
n() { xmllint --xpath "count($2)" "$1" 2>/dev/null; }
# e NAME: an element step that ignores the namespace.
e() { printf "*[local-name()='%s']" "$1"; }

# Client-side extension + tool GUID pairs (gPC*ExtensionNames).
ADMT_MACHINE='[{35378EAC-683F-11D2-A89A-00C04FBBCFA2}{D02B1F72-3407-48AE-BA88-E8213C6761F1}]'
ADMT_USER='[{35378EAC-683F-11D2-A89A-00C04FBBCFA2}{D02B1F73-3407-48AE-BA88-E8213C6761F1}]'
GPP_REGISTRY='[{B087BE9D-ED37-454F-AF9C-04291E351182}{BEE07A6A-EC9F-4659-B8C9-0B1937907C83}]'
GUID_RE='^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$'

# plan_rows JSON MODE WHERE [HIVE]: "hive|key|value|type|data" of the plan's
# values that MODE puts in WHERE (pol: registry.pol, xml: Registry.xml),
# data as JSON (a REG_DWORD's number, a REG_SZ's string, a REG_MULTI_SZ's
# array of strings),
# optionally of one hive (HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER); auto puts
# keys under SOFTWARE\Policies\ (any case) in registry.pol, the rest in
# Registry.xml.
plan_rows() {
	jq -r --arg mode "$2" --arg where "$3" --arg hive "${4:-}" '.operations[] |
		(.path | split("\\")[0]) as $h | (.path | sub("^[^\\\\]*\\\\"; "")) as $k |
		($k | ascii_downcase | startswith("software\\policies\\")) as $p |
		select($hive == "" or $h == $hive) |
		select(if $mode == "both" then true elif $mode == "policy" then $where == "pol"
			elif $mode == "preferences" then $where == "xml" else $p == ($where == "pol") end) |
		"\($h)|\($k)|\(.value)|\(.type)|\(.data | tojson)"' "$1"
}
# hexrows: plan_rows' "hive|key|value|type|data" with data as Registry.xml's
# value attribute has it: a REG_DWORD as %08X, a REG_SZ its text, a
# REG_MULTI_SZ its strings joined by blanks.
hexrows() {
	local h k v t d
	while IFS='|' read -r h k v t d; do
		[ -n "$h" ] || continue
		case $t in
		REG_DWORD) printf '%s|%s|%s|%s|%08X\n' "$h" "$k" "$v" "$t" "$d" ;;
		*) printf '%s|%s|%s|%s|%s\n' "$h" "$k" "$v" "$t" \
			"$(jq -r 'if type == "array" then join(" ") else . end' <<<"$d")" ;;
		esac
	done
	return 0
}
# xml_data FILE I TYPE VALUE: the data of Registry.xml's item I as JSON, as
# plan_rows has it: a REG_DWORD's %08X value as a number, a REG_SZ's value,
# a REG_MULTI_SZ's <Values><Value> strings in order (the strings the
# extension applies; the value attribute, joined by blanks, is checked
# against the plan by hexrows).
xml_data() {
	local f=$1 i=$2 t=$3 d=$4 j cnt V
	case $t in
	REG_DWORD) echo "$((16#$d))" ;;
	REG_MULTI_SZ)
		V="/RegistrySettings/Registry[$i]/Properties/Values/Value"
		cnt=$(n "$f" "$V")
		for ((j = 1; j <= cnt; j++)); do printf '%s\n' "$(x "$f" "$V[$j]")"; done | jq -R . | jq -sc . ;;
	*) jq -Rc . <<<"$d" ;;
	esac
}

# xml_items FILE: one line per Registry item:
# hive|key|name|type|value|Registry@name|action|removePolicy|bypassErrors|
# changed|uid|#Properties|#Filters children|#FilterWmi|FilterWmi@query
xml_items() {
	local f=$1 i cnt R
	cnt=$(n "$f" "/RegistrySettings/Registry")
	for ((i = 1; i <= cnt; i++)); do
		R="/RegistrySettings/Registry[$i]"
		xmllint --xpath "concat($R/Properties/@hive,'|',$R/Properties/@key,'|',$R/Properties/@name,'|',$R/Properties/@type,'|',$R/Properties/@value,'|',$R/@name,'|',$R/Properties/@action,'|',$R/@removePolicy,'|',$R/@bypassErrors,'|',$R/@changed,'|',$R/@uid,'|',count($R/Properties),'|',count($R/Filters/*),'|',count($R/Filters/FilterWmi),'|',$R/Filters/FilterWmi/@query)" "$f" 2>/dev/null
	done
}

# Every package built, for the PowerShell check at the end.
built=()

# build ID INI: builds the package and its plan; sets pkg, json, bk (the
# backup folder), bid (its name); 1 when there is not exactly one.
build() {
	id=$1 pkg=$WORK/$1 json=$WORK/$1.json
	rm -rf "$pkg"
	if ! "$TLSGPO" build "$2" -o "$pkg" >/dev/null 2>"$WORK/$id.err"; then
		not_ok "$id: builds"
		sed 's/^/#   /' "$WORK/$id.err"
		return 1
	fi
	"$TLSGPO" plan --json "$2" > "$json" 2>/dev/null
	built+=("$pkg")
	local dirs=("$pkg"/gpo/backup/\{*\})
	if [ "${#dirs[@]}" != 1 ] || [ ! -d "${dirs[0]}" ]; then
		not_ok "$id: gpo/backup holds one {BACKUP-ID} folder"
		echo "#   found: ${dirs[*]}"
		return 1
	fi
	bk=${dirs[0]} bid=$(basename "$bk")
}

# check_pkg MODE DATE: every check of one built package ($id, $pkg, $json,
# $bk, $bid), whose [gpo] mode is MODE and whose [gpo] date, as
# "yyyy-MM-dd HH:mm:ss", is DATE.
check_pkg() {
	local mode=$1 date=$2 scope hive f items want got bad wantpol polrows h k v t d
	local xmlset="" polset="" names loc i cnt kind sys guids opts
	echo "# $id (mode $mode): $(jq '.operations | length' "$json") values, backup $bid"

	# Every XML file of the backup is well-formed.
	bad=$(cd "$pkg/gpo/backup" && find . -name '*.xml' | sort | while read -r f; do
		xmllint --noout "$f" 2>&1 >/dev/null | head -3; done)
	check_eq "$id: every XML file in gpo/backup is well-formed" "$bad" ""

	for scope in Machine User; do
		[ $scope = Machine ] && hive=HKEY_LOCAL_MACHINE || hive=HKEY_CURRENT_USER
		sys=$bk/DomainSysvol/GPO/$scope

		# 1. Registry.xml: the items, value by value, are what MODE puts there.
		f=$sys/Preferences/Registry/Registry.xml
		want=$(plan_rows "$json" "$mode" xml $hive | hexrows)
		if [ -z "$want" ]; then
			check "$id: no $scope Registry.xml (mode $mode puts no $scope value there)" test ! -e "$f"
		elif [ ! -f "$f" ]; then
			not_ok "$id: $scope/Preferences/Registry/Registry.xml exists"
		else
			items=$(xml_items "$f")
			check_eq "$id: $scope Registry.xml: only Registry items under RegistrySettings" \
				"$(n "$f" "/RegistrySettings/*")" "$(n "$f" "/RegistrySettings/Registry")"
			check_eq "$id: $scope Registry.xml: hive, key, name, type, %08X value of each item are the plan's" \
				"$(cut -d'|' -f1-5 <<<"$items")" "$want"
			check_eq "$id: $scope Registry.xml: every item has one Properties, action=\"R\", removePolicy=\"1\", bypassErrors=\"1\", its name" \
				"$(awk -F'|' '$12 != 1 || $7 != "R" || $8 != "1" || $9 != "1" || $6 != $3' <<<"$items")" ""
			check_eq "$id: $scope Registry.xml: every item is changed at $date" \
				"$(cut -d'|' -f10 <<<"$items" | sort -u)" "$date"
			got=$(cut -d'|' -f11 <<<"$items")
			check_eq "$id: $scope Registry.xml: every uid is a distinct upper-case {GUID}" \
				"$(grep -cvE "$GUID_RE" <<<"$got") $(sort -u <<<"$got" | wc -l)" "0 $(wc -l <<<"$got")"
			# 6. Filters: TLS 1.3 and DTLS 1.2 items have one build filter,
			# Wow6432Node (32-bit view) items one on a 64-bit Windows, others none.
			check_eq "$id: $scope Registry.xml: TLS 1.3 items have one FilterWmi on BuildNumber >= '20348', DTLS 1.2 ones on '14393', Wow6432Node ones on AddressWidth = 64, no other item has Filters" \
				"$(awk -F'|' '{
					if ($2 ~ /\\SCHANNEL\\Protocols\\TLS 1\.3\\/) b = "BuildNumber >= '"'"'20348'"'"'"
					else if ($2 ~ /\\SCHANNEL\\Protocols\\DTLS 1\.2\\/) b = "BuildNumber >= '"'"'14393'"'"'"
					else if (tolower($2) ~ /^software\\wow6432node\\/) b = "SELECT AddressWidth FROM Win32_Processor WHERE AddressWidth = 64"
					else b = ""
					if (b == "" && ($13 != 0 || $14 != 0)) print "filtered: " $2 " " $3
					if (b != "" && !($13 == 1 && $14 == 1 && index($15, b)))
						print "not filtered on " b ": " $2 " " $3 " (" $13 " " $14 " " $15 ")"
				}' <<<"$items")" ""
			i=0
			while IFS='|' read -r h k v t d _; do
				i=$((i + 1))
				xmlset+="$h|$k|$v|$t|$(xml_data "$f" $i "$t" "$d")"$'\n'
			done <<<"$items"
			echo "$items" >> "$WORK/$id.items"
		fi

		# 2. registry.pol: Samba reads exactly what MODE puts in it.
		f=$sys/registry.pol
		wantpol=$(plan_rows "$json" "$mode" pol $hive)
		if [ -z "$wantpol" ]; then
			check "$id: no $scope registry.pol (mode $mode puts no $scope value there)" test ! -e "$f"
		elif [ ! -f "$f" ]; then
			not_ok "$id: $scope/registry.pol exists"
		else
			polrows=$("$TLSGPO" decode-pol --json "$f" | jq -r --arg h $hive '.[] | "\($h)|\(.key)|\(.value)|\(.type)|\(.data | tojson)"')
			polset+="$polrows"$'\n'
			if [ $have_samba = 1 ]; then
				want=$(jq -Rc 'split("|") | {key: .[1], value: .[2], type: .[3], data: (.[4:] | join("|") | fromjson)}' <<<"$wantpol" | jq -sc .)
				got=$(samba dump "$f" 2>&1)
				got="$? $(jq -c . <<<"$got" 2>&1 || echo "$got")"
				check_eq "$id: Samba reads $scope/registry.pol as the values mode $mode assigns to policy" "$got" "0 $want"
			else
				skip "$id: $scope/registry.pol through Samba" "$why_samba"
			fi
			if [ "$mode" = policy ] || [ "$mode" = both ]; then
				check "$id: $scope/registry.pol is byte for byte gpo/$scope/Registry.pol" cmp "$f" "$pkg/gpo/$scope/Registry.pol"
			fi
		fi
	done

	# 1. Registry.xml + registry.pol together: the plan, split per the mode.
	xmlset=$(grep . <<<"$xmlset" | sort)
	polset=$(grep . <<<"$polset" | sort)
	check_eq "$id: the values in Registry.xml and registry.pol together are the plan" \
		"$(sort -u <(echo "$xmlset") <(echo "$polset") | grep .)" \
		"$(plan_rows "$json" both pol | sort -u)"
	if [ "$mode" = both ]; then
		want=$(plan_rows "$json" both pol | sort -u)
	else
		want=""
	fi
	check_eq "$id: mode $mode: values in both Registry.xml and registry.pol" \
		"$(comm -12 <(echo "$xmlset") <(echo "$polset") | grep .)" "$want"

	# 3. The backup's files agree.
	local info=$bk/bkupInfo.xml man=$pkg/gpo/backup/manifest.xml bx=$bk/Backup.xml
	local core="/$(e GroupPolicyBackupScheme)/$(e GroupPolicyObject)/$(e GroupPolicyCoreSettings)"
	check_eq "$id: bkupInfo.xml: root BackupInst in the manifest namespace" \
		"$(x "$info" "concat(name(/*),' ',namespace-uri(/*))")" "BackupInst http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest"
	check_eq "$id: bkupInfo.xml: ID is the folder name" "$(x "$info" "/$(e BackupInst)/$(e ID)")" "$bid"
	check_eq "$id: manifest.xml: one BackupInst, whose ID is the folder name" \
		"$(n "$man" "/$(e Backups)/$(e BackupInst)") $(x "$man" "/$(e Backups)/$(e BackupInst)/$(e ID)")" "1 $bid"
	check_eq "$id: manifest.xml: root Backups in the manifest namespace" \
		"$(x "$man" "concat(name(/*),' ',namespace-uri(/*))")" "Backups http://www.microsoft.com/GroupPolicy/GPOOperations/Manifest"
	local guid
	guid=$(x "$info" "/$(e BackupInst)/$(e GPOGuid)")
	check_eq "$id: Backup.xml GroupPolicyCoreSettings/ID = bkupInfo GPOGuid = manifest GPOGuid, a {GUID}" \
		"$(x "$bx" "$core/$(e ID)")|$(x "$man" "//$(e BackupInst)/$(e GPOGuid)")|$(grep -cE "$GUID_RE" <<<"$guid")" "$guid|$guid|1"
	check_eq "$id: manifest.xml's BackupInst has bkupInfo.xml's fields" \
		"$(for c in GPOGuid GPODomain GPODomainGuid GPODomainController BackupTime ID Comment GPODisplayName; do x "$man" "//$(e BackupInst)/$(e $c)"; echo; done)" \
		"$(for c in GPOGuid GPODomain GPODomainGuid GPODomainController BackupTime ID Comment GPODisplayName; do x "$info" "/$(e BackupInst)/$(e $c)"; echo; done)"
	check_eq "$id: BackupTime is ${date/ /T}" "$(x "$info" "//$(e BackupTime)")" "${date/ /T}"
	# bkp:Location: each names what is there; each file is named.
	bad=""
	cnt=$(n "$bx" "//@*[local-name()='Location']")
	for ((i = 1; i <= cnt; i++)); do
		kind=$(x "$bx" "local-name((//@*[local-name()='Location'])[$i]/..)")
		loc=$(x "$bx" "(//@*[local-name()='Location'])[$i]")
		case $kind in
		FSObjectFile) [ -f "$bk/${loc//\\//}" ] || bad+="no file $loc; " ;;
		FSObjectDir) [ -d "$bk/${loc//\\//}" ] || bad+="no folder $loc; " ;;
		*) bad+="Location on $kind; " ;;
		esac
	done
	check_eq "$id: Backup.xml: every bkp:Location ($cnt) exists in the backup folder" "$bad" ""
	names=$(for ((i = 1; i <= cnt; i++)); do
		x "$bx" "(//$(e FSObjectFile)/@*[local-name()='Location'])[$i]" | tr '\\' /; echo; done | grep . | sort)
	# GPMC lists the GPO's Adm folder in every backup: last in the Registry
	# extension, an FSObjectFile with no bkp:Location.
	local reg="/$(e GroupPolicyBackupScheme)/$(e GroupPolicyObject)/$(e GroupPolicyExtension)[@*[local-name()='ID']='{35378EAC-683F-11D2-A89A-00C04FBBCFA2}']"
	check_eq "$id: Backup.xml: the Registry extension ends in FSObjectFile %GPO_FSPATH%\\Adm\\*.* from the GPO's SYSVOL folder, without bkp:Location" \
		"$(n "$bx" "$reg")|$(x "$bx" "local-name($reg/*[last()])")|$(x "$bx" "$reg/*[last()]/@*[local-name()='Path']")|$(x "$bx" "$reg/*[last()]/@*[local-name()='SourceExpandedPath']")|$(n "$bx" "$reg/*[last()]/@*[local-name()='Location']")" \
		"1|FSObjectFile|%GPO_FSPATH%\\Adm\\*.*|\\\\dc.tlsgpo.invalid\\sysvol\\tlsgpo.invalid\\Policies\\$guid\\Adm\\*.*|0"
	check_eq "$id: Backup.xml: every file under DomainSysvol is an FSObjectFile bkp:Location" \
		"$(cd "$bk" && find DomainSysvol -type f | sort)" "$names"
	for scope in Machine User; do
		sys=$bk/DomainSysvol/GPO/$scope
		guids=$(x "$bx" "$core/$(e ${scope}ExtensionGuids)")
		local admt=$ADMT_MACHINE
		[ $scope = User ] && admt=$ADMT_USER
		got="" want=""
		[[ $guids == *"$admt"* ]] && got+="registry.pol "
		[[ $guids == *"$GPP_REGISTRY"* ]] && got+="Registry.xml "
		[ -f "$sys/registry.pol" ] && want+="registry.pol "
		[ -f "$sys/Preferences/Registry/Registry.xml" ] && want+="Registry.xml "
		check_eq "$id: ${scope}ExtensionGuids name the Administrative Templates $admt pair exactly with $scope/registry.pol, the Preferences Registry pair exactly with its Registry.xml" \
			"$got" "$want"
		[ -d "$sys" ] && want=nonzero || want=0
		got=$(x "$bx" "$core/$(e ${scope}VersionNumber)")
		[ -n "$got" ] && [ "$got" != 0 ] && got=nonzero
		check_eq "$id: ${scope}VersionNumber is not 0 exactly when the backup has $scope settings" "$got" "$want"
	done
	[ -d "$bk/DomainSysvol/GPO/User" ] && opts=0 || opts=1
	check_eq "$id: Options is $opts (1: user settings disabled, as there are none)" "$(x "$bx" "$core/$(e Options)")" "$opts"
	check_eq "$id: import-gpo.ps1 imports this backup" \
		"$(tr -d '\r' < "$pkg/gpo/import-gpo.ps1" | sed -n "s/^\$BackupId = '\(.*\)'\$/{\1}/p")" "$bid"
}

# Every sample policy, as it is: its [gpo] mode and date, or auto and the
# default date.
gpo_key() {	# POLICY KEY: the key's value in [gpo], or nothing
	awk -v k="$2" '/^\[/ { in_gpo = ($0 == "[gpo]") } in_gpo && $1 == k && $2 == "=" { sub(/^[^=]*= */, ""); sub(/ *;.*$/, ""); print }' "$1"
}
for pol in "$srcdir"/policies/*.ini; do
	pmode=$(gpo_key "$pol" mode)
	pdate=$(gpo_key "$pol" date)
	case $pdate in
	'') pdate="2000-01-01 00:00:00" ;;
	????-??-??) pdate="$pdate 00:00:00" ;;
	????-??-??\ ??:??) pdate="$pdate:00" ;;
	esac
	build "$(basename "$pol" .ini)" "$pol" || continue
	check_pkg "${pmode:-auto}" "$pdate"
done
win11=$srcdir/policies/win11-tls12-tls13.ini
o365=$srcdir/policies/office365-tls12.ini

# The four modes, on a policy with a SOFTWARE\Policies\ value and others.
check_eq "office365-tls12 has values under SOFTWARE\\Policies\\ and others" \
	"$(plan_rows "$WORK/office365-tls12.json" auto pol | wc -l) $(plan_rows "$WORK/office365-tls12.json" auto xml | wc -l)" "1 12"
for mode in auto policy preferences both; do
	{ cat "$o365"; printf '\n[gpo]\nmode = %s\n' "$mode"; } > "$WORK/o365-$mode.ini"
	build "o365-$mode" "$WORK/o365-$mode.ini" && check_pkg "$mode" "2000-01-01 00:00:00"
done
# Text values as Preferences items too: a cipher sample policy in mode both
# (its REG_SZ Functions and REG_MULTI_SZ EccCurves in Registry.xml and
# registry.pol).
cipher=$srcdir/policies/cipher-best-practices.ini
{ cat "$cipher"; printf '\n[gpo]\nmode = both\n'; } > "$WORK/cipher-both.ini"
build cipher-both "$WORK/cipher-both.ini" && check_pkg both "2000-01-01 00:00:00"
check_eq "cipher-both: Registry.xml has a REG_SZ and a REG_MULTI_SZ item" \
	"$(cut -d'|' -f4 "$WORK/cipher-both.items" | grep -c '^REG_SZ$') $(cut -d'|' -f4 "$WORK/cipher-both.items" | grep -c '^REG_MULTI_SZ$')" "1 1"
# HKCU values (WinINet per user) go to the User half; DTLS 1.2 is filtered.
user_ini() {	# MODE
	printf '[policy]\nid = user-scope\nname = User scope\nversion = 1.0\n\n[wininet]\nprotocols = tls1.2\nscope = user\n\n'
	printf '[winhttp]\nprotocols = tls1.2\n\n[schannel]\ndtls1.2 = enabled\ntls1.3.client = disabled\n\n'
	printf '[gpo]\nmode = %s\ndate = 2024-03-05 07:08\n' "$1"
}
for mode in auto both preferences policy; do
	user_ini $mode > "$WORK/user-$mode.ini"
	build "user-$mode" "$WORK/user-$mode.ini" && check_pkg $mode "2024-03-05 07:08:00"
done
check_eq "user-auto: four DTLS 1.2 and two TLS 1.3 items carry a FilterWmi on their build" \
	"$(grep -c "|1|1|1|.*BuildNumber >= '14393'" "$WORK/user-auto.items") $(grep -c "|1|1|1|.*BuildNumber >= '20348'" "$WORK/user-auto.items")" "4 2"

# 6. TLS 1.3 of the Windows 11 policy: the check above is not vacuous.
check_eq "win11-tls12-tls13: each of its TLS 1.3 values is an item with one FilterWmi on build 20348" \
	"$(grep -c "|1|1|1|.*BuildNumber >= '20348'" "$WORK/win11-tls12-tls13.items")" \
	"$(jq '[.operations[] | select(.key | test("SCHANNEL\\\\Protocols\\\\TLS 1\\.3\\\\"))] | length' "$WORK/win11-tls12-tls13.json")"

# The 32-bit view: the check above is not vacuous either.
check_eq "office365-tls12: each of its Wow6432Node values is an item with one FilterWmi on AddressWidth = 64" \
	"$(grep -c '|1|1|1|SELECT AddressWidth FROM Win32_Processor WHERE AddressWidth = 64$' "$WORK/office365-tls12.items")" \
	"$(jq '[.operations[] | select(.path | ascii_downcase | test("\\\\software\\\\wow6432node\\\\"))] | length' "$WORK/office365-tls12.json")"

# 4. Determinism, IDs and uids.
echo "# determinism, backup IDs and item uids"
uids() { cut -d'|' -f11 "$WORK/$1.items"; }
core_id() { x "$WORK/$1/gpo/backup/manifest.xml" "//$(e GPOGuid)"; }
bid_of() { x "$WORK/$1/gpo/backup/manifest.xml" "//$(e BackupInst)/$(e ID)"; }
build again "$win11"
check "the same policy built twice: byte-identical gpo/backup trees" diff -r "$WORK/win11-tls12-tls13/gpo/backup" "$WORK/again/gpo/backup"
check "...and the same import-gpo.ps1" cmp "$WORK/win11-tls12-tls13/gpo/import-gpo.ps1" "$WORK/again/gpo/import-gpo.ps1"
check "two policies: different backup IDs" test "$(bid_of office365-tls12)" != "$(bid_of win11-tls12-tls13)"
check "two policies: different GPO GUIDs" test "$(core_id office365-tls12)" != "$(core_id win11-tls12-tls13)"
check_eq "two policies: no item uid in common" \
	"$(comm -12 <(uids office365-tls12 | sort) <(uids win11-tls12-tls13 | sort))" ""
sed 's/^version *=.*/version = 2.1/' "$win11" > "$WORK/win11-v21.ini"
build win11-v21 "$WORK/win11-v21.ini" && check_pkg auto "2000-01-01 00:00:00"
check "the same policy id, another version: another backup ID" test "$(bid_of win11-v21)" != "$(bid_of win11-tls12-tls13)"
check_eq "...but the same item uids, item by item" "$(uids win11-v21)" "$(uids win11-tls12-tls13)"
check_eq "the same policy, another mode: the same uid for each value in Registry.xml" \
	"$(comm -12 <(cut -d'|' -f2,3,11 "$WORK/o365-auto.items" | sort) <(cut -d'|' -f2,3,11 "$WORK/o365-preferences.items" | sort) | wc -l)" \
	"$(wc -l < "$WORK/o365-auto.items")"
for dt in "2023-12-31 23:59:58" "2021-06-30"; do
	t=$dt
	[ ${#t} = 10 ] && t+=" 00:00:00"
	{ cat "$win11"; printf '\n[gpo]\ndate = %s\n' "$dt"; } > "$WORK/date.ini"
	rm -f "$WORK/date.items"
	build date "$WORK/date.ini" && check_pkg auto "$t"
	check_eq "[gpo] date = $dt: manifest BackupTime" "$(x "$WORK/date/gpo/backup/manifest.xml" "//$(e BackupTime)")" "${t/ /T}"
	check_eq "[gpo] date = $dt: the uids do not change" "$(uids date)" "$(uids win11-tls12-tls13)"
done

# 5. Hostile text in the GPO name.
echo "# hostile GPO names"
gponame=$'GPO ]]> "dq" \'sq\' \xe2\x80\x98curly\xe2\x80\x99 & <lt> %PATH% !x! $(x) ${y} `bt` #> <# ]]]]> Ünï 日本 עברית ]]'
{ cat "$o365"; printf '\n[gpo]\nname = %s\nmode = both\n' "$gponame"; } > "$WORK/name.ini"
hostile_name() {	# ID NAME
	local id=$1 name=$2 pkg=$WORK/$1 info man bx got lit esc
	bk=$(ls -d "$pkg"/gpo/backup/\{*\})
	info=$bk/bkupInfo.xml man=$pkg/gpo/backup/manifest.xml bx=$bk/Backup.xml
	check_eq "$id: bkupInfo.xml GPODisplayName is the name" "$(x "$info" "//$(e GPODisplayName)")" "$name"
	check_eq "$id: manifest.xml GPODisplayName is the name" "$(x "$man" "//$(e GPODisplayName)")" "$name"
	check_eq "$id: Backup.xml DisplayName is the name" "$(x "$bx" "//$(e GroupPolicyCoreSettings)/$(e DisplayName)")" "$name"
	check "$id: import-gpo.ps1 is UTF-8 with BOM and CRLF" bash -c "[ \"\$(head -c 3 '$pkg/gpo/import-gpo.ps1' | od -An -tx1 | tr -d ' ')\" = efbbbf ] && [ \$(grep -c \$'\\r\$' '$pkg/gpo/import-gpo.ps1') = \$(wc -l < '$pkg/gpo/import-gpo.ps1') ]"
	# PowerShell doubles ' (and U+2018..U+201B, which it also takes as ') in '...'.
	esc=$(sed "s/'/''/g; s/\xe2\x80\x98/&&/g; s/\xe2\x80\x99/&&/g; s/\xe2\x80\x9a/&&/g; s/\xe2\x80\x9b/&&/g" <<<"$name")
	got=$(tr -d '\r' < "$pkg/gpo/import-gpo.ps1" | grep -F '$TargetName = ' | grep -vF '[string]$TargetName')
	check_eq "$id: import-gpo.ps1: the \$TargetName = line holds the name in '...', quotes doubled" \
		"$got" "if (\$TargetName -eq '') { \$TargetName = '$esc' }"
	check_eq "$id: import-gpo.ps1: the name's non-ASCII part is on that line only" \
		"$(grep -c 'Ünï' "$pkg/gpo/import-gpo.ps1")" 1
	if [ $have_ps = 1 ]; then
		lit=$(pscheck literal TargetName "$pkg/gpo/import-gpo.ps1")
		check_eq "$id: import-gpo.ps1: tree-sitter reads \$TargetName as one verbatim literal, the name" \
			"$(jq -r '"\(.strings) \(.expansions) \(.kind)"' <<<"$lit")|$(jq -r .text <<<"$lit")" "1 0 verbatim|$name"
	else
		skip "$id: import-gpo.ps1 \$TargetName through tree-sitter" "$why_ps"
	fi
}
build name "$WORK/name.ini" && { check_pkg both "2000-01-01 00:00:00"; hostile_name name "$gponame"; }
build hostile "$srcdir/tests/hostile/hostile.ini" && {
	check_pkg auto "2000-01-01 00:00:00"
	hostile_name hostile "$(jq -r .policy.name "$WORK/hostile.json")"
}
check_eq "the hostile names hold ]]> (so CDATA must be split), ' and a curly quote" \
	"$(grep -c ']]>' <<<"$gponame")$(jq -r .policy.name "$WORK/hostile.json" | grep -c ']]>')$(grep -c $'\'.*\xe2\x80\x98' <<<"$gponame")" 111

# 5. Every import-gpo.ps1 parses; the checker can fail.
if [ $have_ps = 1 ]; then
	printf '\xef\xbb\xbfif ($x) { $TargetName = '"'"'a'"'"'b'"'"' }\r\n' > "$WORK/broken.ps1"
	out=$(pscheck syntax "$WORK/broken.ps1")
	check_eq "the PowerShell checker fails on a name whose ' is not doubled" "$? $(grep -c "^$WORK/broken.ps1:" <<<"$out")" "1 1"
	out=$(pscheck syntax "${built[@]/%//gpo/import-gpo.ps1}")
	check_eq "every import-gpo.ps1 (${#built[@]}) parses with no ERROR or MISSING node" "$? $out" "0 "
else
	skip "import-gpo.ps1 through tree-sitter" "$why_ps"
fi

done_testing
