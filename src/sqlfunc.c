/*
 * sqlfunc.c - the SQL functions rule queries may call, as one table (after
 * SQLite's aBuiltinFunc[]): each row is a name, its number of arguments and,
 * for grantcheck's own functions, the C implementation. The same table
 * registers grantcheck's functions on the working database (db.c) and is the
 * sandbox's allow-list (sandbox.c): a function is callable from a rule if and
 * only if it has a row here. Add a function in one place: a row, sorted.
 */
#include "sqlfunc.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "util.h"

/* ---- is_code: the rule set's code lists ------------------------------------ */

static int cmp_pair(const void *a, const void *b)
{
	const struct code_pair *x = a, *y = b;
	int c = strcmp(x->list, y->list);
	return c ? c : strcmp(x->code, y->code);
}

void code_index_clear(struct code_index *ix)
{
	ix->n = 0;
	ix->sorted = 0;
}

void code_index_add(struct code_index *ix, const char *list, const char *code)
{
	ix->pairs = xgrow(ix->pairs, &ix->cap, (size_t)ix->n + 1, sizeof *ix->pairs);
	ix->pairs[ix->n++] = (struct code_pair){list, code};
	ix->sorted = 0;
}

void code_index_sort(struct code_index *ix)
{
	if (ix->n > 1)
		qsort(ix->pairs, (size_t)ix->n, sizeof *ix->pairs, cmp_pair);
	ix->sorted = 1;
}

int code_index_has(const struct code_index *ix, const char *list, const char *code)
{
	assert(ix->sorted || ix->n == 0);
	if (!ix->sorted || ix->n == 0)
		return 0;
	struct code_pair key = {list, code};
	return bsearch(&key, ix->pairs, (size_t)ix->n, sizeof *ix->pairs, cmp_pair) != NULL;
}

void code_index_free(struct code_index *ix)
{
	free(ix->pairs);
	memset(ix, 0, sizeof *ix);
}

/* is_code(list, value): 1 when value is a code of the list in the rule
 * set's codes.tsv, 0 when not, NULL when either is NULL (as a comparison
 * with NULL), so that "NOT is_code('category', e.category)" leaves out
 * lines without the attribute, which S1 reports. It answers as a probe of
 * the table code would: texts compared byte for byte, a number as its text
 * (the column's TEXT affinity), a blob never equal to a text. */
static void fn_is_code(sqlite3_context *c, int n, sqlite3_value **v)
{
	(void)n;
	if (sqlite3_value_type(v[0]) == SQLITE_NULL || sqlite3_value_type(v[1]) == SQLITE_NULL) {
		sqlite3_result_null(c);
		return;
	}
	if (sqlite3_value_type(v[0]) == SQLITE_BLOB || sqlite3_value_type(v[1]) == SQLITE_BLOB) {
		sqlite3_result_int(c, 0);
		return;
	}
	const char *list = (const char *)sqlite3_value_text(v[0]);
	const char *code = (const char *)sqlite3_value_text(v[1]);
	if (!list || !code) {
		sqlite3_result_error_nomem(c);
		return;
	}
	sqlite3_result_int(c, code_index_has(sqlite3_user_data(c), list, code));
}

static void fn_is_date(sqlite3_context *c, int n, sqlite3_value **v)
{
	(void)n;
	const char *s = (const char *)sqlite3_value_text(v[0]);
	if (!s) {
		sqlite3_result_null(c);
		return;
	}
	sqlite3_result_int(c, date_parse(s, NULL, NULL, NULL));
}

static void fn_orgnr_problem(sqlite3_context *c, int n, sqlite3_value **v)
{
	(void)n;
	const char *s = (const char *)sqlite3_value_text(v[0]);
	if (!s) {
		sqlite3_result_null(c);
		return;
	}
	switch (orgnr_check(s)) {
	case ORGNR_OK:
		sqlite3_result_null(c);
		break;
	case ORGNR_FORMAT:
		sqlite3_result_text(c, "format", -1, SQLITE_STATIC);
		break;
	case ORGNR_CHECKDIGIT:
		sqlite3_result_text(c, "checkdigit", -1, SQLITE_STATIC);
		break;
	}
}

static void fn_plausible_email(sqlite3_context *c, int n, sqlite3_value **v)
{
	(void)n;
	const char *s = (const char *)sqlite3_value_text(v[0]);
	if (!s)
		sqlite3_result_null(c);
	else
		sqlite3_result_int(c, email_plausible(s));
}

static void fn_edit_distance(sqlite3_context *c, int n, sqlite3_value **v)
{
	(void)n;
	const char *a = (const char *)sqlite3_value_text(v[0]);
	const char *b = (const char *)sqlite3_value_text(v[1]);
	if (!a || !b)
		sqlite3_result_null(c);
	else
		sqlite3_result_int64(c, (sqlite3_int64)edit_distance(a, b, 64));
}

/* exceeds_share(part, whole, percent): part > whole * percent / 100,
 * computed exactly in 128 bits. NULL when an argument is NULL. */
static void fn_exceeds_share(sqlite3_context *c, int n, sqlite3_value **v)
{
	(void)n;
	for (int i = 0; i < 3; i++)
		if (sqlite3_value_type(v[i]) != SQLITE_INTEGER) {
			sqlite3_result_null(c);
			return;
		}
	__int128 part = sqlite3_value_int64(v[0]), whole = sqlite3_value_int64(v[1]);
	__int128 pct = sqlite3_value_int64(v[2]);
	sqlite3_result_int(c, part * 100 > whole * pct);
}

/* share_bp(part, whole): part / whole in basis points (1/100 of a percent),
 * rounded half away from zero; NULL when whole is 0 or an argument NULL. */
static void fn_share_bp(sqlite3_context *c, int n, sqlite3_value **v)
{
	(void)n;
	if (sqlite3_value_type(v[0]) != SQLITE_INTEGER || sqlite3_value_type(v[1]) != SQLITE_INTEGER ||
	    sqlite3_value_int64(v[1]) == 0) {
		sqlite3_result_null(c);
		return;
	}
	__int128 part = sqlite3_value_int64(v[0]), whole = sqlite3_value_int64(v[1]);
	__int128 num = part * 10000, q = num / whole, r = num % whole;
	if (r != 0 && (r < 0 ? -r : r) * 2 >= (whole < 0 ? -whole : whole))
		q += ((num < 0) != (whole < 0)) ? -1 : 1;
	sqlite3_result_int64(c, (sqlite3_int64)q);
}

struct ovf {
	int64_t sum;
	int overflowed;
};

static void fn_sum_overflows_step(sqlite3_context *c, int n, sqlite3_value **v)
{
	(void)n;
	struct ovf *o = sqlite3_aggregate_context(c, sizeof *o);
	if (!o) {
		sqlite3_result_error_nomem(c);
		return;
	}
	if (sqlite3_value_type(v[0]) != SQLITE_INTEGER || o->overflowed)
		return;
	if (__builtin_add_overflow(o->sum, sqlite3_value_int64(v[0]), &o->sum))
		o->overflowed = 1;
}

static void fn_sum_overflows_final(sqlite3_context *c)
{
	struct ovf *o = sqlite3_aggregate_context(c, 0);
	sqlite3_result_int(c, o ? o->overflowed : 0);
}

typedef void (*sqlfunc_fn)(sqlite3_context *, int, sqlite3_value **);

struct sqlfunc {
	const char *name;
	int nargs;           /* for grantcheck's own functions */
	sqlfunc_fn fn;       /* scalar; NULL for SQLite's built-ins */
	sqlfunc_fn step;     /* aggregate */
	void (*final)(sqlite3_context *);
};

/* Sorted by name (sqlfunc_allowed() searches it; a unit test checks the
 * order). SQLite's own functions have no C function here: their row only
 * allows them. Deliberately absent: avg() and total() (floating point
 * money), load_extension(), random(), and everything that reads or changes
 * state outside the query. */
static const struct sqlfunc sqlfuncs[] = {
	{"abs", 0, NULL, NULL, NULL},
	{"char", 0, NULL, NULL, NULL},
	{"coalesce", 0, NULL, NULL, NULL},
	{"count", 0, NULL, NULL, NULL},
	{"date", 0, NULL, NULL, NULL},
	{"dense_rank", 0, NULL, NULL, NULL},
	{"edit_distance", 2, fn_edit_distance, NULL, NULL},
	{"exceeds_share", 3, fn_exceeds_share, NULL, NULL},
	{"first_value", 0, NULL, NULL, NULL},
	{"format", 0, NULL, NULL, NULL},
	{"glob", 0, NULL, NULL, NULL},
	{"group_concat", 0, NULL, NULL, NULL},
	{"ifnull", 0, NULL, NULL, NULL},
	{"iif", 0, NULL, NULL, NULL},
	{"instr", 0, NULL, NULL, NULL},
	{"is_code", 2, fn_is_code, NULL, NULL},
	{"is_date", 1, fn_is_date, NULL, NULL},
	{"julianday", 0, NULL, NULL, NULL},
	{"lag", 0, NULL, NULL, NULL},
	{"last_value", 0, NULL, NULL, NULL},
	{"lead", 0, NULL, NULL, NULL},
	{"length", 0, NULL, NULL, NULL},
	{"like", 0, NULL, NULL, NULL},
	{"lower", 0, NULL, NULL, NULL},
	{"ltrim", 0, NULL, NULL, NULL},
	{"max", 0, NULL, NULL, NULL},
	{"min", 0, NULL, NULL, NULL},
	{"nth_value", 0, NULL, NULL, NULL},
	{"nullif", 0, NULL, NULL, NULL},
	{"orgnr_problem", 1, fn_orgnr_problem, NULL, NULL},
	{"plausible_email", 1, fn_plausible_email, NULL, NULL},
	{"printf", 0, NULL, NULL, NULL},
	{"quote", 0, NULL, NULL, NULL},
	{"rank", 0, NULL, NULL, NULL},
	{"replace", 0, NULL, NULL, NULL},
	{"row_number", 0, NULL, NULL, NULL},
	{"rtrim", 0, NULL, NULL, NULL},
	{"share_bp", 2, fn_share_bp, NULL, NULL},
	{"strftime", 0, NULL, NULL, NULL},
	{"substr", 0, NULL, NULL, NULL},
	{"substring", 0, NULL, NULL, NULL},
	{"sum", 0, NULL, NULL, NULL},
	{"sum_overflows", 1, NULL, fn_sum_overflows_step, fn_sum_overflows_final},
	{"trim", 0, NULL, NULL, NULL},
	{"typeof", 0, NULL, NULL, NULL},
	{"unicode", 0, NULL, NULL, NULL},
	{"upper", 0, NULL, NULL, NULL},
};

#define NFUNCS ((int)(sizeof sqlfuncs / sizeof sqlfuncs[0]))

int sqlfunc_register(sqlite3 *db, const struct code_index *codes)
{
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	for (int i = 0; i < NFUNCS; i++) {
		const struct sqlfunc *f = &sqlfuncs[i];
		if (!f->fn && !f->step)
			continue;
		/* (only is_code reads its user data) */
		int rc = sqlite3_create_function(db, f->name, f->nargs, flags, (void *)codes, f->fn, f->step, f->final);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static int cmp_func(const void *key, const void *elem)
{
	return strcmp(key, ((const struct sqlfunc *)elem)->name);
}

int sqlfunc_allowed(const char *name)
{
	char lower[64];
	size_t i;
	for (i = 0; name[i] && i < sizeof lower - 1; i++)
		lower[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
	lower[i] = '\0';
	if (name[i])
		return 0; /* longer than any allowed name */
	return bsearch(lower, sqlfuncs, (size_t)NFUNCS, sizeof sqlfuncs[0], cmp_func) != NULL;
}

const char *sqlfunc_name(int i)
{
	return i >= 0 && i < NFUNCS ? sqlfuncs[i].name : NULL;
}
