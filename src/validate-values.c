#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "gpo.h"
#include "plan.h"
#include "plan-gpo.h"
#include "pol.h"
#include "utf8.h"
#include "validate.h"
#include "xmalloc.h"

/*
 * The values a GPO backup part holds (registry.pol, Preferences
 * Registry.xml), read into "HIVE\key\name=TYPE:DATA" lines, and compared
 * with the policy's (--policy) or the package's gpo/PART/Registry.pol.
 * Registry.xml items are checked against [MS-GPPREF] 2.2.1.17 as GPMC
 * writes them; strictly, for tlsgpo's own backups, against what tlsgpo
 * writes (action R, removePolicy 1, at most one FilterWmi, the part's hive).
 */

#define CLSID_COLLECTION "{53B533F5-224C-47e3-B01B-CA3B3F3FF4BF}"

static char *
value_line(const char *hive, const char *key, const char *name,
    const char *type, unsigned long data)
{
	return xasprintf("%s\\%s\\%s=%s:%08lX", hive, key, name, type, data);
}

/*
 * A REG_SZ's or REG_MULTI_SZ's line: its text (UTF-8, NULs kept, len
 * bytes) quoted, string by string (utf8.c), so that the lines of two
 * values are equal when their data are, byte for byte.
 */
static char *
text_line(const char *hive, const char *key, const char *name, uint32_t type,
    const char *text, size_t len)
{
	struct buf	 b;
	char		*s;

	buf_init(&b);
	text_show_strings(&b, text, len, type == REG_TYPE_MULTI_SZ);
	s = xasprintf("%s\\%s\\%s=%s:%s", hive, key, name,
	    reg_type_name(type), buf_cstr(&b));
	buf_free(&b);
	return s;
}

/* A registry.pol record's line: a DWORD's number, a text's strings. */
static char *
pol_line(const char *hive, const struct pol_record *pv)
{
	struct buf	 t;
	unsigned long	 d = 0;
	char		*s;

	if (pv->type == REG_TYPE_SZ || pv->type == REG_TYPE_MULTI_SZ) {
		buf_init(&t);
		utf16le_to_utf8(&t, pv->data, pv->size);
		s = text_line(hive, pv->key, pv->value, pv->type,
		    t.data == NULL ? "" : t.data, t.len);
		buf_free(&t);
		return s;
	}
	if (pv->type == REG_TYPE_DWORD && pv->size == 4)
		d = (unsigned long)pv->data[0] |
		    (unsigned long)pv->data[1] << 8 |
		    (unsigned long)pv->data[2] << 16 |
		    (unsigned long)pv->data[3] << 24;
	return value_line(hive, pv->key, pv->value, pv->type ==
	    REG_TYPE_DWORD ? "REG_DWORD" : "OTHER", d);
}

static void
read_pol_part(struct vctx *v, const char *path, const char *hive,
    struct names *out)
{
	struct pol_file	 pf;
	const struct pol_record *pv;
	size_t		 len, off, i;
	char		*data, err[160], *line;

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
		pv = &pf.v[i];
		line = pol_line(hive, pv);
		names_add(out, line, (int)pv->offset);
		free(line);
	}
	pol_free(&pf);
	free(data);
}

/* An attribute that must be there with one value; names the item. */
static void
want_attr(struct vctx *v, const char *path, xmlNodePtr n, const char *attr,
    const char *value, const char *item, const char *who)
{
	char	*got = xml_prop(n, attr);

	if (got == NULL || strcmp(got, value) != 0)
		verr(v, path, xmlGetLineNo(n), "item %s: %s=\"%s\", where %s "
		    "%s=\"%s\"", item, attr, got == NULL ? "(none)" : got, who,
		    attr, value);
	free(got);
}

struct prefs_read {
	const char	*path;
	const char	*hive;		/* the part's */
	int		 strict;
	struct names	 uids;
	struct names	*out;		/* value lines */
	struct names	*filters;	/* each item's FilterWmi query, or "" */
};

/* An item's filter: tlsgpo writes at most one, a FilterWmi; its query. */
static char *
item_filter(struct vctx *v, struct prefs_read *r, xmlNodePtr n,
    const char *nm)
{
	xmlNodePtr	 f;
	char		*q = NULL;
	int		 nf = 0;

	f = xml_child(n, "Filters");
	for (f = f == NULL ? NULL : f->children; f != NULL; f = f->next) {
		if (f->type != XML_ELEMENT_NODE)
			continue;
		if (nf++ == 0 && strcmp((const char *)f->name, "FilterWmi") == 0)
			q = xml_prop(f, "query");
		else if (r->strict)
			verr(v, r->path, xmlGetLineNo(f), "item %s: filter <%s>: "
			    "tlsgpo writes at most one FilterWmi", nm,
			    (const char *)f->name);
	}
	return q;
}

static void
item_uid(struct vctx *v, struct prefs_read *r, xmlNodePtr n, const char *nm)
{
	char	*uid = xml_prop(n, "uid");
	int	 k;

	/* GPMC's Registry Wizard writes items without one. */
	if (uid == NULL && !r->strict)
		return;
	if (uid == NULL || !is_guid(uid))
		verr(v, r->path, xmlGetLineNo(n), "item %s: uid '%s' is not a "
		    "{GUID}", nm, uid == NULL ? "(none)" : uid);
	else if ((k = names_find_ci(&r->uids, uid)) != -1)
		verr(v, r->path, xmlGetLineNo(n), "item %s: uid %s is also the "
		    "uid of line %d's item", nm, uid, r->uids.line[k]);
	else
		names_add(&r->uids, uid, xmlGetLineNo(n));
	free(uid);
}

/* [MS-GPPREF] 2.2.1.17: action C, R, U or D; one of the five hives. */
static void
item_generic(struct vctx *v, struct prefs_read *r, xmlNodePtr pr,
    const char *nm, const char *h)
{
	static const char *const hives[] = { "HKEY_CLASSES_ROOT",
	    "HKEY_CURRENT_USER", "HKEY_LOCAL_MACHINE", "HKEY_USERS",
	    "HKEY_CURRENT_CONFIG" };
	char	*a = xml_prop(pr, "action");
	size_t	 i;

	if (a != NULL && (strlen(a) != 1 || strchr("CRUD", a[0]) == NULL))
		verr(v, r->path, xmlGetLineNo(pr), "item %s: action \"%s\" is "
		    "none of C, R, U, D", nm, a);
	free(a);
	for (i = 0; i < sizeof hives / sizeof hives[0]; i++) {
		if (h != NULL && strcmp(h, hives[i]) == 0)
			return;
	}
	verr(v, r->path, xmlGetLineNo(pr), "item %s: hive \"%s\" is not a "
	    "registry hive", nm, h == NULL ? "(none)" : h);
}

/*
 * A REG_MULTI_SZ item's strings: its <Values>' <Value>s ("a\0b\0\0" in
 * t), which value="a b" must join with blanks (gpp-item.c's sources).
 */
static void
item_strings(struct vctx *v, struct prefs_read *r, xmlNodePtr pr,
    const char *item, const char *val, struct buf *t)
{
	xmlNodePtr	 vs = xml_child(pr, "Values"), n;
	struct buf	 joined;
	xmlChar		*s;

	if (vs == NULL) {
		verr(v, r->path, xmlGetLineNo(pr), "item %s: a REG_MULTI_SZ "
		    "without <Values>, where GPMC writes its strings", item);
		return;
	}
	buf_init(&joined);
	for (n = vs->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)n->name, "Value") != 0)
			continue;
		s = xmlNodeGetContent(n);
		buf_adds(t, s == NULL ? "" : (const char *)s);
		buf_addc(t, '\0');
		if (joined.len > 0)
			buf_addc(&joined, ' ');
		buf_adds(&joined, s == NULL ? "" : (const char *)s);
		xmlFree(s);
	}
	buf_addc(t, '\0');
	if (val != NULL && strcmp(val, buf_cstr(&joined)) != 0)
		verr(v, r->path, xmlGetLineNo(pr), "item %s: value=\"%s\" is "
		    "not its <Values> joined by blanks (\"%s\")", item, val,
		    buf_cstr(&joined));
	buf_free(&joined);
}

/* An item's value line: REG_DWORD's eight hex digits, or its text. */
static char *
item_line(struct vctx *v, struct prefs_read *r, xmlNodePtr pr, const char *h,
    const char *k, const char *item, const char *t, const char *val)
{
	struct buf	 text;
	unsigned long	 d;
	char		*end, *line;

	if (t != NULL && (strcmp(t, "REG_SZ") == 0 ||
	    strcmp(t, "REG_MULTI_SZ") == 0)) {
		buf_init(&text);
		if (strcmp(t, "REG_SZ") == 0) {
			buf_adds(&text, val == NULL ? "" : val);
			buf_addc(&text, '\0');
		} else
			item_strings(v, r, pr, item, val, &text);
		line = text_line(h, k, item, strcmp(t, "REG_SZ") == 0 ?
		    REG_TYPE_SZ : REG_TYPE_MULTI_SZ, buf_cstr(&text),
		    text.len);
		buf_free(&text);
		return line;
	}
	d = val == NULL ? 0 : strtoul(val, &end, 16);
	if (t != NULL && val != NULL && strcmp(t, "REG_DWORD") == 0 &&
	    (strlen(val) != 8 || *end != '\0'))
		verr(v, r->path, xmlGetLineNo(pr), "REG_DWORD value "
		    "'%s' is not eight hex digits", val);
	return value_line(h, k, item, t == NULL ? "" : t, d);
}

/* One Registry item: whole, and its value line and filter. */
static void
read_item(struct vctx *v, struct prefs_read *r, xmlNodePtr n)
{
	xmlNodePtr	 pr = xml_child(n, "Properties");
	char		*h, *k, *nm, *t, *val, *line, *q;
	const char	*item;

	if (pr == NULL) {
		verr(v, r->path, xmlGetLineNo(n), "<Registry> without "
		    "<Properties>");
		return;
	}
	h = xml_prop(pr, "hive");
	k = xml_prop(pr, "key");
	nm = xml_prop(pr, "name");
	t = xml_prop(pr, "type");
	val = xml_prop(pr, "value");
	item = nm == NULL ? "?" : nm;
	want_attr(v, r->path, n, "clsid", CLSID_REGISTRY, item,
	    "[MS-GPPREF] has");
	if (r->strict) {
		want_attr(v, r->path, n, "removePolicy", "1", item,
		    "tlsgpo writes");
		want_attr(v, r->path, pr, "action", "R", item, "tlsgpo writes");
	} else
		item_generic(v, r, pr, item, h);
	item_uid(v, r, n, item);
	q = item_filter(v, r, n, item);
	if (r->strict && (h == NULL || k == NULL || nm == NULL || t == NULL ||
	    val == NULL))
		verr(v, r->path, xmlGetLineNo(pr), "<Properties> needs hive, "
		    "key, name, type and value");
	else if (r->strict && strcmp(h, r->hive) != 0)
		verr(v, r->path, xmlGetLineNo(pr), "hive %s in the %s part", h,
		    r->hive);
	else if (!r->strict && k == NULL)
		verr(v, r->path, xmlGetLineNo(pr), "<Properties> needs a key");
	else if (h != NULL) {
		line = item_line(v, r, pr, h, k, item, t, val);
		names_add(r->out, line, xmlGetLineNo(pr));
		names_add(r->filters, q == NULL ? "" : q, xmlGetLineNo(n));
		free(line);
	}
	free(h);
	free(k);
	free(nm);
	free(t);
	free(val);
	free(q);
}

/* The items below parent: Registry, and Collections of them (GPMC's). */
static void
read_items(struct vctx *v, struct prefs_read *r, xmlNodePtr parent)
{
	xmlNodePtr	n;

	for (n = parent->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "Registry") == 0)
			read_item(v, r, n);
		else if (!r->strict && strcmp((const char *)n->name,
		    "Collection") == 0) {
			want_attr(v, r->path, n, "clsid", CLSID_COLLECTION,
			    "Collection", "[MS-GPPREF] has");
			read_items(v, r, n);
		} else if (!r->strict && strcmp((const char *)n->name,
		    "Filters") == 0)
			continue;	/* a Collection's own targeting */
		else
			verr(v, r->path, xmlGetLineNo(n), "<%s> in %s: %s",
			    (const char *)n->name, (const char *)parent->name,
			    r->strict ? "tlsgpo writes only <Registry>" :
			    "[MS-GPPREF] has <Registry> and <Collection>");
	}
}

static void
read_prefs_part(struct vctx *v, const char *path, const char *hive,
    int strict, struct names *out, struct names *filters)
{
	struct prefs_read	 r;
	xmlDocPtr		 doc;
	xmlNodePtr		 root;

	doc = xml_load(v, path, NULL);
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
	memset(&r, 0, sizeof r);
	r.path = path;
	r.hive = hive;
	r.strict = strict;
	r.out = out;
	r.filters = filters;
	want_attr(v, path, root, "clsid", CLSID_SETTINGS, "RegistrySettings",
	    "[MS-GPPREF] has");
	read_items(v, &r, root);
	names_free(&r.uids);
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

	for (i = 0; i < pl->n; i++) {
		if (strcmp(hive_long_name(pl->ops[i].hive), hive) != 0 ||
		    !pick(pl, &pl->ops[i]))
			continue;
		key = plan_op_physical_key(&pl->ops[i]);
		if (pl->ops[i].text != NULL)
			line = text_line(hive, key, pl->ops[i].value,
			    pl->ops[i].type, pl->ops[i].text,
			    plan_op_text_size(&pl->ops[i]));
		else
			line = value_line(hive, key, pl->ops[i].value,
			    "REG_DWORD", pl->ops[i].data);
		names_add(out, line, 0);
		if (filters != NULL) {
			q = plan_gpo_filter(&pl->ops[i]);
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

/* Each item's filter is the one its protocol or view needs. */
static void
compare_filters(struct vctx *v, const char *file, const struct names *got,
    const struct names *gotf, const struct names *want,
    const struct names *wantf)
{
	const char	*w;
	size_t		 i;
	int		 k;

	for (i = 0; i < got->n; i++) {
		k = names_find(want, got->v[i]);
		if (k == -1 || strcmp(gotf->v[i], wantf->v[k]) == 0)
			continue;
		w = wantf->v[k];
		verr(v, file, gotf->line[i], "item %s: filter \"%s\", where the "
		    "policy wants %s%s%s", got->v[i], gotf->v[i],
		    *w == '\0' ? "none" : "\"", w, *w == '\0' ? "" : "\"");
	}
}

/* Inside a package: the part holds exactly gpo/PART/Registry.pol's values. */
static void
compare_package(struct vctx *v, const struct part_check *pc,
    const struct names *got)
{
	struct names	 pkg = { 0 };
	char		*pkgpol;
	size_t		 i;

	pkgpol = xasprintf("%s/../../%s/Registry.pol", pc->folder, pc->part);
	if (is_file(pkgpol)) {
		read_pol_part(v, pkgpol, pc->hive, &pkg);
		for (i = 0; i < pkg.n; i++) {
			if (names_find(got, pkg.v[i]) == -1)
				verr(v, pc->bkf, 0, "the backup's %s part lacks "
				    "%s, which gpo/%s/Registry.pol sets",
				    pc->part, pkg.v[i], pc->part);
		}
		for (i = 0; i < got->n; i++) {
			if (names_find(&pkg, got->v[i]) == -1)
				verr(v, pc->bkf, 0, "the backup's %s part sets "
				    "%s, which gpo/%s/Registry.pol does not",
				    pc->part, got->v[i], pc->part);
		}
	}
	names_free(&pkg);
	free(pkgpol);
}

void
check_part_values(struct vctx *v, const struct part_check *pc)
{
	struct names	got = { 0 }, gotf = { 0 }, want = { 0 };
	struct names	wantf = { 0 };

	if (pc->has_pol)
		read_pol_part(v, pc->polf, pc->hive, &got);
	if (pc->plan != NULL) {
		plan_values(pc->plan, pc->hive, plan_gpo_policy, &want, NULL);
		compare_values(v, pc->polf, &got, &want, "registry.pol");
		names_free(&want);
		names_free(&got);
	}
	if (pc->has_prefs)
		read_prefs_part(v, pc->prefsf, pc->hive, pc->strict, &got,
		    &gotf);
	if (pc->plan != NULL) {
		plan_values(pc->plan, pc->hive, plan_gpo_preference, &want,
		    &wantf);
		compare_values(v, pc->prefsf, &got, &want, "Registry.xml");
		compare_filters(v, pc->prefsf, &got, &gotf, &want, &wantf);
		names_free(&want);
		names_free(&wantf);
	} else
		compare_package(v, pc, &got);
	names_free(&got);
	names_free(&gotf);
}
