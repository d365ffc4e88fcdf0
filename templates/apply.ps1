<#
.SYNOPSIS
Applies a tlsgpo policy's registry values, after backing up their prior state.

.DESCRIPTION
Written by tlsgpo @TOOL_VERSION@ for policy @ID@, version @VERSION@.

Sets the policy's @OP_COUNT@ registry values in both registry views. Before it
writes anything it records the prior state of every one of them (absent, or
type and data) in a new numbered backup folder, with a .reg export of each
key; rollback.ps1 restores that state exactly. A second run changes
nothing. -WhatIf shows what would change. Runs from anywhere (a read-only
share, Intune's temporary folder), in a 32-bit or 64-bit host; two runs at
once each take their own backup number.

Exit codes: 0 applied, or nothing to do (3010 applied, with
-SignalRestart); 2 not run elevated, or HKCU values as SYSTEM; 3 a
prerequisite is missing (WinHTTP's update, @WINHTTP_KBS@,
or an OS that has TLS 1.3); 4 the backup could not be written, or
ProgramData's backup folder could not be made safe (nothing was changed);
5 a value could not be written; 6 an unexpected error (the registry could
not be read): nothing was changed unless the output says so.

.PARAMETER BackupDir
Where backups go (default: ProgramData\tlsgpo\@ID@, e.g.
C:\ProgramData\tlsgpo\@ID@). Each is BackupDir\@ID@-@VERSION@-N. A
relative path is taken from the current PowerShell location.

.PARAMETER SkipPrerequisiteCheck
Do not check what this Windows needs (WinHTTP's update,
@WINHTTP_KBS@; an OS that has TLS 1.3).

.PARAMETER SignalRestart
Exit 3010 instead of 0 when values were changed: "done, restart needed" to
ConfigMgr and Intune Win32 apps. Not the default: Intune Remediations and
GPO scripts read any code but 0 as a failure.

.PARAMETER KeepBackups
How many usable backups of this computer to keep (default 10). After a
new backup, older ones go, but never the one rollback.ps1 would restore
(the state before the policy was first applied).
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [string] $BackupDir = '',
    [switch] $SkipPrerequisiteCheck,
    [switch] $SignalRestart,
    [int] $KeepBackups = 10
)

# Windows PowerShell 2.0 and Constrained Language mode
# cannot run what follows: say so and exit 6, never 1 (drift to Intune).
if ($PSVersionTable.PSVersion.Major -lt 3 -or $ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') {
    Write-Output ('{0}: error: needs Windows PowerShell 3.0 or later in Full Language mode; nothing was done.' -f 'apply.ps1')
    exit 6
}

@COMMON@

$EnablesTls13 = @NEEDS_TLS13@

# Anything unforeseen: a message and exit 6, never a code that means
# something else (Intune reads 1 as drift).
trap {
    Write-TlsgpoError ('apply.ps1: unexpected error: {0}' -f $_.Exception.Message)
    exit 6
}

Write-Output ('apply.ps1: policy {0} (id {1}, version {2})' -f $PolicyName, $PolicyId, $PolicyVersion)
if ($PlanHasHkcu -and (Test-TlsgpoSystem)) {
    Write-TlsgpoError 'apply.ps1: this policy sets values in HKEY_CURRENT_USER, and this is the SYSTEM'
    Write-TlsgpoError 'apply.ps1: account, whose HKCU is no user''s. Deploy user values through the GPO''s'
    Write-TlsgpoError 'apply.ps1: User part (gpo\User\Registry.pol) or run this script as the user.'
    exit 2
}
if ($PlanHasHklm -and -not (Test-TlsgpoAdministrator)) {
    Write-TlsgpoError 'apply.ps1: run this script elevated (as Administrator or SYSTEM): it writes to HKLM.'
    exit 2
}
$root = Resolve-TlsgpoBackupRoot $BackupDir

$build = Get-TlsgpoBuild
if (-not $SkipPrerequisiteCheck) {
    $os = $null
    foreach ($row in $OsNeeds) {
        if ($build -ge $row.Min -and $build -le $row.Max) { $os = $row; break }
    }
    if ($null -eq $os) {
        # A build the table does not name: only TLS 1.3 is checked, by number.
        Write-Output ('apply.ps1: note: Windows build {0} is not in tlsgpo''s table of Windows versions; only the TLS 1.3 check applies.' -f $build)
        $tls13Lacking = $EnablesTls13 -and $build -lt @TLS13_BUILD@
    } else {
        $tls13Lacking = $os.Tls13Lacking
        if ($null -ne $os.WinHttpKb -and -not (Test-TlsgpoKb $os.WinHttpKb)) {
            Write-TlsgpoError ('apply.ps1: Windows build {0} is {1}:' -f $build, $os.Name)
            Write-TlsgpoError ('apply.ps1: WinHTTP reads DefaultSecureProtocols there only once KB {0} is installed.' -f $os.WinHttpKb)
            if ($os.WinHttpKb -eq '@EASYFIX_KB@') {
                Write-TlsgpoError "apply.ps1: install KB @EASYFIX_KB@ first; Microsoft's Easy Fix @EASYFIX@ also sets the value."
            }
            Write-TlsgpoError 'apply.ps1: Nothing was changed. -SkipPrerequisiteCheck skips this check.'
            exit 3
        }
        if ($os.WinHttpPartial) {
            Write-Output ('apply.ps1: warning: {0} honours only TLS 1.1 and TLS 1.2 in DefaultSecureProtocols; the policy''s other protocols are ignored there.' -f $os.Name)
        }
        if ($null -ne $os.DotNet35Kb -and (Test-TlsgpoNet35) -and -not (Test-TlsgpoKb $os.DotNet35Kb)) {
            # Later .NET updates supersede the KB [os.c NETTLS]: not finding
            # its number is not proof that it is missing.
            Write-Output ('apply.ps1: warning: .NET Framework 3.5 on {0} reads SystemDefaultTlsVersions only with KB {1} or a later .NET update that contains it; KB {1} is not listed, which is expected on a machine kept current through Windows Update, since later updates supersede it: could not confirm.' -f $os.Name, $os.DotNet35Kb)
        }
        if ($null -ne $os.Tls12Kb -and -not (Test-TlsgpoKb $os.Tls12Kb)) {
            if ($os.Tls10Off) {
                Write-TlsgpoError ('apply.ps1: Windows build {0} is {1}:' -f $build, $os.Name)
                Write-TlsgpoError ('apply.ps1: SCHANNEL has TLS 1.1 and TLS 1.2 there only with KB {0}, which is not listed, and this policy turns TLS 1.0 off: no TLS would be left.' -f $os.Tls12Kb)
                Write-TlsgpoError 'apply.ps1: Nothing was changed. If a later update that contains it is installed, -SkipPrerequisiteCheck skips this check.'
                exit 3
            }
            Write-Output ('apply.ps1: warning: SCHANNEL on {0} has TLS 1.1 and TLS 1.2 only with KB {1}, which is not installed; this policy relies on them.' -f $os.Name, $os.Tls12Kb)
        }
        # TLS 1.0 off for servers, and TLS 1.1 and 1.2 off there by default
        # and turned on neither by the policy nor on this machine.
        if ($null -ne $os.NoTlsLeft -and -not (Test-TlsgpoServerTlsOn $os.NoTlsLeft)) {
            Write-TlsgpoError ('apply.ps1: Windows build {0} is {1}:' -f $build, $os.Name)
            Write-TlsgpoError 'apply.ps1: this policy turns TLS 1.0 off for servers, and TLS 1.1 and TLS 1.2 are off for servers there by default and on neither in this policy nor on this machine: servers would be left without TLS. On the machine a protocol counts as on for servers when its Server key has DisabledByDefault 0 and Enabled absent or not 0.'
            Write-TlsgpoError 'apply.ps1: Add "tls1.2.server = enabled" to the policy. Nothing was changed. -SkipPrerequisiteCheck skips this check.'
            exit 3
        }
        # Remote Desktop without TLS 1.0 needs an update there [os.c]:
        # refused only where Remote Desktop is on (fDenyTSConnections 0).
        if ($null -ne $os.RdpKb -and (Test-TlsgpoRdpOn) -and -not (Test-TlsgpoKb $os.RdpKb)) {
            Write-TlsgpoError ('apply.ps1: Windows build {0} is {1}, with Remote Desktop on:' -f $build, $os.Name)
            Write-TlsgpoError ('apply.ps1: without TLS 1.0 for servers, which this policy turns off, Remote Desktop there needs KB {0} and TLS 1.2 for servers on; KB {0} is not listed.' -f $os.RdpKb)
            Write-TlsgpoError 'apply.ps1: Nothing was changed. If a later update that contains it is installed, -SkipPrerequisiteCheck skips this check.'
            exit 3
        }
    }
    if ($tls13Lacking) {
        Write-TlsgpoError ('apply.ps1: this policy turns TLS 1.3 on, but this is Windows build {0};' -f $build)
        Write-TlsgpoError 'apply.ps1: TLS 1.3 needs @TLS13_WHERE@. Nothing was changed.'
        exit 3
    }
}

# ProgramData\tlsgpo and this policy's folder, made for SYSTEM and
# Administrators only, or checked: one someone else could change (or that
# is not a folder: a file, a link) is moved aside, with every backup in
# it, and made anew. A backup folder in it that fails is only passed over
# by rollback (it may be another run's, being written).
function Initialize-TlsgpoBackupStore([string] $Root) {
    $top = Get-TlsgpoBackupTop
    if (-not (Test-Path -LiteralPath $top)) { New-TlsgpoAdminFolder $top }
    $check = Test-TlsgpoBackupStore $Root
    if ($check.State -ne 'ok') {
        $dir = $Root
        if ($check.State -eq 'top') { $dir = $top }
        # Again, right before the move: another run may have been making it.
        $again = Test-TlsgpoBackupStore $Root
        if ($again.State -eq $check.State) {
            $aside = Move-TlsgpoAside $dir
            Write-Output ('apply.ps1: warning: "{0}": {1}.' -f $check.Path, $check.Why)
            Write-Output ('apply.ps1: warning: moved "{0}" aside to "{1}": none of its backups is used; made it anew for SYSTEM and Administrators only.' -f $dir, $aside)
        }
    }
    if (-not (Test-Path -LiteralPath $top)) { New-TlsgpoAdminFolder $top }
    if (-not (Test-Path -LiteralPath $Root)) { New-TlsgpoAdminFolder $Root }
    $check = Test-TlsgpoBackupStore $Root
    if ($check.State -ne 'ok') { throw ('"{0}": {1}, even made anew' -f $check.Path, $check.Why) }
    # The backup folders in it that failed: pruning neither counts nor keeps them.
    $script:Untrusted = $check.Untrusted
}

# DIR.untrusted-<time>-<random>: a name nobody can take first. A rename
# moves what DIR holds, and a link or file at DIR as it is.
function Move-TlsgpoAside([string] $Dir) {
    $aside = '{0}.untrusted-{1}-{2}' -f $Dir, (Get-Date).ToString('yyyyMMddHHmmss'), [guid]::NewGuid().ToString('N').Substring(0, 8)
    try {
        if ([IO.File]::Exists($Dir)) { [IO.File]::Move($Dir, $aside) } else { [IO.Directory]::Move($Dir, $aside) }
    } catch {
        throw ('cannot move "{0}" aside ({1}); look at what it holds, then delete it, or give -BackupDir a folder only administrators may change' -f $Dir, $_.Exception.Message)
    }
    return $aside
}

if ($KeepBackups -lt 1) {
    Write-TlsgpoError ('apply.ps1: -KeepBackups {0}: keep at least 1 backup.' -f $KeepBackups)
    exit 2
}

$states = @{}
$todo = 0
$odd = @()
foreach ($entry in $Plan) {
    $states[$entry.Index] = Get-TlsgpoValue $entry
    if (-not (Test-TlsgpoSame $entry $states[$entry.Index])) { $todo++ }
    if ($states[$entry.Index].State -eq 'present' -and $states[$entry.Index].Kind -eq 'Unknown') { $odd += $entry }
}
# .NET reads REG_NONE, REG_DWORD_BIG_ENDIAN, REG_LINK and the resource
# lists all as "Unknown" (the last two without their data) and writes none
# of them back: a backup could not restore such a value.
if ($todo -gt 0 -and $odd.Count -gt 0) {
    foreach ($entry in $odd) {
        Write-TlsgpoError ('apply.ps1: {0} holds a REG_NONE, REG_DWORD_BIG_ENDIAN, REG_LINK or resource list value, which PowerShell cannot back up and write back exactly.' -f $entry.Label)
    }
    Write-TlsgpoError 'apply.ps1: nothing was changed. Set or delete the value by hand (reg.exe shows its type), then run apply.ps1 again.'
    exit 4
}
if ($todo -eq 0) {
    foreach ($entry in $Plan) {
        Write-Output ('unchanged   {0}: {1}' -f $entry.Label, (Format-TlsgpoValue $states[$entry.Index]))
    }
    Write-Output ('apply.ps1: all {0} values already have the policy''s data: nothing changed.' -f $Plan.Count)
    exit 0
}

if ($WhatIfPreference) {
    $backup = $null
} else {
    $Untrusted = @{}
    try {
        $own = Test-TlsgpoDefaultStore $BackupDir
        if ($own) { Initialize-TlsgpoBackupStore $root }
        $backup = New-TlsgpoBackup $root $states 'apply.ps1' $own
    } catch {
        Write-TlsgpoError ('apply.ps1: cannot write a complete backup under "{0}": {1}; nothing was changed.' -f $root, $_.Exception.Message)
        exit 4
    }
    Write-Output ('apply.ps1: prior state saved in "{0}"' -f $backup)
}

$failed = 0
foreach ($entry in $Plan) {
    $before = $states[$entry.Index]
    if (Test-TlsgpoSame $entry $before) {
        Write-Output ('unchanged   {0}: {1}' -f $entry.Label, (Format-TlsgpoValue $before))
        continue
    }
    $change = '{0}, set to {1}' -f (Format-TlsgpoValue $before), (Format-TlsgpoWanted $entry)
    if (-not $PSCmdlet.ShouldProcess($entry.Label, $change)) { continue }
    try {
        Set-TlsgpoWanted $entry
        if (-not (Test-TlsgpoSame $entry (Get-TlsgpoValue $entry))) { throw 'the value does not read back' }
        Write-Output ('changed     {0}: {1}' -f $entry.Label, $change)
    } catch {
        $failed++
        Write-TlsgpoError ('FAILED      {0}: {1}' -f $entry.Label, $_.Exception.Message)
    }
}
if (-not $WhatIfPreference) {
    Write-Output 'apply.ps1: restart Windows so that WinHTTP, WinINet, .NET and SCHANNEL read the new values.'
}
if ($null -ne $backup) {
    foreach ($left in (Remove-TlsgpoOldBackups $root $KeepBackups $Untrusted)) {
        Write-Output ('apply.ps1: warning: could not remove the old backup "{0}"' -f $left)
    }
}
if ($failed -gt 0) {
    Write-TlsgpoError ('apply.ps1: {0} values could not be written; rollback.ps1 undoes the others.' -f $failed)
    exit 5
}
if ($SignalRestart -and -not $WhatIfPreference) { exit 3010 }
exit 0
