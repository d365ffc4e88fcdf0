/*
 * The registry plan: the one intermediate form every writer renders. An
 * ordered list of operations on (hive, view, key, value); its inverse
 * deletes exactly what it sets.
 */
#ifndef TLSGPO_PLAN_H
#define TLSGPO_PLAN_H

#include <stdint.h>

#include "buf.h"
#include "policy.h"

/* Registry value types (winnt.h's REG_* numbers) that tlsgpo names. */
#define REG_TYPE_SZ		1
#define REG_TYPE_EXPAND_SZ	2
#define REG_TYPE_DWORD		4
#define REG_TYPE_MULTI_SZ	7

/*
 * A legacy SCHANNEL switch's Enabled when on (Ciphers, Hashes,
 * KeyExchangeAlgorithms; plan-crypto.c's [RESTRICT]); off is 0.
 */
#define PLAN_SWITCH_ON		0xffffffffu

enum reg_hive {
	HIVE_HKLM,
	HIVE_HKCU
};

/*
 * VIEW_SHARED: the key is not redirected (HKLM\SYSTEM, HKCU\Software,
 * HKLM\SOFTWARE\Policies), so one operation serves both views.
 */
enum reg_view {
	VIEW_64,
	VIEW_32,
	VIEW_SHARED
};

enum op_action {
	OP_SET,
	OP_DELETE
};

/* How the GPO backup carries an operation (plan-gpo.c decides). */
struct plan_gpo {
	int		 policy;	/* in registry.pol */
	int		 preference;	/* as a Preferences item */
	int		 only_64bit;	/* the item: on 64-bit Windows only */
	unsigned	 min_build;	/* the item: from this build; 0, all */
};

struct plan_op {
	enum op_action	 action;
	enum reg_hive	 hive;
	enum reg_view	 view;
	char		*key;	/* as a 64-bit program names it */
	const char	*value;
	uint32_t	 type;
	uint32_t	 data;	/* REG_DWORD's */
	/*
	 * REG_SZ's string; REG_MULTI_SZ's strings, each ending in '\0',
	 * then one more '\0' ("a\0b\0\0", as Windows stores them). NULL for
	 * REG_DWORD and in a plan_inverse.
	 */
	char		*text;
	char		*why;	/* "WinHTTP: TLS 1.2" */
	int		 line;	/* policy line it comes from */
	struct plan_gpo	 gpo;
};

struct plan {
	const struct policy	*policy;
	struct plan_op		*ops;
	size_t			 n;
	char			 id[17];	/* plan_id's, made once ("": not yet) */
};

void	 plan_build(const struct policy *, struct plan *);
void	 plan_inverse(const struct plan *, struct plan *);
void	 plan_free(struct plan *);

const char *hive_long_name(enum reg_hive);
const char *hive_short_name(enum reg_hive);
const char *view_name(enum reg_view);	/* "64", "32", "shared" */
const char *view_label(enum reg_view);	/* "64-bit", "32-bit", "shared" */
const char *reg_type_name(uint32_t);	/* "REG_DWORD"; "REG_?" past REG_QWORD */

/*
 * A REG_SZ or REG_MULTI_SZ operation's text: its size in bytes with every
 * terminator ("a\0b\0\0" is 5), and the strings one by one (start with
 * NULL; NULL after the last). plan_op_text_join writes them with SEP
 * between them into a new string.
 */
size_t	 plan_op_text_size(const struct plan_op *);
const char *plan_op_text_next(const struct plan_op *, const char *);
char	*plan_op_text_join(const struct plan_op *, const char *);

/* Whether the plan sets anything in the hive. */
int	 plan_has_hive(const struct plan *, enum reg_hive);
/*
 * Whether the operation's key lies under Software\Policies, where Group
 * Policy removes what it set; elsewhere a policy "tattoos" the registry.
 */
int	 plan_op_under_policies(const struct plan_op *);

/*
 * The key's path in the registry as stored: SOFTWARE\Wow6432Node\... for
 * the 32-bit view of a redirected key. Without the hive. Caller frees.
 */
char	*plan_op_physical_key(const struct plan_op *);

/*
 * The keys a plan writes to, with their ancestors three or more levels deep,
 * each (hive, view, key) once, deepest first: the order in which keys that
 * apply created can be removed again when they are empty. holds_values
 * marks the keys the plan sets values in.
 */
struct plan_key {
	enum reg_hive	 hive;
	enum reg_view	 view;
	char		*key;
	int		 holds_values;
};

size_t	 plan_keys(const struct plan *, struct plan_key **);
void	 plan_keys_free(struct plan_key *, size_t);

/* Whether applying the plan turns TLS 1.3 on anywhere. */
int	 plan_enables_tls13(const struct plan *);

/*
 * What each Windows build needs for this plan (os.c's facts), for the
 * scripts' prerequisite checks: one entry per build range.
 */
struct plan_os_need {
	unsigned	 build_min;
	unsigned	 build_max;
	char		 display[96];		/* os.c's names, " or " */
	const char	*winhttp_kb;		/* NULL: nothing to check */
	int		 winhttp_partial;	/* the mask has bits it ignores */
	const char	*dotnet35_kb;		/* NULL: nothing to check */
	int		 tls13_lacking;		/* TLS 1.3 on, and it has none */
	const char	*tls12_kb;		/* SCHANNEL's TLS 1.1/1.2 update */
	const struct os_target *t;		/* the first target of the row */
	proto_set	 winhttp;		/* the mask's protocols, or 0 */
	int		 uses_tls12;		/* relies on SCHANNEL's 1.1/1.2 */
	int		 tls10_off;		/* turns SCHANNEL's TLS 1.0 off */
	int		 no_tls_left;		/* ...for servers, leaving none on
						   by its defaults and the policy */
	proto_set	 no_tls_check;		/* ...unless the machine has one
						   of these on (the policy leaves
						   them unset) */
	const char	*rdp_kb;		/* RDP without TLS 1.0 needs it */
};

size_t	 plan_os_needs(const struct plan *, struct plan_os_need *, size_t);

/* 16 hex digits naming the plan's operations and keys (backups record it). */
void	 plan_id(const struct plan *, char[17]);

void	 plan_write_table(const struct plan *, struct buf *);
/* The cipher suites left per target, release and TLS version (nothing
 * when the policy leaves them to Windows). */
void	 plan_write_suites(const struct plan *, struct buf *);
void	 plan_write_suites_json(const struct plan *, struct buf *);
void	 plan_write_json(const struct plan *, const struct plan *,
	    struct buf *);

#endif
