#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "template.h"

const struct template_file *
template_find(const char *name)
{
	const struct template_file	*t;

	for (t = template_files; t->name != NULL; t++) {
		if (strcmp(t->name, name) == 0)
			return t;
	}
	fprintf(stderr, "tlsgpo: internal error: no template %s\n", name);
	abort();
}

static int
is_name_char(char c, int first)
{
	if (c >= 'A' && c <= 'Z')
		return 1;
	return !first && ((c >= '0' && c <= '9') || c == '_');
}

void
template_render(const char *name, const struct template_var *vars,
    size_t nvars, struct buf *out)
{
	const struct template_file	*t = template_find(name);
	const char			*s = t->text, *e = s + t->len, *at, *end;
	size_t				 i, n;

	while (s < e) {
		at = memchr(s, '@', (size_t)(e - s));
		if (at == NULL) {
			buf_add(out, s, (size_t)(e - s));
			break;
		}
		buf_add(out, s, (size_t)(at - s));
		for (end = at + 1; end < e && is_name_char(*end, end == at + 1);
		    end++)
			;
		if (end == at + 1 || end >= e || *end != '@') {
			buf_addc(out, '@');
			s = at + 1;
			continue;
		}
		n = (size_t)(end - at - 1);
		for (i = 0; i < nvars; i++) {
			if (strlen(vars[i].name) == n &&
			    memcmp(vars[i].name, at + 1, n) == 0)
				break;
		}
		if (i == nvars) {
			fprintf(stderr, "tlsgpo: internal error: template %s "
			    "has no value for @%.*s@\n", name, (int)n, at + 1);
			abort();
		}
		buf_adds(out, vars[i].value);
		s = end + 1;
	}
}

void
template_joined(const char *name, struct buf *out)
{
	const struct template_file	*t = template_find(name);
	const char			*s = t->text, *e = s + t->len, *nl;
	size_t				 n;
	int				 first = 1;

	for (; s < e; s = nl + 1) {
		nl = memchr(s, '\n', (size_t)(e - s));
		if (nl == NULL)
			nl = e;
		while (s < nl && (*s == ' ' || *s == '\t'))
			s++;
		n = (size_t)(nl - s);
		while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == ' '))
			n--;
		if (n == 0 || *s == '#')
			continue;
		if (!first)
			buf_addc(out, ' ');
		buf_add(out, s, n);
		first = 0;
	}
}
