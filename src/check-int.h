/*
 * tlsgpo check: what its parts share. check-read.c reads a MACHINE (a
 * file or a directory of them) into the plan's wanted values, through
 * check-read-pol.c for a Registry.pol and check-read-state.c for a
 * backup's state.txt (.reg exports: regfile.c); check-compare.c judges
 * each value against the plan; check-report.c writes the text, the JSON
 * and the fleet summary; cmd-check.c runs them over the machines.
 */
#ifndef TLSGPO_CHECK_INT_H
#define TLSGPO_CHECK_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "plan.h"
#include "policy.h"
#include "regfile.h"

enum verdict {
	V_OK,
	V_MISSING,
	V_WRONG_VALUE,
	V_WRONG_TYPE,
	V_NOT_COVERED,
	V_COUNT
};

enum status {
	S_COMPLIANT,
	S_DRIFT,
	S_NOT_COVERED,	/* --policy-only, and no value covered at all */
	S_UNREADABLE
};

struct machine {
	char		*name;		/* printable: control bytes escaped */
	const char	*path;
	struct reg_obs	 obs;
	struct buf	 errors;	/* FILE:LINE: message lines */
	int		 unreadable;
	size_t		 count[V_COUNT];
};

struct checker {
	const struct plan	*pl;
	struct reg_wanted_key	*keys;
	size_t			 nkeys;
	struct reg_wanted_value	*values;	/* one per plan operation */
	char			**paths;	/* keys[].path storage */
	size_t			 nvalues;
	size_t			*op_of;		/* values[i] is plan op op_of[i] */
	int			 verbose, policy_only, json;
	size_t			*drift_by_value;	/* machines per value */
	size_t			 compliant, drifting, unreadable; /* machines */
};

/* check-read.c: a machine's state, its messages in m->errors. */
void	read_machine(struct checker *, struct machine *, const char *);
void	machine_free(struct machine *);
void	machine_error(struct machine *, const char *, int, const char *);

/* check-read-pol.c: a Registry.pol from fd, its first headlen bytes read. */
void	read_pol(struct machine *, int, const unsigned char *, size_t,
	    const char *, enum reg_hive);

/* check-read-state.c: an apply script's backup state.txt. */
void	read_state(struct checker *, struct machine *, FILE *, const char *);

/* check-compare.c */
void	checker_init(struct checker *, const struct plan *);
void	checker_free(struct checker *);
enum verdict verdict_of(const struct checker *, const struct machine *,
	    size_t);
enum status machine_status(const struct checker *, const struct machine *);
void	machine_judge(struct checker *, struct machine *);

/* check-report.c */
const char *type_name(uint32_t);
void	print_errors(struct buf *);
void	print_json_head(const struct checker *, const struct policy *,
	    struct buf *);
void	print_text(const struct checker *, const struct machine *,
	    struct buf *);
void	print_json(const struct checker *, const struct machine *, int,
	    struct buf *);
void	print_summary(struct checker *, size_t, struct buf *);

#endif
