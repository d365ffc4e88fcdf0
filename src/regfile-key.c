#include "config.h"

#include <stdio.h>
#include <string.h>

#include "regfile-int.h"
#include "xmalloc.h"

/*
 * Key lines: which wanted key (or ancestor of one) a line names, and what
 * that says about it; a key listed twice, out of order, or from a second
 * user's hive is an error.
 */

static const struct {
	const char	*name;
	enum reg_hive	 hive;
} hive_names[] = {
	{ "HKEY_LOCAL_MACHINE", HIVE_HKLM },
	{ "HKLM", HIVE_HKLM },
	{ "HKEY_CURRENT_USER", HIVE_HKCU },
	{ "HKCU", HIVE_HKCU },
};

/*
 * A key line's hive: returns the unit where the path starts (after the
 * hive and its '\\'), or the end when the line names only the hive; -1 for
 * a hive no wanted key lives in. A user's hive exported from HKEY_USERS
 * (S-1-5-21-..., S-1-12-1-...) is HKEY_CURRENT_USER; the service
 * accounts' (S-1-5-18, -19, -20), .DEFAULT and *_Classes are not. *user
 * names the user: "HKEY_CURRENT_USER" or the SID.
 */
static long
key_hive(const struct rd *r, const unsigned char *p, size_t a, size_t n,
    enum reg_hive *hive, char *user, size_t userlen)
{
	size_t	i, k, len, u;

	for (i = 0; i < sizeof hive_names / sizeof hive_names[0]; i++) {
		len = strlen(hive_names[i].name);
		if (n >= len &&
		    rd_units_equal(r, p, a, hive_names[i].name, len) &&
		    (n == len || unit(r, p, a + len) == '\\')) {
			*hive = hive_names[i].hive;
			snprintf(user, userlen, "%s", *hive == HIVE_HKCU ?
			    "HKEY_CURRENT_USER" : "");
			return (long)(n == len ? a + n : a + len + 1);
		}
	}
	if (n > 17 && (rd_units_equal(r, p, a, "HKEY_USERS\\S-1-5-21-", 20) ||
	    rd_units_equal(r, p, a, "HKEY_USERS\\S-1-12-1-", 19))) {
		/*
		 * A SID is digits and '-' after its "S-"; anything else
		 * (..._Classes, or text that only looks like a key) is not a
		 * user's hive. Only such characters reach a message.
		 */
		for (k = a + 11, u = 0; k < a + n && unit(r, p, k) != '\\';
		    k++) {
			if ((unit(r, p, k) < '0' || unit(r, p, k) > '9') &&
			    unit(r, p, k) != '-' && k != a + 11)
				return -1;
			if (u + 1 < userlen)
				user[u++] = (char)unit(r, p, k);
		}
		user[u] = '\0';
		*hive = HIVE_HKCU;
		return (long)(k < a + n ? k + 1 : k);
	}
	return -1;
}

static void
mark_values_gone(struct reg_obs *o, size_t k)
{
	size_t	i;

	for (i = 0; i < o->nvalues; i++) {
		if (o->values[i].key != k)
			continue;
		reg_obs_value_clear(&o->value[i]);
	}
}

/*
 * The end of a segment (an export): a wanted key it did not list, though
 * it listed an ancestor, is absent now, whatever earlier files said.
 */
void
rd_seg_end(struct rd *r)
{
	struct reg_obs	*o = r->obs;
	size_t		 k, d;

	for (k = 0; k < o->nkeys; k++) {
		if (r->seg_key[k] != 0)
			continue;
		for (d = 0; d < ANC_MAX; d++)
			if (r->seg_anc[k * ANC_MAX + d] != 0)
				break;
		if (d == ANC_MAX)
			continue;
		o->key[k] = KEY_ABSENT;
		mark_values_gone(o, k);
	}
	memset(r->seg_key, 0, o->nkeys * sizeof *r->seg_key);
	memset(r->seg_anc, 0, o->nkeys * ANC_MAX * sizeof *r->seg_anc);
	r->seg_headers = 0;
	r->seg_hkcu = 0;
	r->cur = -1;
}

/* How many '\\'-separated components the first n bytes of path have. */
static size_t
depth_of(const char *path, size_t n)
{
	size_t	i, d = n > 0;

	for (i = 0; i < n; i++)
		d += path[i] == '\\';
	return d;
}

/* Whether key units [a, end) name a hive alone ("HKEY_LOCAL_MACHINE"). */
static int
key_is_root(const struct rd *r, const unsigned char *p, size_t a, size_t end)
{
	size_t	i;

	for (i = a; i < end; i++)
		if (unit(r, p, i) == '\\')
			return 0;
	return 1;
}

/* Whether key units [a, end) have their parent on the last key's chain. */
static int
key_in_order(const struct rd *r, const unsigned char *p, size_t a, size_t end)
{
	size_t		 i, par = 0;
	unsigned	 x, y;

	for (i = a; i < end; i++)
		if (unit(r, p, i) == '\\')
			par = i;
	if (par == 0)
		return 1;	/* a hive's root */
	par -= a;	/* the parent's length in units */
	if (r->prev_n < par || (r->prev_n > par &&
	    (r->w == 2 ? ((unsigned)r->prev[2 * par] |
	    (unsigned)r->prev[2 * par + 1] << 8) : r->prev[par]) != '\\'))
		return 0;
	for (i = 0; i < par; i++) {
		x = r->w == 2 ? ((unsigned)r->prev[2 * i] |
		    (unsigned)r->prev[2 * i + 1] << 8) : r->prev[i];
		y = unit(r, p, a + i);
		if (fold(x) != fold(y))
			return 0;
	}
	return 1;
}

/* A key line that may name a wanted key or one of its ancestors. */
struct keyline {
	const unsigned char	*p;
	size_t			 start;		/* where the path starts */
	size_t			 plen;		/* its length, in units */
	enum reg_hive		 hive;
	int			 deleted;	/* [-PATH] */
	int			 ordered;	/* see key_in_order */
	char			 user[96];	/* whose hive (key_hive) */
};

/* Remember this key: the next one's parent is on its chain. */
static void
remember_key(struct rd *r, const unsigned char *p, size_t a, size_t end)
{
	if (r->prev == NULL || r->prev_cap < (end - a) * (size_t)r->w) {
		/* Allocated even for "[]": memcpy wants a buffer. */
		r->prev_cap = (end - a) * (size_t)r->w + 256;
		r->prev = xreallocarray(r->prev, r->prev_cap, 1);
	}
	memcpy(r->prev, p + a * (size_t)r->w, (end - a) * (size_t)r->w);
	r->prev_n = end - a;
}

/* What a line naming wanted key k, or an ancestor of it, says of it. */
static void
key_mark(struct rd *r, const struct keyline *kl, size_t k)
{
	struct reg_obs	*o = r->obs;

	if (kl->plen == o->keys[k].len) {
		if (kl->deleted) {
			o->key[k] = KEY_ABSENT;
		} else {
			o->key[k] = KEY_PRESENT;
			r->cur = (long)k;
		}
		/* The header lists all the key's values. */
		mark_values_gone(o, k);
	} else if (kl->deleted) {
		/* Deleting an ancestor deletes the key. */
		o->key[k] = KEY_ABSENT;
		mark_values_gone(o, k);
	} else if (o->key[k] == KEY_UNSEEN) {
		/* An export holds its keys' whole subtrees. */
		o->key[k] = KEY_ABSENT;
	}
}

/*
 * A key line and wanted key k: nothing when the line names neither the key
 * nor an ancestor; otherwise its checks, then what it says of the key.
 */
static int
key_wanted(struct rd *r, const struct keyline *kl, size_t k)
{
	struct reg_obs	*o = r->obs;
	size_t		 plen = kl->plen, klen, d;
	int		*seen;

	if (o->keys[k].hive != kl->hive)
		return 0;
	klen = o->keys[k].len;
	if (plen > klen || (plen < klen && plen > 0 &&
	    o->keys[k].path[plen] != '\\'))
		return 0;
	if (!rd_units_equal(r, kl->p, kl->start, o->keys[k].path, plen))
		return 0;
	d = depth_of(o->keys[k].path, plen);
	/* A user counts from the policy key's parent down. */
	if (kl->hive == HIVE_HKCU && d + 1 >= depth_of(o->keys[k].path,
	    klen)) {
		if (o->user[0] == '\0')
			snprintf(o->user, sizeof o->user, "%s", kl->user);
		else if (strcmp(o->user, kl->user) != 0)
			return rd_fail(r, r->line, "a second user's hive "
			    "(%s, after %s): give each user's export "
			    "as a machine of its own", kl->user, o->user);
	}
	seen = plen == klen ? &r->seg_key[k] :
	    &r->seg_anc[k * ANC_MAX + (d < ANC_MAX ? d : ANC_MAX - 1)];
	if (!kl->deleted && *seen != 0)
		return rd_fail(r, r->line, "this key was listed already, "
		    "on line %d: a string value with a line break in "
		    "it, or a damaged export", *seen);
	/*
	 * regedit lists a tree depth first: after the first key of an
	 * export, each key's parent is the key before it or one of that
	 * key's ancestors. A policy key (or ancestor) anywhere else was
	 * not written as a key: a key name with line breaks in it, or a
	 * damaged or hand-joined file.
	 */
	if (!kl->ordered)
		return rd_fail(r, r->line, "this key is not where an export "
		    "lists it (after its parent): a key name with line "
		    "breaks in it, or a damaged or hand-made file");
	if (!kl->deleted)
		*seen = r->line;
	key_mark(r, kl, k);
	return 0;
}

/*
 * A key line: [PATH] or [-PATH]. An export lists each key once, after its
 * parent, with all its values: a wanted key's header resets its values, and
 * a wanted key (or an ancestor) given twice in one segment, or before its
 * parent, is an error (a string value with a line break in it, or a
 * damaged export, would otherwise be read as keys).
 */
int
rd_key_line(struct rd *r, const unsigned char *p, size_t n)
{
	struct keyline	 kl;
	size_t		 a = 1, end = n, k;
	long		 start;

	memset(&kl, 0, sizeof kl);
	kl.p = p;
	r->cur = -1;
	r->seg_headers++;
	while (end > 0 && (unit(r, p, end - 1) == '\r' ||
	    unit(r, p, end - 1) == ' '))
		end--;
	if (end < 2 || unit(r, p, end - 1) != ']')
		return rd_fail(r, r->line,
		    "a key line without its closing ']'");
	end--;
	if (a < end && unit(r, p, a) == '-') {
		kl.deleted = 1;
		a++;
	}
	/*
	 * Deleting a whole hive is not something a .reg can mean; a key line
	 * out of order is not remembered (it could be a key name's text, and
	 * must not vouch for the next line).
	 */
	if (kl.deleted && key_is_root(r, p, a, end))
		return rd_fail(r, r->line, "a line that deletes a whole hive: "
		    "a key name with line breaks in it, or a damaged file");
	kl.ordered = r->seg_headers == 1 || key_in_order(r, p, a, end);
	if (kl.ordered)
		remember_key(r, p, a, end);
	start = key_hive(r, p, a, end - a, &kl.hive, kl.user, sizeof kl.user);
	if (start < 0)
		return 0;
	/*
	 * A whole export holds the user's hive twice: HKEY_CURRENT_USER, then
	 * again under HKEY_USERS\SID. Read it once.
	 */
	if (kl.hive == HIVE_HKCU && kl.user[0] != 'S')
		r->seg_hkcu = 1;
	else if (kl.hive == HIVE_HKCU && r->seg_hkcu)
		return 0;
	kl.start = (size_t)start;
	kl.plen = end - kl.start;
	if (kl.plen >= sizeof r->lens || !r->lens[kl.plen])
		return 0;
	for (k = 0; k < r->obs->nkeys; k++) {
		if (key_wanted(r, &kl, k) == -1)
			return -1;
	}
	return 0;
}
