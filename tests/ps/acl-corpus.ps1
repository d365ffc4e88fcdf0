# acl-corpus.ps1 CMDFILE CORPUS WORKDIR -- runs the backup folder check
# exactly as the .cmd script hands it to powershell.exe (the -Command text
# of its acl_check line), in Constrained Language mode, on a folder whose
# security descriptor (fake.ps1's Get-Acl) is each SDDL of the corpus.
# Prints "ok||SDDL" or "bad|WHY|SDDL" per line, as the check judged it.
$ErrorActionPreference = 'Stop'
$cmdfile, $corpus, $work = $args
$line = @([IO.File]::ReadAllLines($cmdfile) | Where-Object { $_ -like '*powershell.exe*-Command "& {*' })
if ($line.Count -ne 1) { throw ('{0} lines run the check in {1}' -f $line.Count, $cmdfile) }
$m = [regex]::Match($line[0], ' -Command "(.*)" <nul ')
if (-not $m.Success) { throw 'no -Command "..." <nul in the acl_check line' }
$text = $m.Groups[1].Value
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$env:TLSGPO_TEST_ACL_LOG = [IO.Path]::Combine($work, 'acl.log')
# The security descriptors of fake.ps1 only (Get-TestAclMark, Get-Acl,
# Get-ChildItem): the rest needs the scripts' own variables.
$fake = [IO.File]::ReadAllText([IO.Path]::Combine($here, 'fake.ps1'))
$at = $fake.IndexOf('function Get-TestAclMark')
$end = $fake.IndexOf('function Set-TlsgpoAdminOnly', $at)
Invoke-Expression $fake.Substring($at, $end - $at)
# The folders first: in Constrained Language mode only cmdlets and core
# types are left.
$cases = @()
$n = 0
foreach ($case in [IO.File]::ReadAllLines($corpus)) {
    if ($case.StartsWith('#')) { continue }
    $n++
    $sddl = $case.Split('|', 3)[2]
    $top = [IO.Path]::Combine($work, [string]$n, 'tlsgpo')
    [void][IO.Directory]::CreateDirectory($top)
    [IO.File]::WriteAllText([IO.Path]::Combine($top, '.tlsgpo-test-acl'), $sddl)
    $cases += New-Object PSObject -Property @{ Top = $top; Root = [IO.Path]::Combine($top, 'id'); Sddl = $sddl }
}
$ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage'
foreach ($c in $cases) {
    $env:TLSGPO_ACL_TOP = $c.Top
    $env:TLSGPO_ACL_ROOT = $c.Root
    $out = @(Invoke-Expression $text)
    $verdict = 'bad'
    $why = ''
    if ($out.Count -eq 2 -and $out[0] -eq 'check|tlsgpo' -and $out[1] -eq 'end|1') { $verdict = 'ok' }
    if ($out.Count -eq 3 -and $out[1] -like 'bad|top|*') { $why = $out[1].Split('|')[2] }
    if ($out.Count -eq 0 -or $out[-1] -notlike 'end|*') { $verdict = 'no end' }
    $verdict + '|' + $why + '|' + $c.Sddl
}
