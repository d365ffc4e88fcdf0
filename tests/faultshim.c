/*
 * faultshim.so: an LD_PRELOAD library for tests/faults.sh that makes the
 * Nth call of one kind fail, once, with a chosen errno:
 *
 *   FAULT_CALL   write | fsync | rename | mkdir | open | close
 *   FAULT_N      which call of that kind fails (1 = the first)
 *   FAULT_ERRNO  ENOSPC (default), EIO, EDQUOT, EACCES or EROFS
 *   FAULT_LOG    a file that gets "injected CALL N" or "not reached CALL
 *                COUNT" at exit, so that the test knows when N has passed
 *                the last call site
 *   FAULT_MOVE   FROM:TO: instead of failing, rename FROM to TO just
 *                before the Nth call, which then runs (a directory that
 *                moves while the program works)
 *   FAULT_RMDIR  PATH: instead of failing, remove the (empty) directory
 *                PATH just before the Nth call
 *   FAULT_EXEC   CMD: instead of failing, run CMD (/bin/sh -c, without
 *                this library) just before the Nth call: another process
 *                at work meanwhile
 *   FAULT2_CALL, FAULT2_N  a second failure, counted on its own (for what
 *                happens when undoing the first one fails too)
 *   FAULT_NOEXCHANGE  1: renameat2 fails with EINVAL, as on a file system
 *                without RENAME_EXCHANGE / RENAME_NOREPLACE (NFS, SMB,
 *                vfat), before any counting
 *
 * Counted are the calls the program makes itself through these symbols:
 * write(2) to descriptors above 2 (not its messages), fsync/fdatasync,
 * rename/renameat/renameat2, mkdir/mkdirat, open/openat (and their 64
 * forms), close of descriptors above 2.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static const char	*kind, *kind2;
static long		 target = -1, count, target2 = -1, count2;
static int		 injected, injected2, err = ENOSPC, ready;

static void
setup(void)
{
	const char	*e;

	if (ready)
		return;
	ready = 1;
	kind = getenv("FAULT_CALL");
	if ((e = getenv("FAULT_N")) != NULL)
		target = strtol(e, NULL, 10);
	kind2 = getenv("FAULT2_CALL");
	if ((e = getenv("FAULT2_N")) != NULL)
		target2 = strtol(e, NULL, 10);
	if ((e = getenv("FAULT_ERRNO")) != NULL) {
		if (strcmp(e, "EIO") == 0)
			err = EIO;
		else if (strcmp(e, "EDQUOT") == 0)
			err = EDQUOT;
		else if (strcmp(e, "EACCES") == 0)
			err = EACCES;
		else if (strcmp(e, "EROFS") == 0)
			err = EROFS;
	}
}

/* Runs cmd with /bin/sh, without this library, and waits for it. */
static void
run(const char *cmd)
{
	char	*const envp[] = { (char *)"PATH=/usr/sbin:/usr/bin:/sbin:/bin",
		    NULL };
	pid_t	 pid;
	int	 status;

	if ((pid = fork()) == -1)
		abort();
	if (pid == 0) {
		execle("/bin/sh", "sh", "-c", cmd, (char *)NULL, envp);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) == -1 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		abort();
}

/* Whether this call (of kind k) is the one to fail. */
static int
fail_now(const char *k)
{
	const char	*e, *to;
	char		*from;

	setup();
	/* The second fault: always a failure. */
	if (kind2 != NULL && strcmp(kind2, k) == 0 && !injected2 &&
	    ++count2 == target2) {
		injected2 = 1;
		errno = err;
		return 1;
	}
	if (kind == NULL || strcmp(kind, k) != 0 || injected)
		return 0;
	if (++count != target)
		return 0;
	injected = 1;
	if ((e = getenv("FAULT_MOVE")) != NULL && (to = strchr(e, ':')) != NULL) {
		from = strndup(e, (size_t)(to - e));
		if (from == NULL || syscall(SYS_rename, from, to + 1) == -1)
			abort();
		free(from);
		return 0;
	}
	if ((e = getenv("FAULT_RMDIR")) != NULL) {
		if (syscall(SYS_rmdir, e) == -1)
			abort();
		return 0;
	}
	if ((e = getenv("FAULT_EXEC")) != NULL) {
		run(e);
		return 0;
	}
	errno = err;
	return 1;
}

__attribute__((destructor)) static void
report(void)
{
	const char	*log = getenv("FAULT_LOG");
	FILE		*fp;

	setup();
	if (log == NULL || kind == NULL || (fp = fopen(log, "w")) == NULL)
		return;
	if (injected)
		fprintf(fp, "injected %s %ld\n", kind, target);
	else
		fprintf(fp, "not reached %s %ld\n", kind, count);
	fclose(fp);
}

#define REAL(name) \
	static __typeof__(name) *real_##name; \
	if (real_##name == NULL) \
		real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

ssize_t
write(int fd, const void *buf, size_t n)
{
	REAL(write);
	if (fd > 2 && fail_now("write"))
		return -1;
	return real_write(fd, buf, n);
}

int
fsync(int fd)
{
	REAL(fsync);
	if (fail_now("fsync"))
		return -1;
	return real_fsync(fd);
}

int
fdatasync(int fd)
{
	REAL(fdatasync);
	if (fail_now("fsync"))
		return -1;
	return real_fdatasync(fd);
}

int
close(int fd)
{
	REAL(close);
	if (fd > 2 && fail_now("close")) {
		real_close(fd);		/* closed all the same, as Linux does */
		errno = err;
		return -1;
	}
	return real_close(fd);
}

int
rename(const char *a, const char *b)
{
	REAL(rename);
	if (fail_now("rename"))
		return -1;
	return real_rename(a, b);
}

int
renameat(int da, const char *a, int db, const char *b)
{
	REAL(renameat);
	if (fail_now("rename"))
		return -1;
	return real_renameat(da, a, db, b);
}

int
renameat2(int da, const char *a, int db, const char *b, unsigned flags)
{
	REAL(renameat2);
	if (getenv("FAULT_NOEXCHANGE") != NULL) {
		errno = EINVAL;
		return -1;
	}
	if (fail_now("rename"))
		return -1;
	return real_renameat2(da, a, db, b, flags);
}

int
mkdir(const char *p, mode_t m)
{
	REAL(mkdir);
	if (fail_now("mkdir"))
		return -1;
	return real_mkdir(p, m);
}

int
mkdirat(int d, const char *p, mode_t m)
{
	REAL(mkdirat);
	if (fail_now("mkdir"))
		return -1;
	return real_mkdirat(d, p, m);
}

/* open and openat, and their 64 forms: the mode only with O_CREAT. */
#define OPEN_MODE(flags, mode) do { \
	va_list ap; \
	va_start(ap, flags); \
	mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, int) : 0; \
	va_end(ap); \
} while (0)

int
open(const char *p, int flags, ...)
{
	int	mode;

	REAL(open);
	OPEN_MODE(flags, mode);
	if (fail_now("open"))
		return -1;
	return real_open(p, flags, mode);
}

int
open64(const char *p, int flags, ...)
{
	int	mode;

	REAL(open64);
	OPEN_MODE(flags, mode);
	if (fail_now("open"))
		return -1;
	return real_open64(p, flags, mode);
}

int
openat(int d, const char *p, int flags, ...)
{
	int	mode;

	REAL(openat);
	OPEN_MODE(flags, mode);
	if (fail_now("open"))
		return -1;
	return real_openat(d, p, flags, mode);
}

int
openat64(int d, const char *p, int flags, ...)
{
	int	mode;

	REAL(openat64);
	OPEN_MODE(flags, mode);
	if (fail_now("open"))
		return -1;
	return real_openat64(d, p, flags, mode);
}
