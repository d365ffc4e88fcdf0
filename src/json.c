#include "config.h"

#include "json.h"

/* Escapes quotes, backslashes and control characters; UTF-8 passes. */
void
json_string_body(struct buf *out, const char *s)
{
	const unsigned char	*u;

	for (u = (const unsigned char *)s; *u != '\0'; u++) {
		switch (*u) {
		case '"':
			buf_adds(out, "\\\"");
			break;
		case '\\':
			buf_adds(out, "\\\\");
			break;
		case '\n':
			buf_adds(out, "\\n");
			break;
		case '\r':
			buf_adds(out, "\\r");
			break;
		case '\t':
			buf_adds(out, "\\t");
			break;
		default:
			if (*u < 0x20 || *u == 0x7f)
				buf_printf(out, "\\u%04x", *u);
			else
				buf_addc(out, (char)*u);
		}
	}
}

void
json_string(struct buf *out, const char *s)
{
	buf_addc(out, '"');
	json_string_body(out, s);
	buf_addc(out, '"');
}
