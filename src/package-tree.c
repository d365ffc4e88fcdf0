#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "package-int.h"
#include "xmalloc.h"

/*
 * Directory trees on disk, each step relative to a directory descriptor:
 * the temporary directory, the package's files in it, their fsync, and
 * removing a tree that is not wanted any more.
 */

/* Directory fsync: some file systems (SMB, some FUSE) refuse it. */
int
pkg_sync_dir(int fd)
{
	if (fsync(fd) == -1 && errno != EINVAL && errno != ENOTSUP)
		return -1;
	return 0;
}

/*
 * Removes name (a tree) inside dfd. Returns -1, errno the first error,
 * when anything is left.
 */
int
pkg_remove_tree_at(int dfd, const char *name)
{
	DIR		*d;
	struct dirent	*e;
	int		 fd, first = 0;

	if (unlinkat(dfd, name, 0) == 0 || errno == ENOENT)
		return 0;
	/* A directory: EISDIR on Linux, EPERM in POSIX. */
	if (errno != EISDIR && errno != EPERM)
		return -1;
	fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (fd == -1)
		return -1;
	if ((d = fdopendir(fd)) == NULL) {
		first = errno;
		close(fd);
		errno = first;
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (pkg_remove_tree_at(dirfd(d), e->d_name) == -1 && first == 0)
			first = errno;
	}
	closedir(d);
	if (unlinkat(dfd, name, AT_REMOVEDIR) == -1) {
		if (first != 0)
			errno = first;
		return -1;
	}
	return 0;
}

/* Creates path's directories below root (each once), fsyncing none yet. */
static int
make_parents(int root, const char *path)
{
	char	*dir, *slash;
	int	 rc = 0;

	dir = xstrdup(path);
	for (slash = dir; (slash = strchr(slash, '/')) != NULL; slash++) {
		*slash = '\0';
		if (mkdirat(root, dir, 0777) == -1 && errno != EEXIST) {
			rc = -1;
			break;
		}
		*slash = '/';
	}
	free(dir);
	return rc;
}

int
pkg_write_file(int root, const struct pkg_file *f)
{
	const char	*p;
	size_t		 left;
	ssize_t		 n;
	int		 fd, rc = -1, saved;

	if (make_parents(root, f->path) == -1)
		return -1;
	fd = openat(root, f->path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0666);
	if (fd == -1)
		return -1;
	p = f->data.data;
	for (left = f->data.len; left > 0; left -= (size_t)n, p += n) {
		n = write(fd, p, left);
		if (n == -1) {
			if (errno == EINTR) {
				n = 0;
				continue;
			}
			goto out;
		}
	}
	if (fsync(fd) == -1)
		goto out;
	rc = 0;
out:
	saved = errno;
	if (close(fd) == -1 && rc == 0)
		return -1;
	errno = saved;
	return rc;
}

/* fsyncs every directory of the package, each once, and root. */
int
pkg_sync_tree(int root, const struct package *pkg, const char **what)
{
	char	*dir, *slash;
	size_t	 i;
	int	 fd, rc = 0;

	/* Files are sorted by path: a directory's files are adjacent. */
	for (i = pkg->n; rc == 0 && i-- > 0; ) {
		dir = xstrdup(pkg->files[i].path);
		while (rc == 0 && (slash = strrchr(dir, '/')) != NULL) {
			*slash = '\0';
			/* Each directory once: when the next file is not in it. */
			if (i + 1 < pkg->n && strncmp(pkg->files[i + 1].path, dir,
			    strlen(dir)) == 0 && pkg->files[i + 1].path[strlen(dir)]
			    == '/')
				break;
			fd = openat(root, dir, O_RDONLY | O_DIRECTORY |
			    O_CLOEXEC);
			if (fd == -1 || pkg_sync_dir(fd) == -1) {
				*what = pkg->files[i].path;
				rc = -1;
			}
			if (fd != -1)
				close(fd);
		}
		free(dir);
	}
	if (rc == 0 && pkg_sync_dir(root) == -1) {
		*what = ".";
		rc = -1;
	}
	return rc;
}

/*
 * A temporary directory ".NAME.tmp-XXXXXX" in parent; its name in tmp
 * (NAME_MAX + 1 bytes), short enough that ".old" can be added to it (a
 * long NAME is cut short there).
 */
int
pkg_make_tmpdir(int parent, const char *name, char *tmp)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	struct timespec	 ts;
	unsigned long	 x;
	int		 tries, i;
	size_t		 n;

	/* ".", the name (cut short if need be), ".tmp-", 6, ".old" */
	int		 keep = NAME_MAX - (int)sizeof "..tmp-XXXXXX.old" + 1;

	clock_gettime(CLOCK_REALTIME, &ts);
	x = (unsigned long)ts.tv_nsec ^ ((unsigned long)getpid() << 16) ^
	    (unsigned long)ts.tv_sec;
	for (tries = 0; tries < 100; tries++) {
		n = (size_t)snprintf(tmp, NAME_MAX + 1, ".%.*s.tmp-", keep,
		    name);
		for (i = 0; i < 6; i++) {
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			tmp[n++] = chars[(x >> 33) % (sizeof chars - 1)];
		}
		tmp[n] = '\0';
		if (mkdirat(parent, tmp, 0700) == 0)
			return 0;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}
