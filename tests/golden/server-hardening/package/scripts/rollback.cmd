@echo off
rem rollback.cmd: written by tlsgpo 0.1.0 for policy server-hardening, version 1.0.
rem
rem Restores the state apply.cmd recorded before it first changed anything:
rem a value that was absent is deleted, one that existed gets its old type
rem and data back, and keys apply.cmd created are removed once empty.
rem Without a backup it refuses, unless /force, which deletes the values the
rem policy sets instead (the static inverse, as reg\rollback.reg does).
rem
rem usage: rollback.cmd [/backupdir DIR] [/force]
rem
rem Exit codes: 0 restored; 2 usage error, or not run as Administrator;
rem 3 no backup to restore (and no /force); 5 a value could not be restored.
rem String data is restored with reg.exe, which cannot take a double quote,
rem or a trailing backslash, inside it; rollback.ps1 restores any data.
setlocal EnableExtensions DisableDelayedExpansion
set "REG=%SystemRoot%\System32\reg.exe"
set "TLSGPO_ID=server-hardening"
set "TLSGPO_VERSION=1.0"
set "OP_COUNT=28"
set "KEY_COUNT=25"
set "BACKUP_ROOT=%~dp0backup"
set "FORCE=0"

:args
if "%~1"=="" goto args_done
if /i "%~1"=="/force" (
	set "FORCE=1"
	shift
	goto args
)
if /i not "%~1"=="/backupdir" goto usage
if "%~2"=="" goto usage
set "BACKUP_ROOT=%~2"
shift
shift
goto args
:usage
>&2 echo usage: rollback.cmd [/backupdir DIR] [/force]
exit /b 2
:args_done

echo rollback.cmd: policy Server hardening ^(TLS 1.2, SCHANNEL^) ^(id server-hardening, version 1.0^)
call :elevated
if not errorlevel 1 goto elevated_ok
>&2 echo rollback.cmd: run this script as Administrator: it writes to HKLM.
exit /b 2
:elevated_ok

rem The oldest backup not yet restored holds the state before the policy.
set "BK="
set "BK_N=0"
:find_next
set /a BK_N+=1
set "CAND=%BACKUP_ROOT%\%TLSGPO_ID%-%TLSGPO_VERSION%-%BK_N%"
if not exist "%CAND%\state.txt" goto find_done
if exist "%CAND%\restored.txt" goto find_next
if not defined BK set "BK=%CAND%"
goto find_next
:find_done
if defined BK goto restore
if "%FORCE%"=="1" goto static_inverse
>&2 echo rollback.cmd: no backup of policy %TLSGPO_ID% version %TLSGPO_VERSION% under "%BACKUP_ROOT%".
>&2 echo rollback.cmd: nothing was changed. /force deletes the policy's values instead.
exit /b 3

:static_inverse
echo rollback.cmd: no backup found: /force deletes the %OP_COUNT% values the policy sets.
set "FAILED=0"
for /l %%i in (1,1,%OP_COUNT%) do call :delete_one %%i
goto finish

:restore
echo rollback.cmd: restoring "%BK%"
set "FAILED=0"
for /f "usebackq eol=# tokens=1-3 delims=|" %%a in ("%BK%\state.txt") do (
	set "R_KIND=%%a"
	set "R_IDX=%%b"
	set "R_STATE=%%c"
	call :restore_value
)
for /f "usebackq eol=# tokens=1-3 delims=|" %%a in ("%BK%\state.txt") do (
	if "%%a|%%c"=="key|absent" call :remove_key %%b
)
if not "%FAILED%"=="0" goto finish
rem Every backup up to now is restored by this one.
set "BK_N=0"
:mark_next
set /a BK_N+=1
set "CAND=%BACKUP_ROOT%\%TLSGPO_ID%-%TLSGPO_VERSION%-%BK_N%"
if not exist "%CAND%\state.txt" goto finish
if not exist "%CAND%\restored.txt" > "%CAND%\restored.txt" echo restored by rollback.cmd from "%BK%"
goto mark_next

:finish
echo rollback.cmd: restart Windows so that WinHTTP, WinINet, .NET and SCHANNEL read the values.
if "%FAILED%"=="0" exit /b 0
>&2 echo rollback.cmd: %FAILED% values could not be restored.
exit /b 5

:restore_value
if not "%R_KIND%"=="value" exit /b 0
call :op_%R_IDX%
if "%R_STATE%"=="present" goto restore_present
%REG% delete "%OP_KEY%" /v "%OP_NAME%" /f %OP_VIEW% >nul 2>&1
call :query "%OP_KEY%" "%OP_VIEW%" "%OP_NAME%"
if not "%Q_STATE%"=="present" goto restore_deleted
%REG% delete "%OP_KEY%" /v "%OP_NAME%" /f %OP_VIEW% >nul 2>&1
call :query "%OP_KEY%" "%OP_VIEW%" "%OP_NAME%"
if "%Q_STATE%"=="present" goto restore_failed
:restore_deleted
echo deleted    %OP_LABEL%: absent, as before apply
exit /b 0
:restore_present
rem Read the data again as a for variable: never parsed, never expanded.
rem (Wine's cmd sets || wrongly after a redirected command: check by query.)
rem A failed write or read is tried once more, as apply.cmd does.
set "R_TRY=0"
:restore_present_again
set /a R_TRY+=1
set "R_TYPE="
for /f "usebackq eol=# tokens=1-4,* delims=|" %%a in ("%BK%\state.txt") do (
	if "%%a|%%b|%%c"=="value|%R_IDX%|present" (
		set "R_TYPE=%%d"
		%REG% add "%OP_KEY%" /v "%OP_NAME%" /t %%d /d "%%e" /f %OP_VIEW% >nul 2>&1
		echo restored   %OP_LABEL%: %%d %%e
	)
)
call :query "%OP_KEY%" "%OP_VIEW%" "%OP_NAME%"
if not "%Q_STATE%"=="present" goto restore_present_retry
if /i "%Q_TYPE%"=="%R_TYPE%" exit /b 0
:restore_present_retry
if %R_TRY% LSS 2 goto restore_present_again
goto restore_failed
:restore_failed
set /a FAILED+=1
>&2 echo FAILED     %OP_LABEL%: could not restore it
exit /b 0

:delete_one
call :op_%1
%REG% delete "%OP_KEY%" /v "%OP_NAME%" /f %OP_VIEW% >nul 2>&1
call :query "%OP_KEY%" "%OP_VIEW%" "%OP_NAME%"
if "%Q_STATE%"=="present" goto restore_failed
echo deleted    %OP_LABEL%
exit /b 0

:remove_key
call :key_%1
call :key_is_empty
if errorlevel 1 exit /b 0
%REG% delete "%K_PATH%" /f %K_VIEW% >nul 2>&1
echo removed    key %K_LABEL%: apply created it and it is empty
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
set "OP_KEY=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319"
set "OP_VIEW=/reg:64"
set "OP_NAME=SchUseStrongCrypto"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [64-bit] SchUseStrongCrypto"
exit /b 0
:op_2
set "OP_KEY=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319"
set "OP_VIEW=/reg:64"
set "OP_NAME=SystemDefaultTlsVersions"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [64-bit] SystemDefaultTlsVersions"
exit /b 0
:op_3
set "OP_KEY=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319"
set "OP_VIEW=/reg:32"
set "OP_NAME=SchUseStrongCrypto"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319 [32-bit] SchUseStrongCrypto"
exit /b 0
:op_4
set "OP_KEY=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319"
set "OP_VIEW=/reg:32"
set "OP_NAME=SystemDefaultTlsVersions"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v4.0.30319 [32-bit] SystemDefaultTlsVersions"
exit /b 0
:op_5
set "OP_KEY=HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727"
set "OP_VIEW=/reg:64"
set "OP_NAME=SchUseStrongCrypto"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727 [64-bit] SchUseStrongCrypto"
exit /b 0
:op_6
set "OP_KEY=HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727"
set "OP_VIEW=/reg:64"
set "OP_NAME=SystemDefaultTlsVersions"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727 [64-bit] SystemDefaultTlsVersions"
exit /b 0
:op_7
set "OP_KEY=HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727"
set "OP_VIEW=/reg:32"
set "OP_NAME=SchUseStrongCrypto"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v2.0.50727 [32-bit] SchUseStrongCrypto"
exit /b 0
:op_8
set "OP_KEY=HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727"
set "OP_VIEW=/reg:32"
set "OP_NAME=SystemDefaultTlsVersions"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SOFTWARE\Wow6432Node\Microsoft\.NETFramework\v2.0.50727 [32-bit] SystemDefaultTlsVersions"
exit /b 0
:op_9
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client [shared] Enabled"
exit /b 0
:op_10
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client [shared] DisabledByDefault"
exit /b 0
:op_11
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server [shared] Enabled"
exit /b 0
:op_12
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server [shared] DisabledByDefault"
exit /b 0
:op_13
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client [shared] Enabled"
exit /b 0
:op_14
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client [shared] DisabledByDefault"
exit /b 0
:op_15
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server [shared] Enabled"
exit /b 0
:op_16
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server [shared] DisabledByDefault"
exit /b 0
:op_17
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client [shared] Enabled"
exit /b 0
:op_18
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client [shared] DisabledByDefault"
exit /b 0
:op_19
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server [shared] Enabled"
exit /b 0
:op_20
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server [shared] DisabledByDefault"
exit /b 0
:op_21
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client [shared] Enabled"
exit /b 0
:op_22
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client [shared] DisabledByDefault"
exit /b 0
:op_23
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server [shared] Enabled"
exit /b 0
:op_24
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server [shared] DisabledByDefault"
exit /b 0
:op_25
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client [shared] Enabled"
exit /b 0
:op_26
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client [shared] DisabledByDefault"
exit /b 0
:op_27
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server"
set "OP_VIEW="
set "OP_NAME=Enabled"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000001"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server [shared] Enabled"
exit /b 0
:op_28
set "OP_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server"
set "OP_VIEW="
set "OP_NAME=DisabledByDefault"
set "OP_TYPE=REG_DWORD"
set "OP_DATA=0x00000000"
set "OP_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server [shared] DisabledByDefault"
exit /b 0

:key_1
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client [shared]"
exit /b 0
:key_2
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server [shared]"
exit /b 0
:key_3
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client [shared]"
exit /b 0
:key_4
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server [shared]"
exit /b 0
:key_5
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client [shared]"
exit /b 0
:key_6
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server [shared]"
exit /b 0
:key_7
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client [shared]"
exit /b 0
:key_8
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server [shared]"
exit /b 0
:key_9
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client [shared]"
exit /b 0
:key_10
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server"
set "K_VIEW="
set "K_HOLDS=1"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server [shared]"
exit /b 0
:key_11
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0 [shared]"
exit /b 0
:key_12
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0 [shared]"
exit /b 0
:key_13
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0 [shared]"
exit /b 0
:key_14
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1 [shared]"
exit /b 0
:key_15
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2 [shared]"
exit /b 0
:key_16
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols [shared]"
exit /b 0
:key_17
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL [shared]"
exit /b 0
:key_18
set "K_PATH=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319"
set "K_VIEW=/reg:64"
set "K_HOLDS=1"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [64-bit]"
exit /b 0
:key_19
set "K_PATH=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319"
set "K_VIEW=/reg:32"
set "K_HOLDS=1"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework\v4.0.30319 [32-bit]"
exit /b 0
:key_20
set "K_PATH=HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727"
set "K_VIEW=/reg:64"
set "K_HOLDS=1"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727 [64-bit]"
exit /b 0
:key_21
set "K_PATH=HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727"
set "K_VIEW=/reg:32"
set "K_HOLDS=1"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework\v2.0.50727 [32-bit]"
exit /b 0
:key_22
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders [shared]"
exit /b 0
:key_23
set "K_PATH=HKLM\SOFTWARE\Microsoft\.NETFramework"
set "K_VIEW=/reg:64"
set "K_HOLDS=0"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework [64-bit]"
exit /b 0
:key_24
set "K_PATH=HKLM\SOFTWARE\Microsoft\.NETFramework"
set "K_VIEW=/reg:32"
set "K_HOLDS=0"
set "K_LABEL=HKLM\SOFTWARE\Microsoft\.NETFramework [32-bit]"
exit /b 0
:key_25
set "K_PATH=HKLM\SYSTEM\CurrentControlSet\Control"
set "K_VIEW="
set "K_HOLDS=0"
set "K_LABEL=HKLM\SYSTEM\CurrentControlSet\Control [shared]"
exit /b 0


