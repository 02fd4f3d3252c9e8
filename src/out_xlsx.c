/*
 * out_xlsx.c - the sheets of the summary workbook (see out_xlsx.h and
 * summary-workbook.md, docs/workbook.md): overview, charts, categories,
 * criteria, comparison, findings (open and accepted apart), equal shares,
 * about, and the document properties.
 *
 * The sheets read only the summary model (summary.h) and write through the
 * cell layer (xlsx_cells.h); the register's SQL is in register_summary.c,
 * the temporary file and rename in atomic.c.
 */
#include "out_xlsx.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checks.h"
#include "output.h"
#include "xlsx_cells.h"

/* The writer's state: the cell layer's book (first member: a sheet's book
 * is this struct, see XW) and what the sheets read. */
struct xw {
	struct xlsx_book b;
	const struct summary_input *in;
	const struct summary *m;
};
#define XW(s) ((struct xw *)(s)->book)

static int add_ore(int64_t *acc, int64_t v)
{
	return __builtin_add_overflow(*acc, v, acc) ? -1 : 0;
}

static void put_money(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, struct money m, enum xlsx_fmt f)
{
	xlsx_put_money(s, r, c, m.has, m.ore, f);
}

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
static words W_TOTAL = L2("Summa", "Total");
static words W_ALL_RCC = L2("Alla RCC", "All RCCs");
static words W_NO_FINDINGS = L2("Inga öppna avvikelser", "No open findings");
static words W_NO_STATEMENTS = L2("Inga redovisningar", "No statements");
static words W_VERDICT_OK = L2("Stämmer", "Agrees");
static words W_VERDICT_BAD = L2("Avviker", "Differs");
static words W_INCOMPLETE = L2("Ofullständig", "Incomplete");
static words W_MISSING_ONE = L2("saknas", "missing");
static words W_REJECTED_APART = L2("Underkänt, ej i summan", "Rejected, not in the total");
static words W_OF = L2("av", "of");
static words W_OF_WHICH = L2("varav", "of which");
static words W_REJ_LOWER = L2("underkänd", "rejected");
static words W_NOT_EVALUATED = L2("Ej bedömd: regeluppsättningen har inget anslag för året",
                                  "Not evaluated: the rule set has no appropriation for the year");

enum sheet_id { SH_OVERVIEW, SH_CHARTS, SH_CATEGORIES, SH_CRITERIA, SH_COMPARISON, SH_FINDINGS, SH_SHARES, SH_ABOUT,
	SH_COUNT };
static words SHEET_NAMES[SH_COUNT] = {
	L2("Översikt", "Overview"),         L2("Diagram", "Charts"),
	L2("Kostnadsslag", "Categories"),   L2("Kriterier", "Criteria"),
	L2("Jämförelse", "Comparison"),     L2("Avvikelser", "Findings"),
	L2("Lika fördelning", "Equal shares"), L2("Om rapporten", "About")};

static words STATUS_NAMES[ST_COUNT] = {L2("Godkänd", "Approved"),
                                       L2("Godkänd med varningar", "Approved with warnings"),
                                       L2("Underkänd", "Rejected"), L2("Saknas", "Missing")};
static words SEVERITY_NAMES[3] = {L2("Fel", "Error"), L2("Varning", "Warning"), L2("Info", "Info")};

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
	L2("Disponibla medel", "Available funds"),
	L2("Totala kostnader", "Total expenses"),
	L2("Utgående saldo", "Closing balance"),
	L2("Förs över till nästa år", "Carried forward to the next year"),
	L2("Att återbetala", "To repay"),
	L2("Nyttjandegrad", "Utilisation"),
	L2("Status", "Status"),
	L2("Fel", "Errors"),
	L2("Varningar", "Warnings"),
	L2("Attesterad", "Attested"),
	L2("Inkommen (UTC)", "Received (UTC)"),
};

/* The amount of a money column of the overview for a statement. */
static struct money ov_money(const struct regsum_statement *st, int col)
{
	static const int fig_of[OV_NCOLS] = {[OV_GRANTED] = F_GRANTED, [OV_RECEIVED] = F_RECEIVED,
	                                     [OV_CARRIED] = F_CARRIED, [OV_EXPENSES] = F_EXPENSES,
	                                     [OV_CLOSING] = F_CLOSING, [OV_FORWARD] = F_FORWARD,
	                                     [OV_REPAY] = F_REPAY};
	assert(col >= OV_GRANTED && col <= OV_REPAY);
	if (!st)
		return (struct money){0, 0};
	return col == OV_AVAIL ? summary_available(st) : st->fig[fig_of[col]];
}

static void put_status(struct xlsx_sheet *s, lxw_row_t r, lxw_col_t c, enum summary_status st)
{
	static const enum xlsx_fmt fmt[ST_COUNT] = {FM_ST_VALID, FM_ST_WARNINGS, FM_ST_INVALID, FM_ST_MISSING};
	xlsx_put_str(s, r, c, STATUS_NAMES[st][s->book->l], fmt[st]);
}

/* Utilisation: expenses / available; empty when either is missing or
 * nothing was available. */
static void put_util(struct xlsx_sheet *s, lxw_row_t r, struct money exp, struct money avail)
{
	if (!exp.has || !avail.has || avail.ore <= 0) {
		xlsx_put_blank(s, r, OV_UTIL, FM_TEXT);
		return;
	}
	xlsx_put_num(s, r, OV_UTIL, xlsx_ratio(exp.ore, avail.ore), FM_PCT, 7);
}

static void ov_row(struct xlsx_sheet *s, lxw_row_t r, const struct summary_year *b, const struct summary_row *row)
{
	const struct regsum_statement *st = row->st;
	xlsx_put_str(s, r, OV_RCC, row->label[s->book->l], FM_TEXT);
	xlsx_put_count(s, r, OV_YEAR, b->year, FM_YEAR);
	int rej = summary_status_of(st) == ST_INVALID;
	for (int c = OV_GRANTED; c <= OV_REPAY; c++)
		put_money(s, r, (lxw_col_t)c, ov_money(st, c), rej ? FM_REJ_MONEY : FM_MONEY);
	put_util(s, r, ov_money(st, OV_EXPENSES), summary_available(st));
	put_status(s, r, OV_STATUS, summary_status_of(st));
	if (!st)
		return;
	xlsx_put_count(s, r, OV_ERRORS, st->errors, FM_COUNT);
	xlsx_put_count(s, r, OV_WARNINGS, st->warnings, FM_COUNT);
	xlsx_put_date(s, r, OV_ATTESTED, st->attested);
	xlsx_put_stamp(s, r, OV_RECEIVED_AT, st->received_at, 0);
}

/* The rows of a year block (first..) that count in its totals (not
 * rejected) and those of rejected statements, apart. */
static void block_rows(const struct summary_year *b, lxw_row_t first, lxw_row_t *counted, int *nc, lxw_row_t *rejected,
                       int *nr)
{
	*nc = *nr = 0;
	for (int i = 0; i < b->nrows; i++) {
		enum summary_status st = summary_status_of(b->rows[i].st);
		if (st == ST_INVALID)
			rejected[(*nr)++] = first + (lxw_row_t)i;
		else if (st != ST_MISSING)
			counted[(*nc)++] = first + (lxw_row_t)i;
	}
}

/* "6 av 6", "5 av 6, varav 1 underkänd". */
static void count_text(const struct summary_year *b, enum lang l, strbuf *out)
{
	struct summary_count c;
	summary_year_count(b, &c);
	sb_printf(out, "%d %s %d", c.received, W_OF[l], c.expected);
	if (c.rejected)
		sb_printf(out, ", %s %d %s", W_OF_WHICH[l], c.rejected, W_REJ_LOWER[l]);
}

static const int OV_FIG_OF[OV_NCOLS] = {[OV_GRANTED] = F_GRANTED, [OV_RECEIVED] = F_RECEIVED,
                                        [OV_CARRIED] = F_CARRIED, [OV_EXPENSES] = F_EXPENSES,
                                        [OV_CLOSING] = F_CLOSING, [OV_FORWARD] = F_FORWARD, [OV_REPAY] = F_REPAY};

/* The year's total row (SUBTOTAL over the counted rows, so a filter never
 * gives a wrong sum) and, when there are rejected statements, a second
 * line with their sum apart. Returns the next free row. */
static lxw_row_t ov_total(struct xlsx_sheet *s, lxw_row_t r, const struct summary_year *b, lxw_row_t first)
{
	struct xw *x = XW(s);
	struct summary_totals t;
	if (summary_year_totals(b, &t))
		xlsx_fail(&x->b, "the %d totals are too large to add exactly; check the statements of %d", b->year, b->year);
	lxw_row_t *cnt = xcalloc((size_t)b->nrows + 1, sizeof *cnt), *rej = xcalloc((size_t)b->nrows + 1, sizeof *rej);
	int nc, nr;
	block_rows(b, first, cnt, &nc, rej, &nr);
	int64_t tot[OV_NCOLS] = {0}, rtot[OV_NCOLS] = {0};
	for (int c = OV_GRANTED; c <= OV_REPAY; c++) {
		tot[c] = c == OV_AVAIL ? t.available : t.fig[OV_FIG_OF[c]];
		rtot[c] = c == OV_AVAIL ? t.rej_available : t.rej_fig[OV_FIG_OF[c]];
	}
	strbuf count = {0};
	count_text(b, x->b.l, &count);
	for (int line = 0; line < (nr ? 2 : 1); line++) {
		const lxw_row_t *rows = line ? rej : cnt;
		int n = line ? nr : nc;
		int64_t *v = line ? rtot : tot;
		xlsx_put_str(s, r, OV_RCC, line ? W_REJECTED_APART[x->b.l] : W_TOTAL[x->b.l], FM_TOT_TEXT);
		xlsx_put_count(s, r, OV_YEAR, b->year, FM_TOT_YEAR);
		for (int c = OV_GRANTED; c <= OV_REPAY; c++)
			xlsx_put_money_subtotal(s, r, (lxw_col_t)c, rows, n, v[c], FM_TOT_MONEY);
		if ((line || t.util_known) && n && v[OV_AVAIL] > 0) {
			char formula[64], exp_cell[16], avail_cell[16];
			lxw_rowcol_to_cell(exp_cell, r, OV_EXPENSES);
			lxw_rowcol_to_cell(avail_cell, r, OV_AVAIL);
			snprintf(formula, sizeof formula, "=%s/%s", exp_cell, avail_cell);
			xlsx_put_formula(s, r, OV_UTIL, formula, xlsx_ratio(v[OV_EXPENSES], v[OV_AVAIL]), FM_TOT_PCT, 9);
		} else {
			xlsx_put_blank(s, r, OV_UTIL, FM_TOT_BLANK);
		}
		if (line)
			xlsx_put_blank(s, r, OV_STATUS, FM_TOT_BLANK);
		else
			xlsx_put_str(s, r, OV_STATUS, count.s, FM_TOT_MID);
		xlsx_put_count_subtotal(s, r, OV_ERRORS, rows, n, line ? t.rej_errors : t.errors, FM_TOT_COUNT);
		xlsx_put_count_subtotal(s, r, OV_WARNINGS, rows, n, line ? t.rej_warnings : t.warnings, FM_TOT_COUNT);
		xlsx_put_blank(s, r, OV_ATTESTED, FM_TOT_BLANK);
		xlsx_put_blank(s, r, OV_RECEIVED_AT, FM_TOT_BLANK);
		r++;
	}
	sb_free(&count);
	free(cnt);
	free(rej);
	return r;
}

static enum xlsx_fmt ov_head_format(int c)
{
	if (c >= OV_GRANTED && c <= OV_UTIL)
		return FM_HEAD_NUM;
	return c == OV_RCC ? FM_HEAD : FM_HEAD_MID;
}

static void write_overview(struct xw *x, struct xlsx_sheet *s)
{
	for (int c = 0; c < OV_NCOLS; c++)
		xlsx_head_as(s, (lxw_col_t)c, OV_HEAD[c][x->b.l], ov_head_format(c));
	lxw_row_t r = s->head + 1;
	for (int y = 0; y < x->m->nyb; y++) {
		const struct summary_year *b = &x->m->yb[y];
		if (!b->nrows)
			continue;
		lxw_row_t first = r;
		for (int i = 0; i < b->nrows; i++)
			ov_row(s, r++, b, &b->rows[i]);
		r = ov_total(s, r, b, first);
	}
	lxw_row_t table_end = s->last;
	/* below the table (outside the filter): years without any statement */
	r = table_end + 2;
	for (int y = 0; y < x->m->nyb; y++)
		if (summary_year_state(&x->m->yb[y]) == YS_NONE) {
			char line[200];
			snprintf(line, sizeof line, x->b.l == LANG_SV ? "Registret har inga redovisningar för %d." :
			         "The register holds no statements for %d.", x->m->yb[y].year);
			xlsx_put_text(s, r++, OV_RCC, line, FM_KEY, 0);
		}
	s->last = table_end;
	xlsx_sheet_finish(s, 1);
}

/* ------------------------------------------------------------------ */
/* Categories and criteria                                              */

static void breakdown_fail(struct xw *x, const struct summary_row *row, int year)
{
	xlsx_fail(&x->b, "the expense totals of %s for %d (%s) are too large to add exactly; correct that statement "
	      "and register it again", row->code, year, row->st && row->st->file_name ? row->st->file_name : "?");
}

/* One RCC's row: a cell per code and the row total; empty without data. */
static void breakdown_row(struct xlsx_sheet *s, lxw_row_t r, const struct summary_year *b, const struct summary_row *row,
                          const struct summary_cols *cols, int by_criterion, int64_t *col_tot, int64_t *grand)
{
	struct xw *x = XW(s);
	xlsx_put_str(s, r, 0, row->label[x->b.l], FM_TEXT);
	xlsx_put_count(s, r, 1, b->year, FM_YEAR);
	enum summary_status status = summary_status_of(row->st);
	if (status == ST_MISSING || status == ST_INVALID)
		put_status(s, r, (lxw_col_t)(3 + cols->n), status);
	if (!row->st || row->st->ntotals == 0)
		return;
	int rej = status == ST_INVALID;
	int64_t scratch[1] = {0}, *tot_of = rej ? NULL : col_tot;
	int64_t row_tot = 0;
	for (int c = 0; c < cols->n; c++) {
		struct money m;
		if (summary_code_sum(cols, c, row->st, by_criterion, &m) || add_ore(&row_tot, m.ore) ||
		    add_ore(tot_of ? &tot_of[c] : &scratch[0], m.ore)) {
			breakdown_fail(x, row, b->year);
			return;
		}
		put_money(s, r, (lxw_col_t)(2 + c), m, rej ? FM_REJ_MONEY : FM_MONEY);
	}
	if (!rej && add_ore(grand, row_tot))
		breakdown_fail(x, row, b->year);
	xlsx_put_money_sum(s, r, (lxw_col_t)(2 + cols->n), r, 2, r, (lxw_col_t)(1 + cols->n), row_tot, FM_EDGE_MONEY);
}

static void breakdown_block(struct xlsx_sheet *s, lxw_row_t *r, const struct summary_year *b, const struct summary_cols *cols,
                            int by_criterion)
{
	int64_t *col_tot = xcalloc((size_t)cols->n + 1, sizeof *col_tot);
	int64_t grand = 0;
	lxw_row_t first = *r;
	for (int i = 0; i < b->nrows; i++)
		breakdown_row(s, (*r)++, b, &b->rows[i], cols, by_criterion, col_tot, &grand);
	lxw_row_t t = (*r)++;
	/* SUBTOTAL over the rows that count (not missing, not rejected) */
	lxw_row_t *cnt = xcalloc((size_t)b->nrows + 1, sizeof *cnt), *rej = xcalloc((size_t)b->nrows + 1, sizeof *rej);
	int nc, nr;
	block_rows(b, first, cnt, &nc, rej, &nr);
	xlsx_put_str(s, t, 0, W_TOTAL[s->book->l], FM_TOT_TEXT);
	xlsx_put_count(s, t, 1, b->year, FM_TOT_YEAR);
	for (int c = 0; c <= cols->n; c++) {
		lxw_col_t col = (lxw_col_t)(2 + c);
		xlsx_put_money_subtotal(s, t, col, cnt, nc, c < cols->n ? col_tot[c] : grand, FM_TOT_MONEY);
	}
	strbuf count = {0};
	count_text(b, s->book->l, &count);
	xlsx_put_str(s, t, (lxw_col_t)(3 + cols->n), count.s, FM_TOT_MID);
	sb_free(&count);
	free(cnt);
	free(rej);
	free(col_tot);
}

/* Kriterier: the narrowest criterion column, in characters (an amount of
 * "9 999 999,99 kr" and a word of about 13 letters in bold) */
#define CRIT_MIN_WIDTH 16

static void write_breakdown(struct xw *x, struct xlsx_sheet *s, const struct summary_cols *cols, int by_criterion)
{
	strbuf *heads = xcalloc((size_t)cols->n, sizeof *heads);
	xlsx_head(s, 0, OV_HEAD[OV_RCC][x->b.l]);
	xlsx_head_mid(s, 1, OV_HEAD[OV_YEAR][x->b.l]);
	for (int c = 0; c < cols->n; c++) {
		/* numbered criteria keep their number: "4.1 Förebyggande ..." */
		const struct summary_col *cs = &cols->c[c];
		if (by_criterion && cs->code && cs->code[0] >= '0' && cs->code[0] <= '9' && strcmp(cs->code, cs->label[x->b.l]) != 0)
			sb_printf(&heads[c], "%s %s", cs->code, cs->label[x->b.l]);
		else
			sb_puts(&heads[c], cs->label[x->b.l]);
		xlsx_head_num(s, (lxw_col_t)(2 + c), heads[c].s);
		xlsx_widen(s, (lxw_col_t)(2 + c), 12);
	}
	xlsx_head_num(s, (lxw_col_t)(2 + cols->n), W_TOTAL[x->b.l]);
	xlsx_head_mid(s, (lxw_col_t)(3 + cols->n), OV_HEAD[OV_STATUS][x->b.l]);
	if (cols->folded) {
		strbuf note = {0};
		if (x->b.l == LANG_SV)
			sb_printf(&note, "%d koder som regeluppsättningen inte har (utöver de %d första) är summerade här.",
			          cols->folded, SUMMARY_MAX_EXTRA_CODES);
		else
			sb_printf(&note, "%d codes that the rule set does not list (beyond the first %d) are added up here.",
			          cols->folded, SUMMARY_MAX_EXTRA_CODES);
		xlsx_note(s, s->head, (lxw_col_t)(1 + cols->n), note.s);
		sb_free(&note);
	}
	lxw_row_t r = s->head + 1;
	for (int y = 0; y < x->m->nyb; y++)
		if (x->m->yb[y].nrows)
			breakdown_block(s, &r, &x->m->yb[y], cols, by_criterion);
	/* the criteria's long titles would set wide columns and print the sheet
	 * smaller than the others: each column is as wide as its amounts and
	 * the title wraps over more lines */
	if (by_criterion)
		for (int c = 0; c < cols->n && 2 + c < s->ncols; c++) {
			double w = s->width[2 + c] + 2, word = xlsx_head_word(s, (lxw_col_t)(2 + c)) * 1.1 + 1;
			w = w > word ? w : word;
			xlsx_fix_width(s, (lxw_col_t)(2 + c), w < CRIT_MIN_WIDTH ? CRIT_MIN_WIDTH : w);
		}
	xlsx_sheet_finish(s, 1);
	for (int c = 0; c < cols->n; c++)
		sb_free(&heads[c]);
	free(heads);
}

/* ------------------------------------------------------------------ */
/* Findings                                                             */

enum fi_col { FI_RCC, FI_YEAR, FI_RULE, FI_TITLE, FI_SEVERITY, FI_MESSAGE, FI_LINE, FI_FILE, FI_ACCEPTED, FI_WHY,
	FI_NCOLS };
static words FI_HEAD[FI_NCOLS] = {L2("RCC", "RCC"),           L2("År", "Year"),
                                  L2("Regel", "Rule"),        L2("Regelns titel", "Rule title"),
                                  L2("Allvarlighetsgrad", "Severity"),
                                  L2("Meddelande", "Message"), L2("Rad", "Line"),
                                  L2("Fil", "File"),
                                  L2("Godtagen (dag, av)", "Accepted (day, by)"),
                                  L2("Motivering", "Justification")};
static words W_SEV_ACCEPTED = L2("Varning, godtagen", "Warning, accepted");

/* The findings sheet: open findings (the header's table, filtered) and,
 * below it in a section of their own, the warnings the officer accepted.
 * Rows above the header: the sheet's title line. */
#define FI_HEAD_ROW 1
/* Rows the accepted section takes besides its findings: a blank row, its
 * title and its heading row. */
#define FI_ACCEPTED_ROWS 3

static void put_severity(struct xlsx_sheet *s, lxw_row_t r, const char *sev)
{
	static const enum xlsx_fmt fmt[3] = {FM_SEV_ERROR, FM_SEV_WARNING, FM_SEV_INFO};
	enum severity v;
	if (sev && severity_parse(sev, &v) == 0)
		xlsx_put_str(s, r, FI_SEVERITY, SEVERITY_NAMES[v][s->book->l], fmt[v]);
	else
		xlsx_put_str(s, r, FI_SEVERITY, sev, FM_TEXT);
}

struct fi_row {
	const char *rcc, *rule, *title, *sev, *msg, *file;
	int year;
	long line;
	const struct regsum_finding *acc; /* an accepted warning: its acceptance */
};

static void finding_row(struct xlsx_sheet *s, lxw_row_t r, const struct fi_row *f)
{
	xlsx_put_str(s, r, FI_RCC, f->rcc, FM_TEXT);
	xlsx_put_count(s, r, FI_YEAR, f->year, FM_YEAR);
	xlsx_put_str(s, r, FI_RULE, f->rule, FM_TEXT);
	xlsx_put_text(s, r, FI_TITLE, f->title ? f->title : "", FM_WRAP, 0);
	if (f->acc)
		xlsx_put_str(s, r, FI_SEVERITY, W_SEV_ACCEPTED[s->book->l], FM_SEV_ACCEPTED);
	else
		put_severity(s, r, f->sev);
	xlsx_put_text(s, r, FI_MESSAGE, f->msg, FM_WRAP, 0);
	if (f->line > 0)
		xlsx_put_count(s, r, FI_LINE, f->line, FM_COUNT);
	xlsx_put_str(s, r, FI_FILE, f->file, FM_TEXT);
	const char *why = NULL;
	if (f->acc) {
		char day[11] = "";
		snprintf(day, sizeof day, "%.10s", f->acc->at ? f->acc->at : "");
		strbuf who = {0};
		sb_printf(&who, "%s%s%s", day, *day && f->acc->by ? ", " : "", f->acc->by ? f->acc->by : "");
		xlsx_put_str(s, r, FI_ACCEPTED, who.s, FM_TEXT);
		sb_free(&who);
		why = f->acc->why;
		xlsx_put_text(s, r, FI_WHY, why, FM_WRAP, 0);
	}
	/* the row's height: the tallest of title, message and justification */
	const lxw_col_t cols[3] = {FI_TITLE, FI_MESSAGE, FI_WHY};
	const char *texts[3] = {f->title, f->msg, why};
	xlsx_fit_row_cells(s, r, 3, cols, texts);
}

/* The register-level findings (G8) about one year: always open. */
static void register_findings(struct xlsx_sheet *s, lxw_row_t *r, int year, long *left)
{
	const struct file_result *rc = XW(s)->in->regchk;
	for (int i = 0; rc && i < rc->nfindings && *left > 0; i++) {
		const struct finding *f = &rc->findings[i];
		if (f->year != year)
			continue;
		--*left;
		struct fi_row row = {W_ALL_RCC[s->book->l], f->rule ? f->rule->id : "?",
		                     f->rule ? f->rule->title[s->book->l] : NULL, severity_name(f->severity),
		                     f->msg[s->book->l], s->book->l == LANG_SV ? "(registret)" : "(the register)", year, 0,
		                     NULL};
		finding_row(s, (*r)++, &row);
	}
}

/* The register-level findings of the summarised years. */
static long register_findings_total(const struct xw *x)
{
	long n = 0;
	const struct file_result *rc = x->in->regchk;
	for (int y = 0; y < x->m->nyb; y++)
		for (int i = 0; rc && i < rc->nfindings; i++)
			n += rc->findings[i].year == x->m->yb[y].year;
	return n;
}

/* A statement's finding as a row of the sheet. */
static void statement_finding(struct xlsx_sheet *s, lxw_row_t r, const struct summary_finding_ref *ref)
{
	enum lang l = s->book->l;
	const struct regsum_finding *f = ref->f;
	const struct rule *ru = ref->b->set && f->rule ? ruleset_rule(ref->b->set, f->rule) : NULL;
	struct fi_row row = {ref->row->label[l], f->rule, ru ? ru->title[l] : NULL, f->severity, f->msg[l],
	                     ref->row->st->file_name, ref->b->year, f->line,
	                     summary_finding_accepted(f) ? f : NULL};
	finding_row(s, r, &row);
}

/* The register's file name, never its path on the officer's machine. */
static const char *db_file_name(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	return slash ? slash + 1 : path ? path : "";
}

/* The closing line when the findings do not fit on the sheet. */
static void findings_more(struct xw *x, struct xlsx_sheet *s, lxw_row_t r, long more, long more_accepted)
{
	strbuf m = {0};
	const char *db = db_file_name(x->in->db_path);
	if (x->b.l == LANG_SV)
		sb_printf(&m, "... och %ld avvikelser till (varav %ld godtagna varningar) som inte ryms på bladet (högst "
		          "%ld rader). Antalen per redovisning visar 'grantcheck list --db %s'; avvikelserna i en fil visar "
		          "'grantcheck check FIL'.", more, more_accepted, x->in->max_rows, db);
	else
		sb_printf(&m, "... and %ld more findings (of which %ld accepted warnings) that do not fit on the sheet "
		          "(at most %ld rows). 'grantcheck list --db %s' shows the counts per statement; 'grantcheck check "
		          "FILE' a file's findings.", more, more_accepted, x->in->max_rows, db);
	xlsx_put_str(s, r, FI_RCC, W_TOTAL[x->b.l], FM_TOT_TEXT);
	xlsx_put_text(s, r, FI_MESSAGE, m.s, FM_WRAP, 0);
	xlsx_fit_row(s, r, FI_MESSAGE, m.s);
	sb_free(&m);
}

static void findings_heads(struct xlsx_sheet *s, lxw_row_t r)
{
	for (int c = 0; c < FI_NCOLS; c++) {
		enum xlsx_fmt f = c == FI_YEAR || c == FI_LINE ? FM_HEAD_MID : FM_HEAD;
		if (r == s->head)
			xlsx_head_as(s, (lxw_col_t)c, FI_HEAD[c][s->book->l], f);
		else
			xlsx_put_text(s, r, (lxw_col_t)c, FI_HEAD[c][s->book->l], f, 0);
	}
}

static void write_findings(struct xw *x, struct xlsx_sheet *s)
{
	enum lang l = x->b.l;
	struct summary_findings fs;
	summary_findings_split(x->m, &fs);
	long nreg = register_findings_total(x), nopen = fs.nopen + nreg;
	strbuf line = {0};
	if (l == LANG_SV)
		sb_printf(&line, "Öppna avvikelser: %ld. Godtagna varningar: %ld%s", nopen, fs.naccepted,
		          fs.naccepted ? ", i ett eget avsnitt under de öppna." : ".");
	else
		sb_printf(&line, "Open findings: %ld. Accepted warnings: %ld%s", nopen, fs.naccepted,
		          fs.naccepted ? ", in a section of their own below the open ones." : ".");
	xlsx_section(s, 0, line.s);
	s->head = FI_HEAD_ROW;
	findings_heads(s, s->head);
	xlsx_fix_width(s, FI_MESSAGE, 70);
	xlsx_fix_width(s, FI_TITLE, 30);
	xlsx_fix_width(s, FI_WHY, 40);
	/* rows below the header: the findings, the accepted section's own rows
	 * (and its "none" line); beyond them a closing line says how many more */
	long capacity = x->in->max_rows - 1 - (long)s->head - FI_ACCEPTED_ROWS - (fs.naccepted == 0) -
	                (nopen == 0);
	long more, left = summary_cap_rows(nopen + fs.naccepted, capacity > 1 ? capacity : 1, &more);
	long shown_accepted = 0;
	lxw_row_t r = s->head + 1;
	/* open: per year the statements' findings, then the register's (G8) */
	long k = 0;
	for (int y = 0; y < x->m->nyb && left > 0; y++) {
		for (; k < fs.nopen && fs.open[k].b == &x->m->yb[y] && left > 0; k++, left--)
			statement_finding(s, r++, &fs.open[k]);
		register_findings(s, &r, x->m->yb[y].year, &left);
	}
	if (r == s->head + 1 && nopen == 0)
		xlsx_put_str(s, r++, FI_RCC, W_NO_FINDINGS[l], FM_TEXT);
	lxw_row_t table_end = s->last;
	/* accepted: outside the filtered table, so filtering or sorting the open
	 * findings never mixes the two */
	r = table_end + 2;
	sb_reset(&line);
	if (l == LANG_SV)
		sb_printf(&line, "Godtagna varningar: %ld – handläggaren har godtagit dem med motivering; de är inte öppna",
		          fs.naccepted);
	else
		sb_printf(&line, "Accepted warnings: %ld – accepted by the officer with a justification; they are not open",
		          fs.naccepted);
	xlsx_section(s, r++, line.s);
	findings_heads(s, r++);
	for (long i = 0; i < fs.naccepted && left > 0; i++, left--, shown_accepted++)
		statement_finding(s, r++, &fs.accepted[i]);
	if (fs.naccepted == 0)
		xlsx_put_str(s, r++, FI_RCC, l == LANG_SV ? "Inga godtagna varningar" : "No accepted warnings", FM_TEXT);
	if (more > 0)
		findings_more(x, s, r, more, fs.naccepted - shown_accepted);
	sb_free(&line);
	summary_findings_free(&fs);
	s->last = table_end;
	xlsx_sheet_finish(s, 0);
}

/* ------------------------------------------------------------------ */
/* Equal shares                                                         */

static words ES_HEAD_FIRST[4] = {L2("År", "Year"), L2("Anslag", "Appropriation"),
                                 L2("Antal RCC", "Number of RCCs"), L2("Lika andel", "Equal share")};
static words ES_HEAD_LAST[3] = {L2("Summa beviljat", "Total granted"),
                                L2("Differens mot anslaget", "Difference from the appropriation"),
                                L2("Bedömning (G8)", "Verdict (G8)")};

/* The G8 verdict of a year: "Inga redovisningar", "Ofullständig – RCC Väst
 * saknas" (grey: a gap, never a green OK), "Stämmer", or "Avviker" with the
 * error findings' messages; not evaluated without an appropriation. */
static enum xlsx_fmt g8_verdict(const struct xw *x, const struct summary_year *b, strbuf *out)
{
	enum lang l = x->b.l;
	enum summary_state state = summary_year_state(b);
	if (state == YS_NONE) {
		sb_puts(out, W_NO_STATEMENTS[l]);
		return FM_GREY;
	}
	const struct file_result *rc = x->in->regchk;
	/* an incomplete year whose statements all grant the equal share is
	 * Ofullständig, whatever severity G8 gives the missing sum */
	int agree = state == YS_INCOMPLETE && b->approp.has;
	struct money share = summary_equal_share(b);
	for (int i = 0; agree && i < b->nrows; i++) {
		const struct regsum_statement *st = b->rows[i].st;
		if (st && (!st->fig[F_GRANTED].has || !share.has || st->fig[F_GRANTED].ore != share.ore))
			agree = 0;
	}
	strbuf errs = {0};
	for (int i = 0; rc && !agree && i < rc->nfindings; i++)
		if (rc->findings[i].year == b->year && rc->findings[i].severity == SEV_ERROR)
			sb_printf(&errs, "\n%s: %s", rc->findings[i].rule ? rc->findings[i].rule->id : "?",
			          rc->findings[i].msg[l]);
	enum xlsx_fmt f;
	if (!b->approp.has) {
		sb_puts(out, W_NOT_EVALUATED[l]);
		f = FM_GREY;
	} else if (errs.len) {
		sb_puts(out, W_VERDICT_BAD[l]);
		sb_puts(out, errs.s);
		f = FM_BAD;
	} else if (state == YS_INCOMPLETE) {
		sb_printf(out, "%s \xE2\x80\x93 ", W_INCOMPLETE[l]);
		int n = 0;
		for (int i = 0; i < b->nrows; i++)
			if (!b->rows[i].st)
				sb_printf(out, "%s%s", n++ ? ", " : "", b->rows[i].label[l]);
		sb_printf(out, " %s", W_MISSING_ONE[l]);
		f = FM_GREY;
	} else {
		sb_puts(out, W_VERDICT_OK[l]);
		f = FM_OK;
	}
	sb_free(&errs);
	return f;
}

static const struct regsum_statement *granted_of(const struct summary_year *b, const char *code)
{
	for (int i = 0; i < b->nrows; i++)
		if (strcmp(b->rows[i].code, code) == 0)
			return b->rows[i].st;
	return NULL;
}

/* 1 when the year's rule set lists the RCC (a missing one gets "Saknas"). */
static int row_listed(const struct summary_year *b, const char *code)
{
	for (int i = 0; i < b->nrows; i++)
		if (strcmp(b->rows[i].code, code) == 0)
			return 1;
	return 0;
}

static void shares_row(struct xlsx_sheet *s, lxw_row_t r, const struct summary_year *b)
{
	struct xw *x = XW(s);
	const struct summary_cols *rc = &x->m->rccs;
	struct money share = summary_equal_share(b);
	xlsx_put_count(s, r, 0, b->year, FM_YEAR);
	put_money(s, r, 1, b->approp, FM_MONEY);
	if (b->rcc_count > 0)
		xlsx_put_count(s, r, 2, b->rcc_count, FM_COUNT);
	put_money(s, r, 3, share, FM_MONEY);
	struct summary_totals t;
	if (summary_year_totals(b, &t))
		xlsx_fail(&x->b, "the granted amounts of %d are too large to add exactly", b->year);
	/* granted over every statement received (a rejected one too: G8 compares them all) */
	int64_t sum = t.granted;
	if (add_ore(&sum, t.rej_fig[F_GRANTED]))
		xlsx_fail(&x->b, "the granted amounts of %d are too large to add exactly", b->year);
	struct summary_count cnt;
	summary_year_count(b, &cnt);
	for (int c = 0; c < rc->n; c++) {
		const struct regsum_statement *st = granted_of(b, rc->c[c].code);
		struct money g = st ? st->fig[F_GRANTED] : (struct money){0, 0};
		if (!st && row_listed(b, rc->c[c].code)) {
			put_status(s, r, (lxw_col_t)(4 + c), ST_MISSING);
			continue;
		}
		put_money(s, r, (lxw_col_t)(4 + c), g,
		          summary_status_of(st) == ST_INVALID ? FM_REJ_MONEY
		          : g.has && share.has && g.ore != share.ore ? FM_MONEY_BAD : FM_MONEY);
	}
	lxw_col_t cs = (lxw_col_t)(4 + rc->n);
	xlsx_put_money_sum(s, r, cs, r, 4, r, (lxw_col_t)(cs - 1), sum, FM_EDGE_MONEY);
	/* the difference over the statements received: against the
	 * appropriation when all are in, else against their equal shares */
	enum summary_state state = summary_year_state(b);
	if (b->approp.has && state == YS_COMPLETE) {
		char formula[64], sum_cell[16], approp_cell[16];
		lxw_rowcol_to_cell(sum_cell, r, cs);
		lxw_rowcol_to_cell(approp_cell, r, 1);
		snprintf(formula, sizeof formula, "=%s-%s", sum_cell, approp_cell);
		int64_t diff = 0;
		if (__builtin_sub_overflow(sum, b->approp.ore, &diff))
			xlsx_fail(&x->b, "the granted amounts of %d are too large to compare exactly", b->year);
		xlsx_put_formula(s, r, cs + 1, formula, xlsx_money_cell(diff), FM_MONEY, xlsx_money_chars(diff));
	} else if (share.has && state == YS_INCOMPLETE) {
		char formula[96], sum_cell[16], share_cell[16];
		lxw_rowcol_to_cell(sum_cell, r, cs);
		lxw_rowcol_to_cell(share_cell, r, 3);
		snprintf(formula, sizeof formula, "=%s-%s*%d", sum_cell, share_cell, cnt.received);
		int64_t expect = 0, diff = 0;
		if (__builtin_mul_overflow(share.ore, (int64_t)cnt.received, &expect) ||
		    __builtin_sub_overflow(sum, expect, &diff))
			xlsx_fail(&x->b, "the granted amounts of %d are too large to compare exactly", b->year);
		xlsx_put_formula(s, r, cs + 1, formula, xlsx_money_cell(diff), FM_MONEY, xlsx_money_chars(diff));
	}
	strbuf v = {0};
	enum xlsx_fmt vf = g8_verdict(x, b, &v);
	xlsx_put_text(s, r, cs + 2, v.s, vf, 0);
	xlsx_fit_row(s, r, cs + 2, v.s);
	sb_free(&v);
}

static void write_shares(struct xw *x, struct xlsx_sheet *s)
{
	const struct summary_cols *rc = &x->m->rccs;
	xlsx_head_mid(s, 0, ES_HEAD_FIRST[0][x->b.l]);
	xlsx_head_num(s, 1, ES_HEAD_FIRST[1][x->b.l]);
	xlsx_head_mid(s, 2, ES_HEAD_FIRST[2][x->b.l]);
	xlsx_head_num(s, 3, ES_HEAD_FIRST[3][x->b.l]);
	for (int c = 0; c < rc->n; c++) {
		xlsx_head_num(s, (lxw_col_t)(4 + c), rc->c[c].label[x->b.l]);
		xlsx_widen(s, (lxw_col_t)(4 + c), 12);
	}
	for (int c = 0; c < 2; c++)
		xlsx_head_num(s, (lxw_col_t)(4 + rc->n + c), ES_HEAD_LAST[c][x->b.l]);
	xlsx_head(s, (lxw_col_t)(6 + rc->n), ES_HEAD_LAST[2][x->b.l]);
	xlsx_fix_width(s, (lxw_col_t)(6 + rc->n), 50);
	lxw_row_t r = s->head + 1;
	for (int y = 0; y < x->m->nyb; y++)
		shares_row(s, r++, &x->m->yb[y]);
	xlsx_sheet_finish(s, 1);
}

/* ------------------------------------------------------------------ */
/* Comparison: each RCC's share of its expenses per category and criterion
 * beside the median of the other RCCs (information, not a finding)       */

enum cm_col { CM_YEAR, CM_RCC, CM_KIND, CM_CODE, CM_SHARE, CM_MEDIAN, CM_DIFF, CM_NCOLS };
static words CM_HEAD[CM_NCOLS] = {L2("År", "Year"), L2("RCC", "RCC"), L2("Slag", "Kind"),
                                  L2("Kod", "Code"), L2("Andel av kostnaderna", "Share of expenses"),
                                  L2("Median övriga RCC", "Median of the other RCCs"),
                                  L2("Skillnad", "Difference")};
static words CM_KINDS[2] = {L2("Kostnadsslag", "Category"), L2("Kriterium", "Criterion")};

static void comparison_rows(struct xlsx_sheet *s, lxw_row_t *r, const struct summary_year *b, int i)
{
	struct xw *x = XW(s);
	enum lang l = x->b.l;
	const struct summary_row *row = &b->rows[i];
	long limit = (long)summary_threshold_pp(b) * SUMMARY_MILLI_PP;
	if (!summary_compared(row)) {
		xlsx_put_count(s, *r, CM_YEAR, b->year, FM_YEAR);
		xlsx_put_str(s, *r, CM_RCC, row->label[l], FM_TEXT);
		put_status(s, *r, CM_KIND, summary_status_of(row->st) == ST_VALID ? ST_MISSING : summary_status_of(row->st));
		xlsx_put_str(s, *r, CM_CODE, l == LANG_SV ? "ingår inte i jämförelsen" : "not in the comparison", FM_REJ_TEXT);
		(*r)++;
		return;
	}
	for (int k = 0; k < 2; k++) {
		const struct summary_cols *cols = k ? &x->m->crits : &x->m->cats;
		for (int c = 0; c < cols->n; c++) {
			struct summary_share sh = summary_share_of(cols, c, row, k);
			struct summary_share med = summary_median_others(b, i, cols, c, k);
			xlsx_put_count(s, *r, CM_YEAR, b->year, FM_YEAR);
			xlsx_put_str(s, *r, CM_RCC, row->label[l], FM_TEXT);
			xlsx_put_str(s, *r, CM_KIND, CM_KINDS[k][l], FM_TEXT);
			strbuf code = {0};
			const struct summary_col *cs = &cols->c[c];
			if (k && cs->code && cs->code[0] >= '0' && cs->code[0] <= '9' && strcmp(cs->code, cs->label[l]) != 0)
				sb_printf(&code, "%s %s", cs->code, cs->label[l]);
			else
				sb_puts(&code, cs->label[l]);
			xlsx_put_str(s, *r, CM_CODE, code.s, FM_TEXT);
			sb_free(&code);
			xlsx_put_num(s, *r, CM_SHARE, xlsx_share_cell(sh.mpp), FM_SHARE, 9);
			if (med.has) {
				int64_t d = sh.mpp - med.mpp;
				xlsx_put_num(s, *r, CM_MEDIAN, xlsx_share_cell(med.mpp), FM_SHARE, 9);
				xlsx_put_num(s, *r, CM_DIFF, (double)d / SUMMARY_MILLI_PP,
				             d > limit || -d > limit ? FM_SHARE_MARK : FM_SHARE_MED, 12);
			}
			(*r)++;
		}
	}
}

static void write_comparison(struct xw *x, struct xlsx_sheet *s)
{
	enum lang l = x->b.l;
	int pp = x->m->nyb ? summary_threshold_pp(&x->m->yb[x->m->nyb - 1]) : SUMMARY_DEFAULT_THRESHOLD_PP;
	char note[400];
	snprintf(note, sizeof note, l == LANG_SV
	         ? "◆ = andelen skiljer sig mer än %d procentenheter (p.e.) från medianen av de övriga RCC:erna samma år. "
	           "Detta är information, inte en avvikelse. Underkända och saknade redovisningar ingår inte."
	         : "◆ = the share differs by more than %d percentage points (pp) from the median of the other RCCs of "
	           "the year. This is information, not a finding. Rejected and missing statements take no part.", pp);
	xlsx_put_text(s, 0, 0, note, FM_KEY, 0);
	s->head = 2;
	for (int c = 0; c < CM_NCOLS; c++)
		xlsx_head_as(s, (lxw_col_t)c, CM_HEAD[c][l], c >= CM_SHARE ? FM_HEAD_NUM : c == CM_YEAR ? FM_HEAD_MID : FM_HEAD);
	lxw_row_t r = s->head + 1;
	for (int y = 0; y < x->m->nyb; y++)
		for (int i = 0; i < x->m->yb[y].nrows; i++)
			comparison_rows(s, &r, &x->m->yb[y], i);
	/* the longest criterion title whole ("6.1 Ledningsfunktion, ... kvalitet"
	 * is longer than an unfixed column may be): the sheet has room */
	if (CM_CODE < s->ncols && s->width[CM_CODE] + 2 > 60)
		xlsx_fix_width(s, CM_CODE, s->width[CM_CODE] + 2 < 100 ? s->width[CM_CODE] + 2 : 100);
	xlsx_sheet_finish(s, 2);
}

/* ------------------------------------------------------------------ */
/* Charts: utilisation per RCC and year against the 100 % line, and per
 * RCC across the years (utilisation, carried forward). Their data is a
 * small table on the sheet; patterns and markers, not colour alone.     */

static void chart_fail(struct xw *x)
{
	xlsx_fail(&x->b, "cannot add a chart to the workbook (out of memory?)");
}

static void write_charts(struct xw *x, struct xlsx_sheet *s)
{
	enum lang l = x->b.l;
	const struct summary_cols *rc = &x->m->rccs;
	int ny = x->m->nyb, n = rc->n;
	/* table: RCC down; per year utilisation, then 100 %, then per year carried forward */
	xlsx_head(s, 0, OV_HEAD[OV_RCC][l]);
	for (int y = 0; y < ny; y++) {
		char h[64];
		snprintf(h, sizeof h, "%s %d", OV_HEAD[OV_UTIL][l], x->m->yb[y].year);
		xlsx_head_num(s, (lxw_col_t)(1 + y), xlsx_keep(s, h));
		snprintf(h, sizeof h, "%s %d", l == LANG_SV ? "Förs över" : "Carried forward", x->m->yb[y].year);
		xlsx_head_num(s, (lxw_col_t)(2 + ny + y), xlsx_keep(s, h));
	}
	xlsx_head_num(s, (lxw_col_t)(1 + ny), "100 %");
	/* the y axis spans the utilisations shown (and 100 %), so that a few
	 * percent of difference is visible */
	double lo = 1.0, hi = 1.0;
	for (int c = 0; c < n; c++) {
		lxw_row_t r = s->head + 1 + (lxw_row_t)c;
		/* a missing or rejected year is an empty grey cell, never text or 0:
		 * a chart plots text as 0; the RCC's label says which year and why */
		strbuf label = {0};
		sb_puts(&label, rc->c[c].label[l]);
		int marked = 0;
		xlsx_put_num(s, r, (lxw_col_t)(1 + ny), 1.0, FM_PCT, 9);
		for (int y = 0; y < ny; y++) {
			const struct summary_year *b = &x->m->yb[y];
			const struct regsum_statement *st = granted_of(b, rc->c[c].code);
			enum summary_status status = summary_status_of(st);
			struct money av = summary_available(st);
			if (status == ST_MISSING || status == ST_INVALID) {
				sb_printf(&label, "%s%d %s", marked ? ", " : " (", b->year,
				          status == ST_MISSING ? W_MISSING_ONE[l] : W_REJ_LOWER[l]);
				marked = 1;
				xlsx_put_blank(s, r, (lxw_col_t)(1 + y), status == ST_MISSING ? FM_ST_MISSING : FM_ST_INVALID);
			} else if (st->fig[F_EXPENSES].has && av.has && av.ore > 0) {
				double u = xlsx_ratio(st->fig[F_EXPENSES].ore, av.ore);
				lo = u < lo ? u : lo;
				hi = u > hi ? u : hi;
				xlsx_put_num(s, r, (lxw_col_t)(1 + y), u, FM_PCT, 9);
			}
			if (st && status != ST_INVALID)
				put_money(s, r, (lxw_col_t)(2 + ny + y), st->fig[F_FORWARD], FM_MONEY);
		}
		if (marked)
			sb_putc(&label, ')');
		xlsx_put_str(s, r, 0, label.s, FM_TEXT);
		sb_free(&label);
	}
	lxw_row_t first = s->head + 1, last = s->head + (lxw_row_t)(n > 0 ? n : 1);
	xlsx_sheet_finish(s, 1);
	/* the table and its three charts print on one page */
	worksheet_fit_to_pages(s->ws, 1, 1);
	if (n == 0 || ny == 0)
		return;
	static const uint8_t patterns[] = {LXW_CHART_PATTERN_DARK_DOWNWARD_DIAGONAL, LXW_CHART_PATTERN_WIDE_UPWARD_DIAGONAL,
	                                   LXW_CHART_PATTERN_LIGHT_VERTICAL, LXW_CHART_PATTERN_SMALL_CHECK,
	                                   LXW_CHART_PATTERN_DARK_HORIZONTAL, LXW_CHART_PATTERN_OUTLINED_DIAMOND};
	static const lxw_color_t fg[] = {0x1F4E79, 0x2E75B6, 0x404040, 0x7F7F7F, 0x000000, 0x595959};
	/* 1: utilisation per RCC and year, columns, with the 100 % line */
	lxw_chart *col = workbook_add_chart(x->b.wb, LXW_CHART_COLUMN);
	if (!col) {
		chart_fail(x);
		return;
	}
	for (int y = 0; y < ny; y++) {
		lxw_chart_series *ser = chart_add_series(col, NULL, NULL);
		if (!ser) {
			chart_fail(x);
			return;
		}
		chart_series_set_categories(ser, s->name, first, 0, last, 0);
		chart_series_set_values(ser, s->name, first, (lxw_col_t)(1 + y), last, (lxw_col_t)(1 + y));
		char name[16];
		snprintf(name, sizeof name, "%d", x->m->yb[y].year);
		chart_series_set_name(ser, xlsx_keep(s, name));
		lxw_chart_pattern pat = {.type = patterns[y % 6], .fg_color = fg[y % 6], .bg_color = LXW_COLOR_WHITE};
		chart_series_set_pattern(ser, &pat);
		lxw_chart_line border = {.color = LXW_COLOR_BLACK, .width = 0.75};
		chart_series_set_line(ser, &border);
	}
	/* the category axis crosses at 100 %: bars above it used more than the
	 * available funds, bars below less */
	chart_axis_set_crossing(col->y_axis, 1.0);
	chart_axis_set_label_position(col->x_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
	lxw_chart_line axis = {.color = LXW_COLOR_BLACK, .width = 2.0};
	chart_axis_set_line(col->x_axis, &axis);
	chart_title_set_name(col, l == LANG_SV ? "Nyttjandegrad per RCC och år (kostnader / disponibla medel), "
	                                      "axeln vid 100 %; ingen stapel: saknas eller underkänd"
	                                    : "Utilisation per RCC and year (expenses / available funds), "
	                                      "axis at 100 %; no bar: missing or rejected");
	chart_axis_set_num_format(col->y_axis, "0 %");
	/* whole 5 % steps around the values: 94-97 % shows as 90-105 %, not 0-120 % */
	chart_axis_set_min(col->y_axis, lo < 0.05 ? 0 : (double)(int)(lo * 20 - 0.5) / 20);
	chart_axis_set_max(col->y_axis, (double)(int)(hi * 20 + 1.5) / 20);
	if (hi - lo < 0.4)
		chart_axis_set_major_unit(col->y_axis, 0.05);
	chart_show_blanks_as(col, LXW_CHART_BLANKS_AS_GAP);
	chart_legend_set_position(col, LXW_CHART_LEGEND_BOTTOM);
	lxw_row_t at = last + 2;
	lxw_chart_options opt = {.x_offset = 0, .y_offset = 5, .x_scale = 2.2, .y_scale = 1.3};
	xlsx_ok(s, worksheet_insert_chart_opt(s->ws, at, 0, col, &opt), at, 0, "inserting a chart");
	/* 2 and 3: per RCC across the years: utilisation and carried forward */
	for (int k = 0; k < 2; k++) {
		lxw_chart *ch = workbook_add_chart(x->b.wb, LXW_CHART_LINE);
		if (!ch) {
			chart_fail(x);
			return;
		}
		static const uint8_t markers[] = {LXW_CHART_MARKER_SQUARE, LXW_CHART_MARKER_DIAMOND,
		                                  LXW_CHART_MARKER_TRIANGLE, LXW_CHART_MARKER_X, LXW_CHART_MARKER_CIRCLE,
		                                  LXW_CHART_MARKER_PLUS};
		static const uint8_t dashes[] = {LXW_CHART_LINE_DASH_SOLID, LXW_CHART_LINE_DASH_DASH,
		                                 LXW_CHART_LINE_DASH_ROUND_DOT, LXW_CHART_LINE_DASH_LONG_DASH,
		                                 LXW_CHART_LINE_DASH_DASH_DOT, LXW_CHART_LINE_DASH_LONG_DASH_DOT_DOT};
		lxw_col_t c0 = (lxw_col_t)(k ? 2 + ny : 1);
		for (int c = 0; c < n; c++) {
			lxw_chart_series *ser = chart_add_series(ch, NULL, NULL);
			if (!ser) {
				chart_fail(x);
				return;
			}
			lxw_row_t r = first + (lxw_row_t)c;
			chart_series_set_categories(ser, s->name, s->head, c0, s->head, (lxw_col_t)(c0 + ny - 1));
			chart_series_set_values(ser, s->name, r, c0, r, (lxw_col_t)(c0 + ny - 1));
			chart_series_set_name_range(ser, s->name, r, 0);
			chart_series_set_marker_type(ser, markers[c % 6]);
			chart_series_set_marker_size(ser, 7);
			lxw_chart_line ln = {.color = fg[c % 6], .width = 1.5, .dash_type = dashes[c % 6]};
			chart_series_set_line(ser, &ln);
		}
		chart_title_set_name(ch, k ? (l == LANG_SV ? "Förs över till nästa år, per RCC" : "Carried forward to the next year, per RCC")
		                           : (l == LANG_SV ? "Nyttjandegrad per RCC över åren" : "Utilisation per RCC over the years"));
		chart_axis_set_num_format(ch->y_axis, k ? (l == LANG_SV ? "#,##0 \"kr\"" : "\"SEK \"#,##0") : "0 %");
		chart_legend_set_position(ch, LXW_CHART_LEGEND_RIGHT);
		/* a missing or rejected year is a gap in the line, not a fall to 0 */
		chart_show_blanks_as(ch, LXW_CHART_BLANKS_AS_GAP);
		lxw_chart_options o2 = {.x_offset = k ? 520 : 0, .y_offset = 5, .x_scale = 1.1, .y_scale = 1.2};
		lxw_row_t at2 = at + 22;
		xlsx_ok(s, worksheet_insert_chart_opt(s->ws, at2, 0, ch, &o2), at2, 0, "inserting a chart");
	}
}

/* ------------------------------------------------------------------ */
/* About                                                                */

enum ab_col { AB_RCC, AB_YEAR, AB_FILE, AB_SHA, AB_RECEIVED, AB_RULESET, AB_NCOLS };
static words AB_HEAD[AB_NCOLS] = {L2("RCC", "RCC"),         L2("År", "Year"),
                                  L2("Fil", "File"),        L2("SHA-256", "SHA-256"),
                                  L2("Inkommen (UTC)", "Received (UTC)"),
                                  L2("Regeluppsättning", "Rule set")};

static void about_pair(struct xlsx_sheet *s, lxw_row_t r, const char *key, const char *value)
{
	xlsx_put_str(s, r, 0, key, FM_KEY);
	xlsx_put_text(s, r, 1, value, FM_TEXT, 0); /* runs on over the empty cells to its right */
}

static int seen_pair(const struct summary *m, int upto, const struct regsum_statement *st)
{
	for (int i = 0; i < upto; i++)
		if (m->st.st[i].ruleset && strcmp(m->st.st[i].ruleset, st->ruleset) == 0 && m->st.st[i].checksum &&
		    st->checksum && strcmp(m->st.st[i].checksum, st->checksum) == 0)
			return 1;
	return 0;
}

/* One line per rule set (id and checksum) the statements were judged by. */
static void about_rulesets(struct xlsx_sheet *s, lxw_row_t *r)
{
	struct xw *x = XW(s);
	const char *key = x->b.l == LANG_SV ? "Regeluppsättning" : "Rule set";
	for (int i = 0; i < x->m->st.n; i++) {
		const struct regsum_statement *st = &x->m->st.st[i];
		if (!st->ruleset || !st->checksum || seen_pair(x->m, i, st))
			continue;
		const struct ruleset *set = rulesets_find(x->in->sets, st->ruleset);
		strbuf v = {0};
		sb_printf(&v, "%s", st->ruleset);
		if (set)
			sb_printf(&v, " (%s)", set->title[x->b.l]);
		sb_printf(&v, ", %s %s", x->b.l == LANG_SV ? "kontrollsumma" : "checksum", st->checksum);
		/* the ministry needs the rule set the statements were judged by; a
		 * newer one installed since is worth a word, "the same" is not */
		if (set && strcmp(set->checksum, st->checksum) != 0)
			sb_printf(&v, x->b.l == LANG_SV ? " (regeluppsättningen har ändrats sedan: nu kontrollsumma %s)"
			                              : " (the rule set has changed since: now checksum %s)", set->checksum);
		about_pair(s, (*r)++, key, v.s);
		sb_free(&v);
	}
}

static void about_statement(struct xlsx_sheet *s, lxw_row_t r, const struct summary_year *b, const struct summary_row *row)
{
	const struct regsum_statement *st = row->st;
	xlsx_put_str(s, r, AB_RCC, row->label[s->book->l], FM_TEXT);
	xlsx_put_count(s, r, AB_YEAR, b->year, FM_YEAR);
	xlsx_put_str(s, r, AB_FILE, st->file_name, FM_TEXT);
	xlsx_put_str(s, r, AB_SHA, st->sha256, FM_TEXT);
	xlsx_put_stamp(s, r, AB_RECEIVED, st->received_at, 1);
	xlsx_put_str(s, r, AB_RULESET, st->ruleset, FM_TEXT);
}

/* "register.db, skapat 2026-12-01 09:00 UTC; senaste händelse #23 ...":
 * the register's file name and what identifies its state, never the path
 * on the officer's machine (the workbook goes to the ministry). */
static void about_register(const struct xw *x, strbuf *out)
{
	int sv = x->b.l == LANG_SV;
	const struct regsum_register *g = x->in->reg;
	sb_puts(out, db_file_name(x->in->db_path));
	if (!g)
		return;
	if (g->created_at)
		sb_printf(out, sv ? ", skapat %.10s %.5s UTC" : ", created %.10s %.5s UTC", g->created_at,
		          strlen(g->created_at) >= 16 ? g->created_at + 11 : "");
	if (g->last_event && g->last_event_at)
		sb_printf(out, sv ? "; senaste händelse #%lld, %.10s %.5s UTC" : "; last event #%lld, %.10s %.5s UTC",
		          g->last_event, g->last_event_at, strlen(g->last_event_at) >= 16 ? g->last_event_at + 11 : "");
	sb_printf(out, sv ? "; %lld inlämningar" : "; %lld submissions", g->submissions);
}

static void write_about(struct xw *x, struct xlsx_sheet *s)
{
	int sv = x->b.l == LANG_SV;
	lxw_row_t r = 0;
	xlsx_put_text(s, r++, 0, sv ? "Om rapporten" : "About this report", FM_TITLE, 0);
	r++;
	about_pair(s, r++, sv ? "Skapad" : "Created", x->b.created);
	about_pair(s, r++, sv ? "Skapad av" : "Made by", "grantcheck " GRANTCHECK_VERSION);
	strbuf reg = {0};
	about_register(x, &reg);
	about_pair(s, r++, sv ? "Register" : "Register", reg.s);
	sb_free(&reg);
	about_pair(s, r++, sv ? "År" : "Years", x->b.years);
	about_rulesets(s, &r);
	r++;
	s->head = r;
	for (int c = 0; c < AB_NCOLS; c++) {
		if (c == AB_YEAR || c == AB_RECEIVED)
			xlsx_head_mid(s, (lxw_col_t)c, AB_HEAD[c][x->b.l]);
		else
			xlsx_head(s, (lxw_col_t)c, AB_HEAD[c][x->b.l]);
	}
	xlsx_fix_width(s, AB_SHA, 72); /* 64 hex digits are wider than 64 "0" widths */
	r++;
	for (int y = 0; y < x->m->nyb; y++)
		for (int i = 0; i < x->m->yb[y].nrows; i++)
			if (x->m->yb[y].rows[i].st)
				about_statement(s, r++, &x->m->yb[y], &x->m->yb[y].rows[i]);
	if (r == s->head + 1)
		xlsx_put_str(s, r, AB_RCC, W_NO_STATEMENTS[x->b.l], FM_TEXT);
	xlsx_sheet_finish(s, 0);
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
		sb_printf(&subject, "%s; %s %s", set->title[x->b.l], x->b.l == LANG_SV ? "år" : "years", x->b.years);
	else
		sb_puts(&subject, x->b.years);
	lxw_doc_properties p = {0};
	p.title = (char *)W_TITLE[x->b.l];
	p.subject = subject.s;
	p.author = (char *)"grantcheck " GRANTCHECK_VERSION;
	p.company = (char *)W_COMPANY[x->b.l];
	p.keywords = (char *)W_KEYWORDS[x->b.l];
	p.comments = (char *)W_COMMENTS[x->b.l];
	p.created = x->in->now;
	lxw_error e = workbook_set_properties(x->b.wb, &p);
	if (e != LXW_NO_ERROR)
		xlsx_fail(&x->b, "cannot set the document properties: %s", lxw_strerror(e));
	sb_free(&subject);
}

typedef void (*sheet_writer)(struct xw *x, struct xlsx_sheet *s);

static void write_categories(struct xw *x, struct xlsx_sheet *s)
{
	write_breakdown(x, s, &x->m->cats, 0);
}

static void write_criteria(struct xw *x, struct xlsx_sheet *s)
{
	write_breakdown(x, s, &x->m->crits, 1);
}

static void write_sheets(struct xw *x)
{
	static const sheet_writer writers[SH_COUNT] = {write_overview,   write_charts,   write_categories,
	                                               write_criteria,   write_comparison, write_findings,
	                                               write_shares,     write_about};
	for (int i = 0; i < SH_COUNT && !x->b.failed; i++) {
		struct xlsx_sheet s;
		if (xlsx_sheet_open(&x->b, &s, SHEET_NAMES[i][x->b.l], 0) == 0) {
			writers[i](x, &s);
			if (i == SH_OVERVIEW)
				worksheet_activate(s.ws);
		}
		xlsx_sheet_close(&s);
	}
}

int xlsx_write_summary(const struct summary_input *in, const char *path, const char *shown, strbuf *err)
{
	struct xw x = {.b = {.l = in->lang, .title = W_TITLE[in->lang]}, .in = in, .m = in->m};
	struct tm tm;
	if (!localtime_r(&in->now, &tm) || strftime(x.b.created, sizeof x.b.created, "%Y-%m-%d %H:%M", &tm) != 16)
		snprintf(x.b.created, sizeof x.b.created, "1970-01-01 00:00");
	years_text(in, x.b.years, sizeof x.b.years);
	x.b.wb = workbook_new(path);
	if (!x.b.wb) {
		sb_printf(err, "%s: cannot start the workbook (libxlsxwriter could not create it; out of memory or "
		          "no temporary space?)", shown);
		return -1;
	}
	set_properties(&x);
	if (!x.b.failed && xlsx_make_formats(&x.b) == 0)
		write_sheets(&x);
	errno = 0;
	lxw_error e = workbook_close(x.b.wb); /* frees the workbook in every case */
	int close_errno = errno;
	int rc = 0;
	if (x.b.failed) {
		sb_printf(err, "%s: cannot write the workbook: %s", shown, x.b.why.s);
		rc = -1;
	} else if (e != LXW_NO_ERROR) {
		sb_printf(err, "%s: cannot write the workbook: %s%s%s%s; check the free space and that the folder is "
		          "writable", shown, lxw_strerror(e), close_errno ? " (" : "", close_errno ? strerror(close_errno) : "",
		          close_errno ? ")" : "");
		rc = -1;
	}
	sb_free(&x.b.why);
	return rc;
}
