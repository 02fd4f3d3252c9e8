/*
 * register.c - the register of received statements (see register.h).
 */
#include "register.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fault.h"
#include "output.h"
#include "sha256.h"

/* the officer's register (schema v2), defined at the end of this file */
static char *col_dup(sqlite3_stmt *st, int i);
static long long current_of(struct reg *r, const char *rcc, int year);
static int is_identified(const struct file_result *res);
static int file_mtime_utc(const struct file_result *res, char out[21]);
static int reg_event_add(struct reg *r, const char *what, long long submission, const char *detail, const char *at,
                         strbuf *err);
static int make_current(struct reg *r, const char *rcc, int year, sqlite3_int64 id, const char *at,
                        enum reg_outcome *outcome, long long *superseded, strbuf *err);
static int reg_migrated_event(struct reg *r, int from, strbuf *err);
#include "register_findings.h"
#include "register_verify.h"

/* Migrations: entry i brings a register from schema version i to i + 1. */
static const char *const migrations[REGISTER_SCHEMA_VERSION] = {
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) STRICT;"
	"CREATE TABLE submission(id INTEGER PRIMARY KEY, path TEXT NOT NULL, file_name TEXT NOT NULL,"
	" sha256 TEXT NOT NULL UNIQUE, bytes INTEGER NOT NULL, received_at TEXT NOT NULL,"
	" programme TEXT, rcc TEXT, year INTEGER, ruleset TEXT, ruleset_checksum TEXT,"
	" status TEXT NOT NULL CHECK (status IN ('valid', 'warnings', 'invalid')),"
	" errors INTEGER NOT NULL, warnings INTEGER NOT NULL, infos INTEGER NOT NULL, attested TEXT,"
	" current INTEGER NOT NULL DEFAULT 0, superseded_by INTEGER REFERENCES submission(id)) STRICT;"
	"CREATE UNIQUE INDEX submission_current ON submission(rcc, year) WHERE current = 1;"
	"CREATE TABLE figure(submission INTEGER NOT NULL REFERENCES submission(id), name TEXT NOT NULL,"
	" text TEXT, amount INTEGER, PRIMARY KEY (submission, name)) STRICT;"
	"CREATE TABLE expense_total(submission INTEGER NOT NULL REFERENCES submission(id), category TEXT,"
	" criterion TEXT, amount INTEGER NOT NULL, lines INTEGER NOT NULL) STRICT;"
	"CREATE INDEX expense_total_submission ON expense_total(submission);"
	"CREATE TABLE finding(submission INTEGER NOT NULL REFERENCES submission(id), seq INTEGER NOT NULL,"
	" rule TEXT NOT NULL, severity TEXT NOT NULL, line INTEGER, col INTEGER, message_sv TEXT NOT NULL,"
	" message_en TEXT NOT NULL, PRIMARY KEY (submission, seq)) STRICT;"
	"INSERT INTO meta VALUES('application', 'grantcheck');"
	"INSERT INTO meta VALUES('created_by', 'grantcheck " GRANTCHECK_VERSION "');"
	"INSERT INTO meta VALUES('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));",
	/* schema v2 (shared DDL): unidentified submissions, withdrawals, the
	 * statement's bytes, finding fingerprints, acceptances, the audit trail */
	"ALTER TABLE submission ADD COLUMN identified INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE submission ADD COLUMN withdrawn_at TEXT;"
	"ALTER TABLE submission ADD COLUMN withdrawn_by TEXT;"
	"ALTER TABLE submission ADD COLUMN withdrawn_reason TEXT;"
	"ALTER TABLE submission ADD COLUMN file_mtime TEXT;"
	"CREATE TABLE content(submission INTEGER PRIMARY KEY REFERENCES submission(id), encoding TEXT NOT NULL,"
	" bytes BLOB NOT NULL) STRICT;"
	"ALTER TABLE finding ADD COLUMN xpath TEXT;"
	"ALTER TABLE finding ADD COLUMN fingerprint TEXT;"
	"ALTER TABLE finding ADD COLUMN change TEXT;"
	"CREATE TABLE fixed_finding(submission INTEGER NOT NULL REFERENCES submission(id), rule TEXT NOT NULL,"
	" fingerprint TEXT NOT NULL, message_sv TEXT, message_en TEXT) STRICT;"
	"CREATE TABLE acceptance(id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL, rule TEXT NOT NULL,"
	" rcc TEXT NOT NULL, year INTEGER NOT NULL, submission INTEGER NOT NULL REFERENCES submission(id),"
	" why TEXT NOT NULL, by TEXT NOT NULL, at TEXT NOT NULL) STRICT;"
	"CREATE INDEX acceptance_fingerprint ON acceptance(fingerprint);"
	"CREATE TABLE event(id INTEGER PRIMARY KEY, at TEXT NOT NULL, what TEXT NOT NULL, submission INTEGER,"
	" detail TEXT, by TEXT NOT NULL) STRICT;"
	"CREATE TRIGGER event_append_only_u BEFORE UPDATE ON event BEGIN SELECT RAISE(ABORT, 'event is append-only'); END;"
	"CREATE TRIGGER event_append_only_d BEFORE DELETE ON event BEGIN SELECT RAISE(ABORT, 'event is append-only'); END;"
	"CREATE TABLE user(name TEXT PRIMARY KEY, role TEXT NOT NULL, token_hash TEXT NOT NULL,"
	" created_at TEXT NOT NULL) STRICT;"
	/* v1 rows: unidentified where the file gave no RCC or year */
	"UPDATE submission SET identified = 0, current = 0 WHERE rcc IS NULL OR year IS NULL;",
};

void utc_now(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;
	if (!gmtime_r(&t, &tm) || strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm) != 20)
		snprintf(out, 21, "1970-01-01T00:00:00Z");
}

/* Explains an SQLite failure on the register in terms of what to do. */
static void reg_error(struct reg *r, int rc, const char *doing, strbuf *err)
{
	const char *msg = r->db ? sqlite3_errmsg(r->db) : sqlite3_errstr(rc);
	const char *hint;
	struct rlimit fsize;
	switch (rc & 0xff) {
	case SQLITE_FULL:
		hint = "the disk (or the file size limit) is full; free space and register again";
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		hint = "check that the register file and its folder exist and are writable";
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		hint = "another process holds the register too long; try again";
		break;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		hint = "the register is damaged (or not a grantcheck register); restore it from a backup or use "
		       "another --db";
		break;
	case SQLITE_IOERR:
		/* SQLite reports a write refused for the file size limit (EFBIG) or
		 * a full disk while growing the -shm file as an I/O error */
		if (r->db && sqlite3_system_errno(r->db) == ENOSPC)
			hint = "the disk is full; free space and register again";
		else if ((r->db && sqlite3_system_errno(r->db) == EFBIG) ||
		         (getrlimit(RLIMIT_FSIZE, &fsize) == 0 && fsize.rlim_cur != RLIM_INFINITY))
			hint = "the register may have reached the file size limit (ulimit -f); raise the limit or check "
			       "the disk, then register again";
		else
			hint = "the disk reported an error; check the disk and free space, then register again";
		break;
	default:
		hint = "the register was left as it was; report this if it persists";
		break;
	}
	sb_printf(err, "%s: %s: %s; %s", r->path, doing, msg, hint);
}

static int exec(struct reg *r, const char *sql, const char *doing, strbuf *err)
{
	int rc = sqlite3_exec(r->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		reg_error(r, rc, doing, err);
		return -1;
	}
	return 0;
}

static int query_int(struct reg *r, const char *sql, int *out, strbuf *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(r->db, sql, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int(st, 0);
			rc = SQLITE_OK;
		}
	}
	if (rc != SQLITE_OK)
		reg_error(r, rc, "reading the register", err);
	reg_unprep(r, st);
	return rc == SQLITE_OK ? 0 : -1;
}

static int migrate(struct reg *r, strbuf *err)
{
	int version, tables;
	if (query_int(r, "PRAGMA user_version", &version, err))
		return -1;
	if (version > REGISTER_SCHEMA_VERSION) {
		sb_printf(err, "%s: the register has schema version %d, made by a newer grantcheck (this one reads "
		          "up to %d); use that newer version", r->path, version, REGISTER_SCHEMA_VERSION);
		return -1;
	}
	if (version == REGISTER_SCHEMA_VERSION)
		return 0;
	/* WAL lets officers read while another registers; set before writing */
	if (exec(r, "PRAGMA journal_mode=WAL", "setting up the register", err) ||
	    exec(r, "BEGIN IMMEDIATE", "setting up the register", err))
		return -1;
	/* another process may have migrated while we waited for the lock */
	if (query_int(r, "PRAGMA user_version", &version, err))
		goto fail;
	if (version == 0) {
		if (query_int(r, "SELECT count(*) FROM sqlite_schema", &tables, err))
			goto fail;
		if (tables) {
			sb_printf(err, "%s: the file is an SQLite database but not a grantcheck register; use another --db",
			          r->path);
			goto fail;
		}
	}
	int from = version;
	for (; version < REGISTER_SCHEMA_VERSION; version++) {
		if (exec(r, migrations[version], "setting up the register", err))
			goto fail;
	}
	if (from > 0 && reg_migrated_event(r, from, err))
		goto fail;
	/* tests kill the process here: the migration must be all or nothing */
	unsigned fault = 0;
	if (fault_point("migrate", &fault)) {
		sb_printf(err, "%s: migrating the register: injected fault; the register was left as it was", r->path);
		goto fail;
	}
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", REGISTER_SCHEMA_VERSION);
	if (exec(r, pragma, "setting up the register", err) || exec(r, "COMMIT", "setting up the register", err))
		goto fail;
	return 0;
fail:
	sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* What stat() says before SQLite is asked: no such file, a folder, not a
 * regular file, an empty file (none of them a register). */
static int check_existing(const char *path, strbuf *err)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (errno == ENOENT)
			sb_printf(err, "%s: there is no register here (no such file); give it with --db FILE or "
			          "GRANTCHECK_DB, or create one with 'grantcheck register --db %s FILE...'", path, path);
		else
			sb_printf(err, "%s: cannot reach the register (%s); check the path and its permissions", path,
			          strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		sb_printf(err, "%s: is a folder, not a register; give the register's file with --db FILE", path);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		sb_printf(err, "%s: is not a regular file, so not a register; give the register's file with --db FILE",
		          path);
		return -1;
	}
	if (st.st_size == 0) {
		sb_printf(err, "%s: the file is empty, not a grantcheck register (it was left as it is); give the "
		          "register's file with --db FILE, or create a register with 'grantcheck register --db FILE "
		          "FILE...'", path);
		return -1;
	}
	return 0;
}

/* The read-only checks of an existing register: an SQLite database with
 * grantcheck's schema at a version this program reads. */
static int check_readonly(struct reg *r, strbuf *err)
{
	int version = 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(r->db, "PRAGMA user_version", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		version = sqlite3_column_int(st, 0);
		rc = rc == SQLITE_ROW ? SQLITE_OK : rc;
	}
	reg_unprep(r, st);
	if ((rc & 0xff) == SQLITE_NOTADB) {
		sb_printf(err, "%s: not a grantcheck register (not an SQLite database); give the register's file with "
		          "--db FILE", r->path);
		return -1;
	}
	if (rc != SQLITE_OK) {
		reg_error(r, rc, "cannot read the register", err);
		return -1;
	}
	if (version > REGISTER_SCHEMA_VERSION) {
		sb_printf(err, "%s: the register has schema version %d, made by a newer grantcheck (this one reads "
		          "up to %d); use that newer version", r->path, version, REGISTER_SCHEMA_VERSION);
		return -1;
	}
	if (version == 0) {
		sb_printf(err, "%s: an SQLite database but not a grantcheck register (it has no register schema); give "
		          "the register's file with --db FILE", r->path);
		return -1;
	}
	if (version < REGISTER_SCHEMA_VERSION) {
		sb_printf(err, "%s: the register has schema version %d, made by an earlier grantcheck, and reading "
		          "never changes it; upgrade it once with 'grantcheck register --db %s FILE...' (or withdraw), "
		          "which migrates it to version %d in one transaction", r->path, version, r->path,
		          REGISTER_SCHEMA_VERSION);
		return -1;
	}
	return 0;
}

/* Damage is noticed before the first write (PRAGMA quick_check): a damaged
 * register is refused, never written into. A file that is not a database
 * at all is left to migrate(), which says so. */
static int refuse_damaged(struct reg *r, strbuf *err)
{
	strbuf what = {0}, why = {0};
	int rc = reg_quick_check(r, &what, &why);
	if (rc == 1)
		sb_printf(err, "%s: the register is damaged: %s; nothing was written. Restore it from a backup (made "
		          "with 'grantcheck backup'), or run 'grantcheck verify --db %s' for the full report",
		          r->path, sb_str(&what), r->path);
	sb_free(&what);
	sb_free(&why);
	return rc == 1 ? -1 : 0;
}

int reg_open(struct reg *r, const char *path, enum reg_open_mode mode, strbuf *err)
{
	memset(r, 0, sizeof *r);
	r->path = xstrdup(path);
	reg_set_by(r, NULL);
	int readonly = mode == REG_EXISTING;
	struct stat st;
	if (mode == REG_WRITE_EXISTING && check_existing(path, err) != 0) {
		reg_close(r);
		return -1;
	}
	if (readonly ? check_existing(path, err) != 0 : stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		if (!readonly && S_ISDIR(st.st_mode))
			sb_printf(err, "%s: is a folder, not a register; give the register's file with --db FILE, e.g. "
			          "--db %s/register.db", path, path);
		else if (!readonly) /* a device or FIFO: SQLite would block or call it a disk error */
			sb_printf(err, "%s: is not a regular file, so not a register; give the register's file with --db "
			          "FILE", path);
		reg_close(r);
		return -1;
	}
	/* reading never writes: no create, no set-up, no journal change */
	int flags = readonly ? SQLITE_OPEN_READONLY
	                     : mode == REG_WRITE_EXISTING ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	int rc = sqlite3_open_v2(path, &r->db, flags, NULL);
	if (rc != SQLITE_OK) {
		reg_error(r, rc, "cannot open the register", err);
		reg_close(r);
		return -1;
	}
	int on;
	sqlite3_db_config(r->db, SQLITE_DBCONFIG_DEFENSIVE, 1, &on);
	sqlite3_db_config(r->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &on);
	sqlite3_busy_timeout(r->db, 30000);
	/* temp_store=MEMORY keeps the savepoint journal of every file of a
	 * batch (reg_record) in memory: by default it spills to a temporary
	 * file past 64 KiB, and a batch then wrote some 18 pages per file there
	 * (36 000 pwrite calls for 2000 files). It holds only what a failed
	 * file would undo inside the open transaction; durability is the WAL's */
	if (readonly ? check_readonly(r, err)
	             : exec(r, "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY", "opening the register", err) ||
	                   refuse_damaged(r, err) || migrate(r, err)) {
		reg_close(r);
		return -1;
	}
	int app_ok = 0;
	sqlite3_stmt *q;
	rc = sqlite3_prepare_v2(r->db, "SELECT value FROM meta WHERE key = 'application'", -1, &q, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(q);
		app_ok = rc == SQLITE_ROW && sqlite3_column_text(q, 0) &&
		         strcmp((const char *)sqlite3_column_text(q, 0), "grantcheck") == 0;
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	reg_unprep(r, q);
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB) {
		reg_error(r, rc, "cannot read the register", err);
		reg_close(r);
		return -1;
	}
	if (!app_ok) {
		sb_printf(err, "%s: not a grantcheck register; use another --db", path);
		reg_close(r);
		return -1;
	}
	return 0;
}

int reg_open_readonly(struct reg *r, const char *path, strbuf *err)
{
	return reg_open(r, path, REG_EXISTING, err);
}

void reg_close(struct reg *r)
{
	prev_statement_free(&r->prev);
	free(r->run_ids);
	for (int i = 0; i < r->ncache; i++)
		sqlite3_finalize(r->cache[i].st);
	if (r->db)
		sqlite3_close(r->db);
	free(r->path);
	memset(r, 0, sizeof *r);
}

/* ---- recording a file ------------------------------------------------- */

static const char *status_of(const struct file_result *res)
{
	return res->errors ? "invalid" : res->warnings ? "warnings" : "valid";
}

static int step_done(struct reg *r, sqlite3_stmt *st, const char *doing, strbuf *err)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		reg_error(r, rc, doing, err);
		return -1;
	}
	return 0;
}

int reg_prep(struct reg *r, const char *sql, sqlite3_stmt **st)
{
	for (int i = 0; i < r->ncache; i++)
		if (r->cache[i].sql == sql || strcmp(r->cache[i].sql, sql) == 0) {
			if (sqlite3_stmt_busy(r->cache[i].st))
				break; /* in use further up: a fresh one, finalized by reg_unprep */
			*st = r->cache[i].st;
			return SQLITE_OK;
		}
	int rc = sqlite3_prepare_v2(r->db, sql, -1, st, NULL);
	if (rc == SQLITE_OK && r->ncache < REG_CACHE) {
		int i;
		for (i = 0; i < r->ncache && strcmp(r->cache[i].sql, sql) != 0; i++)
			;
		if (i == r->ncache)
			r->cache[r->ncache++] = (struct reg_cached){sql, *st};
	}
	return rc;
}

void reg_unprep(struct reg *r, sqlite3_stmt *st)
{
	if (!st)
		return;
	for (int i = 0; i < r->ncache; i++)
		if (r->cache[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return;
		}
	sqlite3_finalize(st);
}

static int prep(struct reg *r, const char *sql, sqlite3_stmt **st, strbuf *err)
{
	int rc = reg_prep(r, sql, st);
	if (rc != SQLITE_OK) {
		reg_error(r, rc, "preparing to write the register", err);
		return -1;
	}
	return 0;
}

/* The figure and expense_total rows go in several per statement: each
 * statement costs about as much again as the rows it inserts (cursors
 * opened and closed, the parent row looked up for the foreign key), and a
 * small statement has some 22 values and 11 totals. The rows are inserted
 * in the same order as one at a time (same rowids), each OR IGNORE'd on
 * its own. */
#define V4 "(?,?,?,?)"
#define V4x4 V4 "," V4 "," V4 "," V4
#define V5 "(?,?,?,?,?)"
#define V5x4 V5 "," V5 "," V5 "," V5
static const char *const figure_sql[] = {
	"INSERT OR IGNORE INTO figure(submission, name, text, amount) VALUES" V4,
	"INSERT OR IGNORE INTO figure(submission, name, text, amount) VALUES" V4x4,
	"INSERT OR IGNORE INTO figure(submission, name, text, amount) VALUES" V4x4 "," V4x4 "," V4x4 "," V4x4,
};
static const char *const total_sql[] = {
	"INSERT INTO expense_total(submission, category, criterion, amount, lines) VALUES" V5,
	"INSERT INTO expense_total(submission, category, criterion, amount, lines) VALUES" V5x4,
	"INSERT INTO expense_total(submission, category, criterion, amount, lines) VALUES" V5x4 "," V5x4 "," V5x4
	"," V5x4,
};
static const int rows_per_sql[] = {1, 4, 16};

/* Binds row i of an array (figure: struct field_value; expense_total: struct
 * expense_total) at parameter k + 1 on. */
typedef void (*bind_row)(sqlite3_stmt *st, int k, sqlite3_int64 id, const void *rows, int i);

static void bind_figure(sqlite3_stmt *st, int k, sqlite3_int64 id, const void *rows, int i)
{
	const struct field_value *f = (const struct field_value *)rows + i;
	sqlite3_bind_int64(st, k + 1, id);
	sqlite3_bind_text(st, k + 2, f->name, -1, SQLITE_STATIC);
	if (f->text)
		sqlite3_bind_text(st, k + 3, f->text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, k + 3);
	if (f->has_amount)
		sqlite3_bind_int64(st, k + 4, f->amount);
	else
		sqlite3_bind_null(st, k + 4);
}

static void bind_total(sqlite3_stmt *st, int k, sqlite3_int64 id, const void *rows, int i)
{
	const struct expense_total *t = (const struct expense_total *)rows + i;
	sqlite3_bind_int64(st, k + 1, id);
	sqlite3_bind_text(st, k + 2, t->category, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, k + 3, t->criterion, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, k + 4, t->amount);
	sqlite3_bind_int64(st, k + 5, t->lines);
}

/* Inserts rows[0..n) of submission id, 16, 4 or 1 to a statement (sql[c]
 * holds rows_per_sql[c] rows of ncols parameters each), in order. */
static int insert_rows(struct reg *r, const char *const sql[], int ncols, bind_row bind, sqlite3_int64 id,
                       const void *rows, int n, const char *doing, strbuf *err)
{
	int rc = 0;
	for (int i = 0, c = 2; rc == 0 && i < n; i += rows_per_sql[c]) {
		while (n - i < rows_per_sql[c])
			c--;
		sqlite3_stmt *st;
		if (prep(r, sql[c], &st, err))
			return -1;
		for (int k = 0; k < rows_per_sql[c]; k++)
			bind(st, ncols * k, id, rows, i + k);
		rc = step_done(r, st, doing, err);
		reg_unprep(r, st);
	}
	return rc;
}

/* Records the statement's values and expense totals (res->figures). */
static int record_figures(struct reg *r, const struct figures *fig, sqlite3_int64 id, strbuf *err)
{
	return insert_rows(r, figure_sql, 4, bind_figure, id, fig->fields, fig->nfields, "recording the figures", err) ||
	       insert_rows(r, total_sql, 5, bind_total, id, fig->totals, fig->ntotals, "recording the expense totals",
	                   err)
	               ? -1
	               : 0;
}

static int record_findings(struct reg *r, const struct file_result *res, sqlite3_int64 id, strbuf *err)
{
	sqlite3_stmt *st;
	if (prep(r, "INSERT INTO finding(submission, seq, rule, severity, line, col, message_sv, message_en, xpath,"
	            " fingerprint) VALUES(?,?,?,?,?,?,?,?,?,?)", &st, err))
		return -1;
	int rc = 0;
	for (int i = 0; rc == 0 && i < res->nfindings; i++) {
		const struct finding *f = &res->findings[i];
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, i + 1);
		sqlite3_bind_text(st, 3, f->rule->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, severity_name(f->severity), -1, SQLITE_STATIC);
		if (f->line) {
			sqlite3_bind_int64(st, 5, f->line);
			sqlite3_bind_int64(st, 6, f->col);
		} else {
			sqlite3_bind_null(st, 5);
			sqlite3_bind_null(st, 6);
		}
		sqlite3_bind_text(st, 7, f->msg[LANG_SV], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, f->msg[LANG_EN], -1, SQLITE_STATIC);
		/* with fingerprints (engine_set_fingerprints) both, else neither */
		if (f->fingerprint) {
			sqlite3_bind_text(st, 9, f->xpath, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 10, f->fingerprint, -1, SQLITE_STATIC);
		} else {
			sqlite3_bind_null(st, 9);
			sqlite3_bind_null(st, 10);
		}
		rc = step_done(r, st, "recording the findings", err);
		sqlite3_reset(st);
	}
	reg_unprep(r, st);
	return rc;
}

/* exec() of a statement without results that runs once per file, kept
 * prepared (SAVEPOINT, RELEASE: parsing them cost more than running them). */
static int run_prepared(struct reg *r, const char *sql, const char *doing, strbuf *err)
{
	sqlite3_stmt *st;
	if (prep(r, sql, &st, err))
		return -1;
	int rc = step_done(r, st, doing, err);
	reg_unprep(r, st);
	return rc;
}

static void bind_opt_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

int reg_record(struct reg *r, const struct file_result *res, const char *received_at, enum reg_outcome *outcome,
               long long *superseded, strbuf *err)
{
	*superseded = 0;
	*outcome = REG_NEW;
	r->last_id = 0;
	/* alone: one transaction; inside a batch (reg_batch_begin): a savepoint,
	 * so a failure undoes this file and leaves the files before it */
	int nested = !sqlite3_get_autocommit(r->db);
	if (nested ? run_prepared(r, "SAVEPOINT reg_record", "starting to write", err)
	           : exec(r, "BEGIN IMMEDIATE", "starting to write", err))
		return -1;
	const char *finish = nested ? "RELEASE reg_record" : "COMMIT";
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (prep(r, "SELECT id, current, identified, withdrawn_at IS NOT NULL, rcc, year FROM submission"
	            " WHERE sha256 = ?", &st, err))
		goto out;
	sqlite3_bind_text(st, 1, res->sha256, -1, SQLITE_STATIC);
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW) {
		r->last_id = sqlite3_column_int64(st, 0);
		int cur = sqlite3_column_int(st, 1), ident = sqlite3_column_int(st, 2), gone = sqlite3_column_int(st, 3);
		*outcome = REG_DUPLICATE;
		if (!cur && ident && !gone && sqlite3_column_type(st, 4) != SQLITE_NULL) {
			char *rcc = col_dup(st, 4);
			int year = sqlite3_column_int(st, 5);
			reg_unprep(r, st);
			st = NULL;
			*superseded = current_of(r, rcc, year);
			free(rcc);
			if (*superseded > 0)
				*outcome = REG_DUPLICATE_NOT_CURRENT;
		}
		reg_unprep(r, st);
		st = NULL;
		rc = nested ? run_prepared(r, finish, "finishing", err) : exec(r, finish, "finishing", err);
		goto out;
	}
	reg_unprep(r, st);
	st = NULL;
	if (s != SQLITE_DONE) {
		reg_error(r, s, "looking for the file in the register", err);
		goto out;
	}
	if (prep(r, "INSERT INTO submission(path, file_name, sha256, bytes, received_at, programme, rcc, year,"
	            " ruleset, ruleset_checksum, status, errors, warnings, infos, attested, identified, file_mtime)"
	            " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &st, err))
		goto out;
	const char *base = strrchr(res->path, '/');
	int parsed = res->ruleset != NULL;
	const char *attested = parsed ? res->figures.attested : NULL;
	int identified = is_identified(res);
	char mtime[21];
	int has_mtime = file_mtime_utc(res, mtime);
	bind_opt_text(st, 1, res->path);
	bind_opt_text(st, 2, base ? base + 1 : res->path);
	bind_opt_text(st, 3, res->sha256);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)res->bytes);
	bind_opt_text(st, 5, received_at);
	bind_opt_text(st, 6, res->programme);
	bind_opt_text(st, 7, res->rcc);
	if (res->year)
		sqlite3_bind_int(st, 8, res->year);
	bind_opt_text(st, 9, res->ruleset ? res->ruleset->id : NULL);
	bind_opt_text(st, 10, res->ruleset ? res->ruleset->checksum : NULL);
	bind_opt_text(st, 11, status_of(res));
	sqlite3_bind_int(st, 12, res->errors);
	sqlite3_bind_int(st, 13, res->warnings);
	sqlite3_bind_int(st, 14, res->infos);
	bind_opt_text(st, 15, attested);
	sqlite3_bind_int(st, 16, identified);
	bind_opt_text(st, 17, has_mtime ? mtime : NULL);
	if (step_done(r, st, "recording the submission", err))
		goto out;
	reg_unprep(r, st);
	st = NULL;
	sqlite3_int64 id = sqlite3_last_insert_rowid(r->db);
	r->last_id = id;
	if ((parsed && record_figures(r, &res->figures, id, err)) || record_findings(r, res, id, err) ||
	    regf_store_content(r, id, res, err) || reg_event_add(r, "registered", id, NULL, received_at, err))
		goto out;
	if (!identified)
		*outcome = REG_UNIDENTIFIED;
	else if (make_current(r, res->rcc, res->year, id, received_at, outcome, superseded, err))
		goto out;
	/* fingerprints, what changed since the submission this one replaced */
	if (regf_record_changes(r, id, *outcome == REG_NEW ? *superseded : 0, res, err))
		goto out;
	rc = nested ? run_prepared(r, finish, "finishing the submission", err)
	            : exec(r, finish, "finishing the submission", err);
	if (rc == 0) {
		r->run_ids = xgrow(r->run_ids, &r->run_cap, (size_t)r->nrun + 1, sizeof *r->run_ids);
		r->run_ids[r->nrun++] = id;
	}
out:
	reg_unprep(r, st);
	if (rc && nested) {
		/* SQLite may have rolled the whole transaction back itself (a full
		 * disk): then there is no savepoint left to return to */
		if (!sqlite3_get_autocommit(r->db) &&
		    sqlite3_exec(r->db, "ROLLBACK TO reg_record; RELEASE reg_record", NULL, NULL, NULL) != SQLITE_OK)
			sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
	} else if (rc) {
		sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
	}
	return rc;
}

int reg_batch_begin(struct reg *r, strbuf *err)
{
	if (!sqlite3_get_autocommit(r->db))
		return 0;
	return exec(r, "BEGIN IMMEDIATE", "starting to write", err);
}

int reg_batch_commit(struct reg *r, int *lost, strbuf *err)
{
	*lost = 0;
	if (sqlite3_get_autocommit(r->db)) {
		/* rolled back by SQLite after a failure: nothing since the batch began is there */
		*lost = r->nrun - r->batch_start;
	} else if (exec(r, "COMMIT", "finishing the batch of files", err)) {
		sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
		*lost = r->nrun - r->batch_start;
	}
	if (*lost)
		r->nrun = r->batch_start; /* they are not in the register */
	r->batch_start = r->nrun;
	return *lost ? -1 : 0;
}

/* ---- cross-statement lookups -------------------------------------------- */

int reg_prev_provider(void *ctx, const char *rcc, int year, const struct prev_statement **out, strbuf *err)
{
	struct reg *r = ctx;
	sqlite3_stmt *st;
	if (prep(r, "SELECT id, file_name, received_at FROM submission WHERE rcc = ? AND year = ? AND current = 1",
	         &st, err))
		return -1;
	sqlite3_bind_text(st, 1, rcc, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, year);
	int s = sqlite3_step(st);
	if (s != SQLITE_ROW) {
		reg_unprep(r, st);
		if (s == SQLITE_DONE)
			return 0;
		reg_error(r, s, "looking up last year's statement", err);
		return -1;
	}
	prev_statement_free(&r->prev);
	sqlite3_int64 id = sqlite3_column_int64(st, 0);
	strbuf src = {0};
	sb_printf(&src, "%s %s, %s", "register", (const char *)sqlite3_column_text(st, 1),
	          (const char *)sqlite3_column_text(st, 2));
	reg_unprep(r, st);
	struct figures fig = {0};
	size_t cap = 0;
	if (prep(r, "SELECT name, text, amount FROM figure WHERE submission = ?", &st, err)) {
		sb_free(&src);
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		fig.fields = xgrow(fig.fields, &cap, (size_t)fig.nfields + 1, sizeof *fig.fields);
		struct field_value *f = &fig.fields[fig.nfields++];
		f->name = xstrdup((const char *)sqlite3_column_text(st, 0));
		const char *t = (const char *)sqlite3_column_text(st, 1);
		f->text = t ? xstrdup(t) : NULL;
		f->has_amount = sqlite3_column_type(st, 2) == SQLITE_INTEGER;
		f->amount = sqlite3_column_int64(st, 2);
	}
	reg_unprep(r, st);
	if (s == SQLITE_DONE)
		prev_statement_init(&r->prev, sb_str(&src), rcc, year, &fig);
	figures_free(&fig);
	sb_free(&src);
	if (s != SQLITE_DONE) {
		reg_error(r, s, "reading last year's statement", err);
		return -1;
	}
	*out = &r->prev;
	return 1;
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return t ? xstrdup(t) : NULL;
}

int reg_current_rows(struct reg *r, struct reg_row **out, int *n, strbuf *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (prep(r, "SELECT s.rcc, s.year, s.programme, s.path,"
	            " (SELECT amount FROM figure WHERE submission = s.id AND name = 'granted'),"
	            " (SELECT amount FROM figure WHERE submission = s.id AND name = 'received'), s.status"
	            " FROM submission s WHERE s.current = 1 AND s.identified = 1 ORDER BY s.year, s.rcc", &st, err))
		return -1;
	size_t cap = 0;
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xgrow(*out, &cap, (size_t)*n + 1, sizeof **out);
		struct reg_row *row = &(*out)[(*n)++];
		memset(row, 0, sizeof *row);
		row->rcc = col_dup(st, 0);
		row->year = sqlite3_column_type(st, 1) == SQLITE_INTEGER ? sqlite3_column_int(st, 1) : 0;
		row->programme = col_dup(st, 2);
		row->path = col_dup(st, 3);
		row->has_granted = sqlite3_column_type(st, 4) == SQLITE_INTEGER;
		row->granted = sqlite3_column_int64(st, 4);
		row->has_received = sqlite3_column_type(st, 5) == SQLITE_INTEGER;
		row->received = sqlite3_column_int64(st, 5);
		row->status = col_dup(st, 6);
	}
	reg_unprep(r, st);
	if (s != SQLITE_DONE) {
		reg_error(r, s, "reading the current statements", err);
		reg_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void reg_rows_free(struct reg_row *rows, int n)
{
	for (int i = 0; i < n; i++) {
		free((char *)rows[i].rcc);
		free((char *)rows[i].programme);
		free((char *)rows[i].path);
		free((char *)rows[i].status);
	}
	free(rows);
}

int reg_check_register(struct reg *r, struct engine *e, struct file_result *res, strbuf *err)
{
	memset(res, 0, sizeof *res);
	struct reg_row *rows;
	int n;
	if (reg_current_rows(r, &rows, &n, err))
		return -1;
	int rc = engine_check_register(e, r->path, rows, n, res, err);
	reg_rows_free(rows, n);
	return rc;
}

/* ---- listing ------------------------------------------------------------ */

int reg_list(struct reg *r, int year, int history, struct reg_submission **out, int *n, strbuf *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (prep(r, "SELECT id, rcc, year, status, errors, warnings, received_at, path, sha256,"
	            " current, superseded_by, programme, identified, withdrawn_at, withdrawn_by, withdrawn_reason"
	            " FROM submission WHERE (?1 = 0 OR year = ?1 OR identified = 0)"
	            " AND (current = 1 OR identified = 0 OR ?2)"
	            " ORDER BY identified DESC, year IS NULL, year, rcc, id", &st, err))
		return -1;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_int(st, 2, history);
	size_t cap = 0;
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xgrow(*out, &cap, (size_t)*n + 1, sizeof **out);
		struct reg_submission *x = &(*out)[(*n)++];
		x->id = sqlite3_column_int64(st, 0);
		x->rcc = col_dup(st, 1);
		x->year = sqlite3_column_type(st, 2) == SQLITE_NULL ? 0 : sqlite3_column_int(st, 2);
		x->status = col_dup(st, 3);
		x->errors = sqlite3_column_int(st, 4);
		x->warnings = sqlite3_column_int(st, 5);
		x->received_at = col_dup(st, 6);
		x->path = col_dup(st, 7);
		x->sha256 = col_dup(st, 8);
		x->current = sqlite3_column_int(st, 9);
		x->superseded_by = sqlite3_column_type(st, 10) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 10);
		x->programme = col_dup(st, 11);
		x->identified = sqlite3_column_int(st, 12);
		x->withdrawn_at = col_dup(st, 13);
		x->withdrawn_by = col_dup(st, 14);
		x->withdrawn_reason = col_dup(st, 15);
		if (!x->status)
			x->status = xstrdup("invalid");
		if (!x->received_at)
			x->received_at = xstrdup("");
		if (!x->path)
			x->path = xstrdup("");
		if (!x->sha256)
			x->sha256 = xstrdup("");
	}
	reg_unprep(r, st);
	if (s != SQLITE_DONE) {
		reg_error(r, s, "reading the register", err);
		reg_submissions_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void reg_submissions_free(struct reg_submission *s, int n)
{
	for (int i = 0; i < n; i++) {
		free(s[i].rcc);
		free(s[i].status);
		free(s[i].received_at);
		free(s[i].path);
		free(s[i].sha256);
		free(s[i].programme);
		free(s[i].withdrawn_at);
		free(s[i].withdrawn_by);
		free(s[i].withdrawn_reason);
	}
	free(s);
}

/* ---- the officer's register (schema v2): identification, corrections,
 * withdrawals, the statement's bytes and the audit trail ---------------- */

void reg_login_name(char *out, size_t n)
{
	struct passwd pw, *pwp = NULL;
	char buf[1024];
	const char *name = NULL;
	if (getpwuid_r(getuid(), &pw, buf, sizeof buf, &pwp) == 0 && pwp && pwp->pw_name && *pwp->pw_name)
		name = pwp->pw_name;
	if (!name)
		name = getlogin();
	if (!name || !*name)
		name = getenv("USER");
	snprintf(out, n, "%s", name && *name ? name : "unknown");
}

void reg_set_by(struct reg *r, const char *name)
{
	if (name && *name)
		snprintf(r->by, sizeof r->by, "%s", name);
	else
		reg_login_name(r->by, sizeof r->by);
}

/* Appends one row to the audit trail (inside the caller's transaction). */
static int reg_event_add(struct reg *r, const char *what, long long submission, const char *detail, const char *at,
                         strbuf *err)
{
	sqlite3_stmt *st;
	char now[21];
	if (!at) {
		utc_now(now);
		at = now;
	}
	if (prep(r, "INSERT INTO event(at, what, submission, detail, by) VALUES(?,?,?,?,?)", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, what, -1, SQLITE_STATIC);
	if (submission > 0)
		sqlite3_bind_int64(st, 3, submission);
	bind_opt_text(st, 4, detail);
	sqlite3_bind_text(st, 5, r->by, -1, SQLITE_STATIC);
	int rc = step_done(r, st, "recording the event", err);
	reg_unprep(r, st);
	return rc;
}

static int reg_migrated_event(struct reg *r, int from, strbuf *err)
{
	char detail[96];
	snprintf(detail, sizeof detail, "schema %d -> %d (grantcheck %s)", from, REGISTER_SCHEMA_VERSION,
	         GRANTCHECK_VERSION);
	return reg_event_add(r, "migrated", 0, detail, NULL, err);
}

/* Identified: the file gave its RCC and year, and the RCC is one of the
 * rule set's (its "rcc" code list; a rule set without one takes any). */
static int is_identified(const struct file_result *res)
{
	if (!res->ruleset || !res->rcc || !*res->rcc || !res->year)
		return 0;
	int any = 0;
	for (int i = 0; i < res->ruleset->ncodes; i++) {
		const struct rs_code *c = &res->ruleset->codes[i];
		if (strcmp(c->list, "rcc") != 0)
			continue;
		any = 1;
		if (strcmp(c->code, res->rcc) == 0)
			return 1;
	}
	return !any;
}

/* The checked file's modification time as UTC text: that of the bytes
 * checked (the engine's fstat), not of whatever is at the path now. */
static int file_mtime_utc(const struct file_result *res, char out[21])
{
	struct tm tm;
	time_t t = (time_t)res->mtime;
	if (!res->has_mtime || !gmtime_r(&t, &tm))
		return 0;
	return strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm) == 20;
}


int reg_read_begin(struct reg *r, strbuf *err)
{
	if (sqlite3_exec(r->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	sb_printf(err, "%s: cannot read the register: %s", r->path, sqlite3_errmsg(r->db));
	return -1;
}

void reg_read_end(struct reg *r)
{
	if (r->db && !sqlite3_get_autocommit(r->db))
		sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL); /* nothing was written */
}

/* The current submission of rcc and year (0: none, -1: failure). */
static long long current_of(struct reg *r, const char *rcc, int year)
{
	sqlite3_stmt *st;
	if (reg_prep(r, "SELECT id FROM submission WHERE rcc = ? AND year = ? AND current = 1", &st) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, rcc, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, year);
	int s = sqlite3_step(st);
	long long id = s == SQLITE_ROW ? sqlite3_column_int64(st, 0) : s == SQLITE_DONE ? 0 : -1;
	reg_unprep(r, st);
	return id;
}

static int in_run(const struct reg *r, long long id)
{
	for (int i = 0; i < r->nrun; i++)
		if (r->run_ids[i] == id)
			return 1;
	return 0;
}

/* The order of corrections: attestation date, then file time, then path
 * (NULL first); within one run the last in this order is current. */
#define CORRECTION_ORDER "attested IS NOT NULL, attested, file_mtime IS NOT NULL, file_mtime, path, id"
#define CORRECTION_ORDER_DESC                                                                                   \
	"attested IS NOT NULL DESC, attested DESC, file_mtime IS NOT NULL DESC, file_mtime DESC, path DESC, id DESC"

/* CORRECTION_ORDER as a row value of table alias t, for comparing two rows
 * without sorting them (coalesce: two NULLs are equal, as in the order) */
#define CORRECTION_KEY(t)                                                                                       \
	"(" t ".attested IS NOT NULL, coalesce(" t ".attested, ''), " t ".file_mtime IS NOT NULL, coalesce(" t      \
	".file_mtime, ''), " t ".path, " t ".id)"

/* 1 when submission a comes after b in CORRECTION_ORDER, 0 when not. */
static int comes_after(struct reg *r, long long a, long long b, strbuf *err)
{
	sqlite3_stmt *st;
	if (prep(r, "SELECT " CORRECTION_KEY("a") " > " CORRECTION_KEY("b") " FROM submission a, submission b"
	            " WHERE a.id = ?1 AND b.id = ?2", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	int s = sqlite3_step(st);
	int rc = s == SQLITE_ROW ? sqlite3_column_int(st, 0) == 1 : -1;
	if (rc < 0)
		reg_error(r, s, "ordering the corrections", err);
	reg_unprep(r, st);
	return rc;
}

static int set_current(struct reg *r, long long id, long long old, const char *at, strbuf *err)
{
	sqlite3_stmt *st;
	if (old > 0) {
		if (prep(r, "UPDATE submission SET current = 0, superseded_by = ?2 WHERE id = ?1", &st, err))
			return -1;
		sqlite3_bind_int64(st, 1, old);
		sqlite3_bind_int64(st, 2, id);
		int rc = step_done(r, st, "replacing the current submission", err);
		reg_unprep(r, st);
		char detail[64];
		snprintf(detail, sizeof detail, "replaced by #%lld", id);
		if (rc || reg_event_add(r, "superseded", old, detail, at, err))
			return -1;
	}
	if (prep(r, "UPDATE submission SET current = 1, superseded_by = NULL WHERE id = ?", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = step_done(r, st, "making the submission current", err);
	reg_unprep(r, st);
	return rc;
}

/* A new identified submission id of rcc and year becomes current, unless
 * the current one was recorded earlier in this same run and comes after
 * it in CORRECTION_ORDER (the corrected copy wins whatever the file order). */
static int make_current(struct reg *r, const char *rcc, int year, sqlite3_int64 id, const char *at,
                        enum reg_outcome *outcome, long long *superseded, strbuf *err)
{
	long long cur = current_of(r, rcc, year);
	if (cur < 0) {
		reg_error(r, sqlite3_errcode(r->db), "looking up the current submission", err);
		return -1;
	}
	if (cur > 0 && in_run(r, cur)) {
		int after = comes_after(r, cur, id, err);
		if (after < 0)
			return -1;
		if (after) {
			sqlite3_stmt *st;
			if (prep(r, "UPDATE submission SET superseded_by = ?2 WHERE id = ?1", &st, err))
				return -1;
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int64(st, 2, cur);
			int rc = step_done(r, st, "recording the submission", err);
			reg_unprep(r, st);
			char detail[96];
			snprintf(detail, sizeof detail, "not current: #%lld is a later correction", cur);
			if (rc || reg_event_add(r, "superseded", id, detail, at, err))
				return -1;
			*outcome = REG_NEW_NOT_CURRENT;
			*superseded = cur;
			return 0;
		}
	}
	*superseded = cur;
	return set_current(r, id, cur, at, err);
}

int reg_withdraw(struct reg *r, long long id, const char *reason, const char *at, long long *reinstated,
                 strbuf *err)
{
	*reinstated = 0;
	if (exec(r, "BEGIN IMMEDIATE", "starting to write", err))
		return -1;
	sqlite3_stmt *st = NULL;
	char *rcc = NULL, *when = NULL;
	int year = 0, cur = 0, ident = 0, rc = -1;
	if (prep(r, "SELECT rcc, year, current, identified, withdrawn_at FROM submission WHERE id = ?", &st, err))
		goto out;
	sqlite3_bind_int64(st, 1, id);
	int s = sqlite3_step(st);
	if (s == SQLITE_DONE) {
		sb_printf(err, "%s: there is no submission #%lld; 'grantcheck list --history --db %s' shows their numbers",
		          r->path, id, r->path);
		goto out;
	}
	if (s != SQLITE_ROW) {
		reg_error(r, s, "reading the submission", err);
		goto out;
	}
	rcc = col_dup(st, 0);
	year = sqlite3_column_int(st, 1);
	cur = sqlite3_column_int(st, 2);
	ident = sqlite3_column_int(st, 3);
	when = col_dup(st, 4);
	reg_unprep(r, st);
	st = NULL;
	if (when) {
		sb_printf(err, "%s: submission #%lld was already withdrawn (%s); nothing was changed", r->path, id, when);
		goto out;
	}
	if (prep(r, "UPDATE submission SET withdrawn_at = ?2, withdrawn_by = ?3, withdrawn_reason = ?4, current = 0"
	            " WHERE id = ?1", &st, err))
		goto out;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->by, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, reason, -1, SQLITE_STATIC);
	if (step_done(r, st, "withdrawing the submission", err))
		goto out;
	reg_unprep(r, st);
	st = NULL;
	if (reg_event_add(r, "withdrawn", id, reason, at, err))
		goto out;
	if (cur && ident && rcc) {
		if (prep(r, "SELECT id FROM submission WHERE rcc = ?1 AND year = ?2 AND identified = 1"
		            " AND withdrawn_at IS NULL AND id <> ?3 ORDER BY " CORRECTION_ORDER_DESC " LIMIT 1", &st, err))
			goto out;
		sqlite3_bind_text(st, 1, rcc, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, year);
		sqlite3_bind_int64(st, 3, id);
		s = sqlite3_step(st);
		if (s == SQLITE_ROW)
			*reinstated = sqlite3_column_int64(st, 0);
		reg_unprep(r, st);
		st = NULL;
		if (s != SQLITE_ROW && s != SQLITE_DONE) {
			reg_error(r, s, "finding the submission to reinstate", err);
			goto out;
		}
		char detail[64];
		snprintf(detail, sizeof detail, "current again after #%lld was withdrawn", id);
		if (*reinstated && (set_current(r, *reinstated, 0, at, err) ||
		                    reg_event_add(r, "reinstated", *reinstated, detail, at, err)))
			goto out;
	}
	rc = exec(r, "COMMIT", "finishing the withdrawal", err);
out:
	reg_unprep(r, st);
	if (rc)
		sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
	free(rcc);
	free(when);
	return rc;
}

int reg_events(struct reg *r, int year, struct reg_event **out, int *n, strbuf *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (prep(r, "SELECT e.id, e.at, e.what, e.submission, e.detail, e.by FROM event e"
	            " LEFT JOIN submission s ON s.id = e.submission"
	            " WHERE ?1 = 0 OR s.year = ?1 ORDER BY e.id", &st, err))
		return -1;
	sqlite3_bind_int(st, 1, year);
	size_t cap = 0;
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xgrow(*out, &cap, (size_t)*n + 1, sizeof **out);
		struct reg_event *x = &(*out)[(*n)++];
		x->id = sqlite3_column_int64(st, 0);
		x->at = col_dup(st, 1);
		x->what = col_dup(st, 2);
		x->submission = sqlite3_column_type(st, 3) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 3);
		x->detail = col_dup(st, 4);
		x->by = col_dup(st, 5);
	}
	reg_unprep(r, st);
	if (s != SQLITE_DONE) {
		reg_error(r, s, "reading the events", err);
		reg_events_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void reg_events_free(struct reg_event *e, int n)
{
	for (int i = 0; i < n; i++) {
		free(e[i].at);
		free(e[i].what);
		free(e[i].detail);
		free(e[i].by);
	}
	free(e);
}
