/*
 * register_verify.h - noticing damage to the register before it spreads
 * (issue 10, class 10), and copying it safely:
 *
 *   reg_quick_check   SQLite's PRAGMA quick_check; `register` runs it
 *                     before its first write and refuses a damaged register.
 *   reg_verify        `grantcheck verify`: the full PRAGMA integrity_check,
 *                     PRAGMA foreign_key_check, and every stored statement's
 *                     SHA-256 against its stored content (table content of
 *                     schema v2; a register without it has nothing to hash).
 *   reg_backup        `grantcheck backup`: a consistent copy with SQLite's
 *                     online backup API, in steps, while others register;
 *                     the copy is then checked with integrity_check.
 *
 * The SQL is here (register*.c own the register's SQL); the commands
 * cmd_verify.c and cmd_backup.c print and choose the files.
 */
#ifndef GC_REGISTER_VERIFY_H
#define GC_REGISTER_VERIFY_H

#include "register.h"

/* PRAGMA quick_check. 0: ok. 1: damaged, the first problem (and how many
 * more) in *what. -1 + err: could not check (not a database, I/O). */
int reg_quick_check(struct reg *r, strbuf *what, strbuf *err);

/* What verify found wrong, one call per problem. */
enum reg_problem {
	REG_PROBLEM_STRUCTURE,   /* integrity_check: what is SQLite's text */
	REG_PROBLEM_FOREIGN_KEY, /* a row refers to a row that is not there */
	REG_PROBLEM_CONTENT,     /* a statement's content does not hash to its sha256 */
};
/* STRUCTURE: a is SQLite's text. FOREIGN_KEY: row id of table a refers to
 * a missing row of table b. CONTENT: submission id's stored statement
 * hashes to a, its row recorded b. (Texts as SQLite gives them; the
 * command words them in the user's language.) */
typedef void (*reg_problem_fn)(void *ctx, enum reg_problem kind, long long id, const char *a, const char *b);

struct reg_verify_counts {
	long problems;       /* reported through the callback */
	long statements;     /* submissions in the register */
	long hashed;         /* statements whose stored content was hashed */
	long unknown_coding; /* stored in an encoding this program cannot read */
	int has_content;     /* the register stores statements' content (v2) */
};

/* Runs every check; each problem goes to fn. 0 when the checks ran (the
 * problems are in counts), -1 + err when they could not run. */
int reg_verify(struct reg *r, reg_problem_fn fn, void *ctx, struct reg_verify_counts *counts, strbuf *err);

/* Copies the open register r into the (new or empty) file dest with the
 * online backup API, retrying while writers hold it, then runs
 * integrity_check on the copy. *submissions: how many the copy holds.
 * -1 + err on failure (dest may then hold anything: the caller removes it). */
int reg_backup(struct reg *r, const char *dest, long long *submissions, strbuf *err);

#endif
