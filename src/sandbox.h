/*
 * sandbox.h - the rule sandbox on the working database (sandbox.c).
 *
 * Rule SQL is untrusted code that may only read. db_prepare_rule() enforces
 * that: one statement, sqlite3_stmt_readonly(), and an authorizer that
 * allows only SELECT, READ, RECURSIVE and the functions of sqlfunc.c's table
 * (no avg() or total(), which would turn money into floating point). A
 * progress handler interrupts a rule that runs past its budget
 * (db_rule_budget()): a number of VM instructions, and a time limit for the
 * queries whose every instruction is costly (a recursive query copying
 * megabyte strings): 30 s (or $GRANTCHECK_RULE_SECONDS) plus a millisecond
 * per statement row. The state (flags, ticks, budget) is in struct workdb.
 */
#ifndef GC_SANDBOX_H
#define GC_SANDBOX_H

#include <sqlite3.h>
#include <stdint.h>

#include "util.h"

struct workdb;

/* Installs the authorizer and the progress handler on w's connection (db_open). */
void sandbox_install(struct workdb *w);

/*
 * Prepares untrusted rule SQL. Returns NULL and explains in err (with the
 * 1-based line within sql when SQLite gives an offset, in *err_line).
 */
sqlite3_stmt *db_prepare_rule(struct workdb *w, const char *sql, strbuf *err, int *err_line);

/* Sets the instruction and time budget of the next rule run from the
 * statement's size (rows in node and expense). */
void db_rule_budget(struct workdb *w, int64_t rows);

#endif
