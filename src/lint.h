/*
 * Lint: the rules that judge a policy once it has been read, against
 * itself and against os.c's table of Windows versions. Each rule adds
 * its errors and warnings to the diagnostics, in a fixed order.
 */
#ifndef TLSGPO_LINT_H
#define TLSGPO_LINT_H

#include "diag.h"
#include "policy.h"

void	 lint_policy(const struct policy *, struct diags *);

#endif
