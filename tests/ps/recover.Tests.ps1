# recover.Tests.ps1 -- the way back when things go wrong, on office365-tls12
# from a registry that held other data for every value of the policy:
#  - apply twice (a value drifted between), rollback twice;
#  - a backup write that throws (a full disk);
#  - an apply cut short by a registry write that throws halfway;
#  - two backups, the newer one damaged; the oldest damaged, a newer one
#    usable (rollback refuses; apply's pruning keeps it); each way a
#    record can fail to decode; apply.cmd's REG_QWORD;
#  - a key rollback may not open: it restores the rest and exits 5 ("run it
#    again", README), and the next run restores that one too.
# Each ends with the registry exactly as it was before the first apply.

BeforeAll {
    . ([IO.Path]::Combine($PSScriptRoot, 'scenario.ps1'))
    $Id = 'office365-tls12'
    $Ops = @((Get-Plan $Id).operations)
    $WinHttp = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp'
    # The policy's values with other data: the registry before the policy.
    function New-PriorState([string] $Name) {
        $st = New-Scenario $Name
        Add-State $st @($Ops | ForEach-Object {
            "value`t$(Get-PhysicalKey $_)`t$($_.value)`t4`t$(ConvertTo-DwordHex ($_.data + 0x5a5))"
        })
        return $st
    }
}

Describe 'apply twice, rollback twice' {
    BeforeAll {
        $st = New-PriorState 'twice'
        $a1 = Invoke-Scenario $st $Id 'apply'
        $start = $a1.Before -join "`n"
        Set-StateValue $st $WinHttp 'DefaultSecureProtocols' 4 'a00a0000'
        $a2 = Invoke-Scenario $st $Id 'apply'
        $r1 = Invoke-Scenario $st $Id 'rollback'
        $r2 = Invoke-Scenario $st $Id 'rollback'
    }
    It 'the first apply.ps1 changes every value, the second only the one that drifted' {
        @($a1.Rc, @($a1.Out -like 'changed *').Count) | Should -Be @(0, $Ops.Count)
        @($a2.Rc, @($a2.Out -like 'changed *').Count) | Should -Be @(0, 1)
        [IO.Directory]::Exists((Get-BackupFolder $st $Id '1.0' 2)) | Should -BeTrue
    }
    It 'the first rollback.ps1 restores backup 1: the registry before the first apply' {
        $r1.Rc | Should -Be 0 -Because ($r1.Out -join "`n")
        $r1.Out -join "`n" | Should -BeLike ('*restoring "' + (Get-BackupFolder $st $Id '1.0' 1) + '"*')
        ($r1.After -join "`n") | Should -BeExactly $start
    }
    It 'the second rollback.ps1 has nothing to do and changes nothing' {
        $r2.Rc | Should -Be 0 -Because ($r2.Out -join "`n")
        $r2.Out -join "`n" | Should -BeLike '*restored already: nothing to do*'
        ($r2.After -join "`n") | Should -BeExactly $start
    }
}

Describe 'a backup write that throws (a full disk)' {
    BeforeAll {
        $st = New-PriorState 'diskfull'
        $a = Invoke-Scenario $st $Id 'apply' @{ TLSGPO_TEST_FAIL_BACKUP = '1' }
        $start = $a.Before -join "`n"
        # (The stand-ins' ACL marker is not an item: tests/ps/fake.ps1.)
        $left = @([IO.Directory]::GetFileSystemEntries([IO.Path]::Combine($st, 'home', 'ProgramData', 'tlsgpo', $Id)) | Where-Object { $_ -notlike '*.tlsgpo-test-acl' })
        $a2 = Invoke-Scenario $st $Id 'apply'
        $r = Invoke-Scenario $st $Id 'rollback'
    }
    It 'apply.ps1 exits 4 and changes nothing' {
        $a.Rc | Should -Be 4 -Because ($a.Out -join "`n")
        ($a.After -join "`n") | Should -BeExactly $start
    }
    It '...saying why, and leaves no backup folder behind' {
        $a.Out -join "`n" | Should -BeLike '*not enough space on the disk*'
        $left | Should -BeNullOrEmpty
    }
    It 'apply.ps1 then writes backup 1, and rollback.ps1 restores the registry exactly' {
        @($a2.Rc, $r.Rc) | Should -Be @(0, 0)
        $a2.Out -join "`n" | Should -BeLike ('*prior state saved in "' + (Get-BackupFolder $st $Id '1.0' 1) + '"*')
        ($r.After -join "`n") | Should -BeExactly $start
    }
}

Describe 'an apply cut short by a registry write that throws halfway' {
    BeforeAll {
        $st = New-PriorState 'cut'
        $half = [int][Math]::Floor($Ops.Count / 2) + 1
        $a = Invoke-Scenario $st $Id 'apply' @{ TLSGPO_TEST_FAIL_WRITE = $half }
        $start = $a.Before -join "`n"
        $d = Invoke-Scenario $st $Id 'detect'
        $r = Invoke-Scenario $st $Id 'rollback'
        $a2 = Invoke-Scenario $st $Id 'apply'
        $r2 = Invoke-Scenario $st $Id 'rollback'
    }
    It 'apply.ps1 exits 5 (a value could not be written), having written some' {
        $a.Rc | Should -Be 5 -Because ($a.Out -join "`n")
        ($a.After -join "`n") | Should -Not -Be $start
    }
    It '...its backup is complete (state.txt ends with its end record)' {
        $state = [IO.File]::ReadAllLines([IO.Path]::Combine((Get-BackupFolder $st $Id '1.0' 1), 'state.txt'))
        $state[$state.Count - 1] | Should -Match '^end\|[0-9]+$'
    }
    It 'detect.ps1 then says drift, exit 1' {
        $d.Rc | Should -Be 1
    }
    It 'rollback.ps1 exits 0 and the registry is exactly as before the apply' {
        $r.Rc | Should -Be 0 -Because ($r.Out -join "`n")
        ($r.After -join "`n") | Should -BeExactly $start
    }
    It 'apply.ps1 then completes, and rollback.ps1 again leaves the registry as before' {
        @($a2.Rc, $r2.Rc) | Should -Be @(0, 0)
        ($r2.After -join "`n") | Should -BeExactly $start
    }
}

Describe 'two backups, the newer one damaged' {
    BeforeAll {
        $st = New-PriorState 'damaged'
        $a1 = Invoke-Scenario $st $Id 'apply'
        $start = $a1.Before -join "`n"
        $r1 = Invoke-Scenario $st $Id 'rollback'
        Set-StateValue $st $WinHttp 'DefaultSecureProtocols' 4 'a00a0000'
        $a2 = Invoke-Scenario $st $Id 'apply'
        # The data rollback.ps1 restores from (the raw record) garbled,
        # the count at the end still right.
        $file = [IO.Path]::Combine((Get-BackupFolder $st $Id '1.0' 2), 'state.txt')
        $text = [IO.File]::ReadAllText($file)
        [IO.File]::WriteAllText($file, ($text -replace '(?m)^(raw\|1\|DWord\|)[^\r\n]+', '${1}@@not base64@@'))
        $damaged = $text -ne [IO.File]::ReadAllText($file)
        $r2 = Invoke-Scenario $st $Id 'rollback'
        $r3 = Invoke-Scenario $st $Id 'rollback'
    }
    It 'backup 1 restored, then apply again (backup 2) and 2 damaged: rollback.ps1 exits 0, restoring 1 again' {
        @($a1.Rc, $r1.Rc, $a2.Rc, $damaged) | Should -Be @(0, 0, 0, $true)
        $r2.Rc | Should -Be 0 -Because ($r2.Out -join "`n")
        $r2.Out -join "`n" | Should -BeLike ('*restoring the newest usable one again, "' + (Get-BackupFolder $st $Id '1.0' 1) + '"*')
    }
    It '...naming the damaged backup and why it is not used' {
        $r2.Out -join "`n" | Should -BeLike ('*not using "' + (Get-BackupFolder $st $Id '1.0' 2) + '": it is damaged: the record of *DefaultSecureProtocols: its data is not base64*')
    }
    It '...and the registry is as before the first apply' {
        ($r2.After -join "`n") | Should -BeExactly $start
    }
    It 'rollback.ps1 again: exit 0, nothing to do, nothing changed' {
        $r3.Rc | Should -Be 0 -Because ($r3.Out -join "`n")
        $r3.Out -join "`n" | Should -BeLike '*restored already: nothing to do*'
        ($r3.After -join "`n") | Should -BeExactly $start
    }
}

Describe 'the oldest backup not yet restored damaged, a newer one usable' {
    BeforeAll {
        $st = New-PriorState 'damaged-oldest'
        $a1 = Invoke-Scenario $st $Id 'apply'
        Set-StateValue $st $WinHttp 'DefaultSecureProtocols' 4 'a00a0000'
        $a2 = Invoke-Scenario $st $Id 'apply'
        $file = [IO.Path]::Combine((Get-BackupFolder $st $Id '1.0' 1), 'state.txt')
        [IO.File]::WriteAllText($file, ([IO.File]::ReadAllText($file) -replace '(?m)^(raw\|1\|DWord\|)[^\r\n]+', '${1}AAA='))
        $r = Invoke-Scenario $st $Id 'rollback'
        Set-StateValue $st $WinHttp 'DefaultSecureProtocols' 4 'a00a0000'
        $a3 = Invoke-Scenario $st $Id 'apply' @{ TLSGPO_TEST_ARGS = '{"KeepBackups": 1}' }
    }
    It 'rollback.ps1 exits 3 and changes nothing: backup 2 would not undo apply 1' {
        @($a1.Rc, $a2.Rc) | Should -Be @(0, 0)
        $r.Rc | Should -Be 3 -Because ($r.Out -join "`n")
        ($r.After -join "`n") | Should -BeExactly ($r.Before -join "`n")
    }
    It '...naming backup 1, the value and why' {
        $r.Out -join "`n" | Should -BeLike ('*"' + (Get-BackupFolder $st $Id '1.0' 1) + '" holds the state before an apply not yet undone, and it is damaged: the record of HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp `[64-bit`] DefaultSecureProtocols: 2 bytes for a DWord*')
    }
    It 'apply.ps1 -KeepBackups 1 (a value drifted) keeps backup 1, the one rollback stops at, and removes 2' {
        $a3.Rc | Should -Be 0 -Because ($a3.Out -join "`n")
        [IO.Directory]::Exists((Get-BackupFolder $st $Id '1.0' 3)) | Should -BeTrue
        [IO.Directory]::Exists((Get-BackupFolder $st $Id '1.0' 1)) | Should -BeTrue
        [IO.Directory]::Exists((Get-BackupFolder $st $Id '1.0' 2)) | Should -BeFalse
    }
}

# One apply's backup (it has its end record: that apply changed values),
# then spoilt in one way each: the backup is damaged, and rollback (with no
# other backup) refuses, saying why.
Describe 'a damaged backup: <Why>' -ForEach @(
    @{ Why = 'its data "" is not a REG_DWORD as reg.exe prints it'; Cmd = $true; From = '(?m)^value\|1\|present\|REG_DWORD\|0x[0-9a-fA-F]+'; To = 'value|1|present|REG_DWORD|' }
    @{ Why = 'its data "2725" is not a REG_DWORD as reg.exe prints it'; Cmd = $true; From = '(?m)^value\|1\|present\|REG_DWORD\|0x[0-9a-fA-F]+'; To = 'value|1|present|REG_DWORD|2725' }
    @{ Why = 'a type apply.cmd does not write: REG_NONE'; Cmd = $true; From = '(?m)^value\|1\|present\|REG_DWORD\|0x[0-9a-fA-F]+'; To = 'value|1|present|REG_NONE|00' }
    @{ Why = '2 records of it, not one'; Cmd = $false; From = '(?m)^value\|2\|[^\r\n]*'; To = 'value|1|absent' }
    @{ Why = 'no such kind: Bogus'; Cmd = $false; From = '(?m)^raw\|1\|DWord\|'; To = 'raw|1|Bogus|' }
    @{ Why = '3 bytes for a String'; Cmd = $false; From = '(?m)^(value\|1\|present\|)REG_DWORD\|[^\r\n]*\r?\nraw\|1\|DWord\|[^\r\n]+'; To = "`${1}REG_SZ|abc`r`nraw|1|String|YWJj" }
    @{ Why = 'no raw record (apply.ps1 writes one for every present value)'; Cmd = $false; From = '(?m)^raw\|1\|[^\r\n]*\r?\n'; To = '' }
    @{ Why = 'does not read: *no such record: valu'; Cmd = $false; From = '(?m)^value\|2\|'; To = 'valu|2|' }
    @{ Why = 'does not read: *"x"*'; Cmd = $false; From = '(?m)^value\|2\|'; To = 'value|x|' }
    @{ Why = 'does not read: a key record neither present nor absent'; Cmd = $false; From = '(?m)^key\|1\|[a-z]+'; To = 'key|1|junk' }
    @{ Why = 'a line follows its end record'; Cmd = $false; From = '(?m)^(end\|[0-9]+)'; To = "`${1}`r`nexact|1" }
    @{ Why = 'it says * records and holds *'; Cmd = $false; From = '(?m)^value\|2\|[^\r\n]*\r?\n'; To = '' }
) {
    BeforeAll {
        $st = New-PriorState ('spoilt-' + ($Why -replace '[^a-z0-9]+', '-'))
        $a = Invoke-Scenario $st $Id 'apply'
        $file = [IO.Path]::Combine((Get-BackupFolder $st $Id '1.0' 1), 'state.txt')
        $text = [IO.File]::ReadAllText($file)
        # In apply.cmd's form: its format line, no raw records.
        if ($Cmd) { $text = ($text -replace '(?m)^format\|2\|apply\.ps1', 'format|2|apply.cmd') -replace '(?m)^raw\|[^\r\n]*\r?\n', '' }
        $spoilt = $text -replace $From, $To
        [IO.File]::WriteAllText($file, $spoilt)
        $r = Invoke-Scenario $st $Id 'rollback'
    }
    It 'rollback.ps1 exits 3, changes nothing, and says why' {
        $spoilt | Should -Not -Be $text -Because 'the test spoilt the backup'
        $r.Rc | Should -Be 3 -Because ($r.Out -join "`n")
        ($r.After -join "`n") | Should -BeExactly ($r.Before -join "`n")
        $r.Out -join "`n" | Should -BeLike ('*holds the state before an apply not yet undone, and it is damaged: *' + ($Why -replace '[\[\]]', '`$0') + '*')
    }
}

Describe 'backup 1 restored, 2 damaged, 3 pending' {
    BeforeAll {
        $st = New-PriorState 'restored-damaged-pending'
        $a1 = Invoke-Scenario $st $Id 'apply'
        $r1 = Invoke-Scenario $st $Id 'rollback'
        Set-StateValue $st $WinHttp 'DefaultSecureProtocols' 4 'a00a0000'
        $a2 = Invoke-Scenario $st $Id 'apply'
        Set-StateValue $st $WinHttp 'DefaultSecureProtocols' 4 'a00a0000'
        $a3 = Invoke-Scenario $st $Id 'apply'
        $file = [IO.Path]::Combine((Get-BackupFolder $st $Id '1.0' 2), 'state.txt')
        [IO.File]::WriteAllText($file, ([IO.File]::ReadAllText($file) -replace '(?m)^raw\|1\|DWord\|[^\r\n]+', 'raw|1|DWord|AAA='))
        $r = Invoke-Scenario $st $Id 'rollback'
    }
    It 'rollback.ps1 exits 3 and changes nothing: backup 3 would not undo apply 2' {
        @($a1.Rc, $r1.Rc, $a2.Rc, $a3.Rc) | Should -Be @(0, 0, 0, 0)
        $r.Rc | Should -Be 3 -Because ($r.Out -join "`n")
        ($r.After -join "`n") | Should -BeExactly ($r.Before -join "`n")
        $r.Out -join "`n" | Should -BeLike ('*"' + (Get-BackupFolder $st $Id '1.0' 2) + '" holds the state before an apply not yet undone*')
    }
}

# apply.cmd's record of a REG_QWORD as reg.exe prints it: the hex digits,
# not PowerShell's reading of 0xffffffff (-1 in PowerShell 7).
Describe 'a REG_QWORD in apply.cmd''s backup' {
    BeforeAll {
        $st = New-PriorState 'qword'
        $a = Invoke-Scenario $st $Id 'apply'
        $file = [IO.Path]::Combine((Get-BackupFolder $st $Id '1.0' 1), 'state.txt')
        $text = ([IO.File]::ReadAllText($file) -replace '(?m)^format\|2\|apply\.ps1', 'format|2|apply.cmd') -replace '(?m)^raw\|[^\r\n]*\r?\n', ''
        [IO.File]::WriteAllText($file, ($text -replace '(?m)^value\|1\|present\|REG_DWORD\|0x[0-9a-fA-F]+', 'value|1|present|REG_QWORD|0xffffffff'))
        $r = Invoke-Scenario $st $Id 'rollback'
    }
    It 'rollback.ps1 restores 0xffffffff as 4294967295 (eight bytes ff ff ff ff 00 00 00 00)' {
        $r.Rc | Should -Be 0 -Because ($r.Out -join "`n")
        $r.After | Should -Contain "value`t$WinHttp`tDefaultSecureProtocols`t11`tffffffff00000000"
    }
}

Describe 'a key rollback may not open' {
    BeforeAll {
        $st = New-PriorState 'denied'
        $a = Invoke-Scenario $st $Id 'apply'
        $start = $a.Before -join "`n"
        Add-State $st @("denied`t$WinHttp")
        $r = Invoke-Scenario $st $Id 'rollback'
        [IO.File]::WriteAllLines([IO.Path]::Combine($st, 'reg.txt'), [string[]]@($r.After | Where-Object { $_ -notlike "denied`t*" }))
        $r2 = Invoke-Scenario $st $Id 'rollback'
    }
    It 'rollback.ps1 exits 5 (never 1), naming the value, saying to run it again' {
        $r.Rc | Should -Be 5 -Because ($r.Out -join "`n")
        @($r.Out -like 'FAILED  *WinHttp `[64-bit`] DefaultSecureProtocols: *denied*').Count | Should -Be 1
        $r.Out[$r.Out.Count - 1] | Should -BeLike '*could not be restored; run rollback.ps1 again.'
    }
    It '...restoring every other value' {
        $left = @($r.After | Where-Object { $_ -notlike "denied`t*" -and ($start -split "`n") -notcontains $_ })
        $left | Should -Be @("value`t$WinHttp`tDefaultSecureProtocols`t4`t00080000")
    }
    It 'once the key can be opened, rollback.ps1 restores: exit 0, the registry as before apply' {
        $r2.Rc | Should -Be 0 -Because ($r2.Out -join "`n")
        ($r2.After -join "`n") | Should -BeExactly $start
    }
}
