#!/bin/sh
# install-deps.sh: installs, on Debian 12 as root, what tlsgpo needs to build
# and every real consumer its tests run: Wine's regedit/reg/cmd (wine,
# wine64) with mingw-w64 for the stand-ins the Wine prefix needs
# (tests/wine-standin.c), jq, groff, xmllint (libxml2-utils), Samba's PReg
# parser (python3-samba), the tree-sitter PowerShell grammar (npm, into
# tests/ps/node_modules), and PowerShell 7 as a .NET global tool where the
# .NET SDK is (tests/ps.sh skips loudly without it). Idempotent.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 \
	build-essential autoconf automake pkg-config \
	libinih-dev libxml2-dev libssl-dev \
	wine wine64 gcc-mingw-w64-x86-64-win32 jq groff-base libxml2-utils python3-samba \
	strace ca-certificates debootstrap >/dev/null
command -v npm >/dev/null 2>&1 ||
	apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 nodejs npm >/dev/null
# The grammar ships as .wasm: no native build, no install scripts.
cd "$(dirname "$0")/ps"
npm ci --ignore-scripts --legacy-peer-deps --no-audit --no-fund >/dev/null
# PowerShell 7.6 (the newest does not install on .NET 10: name the version).
if command -v dotnet >/dev/null 2>&1 && [ ! -x "$HOME/.dotnet/tools/pwsh" ] &&
	! command -v pwsh >/dev/null 2>&1; then
	dotnet tool install --global PowerShell --version 7.6.10 >/dev/null
fi
# Pester, pinned (tests/ps/pester.version), from NuGet, into PowerShell's
# own module folder for root (~/.local/share/powershell/Modules), where the
# tests import it by version with no network (tests/ps.sh skips loudly
# without it).
pv=$(cat pester.version)
pester=$HOME/.local/share/powershell/Modules/Pester/$pv
if command -v dotnet >/dev/null 2>&1 && [ ! -f "$pester/Pester.psd1" ]; then
	dl=$(mktemp -d)
	cat > "$dl/dl.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Pester" Version="[$pv]" /></ItemGroup>
</Project>
XML
	dotnet restore "$dl/dl.csproj" --packages "$dl/packages" >/dev/null
	mkdir -p "$pester"
	cp -R "$dl/packages/pester/$pv/tools/." "$pester/"
	rm -rf "$dl"
fi
