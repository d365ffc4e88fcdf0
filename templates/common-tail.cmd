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
rem policy's folder in it or anything in that has an owner other than SYSTEM
rem or Administrators, or gives anyone else more than read and execute
rem (ProgramData lets every user create folders: one made first could hold
rem a planted backup that SYSTEM would restore); error when powershell.exe
rem did not run the check to its end (missing or blocked). icacls cannot
rem show an owner; Get-Acl can, by SID on any language, in Constrained
rem Language mode too. The check is the same text as in the .ps1 scripts;
rem its answer (bad|top or below|WHY|PATH, end|N) is in %W%\acl.out.
:acl_check
set "AC=error"
set "AC_END=0"
set "AC_TOP=0"
set "AC_BELOW=0"
set "TLSGPO_ACL_TOP=%BACKUP_TOP%"
set "TLSGPO_ACL_ROOT=%BACKUP_ROOT%"
"%SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe" -NoLogo -NoProfile -NonInteractive -Command "& { @ACL_CHECK@ } $env:TLSGPO_ACL_TOP $env:TLSGPO_ACL_ROOT" <nul >"%W%\acl.out" 2>"%W%\acl.err"
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

rem :acl_say WHO: what the check found, as "WHO: "PATH": WHY." on stderr (FOR
rem variables: never parsed or expanded).
:acl_say
for /f "usebackq tokens=1-3,* delims=|" %%a in ("%W%\acl.out") do if "%%a"=="bad" >&2 echo %~1: "%%d": %%c.
exit /b 0

rem :scan_backups: BK_P, the path of a backup without its number, and
rem BK_MAX, the highest N of a folder BK_P N (0: none). Numbers run to
rem 9999; a range is looked at only when a name of its length exists.
:scan_backups
set "BK_MAX=0"
set "BK_P=%BACKUP_ROOT%\%TLSGPO_ID%-%TLSGPO_VERSION%-"
if exist "%BK_P%?" for /l %%n in (1,1,9) do if exist "%BK_P%%%n\" set "BK_MAX=%%n"
if exist "%BK_P%??" for /l %%n in (10,1,99) do if exist "%BK_P%%%n\" set "BK_MAX=%%n"
if exist "%BK_P%???" for /l %%n in (100,1,999) do if exist "%BK_P%%%n\" set "BK_MAX=%%n"
if exist "%BK_P%????" for /l %%n in (1000,1,9999) do if exist "%BK_P%%%n\" set "BK_MAX=%%n"
exit /b 0

rem :bk_read: reads backup BK. BV_OK=1 when it is complete and of this
rem plan: its last record "end|N" counts exactly the N value and key records
rem this policy has (an apply cut short by a reboot or a timeout leaves no
rem such end), and its "plan|ID" names this package's plan (records name
rem values by their place in it).
rem BV_FOREIGN=1 when another computer wrote it; BV_EXACT=1 when it holds
rem a value only rollback.ps1 can restore exactly; BV_DONE=1 when a
rem rollback restored it already.
:bk_read
set "BV_OK=0"
set "BV_END="
set "BV_RECS=0"
set "BV_FOREIGN=1"
set "BV_EXACT=0"
set "BV_DONE=0"
set "BV_PLAN=0"
if exist "%BK%\restored.txt" set "BV_DONE=1"
if not exist "%BK%\state.txt" exit /b 0
for /f "usebackq eol=# tokens=1-3 delims=|" %%a in ("%BK%\state.txt") do (
	if "%%a"=="value" set /a BV_RECS+=1
	if "%%a"=="key" set /a BV_RECS+=1
	if "%%a"=="end" set "BV_END=%%b"
	if "%%a"=="exact" set "BV_EXACT=1"
	if /i "%%a|%%b"=="computer|%COMPUTERNAME%" set "BV_FOREIGN=0"
	if "%%a|%%b"=="plan|%TLSGPO_PLAN%" set "BV_PLAN=1"
)
if "%BV_PLAN%"=="0" exit /b 0
set /a "BV_WANT=OP_COUNT+KEY_COUNT"
if not "x%BV_END%"=="x%BV_WANT%" exit /b 0
if not "%BV_RECS%"=="%BV_WANT%" exit /b 0
set "BV_OK=1"
exit /b 0

rem ---- The registry plan, loaded once by :load_plan ------------------------
:load_plan
@OP_TABLE@
@KEY_TABLE@
@OS_TABLE@
exit /b 0
