#include "config.h"

#include <sys/stat.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "cmd.h"
#include "diag.h"
#include "plan.h"
#include "policy.h"
#include "validate.h"
#include "xmalloc.h"

/*
 * tlsgpo validate DIR: every .admx and .adml below DIR (validate-admx.c),
 * and every GPO backup below DIR, a folder with bkupInfo.xml
 * (validate-backup.c).
 */

/* SCHEMA_DIR/PolicyDefinitionFiles.xsd, or NULL after saying why. */
static xmlSchemaPtr
load_schema(const char *dir)
{
	xmlSchemaParserCtxtPtr	 pc;
	xmlSchemaPtr		 schema;
	char			*xsd;

	xsd = xasprintf("%s/PolicyDefinitionFiles.xsd", dir);
	pc = xmlSchemaNewParserCtxt(xsd);
	schema = pc != NULL ? xmlSchemaParse(pc) : NULL;
	if (pc != NULL)
		xmlSchemaFreeParserCtxt(pc);
	if (schema == NULL)
		fprintf(stderr, "tlsgpo validate: %s: cannot read the schema\n",
		    xsd);
	free(xsd);
	return schema;
}

/* Every ADMX and backup below dir; the summary when all is well. */
static int
validate_dir(const char *dir, xmlSchemaPtr schema, const struct plan *pl)
{
	struct vctx	 v = { 0, 0, NULL };
	struct names	 admx = { 0 };
	size_t		 i, nbackups;
	char		 warned[32];

	xmlSetStructuredErrorFunc(&v, vxml_error);
	find_files(dir, ".admx", 0, &admx);
	for (i = 0; i < admx.n; i++)
		validate_admx(&v, admx.v[i], schema);
	nbackups = validate_backups(&v, dir, pl);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (admx.n == 0 && nbackups == 0) {
		fprintf(stderr, "tlsgpo validate: %s: no .admx file and no GPO "
		    "backup (bkupInfo.xml) below it\n", dir);
		v.errors++;
	}
	if (pl != NULL && nbackups == 0) {
		fprintf(stderr, "tlsgpo validate: %s: --policy given, but no GPO "
		    "backup below it\n", dir);
		v.errors++;
	}
	snprintf(warned, sizeof warned, "; %d warning%s", v.warnings,
	    v.warnings == 1 ? "" : "s");
	if (v.errors == 0)
		printf("%s: %zu ADMX file%s valid%s; %zu GPO backup%s valid%s%s"
		    "\n", dir, admx.n, admx.n == 1 ? "" : "s", schema != NULL ?
		    " (schema and references)" : " (references; no schema "
		    "given)", nbackups, nbackups == 1 ? "" : "s", pl != NULL ?
		    " (and the policy's values)" : "", v.warnings == 0 ? "" :
		    warned);
	names_free(&admx);
	return v.errors == 0 ? EXIT_OK : EXIT_CHECK;
}

static int
cmd_validate_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "schema", required_argument, NULL, 's' },
		{ "policy", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct policy		 pol;
	struct plan		 pl;
	struct diags		 d;
	struct stat		 sb;
	const char		*policy_file = NULL, *schema_dir = NULL;
	xmlSchemaPtr		 schema = NULL;
	int			 ch, rc;

	while ((ch = getopt_long(argc, argv, "s:p:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 's':
			schema_dir = optarg;
			break;
		case 'p':
			policy_file = optarg;
			break;
		case 'h':
			cmd_print_help(&cmd_validate_entry, stdout);
			return EXIT_OK;
		default:
			return cmd_usage_error(&cmd_validate_entry,
			    "bad option");
		}
	}
	if (argc - optind != 1)
		return cmd_usage_error(&cmd_validate_entry, "give one "
		    "directory");
	if (stat(argv[optind], &sb) == -1 || !S_ISDIR(sb.st_mode)) {
		fprintf(stderr, "tlsgpo validate: %s: not a directory\n",
		    argv[optind]);
		return EXIT_INPUT;
	}
	if (policy_file != NULL) {
		diags_init(&d, policy_file);
		if (policy_load(policy_file, &pol, &d) == -1) {
			diags_print(&d, stderr);
			diags_free(&d);
			policy_free(&pol);
			return EXIT_INPUT;
		}
		diags_free(&d);
		plan_build(&pol, &pl);
	}
	if (schema_dir != NULL && (schema = load_schema(schema_dir)) == NULL)
		rc = EXIT_INPUT;
	else
		rc = validate_dir(argv[optind], schema, policy_file != NULL ?
		    &pl : NULL);
	if (schema != NULL)
		xmlSchemaFree(schema);
	if (policy_file != NULL) {
		plan_free(&pl);
		policy_free(&pol);
	}
	return rc;
}

const struct cmd_entry cmd_validate_entry = {
	"validate",
	"[--schema SCHEMA_DIR] [--policy POLICY] DIR",
	"Checks every .admx and .adml below DIR: against Microsoft's ADMX\n"
	"schema (PolicyDefinitionFiles.xsd in SCHEMA_DIR) when --schema is\n"
	"given, and always for what the schema cannot see: every $(string.X)\n"
	"and $(presentation.X) resolves in every ADML, every parent category\n"
	"exists, ids are unique, every ADML has the en-US ids. And every GPO\n"
	"backup below DIR (a {GUID} folder with bkupInfo.xml), as GPMC\n"
	"writes them, names in any case: well-formed XML in GPMC's\n"
	"namespaces, ID = folder name, every bkp:Location exists and every\n"
	"file under DomainSysvol is listed, the extension GUIDs match the\n"
	"files, registry.pol parses, Registry.xml items are whole\n"
	"([MS-GPPREF]; tlsgpo's own rules for its backups and with\n"
	"--policy), gpreport.xml names the GPO, and the values are the\n"
	"package's Registry.pol values, or with --policy exactly the\n"
	"policy's as [gpo] mode splits them. A listed folder that is not\n"
	"there (copies such as git's drop empty ones), no manifest.xml and\n"
	"no gpreport.xml are warnings. Messages are FILE:LINE: message or\n"
	"FILE:LINE: warning: message (registry.pol: FILE:BYTE-OFFSET); exit\n"
	"status 1 when anything is wrong, 2 for a bad --policy.",
	"  --schema DIR     the folder holding PolicyDefinitionFiles.xsd\n"
	"  --policy POLICY  compare the backup's values with this policy's\n",
	cmd_validate_exec
};
