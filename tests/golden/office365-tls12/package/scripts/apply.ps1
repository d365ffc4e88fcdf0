#Requires -Version 3.0
<#
.SYNOPSIS
Applies a tlsgpo policy's registry values, after backing up their prior state.

.DESCRIPTION
Written by tlsgpo 0.1.0 for policy office365-tls12, version 1.0.

Sets the policy's 11 registry values in both registry views. Before it
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
BackupDir\office365-tls12-1.0-N.

.PARAMETER SkipPrerequisiteCheck
Do not check for KB 3140245 or for an OS that can use TLS 1.3.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [string] $BackupDir = (Join-Path $PSScriptRoot 'backup'),
    [switch] $SkipPrerequisiteCheck
)

# ---- Shared by apply.ps1, rollback.ps1 and detect.ps1 -----------------------

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

$PolicyName = 'Office 365 TLS 1.2'
$PolicyId = 'office365-tls12'
$PolicyVersion = '1.0'

# The registry plan: one entry per value, in the order the package applies them.
$Plan = @(
    @{ Index = 1; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'; Name = 'DefaultSecureProtocols'; Type = 'REG_DWORD'; Data = 2048; Label = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp [64-bit] DefaultSecureProtocols' },
    @{ Index = 2; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'; Name = 'DefaultSecureProtocols'; Type = 'REG_DWORD'; Data = 2048; Label = 'HKLM\SOFTWARE\Wow6432Node\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp [32-bit] DefaultSecureProtocols' },
    @{ Index = 3; Hive = 'HKLM'; View = 'shared'; Key = 'SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings'; Name = 'SecureProtocols'; Type = 'REG_DWORD'; Data = 2048; Label = 'HKLM\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings [shared] SecureProtocols' },
    @{ Index = 4; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\.NETFramework\v4.0.30319'; Name = 'SchUseStrongCrypto'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [64-bit] SchUseStrongCrypto' },
    @{ Index = 5; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\.NETFramework\v4.0.30319'; Name = 'SystemDefaultTlsVersions'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [64-bit] SystemDefaultTlsVersions' },
    @{ Index = 6; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\.NETFramework\v4.0.30319'; Name = 'SchUseStrongCrypto'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319 [32-bit] SchUseStrongCrypto' },
    @{ Index = 7; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\.NETFramework\v4.0.30319'; Name = 'SystemDefaultTlsVersions'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319 [32-bit] SystemDefaultTlsVersions' },
    @{ Index = 8; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\.NETFramework\v2.0.50727'; Name = 'SchUseStrongCrypto'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727 [64-bit] SchUseStrongCrypto' },
    @{ Index = 9; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\.NETFramework\v2.0.50727'; Name = 'SystemDefaultTlsVersions'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727 [64-bit] SystemDefaultTlsVersions' },
    @{ Index = 10; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\.NETFramework\v2.0.50727'; Name = 'SchUseStrongCrypto'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v2.0.50727 [32-bit] SchUseStrongCrypto' },
    @{ Index = 11; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\.NETFramework\v2.0.50727'; Name = 'SystemDefaultTlsVersions'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v2.0.50727 [32-bit] SystemDefaultTlsVersions' }
)

# Keys the plan writes to and their ancestors, deepest first.
$PlanKeys = @(
    @{ Index = 1; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp [64-bit]' },
    @{ Index = 2; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp [32-bit]' },
    @{ Index = 3; Hive = 'HKLM'; View = 'shared'; Key = 'SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings [shared]' },
    @{ Index = 4; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings [64-bit]' },
    @{ Index = 5; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings [32-bit]' },
    @{ Index = 6; Hive = 'HKLM'; View = 'shared'; Key = 'SOFTWARE\Policies\Microsoft\Windows\CurrentVersion'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion [shared]' },
    @{ Index = 7; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion [64-bit]' },
    @{ Index = 8; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion [32-bit]' },
    @{ Index = 9; Hive = 'HKLM'; View = 'shared'; Key = 'SOFTWARE\Policies\Microsoft\Windows'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Policies\Microsoft\Windows [shared]' },
    @{ Index = 10; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\.NETFramework\v4.0.30319'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [64-bit]' },
    @{ Index = 11; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\.NETFramework\v4.0.30319'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [32-bit]' },
    @{ Index = 12; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\.NETFramework\v2.0.50727'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727 [64-bit]' },
    @{ Index = 13; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\.NETFramework\v2.0.50727'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727 [32-bit]' },
    @{ Index = 14; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\Windows'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Microsoft\Windows [64-bit]' },
    @{ Index = 15; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\Windows'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Microsoft\Windows [32-bit]' },
    @{ Index = 16; Hive = 'HKLM'; View = 'shared'; Key = 'SOFTWARE\Policies\Microsoft'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Policies\Microsoft [shared]' },
    @{ Index = 17; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\.NETFramework'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework [64-bit]' },
    @{ Index = 18; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\.NETFramework'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework [32-bit]' }
)

$KindNames = @{
    'String' = 'REG_SZ'; 'ExpandString' = 'REG_EXPAND_SZ'; 'Binary' = 'REG_BINARY'
    'DWord' = 'REG_DWORD'; 'QWord' = 'REG_QWORD'; 'MultiString' = 'REG_MULTI_SZ'
    'None' = 'REG_NONE'; 'Unknown' = 'REG_NONE'
}

function Open-TlsgpoBase([hashtable] $Entry) {
    if ($Entry.Hive -eq 'HKCU') {
        $hive = [Microsoft.Win32.RegistryHive]::CurrentUser
    } else {
        $hive = [Microsoft.Win32.RegistryHive]::LocalMachine
    }
    # Registry64 is the native view on 32-bit Windows too.
    if ($Entry.View -eq '32') {
        $view = [Microsoft.Win32.RegistryView]::Registry32
    } else {
        $view = [Microsoft.Win32.RegistryView]::Registry64
    }
    return [Microsoft.Win32.RegistryKey]::OpenBaseKey($hive, $view)
}

# @{ State = 'absent' } or @{ State = 'present'; Kind = 'DWord'; Data = ... }
function Get-TlsgpoValue([hashtable] $Entry) {
    $base = Open-TlsgpoBase $Entry
    try {
        $key = $base.OpenSubKey($Entry.Key, $false)
        if ($null -eq $key) { return @{ State = 'absent' } }
        try {
            if (-not ($key.GetValueNames() -contains $Entry.Name)) {
                return @{ State = 'absent' }
            }
            $options = [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames
            return @{
                State = 'present'
                Kind = [string]$key.GetValueKind($Entry.Name)
                Data = $key.GetValue($Entry.Name, $null, $options)
            }
        } finally {
            $key.Close()
        }
    } finally {
        $base.Close()
    }
}

function ConvertTo-TlsgpoUInt32($Data) {
    return [BitConverter]::ToUInt32([BitConverter]::GetBytes([int32]$Data), 0)
}

function Test-TlsgpoSame([hashtable] $Entry, [hashtable] $Current) {
    if ($Current.State -ne 'present' -or $Current.Kind -ne 'DWord') { return $false }
    return (ConvertTo-TlsgpoUInt32 $Current.Data) -eq [uint32]$Entry.Data
}

# "absent", "REG_DWORD 0x00000800", "REG_SZ text": as reg.exe would show it.
function Format-TlsgpoValue([hashtable] $Current) {
    if ($Current.State -ne 'present') { return 'absent' }
    $name = $KindNames[$Current.Kind]
    switch ($Current.Kind) {
        'DWord' { return '{0} 0x{1:X8}' -f $name, (ConvertTo-TlsgpoUInt32 $Current.Data) }
        'QWord' { return '{0} 0x{1:X16}' -f $name, [int64]$Current.Data }
        'Binary' { return '{0} {1}' -f $name, (($Current.Data | ForEach-Object { '{0:X2}' -f $_ }) -join '') }
        'MultiString' { return '{0} {1}' -f $name, ($Current.Data -join '\0') }
        default { return '{0} {1}' -f $name, [string]$Current.Data }
    }
}

function Format-TlsgpoWanted([hashtable] $Entry) {
    return 'REG_DWORD 0x{0:X8}' -f [uint32]$Entry.Data
}

function Set-TlsgpoDword([hashtable] $Entry) {
    $base = Open-TlsgpoBase $Entry
    try {
        $key = $base.CreateSubKey($Entry.Key)
        try {
            $signed = [BitConverter]::ToInt32([BitConverter]::GetBytes([uint32]$Entry.Data), 0)
            $key.SetValue($Entry.Name, $signed, [Microsoft.Win32.RegistryValueKind]::DWord)
        } finally {
            $key.Close()
        }
    } finally {
        $base.Close()
    }
}

function Test-TlsgpoAdministrator {
    $identity = [Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = New-Object Security.Principal.WindowsPrincipal($identity)
    return $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}

function Write-TlsgpoError([string] $Message) {
    [Console]::Error.WriteLine($Message)
}

# Backups: BackupDir\<id>-<version>-<N>, numbered from 1, never overwritten.
function Get-TlsgpoBackups([string] $BackupDir) {
    $found = @()
    for ($n = 1; ; $n++) {
        $dir = Join-Path $BackupDir ('{0}-{1}-{2}' -f $PolicyId, $PolicyVersion, $n)
        if (-not (Test-Path -LiteralPath (Join-Path $dir 'state.txt'))) { break }
        $found += $dir
    }
    return $found
}

function Set-TlsgpoValue([hashtable] $Entry, [string] $Kind, $Data) {
    $base = Open-TlsgpoBase $Entry
    try {
        $key = $base.CreateSubKey($Entry.Key)
        try {
            $key.SetValue($Entry.Name, $Data, [Microsoft.Win32.RegistryValueKind]$Kind)
        } finally {
            $key.Close()
        }
    } finally {
        $base.Close()
    }
}

function Remove-TlsgpoValue([hashtable] $Entry) {
    $base = Open-TlsgpoBase $Entry
    try {
        $key = $base.OpenSubKey($Entry.Key, $true)
        if ($null -ne $key) {
            try { $key.DeleteValue($Entry.Name, $false) } finally { $key.Close() }
        }
    } finally {
        $base.Close()
    }
}

# The value's bytes as the registry holds them, in base64: exact for any data.
function ConvertTo-TlsgpoRaw([hashtable] $Current) {
    switch ($Current.Kind) {
        'DWord' { $bytes = [BitConverter]::GetBytes([int32]$Current.Data) }
        'QWord' { $bytes = [BitConverter]::GetBytes([int64]$Current.Data) }
        'MultiString' { $bytes = [Text.Encoding]::Unicode.GetBytes((@($Current.Data) -join "`0")) }
        'String' { $bytes = [Text.Encoding]::Unicode.GetBytes([string]$Current.Data) }
        'ExpandString' { $bytes = [Text.Encoding]::Unicode.GetBytes([string]$Current.Data) }
        default { $bytes = [byte[]]@($Current.Data) }
    }
    return [Convert]::ToBase64String($bytes)
}

# Arrays are returned with a leading comma, so that PowerShell does not
# unroll a string[] or byte[] into loose objects on the way out.
function ConvertFrom-TlsgpoRaw([string] $Kind, [string] $Base64) {
    $bytes = [Convert]::FromBase64String($Base64)
    switch ($Kind) {
        'DWord' { return [BitConverter]::ToInt32($bytes, 0) }
        'QWord' { return [BitConverter]::ToInt64($bytes, 0) }
        'MultiString' { return ,([string[]]([Text.Encoding]::Unicode.GetString($bytes) -split "`0")) }
        'String' { return [Text.Encoding]::Unicode.GetString($bytes) }
        'ExpandString' { return [Text.Encoding]::Unicode.GetString($bytes) }
        default { return ,$bytes }
    }
}

# A value as reg.exe shows it (a backup written by apply.cmd).
function ConvertFrom-TlsgpoShown([string] $Type, [string] $Data) {
    switch ($Type) {
        'REG_DWORD' { return @{ Kind = 'DWord'; Data = [BitConverter]::ToInt32([BitConverter]::GetBytes([uint32]$Data), 0) } }
        'REG_QWORD' { return @{ Kind = 'QWord'; Data = [int64]$Data } }
        'REG_SZ' { return @{ Kind = 'String'; Data = $Data } }
        'REG_EXPAND_SZ' { return @{ Kind = 'ExpandString'; Data = $Data } }
        'REG_MULTI_SZ' { return @{ Kind = 'MultiString'; Data = [string[]]($Data -split '\\0') } }
        'REG_BINARY' {
            $bytes = New-Object byte[] ($Data.Length / 2)
            for ($i = 0; $i -lt $bytes.Length; $i++) {
                $bytes[$i] = [Convert]::ToByte($Data.Substring(2 * $i, 2), 16)
            }
            return @{ Kind = 'Binary'; Data = $bytes }
        }
        default { throw ('cannot restore a value of type {0}' -f $Type) }
    }
}

function Get-TlsgpoViewFlag([hashtable] $Entry) {
    switch ($Entry.View) {
        '64' { return '/reg:64' }
        '32' { return '/reg:32' }
        default { return $null }
    }
}

function New-TlsgpoBackup([string] $BackupDir, [hashtable] $States, [string] $Writer) {
    New-Item -ItemType Directory -Force -Path $BackupDir | Out-Null
    for ($n = 1; ; $n++) {
        $dir = Join-Path $BackupDir ('{0}-{1}-{2}' -f $PolicyId, $PolicyVersion, $n)
        if (-not (Test-Path -LiteralPath $dir)) { break }
    }
    New-Item -ItemType Directory -Path $dir | Out-Null
    $lines = New-Object System.Collections.Generic.List[string]
    $lines.Add(('# tlsgpo backup of policy {0} version {1}, written by {2}' -f $PolicyId, $PolicyVersion, $Writer))
    foreach ($entry in $Plan) {
        $state = $States[$entry.Index]
        if ($state.State -ne 'present') {
            $lines.Add(('value|{0}|absent' -f $entry.Index))
            continue
        }
        $shown = ((Format-TlsgpoValue $state) -replace '[\r\n]', ' ').Split(' ', 2)
        $lines.Add(('value|{0}|present|{1}|{2}' -f $entry.Index, $shown[0], $shown[1]))
        $lines.Add(('raw|{0}|{1}|{2}' -f $entry.Index, $state.Kind, (ConvertTo-TlsgpoRaw $state)))
    }
    $reg = Join-Path $env:SystemRoot 'System32\reg.exe'
    foreach ($entry in $PlanKeys) {
        $base = Open-TlsgpoBase $entry
        try {
            $key = $base.OpenSubKey($entry.Key, $false)
        } finally {
            $base.Close()
        }
        if ($null -eq $key) {
            $lines.Add(('key|{0}|absent' -f $entry.Index))
            continue
        }
        $key.Close()
        $lines.Add(('key|{0}|present' -f $entry.Index))
        if ($entry.HoldsValues) {
            $file = Join-Path $dir ('key{0}.reg' -f $entry.Index)
            $arguments = @('export', ('{0}\{1}' -f $entry.Hive, $entry.Key), $file, '/y')
            $flag = Get-TlsgpoViewFlag $entry
            if ($null -ne $flag) { $arguments += $flag }
            & $reg @arguments | Out-Null
        }
    }
    [IO.File]::WriteAllLines((Join-Path $dir 'state.txt'), $lines.ToArray())
    return $dir
}


$NeedsKb3140245 = $true
$EnablesTls13 = $false

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
