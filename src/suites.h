/* TEMPORARY stub: the helper's version replaces this file. */
#ifndef TLSGPO_SUITES_H
#define TLSGPO_SUITES_H
#include <stddef.h>
#include "protocol.h"
extern const char *const cs_cipher_keys[];
extern const char *const cs_hash_keys[];
extern const char *const cs_kx_keys[];
#endif
