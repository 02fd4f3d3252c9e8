/*
 * util.c - checked allocation, the one growth helper, the two exits (out of
 * memory, internal bug) and the string buffer (see util.h).
 */
#include "util.h"

#include <assert.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

void die_oom(const char *what)
{
	fflush(stdout);
	fprintf(stderr, "grantcheck: out of memory (%s); free memory or check fewer files at once\n", what);
	exit(2);
}

void die_bug(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fflush(stdout);
	fputs("grantcheck: internal error: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputs("; this is a bug, please report it with the file that caused it\n", stderr);
	va_end(ap);
	exit(2);
}

static void out_of_memory(size_t n)
{
	char what[64];
	snprintf(what, sizeof what, "asked for %zu bytes", n);
	die_oom(what);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory(n);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t n = *cap ? *cap : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			die_oom("growing an array past the address space");
		n *= 2;
	}
	if (size && n > SIZE_MAX / size)
		die_oom("growing an array past the address space");
	p = xrealloc(p, n * size);
	*cap = n;
	return p;
}

static void sb_grow(strbuf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	if (!b->cap)
		need = need < 64 ? 64 : need;
	b->s = xgrow(b->s, &b->cap, need, 1);
}

void sb_putn(strbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

size_t sb_putz(strbuf *b, const char *s, size_t n)
{
	size_t at = b->len;
	sb_grow(b, n + 1);
	memcpy(b->s + at, s, n);
	b->s[at + n] = '\0';
	b->len += n + 1;
	b->s[b->len] = '\0';
	return at;
}

void sb_puts(strbuf *b, const char *s)
{
	sb_putn(b, s, strlen(s));
}

void sb_putc(strbuf *b, char c)
{
	sb_putn(b, &c, 1);
}

/* Formats straight into the room the buffer has and only when that is too
 * small a second time, after growing (formatting twice every time cost the
 * web server's report a tenth of its time). */
void sb_vprintf(strbuf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	sb_grow(b, 63);
	size_t room = b->cap - b->len;
	int n = vsnprintf(b->s + b->len, room, fmt, ap2);
	va_end(ap2);
	assert(n >= 0);
	if ((size_t)n >= room) {
		sb_grow(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void sb_printf(strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(b, fmt, ap);
	va_end(ap);
}

void sb_reset(strbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void sb_free(strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

const char *sb_str(const strbuf *b)
{
	return b->s ? b->s : "";
}

char *sb_take(strbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

char *read_small_file(const char *path, size_t limit, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	strbuf b = {0};
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (b.len + n > limit) {
			fclose(f);
			sb_free(&b);
			errno = EFBIG;
			return NULL;
		}
		sb_putn(&b, buf, n);
	}
	int err = ferror(f);
	fclose(f);
	if (err) {
		sb_free(&b);
		errno = EIO;
		return NULL;
	}
	if (len)
		*len = b.len;
	return sb_take(&b);
}

long long monotonic_ns(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		die_bug("clock_gettime(CLOCK_MONOTONIC) failed");
	return (long long)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

long long monotonic_ms(void)
{
	return monotonic_ns() / 1000000;
}
