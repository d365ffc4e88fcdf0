#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "gpo.h"
#include "validate.h"
#include "xmalloc.h"

/*
 * The files a GPO backup's Backup.xml lists (FSObjectFile, FSObjectDir):
 * each bkp:Location inside DomainSysvol\GPO and there, in any case, with
 * bkp:Path and bkp:SourceExpandedPath saying the same; and every file under
 * DomainSysvol listed, since import copies only what is.
 */

/* Files below base/rel (hidden ones too), relative to base, '/' between. */
static void
list_files(const char *base, const char *rel, struct names *out)
{
	struct dirent	**list;
	char		 *dir, *r, *path;
	int		  i, n;

	dir = xasprintf("%s/%s", base, rel);
	n = scandir(dir, &list, NULL, alphasort);
	for (i = 0; i < n; i++) {
		if (strcmp(list[i]->d_name, ".") != 0 &&
		    strcmp(list[i]->d_name, "..") != 0) {
			r = xasprintf("%s/%s", rel, list[i]->d_name);
			path = xasprintf("%s/%s", base, r);
			if (is_dir(path))
				list_files(base, r, out);
			else
				names_add(out, r, 0);
			free(path);
			free(r);
		}
		free(list[i]);
	}
	if (n >= 0)
		free(list);
	free(dir);
}

static void
backslashes(char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '/')
			*s = '\\';
	}
}

/*
 * A listed file's three paths agree: bkp:Location DomainSysvol\GPO\PART\REST,
 * bkp:Path %GPO_MACH_FSPATH%\REST (USER for User; %GPO_FSPATH%\REST for the
 * GPO's own folders, such as Adm), and bkp:SourceExpandedPath
 * ...\Policies\{the GPO's ID}\PART\REST; all without regard to case. loc
 * has '/'. Returns 0 when loc names nothing inside the backup.
 */
static int
check_fs_paths(struct vctx *v, const char *file, xmlNodePtr f,
    const char *loc, const char *core_id)
{
	static const char *const parts[][3] = {
		{ "DomainSysvol/GPO/Machine/", "MACH_", "Machine\\" },
		{ "DomainSysvol/GPO/User/", "USER_", "User\\" },
		{ "DomainSysvol/GPO/", "", "" },
	};
	const char	*rest = NULL;
	char		*path, *src, *want;
	size_t		 i, n, m;

	for (i = 0; i < 3; i++) {
		if (strncasecmp(loc, parts[i][0], strlen(parts[i][0])) == 0) {
			rest = loc + strlen(parts[i][0]);
			break;
		}
	}
	if (rest == NULL || *rest == '\0' || strstr(loc, "//") != NULL ||
	    strstr(loc, "/./") != NULL || strstr(loc, "/../") != NULL ||
	    has_suffix(loc, "/.") || has_suffix(loc, "/..")) {
		verr(v, file, xmlGetLineNo(f), "bkp:Location %s is not a path "
		    "under DomainSysvol\\GPO", loc);
		return 0;
	}
	path = (char *)xmlGetNsProp(f, BAD_CAST "Path", BAD_CAST NS_BACKUP);
	src = (char *)xmlGetNsProp(f, BAD_CAST "SourceExpandedPath",
	    BAD_CAST NS_BACKUP);
	want = xasprintf("%%GPO_%sFSPATH%%\\%s", parts[i][1], rest);
	backslashes(want);
	if (path == NULL || strcasecmp(path, want) != 0)
		verr(v, file, xmlGetLineNo(f), "bkp:Path \"%s\" does not match "
		    "bkp:Location (it should be \"%s\")", path == NULL ?
		    "(none)" : path, want);
	free(want);
	want = xasprintf("\\Policies\\%s\\%s%s", core_id, parts[i][2], rest);
	backslashes(want);
	n = src == NULL ? 0 : strlen(src);
	m = strlen(want);
	if (src == NULL || n < m || strcasecmp(src + n - m, want) != 0)
		verr(v, file, xmlGetLineNo(f), "bkp:SourceExpandedPath \"%s\" "
		    "does not end in %s (the GPO's ID and the location)",
		    src == NULL ? "(none)" : src, want);
	free(want);
	xmlFree(path);
	xmlFree(src);
	return 1;
}

/*
 * One FSObjectFile or FSObjectDir with a bkp:Location: it is there, in any
 * case. A folder that is not is a warning: GPMC lists empty ones (Adm,
 * Scripts\Startup, ...), and a copy in git has none.
 */
static void
check_location(struct vctx *v, struct locations *b, xmlNodePtr f,
    struct names *listed)
{
	char	*loc, *p, *found;
	int	 dir = strcmp((const char *)f->name, "FSObjectDir") == 0;

	loc = (char *)xmlGetNsProp(f, BAD_CAST "Location", BAD_CAST NS_BACKUP);
	if (loc == NULL)
		return;
	for (p = loc; *p != '\0'; p++) {
		if (*p == '\\')
			*p = '/';
	}
	if (check_fs_paths(v, b->bkf, f, loc, b->core_id)) {
		found = path_ci(b->folder, loc);
		if (dir && (found == NULL || !is_dir(found)))
			vwarn(v, b->bkf, xmlGetLineNo(f), "folder %s is listed "
			    "but not in the backup: an empty folder, which "
			    "copies such as git's leave out?", loc);
		else if (!dir && (found == NULL || !is_file(found)))
			verr(v, b->bkf, xmlGetLineNo(f), "file %s is not in the "
			    "backup", loc);
		else if (!dir)
			names_add(listed, found + strlen(b->folder) + 1,
			    xmlGetLineNo(f));
		free(found);
	}
	xmlFree(loc);
}

/* Every bkp:Location; every file under DomainSysvol is one of them. */
void
check_locations(struct vctx *v, struct locations *b, xmlNodePtr gpo)
{
	struct names	 files = { 0 }, listed = { 0 };
	xmlNodePtr	 n, f;
	char		*sysvol;
	size_t		 i;

	for (n = gpo->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name,
		    "GroupPolicyExtension") != 0)
			continue;
		for (f = n->children; f != NULL; f = f->next) {
			if (f->type == XML_ELEMENT_NODE)
				check_location(v, b, f, &listed);
		}
	}
	sysvol = path_ci(b->folder, "DomainSysvol");
	if (sysvol != NULL && is_dir(sysvol))
		list_files(b->folder, sysvol + strlen(b->folder) + 1, &files);
	for (i = 0; i < files.n; i++) {
		if (names_find(&listed, files.v[i]) == -1)
			verr(v, b->bkf, xmlGetLineNo(gpo), "%s is not listed as "
			    "a bkp:Location: import would not copy it",
			    files.v[i]);
	}
	free(sysvol);
	names_free(&files);
	names_free(&listed);
}

