/*
 * engine.c - validating one statement (see engine.h).
 */
#include "engine_impl.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "sha256.h"

static void set_context(struct engine *e, const char *name, const char *value);

struct engine *engine_open(const char *rules_dir, const char *today, strbuf *err)
{
	struct engine *e = xcalloc(1, sizeof *e);
	snprintf(e->today, sizeof e->today, "%s", today);
	if (db_open(&e->w, err)) {
		free(e);
		return NULL;
	}
	builtin_rules_init(e->builtins);
	e->parser = parser_new(&e->w);
	e->begin = db_prepare(&e->w, "BEGIN");
	e->commit = db_prepare(&e->w, "COMMIT");
	e->rollback = db_prepare(&e->w, "ROLLBACK");
	e->set_ctx = db_prepare(&e->w, "INSERT OR REPLACE INTO context(name, value) VALUES(?, ?)");
	e->clear_ctx = db_prepare(&e->w, "DELETE FROM context WHERE name NOT IN ('today', 'file')");
	set_context(e, "today", e->today); /* for every statement; outside their transactions, so kept */
	e->ins_prev = db_prepare(&e->w, "INSERT OR REPLACE INTO previous_field(name, text, amount) VALUES(?,?,?)");
	e->get_fields = db_prepare(&e->w, "SELECT name, text, amount FROM field");
	e->get_totals = db_prepare(&e->w, "SELECT category, criterion, sum(sum), sum(lines) FROM expense_group"
	                                  " WHERE NOT EXISTS (SELECT 1 FROM expense_group WHERE amounts < lines)"
	                                  " GROUP BY category, criterion");
	e->ins_regrow = db_prepare(&e->w, "INSERT INTO register_statement(rcc, year, programme, path, granted,"
	                                  " received, status) VALUES(?,?,?,?,?,?,?)");
	if (rulesets_load(&e->sets, rules_dir, &e->w, err)) {
		engine_close(e);
		return NULL;
	}
	const char *profile = getenv("GRANTCHECK_PROFILE_RULES");
	if (profile && *profile && strcmp(profile, "0") != 0) {
		size_t n = 0;
		for (int s = 0; s < e->sets.n; s++)
			n += (size_t)e->sets.sets[s].nrules;
		e->costs = xcalloc(n ? n : 1, sizeof *e->costs);
	}
	return e;
}

/* GRANTCHECK_PROFILE_RULES: one line per rule that ran, on standard error:
 * its runs, SQLite's virtual machine steps and full-scan steps per run
 * (sqlite3_stmt_status: the same on every machine) and the time it took. */
static void print_rule_costs(const struct engine *e)
{
	const struct rule_cost *c = e->costs;
	int64_t runs = 0, ns = 0;
	for (int s = 0; s < e->sets.n; s++) {
		const struct ruleset *set = &e->sets.sets[s];
		for (int i = 0; i < set->nrules; i++, c++) {
			if (!c->runs)
				continue;
			sqlite3_stmt *st = set->rules[i].stmt;
			long long steps = sqlite3_stmt_status(st, SQLITE_STMTSTATUS_VM_STEP, 0);
			long long scans = sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0);
			fprintf(stderr,
			        "grantcheck profile: %s %s runs=%lld steps/run=%lld fullscan/run=%lld us/run=%.1f "
			        "ms=%.1f\n",
			        set->id, set->rules[i].id, (long long)c->runs, steps / c->runs, scans / c->runs,
			        (double)c->ns / 1e3 / (double)c->runs, (double)c->ns / 1e6);
			runs += c->runs;
			ns += c->ns;
		}
	}
	fprintf(stderr, "grantcheck profile: all rules runs=%lld ms=%.1f\n", (long long)runs, (double)ns / 1e6);
}

/* Whether a and b loaded the same rule sets (ids and checksums). */
static int same_rules(const struct engine *a, const struct engine *b)
{
	if (a->sets.n != b->sets.n)
		return 0;
	for (int i = 0; i < a->sets.n; i++)
		if (strcmp(a->sets.sets[i].id, b->sets.sets[i].id) != 0 ||
		    strcmp(a->sets.sets[i].checksum, b->sets.sets[i].checksum) != 0)
			return 0;
	return 1;
}

struct engine *engine_adopt(struct engine *e, const struct engine *like, strbuf *err)
{
	if (e && !same_rules(e, like)) {
		sb_printf(err, "%s: the rule folder changed while the run started; run it again", like->sets.root);
		engine_close(e);
		return NULL;
	}
	if (e) {
		e->fingerprints = like->fingerprints;
		e->no_figures = like->no_figures;
		e->keep_content = like->keep_content;
		e->prev_given = like->prev_given;
		e->nprev_given = like->nprev_given;
	}
	return e;
}

struct engine *engine_open_like(const struct engine *like, strbuf *err)
{
	return engine_adopt(engine_open(like->sets.root, like->today, err), like, err);
}

void engine_close(struct engine *e)
{
	if (!e)
		return;
	if (e->costs) {
		print_rule_costs(e);
		free(e->costs);
	}
	rulesets_free(&e->sets);
	builtin_rules_free(e->builtins);
	parser_free(e->parser);
	sqlite3_stmt *sts[] = {e->begin,   e->commit,     e->rollback,   e->set_ctx,   e->clear_ctx,
	                       e->ins_prev, e->ins_regrow, e->get_fields, e->get_totals};
	for (size_t i = 0; i < sizeof sts / sizeof sts[0]; i++)
		sqlite3_finalize(sts[i]);
	db_close(&e->w);
	free(e);
}

const struct rulesets *engine_rulesets(const struct engine *e)
{
	return &e->sets;
}

const struct rule *engine_builtins(const struct engine *e)
{
	return e->builtins;
}

void engine_set_previous(struct engine *e, prev_provider provider, void *ctx)
{
	e->prev = provider;
	e->prev_ctx = ctx;
}

void engine_set_fingerprints(struct engine *e, int on)
{
	e->fingerprints = on;
}

void engine_set_identified(struct engine *e, statement_identified cb, void *ctx)
{
	e->identified = cb;
	e->identified_ctx = ctx;
}

void engine_set_keep_content(struct engine *e, size_t max)
{
	e->keep_content = max;
}

void engine_set_figures(struct engine *e, int on)
{
	e->no_figures = !on;
}

void engine_set_previous_given(struct engine *e, const struct prev_statement *given, int n)
{
	e->prev_given = given;
	e->nprev_given = n;
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

/* The working database stays inside one transaction from the first
 * statement on: it is private and never read by anyone else, so nothing is
 * gained by committing, and every rule run outside a transaction would
 * begin and end a read transaction of its own, and every COMMIT would write
 * the dirty pages out to the temporary file. (A failure that makes SQLite
 * roll back ends it; the next statement begins a new one.) */
static void in_transaction(struct engine *e)
{
	if (sqlite3_get_autocommit(e->w.db))
		run_simple(e, e->begin, "starting a transaction");
}

/* The loaded statement's field of this short name (the table field's row,
 * as the loader kept it): its text, year (num) and position. */
static char *field_text_at(struct engine *e, const char *name, int *num, long pos[2])
{
	const char *text = NULL;
	int year = 0;
	long at[2] = {0, 0};
	if (!parser_field(e->parser, name, &text, &year, at))
		return NULL;
	if (num)
		*num = year;
	if (pos) {
		pos[0] = at[0];
		pos[1] = at[1];
	}
	return text ? xstrdup(text) : NULL;
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
	f->xpath = f->fingerprint = NULL;
	f->year = 0;
	return f;
}

/* The values a finding's message shows (the parameters its templates use,
 * in parameter order, each ended by 0x1f; NULL as 0x1e), kept in
 * f->fingerprint until fingerprint_findings() hashes them. */
static char *message_values(const struct variant *v, param_getter get, void *ctx)
{
	int maxp = -1;
	for (int l = 0; l < LANG_COUNT; l++)
		for (int i = 0; i < v->msg[l].n; i++)
			if (!v->msg[l].segs[i].literal && v->msg[l].segs[i].param > maxp)
				maxp = v->msg[l].segs[i].param;
	strbuf b = {0};
	sb_puts(&b, "");
	for (int p = 0; p <= maxp; p++) {
		int used = 0;
		for (int l = 0; l < LANG_COUNT && !used; l++)
			for (int i = 0; i < v->msg[l].n && !used; i++)
				used = !v->msg[l].segs[i].literal && v->msg[l].segs[i].param == p;
		if (!used)
			continue;
		struct pval pv = {PV_NULL, 0, NULL};
		get(ctx, p, &pv);
		if (pv.type == PV_INT)
			sb_printf(&b, "%lld", (long long)pv.i);
		else if (pv.type == PV_TEXT && pv.s)
			sb_puts(&b, pv.s);
		else
			sb_putc(&b, 0x1e);
		sb_putc(&b, 0x1f);
	}
	return sb_take(&b);
}

/* Renders a kept finding's message in every language (and, with
 * fingerprints on, keeps the values it shows). */
static void render_finding(struct engine *e, struct finding *f, const struct variant *v, param_getter get, void *ctx)
{
	if (!f)
		return;
	for (int l = 0; l < LANG_COUNT; l++) {
		strbuf b = {0};
		template_render(&v->msg[l], (enum lang)l, get, ctx, &b);
		f->msg[l] = sb_take(&b);
	}
	if (e->fingerprints && !f->rule->register_scope)
		f->fingerprint = message_values(v, get, ctx);
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
	render_finding(e, add_finding(r, rule, rule->severity, line, col), v, builtin_get, (void *)params);
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
		render_finding(e, f, v, row_get, st);
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

/* Runs rule i of set, counting its cost when GRANTCHECK_PROFILE_RULES is on. */
static int run_set_rule(struct engine *e, const struct ruleset *set, int i, struct file_result *r, int64_t rows,
                        int *overflowed, strbuf *err)
{
	if (!e->costs)
		return run_rule(e, &set->rules[i], r, rows, overflowed, err);
	struct rule_cost *c = e->costs;
	for (const struct ruleset *s = e->sets.sets; s < set; s++)
		c += s->nrules;
	c += i;
	int64_t t0 = monotonic_ns();
	int rc = run_rule(e, &set->rules[i], r, rows, overflowed, err);
	c->ns += monotonic_ns() - t0;
	c->runs++;
	return rc;
}

static void set_context(struct engine *e, const char *name, const char *value)
{
	if (strcmp(name, "today") != 0 && strcmp(name, "file") != 0)
		e->ctx_extra = 1; /* deleted before the next statement (clear_ctx) */
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
	if (!found) {
		/* say which --previous statement was given (G5): the same RCC's if any */
		const struct prev_statement *g = e->nprev_given ? &e->prev_given[0] : NULL;
		for (int i = 0; i < e->nprev_given; i++)
			if (e->prev_given[i].rcc && strcmp(e->prev_given[i].rcc, r->rcc) == 0)
				g = &e->prev_given[i];
		if (g && g->rcc) {
			char year[16];
			snprintf(year, sizeof year, "%d", g->year);
			set_context(e, "given_rcc", g->rcc);
			set_context(e, "given_year", year);
		}
		return 0;
	}
	const struct field_value *fv = p->figures.fields;
	for (int i = 0; i < p->figures.nfields; i++) {
		sqlite3_bind_text(e->ins_prev, 1, fv[i].name, -1, SQLITE_STATIC);
		if (fv[i].text)
			sqlite3_bind_text(e->ins_prev, 2, fv[i].text, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(e->ins_prev, 2);
		if (fv[i].has_amount)
			sqlite3_bind_int64(e->ins_prev, 3, fv[i].amount);
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

/* ---- the statement's figures ------------------------------------------- */

/* Reads the loaded statement's figures from the working tables. */
static void read_figures(struct engine *e, struct figures *fig)
{
	memset(fig, 0, sizeof *fig);
	sqlite3_stmt *st = e->get_fields;
	size_t fields_cap = 0, totals_cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fig->fields = xgrow(fig->fields, &fields_cap, (size_t)fig->nfields + 1, sizeof *fig->fields);
		struct field_value *f = &fig->fields[fig->nfields++];
		f->name = xstrdup((const char *)sqlite3_column_text(st, 0));
		const char *t = (const char *)sqlite3_column_text(st, 1);
		f->text = t ? xstrdup(t) : NULL;
		f->has_amount = sqlite3_column_type(st, 2) == SQLITE_INTEGER;
		f->amount = sqlite3_column_int64(st, 2);
		if (f->text && strcmp(f->name, "attestation.date") == 0 && !fig->attested)
			fig->attested = xstrdup(f->text);
	}
	db_check(&e->w, rc == SQLITE_DONE ? SQLITE_OK : rc, "reading the statement's figures");
	sqlite3_reset(st);
	/* expense totals per category and criterion, only when every line is a
	 * well-formed amount; a sum that overflows (A6) leaves none */
	st = e->get_totals;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fig->totals = xgrow(fig->totals, &totals_cap, (size_t)fig->ntotals + 1, sizeof *fig->totals);
		const char *cat = (const char *)sqlite3_column_text(st, 0);
		const char *crit = (const char *)sqlite3_column_text(st, 1);
		fig->totals[fig->ntotals++] = (struct expense_total){cat ? xstrdup(cat) : NULL,
		                                                      crit ? xstrdup(crit) : NULL,
		                                                      sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3)};
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) { /* "integer overflow" from sum() */
		for (int i = 0; i < fig->ntotals; i++) {
			free(fig->totals[i].category);
			free(fig->totals[i].criterion);
		}
		free(fig->totals);
		fig->totals = NULL;
		fig->ntotals = 0;
	}
}

void figures_copy(struct figures *dst, const struct figures *src)
{
	memset(dst, 0, sizeof *dst);
	if (src->nfields) {
		dst->fields = xcalloc((size_t)src->nfields, sizeof *dst->fields);
		for (int i = 0; i < src->nfields; i++) {
			const struct field_value *f = &src->fields[i];
			dst->fields[i] = (struct field_value){xstrdup(f->name), f->text ? xstrdup(f->text) : NULL,
			                                      f->has_amount, f->amount};
		}
		dst->nfields = src->nfields;
	}
	if (src->ntotals) {
		dst->totals = xcalloc((size_t)src->ntotals, sizeof *dst->totals);
		for (int i = 0; i < src->ntotals; i++) {
			const struct expense_total *t = &src->totals[i];
			dst->totals[i] = (struct expense_total){t->category ? xstrdup(t->category) : NULL,
			                                        t->criterion ? xstrdup(t->criterion) : NULL, t->amount,
			                                        t->lines};
		}
		dst->ntotals = src->ntotals;
	}
	dst->attested = src->attested ? xstrdup(src->attested) : NULL;
}

void figures_free(struct figures *f)
{
	for (int i = 0; i < f->nfields; i++) {
		free(f->fields[i].name);
		free(f->fields[i].text);
	}
	for (int i = 0; i < f->ntotals; i++) {
		free(f->totals[i].category);
		free(f->totals[i].criterion);
	}
	free(f->fields);
	free(f->totals);
	free(f->attested);
	memset(f, 0, sizeof *f);
}

void prev_statement_init(struct prev_statement *p, const char *source, const char *rcc, int year,
                         const struct figures *fig)
{
	memset(p, 0, sizeof *p);
	p->source = xstrdup(source);
	p->rcc = rcc ? xstrdup(rcc) : NULL;
	p->year = year;
	figures_copy(&p->figures, fig);
}

/* ---- fingerprints ---------------------------------------------------------- */

/* The XML path of node id ("/statement/recipient/orgnr", "[n]" from the
 * second sibling of a name on, "@name" for an attribute). */
static void node_xpath(struct engine *e, sqlite3_stmt *up, int64_t id, strbuf *out)
{
	char *segs[64];
	int n = 0;
	while (id && n < 64) {
		sqlite3_bind_int64(up, 1, id);
		if (sqlite3_step(up) != SQLITE_ROW) {
			sqlite3_reset(up);
			break;
		}
		strbuf b = {0};
		const char *name = (const char *)sqlite3_column_text(up, 1);
		int nth = sqlite3_column_int(up, 2);
		const char *kind = (const char *)sqlite3_column_text(up, 3);
		sb_printf(&b, "%s%s", kind && kind[0] == 'a' ? "@" : "/", name ? name : "");
		if (nth > 1)
			sb_printf(&b, "[%d]", nth);
		segs[n++] = sb_take(&b);
		id = sqlite3_column_int64(up, 0);
		sqlite3_reset(up);
	}
	(void)e;
	sb_reset(out);
	while (n > 0) {
		sb_puts(out, segs[--n]);
		free(segs[n]);
	}
	if (!out->len)
		sb_puts(out, "/");
}

/* Gives every kept finding its xpath (by the element that starts at its
 * line and column: a node, or an expense line, which is counted among the
 * statement's lines) and turns the values kept by render_finding into the
 * fingerprint. One join per table, so 10 000 findings cost no more than
 * one pass over the statement. */
static void fingerprint_findings(struct engine *e, struct file_result *r)
{
	if (!r->nfindings)
		return;
	int64_t *node = xcalloc((size_t)r->nfindings, sizeof *node);
	int64_t *line = xcalloc((size_t)r->nfindings, sizeof *line);
	db_check(&e->w, sqlite3_exec(e->w.db, "CREATE TEMP TABLE IF NOT EXISTS fp_want(i INTEGER PRIMARY KEY,"
	                                      " line INTEGER, col INTEGER); DELETE FROM fp_want",
	                             NULL, NULL, NULL),
	         "preparing the fingerprints");
	sqlite3_stmt *ins = db_prepare(&e->w, "INSERT INTO fp_want VALUES(?,?,?)");
	in_transaction(e);
	for (int i = 0; i < r->nfindings; i++) {
		if (!r->findings[i].line)
			continue;
		sqlite3_bind_int(ins, 1, i);
		sqlite3_bind_int64(ins, 2, r->findings[i].line);
		sqlite3_bind_int64(ins, 3, r->findings[i].col);
		run_simple(e, ins, "preparing the fingerprints");
	}
	sqlite3_finalize(ins);
	sqlite3_stmt *q = db_prepare(&e->w, "SELECT w.i, n.id FROM fp_want w JOIN node n ON n.line = w.line AND"
	                                    " n.col = w.col ORDER BY w.i, n.kind = 'e' DESC, n.id DESC");
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		int i = sqlite3_column_int(q, 0);
		if (!node[i])
			node[i] = sqlite3_column_int64(q, 1);
	}
	db_check(&e->w, rc == SQLITE_DONE ? SQLITE_OK : rc, "finding the findings' elements");
	sqlite3_finalize(q);
	q = db_prepare(&e->w, "SELECT w.i, x.id - (SELECT min(id) FROM expense) + 1 FROM fp_want w JOIN expense x"
	                      " ON x.line = w.line AND x.col = w.col");
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		line[sqlite3_column_int(q, 0)] = sqlite3_column_int64(q, 1);
	db_check(&e->w, rc == SQLITE_DONE ? SQLITE_OK : rc, "finding the findings' expense lines");
	sqlite3_finalize(q);
	sqlite3_stmt *up = db_prepare(&e->w, "SELECT parent, name, nth, kind FROM node WHERE id = ?");
	strbuf b = {0};
	char year[16];
	snprintf(year, sizeof year, "%d", r->year);
	int shani = sha256_have_shani(); /* asked once: the CPU query costs more than a short hash */
	for (int i = 0; i < r->nfindings; i++) {
		struct finding *f = &r->findings[i];
		if (line[i]) {
			sb_reset(&b);
			sb_printf(&b, "/%s[%lld]", fmt_nodes[FMT_EXPENSE].path, (long long)line[i]);
		} else {
			node_xpath(e, up, node[i], &b);
		}
		f->xpath = xstrdup(sb_str(&b));
		sha256 c;
		sha256_init_impl(&c, shani);
		const char *parts[] = {f->rule->id, r->rcc ? r->rcc : "", year, f->xpath};
		for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++)
			sha256_update(&c, parts[k], strlen(parts[k]) + 1);
		if (f->fingerprint)
			sha256_update(&c, f->fingerprint, strlen(f->fingerprint));
		free(f->fingerprint);
		f->fingerprint = xmalloc(65);
		sha256_final_hex(&c, f->fingerprint);
	}
	sb_free(&b);
	sqlite3_finalize(up);
	free(node);
	free(line);
}

/* Loads the statement in the file path, or in data[0..n) when data is not
 * NULL, into the emptied statement tables in one transaction. */
static int load(struct engine *e, const char *path, const char *data, size_t n, struct parse_outcome *out,
                strbuf *err)
{
	in_transaction(e);
	if (db_reset_statement(&e->w, err))
		return -1;
	if (data)
		parser_load_mem(e->parser, data, n, out);
	else
		parser_load_file(e->parser, path, out);
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
	parser_keep_bytes(e->parser, !data && strcmp(path, "-") != 0 ? e->keep_content : 0);
	if (load(e, path, data, n, &out, err))
		return -1;
	memcpy(r->sha256, out.sha256, sizeof r->sha256);
	r->bytes = out.bytes;
	r->has_mtime = out.has_mtime;
	r->mtime = out.mtime;
	if (out.kept) {
		r->content.encoding = "raw";
		r->content.len = out.content.len;
		r->content.bytes = (unsigned char *)sb_take(&out.content);
	}
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
	if (e->identified)
		e->identified(e->identified_ctx, r->rcc, r->year);
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
	if (e->ctx_extra) {
		run_simple(e, e->clear_ctx, "emptying the context");
		e->ctx_extra = 0;
	}
	set_context(e, "file", path);
	int64_t rows = out.rows; /* node + expense rows, counted by the parser */
	int overflowed = 0;
	const char *overflow_rule = NULL;
	/* the rules that read last year's statement last: it is loaded only
	 * then, so a worker that must wait for it (runner.c) has done the rest
	 * first; findings are sorted afterwards, so the order does not show */
	for (int pass = 0; pass < 2 && rc == 0; pass++) {
		if (pass == 1 && load_previous(e, r, err))
			return -1;
		for (int i = 0; i < set->nrules && rc == 0; i++) {
			if (set->rules[i].register_scope || set->rules[i].reads_previous != pass)
				continue;
			int before = overflowed;
			rc = run_set_rule(e, set, i, r, rows, &overflowed, err);
			if (overflowed && !before)
				overflow_rule = set->rules[i].id;
		}
	}
	if (rc == 0 && overflowed) {
		/* a sum did not fit in 64 bits: the rule set's overflow_rule (checked
		 * at load), unless that rule already said so */
		const struct rule *a6 = set->overflow;
		int have = 0;
		for (int i = 0; i < r->nfindings; i++)
			have |= r->findings[i].rule == a6;
		if (!a6 || !rule_variant(a6, "rule")) {
			sb_printf(err, "%s: a sum overflowed in rule %s, and programme.tsv names no overflow_rule to "
			          "report it; add \"overflow_rule<TAB>ID\" naming a rule with a message.rule variant",
			          set->dir, overflow_rule);
			rc = -1;
		} else if (!have) {
			struct named_params np = {a6, "rule", overflow_rule};
			const struct variant *v = rule_variant(a6, "rule");
			render_finding(e, add_finding(r, a6, a6->severity, 0, 0), v, named_get, &np);
		}
	}
	if (rc == 0 && !e->no_figures)
		read_figures(e, &r->figures);
done:
	if (e->fingerprints)
		fingerprint_findings(e, r);
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

/* Fills the working table register_statement with rows[0..n). */
static void load_register_rows(struct engine *e, const struct reg_row *rows, int n)
{
	sqlite3_stmt *st = e->ins_regrow;
	in_transaction(e);
	db_check(&e->w, sqlite3_exec(e->w.db, "DELETE FROM register_statement", NULL, NULL, NULL),
	         "emptying the register table");
	for (int i = 0; i < n; i++) {
		const struct reg_row *row = &rows[i];
		const char *text[] = {row->rcc, NULL, row->programme, row->path};
		for (int c = 0; c < 4; c++)
			if (text[c])
				sqlite3_bind_text(st, c + 1, text[c], -1, SQLITE_STATIC);
		if (row->year)
			sqlite3_bind_int(st, 2, row->year);
		if (row->has_granted)
			sqlite3_bind_int64(st, 5, row->granted);
		if (row->has_received)
			sqlite3_bind_int64(st, 6, row->received);
		if (row->status)
			sqlite3_bind_text(st, 7, row->status, -1, SQLITE_STATIC);
		run_simple(e, st, "loading the register");
		sqlite3_clear_bindings(st);
	}
}

int engine_check_register(struct engine *e, const char *label, const struct reg_row *rows, int n,
                          struct file_result *r, strbuf *err)
{
	memset(r, 0, sizeof *r);
	r->path = xstrdup(label);
	load_register_rows(e, rows, n);
	int64_t rows_n = n;
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
				rc = run_set_rule(e, set, i, r, rows_n, &overflowed, err);
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
		free(r->findings[i].xpath);
		free(r->findings[i].fingerprint);
	}
	free(r->findings);
	free(r->path);
	free(r->programme);
	free(r->rcc);
	figures_free(&r->figures);
	free(r->content.bytes);
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
	int year = 0;
	char *rcc = field_text(e, "rcc.id", NULL);
	free(field_text(e, "year", &year));
	if (!rcc || !year) {
		sb_printf(err, "%s: the previous year's statement gives no rcc id or year; it cannot be matched", path);
		free(rcc);
		return -1;
	}
	struct figures fig;
	read_figures(e, &fig);
	prev_statement_init(p, path, rcc, year, &fig);
	figures_free(&fig);
	free(rcc);
	return 0;
}

void prev_statement_free(struct prev_statement *p)
{
	figures_free(&p->figures);
	free(p->source);
	free(p->rcc);
	memset(p, 0, sizeof *p);
}
