/*
 * The readers of `tlsgpo check`: a machine file that is a .reg export
 * (UTF-16 or 8-bit), a Registry.pol (by its PReg signature) or a backup's
 * state.txt ("# tlsgpo"), audited against a fixed policy whose plan has
 * HKLM values in both views, SCHANNEL and .NET keys and an HKCU value.
 * The input is given twice: as machine.reg, and as User/Registry.pol (so
 * that a PReg file is read as the user hive). Contract: exit 0 (compliant),
 * 1 (drift) or 2 (unreadable); on 2 a FILE:LINE: or FILE:OFFSET: message
 * (FILE: alone only for an empty file), and every stderr line names the
 * file; no message unless unreadable.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static const char policy[] =
    "[policy]\n"
    "id = fz\n"
    "name = Fuzz\n"
    "version = 1.0\n"
    "[winhttp]\n"
    "protocols = tls1.2, tls1.3\n"
    "[wininet]\n"
    "protocols = tls1.2\n"
    "scope = user\n"
    "[schannel]\n"
    "ssl3 = disabled\n"
    "tls1.0 = disabled\n"
    "tls1.2 = enabled\n"
    "[dotnet]\n"
    "strong-crypto = on\n"
    "system-default-tls = on\n"
    "[target]\n"
    "os = server2022\n";

static void
one(const char *pol, const char *machine, const char *name)
{
	char		*argv[5];
	const char	*err;
	int		 rc;

	argv[0] = (char *)"check";
	argv[1] = (char *)"--policy-only";
	argv[2] = (char *)pol;
	argv[3] = (char *)machine;
	argv[4] = NULL;
	rc = fuzz_run(&cmd_check_entry, argv, &err);
	if (rc != EXIT_OK && rc != EXIT_CHECK && rc != EXIT_INPUT)
		fuzz_fail(err, "check exited %d", rc);
	if (rc != EXIT_INPUT && err[0] != '\0')
		fuzz_fail(err, "check exited %d with messages", rc);
	/* A file with nothing in it has no line to name. */
	fuzz_expect_messages(err, name, NULL, rc == EXIT_INPUT &&
	    strstr(err, ": empty") == NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char	*pol, *reg, *user, *userpol;

	if (pol == NULL) {
		pol = fuzz_path("policy.ini");
		fuzz_write(pol, (const uint8_t *)policy, sizeof policy - 1);
		reg = fuzz_path("machine.reg");
		user = fuzz_path("User");
		userpol = fuzz_path("User/Registry.pol");
		mkdir(user, 0700);
	}
	fuzz_write(reg, data, size);
	one(pol, reg, reg);
	if (size >= 4 && memcmp(data, "PReg", 4) == 0) {
		fuzz_write(userpol, data, size);
		one(pol, userpol, userpol);
	}
	return 0;
}
