#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "regfile.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * The .reg grammar regedit and reg.exe write (and Wine's regedit reads):
 * a header line ("Windows Registry Editor Version 5.00", UTF-16LE with a
 * BOM; "REGEDIT4", 8-bit), then key lines "[HIVE\path]" or "[-HIVE\path]",
 * value lines '"name"=DATA' or '@=DATA' (name escapes \\ and \"), DATA one
 * of "string" (escapes \\ and \"), dword:XXXXXXXX, hex:.., hex(N):.. (bytes
 * as comma-separated pairs, a line ending in '\' continued on the next, which
 * starts with spaces), or '-' (delete). ';' starts a comment line.
 */

#define READ_CHUNK	(64 * 1024)	/* the first buffer; it doubles for a longer line */
#define ANC_MAX		32	/* depth of a wanted key, at most */
#define LINE_MAX_BYTES	(64 * 1024 * 1024)

struct rd {
	int		 fd;
	unsigned char	*buf;
	size_t		 cap, len, pos;
	int		 eof;
	int		 w;		/* bytes per code unit: 1 or 2 */
	int		 line;
	struct reg_obs	*obs;
	long		 cur;		/* wanted key of the current section */
	unsigned char	 lens[1024];	/* 1: a wanted key or ancestor has this length */
	/*
	 * This file segment (a header line starts one: exports may be
	 * concatenated): the line where each wanted key's header, and each of
	 * its ancestors' at each depth, appeared; 0: not yet.
	 */
	int		*seg_key;
	int		*seg_anc;	/* nkeys x ANC_MAX */
	int		 seg_headers;	/* key lines in this segment */
	unsigned char	*prev;		/* the last key line's path, as units */
	size_t		 prev_n, prev_cap;
	int		 ansi;		/* REGEDIT4: a code page, maybe double-byte */
	int		 unterminated;	/* the last line had no line end */
	int		 seg_hkcu;	/* HKEY_CURRENT_USER is in this segment */
	int		*errline;
	char		*err;
	size_t		 errlen;
	struct buf	 logical;	/* the value line being read, UTF-8 */
};

/* How much of s to quote: 20 bytes at most, not cutting a character. */
static int
quote_len(const char *s)
{
	size_t	n = strnlen(s, 20);

	while (n > 0 && (s[n] & 0xc0) == 0x80)
		n--;
	return (int)n;
}

/*
 * An error. What it quotes of the file goes out as it is: check, the
 * caller, shows every message's control characters as \xHH when it
 * prints them (print_errors, --json).
 */
static int
fail(struct rd *r, int line, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(r->err, r->errlen, fmt, ap);
	va_end(ap);
	*r->errline = line;
	return -1;
}

/* Reads more bytes; returns the number read, 0 at the end, -1 on error. */
static ssize_t
fill(struct rd *r)
{
	ssize_t	n;

	if (r->pos > 0) {
		/* Keep unit alignment: pos is always a multiple of w. */
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->pos = 0;
	}
	/*
	 * Full even after the move: the line is longer than the buffer, which
	 * doubles (otherwise the room left is read into; growing a buffer a
	 * small file never fills cost a copy per file), up to a line of
	 * LINE_MAX_BYTES and its CR LF (4 bytes in UTF-16). Full at that
	 * size without a line end, the line is longer.
	 */
	if (r->len == r->cap) {
		if (r->cap >= LINE_MAX_BYTES + 4)
			return -2;
		r->cap = r->cap == 0 ? READ_CHUNK : r->cap * 2;
		if (r->cap > LINE_MAX_BYTES + 4)
			r->cap = LINE_MAX_BYTES + 4;
		r->buf = xreallocarray(r->buf, r->cap, 1);
	}
	do
		n = read(r->fd, r->buf + r->len, r->cap - r->len);
	while (n == -1 && errno == EINTR);
	if (n > 0)
		r->len += (size_t)n;
	else if (n == 0)
		r->eof = 1;
	return n;
}

/* Whether a line (without its LF unit) is longer than LINE_MAX_BYTES. */
static int
too_long(const struct rd *r, const unsigned char *p, size_t n)
{
	if (n >= (size_t)r->w && p[n - (size_t)r->w] == '\r' &&
	    (r->w == 1 || p[n - 1] == 0))
		n -= (size_t)r->w;	/* its CR */
	return n > LINE_MAX_BYTES;
}

static int
long_line(struct rd *r)
{
	return fail(r, r->line + 1, "a line longer than %d MiB",
	    LINE_MAX_BYTES / (1024 * 1024));
}

/*
 * The next line: *p and *n (bytes, without the newline unit). Returns 1, 0
 * at the end of the input, -1 on error. In UTF-16 a newline is the unit
 * 0x000A: a 0x0A byte at an even offset followed by 0x00 (the buffer
 * starts on a unit, and pos stays on one).
 */
static int
next_line(struct rd *r, const unsigned char **p, size_t *n)
{
	const unsigned char	*q;
	size_t			 off = r->pos, at, rel;
	ssize_t			 got;

	for (;;) {
		q = NULL;
		while (off < r->len) {
			if ((q = memchr(r->buf + off, '\n', r->len - off)) ==
			    NULL) {
				/* None in what is read: search on from its end. */
				off = r->len;
				break;
			}
			at = (size_t)(q - r->buf);
			if (r->w == 1)
				break;
			if ((at & 1) == 0 && at + 1 < r->len && q[1] == 0)
				break;
			if ((at & 1) == 0 && at + 1 >= r->len) {
				off = at;	/* its second byte is not read yet */
				q = NULL;
				break;
			}
			off = at + 1;
			q = NULL;
		}
		if (q != NULL) {
			if (r->line == INT_MAX)
				return fail(r, 0, "more than %d lines", INT_MAX);
			*p = r->buf + r->pos;
			*n = (size_t)(q - *p);
			if (too_long(r, *p, *n))
				return long_line(r);
			r->pos = (size_t)(q - r->buf) + (size_t)r->w;
			r->line++;
			return 1;
		}
		if (r->eof) {
			if ((r->len - r->pos) % (size_t)r->w != 0)
				return fail(r, r->line + 1, "truncated: an odd "
				    "number of bytes in a UTF-16 file");
			if (r->len == r->pos)
				return 0;
			*p = r->buf + r->pos;
			*n = r->len - r->pos;
			if (too_long(r, *p, *n))
				return long_line(r);
			r->pos = r->len;
			r->line++;
			r->unterminated = 1;
			return 1;
		}
		/* Where to go on searching, relative to the line's start. */
		rel = (off < r->len ? off : r->len) - r->pos;
		got = fill(r);
		if (got == -2)
			return long_line(r);
		if (got < 0)
			return fail(r, 0, "read error: %s", strerror(errno));
		off = r->pos + rel;
	}
}

/* Code unit i of a line. */
static inline unsigned
unit(const struct rd *r, const unsigned char *p, size_t i)
{
	return r->w == 2 ? (unsigned)p[2 * i] | (unsigned)p[2 * i + 1] << 8 :
	    p[i];
}

static inline unsigned
fold(unsigned c)
{
	return c >= 'a' && c <= 'z' ? c - 32 : c;
}

/* Units p[a, a+n) equal ASCII s, ignoring ASCII case. */
static int
units_equal(const struct rd *r, const unsigned char *p, size_t a, const char *s,
    size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (fold(unit(r, p, a + i)) != fold((unsigned char)s[i]))
			return 0;
	}
	return 1;
}

/* The line's units as UTF-8 (appended to out). */
static void
line_utf8(const struct rd *r, const unsigned char *p, size_t nunits,
    struct buf *out)
{
	if (r->w == 2)
		utf16le_to_utf8(out, p, nunits * 2);
	else
		buf_add(out, p, nunits);
}

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
		if (n >= len && units_equal(r, p, a, hive_names[i].name, len) &&
		    (n == len || unit(r, p, a + len) == '\\')) {
			*hive = hive_names[i].hive;
			snprintf(user, userlen, "%s", *hive == HIVE_HKCU ?
			    "HKEY_CURRENT_USER" : "");
			return (long)(n == len ? a + n : a + len + 1);
		}
	}
	if (n > 17 && (units_equal(r, p, a, "HKEY_USERS\\S-1-5-21-", 20) ||
	    units_equal(r, p, a, "HKEY_USERS\\S-1-12-1-", 19))) {
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
		memset(&o->value[i], 0, sizeof o->value[i]);
	}
}

/*
 * The end of a segment (an export): a wanted key it did not list, though
 * it listed an ancestor, is absent now, whatever earlier files said.
 */
static void
seg_end(struct rd *r)
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

/*
 * Whether a string that a line continues, or opens at unit from, ends on
 * this line: its last unit (before a CR) is a '"' that no '\\' escapes.
 */
static int
string_ends(const struct rd *r, const unsigned char *p, size_t nu,
    size_t from)
{
	size_t	i, bs = 0;

	while (nu > 0 && unit(r, p, nu - 1) == '\r')
		nu--;
	if (nu <= from || unit(r, p, nu - 1) != '"')
		return 0;
	for (i = nu - 1; i > from && unit(r, p, i - 1) == '\\'; i--)
		bs++;
	/*
	 * In a double-byte code page a lead byte's trail byte may be 0x5C:
	 * then nobody can tell an escape from half a character.
	 */
	if (r->ansi && bs > 0 && i > 0 && unit(r, p, i - 1) >= 0x80)
		return -1;
	return bs % 2 == 0;
}

/* Where a line stands in a value: outside, in its name, in its string data. */
enum vstate {
	VS_NONE,
	VS_NAME,
	VS_DATA,
	VS_AMBIG	/* 8-bit: a byte over 0x7F before a '\\' */
};

/*
 * The state after a line that starts in state st: regedit writes a line
 * break in a value's name or string data as it is (escaping only '\\' and
 * '"'), so until the closing '"' the lines that follow are name or data,
 * never keys or headers. A line in VS_NONE that is not a value line
 * ("name"=... or @=...) leaves VS_NONE.
 */
static enum vstate
value_state(const struct rd *r, const unsigned char *p, size_t nu,
    enum vstate st)
{
	size_t	i = 0;
	int	e;

	while (nu > 0 && unit(r, p, nu - 1) == '\r')
		nu--;
	if (st == VS_DATA) {
		e = string_ends(r, p, nu, 0);
		return e < 0 ? VS_AMBIG : e ? VS_NONE : VS_DATA;
	}
	if (st == VS_NONE) {
		if (nu == 0 || (unit(r, p, 0) != '"' && unit(r, p, 0) != '@'))
			return VS_NONE;
		i = 1;
		if (unit(r, p, 0) == '@')
			goto after_name;
	}
	/* In the name: up to its unescaped closing '"'. */
	for (; i < nu && unit(r, p, i) != '"'; i++) {
		if (unit(r, p, i) != '\\')
			continue;
		if (r->ansi && i > 0 && unit(r, p, i - 1) >= 0x80)
			return VS_AMBIG;
		i++;
	}
	if (i >= nu)
		return VS_NAME;
	i++;
after_name:
	if (i + 1 >= nu || unit(r, p, i) != '=' || unit(r, p, i + 1) != '"')
		return VS_NONE;
	e = string_ends(r, p, nu, i + 2);
	return e < 0 ? VS_AMBIG : e ? VS_NONE : VS_DATA;
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

/*
 * A key line: [PATH] or [-PATH]. An export lists each key once, after its
 * parent, with all its values: a wanted key's header resets its values, and
 * a wanted key (or an ancestor) given twice in one segment, or before its
 * parent, is an error (a string value with a line break in it, or a
 * damaged export, would otherwise be read as keys).
 */
static int
key_line(struct rd *r, const unsigned char *p, size_t n)
{
	struct reg_obs	*o = r->obs;
	enum reg_hive	 hive;
	size_t		 a = 1, end = n, plen, k, klen, d;
	long		 start;
	int		 deleted = 0, *seen, ordered;
	char		 user[96];

	r->cur = -1;
	r->seg_headers++;
	while (end > 0 && (unit(r, p, end - 1) == '\r' ||
	    unit(r, p, end - 1) == ' '))
		end--;
	if (end < 2 || unit(r, p, end - 1) != ']')
		return fail(r, r->line, "a key line without its closing ']'");
	end--;
	if (a < end && unit(r, p, a) == '-') {
		deleted = 1;
		a++;
	}
	/*
	 * Deleting a whole hive is not something a .reg can mean; a key line
	 * out of order is not remembered (it could be a key name's text, and
	 * must not vouch for the next line).
	 */
	if (deleted && key_is_root(r, p, a, end))
		return fail(r, r->line, "a line that deletes a whole hive: a key "
		    "name with line breaks in it, or a damaged file");
	ordered = r->seg_headers == 1 || key_in_order(r, p, a, end);
	if (ordered) {
		/* Remember this key: the next one's parent is on its chain. */
		if (r->prev == NULL || r->prev_cap < (end - a) * (size_t)r->w) {
			/* Allocated even for "[]": memcpy wants a buffer. */
			r->prev_cap = (end - a) * (size_t)r->w + 256;
			r->prev = xreallocarray(r->prev, r->prev_cap, 1);
		}
		memcpy(r->prev, p + a * (size_t)r->w, (end - a) * (size_t)r->w);
		r->prev_n = end - a;
	}
	start = key_hive(r, p, a, end - a, &hive, user, sizeof user);
	if (start < 0)
		return 0;
	/*
	 * A whole export holds the user's hive twice: HKEY_CURRENT_USER, then
	 * again under HKEY_USERS\SID. Read it once.
	 */
	if (hive == HIVE_HKCU && user[0] != 'S')
		r->seg_hkcu = 1;
	else if (hive == HIVE_HKCU && r->seg_hkcu)
		return 0;
	plen = end - (size_t)start;
	if (plen >= sizeof r->lens || !r->lens[plen])
		return 0;
	for (k = 0; k < o->nkeys; k++) {
		if (o->keys[k].hive != hive)
			continue;
		klen = o->keys[k].len;
		if (plen > klen || (plen < klen && plen > 0 &&
		    o->keys[k].path[plen] != '\\'))
			continue;
		if (!units_equal(r, p, (size_t)start, o->keys[k].path, plen))
			continue;
		d = depth_of(o->keys[k].path, plen);
		/* A user counts from the policy key's parent down. */
		if (hive == HIVE_HKCU && d + 1 >= depth_of(o->keys[k].path,
		    klen)) {
			if (o->user[0] == '\0')
				snprintf(o->user, sizeof o->user, "%s", user);
			else if (strcmp(o->user, user) != 0)
				return fail(r, r->line, "a second user's hive "
				    "(%s, after %s): give each user's export "
				    "as a machine of its own", user, o->user);
		}
		seen = plen == klen ? &r->seg_key[k] :
		    &r->seg_anc[k * ANC_MAX + (d < ANC_MAX ? d : ANC_MAX - 1)];
		if (!deleted && *seen != 0)
			return fail(r, r->line, "this key was listed already, "
			    "on line %d: a string value with a line break in "
			    "it, or a damaged export", *seen);
		/*
		 * regedit lists a tree depth first: after the first key of an
		 * export, each key's parent is the key before it or one of that
		 * key's ancestors. A policy key (or ancestor) anywhere else was
		 * not written as a key: a key name with line breaks in it, or a
		 * damaged or hand-joined file.
		 */
		if (!ordered)
			return fail(r, r->line, "this key is not where an export "
			    "lists it (after its parent): a key name with line "
			    "breaks in it, or a damaged or hand-made file");
		if (!deleted)
			*seen = r->line;
		if (plen == klen) {
			if (deleted) {
				o->key[k] = KEY_ABSENT;
			} else {
				o->key[k] = KEY_PRESENT;
				r->cur = (long)k;
			}
			/* The header lists all the key's values. */
			mark_values_gone(o, k);
		} else if (deleted) {
			/* Deleting an ancestor deletes the key. */
			o->key[k] = KEY_ABSENT;
			mark_values_gone(o, k);
		} else if (o->key[k] == KEY_UNSEEN) {
			/* An export holds its keys' whole subtrees. */
			o->key[k] = KEY_ABSENT;
		}
	}
	return 0;
}

static int
ascii_caseeq(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++) {
		if (fold((unsigned char)*a) != fold((unsigned char)*b))
			return 0;
	}
	return *a == *b;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* "hex(N):" bytes: returns the count, or -1 when malformed. */
static long
hex_bytes(const char *s, unsigned char *out, size_t max)
{
	size_t	n = 0;
	int	hi, lo;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0')
		return 0;
	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if ((hi = hexval((unsigned char)s[0])) < 0 ||
		    (lo = hexval((unsigned char)s[1])) < 0)
			return -1;
		if (n < max)
			out[n] = (unsigned char)(hi << 4 | lo);
		n++;
		s += 2;
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0')
			return (long)n;
		if (*s != ',')
			return -1;
		s++;
	}
}

/*
 * A value line of a wanted key, as UTF-8 with continuations joined: the
 * name, then the data; the wanted value of that name gets what it says.
 */
static int
value_line(struct rd *r, const char *s, int line)
{
	struct reg_obs		*o = r->obs;
	struct reg_obs_value	 v;
	struct buf		 name;
	const char		*d;
	unsigned char		 bytes[8];
	unsigned long		 t;
	long			 nb;
	char			*end;
	size_t			 i;

	buf_init(&name);
	memset(&v, 0, sizeof v);
	v.line = line;
	if (*s == '@')
		d = s + 1;
	else if (*s == '"') {
		for (d = s + 1; *d != '"'; d++) {
			if (*d == '\0') {
				buf_free(&name);
				return fail(r, line, "a value name without its "
				    "closing '\"'");
			}
			if (*d == '\\' && (d[1] == '\\' || d[1] == '"'))
				d++;
			buf_addc(&name, *d);
		}
		d++;
	} else {
		buf_free(&name);
		return fail(r, line, "neither a key, a value nor a comment");
	}
	if (*d != '=') {
		buf_free(&name);
		return fail(r, line, "'=' expected after the value name");
	}
	d++;
	if (strcmp(d, "-") == 0)
		v.seen = VAL_DELETED;
	else if (strncmp(d, "dword:", 6) == 0) {
		for (i = 6; d[i] != '\0'; i++)
			if (hexval((unsigned char)d[i]) < 0)
				break;
		if (i == 6 || i > 14 || d[i] != '\0') {
			buf_free(&name);
			return fail(r, line, "dword: wants 1 to 8 hex digits");
		}
		v.seen = VAL_PRESENT;
		v.type = REG_TYPE_DWORD;
		v.data = (uint32_t)strtoul(d + 6, NULL, 16);
	} else if (*d == '"') {
		v.seen = VAL_PRESENT;
		v.type = 1;	/* REG_SZ */
	} else if (strncmp(d, "hex", 3) == 0) {
		if (d[3] == ':') {
			t = 3;	/* REG_BINARY */
			d += 4;
		} else if (d[3] == '(') {
			t = strtoul(d + 4, &end, 16);
			if (end == d + 4 || end > d + 12 || t > 0xffffffffUL ||
			    hexval((unsigned char)d[4]) < 0 ||
			    strncmp(end, "):", 2) != 0) {
				buf_free(&name);
				return fail(r, line, "hex(N): expected");
			}
			d = end + 2;
		} else {
			buf_free(&name);
			return fail(r, line, "unknown data '%.*s'", quote_len(d), d);
		}
		nb = hex_bytes(d, bytes, sizeof bytes);
		if (nb < 0) {
			buf_free(&name);
			return fail(r, line, "bad hex bytes");
		}
		v.seen = VAL_PRESENT;
		v.type = (uint32_t)t;
		if (t == REG_TYPE_DWORD && nb != 4)
			v.type = 0xffffffff;	/* a DWORD of another size */
		if (t == REG_TYPE_DWORD && nb == 4)
			v.data = (uint32_t)bytes[0] | (uint32_t)bytes[1] << 8 |
			    (uint32_t)bytes[2] << 16 | (uint32_t)bytes[3] << 24;
	} else {
		buf_free(&name);
		return fail(r, line, "unknown data '%.*s'", quote_len(d), d);
	}
	for (i = 0; i < o->nvalues; i++) {
		if (o->values[i].key != (size_t)r->cur)
			continue;
		if (!ascii_caseeq(o->values[i].name, buf_cstr(&name)))
			continue;
		o->value[i] = v;
	}
	buf_free(&name);
	return 0;
}

/*
 * Whether a line is a .reg header ("Windows Registry Editor Version 5.00"
 * or "REGEDIT4", after a byte order mark): 1; 2 when it is one followed by
 * a CR and more text (lines that end in CR alone); 0 otherwise.
 */
static int
header_line(const struct rd *r, const unsigned char *p, size_t nu)
{
	static const char v5[] = "Windows Registry Editor Version 5.00";
	static const char v4[] = "REGEDIT4";
	size_t	a = 0, n;

	if (r->w == 2 && nu > 0 && unit(r, p, 0) == 0xfeff)
		a = 1;
	else if (r->w == 1 && nu >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		a = 3;
	if (nu - a >= sizeof v5 - 1 && units_equal(r, p, a, v5, sizeof v5 - 1))
		n = a + sizeof v5 - 1;
	else if (nu - a >= sizeof v4 - 1 &&
	    units_equal(r, p, a, v4, sizeof v4 - 1))
		n = a + sizeof v4 - 1;
	else
		return 0;
	if (n < nu && unit(r, p, n) == '\r')
		n++;
	if (n == nu)
		return 1;
	return unit(r, p, n - 1) == '\r' ? 2 : 0;
}

int
regfile_read(int fd, const unsigned char *head, size_t headlen,
    struct reg_obs *o, int *errline, char *err, size_t errlen)
{
	struct rd		 r;
	const unsigned char	*p;
	size_t			 n, nu, k, i, start;
	int			 rc = 0, got = 0, first, hdr;
	enum vstate		 vs = VS_NONE;

	memset(&r, 0, sizeof r);
	r.fd = fd;
	r.obs = o;
	r.cur = -1;
	r.errline = errline;
	r.err = err;
	r.errlen = errlen;
	*errline = 0;
	buf_init(&r.logical);
	r.lens[0] = 1;		/* the hive alone: [HKEY_LOCAL_MACHINE] */
	for (k = 0; k < o->nkeys; k++) {
		/* The key's own length and each ancestor's. */
		for (i = 0; i <= o->keys[k].len; i++) {
			if ((i == o->keys[k].len || o->keys[k].path[i] == '\\') &&
			    i < sizeof r.lens)
				r.lens[i] = 1;
		}
	}
	/* Bytes the caller read already to tell what the file is. */
	if (headlen > 0) {
		r.cap = headlen + READ_CHUNK;
		r.buf = xreallocarray(NULL, r.cap, 1);
		memcpy(r.buf, head, headlen);
		r.len = headlen;
	}
	/* Encoding: a UTF-16LE BOM, a UTF-8 BOM, or 8-bit text. */
	while (r.len < 3 && !r.eof)
		if (fill(&r) < 0) {
			rc = fail(&r, 0, "read error: %s", strerror(errno));
			goto out;
		}
	r.w = 1;
	if (r.len >= 2 && r.buf[0] == 0xff && r.buf[1] == 0xfe) {
		r.w = 2;
		r.pos = 2;
	} else if (r.len >= 3 && memcmp(r.buf, "\xef\xbb\xbf", 3) == 0)
		r.pos = 3;
	/* 8-bit without a BOM: an ANSI code page, maybe a double-byte one. */
	r.ansi = r.w == 1 && r.pos == 0;
	/* Keep units aligned at even offsets from here. */
	if (r.w == 2) {
		memmove(r.buf, r.buf + 2, r.len - 2);
		r.len -= 2;
		r.pos = 0;
	}
	r.seg_key = xcalloc(o->nkeys + 1, sizeof *r.seg_key);
	r.seg_anc = xcalloc((o->nkeys + 1) * ANC_MAX, sizeof *r.seg_anc);
	first = 1;
	while ((got = next_line(&r, &p, &n)) == 1) {
		nu = n / (size_t)r.w;
		hdr = header_line(&r, p, nu);
		if (first) {
			first = 0;
			if (hdr == 2) {
				rc = fail(&r, 1, "lines that end in CR alone: not "
				    "a .reg file as Windows writes it");
				goto out;
			}
			if (hdr == 0) {
				rc = fail(&r, 1, "not a .reg file: the first line "
				    "is not \"Windows Registry Editor Version "
				    "5.00\" or \"REGEDIT4\"");
				goto out;
			}
		}
		if (hdr != 0 && r.line > 1) {
			/*
			 * regedit writes its header once: one in the middle is
			 * a key name with line breaks in it, or files joined by
			 * hand (give them as files of their own).
			 */
			rc = fail(&r, r.line, "a header line in the middle of the "
			    "file: a key name with line breaks in it, or exports "
			    "joined into one file (give each as a file)");
			goto out;
		}
		if (hdr != 0) {
			continue;
		}
		if (nu == 0)
			continue;
		if (unit(&r, p, 0) == '[') {
			if (key_line(&r, p, nu) == -1) {
				rc = -1;
				goto out;
			}
			continue;
		}
		if ((unit(&r, p, 0) == '"' || unit(&r, p, 0) == '@') &&
		    (vs = value_state(&r, p, nu, VS_NONE)) == VS_AMBIG) {
			rc = fail(&r, r.line, "a byte over 0x7F before '\\' in "
			    "an 8-bit export: in a double-byte code page an "
			    "escape cannot be told from half a character "
			    "(export with reg export, UTF-16)");
			goto out;
		}
		if ((unit(&r, p, 0) == '"' || unit(&r, p, 0) == '@') &&
		    vs != VS_NONE) {
			/*
			 * A name or string with line breaks: read to its end,
			 * keeping the text only for a policy key (and only so
			 * much of it).
			 */
			start = (size_t)r.line;
			r.logical.len = 0;
			if (r.cur >= 0)
				line_utf8(&r, p, nu, &r.logical);
			while (vs != VS_NONE && vs != VS_AMBIG) {
				if ((got = next_line(&r, &p, &n)) != 1)
					break;
				nu = n / (size_t)r.w;
				vs = value_state(&r, p, nu, vs);
				if (r.cur < 0)
					continue;
				while (nu > 0 && unit(&r, p, nu - 1) == '\r')
					nu--;
				if (r.logical.len + n > LINE_MAX_BYTES) {
					rc = fail(&r, (int)start, "a value longer "
					    "than %d MiB", LINE_MAX_BYTES /
					    (1024 * 1024));
					goto out;
				}
				buf_addc(&r.logical, '\n');
				line_utf8(&r, p, nu, &r.logical);
			}
			if (vs == VS_AMBIG) {
				rc = fail(&r, r.line, "a byte over 0x7F before "
				    "'\\' in an 8-bit export: in a double-byte code "
				    "page an escape cannot be told from half a "
				    "character (export with reg export, UTF-16)");
				goto out;
			}
			if (got == -1) {
				rc = -1;
				goto out;
			}
			if (got == 0) {
				rc = fail(&r, (int)start, "truncated: a value "
				    "whose name or string does not end before "
				    "the end of the file");
				goto out;
			}
			/* hex data after a name with line breaks goes on too. */
			while (nu > 0 && unit(&r, p, nu - 1) == '\r')
				nu--;
			while (nu > 0 && unit(&r, p, nu - 1) == '\\') {
				if (r.cur >= 0 && r.logical.len > 0 &&
				    r.logical.data[r.logical.len - 1] == '\\')
					r.logical.data[--r.logical.len] = '\0';
				if ((got = next_line(&r, &p, &n)) != 1) {
					rc = got == -1 ? -1 : fail(&r, r.line,
					    "truncated: a value continued past the "
					    "end of the file");
					goto out;
				}
				nu = n / (size_t)r.w;
				while (nu > 0 && unit(&r, p, nu - 1) == '\r')
					nu--;
				for (i = 0; i < nu && (unit(&r, p, i) == ' ' ||
				    unit(&r, p, i) == '\t'); i++)
					;
				if (r.cur >= 0) {
					if (r.logical.len + n > LINE_MAX_BYTES) {
						rc = fail(&r, (int)start, "a value "
						    "longer than %d MiB",
						    LINE_MAX_BYTES / (1024 * 1024));
						goto out;
					}
					line_utf8(&r, p + i * (size_t)r.w, nu - i,
					    &r.logical);
				}
			}
			if (r.cur >= 0 && value_line(&r, buf_cstr(&r.logical),
			    (int)start) == -1) {
				rc = -1;
				goto out;
			}
			continue;
		}
		if (r.cur < 0 || unit(&r, p, 0) == ';')
			continue;
		/*
		 * A value of a wanted key: a line ending in '\\' goes on in
		 * the next, whose leading spaces are not part of it.
		 */
		start = (size_t)r.line;
		r.logical.len = 0;
		for (;;) {
			while (nu > 0 && unit(&r, p, nu - 1) == '\r')
				nu--;
			i = 0;
			if (r.logical.len > 0)
				while (i < nu && (unit(&r, p, i) == ' ' ||
				    unit(&r, p, i) == '\t'))
					i++;
			if (r.logical.len + n > LINE_MAX_BYTES) {
				rc = fail(&r, (int)start, "a value longer than "
				    "%d MiB", LINE_MAX_BYTES / (1024 * 1024));
				goto out;
			}
			if (nu > i && unit(&r, p, nu - 1) == '\\') {
				line_utf8(&r, p + i * (size_t)r.w, nu - i - 1,
				    &r.logical);
				if ((got = next_line(&r, &p, &n)) != 1)
					break;
				nu = n / (size_t)r.w;
				continue;
			}
			line_utf8(&r, p + i * (size_t)r.w, nu - i, &r.logical);
			break;
		}
		if (got == -1) {
			rc = -1;
			goto out;
		}
		if (got == 0) {
			rc = fail(&r, r.line, "truncated: a value continued "
			    "past the end of the file");
			goto out;
		}
		if (r.logical.len == 0)
			continue;
		if (value_line(&r, buf_cstr(&r.logical), (int)start) == -1) {
			rc = -1;
			goto out;
		}
	}
	if (got == 0 && !first)
		seg_end(&r);
	if (got == -1)
		rc = -1;
	else if (first)
		rc = fail(&r, 0, "empty: not a .reg file");
	else if (r.unterminated)
		rc = fail(&r, r.line, "truncated: the last line has no line "
		    "end (regedit and reg.exe end every line)");
out:
	free(r.buf);
	free(r.seg_key);
	free(r.seg_anc);
	free(r.prev);
	buf_free(&r.logical);
	return rc;
}

void
reg_obs_init(struct reg_obs *o, const struct reg_wanted_key *keys, size_t nk,
    const struct reg_wanted_value *values, size_t nv)
{
	memset(o, 0, sizeof *o);
	o->keys = keys;
	o->nkeys = nk;
	o->values = values;
	o->nvalues = nv;
	o->key = xcalloc(nk + 1, sizeof *o->key);
	o->value = xcalloc(nv + 1, sizeof *o->value);
}

void
reg_obs_free(struct reg_obs *o)
{
	free(o->key);
	free(o->value);
	memset(o, 0, sizeof *o);
}
