#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "admx-os.h"
#include "admx-text.h"
#include "emitter.h"
#include "os.h"
#include "policy.h"
#include "xmalloc.h"
#include "xmlw.h"

/*
 * gpo/PolicyDefinitions/NAME.admx and LOCALE/NAME.adml, written with
 * libxml2's xmlTextWriter (escaping is the writer's, never ours). One ADMX
 * policy per setting group of the plan; a setting that spans several keys
 * (both registry views, .NET v2 and v4) is one policy whose extra keys are
 * valueList / enabledList items with their own key attribute.
 */

#define ADMX_NS	"http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"
#define MAX_OPS	32

enum admx_kind {
	ADMX_MASK,		/* an enum of protocol masks */
	ADMX_TOGGLE		/* enabledList = plan data, disabledList = 0/1 */
};

struct admx_policy {
	char		 name[64];
	enum admx_kind	 kind;
	const char	*value;		/* the plan's value name */
	const struct plan_op *ops[MAX_OPS];
	size_t		 nops;
	int		 tls13;		/* the plan's data turns TLS 1.3 on */
	const struct os_support *support;	/* supportedOn, from os.c */
	enum proto_id	 proto;		/* SCHANNEL's, else PROTO_COUNT */
};

struct admx_model {
	struct admx_policy	 policies[32];
	size_t			 n;
	uint32_t		 masks[8];	/* enum items, computed */
	size_t			 nmasks;
	const struct os_support	*supports[8];	/* the definitions used */
	size_t			 nsupports;
};

/* Letters, digits and '_' only (the schema's itemName). */
static void
item_name(char *out, size_t len, const char *s)
{
	size_t	i;

	for (i = 0; *s != '\0' && i + 1 < len; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '_')
			out[i++] = *s;
		else if (*s == '.' || *s == ' ' || *s == '-' || *s == '\\')
			out[i++] = '_';
	}
	out[i] = '\0';
}

/* NAME of NAME.admx: vendor and id, itemName characters only. */
static char *
admx_base_name(const struct policy *p)
{
	char	vendor[64], id[80];

	item_name(vendor, sizeof vendor, *p->vendor != '\0' ? p->vendor :
	    "tlsgpo");
	if (vendor[0] == '\0')
		snprintf(vendor, sizeof vendor, "tlsgpo");
	item_name(id, sizeof id, p->id);
	return xasprintf("%s_%s", vendor, id);
}

/* The protocol a policy's supportedOn follows: SCHANNEL's own, else TLS 1.0. */
static enum proto_id
policy_protocol(const struct admx_policy *ap)
{
	return ap->proto == PROTO_COUNT ? PROTO_TLS10 : ap->proto;
}

static struct admx_policy *
model_policy(struct admx_model *m, const char *name, enum admx_kind kind,
    const char *value)
{
	struct admx_policy	*ap;
	size_t			 i;

	for (i = 0; i < m->n; i++) {
		if (strcmp(m->policies[i].name, name) == 0)
			return &m->policies[i];
	}
	ap = &m->policies[m->n++];
	memset(ap, 0, sizeof *ap);
	snprintf(ap->name, sizeof ap->name, "%s", name);
	ap->kind = kind;
	ap->value = value;
	ap->proto = PROTO_COUNT;
	return ap;
}

static void
model_build(const struct plan *pl, struct admx_model *m)
{
	static const proto_set combos[] = {
		(1U << PROTO_TLS10) | (1U << PROTO_TLS11) | (1U << PROTO_TLS12),
		(1U << PROTO_TLS11) | (1U << PROTO_TLS12),
		(1U << PROTO_TLS10) | (1U << PROTO_TLS12),
		(1U << PROTO_TLS12),
		(1U << PROTO_TLS12) | (1U << PROTO_TLS13),
		(1U << PROTO_TLS13),
	};
	const struct plan_op	*op;
	struct admx_policy	*ap;
	char			 name[64], side[40];
	const char		*proto;
	size_t			 i, j;

	memset(m, 0, sizeof *m);
	/* The seeds' four rows and the TLS 1.3 ones, computed, not typed. */
	for (i = 0; i < sizeof combos / sizeof combos[0]; i++)
		m->masks[m->nmasks++] = mask_from_protocols(combos[i]);
	for (i = 0; i < pl->n && m->n < 32; i++) {
		op = &pl->ops[i];
		if (strcmp(op->value, "DefaultSecureProtocols") == 0)
			ap = model_policy(m, "WinHttpDefaultSecureProtocols",
			    ADMX_MASK, op->value);
		else if (strcmp(op->value, "SecureProtocols") == 0)
			ap = model_policy(m, "WinInetSecureProtocols",
			    ADMX_MASK, op->value);
		else if (strcmp(op->value, "SchUseStrongCrypto") == 0)
			ap = model_policy(m, "DotNetStrongCrypto", ADMX_TOGGLE,
			    op->value);
		else if (strcmp(op->value, "SystemDefaultTlsVersions") == 0)
			ap = model_policy(m, "DotNetSystemDefaultTlsVersions",
			    ADMX_TOGGLE, op->value);
		else {
			/* SCHANNEL: ...\Protocols\<P>\<Side>, two values. */
			proto = strstr(op->key, "\\Protocols\\");
			if (proto == NULL)
				continue;
			item_name(side, sizeof side, proto + 11);
			snprintf(name, sizeof name, "Schannel_%s", side);
			ap = model_policy(m, name, ADMX_TOGGLE, NULL);
			ap->proto = protocol_of_key_tail(proto + 11);
		}
		if (ap->nops < MAX_OPS)
			ap->ops[ap->nops++] = op;
		if (ap->kind == ADMX_MASK &&
		    (op->data & protocols[PROTO_TLS13].bit))
			ap->tls13 = 1;
		if (strstr(op->key, "\\TLS 1.3\\") != NULL &&
		    strcmp(op->value, "Enabled") == 0 && op->data == 1)
			ap->tls13 = 1;
		if (ap->kind == ADMX_MASK) {
			for (j = 0; j < m->nmasks; j++) {
				if (m->masks[j] == op->data)
					break;
			}
			if (j == m->nmasks && m->nmasks < 8)
				m->masks[m->nmasks++] = op->data;
		}
	}
	/*
	 * supportedOn from os.c's table: a SCHANNEL policy names where its
	 * protocol exists, whether it turns it on or off; WinHTTP names its
	 * updates; a mask with TLS 1.3 on names where TLS 1.3 exists.
	 */
	for (i = 0; i < m->n; i++) {
		ap = &m->policies[i];
		if (ap->tls13)
			ap->support = &os_support_tls13;
		else if (strcmp(ap->name, "WinHttpDefaultSecureProtocols") == 0)
			ap->support = &os_support_winhttp;
		else
			ap->support = os_support_for_protocol(policy_protocol(ap));
		for (j = 0; j < m->nsupports; j++) {
			if (m->supports[j] == ap->support)
				break;
		}
		if (j == m->nsupports && m->nsupports < 8)
			m->supports[m->nsupports++] = ap->support;
	}
}

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

static void
w_policy(xmlTextWriterPtr w, const struct admx_model *m,
    const struct admx_policy *ap)
{
	const struct plan_op	*first = ap->ops[0];
	char			*key, id[32];
	size_t			 i, j;

	key = plan_op_physical_key(first);
	xw_start(w, "policy");
	xw_attr(w, "name", ap->name);
	xw_attr(w, "class", first->hive == HIVE_HKCU ? "User" : "Machine");
	w_string_ref(w, "displayName", "string", ap->name);
	{
		char	*help = xasprintf("%s_Help", ap->name);

		w_string_ref(w, "explainText", "string", help);
		free(help);
	}
	if (ap->kind == ADMX_MASK)
		w_string_ref(w, "presentation", "presentation", ap->name);
	xw_attr(w, "key", key);
	xw_start(w, "parentCategory");
	xw_attr(w, "ref", "TlsProtocols");
	xw_end(w);
	xw_start(w, "supportedOn");
	xw_attr(w, "ref", ap->support->id);
	xw_end(w);
	if (ap->kind == ADMX_TOGGLE) {
		xw_start(w, "enabledList");
		for (i = 0; i < ap->nops; i++)
			w_list_item(w, ap->ops[i], toggle_on(ap->ops[i]));
		xw_end(w);
		xw_start(w, "disabledList");
		for (i = 0; i < ap->nops; i++)
			w_list_item(w, ap->ops[i], toggle_off(ap->ops[i]));
		xw_end(w);
	} else {
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
	xw_end(w);
	free(key);
}

static void
w_root(xmlTextWriterPtr w, const char *root, const struct policy *p)
{
	xw_start(w, root);
	xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsd",
	    BAD_CAST "http://www.w3.org/2001/XMLSchema");
	xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi",
	    BAD_CAST "http://www.w3.org/2001/XMLSchema-instance");
	/* MAJOR.MINOR as the policy has it (at most 4 and 5 digits). */
	xw_attr(w, "revision", p->version);
	xw_attr(w, "schemaVersion", "1.0");
	xw_attr(w, "xmlns", ADMX_NS);
}

static void
write_admx(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct policy	*p = ctx->plan->policy;
	struct admx_model	 m;
	xmlTextWriterPtr	 w;
	xmlBufferPtr		 xb;
	char			*base, prefix[80], *ns, vendor[64];
	size_t			 i;

	(void)em;
	model_build(ctx->plan, &m);
	base = admx_base_name(p);
	item_name(vendor, sizeof vendor, *p->vendor != '\0' ? p->vendor :
	    "tlsgpo");
	snprintf(prefix, sizeof prefix, "%s", base);
	ns = xasprintf("%s.Policies.%s", vendor[0] != '\0' ? vendor : "tlsgpo",
	    base + strlen(vendor[0] != '\0' ? vendor : "tlsgpo") + 1);

	w = xw_open(&xb, 1);
	w_root(w, "policyDefinitions", p);
	xw_start(w, "policyNamespaces");
	xw_start(w, "target");
	xw_attr(w, "prefix", prefix);
	xw_attr(w, "namespace", ns);
	xw_end(w);
	xw_end(w);
	xw_start(w, "resources");
	xw_attr(w, "minRequiredRevision", p->version);
	xw_end(w);

	xw_start(w, "supportedOn");
	xw_start(w, "definitions");
	for (i = 0; i < m.nsupports; i++) {
		xw_start(w, "definition");
		xw_attr(w, "name", m.supports[i]->id);
		w_string_ref(w, "displayName", "string", m.supports[i]->id);
		xw_end(w);
	}
	xw_end(w);
	xw_end(w);

	xw_start(w, "categories");
	xw_start(w, "category");
	xw_attr(w, "name", "Vendor");
	w_string_ref(w, "displayName", "string", "Cat_Vendor");
	xw_end(w);
	xw_start(w, "category");
	xw_attr(w, "name", "TlsProtocols");
	w_string_ref(w, "displayName", "string", "Cat_TlsProtocols");
	xw_start(w, "parentCategory");
	xw_attr(w, "ref", "Vendor");
	xw_end(w);
	xw_end(w);
	xw_end(w);

	xw_start(w, "policies");
	for (i = 0; i < m.n; i++)
		w_policy(w, &m, &m.policies[i]);
	xw_end(w);
	xw_end(w);
	xw_close(w, xb, out);
	free(ns);
	free(base);
}

static void
w_string(xmlTextWriterPtr w, const char *id, const char *text)
{
	xw_start(w, "string");
	xw_attr(w, "id", id);
	xmlTextWriterWriteString(w, BAD_CAST text);
	xw_end(w);
}

/*
 * fmt with the protocol and the side of a SCHANNEL key
 * (...\Protocols\TLS 1.2\Client), in the locale's words.
 */
static void
schannel_words(struct buf *out, const char *fmt, const struct admx_text *t,
    const char *key)
{
	const char	*proto = strstr(key, "\\Protocols\\") + 11;
	const char	*side = strrchr(key, '\\') + 1;
	char		 name[16];

	snprintf(name, sizeof name, "%.*s", (int)(side - proto - 1), proto);
	buf_printf(out, fmt, name, strcmp(side, "Client") == 0 ? t->client :
	    t->server);
}

static void
explain(const struct admx_text *t, const struct admx_policy *ap,
    struct buf *out)
{
	const struct plan_op	*op = ap->ops[0];
	char			 hex[16], desc[128];

	snprintf(hex, sizeof hex, "0x%08X", (unsigned)op->data);
	if (ap->kind == ADMX_MASK) {
		protocol_set_describe(protocols_from_mask(op->data), desc,
		    sizeof desc);
		buf_adds(out, strcmp(op->value, "DefaultSecureProtocols") == 0 ?
		    t->explain_winhttp : t->explain_wininet);
	} else if (strcmp(op->value, "SchUseStrongCrypto") == 0 ||
	    strcmp(op->value, "SystemDefaultTlsVersions") == 0) {
		snprintf(desc, sizeof desc, "%s", op->data ? t->state_on :
		    t->state_off);
		if (strcmp(op->value, "SchUseStrongCrypto") == 0)
			buf_adds(out, t->explain_strong);
		else {
			buf_adds(out, t->explain_system);
			buf_adds(out, t->sentence_gap);
			admx_dotnet35_needs(t, out);
		}
	} else {
		schannel_words(out, t->explain_schannel, t, op->key);
		snprintf(desc, sizeof desc, "%s", op->data ? t->state_on :
		    t->state_off);
	}
	buf_adds(out, "\n\n");
	buf_printf(out, t->explain_value, hex, desc);
	if (strcmp(op->value, "DefaultSecureProtocols") == 0) {
		buf_adds(out, "\n\n");
		admx_winhttp_needs(t, out);
	}
	buf_adds(out, "\n\n");
	buf_adds(out, t->explain_restart);
	if (strncmp(op->key, "SOFTWARE\\Policies\\", 18) != 0) {
		buf_adds(out, "\n\n");
		buf_adds(out, t->explain_tattoo);
	}
}

static void
write_adml(const struct emit_ctx *ctx, const struct admx_text *t,
    struct buf *out)
{
	const struct policy	*p = ctx->plan->policy;
	const struct admx_policy *ap;
	struct admx_model	 m;
	xmlTextWriterPtr	 w;
	xmlBufferPtr		 xb;
	struct buf		 text;
	char			 id[80], desc[160], dflt[16];
	uint32_t		 mine;
	size_t			 i, j, rec;

	model_build(ctx->plan, &m);
	w = xw_open(&xb, 1);
	w_root(w, "policyDefinitionResources", p);
	xw_start(w, "displayName");
	xmlTextWriterWriteString(w, BAD_CAST p->name);
	xw_end(w);
	buf_init(&text);
	buf_printf(&text, t->description, p->id);
	xw_start(w, "description");
	xmlTextWriterWriteString(w, BAD_CAST buf_cstr(&text));
	xw_end(w);
	buf_free(&text);

	xw_start(w, "resources");
	xw_start(w, "stringTable");
	w_string(w, "Cat_Vendor", *p->vendor != '\0' ? p->vendor : "tlsgpo");
	w_string(w, "Cat_TlsProtocols", t->cat_tls);
	for (i = 0; i < m.nsupports; i++) {
		buf_init(&text);
		admx_support_text(t, m.supports[i], &text);
		w_string(w, m.supports[i]->id, buf_cstr(&text));
		buf_free(&text);
	}
	mine = 0;
	for (i = 0; i < m.n; i++) {
		ap = &m.policies[i];
		buf_init(&text);
		if (strcmp(ap->name, "WinHttpDefaultSecureProtocols") == 0)
			buf_adds(&text, t->winhttp);
		else if (strcmp(ap->name, "WinInetSecureProtocols") == 0)
			buf_adds(&text, t->wininet);
		else if (strcmp(ap->name, "DotNetStrongCrypto") == 0)
			buf_adds(&text, t->strong_crypto);
		else if (strcmp(ap->name, "DotNetSystemDefaultTlsVersions") == 0)
			buf_adds(&text, t->system_tls);
		else
			schannel_words(&text, t->schannel, t, ap->ops[0]->key);
		w_string(w, ap->name, buf_cstr(&text));
		buf_free(&text);
		buf_init(&text);
		explain(t, ap, &text);
		snprintf(id, sizeof id, "%s_Help", ap->name);
		w_string(w, id, buf_cstr(&text));
		buf_free(&text);
		if (ap->kind == ADMX_MASK && mine == 0)
			mine = ap->ops[0]->data;
	}
	for (j = 0; j < m.nmasks; j++) {
		snprintf(id, sizeof id, "Mask_%08X", (unsigned)m.masks[j]);
		protocol_set_describe(protocols_from_mask(m.masks[j]), desc,
		    sizeof desc);
		buf_init(&text);
		buf_printf(&text, "%s (0x%08X)", desc, (unsigned)m.masks[j]);
		/* A TLS 1.3 item says where it works (os.c: TLS 1.3). */
		if (m.masks[j] & protocols[PROTO_TLS13].bit)
			admx_tls13_only(t, &text);
		if (m.masks[j] == mine)
			buf_adds(&text, t->recommended);
		w_string(w, id, buf_cstr(&text));
		buf_free(&text);
	}
	xw_end(w);

	/* The schema wants at least one presentation in a table. */
	for (i = 0; i < m.n && m.policies[i].kind != ADMX_MASK; i++)
		;
	if (i < m.n)
		xw_start(w, "presentationTable");
	for (i = 0; i < m.n; i++) {
		ap = &m.policies[i];
		if (ap->kind != ADMX_MASK)
			continue;
		for (rec = 0; rec < m.nmasks; rec++) {
			if (m.masks[rec] == ap->ops[0]->data)
				break;
		}
		xw_start(w, "presentation");
		xw_attr(w, "id", ap->name);
		xw_start(w, "dropdownList");
		xw_attr(w, "refId", ap->value);
		xw_attr(w, "noSort", "true");
		snprintf(dflt, sizeof dflt, "%zu", rec);
		xw_attr(w, "defaultItem", dflt);
		xmlTextWriterWriteString(w, BAD_CAST t->protocols_label);
		xw_end(w);
		xw_end(w);
	}
	/* xmlTextWriterEndDocument closes what is still open. */
	xw_close(w, xb, out);
}

static void
write_adml_locale(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	size_t	i;

	for (i = 0; i < 3; i++) {
		if (strcmp(admx_texts[i].locale, em->template) == 0)
			write_adml(ctx, &admx_texts[i], out);
	}
}

static char *
admx_path(const struct emit_ctx *ctx, const struct emitter *em)
{
	char	*base = admx_base_name(ctx->plan->policy), *path;

	if (em->template == NULL)
		path = xasprintf("gpo/PolicyDefinitions/%s.admx", base);
	else
		path = xasprintf("gpo/PolicyDefinitions/%s/%s.adml",
		    em->template, base);
	free(base);
	return path;
}

/* UTF-8 with the XML declaration, CRLF. "template" names the locale. */
const struct emitter emitter_admx = {
	"admx", NULL, ENC_UTF8, 1, NULL, write_admx, admx_path
};

const struct emitter emitter_adml_en = {
	"adml-en-US", NULL, ENC_UTF8, 1, "en-US", write_adml_locale, admx_path
};

const struct emitter emitter_adml_zh = {
	"adml-zh-TW", NULL, ENC_UTF8, 1, "zh-TW", write_adml_locale, admx_path
};

const struct emitter emitter_adml_sv = {
	"adml-sv-SE", NULL, ENC_UTF8, 1, "sv-SE", write_adml_locale, admx_path
};
