/*
 * README.txt's "what each Windows needs": one line per Windows build the
 * policy is for, from the plan's needs (plan_os_needs, os.c's facts).
 */
#ifndef TLSGPO_README_OS_H
#define TLSGPO_README_OS_H

#include "buf.h"
#include "plan.h"

/* Plain sentences; the caller wraps them. */
void	readme_os_needs(const struct plan *, struct buf *);

#endif
