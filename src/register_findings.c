/*
 * register_findings.c - findings across submissions in the register:
 * fingerprints and xpaths, what changed since a replaced submission,
 * accepted warnings and the statements' stored bytes (see
 * register_findings.h). Schema version 2 (register.c's migration list).
 */
#include "register_findings.h"

#include <errno.h>
#include <pwd.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "sha256.h"

/* Statements larger than this are not stored (recheck then says so). */
#define CONTENT_MAX (256u << 20)

static int fail(struct reg *r, int rc, const char *doing, strbuf *err)
{
	sb_printf(err, "%s: %s: %s; the register was left as it was; report this if it persists", r->path, doing,
	          r->db ? sqlite3_errmsg(r->db) : sqlite3_errstr(rc));
	return -1;
}

static int prep(struct reg *r, const char *sql, sqlite3_stmt **st, strbuf *err)
{
	int rc = reg_prep(r, sql, st);
	return rc == SQLITE_OK ? 0 : fail(r, rc, "reading the register", err);
}

static int done(struct reg *r, sqlite3_stmt *st, const char *doing, strbuf *err)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : fail(r, rc, doing, err);
}

static char *col(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	return t ? xstrdup(t) : NULL;
}

/* ---- content ---------------------------------------------------------- */

/* Reads path whole (at most CONTENT_MAX bytes); NULL when it cannot. */
/* The file's bytes again, only when it is a regular file (opened without
 * blocking: a FIFO or device named like a statement must not hang). */
static char *read_all(const char *path, size_t *n)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	struct stat sb;
	if (fd < 0)
		return NULL;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return NULL;
	}
	FILE *fp = fdopen(fd, "rb");
	if (!fp) {
		close(fd);
		return NULL;
	}
	strbuf b = {0};
	char buf[65536];
	size_t k;
	while ((k = fread(buf, 1, sizeof buf, fp)) > 0 && b.len <= CONTENT_MAX)
		sb_putn(&b, buf, k);
	int bad = ferror(fp) || b.len > CONTENT_MAX;
	fclose(fp);
	if (bad) {
		sb_free(&b);
		return NULL;
	}
	*n = b.len;
	sb_puts(&b, "");
	return sb_take(&b);
}

static void hex_of(const char *data, size_t n, char hex[65])
{
	sha256 c;
	sha256_init(&c);
	sha256_update(&c, data, n);
	sha256_final_hex(&c, hex);
}

/*
 * Level 6 (zlib's default), measured on bench/gen.py's small statements
 * (2000 copies of samples/valid, 1.7 KB each) and its 19.8 MB statement:
 *   level 1: 41.9 % of the bytes, 175 k instructions a small file; large
 *            12.0 %, 0.2 s
 *   level 6: 40.4 %, 224 k; large 8.3 %, 0.45 s
 *   level 9: 40.3 %, 226 k; large 7.7 %, 1.1 s (the level until 2026-12)
 * The window and the hash table are sized to the input (windowBits 9..15,
 * memLevel windowBits - 7): for a small file that drops deflateInit's
 * 64 KiB hash-table clear (68 k instructions); the stream stays an
 * ordinary zlib stream that uncompress() reads, as it reads the level-9
 * streams of older registers.
 */
#define CONTENT_LEVEL 6

/* data[0..n) compressed into out when that is smaller, else copied raw. */
static void content_pack(const unsigned char *data, size_t n, struct file_content *out)
{
	int wbits = 9;
	while (wbits < 15 && ((size_t)1 << wbits) < n + 262) /* 262: zlib's MIN_LOOKAHEAD */
		wbits++;
	z_stream z;
	memset(&z, 0, sizeof z);
	int rc = deflateInit2(&z, CONTENT_LEVEL, Z_DEFLATED, wbits, wbits - 7, Z_DEFAULT_STRATEGY);
	if (rc == Z_MEM_ERROR)
		die_oom("compressing a statement");
	if (rc != Z_OK)
		die_bug("zlib deflateInit2: %d", rc);
	uLong bound = deflateBound(&z, (uLong)n);
	unsigned char *zb = xmalloc(bound ? bound : 1);
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)n;
	z.next_out = zb;
	z.avail_out = (uInt)bound;
	rc = deflate(&z, Z_FINISH);
	size_t zn = z.total_out;
	if (deflateEnd(&z) == Z_MEM_ERROR || (rc != Z_STREAM_END && rc != Z_OK && rc != Z_BUF_ERROR))
		die_bug("zlib deflate: %d", rc);
	if (rc == Z_STREAM_END && zn < n) {
		out->encoding = "zlib";
		out->bytes = zb;
		out->len = zn;
	} else {
		free(zb);
		out->encoding = "raw";
		out->bytes = xmalloc(n ? n : 1);
		if (n)
			memcpy(out->bytes, data, n);
		out->len = n;
	}
	out->ready = 1;
}

int regf_prepare_content(const struct file_result *res, struct file_content *out, strbuf *err)
{
	(void)err;
	memset(out, 0, sizeof *out);
	out->ready = 1;
	if (res->content.encoding && !res->content.ready) { /* the engine's own bytes: hashed as read */
		content_pack(res->content.bytes, res->content.len, out);
		return 0;
	}
	if (!res->path || strcmp(res->path, "-") == 0)
		return 0;
	size_t n = 0;
	char *data = read_all(res->path, &n);
	if (!data)
		return 0;
	char hex[65];
	hex_of(data, n, hex);
	if (strcmp(hex, res->sha256) == 0) /* else changed since it was checked */
		content_pack((const unsigned char *)data, n, out);
	free(data);
	return 0;
}

int regf_prepare_hook(void *ctx, struct file_result *res, strbuf *err)
{
	(void)ctx;
	if (res->content.ready)
		return 0;
	struct file_content c;
	if (regf_prepare_content(res, &c, err))
		return -1;
	free(res->content.bytes);
	res->content = c;
	return 0;
}

int regf_store_content(struct reg *r, long long id, const struct file_result *res, strbuf *err)
{
	struct file_content own = {0};
	const struct file_content *c = &res->content;
	if (r->upload) { /* an upload: res->path is only its label */
		char hex[65];
		hex_of(r->upload, r->upload_len, hex);
		if (strcmp(hex, res->sha256) == 0)
			content_pack((const unsigned char *)r->upload, r->upload_len, &own);
		c = &own;
	} else if (!c->ready) {
		if (regf_prepare_content(res, &own, err))
			return -1;
		c = &own;
	}
	int rc = 0;
	if (c->encoding) {
		sqlite3_stmt *st;
		rc = prep(r, "INSERT INTO content(submission, encoding, bytes) VALUES(?,?,?)", &st, err);
		if (rc == 0) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, c->encoding, -1, SQLITE_STATIC);
			sqlite3_bind_blob64(st, 3, c->bytes, (sqlite3_uint64)c->len, SQLITE_STATIC);
			rc = done(r, st, "storing the statement's bytes", err);
			reg_unprep(r, st);
		}
	}
	free(own.bytes);
	return rc;
}

int regf_load_content(struct reg *r, long long id, char **data, size_t *n, strbuf *err)
{
	*data = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (prep(r, "SELECT c.encoding, c.bytes, s.sha256, (SELECT bytes FROM submission WHERE id = ?1)"
	            " FROM content c JOIN submission s ON s.id = c.submission WHERE c.submission = ?1", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int s = sqlite3_step(st);
	if (s != SQLITE_ROW) {
		reg_unprep(r, st);
		return s == SQLITE_DONE ? 0 : fail(r, s, "reading a stored statement", err);
	}
	const char *enc = (const char *)sqlite3_column_text(st, 0);
	const void *blob = sqlite3_column_blob(st, 1);
	size_t bn = (size_t)sqlite3_column_bytes(st, 1);
	sqlite3_int64 size = sqlite3_column_int64(st, 3);
	char want[65];
	snprintf(want, sizeof want, "%s", sqlite3_column_text(st, 2) ? (const char *)sqlite3_column_text(st, 2) : "");
	char *out = NULL;
	size_t on = 0;
	if (enc && strcmp(enc, "raw") == 0) {
		out = xmalloc(bn + 1);
		if (bn)
			memcpy(out, blob, bn);
		on = bn;
	} else if (enc && strcmp(enc, "zlib") == 0 && size >= 0 && (uint64_t)size <= CONTENT_MAX) {
		uLongf zn = (uLongf)size;
		out = xmalloc(zn + 1);
		if (uncompress((Bytef *)out, &zn, blob, (uLong)bn) != Z_OK || zn != (uLongf)size) {
			free(out);
			out = NULL;
		}
		on = zn;
	}
	reg_unprep(r, st);
	char hex[65] = "";
	if (out)
		hex_of(out, on, hex);
	if (!out || strcmp(hex, want) != 0) {
		free(out);
		sb_printf(err, "%s: the stored bytes of submission #%lld are damaged (their SHA-256 is not the one "
		          "recorded); restore the register from a backup", r->path, id);
		return -1;
	}
	out[on] = 0;
	*data = out;
	*n = on;
	return 1;
}

/* ---- fingerprints and changes -------------------------------------------- */

int regf_record_changes(struct reg *r, long long id, long long replaced, const struct file_result *res,
                        strbuf *err)
{
	/* the xpaths and fingerprints went in with the findings (register.c) */
	sqlite3_stmt *st;
	int rc = 0, all = 1;
	for (int i = 0; i < res->nfindings; i++)
		all &= res->findings[i].fingerprint != NULL;
	if (!replaced || !all)
		return 0;
	/* a replaced submission registered before version 2 has no
	 * fingerprints: nothing to compare with (the NOT EXISTS in both
	 * statements); a submission without findings has no change to set */
	if (res->nfindings) {
		if (prep(r, "UPDATE finding SET change = CASE WHEN fingerprint IN (SELECT fingerprint FROM finding"
		            " WHERE submission = ?2) THEN 'still' ELSE 'new' END WHERE submission = ?1 AND NOT EXISTS"
		            " (SELECT 1 FROM finding WHERE submission = ?2 AND fingerprint IS NULL)", &st, err))
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, replaced);
		rc = done(r, st, "recording what changed", err);
		reg_unprep(r, st);
	}
	if (rc || prep(r, "INSERT INTO fixed_finding(submission, rule, fingerprint, message_sv, message_en)"
	                  " SELECT ?1, rule, fingerprint, message_sv, message_en FROM finding WHERE submission = ?2"
	                  " AND fingerprint NOT IN (SELECT fingerprint FROM finding WHERE submission = ?1)"
	                  " AND NOT EXISTS (SELECT 1 FROM finding WHERE submission = ?2 AND fingerprint IS NULL)"
	                  " ORDER BY seq", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, replaced);
	rc = done(r, st, "recording the fixed findings", err);
	reg_unprep(r, st);
	return rc;
}

int regf_submission_id(struct reg *r, const char *hash, long long *id, strbuf *err)
{
	*id = 0;
	sqlite3_stmt *st;
	if (prep(r, "SELECT id FROM submission WHERE sha256 = ?", &st, err))
		return -1;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	reg_unprep(r, st);
	return s == SQLITE_ROW || s == SQLITE_DONE ? 0 : fail(r, s, "looking up a submission", err);
}

/* The newest acceptance of a fingerprint, as a finding shows it. */
#define ACCEPTANCE_SQL(fp)                                                                                        \
	"(SELECT why FROM acceptance WHERE fingerprint = " fp " ORDER BY id DESC LIMIT 1),"                          \
	" (SELECT by FROM acceptance WHERE fingerprint = " fp " ORDER BY id DESC LIMIT 1),"                         \
	" (SELECT at FROM acceptance WHERE fingerprint = " fp " ORDER BY id DESC LIMIT 1),"                         \
	" (SELECT submission FROM acceptance WHERE fingerprint = " fp " ORDER BY id DESC LIMIT 1)"

int regf_findings(struct reg *r, long long id, struct regf_item **out, int *n, strbuf *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (prep(r, "SELECT seq, rule, severity, xpath, fingerprint, change, line, col, message_sv, message_en, "
	            ACCEPTANCE_SQL("f.fingerprint") " FROM finding f WHERE submission = ? ORDER BY seq", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, sizeof **out * (size_t)(*n + 1));
		struct regf_item *it = &(*out)[(*n)++];
		memset(it, 0, sizeof *it);
		it->seq = sqlite3_column_int(st, 0);
		it->rule = col(st, 1);
		it->severity = col(st, 2);
		it->xpath = col(st, 3);
		it->fingerprint = col(st, 4);
		it->change = col(st, 5);
		it->line = (long)sqlite3_column_int64(st, 6);
		it->col = (long)sqlite3_column_int64(st, 7);
		it->msg[LANG_SV] = col(st, 8);
		it->msg[LANG_EN] = col(st, 9);
		/* only a warning is ever accepted */
		if (it->severity && strcmp(it->severity, "warning") == 0) {
			it->why = col(st, 10);
			it->by = col(st, 11);
			it->at = col(st, 12);
			it->accepted_in = sqlite3_column_int64(st, 13);
		}
	}
	reg_unprep(r, st);
	if (s != SQLITE_DONE) {
		regf_items_free(*out, *n);
		*out = NULL;
		*n = 0;
		return fail(r, s, "reading the findings", err);
	}
	return 0;
}

void regf_items_free(struct regf_item *it, int n)
{
	for (int i = 0; i < n; i++) {
		free(it[i].rule);
		free(it[i].severity);
		free(it[i].xpath);
		free(it[i].fingerprint);
		free(it[i].change);
		free(it[i].msg[0]);
		free(it[i].msg[1]);
		free(it[i].why);
		free(it[i].by);
		free(it[i].at);
	}
	free(it);
}

/* regf_diff; replaced < 0: found as the newest submission superseded by id
 * (a scan of every submission: superseded_by has no index). */
static int diff_of(struct reg *r, long long id, long long replaced, struct regf_diff *d, strbuf *err)
{
	memset(d, 0, sizeof *d);
	d->id = id;
	sqlite3_stmt *st;
	if (replaced < 0 ? prep(r, "SELECT rcc, year, (SELECT id FROM submission WHERE superseded_by = ?1"
	                           " ORDER BY id DESC LIMIT 1), (SELECT count(*) FROM finding"
	                           " WHERE submission = ?1 AND fingerprint IS NULL) FROM submission WHERE id = ?1",
	                        &st, err)
	                 : prep(r, "SELECT rcc, year, ?2, (SELECT count(*) FROM finding"
	                           " WHERE submission = ?1 AND fingerprint IS NULL) FROM submission WHERE id = ?1",
	                        &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (replaced >= 0)
		sqlite3_bind_int64(st, 2, replaced);
	int s = sqlite3_step(st);
	if (s != SQLITE_ROW) {
		reg_unprep(r, st);
		return s == SQLITE_DONE ? 1 : fail(r, s, "reading the submission", err);
	}
	d->rcc = col(st, 0);
	d->year = sqlite3_column_int(st, 1);
	d->replaced = sqlite3_column_int64(st, 2);
	d->fingerprinted = sqlite3_column_int(st, 3) == 0;
	reg_unprep(r, st);
	if (regf_findings(r, id, &d->items, &d->n, err))
		goto bad;
	if (prep(r, "SELECT rule, fingerprint, message_sv, message_en, (SELECT severity FROM finding"
	            " WHERE submission = ?2 AND fingerprint = x.fingerprint LIMIT 1), (SELECT xpath FROM finding"
	            " WHERE submission = ?2 AND fingerprint = x.fingerprint LIMIT 1)"
	            " FROM fixed_finding x WHERE submission = ?1 ORDER BY rowid", &st, err))
		goto bad;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, d->replaced);
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		d->fixed = xrealloc(d->fixed, sizeof *d->fixed * (size_t)(d->nfixed + 1));
		struct regf_item *it = &d->fixed[d->nfixed++];
		memset(it, 0, sizeof *it);
		it->rule = col(st, 0);
		it->fingerprint = col(st, 1);
		it->msg[LANG_SV] = col(st, 2);
		it->msg[LANG_EN] = col(st, 3);
		it->severity = col(st, 4);
		it->xpath = col(st, 5);
		it->change = xstrdup("fixed");
	}
	reg_unprep(r, st);
	if (s != SQLITE_DONE) {
		fail(r, s, "reading the fixed findings", err);
		goto bad;
	}
	return 0;
bad:
	regf_diff_free(d);
	return -1;
}

int regf_diff(struct reg *r, long long id, struct regf_diff *d, strbuf *err)
{
	return diff_of(r, id, -1, d, err);
}

int regf_diff_replaced(struct reg *r, long long id, long long replaced, struct regf_diff *d, strbuf *err)
{
	return diff_of(r, id, replaced, d, err);
}

void regf_diff_free(struct regf_diff *d)
{
	regf_items_free(d->items, d->n);
	regf_items_free(d->fixed, d->nfixed);
	free(d->rcc);
	memset(d, 0, sizeof *d);
}

/* ---- acceptances ----------------------------------------------------------- */

int regf_accepted_count(struct reg *r, long long id, int *n, strbuf *err)
{
	*n = 0;
	sqlite3_stmt *st;
	if (prep(r, "SELECT count(*) FROM finding WHERE submission = ? AND severity = 'warning'"
	            " AND fingerprint IN (SELECT fingerprint FROM acceptance)", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	reg_unprep(r, st);
	return s == SQLITE_ROW ? 0 : fail(r, s, "counting the accepted warnings", err);
}

int regf_count_accepted(struct reg *r, struct reg_submission *s, int n, strbuf *err)
{
	for (int i = 0; i < n; i++)
		if (regf_accepted_count(r, s[i].id, &s[i].accepted, err))
			return -1;
	return 0;
}

int regf_accept(struct reg *r, long long id, const struct regf_item *it, const char *rcc, int year,
                const char *why, const char *by, const char *at, strbuf *err)
{
	int rc = sqlite3_exec(r->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return fail(r, rc, "starting to write", err);
	sqlite3_stmt *st;
	if (prep(r, "INSERT INTO acceptance(fingerprint, rule, rcc, year, submission, why, by, at)"
	            " VALUES(?,?,?,?,?,?,?,?)", &st, err))
		goto bad;
	sqlite3_bind_text(st, 1, it->fingerprint, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, it->rule, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, rcc ? rcc : "", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, year);
	sqlite3_bind_int64(st, 5, id);
	sqlite3_bind_text(st, 6, why, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, by, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, at, -1, SQLITE_STATIC);
	rc = done(r, st, "recording the acceptance", err);
	reg_unprep(r, st);
	if (rc || prep(r, "INSERT INTO event(at, what, submission, detail, by) VALUES(?, 'accepted', ?, ?, ?)", &st, err))
		goto bad;
	strbuf detail = {0};
	sb_printf(&detail, "%s %s: %s", it->rule, it->xpath ? it->xpath : "/", why);
	sqlite3_bind_text(st, 1, at, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_text(st, 3, sb_str(&detail), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, by, -1, SQLITE_STATIC);
	rc = done(r, st, "recording the event", err);
	reg_unprep(r, st);
	sb_free(&detail);
	if (rc)
		goto bad;
	rc = sqlite3_exec(r->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		fail(r, rc, "finishing the acceptance", err);
		goto bad;
	}
	return 0;
bad:
	sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

const char *regf_default_by(char *buf, size_t n)
{
	const char *u = getenv("USER");
	if (!u || !*u) {
		struct passwd *pw = getpwuid(getuid());
		u = pw && pw->pw_name ? pw->pw_name : "unknown";
	}
	snprintf(buf, n, "%s", u);
	return buf;
}

int regf_open_existing(struct reg *r, const char *path, strbuf *err)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) {
		/* the read-only open says precisely what is wrong */
		int rc = reg_open(r, path, REG_EXISTING, err);
		if (rc == 0) {
			reg_close(r);
			sb_printf(err, "%s: cannot open the register for writing; check the path", path);
		}
		return -1;
	}
	return reg_open(r, path, REG_CREATE, err);
}

/* ---- current statements, one at a time ------------------------------------ */

int regf_next_current(struct reg *r, int year, long long after, struct regf_current *c, strbuf *err)
{
	memset(c, 0, sizeof *c);
	sqlite3_stmt *st;
	if (prep(r, "SELECT id, rcc, year, path, status, errors, warnings FROM submission"
	            " WHERE current = 1 AND id > ?1 AND (?2 = 0 OR year = ?2) ORDER BY id LIMIT 1", &st, err))
		return -1;
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, year);
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW) {
		c->id = sqlite3_column_int64(st, 0);
		c->rcc = col(st, 1);
		c->year = sqlite3_column_int(st, 2);
		c->path = col(st, 3);
		c->status = col(st, 4);
		c->errors = sqlite3_column_int(st, 5);
		c->warnings = sqlite3_column_int(st, 6);
	}
	reg_unprep(r, st);
	if (s == SQLITE_ROW)
		return 1;
	return s == SQLITE_DONE ? 0 : fail(r, s, "reading the current statements", err);
}

void regf_current_free(struct regf_current *c)
{
	free(c->rcc);
	free(c->path);
	free(c->status);
	memset(c, 0, sizeof *c);
}
