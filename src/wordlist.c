#include "config.h"

#include <ctype.h>
#include <string.h>

#include "wordlist.h"

static int
is_separator(char c)
{
	return c == ',' || isspace((unsigned char)c);
}

int
wordlist_next(const char **sp, char *word, size_t len)
{
	const char	*s = *sp;
	size_t		 n;

	while (is_separator(*s))
		s++;
	if (*s == '\0') {
		*sp = s;
		return 0;
	}
	for (n = 0; s[n] != '\0' && !is_separator(s[n]); n++)
		;
	*sp = s + n;
	if (n >= len)
		n = len - 1;
	memcpy(word, s, n);
	word[n] = '\0';
	return 1;
}
