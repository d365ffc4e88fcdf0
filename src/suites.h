/*
 * The cipher suites and ECC curves of each Windows, from Microsoft's
 * "TLS Cipher Suites in Windows ..." pages: part of the facts layer with
 * os.c. The tables are src/os-suites-data.c (generated from
 * docs/research/cipher-suites/ by its tools/gen_os_suites.py); the
 * functions, the page of each target and the SCHANNEL key names are
 * src/os-suites.c. Every fact cites its source there.
 */
#ifndef TLSGPO_SUITES_H
#define TLSGPO_SUITES_H

#include <stddef.h>

#include "protocol.h"

struct os_target;

/* CS_KX_NONE: TLS 1.3 suites, whose key exchange the name does not say. */
enum cs_kx { CS_KX_NONE, CS_KX_RSA, CS_KX_DHE, CS_KX_ECDHE, CS_KX_PSK };
enum cs_auth { CS_AUTH_NONE, CS_AUTH_RSA, CS_AUTH_DSS, CS_AUTH_ECDSA,
	CS_AUTH_PSK };

struct cs_suite {
	const char	*name;		/* as Functions spells it, e.g.
					 * "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384" */
	proto_set	 protocols;	/* the protocol versions it works with
					 * (SSL 2.0 .. TLS 1.3) */
	enum cs_kx	 kx;
	enum cs_auth	 auth;
	const char	*cipher;	/* the SCHANNEL\Ciphers key that governs
					 * it ("AES 256/256"), NULL: none
					 * documented */
	const char	*hash;		/* SCHANNEL\Hashes key ("SHA384"),
					 * NULL: none */
	const char	*kx_key;	/* SCHANNEL\KeyExchangeAlgorithms key
					 * ("ECDH", "Diffie-Hellman", "PKCS"),
					 * NULL: none */
	int		 aead;		/* GCM or ChaCha20-Poly1305 */
	unsigned	 curve;		/* 256, 384 or 521 for a _P256/_P384/
					 * _P521 name; 0 otherwise */
	const char	*display_cipher;/* "AES-256-GCM", "3DES", "RC4-128",
					 * "NULL" ... for messages */
};
extern const struct cs_suite cs_suites[];
extern const size_t cs_suite_count;
/* Exact name, case-insensitive; NULL if unknown. */
const struct cs_suite *cs_suite_find(const char *);

#define CS_END 0xffff
/* One Microsoft page "TLS Cipher Suites in Windows ...": what a range of
 * builds has. */
struct cs_page {
	const char		*id;		/* "win10-1607" (the research's
						 * os_page key) */
	const char		*display;	/* "Windows 10 1607, Windows
						 * Server 2016" */
	const char		*url;
	unsigned		 build_min, build_max;
	/* cs_suites indexes, in the default priority order, CS_END-terminated */
	const unsigned short	*defaults;
	/* supported but not enabled by default (PSK suites included),
	 * CS_END-terminated */
	const unsigned short	*others;
	/* EccCurves default order, NULL-terminated; NULL before Windows 10
	 * (no EccCurves) */
	const char *const	*curves_default;
	/* every curve name the OS accepts, NULL-terminated; NULL before
	 * Windows 10 */
	const char *const	*curves_supported;
};
extern const struct cs_page cs_pages[];
extern const size_t cs_page_count;

/*
 * The pages that cover a target's builds (a target can span several:
 * "win10" is 14393..19045), in build order: fills at most MAX of them and
 * returns how many it filled. CS_PAGES_MAX holds every target's.
 */
#define CS_PAGES_MAX	16
size_t	cs_pages_for_target(const struct os_target *, const struct cs_page **,
	    size_t);
/* The page of that id ("win10-1607"), NULL if none. */
const struct cs_page *cs_page_find(const char *);
/* Whether the page lists the suite: as a default or among the others. */
int	cs_page_has(const struct cs_page *, const struct cs_suite *);
int	cs_page_default(const struct cs_page *, const struct cs_suite *);
/* The 1-based place of a suite in a page's default order, 0: not default. */
size_t	cs_page_default_pos(const struct cs_page *, const struct cs_suite *);
/* Canonical spelling of a curve name any page lists (case-insensitive
 * match), NULL. */
const char *cs_curve_find(const char *);
/* Whether the page's curves_supported has the name (case-insensitive);
 * 0 before Windows 10. */
int	cs_page_has_curve(const struct cs_page *, const char *);
/* Every curve name of any page, canonical spelling, NULL-terminated. */
extern const char *const cs_curve_names[];

/*
 * The legacy SCHANNEL switch key names (Vista+ spelling, KB 245030 and
 * Microsoft's published .reg), NULL-terminated.
 */
/* "NULL", "DES 56/56", "RC2 40/128", ..., "RC4 128/128", "Triple DES 168",
 * "AES 128/128", "AES 256/256" */
extern const char *const cs_cipher_keys[];
/* "MD5", "SHA", "SHA256", "SHA384", "SHA512" */
extern const char *const cs_hash_keys[];
/* "PKCS", "Diffie-Hellman", "ECDH" */
extern const char *const cs_kx_keys[];

/* The first build that reads SCHANNEL's Diffie-Hellman and PKCS key
 * sizes (ServerMinKeyBitLength, ClientMinKeyBitLength). */
unsigned	 os_keysize_first_build(void);
/* ...and what earlier releases do with them (English, for lint). */
const char	*os_keysize_caveat(void);

#endif
