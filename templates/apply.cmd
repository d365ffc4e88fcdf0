@echo off
rem apply.cmd: written by tlsgpo @TOOL_VERSION@ for policy @ID@, version @VERSION@.
rem
rem Sets the policy's @OP_COUNT@ registry values (both registry views) with reg.exe,
rem after recording the prior state of every one of them in a new backup
rem folder, which rollback.cmd restores exactly. A second run changes nothing.
rem
rem usage: apply.cmd [/backupdir DIR] [/keep N] [/skipprereq] [/signalrestart]
rem   /backupdir DIR  keep backups in DIR (default: %ProgramData%\tlsgpo\@ID@,
rem                   or %LOCALAPPDATA%\tlsgpo\@ID@ for a policy with HKCU
rem                   values), each as DIR\@ID@-@VERSION@-N; a relative DIR
rem                   is taken from the current folder
rem   /keep N         keep the newest N usable backups of this computer
rem                   (default 10; 1 to 9999), and always the one rollback
rem                   would restore; older ones go after a new backup
rem   /skipprereq     do not check what this Windows needs (WinHTTP's
rem                   update, @WINHTTP_KBS@; an OS that has TLS 1.3)
rem   /signalrestart  exit 3010 instead of 0 when values were changed: "done,
rem                   restart needed" to ConfigMgr and Intune Win32 apps (not
rem                   the default: Intune Remediations and GPO scripts read
rem                   any code but 0 as a failure)
rem
rem Runs from anywhere, a read-only share included: it writes only to the
rem registry, to the backup folder and to %TEMP%. Two runs at once each
rem take their own backup number.
rem
rem Exit codes: 0 applied, or nothing to do (3010 applied, with
rem /signalrestart); 2 usage error, not run
rem elevated, or HKCU values as SYSTEM; 3 a prerequisite is missing;
rem 4 the backup could not be written, or ProgramData's backup folder could
rem not be checked or made safe (nothing was changed); 5 a value
rem could not be written; 6 the registry could not be read, or the script
rem could not make its work folder (nothing was changed).
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
set "SKIP_PREREQ=0"
set "SIGNAL_RESTART=0"
set "KEEP=10"
set "W="
set "RC=0"

:main
call :load_plan

:args
if "%~1"=="" goto args_done
if /i "%~1"=="/skipprereq" (
	set "SKIP_PREREQ=1"
	shift
	goto args
)
if /i "%~1"=="/signalrestart" (
	set "SIGNAL_RESTART=1"
	shift
	goto args
)
if /i not "%~1"=="/keep" goto args_backupdir
set "KEEP=%~2"
rem A number from 1 to 9999, as cmd compares numbers.
if not defined KEEP goto usage
set "KEEP_T=#%KEEP%"
for %%c in (0 1 2 3 4 5 6 7 8 9) do call set "KEEP_T=%%KEEP_T:%%c=%%"
if not "%KEEP_T%"=="#" goto usage
if "%KEEP:~0,1%"=="0" goto usage
rem At most 4 digits (padded: Wine's cmd reads past a short string's end).
set "KEEP_T=%KEEP%#####"
if not "%KEEP_T:~4,1%"=="#" goto usage
shift
shift
goto args
:args_backupdir
if /i not "%~1"=="/backupdir" goto usage
if "%~2"=="" goto usage
rem Relative to the current folder, once, here.
for %%d in ("%~2") do set "BACKUP_ROOT=%%~fd"
set "BACKUP_CUSTOM=1"
shift
shift
goto args
:usage
>&2 echo usage: apply.cmd [/backupdir DIR] [/keep N] [/skipprereq] [/signalrestart]
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

call :os_build
if defined OS_BUILD goto build_known
>&2 echo apply.cmd: reg.exe could not read CurrentBuildNumber ^(it did not start or did not answer^); nothing was changed.
set "RC=6"
goto done
:build_known
rem What this build needs, from tlsgpo's table of OS facts (OSR_n).
set "OS_NAME="
for /l %%r in (1,1,@OS_COUNT@) do call :os_row %%r
if "%SKIP_PREREQ%"=="1" goto prereq_done
if not defined OS_NAME goto os_unknown
if "%OS_WHKB%"=="-" goto whkb_done
call :kb_installed %OS_WHKB%
if "%KB_STATE%"=="error" goto kb_unread
if "%KB_STATE%"=="present" goto whkb_done
>&2 echo apply.cmd: Windows build %OS_BUILD% is %OS_NAME%:
>&2 echo apply.cmd: WinHTTP reads DefaultSecureProtocols there only once KB %OS_WHKB% is installed.
if "%OS_WHKB%"=="@EASYFIX_KB@" >&2 echo apply.cmd: install KB @EASYFIX_KB@ first; Microsoft's Easy Fix @EASYFIX@ also sets the value.
>&2 echo apply.cmd: Nothing was changed. /skipprereq skips this check.
set "RC=3"
goto done
:whkb_done
if "%OS_PARTIAL%"=="1" echo apply.cmd: warning: %OS_NAME% honours only TLS 1.1 and TLS 1.2 in DefaultSecureProtocols; the policy's other protocols are ignored there.
if "%OS_NETKB%"=="-" goto netkb_done
rem Only where .NET 3.5 (CLR 2.0) is installed: NDP\v2.0.50727 Install 1
rem ("How to determine which .NET Framework versions are installed",
rem Microsoft Learn).
call :hklm_value "HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP\v2.0.50727" Install
if not "%HV%"=="0x1" goto netkb_done
call :kb_installed %OS_NETKB%
if "%KB_STATE%"=="error" goto kb_unread
rem Later .NET updates supersede the KB [os.c NETTLS]: not finding its
rem number is not proof that it is missing.
if not "%KB_STATE%"=="present" echo apply.cmd: warning: .NET Framework 3.5 on %OS_NAME% reads SystemDefaultTlsVersions only with KB %OS_NETKB% or a later .NET update that contains it; KB %OS_NETKB% is not listed, which is expected on a machine kept current through Windows Update, since later updates supersede it: could not confirm.
:netkb_done
if "%OS_TLS12KB%"=="-" goto tls12kb_done
call :kb_installed %OS_TLS12KB%
if "%KB_STATE%"=="error" goto kb_unread
if "%KB_STATE%"=="present" goto tls12kb_done
if "%OS_TLS10OFF%"=="1" goto tls12kb_refused
echo apply.cmd: warning: SCHANNEL on %OS_NAME% has TLS 1.1 and TLS 1.2 only with KB %OS_TLS12KB%, which is not installed; this policy relies on them.
goto tls12kb_done
:tls12kb_refused
>&2 echo apply.cmd: Windows build %OS_BUILD% is %OS_NAME%:
>&2 echo apply.cmd: SCHANNEL has TLS 1.1 and TLS 1.2 there only with KB %OS_TLS12KB%, which is not listed, and this policy turns TLS 1.0 off: no TLS would be left.
>&2 echo apply.cmd: Nothing was changed. If a later update that contains it is installed, /skipprereq skips this check.
set "RC=3"
goto done
:tls12kb_done
rem TLS 1.0 off for servers, and TLS 1.1 and 1.2 off there by default and
rem turned on neither by the policy nor on this machine: no TLS left.
if "%OS_NOTLS%"=="-" goto notls_done
set "SRV_TLS="
for %%v in (%OS_NOTLS%) do if not "%%v"=="0" call :srv_tls "TLS 1.%%v"
if defined SRV_TLS goto notls_done
>&2 echo apply.cmd: Windows build %OS_BUILD% is %OS_NAME%:
>&2 echo apply.cmd: this policy turns TLS 1.0 off for servers, and TLS 1.1 and TLS 1.2 are off for servers there by default and on neither in this policy nor on this machine: servers would be left without TLS. On the machine a protocol counts as on for servers when its Server key has DisabledByDefault 0 and Enabled absent or not 0.
>&2 echo apply.cmd: Add "tls1.2.server = enabled" to the policy. Nothing was changed. /skipprereq skips this check.
set "RC=3"
goto done
:notls_done
rem Remote Desktop without TLS 1.0 needs an update there [os.c]: refused
rem only where Remote Desktop is on: fDenyTSConnections 0, Group Policy's
rem value first (it overrides the local one), absent = off.
if "%OS_RDPKB%"=="-" goto rdpkb_done
set "RDP_DENY="
call :rdp_deny "HKLM\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services"
if not defined RDP_DENY call :rdp_deny "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server"
if "%RDP_DENY%"=="error" goto rdp_unread
if not "%RDP_DENY%"=="0x0" goto rdpkb_done
call :kb_installed %OS_RDPKB%
if "%KB_STATE%"=="error" goto kb_unread
if "%KB_STATE%"=="present" goto rdpkb_done
>&2 echo apply.cmd: Windows build %OS_BUILD% is %OS_NAME%, with Remote Desktop on:
>&2 echo apply.cmd: without TLS 1.0 for servers, which this policy turns off, Remote Desktop there needs KB %OS_RDPKB% and TLS 1.2 for servers on; KB %OS_RDPKB% is not listed.
>&2 echo apply.cmd: Nothing was changed. If a later update that contains it is installed, /skipprereq skips this check.
set "RC=3"
goto done
:rdpkb_done
if "%OS_TLS13LACK%"=="1" goto tls13_refused
goto prereq_done
:os_unknown
rem A build the table does not name: only TLS 1.3 is checked, by number.
echo apply.cmd: note: Windows build %OS_BUILD% is not in tlsgpo's table of Windows versions; only the TLS 1.3 check applies.
if not "@NEEDS_TLS13@"=="1" goto prereq_done
if %OS_BUILD% GEQ @TLS13_BUILD@ goto prereq_done
:tls13_refused
>&2 echo apply.cmd: this policy turns TLS 1.3 on, but this is Windows build %OS_BUILD%;
>&2 echo apply.cmd: TLS 1.3 needs @TLS13_WHERE@. Nothing was changed.
set "RC=3"
goto done
:kb_unread
>&2 echo apply.cmd: reg.exe could not read the installed updates ^(it did not start or did not answer^); nothing was changed.
set "RC=6"
goto done
:rdp_unread
>&2 echo apply.cmd: reg.exe could not read whether Remote Desktop is on ^(it did not start or did not answer^); nothing was changed.
set "RC=6"
goto done
:prereq_done

rem Every plan key once: its values for the comparison and the backup, its
rem presence for the backup, which is prepared in %W% as it is read.
call :read_keys 1
if "%KR_ERRORS%"=="0" goto read_ok
>&2 echo apply.cmd: reg.exe could not read %KR_ERRORS% of the policy's keys ^(it did not start or did not answer^); nothing was changed.
set "RC=6"
goto done
:read_ok
call :machine_id
> "%W%\state.txt" echo # tlsgpo backup of policy %TLSGPO_ID% version %TLSGPO_VERSION%, written by apply.cmd
>> "%W%\state.txt" echo format^|2^|apply.cmd
>> "%W%\state.txt" echo computer^|%COMPUTERNAME%
>> "%W%\state.txt" echo machine^|%MACHINE_ID%
>> "%W%\state.txt" echo plan^|%TLSGPO_PLAN%
set "TODO=0"
set "UNKNOWN=0"
for /l %%i in (1,1,%OP_COUNT%) do call :count_todo %%i
for /l %%i in (1,1,%KEY_COUNT%) do call :record_key %%i
if "%UNKNOWN%"=="0" goto types_ok
>&2 echo apply.cmd: a backup could not restore that ^(nor can apply.ps1's^). Nothing was changed:
>&2 echo apply.cmd: set or delete the value by hand ^(reg query shows it^), then run apply.cmd again.
set "RC=4"
goto done
:types_ok
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

rem Write, read every key back, and only then say "changed"; a value that
rem does not read back is written once more (a scanner may hold the key).
for /l %%i in (1,1,%OP_COUNT%) do call :write_one %%i
call :read_keys 0
set "FAILED=0"
set "RETRY=0"
for /l %%i in (1,1,%OP_COUNT%) do call :check_one %%i
if "%RETRY%"=="0" goto written
for /l %%i in (1,1,%OP_COUNT%) do call :write_again %%i
call :read_keys 0
for /l %%i in (1,1,%OP_COUNT%) do call :check_again %%i
:written
call :prune
echo apply.cmd: restart Windows so that WinHTTP, WinINet, .NET and SCHANNEL read the new values.
if "%FAILED%%SIGNAL_RESTART%"=="01" set "RC=3010"
if "%FAILED%"=="0" goto done
>&2 echo apply.cmd: %FAILED% values could not be written; rollback.cmd undoes the others.
set "RC=5"

:done
call :work_dir_done
exit /b %RC%

rem ---- apply.cmd's own subroutines --------------------------------------

rem :os_row N: the OS_* facts of table row N when this build is in its range
rem (the first row that fits; the table lists narrow ranges first).
:os_row
if defined OS_NAME exit /b 0
call set "OS_ROWTEXT=%%OSR_%1%%"
for /f "tokens=1-10,* delims=|" %%a in ("%OS_ROWTEXT%") do (
	if %OS_BUILD% GEQ %%a if %OS_BUILD% LEQ %%b (
		set "OS_WHKB=%%c"
		set "OS_PARTIAL=%%d"
		set "OS_NETKB=%%e"
		set "OS_TLS13LACK=%%f"
		set "OS_TLS12KB=%%g"
		set "OS_TLS10OFF=%%h"
		set "OS_NOTLS=%%i"
		set "OS_RDPKB=%%j"
		set "OS_NAME=%%k"
	)
)
exit /b 0

rem :new_backup: a new numbered folder BK (one past the highest; mkdir is
rem the lock, so two runs at once never share one) holding the state.txt
rem prepared in %W% with its end record, and .reg exports. BK_MINE=1 once
rem this run made BK: only then may it be removed again. The backup counts
rem only once it reads back complete.
:new_backup
set "BK_MINE=0"
call :store_ready
if errorlevel 1 exit /b 1
rem The store's check (:acl_check) names the backup folders that fail:
rem rollback passes them over, so pruning neither counts nor keeps them.
set "PR_CHECKED=0"
if not "%AS_OWN%"=="1" goto new_backup_list
copy /y "%W%\acl.out" "%W%\acl-store.out" >nul 2>&1
if not errorlevel 1 set "PR_CHECKED=1"
:new_backup_list
call :list_backups
set "BK_N=%BK_MAX%"
set "BK_TRIES=0"
:new_backup_next
set /a BK_N+=1
set /a BK_TRIES+=1
if %BK_TRIES% GTR 50 exit /b 1
if %BK_N% GTR 999999999 exit /b 1
set "BK=%BK_P%%BK_N%"
mkdir "%BK%" >nul 2>&1
if not errorlevel 1 goto new_backup_mine
if exist "%BK%\" goto new_backup_next
exit /b 1
:new_backup_mine
set "BK_MINE=1"
for /l %%i in (1,1,%KEY_COUNT%) do call :export_key %%i
rem state.txt last, without the file cache where xcopy can (/j; an xcopy
rem without it fails, and copy does it): a backup cut short has none, or
rem no end.
set /a "BK_RECS=OP_COUNT+KEY_COUNT"
>> "%W%\state.txt" echo end^|%BK_RECS%
xcopy /j /q /y "%W%\state.txt" "%BK%\" >nul 2>&1
if errorlevel 1 copy /b "%W%\state.txt" "%BK%\state.txt" >nul 2>&1
if errorlevel 1 exit /b 1
call :bk_read
if not "%BV_OK%"=="1" exit /b 1
rem ProgramData's backups belong to Administrators, like their folders.
if not "%AS_OWN%"=="1" exit /b 0
"%SystemRoot%\System32\icacls.exe" "%BK%" /setowner *S-1-5-32-544 /T /C /Q >nul 2>&1
if errorlevel 1 exit /b 1
exit /b 0

rem A .reg copy of each key that holds values, for people; rollback reads
rem state.txt.
:export_key
call :key %1
if not "%K_HOLDS%"=="1" exit /b 0
call set "KR_NOW=%%KR_%1%%"
if "%KR_NOW%"=="present" %REG% export "%K_PATH%" "%BK%\key%1.reg" /y %K_VIEW% >nul 2>&1
exit /b 0

rem :count_todo N: OK_N=1 when value N already has the policy's data; its
rem prior state goes to the backup being prepared in %W%\state.txt (the
rem data as a FOR variable: never parsed, never expanded) and, for the
rem report, to B_N.
:count_todo
call :op %1
call :query
set "B_%1=absent"
if "%Q_STATE%"=="absent" >> "%W%\state.txt" echo value^|%1^|absent
if "%Q_STATE%"=="other" goto count_todo_other
if not "%Q_STATE%"=="present" goto count_todo_recorded
if defined Q_DATA goto count_todo_dword
set "B_%1=other"
for /f "usebackq tokens=1,2,*" %%a in ("%W%\k%OP_K%.out") do (
	if /i "%%a|%%b"=="%OP_NAME%|%Q_TYPE%" >> "%W%\state.txt" echo value^|%1^|present^|%%b^|%%c
)
goto count_todo_recorded
:count_todo_dword
>> "%W%\state.txt" echo value^|%1^|present^|REG_DWORD^|%Q_DATA%
call :hex8
set "B_%1=REG_DWORD %Q_HEX%"
goto count_todo_recorded
:count_todo_other
set /a UNKNOWN+=1
>&2 echo apply.cmd: %OP_LABEL% is a %Q_TYPE%, which reg.exe cannot write back exactly.
:count_todo_recorded
if not "%Q_SAME%"=="1" goto count_todo_differs
set "OK_%1=1"
exit /b 0
:count_todo_differs
set "OK_%1=0"
set /a TODO+=1
exit /b 0

:record_key
call set "KR_NOW=%%KR_%1%%"
>> "%W%\state.txt" echo key^|%1^|%KR_NOW%
exit /b 0

:write_again
call set "W_OK=%%OK_%1%%"
if not "%W_OK%"=="again" exit /b 0
set "OK_%1=0"
goto write_one

:write_one
call set "W_OK=%%OK_%1%%"
if "%W_OK%"=="1" exit /b 0
call :op %1
%REG% add "%OP_KEY%" /v "%OP_NAME%" /t %OP_TYPE% /d @DATA_ARG@ /f %OP_VIEW% >nul 2>&1
exit /b 0

:check_again
call set "W_OK=%%OK_%1%%"
if not "%W_OK%"=="0" exit /b 0
call :op %1
call :query
if "%Q_SAME%"=="1" (
	set "OK_%1=1"
	call :report_changed %1
	echo             %OP_LABEL%: written at the second attempt
	exit /b 0
)
set /a FAILED+=1
>&2 echo FAILED      %OP_LABEL%: reg add did not take
exit /b 0

rem :check_one N: prints "changed" once value N reads back as written, and
rem marks it done (OK_N=1: :check_again must not report it again); one that
rem does not is left "again" (RETRY=1), to be written once more.
:check_one
call set "W_OK=%%OK_%1%%"
if "%W_OK%"=="1" goto show_unchanged
call :op %1
call :query
if not "%Q_SAME%"=="1" goto check_one_again
set "OK_%1=1"
goto report_changed
:check_one_again
set "OK_%1=again"
set "RETRY=1"
exit /b 0

:show_unchanged
call :op %1
echo unchanged   %OP_LABEL%: %OP_TYPE% %OP_DATA%
exit /b 0

rem :report_changed N: "changed LABEL: BEFORE, set to AFTER"; BEFORE of a
rem value that was not a REG_DWORD comes from the backup, as reg.exe showed it.
:report_changed
call set "B_NOW=%%B_%1%%"
if not "%B_NOW%"=="other" (
	echo changed     %OP_LABEL%: %B_NOW%, set to %OP_TYPE% %OP_DATA%
	exit /b 0
)
for /f "usebackq eol=# tokens=1-4,* delims=|" %%a in ("%BK%\state.txt") do (
	if "%%a|%%b|%%c"=="value|%1|present" echo changed     %OP_LABEL%: %%d %%e, set to %OP_TYPE% %OP_DATA%
)
exit /b 0

@COMMON@

rem ---- apply.cmd's own subroutines, continued ---------------------------

rem :srv_tls PROTOCOL: SRV_TLS=1 when SCHANNEL's PROTOCOL is on for servers
rem on this machine, where it is off by default: Enabled absent or not 0,
rem and DisabledByDefault 0 (as tlsgpo writes "enabled").
:srv_tls
set "ST_KEY=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\%~1\Server"
call :hklm_value "%ST_KEY%" Enabled
if "%HV%"=="0x0" exit /b 0
call :hklm_value "%ST_KEY%" DisabledByDefault
if "%HV%"=="0x0" set "SRV_TLS=1"
exit /b 0

rem :rdp_deny KEY: RDP_DENY = fDenyTSConnections under KEY as reg.exe
rem shows it (0x0, 0x1), unset when absent (reg.exe exits 1), "error" when
rem reg.exe did not answer.
:rdp_deny
call :hklm_value %1 fDenyTSConnections
if not "%HV_RC%"=="0" if not "%HV_RC%"=="1" set "RDP_DENY=error"
if defined HV set "RDP_DENY=%HV%"
exit /b 0

rem :kb_installed N: KB_STATE = present, missing, or error, from the
rem Component Based Servicing packages, read once, in the 64-bit view (a
rem 32-bit host would read the redirected one and miss them).
:kb_installed
set "KB_STATE=error"
if exist "%W%\cbs.out" goto kb_installed_read
%REG% query "HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages" /reg:64 >"%W%\cbs.out" 2>"%W%\cbs.err"
set "KB_RC=%errorlevel%"
if "%KB_RC%"=="0" goto kb_installed_read
if not "%KB_RC%"=="1" (
	del "%W%\cbs.out" >nul 2>&1
	exit /b 0
)
rem Exit 1 with a message: no such key, so no package either.
for %%f in ("%W%\cbs.out" "%W%\cbs.err") do if %%~zf GTR 0 set "KB_STATE=missing"
type nul > "%W%\cbs.out"
exit /b 0
:kb_installed_read
rem Package names spell the KB in capitals; Wine's find.exe has no /i.
"%SystemRoot%\System32\find.exe" "KB%1" < "%W%\cbs.out" >nul 2>&1
set "KB_RC=%errorlevel%"
if "%KB_RC%"=="0" set "KB_STATE=present"
if "%KB_RC%"=="1" set "KB_STATE=missing"
exit /b 0

rem :prune: after a new backup, keeps the newest KEEP usable backups of this
rem computer, everything newer than the oldest of them, and the one
rem rollback would restore (the oldest usable one not yet restored: the
rem state before the policy); removes the rest. A folder the store's check
rem failed is neither usable nor kept.
:prune
call :list_backups
set "PR_PICK="
type nul > "%W%\usable.txt"
for /f "usebackq" %%n in ("%W%\bk.txt") do call :prune_pick %%n
rem A backup goes when KEEP usable ones are newer (only the existing
rem numbers are looked at: a gap up to 12000 costs nothing).
for /f "usebackq" %%n in ("%W%\bk.txt") do call :prune_one %%n
exit /b 0
:prune_pick
set "BK=%BK_P%%1"
call :bk_read
set "PR_BAD=0"
set "BK_NAME=%TLSGPO_ID%-%TLSGPO_VERSION%-%1"
if "%PR_CHECKED%"=="1" for /f "usebackq tokens=1-4,* delims=|" %%a in ("%W%\acl-store.out") do if /i "%%e"=="%BK_NAME%" if "%%a|%%b"=="bad|item" set "PR_BAD=1"
if "%BV_OK%%BV_FOREIGN%%PR_BAD%"=="100" >> "%W%\usable.txt" echo %1
if not "%BV_OK%%BV_FOREIGN%%BV_DONE%%PR_BAD%"=="1000" exit /b 0
if not defined PR_PICK set "PR_PICK=%1"
if %1 LSS %PR_PICK% set "PR_PICK=%1"
exit /b 0
:prune_one
if "%1"=="%PR_PICK%" exit /b 0
set "PR_NEWER=0"
for /f "usebackq" %%u in ("%W%\usable.txt") do if %%u GTR %1 set /a PR_NEWER+=1
if %PR_NEWER% LSS %KEEP% exit /b 0
rd /s /q "%BK_P%%1" >nul 2>&1
if exist "%BK_P%%1\" echo apply.cmd: warning: could not remove the old backup "%BK_P%%1"
exit /b 0

rem :store_ready: the backup folders. ProgramData's (not a /backupdir,
rem which is trusted as given, nor LocalAppData, the user's own) are made
rem for SYSTEM and Administrators only, or checked (:acl_check): one someone
rem else could change, or that is not a folder (a file, a link), is moved
rem aside, with every backup in it, and made anew. A backup folder in it
rem that fails is only passed over by rollback (it may be another run's,
rem being written). errorlevel 1 when that cannot be done.
:store_ready
set "AS_MADE=0"
set "AS_OWN=0"
if "@HAS_HKCU@"=="1" goto store_plain
if "%BACKUP_CUSTOM%"=="1" goto store_plain
set "AS_OWN=1"
set "AS_DIR=%BACKUP_TOP%"
set "AS_NAME=tlsgpo"
rem (Without the final \: a file there is looked at too.)
if exist "%BACKUP_TOP%" goto store_check
call :admin_folder
if errorlevel 1 exit /b 1
:store_check
call :acl_check
if "%AC%"=="ok" goto store_root
if "%AC%"=="error" goto store_unchecked
set "AS_WAS=%AC%"
rem Again, right before the move: another run may have been making it.
call :acl_check
if "%AC%"=="ok" goto store_root
if "%AC%"=="error" goto store_unchecked
if not "%AC%"=="%AS_WAS%" goto store_check
call :acl_say "apply.cmd: warning"
set "AS_DIR=%BACKUP_ROOT%"
set "AS_NAME=%TLSGPO_ID%"
if "%AC%"=="top" set "AS_DIR=%BACKUP_TOP%"
if "%AC%"=="top" set "AS_NAME=tlsgpo"
call :move_aside
if errorlevel 1 goto store_stuck
>&2 echo apply.cmd: warning: moved "%AS_DIR%" aside to "%AS_TO%": none of its backups is used; made it anew for SYSTEM and Administrators only.
:store_root
set "AS_DIR=%BACKUP_TOP%"
set "AS_NAME=tlsgpo"
if exist "%BACKUP_TOP%\" goto store_root_id
call :admin_folder
if errorlevel 1 exit /b 1
:store_root_id
set "AS_DIR=%BACKUP_ROOT%"
set "AS_NAME=%TLSGPO_ID%"
if exist "%BACKUP_ROOT%\" goto store_made
call :admin_folder
if errorlevel 1 exit /b 1
:store_made
rem What this run made or moved is checked once more.
if not "%AS_MADE%"=="1" exit /b 0
call :acl_check
if "%AC%"=="ok" exit /b 0
if "%AC%"=="error" goto store_unchecked
call :acl_say "apply.cmd"
>&2 echo apply.cmd: ...even made anew.
exit /b 1
:store_stuck
>&2 echo apply.cmd: cannot move "%AS_DIR%" aside ^(a file in it may be in use^): look at what it holds,
>&2 echo apply.cmd: then delete it, or give /backupdir a folder only administrators may change.
exit /b 1
:store_unchecked
call :acl_unchecked "apply.cmd"
exit /b 1
:store_plain
if not exist "%BACKUP_ROOT%\" mkdir "%BACKUP_ROOT%" >nul 2>&1
exit /b 0

rem :admin_folder: makes AS_DIR (whose last part is AS_NAME) owned by
rem Administrators (on client Windows what an administrator makes is owned
rem by that user), with an access list of SYSTEM and Administrators only,
rem protected, that what it holds inherits; all by SID. Made under a name
rem nobody can guess, then renamed: ren fails when AS_DIR exists.
:admin_folder
set "AF_TRY=0"
:admin_folder_next
set /a AF_TRY+=1
if %AF_TRY% GTR 20 exit /b 1
rem Two runs started in the same second draw the same %RANDOM% numbers:
rem a name taken is another run's, and the next one is tried.
set "AF_NEW=%AS_DIR%.new-%RANDOM%%RANDOM%%RANDOM%"
mkdir "%AF_NEW%" >nul 2>&1
if not errorlevel 1 goto admin_folder_mine
if exist "%AF_NEW%\" goto admin_folder_next
exit /b 1
:admin_folder_mine
"%SystemRoot%\System32\icacls.exe" "%AF_NEW%" /setowner *S-1-5-32-544 >nul 2>&1
if errorlevel 1 goto admin_folder_failed
"%SystemRoot%\System32\icacls.exe" "%AF_NEW%" /inheritance:r /grant:r "*S-1-5-18:(OI)(CI)F" "*S-1-5-32-544:(OI)(CI)F" >nul 2>&1
if errorlevel 1 goto admin_folder_failed
ren "%AF_NEW%" "%AS_NAME%" >nul 2>&1
if exist "%AF_NEW%\" goto admin_folder_lost
set "AS_MADE=1"
exit /b 0
rem Another run made it first (it too renames a finished folder): it is
rem checked like any folder this run did not make.
:admin_folder_lost
rd /s /q "%AF_NEW%" >nul 2>&1
if not exist "%AS_DIR%" exit /b 1
set "AS_MADE=1"
exit /b 0
:admin_folder_failed
rd /s /q "%AF_NEW%" >nul 2>&1
exit /b 1

rem :move_aside: renames AS_DIR (whose last part is AS_NAME; a file or a
rem link is renamed as it is) to AS_TO, AS_DIR.untrusted-R with R a random
rem number: a name nobody can take first.
:move_aside
set "AS_TRY=0"
:move_aside_next
set /a AS_TRY+=1
if %AS_TRY% GTR 20 exit /b 1
set "AS_R=%RANDOM%%RANDOM%%RANDOM%"
set "AS_TO=%AS_DIR%.untrusted-%AS_R%"
if exist "%AS_TO%" goto move_aside_next
ren "%AS_DIR%" "%AS_NAME%.untrusted-%AS_R%" >nul 2>&1
if not exist "%AS_TO%" exit /b 1
if exist "%AS_DIR%" exit /b 1
set "AS_MADE=1"
exit /b 0

@COMMON_TAIL@
