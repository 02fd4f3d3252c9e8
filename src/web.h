/*
 * web.h - `grantcheck serve`: the same checks in a web browser, on GNU
 * libmicrohttpd, on the same engine, register and HTML report as the
 * command line. Plain HTTP on a loopback address by default; put it behind
 * the department's HTTPS reverse proxy for anything else (README).
 *
 * web.c: the daemon, limits, the Host check, request parsing and routing;
 * web_auth.c: roles, web_allow, tokens, sessions; web_pages.c: the pages.
 */
#ifndef GC_WEB_H
#define GC_WEB_H

#include <stddef.h>

#include "lang.h"
#include "util.h"

#define WEB_DEFAULT_LISTEN "127.0.0.1:8080"
#define WEB_DEFAULT_MAX_UPLOAD ((size_t)64 << 20)
#define WEB_WORKERS_MAX 16        /* engines (each with its register connection): one per CPU, at least 2 */
#define WEB_MAX_CONNECTIONS 1000  /* open connections at a time */
#define WEB_CONNECTION_TIMEOUT 30 /* seconds a connection may idle */

struct web_opts {
	const char *listen; /* ADDR:PORT or [ADDR6]:PORT; port 0 picks a free one */
	const char *db;     /* the register (created when missing) */
	const char *rules;  /* the rules folder */
	const char *today;  /* YYYY-MM-DD for the date rules */
	size_t max_upload;  /* bytes of a request body */
	enum lang lang;     /* of the messages on the terminal */
};

/*
 * Runs the server until SIGINT or SIGTERM: prints the URL to open (with
 * the one-person token when the register has no users), answers requests,
 * then lets requests in flight finish and closes the register. Returns 0,
 * or -1 with "what, where, what to do" in err (bad --listen, a non-loopback
 * address without users, the port taken, the register or rules unusable).
 */
int web_serve(const struct web_opts *o, strbuf *err);

/* Parses ADDR:PORT; 0, or -1 + err. is_loopback: 127.0.0.0/8 or ::1. */
struct sockaddr_storage;
int web_parse_listen(const char *s, struct sockaddr_storage *sa, int *is_loopback, strbuf *err);

#endif
