#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "gpo.h"
#include "plan.h"
#include "validate.h"
#include "xmalloc.h"

/*
 * The folders holding GPO backups below a directory, each checked
 * (validate-backup.c), and the manifest.xml beside them.
 */

/* Each BackupInst of a manifest names a backup folder there, and each one is. */
static void
manifest_entries(struct vctx *v, const char *dir, const char *file,
    xmlNodePtr root, const struct names *folders)
{
	struct names	 ids = { 0 };
	xmlNodePtr	 n;
	const char	*base;
	char		*id, *gpo, *t, *found;
	size_t		 i;

	for (n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		check_backup_inst(v, file, n, &id, &gpo, NULL);
		if (id != NULL) {
			t = xasprintf("%s/bkupInfo.xml", id);
			if ((found = path_ci(dir, t)) == NULL)
				verr(v, file, xmlGetLineNo(n), "backup %s is "
				    "listed, but %s/%s/bkupInfo.xml does not "
				    "exist", id, dir, id);
			names_add(&ids, id, xmlGetLineNo(n));
			free(found);
			free(t);
		}
		free(id);
		free(gpo);
	}
	for (i = 0; i < folders->n; i++) {
		base = strrchr(folders->v[i], '/') + 1;
		if (names_find_ci(&ids, base) == -1)
			verr(v, file, xmlGetLineNo(root), "backup %s is not "
			    "listed", base);
	}
	names_free(&ids);
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
	xmlNodePtr	 root;
	char		*file;

	if ((file = path_ci(dir, "manifest.xml")) == NULL) {
		file = xasprintf("%s/manifest.xml", dir);
		vwarn(v, file, 0, "missing: GPMC's Manage Backups and Import "
		    "Settings list the backups of a folder from it "
		    "(Import-GPO -BackupId does not need it)");
		free(file);
		return;
	}
	if ((doc = xml_load(v, file, NULL)) != NULL) {
		root = xmlDocGetRootElement(doc);
		if (root == NULL || strcmp((const char *)root->name,
		    "Backups") != 0 || !xml_in_ns(root, NS_MANIFEST))
			verr(v, file, root == NULL ? 0 : xmlGetLineNo(root),
			    "the root is not <Backups xmlns=\"%s\">",
			    NS_MANIFEST);
		else
			manifest_entries(v, dir, file, root, folders);
		xmlFreeDoc(doc);
	}
	free(file);
}

/* Every folder below dir that holds bkupInfo.xml (in any case). */
static void
find_backups(const char *dir, struct names *out)
{
	struct names	all = { 0 };
	char		*d;
	size_t		 i, n;

	find_files(dir, "bkupInfo.xml", 1, &all);
	for (i = 0; i < all.n; i++) {
		n = strlen(all.v[i]) - strlen("/bkupInfo.xml");
		if (strlen(all.v[i]) < strlen("/bkupInfo.xml") ||
		    strcasecmp(all.v[i] + n, "/bkupInfo.xml") != 0)
			continue;
		d = xstrndup(all.v[i], n);
		if (names_find(out, d) == -1)
			names_add(out, d, 0);
		free(d);
	}
	names_free(&all);
}

size_t
validate_backups(struct vctx *v, const char *dir, const struct plan *pl)
{
	struct names	 backups = { 0 }, roots = { 0 }, here;
	char		*parent;
	size_t		 i, j, n, count;

	find_backups(dir, &backups);
	for (i = 0; i < backups.n; i++) {
		check_backup(v, backups.v[i], pl);
		parent = xstrdup(backups.v[i]);
		if (strrchr(parent, '/') != NULL)
			*strrchr(parent, '/') = '\0';
		if (names_find(&roots, parent) == -1)
			names_add(&roots, parent, 0);
		free(parent);
	}
	for (i = 0; i < roots.n; i++) {
		memset(&here, 0, sizeof here);
		n = strlen(roots.v[i]);
		for (j = 0; j < backups.n; j++) {
			if (strncmp(backups.v[j], roots.v[i], n) == 0 &&
			    backups.v[j][n] == '/' &&
			    strchr(backups.v[j] + n + 1, '/') == NULL)
				names_add(&here, backups.v[j], 0);
		}
		check_manifest(v, roots.v[i], &here);
		names_free(&here);
	}
	count = backups.n;
	names_free(&backups);
	names_free(&roots);
	return count;
}
