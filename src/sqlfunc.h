/*
 * sqlfunc.h - the SQL functions rule queries may call (sqlfunc.c): one
 * table that registers grantcheck's own functions (is_code, is_date,
 * orgnr_problem, plausible_email, edit_distance, exceeds_share, share_bp,
 * sum_overflows) and is the sandbox's allow-list, SQLite's built-ins
 * included.
 */
#ifndef GC_SQLFUNC_H
#define GC_SQLFUNC_H

#include <sqlite3.h>
#include <stddef.h>

/* The active rule set's codes (codes.tsv) as is_code(list, value) looks
 * them up: (list, code) pairs, sorted, pointing at the rule set's strings.
 * ruleset_activate fills it from the same array as the table code, so the
 * two always hold the same codes. A lookup is a binary search: about a
 * tenth of what a probe of the table code costs a rule (a b-tree seek
 * comparing two texts at every step, as a join or EXISTS). */
struct code_pair {
	const char *list, *code;
};
struct code_index {
	struct code_pair *pairs;
	int n;
	size_t cap;
	int sorted; /* code_index_sort since the last add */
};
/* Empties ix (no pairs; the memory is kept for the next rule set). */
void code_index_clear(struct code_index *ix);
/* Adds a pair; list and code must outlive ix's use. */
void code_index_add(struct code_index *ix, const char *list, const char *code);
/* Sorts the pairs; lookups before this find nothing. */
void code_index_sort(struct code_index *ix);
/* 1 when (list, code) is one of ix's pairs, else 0. */
int code_index_has(const struct code_index *ix, const char *list, const char *code);
void code_index_free(struct code_index *ix);

/* Registers grantcheck's functions on db, is_code looking codes up in
 * codes (which must stay where it is while db is open); an SQLite result
 * code. */
int sqlfunc_register(sqlite3 *db, const struct code_index *codes);
/* 1 when a rule may call the function (name in any case), else 0. */
int sqlfunc_allowed(const char *name);
/* The i-th allowed name in sorted order, NULL past the end (for tests and
 * documentation). */
const char *sqlfunc_name(int i);

#endif
