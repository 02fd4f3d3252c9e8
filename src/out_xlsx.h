/*
 * out_xlsx.h - the Excel summary workbook for the ministry
 * (summary-workbook.md), written with libxlsxwriter.
 *
 * The writer reads the register's current statements with plain SELECTs,
 * arranges them per year along the rule set's list of RCCs (an RCC without
 * a statement gets a "missing" row) and writes six sheets: overview,
 * expense categories, criteria, findings, equal shares (with the G8 verdict
 * per year) and about. Money stays integer öre until the moment a value is
 * handed to libxlsxwriter; every total is a =SUM formula written together
 * with its value computed in C, so readers that do not recalculate show the
 * same figures as those that do.
 *
 * The workbook goes to a temporary file beside OUT and is renamed into place
 * only when libxlsxwriter reported no error, so OUT is never half written.
 */
#ifndef GC_OUT_XLSX_H
#define GC_OUT_XLSX_H

#include <sqlite3.h>
#include <time.h>

#include "engine.h"
#include "lang.h"
#include "ruleset.h"
#include "util.h"

struct summary_input {
	sqlite3 *db;                      /* the register; only read */
	const char *db_path;              /* as given, for the About sheet */
	const struct rulesets *sets;      /* the installed rule sets */
	const struct file_result *regchk; /* register-level findings (G8), finding.year set */
	const int *years;                 /* the years to summarise: ascending, distinct */
	int nyears;
	enum lang lang;
	time_t now;                       /* when the summary is made */
};

/*
 * Writes the workbook to out. Returns 0, or -1 with "what, where, what to
 * do" in err; on failure nothing is left at out or as a temporary file (a
 * file already at out stays as it was).
 */
int xlsx_write_summary(const struct summary_input *in, const char *out, strbuf *err);

#endif
