/*
 * cmd_summary.c - `grantcheck summary`: the Excel workbook for the ministry
 * (summary-workbook.md).
 *
 * Opens the register (it must exist) and the rule sets, chooses the years
 * (--year, repeatable; default every year with a current statement), runs
 * the register-level rules (G8, equal shares) and hands everything to the
 * workbook writer (out_xlsx.c), which writes OUT through a temporary file.
 * Exit status 0 when the workbook was written, 2 when it could not be.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "out_xlsx.h"
#include "register.h"

struct summary_opts {
	const char *out;
	enum lang lang;
	int *years;
	int nyears;
};

static void summary_opts_from(const struct cmd_ctx *c, struct summary_opts *o)
{
	memset(o, 0, sizeof *o);
	o->out = c->args.val[OPT_OUTPUT];
	/* the ministry's workbook is Swedish unless asked (summary-workbook.md) */
	o->lang = c->args.given[OPT_LANG] ? c->lang : LANG_SV;
	for (int i = 0; i < c->args.nmany[OPT_YEAR]; i++) {
		o->years = xrealloc(o->years, sizeof *o->years * (size_t)(o->nyears + 1));
		o->years[o->nyears++] = cli_year(c->args.many[OPT_YEAR][i]);
	}
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Sorts and removes duplicates. */
static void sort_years(int *years, int *n)
{
	qsort(years, (size_t)*n, sizeof *years, cmp_int);
	int k = 0;
	for (int i = 0; i < *n; i++)
		if (k == 0 || years[k - 1] != years[i])
			years[k++] = years[i];
	*n = k;
}

/* The years of the register's current statements, ascending. */
static int register_years(const struct reg *r, int **years, int *n, strbuf *err)
{
	sqlite3_stmt *q = NULL;
	*years = NULL;
	*n = 0;
	int rc = sqlite3_prepare_v2(r->db, "SELECT DISTINCT year FROM submission WHERE current = 1"
	                                   " AND year IS NOT NULL AND rcc IS NOT NULL ORDER BY year", -1, &q, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		*years = xrealloc(*years, sizeof **years * (size_t)(*n + 1));
		(*years)[(*n)++] = sqlite3_column_int(q, 0);
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_DONE)
		sb_printf(err, "%s: cannot read the register's statements: %s; check that it is a grantcheck register",
		          r->path, sqlite3_errmsg(r->db));
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int rulesets_know(const struct rulesets *sets, int year)
{
	for (int s = 0; s < sets->n; s++)
		for (int y = 0; y < sets->sets[s].nyears; y++)
			if (sets->sets[s].years[y].year == year)
				return 1;
	return 0;
}

static int has_year(const int *years, int n, int year)
{
	for (int i = 0; i < n; i++)
		if (years[i] == year)
			return 1;
	return 0;
}

/* The years to summarise: those asked for (each must be in the register or
 * in a rule set), else every year of the register. */
static int choose_years(const struct reg *r, const struct engine *e, struct summary_opts *o, strbuf *err)
{
	int *have, nhave;
	if (register_years(r, &have, &nhave, err))
		return -1;
	int rc = 0;
	for (int i = 0; i < o->nyears; i++)
		if (!has_year(have, nhave, o->years[i]) && !rulesets_know(engine_rulesets(e), o->years[i])) {
			sb_printf(err, "%s: no statement for %d in the register, and no installed rule set has that year; "
			          "check --year", r->path, o->years[i]);
			rc = -1;
			break;
		}
	if (!o->nyears && !nhave) {
		sb_printf(err, "%s: the register holds no statement to summarise; register the statements first "
		          "with 'grantcheck register --db %s FILE...'", r->path, r->path);
		rc = -1;
	} else if (!o->nyears) {
		o->years = have;
		o->nyears = nhave;
		have = NULL;
	}
	free(have);
	sort_years(o->years, &o->nyears);
	return rc;
}

static void print_done(const char *out, const int *years, int n)
{
	printf("grantcheck summary: wrote %s (", out);
	for (int i = 0; i < n; i++)
		printf("%s%d", i ? ", " : "", years[i]);
	printf(")\n");
}

/* One read transaction around everything the summary reads, so the years,
 * the G8 verdicts and the sheets all see the same register even while an
 * officer registers statements at the same time. */
static int begin_snapshot(struct reg *r, strbuf *err)
{
	if (sqlite3_exec(r->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	sb_printf(err, "%s: cannot read the register: %s", r->path, sqlite3_errmsg(r->db));
	return -1;
}

/* Runs G8 over the register and writes the workbook. */
static int run(struct reg *reg, struct engine *e, struct summary_opts *o, strbuf *err)
{
	struct file_result regchk;
	int rc = -1;
	memset(&regchk, 0, sizeof regchk);
	if (begin_snapshot(reg, err))
		goto close_all;
	if (choose_years(reg, e, o, err) || reg_check_register(reg, e, &regchk, err))
		goto end_snapshot;
	struct summary_input in = {reg->db, reg->path, engine_rulesets(e), &regchk, o->years, o->nyears, o->lang, time(NULL)};
	if (xlsx_write_summary(&in, o->out, err) == 0) {
		print_done(o->out, o->years, o->nyears);
		rc = 0;
	}
end_snapshot:
	sqlite3_exec(reg->db, "ROLLBACK", NULL, NULL, NULL); /* nothing was written */
close_all:
	file_result_free(&regchk);
	return rc;
}

int cmd_summary(struct cmd_ctx *c)
{
	struct summary_opts o;
	summary_opts_from(c, &o);
	int rc = run(c->reg, c->engine, &o, &c->err) ? EXIT_TROUBLE : EXIT_VALID;
	free(o.years);
	return rc;
}
