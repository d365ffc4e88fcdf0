/*
 * README.txt's section on the GPO backup (readme-gpo.c): plain sentences,
 * the caller wraps them.
 */
#ifndef TLSGPO_README_GPO_H
#define TLSGPO_README_GPO_H

#include "buf.h"
#include "plan.h"

/* The paragraph before the import command. */
void	readme_gpo_intro(const struct plan *, struct buf *);
/* The one after: import, [gpo] mode, targeting, LGPO.exe. */
void	readme_gpo_detail(const struct plan *, struct buf *);

#endif
