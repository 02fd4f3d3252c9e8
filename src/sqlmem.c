/*
 * sqlmem.c - SQLite's memory allocator (see sqlmem.h).
 *
 * Debian's SQLite is built without its lookaside allocator, so every cursor
 * a rule opens, and every string it makes, is a malloc when the rule starts
 * and a free when it ends: about 420 pairs for a small statement, a twentieth
 * of its time in glibc's malloc and free. Small blocks (up to SQLMEM_MAX
 * bytes, in classes of 16) freed by a thread are kept on that thread's list
 * of their class, at most SQLMEM_KEEP of them, and given out again by the
 * next malloc of the class in that thread: a pop and a push instead of
 * glibc's bins. Larger blocks, and small ones beyond SQLMEM_KEEP, go to
 * malloc and free. A block freed by another thread than the one that took
 * it joins the freeing thread's list (as glibc's tcache does). A thread's
 * lists are freed when it ends (a pthread key's destructor).
 *
 * Every block has a 16-byte header holding its size (SQLite asks for it,
 * xSize), which keeps the 16-byte alignment malloc gives.
 *
 * Its only process-wide state is the key, made once by xInit
 * (sqlite3_initialize, called by db_global_init before any thread starts)
 * and read after; each thread's lists are its own (_Thread_local).
 *
 * Not installed under AddressSanitizer or ThreadSanitizer, nor with
 * GRANTCHECK_SQLMEM=0 (make valgrind): a block kept here is not freed, so
 * a use of SQLite's memory after SQLite freed it (a column's text read after
 * the next step) would go unseen; those runs keep glibc's malloc, and the
 * unit tests call these methods directly (tests/unit/test_sqlmem.c).
 */
#include "sqlmem.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SQLMEM_STEP 16
#define SQLMEM_MAX 512                               /* the largest block kept */
#define SQLMEM_CLASSES (SQLMEM_MAX / SQLMEM_STEP)    /* 16, 32, ... 512 bytes */
#define SQLMEM_KEEP 64                               /* blocks kept per class and thread */
#define SQLMEM_HDR 16

struct freed {
	struct freed *next;
};

struct cache {
	struct freed *head[SQLMEM_CLASSES];
	int n[SQLMEM_CLASSES];
	int keyed; /* the destructor is registered for this thread */
};

/* The process-wide part: the key whose destructor frees a thread's lists.
 * Written once by xInit (sqlite3_initialize, from db_global_init, before
 * any thread), read after. */
static pthread_key_t cache_key;
static int have_key;

static _Thread_local struct cache tc;

/* The header before a block given out: where malloc's block starts. */
static char *header_of(const void *p)
{
	return (char *)p - SQLMEM_HDR;
}

static void free_cache(void *arg)
{
	struct cache *c = arg;
	c->keyed = 0; /* a block freed after this is kept again only with the key set again */
	for (int k = 0; k < SQLMEM_CLASSES; k++) {
		while (c->head[k]) {
			struct freed *f = c->head[k];
			c->head[k] = f->next;
			free(header_of(f));
		}
		c->n[k] = 0;
	}
}

static int size_of(const void *p)
{
	return (int)*(const uint64_t *)header_of(p);
}

/* The class of a small block of n bytes (1 <= n <= SQLMEM_MAX). */
static int class_of(int n)
{
	return (n - 1) / SQLMEM_STEP;
}

/* Whether this thread may keep blocks: only once its lists are to be freed
 * when it ends (the key set for it). */
static int may_keep(void)
{
	if (!tc.keyed && have_key && pthread_setspecific(cache_key, &tc) == 0)
		tc.keyed = 1;
	return tc.keyed;
}

static void *mem_malloc(int n)
{
	if (n <= 0)
		n = 1;
	if (n <= SQLMEM_MAX) {
		int k = class_of(n);
		struct freed *f = tc.head[k];
		if (f) {
			tc.head[k] = f->next;
			tc.n[k]--;
			return f;
		}
		n = (k + 1) * SQLMEM_STEP;
	}
	char *b = malloc((size_t)n + SQLMEM_HDR);
	if (!b)
		return NULL;
	*(uint64_t *)b = (uint64_t)n;
	return b + SQLMEM_HDR;
}

static void mem_free(void *p)
{
	if (!p)
		return;
	int n = size_of(p);
	int k = n <= SQLMEM_MAX ? class_of(n) : -1;
	if (k >= 0 && tc.n[k] < SQLMEM_KEEP && may_keep()) {
		struct freed *f = p;
		f->next = tc.head[k];
		tc.head[k] = f;
		tc.n[k]++;
		return;
	}
	free(header_of(p));
}

static int mem_size(void *p)
{
	return p ? size_of(p) : 0;
}

static void *mem_realloc(void *p, int n)
{
	int have = size_of(p);
	if (n <= have && (have > SQLMEM_MAX || n > have - SQLMEM_STEP))
		return p; /* fits, and no smaller class would */
	void *q = mem_malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, (size_t)(have < n ? have : n));
	mem_free(p);
	return q;
}

static int mem_roundup(int n)
{
	if (n <= SQLMEM_MAX)
		return n <= 0 ? SQLMEM_STEP : (n + SQLMEM_STEP - 1) / SQLMEM_STEP * SQLMEM_STEP;
	return (n + 7) & ~7;
}

static int mem_init(void *ctx)
{
	(void)ctx;
	if (!have_key && pthread_key_create(&cache_key, free_cache) == 0)
		have_key = 1;
	return SQLITE_OK; /* without the key no block is kept: only slower */
}

static void mem_shutdown(void *ctx)
{
	(void)ctx;
}

static const sqlite3_mem_methods methods = {mem_malloc,  mem_free, mem_realloc,  mem_size,
                                            mem_roundup, mem_init, mem_shutdown, NULL};

const sqlite3_mem_methods *sqlmem_methods(void)
{
	return &methods;
}

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SQLMEM_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define SQLMEM_SANITIZED 1
#endif
#endif

int sqlmem_install(void)
{
#ifdef SQLMEM_SANITIZED
	return SQLITE_OK;
#else
	const char *env = getenv("GRANTCHECK_SQLMEM");
	if (env && strcmp(env, "0") == 0)
		return SQLITE_OK;
	return sqlite3_config(SQLITE_CONFIG_MALLOC, &methods);
#endif
}

void sqlmem_release(void)
{
	free_cache(&tc);
}

int sqlmem_kept(void)
{
	int n = 0;
	for (int k = 0; k < SQLMEM_CLASSES; k++)
		n += tc.n[k];
	return n;
}
