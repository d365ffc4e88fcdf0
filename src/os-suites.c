/* TEMPORARY stub */
#include "config.h"
#include "suites.h"
const char *const cs_cipher_keys[] = { "NULL", "DES 56/56", "RC2 40/128", "RC2 56/128", "RC2 128/128", "RC4 40/128", "RC4 56/128", "RC4 64/128", "RC4 128/128", "Triple DES 168", "AES 128/128", "AES 256/256", NULL };
const char *const cs_hash_keys[] = { "MD5", "SHA", "SHA256", "SHA384", "SHA512", NULL };
const char *const cs_kx_keys[] = { "PKCS", "Diffie-Hellman", "ECDH", NULL };
