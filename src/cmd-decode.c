#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd.h"
#include "protocol.h"

/* 0x-prefixed hex, a .reg "dword:" value, or decimal. */
static int
parse_mask(const char *s, uint32_t *out)
{
	unsigned long long	 v;
	const char		*digits = s;
	char			*end;
	int			 base = 10;

	if (strncasecmp(s, "0x", 2) == 0) {
		digits = s + 2;
		base = 16;
	} else if (strncasecmp(s, "dword:", 6) == 0) {
		digits = s + 6;
		base = 16;
	}
	if (*digits == '\0' || !isxdigit((unsigned char)*digits))
		return -1;
	errno = 0;
	v = strtoull(digits, &end, base);
	if (errno != 0 || *end != '\0' || v > 0xffffffffULL)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static int
decode_one(uint32_t mask)
{
	const struct protocol	*p;
	char			 desc[256];
	uint32_t		 unknown;
	size_t			 i;

	unknown = mask & ~protocol_known_bits();
	protocol_set_describe(protocols_from_mask(mask), desc, sizeof desc);
	if (unknown != 0 && mask == unknown)
		printf("0x%08X = unknown bits 0x%08X\n", (unsigned)mask,
		    (unsigned)unknown);
	else if (unknown != 0)
		printf("0x%08X = %s + unknown bits 0x%08X\n", (unsigned)mask,
		    desc, (unsigned)unknown);
	else
		printf("0x%08X = %s\n", (unsigned)mask, desc);
	for (i = 0; i < PROTO_COUNT; i++) {
		p = &protocols[i];
		if (p->bit == 0 || !(mask & p->bit))
			continue;
		printf("  0x%08X  %-7s %s%s\n", (unsigned)p->bit, p->name,
		    p->display, p->insecure ? " (insecure)" :
		    p->deprecated ? " (deprecated)" : "");
	}
	for (i = 0; i < 32; i++) {
		if (unknown & (1U << i))
			printf("  0x%08X  unknown bit: no protocol has it\n",
			    1U << i);
	}
	return unknown != 0 ? EXIT_CHECK : EXIT_OK;
}

static int
cmd_decode_exec(int argc, char **argv)
{
	uint32_t	mask;
	int		i, rc = EXIT_OK;

	if (cmd_is_help(argc, argv)) {
		cmd_print_help(&cmd_decode_entry, stdout);
		return EXIT_OK;
	}
	if (argc < 2)
		return cmd_usage_error(&cmd_decode_entry, "no value given");
	for (i = 1; i < argc; i++) {
		if (parse_mask(argv[i], &mask) == -1) {
			fprintf(stderr, "tlsgpo decode: bad value '%s'; give "
			    "0x-prefixed hex (0xA80), dword:00000a80 or "
			    "decimal (2688), at most 0xFFFFFFFF\n", argv[i]);
			return EXIT_INPUT;
		}
	}
	for (i = 1; i < argc; i++) {
		parse_mask(argv[i], &mask);
		if (decode_one(mask) != EXIT_OK)
			rc = EXIT_CHECK;
	}
	return rc;
}

const struct cmd_entry cmd_decode_entry = {
	"decode",
	"VALUE...",
	"Names the protocols a DefaultSecureProtocols / SecureProtocols value\n"
	"enables, one bit per line, and any bit no protocol has.",
	"VALUE is 0x-prefixed hex (0xA80), a .reg dword (dword:00000a80) or\n"
	"decimal (2688). Exit status 1 when a value has unknown bits.\n",
	cmd_decode_exec
};
