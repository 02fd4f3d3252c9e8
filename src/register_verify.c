/*
 * register_verify.c - the register's own health: quick_check before a
 * write, the checks of `grantcheck verify` and the online backup of
 * `grantcheck backup` (see register_verify.h).
 */
#include "register_verify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "sha256.h"

#define MAX_STRUCTURE_PROBLEMS 100 /* integrity_check stops after this many */
#define BACKUP_PAGES_PER_STEP 256
#define BACKUP_RESTARTS_BEFORE_ONE_STEP 4 /* then copy in one read transaction */
#define BACKUP_BUSY_WAIT_MS 30000

/* integrity_check / quick_check rows may hold several problems, one a line,
 * after a "*** in database main ***" line: calls fn for each problem line. */
static void each_line(const char *s, void (*fn)(void *ctx, const char *line), void *ctx)
{
	strbuf line = {0};
	while (*s) {
		size_t n = strcspn(s, "\n");
		sb_reset(&line);
		sb_putn(&line, s, n);
		if (n && strncmp(line.s, "*** in database", 15) != 0)
			fn(ctx, line.s);
		s += n;
		if (*s)
			s++;
	}
	sb_free(&line);
}

struct first_line {
	strbuf *what;
	long n;
};

static void keep_first(void *ctx, const char *line)
{
	struct first_line *f = ctx;
	if (f->n++ == 0)
		sb_puts(f->what, line);
}

static int is_damage(int rc)
{
	return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

int reg_quick_check(struct reg *r, strbuf *what, strbuf *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(r->db, "PRAGMA quick_check(10)", -1, &st, NULL);
	struct first_line first = {what, 0};
	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		if (!s || strcmp(s, "ok") != 0)
			each_line(s ? s : "?", keep_first, &first);
	}
	long n = first.n;
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	if (rc != SQLITE_OK && (rc & 0xff) == SQLITE_CORRUPT && n == 0) {
		sb_puts(what, sqlite3_errstr(rc));
		n = 1;
	} else if (rc != SQLITE_OK && n == 0) {
		sb_printf(err, "%s: cannot check the register (%s); check the disk and the file", r->path,
		          sqlite3_errmsg(r->db));
		return -1;
	}
	if (n > 1)
		sb_printf(what, " (and %ld more)", n - 1);
	return n ? 1 : 0;
}

/* ---- verify ------------------------------------------------------------- */

static void problem(struct reg_verify_counts *c, reg_problem_fn fn, void *ctx, enum reg_problem kind, long long id,
                    const char *a, const char *b)
{
	c->problems++;
	fn(ctx, kind, id, a, b);
}

/* The end of one check's query: finalizes st; a query that ran to its end
 * (rc SQLITE_DONE) is 0, one that stopped because the file is damaged is a
 * structure problem and 0, any other stop is -1 with "cannot DOING" in err. */
static int verify_step_end(struct reg *r, sqlite3_stmt *st, int rc, reg_problem_fn fn, void *ctx,
                           struct reg_verify_counts *c, const char *doing, strbuf *err)
{
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (is_damage(rc)) {
		problem(c, fn, ctx, REG_PROBLEM_STRUCTURE, 0, sqlite3_errmsg(r->db), NULL);
		return 0;
	}
	sb_printf(err, "%s: cannot %s (%s); check the disk and the file", r->path, doing, sqlite3_errmsg(r->db));
	return -1;
}

struct structure_ctx {
	struct reg_verify_counts *c;
	reg_problem_fn fn;
	void *ctx;
};

static void structure_line(void *ctx, const char *line)
{
	struct structure_ctx *sc = ctx;
	problem(sc->c, sc->fn, sc->ctx, REG_PROBLEM_STRUCTURE, 0, line, NULL);
}

/* PRAGMA integrity_check: every row that is not "ok" is a problem. An error
 * that says the file is damaged is a problem too; any other is -1. */
static int structure(struct reg *r, reg_problem_fn fn, void *ctx, struct reg_verify_counts *c, strbuf *err)
{
	sqlite3_stmt *st;
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA integrity_check(%d)", MAX_STRUCTURE_PROBLEMS);
	int rc = sqlite3_prepare_v2(r->db, sql, -1, &st, NULL);
	struct structure_ctx sc = {c, fn, ctx};
	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		if (!s || strcmp(s, "ok") != 0)
			each_line(s ? s : "?", structure_line, &sc);
	}
	return verify_step_end(r, st, rc, fn, ctx, c, "run integrity_check", err);
}

static int foreign_keys(struct reg *r, reg_problem_fn fn, void *ctx, struct reg_verify_counts *c, strbuf *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(r->db, "PRAGMA foreign_key_check", -1, &st, NULL);
	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(st, 0);
		const char *parent = (const char *)sqlite3_column_text(st, 2);
		problem(c, fn, ctx, REG_PROBLEM_FOREIGN_KEY, sqlite3_column_int64(st, 1), table ? table : "?",
		        parent ? parent : "?");
	}
	return verify_step_end(r, st, rc, fn, ctx, c, "check the foreign keys", err);
}

static int has_table(struct reg *r, const char *name, int *yes, strbuf *err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(r->db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", -1, &st,
	                            NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		*yes = rc == SQLITE_ROW;
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_OK) {
		sb_printf(err, "%s: cannot read the register's schema (%s)", r->path, sqlite3_errmsg(r->db));
		return -1;
	}
	return 0;
}

/* Every stored statement (content of schema v2) hashed and compared with
 * the sha256 its submission row records. Encodings: 'raw' or 'identity'
 * (or NULL), the bytes as received; 'zlib', compressed (register_findings.c
 * stores the smaller of the two); others are counted as not checked. */
static int contents(struct reg *r, reg_problem_fn fn, void *ctx, struct reg_verify_counts *c, strbuf *err)
{
	if (has_table(r, "content", &c->has_content, err))
		return -1;
	if (!c->has_content)
		return 0;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(r->db,
	                            "SELECT c.submission, c.encoding, c.bytes, s.sha256, s.bytes FROM content c"
	                            " LEFT JOIN submission s ON s.id = c.submission ORDER BY c.submission",
	                            -1, &st, NULL);
	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		const char *enc = (const char *)sqlite3_column_text(st, 1);
		const char *want = (const char *)sqlite3_column_text(st, 3);
		int zipped = enc && strcmp(enc, "zlib") == 0;
		if (enc && !zipped && strcmp(enc, "identity") != 0 && strcmp(enc, "raw") != 0) {
			c->unknown_coding++;
			continue;
		}
		const void *bytes = sqlite3_column_blob(st, 2);
		int n = sqlite3_column_bytes(st, 2);
		unsigned char *plain = NULL;
		if (zipped) {
			/* the size recorded for the submission; a damaged stream or a
			 * wrong size gives a hash that cannot match */
			sqlite3_int64 size = sqlite3_column_int64(st, 4);
			uLongf zn = size > 0 && size < (sqlite3_int64)1 << 32 ? (uLongf)size : 0;
			plain = xmalloc(zn ? zn : 1);
			if (uncompress(plain, &zn, bytes, (uLong)n) != Z_OK)
				zn = 0;
			bytes = plain;
			n = (int)zn;
		}
		sha256 h;
		char hex[65];
		sha256_init(&h);
		if (n > 0)
			sha256_update(&h, bytes, (size_t)n);
		sha256_final_hex(&h, hex);
		free(plain);
		c->hashed++;
		if (!want)
			continue; /* a content row without its submission: foreign_key_check says so */
		if (strcmp(hex, want) != 0)
			problem(c, fn, ctx, REG_PROBLEM_CONTENT, id, hex, want);
	}
	return verify_step_end(r, st, rc, fn, ctx, c, "read the stored statements", err);
}

int reg_verify(struct reg *r, reg_problem_fn fn, void *ctx, struct reg_verify_counts *counts, strbuf *err)
{
	memset(counts, 0, sizeof *counts);
	/* one read transaction: every check sees the same register */
	if (sqlite3_exec(r->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		sb_printf(err, "%s: cannot read the register (%s)", r->path, sqlite3_errmsg(r->db));
		return -1;
	}
	int rc = structure(r, fn, ctx, counts, err);
	if (rc == 0)
		rc = foreign_keys(r, fn, ctx, counts, err);
	if (rc == 0)
		rc = contents(r, fn, ctx, counts, err);
	if (rc == 0) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(r->db, "SELECT count(*) FROM submission", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			counts->statements = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_exec(r->db, "COMMIT", NULL, NULL, NULL);
	return rc;
}

/* ---- backup ------------------------------------------------------------- */

static int dest_error(sqlite3 *dst, const char *dest, const char *doing, strbuf *err)
{
	sb_printf(err, "%s: %s: %s; check the free space and that the folder is writable", dest, doing,
	          dst ? sqlite3_errmsg(dst) : "out of memory");
	return -1;
}

/* Copies in steps; a step that finds the register changed by a writer
 * restarts the copy (SQLite does that), so after a few restarts the rest
 * is copied in one step (one read transaction: writers go on in WAL). */
static int copy_pages(struct reg *r, sqlite3 *dst, const char *dest, strbuf *err)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", r->db, "main");
	if (!b)
		return dest_error(dst, dest, "cannot start the backup", err);
	int rc, restarts = 0, waited = 0, last_remaining = -1;
	for (;;) {
		int pages = restarts >= BACKUP_RESTARTS_BEFORE_ONE_STEP ? -1 : BACKUP_PAGES_PER_STEP;
		rc = sqlite3_backup_step(b, pages);
		if (rc == SQLITE_DONE)
			break;
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
			if (waited >= BACKUP_BUSY_WAIT_MS)
				break;
			sqlite3_sleep(20);
			waited += 20;
			continue;
		}
		if (rc != SQLITE_OK)
			break;
		int remaining = sqlite3_backup_remaining(b);
		if (last_remaining >= 0 && remaining >= last_remaining)
			restarts++;
		last_remaining = remaining;
	}
	int frc = sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE && frc == SQLITE_OK)
		return 0;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		sb_printf(err, "%s: other processes held the register for %d s; try the backup again", r->path,
		          BACKUP_BUSY_WAIT_MS / 1000);
	else if (is_damage(rc))
		sb_printf(err, "%s: the register is damaged (%s); run 'grantcheck verify --db %s'", r->path,
		          sqlite3_errstr(rc), r->path);
	else
		dest_error(dst, dest, "cannot copy the register", err);
	return -1;
}

int reg_backup(struct reg *r, const char *dest, long long *submissions, strbuf *err)
{
	sqlite3 *dst = NULL;
	*submissions = 0;
	int rc = sqlite3_open_v2(dest, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		dest_error(dst, dest, "cannot open the copy", err);
		sqlite3_close(dst);
		return -1;
	}
	/* the copy is a temporary file until it is renamed: no journal beside it */
	if (sqlite3_exec(dst, "PRAGMA journal_mode=OFF", NULL, NULL, NULL) != SQLITE_OK) {
		dest_error(dst, dest, "cannot prepare the copy", err);
		sqlite3_close(dst);
		return -1;
	}
	if (copy_pages(r, dst, dest, err)) {
		sqlite3_close(dst);
		return -1;
	}
	/* the copy is checked as a reader will see it */
	sqlite3_stmt *st;
	strbuf what = {0};
	int ok = 0;
	rc = sqlite3_prepare_v2(dst, "PRAGMA integrity_check(10)", -1, &st, NULL);
	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		if (s && strcmp(s, "ok") == 0)
			ok = 1;
		else if (!what.len)
			sb_puts(&what, s ? s : "?");
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE && ok && !what.len) {
		rc = sqlite3_prepare_v2(dst, "SELECT count(*) FROM submission", -1, &st, NULL);
		if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			*submissions = sqlite3_column_int64(st, 0);
			rc = SQLITE_DONE;
		}
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_DONE || !ok || what.len) {
		if (what.len)
			sb_printf(err,
			          "%s: the copy failed its integrity_check (%s); the register itself may be damaged: "
			          "run 'grantcheck verify --db %s'",
			          dest, sb_str(&what), r->path);
		else
			dest_error(dst, dest, "cannot check the copy", err);
		sb_free(&what);
		sqlite3_close(dst);
		return -1;
	}
	sb_free(&what);
	if (sqlite3_close(dst) != SQLITE_OK)
		return dest_error(NULL, dest, "cannot close the copy", err);
	return 0;
}
