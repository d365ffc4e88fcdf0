#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "emitter.h"
#include "os.h"
#include "policy.h"
#include "plan-gpo.h"
#include "readme-os.h"
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

/* How many values lie outside Software\Policies, which GPOs tattoo. */
static size_t
plan_tattoos(const struct plan *pl)
{
	size_t	i, n = 0;

	for (i = 0; i < pl->n; i++) {
		n += !plan_op_under_policies(&pl->ops[i]);
	}
	return n;
}

static size_t
count_ops(const struct plan *pl,
    int (*pick)(const struct plan *, const struct plan_op *))
{
	size_t	i, n = 0;

	for (i = 0; i < pl->n; i++)
		n += pick(pl, &pl->ops[i]) != 0;
	return n;
}

/* Which Preferences items are targeted (item-level WMI filters), and why. */
static void
readme_gpo_targeting(const struct plan *pl, struct buf *b)
{
	const struct plan_op	*op;
	size_t			 i;
	int			 gated = 0, gated_pol = 0, wow = 0, wow_pol = 0;

	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		if (op->gpo.min_build != 0) {
			gated |= plan_gpo_preference(pl, op);
			gated_pol |= plan_gpo_policy(pl, op);
		}
		if (op->gpo.only_64bit) {
			wow |= plan_gpo_preference(pl, op);
			wow_pol |= plan_gpo_policy(pl, op);
		}
	}
	if (gated)
		buf_adds(b, "Preferences items for a protocol older Windows "
		    "lack (TLS 1.3, DTLS 1.2) apply only where the build has it "
		    "(a WMI filter on the build number). ");
	if (wow)
		buf_adds(b, "Preferences items for the 32-bit view "
		    "(Wow6432Node) apply only on 64-bit Windows (a WMI filter "
		    "on Win32_Processor's AddressWidth), so that 32-bit Windows "
		    "gets no stray Wow6432Node keys. ");
	if (gated_pol || wow_pol)
		buf_adds(b, "registry.pol has no such targeting: every Windows "
		    "the GPO applies to gets those values. ");
}

/* The GPO backup: how to import it, and what [gpo] mode put where. */
static void
readme_gpo_backup(const struct plan *pl, struct buf *out)
{
	const struct policy	*p = pl->policy;
	struct buf		 a, b;
	size_t			 npol, npref, outside, i;
	char			 bid[39];
	int			 user_pref = 0;
	int			 hklm = 0, hkcu = 0;
	const char		*lgpo;

	buf_init(&a);
	buf_init(&b);
	plan_gpo_backup_id(pl, bid);
	npol = count_ops(pl, plan_gpo_policy);
	npref = count_ops(pl, plan_gpo_preference);
	outside = plan_tattoos(pl);
	for (i = 0; i < pl->n; i++) {
		if (pl->ops[i].hive == HIVE_HKCU &&
		    plan_gpo_preference(pl, &pl->ops[i]))
			user_pref = 1;
		hklm |= pl->ops[i].hive == HIVE_HKLM;
		hkcu |= pl->ops[i].hive == HIVE_HKCU;
	}
	buf_printf(&a, "gpo\\backup holds backup %s of a GPO named \"%s\", "
	    "ready to import into a domain GPO in one command (the "
	    "GroupPolicy module, as a GPO editor; -WhatIf shows what it would "
	    "do):", bid, p->gpo_name);
	wrap(&a, out);
	buf_adds(out, "\n\n    powershell.exe -ExecutionPolicy Bypass -File "
	    "gpo\\import-gpo.ps1 [-TargetName NAME] [-WhatIf]\n\n");
	buf_printf(&b, "It runs Import-GPO -BackupId %.36s -Path gpo\\backup "
	    "-TargetName NAME -CreateIfNeeded, and refuses to replace the "
	    "settings of a GPO that exists unless -Force. In GPMC: create an "
	    "empty GPO, right-click it, Import Settings, folder gpo\\backup "
	    "(View Settings there shows the backup's settings report, "
	    "gpreport.xml). Import replaces the target GPO's settings and keeps its links; "
	    "link the GPO yourself. ", bid + 1);
	switch (p->gpo_mode) {
	case GPO_AUTO:
		buf_adds(&b, "[gpo] mode = auto: ");
		if (npref > 0)
			buf_printf(&b, "the %zu value%s outside "
			    "Software\\Policies %s Group Policy Preferences "
			    "items set to \"Remove this item when it is no longer "
			    "applied\"%s", npref, npref == 1 ? "" : "s",
			    npref == 1 ? "is a" : "are", npol > 0 ? "; " : ". ");
		if (npol > 0)
			buf_printf(&b, "the %zu value%s under Software\\Policies "
			    "%s policy (registry.pol), which Group Policy "
			    "removes by itself. ", npol, npol == 1 ? "" : "s",
			    npol == 1 ? "is" : "are");
		break;
	case GPO_PREFERENCES:
		buf_printf(&b, "[gpo] mode = preferences: all %zu values are "
		    "Group Policy Preferences items set to \"Remove this item "
		    "when it is no longer applied\". ", npref);
		break;
	case GPO_POLICY:
		buf_printf(&b, "[gpo] mode = policy: all %zu values are policy "
		    "(registry.pol); the %zu outside Software\\Policies stay "
		    "when the GPO no longer applies (they tattoo). ", npol,
		    outside);
		break;
	case GPO_BOTH:
		buf_printf(&b, "[gpo] mode = both: all %zu values are policy "
		    "(registry.pol) and Group Policy Preferences items set to "
		    "\"Remove this item when it is no longer applied\". ", npol);
		break;
	}
	if (npref > 0)
		buf_adds(&b, "When the GPO stops applying to a machine (unlinked, "
		    "deleted, filtered out), Windows deletes those values: "
		    "that is the Windows default again, not necessarily what was "
		    "there before (the rollback scripts restore that). ");
	if (user_pref)
		buf_printf(&b, "The record of what to remove is kept per machine "
		    "and does not roam (KB %s): with roaming profiles an "
		    "HKEY_CURRENT_USER value can stay behind in the roaming "
		    "hive; use mode = policy or the scripts there. ",
		    os_gpp_roaming_kb());
	readme_gpo_targeting(pl, &b);
	lgpo = hklm && hkcu ? "LGPO.exe /m gpo\\Machine\\Registry.pol and /u "
	    "gpo\\User\\Registry.pol, which hold" : hkcu ? "LGPO.exe /u "
	    "gpo\\User\\Registry.pol, which holds" : "LGPO.exe /m "
	    "gpo\\Machine\\Registry.pol, which holds";
	if (npol == 0)
		buf_printf(&b, "LGPO.exe /g gpo\\backup would apply nothing (LGPO "
		    "knows no Preferences): on a standalone machine use the "
		    "scripts or %s every value.", lgpo);
	else if (npol < pl->n)
		buf_printf(&b, "LGPO.exe /g gpo\\backup applies only "
		    "registry.pol's %zu of the %zu values (LGPO knows no "
		    "Preferences): on a standalone machine use the scripts or "
		    "%s them all.", npol, pl->n, lgpo);
	else
		buf_adds(&b, "LGPO.exe /g gpo\\backup applies registry.pol, "
		    "which holds every value.");
	wrap(&b, out);
	buf_addc(out, '\n');
	buf_free(&a);
	buf_free(&b);
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

static void
write_readme(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct policy	*p = ctx->plan->policy;
	struct buf		 changes, warnings, underline, pol, polw;
	struct buf		 tattoo, tattoow, gpob, scope, needs, caveats;
	char			*imp, *imp_alt, *imp_rb, *tls13na;
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
	buf_init(&gpob);
	buf_init(&scope);
	buf_init(&needs);
	buf_init(&caveats);
	readme_os(ctx->plan, &scope, &needs, &caveats);
	readme_gpo_backup(ctx->plan, &gpob);
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
	hklm = plan_has_hive(ctx->plan, HIVE_HKLM);
	hkcu = plan_has_hive(ctx->plan, HIVE_HKCU);
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
		    "Software\\Policies: a Group Policy that sets them as policy "
		    "(the ADMX template, Registry.pol, LGPO) \"tattoos\" the "
		    "registry, and unlinking the GPO does not undo them%s. Roll "
		    "back with the rollback script or rollback.reg.",
		    outside == ctx->plan->n ? "All " : "", outside,
		    ctx->plan->n, count_ops(ctx->plan, plan_gpo_preference) > 0 ?
		    " (the GPO backup's Preferences items do: see above)" : "");
	wrap(&tattoo, &tattoow);
	buf_addc(&tattoow, '\n');

	/* detect says "not applicable" where apply would refuse TLS 1.3. */
	tls13na = !plan_enables_tls13(ctx->plan) ? xstrdup("") : xasprintf(
	    "This policy turns TLS 1.3 on: on a Windows build before %u, "
	    "which has none,\napply refuses it (exit 3) and detect says "
	    "\"not applicable\" (exit 0, no drift to\nremediate): assign "
	    "the policy only to build %u or later (in Intune, a filter\non "
	    "the OS version).\n", os_protocol_first_build(PROTO_TLS13),
	    os_protocol_first_build(PROTO_TLS13));
	imp = os_reg_import_line("reg\\apply.reg");
	imp_alt = os_reg_import_alt("reg\\apply.reg");
	imp_rb = os_reg_import_line("reg\\rollback.reg");
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
			{ "USER_SCOPE", !hkcu ? "" : !hklm ? "\nThe "
			    "HKEY_CURRENT_USER values are refused as SYSTEM (exit "
			    "2), whose HKCU is\nno user's: deploy them through the "
			    "GPO's User part\n(gpo\\User\\Registry.pol) or run "
			    "the scripts as the user.\n" : "\nThis policy sets "
			    "values in both HKEY_LOCAL_MACHINE and "
			    "HKEY_CURRENT_USER,\nand no one agent can apply both: "
			    "SYSTEM (Intune, ConfigMgr, a GPO startup\nscript) may "
			    "write HKLM but has no user's HKCU, so the scripts "
			    "refuse it\n(exit 2); a user has an HKCU but may not "
			    "write HKLM. Run them elevated as\neach user, or split "
			    "the policy: one without [wininet] scope = user, "
			    "applied\nas SYSTEM, and one with only [wininet] "
			    "scope = user, applied as each user\n(or through the "
			    "GPO's User part, gpo\\User\\Registry.pol).\n" },
			{ "POL_TEXT", buf_cstr(&polw) },
			{ "TATTOO", buf_cstr(&tattoow) },
			{ "GPO_BACKUP", buf_cstr(&gpob) },
			{ "OS_SCOPE", buf_cstr(&scope) },
			{ "OS_NEEDS", buf_cstr(&needs) },
			{ "DOTNET_CAVEATS", buf_cstr(&caveats) },
			{ "TLS13_NA", tls13na },
			{ "IMPORT_APPLY", imp },
			{ "IMPORT_APPLY_ALT", imp_alt },
			{ "IMPORT_ROLLBACK", imp_rb },
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
	buf_free(&gpob);
	buf_free(&scope);
	buf_free(&needs);
	buf_free(&caveats);
	free(imp);
	free(imp_alt);
	free(imp_rb);
	free(tls13na);
}

const struct emitter emitter_readme = {
	"readme", "README.txt", ENC_UTF8_BOM, 1, "package-readme.txt",
	write_readme, NULL
};
