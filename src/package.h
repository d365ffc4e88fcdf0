/*
 * The change package: every emitter's file plus MANIFEST.sha256, rendered
 * in memory, then written to a temporary directory beside the target and
 * renamed into place, so that an error leaves nothing behind.
 */
#ifndef TLSGPO_PACKAGE_H
#define TLSGPO_PACKAGE_H

#include <stddef.h>

#include "buf.h"
#include "emitter.h"

struct pkg_file {
	char		*path;
	struct buf	 data;
};

struct package {
	struct pkg_file	*files;
	size_t		 n;
};

void	package_render(const struct emit_ctx *, struct package *);
void	package_free(struct package *);

/*
 * Writes the package as directory dir. An existing dir is replaced only
 * with force, and only if it is empty or an earlier package (it holds
 * MANIFEST.sha256). Returns 0; 1 when dir exists and may not be replaced;
 * -1 when writing failed. Both put a message in err.
 */
int	package_write(const struct package *, const char *, int, char *,
	    size_t);

#endif
