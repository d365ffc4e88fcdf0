#!/bin/bash
# build: the package layout, MANIFEST.sha256 checked by sha256sum, encodings,
# determinism, atomicity, and --force.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

pol=$srcdir/policies/office365-tls12.ini
run_tool build "$pol" -o "$WORK/pkg"
check_eq "build: exit 0 and a summary" "$rc $out" "0 $WORK/pkg: 25 files, 13 registry values"
files=$(cd "$WORK/pkg" && find . -type f | sort | tr '\n' ' ')
check_eq "package files" "$files" "./MANIFEST.sha256 ./README.txt ./gpo/Machine/Registry.pol ./gpo/PolicyDefinitions/Contoso_office365_tls12.admx ./gpo/PolicyDefinitions/en-US/Contoso_office365_tls12.adml ./gpo/PolicyDefinitions/sv-SE/Contoso_office365_tls12.adml ./gpo/PolicyDefinitions/zh-TW/Contoso_office365_tls12.adml ./gpo/backup/manifest.xml ./gpo/backup/{E276DE74-4EEB-586F-8256-FD04C145A8CD}/Backup.xml ./gpo/backup/{E276DE74-4EEB-586F-8256-FD04C145A8CD}/DomainSysvol/GPO/Machine/Preferences/Registry/Registry.xml ./gpo/backup/{E276DE74-4EEB-586F-8256-FD04C145A8CD}/DomainSysvol/GPO/Machine/registry.pol ./gpo/backup/{E276DE74-4EEB-586F-8256-FD04C145A8CD}/bkupInfo.xml ./gpo/backup/{E276DE74-4EEB-586F-8256-FD04C145A8CD}/gpreport.xml ./gpo/import-gpo.ps1 ./gpo/lgpo-rollback.txt ./gpo/lgpo.txt ./gpo/rollback/Machine/Registry.pol ./reg/apply.reg ./reg/rollback.reg ./scripts/apply.cmd ./scripts/apply.ps1 ./scripts/detect.cmd ./scripts/detect.ps1 ./scripts/rollback.cmd ./scripts/rollback.ps1 "
check "sha256sum -c accepts MANIFEST.sha256" bash -c "cd '$WORK/pkg' && sha256sum --quiet --strict -c MANIFEST.sha256"
check_eq "MANIFEST lists every other file" "$(awk '{print $2}' "$WORK/pkg/MANIFEST.sha256" | tr '\n' ' ')" \
	"$(cd "$WORK/pkg" && find . -type f ! -name MANIFEST.sha256 | sed 's|^\./||' | sort | tr '\n' ' ')"
check "no temporary directory left beside the package" [ -z "$(cd "$WORK" && ls -A | grep tmp)" ]

# Encodings, byte by byte.
reg=$WORK/pkg/reg/apply.reg
check_eq "apply.reg starts with the UTF-16LE BOM" "$(head -c 2 "$reg" | od -An -tx1 | tr -d ' ')" "fffe"
text=$(iconv -f UTF-16 -t UTF-8 "$reg")
check_eq "apply.reg: regedit 5 header" "$(printf '%s\n' "$text" | head -1)" "$(printf 'Windows Registry Editor Version 5.00\r')"
iconv -f UTF-16 -t UTF-8 "$reg" > "$WORK/apply.utf8"
check_eq "apply.reg: every line ends in CRLF" "$(grep -c $'\r$' "$WORK/apply.utf8")" "$(wc -l < "$WORK/apply.utf8")"
check "apply.reg: dword:%08x" grep -q '^"DefaultSecureProtocols"=dword:00000800'$'\r''$' <<<"$text"
check "README.txt: UTF-8 BOM" [ "$(head -c 3 "$WORK/pkg/README.txt" | od -An -tx1 | tr -d ' ')" = efbbbf ]
check "README.txt: CRLF" grep -q $'\r$' "$WORK/pkg/README.txt"

run_tool build --reg-encoding=ascii "$pol" -o "$WORK/ascii"
areg=$WORK/ascii/reg/apply.reg
check_eq "ascii: same lines as the UTF-16 file" "$(cat "$areg")" "$text"
check "ascii: no byte above 0x7F" bash -c "! LC_ALL=C grep -q '[^ -~'$'\r\t'']' '$areg'"
check "ascii: starts with the header, no BOM" bash -c "head -c 36 '$areg' | grep -qx 'Windows Registry Editor Version 5.00'"

# Determinism: same policy, same bytes, whatever the directory.
run_tool build "$pol" -o "$WORK/again"
check "same policy, same bytes" diff -r "$WORK/pkg" "$WORK/again"
cp "$pol" "$WORK/copy.ini"
run_tool build "$WORK/copy.ini" -o "$WORK/copy"
check "same policy from another path, same bytes" diff -r "$WORK/pkg" "$WORK/copy"

# Existing output is never clobbered without --force.
sum_before=$(cd "$WORK/pkg" && sha256sum MANIFEST.sha256)
run_tool build "$srcdir/policies/server-hardening.ini" -o "$WORK/pkg"
check_eq "existing DIR: exit 2 with a message" "$rc $err" "2 tlsgpo build: $WORK/pkg: already exists; use --force to replace it"
check_eq "existing DIR: untouched" "$(cd "$WORK/pkg" && sha256sum MANIFEST.sha256)" "$sum_before"
run_tool build --force "$srcdir/policies/server-hardening.ini" -o "$WORK/pkg/"
check_eq "--force replaces an earlier package" "$rc" 0
check "--force: the new package is in place" grep -q 'Server hardening' "$WORK/pkg/README.txt"
check "--force: nothing of the old one is left" [ -z "$(cd "$WORK" && ls -A | grep -E 'tmp|old')" ]

mkdir "$WORK/home" && echo precious > "$WORK/home/notes.txt"
run_tool build --force "$pol" -o "$WORK/home"
check_eq "--force refuses a directory that is not a package" "$rc $(tail -1 <<<"$err")" "2 tlsgpo build: $WORK/home: exists and is not a tlsgpo package (no MANIFEST.sha256); refusing to replace it"
check_eq "...and leaves it alone" "$(cat "$WORK/home/notes.txt")" precious
echo data > "$WORK/file"
run_tool build --force "$pol" -o "$WORK/file"
check_eq "--force refuses a regular file" "$rc" 2
mkdir "$WORK/empty"
run_tool build --force "$pol" -o "$WORK/empty"
check_eq "--force fills an empty directory" "$rc $(ls "$WORK/empty" | tr '\n' ' ')" "0 MANIFEST.sha256 README.txt gpo reg scripts "

# Errors while writing leave nothing behind.
run_tool build "$pol" -o "$WORK/no/such/parent/pkg"
check_eq "missing parent directory: exit 3" "$rc" 3
check "missing parent directory: message names DIR" grep -q "^tlsgpo build: $WORK/no/such/parent/pkg: cannot open the directory it goes in ($WORK/no/such/parent): No such file or directory" <<<"$err"
run_tool build "$pol" -o /proc/tlsgpo-test
check_eq "unwritable place: exit 3" "$rc" 3
check "unwritable place: nothing left there" [ ! -e /proc/tlsgpo-test ]

# README.txt follows the plan (issue 9): no claim about the prior state; the
# tattoo paragraph only for values outside Software\Policies; user scope
# names gpo\User\Registry.pol and no elevation.
printf '[policy]\nid = mp\nname = Machine policy\nversion = 1.0\n\n[wininet]\nprotocols = tls1.2\n' > "$WORK/mp.ini"
printf '[policy]\nid = us\nname = User scope\nversion = 1.0\n\n[wininet]\nprotocols = tls1.2\nscope = user\n' > "$WORK/us.ini"
"$TLSGPO" build "$WORK/mp.ini" -o "$WORK/mp" >/dev/null 2>&1
"$TLSGPO" build "$WORK/us.ini" -o "$WORK/us" >/dev/null 2>&1
"$TLSGPO" build "$pol" -o "$WORK/o365" >/dev/null 2>&1
check_eq "README.txt never claims a value's prior state" "$(cat "$WORK"/mp/README.txt "$WORK"/us/README.txt "$WORK"/o365/README.txt | grep -c 'before: absent')" 0
check "...says what the scripts record instead" grep -q 'scripts record it on each machine' "$WORK/mp/README.txt"
check "WinINet machine policy: no tattoo paragraph, it lies under Software\\Policies" \
	bash -c '! grep -q tattoos "$1" && grep -q "These values lie under" "$1"' _ "$WORK/mp/README.txt"
check "values outside Software\\Policies: the tattoo paragraph" grep -q tattoos "$WORK/o365/README.txt"
check "user scope: names gpo\\User\\Registry.pol, not gpo\\Machine, and no elevation" \
	bash -c 'grep -q "gpo.User.Registry.pol" "$1" && ! grep -q "gpo.Machine.Registry.pol" "$1" && grep -q "not as SYSTEM; no" "$1"' _ "$WORK/us/README.txt"

done_testing
