#!/bin/bash
# Wine round trip: every sample policy's apply.reg, in both encodings, is
# imported with Wine's regedit /S into a fresh prefix; every value is read
# back with Wine's reg query (in its view) and compared with the plan; then
# rollback.reg is imported and every value must be gone. The hostile-strings
# policy must import just the same.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"
. "$srcdir/tests/wine-lib.sh"

if ! wine_available; then
	skip "Wine round trip" "wine is not installed (apt-get install wine wine64)"
	done_testing
	exit
fi
if ! command -v jq >/dev/null 2>&1; then
	skip "Wine round trip" "jq is not installed (apt-get install jq)"
	done_testing
	exit
fi
t0=$(date +%s)
if ! wine_setup; then
	not_ok "wineboot made a win64 prefix"
	done_testing
	exit
fi
ok "wineboot made a win64 prefix ($(( $(date +%s) - t0 )) s)"

# expected JSON SECTION: "REG_DWORD 0x800" per set operation, "absent" per deletion.
expected() {
	jq -r --arg s "$2" '.[$s][] | if .action == "set" then "REG_DWORD \(.data)" else "absent" end' "$1" |
	while read -r type data; do
		if [ "$type" = absent ]; then echo absent; else printf '%s 0x%x\n' "$type" "$data"; fi
	done
}

# query_until JSON SECTION WANT: reads the plan's values back; under heavy
# load (the sanitizer pass) an import has been seen to show up late, so a
# mismatch is read again, twice, before it counts. A wrong import stays wrong.
query_until() {
	local try got
	for try in 1 2 3; do
		got=$(wine_query_plan "$1" "$2")
		[ "$got" = "$3" ] && break
		echo "# read $try of $2 differs; reading again" >&2
		sleep 2
	done
	printf '%s\n' "$got"
}

roundtrip() {	# POLICY ENCODING
	local pol=$1 enc=$2 id pkg json got want
	id=$(basename "$pol" .ini)
	pkg=$WORK/pkg-$id-$enc
	json=$WORK/plan-$id.json
	"$TLSGPO" build --reg-encoding="$enc" "$pol" -o "$pkg" >/dev/null 2>&1
	"$TLSGPO" plan --json "$pol" > "$json" 2>/dev/null
	wine_fresh "$id-$enc"

	want=$(expected "$json" operations)
	got=$(wine_query_plan "$json" operations)
	check "$id ($enc): before apply.reg the fresh prefix does not match the plan" [ "$got" != "$want" ]
	wine_regedit "$pkg/reg" apply.reg
	got=$(query_until "$json" operations "$want")
	check_eq "$id ($enc): regedit /S apply.reg, then reg query finds all $(echo "$want" | wc -l) values" "$got" "$want"

	wine_regedit "$pkg/reg" rollback.reg
	want=$(expected "$json" rollback)
	got=$(query_until "$json" rollback "$want")
	check_eq "$id ($enc): regedit /S rollback.reg, then every value is gone" "$got" "$want"
	wine_done
}

for pol in "$srcdir"/policies/*.ini; do
	for enc in utf16 ascii; do
		roundtrip "$pol" "$enc"
	done
done

# Hostile text in comments must not break the import or add anything.
for enc in utf16 ascii; do
	pkg=$WORK/hostile-$enc
	"$TLSGPO" build --reg-encoding="$enc" "$srcdir/tests/hostile/hostile.ini" -o "$pkg" >/dev/null 2>&1
	"$TLSGPO" plan --json "$srcdir/tests/hostile/hostile.ini" > "$WORK/hostile.json" 2>/dev/null
	wine_fresh "hostile-$enc"
	wine_regedit "$pkg/reg" apply.reg
	check_eq "hostile strings ($enc): every value imported" \
		"$(query_until "$WORK/hostile.json" operations "$(expected "$WORK/hostile.json" operations)")" \
		"$(expected "$WORK/hostile.json" operations)"
	(cd "$WORK" && timeout 60 wine reg query 'HKLM\X' </dev/null >/dev/null 2>&1)
	check_eq "hostile strings ($enc): the [HKEY_LOCAL_MACHINE\\X] in a comment created no key" "$?" 1
	wine_done
done

echo "# Wine tests took $(( $(date +%s) - t0 )) s"
done_testing
