#include "config.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "protocol.h"

static int
cmd_mask_exec(int argc, char **argv)
{
	struct buf	words;
	proto_set	set;
	char		err[256];
	int		i;

	if (cmd_is_help(argc, argv)) {
		cmd_print_help(&cmd_mask_entry, stdout);
		return EXIT_OK;
	}
	if (argc < 2)
		return cmd_usage_error(&cmd_mask_entry, "no protocol given");
	buf_init(&words);
	for (i = 1; i < argc; i++) {
		buf_adds(&words, argv[i]);
		buf_addc(&words, ' ');
	}
	if (protocol_list_parse(buf_cstr(&words), 1, &set, err,
	    sizeof err) == -1) {
		buf_free(&words);
		fprintf(stderr, "tlsgpo mask: %s\n", err);
		return EXIT_INPUT;
	}
	buf_free(&words);
	printf("0x%08X\n", (unsigned)mask_from_protocols(set));
	return EXIT_OK;
}

const struct cmd_entry cmd_mask_entry = {
	"mask",
	"PROTOCOL...",
	"Prints the WinHTTP DefaultSecureProtocols / WinINet SecureProtocols\n"
	"value that enables exactly the given protocols.",
	"Protocols: ssl2 ssl3 tls1.0 tls1.1 tls1.2 tls1.3 (aliases such as\n"
	"tls12 or tlsv1.2 work too), separated by spaces or commas.\n"
	"Example: tlsgpo mask tls1.1 tls1.2   prints 0x00000A00\n",
	cmd_mask_exec
};
