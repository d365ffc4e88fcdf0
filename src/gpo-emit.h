/*
 * What the GPO backup's writers (emit-gpo.c, the backup's files;
 * emit-gpp.c, Registry.xml; emit-gpreport.c, the settings report) share,
 * from the files below them: gpo-names.c (the ids, paths and security
 * descriptor) and gpp-item.c (one Preferences item). No writer calls
 * another.
 */
#ifndef TLSGPO_GPO_EMIT_H
#define TLSGPO_GPO_EMIT_H

#include <libxml/xmlwriter.h>

#include "emitter.h"
#include "plan.h"
#include "plan-gpo.h"

#define GPO_DOMAIN	"tlsgpo.invalid"
#define GPO_DC		"dc.tlsgpo.invalid"

struct gpo_ids {
	char	backup[39];
	char	gpo[39];
	char	domain[39];
	char	time[20];	/* yyyy-MM-ddTHH:mm:ss */
};

/* The GPO's security descriptor: Backup.xml's bytes, and in SDDL. */
extern const unsigned char gpo_sd[];
extern const size_t gpo_sd_len;
extern const char gpo_sddl[];

void	gpo_ids_of(const struct plan *, struct gpo_ids *);

/*
 * The path of a backup file an emitter writes (its template names which),
 * NULL when the plan needs no such file; caller frees.
 */
char	*gpo_backup_path(const struct emit_ctx *, const struct emitter *);

/*
 * One Preferences Registry item. prefix is "" in Registry.xml; in
 * gpreport.xml it is the extension's "qN:", and order (from 1) is the
 * item's GPOSettingOrder.
 */
void	gpp_write_item(xmlTextWriterPtr, const struct plan *,
	    const struct plan_op *, const char *, int);

#endif
