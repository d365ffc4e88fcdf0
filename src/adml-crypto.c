#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "adml-crypto.h"
#include "admx-os.h"
#include "xmlw.h"

/*
 * The ADML's parts of the cipher-suite policies (issue 20), for
 * emit-adml.c: display names, explain texts and presentations of the key
 * sizes, the legacy switches, Functions and EccCurves. Every default a
 * presentation shows is the plan's data.
 */

/*
 * Windows' own policies that write Functions and EccCurves, in its
 * CipherSuiteOrder.admx (docs/research/cipher-suites/registry.md §1).
 */
#define MS_ORDER_POLICY		"SSL Cipher Suite Order"
#define MS_CURVES_POLICY	"ECC Curve Order"

static int
is_pkcs(const struct admx_policy *ap)
{
	return strcmp(admx_key_tail(ap->ops[0]), "PKCS") == 0;
}

static const char *
switch_kind(const struct admx_crypto_text *ct, const struct admx_policy *ap)
{
	if (strcmp(ap->value, "Hashes") == 0)
		return ct->kind_hashes;
	if (strcmp(ap->value, "KeyExchangeAlgorithms") == 0)
		return ct->kind_kx;
	return ct->kind_ciphers;
}

void
adml_crypto_name(const struct admx_crypto_text *ct,
    const struct admx_policy *ap, struct buf *out)
{
	switch (ap->kind) {
	case ADMX_KEYSIZE:
		buf_adds(out, is_pkcs(ap) ? ct->name_pkcs : ct->name_dh);
		break;
	case ADMX_SWITCHES:
		buf_printf(out, ct->name_switches, switch_kind(ct, ap));
		break;
	case ADMX_TEXT:
		buf_adds(out, ct->name_order);
		break;
	default:
		buf_adds(out, ct->name_curves);
		break;
	}
}

/* "A / B and later honour it": os.c's names for the key sizes. */
static void
win10_sentence(const struct admx_text *t, const struct admx_crypto_text *ct,
    struct buf *out)
{
	struct buf	names;

	buf_init(&names);
	admx_support_names(&os_support_win10, &names);
	buf_adds(out, t->sentence_gap);
	buf_printf(out, ct->explain_win10, buf_cstr(&names));
	buf_free(&names);
}

static void
explain_key_size(const struct admx_text *t,
    const struct admx_crypto_text *ct, const struct admx_policy *ap,
    struct buf *out)
{
	size_t	i;

	buf_adds(out, is_pkcs(ap) ? ct->explain_pkcs : ct->explain_dh);
	buf_adds(out, "\n\n");
	for (i = 0; i < ap->nops; i++) {
		if (i > 0)
			buf_adds(out, t->sentence_gap);
		buf_printf(out, ct->explain_bits_set, ap->ops[i]->value,
		    (unsigned)ap->ops[i]->data);
	}
	win10_sentence(t, ct, out);
}

static void
explain_switches(const struct admx_text *t,
    const struct admx_crypto_text *ct, const struct admx_policy *ap,
    struct buf *out)
{
	struct buf	on;
	size_t		i, n = 0;

	buf_printf(out, ct->explain_switches, ap->value);
	buf_adds(out, "\n\n");
	buf_init(&on);
	for (i = 0; i < ap->nops; i++) {
		if (ap->ops[i]->data == 0)
			continue;
		if (n++ > 0)
			buf_adds(&on, t->list_comma);
		buf_adds(&on, admx_key_tail(ap->ops[i]));
	}
	if (n > 0)
		buf_printf(out, ct->explain_switches_on, buf_cstr(&on));
	else
		buf_adds(out, ct->explain_switches_none);
	buf_free(&on);
}

/* Functions or EccCurves: what it is, Windows' policy, the plan's list. */
static void
explain_text(const struct admx_text *t, const struct admx_crypto_text *ct,
    const struct admx_policy *ap, struct buf *out)
{
	const struct plan_op	*op = ap->ops[0];
	const char		*s;
	char			*list;
	unsigned		 n = 1;

	buf_adds(out, ap->kind == ADMX_TEXT ? ct->explain_order :
	    ct->explain_curves);
	buf_adds(out, t->sentence_gap);
	buf_printf(out, ct->explain_same_value, ap->kind == ADMX_TEXT ?
	    MS_ORDER_POLICY : MS_CURVES_POLICY);
	buf_adds(out, "\n\n");
	if (ap->kind == ADMX_TEXT) {
		for (s = op->text; s != NULL && *s != '\0'; s++)
			n += *s == ',';
		buf_printf(out, ct->explain_order_set, n);
	} else {
		list = plan_op_text_join(op, t->list_comma);
		buf_printf(out, ct->explain_curves_set, list);
		free(list);
		win10_sentence(t, ct, out);
	}
}

void
adml_crypto_explain(const struct admx_text *t,
    const struct admx_crypto_text *ct, const struct admx_policy *ap,
    struct buf *out)
{
	if (ap->kind == ADMX_KEYSIZE)
		explain_key_size(t, ct, ap, out);
	else if (ap->kind == ADMX_SWITCHES)
		explain_switches(t, ct, ap, out);
	else
		explain_text(t, ct, ap, out);
}

static void
w_text(xmlTextWriterPtr w, const char *text)
{
	xw_start(w, "text");
	xmlTextWriterWriteString(w, BAD_CAST text);
	xw_end(w);
}

/* A decimal text box per value, its default the plan's bits. */
static void
w_key_sizes(xmlTextWriterPtr w, const struct admx_crypto_text *ct,
    const struct admx_policy *ap)
{
	const struct plan_op	*op;
	char			 num[16];
	size_t			 i;

	for (i = 0; i < ap->nops; i++) {
		op = ap->ops[i];
		xw_start(w, "decimalTextBox");
		xw_attr(w, "refId", op->value);
		snprintf(num, sizeof num, "%u", (unsigned)op->data);
		xw_attr(w, "defaultValue", num);
		xw_attr(w, "spinStep", "1024");
		xmlTextWriterWriteString(w, BAD_CAST (strncmp(op->value,
		    "Server", 6) == 0 ? ct->label_server :
		    strncmp(op->value, "Client", 6) == 0 ? ct->label_client :
		    op->value));
		xw_end(w);
	}
}

/* A check box per switch key, checked when the plan turns it on. */
static void
w_switches(xmlTextWriterPtr w, const struct admx_crypto_text *ct,
    const struct admx_policy *ap)
{
	char	id[80];
	size_t	i;

	w_text(w, ct->label_switches);
	for (i = 0; i < ap->nops; i++) {
		admx_switch_id(id, sizeof id, ap->ops[i]);
		xw_start(w, "checkBox");
		xw_attr(w, "refId", id);
		xw_attr(w, "defaultChecked", ap->ops[i]->data != 0 ? "true" :
		    "false");
		xmlTextWriterWriteString(w, BAD_CAST admx_key_tail(ap->ops[i]));
		xw_end(w);
	}
}

/*
 * Functions: a text box holding the plan's string. EccCurves: a
 * multi-line box, which the schema gives no default, then the plan's
 * curves, one text line each.
 */
static void
w_texts(xmlTextWriterPtr w, const struct admx_crypto_text *ct,
    const struct admx_policy *ap)
{
	const struct plan_op	*op = ap->ops[0];
	const char		*s;

	if (ap->kind == ADMX_TEXT) {
		xw_start(w, "textBox");
		xw_attr(w, "refId", ap->value);
		xw_start(w, "label");
		xmlTextWriterWriteString(w, BAD_CAST ct->label_order);
		xw_end(w);
		xw_start(w, "defaultValue");
		xmlTextWriterWriteString(w, BAD_CAST (op->text != NULL ?
		    op->text : ""));
		xw_end(w);
		xw_end(w);
		return;
	}
	xw_start(w, "multiTextBox");
	xw_attr(w, "refId", ap->value);
	xmlTextWriterWriteString(w, BAD_CAST ct->label_curves);
	xw_end(w);
	w_text(w, ct->label_curves_plan);
	for (s = plan_op_text_next(op, NULL); s != NULL;
	    s = plan_op_text_next(op, s))
		w_text(w, s);
}

void
adml_crypto_presentation(xmlTextWriterPtr w,
    const struct admx_crypto_text *ct, const struct admx_policy *ap)
{
	xw_start(w, "presentation");
	xw_attr(w, "id", ap->name);
	if (ap->kind == ADMX_KEYSIZE)
		w_key_sizes(w, ct, ap);
	else if (ap->kind == ADMX_SWITCHES)
		w_switches(w, ct, ap);
	else
		w_texts(w, ct, ap);
	xw_end(w);
}
