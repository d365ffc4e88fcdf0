#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "plan.h"
#include "xmalloc.h"

/*
 * What a plan's operations name: hives, views and types by name, the key as
 * stored (Wow6432Node), and the keys the plan writes with their ancestors.
 */

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
