@echo off
rem rollback.cmd: written by tlsgpo @TOOL_VERSION@ for policy @ID@, version @VERSION@.
rem
rem Restores the state apply.cmd or apply.ps1 recorded before it first
rem changed anything: a value that was absent is deleted, one that existed
rem gets its old type and data back, and keys apply created are removed once
rem they hold nothing. It uses the oldest complete backup of this computer
rem not yet restored; a backup cut short (an interrupted apply) is skipped
rem with a warning, a backup made on another computer is refused. Without a
rem backup it refuses, unless /force, which deletes the values the policy
rem sets instead (the static inverse, as reg\rollback.reg does).
rem
rem usage: rollback.cmd [/backupdir DIR] [/force] [/signalrestart]
rem   /backupdir DIR  where apply kept its backups (default:
rem                   %ProgramData%\tlsgpo\@ID@)
rem   /signalrestart  exit 3010 instead of 0 when values were restored:
rem                   "done, restart needed" to ConfigMgr and Intune Win32
rem                   apps (not the default: Intune Remediations and GPO
rem                   scripts read any code but 0 as a failure)
rem
rem Exit codes: 0 restored (3010 with /signalrestart), or every backup
rem restored already; 2 usage error,
rem not run elevated, or HKCU values as SYSTEM; 3 no backup of this computer
rem to restore (and no /force), one only rollback.ps1 restores exactly, or
rem backups under ProgramData that someone other than SYSTEM and
rem Administrators could have changed (or powershell.exe, which checks who
rem may, did not run); 5 a value could not be restored, or a key apply created could not be
rem removed (run it again); 6 reg.exe could not read the keys, or no work
rem folder (nothing was changed).
rem String data is restored with reg.exe as it printed it: leading spaces,
rem a double quote, a trailing backslash and characters outside the console
rem code page do not survive that; rollback.ps1 restores any data.
setlocal EnableExtensions DisableDelayedExpansion
set "REG=%SystemRoot%\System32\reg.exe"
set "TLSGPO_ID=@ID@"
set "TLSGPO_VERSION=@VERSION@"
set "TLSGPO_PLAN=@PLAN_ID@"
set "OP_COUNT=@OP_COUNT@"
set "KEY_COUNT=@KEY_COUNT@"
rem Backups: ProgramData, or for a policy with HKCU values the user's own
rem LocalAppData (one user's rollback must not restore another's hive).
set "BACKUP_TOP=%ProgramData%\tlsgpo"
if not defined ProgramData set "BACKUP_TOP=%ALLUSERSPROFILE%\tlsgpo"
if "@HAS_HKCU@"=="1" set "BACKUP_TOP=%LOCALAPPDATA%\tlsgpo"
if "@HAS_HKCU@"=="1" if not defined LOCALAPPDATA set "BACKUP_TOP=%USERPROFILE%\AppData\Local\tlsgpo"
set "BACKUP_ROOT=%BACKUP_TOP%\@ID@"
set "BACKUP_CUSTOM=0"
set "FORCE=0"
set "SIGNAL_RESTART=0"
set "W="
set "RC=0"
goto main

@COMMON@

rem ---- rollback.cmd's own subroutines -----------------------------------

:restore_value
rem One pass over the backup, matched against this policy's own indexes
rem and words, never %-expanded: RS_N and RT_N hold only what this script
rem wrote; the data stays a FOR variable, the type must be one reg.exe names.
call :op %1
:restore_write
set "RS_%1=none"
set "RT_%1="
for /f "usebackq eol=# tokens=1-4,* delims=|" %%a in ("%BK%\state.txt") do (
	if "%%a|%%b|%%c"=="value|%1|absent" set "RS_%1=absent"
	if "%%a|%%b|%%c"=="value|%1|present" set "RS_%1=bad"
	if "%%a|%%b|%%c"=="value|%1|present" for %%t in (REG_SZ REG_EXPAND_SZ REG_MULTI_SZ REG_DWORD REG_QWORD REG_BINARY REG_NONE) do if /i "%%d"=="%%t" set "RT_%1=%%t"
	if "%%a|%%b|%%c"=="value|%1|present" for %%t in (REG_SZ REG_EXPAND_SZ REG_MULTI_SZ REG_DWORD REG_QWORD REG_BINARY REG_NONE) do if /i "%%d"=="%%t" %REG% add "%OP_KEY%" /v "%OP_NAME%" /t %%t /d "%%e" /f %OP_VIEW% >nul 2>&1
)
call set "R_STATE=%%RS_%1%%"
call set "R_TYPE=%%RT_%1%%"
if "%R_STATE%"=="bad" if defined R_TYPE set "RS_%1=present"
if "%R_STATE%"=="absent" %REG% delete "%OP_KEY%" /v "%OP_NAME%" /f %OP_VIEW% >nul 2>&1
exit /b 0

rem :restore_check N: RC_N = ok, or again when value N does not read back
rem as restored (RETRY=1); a second miss is "failed".
:restore_check
call set "R_STATE=%%RS_%1%%"
if "%R_STATE%"=="none" exit /b 0
if "%R_STATE%"=="bad" (
	set "RC_%1=failed"
	exit /b 0
)
call :op %1
call :query
call set "R_TYPE=%%RT_%1%%"
set "R_OK=0"
if "%R_STATE%"=="absent" if "%Q_STATE%"=="absent" set "R_OK=1"
rem Present: reg.exe must show the recorded type and data again, word for
rem word (FOR variables compared, never expanded).
if "%R_STATE%"=="present" if "%Q_STATE%"=="present" call :restore_same %1
if "%R_OK%"=="1" (
	set "RC_%1=ok"
	exit /b 0
)
call set "R_PREV=%%RC_%1%%"
set "RC_%1=again"
set "RETRY=1"
if "%R_PREV%"=="again" set "RC_%1=failed"
exit /b 0

:restore_same
for /f "usebackq eol=# tokens=1-4,* delims=|" %%a in ("%BK%\state.txt") do if "%%a|%%b|%%c"=="value|%1|present" for /f "usebackq tokens=1,2,*" %%p in ("%W%\k%OP_K%.out") do if /i "%%p|%%q|%%r"=="%OP_NAME%|%%d|%%e" set "R_OK=1"
exit /b 0

:restore_again
call set "R_PREV=%%RC_%1%%"
if not "%R_PREV%"=="again" exit /b 0
call :op %1
goto restore_write

:restore_report
call set "R_STATE=%%RS_%1%%"
if "%R_STATE%"=="none" exit /b 0
call :op %1
call set "R_PREV=%%RC_%1%%"
if "%R_PREV%"=="ok" goto restore_report_ok
:restore_failed
set /a FAILED+=1
>&2 echo FAILED      %OP_LABEL%: could not restore it
exit /b 0
:restore_report_ok
if "%R_STATE%"=="absent" (
	echo deleted     %OP_LABEL%: absent, as before apply
	exit /b 0
)
call :query
call :say "restored   " ""
exit /b 0

:delete_one
call :op %1
%REG% delete "%OP_KEY%" /v "%OP_NAME%" /f %OP_VIEW% >nul 2>&1
call :read_key %OP_K%
call :query
if not "%Q_STATE%"=="absent" goto restore_failed
echo deleted     %OP_LABEL%
exit /b 0

:remove_key
set "R_KEY_ABSENT=0"
for /f "usebackq eol=# tokens=1-3 delims=|" %%a in ("%BK%\state.txt") do (
	if "%%a|%%b|%%c"=="key|%1|absent" set "R_KEY_ABSENT=1"
)
if "%R_KEY_ABSENT%"=="0" exit /b 0
call :key %1
call :key_is_empty
if "%KE%"=="gone" exit /b 0
if "%KE%"=="error" goto remove_key_unread
if "%KE%"=="empty" goto remove_key_now
echo kept        key %K_LABEL%: apply created it, and it still holds a value or a subkey
exit /b 0
:remove_key_now
%REG% delete "%K_PATH%" /f %K_VIEW% >nul 2>&1
call :key_is_empty
if "%KE%"=="error" goto remove_key_unread
if not "%KE%"=="gone" goto remove_key_failed
echo removed     key %K_LABEL%: apply created it and it holds nothing
exit /b 0
:remove_key_unread
set /a FAILED+=1
>&2 echo FAILED      key %K_LABEL%: apply created it; reg.exe could not read it ^(it did not start or did not answer^): kept.
exit /b 0
:remove_key_failed
set /a FAILED+=1
>&2 echo FAILED      key %K_LABEL%: apply created it and it holds nothing, but reg delete did not remove it.
exit /b 0

:consider
set "BK=%BK_P%%1"
if not exist "%BK%\" exit /b 0
call :bk_read
if "%BV_OK%"=="1" goto consider_complete
set "BK_PARTIAL=1"
>&2 echo rollback.cmd: warning: "%BK%" is not a complete backup of this package ^(an apply was cut short, or another plan wrote it^): ignored.
exit /b 0
:consider_complete
if "%BV_FOREIGN%"=="0" goto consider_own
if not defined BK_FOREIGN set "BK_FOREIGN=%BK%"
exit /b 0
:consider_own
set "BK_OWN=1"
if "%BV_DONE%"=="1" exit /b 0
if not defined BK_PICK set "BK_PICK=%BK%"
exit /b 0

rem :store_trusted: errorlevel 1 (and RC 3) when ProgramData's backup
rem folders could have been changed by someone other than SYSTEM and
rem Administrators, or when that cannot be checked. A /backupdir is trusted
rem as given; LocalAppData is the user's own.
:store_trusted
if "@HAS_HKCU@"=="1" exit /b 0
if "%BACKUP_CUSTOM%"=="1" exit /b 0
if not exist "%BACKUP_TOP%\" exit /b 0
call :acl_check
if "%AC%"=="ok" exit /b 0
set "RC=3"
if "%AC%"=="error" goto store_unchecked
call :acl_say "rollback.cmd"
>&2 echo rollback.cmd: someone other than SYSTEM and Administrators could have changed the backups
>&2 echo rollback.cmd: under "%BACKUP_ROOT%": none is trusted. Nothing was changed. Find out who made it;
>&2 echo rollback.cmd: apply.cmd or apply.ps1 moves such a folder aside and starts anew.
exit /b 1
:store_unchecked
>&2 echo rollback.cmd: powershell.exe did not run the check of who may change "%BACKUP_TOP%"
>&2 echo rollback.cmd: ^(icacls cannot show an owner^); nothing was changed.
exit /b 1

:mark
set "BK=%BK_P%%1"
if not exist "%BK%\" exit /b 0
call :bk_read
if not "%BV_OK%"=="1" exit /b 0
if not "%BV_FOREIGN%"=="0" exit /b 0
if "%BV_DONE%"=="1" exit /b 0
> "%BK%\restored.txt" echo restored by rollback.cmd from "%BK_PICK%"
exit /b 0

@COMMON_TAIL@

:main
call :load_plan

:args
if "%~1"=="" goto args_done
if /i "%~1"=="/force" (
	set "FORCE=1"
	shift
	goto args
)
if /i "%~1"=="/signalrestart" (
	set "SIGNAL_RESTART=1"
	shift
	goto args
)
if /i not "%~1"=="/backupdir" goto usage
if "%~2"=="" goto usage
for %%d in ("%~2") do set "BACKUP_ROOT=%%~fd"
set "BACKUP_CUSTOM=1"
shift
shift
goto args
:usage
>&2 echo usage: rollback.cmd [/backupdir DIR] [/force] [/signalrestart]
exit /b 2
:args_done

echo rollback.cmd: policy @POLICY_ECHO@
if not "@HAS_HKCU@"=="1" goto system_ok
call :is_system
if errorlevel 1 goto system_ok
>&2 echo rollback.cmd: this policy sets values in HKEY_CURRENT_USER, and this is the SYSTEM
>&2 echo rollback.cmd: account, whose HKCU is no user's: run this script as the user.
exit /b 2
:system_ok
if not "@HAS_HKLM@"=="1" goto elevated_ok
call :elevated
if not errorlevel 1 goto elevated_ok
>&2 echo rollback.cmd: run this script elevated ^(as Administrator or SYSTEM^): it writes to HKLM.
exit /b 2
:elevated_ok
call :work_dir
if not errorlevel 1 goto work_ok
>&2 echo rollback.cmd: cannot make a work folder under "%TEMP%"; nothing was changed.
exit /b 6
:work_ok

rem Backups someone else could have changed are not trusted (:acl_check).
call :store_trusted
if errorlevel 1 goto done

rem The oldest complete backup of this computer not yet restored holds the
rem state before the policy. Numbers may have gaps.
call :scan_backups
set "BK_PICK="
set "BK_FOREIGN="
set "BK_OWN=0"
set "BK_PARTIAL=0"
for /l %%n in (1,1,%BK_MAX%) do call :consider %%n
if defined BK_PICK goto restore
if "%FORCE%"=="1" goto static_inverse
if "%BK_OWN%%BK_PARTIAL%"=="10" goto restored_already
if defined BK_FOREIGN goto foreign
>&2 echo rollback.cmd: no complete backup of policy %TLSGPO_ID% version %TLSGPO_VERSION% under "%BACKUP_ROOT%".
>&2 echo rollback.cmd: nothing was changed. /force deletes the policy's values instead.
set "RC=3"
goto done

:restored_already
rem (A rerun after a reboot or a ConfigMgr retry lands here.)
echo rollback.cmd: every backup of this computer under "%BACKUP_ROOT%" is restored already: nothing to do.
goto done

:foreign
for /f "usebackq tokens=1,2 delims=|" %%a in ("%BK_FOREIGN%\state.txt") do (
	if "%%a"=="computer" >&2 echo rollback.cmd: "%BK_FOREIGN%" was made on computer %%b, not on this one ^(%COMPUTERNAME%^).
)
>&2 echo rollback.cmd: refusing to restore another computer's state; this computer has no backup
>&2 echo rollback.cmd: of its own under "%BACKUP_ROOT%". Nothing was changed.
set "RC=3"
goto done

:static_inverse
echo rollback.cmd: no backup found: /force deletes the %OP_COUNT% values the policy sets.
set "FAILED=0"
for /l %%i in (1,1,%OP_COUNT%) do call :delete_one %%i
goto finish

:restore
set "BK=%BK_PICK%"
call :bk_read
if "%BV_EXACT%"=="0" goto restore_go
>&2 echo rollback.cmd: "%BK%" was written by apply.ps1 and holds data that reg.exe
>&2 echo rollback.cmd: cannot write back exactly: run rollback.ps1 instead. Nothing was changed.
set "RC=3"
goto done
:restore_go
rem reg.exe must answer before anything is changed.
call :read_keys 0
if "%KR_ERRORS%"=="0" goto restore_read
>&2 echo rollback.cmd: reg.exe could not read %KR_ERRORS% of the policy's keys ^(it did not start or did not answer^); nothing was changed.
set "RC=6"
goto done
:restore_read
echo rollback.cmd: restoring "%BK%"
set "FAILED=0"
for /l %%i in (1,1,%OP_COUNT%) do call :restore_value %%i
rem Read every key back; what does not read back is written once more.
call :read_keys 0
set "RETRY=0"
for /l %%i in (1,1,%OP_COUNT%) do call :restore_check %%i
if "%RETRY%"=="0" goto restore_checked
for /l %%i in (1,1,%OP_COUNT%) do call :restore_again %%i
call :read_keys 0
for /l %%i in (1,1,%OP_COUNT%) do call :restore_check %%i
:restore_checked
for /l %%i in (1,1,%OP_COUNT%) do call :restore_report %%i
for /l %%i in (1,1,%KEY_COUNT%) do call :remove_key %%i
if not "%FAILED%"=="0" goto finish
rem Every complete backup of this computer up to now is restored by this one.
rem Newest first, the one restored last: a rollback cut short while marking
rem leaves the right backup for the next run.
for /l %%n in (%BK_MAX%,-1,1) do call :mark %%n
goto finish

:finish
echo rollback.cmd: restart Windows so that WinHTTP, WinINet, .NET and SCHANNEL read the values.
if "%FAILED%%SIGNAL_RESTART%"=="01" set "RC=3010"
if "%FAILED%"=="0" goto done
>&2 echo rollback.cmd: %FAILED% values or keys could not be restored; run rollback.cmd again ^(rollback.ps1 for string data reg.exe cannot write back^).
set "RC=5"

:done
call :work_dir_done
exit /b %RC%

