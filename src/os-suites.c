#include "config.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "os.h"
#include "suites.h"

/*
 * The cipher-suite facts' functions and hand-written tables; the suites,
 * pages and curves are os-suites-data.c (generated: its header comment has
 * the pages' sources). Sources of this file:
 *
 * [CSINDEX]   "Cipher Suites in TLS/SSL (Schannel SSP)", Microsoft Learn,
 *             learn.microsoft.com/en-us/windows/win32/secauthn/cipher-suites-in-schannel
 *             (2024-11-13): which "TLS Cipher Suites in Windows ..." page
 *             covers which Windows: Vista's also Server 2008, 7's Server
 *             2008 R2, 8's Server 2012, 8.1's Server 2012 R2, 10 1607's
 *             Server 2016, 10 1809's Server 2019; Server 2022 and 2025 have
 *             pages of their own.
 * [KB245030]  "How to restrict the use of certain cryptographic algorithms
 *             and protocols in Schannel.dll", learn.microsoft.com/en-us/
 *             troubleshoot/windows-server/windows-security/restrict-cryptographic-algorithms-protocols-schannel
 *             (was KB 245030; 2020-09-08): the Ciphers keys NULL, RC2 40/128,
 *             RC2 56/128, RC2 128/128, RC4 40/128, RC4 56/128, RC4 64/128,
 *             RC4 128/128, Triple DES 168 ("before Windows Vista ... Triple
 *             DES 168/168", so not here: no target is older), DES 56 (its
 *             subkey given as RC2 56/56; its FIPS section: DES 56/56); the
 *             Hashes MD5 and SHA; KeyExchangeAlgorithms PKCS. NULL is off
 *             by default.
 * [SFBTLS]    "Disable TLS 1.0 and 1.1 in Skype for Business Server 2015",
 *             learn.microsoft.com/en-us/skypeforbusiness/manage/topology/disable-tls-1.0-1.1:
 *             Microsoft's .reg for Vista and later servers, which adds
 *             Ciphers AES 128/128 and AES 256/256, Hashes SHA256, SHA384 and
 *             SHA512, KeyExchangeAlgorithms Diffie-Hellman and ECDH, and
 *             sets both DES 56/56 and RC2 56/56.
 * [TLSREG]    "Transport Layer Security (TLS) registry settings" (os.c has
 *             the quote): the key sizes are read from Windows 10 1507, build
 *             10240, and Server 2016 on.
 * [ADV3174644] Microsoft Security Advisory 3174644, "Updated Support for
 *             Diffie-Hellman Key Exchange" (2016-09-13): an update that
 *             lets releases before Windows 10 read the Diffie-Hellman
 *             ServerMinKeyBitLength (docs/research/cipher-suites/SUMMARY.md;
 *             the English page was not found, a Portuguese copy was).
 */

/* [KB245030] [SFBTLS]; weakest first. */
const char *const cs_cipher_keys[] = {
	"NULL", "DES 56/56", "RC2 40/128", "RC2 56/56", "RC2 56/128",
	"RC2 128/128", "RC4 40/128", "RC4 56/128", "RC4 64/128", "RC4 128/128",
	"Triple DES 168", "AES 128/128", "AES 256/256",
	NULL
};
/* [KB245030] [SFBTLS] */
const char *const cs_hash_keys[] = {
	"MD5", "SHA", "SHA256", "SHA384", "SHA512",
	NULL
};
/* [KB245030] [SFBTLS] */
const char *const cs_kx_keys[] = {
	"PKCS", "Diffie-Hellman", "ECDH",
	NULL
};

/*
 * The pages of each target of os.c, a run of cs_pages from FIRST to LAST
 * [CSINDEX]. A Windows Server shares its build with a client, but the
 * clients of 20348 and 26100 (none, and Windows 11 24H2) have pages of
 * their own, so the page goes by target, not by build. Windows 10 1507
 * and 1511 are no target (os.c).
 */
static const struct {
	const char	*target;
	const char	*first;
	const char	*last;
} target_pages[] = {
	{ "win7", "win7", "win7" },
	{ "win8", "win8", "win8" },
	{ "win8.1", "win8.1", "win8.1" },
	{ "win10", "win10-1607", "win10-22h2" },
	{ "win11", "win11", "win11-22h2" },
	{ "server2008", "vista", "vista" },
	{ "server2008r2", "win7", "win7" },
	{ "server2012", "win8", "win8" },
	{ "server2012r2", "win8.1", "win8.1" },
	{ "server2016", "win10-1607", "win10-1607" },
	{ "server2019", "win10-1809", "win10-1809" },
	{ "server2022", "server2022", "server2022" },
	{ "server2025", "server2025", "server2025" },
};

const struct cs_suite *
cs_suite_find(const char *name)
{
	size_t i;

	for (i = 0; i < cs_suite_count; i++)
		if (strcasecmp(cs_suites[i].name, name) == 0)
			return &cs_suites[i];
	return NULL;
}

const struct cs_page *
cs_page_find(const char *id)
{
	size_t i;

	for (i = 0; i < cs_page_count; i++)
		if (strcmp(cs_pages[i].id, id) == 0)
			return &cs_pages[i];
	return NULL;
}

size_t
cs_pages_for_target(const struct os_target *t, const struct cs_page **out,
    size_t max)
{
	const struct cs_page *first, *last, *p;
	size_t i, n;

	for (i = 0; i < sizeof target_pages / sizeof target_pages[0]; i++)
		if (strcmp(target_pages[i].target, t->name) == 0)
			break;
	if (i == sizeof target_pages / sizeof target_pages[0])
		return 0;
	first = cs_page_find(target_pages[i].first);
	last = cs_page_find(target_pages[i].last);
	if (first == NULL || last == NULL || last < first)
		return 0;
	n = 0;
	for (p = first; p <= last && n < max; p++)
		out[n++] = p;
	return n;
}

/* The 1-based place of suite S in LIST, 0 if absent. */
static size_t
list_pos(const unsigned short *list, const struct cs_suite *s)
{
	size_t i, want;

	want = (size_t)(s - cs_suites);
	for (i = 0; list[i] != CS_END; i++)
		if (list[i] == want)
			return i + 1;
	return 0;
}

size_t
cs_page_default_pos(const struct cs_page *p, const struct cs_suite *s)
{
	return list_pos(p->defaults, s);
}

int
cs_page_default(const struct cs_page *p, const struct cs_suite *s)
{
	return list_pos(p->defaults, s) != 0;
}

int
cs_page_has(const struct cs_page *p, const struct cs_suite *s)
{
	return list_pos(p->defaults, s) != 0 || list_pos(p->others, s) != 0;
}

const char *
cs_curve_find(const char *name)
{
	size_t i;

	for (i = 0; cs_curve_names[i] != NULL; i++)
		if (strcasecmp(cs_curve_names[i], name) == 0)
			return cs_curve_names[i];
	return NULL;
}

int
cs_page_has_curve(const struct cs_page *p, const char *name)
{
	size_t i;

	if (p->curves_supported == NULL)
		return 0;
	for (i = 0; p->curves_supported[i] != NULL; i++)
		if (strcasecmp(p->curves_supported[i], name) == 0)
			return 1;
	return 0;
}

/* The first build that reads the key-size values [TLSREG]. */
unsigned
os_keysize_first_build(void)
{
	return 10240;
}

const char *
os_keysize_caveat(void)
{
	return "earlier releases read the Diffie-Hellman size only with the "
	    "update of Security Advisory 3174644";	/* [ADV3174644] */
}
