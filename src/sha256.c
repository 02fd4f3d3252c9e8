/*
 * sha256.c - SHA-256 (see sha256.h).
 */
#include "sha256.h"

#include <string.h>

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void block(sha256 *c, const unsigned char *p)
{
	uint32_t w[64];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	uint32_t a = c->h[0], b = c->h[1], cc = c->h[2], d = c->h[3];
	uint32_t e = c->h[4], f = c->h[5], g = c->h[6], h = c->h[7];
	for (int i = 0; i < 64; i++) {
		uint32_t S1 = ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25);
		uint32_t ch = (e & f) ^ (~e & g);
		uint32_t t1 = h + S1 + ch + K[i] + w[i];
		uint32_t S0 = ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22);
		uint32_t maj = (a & b) ^ (a & cc) ^ (b & cc);
		uint32_t t2 = S0 + maj;
		h = g;
		g = f;
		f = e;
		e = d + t1;
		d = cc;
		cc = b;
		b = a;
		a = t1 + t2;
	}
	c->h[0] += a;
	c->h[1] += b;
	c->h[2] += cc;
	c->h[3] += d;
	c->h[4] += e;
	c->h[5] += f;
	c->h[6] += g;
	c->h[7] += h;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(GC_SHA256_PORTABLE)
#include <cpuid.h>
#include <immintrin.h>
#define HAVE_SHANI_CODE 1

/* The same compression with the x86 SHA extensions (SHA-NI): about five
 * times faster. sha256_init uses it when the processor has it; the unit
 * tests run both on the same inputs (sha256_init_impl), and
 * -DGC_SHA256_PORTABLE leaves it out. */
__attribute__((target("sha,sse4.1"))) static void blocks_shani(sha256 *c, const unsigned char *p, size_t n)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
	__m128i tmp = _mm_loadu_si128((const __m128i *)&c->h[0]);
	__m128i s1 = _mm_loadu_si128((const __m128i *)&c->h[4]);
	tmp = _mm_shuffle_epi32(tmp, 0xB1);       /* CDAB */
	s1 = _mm_shuffle_epi32(s1, 0x1B);         /* EFGH */
	__m128i s0 = _mm_alignr_epi8(tmp, s1, 8); /* ABEF */
	s1 = _mm_blend_epi16(s1, tmp, 0xF0);      /* CDGH */
	for (; n; n--, p += 64) {
		__m128i abef = s0, cdgh = s1, w[4];
		for (int g = 0; g < 16; g++) {
			/* w[g & 3]: the message words 4g..4g+3 */
			if (g < 4)
				w[g] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * g)), swap);
			__m128i m = _mm_add_epi32(w[g & 3], _mm_loadu_si128((const __m128i *)&K[4 * g]));
			s1 = _mm_sha256rnds2_epu32(s1, s0, m);
			s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(m, 0x0E));
			/* W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16]: the next
			 * group's words, then s0 of this group's for later ones */
			if (g >= 3 && g <= 14) {
				__m128i t7 = _mm_alignr_epi8(w[g & 3], w[(g - 1) & 3], 4);
				w[(g + 1) & 3] = _mm_sha256msg2_epu32(_mm_add_epi32(w[(g + 1) & 3], t7), w[g & 3]);
			}
			if (g >= 1 && g <= 12)
				w[(g - 1) & 3] = _mm_sha256msg1_epu32(w[(g - 1) & 3], w[g & 3]);
		}
		s0 = _mm_add_epi32(s0, abef);
		s1 = _mm_add_epi32(s1, cdgh);
	}
	tmp = _mm_shuffle_epi32(s0, 0x1B);   /* FEBA */
	s1 = _mm_shuffle_epi32(s1, 0xB1);    /* DCHG */
	s0 = _mm_blend_epi16(tmp, s1, 0xF0); /* DCBA */
	s1 = _mm_alignr_epi8(s1, tmp, 8);    /* HGFE */
	_mm_storeu_si128((__m128i *)&c->h[0], s0);
	_mm_storeu_si128((__m128i *)&c->h[4], s1);
}

static int shani_usable(void)
{
	unsigned a, b, cc, d;
	return __get_cpuid(1, &a, &b, &cc, &d) && (cc & bit_SSE4_1) && (cc & bit_SSSE3) &&
	       __get_cpuid_count(7, 0, &a, &b, &cc, &d) && (b & bit_SHA);
}
#else
static int shani_usable(void)
{
	return 0;
}
#endif

int sha256_have_shani(void)
{
	return shani_usable();
}

/* Compresses n whole blocks of 64 bytes. */
static void blocks(sha256 *c, const unsigned char *p, size_t n)
{
#ifdef HAVE_SHANI_CODE
	if (c->shani) {
		blocks_shani(c, p, n);
		return;
	}
#endif
	for (; n; n--, p += 64)
		block(c, p);
}

void sha256_init_impl(sha256 *c, int shani)
{
	static const uint32_t H0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	memcpy(c->h, H0, sizeof H0);
	c->bytes = 0;
	c->used = 0;
	c->shani = shani;
}

void sha256_init(sha256 *c)
{
	sha256_init_impl(c, sha256_have_shani());
}

void sha256_update(sha256 *c, const void *data, size_t n)
{
	const unsigned char *p = data;
	c->bytes += n;
	if (c->used) {
		size_t take = 64 - c->used < n ? 64 - c->used : n;
		memcpy(c->buf + c->used, p, take);
		c->used += take;
		p += take;
		n -= take;
		if (c->used < 64)
			return;
		blocks(c, c->buf, 1);
		c->used = 0;
	}
	blocks(c, p, n / 64);
	p += n / 64 * 64;
	n %= 64;
	memcpy(c->buf, p, n);
	c->used = n;
}

void sha256_final_hex(sha256 *c, char hex[65])
{
	uint64_t bits = c->bytes * 8;
	unsigned char pad = 0x80;
	uint64_t saved = c->bytes;
	sha256_update(c, &pad, 1);
	unsigned char zero = 0;
	while (c->used != 56)
		sha256_update(c, &zero, 1);
	unsigned char len[8];
	for (int i = 0; i < 8; i++)
		len[i] = (unsigned char)(bits >> (56 - 8 * i));
	sha256_update(c, len, 8);
	c->bytes = saved;
	static const char hx[] = "0123456789abcdef";
	for (int i = 0; i < 8; i++)
		for (int j = 0; j < 4; j++) {
			unsigned char byte = (unsigned char)(c->h[i] >> (24 - 8 * j));
			hex[8 * i + 2 * j] = hx[byte >> 4];
			hex[8 * i + 2 * j + 1] = hx[byte & 15];
		}
	hex[64] = '\0';
}
