#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "plan.h"
#include "plan-gpo.h"
#include "plan-int.h"
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

struct plan_op *
plan_add(struct plan *pl, enum reg_hive hive, enum reg_view view,
    const char *key, const char *value, uint32_t data, const char *why,
    int line)
{
	struct plan_op	*op;

	pl->ops = xreallocarray(pl->ops, pl->n + 1, sizeof *pl->ops);
	op = &pl->ops[pl->n++];
	memset(op, 0, sizeof *op);
	op->action = OP_SET;
	op->hive = hive;
	op->view = view;
	op->key = xstrdup(key);
	op->value = value;
	op->type = REG_TYPE_DWORD;
	op->data = data;
	op->why = xstrdup(why);
	op->line = line;
	return op;
}

/* A REG_SZ (n 1) or REG_MULTI_SZ of the N strings in S. */
void
plan_add_text(struct plan *pl, const char *key, const char *value,
    uint32_t type, char *const *s, size_t n, const char *why, int line)
{
	struct plan_op	*op;
	struct buf	 b;
	size_t		 i;

	buf_init(&b);
	for (i = 0; i < n; i++)
		buf_add(&b, s[i], strlen(s[i]) + 1);
	if (type == REG_TYPE_MULTI_SZ)
		buf_add(&b, "", 1);
	op = plan_add(pl, HIVE_HKLM, VIEW_SHARED, key, value, 0, why, line);
	op->type = type;
	op->text = xmalloc(b.len);
	memcpy(op->text, b.data, b.len);
	buf_free(&b);
}

size_t
plan_op_text_size(const struct plan_op *op)
{
	const char	*s;
	size_t		 n = 0;

	if (op->text == NULL)
		return 0;
	if (op->type != REG_TYPE_MULTI_SZ)
		return strlen(op->text) + 1;
	for (s = op->text; *s != '\0'; s += strlen(s) + 1)
		n += strlen(s) + 1;
	return n + 1;
}

const char *
plan_op_text_next(const struct plan_op *op, const char *prev)
{
	if (op->text == NULL)
		return NULL;
	if (prev == NULL)
		return op->type != REG_TYPE_MULTI_SZ || *op->text != '\0' ?
		    op->text : NULL;
	if (op->type != REG_TYPE_MULTI_SZ)
		return NULL;
	prev += strlen(prev) + 1;
	return *prev == '\0' ? NULL : prev;
}

char *
plan_op_text_join(const struct plan_op *op, const char *sep)
{
	struct buf	 b;
	const char	*s;
	char		*out;

	buf_init(&b);
	buf_adds(&b, "");
	for (s = plan_op_text_next(op, NULL); s != NULL;
	    s = plan_op_text_next(op, s)) {
		if (s != op->text)
			buf_adds(&b, sep);
		buf_adds(&b, s);
	}
	out = xstrdup(b.data);
	buf_free(&b);
	return out;
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

void
plan_build(const struct policy *p, struct plan *pl)
{
	memset(pl, 0, sizeof *pl);
	pl->policy = p;
	plan_winhttp(p, pl);
	plan_wininet(p, pl);
	plan_dotnet(p, pl);
	plan_schannel(p, pl);
	plan_crypto(p, pl);
	plan_gpo_place(pl);
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
		op->text = NULL;
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
		free(pl->ops[i].text);
	}
	free(pl->ops);
	memset(pl, 0, sizeof *pl);
}

static void	make_id(const struct plan *, char[17]);

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

		buf_printf(&b, "op|%s|%s|%s|%s|%u|%u", hive_short_name(op->hive),
		    view_name(op->view), op->key, op->value, (unsigned)op->type,
		    (unsigned)op->data);
		/* A text's bytes, NULs as '|' (DWORD plans keep their ids). */
		for (n = 0; n < plan_op_text_size(op); n++)
			buf_addc(&b, op->text[n] == '\0' ? '|' : op->text[n]);
		buf_adds(&b, "\n");
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
