# harness.ps1 -- runs one generated .ps1 the way an agent does (a fresh
# pwsh -NoProfile -NonInteractive, no profile, its own exit code), with the
# registry, the known folders, the token and the ACLs of fake.ps1.
#
#   pwsh -NoProfile -NonInteractive -File harness.ps1 SCRIPT STATEDIR
#
# STATEDIR/reg.txt is the registry before (fake-reg.ps1's format); the
# harness writes STATEDIR/reg.before.txt and reg.after.txt (the same
# format, sorted) and STATEDIR/run.ps1, the script with the stand-ins in
# it. The script's arguments come from $env:TLSGPO_TEST_ARGS, a JSON object
# ({"BackupDir": "x", "Force": true}). The exit code is the script's, also
# in STATEDIR/rc (Linux keeps only its low 8 bits).
$ErrorActionPreference = 'Stop'
$script = $args[0]
$state = $args[1]
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
. ([IO.Path]::Combine($here, 'fake-reg.ps1'))
Import-FakeRegistry ([IO.Path]::Combine($state, 'reg.txt'))
Export-FakeRegistry ([IO.Path]::Combine($state, 'reg.before.txt'))

# The stand-ins go right after the shared part, which the scripts end with
# this line: a function defined later replaces an earlier one.
$marker = '# ---- End of the part the three scripts share. -----------------------------'
$text = [IO.File]::ReadAllText($script)
$at = $text.IndexOf($marker)
if ($at -lt 0) { [Console]::Error.WriteLine('harness.ps1: no end-of-shared-part line in ' + $script); exit 100 }
$at += $marker.Length
$fake = [IO.File]::ReadAllText([IO.Path]::Combine($here, 'fake.ps1'))
$run = [IO.Path]::Combine($state, 'run.ps1')
[IO.File]::WriteAllText($run, $text.Substring(0, $at) + "`r`n" + $fake + $text.Substring($at), (New-Object Text.UTF8Encoding($true)))

if (-not $env:COMPUTERNAME) { $env:COMPUTERNAME = 'TESTPC' }
if (-not $env:TLSGPO_TEST_ACL_LOG) { $env:TLSGPO_TEST_ACL_LOG = [IO.Path]::Combine($state, 'acl.log') }
$params = @{}
if ($env:TLSGPO_TEST_ARGS) {
    $json = ConvertFrom-Json $env:TLSGPO_TEST_ARGS
    foreach ($p in $json.PSObject.Properties) { $params[$p.Name] = $p.Value }
}
$global:LASTEXITCODE = 0
& $run @params
$rc = $LASTEXITCODE
Export-FakeRegistry ([IO.Path]::Combine($state, 'reg.after.txt'))
# Windows keeps all 32 bits of an exit code (3010); Linux only 8: the whole
# code goes to STATEDIR/rc too.
[IO.File]::WriteAllText([IO.Path]::Combine($state, 'rc'), [string]$rc)
exit $rc
