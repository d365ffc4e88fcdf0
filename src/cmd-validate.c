#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "cmd.h"
#include "xmalloc.h"

/*
 * tlsgpo validate DIR: every .admx and .adml below DIR, against
 * Microsoft's schema when --schema names its folder, and always against
 * what the schema cannot see: references that resolve, category parents
 * that exist, unique ids, and ADML files that agree with en-US.
 */

struct vctx {
	int		 errors;
	const char	*file;		/* for libxml2's callbacks */
};

static void
verr(struct vctx *v, const char *file, int line, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "%s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	v->errors++;
}

/* libxml2's structured errors, as FILE:LINE: message. */
static void
xml_error(void *user, xmlErrorPtr e)
{
	struct vctx	*v = user;
	char		*msg;
	size_t		 n;

	msg = xstrdup(e->message != NULL ? e->message : "error");
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
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

static int
cmd_validate_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "schema", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct vctx		 v = { 0, NULL };
	struct names		 admx = { 0 };
	xmlSchemaParserCtxtPtr	 pc;
	xmlSchemaPtr		 schema = NULL;
	struct stat		 sb;
	const char		*schema_dir = NULL;
	char			*xsd;
	size_t			 i;
	int			 ch;

	while ((ch = getopt_long(argc, argv, "s:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 's':
			schema_dir = optarg;
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
	if (admx.n == 0) {
		fprintf(stderr, "tlsgpo validate: %s: no .admx file below it\n",
		    argv[optind]);
		v.errors++;
	}
	for (i = 0; i < admx.n; i++)
		check_admx(&v, admx.v[i], schema);
	if (schema != NULL)
		xmlSchemaFree(schema);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (v.errors == 0)
		printf("%s: %zu ADMX file%s valid%s\n", argv[optind], admx.n,
		    admx.n == 1 ? "" : "s", schema != NULL || schema_dir ?
		    " (schema and references)" : " (references; no schema "
		    "given)");
	names_free(&admx);
	return v.errors == 0 ? EXIT_OK : EXIT_CHECK;
}

const struct cmd_entry cmd_validate_entry = {
	"validate",
	"[--schema SCHEMA_DIR] DIR",
	"Checks every .admx and .adml below DIR: against Microsoft's ADMX\n"
	"schema (PolicyDefinitionFiles.xsd in SCHEMA_DIR) when --schema is\n"
	"given, and always for what the schema cannot see: every $(string.X)\n"
	"and $(presentation.X) resolves in every ADML, every parent category\n"
	"exists, ids are unique, every ADML has the en-US ids. Messages are\n"
	"FILE:LINE: message; exit status 1 when anything is wrong.",
	"  --schema DIR   the folder holding PolicyDefinitionFiles.xsd\n",
	cmd_validate_exec
};
