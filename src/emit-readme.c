#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emitter.h"
#include "policy.h"
#include "template.h"
#include "xmalloc.h"

/* README.txt: what changes, value by value, and how to apply and undo. */

static void
readme_changes(const struct plan *pl, struct buf *out)
{
	const struct plan_op	*op;
	char			*key;
	size_t			 i;

	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		key = plan_op_physical_key(op);
		buf_printf(out, "%s%s\\%s\n", i == 0 ? "" : "\n",
		    hive_short_name(op->hive), key);
		buf_printf(out, "    %s (%s, %s view)\n", op->value,
		    reg_type_name(op->type), op->view == VIEW_SHARED ?
		    "shared" : op->view == VIEW_64 ? "64-bit" : "32-bit");
		buf_printf(out, "    before: absent (Windows default)   "
		    "after: 0x%08X = %u\n", (unsigned)op->data,
		    (unsigned)op->data);
		buf_printf(out, "    why: %s (policy line %d)\n", op->why,
		    op->line);
		free(key);
	}
}

static void
readme_warnings(const struct diags *d, struct buf *out)
{
	size_t	i;

	for (i = 0; i < d->n; i++) {
		if (d->v[i].warning)
			buf_printf(out, "line %d: %s\n", d->v[i].line,
			    d->v[i].msg);
	}
	if (out->len == 0)
		buf_adds(out, "None.\n");
}

static void
write_readme(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct policy	*p = ctx->plan->policy;
	struct buf		 changes, warnings, underline;
	char			 count[32];
	size_t			 i, n;

	buf_init(&changes);
	buf_init(&warnings);
	buf_init(&underline);
	readme_changes(ctx->plan, &changes);
	readme_warnings(ctx->warnings, &warnings);
	/* One '=' per character of the name, not per byte. */
	for (i = n = 0; p->name[i] != '\0'; i++) {
		if (((unsigned char)p->name[i] & 0xc0) != 0x80)
			n++;
	}
	for (i = 0; i < n; i++)
		buf_addc(&underline, '=');
	snprintf(count, sizeof count, "%zu", ctx->plan->n);

	{
		const struct template_var vars[] = {
			{ "NAME", p->name },
			{ "UNDERLINE", buf_cstr(&underline) },
			{ "ID", p->id },
			{ "VERSION", p->version },
			{ "DESCRIPTION", *p->description != '\0' ?
			    p->description : "(none)" },
			{ "TOOL_VERSION", PACKAGE_VERSION },
			{ "COUNT", count },
			{ "CHANGES", buf_cstr(&changes) },
			{ "WARNINGS", buf_cstr(&warnings) },
		};
		template_render(em->template, vars,
		    sizeof vars / sizeof vars[0], out);
	}
	buf_free(&changes);
	buf_free(&warnings);
	buf_free(&underline);
}

const struct emitter emitter_readme = {
	"readme", "README.txt", ENC_UTF8_BOM, 1, "package-readme.txt",
	write_readme, NULL
};
