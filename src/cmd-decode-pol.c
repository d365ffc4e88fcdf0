#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "json.h"
#include "plan.h"
#include "pol.h"
#include "utf8.h"

#define POL_MAX_SIZE	(1024L * 1024 * 1024)

static uint32_t
le32(const unsigned char *d)
{
	return (uint32_t)d[0] | ((uint32_t)d[1] << 8) | ((uint32_t)d[2] << 16) |
	    ((uint32_t)d[3] << 24);
}

/* The code point at d[*i] (a surrogate pair joined); *i past it. */
static uint32_t
utf16_next(const unsigned char *d, size_t *i, size_t n)
{
	uint32_t	cp, lo;

	cp = (uint32_t)(d[*i] | (d[*i + 1] << 8));
	*i += 2;
	if (cp >= 0xd800 && cp <= 0xdbff && *i + 1 < n) {
		lo = (uint32_t)(d[*i] | (d[*i + 1] << 8));
		if (lo >= 0xdc00 && lo <= 0xdfff) {
			cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			*i += 2;
		}
	}
	return cp;
}

/*
 * UTF-16LE string data (validated by the reader) as UTF-8 text, without
 * its terminating NUL. JSON: exact, a NUL inside as \u0000. Text: control
 * characters as \xHH, REG_MULTI_SZ's strings (multi) joined by '|'.
 */
static void
utf16_text(struct buf *out, const unsigned char *d, size_t n, int json,
    int multi)
{
	struct buf	s;
	uint32_t	cp;
	size_t		i, at;

	/* The list's own terminator: its last string's NUL is below. */
	if (multi && !json && n >= 4 && (n & 1) == 0 &&
	    d[n - 1] == 0 && d[n - 2] == 0 && d[n - 3] == 0 && d[n - 4] == 0)
		n -= 2;
	buf_init(&s);
	if (json)
		buf_addc(out, '"');
	for (i = 0; i + 1 < n;) {
		at = i;
		cp = utf16_next(d, &i, n);
		if (cp == 0 && at + 2 >= n)
			break;		/* the terminator */
		if (cp == 0 && json) {
			json_string_body(out, buf_cstr(&s));
			buf_adds(out, "\\u0000");
			s.len = 0;
		} else if (cp == 0)
			buf_addc(&s, '|');	/* between REG_MULTI_SZ's strings */
		else
			utf8_put(&s, cp);
	}
	if (json) {
		json_string_body(out, buf_cstr(&s));
		buf_addc(out, '"');
	} else
		text_printable(out, buf_cstr(&s));
	buf_free(&s);
}

/*
 * A REG_MULTI_SZ in JSON: an array of its strings, each up to its NUL, as
 * plan --json and check --json give one. The data is NUL-terminated
 * strings; the last, when empty, is the list's terminator and no string
 * ("a\0b\0\0" and "a\0b\0" are ["a", "b"], "\0" is [], "\0\0" is [""]).
 * An empty string inside stays: "a\0\0b\0\0" is ["a", "", "b"].
 */
static void
utf16_json_multi(struct buf *out, const unsigned char *d, size_t n)
{
	struct buf	s;
	uint32_t	cp;
	size_t		i, k = 0;

	if (n == 2 || (n >= 4 && d[n - 3] == 0 && d[n - 4] == 0))
		n -= 2;
	buf_init(&s);
	buf_addc(out, '[');
	for (i = 0; i + 1 < n;) {
		if ((cp = utf16_next(d, &i, n)) != 0) {
			utf8_put(&s, cp);
			continue;
		}
		buf_adds(out, k++ > 0 ? ", " : "");
		json_string(out, buf_cstr(&s));
		s.len = 0;
	}
	buf_addc(out, ']');
	buf_free(&s);
}

static void
print_record(const struct pol_record *r, int json, struct buf *out)
{
	size_t	i;

	if (json) {
		buf_adds(out, "{\"key\": ");
		json_string(out, r->key);
		buf_adds(out, ", \"value\": ");
		json_string(out, r->value);
		buf_printf(out, ", \"type\": \"%s\", \"size\": %u, \"data\": ",
		    reg_type_name(r->type), (unsigned)r->size);
	} else {
		text_printable(out, r->key);
		buf_addc(out, '\t');
		text_printable(out, r->value);
		buf_printf(out, "\t%s\t", reg_type_name(r->type));
	}
	switch (r->type) {
	case REG_TYPE_DWORD:
		buf_printf(out, json ? "%u" : "0x%08X", (unsigned)le32(r->data));
		break;
	case REG_TYPE_MULTI_SZ:
		if (json)
			utf16_json_multi(out, r->data, r->size);
		else
			utf16_text(out, r->data, r->size, 0, 1);
		break;
	case REG_TYPE_SZ:
	case REG_TYPE_EXPAND_SZ:
		utf16_text(out, r->data, r->size, json, 0);
		break;
	default:
		if (json)
			buf_addc(out, '"');
		for (i = 0; i < r->size; i++)
			buf_printf(out, "%02x", r->data[i]);
		if (json)
			buf_addc(out, '"');
	}
	buf_adds(out, json ? "}" : "\n");
}

static int
cmd_decode_pol_exec(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct pol_file	 pf;
	struct buf	 data, out;
	FILE		*fp;
	char		 chunk[8192], err[256];
	size_t		 n, off, i;
	int		 ch, json = 0;

	while ((ch = getopt_long(argc, argv, "jh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'h':
			cmd_print_help(&cmd_decode_pol_entry, stdout);
			return EXIT_OK;
		default:
			return cmd_usage_error(&cmd_decode_pol_entry,
			    "bad option");
		}
	}
	if (argc - optind != 1)
		return cmd_usage_error(&cmd_decode_pol_entry, "give one file");
	if ((fp = fopen(argv[optind], "rb")) == NULL) {
		fprintf(stderr, "%s: cannot open: %s\n", argv[optind],
		    strerror(errno));
		return EXIT_INPUT;
	}
	buf_init(&data);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0 &&
	    data.len <= POL_MAX_SIZE)
		buf_add(&data, chunk, n);
	if (ferror(fp) || data.len > POL_MAX_SIZE) {
		fprintf(stderr, "%s: %s\n", argv[optind], ferror(fp) ?
		    strerror(errno) : "larger than 1 GiB");
		fclose(fp);
		buf_free(&data);
		return EXIT_INPUT;
	}
	fclose(fp);
	if (pol_parse((const unsigned char *)(data.data == NULL ? "" :
	    data.data), data.len, &pf, &off, err, sizeof err) == -1) {
		fprintf(stderr, "%s:%zu: %s\n", argv[optind], off, err);
		buf_free(&data);
		return EXIT_INPUT;
	}
	buf_init(&out);
	if (json)
		buf_adds(&out, "[");
	for (i = 0; i < pf.n; i++) {
		if (json)
			buf_adds(&out, i == 0 ? "\n  " : ",\n  ");
		print_record(&pf.v[i], json, &out);
	}
	if (json)
		buf_adds(&out, pf.n == 0 ? "]\n" : "\n]\n");
	fwrite(out.data == NULL ? "" : out.data, 1, out.len, stdout);
	buf_free(&out);
	pol_free(&pf);
	buf_free(&data);
	return EXIT_OK;
}

const struct cmd_entry cmd_decode_pol_entry = {
	"decode-pol",
	"[--json] FILE",
	"Prints the records of a Registry.pol (PReg version 1): key, value\n"
	"name, type and data, one per line, or as JSON. Strict: a truncated\n"
	"file, a bad signature or version, a missing delimiter, a string\n"
	"without its NUL, a bad size is FILE:OFFSET: message, exit status 2.",
	"  --json       print a JSON array of {key, value, type, size, data}\n"
	"               (a REG_MULTI_SZ's data: an array of its strings)\n",
	cmd_decode_pol_exec
};
