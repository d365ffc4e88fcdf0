/*
 * What the pieces of the policy module share, and the rest of tlsgpo does
 * not call: policy-read.c (the INI reader and policy_load),
 * policy-prescan.c (the checks before libinih sees the text),
 * policy-value.c (one key's value into struct policy), policy.c (the
 * model's defaults and queries) and lint.c (which counts [schannel] keys).
 */
#ifndef TLSGPO_POLICY_INT_H
#define TLSGPO_POLICY_INT_H

#include <stddef.h>

#include "diag.h"
#include "policy.h"

/* One policy file being read. */
struct loader {
	struct policy	*p;
	struct diags	*d;
	const char	*text;
	size_t		 len;
	size_t		 pos;
	int		 line;		/* line the reader handed out last */
	int		 indented;	/* ...and it began with a blank: a
					   list's continuation */
	int		 list_open;	/* the pre-scan: a list key came last */
};

void	 policy_init(struct policy *, const char *);
int	 policy_schannel_count(const struct policy *);

/* The section NAME stands for, or -1. */
int	 policy_find_section(const char *);

/* The checks before parsing, over l->text; errors go to l->d. */
void	 policy_prescan(struct loader *);

/* Parse and store the value of key K (or of [schannel] key NAME). */
void	 policy_set_key(struct loader *, enum policy_key, const char *);
void	 policy_set_schannel(struct loader *, const char *, const char *);

/* policy-list.c: the keys whose value is a list of names or a key size. */
int	 policy_list_key(const char *);	/* a list may go on over lines */
void	 policy_set_crypto(struct loader *, enum policy_key, const char *);
void	 name_list_free(struct name_list *);

/* policy-names.c: the list keys' names known, once, in Windows' spelling. */
void	 policy_check_names(struct policy *, struct diags *);

#endif
