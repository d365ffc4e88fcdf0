/*
 * Writing the package: what its parts share, and the rest of tlsgpo does
 * not call. package-write.c holds package_write, which checks the target,
 * fills a temporary directory beside it and puts that in its place;
 * package-tree.c makes, fills, fsyncs and removes directory trees;
 * package-swap.c decides whether an existing target may be replaced and
 * holds the renames that replace it, or put it back.
 */
#ifndef TLSGPO_PACKAGE_INT_H
#define TLSGPO_PACKAGE_INT_H

#include <sys/stat.h>

#include <limits.h>
#include <stddef.h>

#include "package.h"

/* Where the earlier package went when the new one took its place. */
struct swap {
	int	 exchanged;	/* RENAME_EXCHANGE: it is under tmp */
	char	 old[NAME_MAX + 5];	/* else moved aside to tmp.old */
	int	 keep_tmp;	/* tmp holds what is not ours: never remove */
};

/* package-tree.c */
int	pkg_sync_dir(int);
int	pkg_remove_tree_at(int, const char *);
int	pkg_write_file(int, const struct pkg_file *);
int	pkg_sync_tree(int, const struct package *, const char **);
int	pkg_make_tmpdir(int, const char *, char *);

/* package-swap.c */
int	pkg_replaceable(int, const char *, const struct stat *, int *);
int	pkg_rename_new(int, const char *, const char *);
int	pkg_swap_into_place(int, const char *, const char *, int,
	    const char *, const char *, struct swap *, char *, size_t);
int	pkg_undo_swap(int, const char *, const char *, const struct swap *);

#endif
