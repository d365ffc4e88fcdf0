# recover.Tests.ps1 -- the way back when things go wrong, on office365-tls12
# from a registry that held other data for every value of the policy:
#  - apply twice (a value drifted between), rollback twice;
#  - a backup write that throws (a full disk);
#  - an apply cut short by a registry write that throws halfway;
#  - two backups, the newer one damaged;
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
        $r2.Out -join "`n" | Should -BeLike ('*not using "' + (Get-BackupFolder $st $Id '1.0' 2) + '": *')
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
