#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "plan.h"
#include "utf8.h"

/* tlsgpo plan's output: the table for people, the JSON for programs. */

/* A string's data for the table: "a,b" or a multi-string's "a | b". */
static void
write_text_data(const struct plan_op *op, struct buf *out)
{
	char	*s;

	s = plan_op_text_join(op, " | ");
	text_printable(out, s);
	free(s);
}

/* JSON: a string, or an array of strings. */
static void
json_text_data(const struct plan_op *op, struct buf *out)
{
	const char	*s;

	if (op->type != REG_TYPE_MULTI_SZ) {
		json_string(out, op->text);
		return;
	}
	buf_adds(out, "[");
	for (s = plan_op_text_next(op, NULL); s != NULL;
	    s = plan_op_text_next(op, s)) {
		if (s != op->text)
			buf_adds(out, ", ");
		json_string(out, s);
	}
	buf_adds(out, "]");
}

void
plan_write_table(const struct plan *pl, struct buf *out)
{
	const struct plan_op	*op;
	const struct policy	*p = pl->policy;
	size_t			 i, wkey = 3, wval = 5, n;

	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		n = strlen(op->key) + 5;
		if (n > wkey)
			wkey = n;
		if (strlen(op->value) > wval)
			wval = strlen(op->value);
	}
	/* The name may hold a tab: for the terminal, as \x09. */
	buf_printf(out, "policy %s (", p->id);
	text_printable(out, p->name);
	buf_printf(out, "), version %s: %zu operation%s\n\n", p->version,
	    pl->n, pl->n == 1 ? "" : "s");
	buf_printf(out, "%-6s  %-6s  %-*s  %-*s  %-9s  %-10s  %s\n", "ACTION",
	    "VIEW", (int)wkey, "KEY", (int)wval, "VALUE", "TYPE", "DATA",
	    "LINE  WHY");
	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		buf_printf(out, "%-6s  %-6s  %s\\%-*s  %-*s  %-9s  ",
		    op->action == OP_SET ? "set" : "delete",
		    view_label(op->view), hive_short_name(op->hive),
		    (int)(wkey - 5), op->key, (int)wval, op->value,
		    reg_type_name(op->type));
		if (op->action == OP_SET && op->text != NULL)
			write_text_data(op, out);
		else if (op->action == OP_SET)
			buf_printf(out, "0x%08X", (unsigned)op->data);
		else
			buf_printf(out, "%-10s", "-");
		buf_printf(out, "  %-4d  %s\n", op->line, op->why);
	}
}

static void
plan_ops_json(const struct plan *pl, struct buf *out)
{
	const struct plan_op	*op;
	char			*phys;
	size_t			 i;

	buf_adds(out, "[");
	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		phys = plan_op_physical_key(op);
		buf_printf(out, "%s\n    {\"action\": \"%s\", \"hive\": \"%s\", "
		    "\"view\": \"%s\", \"key\": ", i == 0 ? "" : ",",
		    op->action == OP_SET ? "set" : "delete",
		    hive_short_name(op->hive), view_name(op->view));
		json_string(out, op->key);
		buf_printf(out, ", \"path\": \"%s\\\\", hive_long_name(op->hive));
		json_string_body(out, phys);
		buf_adds(out, "\", \"value\": ");
		json_string(out, op->value);
		buf_printf(out, ", \"type\": \"%s\", ", reg_type_name(op->type));
		if (op->action == OP_SET && op->text != NULL) {
			buf_adds(out, "\"data\": ");
			json_text_data(op, out);
			buf_adds(out, ", \"hex\": null, ");
		} else if (op->action == OP_SET)
			buf_printf(out, "\"data\": %u, \"hex\": \"0x%08X\", ",
			    (unsigned)op->data, (unsigned)op->data);
		else
			buf_adds(out, "\"data\": null, \"hex\": null, ");
		buf_printf(out, "\"line\": %d, \"why\": ", op->line);
		json_string(out, op->why);
		buf_adds(out, "}");
		free(phys);
	}
	buf_adds(out, pl->n == 0 ? "]" : "\n  ]");
}

void
plan_write_json(const struct plan *pl, const struct plan *inv, struct buf *out)
{
	const struct policy	*p = pl->policy;

	buf_adds(out, "{\n  \"policy\": {\"id\": ");
	json_string(out, p->id);
	buf_adds(out, ", \"name\": ");
	json_string(out, p->name);
	buf_adds(out, ", \"version\": ");
	json_string(out, p->version);
	buf_adds(out, ", \"description\": ");
	json_string(out, p->description);
	buf_adds(out, ", \"vendor\": ");
	json_string(out, p->vendor);
	buf_adds(out, "},\n  \"operations\": ");
	plan_ops_json(pl, out);
	buf_adds(out, ",\n  \"rollback\": ");
	plan_ops_json(inv, out);
	if (policy_has_suite_rules(p)) {
		buf_adds(out, ",\n  \"suites\": ");
		plan_write_suites_json(pl, out);
	}
	buf_adds(out, "\n}\n");
}
