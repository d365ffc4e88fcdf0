<#
.SYNOPSIS
Imports this package's GPO backup into a domain Group Policy Object.

.DESCRIPTION
Written by tlsgpo 0.1.0 for policy cipher-strict, version 1.0 ([gpo] mode
= auto).

Runs Import-GPO with backup {A222B445-5A36-5F3B-A64C-D5F4958B2D56} from the folder "backup" beside this
script, into the GPO named -TargetName (default: the policy's GPO name),
creating that GPO when the domain has none of the name. A GPO of that name
that exists is refused unless -Force: import replaces every one of its
settings with the backup's (its links, permissions and WMI filter stay), and
it may be linked to machines already. Nothing is linked: link the GPO
afterwards (New-GPLink, or GPMC). -WhatIf says whether it would create the
GPO or replace an existing one's settings, and where that one is linked.

Needs the GroupPolicy module (RSAT's Group Policy Management Tools on a
workstation, the GPMC feature on a server) and rights to create and edit
GPOs in the domain.

Exit codes: 0 imported (or -WhatIf); 3 the GPO exists and -Force was not
given; 6 an error: nothing was imported (the module is missing, the backup
folder is not beside the script, or Import-GPO failed).

.PARAMETER TargetName
The GPO to import into (default: the policy's [gpo] name, else its name).

.PARAMETER Domain
The domain's DNS name (default: the domain of the user running the script).

.PARAMETER Force
Replace the settings of a GPO of that name that exists already.

.PARAMETER Server
The domain controller to talk to (default: the PDC emulator).

.EXAMPLE
powershell.exe -ExecutionPolicy Bypass -File gpo\import-gpo.ps1 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [string]$TargetName = '',
    [string]$Domain = '',
    [string]$Server = '',
    [switch]$Force
)

$ErrorActionPreference = 'Stop'
$BackupId = 'A222B445-5A36-5F3B-A64C-D5F4958B2D56'
$PolicyId = 'cipher-strict'

function Write-ImportError([string]$Message) {
    [Console]::Error.WriteLine($Message)
}

trap {
    Write-ImportError ('import-gpo.ps1: error: {0}; nothing was imported.' -f $_.Exception.Message)
    exit 6
}

if ($TargetName -eq '') { $TargetName = 'Cipher suites: strict (TLS 1.3 and 1.2, AEAD only)' }
# $PSScriptRoot is PowerShell 3.0 and later; this works from 2.0 on.
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$path = Join-Path $here 'backup'
if (-not (Test-Path -LiteralPath (Join-Path $path ('{' + $BackupId + '}')) -PathType Container)) {
    Write-ImportError ('import-gpo.ps1: no folder {{{0}}} under "{1}": run this script from the package''s gpo folder; nothing was imported.' -f $BackupId, $path)
    exit 6
}
try {
    Import-Module GroupPolicy -ErrorAction Stop
} catch {
    Write-ImportError 'import-gpo.ps1: the GroupPolicy module is missing: install RSAT''s Group Policy Management Tools (the GPMC feature on a server); nothing was imported.'
    exit 6
}
$lookup = @{ Name = $TargetName; ErrorAction = 'Stop' }
if ($Domain -ne '') { $lookup['Domain'] = $Domain }
if ($Server -ne '') { $lookup['Server'] = $Server }
# Get-GPO fails when no GPO has the name; any other failure shows again in
# Import-GPO below.
try { $existing = Get-GPO @lookup } catch { $existing = $null }
if ($null -ne $existing) {
    $links = @()
    try {
        $report = [xml](Get-GPOReport -Guid $existing.Id -ReportType Xml -Domain $existing.DomainName)
        foreach ($link in @($report.GPO.LinksTo)) { if ($null -ne $link) { $links += [string]$link.SOMPath } }
    } catch {
        $links = @('(its links could not be read)')
    }
    $where = if ($links.Count -gt 0) { 'linked to ' + ($links -join '; ') } else { 'not linked' }
    $what = ('replace every setting of the existing GPO "{0}" ({1}, {2}) with backup {{{3}}}' -f $existing.DisplayName, $existing.Id, $where, $BackupId)
    if (-not $Force -and -not $WhatIfPreference) {
        Write-ImportError ('import-gpo.ps1: GPO "{0}" exists ({1}, {2}): importing would replace all its settings. Run again with -Force to do that, or give another -TargetName; nothing was imported.' -f $existing.DisplayName, $existing.Id, $where)
        exit 3
    }
} else {
    $what = ('create GPO "{0}" from backup {{{1}}} of tlsgpo policy {2} (not linked)' -f $TargetName, $BackupId, $PolicyId)
}
$params = @{ BackupId = $BackupId; Path = $path; TargetName = $TargetName; CreateIfNeeded = $true }
if ($Domain -ne '') { $params['Domain'] = $Domain }
if ($Server -ne '') { $params['Server'] = $Server }
if (-not $PSCmdlet.ShouldProcess($what, 'Import-GPO')) {
    exit 0
}
$gpo = Import-GPO @params
Write-Output ('import-gpo.ps1: imported into GPO "{0}" ({1}). Link it where it belongs: New-GPLink -Guid {1} -Target "OU=...".' -f $gpo.DisplayName, $gpo.Id)
exit 0
