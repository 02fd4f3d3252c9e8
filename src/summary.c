/*
 * summary.c - the summary model (see summary.h): year blocks along the
 * rule sets' RCC lists, the columns of the breakdown sheets, totals and
 * equal shares in integer öre, open and accepted findings.
 */
#include "summary.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#define L2(sv, en) {sv, en}
static const char *const W_NO_CODE[LANG_COUNT] = L2("(utan kod)", "(no code)");
static const char *const W_OTHER_CODES[LANG_COUNT] = L2("Övriga koder", "Other codes");

static int add_ore(int64_t *acc, int64_t v)
{
	return __builtin_add_overflow(*acc, v, acc) ? -1 : 0;
}

static const struct rs_code *find_code(const struct ruleset *set, const char *list, const char *code)
{
	for (int i = 0; set && i < set->ncodes; i++)
		if (strcmp(set->codes[i].list, list) == 0 && strcmp(set->codes[i].code, code) == 0)
			return &set->codes[i];
	return NULL;
}

const struct ruleset *summary_set_for_year(const struct regsum_statements *st, const struct rulesets *sets,
                                           int year)
{
	for (int i = 0; i < st->n; i++)
		if (st->st[i].year == year && st->st[i].ruleset) {
			const struct ruleset *set = rulesets_find(sets, st->st[i].ruleset);
			if (set)
				return set;
		}
	for (int s = 0; s < sets->n; s++)
		for (int y = 0; y < sets->sets[s].nyears; y++)
			if (sets->sets[s].years[y].year == year)
				return &sets->sets[s];
	return NULL;
}

static const struct regsum_statement *stmt_of(const struct regsum_statements *st, const char *rcc, int year)
{
	for (int i = 0; i < st->n; i++)
		if (st->st[i].year == year && strcmp(st->st[i].rcc, rcc) == 0)
			return &st->st[i];
	return NULL;
}

static void add_row(struct summary_year *b, const char *code, const char *sv, const char *en,
                    const struct regsum_statement *st)
{
	b->rows = xrealloc(b->rows, sizeof *b->rows * (size_t)(b->nrows + 1));
	b->rows[b->nrows++] = (struct summary_row){code, {sv, en}, st};
}

static int rcc_count_of(const struct ruleset *set)
{
	const char *v = set ? ruleset_param(set, "rcc_count") : NULL;
	char *end;
	long n = v ? strtol(v, &end, 10) : 0;
	return v && *end == '\0' && n > 0 && n < 1000 ? (int)n : 0;
}

static void build_block(const struct summary *m, const struct rulesets *sets, int year, struct summary_year *b)
{
	memset(b, 0, sizeof *b);
	b->year = year;
	b->set = summary_set_for_year(&m->st, sets, year);
	b->rcc_count = rcc_count_of(b->set);
	for (int y = 0; b->set && y < b->set->nyears; y++)
		if (b->set->years[y].year == year)
			b->approp = (struct money){1, b->set->years[y].appropriation};
	for (int i = 0; b->set && i < b->set->ncodes; i++) {
		const struct rs_code *c = &b->set->codes[i];
		if (strcmp(c->list, "rcc") == 0)
			add_row(b, c->code, c->label[LANG_SV], c->label[LANG_EN], stmt_of(&m->st, c->code, year));
	}
	/* statements of RCCs the rule set does not list (S6 findings) still show */
	for (int i = 0; i < m->st.n; i++)
		if (m->st.st[i].year == year && !find_code(b->set, "rcc", m->st.st[i].rcc))
			add_row(b, m->st.st[i].rcc, m->st.st[i].rcc, m->st.st[i].rcc, &m->st.st[i]);
}

/* The column of code, -1 if it has none of its own. */
static int cols_find(const struct summary_cols *c, const char *code)
{
	for (int i = 0; i < c->n; i++)
		if (c->c[i].code && strcmp(c->c[i].code, code) == 0)
			return i;
	return -1;
}

static void cols_add(struct summary_cols *c, const char *code, const char *sv, const char *en)
{
	if (cols_find(c, code) >= 0)
		return;
	c->c = xrealloc(c->c, sizeof *c->c * (size_t)(c->n + 1));
	c->c[c->n++] = (struct summary_col){code, {sv, en}};
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The columns of a code list over every year: the rule sets' codes in their
 * order, then up to SUMMARY_MAX_EXTRA_CODES codes the statements use that
 * no rule set lists, then (if more) one "other codes" column. */
static void build_cols(const struct summary *m, const char *list, int by_criterion, struct summary_cols *out)
{
	for (int y = 0; y < m->nyb; y++)
		for (int i = 0; m->yb[y].set && i < m->yb[y].set->ncodes; i++) {
			const struct rs_code *c = &m->yb[y].set->codes[i];
			if (strcmp(c->list, list) == 0)
				cols_add(out, c->code, c->label[LANG_SV], c->label[LANG_EN]);
		}
	int listed = out->n;
	const char **folded = NULL;
	size_t nfolded = 0;
	for (int s = 0; s < m->st.n; s++)
		for (int t = 0; t < m->st.st[s].ntotals; t++) {
			const char *code = by_criterion ? m->st.st[s].totals[t].criterion : m->st.st[s].totals[t].category;
			if (cols_find(out, code) >= 0)
				continue;
			if (out->n - listed < SUMMARY_MAX_EXTRA_CODES) {
				if (*code)
					cols_add(out, code, code, code);
				else
					cols_add(out, code, W_NO_CODE[LANG_SV], W_NO_CODE[LANG_EN]);
				continue;
			}
			folded = xrealloc(folded, sizeof *folded * (nfolded + 1));
			folded[nfolded++] = code;
		}
	if (nfolded) {
		qsort(folded, nfolded, sizeof *folded, cmp_str);
		int distinct = 0;
		for (size_t i = 0; i < nfolded; i++)
			if (i == 0 || strcmp(folded[i - 1], folded[i]) != 0)
				distinct++;
		out->c = xrealloc(out->c, sizeof *out->c * (size_t)(out->n + 1));
		out->c[out->n++] = (struct summary_col){NULL, {W_OTHER_CODES[LANG_SV], W_OTHER_CODES[LANG_EN]}};
		out->folded = distinct;
	}
	free(folded);
}

static void build_rcc_cols(struct summary *m)
{
	for (int y = 0; y < m->nyb; y++)
		for (int r = 0; r < m->yb[y].nrows; r++) {
			const struct summary_row *row = &m->yb[y].rows[r];
			cols_add(&m->rccs, row->code, row->label[LANG_SV], row->label[LANG_EN]);
		}
}

void summary_build(struct summary *m, struct regsum_statements *st, const struct rulesets *sets, const int *years,
                   int nyears)
{
	memset(m, 0, sizeof *m);
	m->st = *st;
	memset(st, 0, sizeof *st);
	m->yb = xcalloc((size_t)(nyears > 0 ? nyears : 1), sizeof *m->yb);
	for (int i = 0; i < nyears; i++) {
		assert(i == 0 || years[i - 1] < years[i]);
		build_block(m, sets, years[i], &m->yb[m->nyb++]);
	}
	build_cols(m, "category", 0, &m->cats);
	build_cols(m, "criterion", 1, &m->crits);
	build_rcc_cols(m);
}

void summary_free(struct summary *m)
{
	regsum_free(&m->st);
	for (int i = 0; i < m->nyb; i++)
		free(m->yb[i].rows);
	free(m->yb);
	free(m->cats.c);
	free(m->crits.c);
	free(m->rccs.c);
	memset(m, 0, sizeof *m);
}

enum summary_status summary_status_of(const struct regsum_statement *st)
{
	if (!st)
		return ST_MISSING;
	if (st->status && strcmp(st->status, "valid") == 0)
		return ST_VALID;
	if (st->status && strcmp(st->status, "warnings") == 0)
		return ST_WARNINGS;
	return ST_INVALID;
}

struct money summary_available(const struct regsum_statement *st)
{
	struct money m = {0, 0};
	if (st && st->fig[F_CARRIED].has && st->fig[F_RECEIVED].has) {
		m.ore = st->fig[F_CARRIED].ore;
		m.has = add_ore(&m.ore, st->fig[F_RECEIVED].ore) == 0;
	}
	return m;
}

int summary_code_sum(const struct summary_cols *cols, int col, const struct regsum_statement *st, int by_criterion,
                     struct money *out)
{
	assert(col >= 0 && col < cols->n);
	const char *want = cols->c[col].code;
	*out = (struct money){0, 0};
	for (int t = 0; st && t < st->ntotals; t++) {
		const char *c = by_criterion ? st->totals[t].criterion : st->totals[t].category;
		int mine = want ? strcmp(c, want) == 0 : cols_find(cols, c) < 0;
		if (mine)
			out->has = 1;
		if (mine && add_ore(&out->ore, st->totals[t].ore))
			return -1;
	}
	return 0;
}

struct money summary_equal_share(const struct summary_year *b)
{
	struct money share = {b->approp.has && b->rcc_count > 0, 0};
	if (share.has)
		share.ore = b->approp.ore / b->rcc_count; /* integer öre division */
	return share;
}

void summary_year_count(const struct summary_year *b, struct summary_count *c)
{
	memset(c, 0, sizeof *c);
	for (int i = 0; i < b->nrows; i++) {
		if (!b->rows[i].st) {
			c->missing++;
			continue;
		}
		c->received++;
		c->rejected += summary_status_of(b->rows[i].st) == ST_INVALID;
	}
	c->expected = b->rcc_count > 0 ? b->rcc_count : b->nrows;
	if (c->expected < c->received)
		c->expected = c->received;
}

enum summary_state summary_year_state(const struct summary_year *b)
{
	struct summary_count c;
	summary_year_count(b, &c);
	if (c.received == 0)
		return YS_NONE;
	return c.received < c.expected || c.missing > 0 ? YS_INCOMPLETE : YS_COMPLETE;
}

int summary_year_totals(const struct summary_year *b, struct summary_totals *t)
{
	memset(t, 0, sizeof *t);
	t->util_known = 1;
	int rc = 0;
	for (int i = 0; i < b->nrows; i++) {
		const struct regsum_statement *st = b->rows[i].st;
		if (!st)
			continue;
		int rej = summary_status_of(st) == ST_INVALID;
		int64_t *fig = rej ? t->rej_fig : t->fig;
		struct money avail = summary_available(st);
		if (!rej && (!st->fig[F_EXPENSES].has || !avail.has))
			t->util_known = 0;
		for (int f = 0; f < F_COUNT; f++)
			if (st->fig[f].has && add_ore(&fig[f], st->fig[f].ore))
				rc = -1;
		if (avail.has && add_ore(rej ? &t->rej_available : &t->available, avail.ore))
			rc = -1;
		if (rej) {
			t->nrejected++;
			t->rej_errors += st->errors;
			t->rej_warnings += st->warnings;
		} else {
			t->errors += st->errors;
			t->warnings += st->warnings;
		}
	}
	t->granted = t->fig[F_GRANTED];
	return rc;
}

/* The sum of a statement's expense lines (-1: none, or overflow). */
static int64_t expense_base(const struct regsum_statement *st)
{
	int64_t sum = 0;
	for (int t = 0; t < st->ntotals; t++)
		if (add_ore(&sum, st->totals[t].ore))
			return -1;
	return st->ntotals ? sum : -1;
}

int summary_compared(const struct summary_row *row)
{
	return row->st && summary_status_of(row->st) != ST_INVALID && expense_base(row->st) > 0;
}

struct summary_share summary_share_of(const struct summary_cols *cols, int col, const struct summary_row *row,
                                      int by_criterion)
{
	struct summary_share sh = {0, 0};
	struct money m;
	if (!summary_compared(row) || summary_code_sum(cols, col, row->st, by_criterion, &m))
		return sh;
	__int128 num = (__int128)m.ore * 100 * SUMMARY_MILLI_PP, den = expense_base(row->st);
	__int128 q = num / den, r = num % den;
	if (r * 2 >= den)
		q++;
	else if (r * 2 <= -den)
		q--;
	sh.has = 1;
	sh.mpp = (int64_t)q;
	return sh;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

struct summary_share summary_median_others(const struct summary_year *b, int row, const struct summary_cols *cols,
                                           int col, int by_criterion)
{
	int64_t *v = xcalloc((size_t)b->nrows + 1, sizeof *v);
	int n = 0;
	for (int i = 0; i < b->nrows; i++) {
		if (i == row)
			continue;
		struct summary_share sh = summary_share_of(cols, col, &b->rows[i], by_criterion);
		if (sh.has)
			v[n++] = sh.mpp;
	}
	struct summary_share med = {n > 0, 0};
	if (n) {
		qsort(v, (size_t)n, sizeof *v, cmp_i64);
		med.mpp = n % 2 ? v[n / 2] : v[n / 2 - 1] + (v[n / 2] - v[n / 2 - 1]) / 2;
	}
	free(v);
	return med;
}

int summary_threshold_pp(const struct summary_year *b)
{
	const char *v = b->set ? ruleset_param(b->set, "comparison_threshold_pp") : NULL;
	char *end;
	long n = v ? strtol(v, &end, 10) : 0;
	return v && *end == '\0' && n > 0 && n <= 100 ? (int)n : SUMMARY_DEFAULT_THRESHOLD_PP;
}

int summary_finding_accepted(const struct regsum_finding *f)
{
	return f->why && f->severity && strcmp(f->severity, "warning") == 0;
}

void summary_findings_split(const struct summary *m, struct summary_findings *out)
{
	memset(out, 0, sizeof *out);
	size_t cap_open = 0, cap_acc = 0;
	for (int y = 0; y < m->nyb; y++)
		for (int i = 0; i < m->yb[y].nrows; i++) {
			const struct summary_row *row = &m->yb[y].rows[i];
			for (int k = 0; row->st && k < row->st->nfindings; k++) {
				struct summary_finding_ref ref = {&m->yb[y], row, &row->st->findings[k]};
				if (summary_finding_accepted(ref.f)) {
					out->accepted = xgrow(out->accepted, &cap_acc, (size_t)out->naccepted + 1,
					                      sizeof *out->accepted);
					out->accepted[out->naccepted++] = ref;
				} else {
					out->open = xgrow(out->open, &cap_open, (size_t)out->nopen + 1, sizeof *out->open);
					out->open[out->nopen++] = ref;
				}
			}
		}
}

void summary_findings_free(struct summary_findings *fs)
{
	free(fs->open);
	free(fs->accepted);
	memset(fs, 0, sizeof *fs);
}

long summary_cap_rows(long total, long capacity, long *more)
{
	assert(capacity >= 1);
	if (total <= capacity) {
		*more = 0;
		return total;
	}
	*more = total - (capacity - 1);
	return capacity - 1;
}
