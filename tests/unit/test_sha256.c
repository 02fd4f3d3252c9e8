/*
 * test_sha256.c - sha256.h against the FIPS 180-4 example vectors, each
 * test run once per implementation (_i: 0 portable C, 1 the x86 SHA
 * extensions where the processor has them, else portable again).
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sha256.h"
#include "suites.h"

static void init(sha256 *c, int i)
{
	sha256_init_impl(c, i == 1 && sha256_have_shani());
}

static void hash_with(int i, const void *data, size_t n, char hex[65])
{
	sha256 c;
	init(&c, i);
	sha256_update(&c, data, n);
	sha256_final_hex(&c, hex);
}

static const char EMPTY[] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
static const char ABC[] = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
static const char MSG448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
static const char HASH448[] = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
static const char MSG896[] = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                             "klmnopqrlmnopqrsmnopqrstnopqrstu";
static const char HASH896[] = "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1";
static const char MILLION_A[] = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

START_TEST(vector_empty)
{
	char hex[65];
	hash_with(_i, "", 0, hex);
	ck_assert_str_eq(hex, EMPTY);
	ck_assert_uint_eq(strlen(hex), 64);
}
END_TEST

START_TEST(vector_abc)
{
	char hex[65];
	hash_with(_i, "abc", 3, hex);
	ck_assert_str_eq(hex, ABC);
}
END_TEST

START_TEST(vector_448_bits)
{
	char hex[65];
	ck_assert_uint_eq(strlen(MSG448) * 8, 448);
	hash_with(_i, MSG448, strlen(MSG448), hex);
	ck_assert_str_eq(hex, HASH448);
}
END_TEST

START_TEST(vector_896_bits)
{
	char hex[65];
	ck_assert_uint_eq(strlen(MSG896) * 8, 896);
	hash_with(_i, MSG896, strlen(MSG896), hex);
	ck_assert_str_eq(hex, HASH896);
}
END_TEST

START_TEST(vector_million_a_odd_chunks)
{
	static const size_t chunks[] = {1, 3, 7, 13, 63, 64, 65, 127, 1000, 4093, 65537};
	char *a = malloc(1000000);
	ck_assert_ptr_nonnull(a);
	memset(a, 'a', 1000000);
	for (size_t k = 0; k < sizeof chunks / sizeof chunks[0]; k++) {
		sha256 c;
		init(&c, _i);
		size_t done = 0;
		while (done < 1000000) {
			size_t n = chunks[k] < 1000000 - done ? chunks[k] : 1000000 - done;
			sha256_update(&c, a + done, n);
			done += n;
		}
		char hex[65];
		sha256_final_hex(&c, hex);
		ck_assert_msg(strcmp(hex, MILLION_A) == 0, "chunk %zu: %s", chunks[k], hex);
	}
	/* and in one piece */
	char hex[65];
	hash_with(_i, a, 1000000, hex);
	ck_assert_str_eq(hex, MILLION_A);
	free(a);
}
END_TEST

START_TEST(chunking_matches_one_piece)
{
	/* every split point of a 200-byte message crossing block boundaries
	 * (55, 56, 64, 119, 120 bytes are the padding edge cases) */
	unsigned char msg[200];
	for (int i = 0; i < 200; i++)
		msg[i] = (unsigned char)(i * 37 + 11);
	static const size_t lens[] = {0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 200};
	for (size_t l = 0; l < sizeof lens / sizeof lens[0]; l++) {
		char whole[65];
		hash_with(_i, msg, lens[l], whole);
		for (size_t cut = 0; cut <= lens[l]; cut++) {
			sha256 c;
			init(&c, _i);
			sha256_update(&c, msg, cut);
			sha256_update(&c, msg + cut, lens[l] - cut);
			char hex[65];
			sha256_final_hex(&c, hex);
			ck_assert_msg(strcmp(hex, whole) == 0, "len %zu cut %zu", lens[l], cut);
		}
	}
	/* distinct lengths give distinct hashes */
	char h55[65], h56[65];
	hash_with(_i, msg, 55, h55);
	hash_with(_i, msg, 56, h56);
	ck_assert_str_ne(h55, h56);
}
END_TEST

START_TEST(hex_is_lowercase)
{
	char hex[65];
	hash_with(_i, "abc", 3, hex);
	for (int i = 0; i < 64; i++)
		ck_assert_msg((hex[i] >= '0' && hex[i] <= '9') || (hex[i] >= 'a' && hex[i] <= 'f'), "char %d", i);
	ck_assert_int_eq(hex[64], '\0');
}
END_TEST

/* The two implementations agree on every length up to three blocks and on
 * a 1 MB pseudo-random message fed in uneven pieces. */
START_TEST(implementations_agree)
{
	size_t n = 1000003;
	unsigned char *m = malloc(n);
	ck_assert_ptr_nonnull(m);
	uint32_t x = 2463534242u;
	for (size_t i = 0; i < n; i++) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		m[i] = (unsigned char)x;
	}
	for (size_t len = 0; len <= 192; len++) {
		char a[65], b[65];
		hash_with(0, m, len, a);
		hash_with(1, m, len, b);
		ck_assert_msg(strcmp(a, b) == 0, "length %zu: %s vs %s", len, a, b);
	}
	char hex[2][65];
	for (int i = 0; i < 2; i++) {
		sha256 c;
		init(&c, i);
		for (size_t done = 0, step = 1; done < n; step = step * 3 % 70001 + 1) {
			size_t k = step < n - done ? step : n - done;
			sha256_update(&c, m + done, k);
			done += k;
		}
		sha256_final_hex(&c, hex[i]);
	}
	ck_assert_str_eq(hex[0], hex[1]);
	free(m);
}
END_TEST

/* sha256_init takes the extensions exactly when they are there. */
START_TEST(init_picks_the_fastest)
{
	sha256 c;
	sha256_init(&c);
	ck_assert_int_eq(c.shani, sha256_have_shani());
	char hex[65];
	sha256_update(&c, "abc", 3);
	sha256_final_hex(&c, hex);
	ck_assert_str_eq(hex, ABC);
}
END_TEST

Suite *sha256_suite(void)
{
	Suite *s = suite_create("sha256");
	TCase *tc = tcase_create("fips");
	tcase_set_timeout(tc, 30);
	tcase_add_loop_test(tc, vector_empty, 0, 2);
	tcase_add_loop_test(tc, vector_abc, 0, 2);
	tcase_add_loop_test(tc, vector_448_bits, 0, 2);
	tcase_add_loop_test(tc, vector_896_bits, 0, 2);
	tcase_add_loop_test(tc, vector_million_a_odd_chunks, 0, 2);
	tcase_add_loop_test(tc, chunking_matches_one_piece, 0, 2);
	tcase_add_loop_test(tc, hex_is_lowercase, 0, 2);
	tcase_add_test(tc, implementations_agree);
	tcase_add_test(tc, init_picks_the_fastest);
	suite_add_tcase(s, tc);
	return s;
}
