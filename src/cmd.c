#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"

const struct cmd_entry *const cmd_table[] = {
	&cmd_build_entry,
	&cmd_plan_entry,
	&cmd_lint_entry,
	&cmd_mask_entry,
	&cmd_decode_entry,
	&cmd_decode_pol_entry,
	&cmd_validate_entry,
	&cmd_check_entry,
	NULL
};

const struct cmd_entry *
cmd_find(const char *name)
{
	const struct cmd_entry *const	*c;

	for (c = cmd_table; *c != NULL; c++) {
		if (strcmp((*c)->name, name) == 0)
			return *c;
	}
	return NULL;
}

void
cmd_print_help(const struct cmd_entry *c, FILE *fp)
{
	fprintf(fp, "usage: tlsgpo %s %s\n\n%s\n", c->name, c->usage,
	    c->summary);
	if (c->help != NULL && *c->help != '\0')
		fprintf(fp, "\n%s", c->help);
}

int
cmd_usage_error(const struct cmd_entry *c, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "tlsgpo %s: ", c->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: tlsgpo %s %s\n", c->name, c->usage);
	return EXIT_INPUT;
}

int
cmd_is_help(int argc, char **argv)
{
	int	i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	}
	return 0;
}

int
cmd_load_policy(const char *path, struct policy *p, struct diags *d)
{
	int	rc;

	diags_init(d, strcmp(path, "-") == 0 ? "<stdin>" : path);
	rc = policy_load(path, p, d);
	diags_print(d, stderr);
	return rc;
}
