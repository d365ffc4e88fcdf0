#!/bin/bash
# The generated scripts, read by tools that did not write them: every .ps1
# parses with the tree-sitter PowerShell grammar with no ERROR or MISSING
# node; the .ps1 and the .cmd encode the same (key, view, value, type, data)
# operations as the plan; hostile policy text sits inside one PowerShell
# literal and is caret-escaped for cmd. (Running the .cmd files is
# scripts-wine.sh.)
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

modules=${TLSGPO_PS_MODULES:-$srcdir/tests/ps/node_modules}
have_ps=1
if ! command -v node >/dev/null 2>&1; then
	have_ps=0 why="node is not installed (apt-get install nodejs)"
elif [ ! -d "$modules/tree-sitter-powershell" ] || [ ! -d "$modules/web-tree-sitter" ]; then
	have_ps=0 why="tree-sitter-powershell is not installed (sh tests/install-deps.sh runs npm ci in tests/ps)"
else
	# ESM resolves packages beside the script: give the checker its modules.
	cp "$srcdir/tests/ps/ps-check.mjs" "$WORK/ps-check.mjs"
	ln -s "$modules" "$WORK/node_modules"
fi
pscheck() { node "$WORK/ps-check.mjs" "$@"; }
if ! command -v jq >/dev/null 2>&1; then
	skip "generated scripts" "jq is not installed (apt-get install jq)"
	done_testing
	exit
fi

# The grammar must be able to fail: a broken script is flagged, with a line.
if [ $have_ps = 1 ]; then
	printf 'function f {\n  $x = @{ A = 1\n}\n' > "$WORK/broken.ps1"
	out=$(pscheck syntax "$WORK/broken.ps1")
	check_eq "the PowerShell checker fails on a broken script, naming the place" \
		"$? $(grep -c "^$WORK/broken.ps1:[0-9]*:[0-9]*: " <<<"$out")" "1 1"
fi

# The .cmd plan, read with awk: "key|view|value|type|data" per OP_N row.
cmd_ops() {
	tr -d '\r' < "$1" | awk '
		/^set "OP_[0-9]+=/ { row = substr($0, index($0, "=") + 1); sub(/"$/, "", row)
		  split(row, f, "|"); print f[1] "|" f[2] "|" f[3] "|" f[4] "|" f[5] }'
}

# The view rule for .cmd (issue 8, item 7): every line that runs reg.exe
# names its view, directly or through OP_VIEW / K_VIEW, and every plan row's
# view is /reg:64 or /reg:32. Prints the lines that break it.
cmd_view_rule() {
	tr -d '\r' < "$1" | awk '
		/^[ \t]*rem / { next }
		/%REG%/ && !/\/reg:(32|64)|%OP_VIEW%|%K_VIEW%/ { print FILENAME ":" NR ": " $0; bad = 1 }
		/%REG%/ { calls++ }
		/^set "(OP|K)_[0-9]+=/ { split($0, f, "|"); if (f[2] !~ /^\/reg:(32|64)$/) { print FILENAME ":" NR ": " $0; bad = 1 } }
		END { if (calls == 0) print "no reg.exe call at all"; exit bad || calls == 0 }' FILENAME="$1"
}

# Every label a .cmd calls or jumps to exists: Wine's cmd.exe goes on
# silently past "call :missing" (Windows' says "cannot find the batch
# label"), so a lost label would pass the Wine tests. Prints what is
# missing.
cmd_label_rule() {
	tr -d '\r' < "$1" | awk '
		/^[ \t]*rem / { next }
		/^:[A-Za-z_][A-Za-z0-9_]*/ { l = substr($1, 2); def[tolower(l)] = 1 }
		{
			line = $0
			while (match(line, /(call :|goto :?)[A-Za-z_][A-Za-z0-9_]*/)) {
				t = substr(line, RSTART, RLENGTH); sub(/^(call :|goto :?)/, "", t)
				if (tolower(t) != "eof") use[tolower(t)] = NR
				line = substr(line, RSTART + RLENGTH)
			}
		}
		END { for (u in use) if (!(u in def)) print FILENAME ":" use[u] ": no label :" u }' FILENAME="$1"
}
# Labels in call order: cmd looks for a label from the next line on and
# wraps to the top only at the end, reading every line on the way (Wine's
# cmd slowly). A CALL must find its label below it (key_denied's call of
# :read_key, for a key's parent, once, is the one exception) and a GOTO
# back is a loop of at most 40 lines; no label is defined twice. Prints
# what breaks it.
cmd_order_rule() {
	tr -d '\r' < "$1" > "$WORK/order.cmd"
	awk '
		NR == FNR {
			if (!/^:[A-Za-z_][A-Za-z0-9_]*/) next
			l = tolower(substr($1, 2))
			# Where a label is found would depend on where the search starts.
			if (l in def) { print f ":" FNR ": label :" l " defined twice"; next }
			def[l] = FNR; next
		}
		/^[ \t]*rem / { next }
		/^:[A-Za-z_][A-Za-z0-9_]*/ { cur = tolower(substr($1, 2)) }
		{
			line = tolower($0)
			while (match(line, /(call :|goto :?)[a-z_][a-z0-9_]*/)) {
				t = substr(line, RSTART, RLENGTH); k = (t ~ /^call/) ? "call" : "goto"
				sub(/^(call :|goto :?)/, "", t); t = tolower(t)
				line = substr(line, RSTART + RLENGTH)
				if (t == "eof" || !(t in def) || def[t] > FNR) continue
				if (k == "call" && t == "read_key" && cur ~ /^key_denied/) continue
				if (k == "goto" && FNR - def[t] <= 40) continue
				print f ":" FNR ": " k " :" t " goes back (from :" cur ")"
			}
		}' f="$1" "$WORK/order.cmd" "$WORK/order.cmd"
}
printf '@echo off\r\ncall :one\r\nexit /b 0\r\n:two\r\nexit /b 0\r\n:one\r\nCALL :two\r\ngoto one\r\n:Two\r\n' > "$WORK/order.bad.cmd"
check_eq "the .cmd order rule flags a CALL back and a label defined twice, not a short GOTO loop" \
	"$(cmd_order_rule "$WORK/order.bad.cmd" | sed 's/^[^:]*://')" "9: label :two defined twice
7: call :two goes back (from :one)"

printf '@echo off\r\ncall :there\r\ngoto gone\r\ngoto :eof\r\n:there\r\nexit /b 0\r\n' > "$WORK/labels.cmd"
check_eq "the .cmd label rule flags a goto to a label that is not there, and only that" \
	"$(cmd_label_rule "$WORK/labels.cmd" | sed 's/.*: //')" "no label :gone"

# The rule must be able to fail: a script with one reg.exe call without a view.
printf '@echo off\r\n%%REG%% query "HKLM\\SOFTWARE\\x" /v y\r\nset "OP_1=HKLM\\x||y|REG_DWORD|0x1|1|l"\r\n' > "$WORK/noview.cmd"
check_eq "the .cmd view rule flags a reg.exe call and a plan row without a view" \
	"$(cmd_view_rule "$WORK/noview.cmd" | wc -l)" 2
if [ $have_ps = 1 ]; then
	printf 'param([string] $D = (Join-Path $PSScriptRoot "b"))\n$k = [Microsoft.Win32.RegistryKey]::OpenBaseKey($h)\n$v = [Microsoft.Win32.Registry]::LocalMachine\nGet-Item "HKLM:\\SOFTWARE"\n& $reg query x\n' > "$WORK/rules.ps1"
	check_eq "the .ps1 field rules flag \$PSScriptRoot in a default, a key opened without a view, a provider path, reg.exe without /reg:" \
		"$(pscheck rules "$WORK/rules.ps1" | cut -d: -f2 | tr '\n' ' ')" "1 2 3 4 5 "
fi

for pol in "$srcdir"/policies/*.ini "$srcdir/tests/hostile/hostile.ini"; do
	id=$(basename "$pol" .ini)
	pkg=$WORK/$id
	"$TLSGPO" build "$pol" -o "$pkg" >/dev/null 2>&1
	"$TLSGPO" plan --json "$pol" > "$WORK/$id.json" 2>/dev/null
	files=$(cd "$pkg/scripts" 2>/dev/null && ls | tr '\n' ' ')
	check_eq "$id: six scripts" "$files" "apply.cmd apply.ps1 detect.cmd detect.ps1 rollback.cmd rollback.ps1 "

	# The plan, as each language should carry it: in a .cmd row a DWORD as
	# 0x%08X, a REG_SZ its text, a REG_MULTI_SZ its strings with reg.exe's
	# \0 between them.
	want=$(jq -r '.operations[] | "\(.hive)\\\(.key)|\(if .view == "32" then "/reg:32" else "/reg:64" end)|\(.value)|\(.type)|\(
		if .type == "REG_DWORD" then .hex
		elif .type == "REG_SZ" then .data
		elif .type == "REG_MULTI_SZ" then (.data | join("\\0"))
		else "unexpected type \(.type)" end)"' "$WORK/$id.json")
	for s in apply detect rollback; do
		check_eq "$id: $s.cmd sets the plan's operations" "$(cmd_ops "$pkg/scripts/$s.cmd")" "$want"
		check_eq "$id: $s.cmd names the registry view in every reg.exe call" "$(cmd_view_rule "$pkg/scripts/$s.cmd")" ""
		check_eq "$id: $s.cmd defines every label it calls or jumps to" "$(cmd_label_rule "$pkg/scripts/$s.cmd")" ""
		check_eq "$id: $s.cmd calls no label above the call (Wine reads the whole file for one)" "$(cmd_order_rule "$pkg/scripts/$s.cmd")" ""
		check "$id: $s.cmd is ASCII with CRLF line ends" bash -c "! LC_ALL=C grep -q '[^ -~'$'\t\r'']' '$pkg/scripts/$s.cmd' && [ \$(grep -c \$'\\r\$' '$pkg/scripts/$s.cmd') = \$(wc -l < '$pkg/scripts/$s.cmd') ]"
	done

	if [ $have_ps = 0 ]; then
		skip "$id: .ps1 files parse and carry the plan" "$why"
		continue
	fi
	out=$(pscheck syntax "$pkg"/scripts/*.ps1)
	check_eq "$id: every .ps1 parses with no ERROR or MISSING node" "$out" ""
	check_eq "$id: no .ps1 uses an automatic variable in a param() default or opens the registry without naming its view" \
		"$(pscheck rules "$pkg"/scripts/*.ps1)" ""
	pswant=$(jq -r '.operations[] | "\(.hive)|\(.view)|\(.key)|\(.value)|\(.type)|\(.data)"' "$WORK/$id.json")
	for s in apply detect rollback; do
		got=$(pscheck plan "$pkg/scripts/$s.ps1" | jq -r '"\(.Hive)|\(.View)|\(.Key)|\(.Name)|\(.Type)|\(.Data)"')
		check_eq "$id: $s.ps1 \$Plan is the plan" "$got" "$pswant"
		check "$id: $s.ps1 is UTF-8 with BOM and CRLF" bash -c "[ \"\$(head -c 3 '$pkg/scripts/$s.ps1' | od -An -tx1 | tr -d ' ')\" = efbbbf ] && [ \$(grep -c \$'\\r\$' '$pkg/scripts/$s.ps1') = \$(wc -l < '$pkg/scripts/$s.ps1') ]"
	done
	name=$(jq -r .policy.name "$WORK/$id.json")
	got=$(pscheck literal PolicyName "$pkg/scripts/apply.ps1")
	check_eq "$id: \$PolicyName is one verbatim literal holding the name" \
		"$(jq -r '"\(.strings) \(.expansions) \(.kind)"' <<<"$got")|$(jq -r .text <<<"$got")" "1 0 verbatim|$name"
done

# REG_SZ and REG_MULTI_SZ data and key names with '/' (tests/ps-crypto.ini):
# the .ps1 files (the .cmd rows of text values are checked above, on the
# cipher sample policies in policies/).
pkg=$WORK/ps-crypto
"$TLSGPO" build "$srcdir/tests/ps-crypto.ini" -o "$pkg" >/dev/null 2>&1
"$TLSGPO" plan --json "$srcdir/tests/ps-crypto.ini" > "$WORK/ps-crypto.json" 2>/dev/null
if [ $have_ps = 1 ]; then
	check_eq "ps-crypto: every .ps1 parses with no ERROR or MISSING node" "$(pscheck syntax "$pkg"/scripts/*.ps1)" ""
	check_eq "ps-crypto: no .ps1 breaks a field rule (a registry provider path, a key opened without its view)" \
		"$(pscheck rules "$pkg"/scripts/*.ps1)" ""
	pswant=$(jq -r '.operations[] | "\(.hive)|\(.view)|\(.key)|\(.value)|\(.type)|\(.data)"' "$WORK/ps-crypto.json")
	for s in apply detect rollback; do
		got=$(pscheck plan "$pkg/scripts/$s.ps1" | jq -r '"\(.Hive)|\(.View)|\(.Key)|\(.Name)|\(.Type)|\(.Data)"')
		check_eq "ps-crypto: $s.ps1 \$Plan is the plan: a REG_SZ as one verbatim string, a REG_MULTI_SZ as a list of them, keys with '/'" "$got" "$pswant"
	done
	check "...and the list is a [string[]], which SetValue takes as MultiString" \
		grep -q "Name = 'EccCurves'; Type = 'REG_MULTI_SZ'; Data = \[string\[\]\]@('curve25519', 'NistP256');" "$pkg/scripts/apply.ps1"
else
	skip "ps-crypto: .ps1 files parse and carry the plan" "$why"
fi

# detect.cmd and detect.ps1 print the same words, padded alike, and the
# same hex form (job_detect in scripts-wine.sh sees the .cmd lines whole).
d=$WORK/office365-tls12/scripts
words='missing     |ok          |wrong type|wrong value|'
check_eq "detect.cmd uses the line words" \
	"$(tr -d '\r' < "$d/detect.cmd" | sed -n 's/.*echo \(ok          \|missing     \)%OP_LABEL%.*/\1|/p; s/.*call :say "\(wrong [a-z]*\) *".*/\1|/p' | sort -u | tr -d '\n')" "$words"
check_eq "detect.ps1 uses the same words, padded alike" \
	"$(tr -d '\r' < "$d/detect.ps1" | sed -n "s/.*('\(ok          \|missing     \|wrong [a-z]*\) *{0}: .*/\1|/p" | sort -u | tr -d '\n')" "$words"
check "...and the PowerShell hex form is the .cmd's 0x%08X" grep -q "'REG_DWORD 0x{0:X8}'" "$d/detect.ps1"

# The PowerShell quoting of a typographic quote (U+2019 is a quote to PowerShell too).
printf '[policy]\nid = q\nname = It\xe2\x80\x99s ‘quoted’ $(Get-Date)\nversion = 1.0\n\n[winhttp]\nprotocols = tls1.2\n' > "$WORK/q.ini"
"$TLSGPO" build "$WORK/q.ini" -o "$WORK/q" >/dev/null 2>&1
if [ $have_ps = 1 ]; then
	got=$(pscheck literal PolicyName "$WORK/q/scripts/detect.ps1")
	check_eq "typographic quotes stay inside the literal" "$(jq -r '"\(.strings) \(.kind)|\(.text)"' <<<"$got")" "1 verbatim|It’s ‘quoted’ \$(Get-Date)"
	check_eq "...and the script parses" "$(pscheck syntax "$WORK/q/scripts/"*.ps1)" ""
else
	skip "typographic quotes in PowerShell" "$why"
fi

# cmd escaping, byte for byte.
check_eq "hostile name: caret-escaped for cmd, non-ASCII as <U+XXXX>" \
	"$(grep -a '^echo apply.cmd: policy' "$WORK/hostile/scripts/apply.cmd" | tr -d '\r')" \
	'echo apply.cmd: policy Evil ^"q^" ^&^& echo INJECTED '"'a'"' \back\slash\ %%PATH%% !x! ^& ^| ^^ ^<b^> $^(whoami^) `id` ]]^> semi;colon ^<U+00DC^>n^<U+00EF^> ^<U+65E5^>^<U+672C^> ^<U+05E2^>^<U+05D1^>^<U+05E8^>^<U+05D9^>^<U+05EA^> ^(id hostile-strings, version 9.99^)'

done_testing
