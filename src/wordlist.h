/* Lists in policy values and arguments: words separated by commas or spaces. */
#ifndef TLSGPO_WORDLIST_H
#define TLSGPO_WORDLIST_H

#include <stddef.h>

/*
 * Copies the next word of *s into word (cut to len - 1 bytes) and moves *s
 * past it. Returns 0 when the list has no more words.
 */
int	wordlist_next(const char **, char *, size_t);

/* How many letters one name needs changed to become the other. */
size_t	name_distance(const char *, const char *);

#endif
