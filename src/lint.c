#include "config.h"

#include <stdio.h>

#include "lint.h"
#include "lint-int.h"
#include "os.h"
#include "policy.h"
#include "policy-int.h"

/*
 * The lint rules over the policy alone, and lint_rules[], which runs every
 * rule (these and lint-target.c's) in a fixed order: the order of the
 * messages is part of tlsgpo's output.
 */

/* Where each protocol is enabled, for the insecure and TLS 1.3 checks. */
struct use {
	int		 line;
	const char	*where;
};

static size_t
uses_of(const struct policy *p, enum proto_id id, struct use *u)
{
	size_t	n = 0;
	int	s;

	if (p->winhttp_protocols & (1U << id)) {
		u[n].line = p->key_line[K_WH_PROTOCOLS];
		u[n++].where = "[winhttp] protocols";
	}
	if (p->wininet_protocols & (1U << id)) {
		u[n].line = p->key_line[K_WI_PROTOCOLS];
		u[n++].where = "[wininet] protocols";
	}
	for (s = 0; s < 2; s++) {
		if (p->schannel[id][s] != SC_ENABLED)
			continue;
		if (s == SIDE_SERVER &&
		    p->schannel_line[id][0] == p->schannel_line[id][1])
			continue;	/* one key set both sides */
		u[n].line = p->schannel_line[id][s];
		u[n++].where = "[schannel]";
	}
	return n;
}

static void
lint_sets_nothing(const struct lint *l)
{
	const struct policy	*p = l->p;

	if (p->section_line[SEC_DOTNET] != 0 && !policy_has_dotnet(p)) {
		diag_error(l->d, p->section_line[SEC_DOTNET], "[dotnet] sets "
		    "nothing: give strong-crypto and/or system-default-tls");
	} else if (!policy_has_winhttp(p) && !policy_has_wininet(p) &&
	    !policy_has_dotnet(p) && policy_schannel_count(p) == 0 &&
	    !policy_has_crypto(p)) {
		diag_error(l->d, p->section_line[SEC_POLICY], "the policy sets "
		    "nothing: give at least one of [winhttp], [wininet], "
		    "[dotnet], [schannel] or [cipher-suites]");
	}
}

static void
lint_wininet_views(const struct lint *l)
{
	const struct policy	*p = l->p;

	if (p->key_line[K_WI_VIEWS] != 0 &&
	    p->wininet_scope != SCOPE_MACHINE) {
		diag_error(l->d, p->key_line[K_WI_VIEWS], "views applies only "
		    "to scope = machine; %s is not redirected between the "
		    "32- and 64-bit registry views",
		    p->wininet_scope == SCOPE_USER ? "HKCU\\Software" :
		    "HKLM\\SOFTWARE\\Policies");
	}
}

/* An insecure protocol is refused unless [target] allows it. */
static void
use_insecure(const struct lint *l, const struct protocol *pr,
    const struct use *u)
{
	const struct policy	*p = l->p;

	if (pr->insecure) {
		if (!p->allow_insecure)
			diag_error(l->d, u->line, "%s enables %s, which is "
			    "insecure; it is refused unless [target] says "
			    "allow-insecure = yes", u->where, pr->name);
		else
			diag_warn(l->d, u->line, "%s enables %s, which is "
			    "insecure (allow-insecure = yes)", u->where,
			    pr->name);
	} else if (pr->deprecated) {
		diag_warn(l->d, u->line, "%s enables %s, which is deprecated; "
		    "%s", u->where, pr->name, os_deprecated_note(pr->id));
	}
}

static void
use_tls13(const struct lint *l, const struct use *u)
{
	const struct policy	*p = l->p;
	char			 lacking[256];
	size_t			 used;
	int			 s, line;

	/* Lines of the target list, for messages. */
	line = p->key_line[K_TARGET_OS];

	lacking[0] = '\0';
	used = 0;
	for (s = 0; (size_t)s < os_target_count; s++) {
		if (!(p->target_os & (1U << s)) ||
		    (os_targets[s].supported & (1U << PROTO_TLS13)))
			continue;
		used += (size_t)snprintf(lacking + used, sizeof lacking - used,
		    "%s%s", used == 0 ? "" : ", ", os_targets[s].name);
	}
	if (used != 0)
		diag_error(l->d, u->line, "%s enables tls1.3, but target os %s "
		    "(line %d) cannot use it: %s", u->where, lacking, line,
		    os_protocol_where(PROTO_TLS13));
}

/*
 * Every place a protocol is enabled: insecure and deprecated protocols,
 * and TLS 1.3 on a target without it (one rule, so that the messages keep
 * the order of the protocols).
 */
static void
lint_enabled(const struct lint *l)
{
	struct use		 u[4];
	size_t			 i, j, n;
	const struct protocol	*pr;

	for (i = 0; i < PROTO_COUNT; i++) {
		pr = &protocols[i];
		n = uses_of(l->p, pr->id, u);
		for (j = 0; j < n; j++) {
			use_insecure(l, pr, &u[j]);
			if (pr->id == PROTO_TLS13)
				use_tls13(l, &u[j]);
		}
	}
}

static void
lint_insecure_unused(const struct lint *l)
{
	const struct policy	*p = l->p;
	struct use		 u[4];
	size_t			 i;

	if (!p->allow_insecure)
		return;
	for (i = 0; i < PROTO_COUNT; i++) {
		if (protocols[i].insecure &&
		    uses_of(p, protocols[i].id, u) != 0)
			return;
	}
	if (lint_any_insecure_suite(p))
		return;
	diag_warn(l->d, p->key_line[K_TARGET_INSECURE], "allow-insecure "
	    "= yes has no effect: no SSL protocol, insecure cipher suite or "
	    "insecure cipher or hash is enabled");
}

/* SCHANNEL switches a protocol off below WinHTTP and WinINet. */
static void
lint_schannel_clients(const struct lint *l)
{
	const struct policy	*p = l->p;
	size_t			 i;

	for (i = 0; i < PROTO_COUNT; i++) {
		if (p->schannel[i][SIDE_CLIENT] != SC_DISABLED)
			continue;
		if (p->winhttp_protocols & (1U << i))
			diag_warn(l->d, p->key_line[K_WH_PROTOCOLS], "[winhttp] "
			    "lists %s, but [schannel] disables its client "
			    "side (line %d), so it will not be used",
			    protocols[i].name, p->schannel_line[i][0]);
		if (p->wininet_protocols & (1U << i))
			diag_warn(l->d, p->key_line[K_WI_PROTOCOLS], "[wininet] "
			    "lists %s, but [schannel] disables its client "
			    "side (line %d), so it will not be used",
			    protocols[i].name, p->schannel_line[i][0]);
	}
}

/*
 * SYSTEM (Intune, ConfigMgr, a GPO startup script) may write HKLM
 * but has no user's HKCU; a user has an HKCU but may not write HKLM.
 */
static void
lint_one_hive(const struct lint *l)
{
	const struct policy	*p = l->p;

	if (policy_has_wininet(p) && p->wininet_scope == SCOPE_USER &&
	    (policy_has_winhttp(p) || policy_has_dotnet(p) ||
	    policy_schannel_count(p) != 0))
		diag_warn(l->d, p->key_line[K_WI_SCOPE], "[wininet] scope = "
		    "user writes HKEY_CURRENT_USER and the rest of the policy "
		    "HKEY_LOCAL_MACHINE: no one agent can apply both (SYSTEM "
		    "has no user's hive, a user may not write HKLM); make it "
		    "two policies, one per hive");
}

/*
 * Every rule, in the order its messages come out. The name is what the
 * rule checks, for whoever reads the table.
 */
static const struct lint_rule {
	const char	*name;
	void		(*run)(const struct lint *);
} lint_rules[] = {
	{ "sets-nothing",	lint_sets_nothing },
	{ "wininet-views",	lint_wininet_views },
	{ "enabled",		lint_enabled },
	{ "insecure-unused",	lint_insecure_unused },
	{ "schannel-clients",	lint_schannel_clients },
	{ "one-hive",		lint_one_hive },
	{ "winhttp-kb",		lint_winhttp_kb },
	{ "client-defaults",	lint_client_defaults },
	{ "servers",		lint_servers },
	{ "winhttp-defaults",	lint_winhttp_defaults },
	{ "lacking",		lint_lacking },
	{ "rdp",		lint_rdp },
	{ "dotnet35",		lint_dotnet35 },
	{ "insecure-suites",	lint_insecure_suites },
	{ "suites-on-targets",	lint_suites_on_targets },
	{ "curves-on-targets",	lint_curves_on_targets },
	{ "lockout",		lint_lockout },
	{ "legacy-switches",	lint_legacy_switches },
	{ "key-sizes",		lint_key_sizes },
};

void
lint_policy(const struct policy *p, struct diags *d)
{
	struct lint	l;
	size_t		i;

	l.p = p;
	l.d = d;
	/* Without [target] os, every Windows: what such a policy reaches. */
	if (p->target_os != 0)
		snprintf(l.tw, sizeof l.tw, "target os, line %d",
		    p->key_line[K_TARGET_OS]);
	else
		snprintf(l.tw, sizeof l.tw, "no [target] os: every Windows");
	for (i = 0; i < sizeof lint_rules / sizeof lint_rules[0]; i++)
		lint_rules[i].run(&l);
}
