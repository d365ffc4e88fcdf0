#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <ini.h>

#include "buf.h"
#include "os.h"
#include "policy.h"
#include "utf8.h"
#include "wordlist.h"
#include "xmalloc.h"

#define POLICY_MAX_SIZE		(1024 * 1024)

/*
 * libinih reads into a buffer of INI_MAX_LINE bytes (200 in Debian's
 * build) and, without INI_ALLOW_REALLOC, splits a longer line silently.
 * Our reader hands it one line without its terminator, so a line may hold
 * INI_MAX_LINE - 1 bytes.
 */
#define LINE_MAX_BYTES		(INI_MAX_LINE - 1)

static const char *const section_names[SEC_COUNT] = {
	"policy", "winhttp", "wininet", "dotnet", "schannel", "target", "gpo"
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

struct loader {
	struct policy	*p;
	struct diags	*d;
	const char	*text;
	size_t		 len;
	size_t		 pos;
	int		 line;		/* line the reader handed out last */
	char		 section_cur[16];
};

const char *
wininet_scope_name(enum wininet_scope s)
{
	switch (s) {
	case SCOPE_MACHINE_POLICY:
		return "machine-policy";
	case SCOPE_MACHINE:
		return "machine";
	case SCOPE_USER:
		return "user";
	}
	return "?";
}

int
policy_has_winhttp(const struct policy *p)
{
	return p->key_line[K_WH_PROTOCOLS] != 0;
}

int
policy_has_wininet(const struct policy *p)
{
	return p->key_line[K_WI_PROTOCOLS] != 0;
}

int
policy_has_dotnet(const struct policy *p)
{
	return p->strong_crypto != -1 || p->system_default_tls != -1;
}

static int
schannel_count(const struct policy *p)
{
	int	i, s, n = 0;

	for (i = 0; i < PROTO_COUNT; i++) {
		for (s = 0; s < 2; s++)
			n += p->schannel[i][s] != SC_UNSET;
	}
	return n;
}

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

/* Value parsers: 0 on success, -1 after adding an error. */

static int
parse_id(struct loader *l, const char *v)
{
	size_t	i, n = strlen(v);

	if (n == 0 || n > 64 || !isalnum((unsigned char)v[0]))
		goto bad;
	for (i = 0; i < n; i++) {
		if (!isalnum((unsigned char)v[i]) && v[i] != '-' &&
		    v[i] != '_')
			goto bad;
	}
	free(l->p->id);
	l->p->id = xstrdup(v);
	return 0;
bad:
	diag_error(l->d, l->line, "bad id '%s': use 1 to 64 letters, digits, "
	    "'-' and '_', starting with a letter or digit", v);
	return -1;
}

static int
parse_text(struct loader *l, const char *key, const char *v, char **out,
    int required)
{
	if (required && *v == '\0') {
		diag_error(l->d, l->line, "%s is empty", key);
		return -1;
	}
	free(*out);
	*out = xstrdup(v);
	return 0;
}

static int
parse_version(struct loader *l, const char *v)
{
	const char	*dot;
	size_t		 i, a, b;

	dot = strchr(v, '.');
	if (dot == NULL)
		goto bad;
	a = (size_t)(dot - v);
	b = strlen(dot + 1);
	if (a < 1 || a > 4 || b < 1 || b > 5)
		goto bad;
	for (i = 0; v[i] != '\0'; i++) {
		if (v + i != dot && !isdigit((unsigned char)v[i]))
			goto bad;
	}
	free(l->p->version);
	l->p->version = xstrdup(v);
	return 0;
bad:
	diag_error(l->d, l->line, "bad version '%s': use MAJOR.MINOR, "
	    "1 to 4 and 1 to 5 digits (for example 1.0); it becomes the ADMX "
	    "revision", v);
	return -1;
}

static int
parse_protocols(struct loader *l, const char *v, proto_set *out)
{
	char	err[256];

	if (protocol_list_parse(v, 1, out, err, sizeof err) == -1) {
		diag_error(l->d, l->line, "%s", err);
		return -1;
	}
	return 0;
}

/*
 * A comma- or space-separated list of words, each one of names[]; sets
 * bit i for names[i]. Aliases map to the same bit through bits[].
 */
static int
parse_word_set(struct loader *l, const char *v, const char *what,
    const char *const *names, const unsigned *bits, size_t count,
    const char *allowed, unsigned *out)
{
	char		 word[64];
	size_t		 i;
	unsigned	 set = 0;

	while (wordlist_next(&v, word, sizeof word)) {
		for (i = 0; i < count; i++) {
			if (strcasecmp(word, names[i]) == 0)
				break;
		}
		if (i == count) {
			diag_error(l->d, l->line, "unknown %s '%s'; allowed: %s",
			    what, word, allowed);
			return -1;
		}
		if (set & bits[i]) {
			diag_error(l->d, l->line, "%s '%s' is listed twice",
			    what, word);
			return -1;
		}
		set |= bits[i];
	}
	if (set == 0) {
		diag_error(l->d, l->line, "empty %s list; allowed: %s", what,
		    allowed);
		return -1;
	}
	*out = set;
	return 0;
}

static int
parse_views(struct loader *l, const char *v, unsigned *out)
{
	static const char *const names[] = { "64", "32" };
	static const unsigned bits[] = { VIEW_BIT_64, VIEW_BIT_32 };

	return parse_word_set(l, v, "registry view", names, bits, 2,
	    "64, 32", out);
}

static int
parse_frameworks(struct loader *l, const char *v, unsigned *out)
{
	static const char *const names[] = {
		"v4", "v4.0.30319", "v2", "v2.0.50727"
	};
	static const unsigned bits[] = { FW_V4, FW_V4, FW_V2, FW_V2 };

	return parse_word_set(l, v, ".NET Framework", names, bits, 4,
	    "v4, v2", out);
}

static int
parse_target_os(struct loader *l, const char *v, unsigned *out)
{
	const char	*names[32];
	unsigned	 bits[32];
	size_t		 i;

	for (i = 0; i < os_target_count; i++) {
		names[i] = os_targets[i].name;
		bits[i] = 1U << i;
	}
	return parse_word_set(l, v, "target os", names, bits,
	    os_target_count, os_names_allowed(), out);
}

static int
parse_bool(struct loader *l, const char *key, const char *v, int *out)
{
	static const char *const yes[] = { "on", "yes", "true" };
	static const char *const no[] = { "off", "no", "false" };
	size_t	i;

	for (i = 0; i < 3; i++) {
		if (strcmp(v, yes[i]) == 0) {
			*out = 1;
			return 0;
		}
		if (strcmp(v, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	}
	diag_error(l->d, l->line, "bad value '%s' for %s; allowed: on, off "
	    "(or yes, no, true, false)", v, key);
	return -1;
}

static int
parse_scope(struct loader *l, const char *v)
{
	static const enum wininet_scope all[] = {
		SCOPE_MACHINE_POLICY, SCOPE_MACHINE, SCOPE_USER
	};
	size_t	i;

	for (i = 0; i < 3; i++) {
		if (strcmp(v, wininet_scope_name(all[i])) == 0) {
			l->p->wininet_scope = all[i];
			return 0;
		}
	}
	diag_error(l->d, l->line, "bad scope '%s'; allowed: machine-policy, "
	    "machine, user", v);
	return -1;
}

const char *
gpo_mode_name(enum gpo_mode m)
{
	switch (m) {
	case GPO_AUTO:
		return "auto";
	case GPO_POLICY:
		return "policy";
	case GPO_PREFERENCES:
		return "preferences";
	case GPO_BOTH:
		return "both";
	}
	return "?";
}

static int
parse_gpo_mode(struct loader *l, const char *v)
{
	static const enum gpo_mode all[] = {
		GPO_AUTO, GPO_POLICY, GPO_PREFERENCES, GPO_BOTH
	};
	size_t	i;

	for (i = 0; i < sizeof all / sizeof all[0]; i++) {
		if (strcmp(v, gpo_mode_name(all[i])) == 0) {
			l->p->gpo_mode = all[i];
			return 0;
		}
	}
	diag_error(l->d, l->line, "bad mode '%s'; allowed: auto, policy, "
	    "preferences, both", v);
	return -1;
}

/* [gpo] date: YYYY-MM-DD, optionally followed by HH:MM or HH:MM:SS. */
static int
parse_gpo_date(struct loader *l, const char *v)
{
	static const int mdays[] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	static const char *const shapes[] = {
		"dddd-dd-dd", "dddd-dd-dd dd:dd", "dddd-dd-dd dd:dd:dd"
	};
	unsigned	 f[6] = { 0, 0, 0, 0, 0, 0 }, *fp = f;
	size_t		 i, n = strlen(v);
	int		 fits = 0;
	char		 stamp[80];

	for (i = 0; i < 3; i++)
		fits |= n == strlen(shapes[i]);
	if (!fits)
		goto bad;
	for (i = 0; i < n; i++) {
		if (shapes[2][i] == 'd' ? !isdigit((unsigned char)v[i]) :
		    v[i] != shapes[2][i])
			goto bad;
	}
	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)v[i]))
			*fp = *fp * 10 + (unsigned)(v[i] - '0');
		else
			fp++;
	}
	if (f[0] < 1980 || f[0] > 2999 || f[1] < 1 || f[1] > 12 ||
	    f[2] < 1 || f[2] > (unsigned)mdays[f[1] - 1] || (f[1] == 2 &&
	    f[2] == 29 && !(f[0] % 4 == 0 && (f[0] % 100 != 0 ||
	    f[0] % 400 == 0))) || f[3] > 23 || f[4] > 59 || f[5] > 59)
		goto bad;
	snprintf(stamp, sizeof stamp, "%04u-%02u-%02u %02u:%02u:%02u", f[0],
	    f[1], f[2], f[3], f[4], f[5]);
	memcpy(l->p->gpo_date, stamp, sizeof l->p->gpo_date - 1);
	l->p->gpo_date[sizeof l->p->gpo_date - 1] = '\0';
	return 0;
bad:
	diag_error(l->d, l->line, "bad date '%s': use YYYY-MM-DD or "
	    "YYYY-MM-DD HH:MM:SS (1980 to 2999); it stamps the GPO backup and "
	    "its preference items", v);
	return -1;
}

static void
set_key(struct loader *l, enum policy_key k, const char *v)
{
	struct policy	*p = l->p;

	switch (k) {
	case K_ID:
		parse_id(l, v);
		break;
	case K_NAME:
		parse_text(l, "name", v, &p->name, 1);
		break;
	case K_VERSION:
		parse_version(l, v);
		break;
	case K_DESCRIPTION:
		parse_text(l, "description", v, &p->description, 0);
		break;
	case K_VENDOR:
		parse_text(l, "vendor", v, &p->vendor, 0);
		break;
	case K_WH_PROTOCOLS:
		parse_protocols(l, v, &p->winhttp_protocols);
		break;
	case K_WH_VIEWS:
		parse_views(l, v, &p->winhttp_views);
		break;
	case K_WI_PROTOCOLS:
		parse_protocols(l, v, &p->wininet_protocols);
		break;
	case K_WI_SCOPE:
		parse_scope(l, v);
		break;
	case K_WI_VIEWS:
		parse_views(l, v, &p->wininet_views);
		break;
	case K_NET_STRONG:
		parse_bool(l, "strong-crypto", v, &p->strong_crypto);
		break;
	case K_NET_SYSTLS:
		parse_bool(l, "system-default-tls", v,
		    &p->system_default_tls);
		break;
	case K_NET_FRAMEWORKS:
		parse_frameworks(l, v, &p->frameworks);
		break;
	case K_NET_VIEWS:
		parse_views(l, v, &p->dotnet_views);
		break;
	case K_TARGET_OS:
		parse_target_os(l, v, &p->target_os);
		break;
	case K_TARGET_INSECURE:
		parse_bool(l, "allow-insecure", v, &p->allow_insecure);
		break;
	case K_GPO_MODE:
		parse_gpo_mode(l, v);
		break;
	case K_GPO_NAME:
		parse_text(l, "[gpo] name", v, &p->gpo_name, 1);
		break;
	case K_GPO_DATE:
		parse_gpo_date(l, v);
		break;
	case K_COUNT:
		break;
	}
}

/* [schannel]: PROTOCOL, PROTOCOL.client or PROTOCOL.server. */
static void
set_schannel(struct loader *l, const char *name, const char *v)
{
	const struct protocol	*pr;
	struct policy		*p = l->p;
	char			 proto[64];
	const char		*suffix;
	size_t			 n;
	int			 side, first, last, s;
	enum sc_state		 st;

	n = strlen(name);
	first = SIDE_CLIENT;
	last = SIDE_SERVER;
	if (n > 7 && strcmp(name + n - 7, ".client") == 0) {
		n -= 7;
		first = last = SIDE_CLIENT;
	} else if (n > 7 && strcmp(name + n - 7, ".server") == 0) {
		n -= 7;
		first = last = SIDE_SERVER;
	}
	if (n >= sizeof proto)
		n = sizeof proto - 1;
	memcpy(proto, name, n);
	proto[n] = '\0';
	pr = protocol_find(proto);
	if (pr == NULL) {
		diag_error(l->d, l->line, "unknown key '%s' in [schannel]; "
		    "allowed: a protocol (%s), optionally followed by .client "
		    "or .server", name, protocol_names_allowed(0));
		return;
	}
	if (strcmp(v, "enabled") == 0)
		st = SC_ENABLED;
	else if (strcmp(v, "disabled") == 0)
		st = SC_DISABLED;
	else {
		diag_error(l->d, l->line, "bad value '%s' for %s; allowed: "
		    "enabled, disabled", v, name);
		return;
	}
	for (side = first; side <= last; side++) {
		if (p->schannel_line[pr->id][side] != 0) {
			suffix = side == SIDE_CLIENT ? "client" : "server";
			diag_error(l->d, l->line, "the %s side of %s is already "
			    "set on line %d; set each side once", suffix,
			    pr->name, p->schannel_line[pr->id][side]);
			return;
		}
	}
	for (s = first; s <= last; s++) {
		p->schannel[pr->id][s] = st;
		p->schannel_line[pr->id][s] = l->line;
	}
}

static int
find_section(const char *name)
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

	sec = find_section(section);
	if (sec == -1) {
		/* Section headers were checked before parsing. */
		diag_error(l->d, l->line, "'%s' is outside any section; start "
		    "with [policy]", name);
		return 1;
	}
	if (sec == SEC_SCHANNEL) {
		set_schannel(l, name, value);
		return 1;
	}
	for (i = 0; i < K_COUNT; i++) {
		if (keys[i].section == (enum section)sec &&
		    strcmp(keys[i].name, name) == 0)
			break;
	}
	if (i == K_COUNT) {
		keys_allowed(sec, allowed, sizeof allowed);
		diag_error(l->d, l->line, "unknown key '%s' in [%s]; allowed: "
		    "%s", name, section, allowed);
		return 1;
	}
	if (l->p->key_line[i] != 0) {
		diag_error(l->d, l->line, "duplicate key '%s' in [%s] (first "
		    "set on line %d)", name, section, l->p->key_line[i]);
		return 1;
	}
	l->p->key_line[i] = l->line;
	set_key(l, i, value);
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

static const char *
skip_space(const char *s, const char *e)
{
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	return s;
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
	const unsigned char	*u = (const unsigned char *)s;
	const char		*e = s + n, *c, *close;
	char			 name[32];
	uint32_t		 cp;
	size_t			 i, k, before = l->d->errors;
	int			 sec;

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
	if (n > LINE_MAX_BYTES) {
		diag_error(l->d, line, "line is too long (%zu bytes; at most "
		    "%d: the INI library cuts longer lines)", n,
		    LINE_MAX_BYTES);
		return 1;
	}
	c = skip_space(s, e);
	if (c == e || *c == ';' || *c == '#')
		return 0;
	if (c != s) {
		diag_error(l->d, line, "indented line: the INI library would "
		    "join it to the value above; remove the indentation");
		return 1;
	}
	if (*c != '[') {
		/* key = value (or key: value) before any inline comment. */
		for (; c < e; c++) {
			if (*c == '=' || *c == ':')
				return 0;
			if (*c == ';' && c > s && (c[-1] == ' ' ||
			    c[-1] == '\t'))
				break;
		}
		diag_error(l->d, line, "expected 'key = value' or "
		    "'[section]'");
		return 1;
	}
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
	sec = find_section(name);
	if (sec == -1) {
		diag_error(l->d, line, "unknown section [%s]; allowed: [policy], "
		    "[winhttp], [wininet], [dotnet], [schannel], [target], "
		    "[gpo]", name);
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

static void
prescan(struct loader *l)
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

/* Where each protocol is enabled, for the insecure and TLS 1.3 checks. */
struct use {
	int		 line;
	const char	*where;
};

static size_t
uses_of(const struct policy *p, enum proto_id id, struct use *u)
{
	size_t	n = 0;
	int	s;

	if (p->winhttp_protocols & (1U << id)) {
		u[n].line = p->key_line[K_WH_PROTOCOLS];
		u[n++].where = "[winhttp] protocols";
	}
	if (p->wininet_protocols & (1U << id)) {
		u[n].line = p->key_line[K_WI_PROTOCOLS];
		u[n++].where = "[wininet] protocols";
	}
	for (s = 0; s < 2; s++) {
		if (p->schannel[id][s] != SC_ENABLED)
			continue;
		if (s == SIDE_SERVER &&
		    p->schannel_line[id][0] == p->schannel_line[id][1])
			continue;	/* one key set both sides */
		u[n].line = p->schannel_line[id][s];
		u[n++].where = "[schannel]";
	}
	return n;
}

/* "win7, server2008r2": the targets in mask, into buf. 0: none. */
/* The targets lint checks: [target] os, or every Windows of os.c when the
 * policy names none (what an untargeted policy is pushed to). */
static unsigned
checked_os(const struct policy *p)
{
	if (p->target_os != 0)
		return p->target_os;
	return (1U << os_target_count) - 1;
}

static size_t
target_list(const struct policy *p, int (*pick)(const struct os_target *,
    const void *), const void *arg, char *buf, size_t size)
{
	size_t	i, used = 0, n = 0;

	if (size != 0)
		buf[0] = '\0';
	for (i = 0; i < os_target_count; i++) {
		if (!(checked_os(p) & (1U << i)) || !pick(&os_targets[i], arg))
			continue;
		if (used < size)
			used += (size_t)snprintf(buf + used, size - used, "%s%s",
			    n == 0 ? "" : ", ", os_targets[i].name);
		n++;
	}
	return n;
}

static int
pick_client_off(const struct os_target *t, const void *arg)
{
	return (t->client_off & *(const proto_set *)arg) != 0;
}

static int
pick_lacks(const struct os_target *t, const void *arg)
{
	return (t->supported & *(const proto_set *)arg) == 0;
}

static int
pick_rdp(const struct os_target *t, const void *arg)
{
	(void)arg;
	return t->rdp_tls10_kb != NULL;
}

static int
pick_dotnet35(const struct os_target *t, const void *arg)
{
	(void)arg;
	return t->dotnet35_kb != NULL;
}

static int
pick_tls12_kb(const struct os_target *t, const void *arg)
{
	(void)arg;
	return t->tls12_kb != NULL;
}

/* The TLS protocols SIDE of a target offers after this policy. */
proto_set
policy_tls_after(const struct policy *p, const struct os_target *t, int side)
{
	const proto_set	 tls = (1U << PROTO_TLS10) | (1U << PROTO_TLS11) |
	    (1U << PROTO_TLS12) | (1U << PROTO_TLS13);
	proto_set	 on = t->supported & tls &
	    ~(side == SIDE_SERVER ? t->server_off : t->client_off);
	size_t		 i;

	for (i = PROTO_TLS10; i <= PROTO_TLS13; i++) {
		if (p->schannel[i][side] == SC_ENABLED &&
		    (t->supported & (1U << i)))
			on |= 1U << i;
		if (p->schannel[i][side] == SC_DISABLED)
			on &= ~(1U << i);
	}
	return on;
}

static int
pick_server_old(const struct os_target *t, const void *arg)
{
	const struct policy	*p = arg;
	proto_set		 modern = (1U << PROTO_TLS11) |
	    (1U << PROTO_TLS12) | (1U << PROTO_TLS13);

	return (policy_tls_after(p, t, SIDE_SERVER) & modern) == 0;
}

/*
 * A policy that disables server protocols must leave TLS 1.1 or later on:
 * the oldest targets ship with TLS 1.1 and 1.2 off for servers too
 * [os.c], so disabling TLS 1.0 there leaves SSL 3.0 or nothing.
 */
static void
check_servers(struct loader *l, const char *tw)
{
	struct policy	*p = l->p;
	char		 who[256];
	size_t		 i;
	int		 line = 0;

	/* Only a policy that turns a TLS version off for servers. */
	for (i = PROTO_TLS10; i <= PROTO_TLS13; i++) {
		if (p->schannel[i][SIDE_SERVER] == SC_DISABLED) {
			line = p->schannel_line[i][SIDE_SERVER];
			break;
		}
	}
	if (line == 0 ||
	    target_list(p, pick_server_old, p, who, sizeof who) == 0)
		return;
	diag_warn(l->d, line, "after [schannel], servers on %s (%s) have no "
	    "TLS 1.1 or later on: SCHANNEL does not enable them by default "
	    "there; add \"tls1.2.server = enabled\"", who, tw);
}

static int
pick_tls13_default(const struct os_target *t, const void *arg)
{
	(void)arg;
	return (t->winhttp_default & (1U << PROTO_TLS13)) != 0;
}

/* The targets whose WinHTTP has protocol *arg off by default while it has
 * a newer one on: a policy that lists it turns an old protocol back on. */
static int
pick_default_off(const struct os_target *t, const void *arg)
{
	proto_set	one = *(const proto_set *)arg;

	return (t->winhttp_default & one) == 0 && t->winhttp_default > one;
}

/* "; " and the caveat when a target that PICK takes has a WinHTTP default
 * by inference [os.c WHFLAGS], else "". */
static const char *
inferred_note(const struct policy *p, int (*pick)(const struct os_target *,
    const void *), const void *arg)
{
	static char	note[256];
	size_t		i;

	for (i = 0; i < os_target_count; i++)
		if ((checked_os(p) & (1U << i)) && pick(&os_targets[i], arg) &&
		    os_winhttp_default_inferred(&os_targets[i])) {
			snprintf(note, sizeof note, "; %s",
			    os_winhttp_default_caveat());
			return note;
		}
	return "";
}

/*
 * DefaultSecureProtocols replaces WinHTTP's own default [os.c]: where that
 * is TLS 1.2 + TLS 1.3, a value without TLS 1.3 takes it away, and one
 * with TLS 1.0 or 1.1 brings them back.
 */
static void
check_winhttp_defaults(struct loader *l, const char *tw)
{
	struct policy	*p = l->p;
	char		 who[256];
	proto_set	 one;
	size_t		 i;
	int		 line = p->key_line[K_WH_PROTOCOLS];

	if (!policy_has_winhttp(p))
		return;
	one = 1U << PROTO_TLS13;
	if (!(p->winhttp_protocols & one) &&
	    target_list(p, pick_tls13_default, NULL, who, sizeof who) != 0)
		diag_warn(l->d, line, "[winhttp] protocols leaves out tls1.3, "
		    "which WinHTTP uses by default on %s (%s): "
		    "DefaultSecureProtocols replaces that default; %s%s",
		    who, tw, target_list(p, pick_lacks, &one, NULL, 0) == 0 ?
		    "add tls1.3 to keep it" : "give those systems a policy of "
		    "their own that adds tls1.3 to keep it",
		    inferred_note(p, pick_tls13_default, NULL));
	for (i = 0; i <= PROTO_TLS13; i++) {
		one = 1U << i;
		if (!(p->winhttp_protocols & one) ||
		    target_list(p, pick_default_off, &one, who, sizeof who) == 0)
			continue;
		diag_warn(l->d, line, "[winhttp] protocols adds %s, which "
		    "WinHTTP has off by default on %s (%s)%s",
		    protocols[i].name, who, tw,
		    inferred_note(p, pick_default_off, &one));
	}
}

/*
 * What the [target] systems lack or need (the facts are os.c's):
 * TLS 1.1/1.2 off for clients, protocols a target does not have, Remote
 * Desktop without TLS 1.0, and the .NET 3.5 TLS updates.
 */
static void
check_targets(struct loader *l)
{
	struct policy	*p = l->p;
	char		 who[256], kbs[256];
	proto_set	 one;
	size_t		 i, j, n, used;
	char		 tw[64];
	struct {
		int		 line;
		const char	*what;
		proto_set	 uses;
	} relies[3];

	/* Without [target] os, every Windows: what such a policy reaches. */
	if (p->target_os != 0)
		snprintf(tw, sizeof tw, "target os, line %d",
		    p->key_line[K_TARGET_OS]);
	else
		snprintf(tw, sizeof tw, "no [target] os: every Windows");
	/* Who relies on SCHANNEL's client side for TLS 1.1 and 1.2. */
	n = 0;
	if (policy_has_winhttp(p)) {
		relies[n].line = p->key_line[K_WH_PROTOCOLS];
		relies[n].what = "[winhttp] protocols";
		relies[n++].uses = p->winhttp_protocols;
	}
	if (policy_has_wininet(p)) {
		relies[n].line = p->key_line[K_WI_PROTOCOLS];
		relies[n].what = "[wininet] protocols";
		relies[n++].uses = p->wininet_protocols;
	}
	if (p->system_default_tls == 1 || p->strong_crypto == 1) {
		relies[n].line = p->system_default_tls == 1 ?
		    p->key_line[K_NET_SYSTLS] : p->key_line[K_NET_STRONG];
		relies[n].what = "[dotnet]";
		relies[n++].uses = 1U << PROTO_TLS12;
	}
	for (i = PROTO_TLS11; i <= PROTO_TLS12; i++) {
		one = 1U << i;
		/* Enabled: fine. Disabled: warned about below, on purpose. */
		if (p->schannel[i][SIDE_CLIENT] != SC_UNSET)
			continue;
		if (target_list(p, pick_client_off, &one, who, sizeof who) == 0)
			continue;
		kbs[0] = '\0';
		if (target_list(p, pick_tls12_kb, NULL, kbs, sizeof kbs) != 0)
			snprintf(kbs, sizeof kbs, " (on server2008 with KB %s)",
			    os_targets[os_find("server2008")].tls12_kb);
		for (j = 0; j < n; j++) {
			if (!(relies[j].uses & one))
				continue;
			diag_warn(l->d, relies[j].line, "%s relies on %s, which "
			    "SCHANNEL does not enable by default for clients on "
			    "%s (%s); add \"%s.client = "
			    "enabled\" to [schannel]%s", relies[j].what,
			    protocols[i].name, who, tw, protocols[i].name,
			    kbs);
		}
	}
	check_servers(l, tw);
	check_winhttp_defaults(l, tw);
	/* A protocol enabled for a target that does not have it (TLS 1.3 is
	 * an error, checked above). */
	for (i = 0; i < PROTO_COUNT; i++) {
		int	s;

		if (i == PROTO_TLS13)
			continue;
		one = 1U << i;
		for (s = 0; s < 2; s++) {
			if (p->schannel[i][s] != SC_ENABLED)
				continue;
			if (s == SIDE_SERVER &&
			    p->schannel_line[i][0] == p->schannel_line[i][1])
				continue;
			if (target_list(p, pick_lacks, &one, who, sizeof who) == 0)
				continue;
			diag_warn(l->d, p->schannel_line[i][s], "[schannel] "
			    "enables %s, which %s (%s) do%s not "
			    "have: %s", protocols[i].name, who, tw,
			    strchr(who, ',') != NULL ? "" : "es",
			    os_protocol_where((enum proto_id)i));
		}
	}
	/* Remote Desktop may need TLS 1.0 (os.c: rdp_tls10_kb). */
	if (p->schannel[PROTO_TLS10][SIDE_SERVER] == SC_DISABLED &&
	    target_list(p, pick_rdp, NULL, who, sizeof who) != 0) {
		for (i = 0; i < os_target_count; i++) {
			if ((checked_os(p) & (1U << i)) &&
			    os_targets[i].rdp_tls10_kb != NULL)
				break;
		}
		diag_warn(l->d, p->schannel_line[PROTO_TLS10][SIDE_SERVER],
		    "[schannel] disables tls1.0 for servers: Remote Desktop on "
		    "%s (%s) then needs KB %s and "
		    "\"tls1.2.server = enabled\"", who, tw,
		    os_targets[i].rdp_tls10_kb);
	}
	/* .NET 3.5 reads SystemDefaultTlsVersions only once updated. */
	if (p->system_default_tls == 1 && (p->frameworks & FW_V2) &&
	    target_list(p, pick_dotnet35, NULL, who, sizeof who) != 0) {
		kbs[0] = '\0';
		used = 0;
		for (i = 0; i < os_target_count; i++) {
			if (!(checked_os(p) & (1U << i)) ||
			    os_targets[i].dotnet35_kb == NULL ||
			    strstr(kbs, os_targets[i].dotnet35_kb) != NULL)
				continue;
			used += (size_t)snprintf(kbs + used, sizeof kbs - used,
			    "%sKB %s", used == 0 ? "" : ", ",
			    os_targets[i].dotnet35_kb);
		}
		diag_warn(l->d, p->key_line[K_NET_SYSTLS], "[dotnet] "
		    "system-default-tls for v2.0.50727 (.NET 3.5) works on %s "
		    "(%s) only with the .NET 3.5 TLS update "
		    "(%s, or a later .NET update that contains it)", who,
		    tw, kbs);
	}
}

static void
check_semantics(struct loader *l)
{
	struct policy	*p = l->p;
	struct use	 u[4];
	char		 lacking[256];
	size_t		 i, j, n, used;
	int		 any_insecure = 0, s, line;
	const struct protocol *pr;

	if (p->section_line[SEC_DOTNET] != 0 && !policy_has_dotnet(p)) {
		diag_error(l->d, p->section_line[SEC_DOTNET], "[dotnet] sets "
		    "nothing: give strong-crypto and/or system-default-tls");
	} else if (!policy_has_winhttp(p) && !policy_has_wininet(p) &&
	    !policy_has_dotnet(p) && schannel_count(p) == 0) {
		diag_error(l->d, p->section_line[SEC_POLICY], "the policy sets "
		    "nothing: give at least one of [winhttp], [wininet], "
		    "[dotnet] or [schannel]");
	}
	if (p->key_line[K_WI_VIEWS] != 0 &&
	    p->wininet_scope != SCOPE_MACHINE) {
		diag_error(l->d, p->key_line[K_WI_VIEWS], "views applies only "
		    "to scope = machine; %s is not redirected between the "
		    "32- and 64-bit registry views",
		    p->wininet_scope == SCOPE_USER ? "HKCU\\Software" :
		    "HKLM\\SOFTWARE\\Policies");
	}

	/* Lines of the target list, for messages. */
	line = p->key_line[K_TARGET_OS];

	for (i = 0; i < PROTO_COUNT; i++) {
		pr = &protocols[i];
		n = uses_of(p, pr->id, u);
		for (j = 0; j < n; j++) {
			if (pr->insecure) {
				any_insecure = 1;
				if (!p->allow_insecure)
					diag_error(l->d, u[j].line, "%s enables "
					    "%s, which is insecure; it is "
					    "refused unless [target] says "
					    "allow-insecure = yes", u[j].where,
					    pr->name);
				else
					diag_warn(l->d, u[j].line, "%s enables "
					    "%s, which is insecure "
					    "(allow-insecure = yes)",
					    u[j].where, pr->name);
			} else if (pr->deprecated) {
				diag_warn(l->d, u[j].line, "%s enables %s, "
				    "which is deprecated; %s", u[j].where,
				    pr->name, os_deprecated_note(pr->id));
			}
			if (pr->id != PROTO_TLS13)
				continue;
			lacking[0] = '\0';
			used = 0;
			for (s = 0; (size_t)s < os_target_count; s++) {
				if (!(p->target_os & (1U << s)) ||
				    (os_targets[s].supported &
				    (1U << PROTO_TLS13)))
					continue;
				used += (size_t)snprintf(lacking + used,
				    sizeof lacking - used, "%s%s",
				    used == 0 ? "" : ", ", os_targets[s].name);
			}
			if (used != 0)
				diag_error(l->d, u[j].line, "%s enables "
				    "tls1.3, but target os %s (line %d) "
				    "cannot use it: %s", u[j].where, lacking,
				    line, os_protocol_where(PROTO_TLS13));
		}
	}
	if (p->allow_insecure && !any_insecure)
		diag_warn(l->d, p->key_line[K_TARGET_INSECURE], "allow-insecure "
		    "= yes has no effect: no SSL protocol is enabled");

	/* SCHANNEL switches a protocol off below WinHTTP and WinINet. */
	for (i = 0; i < PROTO_COUNT; i++) {
		if (p->schannel[i][SIDE_CLIENT] != SC_DISABLED)
			continue;
		if (p->winhttp_protocols & (1U << i))
			diag_warn(l->d, p->key_line[K_WH_PROTOCOLS], "[winhttp] "
			    "lists %s, but [schannel] disables its client "
			    "side (line %d), so it will not be used",
			    protocols[i].name, p->schannel_line[i][0]);
		if (p->wininet_protocols & (1U << i))
			diag_warn(l->d, p->key_line[K_WI_PROTOCOLS], "[wininet] "
			    "lists %s, but [schannel] disables its client "
			    "side (line %d), so it will not be used",
			    protocols[i].name, p->schannel_line[i][0]);
	}

	/*
	 * SYSTEM (Intune, ConfigMgr, a GPO startup script) may write HKLM
	 * but has no user's HKCU; a user has an HKCU but may not write HKLM.
	 */
	if (policy_has_wininet(p) && p->wininet_scope == SCOPE_USER &&
	    (policy_has_winhttp(p) || policy_has_dotnet(p) ||
	    schannel_count(p) != 0))
		diag_warn(l->d, p->key_line[K_WI_SCOPE], "[wininet] scope = "
		    "user writes HKEY_CURRENT_USER and the rest of the policy "
		    "HKEY_LOCAL_MACHINE: no one agent can apply both (SYSTEM "
		    "has no user's hive, a user may not write HKLM); make it "
		    "two policies, one per hive");

	for (s = 0; (size_t)s < os_target_count; s++) {
		if (!(checked_os(p) & (1U << s)) ||
		    (p->winhttp_protocols & ~os_targets[s].winhttp_honours) == 0)
			continue;
		diag_warn(l->d, p->key_line[K_WH_PROTOCOLS], "%s (KB %s) "
		    "honours only tls1.1 and tls1.2 in DefaultSecureProtocols",
		    os_targets[s].name, os_targets[s].winhttp_kb);
	}
	check_targets(l);
}

static void
policy_init(struct policy *p, const char *file)
{
	memset(p, 0, sizeof *p);
	p->file = xstrdup(file);
	p->description = xstrdup("");
	p->vendor = xstrdup("");
	p->winhttp_views = VIEW_BIT_64 | VIEW_BIT_32;
	p->wininet_scope = SCOPE_MACHINE_POLICY;
	p->wininet_views = VIEW_BIT_64 | VIEW_BIT_32;
	p->strong_crypto = -1;
	p->system_default_tls = -1;
	p->frameworks = FW_V4 | FW_V2;
	p->dotnet_views = VIEW_BIT_64 | VIEW_BIT_32;
	p->gpo_mode = GPO_AUTO;
	/* No clock: the same policy always makes the same backup. */
	snprintf(p->gpo_date, sizeof p->gpo_date, "2000-01-01 00:00:00");
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

	prescan(&l);
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
		check_semantics(&l);
	if (d->errors == 0 && p->gpo_name == NULL)
		p->gpo_name = xstrdup(p->name);
	buf_free(&text);
	return d->errors == 0 ? 0 : -1;
}

void
policy_free(struct policy *p)
{
	free(p->file);
	free(p->id);
	free(p->name);
	free(p->version);
	free(p->description);
	free(p->vendor);
	free(p->gpo_name);
	memset(p, 0, sizeof *p);
}
