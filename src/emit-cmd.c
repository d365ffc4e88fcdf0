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
 * scripts/apply.cmd, rollback.cmd, detect.cmd: batch files that use only
 * reg.exe, for machines where PowerShell is locked down. The bodies are
 * templates (the .cmd files in templates/); this file renders the plan into labels the
 * templates call (:op_N, :key_N) and escapes the policy's own text.
 */

/*
 * One row of the plan for set "NAME=F1|F2|...": the fields are tlsgpo's
 * own keys, words and labels, never the policy's text; a quote, percent
 * sign, caret, exclamation mark or bar there is a bug.
 */
static void
cmd_row(struct buf *out, const char *name, const char *const *fields,
    size_t n)
{
	size_t	i;

	buf_printf(out, "set \"%s=", name);
	for (i = 0; i < n; i++) {
		if (strpbrk(fields[i], "\"%!^|") != NULL) {
			fprintf(stderr, "tlsgpo: internal error: cmd value %s\n",
			    fields[i]);
			abort();
		}
		buf_printf(out, "%s%s", i > 0 ? "|" : "", fields[i]);
	}
	buf_adds(out, "\"\n");
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

/* The 1-based index in the key table of the key an operation writes. */
static size_t
op_key_index(const struct plan_op *op, const struct plan_key *keys, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (keys[i].hive == op->hive && keys[i].view == op->view &&
		    strcmp(keys[i].key, op->key) == 0)
			return i + 1;
	}
	fprintf(stderr, "tlsgpo: internal error: no key for %s\n", op->key);
	abort();
}

/*
 * One string of a REG_SZ or REG_MULTI_SZ value as the scripts carry it: in
 * a row, in reg add's /d "..." (where reg.exe reads \" as a quote and \0
 * as REG_MULTI_SZ's separator), in echo lines that cmd parses inside
 * ( ... ) blocks, and compared with reg query's line, whose leading blanks
 * FOR /F drops. Suite, curve and cipher names hold only letters, digits,
 * '_', ' ', '/', '-' and '.', and Functions joins them with ','; anything
 * else, or a blank first or an empty string, is a bug (the lint refuses
 * it first).
 */
static void
cmd_check_text(const char *s)
{
	const char	*c;

	for (c = s; *c != '\0'; c++) {
		if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
		    (*c >= '0' && *c <= '9') || strchr("_ /-.,", *c) != NULL)
			continue;
		break;
	}
	if (*c == '\0' && *s != '\0' && *s != ' ')
		return;
	fprintf(stderr, "tlsgpo: internal error: cmd text data '%s'\n", s);
	abort();
}

/*
 * The data of an operation as its row carries it: REG_DWORD's as 0x%08X,
 * REG_SZ's string, REG_MULTI_SZ's strings joined by \0 (reg.exe's
 * separator for /d, and how reg query shows them). Caller frees.
 */
static char *
cmd_op_data(const struct plan_op *op)
{
	const char	*s;

	if (op->type != REG_TYPE_SZ && op->type != REG_TYPE_MULTI_SZ)
		return xasprintf("0x%08X", (unsigned)op->data);
	for (s = plan_op_text_next(op, NULL); s != NULL;
	    s = plan_op_text_next(op, s))
		cmd_check_text(s);
	if (op->type == REG_TYPE_SZ)
		return xstrdup(op->text);
	return plan_op_text_join(op, "\\0");
}

/* Whether the plan sets a REG_SZ or REG_MULTI_SZ value. */
static int
cmd_has_text(const struct plan *pl)
{
	size_t	i;

	for (i = 0; i < pl->n; i++)
		if (pl->ops[i].type == REG_TYPE_SZ ||
		    pl->ops[i].type == REG_TYPE_MULTI_SZ)
			return 1;
	return 0;
}

/* The plan as variables OP_1..OP_n, KEY|VIEW|NAME|TYPE|DATA|K|LABEL. */
static void
cmd_op_table(const struct plan *pl, const struct plan_key *keys, size_t nkeys,
    struct buf *out)
{
	const struct plan_op	*op;
	char			*key, *data, *k, *label, *phys, *name;
	size_t			 i;

	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		key = xasprintf("%s\\%s", hive_short_name(op->hive), op->key);
		data = cmd_op_data(op);
		k = xasprintf("%zu", op_key_index(op, keys, nkeys));
		phys = plan_op_physical_key(op);
		label = xasprintf("%s\\%s [%s] %s", hive_short_name(op->hive),
		    phys, view_label(op->view), op->value);
		name = xasprintf("OP_%zu", i + 1);
		{
			const char *const f[] = { key, view_flag(op->view),
			    op->value, reg_type_name(op->type), data, k, label };

			cmd_row(out, name, f, sizeof f / sizeof f[0]);
		}
		free(name);
		free(label);
		free(phys);
		free(k);
		free(data);
		free(key);
	}
}

/*
 * The 1-based index in the key table of the parent of key i, or 0 when
 * the parent is not in it (a key every Windows has).
 */
static size_t
key_parent_index(const struct plan_key *keys, size_t n, size_t i)
{
	const char	*slash = strrchr(keys[i].key, '\\');
	size_t		 j, len;

	if (slash == NULL)
		return 0;
	len = (size_t)(slash - keys[i].key);
	for (j = 0; j < n; j++) {
		if (keys[j].hive == keys[i].hive &&
		    keys[j].view == keys[i].view &&
		    strlen(keys[j].key) == len &&
		    strncmp(keys[j].key, keys[i].key, len) == 0)
			return j + 1;
	}
	return 0;
}

/*
 * The keys as K_1..K_n, PATH|VIEW|HOLDS|FULL|LABEL|PARENT|PPATH; FULL is
 * the key's own name as reg query prints it (and lists it under its
 * parent), PARENT the parent's index in the table or 0, PPATH the
 * parent's path.
 */
static void
cmd_key_table(const struct plan_key *keys, size_t n, struct buf *out)
{
	char	*path, *full, *label, *name, *ppath, parent[32];
	size_t	 i;

	for (i = 0; i < n; i++) {
		path = xasprintf("%s\\%s", hive_short_name(keys[i].hive),
		    keys[i].key);
		full = xasprintf("%s\\%s", hive_long_name(keys[i].hive),
		    keys[i].key);
		label = xasprintf("%s\\%s [%s]", hive_short_name(keys[i].hive),
		    keys[i].key, view_label(keys[i].view));
		name = xasprintf("K_%zu", i + 1);
		ppath = xstrdup(path);
		if (strrchr(ppath, '\\') != NULL)
			*strrchr(ppath, '\\') = '\0';
		snprintf(parent, sizeof parent, "%zu",
		    key_parent_index(keys, n, i));
		{
			const char *const f[] = { path, view_flag(keys[i].view),
			    keys[i].holds_values ? "1" : "0", full, label,
			    parent, ppath };

			cmd_row(out, name, f, sizeof f / sizeof f[0]);
		}
		free(ppath);
		free(name);
		free(label);
		free(full);
		free(path);
	}
}

/*
 * What each Windows build needs for this plan (os.c, plan_os_needs), as
 * OSR_1..OSR_n, MIN|MAX|WINHTTP_KB|PARTIAL|NET35_KB|TLS13_LACKING|TLS12_KB|
 * NAMES;
 * "-" for none (FOR /F merges empty fields).
 */
/*
 * The no-TLS check's field of an OS row: "-" none; else the minor versions
 * of the TLS 1.x protocols to look at on the machine ("1 2"; apply.cmd
 * reads "TLS 1.%v"), "0" when there are none.
 */
static const char *
cmd_tls_minors(const struct plan_os_need *n, char *buf, size_t size)
{
	size_t	i, used = 0;

	if (!n->no_tls_left)
		return "-";
	buf[0] = '\0';
	for (i = PROTO_TLS10; i <= PROTO_TLS13; i++)
		if ((n->no_tls_check & (1U << i)) && used < size)
			used += (size_t)snprintf(buf + used, size - used, "%s%s",
			    used == 0 ? "" : " ",
			    strrchr(protocols[i].display, '.') + 1);
	return used == 0 ? "0" : buf;
}

static size_t
cmd_os_table(const struct plan *pl, struct buf *out)
{
	struct plan_os_need	 need[32];
	char			 lo[16], hi[16], minors[16], *name;
	size_t			 i, n;

	n = plan_os_needs(pl, need, sizeof need / sizeof need[0]);
	for (i = 0; i < n; i++) {
		snprintf(lo, sizeof lo, "%u", need[i].build_min);
		snprintf(hi, sizeof hi, "%u", need[i].build_max);
		name = xasprintf("OSR_%zu", i + 1);
		{
			const char *const f[] = { lo, hi,
			    need[i].winhttp_kb != NULL ? need[i].winhttp_kb : "-",
			    need[i].winhttp_partial ? "1" : "0",
			    need[i].dotnet35_kb != NULL ? need[i].dotnet35_kb :
			    "-", need[i].tls13_lacking ? "1" : "0",
			    need[i].tls12_kb != NULL ? need[i].tls12_kb : "-",
			    need[i].tls10_off ? "1" : "0",
			    cmd_tls_minors(&need[i], minors, sizeof minors),
			    need[i].rdp_kb != NULL ? need[i].rdp_kb : "-",
			    need[i].display };

			cmd_row(out, name, f, sizeof f / sizeof f[0]);
		}
		free(name);
	}
	return n;
}

/*
 * The check of who may change the backup folders, which the .ps1 scripts
 * run in-process and the .cmd scripts hand to powershell.exe as one
 * -Command "..." argument: it must hold no double quote (it would end the
 * argument) and no percent sign (cmd would expand it).
 */
static void
cmd_acl_check(struct buf *out)
{
	template_joined("acl-check.ps1", out);
	if (strpbrk(buf_cstr(out), "\"%") != NULL) {
		fprintf(stderr, "tlsgpo: internal error: acl-check.ps1 holds "
		    "a quote or a percent sign\n");
		abort();
	}
}

/*
 * What the scripts add for a plan with REG_SZ or REG_MULTI_SZ values; for
 * one of REG_DWORDs only they stay as they were, byte for byte.
 * QUERY_TEXT, in common.cmd's :query: a text value is the same when reg
 * query shows its name (any case), the operation's type and, after it,
 * exactly the row's data (REG_MULTI_SZ's strings joined by \0, as reg
 * query shows them), compared as FOR variables, never expanded. DATA_ARG,
 * apply.cmd's reg add /d: quoted, for data with blanks.
 */
static const char cmd_query_text[] =
    "if not \"%OP_TYPE%\"==\"REG_DWORD\" for /f \"usebackq tokens=1,2,*\" "
    "%%a in (\"%W%\\k%OP_K%.out\") do if /i \"%%a\"==\"%OP_NAME%\" "
    "if \"%%b|%%c\"==\"%OP_TYPE%|%OP_DATA%\" set \"Q_SAME=1\"\n";

static void
write_cmd(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct plan	*pl = ctx->plan;
	const struct policy	*p = pl->policy;
	struct plan_key		*keys;
	struct buf		 ops, keytab, ostab, common, tail, echo, acl;
	char			 opcount[32], keycount[32], oscount[32], tls13[16], *who;
	char			 id[17];
	size_t			 nkeys;
	int			 text = cmd_has_text(pl);

	buf_init(&ops);
	buf_init(&keytab);
	buf_init(&ostab);
	buf_init(&common);
	buf_init(&tail);
	buf_init(&echo);
	buf_init(&acl);
	cmd_acl_check(&acl);
	nkeys = plan_keys(pl, &keys);
	cmd_op_table(pl, keys, nkeys, &ops);
	cmd_key_table(keys, nkeys, &keytab);
	snprintf(oscount, sizeof oscount, "%zu", cmd_os_table(pl, &ostab));
	who = xasprintf("%s (id %s, version %s)", p->name, p->id, p->version);
	cmd_escape_echo(&echo, who);
	free(who);
	snprintf(opcount, sizeof opcount, "%zu", pl->n);
	snprintf(keycount, sizeof keycount, "%zu", nkeys);
	snprintf(tls13, sizeof tls13, "%u", os_protocol_first_build(PROTO_TLS13));
	plan_id(pl, id);
	{
		const struct template_var tables[] = {
			{ "OP_TABLE", buf_cstr(&ops) },
			{ "KEY_TABLE", buf_cstr(&keytab) },
			{ "OS_TABLE", buf_cstr(&ostab) },
			{ "ACL_CHECK", buf_cstr(&acl) },
		};
		const struct template_var cvars[] = {
			{ "QUERY_TEXT", text ? cmd_query_text : "" },
		};
		template_render("common.cmd", cvars,
		    sizeof cvars / sizeof cvars[0], &common);
		template_render("common-tail.cmd", tables,
		    sizeof tables / sizeof tables[0], &tail);
	}
	{
		const struct template_var vars[] = {
			{ "TOOL_VERSION", PACKAGE_VERSION },
			{ "ID", p->id },
			{ "VERSION", p->version },
			{ "OP_COUNT", opcount },
			{ "KEY_COUNT", keycount },
			{ "POLICY_ECHO", buf_cstr(&echo) },
			{ "NEEDS_TLS13", plan_enables_tls13(pl) ? "1" : "0" },
			{ "HAS_HKLM", plan_has_hive(pl, HIVE_HKLM) ? "1" : "0" },
			{ "HAS_HKCU", plan_has_hive(pl, HIVE_HKCU) ? "1" : "0" },
			{ "PLAN_ID", id },
			{ "OS_COUNT", oscount },
			{ "COMMON", buf_cstr(&common) },
			{ "COMMON_TAIL", buf_cstr(&tail) },
			/* os.c's words: letters, digits, ".", ",", " " */
			{ "WINHTTP_KBS", os_winhttp_kbs() },
			{ "EASYFIX_KB", os_easyfix_kb() },
			{ "EASYFIX", os_easyfix() },
			{ "TLS13_WHERE", os_tls13_where() },
			{ "TLS13_BUILD", tls13 },
			{ "DATA_ARG", text ? "\"%OP_DATA%\"" : "%OP_DATA%" },
		};
		template_render(em->template, vars,
		    sizeof vars / sizeof vars[0], out);
	}
	plan_keys_free(keys, nkeys);
	buf_free(&ops);
	buf_free(&keytab);
	buf_free(&ostab);
	buf_free(&common);
	buf_free(&tail);
	buf_free(&echo);
	buf_free(&acl);
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
