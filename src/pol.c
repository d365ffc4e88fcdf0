#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pol.h"
#include "utf8.h"
#include "xmalloc.h"

struct reader {
	const unsigned char	*p;
	size_t			 len;
	size_t			 off;
	char			*err;
	size_t			 errlen;
};

static int
fail(struct reader *r, const char *what)
{
	snprintf(r->err, r->errlen, "%s", what);
	return -1;
}

static int
read_u16(struct reader *r, uint16_t *u, const char *what)
{
	char	msg[192];

	if (r->len - r->off < 2) {
		snprintf(msg, sizeof msg, "truncated: %s expected", what);
		return fail(r, msg);
	}
	*u = (uint16_t)(r->p[r->off] | (r->p[r->off + 1] << 8));
	r->off += 2;
	return 0;
}

static int
expect_char(struct reader *r, char c)
{
	char		msg[64];
	uint16_t	u;

	snprintf(msg, sizeof msg, "'%c'", c);
	if (read_u16(r, &u, msg) == -1)
		return -1;
	if (u != (uint16_t)c) {
		r->off -= 2;
		snprintf(msg, sizeof msg, "'%c' expected, found U+%04X", c, u);
		return fail(r, msg);
	}
	return 0;
}

static int
read_u32(struct reader *r, uint32_t *v, const char *what)
{
	char	msg[192];

	if (r->len - r->off < 4) {
		snprintf(msg, sizeof msg, "truncated: %s expected", what);
		return fail(r, msg);
	}
	*v = (uint32_t)r->p[r->off] | ((uint32_t)r->p[r->off + 1] << 8) |
	    ((uint32_t)r->p[r->off + 2] << 16) |
	    ((uint32_t)r->p[r->off + 3] << 24);
	r->off += 4;
	return 0;
}

/* A NUL-terminated UTF-16LE string, as UTF-8. */
static int
read_wstr(struct reader *r, char **out, const char *what)
{
	struct buf	b;
	uint16_t	u, lo;
	uint32_t	cp;
	char		msg[128];

	buf_init(&b);
	for (;;) {
		snprintf(msg, sizeof msg, "the NUL ending the %s", what);
		if (read_u16(r, &u, msg) == -1)
			goto bad;
		if (u == 0)
			break;
		if (u >= 0xdc00 && u <= 0xdfff) {
			r->off -= 2;
			fail(r, "a lone UTF-16 low surrogate");
			goto bad;
		}
		cp = u;
		if (u >= 0xd800 && u <= 0xdbff) {
			if (read_u16(r, &lo, "a UTF-16 low surrogate") == -1)
				goto bad;
			if (lo < 0xdc00 || lo > 0xdfff) {
				r->off -= 4;
				fail(r, "a UTF-16 high surrogate without its "
				    "low surrogate");
				goto bad;
			}
			cp = 0x10000 + (((uint32_t)u - 0xd800) << 10) +
			    (lo - 0xdc00);
		}
		utf8_put(&b, cp);
	}
	*out = xstrdup(b.data == NULL ? "" : b.data);
	buf_free(&b);
	return 0;
bad:
	buf_free(&b);
	return -1;
}

static int
check_data(struct reader *r, const struct pol_record *rec)
{
	const unsigned char	*d = rec->data;

	switch (rec->type) {
	case 4:		/* REG_DWORD */
	case 5:		/* REG_DWORD_BIG_ENDIAN */
		if (rec->size != 4)
			return fail(r, "a REG_DWORD with a size other than 4");
		break;
	case 11:	/* REG_QWORD */
		if (rec->size != 8)
			return fail(r, "a REG_QWORD with a size other than 8");
		break;
	case 1:		/* REG_SZ */
	case 2:		/* REG_EXPAND_SZ */
	case 7:		/* REG_MULTI_SZ */
		if (rec->size % 2 != 0)
			return fail(r, "string data of an odd number of bytes");
		if (rec->size < 2 || d[rec->size - 1] != 0 ||
		    d[rec->size - 2] != 0)
			return fail(r, "string data without its NUL");
		break;
	}
	return 0;
}

int
pol_parse(const unsigned char *p, size_t len, struct pol_file *pf,
    size_t *err_offset, char *err, size_t errlen)
{
	struct reader		 r = { p, len, 0, err, errlen };
	struct pol_record	 rec;
	uint32_t		 v;
	size_t			 size_at;

	memset(pf, 0, sizeof *pf);
	if (len < 4 || memcmp(p, "PReg", 4) != 0) {
		fail(&r, len < 4 ? "truncated: the PReg signature expected" :
		    "not a Registry.pol: the signature is not PReg");
		goto bad;
	}
	r.off = 4;
	if (read_u32(&r, &v, "the version") == -1)
		goto bad;
	if (v != 1) {
		r.off -= 4;
		snprintf(err, errlen, "version %u; only version 1 exists",
		    (unsigned)v);
		goto bad;
	}
	while (r.off < len) {
		memset(&rec, 0, sizeof rec);
		rec.offset = r.off;
		if (expect_char(&r, '[') == -1 ||
		    read_wstr(&r, &rec.key, "key") == -1)
			goto bad_rec;
		if (rec.key[0] == '\0') {
			r.off = rec.offset + 2;
			fail(&r, "an empty key");
			goto bad_rec;
		}
		if (expect_char(&r, ';') == -1 ||
		    read_wstr(&r, &rec.value, "value name") == -1 ||
		    expect_char(&r, ';') == -1 ||
		    read_u32(&r, &rec.type, "the type") == -1 ||
		    expect_char(&r, ';') == -1)
			goto bad_rec;
		size_at = r.off;
		if (read_u32(&r, &rec.size, "the size") == -1 ||
		    expect_char(&r, ';') == -1)
			goto bad_rec;
		if (rec.size > len - r.off) {
			snprintf(err, errlen, "size %u runs past the end of "
			    "the file (%zu bytes left)", (unsigned)rec.size,
			    len - r.off);
			r.off = size_at;
			goto bad_rec;
		}
		rec.data = p + r.off;
		if (check_data(&r, &rec) == -1) {
			r.off = size_at;
			goto bad_rec;
		}
		r.off += rec.size;
		if (expect_char(&r, ']') == -1)
			goto bad_rec;
		pf->v = xreallocarray(pf->v, pf->n + 1, sizeof *pf->v);
		pf->v[pf->n++] = rec;
	}
	return 0;
bad_rec:
	free(rec.key);
	free(rec.value);
bad:
	*err_offset = r.off;
	pol_free(pf);
	return -1;
}

void
pol_free(struct pol_file *pf)
{
	size_t	i;

	for (i = 0; i < pf->n; i++) {
		free(pf->v[i].key);
		free(pf->v[i].value);
	}
	free(pf->v);
	memset(pf, 0, sizeof *pf);
}
