#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emitter.h"
#include "os.h"
#include "policy.h"
#include "plan-gpo.h"
#include "readme-gpo.h"
#include "readme-os.h"
#include "template.h"
#include "xmalloc.h"

/* README.txt: what changes, value by value, and how to apply and undo. */

/*
 * A string's data: a REG_SZ cut after each comma (one suite a line), a
 * REG_MULTI_SZ one string a line.
 */
static void
readme_text(const struct plan_op *op, struct buf *out)
{
	const char	*s, *c;

	buf_adds(out, op->type == REG_TYPE_MULTI_SZ ? "    sets (one string "
	    "a line):\n" : "    sets (one string, cut here after each "
	    "comma):\n");
	for (s = plan_op_text_next(op, NULL); s != NULL;
	    s = plan_op_text_next(op, s)) {
		if (op->type == REG_TYPE_MULTI_SZ) {
			buf_printf(out, "      %s\n", s);
			continue;
		}
		for (; (c = strchr(s, ',')) != NULL; s = c + 1)
			buf_printf(out, "      %.*s\n", (int)(c - s + 1), s);
		buf_printf(out, "      %s\n", s);
	}
}

/* What undoing the legacy switches without the scripts does. */
static void
readme_switches(const struct policy *p, struct buf *out)
{
	if (p->key_line[K_SC_CIPHERS] == 0 && p->key_line[K_SC_HASHES] == 0 &&
	    p->key_line[K_SC_KX] == 0)
		return;
	buf_adds(out, "\nThe legacy switches (SCHANNEL's Ciphers, Hashes and "
	    "KeyExchangeAlgorithms\nkeys): reg\\rollback.reg, and a GPO that "
	    "no longer applies, delete their\nEnabled values, which gives each "
	    "cipher, hash and key exchange Windows'\ndefault again: one that "
	    "was off before (by hand or by another tool) is on\nagain. The "
	    "rollback scripts restore what each machine held before.\n");
}

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
		if (op->text != NULL)
			readme_text(op, out);
		else
			buf_printf(out, "    sets: 0x%08X = %u\n",
			    (unsigned)op->data, (unsigned)op->data);
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

/* Words of s into lines of at most 74 columns, the README's width; lines
 * after the first start with indent spaces. */
static void
wrap_indent(struct buf *in, struct buf *out, size_t indent)
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
			buf_printf(out, "\n%*s", (int)indent, "");
			col = indent;
		} else if (col > 0) {
			buf_addc(out, ' ');
			col++;
		}
		buf_add(out, s, n);
		col += n;
		s = w;
	}
}

static void
wrap(struct buf *in, struct buf *out)
{
	wrap_indent(in, out, 0);
}

/* One wrapped paragraph per line of in, "- " items hanging. */
static void
wrap_lines(struct buf *in, struct buf *out)
{
	const char	*s = buf_cstr(in), *nl;
	struct buf	 line;

	for (; *s != '\0'; s = nl + 1) {
		nl = strchr(s, '\n');
		if (nl == NULL)
			nl = s + strlen(s);
		buf_init(&line);
		buf_add(&line, s, (size_t)(nl - s));
		wrap_indent(&line, out, strncmp(s, "- ", 2) == 0 ? 2 : 0);
		buf_addc(out, '\n');
		buf_free(&line);
		if (*nl == '\0')
			break;
	}
}

/* What each Windows needs, and what the .NET values do not reach. */
static void
readme_os(const struct plan *pl, struct buf *scope, struct buf *needs,
    struct buf *caveats)
{
	const struct policy	*p = pl->policy;
	struct buf		 raw;
	size_t			 i, n = 0;

	if (p->target_os == 0)
		buf_adds(scope, "no [target] os: every Windows tlsgpo knows");
	else {
		buf_adds(scope, "[target] os =");
		for (i = 0; i < os_target_count; i++) {
			if (p->target_os & (1U << i))
				buf_printf(scope, "%s %s", n++ == 0 ? "" : ",",
				    os_targets[i].name);
		}
	}
	buf_init(&raw);
	readme_os_needs(pl, &raw);
	wrap_lines(&raw, needs);
	buf_free(&raw);
	if (!policy_has_dotnet(p))
		return;
	buf_init(&raw);
	buf_adds(&raw, os_dotnet_caveats());
	buf_addc(caveats, '\n');
	wrap(&raw, caveats);
	buf_addc(caveats, '\n');
	buf_free(&raw);
}

/* The GPO backup: how to import it, and what [gpo] mode put where. */
static void
readme_gpo_backup(const struct plan *pl, struct buf *out)
{
	struct buf	a, b;

	buf_init(&a);
	buf_init(&b);
	readme_gpo_intro(pl, &a);
	wrap(&a, out);
	buf_adds(out, "\n\n    powershell.exe -ExecutionPolicy Bypass -File "
	    "gpo\\import-gpo.ps1 [-TargetName NAME] [-WhatIf]\n\n");
	readme_gpo_detail(pl, &b);
	wrap(&b, out);
	buf_addc(out, '\n');
	buf_free(&a);
	buf_free(&b);
}

/* The Registry.pol files and LGPO text, for the hives the plan writes. */
static void
readme_pol(int hklm, int hkcu, struct buf *out)
{
	struct buf	b;

	buf_init(&b);
	if (hklm && hkcu)
		buf_adds(&b, "gpo\\Machine\\Registry.pol and "
		    "gpo\\User\\Registry.pol hold the same values as a GPO's "
		    "registry files (Computer and User parts); on a standalone "
		    "machine apply them with LGPO.exe /m "
		    "gpo\\Machine\\Registry.pol and LGPO.exe /u "
		    "gpo\\User\\Registry.pol, or LGPO.exe /t gpo\\lgpo.txt. "
		    "The files under gpo\\rollback and gpo\\lgpo-rollback.txt "
		    "delete the values again.");
	else if (hkcu)
		buf_adds(&b, "gpo\\User\\Registry.pol holds the same values "
		    "as a GPO's User registry file; on a standalone machine "
		    "apply it with LGPO.exe /u gpo\\User\\Registry.pol, or "
		    "LGPO.exe /t gpo\\lgpo.txt. gpo\\rollback\\User\\Registry.pol "
		    "and gpo\\lgpo-rollback.txt delete the values again.");
	else
		buf_adds(&b, "gpo\\Machine\\Registry.pol holds the same "
		    "values as a GPO's registry file; on a standalone machine "
		    "apply it with LGPO.exe /m gpo\\Machine\\Registry.pol, or "
		    "LGPO.exe /t gpo\\lgpo.txt. "
		    "gpo\\rollback\\Machine\\Registry.pol and "
		    "gpo\\lgpo-rollback.txt delete the values again.");
	wrap(&b, out);
	buf_free(&b);
}

/* Which values a GPO tattoos, and how they are undone. */
static void
readme_tattoo(const struct plan *pl, struct buf *out)
{
	struct buf	b;
	size_t		outside;

	buf_init(&b);
	outside = plan_gpo_tattoos(pl);
	if (outside == 0)
		buf_adds(&b, "These values lie under Software\\Policies: "
		    "unlinking a Group Policy that sets them removes them "
		    "again.");
	else
		buf_printf(&b, "%s%zu of these %zu values lie outside "
		    "Software\\Policies: a Group Policy that sets them as policy "
		    "(the ADMX template, Registry.pol, LGPO) \"tattoos\" the "
		    "registry, and unlinking the GPO does not undo them%s. Roll "
		    "back with the rollback script or rollback.reg.",
		    outside == pl->n ? "All " : "", outside,
		    pl->n, plan_gpo_count(pl, plan_gpo_preference) > 0 ?
		    " (the GPO backup's Preferences items do: see above)" : "");
	wrap(&b, out);
	buf_addc(out, '\n');
	buf_free(&b);
}

/* detect says "not applicable" where apply would refuse TLS 1.3. */
static char *
readme_tls13_na(const struct plan *pl)
{
	if (!plan_enables_tls13(pl))
		return xstrdup("");
	return xasprintf("This policy turns TLS 1.3 on: on a Windows build "
	    "before %u, which has none,\napply refuses it (exit 3) and detect "
	    "says \"not applicable\" (exit 0, no drift to\nremediate): assign "
	    "the policy only to build %u or later (in Intune, a filter\non "
	    "the OS version).\n", os_protocol_first_build(PROTO_TLS13),
	    os_protocol_first_build(PROTO_TLS13));
}

/* One '=' per character of the name, not per byte. */
static void
readme_underline(const char *name, struct buf *out)
{
	for (; *name != '\0'; name++) {
		if (((unsigned char)*name & 0xc0) != 0x80)
			buf_addc(out, '=');
	}
}

/* Who runs the scripts: by the hives the plan writes. */
static const char *
readme_run_as(int hklm, int hkcu)
{
	if (hklm && hkcu)
		return "Elevated, as the user whose HKCU values these are (an "
		    "administrator,\nnot SYSTEM), on each machine, one of:";
	if (hklm)
		return "Elevated (as Administrator or SYSTEM), on each machine, "
		    "one of:";
	return "As the user whose settings these are (not as SYSTEM; "
	    "no\nelevation needed), on each machine, one of:";
}

static const char *
readme_user_scope(int hklm, int hkcu)
{
	if (!hkcu)
		return "";
	if (!hklm)
		return "\nThe HKEY_CURRENT_USER values are refused as SYSTEM "
		    "(exit 2), whose HKCU is\nno user's: deploy them through "
		    "the GPO's User part\n(gpo\\User\\Registry.pol) or run "
		    "the scripts as the user.\n";
	return "\nThis policy sets values in both HKEY_LOCAL_MACHINE and "
	    "HKEY_CURRENT_USER,\nand no one agent can apply both: SYSTEM "
	    "(Intune, ConfigMgr, a GPO startup\nscript) may write HKLM but "
	    "has no user's HKCU, so the scripts refuse it\n(exit 2); a user "
	    "has an HKCU but may not write HKLM. Run them elevated as\neach "
	    "user, or split the policy: one without [wininet] scope = user, "
	    "applied\nas SYSTEM, and one with only [wininet] scope = user, "
	    "applied as each user\n(or through the GPO's User part, "
	    "gpo\\User\\Registry.pol).\n";
}

/* The README's parts that are made from the plan, rendered apart. */
enum readme_part {
	RP_CHANGES, RP_WARNINGS, RP_UNDERLINE, RP_POL, RP_TATTOO, RP_GPO,
	RP_SCOPE, RP_NEEDS, RP_CAVEATS, RP_COUNT
};

static void
write_readme(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct plan	*pl = ctx->plan;
	const struct policy	*p = pl->policy;
	struct buf		 part[RP_COUNT];
	char			*imp, *imp_alt, *imp_rb, *tls13na, count[32];
	int			 hklm, hkcu, i;

	for (i = 0; i < RP_COUNT; i++)
		buf_init(&part[i]);
	readme_os(pl, &part[RP_SCOPE], &part[RP_NEEDS], &part[RP_CAVEATS]);
	readme_gpo_backup(pl, &part[RP_GPO]);
	readme_changes(pl, &part[RP_CHANGES]);
	readme_switches(pl->policy, &part[RP_CHANGES]);
	plan_write_suites(pl, &part[RP_CHANGES]);
	readme_warnings(ctx->warnings, &part[RP_WARNINGS]);
	readme_underline(p->name, &part[RP_UNDERLINE]);
	readme_tattoo(pl, &part[RP_TATTOO]);
	snprintf(count, sizeof count, "%zu", pl->n);
	hklm = plan_has_hive(pl, HIVE_HKLM);
	hkcu = plan_has_hive(pl, HIVE_HKCU);
	readme_pol(hklm, hkcu, &part[RP_POL]);
	tls13na = readme_tls13_na(pl);
	imp = os_reg_import_line("reg\\apply.reg");
	imp_alt = os_reg_import_alt("reg\\apply.reg");
	imp_rb = os_reg_import_line("reg\\rollback.reg");
	{
		const struct template_var vars[] = {
			{ "NAME", p->name },
			{ "UNDERLINE", buf_cstr(&part[RP_UNDERLINE]) },
			{ "ID", p->id },
			{ "VERSION", p->version },
			{ "DESCRIPTION", *p->description != '\0' ?
			    p->description : "(none)" },
			{ "TOOL_VERSION", PACKAGE_VERSION },
			{ "COUNT", count },
			{ "CHANGES", buf_cstr(&part[RP_CHANGES]) },
			{ "WARNINGS", buf_cstr(&part[RP_WARNINGS]) },
			{ "RUN_AS", readme_run_as(hklm, hkcu) },
			{ "BACKUP_ROOT", hkcu ? "%LOCALAPPDATA%\\tlsgpo" :
			    "%ProgramData%\\tlsgpo" },
			{ "USER_SCOPE", readme_user_scope(hklm, hkcu) },
			{ "POL_TEXT", buf_cstr(&part[RP_POL]) },
			{ "TATTOO", buf_cstr(&part[RP_TATTOO]) },
			{ "GPO_BACKUP", buf_cstr(&part[RP_GPO]) },
			{ "OS_SCOPE", buf_cstr(&part[RP_SCOPE]) },
			{ "OS_NEEDS", buf_cstr(&part[RP_NEEDS]) },
			{ "DOTNET_CAVEATS", buf_cstr(&part[RP_CAVEATS]) },
			{ "TLS13_NA", tls13na },
			{ "IMPORT_APPLY", imp },
			{ "IMPORT_APPLY_ALT", imp_alt },
			{ "IMPORT_ROLLBACK", imp_rb },
		};
		template_render(em->template, vars,
		    sizeof vars / sizeof vars[0], out);
	}
	for (i = 0; i < RP_COUNT; i++)
		buf_free(&part[i]);
	free(imp);
	free(imp_alt);
	free(imp_rb);
	free(tls13na);
}

const struct emitter emitter_readme = {
	"readme", "README.txt", ENC_UTF8_BOM, 1, "package-readme.txt",
	write_readme, NULL
};
