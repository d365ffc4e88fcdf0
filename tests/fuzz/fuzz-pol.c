/*
 * The Registry.pol reader ([MS-GPREG] PReg), three ways: `tlsgpo
 * decode-pol` as the binary runs it, pol_scan over the whole file, and
 * pol_scan_part over the file in small parts as `tlsgpo check` reads it
 * (a record a part cuts is carried to the next; a part too small for one
 * record grows). Contract: decode-pol exits 0 or 2, on 2 with one
 * FILE:OFFSET: message; and the three agree: the same records at the same
 * offsets, or the same error at the same offset.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "pol.h"

struct seen {
	size_t	 n, cap;
	struct pol_raw *v;
};

static int
collect(void *arg, const struct pol_raw *r)
{
	struct seen	*s = arg;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		if ((s->v = realloc(s->v, s->cap * sizeof *s->v)) == NULL)
			abort();
	}
	s->v[s->n++] = *r;
	return 0;
}

/* Scans in parts of at most cap bytes, as check does. */
static int
scan_parts(const uint8_t *data, size_t size, size_t cap, struct seen *s,
    size_t *off, char *err, size_t errlen, unsigned char **keep)
{
	unsigned char	*buf = malloc(cap);
	size_t		 len = 0, base = 0, pos = 0, used, n, first;
	int		 eof = 0, rc;

	if (buf == NULL)
		abort();
	for (;;) {
		n = size - pos < cap - len ? size - pos : cap - len;
		memcpy(buf + len, data + pos, n);
		len += n;
		pos += n;
		eof = pos == size;
		first = s->n;
		rc = pol_scan_part(buf, len, base, eof, collect, s, &used, off,
		    err, errlen);
		/*
		 * This part's records point into buf: note where they lie
		 * in the file before the part moves.
		 */
		for (n = first; n < s->n; n++) {
			s->v[n].key = data + base + (size_t)(s->v[n].key - buf);
			s->v[n].value = data + base +
			    (size_t)(s->v[n].value - buf);
			s->v[n].data = s->v[n].size == 0 ? NULL :
			    data + base + (size_t)(s->v[n].data - buf);
		}
		if (rc == -1 || eof)
			break;
		if (used == 0 && len == cap) {
			cap *= 2;
			if ((buf = realloc(buf, cap)) == NULL)
				abort();
			continue;
		}
		memmove(buf, buf + used, len - used);
		len -= used;
		base += used;
	}
	*keep = buf;
	return rc;
}

static void
same(const struct seen *a, const struct seen *b, const char *what)
{
	size_t	i;

	if (a->n != b->n)
		fuzz_fail(NULL, "%s: %zu records, the whole file %zu", what,
		    b->n, a->n);
	for (i = 0; i < a->n; i++) {
		const struct pol_raw *x = &a->v[i], *y = &b->v[i];

		if (x->offset != y->offset || x->type != y->type ||
		    x->size != y->size || x->key_units != y->key_units ||
		    x->value_units != y->value_units ||
		    memcmp(x->key, y->key, 2 * x->key_units) != 0 ||
		    memcmp(x->value, y->value, 2 * x->value_units) != 0 ||
		    (x->size > 0 && memcmp(x->data, y->data, x->size) != 0))
			fuzz_fail(NULL, "%s: record %zu differs from the whole "
			    "file's", what, i);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t caps[] = { 8, 13, 64 };
	static char	*path;
	struct seen	 whole = { 0 }, part;
	struct pol_file	 pf;
	unsigned char	*keep;
	char		 err[256], err2[256], *argv[3];
	const char	*errout;
	size_t		 off, off2, i;
	int		 rc, rc2;

	rc = pol_scan(data, size, collect, &whole, &off, err, sizeof err);
	for (i = 0; i < sizeof caps / sizeof caps[0]; i++) {
		memset(&part, 0, sizeof part);
		rc2 = pol_scan_part(data, 0, 0, 0, NULL, NULL, &off2, &off2,
		    err2, sizeof err2);	/* nothing yet: nothing to say */
		if (rc2 != 0)
			fuzz_fail(NULL, "an empty first part is an error");
		rc2 = scan_parts(data, size, caps[i], &part, &off2, err2,
		    sizeof err2, &keep);
		if (rc != rc2 || (rc == -1 && (off != off2 ||
		    strcmp(err, err2) != 0)))
			fuzz_fail(NULL, "parts of %zu: %d at %zu (%s), the whole "
			    "file %d at %zu (%s)", caps[i], rc2, off2,
			    rc2 ? err2 : "", rc, off, rc ? err : "");
		if (rc == 0)
			same(&whole, &part, "parts");
		free(part.v);
		free(keep);
	}
	/* pol_parse decodes what pol_scan accepts, and refuses the rest. */
	if (pol_parse(data, size, &pf, &off2, err2, sizeof err2) != rc ||
	    (rc == 0 && pf.n != whole.n))
		fuzz_fail(NULL, "pol_parse and pol_scan disagree");
	if (rc == 0)
		pol_free(&pf);
	free(whole.v);

	if (path == NULL)
		path = fuzz_path("Registry.pol");
	fuzz_write(path, data, size);
	argv[0] = (char *)"decode-pol";
	argv[1] = path;
	argv[2] = NULL;
	rc2 = fuzz_run(&cmd_decode_pol_entry, argv, &errout);
	if (rc2 != (rc == 0 ? EXIT_OK : EXIT_INPUT))
		fuzz_fail(errout, "decode-pol exited %d, the reader said %d",
		    rc2, rc);
	fuzz_expect_messages(errout, path, NULL, rc != 0);
	return 0;
}
