#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
		buf_printf(out, "    sets: 0x%08X = %u\n", (unsigned)op->data,
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

/* Words of s into lines of at most 74 columns, the README's width. */
static void
wrap(struct buf *in, struct buf *out)
{
	const char	*s = buf_cstr(in), *w;
	size_t		 col = 0, n;

	while (*s != '\0') {
		while (*s == ' ')
			s++;
		for (w = s; *w != '\0' && *w != ' '; w++)
			;
		n = (size_t)(w - s);
		if (n == 0)
			break;
		if (col > 0 && col + 1 + n > 74) {
			buf_addc(out, '\n');
			col = 0;
		} else if (col > 0) {
			buf_addc(out, ' ');
			col++;
		}
		buf_add(out, s, n);
		col += n;
		s = w;
	}
}

static int
plan_has(const struct plan *pl, enum reg_hive h)
{
	size_t	i;

	for (i = 0; i < pl->n; i++) {
		if (pl->ops[i].hive == h)
			return 1;
	}
	return 0;
}

/* How many values lie outside Software\Policies, which GPOs tattoo. */
static size_t
plan_tattoos(const struct plan *pl)
{
	size_t	i, n = 0;

	for (i = 0; i < pl->n; i++) {
		if (strncasecmp(pl->ops[i].key, "SOFTWARE\\Policies\\", 18) != 0)
			n++;
	}
	return n;
}

static void
write_readme(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct policy	*p = ctx->plan->policy;
	struct buf		 changes, warnings, underline, pol, polw;
	struct buf		 tattoo, tattoow;
	size_t			 outside;
	int			 hklm, hkcu;
	char			 count[32];
	size_t			 i, n;

	buf_init(&changes);
	buf_init(&warnings);
	buf_init(&underline);
	buf_init(&pol);
	buf_init(&polw);
	buf_init(&tattoo);
	buf_init(&tattoow);
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
	hklm = plan_has(ctx->plan, HIVE_HKLM);
	hkcu = plan_has(ctx->plan, HIVE_HKCU);
	if (hklm && hkcu)
		buf_adds(&pol, "gpo\\Machine\\Registry.pol and "
		    "gpo\\User\\Registry.pol hold the same values as a GPO's "
		    "registry files (Computer and User parts); on a standalone "
		    "machine apply them with LGPO.exe /m "
		    "gpo\\Machine\\Registry.pol and LGPO.exe /u "
		    "gpo\\User\\Registry.pol, or LGPO.exe /t gpo\\lgpo.txt. "
		    "The files under gpo\\rollback and gpo\\lgpo-rollback.txt "
		    "delete the values again.");
	else if (hkcu)
		buf_adds(&pol, "gpo\\User\\Registry.pol holds the same values "
		    "as a GPO's User registry file; on a standalone machine "
		    "apply it with LGPO.exe /u gpo\\User\\Registry.pol, or "
		    "LGPO.exe /t gpo\\lgpo.txt. gpo\\rollback\\User\\Registry.pol "
		    "and gpo\\lgpo-rollback.txt delete the values again.");
	else
		buf_adds(&pol, "gpo\\Machine\\Registry.pol holds the same "
		    "values as a GPO's registry file; on a standalone machine "
		    "apply it with LGPO.exe /m gpo\\Machine\\Registry.pol, or "
		    "LGPO.exe /t gpo\\lgpo.txt. "
		    "gpo\\rollback\\Machine\\Registry.pol and "
		    "gpo\\lgpo-rollback.txt delete the values again.");
	wrap(&pol, &polw);
	outside = plan_tattoos(ctx->plan);
	if (outside == 0)
		buf_adds(&tattoo, "These values lie under Software\\Policies: "
		    "unlinking a Group Policy that sets them removes them "
		    "again.");
	else
		buf_printf(&tattoo, "%s%zu of these %zu values lie outside "
		    "Software\\Policies: a Group Policy that sets them "
		    "\"tattoos\" the registry, and unlinking the GPO does not "
		    "undo them. Roll back with the rollback script or "
		    "rollback.reg.", outside == ctx->plan->n ? "All " : "",
		    outside, ctx->plan->n);
	wrap(&tattoo, &tattoow);
	buf_addc(&tattoow, '\n');

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
			{ "RUN_AS", hklm && hkcu ? "Elevated, as the user whose "
			    "HKCU values these are (an administrator,\nnot SYSTEM), "
			    "on each machine, one of:" : hklm ? "Elevated (as "
			    "Administrator or SYSTEM), on each machine, one of:" :
			    "As the user whose settings these are (not as SYSTEM; "
			    "no\nelevation needed), on each machine, one of:" },
			{ "BACKUP_ROOT", hkcu ? "%LOCALAPPDATA%\\tlsgpo" :
			    "%ProgramData%\\tlsgpo" },
			{ "USER_SCOPE", hkcu ? "\nThe HKEY_CURRENT_USER values are "
			    "refused as SYSTEM (exit 2), whose HKCU is\nno user's: "
			    "deploy them through the GPO's User part\n"
			    "(gpo\\User\\Registry.pol) or run the scripts as the "
			    "user.\n" : "" },
			{ "POL_TEXT", buf_cstr(&polw) },
			{ "TATTOO", buf_cstr(&tattoow) },
		};
		template_render(em->template, vars,
		    sizeof vars / sizeof vars[0], out);
	}
	buf_free(&changes);
	buf_free(&warnings);
	buf_free(&underline);
	buf_free(&pol);
	buf_free(&polw);
	buf_free(&tattoo);
	buf_free(&tattoow);
}

const struct emitter emitter_readme = {
	"readme", "README.txt", ENC_UTF8_BOM, 1, "package-readme.txt",
	write_readme, NULL
};
