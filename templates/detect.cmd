@echo off
rem detect.cmd: written by tlsgpo @TOOL_VERSION@ for policy @ID@, version @VERSION@.
rem
rem Compares this machine with the policy. The first line says it all
rem (compliant, or how many of the @OP_COUNT@ values drift); then one line per value
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
set "OP_COUNT=@OP_COUNT@"
set "KEY_COUNT=@KEY_COUNT@"
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
if not "@HAS_HKCU@"=="1" goto system_ok
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
if not "@NEEDS_TLS13@"=="1" goto applicable
call :os_build
if not defined OS_BUILD goto unread_build
if %OS_BUILD% GEQ @TLS13_BUILD@ goto applicable
echo detect.cmd: not applicable: %DRIFT% of %OP_COUNT% values differ from policy @POLICY_ECHO@, which turns TLS 1.3 on, and Windows build %OS_BUILD% has no TLS 1.3 ^(it needs @TLS13_WHERE@^): apply.cmd refuses it here. Assign the policy only to build @TLS13_BUILD@ or later.
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
if "%DRIFT%"=="0" > "%W%\one.txt" echo detect.cmd: compliant: all %OP_COUNT% values match policy @POLICY_ECHO@
if not "%DRIFT%"=="0" > "%W%\one.txt" echo detect.cmd: drift: %DRIFT% of %OP_COUNT% values differ from policy @POLICY_ECHO@
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

@COMMON@

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

@COMMON_TAIL@
