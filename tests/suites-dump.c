/*
 * suites-dump: prints src/os-suites*.c's tables for tests/suites-facts.sh,
 * which compares them with the TSV files of docs/research/cipher-suites.
 *
 *   suites-dump pages	page, position, suite, default|other (per list)
 *   suites-dump suites	suite, protocols (Microsoft's order), fields
 *   suites-dump targets	target, page count, pages, and whether each
 *			page's builds meet the target's
 *   suites-dump find	stdin's names: the suite cs_suite_find gives, or -
 *   suites-dump curve	stdin's names: cs_curve_find's answer, or -
 *   suites-dump curves	page, default|supported, curve (per list)
 *   suites-dump has-curve PAGE	stdin's names: 1 or 0
 *   suites-dump keys	cipher|hash|kx, a legacy SCHANNEL key name
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "os.h"
#include "suites.h"

static void
dump_list(const struct cs_page *p, const unsigned short *l)
{
	const struct cs_suite *s;
	size_t i;

	for (i = 0; l[i] != CS_END; i++) {
		s = &cs_suites[l[i]];
		printf("%s\t%zu\t%s\t%s\n", p->id, i + 1, s->name,
		    cs_page_default(p, s) ? "default" :
		    cs_page_has(p, s) ? "other" : "missing");
	}
}

static void
dump_suites(void)
{
	static const char *kx[] = { "none", "rsa", "dhe", "ecdhe", "psk" };
	static const char *auth[] = { "none", "rsa", "dss", "ecdsa", "psk" };
	const struct cs_suite *s;
	size_t i;
	int p, n;

	for (i = 0; i < cs_suite_count; i++) {
		s = &cs_suites[i];
		printf("%s\t", s->name);
		for (n = 0, p = PROTO_TLS13; p >= PROTO_SSL2; p--)
			if (s->protocols & (1U << p))
				printf("%s%s", n++ ? ", " : "",
				    protocols[p].display);
		printf("\t%s\t%s\t%s\t%s\t%s\t%d\t%u\t%s\n", kx[s->kx],
		    auth[s->auth], s->cipher ? s->cipher : "-",
		    s->hash ? s->hash : "-", s->kx_key ? s->kx_key : "-",
		    s->aead, s->curve, s->display_cipher);
	}
}

static void
dump_targets(void)
{
	const struct cs_page *pages[32];
	const struct os_target *t;
	size_t i, j, n;

	for (i = 0; i < os_target_count; i++) {
		t = &os_targets[i];
		n = cs_pages_for_target(t, pages, 32);
		printf("%s\t%zu", t->name, n);
		for (j = 0; j < n && j < 32; j++)
			printf("\t%s:%s", pages[j]->id,
			    pages[j]->build_min <= t->build_max &&
			    pages[j]->build_max >= t->build_min ? "meets" :
			    "misses");
		printf("\n");
	}
}

static void
dump_curves(void)
{
	const struct cs_page *p;
	size_t i, j;

	for (i = 0; i < cs_page_count; i++) {
		p = &cs_pages[i];
		for (j = 0; p->curves_default && p->curves_default[j]; j++)
			printf("%s\tdefault\t%s\n", p->id, p->curves_default[j]);
		for (j = 0; p->curves_supported && p->curves_supported[j]; j++)
			printf("%s\tsupported\t%s\n", p->id,
			    p->curves_supported[j]);
	}
}

static void
dump_keys(const char *kind, const char *const *keys)
{
	size_t i;

	for (i = 0; keys[i] != NULL; i++)
		printf("%s\t%s\n", kind, keys[i]);
}

static int
each_line(const char *mode, const char *arg)
{
	const struct cs_suite *s;
	const struct cs_page *p = NULL;
	const char *c;
	char line[256];

	if (arg != NULL && (p = cs_page_find(arg)) == NULL)
		return 1;
	while (fgets(line, sizeof line, stdin) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (strcmp(mode, "find") == 0) {
			s = cs_suite_find(line);
			puts(s ? s->name : "-");
		} else if (strcmp(mode, "curve") == 0) {
			c = cs_curve_find(line);
			puts(c ? c : "-");
		} else
			printf("%d\n", cs_page_has_curve(p, line));
	}
	return 0;
}

int
main(int argc, char **argv)
{
	size_t i;

	if (argc < 2)
		return 2;
	if (strcmp(argv[1], "pages") == 0) {
		for (i = 0; i < cs_page_count; i++) {
			dump_list(&cs_pages[i], cs_pages[i].defaults);
			dump_list(&cs_pages[i], cs_pages[i].others);
		}
	} else if (strcmp(argv[1], "suites") == 0)
		dump_suites();
	else if (strcmp(argv[1], "targets") == 0)
		dump_targets();
	else if (strcmp(argv[1], "curves") == 0)
		dump_curves();
	else if (strcmp(argv[1], "keys") == 0) {
		dump_keys("cipher", cs_cipher_keys);
		dump_keys("hash", cs_hash_keys);
		dump_keys("kx", cs_kx_keys);
	}
	else if (strcmp(argv[1], "find") == 0 || strcmp(argv[1], "curve") == 0)
		return each_line(argv[1], NULL);
	else if (strcmp(argv[1], "has-curve") == 0 && argc == 3)
		return each_line(argv[1], argv[2]);
	else
		return 2;
	return 0;
}
