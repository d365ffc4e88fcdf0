# kinds.Tests.ps1 -- for every sample policy (and the hostile names and
# the 44 values of tests/many.ini): the policy's own values hold REG_SZ,
# REG_EXPAND_SZ, REG_MULTI_SZ, REG_BINARY, REG_QWORD and REG_DWORD data
# before apply; rollback gives each its kind and bytes back.

BeforeDiscovery {
    $ids = @($env:TLSGPO_TEST_IDS -split ' ' | Where-Object { $_ })
}

BeforeAll {
    . ([IO.Path]::Combine($PSScriptRoot, 'scenario.ps1'))
}

Describe '<_>: the policy''s own values held data of another kind' -ForEach $ids {
    BeforeAll {
        $id = $_
        $st = New-Scenario ('kinds-' + $id)
        $ops = @((Get-Plan $id).operations)
        # Every kind rollback writes back, in turn (not empty: .NET reads a
        # REG_SZ of no bytes and one of an empty string alike).
        $prior = @(
            @(1, (ConvertTo-TestUtf16 'was "text" %PATH% & ^ !x!')), @(2, (ConvertTo-TestUtf16 '%SystemRoot%\x')),
            @(7, ((ConvertTo-TestUtf16 'a') + (ConvertTo-TestUtf16 'b c') + '0000')), @(3, '00ff10'),
            @(11, '0807060504030201'), @(4, 'efbeadde'))
        $lines = New-Object System.Collections.Generic.List[string]
        for ($i = 0; $i -lt $ops.Count; $i++) {
            $p = $prior[$i % $prior.Count]
            $lines.Add("value`t$(Get-PhysicalKey $ops[$i])`t$($ops[$i].value)`t$($p[0])`t$($p[1])")
        }
        Add-State $st $lines.ToArray()
        $Apply = Invoke-Scenario $st $id 'apply'
        $Rollback = Invoke-Scenario $st $id 'rollback'
    }
    It 'apply.ps1 exits 0, changing every value' {
        $Apply.Rc | Should -Be 0 -Because ($Apply.Out -join "`n")
        @($Apply.Out -like 'changed *').Count | Should -Be @((Get-Plan $_).operations).Count
    }
    It 'rollback.ps1 exits 0 and every value has its kind and bytes back' {
        $Rollback.Rc | Should -Be 0 -Because ($Rollback.Out -join "`n")
        ($Rollback.After -join "`n") | Should -BeExactly ($Apply.Before -join "`n")
    }
}
