@echo off
rem detect.cmd: written by tlsgpo 0.1.0 for policy win11-tls12-tls13, version 2.0.
rem
rem Compares this machine with the policy, one line per value on stdout:
rem ok, missing, wrong value or wrong type. Changes nothing; needs no
rem elevation. Usable as an Intune remediation detection script, with
rem apply.cmd as the remediation script.
rem
rem Exit codes: 0 compliant; 1 drift (needs remediation); 2 usage error.
setlocal EnableExtensions DisableDelayedExpansion
set "REG=%SystemRoot%\System32\reg.exe"
set "OP_COUNT=23"
if not "%~1"=="" (
	>&2 echo usage: detect.cmd
	exit /b 2
)
echo detect.cmd: policy Windows 11 TLS 1.2 + 1.3 ^(id win11-tls12-tls13, version 2.0^)
set "DRIFT=0"
for /l %%i in (1,1,%OP_COUNT%) do call :check_one %%i
if "%DRIFT%"=="0" (
	echo detect.cmd: compliant: all %OP_COUNT% values match the policy.
	exit /b 0
)
echo detect.cmd: drift: %DRIFT% of %OP_COUNT% values differ from the policy.
exit /b 1

:check_one
call :op_%1
call :query "%OP_KEY%" "%OP_VIEW%" "%OP_NAME%"
call :same
if errorlevel 1 goto check_one_drift
echo ok          %OP_LABEL%: %OP_TYPE% %OP_DATA%
exit /b 0
:check_one_drift
set /a DRIFT+=1
if "%Q_STATE%"=="absent" (
	echo missing     %OP_LABEL%: absent, policy wants %OP_TYPE% %OP_DATA%
	exit /b 0
)
if /i not "%Q_TYPE%"=="%OP_TYPE%" (
	call :show "wrong type " ", policy wants %OP_TYPE% %OP_DATA%"
	exit /b 0
)
call :show "wrong value" ", policy wants %OP_TYPE% %OP_DATA%"
exit /b 0

rem ---- Shared by apply.cmd, rollback.cmd and detect.cmd ---------------------

rem :query KEY VIEW NAME: Q_STATE (absent or present), Q_TYPE, Q_DATA.
:query
set "Q_STATE=absent"
set "Q_TYPE="
set "Q_DATA="
for /f "tokens=1,2,*" %%a in ('%REG% query "%~1" /v "%~3" %~2 2^>nul') do (
	if /i "%%a"=="%~3" (
		set "Q_STATE=present"
		set "Q_TYPE=%%b"
		set "Q_DATA=%%c"
	)
)
exit /b 0

rem :same: errorlevel 0 when the queried value is what operation OP_* sets.
:same
if not "%Q_STATE%"=="present" exit /b 1
if /i not "%Q_TYPE%"=="%OP_TYPE%" exit /b 1
set /a "SAME_A=%Q_DATA%" >nul 2>&1
set /a "SAME_B=%OP_DATA%"
if not "%SAME_A%"=="%SAME_B%" exit /b 1
exit /b 0

rem :show WORD [AFTER]: prints "WORD LABEL: BEFORE AFTER", BEFORE being the
rem value as reg.exe reads it now. The data is printed as a for variable, so
rem no character in it is parsed or expanded.
:show
if "%Q_STATE%"=="present" goto show_present
echo %~1 %OP_LABEL%: absent%~2
exit /b 0
:show_present
for /f "tokens=1,2,*" %%a in ('%REG% query "%OP_KEY%" /v "%OP_NAME%" %OP_VIEW% 2^>nul') do (
	if /i "%%a"=="%OP_NAME%" echo %~1 %OP_LABEL%: %%b %%c%~2
)
exit /b 0

rem :key_is_empty: errorlevel 0 when key K_* exists and holds nothing: no
rem value but an unset (Default), no subkey. reg.exe lists the key itself
rem and its subkeys as HKEY_... lines, values indented.
:key_is_empty
%REG% query "%K_PATH%" %K_VIEW% >nul 2>&1
if errorlevel 1 exit /b 1
set "KE_KEYS=0"
set "KE_VALUES=0"
for /f "tokens=1" %%l in ('%REG% query "%K_PATH%" %K_VIEW% 2^>nul') do (
	if not "%%l"=="(Default)" call :key_line "%%l"
)
if not "%KE_VALUES%"=="0" exit /b 1
if %KE_KEYS% GTR 1 exit /b 1
exit /b 0
:key_line
set "KE_LINE=%~1"
if "%KE_LINE:~0,5%"=="HKEY_" (
	set /a KE_KEYS+=1
) else (
	set /a KE_VALUES+=1
)
exit /b 0

rem :elevated: errorlevel 0 when running as Administrator.
:elevated
"%SystemRoot%\System32\net.exe" session >nul 2>&1
exit /b %errorlevel%

rem ---- The registry plan: one label per value, one per key -----------------
:op_1
set "OP_KEY=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp"
set "OP_VIEW=/reg:64"
set "OP_NAME=DefaultSecureProtocols"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00002800"
set "OP_LABEL=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp [64-bit] DefaultSecureProtocols"
exit /b 0
:op_2
set "OP_KEY=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp"
set "OP_VIEW=/reg:32"
set "OP_NAME=DefaultSecureProtocols"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00002800"
set "OP_LABEL=HKLM\SOFTWARE\Wow6432Node\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp [32-bit] DefaultSecureProtocols"
exit /b 0
:op_3
set "OP_KEY=HKLM\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings"
set "OP_VIEW="
set "OP_NAME=SecureProtocols"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00002800"
set "OP_LABEL=HKLM\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings [shared] SecureProtocols"
exit /b 0
:op_4
set "OP_KEY=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319"
set "OP_VIEW=/reg:64"
set "OP_NAME=SchUseStrongCrypto"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [64-bit] SchUseStrongCrypto"
exit /b 0
:op_5
set "OP_KEY=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319"
set "OP_VIEW=/reg:64"
set "OP_NAME=SystemDefaultTlsVersions"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [64-bit] SystemDefaultTlsVersions"
exit /b 0
:op_6
set "OP_KEY=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319"
set "OP_VIEW=/reg:32"
set "OP_NAME=SchUseStrongCrypto"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319 [32-bit] SchUseStrongCrypto"
exit /b 0
:op_7
set "OP_KEY=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319"
set "OP_VIEW=/reg:32"
set "OP_NAME=SystemDefaultTlsVersions"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319 [32-bit] SystemDefaultTlsVersions"
exit /b 0
:op_8
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client [shared] Enabled"
exit /b 0
:op_9
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client [shared] DisabledByDefault"
exit /b 0
:op_10
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server [shared] Enabled"
exit /b 0
:op_11
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server [shared] DisabledByDefault"
exit /b 0
:op_12
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client [shared] Enabled"
exit /b 0
:op_13
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client [shared] DisabledByDefault"
exit /b 0
:op_14
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server [shared] Enabled"
exit /b 0
:op_15
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server [shared] DisabledByDefault"
exit /b 0
:op_16
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client [shared] Enabled"
exit /b 0
:op_17
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client [shared] DisabledByDefault"
exit /b 0
:op_18
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server [shared] Enabled"
exit /b 0
:op_19
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server [shared] DisabledByDefault"
exit /b 0
:op_20
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client [shared] Enabled"
exit /b 0
:op_21
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client [shared] DisabledByDefault"
exit /b 0
:op_22
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server [shared] Enabled"
exit /b 0
:op_23
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server [shared] DisabledByDefault"
exit /b 0

:key_1
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client [shared]"
exit /b 0
:key_2
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server [shared]"
exit /b 0
:key_3
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client [shared]"
exit /b 0
:key_4
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server [shared]"
exit /b 0
:key_5
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client [shared]"
exit /b 0
:key_6
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server [shared]"
exit /b 0
:key_7
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client [shared]"
exit /b 0
:key_8
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server [shared]"
exit /b 0
:key_9
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0 [shared]"
exit /b 0
:key_10
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1 [shared]"
exit /b 0
:key_11
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2 [shared]"
exit /b 0
:key_12
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3 [shared]"
exit /b 0
:key_13
set "K_PATH=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp"
set "K_VIEW=/reg:64"
set "K_HOLDS=1"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp [64-bit]"
exit /b 0
:key_14
set "K_PATH=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp"
set "K_VIEW=/reg:32"
set "K_HOLDS=1"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\WinHttp [32-bit]"
exit /b 0
:key_15
set "K_PATH=HKLM\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings [shared]"
exit /b 0
:key_16
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols [shared]"
exit /b 0
:key_17
set "K_PATH=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings"
set "K_VIEW=/reg:64"
set "K_HOLDS=0"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings [64-bit]"
exit /b 0
:key_18
set "K_PATH=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings"
set "K_VIEW=/reg:32"
set "K_HOLDS=0"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings [32-bit]"
exit /b 0
:key_19
set "K_PATH=HKLM\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion [shared]"
exit /b 0
:key_20
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL [shared]"
exit /b 0
:key_21
set "K_PATH=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion"
set "K_VIEW=/reg:64"
set "K_HOLDS=0"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion [64-bit]"
exit /b 0
:key_22
set "K_PATH=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion"
set "K_VIEW=/reg:32"
set "K_HOLDS=0"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion [32-bit]"
exit /b 0
:key_23
set "K_PATH=HKLM\SOFTWARE\Policies\Microsoft\Windows"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SOFTWARE\Policies\Microsoft\Windows [shared]"
exit /b 0
:key_24
set "K_PATH=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319"
set "K_VIEW=/reg:64"
set "K_HOLDS=1"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [64-bit]"
exit /b 0
:key_25
set "K_PATH=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319"
set "K_VIEW=/reg:32"
set "K_HOLDS=1"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [32-bit]"
exit /b 0
:key_26
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders [shared]"
exit /b 0
:key_27
set "K_PATH=HKLM\SOFTWARE\Microsoft\Windows"
set "K_VIEW=/reg:64"
set "K_HOLDS=0"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\Windows [64-bit]"
exit /b 0
:key_28
set "K_PATH=HKLM\SOFTWARE\Microsoft\Windows"
set "K_VIEW=/reg:32"
set "K_HOLDS=0"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\Windows [32-bit]"
exit /b 0
:key_29
set "K_PATH=HKLM\SOFTWARE\Policies\Microsoft"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SOFTWARE\Policies\Microsoft [shared]"
exit /b 0
:key_30
set "K_PATH=HKLM\SOFTWARE\Microsoft\.NETFramework"
set "K_VIEW=/reg:64"
set "K_HOLDS=0"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework [64-bit]"
exit /b 0
:key_31
set "K_PATH=HKLM\SOFTWARE\Microsoft\.NETFramework"
set "K_VIEW=/reg:32"
set "K_HOLDS=0"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework [32-bit]"
exit /b 0
:key_32
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control [shared]"
exit /b 0


