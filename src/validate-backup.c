#include "config.h"

#include <sys/stat.h>

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

/* A file that holds nothing (registry.pol: its 8-byte header at most). */
static int
holds_nothing(const char *path)
{
	struct stat	sb;

	return stat(path, &sb) == 0 && sb.st_size <= 8;
}

/*
 * A part's extension GUIDs name the Registry and Preferences Registry
 * extensions exactly when their files are there: Group Policy runs only
 * the extensions named. tlsgpo names the Registry extension with the
 * Administrative Templates editor; GPMC with whichever editor wrote
 * registry.pol (Windows Firewall, Public Key Policies, ...). A named
 * extension without its file applies nothing: an error for tlsgpo's own
 * backups, else a warning; so is a registry.pol with nothing in it that no
 * extension names.
 */
static void
check_extensions(struct vctx *v, struct backup *b, xmlNodePtr core,
    int part, const struct part_check *pc)
{
	static const char *const guids[2] = {
		"MachineExtensionGuids", "UserExtensionGuids"
	};
	xmlNodePtr	 n = xml_child(core, guids[part]);
	char		*ext = xml_text(n);
	int		 line, reg, prefs;

	line = n == NULL ? xmlGetLineNo(core) : xmlGetLineNo(n);
	if (pc->strict)
		reg = strcasestr(ext, part == 0 ? GROUP_REGISTRY_M :
		    GROUP_REGISTRY_U) != NULL;
	else
		reg = strcasestr(ext, "[" CSE_REGISTRY) != NULL;
	prefs = strcasestr(ext, GROUP_PREFS) != NULL;
	if (pc->has_pol && !reg && (pc->strict || !holds_nothing(pc->polf)))
		verr(v, b->bkf, line, "%s lacks the Registry extension, but "
		    "%s/registry.pol exists", guids[part], pc->part);
	else if (!pc->has_pol && reg)
		(pc->strict ? verr : vwarn)(v, b->bkf, line, "%s names the "
		    "Registry extension, but %s/registry.pol does not exist",
		    guids[part], pc->part);
	if (pc->has_prefs && !prefs)
		verr(v, b->bkf, line, "%s lacks the Preferences Registry "
		    "extension, but %s/Preferences/Registry/Registry.xml "
		    "exists", guids[part], pc->part);
	else if (!pc->has_prefs && prefs)
		(pc->strict ? verr : vwarn)(v, b->bkf, line, "%s names the "
		    "Preferences Registry extension, but "
		    "%s/Preferences/Registry/Registry.xml does not exist",
		    guids[part], pc->part);
	free(ext);
}

/* One part (Machine, User): its extensions, its version, its values. */
static void
check_part(struct vctx *v, struct backup *b, xmlNodePtr core, int part,
    const struct plan *pl)
{
	static const char *const parts[2] = { "Machine", "User" };
	static const char *const hives[2] = {
		"HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER"
	};
	struct part_check	 pc;
	char			*polf, *prefsf, *t;

	t = xasprintf("DomainSysvol/GPO/%s/registry.pol", parts[part]);
	polf = file_in(b->folder, t);
	free(t);
	t = xasprintf("DomainSysvol/GPO/%s/Preferences/Registry/Registry.xml",
	    parts[part]);
	prefsf = file_in(b->folder, t);
	free(t);
	memset(&pc, 0, sizeof pc);
	pc.folder = b->folder;
	pc.bkf = b->bkf;
	pc.part = parts[part];
	pc.hive = hives[part];
	pc.polf = polf;
	pc.prefsf = prefsf;
	pc.has_pol = is_file(polf);
	pc.has_prefs = is_file(prefsf);
	pc.plan = pl;
	pc.strict = b->tlsgpo || pl != NULL;
	check_extensions(v, b, core, part, &pc);
	t = xml_text(xml_child(core, part == 0 ? "MachineVersionNumber" :
	    "UserVersionNumber"));
	if ((pc.has_pol || pc.has_prefs) && strtoul(t, NULL, 10) == 0)
		verr(v, b->bkf, xmlGetLineNo(core), "%sVersionNumber is 0, but "
		    "the %s part has settings: Group Policy would skip them",
		    parts[part], parts[part]);
	free(t);
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
	struct locations loc;
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
	loc.folder = b->folder;
	loc.bkf = b->bkf;
	loc.core_id = b->core_id;
	check_locations(v, &loc, gpo);
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
	free(b.bkf);
	free(b.id);
	free(b.guid);
	free(b.core_id);
}
