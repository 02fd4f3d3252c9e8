/*
 * sha256.h - SHA-256 (FIPS 180-4), for the fingerprints the register and the
 * summary's About sheet record. None of the project's fixed libraries
 * exposes SHA-256 (SQLite ships only SHA-3 in its shell), so this is the one
 * hash written here; it is tested against the FIPS vectors.
 */
#ifndef GC_SHA256_H
#define GC_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct sha256 {
	uint32_t h[8];
	uint64_t bytes;
	unsigned char buf[64];
	size_t used;
} sha256;

void sha256_init(sha256 *c);
void sha256_update(sha256 *c, const void *data, size_t n);
/* Writes 64 lowercase hex digits and a NUL into hex[65]. */
void sha256_final_hex(sha256 *c, char hex[65]);

#endif
