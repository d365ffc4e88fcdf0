#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "admx-int.h"
#include "emitter.h"
#include "xmalloc.h"
#include "xmlw.h"

/*
 * gpo/PolicyDefinitions/NAME.admx, written with libxml2's xmlTextWriter
 * (escaping is the writer's, never ours) from admx-model.c's model; also
 * the root element and the path that it and the ADML files (emit-adml.c)
 * share.
 */

static void
w_string_ref(xmlTextWriterPtr w, const char *attr, const char *kind,
    const char *id)
{
	char	*ref = xasprintf("$(%s.%s)", kind, id);

	xw_attr(w, attr, ref);
	free(ref);
}

static void
w_decimal_value(xmlTextWriterPtr w, uint32_t data)
{
	char	num[16];

	snprintf(num, sizeof num, "%u", (unsigned)data);
	xw_start(w, "value");
	xw_start(w, "decimal");
	xw_attr(w, "value", num);
	xw_end(w);
	xw_end(w);
}

/* <item key= valueName=><value><decimal/></value></item> */
static void
w_list_item(xmlTextWriterPtr w, const struct plan_op *op, uint32_t data)
{
	char	*key = plan_op_physical_key(op);

	xw_start(w, "item");
	xw_attr(w, "key", key);
	xw_attr(w, "valueName", op->value);
	w_decimal_value(w, data);
	xw_end(w);
	free(key);
}

/* The data "disabled" writes: the opposite of what a toggle turns on. */
static uint32_t
toggle_off(const struct plan_op *op)
{
	if (strcmp(op->value, "DisabledByDefault") == 0)
		return 1;
	return 0;
}

static uint32_t
toggle_on(const struct plan_op *op)
{
	return toggle_off(op) ? 0 : 1;
}

/* A toggle: every key of the policy on when enabled, off when disabled. */
static void
w_toggle_lists(xmlTextWriterPtr w, const struct admx_policy *ap)
{
	size_t	i;

	xw_start(w, "enabledList");
	for (i = 0; i < ap->nops; i++)
		w_list_item(w, ap->ops[i], toggle_on(ap->ops[i]));
	xw_end(w);
	xw_start(w, "disabledList");
	for (i = 0; i < ap->nops; i++)
		w_list_item(w, ap->ops[i], toggle_off(ap->ops[i]));
	xw_end(w);
}

/* A mask: an enum of the model's masks, one item each. */
static void
w_mask_enum(xmlTextWriterPtr w, const struct admx_model *m,
    const struct admx_policy *ap)
{
	char	id[32];
	size_t	i, j;

	xw_start(w, "elements");
	xw_start(w, "enum");
	xw_attr(w, "id", ap->value);
	xw_attr(w, "valueName", ap->value);
	xw_attr(w, "required", "true");
	for (j = 0; j < m->nmasks; j++) {
		snprintf(id, sizeof id, "Mask_%08X", (unsigned)m->masks[j]);
		xw_start(w, "item");
		w_string_ref(w, "displayName", "string", id);
		w_decimal_value(w, m->masks[j]);
		/* The other keys (the 32-bit view) get the same data. */
		if (ap->nops > 1) {
			xw_start(w, "valueList");
			for (i = 1; i < ap->nops; i++)
				w_list_item(w, ap->ops[i], m->masks[j]);
			xw_end(w);
		}
		xw_end(w);
	}
	xw_end(w);
	xw_end(w);
}

/* A key size: a decimal element per value, in the policy's key. */
static void
w_key_sizes(xmlTextWriterPtr w, const struct admx_policy *ap)
{
	char	num[16];
	size_t	i;

	xw_start(w, "elements");
	for (i = 0; i < ap->nops; i++) {
		xw_start(w, "decimal");
		xw_attr(w, "id", ap->ops[i]->value);
		xw_attr(w, "valueName", ap->ops[i]->value);
		xw_attr(w, "required", "true");
		snprintf(num, sizeof num, "%u", ap->ops[i]->data < ADMX_BITS_MIN ?
		    (unsigned)ap->ops[i]->data : ADMX_BITS_MIN);
		xw_attr(w, "minValue", num);
		snprintf(num, sizeof num, "%u", ap->ops[i]->data > ADMX_BITS_MAX ?
		    (unsigned)ap->ops[i]->data : ADMX_BITS_MAX);
		xw_attr(w, "maxValue", num);
		xw_end(w);
	}
	xw_end(w);
}

/* Legacy switches: a boolean per key, on 0xFFFFFFFF and off 0. */
static void
w_switches(xmlTextWriterPtr w, const struct admx_policy *ap)
{
	char	id[80], on[16], *key;
	size_t	i;

	snprintf(on, sizeof on, "%u", (unsigned)PLAN_SWITCH_ON);
	xw_start(w, "elements");
	for (i = 0; i < ap->nops; i++) {
		admx_switch_id(id, sizeof id, ap->ops[i]);
		key = plan_op_physical_key(ap->ops[i]);
		xw_start(w, "boolean");
		xw_attr(w, "id", id);
		xw_attr(w, "key", key);
		xw_attr(w, "valueName", ap->ops[i]->value);
		xw_start(w, "trueValue");
		xw_start(w, "decimal");
		xw_attr(w, "value", on);
		xw_end(w);
		xw_end(w);
		xw_start(w, "falseValue");
		xw_start(w, "decimal");
		xw_attr(w, "value", "0");
		xw_end(w);
		xw_end(w);
		xw_end(w);
		free(key);
	}
	xw_end(w);
}

/* Functions (text, at most 1,023 characters) or EccCurves (multiText). */
static void
w_text(xmlTextWriterPtr w, const struct admx_policy *ap)
{
	xw_start(w, "elements");
	xw_start(w, ap->kind == ADMX_TEXT ? "text" : "multiText");
	xw_attr(w, "id", ap->value);
	xw_attr(w, "valueName", ap->value);
	xw_attr(w, "required", "true");
	if (ap->kind == ADMX_TEXT)
		xw_attr(w, "maxLength", "1023");
	xw_end(w);
	xw_end(w);
}

static void
w_policy(xmlTextWriterPtr w, const struct admx_model *m,
    const struct admx_policy *ap)
{
	const struct plan_op	*first = ap->ops[0];
	char			*key, *help;

	key = plan_op_physical_key(first);
	/* Switches: the kind's key (...\Ciphers); each element has its own. */
	if (ap->kind == ADMX_SWITCHES && strrchr(key, '\\') != NULL)
		*strrchr(key, '\\') = '\0';
	help = xasprintf("%s_Help", ap->name);
	xw_start(w, "policy");
	xw_attr(w, "name", ap->name);
	xw_attr(w, "class", first->hive == HIVE_HKCU ? "User" : "Machine");
	w_string_ref(w, "displayName", "string", ap->name);
	w_string_ref(w, "explainText", "string", help);
	if (ap->kind != ADMX_TOGGLE)
		w_string_ref(w, "presentation", "presentation", ap->name);
	xw_attr(w, "key", key);
	xw_start(w, "parentCategory");
	xw_attr(w, "ref", ADMX_KIND_CRYPTO(ap->kind) ? "TlsCrypto" :
	    "TlsProtocols");
	xw_end(w);
	xw_start(w, "supportedOn");
	xw_attr(w, "ref", ap->support->id);
	xw_end(w);
	if (ap->kind == ADMX_TOGGLE)
		w_toggle_lists(w, ap);
	else if (ap->kind == ADMX_MASK)
		w_mask_enum(w, m, ap);
	else if (ap->kind == ADMX_KEYSIZE)
		w_key_sizes(w, ap);
	else if (ap->kind == ADMX_SWITCHES)
		w_switches(w, ap);
	else
		w_text(w, ap);
	xw_end(w);
	free(help);
	free(key);
}

/* <policyNamespaces>: the file's prefix and VENDOR.Policies.ID. */
static void
w_namespaces(xmlTextWriterPtr w, const struct policy *p)
{
	char	*base, prefix[80], *ns, vendor[64];

	base = admx_base_name(p);
	admx_item_name(vendor, sizeof vendor, *p->vendor != '\0' ? p->vendor :
	    "tlsgpo");
	snprintf(prefix, sizeof prefix, "%s", base);
	ns = xasprintf("%s.Policies.%s", vendor[0] != '\0' ? vendor : "tlsgpo",
	    base + strlen(vendor[0] != '\0' ? vendor : "tlsgpo") + 1);
	xw_start(w, "policyNamespaces");
	xw_start(w, "target");
	xw_attr(w, "prefix", prefix);
	xw_attr(w, "namespace", ns);
	xw_end(w);
	xw_end(w);
	free(ns);
	free(base);
}

static void
w_supported_on(xmlTextWriterPtr w, const struct admx_model *m)
{
	size_t	i;

	xw_start(w, "supportedOn");
	xw_start(w, "definitions");
	for (i = 0; i < m->nsupports; i++) {
		xw_start(w, "definition");
		xw_attr(w, "name", m->supports[i]->id);
		w_string_ref(w, "displayName", "string", m->supports[i]->id);
		xw_end(w);
	}
	xw_end(w);
	xw_end(w);
}

static void
w_category(xmlTextWriterPtr w, const char *name)
{
	char	*id = xasprintf("Cat_%s", name);

	xw_start(w, "category");
	xw_attr(w, "name", name);
	w_string_ref(w, "displayName", "string", id);
	xw_start(w, "parentCategory");
	xw_attr(w, "ref", "Vendor");
	xw_end(w);
	xw_end(w);
	free(id);
}

/* The vendor's category, TlsProtocols and (if used) TlsCrypto under it. */
static void
w_categories(xmlTextWriterPtr w, const struct admx_model *m)
{
	xw_start(w, "categories");
	xw_start(w, "category");
	xw_attr(w, "name", "Vendor");
	w_string_ref(w, "displayName", "string", "Cat_Vendor");
	xw_end(w);
	w_category(w, "TlsProtocols");
	if (m->crypto)
		w_category(w, "TlsCrypto");
	xw_end(w);
}

static void
write_admx(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct policy	*p = ctx->plan->policy;
	struct admx_model	 m;
	xmlTextWriterPtr	 w;
	xmlBufferPtr		 xb;
	size_t			 i;

	(void)em;
	admx_model_build(ctx->plan, &m);
	w = xw_open(&xb, 1);
	admx_write_root(w, "policyDefinitions", p);
	w_namespaces(w, p);
	xw_start(w, "resources");
	xw_attr(w, "minRequiredRevision", p->version);
	xw_end(w);
	w_supported_on(w, &m);
	w_categories(w, &m);
	xw_start(w, "policies");
	for (i = 0; i < m.n; i++)
		w_policy(w, &m, &m.policies[i]);
	xw_end(w);
	xw_end(w);
	xw_close(w, xb, out);
}

/* UTF-8 with the XML declaration, CRLF. */
const struct emitter emitter_admx = {
	"admx", NULL, ENC_UTF8, 1, NULL, write_admx, admx_path
};
