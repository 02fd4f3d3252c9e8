/*
 * cmd_summary.c - `grantcheck summary`: the Excel workbook for the ministry
 * (summary-workbook.md).
 *
 * Opens the register (it must exist) and the rule sets, chooses the years
 * (--year, repeatable; default every year with a current statement), runs
 * the register-level rules (G8, equal shares), reads the statements
 * (register_summary.c), builds the model (summary.c) and has the workbook
 * (out_xlsx.c) written to a temporary file that atomic.c renames to OUT;
 * OUT is never the register or one of its companion files.
 * Exit status 0 when the workbook was written, 2 when it could not be.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "atomic.h"
#include "fault.h"
#include "out_xlsx.h"
#include "register.h"
#include "register_summary.h"
#include "summary.h"
#include "xlsx_cells.h"

struct summary_opts {
	char *out;
	const char *given; /* -o as given, before ".xlsx" was appended */
	enum lang lang; /* of the workbook */
	enum lang msg;  /* of the messages on the terminal: --lang or the locale */
	int *years;
	int nyears;
};

/* OUT whose file name has no extension ("-o sammanstallning") gets ".xlsx"
 * appended: Excel refuses to open a workbook whose name does not end so. A
 * name with an extension is used as given, so "-o reg.db" is checked (and
 * refused) as the register it names, never quietly turned into another
 * file. NULL: no -o. */
static char *out_name(const char *out)
{
	if (!out)
		return NULL;
	size_t n = strlen(out);
	const char *base = strrchr(out, '/');
	base = base ? base + 1 : out;
	if (strchr(base, '.'))
		return xstrdup(out);
	struct stat sb;
	if (n == 0 || out[n - 1] == '/' || (stat(out, &sb) == 0 && S_ISDIR(sb.st_mode)))
		return xstrdup(out); /* a folder: refused later with its own message */
	char *s = xmalloc(n + 6);
	memcpy(s, out, n);
	memcpy(s + n, ".xlsx", 6);
	return s;
}

static void summary_opts_from(const struct cmd_ctx *c, struct summary_opts *o)
{
	memset(o, 0, sizeof *o);
	o->out = out_name(c->args.val[OPT_OUTPUT]);
	o->given = c->args.val[OPT_OUTPUT];
	/* the ministry's workbook is Swedish unless asked (summary-workbook.md) */
	o->lang = c->args.given[OPT_LANG] ? c->lang : LANG_SV;
	o->msg = c->lang;
	size_t cap = 0;
	for (int i = 0; i < c->args.nmany[OPT_YEAR]; i++) {
		o->years = xgrow(o->years, &cap, (size_t)o->nyears + 1, sizeof *o->years);
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
	if (regsum_years(r, &have, &nhave, err))
		return -1;
	int rc = 0;
	int sv = o->msg == LANG_SV;
	for (int i = 0; i < o->nyears; i++)
		if (!has_year(have, nhave, o->years[i]) && !rulesets_know(engine_rulesets(e), o->years[i])) {
			sb_printf(err, sv ? "%s: registret har ingen redovisning för %d, och ingen installerad "
			                    "regeluppsättning omfattar det året; kontrollera --year"
			                  : "%s: no statement for %d in the register, and no installed rule set has that "
			                    "year; check --year",
			          r->path, o->years[i]);
			rc = -1;
			break;
		}
	if (!o->nyears && !nhave) {
		sb_printf(err, sv ? "%s: registret har ingen redovisning att sammanställa; registrera redovisningarna "
		                    "först med 'grantcheck register --db %s FIL...'"
		                  : "%s: the register holds no statement to summarise; register the statements first "
		                    "with 'grantcheck register --db %s FILE...'",
		          r->path, r->path);
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

static void print_done(const char *out, const int *years, int n, enum lang l)
{
	printf(l == LANG_SV ? "grantcheck summary: skrev %s (" : "grantcheck summary: wrote %s (", out);
	for (int i = 0; i < n; i++)
		printf("%s%d", i ? ", " : "", years[i]);
	printf(")\n");
}

/* Rows per sheet: Excel's limit, or a smaller one for the tests
 * (GRANTCHECK_TEST_SHEET_ROWS, test-only: exercises the cap on findings
 * without writing a million rows). */
static long sheet_rows(void)
{
	const char *v = getenv("GRANTCHECK_TEST_SHEET_ROWS");
	char *end;
	long n = v && *v ? strtol(v, &end, 10) : 0;
	return n >= 3 && n < XLSX_MAX_ROWS && *end == '\0' ? n : XLSX_MAX_ROWS;
}

/* Writes the workbook to OUT through a temporary file; the register, its
 * companion files and the rule sets' files are never the output. */
static int write_out(const struct summary_input *in, const char *db_path, const char *out, const char *given,
                     enum lang msg, strbuf *err)
{
	struct atomic_protect protect = {0};
	struct atomic_file af;
	unsigned fault = 0;
	int rc = -1;
	atomic_protect_db(&protect, db_path);
	for (int i = 0; i < in->sets->n; i++) /* the rule sets are inputs too */
		atomic_protect_dir(&protect, in->sets->sets[i].dir);
	/* -o reg.db is a slip of the register's name, not a new reg.db.xlsx */
	const char *hit = given ? atomic_clash(given, &protect) : NULL;
	if (hit) {
		sb_printf(err, msg == LANG_SV ? "-o %s är samma fil som %s, som kommandot läser; inget skrevs; ange "
		                                "ett annat namn med -o"
		                              : "-o %s is the same file as %s, which this command reads; nothing was "
		                                "written; give another name with -o",
		          given, hit);
		goto done;
	}
	if (atomic_open(&af, out, &protect, msg, err))
		goto done;
	if (xlsx_write_summary(in, af.tmp, out, err)) {
		atomic_abort(&af);
		goto done;
	}
	/* test-only: GRANTCHECK_FAULT=summary-before-rename[:1:SIG] */
	if (fault_point("summary-before-rename", &fault)) {
		sb_printf(err, "cannot put the workbook in place at %s (fault injected)", out);
		atomic_abort(&af);
		goto done;
	}
	rc = atomic_commit(&af, err);
done:
	atomic_protect_free(&protect);
	return rc;
}

/* Opens register and rule sets, runs G8, builds the model and writes the
 * workbook. */
static int run(struct reg *reg, struct engine *e, struct summary_opts *o, strbuf *err)
{
	struct file_result regchk;
	struct regsum_statements st = {0};
	struct summary model = {0};
	struct regsum_register info = {0};
	int rc = -1;
	memset(&regchk, 0, sizeof regchk);
	if (reg_read_begin(reg, err))
		goto close_all;
	if (choose_years(reg, e, o, err) || reg_check_register(reg, e, &regchk, err) ||
	    regsum_load(reg, o->years, o->nyears, &st, err) || regsum_register_info(reg, &info, err))
		goto end_snapshot;
	reg_read_end(reg);
	summary_build(&model, &st, engine_rulesets(e), o->years, o->nyears);
	struct summary_input in = {.m = &model, .db_path = reg->path, .reg = &info, .sets = engine_rulesets(e),
	                           .regchk = &regchk, .years = o->years, .nyears = o->nyears, .lang = o->lang,
	                           .now = time(NULL), .max_rows = sheet_rows()};
	if (write_out(&in, reg->path, o->out, o->given, o->msg, err) == 0) {
		for (int y = 0; y < model.nyb; y++)
			if (summary_year_state(&model.yb[y]) == YS_NONE)
				fprintf(stderr,
				        o->msg == LANG_SV
				            ? "grantcheck summary: varning: registret har ingen redovisning för %d; "
				              "sammanställningen visar alla RCC som saknade det året\n"
				            : "grantcheck summary: warning: the register holds no statement for %d; the "
				              "workbook shows every RCC as missing for it\n",
				        model.yb[y].year);
		print_done(o->out, o->years, o->nyears, o->msg);
		rc = 0;
	}
end_snapshot:
	reg_read_end(reg);
close_all:
	summary_free(&model);
	regsum_free(&st);
	regsum_register_free(&info);
	file_result_free(&regchk);
	return rc;
}

int cmd_summary(struct cmd_ctx *c)
{
	struct summary_opts o;
	summary_opts_from(c, &o);
	int rc = run(c->reg, c->engine, &o, &c->err) ? EXIT_TROUBLE : EXIT_VALID;
	free(o.years);
	free(o.out);
	return rc;
}
