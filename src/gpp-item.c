#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gpo-emit.h"
#include "gpo.h"
#include "xmalloc.h"
#include "xmlw.h"

/*
 * One Group Policy Preferences Registry item ([MS-GPPREF] 2.2.1.17), as
 * the backup's Registry.xml and its settings report both write it, with
 * the item-level targeting (a WMI filter) the plan gave it.
 */

static void
item_filters(xmlTextWriterPtr w, const struct plan_op *op, const char *pfx,
    int report)
{
	char	*q = plan_gpo_filter(op), *name;

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
	plan_gpo_uuid(name, uid);
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
