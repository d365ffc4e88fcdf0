<#
.SYNOPSIS
Imports this package's GPO backup into a domain Group Policy Object.

.DESCRIPTION
Written by tlsgpo 0.1.0 for policy server-hardening, version 1.0 ([gpo] mode
= auto).

Runs Import-GPO with backup {75C44224-67A9-5704-BA4C-8B90D1CF16A5} from the folder "backup" beside this
script, into the GPO named -TargetName (default: the policy's GPO name),
creating that GPO when the domain has none of the name. Import replaces
every setting of an existing GPO of that name with the backup's; its links,
permissions and WMI filter stay as they are. Nothing is linked: link the GPO
afterwards (New-GPLink, or GPMC). -WhatIf shows what would be done.

Needs the GroupPolicy module (RSAT's Group Policy Management Tools on a
workstation, the GPMC feature on a server) and rights to create and edit
GPOs in the domain.

Exit codes: 0 imported (or -WhatIf); 6 an error: nothing was imported (the
module is missing, the backup folder is not beside the script, or
Import-GPO failed).

.PARAMETER TargetName
The GPO to import into (default: the policy's [gpo] name, else its name).

.PARAMETER Domain
The domain's DNS name (default: this computer's domain).

.PARAMETER Server
The domain controller to talk to (default: the PDC emulator).

.EXAMPLE
powershell.exe -ExecutionPolicy Bypass -File gpo\import-gpo.ps1 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [string]$TargetName = '',
    [string]$Domain = '',
    [string]$Server = ''
)

$ErrorActionPreference = 'Stop'
$BackupId = '75C44224-67A9-5704-BA4C-8B90D1CF16A5'
$PolicyId = 'server-hardening'

function Write-ImportError([string]$Message) {
    [Console]::Error.WriteLine($Message)
}

trap {
    Write-ImportError ('import-gpo.ps1: error: {0}; nothing was imported.' -f $_.Exception.Message)
    exit 6
}

if ($TargetName -eq '') { $TargetName = 'Server hardening (TLS 1.2, SCHANNEL)' }
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
$params = @{ BackupId = $BackupId; Path = $path; TargetName = $TargetName; CreateIfNeeded = $true }
if ($Domain -ne '') { $params['Domain'] = $Domain }
if ($Server -ne '') { $params['Server'] = $Server }
if (-not $PSCmdlet.ShouldProcess(('GPO "{0}"' -f $TargetName), ('import backup {{{0}}} of tlsgpo policy {1}' -f $BackupId, $PolicyId))) {
    exit 0
}
$gpo = Import-GPO @params
Write-Output ('import-gpo.ps1: imported into GPO "{0}" ({1}). Link it where it belongs: New-GPLink -Guid {1} -Target "OU=...".' -f $gpo.DisplayName, $gpo.Id)
exit 0
