#!/bin/bash
# Hostile policy text reaches README.txt, the .reg comments and the JSON plan
# as literal text, in both .reg encodings. (The Wine import of the same
# package is in wine.sh.)
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

pol=$srcdir/tests/hostile/hostile.ini
name=$(sed -n 's/^name *= //p' "$pol")
desc=$(sed -n 's/^description *= //p' "$pol")
vendor=$(sed -n 's/^vendor *= //p' "$pol")

run_tool build "$pol" -o "$WORK/u"
check_eq "hostile policy builds" "$rc" 0
run_tool build --reg-encoding=ascii "$pol" -o "$WORK/a"
check_eq "hostile policy builds (ascii .reg)" "$rc" 0

readme=$(sed '1s/^\xef\xbb\xbf//' "$WORK/u/README.txt" | tr -d '\r')
check_eq "README.txt: title line is the literal name" "$(echo "$readme" | head -1)" "$name"
check "README.txt: literal name" grep -qxF "Policy       $name" <<<"$readme"
check "README.txt: literal description" grep -qxF "Description  $desc" <<<"$readme"

reg=$(iconv -f UTF-16LE -t UTF-8 "$WORK/u/reg/apply.reg" | sed '1s/^\xef\xbb\xbf//' | tr -d '\r')
check "apply.reg: literal name in a comment" grep -qxF "; Policy: $name" <<<"$reg"
check "apply.reg: literal description in a comment" grep -qxF "; Description: $desc" <<<"$reg"
# Outside comments the file holds only the header, sections and values.
strays=$(grep -v -e '^;' -e '^$' -e '^Windows Registry Editor Version 5.00$' -e '^\[HKEY_LOCAL_MACHINE\\[^]]*\]$' \
	-e '^"[A-Za-z]*"=dword:[0-9a-f]\{8\}$' <<<"$reg")
check_eq "apply.reg: nothing but comments, sections and values" "$strays" ""
check_eq "apply.reg: the description's fake [section] stays inside its comment" \
	"$(grep -c 'HKEY_LOCAL_MACHINE\\X' <<<"$reg")" 1

areg=$(tr -d '\r' < "$WORK/a/reg/apply.reg")
aname=$(printf '%s' "$name" | sed 's/Ünï/<U+00DC>n<U+00EF>/; s/日本/<U+65E5><U+672C>/; s/עברית/<U+05E2><U+05D1><U+05E8><U+05D9><U+05EA>/')
check "ascii apply.reg: name with <U+XXXX> for non-ASCII" grep -qxF "; Policy: $aname" <<<"$areg"
check "ascii apply.reg: pure ASCII" bash -c "! LC_ALL=C grep -q '[^ -~'$'\r\t'']' '$WORK/a/reg/apply.reg'"

if command -v jq >/dev/null 2>&1; then
	run_tool plan --json "$pol"
	check_eq "plan --json: name round-trips through jq" "$(jq -r .policy.name <<<"$out")" "$name"
	check_eq "plan --json: description round-trips through jq" "$(jq -r .policy.description <<<"$out")" "$desc"
	check_eq "plan --json: vendor round-trips through jq" "$(jq -r .policy.vendor <<<"$out")" "$vendor"
else
	skip "plan --json round trip through jq" "jq is not installed"
fi

done_testing
