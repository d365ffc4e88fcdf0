/* A growable byte buffer; every writer renders into one. */
#ifndef TLSGPO_BUF_H
#define TLSGPO_BUF_H

#include <stddef.h>
#include <stdint.h>

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_init(struct buf *);
void	 buf_free(struct buf *);
/* Room for more bytes (and a NUL) after len. */
void	 buf_reserve(struct buf *, size_t);
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addc(struct buf *, char);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_add_u16le(struct buf *, uint16_t);
const char *buf_cstr(struct buf *);

#endif
