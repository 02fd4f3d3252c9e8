/*
 * ruleset.c - loading rule set folders (see ruleset.h).
 */
#include "ruleset.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amount.h"
#include "checks.h"
#include "sha256.h"

#define RULE_FILE_LIMIT (256 * 1024)

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

int rule_order(const char *id)
{
	static const char letters[] = "XSAGPM";
	const char *l = id[0] ? strchr(letters, id[0]) : NULL;
	int group = l ? (int)(l - letters) : 6;
	return group * 1000 + atoi(id + 1);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of the entries in dir matching the suffix (or all dirs). */
static char **list_dir(const char *dir, const char *suffix, int want_dirs, int *n, strbuf *err)
{
	DIR *d = opendir(dir);
	*n = 0;
	if (!d) {
		sb_printf(err, "%s: cannot open the rule folder: %s; give the right folder with --rules DIR or "
		          "GRANTCHECK_RULES", dir, strerror(errno));
		return NULL;
	}
	char **names = NULL;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		strbuf path = {0};
		sb_printf(&path, "%s/%s", dir, e->d_name);
		struct stat st;
		int ok = stat(path.s, &st) == 0;
		sb_free(&path);
		if (!ok)
			continue;
		if (want_dirs ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode))
			continue;
		size_t len = strlen(e->d_name), sl = suffix ? strlen(suffix) : 0;
		if (suffix && (len <= sl || strcmp(e->d_name + len - sl, suffix) != 0))
			continue;
		names = xrealloc(names, sizeof *names * (size_t)(*n + 1));
		names[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(names, (size_t)*n, sizeof *names, cmp_str);
	return names;
}

static void free_names(char **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* ---- TSV data files ---------------------------------------------------- */

/* Splits a line at tabs in place; returns the number of fields. */
static int split_tabs(char *line, char **f, int max)
{
	int n = 0;
	f[n++] = line;
	for (char *p = line; *p && n < max; p++)
		if (*p == '\t') {
			*p = '\0';
			f[n++] = p + 1;
		}
	return n;
}

typedef int (*tsv_row)(struct ruleset *set, char **f, int nf, const char *where, strbuf *err);

static int read_tsv(struct ruleset *set, const char *name, const char *header, int nfields, tsv_row row,
                    sha256 *h, strbuf *err)
{
	strbuf path = {0};
	sb_printf(&path, "%s/%s", set->dir, name);
	size_t len;
	char *text = read_small_file(path.s, RULE_FILE_LIMIT, &len);
	if (!text) {
		sb_printf(err, "%s: cannot read the rule set's data file: %s; every rule set folder needs "
		          "programme.tsv, years.tsv and codes.tsv", path.s, strerror(errno));
		sb_free(&path);
		return -1;
	}
	sha256_update(h, name, strlen(name) + 1);
	sha256_update(h, text, len + 1);
	int rc = 0, lineno = 0, seen_header = header == NULL;
	char *next = text;
	while (next && *next) {
		char *line = next;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		size_t l = strlen(line);
		if (l && line[l - 1] == '\r')
			line[--l] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		strbuf where = {0};
		sb_printf(&where, "%s:%d", path.s, lineno);
		if (!seen_header) {
			if (strcmp(line, header) != 0) {
				sb_printf(err, "%s: the first line must be the header \"%s\" (tab-separated)", where.s, header);
				rc = -1;
			}
			seen_header = 1;
		} else {
			char *f[8];
			int nf = split_tabs(line, f, 8);
			if (nf != nfields && nfields > 0) {
				sb_printf(err, "%s: expected %d tab-separated fields, found %d", where.s, nfields, nf);
				rc = -1;
			} else {
				rc = row(set, f, nf, where.s, err);
			}
		}
		sb_free(&where);
		if (rc)
			break;
	}
	free(text);
	sb_free(&path);
	return rc;
}

static int programme_row(struct ruleset *set, char **f, int nf, const char *where, strbuf *err)
{
	(void)nf;
	for (int i = 0; i < set->nparams; i++)
		if (strcmp(set->params[i].name, f[0]) == 0) {
			sb_printf(err, "%s: \"%s\" is given twice", where, f[0]);
			return -1;
		}
	set->params = xrealloc(set->params, sizeof *set->params * (size_t)(set->nparams + 1));
	set->params[set->nparams++] = (struct rs_param){xstrdup(f[0]), xstrdup(f[1])};
	return 0;
}

static int years_row(struct ruleset *set, char **f, int nf, const char *where, strbuf *err)
{
	(void)nf;
	struct rs_year y;
	char *end;
	long yr = strtol(f[0], &end, 10);
	if (*end || yr < 1900 || yr > 9999) {
		sb_printf(err, "%s: \"%s\" is not a year", where, f[0]);
		return -1;
	}
	y.year = (int)yr;
	if (amount_parse(f[1], strlen(f[1]), &y.appropriation) != AMOUNT_OK || y.appropriation <= 0) {
		sb_printf(err, "%s: appropriation \"%s\" is not a positive amount like 60000000.00", where, f[1]);
		return -1;
	}
	if (!date_parse(f[2], NULL, NULL, NULL)) {
		sb_printf(err, "%s: due date \"%s\" is not a date YYYY-MM-DD", where, f[2]);
		return -1;
	}
	snprintf(y.due, sizeof y.due, "%s", f[2]);
	set->years = xrealloc(set->years, sizeof *set->years * (size_t)(set->nyears + 1));
	set->years[set->nyears++] = y;
	return 0;
}

static int codes_row(struct ruleset *set, char **f, int nf, const char *where, strbuf *err)
{
	(void)nf;
	if (!f[0][0] || !f[1][0]) {
		sb_printf(err, "%s: list and code must not be empty", where);
		return -1;
	}
	set->codes = xrealloc(set->codes, sizeof *set->codes * (size_t)(set->ncodes + 1));
	set->codes[set->ncodes++] = (struct rs_code){xstrdup(f[0]), xstrdup(f[1]), {xstrdup(f[2]), xstrdup(f[3])}};
	return 0;
}

/* ---- rule files ------------------------------------------------------- */

struct header_kv {
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

/* Parses the "-- key: value" header; returns the offset where SQL starts. */
static size_t parse_header(const char *text, struct header_kv **kv, int *nkv, int *sql_line)
{
	const char *p = text;
	int line = 1;
	*kv = NULL;
	*nkv = 0;
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
			(*kv)[(*nkv)++] = (struct header_kv){xstrndup(s, (size_t)(colon - s)),
			                                     xstrndup(v, (size_t)(s + sl - v)), line};
		} else if (indented && *nkv && sl) {
			/* continuation of the previous value */
			struct header_kv *last = &(*kv)[*nkv - 1];
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
	*sql_line = line;
	return (size_t)(p - text);
}

static const char *kv_get(struct header_kv *kv, int n, const char *key, int *line)
{
	for (int i = 0; i < n; i++)
		if (strcmp(kv[i].key, key) == 0) {
			if (line)
				*line = kv[i].line;
			return kv[i].value;
		}
	return NULL;
}

static struct variant *variant_get(struct rule *r, const char *name)
{
	for (int i = 0; i < r->nvariants; i++)
		if (strcmp(r->variants[i].name, name) == 0)
			return &r->variants[i];
	r->variants = xrealloc(r->variants, sizeof *r->variants * (size_t)(r->nvariants + 1));
	struct variant *v = &r->variants[r->nvariants++];
	memset(v, 0, sizeof *v);
	v->name = xstrdup(name);
	return v;
}

void rule_free(struct rule *r)
{
	free(r->id);
	free(r->path);
	for (int l = 0; l < LANG_COUNT; l++) {
		free(r->title[l]);
		free(r->explain[l]);
		free(r->fix[l]);
	}
	for (int i = 0; i < r->nvariants; i++) {
		free(r->variants[i].name);
		for (int l = 0; l < LANG_COUNT; l++)
			template_free(&r->variants[i].msg[l]);
	}
	free(r->variants);
	sqlite3_finalize(r->stmt);
	for (int i = 0; i < r->ncols; i++)
		free(r->cols[i]);
	free(r->cols);
	memset(r, 0, sizeof *r);
}

static int load_rule(struct rule *r, const char *dir, const char *file, struct workdb *w, sha256 *h, strbuf *err)
{
	memset(r, 0, sizeof *r);
	r->c_line = r->c_col = r->c_severity = r->c_variant = r->c_year = -1;
	strbuf path = {0};
	sb_printf(&path, "%s/%s", dir, file);
	r->path = sb_take(&path);
	size_t len;
	char *text = read_small_file(r->path, RULE_FILE_LIMIT, &len);
	if (!text) {
		sb_printf(err, "%s: cannot read the rule file: %s", r->path,
		          errno == EFBIG ? "larger than 256 KiB" : strerror(errno));
		return -1;
	}
	sha256_update(h, file, strlen(file) + 1);
	sha256_update(h, text, len + 1);
	if (strlen(text) != len) {
		sb_printf(err, "%s: the rule file contains a NUL byte; rule files are UTF-8 text", r->path);
		free(text);
		return -1;
	}
	struct header_kv *kv;
	int nkv, sql_line, line = 1, sev_line = 1, rc = -1;
	size_t off = parse_header(text, &kv, &nkv, &sql_line);
	const char *id = kv_get(kv, nkv, "id", &line);
	const char *sev = kv_get(kv, nkv, "severity", &sev_line);
	size_t flen = strlen(file) - 4; /* without .sql */
	if (!id) {
		sb_printf(err, "%s:1: the header has no \"-- id: ...\" line", r->path);
		goto out;
	}
	if (strlen(id) != flen || strncmp(id, file, flen) != 0) {
		sb_printf(err, "%s:%d: the rule id \"%s\" differs from the file name; name the file %s.sql",
		          r->path, line, id, id);
		goto out;
	}
	r->id = xstrdup(id);
	r->order = rule_order(id);
	if (!sev || severity_parse(sev, &r->severity)) {
		sb_printf(err, "%s:%d: severity must be error, warning or info", r->path, sev_line);
		goto out;
	}
	/* validate keys, collect texts */
	for (int i = 0; i < nkv; i++) {
		const char *k = kv[i].key;
		if (strcmp(k, "id") == 0 || strcmp(k, "severity") == 0)
			continue;
		if (strcmp(k, "scope") == 0) {
			if (strcmp(kv[i].value, "register") != 0 && strcmp(kv[i].value, "statement") != 0) {
				sb_printf(err, "%s:%d: scope must be statement (the default) or register", r->path, kv[i].line);
				goto out;
			}
			r->register_scope = strcmp(kv[i].value, "register") == 0;
			continue;
		}
		const char *dot = strrchr(k, '.');
		enum lang l;
		if (!dot || lang_parse(dot + 1, &l)) {
			sb_printf(err, "%s:%d: unknown header key \"%s\"; keys are id, severity, scope, title.sv/en, "
			          "explain.sv/en, fix.sv/en, message.sv/en and message.VARIANT.sv/en", r->path, kv[i].line, k);
			goto out;
		}
		size_t base = (size_t)(dot - k);
		if (base == 5 && strncmp(k, "title", 5) == 0) {
			free(r->title[l]);
			r->title[l] = xstrdup(kv[i].value);
		} else if (base == 7 && strncmp(k, "explain", 7) == 0) {
			free(r->explain[l]);
			r->explain[l] = xstrdup(kv[i].value);
		} else if (base == 3 && strncmp(k, "fix", 3) == 0) { /* fix.* keys */
			free(r->fix[l]);
			r->fix[l] = xstrdup(kv[i].value);
		} else if (strncmp(k, "message", 7) == 0 && (base == 7 || k[7] == '.')) {
			/* compiled after the query is prepared */
		} else {
			sb_printf(err, "%s:%d: unknown header key \"%s\"", r->path, kv[i].line, k);
			goto out;
		}
	}
	for (int l = 0; l < LANG_COUNT; l++)
		if (!r->title[l] || !r->explain[l]) {
			sb_printf(err, "%s:1: the header needs title.%s and explain.%s", r->path, lang_code((enum lang)l),
			          lang_code((enum lang)l));
			goto out;
		}
	/* the query */
	const char *sql = text + off;
	int eline;
	strbuf why = {0};
	w->preparing_rule = 0;
	r->stmt = db_prepare_rule(w, sql, &why, &eline);
	if (!r->stmt) {
		sb_printf(err, "%s:%d: %s", r->path, eline ? sql_line + eline - 1 : sql_line, why.s);
		sb_free(&why);
		goto out;
	}
	sb_free(&why);
	r->ncols = sqlite3_column_count(r->stmt);
	r->cols = xcalloc((size_t)r->ncols, sizeof *r->cols);
	for (int i = 0; i < r->ncols; i++) {
		const char *cn = sqlite3_column_name(r->stmt, i);
		r->cols[i] = xstrdup(cn ? cn : "");
		if (strcmp(r->cols[i], "line") == 0)
			r->c_line = i;
		else if (strcmp(r->cols[i], "col") == 0)
			r->c_col = i;
		else if (strcmp(r->cols[i], "severity") == 0)
			r->c_severity = i;
		else if (strcmp(r->cols[i], "variant") == 0)
			r->c_variant = i;
		else if (strcmp(r->cols[i], "year") == 0)
			r->c_year = i;
	}
	if (r->c_line < 0 || r->c_col < 0) {
		sb_printf(err, "%s:%d: the query must return columns named line and col (NULL for the file as a whole)",
		          r->path, sql_line);
		goto out;
	}
	for (int i = 0; i < nkv; i++) {
		const char *k = kv[i].key;
		if (strncmp(k, "message", 7) != 0)
			continue;
		const char *dot = strrchr(k, '.');
		enum lang l;
		lang_parse(dot + 1, &l);
		strbuf vname = {0};
		if (dot > k + 7)
			sb_putn(&vname, k + 8, (size_t)(dot - k - 8));
		struct variant *v = variant_get(r, sb_str(&vname));
		sb_free(&vname);
		strbuf why2 = {0};
		template_free(&v->msg[l]);
		if (template_compile(kv[i].value, (const char *const *)r->cols, r->ncols, &v->msg[l], &why2)) {
			sb_printf(err, "%s:%d: %s", r->path, kv[i].line, why2.s);
			sb_free(&why2);
			goto out;
		}
	}
	if (!r->nvariants || strcmp(r->variants[0].name, "") != 0) {
		int has_default = 0;
		for (int i = 0; i < r->nvariants; i++)
			has_default |= r->variants[i].name[0] == '\0';
		if (!has_default) {
			sb_printf(err, "%s:1: the header needs message.sv and message.en", r->path);
			goto out;
		}
	}
	for (int i = 0; i < r->nvariants; i++)
		for (int l = 0; l < LANG_COUNT; l++)
			if (!r->variants[i].msg[l].segs && r->variants[i].msg[l].n == 0) {
				sb_printf(err, "%s:1: message%s%s.%s is missing (every message needs sv and en)", r->path,
				          r->variants[i].name[0] ? "." : "", r->variants[i].name, lang_code((enum lang)l));
				goto out;
			}
	rc = 0;
out:
	for (int i = 0; i < nkv; i++) {
		free(kv[i].key);
		free(kv[i].value);
	}
	free(kv);
	free(text);
	return rc;
}

const struct variant *rule_variant(const struct rule *r, const char *name)
{
	for (int i = 0; i < r->nvariants; i++)
		if (strcmp(r->variants[i].name, name ? name : "") == 0)
			return &r->variants[i];
	return NULL;
}

static int cmp_rule(const void *a, const void *b)
{
	const struct rule *x = a, *y = b;
	return x->order != y->order ? (x->order < y->order ? -1 : 1) : strcmp(x->id, y->id);
}

static void ruleset_free(struct ruleset *s)
{
	for (int i = 0; i < s->nrules; i++)
		rule_free(&s->rules[i]);
	free(s->rules);
	for (int i = 0; i < s->nparams; i++) {
		free(s->params[i].name);
		free(s->params[i].value);
	}
	free(s->params);
	free(s->years);
	for (int i = 0; i < s->ncodes; i++) {
		free(s->codes[i].list);
		free(s->codes[i].code);
		free(s->codes[i].label[0]);
		free(s->codes[i].label[1]);
	}
	free(s->codes);
	free(s->id);
	free(s->dir);
	free(s->title[0]);
	free(s->title[1]);
}

static int load_set(struct ruleset *set, const char *root, const char *name, struct workdb *w, strbuf *err)
{
	memset(set, 0, sizeof *set);
	strbuf dir = {0};
	sb_printf(&dir, "%s/%s", root, name);
	set->dir = sb_take(&dir);
	sha256 h;
	sha256_init(&h);
	if (read_tsv(set, "programme.tsv", NULL, 2, programme_row, &h, err) ||
	    read_tsv(set, "years.tsv", "year\tappropriation\tdue", 3, years_row, &h, err) ||
	    read_tsv(set, "codes.tsv", "list\tcode\tlabel_sv\tlabel_en", 4, codes_row, &h, err))
		return -1;
	const char *id = ruleset_param(set, "id");
	if (!id || strcmp(id, name) != 0) {
		sb_printf(err, "%s/programme.tsv: the id must be given and equal the folder name \"%s\"", set->dir, name);
		return -1;
	}
	set->id = xstrdup(id);
	const char *tsv = ruleset_param(set, "title.sv"), *tev = ruleset_param(set, "title.en");
	set->title[LANG_SV] = xstrdup(tsv ? tsv : id);
	set->title[LANG_EN] = xstrdup(tev ? tev : id);
	if (!set->nyears) {
		sb_printf(err, "%s/years.tsv: no programme years; add a line per year", set->dir);
		return -1;
	}
	int n;
	char **files = list_dir(set->dir, ".sql", 0, &n, err);
	if (!files && err->len)
		return -1;
	if (!n) {
		sb_printf(err, "%s: the rule set has no rule files (*.sql)", set->dir);
		return -1;
	}
	set->rules = xcalloc((size_t)n, sizeof *set->rules);
	int rc = 0;
	for (int i = 0; i < n && !rc; i++) {
		rc = load_rule(&set->rules[i], set->dir, files[i], w, &h, err);
		set->nrules = i + 1;
	}
	free_names(files, n);
	if (rc)
		return -1;
	qsort(set->rules, (size_t)set->nrules, sizeof *set->rules, cmp_rule);
	sha256_final_hex(&h, set->checksum);
	return 0;
}

int rulesets_load(struct rulesets *rs, const char *root, struct workdb *w, strbuf *err)
{
	memset(rs, 0, sizeof *rs);
	rs->root = xstrdup(root);
	int n;
	char **dirs = list_dir(root, NULL, 1, &n, err);
	if (!dirs && err->len)
		return -1;
	rs->sets = xcalloc((size_t)(n ? n : 1), sizeof *rs->sets);
	for (int i = 0; i < n; i++) {
		strbuf p = {0};
		sb_printf(&p, "%s/%s/programme.tsv", root, dirs[i]);
		int is_set = access(p.s, F_OK) == 0;
		sb_free(&p);
		if (!is_set)
			continue;
		if (load_set(&rs->sets[rs->n], root, dirs[i], w, err)) {
			ruleset_free(&rs->sets[rs->n]);
			free_names(dirs, n);
			return -1;
		}
		rs->n++;
	}
	free_names(dirs, n);
	if (!rs->n) {
		sb_printf(err, "%s: no rule set found (a folder with programme.tsv); give the right folder with "
		          "--rules DIR or GRANTCHECK_RULES", root);
		return -1;
	}
	return 0;
}

void rulesets_free(struct rulesets *rs)
{
	for (int i = 0; i < rs->n; i++)
		ruleset_free(&rs->sets[i]);
	free(rs->sets);
	free(rs->root);
	memset(rs, 0, sizeof *rs);
}

const struct ruleset *rulesets_find(const struct rulesets *rs, const char *id)
{
	for (int i = 0; i < rs->n; i++)
		if (strcmp(rs->sets[i].id, id) == 0)
			return &rs->sets[i];
	return NULL;
}

const struct rule *ruleset_rule(const struct ruleset *set, const char *id)
{
	for (int i = 0; set && i < set->nrules; i++)
		if (strcmp(set->rules[i].id, id) == 0)
			return &set->rules[i];
	return NULL;
}

const char *ruleset_param(const struct ruleset *set, const char *name)
{
	for (int i = 0; i < set->nparams; i++)
		if (strcmp(set->params[i].name, name) == 0)
			return set->params[i].value;
	return NULL;
}

int ruleset_activate(struct workdb *w, const struct ruleset *set, strbuf *err)
{
	if (db_exec(w, "DELETE FROM param; DELETE FROM programme_year; DELETE FROM code;", err))
		return -1;
	sqlite3_stmt *p = db_prepare(w, "INSERT INTO param VALUES(?,?)");
	for (int i = 0; i < set->nparams; i++) {
		const char *v = set->params[i].value;
		char *end;
		errno = 0;
		long long n = strtoll(v, &end, 10);
		sqlite3_bind_text(p, 1, set->params[i].name, -1, SQLITE_STATIC);
		if (*v && !*end && !errno)
			sqlite3_bind_int64(p, 2, n);
		else
			sqlite3_bind_text(p, 2, v, -1, SQLITE_STATIC);
		db_check(w, sqlite3_step(p), "loading rule set parameters");
		sqlite3_reset(p);
	}
	sqlite3_finalize(p);
	p = db_prepare(w, "INSERT INTO programme_year VALUES(?,?,?)");
	for (int i = 0; i < set->nyears; i++) {
		sqlite3_bind_int(p, 1, set->years[i].year);
		sqlite3_bind_int64(p, 2, set->years[i].appropriation);
		sqlite3_bind_text(p, 3, set->years[i].due, -1, SQLITE_STATIC);
		int rc = sqlite3_step(p);
		sqlite3_reset(p);
		if (rc != SQLITE_DONE) {
			sb_printf(err, "%s/years.tsv: year %d is given twice", set->dir, set->years[i].year);
			sqlite3_finalize(p);
			return -1;
		}
	}
	sqlite3_finalize(p);
	p = db_prepare(w, "INSERT INTO code VALUES(?,?,?,?,?)");
	for (int i = 0; i < set->ncodes; i++) {
		sqlite3_bind_text(p, 1, set->codes[i].list, -1, SQLITE_STATIC);
		sqlite3_bind_text(p, 2, set->codes[i].code, -1, SQLITE_STATIC);
		sqlite3_bind_text(p, 3, set->codes[i].label[0], -1, SQLITE_STATIC);
		sqlite3_bind_text(p, 4, set->codes[i].label[1], -1, SQLITE_STATIC);
		sqlite3_bind_int(p, 5, i);
		int rc = sqlite3_step(p);
		sqlite3_reset(p);
		if (rc != SQLITE_DONE) {
			sb_printf(err, "%s/codes.tsv: code %s of list %s is given twice", set->dir, set->codes[i].code,
			          set->codes[i].list);
			sqlite3_finalize(p);
			return -1;
		}
	}
	sqlite3_finalize(p);
	return 0;
}

#ifndef GRANTCHECK_DATADIR
#define GRANTCHECK_DATADIR "/usr/local/share/grantcheck/rules"
#endif

const char *rules_dir_default(strbuf *scratch)
{
	const char *env = getenv("GRANTCHECK_RULES");
	if (env && *env)
		return env;
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			sb_reset(scratch);
			sb_printf(scratch, "%s/../rules", exe);
			struct stat st;
			if (stat(scratch->s, &st) == 0 && S_ISDIR(st.st_mode))
				return scratch->s;
		}
	}
	return GRANTCHECK_DATADIR;
}
