/*
 * register_users.h - the users of `grantcheck serve` in the register's user
 * table (schema v2): a name, a role (officer | viewer | rcc:ID) and the
 * SHA-256 of the user's access token. The token itself is never stored.
 * Also the per-submission reads the web pages need (one submission's
 * findings). All SQL stays here; callers see plain structs.
 *
 * Until the register's migration to version 2 is merged, regu_ensure()
 * creates the user table with the shared v2 DDL (CREATE ... IF NOT EXISTS),
 * so the migration that follows finds it as it would have made it.
 */
#ifndef GC_REGISTER_USERS_H
#define GC_REGISTER_USERS_H

#include "register.h"

struct regu_user {
	char *name, *role, *token_hash, *created_at;
};

/* 1 when role is "officer", "viewer" or "rcc:ID" (ID: a-z, 0-9, '-'). */
int regu_role_valid(const char *role);

/* Creates the user table when it is missing (register opened for writing). */
int regu_ensure(struct reg *r, strbuf *err);
/* Adds a user; -1 + err when the name is taken or the write fails. */
int regu_add(struct reg *r, const char *name, const char *role, const char *token_hash, strbuf *err);
/* Removes a user; *removed is 0 when there was none of that name. */
int regu_remove(struct reg *r, const char *name, int *removed, strbuf *err);
/* Every user by name (none when the table does not exist yet). */
int regu_list(struct reg *r, struct regu_user **out, int *n, strbuf *err);
void regu_users_free(struct regu_user *u, int n);
/* Frees one user's strings (the struct is zeroed). */
void regu_user_clear(struct regu_user *u);
/* The user whose token hashes to token_hash: 1 (out filled, free with
 * regu_user_clear), 0 none, -1 + err. */
int regu_by_hash(struct reg *r, const char *token_hash, struct regu_user *out, strbuf *err);

/* One finding of a registered submission. */
struct regu_finding {
	char *rule, *severity, *message[2]; /* message[LANG_SV], message[LANG_EN] */
	long line;
};
/* The findings of submission id in order; -1 + err on failure. */
int regu_findings(struct reg *r, long long id, struct regu_finding **out, int *n, strbuf *err);
void regu_findings_free(struct regu_finding *f, int n);

#endif
