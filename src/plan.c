#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/evp.h>

#include "json.h"
#include "os.h"
#include "plan.h"
#include "utf8.h"
#include "xmalloc.h"

/* Keys and values: DESIGN.md, from Microsoft's KBs and Learn pages. */
#define KEY_WINHTTP \
	"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp"
#define KEY_WININET_POLICY \
	"SOFTWARE\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"
#define KEY_WININET_MACHINE \
	"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"
#define KEY_WININET_USER \
	"Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"
#define KEY_DOTNET		"SOFTWARE\\Microsoft\\.NETFramework\\"
#define KEY_SCHANNEL \
	"SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\"

static void
plan_add(struct plan *pl, enum reg_hive hive, enum reg_view view,
    const char *key, const char *value, uint32_t data, const char *why,
    int line)
{
	struct plan_op	*op;

	pl->ops = xreallocarray(pl->ops, pl->n + 1, sizeof *pl->ops);
	op = &pl->ops[pl->n++];
	op->action = OP_SET;
	op->hive = hive;
	op->view = view;
	op->key = xstrdup(key);
	op->value = value;
	op->type = REG_TYPE_DWORD;
	op->data = data;
	op->why = xstrdup(why);
	op->line = line;
}

/* Adds one value for each view in views, 64-bit first. */
static void
plan_add_views(struct plan *pl, unsigned views, const char *key,
    const char *value, uint32_t data, const char *why, int line)
{
	if (views & VIEW_BIT_64)
		plan_add(pl, HIVE_HKLM, VIEW_64, key, value, data, why, line);
	if (views & VIEW_BIT_32)
		plan_add(pl, HIVE_HKLM, VIEW_32, key, value, data, why, line);
}

static void
plan_winhttp(const struct policy *p, struct plan *pl)
{
	char	desc[128], why[256];

	if (!policy_has_winhttp(p))
		return;
	protocol_set_describe(p->winhttp_protocols, desc, sizeof desc);
	snprintf(why, sizeof why, "WinHTTP default secure protocols: %s", desc);
	plan_add_views(pl, p->winhttp_views, KEY_WINHTTP,
	    "DefaultSecureProtocols", mask_from_protocols(p->winhttp_protocols),
	    why, p->key_line[K_WH_PROTOCOLS]);
}

static void
plan_wininet(const struct policy *p, struct plan *pl)
{
	char		desc[128], why[256];
	uint32_t	mask;
	int		line;

	if (!policy_has_wininet(p))
		return;
	protocol_set_describe(p->wininet_protocols, desc, sizeof desc);
	snprintf(why, sizeof why, "WinINet secure protocols (%s): %s",
	    wininet_scope_name(p->wininet_scope), desc);
	mask = mask_from_protocols(p->wininet_protocols);
	line = p->key_line[K_WI_PROTOCOLS];
	switch (p->wininet_scope) {
	case SCOPE_MACHINE_POLICY:
		plan_add(pl, HIVE_HKLM, VIEW_SHARED, KEY_WININET_POLICY,
		    "SecureProtocols", mask, why, line);
		break;
	case SCOPE_MACHINE:
		plan_add_views(pl, p->wininet_views, KEY_WININET_MACHINE,
		    "SecureProtocols", mask, why, line);
		break;
	case SCOPE_USER:
		plan_add(pl, HIVE_HKCU, VIEW_SHARED, KEY_WININET_USER,
		    "SecureProtocols", mask, why, line);
		break;
	}
}

static void
plan_dotnet(const struct policy *p, struct plan *pl)
{
	static const struct {
		unsigned	 bit;
		const char	*dir;
	} fw[] = {
		{ FW_V4, "v4.0.30319" },
		{ FW_V2, "v2.0.50727" },
	};
	static const unsigned views[] = { VIEW_BIT_64, VIEW_BIT_32 };
	char	key[128], why[256];
	size_t	i, j;

	if (!policy_has_dotnet(p))
		return;
	for (i = 0; i < 2; i++) {
		if (!(p->frameworks & fw[i].bit))
			continue;
		snprintf(key, sizeof key, KEY_DOTNET "%s", fw[i].dir);
		for (j = 0; j < 2; j++) {
			if (!(p->dotnet_views & views[j]))
				continue;
			if (p->strong_crypto != -1) {
				snprintf(why, sizeof why, ".NET %s strong "
				    "crypto: %s", fw[i].dir,
				    p->strong_crypto ? "on" : "off");
				plan_add_views(pl, views[j], key,
				    "SchUseStrongCrypto",
				    (uint32_t)p->strong_crypto, why,
				    p->key_line[K_NET_STRONG]);
			}
			if (p->system_default_tls != -1) {
				snprintf(why, sizeof why, ".NET %s system "
				    "default TLS versions: %s", fw[i].dir,
				    p->system_default_tls ? "on" : "off");
				plan_add_views(pl, views[j], key,
				    "SystemDefaultTlsVersions",
				    (uint32_t)p->system_default_tls, why,
				    p->key_line[K_NET_SYSTLS]);
			}
		}
	}
}

/*
 * Enabled=1 / DisabledByDefault=0, or Enabled=0 / DisabledByDefault=1.
 * Never 0xFFFFFFFF for "enabled": audit tools reject it (DESIGN.md).
 */
static void
plan_schannel(const struct policy *p, struct plan *pl)
{
	static const char *const sides[] = { "Client", "Server" };
	char	key[160], why[256];
	size_t	i;
	int	s, on;

	for (i = 0; i < PROTO_COUNT; i++) {
		for (s = 0; s < 2; s++) {
			if (p->schannel[i][s] == SC_UNSET)
				continue;
			on = p->schannel[i][s] == SC_ENABLED;
			snprintf(key, sizeof key, KEY_SCHANNEL "%s\\%s",
			    protocols[i].display, sides[s]);
			snprintf(why, sizeof why, "SCHANNEL %s %s: %s",
			    protocols[i].display, sides[s],
			    on ? "enabled" : "disabled");
			plan_add(pl, HIVE_HKLM, VIEW_SHARED, key, "Enabled",
			    on ? 1 : 0, why, p->schannel_line[i][s]);
			plan_add(pl, HIVE_HKLM, VIEW_SHARED, key,
			    "DisabledByDefault", on ? 0 : 1, why,
			    p->schannel_line[i][s]);
		}
	}
}

static void	make_id(const struct plan *, char[17]);

void
plan_build(const struct policy *p, struct plan *pl)
{
	memset(pl, 0, sizeof *pl);
	pl->policy = p;
	plan_winhttp(p, pl);
	plan_wininet(p, pl);
	plan_dotnet(p, pl);
	plan_schannel(p, pl);
}

/* The static inverse: delete every value the plan sets, in plan order. */
void
plan_inverse(const struct plan *pl, struct plan *inv)
{
	struct plan_op	*op;
	size_t		 i;

	memset(inv, 0, sizeof *inv);
	inv->policy = pl->policy;
	inv->ops = xreallocarray(NULL, pl->n, sizeof *inv->ops);
	inv->n = pl->n;
	for (i = 0; i < pl->n; i++) {
		op = &inv->ops[i];
		*op = pl->ops[i];
		op->action = OP_DELETE;
		op->data = 0;
		op->key = xstrdup(pl->ops[i].key);
		op->why = xasprintf("undo %s", pl->ops[i].why);
	}
}

void
plan_free(struct plan *pl)
{
	size_t	i;

	for (i = 0; i < pl->n; i++) {
		free(pl->ops[i].key);
		free(pl->ops[i].why);
	}
	free(pl->ops);
	memset(pl, 0, sizeof *pl);
}

const char *
hive_long_name(enum reg_hive h)
{
	return h == HIVE_HKCU ? "HKEY_CURRENT_USER" : "HKEY_LOCAL_MACHINE";
}

const char *
hive_short_name(enum reg_hive h)
{
	return h == HIVE_HKCU ? "HKCU" : "HKLM";
}

const char *
view_name(enum reg_view v)
{
	switch (v) {
	case VIEW_64:
		return "64";
	case VIEW_32:
		return "32";
	case VIEW_SHARED:
		return "shared";
	}
	return "?";
}

const char *
reg_type_name(uint32_t type)
{
	static const char *const names[] = {
		"REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY",
		"REG_DWORD", "REG_DWORD_BIG_ENDIAN", "REG_LINK",
		"REG_MULTI_SZ", "REG_RESOURCE_LIST",
		"REG_FULL_RESOURCE_DESCRIPTOR",
		"REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD"
	};

	return type < sizeof names / sizeof names[0] ? names[type] : "REG_?";
}

int
plan_has_hive(const struct plan *pl, enum reg_hive hive)
{
	size_t	i;

	for (i = 0; i < pl->n; i++) {
		if (pl->ops[i].hive == hive)
			return 1;
	}
	return 0;
}

int
plan_op_under_policies(const struct plan_op *op)
{
	return strncasecmp(op->key, "SOFTWARE\\Policies\\", 18) == 0;
}

char *
plan_op_physical_key(const struct plan_op *op)
{
	static const char	sw[] = "SOFTWARE\\";

	if (op->view == VIEW_32 && strncasecmp(op->key, sw, sizeof sw - 1) == 0)
		return xasprintf("%.*sWow6432Node\\%s", (int)(sizeof sw - 1),
		    op->key, op->key + sizeof sw - 1);
	return xstrdup(op->key);
}

static size_t
key_depth_n(const char *key, size_t len)
{
	size_t	depth = 1, i;

	for (i = 0; i < len; i++)
		depth += key[i] == '\\';
	return depth;
}

static size_t
key_depth(const char *key)
{
	return key_depth_n(key, strlen(key));
}

/* Adds a key once; returns 1 when it was there already. */
static int
keys_add(struct plan_key **keys, size_t *n, const struct plan_op *op,
    const char *key, size_t len, int holds)
{
	struct plan_key	*k;
	size_t		 i;

	for (i = 0; i < *n; i++) {
		k = &(*keys)[i];
		if (k->hive == op->hive && k->view == op->view &&
		    strncmp(k->key, key, len) == 0 && k->key[len] == '\0') {
			k->holds_values |= holds;
			return 1;
		}
	}
	*keys = xreallocarray(*keys, *n + 1, sizeof **keys);
	k = &(*keys)[(*n)++];
	k->hive = op->hive;
	k->view = op->view;
	k->key = xstrndup(key, len);
	k->holds_values = holds;
	return 0;
}

size_t
plan_keys(const struct plan *pl, struct plan_key **out)
{
	const struct plan_op	*op;
	struct plan_key		*keys = NULL;
	const char		*p;
	size_t			 i, n = 0;

	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		keys_add(&keys, &n, op, op->key, strlen(op->key), 1);
		/* Ancestors below the top level, nearest first. */
		for (p = op->key + strlen(op->key); p > op->key; p--) {
			if (*p != '\\')
				continue;
			/* Two levels (SOFTWARE\Microsoft) always exist. */
			if (key_depth_n(op->key, (size_t)(p - op->key)) < 3)
				break;
			/* A key there already came with its ancestors. */
			if (keys_add(&keys, &n, op, op->key,
			    (size_t)(p - op->key), 0))
				break;
		}
	}
	/* Deepest first; a stable insertion sort keeps plan order otherwise. */
	for (i = 1; i < n; i++) {
		struct plan_key	k = keys[i];
		size_t		j = i;

		for (; j > 0 && key_depth(keys[j - 1].key) < key_depth(k.key); j--)
			keys[j] = keys[j - 1];
		keys[j] = k;
	}
	*out = keys;
	return n;
}

void
plan_keys_free(struct plan_key *keys, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(keys[i].key);
	free(keys);
}

int
plan_enables_tls13(const struct plan *pl)
{
	const struct plan_op	*op;
	size_t			 i;

	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		if (op->action != OP_SET)
			continue;
		if ((strcmp(op->value, "DefaultSecureProtocols") == 0 ||
		    strcmp(op->value, "SecureProtocols") == 0) &&
		    (op->data & protocols[PROTO_TLS13].bit))
			return 1;
		if (strcmp(op->value, "Enabled") == 0 && op->data == 1 &&
		    strstr(op->key, "\\TLS 1.3\\") != NULL)
			return 1;
	}
	return 0;
}

int
plan_sets_winhttp(const struct plan *pl)
{
	size_t	i;

	for (i = 0; i < pl->n; i++) {
		if (strcmp(pl->ops[i].value, "DefaultSecureProtocols") == 0)
			return 1;
	}
	return 0;
}

const char *
view_label(enum reg_view v)
{
	switch (v) {
	case VIEW_64:
		return "64-bit";
	case VIEW_32:
		return "32-bit";
	case VIEW_SHARED:
		return "shared";
	}
	return "?";
}

void
plan_write_table(const struct plan *pl, struct buf *out)
{
	const struct plan_op	*op;
	const struct policy	*p = pl->policy;
	size_t			 i, wkey = 3, wval = 5, n;

	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		n = strlen(op->key) + 5;
		if (n > wkey)
			wkey = n;
		if (strlen(op->value) > wval)
			wval = strlen(op->value);
	}
	/* The name may hold a tab: for the terminal, as \x09. */
	buf_printf(out, "policy %s (", p->id);
	text_printable(out, p->name);
	buf_printf(out, "), version %s: %zu operation%s\n\n", p->version,
	    pl->n, pl->n == 1 ? "" : "s");
	buf_printf(out, "%-6s  %-6s  %-*s  %-*s  %-9s  %-10s  %s\n", "ACTION",
	    "VIEW", (int)wkey, "KEY", (int)wval, "VALUE", "TYPE", "DATA",
	    "LINE  WHY");
	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		buf_printf(out, "%-6s  %-6s  %s\\%-*s  %-*s  %-9s  ",
		    op->action == OP_SET ? "set" : "delete",
		    view_label(op->view), hive_short_name(op->hive),
		    (int)(wkey - 5), op->key, (int)wval, op->value,
		    reg_type_name(op->type));
		if (op->action == OP_SET)
			buf_printf(out, "0x%08X", (unsigned)op->data);
		else
			buf_printf(out, "%-10s", "-");
		buf_printf(out, "  %-4d  %s\n", op->line, op->why);
	}
}

static void
plan_ops_json(const struct plan *pl, struct buf *out)
{
	const struct plan_op	*op;
	char			*phys;
	size_t			 i;

	buf_adds(out, "[");
	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		phys = plan_op_physical_key(op);
		buf_printf(out, "%s\n    {\"action\": \"%s\", \"hive\": \"%s\", "
		    "\"view\": \"%s\", \"key\": ", i == 0 ? "" : ",",
		    op->action == OP_SET ? "set" : "delete",
		    hive_short_name(op->hive), view_name(op->view));
		json_string(out, op->key);
		buf_printf(out, ", \"path\": \"%s\\\\", hive_long_name(op->hive));
		json_string_body(out, phys);
		buf_adds(out, "\", \"value\": ");
		json_string(out, op->value);
		buf_printf(out, ", \"type\": \"%s\", ", reg_type_name(op->type));
		if (op->action == OP_SET)
			buf_printf(out, "\"data\": %u, \"hex\": \"0x%08X\", ",
			    (unsigned)op->data, (unsigned)op->data);
		else
			buf_adds(out, "\"data\": null, \"hex\": null, ");
		buf_printf(out, "\"line\": %d, \"why\": ", op->line);
		json_string(out, op->why);
		buf_adds(out, "}");
		free(phys);
	}
	buf_adds(out, pl->n == 0 ? "]" : "\n  ]");
}

void
plan_write_json(const struct plan *pl, const struct plan *inv, struct buf *out)
{
	const struct policy	*p = pl->policy;

	buf_adds(out, "{\n  \"policy\": {\"id\": ");
	json_string(out, p->id);
	buf_adds(out, ", \"name\": ");
	json_string(out, p->name);
	buf_adds(out, ", \"version\": ");
	json_string(out, p->version);
	buf_adds(out, ", \"description\": ");
	json_string(out, p->description);
	buf_adds(out, ", \"vendor\": ");
	json_string(out, p->vendor);
	buf_adds(out, "},\n  \"operations\": ");
	plan_ops_json(pl, out);
	buf_adds(out, ",\n  \"rollback\": ");
	plan_ops_json(inv, out);
	buf_adds(out, "\n}\n");
}

/*
 * The plan's identity for the scripts' backups: the first 16 hex digits of
 * the SHA-256 of every operation (hive, view, key, value, type, data) and
 * every key, in order. A backup records it, and rollback refuses a backup
 * of another plan: its records name values by their place in the plan.
 */
/*
 * Made the first time it is asked for and kept in the plan (a cache: the
 * plan itself is not changed; plans are never const objects). check and
 * lint rarely need it, and it costs more than building the plan.
 */
void
plan_id(const struct plan *pl, char out[17])
{
	struct plan	*cache = (struct plan *)pl;

	if (pl->id[0] == '\0')
		make_id(pl, cache->id);
	memcpy(out, pl->id, 17);
}

static void
make_id(const struct plan *pl, char out[17])
{
	struct buf		 b;
	struct plan_key		*keys;
	unsigned char		 md[EVP_MAX_MD_SIZE];
	unsigned int		 mdlen = 0, i;
	size_t			 k, n;

	buf_init(&b);
	for (k = 0; k < pl->n; k++) {
		const struct plan_op *op = &pl->ops[k];

		buf_printf(&b, "op|%s|%s|%s|%s|%u|%u\n", hive_short_name(op->hive),
		    view_name(op->view), op->key, op->value, (unsigned)op->type,
		    (unsigned)op->data);
	}
	n = plan_keys(pl, &keys);
	for (k = 0; k < n; k++)
		buf_printf(&b, "key|%s|%s|%s|%d\n", hive_short_name(keys[k].hive),
		    view_name(keys[k].view), keys[k].key, keys[k].holds_values);
	plan_keys_free(keys, n);
	if (EVP_Digest(b.data, b.len, md, &mdlen, EVP_sha256(), NULL) != 1 ||
	    mdlen < 8) {
		fprintf(stderr, "tlsgpo: internal error: SHA-256 failed\n");
		abort();
	}
	for (i = 0; i < 8; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	buf_free(&b);
}

size_t
plan_os_needs(const struct plan *pl, struct plan_os_need *need, size_t max)
{
	struct os_row		 rows[32];
	const struct plan_op	*op;
	proto_set		 winhttp = 0;
	size_t			 i, n;
	int			 sets_winhttp = 0, sets_v2_sdt = 0, tls13;
	int			 uses_tls12 = 0, tls10_off, tls10_srv_off;
	size_t			 j;

	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		if (op->action != OP_SET)
			continue;
		if (strcmp(op->value, "DefaultSecureProtocols") == 0) {
			sets_winhttp = 1;
			winhttp |= protocols_from_mask(op->data);
		}
		if (strcmp(op->value, "SystemDefaultTlsVersions") == 0 &&
		    op->data == 1 && strstr(op->key, "v2.0.50727") != NULL)
			sets_v2_sdt = 1;
		/* Anything that needs SCHANNEL's TLS 1.1 or 1.2. */
		if (((strcmp(op->value, "DefaultSecureProtocols") == 0 ||
		    strcmp(op->value, "SecureProtocols") == 0) &&
		    (op->data & (protocols[PROTO_TLS11].bit |
		    protocols[PROTO_TLS12].bit))) ||
		    (strncmp(op->value, "Sch", 3) == 0 && op->data == 1) ||
		    (strcmp(op->value, "SystemDefaultTlsVersions") == 0 &&
		    op->data == 1) ||
		    ((strstr(op->key, "\\TLS 1.1\\") != NULL ||
		    strstr(op->key, "\\TLS 1.2\\") != NULL) &&
		    strcmp(op->value, "Enabled") == 0 && op->data == 1))
			uses_tls12 = 1;
	}
	/* TLS 1.0 turned off, for a side or both. */
	tls10_srv_off = pl->policy->schannel[PROTO_TLS10][SIDE_SERVER] ==
	    SC_DISABLED;
	tls10_off = tls10_srv_off ||
	    pl->policy->schannel[PROTO_TLS10][SIDE_CLIENT] == SC_DISABLED;
	tls13 = plan_enables_tls13(pl);
	n = os_rows(rows, sizeof rows / sizeof rows[0]);
	if (n > max)
		n = max;
	for (i = 0; i < n; i++) {
		const struct os_target *t = rows[i].t;

		memset(&need[i], 0, sizeof need[i]);
		need[i].build_min = rows[i].build_min;
		need[i].build_max = rows[i].build_max;
		snprintf(need[i].display, sizeof need[i].display, "%s",
		    rows[i].display);
		if (sets_winhttp) {
			need[i].winhttp_kb = t->winhttp_kb;
			need[i].winhttp_partial =
			    (winhttp & ~t->winhttp_honours) != 0;
		}
		if (sets_v2_sdt)
			need[i].dotnet35_kb = t->dotnet35_kb;
		need[i].tls13_lacking = tls13 &&
		    !(t->supported & (1U << PROTO_TLS13));
		if (uses_tls12 || tls10_off)
			need[i].tls12_kb = t->tls12_kb;
		if (tls10_srv_off)
			need[i].rdp_kb = t->rdp_tls10_kb;
		need[i].t = t;
		need[i].winhttp = winhttp;
		need[i].uses_tls12 = uses_tls12;
		need[i].tls10_off = tls10_off;
		/* Servers: TLS 1.0 off and nothing later on, by the target's
		 * defaults and the policy (2008 R2 has TLS 1.1 and 1.2 off).
		 * Clients are not counted: an application that asks for TLS
		 * 1.2 (WinHTTP with DefaultSecureProtocols) gets it. */
		need[i].no_tls_left = tls10_srv_off &&
		    policy_tls_after(pl->policy, t, SIDE_SERVER) == 0;
		for (j = PROTO_TLS11; need[i].no_tls_left &&
		    j <= PROTO_TLS12; j++)
			if ((t->supported & (1U << j)) &&
			    pl->policy->schannel[j][SIDE_SERVER] == SC_UNSET)
				need[i].no_tls_check |= 1U << j;
	}
	/* Narrowest range first: a script takes the first row that fits, so
	 * that a server's one build is not named as the client range's.
	 * (Stable: n is small.) */
	for (i = 1; i < n; i++) {
		struct plan_os_need	k = need[i];
		size_t			j = i;

		for (; j > 0 && need[j - 1].build_max - need[j - 1].build_min >
		    k.build_max - k.build_min; j--)
			need[j] = need[j - 1];
		need[j] = k;
	}
	return n;
}
