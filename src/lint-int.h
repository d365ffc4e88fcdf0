/*
 * What lint.c (the rules over the policy alone, and the table that runs
 * every rule) and lint-target.c (the rules over [target] os and os.c's
 * facts) share.
 */
#ifndef TLSGPO_LINT_INT_H
#define TLSGPO_LINT_INT_H

#include "diag.h"
#include "policy.h"

/* One lint run: what every rule reads. */
struct lint {
	const struct policy	*p;
	struct diags		*d;
	char			 tw[64];	/* the targets, for messages */
};

/* The rules of lint-target.c, in the order lint.c runs them. */
void	 lint_winhttp_kb(const struct lint *);
void	 lint_client_defaults(const struct lint *);
void	 lint_servers(const struct lint *);
void	 lint_winhttp_defaults(const struct lint *);
void	 lint_lacking(const struct lint *);
void	 lint_rdp(const struct lint *);
void	 lint_dotnet35(const struct lint *);

#endif
