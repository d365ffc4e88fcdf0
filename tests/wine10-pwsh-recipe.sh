#!/bin/sh
# wine10-pwsh-recipe.sh DIR: builds what tests/wine10-ps.sh needs to run the
# generated .ps1 scripts under a Windows (win-x64) PowerShell 7.6.10 host on
# Wine 10 (Debian 13 trixie), in a chroot:
#   DIR/root       the trixie chroot with wine + wine64, its Wine prefix in
#                  DIR/root/root/.wine, the host in /opt/pwsh and the wrapper
#                  /usr/local/bin/wpwsh (see below)
#   DIR/publish    the self-contained win-x64 host (pwsh.exe) with $PSHOME\Modules
#   DIR/ready      written last, when all of the above works (smoke test passed)
# Run as root on Debian 12 with network to deb.debian.org and NuGet, with the
# .NET SDK (dotnet) installed. Every step is skipped when its result is there;
# a second run takes seconds. Any failure: a one-line "wine10-pwsh-recipe:
# error: ..." on stderr and a non-zero exit; the mounts it made are undone.
# Then: TLSGPO_WINE10_DIR=DIR make check (or bash tests/wine10-ps.sh).
#
# Experiment result (measured 2026-12-07 on a Debian 12 host, 2 cores, root,
# .NET SDK 10.0.401, warm NuGet cache for the restore):
#   wine --version in the chroot: wine-10.0 (Debian 10.0~repack-6)
#   apt-get install debootstrap (host, bookworm) ........   7 s
#   debootstrap --variant=minbase trixie ................  72 s
#   apt-get install wine wine64 in the chroot ...........  45 s
#   dotnet restore (Microsoft.PowerShell.SDK 7.6.10) ....  11 s (first; warm cache afterwards)
#   dotnet publish -r win-x64 --self-contained ..........   8-14 s
#   dotnet tool install PowerShell 7.6.10 (for Modules) .   2 s
#   first wine start (wineboot -i, new prefix) ..........  17 s
#   smoke.ps1 under wine (host start included) ..........   3-5 s
#   apply / detect / rollback .ps1 under wine ...........   2-5 s each
#   COLD run of the first recipe (new WORK dir, empty NUGET_PACKAGES):
#   176 s total: debootstrap 54 s, wine install 43 s, restore+publish 11 s,
#   tool install 2 s, wineboot 13 s, smoke 6 s, apply/detect/apply/rollback/
#   detect 6+4+4+5+4 s, two registry snapshots ~20 s. A re-run: 36 s.
#   sizes: chroot 2.4 GB (1.6 GB without the Wine prefix; 292 MB of it apt's
#   cache; 2.1 GB with the apt-get clean below), Wine prefix 772 MB, Wine's
#   own libs 717 MB, published host 119 MB (+13 MB Modules = 132 MB), NuGet
#   packages downloaded 552 MB, PowerShell tool package 201 MB.
#
# Failures seen on the way (and what fixed them):
#  * ConsoleHost with stdout not a tty (a file or a pipe) dies before the script:
#      Unhandled exception. System.Management.Automation.Host.HostException: The
#      Win32 internal error "Invalid handle." 0x6 occurred while retrieving the
#      handle for the active console output buffer. Contact Microsoft Customer
#      Support Services.
#       ---> System.ComponentModel.Win32Exception (6): Invalid handle.
#    (then winedbg; host exit code 82). Fix: run wine under script(1) (a pty),
#    see wpwsh below. No X display / xvfb-run needed.
#  * Microsoft.PowerShell.SDK ships no $PSHOME\Modules; with only the SDK,
#    Get-Acl's objects lack the Sddl CodeProperty (Security.types.ps1xml):
#      apply.ps1: warning: "C:\ProgramData\tlsgpo": its security descriptor
#      cannot be read (The property 'Sddl' cannot be found on this object.
#      Verify that the property exists.).   (apply exit 4, rollback exit 3)
#    Fix: copy win/Modules (and powershell.config.json) out of the PowerShell
#    7.6.10 global-tool package next to pwsh.exe, and use CreateDefault2
#    (ConsoleShell.Start without an InitialSessionState), as pwsh.exe does.
#  * Wine does not keep file security descriptors: Set-Acl "succeeds" but
#    Get-Acl still shows O:S-1-5-21-0-0-0-1000 (Wine's user) with
#    D:(A;OICI;0x1200a9;;;WD)(A;OICI;FA;;;SY)(A;OICI;FA;;;S-1-5-21-0-0-0-1000)
#    (no xattr written), so the default ProgramData backup store is refused:
#      apply.ps1: cannot write a complete backup under
#      "C:\ProgramData\tlsgpo\office365-tls12": "C:\ProgramData\tlsgpo": its
#      owner is S-1-5-21-0-0-0-1000, not SYSTEM or Administrators, even made
#      anew; nothing was changed.          (apply exit 4, rollback exit 3)
#    Workaround for tests: -BackupDir C:\tlsgpo-bk (a named folder is trusted);
#    then apply 0, detect 0, apply again 0 (nothing changed), rollback 0,
#    detect 1 (values missing again), and the registry matches its state
#    before apply.
#  * "it looks like wine32 is missing" and, in wineboot, "wine: failed to open
#    L"C:\\windows\\syswow64\\rundll32.exe": c0000135": harmless here; the
#    64-bit host, reg.exe and KEY_WOW64_32KEY/Wow6432Node all work without
#    wine32:i386. "error: XDG_RUNTIME_DIR is invalid or not set": harmless.
#
# Usage: sh tests/wine10-pwsh-recipe.sh DIR      (as root)
set -eu

START=$(date +%s)
R=/nonexistent
say() { echo "# wine10-pwsh-recipe: [$(( $(date +%s) - START )) s] $*"; }
die() { echo "wine10-pwsh-recipe: error: $*" >&2; exit 1; }
# step LABEL LOG COMMAND...: run with its output in DIR/log/LOG; on failure die
# naming the log and quoting its last line.
step() {
	_l=$1 _log=$DIR/log/$2 _s=$(date +%s)
	shift 2
	say "$_l ..."
	if "$@" > "$_log" 2>&1; then
		say "$_l: done in $(( $(date +%s) - _s )) s"
	else
		die "$_l failed (exit $?) after $(( $(date +%s) - _s )) s: $(tail -1 "$_log") (log: $_log)"
	fi
}

[ $# -eq 1 ] && [ -n "$1" ] || die "usage: sh tests/wine10-pwsh-recipe.sh DIR"
[ "$(id -u)" = 0 ] || die "must run as root (debootstrap, chroot, mount)"
command -v dotnet >/dev/null || die "dotnet (the .NET 10 SDK) is not installed"
mkdir -p "$1" || die "cannot create $1"
DIR=$(cd "$1" && pwd)
R=$DIR/root
MIRROR=http://deb.debian.org/debian
PSVER=7.6.10
mkdir -p "$DIR/log"
rm -f "$DIR/ready"

# /proc, /dev, /dev/pts bound into the chroot only while commands run; the
# trap undoes every mount under DIR/root (also debootstrap's, if it died).
cleanup() {
	_rc=$?
	if mountpoint -q "$R/proc" 2>/dev/null; then
		# wineserver and its services must be gone before /proc and /dev go
		chroot "$R" /usr/bin/env -i HOME=/root WINEPREFIX=/root/.wine PATH=/usr/bin:/bin \
			wineserver -k >/dev/null 2>&1 || true
		sleep 1
	fi
	for m in dev/pts dev sys proc; do
		if mountpoint -q "$R/$m" 2>/dev/null; then
			umount "$R/$m" 2>/dev/null || umount -l "$R/$m" ||
				{ echo "wine10-pwsh-recipe: error: cannot unmount $R/$m" >&2; _rc=1; }
		fi
	done
	exit $_rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
mount_chroot() {
	for m in proc dev dev/pts; do
		mountpoint -q "$R/$m" || mount --bind "/$m" "$R/$m" || die "cannot bind /$m into $R"
	done
}
in_chroot() { chroot "$R" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin \
	WINEPREFIX=/root/.wine WINEDEBUG=-all "$@"; }

# ---- 1. trixie chroot with Wine 10 -------------------------------------------
if ! command -v debootstrap >/dev/null; then
	step "apt-get install debootstrap (host)" apt-debootstrap.log \
		env DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap
fi
if [ ! -e "$DIR/.debootstrap-done" ]; then
	# a half-made chroot (an earlier run that failed) is made again from scratch
	if [ -e "$R" ]; then
		for m in dev/pts dev sys proc; do ! mountpoint -q "$R/$m" || umount -l "$R/$m"; done
		rm -rf --one-file-system "$R" || die "cannot remove the half-made $R"
	fi
	step "debootstrap --variant=minbase trixie" debootstrap.log \
		debootstrap --variant=minbase trixie "$R" "$MIRROR"
	touch "$DIR/.debootstrap-done"
fi
cp /etc/resolv.conf "$R/etc/resolv.conf"
mount_chroot
if [ ! -x "$R/usr/bin/wine" ] || [ ! -e "$DIR/.wine-done" ]; then
	# wine64 alone runs the win-x64 host; wine32:i386 (dpkg --add-architecture
	# i386) is not needed for anything below.
	step "apt-get install wine wine64 (chroot)" wine-install.log in_chroot DEBIAN_FRONTEND=noninteractive sh -c \
		'apt-get update -q && apt-get install -y -q --no-install-recommends wine wine64 && apt-get clean'
	touch "$DIR/.wine-done"
fi
v=$(in_chroot wine --version 2>/dev/null) || die "wine --version fails in the chroot"
say "chroot: $v"   # wine-10.0 (Debian 10.0~repack-6)

# ---- 2. self-contained win-x64 PowerShell 7.6.10 host -----------------------
mkdir -p "$DIR/pwshhost"
cat > "$DIR/pwshhost/pwshhost.csproj.new" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <RuntimeIdentifier>win-x64</RuntimeIdentifier>
    <SelfContained>true</SelfContained>
    <InvariantGlobalization>true</InvariantGlobalization>
    <AssemblyName>pwsh</AssemblyName>
    <Nullable>disable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <SatelliteResourceLanguages>en</SatelliteResourceLanguages>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.PowerShell.SDK" Version="$PSVER" />
  </ItemGroup>
</Project>
EOF
cat > "$DIR/pwshhost/Program.cs.new" <<'EOF'
// Minimal pwsh.exe equivalent: hands the command line to the PowerShell ConsoleHost,
// e.g.  pwsh.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File script.ps1
// ConsoleShell.Start uses InitialSessionState.CreateDefault2() (as pwsh.exe does): the
// built-in modules load on demand from $PSHOME\Modules (= this exe's folder), which the
// recipe copies from the PowerShell 7.6.10 global-tool package (the SDK package has none;
// without them, Get-Acl's .Sddl etc. from Security.types.ps1xml are missing).
// The ConsoleHost returns the script's exit code (exit N).
public static class Program
{
    public static int Main(string[] args)
    {
        return Microsoft.PowerShell.ConsoleShell.Start(null, null, args);
    }
}
EOF
# replaced only when changed, so that an unchanged project is not rebuilt
for f in pwshhost.csproj Program.cs; do
	if cmp -s "$DIR/pwshhost/$f.new" "$DIR/pwshhost/$f"; then rm "$DIR/pwshhost/$f.new"
	else mv "$DIR/pwshhost/$f.new" "$DIR/pwshhost/$f"; rm -f "$DIR/.publish-done"; fi
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ ! -e "$DIR/.publish-done" ] || [ ! -e "$DIR/publish/pwsh.exe" ]; then
	rm -rf "$DIR/publish"
	step "dotnet publish -r win-x64 --self-contained (Microsoft.PowerShell.SDK $PSVER)" publish.log \
		dotnet publish "$DIR/pwshhost/pwshhost.csproj" -c Release -r win-x64 --self-contained -o "$DIR/publish"
	touch "$DIR/.publish-done"
fi
# $PSHOME\Modules for Windows: from the PowerShell global-tool package (same version).
PSW=$DIR/pstool/.store/powershell/$PSVER/powershell/$PSVER/tools/net10.0/any/win
if [ ! -d "$PSW/Modules" ]; then
	rm -rf "$DIR/pstool"
	step "dotnet tool install PowerShell $PSVER (for its Windows Modules)" pstool.log \
		dotnet tool install PowerShell --version "$PSVER" --tool-path "$DIR/pstool"
fi
[ -d "$PSW/Modules" ] || die "no Modules in the PowerShell tool package ($PSW)"
[ -d "$DIR/publish/Modules" ] || cp -a "$PSW/Modules" "$PSW/powershell.config.json" "$DIR/publish/" ||
	die "cannot copy Modules into $DIR/publish"
say "host: $(du -sh "$DIR/publish" | cut -f1) in $DIR/publish"   # 132M
mkdir -p "$R/opt/pwsh" "$R/opt/tests"
# (cp -u: a second run copies nothing)
cp -au "$DIR/publish/." "$R/opt/pwsh/" || die "cannot copy the host into $R/opt/pwsh"

# wpwsh SCRIPT.ps1 [ARGS...] (in the chroot; SCRIPT a path in the chroot): the
# ConsoleHost needs a console (CONOUT$), which Wine gives only when stdout is a
# tty: hence script(1). Its output has the pty's CRs and escape sequences; the
# last line is "host-exit=N"; its exit code is the script's.
cat > "$R/usr/local/bin/wpwsh" <<'EOF'
#!/bin/sh
export HOME=/root WINEPREFIX=/root/.wine WINEDEBUG=-all TERM=dumb
f=$(printf '%s' "$1" | sed 's|/|\\|g'); shift
# each argument single-quoted for script's sh -c (unquoted, C:\tlsgpo-bk would
# reach pwsh as C:tlsgpo-bk, a drive-relative path)
args=
for a; do args="$args '$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'"; done
cmd="stty cols 300 2>/dev/null; wine /opt/pwsh/pwsh.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File 'Z:$f'$args"
script -qefc "$cmd" /dev/null </dev/null
rc=$?
echo "host-exit=$rc"
exit $rc
EOF
chmod +x "$R/usr/local/bin/wpwsh"

# ---- 3. the Wine prefix and a smoke test -------------------------------------
if [ ! -e "$R/root/.wine/system.reg" ] || [ ! -e "$DIR/.wineboot-done" ]; then
	rm -rf "$R/root/.wine"
	# 17 s; prints "wine: failed to open L"C:\\windows\\syswow64\\rundll32.exe": c0000135" (no wine32)
	step "wineboot -i (new Wine prefix)" wineboot.log \
		in_chroot WINEDLLOVERRIDES=mscoree,mshtml= sh -c 'wineboot -i && wineserver -w'
	touch "$DIR/.wineboot-done"
	rm -f "$DIR/.smoke-done"
fi
cat > "$R/opt/tests/smoke.ps1" <<'EOF'
$ErrorActionPreference = 'Continue'
function Item($name, $want, [scriptblock]$sb) {
  $t = [Diagnostics.Stopwatch]::StartNew()
  try { $r = "$(& $sb)" } catch { $r = "EXCEPTION $($_.Exception.GetType().FullName): $($_.Exception.Message)" }
  $ok = if ($r -like $want) { 'PASS' } else { 'FAIL' }
  "$ok $name : $r  [$($t.ElapsedMilliseconds) ms]"
}
"PSVersion $($PSVersionTable.PSVersion) OS=$([Environment]::OSVersion) Is64=$([Environment]::Is64BitProcess)"
$B64 = [Microsoft.Win32.RegistryKey]::OpenBaseKey('LocalMachine','Registry64')
$B32 = [Microsoft.Win32.RegistryKey]::OpenBaseKey('LocalMachine','Registry32')
Item 'try/catch' 'caught' { try { throw 'x' } catch { 'caught' } }
Item 'Get-Acl .Sddl ($PSHOME\Modules)' 'O:*' { (Get-Acl $env:SystemRoot).Sddl }
Item 'OpenSubKey Registry64' 'HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft' { $B64.OpenSubKey('SOFTWARE\Microsoft').Name }
Item 'OpenSubKey Registry32' 'HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft' { $B32.OpenSubKey('SOFTWARE\Microsoft').Name }
Item 'DWORD Registry64' '64 DWord' { $k = $B64.CreateSubKey('SOFTWARE\tlsgpo-smoke'); $k.SetValue('v64', 64, 'DWord'); "$($k.GetValue('v64')) $($k.GetValueKind('v64'))"; $k.Close() }
Item 'DWORD Registry32' '32 DWord' { $k = $B32.CreateSubKey('SOFTWARE\tlsgpo-smoke'); $k.SetValue('v32', 32, 'DWord'); "$($k.GetValue('v32')) $($k.GetValueKind('v32'))"; $k.Close() }
Item 'Registry32 lands in Wow6432Node' 'wow=32 native=<none>' {
  $w = $B64.OpenSubKey('SOFTWARE\Wow6432Node\tlsgpo-smoke'); $n = $B64.OpenSubKey('SOFTWARE\tlsgpo-smoke')
  "wow=$(if ($w) { $w.GetValue('v32') } else { '<no key>' }) native=$(if ($null -eq $n.GetValue('v32')) { '<none>' } else { $n.GetValue('v32') })" }
Item 'reg.exe query' 'rc=0 *v64*REG_DWORD*0x40*' { $o = & reg.exe query 'HKLM\SOFTWARE\tlsgpo-smoke' 2>&1; "rc=$LASTEXITCODE $(($o | % { "$_".Trim() } | ? { $_ }) -join ' | ')" }
Item 'reg.exe query /reg:32' 'rc=0 *v32*REG_DWORD*0x20*' { $o = & reg.exe query 'HKLM\SOFTWARE\tlsgpo-smoke' /reg:32 2>&1; "rc=$LASTEXITCODE $(($o | % { "$_".Trim() } | ? { $_ }) -join ' | ')" }
Item 'reg.exe missing key' 'rc=1*' { $o = & reg.exe query 'HKLM\SOFTWARE\tlsgpo-no-such-key' 2>&1; "rc=$LASTEXITCODE $o" }
$B64.DeleteSubKeyTree('SOFTWARE\tlsgpo-smoke', $false); $B32.DeleteSubKeyTree('SOFTWARE\tlsgpo-smoke', $false)
'exiting with 3'
exit 3
EOF
if [ ! -e "$DIR/.smoke-done" ]; then
	# measured: all items PASS, host-exit=3 (3-5 s with host start)
	say "smoke test (host start, registry views, reg.exe, exit code) ..."
	s=$(date +%s)
	rc=0
	timeout 180 chroot "$R" /usr/bin/env -i HOME=/root PATH=/usr/local/bin:/usr/bin:/bin \
		wpwsh /opt/tests/smoke.ps1 > "$DIR/log/smoke.log" 2>&1 || rc=$?
	sed -i -e 's/\x1b\][^\x07]*\x07//g' -e 's/\x1b\[[0-9;?]*[a-zA-Z]//g' -e 's/\r//g' "$DIR/log/smoke.log"
	grep -E '^(PSVersion|PASS|FAIL)' "$DIR/log/smoke.log" | sed 's/^/#   /'
	fails=$(grep -c '^FAIL' "$DIR/log/smoke.log" || true)
	passes=$(grep -c '^PASS' "$DIR/log/smoke.log" || true)
	[ "$rc" = 3 ] || die "smoke test: the host exited $rc, not 3 (log: $DIR/log/smoke.log)"
	[ "$fails" = 0 ] && [ "$passes" = 10 ] ||
		die "smoke test: $passes of 10 items pass (log: $DIR/log/smoke.log)"
	say "smoke test: 10 items pass, exit 3 passed through, in $(( $(date +%s) - s )) s"
	touch "$DIR/.smoke-done"
fi

date -u +%FT%TZ > "$DIR/ready"
say "ready: $DIR (chroot $R, host $DIR/publish)"
