# ---- Shared by apply.ps1, rollback.ps1 and detect.ps1 -----------------------

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

$PolicyName = @POLICY_NAME@
$PolicyId = @POLICY_ID@
$PolicyVersion = @POLICY_VERSION@

# The registry plan: one entry per value, in the order the package applies them.
$Plan = @(
@PLAN_TABLE@
)

# Keys the plan writes to and their ancestors, deepest first.
$PlanKeys = @(
@KEY_TABLE@
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
