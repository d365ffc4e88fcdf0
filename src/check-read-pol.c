#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "check-int.h"
#include "pol.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * tlsgpo check: a Registry.pol ([MS-GPREG]) as the state of the plan's
 * values, read record by record.
 */

#define POL_MAX_BYTES	(1024L * 1024 * 1024)

struct pol_ctx {
	struct machine	*m;
	enum reg_hive	 hive;
};

/* UTF-16LE units equal ASCII s (n units), ignoring ASCII case. */
static int
u16_caseeq(const unsigned char *p, const char *s, size_t n)
{
	size_t		i;
	unsigned	a, b;

	for (i = 0; i < n; i++) {
		if (p[2 * i + 1] != 0)
			return 0;
		a = p[2 * i];
		b = (unsigned char)s[i];
		if (a >= 'a' && a <= 'z')
			a -= 32;
		if (b >= 'a' && b <= 'z')
			b -= 32;
		if (a != b)
			return 0;
	}
	return 1;
}

/* The record's key is wanted key wk (UTF-16 units against ASCII). */
static int
pol_key_is(const struct pol_ctx *c, const struct reg_wanted_key *wk,
    const struct pol_raw *rec)
{
	return wk->hive == c->hive && wk->len == rec->key_units &&
	    u16_caseeq(rec->key, wk->path, wk->len);
}

/* What a deletion (at line or byte offset at) says of a value. */
static void
value_deleted(struct reg_obs_value *v, int at)
{
	reg_obs_value_clear(v);
	v->seen = VAL_DELETED;
	v->line = at;
}

/* **DeleteValues: the value names in its REG_SZ data, ';'-separated. */
static int
pol_delete_values(struct pol_ctx *c, const struct pol_raw *rec)
{
	struct reg_obs	*o = &c->m->obs;
	struct buf	 names;
	char		*list, *t, *save = NULL;
	size_t		 k;

	buf_init(&names);
	utf16le_to_utf8(&names, rec->data, rec->size);
	list = xstrdup(buf_cstr(&names));
	buf_free(&names);
	for (t = strtok_r(list, ";", &save); t != NULL;
	    t = strtok_r(NULL, ";", &save)) {
		for (k = 0; k < o->nvalues; k++) {
			if (pol_key_is(c, &o->keys[o->values[k].key], rec) &&
			    strcasecmp(o->values[k].name, t) == 0)
				value_deleted(&o->value[k], (int)rec->offset);
		}
	}
	free(list);
	return 0;
}

/* **DeleteKeys: the subkeys its REG_SZ data names, ';'-separated. */
static int
pol_delete_keys(struct pol_ctx *c, const struct pol_raw *rec)
{
	struct reg_obs	*o = &c->m->obs;
	struct buf	 b;
	char		*base, *list, *t, *save = NULL, *full;
	size_t		 k, i;

	buf_init(&b);
	utf16le_to_utf8(&b, rec->key, rec->key_units * 2);
	base = xstrdup(buf_cstr(&b));
	b.len = 0;
	utf16le_to_utf8(&b, rec->data, rec->size);
	list = xstrdup(buf_cstr(&b));
	buf_free(&b);
	for (t = strtok_r(list, ";", &save); t != NULL;
	    t = strtok_r(NULL, ";", &save)) {
		if (*t == '\0')
			continue;
		full = xasprintf("%s\\%s", base, t);
		for (k = 0; k < o->nkeys; k++) {
			size_t	n = strlen(full);

			/* The key itself or one of its ancestors. */
			if (o->keys[k].hive != c->hive || o->keys[k].len < n ||
			    strncasecmp(o->keys[k].path, full, n) != 0 ||
			    (o->keys[k].len > n && o->keys[k].path[n] != '\\'))
				continue;
			o->key[k] = KEY_ABSENT;
			for (i = 0; i < o->nvalues; i++) {
				if (o->values[i].key == k)
					value_deleted(&o->value[i],
					    (int)rec->offset);
			}
		}
		free(full);
	}
	free(list);
	free(base);
	return 0;
}

/* A record of the policy's keys and values sets or deletes that value. */
static int
pol_record(void *arg, const struct pol_raw *rec)
{
	struct pol_ctx		*c = arg;
	struct reg_obs		*o = &c->m->obs;
	struct reg_obs_value	*v;
	const unsigned char	*name = rec->value;
	size_t			 nlen = rec->value_units, k;
	int			 deleted = 0;

	/*
	 * [MS-GPREG] 2.2.1: "**del.NAME" deletes NAME, "**delvals." every
	 * value of the key, "**DeleteValues" the values its data lists
	 * (";"-separated), "**DeleteKeys" the subkeys its data lists,
	 * "**soft.NAME" sets NAME only if it is absent (it tells nothing of
	 * the machine: not read).
	 */
	if (nlen >= 10 && u16_caseeq(name, "**delvals.", 10)) {
		for (k = 0; k < o->nvalues; k++) {
			if (pol_key_is(c, &o->keys[o->values[k].key], rec))
				value_deleted(&o->value[k], (int)rec->offset);
		}
		return 0;
	}
	if (nlen >= 14 && u16_caseeq(name, "**DeleteValues", 14))
		return pol_delete_values(c, rec);
	if (nlen >= 12 && u16_caseeq(name, "**DeleteKeys", 12))
		return pol_delete_keys(c, rec);
	if (nlen >= 2 && name[0] == '*' && name[1] == 0 && name[2] == '*' &&
	    name[3] == 0 && !u16_caseeq(name, "**del.", 6))
		return 0;	/* **soft., **DeleteKeys, **SecureKey: no state */
	if (nlen >= 6 && u16_caseeq(name, "**del.", 6)) {
		deleted = 1;
		name += 12;
		nlen -= 6;
	}
	for (k = 0; k < o->nvalues; k++) {
		if (strlen(o->values[k].name) != nlen ||
		    !pol_key_is(c, &o->keys[o->values[k].key], rec) ||
		    !u16_caseeq(name, o->values[k].name, nlen))
			continue;
		v = &o->value[k];
		if (deleted) {
			value_deleted(v, (int)rec->offset);
			continue;
		}
		reg_obs_value_clear(v);
		v->line = (int)rec->offset;
		v->seen = VAL_PRESENT;
		v->type = rec->type;
		if (rec->type == REG_TYPE_DWORD)
			v->data = (uint32_t)rec->data[0] |
			    (uint32_t)rec->data[1] << 8 |
			    (uint32_t)rec->data[2] << 16 |
			    (uint32_t)rec->data[3] << 24;
		if (rec->type == REG_TYPE_SZ || rec->type ==
		    REG_TYPE_EXPAND_SZ || rec->type == REG_TYPE_MULTI_SZ)
			reg_obs_value_text(v, rec->data, rec->size);
	}
	return 0;
}

/*
 * Registry.pol: the values it sets or deletes; its folder says the hive.
 * Read in parts and scanned strictly without decoding anything: memory
 * holds a part (a record at least), not the file.
 */
void
read_pol(struct machine *m, int fd, const unsigned char *head, size_t headlen,
    const char *file, enum reg_hive hive)
{
	struct pol_ctx	 c = { m, hive };
	unsigned char	*buf;
	size_t		 cap = 1024 * 1024, len = 0, base = 0, used, off;
	ssize_t		 n = 0;
	char		 err[160];
	int		 eof = 0;

	buf = xreallocarray(NULL, cap, 1);
	memcpy(buf, head, headlen);
	len = headlen;
	for (;;) {
		while (!eof && len < cap) {
			n = read(fd, buf + len, cap - len);
			if (n == -1 && errno == EINTR)
				continue;
			if (n <= 0) {
				eof = 1;
				break;
			}
			len += (size_t)n;
		}
		if (n < 0) {
			machine_error(m, file, 0, strerror(errno));
			break;
		}
		if (pol_scan_part(buf, len, base, eof, pol_record, &c, &used,
		    &off, err, sizeof err) == -1) {
			buf_printf(&m->errors, "%s:%zu: %s (byte offset)\n",
			    file, off, err);
			m->unreadable = 1;
			break;
		}
		if (eof)
			break;
		if (used == 0 && len == cap) {
			/* One record larger than the part: a larger part. */
			if (cap >= (size_t)POL_MAX_BYTES) {
				machine_error(m, file, 0, "a record larger than "
				    "1 GiB");
				break;
			}
			cap *= 2;
			buf = xreallocarray(buf, cap, 1);
			continue;
		}
		memmove(buf, buf + used, len - used);
		len -= used;
		base += used;
	}
	free(buf);
}
