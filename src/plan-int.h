/*
 * What the pieces of the plan share and the writers do not call: how an
 * operation is added (plan.c), and the plan of the cipher-suite keys
 * (plan-crypto.c).
 */
#ifndef TLSGPO_PLAN_INT_H
#define TLSGPO_PLAN_INT_H

#include "plan.h"

#define KEY_SCHANNEL_ROOT \
	"SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\"

struct plan_op *plan_add(struct plan *, enum reg_hive, enum reg_view,
	    const char *, const char *, uint32_t, const char *, int);
/* A REG_SZ (one string) or REG_MULTI_SZ in HKLM, which is not redirected. */
void	 plan_add_text(struct plan *, const char *, const char *, uint32_t,
	    char *const *, size_t, const char *, int);

void	 plan_crypto(const struct policy *, struct plan *);

#endif
