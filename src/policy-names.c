#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "policy.h"
#include "policy-int.h"
#include "suites.h"
#include "wordlist.h"
#include "xmalloc.h"

/*
 * The names of the cipher-suite keys against the facts (suites.h): each
 * known, once, and then spelt as Windows spells it, which is what the
 * plan writes. The suite order fits in Functions.
 */

/*
 * Group Policy's "SSL Cipher Suite Order" holds at most 1,023 characters
 * ("Prioritizing Schannel Cipher Suites", "Manage TLS", Microsoft Learn);
 * Windows ignores a longer list.
 */
#define FUNCTIONS_MAX	1023

/* A name list's candidates, one at a time: NULL after the last. */
typedef const char *(*name_at)(size_t);

static const char *
suite_at(size_t i)
{
	return i < cs_suite_count ? cs_suites[i].name : NULL;
}

static const char *
curve_at(size_t i)
{
	return cs_curve_names[i];
}

static const char *
cipher_at(size_t i)
{
	return cs_cipher_keys[i];
}

static const char *
hash_at(size_t i)
{
	return cs_hash_keys[i];
}

static const char *
kx_at(size_t i)
{
	return cs_kx_keys[i];
}

/* The candidate spelt like NAME but for case, or NULL. */
static const char *
find_name(name_at at, const char *name)
{
	const char	*c;
	size_t		 i;

	for (i = 0; (c = at(i)) != NULL; i++) {
		if (strcasecmp(c, name) == 0)
			return c;
	}
	return NULL;
}

/* The nearest candidate, when it is near enough to be a typing slip. */
static const char *
nearest_name(name_at at, const char *name)
{
	const char	*c, *best = NULL;
	size_t		 i, d, bestd = (size_t)-1;

	for (i = 0; (c = at(i)) != NULL; i++) {
		d = name_distance(name, c);
		if (d < bestd) {
			bestd = d;
			best = c;
		}
	}
	return bestd <= 1 + strlen(name) / 4 ? best : NULL;
}

static void
check_list(struct diags *d, struct name_list *nl,
    const char *key, const char *what, name_at at)
{
	const char	*canon, *near;
	size_t		 i, j;

	for (i = 0; i < nl->n; i++) {
		canon = find_name(at, nl->names[i]);
		if (canon == NULL) {
			near = nearest_name(at, nl->names[i]);
			diag_error(d, nl->lines[i], "%s: unknown %s '%s'%s%s%s",
			    key, what, nl->names[i], near ? "; did you mean '" :
			    "", near ? near : "", near ? "'?" : "");
			continue;
		}
		free(nl->names[i]);
		nl->names[i] = xstrdup(canon);
		for (j = 0; j < i; j++) {
			if (strcmp(nl->names[j], canon) == 0) {
				diag_error(d, nl->lines[i], "%s: %s is listed "
				    "twice (first on line %d)", key, canon,
				    nl->lines[j]);
				break;
			}
		}
	}
}

static void
check_order_length(const struct policy *p, struct diags *d)
{
	size_t	i, len = 0;

	for (i = 0; i < p->suites.n; i++)
		len += strlen(p->suites.names[i]) + (i > 0);
	if (len > FUNCTIONS_MAX)
		diag_error(d, p->key_line[K_CS_ORDER], "order: the list is %zu "
		    "characters as Windows stores it (names joined by commas); "
		    "Group Policy's suite order holds at most %d: leave out "
		    "suites (%zu listed)", len, FUNCTIONS_MAX, p->suites.n);
}

/* An empty allow-list would turn every key of its kind off. */
static void
check_empty(const struct policy *p, struct diags *d, enum policy_key k,
    const struct name_list *nl, const char *key)
{
	if (p->key_line[k] != 0 && nl->n == 0)
		diag_error(d, p->key_line[k], "%s is empty: it would turn every "
		    "key of its kind off, and with them every cipher suite; "
		    "list the ones to keep on, or leave the key out", key);
}

void
policy_check_names(struct policy *p, struct diags *d)
{
	if (p->section_line[SEC_SUITES] != 0 &&
	    p->key_line[K_CS_ORDER] == 0 && p->key_line[K_CS_CURVES] == 0)
		diag_error(d, p->section_line[SEC_SUITES], "[cipher-suites] "
		    "sets nothing: give order and/or curves");
	if (p->key_line[K_CS_ORDER] != 0 && p->suites.n == 0)
		diag_error(d, p->key_line[K_CS_ORDER], "order is empty: list "
		    "the cipher suites Windows may use, most preferred first");
	if (p->key_line[K_CS_CURVES] != 0 && p->curves.n == 0)
		diag_error(d, p->key_line[K_CS_CURVES], "curves is empty: list "
		    "the elliptic curves Windows may use, most preferred first");
	check_empty(p, d, K_SC_CIPHERS, &p->ciphers, "ciphers");
	check_empty(p, d, K_SC_HASHES, &p->hashes, "hashes");
	check_empty(p, d, K_SC_KX, &p->kx, "key-exchange");
	check_list(d, &p->suites, "order", "cipher suite", suite_at);
	check_list(d, &p->curves, "curves", "curve", curve_at);
	check_list(d, &p->ciphers, "ciphers", "SCHANNEL cipher key",
	    cipher_at);
	check_list(d, &p->hashes, "hashes", "SCHANNEL hash key", hash_at);
	check_list(d, &p->kx, "key-exchange", "SCHANNEL key exchange key",
	    kx_at);
	check_order_length(p, d);
}
