/*
 * tlsgpo: one TLS policy in, a Windows change package out.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cmd.h"

static void
usage(FILE *fp)
{
	const struct cmd_entry *const	*c;

	fputs("usage: tlsgpo [--version] [--help] COMMAND [ARGS]\n\n"
	    "Turns one INI policy of allowed TLS/SSL protocols into a Windows\n"
	    "change package: .reg files, apply/rollback/detect scripts that\n"
	    "restore the exact prior state, Group Policy templates, Registry.pol.\n\n"
	    "Commands:\n", fp);
	for (c = cmd_table; *c != NULL; c++)
		fprintf(fp, "  %-7s %s\n", (*c)->name, (*c)->usage);
	fputs("\nRun 'tlsgpo COMMAND --help' for a command's options, and see\n"
	    "tlsgpo(1) for the policy format.\n\n"
	    "Exit status: 0 ok, 1 a check failed, 2 usage or input error\n"
	    "(nothing written), 3 the output could not be written.\n", fp);
}

int
main(int argc, char **argv)
{
	const struct cmd_entry	*c;

	if (argc < 2) {
		usage(stderr);
		return EXIT_INPUT;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("tlsgpo %s\n", PACKAGE_VERSION);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "help") == 0) {
		if (argc == 2) {
			usage(stdout);
			return EXIT_OK;
		}
		if ((c = cmd_find(argv[2])) == NULL) {
			fprintf(stderr, "tlsgpo: unknown command '%s'; run "
			    "'tlsgpo --help'\n", argv[2]);
			return EXIT_INPUT;
		}
		cmd_print_help(c, stdout);
		return EXIT_OK;
	}
	if ((c = cmd_find(argv[1])) == NULL) {
		fprintf(stderr, "tlsgpo: unknown command '%s'; run "
		    "'tlsgpo --help'\n", argv[1]);
		return EXIT_INPUT;
	}
	return c->exec(argc - 1, argv + 1);
}
