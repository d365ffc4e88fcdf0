#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admx-int.h"
#include "xmlw.h"
#include "xmalloc.h"

/*
 * The model both writers render: one ADMX policy per setting group of the
 * plan; a setting that spans several keys (both registry views, .NET v2
 * and v4) is one policy whose extra keys are valueList / enabledList items
 * with their own key attribute. Also the names the schema allows
 * (itemName), the one the files take, and the root element both open.
 */

#define ADMX_NS \
	"http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"

/* The policies named by their value alone; the rest are SCHANNEL's. */
static const struct {
	const char	*value;		/* the plan's value name */
	const char	*name;		/* the ADMX policy's */
	enum admx_kind	 kind;
} value_policies[] = {
	{ "DefaultSecureProtocols", "WinHttpDefaultSecureProtocols",
	    ADMX_MASK },
	{ "SecureProtocols", "WinInetSecureProtocols", ADMX_MASK },
	{ "SchUseStrongCrypto", "DotNetStrongCrypto", ADMX_TOGGLE },
	{ "SystemDefaultTlsVersions", "DotNetSystemDefaultTlsVersions",
	    ADMX_TOGGLE },
	/* Group Policy's own values under Policies\...\SSL\00010002. */
	{ "Functions", "CipherSuiteOrder", ADMX_TEXT },
	{ "EccCurves", "EccCurveOrder", ADMX_MULTITEXT },
};

/* The legacy switches' kinds: SCHANNEL\<kind>\<name>, value Enabled. */
static const char *const switch_kinds[] = {
	"Ciphers", "Hashes", "KeyExchangeAlgorithms"
};

/* Letters, digits and '_' only (the schema's itemName). */
void
admx_item_name(char *out, size_t len, const char *s)
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

const char *
admx_key_tail(const struct plan_op *op)
{
	const char	*tail = strrchr(op->key, '\\');

	return tail != NULL ? tail + 1 : op->key;
}

/* "Switch_" and the key's name, '/' and blanks as '_'. */
void
admx_switch_id(char *out, size_t len, const struct plan_op *op)
{
	char	 name[64], *c;

	snprintf(name, sizeof name, "%s", admx_key_tail(op));
	for (c = name; *c != '\0'; c++) {
		if (*c == '/')
			*c = '_';
	}
	snprintf(out, len, "Switch_");
	admx_item_name(out + 7, len - 7, name);
}

/* NAME of NAME.admx: vendor and id, itemName characters only. */
char *
admx_base_name(const struct policy *p)
{
	char	vendor[64], id[80];

	admx_item_name(vendor, sizeof vendor, *p->vendor != '\0' ? p->vendor :
	    "tlsgpo");
	if (vendor[0] == '\0')
		snprintf(vendor, sizeof vendor, "tlsgpo");
	admx_item_name(id, sizeof id, p->id);
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

/*
 * SCHANNEL's key sizes (KeyExchangeAlgorithms\<name>, ...KeyBitLength):
 * one policy per key; the legacy switches (<kind>\<name>, Enabled): one
 * per kind. NULL for neither.
 */
static struct admx_policy *
model_crypto_policy(struct admx_model *m, const struct plan_op *op)
{
	char		 name[64], item[48], part[48];
	size_t		 i;

	if (op->type != REG_TYPE_DWORD)
		return NULL;
	if (strstr(op->key, "\\KeyExchangeAlgorithms\\") != NULL &&
	    strstr(op->value, "KeyBitLength") != NULL) {
		admx_item_name(item, sizeof item, admx_key_tail(op));
		snprintf(name, sizeof name, "KeySize_%s", item);
		return model_policy(m, name, ADMX_KEYSIZE, NULL);
	}
	if (strcmp(op->value, "Enabled") != 0)
		return NULL;
	for (i = 0; i < sizeof switch_kinds / sizeof switch_kinds[0]; i++) {
		snprintf(part, sizeof part, "\\SCHANNEL\\%s\\",
		    switch_kinds[i]);
		if (strstr(op->key, part) != NULL) {
			snprintf(name, sizeof name, "Legacy_%s",
			    switch_kinds[i]);
			return model_policy(m, name, ADMX_SWITCHES,
			    switch_kinds[i]);
		}
	}
	return NULL;
}

/* The policy an operation belongs to, NULL for none. */
static struct admx_policy *
model_policy_of(struct admx_model *m, const struct plan_op *op)
{
	struct admx_policy	*ap;
	char			 name[64], side[40];
	const char		*proto;
	size_t			 i;

	for (i = 0; i < sizeof value_policies / sizeof value_policies[0];
	    i++) {
		if (strcmp(op->value, value_policies[i].value) == 0)
			return model_policy(m, value_policies[i].name,
			    value_policies[i].kind, op->value);
	}
	if ((ap = model_crypto_policy(m, op)) != NULL)
		return ap;
	/* SCHANNEL: ...\Protocols\<P>\<Side>, two values. */
	proto = strstr(op->key, "\\Protocols\\");
	if (proto == NULL)
		return NULL;
	admx_item_name(side, sizeof side, proto + 11);
	snprintf(name, sizeof name, "Schannel_%s", side);
	ap = model_policy(m, name, ADMX_TOGGLE, NULL);
	ap->proto = protocol_of_key_tail(proto + 11);
	return ap;
}

/* The operation into its policy, and a mask's data into the enum items. */
static void
model_add_op(struct admx_model *m, struct admx_policy *ap,
    const struct plan_op *op)
{
	size_t	j;

	if (ap->nops < ADMX_MAX_OPS)
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
static void
model_supports(struct admx_model *m)
{
	struct admx_policy	*ap;
	size_t			 i, j;

	for (i = 0; i < m->n; i++) {
		ap = &m->policies[i];
		if (ap->tls13)
			ap->support = &os_support_tls13;
		else if (ap->kind == ADMX_KEYSIZE ||
		    ap->kind == ADMX_MULTITEXT)
			ap->support = &os_support_win10;
		else if (strcmp(ap->name, "WinHttpDefaultSecureProtocols") == 0)
			ap->support = &os_support_winhttp;
		else
			ap->support = os_support_for_protocol(
			    policy_protocol(ap));
		for (j = 0; j < m->nsupports; j++) {
			if (m->supports[j] == ap->support)
				break;
		}
		m->crypto |= ADMX_KIND_CRYPTO(ap->kind);
		if (j == m->nsupports && m->nsupports < 12)
			m->supports[m->nsupports++] = ap->support;
	}
}

void
admx_model_build(const struct plan *pl, struct admx_model *m)
{
	static const proto_set combos[] = {
		(1U << PROTO_TLS10) | (1U << PROTO_TLS11) | (1U << PROTO_TLS12),
		(1U << PROTO_TLS11) | (1U << PROTO_TLS12),
		(1U << PROTO_TLS10) | (1U << PROTO_TLS12),
		(1U << PROTO_TLS12),
		(1U << PROTO_TLS12) | (1U << PROTO_TLS13),
		(1U << PROTO_TLS13),
	};
	struct admx_policy	*ap;
	size_t			 i;

	memset(m, 0, sizeof *m);
	/* The seeds' four rows and the TLS 1.3 ones, computed, not typed. */
	for (i = 0; i < sizeof combos / sizeof combos[0]; i++)
		m->masks[m->nmasks++] = mask_from_protocols(combos[i]);
	for (i = 0; i < pl->n && m->n < 32; i++) {
		if ((ap = model_policy_of(m, &pl->ops[i])) != NULL)
			model_add_op(m, ap, &pl->ops[i]);
	}
	model_supports(m);
}

void
admx_write_root(xmlTextWriterPtr w, const char *root, const struct policy *p)
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

char *
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
