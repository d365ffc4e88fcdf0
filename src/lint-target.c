#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lint-int.h"
#include "os.h"
#include "policy.h"

/*
 * What the [target] systems lack or need (the facts are os.c's):
 * TLS 1.1/1.2 off for clients, protocols a target does not have, Remote
 * Desktop without TLS 1.0, and the .NET 3.5 TLS updates.
 */

/* The targets pick chooses, "NAME, NAME", into buf; returns how many. */
static size_t
target_list(const struct policy *p, int (*pick)(const struct os_target *,
    const void *), const void *arg, char *buf, size_t size)
{
	size_t	i, used = 0, n = 0;

	if (size != 0)
		buf[0] = '\0';
	for (i = 0; i < os_target_count; i++) {
		if (!(policy_targets(p) & (1U << i)) || !pick(&os_targets[i], arg))
			continue;
		if (used < size)
			used += (size_t)snprintf(buf + used, size - used, "%s%s",
			    n == 0 ? "" : ", ", os_targets[i].name);
		n++;
	}
	return n;
}

static int
pick_client_off(const struct os_target *t, const void *arg)
{
	return (t->client_off & *(const proto_set *)arg) != 0;
}

static int
pick_lacks(const struct os_target *t, const void *arg)
{
	return (t->supported & *(const proto_set *)arg) == 0;
}

static int
pick_rdp(const struct os_target *t, const void *arg)
{
	(void)arg;
	return t->rdp_tls10_kb != NULL;
}

static int
pick_dotnet35(const struct os_target *t, const void *arg)
{
	(void)arg;
	return t->dotnet35_kb != NULL;
}

/*
 * " (on NAME with KB N, ...)" for the targets whose SCHANNEL has TLS 1.1
 * and 1.2 only with an update (os.c's tls12_kb), "" when none has.
 */
static void
tls12_kb_note(const struct policy *p, char *buf, size_t size)
{
	size_t	i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < os_target_count; i++) {
		if (!(policy_targets(p) & (1U << i)) ||
		    os_targets[i].tls12_kb == NULL || used >= size)
			continue;
		used += (size_t)snprintf(buf + used, size - used, "%son %s "
		    "with KB %s", used == 0 ? " (" : ", ", os_targets[i].name,
		    os_targets[i].tls12_kb);
	}
	if (used != 0 && used < size)
		snprintf(buf + used, size - used, ")");
}

/*
 * A WinHTTP that honours fewer protocols than the value lists (os.c:
 * winhttp_honours, the bits its update winhttp_kb takes) ignores the
 * rest there.
 */
void
lint_winhttp_kb(const struct lint *l)
{
	const struct policy	*p = l->p;
	int			 s;

	for (s = 0; (size_t)s < os_target_count; s++) {
		if (!(policy_targets(p) & (1U << s)) ||
		    (p->winhttp_protocols & ~os_targets[s].winhttp_honours) == 0)
			continue;
		diag_warn(l->d, p->key_line[K_WH_PROTOCOLS], "%s (KB %s) "
		    "honours only tls1.1 and tls1.2 in DefaultSecureProtocols",
		    os_targets[s].name, os_targets[s].winhttp_kb);
	}
}

/* What relies on SCHANNEL's client side for some protocols. */
struct reliance {
	int		 line;
	const char	*what;
	proto_set	 uses;
};

/* Who relies on SCHANNEL's client side for TLS 1.1 and 1.2. */
static size_t
relies_of(const struct policy *p, struct reliance *relies)
{
	size_t	n = 0;

	if (policy_has_winhttp(p)) {
		relies[n].line = p->key_line[K_WH_PROTOCOLS];
		relies[n].what = "[winhttp] protocols";
		relies[n++].uses = p->winhttp_protocols;
	}
	if (policy_has_wininet(p)) {
		relies[n].line = p->key_line[K_WI_PROTOCOLS];
		relies[n].what = "[wininet] protocols";
		relies[n++].uses = p->wininet_protocols;
	}
	if (p->system_default_tls == 1 || p->strong_crypto == 1) {
		relies[n].line = p->system_default_tls == 1 ?
		    p->key_line[K_NET_SYSTLS] : p->key_line[K_NET_STRONG];
		relies[n].what = "[dotnet]";
		relies[n++].uses = 1U << PROTO_TLS12;
	}
	return n;
}

/* TLS 1.1 and 1.2 off by default for clients, and something relies on
 * them. */
void
lint_client_defaults(const struct lint *l)
{
	const struct policy	*p = l->p;
	const char		*tw = l->tw;
	char			 who[256], kbs[256];
	proto_set		 one;
	size_t			 i, j, n;
	struct reliance		 relies[3];

	n = relies_of(p, relies);
	for (i = PROTO_TLS11; i <= PROTO_TLS12; i++) {
		one = 1U << i;
		/* Enabled: fine. Disabled: lint.c's lint_schannel_clients
		 * warns about it, on purpose. */
		if (p->schannel[i][SIDE_CLIENT] != SC_UNSET)
			continue;
		if (target_list(p, pick_client_off, &one, who, sizeof who) == 0)
			continue;
		tls12_kb_note(p, kbs, sizeof kbs);
		for (j = 0; j < n; j++) {
			if (!(relies[j].uses & one))
				continue;
			diag_warn(l->d, relies[j].line, "%s relies on %s, which "
			    "SCHANNEL does not enable by default for clients on "
			    "%s (%s); add \"%s.client = "
			    "enabled\" to [schannel]%s", relies[j].what,
			    protocols[i].name, who, tw, protocols[i].name,
			    kbs);
		}
	}
}

static int
pick_server_old(const struct os_target *t, const void *arg)
{
	const struct policy	*p = arg;
	proto_set		 modern = (1U << PROTO_TLS11) |
	    (1U << PROTO_TLS12) | (1U << PROTO_TLS13);

	return (policy_tls_after(p, t, SIDE_SERVER) & modern) == 0;
}

/*
 * A policy that disables server protocols must leave TLS 1.1 or later on:
 * the oldest targets ship with TLS 1.1 and 1.2 off for servers too
 * [os.c], so disabling TLS 1.0 there leaves SSL 3.0 or nothing.
 */
void
lint_servers(const struct lint *l)
{
	const struct policy	*p = l->p;
	const char		*tw = l->tw;
	char			 who[256];
	size_t			 i;
	int			 line = 0;

	/* Only a policy that turns a TLS version off for servers. */
	for (i = PROTO_TLS10; i <= PROTO_TLS13; i++) {
		if (p->schannel[i][SIDE_SERVER] == SC_DISABLED) {
			line = p->schannel_line[i][SIDE_SERVER];
			break;
		}
	}
	if (line == 0 ||
	    target_list(p, pick_server_old, p, who, sizeof who) == 0)
		return;
	diag_warn(l->d, line, "after [schannel], servers on %s (%s) have no "
	    "TLS 1.1 or later on: SCHANNEL does not enable them by default "
	    "there; add \"tls1.2.server = enabled\"", who, tw);
}

static int
pick_tls13_default(const struct os_target *t, const void *arg)
{
	(void)arg;
	return (t->winhttp_default & (1U << PROTO_TLS13)) != 0;
}

/* The targets whose WinHTTP has protocol *arg off by default while it has
 * a newer one on: a policy that lists it turns an old protocol back on. */
static int
pick_default_off(const struct os_target *t, const void *arg)
{
	proto_set	one = *(const proto_set *)arg;

	return (t->winhttp_default & one) == 0 && t->winhttp_default > one;
}

/* "; " and the caveat when a target that PICK takes has a WinHTTP default
 * by inference [os.c WHFLAGS], else "". */
static const char *
inferred_note(const struct policy *p, int (*pick)(const struct os_target *,
    const void *), const void *arg)
{
	static char	note[256];
	size_t		i;

	for (i = 0; i < os_target_count; i++)
		if ((policy_targets(p) & (1U << i)) && pick(&os_targets[i], arg) &&
		    os_winhttp_default_inferred(&os_targets[i])) {
			snprintf(note, sizeof note, "; %s",
			    os_winhttp_default_caveat());
			return note;
		}
	return "";
}

/*
 * DefaultSecureProtocols replaces WinHTTP's own default [os.c]: where that
 * is TLS 1.2 + TLS 1.3, a value without TLS 1.3 takes it away, and one
 * with TLS 1.0 or 1.1 brings them back.
 */
void
lint_winhttp_defaults(const struct lint *l)
{
	const struct policy	*p = l->p;
	const char		*tw = l->tw;
	char			 who[256];
	proto_set		 one;
	size_t			 i;
	int			 line = p->key_line[K_WH_PROTOCOLS];

	if (!policy_has_winhttp(p))
		return;
	one = 1U << PROTO_TLS13;
	if (!(p->winhttp_protocols & one) &&
	    target_list(p, pick_tls13_default, NULL, who, sizeof who) != 0)
		diag_warn(l->d, line, "[winhttp] protocols leaves out tls1.3, "
		    "which WinHTTP uses by default on %s (%s): "
		    "DefaultSecureProtocols replaces that default; %s%s",
		    who, tw, target_list(p, pick_lacks, &one, NULL, 0) == 0 ?
		    "add tls1.3 to keep it" : "give those systems a policy of "
		    "their own that adds tls1.3 to keep it",
		    inferred_note(p, pick_tls13_default, NULL));
	for (i = 0; i <= PROTO_TLS13; i++) {
		one = 1U << i;
		if (!(p->winhttp_protocols & one) ||
		    target_list(p, pick_default_off, &one, who, sizeof who) == 0)
			continue;
		diag_warn(l->d, line, "[winhttp] protocols adds %s, which "
		    "WinHTTP has off by default on %s (%s)%s",
		    protocols[i].name, who, tw,
		    inferred_note(p, pick_default_off, &one));
	}
}

/* A protocol enabled for a target that does not have it (TLS 1.3 is
 * an error, lint.c's lint_enabled). */
void
lint_lacking(const struct lint *l)
{
	const struct policy	*p = l->p;
	const char		*tw = l->tw;
	char			 who[256];
	proto_set		 one;
	size_t			 i;

	for (i = 0; i < PROTO_COUNT; i++) {
		int	s;

		if (i == PROTO_TLS13)
			continue;
		one = 1U << i;
		for (s = 0; s < 2; s++) {
			if (p->schannel[i][s] != SC_ENABLED)
				continue;
			if (s == SIDE_SERVER &&
			    p->schannel_line[i][0] == p->schannel_line[i][1])
				continue;
			if (target_list(p, pick_lacks, &one, who, sizeof who) == 0)
				continue;
			diag_warn(l->d, p->schannel_line[i][s], "[schannel] "
			    "enables %s, which %s (%s) do%s not "
			    "have: %s", protocols[i].name, who, tw,
			    strchr(who, ',') != NULL ? "" : "es",
			    os_protocol_where((enum proto_id)i));
		}
	}
}

/* Remote Desktop may need TLS 1.0 (os.c: rdp_tls10_kb). */
void
lint_rdp(const struct lint *l)
{
	const struct policy	*p = l->p;
	const char		*tw = l->tw;
	char			 who[256];
	size_t			 i;

	if (p->schannel[PROTO_TLS10][SIDE_SERVER] == SC_DISABLED &&
	    target_list(p, pick_rdp, NULL, who, sizeof who) != 0) {
		for (i = 0; i < os_target_count; i++) {
			if ((policy_targets(p) & (1U << i)) &&
			    os_targets[i].rdp_tls10_kb != NULL)
				break;
		}
		diag_warn(l->d, p->schannel_line[PROTO_TLS10][SIDE_SERVER],
		    "[schannel] disables tls1.0 for servers: Remote Desktop on "
		    "%s (%s) then needs KB %s and "
		    "\"tls1.2.server = enabled\"", who, tw,
		    os_targets[i].rdp_tls10_kb);
	}
}

/* .NET 3.5 reads SystemDefaultTlsVersions only once updated. */
void
lint_dotnet35(const struct lint *l)
{
	const struct policy	*p = l->p;
	const char		*tw = l->tw;
	char			 who[256], kbs[256];
	size_t			 i, used;

	if (p->system_default_tls == 1 && (p->frameworks & FW_V2) &&
	    target_list(p, pick_dotnet35, NULL, who, sizeof who) != 0) {
		kbs[0] = '\0';
		used = 0;
		for (i = 0; i < os_target_count; i++) {
			if (!(policy_targets(p) & (1U << i)) ||
			    os_targets[i].dotnet35_kb == NULL ||
			    strstr(kbs, os_targets[i].dotnet35_kb) != NULL)
				continue;
			used += (size_t)snprintf(kbs + used, sizeof kbs - used,
			    "%sKB %s", used == 0 ? "" : ", ",
			    os_targets[i].dotnet35_kb);
		}
		diag_warn(l->d, p->key_line[K_NET_SYSTLS], "[dotnet] "
		    "system-default-tls for v2.0.50727 (.NET 3.5) works on %s "
		    "(%s) only with the .NET 3.5 TLS update "
		    "(%s, or a later .NET update that contains it)", who,
		    tw, kbs);
	}
}
