#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "package.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * The package in memory: each emitter of the table renders its file in its
 * encoding, and MANIFEST.sha256 lists them all. package-write.c puts it on
 * disk.
 */
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
