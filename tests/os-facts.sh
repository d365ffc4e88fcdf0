#!/bin/bash
# OS facts live in the facts module only (issue 17 §5): src/os.c and
# os.h, and the cipher-suite facts src/os-suites*.c and suites.h (issue
# 20); no KB number or name of a Windows version anywhere else in src/ or
# templates/; and what the artifacts say about Windows versions is built
# from those tables.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

lacks() { ! grep -q "$@"; }

# 1. The grep rule. os.c's own KB numbers, target ids and builds, and the
# shapes of KB numbers, Windows names, versions and builds, case-insensitive,
# outside the facts module (src/templates.c is generated from templates/,
# which is checked itself).
kbs=$(grep -oE '"[0-9]{7}"' "$srcdir/src/os.c" | tr -d '"' | sort -u | paste -sd'|')
check "os.c names KB numbers (found: ${kbs:-none})" [ -n "$kbs" ]
# The table's own words: its target ids ("server2008"), and its build
# numbers (not the years of the names), which say as much as a name does.
ids=$(grep -oE '^\s*\{ "[a-z0-9.]+", ' "$srcdir/src/os.c" | grep -oE '[a-z0-9.]+' |
	sed 's/\./\\./g' | sort -u | paste -sd'|')
builds=$(grep -E '^\s*\{ "[a-z0-9.]+", ' "$srcdir/src/os.c" | grep -oE '\b[0-9]{4,5}\b' |
	grep -vE '^20[0-9]{2}$' | sort -u | paste -sd'|')
check "os.c's table names targets (found: ${ids:-none})" [ -n "$ids" ]
check "os.c's table names builds (found: ${builds:-none})" [ -n "$builds" ]
# Builds and versions of Windows releases os.c may not list (yet).
known="6001|6002|6003|7600|7601|9200|9600|10240|10586|14393|15063|16299|17134|17763"
known="$known|18362|18363|19041|19042|19043|19044|19045|20348|22000|22621|22631|26100"
versions="1507|1511|1607|1703|1709|1803|1809|1903|1909|2004|20h2|21h1|21h2|22h2|23h2|24h2"
pattern="kb[^0-9a-z]{0,3}[0-9]{6,7}|\\b($kbs)\\b|windows\\s*(vista|xp|server|[0-9])"
pattern="$pattern|\\bwin\\s*(7|8|10|11)\\b|\\bvista\\b|server\\s*20[0-9]{2}|20[01][0-9]\\s*r2\\b"
pattern="$pattern|\\b($versions)\\b|\\b($builds|$known)\\b|\\b10\\.0\\b|\\b($ids)\\b|microsofteasyfix"
facts() { (cd "$1" && grep -niE "$pattern" src/*.c src/*.h templates/* 2>/dev/null |
	grep -v -e '^src/os\.[ch]:' -e '^src/os-suites[a-z-]*\.c:' -e '^src/suites\.h:' \
		-e '^src/templates\.c:'); }
check_eq "no KB number, Windows name, version, target id or build outside src/os.c, os-suites*.c and their headers" \
	"$(facts "$srcdir")" ""
# The rule catches each shape: one planted fact per line, in a copy.
mkdir -p "$WORK/plant/src" "$WORK/plant/templates"
planted=(kb3140245 'KB-4019276' 'Windows  7' 'windows 10' Win7 Win10 Windows8.1 Vista
	'version 1607' 'build 22621' "'server2008'" 'server2012r2' '"2012 R2"' 'Server 2019'
	'Version 10.0' MicrosoftEasyFix)
printf '/* %s */\n' "${planted[@]}" > "$WORK/plant/src/x.c"
printf '# %s\n' "${planted[@]}" > "$WORK/plant/templates/x.ps1"
check_eq "every planted fact is caught, in src/ and templates/" \
	"$(facts "$WORK/plant" | wc -l)" "$((2 * ${#planted[@]}))"

# 2. The ADML: supportedOn per protocol, WinHTTP's updates, from os.c.
cat >"$WORK/ssl2.ini" <<'INI'
[policy]
id = os-facts
name = OS facts
version = 1.0

[winhttp]
protocols = tls1.2

[dotnet]
system-default-tls = on
frameworks = v2, v4

[schannel]
ssl2 = enabled
tls1.2 = enabled
dtls1.0 = enabled

[target]
os = win8, server2008, win11
allow-insecure = yes
INI
run_tool build -o "$WORK/pkg" "$WORK/ssl2.ini"
check_eq "build exits 0" "$rc" 0
adml() { grep -o "<string id=\"$1\">[^<]*" "$WORK/pkg/gpo/PolicyDefinitions/$2/"*.adml | sed 's/.*">//'; }
check_eq "SSL 2.0 is supported up to 1511 / 2012 R2 (en-US)" "$(adml SUPPORTED_SSL2 en-US)" \
	"Windows 7 SP1 to Windows 10 version 1511, or Windows Server 2008 SP2 to Windows Server 2012 R2"
check_eq "SSL 2.0 range in sv-SE" "$(adml SUPPORTED_SSL2 sv-SE)" \
	"Windows 7 SP1 till Windows 10 version 1511, eller Windows Server 2008 SP2 till Windows Server 2012 R2"
check_eq "TLS 1.1/1.2 on 2008 SP2 need KB 4019276" "$(adml SUPPORTED_TLS11_TLS12 en-US)" \
	"At least Windows 7 SP1, or Windows Server 2008 SP2 with update KB 4019276"
check_eq "DTLS 1.0 starts with 7 / 2008 R2" "$(adml SUPPORTED_DTLS10 en-US)" \
	"At least Windows 7 SP1, or Windows Server 2008 R2 SP1"
check_eq "WinHTTP supportedOn names 2008 SP2's update" "$(adml SUPPORTED_Win7SP1_KB3140245 zh-TW)" \
	"至少 Windows 7 SP1 並已安裝更新 KB 3140245，或 Windows Server 2008 SP2 並已安裝更新 KB 4467770 (僅 TLS 1.1 與 1.2)"
help=$(sed -n '/id="WinHttpDefaultSecureProtocols_Help"/,/<\/string>/p' "$WORK/pkg/gpo/PolicyDefinitions/en-US/"*.adml)
check "WinHTTP help: Windows 8 is named for KB 3140245" grep -q "Windows 8, Windows Server 2008 R2 SP1 and Windows Server 2012 honour it only with update KB 3140245" <<<"$help"
check "WinHTTP help: Server 2008 SP2, KB 4467770 and KB 4019276" grep -q "Windows Server 2008 SP2 honours it only with update KB 4467770, and then only TLS 1.1 and 1.2, which SCHANNEL has there only with KB 4019276" <<<"$help"
check "WinHTTP help: the SCHANNEL client step" grep -q "have TLS 1.1 and 1.2 off for SCHANNEL clients by default" <<<"$help"
check "no leading blank before the WinHTTP facts" lacks "^ Windows" <<<"$help"
nethelp=$(sed -n '/id="DotNetSystemDefaultTlsVersions_Help"/,/<\/string>/p' "$WORK/pkg/gpo/PolicyDefinitions/en-US/"*.adml)
check ".NET help: KB list from os.c, superseded" grep -q "or a later .NET update that contains it: KB 3154518 (Windows 7 SP1, Windows Server 2008 R2 SP1), KB 3154519 (Windows 8, Windows Server 2012)" <<<"$nethelp"

# 3. Windows 8 is not labelled Server 2012 alone.
check "scripts name Windows 8 and Server 2012" grep -q "Windows 8 or Windows Server 2012'" "$WORK/pkg/scripts/apply.ps1"
check "apply.cmd too" grep -q "|Windows 8 or Windows Server 2012\"" "$WORK/pkg/scripts/apply.cmd"

# 4. README.txt: what each targeted Windows needs, and .NET's caveats.
readme=$(tr -d '\r' <"$WORK/pkg/README.txt" | tr '\n' ' ' | tr -s ' ')
check "README: Server 2008 SP2's updates" grep -q "Windows Server 2008 SP2 (build 6002 to 6003): WinHTTP honours DefaultSecureProtocols only with KB 4467770, and then only TLS 1.1 and 1.2" <<<"$readme"
check "README: Windows 11 loses TLS 1.3" grep -q "WinHTTP's own default is TLS 1.2 + TLS 1.3, this policy's TLS 1.2 (it takes TLS 1.3 away)" <<<"$readme"
check "README: .NET 3.5 on Windows 8 / 2012" grep -q "Windows 8 or Windows Server 2012 (build 9200): WinHTTP honours DefaultSecureProtocols only with KB 3140245" <<<"$readme"
check "README: only the targets (no Windows 10 row)" lacks -- "- Windows 10 (build" <<<"$readme"
check "README: .NET caveats" grep -q "ServicePointManager.SecurityProtocol" <<<"$readme"
run_tool build -o "$WORK/plain" "$srcdir/tests/warn/winhttp-default-win11.ini"
check "README without [dotnet] has no .NET caveats" lacks "ServicePointManager" "$WORK/plain/README.txt"

done_testing
