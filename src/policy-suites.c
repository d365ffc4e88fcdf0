#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "policy.h"
#include "suites.h"

/*
 * Which cipher suites a Windows may use once the policy applies: the
 * lock-out analysis under lint-suites.c and tlsgpo plan's table. A suite
 * is usable with protocol P on a page (one Windows release) when
 *   - the page lists it: as a default, or among the others when the policy
 *     gives an order (Functions enables what it lists: "Prioritizing
 *     Schannel Cipher Suites"); on a page that reads EccCurves, a
 *     _P256/_P384/_P521 name counts as its name without the suffix, which
 *     the curve order overrides there ("Cipher Suites in TLS/SSL
 *     (Schannel SSP)": so that one list serves every Windows);
 *   - it is in the order, or, without one, among the page's defaults;
 *   - it works with P (the page's protocol column);
 *   - no legacy switch the policy turns off governs its cipher, hash or
 *     key exchange;
 *   - it is no PSK suite (only applications that ask use those);
 *   - for ECDHE and TLS 1.3 suites on a page that reads EccCurves, at
 *     least one curve of the policy's curve order is one that release
 *     offers by default (what its peers share).
 * Where Microsoft does not say what a switch governs, the analysis takes
 * the reading that leaves fewer suites (cipher_key, PKCS).
 * Whether P itself is on for a side is policy_tls_after's question.
 */

/* The suite a suffixed name stands for where EccCurves is read. */
static const struct cs_suite *
unsuffixed(const struct cs_suite *s)
{
	char	name[80];
	size_t	n = strlen(s->name);

	if (s->curve == 0 || n < 5 || n >= sizeof name)
		return NULL;
	memcpy(name, s->name, n - 5);		/* "_P256" */
	name[n - 5] = '\0';
	return cs_suite_find(name);
}

int
policy_suite_on_page(const struct cs_page *pg, const struct cs_suite *s)
{
	const struct cs_suite	*base;

	if (cs_page_has(pg, s))
		return 1;
	base = unsuffixed(s);
	return base != NULL && pg->curves_supported != NULL &&
	    cs_page_has(pg, base);
}

/* A switch the policy turns off: it lists that kind, and not this key. */
static int
switched_off(const struct policy *p, enum policy_key k,
    const struct name_list *nl, const char *key)
{
	return key != NULL && p->key_line[k] != 0 && !name_list_has(nl, key);
}

/*
 * A curve of the policy's order that every Windows of that release offers
 * by default (the page's default curve order): a curve only the policy
 * turns on (brainpool, the post-quantum groups) is one few peers share.
 */
static int
curve_left(const struct policy *p, const struct cs_page *pg)
{
	const char *const	*d;
	size_t			 i;

	if (pg->curves_supported == NULL || p->curves.n == 0)
		return 1;
	for (i = 0; i < p->curves.n; i++) {
		for (d = pg->curves_default; d != NULL && *d != NULL; d++) {
			if (strcasecmp(*d, p->curves.names[i]) == 0)
				return 1;
		}
	}
	return 0;
}

/*
 * The cipher switch the lock-out analysis takes to govern a suite. The
 * TLS 1.3 suites have none documented; the analysis assumes the worst,
 * that "AES 128/128" and "AES 256/256" govern TLS_AES_128_* and
 * TLS_AES_256_* as they govern every other AES suite.
 */
static const char *
cipher_key(const struct cs_suite *s)
{
	if (s->cipher != NULL || s->kx != CS_KX_NONE)
		return s->cipher;
	if (strstr(s->name, "_AES_128_") != NULL)
		return "AES 128/128";
	if (strstr(s->name, "_AES_256_") != NULL)
		return "AES 256/256";
	return NULL;
}

enum cs_block
policy_suite_block(const struct policy *p, const struct cs_page *pg,
    const struct cs_suite *s, enum proto_id pr)
{
	const struct cs_suite	*base = s;

	if (!policy_suite_on_page(pg, s))
		return CSB_NOT_ON_OS;
	if (!cs_page_has(pg, s))
		base = unsuffixed(s);
	/* "Applications need to request PSK" (every page's PSK note). */
	if (base->kx == CS_KX_PSK)
		return CSB_PSK;
	if (p->suites.n == 0 && !cs_page_default(pg, base))
		return CSB_NOT_DEFAULT;
	if (!(base->protocols & (1U << pr)))
		return CSB_PROTOCOL;
	if (switched_off(p, K_SC_CIPHERS, &p->ciphers, cipher_key(base)))
		return CSB_CIPHER_OFF;
	if (switched_off(p, K_SC_HASHES, &p->hashes, base->hash))
		return CSB_HASH_OFF;
	/*
	 * PKCS off: "Disabling RSA effectively disallows all RSA-based SSL
	 * and TLS cipher suites" (the switches' support article), RSA
	 * certificates included, so (EC)DHE_RSA too.
	 */
	if (switched_off(p, K_SC_KX, &p->kx, base->kx_key) ||
	    (base->auth == CS_AUTH_RSA &&
	    switched_off(p, K_SC_KX, &p->kx, "PKCS")))
		return CSB_KX_OFF;
	if ((base->kx == CS_KX_ECDHE || base->kx == CS_KX_NONE) &&
	    !curve_left(p, pg))
		return CSB_NO_CURVE;
	return CSB_OK;
}

/* The candidates in order: the policy's order, or the page's defaults. */
static const struct cs_suite *
candidate(const struct policy *p, const struct cs_page *pg, size_t i)
{
	size_t	n;

	if (p->suites.n != 0)
		return i < p->suites.n ? cs_suite_find(p->suites.names[i]) :
		    NULL;
	for (n = 0; pg->defaults[n] != CS_END; n++) {
		if (n == i)
			return &cs_suites[pg->defaults[n]];
	}
	return NULL;
}

size_t
policy_usable_suites(const struct policy *p, const struct cs_page *pg,
    enum proto_id pr, const struct cs_suite **out, size_t max,
    enum cs_block *why)
{
	const struct cs_suite	*s;
	enum cs_block		 b, first = CSB_NOT_ON_OS;
	size_t			 i, n = 0;

	for (i = 0; (s = candidate(p, pg, i)) != NULL; i++) {
		b = policy_suite_block(p, pg, s, pr);
		if (b == CSB_OK) {
			if (n < max)
				out[n] = s;
			n++;
		} else if (b > first)
			first = b;
	}
	if (why != NULL)
		*why = n != 0 ? CSB_OK : first;
	return n;
}

int
policy_suite_rules_line(const struct policy *p)
{
	static const enum policy_key keys[] = { K_CS_ORDER, K_CS_CURVES,
	    K_SC_CIPHERS, K_SC_HASHES, K_SC_KX };
	size_t	i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (p->key_line[keys[i]] != 0)
			return p->key_line[keys[i]];
	}
	return 0;
}

int
policy_has_suite_rules(const struct policy *p)
{
	return policy_suite_rules_line(p) != 0;
}
