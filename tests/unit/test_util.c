/*
 * test_util.c - util.h: the growth helper xgrow() (capacity doubling from 8,
 * contents kept, never shrinks, an element count only the caller keeps) and
 * the string buffer (a zeroed strbuf is empty; putz, printf, take).
 * die_oom()/die_bug() exit the process and are not run here (the unit tests
 * also run with CK_FORK=no under valgrind).
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "util.h"

START_TEST(xgrow_from_empty)
{
	int *a = NULL;
	size_t cap = 0;
	a = xgrow(a, &cap, 1, sizeof *a);
	ck_assert_ptr_nonnull(a);
	ck_assert_uint_eq(cap, 8);
	free(a);
}
END_TEST

START_TEST(xgrow_keeps_contents_and_doubles)
{
	int64_t *a = NULL;
	size_t cap = 0, n = 0, grew = 0, last = 0;
	for (int64_t i = 0; i < 1000; i++) {
		a = xgrow(a, &cap, n + 1, sizeof *a);
		if (cap != last) {
			grew++;
			last = cap;
		}
		ck_assert_uint_ge(cap, n + 1);
		a[n++] = i * 100;
	}
	ck_assert_uint_eq(cap, 1024);
	ck_assert_uint_eq(grew, 8); /* 8, 16, ..., 1024 */
	for (size_t i = 0; i < n; i++)
		ck_assert_int_eq(a[i], (int64_t)i * 100);
	free(a);
}
END_TEST

START_TEST(xgrow_jumps_and_never_shrinks)
{
	char *a = NULL;
	size_t cap = 0;
	a = xgrow(a, &cap, 100, 1);
	ck_assert_uint_eq(cap, 128);
	char *same = xgrow(a, &cap, 5, 1);
	ck_assert_ptr_eq(same, a);
	ck_assert_uint_eq(cap, 128);
	free(a);
}
END_TEST

START_TEST(strbuf_zeroed_is_empty)
{
	strbuf b = {0};
	ck_assert_str_eq(sb_str(&b), "");
	ck_assert_uint_eq(b.len, 0);
	sb_reset(&b);
	sb_free(&b);
	char *s = sb_take(&b);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(strbuf_grows)
{
	strbuf b = {0};
	for (int i = 0; i < 100; i++)
		sb_printf(&b, "%d,", i);
	ck_assert_uint_eq(b.len, strlen(b.s));
	ck_assert_uint_ge(b.cap, b.len + 1);
	ck_assert(strncmp(b.s, "0,1,2,", 6) == 0);
	size_t at = sb_putz(&b, "xyz", 2);
	ck_assert_str_eq(b.s + at, "xy");
	ck_assert_uint_eq(b.len, at + 3);
	char *s = sb_take(&b);
	ck_assert_ptr_null(b.s);
	ck_assert_uint_eq(b.cap, 0);
	free(s);
}
END_TEST

Suite *util_suite(void)
{
	Suite *s = suite_create("util");
	TCase *tc = tcase_create("grow");
	tcase_add_test(tc, xgrow_from_empty);
	tcase_add_test(tc, xgrow_keeps_contents_and_doubles);
	tcase_add_test(tc, xgrow_jumps_and_never_shrinks);
	tcase_add_test(tc, strbuf_zeroed_is_empty);
	tcase_add_test(tc, strbuf_grows);
	suite_add_tcase(s, tc);
	return s;
}
