/*
 * wine-standin.c -- stands in, inside a Wine prefix, for two Windows
 * programs the .cmd scripts run and Wine has only as stubs that print
 * nothing:
 *
 *   powershell.exe  the backup folder check (templates/acl-check.ps1, run
 *                   by :acl_check): what real PowerShell would print for
 *                   the folders %TLSGPO_ACL_TOP% and %TLSGPO_ACL_ROOT% and
 *                   everything below the latter. A folder holding a file
 *                   .tlsgpo-test-acl is one someone else may change (its
 *                   text is the reason), a file where one of the two
 *                   folders should be is not a folder; everything else is
 *                   fine. The rule itself, and the -Command text, run
 *                   under real PowerShell in tests/ps.sh.
 *                   C:\tlsgpo-standin-fail present: an error, no answer;
 *                   C:\tlsgpo-standin-silent: nothing at all, as Wine's
 *                   own powershell.exe.
 *   icacls.exe      exits 0; C:\tlsgpo-standin-race present: giving
 *                   DIR.new-N its access list makes DIR as well (another
 *                   run that got there first).
 *   regwrap.exe     (a copy of the scripts made to call it as %REG%):
 *                   "query KEY" of a KEY listed in C:\tlsgpo-denied.txt
 *                   fails as Windows' reg.exe does for a key it may not
 *                   read ("ERROR: Access is denied.", exit 1); the first
 *                   "add KEY" of a KEY listed in C:\tlsgpo-dropadd.txt
 *                   exits 0 and writes nothing (a write that did not
 *                   take), once: it leaves C:\tlsgpo-dropadd.done; every
 *                   other call goes to Wine's own reg.exe.
 *   reg.exe         (put in a Sysnative folder by tests/wine.sh, where a
 *                   32-bit process finds the native reg.exe): as
 *                   regwrap.exe.
 *
 * Each appends its command line to C:\tlsgpo-standin.log. Built with
 * mingw-w64 by wine-lib.sh; not part of tlsgpo.
 */
#include <windows.h>
#include <shellapi.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#define MARK	L".tlsgpo-test-acl"

static int	n_items;

static void
say(const char *fmt, const wchar_t *a, const wchar_t *b)
{
	char	ab[4096], bb[4096];

	ab[0] = bb[0] = '\0';
	if (a != NULL)
		WideCharToMultiByte(CP_OEMCP, 0, a, -1, ab, sizeof ab, NULL, NULL);
	if (b != NULL)
		WideCharToMultiByte(CP_OEMCP, 0, b, -1, bb, sizeof bb, NULL, NULL);
	printf(fmt, ab, bb);
}

static void
log_call(void)
{
	FILE	*f = _wfopen(L"C:\\tlsgpo-standin.log", L"a");

	if (f == NULL)
		return;
	fwprintf(f, L"%ls\n", GetCommandLineW());
	fclose(f);
}

static int
is_dir(const wchar_t *p)
{
	DWORD	a = GetFileAttributesW(p);

	return a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY);
}

/*
 * The reason PATH fails, or NULL: a folder with a reason in its marker, or
 * a file where a folder should be.
 */
static const wchar_t *
reason(const wchar_t *path, int folder)
{
	static wchar_t	 why[1024];
	wchar_t		 mark[MAX_PATH * 2];
	char		 raw[1024];
	FILE		*f;
	size_t		 n;

	n_items++;
	if (!is_dir(path))
		return folder ? L"it is a file, not a folder" : NULL;
	swprintf(mark, sizeof mark / sizeof mark[0], L"%ls\\%ls", path, MARK);
	if ((f = _wfopen(mark, L"rb")) == NULL)
		return NULL;
	n = fread(raw, 1, sizeof raw - 1, f);
	fclose(f);
	while (n > 0 && (raw[n - 1] == '\n' || raw[n - 1] == '\r'))
		n--;
	raw[n] = '\0';
	MultiByteToWideChar(CP_UTF8, 0, raw, -1, why, sizeof why / sizeof why[0]);
	return why;
}

/* Everything below DIR, depth first: a "bad|item" line for each that fails. */
static void
walk(const wchar_t *dir, const wchar_t *child)
{
	WIN32_FIND_DATAW	 fd;
	wchar_t			 pat[MAX_PATH * 2], sub[MAX_PATH * 2];
	const wchar_t		*why, *name;
	HANDLE			 h;
	size_t			 len;

	swprintf(pat, sizeof pat / sizeof pat[0], L"%ls\\*", dir);
	if ((h = FindFirstFileW(pat, &fd)) == INVALID_HANDLE_VALUE)
		return;
	do {
		len = wcslen(fd.cFileName);
		if (wcscmp(fd.cFileName, L".") == 0 ||
		    wcscmp(fd.cFileName, L"..") == 0 ||
		    (len >= wcslen(MARK) &&
		    wcscmp(fd.cFileName + len - wcslen(MARK), MARK) == 0))
			continue;
		swprintf(sub, sizeof sub / sizeof sub[0], L"%ls\\%ls", dir,
		    fd.cFileName);
		name = child != NULL ? child : fd.cFileName;
		if ((why = reason(sub, 0)) != NULL) {
			say("bad|item|%s", why, NULL);
			say("|%s|%s\r\n", sub, name);
		}
		if (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
			walk(sub, name);
	} while (FindNextFileW(h, &fd));
	FindClose(h);
}

/* Whether KEY (case aside) is a line of FILE. */
static int
listed(const wchar_t *file, const wchar_t *key)
{
	wchar_t	 line[1024];
	FILE	*f = _wfopen(file, L"r");
	size_t	 n;
	int	 hit = 0;

	if (f == NULL)
		return 0;
	while (!hit && fgetws(line, sizeof line / sizeof line[0], f) != NULL) {
		n = wcslen(line);
		while (n > 0 && (line[n - 1] == L'\n' || line[n - 1] == L'\r'))
			line[--n] = L'\0';
		hit = n > 0 && _wcsicmp(line, key) == 0;
	}
	fclose(f);
	return hit;
}

/* regwrap.exe: refuses a denied key, else runs reg.exe with the same words. */
static int
reg(void)
{
	STARTUPINFOW		 si;
	PROCESS_INFORMATION	 pi;
	wchar_t			**argv, cmd[8192];
	const wchar_t		*tail = GetCommandLineW();
	DWORD			 rc = 1;
	int			 argc, quoted = 0;

	argv = CommandLineToArgvW(GetCommandLineW(), &argc);
	if (argv != NULL && argc >= 3 && _wcsicmp(argv[1], L"query") == 0 &&
	    listed(L"C:\\tlsgpo-denied.txt", argv[2])) {
		fprintf(stderr, "ERROR: Access is denied.\n");
		return 1;
	}
	if (argv != NULL && argc >= 3 && _wcsicmp(argv[1], L"add") == 0 &&
	    listed(L"C:\\tlsgpo-dropadd.txt", argv[2]) &&
	    GetFileAttributesW(L"C:\\tlsgpo-dropadd.done") ==
	    INVALID_FILE_ATTRIBUTES) {
		FILE	*f = _wfopen(L"C:\\tlsgpo-dropadd.done", L"w");

		if (f != NULL)
			fclose(f);
		printf("The operation completed successfully.\n");
		return 0;
	}
	/* The words after the program's own name, as they were. */
	while (*tail != L'\0' && (quoted || (*tail != L' ' && *tail != L'\t'))) {
		if (*tail == L'"')
			quoted = !quoted;
		tail++;
	}
	swprintf(cmd, sizeof cmd / sizeof cmd[0],
	    L"\"C:\\windows\\system32\\reg.exe\"%ls", tail);
	memset(&si, 0, sizeof si);
	si.cb = sizeof si;
	if (!CreateProcessW(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si,
	    &pi))
		return 9;
	WaitForSingleObject(pi.hProcess, INFINITE);
	GetExitCodeProcess(pi.hProcess, &rc);
	CloseHandle(pi.hProcess);
	CloseHandle(pi.hThread);
	return (int)rc;
}

/* icacls.exe: exits 0. With C:\tlsgpo-standin-race present, giving a
 * folder DIR.new-N its access list makes DIR too, as another run that
 * finished first would. */
static int
icacls(void)
{
	wchar_t		**argv, dir[MAX_PATH], *cut;
	int		 argc;

	if (GetFileAttributesW(L"C:\\tlsgpo-standin-race") ==
	    INVALID_FILE_ATTRIBUTES)
		return 0;
	argv = CommandLineToArgvW(GetCommandLineW(), &argc);
	if (argv == NULL || argc < 3 || _wcsicmp(argv[2], L"/inheritance:r") != 0)
		return 0;
	wcsncpy(dir, argv[1], MAX_PATH - 1);
	dir[MAX_PATH - 1] = L'\0';
	if ((cut = wcsstr(dir, L".new-")) != NULL) {
		*cut = L'\0';
		CreateDirectoryW(dir, NULL);
	}
	return 0;
}

int
main(void)
{
	wchar_t		 self[MAX_PATH], top[MAX_PATH], root[MAX_PATH];
	wchar_t		*base;
	const wchar_t	*why;

	log_call();
	GetModuleFileNameW(NULL, self, MAX_PATH);
	base = wcsrchr(self, L'\\');
	base = base != NULL ? base + 1 : self;
	if (_wcsicmp(base, L"icacls.exe") == 0)
		return icacls();
	if (_wcsicmp(base, L"regwrap.exe") == 0 ||
	    _wcsicmp(base, L"reg.exe") == 0)
		return reg();
	if (GetFileAttributesW(L"C:\\tlsgpo-standin-silent") !=
	    INVALID_FILE_ATTRIBUTES)
		return 0;
	if (GetFileAttributesW(L"C:\\tlsgpo-standin-fail") !=
	    INVALID_FILE_ATTRIBUTES) {
		fprintf(stderr, "powershell.exe (stand-in): failing on purpose\n");
		return 1;
	}
	if (!GetEnvironmentVariableW(L"TLSGPO_ACL_TOP", top, MAX_PATH) ||
	    !GetEnvironmentVariableW(L"TLSGPO_ACL_ROOT", root, MAX_PATH)) {
		fprintf(stderr, "powershell.exe (stand-in): no TLSGPO_ACL_*\n");
		return 1;
	}
	printf("check|tlsgpo\r\n");
	if (GetFileAttributesW(top) != INVALID_FILE_ATTRIBUTES &&
	    (why = reason(top, 1)) != NULL) {
		say("bad|top|%s|%s\r\n", why, top);
		printf("end|%d\r\n", n_items);
		return 0;
	}
	if (GetFileAttributesW(root) != INVALID_FILE_ATTRIBUTES &&
	    (why = reason(root, 1)) != NULL) {
		say("bad|below|%s|%s\r\n", why, root);
		printf("end|%d\r\n", n_items);
		return 0;
	}
	if (is_dir(root))
		walk(root, NULL);
	printf("end|%d\r\n", n_items);
	return 0;
}
