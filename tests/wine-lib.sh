# wine-lib.sh -- sourced by tests that use Wine's own regedit.exe, reg.exe and
# cmd.exe (Debian packages wine, wine64) as the independent consumer.
#
#   wine_setup                 makes a pristine win64 prefix in $WORK (~14 s)
#   wine_fresh NAME            copies it to a fresh prefix and selects it
#   wine_regedit DIR FILE      imports DIR/FILE with regedit /S
#   wine_query_plan JSON SECTION
#                              reads back every value of .SECTION[] of a
#                              plan --json with reg query, in one cmd.exe run;
#                              prints "TYPE DATA" per value, or "absent"
#   wine_done                  stops the selected prefix's wineserver

export WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY WAYLAND_DISPLAY

wine_available() {
	command -v wine >/dev/null 2>&1 && command -v wineboot >/dev/null 2>&1 &&
		command -v wineserver >/dev/null 2>&1
}

wine_setup() {
	WINE_PRISTINE=$WORK/wine-pristine
	WINEPREFIX=$WINE_PRISTINE timeout 300 wineboot -i >/dev/null 2>&1
	WINEPREFIX=$WINE_PRISTINE timeout 60 wineserver -w
	[ -f "$WINE_PRISTINE/system.reg" ]
}

wine_fresh() {
	[ -n "${WINEPREFIX:-}" ] && wine_done
	export WINEPREFIX=$WORK/wine-$1
	rm -rf "$WINEPREFIX"
	cp -a "$WINE_PRISTINE" "$WINEPREFIX"
	wineserver -p 30
}

wine_done() {
	wineserver -k 2>/dev/null
	wineserver -w 2>/dev/null
	rm -rf "$WINEPREFIX"
	unset WINEPREFIX
}

# regedit.exe reads a leading "/" as a switch: run it on a relative name.
wine_regedit() {
	(cd "$1" && timeout 120 wine regedit /S "$2" </dev/null >/dev/null 2>&1)
	return 0
}

wine_query_plan() {
	local json=$1 section=$2 q=$WORK/query.$BASHPID.cmd
	jq -r --arg s "$section" '.[$s][] | [.hive, .key, .value,
		(if .view == "64" then "/reg:64" elif .view == "32" then "/reg:32" else "" end)] | join("\t")' "$json" |
	awk -F'\t' 'BEGIN { printf "@echo off\r\n" }
		{ printf "echo ==Q %d\r\nreg query \"%s\\%s\" /v \"%s\" %s\r\necho ==RC %%errorlevel%%\r\n", NR, $1, $2, $3, $4 }' > "$q"
	# Output to a file, never a pipe: a wineserver that Wine starts would
	# inherit the pipe and keep it open.
	(cd "$WORK" && timeout 300 wine cmd /c "${q##*/}" </dev/null >"$q.out" 2>/dev/null)
	tr -d '\r' < "$q.out" |
	awk -v names="$(jq -r --arg s "$section" '.[$s][] | .value' "$json" | paste -sd'\t')" '
		BEGIN { n = split(names, name, "\t") }
		/^==Q / { i = $2; found[i] = ""; next }
		/^==RC / { if (found[i] == "") found[i] = "absent"; next }
		{ line = $0; sub(/^    /, "", line)
		  k = index(line, "    REG_")
		  if (k == 0 || substr(line, 1, k - 1) != name[i]) next
		  rest = substr(line, k + 4); j = index(rest, "    ")
		  found[i] = substr(rest, 1, j - 1) " " substr(rest, j + 4) }
		END { for (i = 1; i <= n; i++) print (i in found ? found[i] : "no answer") }'
	rm -f "$q" "$q.out"
}
