/*
 * rulehdr.c - the pure parser of rule headers (see rulehdr.h): lines, then
 * one walk over the keys that sorts each into its place.
 */
#include "rulehdr.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const char *severity_name(enum severity s)
{
	static const char *const names[] = {"error", "warning", "info"};
	return names[s];
}

int severity_parse(const char *s, enum severity *out)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(s, severity_name((enum severity)i)) == 0) {
			*out = (enum severity)i;
			return 0;
		}
	return -1;
}

const char *skip_bom(const char *text)
{
	return strncmp(text, "\xEF\xBB\xBF", 3) == 0 ? text + 3 : text;
}

struct kv {
	char *key, *value;
	int line;
};

static int valid_key(const char *k, size_t n)
{
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(islower((unsigned char)k[i]) || isdigit((unsigned char)k[i]) || k[i] == '.' || k[i] == '_' ||
		      k[i] == '-'))
			return 0;
	return 1;
}

/* Splits the "--" lines into keys and values (continuations joined). */
static void split_lines(const char *text, struct kv **kv, int *nkv, size_t *sql_offset, int *sql_line)
{
	const char *p = text;
	int line = 1;
	while (*p && p[0] == '-' && p[1] == '-') {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		const char *s = p + 2;
		size_t sl = len - 2;
		while (sl && (*s == ' ' || *s == '\t')) {
			s++;
			sl--;
		}
		while (sl && (s[sl - 1] == '\r' || s[sl - 1] == ' '))
			sl--;
		const char *colon = memchr(s, ':', sl);
		int indented = len > 3 && p[2] == ' ' && p[3] == ' ';
		if (!indented && colon && valid_key(s, (size_t)(colon - s))) {
			const char *v = colon + 1;
			while (v < s + sl && *v == ' ')
				v++;
			*kv = xrealloc(*kv, sizeof **kv * (size_t)(*nkv + 1));
			(*kv)[(*nkv)++] = (struct kv){xstrndup(s, (size_t)(colon - s)), xstrndup(v, (size_t)(s + sl - v)),
			                              line};
		} else if (indented && *nkv && sl) {
			/* continuation of the previous value */
			struct kv *last = &(*kv)[*nkv - 1];
			strbuf b = {0};
			sb_puts(&b, last->value);
			if (last->value[0])
				sb_putc(&b, ' ');
			sb_putn(&b, s, sl);
			free(last->value);
			last->value = sb_take(&b);
		}
		line++;
		if (!eol) {
			p += len;
			break;
		}
		p = eol + 1;
	}
	*sql_offset = (size_t)(p - text);
	*sql_line = line;
}

/* "title.sv" -> the text slot for base "title" in lang; 0 when it matches. */
static int lang_key(const char *k, const char *base, enum lang *l)
{
	size_t n = strlen(base);
	return strncmp(k, base, n) == 0 && k[n] == '.' && lang_parse(k + n + 1, l) == 0 ? 0 : -1;
}

/* Sorts one key into h; -1 with a message for an unknown key or value. */
static int take_key(struct rule_header *h, struct kv *e, const char *where, strbuf *err)
{
	const char *k = e->key;
	enum lang l;
	char **slot = NULL;
	if (strcmp(k, "id") == 0) {
		slot = &h->id;
		h->id_line = e->line;
	} else if (strcmp(k, "severity") == 0) {
		if (severity_parse(e->value, &h->severity)) {
			sb_printf(err, "%s:%d: severity must be error, warning or info", where, e->line);
			return -1;
		}
		return 0;
	} else if (strcmp(k, "scope") == 0) {
		if (strcmp(e->value, "register") != 0 && strcmp(e->value, "statement") != 0) {
			sb_printf(err, "%s:%d: scope must be statement (the default) or register", where, e->line);
			return -1;
		}
		h->register_scope = strcmp(e->value, "register") == 0;
		return 0;
	} else if (lang_key(k, "title", &l) == 0) {
		slot = &h->title[l];
	} else if (lang_key(k, "explain", &l) == 0) {
		slot = &h->explain[l];
	} else if (lang_key(k, "fix", &l) == 0) {
		slot = &h->fix[l];
	} else if (strncmp(k, "message.", 8) == 0 && strrchr(k, '.') &&
	           lang_parse(strrchr(k, '.') + 1, &l) == 0 && (strrchr(k, '.') == k + 7 || strrchr(k, '.') > k + 8)) {
		const char *dot = strrchr(k, '.');
		h->msgs = xrealloc(h->msgs, sizeof *h->msgs * (size_t)(h->nmsgs + 1));
		struct rule_msg *m = &h->msgs[h->nmsgs++];
		m->variant = dot > k + 7 ? xstrndup(k + 8, (size_t)(dot - k - 8)) : xstrdup("");
		m->lang = l;
		m->text = e->value;
		m->line = e->line;
		e->value = NULL;
		return 0;
	} else {
		sb_printf(err, "%s:%d: unknown header key \"%s\"; keys are id, severity, scope, title.sv/en, "
		          "explain.sv/en, fix.sv/en, message.sv/en and message.VARIANT.sv/en", where, e->line, k);
		return -1;
	}
	*slot = e->value;
	e->value = NULL;
	return 0;
}

/* Every message variant has sv and en, and the default message exists. */
static int check_messages(const struct rule_header *h, const char *where, strbuf *err)
{
	int has_default = 0;
	for (int i = 0; i < h->nmsgs; i++)
		has_default |= h->msgs[i].variant[0] == '\0';
	if (!has_default) {
		sb_printf(err, "%s:1: the header needs message.sv and message.en", where);
		return -1;
	}
	/* variants in order of first appearance, the default first */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < h->nmsgs; i++) {
			const char *v = h->msgs[i].variant;
			if ((pass == 0) != (v[0] == '\0'))
				continue;
			int seen[LANG_COUNT] = {0}, first = 1;
			for (int j = 0; j < h->nmsgs; j++)
				if (strcmp(h->msgs[j].variant, v) == 0) {
					first &= j >= i;
					seen[h->msgs[j].lang] = 1;
				}
			if (!first)
				continue;
			for (int l = 0; l < LANG_COUNT; l++)
				if (!seen[l]) {
					sb_printf(err, "%s:1: message%s%s.%s is missing (every message needs sv and en)", where,
					          v[0] ? "." : "", v, lang_code((enum lang)l));
					return -1;
				}
		}
	return 0;
}

int rule_header_parse(const char *text, const char *where, const char *expect_id, struct rule_header *h,
                      strbuf *err)
{
	memset(h, 0, sizeof *h);
	const char *body = skip_bom(text);
	struct kv *kv = NULL;
	int nkv = 0, rc = -1, sev_line = 0;
	split_lines(body, &kv, &nkv, &h->sql_offset, &h->sql_line);
	h->sql_offset += (size_t)(body - text);
	for (int i = 0; i < nkv; i++) {
		for (int j = 0; j < i; j++)
			if (strcmp(kv[i].key, kv[j].key) == 0) {
				sb_printf(err, "%s:%d: \"%s\" is given twice (first on line %d); keep one", where, kv[i].line,
				          kv[i].key, kv[j].line);
				goto out;
			}
		if (strcmp(kv[i].key, "severity") == 0)
			sev_line = kv[i].line;
	}
	/* the id first: a file named after another rule says so before anything else */
	for (int i = 0; i < nkv && !h->id; i++)
		if (strcmp(kv[i].key, "id") == 0 && take_key(h, &kv[i], where, err))
			goto out;
	if (!h->id) {
		sb_printf(err, "%s:1: the header has no \"-- id: ...\" line", where);
		goto out;
	}
	if (expect_id && strcmp(h->id, expect_id) != 0) {
		sb_printf(err, "%s:%d: the rule id \"%s\" differs from the file name; name the file %s.sql", where,
		          h->id_line, h->id, h->id);
		goto out;
	}
	if (!sev_line) {
		sb_printf(err, "%s:1: severity must be error, warning or info", where);
		goto out;
	}
	for (int i = 0; i < nkv; i++)
		if (kv[i].value && strcmp(kv[i].key, "id") != 0 && take_key(h, &kv[i], where, err))
			goto out;
	for (int l = 0; l < LANG_COUNT; l++)
		if (!h->title[l] || !h->explain[l]) {
			sb_printf(err, "%s:1: the header needs title.%s and explain.%s", where, lang_code((enum lang)l),
			          lang_code((enum lang)l));
			goto out;
		}
	rc = check_messages(h, where, err);
out:
	for (int i = 0; i < nkv; i++) {
		free(kv[i].key);
		free(kv[i].value);
	}
	free(kv);
	return rc;
}

void rule_header_free(struct rule_header *h)
{
	free(h->id);
	for (int l = 0; l < LANG_COUNT; l++) {
		free(h->title[l]);
		free(h->explain[l]);
		free(h->fix[l]);
	}
	for (int i = 0; i < h->nmsgs; i++) {
		free(h->msgs[i].variant);
		free(h->msgs[i].text);
	}
	free(h->msgs);
	memset(h, 0, sizeof *h);
}
