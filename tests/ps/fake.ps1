# fake.ps1 -- stand-ins for what PowerShell on Linux lacks, put by
# harness.ps1 right after the part the generated scripts share, so that
# they replace the scripts' own boundary functions and nothing else:
#
#   Open-TlsgpoBase        the registry: $FakeReg (harness.ps1), two views,
#                          value kinds and .NET's conversions (fake-reg.ps1)
#   Get-TlsgpoBackupTop    ProgramData / LocalAppData under $env:TLSGPO_TEST_HOME
#   Test-TlsgpoAdministrator, Test-TlsgpoSystem
#                          the token, from $env:TLSGPO_TEST_ADMIN / _SYSTEM
#   Export-TlsgpoKey       reg.exe export: a file saying so
#   Get-Acl                the folder's security descriptor: the SDDL in its
#                          .tlsgpo-test-acl file, else SYSTEM + Administrators
#   Set-TlsgpoAdminOnly    Set-Acl: removes that file (the folder is now ours)
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
    [IO.File]::WriteAllText($File, ('(reg export of {0}\{1}, view {2})' -f $Entry.Hive, $Entry.Key, $Entry.View))
}

function Get-Acl {
    param([string] $Path, [string] $LiteralPath)
    if ($LiteralPath) { $p = $LiteralPath } else { $p = $Path -replace '`(.)', '$1' }
    if (-not (Test-Path -LiteralPath $p)) { throw ('Cannot find path ''{0}''' -f $p) }
    $sddl = 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)'
    $mark = [IO.Path]::Combine($p, '.tlsgpo-test-acl')
    if ([IO.File]::Exists($mark)) { $sddl = [IO.File]::ReadAllText($mark).Trim() }
    Add-Content -LiteralPath $env:TLSGPO_TEST_ACL_LOG -Value ('get-acl {0}' -f $p)
    return New-Object PSObject -Property @{ Sddl = $sddl }
}

function Set-TlsgpoAdminOnly([string] $Path) {
    $mark = [IO.Path]::Combine($Path, '.tlsgpo-test-acl')
    if ([IO.File]::Exists($mark)) { [IO.File]::Delete($mark) }
    Add-Content -LiteralPath $env:TLSGPO_TEST_ACL_LOG -Value ('set-acl {0}' -f $Path)
}

function Get-HotFix { }
