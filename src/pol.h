/*
 * A strict reader of Registry.pol (PReg version 1, [MS-GPREG] 2.2.1), for
 * decode-pol and, later, the audit command.
 */
#ifndef TLSGPO_POL_H
#define TLSGPO_POL_H

#include <stddef.h>
#include <stdint.h>

struct pol_record {
	char		*key;		/* UTF-8 */
	char		*value;		/* UTF-8 */
	uint32_t	 type;
	uint32_t	 size;
	const unsigned char *data;	/* into the file's bytes */
	size_t		 offset;	/* of its '[' */
};

struct pol_file {
	struct pol_record	*v;
	size_t			 n;
};

/*
 * Parses len bytes. Returns 0, or -1 with *err_offset and a message in
 * err (truncation, bad signature or version, a missing delimiter, a
 * string without its NUL, odd sizes, a size past the end, bad UTF-16).
 */
int	pol_parse(const unsigned char *, size_t, struct pol_file *,
	    size_t *, char *, size_t);
void	pol_free(struct pol_file *);

/* A record as it lies in the file: strings as UTF-16LE code units. */
struct pol_raw {
	const unsigned char	*key;
	size_t			 key_units;
	const unsigned char	*value;
	size_t			 value_units;
	uint32_t		 type;
	uint32_t		 size;
	const unsigned char	*data;
	size_t			 offset;
};

/* Called per record; -1 stops the scan (an error at the record). */
typedef int	(*pol_record_fn)(void *, const struct pol_raw *);

/*
 * The same strict reading without decoding anything: fn sees each record
 * as it lies in the file (fn may be NULL). Returns 0 or -1 as pol_parse.
 */
int	pol_scan(const unsigned char *, size_t, pol_record_fn, void *,
	    size_t *, char *, size_t);

/*
 * The same over a file read in parts: bytes p[0, len) lie at file offset
 * base (the header is read when base is 0); when not final, a record the
 * part cuts is left for the next call, *used telling where the complete
 * records end. Offsets in messages and records are the file's.
 */
int	pol_scan_part(const unsigned char *, size_t, size_t, int,
	    pol_record_fn, void *, size_t *, size_t *, char *, size_t);

#endif
