/* UTF-8 checking and the conversions the writers' encodings need. */
#ifndef TLSGPO_UTF8_H
#define TLSGPO_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/*
 * Decode one code point from s (at most n bytes). Returns its length in
 * bytes, or 0 if the sequence is not valid UTF-8 (overlong forms,
 * surrogates and values above U+10FFFF are invalid).
 */
size_t	utf8_decode(const unsigned char *, size_t, uint32_t *);

/* Appends one code point as UTF-8. */
void	utf8_put(struct buf *, uint32_t);

/* Appends text (valid UTF-8) as UTF-16LE, surrogate pairs as needed. */
void	utf8_to_utf16le(struct buf *, const char *, size_t);

/* Appends text as ASCII; other code points become "<U+XXXX>". */
void	utf8_to_ascii(struct buf *, const char *, size_t);
/* UTF-16LE bytes as UTF-8; a lone surrogate becomes U+FFFD. */
void	utf16le_to_utf8(struct buf *, const unsigned char *, size_t);

/* Appends text with every "\n" turned into "\r\n". */
void	text_to_crlf(struct buf *, const char *, size_t);
/*
 * Appends text for a terminal: every control character (C0, DEL, C1) and
 * every byte that is not UTF-8 as \xHH, so that no escape sequence, CR or
 * line break of an input's text reaches it in a message.
 */
void	text_printable(struct buf *, const char *);
/*
 * Appends s double-quoted for a message and for comparing two texts:
 * '"', '\\' and every control character (and byte that is not UTF-8) as
 * \xHH, so that quotes in it cannot be mistaken for the ends of another.
 */
void	text_quote(struct buf *, const char *);

/*
 * Appends a registry value's text data (UTF-8, NULs kept, len bytes) for a
 * message: one string quoted; a list's strings (multi: REG_MULTI_SZ) quoted
 * and ", "-separated, "(no strings)" for none; then
 * " (NULs not as Windows stores them)" when the data is not the strings
 * each ending in NUL, a list's with one NUL more.
 */
void	text_show_strings(struct buf *, const char *, size_t, int);

/*
 * The same for a name that is also written to JSON and read back: '\\'
 * too, and every byte of a control character, as \xHH (caller frees).
 */
char	*text_escape_dup(const char *);

#endif
