/*
 * A streaming reader of registry exports (.reg: regedit /e, reg export,
 * REGEDIT4), for tlsgpo check. It looks only at the keys the caller names
 * and skips every other line without decoding it: key headers are compared
 * as UTF-16 (or 8-bit) code units against the wanted keys' lengths first.
 * Memory does not grow with the input.
 */
#ifndef TLSGPO_REGFILE_H
#define TLSGPO_REGFILE_H

#include <stddef.h>
#include <stdint.h>

#include "plan.h"

/* What an input said about one wanted key. */
enum key_seen {
	KEY_UNSEEN,	/* nothing: the input does not cover it */
	KEY_ABSENT,	/* an ancestor was exported (or [-KEY]), the key was not */
	KEY_PRESENT	/* its header is there */
};

/* What an input said about one wanted value. */
enum val_seen {
	VAL_UNSEEN,	/* not in the input: absent when its key is covered */
	VAL_DELETED,	/* "name"=- */
	VAL_PRESENT
};

struct reg_wanted_key {
	enum reg_hive	 hive;
	const char	*path;		/* without the hive, as stored: ASCII */
	size_t		 len;
};

struct reg_wanted_value {
	size_t		 key;		/* index into keys */
	const char	*name;
};

/*
 * Two types of check's own, for data that is no registry type: a REG_DWORD
 * whose data is not four bytes, and a type an export names in a way no
 * registry type is named.
 */
#define OBS_TYPE_DWORD_SIZE	0xffffffffU
#define OBS_TYPE_UNNAMED	0xfffffffeU

struct reg_obs_value {
	enum val_seen	 seen;
	uint32_t	 type;		/* REG_TYPE_* or OBS_TYPE_* */
	uint32_t	 data;		/* REG_DWORD's */
	/*
	 * REG_SZ's, REG_EXPAND_SZ's and REG_MULTI_SZ's data as UTF-8, every
	 * NUL kept, textlen bytes (as plan_op.text when it is what Windows
	 * stores: "a\0b\0\0"); NULL otherwise. The value owns it.
	 */
	char		*text;
	size_t		 textlen;
	int		 line;
};

/* Forgets what v holds (its text too): VAL_UNSEEN. */
void	reg_obs_value_clear(struct reg_obs_value *);
/* dst becomes a copy of src (its own text). */
void	reg_obs_value_copy(struct reg_obs_value *, const struct reg_obs_value *);
/* v's text: UTF-16LE data bytes, as UTF-8. */
void	reg_obs_value_text(struct reg_obs_value *, const unsigned char *,
	    size_t);
/* ...UTF-8 bytes, every NUL kept (as plan_op.text). */
void	reg_obs_value_set_utf8(struct reg_obs_value *, const char *, size_t);
/* ...8-bit data bytes (an ANSI file's hex(7)), each byte its own code
 * point: exact for ASCII; the code page of other bytes is unknown. */
void	reg_obs_value_text_ansi(struct reg_obs_value *, const unsigned char *,
	    size_t);

/* What the wanted keys and values look like after reading (merged). */
struct reg_obs {
	size_t			 nkeys, nvalues;
	const struct reg_wanted_key *keys;
	const struct reg_wanted_value *values;
	enum key_seen		*key;
	struct reg_obs_value	*value;
	char			 user[96];	/* whose HKCU values these are */
};

void	reg_obs_init(struct reg_obs *, const struct reg_wanted_key *, size_t,
	    const struct reg_wanted_value *, size_t);
void	reg_obs_free(struct reg_obs *);

/*
 * Reads a .reg into obs, later lines and files overriding earlier ones:
 * the head bytes (already read from fd to tell what it is), then fd.
 * Returns 0, or -1 with *line (0: no line) and a message in err: not a
 * .reg, a malformed line in a wanted key, a key listed twice or before its
 * parent, a second user's hive, a line too long, a truncated file, a read
 * error.
 */
int	regfile_read(int, const unsigned char *, size_t, struct reg_obs *,
	    int *, char *, size_t);

#endif
