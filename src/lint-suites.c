#include "config.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "lint-int.h"
#include "os.h"
#include "policy.h"
#include "suites.h"

/*
 * The rules over the cipher-suite keys (issue 20), the facts being
 * suites.h's: suites and curves a target lacks, insecure suites and
 * switches, and the lock-out analysis: a protocol left on with no usable
 * suite (policy-suites.c decides which are usable).
 */


void
lint_where_add(struct lint_where *w, const struct os_target *t, size_t page,
    int why)
{
	size_t	i = (size_t)(t - os_targets);

	if (why > w->why)
		w->why = why;
	if (i < 32 && page < 32 && !(w->hit[i] & (1U << page))) {
		w->hit[i] |= 1U << page;
		w->n++;
	}
}

static void
where_target(const struct os_target *t, unsigned hit, struct buf *b)
{
	const struct cs_page	*pgs[CS_PAGES_MAX];
	size_t			 j, n;
	int			 first = 1;

	n = cs_pages_for_target(t, pgs, CS_PAGES_MAX);
	buf_adds(b, t->name);
	if (n <= 1 || hit == (1U << n) - 1)
		return;
	for (j = 0; j < n; j++) {
		if (!(hit & (1U << j)))
			continue;
		buf_printf(b, "%s%s", first ? " (" : "; ", pgs[j]->display);
		first = 0;
	}
	buf_adds(b, ")");
}

const char *
lint_where_text(const struct lint_where *w, char *out, size_t size)
{
	struct buf	b;
	size_t		i;

	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i < os_target_count && i < 32; i++) {
		if (w->hit[i] == 0)
			continue;
		if (b.len != 0)
			buf_adds(&b, ", ");
		where_target(&os_targets[i], w->hit[i], &b);
	}
	snprintf(out, size, "%s", b.data);
	buf_free(&b);
	return out;
}

void
lint_each_page(const struct lint *l, void (*fn)(const struct os_target *,
    const struct cs_page *, size_t, void *), void *arg)
{
	const struct cs_page	*pgs[CS_PAGES_MAX];
	size_t			 i, j, n;

	for (i = 0; i < os_target_count; i++) {
		if (!(policy_targets(l->p) & (1U << i)))
			continue;
		n = cs_pages_for_target(&os_targets[i], pgs, CS_PAGES_MAX);
		for (j = 0; j < n; j++)
			fn(&os_targets[i], pgs[j], j, arg);
	}
}

/* ---- what a target lacks ------------------------------------------- */

struct lacking {
	const char		*name;
	int			 curve;
	struct lint_where	 w;
};

static void
page_lacks(const struct os_target *t, const struct cs_page *pg, size_t page,
    void *arg)
{
	struct lacking		*lk = arg;
	const struct cs_suite	*s;
	int			 has;

	if (lk->curve) {
		if (pg->curves_supported == NULL)
			return;		/* no EccCurves: lint_curves warns */
		has = cs_page_has_curve(pg, lk->name);
	} else {
		s = cs_suite_find(lk->name);
		has = s != NULL && policy_suite_on_page(pg, s);
	}
	if (!has)
		lint_where_add(&lk->w, t, page, 0);
}

void
lint_suites_on_targets(const struct lint *l)
{
	const struct policy	*p = l->p;
	struct lacking		 lk;
	char			 where[512];
	size_t			 i;

	for (i = 0; i < p->suites.n; i++) {
		memset(&lk, 0, sizeof lk);
		lk.name = p->suites.names[i];
		lint_each_page(l, page_lacks, &lk);
		if (lk.w.n != 0)
			diag_error(l->d, p->suites.lines[i], "order: %s is not a "
			    "cipher suite of %s; remove it, or narrow [target] "
			    "os (%s)", lk.name, lint_where_text(&lk.w, where,
			    sizeof where), l->tw);
	}
}

static void
page_no_curves(const struct os_target *t, const struct cs_page *pg,
    size_t page, void *arg)
{
	struct lacking	*lk = arg;

	if (pg->curves_supported == NULL)
		lint_where_add(&lk->w, t, page, 0);
}

void
lint_curves_on_targets(const struct lint *l)
{
	const struct policy	*p = l->p;
	struct lacking		 lk;
	char			 where[512];
	size_t			 i;

	for (i = 0; i < p->curves.n; i++) {
		memset(&lk, 0, sizeof lk);
		lk.name = p->curves.names[i];
		lk.curve = 1;
		lint_each_page(l, page_lacks, &lk);
		if (lk.w.n != 0)
			diag_error(l->d, p->curves.lines[i], "curves: %s is not "
			    "a curve of %s; remove it, or narrow [target] os "
			    "(%s)", lk.name, lint_where_text(&lk.w, where,
			    sizeof where), l->tw);
	}
	if (p->curves.n == 0)
		return;
	memset(&lk, 0, sizeof lk);
	lint_each_page(l, page_no_curves, &lk);
	if (lk.w.n != 0)
		diag_warn(l->d, p->key_line[K_CS_CURVES], "curves: %s read no "
		    "curve order (EccCurves): there the _P256, _P384 or _P521 "
		    "at the end of a suite's name chooses its curve",
		    lint_where_text(&lk.w, where, sizeof where));
}

/* ---- insecure suites and switches ---------------------------------- */

/* A cipher or hash key that is broken: NULL, DES, RC2, RC4, MD5. */
static int
insecure_key(const char *k)
{
	return k != NULL && (strcmp(k, "NULL") == 0 || strncmp(k, "DES", 3) ==
	    0 || strncmp(k, "RC2", 3) == 0 || strncmp(k, "RC4", 3) == 0 ||
	    strcmp(k, "MD5") == 0);
}

/* A curve under 224 bits (secP160*, secP192*, nistP192): broken. */
static int
curve_insecure(const char *c)
{
	return strstr(c, "160") != NULL || strstr(c, "192") != NULL;
}

static int
suite_insecure(const struct cs_suite *s)
{
	return insecure_key(s->cipher) || insecure_key(s->hash) ||
	    strstr(s->name, "EXPORT") != NULL;
}

int
lint_any_insecure_suite(const struct policy *p)
{
	const struct cs_suite	*s;
	size_t			 i;

	for (i = 0; i < p->suites.n; i++) {
		s = cs_suite_find(p->suites.names[i]);
		if (s != NULL && suite_insecure(s))
			return 1;
	}
	for (i = 0; i < p->ciphers.n; i++) {
		if (insecure_key(p->ciphers.names[i]))
			return 1;
	}
	for (i = 0; i < p->hashes.n; i++) {
		if (insecure_key(p->hashes.names[i]))
			return 1;
	}
	for (i = 0; i < p->curves.n; i++) {
		if (curve_insecure(p->curves.names[i]))
			return 1;
	}
	return 0;
}

static void
insecure(const struct lint *l, int line, const char *key, const char *name,
    const char *why)
{
	if (!l->p->allow_insecure)
		diag_error(l->d, line, "%s: %s is insecure (%s); it is refused "
		    "unless [target] says allow-insecure = yes", key, name, why);
	else
		diag_warn(l->d, line, "%s: %s is insecure (%s; allow-insecure "
		    "= yes)", key, name, why);
}

void
lint_insecure_suites(const struct lint *l)
{
	const struct policy	*p = l->p;
	const struct cs_suite	*s;
	size_t			 i;

	for (i = 0; i < p->suites.n; i++) {
		s = cs_suite_find(p->suites.names[i]);
		if (s == NULL)
			continue;
		if (suite_insecure(s))
			insecure(l, p->suites.lines[i], "order", s->name,
			    s->display_cipher);
		else if (s->cipher != NULL && strncmp(s->cipher, "Triple", 6)
		    == 0)
			diag_warn(l->d, p->suites.lines[i], "order: %s uses "
			    "3DES, whose 64-bit blocks are weak (Sweet32); "
			    "keep it only for peers that have nothing else",
			    s->name);
	}
	for (i = 0; i < p->ciphers.n; i++) {
		if (insecure_key(p->ciphers.names[i]))
			insecure(l, p->ciphers.lines[i], "ciphers",
			    p->ciphers.names[i], "a broken cipher");
	}
	for (i = 0; i < p->hashes.n; i++) {
		if (insecure_key(p->hashes.names[i]))
			insecure(l, p->hashes.lines[i], "hashes",
			    p->hashes.names[i], "a broken hash");
	}
	for (i = 0; i < p->curves.n; i++) {
		if (curve_insecure(p->curves.names[i]))
			insecure(l, p->curves.lines[i], "curves",
			    p->curves.names[i], "a curve under 224 bits");
	}
}

/* ---- legacy switches, key sizes ------------------------------------ */

void
lint_legacy_switches(const struct lint *l)
{
	const struct policy	*p = l->p;
	static const enum policy_key keys[] = { K_SC_CIPHERS, K_SC_HASHES,
	    K_SC_KX };
	size_t			 i;

	for (i = 0; i < 3; i++) {
		if (p->key_line[keys[i]] == 0)
			continue;
		diag_warn(l->d, p->key_line[keys[i]], "ciphers, hashes and "
		    "key-exchange are legacy switches: Microsoft controls "
		    "ciphers, hashes and key exchange with the cipher-suite "
		    "order ([cipher-suites] order) and supports only key sizes "
		    "in the registry (\"TLS registry settings\")");
		return;
	}
}

/* Sizes that cut off most peers: warned about, not refused. */
static void
key_size_reach(const struct lint *l)
{
	const struct policy	*p = l->p;
	int			 s;

	if (p->key_line[K_SC_PKCS_BITS] != 0 && p->pkcs_min_bits > 2048)
		diag_warn(l->d, p->key_line[K_SC_PKCS_BITS], "pkcs-min-bits = "
		    "%u: clients would refuse every server whose RSA key is "
		    "smaller, and most have 2048 bits, Remote Desktop's own "
		    "certificate included", p->pkcs_min_bits);
	for (s = 0; s < 2; s++) {
		if (p->dh_line[s] != 0 && p->dh_min_bits[s] > 4096) {
			diag_warn(l->d, p->dh_line[s], "dh-min-bits = %u: few "
			    "peers offer Diffie-Hellman groups over 4096 bits; "
			    "the DHE suites would go unused",
			    p->dh_min_bits[s]);
			return;
		}
	}
}

void
lint_key_sizes(const struct lint *l)
{
	const struct policy	*p = l->p;
	struct lint_where	 w;
	char			 where[512];
	size_t			 i;
	int			 line;

	key_size_reach(l);
	line = p->dh_line[SIDE_SERVER] != 0 ? p->dh_line[SIDE_SERVER] :
	    p->dh_line[SIDE_CLIENT] != 0 ? p->dh_line[SIDE_CLIENT] :
	    p->key_line[K_SC_PKCS_BITS];
	if (line == 0)
		return;
	memset(&w, 0, sizeof w);
	for (i = 0; i < os_target_count; i++) {
		if ((policy_targets(p) & (1U << i)) &&
		    os_targets[i].build_min < os_keysize_first_build())
			lint_where_add(&w, &os_targets[i], 0, 0);
	}
	if (w.n != 0)
		diag_warn(l->d, line, "dh-min-bits and pkcs-min-bits are read "
		    "from build %u on; %s may ignore them and keep Windows' own "
		    "key sizes (%s)", os_keysize_first_build(),
		    lint_where_text(&w, where, sizeof where),
		    os_keysize_caveat());
}
