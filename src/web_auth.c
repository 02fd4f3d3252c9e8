/*
 * web_auth.c - roles, the access matrix, tokens and sessions of `grantcheck
 * serve` (see web_auth.h). The session table is the server's, passed in;
 * its mutex is the only lock the request threads share besides the engine
 * pool's.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "sha256.h"
#include "web_auth.h"

/* Whether the role may use the route at all (before any RCC is known). */
static int web_route_allowed(enum web_role r, enum web_route route)
{
	switch (route) {
	case WEB_R_STYLE:
	case WEB_R_LOGIN:
		return 1;
	case WEB_R_LOGOUT:
	case WEB_R_HOME:
	case WEB_R_GRID:
		return r != WEB_ANON;
	case WEB_R_CHECK:
	case WEB_R_REGISTER:
	case WEB_R_SUBMISSION:
		return r == WEB_RCC || r == WEB_OFFICER;
	case WEB_R_SUMMARY:
		return r == WEB_VIEWER || r == WEB_OFFICER;
	case WEB_R_ACCEPT:
		return r == WEB_OFFICER;
	case WEB_R_NOTFOUND:
	case WEB_ROUTE_COUNT:
		break;
	}
	return 0;
}

static int web_method_ok(enum web_route route, enum web_method m)
{
	switch (route) {
	case WEB_R_LOGIN:
	case WEB_R_REGISTER:
		return m == WEB_GET || m == WEB_POST;
	case WEB_R_LOGOUT:
	case WEB_R_CHECK:
	case WEB_R_ACCEPT:
		return m == WEB_POST;
	default:
		return m == WEB_GET;
	}
}

int web_allow(const struct web_who *who, enum web_route route, enum web_method m, const char *object_rcc)
{
	enum web_role r = who ? who->role : WEB_ANON;
	if (route == WEB_R_NOTFOUND || route >= WEB_ROUTE_COUNT)
		return 404;
	if (!web_method_ok(route, m))
		return 405;
	if (!web_route_allowed(r, route))
		return r == WEB_ANON ? 401 : 403;
	/* an rcc:ID user sees and registers its own RCC's statements only */
	if (r == WEB_RCC && object_rcc && strcmp(object_rcc, who->rcc) != 0)
		return 403;
	return 200;
}

int web_who_from_role(struct web_who *who, const char *name, const char *role)
{
	memset(who, 0, sizeof *who);
	snprintf(who->name, sizeof who->name, "%s", name);
	if (strcmp(role, "officer") == 0)
		who->role = WEB_OFFICER;
	else if (strcmp(role, "viewer") == 0)
		who->role = WEB_VIEWER;
	else if (strncmp(role, "rcc:", 4) == 0 && role[4] && strlen(role + 4) < sizeof who->rcc) {
		who->role = WEB_RCC;
		snprintf(who->rcc, sizeof who->rcc, "%s", role + 4);
	} else
		return -1;
	return 0;
}

int web_random_hex(char *out, size_t nbytes, strbuf *err)
{
	unsigned char buf[64];
	if (nbytes > sizeof buf)
		nbytes = sizeof buf;
	size_t got = 0;
	while (got < nbytes) {
		ssize_t k = getrandom(buf + got, nbytes - got, 0);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			sb_printf(err, "the kernel gave no random bytes (getrandom: %s); try again", strerror(errno));
			return -1;
		}
		got += (size_t)k;
	}
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; i < nbytes; i++) {
		out[2 * i] = hex[buf[i] >> 4];
		out[2 * i + 1] = hex[buf[i] & 15];
	}
	out[2 * nbytes] = '\0';
	explicit_bzero(buf, sizeof buf);
	return 0;
}

void web_token_hash(const char *token, char hex[65])
{
	sha256 c;
	sha256_init(&c);
	sha256_update(&c, token, strlen(token));
	sha256_final_hex(&c, hex);
}

int web_secret_equal(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	unsigned char d = na != nb;
	for (size_t i = 0; i < na && i < nb; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

void web_sessions_init(struct web_sessions *t)
{
	memset(t, 0, sizeof *t);
	int rc = pthread_mutex_init(&t->mu, NULL);
	if (rc == ENOMEM || rc == EAGAIN)
		die_oom("the session lock");
	if (rc)
		die_bug("web_sessions_init: pthread_mutex_init: %s", strerror(rc));
}

void web_sessions_free(struct web_sessions *t)
{
	if (t->s)
		explicit_bzero(t->s, t->cap * sizeof *t->s);
	free(t->s);
	pthread_mutex_destroy(&t->mu);
	memset(t, 0, sizeof *t);
}

static void web_lock(struct web_sessions *t)
{
	int rc = pthread_mutex_lock(&t->mu);
	if (rc)
		die_bug("web_sessions: pthread_mutex_lock: %s", strerror(rc));
}

static void web_unlock(struct web_sessions *t)
{
	int rc = pthread_mutex_unlock(&t->mu);
	if (rc)
		die_bug("web_sessions: pthread_mutex_unlock: %s", strerror(rc));
}

int web_session_new(struct web_sessions *t, const struct web_who *who, time_t now, struct web_session *out, strbuf *err)
{
	memset(out, 0, sizeof *out);
	if (web_random_hex(out->id, 32, err) || web_random_hex(out->csrf, 32, err))
		return -1;
	out->who = *who;
	out->expires = now + WEB_SESSION_SECONDS;
	web_lock(t);
	size_t k = 0;
	for (size_t i = 0; i < t->n; i++)
		if (t->s[i].expires > now)
			t->s[k++] = t->s[i];
	t->n = k;
	int rc = 0;
	if (t->n >= WEB_SESSIONS_MAX) {
		sb_printf(err, "too many sessions (%d) are open; wait for some to expire", WEB_SESSIONS_MAX);
		rc = -1;
	} else {
		t->s = xgrow(t->s, &t->cap, t->n + 1, sizeof *t->s);
		t->s[t->n++] = *out;
	}
	web_unlock(t);
	return rc;
}

int web_session_find(struct web_sessions *t, const char *id, time_t now, struct web_session *out)
{
	int found = 0;
	web_lock(t);
	for (size_t i = 0; i < t->n && !found; i++)
		if (web_secret_equal(t->s[i].id, id) && t->s[i].expires > now) {
			*out = t->s[i];
			found = 1;
		}
	web_unlock(t);
	return found;
}

void web_session_end(struct web_sessions *t, const char *id)
{
	web_lock(t);
	for (size_t i = 0; i < t->n; i++)
		if (web_secret_equal(t->s[i].id, id)) {
			t->s[i] = t->s[--t->n];
			break;
		}
	web_unlock(t);
}
