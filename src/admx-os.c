#include "config.h"

#include <string.h>

#include "admx-os.h"
#include "os.h"

/*
 * The OS facts of the ADML files, in each language: os.c has the facts
 * (names of Windows versions, KB numbers), admx-text.c the words.
 */

/* "a", "a and b", "a, b and c" */
static void
add_name(const struct admx_text *t, struct buf *out, const char *name,
    size_t i, size_t n)
{
	if (i > 0)
		buf_adds(out, i + 1 == n ? t->list_and : t->list_comma);
	buf_adds(out, name);
}

static void
term_text(const struct admx_text *t, const struct os_support_term *term,
    struct buf *out)
{
	struct buf	one;

	buf_init(&one);
	if (term->to != NULL)
		buf_printf(&one, t->sup_range, term->from, term->to);
	else
		buf_adds(&one, term->from);
	if (term->kb != NULL)
		buf_printf(out, t->sup_with_kb, buf_cstr(&one), term->kb);
	else
		buf_adds(out, buf_cstr(&one));
	if (term->tls11_12_only)
		buf_adds(out, t->sup_tls11_12);
	buf_free(&one);
}

/* "At least A with update KB n, or B" / "A to B, or C to D" */
void
admx_support_text(const struct admx_text *t, const struct os_support *sup,
    struct buf *out)
{
	struct buf	terms;
	size_t		i;
	int		range = 0;

	buf_init(&terms);
	for (i = 0; i < 2 && sup->terms[i].from != NULL; i++) {
		if (i > 0)
			buf_adds(&terms, t->sup_or);
		term_text(t, &sup->terms[i], &terms);
		range |= sup->terms[i].to != NULL;
	}
	if (range)
		buf_adds(out, buf_cstr(&terms));
	else
		buf_printf(out, t->sup_at_least, buf_cstr(&terms));
	buf_free(&terms);
}

/* "A / B", for an item's "(A / B or later)". */
static void
support_slash(const struct os_support *sup, struct buf *out)
{
	size_t	i;

	for (i = 0; i < 2 && sup->terms[i].from != NULL; i++)
		buf_printf(out, "%s%s", i == 0 ? "" : " / ", sup->terms[i].from);
}

void
admx_support_names(const struct os_support *sup, struct buf *out)
{
	support_slash(sup, out);
}

void
admx_tls13_only(const struct admx_text *t, struct buf *out)
{
	struct buf	names;

	buf_init(&names);
	support_slash(&os_support_tls13, &names);
	buf_printf(out, t->tls13_only, buf_cstr(&names));
	buf_free(&names);
}

/* The targets that need KB kb for WinHTTP, all of whose bits it honours. */
static void
winhttp_kb_names(const struct admx_text *t, const char *kb, struct buf *out)
{
	size_t	i, j, n = 0;

	for (i = 0; i < os_target_count; i++)
		n += os_targets[i].winhttp_kb != NULL &&
		    strcmp(os_targets[i].winhttp_kb, kb) == 0;
	for (i = j = 0; i < os_target_count; i++) {
		if (os_targets[i].winhttp_kb != NULL &&
		    strcmp(os_targets[i].winhttp_kb, kb) == 0)
			add_name(t, out, os_targets[i].display, j++, n);
	}
}

/* Whether target i is the first of the table to need its WinHTTP KB. */
static int
first_with_kb(size_t i)
{
	size_t	j;

	for (j = 0; j < i; j++) {
		if (os_targets[j].winhttp_kb != NULL &&
		    strcmp(os_targets[j].winhttp_kb,
		    os_targets[i].winhttp_kb) == 0)
			return 0;
	}
	return 1;
}

/*
 * Who honours DefaultSecureProtocols only after an update, who then
 * honours only TLS 1.1 and 1.2, and who has those off for clients.
 */
void
admx_winhttp_needs(const struct admx_text *t, struct buf *out)
{
	const struct os_target	*o;
	const proto_set		 tls1x = (1U << PROTO_TLS11) | (1U << PROTO_TLS12);
	struct buf		 names;
	size_t			 i, j, n;
	int			 first = 1;

	for (i = 0; i < os_target_count; i++) {
		o = &os_targets[i];
		if (o->winhttp_kb == NULL || !first_with_kb(i))
			continue;
		buf_init(&names);
		winhttp_kb_names(t, o->winhttp_kb, &names);
		if (!first)
			buf_adds(out, t->sentence_gap);
		first = 0;
		if ((o->winhttp_honours & ~tls1x) == 0 && o->tls12_kb != NULL)
			buf_printf(out, t->explain_kb_partial, buf_cstr(&names),
			    o->winhttp_kb, o->tls12_kb);
		else
			buf_printf(out, t->explain_kb, buf_cstr(&names),
			    o->winhttp_kb);
		buf_free(&names);
	}
	for (i = n = 0; i < os_target_count; i++)
		n += (os_targets[i].client_off & tls1x) != 0;
	if (n == 0)
		return;
	buf_init(&names);
	for (i = j = 0; i < os_target_count; i++) {
		if (os_targets[i].client_off & tls1x)
			add_name(t, &names, os_targets[i].display, j++, n);
	}
	if (!first)
		buf_adds(out, t->sentence_gap);
	buf_printf(out, t->explain_client_off, buf_cstr(&names));
	buf_free(&names);
}

/* "KB a (A, B), KB b (C)": .NET 3.5's TLS updates, by KB. */
void
admx_dotnet35_needs(const struct admx_text *t, struct buf *out)
{
	struct buf	kbs, names;
	size_t		i, j, n, k = 0;

	buf_init(&kbs);
	for (i = 0; i < os_target_count; i++) {
		const char *kb = os_targets[i].dotnet35_kb;

		if (kb == NULL)
			continue;
		for (j = 0; j < i; j++) {
			if (os_targets[j].dotnet35_kb != NULL &&
			    strcmp(os_targets[j].dotnet35_kb, kb) == 0)
				break;
		}
		if (j < i)
			continue;
		buf_init(&names);
		for (j = i, n = 0; j < os_target_count; j++) {
			if (os_targets[j].dotnet35_kb != NULL &&
			    strcmp(os_targets[j].dotnet35_kb, kb) == 0)
				buf_printf(&names, "%s%s", n++ == 0 ? "" :
				    t->list_comma, os_targets[j].display);
		}
		buf_printf(&kbs, "%sKB %s (%s)", k++ == 0 ? "" : t->list_comma,
		    kb, buf_cstr(&names));
		buf_free(&names);
	}
	buf_init(&names);
	support_slash(&os_support_dotnet35_builtin, &names);
	buf_printf(out, t->explain_net35, buf_cstr(&kbs), buf_cstr(&names));
	buf_free(&names);
	buf_free(&kbs);
}
