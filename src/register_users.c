/*
 * register_users.c - the SQL behind register_users.h: the user table of
 * `grantcheck serve` and the findings of one submission. Nothing here
 * knows about HTTP; the web code calls these with its own register handle.
 */
#include <stdlib.h>
#include <string.h>

#include "register_users.h"
#include "util.h"

/* ---- schema v2 (shared DDL): the user table, as in the v2 design ---- */
static const char user_ddl[] = "CREATE TABLE IF NOT EXISTS user(name TEXT PRIMARY KEY, role TEXT NOT NULL,"
                               " token_hash TEXT NOT NULL, created_at TEXT NOT NULL) STRICT;";
/* ---- end of schema v2 (shared DDL) ---- */

int regu_role_valid(const char *role)
{
	if (strcmp(role, "officer") == 0 || strcmp(role, "viewer") == 0)
		return 1;
	if (strncmp(role, "rcc:", 4) != 0 || !role[4] || strlen(role) > 68)
		return 0;
	for (const char *p = role + 4; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return 0;
	return 1;
}

static int regu_fail(struct reg *r, const char *doing, strbuf *err)
{
	sb_printf(err, "%s: %s failed: %s; check the register (is it on a full or read-only disk?) and try again",
	          r->path, doing, sqlite3_errmsg(r->db));
	return -1;
}

static int regu_has_table(struct reg *r, int *has, strbuf *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(r->db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'user'", -1, &st,
	                       NULL) != SQLITE_OK)
		return regu_fail(r, "reading the users", err);
	int s = sqlite3_step(st);
	sqlite3_finalize(st);
	if (s != SQLITE_ROW && s != SQLITE_DONE)
		return regu_fail(r, "reading the users", err);
	*has = s == SQLITE_ROW;
	return 0;
}

int regu_ensure(struct reg *r, strbuf *err)
{
	if (sqlite3_exec(r->db, user_ddl, NULL, NULL, NULL) != SQLITE_OK)
		return regu_fail(r, "creating the user table", err);
	return 0;
}

int regu_add(struct reg *r, const char *name, const char *role, const char *token_hash, strbuf *err)
{
	char now[21];
	utc_now(now);
	if (regu_ensure(r, err))
		return -1;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(r->db, "INSERT INTO user(name, role, token_hash, created_at) VALUES(?, ?, ?, ?)", -1,
	                       &st, NULL) != SQLITE_OK)
		return regu_fail(r, "adding the user", err);
	if (sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, token_hash, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC) != SQLITE_OK) {
		sqlite3_finalize(st);
		return regu_fail(r, "adding the user", err);
	}
	int s = sqlite3_step(st);
	sqlite3_finalize(st);
	if (s == SQLITE_CONSTRAINT) {
		sb_printf(err,
		          "%s: there is already a user '%s'; choose another name or remove it first with "
		          "'grantcheck user remove --db %s %s'",
		          r->path, name, r->path, name);
		return -1;
	}
	return s == SQLITE_DONE ? 0 : regu_fail(r, "adding the user", err);
}

int regu_remove(struct reg *r, const char *name, int *removed, strbuf *err)
{
	*removed = 0;
	int has;
	if (regu_has_table(r, &has, err))
		return -1;
	if (!has)
		return 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(r->db, "DELETE FROM user WHERE name = ?", -1, &st, NULL) != SQLITE_OK)
		return regu_fail(r, "removing the user", err);
	if (sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC) != SQLITE_OK) {
		sqlite3_finalize(st);
		return regu_fail(r, "removing the user", err);
	}
	int s = sqlite3_step(st);
	sqlite3_finalize(st);
	if (s != SQLITE_DONE)
		return regu_fail(r, "removing the user", err);
	*removed = sqlite3_changes(r->db) > 0;
	return 0;
}

static char *regu_col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

/* One lookup of rows into an array (regu_rows): the query, its parameter
 * and how a row becomes an element. */
struct regu_query {
	const char *sql;
	const char *doing;                          /* for the message: "reading the users" */
	const char *text;                           /* the one parameter as text, or */
	const sqlite3_int64 *id;                    /* as an integer; both NULL: no parameter */
	size_t size;                                /* of one element */
	void (*fill)(sqlite3_stmt *st, void *item); /* sets every field */
	void (*drop)(void *items, int n);           /* frees the elements read */
};

/* The rows of q->sql appended to *items (n of them); -1 + err (and *items
 * NULL, *n 0) when the query fails, the rows read so far dropped. */
static int regu_rows(struct reg *r, const struct regu_query *q, void **items, int *n, strbuf *err)
{
	*items = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(r->db, q->sql, -1, &st, NULL) != SQLITE_OK)
		return regu_fail(r, q->doing, err);
	int rc = q->text ? sqlite3_bind_text(st, 1, q->text, -1, SQLITE_STATIC)
	        : q->id  ? sqlite3_bind_int64(st, 1, *q->id)
	                 : SQLITE_OK;
	if (rc != SQLITE_OK) {
		sqlite3_finalize(st);
		return regu_fail(r, q->doing, err);
	}
	size_t cap = 0;
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		*items = xgrow(*items, &cap, (size_t)*n + 1, q->size);
		q->fill(st, (char *)*items + (size_t)(*n)++ * q->size);
	}
	sqlite3_finalize(st);
	if (s != SQLITE_DONE) {
		q->drop(*items, *n);
		*items = NULL;
		*n = 0;
		return regu_fail(r, q->doing, err);
	}
	return 0;
}

static void regu_fill_user(sqlite3_stmt *st, void *item)
{
	struct regu_user *u = item;
	u->name = regu_col(st, 0);
	u->role = regu_col(st, 1);
	u->token_hash = regu_col(st, 2);
	u->created_at = regu_col(st, 3);
}

static void regu_drop_users(void *items, int n)
{
	regu_users_free(items, n);
}

static int regu_select(struct reg *r, const char *sql, const char *arg, struct regu_user **out, int *n, strbuf *err)
{
	*out = NULL;
	*n = 0;
	int has;
	if (regu_has_table(r, &has, err))
		return -1;
	if (!has)
		return 0;
	const struct regu_query q = {.sql = sql,
	                             .doing = "reading the users",
	                             .text = arg,
	                             .size = sizeof **out,
	                             .fill = regu_fill_user,
	                             .drop = regu_drop_users};
	void *items;
	int rc = regu_rows(r, &q, &items, n, err);
	*out = items;
	return rc;
}

int regu_list(struct reg *r, struct regu_user **out, int *n, strbuf *err)
{
	return regu_select(r, "SELECT name, role, token_hash, created_at FROM user ORDER BY name", NULL, out, n, err);
}

int regu_by_hash(struct reg *r, const char *token_hash, struct regu_user *out, strbuf *err)
{
	struct regu_user *u;
	int n;
	memset(out, 0, sizeof *out);
	if (regu_select(r, "SELECT name, role, token_hash, created_at FROM user WHERE token_hash = ?", token_hash, &u,
	                &n, err))
		return -1;
	if (!n)
		return 0;
	*out = u[0];
	for (int i = 1; i < n; i++) /* hashes of 256 random bits do not collide; be safe anyway */
		regu_user_clear(&u[i]);
	free(u);
	return 1;
}

void regu_user_clear(struct regu_user *u)
{
	free(u->name);
	free(u->role);
	free(u->token_hash);
	free(u->created_at);
	memset(u, 0, sizeof *u);
}

void regu_users_free(struct regu_user *u, int n)
{
	for (int i = 0; u && i < n; i++)
		regu_user_clear(&u[i]);
	free(u);
}

static void regu_fill_finding(sqlite3_stmt *st, void *item)
{
	struct regu_finding *f = item;
	f->rule = regu_col(st, 0);
	f->severity = regu_col(st, 1);
	f->line = (long)sqlite3_column_int64(st, 2);
	f->message[0] = regu_col(st, 3);
	f->message[1] = regu_col(st, 4);
}

static void regu_drop_findings(void *items, int n)
{
	regu_findings_free(items, n);
}

int regu_findings(struct reg *r, long long id, struct regu_finding **out, int *n, strbuf *err)
{
	const sqlite3_int64 sid = id;
	const struct regu_query q = {
	        .sql = "SELECT rule, severity, line, message_sv, message_en FROM finding WHERE submission = ? ORDER BY seq",
	        .doing = "reading the findings",
	        .id = &sid,
	        .size = sizeof **out,
	        .fill = regu_fill_finding,
	        .drop = regu_drop_findings};
	void *items;
	int rc = regu_rows(r, &q, &items, n, err);
	*out = items;
	return rc;
}

void regu_findings_free(struct regu_finding *f, int n)
{
	for (int i = 0; f && i < n; i++) {
		free(f[i].rule);
		free(f[i].severity);
		free(f[i].message[0]);
		free(f[i].message[1]);
	}
	free(f);
}
