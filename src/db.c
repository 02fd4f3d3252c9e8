/*
 * db.c - the working database: schema, SQL functions and the rule sandbox
 * (see db.h).
 */
#include "db.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checks.h"
#include "format.h"

static const char SCHEMA[] =
	/* the format (filled from format.c) */
	"CREATE TABLE format(id INTEGER PRIMARY KEY, path TEXT NOT NULL, parent INTEGER, name TEXT NOT NULL,"
	" kind TEXT NOT NULL, min INTEGER NOT NULL, max INTEGER, type TEXT, maxlen INTEGER NOT NULL,"
	" field TEXT, list TEXT) STRICT;"
	/* rules look values up by field name (the views field and figures) */
	"CREATE INDEX format_field ON format(field);"
	/* the rule set's data (filled from the rule set folder) */
	"CREATE TABLE param(name TEXT PRIMARY KEY, value ANY) STRICT;"
	"CREATE TABLE programme_year(year INTEGER PRIMARY KEY, appropriation INTEGER NOT NULL,"
	" due TEXT NOT NULL) STRICT;"
	"CREATE TABLE code(list TEXT NOT NULL, code TEXT NOT NULL, label_sv TEXT, label_en TEXT,"
	" seq INTEGER NOT NULL, PRIMARY KEY(list, code)) STRICT;"
	/* the statement */
	"CREATE TABLE doc(path TEXT, sha256 TEXT, bytes INTEGER, encoding TEXT) STRICT;"
	"CREATE TABLE node(id INTEGER PRIMARY KEY, parent INTEGER, kind TEXT NOT NULL, name TEXT NOT NULL,"
	" ns TEXT, path TEXT NOT NULL, fmt INTEGER, nth INTEGER, text TEXT, nchars INTEGER, ctrl INTEGER,"
	" amount INTEGER, line INTEGER NOT NULL, col INTEGER NOT NULL, first INTEGER) STRICT;"
	"CREATE INDEX node_fmt ON node(fmt, id);"
	"CREATE TABLE expense(id INTEGER PRIMARY KEY, category TEXT, criterion TEXT, note TEXT,"
	" note_nchars INTEGER, note_ctrl INTEGER, text TEXT, amount INTEGER,"
	" line INTEGER NOT NULL, col INTEGER NOT NULL) STRICT;"
	/* partial indexes: the few lines that S4 (malformed amounts), P3
	 * (negative lines) and S8 (notes) look for are found without reading
	 * every line; any other line costs one test per index when inserted */
	"CREATE INDEX expense_noamount ON expense(id) WHERE amount IS NULL;"
	"CREATE INDEX expense_negative ON expense(id) WHERE amount < 0;"
	"CREATE INDEX expense_note ON expense(id, line, col, note_nchars, note_ctrl) WHERE note IS NOT NULL;"
	/* the expense lines' totals per category and criterion (loader.h) */
	"CREATE TABLE expense_group(category TEXT, criterion TEXT, lines INTEGER NOT NULL,"
	" amounts INTEGER NOT NULL, sum INTEGER NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL) STRICT;"
	"CREATE TABLE context(name TEXT PRIMARY KEY, value ANY) STRICT;"
	"CREATE TABLE previous_field(name TEXT PRIMARY KEY, text TEXT, amount INTEGER) STRICT;"
	/* register-level rules: the current statement of every RCC and year */
	"CREATE TABLE register_statement(rcc TEXT, year INTEGER, programme TEXT, path TEXT,"
	" granted INTEGER, received INTEGER, status TEXT) STRICT;"
	/* the first occurrence of every value by its short name, and the
	 * statement's figures as one row (NULL where missing or malformed):
	 * tables the loader fills once per statement (FIELD_SQL, FIGURES_SQL),
	 * since nearly every rule reads them */
	"CREATE TABLE field(name TEXT NOT NULL, text TEXT, amount INTEGER, num INTEGER,"
	" line INTEGER NOT NULL, col INTEGER NOT NULL) STRICT;"
	"CREATE INDEX field_name ON field(name);"
	"CREATE TABLE figures(year INTEGER, granted INTEGER, received INTEGER, carriedOver INTEGER,"
	" totalExpenses INTEGER, closing INTEGER, carryForward INTEGER, repay INTEGER) STRICT;";

const char DB_FIELD_SQL[] =
	"INSERT INTO field SELECT f.field, n.text, n.amount,"
	" CASE WHEN f.type = 'year' AND n.text GLOB '[0-9][0-9][0-9][0-9]' THEN CAST(n.text AS INTEGER) END,"
	" n.line, n.col FROM node n JOIN format f ON f.id = n.fmt WHERE n.first AND f.field IS NOT NULL"
	" ORDER BY n.id";

const char DB_FIGURES_SQL[] =
	"INSERT INTO figures SELECT"
	" (SELECT num FROM field WHERE name = 'year'),"
	" (SELECT amount FROM field WHERE name = 'granted'),"
	" (SELECT amount FROM field WHERE name = 'received'),"
	" (SELECT amount FROM field WHERE name = 'carriedOver'),"
	" (SELECT amount FROM field WHERE name = 'totalExpenses'),"
	" (SELECT amount FROM field WHERE name = 'closing'),"
	" (SELECT amount FROM field WHERE name = 'carryForward'),"
	" (SELECT amount FROM field WHERE name = 'repay')";

void db_fail(int rc, const char *errmsg, const char *what)
{
	die_bug("database error while %s: %s (SQLite %d)", what, errmsg, rc);
}

void db_check(struct workdb *w, int rc, const char *what)
{
	if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
		return;
	db_fail(rc, sqlite3_errmsg(w->db), what);
}

/* ---- SQL functions for rules ---------------------------------------- */

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

static int register_functions(sqlite3 *db)
{
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = SQLITE_OK;
	rc |= sqlite3_create_function(db, "is_date", 1, flags, NULL, fn_is_date, NULL, NULL);
	rc |= sqlite3_create_function(db, "orgnr_problem", 1, flags, NULL, fn_orgnr_problem, NULL, NULL);
	rc |= sqlite3_create_function(db, "plausible_email", 1, flags, NULL, fn_plausible_email, NULL, NULL);
	rc |= sqlite3_create_function(db, "edit_distance", 2, flags, NULL, fn_edit_distance, NULL, NULL);
	rc |= sqlite3_create_function(db, "exceeds_share", 3, flags, NULL, fn_exceeds_share, NULL, NULL);
	rc |= sqlite3_create_function(db, "share_bp", 2, flags, NULL, fn_share_bp, NULL, NULL);
	rc |= sqlite3_create_function(db, "sum_overflows", 1, flags, NULL, NULL, fn_sum_overflows_step,
	                              fn_sum_overflows_final);
	return rc;
}

/* ---- the sandbox ------------------------------------------------------ */

/* Functions rule SQL may call. Sorted for bsearch. Deliberately absent:
 * avg() and total() (floating point money), load_extension(), random(),
 * and everything that reads or changes state outside the query. */
static const char *const allowed_functions[] = {
	"abs", "char", "coalesce", "count", "date", "dense_rank", "edit_distance", "exceeds_share",
	"first_value", "format", "glob", "group_concat", "ifnull", "iif", "instr", "is_date",
	"julianday", "lag", "last_value", "lead", "length", "like", "lower", "ltrim", "max", "min",
	"nth_value", "nullif", "orgnr_problem", "plausible_email", "printf", "quote", "rank",
	"replace", "row_number", "rtrim", "share_bp", "strftime", "substr", "substring", "sum",
	"sum_overflows", "trim", "typeof", "unicode", "upper",
};

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

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
		char lower[64];
		size_t i;
		for (i = 0; name[i] && i < sizeof lower - 1; i++)
			lower[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
		lower[i] = '\0';
		const char *key = lower;
		return bsearch(&key, allowed_functions, sizeof allowed_functions / sizeof allowed_functions[0],
		               sizeof allowed_functions[0], cmp_name)
		               ? SQLITE_OK
		               : deny(w, "the function", name);
	}
	default:
		return deny(w, action >= 0 && action < (int)(sizeof names / sizeof names[0]) && names[action]
		                   ? names[action] : "a statement other than SELECT", a);
	}
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int progress(void *ud)
{
	struct workdb *w = ud;
	if (!w->running_rule)
		return 0;
	if (++w->ticks > w->tick_budget || now_ms() > w->deadline_ms) {
		w->budget_exceeded = 1;
		return 1;
	}
	return 0;
}

/* ---- open / close ----------------------------------------------------- */

static int load_format(struct workdb *w, strbuf *err)
{
	sqlite3_stmt *st = db_prepare(w, "INSERT INTO format VALUES(?,?,?,?,?,?,?,?,?,?,?)");
	for (int i = 0; i < FMT_COUNT; i++) {
		const struct fmt_node *f = &fmt_nodes[i];
		sqlite3_bind_int(st, 1, i);
		sqlite3_bind_text(st, 2, f->path, -1, SQLITE_STATIC);
		if (f->parent >= 0)
			sqlite3_bind_int(st, 3, f->parent);
		else
			sqlite3_bind_null(st, 3);
		sqlite3_bind_text(st, 4, f->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, f->kind == 'e' ? "element" : "attribute", -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 6, f->min);
		if (f->max >= 0)
			sqlite3_bind_int(st, 7, f->max);
		else
			sqlite3_bind_null(st, 7);
		if (vtype_name(f->type))
			sqlite3_bind_text(st, 8, vtype_name(f->type), -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 8);
		sqlite3_bind_int(st, 9, vtype_maxlen(f->type));
		if (f->field)
			sqlite3_bind_text(st, 10, f->field, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 10);
		if (f->list)
			sqlite3_bind_text(st, 11, f->list, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 11);
		int rc = sqlite3_step(st);
		if (rc != SQLITE_DONE) {
			sb_printf(err, "cannot set up the working database: %s", sqlite3_errmsg(w->db));
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return 0;
}

int db_open(struct workdb *w, strbuf *err)
{
	memset(w, 0, sizeof *w);
	/* One thread uses the connection: no mutexes (NOMUTEX), and no memory
	 * statistics, whose global mutex every allocation would take (this only
	 * takes effect before SQLite's first use in the process, else it is a
	 * harmless SQLITE_MISUSE). */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	int rc = sqlite3_open_v2("", &w->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		sb_printf(err, "cannot open a temporary working database: %s; check that TMPDIR is writable",
		          w->db ? sqlite3_errmsg(w->db) : sqlite3_errstr(rc));
		sqlite3_close(w->db);
		w->db = NULL;
		return -1;
	}
	int on = 0;
	if (sqlite3_db_config(w->db, SQLITE_DBCONFIG_DEFENSIVE, 1, &on) != SQLITE_OK ||
	    sqlite3_db_config(w->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &on) != SQLITE_OK ||
	    sqlite3_db_config(w->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &on) != SQLITE_OK ||
	    register_functions(w->db) != SQLITE_OK) {
		sb_printf(err, "cannot configure the working database: %s", sqlite3_errmsg(w->db));
		db_close(w);
		return -1;
	}
	sqlite3_limit(w->db, SQLITE_LIMIT_ATTACHED, 0);
	sqlite3_limit(w->db, SQLITE_LIMIT_SQL_LENGTH, 1 << 20);
	/* no value in the working database is longer than a few KiB (the parser
	 * caps text and names); a rule building a huge string (printf('%.*c',
	 * 900000000, 'x')) fails at once instead of taking a GiB of memory */
	sqlite3_limit(w->db, SQLITE_LIMIT_LENGTH, 1 << 20);
	sqlite3_set_authorizer(w->db, authorizer, w);
	sqlite3_progress_handler(w->db, 1000, progress, w);
	if (db_exec(w, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-2048;"
	               "PRAGMA temp_store=FILE; PRAGMA locking_mode=EXCLUSIVE;", err) ||
	    db_exec(w, SCHEMA, err) || load_format(w, err)) {
		db_close(w);
		return -1;
	}
	return 0;
}

void db_close(struct workdb *w)
{
	for (int i = 0; i < DB_RESET_TABLES; i++) {
		sqlite3_finalize(w->reset[i]);
		w->reset[i] = NULL;
	}
	if (w->db)
		sqlite3_close(w->db); /* other statements are finalized by their owners */
	w->db = NULL;
}

int db_exec(struct workdb *w, const char *sql, strbuf *err)
{
	char *msg = NULL;
	int rc = sqlite3_exec(w->db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		sb_printf(err, "working database: %s", msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

sqlite3_stmt *db_prepare(struct workdb *w, const char *sql)
{
	sqlite3_stmt *st = NULL;
	assert(!w->preparing_rule);
	db_check(w, sqlite3_prepare_v3(w->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL), sql);
	return st;
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
	 * takes 50 microseconds per unknown element; valgrind 50 times that) */
	const char *env = getenv("GRANTCHECK_RULE_SECONDS");
	int64_t base_ms = env && atoi(env) > 0 ? (int64_t)atoi(env) * 1000 : 30000;
	w->deadline_ms = now_ms() + base_ms + (rows > 0 ? rows : 0);
}

int db_reset_statement(struct workdb *w, strbuf *err)
{
	static const char *const tables[DB_RESET_TABLES] = {"doc", "node", "expense", "expense_group",
	                                                    "field", "figures", "context", "previous_field"};
	for (int i = 0; i < DB_RESET_TABLES; i++) {
		if (!w->reset[i]) {
			char sql[64];
			snprintf(sql, sizeof sql, "DELETE FROM %s", tables[i]);
			w->reset[i] = db_prepare(w, sql);
		}
		int rc = sqlite3_step(w->reset[i]);
		sqlite3_reset(w->reset[i]);
		if (rc != SQLITE_DONE) {
			sb_printf(err, "working database: cannot empty %s: %s", tables[i], sqlite3_errmsg(w->db));
			return -1;
		}
	}
	return 0;
}
