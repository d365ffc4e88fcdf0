# scenario.ps1 -- what the Pester scenarios (*.Tests.ps1) share: a state
# folder with the registry of tests/ps.sh's base_registry, the packages and
# plans tests/ps.sh built, and a run of a generated script in a fresh
# runspace (runner.ps1). $env:TLSGPO_TEST_WORK is tests/ps.sh's work folder.
. ([IO.Path]::Combine($PSScriptRoot, 'runner.ps1'))

$script:Work = $env:TLSGPO_TEST_WORK

function New-Scenario([string] $Name) {
    $st = [IO.Path]::Combine($script:Work, 'pester-' + $Name)
    if ([IO.Directory]::Exists($st)) { [IO.Directory]::Delete($st, $true) }
    [void][IO.Directory]::CreateDirectory([IO.Path]::Combine($st, 'home'))
    [IO.File]::Copy([IO.Path]::Combine($script:Work, 'base-reg.txt'), [IO.Path]::Combine($st, 'reg.txt'))
    return $st
}

function Get-Plan([string] $Id) {
    return ConvertFrom-Json ([IO.File]::ReadAllText([IO.Path]::Combine($script:Work, $Id + '.json')))
}

# Where an operation's value is in the registry: the 32-bit view sees
# HKLM\SOFTWARE\X at SOFTWARE\Wow6432Node\X.
function Get-PhysicalKey($Op) {
    if ($Op.view -eq '32') { return '{0}\{1}' -f $Op.hive, ($Op.key -replace '^(?i:SOFTWARE)\\', 'SOFTWARE\Wow6432Node\') }
    return '{0}\{1}' -f $Op.hive, $Op.key
}

# A REG_DWORD as the state file holds it: four bytes, low first.
function ConvertTo-DwordHex([long] $Data) {
    return -join ([BitConverter]::GetBytes([uint32]($Data -band 0xffffffffL)) | ForEach-Object { '{0:x2}' -f $_ })
}

# A string as REG_SZ data: UTF-16LE with its terminating NUL, in hex.
function ConvertTo-TestUtf16([string] $Text) {
    return (-join ([Text.Encoding]::Unicode.GetBytes($Text) | ForEach-Object { '{0:x2}' -f $_ })) + '0000'
}

# A plan operation's data as a state line's kind and hex ("4`t01000000",
# "1`t<utf16>", "7`t<utf16 of each string>0000"); Other: other data of
# the same kind (a DWORD plus 0x5a5, the text reversed, one string more).
function ConvertTo-PlanData($Op, [switch] $Other) {
    switch ($Op.type) {
        'REG_SZ' {
            $t = [string]$Op.data
            if ($Other) { $a = $t.ToCharArray(); [array]::Reverse($a); $t = -join $a }
            return "1`t" + (ConvertTo-TestUtf16 $t)
        }
        'REG_MULTI_SZ' {
            $l = @($Op.data)
            if ($Other) { $l = @('other') + $l }
            return "7`t" + (-join ($l | ForEach-Object { ConvertTo-TestUtf16 $_ })) + '0000'
        }
        default {
            $d = [long]$Op.data
            if ($Other) { $d += 0x5a5 }
            return "4`t" + (ConvertTo-DwordHex $d)
        }
    }
}

function Add-State([string] $State, [string[]] $Lines) {
    [IO.File]::AppendAllLines([IO.Path]::Combine($State, 'reg.txt'), $Lines)
}

# A value in the registry of the next run, replacing one of that name.
function Set-StateValue([string] $State, [string] $Path, [string] $Name, [int] $Type, [string] $Hex) {
    $file = [IO.Path]::Combine($State, 'reg.txt')
    $keep = @([IO.File]::ReadAllLines($file) | Where-Object {
        $f = $_.Split("`t")
        -not ($f[0] -eq 'value' -and $f[1] -eq $Path -and $f[2] -eq $Name)
    })
    [IO.File]::WriteAllLines($file, [string[]]($keep + ("value`t$Path`t$Name`t$Type`t$Hex")))
}

function Get-StateLines([string] $State, [string] $Which) {
    return [IO.File]::ReadAllLines([IO.Path]::Combine($State, 'reg.' + $Which + '.txt'))
}

# Invoke-Scenario STATE ID SCRIPT [ENV]: runs pkg-ID/scripts/SCRIPT.ps1;
# the registry after becomes the registry of the next run.
function Invoke-Scenario([string] $State, [string] $Id, [string] $Script, [hashtable] $Env = @{}) {
    $path = [IO.Path]::Combine($script:Work, 'pkg-' + $Id, 'scripts', $Script + '.ps1')
    $rc = Invoke-TlsgpoRun -Script $path -State $State -Env $Env
    $rcFile = [IO.Path]::Combine($State, 'rc')
    if ([IO.File]::Exists($rcFile)) { $rc = [int][IO.File]::ReadAllText($rcFile); [IO.File]::Delete($rcFile) }
    $after = [IO.Path]::Combine($State, 'reg.after.txt')
    if ([IO.File]::Exists($after)) { [IO.File]::Copy($after, [IO.Path]::Combine($State, 'reg.txt'), $true) }
    return New-Object PSObject -Property @{
        Rc = $rc
        Out = @([IO.File]::ReadAllLines([IO.Path]::Combine($State, 'out')))
        Before = @(Get-StateLines $State 'before')
        After = @(Get-StateLines $State 'after')
    }
}

function Get-BackupFolder([string] $State, [string] $Id, [string] $Version, [int] $N) {
    return [IO.Path]::Combine($State, 'home', 'ProgramData', 'tlsgpo', $Id, ('{0}-{1}-{2}' -f $Id, $Version, $N))
}
