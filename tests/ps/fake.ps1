# fake.ps1 -- stand-ins for what PowerShell on Linux lacks, put by
# harness.ps1 right after the part the generated scripts share, so that
# they replace the scripts' own boundary functions and nothing else:
#
#   Open-TlsgpoBase        the registry: $FakeReg (harness.ps1), two views,
#                          value kinds and .NET's conversions (fake-reg.ps1)
#   Get-TlsgpoBackupTop    ProgramData / LocalAppData under $env:TLSGPO_TEST_HOME
#   Test-TlsgpoAdministrator, Test-TlsgpoSystem
#                          the token, from $env:TLSGPO_TEST_ADMIN / _SYSTEM
#   Export-TlsgpoKey       reg.exe export: a file saying so (or, with
#                          TLSGPO_TEST_FAIL_BACKUP=1, a full disk)
#   Get-Acl                an item's security descriptor: the SDDL in its
#                          marker file, else owned by TLSGPO_TEST_OWNER
#   Get-ChildItem          without the marker files
#   Set-TlsgpoAdminOnly,   Set-Acl: the marker says SYSTEM + Administrators,
#   Set-TlsgpoOwner        or the owner Administrators
#   Get-HotFix             nothing installed beyond the registry's CBS keys
#
# What is modelled and what is not is said in tests/ps.sh.

function Open-TlsgpoBase([hashtable] $Entry) {
    $view = '64'
    if ($Entry.View -eq '32') { $view = '32' }
    return New-FakeKey $Entry.Hive $view '' $false
}

function Get-TlsgpoBackupTop {
    if ($PlanHasHkcu) { $folder = 'LocalAppData' } else { $folder = 'ProgramData' }
    return [IO.Path]::Combine($env:TLSGPO_TEST_HOME, $folder, 'tlsgpo')
}

function Test-TlsgpoAdministrator { return $env:TLSGPO_TEST_ADMIN -ne '0' }
function Test-TlsgpoSystem { return $env:TLSGPO_TEST_SYSTEM -eq '1' }

function Export-TlsgpoKey([hashtable] $Entry, [string] $File) {
    # TLSGPO_TEST_FAIL_BACKUP=1: writing the backup fails, as on a full disk.
    if ($env:TLSGPO_TEST_FAIL_BACKUP -eq '1') { throw (New-Object IO.IOException 'There is not enough space on the disk.') }
    [IO.File]::WriteAllText($File, ('(reg export of {0}\{1}, view {2})' -f $Entry.Hive, $Entry.Key, $Entry.View))
}

# A security descriptor is the SDDL in the item's marker: .tlsgpo-test-acl
# in a folder, FILE.tlsgpo-test-acl beside a file (both move with their
# folder). Without one, the item belongs to whoever made it:
# $env:TLSGPO_TEST_OWNER (default BA; client Windows gives what an
# elevated administrator makes to that user's own SID), with the access
# list inherited from a folder only SYSTEM and Administrators may change.
function Get-TestAclMark([string] $Path) {
    if ([IO.Directory]::Exists($Path)) { return [IO.Path]::Combine($Path, '.tlsgpo-test-acl') }
    return $Path + '.tlsgpo-test-acl'
}

function Get-Acl {
    param([string] $Path, [string] $LiteralPath)
    if ($LiteralPath) { $p = $LiteralPath } else { $p = $Path -replace '`(.)', '$1' }
    if (-not (Test-Path -LiteralPath $p)) { throw ('Cannot find path ''{0}''' -f $p) }
    $owner = 'BA'
    if ($env:TLSGPO_TEST_OWNER) { $owner = $env:TLSGPO_TEST_OWNER }
    $sddl = 'O:{0}G:SYD:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)' -f $owner
    $mark = Get-TestAclMark $p
    if ([IO.File]::Exists($mark)) { $sddl = [IO.File]::ReadAllText($mark).Trim() }
    Add-Content -LiteralPath $env:TLSGPO_TEST_ACL_LOG -Value ('get-acl {0}' -f $p)
    return New-Object PSObject -Property @{ Sddl = $sddl }
}

# The markers are not items of the folder. TLSGPO_TEST_PHANTOM=NAME: an
# item NAME in the first folder listed, gone by the time it is read.
function Get-ChildItem {
    $items = @(Microsoft.PowerShell.Management\Get-ChildItem @args | Where-Object { $_.Name -notlike '*.tlsgpo-test-acl' })
    if ($env:TLSGPO_TEST_PHANTOM -and $args.Count -ge 2) {
        $gone = [IO.Path]::Combine(($args[1] -replace '`(.)', '$1'), $env:TLSGPO_TEST_PHANTOM)
        $items += New-Object PSObject -Property @{ Name = $env:TLSGPO_TEST_PHANTOM; FullName = $gone }
    }
    $items
}

function Set-TlsgpoAdminOnly([string] $Path) {
    [IO.File]::WriteAllText((Get-TestAclMark $Path), 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)')
    Add-Content -LiteralPath $env:TLSGPO_TEST_ACL_LOG -Value ('set-acl {0}' -f $Path)
    # TLSGPO_TEST_RACE=1: another run finishes the same folder meanwhile.
    if ($env:TLSGPO_TEST_RACE -eq '1' -and $Path -match '^(.*)\.new-[0-9a-f]{32}$') {
        $other = [IO.Directory]::CreateDirectory($Matches[1]).FullName
        [IO.File]::WriteAllText((Get-TestAclMark $other), 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)')
    }
}

function Set-TlsgpoOwner([string] $Path) {
    $sddl = (Get-Acl -LiteralPath $Path).Sddl -replace '^O:[A-Z0-9-]+G:', 'O:BAG:'
    [IO.File]::WriteAllText((Get-TestAclMark $Path), $sddl)
    Add-Content -LiteralPath $env:TLSGPO_TEST_ACL_LOG -Value ('set-owner {0}' -f $Path)
}

function Get-HotFix { }
