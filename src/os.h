/*
 * What each Windows version supports and needs: the one table of OS facts
 * behind the policy checks, the ADMX supportedOn choices and the scripts'
 * prerequisite checks. Every fact in os.c cites its Microsoft source.
 */
#ifndef TLSGPO_OS_H
#define TLSGPO_OS_H

#include "protocol.h"

struct os_target {
	const char	*name;		/* the policy's word: "win7" */
	const char	*display;	/* "Windows 7 SP1" */
	unsigned	 build_min;	/* CurrentBuildNumber */
	unsigned	 build_max;
	proto_set	 supported;	/* protocols SCHANNEL has */
	proto_set	 client_off;	/* ...of which off by default (client) */
	proto_set	 server_off;	/* ...of which off by default (server) */
	/*
	 * The update WinHTTP needs to honour DefaultSecureProtocols, NULL
	 * when it does so as shipped; and the bits it honours then.
	 */
	const char	*winhttp_kb;
	proto_set	 winhttp_honours;
	/* What WinHTTP offers when neither the application nor
	 * DefaultSecureProtocols says. */
	proto_set	 winhttp_default;
	const char	*dotnet35_kb;	/* SystemDefaultTlsVersions for v2.0.50727 */
	const char	*tls12_kb;	/* SCHANNEL has TLS 1.1/1.2 only with it */
	const char	*rdp_tls10_kb;	/* RDP without TLS 1.0 needs it */
};

extern const struct os_target os_targets[];
extern const size_t os_target_count;

/*
 * The targets grouped by build range (Windows 7 SP1 and Server 2008 R2 SP1
 * share 7601), for the scripts: the OS names joined with " or ", and the
 * facts, which agree within a build.
 */
struct os_row {
	unsigned		 build_min;
	unsigned		 build_max;
	char			 display[96];
	const struct os_target	*t;	/* the first target of the build */
};

size_t	os_rows(struct os_row *, size_t);

/*
 * The supportedOn definition an ADMX policy for protocol P names: one or
 * two terms, each "FROM [to TO] [with update KB]", joined with "or";
 * admx-text.c has the words, admx-os.c puts them together.
 */
struct os_support_term {
	const char	*from;		/* "Windows 7 SP1" */
	const char	*to;		/* the last version that has it, or NULL */
	const char	*kb;		/* the update it needs there, or NULL */
	int		 tls11_12_only;	/* honours only TLS 1.1 and 1.2 there */
};

struct os_support {
	const char		*id;	/* "SUPPORTED_Win7SP1" */
	struct os_support_term	 terms[2];
};

const struct os_support *os_support_for_protocol(enum proto_id);
extern const struct os_support os_support_winhttp;
extern const struct os_support os_support_tls13;
/* Windows 10 (1507) / Server 2016 on: the key sizes and the curve order. */
extern const struct os_support os_support_win10;
/* Where .NET 3.5 reads SystemDefaultTlsVersions without an update. */
extern const struct os_support os_support_dotnet35_builtin;

/*
 * The first build of a protocol that older Windows lack and every later
 * one has (TLS 1.3: 20348, DTLS 1.2: 14393), for the GPO's item-level
 * targeting; 0 when no build boundary decides it. An update that adds the
 * protocol (KB 4019276) counts as having it.
 */
unsigned	 os_protocol_first_build(enum proto_id);

/*
 * A Preferences item's WMI filter: the build itself when a query can test
 * it, 0 when not; the query for "this build or later", and for 64-bit
 * Windows (caller frees).
 */
unsigned	 os_wmi_build_filterable(unsigned);
char		*os_wmi_build_query(unsigned);
char		*os_wmi_64bit_query(void);

/* Where protocol P exists, for a message about a target that lacks it. */
const char	*os_protocol_where(enum proto_id);

/*
 * Whether a target's WinHTTP default (winhttp_default) is tlsgpo's
 * inference rather than Microsoft's word (servers: [WHFLAGS] names client
 * versions only), and the sentence that says so.
 */
int		 os_winhttp_default_inferred(const struct os_target *);
const char	*os_winhttp_default_caveat(void);

/*
 * The cmd.exe line that imports a .reg FILE into the native registry view
 * from a 32-bit host as from a 64-bit one (Sysnative), and the same with
 * reg.exe's /reg:64; both allocated.
 */
char		*os_reg_import_line(const char *);
char		*os_reg_import_alt(const char *);

/* Why a deprecated protocol is better off, and what Windows does with it
 * by default, for lint's warning (English). */
const char	*os_deprecated_note(enum proto_id);

/*
 * The scripts' words for WinHTTP's updates ("KB 3140245 or KB 4467770"),
 * the Easy Fix that also sets DefaultSecureProtocols and the update it
 * goes with, and where TLS 1.3 exists.
 */
const char	*os_winhttp_kbs(void);
const char	*os_easyfix_kb(void);
const char	*os_easyfix(void);
const char	*os_tls13_where(void);

/* What the .NET Framework's registry values do not reach (README). */
const char	*os_dotnet_caveats(void);

/* The update after which Group Policy Preferences' removal records are
 * kept per machine, for the README. */
const char	*os_gpp_roaming_kb(void);

/* The comma-separated policy words, for messages. */
const char	*os_names_allowed(void);

#endif
