#include "config.h"

#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>

#include "buf.h"
#include "utf8.h"
#include "validate.h"
#include "xmalloc.h"

#define READ_MAX_BYTES	(16 * 1024 * 1024)

/* A message; what it quotes of a file, control characters as \xHH. */
static void
vmsg(struct vctx *v, const char *file, int line, const char *kind,
    const char *fmt, va_list ap)
{
	char		*msg;
	struct buf	 b;

	if (vasprintf(&msg, fmt, ap) == -1)
		msg = NULL;
	buf_init(&b);
	text_printable(&b, file);	/* a name from a directory, too */
	buf_printf(&b, ":%d: %s", line, kind);
	text_printable(&b, msg != NULL ? msg : "(out of memory)");
	fprintf(stderr, "%s\n", buf_cstr(&b));
	buf_free(&b);
	free(msg);
	(void)v;
}

void
verr(struct vctx *v, const char *file, int line, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vmsg(v, file, line, "", fmt, ap);
	va_end(ap);
	v->errors++;
}

void
vwarn(struct vctx *v, const char *file, int line, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vmsg(v, file, line, "warning: ", fmt, ap);
	va_end(ap);
	v->warnings++;
}

void
vxml_error(void *user, xmlErrorPtr e)
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

void
names_add(struct names *s, const char *name, int line)
{
	s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
	s->line = xreallocarray(s->line, s->n + 1, sizeof *s->line);
	s->v[s->n] = xstrdup(name);
	s->line[s->n++] = line;
}

int
names_find(const struct names *s, const char *name)
{
	size_t	i;

	for (i = 0; i < s->n; i++) {
		if (strcmp(s->v[i], name) == 0)
			return (int)i;
	}
	return -1;
}

int
names_find_ci(const struct names *s, const char *name)
{
	size_t	i;

	for (i = 0; i < s->n; i++) {
		if (strcasecmp(s->v[i], name) == 0)
			return (int)i;
	}
	return -1;
}

void
names_free(struct names *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	free(s->line);
	memset(s, 0, sizeof *s);
}

int
has_suffix(const char *s, const char *suffix)
{
	size_t	a = strlen(s), b = strlen(suffix);

	return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int
has_suffix_ci(const char *s, const char *suffix)
{
	size_t	a = strlen(s), b = strlen(suffix);

	return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

void
find_files(const char *dir, const char *suffix, int ci, struct names *out)
{
	struct dirent	**list;
	struct stat	  sb;
	char		 *path;
	int		  i, n, match;

	n = scandir(dir, &list, NULL, alphasort);
	for (i = 0; i < n; i++) {
		if (list[i]->d_name[0] != '.') {
			path = xasprintf("%s/%s", dir, list[i]->d_name);
			match = ci ? has_suffix_ci(list[i]->d_name, suffix) :
			    has_suffix(list[i]->d_name, suffix);
			if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
				find_files(path, suffix, ci, out);
			else if (match)
				names_add(out, path, 0);
			free(path);
		}
		free(list[i]);
	}
	free(list);
}

xmlDocPtr
xml_load(struct vctx *v, const char *file, xmlSchemaPtr schema)
{
	xmlSchemaValidCtxtPtr	 vc;
	xmlDocPtr		 doc;
	int			 before = v->errors;

	v->file = file;
	doc = xmlReadFile(file, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	if (doc == NULL) {
		if (v->errors == before)
			verr(v, file, 0, "not well-formed XML");
		return NULL;
	}
	if (schema != NULL) {
		vc = xmlSchemaNewValidCtxt(schema);
		xmlSchemaSetValidStructuredErrors(vc, vxml_error, v);
		xmlSchemaValidateDoc(vc, doc);
		xmlSchemaFreeValidCtxt(vc);
	}
	return doc;
}

xmlNodePtr
xml_child(xmlNodePtr n, const char *name)
{
	for (n = n == NULL ? NULL : n->children; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, name) == 0)
			return n;
	}
	return NULL;
}

/* The text of element n (CDATA sections joined). */
char *
xml_text(xmlNodePtr n)
{
	xmlChar	*c = n == NULL ? NULL : xmlNodeGetContent(n);
	char	*s = xstrdup(c == NULL ? "" : (const char *)c);

	xmlFree(c);
	return s;
}

char *
xml_prop(xmlNodePtr n, const char *name)
{
	xmlChar	*c = xmlGetProp(n, BAD_CAST name);
	char	*s = c == NULL ? NULL : xstrdup((const char *)c);

	xmlFree(c);
	return s;
}

int
xml_in_ns(xmlNodePtr n, const char *ns)
{
	return n != NULL && n->ns != NULL && n->ns->href != NULL &&
	    strcmp((const char *)n->ns->href, ns) == 0;
}

int
is_file(const char *path)
{
	struct stat	sb;

	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

int
is_dir(const char *path)
{
	struct stat	sb;

	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* A {GUID} as GPMC writes the folder names and ids. */
int
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
 * The entry of dir named name in any case: name itself when it is there,
 * else the first, in byte order, of those equal to it without regard to
 * case (a copy made on Linux could hold two).
 */
static char *
entry_ci(const char *dir, const char *name)
{
	struct dirent	**list;
	struct stat	  sb;
	char		 *path, *found = NULL;
	int		  i, n;

	path = xasprintf("%s/%s", dir, name);
	if (lstat(path, &sb) == 0) {
		free(path);
		return xstrdup(name);
	}
	free(path);
	n = scandir(dir, &list, NULL, alphasort);
	for (i = 0; i < n; i++) {
		if (found == NULL && strcasecmp(list[i]->d_name, name) == 0)
			found = xstrdup(list[i]->d_name);
		free(list[i]);
	}
	if (n >= 0)
		free(list);
	return found;
}

char *
path_ci(const char *dir, const char *rel)
{
	char	*copy, *name, *next, *path, *found, *p;

	copy = xstrdup(rel);
	path = xstrdup(dir);
	for (name = copy; name != NULL; name = next) {
		next = strchr(name, '/');
		if (next != NULL)
			*next++ = '\0';
		found = NULL;
		if (*name != '\0' && strcmp(name, ".") != 0 &&
		    strcmp(name, "..") != 0)
			found = entry_ci(path, name);
		if (found == NULL) {
			free(path);
			path = NULL;
			break;
		}
		p = xasprintf("%s/%s", path, found);
		free(path);
		free(found);
		path = p;
	}
	free(copy);
	return path;
}

char *
read_bytes(const char *path, size_t *len)
{
	FILE		*fp = fopen(path, "rb");
	struct buf	 b;
	char		 chunk[8192];
	size_t		 n;

	*len = 0;
	if (fp == NULL)
		return NULL;
	buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0 &&
	    b.len <= READ_MAX_BYTES)
		buf_add(&b, chunk, n);
	fclose(fp);
	*len = b.len;
	if (b.data == NULL)
		return xstrdup("");
	return b.data;
}
