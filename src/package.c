#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "package.h"
#include "utf8.h"
#include "xmalloc.h"

static const struct emitter *const emitters[] = {
	&emitter_readme,
	&emitter_reg_apply,
	&emitter_reg_rollback,
	&emitter_cmd_apply,
	&emitter_cmd_rollback,
	&emitter_cmd_detect,
	&emitter_ps1_apply,
	&emitter_ps1_rollback,
	&emitter_ps1_detect,
	&emitter_admx,
	&emitter_adml_en,
	&emitter_adml_zh,
	&emitter_adml_sv,
	&emitter_pol_machine,
	&emitter_pol_user,
	&emitter_pol_rollback_machine,
	&emitter_pol_rollback_user,
	&emitter_lgpo,
	&emitter_lgpo_rollback,
	&emitter_gpo_manifest,
	&emitter_gpo_bkupinfo,
	&emitter_gpo_backup,
	&emitter_gpo_pol_machine,
	&emitter_gpo_pol_user,
	&emitter_gpo_prefs_machine,
	&emitter_gpo_prefs_user,
	&emitter_gpo_report,
	&emitter_gpo_import,
};

void
encode_text(const char *s, size_t n, enum text_encoding enc, int crlf,
    struct buf *out)
{
	struct buf	 lines;
	const char	*t = s;
	size_t		 len = n;

	buf_init(&lines);
	if (crlf) {
		text_to_crlf(&lines, s, n);
		t = lines.data == NULL ? "" : lines.data;
		len = lines.len;
	}
	switch (enc) {
	case ENC_UTF8_BOM:
		buf_add(out, "\xef\xbb\xbf", 3);
		/* FALLTHROUGH */
	case ENC_UTF8:
	case ENC_REG_OPTION:
		buf_add(out, t, len);
		break;
	case ENC_UTF16LE_BOM:
		buf_add(out, "\xff\xfe", 2);
		utf8_to_utf16le(out, t, len);
		break;
	case ENC_ASCII:
		utf8_to_ascii(out, t, len);
		break;
	}
	buf_free(&lines);
}

static struct pkg_file *
package_add(struct package *pkg, const char *path)
{
	struct pkg_file	*f;

	pkg->files = xreallocarray(pkg->files, pkg->n + 1, sizeof *pkg->files);
	f = &pkg->files[pkg->n++];
	f->path = xstrdup(path);
	buf_init(&f->data);
	return f;
}

static int
cmp_path(const void *a, const void *b)
{
	const struct pkg_file	*fa = a, *fb = b;

	return strcmp(fa->path, fb->path);
}

/* sha256sum's own format: "<hex>  <path>", which sha256sum -c reads. */
static void
package_manifest(struct package *pkg)
{
	struct buf	 text;
	struct pkg_file	*f;
	unsigned char	 md[EVP_MAX_MD_SIZE];
	unsigned int	 mdlen, j;
	size_t		 i;

	qsort(pkg->files, pkg->n, sizeof *pkg->files, cmp_path);
	buf_init(&text);
	for (i = 0; i < pkg->n; i++) {
		if (EVP_Digest(pkg->files[i].data.data, pkg->files[i].data.len,
		    md, &mdlen, EVP_sha256(), NULL) != 1) {
			fputs("tlsgpo: SHA-256 failed in libcrypto\n", stderr);
			abort();
		}
		for (j = 0; j < mdlen; j++)
			buf_printf(&text, "%02x", md[j]);
		buf_printf(&text, "  %s\n", pkg->files[i].path);
	}
	f = package_add(pkg, "MANIFEST.sha256");
	f->data = text;
}

void
package_render(const struct emit_ctx *ctx, struct package *pkg)
{
	const struct emitter	*em;
	struct pkg_file		*f;
	struct buf		 text;
	enum text_encoding	 enc;
	size_t			 i;

	memset(pkg, 0, sizeof *pkg);
	for (i = 0; i < sizeof emitters / sizeof emitters[0]; i++) {
		em = emitters[i];
		buf_init(&text);
		em->write(ctx, em, &text);
		enc = em->encoding == ENC_REG_OPTION ? ctx->reg_encoding :
		    em->encoding;
		if (em->path != NULL)
			f = package_add(pkg, em->path);
		else {
			char	*path = em->path_for(ctx, em);

			if (path == NULL) {
				buf_free(&text);
				continue;
			}
			f = package_add(pkg, path);
			free(path);
		}
		encode_text(text.data == NULL ? "" : text.data, text.len, enc,
		    em->crlf, &f->data);
		buf_free(&text);
	}
	package_manifest(pkg);
}

void
package_free(struct package *pkg)
{
	size_t	i;

	for (i = 0; i < pkg->n; i++) {
		free(pkg->files[i].path);
		buf_free(&pkg->files[i].data);
	}
	free(pkg->files);
	memset(pkg, 0, sizeof *pkg);
}

/*
 * Writing the package. Every step is relative to a descriptor of the
 * output's parent directory, opened once: the package lands in the very
 * directory that was checked, even if its path changes meanwhile. The
 * package is written to a temporary directory beside the target; each file
 * and each directory is fsynced before the rename, and the parent after
 * it, so that after a crash or power loss the target is either the old
 * state or the complete new package, never a mix or empty files.
 */

/* Directory fsync: some file systems (SMB, some FUSE) refuse it. */
static int
sync_dir(int fd)
{
	if (fsync(fd) == -1 && errno != EINVAL && errno != ENOTSUP)
		return -1;
	return 0;
}

/*
 * Removes name (a tree) inside dfd. Returns -1, errno the first error,
 * when anything is left.
 */
static int
remove_tree_at(int dfd, const char *name)
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
		if (remove_tree_at(dirfd(d), e->d_name) == -1 && first == 0)
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

static int
write_file(int root, const struct pkg_file *f)
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
static int
sync_tree(int root, const struct package *pkg, const char **what)
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
			if (fd == -1 || sync_dir(fd) == -1) {
				*what = pkg->files[i].path;
				rc = -1;
			}
			if (fd != -1)
				close(fd);
		}
		free(dir);
	}
	if (rc == 0 && sync_dir(root) == -1) {
		*what = ".";
		rc = -1;
	}
	return rc;
}

/*
 * Empty, or holding MANIFEST.sha256: what --force may replace. Returns 1
 * with *keep a descriptor of that very directory (held until the swap,
 * so that its inode cannot be freed and its number reused), 0, or -1
 * (errno set) when it cannot be read or is not what was looked at (sb).
 */
static int
replaceable(int parent, const char *name, const struct stat *sb, int *keep)
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
 * A temporary directory ".NAME.tmp-XXXXXX" in parent; its name in tmp
 * (NAME_MAX + 1 bytes), short enough that ".old" can be added to it (a
 * long NAME is cut short there).
 */
static int
make_tmpdir(int parent, const char *name, char *tmp)
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
static int
rename_new(int parent, const char *tmp, const char *name)
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

/* Where the earlier package went when the new one took its place. */
struct swap {
	int	 exchanged;	/* RENAME_EXCHANGE: it is under tmp */
	char	 old[NAME_MAX + 5];	/* else moved aside to tmp.old */
	int	 keep_tmp;	/* tmp holds what is not ours: never remove */
};

/*
 * The message when what swap_into_place swapped out is not what it checked:
 * put back (failed 0), or not (failed: the errno; it is at where/at, and
 * with newpkg the new package is at dir).
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
static int
swap_into_place(int parent, const char *tmp, const char *name,
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
	if (rename_new(parent, tmp, name) == -1) {
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
 * Undoes swap_into_place (or, with s NULL, the rename of a new package):
 * the new package back under tmp, the earlier one back at name.
 */
static int
undo_swap(int parent, const char *tmp, const char *name,
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

int
package_write(const struct package *pkg, const char *target, int force,
    char *err, size_t errlen)
{
	struct stat	 sb;
	struct swap	 sw;
	char		*dir, *copy1, *copy2, *parent_path, *name;
	char		 tmp[NAME_MAX + 1];
	const char	*what = NULL, *gone, *where;
	size_t		 i, n;
	int		 parent, root = -1, exists, ok, rc = -1, saved;
	int		 sync_parent = 1, checked = -1;
	mode_t		 mask;

	memset(&sw, 0, sizeof sw);
	dir = xstrdup(target);
	for (n = strlen(dir); n > 1 && dir[n - 1] == '/'; n--)
		dir[n - 1] = '\0';
	copy1 = xstrdup(dir);
	copy2 = xstrdup(dir);
	parent_path = xstrdup(dirname(copy1));
	name = xstrdup(basename(copy2));
	free(copy1);
	free(copy2);
	/* For "%s/%s" in messages: "/" would print "//NAME". */
	where = strcmp(parent_path, "/") == 0 ? "" : parent_path;
	if (strcmp(name, "/") == 0 || strcmp(name, ".") == 0 ||
	    strcmp(name, "..") == 0) {
		snprintf(err, errlen, "%s: not a directory name a package can "
		    "take", dir);
		rc = 1;
		goto out_names;
	}
	parent = open(parent_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (parent == -1 && errno == EACCES) {
		/*
		 * A directory one may write in and search but not list
		 * (mode 0733): work in it all the same; it cannot be
		 * fsynced without being opened for reading.
		 */
		parent = open(parent_path, O_PATH | O_DIRECTORY | O_CLOEXEC);
		sync_parent = 0;
	}
	if (parent == -1) {
		snprintf(err, errlen, "%s: cannot open the directory it goes "
		    "in (%s): %s", dir, parent_path, strerror(errno));
		goto out_names;
	}
	exists = fstatat(parent, name, &sb, AT_SYMLINK_NOFOLLOW) == 0;
	if (!exists && errno != ENOENT) {
		snprintf(err, errlen, "%s: cannot look at it: %s", dir,
		    strerror(errno));
		goto out;
	}
	if (exists && !force) {
		snprintf(err, errlen, "%s: already exists; use --force to "
		    "replace it", dir);
		rc = 1;
		goto out;
	}
	if (exists && S_ISLNK(sb.st_mode)) {
		snprintf(err, errlen, "%s: is a symbolic link; refusing to "
		    "replace it (give the directory it points to)", dir);
		rc = 1;
		goto out;
	}
	if (exists && (ok = replaceable(parent, name, &sb, &checked)) != 1) {
		if (ok == -1 && errno == ESTALE)
			snprintf(err, errlen, "%s: changed while it was being "
			    "checked; left as it is", dir);
		else if (ok == -1)
			snprintf(err, errlen, "%s: cannot read it to see whether "
			    "it is an earlier package: %s", dir,
			    strerror(errno));
		else {
			snprintf(err, errlen, "%s: exists and is not a tlsgpo "
			    "package (no MANIFEST.sha256); refusing to replace "
			    "it", dir);
			rc = 1;
		}
		goto out;
	}
	if (make_tmpdir(parent, name, tmp) == -1) {
		snprintf(err, errlen, "%s: cannot create a temporary directory "
		    "beside it: %s", dir, strerror(errno));
		goto out;
	}
	root = openat(parent, tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (root == -1) {
		snprintf(err, errlen, "%s: cannot open the temporary directory "
		    "%s: %s", dir, tmp, strerror(errno));
		goto fail;
	}
	/* mkdirat made it 0700; a package is as readable as umask allows. */
	mask = umask(0);
	umask(mask);
	if (fchmod(root, 0777 & ~mask) == -1) {
		snprintf(err, errlen, "%s: cannot set the mode of the temporary "
		    "directory %s: %s", dir, tmp, strerror(errno));
		goto fail;
	}
	for (i = 0; i < pkg->n; i++) {
		if (write_file(root, &pkg->files[i]) == -1) {
			snprintf(err, errlen, "%s: cannot write %s: %s", dir,
			    pkg->files[i].path, strerror(errno));
			goto fail;
		}
	}
	if (sync_tree(root, pkg, &what) == -1) {
		snprintf(err, errlen, "%s: cannot sync the directory of %s to "
		    "disk: %s", dir, what, strerror(errno));
		goto fail;
	}
	if (exists) {
		if (swap_into_place(parent, tmp, name, checked, dir, where,
		    &sw, err, errlen) == -1)
			goto fail;
	} else if (rename_new(parent, tmp, name) == -1) {
		snprintf(err, errlen, "%s: cannot rename into place: %s", dir,
		    errno == EEXIST ? "it was made meanwhile by something else" :
		    strerror(errno));
		goto fail;
	}
	/*
	 * The rename itself on disk. If that fails, nothing is sure to be
	 * there after a power cut: put things back as they were, so that
	 * exit status 3 means that nothing changed.
	 */
	if (sync_parent && sync_dir(parent) == -1) {
		saved = errno;
		if (undo_swap(parent, tmp, name, exists ? &sw : NULL) == 0) {
			snprintf(err, errlen, "%s: cannot sync the directory it "
			    "is in (%s) to disk: %s; nothing replaced", dir,
			    parent_path, strerror(saved));
			goto fail;
		}
		/* What is where now: the message says it all. */
		if (!exists)
			snprintf(err, errlen, "%s: cannot sync the directory it "
			    "is in (%s) to disk: %s, nor take the new package "
			    "back (%s): it is in place", dir, parent_path,
			    strerror(saved), strerror(errno));
		else if (faccessat(parent, name, F_OK, AT_SYMLINK_NOFOLLOW) ==
		    0)
			snprintf(err, errlen, "%s: cannot sync the directory it "
			    "is in (%s) to disk: %s, nor put the earlier package "
			    "back (%s): the new package is in place, the earlier "
			    "one in %s/%s", dir, parent_path, strerror(saved),
			    strerror(errno), where,
			    sw.exchanged ? tmp : sw.old);
		else
			snprintf(err, errlen, "%s: cannot sync the directory it "
			    "is in (%s) to disk: %s, nor put the earlier package "
			    "back (%s): neither is in place; the new package is "
			    "in %s/%s, the earlier one in %s/%s", dir,
			    parent_path, strerror(saved), strerror(errno), where,
			    tmp, where, sw.old);
		goto out;
	}
	rc = 0;
	gone = exists ? (sw.exchanged ? tmp : sw.old) : NULL;
	if (gone != NULL && remove_tree_at(parent, gone) == -1)
		fprintf(stderr, "tlsgpo build: warning: the earlier package, "
		    "moved aside to %s/%s, could not be removed completely: "
		    "%s\n", where, gone, strerror(errno));
	goto out;
fail:
	if (!sw.keep_tmp && remove_tree_at(parent, tmp) == -1 &&
	    strlen(err) + 1 < errlen)
		snprintf(err + strlen(err), errlen - strlen(err), "; the "
		    "temporary directory %s/%s is left behind: %s", where, tmp,
		    strerror(errno));
out:
	if (checked != -1)
		close(checked);
	if (root != -1)
		close(root);
	close(parent);
out_names:
	free(parent_path);
	free(name);
	free(dir);
	return rc;
}
