#include "config.h"

#include <stdio.h>
#include <string.h>

#include "os.h"
#include "xmalloc.h"

/*
 * Sources (Microsoft's, as read for issue 9; where none was found that is
 * said next to the fact):
 *
 * [SCHANNEL]  "Protocols in TLS/SSL (Schannel SSP)", Microsoft Learn,
 *             learn.microsoft.com/windows/win32/secauthn/protocols-in-tls-ssl--schannel-ssp-
 *             (version of 2021-01-20): per Windows version, which protocols
 *             exist and whether each is enabled for client and server.
 * [DTLS]      "Datagram Transport Layer Security protocol", Microsoft Learn,
 *             learn.microsoft.com/windows-server/security/tls/datagram-transport-layer-security-protocol:
 *             says DTLS came with Windows 8 / Server 2012, against
 *             [SCHANNEL]'s table, which lists DTLS 1.0 for Windows 7 /
 *             Server 2008 R2. tlsgpo follows the table.
 * [KB3140245] "Update to enable TLS 1.1 and TLS 1.2 as default secure
 *             protocols in WinHTTP in Windows", support.microsoft.com/kb/3140245:
 *             Windows 7 SP1, Server 2008 R2 SP1 and Server 2012; on
 *             Windows 7 it requires Schannel to be configured for TLS 1.1
 *             and 1.2, which are not on by default there.
 * [WHFLAGS]   "Option flags" (WinHTTP), Microsoft Learn,
 *             learn.microsoft.com/windows/win32/winhttp/option-flags
 *             (MicrosoftDocs/win32 desktop-src/WinHttp/option-flags.md, as
 *             of 2024-05-01), WINHTTP_OPTION_SECURE_PROTOCOLS: the
 *             DefaultSecureProtocols bits, and WinHTTP's own default: "only
 *             SSL3 and TLS1" on Windows 8 and 7, SSL 3.0 to TLS 1.2 on
 *             Windows 10 and 8.1, "only TLS1.2 and TLS1.3" on Windows 11.
 *             The page names client versions only. That Server 2012 has
 *             Windows 8's default, 2012 R2 to 2019 Windows 10's (the same
 *             builds as their clients), Server 2022 (build 20348, older
 *             than Windows 11's 22000, but the first server with TLS 1.3
 *             on [SCHANNEL]) and 2025 Windows 11's, and Server 2008 SP2
 *             Windows 7's, is tlsgpo's inference, and lint and README.txt
 *             say so. A DefaultSecureProtocols value replaces the default.
 * [TLSDEPR]   "TLS 1.0 and TLS 1.1 soon to be disabled in Windows", Windows
 *             IT Pro Blog, techcommunity.microsoft.com (2023-08-01): off by
 *             default "starting with Windows 11 Insider Preview builds in
 *             September 2023 and future Windows OS releases"; it "will not
 *             impact any in-market OS versions". [SCHANNEL] (2025-03-20)
 *             lists them on by default in Windows 11 21H2 to 24H2 and
 *             Server 2025.
 * [FSREDIR]   "File System Redirector", Microsoft Learn,
 *             learn.microsoft.com/windows/win32/winprog64/file-system-redirector:
 *             a 32-bit process on 64-bit Windows that runs System32\reg.exe
 *             gets SysWOW64's, and %windir%\regedit.exe is redirected to
 *             SysWOW64\regedit.exe; %windir%\Sysnative reaches the native
 *             System32 (Windows Vista / Server 2008 on), and exists only for
 *             32-bit processes. "Registry Redirector" (same folder,
 *             registry-redirector): a 32-bit process's HKLM\SOFTWARE is
 *             HKLM\SOFTWARE\Wow6432Node.
 * [REGIMP]    "reg import", Microsoft Learn, learn.microsoft.com/
 *             windows-server/administration/windows-commands/reg-import:
 *             /reg:64 imports into the 64-bit registry view.
 * [M365TLS]   "Preparing for TLS 1.2 in Office 365 and Office 365 GCC",
 *             learn.microsoft.com/purview/prepare-tls-1.2-in-office-365:
 *             Microsoft 365 no longer accepts TLS 1.0 and 1.1.
 * [KB4467770] WinHTTP TLS 1.1/1.2 for Server 2008 SP2, which honours only
 *             0x200 and 0x800: no Microsoft copy of the KB was found; the
 *             fact is from its text as mirrored (mskb.pkisolutions.com).
 * [KB4019276] TLS 1.1/1.2 for Server 2008 SP2 (off by default): named by
 *             [NETTLS] and by "Solving the TLS 1.0 Problem",
 *             learn.microsoft.com/security/engineering/solving-tls1-problem.
 * [NETTLS]    "Transport Layer Security (TLS) best practices with the .NET
 *             Framework", learn.microsoft.com/dotnet/framework/network-programming/tls
 *             (its 2018-2023 text; the page was rewritten in 2024 without
 *             the table): the .NET 3.5 updates that add
 *             SystemDefaultTlsVersions: KB 3154518 (Windows 7 SP1 / 2008
 *             R2 SP1), 3154519 (Server 2012), 3154520 (8.1 / 2012 R2),
 *             3156421 (Windows 10 1511 cumulative update; later Windows 10
 *             has it), 3154517 (.NET 2.0 SP2 on Server 2008 SP2). Each of
 *             the KB pages (support.microsoft.com/help/3154518 ...) says
 *             it "has been superseded with the latest updates of .NET
 *             Framework" and that a system up to date through Windows
 *             Update needs nothing more: finding the KB's own number is
 *             therefore a hint, not a proof. The same page: a protocol an
 *             application sets in code (ServicePointManager.SecurityProtocol,
 *             SslStream) overrides the registry; WCF over TCP has its own
 *             sslProtocols setting; applications that target .NET
 *             Framework 4.7 or later use the operating system's default.
 * [KB3080079] Remote Desktop support for TLS 1.1 and 1.2 on Windows 7 SP1 /
 *             Server 2008 R2 SP1: without it RDP needs TLS 1.0. No Microsoft
 *             copy of the KB was found; the KB number is Microsoft's.
 * [BUILDS]    6002, 9200 (Windows 8 and Server 2012) and 9600: "Operating
 *             System Property Values" (Windows Installer), learn.microsoft.com;
 *             14393, 17763, 19045, 20348, 26100: the OS builds named in
 *             Microsoft's cumulative update KBs (KB5006669, KB5006744,
 *             KB5040525, KB5006745, KB5040529) and microsoft/hcsshim
 *             osversion/windowsbuilds.go. 7601 has no Microsoft page here
 *             beyond common knowledge of the release.
 * [TLSREG]    "Transport Layer Security (TLS) registry settings", Microsoft
 *             Learn, learn.microsoft.com/windows-server/security/tls/
 *             tls-registry-settings (2023-04-10): the Diffie-Hellman and
 *             PKCS key-size values were "Added in Windows 10, version 1507
 *             and Windows Server 2016" (build 10240 on), as was ECC Curve
 *             Order's Group Policy (the page "TLS/SSL (Schannel SSP)
 *             changes in Windows 10 and Server").
 * [KB3060859] Group Policy Preferences' "Remove this item when it is no
 *             longer applied" is recorded per machine and does not roam
 *             (support.microsoft.com/kb/3060859).
 */

#define P(x)	(1U << PROTO_##x)

/* What SCHANNEL has from Windows 7 to Windows 10 1511 [SCHANNEL]. */
#define SC_WIN7	 (P(SSL2) | P(SSL3) | P(TLS10) | P(TLS11) | P(TLS12) | P(DTLS10))
/* From 1607 / Server 2016: DTLS 1.2; SSL 2.0 gone [SCHANNEL]. */
#define SC_1607	 (P(SSL3) | P(TLS10) | P(TLS11) | P(TLS12) | P(DTLS10) | P(DTLS12))
/* Windows 11 / Server 2022: TLS 1.3, on by default [SCHANNEL]. */
#define SC_WIN11 (SC_1607 | P(TLS13))
/* What DefaultSecureProtocols can name [WHFLAGS]. */
#define WH_ALL	 (P(SSL2) | P(SSL3) | P(TLS10) | P(TLS11) | P(TLS12) | P(TLS13))

/* WinHTTP's own defaults [WHFLAGS]. */
#define WD_WIN7	 (P(SSL3) | P(TLS10))
#define WD_WIN10 (P(SSL3) | P(TLS10) | P(TLS11) | P(TLS12))
#define WD_WIN11 (P(TLS12) | P(TLS13))

/* The names of the table, shared with the supportedOn terms below. */
#define D_WIN7	 "Windows 7 SP1"
#define D_WIN10	 "Windows 10"
#define D_WIN11	 "Windows 11"
#define D_2008	 "Windows Server 2008 SP2"
#define D_2008R2 "Windows Server 2008 R2 SP1"
#define D_2012R2 "Windows Server 2012 R2"
#define D_2016	 "Windows Server 2016"
#define D_2022	 "Windows Server 2022"
/* The updates more than one row names. */
#define KB_WINHTTP	"3140245"	/* [KB3140245] */
#define KB_2008_WINHTTP	"4467770"	/* [KB4467770] */
#define KB_2008_TLS12	"4019276"	/* [KB4019276] */

const struct os_target os_targets[] = {
	/*
	 * Windows 7 SP1, Server 2008 R2 SP1: TLS 1.1 and 1.2 exist but are
	 * disabled for client and server, SSL 2.0 client too (its server
	 * side on) [SCHANNEL];
	 * WinHTTP needs KB 3140245 [KB3140245]; .NET 3.5 needs KB 3154518
	 * [NETTLS]; RDP without TLS 1.0 needs KB 3080079 [KB3080079].
	 */
	{ "win7", D_WIN7, 7601, 7601, SC_WIN7,
	    P(SSL2) | P(TLS11) | P(TLS12), P(TLS11) | P(TLS12), KB_WINHTTP,
	    WH_ALL, WD_WIN7, "3154518", NULL,
	    "3080079" },
	/*
	 * Windows 8 shares build 9200 with Server 2012. [KB3140245] and
	 * [NETTLS] name Server 2012 (and Windows Embedded 8 Standard), not
	 * Windows 8, whose support had ended in January 2016, before them:
	 * tlsgpo gives it Server 2012's facts, an inference.
	 */
	{ "win8", "Windows 8", 9200, 9200, SC_WIN7, P(SSL2), P(SSL2),
	    KB_WINHTTP, WH_ALL, WD_WIN7, "3154519", NULL, NULL },
	/* 8.1 / 2012 R2: TLS 1.0-1.2 on, SSL 2.0 off [SCHANNEL]; WinHTTP
	 * honours the value as shipped [WHFLAGS]; .NET 3.5: KB 3154520. */
	{ "win8.1", "Windows 8.1", 9600, 9600, SC_WIN7, P(SSL2), P(SSL2), NULL,
	    WH_ALL, WD_WIN10,
	    "3154520", NULL, NULL },
	/* Windows 10 from 1607 (14393): DTLS 1.2 and no SSL 2.0, SSL 3.0 off
	 * [SCHANNEL]. 1507 and 1511 (10240, 10586; out of support since 2017
	 * and without DTLS 1.2) are not in the table: the scripts call their
	 * builds unknown, and DTLS 1.2's GPO items start at 14393. .NET 3.5 has
	 * SystemDefaultTlsVersions from the 1511 cumulative update on [NETTLS]. */
	{ "win10", D_WIN10, 14393, 19045, SC_1607, P(SSL3), P(SSL3), NULL,
	    WH_ALL, WD_WIN10,
	    NULL, NULL, NULL },
	/* Windows 11: TLS 1.3; TLS 1.0 and 1.1 still on [SCHANNEL] [TLSDEPR];
	 * WinHTTP's default TLS 1.2 and 1.3 [WHFLAGS]. */
	{ "win11", D_WIN11, 22000, 0x7fffffff, SC_WIN11, P(SSL3), P(SSL3),
	    NULL,
	    WH_ALL, WD_WIN11, NULL, NULL, NULL },
	/*
	 * Server 2008 SP2: TLS 1.1 and 1.2 only with KB 4019276, off by
	 * default [KB4019276] [SCHANNEL]; WinHTTP with KB 4467770 honours
	 * only TLS 1.1 and 1.2 [KB4467770]; .NET 2.0 SP2: KB 3154517 [NETTLS];
	 * SCHANNEL's TLS 1.1 and 1.2: KB 4019276 [KB4019276].
	 */
	{ "server2008", D_2008, 6002, 6003,
	    P(SSL2) | P(SSL3) | P(TLS10) | P(TLS11) | P(TLS12),
	    P(SSL2) | P(TLS11) | P(TLS12), P(TLS11) | P(TLS12), KB_2008_WINHTTP,
	    P(TLS11) | P(TLS12), WD_WIN7,
	    "3154517", KB_2008_TLS12, NULL },
	{ "server2008r2", D_2008R2, 7601, 7601, SC_WIN7,
	    P(SSL2) | P(TLS11) | P(TLS12), P(TLS11) | P(TLS12), KB_WINHTTP,
	    WH_ALL, WD_WIN7, "3154518", NULL,
	    "3080079" },
	/* Server 2012: TLS 1.0-1.2 on [SCHANNEL], but WinHTTP still needs
	 * KB 3140245 [KB3140245] [WHFLAGS]; .NET 3.5: KB 3154519 [NETTLS]. */
	{ "server2012", "Windows Server 2012", 9200, 9200, SC_WIN7, P(SSL2),
	    P(SSL2), KB_WINHTTP, WH_ALL, WD_WIN7, "3154519", NULL, NULL },
	{ "server2012r2", D_2012R2, 9600, 9600, SC_WIN7,
	    P(SSL2), P(SSL2), NULL, WH_ALL, WD_WIN10, "3154520", NULL, NULL },
	{ "server2016", D_2016, 14393, 14393, SC_1607, P(SSL3),
	    P(SSL3), NULL, WH_ALL, WD_WIN10, NULL, NULL, NULL },
	{ "server2019", "Windows Server 2019", 17763, 17763, SC_1607, P(SSL3),
	    P(SSL3), NULL, WH_ALL, WD_WIN10, NULL, NULL, NULL },
	{ "server2022", D_2022, 20348, 20348, SC_WIN11, P(SSL3),
	    P(SSL3), NULL, WH_ALL, WD_WIN11, NULL, NULL, NULL },
	{ "server2025", "Windows Server 2025", 26100, 26100, SC_WIN11, P(SSL3),
	    P(SSL3), NULL, WH_ALL, WD_WIN11, NULL, NULL, NULL },
};
const size_t os_target_count = sizeof os_targets / sizeof os_targets[0];

/*
 * supportedOn for the ADMX: where each protocol exists [SCHANNEL]. SSL 2.0
 * was removed in Windows 10 1607 / Server 2016, so its range ends with
 * 1511 (not a target: no build of its own here) and Server 2012 R2; TLS
 * 1.1 and 1.2 exist on Server 2008 SP2 only with KB 4019276 [KB4019276];
 * DTLS 1.0 starts with Windows 7 / 2008 R2 (the table; see [DTLS]).
 * WinHTTP names its updates [KB3140245] [KB4467770]. admx-text.c has the
 * words in each language.
 */
static const struct os_support support_ssl2 = { "SUPPORTED_SSL2", {
	{ D_WIN7, "Windows 10 version 1511", NULL, 0 },
	{ D_2008, D_2012R2, NULL, 0 } } };
static const struct os_support support_win7 = { "SUPPORTED_Win7SP1", {
	{ D_WIN7, NULL, NULL, 0 }, { D_2008, NULL, NULL, 0 } } };
static const struct os_support support_tls12 = { "SUPPORTED_TLS11_TLS12", {
	{ D_WIN7, NULL, NULL, 0 }, { D_2008, NULL, KB_2008_TLS12, 0 } } };
static const struct os_support support_dtls10 = { "SUPPORTED_DTLS10", {
	{ D_WIN7, NULL, NULL, 0 }, { D_2008R2, NULL, NULL, 0 } } };
static const struct os_support support_1607 = { "SUPPORTED_Win10_1607", {
	{ "Windows 10 version 1607", NULL, NULL, 0 }, { D_2016, NULL, NULL, 0 } } };
const struct os_support os_support_tls13 = { "SUPPORTED_TLS13", {
	{ D_WIN11, NULL, NULL, 0 }, { D_2022, NULL, NULL, 0 } } };
const struct os_support os_support_winhttp = { "SUPPORTED_Win7SP1_KB3140245", {
	{ D_WIN7, NULL, KB_WINHTTP, 0 }, { D_2008, NULL, KB_2008_WINHTTP, 1 } } };
const struct os_support os_support_win10 = { "SUPPORTED_Win10_Server2016", {
	{ D_WIN10, NULL, NULL, 0 }, { D_2016, NULL, NULL, 0 } } };	/* [TLSREG] */
/* .NET 3.5 reads SystemDefaultTlsVersions as shipped from Windows 10 (the
 * 1511 cumulative update) and Server 2016 [NETTLS]. */
const struct os_support os_support_dotnet35_builtin = { "", {
	{ D_WIN10, NULL, NULL, 0 }, { D_2016, NULL, NULL, 0 } } };

const struct os_support *
os_support_for_protocol(enum proto_id id)
{
	switch (id) {
	case PROTO_TLS13:
		return &os_support_tls13;
	case PROTO_DTLS12:
		return &support_1607;
	case PROTO_DTLS10:
		return &support_dtls10;
	case PROTO_SSL2:
		return &support_ssl2;
	case PROTO_TLS11:
	case PROTO_TLS12:
		return &support_tls12;
	default:
		return &support_win7;
	}
}

/* Where a protocol exists, for a target that lacks it [SCHANNEL]. */
const char *
os_protocol_where(enum proto_id id)
{
	switch (id) {
	case PROTO_SSL2:
		return "SSL 2.0 exists up to Windows 10 1511 and Server 2012 R2";
	case PROTO_DTLS10:
		return "DTLS 1.0 exists from Windows 7 and Server 2008 R2 on";
	case PROTO_DTLS12:
		return "DTLS 1.2 exists from Windows 10 1607 and Server 2016 on";
	case PROTO_TLS13:
		return "TLS 1.3 exists from Windows 11 and Server 2022 on";
	case PROTO_TLS11:
	case PROTO_TLS12:
		return "Server 2008 SP2 has it only with KB 4019276";
	default:
		return "Windows Server 2008 SP2 and later have it";
	}
}

/* [WHFLAGS] names Windows 7, 8, 8.1, 10 and 11: the servers' defaults are
 * inferred from the client of the same build or generation. */
int
os_winhttp_default_inferred(const struct os_target *t)
{
	return strncmp(t->name, "win", 3) != 0;
}

const char *
os_winhttp_default_caveat(void)
{
	return "Microsoft documents WinHTTP's default for client Windows "
	    "only: for servers it is inferred from the client of the same "
	    "generation";
}

/* A .reg import that lands in the native view from any cmd.exe, 32- or
 * 64-bit [FSREDIR]. */
char *
os_reg_import_line(const char *file)
{
	return xasprintf("if exist %%SystemRoot%%\\Sysnative\\reg.exe "
	    "(%%SystemRoot%%\\Sysnative\\reg.exe import %s) else reg.exe "
	    "import %s", file, file);
}

/* The same with reg.exe's own switch [REGIMP]. */
char *
os_reg_import_alt(const char *file)
{
	return xasprintf("reg.exe import %s /reg:64", file);
}

const char *
os_deprecated_note(enum proto_id id)
{
	if (id == PROTO_DTLS10)
		return "DTLS 1.2 replaces it (Windows 10 1607 / Server 2016 "
		    "and later)";	/* [SCHANNEL] */
	/* [M365TLS]; [TLSDEPR]: off by default in Insider Preview builds
	 * since September 2023; released Windows 11 and Server 2025 still
	 * have them on [SCHANNEL]. */
	return "Microsoft 365 no longer accepts it, and Windows turns it off "
	    "by default from the Windows 11 Insider Preview builds of "
	    "September 2023 on (released versions keep it on)";
}

static int
os_has(const struct os_target *t, enum proto_id id)
{
	if (t->supported & (1U << id))
		return 1;
	return (id == PROTO_TLS11 || id == PROTO_TLS12) && t->tls12_kb != NULL;
}

unsigned
os_protocol_first_build(enum proto_id id)
{
	unsigned	first = 0;
	size_t		i;
	int		older_lack = 0;

	for (i = 0; i < os_target_count; i++) {
		if (os_has(&os_targets[i], id) &&
		    (first == 0 || os_targets[i].build_min < first))
			first = os_targets[i].build_min;
	}
	for (i = 0; i < os_target_count; i++) {
		if (os_has(&os_targets[i], id))
			continue;
		if (first == 0 || os_targets[i].build_min >= first)
			return 0;	/* a later Windows lacks it too */
		older_lack = 1;
	}
	return older_lack ? first : 0;
}

size_t
os_rows(struct os_row *rows, size_t max)
{
	size_t	i, j, n = 0;

	for (i = 0; i < os_target_count; i++) {
		for (j = 0; j < n; j++) {
			if (rows[j].build_min == os_targets[i].build_min &&
			    rows[j].build_max == os_targets[i].build_max)
				break;
		}
		if (j < n) {
			size_t len = strlen(rows[j].display);

			snprintf(rows[j].display + len,
			    sizeof rows[j].display - len, " or %s",
			    os_targets[i].display);
			continue;
		}
		if (n == max)
			break;
		rows[n].build_min = os_targets[i].build_min;
		rows[n].build_max = os_targets[i].build_max;
		snprintf(rows[n].display, sizeof rows[n].display, "%s",
		    os_targets[i].display);
		rows[n++].t = &os_targets[i];
	}
	/* A build a wider range holds too: 14393 is also Windows 10. */
	for (j = 0; j < n; j++) {
		for (i = 0; i < os_target_count; i++) {
			const struct os_target *t = &os_targets[i];
			size_t len = strlen(rows[j].display);

			if (t->build_min > rows[j].build_min ||
			    t->build_max < rows[j].build_max ||
			    (t->build_min == rows[j].build_min &&
			    t->build_max == rows[j].build_max))
				continue;
			snprintf(rows[j].display + len,
			    sizeof rows[j].display - len, " or %s", t->display);
		}
	}
	return n;
}

const char *
os_winhttp_kbs(void)
{
	return "KB " KB_WINHTTP " or KB " KB_2008_WINHTTP;
}

/* [KB3140245]'s "Easy fix" sets DefaultSecureProtocols to TLS 1.1 + 1.2. */
const char *
os_easyfix_kb(void)
{
	return KB_WINHTTP;
}

const char *
os_easyfix(void)
{
	return "MicrosoftEasyFix51044.msi";
}

const char *
os_tls13_where(void)
{
	return D_2022 ", build 20348, or " D_WIN11 ", build 22000, or later";
}

/* [NETTLS]: what the .NET registry values do not reach. */
const char *
os_dotnet_caveats(void)
{
	return "An application that sets its protocols in code "
	    "(ServicePointManager.SecurityProtocol, or SslProtocols given to "
	    "SslStream) overrides these registry values; WCF over TCP has its "
	    "own sslProtocols setting in the application's configuration; and "
	    "an application built for .NET Framework 4.7 or later already uses "
	    "the operating system's default TLS versions.";
}

const char *
os_gpp_roaming_kb(void)
{
	return "3060859";	/* [KB3060859] */
}

const char *
os_names_allowed(void)
{
	static char	names[256];
	size_t		i, n = 0;

	if (names[0] != '\0')
		return names;
	for (i = 0; i < os_target_count; i++)
		n += (size_t)snprintf(names + n, sizeof names - n, "%s%s",
		    i == 0 ? "" : ", ", os_targets[i].name);
	return names;
}

/*
 * Group Policy Preferences item-level targeting by WMI (a FilterWmi query).
 *
 * A first build: Win32_OperatingSystem's BuildNumber is a string, compared
 * as text, so the query also requires Version 10.0.*, where every build so
 * far has five digits (a six-digit build would compare wrongly); a build
 * before 10000 cannot be told apart this way, and gets no filter. FilterOs
 * has no code for the versions that brought TLS 1.3.
 */
unsigned
os_wmi_build_filterable(unsigned build)
{
	return build >= 10000 && build <= 99999 ? build : 0;
}

char *
os_wmi_build_query(unsigned build)
{
	return xasprintf("SELECT * FROM Win32_OperatingSystem WHERE Version "
	    "LIKE '10.0.%%' AND BuildNumber >= '%u'", build);
}

/*
 * 64-bit Windows: Microsoft's Win32_Processor class
 * (https://learn.microsoft.com/windows/win32/cimwin32prov/win32-processor,
 * AddressWidth): "On a 32-bit operating system, the value is 32 and on a
 * 64-bit operating system it is 64" -- the OS's width, not the CPU's, and a
 * number, where Win32_OperatingSystem's OSArchitecture is a localized
 * string ("64-bit", "64 bits", "64 Bit"). WMI answers the same whatever the
 * asking process is, where the PROCESSOR_ARCHITECTURE variable depends on it
 * (x86 in a 32-bit process on 64-bit Windows, with PROCESSOR_ARCHITEW6432
 * beside it) and names ARM64 and AMD64 apart.
 */
char *
os_wmi_64bit_query(void)
{
	return xstrdup("SELECT AddressWidth FROM Win32_Processor WHERE "
	    "AddressWidth = 64");
}
