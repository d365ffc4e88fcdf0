/*
 * Subcommands: one cmd-<name>.c each, holding one struct cmd_entry; the
 * table in cmd.c lists them.
 */
#ifndef TLSGPO_CMD_H
#define TLSGPO_CMD_H

#include "diag.h"
#include "policy.h"

/* Exit statuses, as documented in tlsgpo(1). */
#define EXIT_OK		0
#define EXIT_CHECK	1	/* a check failed: unknown bits, --strict */
#define EXIT_INPUT	2	/* usage or input error; nothing written */
#define EXIT_SYSTEM	3	/* could not write the output */

struct cmd_entry {
	const char	*name;
	const char	*usage;		/* after "tlsgpo NAME " */
	const char	*summary;
	const char	*help;		/* options, one per line */
	int		(*exec)(int, char **);
};

extern const struct cmd_entry cmd_build_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_decode_entry;
extern const struct cmd_entry cmd_decode_pol_entry;
extern const struct cmd_entry cmd_lint_entry;
extern const struct cmd_entry cmd_mask_entry;
extern const struct cmd_entry cmd_plan_entry;
extern const struct cmd_entry cmd_validate_entry;

extern const struct cmd_entry *const cmd_table[];

const struct cmd_entry *cmd_find(const char *);
void	cmd_print_help(const struct cmd_entry *, FILE *);
int	cmd_usage_error(const struct cmd_entry *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/* Whether the arguments ask for the command's help (-h, --help). */
int	cmd_is_help(int, char **);

/*
 * Loads a policy and prints its diagnostics to stderr. Returns 0 when
 * it may be used; d is left for the caller to read and free.
 */
int	cmd_load_policy(const char *, struct policy *, struct diags *);

#endif
