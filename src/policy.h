/*
 * The policy model: what one INI file says, checked strictly. The keys,
 * their sections and whether they are required are listed once, in
 * POLICY_KEYS; the parser, the duplicate check and the "allowed keys"
 * messages are all generated from it.
 */
#ifndef TLSGPO_POLICY_H
#define TLSGPO_POLICY_H

#include "diag.h"
#include "protocol.h"

enum section {
	SEC_POLICY,
	SEC_WINHTTP,
	SEC_WININET,
	SEC_DOTNET,
	SEC_SCHANNEL,
	SEC_TARGET,
	SEC_GPO,
	SEC_SUITES,
	SEC_COUNT
};

/*   enum       section      key                   required */
#define POLICY_KEYS(X)							\
	X(K_ID,		 SEC_POLICY,  "id",		     1)		\
	X(K_NAME,	 SEC_POLICY,  "name",		     1)		\
	X(K_VERSION,	 SEC_POLICY,  "version",	     1)		\
	X(K_DESCRIPTION, SEC_POLICY,  "description",	     0)		\
	X(K_VENDOR,	 SEC_POLICY,  "vendor",		     0)		\
	X(K_WH_PROTOCOLS, SEC_WINHTTP, "protocols",	     1)		\
	X(K_WH_VIEWS,	 SEC_WINHTTP, "views",		     0)		\
	X(K_WI_PROTOCOLS, SEC_WININET, "protocols",	     1)		\
	X(K_WI_SCOPE,	 SEC_WININET, "scope",		     0)		\
	X(K_WI_VIEWS,	 SEC_WININET, "views",		     0)		\
	X(K_NET_STRONG,	 SEC_DOTNET,  "strong-crypto",	     0)		\
	X(K_NET_SYSTLS,	 SEC_DOTNET,  "system-default-tls", 0)		\
	X(K_NET_FRAMEWORKS, SEC_DOTNET, "frameworks",	     0)		\
	X(K_NET_VIEWS,	 SEC_DOTNET,  "views",		     0)		\
	X(K_SC_DH_BITS,	 SEC_SCHANNEL, "dh-min-bits",	     0)		\
	X(K_SC_DH_CLIENT, SEC_SCHANNEL, "dh-min-bits.client", 0)	\
	X(K_SC_DH_SERVER, SEC_SCHANNEL, "dh-min-bits.server", 0)	\
	X(K_SC_PKCS_BITS, SEC_SCHANNEL, "pkcs-min-bits",    0)		\
	X(K_SC_CIPHERS,	 SEC_SCHANNEL, "ciphers",	     0)		\
	X(K_SC_HASHES,	 SEC_SCHANNEL, "hashes",	     0)		\
	X(K_SC_KX,	 SEC_SCHANNEL, "key-exchange",	     0)		\
	X(K_CS_ORDER,	 SEC_SUITES,  "order",		     0)		\
	X(K_CS_CURVES,	 SEC_SUITES,  "curves",		     0)		\
	X(K_TARGET_OS,	 SEC_TARGET,  "os",		     0)		\
	X(K_TARGET_INSECURE, SEC_TARGET, "allow-insecure",  0)		\
	X(K_GPO_MODE,	 SEC_GPO,     "mode",		     0)		\
	X(K_GPO_NAME,	 SEC_GPO,     "name",		     0)		\
	X(K_GPO_DATE,	 SEC_GPO,     "date",		     0)

enum policy_key {
#define X(e, s, k, r) e,
	POLICY_KEYS(X)
#undef X
	K_COUNT
};

/* Registry views, as a set. */
#define VIEW_BIT_64	0x1
#define VIEW_BIT_32	0x2

/* .NET Framework versions, as a set. */
#define FW_V4		0x1
#define FW_V2		0x2

enum wininet_scope {
	SCOPE_MACHINE_POLICY,
	SCOPE_MACHINE,
	SCOPE_USER
};

/*
 * How the GPO backup carries the values: as policy (registry.pol, which
 * tattoos values outside Software\Policies) or as Group Policy
 * Preferences items that remove themselves when the GPO no longer applies.
 */
enum gpo_mode {
	GPO_AUTO,		/* Software\Policies as policy, the rest as preferences */
	GPO_POLICY,
	GPO_PREFERENCES,
	GPO_BOTH
};

enum side {
	SIDE_CLIENT,
	SIDE_SERVER
};

enum sc_state {
	SC_UNSET,
	SC_ENABLED,
	SC_DISABLED
};

/*
 * A list of names (cipher suites, curves, SCHANNEL switch keys), each with
 * the policy line it was written on: a list may go on over indented lines.
 */
struct name_list {
	char		**names;
	int		 *lines;
	size_t		  n;
};

struct policy {
	char		*file;
	char		*id;
	char		*name;
	char		*version;
	char		*description;	/* "" when not given */
	char		*vendor;	/* "" when not given */

	int		 key_line[K_COUNT];	/* 0: not given */
	int		 section_line[SEC_COUNT];

	proto_set	 winhttp_protocols;
	unsigned	 winhttp_views;

	proto_set	 wininet_protocols;
	enum wininet_scope wininet_scope;
	unsigned	 wininet_views;

	int		 strong_crypto;		/* -1: not given */
	int		 system_default_tls;	/* -1: not given */
	unsigned	 frameworks;
	unsigned	 dotnet_views;

	enum sc_state	 schannel[PROTO_COUNT][2];
	int		 schannel_line[PROTO_COUNT][2];
	/* Key sizes: [SIDE_CLIENT], [SIDE_SERVER]; 0: not set. */
	unsigned	 dh_min_bits[2];
	int		 dh_line[2];
	unsigned	 pkcs_min_bits;		/* client side only */
	/* Legacy switches: the Ciphers, Hashes and KeyExchangeAlgorithms
	 * keys left on (every other known key is turned off). */
	struct name_list ciphers;
	struct name_list hashes;
	struct name_list kx;

	/* [cipher-suites]: SSL\00010002's Functions and EccCurves. */
	struct name_list suites;
	struct name_list curves;

	unsigned	 target_os;	/* bit i: os_targets[i] */
	int		 allow_insecure;

	enum gpo_mode	 gpo_mode;
	char		*gpo_name;	/* the GPO's display name: name if not given */
	char		 gpo_date[20];	/* "YYYY-MM-DD HH:MM:SS" */
};

/*
 * Reads and checks a policy. Returns 0 when it may be used (warnings may
 * have been added to diags), -1 when diags holds at least one error.
 */
int	 policy_load(const char *, struct policy *, struct diags *);
void	 policy_free(struct policy *);

int	 policy_has_winhttp(const struct policy *);
int	 policy_has_wininet(const struct policy *);
int	 policy_has_dotnet(const struct policy *);
/* Whether the list holds the name (exactly: names are in Windows'
 * spelling once read). */
int	 name_list_has(const struct name_list *, const char *);
/* The targets: bit i, os_targets[i]. */
unsigned policy_targets(const struct policy *);
/* Whether the policy sets key sizes, legacy switches or the suite order. */
int	 policy_has_crypto(const struct policy *);

/* The TLS protocols SIDE of target T offers once the policy applies: T's
 * defaults, with what [schannel] turns on or off. */
struct os_target;
proto_set policy_tls_after(const struct policy *, const struct os_target *,
	    int);
/*
 * The cipher suites a Windows release (a page of suites.h) may use with a
 * protocol once the policy applies (policy-suites.c). enum cs_block says
 * what stops a suite, in the order the tests are made.
 */
struct cs_page;
struct cs_suite;
enum cs_block {
	CSB_OK,
	CSB_NOT_ON_OS,		/* the release does not have it */
	CSB_PSK,		/* a PSK suite: only for applications that ask */
	CSB_NOT_DEFAULT,	/* no order, and it is not on by default */
	CSB_PROTOCOL,		/* it does not work with the protocol */
	CSB_CIPHER_OFF,		/* a legacy switch the policy turns off */
	CSB_HASH_OFF,
	CSB_KX_OFF,
	CSB_NO_CURVE		/* no curve of the policy's order that the
				   release offers by default */
};
int	 policy_suite_on_page(const struct cs_page *, const struct cs_suite *);
enum cs_block policy_suite_block(const struct policy *, const struct cs_page *,
	    const struct cs_suite *, enum proto_id);
/* Fills at most MAX suites, in the order they are preferred; returns how
 * many are usable; WHY (may be NULL) says what stopped the furthest one
 * when none is. */
size_t	 policy_usable_suites(const struct policy *, const struct cs_page *,
	    enum proto_id, const struct cs_suite **, size_t, enum cs_block *);
/* Whether the policy changes which suites Windows may use, and the line
 * of the first key that does (0: none). */
int	 policy_has_suite_rules(const struct policy *);
int	 policy_suite_rules_line(const struct policy *);

const char *wininet_scope_name(enum wininet_scope);
const char *gpo_mode_name(enum gpo_mode);

#endif
