/* JSON string escaping (RFC 8259) for the --json outputs. */
#ifndef TLSGPO_JSON_H
#define TLSGPO_JSON_H

#include "buf.h"

void	json_string(struct buf *, const char *);
void	json_string_body(struct buf *, const char *);

#endif
