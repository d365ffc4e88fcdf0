#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "os.h"
#include "policy.h"
#include "policy-int.h"
#include "xmalloc.h"

/*
 * The policy model's own code: its defaults, its release, the names of its
 * enums, and what the rest of tlsgpo asks of a loaded policy. Reading one
 * is policy-read.c's job; judging one, lint.c's.
 */

const char *
wininet_scope_name(enum wininet_scope s)
{
	switch (s) {
	case SCOPE_MACHINE_POLICY:
		return "machine-policy";
	case SCOPE_MACHINE:
		return "machine";
	case SCOPE_USER:
		return "user";
	}
	return "?";
}

int
policy_has_winhttp(const struct policy *p)
{
	return p->key_line[K_WH_PROTOCOLS] != 0;
}

int
policy_has_wininet(const struct policy *p)
{
	return p->key_line[K_WI_PROTOCOLS] != 0;
}

int
policy_has_dotnet(const struct policy *p)
{
	return p->strong_crypto != -1 || p->system_default_tls != -1;
}

int
name_list_has(const struct name_list *nl, const char *name)
{
	size_t	i;

	for (i = 0; i < nl->n; i++) {
		if (strcmp(nl->names[i], name) == 0)
			return 1;
	}
	return 0;
}

/* [target] os, or every Windows of os.c when the policy names none (what
 * an untargeted policy is pushed to). */
unsigned
policy_targets(const struct policy *p)
{
	return p->target_os != 0 ? p->target_os :
	    (1U << os_target_count) - 1;
}

int
policy_has_crypto(const struct policy *p)
{
	return p->dh_line[SIDE_CLIENT] != 0 || p->dh_line[SIDE_SERVER] != 0 ||
	    p->key_line[K_SC_PKCS_BITS] != 0 || p->key_line[K_SC_CIPHERS] != 0 ||
	    p->key_line[K_SC_HASHES] != 0 || p->key_line[K_SC_KX] != 0 ||
	    p->key_line[K_CS_ORDER] != 0 || p->key_line[K_CS_CURVES] != 0;
}

int
policy_schannel_count(const struct policy *p)
{
	int	i, s, n = 0;

	for (i = 0; i < PROTO_COUNT; i++) {
		for (s = 0; s < 2; s++)
			n += p->schannel[i][s] != SC_UNSET;
	}
	return n;
}

const char *
gpo_mode_name(enum gpo_mode m)
{
	switch (m) {
	case GPO_AUTO:
		return "auto";
	case GPO_POLICY:
		return "policy";
	case GPO_PREFERENCES:
		return "preferences";
	case GPO_BOTH:
		return "both";
	}
	return "?";
}

/* The TLS protocols SIDE of a target offers after this policy. */
proto_set
policy_tls_after(const struct policy *p, const struct os_target *t, int side)
{
	const proto_set	 tls = (1U << PROTO_TLS10) | (1U << PROTO_TLS11) |
	    (1U << PROTO_TLS12) | (1U << PROTO_TLS13);
	proto_set	 on = t->supported & tls &
	    ~(side == SIDE_SERVER ? t->server_off : t->client_off);
	size_t		 i;

	for (i = PROTO_TLS10; i <= PROTO_TLS13; i++) {
		if (p->schannel[i][side] == SC_ENABLED &&
		    (t->supported & (1U << i)))
			on |= 1U << i;
		if (p->schannel[i][side] == SC_DISABLED)
			on &= ~(1U << i);
	}
	return on;
}

void
policy_init(struct policy *p, const char *file)
{
	memset(p, 0, sizeof *p);
	p->file = xstrdup(file);
	p->description = xstrdup("");
	p->vendor = xstrdup("");
	p->winhttp_views = VIEW_BIT_64 | VIEW_BIT_32;
	p->wininet_scope = SCOPE_MACHINE_POLICY;
	p->wininet_views = VIEW_BIT_64 | VIEW_BIT_32;
	p->strong_crypto = -1;
	p->system_default_tls = -1;
	p->frameworks = FW_V4 | FW_V2;
	p->dotnet_views = VIEW_BIT_64 | VIEW_BIT_32;
	p->gpo_mode = GPO_AUTO;
	/* No clock: the same policy always makes the same backup. */
	snprintf(p->gpo_date, sizeof p->gpo_date, "2000-01-01 00:00:00");
}

void
policy_free(struct policy *p)
{
	free(p->file);
	free(p->id);
	free(p->name);
	free(p->version);
	free(p->description);
	free(p->vendor);
	free(p->gpo_name);
	name_list_free(&p->ciphers);
	name_list_free(&p->hashes);
	name_list_free(&p->kx);
	name_list_free(&p->suites);
	name_list_free(&p->curves);
	memset(p, 0, sizeof *p);
}
