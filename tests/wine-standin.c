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
 *                   text is the reason); every other one is fine. The rule
 *                   itself is tested under real PowerShell (tests/ps.sh).
 *                   C:\tlsgpo-standin-fail present: an error, no answer.
 *   icacls.exe      exits 0.
 *
 * Both append their command line to C:\tlsgpo-standin.log. Built with
 * mingw-w64 by wine-lib.sh; not part of tlsgpo.
 */
#include <windows.h>
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

/* 1 and the answer printed when PATH is a folder with a reason in it. */
static int
judge(const wchar_t *path, const wchar_t *level)
{
	wchar_t	 mark[MAX_PATH * 2], why[1024];
	char	 raw[1024];
	FILE	*f;
	size_t	 n;

	n_items++;
	if (!is_dir(path))
		return 0;
	swprintf(mark, sizeof mark / sizeof mark[0], L"%ls\\%ls", path, MARK);
	if ((f = _wfopen(mark, L"rb")) == NULL)
		return 0;
	n = fread(raw, 1, sizeof raw - 1, f);
	fclose(f);
	while (n > 0 && (raw[n - 1] == '\n' || raw[n - 1] == '\r'))
		n--;
	raw[n] = '\0';
	MultiByteToWideChar(CP_UTF8, 0, raw, -1, why, sizeof why / sizeof why[0]);
	say("bad|%s", level, NULL);
	say("|%s|%s\r\n", why, path);
	printf("end|%d\r\n", n_items);
	return 1;
}

/* Everything below DIR, depth first: 1 once one is judged bad. */
static int
walk(const wchar_t *dir)
{
	WIN32_FIND_DATAW	 fd;
	wchar_t			 pat[MAX_PATH * 2], sub[MAX_PATH * 2];
	HANDLE			 h;
	int			 bad = 0;

	swprintf(pat, sizeof pat / sizeof pat[0], L"%ls\\*", dir);
	if ((h = FindFirstFileW(pat, &fd)) == INVALID_HANDLE_VALUE)
		return 0;
	do {
		if (wcscmp(fd.cFileName, L".") == 0 ||
		    wcscmp(fd.cFileName, L"..") == 0 ||
		    wcscmp(fd.cFileName, MARK) == 0)
			continue;
		swprintf(sub, sizeof sub / sizeof sub[0], L"%ls\\%ls", dir,
		    fd.cFileName);
		bad = judge(sub, L"below") ||
		    ((fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) && walk(sub));
	} while (!bad && FindNextFileW(h, &fd));
	FindClose(h);
	return bad;
}

int
main(void)
{
	wchar_t	 self[MAX_PATH], top[MAX_PATH], root[MAX_PATH];
	wchar_t	*base;

	log_call();
	GetModuleFileNameW(NULL, self, MAX_PATH);
	base = wcsrchr(self, L'\\');
	base = base != NULL ? base + 1 : self;
	if (_wcsicmp(base, L"icacls.exe") == 0)
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
	if (GetFileAttributesW(top) != INVALID_FILE_ATTRIBUTES &&
	    judge(top, L"top"))
		return 0;
	if (GetFileAttributesW(root) != INVALID_FILE_ATTRIBUTES &&
	    (judge(root, L"below") || walk(root)))
		return 0;
	printf("end|%d\r\n", n_items);
	return 0;
}
