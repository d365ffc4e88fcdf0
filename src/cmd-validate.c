#include "config.h"

#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "buf.h"
#include "cmd.h"
#include "diag.h"
#include "emitter.h"
#include "gpo.h"
#include "plan.h"
#include "pol.h"
#include "policy.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * tlsgpo validate DIR: every .admx and .adml below DIR, against
 * Microsoft's schema when --schema names its folder, and always against
 * what the schema cannot see: references that resolve, category parents
 * that exist, unique ids, and ADML files that agree with en-US. And every
 * GPO backup below DIR (a folder with bkupInfo.xml): see check_backup.
 */

struct vctx {
	int		 errors;
	const char	*file;		/* for libxml2's callbacks */
};

/* A message; what it quotes of a file, control characters as \xHH. */
static void
verr(struct vctx *v, const char *file, int line, const char *fmt, ...)
{
	va_list		 ap;
	char		*msg;
	struct buf	 b;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		msg = NULL;
	va_end(ap);
	buf_init(&b);
	text_printable(&b, file);	/* a name from a directory, too */
	buf_printf(&b, ":%d: ", line);
	text_printable(&b, msg != NULL ? msg : "(out of memory)");
	fprintf(stderr, "%s\n", buf_cstr(&b));
	buf_free(&b);
	free(msg);
	v->errors++;
}

/* libxml2's structured errors, as FILE:LINE: message. */
static void
xml_error(void *user, xmlErrorPtr e)
{
	struct vctx	*v = user;
	char		*msg;
	size_t		 n, i;

	msg = xstrdup(e->message != NULL ? e->message : "error");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	/*
	 * One message, one line: libxml2 puts a second line in some
	 * ("Input is not proper UTF-8, indicate encoding !\nBytes: ...").
	 */
	for (i = 0; i < n; i++)
		if (msg[i] == '\n' || msg[i] == '\r')
			msg[i] = ' ';
	verr(v, e->file != NULL ? e->file : v->file, e->line, "%s", msg);
	free(msg);
}

struct names {
	char	**v;
	int	 *line;
	size_t	  n;
};

static void
names_add(struct names *s, const char *name, int line)
{
	s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
	s->line = xreallocarray(s->line, s->n + 1, sizeof *s->line);
	s->v[s->n] = xstrdup(name);
	s->line[s->n++] = line;
}

static int
names_find(const struct names *s, const char *name)
{
	size_t	i;

	for (i = 0; i < s->n; i++) {
		if (strcmp(s->v[i], name) == 0)
			return (int)i;
	}
	return -1;
}

static void
names_free(struct names *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	free(s->line);
	memset(s, 0, sizeof *s);
}

/* Every element named name (any namespace): its attribute attr. */
static void
collect(xmlNodePtr n, const char *name, const char *attr, struct names *out,
    struct vctx *v, const char *file, const char *what)
{
	xmlChar	*val;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, name) == 0 &&
		    (val = xmlGetProp(n, BAD_CAST attr)) != NULL) {
			if (what != NULL && names_find(out, (char *)val) != -1)
				verr(v, file, xmlGetLineNo(n), "%s '%s' is "
				    "defined twice (first on line %d)", what,
				    (char *)val, out->line[names_find(out,
				    (char *)val)]);
			else
				names_add(out, (char *)val, xmlGetLineNo(n));
			xmlFree(val);
		}
		collect(n->children, name, attr, out, v, file, what);
	}
}

/* Every $(KIND.ID) in any attribute below n. */
static void
collect_refs(xmlNodePtr n, const char *kind, struct names *out)
{
	xmlAttrPtr	 a;
	xmlChar		*val;
	size_t		 k = strlen(kind);
	const char	*s, *end;
	char		*id;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (a = n->properties; a != NULL; a = a->next) {
			val = xmlNodeListGetString(n->doc, a->children, 1);
			s = (const char *)val;
			if (s != NULL && strncmp(s, "$(", 2) == 0 &&
			    strncmp(s + 2, kind, k) == 0 && s[2 + k] == '.' &&
			    (end = strchr(s, ')')) != NULL) {
				id = xstrndup(s + 3 + k, (size_t)(end - s - 3 - k));
				names_add(out, id, xmlGetLineNo(n));
				free(id);
			}
			xmlFree(val);
		}
		collect_refs(n->children, kind, out);
	}
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t	a = strlen(s), b = strlen(suffix);

	return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* All files below dir ending in suffix, sorted. */
static void
find_files(const char *dir, const char *suffix, struct names *out)
{
	struct dirent	**list;
	struct stat	  sb;
	char		 *path;
	int		  i, n;

	n = scandir(dir, &list, NULL, alphasort);
	for (i = 0; i < n; i++) {
		if (list[i]->d_name[0] != '.') {
			path = xasprintf("%s/%s", dir, list[i]->d_name);
			if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
				find_files(path, suffix, out);
			else if (has_suffix(list[i]->d_name, suffix))
				names_add(out, path, 0);
			free(path);
		}
		free(list[i]);
	}
	free(list);
}

static xmlDocPtr
load(struct vctx *v, const char *file, xmlSchemaPtr schema)
{
	xmlSchemaValidCtxtPtr	 vc;
	xmlDocPtr		 doc;

	v->file = file;
	doc = xmlReadFile(file, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	if (doc == NULL) {
		if (v->errors == 0)
			verr(v, file, 0, "not well-formed XML");
		return NULL;
	}
	if (schema != NULL) {
		vc = xmlSchemaNewValidCtxt(schema);
		xmlSchemaSetValidStructuredErrors(vc, xml_error, v);
		xmlSchemaValidateDoc(vc, doc);
		xmlSchemaFreeValidCtxt(vc);
	}
	return doc;
}

static void
check_admx(struct vctx *v, const char *admx, xmlSchemaPtr schema)
{
	struct names	 adml = { 0 }, cats = { 0 }, parents = { 0 };
	struct names	 pols = { 0 }, srefs = { 0 }, prefs = { 0 };
	struct names	 en_ids = { 0 };
	xmlDocPtr	 doc, ldoc;
	char		*dir, *base, *slash;
	size_t		 i, j;
	int		 en;

	if ((doc = load(v, admx, schema)) == NULL)
		return;
	collect(xmlDocGetRootElement(doc), "category", "name", &cats, v, admx,
	    "category");
	collect(xmlDocGetRootElement(doc), "policy", "name", &pols, v, admx,
	    "policy");
	collect(xmlDocGetRootElement(doc), "parentCategory", "ref", &parents,
	    NULL, admx, NULL);
	for (i = 0; i < parents.n; i++) {
		/* prefix:name points into another file's namespace. */
		if (strchr(parents.v[i], ':') == NULL &&
		    names_find(&cats, parents.v[i]) == -1)
			verr(v, admx, parents.line[i], "parent category '%s' "
			    "is not defined", parents.v[i]);
	}
	collect_refs(xmlDocGetRootElement(doc), "string", &srefs);
	collect_refs(xmlDocGetRootElement(doc), "presentation", &prefs);

	/* The ADML files: LOCALE/BASE.adml beside the ADMX. */
	dir = xstrdup(admx);
	slash = strrchr(dir, '/');
	base = xstrdup(slash != NULL ? slash + 1 : dir);
	if (slash != NULL)
		*slash = '\0';
	else
		strcpy(dir, ".");
	base[strlen(base) - 5] = '\0';
	{
		struct names	all = { 0 };
		char		*want = xasprintf("/%s.adml", base);

		find_files(dir, ".adml", &all);
		for (i = 0; i < all.n; i++) {
			if (has_suffix(all.v[i], want))
				names_add(&adml, all.v[i], 0);
		}
		names_free(&all);
		free(want);
	}
	if (adml.n == 0)
		verr(v, admx, 1, "no ADML file (LOCALE/%s.adml) beside it",
		    base);
	/* en-US first: the others are compared with it. */
	en = -1;
	for (i = 0; i < adml.n; i++) {
		if (strstr(adml.v[i], "/en-US/") != NULL)
			en = (int)i;
	}
	for (j = 0; j < adml.n + 1; j++) {
		struct names	 ids = { 0 }, pids = { 0 };
		const char	*f;

		if (j == 0 && en == -1)
			continue;
		if (j > 0 && (int)(j - 1) == en)
			continue;
		f = j == 0 ? adml.v[en] : adml.v[j - 1];
		if ((ldoc = load(v, f, schema)) == NULL)
			continue;
		collect(xmlDocGetRootElement(ldoc), "string", "id", &ids, v, f,
		    "string id");
		collect(xmlDocGetRootElement(ldoc), "presentation", "id", &pids,
		    v, f, "presentation id");
		for (i = 0; i < srefs.n; i++) {
			if (names_find(&ids, srefs.v[i]) == -1)
				verr(v, admx, srefs.line[i], "$(string.%s) is "
				    "not in %s", srefs.v[i], f);
		}
		for (i = 0; i < prefs.n; i++) {
			if (names_find(&pids, prefs.v[i]) == -1)
				verr(v, admx, prefs.line[i], "$(presentation.%s) "
				    "is not in %s", prefs.v[i], f);
		}
		if (j == 0) {
			for (i = 0; i < ids.n; i++)
				names_add(&en_ids, ids.v[i], ids.line[i]);
		} else if (en != -1) {
			for (i = 0; i < en_ids.n; i++) {
				if (names_find(&ids, en_ids.v[i]) == -1)
					verr(v, f, 1, "string id '%s' of en-US "
					    "(line %d) is missing", en_ids.v[i],
					    en_ids.line[i]);
			}
			for (i = 0; i < ids.n; i++) {
				if (names_find(&en_ids, ids.v[i]) == -1)
					verr(v, f, ids.line[i], "string id '%s' "
					    "is not in en-US", ids.v[i]);
			}
		}
		names_free(&ids);
		names_free(&pids);
		xmlFreeDoc(ldoc);
	}
	names_free(&en_ids);
	names_free(&adml);
	names_free(&cats);
	names_free(&parents);
	names_free(&pols);
	names_free(&srefs);
	names_free(&prefs);
	free(dir);
	free(base);
	xmlFreeDoc(doc);
}

/* ---- GPO backups ------------------------------------------------------ */

#define POL_MAX_BYTES	(16 * 1024 * 1024)

static xmlNodePtr
child(xmlNodePtr n, const char *name)
{
	for (n = n == NULL ? NULL : n->children; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, name) == 0)
			return n;
	}
	return NULL;
}

/* The text of element n (CDATA sections joined), caller frees. */
static char *
text_of(xmlNodePtr n)
{
	xmlChar	*c = n == NULL ? NULL : xmlNodeGetContent(n);
	char	*s = xstrdup(c == NULL ? "" : (const char *)c);

	xmlFree(c);
	return s;
}

static char *
prop(xmlNodePtr n, const char *name)
{
	xmlChar	*c = xmlGetProp(n, BAD_CAST name);
	char	*s = c == NULL ? NULL : xstrdup((const char *)c);

	xmlFree(c);
	return s;
}

static int
in_ns(xmlNodePtr n, const char *ns)
{
	return n != NULL && n->ns != NULL && n->ns->href != NULL &&
	    strcmp((const char *)n->ns->href, ns) == 0;
}

static int
is_file(const char *path)
{
	struct stat	sb;

	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

static int
is_dir(const char *path)
{
	struct stat	sb;

	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* A {GUID} as GPMC writes the folder names and ids. */
static int
is_guid(const char *s)
{
	size_t	i;

	if (strlen(s) != 38 || s[0] != '{' || s[37] != '}')
		return 0;
	for (i = 1; i < 37; i++) {
		if (i == 9 || i == 14 || i == 19 || i == 24) {
			if (s[i] != '-')
				return 0;
		} else if (!isxdigit((unsigned char)s[i]))
			return 0;
	}
	return 1;
}

/*
 * A BackupInst: its children in GPMC's order, each present; returns the
 * ID and GPOGuid (caller frees).
 */
static void
check_backup_inst(struct vctx *v, const char *file, xmlNodePtr bi,
    char **id, char **gpo)
{
	static const char *const order[] = {
		"GPOGuid", "GPODomain", "GPODomainGuid", "GPODomainController",
		"BackupTime", "ID", "Comment", "GPODisplayName"
	};
	xmlNodePtr	 n;
	size_t		 k = 0;
	char		*t;

	*id = NULL;
	*gpo = NULL;
	for (n = bi->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (k >= sizeof order / sizeof order[0] ||
		    strcmp((const char *)n->name, order[k]) != 0) {
			verr(v, file, xmlGetLineNo(n), "<%s> where BackupInst "
			    "wants <%s>", (const char *)n->name, k <
			    sizeof order / sizeof order[0] ? order[k] :
			    "nothing more");
			return;
		}
		t = text_of(n);
		if (strcmp(order[k], "ID") == 0)
			*id = xstrdup(t);
		else if (strcmp(order[k], "GPOGuid") == 0)
			*gpo = xstrdup(t);
		else if (strcmp(order[k], "BackupTime") == 0 &&
		    (strlen(t) != 19 || t[4] != '-' || t[7] != '-' ||
		    t[10] != 'T' || t[13] != ':' || t[16] != ':'))
			verr(v, file, xmlGetLineNo(n), "BackupTime '%s' is not "
			    "yyyy-MM-ddTHH:mm:ss", t);
		free(t);
		k++;
	}
	if (k < sizeof order / sizeof order[0])
		verr(v, file, xmlGetLineNo(bi), "BackupInst has no <%s>",
		    order[k]);
}

static char *
read_bytes(const char *path, size_t *len)
{
	FILE	*fp = fopen(path, "rb");
	struct buf b;
	char	 chunk[8192];
	size_t	 n;

	*len = 0;
	if (fp == NULL)
		return NULL;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0 &&
	    b.len <= POL_MAX_BYTES)
		buf_add(&b, chunk, n);
	fclose(fp);
	*len = b.len;
	if (b.data == NULL)
		return xstrdup("");
	return b.data;
}

/* One registry value as "HIVE\key\name=TYPE:DATA", for comparing sets. */
static char *
value_line(const char *hive, const char *key, const char *name,
    const char *type, unsigned long data)
{
	return xasprintf("%s\\%s\\%s=%s:%08lX", hive, key, name, type, data);
}

/* The values of a backup part, as value lines with where they come from. */
struct part_values {
	struct names	pol;	/* line: the record's byte offset */
	struct names	pref;	/* line: the item's line */
};

static void
read_pol_part(struct vctx *v, const char *path, const char *hive,
    struct names *out)
{
	struct pol_file	 pf;
	size_t		 len, off, i;
	char		*data, err[160], *line, type[16];
	unsigned long	 d;

	data = read_bytes(path, &len);
	if (data == NULL) {
		verr(v, path, 0, "cannot read: %s", strerror(errno));
		return;
	}
	if (pol_parse((const unsigned char *)data, len, &pf, &off, err,
	    sizeof err) == -1) {
		verr(v, path, (int)off, "%s (registry.pol: byte offset)", err);
		free(data);
		return;
	}
	for (i = 0; i < pf.n; i++) {
		d = 0;
		if (pf.v[i].type == REG_TYPE_DWORD && pf.v[i].size == 4)
			d = (unsigned long)pf.v[i].data[0] |
			    (unsigned long)pf.v[i].data[1] << 8 |
			    (unsigned long)pf.v[i].data[2] << 16 |
			    (unsigned long)pf.v[i].data[3] << 24;
		snprintf(type, sizeof type, "%s", pf.v[i].type ==
		    REG_TYPE_DWORD ? "REG_DWORD" : "OTHER");
		line = value_line(hive, pf.v[i].key, pf.v[i].value, type, d);
		names_add(out, line, (int)pf.v[i].offset);
		free(line);
	}
	pol_free(&pf);
	free(data);
}

/* An attribute that must be there with one value; names the item. */
static void
want_attr(struct vctx *v, const char *path, xmlNodePtr n, const char *attr,
    const char *value, const char *item)
{
	char	*got = prop(n, attr);

	if (got == NULL || strcmp(got, value) != 0)
		verr(v, path, xmlGetLineNo(n), "item %s: %s=\"%s\", where tlsgpo "
		    "writes %s=\"%s\"", item, attr, got == NULL ? "(none)" : got,
		    attr, value);
	free(got);
}

/*
 * A Registry.xml: every item whole (hive of this part, key, name, type,
 * DWORD as eight hex digits), with the class ids [MS-GPPREF] gives, a
 * unique {GUID} uid, action R and removePolicy 1 (what tlsgpo writes:
 * replace, and remove when no longer applied). Each item's value line goes
 * to out, its FilterWmi query ("" for none) to filters.
 */
static void
read_prefs_part(struct vctx *v, const char *path, const char *hive,
    struct names *out, struct names *filters)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n, pr, fl, f;
	struct names	 uids = { 0 };
	char		*h, *k, *nm, *t, *val, *line, *uid, *q, *end;
	unsigned long	 d;
	int		 nf;

	doc = load(v, path, NULL);
	if (doc == NULL)
		return;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || strcmp((const char *)root->name,
	    "RegistrySettings") != 0) {
		verr(v, path, root == NULL ? 0 : xmlGetLineNo(root), "the root "
		    "is not <RegistrySettings>");
		xmlFreeDoc(doc);
		return;
	}
	want_attr(v, path, root, "clsid", CLSID_SETTINGS, "RegistrySettings");
	for (n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "Registry") != 0) {
			verr(v, path, xmlGetLineNo(n), "<%s> in "
			    "RegistrySettings: tlsgpo writes only <Registry>",
			    (const char *)n->name);
			continue;
		}
		pr = child(n, "Properties");
		if (pr == NULL) {
			verr(v, path, xmlGetLineNo(n), "<Registry> without "
			    "<Properties>");
			continue;
		}
		h = prop(pr, "hive");
		k = prop(pr, "key");
		nm = prop(pr, "name");
		t = prop(pr, "type");
		val = prop(pr, "value");
		uid = prop(n, "uid");
		want_attr(v, path, n, "clsid", CLSID_REGISTRY,
		    nm == NULL ? "?" : nm);
		want_attr(v, path, n, "removePolicy", "1", nm == NULL ? "?" : nm);
		want_attr(v, path, pr, "action", "R", nm == NULL ? "?" : nm);
		if (uid == NULL || !is_guid(uid))
			verr(v, path, xmlGetLineNo(n), "item %s: uid '%s' is not "
			    "a {GUID}", nm == NULL ? "?" : nm, uid == NULL ?
			    "(none)" : uid);
		else if (names_find(&uids, uid) != -1)
			verr(v, path, xmlGetLineNo(n), "item %s: uid %s is also "
			    "the uid of line %d's item", nm == NULL ? "?" : nm, uid,
			    uids.line[names_find(&uids, uid)]);
		else
			names_add(&uids, uid, xmlGetLineNo(n));
		/* At most one filter, a FilterWmi. */
		q = NULL;
		nf = 0;
		fl = child(n, "Filters");
		for (f = fl == NULL ? NULL : fl->children; f != NULL;
		    f = f->next) {
			if (f->type != XML_ELEMENT_NODE)
				continue;
			if (nf++ == 0 && strcmp((const char *)f->name,
			    "FilterWmi") == 0)
				q = prop(f, "query");
			else
				verr(v, path, xmlGetLineNo(f), "item %s: filter "
				    "<%s>: tlsgpo writes at most one FilterWmi",
				    nm == NULL ? "?" : nm, (const char *)f->name);
		}
		if (h == NULL || k == NULL || nm == NULL || t == NULL ||
		    val == NULL)
			verr(v, path, xmlGetLineNo(pr), "<Properties> needs "
			    "hive, key, name, type and value");
		else if (strcmp(h, hive) != 0)
			verr(v, path, xmlGetLineNo(pr), "hive %s in the %s part",
			    h, hive);
		else {
			d = strtoul(val, &end, 16);
			if (strcmp(t, "REG_DWORD") == 0 && (strlen(val) != 8 ||
			    *end != '\0'))
				verr(v, path, xmlGetLineNo(pr), "REG_DWORD value "
				    "'%s' is not eight hex digits", val);
			line = value_line(h, k, nm, t, d);
			names_add(out, line, xmlGetLineNo(pr));
			names_add(filters, q == NULL ? "" : q, xmlGetLineNo(n));
			free(line);
		}
		free(h);
		free(k);
		free(nm);
		free(t);
		free(val);
		free(uid);
		free(q);
	}
	names_free(&uids);
	xmlFreeDoc(doc);
}

/* The plan's values in hive (long name) that pick chooses, as value lines. */
static void
plan_values(const struct plan *pl, const char *hive,
    int (*pick)(const struct plan *, const struct plan_op *),
    struct names *out, struct names *filters)
{
	char	*key, *line, *q;
	size_t	 i;

	memset(out, 0, sizeof *out);
	if (filters != NULL)
		memset(filters, 0, sizeof *filters);
	for (i = 0; i < pl->n; i++) {
		if (strcmp(hive_long_name(pl->ops[i].hive), hive) != 0 ||
		    !pick(pl, &pl->ops[i]))
			continue;
		key = plan_op_physical_key(&pl->ops[i]);
		line = value_line(hive, key, pl->ops[i].value, "REG_DWORD",
		    pl->ops[i].data);
		names_add(out, line, 0);
		if (filters != NULL) {
			q = gpo_item_filter(&pl->ops[i]);
			names_add(filters, q == NULL ? "" : q, 0);
			free(q);
		}
		free(line);
		free(key);
	}
}

/* Every value line of want is in got and none more; messages name FILE. */
static void
compare_values(struct vctx *v, const char *file, const struct names *got,
    const struct names *want, const char *what)
{
	size_t	i;

	for (i = 0; i < want->n; i++) {
		if (names_find(got, want->v[i]) == -1)
			verr(v, file, 0, "%s lacks %s", what, want->v[i]);
	}
	for (i = 0; i < got->n; i++) {
		if (names_find(want, got->v[i]) == -1)
			verr(v, file, got->line[i], "%s holds %s, which the "
			    "policy does not set there", what, got->v[i]);
	}
}

/* Files below dir, relative to base, with '/' separators. */
static void
list_files(const char *base, const char *rel, struct names *out)
{
	struct dirent	**list;
	char		 *path, *r;
	int		  i, n;

	path = rel[0] == '\0' ? xstrdup(base) : xasprintf("%s/%s", base, rel);
	n = scandir(path, &list, NULL, alphasort);
	for (i = 0; i < n; i++) {
		if (strcmp(list[i]->d_name, ".") != 0 &&
		    strcmp(list[i]->d_name, "..") != 0) {
			r = rel[0] == '\0' ? xstrdup(list[i]->d_name) :
			    xasprintf("%s/%s", rel, list[i]->d_name);
			free(path);
			path = xasprintf("%s/%s", base, r);
			if (is_dir(path))
				list_files(base, r, out);
			else
				names_add(out, r, 0);
			free(r);
			free(path);
			path = rel[0] == '\0' ? xstrdup(base) :
			    xasprintf("%s/%s", base, rel);
		}
		free(list[i]);
	}
	free(list);
	free(path);
}

/*
 * GroupPolicyCoreSettings: every field GPMC writes, in its order; a
 * security descriptor of hex bytes that starts as a self-relative one.
 */
static void
check_core(struct vctx *v, const char *file, xmlNodePtr core)
{
	static const char *const order[] = {
		"ID", "Domain", "SecurityDescriptor", "DisplayName", "Options",
		"UserVersionNumber", "MachineVersionNumber",
		"MachineExtensionGuids", "UserExtensionGuids", "WMIFilter"
	};
	xmlNodePtr	 n;
	size_t		 k = 0, i, len;
	char		*t;

	for (n = core->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (k >= sizeof order / sizeof order[0] ||
		    strcmp((const char *)n->name, order[k]) != 0) {
			verr(v, file, xmlGetLineNo(n), "<%s> where "
			    "GroupPolicyCoreSettings wants <%s>",
			    (const char *)n->name, k < sizeof order /
			    sizeof order[0] ? order[k] : "nothing more");
			return;
		}
		if (strcmp(order[k], "SecurityDescriptor") == 0) {
			t = text_of(n);
			len = strlen(t);
			for (i = 0; i < len; i++) {
				if (i % 3 == 2 ? t[i] != ' ' :
				    !isxdigit((unsigned char)t[i]))
					break;
			}
			if (len < 20 * 3 - 1 || i < len || (len + 1) % 3 != 0 ||
			    strncmp(t, "01 00", 5) != 0)
				verr(v, file, xmlGetLineNo(n), "the "
				    "SecurityDescriptor is not a self-relative "
				    "descriptor in hex bytes");
			free(t);
		}
		k++;
	}
	if (k < sizeof order / sizeof order[0])
		verr(v, file, xmlGetLineNo(core), "GroupPolicyCoreSettings "
		    "has no <%s>", order[k]);
}

/*
 * A listed file's three paths agree: bkp:Location DomainSysvol\GPO\PART\REST,
 * bkp:Path %GPO_MACH_FSPATH%\REST (USER for User), and
 * bkp:SourceExpandedPath ...\Policies\{the GPO's ID}\PART\REST. loc has '/'.
 */
static void
check_fs_paths(struct vctx *v, const char *file, xmlNodePtr f,
    const char *loc, const char *core_id)
{
	const char	*rest, *part;
	char		*path, *src, *want, *p;
	size_t		 n, m;

	if (strncmp(loc, "DomainSysvol/GPO/Machine/", 25) == 0) {
		part = "Machine";
		rest = loc + 25;
	} else if (strncmp(loc, "DomainSysvol/GPO/User/", 22) == 0) {
		part = "User";
		rest = loc + 22;
	} else {
		verr(v, file, xmlGetLineNo(f), "bkp:Location %s is not under "
		    "DomainSysvol\\GPO\\Machine or User", loc);
		return;
	}
	path = (char *)xmlGetNsProp(f, BAD_CAST "Path", BAD_CAST NS_BACKUP);
	src = (char *)xmlGetNsProp(f, BAD_CAST "SourceExpandedPath",
	    BAD_CAST NS_BACKUP);
	want = xasprintf("%%GPO_%s_FSPATH%%\\%s", strcmp(part, "User") == 0 ?
	    "USER" : "MACH", rest);
	for (p = want; *p != '\0'; p++) {
		if (*p == '/')
			*p = '\\';
	}
	if (path == NULL || strcasecmp(path, want) != 0)
		verr(v, file, xmlGetLineNo(f), "bkp:Path \"%s\" does not match "
		    "bkp:Location (it should be \"%s\")", path == NULL ?
		    "(none)" : path, want);
	free(want);
	want = xasprintf("\\Policies\\%s\\%s\\%s", core_id, part, rest);
	for (p = want; *p != '\0'; p++) {
		if (*p == '/')
			*p = '\\';
	}
	n = src == NULL ? 0 : strlen(src);
	m = strlen(want);
	if (src == NULL || n < m || strcasecmp(src + n - m, want) != 0)
		verr(v, file, xmlGetLineNo(f), "bkp:SourceExpandedPath \"%s\" "
		    "does not end in %s (the GPO's ID and the location)",
		    src == NULL ? "(none)" : src, want);
	free(want);
	xmlFree(path);
	xmlFree(src);
}

/*
 * One backup folder F (it holds bkupInfo.xml): bkupInfo's ID is F's name
 * and its fields come in GPMC's order; Backup.xml is a
 * GroupPolicyBackupScheme whose GPO id is bkupInfo's GPOGuid; every
 * bkp:Location exists, and every file under F/DomainSysvol is listed (import
 * copies only what Backup.xml lists); the extension GUIDs name the
 * Registry and Preferences extensions exactly when their files exist;
 * registry.pol parses; Registry.xml items are whole. With a plan, the
 * values are the plan's as [gpo] mode splits them; else, inside a package,
 * registry.pol and Registry.xml together hold exactly gpo/Machine (User)
 * Registry.pol's values.
 */
static void
check_backup(struct vctx *v, const char *folder, const struct plan *pl)
{
	static const char *const parts[2] = { "Machine", "User" };
	static const char *const hives[2] = {
		"HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER"
	};
	static const char *const guids[2] = {
		"MachineExtensionGuids", "UserExtensionGuids"
	};
	xmlDocPtr	 info = NULL, bk = NULL;
	xmlNodePtr	 root, gpo, core, n, f;
	struct names	 files = { 0 }, listed = { 0 };
	struct names	 got = { 0 }, want = { 0 }, pkg = { 0 };
	struct names	 gotf = { 0 }, wantf = { 0 };
	const char	*base;
	char		*infof, *bkf, *id = NULL, *guid = NULL, *t, *loc, *p;
	char		*polf, *prefsf, *pkgpol, *ext, *core_id = NULL;
	size_t		 i;
	int		 part, has_pol, has_prefs, k;

	base = strrchr(folder, '/') != NULL ? strrchr(folder, '/') + 1 : folder;
	infof = xasprintf("%s/bkupInfo.xml", folder);
	bkf = xasprintf("%s/Backup.xml", folder);
	if (!is_guid(base))
		verr(v, infof, 0, "the backup folder '%s' is not a {GUID}",
		    base);
	info = load(v, infof, NULL);
	if (info != NULL) {
		root = xmlDocGetRootElement(info);
		if (root == NULL || strcmp((const char *)root->name,
		    "BackupInst") != 0 || !in_ns(root, NS_MANIFEST))
			verr(v, infof, root == NULL ? 0 : xmlGetLineNo(root),
			    "the root is not <BackupInst xmlns=\"%s\">",
			    NS_MANIFEST);
		else {
			check_backup_inst(v, infof, root, &id, &guid);
			if (id != NULL && strcasecmp(id, base) != 0)
				verr(v, infof, xmlGetLineNo(child(root, "ID")),
				    "ID %s is not the folder's name %s", id,
				    base);
		}
	}
	if (!is_file(bkf)) {
		verr(v, bkf, 0, "missing: a backup needs Backup.xml");
		goto done;
	}
	bk = load(v, bkf, NULL);
	if (bk == NULL)
		goto done;
	root = xmlDocGetRootElement(bk);
	if (root == NULL || strcmp((const char *)root->name,
	    "GroupPolicyBackupScheme") != 0 || !in_ns(root, NS_BACKUP)) {
		verr(v, bkf, root == NULL ? 0 : xmlGetLineNo(root), "the root is "
		    "not <GroupPolicyBackupScheme xmlns=\"%s\">", NS_BACKUP);
		goto done;
	}
	t = (char *)xmlGetNsProp(root, BAD_CAST "version",
	    BAD_CAST NS_BACKUP);
	if (t == NULL || strcmp(t, "2.0") != 0)
		verr(v, bkf, xmlGetLineNo(root), "bkp:version is not \"2.0\"");
	xmlFree(t);
	gpo = child(root, "GroupPolicyObject");
	core = child(gpo, "GroupPolicyCoreSettings");
	if (core == NULL) {
		verr(v, bkf, xmlGetLineNo(root), "no GroupPolicyObject/"
		    "GroupPolicyCoreSettings");
		goto done;
	}
	check_core(v, bkf, core);
	core_id = text_of(child(core, "ID"));
	if (guid != NULL && strcasecmp(core_id, guid) != 0)
		verr(v, bkf, xmlGetLineNo(core), "the GPO's ID %s is not "
		    "bkupInfo.xml's GPOGuid %s", core_id, guid);
	/* Every bkp:Location exists; collect them. */
	for (n = gpo->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name,
		    "GroupPolicyExtension") != 0)
			continue;
		for (f = n->children; f != NULL; f = f->next) {
			if (f->type != XML_ELEMENT_NODE)
				continue;
			loc = (char *)xmlGetNsProp(f, BAD_CAST "Location",
			    BAD_CAST NS_BACKUP);
			if (loc == NULL)
				continue;
			for (p = loc; *p != '\0'; p++) {
				if (*p == '\\')
					*p = '/';
			}
			check_fs_paths(v, bkf, f, loc, core_id);
			t = xasprintf("%s/%s", folder, loc);
			if (strcmp((const char *)f->name, "FSObjectDir") == 0) {
				if (!is_dir(t))
					verr(v, bkf, xmlGetLineNo(f), "folder %s "
					    "is not in the backup", loc);
			} else if (!is_file(t))
				verr(v, bkf, xmlGetLineNo(f), "file %s is not "
				    "in the backup", loc);
			else
				names_add(&listed, loc, xmlGetLineNo(f));
			free(t);
			xmlFree(loc);
		}
	}
	t = xasprintf("%s/DomainSysvol", folder);
	if (is_dir(t))
		list_files(folder, "DomainSysvol", &files);
	free(t);
	for (i = 0; i < files.n; i++) {
		if (names_find(&listed, files.v[i]) == -1)
			verr(v, bkf, xmlGetLineNo(gpo), "%s is not listed as a "
			    "bkp:Location: import would not copy it", files.v[i]);
	}
	for (part = 0; part < 2; part++) {
		polf = xasprintf("%s/DomainSysvol/GPO/%s/registry.pol", folder,
		    parts[part]);
		prefsf = xasprintf("%s/DomainSysvol/GPO/%s/Preferences/Registry/"
		    "Registry.xml", folder, parts[part]);
		has_pol = is_file(polf);
		has_prefs = is_file(prefsf);
		n = child(core, guids[part]);
		ext = text_of(n);
		if (has_pol != (strstr(ext, part == 0 ? GROUP_REGISTRY_M :
		    GROUP_REGISTRY_U) != NULL))
			verr(v, bkf, n == NULL ? xmlGetLineNo(core) :
			    xmlGetLineNo(n), "%s %s the Registry extension, but "
			    "%s/registry.pol %s", guids[part], has_pol ?
			    "lacks" : "names", parts[part], has_pol ? "exists" :
			    "does not exist");
		if (has_prefs != (strstr(ext, GROUP_PREFS) != NULL))
			verr(v, bkf, n == NULL ? xmlGetLineNo(core) :
			    xmlGetLineNo(n), "%s %s the Preferences Registry "
			    "extension, but %s/Preferences/Registry/Registry.xml "
			    "%s", guids[part], has_prefs ? "lacks" : "names",
			    parts[part], has_prefs ? "exists" :
			    "does not exist");
		free(ext);
		t = text_of(child(core, part == 0 ? "MachineVersionNumber" :
		    "UserVersionNumber"));
		if ((has_pol || has_prefs) && strtoul(t, NULL, 10) == 0)
			verr(v, bkf, xmlGetLineNo(core), "%sVersionNumber is 0, "
			    "but the %s part has settings: Group Policy would "
			    "skip them", part == 0 ? "Machine" : "User",
			    parts[part]);
		free(t);
		memset(&got, 0, sizeof got);
		if (has_pol)
			read_pol_part(v, polf, hives[part], &got);
		if (pl != NULL) {
			plan_values(pl, hives[part], gpo_as_policy, &want, NULL);
			compare_values(v, polf, &got, &want, "registry.pol");
			names_free(&want);
			names_free(&got);
			memset(&got, 0, sizeof got);
		}
		memset(&gotf, 0, sizeof gotf);
		if (has_prefs)
			read_prefs_part(v, prefsf, hives[part], &got, &gotf);
		if (pl != NULL) {
			plan_values(pl, hives[part], gpo_as_preference, &want,
			    &wantf);
			compare_values(v, prefsf, &got, &want, "Registry.xml");
			/* Each item's filter is the one its protocol needs. */
			for (i = 0; i < got.n; i++) {
				k = names_find(&want, got.v[i]);
				if (k == -1 || strcmp(gotf.v[i],
				    wantf.v[k]) == 0)
					continue;
				verr(v, prefsf, gotf.line[i], "item %s: filter "
				    "\"%s\", where the policy wants %s%s%s",
				    got.v[i], gotf.v[i], *wantf.v[k] == '\0' ?
				    "none" : "\"", wantf.v[k],
				    *wantf.v[k] == '\0' ? "" : "\"");
			}
			names_free(&want);
			names_free(&wantf);
		} else {
			/* Inside a package: the backup holds gpo/PART's values. */
			pkgpol = xasprintf("%s/../../%s/Registry.pol", folder,
			    parts[part]);
			memset(&pkg, 0, sizeof pkg);
			if (is_file(pkgpol)) {
				read_pol_part(v, pkgpol, hives[part], &pkg);
				for (i = 0; i < pkg.n; i++) {
					if (names_find(&got, pkg.v[i]) == -1)
						verr(v, bkf, 0, "the backup's %s "
						    "part lacks %s, which "
						    "gpo/%s/Registry.pol sets",
						    parts[part], pkg.v[i],
						    parts[part]);
				}
				for (i = 0; i < got.n; i++) {
					if (names_find(&pkg, got.v[i]) == -1)
						verr(v, bkf, 0, "the backup's %s "
						    "part sets %s, which "
						    "gpo/%s/Registry.pol does "
						    "not", parts[part], got.v[i],
						    parts[part]);
				}
			}
			names_free(&pkg);
			free(pkgpol);
		}
		names_free(&got);
		names_free(&gotf);
		free(polf);
		free(prefsf);
	}
done:
	names_free(&files);
	names_free(&listed);
	if (info != NULL)
		xmlFreeDoc(info);
	if (bk != NULL)
		xmlFreeDoc(bk);
	free(id);
	free(guid);
	free(core_id);
	free(infof);
	free(bkf);
}

/*
 * manifest.xml beside backup folders (GPMC's Manage Backups and Import
 * Settings list backups from it): each BackupInst names one of them, and
 * each of them is named. folders: the backup folders in dir.
 */
static void
check_manifest(struct vctx *v, const char *dir, const struct names *folders)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, n;
	struct names	 ids = { 0 };
	const char	*base;
	char		*file, *id, *gpo, *t;
	size_t		 i;

	file = xasprintf("%s/manifest.xml", dir);
	if (!is_file(file)) {
		verr(v, file, 0, "missing: GPMC lists the backups of a folder "
		    "from its manifest.xml");
		free(file);
		return;
	}
	doc = load(v, file, NULL);
	if (doc != NULL) {
		root = xmlDocGetRootElement(doc);
		if (root == NULL || strcmp((const char *)root->name,
		    "Backups") != 0 || !in_ns(root, NS_MANIFEST))
			verr(v, file, root == NULL ? 0 : xmlGetLineNo(root),
			    "the root is not <Backups xmlns=\"%s\">",
			    NS_MANIFEST);
		else {
			for (n = root->children; n != NULL; n = n->next) {
				if (n->type != XML_ELEMENT_NODE)
					continue;
				check_backup_inst(v, file, n, &id, &gpo);
				t = id == NULL ? NULL : xasprintf("%s/%s/"
				    "bkupInfo.xml", dir, id);
				if (t != NULL && !is_file(t))
					verr(v, file, xmlGetLineNo(n), "backup "
					    "%s is listed, but %s/%s/bkupInfo.xml "
					    "does not exist", id, dir, id);
				if (id != NULL)
					names_add(&ids, id, xmlGetLineNo(n));
				free(t);
				free(id);
				free(gpo);
			}
			for (i = 0; i < folders->n; i++) {
				base = strrchr(folders->v[i], '/') + 1;
				if (names_find(&ids, base) == -1)
					verr(v, file, xmlGetLineNo(root), "backup "
					    "%s is not listed", base);
			}
		}
		xmlFreeDoc(doc);
	}
	names_free(&ids);
	free(file);
}

/* Every folder below dir that holds bkupInfo.xml. */
static void
find_backups(const char *dir, struct names *out)
{
	struct names	all = { 0 };
	char		*d;
	size_t		 i, n;

	find_files(dir, "bkupInfo.xml", &all);
	for (i = 0; i < all.n; i++) {
		n = strlen(all.v[i]) - strlen("/bkupInfo.xml");
		if (strcmp(all.v[i] + n, "/bkupInfo.xml") != 0)
			continue;
		d = xstrndup(all.v[i], n);
		if (names_find(out, d) == -1)
			names_add(out, d, 0);
		free(d);
	}
	names_free(&all);
}

static int
cmd_validate_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "schema", required_argument, NULL, 's' },
		{ "policy", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct vctx		 v = { 0, NULL };
	struct names		 admx = { 0 }, backups = { 0 }, roots = { 0 };
	struct policy		 pol;
	struct plan		 pl;
	struct diags		 d;
	const char		*policy_file = NULL;
	char			*parent;
	int			 have_plan = 0;
	xmlSchemaParserCtxtPtr	 pc;
	xmlSchemaPtr		 schema = NULL;
	struct stat		 sb;
	const char		*schema_dir = NULL;
	char			*xsd;
	size_t			 i;
	int			 ch;

	while ((ch = getopt_long(argc, argv, "s:p:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 's':
			schema_dir = optarg;
			break;
		case 'p':
			policy_file = optarg;
			break;
		case 'h':
			cmd_print_help(&cmd_validate_entry, stdout);
			return EXIT_OK;
		default:
			return cmd_usage_error(&cmd_validate_entry,
			    "bad option");
		}
	}
	if (argc - optind != 1)
		return cmd_usage_error(&cmd_validate_entry, "give one "
		    "directory");
	if (stat(argv[optind], &sb) == -1 || !S_ISDIR(sb.st_mode)) {
		fprintf(stderr, "tlsgpo validate: %s: not a directory\n",
		    argv[optind]);
		return EXIT_INPUT;
	}
	if (policy_file != NULL) {
		diags_init(&d, policy_file);
		if (policy_load(policy_file, &pol, &d) == -1) {
			diags_print(&d, stderr);
			diags_free(&d);
			policy_free(&pol);
			return EXIT_INPUT;
		}
		diags_free(&d);
		plan_build(&pol, &pl);
		have_plan = 1;
	}
	xmlSetStructuredErrorFunc(&v, xml_error);
	if (schema_dir != NULL) {
		xsd = xasprintf("%s/PolicyDefinitionFiles.xsd", schema_dir);
		pc = xmlSchemaNewParserCtxt(xsd);
		schema = pc != NULL ? xmlSchemaParse(pc) : NULL;
		if (pc != NULL)
			xmlSchemaFreeParserCtxt(pc);
		if (schema == NULL) {
			fprintf(stderr, "tlsgpo validate: %s: cannot read the "
			    "schema\n", xsd);
			free(xsd);
			return EXIT_INPUT;
		}
		free(xsd);
	}
	find_files(argv[optind], ".admx", &admx);
	find_backups(argv[optind], &backups);
	if (admx.n == 0 && backups.n == 0) {
		fprintf(stderr, "tlsgpo validate: %s: no .admx file and no GPO "
		    "backup (bkupInfo.xml) below it\n", argv[optind]);
		v.errors++;
	}
	if (have_plan && backups.n == 0) {
		fprintf(stderr, "tlsgpo validate: %s: --policy given, but no GPO "
		    "backup below it\n", argv[optind]);
		v.errors++;
	}
	for (i = 0; i < admx.n; i++)
		check_admx(&v, admx.v[i], schema);
	for (i = 0; i < backups.n; i++) {
		check_backup(&v, backups.v[i], have_plan ? &pl : NULL);
		parent = xstrdup(backups.v[i]);
		if (strrchr(parent, '/') != NULL)
			*strrchr(parent, '/') = '\0';
		else {
			free(parent);
			parent = xstrdup(".");
		}
		if (names_find(&roots, parent) == -1)
			names_add(&roots, parent, 0);
		free(parent);
	}
	for (i = 0; i < roots.n; i++) {
		struct names	here = { 0 };
		size_t		j, n = strlen(roots.v[i]);

		for (j = 0; j < backups.n; j++) {
			if (strncmp(backups.v[j], roots.v[i], n) == 0 &&
			    backups.v[j][n] == '/' &&
			    strchr(backups.v[j] + n + 1, '/') == NULL)
				names_add(&here, backups.v[j], 0);
		}
		check_manifest(&v, roots.v[i], &here);
		names_free(&here);
	}
	if (schema != NULL)
		xmlSchemaFree(schema);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (v.errors == 0)
		printf("%s: %zu ADMX file%s valid%s; %zu GPO backup%s valid%s\n",
		    argv[optind], admx.n, admx.n == 1 ? "" : "s",
		    schema != NULL || schema_dir ? " (schema and references)" :
		    " (references; no schema given)", backups.n,
		    backups.n == 1 ? "" : "s", have_plan ? " (and the "
		    "policy's values)" : "");
	names_free(&admx);
	names_free(&backups);
	names_free(&roots);
	if (have_plan) {
		plan_free(&pl);
		policy_free(&pol);
	}
	return v.errors == 0 ? EXIT_OK : EXIT_CHECK;
}

const struct cmd_entry cmd_validate_entry = {
	"validate",
	"[--schema SCHEMA_DIR] [--policy POLICY] DIR",
	"Checks every .admx and .adml below DIR: against Microsoft's ADMX\n"
	"schema (PolicyDefinitionFiles.xsd in SCHEMA_DIR) when --schema is\n"
	"given, and always for what the schema cannot see: every $(string.X)\n"
	"and $(presentation.X) resolves in every ADML, every parent category\n"
	"exists, ids are unique, every ADML has the en-US ids. And every GPO\n"
	"backup below DIR (a {GUID} folder with bkupInfo.xml): well-formed\n"
	"XML in GPMC's namespaces, ID = folder name, every bkp:Location\n"
	"exists and every file under DomainSysvol is listed, the extension\n"
	"GUIDs match the files, registry.pol parses, and its values with\n"
	"Registry.xml's are the package's Registry.pol values, or with\n"
	"--policy exactly the policy's as [gpo] mode splits them. Messages\n"
	"are FILE:LINE: message (registry.pol: FILE:BYTE-OFFSET); exit\n"
	"status 1 when anything is wrong, 2 for a bad --policy.",
	"  --schema DIR     the folder holding PolicyDefinitionFiles.xsd\n"
	"  --policy POLICY  compare the backup's values with this policy's\n",
	cmd_validate_exec
};
