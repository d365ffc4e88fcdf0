@echo off
rem detect.cmd: written by tlsgpo 0.1.0 for policy cipher-strict, version 1.0.
rem
rem Compares this machine with the policy. The first line says it all
rem (compliant, or how many of the 29 values drift); then one line per value
rem that is not ok (missing, wrong value, wrong type), as many as fit in
rem 2,000 characters, then "... and N more": Intune keeps only 2,048
rem characters of output. /verbose lists every value, ok ones too, with no
rem limit. Changes nothing; needs no elevation. Usable as an Intune
rem remediation detection script, with apply.cmd as the remediation script.
rem
rem usage: detect.cmd [/verbose]
rem
rem Exit codes: 0 compliant, or not applicable (drift under a policy that
rem turns TLS 1.3 on, on a build without TLS 1.3); 1 drift (needs
rem remediation); 2 usage error,
rem or HKCU values asked of the SYSTEM account; 6 the registry could not be
rem read: nothing was decided (never 1, so that an error is not remediated).
setlocal EnableExtensions DisableDelayedExpansion
set "REG=%SystemRoot%\System32\reg.exe"
set "OP_COUNT=29"
set "KEY_COUNT=30"
set "VERBOSE=0"
set "W="

:main
call :load_plan
if /i "%~1"=="/verbose" (
	set "VERBOSE=1"
	shift
)
if not "%~1"=="" (
	>&2 echo usage: detect.cmd [/verbose]
	exit /b 2
)
if not "0"=="1" goto system_ok
call :is_system
if errorlevel 1 goto system_ok
>&2 echo detect.cmd: this policy sets values in HKEY_CURRENT_USER, and this is the SYSTEM
>&2 echo detect.cmd: account, whose HKCU is no user's: run detection as the user.
exit /b 2
:system_ok
call :work_dir
if not errorlevel 1 goto work_ok
>&2 echo detect.cmd: error: cannot make a work folder under "%TEMP%"; nothing was decided.
exit /b 6
:work_ok

set "DRIFT=0"
set "UNREAD=0"
type nul > "%W%\lines.txt"
call :read_keys 0
for /l %%i in (1,1,%OP_COUNT%) do call :check_one %%i
if not "%UNREAD%"=="0" goto unread
rem Drift under a TLS 1.3 policy where Windows has none: apply refuses it
rem there, so this is no drift to remediate (again and again) but not
rem applicable. (Values that match, applied with /skipprereq, are
rem compliant as anywhere.)
if "%DRIFT%"=="0" goto applicable
if not "1"=="1" goto applicable
call :os_build
if not defined OS_BUILD goto unread_build
if %OS_BUILD% GEQ 20348 goto applicable
echo detect.cmd: not applicable: %DRIFT% of %OP_COUNT% values differ from policy Cipher suites: strict ^(TLS 1.3 and 1.2, AEAD only^) ^(id cipher-strict, version 1.0^), which turns TLS 1.3 on, and Windows build %OS_BUILD% has no TLS 1.3 ^(it needs Windows Server 2022, build 20348, or Windows 11, build 22000, or later^): apply.cmd refuses it here. Assign the policy only to build 20348 or later.
call :work_dir_done
exit /b 0
:unread_build
> "%W%\one.txt" echo detect.cmd: error: reg.exe could not read CurrentBuildNumber ^(it did not start or did not answer^); nothing was decided.
type "%W%\one.txt"
>&2 type "%W%\one.txt"
call :work_dir_done
exit /b 6
:applicable
set "RC=1"
if "%DRIFT%"=="0" set "RC=0"
if "%DRIFT%"=="0" > "%W%\one.txt" echo detect.cmd: compliant: all %OP_COUNT% values match policy Cipher suites: strict ^(TLS 1.3 and 1.2, AEAD only^) ^(id cipher-strict, version 1.0^)
if not "%DRIFT%"=="0" > "%W%\one.txt" echo detect.cmd: drift: %DRIFT% of %OP_COUNT% values differ from policy Cipher suites: strict ^(TLS 1.3 and 1.2, AEAD only^) ^(id cipher-strict, version 1.0^)
type "%W%\one.txt"
if "%VERBOSE%"=="1" (
	type "%W%\lines.txt"
	call :work_dir_done
	exit /b %RC%
)
call :show_lines
call :work_dir_done
exit /b %RC%

:unread
rem On stdout too, first: Intune shows the first line of output.
> "%W%\one.txt" echo detect.cmd: error: reg.exe could not read %UNREAD% of %OP_COUNT% values ^(it did not start or did not answer^); nothing was decided.
type "%W%\one.txt"
>&2 type "%W%\one.txt"
call :show_lines
call :work_dir_done
exit /b 6

rem ---- detect.cmd's own subroutines -------------------------------------

:check_one
call :op %1
call :query
if not "%Q_STATE%"=="error" goto check_one_read
set /a UNREAD+=1
>> "%W%\lines.txt" echo error       %OP_LABEL%: reg.exe could not read it
exit /b 0
:check_one_read
if not "%Q_SAME%"=="1" goto check_one_drift
if "%VERBOSE%"=="1" >> "%W%\lines.txt" echo ok          %OP_LABEL%: %OP_TYPE% %OP_DATA%
exit /b 0
:check_one_drift
set /a DRIFT+=1
if "%Q_STATE%"=="absent" (
	>> "%W%\lines.txt" echo missing     %OP_LABEL%: absent, policy wants %OP_TYPE% %OP_DATA%
	exit /b 0
)
if /i not "x%Q_TYPE%"=="x%OP_TYPE%" (
	>> "%W%\lines.txt" call :say "wrong type " ", policy wants %OP_TYPE% %OP_DATA%"
	exit /b 0
)
>> "%W%\lines.txt" call :say "wrong value" ", policy wants %OP_TYPE% %OP_DATA%"
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


rem ---- detect.cmd's own subroutines, continued --------------------------

rem :show_lines: the lines of %W%\lines.txt after the first line (in
rem %W%\one.txt, printed already). Intune keeps 2,048 characters of a
rem detection script's output: the lines that fit in 2,000 (each measured
rem as the file it makes, CR LF included), then how many did not.
:show_lines
for %%f in ("%W%\one.txt") do set /a "USED=%%~zf"
set "LINES=0"
for /f "usebackq delims=" %%l in ("%W%\lines.txt") do set /a LINES+=1
set "SHOWN=0"
set "HIDE=0"
for /f "usebackq delims=" %%l in ("%W%\lines.txt") do (
	> "%W%\one.txt" echo %%l
	call :show_one
)
exit /b 0

rem :show_one: prints %W%\one.txt (the next line) if it fits in what is
rem left of 2,000 characters with room for the "... and N more" line after
rem it; else that line instead, once.
:show_one
if "%HIDE%"=="1" exit /b 0
for %%f in ("%W%\one.txt") do set /a "SZ=%%~zf"
set /a "LEFT=LINES-SHOWN"
set "RESERVE=60"
if "%LEFT%"=="1" set "RESERVE=0"
set /a "NEED=USED+SZ+RESERVE"
if %NEED% GTR 2000 goto show_one_full
type "%W%\one.txt"
set /a "USED+=SZ"
set /a SHOWN+=1
exit /b 0
:show_one_full
set "HIDE=1"
echo ... and %LEFT% more ^(detect.cmd /verbose lists every value^)
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

