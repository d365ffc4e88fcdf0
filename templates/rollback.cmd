@echo off
rem rollback.cmd: written by tlsgpo @TOOL_VERSION@ for policy @ID@, version @VERSION@.
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
set "TLSGPO_ID=@ID@"
set "TLSGPO_VERSION=@VERSION@"
set "OP_COUNT=@OP_COUNT@"
set "KEY_COUNT=@KEY_COUNT@"
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

echo rollback.cmd: policy @POLICY_ECHO@
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

@COMMON@
