#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emitter.h"
#include "os.h"
#include "policy.h"
#include "quote.h"
#include "template.h"
#include "xmalloc.h"

/*
 * scripts/apply.ps1, rollback.ps1, detect.ps1: the PowerShell twins of the
 * .cmd scripts. The bodies are templates (the .ps1 files in templates/);
 * this file renders the plan as PowerShell data and quotes the policy's
 * own text.
 */

/*
 * An operation's data as PowerShell: a REG_DWORD as a number, a REG_SZ as a
 * single-quoted string, a REG_MULTI_SZ as a [string[]] (.NET's SetValue
 * takes MultiString only from a string[], never from PowerShell's
 * object[]).
 */
static void
ps_op_data(struct buf *out, const struct plan_op *op)
{
	const char	*s, *sep = "";

	switch (op->type) {
	case REG_TYPE_SZ:
		ps_quote(out, op->text != NULL ? op->text : "");
		return;
	case REG_TYPE_MULTI_SZ:
		buf_adds(out, "[string[]]@(");
		for (s = plan_op_text_next(op, NULL); s != NULL;
		    s = plan_op_text_next(op, s)) {
			buf_adds(out, sep);
			ps_quote(out, s);
			sep = ", ";
		}
		buf_addc(out, ')');
		return;
	default:
		buf_printf(out, "%u", (unsigned)op->data);
	}
}

static void
ps_plan_table(const struct plan *pl, struct buf *out)
{
	const struct plan_op	*op;
	char			*phys, *label;
	size_t			 i;

	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		phys = plan_op_physical_key(op);
		label = xasprintf("%s\\%s [%s] %s", hive_short_name(op->hive),
		    phys, view_label(op->view), op->value);
		buf_printf(out, "    @{ Index = %zu; Hive = '%s'; View = '%s'; "
		    "Key = ", i + 1, hive_short_name(op->hive),
		    view_name(op->view));
		ps_quote(out, op->key);
		buf_adds(out, "; Name = ");
		ps_quote(out, op->value);
		buf_printf(out, "; Type = '%s'; Data = ",
		    reg_type_name(op->type));
		ps_op_data(out, op);
		buf_adds(out, "; Label = ");
		ps_quote(out, label);
		buf_printf(out, " }%s\n", i + 1 < pl->n ? "," : "");
		free(label);
		free(phys);
	}
}

static void
ps_key_table(const struct plan_key *keys, size_t n, struct buf *out)
{
	char	*label;
	size_t	 i;

	for (i = 0; i < n; i++) {
		label = xasprintf("%s\\%s [%s]", hive_short_name(keys[i].hive),
		    keys[i].key, view_label(keys[i].view));
		buf_printf(out, "    @{ Index = %zu; Hive = '%s'; View = '%s'; "
		    "Key = ", i + 1, hive_short_name(keys[i].hive),
		    view_name(keys[i].view));
		ps_quote(out, keys[i].key);
		buf_printf(out, "; HoldsValues = $%s; Label = ",
		    keys[i].holds_values ? "true" : "false");
		ps_quote(out, label);
		buf_printf(out, " }%s\n", i + 1 < n ? "," : "");
		free(label);
	}
}

/* What each Windows build needs for this plan (os.c, plan_os_needs). */
/* A KB number as a PowerShell string, or $null. */
static void
ps_kb(struct buf *out, const char *kb)
{
	if (kb != NULL)
		buf_printf(out, "'%s'", kb);
	else
		buf_adds(out, "$null");
}

/* @('TLS 1.1', 'TLS 1.2'): the SCHANNEL key names of a set of protocols. */
static void
ps_protocol_names(struct buf *out, proto_set set)
{
	const char	*sep = "";
	size_t		 i;

	buf_adds(out, "@(");
	for (i = 0; i < PROTO_COUNT; i++) {
		if (!(set & (1U << i)))
			continue;
		buf_adds(out, sep);
		ps_quote(out, protocols[i].display);
		sep = ", ";
	}
	buf_addc(out, ')');
}

static void
ps_os_table(const struct plan *pl, struct buf *out)
{
	struct plan_os_need	 need[32];
	size_t			 i, n;

	n = plan_os_needs(pl, need, sizeof need / sizeof need[0]);
	for (i = 0; i < n; i++) {
		buf_printf(out, "    @{ Min = %u; Max = %u; WinHttpKb = ",
		    need[i].build_min, need[i].build_max);
		ps_kb(out, need[i].winhttp_kb);
		buf_printf(out, "; WinHttpPartial = $%s; DotNet35Kb = ",
		    need[i].winhttp_partial ? "true" : "false");
		ps_kb(out, need[i].dotnet35_kb);
		buf_printf(out, "; Tls13Lacking = $%s; Tls12Kb = ",
		    need[i].tls13_lacking ? "true" : "false");
		ps_kb(out, need[i].tls12_kb);
		buf_printf(out, "; Tls10Off = $%s; NoTlsLeft = ",
		    need[i].tls10_off ? "true" : "false");
		if (!need[i].no_tls_left)
			buf_adds(out, "$null");
		else
			ps_protocol_names(out, need[i].no_tls_check);
		buf_adds(out, "; RdpKb = ");
		ps_kb(out, need[i].rdp_kb);
		buf_adds(out, "; Name = ");
		ps_quote(out, need[i].display);
		buf_printf(out, " }%s\n", i + 1 < n ? "," : "");
	}
	if (out->len > 0)
		out->data[--out->len] = '\0';
}

static void
write_ps1(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct plan	*pl = ctx->plan;
	const struct policy	*p = pl->policy;
	struct plan_key		*keys;
	struct buf		 plan, keytab, ostab, common, pname, pid, pver;
	struct buf		 acl;
	char			 opcount[32], tls13[16], id[17], *idq;
	size_t			 nkeys;

	buf_init(&plan);
	buf_init(&keytab);
	buf_init(&ostab);
	buf_init(&common);
	buf_init(&pname);
	buf_init(&pid);
	buf_init(&pver);
	buf_init(&acl);
	template_joined("acl-check.ps1", &acl);
	nkeys = plan_keys(pl, &keys);
	ps_plan_table(pl, &plan);
	ps_key_table(keys, nkeys, &keytab);
	ps_os_table(pl, &ostab);
	/* The tables end without a newline: the template supplies it. */
	if (plan.len > 0)
		plan.data[--plan.len] = '\0';
	if (keytab.len > 0)
		keytab.data[--keytab.len] = '\0';
	ps_quote(&pname, p->name);
	ps_quote(&pid, p->id);
	ps_quote(&pver, p->version);
	snprintf(opcount, sizeof opcount, "%zu", pl->n);
	snprintf(tls13, sizeof tls13, "%u", os_protocol_first_build(PROTO_TLS13));
	plan_id(pl, id);
	idq = xasprintf("'%s'", id);
	{
		const struct template_var vars[] = {
			{ "POLICY_NAME", buf_cstr(&pname) },
			{ "POLICY_ID", buf_cstr(&pid) },
			{ "POLICY_VERSION", buf_cstr(&pver) },
			{ "PLAN_TABLE", buf_cstr(&plan) },
			{ "KEY_TABLE", buf_cstr(&keytab) },
			{ "PLAN_ID", idq },
			{ "OS_TABLE", buf_cstr(&ostab) },
			{ "ACL_CHECK", buf_cstr(&acl) },
		};
		template_render("common.ps1", vars,
		    sizeof vars / sizeof vars[0], &common);
	}
	{
		const struct template_var vars[] = {
			{ "TOOL_VERSION", PACKAGE_VERSION },
			{ "ID", p->id },
			{ "VERSION", p->version },
			{ "OP_COUNT", opcount },
			{ "NEEDS_TLS13", plan_enables_tls13(pl) ? "$true" :
			    "$false" },
			{ "COMMON", buf_cstr(&common) },
			/* os.c's words: letters, digits, ".", ",", " " */
			{ "WINHTTP_KBS", os_winhttp_kbs() },
			{ "EASYFIX_KB", os_easyfix_kb() },
			{ "EASYFIX", os_easyfix() },
			{ "TLS13_WHERE", os_tls13_where() },
			{ "TLS13_BUILD", tls13 },
		};
		template_render(em->template, vars,
		    sizeof vars / sizeof vars[0], out);
	}
	plan_keys_free(keys, nkeys);
	free(idq);
	buf_free(&plan);
	buf_free(&keytab);
	buf_free(&ostab);
	buf_free(&common);
	buf_free(&pname);
	buf_free(&pid);
	buf_free(&pver);
	buf_free(&acl);
}

/* UTF-8 with a BOM: Windows PowerShell 5.1 reads BOM-less files as ANSI. */
const struct emitter emitter_ps1_apply = {
	"ps1-apply", "scripts/apply.ps1", ENC_UTF8_BOM, 1, "apply.ps1",
	write_ps1, NULL
};

const struct emitter emitter_ps1_rollback = {
	"ps1-rollback", "scripts/rollback.ps1", ENC_UTF8_BOM, 1, "rollback.ps1",
	write_ps1, NULL
};

const struct emitter emitter_ps1_detect = {
	"ps1-detect", "scripts/detect.ps1", ENC_UTF8_BOM, 1, "detect.ps1",
	write_ps1, NULL
};
