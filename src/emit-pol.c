#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emitter.h"
#include "pol-write.h"
#include "xmalloc.h"

/*
 * gpo/Machine/Registry.pol and its rollback (the bytes: pol-write.c); HKCU
 * operations (WinINet scope = user) go to gpo/User/Registry.pol. And the
 * same operations as LGPO.exe's text.
 */

/* template: "machine", "user", "rollback-machine", "rollback-user". */
static void
write_pol(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct plan	*pl;

	pl = strncmp(em->template, "rollback", 8) == 0 ? ctx->inverse :
	    ctx->plan;
	pol_write(pl, strstr(em->template, "user") != NULL ? HIVE_HKCU :
	    HIVE_HKLM, NULL, out);
}

static char *
pol_path(const struct emit_ctx *ctx, const struct emitter *em)
{
	int	user = strstr(em->template, "user") != NULL;

	if (!plan_has_hive(ctx->plan, user ? HIVE_HKCU : HIVE_HKLM))
		return NULL;
	return xasprintf("gpo/%s%s/Registry.pol",
	    strncmp(em->template, "rollback", 8) == 0 ? "rollback/" : "",
	    user ? "User" : "Machine");
}

/* Bytes, not text: the writer builds the UTF-16LE records itself. */
const struct emitter emitter_pol_machine = {
	"pol-machine", NULL, ENC_UTF8, 0, "machine", write_pol, pol_path
};

const struct emitter emitter_pol_user = {
	"pol-user", NULL, ENC_UTF8, 0, "user", write_pol, pol_path
};

const struct emitter emitter_pol_rollback_machine = {
	"pol-rollback-machine", NULL, ENC_UTF8, 0, "rollback-machine",
	write_pol, pol_path
};

const struct emitter emitter_pol_rollback_user = {
	"pol-rollback-user", NULL, ENC_UTF8, 0, "rollback-user", write_pol,
	pol_path
};

/*
 * gpo/lgpo.txt and gpo/lgpo-rollback.txt: LGPO.exe's text form (LGPO.exe
 * /t FILE). Records of four lines: Computer or User, the key without the
 * hive, the value name, then DWORD:<decimal>, SZ:<text>, MULTISZ:<text>
 * (the strings with \0 between them) or DELETE; ';' lines are comments.
 * ASCII with CRLF (the names and curves tlsgpo writes are ASCII).
 */
static void
write_lgpo(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct plan	*pl;
	const struct plan_op	*op;
	const struct policy	*p = ctx->plan->policy;
	char			*key, *text;
	size_t			 i;
	int			 rollback = strcmp(em->template, "rollback") == 0;

	pl = rollback ? ctx->inverse : ctx->plan;
	buf_printf(out, "; %s, written by tlsgpo %s\n", rollback ?
	    "lgpo-rollback.txt" : "lgpo.txt", PACKAGE_VERSION);
	buf_printf(out, "; Policy: %s\n", p->name);
	buf_printf(out, "; Id: %s, version %s\n", p->id, p->version);
	buf_printf(out, "; Apply as Administrator: LGPO.exe /t %s\n",
	    rollback ? "gpo\\lgpo-rollback.txt" : "gpo\\lgpo.txt");
	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		key = plan_op_physical_key(op);
		buf_printf(out, "\n%s\n%s\n%s\n", op->hive == HIVE_HKCU ?
		    "User" : "Computer", key, op->value);
		if (op->action == OP_DELETE)
			buf_adds(out, "DELETE\n");
		else if (op->type == REG_TYPE_SZ)
			buf_printf(out, "SZ:%s\n", op->text);
		else if (op->type == REG_TYPE_MULTI_SZ) {
			/* LGPO's text writes the strings with \0 between. */
			text = plan_op_text_join(op, "\\0");
			buf_printf(out, "MULTISZ:%s\n", text);
			free(text);
		} else
			buf_printf(out, "DWORD:%u\n", (unsigned)op->data);
		free(key);
	}
}

const struct emitter emitter_lgpo = {
	"lgpo", "gpo/lgpo.txt", ENC_ASCII, 1, "apply", write_lgpo, NULL
};

const struct emitter emitter_lgpo_rollback = {
	"lgpo-rollback", "gpo/lgpo-rollback.txt", ENC_ASCII, 1, "rollback",
	write_lgpo, NULL
};
