@echo off
rem apply.cmd: written by tlsgpo 0.1.0 for policy server-hardening, version 1.0.
rem
rem Sets the policy's 28 registry values (both registry views) with reg.exe,
rem after recording the prior state of every one of them in a new backup
rem folder, which rollback.cmd restores exactly. A second run changes nothing.
rem
rem usage: apply.cmd [/backupdir DIR] [/skipprereq]
rem   /backupdir DIR  keep backups in DIR (default: the backup folder beside
rem                   this script), each as DIR\server-hardening-1.0-N
rem   /skipprereq     do not check for KB 3140245 or a TLS 1.3 capable OS
rem
rem Exit codes: 0 applied, or nothing to do; 2 usage error, or not run as
rem Administrator; 3 a prerequisite is missing; 4 the backup could not be
rem written (nothing was changed); 5 a value could not be written.
setlocal EnableExtensions DisableDelayedExpansion
set "REG=%SystemRoot%\System32\reg.exe"
set "TLSGPO_ID=server-hardening"
set "TLSGPO_VERSION=1.0"
set "OP_COUNT=28"
set "KEY_COUNT=25"
set "BACKUP_ROOT=%~dp0backup"
set "SKIP_PREREQ=0"

:args
if "%~1"=="" goto args_done
if /i "%~1"=="/skipprereq" (
	set "SKIP_PREREQ=1"
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
>&2 echo usage: apply.cmd [/backupdir DIR] [/skipprereq]
exit /b 2
:args_done

echo apply.cmd: policy Server hardening ^(TLS 1.2, SCHANNEL^) ^(id server-hardening, version 1.0^)
call :elevated
if not errorlevel 1 goto elevated_ok
>&2 echo apply.cmd: run this script as Administrator: it writes to HKLM.
exit /b 2
:elevated_ok

set "OS_BUILD=0"
for /f "tokens=3" %%a in ('%REG% query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion" /v CurrentBuildNumber 2^>nul') do set "OS_BUILD=%%a"
if "%SKIP_PREREQ%"=="1" goto prereq_done
if not "0"=="1" goto kb_done
if %OS_BUILD% LSS 7601 goto kb_done
if %OS_BUILD% GTR 9200 goto kb_done
%REG% query "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages" 2>nul | "%SystemRoot%\System32\find.exe" "KB3140245" >nul
if not errorlevel 1 goto kb_done
>&2 echo apply.cmd: Windows build %OS_BUILD% is Windows 7 SP1, Server 2008 R2 SP1 or Server 2012:
>&2 echo apply.cmd: WinHTTP reads DefaultSecureProtocols only once KB 3140245 is installed.
>&2 echo apply.cmd: install KB 3140245 first; Microsoft's Easy Fix MicrosoftEasyFix51044.msi
>&2 echo apply.cmd: also sets the value. Nothing was changed. /skipprereq skips this check.
exit /b 3
:kb_done
if not "0"=="1" goto prereq_done
if %OS_BUILD% GEQ 20348 goto prereq_done
>&2 echo apply.cmd: this policy turns TLS 1.3 on, but this is Windows build %OS_BUILD%;
>&2 echo apply.cmd: TLS 1.3 needs Windows 11 or Server 2022, build 20348, or later. Nothing was changed.
exit /b 3
:prereq_done

set "TODO=0"
for /l %%i in (1,1,%OP_COUNT%) do call :count_todo %%i
if not "%TODO%"=="0" goto changes
for /l %%i in (1,1,%OP_COUNT%) do call :show_unchanged %%i
echo apply.cmd: all %OP_COUNT% values already have the policy's data: nothing changed.
exit /b 0
:changes

call :new_backup
if not errorlevel 1 goto backup_made
if defined BK rd /s /q "%BK%" >nul 2>&1
>&2 echo apply.cmd: cannot write a backup under "%BACKUP_ROOT%"; nothing was changed.
exit /b 4
:backup_made
echo apply.cmd: prior state saved in "%BK%"

set "FAILED=0"
for /l %%i in (1,1,%OP_COUNT%) do call :apply_one %%i
echo apply.cmd: restart Windows so that WinHTTP, WinINet, .NET and SCHANNEL read the new values.
if "%FAILED%"=="0" exit /b 0
>&2 echo apply.cmd: %FAILED% values could not be written; rollback.cmd undoes the others.
exit /b 5

:count_todo
call :op_%1
call :query "%OP_KEY%" "%OP_VIEW%" "%OP_NAME%"
call :same
rem In a .cmd file SET resets ERRORLEVEL: test it first.
if errorlevel 1 goto count_todo_differs
set "SAME_%1=1"
exit /b 0
:count_todo_differs
set "SAME_%1=0"
set /a TODO+=1
exit /b 0

:show_unchanged
call :op_%1
echo unchanged  %OP_LABEL%: %OP_TYPE% %OP_DATA%
exit /b 0

rem :apply_one N: the "before" printed comes from the backup just written.
:apply_one
call :op_%1
setlocal EnableDelayedExpansion
if "!SAME_%1!"=="1" (
	endlocal
	goto show_unchanged
)
endlocal
for /f "usebackq eol=# tokens=1-4,* delims=|" %%a in ("%BK%\state.txt") do (
	if "%%a|%%b|%%c"=="value|%1|absent" echo changed    %OP_LABEL%: absent, set to %OP_TYPE% %OP_DATA%
	if "%%a|%%b|%%c"=="value|%1|present" echo changed    %OP_LABEL%: %%d %%e, set to %OP_TYPE% %OP_DATA%
)
%REG% add "%OP_KEY%" /v "%OP_NAME%" /t %OP_TYPE% /d %OP_DATA% /f %OP_VIEW% >nul 2>&1
if not errorlevel 1 exit /b 0
rem One more try: a write can fail for a moment (a scanner holding the key).
%REG% add "%OP_KEY%" /v "%OP_NAME%" /t %OP_TYPE% /d %OP_DATA% /f %OP_VIEW% >nul 2>&1
if errorlevel 1 goto apply_one_failed
echo            %OP_LABEL%: written at the second attempt
exit /b 0
:apply_one_failed
set /a FAILED+=1
>&2 echo FAILED     %OP_LABEL%: reg add did not succeed
exit /b 0

rem :new_backup: a new numbered folder BK with state.txt and .reg exports.
:new_backup
if not exist "%BACKUP_ROOT%\" mkdir "%BACKUP_ROOT%" >nul 2>&1
set "BK_N=0"
:new_backup_next
set /a BK_N+=1
set "BK=%BACKUP_ROOT%\%TLSGPO_ID%-%TLSGPO_VERSION%-%BK_N%"
if exist "%BK%\" goto new_backup_next
mkdir "%BK%" >nul 2>&1
if errorlevel 1 exit /b 1
> "%BK%\state.txt" echo # tlsgpo backup of policy %TLSGPO_ID% version %TLSGPO_VERSION%, written by apply.cmd
if errorlevel 1 exit /b 1
set "BK_FAIL=0"
for /l %%i in (1,1,%OP_COUNT%) do call :record_value %%i
for /l %%i in (1,1,%KEY_COUNT%) do call :record_key %%i
if not exist "%BK%\state.txt" exit /b 1
if "%BK_FAIL%"=="1" exit /b 1
exit /b 0

:record_value
rem A backup that misses a value, or calls a present value absent, would
rem make rollback wrong: absence is read twice, and every record is read
rem back from the file before the backup counts.
call :op_%1
set "REC_TRY=0"
:record_value_again
set /a REC_TRY+=1
call :query "%OP_KEY%" "%OP_VIEW%" "%OP_NAME%"
if "%Q_STATE%"=="present" goto record_present
call :query "%OP_KEY%" "%OP_VIEW%" "%OP_NAME%"
if "%Q_STATE%"=="present" goto record_present
>> "%BK%\state.txt" echo value^|%1^|absent
goto record_value_check
:record_present
rem The data goes from reg.exe's output to the file as a for variable:
rem never parsed, never expanded.
for /f "tokens=1,2,*" %%a in ('%REG% query "%OP_KEY%" /v "%OP_NAME%" %OP_VIEW% 2^>nul') do (
	if /i "%%a"=="%OP_NAME%" >> "%BK%\state.txt" echo value^|%1^|present^|%%b^|%%c
)
:record_value_check
set "REC_FOUND=0"
for /f "usebackq eol=# tokens=1,2 delims=|" %%a in ("%BK%\state.txt") do (
	if "%%a|%%b"=="value|%1" set "REC_FOUND=1"
)
if "%REC_FOUND%"=="1" exit /b 0
if %REC_TRY% LSS 2 goto record_value_again
set "BK_FAIL=1"
exit /b 0

:record_key
call :key_%1
%REG% query "%K_PATH%" %K_VIEW% >nul 2>&1
if not errorlevel 1 goto record_key_present
%REG% query "%K_PATH%" %K_VIEW% >nul 2>&1
if not errorlevel 1 goto record_key_present
>> "%BK%\state.txt" echo key^|%1^|absent
exit /b 0
:record_key_present
>> "%BK%\state.txt" echo key^|%1^|present
if "%K_HOLDS%"=="1" %REG% export "%K_PATH%" "%BK%\key%1.reg" /y %K_VIEW% >nul 2>&1
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


