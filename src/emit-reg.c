#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "emitter.h"
#include "os.h"
#include "policy.h"
#include "quote.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * The regedit format as Windows' own regedit exports it: "Windows Registry
 * Editor Version 5.00", [HIVE\key] sections, "name"=dword:%08x,
 * "name"="text" (REG_SZ), "name"=hex(7):.. (REG_MULTI_SZ), "name"=- to
 * delete. The 32-bit view is written as the Wow6432Node path, which is
 * where a 64-bit regedit stores it.
 */

/*
 * A comment line. Policy text reaches here free of control characters
 * (the policy reader refuses them), so it cannot end the comment early.
 */
static void
reg_comment(struct buf *out, const char *label, const char *text)
{
	buf_printf(out, "; %s%s\n", label, text);
}

/* How to import FILE into the native view from any host [os.c FSREDIR]. */
static void
reg_import_lines(struct buf *out, const char *file)
{
	char	*s;

	s = os_reg_import_line(file);
	reg_comment(out, "  ", s);
	free(s);
	s = os_reg_import_alt(file);
	reg_comment(out, "or: ", s);
	free(s);
}

static void
reg_header(const struct emit_ctx *ctx, struct buf *out, const char *file,
    int rollback)
{
	const struct policy	*p = ctx->plan->policy;
	char			*s;

	buf_adds(out, "Windows Registry Editor Version 5.00\n\n");
	s = xasprintf("%s, written by tlsgpo %s", file, PACKAGE_VERSION);
	reg_comment(out, "", s);
	free(s);
	reg_comment(out, "Policy: ", p->name);
	s = xasprintf("%s, version %s", p->id, p->version);
	reg_comment(out, "Id: ", s);
	free(s);
	if (*p->description != '\0')
		reg_comment(out, "Description: ", p->description);
	buf_adds(out, ";\n");
	if (!rollback) {
		buf_printf(out, "; Sets %zu value%s. Apply as Administrator, "
		    "then restart Windows. From\n", ctx->plan->n,
		    ctx->plan->n == 1 ? "" : "s");
		buf_adds(out, "; any cmd.exe, 32- or 64-bit (a 32-bit reg.exe "
		    "or regedit.exe alone writes\n; the HKLM\\SOFTWARE "
		    "values under Wow6432Node instead):\n");
		reg_import_lines(out, file);
		buf_adds(out, "; Undo: rollback.reg deletes exactly the values "
		    "this file sets.\n");
	} else {
		buf_printf(out, "; Deletes exactly the %zu value%s apply.reg "
		    "sets, returning each to\n", ctx->inverse->n,
		    ctx->inverse->n == 1 ? "" : "s");
		buf_adds(out, "; the Windows default (value absent). Data a "
		    "value held before apply.reg\n; is not brought back by "
		    "this file. Apply as Administrator, then restart\n; "
		    "Windows. From any cmd.exe, 32- or 64-bit:\n");
		reg_import_lines(out, file);
	}
}

/*
 * =hex(7):... as regedit exports a REG_MULTI_SZ: the string bytes with
 * every terminator, lines cut after a comma with a backslash, the next
 * indented by two blanks, none longer than 80 columns. The bytes are
 * UTF-16LE in a UTF-16 file, and the code page's in an 8-bit one, which
 * is how regedit and reg import read hex(2) and hex(7) there (Wine's
 * regproc.c does the same; its import tests run on Windows too). The
 * names tlsgpo writes are ASCII, the same in every code page.
 */
static void
reg_multi_sz(struct buf *out, const struct plan_op *op,
    enum text_encoding enc)
{
	struct buf	 b;
	size_t		 i, col;

	buf_init(&b);
	if (enc == ENC_ASCII)
		buf_add(&b, op->text, plan_op_text_size(op));
	else
		utf8_to_utf16le(&b, op->text, plan_op_text_size(op));
	buf_adds(out, "=hex(7):");
	col = strlen(op->value) + 2 + 8;
	for (i = 0; i < b.len; i++) {
		buf_printf(out, "%02x", (unsigned char)b.data[i]);
		col += 2;
		if (i + 1 == b.len)
			break;
		buf_addc(out, ',');
		col++;
		if (col > 76) {
			buf_adds(out, "\\\n  ");
			col = 2;
		}
	}
	buf_addc(out, '\n');
	buf_free(&b);
}

static void
reg_body(const struct plan *pl, enum text_encoding enc, struct buf *out)
{
	const struct plan_op	*op;
	char			*key, *prev = NULL;
	size_t			 i;

	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		key = plan_op_physical_key(op);
		if (prev == NULL || strcmp(prev, key) != 0 ||
		    pl->ops[i - 1].hive != op->hive) {
			buf_printf(out, "\n[%s\\%s]\n", hive_long_name(op->hive),
			    key);
		}
		free(prev);
		prev = key;
		reg_comment(out, "", op->why);
		reg_quote(out, op->value);
		if (op->action == OP_DELETE)
			buf_adds(out, "=-\n");
		else if (op->type == REG_TYPE_SZ) {
			buf_addc(out, '=');
			reg_quote(out, op->text);
			buf_addc(out, '\n');
		} else if (op->type == REG_TYPE_MULTI_SZ)
			reg_multi_sz(out, op, enc);
		else
			buf_printf(out, "=dword:%08x\n", (unsigned)op->data);
	}
	free(prev);
	buf_adds(out, "\n");
}

static void
write_apply(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	(void)em;
	reg_header(ctx, out, "apply.reg", 0);
	reg_body(ctx->plan, ctx->reg_encoding, out);
}

static void
write_rollback(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	(void)em;
	reg_header(ctx, out, "rollback.reg", 1);
	reg_body(ctx->inverse, ctx->reg_encoding, out);
}

const struct emitter emitter_reg_apply = {
	"reg-apply", "reg/apply.reg", ENC_REG_OPTION, 1, NULL, write_apply, NULL
};

const struct emitter emitter_reg_rollback = {
	"reg-rollback", "reg/rollback.reg", ENC_REG_OPTION, 1, NULL,
	write_rollback, NULL
};
