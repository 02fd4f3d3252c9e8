/*
 * message.c - message templates (see message.h).
 */
#include "message.h"

#include <stdlib.h>
#include <string.h>

#include "amount.h"

static void add_seg(struct template *t, struct segment s)
{
	t->segs = xgrow(t->segs, &t->cap, (size_t)t->n + 1, sizeof *t->segs);
	t->segs[t->n++] = s;
}

int template_compile(const char *src, const char *const *names, int nnames, struct template *t, strbuf *err)
{
	t->segs = NULL;
	t->n = 0;
	t->cap = 0;
	strbuf lit = {0};
	const char *p = src;
	while (*p) {
		if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
			sb_putc(&lit, p[0]);
			p += 2;
			continue;
		}
		if (*p == '}') {
			sb_puts(err, "a lone '}' in the message (write '}}' for a brace)");
			goto fail;
		}
		if (*p != '{') {
			sb_putc(&lit, *p++);
			continue;
		}
		const char *end = strchr(p, '}');
		if (!end) {
			sb_puts(err, "a '{' without its closing '}' in the message");
			goto fail;
		}
		if (lit.len)
			add_seg(t, (struct segment){sb_take(&lit), -1, PF_PLAIN});
		const char *colon = memchr(p, ':', (size_t)(end - p));
		const char *name_end = colon ? colon : end;
		size_t nlen = (size_t)(name_end - p - 1);
		enum pformat fmt = PF_PLAIN;
		if (colon) {
			size_t flen = (size_t)(end - colon - 1);
			if (flen == 6 && strncmp(colon + 1, "amount", 6) == 0)
				fmt = PF_AMOUNT;
			else if (flen == 4 && strncmp(colon + 1, "hint", 4) == 0)
				fmt = PF_HINT;
			else if (flen == 7 && strncmp(colon + 1, "percent", 7) == 0)
				fmt = PF_PERCENT;
			else {
				sb_printf(err, "unknown format '%.*s' in {%.*s}; use amount, hint or percent",
				          (int)flen, colon + 1, (int)(end - p - 1), p + 1);
				goto fail;
			}
		}
		int idx = -1;
		for (int i = 0; i < nnames; i++)
			if (names[i] && strlen(names[i]) == nlen && strncmp(names[i], p + 1, nlen) == 0)
				idx = i;
		if (idx < 0) {
			sb_printf(err, "the message uses {%.*s}, but the query returns no column of that name",
			          (int)nlen, p + 1);
			goto fail;
		}
		add_seg(t, (struct segment){NULL, idx, fmt});
		p = end + 1;
	}
	if (lit.len)
		add_seg(t, (struct segment){sb_take(&lit), -1, PF_PLAIN});
	sb_free(&lit);
	return 0;
fail:
	sb_free(&lit);
	template_free(t);
	return -1;
}

void template_free(struct template *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->segs[i].literal);
	free(t->segs);
	t->segs = NULL;
	t->n = 0;
	t->cap = 0;
}

void append_safe_text(strbuf *out, const char *s, size_t max_chars)
{
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		int start = (*p & 0xC0) != 0x80;
		if (start && chars++ == max_chars) {
			sb_puts(out, "…");
			return;
		}
		if (*p < 0x20 || *p == 0x7F)
			sb_puts(out, "\xEF\xBF\xBD");
		else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			sb_puts(out, "\xEF\xBF\xBD");
			p++;
		} else
			sb_putc(out, (char)*p);
	}
}

static void render_percent(int64_t bp, enum lang l, strbuf *out)
{
	uint64_t a = bp < 0 ? (uint64_t)0 - (uint64_t)bp : (uint64_t)bp;
	sb_printf(out, "%s%llu%c%02u%s", bp < 0 ? "-" : "", (unsigned long long)(a / 100),
	          l == LANG_SV ? ',' : '.', (unsigned)(a % 100), l == LANG_SV ? " %" : "%");
}

void template_render(const struct template *t, enum lang l, param_getter get, void *ctx, strbuf *out)
{
	for (int i = 0; i < t->n; i++) {
		const struct segment *s = &t->segs[i];
		if (s->literal) {
			sb_puts(out, s->literal);
			continue;
		}
		struct pval v = {PV_NULL, 0, NULL};
		get(ctx, s->param, &v);
		if (v.type == PV_NULL) {
			sb_puts(out, "—");
			continue;
		}
		switch (s->format) {
		case PF_AMOUNT:
			if (v.type == PV_INT)
				amount_format(v.i, l, out);
			else
				append_safe_text(out, v.s, 80);
			break;
		case PF_PERCENT:
			if (v.type == PV_INT)
				render_percent(v.i, l, out);
			else
				append_safe_text(out, v.s, 80);
			break;
		case PF_HINT:
			if (v.type == PV_TEXT)
				amount_hint(v.s, l, out);
			break;
		case PF_PLAIN:
			if (v.type == PV_INT)
				sb_printf(out, "%lld", (long long)v.i);
			else
				append_safe_text(out, v.s, 200);
			break;
		}
	}
}
