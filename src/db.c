/*
 * db.c - the working database: schema, open/close, trusted exec/prepare and
 * the reset between statements (see db.h). The functions rules may call are
 * in sqlfunc.c, the rule sandbox in sandbox.c.
 */
#include "db.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "sqlfunc.h"
#include "sqlmem.h"

static const char SCHEMA[] =
	/* the format (filled from format.c) */
	"CREATE TABLE format(id INTEGER PRIMARY KEY, path TEXT NOT NULL, parent INTEGER, name TEXT NOT NULL,"
	" kind TEXT NOT NULL, min INTEGER NOT NULL, max INTEGER, type TEXT, maxlen INTEGER NOT NULL,"
	" field TEXT, list TEXT) STRICT;"
	/* rules look values up by field name (the views field and figures) */
	"CREATE INDEX format_field ON format(field);"
	/* rules pick the nodes of one type ("WHERE f.type = 'orgnr'"): from the
	 * few formats of that type through node_fmt, not by reading every node */
	"CREATE INDEX format_type ON format(type);"
	/* the rule set's data (filled from the rule set folder). The tables
	 * rules look up by key are WITHOUT ROWID: a lookup is one seek of one
	 * b-tree, where a rowid table's key is a second index (one more cursor
	 * and seek per lookup, about 130 ns; a small statement makes some 60) */
	"CREATE TABLE param(name TEXT PRIMARY KEY, value ANY) STRICT, WITHOUT ROWID;"
	"CREATE TABLE programme_year(year INTEGER PRIMARY KEY, appropriation INTEGER NOT NULL,"
	" due TEXT NOT NULL) STRICT;"
	"CREATE TABLE code(list TEXT NOT NULL, code TEXT NOT NULL, label_sv TEXT, label_en TEXT,"
	" seq INTEGER NOT NULL, PRIMARY KEY(list, code)) STRICT, WITHOUT ROWID;"
	/* the statement */
	"CREATE TABLE doc(path TEXT, sha256 TEXT, bytes INTEGER, encoding TEXT) STRICT;"
	"CREATE TABLE node(id INTEGER PRIMARY KEY, parent INTEGER, kind TEXT NOT NULL, name TEXT NOT NULL,"
	" ns TEXT, path TEXT NOT NULL, fmt INTEGER, nth INTEGER, text TEXT, nchars INTEGER, ctrl INTEGER,"
	" amount INTEGER, line INTEGER NOT NULL, col INTEGER NOT NULL, first INTEGER) STRICT;"
	/* a node's child of one format (S1's "is the required child there") is
	 * one probe of this index, without reading the node */
	"CREATE INDEX node_fmt ON node(fmt, parent);"
	/* S1's "does any element repeat" (nth > 1) is one probe of an index that
	 * is empty for nearly every statement, not a read of every node */
	"CREATE INDEX node_repeat ON node(id) WHERE nth > 1;"
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
	"CREATE TABLE context(name TEXT PRIMARY KEY, value ANY) STRICT, WITHOUT ROWID;"
	"CREATE TABLE previous_field(name TEXT PRIMARY KEY, text TEXT, amount INTEGER) STRICT, WITHOUT ROWID;"
	/* register-level rules: the current statement of every RCC and year */
	"CREATE TABLE register_statement(rcc TEXT, year INTEGER, programme TEXT, path TEXT,"
	" granted INTEGER, received INTEGER, status TEXT) STRICT;"
	/* the first occurrence of every value by its short name, and the
	 * statement's figures as one row (NULL where missing or malformed):
	 * tables the loader fills once per statement (loader.c, write_fields),
	 * since nearly every rule reads them */
	/* (a name is there once: the loader writes the first of each format, and
	 * no two formats share a short name) */
	"CREATE TABLE field(name TEXT PRIMARY KEY, text TEXT, amount INTEGER, num INTEGER,"
	" line INTEGER NOT NULL, col INTEGER NOT NULL) STRICT, WITHOUT ROWID;"
	"CREATE TABLE figures(year INTEGER, granted INTEGER, received INTEGER, carriedOver INTEGER,"
	" totalExpenses INTEGER, closing INTEGER, carryForward INTEGER, repay INTEGER) STRICT;";

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

int db_global_init(void)
{
	/* No memory statistics, whose global mutex every allocation would
	 * take. sqlite3_config is not thread-safe and only takes effect before
	 * SQLite's first use in the process (after it, a harmless
	 * SQLITE_MISUSE): so it is done here, once, before any thread opens a
	 * database (the spare engines open theirs beside the caller's). */
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	(void)sqlmem_install();
	return sqlite3_initialize();
}

int db_open(struct workdb *w, strbuf *err)
{
	memset(w, 0, sizeof *w);
	/* One thread uses the connection: no mutexes (NOMUTEX) */
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
	    sqlfunc_register(w->db, &w->codes) != SQLITE_OK) {
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
	sandbox_install(w);
	/* secure_delete (on in Debian's build) would overwrite every page
	 * freed or emptied with zeros: for each table emptied between
	 * statements and each temporary table a rule opens, a 4 KiB memset
	 * in a private file nobody else reads */
	if (db_exec(w, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-2048;"
	               "PRAGMA temp_store=FILE; PRAGMA locking_mode=EXCLUSIVE; PRAGMA secure_delete=OFF;", err) ||
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
	code_index_free(&w->codes);
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

int db_reset_statement(struct workdb *w, strbuf *err)
{
	/* (not context: the engine keeps it, engine_impl.h) */
	static const char *const tables[DB_RESET_TABLES] = {"doc",   "node",    "expense",       "expense_group",
	                                                    "field", "figures", "previous_field"};
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
