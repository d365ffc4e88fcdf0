#include "config.h"

#include <stdint.h>
#include <string.h>

#include <ini.h>

#include "policy.h"
#include "policy-int.h"
#include "utf8.h"

/*
 * The pre-scan: the whole text, line by line, before libinih parses it
 * (prescan_line says what it looks for, and why).
 */

/*
 * libinih reads into a buffer of INI_MAX_LINE bytes (200 in Debian's
 * build) and, without INI_ALLOW_REALLOC, splits a longer line silently.
 * Our reader (policy-read.c) hands it one line without its terminator, so
 * a line may hold INI_MAX_LINE - 1 bytes.
 */
#define LINE_MAX_BYTES		(INI_MAX_LINE - 1)

static const char *
skip_space(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	return s;
}

/*
 * The characters of a line: UTF-8 text without NUL, control characters or
 * noncharacters. 1 after adding an error, else 0.
 */
static int
prescan_chars(struct loader *l, int line, const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 i, k;

	for (i = 0; i < n; i += k) {
		if (u[i] == '\0') {
			diag_error(l->d, line, "NUL byte at column %zu; a "
			    "policy is UTF-8 text", i + 1);
			return 1;
		}
		k = utf8_decode(u + i, n - i, &cp);
		if (k == 0) {
			diag_error(l->d, line, "invalid UTF-8 at column %zu "
			    "(byte 0x%02X); save the policy as UTF-8", i + 1,
			    u[i]);
			return 1;
		}
		if ((cp < 0x20 && cp != '\t') || cp == 0x7f ||
		    (cp >= 0x80 && cp < 0xa0) || cp == 0x2028 ||
		    cp == 0x2029) {
			diag_error(l->d, line, "control character U+%04X at "
			    "column %zu is not allowed", (unsigned)cp, i + 1);
			return 1;
		}
		/*
		 * Unicode's noncharacters (U+FDD0..U+FDEF, U+xFFFE and
		 * U+xFFFF): XML cannot hold U+FFFE or U+FFFF (XML 1.0,
		 * production 2, Char), and none is text for a name.
		 */
		if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe) {
			diag_error(l->d, line, "U+%04X at column %zu is not a "
			    "character (a Unicode noncharacter)", (unsigned)cp,
			    i + 1);
			return 1;
		}
	}
	return 0;
}

/*
 * A section header, the line S..E starting with '[': one known section,
 * once, with nothing but a comment after it. Returns the number of errors
 * added.
 */
static size_t
prescan_section(struct loader *l, int line, const char *s, const char *e,
    int seen[SEC_COUNT])
{
	const char	*c = s, *close;
	char		 name[32];
	size_t		 k, before = l->d->errors;
	int		 sec;

	close = memchr(c, ']', (size_t)(e - c));
	if (close == NULL) {
		diag_error(l->d, line, "section header without ']'");
		return 1;
	}
	k = (size_t)(close - c - 1);
	c = skip_space(close + 1, e);
	if (c != e && *c != ';' && *c != '#') {
		diag_error(l->d, line, "text after the section header");
		return 1;
	}
	if (k >= sizeof name)
		k = sizeof name - 1;
	memcpy(name, s + 1, k);
	name[k] = '\0';
	sec = policy_find_section(name);
	if (sec == -1) {
		diag_error(l->d, line, "unknown section [%s]; allowed: [policy], "
		    "[winhttp], [wininet], [dotnet], [schannel], [target], "
		    "[gpo], [cipher-suites]", name);
		return 1;
	}
	if (seen[sec] != 0) {
		diag_error(l->d, line, "section [%s] appears twice (first on "
		    "line %d); put its keys together", name, seen[sec]);
		return 1;
	}
	seen[sec] = line;
	l->p->section_line[sec] = line;
	return l->d->errors - before;
}

/* Whether the key before EQ (a line's start) may go on over lines. */
static int
key_is_list(const char *s, const char *eq)
{
	char	name[32];
	size_t	n;

	while (eq > s && (eq[-1] == ' ' || eq[-1] == '\t'))
		eq--;
	n = (size_t)(eq - s);
	if (n >= sizeof name)
		return 0;
	memcpy(name, s, n);
	name[n] = '\0';
	return policy_list_key(name);
}

/*
 * Checks what libinih would either accept silently or misread: bytes that
 * are not UTF-8 text, control characters, overlong lines, indented lines
 * (read as continuations), and section headers. Returns the number of
 * errors added.
 */
static size_t
prescan_line(struct loader *l, int line, const char *s, size_t n,
    int seen[SEC_COUNT])
{
	const char	*e = s + n, *c;

	if (prescan_chars(l, line, s, n))
		return 1;
	if (n > LINE_MAX_BYTES) {
		diag_error(l->d, line, "line is too long (%zu bytes; at most "
		    "%d: the INI library cuts longer lines)", n,
		    LINE_MAX_BYTES);
		return 1;
	}
	c = skip_space(s, e);
	if (c == e || *c == ';' || *c == '#')
		return 0;
	if (c != s && l->list_open)
		return 0;
	if (c != s) {
		diag_error(l->d, line, "indented line: the INI library would "
		    "join it to the value above; remove the indentation "
		    "(only a list of names may go on over indented lines)");
		return 1;
	}
	l->list_open = 0;
	if (*c != '[') {
		/* key = value (or key: value) before any inline comment. */
		for (; c < e; c++) {
			if (*c == '=' || *c == ':') {
				l->list_open = key_is_list(s, c);
				return 0;
			}
			if (*c == ';' && c > s && (c[-1] == ' ' ||
			    c[-1] == '\t'))
				break;
		}
		diag_error(l->d, line, "expected 'key = value' or "
		    "'[section]'");
		return 1;
	}
	return prescan_section(l, line, s, e, seen);
}

void
policy_prescan(struct loader *l)
{
	int	seen[SEC_COUNT] = { 0 };
	size_t	pos, end, n;
	int	line = 0;

	for (pos = 0; pos < l->len; pos = end + 1) {
		for (end = pos; end < l->len && l->text[end] != '\n'; end++)
			;
		n = end - pos;
		if (n > 0 && l->text[pos + n - 1] == '\r')
			n--;
		line++;
		if (pos == 0 && n >= 3 &&
		    memcmp(l->text, "\xef\xbb\xbf", 3) == 0)
			prescan_line(l, line, l->text + 3, n - 3, seen);
		else
			prescan_line(l, line, l->text + pos, n, seen);
	}
}
