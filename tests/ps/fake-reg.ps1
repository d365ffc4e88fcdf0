# fake-reg.ps1 -- an in-memory registry with the surface of
# Microsoft.Win32.RegistryKey that the generated scripts use, for PowerShell
# on Linux (where RegistryKey throws). Loaded by harness.ps1.
#
# Modelled, after .NET's RegistryKey (Framework 4.x and .NET agree here):
#  - two views of HKLM: the 32-bit one sees SOFTWARE\X at
#    SOFTWARE\Wow6432Node\X (Microsoft, "Registry Keys Affected by WOW64":
#    HKLM\SOFTWARE is redirected); everything else is one key in both;
#  - values as the registry holds them: a type number and bytes;
#  - GetValueKind: Unknown for a type RegistryValueKind does not name (0
#    REG_NONE, 5 REG_DWORD_BIG_ENDIAN, 6 REG_LINK, 8-10 the resource lists);
#  - GetValue: byte[] for REG_NONE, REG_BINARY and REG_DWORD_BIG_ENDIAN, the
#    default for REG_LINK and the resource lists (.NET has no case for them);
#  - SetValue(name, data, kind): DWord and QWord through Convert (a number
#    out of range throws), String and ExpandString through ToString,
#    MultiString only from string[], Binary only from byte[], None (-1)
#    writes REG_NONE, Unknown (0) picks the kind from the data's .NET type
#    (Int32, byte[], string[], else a string);
#  - keys denied: opening one (or creating under it) throws
#    UnauthorizedAccessException, as a key SYSTEM may not open does;
#  - writes that throw after N writes (TLSGPO_TEST_FAIL_WRITE=N), for an
#    apply cut short.
# Not modelled: key security beyond "denied", volatile keys, symbolic
# links, the 32-bit view's shared keys under SOFTWARE, and REG_LINK's own
# semantics (it is data here, like any other).

$global:FakeReg = @{ Keys = @{}; Denied = @{}; Writes = 0 }

function global:Get-FakePhysical([string] $Hive, [string] $View, [string] $Path) {
    $p = $Path.Trim('\')
    if ($Hive -eq 'HKLM' -and $View -eq '32' -and $p -match '^(?i:SOFTWARE)(\\|$)' -and
        $p -notmatch '^(?i:SOFTWARE\\Wow6432Node)(\\|$)') {
        $p = 'SOFTWARE\Wow6432Node' + $p.Substring(8)
    }
    if ($p.Length -eq 0) { return $Hive }
    return '{0}\{1}' -f $Hive, $p
}

function global:Test-FakeDenied([string] $Physical) {
    foreach ($d in $FakeReg.Denied.Keys) {
        if ($Physical.ToLowerInvariant() -eq $d -or $Physical.ToLowerInvariant().StartsWith($d + '\')) { return $true }
    }
    return $false
}

function global:Add-FakeKey([string] $Physical) {
    $parts = $Physical.Split('\')
    for ($i = 1; $i -le $parts.Count; $i++) {
        $p = [string]::Join('\', $parts[0..($i - 1)])
        if (-not $FakeReg.Keys.ContainsKey($p.ToLowerInvariant())) {
            $FakeReg.Keys[$p.ToLowerInvariant()] = @{ Path = $p; Values = [ordered]@{} }
        }
    }
    return $FakeReg.Keys[$Physical.ToLowerInvariant()]
}

function global:Get-FakeSubKeys([string] $Physical) {
    $prefix = $Physical.ToLowerInvariant() + '\'
    $names = @{}
    foreach ($k in $FakeReg.Keys.Keys) {
        if ($k.StartsWith($prefix)) {
            $rest = $FakeReg.Keys[$k].Path.Substring($prefix.Length)
            $names[$rest.Split('\')[0].ToLowerInvariant()] = $rest.Split('\')[0]
        }
    }
    return @($names.Values)
}

# The bytes of a value as .NET's SetValue would write them: @(type, bytes).
function global:ConvertTo-FakeBytes($Data, [Microsoft.Win32.RegistryValueKind] $Kind) {
    if ($Kind -eq [Microsoft.Win32.RegistryValueKind]::Unknown) {
        if ($Data -is [int]) { $Kind = 'DWord' }
        elseif ($Data -is [byte[]]) { $Kind = 'Binary' }
        elseif ($Data -is [string[]]) { $Kind = 'MultiString' }
        elseif ($Data -is [array]) { throw (New-Object ArgumentException 'RegistryKey.SetValue does not allow a System.Array of this type') }
        else { $Kind = 'String' }
    }
    switch ([string]$Kind) {
        'DWord' { return @(4, [BitConverter]::GetBytes([Convert]::ToInt32($Data, [Globalization.CultureInfo]::InvariantCulture))) }
        'QWord' { return @(11, [BitConverter]::GetBytes([Convert]::ToInt64($Data, [Globalization.CultureInfo]::InvariantCulture))) }
        'String' { return @(1, [Text.Encoding]::Unicode.GetBytes([string]$Data + "`0")) }
        'ExpandString' { return @(2, [Text.Encoding]::Unicode.GetBytes([string]$Data + "`0")) }
        'MultiString' {
            if ($Data -isnot [string[]]) { throw (New-Object ArgumentException 'The type of the value object did not match the specified RegistryValueKind') }
            $text = ''
            foreach ($s in $Data) {
                if ($null -eq $s) { throw (New-Object ArgumentException 'RegistryKey.SetValue does not allow a String[] that contains a null String reference') }
                $text += $s + "`0"
            }
            return @(7, [Text.Encoding]::Unicode.GetBytes($text + "`0"))
        }
        'Binary' {
            if ($Data -isnot [byte[]]) { throw (New-Object ArgumentException 'The type of the value object did not match the specified RegistryValueKind') }
            return @(3, [byte[]]$Data.Clone())
        }
        'None' {
            if ($Data -isnot [byte[]]) { throw (New-Object ArgumentException 'The type of the value object did not match the specified RegistryValueKind') }
            return @(0, [byte[]]$Data.Clone())
        }
    }
    throw (New-Object ArgumentException ('unknown kind ' + $Kind))
}

# What .NET's GetValue returns for these bytes; $Default where it has no case.
function global:ConvertFrom-FakeBytes([int] $Type, [byte[]] $Bytes, $Default) {
    switch ($Type) {
        { $_ -in 0, 3, 5 } { return , ([byte[]]$Bytes.Clone()) }
        4 { if ($Bytes.Length -lt 4) { return , ([byte[]]$Bytes.Clone()) }; return [BitConverter]::ToInt32($Bytes, 0) }
        11 { if ($Bytes.Length -lt 8) { return , ([byte[]]$Bytes.Clone()) }; return [BitConverter]::ToInt64($Bytes, 0) }
        { $_ -in 1, 2 } { return ([Text.Encoding]::Unicode.GetString($Bytes)).TrimEnd("`0") }
        7 {
            $parts = @(([Text.Encoding]::Unicode.GetString($Bytes)).Split([char]0))
            # The list ends with an empty string (the final NUL); .NET drops it.
            $list = New-Object System.Collections.Generic.List[string]
            for ($i = 0; $i -lt $parts.Count; $i++) {
                if ($i -eq $parts.Count - 1 -and $parts[$i] -eq '') { break }
                if ($i -eq $parts.Count - 2 -and $parts[$i] -eq '' -and $parts[$i + 1] -eq '') { break }
                $list.Add($parts[$i])
            }
            return , ([string[]]$list.ToArray())
        }
    }
    return $Default
}

function global:Get-FakeKind([int] $Type) {
    switch ($Type) {
        1 { return [Microsoft.Win32.RegistryValueKind]::String }
        2 { return [Microsoft.Win32.RegistryValueKind]::ExpandString }
        3 { return [Microsoft.Win32.RegistryValueKind]::Binary }
        4 { return [Microsoft.Win32.RegistryValueKind]::DWord }
        7 { return [Microsoft.Win32.RegistryValueKind]::MultiString }
        11 { return [Microsoft.Win32.RegistryValueKind]::QWord }
    }
    return [Microsoft.Win32.RegistryValueKind]::Unknown
}

# The members of a key, as type data (one Update-TypeData per run, not
# Add-Member per key: a run opens keys by the hundred).
$global:FakeKeyMembers = [ordered]@{
    Physical = @('ScriptProperty', { Get-FakePhysical $this.Hive $this.View $this.Path })
    Node = @('ScriptProperty', {
        $n = $FakeReg.Keys[$this.Physical.ToLowerInvariant()]
        if ($null -eq $n -and $this.Path -eq '') { $n = Add-FakeKey $this.Physical }
        if ($null -eq $n) { throw (New-Object IO.IOException 'Illegal operation attempted on a registry key that has been marked for deletion.') }
        $n
    })
    Child = @('ScriptMethod', { param([string] $Sub) if ($this.Path -eq '') { $Sub.Trim('\') } else { $this.Path + '\' + $Sub.Trim('\') } })
    OpenSubKey = @('ScriptMethod', {
        param([string] $Sub, [bool] $Write)
        $path = $this.Child($Sub)
        $phys = Get-FakePhysical $this.Hive $this.View $path
        if (-not $FakeReg.Keys.ContainsKey($phys.ToLowerInvariant())) { return $null }
        if (Test-FakeDenied $phys) { throw (New-Object UnauthorizedAccessException ('Access to the registry key ''{0}'' is denied.' -f $phys)) }
        return New-FakeKey $this.Hive $this.View $path $Write
    })
    CreateSubKey = @('ScriptMethod', {
        param([string] $Sub)
        $path = $this.Child($Sub)
        $phys = Get-FakePhysical $this.Hive $this.View $path
        if (Test-FakeDenied $phys) { throw (New-Object UnauthorizedAccessException ('Access to the registry key ''{0}'' is denied.' -f $phys)) }
        Step-FakeWrite
        [void](Add-FakeKey $phys)
        return New-FakeKey $this.Hive $this.View $path $true
    })
    GetValueNames = @('ScriptMethod', { return , ([string[]]@($this.Node.Values.Values | ForEach-Object { $_.Name })) })
    GetSubKeyNames = @('ScriptMethod', { return , ([string[]](Get-FakeSubKeys $this.Physical)) })
    ValueCount = @('ScriptProperty', { $this.Node.Values.Count })
    SubKeyCount = @('ScriptProperty', { @(Get-FakeSubKeys $this.Physical).Count })
    GetValueKind = @('ScriptMethod', {
        param([string] $Name)
        $v = $this.Node.Values[$Name.ToLowerInvariant()]
        if ($null -eq $v) { throw (New-Object IO.IOException 'The specified registry key does not exist.') }
        return Get-FakeKind $v.Type
    })
    GetValue = @('ScriptMethod', {
        $v = $this.Node.Values[([string]$args[0]).ToLowerInvariant()]
        $default = $null
        if ($args.Count -ge 2) { $default = $args[1] }
        if ($null -eq $v) { return $default }
        $data = ConvertFrom-FakeBytes $v.Type $v.Bytes $default
        return , $data
    })
    SetValue = @('ScriptMethod', {
        param([string] $Name, $Data, [Microsoft.Win32.RegistryValueKind] $Kind)
        if (-not $this.Writable) { throw (New-Object UnauthorizedAccessException 'Cannot write to the registry key.') }
        if (Test-FakeDenied $this.Physical) { throw (New-Object UnauthorizedAccessException 'Access to the registry key is denied.') }
        $typed = ConvertTo-FakeBytes $Data $Kind
        Step-FakeWrite
        $this.Node.Values[$Name.ToLowerInvariant()] = @{ Name = $Name; Type = $typed[0]; Bytes = [byte[]]$typed[1] }
    })
    DeleteValue = @('ScriptMethod', {
        param([string] $Name, [bool] $Throw)
        if (-not $this.Writable) { throw (New-Object UnauthorizedAccessException 'Cannot write to the registry key.') }
        $key = $Name.ToLowerInvariant()
        if (-not $this.Node.Values.Contains($key)) {
            if ($Throw) { throw (New-Object ArgumentException 'No value exists with that name.') }
            return
        }
        Step-FakeWrite
        $this.Node.Values.Remove($key)
    })
    DeleteSubKey = @('ScriptMethod', {
        param([string] $Sub, [bool] $Throw)
        $phys = Get-FakePhysical $this.Hive $this.View $this.Child($Sub)
        if (-not $FakeReg.Keys.ContainsKey($phys.ToLowerInvariant())) {
            if ($Throw) { throw (New-Object ArgumentException 'Cannot delete a subkey tree because the subkey does not exist.') }
            return
        }
        if (Test-FakeDenied $phys) { throw (New-Object UnauthorizedAccessException 'Access to the registry key is denied.') }
        if (@(Get-FakeSubKeys $phys).Count -gt 0) { throw (New-Object InvalidOperationException 'Registry key has subkeys and recursive removes are not supported by this method.') }
        Step-FakeWrite
        $FakeReg.Keys.Remove($phys.ToLowerInvariant())
    })
    Close = @('ScriptMethod', { })
    Dispose = @('ScriptMethod', { })
}
foreach ($m in $FakeKeyMembers.Keys) {
    Update-TypeData -TypeName 'Tlsgpo.FakeRegistryKey' -MemberType $FakeKeyMembers[$m][0] -MemberName $m -Value $FakeKeyMembers[$m][1] -Force
}

function global:New-FakeKey([string] $Hive, [string] $View, [string] $Path, [bool] $Writable) {
    return [pscustomobject]@{ PSTypeName = 'Tlsgpo.FakeRegistryKey'; Hive = $Hive; View = $View; Path = $Path; Writable = $Writable }
}

# TLSGPO_TEST_FAIL_WRITE=N: the Nth registry write throws, as a write
# refused halfway (a scanner, a policy, a full hive) would.
function global:Step-FakeWrite {
    $FakeReg.Writes++
    if ($env:TLSGPO_TEST_FAIL_WRITE -and $FakeReg.Writes -eq [int]$env:TLSGPO_TEST_FAIL_WRITE) {
        throw (New-Object UnauthorizedAccessException ('write {0} refused (TLSGPO_TEST_FAIL_WRITE)' -f $FakeReg.Writes))
    }
}

# The state file: one line per key ("key\tPATH") and per value
# ("value\tPATH\tNAME\tTYPE\tHEX"), sorted, paths as the registry holds
# them; names and paths with a tab, a CR or an LF are not supported.
function global:Import-FakeRegistry([string] $File) {
    if (-not [IO.File]::Exists($File)) { return }
    foreach ($line in [IO.File]::ReadAllLines($File)) {
        $f = $line.Split("`t")
        switch ($f[0]) {
            'key' { [void](Add-FakeKey $f[1]) }
            'denied' { $FakeReg.Denied[$f[1].ToLowerInvariant()] = $f[1] }
            'value' {
                $node = Add-FakeKey $f[1]
                $bytes = [Convert]::FromHexString($f[4])
                $node.Values[$f[2].ToLowerInvariant()] = @{ Name = $f[2]; Type = [int]$f[3]; Bytes = $bytes }
            }
        }
    }
}

function global:Export-FakeRegistry([string] $File) {
    $lines = New-Object System.Collections.Generic.List[string]
    foreach ($node in $FakeReg.Keys.Values) {
        $lines.Add(('key{0}{1}' -f "`t", $node.Path))
        foreach ($v in $node.Values.Values) {
            $hex = [Convert]::ToHexString([byte[]]$v.Bytes).ToLowerInvariant()
            $lines.Add(('value{0}{1}{0}{2}{0}{3}{0}{4}' -f "`t", $node.Path, $v.Name, $v.Type, $hex))
        }
    }
    foreach ($d in $FakeReg.Denied.Values) { $lines.Add(('denied{0}{1}' -f "`t", $d)) }
    $sorted = [string[]]($lines.ToArray())
    [Array]::Sort($sorted, [StringComparer]::Ordinal)
    [IO.File]::WriteAllLines($File, $sorted)
}
