# ps-lib.sh -- running the generated .ps1 scripts under pwsh with the
# stand-ins of tests/ps/ (the registry, known folders, token, ACLs), for
# tests/ps.sh and tests/scripts-wine.sh (.cmd <-> .ps1 backups). Sourced
# after tests/lib.sh; needs $PWSH (ps_find_pwsh) and $WORK.

# ps_find_pwsh: sets $PWSH, or returns 1 when pwsh is not installed.
ps_find_pwsh() {
	PWSH=$(command -v pwsh || ls "$HOME/.dotnet/tools/pwsh" 2>/dev/null)
	[ -n "$PWSH" ]
}

export NO_COLOR=1 TERM=dumb DOTNET_CLI_TELEMETRY_OPTOUT=1 POWERSHELL_TELEMETRY_OPTOUT=1
export POWERSHELL_UPDATECHECK=Off
# The global tool's assemblies are IL only: each pwsh compiles the engine
# as it starts. Without tiered PGO's instrumentation a run took 5 to 15 %
# less CPU (measured 2026-12-07; no change in what a script does).
export DOTNET_TieredPGO=0
ps_dir=$srcdir/tests/ps

# The registry every Windows has before any policy: the keys the plans
# stop at, the build and the OEM code page.
hexsz() { printf '%s' "$1" | iconv -f UTF-8 -t UTF-16LE | od -An -v -tx1 | tr -d ' \n'; printf '0000'; }
base_registry() {
	local k
	for k in 'HKLM\SOFTWARE\Microsoft' 'HKLM\SOFTWARE\Policies' 'HKLM\SOFTWARE\Wow6432Node\Microsoft' \
		'HKLM\SYSTEM\CurrentControlSet\Control' 'HKCU\Software\Microsoft'; do
		printf 'key\t%s\n' "$k"
	done
	printf 'value\tHKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\tCurrentBuildNumber\t1\t%s\n' "$(hexsz "${1:-20348}")"
	printf 'value\tHKLM\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage\tOEMCP\t1\t%s\n' "$(hexsz 437)"
	printf 'value\tHKLM\\SOFTWARE\\Microsoft\\Cryptography\tMachineGuid\t1\t%s\n' \
		"$(hexsz "${2:-6f3c2a1e-0b4d-4c8e-9a7f-2d5e1b3c4a6f}")"
}

# psrun STATE SCRIPT [JSON]: runs SCRIPT (a path) in state folder STATE;
# leaves $out (stdout and stderr), $rc; the registry after becomes the
# registry of the next run in STATE. The environment's COMPUTERNAME and
# TLSGPO_TEST_* (runner.ps1 names them) reach the script.
#   A scenario (a job) is one pwsh -NoProfile -NonInteractive process,
#   started at its first run, each run in a fresh runspace of it
#   (server.ps1, runner.ps1); with PS_FRESH_PROCESS=1 each run is a
#   process of its own, as an agent starts it (pwsh -File harness.ps1).
psrun() {
	local st=$1 script=$2 e='{}' n line
	export TLSGPO_TEST_ARGS=${3:-}
	if [ "${PS_FRESH_PROCESS:-}" = 1 ]; then
		TLSGPO_TEST_HOME=$st/home \
			"$PWSH" -NoProfile -NonInteractive -File "$ps_dir/harness.ps1" "$script" "$st" \
			>"$st/out" 2>&1 </dev/null
		rc=$?
	else
		# (Its own errors go to a log; an answer names its request, so a
		# stray line or a late answer is never taken for this one.)
		[ -n "${PSS_PID:-}" ] ||
			coproc PSS { exec "$PWSH" -NoProfile -NonInteractive -File "$ps_dir/server.ps1" 2>>"$WORK/server.log"; }
		PSS_N=$(( ${PSS_N:-0} + 1 ))
		for n in COMPUTERNAME TLSGPO_TEST_ARGS TLSGPO_TEST_ACL_LOG TLSGPO_TEST_ADMIN TLSGPO_TEST_SYSTEM \
			TLSGPO_TEST_OWNER TLSGPO_TEST_PHANTOM TLSGPO_TEST_RACE TLSGPO_TEST_FAIL_WRITE TLSGPO_TEST_FAIL_BACKUP; do
			[ -n "${!n:-}" ] && e=$(jq -c --arg k "$n" --arg v "${!n}" '. + {($k): $v}' <<<"$e")
		done
		jq -n -c --arg s "$script" --arg st "$st" --argjson e "$e" --arg id "$PSS_N" \
			'{id: $id, script: $s, state: $st, env: $e}' >&"${PSS[1]}"
		rc=
		while read -r -t 300 line <&"${PSS[0]}"; do
			case $line in
			"rc $PSS_N "*) rc=${line#rc $PSS_N }; break ;;
			"failed $PSS_N "*) break ;;
			esac
		done
		if [ -z "$rc" ]; then
			rc=100
			echo "server.ps1: no answer to request $PSS_N (${line:-none}; $WORK/server.log)" > "$st/out"
			# A server that does not answer is not asked again.
			kill "$PSS_PID" 2>/dev/null
			unset PSS_PID
		fi
	fi
	unset TLSGPO_TEST_ARGS
	# All 32 bits of it (3010), where the script got to exit.
	[ -s "$st/rc" ] && rc=$(cat "$st/rc")
	rm -f "$st/rc"
	touch "$st/acl.log"
	out=$(cat "$st/out")
	cp "$st/reg.after.txt" "$st/reg.txt" 2>/dev/null
}

# new_state NAME [BUILD [MACHINEGUID]]: a fresh state folder with the
# base registry.
new_state() {
	local st=$WORK/st-$1
	rm -rf "$st"
	mkdir -p "$st/home"
	base_registry "${2:-}" "${3:-}" > "$st/reg.txt"
	echo "$st"
}

# reg_drift STATE: someone changes a value, so that apply has work again.
reg_drift() {
	set_value "$1" 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp' \
		DefaultSecureProtocols 4 a00a0000
}

# set_value STATE PATH NAME TYPE HEX: a value in the registry of the next run.
set_value() {
	P=$2 N=$3 awk -F'\t' '!($1 == "value" && tolower($2) == tolower(ENVIRON["P"]) && tolower($3) == tolower(ENVIRON["N"]))' \
		"$1/reg.txt" > "$1/reg.tmp"
	printf 'value\t%s\t%s\t%s\t%s\n' "$2" "$3" "$4" "$5" >> "$1/reg.tmp"
	mv "$1/reg.tmp" "$1/reg.txt"
}

# prior_data JSON [KIND]: every plan value present with other data
# (KIND=data: a REG_DWORD, a REG_SZ of the list reversed, a REG_MULTI_SZ of
# the strings reversed and one more) or a REG_SZ (KIND=type: the text of
# tests/scripts-wine.sh's prestate), as state lines.
prior_data() {
	jq -r '.operations[] | "\(.hive)\t\(.key)\t\(.view)\t\(.value)\t\(.type)\t" +
		(if .type == "REG_MULTI_SZ" then (.data | join("\u0001")) else (.data | tostring) end)' "$1" |
	while IFS=$'\t' read -r hive key view value type data; do
		case $view in 32) key=${key/#SOFTWARE\\/SOFTWARE\\Wow6432Node\\} ;; esac
		if [ "${2:-data}" = type ]; then
			printf 'value\t%s\\%s\t%s\t1\t%s\n' "$hive" "$key" "$value" "$(hexsz "was text %PATH% & ($data) ^ !x!")"
			continue
		fi
		case $type in
		REG_SZ)		# other text: the list reversed
			printf 'value\t%s\\%s\t%s\t1\t%s\n' "$hive" "$key" "$value" \
				"$(hexsz "$(tr ',' '\n' <<<"$data" | tac | paste -sd,)")" ;;
		REG_MULTI_SZ)	# other strings: the list reversed, one more
			printf 'value\t%s\\%s\t%s\t7\t%s0000\n' "$hive" "$key" "$value" \
				"$( (tr '\001' '\n' <<<"$data" | tac; echo was) | while IFS= read -r x; do hexsz "$x"; done | tr -d '\n')" ;;
		*)
			printf 'value\t%s\\%s\t%s\t4\t%s\n' "$hive" "$key" "$value" \
				"$(printf '%08x' $(( (data + 0x5a5) & 0xffffffff )) | sed 's/\(..\)\(..\)\(..\)\(..\)/\4\3\2\1/')" ;;
		esac
	done
}
