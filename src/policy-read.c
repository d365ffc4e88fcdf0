#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <ini.h>

#include "buf.h"
#include "lint.h"
#include "policy.h"
#include "policy-int.h"
#include "xmalloc.h"

/*
 * The INI reader: a policy file through libinih into struct policy, with
 * the sections and keys of POLICY_KEYS; then lint.c's rules.
 */

#define POLICY_MAX_SIZE		(1024 * 1024)

static const char *const section_names[SEC_COUNT] = {
	"policy", "winhttp", "wininet", "dotnet", "schannel", "target", "gpo",
	"cipher-suites"
};

static const struct {
	enum section	 section;
	const char	*name;
	int		 required;
} keys[K_COUNT] = {
#define X(e, s, k, r) { s, k, r },
	POLICY_KEYS(X)
#undef X
};

static void
keys_allowed(enum section sec, char *out, size_t len)
{
	size_t	i, used = 0;
	int	n;

	out[0] = '\0';
	for (i = 0; i < K_COUNT; i++) {
		if (keys[i].section != sec)
			continue;
		n = snprintf(out + used, len - used, "%s%s",
		    used == 0 ? "" : ", ", keys[i].name);
		if (n < 0 || (size_t)n >= len - used)
			return;
		used += (size_t)n;
	}
}

int
policy_find_section(const char *name)
{
	int	i;

	for (i = 0; i < SEC_COUNT; i++) {
		if (strcmp(name, section_names[i]) == 0)
			return i;
	}
	return -1;
}

static int
policy_ini_handler(void *user, const char *section, const char *name,
    const char *value)
{
	struct loader	*l = user;
	char		 allowed[256];
	int		 sec, i;

	sec = policy_find_section(section);
	if (sec == -1) {
		/* Section headers were checked before parsing. */
		diag_error(l->d, l->line, "'%s' is outside any section; start "
		    "with [policy]", name);
		return 1;
	}
	for (i = 0; i < K_COUNT; i++) {
		if (keys[i].section == (enum section)sec &&
		    strcmp(keys[i].name, name) == 0)
			break;
	}
	if (i == K_COUNT && sec == SEC_SCHANNEL) {
		policy_set_schannel(l, name, value);
		return 1;
	}
	if (i == K_COUNT) {
		keys_allowed(sec, allowed, sizeof allowed);
		diag_error(l->d, l->line, "unknown key '%s' in [%s]; allowed: "
		    "%s", name, section, allowed);
		return 1;
	}
	if (l->indented && l->p->key_line[i] != 0 && policy_list_key(name)) {
		/* The pre-scan let this line through: the list goes on. */
		policy_set_crypto(l, i, value);
		return 1;
	}
	if (l->p->key_line[i] != 0) {
		diag_error(l->d, l->line, "duplicate key '%s' in [%s] (first "
		    "set on line %d)", name, section, l->p->key_line[i]);
		return 1;
	}
	l->p->key_line[i] = l->line;
	policy_set_key(l, i, value);
	return 1;
}

/* Hands libinih the next line, without its terminator or a BOM. */
static char *
policy_ini_reader(char *str, int num, void *stream)
{
	struct loader	*l = stream;
	size_t		 end, n;

	if (l->pos >= l->len)
		return NULL;
	for (end = l->pos; end < l->len && l->text[end] != '\n'; end++)
		;
	n = end - l->pos;
	if (n > 0 && l->text[l->pos + n - 1] == '\r')
		n--;
	l->indented = n > 0 && (l->text[l->pos] == ' ' ||
	    l->text[l->pos] == '\t');
	if (l->pos == 0 && n >= 3 && memcmp(l->text, "\xef\xbb\xbf", 3) == 0) {
		l->pos += 3;
		n -= 3;
	}
	/* The pre-scan refused longer lines; this only guards the copy. */
	if (n > (size_t)num - 1)
		n = (size_t)num - 1;
	memcpy(str, l->text + l->pos, n);
	str[n] = '\0';
	l->pos = end + 1;
	l->line++;
	return str;
}

static void
check_missing(struct loader *l)
{
	struct policy	*p = l->p;
	int		 i, sec;

	if (p->section_line[SEC_POLICY] == 0) {
		diag_error(l->d, 1, "missing section [policy] (with id, name "
		    "and version)");
		return;
	}
	for (i = 0; i < K_COUNT; i++) {
		sec = keys[i].section;
		if (!keys[i].required || p->section_line[sec] == 0 ||
		    p->key_line[i] != 0)
			continue;
		diag_error(l->d, p->section_line[sec], "[%s] is missing the "
		    "required key '%s'", section_names[sec], keys[i].name);
	}
}

static int
read_file(const char *path, struct buf *b, struct diags *d)
{
	FILE	*fp;
	char	 chunk[8192];
	size_t	 n;

	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (fp == NULL) {
		diag_error(d, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		buf_add(b, chunk, n);
		if (b->len > POLICY_MAX_SIZE) {
			diag_error(d, 0, "larger than %d bytes; this is not a "
			    "policy", POLICY_MAX_SIZE);
			break;
		}
	}
	if (ferror(fp))
		diag_error(d, 0, "read error: %s", strerror(errno));
	if (fp != stdin)
		fclose(fp);
	return d->errors == 0 ? 0 : -1;
}

int
policy_load(const char *path, struct policy *p, struct diags *d)
{
	struct loader	l;
	struct buf	text;
	int		rc;

	policy_init(p, path);
	buf_init(&text);
	if (read_file(path, &text, d) == -1) {
		buf_free(&text);
		return -1;
	}
	memset(&l, 0, sizeof l);
	l.p = p;
	l.d = d;
	l.text = text.data == NULL ? "" : text.data;
	l.len = text.len;

	policy_prescan(&l);
	if (d->errors == 0) {
		rc = ini_parse_stream(policy_ini_reader, &l, policy_ini_handler, &l);
		if (rc > 0 && d->errors == 0)
			diag_error(d, rc, "syntax error");
		else if (rc < 0)
			diag_error(d, 0, "the INI library failed (%d)", rc);
	}
	if (d->errors == 0)
		check_missing(&l);
	if (d->errors == 0)
		policy_check_names(p, d);
	if (d->errors == 0)
		lint_policy(p, d);
	if (d->errors == 0 && p->gpo_name == NULL)
		p->gpo_name = xstrdup(p->name);
	buf_free(&text);
	return d->errors == 0 ? 0 : -1;
}
