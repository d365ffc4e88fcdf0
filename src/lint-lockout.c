#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lint-int.h"
#include "os.h"
#include "policy.h"
#include "suites.h"

/*
 * The lock-out analysis: for each target's Windows releases (suites.h's
 * pages), each side and each TLS version left on, the suites that remain
 * usable (policy-suites.c). A version the policy turns on with none left
 * is an error, as is a side with no usable suite for any version (after
 * the restart it can make no TLS connection: Remote Desktop included); a
 * version left on by Windows' default with none left is a warning.
 */

#define SUITES_MAX	128
#define TLS_FIRST	PROTO_TLS10
#define TLS_LAST	PROTO_TLS13

static const char *const side_words[] = { "client", "server" };

static const char *
block_words(enum cs_block b)
{
	switch (b) {
	case CSB_OK:
	case CSB_NOT_ON_OS:
		return "no suite of the order exists there";
	case CSB_PSK:
		return "only PSK suites are left, which serve only applications "
		    "that ask for them";
	case CSB_NOT_DEFAULT:
		return "no suite is on there by default";
	case CSB_PROTOCOL:
		return "no suite left works with that version";
	case CSB_CIPHER_OFF:
		return "every suite left needs a cipher that ciphers = turns off";
	case CSB_HASH_OFF:
		return "every suite left needs a hash that hashes = turns off";
	case CSB_KX_OFF:
		return "every suite left needs a key exchange that key-exchange "
		    "= turns off (PKCS off stops every suite of an RSA "
		    "certificate)";
	case CSB_NO_CURVE:
		return "every suite left needs an elliptic curve, and curves = "
		    "keeps none that release offers by default (curve25519, "
		    "NistP256, NistP384)";
	}
	return "?";
}

/* What one analysis found, per version and side. */
struct lockout {
	struct lint_where	 off[PROTO_COUNT][2];	/* turned on, none left */
	struct lint_where	 dflt[PROTO_COUNT][2];	/* on by default, none left */
	struct lint_where	 side[2];		/* no version has one */
	struct lint_where	 norsa[2];		/* none for an RSA certificate */
	struct lint_where	 peer;			/* no ECDHE-RSA AEAD for TLS 1.2 */
};

/* Whether the page has an ECDHE-RSA suite with AES-GCM for TLS 1.2, and
 * whether any of the usable ones is one. */
static int
is_common(const struct cs_suite *s)
{
	return s->kx == CS_KX_ECDHE && s->auth == CS_AUTH_RSA && s->aead &&
	    (s->protocols & (1U << PROTO_TLS12));
}

static int
page_has_common(const struct cs_page *pg)
{
	size_t	i;

	for (i = 0; i < cs_suite_count; i++) {
		if (is_common(&cs_suites[i]) && cs_page_has(pg, &cs_suites[i]))
			return 1;
	}
	return 0;
}

static void
check_peer(struct lockout *lo, const struct os_target *t,
    const struct cs_page *pg, size_t page, const struct cs_suite *const *u,
    size_t n)
{
	size_t	i;

	if (n > SUITES_MAX)
		n = SUITES_MAX;
	for (i = 0; i < n; i++) {
		if (is_common(u[i]))
			return;
	}
	if (page_has_common(pg))
		lint_where_add(&lo->peer, t, page, CSB_OK);
}

/* A suite a server with an RSA certificate can use: RSA-authenticated, or
 * a TLS 1.3 suite (whose name says nothing of the certificate). */
static int
for_rsa(const struct cs_suite *s)
{
	return s->auth == CS_AUTH_RSA || s->kx == CS_KX_NONE;
}

/* One release's usable suites for one TLS version: the same for both
 * sides (Windows has one list). */
struct usable {
	const struct cs_suite	*u[SUITES_MAX];
	size_t			 n;
	size_t			 rsa;	/* of them, for an RSA certificate */
	enum cs_block		 why;
};

static void
analyse_side(const struct policy *p, struct lockout *lo,
    const struct os_target *t, const struct cs_page *pg, size_t page,
    int side, const struct usable *us)
{
	const struct usable	*x;
	proto_set		 on = policy_tls_after(p, t, side);
	size_t			 any = 0, rsa = 0;
	int			 pr;

	for (pr = TLS_FIRST; pr <= TLS_LAST; pr++) {
		if (!(on & (1U << pr)))
			continue;
		x = &us[pr - TLS_FIRST];
		any += x->n;
		rsa += x->rsa;
		if (x->n == 0 && p->schannel[pr][side] == SC_ENABLED)
			lint_where_add(&lo->off[pr][side], t, page, x->why);
		else if (x->n == 0)
			lint_where_add(&lo->dflt[pr][side], t, page, x->why);
		else if (pr == PROTO_TLS12 && side == SIDE_SERVER && x->rsa != 0)
			check_peer(lo, t, pg, page, x->u, x->n);
	}
	if (on != 0 && any == 0)
		lint_where_add(&lo->side[side], t, page, CSB_OK);
	else if (on != 0 && rsa == 0)
		lint_where_add(&lo->norsa[side], t, page, CSB_OK);
}

/*
 * One message for both sides when they are alike: an error for a version
 * the policy turns on (OFF), a warning for one on by Windows' default.
 */
static void
report_version(const struct lint *l, const struct lint_where *d, int pr,
    int on, int line)
{
	const struct policy	*p = l->p;
	char			 w[512], side[32];
	int			 s, both;

	both = memcmp(&d[0], &d[1], sizeof d[0]) == 0 &&
	    (!on || p->schannel_line[pr][0] == p->schannel_line[pr][1]);
	for (s = 0; s < 2; s++) {
		if (d[s].n == 0)
			continue;
		snprintf(side, sizeof side, "%s", both ? "client and server "
		    "sides" : s == 0 ? "client side" : "server side");
		lint_where_text(&d[s], w, sizeof w);
		if (on)
			diag_error(l->d, p->schannel_line[pr][s], "%s (%s) would "
			    "have no usable cipher suite on %s: %s",
			    protocols[pr].display, side, w,
			    block_words((enum cs_block)d[s].why));
		else
			diag_warn(l->d, line, "%s (%s) stays on by Windows' "
			    "default but would have no usable cipher suite on "
			    "%s: %s; turn it off in [schannel] to say so",
			    protocols[pr].display, side, w,
			    block_words((enum cs_block)d[s].why));
		if (both)
			return;
	}
}

static void
report(const struct lint *l, const struct lockout *lo)
{
	const struct policy	*p = l->p;
	char			 w[512];
	int			 pr, s, line = policy_suite_rules_line(p);

	for (s = 0; s < 2; s++) {
		if (lo->side[s].n != 0)
			diag_error(l->d, line, "the %s side would have no "
			    "usable cipher suite for any TLS version on %s: "
			    "after the restart it could make no TLS connection, "
			    "Remote Desktop included", side_words[s],
			    lint_where_text(&lo->side[s], w, sizeof w));
	}
	for (pr = TLS_FIRST; pr <= TLS_LAST; pr++) {
		report_version(l, lo->off[pr], pr, 1, line);
		report_version(l, lo->dflt[pr], pr, 0, line);
	}
	if (lo->norsa[SIDE_SERVER].n != 0)
		diag_error(l->d, line, "the server side would have no cipher "
		    "suite for an RSA certificate on %s: Remote Desktop's own "
		    "certificate is RSA, as most server certificates are; keep "
		    "an ECDHE_RSA (or a TLS 1.3) suite",
		    lint_where_text(&lo->norsa[SIDE_SERVER], w, sizeof w));
	if (lo->norsa[SIDE_CLIENT].n != 0)
		diag_warn(l->d, line, "the client side would have no cipher "
		    "suite for a server with an RSA certificate on %s: it could "
		    "not connect to most servers; keep an ECDHE_RSA (or a TLS "
		    "1.3) suite", lint_where_text(&lo->norsa[SIDE_CLIENT], w,
		    sizeof w));
	if (lo->peer.n != 0)
		diag_warn(l->d, line, "no ECDHE-RSA suite with AES-GCM is left "
		    "for TLS 1.2 on %s: most TLS 1.2 peers prefer one, and "
		    "HTTP/2 refuses CBC suites (e.g. "
		    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384)",
		    lint_where_text(&lo->peer, w, sizeof w));
}

struct analysis {
	const struct policy	*p;
	struct lockout		*lo;
};

/* Each TLS version either side leaves on, once; then each side. */
static void
analyse_page(const struct os_target *t, const struct cs_page *pg,
    size_t page, void *arg)
{
	struct analysis	*a = arg;
	struct usable	 us[TLS_LAST - TLS_FIRST + 1];
	proto_set	 on = policy_tls_after(a->p, t, SIDE_CLIENT) |
	    policy_tls_after(a->p, t, SIDE_SERVER);
	struct usable	*x;
	size_t		 i;
	int		 pr, s;

	for (pr = TLS_FIRST; pr <= TLS_LAST; pr++) {
		if (!(on & (1U << pr)))
			continue;
		x = &us[pr - TLS_FIRST];
		x->n = policy_usable_suites(a->p, pg, pr, x->u, SUITES_MAX,
		    &x->why);
		for (i = 0, x->rsa = 0; i < x->n && i < SUITES_MAX; i++)
			x->rsa += for_rsa(x->u[i]);
	}
	for (s = 0; s < 2; s++)
		analyse_side(a->p, a->lo, t, pg, page, s, us);
}

void
lint_lockout(const struct lint *l)
{
	struct lockout	lo;
	struct analysis	a = { l->p, &lo };

	if (!policy_has_suite_rules(l->p))
		return;
	memset(&lo, 0, sizeof lo);
	lint_each_page(l, analyse_page, &a);
	report(l, &lo);
}
