/*
 * util.h - small helpers shared by every module: checked allocation and a
 * growable string buffer.
 *
 * Allocation failure is not recoverable in a command-line validator: the
 * x* functions print what failed and exit with status 2 ("the program could
 * not do its job"), so callers never see NULL. die_oom() and die_bug() are
 * the program's only two exits outside main(): out of memory, and an internal
 * error that is grantcheck's bug (HACKING.md, "Errors").
 */
#ifndef GC_UTIL_H
#define GC_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* The one out-of-memory path: "grantcheck: out of memory (what); ..." on
 * standard error, exit status 2. */
_Noreturn void die_oom(const char *what);
/* The one internal-bug path: "grantcheck: internal error: ...; this is a bug,
 * please report it ..." on standard error, exit status 2. For states the
 * program cannot be in, not for bad input or a failing environment. */
_Noreturn void die_bug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* The one growth helper for arrays: returns p (reallocated) with room for at
 * least `need` elements of `size` bytes; *cap is the capacity in elements,
 * doubled (at least 8) when too small. The element count stays the caller's:
 *
 *	a->items = xgrow(a->items, &a->cap, a->n + 1, sizeof *a->items);
 *	a->items[a->n++] = item;
 *
 * p NULL with *cap 0 is an empty array. A size that overflows is die_oom(). */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);

/* Growable NUL-terminated buffer. A zeroed struct is a valid empty buffer. */
typedef struct strbuf {
	char *s;
	size_t len, cap;
} strbuf;

void sb_putn(strbuf *b, const char *s, size_t n);
void sb_puts(strbuf *b, const char *s);
void sb_putc(strbuf *b, char c);
/* Appends s[0..n) and a NUL that stays part of the buffer (a buffer of
 * NUL-separated strings); returns the offset where the string starts. */
size_t sb_putz(strbuf *b, const char *s, size_t n);
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(strbuf *b, const char *fmt, va_list ap);
void sb_reset(strbuf *b);
void sb_free(strbuf *b);
/* Returns the string (never NULL, "" when empty). */
const char *sb_str(const strbuf *b);
/* Hands the string over to the caller (the buffer becomes empty). */
char *sb_take(strbuf *b);

/* Reads a whole (small) file: rule files and data files. NULL + errno. */
char *read_small_file(const char *path, size_t limit, size_t *len);

/* The monotonic clock in nanoseconds (rule budgets, batch ages, profiles). */
long long monotonic_ns(void);
/* The same in milliseconds. */
long long monotonic_ms(void);

#endif
