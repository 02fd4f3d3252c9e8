/*
 * db.h - the working SQLite database every check runs in.
 *
 * One connection per run holds three groups of tables (the schema is in
 * db.c and documented for rule writers in README.md):
 *   - the format:        format
 *   - the rule set data: param, programme_year, code
 *   - the statement:     doc, node, expense, and what the loader derives
 *                        from them: expense_group, field, figures; context,
 *                        previous_field
 * Statements are streamed into it by parser.c and loader.c, one at a time; rules
 * (ruleset.c) are SELECTs prepared once per run against it.
 *
 * The database is a private temporary file (SQLite's "" filename) with a
 * bounded page cache, so a huge statement spills to disk instead of memory.
 *
 * Rule SQL is untrusted code that may only read. db_prepare_rule() enforces
 * that: one statement, sqlite3_stmt_readonly(), and an authorizer that
 * allows only SELECT, READ, RECURSIVE and a list of functions (no avg() or
 * total(), which would turn money into floating point). A progress handler
 * interrupts a rule that runs past its budget (db_rule_budget()): a number
 * of VM instructions, and a time limit for the queries whose every
 * instruction is costly (a recursive query copying megabyte strings): 30 s
 * (or $GRANTCHECK_RULE_SECONDS) plus a millisecond per statement row.
 */
#ifndef GC_DB_H
#define GC_DB_H

#include <sqlite3.h>
#include <stdint.h>

#include "util.h"

#define DB_RESET_TABLES 8

struct workdb {
	sqlite3 *db;
	int preparing_rule;   /* authorizer applies the rule sandbox */
	int running_rule;     /* progress handler counts */
	uint64_t ticks;       /* progress callbacks in this rule run */
	uint64_t tick_budget; /* interrupt when ticks exceed it */
	int64_t deadline_ms;  /* or when the monotonic clock passes this */
	int budget_exceeded;
	char denied[128];     /* what the authorizer last refused */
	sqlite3_stmt *reset[DB_RESET_TABLES]; /* db_reset_statement's, prepared on first use */
};

/* The loader's statements filling field and figures from node (db.c). */
extern const char DB_FIELD_SQL[], DB_FIGURES_SQL[];

/* Opens the working database. On failure returns -1 with a message in err. */
int db_open(struct workdb *w, strbuf *err);
void db_close(struct workdb *w);

/* Runs internal (trusted) SQL; -1 with a message in err on failure. */
int db_exec(struct workdb *w, const char *sql, strbuf *err);
/* Prepares internal (trusted) SQL; aborts the program on failure, since
 * internal SQL failing to compile is a bug, not an input problem. */
sqlite3_stmt *db_prepare(struct workdb *w, const char *sql);

/*
 * Prepares untrusted rule SQL. Returns NULL and explains in err (with the
 * 1-based line within sql when SQLite gives an offset, in *err_line).
 */
sqlite3_stmt *db_prepare_rule(struct workdb *w, const char *sql, strbuf *err, int *err_line);

/* Sets the instruction and time budget of the next rule run from the
 * statement's size (rows in node and expense). */
void db_rule_budget(struct workdb *w, int64_t rows);

/* Clears the statement tables for the next file. */
int db_reset_statement(struct workdb *w, strbuf *err);

/* Reports an internal SQLite failure (what was being done, SQLite's message)
 * and exits with status 2: internal SQL failing is a bug, not an input
 * problem. */
_Noreturn void db_fail(int rc, const char *errmsg, const char *what);
/* Fails loudly (db_fail) on an unexpected SQLite error in internal SQL. */
void db_check(struct workdb *w, int rc, const char *what);

#endif
