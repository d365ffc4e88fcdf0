/*
 * The .reg reader: what its parts share, and the rest of tlsgpo does not
 * call. regfile.c reads a file line by line and hands each line to its
 * handler (the header, a key, a value, a value over several lines);
 * regfile-lines.c holds the buffer, splits it into lines and reads their
 * UTF-16 or 8-bit code units; regfile-key.c reads key lines into what they
 * say about the wanted keys; regfile-value.c reads value lines into the
 * wanted values.
 */
#ifndef TLSGPO_REGFILE_INT_H
#define TLSGPO_REGFILE_INT_H

#include <stddef.h>

#include "buf.h"
#include "regfile.h"

#define READ_CHUNK	(64 * 1024)	/* the first buffer; it doubles for a longer line */
#define ANC_MAX		32	/* depth of a wanted key, at most */
#define LINE_MAX_BYTES	(64 * 1024 * 1024)

struct rd {
	int		 fd;
	unsigned char	*buf;
	size_t		 cap, len, pos;
	int		 eof;
	int		 w;		/* bytes per code unit: 1 or 2 */
	int		 line;
	struct reg_obs	*obs;
	long		 cur;		/* wanted key of the current section */
	unsigned char	 lens[1024];	/* 1: a wanted key or ancestor has this length */
	/*
	 * The file (one segment: a header line in the middle of a file is
	 * an error, so rd_seg_end runs once, at its end): the line where each
	 * wanted key's header, and each of its ancestors' at each depth,
	 * appeared; 0: not yet.
	 */
	int		*seg_key;
	int		*seg_anc;	/* nkeys x ANC_MAX */
	int		 seg_headers;	/* key lines in this segment */
	unsigned char	*prev;		/* the last key line's path, as units */
	size_t		 prev_n, prev_cap;
	int		 ansi;		/* REGEDIT4: a code page, maybe double-byte */
	int		 unterminated;	/* the last line had no line end */
	int		 seg_hkcu;	/* HKEY_CURRENT_USER is in this segment */
	int		*errline;
	char		*err;
	size_t		 errlen;
	struct buf	 logical;	/* the value line being read, UTF-8 */
};

/* Where a line stands in a value: outside, in its name, in its string data. */
enum vstate {
	VS_NONE,
	VS_NAME,
	VS_DATA,
	VS_AMBIG	/* 8-bit: a byte over 0x7F before a '\\' */
};

/* Code unit i of a line. */
static inline unsigned
unit(const struct rd *r, const unsigned char *p, size_t i)
{
	return r->w == 2 ? (unsigned)p[2 * i] | (unsigned)p[2 * i + 1] << 8 :
	    p[i];
}

static inline unsigned
fold(unsigned c)
{
	return c >= 'a' && c <= 'z' ? c - 32 : c;
}

/* regfile.c: an error at line (0: none) into r->err; returns -1. */
int	rd_fail(struct rd *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4)));

/* regfile-lines.c */
int	rd_start(struct rd *, const unsigned char *, size_t);
int	rd_next_line(struct rd *, const unsigned char **, size_t *);
int	rd_units_equal(const struct rd *, const unsigned char *, size_t,
	    const char *, size_t);
void	rd_line_utf8(const struct rd *, const unsigned char *, size_t,
	    struct buf *);

/* regfile-key.c */
int	rd_key_line(struct rd *, const unsigned char *, size_t);
void	rd_seg_end(struct rd *);

/* regfile-value.c */
enum vstate rd_value_state(const struct rd *, const unsigned char *, size_t,
	    enum vstate);
int	rd_value_line(struct rd *, const char *, int);

#endif
