/*
 * sandbox.c - running untrusted rule SQL (see sandbox.h): the authorizer
 * that lets a rule only SELECT, READ the main schema and call the functions
 * of sqlfunc.c's table; db_prepare_rule() (one read-only statement); the
 * progress handler and the budget (db_rule_budget()) that interrupt a rule
 * running too long. SQLite keeps this seam in auth.c.
 */
#include "sandbox.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "sqlfunc.h"

static int deny(struct workdb *w, const char *what, const char *name)
{
	snprintf(w->denied, sizeof w->denied, "%s%s%s", what, name ? " " : "", name ? name : "");
	return SQLITE_DENY;
}

static int authorizer(void *ud, int action, const char *a, const char *b, const char *dbname,
                      const char *trigger)
{
	(void)trigger;
	struct workdb *w = ud;
	if (!w->preparing_rule)
		return SQLITE_OK;
	static const char *const names[] = {
		[SQLITE_INSERT] = "INSERT into", [SQLITE_UPDATE] = "UPDATE of", [SQLITE_DELETE] = "DELETE from",
		[SQLITE_PRAGMA] = "PRAGMA", [SQLITE_ATTACH] = "ATTACH", [SQLITE_DETACH] = "DETACH",
		[SQLITE_CREATE_TABLE] = "CREATE TABLE", [SQLITE_DROP_TABLE] = "DROP TABLE",
		[SQLITE_TRANSACTION] = "a transaction", [SQLITE_ALTER_TABLE] = "ALTER TABLE",
		[SQLITE_CREATE_VIEW] = "CREATE VIEW", [SQLITE_CREATE_TRIGGER] = "CREATE TRIGGER",
		[SQLITE_CREATE_INDEX] = "CREATE INDEX", [SQLITE_SAVEPOINT] = "SAVEPOINT"};
	switch (action) {
	case SQLITE_SELECT:
	case SQLITE_RECURSIVE:
		return SQLITE_OK;
	case SQLITE_READ:
		/* only the main schema: no temp tables, nothing attached (SQLite
		 * passes no schema name for some reads in subqueries) */
		return !dbname || strcmp(dbname, "main") == 0 ? SQLITE_OK : deny(w, "reading from schema", dbname ? dbname : a);
	case SQLITE_FUNCTION: {
		const char *name = b ? b : a;
		if (!name)
			return deny(w, "an unnamed function", NULL);
		return sqlfunc_allowed(name) ? SQLITE_OK : deny(w, "the function", name);
	}
	default:
		return deny(w, action >= 0 && action < (int)(sizeof names / sizeof names[0]) && names[action]
		                   ? names[action] : "a statement other than SELECT", a);
	}
}

static int progress(void *ud)
{
	struct workdb *w = ud;
	if (!w->running_rule)
		return 0;
	int64_t now = monotonic_ms();
	if (!w->deadline_ms) /* the first tick: the rule's time starts (db_rule_budget) */
		w->deadline_ms = now + w->span_ms;
	if (++w->ticks > w->tick_budget || now > w->deadline_ms) {
		w->budget_exceeded = 1;
		return 1;
	}
	return 0;
}

void sandbox_install(struct workdb *w)
{
	sqlite3_set_authorizer(w->db, authorizer, w);
	sqlite3_progress_handler(w->db, 1000, progress, w);
}

static int line_of_offset(const char *sql, int off)
{
	int line = 1;
	for (int i = 0; i < off && sql[i]; i++)
		if (sql[i] == '\n')
			line++;
	return line;
}

/* Skips whitespace and SQL comments; returns the first other character. */
static const char *skip_blank(const char *p)
{
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')
			p++;
		if (p[0] == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				p++;
		} else if (p[0] == '/' && p[1] == '*') {
			const char *e = strstr(p + 2, "*/");
			if (!e)
				return p;
			p = e + 2;
		} else {
			return p;
		}
	}
}

sqlite3_stmt *db_prepare_rule(struct workdb *w, const char *sql, strbuf *err, int *err_line)
{
	sqlite3_stmt *st = NULL;
	const char *tail = NULL;
	*err_line = 0;
	w->denied[0] = '\0';
	w->preparing_rule = 1;
	int rc = sqlite3_prepare_v3(w->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, &tail);
	w->preparing_rule = 0;
	if (rc != SQLITE_OK) {
		int off = sqlite3_error_offset(w->db);
		if (off >= 0)
			*err_line = line_of_offset(sql, off);
		const char *msg = sqlite3_errmsg(w->db);
		if (w->denied[0])
			sb_printf(err, "the query uses %s, which a rule may not; a rule may only SELECT from the "
			          "statement tables and call the allowed functions (see README.md)",
			          w->denied[0] ? w->denied : msg);
		else
			sb_printf(err, "SQL error: %s", msg);
		sqlite3_finalize(st);
		return NULL;
	}
	if (!st) {
		sb_puts(err, "the file holds no SQL query; a rule is one SELECT after its header");
		return NULL;
	}
	const char *rest = skip_blank(tail);
	if (*rest) {
		*err_line = line_of_offset(sql, (int)(rest - sql));
		sb_puts(err, "a second SQL statement follows the first; a rule is exactly one SELECT");
		sqlite3_finalize(st);
		return NULL;
	}
	if (!sqlite3_stmt_readonly(st)) {
		sb_puts(err, "the query is not read-only; a rule may only SELECT");
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

void db_rule_budget(struct workdb *w, int64_t rows)
{
	/* one tick per 1000 VM instructions: 50 million instructions plus
	 * 100 000 per row of the statement, far more than any honest rule */
	w->ticks = 0;
	w->budget_exceeded = 0;
	w->tick_budget = 50000 + (uint64_t)(rows > 0 ? rows : 0) * 100;
	/* and a time limit, for queries whose every instruction takes long:
	 * 30 seconds ($GRANTCHECK_RULE_SECONDS) plus a millisecond per row (S3
	 * takes 50 microseconds per unknown element; valgrind 50 times that),
	 * counted from the first tick: most rules end before it, without a
	 * look at the clock (32 of them took 1 % of a small statement's check) */
	if (!w->rule_base_ms) { /* asked once per run: getenv costs more than a small rule */
		const char *env = getenv("GRANTCHECK_RULE_SECONDS");
		w->rule_base_ms = env && atoi(env) > 0 ? (int64_t)atoi(env) * 1000 : 30000;
	}
	w->span_ms = w->rule_base_ms + (rows > 0 ? rows : 0);
	w->deadline_ms = 0;
}
