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
 * The item's value attribute and icon. [MS-GPPREF] 2.2.1.17.1 (Registry's
 * element-specific attributes) allows the types REG_SZ, REG_DWORD,
 * REG_EXPAND_SZ and REG_MULTI_SZ, value being "the data for the registry
 * value". How GPMC writes each (seen in Registry.xml files GPMC saved, in
 * published test data; nothing here was tried on Windows): a REG_DWORD as
 * eight hex digits, icon 10 + action (C 0, R 1, U 2, D 3); a REG_SZ as its
 * text, icon 5 + action; a REG_MULTI_SZ as its strings joined by blanks,
 * icon 5 + action too, and the strings themselves, which are what the
 * extension applies, in a <Values> child of <Properties>, one <Value>
 * each: type="REG_MULTI_SZ" value="a b"><Values><Value>a</Value>
 * <Value>b</Value></Values>. libxml2's writer escapes the text.
 */
static char *
item_data(const struct plan_op *op, const char **image)
{
	if (op->type == REG_TYPE_SZ) {
		*image = "6";
		return xstrdup(op->text);
	}
	if (op->type == REG_TYPE_MULTI_SZ) {
		*image = "6";
		return plan_op_text_join(op, " ");
	}
	*image = "11";
	return xasprintf("%08X", (unsigned)op->data);
}

/* <Values>: a REG_MULTI_SZ's strings; empty in the report otherwise. */
static void
item_values(xmlTextWriterPtr w, const struct plan_op *op, const char *pfx)
{
	const char	*s;
	char		*el;

	if (op->type != REG_TYPE_MULTI_SZ && *pfx == '\0')
		return;
	el = xasprintf("%sValues", pfx);
	xw_start(w, el);
	free(el);
	el = xasprintf("%sValue", pfx);
	for (s = plan_op_text_next(op, NULL); s != NULL &&
	    op->type == REG_TYPE_MULTI_SZ; s = plan_op_text_next(op, s))
		xmlTextWriterWriteElement(w, BAD_CAST el, BAD_CAST s);
	free(el);
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
	char			 uid[39], n[16], *key, *name, *el, *data;
	const char		*image;
	int			 report = *pfx != '\0';

	key = plan_op_physical_key(op);
	name = xasprintf("item:%s:%s:%s:%s", p->id, hive_short_name(op->hive),
	    key, op->value);
	plan_gpo_uuid(name, uid);
	free(name);
	data = item_data(op, &image);
	el = xasprintf("%sRegistry", pfx);
	xw_start(w, el);
	free(el);
	xw_attr(w, "clsid", CLSID_REGISTRY);
	xw_attr(w, "name", op->value);
	xw_attr(w, "status", op->value);
	xw_attr(w, "image", image);
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
	item_values(w, op, pfx);
	xw_end(w);	/* Properties */
	item_filters(w, op, pfx, report);
	xw_end(w);
	free(key);
	free(data);
}
