/*
 * The policy's own text quoted for each language of the package (quote.c):
 * every emitter calls these, none quotes for itself. XML goes through
 * libxml2's writer (xmlw.h).
 */
#ifndef TLSGPO_QUOTE_H
#define TLSGPO_QUOTE_H

#include "buf.h"

/* A single-quoted PowerShell string: nothing inside is expanded. */
void	ps_quote(struct buf *, const char *);
/*
 * Text for a cmd.exe echo outside quotes, delayed expansion off; ASCII
 * only (other code points as <U+XXXX>).
 */
void	cmd_escape_echo(struct buf *, const char *);
/* A double-quoted .reg value name. */
void	reg_quote(struct buf *, const char *);

#endif
