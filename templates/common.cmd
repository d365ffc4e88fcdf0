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
@QUERY_TEXT@if /i not "%Q_TYPE%"=="REG_DWORD" exit /b 0
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
