#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check-int.h"
#include "plan.h"
#include "regfile.h"
#include "xmalloc.h"

/*
 * tlsgpo check: what a machine's state says of each of the plan's values
 * (its verdict), of the machine (its status), and the fleet's counts.
 */

void
checker_init(struct checker *c, const struct plan *pl)
{
	size_t	i, k;
	char	*path;

	memset(c, 0, sizeof *c);
	c->pl = pl;
	c->keys = xcalloc(pl->n + 1, sizeof *c->keys);
	c->paths = xcalloc(pl->n + 1, sizeof *c->paths);
	c->values = xcalloc(pl->n + 1, sizeof *c->values);
	c->op_of = xcalloc(pl->n + 1, sizeof *c->op_of);
	c->drift_by_value = xcalloc(pl->n + 1, sizeof *c->drift_by_value);
	for (i = 0; i < pl->n; i++) {
		if (pl->ops[i].action != OP_SET)
			continue;
		path = plan_op_physical_key(&pl->ops[i]);
		for (k = 0; k < c->nkeys; k++) {
			if (c->keys[k].hive == pl->ops[i].hive &&
			    strcasecmp(c->keys[k].path, path) == 0)
				break;
		}
		if (k == c->nkeys) {
			c->paths[k] = path;
			c->keys[k].hive = pl->ops[i].hive;
			c->keys[k].path = path;
			c->keys[k].len = strlen(path);
			c->nkeys++;
		} else
			free(path);
		c->values[c->nvalues].key = k;
		c->values[c->nvalues].name = pl->ops[i].value;
		c->op_of[c->nvalues++] = i;
	}
}

void
checker_free(struct checker *c)
{
	size_t	i;

	for (i = 0; i < c->nkeys; i++)
		free(c->paths[i]);
	free(c->paths);
	free(c->keys);
	free(c->values);
	free(c->op_of);
	free(c->drift_by_value);
}

static enum verdict
judge(const struct machine *m, size_t i, uint32_t type)
{
	const struct reg_obs_value	*v = &m->obs.value[i];

	switch (v->seen) {
	case VAL_PRESENT:
		return v->type != type ? V_WRONG_TYPE : V_OK;
	case VAL_DELETED:
		return V_MISSING;
	case VAL_UNSEEN:
		break;
	}
	return m->obs.key[m->obs.values[i].key] == KEY_UNSEEN ? V_NOT_COVERED :
	    V_MISSING;
}

/*
 * The type the plan sets, and the data: a REG_DWORD's number, a REG_SZ's or
 * REG_MULTI_SZ's bytes exactly (every string, in order, and each NUL).
 */
enum verdict
verdict_of(const struct checker *c, const struct machine *m, size_t i)
{
	const struct plan_op		*op = &c->pl->ops[c->op_of[i]];
	const struct reg_obs_value	*o = &m->obs.value[i];
	enum verdict			 v = judge(m, i, op->type);

	if (v != V_OK)
		return v;
	if (op->type == REG_TYPE_SZ || op->type == REG_TYPE_MULTI_SZ) {
		if (o->text == NULL || o->textlen != plan_op_text_size(op) ||
		    memcmp(o->text, op->text, o->textlen) != 0)
			return V_WRONG_VALUE;
	} else if (o->data != op->data)
		return V_WRONG_VALUE;
	return v;
}

/* The one verdict on a machine: text, JSON, summary and exit status. */
enum status
machine_status(const struct checker *c, const struct machine *m)
{
	size_t	drift = m->count[V_MISSING] + m->count[V_WRONG_VALUE] +
	    m->count[V_WRONG_TYPE];

	if (m->unreadable)
		return S_UNREADABLE;
	if (drift > 0)
		return S_DRIFT;
	if (m->count[V_NOT_COVERED] == 0)
		return S_COMPLIANT;
	if (!c->policy_only)
		return S_DRIFT;
	return m->count[V_NOT_COVERED] == c->nvalues ? S_NOT_COVERED :
	    S_COMPLIANT;
}

/*
 * A machine's verdicts counted, the values that drift on it counted for
 * the fleet's summary, and the machine counted by its status.
 */
void
machine_judge(struct checker *c, struct machine *m)
{
	if (!m->unreadable) {
		size_t	k;

		for (k = 0; k < c->nvalues; k++) {
			enum verdict v = verdict_of(c, m, k);

			m->count[v]++;
			if (v != V_OK && (v != V_NOT_COVERED ||
			    !c->policy_only))
				c->drift_by_value[k]++;
		}
	}
	switch (machine_status(c, m)) {
	case S_UNREADABLE:
		c->unreadable++;
		break;
	case S_COMPLIANT:
		c->compliant++;
		break;
	case S_DRIFT:
	case S_NOT_COVERED:
		c->drifting++;
		break;
	}
}
