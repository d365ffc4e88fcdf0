#include "config.h"

#include <string.h>

#include "quote.h"
#include "utf8.h"

/*
 * Quoting of the policy's own text (names, ids, descriptions) for each
 * language a package speaks; XML is libxml2's (xmlw.c). Every emitter
 * quotes through here, so that a rule for a language lives in one place.
 */

/* ---- PowerShell ------------------------------------------------------ */

/*
 * A single-quoted PowerShell string: nothing inside is expanded. PowerShell
 * also takes the typographic quotes U+2018 to U+201B as single quotes, so
 * they are doubled like the apostrophe.
 */
void
ps_quote(struct buf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 i, k, n = strlen(s);

	buf_addc(out, '\'');
	for (i = 0; i < n; i += k) {
		k = utf8_decode(p + i, n - i, &cp);
		if (k == 0)
			k = 1;
		if (cp == '\'' || (cp >= 0x2018 && cp <= 0x201b))
			buf_add(out, s + i, k);
		buf_add(out, s + i, k);
	}
	buf_addc(out, '\'');
}

/* ---- cmd.exe --------------------------------------------------------- */

/*
 * Text for an echo command outside quotes, with delayed expansion off:
 * every character cmd.exe treats specially is escaped with a caret (a quote
 * too, so that no quoted stretch turns the carets off), % is doubled, and
 * a code point outside ASCII becomes <U+XXXX>, so that the file is ASCII
 * and no code page can change what it says.
 */
void
cmd_escape_echo(struct buf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 cp;
	size_t			 i, k, n = strlen(s);

	for (i = 0; i < n; i += k) {
		k = utf8_decode(p + i, n - i, &cp);
		if (k == 0) {
			cp = 0xfffd;
			k = 1;
		}
		if (cp >= 0x80) {
			buf_printf(out, "^<U+%04X^>", (unsigned)cp);
			continue;
		}
		if (strchr("^&|<>()\"", (int)cp) != NULL && cp != 0)
			buf_addc(out, '^');
		if (cp == '%')
			buf_addc(out, '%');
		buf_addc(out, (char)cp);
	}
}

/* ---- .reg (regedit) ------------------------------------------------- */

/* A quoted .reg name: backslash and double quote are escaped. */
void
reg_quote(struct buf *out, const char *s)
{
	buf_addc(out, '"');
	for (; *s != '\0'; s++) {
		if (*s == '\\' || *s == '"')
			buf_addc(out, '\\');
		buf_addc(out, *s);
	}
	buf_addc(out, '"');
}
