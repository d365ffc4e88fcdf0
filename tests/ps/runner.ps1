# runner.ps1 -- runs harness.ps1 (one generated script, its stand-ins, its
# registry) in a fresh runspace of this process: no variable, function,
# alias, drive or preference of an earlier run is there. What a runspace
# does not renew -- .NET's static state, the process's environment, its
# current directory -- the generated scripts do not change (no Add-Type,
# no [Console] encoding, no Set-Location, no $env: writes); ps-compat.ps1
# keeps them so. Dot-sourced by server.ps1 (tests/ps.sh's scenarios) and by
# the Pester files.
#
#   Invoke-TlsgpoRun -Script PATH -State DIR [-Env @{NAME = 'value'}]
#
# Returns the script's exit code; its output, the success stream and what
# it writes to [Console]::Error in the order written, is DIR/out.

$script:RunnerHere = $PSScriptRoot

# The environment a run may set; each run starts with none of them but
# COMPUTERNAME (TESTPC) and TLSGPO_TEST_HOME (DIR/home).
$script:RunnerEnvNames = @('COMPUTERNAME', 'TLSGPO_TEST_HOME', 'TLSGPO_TEST_ARGS', 'TLSGPO_TEST_ACL_LOG',
    'TLSGPO_TEST_ADMIN', 'TLSGPO_TEST_SYSTEM', 'TLSGPO_TEST_OWNER', 'TLSGPO_TEST_PHANTOM',
    'TLSGPO_TEST_RACE', 'TLSGPO_TEST_FAIL_WRITE', 'TLSGPO_TEST_FAIL_BACKUP')

function Invoke-TlsgpoRun {
    param([string] $Script, [string] $State, [hashtable] $Env = @{})
    $set = @{ COMPUTERNAME = 'TESTPC'; TLSGPO_TEST_HOME = [IO.Path]::Combine($State, 'home') }
    foreach ($k in $Env.Keys) {
        if ($script:RunnerEnvNames -notcontains $k) { throw "runner.ps1: no such test variable: $k" }
        $set[$k] = [string]$Env[$k]
    }
    foreach ($k in $script:RunnerEnvNames) { [Environment]::SetEnvironmentVariable($k, $set[$k]) }
    $writer = New-Object IO.StreamWriter ([IO.Path]::Combine($State, 'out')), $false, (New-Object Text.UTF8Encoding($false))
    $writer.AutoFlush = $true
    $oldOut = [Console]::Out
    $oldErr = [Console]::Error
    $rs = [runspacefactory]::CreateRunspace()
    $ps = [powershell]::Create()
    try {
        [Console]::SetOut($writer)
        [Console]::SetError($writer)
        $rs.Open()
        $ps.Runspace = $rs
        # As pwsh -File prints them: every stream (errors, warnings,
        # Write-Host, verbose when asked) in the order written, through
        # the formatter.
        [void]$ps.AddScript(@'
param($h, $s, $st, $w)
& $h $s $st *>&1 | ForEach-Object {
    if ($_ -is [System.Management.Automation.WarningRecord]) { 'WARNING: ' + $_.Message }
    elseif ($_ -is [System.Management.Automation.VerboseRecord]) { 'VERBOSE: ' + $_.Message }
    elseif ($_ -is [System.Management.Automation.DebugRecord]) { 'DEBUG: ' + $_.Message }
    else { $_ }
} | Out-String -Stream -Width 4096 | ForEach-Object { $w.WriteLine($_) }
$LASTEXITCODE
'@)
        [void]$ps.AddArgument([IO.Path]::Combine($script:RunnerHere, 'harness.ps1')).AddArgument($Script).AddArgument($State).AddArgument($writer)
        $r = $ps.Invoke()
        $rc = 1
        if ($r.Count -gt 0 -and $null -ne $r[$r.Count - 1]) { $rc = [int]$r[$r.Count - 1] }
        foreach ($e in $ps.Streams.Error) { $writer.WriteLine([string]$e) }
    } catch {
        # What pwsh -File does with an error that ends the script: says it,
        # exits 1.
        $writer.WriteLine($_.Exception.Message)
        $rc = 1
    } finally {
        [Console]::SetOut($oldOut)
        [Console]::SetError($oldErr)
        $writer.Dispose()
        $ps.Dispose()
        $rs.Dispose()
    }
    return $rc
}
