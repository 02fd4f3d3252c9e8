/*
 * sha256.h - SHA-256 (FIPS 180-4), for the fingerprints the register and the
 * summary's About sheet record. None of the project's fixed libraries
 * exposes SHA-256 (SQLite ships only SHA-3 in its shell), so this is the one
 * hash written here; it is tested against the FIPS vectors.
 *
 * On x86-64 processors with the SHA extensions (SHA-NI) the compression
 * runs on them, about five times faster (a 20 MB statement: 64 ms -> 12 ms);
 * otherwise, and when built with -DGC_SHA256_PORTABLE, in portable C.
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
	int shani; /* compress with the SHA extensions */
} sha256;

/* Whether this build and processor can use the SHA extensions. It asks
 * the processor (cpuid), which in a virtual machine can cost more than
 * hashing a small file: ask once and pass the answer to sha256_init_impl. */
int sha256_have_shani(void);
/* Starts a hash; shani must be 0 or what sha256_have_shani() said. */
void sha256_init_impl(sha256 *c, int shani);
/* Starts a hash with the fastest implementation (asks the processor). */
void sha256_init(sha256 *c);
void sha256_update(sha256 *c, const void *data, size_t n);
/* Writes 64 lowercase hex digits and a NUL into hex[65]. */
void sha256_final_hex(sha256 *c, char hex[65]);

#endif
