@echo off
rem detect.cmd: written by tlsgpo @TOOL_VERSION@ for policy @ID@, version @VERSION@.
rem
rem Compares this machine with the policy, one line per value on stdout:
rem ok, missing, wrong value or wrong type. Changes nothing; needs no
rem elevation. Usable as an Intune remediation detection script, with
rem apply.cmd as the remediation script.
rem
rem Exit codes: 0 compliant; 1 drift (needs remediation); 2 usage error.
setlocal EnableExtensions DisableDelayedExpansion
set "REG=%SystemRoot%\System32\reg.exe"
set "OP_COUNT=@OP_COUNT@"
if not "%~1"=="" (
	>&2 echo usage: detect.cmd
	exit /b 2
)
echo detect.cmd: policy @POLICY_ECHO@
set "DRIFT=0"
for /l %%i in (1,1,%OP_COUNT%) do call :check_one %%i
if "%DRIFT%"=="0" (
	echo detect.cmd: compliant: all %OP_COUNT% values match the policy.
	exit /b 0
)
echo detect.cmd: drift: %DRIFT% of %OP_COUNT% values differ from the policy.
exit /b 1

:check_one
call :op_%1
call :query "%OP_KEY%" "%OP_VIEW%" "%OP_NAME%"
call :same
if errorlevel 1 goto check_one_drift
echo ok          %OP_LABEL%: %OP_TYPE% %OP_DATA%
exit /b 0
:check_one_drift
set /a DRIFT+=1
if "%Q_STATE%"=="absent" (
	echo missing     %OP_LABEL%: absent, policy wants %OP_TYPE% %OP_DATA%
	exit /b 0
)
if /i not "%Q_TYPE%"=="%OP_TYPE%" (
	call :show "wrong type " ", policy wants %OP_TYPE% %OP_DATA%"
	exit /b 0
)
call :show "wrong value" ", policy wants %OP_TYPE% %OP_DATA%"
exit /b 0

@COMMON@
