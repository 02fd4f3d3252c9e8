/*
 * register.c - the register of received statements (see register.h).
 */
#include "register.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "output.h"

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
		hint = "the file is not a usable grantcheck register; restore it from a backup or use another --db";
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
	sqlite3_finalize(st);
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
	for (; version < REGISTER_SCHEMA_VERSION; version++) {
		if (exec(r, migrations[version], "setting up the register", err))
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

int reg_open(struct reg *r, const char *path, enum reg_open_mode mode, strbuf *err)
{
	memset(r, 0, sizeof *r);
	r->path = xstrdup(path);
	struct stat st;
	if (mode == REG_EXISTING && stat(path, &st) != 0) {
		sb_printf(err, "%s: there is no register here (%s); give it with --db FILE or GRANTCHECK_DB, or "
		          "create one with 'grantcheck register --db %s FILE...'", path, strerror(errno), path);
		reg_close(r);
		return -1;
	}
	int flags = SQLITE_OPEN_READWRITE | (mode == REG_CREATE ? SQLITE_OPEN_CREATE : 0);
	int rc = sqlite3_open_v2(path, &r->db, flags, NULL);
	if (rc == SQLITE_CANTOPEN && mode == REG_EXISTING) {
		sqlite3_close(r->db);
		r->db = NULL;
		rc = sqlite3_open_v2(path, &r->db, SQLITE_OPEN_READONLY, NULL);
	}
	if (rc != SQLITE_OK) {
		reg_error(r, rc, "cannot open the register", err);
		reg_close(r);
		return -1;
	}
	int on;
	sqlite3_db_config(r->db, SQLITE_DBCONFIG_DEFENSIVE, 1, &on);
	sqlite3_db_config(r->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, &on);
	sqlite3_busy_timeout(r->db, 30000);
	if (exec(r, "PRAGMA foreign_keys=ON", "opening the register", err) || migrate(r, err)) {
		reg_close(r);
		return -1;
	}
	int app_ok = 0;
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(r->db, "SELECT value FROM meta WHERE key = 'application'", -1, &q, NULL) == SQLITE_OK) {
		app_ok = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0) &&
		         strcmp((const char *)sqlite3_column_text(q, 0), "grantcheck") == 0;
		sqlite3_finalize(q);
	}
	if (!app_ok) {
		sb_printf(err, "%s: not a grantcheck register; use another --db", path);
		reg_close(r);
		return -1;
	}
	return 0;
}

void reg_close(struct reg *r)
{
	prev_statement_free(&r->prev);
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

static int prep(struct reg *r, const char *sql, sqlite3_stmt **st, strbuf *err)
{
	int rc = sqlite3_prepare_v2(r->db, sql, -1, st, NULL);
	if (rc != SQLITE_OK) {
		reg_error(r, rc, "preparing to write the register", err);
		return -1;
	}
	return 0;
}

/* Copies the statement's values and expense totals from the working database. */
static int copy_figures(struct reg *r, struct engine *e, sqlite3_int64 id, strbuf *err)
{
	sqlite3_stmt *src = db_prepare(&e->w, "SELECT name, text, amount FROM field");
	sqlite3_stmt *dst;
	if (prep(r, "INSERT OR IGNORE INTO figure(submission, name, text, amount) VALUES(?,?,?,?)", &dst, err)) {
		sqlite3_finalize(src);
		return -1;
	}
	int rc = 0, s;
	while (rc == 0 && (s = sqlite3_step(src)) == SQLITE_ROW) {
		sqlite3_bind_int64(dst, 1, id);
		for (int c = 0; c < 3; c++)
			sqlite3_bind_value(dst, c + 2, sqlite3_column_value(src, c));
		rc = step_done(r, dst, "recording the figures", err);
		sqlite3_reset(dst);
	}
	sqlite3_finalize(src);
	sqlite3_finalize(dst);
	if (rc)
		return -1;
	/* expense totals per category and criterion, only when every line is a
	 * well-formed amount; a sum that overflows (A6) leaves none */
	src = db_prepare(&e->w, "SELECT category, criterion, sum(sum), sum(lines) FROM expense_group"
	                        " WHERE NOT EXISTS (SELECT 1 FROM expense_group WHERE amounts < lines)"
	                        " GROUP BY category, criterion");
	struct row {
		char *cat, *crit;
		sqlite3_int64 amount, lines;
	} *rows = NULL;
	int n = 0;
	while ((s = sqlite3_step(src)) == SQLITE_ROW) {
		rows = xrealloc(rows, sizeof *rows * (size_t)(n + 1));
		const char *cat = (const char *)sqlite3_column_text(src, 0);
		const char *crit = (const char *)sqlite3_column_text(src, 1);
		rows[n++] = (struct row){cat ? xstrdup(cat) : NULL, crit ? xstrdup(crit) : NULL,
		                         sqlite3_column_int64(src, 2), sqlite3_column_int64(src, 3)};
	}
	int overflow = s != SQLITE_DONE; /* "integer overflow" from sum() */
	sqlite3_finalize(src);
	if (!overflow && n) {
		if (prep(r, "INSERT INTO expense_total(submission, category, criterion, amount, lines) VALUES(?,?,?,?,?)",
		         &dst, err))
			rc = -1;
		for (int i = 0; rc == 0 && i < n; i++) {
			sqlite3_bind_int64(dst, 1, id);
			sqlite3_bind_text(dst, 2, rows[i].cat, -1, SQLITE_STATIC);
			sqlite3_bind_text(dst, 3, rows[i].crit, -1, SQLITE_STATIC);
			sqlite3_bind_int64(dst, 4, rows[i].amount);
			sqlite3_bind_int64(dst, 5, rows[i].lines);
			rc = step_done(r, dst, "recording the expense totals", err);
			sqlite3_reset(dst);
		}
		sqlite3_finalize(dst);
	}
	for (int i = 0; i < n; i++) {
		free(rows[i].cat);
		free(rows[i].crit);
	}
	free(rows);
	return rc;
}

static int record_findings(struct reg *r, const struct file_result *res, sqlite3_int64 id, strbuf *err)
{
	sqlite3_stmt *st;
	if (prep(r, "INSERT INTO finding(submission, seq, rule, severity, line, col, message_sv, message_en)"
	            " VALUES(?,?,?,?,?,?,?,?)", &st, err))
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
		rc = step_done(r, st, "recording the findings", err);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

static void bind_opt_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static char *attested_date(struct engine *e)
{
	sqlite3_stmt *st = db_prepare(&e->w, "SELECT text FROM field WHERE name = 'attestation.date'");
	char *out = NULL;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		out = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

int reg_record(struct reg *r, struct engine *e, const struct file_result *res, const char *received_at,
               enum reg_outcome *outcome, long long *superseded, strbuf *err)
{
	*superseded = 0;
	*outcome = REG_NEW;
	if (exec(r, "BEGIN IMMEDIATE", "starting to write", err))
		return -1;
	sqlite3_stmt *st = NULL;
	int rc = -1;
	char *attested = NULL;
	if (prep(r, "SELECT id FROM submission WHERE sha256 = ?", &st, err))
		goto out;
	sqlite3_bind_text(st, 1, res->sha256, -1, SQLITE_STATIC);
	int s = sqlite3_step(st);
	sqlite3_finalize(st);
	st = NULL;
	if (s == SQLITE_ROW) {
		*outcome = REG_DUPLICATE;
		rc = exec(r, "COMMIT", "finishing", err);
		return rc;
	}
	if (s != SQLITE_DONE) {
		reg_error(r, s, "looking for the file in the register", err);
		goto out;
	}
	if (prep(r, "INSERT INTO submission(path, file_name, sha256, bytes, received_at, programme, rcc, year,"
	            " ruleset, ruleset_checksum, status, errors, warnings, infos, attested)"
	            " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &st, err))
		goto out;
	const char *base = strrchr(res->path, '/');
	int parsed = res->ruleset != NULL;
	attested = parsed ? attested_date(e) : NULL;
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
	if (step_done(r, st, "recording the submission", err))
		goto out;
	sqlite3_finalize(st);
	st = NULL;
	sqlite3_int64 id = sqlite3_last_insert_rowid(r->db);
	if ((parsed && copy_figures(r, e, id, err)) || record_findings(r, res, id, err))
		goto out;
	if (res->rcc && res->year) {
		/* the newest file for an RCC and year is the current one */
		if (prep(r, "SELECT id FROM submission WHERE rcc = ?1 AND year = ?2 AND current = 1", &st, err))
			goto out;
		sqlite3_bind_text(st, 1, res->rcc, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, res->year);
		if (sqlite3_step(st) == SQLITE_ROW)
			*superseded = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		st = NULL;
		if (prep(r, "UPDATE submission SET current = 0, superseded_by = ?3"
		            " WHERE rcc = ?1 AND year = ?2 AND current = 1", &st, err))
			goto out;
		sqlite3_bind_text(st, 1, res->rcc, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, res->year);
		sqlite3_bind_int64(st, 3, id);
		if (step_done(r, st, "replacing the current submission", err))
			goto out;
		sqlite3_finalize(st);
		if (prep(r, "UPDATE submission SET current = 1 WHERE id = ?", &st, err))
			goto out;
		sqlite3_bind_int64(st, 1, id);
		if (step_done(r, st, "making the submission current", err))
			goto out;
		sqlite3_finalize(st);
		st = NULL;
	}
	rc = exec(r, "COMMIT", "finishing the submission", err);
out:
	sqlite3_finalize(st);
	free(attested);
	if (rc)
		sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
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
		sqlite3_finalize(st);
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
	sqlite3_finalize(st);
	r->prev.source = sb_take(&src);
	r->prev.rcc = xstrdup(rcc);
	r->prev.year = year;
	if (prep(r, "SELECT name, text, amount FROM figure WHERE submission = ?", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		r->prev.fields = xrealloc(r->prev.fields, sizeof *r->prev.fields * (size_t)(r->prev.nfields + 1));
		struct prev_field *f = &r->prev.fields[r->prev.nfields++];
		f->name = xstrdup((const char *)sqlite3_column_text(st, 0));
		const char *t = (const char *)sqlite3_column_text(st, 1);
		f->text = t ? xstrdup(t) : NULL;
		f->has_amount = sqlite3_column_type(st, 2) == SQLITE_INTEGER;
		f->amount = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (s != SQLITE_DONE) {
		reg_error(r, s, "reading last year's statement", err);
		return -1;
	}
	*out = &r->prev;
	return 1;
}

int reg_check_register(struct reg *r, struct engine *e, struct file_result *res, strbuf *err)
{
	memset(res, 0, sizeof *res);
	if (db_exec(&e->w, "DELETE FROM register_statement", err))
		return -1;
	sqlite3_stmt *src;
	if (prep(r, "SELECT s.rcc, s.year, s.programme, s.path,"
	            " (SELECT amount FROM figure WHERE submission = s.id AND name = 'granted'),"
	            " (SELECT amount FROM figure WHERE submission = s.id AND name = 'received'), s.status"
	            " FROM submission s WHERE s.current = 1 ORDER BY s.year, s.rcc", &src, err))
		return -1;
	sqlite3_stmt *dst = db_prepare(&e->w, "INSERT INTO register_statement VALUES(?,?,?,?,?,?,?)");
	int s;
	while ((s = sqlite3_step(src)) == SQLITE_ROW) {
		for (int c = 0; c < 7; c++)
			sqlite3_bind_value(dst, c + 1, sqlite3_column_value(src, c));
		db_check(&e->w, sqlite3_step(dst) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR, "loading the register");
		sqlite3_reset(dst);
	}
	sqlite3_finalize(src);
	sqlite3_finalize(dst);
	if (s != SQLITE_DONE) {
		reg_error(r, s, "reading the current statements", err);
		return -1;
	}
	return engine_check_register(e, r->path, res, err);
}
