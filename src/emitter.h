/*
 * One emitter per artifact. A writer renders UTF-8 text with "\n" line
 * ends from the plan alone; the package layer turns it into the
 * emitter's declared encoding and line ends.
 */
#ifndef TLSGPO_EMITTER_H
#define TLSGPO_EMITTER_H

#include "buf.h"
#include "diag.h"
#include "plan.h"

enum text_encoding {
	ENC_UTF8,
	ENC_UTF8_BOM,
	ENC_UTF16LE_BOM,
	ENC_ASCII,
	ENC_REG_OPTION		/* whatever --reg-encoding chose */
};

struct emit_ctx {
	const struct plan	*plan;
	const struct plan	*inverse;
	const struct diags	*warnings;	/* the policy's warnings */
	enum text_encoding	 reg_encoding;	/* ENC_UTF16LE_BOM or ENC_ASCII */
};

struct emitter {
	const char		*name;
	const char		*path;		/* inside the package */
	enum text_encoding	 encoding;
	int			 crlf;
	const char		*template;	/* for writers that render one */
	void			(*write)(const struct emit_ctx *,
				    const struct emitter *, struct buf *);
	/*
	 * When path is NULL: the path, made from the plan (caller frees), or
	 * NULL when the plan needs no such file.
	 */
	char			*(*path_for)(const struct emit_ctx *,
				    const struct emitter *);
};

extern const struct emitter emitter_reg_apply;
extern const struct emitter emitter_reg_rollback;
extern const struct emitter emitter_readme;
extern const struct emitter emitter_cmd_apply;
extern const struct emitter emitter_cmd_rollback;
extern const struct emitter emitter_cmd_detect;
extern const struct emitter emitter_ps1_apply;
extern const struct emitter emitter_ps1_rollback;
extern const struct emitter emitter_ps1_detect;
extern const struct emitter emitter_admx;
extern const struct emitter emitter_adml_en;
extern const struct emitter emitter_adml_zh;
extern const struct emitter emitter_adml_sv;
extern const struct emitter emitter_pol_machine;
extern const struct emitter emitter_pol_user;
extern const struct emitter emitter_pol_rollback_machine;
extern const struct emitter emitter_pol_rollback_user;
extern const struct emitter emitter_lgpo;
extern const struct emitter emitter_lgpo_rollback;

extern const struct emitter emitter_gpo_manifest;
extern const struct emitter emitter_gpo_bkupinfo;
extern const struct emitter emitter_gpo_backup;
extern const struct emitter emitter_gpo_pol_machine;
extern const struct emitter emitter_gpo_pol_user;
extern const struct emitter emitter_gpo_prefs_machine;
extern const struct emitter emitter_gpo_prefs_user;
extern const struct emitter emitter_gpo_report;
extern const struct emitter emitter_gpo_import;

/* Renders text (UTF-8, "\n") into bytes of the given encoding. */
void	encode_text(const char *, size_t, enum text_encoding, int,
	    struct buf *);

#endif
