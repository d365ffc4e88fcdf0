#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "os.h"
#include "plan-gpo.h"
#include "readme-gpo.h"

/*
 * README.txt's section on the GPO backup: how to import it, what [gpo] mode
 * put in registry.pol and what in Preferences, which items are targeted,
 * and what LGPO.exe makes of it. Plain sentences; emit-readme.c wraps them.
 */

void
readme_gpo_intro(const struct plan *pl, struct buf *b)
{
	char	bid[39];

	plan_gpo_backup_id(pl, bid);
	buf_printf(b, "gpo\\backup holds backup %s of a GPO named \"%s\", "
	    "ready to import into a domain GPO in one command (the "
	    "GroupPolicy module, as a GPO editor; -WhatIf shows what it would "
	    "do):", bid, pl->policy->gpo_name);
}

/* What [gpo] mode put where. */
static void
readme_gpo_mode(const struct plan *pl, struct buf *b)
{
	const struct policy	*p = pl->policy;
	size_t			 npol, npref, outside;

	npol = plan_gpo_count(pl, plan_gpo_policy);
	npref = plan_gpo_count(pl, plan_gpo_preference);
	outside = plan_gpo_tattoos(pl);
	switch (p->gpo_mode) {
	case GPO_AUTO:
		buf_adds(b, "[gpo] mode = auto: ");
		if (npref > 0)
			buf_printf(b, "the %zu value%s outside "
			    "Software\\Policies %s Group Policy Preferences "
			    "items set to \"Remove this item when it is no longer "
			    "applied\"%s", npref, npref == 1 ? "" : "s",
			    npref == 1 ? "is a" : "are", npol > 0 ? "; " : ". ");
		if (npol > 0)
			buf_printf(b, "the %zu value%s under Software\\Policies "
			    "%s policy (registry.pol), which Group Policy "
			    "removes by itself. ", npol, npol == 1 ? "" : "s",
			    npol == 1 ? "is" : "are");
		break;
	case GPO_PREFERENCES:
		buf_printf(b, "[gpo] mode = preferences: all %zu values are "
		    "Group Policy Preferences items set to \"Remove this item "
		    "when it is no longer applied\". ", npref);
		break;
	case GPO_POLICY:
		buf_printf(b, "[gpo] mode = policy: all %zu values are policy "
		    "(registry.pol); the %zu outside Software\\Policies stay "
		    "when the GPO no longer applies (they tattoo). ", npol,
		    outside);
		break;
	case GPO_BOTH:
		buf_printf(b, "[gpo] mode = both: all %zu values are policy "
		    "(registry.pol) and Group Policy Preferences items set to "
		    "\"Remove this item when it is no longer applied\". ", npol);
		break;
	}
}

/* What happens to Preferences items' values when the GPO goes. */
static void
readme_gpo_removal(const struct plan *pl, struct buf *b)
{
	size_t	npref;
	int	user_pref;

	npref = plan_gpo_count(pl, plan_gpo_preference);
	user_pref = plan_gpo_has(pl, HIVE_HKCU, plan_gpo_preference);
	if (npref > 0)
		buf_adds(b, "When the GPO stops applying to a machine (unlinked, "
		    "deleted, filtered out), Windows deletes those values: "
		    "that is the Windows default again, not necessarily what was "
		    "there before (the rollback scripts restore that). ");
	if (user_pref)
		buf_printf(b, "The record of what to remove is kept per machine "
		    "and does not roam (KB %s): with roaming profiles an "
		    "HKEY_CURRENT_USER value can stay behind in the roaming "
		    "hive; use mode = policy or the scripts there. ",
		    os_gpp_roaming_kb());
}

/* Which Preferences items are targeted (item-level WMI filters), and why. */
static void
readme_gpo_targeting(const struct plan *pl, struct buf *b)
{
	const struct plan_op	*op;
	size_t			 i;
	int			 gated = 0, gated_pol = 0, wow = 0, wow_pol = 0;

	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		if (op->gpo.min_build != 0) {
			gated |= plan_gpo_preference(pl, op);
			gated_pol |= plan_gpo_policy(pl, op);
		}
		if (op->gpo.only_64bit) {
			wow |= plan_gpo_preference(pl, op);
			wow_pol |= plan_gpo_policy(pl, op);
		}
	}
	if (gated)
		buf_adds(b, "Preferences items for a protocol older Windows "
		    "lack (TLS 1.3, DTLS 1.2) apply only where the build has it "
		    "(a WMI filter on the build number). ");
	if (wow)
		buf_adds(b, "Preferences items for the 32-bit view "
		    "(Wow6432Node) apply only on 64-bit Windows (a WMI filter "
		    "on Win32_Processor's AddressWidth), so that 32-bit Windows "
		    "gets no stray Wow6432Node keys. ");
	if (gated_pol || wow_pol)
		buf_adds(b, "registry.pol has no such targeting: every Windows "
		    "the GPO applies to gets those values. ");
}

/* What LGPO.exe /g makes of the backup, and the files it should take. */
static void
readme_gpo_lgpo(const struct plan *pl, struct buf *b)
{
	const char	*lgpo;
	size_t		 npol;
	int		 hklm, hkcu;

	npol = plan_gpo_count(pl, plan_gpo_policy);
	hklm = plan_has_hive(pl, HIVE_HKLM);
	hkcu = plan_has_hive(pl, HIVE_HKCU);
	lgpo = hklm && hkcu ? "LGPO.exe /m gpo\\Machine\\Registry.pol and /u "
	    "gpo\\User\\Registry.pol, which hold" : hkcu ? "LGPO.exe /u "
	    "gpo\\User\\Registry.pol, which holds" : "LGPO.exe /m "
	    "gpo\\Machine\\Registry.pol, which holds";
	if (npol == 0)
		buf_printf(b, "LGPO.exe /g gpo\\backup would apply nothing (LGPO "
		    "knows no Preferences): on a standalone machine use the "
		    "scripts or %s every value.", lgpo);
	else if (npol < pl->n)
		buf_printf(b, "LGPO.exe /g gpo\\backup applies only "
		    "registry.pol's %zu of the %zu values (LGPO knows no "
		    "Preferences): on a standalone machine use the scripts or "
		    "%s them all.", npol, pl->n, lgpo);
	else
		buf_adds(b, "LGPO.exe /g gpo\\backup applies registry.pol, "
		    "which holds every value.");
}

void
readme_gpo_detail(const struct plan *pl, struct buf *b)
{
	char	bid[39];

	plan_gpo_backup_id(pl, bid);
	buf_printf(b, "It runs Import-GPO -BackupId %.36s -Path gpo\\backup "
	    "-TargetName NAME -CreateIfNeeded, and refuses to replace the "
	    "settings of a GPO that exists unless -Force. In GPMC: create an "
	    "empty GPO, right-click it, Import Settings, folder gpo\\backup "
	    "(View Settings there shows the backup's settings report, "
	    "gpreport.xml). Import replaces the target GPO's settings and keeps its links; "
	    "link the GPO yourself. ", bid + 1);
	readme_gpo_mode(pl, b);
	readme_gpo_removal(pl, b);
	readme_gpo_targeting(pl, b);
	readme_gpo_lgpo(pl, b);
}
