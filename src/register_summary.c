/*
 * register_summary.c - the register's SELECTs for the summary (see
 * register_summary.h). The only file of the summary path that speaks SQL.
 */
#include "register_summary.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static const char *const FIG_FIELD[F_COUNT] = {"granted", "received",     "carriedOver", "totalExpenses",
                                               "closing", "carryForward", "repay"};

int regsum_years(const struct reg *r, int **years, int *n, strbuf *err)
{
	sqlite3_stmt *q = NULL;
	*years = NULL;
	*n = 0;
	int rc = sqlite3_prepare_v2(r->db, "SELECT DISTINCT year FROM submission WHERE current = 1 AND identified = 1"
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
	if (rc != SQLITE_DONE) {
		free(*years);
		*years = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

static char *col_dup(sqlite3_stmt *q, int i)
{
	const unsigned char *t = sqlite3_column_text(q, i);
	return t ? xstrdup((const char *)t) : NULL;
}

static int read_fail(const struct reg *r, const char *what, strbuf *err)
{
	sb_printf(err, "%s: cannot read %s from the register: %s; check that it is a grantcheck register "
	          "('grantcheck list --db %s')", r->path, what, sqlite3_errmsg(r->db), r->path);
	return -1;
}

static int prepare(const struct reg *r, const char *sql, sqlite3_stmt **q, const char *what, strbuf *err)
{
	if (sqlite3_prepare_v2(r->db, sql, -1, q, NULL) == SQLITE_OK)
		return 0;
	sqlite3_finalize(*q);
	*q = NULL;
	return read_fail(r, what, err);
}

static int year_wanted(const int *years, int nyears, int year)
{
	for (int i = 0; i < nyears; i++)
		if (years[i] == year)
			return 1;
	return 0;
}

static void stmt_from_row(sqlite3_stmt *q, struct regsum_statement *s)
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

static int load_statements(const struct reg *r, const int *years, int nyears, struct regsum_statements *out,
                           strbuf *err)
{
	sqlite3_stmt *q;
	if (prepare(r, "SELECT id, year, rcc, file_name, sha256, received_at, ruleset, ruleset_checksum, status,"
	               " errors, warnings, attested FROM submission"
	               " WHERE current = 1 AND identified = 1 AND rcc IS NOT NULL AND year IS NOT NULL ORDER BY year, rcc, id",
	            &q, "the statements", err))
		return -1;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!year_wanted(years, nyears, sqlite3_column_int(q, 1)))
			continue;
		out->st = xrealloc(out->st, sizeof *out->st * (size_t)(out->n + 1));
		stmt_from_row(q, &out->st[out->n++]);
	}
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? 0 : read_fail(r, "the statements", err);
}

static int load_figures(sqlite3_stmt *q, struct regsum_statement *s)
{
	if (sqlite3_bind_int64(q, 1, s->id) != SQLITE_OK)
		return -1;
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

static int load_totals(sqlite3_stmt *q, struct regsum_statement *s)
{
	if (sqlite3_bind_int64(q, 1, s->id) != SQLITE_OK)
		return -1;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		s->totals = xrealloc(s->totals, sizeof *s->totals * (size_t)(s->ntotals + 1));
		struct regsum_total *t = &s->totals[s->ntotals++];
		t->category = col_dup(q, 0);
		t->criterion = col_dup(q, 1);
		t->ore = sqlite3_column_int64(q, 2);
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int load_findings(sqlite3_stmt *q, struct regsum_statement *s)
{
	if (sqlite3_bind_int64(q, 1, s->id) != SQLITE_OK)
		return -1;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		s->findings = xrealloc(s->findings, sizeof *s->findings * (size_t)(s->nfindings + 1));
		struct regsum_finding *f = &s->findings[s->nfindings++];
		f->rule = col_dup(q, 0);
		f->severity = col_dup(q, 1);
		f->line = sqlite3_column_type(q, 2) == SQLITE_NULL ? 0 : (long)sqlite3_column_int64(q, 2);
		f->msg[LANG_SV] = col_dup(q, 3);
		f->msg[LANG_EN] = col_dup(q, 4);
		f->why = col_dup(q, 5);
		f->by = col_dup(q, 6);
		f->at = col_dup(q, 7);
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Figures, expense totals and findings of every loaded statement. */
static int load_details(const struct reg *r, struct regsum_statements *out, strbuf *err)
{
	sqlite3_stmt *qf = NULL, *qt = NULL, *qn = NULL;
	int rc = -1;
	if (prepare(r, "SELECT name, amount FROM figure WHERE submission = ?1 AND amount IS NOT NULL", &qf,
	            "the figures", err) ||
	    prepare(r, "SELECT coalesce(category, ''), coalesce(criterion, ''), amount FROM expense_total"
	               " WHERE submission = ?1 ORDER BY rowid", &qt, "the expense totals", err) ||
	    /* a warning's acceptance: the newest of its fingerprint, as
	     * regf_findings (list, accept) shows it; only warnings are accepted */
	    prepare(r, "SELECT f.rule, f.severity, f.line, f.message_sv, f.message_en, a.why, a.by, a.at"
	               " FROM finding f LEFT JOIN acceptance a ON f.severity = 'warning' AND a.id ="
	               " (SELECT max(id) FROM acceptance WHERE fingerprint = f.fingerprint)"
	               " WHERE f.submission = ?1 ORDER BY f.seq", &qn, "the findings", err))
		goto out;
	for (int i = 0; i < out->n; i++) {
		if (load_figures(qf, &out->st[i]) || load_totals(qt, &out->st[i]) || load_findings(qn, &out->st[i])) {
			read_fail(r, "a statement's figures", err);
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

int regsum_load(const struct reg *r, const int *years, int nyears, struct regsum_statements *out, strbuf *err)
{
	memset(out, 0, sizeof *out);
	if (load_statements(r, years, nyears, out, err) || load_details(r, out, err)) {
		regsum_free(out);
		return -1;
	}
	return 0;
}

int regsum_register_info(const struct reg *r, struct regsum_register *out, strbuf *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q;
	if (prepare(r, "SELECT (SELECT value FROM meta WHERE key = 'created_at'), (SELECT max(id) FROM event),"
	               " (SELECT at FROM event ORDER BY id DESC LIMIT 1), (SELECT count(*) FROM submission)",
	            &q, "the register's identity", err))
		return -1;
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		out->created_at = col_dup(q, 0);
		out->last_event = sqlite3_column_int64(q, 1);
		out->last_event_at = col_dup(q, 2);
		out->submissions = sqlite3_column_int64(q, 3);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW) {
		regsum_register_free(out);
		return read_fail(r, "the register's identity", err);
	}
	return 0;
}

void regsum_register_free(struct regsum_register *info)
{
	free(info->created_at);
	free(info->last_event_at);
	memset(info, 0, sizeof *info);
}

void regsum_statement_free(struct regsum_statement *s)
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
		free(s->findings[i].why);
		free(s->findings[i].by);
		free(s->findings[i].at);
	}
	free(s->findings);
	memset(s, 0, sizeof *s);
}

void regsum_free(struct regsum_statements *s)
{
	for (int i = 0; i < s->n; i++)
		regsum_statement_free(&s->st[i]);
	free(s->st);
	memset(s, 0, sizeof *s);
}
