#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "regfile.h"
#include "regfile-int.h"
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
 *
 * This file reads it a line at a time and hands each line to its handler:
 * the header, a key line (regfile-key.c), a value line, or a value whose
 * name or string has line breaks in it or whose data goes on over more
 * lines (joined here, read in regfile-value.c).
 */

/* The line being read: its bytes (without the newline unit), its units. */
struct line {
	const unsigned char	*p;
	size_t			 n;
	size_t			 nu;
};

/*
 * An error. What it quotes of the file goes out as it is: check, the
 * caller, shows every message's control characters as \xHH when it
 * prints them (print_errors, --json).
 */
int
rd_fail(struct rd *r, int line, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(r->err, r->errlen, fmt, ap);
	va_end(ap);
	*r->errline = line;
	return -1;
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
	if (nu - a >= sizeof v5 - 1 &&
	    rd_units_equal(r, p, a, v5, sizeof v5 - 1))
		n = a + sizeof v5 - 1;
	else if (nu - a >= sizeof v4 - 1 &&
	    rd_units_equal(r, p, a, v4, sizeof v4 - 1))
		n = a + sizeof v4 - 1;
	else
		return 0;
	if (n < nu && unit(r, p, n) == '\r')
		n++;
	if (n == nu)
		return 1;
	return unit(r, p, n - 1) == '\r' ? 2 : 0;
}


/* The next line into l: 1, 0 at the end of the input, -1 on error. */
static int
advance(struct rd *r, struct line *l)
{
	int	got;

	if ((got = rd_next_line(r, &l->p, &l->n)) == 1)
		l->nu = l->n / (size_t)r->w;
	return got;
}

/*
 * The header's place: the first line, and only there. Returns 1 for the
 * header, 0 for any other line, -1 on error.
 */
static int
header_step(struct rd *r, const struct line *l, int first)
{
	int	hdr;

	hdr = header_line(r, l->p, l->nu);
	if (first) {
		if (hdr == 2)
			return rd_fail(r, 1, "lines that end in CR alone: not "
			    "a .reg file as Windows writes it");
		if (hdr == 0)
			return rd_fail(r, 1, "not a .reg file: the first line "
			    "is not \"Windows Registry Editor Version "
			    "5.00\" or \"REGEDIT4\"");
	}
	if (hdr != 0 && r->line > 1) {
		/*
		 * regedit writes its header once: one in the middle is
		 * a key name with line breaks in it, or files joined by
		 * hand (give them as files of their own).
		 */
		return rd_fail(r, r->line, "a header line in the middle of the "
		    "file: a key name with line breaks in it, or exports "
		    "joined into one file (give each as a file)");
	}
	return hdr != 0;
}

static int
ambiguous(struct rd *r)
{
	return rd_fail(r, r->line, "a byte over 0x7F before '\\' in an 8-bit "
	    "export: in a double-byte code page an escape cannot be told "
	    "from half a character (export with reg export, UTF-16)");
}

static int
value_too_long(struct rd *r, size_t start)
{
	return rd_fail(r, (int)start, "a value longer than %d MiB",
	    LINE_MAX_BYTES / (1024 * 1024));
}

static int
continued_past_end(struct rd *r)
{
	return rd_fail(r, r->line, "truncated: a value continued past the "
	    "end of the file");
}

/*
 * The lines after the first of a value whose name or string has line
 * breaks in it, up to the line where that ends (vs: the state after the
 * first).
 */
static int
string_lines(struct rd *r, struct line *l, enum vstate vs, size_t start)
{
	int	got = 1;

	while (vs != VS_NONE && vs != VS_AMBIG) {
		if ((got = advance(r, l)) != 1)
			break;
		vs = rd_value_state(r, l->p, l->nu, vs);
		if (r->cur < 0)
			continue;
		while (l->nu > 0 && unit(r, l->p, l->nu - 1) == '\r')
			l->nu--;
		if (r->logical.len + l->n > LINE_MAX_BYTES)
			return value_too_long(r, start);
		buf_addc(&r->logical, '\n');
		rd_line_utf8(r, l->p, l->nu, &r->logical);
	}
	if (vs == VS_AMBIG)
		return ambiguous(r);
	if (got == -1)
		return -1;
	if (got == 0)
		return rd_fail(r, (int)start, "truncated: a value whose name "
		    "or string does not end before the end of the file");
	return 0;
}

/* hex data after a name with line breaks goes on too. */
static int
hex_lines(struct rd *r, struct line *l, size_t start)
{
	size_t	i;
	int	got;

	while (l->nu > 0 && unit(r, l->p, l->nu - 1) == '\r')
		l->nu--;
	while (l->nu > 0 && unit(r, l->p, l->nu - 1) == '\\') {
		if (r->cur >= 0 && r->logical.len > 0 &&
		    r->logical.data[r->logical.len - 1] == '\\')
			r->logical.data[--r->logical.len] = '\0';
		if ((got = advance(r, l)) != 1)
			return got == -1 ? -1 : continued_past_end(r);
		while (l->nu > 0 && unit(r, l->p, l->nu - 1) == '\r')
			l->nu--;
		for (i = 0; i < l->nu && (unit(r, l->p, i) == ' ' ||
		    unit(r, l->p, i) == '\t'); i++)
			;
		if (r->cur >= 0) {
			if (r->logical.len + l->n > LINE_MAX_BYTES)
				return value_too_long(r, start);
			rd_line_utf8(r, l->p + i * (size_t)r->w, l->nu - i,
			    &r->logical);
		}
	}
	return 0;
}

/*
 * A name or string with line breaks: read to its end, keeping the text
 * only for a policy key (and only so much of it).
 */
static int
value_lines(struct rd *r, struct line *l, enum vstate vs)
{
	size_t	start = (size_t)r->line;

	r->logical.len = 0;
	if (r->cur >= 0)
		rd_line_utf8(r, l->p, l->nu, &r->logical);
	if (string_lines(r, l, vs, start) == -1 ||
	    hex_lines(r, l, start) == -1)
		return -1;
	if (r->cur >= 0)
		return rd_value_line(r, buf_cstr(&r->logical), (int)start);
	return 0;
}

/*
 * A value of a wanted key: a line ending in '\\' goes on in the next, whose
 * leading spaces are not part of it.
 */
static int
value_continued(struct rd *r, struct line *l)
{
	size_t	start = (size_t)r->line, i;
	int	got = 1;

	r->logical.len = 0;
	for (;;) {
		while (l->nu > 0 && unit(r, l->p, l->nu - 1) == '\r')
			l->nu--;
		i = 0;
		if (r->logical.len > 0)
			while (i < l->nu && (unit(r, l->p, i) == ' ' ||
			    unit(r, l->p, i) == '\t'))
				i++;
		if (r->logical.len + l->n > LINE_MAX_BYTES)
			return value_too_long(r, start);
		if (l->nu > i && unit(r, l->p, l->nu - 1) == '\\') {
			rd_line_utf8(r, l->p + i * (size_t)r->w, l->nu - i - 1,
			    &r->logical);
			if ((got = advance(r, l)) != 1)
				break;
			continue;
		}
		rd_line_utf8(r, l->p + i * (size_t)r->w, l->nu - i,
		    &r->logical);
		break;
	}
	if (got == -1)
		return -1;
	if (got == 0)
		return continued_past_end(r);
	if (r->logical.len == 0)
		return 0;
	return rd_value_line(r, buf_cstr(&r->logical), (int)start);
}

/* A line after the header: a key, a value, a comment or nothing to read. */
static int
body_line(struct rd *r, struct line *l)
{
	enum vstate	vs;

	if (l->nu == 0)
		return 0;
	if (unit(r, l->p, 0) == '[')
		return rd_key_line(r, l->p, l->nu);
	if (unit(r, l->p, 0) == '"' || unit(r, l->p, 0) == '@') {
		if ((vs = rd_value_state(r, l->p, l->nu, VS_NONE)) ==
		    VS_AMBIG)
			return ambiguous(r);
		if (vs != VS_NONE)
			return value_lines(r, l, vs);
	}
	if (r->cur < 0 || unit(r, l->p, 0) == ';')
		return 0;
	return value_continued(r, l);
}

/*
 * The end of the input: the end of its segment; an error when there was no
 * line, or the last had no line end.
 */
static int
finish(struct rd *r, int got, int first)
{
	if (got == 0 && !first)
		rd_seg_end(r);
	if (got == -1)
		return -1;
	if (first)
		return rd_fail(r, 0, "empty: not a .reg file");
	if (r->unterminated)
		return rd_fail(r, r->line, "truncated: the last line has no "
		    "line end (regedit and reg.exe end every line)");
	return 0;
}

/* The lines, one at a time, each to its handler. */
static int
read_lines(struct rd *r)
{
	struct line	l;
	int		got, first = 1, hdr;

	while ((got = advance(r, &l)) == 1) {
		hdr = header_step(r, &l, first);
		first = 0;
		if (hdr == -1 || (hdr == 0 && body_line(r, &l) == -1))
			return -1;
	}
	return finish(r, got, first);
}

/*
 * A reader of fd into o. lens: the lengths a key line's path must have to
 * be worth comparing, so that other keys' lines are skipped undecoded.
 */
static void
reader_init(struct rd *r, int fd, struct reg_obs *o, int *errline,
    char *err, size_t errlen)
{
	size_t	k, i;

	memset(r, 0, sizeof *r);
	r->fd = fd;
	r->obs = o;
	r->cur = -1;
	r->errline = errline;
	r->err = err;
	r->errlen = errlen;
	*errline = 0;
	buf_init(&r->logical);
	r->lens[0] = 1;		/* the hive alone: [HKEY_LOCAL_MACHINE] */
	for (k = 0; k < o->nkeys; k++) {
		/* The key's own length and each ancestor's. */
		for (i = 0; i <= o->keys[k].len; i++) {
			if ((i == o->keys[k].len ||
			    o->keys[k].path[i] == '\\') && i < sizeof r->lens)
				r->lens[i] = 1;
		}
	}
}

int
regfile_read(int fd, const unsigned char *head, size_t headlen,
    struct reg_obs *o, int *errline, char *err, size_t errlen)
{
	struct rd	r;
	int		rc;

	reader_init(&r, fd, o, errline, err, errlen);
	if ((rc = rd_start(&r, head, headlen)) == 0) {
		r.seg_key = xcalloc(o->nkeys + 1, sizeof *r.seg_key);
		r.seg_anc = xcalloc((o->nkeys + 1) * ANC_MAX,
		    sizeof *r.seg_anc);
		rc = read_lines(&r);
	}
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
reg_obs_value_clear(struct reg_obs_value *v)
{
	free(v->text);
	memset(v, 0, sizeof *v);
}

void
reg_obs_value_copy(struct reg_obs_value *dst, const struct reg_obs_value *src)
{
	if (dst == src)
		return;
	reg_obs_value_clear(dst);
	*dst = *src;
	if (src->text != NULL) {
		dst->text = xmalloc(src->textlen + 1);
		memcpy(dst->text, src->text, src->textlen);
		dst->text[src->textlen] = '\0';
	}
}

static void	set_text(struct reg_obs_value *, struct buf *);

void
reg_obs_value_text(struct reg_obs_value *v, const unsigned char *p, size_t n)
{
	struct buf	b;

	buf_init(&b);
	utf16le_to_utf8(&b, p, n);
	set_text(v, &b);
}

void
reg_obs_value_text_ansi(struct reg_obs_value *v, const unsigned char *p,
    size_t n)
{
	struct buf	b;
	size_t		i;

	buf_init(&b);
	for (i = 0; i < n; i++)
		utf8_put(&b, p[i]);
	set_text(v, &b);
}

void
reg_obs_value_set_utf8(struct reg_obs_value *v, const char *p, size_t n)
{
	struct buf	b;

	buf_init(&b);
	buf_add(&b, p, n);
	set_text(v, &b);
}

static void
set_text(struct reg_obs_value *v, struct buf *b0)
{
	struct buf	b = *b0;

	free(v->text);
	v->textlen = b.len;
	v->text = xmalloc(b.len + 1);
	if (b.len > 0)
		memcpy(v->text, b.data, b.len);
	v->text[b.len] = '\0';
	buf_free(&b);
}

void
reg_obs_free(struct reg_obs *o)
{
	size_t	i;

	for (i = 0; o->value != NULL && i < o->nvalues; i++)
		free(o->value[i].text);
	free(o->key);
	free(o->value);
	memset(o, 0, sizeof *o);
}
