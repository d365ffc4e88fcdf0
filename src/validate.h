/*
 * tlsgpo validate: what its parts share (validate-admx.c for ADMX and
 * ADML; validate-backup.c, validate-files.c, validate-manifest.c and
 * validate-values.c for GPO backups and the values in them): messages,
 * name lists, and reading files and XML the way Windows finds them (names
 * compared without regard to case).
 */
#ifndef TLSGPO_VALIDATE_H
#define TLSGPO_VALIDATE_H

#include <stddef.h>

#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "plan.h"

struct vctx {
	int		 errors;
	int		 warnings;
	const char	*file;		/* for libxml2's callbacks */
};

/* FILE:LINE: message, and FILE:LINE: warning: message, on stderr. */
void	verr(struct vctx *, const char *, int, const char *, ...)
	    __attribute__((format(printf, 4, 5)));
void	vwarn(struct vctx *, const char *, int, const char *, ...)
	    __attribute__((format(printf, 4, 5)));
/* libxml2's structured errors, as FILE:LINE: message (user: the vctx). */
void	vxml_error(void *, xmlErrorPtr);

struct names {
	char	**v;
	int	 *line;
	size_t	  n;
};

void	names_add(struct names *, const char *, int);
int	names_find(const struct names *, const char *);
int	names_find_ci(const struct names *, const char *);
void	names_free(struct names *);

int	has_suffix(const char *, const char *);
/* Every file below dir whose name ends in suffix, sorted; ci: any case. */
void	find_files(const char *, const char *, int, struct names *);
/* Parses a file (and checks it against the schema, if any). */
xmlDocPtr xml_load(struct vctx *, const char *, xmlSchemaPtr);
xmlNodePtr xml_child(xmlNodePtr, const char *);
char	*xml_text(xmlNodePtr);			/* "" for none; caller frees */
char	*xml_prop(xmlNodePtr, const char *);	/* NULL for none */
int	 xml_in_ns(xmlNodePtr, const char *);

int	is_file(const char *);
int	is_dir(const char *);
int	is_guid(const char *);
/*
 * dir/rel ('/' between names) as it is on disk, each name matched without
 * regard to case as Windows does; NULL when there is none, or rel has an
 * empty, "." or ".." name. Caller frees.
 */
char	*path_ci(const char *, const char *);
/* A file's bytes (at most 16 MiB and a chunk), NULL when unreadable. */
char	*read_bytes(const char *, size_t *);

/* validate-manifest.c: every GPO backup below dir; returns how many. */
size_t	validate_backups(struct vctx *, const char *, const struct plan *);
/* An .admx and its .adml files; schema may be NULL. */
void	validate_admx(struct vctx *, const char *, xmlSchemaPtr);
/*
 * validate-admx-pres.c: the ADMX's policies (below the node) against
 * their presentations in one ADML (file, root); with a NULL ADML root and
 * first set, only the policies' element ids, which must be unique.
 */
void	check_presentations(struct vctx *, const char *, xmlNodePtr,
	    const char *, xmlNodePtr, int);
/* validate-backup.c: one backup folder. */
void	check_backup(struct vctx *, const char *, const struct plan *);
/* validate-files.c: the files Backup.xml lists (gpo: GroupPolicyObject). */
struct locations {
	const char	*folder;	/* the backup folder */
	const char	*bkf;		/* its Backup.xml */
	const char	*core_id;	/* the GPO's ID */
};

void	check_locations(struct vctx *, struct locations *, xmlNodePtr);
/* A BackupInst (bkupInfo.xml, manifest.xml): ID, GPOGuid, Comment. */
void	check_backup_inst(struct vctx *, const char *, xmlNodePtr, char **,
	    char **, char **);

/* validate-values.c: the values of a backup's registry.pol and Registry.xml. */
struct part_check {
	const char		*folder;	/* the backup folder */
	const char		*bkf;		/* its Backup.xml */
	const char		*part;		/* "Machine" or "User" */
	const char		*hive;		/* HKEY_LOCAL_MACHINE ... */
	const char		*polf;		/* registry.pol (for messages) */
	const char		*prefsf;	/* Registry.xml (for messages) */
	int			 has_pol;
	int			 has_prefs;
	const struct plan	*plan;		/* --policy, or NULL */
	int			 strict;	/* tlsgpo's own rules */
};

void	check_part_values(struct vctx *, const struct part_check *);

#endif
