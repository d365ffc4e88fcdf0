#include "config.h"

#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "regfile-int.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * The buffer and its lines: the file is read in chunks into one buffer,
 * which grows only for a longer line, and handed out a line at a time as
 * code units (UTF-16LE or 8-bit), which nothing decodes unless the line
 * matters.
 */

/*
 * Reads more bytes; returns the number read, 0 at the end, -1 on error,
 * -2 when the buffer is full at its largest: the line is too long.
 */
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

/*
 * The start of the file: the bytes the caller read already, then enough to
 * tell the encoding. Returns 0, or -1 on a read error.
 */
int
rd_start(struct rd *r, const unsigned char *head, size_t headlen)
{
	/* Bytes the caller read already to tell what the file is. */
	if (headlen > 0) {
		r->cap = headlen + READ_CHUNK;
		r->buf = xreallocarray(NULL, r->cap, 1);
		memcpy(r->buf, head, headlen);
		r->len = headlen;
	}
	/* Encoding: a UTF-16LE BOM, a UTF-8 BOM, or 8-bit text. */
	while (r->len < 3 && !r->eof)
		if (fill(r) < 0)
			return rd_fail(r, 0, "read error: %s", strerror(errno));
	r->w = 1;
	if (r->len >= 2 && r->buf[0] == 0xff && r->buf[1] == 0xfe) {
		r->w = 2;
		r->pos = 2;
	} else if (r->len >= 3 && memcmp(r->buf, "\xef\xbb\xbf", 3) == 0)
		r->pos = 3;
	/* 8-bit without a BOM: an ANSI code page, maybe a double-byte one. */
	r->ansi = r->w == 1 && r->pos == 0;
	/* Keep units aligned at even offsets from here. */
	if (r->w == 2) {
		memmove(r->buf, r->buf + 2, r->len - 2);
		r->len -= 2;
		r->pos = 0;
	}
	return 0;
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
	return rd_fail(r, r->line + 1, "a line longer than %d MiB",
	    LINE_MAX_BYTES / (1024 * 1024));
}

/*
 * The next line: *p and *n (bytes, without the newline unit). Returns 1, 0
 * at the end of the input, -1 on error. In UTF-16 a newline is the unit
 * 0x000A: a 0x0A byte at an even offset followed by 0x00 (the buffer
 * starts on a unit, and pos stays on one).
 */
int
rd_next_line(struct rd *r, const unsigned char **p, size_t *n)
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
				return rd_fail(r, 0, "more than %d lines", INT_MAX);
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
				return rd_fail(r, r->line + 1, "truncated: an odd "
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
			return rd_fail(r, 0, "read error: %s", strerror(errno));
		off = r->pos + rel;
	}
}

/* Units p[a, a+n) equal ASCII s, ignoring ASCII case. */
int
rd_units_equal(const struct rd *r, const unsigned char *p, size_t a,
    const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (fold(unit(r, p, a + i)) != fold((unsigned char)s[i]))
			return 0;
	}
	return 1;
}

/* The line's units as UTF-8 (appended to out). */
void
rd_line_utf8(const struct rd *r, const unsigned char *p, size_t nunits,
    struct buf *out)
{
	if (r->w == 2)
		utf16le_to_utf8(out, p, nunits * 2);
	else
		buf_add(out, p, nunits);
}
