/*
 * `tlsgpo validate` on an ADMX/ADML pair, as the binary runs it (no
 * --schema: the schema check is libxml2's own code; what is fuzzed here
 * is tlsgpo's reading of the documents: string and presentation
 * references, categories, ids). The input is the ADMX, the separator
 * line below, and the en-US ADML. Contract: exit 0 or 1, every stderr
 * line names one of the two files, exit 1 only with a message.
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

#define SEP	"\n=====ADML=====\n"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char	*dir, *admx, *adml;
	const uint8_t	*sep;
	const char	*err;
	char		*argv[3];
	size_t		 seplen = sizeof SEP - 1;
	int		 rc;

	if (dir == NULL) {
		dir = fuzz_path("PolicyDefinitions");
		admx = fuzz_path("PolicyDefinitions/tlsgpo_x.admx");
		adml = fuzz_path("PolicyDefinitions/en-US/tlsgpo_x.adml");
		mkdir(dir, 0700);
		*strrchr(adml, '/') = '\0';
		mkdir(adml, 0700);
		adml[strlen(adml)] = '/';
	}
	/* One memmem, not a memcmp per byte (each one a libFuzzer hook). */
	sep = memmem(data, size, SEP, seplen);
	if (sep == NULL) {
		fuzz_write(admx, data, size);
		fuzz_write(adml, (const uint8_t *)"", 0);
	} else {
		fuzz_write(admx, data, (size_t)(sep - data));
		fuzz_write(adml, sep + seplen, size - (size_t)(sep - data) -
		    seplen);
	}
	argv[0] = (char *)"validate";
	argv[1] = dir;
	argv[2] = NULL;
	rc = fuzz_run(&cmd_validate_entry, argv, &err);
	if (rc != EXIT_OK && rc != EXIT_CHECK)
		fuzz_fail(err, "validate exited %d", rc);
	if (rc == EXIT_CHECK && err[0] == '\0')
		fuzz_fail(err, "validate exited 1 and said nothing");
	if (rc == EXIT_OK && err[0] != '\0')
		fuzz_fail(err, "validate exited 0 with messages");
	fuzz_expect_messages(err, admx, adml, 0);
	return 0;
}
