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

/*
 * The edit distance between two names, letters compared without case
 * (Levenshtein), for "did you mean" hints; names past 63 bytes count as
 * far from everything.
 */
size_t
name_distance(const char *a, const char *b)
{
	size_t	row[64], i, j, la = strlen(a), lb = strlen(b), prev, cur;

	if (la >= 64 || lb >= 64)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			cur = row[j];
			row[j] = prev + (tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]));
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			if (cur + 1 < row[j])
				row[j] = cur + 1;
			prev = cur;
		}
	}
	return row[lb];
}
