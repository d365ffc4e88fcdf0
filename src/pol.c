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
	int			 ran_out;	/* the error is the end of the bytes */
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
		r->ran_out = 1;
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
		r->ran_out = 1;
		snprintf(msg, sizeof msg, "truncated: %s expected", what);
		return fail(r, msg);
	}
	*v = (uint32_t)r->p[r->off] | ((uint32_t)r->p[r->off + 1] << 8) |
	    ((uint32_t)r->p[r->off + 2] << 16) |
	    ((uint32_t)r->p[r->off + 3] << 24);
	r->off += 4;
	return 0;
}

/*
 * A NUL-terminated UTF-16LE string: *units code units at *at, the NUL
 * read. Checked, not decoded: a lone surrogate is an error.
 */
static int
scan_wstr(struct reader *r, const unsigned char **at, size_t *units,
    const char *what)
{
	const unsigned char	*p = r->p;
	size_t			 o = r->off, end = r->len & ~(size_t)1;
	unsigned		 u, lo;
	char			 msg[128];

	if (((r->len - r->off) & 1) != 0)
		end = r->off + ((r->len - r->off) & ~(size_t)1);
	*at = p + o;
	for (; o < end; o += 2) {
		u = (unsigned)p[o] | (unsigned)p[o + 1] << 8;
		if (u == 0) {
			*units = (o - r->off) / 2;
			r->off = o + 2;
			return 0;
		}
		if ((u & 0xf800) != 0xd800)
			continue;
		if (u >= 0xdc00) {
			r->off = o;
			return fail(r, "a lone UTF-16 low surrogate");
		}
		if (o + 3 >= end) {
			r->ran_out = 1;
			r->off = o + 2;
			return fail(r, "truncated: a UTF-16 low surrogate "
			    "expected");
		}
		lo = (unsigned)p[o + 2] | (unsigned)p[o + 3] << 8;
		if (lo < 0xdc00 || lo > 0xdfff) {
			r->off = o;
			return fail(r, "a UTF-16 high surrogate without its "
			    "low surrogate");
		}
		o += 2;
	}
	r->off = o;
	r->ran_out = 1;
	snprintf(msg, sizeof msg, "truncated: the NUL ending the %s "
	    "expected", what);
	return fail(r, msg);
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

/* The header: the signature PReg and version 1. */
static int
read_header(struct reader *r)
{
	uint32_t	v;

	if (r->len < 4 || memcmp(r->p, "PReg", 4) != 0)
		return fail(r, r->len < 4 ? "truncated: the PReg signature "
		    "expected" : "not a Registry.pol: the signature is not "
		    "PReg");
	r->off = 4;
	if (read_u32(r, &v, "the version") == -1)
		return -1;
	if (v != 1) {
		r->off -= 4;
		snprintf(r->err, r->errlen, "version %u; only version 1 exists",
		    (unsigned)v);
		return -1;
	}
	return 0;
}

/*
 * The size and data of a record, r->off after the type's ';'. The error
 * offset of a bad size or bad data is the size's.
 */
static int
read_data(struct reader *r, struct pol_raw *rec)
{
	struct pol_record	 chk;
	size_t			 size_at = r->off;

	if (read_u32(r, &rec->size, "the size") == -1 ||
	    expect_char(r, ';') == -1)
		return -1;
	if (rec->size > r->len - r->off) {
		r->ran_out = 1;
		snprintf(r->err, r->errlen, "size %u runs past the end of the "
		    "file (%zu bytes left)", (unsigned)rec->size,
		    r->len - r->off);
		r->off = size_at;
		return -1;
	}
	rec->data = r->p + r->off;
	chk.type = rec->type;
	chk.size = rec->size;
	chk.data = rec->data;
	if (check_data(r, &chk) == -1) {
		r->off = size_at;
		return -1;
	}
	r->off += rec->size;
	return 0;
}

/*
 * One record, [key;value;type;size;data], at r->off; the bytes from offset
 * base on. On -1, r->ran_out says whether the bytes ended inside it (the
 * next part may hold the rest); an empty key or bad data leaves it 0.
 */
static int
read_record(struct reader *r, size_t base, struct pol_raw *rec)
{
	memset(rec, 0, sizeof *rec);
	rec->offset = base + r->off;
	r->ran_out = 0;
	if (expect_char(r, '[') == -1 ||
	    scan_wstr(r, &rec->key, &rec->key_units, "key") == -1)
		return -1;
	if (rec->key_units == 0) {
		r->off = rec->offset - base + 2;
		return fail(r, "an empty key");
	}
	if (expect_char(r, ';') == -1 ||
	    scan_wstr(r, &rec->value, &rec->value_units, "value name") == -1 ||
	    expect_char(r, ';') == -1 ||
	    read_u32(r, &rec->type, "the type") == -1 ||
	    expect_char(r, ';') == -1 ||
	    read_data(r, rec) == -1 ||
	    expect_char(r, ']') == -1)
		return -1;
	return 0;
}

/*
 * The records of p[0, len), the file's bytes from offset base on (the
 * header when base is 0). Not final: a record cut by the end of the bytes
 * is left for the next part (*used says how far the records went).
 */
int
pol_scan_part(const unsigned char *p, size_t len, size_t base, int final,
    pol_record_fn fn, void *arg, size_t *used, size_t *err_offset, char *err,
    size_t errlen)
{
	struct reader	 r = { p, len, 0, err, errlen, 0 };
	struct pol_raw	 rec;

	*used = 0;
	if (base == 0) {
		/* The header, 8 bytes: wait for a part that holds it whole. */
		if (len < 8 && !final)
			return 0;
		if (read_header(&r) == -1)
			goto bad;
		*used = r.off;
	}
	while (r.off < len) {
		if (read_record(&r, base, &rec) == -1) {
			/*
			 * Cut by the end of this part: the next part holds
			 * the rest.
			 */
			if (r.ran_out && !final)
				return 0;
			goto bad;
		}
		if (fn != NULL && fn(arg, &rec) == -1) {
			r.off = rec.offset - base;
			goto bad;
		}
		*used = r.off;
	}
	return 0;
bad:
	*err_offset = base + r.off;
	return -1;
}

int
pol_scan(const unsigned char *p, size_t len, pol_record_fn fn, void *arg,
    size_t *err_offset, char *err, size_t errlen)
{
	size_t	used;

	return pol_scan_part(p, len, 0, 1, fn, arg, &used, err_offset, err,
	    errlen);
}

static int
collect_record(void *arg, const struct pol_raw *raw)
{
	struct pol_file		*pf = arg;
	struct pol_record	 rec;
	struct buf		 b;

	memset(&rec, 0, sizeof rec);
	buf_init(&b);
	utf16le_to_utf8(&b, raw->key, raw->key_units * 2);
	rec.key = xstrdup(buf_cstr(&b));
	b.len = 0;
	utf16le_to_utf8(&b, raw->value, raw->value_units * 2);
	rec.value = xstrdup(b.data == NULL ? "" : buf_cstr(&b));
	buf_free(&b);
	rec.type = raw->type;
	rec.size = raw->size;
	rec.data = raw->data;
	rec.offset = raw->offset;
	pf->v = xreallocarray(pf->v, pf->n + 1, sizeof *pf->v);
	pf->v[pf->n++] = rec;
	return 0;
}

int
pol_parse(const unsigned char *p, size_t len, struct pol_file *pf,
    size_t *err_offset, char *err, size_t errlen)
{
	memset(pf, 0, sizeof *pf);
	if (pol_scan(p, len, collect_record, pf, err_offset, err, errlen) ==
	    -1) {
		pol_free(pf);
		return -1;
	}
	return 0;
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
