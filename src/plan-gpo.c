#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/evp.h>

#include "os.h"
#include "plan-gpo.h"
#include "xmalloc.h"

/*
 * Where the GPO backup carries each operation and on which Windows it
 * applies (plan-gpo.h), and the names of what the backup holds.
 */

/* [gpo] mode's placement of one operation. */
static int
as_policy(const struct plan *pl, const struct plan_op *op)
{
	switch (pl->policy->gpo_mode) {
	case GPO_AUTO:
		return plan_op_under_policies(op);
	case GPO_POLICY:
	case GPO_BOTH:
		return 1;
	case GPO_PREFERENCES:
		return 0;
	}
	return 0;
}

static int
as_preference(const struct plan *pl, const struct plan_op *op)
{
	switch (pl->policy->gpo_mode) {
	case GPO_AUTO:
		return !plan_op_under_policies(op);
	case GPO_PREFERENCES:
	case GPO_BOTH:
		return 1;
	case GPO_POLICY:
		return 0;
	}
	return 0;
}

/* The protocol of a SCHANNEL operation, PROTO_COUNT for any other. */
static enum proto_id
schannel_protocol(const struct plan_op *op)
{
	static const char base[] = "SYSTEM\\CurrentControlSet\\Control\\"
	    "SecurityProviders\\SCHANNEL\\Protocols\\";

	if (strncasecmp(op->key, base, sizeof base - 1) != 0)
		return PROTO_COUNT;
	return protocol_of_key_tail(op->key + sizeof base - 1);
}

static unsigned
min_build(const struct plan_op *op)
{
	enum proto_id	id = schannel_protocol(op);

	if (id == PROTO_COUNT)
		return 0;
	return os_wmi_build_filterable(os_protocol_first_build(id));
}

/*
 * The WQL of an item's FilterWmi, NULL when it has none (caller frees):
 * os.c's queries for a first build (a protocol older Windows lack: TLS 1.3,
 * DTLS 1.2) and for 64-bit Windows (the 32-bit view, SOFTWARE\Wow6432Node,
 * which only 64-bit Windows has; on 32-bit Windows the item would make a
 * stray Wow6432Node key). SCHANNEL keys are never redirected, so no item
 * needs both.
 */
char *
plan_gpo_filter(const struct plan_op *op)
{
	if (op->gpo.only_64bit)
		return os_wmi_64bit_query();
	if (op->gpo.min_build == 0)
		return NULL;
	return os_wmi_build_query(op->gpo.min_build);
}

void
plan_gpo_place(struct plan *pl)
{
	struct plan_op	*op;
	size_t		 i;

	for (i = 0; i < pl->n; i++) {
		op = &pl->ops[i];
		op->gpo.policy = as_policy(pl, op);
		op->gpo.preference = as_preference(pl, op);
		op->gpo.min_build = min_build(op);
		op->gpo.only_64bit = op->view == VIEW_32;
	}
}

int
plan_gpo_policy(const struct plan *pl, const struct plan_op *op)
{
	(void)pl;
	return op->gpo.policy;
}

int
plan_gpo_preference(const struct plan *pl, const struct plan_op *op)
{
	(void)pl;
	return op->gpo.preference;
}

int
plan_gpo_has(const struct plan *pl, enum reg_hive hive,
    int (*pick)(const struct plan *, const struct plan_op *))
{
	size_t	i;

	for (i = 0; i < pl->n; i++) {
		if (pl->ops[i].hive == hive && pick(pl, &pl->ops[i]))
			return 1;
	}
	return 0;
}

size_t
plan_gpo_count(const struct plan *pl,
    int (*pick)(const struct plan *, const struct plan_op *))
{
	size_t	i, n = 0;

	for (i = 0; i < pl->n; i++)
		n += pick(pl, &pl->ops[i]) != 0;
	return n;
}

size_t
plan_gpo_tattoos(const struct plan *pl)
{
	size_t	i, n = 0;

	for (i = 0; i < pl->n; i++)
		n += !plan_op_under_policies(&pl->ops[i]);
	return n;
}

/* RFC 9562 name-based UUID (version 5, SHA-1) in tlsgpo's own namespace. */
void
plan_gpo_uuid(const char *name, char out[39])
{
	/* uuid5(NAMESPACE_URL, "urn:tlsgpo:gpo") */
	static const unsigned char ns[16] = {
		0x99, 0xdc, 0x54, 0x9a, 0x6f, 0xb3, 0x52, 0x5b,
		0x91, 0x63, 0xb6, 0xf3, 0x29, 0x55, 0x80, 0xe2
	};
	unsigned char	 md[EVP_MAX_MD_SIZE];
	unsigned int	 mdlen;
	EVP_MD_CTX	*c;

	c = EVP_MD_CTX_new();
	if (c == NULL || EVP_DigestInit_ex(c, EVP_sha1(), NULL) != 1 ||
	    EVP_DigestUpdate(c, ns, sizeof ns) != 1 ||
	    EVP_DigestUpdate(c, name, strlen(name)) != 1 ||
	    EVP_DigestFinal_ex(c, md, &mdlen) != 1 || mdlen < 16) {
		fputs("tlsgpo: SHA-1 failed in libcrypto\n", stderr);
		abort();
	}
	EVP_MD_CTX_free(c);
	md[6] = (unsigned char)((md[6] & 0x0f) | 0x50);
	md[8] = (unsigned char)((md[8] & 0x3f) | 0x80);
	snprintf(out, 39, "{%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-"
	    "%02X%02X%02X%02X%02X%02X}", md[0], md[1], md[2], md[3], md[4],
	    md[5], md[6], md[7], md[8], md[9], md[10], md[11], md[12], md[13],
	    md[14], md[15]);
}

/*
 * The backup's ID names its content: the policy id and version, the plan,
 * the mode, the GPO's name and the date. Two different backups never share
 * an ID (Import-GPO finds a backup by it), the same input always gives it.
 */
void
plan_gpo_backup_id(const struct plan *pl, char out[39])
{
	const struct policy	*p = pl->policy;
	char			 plan[17], *name;

	plan_id(pl, plan);
	name = xasprintf("backup:%s:%s:%s:%s:%s:%s", p->id, p->version, plan,
	    gpo_mode_name(p->gpo_mode), p->gpo_date, p->gpo_name);
	plan_gpo_uuid(name, out);
	free(name);
}
