# wine-lib.sh -- sourced by tests that use Wine's own regedit.exe, reg.exe and
# cmd.exe (Debian packages wine, wine64) as the independent consumer.
#
# Prefixes are made once and reused: wineboot makes a pristine one, each
# worker copies it once, and between jobs a worker gets its registry files
# back (wine_reset) instead of a new copy (a prefix is ~700 MB).
#
#   wine_setup [keys]          the pristine win64 prefix in $WORK (~14 s), with
#                              build 20348, an fltmc.exe that answers
#                              (Wine has none; Windows' answers elevated
#                              callers) and tests/wine-standin.c as
#                              powershell.exe and icacls.exe (Wine's are
#                              stubs that print nothing; it needs
#                              mingw-w64), and as regwrap.exe (a reg.exe
#                              that denies keys); "keys" also lists its
#                              keys, for wine_state
#   wine_workers N JOB...      runs each JOB (a command line: a shell
#                              function and its words) in the next free of
#                              N worker prefixes; prints each job's TAP
#                              lines, in list order, as soon as it can
#   wine_reset                 the selected prefix back to pristine
#   wine_regedit DIR FILE      imports DIR/FILE with regedit /S
#   wine_cmd DIR ARGS...       cmd /c ARGS in DIR; leaves $out and $rc
#   wine_state JSON            the plan's values and keys as regedit /E
#                              exports them, one line each
#   wine_query_plan JSON SECTION
#                              reads back every value of .SECTION[] of a
#                              plan --json with reg query, in one cmd.exe run;
#                              prints "TYPE DATA" per value, or "absent"

export WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;icacls.exe,powershell.exe=n"
unset DISPLAY WAYLAND_DISPLAY

wine_available() {
	command -v wine >/dev/null 2>&1 && command -v wineboot >/dev/null 2>&1 &&
		command -v wineserver >/dev/null 2>&1 && command -v iconv >/dev/null 2>&1
}

# The stand-ins of wine_setup are built with mingw-w64.
wine_standin_available() {
	command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1
}

# What Wine prints when it could not start a program: the glitches of a
# loaded machine, not product failures. cmd.exe's own message, the
# loader's, cmd's exit code 9009 (a program it could not start), and the
# scripts' report of a reg.exe that did not answer. cmd's message counts
# only when what it could not start is a program ('CMD.EXE /C reg.exe
# ...'): the words of a script's own line that cmd took for a command
# ('later updates ...') are a product failure, never a glitch.
WINE_GLITCH='Can.t recognize .[^ ]*\.(exe|EXE|com|COM|cmd|CMD|bat|BAT)( [^'"'"']*)?. as an internal or external command|==RC 9009|wine: (could not|cannot|failed)|err:(module|process|virtual|seh)|wineserver: |could not load kernel32|did not start or did not answer'

wine_setup() {
	local dll
	WINE_PRISTINE=$WORK/wine-pristine
	WINEPREFIX=$WINE_PRISTINE timeout 300 wineboot -i >/dev/null 2>&1
	WINEPREFIX=$WINE_PRISTINE timeout 60 wineserver -w
	[ -f "$WINE_PRISTINE/system.reg" ] || return 1
	# Server 2022's build, so that TLS 1.3 policies may apply; the
	# prerequisite checks get their own jobs.
	WINEPREFIX=$WINE_PRISTINE timeout 60 wine reg add 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion' \
		/v CurrentBuildNumber /t REG_SZ /d 20348 /f </dev/null >/dev/null 2>&1
	# The scripts ask fltmc.exe whether they are elevated. Any program that
	# exits 0 stands in for it; a job that wants "not elevated" removes it.
	dll=$(ls /usr/lib/x86_64-linux-gnu/wine/x86_64-windows/hostname.exe /usr/lib/wine/x86_64-windows/hostname.exe 2>/dev/null | head -1)
	[ -n "$dll" ] || dll=$WINE_PRISTINE/drive_c/windows/system32/hostname.exe
	cp "$dll" "$WINE_PRISTINE/drive_c/windows/system32/fltmc.exe" || return 1
	# The scripts ask powershell.exe who may change the backup folders.
	x86_64-w64-mingw32-gcc -O2 -o "$WORK/standin.exe" "$srcdir/tests/wine-standin.c" -lshell32 || return 1
	cp "$WORK/standin.exe" "$WINE_PRISTINE/drive_c/windows/system32/WindowsPowerShell/v1.0/powershell.exe" || return 1
	cp "$WORK/standin.exe" "$WINE_PRISTINE/drive_c/windows/system32/icacls.exe" || return 1
	cp "$WORK/standin.exe" "$WINE_PRISTINE/drive_c/windows/system32/regwrap.exe" || return 1
	WINEPREFIX=$WINE_PRISTINE timeout 60 wineserver -w
	mkdir -p "$WORK/pristine-reg"
	cp "$WINE_PRISTINE"/*.reg "$WORK/pristine-reg/"
	[ "${1:-}" = keys ] || return 0
	# The keys the prefix has, for wine_state's export roots.
	(cd "$WORK" && WINEPREFIX=$WINE_PRISTINE timeout 300 wine regedit /E pristine.reg </dev/null >/dev/null 2>&1)
	WINEPREFIX=$WINE_PRISTINE timeout 60 wineserver -k 2>/dev/null
	WINEPREFIX=$WINE_PRISTINE timeout 60 wineserver -w
	[ -f "$WORK/pristine.reg" ] || return 1
	iconv -f UTF-16 -t UTF-8 "$WORK/pristine.reg" | tr -d '\r' |
		sed -n 's/^\[\(.*\)\]$/\1/p' | tr 'A-Z' 'a-z' | sort -u > "$WORK/pristine.keys"
	rm -f "$WORK/pristine.reg"
}

# wine_reset: the selected prefix's registry and the scripts' folders back
# to pristine, with a wineserver kept alive between commands.
wine_reset() {
	wineserver -k 2>/dev/null
	wineserver -w 2>/dev/null
	cp "$WORK/pristine-reg/"*.reg "$WINEPREFIX/"
	cp "$WINE_PRISTINE/drive_c/windows/system32/fltmc.exe" "$WINEPREFIX/drive_c/windows/system32/fltmc.exe"
	cp "$WINE_PRISTINE/drive_c/windows/system32/WindowsPowerShell/v1.0/powershell.exe" \
		"$WINEPREFIX/drive_c/windows/system32/WindowsPowerShell/v1.0/powershell.exe"
	rm -rf "$WINEPREFIX/drive_c/ProgramData/tlsgpo" "$WINEPREFIX/drive_c/ProgramData/tlsgpo."* \
		"$WINEPREFIX/drive_c/tlsgpo-standin"* "$WINEPREFIX/drive_c/users/"*/Temp/tlsgpo-*
	# Never the caller's descriptors: a job's output is a pipe that a
	# wineserver holding it would keep open (a job that resets hangs).
	wineserver -p 60 </dev/null >/dev/null 2>&1
}

wine_done() {
	wineserver -k 2>/dev/null
	wineserver -w 2>/dev/null
}

# regedit.exe reads a leading "/" as a switch: run it on a relative name.
# Wine's regedit /S exits 0 whatever the file holds, even for a file that
# is not there: any other exit is Wine's, a start-up glitch (or the
# timeout), logged as such. (Seen once in CI's ASan pass: an import that
# never happened, tests/wine.sh audit; whether regedit exited non-zero
# then is not known.)
wine_regedit() {
	local rc
	(cd "$1" && timeout 120 wine regedit /S "$2" </dev/null >>"$WINE_LOG" 2>&1)
	rc=$?
	[ "$rc" = 0 ] || echo "wine: could not start: regedit /S $2 exited $rc" >> "$WINE_LOG"
	return 0
}

# wine_cmd DIR ARGS...: cmd /c in DIR; leaves $out (CRs removed) and $rc.
# Wine's output goes to a file, never a pipe: a wineserver or service that
# Wine starts inherits the descriptors, and a pipe would then never close.
wine_cmd() {
	local dir=$1 tmp=$WORK/.run.$BASHPID.$RANDOM
	shift
	(cd "$dir" && timeout 300 wine cmd /c "$@" </dev/null >"$tmp" 2>&1)
	rc=$?
	out=$(tr -d '\r' < "$tmp")
	printf '%s\n' "$out" >> "$WINE_LOG"
	rm -f "$tmp"
	# Every command the tests run prints something: a failure with no
	# output at all is cmd.exe that never ran (seen under load: exit 1,
	# nothing printed), a start-up glitch. A product failure prints; a
	# script that hangs silently until the timeout (124) is no glitch.
	if [ -z "$out" ] && [ "$rc" != 0 ] && [ "$rc" != 124 ]; then
		echo "wine: could not start: cmd /c $* printed nothing and exited $rc" >> "$WINE_LOG"
	fi
}

# wine_state JSON: every plan value as "value PATH\NAME = DATA" (DATA as
# regedit /E writes it, or "absent") and every key from the nearest key the
# pristine prefix has down to the value's key as "key PATH present|absent".
# Exports the nearest existing ancestors only: a few small regedit runs.
wine_state() {
	local json=$1 d=$WORK/state.$BASHPID i=0 r
	rm -rf "$d"
	mkdir -p "$d"
	jq -r '.operations[] | "\(.path)\t\(.value)"' "$json" > "$d/values"
	# Export roots: for each value's key, its nearest ancestor-or-self that
	# the pristine prefix has; then the topmost of those.
	awk -F'\t' -v keys="$WORK/pristine.keys" '
		BEGIN { while ((getline k < keys) > 0) have[k] = 1 }
		{ p = $1; while (!(tolower(p) in have) && index(p, "\\") > 0) sub(/\\[^\\]*$/, "", p); print p }' "$d/values" |
		sort -u | awk '{ for (i = 1; i <= n; i++) if (index(tolower($0) "\\", tolower(r[i]) "\\") == 1) next; r[++n] = $0; print }' > "$d/roots"
	while IFS= read -r r; do
		i=$((i + 1))
		(cd "$d" && timeout 120 wine regedit /E "x$i.reg" "$r" </dev/null >>"$WINE_LOG" 2>&1)
		if [ ! -s "$d/x$i.reg" ]; then
			echo "wine_state: regedit /E of $r wrote nothing: wine: could not export" >> "$WINE_LOG"
			echo "export of $r failed"
			continue
		fi
		iconv -f UTF-16 -t UTF-8 "$d/x$i.reg" | tr -d '\r' >> "$d/all"
	done < "$d/roots"
	touch "$d/all"
	awk -F'\t' -v roots="$d/roots" -v export="$d/all" '
		BEGIN {
			while ((getline r < roots) > 0) root[tolower(r)] = 1
			while ((getline line < export) > 0) {
				if (cont) { sub(/^[ \t]+/, "", line); data = data line; cont = sub(/\\$/, "", data) }
				else if (line ~ /^\[.*\]$/) { sect = tolower(substr(line, 2, length(line) - 2)); key[sect] = 1; continue }
				else if (line ~ /^"/) {
					k = index(line, "\"=")
					name = tolower(substr(line, 2, k - 2)); data = substr(line, k + 2)
					cont = sub(/\\$/, "", data)
				} else continue
				if (!cont) val[sect "\\" name] = data
			}
		}
		{
			v = tolower($1 "\\" $2)
			print "value " $1 "\\" $2 " = " ((v in val) ? val[v] : "absent")
			p = $1
			while (!(tolower(p) in root) && index(p, "\\") > 0) {
				if (!(p in seen)) { seen[p] = 1; print "key " p " " ((tolower(p) in key) ? "present" : "absent") }
				sub(/\\[^\\]*$/, "", p)
			}
		}' "$d/values"
	rm -rf "$d"
}

wine_query_plan() {
	local json=$1 section=$2 q=$WORK/query.$BASHPID.cmd
	jq -r --arg s "$section" '.[$s][] | [.hive, .key, .value,
		(if .view == "32" then "/reg:32" else "/reg:64" end)] | join("\t")' "$json" |
	awk -F'\t' 'BEGIN { printf "@echo off\r\n" }
		{ printf "echo ==Q %d\r\nreg query \"%s\\%s\" /v \"%s\" %s\r\necho ==RC %%errorlevel%%\r\n", NR, $1, $2, $3, $4 }' > "$q"
	(cd "$WORK" && timeout 300 wine cmd /c "${q##*/}" </dev/null >"$q.out" 2>"$q.err")
	cat "$q.out" "$q.err" >> "$WINE_LOG"
	tr -d '\r' < "$q.out" |
	awk -v names="$(jq -r --arg s "$section" '.[$s][] | .value' "$json" | paste -sd'\t')" '
		BEGIN { n = split(names, name, "\t") }
		/^==Q / { i = $2; found[i] = ""; next }
		/^==RC / { if (found[i] == "") found[i] = ($2 == 1) ? "absent" : "no answer (reg.exe exit " $2 ")"; next }
		{ line = $0; sub(/^    /, "", line)
		  k = index(line, "    REG_")
		  if (k == 0 || substr(line, 1, k - 1) != name[i]) next
		  rest = substr(line, k + 4); j = index(rest, "    ")
		  found[i] = substr(rest, 1, j - 1) " " substr(rest, j + 4) }
		END { for (i = 1; i <= n; i++) print (i in found ? found[i] : "no answer") }'
	rm -f "$q" "$q.out" "$q.err"
}

# wine_workers N JOB...: runs the jobs in N worker prefixes, each job after a
# wine_reset, its TAP lines ("ok - ...", "not ok - ...", "# ...") to a file;
# the main process prints each job's lines, numbered, as soon as it and
# every job before it have ended. A job that fails with a Wine start-up
# message in its log (and only then) runs once more after another reset,
# and says so; any other failure counts at once.
wine_workers() {
	local n=$1 w j pids=() alive p
	shift
	local jobs=("$@")
	echo 0 > "$WORK/jobs.next"
	# Each job that ends says so in a FIFO the main process waits on: a
	# builtin read, where a loop of sleep 0.3 cost one fork and exec per
	# 0.3 s of the whole run (~11 ms of CPU each here, ~30 CPU-s a run).
	mkfifo "$WORK/jobs.fifo" || return 1
	exec 7<>"$WORK/jobs.fifo"
	for ((w = 0; w < n; w++)); do
		(
			# Not for Wine to inherit: a worker opens the FIFO to write.
			exec 7<&-
			export WINEPREFIX=$WORK/wine-worker$w
			cp -a "$WINE_PRISTINE" "$WINEPREFIX"
			# Each worker takes the next job in the list when it is free.
			while j=$(flock "$WORK/jobs.next" sh -c 'read n < "$1"; echo $((n + 1)) > "$1"; echo "$n"' _ "$WORK/jobs.next") &&
				[ "$j" -lt ${#jobs[@]} ]; do
				wine_run_job "${jobs[$j]}" > "$WORK/job.$j.part" 2>&1
				mv "$WORK/job.$j.part" "$WORK/job.$j.tap"
				echo "$j" > "$WORK/jobs.fifo"
			done
			wine_done
			rm -rf "$WINEPREFIX"
		) &
		pids+=($!)
	done
	for ((j = 0; j < ${#jobs[@]}; j++)); do
		# A worker that died (a shell error in the harness) leaves its job
		# without a file: fail it rather than wait for ever.
		while [ ! -f "$WORK/job.$j.tap" ]; do
			alive=0
			for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
			if [ "$alive" = 0 ] && [ ! -f "$WORK/job.$j.tap" ]; then
				echo "not ok - ${jobs[$j]}: no worker ran it to the end (a worker died); its output:" > "$WORK/job.$j.tap"
				sed 's/^/#   /' "$WORK/job.$j.part" 2>/dev/null | tail -12 >> "$WORK/job.$j.tap"
				break
			fi
			read -r -t 5 -u 7 _ || true
		done
		while IFS= read -r line; do
			case $line in
			"ok - "*) ok "${line#ok - }" ;;
			"not ok - "*) not_ok "${line#not ok - }" ;;
			"skip - "*) line=${line#skip - }; skip "${line%%|*}" "${line#*|}" ;;
			*) echo "$line" ;;
			esac
		done < "$WORK/job.$j.tap"
	done
	wait
	exec 7<&-
}

# wine_run_job JOB: one job, re-run once only after a Wine start-up glitch.
wine_run_job() {
	local job=$1 t0 res try cmd jrc
	read -ra cmd <<<"$job"
	for try in 1 2; do
		t0=$(date +%s)
		export WINE_LOG=$WORK/wine.$BASHPID.log
		: > "$WINE_LOG"
		wine_reset
		res=$("${cmd[@]}" 2>&1)
		jrc=$?
		# A job that stopped early (a shell error) or said nothing failed.
		if [ "$jrc" != 0 ] || ! grep -q -E '^((not )?ok|skip) - ' <<<"$res"; then
			res="$res
not ok - $job: the job stopped early (status $jrc) or checked nothing"
		fi
		if [ "$try" = 1 ] && grep -q '^not ok' <<<"$res" && grep -E -q "$WINE_GLITCH" "$WINE_LOG"; then
			echo "# $job: Wine failed to start a program; running it again in a reset prefix:"
			grep -E -m 3 "$WINE_GLITCH" "$WINE_LOG" | sed 's/^/#   /'
			continue
		fi
		break
	done
	printf '%s\n' "$res"
	echo "# $job: $(( $(date +%s) - t0 )) s"
}
