/*
 * web_auth.h - who may do what in `grantcheck serve`: the roles, the ONE
 * access decision (web_allow: role x route x method, and the RCC a page or
 * upload is about), random tokens from getrandom, token hashes (SHA-256,
 * the only thing the register keeps of a token), constant-time comparison
 * and the in-memory session table (random ids, expiry, a CSRF token each).
 *
 * Nothing here speaks HTTP (web.c does) or SQL (register_users.c does).
 */
#ifndef GC_WEB_AUTH_H
#define GC_WEB_AUTH_H

#include <pthread.h>
#include <stddef.h>
#include <time.h>

#include "util.h"

enum web_role { WEB_ANON, WEB_VIEWER, WEB_RCC, WEB_OFFICER, WEB_ROLE_COUNT };

/* Who is asking: the role and, for rcc:ID, the RCC. */
struct web_who {
	enum web_role role;
	char rcc[65];  /* rcc:ID only */
	char name[65]; /* the user's name, "local" for the one local person */
};

enum web_route {
	WEB_R_STYLE,      /* GET /style.css */
	WEB_R_LOGIN,      /* GET, POST /login */
	WEB_R_LOGOUT,     /* POST /logout */
	WEB_R_HOME,       /* GET /: the pre-check form (what the role may do) */
	WEB_R_CHECK,      /* POST /check: pre-check, nothing stored */
	WEB_R_GRID,       /* GET /grid: the season grid */
	WEB_R_SUBMISSION, /* GET /submission?id=N: findings and history */
	WEB_R_REGISTER,   /* GET /register (form), POST /register (record) */
	WEB_R_SUMMARY,    /* GET /summary (form), GET /summary.xlsx (workbook) */
	WEB_R_ACCEPT,     /* POST /accept: the officer accepts a warning, with a justification */
	WEB_R_NOTFOUND,   /* anything else */
	WEB_ROUTE_COUNT
};

enum web_method { WEB_GET, WEB_POST, WEB_OTHER, WEB_METHOD_COUNT };

/*
 * The one access decision. object_rcc: NULL when the request is not (yet)
 * about one RCC's statement, "" when it is about a statement whose RCC is
 * unknown, else that RCC. Returns the HTTP status to answer with: 200
 * (go ahead), 401 (log in first), 403 (not for this role or not this
 * RCC), 404 (no such page), 405 (not with this method).
 */
int web_allow(const struct web_who *who, enum web_route route, enum web_method m, const char *object_rcc);

/* Fills who from a stored role ("officer", "viewer", "rcc:ID"); -1 when
 * the role is not one of those. */
int web_who_from_role(struct web_who *who, const char *name, const char *role);

/* nbytes random bytes from getrandom as lower-case hex into out (2 *
 * nbytes + 1 bytes); -1 + err when the kernel gives none. */
int web_random_hex(char *out, size_t nbytes, strbuf *err);
/* The stored form of a token: hex SHA-256. */
void web_token_hash(const char *token, char hex[65]);
/* 1 when a and b are equal, in time that depends only on their lengths. */
int web_secret_equal(const char *a, const char *b);

#define WEB_SESSION_SECONDS (8 * 3600)
#define WEB_SESSIONS_MAX 10000

struct web_session {
	char id[65];   /* the cookie value: 256 random bits */
	char csrf[65]; /* the hidden field of every changing form */
	struct web_who who;
	time_t expires;
};

/* The session table; one per server, guarded by its own mutex. */
struct web_sessions {
	pthread_mutex_t mu;
	struct web_session *s;
	size_t n, cap;
};

void web_sessions_init(struct web_sessions *t);
void web_sessions_free(struct web_sessions *t);
/* Starts a session for who; *out gets a copy. Expired sessions are
 * dropped first; -1 + err when the table is full or no random bytes. */
int web_session_new(struct web_sessions *t, const struct web_who *who, time_t now, struct web_session *out,
                    strbuf *err);
/* 1 and a copy in *out when id names a live session, else 0. */
int web_session_find(struct web_sessions *t, const char *id, time_t now, struct web_session *out);
/* Ends the session id (logout); no-op when there is none. */
void web_session_end(struct web_sessions *t, const char *id);

#endif
