#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "os.h"
#include "policy.h"
#include "policy-int.h"
#include "wordlist.h"
#include "xmalloc.h"

/*
 * One key's value into struct policy: a parser per kind of value, and
 * policy_set_key and policy_set_schannel, which the INI handler calls.
 */

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

void
policy_set_key(struct loader *l, enum policy_key k, const char *v)
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
	case K_SC_DH_BITS:
	case K_SC_DH_CLIENT:
	case K_SC_DH_SERVER:
	case K_SC_PKCS_BITS:
	case K_SC_CIPHERS:
	case K_SC_HASHES:
	case K_SC_KX:
	case K_CS_ORDER:
	case K_CS_CURVES:
		policy_set_crypto(l, k, v);
		break;
	case K_COUNT:
		break;
	}
}

/* [schannel]: PROTOCOL, PROTOCOL.client or PROTOCOL.server. */
void
policy_set_schannel(struct loader *l, const char *name, const char *v)
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
		    "or .server; dh-min-bits[.client|.server], pkcs-min-bits, "
		    "ciphers, hashes, key-exchange", name,
		    protocol_names_allowed(0));
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
