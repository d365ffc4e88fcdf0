/*
 * Registry.pol bytes for a plan ([MS-GPREG] 2.2.1): the policy files of
 * the package and of the GPO backup.
 */
#ifndef TLSGPO_POL_WRITE_H
#define TLSGPO_POL_WRITE_H

#include "buf.h"
#include "plan.h"

/*
 * A Registry.pol file of the plan's operations in one hive; pick, when not
 * NULL, chooses among them.
 */
void	pol_write(const struct plan *, enum reg_hive,
	    int (*)(const struct plan *, const struct plan_op *), struct buf *);

#endif
