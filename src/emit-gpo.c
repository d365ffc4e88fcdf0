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

/*
 * The GPO's security descriptor, self-relative, from well-known SIDs only
 * (a generated backup knows no domain): Authenticated Users read and Apply
 * Group Policy, Enterprise Domain Controllers read, SYSTEM and
 * Administrators full control, CREATOR OWNER full control on children.
 * Import-GPO and "Import Settings" keep the target GPO's own permissions.
 */
static const unsigned char gpo_sd[] = {
	/* revision 1; control: self-relative, DACL present, protected, auto-inherited */
	0x01, 0x00, 0x04, 0x9c,
	0x00, 0x00, 0x00, 0x00,	/* owner: none */
	0x00, 0x00, 0x00, 0x00,	/* group: none */
	0x00, 0x00, 0x00, 0x00,	/* SACL: none */
	0x14, 0x00, 0x00, 0x00,	/* DACL at 20 */
	/* ACL revision 4 (DS), 152 bytes, 6 ACEs */
	0x04, 0x00, 0x98, 0x00, 0x06, 0x00, 0x00, 0x00,
	/* object ACE, container inherit, 40 bytes: control access, Apply-Group-Policy */
	0x05, 0x02, 0x28, 0x00, 0x00, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
	0x8f, 0xfd, 0xac, 0xed, 0xb3, 0xff, 0xd1, 0x11,
	0xb4, 0x1d, 0x00, 0xa0, 0xc9, 0x68, 0xf9, 0x39,
	0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x0b, 0x00, 0x00, 0x00,
	/* read: S-1-5-9 Enterprise Domain Controllers */
	0x00, 0x02, 0x14, 0x00, 0x94, 0x00, 0x02, 0x00,
	0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x09, 0x00, 0x00, 0x00,
	/* read: S-1-5-11 Authenticated Users */
	0x00, 0x02, 0x14, 0x00, 0x94, 0x00, 0x02, 0x00,
	0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x0b, 0x00, 0x00, 0x00,
	/* full control: S-1-5-18 SYSTEM */
	0x00, 0x02, 0x14, 0x00, 0xff, 0x00, 0x0f, 0x00,
	0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x12, 0x00, 0x00, 0x00,
	/* full control: S-1-5-32-544 Administrators */
	0x00, 0x02, 0x18, 0x00, 0xff, 0x00, 0x0f, 0x00,
	0x01, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05,
	0x20, 0x00, 0x00, 0x00, 0x20, 0x02, 0x00, 0x00,
	/* full control, inherit only: S-1-3-0 CREATOR OWNER */
	0x00, 0x0a, 0x14, 0x00, 0xff, 0x00, 0x0f, 0x00,
	0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00,
};

/*
 * gpo_sd in SDDL, for the settings report (control: protected and
 * auto-inherited DACL; ACEs in gpo_sd's order, flags CI or CI IO): change
 * both together.
 */
const char gpo_sddl[] = "D:PAI"
    "(OA;CI;CR;edacfd8f-ffb3-11d1-b41d-00a0c968f939;;AU)"
    "(A;CI;LCRPLORC;;;ED)"
    "(A;CI;LCRPLORC;;;AU)"
    "(A;CI;CCDCLCSWRPWPDTLOSDRCWDWO;;;SY)"
    "(A;CI;CCDCLCSWRPWPDTLOSDRCWDWO;;;BA)"
    "(A;CIIO;CCDCLCSWRPWPDTLOSDRCWDWO;;;CO)";

static void
gpo_guid(const struct policy *p, char out[39])
{
	char	*name = xasprintf("gpo:%s:%s", p->id, p->version);

	plan_gpo_uuid(name, out);
	free(name);
}

/* ---- XML ------------------------------------------------------------- */

/* ---- bkupInfo.xml and manifest.xml ------------------------------------ */

void
gpo_ids_of(const struct plan *pl, struct gpo_ids *ids)
{
	const struct policy	*p = pl->policy;

	plan_gpo_backup_id(pl, ids->backup);
	gpo_guid(p, ids->gpo);
	plan_gpo_uuid("domain:" GPO_DOMAIN, ids->domain);
	memcpy(ids->time, p->gpo_date, sizeof ids->time);
	ids->time[10] = 'T';
}

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
	for (k = 0; k < sizeof gpo_sd; k++)
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

/* ---- Paths ------------------------------------------------------------- */

char *
gpo_backup_path(const struct emit_ctx *ctx, const struct emitter *em)
{
	const struct plan	*pl = ctx->plan;
	char			 bid[39];
	const char		*t = em->template;
	enum reg_hive		 hive = strstr(t, "user") != NULL ? HIVE_HKCU :
	    HIVE_HKLM;
	const char		*part = hive == HIVE_HKCU ? "User" : "Machine";

	plan_gpo_backup_id(pl, bid);
	if (strcmp(t, "bkupinfo") == 0)
		return xasprintf("gpo/backup/%s/bkupInfo.xml", bid);
	if (strcmp(t, "backup") == 0)
		return xasprintf("gpo/backup/%s/Backup.xml", bid);
	if (strcmp(t, "gpreport") == 0)
		return xasprintf("gpo/backup/%s/gpreport.xml", bid);
	if (strncmp(t, "pol-", 4) == 0) {
		if (!plan_gpo_has(pl, hive, plan_gpo_policy))
			return NULL;
		return xasprintf("gpo/backup/%s/DomainSysvol/GPO/%s/"
		    "registry.pol", bid, part);
	}
	if (!plan_gpo_has(pl, hive, plan_gpo_preference))
		return NULL;
	return xasprintf("gpo/backup/%s/DomainSysvol/GPO/%s/Preferences/"
	    "Registry/Registry.xml", bid, part);
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
