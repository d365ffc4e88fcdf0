# pester.ps1 -- runs one Pester file (one scenario, in this one pwsh
# process) with Pester 5.7.1 from PowerShell's module folder, and prints
# each test as a TAP line without its number ("ok - ..." / "not ok - ...",
# then "# " lines saying why), for tests/ps.sh to number.
#   pwsh -NoProfile -NonInteractive -File pester.ps1 FILE.Tests.ps1
$ErrorActionPreference = 'Stop'
try {
    Import-Module Pester -RequiredVersion 5.7.1
} catch {
    'not ok - Pester 5.7.1 loads (tests/install-deps.sh restores it from NuGet)'
    '# ' + $_.Exception.Message
    exit 1
}
$config = New-PesterConfiguration
$config.Run.Path = $args[0]
$config.Run.PassThru = $true
$config.Output.Verbosity = 'None'
$result = Invoke-Pester -Configuration $config
$file = [IO.Path]::GetFileNameWithoutExtension([IO.Path]::GetFileNameWithoutExtension($args[0]))
foreach ($t in $result.Tests) {
    $parts = @($t.ExpandedName)
    for ($b = $t.Block; $b -and -not $b.IsRoot; $b = $b.Parent) { $parts = @($b.ExpandedName) + $parts }
    $name = $parts -join ': '
    if ($t.Result -eq 'Passed') { 'ok - ' + $name; continue }
    'not ok - ' + $name + ' (' + $t.Result + ')'
    foreach ($e in $t.ErrorRecord) {
        foreach ($l in ([string]$e.Exception.Message).Split("`n")) { '#   ' + $l.TrimEnd() }
    }
}
# A failure outside any test (a BeforeAll that threw, a file that does not
# parse) fails too, and a file with no test.
foreach ($c in $result.Containers) {
    if ($c.ErrorRecord.Count -gt 0) {
        'not ok - ' + $file + ': the file ran (' + $c.Result + ')'
        foreach ($e in $c.ErrorRecord) { '#   ' + ([string]$e.Exception.Message -replace "`n", ' ') }
    }
}
if ($result.Tests.Count -eq 0) { 'not ok - ' + $file + ': holds tests' }
