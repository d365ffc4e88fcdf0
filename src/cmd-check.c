#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "json.h"
#include "plan.h"
#include "pol.h"
#include "regfile.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * tlsgpo check POLICY MACHINE...: what exported registry state says about
 * each of the policy's values. A machine is a file (.reg export or
 * Registry.pol) or a directory of them, merged in name order; "-" is
 * standard input.
 */

#define POL_MAX_BYTES	(1024L * 1024 * 1024)

enum verdict {
	V_OK,
	V_MISSING,
	V_WRONG_VALUE,
	V_WRONG_TYPE,
	V_NOT_COVERED,
	V_COUNT
};

static const char *const verdict_words[V_COUNT] = {
	"ok", "missing", "wrong value", "wrong type", "not covered"
};

struct machine {
	char		*name;		/* printable: control bytes escaped */
	const char	*path;
	struct reg_obs	 obs;
	struct buf	 errors;	/* FILE:LINE: message lines */
	int		 unreadable;
	size_t		 count[V_COUNT];
};

struct checker {
	const struct plan	*pl;
	struct reg_wanted_key	*keys;
	size_t			 nkeys;
	struct reg_wanted_value	*values;	/* one per plan operation */
	char			**paths;	/* keys[].path storage */
	size_t			 nvalues;
	size_t			*op_of;		/* values[i] is plan op op_of[i] */
	int			 verbose, policy_only;
	size_t			*drift_by_value;	/* machines per value */
};

static void
checker_init(struct checker *c, const struct plan *pl)
{
	size_t	i, k;
	char	*path;

	memset(c, 0, sizeof *c);
	c->pl = pl;
	c->keys = xcalloc(pl->n + 1, sizeof *c->keys);
	c->paths = xcalloc(pl->n + 1, sizeof *c->paths);
	c->values = xcalloc(pl->n + 1, sizeof *c->values);
	c->op_of = xcalloc(pl->n + 1, sizeof *c->op_of);
	c->drift_by_value = xcalloc(pl->n + 1, sizeof *c->drift_by_value);
	for (i = 0; i < pl->n; i++) {
		if (pl->ops[i].action != OP_SET)
			continue;
		path = plan_op_physical_key(&pl->ops[i]);
		for (k = 0; k < c->nkeys; k++) {
			if (c->keys[k].hive == pl->ops[i].hive &&
			    strcasecmp(c->keys[k].path, path) == 0)
				break;
		}
		if (k == c->nkeys) {
			c->paths[k] = path;
			c->keys[k].hive = pl->ops[i].hive;
			c->keys[k].path = path;
			c->keys[k].len = strlen(path);
			c->nkeys++;
		} else
			free(path);
		c->values[c->nvalues].key = k;
		c->values[c->nvalues].name = pl->ops[i].value;
		c->op_of[c->nvalues++] = i;
	}
}

static void
checker_free(struct checker *c)
{
	size_t	i;

	for (i = 0; i < c->nkeys; i++)
		free(c->paths[i]);
	free(c->paths);
	free(c->keys);
	free(c->values);
	free(c->op_of);
	free(c->drift_by_value);
}

/*
 * A machine's messages, line by line, control characters (in a file name
 * from a directory, say) as \xHH: nothing of an input reaches the terminal
 * raw.
 */
static void
print_errors(struct buf *errors)
{
	struct buf	 b;
	const char	*e, *nl;
	char		*line;

	buf_init(&b);
	for (e = buf_cstr(errors); *e != '\0'; e = *nl != '\0' ? nl + 1 : nl) {
		if ((nl = strchr(e, '\n')) == NULL)
			nl = e + strlen(e);
		line = xstrndup(e, (size_t)(nl - e));
		text_printable(&b, line);
		buf_addc(&b, '\n');
		free(line);
	}
	fputs(buf_cstr(&b), stderr);
	buf_free(&b);
}

static void
machine_error(struct machine *m, const char *file, int line, const char *msg)
{
	if (line > 0)
		buf_printf(&m->errors, "%s:%d: %s\n", file, line, msg);
	else
		buf_printf(&m->errors, "%s: %s\n", file, msg);
	m->unreadable = 1;
}

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
	memset(v, 0, sizeof *v);
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
		memset(v, 0, sizeof *v);
		v->line = (int)rec->offset;
		v->seen = VAL_PRESENT;
		v->type = rec->type;
		if (rec->type == REG_TYPE_DWORD)
			v->data = (uint32_t)rec->data[0] |
			    (uint32_t)rec->data[1] << 8 |
			    (uint32_t)rec->data[2] << 16 |
			    (uint32_t)rec->data[3] << 24;
	}
	return 0;
}

/*
 * Registry.pol: the values it sets or deletes; its folder says the hive.
 * Read in parts and scanned strictly without decoding anything: memory
 * holds a part (a record at least), not the file.
 */
static void
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

static const char *type_name(uint32_t);

/*
 * A backup's state.txt (apply.cmd / apply.ps1): the state before apply,
 * value by value. Its records name the plan's values by position, so it
 * must be a complete backup ("end|N") of this very plan ("plan|ID").
 */
static void
read_state(struct checker *c, struct machine *m, FILE *fp, const char *file)
{
	char		 line[4096], id[17], *f[5], *q;
	unsigned long	 idx, data, endn = 0;
	size_t		 i, k, records = 0, nkeys;
	struct plan_key	*keys;
	int		 n = 0, plan_seen = 0, ended = 0, nf;

	plan_id(c->pl, id);
	nkeys = plan_keys(c->pl, &keys);
	plan_keys_free(keys, nkeys);
	while (fgets(line, sizeof line, fp) != NULL) {
		n++;
		if (strchr(line, '\n') == NULL && !feof(fp)) {
			machine_error(m, file, n, "a line longer than 4 KB: "
			    "not a backup the apply scripts write");
			return;
		}
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (ended) {
			machine_error(m, file, n, "a record after \"end\"");
			return;
		}
		for (nf = 0, q = line; nf < 5; nf++) {
			f[nf] = q;
			if (nf < 4 && (q = strchr(q, '|')) != NULL)
				*q++ = '\0';
			else {
				nf++;
				break;
			}
		}
		for (i = (size_t)nf; i < 5; i++)
			f[i] = "";
		if (strcmp(f[0], "format") == 0) {
			if (strcmp(f[1], "2") != 0) {
				machine_error(m, file, n, "a backup of another "
				    "format than 2");
				return;
			}
		} else if (strcmp(f[0], "plan") == 0) {
			if (strcmp(f[1], id) != 0) {
				/* Quoted only when it is an id (no control
				 * characters to the terminal). */
				buf_printf(&m->errors, "%s:%d: a backup of plan "
				    "%s, not of this policy's plan %s\n", file, n,
				    strlen(f[1]) == 16 && strspn(f[1],
				    "0123456789abcdef") == 16 ? f[1] : "(not an id)",
				    id);
				m->unreadable = 1;
				return;
			}
			plan_seen = 1;
		} else if (strcmp(f[0], "end") == 0) {
			ended = n;
			endn = strtoul(f[1], &q, 10);
			if (*q != '\0' || f[1][0] == '\0')
				endn = (unsigned long)-1;
		}
		else if (strcmp(f[0], "value") == 0) {
			records++;
			idx = strtoul(f[1], &q, 10);
			if (*q != '\0' || idx == 0 || idx > c->pl->n) {
				machine_error(m, file, n, "a value record of no "
				    "value of the plan");
				return;
			}
			for (k = 0; k < c->nvalues; k++)
				if (c->op_of[k] == idx - 1)
					break;
			if (k == c->nvalues)
				continue;
			memset(&m->obs.value[k], 0, sizeof m->obs.value[k]);
			m->obs.value[k].line = n;
			if (strcmp(f[2], "absent") == 0) {
				m->obs.value[k].seen = VAL_DELETED;
				continue;
			}
			if (strcmp(f[2], "present") != 0) {
				machine_error(m, file, n, "a value neither "
				    "present nor absent");
				return;
			}
			m->obs.value[k].seen = VAL_PRESENT;
			m->obs.value[k].type = 0xfffffffe;
			for (i = 0; i < 12; i++) {
				if (strcmp(f[3], type_name((uint32_t)i)) == 0)
					m->obs.value[k].type = (uint32_t)i;
			}
			if (m->obs.value[k].type == REG_TYPE_DWORD) {
				data = strtoul(f[4], &q, 16);
				if (strncmp(f[4], "0x", 2) != 0 || *q != '\0' ||
				    data > 0xffffffffUL || strlen(f[4]) > 10) {
					machine_error(m, file, n, "a REG_DWORD "
					    "without 0x data");
					return;
				}
				m->obs.value[k].data = (uint32_t)data;
			}
		} else if (strcmp(f[0], "key") == 0)
			records++;
	}
	if (!plan_seen || !ended)
		machine_error(m, file, n, !plan_seen ? "a backup without its "
		    "plan record" : "a backup cut short (no \"end\" record)");
	else if (endn != records || records != c->pl->n + nkeys) {
		buf_printf(&m->errors, "%s:%d: \"end|%s\" after %zu records; a "
		    "complete backup of this plan has %zu\n", file, ended,
		    endn == (unsigned long)-1 ? "?" : "N", records,
		    c->pl->n + nkeys);
		m->unreadable = 1;
	}
}

/* The folder a Registry.pol lies in: "User" (any case) means HKCU. */
static enum reg_hive
pol_hive(const char *file)
{
	char		*dir = xstrdup(file), *slash, *real = NULL, *base;
	enum reg_hive	 h = HIVE_HKLM;

	/*
	 * The folder the name lies in, as written (a link's target folder
	 * does not count); resolved only when it is "." or "..".
	 */
	slash = strrchr(dir, '/');
	if (slash != NULL)
		*slash = '\0';
	else {
		free(dir);
		dir = xstrdup(".");
	}
	base = strrchr(dir, '/');
	base = base == NULL ? dir : base + 1;
	if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0 ||
	    *base == '\0') {
		real = realpath(*dir == '\0' ? "/" : dir, NULL);
		if (real != NULL) {
			base = strrchr(real, '/');
			base = base == NULL ? real : base + 1;
		}
	}
	if (strcasecmp(base, "User") == 0)
		h = HIVE_HKCU;
	free(dir);
	free(real);
	return h;
}

static void
read_file(struct checker *c, struct machine *m, const char *file)
{
	unsigned char	 head[16];
	struct stat	 sb;
	ssize_t		 n, got;
	int		 fd, line, flags;
	char		 err[256];

	/* O_NONBLOCK: a FIFO given as a machine must not hang the audit. */
	fd = strcmp(file, "-") == 0 ? 0 : open(file, O_RDONLY | O_NONBLOCK);
	if (fd == -1) {
		machine_error(m, file, 0, strerror(errno));
		return;
	}
	if (fd != 0) {
		if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode)) {
			machine_error(m, file, 0, "not a regular file");
			close(fd);
			return;
		}
		flags = fcntl(fd, F_GETFL);
		if (flags != -1)
			fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	}
	/*
	 * Registry.pol starts "PReg", a backup's state.txt "# tlsgpo backup";
	 * anything else is read as a .reg. The first bytes are read from the
	 * stream itself (standard input cannot be read twice).
	 */
	for (n = 0; n < (ssize_t)sizeof head; n += got) {
		got = read(fd, head + n, sizeof head - (size_t)n);
		if (got == -1 && errno == EINTR) {
			got = 0;
			continue;
		}
		if (got <= 0)
			break;
	}
	if (n >= 4 && memcmp(head, "PReg", 4) == 0)
		read_pol(m, fd, head, (size_t)n, file, pol_hive(file));
	else if (n >= 8 && memcmp(head, "# tlsgpo", 8) == 0) {
		FILE	*fp;

		if (fd == 0 || lseek(fd, 0, SEEK_SET) == -1 ||
		    (fp = fdopen(fd, "r")) == NULL)
			machine_error(m, file, 0, "a state.txt is read from a "
			    "file, not from standard input");
		else {
			read_state(c, m, fp, file);
			fclose(fp);
			return;
		}
	} else if (regfile_read(fd, head, (size_t)n, &m->obs, &line, err,
	    sizeof err) == -1)
		machine_error(m, file, line, err);
	if (fd != 0)
		close(fd);
}

/* In a directory: *.reg and *.pol files; the rest is not an export. */
static int
export_name(const char *name)
{
	size_t	n = strlen(name);

	return (n > 4 && (strcasecmp(name + n - 4, ".reg") == 0 ||
	    strcasecmp(name + n - 4, ".pol") == 0)) ||
	    strcasecmp(name, "state.txt") == 0;
}

/* dir/Registry.pol, in any case, when there is one. */
static void
add_registry_pol(const char *dir, char ***names, size_t *n)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcasecmp(e->d_name, "Registry.pol") != 0)
			continue;
		*names = xreallocarray(*names, *n + 1, sizeof **names);
		(*names)[(*n)++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * A name fit for one line of text and for JSON: control characters, '\\'
 * and bytes that are not UTF-8 as \\xHH.
 */
static char *
printable(const char *s)
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

/* A machine: a file, or the files of a directory in name order. */
static void
read_machine(struct checker *c, struct machine *m, const char *arg)
{
	struct stat	 sb;
	DIR		*d;
	struct dirent	*e;
	char		**names = NULL, *path, *t;
	size_t		 n = 0, i;

	memset(m, 0, sizeof *m);
	buf_init(&m->errors);
	reg_obs_init(&m->obs, c->keys, c->nkeys, c->values, c->nvalues);
	m->path = arg;
	t = xstrdup(arg);
	while (strlen(t) > 1 && t[strlen(t) - 1] == '/')
		t[strlen(t) - 1] = '\0';
	m->name = printable(strcmp(t, "-") == 0 ? "(stdin)" :
	    strrchr(t, '/') != NULL ? strrchr(t, '/') + 1 : t);
	free(t);
	if (strcmp(arg, "-") == 0 || stat(arg, &sb) == -1 ||
	    !S_ISDIR(sb.st_mode)) {
		read_file(c, m, arg);
		return;
	}
	if ((d = opendir(arg)) == NULL) {
		machine_error(m, arg, 0, strerror(errno));
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", arg, e->d_name);
		if (export_name(e->d_name)) {
			/* Even one it cannot read: read_file says why. */
			names = xreallocarray(names, n + 1, sizeof *names);
			names[n++] = path;
		} else if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode) &&
		    (strcasecmp(e->d_name, "Machine") == 0 ||
		    strcasecmp(e->d_name, "User") == 0)) {
			/* A GPO's Machine and User folders: their Registry.pol. */
			add_registry_pol(path, &names, &n);
			free(path);
		} else
			free(path);
	}
	closedir(d);
	if (n == 0)
		machine_error(m, arg, 0, "no .reg or .pol file in this directory");
	qsort(names, n, sizeof *names, cmp_names);
	for (i = 0; i < n; i++) {
		read_file(c, m, names[i]);
		free(names[i]);
	}
	free(names);
}

static enum verdict
judge(const struct machine *m, size_t i)
{
	const struct reg_obs_value	*v = &m->obs.value[i];

	switch (v->seen) {
	case VAL_PRESENT:
		return v->type != REG_TYPE_DWORD ? V_WRONG_TYPE : V_OK;
	case VAL_DELETED:
		return V_MISSING;
	case VAL_UNSEEN:
		break;
	}
	return m->obs.key[m->obs.values[i].key] == KEY_UNSEEN ? V_NOT_COVERED :
	    V_MISSING;
}

static enum verdict
verdict_of(const struct checker *c, const struct machine *m, size_t i)
{
	enum verdict	v = judge(m, i);

	if (v == V_OK && m->obs.value[i].data != c->pl->ops[c->op_of[i]].data)
		return V_WRONG_VALUE;
	return v;
}

/* A type's name; two of check's own for data that is no registry type. */
static const char *
type_name(uint32_t t)
{
	static char	other[32];

	if (t == 0xffffffff)
		return "REG_DWORD of another size";
	if (t == 0xfffffffe)
		return "a type reg.exe named otherwise";
	if (strcmp(reg_type_name(t), "REG_?") != 0)
		return reg_type_name(t);
	snprintf(other, sizeof other, "type 0x%x", (unsigned)t);
	return other;
}

static char *
value_label(const struct plan_op *op)
{
	char	*key = plan_op_physical_key(op), *s;

	s = xasprintf("%s\\%s\\%s", hive_short_name(op->hive), key, op->value);
	free(key);
	return s;
}

static char *printable(const char *);

enum status {
	S_COMPLIANT,
	S_DRIFT,
	S_NOT_COVERED,	/* --policy-only, and no value covered at all */
	S_UNREADABLE
};

static const char *const status_words[] = {
	"compliant", "drift", "not covered", "unreadable"
};

/* The one verdict on a machine: text, JSON, summary and exit status. */
static enum status
machine_status(const struct checker *c, const struct machine *m)
{
	size_t	drift = m->count[V_MISSING] + m->count[V_WRONG_VALUE] +
	    m->count[V_WRONG_TYPE];

	if (m->unreadable)
		return S_UNREADABLE;
	if (drift > 0)
		return S_DRIFT;
	if (m->count[V_NOT_COVERED] == 0)
		return S_COMPLIANT;
	if (!c->policy_only)
		return S_DRIFT;
	return m->count[V_NOT_COVERED] == c->nvalues ? S_NOT_COVERED :
	    S_COMPLIANT;
}

static void
print_text(const struct checker *c, const struct machine *m, struct buf *out)
{
	const struct plan_op	*op;
	enum verdict		 v;
	size_t			 i, drift;
	char			*label;

	if (m->unreadable) {
		buf_printf(out, "%s: unreadable\n", m->name);
		return;
	}
	drift = m->count[V_MISSING] + m->count[V_WRONG_VALUE] +
	    m->count[V_WRONG_TYPE];
	if (machine_status(c, m) == S_NOT_COVERED)
		buf_printf(out, "%s: none of the %zu values is covered by the "
		    "export\n", m->name, c->nvalues);
	else if (machine_status(c, m) == S_COMPLIANT &&
	    m->count[V_NOT_COVERED] > 0)
		buf_printf(out, "%s: compliant in the %zu values covered (%zu "
		    "not covered)\n", m->name, c->nvalues -
		    m->count[V_NOT_COVERED], m->count[V_NOT_COVERED]);
	else if (drift == 0 && m->count[V_NOT_COVERED] == 0)
		buf_printf(out, "%s: compliant (%zu values)\n", m->name,
		    c->nvalues);
	else if (m->count[V_NOT_COVERED] == 0)
		buf_printf(out, "%s: %zu of %zu values drift\n", m->name, drift,
		    c->nvalues);
	else
		buf_printf(out, "%s: %zu of %zu values drift, %zu not covered by "
		    "the export\n", m->name, drift, c->nvalues,
		    m->count[V_NOT_COVERED]);
	for (i = 0; i < c->nvalues; i++) {
		v = verdict_of(c, m, i);
		if ((v == V_OK || (v == V_NOT_COVERED && c->policy_only)) &&
		    !c->verbose)
			continue;
		op = &c->pl->ops[c->op_of[i]];
		label = value_label(op);
		buf_printf(out, "  %-11s %s", verdict_words[v], label);
		switch (v) {
		case V_OK:
			buf_printf(out, ": 0x%08X\n", (unsigned)op->data);
			break;
		case V_MISSING:
			buf_printf(out, ": absent, policy wants 0x%08X\n",
			    (unsigned)op->data);
			break;
		case V_WRONG_VALUE:
			buf_printf(out, ": 0x%08X, policy wants 0x%08X\n",
			    (unsigned)m->obs.value[i].data, (unsigned)op->data);
			break;
		case V_WRONG_TYPE:
			buf_printf(out, ": %s, policy wants REG_DWORD 0x%08X\n",
			    type_name(m->obs.value[i].type), (unsigned)op->data);
			break;
		case V_NOT_COVERED:
			buf_printf(out, ": the export does not include its key\n");
			break;
		case V_COUNT:
			break;
		}
		free(label);
	}
}

static void
print_json(const struct checker *c, const struct machine *m, int first,
    struct buf *out)
{
	const struct plan_op	*op;
	enum verdict		 v;
	size_t			 i, drift;
	char			*key;
	const char		*e, *nl;

	drift = m->count[V_MISSING] + m->count[V_WRONG_VALUE] +
	    m->count[V_WRONG_TYPE];
	buf_adds(out, first ? "\n    {" : ",\n    {");
	buf_adds(out, "\"name\": ");
	json_string(out, m->name);
	buf_adds(out, ", \"path\": ");
	key = printable(m->path);
	json_string(out, key);
	free(key);
	buf_printf(out, ", \"status\": \"%s\"",
	    status_words[machine_status(c, m)]);
	buf_printf(out, ", \"drift\": %zu, \"not_covered\": %zu", drift,
	    m->count[V_NOT_COVERED]);
	buf_adds(out, ", \"errors\": [");
	for (e = m->errors.data == NULL ? "" : m->errors.data, i = 0; *e != '\0'; e = nl + 1, i++) {
		nl = strchr(e, '\n');
		key = xstrndup(e, (size_t)(nl - e));
		buf_adds(out, i == 0 ? "" : ", ");
		{
			struct buf	 pe;

			/* Not printable(): a reader's \xHH stays as it is. */
			buf_init(&pe);
			text_printable(&pe, key);
			json_string(out, buf_cstr(&pe));
			buf_free(&pe);
		}
		free(key);
	}
	buf_adds(out, "], \"values\": [");
	for (i = 0; i < c->nvalues && !m->unreadable; i++) {
		op = &c->pl->ops[c->op_of[i]];
		v = verdict_of(c, m, i);
		key = plan_op_physical_key(op);
		buf_adds(out, i == 0 ? "\n      {" : ",\n      {");
		buf_printf(out, "\"hive\": \"%s\", \"key\": ",
		    hive_short_name(op->hive));
		json_string(out, key);
		buf_printf(out, ", \"view\": \"%s\", \"value\": ",
		    view_name(op->view));
		json_string(out, op->value);
		buf_printf(out, ", \"want\": %u, \"state\": \"%s\"",
		    (unsigned)op->data, verdict_words[v]);
		if (v == V_OK || v == V_WRONG_VALUE)
			buf_printf(out, ", \"got\": %u",
			    (unsigned)m->obs.value[i].data);
		if (v == V_WRONG_TYPE) {
			buf_adds(out, ", \"got_type\": ");
			json_string(out, type_name(m->obs.value[i].type));
		}
		buf_adds(out, "}");
		free(key);
	}
	buf_adds(out, c->nvalues > 0 && !m->unreadable ? "\n    ]}" : "]}");
}

static int
cmd_check_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "policy-only", no_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct policy	 p;
	struct diags	 d;
	struct plan	 pl;
	struct checker	 c;
	struct machine	 m;
	struct buf	 out;
	size_t		 i, nm, compliant = 0, drifting = 0, unreadable = 0;
	size_t		 best, shown;
	int		 ch, json = 0, verbose = 0, policy_only = 0, rc;
	int		 progress, first = 1;

	while ((ch = getopt_long(argc, argv, "jvph", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'p':
			policy_only = 1;
			break;
		case 'h':
			cmd_print_help(&cmd_check_entry, stdout);
			return EXIT_OK;
		default:
			return cmd_usage_error(&cmd_check_entry, "bad option");
		}
	}
	if (argc - optind < 2)
		return cmd_usage_error(&cmd_check_entry, "give a policy and at "
		    "least one machine (a file or a directory of exports)");
	for (i = (size_t)optind, ch = 0; i < (size_t)argc; i++)
		ch += strcmp(argv[i], "-") == 0;
	if (ch > 1)
		return cmd_usage_error(&cmd_check_entry, "standard input (-) "
		    "can be read once");
	/* The policy's warnings are for its author (lint), not its audit. */
	diags_init(&d, strcmp(argv[optind], "-") == 0 ? "<stdin>" :
	    argv[optind]);
	if (policy_load(argv[optind], &p, &d) == -1) {
		diags_print(&d, stderr);
		diags_free(&d);
		policy_free(&p);
		return EXIT_INPUT;
	}
	plan_build(&p, &pl);
	checker_init(&c, &pl);
	c.verbose = verbose;
	c.policy_only = policy_only;
	nm = (size_t)(argc - optind - 1);
	progress = nm > 1 && isatty(2);
	buf_init(&out);
	if (json) {
		buf_adds(&out, "{\"policy\": {\"id\": ");
		json_string(&out, p.id);
		buf_adds(&out, ", \"version\": ");
		json_string(&out, p.version);
		buf_printf(&out, ", \"values\": %zu}, \"machines\": [", c.nvalues);
	}
	for (i = 0; i < nm; i++) {
		read_machine(&c, &m, argv[optind + 1 + (int)i]);
		if (progress && m.errors.len > 0)
			fputs("\r\033[K", stderr);
		print_errors(&m.errors);
		if (progress)
			fprintf(stderr, "\rtlsgpo check: %zu of %zu machines", i + 1,
			    nm);
		if (!m.unreadable) {
			size_t	k;

			for (k = 0; k < c.nvalues; k++) {
				enum verdict v = verdict_of(&c, &m, k);

				m.count[v]++;
				if (v != V_OK && (v != V_NOT_COVERED ||
				    !policy_only))
					c.drift_by_value[k]++;
			}
		}
		switch (machine_status(&c, &m)) {
		case S_UNREADABLE:
			unreadable++;
			break;
		case S_COMPLIANT:
			compliant++;
			break;
		case S_DRIFT:
		case S_NOT_COVERED:
			drifting++;
			break;
		}
		if (json)
			print_json(&c, &m, first, &out);
		else
			print_text(&c, &m, &out);
		first = 0;
		/* Stream: a fleet's report need not fit in memory. */
		fwrite(out.data == NULL ? "" : out.data, 1, out.len, stdout);
		out.len = 0;
		reg_obs_free(&m.obs);
		buf_free(&m.errors);
		free(m.name);
	}
	if (progress)
		fputs("\r\033[K", stderr);
	if (json)
		buf_printf(&out, "\n  ],\n  \"summary\": {\"machines\": %zu, "
		    "\"compliant\": %zu, \"drifting\": %zu, \"unreadable\": %zu, "
		    "\"top\": [", nm, compliant, drifting, unreadable);
	else if (nm > 1)
		buf_printf(&out, "fleet: %zu machines: %zu compliant, %zu "
		    "drifting, %zu unreadable\n", nm, compliant, drifting,
		    unreadable);
	/* The values that drift on most machines, ten at most. */
	for (shown = 0; shown < 10 && (json || nm > 1); shown++) {
		const struct plan_op	*op;
		char			*label;

		best = c.nvalues;
		for (i = 0; i < c.nvalues; i++)
			if (c.drift_by_value[i] > 0 && (best == c.nvalues ||
			    c.drift_by_value[i] > c.drift_by_value[best]))
				best = i;
		if (best == c.nvalues)
			break;
		op = &pl.ops[c.op_of[best]];
		label = value_label(op);
		if (json) {
			buf_adds(&out, shown == 0 ? "{\"value\": " :
			    ", {\"value\": ");
			json_string(&out, label);
			buf_printf(&out, ", \"view\": \"%s\", \"machines\": %zu}",
			    view_name(op->view), c.drift_by_value[best]);
		} else
			buf_printf(&out, "  %6zu machines  %s (%s)\n",
			    c.drift_by_value[best], label, view_label(op->view));
		free(label);
		c.drift_by_value[best] = 0;
	}
	if (json)
		buf_adds(&out, "]}\n}\n");
	fwrite(out.data == NULL ? "" : out.data, 1, out.len, stdout);
	buf_free(&out);
	rc = unreadable > 0 ? EXIT_INPUT : drifting > 0 ? EXIT_CHECK : EXIT_OK;
	checker_free(&c);
	plan_free(&pl);
	diags_free(&d);
	policy_free(&p);
	return rc;
}

const struct cmd_entry cmd_check_entry = {
	"check",
	"[--json] [--verbose] [--policy-only] POLICY MACHINE...",
	"Audits exported machine state against the policy. A MACHINE is a\n"
	"file, or a directory whose *.reg, *.pol and state.txt files (and\n"
	"Machine/ and User/Registry.pol) are merged in name order, named\n"
	"after the directory; each a .reg export (regedit /e, reg export:\n"
	"UTF-16 or 8-bit), a Registry.pol (in a User folder:\n"
	"HKEY_CURRENT_USER) or an apply script's backup state.txt (the state\n"
	"before apply; only of this policy's plan); - is standard input.\n"
	"Per value: ok, missing, wrong value, wrong type, or not covered\n"
	"(neither the key nor an ancestor is in the export); per machine one\n"
	"line; for a fleet a summary with the values that drift most. Exit\n"
	"status 0 when every machine is compliant, 1 on any drift (not\n"
	"covered counts, unless --policy-only), 2 when an input could not be\n"
	"read (FILE:LINE: message; FILE:OFFSET for Registry.pol), the other\n"
	"machines still checked.",
	"  --json         one JSON document: per machine, per value, a summary\n"
	"  --verbose      list the values that are ok too\n"
	"  --policy-only  judge only the values the exports cover\n",
	cmd_check_exec
};
