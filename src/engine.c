/*
 * engine.c - validating one statement (see engine.h).
 */
#include "engine.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int engine_open(struct engine *e, const char *rules_dir, const char *today, strbuf *err)
{
	memset(e, 0, sizeof *e);
	snprintf(e->today, sizeof e->today, "%s", today);
	if (db_open(&e->w, err))
		return -1;
	builtin_rules_init(e->builtins);
	e->parser = parser_new(&e->w);
	e->begin = db_prepare(&e->w, "BEGIN");
	e->commit = db_prepare(&e->w, "COMMIT");
	e->rollback = db_prepare(&e->w, "ROLLBACK");
	e->get_field = db_prepare(&e->w, "SELECT text, num, line, col FROM field WHERE name = ?");
	e->set_ctx = db_prepare(&e->w, "INSERT OR REPLACE INTO context(name, value) VALUES(?, ?)");
	e->ins_prev = db_prepare(&e->w, "INSERT OR REPLACE INTO previous_field(name, text, amount) VALUES(?,?,?)");
	if (rulesets_load(&e->sets, rules_dir, &e->w, err)) {
		engine_close(e);
		return -1;
	}
	return 0;
}

void engine_close(struct engine *e)
{
	rulesets_free(&e->sets);
	builtin_rules_free(e->builtins);
	parser_free(e->parser);
	sqlite3_stmt *sts[] = {e->begin, e->commit, e->rollback, e->get_field, e->set_ctx, e->ins_prev};
	for (size_t i = 0; i < sizeof sts / sizeof sts[0]; i++)
		sqlite3_finalize(sts[i]);
	db_close(&e->w);
	memset(e, 0, sizeof *e);
}

const struct rule *engine_builtin(const struct engine *e, const char *id)
{
	for (int i = 0; i < BUILTIN_COUNT; i++)
		if (strcmp(e->builtins[i].id, id) == 0)
			return &e->builtins[i];
	return NULL;
}

static void run_simple(struct engine *e, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	db_check(&e->w, rc == SQLITE_DONE ? SQLITE_OK : rc, what);
}

/* The first text of a field, or NULL; *num gets its number (year), pos[]
 * its line and column when given. */
static char *field_text_at(struct engine *e, const char *name, int *num, long pos[2])
{
	sqlite3_stmt *st = e->get_field;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	char *out = NULL;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		out = t ? xstrdup(t) : NULL;
		if (num)
			*num = sqlite3_column_type(st, 1) == SQLITE_INTEGER ? sqlite3_column_int(st, 1) : 0;
		if (pos) {
			pos[0] = (long)sqlite3_column_int64(st, 2);
			pos[1] = (long)sqlite3_column_int64(st, 3);
		}
	} else {
		db_check(&e->w, rc == SQLITE_DONE ? SQLITE_OK : rc, "reading a field");
	}
	sqlite3_reset(st);
	return out;
}

static char *field_text(struct engine *e, const char *name, int *num)
{
	return field_text_at(e, name, num, NULL);
}

/* ---- findings ----------------------------------------------------------- */

/* Counts a finding and, while fewer than FINDINGS_KEPT are kept, keeps it:
 * returns the finding to fill in, or NULL when it is only counted. */
static struct finding *add_finding(struct file_result *r, const struct rule *rule, enum severity sev, long line,
                                   long col)
{
	switch (sev) {
	case SEV_ERROR:
		r->errors++;
		break;
	case SEV_WARNING:
		r->warnings++;
		break;
	case SEV_INFO:
		r->infos++;
		break;
	}
	if (r->nfindings >= FINDINGS_KEPT) {
		r->omitted++;
		return NULL;
	}
	if (r->nfindings == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->findings = xrealloc(r->findings, sizeof *r->findings * (size_t)r->cap);
	}
	struct finding *f = &r->findings[r->nfindings++];
	f->rule = rule;
	f->severity = sev;
	f->line = line > 0 ? line : 0;
	f->col = line > 0 && col > 0 ? col : 0;
	f->msg[0] = f->msg[1] = NULL;
	f->year = 0;
	return f;
}

/* Renders a kept finding's message in every language. */
static void render_finding(struct finding *f, const struct variant *v, param_getter get, void *ctx)
{
	if (!f)
		return;
	for (int l = 0; l < LANG_COUNT; l++) {
		strbuf b = {0};
		template_render(&v->msg[l], (enum lang)l, get, ctx, &b);
		f->msg[l] = sb_take(&b);
	}
}

struct builtin_params {
	const char *v[BP_COUNT];
};

static void builtin_get(void *ctx, int idx, struct pval *out)
{
	const struct builtin_params *p = ctx;
	if (p->v[idx]) {
		out->type = PV_TEXT;
		out->s = p->v[idx];
	}
}

static void add_builtin(struct engine *e, struct file_result *r, const char *id, const char *variant, long line,
                        long col, const struct builtin_params *params)
{
	const struct rule *rule = engine_builtin(e, id);
	assert(rule);
	const struct variant *v = rule_variant(rule, variant);
	if (!v)
		v = rule_variant(rule, "");
	render_finding(add_finding(r, rule, rule->severity, line, col), v, builtin_get, (void *)params);
}

static void row_get(void *ctx, int idx, struct pval *out)
{
	sqlite3_stmt *st = ctx;
	switch (sqlite3_column_type(st, idx)) {
	case SQLITE_INTEGER:
		out->type = PV_INT;
		out->i = sqlite3_column_int64(st, idx);
		break;
	case SQLITE_NULL:
		break;
	default: /* text; a REAL is shown as text too, never as money */
		out->type = PV_TEXT;
		out->s = (const char *)sqlite3_column_text(st, idx);
		if (!out->s)
			out->type = PV_NULL;
		break;
	}
}

/* Values for a finding the engine makes for a rule's template by column name. */
struct named_params {
	const struct rule *rule;
	const char *name, *value;
};

static void named_get(void *ctx, int idx, struct pval *out)
{
	const struct named_params *p = ctx;
	if (strcmp(p->rule->cols[idx], p->name) == 0) {
		out->type = PV_TEXT;
		out->s = p->value;
	}
}

static void sort_findings(struct file_result *r);

static int cmp_finding(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	if (x->rule->order != y->rule->order)
		return x->rule->order < y->rule->order ? -1 : 1;
	return strcmp(x->msg[LANG_EN], y->msg[LANG_EN]);
}

/* ---- running the rules ---------------------------------------------------- */

static int run_rule(struct engine *e, const struct rule *rule, struct file_result *r, int64_t rows,
                    int *overflowed, strbuf *err)
{
	sqlite3_stmt *st = rule->stmt;
	int64_t max_rows = 1000 + rows * 4;
	int64_t n = 0;
	int rc;
	db_rule_budget(&e->w, rows);
	e->w.running_rule = 1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (++n > max_rows) {
			sb_printf(err, "%s: the rule returned more than %lld rows for %s, more findings than the statement "
			          "has values; a rule must return one row per finding (check its joins and WHERE clause)",
			          rule->path, (long long)max_rows, r->path);
			e->w.running_rule = 0;
			sqlite3_reset(st);
			return -1;
		}
		enum severity sev = rule->severity;
		if (rule->c_severity >= 0 && sqlite3_column_type(st, rule->c_severity) != SQLITE_NULL) {
			const char *s = (const char *)sqlite3_column_text(st, rule->c_severity);
			if (!s || severity_parse(s, &sev)) {
				sb_printf(err, "%s: the rule returned severity \"%s\"; use error, warning or info", rule->path,
				          s ? s : "");
				goto fail;
			}
		}
		const char *vname = rule->c_variant >= 0 ? (const char *)sqlite3_column_text(st, rule->c_variant) : NULL;
		const struct variant *v = rule_variant(rule, vname ? vname : "");
		if (!v) {
			sb_printf(err, "%s: the rule returned variant \"%s\", which has no message.%s.sv/en in its header",
			          rule->path, vname, vname);
			goto fail;
		}
		struct finding *f = add_finding(r, rule, sev, (long)sqlite3_column_int64(st, rule->c_line),
		                                (long)sqlite3_column_int64(st, rule->c_col));
		if (f && rule->register_scope && rule->c_year >= 0)
			f->year = sqlite3_column_int(st, rule->c_year);
		render_finding(f, v, row_get, st);
	}
	e->w.running_rule = 0;
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 0;
	}
	const char *msg = sqlite3_errmsg(e->w.db);
	if (e->w.budget_exceeded || rc == SQLITE_INTERRUPT) {
		sb_printf(err, "%s: the rule ran longer than allowed on %s and was stopped (an endless recursive "
		          "query?); fix the rule file", rule->path, r->path);
	} else if (strstr(msg, "integer overflow")) {
		*overflowed = 1;
		sqlite3_reset(st);
		return 0;
	} else {
		sb_printf(err, "%s: the rule failed on %s: %s; fix the rule file", rule->path, r->path, msg);
	}
	sqlite3_reset(st);
	return -1;
fail:
	e->w.running_rule = 0;
	sqlite3_reset(st);
	return -1;
}

static void set_context(struct engine *e, const char *name, const char *value)
{
	sqlite3_bind_text(e->set_ctx, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(e->set_ctx, 2, value, -1, SQLITE_TRANSIENT);
	run_simple(e, e->set_ctx, "setting the context");
}

static int load_previous(struct engine *e, struct file_result *r, strbuf *err)
{
	if (!e->prev || !r->rcc || !r->year)
		return 0;
	const struct prev_statement *p = NULL;
	int found = e->prev(e->prev_ctx, r->rcc, r->year - 1, &p, err);
	if (found < 0)
		return -1;
	if (!found)
		return 0;
	for (int i = 0; i < p->nfields; i++) {
		sqlite3_bind_text(e->ins_prev, 1, p->fields[i].name, -1, SQLITE_STATIC);
		if (p->fields[i].text)
			sqlite3_bind_text(e->ins_prev, 2, p->fields[i].text, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(e->ins_prev, 2);
		if (p->fields[i].has_amount)
			sqlite3_bind_int64(e->ins_prev, 3, p->fields[i].amount);
		else
			sqlite3_bind_null(e->ins_prev, 3);
		run_simple(e, e->ins_prev, "recording the previous statement");
		sqlite3_clear_bindings(e->ins_prev);
	}
	set_context(e, "previous_source", p->source);
	return 0;
}

static const struct ruleset *choose_ruleset(struct engine *e, struct file_result *r)
{
	if (r->programme)
		return rulesets_find(&e->sets, r->programme);
	/* no <programme>: the set whose years contain the statement's year,
	 * else the first; S1 will report the missing element */
	for (int i = 0; i < e->sets.n; i++)
		for (int y = 0; y < e->sets.sets[i].nyears; y++)
			if (e->sets.sets[i].years[y].year == r->year)
				return &e->sets.sets[i];
	return &e->sets.sets[0];
}

/* Loads the statement in the file path, or in data[0..n) when data is not
 * NULL, into the emptied statement tables in one transaction. */
static int load(struct engine *e, const char *path, const char *data, size_t n, struct parse_outcome *out,
                strbuf *err)
{
	if (db_reset_statement(&e->w, err))
		return -1;
	run_simple(e, e->begin, "starting to load a statement");
	if (data)
		parser_load_mem(e->parser, data, n, out);
	else
		parser_load_file(e->parser, path, out);
	run_simple(e, e->commit, "loading a statement");
	return 0;
}

/* Checks the statement in the file path, or in data[0..n) when data is not
 * NULL (path is then only its label). */
static int check_statement(struct engine *e, const char *path, const char *data, size_t n, struct file_result *r,
                           strbuf *err)
{
	memset(r, 0, sizeof *r);
	r->path = xstrdup(path);
	struct parse_outcome out = {0};
	if (load(e, path, data, n, &out, err))
		return -1;
	memcpy(r->sha256, out.sha256, sizeof r->sha256);
	r->bytes = out.bytes;
	int rc = 0;
	if (out.status != PARSE_OK) {
		static const char *const ids[] = {NULL, "X1", "X2", "X3"};
		struct builtin_params bp = {{out.reason.s, out.found.s, NULL, NULL, out.say[LANG_SV].s, out.say[LANG_EN].s}};
		add_builtin(e, r, ids[out.status], out.variant, out.line, out.col, &bp);
		goto done;
	}
	long programme_pos[2] = {0, 0};
	r->programme = field_text_at(e, "programme", NULL, programme_pos);
	r->rcc = field_text(e, "rcc.id", NULL);
	free(field_text(e, "year", &r->year));
	const struct ruleset *set = choose_ruleset(e, r);
	if (!set) {
		strbuf inst = {0};
		for (int i = 0; i < e->sets.n; i++)
			sb_printf(&inst, "%s%s", i ? ", " : "", e->sets.sets[i].id);
		struct builtin_params bp = {{NULL, NULL, r->programme, inst.s, NULL, NULL}};
		add_builtin(e, r, "X4", "", programme_pos[0], programme_pos[1], &bp);
		sb_free(&inst);
		goto done;
	}
	r->ruleset = set;
	if (e->active != set) {
		if (ruleset_activate(&e->w, set, err))
			return -1;
		e->active = set;
	}
	set_context(e, "today", e->today);
	set_context(e, "file", path);
	if (load_previous(e, r, err))
		return -1;
	int64_t rows = out.rows; /* node + expense rows, counted by the parser */
	int overflowed = 0;
	const char *overflow_rule = NULL;
	for (int i = 0; i < set->nrules && rc == 0; i++) {
		if (set->rules[i].register_scope)
			continue;
		int before = overflowed;
		rc = run_rule(e, &set->rules[i], r, rows, &overflowed, err);
		if (overflowed && !before)
			overflow_rule = set->rules[i].id;
	}
	if (rc == 0 && overflowed) {
		/* a sum did not fit in 64 bits: A6, unless the A6 rule already said so */
		int have = 0;
		for (int i = 0; i < r->nfindings; i++)
			have |= strcmp(r->findings[i].rule->id, "A6") == 0;
		const struct rule *a6 = ruleset_rule(set, "A6");
		if (!a6 || !rule_variant(a6, "rule")) {
			sb_printf(err, "%s: a sum overflowed in rule %s, and the rule set has no A6 rule with a "
			          "message.rule variant to report it", set->dir, overflow_rule);
			rc = -1;
		} else if (!have) {
			struct named_params np = {a6, "rule", overflow_rule};
			const struct variant *v = rule_variant(a6, "rule");
			render_finding(add_finding(r, a6, a6->severity, 0, 0), v, named_get, &np);
		}
	}
done:
	sort_findings(r);
	parse_outcome_free(&out);
	return rc;
}

int engine_check(struct engine *e, const char *path, struct file_result *r, strbuf *err)
{
	return check_statement(e, path, NULL, 0, r, err);
}

int engine_check_mem(struct engine *e, const char *label, const char *data, size_t n, struct file_result *r,
                     strbuf *err)
{
	return check_statement(e, label, data ? data : "", n, r, err);
}

static void sort_findings(struct file_result *r)
{
	if (r->nfindings > 1)
		qsort(r->findings, (size_t)r->nfindings, sizeof *r->findings, cmp_finding);
}

int engine_check_register(struct engine *e, const char *label, struct file_result *r, strbuf *err)
{
	memset(r, 0, sizeof *r);
	r->path = xstrdup(label);
	int64_t rows = 0;
	sqlite3_stmt *st = db_prepare(&e->w, "SELECT count(*) FROM register_statement");
	if (sqlite3_step(st) == SQLITE_ROW)
		rows = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	int rc = 0, overflowed = 0;
	for (int s = 0; s < e->sets.n && rc == 0; s++) {
		const struct ruleset *set = &e->sets.sets[s];
		int any = 0;
		for (int i = 0; i < set->nrules; i++)
			any |= set->rules[i].register_scope;
		if (!any)
			continue;
		if (e->active != set) {
			if (ruleset_activate(&e->w, set, err))
				return -1;
			e->active = set;
		}
		for (int i = 0; i < set->nrules && rc == 0; i++)
			if (set->rules[i].register_scope)
				rc = run_rule(e, &set->rules[i], r, rows, &overflowed, err);
	}
	if (rc == 0 && overflowed) {
		sb_puts(err, "a register-level rule overflowed a sum; check the granted amounts in the register");
		rc = -1;
	}
	sort_findings(r);
	return rc;
}

void file_result_free(struct file_result *r)
{
	for (int i = 0; i < r->nfindings; i++) {
		free(r->findings[i].msg[0]);
		free(r->findings[i].msg[1]);
	}
	free(r->findings);
	free(r->path);
	free(r->programme);
	free(r->rcc);
	memset(r, 0, sizeof *r);
}

int engine_load_previous(struct engine *e, const char *path, struct prev_statement *p, strbuf *err)
{
	memset(p, 0, sizeof *p);
	struct parse_outcome out = {0};
	if (load(e, path, NULL, 0, &out, err))
		return -1;
	if (out.status != PARSE_OK) {
		sb_printf(err, "%s: the previous year's statement cannot be used: %s%s%s; give a readable, "
		          "well-formed statement with --previous", path,
		          out.status == PARSE_X1 ? "cannot be read" : out.status == PARSE_X2 ? "not well-formed XML"
		                                                                               : "not a statement",
		          out.reason.len ? ": " : "", sb_str(&out.reason));
		parse_outcome_free(&out);
		return -1;
	}
	parse_outcome_free(&out);
	sqlite3_stmt *st = db_prepare(&e->w, "SELECT name, text, amount FROM field");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p->fields = xrealloc(p->fields, sizeof *p->fields * (size_t)(p->nfields + 1));
		struct prev_field *f = &p->fields[p->nfields++];
		f->name = xstrdup((const char *)sqlite3_column_text(st, 0));
		const char *t = (const char *)sqlite3_column_text(st, 1);
		f->text = t ? xstrdup(t) : NULL;
		f->has_amount = sqlite3_column_type(st, 2) == SQLITE_INTEGER;
		f->amount = sqlite3_column_int64(st, 2);
	}
	db_check(&e->w, rc == SQLITE_DONE ? SQLITE_OK : rc, "reading the previous statement");
	sqlite3_finalize(st);
	p->source = xstrdup(path);
	p->rcc = field_text(e, "rcc.id", NULL);
	free(field_text(e, "year", &p->year));
	if (!p->rcc || !p->year) {
		sb_printf(err, "%s: the previous year's statement gives no rcc id or year; it cannot be matched", path);
		prev_statement_free(p);
		return -1;
	}
	return 0;
}

void prev_statement_free(struct prev_statement *p)
{
	for (int i = 0; i < p->nfields; i++) {
		free(p->fields[i].name);
		free(p->fields[i].text);
	}
	free(p->fields);
	free(p->source);
	free(p->rcc);
	memset(p, 0, sizeof *p);
}
