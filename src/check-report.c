#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check-int.h"
#include "json.h"
#include "plan.h"
#include "policy.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * tlsgpo check: what it says, on standard output a line per machine (and
 * per value that drifts) or one JSON document, then the fleet's summary;
 * a machine's messages on standard error.
 */

static const char *const verdict_words[V_COUNT] = {
	"ok", "missing", "wrong value", "wrong type", "not covered"
};

static const char *const status_words[] = {
	"compliant", "drift", "not covered", "unreadable"
};

/*
 * A machine's messages, line by line, control characters (in a file name
 * from a directory, say) as \xHH: nothing of an input reaches the terminal
 * raw.
 */
void
print_errors(struct buf *errors)
{
	struct buf	 b;
	const char	*e, *nl;
	char		*line;

	buf_init(&b);
	for (e = buf_cstr(errors); *e != '\0'; e = *nl != '\0' ? nl + 1 : nl) {
		if ((nl = strchr(e, '\n')) == NULL)
			nl = e + strlen(e);
		line = xstrndup(e, (size_t)(nl - e));
		text_printable(&b, line);
		buf_addc(&b, '\n');
		free(line);
	}
	fputs(buf_cstr(&b), stderr);
	buf_free(&b);
}

/* A type's name; two of check's own for data that is no registry type. */
const char *
type_name(uint32_t t)
{
	static char	other[32];

	if (t == OBS_TYPE_DWORD_SIZE)
		return "REG_DWORD of another size";
	if (t == OBS_TYPE_UNNAMED)
		return "a type reg.exe named otherwise";
	if (strcmp(reg_type_name(t), "REG_?") != 0)
		return reg_type_name(t);
	snprintf(other, sizeof other, "type 0x%x", (unsigned)t);
	return other;
}

static char *
value_label(const struct plan_op *op)
{
	char	*key = plan_op_physical_key(op), *s;

	s = xasprintf("%s\\%s\\%s", hive_short_name(op->hive), key, op->value);
	free(key);
	return s;
}

static int
is_text(uint32_t t)
{
	return t == REG_TYPE_SZ || t == REG_TYPE_MULTI_SZ;
}

/* The plan's data for a message: 0x0000000F, "text" or "a", "b". */
static void
show_want(struct buf *out, const struct plan_op *op)
{
	if (is_text(op->type))
		text_show_strings(out, op->text, plan_op_text_size(op),
		    op->type == REG_TYPE_MULTI_SZ);
	else
		buf_printf(out, "0x%08X", (unsigned)op->data);
}

/* What the machine has, of the type the plan sets. */
static void
show_got(struct buf *out, const struct reg_obs_value *o, uint32_t type)
{
	if (is_text(type))
		text_show_strings(out, o->text == NULL ? "" : o->text,
		    o->textlen, type == REG_TYPE_MULTI_SZ);
	else
		buf_printf(out, "0x%08X", (unsigned)o->data);
}

/* After a value's verdict: what the machine has and the policy wants. */
static void
print_detail(struct buf *out, const struct plan_op *op,
    const struct reg_obs_value *o, enum verdict v)
{
	switch (v) {
	case V_OK:
		buf_adds(out, ": ");
		show_want(out, op);
		break;
	case V_MISSING:
		buf_adds(out, ": absent, policy wants ");
		show_want(out, op);
		break;
	case V_WRONG_VALUE:
		buf_adds(out, ": ");
		show_got(out, o, op->type);
		buf_adds(out, ", policy wants ");
		show_want(out, op);
		break;
	case V_WRONG_TYPE:
		buf_printf(out, ": %s, policy wants %s ", type_name(o->type),
		    reg_type_name(op->type));
		show_want(out, op);
		break;
	case V_NOT_COVERED:
		buf_printf(out, ": the export does not include its key");
		break;
	case V_COUNT:
		break;
	}
	buf_addc(out, '\n');
}

void
print_text(const struct checker *c, const struct machine *m, struct buf *out)
{
	const struct plan_op	*op;
	enum verdict		 v;
	size_t			 i, drift;
	char			*label;

	if (m->unreadable) {
		buf_printf(out, "%s: unreadable\n", m->name);
		return;
	}
	drift = m->count[V_MISSING] + m->count[V_WRONG_VALUE] +
	    m->count[V_WRONG_TYPE];
	if (machine_status(c, m) == S_NOT_COVERED)
		buf_printf(out, "%s: none of the %zu values is covered by the "
		    "export\n", m->name, c->nvalues);
	else if (machine_status(c, m) == S_COMPLIANT &&
	    m->count[V_NOT_COVERED] > 0)
		buf_printf(out, "%s: compliant in the %zu values covered (%zu "
		    "not covered)\n", m->name, c->nvalues -
		    m->count[V_NOT_COVERED], m->count[V_NOT_COVERED]);
	else if (drift == 0 && m->count[V_NOT_COVERED] == 0)
		buf_printf(out, "%s: compliant (%zu values)\n", m->name,
		    c->nvalues);
	else if (m->count[V_NOT_COVERED] == 0)
		buf_printf(out, "%s: %zu of %zu values drift\n", m->name, drift,
		    c->nvalues);
	else
		buf_printf(out, "%s: %zu of %zu values drift, %zu not covered by "
		    "the export\n", m->name, drift, c->nvalues,
		    m->count[V_NOT_COVERED]);
	for (i = 0; i < c->nvalues; i++) {
		v = verdict_of(c, m, i);
		if ((v == V_OK || (v == V_NOT_COVERED && c->policy_only)) &&
		    !c->verbose)
			continue;
		op = &c->pl->ops[c->op_of[i]];
		label = value_label(op);
		buf_printf(out, "  %-11s %s", verdict_words[v], label);
		print_detail(out, op, &m->obs.value[i], v);
		free(label);
	}
}

/*
 * A value's data in JSON: a REG_DWORD's number, a REG_SZ's string, a
 * REG_MULTI_SZ's strings as an array (each up to its NUL; a list up to
 * its empty string).
 */
static void
json_data(struct buf *out, uint32_t type, uint32_t data, const char *text,
    size_t len)
{
	size_t	 i, k, n = 0;
	char	*t;

	if (!is_text(type)) {
		buf_printf(out, "%u", (unsigned)data);
		return;
	}
	if (text == NULL)
		text = "";
	if (type == REG_TYPE_MULTI_SZ)
		buf_addc(out, '[');
	for (i = 0; i < len || (n == 0 && type == REG_TYPE_SZ); i += k + 1) {
		k = i < len ? strnlen(text + i, len - i) : 0;
		if (type == REG_TYPE_MULTI_SZ && k == 0)
			break;
		t = xstrndup(text + i, k);
		buf_adds(out, n++ > 0 ? ", " : "");
		json_string(out, t);
		free(t);
		if (type == REG_TYPE_SZ)
			break;
	}
	if (type == REG_TYPE_MULTI_SZ)
		buf_addc(out, ']');
}

void
print_json(const struct checker *c, const struct machine *m, int first,
    struct buf *out)
{
	const struct plan_op	*op;
	enum verdict		 v;
	size_t			 i, drift;
	char			*key;
	const char		*e, *nl;

	drift = m->count[V_MISSING] + m->count[V_WRONG_VALUE] +
	    m->count[V_WRONG_TYPE];
	buf_adds(out, first ? "\n    {" : ",\n    {");
	buf_adds(out, "\"name\": ");
	json_string(out, m->name);
	buf_adds(out, ", \"path\": ");
	key = text_escape_dup(m->path);
	json_string(out, key);
	free(key);
	buf_printf(out, ", \"status\": \"%s\"",
	    status_words[machine_status(c, m)]);
	buf_printf(out, ", \"drift\": %zu, \"not_covered\": %zu", drift,
	    m->count[V_NOT_COVERED]);
	buf_adds(out, ", \"errors\": [");
	for (e = m->errors.data == NULL ? "" : m->errors.data, i = 0; *e != '\0'; e = nl + 1, i++) {
		nl = strchr(e, '\n');
		key = xstrndup(e, (size_t)(nl - e));
		buf_adds(out, i == 0 ? "" : ", ");
		{
			struct buf	 pe;

			/* Not text_escape_dup(): a reader's \xHH stays as it is. */
			buf_init(&pe);
			text_printable(&pe, key);
			json_string(out, buf_cstr(&pe));
			buf_free(&pe);
		}
		free(key);
	}
	buf_adds(out, "], \"values\": [");
	for (i = 0; i < c->nvalues && !m->unreadable; i++) {
		op = &c->pl->ops[c->op_of[i]];
		v = verdict_of(c, m, i);
		key = plan_op_physical_key(op);
		buf_adds(out, i == 0 ? "\n      {" : ",\n      {");
		buf_printf(out, "\"hive\": \"%s\", \"key\": ",
		    hive_short_name(op->hive));
		json_string(out, key);
		buf_printf(out, ", \"view\": \"%s\", \"value\": ",
		    view_name(op->view));
		json_string(out, op->value);
		buf_adds(out, ", \"want\": ");
		json_data(out, op->type, op->data, op->text,
		    plan_op_text_size(op));
		buf_printf(out, ", \"state\": \"%s\"", verdict_words[v]);
		if (v == V_OK || v == V_WRONG_VALUE) {
			buf_adds(out, ", \"got\": ");
			json_data(out, op->type, m->obs.value[i].data,
			    m->obs.value[i].text, m->obs.value[i].textlen);
		}
		if (v == V_WRONG_TYPE) {
			buf_adds(out, ", \"got_type\": ");
			json_string(out, type_name(m->obs.value[i].type));
		}
		buf_adds(out, "}");
		free(key);
	}
	buf_adds(out, c->nvalues > 0 && !m->unreadable ? "\n    ]}" : "]}");
}

/* The JSON document's head: the policy, then the machines as they come. */
void
print_json_head(const struct checker *c, const struct policy *p,
    struct buf *out)
{
	buf_adds(out, "{\"policy\": {\"id\": ");
	json_string(out, p->id);
	buf_adds(out, ", \"version\": ");
	json_string(out, p->version);
	buf_printf(out, ", \"values\": %zu}, \"machines\": [", c->nvalues);
}

/*
 * The fleet's summary (JSON: always; text: for more than one machine) and
 * the JSON document's end. It empties c->drift_by_value as it goes.
 */
void
print_summary(struct checker *c, size_t nm, struct buf *out)
{
	size_t	i, best, shown;

	if (c->json)
		buf_printf(out, "\n  ],\n  \"summary\": {\"machines\": %zu, "
		    "\"compliant\": %zu, \"drifting\": %zu, \"unreadable\": %zu, "
		    "\"top\": [", nm, c->compliant, c->drifting, c->unreadable);
	else if (nm > 1)
		buf_printf(out, "fleet: %zu machines: %zu compliant, %zu "
		    "drifting, %zu unreadable\n", nm, c->compliant, c->drifting,
		    c->unreadable);
	/* The values that drift on most machines, ten at most. */
	for (shown = 0; shown < 10 && (c->json || nm > 1); shown++) {
		const struct plan_op	*op;
		char			*label;

		best = c->nvalues;
		for (i = 0; i < c->nvalues; i++)
			if (c->drift_by_value[i] > 0 && (best == c->nvalues ||
			    c->drift_by_value[i] > c->drift_by_value[best]))
				best = i;
		if (best == c->nvalues)
			break;
		op = &c->pl->ops[c->op_of[best]];
		label = value_label(op);
		if (c->json) {
			buf_adds(out, shown == 0 ? "{\"value\": " :
			    ", {\"value\": ");
			json_string(out, label);
			buf_printf(out, ", \"view\": \"%s\", \"machines\": %zu}",
			    view_name(op->view), c->drift_by_value[best]);
		} else
			buf_printf(out, "  %6zu machines  %s (%s)\n",
			    c->drift_by_value[best], label, view_label(op->view));
		free(label);
		c->drift_by_value[best] = 0;
	}
	if (c->json)
		buf_adds(out, "]}\n}\n");
}
