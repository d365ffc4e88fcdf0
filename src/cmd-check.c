#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "check-int.h"
#include "cmd.h"
#include "plan.h"

/*
 * tlsgpo check POLICY MACHINE...: what exported registry state says about
 * each of the policy's values. A machine is a file (.reg export or
 * Registry.pol) or a directory of them, merged in name order; "-" is
 * standard input.
 */

/*
 * The options into *json, *verbose and *policy_only: -1 to go on, or the
 * exit status of --help or of a usage error.
 */
static int
check_options(int argc, char **argv, int *json, int *verbose,
    int *policy_only)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "policy-only", no_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	size_t	i;
	int	ch;

	while ((ch = getopt_long(argc, argv, "jvph", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			*json = 1;
			break;
		case 'v':
			*verbose = 1;
			break;
		case 'p':
			*policy_only = 1;
			break;
		case 'h':
			cmd_print_help(&cmd_check_entry, stdout);
			return EXIT_OK;
		default:
			return cmd_usage_error(&cmd_check_entry, "bad option");
		}
	}
	if (argc - optind < 2)
		return cmd_usage_error(&cmd_check_entry, "give a policy and at "
		    "least one machine (a file or a directory of exports)");
	for (i = (size_t)optind, ch = 0; i < (size_t)argc; i++)
		ch += strcmp(argv[i], "-") == 0;
	if (ch > 1)
		return cmd_usage_error(&cmd_check_entry, "standard input (-) "
		    "can be read once");
	return -1;
}

/*
 * Machine i of nm: read, its messages on standard error (past the
 * progress line, when there is one), judged, and its report written.
 */
static void
check_machine(struct checker *c, const char *arg, size_t i, size_t nm,
    int progress, struct buf *out)
{
	struct machine	 m;

	read_machine(c, &m, arg);
	if (progress && m.errors.len > 0)
		fputs("\r\033[K", stderr);
	print_errors(&m.errors);
	if (progress)
		fprintf(stderr, "\rtlsgpo check: %zu of %zu machines", i + 1,
		    nm);
	machine_judge(c, &m);
	if (c->json)
		print_json(c, &m, i == 0, out);
	else
		print_text(c, &m, out);
	/* Stream: a fleet's report need not fit in memory. */
	fwrite(out->data == NULL ? "" : out->data, 1, out->len, stdout);
	out->len = 0;
	machine_free(&m);
}

static int
cmd_check_exec(int argc, char **argv)
{
	struct policy	 p;
	struct diags	 d;
	struct plan	 pl;
	struct checker	 c;
	struct buf	 out;
	size_t		 i, nm;
	int		 json = 0, verbose = 0, policy_only = 0, rc;
	int		 progress;

	rc = check_options(argc, argv, &json, &verbose, &policy_only);
	if (rc != -1)
		return rc;
	/* The policy's warnings are for its author (lint), not its audit. */
	diags_init(&d, strcmp(argv[optind], "-") == 0 ? "<stdin>" :
	    argv[optind]);
	if (policy_load(argv[optind], &p, &d) == -1) {
		diags_print(&d, stderr);
		diags_free(&d);
		policy_free(&p);
		return EXIT_INPUT;
	}
	plan_build(&p, &pl);
	checker_init(&c, &pl);
	c.verbose = verbose;
	c.policy_only = policy_only;
	c.json = json;
	nm = (size_t)(argc - optind - 1);
	progress = nm > 1 && isatty(2);
	buf_init(&out);
	if (json)
		print_json_head(&c, &p, &out);
	for (i = 0; i < nm; i++)
		check_machine(&c, argv[optind + 1 + (int)i], i, nm, progress,
		    &out);
	if (progress)
		fputs("\r\033[K", stderr);
	print_summary(&c, nm, &out);
	fwrite(out.data == NULL ? "" : out.data, 1, out.len, stdout);
	buf_free(&out);
	rc = c.unreadable > 0 ? EXIT_INPUT : c.drifting > 0 ? EXIT_CHECK :
	    EXIT_OK;
	checker_free(&c);
	plan_free(&pl);
	diags_free(&d);
	policy_free(&p);
	return rc;
}

const struct cmd_entry cmd_check_entry = {
	"check",
	"[--json] [--verbose] [--policy-only] POLICY MACHINE...",
	"Audits exported machine state against the policy. A MACHINE is a\n"
	"file, or a directory whose *.reg, *.pol and state.txt files (and\n"
	"Machine/ and User/Registry.pol) are merged in name order, named\n"
	"after the directory; each a .reg export (regedit /e, reg export:\n"
	"UTF-16 or 8-bit), a Registry.pol (in a User folder:\n"
	"HKEY_CURRENT_USER) or an apply script's backup state.txt (the state\n"
	"before apply; only of this policy's plan); - is standard input.\n"
	"Per value: ok, missing, wrong value, wrong type, or not covered\n"
	"(neither the key nor an ancestor is in the export); per machine one\n"
	"line; for a fleet a summary with the values that drift most. Exit\n"
	"status 0 when every machine is compliant, 1 on any drift (not\n"
	"covered counts, unless --policy-only), 2 when an input could not be\n"
	"read (FILE:LINE: message; FILE:OFFSET for Registry.pol), the other\n"
	"machines still checked.",
	"  --json         one JSON document: per machine, per value, a summary\n"
	"  --verbose      list the values that are ok too\n"
	"  --policy-only  judge only the values the exports cover\n",
	cmd_check_exec
};
