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
 * The same for a name that is also written to JSON and read back: '\\'
 * too, and every byte of a control character, as \xHH (caller frees).
 */
char	*text_escape_dup(const char *);

#endif
