/*
 * message.h - message templates of rules: "Summan ({sum:amount}) ...".
 *
 * A template is text with placeholders {name} or {name:format}; names are
 * resolved once, when the rule is loaded, to the index of a result column
 * (so a misspelt placeholder is a load error, not a wrong message), and a
 * finding's message is rendered from its row in both languages.
 *
 * Formats: (none) the value as it is; amount: integer öre for people
 * ("1 234,50 kr" / "SEK 1,234.50"); hint: how to write the malformed
 * amount in the value; percent: basis points ("12,50 %" / "12.50%").
 * "{{" and "}}" stand for literal braces. Text values are shortened to 200
 * characters and control characters shown as U+FFFD, so a hostile value
 * cannot garble a terminal or a report.
 */
#ifndef GC_MESSAGE_H
#define GC_MESSAGE_H

#include <stdint.h>

#include "lang.h"
#include "util.h"

enum pformat { PF_PLAIN, PF_AMOUNT, PF_HINT, PF_PERCENT };

struct segment {
	char *literal; /* NULL for a placeholder */
	int param;
	enum pformat format;
};

struct template {
	struct segment *segs;
	int n;
	size_t cap; /* xgrow's capacity of segs */
};

enum pval_type { PV_NULL, PV_INT, PV_TEXT };

struct pval {
	enum pval_type type;
	int64_t i;
	const char *s;
};

typedef void (*param_getter)(void *ctx, int param, struct pval *out);

/* Compiles src; names[] are the parameters available. -1 + err on error. */
int template_compile(const char *src, const char *const *names, int nnames, struct template *t, strbuf *err);
void template_render(const struct template *t, enum lang l, param_getter get, void *ctx, strbuf *out);
void template_free(struct template *t);

/* Appends a value from a document, made safe for a one-line message. */
void append_safe_text(strbuf *out, const char *s, size_t max_chars);

#endif
