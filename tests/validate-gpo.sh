#!/bin/bash
# tlsgpo validate and GPO backups: every sample's backup passes (alone, in
# its package, and against its policy); a backup broken in one way at a
# time is refused with FILE:LINE naming what is wrong.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

for pol in "$srcdir"/policies/*.ini; do
	id=$(basename "$pol" .ini)
	"$TLSGPO" build "$pol" -o "$WORK/$id" >/dev/null 2>&1 || not_ok "$id: build"
	run_tool validate "$WORK/$id"
	check_eq "$id: validate passes the package and its backup" "$rc|$(grep -c '1 GPO backup valid' <<<"$out")" "0|1"
	run_tool validate --policy "$pol" "$WORK/$id/gpo/backup"
	check_eq "$id: validate --policy: the backup holds the policy's values" "$rc|$err" "0|"
done

# Breakages, each on a fresh copy of the office365 package.
good=$WORK/office365-tls12
bid=$(cd "$good/gpo/backup" && ls -d '{'*)
fresh() {
	rm -rf "$WORK/bad"
	cp -r "$good" "$WORK/bad"
	B=$WORK/bad/gpo/backup/$bid
}
# refused DESCRIPTION FILE PATTERN [validate options]: exit 1 and a line
# .../FILE:LINE: message, the message matching PATTERN (extended regex).
refused() {
	local d=$1 file=$2 pat=$3
	shift 3
	run_tool validate "$@" "$WORK/bad"
	if [ "$rc" = 1 ] && grep -E -q "^$WORK/bad/(.*/)?$file:[0-9]+: .*$pat" <<<"$err"; then
		ok "$d"
	else
		not_ok "$d"
		printf '#   rc %s, stderr:\n' "$rc"
		head -5 <<<"$err" | sed 's/^/#   /'
	fi
}

fresh
rm "$B/DomainSysvol/GPO/Machine/registry.pol"
refused "a file Backup.xml lists is missing" Backup.xml 'file DomainSysvol/GPO/Machine/registry.pol is not in the backup'

fresh
echo junk > "$B/DomainSysvol/GPO/Machine/extra.txt"
refused "a file under DomainSysvol that Backup.xml does not list" Backup.xml 'DomainSysvol/GPO/Machine/extra.txt is not listed'

fresh
sed -i 's/<ID><!\[CDATA\[{[0-9A-F-]*}\]\]><\/ID>/<ID><![CDATA[{00000000-0000-0000-0000-000000000001}]]><\/ID>/' "$B/bkupInfo.xml"
refused "bkupInfo.xml's ID is not the folder's name" bkupInfo.xml "ID \{00000000-0000-0000-0000-000000000001\} is not the folder's name"

fresh
sed -i 's/<\/GPODisplayName>/<\/GPODisplayName></' "$B/bkupInfo.xml"
refused "bkupInfo.xml is not well-formed" bkupInfo.xml '.'

fresh
sed -i 's|xmlns="http://www.microsoft.com/GroupPolicy/GPOOperations"|xmlns="urn:wrong"|' "$B/Backup.xml"
refused "Backup.xml in the wrong namespace" Backup.xml 'the root is not <GroupPolicyBackupScheme'

fresh
sed -i 's/\[{B087BE9D-ED37-454F-AF9C-04291E351182}{BEE07A6A-EC9F-4659-B8C9-0B1937907C83}\]//' "$B/Backup.xml"
refused "the Preferences extension GUID missing while Registry.xml exists" Backup.xml 'MachineExtensionGuids lacks the Preferences Registry extension'

fresh
sed -i '0,/value="00000800"/s//value="00000A00"/' "$B/DomainSysvol/GPO/Machine/Preferences/Registry/Registry.xml"
refused "a Registry.xml value that is not the package's" Backup.xml "the backup's Machine part sets .*DefaultSecureProtocols=REG_DWORD:00000A00"
refused "...and not the policy's (--policy)" Registry.xml 'Registry.xml holds .*DefaultSecureProtocols=REG_DWORD:00000A00' --policy "$srcdir/policies/office365-tls12.ini"

fresh
sed -i '0,/removePolicy="1"/s//removePolicy="0"/' "$B/DomainSysvol/GPO/Machine/Preferences/Registry/Registry.xml"
refused "an item that does not remove itself" Registry.xml 'item DefaultSecureProtocols: removePolicy="0", where tlsgpo writes removePolicy="1"'

fresh
sed -i '0,/action="R"/s//action="U"/' "$B/DomainSysvol/GPO/Machine/Preferences/Registry/Registry.xml"
refused "an item that updates instead of replacing" Registry.xml 'action="U"'

fresh
u=$(grep -o 'uid="[^"]*"' "$B/DomainSysvol/GPO/Machine/Preferences/Registry/Registry.xml" | head -1)
sed -i "s/uid=\"[^\"]*\"/$u/g" "$B/DomainSysvol/GPO/Machine/Preferences/Registry/Registry.xml"
refused "two items with one uid" Registry.xml 'uid .* is also the uid of line'

# No manifest.xml (a hidden file, often left out of copies; Import-GPO
# -BackupId does not read it): a warning, exit 0.
fresh
rm "$WORK/bad/gpo/backup/manifest.xml"
run_tool validate "$WORK/bad"
check_eq "no manifest.xml: exit 0, one warning naming it, the summary counts it" \
	"$rc|$err|$(grep -c '1 GPO backup valid; 1 warning$' <<<"$out")" \
	"0|$WORK/bad/gpo/backup/manifest.xml:0: warning: missing: GPMC's Manage Backups and Import Settings list the backups of a folder from it (Import-GPO -BackupId does not need it)|1"

fresh
cp -r "$B" "$WORK/bad/gpo/backup/{00000000-0000-0000-0000-0000000000AB}"
sed -i 's/<ID><!\[CDATA\[{[0-9A-F-]*}\]\]><\/ID>/<ID><![CDATA[{00000000-0000-0000-0000-0000000000AB}]]><\/ID>/' "$WORK/bad/gpo/backup/{00000000-0000-0000-0000-0000000000AB}/bkupInfo.xml"
refused "a backup folder manifest.xml does not list" manifest.xml 'backup \{00000000-0000-0000-0000-0000000000AB\} is not listed'

fresh
sed -i 's/Policies\\{[0-9A-F-]*}\\Machine\\registry.pol/Policies\\{00000000-0000-0000-0000-000000000003}\\Machine\\registry.pol/' "$B/Backup.xml"
refused "a SourceExpandedPath with another GPO's GUID" Backup.xml 'bkp:SourceExpandedPath .* does not end in'

fresh
sed -i '0,/%GPO_MACH_FSPATH%/s//%GPO_USER_FSPATH%/' "$B/Backup.xml"
refused "a bkp:Path in the other part" Backup.xml 'bkp:Path "%GPO_USER_FSPATH%.* does not match bkp:Location'

fresh
sed -i 's/<SecurityDescriptor>[^<]*<\/SecurityDescriptor>//' "$B/Backup.xml"
refused "no SecurityDescriptor" Backup.xml '<DisplayName> where GroupPolicyCoreSettings wants <SecurityDescriptor>'

fresh
sed -i 's/<MachineVersionNumber><!\[CDATA\[65537\]\]>/<MachineVersionNumber><![CDATA[0]]>/' "$B/Backup.xml"
refused "MachineVersionNumber 0 with Machine settings" Backup.xml 'MachineVersionNumber is 0'

# A TLS 1.3 item without its filter, or with another build.
rm -rf "$WORK/bad"
cp -r "$WORK/win11-tls12-tls13" "$WORK/bad"
W=$(ls -d "$WORK/bad/gpo/backup/{"*)/DomainSysvol/GPO/Machine/Preferences/Registry/Registry.xml
sed -i "0,/BuildNumber \&gt;= '20348'/s//BuildNumber \&gt;= '2'/" "$W"
refused "a TLS 1.3 item filtered on another build (--policy)" Registry.xml "filter .*BuildNumber >= '2'\", where the policy wants .*'20348'" --policy "$srcdir/policies/win11-tls12-tls13.ini"
rm -rf "$WORK/bad"
cp -r "$WORK/win11-tls12-tls13" "$WORK/bad"
W=$(ls -d "$WORK/bad/gpo/backup/{"*)/DomainSysvol/GPO/Machine/Preferences/Registry/Registry.xml
perl -0pi -e 's{<Filters>.*?</Filters>}{}s' "$W"
refused "a TLS 1.3 item without its filter (--policy)" Registry.xml 'filter "", where the policy wants' --policy "$srcdir/policies/win11-tls12-tls13.ini"

# A Wow6432Node item without its 64-bit filter: 32-bit Windows would get a
# stray key.
fresh
W=$B/DomainSysvol/GPO/Machine/Preferences/Registry/Registry.xml
perl -0pi -e 's{(key="SOFTWARE\\Wow6432Node\\[^"]*" name="DefaultSecureProtocols"[^>]*/>)\s*<Filters>.*?</Filters>}{$1}s' "$W"
refused "a Wow6432Node item without its 64-bit filter (--policy)" Registry.xml 'DefaultSecureProtocols=REG_DWORD:00000800: filter "", where the policy wants "SELECT AddressWidth FROM Win32_Processor WHERE AddressWidth = 64"' --policy "$srcdir/policies/office365-tls12.ini"

fresh
printf 'PReg\001\000\000\000[\000' > "$B/DomainSysvol/GPO/Machine/registry.pol"
refused "a registry.pol cut short" registry.pol 'truncated'

fresh
sed -i 's/<ID><!\[CDATA\[{[0-9A-F-]*}\]\]><\/ID>/<ID><![CDATA[{00000000-0000-0000-0000-000000000002}]]><\/ID>/' "$WORK/bad/gpo/backup/manifest.xml"
refused "manifest.xml names a backup that is not there" manifest.xml 'backup \{00000000-0000-0000-0000-000000000002\} is listed'

fresh
mv "$B" "$WORK/bad/gpo/backup/not-a-guid"
run_tool validate "$WORK/bad"
check "a backup folder whose name is not a {GUID}: refused" grep -q "is not a {GUID}" <<<"$err"

# A folder name with an escape sequence: named, but as \xHH (nothing of a
# name reaches the terminal raw), in the message and in its FILE: prefix.
fresh
esc=$(printf '{\e]0;x\a}')
mv "$B" "$WORK/bad/gpo/backup/$esc"
run_tool validate "$WORK/bad"
check_eq "a backup folder named with an escape sequence: refused, the name as \\xHH, no control character" \
	"$rc|$(grep -c '{\\x1B\]0;x\\x07}/bkupInfo.xml:[0-9]*: the backup folder .{\\x1B\]0;x\\x07}. is not a {GUID}' <<<"$err")|$(LC_ALL=C grep -c $'[\x01-\x09\x0b-\x1f\x7f]' <<<"$err")" "1|1|0"

run_tool validate --policy "$srcdir/policies/easyfix-tls11-tls12.ini" "$good/gpo/backup"
check_eq "another policy's backup: validate --policy fails" "$rc" 1
run_tool validate --policy "$WORK/none.ini" "$good/gpo/backup"
check_eq "--policy that cannot be read: exit 2" "$rc" 2

done_testing
