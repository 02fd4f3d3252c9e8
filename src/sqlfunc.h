/*
 * sqlfunc.h - the SQL functions rule queries may call (sqlfunc.c): one
 * table that registers grantcheck's own functions (is_date, orgnr_problem,
 * plausible_email, edit_distance, exceeds_share, share_bp, sum_overflows)
 * and is the sandbox's allow-list, SQLite's built-ins included.
 */
#ifndef GC_SQLFUNC_H
#define GC_SQLFUNC_H

#include <sqlite3.h>

/* Registers grantcheck's functions on db; an SQLite result code. */
int sqlfunc_register(sqlite3 *db);
/* 1 when a rule may call the function (name in any case), else 0. */
int sqlfunc_allowed(const char *name);
/* The i-th allowed name in sorted order, NULL past the end (for tests and
 * documentation). */
const char *sqlfunc_name(int i);

#endif
