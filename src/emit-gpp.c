#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emitter.h"
#include "gpo-emit.h"
#include "gpo.h"
#include "policy.h"
#include "xmalloc.h"
#include "xmlw.h"

/*
 * The GPO backup's Preferences\Registry\Registry.xml, Machine and User:
 * one item per value the plan carries as a preference (gpp-item.c).
 */

static void
write_prefs(const struct emit_ctx *ctx, const struct emitter *em,
    struct buf *out)
{
	const struct plan	*pl = ctx->plan;
	enum reg_hive		 hive;
	xmlTextWriterPtr	 w;
	xmlBufferPtr		 xb;
	size_t			 i;

	hive = strstr(em->template, "user") != NULL ? HIVE_HKCU : HIVE_HKLM;
	w = xw_open(&xb, 1);
	xw_start(w, "RegistrySettings");
	xw_attr(w, "clsid", CLSID_SETTINGS);
	for (i = 0; i < pl->n; i++) {
		if (pl->ops[i].hive == hive && plan_gpo_preference(pl, &pl->ops[i]))
			gpp_write_item(w, pl, &pl->ops[i], "", 0);
	}
	xw_end(w);
	xw_close(w, xb, out);
}

const struct emitter emitter_gpo_prefs_machine = {
	"gpo-prefs-machine", NULL, ENC_UTF8, 1, "prefs-machine",
	write_prefs, gpo_backup_path
};

const struct emitter emitter_gpo_prefs_user = {
	"gpo-prefs-user", NULL, ENC_UTF8, 1, "prefs-user",
	write_prefs, gpo_backup_path
};
