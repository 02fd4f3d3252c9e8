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
 * Rule SQL is untrusted code that may only read: the sandbox (sandbox.h,
 * sandbox.c) prepares and runs it; the functions it may call are one table
 * (sqlfunc.c).
 */
#ifndef GC_DB_H
#define GC_DB_H

#include <sqlite3.h>
#include <stdint.h>

#include "sandbox.h"
#include "sqlfunc.h"
#include "util.h"

#define DB_RESET_TABLES 7

struct workdb {
	sqlite3 *db;
	/* the sandbox's state (sandbox.c) */
	int preparing_rule;   /* authorizer applies the rule sandbox */
	int running_rule;     /* progress handler counts */
	uint64_t ticks;       /* progress callbacks in this rule run */
	uint64_t tick_budget; /* interrupt when ticks exceed it */
	int64_t span_ms;      /* or when the rule has run this long */
	int64_t deadline_ms;  /* (the monotonic clock then; 0 before the first tick) */
	int64_t rule_base_ms; /* $GRANTCHECK_RULE_SECONDS in ms (0: not read yet) */
	int budget_exceeded;
	char denied[128];     /* what the authorizer last refused */
	sqlite3_stmt *reset[DB_RESET_TABLES]; /* db_reset_statement's, prepared on first use */
	struct code_index codes; /* is_code()'s: the codes of the table code (ruleset_activate) */
};

/* The process-wide set-up of SQLite, before any thread uses it (main.c);
 * SQLITE_OK or SQLite's error code. */
int db_global_init(void);
/* Opens the working database. On failure returns -1 with a message in err. */
int db_open(struct workdb *w, strbuf *err);
void db_close(struct workdb *w);

/* Runs internal (trusted) SQL; -1 with a message in err on failure. */
int db_exec(struct workdb *w, const char *sql, strbuf *err);
/* Prepares internal (trusted) SQL; aborts the program on failure, since
 * internal SQL failing to compile is a bug, not an input problem. */
sqlite3_stmt *db_prepare(struct workdb *w, const char *sql);

/* Clears the statement tables for the next file. */
int db_reset_statement(struct workdb *w, strbuf *err);

/* Reports an internal SQLite failure (what was being done, SQLite's message)
 * and exits with status 2: internal SQL failing is a bug, not an input
 * problem. */
_Noreturn void db_fail(int rc, const char *errmsg, const char *what);
/* Fails loudly (db_fail) on an unexpected SQLite error in internal SQL. */
void db_check(struct workdb *w, int rc, const char *what);

#endif
