#include "config.h"

#include <stdio.h>
#include <string.h>

#include "os.h"
#include "readme-os.h"

#define TLS1X	((1U << PROTO_TLS11) | (1U << PROTO_TLS12))

/* Whether the policy's [target] os names the row's build range. */
static int
row_targeted(const struct policy *p, const struct plan_os_need *n)
{
	size_t	i;

	if (p->target_os == 0)
		return 1;
	for (i = 0; i < os_target_count; i++) {
		if ((p->target_os & (1U << i)) &&
		    os_targets[i].build_min == n->build_min &&
		    os_targets[i].build_max == n->build_max)
			return 1;
	}
	return 0;
}

static void
fact(struct buf *out, int *first, const char *s)
{
	buf_adds(out, *first ? ": " : "; ");
	buf_adds(out, s);
	*first = 0;
}

/* What the mask does to WinHTTP's own default there [os.c WHFLAGS]. */
static void
winhttp_default(const struct plan_os_need *n, struct buf *out, int *first)
{
	proto_set	dflt = n->t->winhttp_default, added;
	char		was[128], now[128], line[400];
	int		away;

	protocol_set_describe(dflt, was, sizeof was);
	protocol_set_describe(n->winhttp, now, sizeof now);
	snprintf(line, sizeof line, "WinHTTP's own default is %s%s, this "
	    "policy's %s", was, os_winhttp_default_inferred(n->t) ?
	    " (inferred: Microsoft documents client Windows only)" : "", now);
	fact(out, first, line);
	away = (dflt & (1U << PROTO_TLS13)) &&
	    !(n->winhttp & (1U << PROTO_TLS13));
	if (away)
		buf_adds(out, " (it takes TLS 1.3 away");
	/* Older than the oldest it offers: turned back on. */
	added = n->winhttp & ~dflt & ((dflt & -dflt) - 1);
	if (added != 0) {
		protocol_set_describe(added, was, sizeof was);
		buf_printf(out, "%s turns %s back on", away ? " and" : " (it",
		    was);
	}
	if (away || added != 0)
		buf_addc(out, ')');
}

static void
row_text(const struct plan *pl, const struct plan_os_need *n, int others,
    struct buf *out)
{
	const struct policy	*p = pl->policy;
	const struct os_target	*t = n->t;
	char			 line[320];
	int			 first = 1;

	/* A range that holds a narrower row of its own: the builds that row
	 * does not name. */
	buf_printf(out, "- %s (%s %u", n->display, others ?
	    "the other builds from" : "build", n->build_min);
	if (n->build_max != n->build_min)
		buf_printf(out, n->build_max <= 99999 ? " to %u" : others ?
		    " on" : " and later", n->build_max);
	buf_adds(out, ")");
	if (n->winhttp_kb != NULL) {
		snprintf(line, sizeof line, "WinHTTP honours "
		    "DefaultSecureProtocols only with KB %s%s", n->winhttp_kb,
		    (t->winhttp_honours & ~TLS1X) == 0 ? ", and then only TLS "
		    "1.1 and 1.2" : "");
		fact(out, &first, line);
	}
	if (n->winhttp != 0)
		winhttp_default(n, out, &first);
	if (n->tls12_kb != NULL) {
		snprintf(line, sizeof line, "SCHANNEL has TLS 1.1 and 1.2 only "
		    "with KB %s%s", n->tls12_kb, n->tls10_off ? " (this "
		    "policy turns TLS 1.0 off, so apply refuses without it, "
		    "exit 3)" : "");
		fact(out, &first, line);
	}
	if (n->uses_tls12 && (t->client_off & TLS1X) &&
	    p->schannel[PROTO_TLS12][SIDE_CLIENT] != SC_ENABLED)
		fact(out, &first, "SCHANNEL has TLS 1.1 and 1.2 off for clients "
		    "until [schannel] turns them on");
	if (n->dotnet35_kb != NULL) {
		snprintf(line, sizeof line, ".NET 3.5 reads "
		    "SystemDefaultTlsVersions only with KB %s or a later .NET "
		    "update that contains it (apply warns when it cannot "
		    "confirm it)", n->dotnet35_kb);
		fact(out, &first, line);
	}
	if (n->tls13_lacking)
		fact(out, &first, "it has no TLS 1.3, so apply refuses (exit 3)");
	if (n->no_tls_left)
		fact(out, &first, "this policy turns TLS 1.0 off for servers "
		    "and TLS 1.1 and 1.2 are off for servers there by default: "
		    "apply refuses (exit 3) unless one of them is on for "
		    "servers on the machine");
	if (n->rdp_kb != NULL) {
		snprintf(line, sizeof line, "Remote Desktop without TLS 1.0 "
		    "needs KB %s and TLS 1.2 for servers (where Remote Desktop "
		    "is on, apply refuses without the KB, exit 3)", n->rdp_kb);
		fact(out, &first, line);
	}
	if (first)
		buf_adds(out, ": nothing to install");
	buf_adds(out, ".\n");
}

void
readme_os_needs(const struct plan *pl, struct buf *out)
{
	struct plan_os_need	 need[32], k;
	size_t			 i, j, n;

	n = plan_os_needs(pl, need, sizeof need / sizeof need[0]);
	/* Oldest first, for people (the scripts want narrowest first). */
	for (i = 1; i < n; i++) {
		k = need[i];
		for (j = i; j > 0 && (need[j - 1].build_min > k.build_min ||
		    (need[j - 1].build_min == k.build_min &&
		    need[j - 1].build_max > k.build_max)); j--)
			need[j] = need[j - 1];
		need[j] = k;
	}
	for (i = 0; i < n; i++) {
		int	others = 0;

		if (!row_targeted(pl->policy, &need[i]))
			continue;
		for (j = 0; j < n; j++)
			if (j != i && row_targeted(pl->policy, &need[j]) &&
			    need[j].build_min >= need[i].build_min &&
			    need[j].build_max <= need[i].build_max &&
			    (need[j].build_min != need[i].build_min ||
			    need[j].build_max != need[i].build_max))
				others = 1;
		row_text(pl, &need[i], others, out);
	}
}
