#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "plan-int.h"
#include "suites.h"
#include "xmalloc.h"

/*
 * The plan of the cipher-suite work (issue 20): key sizes, the legacy
 * SCHANNEL switches, and Group Policy's own suite order and curve order.
 * The policy's names are checked, and put in Windows' spelling, by
 * lint-suites.c before a plan is made.
 *
 * [TLSREG]  "Transport Layer Security (TLS) registry settings", Microsoft
 *           Learn: KeyExchangeAlgorithms\Diffie-Hellman's
 *           ServerMinKeyBitLength and ClientMinKeyBitLength, PKCS's
 *           ClientMinKeyBitLength (DWORD, bits).
 * [RESTRICT] "Restrict cryptographic algorithms and protocols in
 *           Schannel" (a support article): Ciphers, Hashes and
 *           KeyExchangeAlgorithms subkeys with Enabled 0 (off) or
 *           0xffffffff (on).
 * [PRIO]    "Prioritizing Schannel Cipher Suites" and the
 *           ADMX_CipherSuiteOrder policy CSP, Microsoft Learn: Group
 *           Policy's "SSL Cipher Suite Order" writes Functions (REG_SZ,
 *           comma-separated) and "ECC Curve Order" EccCurves (REG_MULTI_SZ)
 *           under SOFTWARE\Policies\Microsoft\Cryptography\Configuration\
 *           SSL\00010002. Never the Local key under Control\Cryptography:
 *           Microsoft does not support writing it.
 * docs/research/cipher-suites/registry.md quotes each source.
 */

#define KEY_SSL_POLICY \
	"SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002"
#define KEY_KX		KEY_SCHANNEL_ROOT "KeyExchangeAlgorithms\\"

static void
plan_key_sizes(const struct policy *p, struct plan *pl)
{
	char	why[128];

	if (p->dh_line[SIDE_SERVER] != 0) {
		snprintf(why, sizeof why, "Diffie-Hellman: servers use at "
		    "least %u bits", p->dh_min_bits[SIDE_SERVER]);
		plan_add(pl, HIVE_HKLM, VIEW_SHARED, KEY_KX "Diffie-Hellman",
		    "ServerMinKeyBitLength", p->dh_min_bits[SIDE_SERVER], why,
		    p->dh_line[SIDE_SERVER]);
	}
	if (p->dh_line[SIDE_CLIENT] != 0) {
		snprintf(why, sizeof why, "Diffie-Hellman: clients accept at "
		    "least %u bits", p->dh_min_bits[SIDE_CLIENT]);
		plan_add(pl, HIVE_HKLM, VIEW_SHARED, KEY_KX "Diffie-Hellman",
		    "ClientMinKeyBitLength", p->dh_min_bits[SIDE_CLIENT], why,
		    p->dh_line[SIDE_CLIENT]);
	}
	if (p->key_line[K_SC_PKCS_BITS] != 0) {
		snprintf(why, sizeof why, "RSA (PKCS): clients accept keys of "
		    "at least %u bits", p->pkcs_min_bits);
		plan_add(pl, HIVE_HKLM, VIEW_SHARED, KEY_KX "PKCS",
		    "ClientMinKeyBitLength", p->pkcs_min_bits, why,
		    p->key_line[K_SC_PKCS_BITS]);
	}
}

/* Every key Windows knows of the kind: on when listed, off otherwise. */
static void
plan_switches(struct plan *pl, const char *kind, const char *const *known,
    const struct name_list *on, int line)
{
	char	key[192], why[192];
	int	yes;

	for (; *known != NULL; known++) {
		yes = name_list_has(on, *known);
		snprintf(key, sizeof key, KEY_SCHANNEL_ROOT "%s\\%s", kind,
		    *known);
		snprintf(why, sizeof why, "SCHANNEL %s %s: %s (legacy switch)",
		    kind, *known, yes ? "on" : "off");
		plan_add(pl, HIVE_HKLM, VIEW_SHARED, key, "Enabled",
		    yes ? PLAN_SWITCH_ON : 0, why, line);
	}
}

/* The order as Functions holds it: "A,B,C". */
static char *
order_string(const struct name_list *nl)
{
	struct buf	b;
	char		*s;
	size_t		i;

	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i < nl->n; i++) {
		if (i > 0)
			buf_addc(&b, ',');
		buf_adds(&b, nl->names[i]);
	}
	s = xstrdup(b.data);
	buf_free(&b);
	return s;
}

void
plan_crypto(const struct policy *p, struct plan *pl)
{
	char	why[128], *functions;

	plan_key_sizes(p, pl);
	if (p->key_line[K_SC_CIPHERS] != 0)
		plan_switches(pl, "Ciphers", cs_cipher_keys, &p->ciphers,
		    p->key_line[K_SC_CIPHERS]);
	if (p->key_line[K_SC_HASHES] != 0)
		plan_switches(pl, "Hashes", cs_hash_keys, &p->hashes,
		    p->key_line[K_SC_HASHES]);
	if (p->key_line[K_SC_KX] != 0)
		plan_switches(pl, "KeyExchangeAlgorithms", cs_kx_keys, &p->kx,
		    p->key_line[K_SC_KX]);
	if (p->key_line[K_CS_ORDER] != 0) {
		snprintf(why, sizeof why, "SSL Cipher Suite Order: %zu suite%s",
		    p->suites.n, p->suites.n == 1 ? "" : "s");
		/* [PRIO]: strictly comma-separated, no blanks. */
		functions = order_string(&p->suites);
		plan_add_text(pl, KEY_SSL_POLICY, "Functions", REG_TYPE_SZ,
		    &functions, 1, why, p->key_line[K_CS_ORDER]);
		free(functions);
	}
	if (p->key_line[K_CS_CURVES] != 0) {
		snprintf(why, sizeof why, "ECC Curve Order: %zu curve%s",
		    p->curves.n, p->curves.n == 1 ? "" : "s");
		plan_add_text(pl, KEY_SSL_POLICY, "EccCurves",
		    REG_TYPE_MULTI_SZ, p->curves.names, p->curves.n, why,
		    p->key_line[K_CS_CURVES]);
	}
}
