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
@OP_TABLE@
@KEY_TABLE@
@OS_TABLE@
exit /b 0
