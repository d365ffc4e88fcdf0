#Requires -Version 3.0
<#
.SYNOPSIS
Applies a tlsgpo policy's registry values, after backing up their prior state.

.DESCRIPTION
Written by tlsgpo @TOOL_VERSION@ for policy @ID@, version @VERSION@.

Sets the policy's @OP_COUNT@ registry values in both registry views. Before it
writes anything it records the prior state of every one of them (absent, or
type and data) in a new numbered folder under -BackupDir, with a .reg export
of each key; rollback.ps1 restores that state exactly. A second run changes
nothing. -WhatIf shows what would change.

Exit codes: 0 applied, or nothing to do; 2 not run as Administrator;
3 a prerequisite is missing (KB 3140245, or an OS that can use TLS 1.3);
4 the backup could not be written (nothing was changed); 5 a value could
not be written.

.PARAMETER BackupDir
Where backups go (default: the backup folder beside this script). Each is
BackupDir\@ID@-@VERSION@-N.

.PARAMETER SkipPrerequisiteCheck
Do not check for KB 3140245 or for an OS that can use TLS 1.3.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [string] $BackupDir = (Join-Path $PSScriptRoot 'backup'),
    [switch] $SkipPrerequisiteCheck
)

@COMMON@

$NeedsKb3140245 = @NEEDS_KB@
$EnablesTls13 = @NEEDS_TLS13@

Write-Output ('apply.ps1: policy {0} (id {1}, version {2})' -f $PolicyName, $PolicyId, $PolicyVersion)
if (-not (Test-TlsgpoAdministrator)) {
    Write-TlsgpoError 'apply.ps1: run this script as Administrator: it writes to HKLM.'
    exit 2
}

$build = 0
$current = Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' -Name CurrentBuildNumber -ErrorAction SilentlyContinue
if ($null -ne $current) { $build = [int]$current.CurrentBuildNumber }
if (-not $SkipPrerequisiteCheck) {
    if ($NeedsKb3140245 -and $build -ge 7601 -and $build -le 9200) {
        $packages = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages'
        $installed = @(Get-ChildItem -Path $packages -ErrorAction SilentlyContinue |
            Where-Object { $_.PSChildName -like '*KB3140245*' }).Count -gt 0
        if (-not $installed) {
            $installed = $null -ne (Get-HotFix -Id KB3140245 -ErrorAction SilentlyContinue)
        }
        if (-not $installed) {
            Write-TlsgpoError ('apply.ps1: Windows build {0} is Windows 7 SP1, Server 2008 R2 SP1 or Server 2012:' -f $build)
            Write-TlsgpoError 'apply.ps1: WinHTTP reads DefaultSecureProtocols only once KB 3140245 is installed.'
            Write-TlsgpoError "apply.ps1: install KB 3140245 first; Microsoft's Easy Fix MicrosoftEasyFix51044.msi"
            Write-TlsgpoError 'apply.ps1: also sets the value. Nothing was changed. -SkipPrerequisiteCheck skips this check.'
            exit 3
        }
    }
    if ($EnablesTls13 -and $build -lt 20348) {
        Write-TlsgpoError ('apply.ps1: this policy turns TLS 1.3 on, but this is Windows build {0};' -f $build)
        Write-TlsgpoError 'apply.ps1: TLS 1.3 needs Windows 11 or Server 2022, build 20348, or later. Nothing was changed.'
        exit 3
    }
}

$states = @{}
$todo = 0
foreach ($entry in $Plan) {
    $states[$entry.Index] = Get-TlsgpoValue $entry
    if (-not (Test-TlsgpoSame $entry $states[$entry.Index])) { $todo++ }
}
if ($todo -eq 0) {
    foreach ($entry in $Plan) {
        Write-Output ('unchanged  {0}: {1}' -f $entry.Label, (Format-TlsgpoValue $states[$entry.Index]))
    }
    Write-Output ('apply.ps1: all {0} values already have the policy''s data: nothing changed.' -f $Plan.Count)
    exit 0
}

if ($WhatIfPreference) {
    $backup = $null
} else {
    try {
        $backup = New-TlsgpoBackup $BackupDir $states 'apply.ps1'
    } catch {
        Write-TlsgpoError ('apply.ps1: cannot write a backup under "{0}": {1}; nothing was changed.' -f $BackupDir, $_.Exception.Message)
        exit 4
    }
    Write-Output ('apply.ps1: prior state saved in "{0}"' -f $backup)
}

$failed = 0
foreach ($entry in $Plan) {
    $before = $states[$entry.Index]
    if (Test-TlsgpoSame $entry $before) {
        Write-Output ('unchanged  {0}: {1}' -f $entry.Label, (Format-TlsgpoValue $before))
        continue
    }
    $change = '{0}, set to {1}' -f (Format-TlsgpoValue $before), (Format-TlsgpoWanted $entry)
    if (-not $PSCmdlet.ShouldProcess($entry.Label, $change)) { continue }
    try {
        Set-TlsgpoDword $entry
        Write-Output ('changed    {0}: {1}' -f $entry.Label, $change)
    } catch {
        $failed++
        Write-TlsgpoError ('FAILED     {0}: {1}' -f $entry.Label, $_.Exception.Message)
    }
}
Write-Output 'apply.ps1: restart Windows so that WinHTTP, WinINet, .NET and SCHANNEL read the new values.'
if ($failed -gt 0) {
    Write-TlsgpoError ('apply.ps1: {0} values could not be written; rollback.ps1 undoes the others.' -f $failed)
    exit 5
}
exit 0
