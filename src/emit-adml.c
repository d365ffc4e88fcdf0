#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "adml-crypto.h"
#include "admx-int.h"
#include "admx-os.h"
#include "admx-text.h"
#include "emitter.h"
#include "xmlw.h"

/*
 * gpo/PolicyDefinitions/LOCALE/NAME.adml: the strings and presentations
 * of admx-model.c's model in one admx-text.c locale, written with
 * libxml2's xmlTextWriter like the ADMX (emit-admx.c).
 */

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

/* Restart, and for a value outside Software\Policies, the tattoo. */
static void
explain_tail(const struct admx_text *t, const struct plan_op *op,
    struct buf *out)
{
	buf_adds(out, "\n\n");
	buf_adds(out, t->explain_restart);
	if (!plan_op_under_policies(op)) {
		buf_adds(out, "\n\n");
		buf_adds(out, t->explain_tattoo);
	}
}

static void
explain(const struct admx_text *t, const struct admx_policy *ap,
    struct buf *out)
{
	const struct plan_op	*op = ap->ops[0];
	char			 hex[16], desc[128];

	if (ADMX_KIND_CRYPTO(ap->kind)) {
		adml_crypto_explain(t, admx_crypto_text_for(t->locale), ap,
		    out);
		explain_tail(t, op, out);
		return;
	}
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
	explain_tail(t, op, out);
}

/* A policy's display name in the locale's words. */
static void
display_name(const struct admx_text *t, const struct admx_policy *ap,
    struct buf *out)
{
	if (ADMX_KIND_CRYPTO(ap->kind))
		adml_crypto_name(admx_crypto_text_for(t->locale), ap, out);
	else if (strcmp(ap->name, "WinHttpDefaultSecureProtocols") == 0)
		buf_adds(out, t->winhttp);
	else if (strcmp(ap->name, "WinInetSecureProtocols") == 0)
		buf_adds(out, t->wininet);
	else if (strcmp(ap->name, "DotNetStrongCrypto") == 0)
		buf_adds(out, t->strong_crypto);
	else if (strcmp(ap->name, "DotNetSystemDefaultTlsVersions") == 0)
		buf_adds(out, t->system_tls);
	else
		schannel_words(out, t->schannel, t, ap->ops[0]->key);
}

/*
 * The mask the enum items call recommended: the plan's data of the first
 * mask policy whose data is not 0, else 0.
 */
static uint32_t
recommended_mask(const struct admx_model *m)
{
	size_t	i;

	for (i = 0; i < m->n; i++) {
		if (m->policies[i].kind == ADMX_MASK &&
		    m->policies[i].ops[0]->data != 0)
			return m->policies[i].ops[0]->data;
	}
	return 0;
}

/* The ADML's own displayName and description. */
static void
w_header(xmlTextWriterPtr w, const struct admx_text *t,
    const struct policy *p)
{
	struct buf	text;

	xw_start(w, "displayName");
	xmlTextWriterWriteString(w, BAD_CAST p->name);
	xw_end(w);
	buf_init(&text);
	buf_printf(&text, t->description, p->id);
	xw_start(w, "description");
	xmlTextWriterWriteString(w, BAD_CAST buf_cstr(&text));
	xw_end(w);
	buf_free(&text);
}

/* The categories' and supportedOn definitions' strings. */
static void
w_definition_strings(xmlTextWriterPtr w, const struct admx_text *t,
    const struct policy *p, const struct admx_model *m)
{
	struct buf	text;
	size_t		i;

	w_string(w, "Cat_Vendor", *p->vendor != '\0' ? p->vendor : "tlsgpo");
	w_string(w, "Cat_TlsProtocols", t->cat_tls);
	if (m->crypto)
		w_string(w, "Cat_TlsCrypto",
		    admx_crypto_text_for(t->locale)->cat_crypto);
	for (i = 0; i < m->nsupports; i++) {
		buf_init(&text);
		admx_support_text(t, m->supports[i], &text);
		w_string(w, m->supports[i]->id, buf_cstr(&text));
		buf_free(&text);
	}
}

/* Each policy's display name and explain text (NAME_Help). */
static void
w_policy_strings(xmlTextWriterPtr w, const struct admx_text *t,
    const struct admx_model *m)
{
	const struct admx_policy *ap;
	struct buf		 text;
	char			 id[80];
	size_t			 i;

	for (i = 0; i < m->n; i++) {
		ap = &m->policies[i];
		buf_init(&text);
		display_name(t, ap, &text);
		w_string(w, ap->name, buf_cstr(&text));
		buf_free(&text);
		buf_init(&text);
		explain(t, ap, &text);
		snprintf(id, sizeof id, "%s_Help", ap->name);
		w_string(w, id, buf_cstr(&text));
		buf_free(&text);
	}
}

/* Each enum item: the protocols of its mask, and the mask itself. */
static void
w_mask_strings(xmlTextWriterPtr w, const struct admx_text *t,
    const struct admx_model *m)
{
	struct buf	text;
	char		id[80], desc[160];
	uint32_t	mine = recommended_mask(m);
	size_t		j;

	for (j = 0; j < m->nmasks; j++) {
		snprintf(id, sizeof id, "Mask_%08X", (unsigned)m->masks[j]);
		protocol_set_describe(protocols_from_mask(m->masks[j]), desc,
		    sizeof desc);
		buf_init(&text);
		buf_printf(&text, "%s (0x%08X)", desc, (unsigned)m->masks[j]);
		/* A TLS 1.3 item says where it works (os.c: TLS 1.3). */
		if (m->masks[j] & protocols[PROTO_TLS13].bit)
			admx_tls13_only(t, &text);
		if (m->masks[j] == mine)
			buf_adds(&text, t->recommended);
		w_string(w, id, buf_cstr(&text));
		buf_free(&text);
	}
}

/*
 * A dropdown per mask policy, its default the item of the plan's data.
 * The cipher-suite policies' boxes (adml-crypto.c). The schema wants at
 * least one presentation in a table, so there is no table without one.
 */
static void
w_presentations(xmlTextWriterPtr w, const struct admx_text *t,
    const struct admx_model *m)
{
	const struct admx_policy *ap;
	char			 dflt[16];
	size_t			 i, rec;

	for (i = 0; i < m->n && m->policies[i].kind == ADMX_TOGGLE; i++)
		;
	if (i < m->n)
		xw_start(w, "presentationTable");
	for (i = 0; i < m->n; i++) {
		ap = &m->policies[i];
		if (ADMX_KIND_CRYPTO(ap->kind))
			adml_crypto_presentation(w,
			    admx_crypto_text_for(t->locale), ap);
		if (ap->kind != ADMX_MASK)
			continue;
		for (rec = 0; rec < m->nmasks; rec++) {
			if (m->masks[rec] == ap->ops[0]->data)
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
}

static void
write_adml(const struct emit_ctx *ctx, const struct admx_text *t,
    struct buf *out)
{
	const struct policy	*p = ctx->plan->policy;
	struct admx_model	 m;
	xmlTextWriterPtr	 w;
	xmlBufferPtr		 xb;

	admx_model_build(ctx->plan, &m);
	w = xw_open(&xb, 1);
	admx_write_root(w, "policyDefinitionResources", p);
	w_header(w, t, p);
	xw_start(w, "resources");
	xw_start(w, "stringTable");
	w_definition_strings(w, t, p, &m);
	w_policy_strings(w, t, &m);
	w_mask_strings(w, t, &m);
	xw_end(w);
	w_presentations(w, t, &m);
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

/* UTF-8 with the XML declaration, CRLF. "template" names the locale. */
const struct emitter emitter_adml_en = {
	"adml-en-US", NULL, ENC_UTF8, 1, "en-US", write_adml_locale, admx_path
};

const struct emitter emitter_adml_zh = {
	"adml-zh-TW", NULL, ENC_UTF8, 1, "zh-TW", write_adml_locale, admx_path
};

const struct emitter emitter_adml_sv = {
	"adml-sv-SE", NULL, ENC_UTF8, 1, "sv-SE", write_adml_locale, admx_path
};
