/*
 * web.c - the server of `grantcheck serve` (web.h) on GNU libmicrohttpd:
 * parsing --listen, the daemon with its limits (threads, connections,
 * idle timeout, upload size answered with 413 from Content-Length before
 * the body is read), the Host check against the listen address (DNS
 * rebinding), the security headers on every answer, multipart and form
 * parsing (MHD's post processor: fields go to memory, an uploaded file's
 * name is only ever a label, never a path), sessions from the cookie, the
 * one-person token of a loopback server without users, CSRF on every post
 * that changes anything, routing through web_allow, and the clean stop on
 * SIGINT/SIGTERM.
 *
 * Every connection has its own thread (MHD's thread per connection), which
 * reads and parses the request. The engine is not thread-safe: a request
 * that needs it takes a worker (an engine and a register connection) from
 * a pool of one per CPU (at least 2), in the order the requests asked (a
 * FIFO of waiters, each woken alone), so under load every request waits
 * about (requests ahead / workers) x service time and none waits much
 * longer: the latency's tail stays near its median. Nothing here is
 * global; the server struct lives in web_serve().
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <malloc.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "fault.h"
#include "out_html.h"
#include "out_xlsx.h"
#include "register_findings.h"
#include "register_summary.h"
#include "register_users.h"
#include "summary.h"
#include "web.h"
#include "web_impl.h"
#include "xlsx_cells.h"

#define WEB_CSP "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'"
#define WEB_SMALL_FIELD 2048 /* bytes of a form field that is not a file (a justification) */
/* MHD's buffer for a part's headers and field names (the values stream
 * through): 4 KiB holds any name we take; it is calloc'ed per request. */
#define WEB_PP_BUFFER 4096
/* MHD's memory per connection, reset (zeroed) between requests on a kept
 * connection: the request's headers and its read buffer. */
#define WEB_CONNECTION_MEMORY (32 * 1024)

/* One request thread's tools: its own engine and register connection. */
struct web_worker {
	struct engine *engine;
	struct reg reg;
	int busy;
	unsigned fault; /* the fault hook's counter (web-register) */
};

struct web_server {
	const struct web_opts *o;
	char host[300], host_alt[300]; /* the Host headers accepted */
	int local_mode;                /* no users, loopback: one person */
	char local_token[65];
	struct web_sessions sessions;
	pthread_mutex_t pool_mu;
	struct web_waiter *wait_head, *wait_tail; /* requests waiting for a worker, oldest first */
	int nworkers;
	struct web_worker workers[WEB_WORKERS_MAX];
	const struct rulesets *sets; /* worker 0's rule sets, read-only: names and years for the pages */
	char today[11];              /* --today, else the UTC date the server started */
	strbuf css;
};

enum web_field {
	WEB_F_STATEMENT,
	WEB_F_PREVIOUS,
	WEB_F_CSRF,
	WEB_F_TOKEN,
	WEB_F_LANG,
	WEB_F_ID,      /* /accept: the submission */
	WEB_F_FINDING, /* /accept: the finding's number in the submission (seq) */
	WEB_F_WHY,     /* /accept: the justification */
	WEB_F_COUNT
};
static const char *const web_field_names[WEB_F_COUNT] = {"statement", "previous", "csrf",    "token",
                                                         "lang",      "id",       "finding", "why"};

/* One request, from the first call of the access handler to completion. */
struct web_req {
	struct web_server *srv;
	enum web_method method;
	enum web_route route;
	struct MHD_PostProcessor *pp;
	strbuf field[WEB_F_COUNT];
	char fname[WEB_F_COUNT][128]; /* the upload's file name, cleaned: a label */
	uint64_t total;
	int too_big, bad_body;
};

/* ---- listen address ---- */

int web_parse_listen(const char *s, struct sockaddr_storage *sa, int *is_loopback, strbuf *err)
{
	char host[256];
	const char *colon;
	memset(sa, 0, sizeof *sa);
	if (s[0] == '[') {
		const char *close = strchr(s, ']');
		if (!close || close[1] != ':' || (size_t)(close - s - 1) >= sizeof host)
			goto bad;
		memcpy(host, s + 1, (size_t)(close - s - 1));
		host[close - s - 1] = '\0';
		colon = close + 1;
	} else {
		colon = strrchr(s, ':');
		if (!colon || (size_t)(colon - s) >= sizeof host)
			goto bad;
		memcpy(host, s, (size_t)(colon - s));
		host[colon - s] = '\0';
	}
	char *end;
	errno = 0;
	long port = strtol(colon + 1, &end, 10);
	if (errno || *end || end == colon + 1 || port < 0 || port > 65535)
		goto bad;
	struct sockaddr_in *v4 = (struct sockaddr_in *)sa;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)sa;
	if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons((uint16_t)port);
		*is_loopback = (ntohl(v4->sin_addr.s_addr) >> 24) == 127;
	} else if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((uint16_t)port);
		*is_loopback = IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr);
	} else
		goto bad;
	return 0;
bad:
	sb_printf(err,
	          "--listen '%s' is not ADDRESS:PORT with a numeric address (e.g. 127.0.0.1:8080 or [::1]:8080); "
	          "give one like that",
	          s);
	return -1;
}

/* ---- the worker pool ---- */

/* A request waiting for a worker: web_give hands one over in `got`. */
struct web_waiter {
	pthread_cond_t cv;
	struct web_worker *got;
	struct web_waiter *next;
};

static struct web_worker *web_take(struct web_server *s)
{
	if (pthread_mutex_lock(&s->pool_mu))
		die_bug("web_take: pthread_mutex_lock");
	struct web_worker *w = NULL;
	if (!s->wait_head)
		for (int i = 0; i < s->nworkers && !w; i++)
			if (!s->workers[i].busy)
				w = &s->workers[i];
	if (w)
		w->busy = 1;
	else {
		struct web_waiter me = {.got = NULL, .next = NULL};
		if (pthread_cond_init(&me.cv, NULL))
			die_oom("a condition variable of the worker queue");
		if (s->wait_tail)
			s->wait_tail->next = &me;
		else
			s->wait_head = &me;
		s->wait_tail = &me;
		while (!me.got)
			if (pthread_cond_wait(&me.cv, &s->pool_mu))
				die_bug("web_take: pthread_cond_wait");
		w = me.got; /* web_give dequeued us and kept w busy */
		if (pthread_cond_destroy(&me.cv))
			die_bug("web_take: pthread_cond_destroy");
	}
	if (pthread_mutex_unlock(&s->pool_mu))
		die_bug("web_take: pthread_mutex_unlock");
	return w;
}

static void web_give(struct web_server *s, struct web_worker *w)
{
	if (pthread_mutex_lock(&s->pool_mu))
		die_bug("web_give: pthread_mutex_lock");
	struct web_waiter *next = s->wait_head;
	if (next) { /* straight to the oldest waiter: the worker stays busy */
		s->wait_head = next->next;
		if (!s->wait_head)
			s->wait_tail = NULL;
		next->got = w;
		if (pthread_cond_signal(&next->cv))
			die_bug("web_give: pthread_cond_signal");
	} else
		w->busy = 0;
	if (pthread_mutex_unlock(&s->pool_mu))
		die_bug("web_give: pthread_mutex_unlock");
}

/* ---- answers ---- */

static enum MHD_Result web_send(struct MHD_Connection *c, unsigned status, const char *ctype, strbuf *body,
                                const char *cookie, const char *location, const char *disposition)
{
	size_t len = body->len;
	char *data = body->len ? sb_take(body) : NULL;
	struct MHD_Response *r = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	if (!r) {
		free(data);
		return MHD_NO;
	}
	int ok = MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, ctype) == MHD_YES &&
	        MHD_add_response_header(r, "Content-Security-Policy", WEB_CSP) == MHD_YES &&
	        MHD_add_response_header(r, "X-Content-Type-Options", "nosniff") == MHD_YES &&
	        MHD_add_response_header(r, "Referrer-Policy", "no-referrer") == MHD_YES &&
	        MHD_add_response_header(r, "X-Frame-Options", "DENY") == MHD_YES &&
	        MHD_add_response_header(r, "Cache-Control", "no-store") == MHD_YES &&
	        (!cookie || MHD_add_response_header(r, MHD_HTTP_HEADER_SET_COOKIE, cookie) == MHD_YES) &&
	        (!location || MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, location) == MHD_YES) &&
	        (!disposition ||
	         MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_DISPOSITION, disposition) == MHD_YES);
	enum MHD_Result rc = ok ? MHD_queue_response(c, status, r) : MHD_NO;
	MHD_destroy_response(r);
	return rc;
}

/* An HTML page. A ?lang= in the address is remembered (gc_lang) on
 * whatever page answers it, so the next page keeps the language. */
static enum MHD_Result web_page(struct MHD_Connection *c, unsigned status, strbuf *page, const char *cookie)
{
	char lang_cookie[64];
	enum lang l;
	const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang");
	if (!cookie && v && lang_parse(v, &l) == 0) {
		snprintf(lang_cookie, sizeof lang_cookie, "gc_lang=%s; Path=/; SameSite=Strict", lang_code(l));
		cookie = lang_cookie;
	}
	return web_send(c, status, "text/html; charset=utf-8", page, cookie, NULL, NULL);
}

static enum MHD_Result web_message(struct MHD_Connection *c, const struct webp_frame *f, unsigned status,
                                   const char *sv, const char *en)
{
	strbuf b = {0};
	webp_message(&b, f, (int)status, f->lang == LANG_SV ? sv : en);
	enum MHD_Result rc = web_page(c, status, &b, NULL);
	sb_free(&b);
	return rc;
}

/* A bare answer before anything of the request is known (Host, 413). */
static enum MHD_Result web_plain(struct MHD_Connection *c, unsigned status, const char *text)
{
	strbuf b = {0};
	sb_puts(&b, text);
	enum MHD_Result rc = web_send(c, status, "text/plain; charset=utf-8", &b, NULL, NULL, NULL);
	sb_free(&b);
	return rc;
}

static enum MHD_Result web_redirect(struct MHD_Connection *c, const char *to, const char *cookie)
{
	strbuf b = {0};
	enum MHD_Result rc = web_send(c, MHD_HTTP_SEE_OTHER, "text/plain; charset=utf-8", &b, cookie, to, NULL);
	return rc;
}

/* ---- request parsing ---- */

static enum web_route web_route_of(const char *url)
{
	static const struct {
		const char *path;
		enum web_route r;
	} routes[] = {{"/style.css", WEB_R_STYLE},       {"/login", WEB_R_LOGIN},
	              {"/logout", WEB_R_LOGOUT},         {"/", WEB_R_HOME},
	              {"/check", WEB_R_CHECK},           {"/grid", WEB_R_GRID},
	              {"/submission", WEB_R_SUBMISSION}, {"/register", WEB_R_REGISTER},
	              {"/summary", WEB_R_SUMMARY},       {"/summary.xlsx", WEB_R_SUMMARY},
	              {"/accept", WEB_R_ACCEPT}};
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
		if (strcmp(url, routes[i].path) == 0)
			return routes[i].r;
	return WEB_R_NOTFOUND;
}

/* Keeps the last path component's letters, digits, '.', '-', '_' and
 * spaces: a label for the report and the register, never opened. */
static void web_clean_name(char *out, size_t n, const char *name)
{
	const char *base = name;
	for (const char *p = name; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	size_t k = 0;
	for (const char *p = base; *p && k + 1 < n; p++) {
		unsigned char ch = (unsigned char)*p;
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' ||
		    ch == '-' || ch == '_' || ch == ' ')
			out[k++] = (char)ch;
	}
	out[k] = '\0';
	if (!k || out[0] == '.')
		snprintf(out, n, "statement.xml");
}

static enum MHD_Result web_field(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
                                 const char *content_type, const char *transfer_encoding, const char *data,
                                 uint64_t off, size_t size)
{
	(void)kind, (void)content_type, (void)transfer_encoding;
	struct web_req *q = cls;
	int f = -1;
	for (int i = 0; i < WEB_F_COUNT; i++)
		if (key && strcmp(key, web_field_names[i]) == 0)
			f = i;
	if (f < 0)
		return MHD_YES; /* fields we do not know are ignored */
	if (off == 0 && filename)
		web_clean_name(q->fname[f], sizeof q->fname[f], filename);
	if (f != WEB_F_STATEMENT && f != WEB_F_PREVIOUS && q->field[f].len + size > WEB_SMALL_FIELD) {
		q->bad_body = 1;
		return MHD_NO;
	}
	if (size)
		sb_putn(&q->field[f], data, size);
	return MHD_YES;
}

static void web_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	(void)cls, (void)c, (void)toe;
	struct web_req *q = *con_cls;
	if (!q)
		return;
	if (q->pp)
		(void)MHD_destroy_post_processor(q->pp); /* cut off: what came is dropped */
	for (int i = 0; i < WEB_F_COUNT; i++)
		sb_free(&q->field[i]);
	free(q);
	*con_cls = NULL;
}

static int web_host_ok(const struct web_server *s, const char *host)
{
	return host && (strcmp(host, s->host) == 0 || (s->host_alt[0] && strcmp(host, s->host_alt) == 0));
}

static enum lang web_lang(struct MHD_Connection *c, const struct web_req *q)
{
	enum lang l = LANG_SV;
	const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang");
	if (v && lang_parse(v, &l) == 0)
		return l;
	if (q->field[WEB_F_LANG].len && lang_parse(sb_str(&q->field[WEB_F_LANG]), &l) == 0)
		return l;
	v = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "gc_lang");
	if (v && lang_parse(v, &l) == 0)
		return l;
	return LANG_SV;
}

/* ---- the pages that need the engine or the register ---- */

struct web_prev {
	struct prev_statement p;
	int have;
};

static int web_prev_lookup(void *ctx, const char *rcc, int year, const struct prev_statement **out, strbuf *err)
{
	(void)err;
	struct web_prev *wp = ctx;
	if (wp->have && wp->p.year == year && wp->p.rcc && strcmp(wp->p.rcc, rcc) == 0) {
		*out = &wp->p;
		return 1;
	}
	return 0;
}

/* The upload in a memfd, for the report's excerpts; -1 when none can be
 * made (the report then goes without them). */
static int web_memfd(const strbuf *data)
{
	int fd = memfd_create("grantcheck-upload", MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t done = 0;
	while (done < data->len) {
		ssize_t k = write(fd, data->s + done, data->len - done);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)k;
	}
	return fd;
}

static enum MHD_Result web_report(struct MHD_Connection *c, const struct webp_frame *f, const struct file_result *res,
                                  const strbuf *data, const char *note, long long submission, unsigned status)
{
	struct html_page page;
	strbuf doc = {0}, out = {0};
	html_page_init(&page, f->lang);
	int fd = -1, lines = 0;
	for (int i = 0; i < res->nfindings && !lines; i++)
		lines = res->findings[i].line > 0;
	if (lines) /* the excerpts need the upload as a file; a report without them does not */
		fd = web_memfd(data);
	html_page_file_fd(&page, res, NULL, fd >= 0 ? fd : -1);
	if (fd >= 0)
		close(fd);
	html_page_finish(&page, &doc);
	html_page_free(&page);
	webp_report(&out, f, &doc, note, submission);
	enum MHD_Result rc = web_page(c, status, &out, NULL);
	sb_free(&doc);
	sb_free(&out);
	return rc;
}

static enum MHD_Result web_trouble(struct MHD_Connection *c, const struct webp_frame *f, const strbuf *err)
{
	strbuf b = {0};
	sb_puts(&b,
	        f->lang == LANG_SV ? "grantcheck kunde inte utföra uppgiften: " : "grantcheck could not do the job: ");
	sb_puts(&b, sb_str(err));
	enum MHD_Result rc = web_message(c, f, 500, sb_str(&b), sb_str(&b));
	sb_free(&b);
	return rc;
}

static enum MHD_Result web_do_check(struct web_req *q, struct MHD_Connection *c, const struct webp_frame *f)
{
	struct web_server *s = q->srv;
	if (!q->field[WEB_F_STATEMENT].len)
		return web_message(c, f, 400, "Välj en redovisning (XML-fil) och försök igen.",
		                   "Choose a statement (an XML file) and try again.");
	struct web_worker *w = web_take(s);
	struct web_prev wp = {0};
	struct file_result res, pres;
	strbuf err = {0};
	memset(&res, 0, sizeof res);
	memset(&pres, 0, sizeof pres);
	enum MHD_Result rc;
	if (q->field[WEB_F_PREVIOUS].len) {
		const char *pl = q->fname[WEB_F_PREVIOUS][0] ? q->fname[WEB_F_PREVIOUS] : "previous.xml";
		if (engine_check_mem(w->engine, pl, q->field[WEB_F_PREVIOUS].s, q->field[WEB_F_PREVIOUS].len, &pres,
		                     &err))
			goto trouble;
		if (pres.rcc && pres.year) {
			prev_statement_init(&wp.p, pl, pres.rcc, pres.year, &pres.figures);
			wp.have = 1;
		}
	}
	engine_set_previous(w->engine, web_prev_lookup, &wp);
	engine_set_previous_given(w->engine, wp.have ? &wp.p : NULL, wp.have);
	const char *label = q->fname[WEB_F_STATEMENT][0] ? q->fname[WEB_F_STATEMENT] : "statement.xml";
	int bad = engine_check_mem(w->engine, label, q->field[WEB_F_STATEMENT].s, q->field[WEB_F_STATEMENT].len, &res,
	                           &err);
	engine_set_previous(w->engine, NULL, NULL);
	engine_set_previous_given(w->engine, NULL, 0);
	if (bad)
		goto trouble;
	web_give(s, w);
	w = NULL;
	int g5_skipped = 0; /* the rule's hint names --previous; on the web it is the form's second field */
	for (int i = 0; i < res.nfindings && !wp.have; i++)
		g5_skipped |= res.findings[i].rule && strcmp(res.findings[i].rule->id, "G5") == 0 &&
		        res.findings[i].severity == SEV_INFO;
	rc = web_report(
	        c, f, &res, &q->field[WEB_F_STATEMENT],
	        g5_skipped ? WEBP_T(f,
	                            "Förhandskontroll: ingenting har sparats. G5 och M5 prövas när du även "
	                            "väljer förra årets redovisning i formulärets andra fält.",
	                            "Pre-check: nothing was stored. G5 and M5 are checked when you also choose "
	                            "last year's statement in the form's second field.")
	                   : WEBP_T(f, "Förhandskontroll: ingenting har sparats.", "Pre-check: nothing was stored."),
	        0, 200);
	goto out;
trouble:
	engine_set_previous(w->engine, NULL, NULL);
	engine_set_previous_given(w->engine, NULL, 0);
	web_give(s, w);
	rc = web_trouble(c, f, &err);
out:
	if (wp.have)
		prev_statement_free(&wp.p);
	file_result_free(&res);
	file_result_free(&pres);
	sb_free(&err);
	return rc;
}

/* Inside the register's transaction: the test-only fault hook
 * GRANTCHECK_FAULT=web-register[:N[:SIG]] (a kill mid-registration). */
static int web_commit_hook(void *ctx)
{
	struct web_worker *w = ctx;
	return fault_point("web-register", &w->fault); /* non-zero: the commit becomes a rollback */
}

static enum MHD_Result web_do_register(struct web_req *q, struct MHD_Connection *c, const struct webp_frame *f)
{
	struct web_server *s = q->srv;
	if (!q->field[WEB_F_STATEMENT].len)
		return web_message(c, f, 400, "Välj en redovisning (XML-fil) och försök igen.",
		                   "Choose a statement (an XML file) and try again.");
	struct web_worker *w = web_take(s);
	struct file_result res;
	strbuf err = {0};
	memset(&res, 0, sizeof res);
	enum MHD_Result rc;
	const char *label = q->fname[WEB_F_STATEMENT][0] ? q->fname[WEB_F_STATEMENT] : "statement.xml";
	engine_set_previous(w->engine, reg_prev_provider, &w->reg);
	engine_set_fingerprints(w->engine, 1); /* as `register`: what changed and acceptances go by fingerprint */
	int bad = engine_check_mem(w->engine, label, q->field[WEB_F_STATEMENT].s, q->field[WEB_F_STATEMENT].len, &res,
	                           &err);
	engine_set_fingerprints(w->engine, 0);
	engine_set_previous(w->engine, NULL, NULL);
	if (bad) {
		web_give(s, w);
		rc = web_trouble(c, f, &err);
		goto out;
	}
	int allowed = web_allow(&f->sess->who, WEB_R_REGISTER, WEB_POST, res.rcc ? res.rcc : "");
	if (allowed != 200) {
		web_give(s, w);
		rc = web_message(c, f, (unsigned)allowed,
		                 "Redovisningen gäller ett annat RCC än ditt; den har inte registrerats.",
		                 "The statement is another RCC's than yours; it was not registered.");
		goto out;
	}
	char now[21];
	utc_now(now);
	enum reg_outcome oc;
	long long superseded;
	sqlite3_commit_hook(w->reg.db, web_commit_hook, w);
	w->reg.upload = q->field[WEB_F_STATEMENT].s; /* its bytes are stored; the label is never opened */
	w->reg.upload_len = q->field[WEB_F_STATEMENT].len;
	reg_set_by(&w->reg, s->local_mode ? NULL : f->sess->who.name); /* the events name the user */
	bad = reg_record(&w->reg, &res, now, &oc, &superseded, &err);
	reg_set_by(&w->reg, NULL);
	w->reg.upload = NULL;
	w->reg.upload_len = 0;
	sqlite3_commit_hook(w->reg.db, NULL, NULL);
	long long sub_id = w->reg.last_id; /* read before the worker goes back */
	web_give(s, w);
	if (bad) {
		rc = web_trouble(c, f, &err);
		goto out;
	}
	char note[160];
	if (oc == REG_DUPLICATE)
		snprintf(note, sizeof note, "%s",
		         WEBP_T(f, "Filen fanns redan i registret; ingenting ändrades.",
		                "The file was already in the register; nothing changed."));
	else if (superseded)
		snprintf(note, sizeof note,
		         WEBP_T(f, "Registrerad; ersätter inlämning %lld.", "Registered; replaces submission %lld."),
		         superseded);
	else
		snprintf(note, sizeof note, "%s", WEBP_T(f, "Registrerad.", "Registered."));
	rc = web_report(c, f, &res, &q->field[WEB_F_STATEMENT], note, sub_id, 200);
out:
	file_result_free(&res);
	sb_free(&err);
	return rc;
}

static enum MHD_Result web_do_grid(struct web_req *q, struct MHD_Connection *c, const struct webp_frame *f)
{
	struct web_worker *w = web_take(q->srv);
	struct reg_submission *sub = NULL;
	int n = 0;
	strbuf err = {0}, b = {0};
	enum MHD_Result rc;
	if (reg_list(&w->reg, 0, 0, &sub, &n, &err)) {
		web_give(q->srv, w);
		rc = web_trouble(c, f, &err);
	} else {
		webp_grid(&b, f, engine_rulesets(w->engine), sub, n);
		web_give(q->srv, w);
		rc = web_page(c, 200, &b, NULL);
	}
	reg_submissions_free(sub, n);
	sb_free(&err);
	sb_free(&b);
	return rc;
}

static enum MHD_Result web_do_submission(struct web_req *q, struct MHD_Connection *c, const struct webp_frame *f)
{
	const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "id");
	char *end;
	long long id = v ? strtoll(v, &end, 10) : 0;
	if (!v || *end || id <= 0)
		return web_message(c, f, 404, "Ingen sådan inlämning.", "No such submission.");
	struct web_worker *w = web_take(q->srv);
	struct reg_submission *all = NULL, *hist = NULL;
	struct regu_finding *fi = NULL, *pf = NULL;
	struct regf_diff acc = {0}; /* the findings with their acceptances */
	int n = 0, nh = 0, nf = 0, npf = 0;
	size_t cap = 0;
	strbuf err = {0}, b = {0};
	enum MHD_Result rc;
	if (reg_list(&w->reg, 0, 1, &all, &n, &err)) {
		web_give(q->srv, w);
		rc = web_trouble(c, f, &err);
		goto out;
	}
	const struct reg_submission *sub = NULL;
	for (int i = 0; i < n; i++)
		if (all[i].id == id)
			sub = &all[i];
	int allowed = sub ? web_allow(&f->sess->who, WEB_R_SUBMISSION, WEB_GET, sub->rcc ? sub->rcc : "") : 404;
	if (allowed != 200) {
		web_give(q->srv, w);
		rc = web_message(c, f, (unsigned)allowed, "Ingen sådan inlämning som du får se.",
		                 "No such submission that you may see.");
		goto out;
	}
	const struct reg_submission *before = NULL; /* the version this one replaced */
	for (int i = 0; i < n; i++)
		if (all[i].superseded_by == id && (!before || all[i].id > before->id))
			before = &all[i];
	if (regu_findings(&w->reg, id, &fi, &nf, &err) ||
	    (before && regu_findings(&w->reg, before->id, &pf, &npf, &err)) || regf_diff(&w->reg, id, &acc, &err) < 0) {
		web_give(q->srv, w);
		rc = web_trouble(c, f, &err);
		goto out;
	}
	web_give(q->srv, w);
	for (int i = 0; i < n; i++)
		if (all[i].year == sub->year && all[i].rcc && sub->rcc && strcmp(all[i].rcc, sub->rcc) == 0) {
			hist = xgrow(hist, &cap, (size_t)nh + 1, sizeof *hist);
			hist[nh++] = all[i]; /* borrowed from all */
		}
	webp_submission(&b, f, sub, fi, nf, hist, nh, before != NULL, pf, npf, &acc);
	rc = web_page(c, 200, &b, NULL);
out:
	regf_diff_free(&acc);
	free(hist);
	reg_submissions_free(all, n);
	regu_findings_free(fi, nf);
	regu_findings_free(pf, npf);
	sb_free(&err);
	sb_free(&b);
	return rc;
}

/* POST /accept (officer): records the justification for one open warning
 * of a submission, as `grantcheck accept` does, then back to the
 * submission's page (303), which shows it among the accepted warnings. */
static enum MHD_Result web_do_accept(struct web_req *q, struct MHD_Connection *c, const struct webp_frame *f)
{
	char *end;
	const char *ids = sb_str(&q->field[WEB_F_ID]), *seqs = sb_str(&q->field[WEB_F_FINDING]);
	long long id = strtoll(ids, &end, 10);
	if (!*ids || *end || id <= 0)
		return web_message(c, f, 404, "Ingen sådan inlämning.", "No such submission.");
	long seq = strtol(seqs, &end, 10);
	if (!*seqs || *end || seq <= 0)
		return web_message(c, f, 400, "Välj en varning att godta.", "Choose a warning to accept.");
	const char *why = sb_str(&q->field[WEB_F_WHY]);
	while (*why == ' ' || *why == '\t' || *why == '\r' || *why == '\n')
		why++;
	if (!*why)
		return web_message(c, f, 400, "Skriv varför varningen godtas och försök igen.",
		                   "Write why the warning is accepted and try again.");
	struct web_worker *w = web_take(q->srv);
	struct regf_diff d = {0};
	strbuf err = {0};
	enum MHD_Result rc;
	int got = regf_diff(&w->reg, id, &d, &err);
	const struct regf_item *it = NULL;
	for (int i = 0; got == 0 && i < d.n && !it; i++)
		if (d.items[i].seq == seq)
			it = &d.items[i];
	int allowed = got == 0 ? web_allow(&f->sess->who, WEB_R_ACCEPT, WEB_POST, d.rcc ? d.rcc : "") : 404;
	if (got < 0) {
		web_give(q->srv, w);
		rc = web_trouble(c, f, &err);
	} else if (allowed != 200) {
		web_give(q->srv, w);
		rc = web_message(c, f, (unsigned)allowed, "Ingen sådan inlämning som du får ändra.",
		                 "No such submission that you may change.");
	} else if (!it || !it->severity || strcmp(it->severity, "warning") != 0) {
		web_give(q->srv, w);
		rc = web_message(c, f, 400, "Bara en varning kan godtas; ett fel ska rättas i en ny redovisning.",
		                 "Only a warning can be accepted; an error must be corrected in a new statement.");
	} else if (!it->fingerprint) {
		web_give(q->srv, w);
		rc = web_message(
		        c, f, 409,
		        "Inlämningen registrerades före version 2 och saknar fingeravtryck; registrera filen på "
		        "nytt för att kunna godta varningen.",
		        "The submission was registered before version 2 and has no fingerprints; register the "
		        "file again to accept the warning.");
	} else {
		char at[21], byb[64], to[64];
		utc_now(at);
		const char *by = q->srv->local_mode ? regf_default_by(byb, sizeof byb) : f->sess->who.name;
		int bad = !it->why && regf_accept(&w->reg, id, it, d.rcc, d.year, why, by, at, &err);
		web_give(q->srv, w);
		snprintf(to, sizeof to, "/submission?id=%lld", id);
		rc = bad ? web_trouble(c, f, &err) : web_redirect(c, to, NULL); /* already accepted: nothing changed */
	}
	regf_diff_free(&d);
	sb_free(&err);
	return rc;
}

/* Reads a whole file descriptor from offset 0. */
static int web_read_fd(int fd, strbuf *out)
{
	if (lseek(fd, 0, SEEK_SET) != 0)
		return -1;
	char buf[65536];
	for (;;) {
		ssize_t k = read(fd, buf, sizeof buf);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0)
			return 0;
		sb_putn(out, buf, (size_t)k);
	}
}

/* The workbook as `grantcheck summary` makes it (register snapshot, G8,
 * model, sheets), written into a memfd: no file on disk to clean up. */
static int web_workbook(struct web_worker *w, int year, enum lang l, strbuf *out, strbuf *err)
{
	struct file_result regchk;
	struct regsum_statements st = {0};
	struct summary model = {0};
	struct regsum_register info = {0};
	int *years = NULL, nyears = 0, rc = -1, fd = -1;
	memset(&regchk, 0, sizeof regchk);
	if (reg_read_begin(&w->reg, err))
		goto done;
	if (year) {
		years = xmalloc(sizeof *years);
		years[0] = year;
		nyears = 1;
	} else if (regsum_years(&w->reg, &years, &nyears, err))
		goto end_snapshot;
	if (!nyears) {
		sb_printf(err, "%s: the register holds no statement to summarise; register the statements first",
		          w->reg.path);
		goto end_snapshot;
	}
	if (reg_check_register(&w->reg, w->engine, &regchk, err) || regsum_load(&w->reg, years, nyears, &st, err) ||
	    regsum_register_info(&w->reg, &info, err))
		goto end_snapshot;
	reg_read_end(&w->reg);
	summary_build(&model, &st, engine_rulesets(w->engine), years, nyears);
	struct summary_input in = {.m = &model, .db_path = w->reg.path, .sets = engine_rulesets(w->engine),
	                           .regchk = &regchk, .years = years, .nyears = nyears, .lang = l, .now = time(NULL),
	                           .max_rows = XLSX_MAX_ROWS, .reg = &info};
	fd = memfd_create("grantcheck-summary", MFD_CLOEXEC);
	if (fd < 0) {
		sb_printf(err, "cannot make room for the workbook in memory (memfd_create: %s); try again",
		          strerror(errno));
		goto done;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	if (xlsx_write_summary(&in, path, "summary.xlsx", err))
		goto done;
	if (web_read_fd(fd, out)) {
		sb_printf(err, "cannot read the workbook back (%s); try again", strerror(errno));
		goto done;
	}
	rc = 0;
	goto done;
end_snapshot:
	reg_read_end(&w->reg);
done:
	if (fd >= 0)
		close(fd);
	free(years);
	summary_free(&model);
	regsum_free(&st);
	regsum_register_free(&info);
	file_result_free(&regchk);
	return rc;
}

static enum MHD_Result web_do_summary(struct web_req *q, struct MHD_Connection *c, const struct webp_frame *f,
                                      const char *url)
{
	strbuf b = {0}, err = {0};
	enum MHD_Result rc;
	struct web_worker *w = web_take(q->srv);
	if (strcmp(url, "/summary") == 0) {
		webp_summary_form(&b, f, engine_rulesets(w->engine));
		web_give(q->srv, w);
		rc = web_page(c, 200, &b, NULL);
		sb_free(&b);
		return rc;
	}
	const char *yv = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "year");
	int year = yv && *yv ? cli_year(yv) : 0;
	if (year < 0) {
		web_give(q->srv, w);
		return web_message(c, f, 400, "Året ska vara ett årtal som 2014.",
		                   "The year must be a year like 2014.");
	}
	int bad = web_workbook(w, year, f->lang, &b, &err);
	web_give(q->srv, w);
	if (bad)
		rc = web_trouble(c, f, &err);
	else {
		char disp[96];
		if (year)
			snprintf(disp, sizeof disp, "attachment; filename=\"grantcheck-summary-%d-%s.xlsx\"", year,
			         lang_code(f->lang));
		else
			snprintf(disp, sizeof disp, "attachment; filename=\"grantcheck-summary-%s.xlsx\"",
			         lang_code(f->lang));
		rc = web_send(c, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &b, NULL,
		              NULL, disp);
	}
	sb_free(&b);
	sb_free(&err);
	return rc;
}

static void web_cookie(char *out, size_t n, const char *id)
{
	snprintf(out, n, "gc_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d", id, WEB_SESSION_SECONDS);
}

static enum MHD_Result web_do_login(struct web_req *q, struct MHD_Connection *c, struct webp_frame *f)
{
	struct web_server *s = q->srv;
	strbuf b = {0}, err = {0};
	enum MHD_Result rc;
	if (q->method == WEB_GET) {
		webp_login(&b, f, s->local_mode, NULL);
		rc = web_page(c, 200, &b, NULL);
		sb_free(&b);
		return rc;
	}
	const char *token = sb_str(&q->field[WEB_F_TOKEN]);
	struct web_who who;
	int found = 0;
	if (s->local_mode) {
		found = token[0] && web_secret_equal(token, s->local_token);
		web_who_from_role(&who, "local", "officer");
	} else if (token[0]) {
		char hash[65];
		struct regu_user u;
		web_token_hash(token, hash);
		struct web_worker *w = web_take(s);
		found = regu_by_hash(&w->reg, hash, &u, &err);
		web_give(s, w);
		if (found < 0) {
			rc = web_trouble(c, f, &err);
			sb_free(&err);
			return rc;
		}
		if (found == 1 && web_who_from_role(&who, u.name, u.role))
			found = 0;
		regu_user_clear(&u);
	}
	if (found != 1) {
		webp_login(&b, f, s->local_mode,
		           WEBP_T(f, "Nyckeln stämmer inte. Kontrollera den och försök igen.",
		                  "The token does not match. Check it and try again."));
		rc = web_page(c, 401, &b, NULL);
		sb_free(&b);
		return rc;
	}
	struct web_session sess;
	if (web_session_new(&s->sessions, &who, time(NULL), &sess, &err)) {
		rc = web_trouble(c, f, &err);
		sb_free(&err);
		return rc;
	}
	char cookie[200];
	web_cookie(cookie, sizeof cookie, sess.id);
	explicit_bzero(&sess, sizeof sess);
	return web_redirect(c, "/", cookie);
}

/* Appends s percent-encoded (all but A-Z a-z 0-9 - . _ ~). */
static void web_urlencode(strbuf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		    *p == '.' || *p == '_' || *p == '~')
			sb_putn(b, (const char *)p, 1);
		else {
			char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			sb_putn(b, e, 3);
		}
}

/* MHD_get_connection_values' iterator: the query but lang and token. */
static enum MHD_Result web_query_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	strbuf *b = cls;
	if (!key || strcmp(key, "lang") == 0 || strcmp(key, "token") == 0 || b->len > 1024)
		return MHD_YES;
	if (b->len)
		sb_puts(b, "&");
	web_urlencode(b, key);
	if (value) {
		sb_puts(b, "=");
		web_urlencode(b, value);
	}
	return MHD_YES;
}

/* Where the language switch of a page leads: a page answered to GET is
 * opened again with its parameters; a page answered to a form's POST
 * cannot be (the upload is gone), so its form page is. */
static const char *web_switch_path(const struct web_req *q, const char *url)
{
	if (q->route == WEB_R_NOTFOUND)
		return "/";
	if (q->method != WEB_GET) {
		switch (q->route) {
		case WEB_R_CHECK:
			return "/";
		case WEB_R_LOGOUT:
			return "/login";
		default:
			break;
		}
	}
	return url; /* one of the routes' own paths */
}

static enum MHD_Result web_dispatch_framed(struct web_req *q, struct MHD_Connection *c, const char *url,
                                           const struct webp_frame *fp);

/* The last call of a request: the body is in; decide and answer. */
static enum MHD_Result web_dispatch(struct web_req *q, struct MHD_Connection *c, const char *url)
{
	struct web_server *s = q->srv;
	strbuf query = {0};
	if (q->method == WEB_GET)
		(void)MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, web_query_arg, &query);
	struct webp_frame f = {web_lang(c, q), NULL, web_switch_path(q, url), sb_str(&query), s->sets, s->today};
	enum MHD_Result rc = web_dispatch_framed(q, c, url, &f);
	sb_free(&query);
	return rc;
}

static enum MHD_Result web_dispatch_framed(struct web_req *q, struct MHD_Connection *c, const char *url,
                                           const struct webp_frame *fp)
{
	struct web_server *s = q->srv;
	struct webp_frame f = *fp;
	struct web_session sess;
	int have = 0;
	time_t now = time(NULL);

	if (q->too_big)
		return web_message(c, &f, 413, "Filen är för stor för servern (--max-upload).",
		                   "The file is too large for the server (--max-upload).");
	if (q->bad_body)
		return web_message(c, &f, 400, "Formuläret kom inte fram helt; försök igen.",
		                   "The form did not arrive whole; try again.");

	/* the one local person: ?token= from the printed URL sets the session */
	const char *tok = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "token");
	if (s->local_mode && tok && q->method == WEB_GET) {
		if (!web_secret_equal(tok, s->local_token))
			return web_message(c, &f, 401, "Nyckeln i adressen stämmer inte.",
			                   "The token in the address does not match.");
		struct web_who who;
		strbuf err = {0};
		web_who_from_role(&who, "local", "officer");
		if (web_session_new(&s->sessions, &who, now, &sess, &err)) {
			enum MHD_Result rc = web_trouble(c, &f, &err);
			sb_free(&err);
			return rc;
		}
		char cookie[200];
		web_cookie(cookie, sizeof cookie, sess.id);
		return web_redirect(c, url, cookie); /* the token leaves the address bar */
	}
	const char *sid = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "gc_session");
	if (sid && web_session_find(&s->sessions, sid, now, &sess)) {
		have = 1;
		f.sess = &sess;
	}
	int status = web_allow(have ? &sess.who : NULL, q->route, q->method, NULL);
	if (status == 401 && q->method == WEB_GET)
		return web_redirect(c, "/login", NULL);
	if (status == 401)
		return web_message(c, &f, 401, "Logga in först.", "Log in first.");
	if (status == 403)
		return web_message(c, &f, 403, "Din roll får inte göra detta.", "Your role may not do this.");
	if (status == 404)
		return web_message(c, &f, 404, "Sidan finns inte.", "There is no such page.");
	if (status == 405)
		return web_message(c, &f, 405, "Fel metod för denna sida.", "Wrong method for this page.");

	/* every post that changes anything carries the session's CSRF token */
	if (q->method == WEB_POST && q->route != WEB_R_LOGIN &&
	    !(have && web_secret_equal(sb_str(&q->field[WEB_F_CSRF]), sess.csrf)))
		return web_message(c, &f, 403, "Formuläret har gått ut; ladda om sidan och försök igen.",
		                   "The form has expired; reload the page and try again.");

	strbuf b = {0};
	enum MHD_Result rc;
	switch (q->route) {
	case WEB_R_STYLE:
		sb_puts(&b, sb_str(&s->css));
		rc = web_send(c, 200, "text/css; charset=utf-8", &b, NULL, NULL, NULL);
		break;
	case WEB_R_LOGIN:
		rc = web_do_login(q, c, &f);
		break;
	case WEB_R_LOGOUT:
		web_session_end(&s->sessions, sess.id);
		rc = web_redirect(c, "/login", "gc_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
		break;
	case WEB_R_HOME:
		webp_home(&b, &f);
		rc = web_page(c, 200, &b, NULL);
		break;
	case WEB_R_CHECK:
		rc = web_do_check(q, c, &f);
		break;
	case WEB_R_GRID:
		rc = web_do_grid(q, c, &f);
		break;
	case WEB_R_SUBMISSION:
		rc = web_do_submission(q, c, &f);
		break;
	case WEB_R_REGISTER:
		if (q->method == WEB_GET) {
			webp_register_form(&b, &f);
			rc = web_page(c, 200, &b, NULL);
		} else
			rc = web_do_register(q, c, &f);
		break;
	case WEB_R_SUMMARY:
		rc = web_do_summary(q, c, &f, url);
		break;
	case WEB_R_ACCEPT:
		rc = web_do_accept(q, c, &f);
		break;
	default:
		rc = web_message(c, &f, 404, "Sidan finns inte.", "There is no such page.");
	}
	sb_free(&b);
	explicit_bzero(&sess, sizeof sess);
	return rc;
}

static enum MHD_Result web_access(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	(void)version;
	struct web_server *s = cls;
	struct web_req *q = *con_cls;
	if (!q) {
		/* the first call: headers only; refuse early what is refused */
		const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
		if (!web_host_ok(s, host))
			return web_plain(
			        c, MHD_HTTP_MISDIRECTED_REQUEST,
			        "Fel Host-huvud / wrong Host header: open the address grantcheck serve printed\n");
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl) {
			char *end;
			errno = 0;
			unsigned long long n = strtoull(cl, &end, 10);
			if (errno || *end || n > s->o->max_upload)
				return web_plain(
				        c, MHD_HTTP_CONTENT_TOO_LARGE,
				        "För stor / too large: the upload exceeds the server's --max-upload\n");
		}
		q = xcalloc(1, sizeof *q);
		q->srv = s;
		q->method = strcmp(method, "GET") == 0 ? WEB_GET : strcmp(method, "POST") == 0 ? WEB_POST : WEB_OTHER;
		q->route = web_route_of(url);
		*con_cls = q;
		if (q->method == WEB_POST) {
			q->pp = MHD_create_post_processor(c, WEB_PP_BUFFER, web_field, q);
			if (!q->pp)
				q->bad_body = 1; /* not a form (no or another Content-Type) */
		}
		return MHD_YES;
	}
	if (*upload_size) {
		q->total += *upload_size;
		if (q->total > s->o->max_upload)
			q->too_big = 1;
		else if (q->pp && !q->bad_body && MHD_post_process(q->pp, upload, *upload_size) != MHD_YES)
			q->bad_body = 1;
		*upload_size = 0;
		return MHD_YES;
	}
	if (q->pp) {
		if (MHD_destroy_post_processor(q->pp) != MHD_YES)
			q->bad_body = 1; /* the multipart body ended part-way */
		q->pp = NULL;
	}
	return web_dispatch(q, c, url);
}

/* ---- start and stop ---- */

static void web_workers_close(struct web_server *s)
{
	for (int i = 0; i < s->nworkers; i++) {
		engine_close(s->workers[i].engine);
		s->workers[i].engine = NULL;
		reg_close(&s->workers[i].reg);
	}
}

static int web_workers_open(struct web_server *s, strbuf *err)
{
	strbuf scratch = {0};
	const char *dir = rules_dir(s->o->rules, &scratch);
	int rc = 0;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	s->nworkers = cpus < 2 ? 2 : cpus > WEB_WORKERS_MAX ? WEB_WORKERS_MAX : (int)cpus;
	for (int i = 0; i < s->nworkers && !rc; i++) {
		s->workers[i].engine = engine_open(dir, s->o->today, err);
		if (!s->workers[i].engine || reg_open(&s->workers[i].reg, s->o->db, REG_CREATE, err))
			rc = -1;
	}
	sb_free(&scratch);
	return rc;
}

int web_serve(const struct web_opts *o, strbuf *err)
{
	struct sockaddr_storage sa;
	int loopback, rc = -1;
	if (web_parse_listen(o->listen, &sa, &loopback, err))
		return -1;
	struct web_server *s = xcalloc(1, sizeof *s);
	s->o = o;
	web_sessions_init(&s->sessions);
	if (pthread_mutex_init(&s->pool_mu, NULL))
		die_oom("the server's pool lock");
	struct MHD_Daemon *d = NULL;
	if (web_workers_open(s, err))
		goto out;
	struct regu_user *users = NULL;
	int nusers = 0;
	if (regu_ensure(&s->workers[0].reg, err) || regu_list(&s->workers[0].reg, &users, &nusers, err))
		goto out;
	regu_users_free(users, nusers);
	if (!nusers && !loopback) {
		sb_printf(
		        err,
		        "%s has no users, so the server may only listen on a loopback address (127.0.0.1, ::1), "
		        "not %s; add users first with 'grantcheck user add --db %s NAME --role officer|viewer|rcc:ID', "
		        "or listen on 127.0.0.1",
		        o->db, o->listen, o->db);
		goto out;
	}
	s->local_mode = nusers == 0;
	if (s->local_mode && web_random_hex(s->local_token, 32, err))
		goto out;
	webp_style(&s->css);
	s->sets = engine_rulesets(s->workers[0].engine);
	/* glibc gives threads up to 8 arenas per CPU; only the engines' holders
	 * allocate much at a time, so a few arenas keep memory flat. A tuning
	 * hint: an allocator without arenas (AddressSanitizer's) refuses it
	 * (returns 0), and the server runs as well without it. */
	(void)mallopt(M_ARENA_MAX, s->nworkers + 2);
	if (o->today)
		snprintf(s->today, sizeof s->today, "%s", o->today);
	else {
		char now[21];
		utc_now(now);
		snprintf(s->today, sizeof s->today, "%.10s", now);
	}

	/* SIGINT and SIGTERM wait for sigwait below; MHD's threads inherit the mask */
	sigset_t stop, old;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	if (pthread_sigmask(SIG_BLOCK, &stop, &old))
		die_bug("web_serve: pthread_sigmask");
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL, 0, NULL,
	                     NULL, web_access, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	                     MHD_OPTION_CONNECTION_LIMIT, (unsigned)WEB_MAX_CONNECTIONS, MHD_OPTION_CONNECTION_TIMEOUT,
	                     (unsigned)WEB_CONNECTION_TIMEOUT, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
	                     (size_t)WEB_CONNECTION_MEMORY, MHD_OPTION_NOTIFY_COMPLETED, web_completed, s,
	                     MHD_OPTION_END);
	if (!d) {
		sb_printf(err,
		          "cannot listen on %s (%s); is another server using the port? Choose another with --listen",
		          o->listen, strerror(errno));
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		goto out;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	unsigned port = info ? info->port : 0;
	char host[256];
	if (sa.ss_family == AF_INET6) {
		char a[INET6_ADDRSTRLEN];
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&sa)->sin6_addr, a, sizeof a);
		snprintf(host, sizeof host, "[%s]", a);
	} else {
		char a[INET_ADDRSTRLEN];
		inet_ntop(AF_INET, &((struct sockaddr_in *)&sa)->sin_addr, a, sizeof a);
		snprintf(host, sizeof host, "%s", a);
	}
	snprintf(s->host, sizeof s->host, "%s:%u", host, port);
	if (loopback)
		snprintf(s->host_alt, sizeof s->host_alt, "localhost:%u", port);
	if (s->local_mode)
		printf("grantcheck serve: %s http://%s/?token=%s\n", o->lang == LANG_SV ? "öppna" : "open", s->host,
		       s->local_token);
	else
		printf("grantcheck serve: %s http://%s/\n", o->lang == LANG_SV ? "öppna" : "open", s->host);
	if (fflush(stdout) != 0)
		sb_printf(err, "cannot write the address to standard output");
	int sig = 0;
	while (sigwait(&stop, &sig) != 0)
		;
	fprintf(stderr,
	        o->lang == LANG_SV ? "grantcheck serve: stoppar (signal %d)\n"
	                           : "grantcheck serve: stopping (signal %d)\n",
	        sig);
	MHD_stop_daemon(d); /* waits for the request threads: requests in flight finish */
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	rc = 0;
out:
	web_workers_close(s);
	web_sessions_free(&s->sessions);
	pthread_mutex_destroy(&s->pool_mu);
	sb_free(&s->css);
	explicit_bzero(s->local_token, sizeof s->local_token);
	free(s);
	return rc;
}
