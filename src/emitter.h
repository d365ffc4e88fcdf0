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

/*
 * Registry.pol bytes for the plan's operations in one hive ([MS-GPREG]);
 * pick, when not NULL, chooses among them.
 */
void	pol_write(const struct plan *, enum reg_hive,
	    int (*)(const struct plan *, const struct plan_op *), struct buf *);

/*
 * How the GPO backup carries an operation ([gpo] mode): as policy in
 * registry.pol, as a Group Policy Preferences item, or (mode = both) as
 * both.
 */
int	gpo_as_policy(const struct plan *, const struct plan_op *);
int	gpo_as_preference(const struct plan *, const struct plan_op *);
/*
 * The build from which a Preferences item applies (a WMI filter), 0 for
 * every build: SCHANNEL keys of protocols older Windows lack.
 */
unsigned gpo_item_min_build(const struct plan_op *);
/* Whether a Preferences item applies on 64-bit Windows only (Wow6432Node). */
int	gpo_item_64bit_only(const struct plan_op *);
/* That item's FilterWmi query, NULL for none (caller frees). */
char	*gpo_item_filter(const struct plan_op *);
/* "{GUID}" of the backup folder, named from what the backup holds. */
void	gpo_backup_id(const struct plan *, char[39]);

/* A single-quoted PowerShell string (emit-ps1.c). */
void	ps_quote(struct buf *, const char *);

/* Renders text (UTF-8, "\n") into bytes of the given encoding. */
void	encode_text(const char *, size_t, enum text_encoding, int,
	    struct buf *);

#endif
