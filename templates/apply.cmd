@echo off
rem apply.cmd: written by tlsgpo @TOOL_VERSION@ for policy @ID@, version @VERSION@.
rem
rem Sets the policy's @OP_COUNT@ registry values (both registry views) with reg.exe,
rem after recording the prior state of every one of them in a new backup
rem folder, which rollback.cmd restores exactly. A second run changes nothing.
rem
rem usage: apply.cmd [/backupdir DIR] [/skipprereq]
rem   /backupdir DIR  keep backups in DIR (default: %ProgramData%\tlsgpo\@ID@),
rem                   each as DIR\@ID@-@VERSION@-N; a relative DIR is taken
rem                   from the current folder
rem   /skipprereq     do not check for KB 3140245 or a TLS 1.3 capable OS
rem
rem Runs from anywhere, a read-only share included: it writes only to the
rem registry, to the backup folder and to %TEMP%. Two runs at once each
rem take their own backup number.
rem
rem Exit codes: 0 applied, or nothing to do; 2 usage error, not run
rem elevated, or HKCU values as SYSTEM; 3 a prerequisite is missing;
rem 4 the backup could not be written (nothing was changed); 5 a value
rem could not be written; 6 the registry could not be read, or the script
rem could not make its work folder (nothing was changed).
setlocal EnableExtensions DisableDelayedExpansion
set "REG=%SystemRoot%\System32\reg.exe"
set "TLSGPO_ID=@ID@"
set "TLSGPO_VERSION=@VERSION@"
set "OP_COUNT=@OP_COUNT@"
set "KEY_COUNT=@KEY_COUNT@"
set "BACKUP_ROOT=%ProgramData%\tlsgpo\@ID@"
if not defined ProgramData set "BACKUP_ROOT=%ALLUSERSPROFILE%\tlsgpo\@ID@"
set "SKIP_PREREQ=0"
set "W="
set "RC=0"

:args
if "%~1"=="" goto args_done
if /i "%~1"=="/skipprereq" (
	set "SKIP_PREREQ=1"
	shift
	goto args
)
if /i not "%~1"=="/backupdir" goto usage
if "%~2"=="" goto usage
rem Relative to the current folder, once, here.
for %%d in ("%~2") do set "BACKUP_ROOT=%%~fd"
shift
shift
goto args
:usage
>&2 echo usage: apply.cmd [/backupdir DIR] [/skipprereq]
exit /b 2
:args_done

echo apply.cmd: policy @POLICY_ECHO@
if not "@HAS_HKCU@"=="1" goto system_ok
call :is_system
if errorlevel 1 goto system_ok
>&2 echo apply.cmd: this policy sets values in HKEY_CURRENT_USER, and this is the SYSTEM
>&2 echo apply.cmd: account, whose HKCU is no user's. Deploy user values through the GPO's
>&2 echo apply.cmd: User part ^(gpo\User\Registry.pol^) or run this script as the user.
exit /b 2
:system_ok
if not "@HAS_HKLM@"=="1" goto elevated_ok
call :elevated
if not errorlevel 1 goto elevated_ok
>&2 echo apply.cmd: run this script elevated ^(as Administrator or SYSTEM^): it writes to HKLM.
exit /b 2
:elevated_ok
call :work_dir
if not errorlevel 1 goto work_ok
>&2 echo apply.cmd: cannot make a work folder under "%TEMP%"; nothing was changed.
exit /b 6
:work_ok

set "OS_BUILD="
%REG% query "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion" /v CurrentBuildNumber /reg:64 >"%W%\build.out" 2>nul
for /f "usebackq tokens=1,2,3" %%a in ("%W%\build.out") do if /i "%%a"=="CurrentBuildNumber" set "OS_BUILD=%%c"
if defined OS_BUILD goto build_known
>&2 echo apply.cmd: cannot read CurrentBuildNumber with reg.exe; nothing was changed.
set "RC=6"
goto done
:build_known
if "%SKIP_PREREQ%"=="1" goto prereq_done
if not "@NEEDS_KB@"=="1" goto kb_done
if %OS_BUILD% LSS 7601 goto kb_done
if %OS_BUILD% GTR 9200 goto kb_done
rem The 64-bit view: a 32-bit host would read the redirected one and miss it.
%REG% query "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages" /reg:64 >"%W%\cbs.out" 2>"%W%\cbs.err"
if "%errorlevel%"=="0" goto kb_read
if not "%errorlevel%"=="1" goto kb_unread
rem Exit 1 with a message: no such key, so no package either.
for %%f in ("%W%\cbs.out" "%W%\cbs.err") do if %%~zf GTR 0 goto kb_missing
:kb_unread
>&2 echo apply.cmd: cannot read the installed updates with reg.exe; nothing was changed.
set "RC=6"
goto done
:kb_read
"%SystemRoot%\System32\find.exe" /i "KB3140245" "%W%\cbs.out" >nul 2>&1
if "%errorlevel%"=="0" goto kb_done
if not "%errorlevel%"=="1" goto kb_unread
:kb_missing
>&2 echo apply.cmd: Windows build %OS_BUILD% is Windows 7 SP1, Server 2008 R2 SP1 or Server 2012:
>&2 echo apply.cmd: WinHTTP reads DefaultSecureProtocols only once KB 3140245 is installed.
>&2 echo apply.cmd: install KB 3140245 first; Microsoft's Easy Fix MicrosoftEasyFix51044.msi
>&2 echo apply.cmd: also sets the value. Nothing was changed. /skipprereq skips this check.
set "RC=3"
goto done
:kb_done
if not "@NEEDS_TLS13@"=="1" goto prereq_done
if %OS_BUILD% GEQ 20348 goto prereq_done
>&2 echo apply.cmd: this policy turns TLS 1.3 on, but this is Windows build %OS_BUILD%;
>&2 echo apply.cmd: TLS 1.3 needs Windows 11 or Server 2022, build 20348, or later. Nothing was changed.
set "RC=3"
goto done
:prereq_done

set "TODO=0"
set "UNREAD=0"
for /l %%i in (1,1,%OP_COUNT%) do call :count_todo %%i
if "%UNREAD%"=="0" goto read_ok
>&2 echo apply.cmd: reg.exe could not read %UNREAD% of the values ^(it did not start or did not answer^); nothing was changed.
set "RC=6"
goto done
:read_ok
if not "%TODO%"=="0" goto changes
for /l %%i in (1,1,%OP_COUNT%) do call :show_unchanged %%i
echo apply.cmd: all %OP_COUNT% values already have the policy's data: nothing changed.
goto done
:changes

call :new_backup
if not errorlevel 1 goto backup_made
if "%BK_MINE%"=="1" rd /s /q "%BK%" >nul 2>&1
>&2 echo apply.cmd: cannot write a complete backup under "%BACKUP_ROOT%"; nothing was changed.
set "RC=4"
goto done
:backup_made
echo apply.cmd: prior state saved in "%BK%"

set "FAILED=0"
for /l %%i in (1,1,%OP_COUNT%) do call :apply_one %%i
echo apply.cmd: restart Windows so that WinHTTP, WinINet, .NET and SCHANNEL read the new values.
if "%FAILED%"=="0" goto done
>&2 echo apply.cmd: %FAILED% values could not be written; rollback.cmd undoes the others.
set "RC=5"

:done
call :work_dir_done
exit /b %RC%

:count_todo
call :op_%1
call :query
if "%Q_STATE%"=="error" set /a UNREAD+=1
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
echo unchanged   %OP_LABEL%: %OP_TYPE% %OP_DATA%
exit /b 0

rem :apply_one N: writes the value, reads it back, and only then says
rem "changed"; the "before" printed comes from the backup just written.
:apply_one
call :op_%1
setlocal EnableDelayedExpansion
if "!SAME_%1!"=="1" (
	endlocal
	goto show_unchanged
)
endlocal
set "A_TRY=0"
:apply_one_again
set /a A_TRY+=1
%REG% add "%OP_KEY%" /v "%OP_NAME%" /t %OP_TYPE% /d %OP_DATA% /f %OP_VIEW% >nul 2>&1
call :query
call :same
if not errorlevel 1 goto apply_one_done
rem One more try: a write can fail for a moment (a scanner holding the key).
if %A_TRY% LSS 2 goto apply_one_again
set /a FAILED+=1
>&2 echo FAILED      %OP_LABEL%: reg add did not take
exit /b 0
:apply_one_done
for /f "usebackq eol=# tokens=1-4,* delims=|" %%a in ("%BK%\state.txt") do (
	if "%%a|%%b|%%c"=="value|%1|absent" echo changed     %OP_LABEL%: absent, set to %OP_TYPE% %OP_DATA%
	if "%%a|%%b|%%c"=="value|%1|present" echo changed     %OP_LABEL%: %%d %%e, set to %OP_TYPE% %OP_DATA%
)
if %A_TRY% GTR 1 echo             %OP_LABEL%: written at the second attempt
exit /b 0

rem :new_backup: a new numbered folder BK (one past the highest; mkdir is
rem the lock, so two runs at once never share one) holding state.txt and
rem .reg exports. BK_MINE=1 once this run made BK: only then may it be
rem removed again. The backup counts only once it reads back complete.
:new_backup
set "BK_MINE=0"
call :scan_backups
if %BK_MAX% GEQ 9999 exit /b 1
if not exist "%BACKUP_ROOT%\" mkdir "%BACKUP_ROOT%" >nul 2>&1
set "BK_N=%BK_MAX%"
set "BK_TRIES=0"
:new_backup_next
set /a BK_N+=1
set /a BK_TRIES+=1
if %BK_TRIES% GTR 50 exit /b 1
if %BK_N% GTR 9999 exit /b 1
set "BK=%BK_P%%BK_N%"
mkdir "%BK%" >nul 2>&1
if not errorlevel 1 goto new_backup_mine
if exist "%BK%\" goto new_backup_next
exit /b 1
:new_backup_mine
set "BK_MINE=1"
> "%BK%\state.txt" echo # tlsgpo backup of policy %TLSGPO_ID% version %TLSGPO_VERSION%, written by apply.cmd
if errorlevel 1 exit /b 1
>> "%BK%\state.txt" echo format^|2^|apply.cmd
>> "%BK%\state.txt" echo computer^|%COMPUTERNAME%
set "BK_FAIL=0"
for /l %%i in (1,1,%OP_COUNT%) do call :record_value %%i
for /l %%i in (1,1,%KEY_COUNT%) do call :record_key %%i
if not "%BK_FAIL%"=="0" exit /b 1
set /a "BK_RECS=OP_COUNT+KEY_COUNT"
>> "%BK%\state.txt" echo end^|%BK_RECS%
call :bk_read
if not "%BV_OK%"=="1" exit /b 1
exit /b 0

:record_value
rem A backup that misses a value, or calls a present value absent, would
rem make rollback wrong: absence must be read twice, and the record is
rem read back from the file.
call :op_%1
set "REC_TRY=0"
:record_value_again
set /a REC_TRY+=1
call :query
if "%Q_STATE%"=="present" goto record_present
if "%Q_STATE%"=="error" goto record_value_check
call :query
if "%Q_STATE%"=="present" goto record_present
if "%Q_STATE%"=="error" goto record_value_check
>> "%BK%\state.txt" echo value^|%1^|absent
goto record_value_check
:record_present
rem The data goes from reg.exe's answer to the file as a FOR variable:
rem never parsed, never expanded.
for /f "usebackq tokens=1,2,*" %%a in ("%W%\q.out") do (
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
%REG% query "%K_PATH%" %K_VIEW% >"%W%\k.out" 2>"%W%\k.err"
if "%errorlevel%"=="0" goto record_key_present
%REG% query "%K_PATH%" %K_VIEW% >"%W%\k.out" 2>"%W%\k.err"
if "%errorlevel%"=="0" goto record_key_present
if not "%errorlevel%"=="1" goto record_key_failed
for %%f in ("%W%\k.out" "%W%\k.err") do if %%~zf GTR 0 goto record_key_absent
:record_key_failed
set "BK_FAIL=1"
exit /b 0
:record_key_absent
>> "%BK%\state.txt" echo key^|%1^|absent
exit /b 0
:record_key_present
>> "%BK%\state.txt" echo key^|%1^|present
if "%K_HOLDS%"=="1" %REG% export "%K_PATH%" "%BK%\key%1.reg" /y %K_VIEW% >nul 2>&1
exit /b 0

@COMMON@
