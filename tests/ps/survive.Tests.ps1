# survive.Tests.ps1 -- for every sample policy (and the hostile names and
# the 44 values of tests/many.ini): apply, detect, rollback from a registry
# where the policy's keys hold other values of every kind, a (Default), a
# subkey with values, and the policy's own values with other data in one
# view only, alternately the 32-bit (Wow6432Node) and the native one.
# Apply sets only the policy's values, detect says compliant, and rollback
# leaves the registry exactly as it was, byte for byte. (kinds.Tests.ps1:
# the policy's own values holding data of other kinds.)

BeforeDiscovery {
    $ids = @($env:TLSGPO_TEST_IDS -split ' ' | Where-Object { $_ })
}

BeforeAll {
    . ([IO.Path]::Combine($PSScriptRoot, 'scenario.ps1'))
    # Every kind, with data that .NET could not write back unchanged if it
    # read and rewrote it (REG_NONE with bytes, REG_LINK, big-endian).
    $Kinds = @(
        @(0, 'none', '0102'), @(1, 'sz', (ConvertTo-TestUtf16 'x "q" %PATH% $(id) `n ]]> é')),
        @(2, 'expand', (ConvertTo-TestUtf16 '%SystemRoot%\x')), @(3, 'binary', '00ff10'),
        @(4, 'dword', 'efbeadde'), @(5, 'dword-be', 'deadbeef'),
        @(6, 'link', (ConvertTo-TestUtf16 '\Registry\Machine\X')),
        @(7, 'multi', ((ConvertTo-TestUtf16 'a') + (ConvertTo-TestUtf16 'b c') + '0000')),
        @(11, 'qword', '0807060504030201'))
}

Describe '<_>: other values, a subkey and prior values in one view survive a round trip' -ForEach $ids {
    BeforeAll {
        $id = $_
        $st = New-Scenario ('survive-' + $id)
        $ops = @((Get-Plan $id).operations)
        $Policy = (Get-Plan $id).policy
        $lines = New-Object System.Collections.Generic.List[string]
        $keys = @($ops | ForEach-Object { Get-PhysicalKey $_ } | Sort-Object -Unique)
        foreach ($k in $keys) {
            $lines.Add("key`t$k")
            $lines.Add("value`t$k`t`t1`t" + (ConvertTo-TestUtf16 'default'))
            foreach ($kind in $Kinds) { $lines.Add("value`t$k`tother $($kind[1])`t$($kind[0])`t$($kind[2])") }
            $lines.Add("value`t$k\other subkey`tleaf`t4`t01000000")
        }
        # The policy's values with other data, in one view only: the
        # 32-bit one for the first of each pair, the native one for the next.
        # A policy with shared keys only (the cipher-suite ones): every
        # other value holds other data of its kind.
        $oneView = 0
        $shared = -not ($ops | Where-Object { $_.view -eq '32' })
        for ($i = 0; $i -lt $ops.Count; $i++) {
            $op = $ops[$i]
            if ($shared) {
                if ($i % 2 -eq 1) { continue }
                $k = Get-PhysicalKey $op
            } else {
                if ($op.view -ne '32') { continue }
                $k = Get-PhysicalKey $op
                if ($oneView % 2 -eq 1) { $k = '{0}\{1}' -f $op.hive, $op.key }
            }
            $lines.Add("value`t$k`t$($op.value)`t" + (ConvertTo-PlanData $op -Other))
            $oneView++
        }
        Add-State $st $lines.ToArray()
        $Apply = Invoke-Scenario $st $id 'apply'
        $Detect = Invoke-Scenario $st $id 'detect'
        $Rollback = Invoke-Scenario $st $id 'rollback'
        $Ops = $ops
    }

    It 'apply.ps1 exits 0, naming the policy' {
        $oneView | Should -BeGreaterThan 0 -Because 'the setup put prior values in one view'
        $Apply.Rc | Should -Be 0 -Because ($Apply.Out -join "`n")
        $Apply.Out[0] | Should -BeExactly ('apply.ps1: policy {0} (id {1}, version {2})' -f $Policy.name, $Policy.id, $Policy.version)
    }

    It 'apply.ps1 sets each of the policy''s values in its view' {
        foreach ($op in $Ops) {
            $want = "value`t$(Get-PhysicalKey $op)`t$($op.value)`t$(ConvertTo-PlanData $op)"
            $Apply.After | Should -Contain $want
        }
    }

    It 'apply.ps1 changes nothing else' {
        $mine = @{}
        foreach ($op in $Ops) { $mine[("value`t$(Get-PhysicalKey $op)`t$($op.value)`t").ToLowerInvariant()] = 1 }
        $kept = @($Apply.Before | Where-Object {
            $f = $_.Split("`t")
            -not ($f[0] -eq 'value' -and $mine.ContainsKey(("value`t$($f[1])`t$($f[2])`t").ToLowerInvariant()))
        })
        $gone = @($kept | Where-Object { $Apply.After -notcontains $_ })
        $gone | Should -BeNullOrEmpty
        $added = @($Apply.After | Where-Object { $Apply.Before -notcontains $_ } | Where-Object {
            $f = $_.Split("`t")
            -not ($f[0] -eq 'value' -and $mine.ContainsKey(("value`t$($f[1])`t$($f[2])`t").ToLowerInvariant()))
        })
        $added | Should -BeNullOrEmpty
    }

    It 'detect.ps1 exits 0, compliant' {
        $Detect.Rc | Should -Be 0 -Because ($Detect.Out -join "`n")
        $Detect.Out[0] | Should -BeLike 'detect.ps1: compliant:*'
    }

    It 'rollback.ps1 exits 0 and the registry is exactly as before apply' {
        $Rollback.Rc | Should -Be 0 -Because ($Rollback.Out -join "`n")
        ($Rollback.After -join "`n") | Should -BeExactly ($Apply.Before -join "`n")
    }
}

