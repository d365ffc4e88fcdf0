#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gpo-emit.h"
#include "xmalloc.h"

/*
 * What the GPO backup's files name in common: the GPO's security
 * descriptor (Backup.xml's bytes, the report's SDDL), its ids and time,
 * and the path of each file inside the package.
 */

/*
 * The GPO's security descriptor, self-relative, from well-known SIDs only
 * (a generated backup knows no domain): Authenticated Users read and Apply
 * Group Policy, Enterprise Domain Controllers read, SYSTEM and
 * Administrators full control, CREATOR OWNER full control on children.
 * Import-GPO and "Import Settings" keep the target GPO's own permissions.
 */
const unsigned char gpo_sd[] = {
	/* revision 1; control: self-relative, DACL present, protected, auto-inherited */
	0x01, 0x00, 0x04, 0x9c,
	0x00, 0x00, 0x00, 0x00,	/* owner: none */
	0x00, 0x00, 0x00, 0x00,	/* group: none */
	0x00, 0x00, 0x00, 0x00,	/* SACL: none */
	0x14, 0x00, 0x00, 0x00,	/* DACL at 20 */
	/* ACL revision 4 (DS), 152 bytes, 6 ACEs */
	0x04, 0x00, 0x98, 0x00, 0x06, 0x00, 0x00, 0x00,
	/* object ACE, container inherit, 40 bytes: control access, Apply-Group-Policy */
	0x05, 0x02, 0x28, 0x00, 0x00, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
	0x8f, 0xfd, 0xac, 0xed, 0xb3, 0xff, 0xd1, 0x11,
	0xb4, 0x1d, 0x00, 0xa0, 0xc9, 0x68, 0xf9, 0x39,
	0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x0b, 0x00, 0x00, 0x00,
	/* read: S-1-5-9 Enterprise Domain Controllers */
	0x00, 0x02, 0x14, 0x00, 0x94, 0x00, 0x02, 0x00,
	0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x09, 0x00, 0x00, 0x00,
	/* read: S-1-5-11 Authenticated Users */
	0x00, 0x02, 0x14, 0x00, 0x94, 0x00, 0x02, 0x00,
	0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x0b, 0x00, 0x00, 0x00,
	/* full control: S-1-5-18 SYSTEM */
	0x00, 0x02, 0x14, 0x00, 0xff, 0x00, 0x0f, 0x00,
	0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x12, 0x00, 0x00, 0x00,
	/* full control: S-1-5-32-544 Administrators */
	0x00, 0x02, 0x18, 0x00, 0xff, 0x00, 0x0f, 0x00,
	0x01, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05,
	0x20, 0x00, 0x00, 0x00, 0x20, 0x02, 0x00, 0x00,
	/* full control, inherit only: S-1-3-0 CREATOR OWNER */
	0x00, 0x0a, 0x14, 0x00, 0xff, 0x00, 0x0f, 0x00,
	0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00,
};
const size_t gpo_sd_len = sizeof gpo_sd;

/*
 * gpo_sd in SDDL, for the settings report (control: protected and
 * auto-inherited DACL; ACEs in gpo_sd's order, flags CI or CI IO): change
 * both together.
 */
const char gpo_sddl[] = "D:PAI"
    "(OA;CI;CR;edacfd8f-ffb3-11d1-b41d-00a0c968f939;;AU)"
    "(A;CI;LCRPLORC;;;ED)"
    "(A;CI;LCRPLORC;;;AU)"
    "(A;CI;CCDCLCSWRPWPDTLOSDRCWDWO;;;SY)"
    "(A;CI;CCDCLCSWRPWPDTLOSDRCWDWO;;;BA)"
    "(A;CIIO;CCDCLCSWRPWPDTLOSDRCWDWO;;;CO)";

static void
gpo_guid(const struct policy *p, char out[39])
{
	char	*name = xasprintf("gpo:%s:%s", p->id, p->version);

	plan_gpo_uuid(name, out);
	free(name);
}

void
gpo_ids_of(const struct plan *pl, struct gpo_ids *ids)
{
	const struct policy	*p = pl->policy;

	plan_gpo_backup_id(pl, ids->backup);
	gpo_guid(p, ids->gpo);
	plan_gpo_uuid("domain:" GPO_DOMAIN, ids->domain);
	memcpy(ids->time, p->gpo_date, sizeof ids->time);
	ids->time[10] = 'T';
}

char *
gpo_backup_path(const struct emit_ctx *ctx, const struct emitter *em)
{
	const struct plan	*pl = ctx->plan;
	char			 bid[39];
	const char		*t = em->template;
	enum reg_hive		 hive = strstr(t, "user") != NULL ? HIVE_HKCU :
	    HIVE_HKLM;
	const char		*part = hive == HIVE_HKCU ? "User" : "Machine";

	plan_gpo_backup_id(pl, bid);
	if (strcmp(t, "bkupinfo") == 0)
		return xasprintf("gpo/backup/%s/bkupInfo.xml", bid);
	if (strcmp(t, "backup") == 0)
		return xasprintf("gpo/backup/%s/Backup.xml", bid);
	if (strcmp(t, "gpreport") == 0)
		return xasprintf("gpo/backup/%s/gpreport.xml", bid);
	if (strncmp(t, "pol-", 4) == 0) {
		if (!plan_gpo_has(pl, hive, plan_gpo_policy))
			return NULL;
		return xasprintf("gpo/backup/%s/DomainSysvol/GPO/%s/"
		    "registry.pol", bid, part);
	}
	if (!plan_gpo_has(pl, hive, plan_gpo_preference))
		return NULL;
	return xasprintf("gpo/backup/%s/DomainSysvol/GPO/%s/Preferences/"
	    "Registry/Registry.xml", bid, part);
}
