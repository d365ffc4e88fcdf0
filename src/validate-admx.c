#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "validate.h"
#include "xmalloc.h"

/*
 * An .admx and its .adml files, against Microsoft's schema when --schema
 * names its folder, and always against what the schema cannot see:
 * references that resolve, category parents that exist, unique ids, and
 * ADML files that agree with en-US.
 */

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

/* What an ADMX refers to in its ADML files. */
struct admx_refs {
	const char	*admx;
	xmlNodePtr	 root;		/* its policyDefinitions */
	struct names	 strings;	/* $(string.ID) */
	struct names	 presentations;	/* $(presentation.ID) */
};

/*
 * Categories and policies defined once each, and every parent category
 * defined in the file.
 */
static void
check_admx_names(struct vctx *v, const char *admx, xmlNodePtr root)
{
	struct names	 cats = { 0 }, parents = { 0 }, pols = { 0 };
	size_t		 i;

	collect(root, "category", "name", &cats, v, admx, "category");
	collect(root, "policy", "name", &pols, v, admx, "policy");
	collect(root, "parentCategory", "ref", &parents, NULL, admx, NULL);
	for (i = 0; i < parents.n; i++) {
		/* prefix:name points into another file's namespace. */
		if (strchr(parents.v[i], ':') == NULL &&
		    names_find(&cats, parents.v[i]) == -1)
			verr(v, admx, parents.line[i], "parent category '%s' "
			    "is not defined", parents.v[i]);
	}
	names_free(&cats);
	names_free(&parents);
	names_free(&pols);
}

/* The ADML files: LOCALE/BASE.adml beside the ADMX; at least one. */
static void
find_adml(struct vctx *v, const char *admx, struct names *adml)
{
	struct names	 all = { 0 };
	char		*dir, *base, *slash, *want;
	size_t		 i;

	dir = xstrdup(admx);
	slash = strrchr(dir, '/');
	base = xstrdup(slash != NULL ? slash + 1 : dir);
	if (slash != NULL)
		*slash = '\0';
	else
		strcpy(dir, ".");
	base[strlen(base) - 5] = '\0';
	want = xasprintf("/%s.adml", base);
	find_files(dir, ".adml", 0, &all);
	for (i = 0; i < all.n; i++) {
		if (has_suffix(all.v[i], want))
			names_add(adml, all.v[i], 0);
	}
	if (adml->n == 0)
		verr(v, admx, 1, "no ADML file (LOCALE/%s.adml) beside it",
		    base);
	names_free(&all);
	free(want);
	free(dir);
	free(base);
}

/* Every $(string.ID) and $(presentation.ID) of the ADMX is in ADML f. */
static void
check_adml_refs(struct vctx *v, const struct admx_refs *r, const char *f,
    const struct names *ids, const struct names *pids)
{
	size_t	i;

	for (i = 0; i < r->strings.n; i++) {
		if (names_find(ids, r->strings.v[i]) == -1)
			verr(v, r->admx, r->strings.line[i], "$(string.%s) is "
			    "not in %s", r->strings.v[i], f);
	}
	for (i = 0; i < r->presentations.n; i++) {
		if (names_find(pids, r->presentations.v[i]) == -1)
			verr(v, r->admx, r->presentations.line[i],
			    "$(presentation.%s) is not in %s",
			    r->presentations.v[i], f);
	}
}

/* ADML f has the string ids of en-US, and no others. */
static void
check_adml_like_en(struct vctx *v, const char *f, const struct names *ids,
    const struct names *en_ids)
{
	size_t	i;

	for (i = 0; i < en_ids->n; i++) {
		if (names_find(ids, en_ids->v[i]) == -1)
			verr(v, f, 1, "string id '%s' of en-US (line %d) is "
			    "missing", en_ids->v[i], en_ids->line[i]);
	}
	for (i = 0; i < ids->n; i++) {
		if (names_find(en_ids, ids->v[i]) == -1)
			verr(v, f, ids->line[i], "string id '%s' is not in "
			    "en-US", ids->v[i]);
	}
}

/*
 * One ADML file: unique ids, the ADMX's references resolved; then its
 * string ids kept in keep (en-US), or compared with en (the others, when
 * there is an en-US).
 */
static void
check_adml(struct vctx *v, xmlSchemaPtr schema, const struct admx_refs *r,
    const char *f, struct names *keep, const struct names *en)
{
	struct names	 ids = { 0 }, pids = { 0 };
	xmlDocPtr	 doc;

	if ((doc = xml_load(v, f, schema)) == NULL)
		return;
	collect(xmlDocGetRootElement(doc), "string", "id", &ids, v, f,
	    "string id");
	collect(xmlDocGetRootElement(doc), "presentation", "id", &pids, v, f,
	    "presentation id");
	check_adml_refs(v, r, f, &ids, &pids);
	check_presentations(v, r->admx, r->root, f, xmlDocGetRootElement(doc),
	    0);
	if (keep != NULL) {
		*keep = ids;
		memset(&ids, 0, sizeof ids);
	} else if (en != NULL)
		check_adml_like_en(v, f, &ids, en);
	names_free(&ids);
	names_free(&pids);
	xmlFreeDoc(doc);
}

void
validate_admx(struct vctx *v, const char *admx, xmlSchemaPtr schema)
{
	struct admx_refs r = { admx, NULL, { 0 }, { 0 } };
	struct names	 adml = { 0 }, en_ids = { 0 };
	xmlDocPtr	 doc;
	size_t		 i;
	int		 en;

	if ((doc = xml_load(v, admx, schema)) == NULL)
		return;
	r.root = xmlDocGetRootElement(doc);
	check_admx_names(v, admx, r.root);
	check_presentations(v, admx, r.root, NULL, NULL, 1);
	collect_refs(xmlDocGetRootElement(doc), "string", &r.strings);
	collect_refs(xmlDocGetRootElement(doc), "presentation",
	    &r.presentations);
	find_adml(v, admx, &adml);
	/* en-US first: the others are compared with it. */
	en = -1;
	for (i = 0; i < adml.n; i++) {
		if (strstr(adml.v[i], "/en-US/") != NULL)
			en = (int)i;
	}
	if (en != -1)
		check_adml(v, schema, &r, adml.v[en], &en_ids, NULL);
	for (i = 0; i < adml.n; i++) {
		if ((int)i != en)
			check_adml(v, schema, &r, adml.v[i], NULL,
			    en != -1 ? &en_ids : NULL);
	}
	names_free(&en_ids);
	names_free(&adml);
	names_free(&r.strings);
	names_free(&r.presentations);
	xmlFreeDoc(doc);
}
