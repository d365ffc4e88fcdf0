#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "policy.h"
#include "policy-int.h"
#include "xmalloc.h"

/*
 * The keys of the cipher-suite work (issue 20): lists of names, which may
 * go on over indented lines because a suite order is longer than the INI
 * library's line, and key sizes. Whether a name exists, and on which
 * Windows, is lint-suites.c's question: here only the shape is checked.
 */

#define NAME_MAX_BYTES	64	/* the longest suite name is 45 */
#define NAMES_MAX	128	/* more than any list of Windows' names */
#define BITS_MIN	1024
#define BITS_MAX	16384

static const enum policy_key list_keys[] = {
	K_SC_CIPHERS, K_SC_HASHES, K_SC_KX, K_CS_ORDER, K_CS_CURVES
};

static const char *const list_names[] = {
	"ciphers", "hashes", "key-exchange", "order", "curves"
};

int
policy_list_key(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof list_names / sizeof list_names[0]; i++) {
		if (strcmp(name, list_names[i]) == 0)
			return 1;
	}
	return 0;
}

static struct name_list *
list_of(struct policy *p, enum policy_key k)
{
	switch (k) {
	case K_SC_CIPHERS:
		return &p->ciphers;
	case K_SC_HASHES:
		return &p->hashes;
	case K_SC_KX:
		return &p->kx;
	case K_CS_ORDER:
		return &p->suites;
	case K_CS_CURVES:
		return &p->curves;
	default:
		return NULL;
	}
}

static void
list_add(struct name_list *nl, const char *s, size_t n, int line)
{
	nl->names = xreallocarray(nl->names, nl->n + 1, sizeof *nl->names);
	nl->lines = xreallocarray(nl->lines, nl->n + 1, sizeof *nl->lines);
	nl->names[nl->n] = xstrndup(s, n);
	nl->lines[nl->n++] = line;
}

static void	parse_names(struct loader *, const char *, const char *,
		    struct name_list *);

/*
 * One line's part of a list: names between commas, blanks around them
 * dropped (a name may hold blanks: "AES 128/128"). A comma may end the
 * line, the list going on below; two commas in a row are an error.
 */
static void
parse_list(struct loader *l, const char *key, const char *v,
    struct name_list *nl)
{
	char		*copy, *c;

	/*
	 * libinih leaves an inline comment on a continuation line: cut it
	 * ("; ..." after a blank or at the start). No name holds ';' or '#'.
	 */
	copy = xstrdup(v);
	for (c = copy; *c != '\0'; c++) {
		if ((*c == ';' || *c == '#') && (c == copy || c[-1] == ' ' ||
		    c[-1] == '\t')) {
			*c = '\0';
			break;
		}
	}
	parse_names(l, key, copy, nl);
	free(copy);
}

static void
parse_names(struct loader *l, const char *key, const char *v,
    struct name_list *nl)
{
	const char	*s = v, *e, *t;

	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0')
			return;
		e = strchr(s, ',');
		if (e == NULL)
			e = s + strlen(s);
		for (t = e; t > s && (t[-1] == ' ' || t[-1] == '\t'); t--)
			;
		if (t == s) {
			diag_error(l->d, l->line, "%s: an empty name between "
			    "commas", key);
			return;
		}
		if ((size_t)(t - s) > NAME_MAX_BYTES) {
			diag_error(l->d, l->line, "%s: '%.*s...' is longer "
			    "than any name it may hold", key, 24, s);
			return;
		}
		if (nl->n > NAMES_MAX)
			return;		/* said once */
		if (nl->n == NAMES_MAX)
			diag_error(l->d, l->line, "%s: more than %d names; no "
			    "list of Windows' names is that long", key,
			    NAMES_MAX);
		list_add(nl, s, (size_t)(t - s), l->line);
		if (*e == '\0')
			return;
		s = e + 1;
	}
}

/*
 * A key size in bits: a multiple of 64 from 1024 to 16384. 1024 is
 * Windows' own default floor for a client [TLSREG]; below it no key is
 * safe, and Schannel's sizes are whole 64-bit words.
 */
static unsigned
parse_bits(struct loader *l, const char *key, const char *v)
{
	char		*end;
	unsigned long	 n;

	if (*v < '0' || *v > '9')
		goto bad;
	n = strtoul(v, &end, 10);
	if (*end != '\0' || n < BITS_MIN || n > BITS_MAX || n % 64 != 0)
		goto bad;
	return (unsigned)n;
bad:
	diag_error(l->d, l->line, "bad value '%s' for %s; allowed: a number "
	    "of bits from %d to %d, a multiple of 64 (e.g. 2048, 3072)", v,
	    key, BITS_MIN, BITS_MAX);
	return 0;
}

/* dh-min-bits sets both sides; .client or .server one. Each side once. */
static void
set_dh(struct loader *l, enum policy_key k, const char *v)
{
	struct policy	*p = l->p;
	static const char *const side_names[] = { "client", "server" };
	unsigned	 bits;
	int		 s, first, last;

	first = k == K_SC_DH_SERVER ? SIDE_SERVER : SIDE_CLIENT;
	last = k == K_SC_DH_CLIENT ? SIDE_CLIENT : SIDE_SERVER;
	for (s = first; s <= last; s++) {
		if (p->dh_line[s] != 0) {
			diag_error(l->d, l->line, "the %s side of dh-min-bits "
			    "is already set on line %d; set each side once",
			    side_names[s], p->dh_line[s]);
			return;
		}
	}
	bits = parse_bits(l, k == K_SC_DH_BITS ? "dh-min-bits" :
	    k == K_SC_DH_CLIENT ? "dh-min-bits.client" : "dh-min-bits.server",
	    v);
	if (bits == 0)
		return;
	for (s = first; s <= last; s++) {
		p->dh_min_bits[s] = bits;
		p->dh_line[s] = l->line;
	}
}

void
policy_set_crypto(struct loader *l, enum policy_key k, const char *v)
{
	struct name_list	*nl;
	size_t			 i;

	switch (k) {
	case K_SC_DH_BITS:
	case K_SC_DH_CLIENT:
	case K_SC_DH_SERVER:
		set_dh(l, k, v);
		return;
	case K_SC_PKCS_BITS:
		l->p->pkcs_min_bits = parse_bits(l, "pkcs-min-bits", v);
		return;
	default:
		break;
	}
	nl = list_of(l->p, k);
	for (i = 0; nl != NULL && i < sizeof list_keys / sizeof list_keys[0];
	    i++) {
		if (list_keys[i] == k) {
			parse_list(l, list_names[i], v, nl);
			return;
		}
	}
}

void
name_list_free(struct name_list *nl)
{
	size_t	i;

	for (i = 0; i < nl->n; i++)
		free(nl->names[i]);
	free(nl->names);
	free(nl->lines);
	memset(nl, 0, sizeof *nl);
}
