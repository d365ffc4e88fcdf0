#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emitter.h"
#include "policy.h"
#include "template.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * scripts/apply.cmd, rollback.cmd, detect.cmd: batch files that use only
 * reg.exe, for machines where PowerShell is locked down. The bodies are
 * templates (the .cmd files in templates/); this file renders the plan into labels the
 * templates call (:op_N, :key_N) and escapes the policy's own text.
 */

/*
 * Text for an echo command outside quotes, with delayed expansion off:
 * every character cmd.exe treats specially is escaped with a caret (a quote
 * too, so that no quoted stretch turns the carets off), % is doubled, and
 * a code point outside ASCII becomes <U+XXXX>, so that the file is ASCII
 * and no code page can change what it says.
 */
static void
cmd_escape_echo(struct buf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 i, k, n = strlen(s);

	for (i = 0; i < n; i += k) {
		k = utf8_decode(p + i, n - i, &cp);
		if (k == 0) {
			cp = 0xfffd;
			k = 1;
		}
		if (cp >= 0x80) {
			buf_printf(out, "^<U+%04X^>", (unsigned)cp);
			continue;
		}
		if (strchr("^&|<>()\"", (int)cp) != NULL && cp != 0)
			buf_addc(out, '^');
		if (cp == '%')
			buf_addc(out, '%');
		buf_addc(out, (char)cp);
	}
}

/*
 * A value for set "NAME=VALUE". The plan's keys and labels are tlsgpo's
 * own, never the policy's text; a quote or percent sign there is a bug.
 */
static void
cmd_set(struct buf *out, const char *name, const char *value)
{
	if (strpbrk(value, "\"%!^") != NULL) {
		fprintf(stderr, "tlsgpo: internal error: cmd value %s\n", value);
		abort();
	}
	buf_printf(out, "set \"%s=%s\"\n", name, value);
}

/*
 * Every reg.exe call names its view: a 32-bit host (an Intune Win32 app,
 * a ConfigMgr task sequence) would otherwise see the redirected one. A key
 * WOW64 does not redirect reads the same in both; /reg:64 names the
 * native view, which on 32-bit Windows is the only one.
 */
static const char *
view_flag(enum reg_view v)
{
	return v == VIEW_32 ? "/reg:32" : "/reg:64";
}

static int
plan_has_hive(const struct plan *pl, enum reg_hive h)
{
	size_t	i;

	for (i = 0; i < pl->n; i++) {
		if (pl->ops[i].hive == h)
			return 1;
	}
	return 0;
}

static void
cmd_op_table(const struct plan *pl, struct buf *out)
{
	const struct plan_op	*op;
	char			*s, *phys;
	size_t			 i;

	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		buf_printf(out, ":op_%zu\n", i + 1);
		s = xasprintf("%s\\%s", hive_short_name(op->hive), op->key);
		cmd_set(out, "OP_KEY", s);
		free(s);
		cmd_set(out, "OP_VIEW", view_flag(op->view));
		cmd_set(out, "OP_NAME", op->value);
		cmd_set(out, "OP_TYPE", reg_type_name(op->type));
		s = xasprintf("0x%08X", (unsigned)op->data);
		cmd_set(out, "OP_DATA", s);
		free(s);
		phys = plan_op_physical_key(op);
		s = xasprintf("%s\\%s [%s] %s", hive_short_name(op->hive), phys,
		    view_label(op->view), op->value);
		cmd_set(out, "OP_LABEL", s);
		free(s);
		free(phys);
		buf_adds(out, "exit /b 0\n");
	}
}

static void
cmd_key_table(const struct plan_key *keys, size_t n, struct buf *out)
{
	char	*s;
	size_t	 i;

	for (i = 0; i < n; i++) {
		buf_printf(out, ":key_%zu\n", i + 1);
		s = xasprintf("%s\\%s", hive_short_name(keys[i].hive),
		    keys[i].key);
		cmd_set(out, "K_PATH", s);
		free(s);
		cmd_set(out, "K_VIEW", view_flag(keys[i].view));
		cmd_set(out, "K_HOLDS", keys[i].holds_values ? "1" : "0");
		s = xasprintf("%s\\%s [%s]", hive_short_name(keys[i].hive),
		    keys[i].key, view_label(keys[i].view));
		cmd_set(out, "K_LABEL", s);
		free(s);
		/* The key's own name as reg query prints it. */
		s = xasprintf("%s\\%s", hive_long_name(keys[i].hive),
		    keys[i].key);
		cmd_set(out, "K_FULL", s);
		free(s);
		buf_adds(out, "exit /b 0\n");
	}
}

static void
write_cmd(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct plan	*pl = ctx->plan;
	const struct policy	*p = pl->policy;
	struct plan_key		*keys;
	struct buf		 ops, keytab, common, echo;
	char			 opcount[32], keycount[32], *who;
	size_t			 nkeys;

	buf_init(&ops);
	buf_init(&keytab);
	buf_init(&common);
	buf_init(&echo);
	nkeys = plan_keys(pl, &keys);
	cmd_op_table(pl, &ops);
	cmd_key_table(keys, nkeys, &keytab);
	who = xasprintf("%s (id %s, version %s)", p->name, p->id, p->version);
	cmd_escape_echo(&echo, who);
	free(who);
	snprintf(opcount, sizeof opcount, "%zu", pl->n);
	snprintf(keycount, sizeof keycount, "%zu", nkeys);
	{
		const struct template_var tables[] = {
			{ "OP_TABLE", buf_cstr(&ops) },
			{ "KEY_TABLE", buf_cstr(&keytab) },
		};
		template_render("common.cmd", tables, 2, &common);
	}
	{
		const struct template_var vars[] = {
			{ "TOOL_VERSION", PACKAGE_VERSION },
			{ "ID", p->id },
			{ "VERSION", p->version },
			{ "OP_COUNT", opcount },
			{ "KEY_COUNT", keycount },
			{ "POLICY_ECHO", buf_cstr(&echo) },
			{ "NEEDS_KB", plan_sets_winhttp(pl) ? "1" : "0" },
			{ "NEEDS_TLS13", plan_enables_tls13(pl) ? "1" : "0" },
			{ "HAS_HKLM", plan_has_hive(pl, HIVE_HKLM) ? "1" : "0" },
			{ "HAS_HKCU", plan_has_hive(pl, HIVE_HKCU) ? "1" : "0" },
			{ "COMMON", buf_cstr(&common) },
		};
		template_render(em->template, vars,
		    sizeof vars / sizeof vars[0], out);
	}
	plan_keys_free(keys, nkeys);
	buf_free(&ops);
	buf_free(&keytab);
	buf_free(&common);
	buf_free(&echo);
}

const struct emitter emitter_cmd_apply = {
	"cmd-apply", "scripts/apply.cmd", ENC_ASCII, 1, "apply.cmd", write_cmd, NULL
};

const struct emitter emitter_cmd_rollback = {
	"cmd-rollback", "scripts/rollback.cmd", ENC_ASCII, 1, "rollback.cmd",
	write_cmd, NULL
};

const struct emitter emitter_cmd_detect = {
	"cmd-detect", "scripts/detect.cmd", ENC_ASCII, 1, "detect.cmd",
	write_cmd, NULL
};
