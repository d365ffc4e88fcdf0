rem ---- Shared by apply.cmd, rollback.cmd and detect.cmd ---------------------

rem :query KEY VIEW NAME: Q_STATE (absent or present), Q_TYPE, Q_DATA.
:query
set "Q_STATE=absent"
set "Q_TYPE="
set "Q_DATA="
for /f "tokens=1,2,*" %%a in ('%REG% query "%~1" /v "%~3" %~2 2^>nul') do (
	if /i "%%a"=="%~3" (
		set "Q_STATE=present"
		set "Q_TYPE=%%b"
		set "Q_DATA=%%c"
	)
)
exit /b 0

rem :same: errorlevel 0 when the queried value is what operation OP_* sets.
:same
if not "%Q_STATE%"=="present" exit /b 1
if /i not "%Q_TYPE%"=="%OP_TYPE%" exit /b 1
set /a "SAME_A=%Q_DATA%" >nul 2>&1
set /a "SAME_B=%OP_DATA%"
if not "%SAME_A%"=="%SAME_B%" exit /b 1
exit /b 0

rem :show WORD [AFTER]: prints "WORD LABEL: BEFORE AFTER", BEFORE being the
rem value as reg.exe reads it now. The data is printed as a for variable, so
rem no character in it is parsed or expanded.
:show
if "%Q_STATE%"=="present" goto show_present
echo %~1 %OP_LABEL%: absent%~2
exit /b 0
:show_present
for /f "tokens=1,2,*" %%a in ('%REG% query "%OP_KEY%" /v "%OP_NAME%" %OP_VIEW% 2^>nul') do (
	if /i "%%a"=="%OP_NAME%" echo %~1 %OP_LABEL%: %%b %%c%~2
)
exit /b 0

rem :key_is_empty: errorlevel 0 when key K_* exists and holds nothing: no
rem value but an unset (Default), no subkey. reg.exe lists the key itself
rem and its subkeys as HKEY_... lines, values indented.
:key_is_empty
%REG% query "%K_PATH%" %K_VIEW% >nul 2>&1
if errorlevel 1 exit /b 1
set "KE_KEYS=0"
set "KE_VALUES=0"
for /f "tokens=1" %%l in ('%REG% query "%K_PATH%" %K_VIEW% 2^>nul') do (
	if not "%%l"=="(Default)" call :key_line "%%l"
)
if not "%KE_VALUES%"=="0" exit /b 1
if %KE_KEYS% GTR 1 exit /b 1
exit /b 0
:key_line
set "KE_LINE=%~1"
if "%KE_LINE:~0,5%"=="HKEY_" (
	set /a KE_KEYS+=1
) else (
	set /a KE_VALUES+=1
)
exit /b 0

rem :elevated: errorlevel 0 when running as Administrator.
:elevated
"%SystemRoot%\System32\net.exe" session >nul 2>&1
exit /b %errorlevel%

rem ---- The registry plan: one label per value, one per key -----------------
@OP_TABLE@
@KEY_TABLE@
