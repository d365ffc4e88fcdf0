#Requires -Version 3.0
<#
.SYNOPSIS
Compares this machine with a tlsgpo policy, one line per value.

.DESCRIPTION
Written by tlsgpo @TOOL_VERSION@ for policy @ID@, version @VERSION@.

Prints ok, missing, wrong value or wrong type for each of the policy's
@OP_COUNT@ values on stdout. Changes nothing; needs no elevation. Usable as
an Intune remediation detection script, with apply.ps1 as the remediation
script.

Exit codes: 0 compliant; 1 drift (needs remediation).
#>
[CmdletBinding()]
param()

@COMMON@

Write-Output ('detect.ps1: policy {0} (id {1}, version {2})' -f $PolicyName, $PolicyId, $PolicyVersion)
$drift = 0
foreach ($entry in $Plan) {
    $current = Get-TlsgpoValue $entry
    $wanted = Format-TlsgpoWanted $entry
    if (Test-TlsgpoSame $entry $current) {
        Write-Output ('ok          {0}: {1}' -f $entry.Label, $wanted)
        continue
    }
    $drift++
    if ($current.State -ne 'present') {
        Write-Output ('missing     {0}: absent, policy wants {1}' -f $entry.Label, $wanted)
    } elseif ($current.Kind -ne 'DWord') {
        Write-Output ('wrong type  {0}: {1}, policy wants {2}' -f $entry.Label, (Format-TlsgpoValue $current), $wanted)
    } else {
        Write-Output ('wrong value {0}: {1}, policy wants {2}' -f $entry.Label, (Format-TlsgpoValue $current), $wanted)
    }
}
if ($drift -eq 0) {
    Write-Output ('detect.ps1: compliant: all {0} values match the policy.' -f $Plan.Count)
    exit 0
}
Write-Output ('detect.ps1: drift: {0} of {1} values differ from the policy.' -f $drift, $Plan.Count)
exit 1
