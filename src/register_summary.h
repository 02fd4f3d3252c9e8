/*
 * register_summary.h - what the summary reads from the register, as plain
 * structs (summary-workbook.md).
 *
 * Every SQL statement of the summary path lives in register_summary.c:
 * the years of the current statements, and for the chosen years each
 * current statement with its figures, expense totals and findings (an
 * accepted warning with its acceptance), and what identifies the register
 * itself. The
 * summary model (summary.c) and the workbook (out_xlsx*.c, xlsx_cells.c)
 * never see SQLite. Reads happen inside one read transaction
 * (reg_read_begin/reg_read_end, register.h) so everything the summary
 * shows comes from the same moment of the register, even while others
 * register statements.
 */
#ifndef GC_REGISTER_SUMMARY_H
#define GC_REGISTER_SUMMARY_H

#include <stdint.h>

#include "lang.h"
#include "register.h"
#include "util.h"

/* An amount in öre that a statement may not give (has = 0). */
struct money {
	int has;
	int64_t ore;
};

/* The figures the summary shows, by their field names in the register. */
enum regsum_fig { F_GRANTED, F_RECEIVED, F_CARRIED, F_EXPENSES, F_CLOSING, F_FORWARD, F_REPAY, F_COUNT };

/* One expense total: category and criterion are "" when the register has none. */
struct regsum_total {
	char *category, *criterion;
	int64_t ore;
};

struct regsum_finding {
	char *rule, *severity, *msg[LANG_COUNT];
	long line; /* 0: about the file as a whole */
	/* a warning the officer accepted (register_findings.h: the newest
	 * acceptance of its fingerprint): the justification, who and when
	 * (UTC); why NULL: not accepted */
	char *why, *by, *at;
};

/* The register itself as the About sheet names it: never its path on the
 * officer's machine, only what identifies its state. Strings may be NULL. */
struct regsum_register {
	char *created_at;    /* meta created_at (UTC) */
	long long last_event; /* the newest event's id, 0: none */
	char *last_event_at; /* and its time (UTC) */
	long long submissions; /* every submission ever recorded (withdrawn and replaced too) */
};

/* One current statement. Strings may be NULL except rcc. */
struct regsum_statement {
	long long id;
	int year;
	char *rcc, *file_name, *sha256, *received_at, *ruleset, *checksum, *status, *attested;
	long errors, warnings;
	struct money fig[F_COUNT];
	struct regsum_total *totals;
	int ntotals;
	struct regsum_finding *findings;
	int nfindings;
};

struct regsum_statements {
	struct regsum_statement *st; /* ordered by year, rcc, id */
	int n;
};

/* The years of the register's current statements, ascending and distinct;
 * *years is malloc'ed (NULL when none). */
int regsum_years(const struct reg *r, int **years, int *n, strbuf *err);

/* The current statements of the given years (any order), with figures,
 * totals and findings. On failure out is empty (regsum_free accepts it). */
int regsum_load(const struct reg *r, const int *years, int nyears, struct regsum_statements *out, strbuf *err);
void regsum_free(struct regsum_statements *s);

/* What identifies the register's state (struct regsum_register); free
 * with regsum_register_free. */
int regsum_register_info(const struct reg *r, struct regsum_register *out, strbuf *err);
void regsum_register_free(struct regsum_register *info);

/* Frees one statement's strings and arrays (for hand-built statements in
 * tests as well). */
void regsum_statement_free(struct regsum_statement *s);

#endif
