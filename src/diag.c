#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "utf8.h"
#include "xmalloc.h"

void
diags_init(struct diags *d, const char *file)
{
	d->file = file;
	d->v = NULL;
	d->n = 0;
	d->errors = 0;
}

void
diags_free(struct diags *d)
{
	size_t	i;

	for (i = 0; i < d->n; i++)
		free(d->v[i].msg);
	free(d->v);
	d->v = NULL;
	d->n = d->errors = 0;
}

static void
diag_add(struct diags *d, int line, int warning, const char *fmt, va_list ap)
{
	struct diag	*g;
	struct buf	 b;
	char		*msg;

	d->v = xreallocarray(d->v, d->n + 1, sizeof *d->v);
	g = &d->v[d->n++];
	g->line = line;
	g->warning = warning;
	if (vasprintf(&msg, fmt, ap) == -1)
		msg = xstrdup("(out of memory)");
	/* What it quotes of the policy: control characters as \xHH. */
	buf_init(&b);
	text_printable(&b, msg);
	g->msg = xstrdup(buf_cstr(&b));
	buf_free(&b);
	free(msg);
	if (!warning)
		d->errors++;
}

void
diag_error(struct diags *d, int line, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	diag_add(d, line, 0, fmt, ap);
	va_end(ap);
}

void
diag_warn(struct diags *d, int line, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	diag_add(d, line, 1, fmt, ap);
	va_end(ap);
}

/* Errors first (they are why the run stops), each group in line order. */
void
diags_print(const struct diags *d, FILE *fp)
{
	const struct diag	*g;
	size_t			 i;
	int			 pass, line, next;

	for (pass = 0; pass < 2; pass++) {
		/* Stable selection by line number: the lists are short. */
		line = -1;
		for (;;) {
			next = -1;
			for (i = 0; i < d->n; i++) {
				g = &d->v[i];
				if (g->warning != pass || g->line <= line)
					continue;
				if (next == -1 || g->line < next)
					next = g->line;
			}
			if (next == -1)
				break;
			for (i = 0; i < d->n; i++) {
				g = &d->v[i];
				if (g->warning != pass || g->line != next)
					continue;
				if (g->line == 0)
					fprintf(fp, "%s: %s%s\n", d->file,
					    g->warning ? "warning: " : "", g->msg);
				else
					fprintf(fp, "%s:%d: %s%s\n", d->file,
					    g->line, g->warning ? "warning: " : "",
					    g->msg);
			}
			line = next;
		}
	}
}
