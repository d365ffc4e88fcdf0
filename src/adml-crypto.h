/*
 * The ADML's parts of the cipher-suite policies (ADMX_KIND_CRYPTO), for
 * emit-adml.c, in the words of admx-text-crypto.c.
 */
#ifndef TLSGPO_ADML_CRYPTO_H
#define TLSGPO_ADML_CRYPTO_H

#include <libxml/xmlwriter.h>

#include "admx-int.h"
#include "admx-text.h"
#include "buf.h"

void	adml_crypto_name(const struct admx_crypto_text *,
	    const struct admx_policy *, struct buf *);
/* What the policy does and sets; emit-adml.c adds restart and tattoo. */
void	adml_crypto_explain(const struct admx_text *,
	    const struct admx_crypto_text *, const struct admx_policy *,
	    struct buf *);
void	adml_crypto_presentation(xmlTextWriterPtr,
	    const struct admx_crypto_text *, const struct admx_policy *);

#endif
