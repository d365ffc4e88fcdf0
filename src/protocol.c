#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "protocol.h"
#include "wordlist.h"

/*
 * Bits from os.c's [WHFLAGS] and the seeds' table (DESIGN.md); TLS 1.3 is
 * WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_3 (0x2000). WinHTTP and WinINet have
 * no DTLS bit; DTLS is a SCHANNEL-only setting.
 */
const struct protocol protocols[PROTO_COUNT] = {
	{ PROTO_SSL2, "ssl2", "SSL 2.0", { "ssl2.0", "sslv2", NULL },
	  0x00000008, 1, 0 },
	{ PROTO_SSL3, "ssl3", "SSL 3.0", { "ssl3.0", "sslv3", NULL },
	  0x00000020, 1, 0 },
	{ PROTO_TLS10, "tls1.0", "TLS 1.0", { "tls1", "tls10", "tlsv1.0", NULL },
	  0x00000080, 0, 1 },
	{ PROTO_TLS11, "tls1.1", "TLS 1.1", { "tls11", "tlsv1.1", NULL },
	  0x00000200, 0, 1 },
	{ PROTO_TLS12, "tls1.2", "TLS 1.2", { "tls12", "tlsv1.2", NULL },
	  0x00000800, 0, 0 },
	{ PROTO_TLS13, "tls1.3", "TLS 1.3", { "tls13", "tlsv1.3", NULL },
	  0x00002000, 0, 0 },
	{ PROTO_DTLS10, "dtls1.0", "DTLS 1.0", { "dtls10", NULL },
	  0, 0, 1 },
	{ PROTO_DTLS12, "dtls1.2", "DTLS 1.2", { "dtls12", NULL },
	  0, 0, 0 },
};

const struct protocol *
protocol_find(const char *name)
{
	const struct protocol	*p;
	size_t			 i, j;

	for (i = 0; i < PROTO_COUNT; i++) {
		p = &protocols[i];
		if (strcasecmp(name, p->name) == 0)
			return p;
		for (j = 0; p->aliases[j] != NULL; j++) {
			if (strcasecmp(name, p->aliases[j]) == 0)
				return p;
		}
	}
	return NULL;
}

uint32_t
protocol_known_bits(void)
{
	return mask_from_protocols(~0U);
}

uint32_t
mask_from_protocols(proto_set set)
{
	uint32_t	mask = 0;
	size_t		i;

	for (i = 0; i < PROTO_COUNT; i++) {
		if (set & (1U << i))
			mask |= protocols[i].bit;
	}
	return mask;
}

proto_set
protocols_from_mask(uint32_t mask)
{
	proto_set	set = 0;
	size_t		i;

	for (i = 0; i < PROTO_COUNT; i++) {
		if (protocols[i].bit != 0 && (mask & protocols[i].bit))
			set |= 1U << i;
	}
	return set;
}

/* "ssl2, ssl3, tls1.0, tls1.1, tls1.2, tls1.3" (and the DTLS ones). */
const char *
protocol_names_allowed(int bits_only)
{
	return bits_only ? "ssl2, ssl3, tls1.0, tls1.1, tls1.2, tls1.3" :
	    "ssl2, ssl3, tls1.0, tls1.1, tls1.2, tls1.3, dtls1.0, dtls1.2";
}

int
protocol_list_parse(const char *s, int bits_only, proto_set *out,
    char *err, size_t errlen)
{
	const struct protocol	*p;
	char			 word[64];
	proto_set		 set = 0;

	while (wordlist_next(&s, word, sizeof word)) {
		p = protocol_find(word);
		if (p == NULL || (bits_only && p->bit == 0)) {
			snprintf(err, errlen, "%s protocol '%s'; allowed: %s",
			    p == NULL ? "unknown" :
			    "WinHTTP and WinINet have no bit for",
			    word, protocol_names_allowed(bits_only));
			return -1;
		}
		if (set & (1U << p->id)) {
			snprintf(err, errlen, "protocol '%s' is listed twice",
			    p->name);
			return -1;
		}
		set |= 1U << p->id;
	}
	if (set == 0) {
		snprintf(err, errlen, "empty protocol list; allowed: %s",
		    protocol_names_allowed(bits_only));
		return -1;
	}
	*out = set;
	return 0;
}

void
protocol_set_describe(proto_set set, char *out, size_t len)
{
	size_t	i, used = 0;
	int	n;

	out[0] = '\0';
	for (i = 0; i < PROTO_COUNT; i++) {
		if (!(set & (1U << i)))
			continue;
		n = snprintf(out + used, len - used, "%s%s",
		    used == 0 ? "" : " + ", protocols[i].display);
		if (n < 0 || (size_t)n >= len - used)
			return;
		used += (size_t)n;
	}
	if (used == 0)
		snprintf(out, len, "no protocols");
}

enum proto_id
protocol_of_key_tail(const char *tail)
{
	size_t	i, n;

	for (i = 0; i < PROTO_COUNT; i++) {
		n = strlen(protocols[i].display);
		if (strncmp(tail, protocols[i].display, n) == 0 &&
		    tail[n] == '\\')
			return protocols[i].id;
	}
	return PROTO_COUNT;
}
