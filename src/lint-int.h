/*
 * What lint.c (the rules over the policy alone, and the table that runs
 * every rule) and lint-target.c (the rules over [target] os and os.c's
 * facts) share.
 */
#ifndef TLSGPO_LINT_INT_H
#define TLSGPO_LINT_INT_H

#include "diag.h"
#include "policy.h"

struct os_target;
struct cs_page;

/* One lint run: what every rule reads. */
struct lint {
	const struct policy	*p;
	struct diags		*d;
	char			 tw[64];	/* the targets, for messages */
};

/* The suite pages (suites.h) of each target lint checks, one call per
 * (target, page, the page's place among the target's). */
void	 lint_each_page(const struct lint *, void (*)(const struct os_target *,
	    const struct cs_page *, size_t, void *), void *);

/*
 * Where a message about cipher suites applies: the pages (suites.h) of
 * each target, by their place in cs_pages_for_target; and the furthest
 * cs_block found. lint_where_text: "TARGET, TARGET (RELEASE)", a
 * target alone when every page of it is hit.
 */
struct lint_where {
	unsigned	 hit[32];	/* [target]: bit j, its j-th page */
	size_t		 n;		/* pages hit */
	int		 why;		/* enum cs_block */
};
void	 lint_where_add(struct lint_where *, const struct os_target *,
	    size_t, int);
const char *lint_where_text(const struct lint_where *, char *, size_t);

/* The rules of lint-suites.c, in the order lint.c runs them. */
void	 lint_insecure_suites(const struct lint *);
/* Whether the order or the switches turn on something insecure. */
int	 lint_any_insecure_suite(const struct policy *);
void	 lint_suites_on_targets(const struct lint *);
void	 lint_curves_on_targets(const struct lint *);
void	 lint_lockout(const struct lint *);
void	 lint_legacy_switches(const struct lint *);
void	 lint_key_sizes(const struct lint *);

/* The rules of lint-target.c, in the order lint.c runs them. */
void	 lint_winhttp_kb(const struct lint *);
void	 lint_client_defaults(const struct lint *);
void	 lint_servers(const struct lint *);
void	 lint_winhttp_defaults(const struct lint *);
void	 lint_lacking(const struct lint *);
void	 lint_rdp(const struct lint *);
void	 lint_dotnet35(const struct lint *);

#endif
