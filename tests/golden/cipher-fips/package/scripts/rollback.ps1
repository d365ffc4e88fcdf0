<#
.SYNOPSIS
Restores the registry state a tlsgpo policy's apply script recorded.

.DESCRIPTION
Written by tlsgpo 0.1.0 for policy cipher-fips, version 1.0.

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
Where apply kept its backups (default: ProgramData\tlsgpo\cipher-fips). A
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

# ---- Shared by apply.ps1, rollback.ps1 and detect.ps1 -----------------------
#
# Written for Windows PowerShell 3.0 to 5.1, 32-bit or 64-bit host, run by
# Intune or ConfigMgr as SYSTEM from a temporary folder: no automatic
# variable in a param() default, every registry key opened through
# Open-TlsgpoBase with its view named, backups under ProgramData.

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

$PolicyName = 'Cipher suites: FIPS 140 (TLS 1.2, AES, SHA-2, NIST curves)'
$PolicyId = 'cipher-fips'
$PolicyVersion = '1.0'
# Names this plan's operations and keys; a backup of another plan is not used.
$PlanId = 'e97daf7a550440c8'

# The registry plan: one entry per value, in the order the package applies them.
$Plan = @(
    @{ Index = 1; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client [shared] Enabled' },
    @{ Index = 2; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client [shared] DisabledByDefault' },
    @{ Index = 3; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server [shared] Enabled' },
    @{ Index = 4; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server [shared] DisabledByDefault' },
    @{ Index = 5; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client [shared] Enabled' },
    @{ Index = 6; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client [shared] DisabledByDefault' },
    @{ Index = 7; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server [shared] Enabled' },
    @{ Index = 8; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server [shared] DisabledByDefault' },
    @{ Index = 9; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client [shared] Enabled' },
    @{ Index = 10; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client [shared] DisabledByDefault' },
    @{ Index = 11; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server [shared] Enabled' },
    @{ Index = 12; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server [shared] DisabledByDefault' },
    @{ Index = 13; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client [shared] Enabled' },
    @{ Index = 14; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client [shared] DisabledByDefault' },
    @{ Index = 15; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server [shared] Enabled' },
    @{ Index = 16; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server [shared] DisabledByDefault' },
    @{ Index = 17; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client [shared] Enabled' },
    @{ Index = 18; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client [shared] DisabledByDefault' },
    @{ Index = 19; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server [shared] Enabled' },
    @{ Index = 20; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server [shared] DisabledByDefault' },
    @{ Index = 21; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client [shared] Enabled' },
    @{ Index = 22; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client [shared] DisabledByDefault' },
    @{ Index = 23; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server'; Name = 'Enabled'; Type = 'REG_DWORD'; Data = 0; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server [shared] Enabled' },
    @{ Index = 24; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server'; Name = 'DisabledByDefault'; Type = 'REG_DWORD'; Data = 1; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server [shared] DisabledByDefault' },
    @{ Index = 25; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman'; Name = 'ServerMinKeyBitLength'; Type = 'REG_DWORD'; Data = 2048; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman [shared] ServerMinKeyBitLength' },
    @{ Index = 26; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman'; Name = 'ClientMinKeyBitLength'; Type = 'REG_DWORD'; Data = 2048; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman [shared] ClientMinKeyBitLength' },
    @{ Index = 27; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\PKCS'; Name = 'ClientMinKeyBitLength'; Type = 'REG_DWORD'; Data = 2048; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\PKCS [shared] ClientMinKeyBitLength' },
    @{ Index = 28; Hive = 'HKLM'; View = 'shared'; Key = 'SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002'; Name = 'Functions'; Type = 'REG_SZ'; Data = 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_256_CBC_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA256'; Label = 'HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002 [shared] Functions' },
    @{ Index = 29; Hive = 'HKLM'; View = 'shared'; Key = 'SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002'; Name = 'EccCurves'; Type = 'REG_MULTI_SZ'; Data = [string[]]@('NistP384', 'NistP256'); Label = 'HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002 [shared] EccCurves' }
)

# Keys the plan writes to and their ancestors, deepest first.
$PlanKeys = @(
    @{ Index = 1; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client [shared]' },
    @{ Index = 2; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server [shared]' },
    @{ Index = 3; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client [shared]' },
    @{ Index = 4; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server [shared]' },
    @{ Index = 5; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client [shared]' },
    @{ Index = 6; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server [shared]' },
    @{ Index = 7; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client [shared]' },
    @{ Index = 8; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server [shared]' },
    @{ Index = 9; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client [shared]' },
    @{ Index = 10; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server [shared]' },
    @{ Index = 11; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client [shared]' },
    @{ Index = 12; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server [shared]' },
    @{ Index = 13; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0 [shared]' },
    @{ Index = 14; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0 [shared]' },
    @{ Index = 15; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0 [shared]' },
    @{ Index = 16; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1 [shared]' },
    @{ Index = 17; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2 [shared]' },
    @{ Index = 18; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3 [shared]' },
    @{ Index = 19; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman [shared]' },
    @{ Index = 20; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\PKCS'; HoldsValues = $true; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\PKCS [shared]' },
    @{ Index = 21; Hive = 'HKLM'; View = 'shared'; Key = 'SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002'; HoldsValues = $true; Label = 'HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002 [shared]' },
    @{ Index = 22; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols [shared]' },
    @{ Index = 23; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms [shared]' },
    @{ Index = 24; Hive = 'HKLM'; View = 'shared'; Key = 'SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL [shared]' },
    @{ Index = 25; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL [shared]' },
    @{ Index = 26; Hive = 'HKLM'; View = 'shared'; Key = 'SOFTWARE\Policies\Microsoft\Cryptography\Configuration'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration [shared]' },
    @{ Index = 27; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders [shared]' },
    @{ Index = 28; Hive = 'HKLM'; View = 'shared'; Key = 'SOFTWARE\Policies\Microsoft\Cryptography'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Policies\Microsoft\Cryptography [shared]' },
    @{ Index = 29; Hive = 'HKLM'; View = 'shared'; Key = 'SYSTEM\CurrentControlSet\Control'; HoldsValues = $false; Label = 'HKLM\SYSTEM\CurrentControlSet\Control [shared]' },
    @{ Index = 30; Hive = 'HKLM'; View = 'shared'; Key = 'SOFTWARE\Policies\Microsoft'; HoldsValues = $false; Label = 'HKLM\SOFTWARE\Policies\Microsoft [shared]' }
)

# What each Windows build needs for this plan, from tlsgpo's table of OS
# facts: narrowest build range first; the first that fits is this one.
$OsNeeds = @(
    @{ Min = 7601; Max = 7601; WinHttpKb = $null; WinHttpPartial = $false; DotNet35Kb = $null; Tls13Lacking = $false; Tls12Kb = $null; Tls10Off = $true; NoTlsLeft = $null; RdpKb = '3080079'; Name = 'Windows 7 SP1 or Windows Server 2008 R2 SP1' },
    @{ Min = 9200; Max = 9200; WinHttpKb = $null; WinHttpPartial = $false; DotNet35Kb = $null; Tls13Lacking = $false; Tls12Kb = $null; Tls10Off = $true; NoTlsLeft = $null; RdpKb = $null; Name = 'Windows 8 or Windows Server 2012' },
    @{ Min = 9600; Max = 9600; WinHttpKb = $null; WinHttpPartial = $false; DotNet35Kb = $null; Tls13Lacking = $false; Tls12Kb = $null; Tls10Off = $true; NoTlsLeft = $null; RdpKb = $null; Name = 'Windows 8.1 or Windows Server 2012 R2' },
    @{ Min = 14393; Max = 14393; WinHttpKb = $null; WinHttpPartial = $false; DotNet35Kb = $null; Tls13Lacking = $false; Tls12Kb = $null; Tls10Off = $true; NoTlsLeft = $null; RdpKb = $null; Name = 'Windows Server 2016 or Windows 10' },
    @{ Min = 17763; Max = 17763; WinHttpKb = $null; WinHttpPartial = $false; DotNet35Kb = $null; Tls13Lacking = $false; Tls12Kb = $null; Tls10Off = $true; NoTlsLeft = $null; RdpKb = $null; Name = 'Windows Server 2019 or Windows 10' },
    @{ Min = 20348; Max = 20348; WinHttpKb = $null; WinHttpPartial = $false; DotNet35Kb = $null; Tls13Lacking = $false; Tls12Kb = $null; Tls10Off = $true; NoTlsLeft = $null; RdpKb = $null; Name = 'Windows Server 2022' },
    @{ Min = 26100; Max = 26100; WinHttpKb = $null; WinHttpPartial = $false; DotNet35Kb = $null; Tls13Lacking = $false; Tls12Kb = $null; Tls10Off = $true; NoTlsLeft = $null; RdpKb = $null; Name = 'Windows Server 2025 or Windows 11' },
    @{ Min = 6002; Max = 6003; WinHttpKb = $null; WinHttpPartial = $false; DotNet35Kb = $null; Tls13Lacking = $false; Tls12Kb = '4019276'; Tls10Off = $true; NoTlsLeft = $null; RdpKb = $null; Name = 'Windows Server 2008 SP2' },
    @{ Min = 14393; Max = 19045; WinHttpKb = $null; WinHttpPartial = $false; DotNet35Kb = $null; Tls13Lacking = $false; Tls12Kb = $null; Tls10Off = $true; NoTlsLeft = $null; RdpKb = $null; Name = 'Windows 10' },
    @{ Min = 22000; Max = 2147483647; WinHttpKb = $null; WinHttpPartial = $false; DotNet35Kb = $null; Tls13Lacking = $false; Tls12Kb = $null; Tls10Off = $true; NoTlsLeft = $null; RdpKb = $null; Name = 'Windows 11' }
)

$PlanHasHklm = @(@($Plan) | Where-Object { $_.Hive -eq 'HKLM' }).Count -gt 0
$PlanHasHkcu = @(@($Plan) | Where-Object { $_.Hive -eq 'HKCU' }).Count -gt 0

$KindNames = @{
    'String' = 'REG_SZ'; 'ExpandString' = 'REG_EXPAND_SZ'; 'Binary' = 'REG_BINARY'
    'DWord' = 'REG_DWORD'; 'QWord' = 'REG_QWORD'; 'MultiString' = 'REG_MULTI_SZ'
    'None' = 'REG_NONE'; 'Unknown' = 'REG_NONE'
}
# The kind each type of the plan is written and compared as.
$PlanKinds = @{ 'REG_DWORD' = 'DWord'; 'REG_SZ' = 'String'; 'REG_MULTI_SZ' = 'MultiString' }

# The one place a registry key is opened: always with its view named, so
# that a 32-bit host reads the same keys as a 64-bit one. Registry64 is the
# native view on 32-bit Windows too; "shared" keys are not redirected.
# A plan key is opened below it with RegistryKey's OpenSubKey and
# CreateSubKey, never through the PowerShell registry provider
# (Get-ItemProperty, New-Item, Test-Path HKLM:\...): there '/' separates
# path parts too, and SCHANNEL's cipher keys ("Ciphers\AES 128/128") have
# it in their names. RegistryKey splits only at '\'.
function Open-TlsgpoBase([hashtable] $Entry) {
    if ($Entry.Hive -eq 'HKCU') {
        $hive = [Microsoft.Win32.RegistryHive]::CurrentUser
    } else {
        $hive = [Microsoft.Win32.RegistryHive]::LocalMachine
    }
    if ($Entry.View -eq '32') {
        $view = [Microsoft.Win32.RegistryView]::Registry32
    } else {
        $view = [Microsoft.Win32.RegistryView]::Registry64
    }
    return [Microsoft.Win32.RegistryKey]::OpenBaseKey($hive, $view)
}

# @{ State = 'absent' } or @{ State = 'present'; Kind = 'DWord'; Data = ... }
function Get-TlsgpoValue([hashtable] $Entry) {
    $base = Open-TlsgpoBase $Entry
    try {
        $key = $base.OpenSubKey($Entry.Key, $false)
        if ($null -eq $key) { return @{ State = 'absent' } }
        try {
            if (-not ($key.GetValueNames() -contains $Entry.Name)) {
                return @{ State = 'absent' }
            }
            $options = [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames
            return @{
                State = 'present'
                Kind = [string]$key.GetValueKind($Entry.Name)
                Data = $key.GetValue($Entry.Name, $null, $options)
            }
        } finally {
            $key.Close()
        }
    } finally {
        $base.Close()
    }
}

function ConvertTo-TlsgpoUInt32($Data) {
    return [BitConverter]::ToUInt32([BitConverter]::GetBytes([int32]$Data), 0)
}

# Whether a value holds the plan's kind and data exactly: a number as 32
# bits, a string ordinally (case counts), a list string by string and its
# count.
function Test-TlsgpoSame([hashtable] $Entry, [hashtable] $Current) {
    $kind = $PlanKinds[$Entry.Type]
    if ($Current.State -ne 'present' -or $Current.Kind -ne $kind) { return $false }
    switch ($kind) {
        'DWord' { return (ConvertTo-TlsgpoUInt32 $Current.Data) -eq [uint32]$Entry.Data }
        'String' { return [string]::Equals([string]$Current.Data, [string]$Entry.Data, [StringComparison]::Ordinal) }
    }
    return Test-TlsgpoSameList @($Current.Data) @($Entry.Data)
}

function Test-TlsgpoSameList([object[]] $Have, [object[]] $Want) {
    if ($Have.Count -ne $Want.Count) { return $false }
    for ($i = 0; $i -lt $Want.Count; $i++) {
        if (-not [string]::Equals([string]$Have[$i], [string]$Want[$i], [StringComparison]::Ordinal)) { return $false }
    }
    return $true
}

# "absent", "REG_DWORD 0x00000800", "REG_SZ text": the same words and hex
# form the .cmd scripts print (other types as reg.exe shows them).
function Format-TlsgpoValue([hashtable] $Current) {
    if ($Current.State -ne 'present') { return 'absent' }
    $name = $KindNames[$Current.Kind]
    switch ($Current.Kind) {
        'DWord' { return '{0} 0x{1:X8}' -f $name, (ConvertTo-TlsgpoUInt32 $Current.Data) }
        'QWord' { return '{0} 0x{1:x}' -f $name, [int64]$Current.Data }
        'Binary' { return '{0} {1}' -f $name, ((@($Current.Data) | ForEach-Object { '{0:X2}' -f $_ }) -join '') }
        'MultiString' { return '{0} {1}' -f $name, (@($Current.Data) -join '\0') }
        default { return '{0} {1}' -f $name, [string]$Current.Data }
    }
}

# A present value's type and data as reg.exe prints them ("REG_DWORD 0xa80"):
# the form of state.txt's value records, which rollback.cmd compares with
# what reg.exe shows after restoring.
function Format-TlsgpoShown([hashtable] $Current) {
    switch ($Current.Kind) {
        'DWord' { return 'REG_DWORD 0x{0:x}' -f (ConvertTo-TlsgpoUInt32 $Current.Data) }
        default { return Format-TlsgpoValue $Current }
    }
}

function Format-TlsgpoWanted([hashtable] $Entry) {
    if ($Entry.Type -eq 'REG_DWORD') { return 'REG_DWORD 0x{0:X8}' -f [uint32]$Entry.Data }
    return Format-TlsgpoValue @{ State = 'present'; Kind = $PlanKinds[$Entry.Type]; Data = $Entry.Data }
}

# The plan's value written: a number as the signed 32 bits .NET takes, a
# string, a list as a string[] (SetValue takes MultiString from no other
# type).
function Set-TlsgpoWanted([hashtable] $Entry) {
    switch ($Entry.Type) {
        'REG_SZ' { Set-TlsgpoValue $Entry 'String' ([string]$Entry.Data); return }
        'REG_MULTI_SZ' { Set-TlsgpoValue $Entry 'MultiString' ([string[]]@($Entry.Data)); return }
    }
    $signed = [BitConverter]::ToInt32([BitConverter]::GetBytes([uint32]$Entry.Data), 0)
    Set-TlsgpoValue $Entry 'DWord' $signed
}

# Whether update KB<n> is installed: a Component Based Servicing package
# (read in the 64-bit view), else Get-HotFix.
function Test-TlsgpoKb([string] $Kb) {
    $base = Open-TlsgpoBase @{ Hive = 'HKLM'; View = '64' }
    try {
        $packages = $base.OpenSubKey('SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages', $false)
        if ($null -ne $packages) {
            try {
                if (@($packages.GetSubKeyNames() | Where-Object { $_ -like ('*KB{0}*' -f $Kb) }).Count -gt 0) { return $true }
            } finally {
                $packages.Close()
            }
        }
    } finally {
        $base.Close()
    }
    return $null -ne (Get-HotFix -Id ('KB{0}' -f $Kb) -ErrorAction SilentlyContinue)
}

# A machine value (HKLM, 64-bit view) read as the plan's are.
function Get-TlsgpoMachineValue([string] $Key, [string] $Name) {
    return Get-TlsgpoValue @{ Hive = 'HKLM'; View = '64'; Key = $Key; Name = $Name }
}

# A REG_DWORD machine value as an int; $null when absent or of another type.
function Get-TlsgpoMachineDword([string] $Key, [string] $Name) {
    $v = Get-TlsgpoMachineValue $Key $Name
    if ($v.State -ne 'present' -or $v.Kind -ne 'DWord') { return $null }
    return [int]$v.Data
}

# This Windows' CurrentBuildNumber (64-bit view).
function Get-TlsgpoBuild {
    $v = Get-TlsgpoMachineValue 'SOFTWARE\Microsoft\Windows NT\CurrentVersion' 'CurrentBuildNumber'
    if ($v.State -ne 'present') { throw 'CurrentBuildNumber cannot be read' }
    return [int]$v.Data
}

# Whether .NET 3.5 (CLR 2.0) is installed: NDP\v2.0.50727 Install 1 ("How
# to determine which .NET Framework versions are installed", Microsoft Learn).
function Test-TlsgpoNet35 {
    return (Get-TlsgpoMachineDword 'SOFTWARE\Microsoft\NET Framework Setup\NDP\v2.0.50727' 'Install') -eq 1
}

# Whether Remote Desktop takes connections: fDenyTSConnections is 0, Group
# Policy's value first (it overrides the local one); absent is off.
function Test-TlsgpoRdpOn {
    foreach ($path in 'SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services', 'SYSTEM\CurrentControlSet\Control\Terminal Server') {
        $deny = Get-TlsgpoMachineDword $path 'fDenyTSConnections'
        if ($null -ne $deny) { return $deny -eq 0 }
    }
    return $false
}

# Whether one of these SCHANNEL protocols (off by default there) is on for
# servers on this machine: Enabled absent or not 0, and DisabledByDefault
# 0 (as tlsgpo writes "enabled").
function Test-TlsgpoServerTlsOn([string[]] $Protocols) {
    foreach ($p in $Protocols) {
        $key = 'SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\{0}\Server' -f $p
        $enabled = Get-TlsgpoMachineDword $key 'Enabled'
        $dbd = Get-TlsgpoMachineDword $key 'DisabledByDefault'
        if ($enabled -ne 0 -and $dbd -eq 0) { return $true }
    }
    return $false
}

# A .reg export of a plan key, in its view, by reg.exe.
function Export-TlsgpoKey([hashtable] $Entry, [string] $File) {
    $reg = [IO.Path]::Combine([Environment]::SystemDirectory, 'reg.exe')
    $flag = '/reg:64'
    if ($Entry.View -eq '32') { $flag = '/reg:32' }
    # Windows PowerShell turns a native command's stderr into errors,
    # which 'Stop' would make fatal: not for this copy.
    $ErrorActionPreference = 'Continue'
    & $reg export ('{0}\{1}' -f $Entry.Hive, $Entry.Key) $File /y $flag | Out-Null
}

# Elevated: an administrator or SYSTEM (whose token holds Administrators).
function Test-TlsgpoAdministrator {
    $identity = [Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = New-Object Security.Principal.WindowsPrincipal($identity)
    return $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}

# Local System, whose HKCU is no user's (S-1-5-18 on every language).
function Test-TlsgpoSystem {
    return [Security.Principal.WindowsIdentity]::GetCurrent().User.Value -eq 'S-1-5-18'
}

function Write-TlsgpoError([string] $Message) {
    [Console]::Error.WriteLine($Message)
}

# Where backups live: -BackupDir resolved once against PowerShell's own
# location (not the process's), or ProgramData\tlsgpo\<policy id>, which
# is local, writable and the same on every run, wherever the script is.
function Resolve-TlsgpoBackupRoot([string] $BackupDir) {
    if ($BackupDir.Length -gt 0) {
        return $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($BackupDir)
    }
    return [IO.Path]::Combine((Get-TlsgpoBackupTop), $PolicyId)
}

# ProgramData\tlsgpo, or for a policy with HKCU values the user's own
# LocalAppData\tlsgpo: one user's rollback must not restore another's hive.
function Get-TlsgpoBackupTop {
    if ($PlanHasHkcu) { $folder = 'LocalApplicationData' } else { $folder = 'CommonApplicationData' }
    return [IO.Path]::Combine([Environment]::GetFolderPath($folder), 'tlsgpo')
}

# Who may change the backup folders. ProgramData lets every user create
# folders: a tlsgpo folder someone else made first could hold a planted
# backup that SYSTEM would restore. This check (the same text runs in the
# .cmd scripts, through powershell.exe) reads the owner and access list of
# ProgramData\tlsgpo, of this policy's folder in it and of everything in
# that, by SID: the owner must be SYSTEM or Administrators, and nobody else
# may hold more than read and execute. It prints "bad|top|WHY|PATH" (the
# top folder) or "bad|below|WHY|PATH" for the first that fails, then
# "end|N". Get-Acl and string operators only: Constrained Language mode
# and PowerShell 2.0 (which the .cmd scripts may meet) run it too.
$TlsgpoAclCheck = { param([string] $top, [string] $root) $ErrorActionPreference = 'Stop'; $who = '^(SY|BA|S-1-5-18|S-1-5-32-544)$'; $names = @{ BU = 'Users'; AU = 'Authenticated Users'; WD = 'Everyone'; IU = 'INTERACTIVE'; CO = 'CREATOR OWNER'; OW = 'OWNER RIGHTS'; AN = 'ANONYMOUS LOGON'; BG = 'Guests'; DU = 'Domain Users' }; $name = { param([string] $sid) if ($names[$sid]) { return ($names[$sid] + ' (' + $sid + ')') }; return $sid }; $rule = { param([string] $s) if ($s -cnotmatch '^O:([A-Z0-9-]+)G:[A-Z0-9-]+D:(P|AI|AR)*((\([^()]*\))*)$') { return ('its security descriptor is not one tlsgpo can vouch for (' + $s + ')') }; $owner = $matches[1]; $aces = $matches[3]; if ($owner -cnotmatch $who) { return ('its owner is ' + (& $name $owner) + ', not SYSTEM or Administrators') }; foreach ($a in ($aces -split '[()]')) { if ($a -eq '') { continue }; $f = $a -split ';'; if ($f.Count -ne 6 -or $f[0] -cnotmatch '^[AD]$') { return ('its access list holds an entry tlsgpo does not read (' + $a + ')') }; if ($f[0] -ceq 'D' -or $f[5] -cmatch $who) { continue }; if ($f[2] -cmatch '^0x[0-9A-Fa-f]{1,8}$') { if (([int64]$f[2] -band 0x5FEDFF56) -eq 0) { continue } } elseif ($f[2] -cmatch '^(FR|FX|GR|GX|RC|CC|SW|WP|LO)+$') { continue }; return ((& $name $f[5]) + ' may change it (access ' + $f[2] + ')') }; '' }; $lit = { $args[0] -replace '([][*?`])', '`$1' }; $one = { param([string] $p, [bool] $folder) try { $it = Get-Item -Path (& $lit $p) -Force } catch { if (Test-Path -Path (& $lit $p)) { return ('it cannot be read (' + $_.Exception.Message + ')') }; return $null }; if ([string]$it.Attributes -match 'ReparsePoint') { return 'it is a link (a junction or symbolic link), not a folder of its own' }; if ($folder -and -not $it.PSIsContainer) { return 'it is a file, not a folder' }; try { $sd = [string](Get-Acl -Path (& $lit $p)).Sddl } catch { if (Test-Path -Path (& $lit $p)) { return ('its security descriptor cannot be read (' + $_.Exception.Message + ')') }; return $null }; & $rule $sd }; $tidy = { [string]$args[0] -replace '[|\r\n]', '/' }; 'check|tlsgpo'; $n = 0; $at = 'top'; foreach ($i in @($top, $root)) { if (Test-Path -Path (& $lit $i)) { $n++; $why = & $one $i $true; if ($why) { return @(('bad|' + $at + '|' + (& $tidy $why) + '|' + $i), ('end|' + $n)) } }; $at = 'below' }; if (Test-Path -Path (& $lit $root) -PathType Container) { foreach ($i in @(Get-ChildItem -Path (& $lit $root) -Recurse -Force | ForEach-Object { $_.FullName })) { $why = & $one $i $false; if ($null -eq $why) { continue }; $n++; if ($why) { 'bad|item|' + (& $tidy $why) + '|' + $i + '|' + ($i.Substring($root.Length).TrimStart('\', '/') -split '[\\/]')[0] } } }; 'end|' + $n }

# Whether the backups go to ProgramData, where the check applies: a
# -BackupDir elsewhere is trusted as the person who names it vouches for it,
# and LocalAppData is the user's own. A -BackupDir that names the default
# folder is the default folder.
function Test-TlsgpoDefaultStore([string] $BackupDir) {
    if ($PlanHasHkcu) { return $false }
    if ($BackupDir.Length -eq 0) { return $true }
    $default = [IO.Path]::Combine((Get-TlsgpoBackupTop), $PolicyId)
    return (Resolve-TlsgpoBackupRoot $BackupDir).TrimEnd('\', '/') -eq $default
}

# What $TlsgpoAclCheck says of ProgramData\tlsgpo and $Root: @{ State =
# 'ok', 'top' or 'below' (the first of the two that fails); Why; Path;
# Untrusted = @{ backup folder name = why } } for what fails below $Root.
# Throws when the check did not finish.
function Test-TlsgpoBackupStore([string] $Root) {
    $result = @{ State = 'ok'; Why = ''; Path = ''; Untrusted = @{} }
    $end = $false
    foreach ($line in @(& $TlsgpoAclCheck (Get-TlsgpoBackupTop) $Root)) {
        $f = ([string]$line).Split('|')
        if ($f[0] -eq 'end') { $end = $true }
        if ($f[0] -ne 'bad' -or $f.Count -lt 4) { continue }
        if ($f[1] -eq 'item') {
            if ($f.Count -ge 5 -and -not $result.Untrusted.ContainsKey($f[4])) { $result.Untrusted[$f[4]] = '"{0}": {1}' -f $f[3], $f[2] }
            continue
        }
        $result.State = $f[1]
        $result.Why = $f[2]
        $result.Path = $f[3]
    }
    if (-not $end) { throw 'the check of who may change the backup folders did not finish' }
    return $result
}

# A new folder that only SYSTEM and Administrators may change: owned by
# Administrators (on client Windows what an administrator makes is owned by
# that user), a protected access list that everything in it inherits. Made
# under a name nobody can guess, given its security, then renamed to
# $Path: a rename fails when $Path exists, and never follows a link there.
# (Set-Acl, not Directory.CreateDirectory(path, acl): that one exists only
# in .NET Framework, not in PowerShell 7.)
function New-TlsgpoAdminFolder([string] $Path) {
    $new = '{0}.new-{1}' -f $Path, [guid]::NewGuid().ToString('N')
    [void][IO.Directory]::CreateDirectory($new)
    try {
        Set-TlsgpoAdminOnly $new
        [IO.Directory]::Move($new, $Path)
    } catch {
        if ([IO.Directory]::Exists($new)) { [IO.Directory]::Delete($new, $true) }
        # Another run made it first (it too renames a finished folder):
        # the caller checks it like any folder it did not make.
        if (Test-Path -LiteralPath $Path) { return }
        throw
    }
}

function Set-TlsgpoAdminOnly([string] $Path) {
    $acl = New-Object Security.AccessControl.DirectorySecurity
    $acl.SetSecurityDescriptorSddlForm('O:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)', 'Owner, Access')
    Set-Acl -LiteralPath $Path -AclObject $acl
}

# A file or folder the scripts made, given to Administrators: an elevated
# administrator's own account would otherwise own it, and the check would
# not trust it.
function Set-TlsgpoOwner([string] $Path) {
    if ([IO.Directory]::Exists($Path)) {
        $sd = New-Object Security.AccessControl.DirectorySecurity
    } else {
        $sd = New-Object Security.AccessControl.FileSecurity
    }
    $sd.SetSecurityDescriptorSddlForm('O:BA', 'Owner')
    Set-Acl -LiteralPath $Path -AclObject $sd
}

# Backups: Root\<id>-<version>-<N>, numbered from 1, never overwritten.
# All of them, by number, gaps and all; what each holds is read later.
function Get-TlsgpoBackups([string] $Root) {
    $prefix = '{0}-{1}-' -f $PolicyId, $PolicyVersion
    $pattern = '^' + [regex]::Escape($prefix) + '([1-9][0-9]{0,8})$'
    $found = @()
    if (-not [IO.Directory]::Exists($Root)) { return ,$found }
    foreach ($dir in [IO.Directory]::GetDirectories($Root)) {
        $name = [IO.Path]::GetFileName($dir)
        if ($name -match $pattern) {
            $found += New-Object PSObject -Property @{ Number = [int]$Matches[1]; Path = $dir }
        }
    }
    return ,@($found | Sort-Object Number)
}

# The system's OEM code page, in which cmd.exe (apply.cmd) writes files:
# the system locale's, not this user's format locale.
function Get-TlsgpoOemEncoding {
    $base = Open-TlsgpoBase @{ Hive = 'HKLM'; View = '64' }
    try {
        $nls = $base.OpenSubKey('SYSTEM\CurrentControlSet\Control\Nls\CodePage', $false)
        if ($null -ne $nls) {
            try { $cp = [int]$nls.GetValue('OEMCP', '437') } finally { $nls.Close() }
            return [Text.Encoding]::GetEncoding($cp)
        }
    } finally {
        $base.Close()
    }
    return [Text.Encoding]::GetEncoding(437)
}

# Reads a backup's state.txt. Why says why it cannot be used ('' when it
# can). One with no "end|N" record anywhere was cut short (a reboot or a
# timeout stopped its apply before any registry write: state.txt is
# written first). One with an end record went on to change values: a wrong
# count, a line after the end, a line that does not read, or data that does
# not decode make it Damaged, which is not the same (rollback stops there).
# Its "plan|ID" must be this package's plan (records name values by their
# place in it). apply.cmd writes in the console (OEM) code page, apply.ps1
# in UTF-8.
function Read-TlsgpoBackup([string] $Dir) {
    $backup = @{
        Path = $Dir; Number = 0; Complete = $false; Why = ''; Computer = ''; Machine = ''; Writer = ''; Plan = ''
        Values = @{}; Raws = @{}; Seen = @{}; KeySeen = @{}; KeysAbsent = @(); Exact = @(); Damaged = ''
        Restored = [IO.File]::Exists([IO.Path]::Combine($Dir, 'restored.txt'))
    }
    $file = [IO.Path]::Combine($Dir, 'state.txt')
    if (-not [IO.File]::Exists($file)) {
        $backup.Why = 'it holds no state.txt (an apply stopped before it wrote one)'
        return $backup
    }
    try {
        $bytes = [IO.File]::ReadAllBytes($file)
        $text = [Text.Encoding]::UTF8.GetString($bytes)
        if ($text -match '(?m)^format\|2\|apply\.cmd\r?$') { $text = (Get-TlsgpoOemEncoding).GetString($bytes) }
    } catch {
        $backup.Damaged = 'its state.txt cannot be read ({0})' -f $_.Exception.Message
        $backup.Why = $backup.Damaged
        return $backup
    }
    $records = 0
    $end = $null
    $sawEnd = $false
    $bad = ''
    $n = 0
    foreach ($line in ($text -split "`r?`n")) {
        $n++
        if ($line.Length -eq 0 -or $line.StartsWith('#')) { continue }
        $f = $line.Split('|', 5)
        $end = $null
        try {
            $records += Add-TlsgpoBackupRecord $backup $f
        } catch {
            if ($bad.Length -eq 0) { $bad = 'line {0} does not read: {1}' -f $n, $_.Exception.Message }
        }
        if ($f[0] -eq 'end' -and $f.Count -ge 2) { $sawEnd = $true; $end = $f[1] }
    }
    $want = $Plan.Count + $PlanKeys.Count
    if ($backup.Plan -ne $PlanId) {
        $backup.Why = 'it was written for another build of this package (plan "{0}", this one is {1})' -f $backup.Plan, $PlanId
        return $backup
    }
    if (-not $sawEnd) {
        $backup.Why = 'it was cut short: no end record (an apply stopped by a reboot or a timeout)'
        return $backup
    }
    if ($bad.Length -gt 0) { $why = $bad }
    elseif ($null -eq $end) { $why = 'a line follows its end record' }
    elseif ($end -ne [string]$want -or $records -ne $want) { $why = 'it says {0} records and holds {1}; this package has {2}' -f $end, $records, $want }
    else { $why = Test-TlsgpoBackupData $backup }
    if ($why.Length -gt 0) { $backup.Damaged = 'it is damaged: ' + $why }
    $backup.Why = $backup.Damaged
    $backup.Complete = $why.Length -eq 0
    return $backup
}

# One record of state.txt into $Backup; returns how many value and key
# records it is (0 or 1). Throws on a record that does not read.
function Add-TlsgpoBackupRecord([hashtable] $Backup, [string[]] $F) {
    switch ($F[0]) {
        'format' { if ($F.Count -ge 3) { $Backup.Writer = $F[2] }; return 0 }
        'computer' { if ($F.Count -ge 2) { $Backup.Computer = $F[1] }; return 0 }
        'machine' { if ($F.Count -ge 2) { $Backup.Machine = $F[1] }; return 0 }
        'plan' { if ($F.Count -ge 2) { $Backup.Plan = $F[1] }; return 0 }
        'end' { return 0 }
        'value' {
            if ($F.Count -lt 3) { throw 'a value record without its state' }
            $i = [int]$F[1]
            $Backup.Values[$i] = $F
            $Backup.Seen[$i] = 1 + $Backup.Seen[$i]
            return 1
        }
        'raw' { if ($F.Count -lt 4) { throw 'a raw record without its data' }; $Backup.Raws[[int]$F[1]] = $F; return 0 }
        'exact' { $Backup.Exact += [int]$F[1]; return 0 }
        'key' {
            if ($F.Count -lt 3 -or ('present', 'absent' -notcontains $F[2])) { throw 'a key record neither present nor absent' }
            $i = [int]$F[1]
            $Backup.KeySeen[$i] = 1 + $Backup.KeySeen[$i]
            if ($F[2] -eq 'absent') { $Backup.KeysAbsent += $i }
            return 1
        }
    }
    throw ('no such record: {0}' -f $F[0])
}

# Why a backup complete by its count is damaged ('' when it is not): each
# key of the plan has exactly one record, and each value exactly one,
# present or absent; a present one names a type and data that decode to
# that type's size (apply.ps1's raw record, base64, its kind agreeing with
# the type; apply.cmd's one of the six types it writes, a number as
# reg.exe prints it: 0x and hex digits). A kind apply.ps1 recorded that
# nothing can write back (None, Unknown) is not damage: rollback names it.
function Test-TlsgpoBackupData([hashtable] $Backup) {
    $types = @{ DWord = 'REG_DWORD'; QWord = 'REG_QWORD'; String = 'REG_SZ'; ExpandString = 'REG_EXPAND_SZ'; MultiString = 'REG_MULTI_SZ'; Binary = 'REG_BINARY' }
    $shown = @{ REG_DWORD = '\A0x[0-9a-fA-F]{1,8}\z'; REG_QWORD = '\A0x[0-9a-fA-F]{1,16}\z'; REG_BINARY = '\A([0-9a-fA-F]{2})*\z' }
    foreach ($entry in $PlanKeys) {
        if ($Backup.KeySeen[$entry.Index] -ne 1) {
            return ('the record of key {0}: {1} records of it, not one' -f $entry.Label, [int]$Backup.KeySeen[$entry.Index])
        }
    }
    foreach ($entry in $Plan) {
        $record = $Backup.Values[$entry.Index]
        $raw = $Backup.Raws[$entry.Index]
        $why = ''
        if ($Backup.Seen[$entry.Index] -ne 1) {
            $why = '{0} records of it, not one' -f [int]$Backup.Seen[$entry.Index]
        } elseif ($record[2] -eq 'absent') {
            continue
        } elseif ($record[2] -ne 'present' -or $record.Count -lt 5) {
            $why = 'neither present nor absent'
        } elseif ($null -ne $raw) {
            $size = @{ DWord = 4; QWord = 8 }[$raw[2]]
            try { $bytes = [Convert]::FromBase64String($raw[3]) } catch { $bytes = $null }
            if ('DWord', 'QWord', 'String', 'ExpandString', 'MultiString', 'Binary', 'None', 'Unknown' -notcontains $raw[2]) {
                $why = 'no such kind: {0}' -f $raw[2]
            } elseif ($null -eq $bytes) {
                $why = 'its data is not base64'
            } elseif (($null -ne $size -and $bytes.Length -ne $size) -or
                ('String', 'ExpandString', 'MultiString' -contains $raw[2] -and $bytes.Length % 2 -ne 0)) {
                $why = '{0} bytes for a {1}' -f $bytes.Length, $raw[2]
            } elseif ($types.ContainsKey($raw[2]) -and $types[$raw[2]] -ne $record[3]) {
                $why = 'its type {0} is not its kind {1}' -f $record[3], $raw[2]
            } elseif ($raw.Count -ge 5 -and ($raw[2] -ne 'MultiString' -or $bytes.Length -ne 0 -or '0', '1' -notcontains $raw[4])) {
                $why = 'a count "{0}" where none belongs (only a MultiString of no bytes has one, 0 or 1)' -f $raw[4]
            }
        } elseif ($Backup.Writer -eq 'apply.ps1') {
            $why = 'no raw record (apply.ps1 writes one for every present value)'
        } elseif ('REG_DWORD', 'REG_QWORD', 'REG_SZ', 'REG_EXPAND_SZ', 'REG_MULTI_SZ', 'REG_BINARY' -notcontains $record[3]) {
            $why = 'a type apply.cmd does not write: {0}' -f $record[3]
        } elseif ($shown.ContainsKey($record[3]) -and $record[4] -notmatch $shown[$record[3]]) {
            $why = 'its data "{0}" is not a {1} as reg.exe prints it' -f $record[4], $record[3]
        }
        if ($why.Length -gt 0) { return ('the record of {0}: {1}' -f $entry.Label, $why) }
    }
    return ''
}

# This computer's MachineGuid, which a rename keeps ('' when it cannot be
# read): a backup records it and the name (for messages); one without it is
# matched by name.
function Get-TlsgpoMachineId {
    $base = Open-TlsgpoBase @{ Hive = 'HKLM'; View = '64' }
    try {
        $key = $base.OpenSubKey('SOFTWARE\Microsoft\Cryptography', $false)
        if ($null -eq $key) { return '' }
        try { return [string]$key.GetValue('MachineGuid', '') } finally { $key.Close() }
    } finally {
        $base.Close()
    }
}

function Test-TlsgpoOwnBackup([hashtable] $Backup, [string] $MachineId) {
    if ($MachineId.Length -gt 0 -and $Backup.Machine.Length -gt 0) { return $Backup.Machine -eq $MachineId }
    return $Backup.Computer -eq $env:COMPUTERNAME
}

function Set-TlsgpoValue([hashtable] $Entry, [string] $Kind, $Data) {
    $base = Open-TlsgpoBase $Entry
    try {
        $key = $base.CreateSubKey($Entry.Key)
        try {
            $key.SetValue($Entry.Name, $Data, [Microsoft.Win32.RegistryValueKind]$Kind)
        } finally {
            $key.Close()
        }
    } finally {
        $base.Close()
    }
}

function Remove-TlsgpoValue([hashtable] $Entry) {
    $base = Open-TlsgpoBase $Entry
    try {
        $key = $base.OpenSubKey($Entry.Key, $true)
        if ($null -ne $key) {
            try { $key.DeleteValue($Entry.Name, $false) } finally { $key.Close() }
        }
    } finally {
        $base.Close()
    }
}

# Whether a value reads back as $Old (Kind, Data): byte for byte, and a
# list with as many strings (an empty one and one of an empty string have
# the same raw data).
function Test-TlsgpoRestored([hashtable] $Old, [hashtable] $Now) {
    if ($Now.State -ne 'present' -or $Now.Kind -ne $Old.Kind) { return $false }
    if ($Old.Kind -eq 'MultiString' -and @($Now.Data).Count -ne @($Old.Data).Count) { return $false }
    return (ConvertTo-TlsgpoRaw $Now) -eq (ConvertTo-TlsgpoRaw @{ Kind = $Old.Kind; Data = $Old.Data })
}

# The value's bytes as the registry holds them, in base64: exact for any
# data but a list's, whose strings are joined by NULs without the
# terminators, so that no bytes are an empty list or one empty string
# alike; its record adds the count then (New-TlsgpoBackup).
function ConvertTo-TlsgpoRaw([hashtable] $Current) {
    switch ($Current.Kind) {
        'DWord' { $bytes = [BitConverter]::GetBytes([int32]$Current.Data) }
        'QWord' { $bytes = [BitConverter]::GetBytes([int64]$Current.Data) }
        'MultiString' { $bytes = [Text.Encoding]::Unicode.GetBytes((@($Current.Data) -join "`0")) }
        'String' { $bytes = [Text.Encoding]::Unicode.GetBytes([string]$Current.Data) }
        'ExpandString' { $bytes = [Text.Encoding]::Unicode.GetBytes([string]$Current.Data) }
        default { $bytes = [byte[]]@($Current.Data) }
    }
    return [Convert]::ToBase64String($bytes)
}

# Arrays are returned with a leading comma, so that PowerShell does not
# unroll a string[] or byte[] into loose objects on the way out. $Count is
# a list's count when its record has one: no bytes are the empty list
# unless it says 1 (an older apply.ps1 wrote none, and both as no bytes).
function ConvertFrom-TlsgpoRaw([string] $Kind, [string] $Base64, [string] $Count) {
    $bytes = [Convert]::FromBase64String($Base64)
    switch ($Kind) {
        'DWord' { return [BitConverter]::ToInt32($bytes, 0) }
        'QWord' { return [BitConverter]::ToInt64($bytes, 0) }
        'MultiString' {
            if ($bytes.Length -eq 0 -and $Count -ne '1') { return ,([string[]]@()) }
            return ,([string[]]([Text.Encoding]::Unicode.GetString($bytes) -split "`0"))
        }
        'String' { return [Text.Encoding]::Unicode.GetString($bytes) }
        'ExpandString' { return [Text.Encoding]::Unicode.GetString($bytes) }
        default { return ,$bytes }
    }
}

# A value as reg.exe shows it (a backup written by apply.cmd).
function ConvertFrom-TlsgpoShown([string] $Type, [string] $Data) {
    switch ($Type) {
        # reg.exe prints 0x and hex digits; [int64]'0xffffffff' would be -1
        # in PowerShell 7, so the digits are read as hex, whatever the host.
        'REG_DWORD' { return @{ Kind = 'DWord'; Data = [BitConverter]::ToInt32([BitConverter]::GetBytes([Convert]::ToUInt32($Data.Substring(2), 16)), 0) } }
        'REG_QWORD' { return @{ Kind = 'QWord'; Data = [Convert]::ToInt64($Data.Substring(2), 16) } }
        'REG_SZ' { return @{ Kind = 'String'; Data = $Data } }
        'REG_EXPAND_SZ' { return @{ Kind = 'ExpandString'; Data = $Data } }
        'REG_MULTI_SZ' { return @{ Kind = 'MultiString'; Data = [string[]]($Data -split '\\0') } }
        'REG_BINARY' {
            $bytes = New-Object byte[] ($Data.Length / 2)
            for ($i = 0; $i -lt $bytes.Length; $i++) {
                $bytes[$i] = [Convert]::ToByte($Data.Substring(2 * $i, 2), 16)
            }
            return @{ Kind = 'Binary'; Data = $bytes }
        }
        default { throw ('cannot restore a value of type {0}' -f $Type) }
    }
}

# Whether reg.exe (rollback.cmd) can write the value back exactly from the
# text form in state.txt: numbers and binary always, strings only when
# printable ASCII with no double quote, no edge space, no final backslash.
function Test-TlsgpoCmdExact([hashtable] $Current) {
    switch ($Current.Kind) {
        'DWord' { return $true }
        'QWord' { return $true }
        'Binary' { return $true }
        'String' { $texts = @([string]$Current.Data) }
        'ExpandString' { $texts = @([string]$Current.Data) }
        'MultiString' { $texts = @($Current.Data) }
        default { return $false }
    }
    # reg.exe shows an empty list, and an empty string in one, as it shows
    # other lists: rollback.cmd could not tell them apart.
    if ($Current.Kind -eq 'MultiString' -and ($texts.Count -eq 0 -or $texts -contains '')) { return $false }
    foreach ($t in $texts) {
        if ($t -notmatch '\A[\x20-\x7E]*\z' -or $t.Contains('"') -or $t.EndsWith('\') -or
            $t.StartsWith(' ') -or $t.EndsWith(' ') -or $t.StartsWith('|')) {
            return $false
        }
        # reg.exe joins and splits REG_MULTI_SZ items at \0.
        if ($Current.Kind -eq 'MultiString' -and $t.Contains('\')) { return $false }
    }
    return $true
}

# A new numbered backup folder holding a .reg export of each key that
# holds values and, last, state.txt (ending in "end|N"); with $Own, all of
# it owned by Administrators (ProgramData's backups: see Set-TlsgpoOwner). The number is
# taken by renaming an empty private folder to the next free one: a rename
# onto an existing name fails, so two runs at once never share a number,
# and a failed backup removes only its own folder. state.txt is written
# through to the disk (write-through also flushes the file's metadata, its
# entry in the folder, with each write: Microsoft, "FlushFileBuffers"),
# after the rename, before any registry write: a power loss must not keep
# the changes and lose the backup, and a backup cut short has no end.
function New-TlsgpoBackup([string] $Root, [hashtable] $States, [string] $Writer, [bool] $Own) {
    $lines = New-Object System.Collections.Generic.List[string]
    $lines.Add(('# tlsgpo backup of policy {0} version {1}, written by {2}' -f $PolicyId, $PolicyVersion, $Writer))
    $lines.Add('format|2|apply.ps1')
    $lines.Add(('computer|{0}' -f $env:COMPUTERNAME))
    $lines.Add(('machine|{0}' -f (Get-TlsgpoMachineId)))
    $lines.Add(('plan|{0}' -f $PlanId))
    foreach ($entry in $Plan) {
        $state = $States[$entry.Index]
        if ($state.State -ne 'present') {
            $lines.Add(('value|{0}|absent' -f $entry.Index))
            continue
        }
        $shown = ((Format-TlsgpoShown $state) -replace '[\r\n]', ' ').Split(' ', 2)
        $lines.Add(('value|{0}|present|{1}|{2}' -f $entry.Index, $shown[0], $shown[1]))
        $raw = 'raw|{0}|{1}|{2}' -f $entry.Index, $state.Kind, (ConvertTo-TlsgpoRaw $state)
        if ($state.Kind -eq 'MultiString' -and $raw.EndsWith('|')) { $raw += '|{0}' -f @($state.Data).Count }
        $lines.Add($raw)
        if (-not (Test-TlsgpoCmdExact $state)) { $lines.Add(('exact|{0}' -f $entry.Index)) }
    }
    $exports = @()
    foreach ($entry in $PlanKeys) {
        $base = Open-TlsgpoBase $entry
        try {
            $key = $base.OpenSubKey($entry.Key, $false)
        } finally {
            $base.Close()
        }
        if ($null -eq $key) {
            $lines.Add(('key|{0}|absent' -f $entry.Index))
            continue
        }
        $key.Close()
        $lines.Add(('key|{0}|present' -f $entry.Index))
        if ($entry.HoldsValues) { $exports += $entry }
    }
    $lines.Add(('end|{0}' -f ($Plan.Count + $PlanKeys.Count)))
    $bytes = (New-Object Text.UTF8Encoding($false)).GetBytes((($lines.ToArray()) -join "`r`n") + "`r`n")

    [void][IO.Directory]::CreateDirectory($Root)
    $dir = Add-TlsgpoBackupFolder $Root $Own
    try {
        foreach ($entry in $exports) {
            # A convenience copy for people; rollback reads state.txt.
            Export-TlsgpoKey $entry ([IO.Path]::Combine($dir, ('key{0}.reg' -f $entry.Index)))
        }
        $stream = New-Object IO.FileStream([IO.Path]::Combine($dir, 'state.txt'), 'CreateNew', 'Write', 'None', 4096, 'WriteThrough')
        try {
            $stream.Write($bytes, 0, $bytes.Length)
            $stream.Flush($true)
        } finally {
            $stream.Close()
        }
        if ($Own) { foreach ($file in [IO.Directory]::GetFiles($dir)) { Set-TlsgpoOwner $file } }
        $complete = Read-TlsgpoBackup $dir
        if (-not $complete.Complete) { throw ('state.txt does not read back complete: {0}' -f $complete.Why) }
    } catch {
        if ([IO.Directory]::Exists($dir)) { [IO.Directory]::Delete($dir, $true) }
        throw
    }
    return $dir
}

# Root\<id>-<version>-<N> for the next free N: an empty private folder,
# renamed; $Own: given to Administrators first (ProgramData's folders).
function Add-TlsgpoBackupFolder([string] $Root, [bool] $Own) {
    $work = [IO.Path]::Combine($Root, ('.new-{0}' -f [guid]::NewGuid().ToString('N')))
    [void][IO.Directory]::CreateDirectory($work)
    try {
        if ($Own) { Set-TlsgpoOwner $work }
        $last = 0
        foreach ($b in (Get-TlsgpoBackups $Root)) { $last = $b.Number }
        for ($n = $last + 1; $n -le $last + 50; $n++) {
            $dir = [IO.Path]::Combine($Root, ('{0}-{1}-{2}' -f $PolicyId, $PolicyVersion, $n))
            if ([IO.Directory]::Exists($dir)) { continue }
            # A scanner or indexer can fail the rename for a moment: a few
            # more tries while $dir is free.
            for ($try = 1; ; $try++) {
                try {
                    [IO.Directory]::Move($work, $dir)
                    return $dir
                } catch {
                    if ([IO.Directory]::Exists($dir)) { break }
                    if ($try -ge 5) { throw }
                    Start-Sleep -Milliseconds 300
                }
            }
        }
        throw 'no free backup number'
    } catch {
        if ([IO.Directory]::Exists($work)) { [IO.Directory]::Delete($work, $true) }
        throw
    }
}

# After a new backup: keeps the newest $Keep usable backups of this
# computer, everything newer than the oldest of them, and the one rollback
# would restore (the oldest usable one not yet restored: the state before
# the policy); removes the rest. Returns what it could not remove.
function Remove-TlsgpoOldBackups([string] $Root, [int] $Keep, [hashtable] $Untrusted) {
    $machine = Get-TlsgpoMachineId
    # (Get-TlsgpoBackups returns its array whole: no @() around it.)
    $all = Get-TlsgpoBackups $Root
    $usable = @{}
    $pick = $null
    foreach ($b in $all) {
        $read = Read-TlsgpoBackup $b.Path
        # (A folder the ACL check failed is rollback's to pass over: not
        # counted, not kept for it.)
        $own = (Test-TlsgpoOwnBackup $read $machine) -and -not $Untrusted.ContainsKey([IO.Path]::GetFileName($b.Path))
        $usable[$b.Number] = $read.Complete -and $own
        # (A damaged one is rollback's too: it stops there, and is kept.)
        if ($null -eq $pick -and $own -and ($read.Complete -or $read.Damaged.Length -gt 0) -and -not $read.Restored) { $pick = $b.Number }
    }
    $count = 0
    $cut = $null
    for ($i = $all.Count - 1; $i -ge 0; $i--) {
        if ($usable[$all[$i].Number]) { $count++ }
        if ($count -eq $Keep) { $cut = $all[$i].Number; break }
    }
    $left = @()
    if ($null -eq $cut) { return ,$left }
    foreach ($b in $all) {
        if ($b.Number -ge $cut -or $b.Number -eq $pick) { continue }
        try { [IO.Directory]::Delete($b.Path, $true) } catch { $left += $b.Path }
    }
    return ,$left
}

# ---- End of the part the three scripts share. -----------------------------


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
