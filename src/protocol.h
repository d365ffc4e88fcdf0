/*
 * The one table of TLS/SSL protocols: names, aliases, the WinHTTP /
 * WinINet bit (DefaultSecureProtocols, SecureProtocols) and the SCHANNEL
 * key name.
 */
#ifndef TLSGPO_PROTOCOL_H
#define TLSGPO_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

enum proto_id {
	PROTO_SSL2,
	PROTO_SSL3,
	PROTO_TLS10,
	PROTO_TLS11,
	PROTO_TLS12,
	PROTO_TLS13,
	PROTO_DTLS10,
	PROTO_DTLS12,
	PROTO_COUNT
};

/* A set of protocols: bit (1 << enum proto_id). */
typedef unsigned proto_set;

struct protocol {
	enum proto_id	 id;
	const char	*name;		/* canonical policy name: "tls1.2" */
	const char	*display;	/* "TLS 1.2"; also the SCHANNEL key */
	const char	*aliases[4];
	uint32_t	 bit;		/* DefaultSecureProtocols bit, 0: none */
	int		 insecure;	/* needs allow-insecure to enable */
	int		 deprecated;	/* enabling it is warned about */
};

extern const struct protocol protocols[PROTO_COUNT];

const struct protocol	*protocol_find(const char *);
uint32_t		 protocol_known_bits(void);
uint32_t		 mask_from_protocols(proto_set);
proto_set		 protocols_from_mask(uint32_t);
const char		*protocol_names_allowed(int);
/* The protocol of a SCHANNEL key's tail, "TLS 1.2\\Client"; PROTO_COUNT: none. */
enum proto_id		 protocol_of_key_tail(const char *);

/*
 * Parses a comma- or space-separated protocol list. Returns 0, or -1 with
 * a message in err. With bits_only, protocols without a WinHTTP bit
 * (DTLS) are refused.
 */
int	protocol_list_parse(const char *, int, proto_set *, char *, size_t);

/* "TLS 1.1 + TLS 1.2", or "no protocols". */
void	protocol_set_describe(proto_set, char *, size_t);

#endif
