@echo off
rem rollback.cmd: written by tlsgpo @TOOL_VERSION@ for policy @ID@, version @VERSION@.
rem
rem Restores the state apply.cmd or apply.ps1 recorded before it first
rem changed anything: a value that was absent is deleted, one that existed
rem gets its old type and data back, and keys apply created are removed once
rem they hold nothing. It uses the oldest usable backup of this computer not
rem yet restored; one that cannot be used (cut short by a reboot or a
rem timeout, damaged, of another build of the package) is named, with the
rem reason, and passed over; one made on another computer is refused
rem (MachineGuid tells, so a rename does not matter). Without a usable
rem backup it changes nothing: the prior data is unknown (reg\rollback.reg
rem deletes the values).
rem
rem usage: rollback.cmd [/backupdir DIR] [/signalrestart]
rem   /backupdir DIR  where apply kept its backups (default:
rem                   %ProgramData%\tlsgpo\@ID@)
rem   /signalrestart  exit 3010 instead of 0 when values were restored:
rem                   "done, restart needed" to ConfigMgr and Intune Win32
rem                   apps (not the default: Intune Remediations and GPO
rem                   scripts read any code but 0 as a failure)
rem
rem Exit codes: 0 restored (3010 with /signalrestart), or every backup
rem restored already; 2 usage error, not run elevated, or HKCU values as
rem SYSTEM; 3 no usable backup of this computer, one only rollback.ps1
rem restores exactly or that holds a type reg.exe cannot write back, or
rem backups under ProgramData that someone other than SYSTEM and
rem Administrators could have changed (or powershell.exe, which checks who
rem may, did not run); 5 a value could not be restored, or a key apply
rem created could not be removed (run it again); 6 reg.exe could not read
rem the keys, or no work folder (nothing was changed).
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
set "SIGNAL_RESTART=0"
set "W="
set "RC=0"

:main
call :load_plan

:args
if "%~1"=="" goto args_done
if /i "%~1"=="/force" (
	>&2 echo rollback.cmd: /force is gone: it deleted values nothing had a record of. reg\rollback.reg deletes the
	>&2 echo rollback.cmd: policy's values ^(back to the Windows defaults^), if that is what you want.
	exit /b 2
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
>&2 echo usage: rollback.cmd [/backupdir DIR] [/signalrestart]
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

rem The oldest usable backup of this computer not yet restored holds the
rem state before the policy. Numbers may have gaps; a backup that cannot be
rem used is named, with the reason, and passed over.
call :machine_id
call :list_backups
set "BK_PICK_N="
set "BK_FOREIGN="
set "BK_OWN=0"
set "BK_OWN_N=0"
set "BK_BAD_N=0"
for /f "usebackq" %%n in ("%W%\bk.txt") do call :consider %%n
if defined BK_PICK_N goto restore
if "%BK_OWN%"=="0" goto no_own
rem Every usable backup restored, but a later apply's cannot be used: that
rem apply may have changed values since, so the newest usable one is
rem restored again.
if %BK_BAD_N% LEQ %BK_OWN_N% goto restored_already
set "BK_PICK_N=%BK_OWN_N%"
echo rollback.cmd: a later backup cannot be used: restoring the newest usable one again, "%BK_P%%BK_OWN_N%".
goto restore
:no_own
if defined BK_FOREIGN goto foreign
>&2 echo rollback.cmd: no usable backup of policy %TLSGPO_ID% version %TLSGPO_VERSION% under "%BACKUP_ROOT%": nothing was changed.
>&2 echo rollback.cmd: without one the prior data is unknown; reg\rollback.reg deletes the policy's values,
>&2 echo rollback.cmd: which returns them to the Windows defaults, not to what they were.
set "RC=3"
goto done

:restored_already
rem (A rerun after a reboot or a ConfigMgr retry lands here.)
echo rollback.cmd: every usable backup of this computer under "%BACKUP_ROOT%" is restored already: nothing to do.
goto done

:foreign
>&2 echo rollback.cmd: refusing to restore another computer's state; this computer ^(%COMPUTERNAME%^) has no
>&2 echo rollback.cmd: backup of its own under "%BACKUP_ROOT%". Nothing was changed.
set "RC=3"
goto done

:restore
set "BK=%BK_P%%BK_PICK_N%"
set "BK_PICK=%BK%"
call :bk_read
rem (if /i first: Wine's cmd refuses an if /i nested in another if.)
for /f "usebackq tokens=1,2 delims=|" %%a in ("%BK%\state.txt") do if /i not "%%b"=="%COMPUTERNAME%" if "%%a"=="computer" echo rollback.cmd: note: "%BK%" was made when this computer was named %%b.
if "%BV_ODD%"=="0" goto restore_typed
>&2 echo rollback.cmd: "%BK%" holds a value of a type reg.exe cannot write back
>&2 echo rollback.cmd: exactly ^(REG_NONE, REG_LINK, REG_DWORD_BIG_ENDIAN or a resource list^). Nothing was changed.
set "RC=3"
goto done
:restore_typed
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
rem Every backup of this computer up to now is restored by this one. The
rem one restored last: a rollback cut short while marking leaves the right
rem backup for the next run.
for /f "usebackq" %%n in ("%W%\bk.txt") do call :mark %%n
call :mark_pick %BK_PICK_N%
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

rem ---- rollback.cmd's own subroutines -----------------------------------

:restore_again
call set "R_PREV=%%RC_%1%%"
if not "%R_PREV%"=="again" exit /b 0
call :op %1
goto restore_write

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
	if "%%a|%%b|%%c"=="value|%1|present" for %%t in (REG_SZ REG_EXPAND_SZ REG_MULTI_SZ REG_DWORD REG_QWORD REG_BINARY) do if /i "%%d"=="%%t" set "RT_%1=%%t"
	if "%%a|%%b|%%c"=="value|%1|present" for %%t in (REG_SZ REG_EXPAND_SZ REG_MULTI_SZ REG_DWORD REG_QWORD REG_BINARY) do if /i "%%d"=="%%t" %REG% add "%OP_KEY%" /v "%OP_NAME%" /t %%t /d "%%e" /f %OP_VIEW% >nul 2>&1
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

rem :key_is_empty: KE about key K_*: "empty" when it exists and holds
rem nothing (no value, a set (Default) included, and no subkey), "full" when
rem it holds anything, "gone" when it does not exist, "error" when reg.exe
rem could not tell. reg.exe lists the key's own name (only when it has
rem values), its values indented, then its subkeys: any line but the key's
rem own name means "full".
:key_is_empty
set "KE=error"
%REG% query "%K_PATH%" %K_VIEW% >"%W%\k.out" 2>"%W%\k.err"
set "KE_RC=%errorlevel%"
if "%KE_RC%"=="1" for %%f in ("%W%\k.out" "%W%\k.err") do if %%~zf GTR 0 set "KE=gone"
if not "%KE_RC%"=="0" exit /b 0
set "KE_LINES=0"
set "KE_SELF=0"
for /f "usebackq delims=" %%l in ("%W%\k.out") do (
	set /a KE_LINES+=1
	if /i "%%l"=="%K_FULL%" set /a KE_SELF+=1
)
set "KE=full"
if "%KE_LINES%"=="%KE_SELF%" set "KE=empty"
exit /b 0

@COMMON@

rem ---- rollback.cmd's own subroutines, continued ------------------------

:consider
set "BK=%BK_P%%1"
if not exist "%BK%\" exit /b 0
call :bk_read
rem A backup folder the check failed (:acl_check) is passed over; what the
rem check said is printed as FOR variables, never parsed or expanded.
set "BK_NAME=%TLSGPO_ID%-%TLSGPO_VERSION%-%1"
set "BK_UNTRUSTED=0"
rem (if /i first: Wine's cmd refuses an if /i nested in another if.)
if "%BK_CHECKED%"=="1" for /f "usebackq tokens=1-4,* delims=|" %%a in ("%W%\acl.out") do if /i "%%e"=="%BK_NAME%" if "%%a|%%b"=="bad|item" set "BK_UNTRUSTED=1"
if "%BK_UNTRUSTED%"=="0" goto consider_trusted
for /f "usebackq tokens=1-4,* delims=|" %%a in ("%W%\acl.out") do if /i "%%e"=="%BK_NAME%" if "%%a|%%b"=="bad|item" >&2 echo rollback.cmd: warning: not using "%BK%": someone other than SYSTEM and Administrators could have changed it ^("%%d": %%c^).
if "%BV_DONE%"=="0" if %1 GTR %BK_BAD_N% set "BK_BAD_N=%1"
exit /b 0
:consider_trusted
if "%BV_OK%"=="1" goto consider_usable
>&2 echo rollback.cmd: warning: not using "%BK%": %BV_WHY%.
if "%BV_DONE%"=="0" if %1 GTR %BK_BAD_N% set "BK_BAD_N=%1"
exit /b 0
:consider_usable
if "%BV_FOREIGN%"=="0" goto consider_own
for /f "usebackq tokens=1,2 delims=|" %%a in ("%BK%\state.txt") do if "%%a"=="computer" >&2 echo rollback.cmd: warning: not using "%BK%": it was made on another computer ^(%%b^).
if not defined BK_FOREIGN set "BK_FOREIGN=%BK%"
exit /b 0
:consider_own
set "BK_OWN=1"
if %1 GTR %BK_OWN_N% set "BK_OWN_N=%1"
if "%BV_DONE%"=="1" exit /b 0
if not defined BK_PICK_N set "BK_PICK_N=%1"
if %1 LSS %BK_PICK_N% set "BK_PICK_N=%1"
exit /b 0

:mark
if "%1"=="%BK_PICK_N%" exit /b 0
:mark_pick
set "BK=%BK_P%%1"
if not exist "%BK%\" exit /b 0
call :bk_read
if "%BV_DONE%"=="1" exit /b 0
rem Unusable ones too, so that a rerun has nothing to do; not another
rem computer's.
if "%BV_OK%%BV_FOREIGN%"=="11" exit /b 0
> "%BK%\restored.txt" echo restored by rollback.cmd from "%BK_PICK%"
if "%BK_CHECKED%"=="1" "%SystemRoot%\System32\icacls.exe" "%BK%\restored.txt" /setowner *S-1-5-32-544 /Q >nul 2>&1
exit /b 0

rem :store_trusted: errorlevel 1 (and RC 3) when ProgramData's backup
rem folders could have been changed by someone other than SYSTEM and
rem Administrators, or when that cannot be checked, or when there is no
rem ProgramData\tlsgpo (nothing to restore; one made a moment later would
rem not have been checked). A backup folder that fails is passed over
rem (:consider). A /backupdir is trusted as given; LocalAppData is the
rem user's own.
:store_trusted
set "BK_CHECKED=0"
if "@HAS_HKCU@"=="1" exit /b 0
if "%BACKUP_CUSTOM%"=="1" exit /b 0
set "RC=3"
if exist "%BACKUP_TOP%" goto store_trusted_check
>&2 echo rollback.cmd: no backup of policy %TLSGPO_ID%: "%BACKUP_TOP%" does not exist. Nothing was changed.
exit /b 1
:store_trusted_check
call :acl_check
if "%AC%"=="error" goto store_unchecked
if not "%AC%"=="ok" goto store_refused
set "RC=0"
set "BK_CHECKED=1"
exit /b 0
:store_refused
call :acl_say "rollback.cmd"
>&2 echo rollback.cmd: someone other than SYSTEM and Administrators could have put backups under
>&2 echo rollback.cmd: "%BACKUP_ROOT%": none is used, nothing was changed. Look at that folder first.
>&2 echo rollback.cmd: If you trust it, give it to Administrators ^(icacls FOLDER /setowner *S-1-5-32-544 /T, and
>&2 echo rollback.cmd: remove the other entries^) or name it with /backupdir. apply.cmd would move it aside.
exit /b 1
:store_unchecked
call :acl_unchecked "rollback.cmd"
>&2 echo rollback.cmd: nothing was changed.
exit /b 1

@COMMON_TAIL@
