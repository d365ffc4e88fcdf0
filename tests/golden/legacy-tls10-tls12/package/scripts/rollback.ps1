#Requires -Version 3.0
<#
.SYNOPSIS
Restores the registry state a tlsgpo policy's apply script recorded.

.DESCRIPTION
Written by tlsgpo 0.1.0 for policy legacy-tls10-tls12, version 1.0.

Restores the oldest backup not yet restored, which holds the state before
the policy was first applied: a value that was absent is deleted, one that
existed gets its old type and data back, and keys apply created are removed
once empty. Reads backups written by apply.ps1 and by apply.cmd. Without a
backup it refuses, unless -Force, which deletes the values the policy sets
instead (the static inverse, as reg\rollback.reg does).

Exit codes: 0 restored; 2 not run as Administrator; 3 no backup to restore
(and no -Force); 5 a value could not be restored.

.PARAMETER BackupDir
Where apply kept its backups (default: the backup folder beside this script).

.PARAMETER Force
Without a backup, delete the policy's values.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [string] $BackupDir = (Join-Path $PSScriptRoot 'backup'),
    [switch] $Force
)

# ---- Shared by apply.ps1, rollback.ps1 and detect.ps1 -----------------------

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

$PolicyName = 'Legacy compatible (TLS 1.0 to 1.2)'
$PolicyId = 'legacy-tls10-tls12'
$PolicyVersion = '1.0'

# The registry plan: one entry per value, in the order the package applies them.
$Plan = @(
    @{ Index = 1; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'; Name = 'DefaultSecureProtocols'; Type = 'REG_DWORD'; Data = 2688; Label = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp [64-bit] DefaultSecureProtocols' },
    @{ Index = 2; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'; Name = 'DefaultSecureProtocols'; Type = 'REG_DWORD'; Data = 2688; Label = 'HKLM\SOFTWARE\Wow6432Node\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp [32-bit] DefaultSecureProtocols' },
    @{ Index = 3; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings'; Name = 'SecureProtocols'; Type = 'REG_DWORD'; Data = 2688; Label = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings [64-bit] SecureProtocols' },
    @{ Index = 4; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings'; Name = 'SecureProtocols'; Type = 'REG_DWORD'; Data = 2688; Label = 'HKLM\SOFTWARE\Wow6432Node\Microsoft\Windows\CurrentVersion\Internet Settings [32-bit] SecureProtocols' },
    @{ Index = 5; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\.NETFramework\v4.0.30319'; Name = 'SchUseStrongCrypto'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [64-bit] SchUseStrongCrypto' },
    @{ Index = 6; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\.NETFramework\v4.0.30319'; Name = 'SystemDefaultTlsVersions'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [64-bit] SystemDefaultTlsVersions' },
    @{ Index = 7; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\.NETFramework\v4.0.30319'; Name = 'SchUseStrongCrypto'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319 [32-bit] SchUseStrongCrypto' },
    @{ Index = 8; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\.NETFramework\v4.0.30319'; Name = 'SystemDefaultTlsVersions'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319 [32-bit] SystemDefaultTlsVersions' },
    @{ Index = 9; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\.NETFramework\v2.0.50727'; Name = 'SchUseStrongCrypto'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727 [64-bit] SchUseStrongCrypto' },
    @{ Index = 10; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\.NETFramework\v2.0.50727'; Name = 'SystemDefaultTlsVersions'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727 [64-bit] SystemDefaultTlsVersions' },
    @{ Index = 11; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\.NETFramework\v2.0.50727'; Name = 'SchUseStrongCrypto'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v2.0.50727 [32-bit] SchUseStrongCrypto' },
    @{ Index = 12; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\.NETFramework\v2.0.50727'; Name = 'SystemDefaultTlsVersions'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v2.0.50727 [32-bit] SystemDefaultTlsVersions' },
    @{ Index = 13; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client [shared] Enabled' },
    @{ Index = 14; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client [shared] DisabledByDefault' },
    @{ Index = 15; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server [shared] Enabled' },
    @{ Index = 16; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server [shared] DisabledByDefault' },
    @{ Index = 17; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client [shared] Enabled' },
    @{ Index = 18; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client [shared] DisabledByDefault' },
    @{ Index = 19; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server [shared] Enabled' },
    @{ Index = 20; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server [shared] DisabledByDefault' }
)

# Keys the plan writes to and their ancestors, deepest first.
$PlanKeys = @(
    @{ Index = 1; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client [shared]' },
    @{ Index = 2; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server [shared]' },
    @{ Index = 3; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client [shared]' },
    @{ Index = 4; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server [shared]' },
    @{ Index = 5; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0 [shared]' },
    @{ Index = 6; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0 [shared]' },
    @{ Index = 7; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp [64-bit]' },
    @{ Index = 8; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp [32-bit]' },
    @{ Index = 9; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols [shared]' },
    @{ Index = 10; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings [64-bit]' },
    @{ Index = 11; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings [32-bit]' },
    @{ Index = 12; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL [shared]' },
    @{ Index = 13; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion [64-bit]' },
    @{ Index = 14; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\Windows\CurrentVersion'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion [32-bit]' },
    @{ Index = 15; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\.NETFramework\v4.0.30319'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [64-bit]' },
    @{ Index = 16; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\.NETFramework\v4.0.30319'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [32-bit]' },
    @{ Index = 17; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\.NETFramework\v2.0.50727'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727 [64-bit]' },
    @{ Index = 18; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\.NETFramework\v2.0.50727'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727 [32-bit]' },
    @{ Index = 19; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders [shared]' },
    @{ Index = 20; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\Windows'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Microsoft\Windows [64-bit]' },
    @{ Index = 21; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\Windows'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Microsoft\Windows [32-bit]' },
    @{ Index = 22; Hive = 'HKLM'; View = '64'; Key = 'SOFTWARE\Microsoft\.NETFramework'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework [64-bit]' },
    @{ Index = 23; Hive = 'HKLM'; View = '32'; Key = 'SOFTWARE\Microsoft\.NETFramework'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Microsoft\.NETFramework [32-bit]' },
    @{ Index = 24; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control [shared]' }
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


Write-Output ('rollback.ps1: policy {0} (id {1}, version {2})' -f $PolicyName, $PolicyId, $PolicyVersion)
if (-not (Test-TlsgpoAdministrator)) {
    Write-TlsgpoError 'rollback.ps1: run this script as Administrator: it writes to HKLM.'
    exit 2
}

$pending = @(Get-TlsgpoBackups $BackupDir | Where-Object {
    -not (Test-Path -LiteralPath (Join-Path $_ 'restored.txt'))
})
$failed = 0
if ($pending.Count -eq 0) {
    if (-not $Force) {
        Write-TlsgpoError ('rollback.ps1: no backup of policy {0} version {1} under "{2}".' -f $PolicyId, $PolicyVersion, $BackupDir)
        Write-TlsgpoError 'rollback.ps1: nothing was changed. -Force deletes the policy''s values instead.'
        exit 3
    }
    Write-Output ('rollback.ps1: no backup found: -Force deletes the {0} values the policy sets.' -f $Plan.Count)
    foreach ($entry in $Plan) {
        if (-not $PSCmdlet.ShouldProcess($entry.Label, 'delete')) { continue }
        try {
            Remove-TlsgpoValue $entry
            Write-Output ('deleted    {0}' -f $entry.Label)
        } catch {
            $failed++
            Write-TlsgpoError ('FAILED     {0}: {1}' -f $entry.Label, $_.Exception.Message)
        }
    }
} else {
    $backup = $pending[0]
    Write-Output ('rollback.ps1: restoring "{0}"' -f $backup)
    $values = @{}
    $raws = @{}
    $keysAbsent = @()
    foreach ($line in [IO.File]::ReadAllLines((Join-Path $backup 'state.txt'))) {
        if ($line.StartsWith('#') -or $line.Length -eq 0) { continue }
        $f = $line.Split('|', 5)
        switch ($f[0]) {
            'value' { $values[[int]$f[1]] = $f }
            'raw' { $raws[[int]$f[1]] = $f }
            'key' { if ($f[2] -eq 'absent') { $keysAbsent += [int]$f[1] } }
        }
    }
    foreach ($entry in $Plan) {
        $record = $values[$entry.Index]
        if ($null -eq $record) { continue }
        try {
            if ($record[2] -eq 'absent') {
                if (-not $PSCmdlet.ShouldProcess($entry.Label, 'delete')) { continue }
                Remove-TlsgpoValue $entry
                Write-Output ('deleted    {0}: absent, as before apply' -f $entry.Label)
                continue
            }
            $raw = $raws[$entry.Index]
            if ($null -ne $raw) {
                $old = @{ Kind = $raw[2]; Data = (ConvertFrom-TlsgpoRaw $raw[2] $raw[3]) }
            } else {
                $old = ConvertFrom-TlsgpoShown $record[3] $record[4]
            }
            if (-not $PSCmdlet.ShouldProcess($entry.Label, 'restore')) { continue }
            Set-TlsgpoValue $entry $old.Kind $old.Data
            Write-Output ('restored   {0}: {1}' -f $entry.Label, (Format-TlsgpoValue (Get-TlsgpoValue $entry)))
        } catch {
            $failed++
            Write-TlsgpoError ('FAILED     {0}: {1}' -f $entry.Label, $_.Exception.Message)
        }
    }
    foreach ($entry in $PlanKeys) {
        if ($keysAbsent -notcontains $entry.Index) { continue }
        $base = Open-TlsgpoBase $entry
        try {
            $key = $base.OpenSubKey($entry.Key, $false)
            if ($null -eq $key) { continue }
            $empty = $key.SubKeyCount -eq 0 -and $key.ValueCount -eq 0
            $key.Close()
            if ($empty -and $PSCmdlet.ShouldProcess($entry.Label, 'remove key')) {
                $base.DeleteSubKey($entry.Key, $false)
                Write-Output ('removed    key {0}: apply created it and it is empty' -f $entry.Label)
            }
        } finally {
            $base.Close()
        }
    }
    if ($failed -eq 0 -and -not $WhatIfPreference) {
        foreach ($dir in $pending) {
            [IO.File]::WriteAllText((Join-Path $dir 'restored.txt'), ('restored by rollback.ps1 from "{0}"' -f $backup))
        }
    }
}
Write-Output 'rollback.ps1: restart Windows so that WinHTTP, WinINet, .NET and SCHANNEL read the values.'
if ($failed -gt 0) {
    Write-TlsgpoError ('rollback.ps1: {0} values could not be restored.' -f $failed)
    exit 5
}
exit 0
