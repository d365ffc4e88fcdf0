#Requires -Version 3.0
<#
.SYNOPSIS
Restores the registry state a tlsgpo policy's apply script recorded.

.DESCRIPTION
Written by tlsgpo @TOOL_VERSION@ for policy @ID@, version @VERSION@.

Restores the oldest backup not yet restored, which holds the state before
the policy was first applied: a value that was absent is deleted, one that
existed gets its old type and data back, and keys apply created are removed
once empty. Reads backups written by apply.ps1 and by apply.cmd. Without a
backup it refuses, unless -Force, which deletes the values the policy sets
instead (the static inverse, as reg\rollback.reg does).

Exit codes: 0 restored; 2 not run as Administrator; 3 no backup to restore
(and no -Force); 5 a value could not be restored.

.PARAMETER BackupDir
Where apply kept its backups (default: the backup folder beside this script).

.PARAMETER Force
Without a backup, delete the policy's values.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [string] $BackupDir = (Join-Path $PSScriptRoot 'backup'),
    [switch] $Force
)

@COMMON@

Write-Output ('rollback.ps1: policy {0} (id {1}, version {2})' -f $PolicyName, $PolicyId, $PolicyVersion)
if (-not (Test-TlsgpoAdministrator)) {
    Write-TlsgpoError 'rollback.ps1: run this script as Administrator: it writes to HKLM.'
    exit 2
}

$pending = @(Get-TlsgpoBackups $BackupDir | Where-Object {
    -not (Test-Path -LiteralPath (Join-Path $_ 'restored.txt'))
})
$failed = 0
if ($pending.Count -eq 0) {
    if (-not $Force) {
        Write-TlsgpoError ('rollback.ps1: no backup of policy {0} version {1} under "{2}".' -f $PolicyId, $PolicyVersion, $BackupDir)
        Write-TlsgpoError 'rollback.ps1: nothing was changed. -Force deletes the policy''s values instead.'
        exit 3
    }
    Write-Output ('rollback.ps1: no backup found: -Force deletes the {0} values the policy sets.' -f $Plan.Count)
    foreach ($entry in $Plan) {
        if (-not $PSCmdlet.ShouldProcess($entry.Label, 'delete')) { continue }
        try {
            Remove-TlsgpoValue $entry
            Write-Output ('deleted    {0}' -f $entry.Label)
        } catch {
            $failed++
            Write-TlsgpoError ('FAILED     {0}: {1}' -f $entry.Label, $_.Exception.Message)
        }
    }
} else {
    $backup = $pending[0]
    Write-Output ('rollback.ps1: restoring "{0}"' -f $backup)
    $values = @{}
    $raws = @{}
    $keysAbsent = @()
    foreach ($line in [IO.File]::ReadAllLines((Join-Path $backup 'state.txt'))) {
        if ($line.StartsWith('#') -or $line.Length -eq 0) { continue }
        $f = $line.Split('|', 5)
        switch ($f[0]) {
            'value' { $values[[int]$f[1]] = $f }
            'raw' { $raws[[int]$f[1]] = $f }
            'key' { if ($f[2] -eq 'absent') { $keysAbsent += [int]$f[1] } }
        }
    }
    foreach ($entry in $Plan) {
        $record = $values[$entry.Index]
        if ($null -eq $record) { continue }
        try {
            if ($record[2] -eq 'absent') {
                if (-not $PSCmdlet.ShouldProcess($entry.Label, 'delete')) { continue }
                Remove-TlsgpoValue $entry
                Write-Output ('deleted    {0}: absent, as before apply' -f $entry.Label)
                continue
            }
            $raw = $raws[$entry.Index]
            if ($null -ne $raw) {
                $old = @{ Kind = $raw[2]; Data = (ConvertFrom-TlsgpoRaw $raw[2] $raw[3]) }
            } else {
                $old = ConvertFrom-TlsgpoShown $record[3] $record[4]
            }
            if (-not $PSCmdlet.ShouldProcess($entry.Label, 'restore')) { continue }
            Set-TlsgpoValue $entry $old.Kind $old.Data
            Write-Output ('restored   {0}: {1}' -f $entry.Label, (Format-TlsgpoValue (Get-TlsgpoValue $entry)))
        } catch {
            $failed++
            Write-TlsgpoError ('FAILED     {0}: {1}' -f $entry.Label, $_.Exception.Message)
        }
    }
    foreach ($entry in $PlanKeys) {
        if ($keysAbsent -notcontains $entry.Index) { continue }
        $base = Open-TlsgpoBase $entry
        try {
            $key = $base.OpenSubKey($entry.Key, $false)
            if ($null -eq $key) { continue }
            $empty = $key.SubKeyCount -eq 0 -and $key.ValueCount -eq 0
            $key.Close()
            if ($empty -and $PSCmdlet.ShouldProcess($entry.Label, 'remove key')) {
                $base.DeleteSubKey($entry.Key, $false)
                Write-Output ('removed    key {0}: apply created it and it is empty' -f $entry.Label)
            }
        } finally {
            $base.Close()
        }
    }
    if ($failed -eq 0 -and -not $WhatIfPreference) {
        foreach ($dir in $pending) {
            [IO.File]::WriteAllText((Join-Path $dir 'restored.txt'), ('restored by rollback.ps1 from "{0}"' -f $backup))
        }
    }
}
Write-Output 'rollback.ps1: restart Windows so that WinHTTP, WinINet, .NET and SCHANNEL read the values.'
if ($failed -gt 0) {
    Write-TlsgpoError ('rollback.ps1: {0} values could not be restored.' -f $failed)
    exit 5
}
exit 0
