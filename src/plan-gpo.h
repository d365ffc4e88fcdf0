/*
 * The GPO backup's side of the plan: where each operation goes (registry.pol
 * or a Preferences item, by [gpo] mode) and on which Windows it applies,
 * decided once when the plan is built (plan_op's gpo field). The backup's
 * writers (emit-gpo.c, emit-gpp.c, emit-gpreport.c), the package README and
 * tlsgpo validate only read it.
 */
#ifndef TLSGPO_PLAN_GPO_H
#define TLSGPO_PLAN_GPO_H

#include "plan.h"

/* Fills every operation's gpo field; plan_build calls it. */
void	plan_gpo_place(struct plan *);

/*
 * Picks for the writers that take one (pol_write, plan_gpo_has): whether
 * the backup carries an operation as policy in registry.pol, as a Group
 * Policy Preferences item, or (mode = both) as both.
 */
int	plan_gpo_policy(const struct plan *, const struct plan_op *);
int	plan_gpo_preference(const struct plan *, const struct plan_op *);

/* Whether pick chooses any of the plan's operations in the hive. */
int	plan_gpo_has(const struct plan *, enum reg_hive,
	    int (*)(const struct plan *, const struct plan_op *));

/* How many of the plan's operations pick chooses. */
size_t	plan_gpo_count(const struct plan *,
	    int (*)(const struct plan *, const struct plan_op *));
/*
 * How many values lie outside Software\Policies, where a GPO that sets
 * them as policy "tattoos" the registry (they stay when it goes).
 */
size_t	plan_gpo_tattoos(const struct plan *);

/* A Preferences item's FilterWmi query, NULL for none (caller frees). */
char	*plan_gpo_filter(const struct plan_op *);

/* RFC 9562 name-based UUID (version 5) in tlsgpo's namespace, "{...}". */
void	plan_gpo_uuid(const char *, char[39]);
/* "{GUID}" of the backup folder, named from what the backup holds. */
void	plan_gpo_backup_id(const struct plan *, char[39]);

#endif
