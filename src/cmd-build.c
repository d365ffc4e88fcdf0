#include "config.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "emitter.h"
#include "package.h"
#include "plan.h"

/* What --reg-encoding accepts: "utf-16" is another name for utf16. */
static const struct {
	const char		*name;
	enum text_encoding	 encoding;
} reg_encodings[] = {
	{ "utf16", ENC_UTF16LE_BOM },
	{ "utf-16", ENC_UTF16LE_BOM },
	{ "ascii", ENC_ASCII },
};

/* The encoding --reg-encoding=name asks for, or -1. */
static int
reg_encoding_find(const char *name, enum text_encoding *enc)
{
	size_t	i;

	for (i = 0; i < sizeof reg_encodings / sizeof reg_encodings[0]; i++) {
		if (strcmp(name, reg_encodings[i].name) == 0) {
			*enc = reg_encodings[i].encoding;
			return 0;
		}
	}
	return -1;
}

static int
cmd_build_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'f' },
		{ "reg-encoding", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct policy	 p;
	struct diags	 d;
	struct plan	 pl, inv;
	struct package	 pkg;
	struct emit_ctx	 ctx;
	const char	*outdir = NULL;
	char		 err[4 * PATH_MAX + 512];
	int		 ch, force = 0, rc = EXIT_OK;

	memset(&ctx, 0, sizeof ctx);
	ctx.reg_encoding = ENC_UTF16LE_BOM;
	while ((ch = getopt_long(argc, argv, "o:fh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			outdir = optarg;
			break;
		case 'f':
			force = 1;
			break;
		case 'e':
			if (reg_encoding_find(optarg, &ctx.reg_encoding) == -1)
				return cmd_usage_error(&cmd_build_entry,
				    "bad --reg-encoding '%s'; allowed: utf16, "
				    "ascii", optarg);
			break;
		case 'h':
			cmd_print_help(&cmd_build_entry, stdout);
			return EXIT_OK;
		default:
			return cmd_usage_error(&cmd_build_entry, "bad option");
		}
	}
	if (argc - optind != 1)
		return cmd_usage_error(&cmd_build_entry, "give one policy file");
	if (outdir == NULL || *outdir == '\0')
		return cmd_usage_error(&cmd_build_entry, "give the output "
		    "directory with -o DIR");
	if (cmd_load_policy(argv[optind], &p, &d) == -1) {
		diags_free(&d);
		policy_free(&p);
		return EXIT_INPUT;
	}
	plan_build(&p, &pl);
	plan_inverse(&pl, &inv);
	ctx.plan = &pl;
	ctx.inverse = &inv;
	ctx.warnings = &d;
	package_render(&ctx, &pkg);
	switch (package_write(&pkg, outdir, force, err, sizeof err)) {
	case 0:
		printf("%s: %zu files, %zu registry values\n", outdir, pkg.n,
		    pl.n);
		break;
	case 1:
		fprintf(stderr, "tlsgpo build: %s\n", err);
		rc = EXIT_INPUT;
		break;
	default:
		fprintf(stderr, "tlsgpo build: %s\n", err);
		rc = EXIT_SYSTEM;
		break;
	}
	package_free(&pkg);
	plan_free(&inv);
	plan_free(&pl);
	diags_free(&d);
	policy_free(&p);
	return rc;
}

const struct cmd_entry cmd_build_entry = {
	"build",
	"[--force] [--reg-encoding=utf16|ascii] -o DIR POLICY",
	"Writes the change package for POLICY into the new directory DIR:\n"
	"README.txt, MANIFEST.sha256, reg/ (apply.reg, rollback.reg), scripts/\n"
	"(apply, rollback, detect as .ps1 and .cmd), gpo/ (ADMX/ADML templates,\n"
	"Registry.pol and its rollback, LGPO text). The package is built beside\n"
	"DIR and renamed into place: on any error nothing is written.",
	"  -o, --output DIR       the package directory (must not exist)\n"
	"  -f, --force            replace DIR if it is an earlier package\n"
	"                         (it holds MANIFEST.sha256) or empty\n"
	"  --reg-encoding=utf16   .reg files as regedit writes them: UTF-16LE\n"
	"                         with BOM, CRLF (the default)\n"
	"  --reg-encoding=ascii   .reg files as ASCII, CRLF; other characters\n"
	"                         in comments become <U+XXXX>\n",
	cmd_build_exec
};
