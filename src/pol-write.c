#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pol-write.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * [MS-GPREG] 2.2.1, "PReg" version 1: one [key;value;type;size;data] record
 * per plan operation, every string UTF-16LE and NUL-terminated, keys
 * without the hive (the Machine or User folder is the hive). A delete is
 * "**del.<value>", type REG_SZ, data " " (a space and its NUL), as the
 * specification has it.
 */

static void
pol_wstr(struct buf *out, const char *s)
{
	utf8_to_utf16le(out, s, strlen(s));
	buf_add_u16le(out, 0);
}

static void
pol_u32(struct buf *out, uint32_t v)
{
	buf_add_u16le(out, (uint16_t)(v & 0xffff));
	buf_add_u16le(out, (uint16_t)(v >> 16));
}

static void
pol_record(struct buf *out, const struct plan_op *op)
{
	char		*key = plan_op_physical_key(op), *name;
	struct buf	 text;

	buf_add_u16le(out, '[');
	pol_wstr(out, key);
	buf_add_u16le(out, ';');
	if (op->action == OP_DELETE) {
		name = xasprintf("**del.%s", op->value);
		pol_wstr(out, name);
		free(name);
		buf_add_u16le(out, ';');
		pol_u32(out, REG_TYPE_SZ);
		buf_add_u16le(out, ';');
		pol_u32(out, 4);
		buf_add_u16le(out, ';');
		pol_wstr(out, " ");
	} else if (op->text != NULL) {
		/* REG_SZ, REG_MULTI_SZ: the size counts every terminator. */
		buf_init(&text);
		utf8_to_utf16le(&text, op->text, plan_op_text_size(op));
		pol_wstr(out, op->value);
		buf_add_u16le(out, ';');
		pol_u32(out, op->type);
		buf_add_u16le(out, ';');
		pol_u32(out, (uint32_t)text.len);
		buf_add_u16le(out, ';');
		buf_add(out, text.data, text.len);
		buf_free(&text);
	} else {
		pol_wstr(out, op->value);
		buf_add_u16le(out, ';');
		pol_u32(out, op->type);
		buf_add_u16le(out, ';');
		pol_u32(out, 4);
		buf_add_u16le(out, ';');
		pol_u32(out, op->data);
	}
	buf_add_u16le(out, ']');
	free(key);
}

void
pol_write(const struct plan *pl, enum reg_hive hive,
    int (*pick)(const struct plan *, const struct plan_op *), struct buf *out)
{
	size_t	i;

	buf_add(out, "PReg", 4);
	pol_u32(out, 1);
	for (i = 0; i < pl->n; i++) {
		if (pl->ops[i].hive == hive &&
		    (pick == NULL || pick(pl, &pl->ops[i])))
			pol_record(out, &pl->ops[i]);
	}
}
