/*
 * ruleset.c - loading rule set folders (see ruleset.h): the data files, and
 * each rule file read safely, its header parsed (rulehdr.c), its query
 * prepared in the sandbox (sandbox.c) and its messages compiled against the
 * query's columns.
 */
#include "ruleset.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amount.h"
#include "checks.h"
#include "sha256.h"

#define RULE_FILE_LIMIT (256 * 1024)

int rule_order(const char *order, const char *id)
{
	size_t plen = 0;
	while (id[plen] && !(id[plen] >= '0' && id[plen] <= '9'))
		plen++;
	int group = 0, found = -1;
	for (const char *p = order; *p;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		size_t n = strcspn(p, " ");
		if (found < 0 && n == plen && strncmp(p, id, n) == 0)
			found = group;
		group++;
		p += n;
	}
	return (found >= 0 ? found : group) * 1000 + atoi(id + plen);
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
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (want_dirs) {
			strbuf path = {0};
			sb_printf(&path, "%s/%s", dir, e->d_name);
			struct stat st;
			int ok = stat(path.s, &st) == 0 && S_ISDIR(st.st_mode);
			sb_free(&path);
			if (!ok)
				continue;
		}
		/* files are taken whatever they are: read_folder_file() refuses
		 * what is not a regular file, so nothing is skipped silently */
		size_t len = strlen(e->d_name), sl = suffix ? strlen(suffix) : 0;
		if (suffix && (len <= sl || strcmp(e->d_name + len - sl, suffix) != 0))
			continue;
		names = xgrow(names, &cap, (size_t)*n + 1, sizeof *names);
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

/* What kind of file st is, for a message. */
static const char *file_kind(const struct stat *st)
{
	if (S_ISDIR(st->st_mode))
		return "a folder";
	if (S_ISFIFO(st->st_mode))
		return "a named pipe (FIFO)";
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		return "a device";
	if (S_ISSOCK(st->st_mode))
		return "a socket";
	return "not a regular file";
}

/*
 * Reads a file of a rule folder (what: "rule file", "rule set's data
 * file"): opened without blocking (a FIFO must not hang), refused unless
 * fstat says it is a regular file, at most RULE_FILE_LIMIT bytes. NULL with
 * "path: what is wrong; what to do" in err.
 */
static char *read_folder_file(const char *path, const char *what, size_t *len, strbuf *err)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat st;
	if (fd < 0) {
		int e = errno;
		if (e == ENOENT && lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
			sb_printf(err, "%s: cannot read the %s: it is a symbolic link to a file that does not exist; "
			          "correct the link or remove it", path, what);
		else if (e == ELOOP)
			sb_printf(err, "%s: cannot read the %s: it is a loop of symbolic links; correct the link or "
			          "remove it", path, what);
		else
			sb_printf(err, "%s: cannot read the %s: %s; check that it exists and is readable", path, what,
			          strerror(e));
		errno = e;
		return NULL;
	}
	if (fstat(fd, &st) != 0) {
		sb_printf(err, "%s: cannot read the %s: %s", path, what, strerror(errno));
		close(fd);
		errno = 0;
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		sb_printf(err, "%s: cannot read the %s: it is %s, not a regular file; replace it with a text "
		          "file or remove it from the rule folder", path, what, file_kind(&st));
		close(fd);
		errno = 0;
		return NULL;
	}
	strbuf b = {0};
	char buf[8192];
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			sb_printf(err, "%s: cannot read the %s: %s", path, what, strerror(errno));
			break;
		}
		if (n == 0) {
			close(fd);
			*len = b.len;
			return b.s ? sb_take(&b) : xstrdup("");
		}
		if (b.len + (size_t)n > RULE_FILE_LIMIT) {
			sb_printf(err, "%s: cannot read the %s: larger than 256 KiB", path, what);
			break;
		}
		sb_putn(&b, buf, (size_t)n);
	}
	close(fd);
	sb_free(&b);
	errno = 0;
	return NULL;
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
	char *text = read_folder_file(path.s, "rule set's data file", &len, err);
	if (!text) {
		if (errno == ENOENT)
			sb_puts(err, "; every rule set folder needs programme.tsv, years.tsv and codes.tsv");
		sb_free(&path);
		return -1;
	}
	sha256_update(h, name, strlen(name) + 1);
	sha256_update(h, text, len + 1);
	int rc = 0, lineno = 0, seen_header = header == NULL;
	char *next = text + (skip_bom(text) - text); /* a UTF-8 BOM is accepted */
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
	set->params = xgrow(set->params, &set->params_cap, (size_t)set->nparams + 1, sizeof *set->params);
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
	set->years = xgrow(set->years, &set->years_cap, (size_t)set->nyears + 1, sizeof *set->years);
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
	set->codes = xgrow(set->codes, &set->codes_cap, (size_t)set->ncodes + 1, sizeof *set->codes);
	set->codes[set->ncodes++] = (struct rs_code){xstrdup(f[0]), xstrdup(f[1]), {xstrdup(f[2]), xstrdup(f[3])}};
	return 0;
}

/* ---- rule files ------------------------------------------------------- */

static struct variant *variant_get(struct rule *r, const char *name)
{
	for (int i = 0; i < r->nvariants; i++)
		if (strcmp(r->variants[i].name, name) == 0)
			return &r->variants[i];
	r->variants = xgrow(r->variants, &r->variants_cap, (size_t)r->nvariants + 1, sizeof *r->variants);
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

int rule_from_header(struct rule *r, struct rule_header *h, const char *const *names, int nnames, strbuf *err)
{
	r->id = h->id;
	h->id = NULL;
	r->severity = h->severity;
	r->register_scope = h->register_scope;
	for (int l = 0; l < LANG_COUNT; l++) {
		r->title[l] = h->title[l];
		r->explain[l] = h->explain[l];
		r->fix[l] = h->fix[l];
		h->title[l] = h->explain[l] = h->fix[l] = NULL;
	}
	for (int i = 0; i < h->nmsgs; i++) {
		const struct rule_msg *m = &h->msgs[i];
		struct variant *v = variant_get(r, m->variant);
		strbuf why = {0};
		if (template_compile(m->text, names, nnames, &v->msg[m->lang], &why)) {
			sb_printf(err, "%s:%d: %s", r->path, m->line, why.s);
			sb_free(&why);
			return -1;
		}
	}
	return 0;
}

/* Prepares the query in the sandbox and finds the columns with a meaning. */
static int compile_query(struct rule *r, const char *sql, int sql_line, struct workdb *w, strbuf *err)
{
	r->reads_previous = strstr(sql, "previous_field") || strstr(sql, "context");
	int eline;
	strbuf why = {0};
	r->stmt = db_prepare_rule(w, sql, &why, &eline);
	if (!r->stmt) {
		sb_printf(err, "%s:%d: %s", r->path, eline ? sql_line + eline - 1 : sql_line, why.s);
		sb_free(&why);
		return -1;
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
		return -1;
	}
	return 0;
}

/* Loads one rule file: read, header (rulehdr.c), query, messages. */
static int load_rule(struct rule *r, const char *dir, const char *file, const char *order, struct workdb *w,
                     sha256 *h, strbuf *err)
{
	memset(r, 0, sizeof *r);
	r->c_line = r->c_col = r->c_severity = r->c_variant = r->c_year = -1;
	strbuf path = {0};
	sb_printf(&path, "%s/%s", dir, file);
	r->path = sb_take(&path);
	size_t len;
	char *text = read_folder_file(r->path, "rule file", &len, err);
	if (!text)
		return -1;
	sha256_update(h, file, strlen(file) + 1);
	sha256_update(h, text, len + 1);
	if (strlen(text) != len) {
		sb_printf(err, "%s: the rule file contains a NUL byte; rule files are UTF-8 text", r->path);
		free(text);
		return -1;
	}
	char *expect = xstrndup(file, strlen(file) - 4); /* without .sql */
	struct rule_header hd;
	int rc = -1;
	if (rule_header_parse(text, r->path, expect, &hd, err) == 0) {
		r->order = rule_order(order, hd.id);
		if (compile_query(r, text + hd.sql_offset, hd.sql_line, w, err) == 0)
			rc = rule_from_header(r, &hd, (const char *const *)r->cols, r->ncols, err);
	}
	rule_header_free(&hd);
	free(expect);
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
	free(s->rule_order);
}

/* The rule that reports a sum too large for 64 bits (programme.tsv
 * overflow_rule): a statement rule with a message.rule variant. */
static int find_overflow_rule(struct ruleset *set, strbuf *err)
{
	const char *id = ruleset_param(set, "overflow_rule");
	if (!id)
		return 0;
	const struct rule *r = ruleset_rule(set, id);
	if (!r) {
		sb_printf(err, "%s/programme.tsv: overflow_rule names %s, but the folder has no rule %s.sql; name the "
		          "rule that reports a sum too large to compute exactly", set->dir, id, id);
		return -1;
	}
	if (r->register_scope || !rule_variant(r, "rule")) {
		sb_printf(err, "%s: the rule named by overflow_rule in programme.tsv needs statement scope and "
		          "message.rule.sv/en with a {rule} placeholder, which names the rule whose sum overflowed",
		          r->path);
		return -1;
	}
	set->overflow = r;
	return 0;
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
	const char *order = ruleset_param(set, "rule_order");
	if (!order || !order[strspn(order, " ")]) {
		sb_printf(err, "%s/programme.tsv: rule_order is missing; add a line \"rule_order<TAB>X S A G P M\" "
		          "giving the catalogue order of the rule ids' letters", set->dir);
		return -1;
	}
	set->rule_order = xstrdup(order);
	int n;
	/* every other .tsv must be a readable file too: nothing in the folder is skipped silently */
	char **tsvs = list_dir(set->dir, ".tsv", 0, &n, err);
	if (!tsvs && err->len)
		return -1;
	for (int i = 0; i < n; i++) {
		strbuf p = {0};
		sb_printf(&p, "%s/%s", set->dir, tsvs[i]);
		size_t len;
		char *text = read_folder_file(p.s, "rule set's data file", &len, err);
		sb_free(&p);
		free(text);
		if (!text) {
			free_names(tsvs, n);
			return -1;
		}
	}
	free_names(tsvs, n);
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
		rc = load_rule(&set->rules[i], set->dir, files[i], set->rule_order, w, &h, err);
		set->nrules = i + 1;
	}
	free_names(files, n);
	if (rc)
		return -1;
	qsort(set->rules, (size_t)set->nrules, sizeof *set->rules, cmp_rule);
	sha256_final_hex(&h, set->checksum);
	return find_overflow_rule(set, err);
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
		struct stat st;
		int is_set = lstat(p.s, &st) == 0; /* a broken programme.tsv is an error, not "no set" */
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
	code_index_clear(&w->codes); /* is_code() knows the table's codes and no others */
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
		code_index_add(&w->codes, set->codes[i].list, set->codes[i].code);
		int rc = sqlite3_step(p);
		sqlite3_reset(p);
		if (rc != SQLITE_DONE) {
			sb_printf(err, "%s/codes.tsv: code %s of list %s is given twice", set->dir, set->codes[i].code,
			          set->codes[i].list);
			sqlite3_finalize(p);
			code_index_clear(&w->codes);
			return -1;
		}
	}
	sqlite3_finalize(p);
	code_index_sort(&w->codes);
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
