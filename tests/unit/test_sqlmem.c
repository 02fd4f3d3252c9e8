/*
 * test_sqlmem.c - sqlmem.h, SQLite's allocator, through its methods (so the
 * sanitizer builds, which do not install it, test it too): every size gets
 * at least what it asked for, 16-byte aligned, and keeps its bytes through
 * realloc; a freed small block is the next one of its class the same thread
 * gets; at most 64 are kept per class; a block freed by another thread is
 * kept by that one; a thread's blocks are freed when it ends (LeakSanitizer
 * and valgrind would report them otherwise) and sqlmem_release frees the
 * calling thread's.
 */
#include <check.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "sqlmem.h"
#include "suites.h"

static const sqlite3_mem_methods *m(void)
{
	const sqlite3_mem_methods *mm = sqlmem_methods();
	ck_assert_int_eq(mm->xInit(NULL), SQLITE_OK); /* the key; a second call does nothing */
	return mm;
}

START_TEST(sizes_alignment_and_contents)
{
	const sqlite3_mem_methods *mm = m();
	for (int n = 1; n <= 5000; n += n < 600 ? 1 : 97) {
		unsigned char *p = mm->xMalloc(n);
		ck_assert_ptr_nonnull(p);
		ck_assert_int_eq((uintptr_t)p % 16, 0);
		ck_assert_int_ge(mm->xSize(p), n);
		ck_assert_int_ge(mm->xRoundup(n), n);
		memset(p, n & 0xFF, (size_t)n);
		/* grow and shrink: the bytes both have are kept */
		int bigger = n * 2 + 3;
		p = mm->xRealloc(p, bigger);
		ck_assert_ptr_nonnull(p);
		ck_assert_int_ge(mm->xSize(p), bigger);
		for (int i = 0; i < n; i++)
			ck_assert_int_eq(p[i], n & 0xFF);
		int smaller = n / 3 + 1;
		p = mm->xRealloc(p, smaller);
		ck_assert_ptr_nonnull(p);
		ck_assert_int_ge(mm->xSize(p), smaller);
		for (int i = 0; i < smaller; i++)
			ck_assert_int_eq(p[i], n & 0xFF);
		mm->xFree(p);
	}
	sqlmem_release();
	ck_assert_int_eq(sqlmem_kept(), 0);
}
END_TEST

START_TEST(freed_block_is_reused_and_kept_bounded)
{
	const sqlite3_mem_methods *mm = m();
	sqlmem_release();
	void *a = mm->xMalloc(100);
	mm->xFree(a);
	ck_assert_int_eq(sqlmem_kept(), 1);
	ck_assert_ptr_eq(mm->xMalloc(97), a); /* the same class (97-112 bytes) */
	ck_assert_int_eq(sqlmem_kept(), 0);
	mm->xFree(a);
	void *v[200];
	for (int i = 0; i < 200; i++)
		v[i] = mm->xMalloc(40);
	for (int i = 0; i < 200; i++)
		mm->xFree(v[i]);
	ck_assert_int_eq(sqlmem_kept(), 1 + 64); /* the 100-byte one, and 64 of the 40-byte class */
	void *big = mm->xMalloc(4096);
	mm->xFree(big); /* large: not kept */
	ck_assert_int_eq(sqlmem_kept(), 65);
	sqlmem_release();
	ck_assert_int_eq(sqlmem_kept(), 0);
}
END_TEST

struct handover {
	void *block;
	int kept_after_free, same_again, kept_at_end;
};

static void *free_elsewhere(void *arg)
{
	struct handover *h = arg;
	const sqlite3_mem_methods *mm = sqlmem_methods();
	mm->xFree(h->block); /* taken by the test's thread */
	h->kept_after_free = sqlmem_kept();
	void *again = mm->xMalloc(200);
	h->same_again = again == h->block;
	mm->xFree(again);
	for (int i = 0; i < 10; i++)
		mm->xFree(mm->xMalloc(16 * (i + 1)));
	h->kept_at_end = sqlmem_kept(); /* freed by the key's destructor as the thread ends */
	return NULL;
}

START_TEST(blocks_follow_the_freeing_thread)
{
	const sqlite3_mem_methods *mm = m();
	sqlmem_release();
	struct handover h = {mm->xMalloc(200), 0, 0, 0};
	pthread_t t;
	ck_assert_int_eq(pthread_create(&t, NULL, free_elsewhere, &h), 0);
	ck_assert_int_eq(pthread_join(t, NULL), 0);
	ck_assert_int_eq(h.kept_after_free, 1);
	ck_assert_int_eq(h.same_again, 1);
	ck_assert_int_ge(h.kept_at_end, 10);
	ck_assert_int_eq(sqlmem_kept(), 0); /* none came to this thread */
}
END_TEST

Suite *sqlmem_suite(void)
{
	Suite *s = suite_create("sqlmem");
	TCase *tc = tcase_create("sqlmem");
	tcase_add_test(tc, sizes_alignment_and_contents);
	tcase_add_test(tc, freed_block_is_reused_and_kept_bounded);
	tcase_add_test(tc, blocks_follow_the_freeing_thread);
	suite_add_tcase(s, tc);
	return s;
}
