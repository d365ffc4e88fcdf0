/*
 * The ADML's statements about Windows versions and updates, built from
 * os.c's table in the words of one admx-text.c locale.
 */
#ifndef TLSGPO_ADMX_OS_H
#define TLSGPO_ADMX_OS_H

#include "admx-text.h"
#include "buf.h"
#include "os.h"

void	admx_support_text(const struct admx_text *, const struct os_support *,
	    struct buf *);
/* "A / B": the first version of each term, os.c's words. */
void	admx_support_names(const struct os_support *, struct buf *);
void	admx_tls13_only(const struct admx_text *, struct buf *);
void	admx_winhttp_needs(const struct admx_text *, struct buf *);
void	admx_dotnet35_needs(const struct admx_text *, struct buf *);

#endif
