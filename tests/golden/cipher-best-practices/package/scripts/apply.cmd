@echo off
rem apply.cmd: written by tlsgpo 0.1.0 for policy cipher-best-practices, version 1.0.
rem
rem Sets the policy's 24 registry values (both registry views) with reg.exe,
rem after recording the prior state of every one of them in a new backup
rem folder, which rollback.cmd restores exactly. A second run changes nothing.
rem
rem usage: apply.cmd [/backupdir DIR] [/keep N] [/skipprereq] [/signalrestart]
rem   /backupdir DIR  keep backups in DIR (default: %ProgramData%\tlsgpo\cipher-best-practices,
rem                   or %LOCALAPPDATA%\tlsgpo\cipher-best-practices for a policy with HKCU
rem                   values), each as DIR\cipher-best-practices-1.0-N; a relative DIR
rem                   is taken from the current folder
rem   /keep N         keep the newest N usable backups of this computer
rem                   (default 10; 1 to 9999), and always the one rollback
rem                   would restore; older ones go after a new backup
rem   /skipprereq     do not check what this Windows needs (WinHTTP's
rem                   update, KB 3140245 or KB 4467770; an OS that has TLS 1.3)
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
set "TLSGPO_ID=cipher-best-practices"
set "TLSGPO_VERSION=1.0"
set "TLSGPO_PLAN=ac5d04f55a7d8dae"
set "OP_COUNT=24"
set "KEY_COUNT=26"
rem Backups: ProgramData, or for a policy with HKCU values the user's own
rem LocalAppData (one user's rollback must not restore another's hive).
set "BACKUP_TOP=%ProgramData%\tlsgpo"
if not defined ProgramData set "BACKUP_TOP=%ALLUSERSPROFILE%\tlsgpo"
if "0"=="1" set "BACKUP_TOP=%LOCALAPPDATA%\tlsgpo"
if "0"=="1" if not defined LOCALAPPDATA set "BACKUP_TOP=%USERPROFILE%\AppData\Local\tlsgpo"
set "BACKUP_ROOT=%BACKUP_TOP%\cipher-best-practices"
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

echo apply.cmd: policy Cipher suites: best practices ^(TLS 1.2^) ^(id cipher-best-practices, version 1.0^)
if not "0"=="1" goto system_ok
call :is_system
if errorlevel 1 goto system_ok
>&2 echo apply.cmd: this policy sets values in HKEY_CURRENT_USER, and this is the SYSTEM
>&2 echo apply.cmd: account, whose HKCU is no user's. Deploy user values through the GPO's
>&2 echo apply.cmd: User part ^(gpo\User\Registry.pol^) or run this script as the user.
exit /b 2
:system_ok
if not "1"=="1" goto elevated_ok
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
for /l %%r in (1,1,10) do call :os_row %%r
if "%SKIP_PREREQ%"=="1" goto prereq_done
if not defined OS_NAME goto os_unknown
if "%OS_WHKB%"=="-" goto whkb_done
call :kb_installed %OS_WHKB%
if "%KB_STATE%"=="error" goto kb_unread
if "%KB_STATE%"=="present" goto whkb_done
>&2 echo apply.cmd: Windows build %OS_BUILD% is %OS_NAME%:
>&2 echo apply.cmd: WinHTTP reads DefaultSecureProtocols there only once KB %OS_WHKB% is installed.
if "%OS_WHKB%"=="3140245" >&2 echo apply.cmd: install KB 3140245 first; Microsoft's Easy Fix MicrosoftEasyFix51044.msi also sets the value.
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
if not "0"=="1" goto prereq_done
if %OS_BUILD% GEQ 20348 goto prereq_done
:tls13_refused
>&2 echo apply.cmd: this policy turns TLS 1.3 on, but this is Windows build %OS_BUILD%;
>&2 echo apply.cmd: TLS 1.3 needs Windows Server 2022, build 20348, or Windows 11, build 22000, or later. Nothing was changed.
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
%REG% add "%OP_KEY%" /v "%OP_NAME%" /t %OP_TYPE% /d "%OP_DATA%" /f %OP_VIEW% >nul 2>&1
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
if "0"=="1" goto store_plain
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
set "OP_21=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman|/reg:64|ServerMinKeyBitLength|REG_DWORD|0x00000800|16|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman [shared] ServerMinKeyBitLength"
set "OP_22=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman|/reg:64|ClientMinKeyBitLength|REG_DWORD|0x00000800|16|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman [shared] ClientMinKeyBitLength"
set "OP_23=HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002|/reg:64|Functions|REG_SZ|TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,TLS_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_256_CBC_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA256|17|HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002 [shared] Functions"
set "OP_24=HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002|/reg:64|EccCurves|REG_MULTI_SZ|curve25519\0NistP256\0NistP384|17|HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002 [shared] EccCurves"

set "K_1=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Client [shared]|11|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0"
set "K_2=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0\Server [shared]|11|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0"
set "K_3=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Client [shared]|12|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0"
set "K_4=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0\Server [shared]|12|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0"
set "K_5=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Client [shared]|13|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0"
set "K_6=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0\Server [shared]|13|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0"
set "K_7=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Client [shared]|14|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1"
set "K_8=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1\Server [shared]|14|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1"
set "K_9=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client [shared]|15|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2"
set "K_10=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server [shared]|15|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2"
set "K_11=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 2.0 [shared]|18|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols"
set "K_12=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\SSL 3.0 [shared]|18|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols"
set "K_13=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.0 [shared]|18|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols"
set "K_14=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.1 [shared]|18|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols"
set "K_15=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2 [shared]|18|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols"
set "K_16=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman|/reg:64|1|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms\Diffie-Hellman [shared]|19|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms"
set "K_17=HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002|/reg:64|1|HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002|HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL\00010002 [shared]|20|HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL"
set "K_18=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols [shared]|21|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL"
set "K_19=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\KeyExchangeAlgorithms [shared]|21|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL"
set "K_20=HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL|/reg:64|0|HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL|HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration\SSL [shared]|22|HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration"
set "K_21=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL [shared]|23|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders"
set "K_22=HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration|/reg:64|0|HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Cryptography\Configuration|HKLM\SOFTWARE\Policies\Microsoft\Cryptography\Configuration [shared]|24|HKLM\SOFTWARE\Policies\Microsoft\Cryptography"
set "K_23=HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders|HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders [shared]|25|HKLM\SYSTEM\CurrentControlSet\Control"
set "K_24=HKLM\SOFTWARE\Policies\Microsoft\Cryptography|/reg:64|0|HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Cryptography|HKLM\SOFTWARE\Policies\Microsoft\Cryptography [shared]|26|HKLM\SOFTWARE\Policies\Microsoft"
set "K_25=HKLM\SYSTEM\CurrentControlSet\Control|/reg:64|0|HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control|HKLM\SYSTEM\CurrentControlSet\Control [shared]|0|HKLM\SYSTEM\CurrentControlSet"
set "K_26=HKLM\SOFTWARE\Policies\Microsoft|/reg:64|0|HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft|HKLM\SOFTWARE\Policies\Microsoft [shared]|0|HKLM\SOFTWARE\Policies"

set "OSR_1=7601|7601|-|0|-|0|-|1|-|3080079|Windows 7 SP1 or Windows Server 2008 R2 SP1"
set "OSR_2=9200|9200|-|0|-|0|-|1|-|-|Windows 8 or Windows Server 2012"
set "OSR_3=9600|9600|-|0|-|0|-|1|-|-|Windows 8.1 or Windows Server 2012 R2"
set "OSR_4=14393|14393|-|0|-|0|-|1|-|-|Windows Server 2016 or Windows 10"
set "OSR_5=17763|17763|-|0|-|0|-|1|-|-|Windows Server 2019 or Windows 10"
set "OSR_6=20348|20348|-|0|-|0|-|1|-|-|Windows Server 2022"
set "OSR_7=26100|26100|-|0|-|0|-|1|-|-|Windows Server 2025 or Windows 11"
set "OSR_8=6002|6003|-|0|-|0|4019276|1|-|-|Windows Server 2008 SP2"
set "OSR_9=14393|19045|-|0|-|0|-|1|-|-|Windows 10"
set "OSR_10=22000|2147483647|-|0|-|0|-|1|-|-|Windows 11"

exit /b 0

