#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "regfile-int.h"
#include "xmalloc.h"

/*
 * Value lines: where a line stands in a value's name or string (which may
 * go on over several lines), and a wanted key's value line, its
 * continuations joined, into the wanted value of its name.
 */

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

/*
 * The state after a line that starts in state st: regedit writes a line
 * break in a value's name or string data as it is (escaping only '\\' and
 * '"'), so until the closing '"' the lines that follow are name or data,
 * never keys or headers. A line in VS_NONE that is not a value line
 * ("name"=... or @=...) leaves VS_NONE.
 */
enum vstate
rd_value_state(const struct rd *r, const unsigned char *p, size_t nu,
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
 * A value line's name, unescaped, into name. Returns its data (after the
 * '='), or NULL on error.
 */
static const char *
value_name(struct rd *r, const char *s, int line, struct buf *name)
{
	const char	*d;

	if (*s == '@')
		d = s + 1;
	else if (*s == '"') {
		for (d = s + 1; *d != '"'; d++) {
			if (*d == '\0') {
				rd_fail(r, line, "a value name without its "
				    "closing '\"'");
				return NULL;
			}
			if (*d == '\\' && (d[1] == '\\' || d[1] == '"'))
				d++;
			buf_addc(name, *d);
		}
		d++;
	} else {
		rd_fail(r, line, "neither a key, a value nor a comment");
		return NULL;
	}
	if (*d != '=') {
		rd_fail(r, line, "'=' expected after the value name");
		return NULL;
	}
	return d + 1;
}

/*
 * hex:.. or hex(N):.. data: the type, a DWORD's value, and the text of
 * hex(1), hex(2) and hex(7) (regedit writes REG_MULTI_SZ as hex(7): its
 * bytes, NULs and all: UTF-16LE in a UTF-16 file, the code page's in an
 * 8-bit one, as regedit reads them).
 */
static int
value_hex(struct rd *r, const char *d, int line, struct reg_obs_value *v)
{
	unsigned char	 bytes[8], *tb;
	unsigned long	 t;
	long		 nb;
	char		*end;

	if (d[3] == ':') {
		t = 3;	/* REG_BINARY */
		d += 4;
	} else if (d[3] == '(') {
		t = strtoul(d + 4, &end, 16);
		if (end == d + 4 || end > d + 12 || t > 0xffffffffUL ||
		    hexval((unsigned char)d[4]) < 0 ||
		    strncmp(end, "):", 2) != 0)
			return rd_fail(r, line, "hex(N): expected");
		d = end + 2;
	} else
		return rd_fail(r, line, "unknown data '%.*s'", quote_len(d),
		    d);
	nb = hex_bytes(d, bytes, sizeof bytes);
	if (nb < 0)
		return rd_fail(r, line, "bad hex bytes");
	v->seen = VAL_PRESENT;
	v->type = (uint32_t)t;
	if (t == REG_TYPE_SZ || t == REG_TYPE_EXPAND_SZ ||
	    t == REG_TYPE_MULTI_SZ) {
		tb = xmalloc((size_t)nb + 1);
		(void)hex_bytes(d, tb, (size_t)nb);
		if (r->w == 1)
			reg_obs_value_text_ansi(v, tb, (size_t)nb);
		else
			reg_obs_value_text(v, tb, (size_t)nb);
		free(tb);
	}
	if (t == REG_TYPE_DWORD && nb != 4)
		v->type = OBS_TYPE_DWORD_SIZE;
	if (t == REG_TYPE_DWORD && nb == 4)
		v->data = (uint32_t)bytes[0] | (uint32_t)bytes[1] << 8 |
		    (uint32_t)bytes[2] << 16 | (uint32_t)bytes[3] << 24;
	return 0;
}

/*
 * "string" data, a REG_SZ: regedit escapes '\\' and '"' in it, nothing
 * else. The string ends at the line's last '"' (where rd_value_state saw
 * it end), whatever an unescaped '"' before it says.
 */
static int
value_string(struct rd *r, const char *d, int line, struct reg_obs_value *v)
{
	struct buf	 b;
	const char	*end = d + strlen(d) - 1;

	if (end == d || *end != '"')
		return rd_fail(r, line, "a string without its closing '\"'");
	buf_init(&b);
	for (d++; d < end; d++) {
		if (*d == '\\' && d + 1 < end && (d[1] == '\\' || d[1] == '"'))
			d++;
		buf_addc(&b, *d);
	}
	buf_addc(&b, '\0');	/* Windows' terminator, as in plan_op.text */
	v->seen = VAL_PRESENT;
	v->type = REG_TYPE_SZ;
	free(v->text);
	v->textlen = b.len;
	v->text = xmalloc(b.len + 1);
	memcpy(v->text, b.data, b.len);
	v->text[b.len] = '\0';
	buf_free(&b);
	return 0;
}

/* A value line's data, after the '=': what it says of the value. */
static int
value_data(struct rd *r, const char *d, int line, struct reg_obs_value *v)
{
	size_t	i;

	if (strcmp(d, "-") == 0)
		v->seen = VAL_DELETED;
	else if (strncmp(d, "dword:", 6) == 0) {
		for (i = 6; d[i] != '\0'; i++)
			if (hexval((unsigned char)d[i]) < 0)
				break;
		if (i == 6 || i > 14 || d[i] != '\0')
			return rd_fail(r, line,
			    "dword: wants 1 to 8 hex digits");
		v->seen = VAL_PRESENT;
		v->type = REG_TYPE_DWORD;
		v->data = (uint32_t)strtoul(d + 6, NULL, 16);
	} else if (*d == '"')
		return value_string(r, d, line, v);
	else if (strncmp(d, "hex", 3) == 0)
		return value_hex(r, d, line, v);
	else
		return rd_fail(r, line, "unknown data '%.*s'", quote_len(d),
		    d);
	return 0;
}

/* The wanted values of the current key that have this name get v. */
static void
value_store(struct rd *r, const char *name, const struct reg_obs_value *v)
{
	struct reg_obs	*o = r->obs;
	size_t		 i;

	for (i = 0; i < o->nvalues; i++) {
		if (o->values[i].key != (size_t)r->cur)
			continue;
		if (!ascii_caseeq(o->values[i].name, name))
			continue;
		reg_obs_value_copy(&o->value[i], v);
	}
}

/*
 * A value line of a wanted key, as UTF-8 with continuations joined: the
 * name, then the data; the wanted value of that name gets what it says.
 */
int
rd_value_line(struct rd *r, const char *s, int line)
{
	struct reg_obs_value	 v;
	struct buf		 name;
	const char		*d;
	int			 rc;

	buf_init(&name);
	memset(&v, 0, sizeof v);
	v.line = line;
	if ((d = value_name(r, s, line, &name)) == NULL ||
	    value_data(r, d, line, &v) == -1)
		rc = -1;
	else {
		value_store(r, buf_cstr(&name), &v);
		rc = 0;
	}
	free(v.text);
	buf_free(&name);
	return rc;
}
