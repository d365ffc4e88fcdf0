<#
.SYNOPSIS
Restores the registry state a tlsgpo policy's apply script recorded.

.DESCRIPTION
Written by tlsgpo @TOOL_VERSION@ for policy @ID@, version @VERSION@.

Restores the oldest usable backup of this computer not yet restored,
which holds the state before the policy was first applied: a value that was
absent is deleted, one that existed gets its old type and data back, and
keys apply created are removed once they hold nothing. A backup that cannot
be used (cut short by a reboot or a timeout, written for another build of
the package) is named, with the reason, and passed over; one made on
another computer is refused (MachineGuid tells, so a rename does not
matter); a damaged one (it has an end record, but a record that does not
read or decode, or the wrong count) stops the rollback when it is the
oldest not yet restored and a newer usable one is pending or none is. Every record is read before anything is written. Reads backups
written by apply.ps1 and by apply.cmd. Without a usable backup it changes
nothing: the prior data is unknown (reg\rollback.reg deletes the values).

Exit codes: 0 restored (3010 with -SignalRestart), or every backup restored
already; 2 not run elevated, HKCU values as SYSTEM, or -Force; 3 no usable
backup of this computer, one holding a value that cannot be written back,
a damaged one, or backups under ProgramData that someone other than SYSTEM and
Administrators could have changed (nothing was changed); 5 a value could
not be restored, or a key apply created could not be removed (run it
again); 6 an unexpected error.
Run it with powershell.exe -File: -Command turns every exit code into 0 or 1.

.PARAMETER BackupDir
Where apply kept its backups (default: ProgramData\tlsgpo\@ID@). A
relative path is taken from the current PowerShell location.

.PARAMETER Force
Gone: it deleted the policy's values when no backup was found, data
nothing had a record of. reg\rollback.reg does that, deliberately.

.PARAMETER SignalRestart
Exit 3010 instead of 0 when values were restored: "done, restart needed"
to ConfigMgr and Intune Win32 apps. Not the default: Intune Remediations
and GPO scripts read any code but 0 as a failure.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [string] $BackupDir = '',
    [switch] $Force,
    [switch] $SignalRestart
)

# Windows PowerShell 2.0 and Constrained Language mode
# cannot run what follows: say so and exit 6, never 1 (drift to Intune).
if ($PSVersionTable.PSVersion.Major -lt 3 -or $ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') {
    Write-Output ('{0}: error: needs Windows PowerShell 3.0 or later in Full Language mode; nothing was done.' -f 'rollback.ps1')
    exit 6
}

@COMMON@

trap {
    Write-TlsgpoError ('rollback.ps1: unexpected error: {0}' -f $_.Exception.Message)
    exit 6
}

if ($Force) {
    Write-TlsgpoError 'rollback.ps1: -Force is gone: it deleted values nothing had a record of. reg\rollback.reg deletes the policy''s values (back to the Windows defaults), if that is what you want.'
    exit 2
}

Write-Output ('rollback.ps1: policy {0} (id {1}, version {2})' -f $PolicyName, $PolicyId, $PolicyVersion)
if ($PlanHasHkcu -and (Test-TlsgpoSystem)) {
    Write-TlsgpoError 'rollback.ps1: this policy sets values in HKEY_CURRENT_USER, and this is the SYSTEM'
    Write-TlsgpoError 'rollback.ps1: account, whose HKCU is no user''s: run this script as the user.'
    exit 2
}
if ($PlanHasHklm -and -not (Test-TlsgpoAdministrator)) {
    Write-TlsgpoError 'rollback.ps1: run this script elevated (as Administrator or SYSTEM): it writes to HKLM.'
    exit 2
}
$root = Resolve-TlsgpoBackupRoot $BackupDir

# Backups someone else could have changed are not trusted: ProgramData lets
# every user create folders (see $TlsgpoAclCheck). No ProgramData\tlsgpo:
# nothing to restore, and nothing is read (one made a moment later would
# not have been checked).
$untrusted = @{}
if (Test-TlsgpoDefaultStore $BackupDir) {
    if (-not (Test-Path -LiteralPath (Get-TlsgpoBackupTop))) {
        Write-TlsgpoError ('rollback.ps1: no backup of policy {0}: "{1}" does not exist. Nothing was changed.' -f $PolicyId, (Get-TlsgpoBackupTop))
        exit 3
    }
    try {
        $check = Test-TlsgpoBackupStore $root
    } catch {
        Write-TlsgpoError ('rollback.ps1: cannot check who may change "{0}": {1}; nothing was changed.' -f (Get-TlsgpoBackupTop), $_.Exception.Message)
        exit 3
    }
    if ($check.State -ne 'ok') {
        Write-TlsgpoError ('rollback.ps1: "{0}": {1}.' -f $check.Path, $check.Why)
        Write-TlsgpoError ('rollback.ps1: someone other than SYSTEM and Administrators could have put backups under "{0}": none is used, nothing was changed.' -f $root)
        Write-TlsgpoError 'rollback.ps1: look at that folder first. If you trust it, give it to Administrators (icacls FOLDER /setowner *S-1-5-32-544 /T, and remove the other'
        Write-TlsgpoError 'rollback.ps1: entries) or name it with -BackupDir. apply.ps1 would move it aside and record the present state instead.'
        exit 3
    }
    $untrusted = $check.Untrusted
}
# The oldest usable backup of this computer not yet restored: the state
# before the policy was first applied. One that cannot be used is named
# with the reason and passed over; it never stands in the way.
$machine = Get-TlsgpoMachineId
$own = @()
$foreign = $null
$bad = @()
$damaged = $null
foreach ($b in (Get-TlsgpoBackups $root)) {
    $read = Read-TlsgpoBackup $b.Path
    $read.Number = $b.Number
    $name = [IO.Path]::GetFileName($b.Path)
    if ($untrusted.ContainsKey($name)) {
        # (Whatever it holds, nothing in it is trusted: passed over.)
        $read.Complete = $false
        $read.Damaged = ''
        $read.Why = 'someone other than SYSTEM and Administrators could have changed it ({0})' -f $untrusted[$name]
    }
    if (-not $read.Complete) {
        Write-TlsgpoError ('rollback.ps1: warning: not using "{0}": {1}.' -f $b.Path, $read.Why)
        if (-not $read.Restored) { $bad += $read }
        # Damaged, not cut short: its apply changed values, and no later
        # backup holds what they were before it.
        if ($read.Damaged.Length -gt 0 -and -not $read.Restored -and $null -eq $damaged -and
            @($own | Where-Object { -not $_.Restored }).Count -eq 0 -and (Test-TlsgpoOwnBackup $read $machine)) { $damaged = $read }
        continue
    }
    if (-not (Test-TlsgpoOwnBackup $read $machine)) {
        Write-TlsgpoError ('rollback.ps1: warning: not using "{0}": it was made on another computer ({1}, MachineGuid "{2}").' -f $b.Path, $read.Computer, $read.Machine)
        if ($null -eq $foreign) { $foreign = $read }
        continue
    }
    $own += $read
}
$pending = @($own | Where-Object { -not $_.Restored })
# The oldest backup not yet restored is damaged ($damaged is only kept
# when no pending one precedes it), and a newer one is pending or none is
# usable: a later one would restore the state after that apply, not before
# it. (One newer than every usable backup, all restored, is passed over
# below like one cut short.)
if ($null -ne $damaged -and ($pending.Count -gt 0 -or $own.Count -eq 0)) {
    Write-TlsgpoError ('rollback.ps1: "{0}" holds the state before an apply not yet undone, and {1}.' -f $damaged.Path, $damaged.Damaged)
    Write-TlsgpoError 'rollback.ps1: a later backup holds the state after that apply, so restoring it would not undo it: nothing was changed.'
    Write-TlsgpoError 'rollback.ps1: repair its state.txt from its key*.reg files (a key without one held no values or did not exist), or import reg\rollback.reg to return the values to the Windows defaults.'
    exit 3
}
# Every usable backup restored, but a later apply's cannot be used: that
# apply may have changed values since, so the newest usable one is
# restored again.
if ($pending.Count -eq 0 -and $own.Count -gt 0 -and $bad.Count -gt 0 -and $bad[-1].Number -gt $own[-1].Number) {
    Write-Output ('rollback.ps1: a later backup cannot be used: restoring the newest usable one again, "{0}".' -f $own[-1].Path)
    $pending = @($own[-1])
}
if ($pending.Count -eq 0 -and $own.Count -gt 0) {
    # (A rerun after a reboot or a ConfigMgr retry lands here.)
    Write-Output ('rollback.ps1: every usable backup of this computer under "{0}" is restored already: nothing to do.' -f $root)
    exit 0
}
if ($pending.Count -eq 0 -and $null -ne $foreign) {
    Write-TlsgpoError ('rollback.ps1: refusing to restore another computer''s state; this computer ({0}, MachineGuid "{1}") has no backup of its own under "{2}". Nothing was changed.' -f $env:COMPUTERNAME, $machine, $root)
    exit 3
}
if ($pending.Count -eq 0) {
    Write-TlsgpoError ('rollback.ps1: no usable backup of policy {0} version {1} under "{2}": nothing was changed.' -f $PolicyId, $PolicyVersion, $root)
    Write-TlsgpoError 'rollback.ps1: without one the prior data is unknown; reg\rollback.reg deletes the policy''s values, which returns them to the Windows defaults, not to what they were.'
    exit 3
}
$backup = $pending[0]
if ($backup.Computer -ne $env:COMPUTERNAME) {
    Write-Output ('rollback.ps1: note: "{0}" was made when this computer was named {1}.' -f $backup.Path, $backup.Computer)
}

# Every record is read before anything is written: a value that cannot be
# written back exactly stops the rollback here, with nothing changed.
$restore = @()
foreach ($entry in $Plan) {
    $record = $backup.Values[$entry.Index]
    if ($null -eq $record) { continue }
    if ($record[2] -eq 'absent') {
        $restore += @{ Entry = $entry; Absent = $true }
        continue
    }
    $raw = $backup.Raws[$entry.Index]
    $note = ''
    try {
        if ($null -ne $raw) {
            if ('DWord', 'QWord', 'String', 'ExpandString', 'MultiString', 'Binary' -notcontains $raw[2]) { throw ('a value of kind {0}' -f $raw[2]) }
            $count = ''
            if ($raw.Count -ge 5) { $count = $raw[4] }
            $old = @{ Kind = $raw[2]; Data = (ConvertFrom-TlsgpoRaw $raw[2] $raw[3] $count) }
        } else {
            $old = ConvertFrom-TlsgpoShown $record[3] $record[4]
            if ($old.Kind -ne 'DWord' -and $old.Kind -ne 'QWord' -and $old.Kind -ne 'Binary') {
                $note = ' (as reg.exe printed it for apply.cmd: leading spaces and characters outside the console code page are not kept)'
            }
        }
    } catch {
        Write-TlsgpoError ('rollback.ps1: {0} held {1} before apply, which cannot be written back exactly: {2}.' -f $entry.Label, $record[3], $_.Exception.Message)
        Write-TlsgpoError ('rollback.ps1: nothing was changed; "{0}" says what it was.' -f $backup.Path)
        exit 3
    }
    $restore += @{ Entry = $entry; Absent = $false; Old = $old; Note = $note }
}

$failed = 0
$declined = 0
Write-Output ('rollback.ps1: restoring "{0}"' -f $backup.Path)
foreach ($r in $restore) {
    $entry = $r.Entry
    try {
        if ($r.Absent) {
            if (-not $PSCmdlet.ShouldProcess($entry.Label, 'delete')) { $declined++; continue }
            Remove-TlsgpoValue $entry
            if ((Get-TlsgpoValue $entry).State -ne 'absent') {
                Remove-TlsgpoValue $entry
                if ((Get-TlsgpoValue $entry).State -ne 'absent') { throw 'the value is still there' }
            }
            Write-Output ('deleted     {0}: absent, as before apply' -f $entry.Label)
            continue
        }
        if (-not $PSCmdlet.ShouldProcess($entry.Label, 'restore')) { $declined++; continue }
        # A write that does not read back byte for byte is tried once more.
        Set-TlsgpoValue $entry $r.Old.Kind $r.Old.Data
        $now = Get-TlsgpoValue $entry
        if (-not (Test-TlsgpoRestored $r.Old $now)) {
            Set-TlsgpoValue $entry $r.Old.Kind $r.Old.Data
            $now = Get-TlsgpoValue $entry
            if (-not (Test-TlsgpoRestored $r.Old $now)) { throw 'the value does not read back as it was' }
        }
        Write-Output ('restored    {0}: {1}{2}' -f $entry.Label, (Format-TlsgpoValue $now), $r.Note)
    } catch {
        $failed++
        Write-TlsgpoError ('FAILED      {0}: {1}' -f $entry.Label, $_.Exception.Message)
    }
}
foreach ($entry in $PlanKeys) {
    if ($backup.KeysAbsent -notcontains $entry.Index) { continue }
    $base = Open-TlsgpoBase $entry
    try {
        $key = $base.OpenSubKey($entry.Key, $false)
        if ($null -eq $key) { continue }
        $empty = $key.SubKeyCount -eq 0 -and $key.ValueCount -eq 0
        $key.Close()
        if (-not $empty) {
            Write-Output ('kept        key {0}: apply created it, and it still holds a value or a subkey' -f $entry.Label)
            continue
        }
        if (-not $PSCmdlet.ShouldProcess($entry.Label, 'remove key')) { $declined++; continue }
        $base.DeleteSubKey($entry.Key, $false)
        Write-Output ('removed     key {0}: apply created it and it holds nothing' -f $entry.Label)
    } catch {
        $failed++
        Write-TlsgpoError ('FAILED      key {0}: apply created it; {1}' -f $entry.Label, $_.Exception.Message)
    } finally {
        $base.Close()
    }
}
# Only a rollback that did everything marks the backups restored.
if ($failed -eq 0 -and $declined -eq 0 -and -not $WhatIfPreference) {
    # The one restored last: a rollback cut short while marking leaves the
    # right backup for the next run. The unusable ones are marked too, so
    # that a rerun has nothing to do.
    $marks = @($bad) + @($pending | Where-Object { $_.Path -ne $backup.Path }) + @($backup)
    foreach ($m in $marks) {
        $file = [IO.Path]::Combine($m.Path, 'restored.txt')
        [IO.File]::WriteAllText($file, ('restored by rollback.ps1 from "{0}"' -f $backup.Path))
        if (Test-TlsgpoDefaultStore $BackupDir) { Set-TlsgpoOwner $file }
    }
} elseif ($declined -gt 0 -and -not $WhatIfPreference) {
    Write-Output ('rollback.ps1: {0} changes were declined: the backup stays unrestored.' -f $declined)
}
if (-not $WhatIfPreference) {
    Write-Output 'rollback.ps1: restart Windows so that WinHTTP, WinINet, .NET and SCHANNEL read the values.'
}
if ($failed -gt 0) {
    Write-TlsgpoError ('rollback.ps1: {0} values or keys could not be restored; run rollback.ps1 again.' -f $failed)
    exit 5
}
if ($SignalRestart -and -not $WhatIfPreference) { exit 3010 }
exit 0
