/*
 * The policy reader, through `tlsgpo lint --strict` as the binary runs it.
 * Contract: exit 0, 1 (warnings) or 2; on 2 a FILE:LINE: message; every
 * stderr line names the file. A policy it accepts must round-trip: every
 * artifact renders, the XML ones are well-formed, apply.reg and
 * rollback.reg (UTF-16 and ASCII) read back with check's .reg reader give
 * the plan and its inverse, and each Registry.pol parses to the plan's
 * records for its hive.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "fuzz.h"
#include "package.h"
#include "plan.h"
#include "pol.h"
#include "pol-write.h"
#include "regfile.h"
#include "utf8.h"

static const char *err_text;

/* A text value's bytes (UTF-8, every NUL kept) are the operation's. */
static int
same_text(const struct plan_op *op, const char *text, size_t len)
{
	if (op->text == NULL)
		return 1;
	return text != NULL && len == plan_op_text_size(op) &&
	    memcmp(text, op->text, len) == 0;
}

/* A Registry.pol record's data is the operation's. */
static int
same_pol_data(const struct plan_op *op, const unsigned char *data,
    size_t size)
{
	struct buf	w;
	int		same;

	if (op->text == NULL)
		return size == 4 && (uint32_t)(data[0] | data[1] << 8 |
		    data[2] << 16 | (uint32_t)data[3] << 24) == op->data;
	buf_init(&w);
	utf8_to_utf16le(&w, op->text, plan_op_text_size(op));
	same = w.len == size && memcmp(w.data, data, size) == 0;
	buf_free(&w);
	return same;
}

/* The .reg text reads back as the plan: each value set or deleted. */
static void
reg_roundtrip(const struct plan *pl, const struct buf *text,
    enum text_encoding enc, const char *what)
{
	struct reg_wanted_key	*keys;
	struct reg_wanted_value	*vals;
	struct reg_obs		 obs;
	struct reg_obs_value	*got;
	enum key_seen		*got_key;
	struct buf		 bytes, one;
	char			**phys, err[256];
	const char		*s, *end, *part, *next, *q;
	size_t			 nk = 0, i, k, hdr_len;
	int			 fd, line, seen_key;

	keys = calloc(pl->n + 1, sizeof *keys);
	vals = calloc(pl->n + 1, sizeof *vals);
	phys = calloc(pl->n + 1, sizeof *phys);
	if (keys == NULL || vals == NULL || phys == NULL)
		abort();
	for (i = 0; i < pl->n; i++) {
		phys[i] = plan_op_physical_key(&pl->ops[i]);
		for (k = 0; k < nk; k++)
			if (keys[k].hive == pl->ops[i].hive &&
			    strcasecmp(keys[k].path, phys[i]) == 0)
				break;
		if (k == nk) {
			keys[nk].hive = pl->ops[i].hive;
			keys[nk].path = phys[i];
			keys[nk].len = strlen(phys[i]);
			nk++;
		}
		vals[i].key = k;
		vals[i].name = pl->ops[i].value;
	}
	/*
	 * check's reader wants an export: every key after its parent. An
	 * apply.reg names only the keys it writes, so each key's block is
	 * read as a file of its own (the header line, then the block; the
	 * first with the comments above it), and what each says of a value
	 * is kept. (Not one merged observation: to an export reader, a part
	 * that lists an ancestor, and not the key, says the key is absent.)
	 */
	got = calloc(pl->n + 1, sizeof *got);
	got_key = calloc(nk + 1, sizeof *got_key);
	if (got == NULL || got_key == NULL)
		abort();
	if ((fd = open("/dev/null", O_RDONLY)) == -1)
		abort();
	s = text->data == NULL ? "" : text->data;
	end = s + text->len;
	hdr_len = (size_t)((q = memchr(s, '\n', text->len)) == NULL ?
	    text->len : (size_t)(q - s) + 1);
	for (part = s; part < end; part = next) {
		/* The part ends where a line after its first '[' line starts with '['. */
		next = part;
		for (q = part, seen_key = 0; q < end; ) {
			if (*q == '[') {
				if (seen_key)
					break;
				seen_key = 1;
			}
			q = memchr(q, '\n', (size_t)(end - q));
			q = q == NULL ? end : q + 1;
		}
		next = q;
		buf_init(&one);
		if (part != s)
			buf_add(&one, s, hdr_len);
		buf_add(&one, part, (size_t)(next - part));
		buf_init(&bytes);
		encode_text(one.data, one.len, enc, 1, &bytes);
		reg_obs_init(&obs, keys, nk, vals, pl->n);
		if (regfile_read(fd, (const unsigned char *)bytes.data,
		    bytes.len, &obs, &line, err, sizeof err) == -1)
			fuzz_fail(err_text, "%s does not read back: part at "
			    "byte %zu, line %d: %s", what, (size_t)(part - s),
			    line, err);
		for (i = 0; i < pl->n; i++)
			if (obs.value[i].seen != VAL_UNSEEN)
				reg_obs_value_copy(&got[i], &obs.value[i]);
		for (k = 0; k < nk; k++)
			if (obs.key[k] == KEY_PRESENT)
				got_key[k] = KEY_PRESENT;
		reg_obs_free(&obs);
		buf_free(&bytes);
		buf_free(&one);
	}
	close(fd);
	for (i = 0; i < pl->n; i++) {
		const struct plan_op	*op = &pl->ops[i];
		const struct reg_obs_value *v = &got[i];

		if (op->action == OP_DELETE && v->seen != VAL_DELETED)
			fuzz_fail(err_text, "%s: %s\\%s is not deleted", what,
			    op->key, op->value);
		if (op->action == OP_SET && (v->seen != VAL_PRESENT ||
		    v->type != op->type || v->data != op->data ||
		    !same_text(op, v->text, v->textlen)))
			fuzz_fail(err_text, "%s: %s\\%s reads back as "
			    "seen %d type %u data %u, not %u %u", what, op->key,
			    op->value, (int)v->seen, v->type, v->data, op->type,
			    op->data);
		if (op->action == OP_SET && got_key[vals[i].key] != KEY_PRESENT)
			fuzz_fail(err_text, "%s: key %s is not there", what,
			    op->key);
	}
	for (i = 0; i < pl->n; i++)
		reg_obs_value_clear(&got[i]);
	free(got);
	free(got_key);
	for (i = 0; i < pl->n; i++)
		free(phys[i]);
	free(phys);
	free(keys);
	free(vals);
}

/* A Registry.pol parses, with one record per plan operation in its hive. */
static void
pol_roundtrip(const struct plan *pl, enum reg_hive hive)
{
	struct pol_file	 pf;
	struct buf	 b;
	char		 err[256], *key, *name;
	size_t		 off, i, r = 0;

	buf_init(&b);
	pol_write(pl, hive, NULL, &b);
	if (pol_parse((const unsigned char *)b.data, b.len, &pf, &off, err,
	    sizeof err) == -1)
		fuzz_fail(err_text, "Registry.pol does not parse: %zu: %s",
		    off, err);
	for (i = 0; i < pl->n; i++) {
		const struct plan_op *op = &pl->ops[i];

		if (op->hive != hive)
			continue;
		if (r == pf.n)
			fuzz_fail(err_text, "Registry.pol has %zu records, "
			    "too few", pf.n);
		key = plan_op_physical_key(op);
		if (op->action == OP_DELETE) {
			if (asprintf(&name, "**del.%s", op->value) == -1)
				abort();
		} else if ((name = strdup(op->value)) == NULL)
			abort();
		if (strcmp(pf.v[r].key, key) != 0 ||
		    strcmp(pf.v[r].value, name) != 0 ||
		    (op->action == OP_SET && (pf.v[r].type != op->type ||
		    !same_pol_data(op, pf.v[r].data, pf.v[r].size))))
			fuzz_fail(err_text, "Registry.pol record %zu is not "
			    "%s\\%s", r, key, name);
		free(key);
		free(name);
		r++;
	}
	if (r != pf.n)
		fuzz_fail(err_text, "Registry.pol has %zu records, %zu more "
		    "than the plan", pf.n, pf.n - r);
	pol_free(&pf);
	buf_free(&b);
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t	ls = strlen(s), lx = strlen(suffix);

	return ls >= lx && strcasecmp(s + ls - lx, suffix) == 0;
}

static void
roundtrip(const char *path)
{
	struct policy	 p;
	struct diags	 d;
	struct plan	 pl, inv;
	struct emit_ctx	 ctx;
	struct package	 pkg;
	struct buf	 text;
	xmlDocPtr	 doc;
	size_t		 i;

	diags_init(&d, path);
	if (policy_load(path, &p, &d) == -1 || d.errors != 0)
		fuzz_fail(err_text, "lint accepted what policy_load refuses");
	plan_build(&p, &pl);
	plan_inverse(&pl, &inv);
	memset(&ctx, 0, sizeof ctx);
	ctx.plan = &pl;
	ctx.inverse = &inv;
	ctx.warnings = &d;
	ctx.reg_encoding = ENC_UTF16LE_BOM;
	package_render(&ctx, &pkg);
	for (i = 0; i < pkg.n; i++) {
		const struct pkg_file *f = &pkg.files[i];

		if (ends_with(f->path, ".xml") || ends_with(f->path, ".admx") ||
		    ends_with(f->path, ".adml")) {
			doc = xmlReadMemory(f->data.data, (int)f->data.len,
			    f->path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
			    XML_PARSE_NOWARNING);
			if (doc == NULL)
				fuzz_fail(err_text, "%s is not well-formed XML",
				    f->path);
			xmlFreeDoc(doc);
		}
	}
	package_free(&pkg);
	/* The writer knows the encoding: hex(7) bytes follow it. */
	buf_init(&text);
	ctx.reg_encoding = ENC_UTF16LE_BOM;
	emitter_reg_apply.write(&ctx, &emitter_reg_apply, &text);
	reg_roundtrip(&pl, &text, ENC_UTF16LE_BOM, "apply.reg (UTF-16)");
	buf_free(&text);
	buf_init(&text);
	ctx.reg_encoding = ENC_ASCII;
	emitter_reg_apply.write(&ctx, &emitter_reg_apply, &text);
	reg_roundtrip(&pl, &text, ENC_ASCII, "apply.reg (ASCII)");
	ctx.reg_encoding = ENC_UTF16LE_BOM;
	buf_free(&text);
	buf_init(&text);
	emitter_reg_rollback.write(&ctx, &emitter_reg_rollback, &text);
	reg_roundtrip(&inv, &text, ENC_UTF16LE_BOM, "rollback.reg");
	buf_free(&text);
	pol_roundtrip(&pl, HIVE_HKLM);
	pol_roundtrip(&pl, HIVE_HKCU);
	pol_roundtrip(&inv, HIVE_HKLM);
	plan_free(&inv);
	plan_free(&pl);
	diags_free(&d);
	policy_free(&p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char	*path;
	char		*argv[4];
	int		 rc;

	if (path == NULL)
		path = fuzz_path("policy.ini");
	fuzz_write(path, data, size);
	argv[0] = (char *)"lint";
	argv[1] = (char *)"--strict";
	argv[2] = path;
	argv[3] = NULL;
	rc = fuzz_run(&cmd_lint_entry, argv, &err_text);
	if (rc != EXIT_OK && rc != EXIT_CHECK && rc != EXIT_INPUT)
		fuzz_fail(err_text, "lint exited %d", rc);
	fuzz_expect_messages(err_text, path, NULL, rc != EXIT_OK);
	if (rc != EXIT_INPUT)
		roundtrip(path);
	return 0;
}
