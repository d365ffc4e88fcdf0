# pester.ps1 -- runs one Pester file (one scenario, in this one pwsh
# process) with Pester (the version in pester.version) from PowerShell's module folder, and prints
# each test as a TAP line without its number ("ok - ..." / "not ok - ...",
# then "# " lines saying why), for tests/ps.sh to number.
#   pwsh -NoProfile -NonInteractive -File pester.ps1 FILE.Tests.ps1
$ErrorActionPreference = 'Stop'
$version = [IO.File]::ReadAllText([IO.Path]::Combine($PSScriptRoot, 'pester.version')).Trim()
try {
    Import-Module Pester -RequiredVersion $version
} catch {
    'not ok - Pester ' + $version + ' loads (tests/install-deps.sh restores it from NuGet)'
    '# ' + $_.Exception.Message
    exit 1
}
$config = New-PesterConfiguration
$config.Run.Path = $args[0]
$config.Run.PassThru = $true
$config.Output.Verbosity = 'None'
$result = Invoke-Pester -Configuration $config
$file = [IO.Path]::GetFileNameWithoutExtension([IO.Path]::GetFileNameWithoutExtension($args[0]))
# One TAP line: no line break in it, and a '#' escaped, so that a name
# never reads as a TAP directive (# SKIP, # TODO).
function Format-TapName([string] $Text) { return (($Text -replace '[\r\n]+', ' ') -replace '#', '\#') }
function Format-Why($Records) {
    foreach ($e in $Records) {
        foreach ($l in ([string]$e.Exception.Message).Split("`n")) { '#   ' + $l.TrimEnd() }
    }
}
$failed = 0
foreach ($t in $result.Tests) {
    $parts = @($t.ExpandedName)
    for ($b = $t.Block; $b -and -not $b.IsRoot; $b = $b.Parent) { $parts = @($b.ExpandedName) + $parts }
    $name = Format-TapName ($parts -join ': ')
    if ($t.Result -eq 'Passed') { 'ok - ' + $name; continue }
    $failed++
    'not ok - ' + $name + ' (' + $t.Result + ')'
    Format-Why $t.ErrorRecord
    # A BeforeAll that threw fails its tests: say what it threw.
    for ($b = $t.Block; $b -and -not $b.IsRoot; $b = $b.Parent) { Format-Why $b.ErrorRecord }
}
# A failure outside any test (the file does not parse, a top-level
# BeforeAll threw) fails too, and a file with no test.
foreach ($c in $result.Containers) {
    if ($c.ErrorRecord.Count -gt 0) {
        $failed++
        'not ok - ' + $file + ': the file ran (' + $c.Result + ')'
        Format-Why $c.ErrorRecord
    }
}
if ($result.Tests.Count -eq 0) { $failed++; 'not ok - ' + $file + ': holds tests' }
if ($failed -gt 0) { exit 1 }
exit 0
