/*
 * out_xlsx.h - the Excel summary workbook for the ministry
 * (summary-workbook.md), written with libxlsxwriter.
 *
 * The writer takes the summary model (summary.h: the register's current
 * statements per year along the rule set's list of RCCs, an RCC without a
 * statement as a "missing" row) and writes eight sheets: overview,
 * charts, expense categories, criteria, comparison, findings (open ones and
 * the officer's accepted warnings apart), equal shares (with the G8 verdict
 * per year) and about (the register by file name: no local path goes to
 * the ministry). Money stays integer öre until the moment a value is
 * handed to libxlsxwriter; every total is a =SUM formula written together
 * with its value computed in C, so readers that do not recalculate show the
 * same figures as those that do.
 *
 * The caller (cmd_summary.c) has it written to a temporary file beside OUT
 * that atomic.c renames into place only when libxlsxwriter reported no
 * error, so OUT is never half written.
 */
#ifndef GC_OUT_XLSX_H
#define GC_OUT_XLSX_H

#include <time.h>

#include "engine.h"
#include "lang.h"
#include "ruleset.h"
#include "summary.h"
#include "util.h"

struct summary_input {
	const struct summary *m;          /* the model: year blocks, columns, statements */
	const char *db_path;              /* as given: only its file name is written (never a local path) */
	const struct rulesets *sets;      /* the installed rule sets */
	const struct file_result *regchk; /* register-level findings (G8), finding.year set */
	const int *years;                 /* the years summarised: ascending, distinct */
	int nyears;
	enum lang lang;
	time_t now;                       /* when the summary is made */
	long max_rows;                    /* rows of a sheet: XLSX_MAX_ROWS (smaller in tests) */
	const struct regsum_register *reg; /* what identifies the register's state, for About; NULL: unknown */
};

/*
 * Writes the workbook to path (the temporary file of atomic.h; shown names
 * the output in messages). Returns 0, or -1 with "what, where, what to do"
 * in err.
 */
int xlsx_write_summary(const struct summary_input *in, const char *path, const char *shown, strbuf *err);

#endif
