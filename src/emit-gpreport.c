#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "emitter.h"
#include "gpo-emit.h"
#include "gpo.h"
#include "policy.h"
#include "xmalloc.h"
#include "xmlw.h"

/*
 * gpo/backup/{BACKUP}/gpreport.xml: the settings report GPMC writes beside
 * every backup it makes, and shows for it under "View Settings" (Manage
 * Backups, Import Settings). UTF-16LE with a BOM and CRLF, declared
 * encoding="utf-16", as in every published GPMC backup.
 *
 * The shape is the one those reports have (NSA's
 * Windows-Secure-Host-Baseline; the test data of raandree/GpoReport): a GPO
 * element in the Settings namespace with Identifier (GUID and domain in the
 * Types namespace), Name, IncludeComments, the times, SecurityDescriptor,
 * FilterDataAvailable, then Computer and User, each with its versions,
 * Enabled and one ExtensionData per extension (an Extension whose xsi:type
 * names its settings, in a namespace bound to qN, then the extension's
 * Name). Preferences Registry items are Registry.xml's items with their
 * GPOSettingOrder ("Windows Registry"); registry.pol values, which no ADMX
 * on the reading machine need explain, are "Extra Registry Settings"
 * (RegistrySetting: KeyPath, AdmSetting false, the value's Name and
 * Number) of the "Registry" extension. Nothing here comes from a domain or
 * the clock: the GPO's GUID and times are the backup's.
 */

#define NS_TYPES	"http://www.microsoft.com/GroupPolicy/Types"
#define NS_SETTINGS	"http://www.microsoft.com/GroupPolicy/Settings"
#define NS_REGISTRY	NS_SETTINGS "/Registry"
#define NS_WINREG	NS_SETTINGS "/Windows/Registry"

struct report {
	xmlTextWriterPtr	 w;
	const struct plan	*pl;
	int			 q;	/* the last qN prefix bound */
};

static void
element(xmlTextWriterPtr w, const char *name, const char *text)
{
	xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST text);
}

/* <name xmlns="ns">text</name>, as the report binds Types in place. */
static void
element_ns(xmlTextWriterPtr w, const char *name, const char *ns,
    const char *text)
{
	xw_start(w, name);
	xw_attr(w, "xmlns", ns);
	xmlTextWriterWriteString(w, BAD_CAST text);
	xw_end(w);
}

/* <ExtensionData><Extension xmlns:qN="ns" xsi:type="qN:type">; "qN:". */
static char *
extension_start(struct report *r, const char *ns, const char *type)
{
	char	*attr, *val, *pfx;

	r->q++;
	attr = xasprintf("xmlns:q%d", r->q);
	val = xasprintf("q%d:%s", r->q, type);
	xw_start(r->w, "ExtensionData");
	xw_start(r->w, "Extension");
	xw_attr(r->w, attr, ns);
	xw_attr(r->w, "xsi:type", val);
	free(attr);
	free(val);
	pfx = xasprintf("q%d:", r->q);
	return pfx;
}

static void
extension_end(struct report *r, const char *name)
{
	xw_end(r->w);	/* Extension */
	element(r->w, "Name", name);
	xw_end(r->w);	/* ExtensionData */
}

/* The Preferences Registry items of one hive, in Registry.xml's order. */
static void
prefs_extension(struct report *r, enum reg_hive hive)
{
	const struct plan	*pl = r->pl;
	char			*pfx, *el;
	size_t			 i;
	int			 order = 0;

	pfx = extension_start(r, NS_WINREG, "RegistrySettings");
	el = xasprintf("%sRegistrySettings", pfx);
	xw_start(r->w, el);
	free(el);
	xw_attr(r->w, "clsid", CLSID_SETTINGS);
	for (i = 0; i < pl->n; i++) {
		if (pl->ops[i].hive == hive && plan_gpo_preference(pl, &pl->ops[i]))
			gpp_write_item(r->w, pl, &pl->ops[i], pfx, ++order);
	}
	xw_end(r->w);
	extension_end(r, "Windows Registry");
	free(pfx);
}

/*
 * A value's data as GPMC's report names it: a REG_DWORD is a Number, in
 * decimal; a REG_SZ a String. A REG_MULTI_SZ is a String too, its strings
 * joined by blanks as Registry.xml's value attribute joins them (how GPMC
 * reports one from registry.pol was not seen: the report is for reading).
 */
static void
value_data(xmlTextWriterPtr w, const struct plan_op *op, const char *pfx)
{
	char	*el, *t, num[16];

	if (op->type == REG_TYPE_SZ || op->type == REG_TYPE_MULTI_SZ) {
		t = plan_op_text_join(op, " ");
		el = xasprintf("%sString", pfx);
		element(w, el, t);
		free(t);
	} else {
		snprintf(num, sizeof num, "%u", (unsigned)op->data);
		el = xasprintf("%sNumber", pfx);
		element(w, el, num);
	}
	free(el);
}

/* registry.pol's values of one hive, as settings no ADMX explains. */
static void
policy_extension(struct report *r, enum reg_hive hive)
{
	const struct plan	*pl = r->pl;
	const struct plan_op	*op;
	char			*pfx, *el, *key;
	size_t			 i;

	pfx = extension_start(r, NS_REGISTRY, "RegistrySettings");
	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		if (op->hive != hive || !plan_gpo_policy(pl, op))
			continue;
		key = plan_op_physical_key(op);
		el = xasprintf("%sRegistrySetting", pfx);
		xw_start(r->w, el);
		free(el);
		el = xasprintf("%sKeyPath", pfx);
		element(r->w, el, key);
		free(el);
		el = xasprintf("%sAdmSetting", pfx);
		element(r->w, el, "false");
		free(el);
		el = xasprintf("%sValue", pfx);
		xw_start(r->w, el);
		free(el);
		el = xasprintf("%sName", pfx);
		element(r->w, el, op->value);
		free(el);
		value_data(r->w, op, pfx);
		xw_end(r->w);	/* Value */
		xw_end(r->w);	/* RegistrySetting */
		free(key);
	}
	el = xasprintf("%sBlocked", pfx);
	element(r->w, el, "false");
	free(el);
	extension_end(r, "Registry");
	free(pfx);
}

/* Computer or User: versions as Backup.xml's (1 and 1 when used). */
static void
report_part(struct report *r, const char *name, enum reg_hive hive)
{
	int	pol = plan_gpo_has(r->pl, hive, plan_gpo_policy);
	int	prefs = plan_gpo_has(r->pl, hive, plan_gpo_preference);
	int	used = pol || prefs;

	xw_start(r->w, name);
	element(r->w, "VersionDirectory", used ? "1" : "0");
	element(r->w, "VersionSysvol", used ? "1" : "0");
	/* The user part is disabled (Options 1) when it has nothing. */
	element(r->w, "Enabled", used || hive == HIVE_HKLM ? "true" :
	    "false");
	if (prefs)
		prefs_extension(r, hive);
	if (pol)
		policy_extension(r, hive);
	xw_end(r->w);
}

/*
 * Backup.xml's descriptor in SDDL. Who may read and change the GPO is the
 * target GPO's after an import, so the report names no trustees
 * (PermissionsPresent false), as the descriptor names no owner.
 */
static void
report_security(xmlTextWriterPtr w)
{
	static const char ns[] = NS_TYPES "/Security";

	xw_start(w, "SecurityDescriptor");
	element_ns(w, "SDDL", ns, gpo_sddl);
	element_ns(w, "PermissionsPresent", ns, "false");
	element_ns(w, "AuditingPresent", ns, "false");
	xw_end(w);
}

static void
write_report(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct policy	*p = ctx->plan->policy;
	struct report		 r;
	struct gpo_ids		 ids;
	xmlBufferPtr		 xb;
	char			*t;

	(void)em;
	gpo_ids_of(ctx->plan, &ids);
	r.pl = ctx->plan;
	r.q = 0;
	/* The text is UTF-8 here; the package writes it as UTF-16LE. */
	buf_adds(out, "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n");
	r.w = xw_open(&xb, 0);
	xw_start(r.w, "GPO");
	xw_attr(r.w, "xmlns:xsd", "http://www.w3.org/2001/XMLSchema");
	xw_attr(r.w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	xw_attr(r.w, "xmlns", NS_SETTINGS);
	xw_start(r.w, "Identifier");
	element_ns(r.w, "Identifier", NS_TYPES, ids.gpo);
	element_ns(r.w, "Domain", NS_TYPES, GPO_DOMAIN);
	xw_end(r.w);
	element(r.w, "Name", p->gpo_name);
	element(r.w, "IncludeComments", "true");
	element(r.w, "CreatedTime", ids.time);
	element(r.w, "ModifiedTime", ids.time);
	t = xasprintf("%sZ", ids.time);
	element(r.w, "ReadTime", t);
	free(t);
	report_security(r.w);
	element(r.w, "FilterDataAvailable", "true");
	report_part(&r, "Computer", HIVE_HKLM);
	report_part(&r, "User", HIVE_HKCU);
	xw_end(r.w);
	xw_close(r.w, xb, out);
}

const struct emitter emitter_gpo_report = {
	"gpo-report", NULL, ENC_UTF16LE_BOM, 1, "gpreport", write_report,
	gpo_backup_path
};
