/*
 * summary.h - the summary MODEL (summary-workbook.md): what the workbook
 * shows, built from the register's plain structs (register_summary.h) and
 * the installed rule sets, without libxlsxwriter or SQLite.
 *
 * Per chosen year a block of rows along the rule set's RCC list (an RCC
 * without a current statement is a "missing" row; statements of RCCs the
 * rule set does not list still show), the columns of the category and
 * criterion sheets (the rule sets' codes, then codes only the statements
 * use: at most SUMMARY_MAX_EXTRA_CODES of those, the rest folded into one
 * "other codes" column so a hostile statement cannot push the sheet past
 * Excel's 16 384 columns), the RCC columns of the equal-shares sheet, and
 * the arithmetic: year totals, available funds, equal shares, statuses,
 * and the findings split into open ones and accepted warnings.
 * Money is integer öre, additions are overflow checked.
 */
#ifndef GC_SUMMARY_H
#define GC_SUMMARY_H

#include <stdint.h>

#include "lang.h"
#include "register_summary.h"
#include "ruleset.h"

/* Codes only the statements use (not the rule set) that get a column of
 * their own; further ones share the "other codes" column. */
#define SUMMARY_MAX_EXTRA_CODES 50

enum summary_status { ST_VALID, ST_WARNINGS, ST_INVALID, ST_MISSING, ST_COUNT };

struct summary_row {
	const char *code;
	const char *label[LANG_COUNT];
	const struct regsum_statement *st; /* NULL: no current statement (missing) */
};

struct summary_year {
	int year;
	const struct ruleset *set; /* NULL: no installed rule set knows the year */
	struct money approp;
	int rcc_count; /* 0: unknown */
	struct summary_row *rows;
	int nrows;
};

struct summary_col {
	const char *code; /* NULL for the "other codes" column */
	const char *label[LANG_COUNT];
};

struct summary_cols {
	struct summary_col *c;
	int n;
	int folded; /* distinct codes in the "other codes" column (the last), 0: no such column */
};

struct summary {
	struct regsum_statements st; /* owned */
	struct summary_year *yb;
	int nyb;
	struct summary_cols cats, crits, rccs;
};

/* Builds the model for the given years (ascending, distinct) and takes
 * over st (left empty). Never fails (only out of memory, which exits). */
void summary_build(struct summary *m, struct regsum_statements *st, const struct rulesets *sets, const int *years,
                   int nyears);
void summary_free(struct summary *m);

/* The rule set a year is judged by: the one its statements name, else an
 * installed one whose programme has the year; NULL if none. */
const struct ruleset *summary_set_for_year(const struct regsum_statements *st, const struct rulesets *sets,
                                           int year);

enum summary_status summary_status_of(const struct regsum_statement *st);

/* Carried over + received; has = 0 when either is missing or on overflow. */
struct money summary_available(const struct regsum_statement *st);

/* The sum of a statement's expense totals in column col of cols (the
 * "other codes" column: every code without a column of its own); has = 0
 * when the statement has no expense line in the column (an empty cell,
 * not "0,00 kr"). -1 on overflow. */
int summary_code_sum(const struct summary_cols *cols, int col, const struct regsum_statement *st, int by_criterion,
                     struct money *out);

/* Appropriation / number of RCCs, in whole öre (rounded down); has = 0 when
 * either is unknown. */
struct money summary_equal_share(const struct summary_year *b);

/* How complete a year is: every RCC in (complete), some missing
 * (incomplete), none at all. */
enum summary_state { YS_COMPLETE, YS_INCOMPLETE, YS_NONE };

struct summary_count {
	int expected; /* the rule set's rcc_count, else the rows listed */
	int received; /* rows with a current statement */
	int rejected; /* of those, status Underkänd (invalid) */
	int missing;  /* rows without a statement */
};

void summary_year_count(const struct summary_year *b, struct summary_count *c);
enum summary_state summary_year_state(const struct summary_year *b);

struct summary_totals {
	int64_t fig[F_COUNT];  /* sum of the figure over the counted statements that give it */
	int64_t available;     /* sum of summary_available over those that have it */
	int64_t granted;       /* = fig[F_GRANTED] */
	long errors, warnings;
	int util_known;        /* every counted statement has both expenses and available funds */
	/* the rejected (invalid) statements, apart: never in the figures above */
	int64_t rej_fig[F_COUNT], rej_available;
	long rej_errors, rej_warnings;
	int nrejected;
};

/* The totals of a year block, rejected statements apart; -1 when a sum
 * overflows int64 öre. */
int summary_year_totals(const struct summary_year *b, struct summary_totals *t);

/* The comparison sheet (Jämförelse): shares of a statement's expenses in
 * thousandths of a percentage point (integer: 15 pp = 15000). */
#define SUMMARY_MILLI_PP 1000
#define SUMMARY_DEFAULT_THRESHOLD_PP 15

struct summary_share {
	int has;
	int64_t mpp; /* thousandths of a percentage point */
};

/* 1 when a row takes part in the comparison: a statement that is not
 * rejected and has expense lines adding up to more than zero. */
int summary_compared(const struct summary_row *row);
/* A row's share of its expenses in column col (rounded half away from 0). */
struct summary_share summary_share_of(const struct summary_cols *cols, int col, const struct summary_row *row,
                                      int by_criterion);
/* The median share of the other compared rows of the block (even count:
 * the mean of the two middle ones); has = 0 when there is no other. */
struct summary_share summary_median_others(const struct summary_year *b, int row, const struct summary_cols *cols,
                                           int col, int by_criterion);
/* The rule set's comparison_threshold_pp (whole percentage points), else
 * SUMMARY_DEFAULT_THRESHOLD_PP. */
int summary_threshold_pp(const struct summary_year *b);

/* The findings sheet (Avvikelser): the current statements' findings in
 * two sections, so an accepted warning is never read as an open one. */
struct summary_finding_ref {
	const struct summary_year *b;
	const struct summary_row *row;
	const struct regsum_finding *f;
};

struct summary_findings {
	struct summary_finding_ref *open;     /* errors, infos and warnings nobody accepted */
	long nopen;
	struct summary_finding_ref *accepted; /* warnings the officer accepted, with why, by, at */
	long naccepted;
};

/* 1 for a warning with an acceptance; an error or info is always open
 * (accept refuses them), whatever the register holds. */
int summary_finding_accepted(const struct regsum_finding *f);
/* The findings of every row of every year block, in year, row and finding
 * order, split into open and accepted; free with summary_findings_free. */
void summary_findings_split(const struct summary *m, struct summary_findings *out);
void summary_findings_free(struct summary_findings *fs);

/* Rows for a list of total items when a sheet holds at most capacity
 * rows for it: all of them, or capacity - 1 and one closing line that
 * says how many more there are (*more). */
long summary_cap_rows(long total, long capacity, long *more);

#endif
