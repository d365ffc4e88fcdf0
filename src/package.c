#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static int
rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path) == -1 ? -1 : 0;
}

static void
remove_tree(const char *path)
{
	nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Creates the directories above path, inside root. */
static int
make_parents(const char *root, const char *path)
{
	char	*full, *slash;
	int	 rc = 0;

	full = xasprintf("%s/%s", root, path);
	for (slash = full + strlen(root) + 1; (slash = strchr(slash, '/'));
	    slash++) {
		*slash = '\0';
		if (mkdir(full, 0777) == -1 && errno != EEXIST) {
			rc = -1;
			break;
		}
		*slash = '/';
	}
	free(full);
	return rc;
}

static int
write_file(const char *root, const struct pkg_file *f)
{
	char		*full;
	const char	*p;
	size_t		 left;
	ssize_t		 n;
	int		 fd, rc = -1;

	if (make_parents(root, f->path) == -1)
		return -1;
	full = xasprintf("%s/%s", root, f->path);
	fd = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	free(full);
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
	rc = 0;
out:
	if (close(fd) == -1)
		rc = -1;
	return rc;
}

/* Empty, or holding MANIFEST.sha256: what --force may replace. */
static int
replaceable(const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	char		*manifest;
	int		 empty = 1, has;

	manifest = xasprintf("%s/MANIFEST.sha256", dir);
	has = access(manifest, F_OK) == 0;
	free(manifest);
	if (has)
		return 1;
	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = 0;
	}
	closedir(d);
	return empty;
}

/* Puts tmp where dir is and removes what was there. */
static int
swap_into_place(const char *tmp, const char *dir, char *err, size_t errlen)
{
	char	*old;
	int	 rc;

#ifdef HAVE_RENAMEAT2
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dir, RENAME_EXCHANGE) == 0) {
		remove_tree(tmp);
		return 0;
	}
	if (errno != EINVAL && errno != ENOSYS) {
		snprintf(err, errlen, "%s: cannot replace: %s", dir,
		    strerror(errno));
		return -1;
	}
#endif
	old = xasprintf("%s.old-%ld", tmp, (long)getpid());
	if (rename(dir, old) == -1) {
		snprintf(err, errlen, "%s: cannot move aside: %s", dir,
		    strerror(errno));
		free(old);
		return -1;
	}
	rc = rename(tmp, dir);
	if (rc == -1) {
		snprintf(err, errlen, "%s: cannot rename into place: %s", dir,
		    strerror(errno));
		rename(old, dir);
	} else
		remove_tree(old);
	free(old);
	return rc;
}

int
package_write(const struct package *pkg, const char *target, int force,
    char *err, size_t errlen)
{
	struct stat	 sb;
	char		*dir, *copy1, *copy2, *tmp;
	size_t		 i, n;
	int		 exists, rc = -1;

	dir = xstrdup(target);
	for (n = strlen(dir); n > 1 && dir[n - 1] == '/'; n--)
		dir[n - 1] = '\0';
	exists = lstat(dir, &sb) == 0;
	if (exists && !force) {
		snprintf(err, errlen, "%s: already exists; use --force to "
		    "replace it", dir);
		free(dir);
		return 1;
	}
	if (exists && (!S_ISDIR(sb.st_mode) || !replaceable(dir))) {
		snprintf(err, errlen, "%s: exists and is not a tlsgpo package "
		    "(no MANIFEST.sha256); refusing to replace it", dir);
		free(dir);
		return 1;
	}
	copy1 = xstrdup(dir);
	copy2 = xstrdup(dir);
	tmp = xasprintf("%s/.%s.tmp-XXXXXX", dirname(copy1), basename(copy2));
	free(copy1);
	free(copy2);
	if (mkdtemp(tmp) == NULL) {
		snprintf(err, errlen, "%s: cannot create a temporary directory "
		    "beside it: %s", dir, strerror(errno));
		goto out;
	}
	/* mkdtemp makes it 0700; a package is as readable as umask allows. */
	{
		mode_t	mask = umask(0);

		umask(mask);
		chmod(tmp, 0777 & ~mask);
	}
	for (i = 0; i < pkg->n; i++) {
		if (write_file(tmp, &pkg->files[i]) == -1) {
			snprintf(err, errlen, "%s: cannot write %s: %s", dir,
			    pkg->files[i].path, strerror(errno));
			remove_tree(tmp);
			goto out;
		}
	}
	if (exists)
		rc = swap_into_place(tmp, dir, err, errlen);
	else if ((rc = rename(tmp, dir)) == -1)
		snprintf(err, errlen, "%s: cannot rename into place: %s", dir,
		    strerror(errno));
	if (rc == -1)
		remove_tree(tmp);
out:
	free(tmp);
	free(dir);
	return rc;
}
