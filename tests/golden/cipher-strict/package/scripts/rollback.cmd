@echo off
rem rollback.cmd: written by tlsgpo 0.1.0 for policy cipher-strict, version 1.0.
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
rem                   %ProgramData%\tlsgpo\cipher-strict)
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
set "TLSGPO_ID=cipher-strict"
set "TLSGPO_VERSION=1.0"
set "TLSGPO_PLAN=9dc67c699b6f5cc6"
set "OP_COUNT=29"
set "KEY_COUNT=30"
rem Backups: ProgramData, or for a policy with HKCU values the user's own
rem LocalAppData (one user's rollback must not restore another's hive).
set "BACKUP_TOP=%ProgramData%\tlsgpo"
if not defined ProgramData set "BACKUP_TOP=%ALLUSERSPROFILE%\tlsgpo"
if "0"=="1" set "BACKUP_TOP=%LOCALAPPDATA%\tlsgpo"
if "0"=="1" if not defined LOCALAPPDATA set "BACKUP_TOP=%USERPROFILE%\AppData\Local\tlsgpo"
set "BACKUP_ROOT=%BACKUP_TOP%\cipher-strict"
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

echo rollback.cmd: policy Cipher suites: strict ^(TLS 1.3 and 1.2, AEAD only^) ^(id cipher-strict, version 1.0^)
if not "0"=="1" goto system_ok
call :is_system
if errorlevel 1 goto system_ok
>&2 echo rollback.cmd: this policy sets values in HKEY_CURRENT_USER, and this is the SYSTEM
>&2 echo rollback.cmd: account, whose HKCU is no user's: run this script as the user.
exit /b 2
:system_ok
if not "1"=="1" goto elevated_ok
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

rem ---- Shared by apply.cmd, rollback.cmd and detect.cmd.
rem
rem Order: cmd looks for a label from the line after the CALL or GOTO on,
rem and only at the end of the file starts again from the top, reading
rem every line on the way (Wine's cmd slowly: 80 microseconds a line). So each
rem script has main first and every subroutine below all that call it,
rem the ones called once per value or key nearest; here too, callers
rem before callees. tests/scripts.sh checks that no CALL goes back.
rem
rem Rules these scripts keep, for every Windows of os.c and Wine alike:
rem  - every reg.exe call names its registry view (/reg:64 or /reg:32), so
rem    that a 32-bit host (Intune Win32 apps, ConfigMgr) reads and writes
rem    the same keys as a 64-bit one;
rem  - reg.exe's answers go to files in a folder of this run's own (W) and
rem    are told apart by exit code: 0 found, 1 with a message missing,
rem    anything else "could not read" (it did not start, or crashed);
rem  - data read from the registry or a backup is only ever handled as a
rem    FOR variable: never %-expanded, never passed to CALL.

rem :read_keys ALL: every plan key (ALL=1) or those that hold values;
rem KR_ERRORS counts the ones reg.exe could not read. Last first: the table
rem lists the deepest keys first, so with ALL=1, or when the parent holds
rem values, a key's parent is read before it and :key_denied finds the
rem parent's answer; otherwise :key_denied reads the parent once.
:read_keys
set "KR_ERRORS=0"
for /l %%k in (%KEY_COUNT%,-1,1) do call :read_keys_one %%k %1
exit /b 0
:read_keys_one
call :key %1
if not "%2"=="1" if not "%K_HOLDS%"=="1" exit /b 0
call :read_key_now %1
if "%KR_NOW%"=="error" set /a KR_ERRORS+=1
exit /b 0

rem :read_key N: reg query of plan key N (its values and subkeys) into
rem %W%\kN.out; KR_N (and KR_NOW) = present, absent, or error when reg.exe
rem could not tell. Exit 1 with a message is "absent" unless the parent
rem lists the key (:key_denied); any other failure is "error", never
rem "absent".
:read_key
call :key %1
:read_key_now
%REG% query "%K_PATH%" %K_VIEW% >"%W%\k%1.out" 2>"%W%\k%1.err"
set "KR_RC=%errorlevel%"
set "KR_%1=error"
if "%KR_RC%"=="0" set "KR_%1=present"
rem reg.exe says why when the key does not exist (Windows on stderr, Wine
rem on stdout); a reg.exe that did not run says nothing.
if "%KR_RC%"=="1" for %%f in ("%W%\k%1.out" "%W%\k%1.err") do if %%~zf GTR 0 set "KR_%1=absent"
call set "KR_NOW=%%KR_%1%%"
if "%KR_NOW%"=="absent" call :key_denied %1
call set "KR_NOW=%%KR_%1%%"
exit /b 0

rem :key_denied N: reg.exe exits 1 for a key that is not there and for one
rem it may not read alike, and says which only in the UI's language. A key
rem its parent lists is there: KR_N = error. The parent is a plan key, read
rem now if it was not (K_PARENT), or one every Windows has (K_PPATH).
:key_denied
call :key %1
if "%K_PARENT%"=="0" goto key_denied_root
call set "KD_STATE=%%KR_%K_PARENT%%%"
if not defined KD_STATE call :read_key %K_PARENT%
call :key %1
call set "KD_STATE=%%KR_%K_PARENT%%%"
if "%KD_STATE%"=="absent" exit /b 0
if not "%KD_STATE%"=="present" goto key_denied_error
set "KD_OUT=%W%\k%K_PARENT%.out"
goto key_denied_look
:key_denied_root
%REG% query "%K_PPATH%" %K_VIEW% >"%W%\kp%1.out" 2>nul
if not "%errorlevel%"=="0" goto key_denied_error
set "KD_OUT=%W%\kp%1.out"
:key_denied_look
for /f "usebackq delims=" %%l in ("%KD_OUT%") do if /i "%%l"=="%K_FULL%" set "KR_%1=error"
exit /b 0
:key_denied_error
set "KR_%1=error"
exit /b 0

rem :op N / :key N: operation N / plan key N as OP_* / K_* variables.
:op
call set "OP_ROW=%%OP_%1%%"
for /f "tokens=1-7 delims=|" %%a in ("%OP_ROW%") do (
	set "OP_KEY=%%a"
	set "OP_VIEW=%%b"
	set "OP_NAME=%%c"
	set "OP_TYPE=%%d"
	set "OP_DATA=%%e"
	set "OP_K=%%f"
	set "OP_LABEL=%%g"
)
exit /b 0

:key
call set "K_ROW=%%K_%1%%"
for /f "tokens=1-7 delims=|" %%a in ("%K_ROW%") do (
	set "K_PATH=%%a"
	set "K_VIEW=%%b"
	set "K_HOLDS=%%c"
	set "K_FULL=%%d"
	set "K_LABEL=%%e"
	set "K_PARENT=%%f"
	set "K_PPATH=%%g"
)
exit /b 0

rem :query: Q_STATE, Q_TYPE and Q_DATA of the value of operation OP_*, from
rem its key as :read_key last read it, and Q_SAME=1 when it is what the
rem operation sets. Q_STATE is present, absent, error (reg.exe could not
rem tell) or other: a type reg.exe has no switch for (REG_LINK,
rem REG_DWORD_BIG_ENDIAN...), which these scripts can neither back up nor
rem restore. Q_TYPE is always a word from the lists below; Q_DATA is set only
rem for a REG_DWORD line of exactly three words (a value named
rem "Enabled REG_DWORD" is not "Enabled"), so it is reg.exe's 0x number.
rem REG_NONE is "other" too: reg.exe shows its data as hex, and reg add
rem /t REG_NONE /d would store that text, not the bytes.
:query
set "Q_TYPE="
set "Q_DATA="
set "Q_SAME=0"
call set "Q_STATE=%%KR_%OP_K%%%"
if not "%Q_STATE%"=="present" exit /b 0
set "Q_STATE=absent"
for /f "usebackq tokens=1-3,*" %%a in ("%W%\k%OP_K%.out") do (
	if /i "%%a"=="%OP_NAME%" for %%t in (REG_NONE REG_DWORD_BIG_ENDIAN REG_LINK REG_RESOURCE_LIST REG_FULL_RESOURCE_DESCRIPTOR REG_RESOURCE_REQUIREMENTS_LIST) do if /i "%%b"=="%%t" set "Q_OTHER=%%t"
	if /i "%%a"=="%OP_NAME%" for %%t in (REG_SZ REG_EXPAND_SZ REG_MULTI_SZ REG_QWORD REG_BINARY) do if /i "%%b"=="%%t" set "Q_TYPE=%%t"
	if /i "%%a|%%b|%%d"=="%OP_NAME%|REG_DWORD|" set "Q_TYPE=REG_DWORD"
)
if defined Q_TYPE goto query_typed
if not defined Q_OTHER exit /b 0
set "Q_STATE=other"
set "Q_TYPE=%Q_OTHER%"
set "Q_OTHER="
exit /b 0
:query_typed
set "Q_OTHER="
set "Q_STATE=present"
if not "%OP_TYPE%"=="REG_DWORD" for /f "usebackq tokens=1,2,*" %%a in ("%W%\k%OP_K%.out") do if /i "%%a"=="%OP_NAME%" if "%%b|%%c"=="%OP_TYPE%|%OP_DATA%" set "Q_SAME=1"
if /i not "%Q_TYPE%"=="REG_DWORD" exit /b 0
for /f "usebackq tokens=1-4" %%a in ("%W%\k%OP_K%.out") do (
	if /i "%%a|%%b|%%d"=="%OP_NAME%|REG_DWORD|" set "Q_DATA=%%c"
)
if not defined Q_DATA exit /b 0
if /i not "%OP_TYPE%"=="REG_DWORD" exit /b 0
set /a "SAME_A=%Q_DATA%" >nul 2>&1
set /a "SAME_B=%OP_DATA%"
if "%SAME_A%"=="%SAME_B%" set "Q_SAME=1"
exit /b 0

rem :say WORD SUFFIX: prints "WORD LABEL: VALUE SUFFIX", VALUE being the
rem value :query read: absent, REG_DWORD 0x00000000, or another type with its
rem data as reg.exe printed it (a FOR variable: never parsed or expanded).
:say
if "%Q_STATE%"=="present" goto say_present
if "%Q_STATE%"=="other" (
	echo %~1 %OP_LABEL%: %Q_TYPE%%~2
	exit /b 0
)
echo %~1 %OP_LABEL%: absent%~2
exit /b 0
:say_present
if not defined Q_DATA goto say_other
call :hex8
echo %~1 %OP_LABEL%: REG_DWORD %Q_HEX%%~2
exit /b 0
:say_other
for /f "usebackq tokens=1,2,*" %%a in ("%W%\k%OP_K%.out") do (
	if /i "%%a|%%b"=="%OP_NAME%|%Q_TYPE%" echo %~1 %OP_LABEL%: %%b %%c%~2
)
exit /b 0

rem :hex8: Q_HEX, the queried REG_DWORD as 0x00000000 (the form tlsgpo and
rem the PowerShell scripts print): one arithmetic line, one lookup line.
:hex8
set /a "HX_N=%Q_DATA%" >nul 2>&1
set "HX=0123456789ABCDEF"
set /a "D7=(HX_N>>28)&15, D6=(HX_N>>24)&15, D5=(HX_N>>20)&15, D4=(HX_N>>16)&15, D3=(HX_N>>12)&15, D2=(HX_N>>8)&15, D1=(HX_N>>4)&15, D0=HX_N&15"
call set "Q_HEX=0x%%HX:~%D7%,1%%%%HX:~%D6%,1%%%%HX:~%D5%,1%%%%HX:~%D4%,1%%%%HX:~%D3%,1%%%%HX:~%D2%,1%%%%HX:~%D1%,1%%%%HX:~%D0%,1%%"
exit /b 0


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
if "0"=="1" exit /b 0
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

rem ---- Shared by apply.cmd, rollback.cmd and detect.cmd: called once a run

rem :work_dir: W, a new folder of this run's own under %TEMP% (mkdir is
rem atomic: a name another run holds is skipped). errorlevel 1 when none
rem can be made.
:work_dir
set "W="
set "W_BASE=%TEMP%"
if not defined W_BASE set "W_BASE=%SystemRoot%\Temp"
set "W_TRY=0"
:work_dir_next
set /a W_TRY+=1
if %W_TRY% GTR 20 exit /b 1
set "W_NEW=%W_BASE%\tlsgpo-%RANDOM%-%RANDOM%"
mkdir "%W_NEW%" >nul 2>&1
if errorlevel 1 goto work_dir_next
set "W=%W_NEW%"
exit /b 0

:work_dir_done
if defined W rd /s /q "%W%" >nul 2>&1
set "W="
exit /b 0

rem :elevated: errorlevel 0 when this process is elevated (an administrator
rem or SYSTEM). fltmc.exe answers only an elevated caller and needs no
rem service; net session needs the Server service, often disabled.
:elevated
"%SystemRoot%\System32\fltmc.exe" >nul 2>&1
if not "%errorlevel%"=="0" exit /b 1
exit /b 0

rem :is_system: errorlevel 0 when running as Local System, whose HKCU is
rem not any user's (Windows names SYSTEM's user COMPUTERNAME$).
:is_system
if /i "%USERNAME%"=="%COMPUTERNAME%$" exit /b 0
if /i "%USERPROFILE:~-14%"=="\systemprofile" exit /b 0
exit /b 1

rem :acl_check: AC = ok; top when ProgramData\tlsgpo, below when this
rem policy's folder in it is a link, not a folder, owned by someone other
rem than SYSTEM or Administrators, or gives anyone else more than read and
rem execute (ProgramData lets every user create folders: one made first
rem could hold a planted backup that SYSTEM would restore); error when
rem powershell.exe did not run the check to its end (missing or blocked;
rem :acl_unchecked says so). A backup folder in it that
rem fails is named on a "bad|item" line. icacls cannot show an owner;
rem Get-Acl can, by SID on any language, in Constrained Language mode too.
rem The check is the same text as in the .ps1 scripts; its answer
rem (check|tlsgpo, bad|WHERE|WHY|PATH[|FOLDER], end|N) is in %W%\acl.out.
:acl_check
set "AC=error"
set "AC_END=0"
set "AC_TOP=0"
set "AC_BELOW=0"
set "TLSGPO_ACL_TOP=%BACKUP_TOP%"
set "TLSGPO_ACL_ROOT=%BACKUP_ROOT%"
"%SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe" -NoLogo -NoProfile -NonInteractive -Command "& { param([string] $top, [string] $root) $ErrorActionPreference = 'Stop'; $who = '^(SY|BA|S-1-5-18|S-1-5-32-544)$'; $names = @{ BU = 'Users'; AU = 'Authenticated Users'; WD = 'Everyone'; IU = 'INTERACTIVE'; CO = 'CREATOR OWNER'; OW = 'OWNER RIGHTS'; AN = 'ANONYMOUS LOGON'; BG = 'Guests'; DU = 'Domain Users' }; $name = { param([string] $sid) if ($names[$sid]) { return ($names[$sid] + ' (' + $sid + ')') }; return $sid }; $rule = { param([string] $s) if ($s -cnotmatch '^O:([A-Z0-9-]+)G:[A-Z0-9-]+D:(P|AI|AR)*((\([^()]*\))*)$') { return ('its security descriptor is not one tlsgpo can vouch for (' + $s + ')') }; $owner = $matches[1]; $aces = $matches[3]; if ($owner -cnotmatch $who) { return ('its owner is ' + (& $name $owner) + ', not SYSTEM or Administrators') }; foreach ($a in ($aces -split '[()]')) { if ($a -eq '') { continue }; $f = $a -split ';'; if ($f.Count -ne 6 -or $f[0] -cnotmatch '^[AD]$') { return ('its access list holds an entry tlsgpo does not read (' + $a + ')') }; if ($f[0] -ceq 'D' -or $f[5] -cmatch $who) { continue }; if ($f[2] -cmatch '^0x[0-9A-Fa-f]{1,8}$') { if (([int64]$f[2] -band 0x5FEDFF56) -eq 0) { continue } } elseif ($f[2] -cmatch '^(FR|FX|GR|GX|RC|CC|SW|WP|LO)+$') { continue }; return ((& $name $f[5]) + ' may change it (access ' + $f[2] + ')') }; '' }; $lit = { $args[0] -replace '([][*?`])', '`$1' }; $one = { param([string] $p, [bool] $folder) try { $it = Get-Item -Path (& $lit $p) -Force } catch { if (Test-Path -Path (& $lit $p)) { return ('it cannot be read (' + $_.Exception.Message + ')') }; return $null }; if ([string]$it.Attributes -match 'ReparsePoint') { return 'it is a link (a junction or symbolic link), not a folder of its own' }; if ($folder -and -not $it.PSIsContainer) { return 'it is a file, not a folder' }; try { $sd = [string](Get-Acl -Path (& $lit $p)).Sddl } catch { if (Test-Path -Path (& $lit $p)) { return ('its security descriptor cannot be read (' + $_.Exception.Message + ')') }; return $null }; & $rule $sd }; $tidy = { [string]$args[0] -replace '[|\r\n]', '/' }; 'check|tlsgpo'; $n = 0; $at = 'top'; foreach ($i in @($top, $root)) { if (Test-Path -Path (& $lit $i)) { $n++; $why = & $one $i $true; if ($why) { return @(('bad|' + $at + '|' + (& $tidy $why) + '|' + $i), ('end|' + $n)) } }; $at = 'below' }; if (Test-Path -Path (& $lit $root) -PathType Container) { foreach ($i in @(Get-ChildItem -Path (& $lit $root) -Recurse -Force | ForEach-Object { $_.FullName })) { $why = & $one $i $false; if ($null -eq $why) { continue }; $n++; if ($why) { 'bad|item|' + (& $tidy $why) + '|' + $i + '|' + ($i.Substring($root.Length).TrimStart('\', '/') -split '[\\/]')[0] } } }; 'end|' + $n } $env:TLSGPO_ACL_TOP $env:TLSGPO_ACL_ROOT" <nul >"%W%\acl.out" 2>"%W%\acl.err"
for /f "usebackq tokens=1,2 delims=|" %%a in ("%W%\acl.out") do (
	if "%%a"=="end" set "AC_END=1"
	if "%%a|%%b"=="bad|top" set "AC_TOP=1"
	if "%%a|%%b"=="bad|below" set "AC_BELOW=1"
)
if "%AC_END%"=="0" exit /b 0
set "AC=ok"
if "%AC_BELOW%"=="1" set "AC=below"
if "%AC_TOP%"=="1" set "AC=top"
exit /b 0

rem :acl_say WHO: what the check found of the top folders, as "WHO: "PATH":
rem WHY." on stderr (FOR variables: never parsed or expanded).
:acl_say
for /f "usebackq tokens=1-4 delims=|" %%a in ("%W%\acl.out") do if "%%a"=="bad" if not "%%b"=="item" >&2 echo %~1: "%%d": %%c.
exit /b 0

rem :acl_unchecked WHO: powershell.exe did not answer: why, as far as known.
:acl_unchecked
>&2 echo %~1: powershell.exe did not run the check of who may change "%BACKUP_TOP%"
>&2 echo %~1: ^(icacls cannot show an owner; the .cmd scripts need Windows PowerShell 2.0 or later
>&2 echo %~1: for ProgramData's backup folder, or /backupdir naming one only administrators may change^).
rem The first line it wrote to stderr, if any: read by set /p, printed by
rem delayed expansion, whose result cmd does not parse again.
set "AC_SAID="
set /p AC_SAID=<"%W%\acl.err"
if not defined AC_SAID exit /b 0
setlocal EnableDelayedExpansion
>&2 echo %~1: powershell.exe said: !AC_SAID!
endlocal
exit /b 0

rem :list_backups: %W%\bk.txt lists the numbers N of the folders "BK_P N"
rem (BK_P: a backup's path without its number), one a line, in no order;
rem BK_MAX is the highest (0: none). N is 1 to 999999999 without leading
rem zeros, as apply.ps1 writes it; other names are not backups.
:list_backups
set "BK_MAX=0"
set "BK_P=%BACKUP_ROOT%\%TLSGPO_ID%-%TLSGPO_VERSION%-"
type nul > "%W%\bk.txt"
if not exist "%BACKUP_ROOT%\" exit /b 0
for /f "delims=" %%d in ('dir /b /ad "%BK_P%*" 2^>nul') do (
	set "BK_NAME=%%d"
	call :list_one
)
exit /b 0
:list_one
call set "BK_NUM=%%BK_NAME:*%TLSGPO_ID%-%TLSGPO_VERSION%-=%%"
if not defined BK_NUM exit /b 0
rem Digits only: each removed in turn (the leading # keeps the variable
rem defined; an undefined one in that syntax expands to its own text).
set "BK_T=#%BK_NUM%"
for %%c in (0 1 2 3 4 5 6 7 8 9) do call set "BK_T=%%BK_T:%%c=%%"
if not "%BK_T%"=="#" exit /b 0
if "%BK_NUM:~0,1%"=="0" exit /b 0
rem At most 9 digits (padded: Wine's cmd reads past a short string's end).
set "BK_T=%BK_NUM%##########"
if not "%BK_T:~9,1%"=="#" exit /b 0
>> "%W%\bk.txt" echo %BK_NUM%
if %BK_NUM% GTR %BK_MAX% set "BK_MAX=%BK_NUM%"
exit /b 0

rem :os_build: OS_BUILD, this Windows' CurrentBuildNumber (64-bit view), or
rem undefined when reg.exe could not read it.
:os_build
set "OS_BUILD="
call :hklm_value "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion" CurrentBuildNumber
if defined HV set /a "OS_BUILD=%HV%" >nul 2>&1
exit /b 0

rem :hklm_value KEY NAME: HV = value NAME of KEY (HKLM\..., 64-bit view) as
rem reg.exe shows it (0x0, text), undefined when absent; HV_RC = reg.exe's
rem exit code (0 read, 1 absent, anything else: it did not answer).
:hklm_value
set "HV="
%REG% query "%~1" /v %2 /reg:64 >"%W%\hv.out" 2>nul
set "HV_RC=%errorlevel%"
if not "%HV_RC%"=="0" exit /b 0
for /f "usebackq tokens=1,2,*" %%a in ("%W%\hv.out") do if /i "%%a"=="%~2" set "HV=%%c"
exit /b 0

rem :machine_id: MACHINE_ID, this computer's MachineGuid (64-bit view; a
rem rename keeps it), or empty when it cannot be read or is not a GUID.
:machine_id
set "MACHINE_ID="
%REG% query "HKLM\SOFTWARE\Microsoft\Cryptography" /v MachineGuid /reg:64 >"%W%\mid.out" 2>nul
for /f "usebackq tokens=1-3" %%a in ("%W%\mid.out") do if /i "%%a|%%b"=="MachineGuid|REG_SZ" set "MACHINE_ID=%%c"
if not defined MACHINE_ID exit /b 0
set "MI_T=#%MACHINE_ID%"
for %%c in (0 1 2 3 4 5 6 7 8 9 a b c d e f -) do call set "MI_T=%%MI_T:%%c=%%"
if not "%MI_T%"=="#" set "MACHINE_ID="
exit /b 0

rem :bk_read: reads backup BK. BV_OK=1 when it can be used: its last
rem record "end|N" counts exactly the N value and key records this policy
rem has (an apply cut short by a reboot or a timeout leaves no such end),
rem and its "plan|ID" names this package's plan (records name values by
rem their place in it); else BV_WHY says why not. BV_FOREIGN=1 when
rem another computer wrote it: its MachineGuid (MACHINE_ID, read by
rem :machine_id) differs, or, for a backup without one, its name does.
rem BV_EXACT=1 when it holds a value only rollback.ps1 can restore exactly;
rem BV_ODD=1 when it holds one of a type reg.exe cannot write back; BV_DONE=1
rem when a rollback restored it already.
:bk_read
set "BV_OK=0"
set "BV_WHY="
set "BV_END="
set "BV_RECS=0"
set "BV_EXACT=0"
set "BV_DONE=0"
set "BV_PLAN=0"
set "BV_HASID=0"
set "BV_IDSAME=0"
set "BV_NAMESAME=0"
set "BV_PRESENT=0"
set "BV_TYPED=0"
if exist "%BK%\restored.txt" set "BV_DONE=1"
if exist "%BK%\state.txt" goto bk_read_file
set "BV_WHY=it holds no state.txt (an apply stopped before it wrote one)"
exit /b 0
:bk_read_file
for /f "usebackq eol=# tokens=1-4 delims=|" %%a in ("%BK%\state.txt") do (
	if "%%a"=="value" set /a BV_RECS+=1
	if "%%a"=="key" set /a BV_RECS+=1
	if "%%a"=="end" set "BV_END=%%b"
	if "%%a"=="exact" set "BV_EXACT=1"
	if "%%a"=="machine" if not "%%b"=="" set "BV_HASID=1"
	if /i "%%a|%%b"=="machine|%MACHINE_ID%" set "BV_IDSAME=1"
	if /i "%%a|%%b"=="computer|%COMPUTERNAME%" set "BV_NAMESAME=1"
	if "%%a|%%b"=="plan|%TLSGPO_PLAN%" set "BV_PLAN=1"
	if "%%a|%%c"=="value|present" set /a BV_PRESENT+=1
	if "%%a|%%c"=="value|present" for %%t in (REG_SZ REG_EXPAND_SZ REG_MULTI_SZ REG_DWORD REG_QWORD REG_BINARY) do if /i "%%d"=="%%t" set /a BV_TYPED+=1
)
set "BV_FOREIGN=1"
if "%BV_NAMESAME%"=="1" set "BV_FOREIGN=0"
if defined MACHINE_ID if "%BV_HASID%"=="1" set "BV_FOREIGN=1"
if defined MACHINE_ID if "%BV_IDSAME%"=="1" set "BV_FOREIGN=0"
set "BV_ODD=0"
if not "%BV_PRESENT%"=="%BV_TYPED%" set "BV_ODD=1"
set "BV_WHY=it was written for another build of this package (another plan)"
if "%BV_PLAN%"=="0" exit /b 0
set "BV_WHY=it was cut short: no end record (an apply stopped by a reboot or a timeout)"
if not defined BV_END exit /b 0
set /a "BV_WANT=OP_COUNT+KEY_COUNT"
set "BV_WHY=its records do not add up to this package's %BV_WANT%"
if not "x%BV_END%"=="x%BV_WANT%" exit /b 0
if not "%BV_RECS%"=="%BV_WANT%" exit /b 0
set "BV_WHY="
set "BV_OK=1"
exit /b 0

rem ---- The registry plan, loaded once by :load_plan ------------------------
:load_plan
set "OP_1=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client|/reg:64|Enabled|REG_DWORD|0x00000000|1|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client [shared] Enabled"
set "OP_2=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client|/reg:64|DisabledByDefault|REG_DWORD|0x00000001|1|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client [shared] DisabledByDefault"
set "OP_3=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server|/reg:64|Enabled|REG_DWORD|0x00000000|2|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server [shared] Enabled"
set "OP_4=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server|/reg:64|DisabledByDefault|REG_DWORD|0x00000001|2|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server [shared] DisabledByDefault"
set "OP_5=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client|/reg:64|Enabled|REG_DWORD|0x00000000|3|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client [shared] Enabled"
set "OP_6=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client|/reg:64|DisabledByDefault|REG_DWORD|0x00000001|3|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client [shared] DisabledByDefault"
set "OP_7=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server|/reg:64|Enabled|REG_DWORD|0x00000000|4|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server [shared] Enabled"
set "OP_8=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server|/reg:64|DisabledByDefault|REG_DWORD|0x00000001|4|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server [shared] DisabledByDefault"
set "OP_9=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client|/reg:64|Enabled|REG_DWORD|0x00000000|5|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client [shared] Enabled"
set "OP_10=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client|/reg:64|DisabledByDefault|REG_DWORD|0x00000001|5|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client [shared] DisabledByDefault"
set "OP_11=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server|/reg:64|Enabled|REG_DWORD|0x00000000|6|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server [shared] Enabled"
set "OP_12=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server|/reg:64|DisabledByDefault|REG_DWORD|0x00000001|6|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server [shared] DisabledByDefault"
set "OP_13=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client|/reg:64|Enabled|REG_DWORD|0x00000000|7|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client [shared] Enabled"
set "OP_14=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client|/reg:64|DisabledByDefault|REG_DWORD|0x00000001|7|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client [shared] DisabledByDefault"
set "OP_15=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server|/reg:64|Enabled|REG_DWORD|0x00000000|8|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server [shared] Enabled"
set "OP_16=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server|/reg:64|DisabledByDefault|REG_DWORD|0x00000001|8|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server [shared] DisabledByDefault"
set "OP_17=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client|/reg:64|Enabled|REG_DWORD|0x00000001|9|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client [shared] Enabled"
set "OP_18=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client|/reg:64|DisabledByDefault|REG_DWORD|0x00000000|9|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client [shared] DisabledByDefault"
set "OP_19=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server|/reg:64|Enabled|REG_DWORD|0x00000001|10|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server [shared] Enabled"
set "OP_20=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server|/reg:64|DisabledByDefault|REG_DWORD|0x00000000|10|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server [shared] DisabledByDefault"
set "OP_21=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client|/reg:64|Enabled|REG_DWORD|0x00000001|11|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client [shared] Enabled"
set "OP_22=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client|/reg:64|DisabledByDefault|REG_DWORD|0x00000000|11|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client [shared] DisabledByDefault"
set "OP_23=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server|/reg:64|Enabled|REG_DWORD|0x00000001|12|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server [shared] Enabled"
set "OP_24=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server|/reg:64|DisabledByDefault|REG_DWORD|0x00000000|12|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server [shared] DisabledByDefault"
set "OP_25=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman|/reg:64|ServerMinKeyBitLength|REG_DWORD|0x00000C00|19|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman [shared] ServerMinKeyBitLength"
set "OP_26=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman|/reg:64|ClientMinKeyBitLength|REG_DWORD|0x00000C00|19|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman [shared] ClientMinKeyBitLength"
set "OP_27=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\PKCS|/reg:64|ClientMinKeyBitLength|REG_DWORD|0x00000800|20|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\PKCS [shared] ClientMinKeyBitLength"
set "OP_28=HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002|/reg:64|Functions|REG_SZ|TLS_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256|21|HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002 [shared] Functions"
set "OP_29=HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002|/reg:64|EccCurves|REG_MULTI_SZ|NistP384\0NistP256\0curve25519|21|HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002 [shared] EccCurves"

set "K_1=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client [shared]|13|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0"
set "K_2=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server [shared]|13|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0"
set "K_3=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client [shared]|14|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0"
set "K_4=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server [shared]|14|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0"
set "K_5=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client [shared]|15|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0"
set "K_6=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server [shared]|15|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0"
set "K_7=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client [shared]|16|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1"
set "K_8=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server [shared]|16|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1"
set "K_9=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client [shared]|17|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2"
set "K_10=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server [shared]|17|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2"
set "K_11=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Client [shared]|18|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3"
set "K_12=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3\Server [shared]|18|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3"
set "K_13=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0 [shared]|22|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols"
set "K_14=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0 [shared]|22|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols"
set "K_15=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0 [shared]|22|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols"
set "K_16=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1 [shared]|22|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols"
set "K_17=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2 [shared]|22|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols"
set "K_18=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.3 [shared]|22|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols"
set "K_19=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman [shared]|23|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms"
set "K_20=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\PKCS|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\PKCS|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\PKCS [shared]|23|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms"
set "K_21=HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002|/reg:64|1|HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002|HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002 [shared]|24|HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL"
set "K_22=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols [shared]|25|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL"
set "K_23=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms [shared]|25|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL"
set "K_24=HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL|/reg:64|0|HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL|HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL [shared]|26|HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration"
set "K_25=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL [shared]|27|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders"
set "K_26=HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration|/reg:64|0|HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Cryptography\Configuration|HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration [shared]|28|HKLM\SOFTWARE\Policies\Microsoft\Cryptography"
set "K_27=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders [shared]|29|HKLM\SYSTEM\CurrentControlSet\Control"
set "K_28=HKLM\SOFTWARE\Policies\Microsoft\Cryptography|/reg:64|0|HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Cryptography|HKLM\SOFTWARE\Policies\Microsoft\Cryptography [shared]|30|HKLM\SOFTWARE\Policies\Microsoft"
set "K_29=HKLM\SYSTEM\CurrentControlSet\Control|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control|HKLM\SYSTEM\CurrentControlSet\Control [shared]|0|HKLM\SYSTEM\CurrentControlSet"
set "K_30=HKLM\SOFTWARE\Policies\Microsoft|/reg:64|0|HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft|HKLM\SOFTWARE\Policies\Microsoft [shared]|0|HKLM\SOFTWARE\Policies"

set "OSR_1=7601|7601|-|0|-|1|-|1|-|3080079|Windows 7 SP1 or Windows Server 2008 R2 SP1"
set "OSR_2=9200|9200|-|0|-|1|-|1|-|-|Windows 8 or Windows Server 2012"
set "OSR_3=9600|9600|-|0|-|1|-|1|-|-|Windows 8.1 or Windows Server 2012 R2"
set "OSR_4=14393|14393|-|0|-|1|-|1|-|-|Windows Server 2016 or Windows 10"
set "OSR_5=17763|17763|-|0|-|1|-|1|-|-|Windows Server 2019 or Windows 10"
set "OSR_6=20348|20348|-|0|-|0|-|1|-|-|Windows Server 2022"
set "OSR_7=26100|26100|-|0|-|0|-|1|-|-|Windows Server 2025 or Windows 11"
set "OSR_8=6002|6003|-|0|-|1|4019276|1|-|-|Windows Server 2008 SP2"
set "OSR_9=14393|19045|-|0|-|1|-|1|-|-|Windows 10"
set "OSR_10=22000|2147483647|-|0|-|0|-|1|-|-|Windows 11"

exit /b 0

