#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "os.h"
#include "plan.h"

/*
 * What a plan asks of each Windows: os.c's facts (updates, protocols a
 * version has) read against the operations, for the scripts' prerequisite
 * checks and the README.
 */

int
plan_enables_tls13(const struct plan *pl)
{
	const struct plan_op	*op;
	size_t			 i;

	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		if (op->action != OP_SET)
			continue;
		if ((strcmp(op->value, "DefaultSecureProtocols") == 0 ||
		    strcmp(op->value, "SecureProtocols") == 0) &&
		    (op->data & protocols[PROTO_TLS13].bit))
			return 1;
		if (strcmp(op->value, "Enabled") == 0 && op->data == 1 &&
		    strstr(op->key, "\\TLS 1.3\\") != NULL)
			return 1;
	}
	return 0;
}

/* What the plan does that a Windows version may need something for. */
struct plan_uses {
	proto_set	 winhttp;	/* DefaultSecureProtocols' protocols */
	int		 sets_winhttp;
	int		 sets_v2_sdt;	/* .NET 2.0/3.5 SystemDefaultTlsVersions */
	int		 uses_tls12;	/* needs SCHANNEL's TLS 1.1 or 1.2 */
	int		 tls10_off;	/* TLS 1.0 off, for a side or both */
	int		 tls10_srv_off;
	int		 tls13;
};

/* Anything that needs SCHANNEL's TLS 1.1 or 1.2. */
static int
op_uses_tls12(const struct plan_op *op)
{
	if ((strcmp(op->value, "DefaultSecureProtocols") == 0 ||
	    strcmp(op->value, "SecureProtocols") == 0) &&
	    (op->data & (protocols[PROTO_TLS11].bit |
	    protocols[PROTO_TLS12].bit)))
		return 1;
	if (strncmp(op->value, "Sch", 3) == 0 && op->data == 1)
		return 1;
	if (strcmp(op->value, "SystemDefaultTlsVersions") == 0 &&
	    op->data == 1)
		return 1;
	return (strstr(op->key, "\\TLS 1.1\\") != NULL ||
	    strstr(op->key, "\\TLS 1.2\\") != NULL) &&
	    strcmp(op->value, "Enabled") == 0 && op->data == 1;
}

static void
plan_uses_of(const struct plan *pl, struct plan_uses *u)
{
	const struct policy	*p = pl->policy;
	const struct plan_op	*op;
	size_t			 i;

	memset(u, 0, sizeof *u);
	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		if (op->action != OP_SET)
			continue;
		if (strcmp(op->value, "DefaultSecureProtocols") == 0) {
			u->sets_winhttp = 1;
			u->winhttp |= protocols_from_mask(op->data);
		}
		if (strcmp(op->value, "SystemDefaultTlsVersions") == 0 &&
		    op->data == 1 && strstr(op->key, "v2.0.50727") != NULL)
			u->sets_v2_sdt = 1;
		u->uses_tls12 |= op_uses_tls12(op);
	}
	u->tls10_srv_off = p->schannel[PROTO_TLS10][SIDE_SERVER] == SC_DISABLED;
	u->tls10_off = u->tls10_srv_off ||
	    p->schannel[PROTO_TLS10][SIDE_CLIENT] == SC_DISABLED;
	u->tls13 = plan_enables_tls13(pl);
}

static void
need_of_row(const struct plan *pl, const struct plan_uses *u,
    const struct os_row *row, struct plan_os_need *need)
{
	const struct os_target	*t = row->t;
	size_t			 j;

	memset(need, 0, sizeof *need);
	need->build_min = row->build_min;
	need->build_max = row->build_max;
	snprintf(need->display, sizeof need->display, "%s", row->display);
	if (u->sets_winhttp) {
		need->winhttp_kb = t->winhttp_kb;
		need->winhttp_partial = (u->winhttp & ~t->winhttp_honours) != 0;
	}
	if (u->sets_v2_sdt)
		need->dotnet35_kb = t->dotnet35_kb;
	need->tls13_lacking = u->tls13 && !(t->supported & (1U << PROTO_TLS13));
	if (u->uses_tls12 || u->tls10_off)
		need->tls12_kb = t->tls12_kb;
	if (u->tls10_srv_off)
		need->rdp_kb = t->rdp_tls10_kb;
	need->t = t;
	need->winhttp = u->winhttp;
	need->uses_tls12 = u->uses_tls12;
	need->tls10_off = u->tls10_off;
	/* Servers: TLS 1.0 off and nothing later on, by the target's
	 * defaults (os.c: some have TLS 1.1 and 1.2 off) and the policy.
	 * Clients are not counted: an application that asks for TLS
	 * 1.2 (WinHTTP with DefaultSecureProtocols) gets it. */
	need->no_tls_left = u->tls10_srv_off &&
	    policy_tls_after(pl->policy, t, SIDE_SERVER) == 0;
	for (j = PROTO_TLS11; need->no_tls_left && j <= PROTO_TLS12; j++)
		if ((t->supported & (1U << j)) &&
		    pl->policy->schannel[j][SIDE_SERVER] == SC_UNSET)
			need->no_tls_check |= 1U << j;
}

size_t
plan_os_needs(const struct plan *pl, struct plan_os_need *need, size_t max)
{
	struct os_row		 rows[32];
	struct plan_uses	 u;
	size_t			 i, n;

	plan_uses_of(pl, &u);
	n = os_rows(rows, sizeof rows / sizeof rows[0]);
	if (n > max)
		n = max;
	for (i = 0; i < n; i++)
		need_of_row(pl, &u, &rows[i], &need[i]);
	/* Narrowest range first: a script takes the first row that fits, so
	 * that a server's one build is not named as the client range's.
	 * (Stable: n is small.) */
	for (i = 1; i < n; i++) {
		struct plan_os_need	k = need[i];
		size_t			j = i;

		for (; j > 0 && need[j - 1].build_max - need[j - 1].build_min >
		    k.build_max - k.build_min; j--)
			need[j] = need[j - 1];
		need[j] = k;
	}
	return n;
}
