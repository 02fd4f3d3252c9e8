/*
 * out_xlsx.c - the Excel summary workbook (see out_xlsx.h and
 * summary-workbook.md).
 *
 * Three layers:
 *   1. the model: the register's current statements of the chosen years,
 *      loaded with plain SELECTs and arranged per year along the rule set's
 *      RCC list (model_load);
 *   2. the cell layer: every libxlsxwriter call goes through a helper that
 *      checks its lxw_error (the first failure is kept with the sheet and
 *      cell), tracks the widest content per column, keeps doubles finite and
 *      text valid UTF-8 (put_*, sheet_finish);
 *   3. the sheets: overview with chart, categories, criteria, findings,
 *      equal shares, about.
 * Money is integer öre throughout; money_cell() is the one place where an
 * amount becomes a double, on its way into a cell. Totals are =SUM formulas
 * with the value computed here from öre as the cached result.
 *
 * Never call setlocale(LC_NUMERIC) in this process: libxlsxwriter prints
 * numbers with the C library's locale.
 */
#include "out_xlsx.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "checks.h"
#include "output.h"

/* ------------------------------------------------------------------ */
/* Words                                                                */

#define L2(sv, en) {sv, en}
typedef const char *const words[LANG_COUNT];

static words W_TITLE = L2("Sammanställning av RCC:s redovisningar av statsbidraget",
                          "Summary of the RCC grant statements");
static words W_COMPANY = L2("Socialdepartementet", "Ministry of Health and Social Affairs");
static words W_KEYWORDS = L2("RCC, statsbidrag, redovisning", "RCC, state grant, statement");
static words W_COMMENTS = L2("Skapad av grantcheck ur registret över inkomna redovisningar.",
                             "Made by grantcheck from the register of received statements.");
static words W_PAGE = L2("Sida &P av &N", "Page &P of &N");
static words W_TOTAL = L2("Summa", "Total");
static words W_ALL_RCC = L2("Alla RCC", "All RCCs");
static words W_NO_CODE = L2("(utan kod)", "(no code)");
static words W_NO_FINDINGS = L2("Inga avvikelser", "No findings");
static words W_NO_STATEMENTS = L2("Inga redovisningar", "No statements");
static words W_VERDICT_OK = L2("OK", "OK");
static words W_NOT_EVALUATED = L2("Ej bedömd: regeluppsättningen har inget anslag för året",
                                  "Not evaluated: the rule set has no appropriation for the year");

enum sheet_id { SH_OVERVIEW, SH_CATEGORIES, SH_CRITERIA, SH_FINDINGS, SH_SHARES, SH_ABOUT, SH_COUNT };
static words SHEET_NAMES[SH_COUNT] = {
	L2("Översikt", "Overview"),         L2("Kostnadsslag", "Categories"),
	L2("Kriterier", "Criteria"),        L2("Avvikelser", "Findings"),
	L2("Lika fördelning", "Equal shares"), L2("Om rapporten", "About")};

enum status { ST_VALID, ST_WARNINGS, ST_INVALID, ST_MISSING, ST_COUNT };
static words STATUS_NAMES[ST_COUNT] = {L2("Godkänd", "Approved"),
                                       L2("Godkänd med varningar", "Approved with warnings"),
                                       L2("Underkänd", "Rejected"), L2("Saknas", "Missing")};
static words SEVERITY_NAMES[3] = {L2("Fel", "Error"), L2("Varning", "Warning"), L2("Info", "Info")};

/* ------------------------------------------------------------------ */
/* The model                                                            */

enum fig { F_GRANTED, F_RECEIVED, F_CARRIED, F_EXPENSES, F_CLOSING, F_FORWARD, F_REPAY, F_COUNT };
static const char *const FIG_FIELD[F_COUNT] = {"granted", "received",     "carriedOver", "totalExpenses",
                                               "closing", "carryForward", "repay"};

struct money {
	int has;
	int64_t ore;
};

struct etotal {
	char *category, *criterion; /* "" when the register has none */
	int64_t ore;
};

struct sfinding {
	char *rule, *severity, *msg[LANG_COUNT];
	long line; /* 0: about the file as a whole */
};

struct stmt {
	long long id;
	int year;
	char *rcc, *file_name, *sha256, *received_at, *ruleset, *checksum, *status, *attested;
	long errors, warnings;
	struct money fig[F_COUNT];
	struct etotal *totals;
	int ntotals;
	struct sfinding *findings;
	int nfindings;
};

struct rcc_row {
	const char *code;
	const char *label[LANG_COUNT];
	const struct stmt *st; /* NULL: no current statement (missing) */
};

struct yblock {
	int year;
	const struct ruleset *set; /* NULL: no installed rule set knows the year */
	struct money approp;
	int rcc_count; /* 0: unknown */
	struct rcc_row *rows;
	int nrows;
};

struct colspec {
	const char *code;
	const char *label[LANG_COUNT];
};

struct cols {
	struct colspec *c;
	int n;
};

struct model {
	struct stmt *st;
	int nst;
	struct yblock *yb;
	int nyb;
	struct cols cats, crits, rccs;
};

static char *col_dup(sqlite3_stmt *q, int i)
{
	const unsigned char *t = sqlite3_column_text(q, i);
	return t ? xstrdup((const char *)t) : NULL;
}

static int read_fail(const struct summary_input *in, const char *what, strbuf *err)
{
	sb_printf(err, "%s: cannot read %s from the register: %s; check that it is a grantcheck register "
	          "('grantcheck list --db %s')", in->db_path, what, sqlite3_errmsg(in->db), in->db_path);
	return -1;
}

static int prepare(const struct summary_input *in, const char *sql, sqlite3_stmt **q, const char *what,
                   strbuf *err)
{
	if (sqlite3_prepare_v2(in->db, sql, -1, q, NULL) == SQLITE_OK)
		return 0;
	sqlite3_finalize(*q);
	*q = NULL;
	return read_fail(in, what, err);
}

static int year_wanted(const struct summary_input *in, int year)
{
	for (int i = 0; i < in->nyears; i++)
		if (in->years[i] == year)
			return 1;
	return 0;
}

static void stmt_from_row(sqlite3_stmt *q, struct stmt *s)
{
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(q, 0);
	s->year = sqlite3_column_int(q, 1);
	s->rcc = col_dup(q, 2);
	s->file_name = col_dup(q, 3);
	s->sha256 = col_dup(q, 4);
	s->received_at = col_dup(q, 5);
	s->ruleset = col_dup(q, 6);
	s->checksum = col_dup(q, 7);
	s->status = col_dup(q, 8);
	s->errors = sqlite3_column_int64(q, 9);
	s->warnings = sqlite3_column_int64(q, 10);
	s->attested = col_dup(q, 11);
}

static int load_statements(const struct summary_input *in, struct model *m, strbuf *err)
{
	sqlite3_stmt *q;
	if (prepare(in, "SELECT id, year, rcc, file_name, sha256, received_at, ruleset, ruleset_checksum, status,"
	                " errors, warnings, attested FROM submission"
	                " WHERE current = 1 AND rcc IS NOT NULL AND year IS NOT NULL ORDER BY year, rcc, id",
	            &q, "the statements", err))
		return -1;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!year_wanted(in, sqlite3_column_int(q, 1)))
			continue;
		m->st = xrealloc(m->st, sizeof *m->st * (size_t)(m->nst + 1));
		stmt_from_row(q, &m->st[m->nst++]);
	}
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? 0 : read_fail(in, "the statements", err);
}

static int load_figures(sqlite3_stmt *q, struct stmt *s)
{
	sqlite3_bind_int64(q, 1, s->id);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(q, 0);
		for (int f = 0; name && f < F_COUNT; f++)
			if (strcmp(name, FIG_FIELD[f]) == 0)
				s->fig[f] = (struct money){1, sqlite3_column_int64(q, 1)};
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int load_totals(sqlite3_stmt *q, struct stmt *s)
{
	sqlite3_bind_int64(q, 1, s->id);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		s->totals = xrealloc(s->totals, sizeof *s->totals * (size_t)(s->ntotals + 1));
		struct etotal *t = &s->totals[s->ntotals++];
		t->category = col_dup(q, 0);
		t->criterion = col_dup(q, 1);
		t->ore = sqlite3_column_int64(q, 2);
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int load_findings(sqlite3_stmt *q, struct stmt *s)
{
	sqlite3_bind_int64(q, 1, s->id);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		s->findings = xrealloc(s->findings, sizeof *s->findings * (size_t)(s->nfindings + 1));
		struct sfinding *f = &s->findings[s->nfindings++];
		f->rule = col_dup(q, 0);
		f->severity = col_dup(q, 1);
		f->line = sqlite3_column_type(q, 2) == SQLITE_NULL ? 0 : (long)sqlite3_column_int64(q, 2);
		f->msg[LANG_SV] = col_dup(q, 3);
		f->msg[LANG_EN] = col_dup(q, 4);
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Figures, expense totals and findings of every loaded statement. */
static int load_details(const struct summary_input *in, struct model *m, strbuf *err)
{
	sqlite3_stmt *qf = NULL, *qt = NULL, *qn = NULL;
	int rc = -1;
	if (prepare(in, "SELECT name, amount FROM figure WHERE submission = ?1 AND amount IS NOT NULL", &qf,
	            "the figures", err) ||
	    prepare(in, "SELECT coalesce(category, ''), coalesce(criterion, ''), amount FROM expense_total"
	                " WHERE submission = ?1 ORDER BY rowid", &qt, "the expense totals", err) ||
	    prepare(in, "SELECT rule, severity, line, message_sv, message_en FROM finding"
	                " WHERE submission = ?1 ORDER BY seq", &qn, "the findings", err))
		goto out;
	for (int i = 0; i < m->nst; i++) {
		if (load_figures(qf, &m->st[i]) || load_totals(qt, &m->st[i]) || load_findings(qn, &m->st[i])) {
			read_fail(in, "a statement's figures", err);
			goto out;
		}
	}
	rc = 0;
out:
	sqlite3_finalize(qf);
	sqlite3_finalize(qt);
	sqlite3_finalize(qn);
	return rc;
}

static const struct rs_code *find_code(const struct ruleset *set, const char *list, const char *code)
{
	for (int i = 0; set && i < set->ncodes; i++)
		if (strcmp(set->codes[i].list, list) == 0 && strcmp(set->codes[i].code, code) == 0)
			return &set->codes[i];
	return NULL;
}

/* The rule set a year is judged by: the one its statements name, else an
 * installed one whose programme has the year. */
static const struct ruleset *set_for_year(const struct summary_input *in, const struct model *m, int year)
{
	for (int i = 0; i < m->nst; i++)
		if (m->st[i].year == year && m->st[i].ruleset) {
			const struct ruleset *set = rulesets_find(in->sets, m->st[i].ruleset);
			if (set)
				return set;
		}
	for (int s = 0; s < in->sets->n; s++)
		for (int y = 0; y < in->sets->sets[s].nyears; y++)
			if (in->sets->sets[s].years[y].year == year)
				return &in->sets->sets[s];
	return NULL;
}

static const struct stmt *stmt_of(const struct model *m, const char *rcc, int year)
{
	for (int i = 0; i < m->nst; i++)
		if (m->st[i].year == year && strcmp(m->st[i].rcc, rcc) == 0)
			return &m->st[i];
	return NULL;
}

static void add_row(struct yblock *b, const char *code, const char *sv, const char *en, const struct stmt *st)
{
	b->rows = xrealloc(b->rows, sizeof *b->rows * (size_t)(b->nrows + 1));
	b->rows[b->nrows++] = (struct rcc_row){code, {sv, en}, st};
}

static int rcc_count_of(const struct ruleset *set)
{
	const char *v = set ? ruleset_param(set, "rcc_count") : NULL;
	char *end;
	long n = v ? strtol(v, &end, 10) : 0;
	return v && *end == '\0' && n > 0 && n < 1000 ? (int)n : 0;
}

static void build_block(const struct summary_input *in, const struct model *m, int year, struct yblock *b)
{
	memset(b, 0, sizeof *b);
	b->year = year;
	b->set = set_for_year(in, m, year);
	b->rcc_count = rcc_count_of(b->set);
	for (int y = 0; b->set && y < b->set->nyears; y++)
		if (b->set->years[y].year == year)
			b->approp = (struct money){1, b->set->years[y].appropriation};
	for (int i = 0; b->set && i < b->set->ncodes; i++) {
		const struct rs_code *c = &b->set->codes[i];
		if (strcmp(c->list, "rcc") == 0)
			add_row(b, c->code, c->label[LANG_SV], c->label[LANG_EN], stmt_of(m, c->code, year));
	}
	/* statements of RCCs the rule set does not list (S6 findings) still show */
	for (int i = 0; i < m->nst; i++)
		if (m->st[i].year == year && !find_code(b->set, "rcc", m->st[i].rcc))
			add_row(b, m->st[i].rcc, m->st[i].rcc, m->st[i].rcc, &m->st[i]);
}

static void cols_add(struct cols *c, const char *code, const char *sv, const char *en)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->c[i].code, code) == 0)
			return;
	c->c = xrealloc(c->c, sizeof *c->c * (size_t)(c->n + 1));
	c->c[c->n++] = (struct colspec){code, {sv, en}};
}

/* The columns of a code list over every year: the rule sets' codes in their
 * order, then codes the statements use that no rule set lists. */
static void build_cols(const struct model *m, const char *list, int by_criterion, struct cols *out)
{
	for (int y = 0; y < m->nyb; y++)
		for (int i = 0; m->yb[y].set && i < m->yb[y].set->ncodes; i++) {
			const struct rs_code *c = &m->yb[y].set->codes[i];
			if (strcmp(c->list, list) == 0)
				cols_add(out, c->code, c->label[LANG_SV], c->label[LANG_EN]);
		}
	for (int s = 0; s < m->nst; s++)
		for (int t = 0; t < m->st[s].ntotals; t++) {
			const char *code = by_criterion ? m->st[s].totals[t].criterion : m->st[s].totals[t].category;
			if (*code)
				cols_add(out, code, code, code);
			else
				cols_add(out, code, W_NO_CODE[LANG_SV], W_NO_CODE[LANG_EN]);
		}
}

static void build_rcc_cols(struct model *m)
{
	for (int y = 0; y < m->nyb; y++)
		for (int r = 0; r < m->yb[y].nrows; r++) {
			const struct rcc_row *row = &m->yb[y].rows[r];
			cols_add(&m->rccs, row->code, row->label[LANG_SV], row->label[LANG_EN]);
		}
}

static void stmt_free(struct stmt *s)
{
	char **strs[] = {&s->rcc, &s->file_name, &s->sha256, &s->received_at,
	                 &s->ruleset, &s->checksum, &s->status, &s->attested};
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
		free(*strs[i]);
	for (int i = 0; i < s->ntotals; i++) {
		free(s->totals[i].category);
		free(s->totals[i].criterion);
	}
	free(s->totals);
	for (int i = 0; i < s->nfindings; i++) {
		free(s->findings[i].rule);
		free(s->findings[i].severity);
		free(s->findings[i].msg[LANG_SV]);
		free(s->findings[i].msg[LANG_EN]);
	}
	free(s->findings);
}

static void model_free(struct model *m)
{
	for (int i = 0; i < m->nst; i++)
		stmt_free(&m->st[i]);
	free(m->st);
	for (int i = 0; i < m->nyb; i++)
		free(m->yb[i].rows);
	free(m->yb);
	free(m->cats.c);
	free(m->crits.c);
	free(m->rccs.c);
	memset(m, 0, sizeof *m);
}

static int model_load(const struct summary_input *in, struct model *m, strbuf *err)
{
	memset(m, 0, sizeof *m);
	if (load_statements(in, m, err) || load_details(in, m, err))
		return -1;
	m->yb = xcalloc((size_t)in->nyears, sizeof *m->yb);
	for (int i = 0; i < in->nyears; i++) {
		assert(i == 0 || in->years[i - 1] < in->years[i]);
		build_block(in, m, in->years[i], &m->yb[m->nyb++]);
	}
	build_cols(m, "category", 0, &m->cats);
	build_cols(m, "criterion", 1, &m->crits);
	build_rcc_cols(m);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Money arithmetic (integer öre, overflow checked)                     */

static int add_ore(int64_t *acc, int64_t v)
{
	return __builtin_add_overflow(*acc, v, acc) ? -1 : 0;
}

static struct money available(const struct stmt *st)
{
	struct money m = {0, 0};
	if (st && st->fig[F_CARRIED].has && st->fig[F_RECEIVED].has) {
		m.ore = st->fig[F_CARRIED].ore;
		m.has = add_ore(&m.ore, st->fig[F_RECEIVED].ore) == 0;
	}
	return m;
}

/* The sum of a statement's expense totals for one category or criterion;
 * has = 0 when the statement has no expense totals. -1 on overflow. */
static int code_sum(const struct stmt *st, int by_criterion, const char *code, struct money *out)
{
	*out = (struct money){st && st->ntotals > 0, 0};
	for (int t = 0; st && t < st->ntotals; t++) {
		const char *c = by_criterion ? st->totals[t].criterion : st->totals[t].category;
		if (strcmp(c, code) == 0 && add_ore(&out->ore, st->totals[t].ore))
			return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* The cell layer                                                       */

enum fmt_id {
	FM_HEAD, FM_HEAD_NUM, FM_HEAD_MID, FM_TEXT, FM_WRAP, FM_KEY, FM_TITLE, FM_YEAR, FM_MONEY, FM_MONEY_BAD, FM_COUNT, FM_PCT, FM_DATE,
	FM_STAMP, FM_TOT_TEXT, FM_TOT_YEAR, FM_TOT_MONEY, FM_TOT_COUNT, FM_TOT_PCT, FM_TOT_BLANK, FM_EDGE_MONEY, FM_OK, FM_BAD,
	FM_ST_VALID, FM_ST_WARNINGS, FM_ST_INVALID, FM_ST_MISSING, FM_SEV_ERROR, FM_SEV_WARNING, FM_SEV_INFO,
	FM_NFORMATS
};

struct xw {
	lxw_workbook *wb;
	const struct summary_input *in;
	const struct model *m;
	enum lang l;
	lxw_format *f[FM_NFORMATS];
	char created[17]; /* YYYY-MM-DD HH:MM, local time */
	char years[64];   /* "2013–2015" or "2013, 2015" */
	int failed;
	strbuf why;
};

struct sheet {
	struct xw *x;
	lxw_worksheet *ws;
	const char *name;
	lxw_row_t head;      /* the header row */
	lxw_row_t last;      /* last row written */
	int ncols;
	double *width;       /* widest content per column, in characters */
	double *fixed;       /* > 0: the column's width is this */
	const char **header; /* header text per column */
};

#define LINE_HEIGHT 15.0 /* points per text line at the default font */
#define MAX_WIDTH 60.0   /* widest column unless fixed */

static void failf(struct xw *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void failf(struct xw *x, const char *fmt, ...)
{
	if (x->failed)
		return;
	x->failed = 1;
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(&x->why, fmt, ap);
	va_end(ap);
}

/* Checks one libxlsxwriter return code; keeps the first failure. */
static int lxw_ok(struct sheet *s, lxw_error e, lxw_row_t r, lxw_col_t c, const char *what)
{
	if (e == LXW_NO_ERROR)
		return 1;
	char cell[32];
	lxw_rowcol_to_cell(cell, r, c);
	failf(s->x, "%s in sheet \"%s\", cell %s: %s", what, s->name, cell, lxw_strerror(e));
	return 0;
}

static void sheet_grow(struct sheet *s, lxw_col_t c)
{
	if ((int)c < s->ncols)
		return;
	int n = (int)c + 1;
	s->width = xrealloc(s->width, sizeof *s->width * (size_t)n);
	s->fixed = xrealloc(s->fixed, sizeof *s->fixed * (size_t)n);
	s->header = xrealloc(s->header, sizeof *s->header * (size_t)n);
	for (int i = s->ncols; i < n; i++) {
		s->width[i] = s->fixed[i] = 0;
		s->header[i] = NULL;
	}
	s->ncols = n;
}

static void widen(struct sheet *s, lxw_col_t c, double chars)
{
	sheet_grow(s, c);
	if (chars > s->width[c])
		s->width[c] = chars;
}

static void note_row(struct sheet *s, lxw_row_t r)
{
	if (r > s->last)
		s->last = r;
}

/* text as valid UTF-8 (U+FFFD for bad bytes), at most Excel's 32767
 * characters. */
static char *clean_text(const char *text)
{
	strbuf b = {0};
	const unsigned char *s = (const unsigned char *)text;
	for (size_t chars = 0; *s && chars < 32767; chars++) {
		int n = utf8_seq_len(s);
		if (n) {
			sb_putn(&b, (const char *)s, (size_t)n);
			s += n;
		} else {
			sb_puts(&b, "\xEF\xBF\xBD");
			s++;
		}
	}
	if (!b.s)
		sb_puts(&b, "");
	return sb_take(&b);
}

/* Characters in the longest line of text. */
static double text_chars(const char *text)
{
	size_t best = 0;
	while (*text) {
		size_t n = strcspn(text, "\n");
		size_t c = utf8_chars(text, n);
		if (c > best)
			best = c;
		text += n + (text[n] == '\n');
	}
	return (double)best;
}

/* Lines the text takes when wrapped into width characters. */
static int wrap_lines(const char *text, double width)
{
	int lines = 1;
	double used = 0;
	for (const char *p = text; *p;) {
		if (*p == '\n') {
			lines++;
			used = 0;
			p++;
			continue;
		}
		if (*p == ' ') {
			p++;
			continue;
		}
		size_t n = strcspn(p, " \n");
		double w = (double)utf8_chars(p, n);
		if (used > 0 && used + 1 + w > width) {
			lines++;
			used = w;
		} else {
			used += (used > 0) + w;
		}
		p += n;
	}
	return lines;
}

/* Characters in the longest word of text. */
static double longest_word(const char *text)
{
	double best = 0;
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, " \n");
		double w = (double)utf8_chars(p, n);
		if (w > best)
			best = w;
		p += n + (p[n] != '\0');
	}
	return best;
}

static void put_text(struct sheet *s, lxw_row_t r, lxw_col_t c, const char *text, enum fmt_id f, int track)
{
	char *t = clean_text(text ? text : "");
	if (track)
		widen(s, c, text_chars(t));
	note_row(s, r);
	lxw_ok(s, worksheet_write_string(s->ws, r, c, t, s->x->f[f]), r, c, "writing a text");
	free(t);
}

static void put_str(struct sheet *s, lxw_row_t r, lxw_col_t c, const char *text, enum fmt_id f)
{
	put_text(s, r, c, text, f, 1);
}

static void put_blank(struct sheet *s, lxw_row_t r, lxw_col_t c, enum fmt_id f)
{
	note_row(s, r);
	lxw_ok(s, worksheet_write_blank(s->ws, r, c, s->x->f[f]), r, c, "writing an empty cell");
}

/* Every number goes through here: never NaN or Inf into a cell. */
static void put_num(struct sheet *s, lxw_row_t r, lxw_col_t c, double v, enum fmt_id f, double chars)
{
	assert(isfinite(v));
	if (!isfinite(v)) {
		put_blank(s, r, c, f);
		return;
	}
	widen(s, c, chars);
	note_row(s, r);
	lxw_ok(s, worksheet_write_number(s->ws, r, c, v, s->x->f[f]), r, c, "writing a number");
}

static double digits(uint64_t v)
{
	double n = 1;
	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* Width of an amount shown as "-1 234 567,89 kr". */
static double money_chars(int64_t ore)
{
	uint64_t kr = ore < 0 ? (uint64_t)0 - (uint64_t)ore : (uint64_t)ore;
	kr /= 100;
	double d = digits(kr);
	return d + floor((d - 1) / 3) + 3 + 3 + (ore < 0);
}

/* The one place where money becomes a double: on its way into a cell. */
static double money_cell(int64_t ore)
{
	return (double)ore / 100.0;
}

/* A share of two amounts (utilisation), for a percent cell. */
static double ratio(int64_t num, int64_t den)
{
	assert(den > 0);
	return (double)num / (double)den;
}

static void put_money(struct sheet *s, lxw_row_t r, lxw_col_t c, struct money m, enum fmt_id f)
{
	if (!m.has) {
		put_blank(s, r, c, f == FM_TOT_MONEY ? FM_TOT_BLANK : f == FM_MONEY ? FM_TEXT : f);
		return;
	}
	put_num(s, r, c, money_cell(m.ore), f, money_chars(m.ore));
}

static void put_count(struct sheet *s, lxw_row_t r, lxw_col_t c, long v, enum fmt_id f)
{
	put_num(s, r, c, (double)v, f, digits(v < 0 ? 0 : (uint64_t)v) + (v < 0));
}

static void put_formula(struct sheet *s, lxw_row_t r, lxw_col_t c, const char *formula, double cached,
                        enum fmt_id f, double chars)
{
	assert(isfinite(cached));
	widen(s, c, chars);
	note_row(s, r);
	lxw_ok(s, worksheet_write_formula_num(s->ws, r, c, formula, s->x->f[f], isfinite(cached) ? cached : 0),
	       r, c, "writing a formula");
}

/* =SUM over rows r1..r2 of column c (column sums) or columns c1..c2 of
 * row r (row sums). */
static void sum_formula(char *out, size_t size, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2)
{
	char range[64];
	lxw_rowcol_to_range(range, r1, c1, r2, c2);
	snprintf(out, size, "=SUM(%s)", range);
}

static void put_money_sum(struct sheet *s, lxw_row_t r, lxw_col_t c, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
                          lxw_col_t c2, int64_t ore, enum fmt_id f)
{
	char formula[96];
	sum_formula(formula, sizeof formula, r1, c1, r2, c2);
	put_formula(s, r, c, formula, money_cell(ore), f, money_chars(ore));
}

static void put_count_sum(struct sheet *s, lxw_row_t r, lxw_col_t c, lxw_row_t r1, lxw_row_t r2, long n)
{
	char formula[96];
	sum_formula(formula, sizeof formula, r1, c, r2, c);
	put_formula(s, r, c, formula, (double)n, FM_TOT_COUNT, digits(n < 0 ? 0 : (uint64_t)n));
}

/* A date as written (YYYY-MM-DD) as a date cell, else as text. */
static void put_date(struct sheet *s, lxw_row_t r, lxw_col_t c, const char *text)
{
	int y, mo, d;
	if (!text || !*text) {
		put_blank(s, r, c, FM_TEXT);
		return;
	}
	if (!date_parse(text, &y, &mo, &d) || y < 1900) {
		put_str(s, r, c, text, FM_TEXT);
		return;
	}
	lxw_datetime dt = {y, mo, d, 0, 0, 0};
	widen(s, c, 10);
	note_row(s, r);
	lxw_ok(s, worksheet_write_datetime(s->ws, r, c, &dt, s->x->f[FM_DATE]), r, c, "writing a date");
}

/* A register time stamp (YYYY-MM-DDTHH:MM:SSZ, UTC) as a date-time cell
 * shown with its time, or as its day only. */
static void put_stamp(struct sheet *s, lxw_row_t r, lxw_col_t c, const char *text, int with_time)
{
	char day[11];
	int hh, mm, ss, n = 0;
	if (!text || strlen(text) != 20 || text[10] != 'T' || text[19] != 'Z') {
		put_str(s, r, c, text, FM_TEXT);
		return;
	}
	memcpy(day, text, 10);
	day[10] = '\0';
	int y, mo, d;
	if (!date_parse(day, &y, &mo, &d) || y < 1900 || sscanf(text + 11, "%2d:%2d:%2dZ%n", &hh, &mm, &ss, &n) != 3 ||
	    n != 9 || hh > 23 || mm > 59 || ss > 59) {
		put_str(s, r, c, text, FM_TEXT);
		return;
	}
	lxw_datetime dt = {y, mo, d, hh, mm, ss};
	widen(s, c, with_time ? 16 : 10);
	note_row(s, r);
	lxw_ok(s, worksheet_write_datetime(s->ws, r, c, &dt, s->x->f[with_time ? FM_STAMP : FM_DATE]), r, c,
	       "writing a time");
}

/* A heading: left over text, right over amounts, centred over years,
 * counts and dates. */
static void put_head_as(struct sheet *s, lxw_col_t c, const char *text, enum fmt_id f)
{
	assert(f == FM_HEAD || f == FM_HEAD_NUM || f == FM_HEAD_MID);
	sheet_grow(s, c);
	s->header[c] = text;
	put_text(s, s->head, c, text, f, 0);
}

static void put_head(struct sheet *s, lxw_col_t c, const char *text)
{
	put_head_as(s, c, text, FM_HEAD);
}

static void put_head_num(struct sheet *s, lxw_col_t c, const char *text)
{
	put_head_as(s, c, text, FM_HEAD_NUM);
}

static void put_head_mid(struct sheet *s, lxw_col_t c, const char *text)
{
	put_head_as(s, c, text, FM_HEAD_MID);
}

static void fix_width(struct sheet *s, lxw_col_t c, double width)
{
	sheet_grow(s, c);
	s->fixed[c] = width;
}

/* Gives a row the height its wrapped text needs in a fixed-width column. */
static void fit_row(struct sheet *s, lxw_row_t r, lxw_col_t c, const char *text)
{
	sheet_grow(s, c);
	assert(s->fixed[c] > 0);
	int lines = wrap_lines(text, s->fixed[c] - 1);
	if (lines > 1)
		lxw_ok(s, worksheet_set_row(s->ws, r, LINE_HEIGHT * lines, NULL), r, c, "setting a row height");
}

static double col_width(const struct sheet *s, int c)
{
	if (s->fixed[c] > 0)
		return s->fixed[c];
	double w = s->width[c] + 2;
	if (s->header[c]) {
		double hw = longest_word(s->header[c]) * 1.15 + 3; /* bold, and room for the filter button */
		if (hw > w)
			w = hw;
	}
	if (w < 6)
		w = 6;
	return w > MAX_WIDTH ? MAX_WIDTH : w;
}

/* "&" is the code character of headers and footers. */
static void hf_escape(strbuf *b, const char *text)
{
	for (; *text; text++) {
		if (*text == '&')
			sb_putc(b, '&');
		sb_putc(b, *text);
	}
}

static void page_setup(struct sheet *s)
{
	struct xw *x = s->x;
	worksheet_set_landscape(s->ws);
	worksheet_set_paper(s->ws, 9); /* A4 */
	worksheet_set_margins(s->ws, 0.5, 0.5, 0.75, 0.75);
	worksheet_fit_to_pages(s->ws, 1, 0);
	lxw_ok(s, worksheet_repeat_rows(s->ws, s->head, s->head), s->head, 0, "setting the print titles");
	strbuf h = {0}, f = {0};
	sb_puts(&h, "&L&\"-,Bold\"");
	hf_escape(&h, W_TITLE[x->l]);
	sb_puts(&h, "&R");
	hf_escape(&h, x->years);
	sb_puts(&f, "&L&A&C");
	sb_puts(&f, W_PAGE[x->l]);
	sb_puts(&f, "&R");
	hf_escape(&f, "grantcheck " GRANTCHECK_VERSION ", ");
	hf_escape(&f, x->created);
	lxw_ok(s, worksheet_set_header(s->ws, h.s), 0, 0, "setting the page header");
	lxw_ok(s, worksheet_set_footer(s->ws, f.s), 0, 0, "setting the page footer");
	sb_free(&h);
	sb_free(&f);
}

/* Column widths, header height, frozen header, autofilter, print setup. */
static void sheet_finish(struct sheet *s, int freeze_cols)
{
	assert(s->ncols > 0);
	int lines = 1;
	for (int c = 0; c < s->ncols; c++) {
		double w = col_width(s, c);
		lxw_ok(s, worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL), s->head, (lxw_col_t)c,
		       "setting a column width");
		if (s->header[c]) {
			int n = wrap_lines(s->header[c], w - 2);
			if (n > lines)
				lines = n;
		}
	}
	lxw_ok(s, worksheet_set_row(s->ws, s->head, LINE_HEIGHT * lines + 3, NULL), s->head, 0,
	       "setting the header height");
	worksheet_freeze_panes(s->ws, s->head + 1, (lxw_col_t)freeze_cols);
	lxw_ok(s, worksheet_autofilter(s->ws, s->head, 0, s->last, (lxw_col_t)(s->ncols - 1)), s->head, 0,
	       "setting the autofilter");
	page_setup(s);
}

static int sheet_open(struct xw *x, struct sheet *s, enum sheet_id id, lxw_row_t head)
{
	memset(s, 0, sizeof *s);
	s->x = x;
	s->name = SHEET_NAMES[id][x->l];
	s->head = s->last = head;
	s->ws = workbook_add_worksheet(x->wb, s->name);
	if (!s->ws)
		failf(x, "cannot add the sheet \"%s\" to the workbook", s->name);
	return s->ws ? 0 : -1;
}

static void sheet_close(struct sheet *s)
{
	free(s->width);
	free(s->fixed);
	free(s->header);
}

/* ------------------------------------------------------------------ */
/* Formats                                                              */

#define MONEY_FORMAT "#,##0.00 \"kr\""

struct fmt_spec {
	enum fmt_id id;
	const char *num;
	int bold, wrap, top_border;
	lxw_color_t fill, font;
	uint8_t align; /* LXW_ALIGN_NONE, _RIGHT or _CENTER */
};

#define HEAD_FILL 0xDDEBF7

static const struct fmt_spec FORMATS[] = {
	{FM_HEAD, NULL, 1, 1, 0, HEAD_FILL, 0, LXW_ALIGN_NONE},
	{FM_HEAD_NUM, NULL, 1, 1, 0, HEAD_FILL, 0, LXW_ALIGN_RIGHT},
	{FM_HEAD_MID, NULL, 1, 1, 0, HEAD_FILL, 0, LXW_ALIGN_CENTER},
	{FM_TEXT, NULL, 0, 0, 0, 0, 0, LXW_ALIGN_NONE},
	{FM_WRAP, NULL, 0, 1, 0, 0, 0, LXW_ALIGN_NONE},
	{FM_KEY, NULL, 1, 0, 0, 0, 0, LXW_ALIGN_NONE},
	{FM_TITLE, NULL, 1, 0, 0, 0, 0, LXW_ALIGN_NONE},
	{FM_YEAR, "0", 0, 0, 0, 0, 0, LXW_ALIGN_CENTER},
	{FM_MONEY, MONEY_FORMAT, 0, 0, 0, 0, 0, LXW_ALIGN_NONE},
	{FM_MONEY_BAD, MONEY_FORMAT, 0, 0, 0, 0xFFC7CE, 0x9C0006, LXW_ALIGN_NONE},
	{FM_COUNT, "0", 0, 0, 0, 0, 0, LXW_ALIGN_CENTER},
	{FM_PCT, "0.0%", 0, 0, 0, 0, 0, LXW_ALIGN_NONE},
	{FM_DATE, "yyyy-mm-dd", 0, 0, 0, 0, 0, LXW_ALIGN_CENTER},
	{FM_STAMP, "yyyy-mm-dd hh:mm", 0, 0, 0, 0, 0, LXW_ALIGN_CENTER},
	{FM_TOT_TEXT, NULL, 1, 0, 1, 0xF2F2F2, 0, LXW_ALIGN_NONE},
	{FM_TOT_YEAR, "0", 1, 0, 1, 0xF2F2F2, 0, LXW_ALIGN_CENTER},
	{FM_TOT_MONEY, MONEY_FORMAT, 1, 0, 1, 0xF2F2F2, 0, LXW_ALIGN_NONE},
	{FM_TOT_COUNT, "0", 1, 0, 1, 0xF2F2F2, 0, LXW_ALIGN_CENTER},
	{FM_TOT_PCT, "0.0%", 1, 0, 1, 0xF2F2F2, 0, LXW_ALIGN_NONE},
	{FM_TOT_BLANK, NULL, 1, 0, 1, 0xF2F2F2, 0, LXW_ALIGN_NONE},
	{FM_EDGE_MONEY, MONEY_FORMAT, 1, 0, 0, 0xF2F2F2, 0, LXW_ALIGN_NONE},
	{FM_OK, NULL, 0, 1, 0, 0xC6EFCE, 0x006100, LXW_ALIGN_NONE},
	{FM_BAD, NULL, 0, 1, 0, 0xFFC7CE, 0x9C0006, LXW_ALIGN_NONE},
	{FM_ST_VALID, NULL, 0, 0, 0, 0xC6EFCE, 0x006100, LXW_ALIGN_CENTER},
	{FM_ST_WARNINGS, NULL, 0, 0, 0, 0xFFEB9C, 0x9C5700, LXW_ALIGN_CENTER},
	{FM_ST_INVALID, NULL, 0, 0, 0, 0xFFC7CE, 0x9C0006, LXW_ALIGN_CENTER},
	{FM_ST_MISSING, NULL, 0, 0, 0, 0xD9D9D9, 0x404040, LXW_ALIGN_CENTER},
	{FM_SEV_ERROR, NULL, 0, 0, 0, 0xFFC7CE, 0x9C0006, LXW_ALIGN_NONE},
	{FM_SEV_WARNING, NULL, 0, 0, 0, 0xFFEB9C, 0x9C5700, LXW_ALIGN_NONE},
	{FM_SEV_INFO, NULL, 0, 0, 0, 0xD9D9D9, 0x404040, LXW_ALIGN_NONE},
};

static int make_formats(struct xw *x)
{
	assert(sizeof FORMATS / sizeof FORMATS[0] == FM_NFORMATS);
	for (size_t i = 0; i < sizeof FORMATS / sizeof FORMATS[0]; i++) {
		const struct fmt_spec *sp = &FORMATS[i];
		lxw_format *f = workbook_add_format(x->wb);
		if (!f) {
			failf(x, "cannot add a cell format to the workbook (out of memory?)");
			return -1;
		}
		format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
		if (sp->num)
			format_set_num_format(f, sp->num);
		if (sp->bold)
			format_set_bold(f);
		if (sp->wrap)
			format_set_text_wrap(f);
		if (sp->top_border)
			format_set_top(f, LXW_BORDER_THIN);
		if (sp->fill) {
			format_set_pattern(f, LXW_PATTERN_SOLID);
			format_set_bg_color(f, sp->fill);
		}
		if (sp->font)
			format_set_font_color(f, sp->font);
		if (sp->align != LXW_ALIGN_NONE)
			format_set_align(f, sp->align);
		if (sp->fill == HEAD_FILL) {
			/* white sides keep neighbouring headings apart */
			format_set_left(f, LXW_BORDER_THIN);
			format_set_right(f, LXW_BORDER_THIN);
			format_set_left_color(f, LXW_COLOR_WHITE);
			format_set_right_color(f, LXW_COLOR_WHITE);
			format_set_bottom(f, LXW_BORDER_THIN);
			format_set_align(f, LXW_ALIGN_VERTICAL_BOTTOM);
		}
		if (sp->id == FM_TITLE)
			format_set_font_size(f, 14);
		x->f[sp->id] = f;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Overview                                                             */

enum ov_col {
	OV_RCC, OV_YEAR, OV_GRANTED, OV_RECEIVED, OV_CARRIED, OV_AVAIL, OV_EXPENSES, OV_CLOSING, OV_FORWARD, OV_REPAY,
	OV_UTIL, OV_STATUS, OV_ERRORS, OV_WARNINGS, OV_ATTESTED, OV_RECEIVED_AT, OV_NCOLS
};

static words OV_HEAD[OV_NCOLS] = {
	L2("RCC", "RCC"),
	L2("År", "Year"),
	L2("Beviljat", "Granted"),
	L2("Erhållet", "Received"),
	L2("Överfört från föregående år", "Carried over from the year before"),
	L2("Disponibelt", "Available"),
	L2("Totala kostnader", "Total expenses"),
	L2("Utgående saldo", "Closing balance"),
	L2("Förs över till nästa år", "Carried forward to the next year"),
	L2("Att återbetala", "To repay"),
	L2("Nyttjandegrad", "Utilisation"),
	L2("Status", "Status"),
	L2("Fel", "Errors"),
	L2("Varningar", "Warnings"),
	L2("Attesterad", "Attested"),
	L2("Inkom (UTC)", "Received (UTC)"),
};

/* The amount of a money column of the overview for a statement. */
static struct money ov_money(const struct stmt *st, int col)
{
	static const int fig_of[OV_NCOLS] = {[OV_GRANTED] = F_GRANTED, [OV_RECEIVED] = F_RECEIVED,
	                                     [OV_CARRIED] = F_CARRIED, [OV_EXPENSES] = F_EXPENSES,
	                                     [OV_CLOSING] = F_CLOSING, [OV_FORWARD] = F_FORWARD,
	                                     [OV_REPAY] = F_REPAY};
	assert(col >= OV_GRANTED && col <= OV_REPAY);
	if (!st)
		return (struct money){0, 0};
	return col == OV_AVAIL ? available(st) : st->fig[fig_of[col]];
}

static enum status status_of(const struct stmt *st)
{
	if (!st)
		return ST_MISSING;
	if (st->status && strcmp(st->status, "valid") == 0)
		return ST_VALID;
	if (st->status && strcmp(st->status, "warnings") == 0)
		return ST_WARNINGS;
	return ST_INVALID;
}

static void put_status(struct sheet *s, lxw_row_t r, lxw_col_t c, enum status st)
{
	static const enum fmt_id fmt[ST_COUNT] = {FM_ST_VALID, FM_ST_WARNINGS, FM_ST_INVALID, FM_ST_MISSING};
	put_str(s, r, c, STATUS_NAMES[st][s->x->l], fmt[st]);
}

/* Utilisation: expenses / available; empty when either is missing or
 * nothing was available. */
static void put_util(struct sheet *s, lxw_row_t r, struct money exp, struct money avail)
{
	if (!exp.has || !avail.has || avail.ore <= 0) {
		put_blank(s, r, OV_UTIL, FM_TEXT);
		return;
	}
	put_num(s, r, OV_UTIL, ratio(exp.ore, avail.ore), FM_PCT, 7);
}

static void ov_row(struct sheet *s, lxw_row_t r, const struct yblock *b, const struct rcc_row *row)
{
	const struct stmt *st = row->st;
	put_str(s, r, OV_RCC, row->label[s->x->l], FM_TEXT);
	put_count(s, r, OV_YEAR, b->year, FM_YEAR);
	for (int c = OV_GRANTED; c <= OV_REPAY; c++)
		put_money(s, r, (lxw_col_t)c, ov_money(st, c), FM_MONEY);
	put_util(s, r, ov_money(st, OV_EXPENSES), available(st));
	put_status(s, r, OV_STATUS, status_of(st));
	if (!st)
		return;
	put_count(s, r, OV_ERRORS, st->errors, FM_COUNT);
	put_count(s, r, OV_WARNINGS, st->warnings, FM_COUNT);
	put_date(s, r, OV_ATTESTED, st->attested);
	put_stamp(s, r, OV_RECEIVED_AT, st->received_at, 0);
}

static void ov_total(struct sheet *s, lxw_row_t r, const struct yblock *b, lxw_row_t first, lxw_row_t last)
{
	struct xw *x = s->x;
	int64_t tot[OV_NCOLS] = {0};
	long errors = 0, warnings = 0;
	int util_known = 1; /* every statement has both expenses and available funds */
	for (int i = 0; i < b->nrows; i++) {
		const struct stmt *st = b->rows[i].st;
		if (st && (!ov_money(st, OV_EXPENSES).has || !available(st).has))
			util_known = 0;
		for (int c = OV_GRANTED; c <= OV_REPAY; c++) {
			struct money m = ov_money(b->rows[i].st, c);
			if (m.has && add_ore(&tot[c], m.ore))
				failf(x, "the %d totals are too large to add exactly; check the statements of %d", b->year,
				      b->year);
		}
		errors += b->rows[i].st ? b->rows[i].st->errors : 0;
		warnings += b->rows[i].st ? b->rows[i].st->warnings : 0;
	}
	put_str(s, r, OV_RCC, W_TOTAL[x->l], FM_TOT_TEXT);
	put_count(s, r, OV_YEAR, b->year, FM_TOT_YEAR);
	for (int c = OV_GRANTED; c <= OV_REPAY; c++)
		put_money_sum(s, r, (lxw_col_t)c, first, (lxw_col_t)c, last, (lxw_col_t)c, tot[c], FM_TOT_MONEY);
	if (util_known && tot[OV_AVAIL] > 0) {
		char formula[64], exp_cell[16], avail_cell[16];
		lxw_rowcol_to_cell(exp_cell, r, OV_EXPENSES);
		lxw_rowcol_to_cell(avail_cell, r, OV_AVAIL);
		snprintf(formula, sizeof formula, "=%s/%s", exp_cell, avail_cell);
		put_formula(s, r, OV_UTIL, formula, ratio(tot[OV_EXPENSES], tot[OV_AVAIL]), FM_TOT_PCT, 7);
	} else {
		put_blank(s, r, OV_UTIL, FM_TOT_BLANK);
	}
	put_blank(s, r, OV_STATUS, FM_TOT_BLANK);
	put_count_sum(s, r, OV_ERRORS, first, last, errors);
	put_count_sum(s, r, OV_WARNINGS, first, last, warnings);
	put_blank(s, r, OV_ATTESTED, FM_TOT_BLANK);
	put_blank(s, r, OV_RECEIVED_AT, FM_TOT_BLANK);
}

/* Expenses against granted funds per RCC for the latest year, below the
 * table. */
static void ov_chart(struct sheet *s, const struct yblock *b, lxw_row_t first, lxw_row_t last)
{
	struct xw *x = s->x;
	lxw_chart *ch = workbook_add_chart(x->wb, LXW_CHART_COLUMN);
	if (!ch) {
		failf(x, "cannot add the chart to the workbook (out of memory?)");
		return;
	}
	static const int series_cols[2] = {OV_EXPENSES, OV_GRANTED};
	for (int i = 0; i < 2; i++) {
		lxw_chart_series *ser = chart_add_series(ch, NULL, NULL);
		if (!ser) {
			failf(x, "cannot add a series to the chart (out of memory?)");
			return;
		}
		chart_series_set_categories(ser, s->name, first, OV_RCC, last, OV_RCC);
		chart_series_set_values(ser, s->name, first, (lxw_col_t)series_cols[i], last, (lxw_col_t)series_cols[i]);
		chart_series_set_name_range(ser, s->name, s->head, (lxw_col_t)series_cols[i]);
	}
	char title[160];
	snprintf(title, sizeof title, "%s %d",
	         x->l == LANG_SV ? "Totala kostnader och beviljade medel per RCC" : "Total expenses and granted funds per RCC",
	         b->year);
	chart_title_set_name(ch, title);
	chart_axis_set_num_format(ch->y_axis, "#,##0 \"kr\"");
	chart_axis_set_min(ch->y_axis, 0); /* bars from zero: no exaggerated differences */
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options opt = {.x_offset = 0, .y_offset = 10, .x_scale = 2.0, .y_scale = 1.3};
	lxw_ok(s, worksheet_insert_chart_opt(s->ws, s->last + 2, OV_RCC, ch, &opt), s->last + 2, OV_RCC,
	       "inserting the chart");
}

static enum fmt_id ov_head_format(int c)
{
	if (c >= OV_GRANTED && c <= OV_UTIL)
		return FM_HEAD_NUM;
	return c == OV_RCC ? FM_HEAD : FM_HEAD_MID;
}

static void write_overview(struct xw *x, struct sheet *s)
{
	for (int c = 0; c < OV_NCOLS; c++)
		put_head_as(s, (lxw_col_t)c, OV_HEAD[c][x->l], ov_head_format(c));
	lxw_row_t r = s->head + 1, chart_first = 0, chart_last = 0;
	const struct yblock *chart_year = NULL;
	for (int y = 0; y < x->m->nyb; y++) {
		const struct yblock *b = &x->m->yb[y];
		if (!b->nrows)
			continue;
		lxw_row_t first = r;
		for (int i = 0; i < b->nrows; i++)
			ov_row(s, r++, b, &b->rows[i]);
		ov_total(s, r, b, first, r - 1);
		chart_year = b;
		chart_first = first;
		chart_last = r - 1;
		r++;
	}
	sheet_finish(s, 1);
	if (chart_year)
		ov_chart(s, chart_year, chart_first, chart_last);
}

/* ------------------------------------------------------------------ */
/* Categories and criteria                                              */

static void breakdown_fail(struct xw *x, const struct rcc_row *row, int year)
{
	failf(x, "the expense totals of %s for %d (%s) are too large to add exactly; correct that statement "
	      "and register it again", row->code, year, row->st && row->st->file_name ? row->st->file_name : "?");
}

/* One RCC's row: a cell per code and the row total; empty without data. */
static void breakdown_row(struct sheet *s, lxw_row_t r, const struct yblock *b, const struct rcc_row *row,
                          const struct cols *cols, int by_criterion, int64_t *col_tot, int64_t *grand)
{
	struct xw *x = s->x;
	put_str(s, r, 0, row->label[x->l], FM_TEXT);
	put_count(s, r, 1, b->year, FM_YEAR);
	if (!row->st || row->st->ntotals == 0)
		return;
	int64_t row_tot = 0;
	for (int c = 0; c < cols->n; c++) {
		struct money m;
		if (code_sum(row->st, by_criterion, cols->c[c].code, &m) || add_ore(&row_tot, m.ore) ||
		    add_ore(&col_tot[c], m.ore)) {
			breakdown_fail(x, row, b->year);
			return;
		}
		put_money(s, r, (lxw_col_t)(2 + c), m, FM_MONEY);
	}
	if (add_ore(grand, row_tot))
		breakdown_fail(x, row, b->year);
	put_money_sum(s, r, (lxw_col_t)(2 + cols->n), r, 2, r, (lxw_col_t)(1 + cols->n), row_tot, FM_EDGE_MONEY);
}

static void breakdown_block(struct sheet *s, lxw_row_t *r, const struct yblock *b, const struct cols *cols,
                            int by_criterion)
{
	int64_t *col_tot = xcalloc((size_t)cols->n + 1, sizeof *col_tot);
	int64_t grand = 0;
	lxw_row_t first = *r;
	for (int i = 0; i < b->nrows; i++)
		breakdown_row(s, (*r)++, b, &b->rows[i], cols, by_criterion, col_tot, &grand);
	lxw_row_t last = *r - 1, t = (*r)++;
	put_str(s, t, 0, W_TOTAL[s->x->l], FM_TOT_TEXT);
	put_count(s, t, 1, b->year, FM_TOT_YEAR);
	for (int c = 0; c <= cols->n; c++) {
		lxw_col_t col = (lxw_col_t)(2 + c);
		put_money_sum(s, t, col, first, col, last, col, c < cols->n ? col_tot[c] : grand, FM_TOT_MONEY);
	}
	free(col_tot);
}

static void write_breakdown(struct xw *x, struct sheet *s, const struct cols *cols, int by_criterion)
{
	strbuf *heads = xcalloc((size_t)cols->n, sizeof *heads);
	put_head(s, 0, OV_HEAD[OV_RCC][x->l]);
	put_head_mid(s, 1, OV_HEAD[OV_YEAR][x->l]);
	for (int c = 0; c < cols->n; c++) {
		/* numbered criteria keep their number: "4.1 Förebyggande ..." */
		const struct colspec *cs = &cols->c[c];
		if (by_criterion && cs->code[0] >= '0' && cs->code[0] <= '9' && strcmp(cs->code, cs->label[x->l]) != 0)
			sb_printf(&heads[c], "%s %s", cs->code, cs->label[x->l]);
		else
			sb_puts(&heads[c], cs->label[x->l]);
		put_head_num(s, (lxw_col_t)(2 + c), heads[c].s);
		widen(s, (lxw_col_t)(2 + c), 12);
	}
	put_head_num(s, (lxw_col_t)(2 + cols->n), W_TOTAL[x->l]);
	lxw_row_t r = s->head + 1;
	for (int y = 0; y < x->m->nyb; y++)
		if (x->m->yb[y].nrows)
			breakdown_block(s, &r, &x->m->yb[y], cols, by_criterion);
	sheet_finish(s, 1);
	for (int c = 0; c < cols->n; c++)
		sb_free(&heads[c]);
	free(heads);
}

/* ------------------------------------------------------------------ */
/* Findings                                                             */

enum fi_col { FI_RCC, FI_YEAR, FI_RULE, FI_SEVERITY, FI_MESSAGE, FI_LINE, FI_FILE, FI_NCOLS };
static words FI_HEAD[FI_NCOLS] = {L2("RCC", "RCC"),           L2("År", "Year"),
                                  L2("Regel", "Rule"),        L2("Allvarlighet", "Severity"),
                                  L2("Meddelande", "Message"), L2("Rad", "Line"),
                                  L2("Fil", "File")};

static void put_severity(struct sheet *s, lxw_row_t r, const char *sev)
{
	static const enum fmt_id fmt[3] = {FM_SEV_ERROR, FM_SEV_WARNING, FM_SEV_INFO};
	enum severity v;
	if (sev && severity_parse(sev, &v) == 0)
		put_str(s, r, FI_SEVERITY, SEVERITY_NAMES[v][s->x->l], fmt[v]);
	else
		put_str(s, r, FI_SEVERITY, sev, FM_TEXT);
}

static void finding_row(struct sheet *s, lxw_row_t r, const char *rcc, int year, const char *rule,
                        const char *sev, const char *msg, long line, const char *file)
{
	put_str(s, r, FI_RCC, rcc, FM_TEXT);
	put_count(s, r, FI_YEAR, year, FM_YEAR);
	put_str(s, r, FI_RULE, rule, FM_TEXT);
	put_severity(s, r, sev);
	put_text(s, r, FI_MESSAGE, msg, FM_WRAP, 0);
	fit_row(s, r, FI_MESSAGE, msg ? msg : "");
	if (line > 0)
		put_count(s, r, FI_LINE, line, FM_COUNT);
	put_str(s, r, FI_FILE, file, FM_TEXT);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* The register-level findings (G8) about one year. */
static void register_findings(struct sheet *s, lxw_row_t *r, int year)
{
	const struct file_result *rc = s->x->in->regchk;
	for (int i = 0; rc && i < rc->nfindings; i++) {
		const struct finding *f = &rc->findings[i];
		if (f->year != year)
			continue;
		finding_row(s, (*r)++, W_ALL_RCC[s->x->l], year, f->rule ? f->rule->id : "?", severity_name(f->severity),
		            f->msg[s->x->l], 0, base_name(s->x->in->db_path));
	}
}

static void write_findings(struct xw *x, struct sheet *s)
{
	for (int c = 0; c < FI_NCOLS; c++) {
		if (c == FI_YEAR)
			put_head_mid(s, (lxw_col_t)c, FI_HEAD[c][x->l]);
		else if (c == FI_LINE)
			put_head_mid(s, (lxw_col_t)c, FI_HEAD[c][x->l]);
		else
			put_head(s, (lxw_col_t)c, FI_HEAD[c][x->l]);
	}
	fix_width(s, FI_MESSAGE, 80);
	lxw_row_t r = s->head + 1;
	for (int y = 0; y < x->m->nyb; y++) {
		const struct yblock *b = &x->m->yb[y];
		for (int i = 0; i < b->nrows; i++) {
			const struct stmt *st = b->rows[i].st;
			for (int k = 0; st && k < st->nfindings; k++) {
				const struct sfinding *f = &st->findings[k];
				finding_row(s, r++, b->rows[i].label[x->l], b->year, f->rule, f->severity, f->msg[x->l],
				            f->line, st->file_name);
			}
		}
		register_findings(s, &r, b->year);
	}
	if (r == s->head + 1)
		put_str(s, r, FI_RCC, W_NO_FINDINGS[x->l], FM_TEXT);
	sheet_finish(s, 0);
}

/* ------------------------------------------------------------------ */
/* Equal shares                                                         */

static words ES_HEAD_FIRST[4] = {L2("År", "Year"), L2("Anslag", "Appropriation"),
                                 L2("Antal RCC", "Number of RCCs"), L2("Lika andel", "Equal share")};
static words ES_HEAD_LAST[3] = {L2("Summa beviljat", "Total granted"),
                                L2("Differens mot anslaget", "Difference from the appropriation"),
                                L2("Bedömning (G8)", "Verdict (G8)")};

/* The G8 verdict of a year: "OK", the findings' messages, or not evaluated. */
static void g8_verdict(const struct xw *x, const struct yblock *b, strbuf *out, int *ok)
{
	const struct file_result *rc = x->in->regchk;
	*ok = 1;
	for (int i = 0; rc && i < rc->nfindings; i++) {
		if (rc->findings[i].year != b->year)
			continue;
		if (out->len)
			sb_putc(out, '\n');
		sb_printf(out, "%s: %s", rc->findings[i].rule ? rc->findings[i].rule->id : "?",
		          rc->findings[i].msg[x->l]);
		*ok = 0;
	}
	if (*ok)
		sb_puts(out, b->approp.has ? W_VERDICT_OK[x->l] : W_NOT_EVALUATED[x->l]);
	if (!b->approp.has)
		*ok = 0;
}

static const struct stmt *granted_of(const struct yblock *b, const char *code)
{
	for (int i = 0; i < b->nrows; i++)
		if (strcmp(b->rows[i].code, code) == 0)
			return b->rows[i].st;
	return NULL;
}

static void shares_row(struct sheet *s, lxw_row_t r, const struct yblock *b)
{
	struct xw *x = s->x;
	const struct cols *rc = &x->m->rccs;
	struct money share = {b->approp.has && b->rcc_count > 0, 0};
	if (share.has)
		share.ore = b->approp.ore / b->rcc_count; /* integer öre division */
	put_count(s, r, 0, b->year, FM_YEAR);
	put_money(s, r, 1, b->approp, FM_MONEY);
	if (b->rcc_count > 0)
		put_count(s, r, 2, b->rcc_count, FM_COUNT);
	put_money(s, r, 3, share, FM_MONEY);
	int64_t sum = 0;
	for (int c = 0; c < rc->n; c++) {
		const struct stmt *st = granted_of(b, rc->c[c].code);
		struct money g = st ? st->fig[F_GRANTED] : (struct money){0, 0};
		if (g.has && add_ore(&sum, g.ore))
			failf(x, "the granted amounts of %d are too large to add exactly", b->year);
		put_money(s, r, (lxw_col_t)(4 + c), g, g.has && share.has && g.ore != share.ore ? FM_MONEY_BAD : FM_MONEY);
	}
	lxw_col_t cs = (lxw_col_t)(4 + rc->n);
	put_money_sum(s, r, cs, r, 4, r, (lxw_col_t)(cs - 1), sum, FM_EDGE_MONEY);
	if (b->approp.has) {
		char formula[64], sum_cell[16], approp_cell[16];
		lxw_rowcol_to_cell(sum_cell, r, cs);
		lxw_rowcol_to_cell(approp_cell, r, 1);
		snprintf(formula, sizeof formula, "=%s-%s", sum_cell, approp_cell);
		int64_t diff = 0;
		if (__builtin_sub_overflow(sum, b->approp.ore, &diff))
			failf(x, "the granted amounts of %d are too large to compare exactly", b->year);
		put_formula(s, r, cs + 1, formula, money_cell(diff), FM_MONEY, money_chars(diff));
	}
	strbuf v = {0};
	int ok;
	g8_verdict(x, b, &v, &ok);
	put_text(s, r, cs + 2, v.s, ok ? FM_OK : FM_BAD, 0);
	fit_row(s, r, cs + 2, v.s);
	sb_free(&v);
}

static void write_shares(struct xw *x, struct sheet *s)
{
	const struct cols *rc = &x->m->rccs;
	put_head_mid(s, 0, ES_HEAD_FIRST[0][x->l]);
	put_head_num(s, 1, ES_HEAD_FIRST[1][x->l]);
	put_head_mid(s, 2, ES_HEAD_FIRST[2][x->l]);
	put_head_num(s, 3, ES_HEAD_FIRST[3][x->l]);
	for (int c = 0; c < rc->n; c++) {
		put_head_num(s, (lxw_col_t)(4 + c), rc->c[c].label[x->l]);
		widen(s, (lxw_col_t)(4 + c), 12);
	}
	for (int c = 0; c < 2; c++)
		put_head_num(s, (lxw_col_t)(4 + rc->n + c), ES_HEAD_LAST[c][x->l]);
	put_head(s, (lxw_col_t)(6 + rc->n), ES_HEAD_LAST[2][x->l]);
	fix_width(s, (lxw_col_t)(6 + rc->n), 50);
	lxw_row_t r = s->head + 1;
	for (int y = 0; y < x->m->nyb; y++)
		shares_row(s, r++, &x->m->yb[y]);
	sheet_finish(s, 1);
}

/* ------------------------------------------------------------------ */
/* About                                                                */

enum ab_col { AB_RCC, AB_YEAR, AB_FILE, AB_SHA, AB_RECEIVED, AB_RULESET, AB_NCOLS };
static words AB_HEAD[AB_NCOLS] = {L2("RCC", "RCC"),         L2("År", "Year"),
                                  L2("Fil", "File"),        L2("SHA-256", "SHA-256"),
                                  L2("Inkommen (UTC)", "Received on (UTC)"),
                                  L2("Regeluppsättning", "Rule set")};

static void about_pair(struct sheet *s, lxw_row_t r, const char *key, const char *value)
{
	put_str(s, r, 0, key, FM_KEY);
	put_text(s, r, 1, value, FM_TEXT, 0); /* runs on over the empty cells to its right */
}

static int seen_pair(const struct model *m, int upto, const struct stmt *st)
{
	for (int i = 0; i < upto; i++)
		if (m->st[i].ruleset && strcmp(m->st[i].ruleset, st->ruleset) == 0 && m->st[i].checksum &&
		    st->checksum && strcmp(m->st[i].checksum, st->checksum) == 0)
			return 1;
	return 0;
}

/* One line per rule set (id and checksum) the statements were judged by. */
static void about_rulesets(struct sheet *s, lxw_row_t *r)
{
	struct xw *x = s->x;
	const char *key = x->l == LANG_SV ? "Regeluppsättning" : "Rule set";
	for (int i = 0; i < x->m->nst; i++) {
		const struct stmt *st = &x->m->st[i];
		if (!st->ruleset || !st->checksum || seen_pair(x->m, i, st))
			continue;
		const struct ruleset *set = rulesets_find(x->in->sets, st->ruleset);
		strbuf v = {0};
		sb_printf(&v, "%s, %s %s ", st->ruleset, x->l == LANG_SV ? "kontrollsumma" : "checksum", st->checksum);
		if (!set)
			sb_puts(&v, x->l == LANG_SV ? "(inte installerad här)" : "(not installed here)");
		else if (strcmp(set->checksum, st->checksum) == 0)
			sb_puts(&v, x->l == LANG_SV ? "(samma som den installerade)" : "(same as the installed one)");
		else
			sb_printf(&v, x->l == LANG_SV ? "(den installerade har nu kontrollsumma %s)"
			                              : "(the installed one now has checksum %s)", set->checksum);
		about_pair(s, (*r)++, key, v.s);
		sb_free(&v);
	}
}

static void about_statement(struct sheet *s, lxw_row_t r, const struct yblock *b, const struct rcc_row *row)
{
	const struct stmt *st = row->st;
	put_str(s, r, AB_RCC, row->label[s->x->l], FM_TEXT);
	put_count(s, r, AB_YEAR, b->year, FM_YEAR);
	put_str(s, r, AB_FILE, st->file_name, FM_TEXT);
	put_str(s, r, AB_SHA, st->sha256, FM_TEXT);
	put_stamp(s, r, AB_RECEIVED, st->received_at, 1);
	put_str(s, r, AB_RULESET, st->ruleset, FM_TEXT);
}

static void write_about(struct xw *x, struct sheet *s)
{
	int sv = x->l == LANG_SV;
	lxw_row_t r = 0;
	put_text(s, r++, 0, sv ? "Om rapporten" : "About this report", FM_TITLE, 0);
	r++;
	about_pair(s, r++, sv ? "Skapad" : "Created", x->created);
	about_pair(s, r++, sv ? "Skapad av" : "Made by", "grantcheck " GRANTCHECK_VERSION);
	about_pair(s, r++, sv ? "Register" : "Register", x->in->db_path);
	about_pair(s, r++, sv ? "År" : "Years", x->years);
	about_rulesets(s, &r);
	r++;
	s->head = r;
	for (int c = 0; c < AB_NCOLS; c++) {
		if (c == AB_YEAR || c == AB_RECEIVED)
			put_head_mid(s, (lxw_col_t)c, AB_HEAD[c][x->l]);
		else
			put_head(s, (lxw_col_t)c, AB_HEAD[c][x->l]);
	}
	fix_width(s, AB_SHA, 72); /* 64 hex digits are wider than 64 "0" widths */
	r++;
	for (int y = 0; y < x->m->nyb; y++)
		for (int i = 0; i < x->m->yb[y].nrows; i++)
			if (x->m->yb[y].rows[i].st)
				about_statement(s, r++, &x->m->yb[y], &x->m->yb[y].rows[i]);
	if (r == s->head + 1)
		put_str(s, r, AB_RCC, W_NO_STATEMENTS[x->l], FM_TEXT);
	sheet_finish(s, 0);
}

/* ------------------------------------------------------------------ */
/* The workbook                                                         */

static void years_text(const struct summary_input *in, char *out, size_t size)
{
	int contiguous = in->nyears > 1;
	for (int i = 1; i < in->nyears; i++)
		if (in->years[i] != in->years[i - 1] + 1)
			contiguous = 0;
	if (contiguous) {
		snprintf(out, size, "%d\xE2\x80\x93%d", in->years[0], in->years[in->nyears - 1]);
		return;
	}
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < in->nyears && len + 8 < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%d", i ? ", " : "", in->years[i]);
}

static void set_properties(struct xw *x)
{
	const struct ruleset *set = NULL;
	for (int y = 0; y < x->m->nyb; y++)
		if (x->m->yb[y].set)
			set = x->m->yb[y].set;
	strbuf subject = {0};
	if (set)
		sb_printf(&subject, "%s; %s %s", set->title[x->l], x->l == LANG_SV ? "år" : "years", x->years);
	else
		sb_puts(&subject, x->years);
	lxw_doc_properties p = {0};
	p.title = (char *)W_TITLE[x->l];
	p.subject = subject.s;
	p.author = (char *)"grantcheck " GRANTCHECK_VERSION;
	p.company = (char *)W_COMPANY[x->l];
	p.keywords = (char *)W_KEYWORDS[x->l];
	p.comments = (char *)W_COMMENTS[x->l];
	p.created = x->in->now;
	lxw_error e = workbook_set_properties(x->wb, &p);
	if (e != LXW_NO_ERROR)
		failf(x, "cannot set the document properties: %s", lxw_strerror(e));
	sb_free(&subject);
}

typedef void (*sheet_writer)(struct xw *x, struct sheet *s);

static void write_categories(struct xw *x, struct sheet *s)
{
	write_breakdown(x, s, &x->m->cats, 0);
}

static void write_criteria(struct xw *x, struct sheet *s)
{
	write_breakdown(x, s, &x->m->crits, 1);
}

static void write_sheets(struct xw *x)
{
	static const sheet_writer writers[SH_COUNT] = {write_overview, write_categories, write_criteria,
	                                               write_findings, write_shares,     write_about};
	for (int i = 0; i < SH_COUNT && !x->failed; i++) {
		struct sheet s;
		if (sheet_open(x, &s, (enum sheet_id)i, 0) == 0) {
			writers[i](x, &s);
			if (i == SH_OVERVIEW)
				worksheet_activate(s.ws);
		}
		sheet_close(&s);
	}
}

static int write_workbook(const struct summary_input *in, const struct model *m, const char *path,
                          const char *shown, strbuf *err)
{
	struct xw x = {.in = in, .m = m, .l = in->lang};
	struct tm tm;
	if (!localtime_r(&in->now, &tm) || strftime(x.created, sizeof x.created, "%Y-%m-%d %H:%M", &tm) != 16)
		snprintf(x.created, sizeof x.created, "1970-01-01 00:00");
	years_text(in, x.years, sizeof x.years);
	x.wb = workbook_new(path);
	if (!x.wb) {
		sb_printf(err, "%s: cannot start the workbook (libxlsxwriter could not create it; out of memory or "
		          "no temporary space?)", shown);
		return -1;
	}
	set_properties(&x);
	if (!x.failed && make_formats(&x) == 0)
		write_sheets(&x);
	errno = 0;
	lxw_error e = workbook_close(x.wb); /* frees the workbook in every case */
	int close_errno = errno;
	int rc = 0;
	if (x.failed) {
		sb_printf(err, "%s: cannot write the workbook: %s", shown, x.why.s);
		rc = -1;
	} else if (e != LXW_NO_ERROR) {
		sb_printf(err, "%s: cannot write the workbook: %s%s%s%s; check the free space and that the folder is "
		          "writable", shown, lxw_strerror(e), close_errno ? " (" : "", close_errno ? strerror(close_errno) : "",
		          close_errno ? ")" : "");
		rc = -1;
	}
	sb_free(&x.why);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The file: temporary name beside OUT, then rename                    */

static void dir_of(const char *path, strbuf *out)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		sb_puts(out, ".");
	else if (slash == path)
		sb_puts(out, "/");
	else
		sb_putn(out, path, (size_t)(slash - path));
}

/* OUT may be a new name or an existing regular file, nothing else. */
static int check_target(const char *out, struct stat *st, int *exists, strbuf *err)
{
	*exists = 0;
	if (stat(out, st) != 0)
		return 0;
	if (S_ISDIR(st->st_mode)) {
		sb_printf(err, "%s is a folder; give the workbook's file name, e.g. -o %s/summary.xlsx", out, out);
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		sb_printf(err, "%s exists and is not a regular file; give another name with -o", out);
		return -1;
	}
	*exists = 1;
	return 0;
}

static int make_temp(const char *out, const struct stat *old, int exists, char **tmp, strbuf *err)
{
	strbuf t = {0};
	sb_printf(&t, "%s.tmp.XXXXXX", out);
	int fd = mkstemp(t.s);
	if (fd < 0) {
		int e = errno;
		strbuf dir = {0};
		dir_of(out, &dir);
		if (e == ENOENT || e == ENOTDIR)
			sb_printf(err, "cannot write %s: the folder %s does not exist; create it or give another path with -o",
			          out, dir.s);
		else
			sb_printf(err, "cannot write %s: cannot create a file in the folder %s (%s); choose a folder you "
			          "can write to", out, dir.s, strerror(e));
		sb_free(&dir);
		sb_free(&t);
		return -1;
	}
	mode_t um = umask(0);
	umask(um);
	(void)fchmod(fd, exists ? (old->st_mode & 07777) : (0666 & ~um)); /* mkstemp makes it 0600 */
	close(fd);
	*tmp = sb_take(&t);
	return 0;
}

static int sync_file(const char *path, const char *out, strbuf *err)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0 || fsync(fd) != 0) {
		sb_printf(err, "cannot write %s: the workbook could not be saved to disk (%s); check the free space",
		          out, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

int xlsx_write_summary(const struct summary_input *in, const char *out, strbuf *err)
{
	assert(in && in->db && in->sets && out && err);
	assert(in->nyears > 0);
	struct model m;
	struct stat old;
	int exists, rc = -1;
	char *tmp = NULL;
	if (model_load(in, &m, err) || check_target(out, &old, &exists, err) ||
	    make_temp(out, &old, exists, &tmp, err))
		goto done;
	if (write_workbook(in, &m, tmp, out, err) == 0 && sync_file(tmp, out, err) == 0) {
		if (rename(tmp, out) == 0)
			rc = 0;
		else
			sb_printf(err, "cannot put the workbook in place at %s (%s); check that the folder is writable",
			          out, strerror(errno));
	}
	if (rc)
		unlink(tmp);
done:
	free(tmp);
	model_free(&m);
	return rc;
}
