/*
 * Diagnostics: errors and warnings collected while reading input, printed
 * once, at the top, as "FILE:LINE: message" or "FILE:LINE: warning: message".
 */
#ifndef TLSGPO_DIAG_H
#define TLSGPO_DIAG_H

#include <stdio.h>

struct diag {
	int	 line;
	int	 warning;
	char	*msg;
};

struct diags {
	const char	*file;
	struct diag	*v;
	size_t		 n;
	size_t		 errors;
};

void	diags_init(struct diags *, const char *);
void	diags_free(struct diags *);
void	diag_error(struct diags *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	diag_warn(struct diags *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	diags_print(const struct diags *, FILE *);

#endif
