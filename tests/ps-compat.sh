#!/bin/bash
# Gate 1 of the PowerShell checks (issue 18): every generated .ps1 of every
# sample policy (and the hostile one) parses with PowerShell's own parser
# and uses no syntax, command, parameter or .NET API that Windows
# PowerShell 3.0 or PowerShell 7 lacks, and a file with non-ASCII text has
# a UTF-8 BOM, and changes nothing of the process that a fresh runspace
# would not renew (tests/ps/ps-compat.ps1 holds the rules and their sources).
# Each rule is first shown to fail on a script made to break it.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

PWSH=$(command -v pwsh || ls "$HOME/.dotnet/tools/pwsh" 2>/dev/null)
if [ -z "$PWSH" ]; then
	skip "PowerShell compatibility gate" "pwsh is not installed (dotnet tool install --global PowerShell --version 7.6.10; .ci/run installs it)"
	done_testing
	exit
fi
export NO_COLOR=1 TERM=dumb DOTNET_CLI_TELEMETRY_OPTOUT=1 POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off
compat() { "$PWSH" -NoProfile -NonInteractive -File "$srcdir/tests/ps/ps-compat.ps1" "$@"; }

# One script per rule, each breaking it once: RULE|TEXT.
bad=$WORK/bad
mkdir -p "$bad"
i=0
while IFS='|' read -r rule text; do
	i=$((i + 1))
	printf '%s\r\n' "$text" > "$bad/$i.ps1"
	echo "$rule" > "$bad/$i.want"
done <<'EOF'
parse|function f { $x = @{ A = 1
syntax|$a = $true ? 1 : 2
syntax|$a = $null ?? 1
syntax|$a ??= 1
syntax|$a = ${b}?.Name
syntax|$a = ${b}?.ToString()
syntax|$a = ${b}?[0]
syntax|Get-Item x && Get-Item y
syntax|function f { process { 1 } clean { 2 } }
syntax|class C { [int] $x }
syntax|enum E { A }
syntax|using namespace System.IO
syntax|$s = [System.Text.StringBuilder]::new()
command|Get-FileHash x
command|$t = New-TemporaryFile
parameter|1, 2 | ForEach-Object -Parallel { $_ }
parameter|'x' | Out-File -NoNewline y
parameter|Get-Content -AsByteStream x
api|[IO.Directory]::CreateDirectory('x', $acl)
command|$g = New-Guid
command|Get-WmiObject Win32_OperatingSystem
parameter|Get-Date -AsUTC
parameter|Get-Content -Encoding Byte x
parameter|'x' | Set-Content -Encoding utf8NoBOM y
api|$p = [System.IO.Path]::GetRelativePath('a', 'b')
api|$a = [IO.File]::GetAccessControl('x')
api|$id = [Environment]::ProcessId
api|$f = $line.Split('|;')
process|Add-Type -TypeDefinition 'public class T {}'
process|Set-Location C:\\
process|$env:TLSGPO = 1
process|[Environment]::SetEnvironmentVariable('A', 'b')
process|[Console]::OutputEncoding = [Text.Encoding]::UTF8
process|Set-Item -Path Env:TLSGPO -Value 1
process|Remove-Item env:PATH
process|[Net.ServicePointManager]::SecurityProtocol = 'Tls12'
process|[Environment]::Exit(1)
process|[Threading.Thread]::CurrentThread.CurrentCulture = 'en-US'
EOF
# Non-ASCII without a BOM, and the same with one (which passes).
printf '$n = "\xc3\x9c"\r\n' > "$bad/nobom.ps1"
echo encoding > "$bad/nobom.want"
printf '\xef\xbb\xbf$n = "\xc3\x9c"\r\n' > "$WORK/bom.ps1"

# One pwsh for all of them (a start is about a second of CPU).
all=$(compat "$bad"/*.ps1)
check_eq "the gate exits 1 on them" "$?" 1
for f in "$bad"/*.ps1; do
	want=$(cat "${f%.ps1}.want")
	check_eq "the gate fails $(basename "$f") ($(head -c 60 "$f" | tr -d '\r\n')) on rule $want only" \
		"$(grep -F "$f:" <<<"$all" | cut -d: -f4 | tr -d ' ' | sort -u | tr '\n' ' ')" "$want "
done
out=$(compat "$WORK/bom.ps1")
check_eq "...and passes non-ASCII text with a BOM" "$?|$out" "0|"
compat "$WORK/missing.ps1" >/dev/null 2>&1
check_eq "...and a file it cannot read is an error (2), not a pass" "$?" 2

files=
for pol in "$srcdir"/policies/*.ini "$srcdir/tests/hostile/hostile.ini" "$srcdir/tests/ps-crypto.ini"; do
	id=$(basename "$pol" .ini)
	"$TLSGPO" build "$pol" -o "$WORK/pkg-$id" >/dev/null 2>&1 || not_ok "build $pol"
	these=$(find "$WORK/pkg-$id" -name '*.ps1' | sort)
	check_eq "$id: four .ps1 files" "$(wc -l <<<"$these")" 4
	files="$files $these"
done
out=$(compat $files)
check_eq "every .ps1 of every sample policy, the hostile one and ps-crypto (REG_SZ, REG_MULTI_SZ) parses and stays within Windows PowerShell 3.0 and PowerShell 7" "$?|$out" "0|"

done_testing
