#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "cmd.h"
#include "plan.h"

static int
cmd_lint_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "strict", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct policy	p;
	struct diags	d;
	struct plan	pl;
	size_t		warnings;
	int		ch, i, strict = 0, rc = EXIT_OK;

	while ((ch = getopt_long(argc, argv, "sh", longopts, NULL)) != -1) {
		switch (ch) {
		case 's':
			strict = 1;
			break;
		case 'h':
			cmd_print_help(&cmd_lint_entry, stdout);
			return EXIT_OK;
		default:
			return cmd_usage_error(&cmd_lint_entry, "bad option");
		}
	}
	if (argc == optind)
		return cmd_usage_error(&cmd_lint_entry, "give a policy file");
	for (i = optind; i < argc; i++) {
		if (cmd_load_policy(argv[i], &p, &d) == -1) {
			rc = EXIT_INPUT;
		} else {
			plan_build(&p, &pl);
			warnings = d.n - d.errors;
			printf("%s: ok, %zu registry value%s, %zu warning%s\n",
			    argv[i], pl.n, pl.n == 1 ? "" : "s", warnings,
			    warnings == 1 ? "" : "s");
			if (strict && warnings != 0 && rc == EXIT_OK)
				rc = EXIT_CHECK;
			plan_free(&pl);
		}
		diags_free(&d);
		policy_free(&p);
	}
	return rc;
}

const struct cmd_entry cmd_lint_entry = {
	"lint",
	"[--strict] POLICY...",
	"Checks policy files and prints every error and warning as\n"
	"FILE:LINE: message. Exit status 2 if any policy has an error.",
	"  --strict     exit status 1 when there are warnings\n",
	cmd_lint_exec
};
