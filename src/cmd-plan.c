#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "buf.h"
#include "cmd.h"
#include "plan.h"

static int
cmd_plan_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "rollback", no_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct policy	p;
	struct diags	d;
	struct plan	pl, inv;
	struct buf	out;
	int		ch, json = 0, rollback = 0, rc = EXIT_OK;

	while ((ch = getopt_long(argc, argv, "jrh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'r':
			rollback = 1;
			break;
		case 'h':
			cmd_print_help(&cmd_plan_entry, stdout);
			return EXIT_OK;
		default:
			return cmd_usage_error(&cmd_plan_entry, "bad option");
		}
	}
	if (argc - optind != 1)
		return cmd_usage_error(&cmd_plan_entry, "give one policy file");
	if (cmd_load_policy(argv[optind], &p, &d) == -1) {
		rc = EXIT_INPUT;
		goto out;
	}
	plan_build(&p, &pl);
	plan_inverse(&pl, &inv);
	buf_init(&out);
	if (json)
		plan_write_json(&pl, &inv, &out);
	else {
		plan_write_table(rollback ? &inv : &pl, &out);
		if (!rollback)
			plan_write_suites(&pl, &out);
	}
	fwrite(out.data, 1, out.len, stdout);
	buf_free(&out);
	plan_free(&inv);
	plan_free(&pl);
out:
	diags_free(&d);
	policy_free(&p);
	return rc;
}

const struct cmd_entry cmd_plan_entry = {
	"plan",
	"[--json] [--rollback] POLICY",
	"Prints the registry plan: every value the package sets, in order,\n"
	"with its key, view, type and data, and the policy line it comes from.",
	"  --rollback   print the inverse plan (what rollback.reg deletes)\n"
	"  --json       print both plans as one JSON document\n",
	cmd_plan_exec
};
