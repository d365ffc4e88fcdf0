#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xmalloc.h"

size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t	c, min;
	size_t		len, i;

	if (n == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xe0) == 0xc0) {
		len = 2;
		c &= 0x1f;
		min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		len = 3;
		c &= 0x0f;
		min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		len = 4;
		c &= 0x07;
		min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

void
utf8_put(struct buf *b, uint32_t cp)
{
	if (cp < 0x80)
		buf_addc(b, (char)cp);
	else if (cp < 0x800) {
		buf_addc(b, (char)(0xc0 | (cp >> 6)));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		buf_addc(b, (char)(0xe0 | (cp >> 12)));
		buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else {
		buf_addc(b, (char)(0xf0 | (cp >> 18)));
		buf_addc(b, (char)(0x80 | ((cp >> 12) & 0x3f)));
		buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	}
}

/*
 * The code point at s[*i], moving *i past it. Callers pass validated text;
 * a stray byte still advances, as U+FFFD, so no loop can stall on it.
 */
static uint32_t
utf8_next(const char *s, size_t n, size_t *i)
{
	uint32_t	cp;
	size_t		k;

	k = utf8_decode((const unsigned char *)s + *i, n - *i, &cp);
	if (k == 0) {
		cp = 0xfffd;
		k = 1;
	}
	*i += k;
	return cp;
}

void
utf8_to_utf16le(struct buf *out, const char *s, size_t n)
{
	uint32_t	cp;
	size_t		i = 0;
	char		*w;

	buf_reserve(out, 2 * n);
	while (i < n) {
		/* A run of ASCII: one unit each, written in place. */
		w = out->data + out->len;
		while (i < n && (unsigned char)s[i] < 0x80) {
			*w++ = s[i++];
			*w++ = '\0';
		}
		out->len = (size_t)(w - out->data);
		out->data[out->len] = '\0';
		if (i == n)
			break;
		cp = utf8_next(s, n, &i);
		if (cp >= 0x10000) {
			cp -= 0x10000;
			buf_add_u16le(out, 0xd800 | (cp >> 10));
			buf_add_u16le(out, 0xdc00 | (cp & 0x3ff));
		} else
			buf_add_u16le(out, (uint16_t)cp);
	}
}

void
utf8_to_ascii(struct buf *out, const char *s, size_t n)
{
	uint32_t	cp;
	size_t		i = 0;

	size_t		run;

	while (i < n) {
		/* A run of ASCII, copied as it is. */
		for (run = i; run < n && (unsigned char)s[run] < 0x80; run++)
			continue;
		buf_add(out, s + i, run - i);
		if ((i = run) == n)
			break;
		cp = utf8_next(s, n, &i);
		if (cp < 0x80)
			buf_addc(out, (char)cp);
		else
			buf_printf(out, "<U+%04X>", (unsigned)cp);
	}
}

void
text_to_crlf(struct buf *out, const char *s, size_t n)
{
	const char	*nl, *p = s, *end = s + n;
	size_t		 lines = 0;

	for (nl = s; (nl = memchr(nl, '\n', (size_t)(end - nl))) != NULL; nl++)
		lines++;
	buf_reserve(out, n + lines);
	while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		buf_add(out, p, (size_t)(nl - p));
		buf_add(out, "\r\n", 2);
		p = nl + 1;
	}
	buf_add(out, p, (size_t)(end - p));
}

void
utf16le_to_utf8(struct buf *out, const unsigned char *p, size_t n)
{
	uint32_t	c, lo;
	size_t		i;

	for (i = 0; i + 1 < n; i += 2) {
		c = (uint32_t)p[i] | (uint32_t)p[i + 1] << 8;
		if (c < 0x80) {
			buf_addc(out, (char)c);
			continue;
		}
		if (c >= 0xd800 && c <= 0xdbff && i + 3 < n) {
			lo = (uint32_t)p[i + 2] | (uint32_t)p[i + 3] << 8;
			if (lo >= 0xdc00 && lo <= 0xdfff) {
				c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
				i += 2;
			} else
				c = 0xfffd;
		} else if (c >= 0xd800 && c <= 0xdfff)
			c = 0xfffd;
		utf8_put(out, c);
	}
}

void
text_printable(struct buf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n, len = strlen(s);
	uint32_t		 cp;

	while (len > 0) {
		n = utf8_decode(p, len, &cp);
		if (n == 0) {
			/* Not UTF-8: the byte (0x9B is CSI to some). */
			buf_printf(out, "\\x%02X", *p);
			n = 1;
		} else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			buf_printf(out, "\\x%02X", (unsigned)cp);
		else
			buf_add(out, p, n);
		p += n;
		len -= n;
	}
}

/*
 * A name fit for one line of text and for JSON: control characters, '\\'
 * and bytes that are not UTF-8 as \\xHH.
 */
void
text_quote(struct buf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n, len = strlen(s);
	uint32_t		 cp;

	buf_addc(out, '"');
	while (len > 0) {
		n = utf8_decode(p, len, &cp);
		if (n == 0 || cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
		    cp == '"' || cp == '\\') {
			buf_printf(out, "\\x%02X", *p);
			n = 1;
		} else
			buf_add(out, p, n);
		p += n;
		len -= n;
	}
	buf_addc(out, '"');
}

void
text_show_strings(struct buf *out, const char *s, size_t len, int multi)
{
	size_t	 i = 0, k, n = 0;
	char	*t;
	int	 canonical;

	while (i < len) {
		k = strnlen(s + i, len - i);
		if (multi && k == 0)
			break;		/* the empty string that ends a list */
		if (n++ > 0)
			buf_adds(out, ", ");
		t = xstrndup(s + i, k);
		text_quote(out, t);
		free(t);
		i += k + 1;
		if (!multi)
			break;
	}
	if (n == 0)
		buf_adds(out, multi ? "(no strings)" : "\"\"");
	/* What Windows stores: "s\0"; "a\0b\0\0", "\0" for no strings. */
	if (multi)
		canonical = i + 1 == len && s[i] == '\0';
	else
		canonical = n == 1 && i == len;
	if (!canonical)
		buf_adds(out, " (NULs not as Windows stores them)");
}

char *
text_escape_dup(const char *s)
{
	struct buf	 b;
	const unsigned char *p = (const unsigned char *)s;
	uint32_t	 cp;
	size_t		 i, k, n = strlen(s);

	buf_init(&b);
	for (i = 0; i < n; i += k) {
		k = utf8_decode(p + i, n - i, &cp);
		if (k == 0 || cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
		    cp == '\\') {
			buf_printf(&b, "\\x%02X", p[i]);
			k = 1;
		} else
			buf_add(&b, p + i, k);
	}
	s = xstrdup(buf_cstr(&b));
	buf_free(&b);
	return (char *)s;
}
