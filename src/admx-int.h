/*
 * The ADMX and ADML writers: what their parts share, and the rest of tlsgpo
 * does not call. admx-model.c builds one model from the plan (the policies,
 * the enum items, the supportedOn definitions) and the names the files
 * take; emit-admx.c renders it as NAME.admx and emit-adml.c as
 * LOCALE/NAME.adml, in the words of one admx-text.c locale. Both writers
 * share the root element and the path from emit-admx.c.
 */
#ifndef TLSGPO_ADMX_INT_H
#define TLSGPO_ADMX_INT_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/xmlwriter.h>

#include "emitter.h"
#include "os.h"
#include "plan.h"
#include "policy.h"

#define ADMX_MAX_OPS	32

enum admx_kind {
	ADMX_MASK,		/* an enum of protocol masks */
	ADMX_TOGGLE,		/* enabledList = plan data, disabledList = 0/1 */
	/* The cipher-suite policies (issue 20), in their own category: */
	ADMX_KEYSIZE,		/* a decimal element per value of one key */
	ADMX_SWITCHES,		/* a boolean element per legacy switch key */
	ADMX_TEXT,		/* a text element (REG_SZ) */
	ADMX_MULTITEXT		/* a multiText element (REG_MULTI_SZ) */
};

/* Whether a kind belongs to the cipher-suite category (TlsCrypto). */
#define ADMX_KIND_CRYPTO(k)	((k) >= ADMX_KEYSIZE)

/* The decimal elements' range: the policy's (1024 to 16384 bits). */
#define ADMX_BITS_MIN	1024
#define ADMX_BITS_MAX	16384

struct admx_policy {
	char		 name[64];
	enum admx_kind	 kind;
	const char	*value;		/* the plan's value name */
	const struct plan_op *ops[ADMX_MAX_OPS];
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
	const struct os_support	*supports[12];	/* the definitions used */
	size_t			 nsupports;
	int			 crypto;	/* has ADMX_KIND_CRYPTO policies */
};

/* admx-model.c; both writers call it, neither calls the other. */
void	 admx_item_name(char *, size_t, const char *);
char	*admx_base_name(const struct policy *);
void	 admx_model_build(const struct plan *, struct admx_model *);
/* An element id for a legacy switch key: "Switch_AES_128_128". */
void	 admx_switch_id(char *, size_t, const struct plan_op *);
/* The last component of an operation's key ("AES 128/128"). */
const char *admx_key_tail(const struct plan_op *);
/* The root element, policyDefinitions or policyDefinitionResources. */
void	 admx_write_root(xmlTextWriterPtr, const char *,
	    const struct policy *);
/* The package path of the .admx (no template) or an .adml (its locale). */
char	*admx_path(const struct emit_ctx *, const struct emitter *);

#endif
