# server.ps1 -- one scenario's PowerShell process: tests/ps.sh starts it
# (pwsh -NoProfile -NonInteractive -File server.ps1) at a scenario's first
# run and sends it, one line each, the runs of that scenario as JSON:
#   {"id": ID, "script": PATH, "state": DIR, "env": {"NAME": "value", ...}}
# Each runs in a fresh runspace (runner.ps1); the answer is one line,
# "rc ID N" (or "failed ID WHY"). The process ends with its input.
$ErrorActionPreference = 'Stop'
. ([IO.Path]::Combine($PSScriptRoot, 'runner.ps1'))
$stdout = [Console]::Out
while ($null -ne ($line = [Console]::In.ReadLine())) {
    try {
        $req = ConvertFrom-Json $line
        $env = @{}
        if ($req.env) { foreach ($p in $req.env.PSObject.Properties) { $env[$p.Name] = $p.Value } }
        $rc = Invoke-TlsgpoRun -Script $req.script -State $req.state -Env $env
        $stdout.WriteLine('rc ' + $req.id + ' ' + $rc)
    } catch {
        $stdout.WriteLine('failed ' + $req.id + ' ' + ($_.Exception.Message -replace '[\r\n]+', ' '))
    }
    $stdout.Flush()
}
