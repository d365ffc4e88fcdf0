#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "package.h"
#include "package-int.h"
#include "xmalloc.h"

/*
 * Writing the package. Every step is relative to a descriptor of the
 * output's parent directory, opened once: the package lands in the very
 * directory that was checked, even if its path changes meanwhile. The
 * package is written to a temporary directory beside the target; each file
 * and each directory is fsynced before the rename, and the parent after
 * it, so that after a crash or power loss the target is either the old
 * state or the complete new package, never a mix or empty files.
 */

/* One package_write: the target, what it holds open, where the message goes. */
struct target {
	char		*dir;		/* target, no trailing '/' */
	char		*parent_path;
	char		*name;
	const char	*where;		/* parent_path, for "%s/%s" */
	int		 parent;
	int		 sync_parent;	/* 0: it cannot be fsynced */
	int		 exists;
	int		 checked;	/* what exists, held open */
	int		 root;		/* the temporary directory */
	char		 tmp[NAME_MAX + 1];
	struct swap	 sw;
	char		*err;
	size_t		 errlen;
};

/* Splits the target into parent and name; -1 for a name that cannot be. */
static int
target_names(struct target *t, const char *target)
{
	char	*copy1, *copy2;
	size_t	 n;

	t->dir = xstrdup(target);
	for (n = strlen(t->dir); n > 1 && t->dir[n - 1] == '/'; n--)
		t->dir[n - 1] = '\0';
	copy1 = xstrdup(t->dir);
	copy2 = xstrdup(t->dir);
	t->parent_path = xstrdup(dirname(copy1));
	t->name = xstrdup(basename(copy2));
	free(copy1);
	free(copy2);
	/* For "%s/%s" in messages: "/" would print "//NAME". */
	t->where = strcmp(t->parent_path, "/") == 0 ? "" : t->parent_path;
	if (strcmp(t->name, "/") == 0 || strcmp(t->name, ".") == 0 ||
	    strcmp(t->name, "..") == 0) {
		snprintf(t->err, t->errlen, "%s: not a directory name a "
		    "package can take", t->dir);
		return -1;
	}
	return 0;
}

static int
target_open_parent(struct target *t)
{
	t->parent = open(t->parent_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (t->parent == -1 && errno == EACCES) {
		/*
		 * A directory one may write in and search but not list
		 * (mode 0733): work in it all the same; it cannot be
		 * fsynced without being opened for reading.
		 */
		t->parent = open(t->parent_path, O_PATH | O_DIRECTORY |
		    O_CLOEXEC);
		t->sync_parent = 0;
	}
	if (t->parent == -1) {
		snprintf(t->err, t->errlen, "%s: cannot open the directory it "
		    "goes in (%s): %s", t->dir, t->parent_path,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Whether the package may go where the target is: 0, or what package_write
 * returns (1 refused, -1 failed), with the message.
 */
static int
target_check(struct target *t, int force)
{
	struct stat	sb;
	int		ok;

	t->exists = fstatat(t->parent, t->name, &sb, AT_SYMLINK_NOFOLLOW) == 0;
	if (!t->exists && errno != ENOENT) {
		snprintf(t->err, t->errlen, "%s: cannot look at it: %s", t->dir,
		    strerror(errno));
		return -1;
	}
	if (!t->exists)
		return 0;
	if (!force) {
		snprintf(t->err, t->errlen, "%s: already exists; use --force "
		    "to replace it", t->dir);
		return 1;
	}
	if (S_ISLNK(sb.st_mode)) {
		snprintf(t->err, t->errlen, "%s: is a symbolic link; refusing "
		    "to replace it (give the directory it points to)", t->dir);
		return 1;
	}
	if ((ok = pkg_replaceable(t->parent, t->name, &sb, &t->checked)) == 1)
		return 0;
	if (ok == -1 && errno == ESTALE)
		snprintf(t->err, t->errlen, "%s: changed while it was being "
		    "checked; left as it is", t->dir);
	else if (ok == -1)
		snprintf(t->err, t->errlen, "%s: cannot read it to see whether "
		    "it is an earlier package: %s", t->dir, strerror(errno));
	else {
		snprintf(t->err, t->errlen, "%s: exists and is not a tlsgpo "
		    "package (no MANIFEST.sha256); refusing to replace it",
		    t->dir);
		return 1;
	}
	return -1;
}

/* The package's files into the temporary directory, all on disk. */
static int
fill_tmpdir(struct target *t, const struct package *pkg)
{
	const char	*what = NULL;
	size_t		 i;
	mode_t		 mask;

	t->root = openat(t->parent, t->tmp, O_RDONLY | O_DIRECTORY |
	    O_NOFOLLOW | O_CLOEXEC);
	if (t->root == -1) {
		snprintf(t->err, t->errlen, "%s: cannot open the temporary "
		    "directory %s: %s", t->dir, t->tmp, strerror(errno));
		return -1;
	}
	/* mkdirat made it 0700; a package is as readable as umask allows. */
	mask = umask(0);
	umask(mask);
	if (fchmod(t->root, 0777 & ~mask) == -1) {
		snprintf(t->err, t->errlen, "%s: cannot set the mode of the "
		    "temporary directory %s: %s", t->dir, t->tmp,
		    strerror(errno));
		return -1;
	}
	for (i = 0; i < pkg->n; i++) {
		if (pkg_write_file(t->root, &pkg->files[i]) == -1) {
			snprintf(t->err, t->errlen, "%s: cannot write %s: %s",
			    t->dir, pkg->files[i].path, strerror(errno));
			return -1;
		}
	}
	if (pkg_sync_tree(t->root, pkg, &what) == -1) {
		snprintf(t->err, t->errlen, "%s: cannot sync the directory of "
		    "%s to disk: %s", t->dir, what, strerror(errno));
		return -1;
	}
	return 0;
}

/* The temporary directory renamed to the target, in place of what exists. */
static int
put_in_place(struct target *t)
{
	if (t->exists)
		return pkg_swap_into_place(t->parent, t->tmp, t->name,
		    t->checked, t->dir, t->where, &t->sw, t->err, t->errlen);
	if (pkg_rename_new(t->parent, t->tmp, t->name) == -1) {
		snprintf(t->err, t->errlen, "%s: cannot rename into place: %s",
		    t->dir, errno == EEXIST ? "it was made meanwhile by "
		    "something else" : strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * Undoes put_in_place when the parent could not be synced (saved, the
 * errno). Returns 0 when things are as they were, else -1; both with the
 * message.
 */
static int
take_back(struct target *t, int saved)
{
	if (pkg_undo_swap(t->parent, t->tmp, t->name,
	    t->exists ? &t->sw : NULL) == 0) {
		snprintf(t->err, t->errlen, "%s: cannot sync the directory it "
		    "is in (%s) to disk: %s; nothing replaced", t->dir,
		    t->parent_path, strerror(saved));
		return 0;
	}
	/* What is where now: the message says it all. */
	if (!t->exists)
		snprintf(t->err, t->errlen, "%s: cannot sync the directory it "
		    "is in (%s) to disk: %s, nor take the new package "
		    "back (%s): it is in place", t->dir, t->parent_path,
		    strerror(saved), strerror(errno));
	else if (faccessat(t->parent, t->name, F_OK, AT_SYMLINK_NOFOLLOW) == 0)
		snprintf(t->err, t->errlen, "%s: cannot sync the directory it "
		    "is in (%s) to disk: %s, nor put the earlier package "
		    "back (%s): the new package is in place, the earlier "
		    "one in %s/%s", t->dir, t->parent_path, strerror(saved),
		    strerror(errno), t->where,
		    t->sw.exchanged ? t->tmp : t->sw.old);
	else
		snprintf(t->err, t->errlen, "%s: cannot sync the directory it "
		    "is in (%s) to disk: %s, nor put the earlier package "
		    "back (%s): neither is in place; the new package is "
		    "in %s/%s, the earlier one in %s/%s", t->dir,
		    t->parent_path, strerror(saved), strerror(errno), t->where,
		    t->tmp, t->where, t->sw.old);
	return -1;
}

int
package_write(const struct package *pkg, const char *target, int force,
    char *err, size_t errlen)
{
	struct target	 t;
	const char	*gone;
	int		 rc = -1;

	memset(&t, 0, sizeof t);
	t.root = t.checked = -1;
	t.sync_parent = 1;
	t.err = err;
	t.errlen = errlen;
	if (target_names(&t, target) == -1) {
		rc = 1;
		goto out_names;
	}
	if (target_open_parent(&t) == -1)
		goto out_names;
	if ((rc = target_check(&t, force)) != 0)
		goto out;
	rc = -1;
	if (pkg_make_tmpdir(t.parent, t.name, t.tmp) == -1) {
		snprintf(err, errlen, "%s: cannot create a temporary directory "
		    "beside it: %s", t.dir, strerror(errno));
		goto out;
	}
	if (fill_tmpdir(&t, pkg) == -1 || put_in_place(&t) == -1)
		goto fail;
	/*
	 * The rename itself on disk. If that fails, nothing is sure to be
	 * there after a power cut: put things back as they were, so that
	 * exit status 3 means that nothing changed.
	 */
	if (t.sync_parent && pkg_sync_dir(t.parent) == -1) {
		if (take_back(&t, errno) == 0)
			goto fail;
		goto out;
	}
	rc = 0;
	gone = t.exists ? (t.sw.exchanged ? t.tmp : t.sw.old) : NULL;
	if (gone != NULL && pkg_remove_tree_at(t.parent, gone) == -1)
		fprintf(stderr, "tlsgpo build: warning: the earlier package, "
		    "moved aside to %s/%s, could not be removed completely: "
		    "%s\n", t.where, gone, strerror(errno));
	goto out;
fail:
	if (!t.sw.keep_tmp && pkg_remove_tree_at(t.parent, t.tmp) == -1 &&
	    strlen(err) + 1 < errlen)
		snprintf(err + strlen(err), errlen - strlen(err), "; the "
		    "temporary directory %s/%s is left behind: %s", t.where,
		    t.tmp, strerror(errno));
out:
	if (t.checked != -1)
		close(t.checked);
	if (t.root != -1)
		close(t.root);
	close(t.parent);
out_names:
	free(t.parent_path);
	free(t.name);
	free(t.dir);
	return rc;
}
