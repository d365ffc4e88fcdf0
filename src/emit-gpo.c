#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "emitter.h"
#include "gpo-emit.h"
#include "gpo.h"
#include "pol-write.h"
#include "policy.h"
#include "quote.h"
#include "template.h"
#include "xmalloc.h"
#include "xmlw.h"

/*
 * gpo/backup/: a GPO backup as GPMC's "Back Up" writes it, for Import-GPO,
 * GPMC "Import Settings" and LGPO.exe /g; and gpo/import-gpo.ps1.
 *
 *   manifest.xml                      the backups in this folder
 *   {BACKUP}/bkupInfo.xml             this backup; its ID is the folder name
 *   {BACKUP}/Backup.xml               the GPO, and every file import copies
 *   {BACKUP}/gpreport.xml             the settings report (emit-gpreport.c)
 *   {BACKUP}/DomainSysvol/GPO/Machine/registry.pol
 *   {BACKUP}/DomainSysvol/GPO/Machine/Preferences/Registry/Registry.xml
 *   {BACKUP}/DomainSysvol/GPO/User/...   (HKCU values only)
 *
 * The shape follows backups GPMC wrote (Microsoft's ActiveDirectoryTierModel
 * and NSA's Windows-Secure-Host-Baseline repositories), [MS-GPREG] for
 * registry.pol and [MS-GPPREF] 2.2.1.17 for Registry.xml (emit-gpp.c). Nothing comes
 * from the clock: GUIDs are name-based (RFC 9562 version 5) on the policy id
 * and version, times come from [gpo] date. The domain fields name
 * tlsgpo.invalid so that nobody takes the backup for one of a real domain.
 */

/* ---- bkupInfo.xml and manifest.xml ------------------------------------ */

static void
backup_inst(xmlTextWriterPtr w, const struct plan *pl, int ns)
{
	const struct policy	*p = pl->policy;
	struct gpo_ids		 ids;

	gpo_ids_of(pl, &ids);
	xw_start(w, "BackupInst");
	if (ns)
		xw_attr(w, "xmlns", NS_MANIFEST);
	xw_cdata(w, "GPOGuid", ids.gpo);
	xw_cdata(w, "GPODomain", GPO_DOMAIN);
	xw_cdata(w, "GPODomainGuid", ids.domain);
	xw_cdata(w, "GPODomainController", GPO_DC);
	xw_cdata(w, "BackupTime", ids.time);
	xw_cdata(w, "ID", ids.backup);
	xw_cdata(w, "Comment", "Written by tlsgpo " PACKAGE_VERSION
	    " from a policy file; not a backup of a real GPO");
	xw_cdata(w, "GPODisplayName", p->gpo_name);
	xw_end(w);
}

/* No XML declaration: GPMC writes none in these two. */
static void
write_bkupinfo(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	xmlTextWriterPtr	w;
	xmlBufferPtr		xb;

	(void)em;
	w = xw_open(&xb, 0);
	backup_inst(w, ctx->plan, 1);
	xw_close(w, xb, out);
}

static void
write_manifest(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	xmlTextWriterPtr	w;
	xmlBufferPtr		xb;

	(void)em;
	w = xw_open(&xb, 0);
	xw_start(w, "Backups");
	xw_attr(w, "xmlns", NS_MANIFEST);
	xw_attr(w, "xmlns:mfst", NS_MANIFEST);
	xw_attr(w, "mfst:version", "1.0");
	backup_inst(w, ctx->plan, 0);
	xw_end(w);
	xw_close(w, xb, out);
}

/* ---- Backup.xml ------------------------------------------------------- */

static void
fs_object(xmlTextWriterPtr w, const struct gpo_ids *ids, int dir,
    const char *part, const char *rel)
{
	char	*path, *src, *loc;

	path = xasprintf("%%GPO_%s_FSPATH%%\\%s", strcmp(part, "Machine") == 0 ?
	    "MACH" : "USER", rel);
	src = xasprintf("\\\\" GPO_DC "\\sysvol\\" GPO_DOMAIN "\\Policies\\%s"
	    "\\%s\\%s", ids->gpo, part, rel);
	loc = xasprintf("DomainSysvol\\GPO\\%s\\%s", part, rel);
	xw_start(w, dir ? "FSObjectDir" : "FSObjectFile");
	xw_attr(w, "bkp:Path", path);
	xw_attr(w, "bkp:SourceExpandedPath", src);
	xw_attr(w, "bkp:Location", loc);
	xw_end(w);
	free(path);
	free(src);
	free(loc);
}

static void
extension_guids(xmlTextWriterPtr w, const char *name, int user, int pol,
    int prefs)
{
	struct buf	b;

	buf_init(&b);
	/* [{CSE}{tool}] groups, sorted by the extension's GUID. */
	if (prefs)
		buf_adds(&b, "[" CSE_NULL TOOL_PREFS "]");
	if (pol)
		buf_adds(&b, user ? GROUP_REGISTRY_U : GROUP_REGISTRY_M);
	if (prefs)
		buf_adds(&b, GROUP_PREFS);
	if (b.len == 0) {
		xw_start(w, name);
		xw_end(w);
	} else
		xw_cdata(w, name, buf_cstr(&b));
	buf_free(&b);
}

/*
 * The files import copies, per extension. Every backup GPMC writes lists
 * the Registry extension with the GPO's Adm folder (legacy .adm templates)
 * as a last FSObjectFile %GPO_FSPATH%\Adm\*.*, with no bkp:Location (there
 * is nothing to copy), even when the GPO has no registry.pol and no Adm
 * folder; when the folder exists it is an FSObjectDir DomainSysvol\GPO\Adm
 * under the Unknown Extension as well. Preferences files are listed under
 * the Unknown Extension, each folder before what it holds.
 */
static void
backup_extensions(xmlTextWriterPtr w, const struct gpo_ids *ids,
    const int pol[2], const int prefs[2])
{
	static const char *const parts[2] = { "Machine", "User" };
	char	*src;
	int	 i;

	xw_start(w, "GroupPolicyExtension");
	xw_attr(w, "bkp:ID", CSE_REGISTRY);
	xw_attr(w, "bkp:DescName", "Registry");
	for (i = 0; i < 2; i++) {
		if (pol[i])
			fs_object(w, ids, 0, parts[i], "registry.pol");
	}
	src = xasprintf("\\\\" GPO_DC "\\sysvol\\" GPO_DOMAIN
	    "\\Policies\\%s\\Adm\\*.*", ids->gpo);
	xw_start(w, "FSObjectFile");
	xw_attr(w, "bkp:Path", "%GPO_FSPATH%\\Adm\\*.*");
	xw_attr(w, "bkp:SourceExpandedPath", src);
	xw_end(w);
	free(src);
	xw_end(w);
	if (!prefs[0] && !prefs[1])
		return;
	xw_start(w, "GroupPolicyExtension");
	xw_attr(w, "bkp:ID", EXT_UNKNOWN);
	xw_attr(w, "bkp:DescName", "Unknown Extension");
	for (i = 0; i < 2; i++) {
		if (!prefs[i])
			continue;
		fs_object(w, ids, 1, parts[i], "Preferences");
		fs_object(w, ids, 1, parts[i], "Preferences\\Registry");
		fs_object(w, ids, 0, parts[i],
		    "Preferences\\Registry\\Registry.xml");
	}
	xw_end(w);
}

static void
write_backup(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct plan	*pl = ctx->plan;
	const struct policy	*p = pl->policy;
	static const enum reg_hive hives[2] = { HIVE_HKLM, HIVE_HKCU };
	xmlTextWriterPtr	 w;
	xmlBufferPtr		 xb;
	struct gpo_ids		 ids;
	struct buf		 sd;
	int			 pol[2], prefs[2], i;
	size_t			 k;

	(void)em;
	gpo_ids_of(pl, &ids);
	for (i = 0; i < 2; i++) {
		pol[i] = plan_gpo_has(pl, hives[i], plan_gpo_policy);
		prefs[i] = plan_gpo_has(pl, hives[i], plan_gpo_preference);
	}
	buf_init(&sd);
	for (k = 0; k < gpo_sd_len; k++)
		buf_printf(&sd, "%s%02x", k == 0 ? "" : " ", gpo_sd[k]);

	w = xw_open(&xb, 1);
	xmlTextWriterWriteComment(w, BAD_CAST " Written by tlsgpo "
	    PACKAGE_VERSION " from a policy file ");
	xw_start(w, "GroupPolicyBackupScheme");
	xw_attr(w, "bkp:version", "2.0");
	xw_attr(w, "bkp:type", "GroupPolicyBackupTemplate");
	xw_attr(w, "xmlns:bkp", NS_BACKUP);
	xw_attr(w, "xmlns", NS_BACKUP);
	xw_start(w, "GroupPolicyObject");
	xw_start(w, "SecurityGroups");
	xw_end(w);
	xw_start(w, "FilePaths");
	xw_end(w);
	xw_start(w, "GroupPolicyCoreSettings");
	xw_cdata(w, "ID", ids.gpo);
	xw_cdata(w, "Domain", GPO_DOMAIN);
	xw_start(w, "SecurityDescriptor");
	xmlTextWriterWriteString(w, BAD_CAST buf_cstr(&sd));
	xw_end(w);
	xw_cdata(w, "DisplayName", p->gpo_name);
	/* Options 1: the user part is disabled (nothing in it). */
	xw_cdata(w, "Options", pol[1] || prefs[1] ? "0" : "1");
	/* (SYSVOL version << 16) | directory version: 1 and 1 when used. */
	xw_cdata(w, "UserVersionNumber", pol[1] || prefs[1] ? "65537" : "0");
	xw_cdata(w, "MachineVersionNumber", pol[0] || prefs[0] ? "65537" :
	    "0");
	extension_guids(w, "MachineExtensionGuids", 0, pol[0], prefs[0]);
	extension_guids(w, "UserExtensionGuids", 1, pol[1], prefs[1]);
	xw_start(w, "WMIFilter");
	xw_end(w);
	xw_end(w);	/* GroupPolicyCoreSettings */
	backup_extensions(w, &ids, pol, prefs);
	xw_end(w);	/* GroupPolicyObject */
	xw_end(w);
	xw_close(w, xb, out);
	buf_free(&sd);
}

/* ---- registry.pol and Registry.xml ------------------------------------- */

static void
write_gpo_pol(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	pol_write(ctx->plan, strstr(em->template, "user") != NULL ? HIVE_HKCU :
	    HIVE_HKLM, plan_gpo_policy, out);
}

/* ---- import-gpo.ps1 ---------------------------------------------------- */

static void
write_import(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct policy	*p = ctx->plan->policy;
	struct buf		 name, pid;
	char			 bid[39], bare[37];

	buf_init(&name);
	buf_init(&pid);
	plan_gpo_backup_id(ctx->plan, bid);
	memcpy(bare, bid + 1, 36);
	bare[36] = '\0';
	ps_quote(&name, p->gpo_name);
	ps_quote(&pid, p->id);
	{
		const struct template_var vars[] = {
			{ "TOOL_VERSION", PACKAGE_VERSION },
			{ "ID", p->id },
			{ "VERSION", p->version },
			{ "POLICY_ID", buf_cstr(&pid) },
			{ "BACKUP_ID", bare },
			{ "GPO_NAME", buf_cstr(&name) },
			{ "MODE", gpo_mode_name(p->gpo_mode) },
		};
		template_render(em->template, vars,
		    sizeof vars / sizeof vars[0], out);
	}
	buf_free(&name);
	buf_free(&pid);
}

const struct emitter emitter_gpo_manifest = {
	"gpo-manifest", "gpo/backup/manifest.xml", ENC_UTF8, 1, "manifest",
	write_manifest, NULL
};

const struct emitter emitter_gpo_bkupinfo = {
	"gpo-bkupinfo", NULL, ENC_UTF8, 1, "bkupinfo", write_bkupinfo,
	gpo_backup_path
};

const struct emitter emitter_gpo_backup = {
	"gpo-backup", NULL, ENC_UTF8, 1, "backup", write_backup, gpo_backup_path
};

/* Bytes, not text, as gpo/Machine/Registry.pol. */
const struct emitter emitter_gpo_pol_machine = {
	"gpo-pol-machine", NULL, ENC_UTF8, 0, "pol-machine",
	write_gpo_pol, gpo_backup_path
};

const struct emitter emitter_gpo_pol_user = {
	"gpo-pol-user", NULL, ENC_UTF8, 0, "pol-user", write_gpo_pol,
	gpo_backup_path
};

/* UTF-8 with a BOM: Windows PowerShell 5.1 reads BOM-less files as ANSI. */
const struct emitter emitter_gpo_import = {
	"gpo-import", "gpo/import-gpo.ps1", ENC_UTF8_BOM, 1, "import-gpo.ps1",
	write_import, NULL
};
