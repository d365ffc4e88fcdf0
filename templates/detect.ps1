<#
.SYNOPSIS
Compares this machine with a tlsgpo policy.

.DESCRIPTION
Written by tlsgpo @TOOL_VERSION@ for policy @ID@, version @VERSION@.

The first line says it all (compliant, or how many of the policy's
@OP_COUNT@ values drift); then one line per value that is not ok (missing,
wrong value, wrong type), as many as fit in 2,000 characters, then
"... and N more": Intune keeps only 2,048 characters of output. -Verbose
lists every value, ok ones too, with no limit. Changes nothing; needs no
elevation. Usable as an Intune remediation detection script, with
apply.ps1 as the remediation script.

Exit codes: 0 compliant, or not applicable (drift under a policy that
turns TLS 1.3 on, on a Windows build without TLS 1.3); 1 drift (needs
remediation); 2 HKCU values asked
of the SYSTEM account; 6 an unexpected error: nothing was decided (never 1,
so that an error is not remediated). Run it with powershell.exe -File, as
Intune does: -Command turns every exit code into 0 or 1.
#>
[CmdletBinding()]
param()

# Windows PowerShell 2.0 and Constrained Language mode
# cannot run what follows: say so and exit 6, never 1 (drift to Intune).
if ($PSVersionTable.PSVersion.Major -lt 3 -or $ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') {
    Write-Output ('{0}: error: needs Windows PowerShell 3.0 or later in Full Language mode; nothing was done.' -f 'detect.ps1')
    exit 6
}

@COMMON@

trap {
    # On stdout too: Intune shows the first line of output.
    Write-Output ('detect.ps1: error: {0}; nothing was decided.' -f $_.Exception.Message)
    Write-TlsgpoError ('detect.ps1: error: {0}; nothing was decided.' -f $_.Exception.Message)
    exit 6
}

if ($PlanHasHkcu -and (Test-TlsgpoSystem)) {
    Write-TlsgpoError 'detect.ps1: this policy sets values in HKEY_CURRENT_USER, and this is the SYSTEM'
    Write-TlsgpoError 'detect.ps1: account, whose HKCU is no user''s: run detection as the user.'
    exit 2
}
$verbose = $PSBoundParameters.ContainsKey('Verbose')
$lines = New-Object System.Collections.Generic.List[string]
$drift = 0
foreach ($entry in $Plan) {
    $current = Get-TlsgpoValue $entry
    $wanted = Format-TlsgpoWanted $entry
    if (Test-TlsgpoSame $entry $current) {
        if ($verbose) { $lines.Add(('ok          {0}: {1}' -f $entry.Label, $wanted)) }
        continue
    }
    $drift++
    if ($current.State -ne 'present') {
        $lines.Add(('missing     {0}: absent, policy wants {1}' -f $entry.Label, $wanted))
    } elseif ($current.Kind -ne $PlanKinds[$entry.Type]) {
        $lines.Add(('wrong type  {0}: {1}, policy wants {2}' -f $entry.Label, (Format-TlsgpoValue $current), $wanted))
    } else {
        $lines.Add(('wrong value {0}: {1}, policy wants {2}' -f $entry.Label, (Format-TlsgpoValue $current), $wanted))
    }
}
$who = '{0} (id {1}, version {2})' -f $PolicyName, $PolicyId, $PolicyVersion
# Drift under a TLS 1.3 policy where Windows has none: apply refuses it
# there, so this is no drift to remediate (again and again) but not
# applicable. (Values that match, applied with -SkipPrerequisiteCheck, are
# compliant as anywhere.)
if ($drift -gt 0 -and @NEEDS_TLS13@) {
    $build = Get-TlsgpoBuild
    if ($build -lt @TLS13_BUILD@) {
        Write-Output ('detect.ps1: not applicable: {0} of {1} values differ from policy {2}, which turns TLS 1.3 on, and Windows build {3} has no TLS 1.3 (it needs @TLS13_WHERE@): apply.ps1 refuses it here. Assign the policy only to build @TLS13_BUILD@ or later.' -f $drift, $Plan.Count, $who, $build)
        exit 0
    }
}
if ($drift -eq 0) {
    $first = 'detect.ps1: compliant: all {0} values match policy {1}' -f $Plan.Count, $who
} else {
    $first = 'detect.ps1: drift: {0} of {1} values differ from policy {2}' -f $drift, $Plan.Count, $who
}
# Intune keeps 2,048 characters of a detection script's output: the
# verdict first, then the lines that fit in 2,000 (CR LF counted), then how
# many did not. -Verbose asks for every line.
$budget = 2000
$used = $first.Length + 2
Write-Output $first
for ($i = 0; $i -lt $lines.Count; $i++) {
    $more = '... and {0} more (detect.ps1 -Verbose lists every value)' -f ($lines.Count - $i)
    $reserve = 0
    if ($i -lt $lines.Count - 1) { $reserve = $more.Length + 2 }
    if (-not $verbose -and $used + $lines[$i].Length + 2 + $reserve -gt $budget) {
        Write-Output $more
        break
    }
    Write-Output $lines[$i]
    $used += $lines[$i].Length + 2
}
if ($drift -eq 0) { exit 0 }
exit 1
