#include "config.h"

#include <ctype.h>
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
 * GPO backups below a folder (each a folder holding bkupInfo.xml), as GPMC's
 * "Back Up" writes them and Import-GPO and "Import Settings" read them.
 * Everything GPMC writes passes: names in any case (Windows finds them so),
 * a WMI filter with its name, folders a copy dropped because they were
 * empty (git keeps none), no manifest.xml (a hidden file, often not
 * copied; Import-GPO -BackupId does not read it): the last two are
 * warnings. The shape comes from published GPMC backups (NSA's
 * Windows-Secure-Host-Baseline, Microsoft's ActiveDirectoryTierModel).
 */

#define NS_REPORT	"http://www.microsoft.com/GroupPolicy/Settings"

struct backup {
	const char	*folder;
	const char	*base;		/* the folder's name */
	char		*bkf;		/* Backup.xml as on disk, or as named */
	char		*id;		/* bkupInfo's ID, GPOGuid */
	char		*guid;
	char		*core_id;	/* Backup.xml's GPO ID */
	int		 tlsgpo;	/* written by tlsgpo (bkupInfo's Comment) */
	struct names	 listed;	/* bkp:Location files, as on disk */
};

/* folder/name as on disk, else as named (for messages); caller frees. */
static char *
file_in(const char *folder, const char *name)
{
	char	*p = path_ci(folder, name);

	return p != NULL ? p : xasprintf("%s/%s", folder, name);
}

/*
 * A BackupInst: its children in GPMC's order, each present; returns the
 * ID, GPOGuid and Comment (caller frees).
 */
void
check_backup_inst(struct vctx *v, const char *file, xmlNodePtr bi,
    char **id, char **gpo, char **comment)
{
	static const char *const order[] = {
		"GPOGuid", "GPODomain", "GPODomainGuid", "GPODomainController",
		"BackupTime", "ID", "Comment", "GPODisplayName"
	};
	static const size_t norder = sizeof order / sizeof order[0];
	xmlNodePtr	 n;
	size_t		 k = 0;
	char		*t, **keep;

	*id = *gpo = NULL;
	if (comment != NULL)
		*comment = NULL;
	for (n = bi->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (k >= norder || strcmp((const char *)n->name, order[k]) != 0) {
			verr(v, file, xmlGetLineNo(n), "<%s> where BackupInst "
			    "wants <%s>", (const char *)n->name, k < norder ?
			    order[k] : "nothing more");
			return;
		}
		t = xml_text(n);
		keep = strcmp(order[k], "ID") == 0 ? id :
		    strcmp(order[k], "GPOGuid") == 0 ? gpo :
		    strcmp(order[k], "Comment") == 0 ? comment : NULL;
		if (strcmp(order[k], "BackupTime") == 0 && (strlen(t) != 19 ||
		    t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' ||
		    t[16] != ':'))
			verr(v, file, xmlGetLineNo(n), "BackupTime '%s' is not "
			    "yyyy-MM-ddTHH:mm:ss", t);
		if (keep != NULL)
			*keep = t;
		else
			free(t);
		k++;
	}
	if (k < norder)
		verr(v, file, xmlGetLineNo(bi), "BackupInst has no <%s>",
		    order[k]);
}

static void
check_bkupinfo(struct vctx *v, struct backup *b)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root;
	char		*f, *comment = NULL;

	f = file_in(b->folder, "bkupInfo.xml");
	if ((doc = xml_load(v, f, NULL)) == NULL) {
		free(f);
		return;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL || strcmp((const char *)root->name, "BackupInst") != 0 ||
	    !xml_in_ns(root, NS_MANIFEST))
		verr(v, f, root == NULL ? 0 : xmlGetLineNo(root), "the root is "
		    "not <BackupInst xmlns=\"%s\">", NS_MANIFEST);
	else {
		check_backup_inst(v, f, root, &b->id, &b->guid, &comment);
		if (b->id != NULL && strcasecmp(b->id, b->base) != 0)
			verr(v, f, xmlGetLineNo(xml_child(root, "ID")), "ID %s "
			    "is not the folder's name %s", b->id, b->base);
		b->tlsgpo = comment != NULL &&
		    strncmp(comment, "Written by tlsgpo ", 18) == 0;
	}
	free(comment);
	xmlFreeDoc(doc);
	free(f);
}

/* Files below base/rel, relative to base, with '/' separators. */
static void
list_files(const char *base, const char *rel, struct names *out)
{
	struct names	 all = { 0 };
	char		*dir;
	size_t		 i, n = strlen(base) + 1;

	dir = xasprintf("%s/%s", base, rel);
	find_files(dir, "", 0, &all);
	for (i = 0; i < all.n; i++)
		names_add(out, all.v[i] + n, 0);
	names_free(&all);
	free(dir);
}

/*
 * GroupPolicyCoreSettings: every field GPMC writes, in its order (the WMI
 * filter's name follows the filter when one is linked); a security
 * descriptor of hex bytes that starts as a self-relative one.
 */
static void
check_core(struct vctx *v, const char *file, xmlNodePtr core)
{
	static const char *const order[] = {
		"ID", "Domain", "SecurityDescriptor", "DisplayName", "Options",
		"UserVersionNumber", "MachineVersionNumber",
		"MachineExtensionGuids", "UserExtensionGuids", "WMIFilter",
		"WMIFilterName"
	};
	static const size_t norder = sizeof order / sizeof order[0];
	xmlNodePtr	 n;
	size_t		 k = 0, i, len;
	char		*t;

	for (n = core->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (k >= norder || strcmp((const char *)n->name, order[k]) != 0) {
			verr(v, file, xmlGetLineNo(n), "<%s> where "
			    "GroupPolicyCoreSettings wants <%s>",
			    (const char *)n->name, k < norder ? order[k] :
			    "nothing more");
			return;
		}
		if (strcmp(order[k], "SecurityDescriptor") == 0) {
			t = xml_text(n);
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
	/* WMIFilterName is there only with a WMI filter. */
	if (k < norder - 1)
		verr(v, file, xmlGetLineNo(core), "GroupPolicyCoreSettings "
		    "has no <%s>", order[k]);
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
check_location(struct vctx *v, struct backup *b, xmlNodePtr f)
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
			names_add(&b->listed, found + strlen(b->folder) + 1,
			    xmlGetLineNo(f));
		free(found);
	}
	xmlFree(loc);
}

/* Every bkp:Location; every file under DomainSysvol is one of them. */
static void
check_locations(struct vctx *v, struct backup *b, xmlNodePtr gpo)
{
	struct names	 files = { 0 };
	xmlNodePtr	 n, f;
	char		*sysvol;
	size_t		 i;

	for (n = gpo->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name,
		    "GroupPolicyExtension") != 0)
			continue;
		for (f = n->children; f != NULL; f = f->next) {
			if (f->type == XML_ELEMENT_NODE)
				check_location(v, b, f);
		}
	}
	sysvol = path_ci(b->folder, "DomainSysvol");
	if (sysvol != NULL && is_dir(sysvol))
		list_files(b->folder, sysvol + strlen(b->folder) + 1, &files);
	for (i = 0; i < files.n; i++) {
		if (names_find(&b->listed, files.v[i]) == -1)
			verr(v, b->bkf, xmlGetLineNo(gpo), "%s is not listed as "
			    "a bkp:Location: import would not copy it",
			    files.v[i]);
	}
	free(sysvol);
	names_free(&files);
}

/*
 * One part (Machine, User): the extension GUIDs name the Registry and
 * Preferences Registry extensions exactly when their files are there; a
 * part with settings has a version; then its values.
 */
static void
check_part(struct vctx *v, struct backup *b, xmlNodePtr core, int part,
    const struct plan *pl)
{
	static const char *const parts[2] = { "Machine", "User" };
	static const char *const hives[2] = {
		"HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER"
	};
	static const char *const guids[2] = {
		"MachineExtensionGuids", "UserExtensionGuids"
	};
	struct part_check	 pc;
	xmlNodePtr		 n = xml_child(core, guids[part]);
	char			*polf, *prefsf, *ext, *t;
	int			 line, reg, prefs;

	line = n == NULL ? xmlGetLineNo(core) : xmlGetLineNo(n);
	t = xasprintf("DomainSysvol/GPO/%s/registry.pol", parts[part]);
	polf = file_in(b->folder, t);
	free(t);
	t = xasprintf("DomainSysvol/GPO/%s/Preferences/Registry/Registry.xml",
	    parts[part]);
	prefsf = file_in(b->folder, t);
	free(t);
	memset(&pc, 0, sizeof pc);
	pc.has_pol = is_file(polf);
	pc.has_prefs = is_file(prefsf);
	ext = xml_text(n);
	reg = strcasestr(ext, part == 0 ? GROUP_REGISTRY_M :
	    GROUP_REGISTRY_U) != NULL;
	prefs = strcasestr(ext, GROUP_PREFS) != NULL;
	if (pc.has_pol != reg)
		verr(v, b->bkf, line, "%s %s the Registry extension, but "
		    "%s/registry.pol %s", guids[part], pc.has_pol ? "lacks" :
		    "names", parts[part], pc.has_pol ? "exists" :
		    "does not exist");
	if (pc.has_prefs != prefs)
		verr(v, b->bkf, line, "%s %s the Preferences Registry "
		    "extension, but %s/Preferences/Registry/Registry.xml %s",
		    guids[part], pc.has_prefs ? "lacks" : "names", parts[part],
		    pc.has_prefs ? "exists" : "does not exist");
	free(ext);
	t = xml_text(xml_child(core, part == 0 ? "MachineVersionNumber" :
	    "UserVersionNumber"));
	if ((pc.has_pol || pc.has_prefs) && strtoul(t, NULL, 10) == 0)
		verr(v, b->bkf, xmlGetLineNo(core), "%sVersionNumber is 0, but "
		    "the %s part has settings: Group Policy would skip them",
		    parts[part], parts[part]);
	free(t);
	pc.folder = b->folder;
	pc.bkf = b->bkf;
	pc.part = parts[part];
	pc.hive = hives[part];
	pc.polf = polf;
	pc.prefsf = prefsf;
	pc.plan = pl;
	pc.strict = b->tlsgpo || pl != NULL;
	check_part_values(v, &pc);
	free(polf);
	free(prefsf);
}

/*
 * gpreport.xml, the settings report GPMC writes beside each backup:
 * well-formed (UTF-16 as GPMC writes it, or any encoding libxml2 reads), a
 * GPO in the Settings namespace naming the backup's GPO. Missing is a
 * warning: import does not read it.
 */
static void
check_gpreport(struct vctx *v, const struct backup *b)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, id;
	char		*f, *t;

	if ((f = path_ci(b->folder, "gpreport.xml")) == NULL) {
		f = xasprintf("%s/gpreport.xml", b->folder);
		vwarn(v, f, 0, "missing: GPMC writes this settings report with "
		    "every backup, and shows it under View Settings");
		free(f);
		return;
	}
	if ((doc = xml_load(v, f, NULL)) != NULL) {
		root = xmlDocGetRootElement(doc);
		id = xml_child(xml_child(root, "Identifier"), "Identifier");
		t = xml_text(id);
		if (root == NULL || strcmp((const char *)root->name, "GPO") != 0 ||
		    !xml_in_ns(root, NS_REPORT))
			verr(v, f, root == NULL ? 0 : xmlGetLineNo(root), "the "
			    "root is not <GPO xmlns=\"%s\">", NS_REPORT);
		else if (b->core_id != NULL && strcasecmp(t, b->core_id) != 0)
			verr(v, f, id == NULL ? xmlGetLineNo(root) :
			    xmlGetLineNo(id), "the report is of GPO '%s', the "
			    "backup of %s", t, b->core_id);
		free(t);
		xmlFreeDoc(doc);
	}
	free(f);
}

/* Backup.xml: the scheme, its core settings, files and parts. */
static void
check_backup_xml(struct vctx *v, struct backup *b, const struct plan *pl)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root, gpo, core;
	char		*t;

	if ((doc = xml_load(v, b->bkf, NULL)) == NULL)
		return;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || strcmp((const char *)root->name,
	    "GroupPolicyBackupScheme") != 0 || !xml_in_ns(root, NS_BACKUP)) {
		verr(v, b->bkf, root == NULL ? 0 : xmlGetLineNo(root), "the root "
		    "is not <GroupPolicyBackupScheme xmlns=\"%s\">", NS_BACKUP);
		xmlFreeDoc(doc);
		return;
	}
	t = (char *)xmlGetNsProp(root, BAD_CAST "version", BAD_CAST NS_BACKUP);
	if (t == NULL || strcmp(t, "2.0") != 0)
		verr(v, b->bkf, xmlGetLineNo(root), "bkp:version is not \"2.0\"");
	xmlFree(t);
	gpo = xml_child(root, "GroupPolicyObject");
	core = xml_child(gpo, "GroupPolicyCoreSettings");
	if (core == NULL) {
		verr(v, b->bkf, xmlGetLineNo(root), "no GroupPolicyObject/"
		    "GroupPolicyCoreSettings");
		xmlFreeDoc(doc);
		return;
	}
	check_core(v, b->bkf, core);
	b->core_id = xml_text(xml_child(core, "ID"));
	if (b->guid != NULL && strcasecmp(b->core_id, b->guid) != 0)
		verr(v, b->bkf, xmlGetLineNo(core), "the GPO's ID %s is not "
		    "bkupInfo.xml's GPOGuid %s", b->core_id, b->guid);
	check_locations(v, b, gpo);
	check_part(v, b, core, 0, pl);
	check_part(v, b, core, 1, pl);
	xmlFreeDoc(doc);
}

/*
 * One backup folder F: bkupInfo's ID is F's name, its fields in GPMC's
 * order; Backup.xml is a GroupPolicyBackupScheme whose GPO id is bkupInfo's
 * GPOGuid; every bkp:Location is there and every file under F/DomainSysvol
 * is listed (import copies only what Backup.xml lists); then each part's
 * extensions and values, and the report.
 */
void
check_backup(struct vctx *v, const char *folder, const struct plan *pl)
{
	struct backup	b;

	memset(&b, 0, sizeof b);
	b.folder = folder;
	b.base = strrchr(folder, '/') != NULL ? strrchr(folder, '/') + 1 :
	    folder;
	if (!is_guid(b.base)) {
		b.bkf = file_in(folder, "bkupInfo.xml");
		verr(v, b.bkf, 0, "the backup folder '%s' is not a {GUID}",
		    b.base);
		free(b.bkf);
	}
	check_bkupinfo(v, &b);
	b.bkf = file_in(folder, "Backup.xml");
	if (!is_file(b.bkf))
		verr(v, b.bkf, 0, "missing: a backup needs Backup.xml");
	else {
		check_backup_xml(v, &b, pl);
		check_gpreport(v, &b);
	}
	names_free(&b.listed);
	free(b.bkf);
	free(b.id);
	free(b.guid);
	free(b.core_id);
}
