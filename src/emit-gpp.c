#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "emitter.h"
#include "gpo-emit.h"
#include "gpo.h"
#include "os.h"
#include "policy.h"
#include "xmalloc.h"
#include "xmlw.h"

/*
 * Group Policy Preferences Registry items ([MS-GPPREF] 2.2.1.17), for the
 * backup's Registry.xml and its settings report, and the item-level
 * targeting that keeps each item to the Windows it is meant for.
 */

/* The protocol of a SCHANNEL operation, PROTO_COUNT for any other. */
static enum proto_id
schannel_protocol(const struct plan_op *op)
{
	static const char base[] = "SYSTEM\\CurrentControlSet\\Control\\"
	    "SecurityProviders\\SCHANNEL\\Protocols\\";

	if (strncasecmp(op->key, base, sizeof base - 1) != 0)
		return PROTO_COUNT;
	return protocol_of_key_tail(op->key + sizeof base - 1);
}

unsigned
gpo_item_min_build(const struct plan_op *op)
{
	enum proto_id	id = schannel_protocol(op);
	unsigned	build;

	if (id == PROTO_COUNT)
		return 0;
	build = os_protocol_first_build(id);
	/* The query below needs a five-digit build (Version 10.0). */
	return build >= 10000 ? build : 0;
}

int
gpo_item_64bit_only(const struct plan_op *op)
{
	return op->view == VIEW_32;
}

/*
 * The WQL of an item's FilterWmi, NULL when it has none (caller frees).
 *
 * A protocol older Windows lack (TLS 1.3, DTLS 1.2): Win32_OperatingSystem's
 * BuildNumber is a string, compared as text, so the query also requires
 * Version 10.0.*, where every build so far has five digits (a six-digit
 * build would compare wrongly). FilterOs has no code for the versions
 * that brought TLS 1.3.
 *
 * The 32-bit view (SOFTWARE\Wow6432Node\...): only 64-bit Windows has one;
 * on 32-bit Windows the item would make a stray Wow6432Node key. Microsoft's
 * Win32_Processor class (https://learn.microsoft.com/windows/win32/
 * cimwin32prov/win32-processor, AddressWidth): "On a 32-bit operating
 * system, the value is 32 and on a 64-bit operating system it is 64" --
 * the OS's width, not the CPU's, and a number, where Win32_OperatingSystem's
 * OSArchitecture is a localized string ("64-bit", "64 bits", "64 Bit").
 * WMI answers the same whatever the asking process is, where the
 * PROCESSOR_ARCHITECTURE variable depends on it (x86 in a 32-bit process on
 * 64-bit Windows, with PROCESSOR_ARCHITEW6432 beside it) and names ARM64 and
 * AMD64 apart. SCHANNEL keys are never redirected, so no item needs both.
 */
char *
gpo_item_filter(const struct plan_op *op)
{
	unsigned	build = gpo_item_min_build(op);

	if (gpo_item_64bit_only(op))
		return xstrdup("SELECT AddressWidth FROM Win32_Processor WHERE "
		    "AddressWidth = 64");
	if (build == 0)
		return NULL;
	return xasprintf("SELECT * FROM Win32_OperatingSystem WHERE Version "
	    "LIKE '10.0.%%' AND BuildNumber >= '%u'", build);
}

static void
item_filters(xmlTextWriterPtr w, const struct plan_op *op, const char *pfx,
    int report)
{
	char	*q = gpo_item_filter(op), *name;

	/* Registry.xml has Filters only when there are some, the report always. */
	if (q == NULL && !report)
		return;
	name = xasprintf("%sFilters", pfx);
	xw_start(w, name);
	free(name);
	if (q != NULL) {
		name = xasprintf("%sFilterWmi", pfx);
		xw_start(w, name);
		free(name);
		xw_attr(w, "bool", "AND");
		xw_attr(w, "not", "0");
		xw_attr(w, "query", q);
		xw_attr(w, "nameSpace", "Root\\cimv2");
		xw_attr(w, "property", "");
		xw_attr(w, "variableName", "");
		xw_end(w);
		free(q);
	}
	xw_end(w);
}

/*
 * One item per value: action R (replace), removePolicy 1 ("Remove this item
 * when it is no longer applied": the value goes when the GPO no longer
 * applies), bypassErrors 1 (one item failing does not stop the others).
 * The report (GPMC's "View Settings") has the same item, with its place
 * (GPOSettingOrder), an empty Values and a Filters element always.
 */
void
gpp_write_item(xmlTextWriterPtr w, const struct plan *pl,
    const struct plan_op *op, const char *pfx, int order)
{
	const struct policy	*p = pl->policy;
	char			 uid[39], data[16], n[16], *key, *name, *el;
	int			 report = *pfx != '\0';

	key = plan_op_physical_key(op);
	name = xasprintf("item:%s:%s:%s:%s", p->id, hive_short_name(op->hive),
	    key, op->value);
	gpo_uuid(name, uid);
	free(name);
	snprintf(data, sizeof data, "%08X", (unsigned)op->data);
	el = xasprintf("%sRegistry", pfx);
	xw_start(w, el);
	free(el);
	xw_attr(w, "clsid", CLSID_REGISTRY);
	xw_attr(w, "name", op->value);
	xw_attr(w, "status", op->value);
	/* GPMC's icon: 10 + action (C 0, R 1, U 2, D 3) for a DWORD. */
	xw_attr(w, "image", "11");
	xw_attr(w, "changed", p->gpo_date);
	xw_attr(w, "uid", uid);
	xw_attr(w, "desc", op->why);
	xw_attr(w, "bypassErrors", "1");
	xw_attr(w, "removePolicy", "1");
	if (report) {
		el = xasprintf("%sGPOSettingOrder", pfx);
		snprintf(n, sizeof n, "%d", order);
		xmlTextWriterWriteElement(w, BAD_CAST el, BAD_CAST n);
		free(el);
	}
	el = xasprintf("%sProperties", pfx);
	xw_start(w, el);
	free(el);
	xw_attr(w, "action", "R");
	xw_attr(w, "displayDecimal", "0");
	xw_attr(w, "default", "0");
	xw_attr(w, "hive", hive_long_name(op->hive));
	xw_attr(w, "key", key);
	xw_attr(w, "name", op->value);
	xw_attr(w, "type", reg_type_name(op->type));
	xw_attr(w, "value", data);
	if (report) {
		el = xasprintf("%sValues", pfx);
		xw_start(w, el);
		xw_end(w);
		free(el);
	}
	xw_end(w);	/* Properties */
	item_filters(w, op, pfx, report);
	xw_end(w);
	free(key);
}

static void
write_prefs(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct plan	*pl = ctx->plan;
	enum reg_hive		 hive;
	xmlTextWriterPtr	 w;
	xmlBufferPtr		 xb;
	size_t			 i;

	hive = strstr(em->template, "user") != NULL ? HIVE_HKCU : HIVE_HKLM;
	w = xw_open(&xb, 1);
	xw_start(w, "RegistrySettings");
	xw_attr(w, "clsid", CLSID_SETTINGS);
	for (i = 0; i < pl->n; i++) {
		if (pl->ops[i].hive == hive && gpo_as_preference(pl, &pl->ops[i]))
			gpp_write_item(w, pl, &pl->ops[i], "", 0);
	}
	xw_end(w);
	xw_close(w, xb, out);
}

const struct emitter emitter_gpo_prefs_machine = {
	"gpo-prefs-machine", NULL, ENC_UTF8, 1, "prefs-machine",
	write_prefs, gpo_backup_path
};

const struct emitter emitter_gpo_prefs_user = {
	"gpo-prefs-user", NULL, ENC_UTF8, 1, "prefs-user",
	write_prefs, gpo_backup_path
};
