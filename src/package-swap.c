#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "package-int.h"

/*
 * Replacing the target: whether what is there may be replaced, and the
 * renames that put the new package in its place (or the earlier one back),
 * each making sure that what they move aside is what was checked.
 */

/*
 * Empty, or holding MANIFEST.sha256: what --force may replace. Returns 1
 * with *keep a descriptor of that very directory (held until the swap,
 * so that its inode cannot be freed and its number reused), 0, or -1
 * (errno set) when it cannot be read or is not what was looked at (sb).
 */
int
pkg_replaceable(int parent, const char *name, const struct stat *sb,
    int *keep)
{
	struct stat	 now;
	DIR		*d;
	struct dirent	*e;
	int		 fd, dfd, empty = 1;

	*keep = -1;
	if (!S_ISDIR(sb->st_mode))
		return 0;
	fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (fd == -1)
		return -1;
	if (fstat(fd, &now) == -1 || now.st_dev != sb->st_dev ||
	    now.st_ino != sb->st_ino) {
		close(fd);
		errno = ESTALE;		/* changed between two looks */
		return -1;
	}
	if (faccessat(fd, "MANIFEST.sha256", F_OK, AT_SYMLINK_NOFOLLOW) == 0) {
		*keep = fd;
		return 1;
	}
	if (errno != ENOENT || (dfd = dup(fd)) == -1 ||
	    (d = fdopendir(dfd)) == NULL) {
		close(fd);
		return -1;
	}
	errno = 0;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = 0;
	}
	if (errno != 0) {
		closedir(d);
		close(fd);
		return -1;
	}
	closedir(d);
	if (!empty) {
		close(fd);
		return 0;
	}
	*keep = fd;
	return 1;
}

/*
 * What lies at parent/name is the directory that was checked: the inode
 * the descriptor held since the check refers to.
 */
static int
same_dir(int parent, const char *name, int was)
{
	struct stat	a, b;

	return fstatat(parent, name, &a, AT_SYMLINK_NOFOLLOW) == 0 &&
	    fstat(was, &b) == 0 && a.st_dev == b.st_dev &&
	    a.st_ino == b.st_ino;
}

/* Renames tmp to name, which must not exist (not even made meanwhile). */
int
pkg_rename_new(int parent, const char *tmp, const char *name)
{
#ifdef HAVE_RENAMEAT2
	if (renameat2(parent, tmp, parent, name, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
#endif
	/*
	 * rename(2) would replace an empty directory made meanwhile; this
	 * check narrows that window (to nothing but a race) where
	 * RENAME_NOREPLACE is missing.
	 */
	if (faccessat(parent, name, F_OK, AT_SYMLINK_NOFOLLOW) == 0) {
		errno = EEXIST;
		return -1;
	}
	return renameat(parent, tmp, parent, name);
}

/*
 * The message when what pkg_swap_into_place swapped out is not what it
 * checked: put back (failed 0), or not (failed: the errno; it is at
 * where/at, and with newpkg the new package is at dir).
 */
static void
not_ours(char *err, size_t errlen, const char *dir, int failed,
    const char *where, const char *at, int newpkg)
{
	if (failed == 0)
		snprintf(err, errlen, "%s: something else was put there while "
		    "the package was built; left as it is", dir);
	else
		snprintf(err, errlen, "%s: something else was put there while "
		    "the package was built, and it could not be put back "
		    "(%s): it is in %s/%s%s%s", dir, strerror(failed), where,
		    at, newpkg ? ", the new package in " : "",
		    newpkg ? dir : "");
}

/*
 * Puts tmp where name is, and the earlier package (checked as was) aside:
 * in one RENAME_EXCHANGE where the file system has it, else by moving it
 * aside to tmp.old first (not atomic: a crash between the two renames
 * leaves no name, the earlier package under .old). What was swapped out
 * must be what was checked: anything else put there meanwhile is put back
 * and the build fails, so that --force never removes what it did not check.
 */
int
pkg_swap_into_place(int parent, const char *tmp, const char *name,
    int was, const char *dir, const char *where,
    struct swap *s, char *err, size_t errlen)
{
	int	 saved;

	memset(s, 0, sizeof *s);
#ifdef HAVE_RENAMEAT2
	if (renameat2(parent, tmp, parent, name, RENAME_EXCHANGE) == 0) {
		if (same_dir(parent, tmp, was)) {
			s->exchanged = 1;
			return 0;
		}
		if (renameat2(parent, tmp, parent, name, RENAME_EXCHANGE) ==
		    -1) {
			s->keep_tmp = 1;
			not_ours(err, errlen, dir, errno, where, tmp, 1);
			return -1;
		}
		not_ours(err, errlen, dir, 0, where, tmp, 0);
		return -1;
	}
	if (errno != EINVAL && errno != ENOSYS) {
		snprintf(err, errlen, "%s: cannot replace: %s", dir,
		    strerror(errno));
		return -1;
	}
#endif
	snprintf(s->old, sizeof s->old, "%s.old", tmp);
	if (renameat(parent, name, parent, s->old) == -1) {
		snprintf(err, errlen, "%s: cannot move aside: %s", dir,
		    strerror(errno));
		return -1;
	}
	if (!same_dir(parent, s->old, was)) {
		not_ours(err, errlen, dir, renameat(parent, s->old, parent,
		    name) == -1 ? errno : 0, where, s->old, 0);
		return -1;
	}
	if (pkg_rename_new(parent, tmp, name) == -1) {
		saved = errno;
		if (renameat(parent, s->old, parent, name) == -1)
			snprintf(err, errlen, "%s: cannot rename into place: %s; "
			    "and the earlier package could not be put back "
			    "(%s): it is in %s/%s", dir, strerror(saved),
			    strerror(errno), where, s->old);
		else
			snprintf(err, errlen, "%s: cannot rename into place: %s",
			    dir, strerror(saved));
		return -1;
	}
	return 0;
}

/*
 * Undoes pkg_swap_into_place (or, with s NULL, the rename of a new package):
 * the new package back under tmp, the earlier one back at name.
 */
int
pkg_undo_swap(int parent, const char *tmp, const char *name,
    const struct swap *s)
{
	int	saved;

	if (s == NULL)
		return renameat(parent, name, parent, tmp);
#ifdef HAVE_RENAMEAT2
	if (s->exchanged)
		return renameat2(parent, tmp, parent, name, RENAME_EXCHANGE);
#endif
	if (renameat(parent, name, parent, tmp) == -1)
		return -1;
	if (renameat(parent, s->old, parent, name) == -1) {
		/* The new package back in place rather than nothing there. */
		saved = errno;
		renameat(parent, tmp, parent, name);
		errno = saved;
		return -1;
	}
	return 0;
}
