/*
 * runner.c - the validation loop shared by check and register (runner.h),
 * and its worker pool.
 *
 * Alone (GRANTCHECK_WORKERS=1, one CPU, or too little work to pay for
 * opening another engine) the calling thread checks each file and handles
 * it. Otherwise threads check files too, taking them in input order; the
 * calling thread takes file i's result, handles it (fault point, hook,
 * batch, output) exactly as alone, and goes on to i + 1. Results wait in a
 * ring of POOL_SLOTS per thread, so memory stays bounded however far the
 * threads are ahead, and a thread holds only the file it is checking (the
 * engine streams it). pool_threads says how many threads.
 *
 * Without a fallback provider (check) the caller checks too: the threads
 * have engines of their own (engine_open_like, in their thread), and the
 * caller, when file i's result is not ready, checks the next file not yet
 * taken with its own engine instead of sleeping. Handing every result over
 * to a sleeping caller cost two futex calls and two context switches per
 * file, more than a small file's output. With a fallback (register) the
 * caller must stay free to handle the file a thread waits for, so it only
 * handles (records): the threads check, the first with the caller's engine,
 * one file ahead of the recording or more.
 *
 * The fallback previous-statement provider (the register) reads through the
 * caller's connection and must answer as if every earlier file of the run
 * were recorded. Only a file of the same RCC and year can change its answer
 * (become current, or replace the current one), so a worker checking file
 * i that asks for RCC r's year y waits until every earlier file is handled
 * or known to be of another RCC or year; a file is known once its worker
 * asks for its own previous statement (which it does before it waits) or
 * has checked it. Then it calls the provider under reg_mu (which the caller
 * holds for the hook and commits) and copies the answer. No deadlock: a
 * worker waits only for files before its own, so the lowest file not yet
 * handled never waits, and the caller handles it next.
 *
 * A large file (1 MiB or more, or not a regular file) is checked only once
 * every file before it is handled: at most one is checked at a time (the
 * engine parses it with three threads), and what it does to the process
 * happens where it would with one worker. Small files after it go on.
 *
 * When file i gives trouble (its check, prepare or hook fails) the files
 * before it are shown and recorded as with one worker and none after: the
 * workers stop taking files, finish the one in hand, and their results are
 * freed unseen.
 */
#include "runner.h"

#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "out_html.h"
#include "fault.h"
#include "output.h"
#include "spares.h"

struct prev_list {
	struct prev_statement *p;
	int n;
	prev_provider fallback;
	void *fallback_ctx;
};

/* The matching --previous statement, else the fallback (the register). */
static int prev_lookup(void *ctx, const char *rcc, int year, const struct prev_statement **out, strbuf *err)
{
	const struct prev_list *l = ctx;
	for (int i = 0; i < l->n; i++)
		if (l->p[i].year == year && strcmp(l->p[i].rcc, rcc) == 0) {
			*out = &l->p[i];
			return 1;
		}
	return l->fallback ? l->fallback(l->fallback_ctx, rcc, year, out, err) : 0;
}

/* Checks one file with engine e, then prepares it (run->prepare) when asked:
 * the same steps alone, in a worker thread and in the caller. */
static int check_file(const struct run *run, struct engine *e, const char *path, int prepare, struct file_result *r,
                      strbuf *err)
{
	int rc = engine_check(e, path, r, err);
	if (rc == 0 && prepare && run->prepare)
		rc = run->prepare(run->hook_ctx, r, err);
	return rc;
}

/* ---- the worker pool ------------------------------------------------------- */

#define RUN_BATCH_BIG (1 << 20) /* a file of this many bytes is large (batches, the pool) */

#define POOL_MAX_WORKERS 4 /* by default: the online CPUs, at most this many */
#define POOL_MAX_ASKED 64  /* and with GRANTCHECK_WORKERS=N at most this many */
#define POOL_SLOTS 4       /* results per thread (and the caller) waiting at most */
/* Without GRANTCHECK_WORKERS, workers start only for this many files
 * (opening an engine costs about as much as checking 9 small files). */
#define POOL_MIN_FILES 64

/* One file's outcome on its way from a worker to the caller. */
struct pool_slot {
	int done; /* filled by a worker, not yet taken */
	int rc;
	struct file_result r;
	strbuf err;
	/* the file's RCC and year, once known (pool_must_wait); kept until it is
	 * handled, after its result was taken */
	int known;
	char *rcc;
	int year;
};

struct pool;

struct pool_worker {
	struct pool *pool;
	struct engine *engine;
	int own;      /* engine opened by this worker (else the caller's) */
	int started;  /* the thread runs (to be joined) */
	pthread_t tid;
	int current;  /* the file being checked */
	struct prev_list prev;      /* the --previous statements, then pool_fallback */
	struct prev_statement copy; /* the fallback's last answer, this worker's */
};

struct pool {
	const struct run *run;
	char **files;
	int nfiles;
	pthread_mutex_t mu;       /* guards what follows, down to stop */
	pthread_cond_t to_caller; /* a slot is done */
	pthread_cond_t to_workers; /* handled grew, or stop */
	int next;                 /* the next file to take */
	int end;                  /* no file from here on is taken (a file before failed) */
	int handled;              /* files [0, handled) are through the caller's hook */
	int stop;
	int nslots;
	struct pool_slot *slots; /* file i in slots[i % nslots] */
	int caller_large;         /* the caller found file caller_large large (not its to check) */
	pthread_mutex_t reg_mu;   /* the fallback provider against the hook and commits */
	int caller_checks;        /* the caller checks files too (no fallback) */
	int threads_prepare;      /* prepare runs where the file was checked, else in the caller after pool_take */
	struct pool_worker *w;
	int nw;                   /* threads */
};

static void pool_lock(pthread_mutex_t *m)
{
	int rc = pthread_mutex_lock(m);
	if (rc)
		die_bug("the worker pool: pthread_mutex_lock failed (%d)", rc);
}

static void pool_unlock(pthread_mutex_t *m)
{
	int rc = pthread_mutex_unlock(m);
	if (rc)
		die_bug("the worker pool: pthread_mutex_unlock failed (%d)", rc);
}

static void pool_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	int rc = pthread_cond_wait(c, m);
	if (rc)
		die_bug("the worker pool: pthread_cond_wait failed (%d)", rc);
}

static void pool_broadcast(pthread_cond_t *c)
{
	int rc = pthread_cond_broadcast(c);
	if (rc)
		die_bug("the worker pool: pthread_cond_broadcast failed (%d)", rc);
}

/* Under mu: file i is of rcc and year (NULL, 0: neither is known). */
static void pool_publish(struct pool *p, int i, const char *rcc, int year)
{
	struct pool_slot *s = &p->slots[i % p->nslots];
	if (s->known)
		return;
	s->known = 1;
	s->rcc = rcc ? xstrdup(rcc) : NULL;
	s->year = year;
	pool_broadcast(&p->to_workers);
}

/* Under mu: may a file before i that is not yet handled change what the
 * register says of rcc's year? (Its slot is still its own: slots are reused
 * only once a file is handled.) */
static int pool_must_wait(const struct pool *p, int i, const char *rcc, int year)
{
	for (int j = p->handled; j < i; j++) {
		const struct pool_slot *s = &p->slots[j % p->nslots];
		if (!s->known || (s->year == year && s->rcc && strcmp(s->rcc, rcc) == 0))
			return 1;
	}
	return 0;
}

/* prev_provider of a worker's engine: says which RCC and year its file is,
 * then looks in the --previous statements and the fallback. */
static int pool_prev(void *ctx, const char *rcc, int year, const struct prev_statement **out, strbuf *err)
{
	struct pool_worker *w = ctx;
	pool_lock(&w->pool->mu);
	pool_publish(w->pool, w->current, rcc, year + 1);
	pool_unlock(&w->pool->mu);
	return prev_lookup(&w->prev, rcc, year, out, err);
}

/* statement_identified of a worker's engine: its file's RCC and year, as
 * soon as they are read, so workers waiting on it wait no longer than needed. */
static void pool_identified(void *ctx, const char *rcc, int year)
{
	struct pool_worker *w = ctx;
	pool_lock(&w->pool->mu);
	pool_publish(w->pool, w->current, rcc, year);
	pool_unlock(&w->pool->mu);
}

/* The fallback behind a worker's --previous statements: the run's fallback
 * (the register), once no file before this worker's can change its answer. */
static int pool_fallback(void *ctx, const char *rcc, int year, const struct prev_statement **out, strbuf *err)
{
	struct pool_worker *w = ctx;
	struct pool *p = w->pool;
	pool_lock(&p->mu);
	while (!p->stop && pool_must_wait(p, w->current, rcc, year))
		pool_wait(&p->to_workers, &p->mu);
	int stopped = p->stop;
	pool_unlock(&p->mu);
	if (stopped) { /* the run ends before this file: nobody sees this */
		sb_puts(err, "the run was stopped");
		return -1;
	}
	const struct prev_statement *got = NULL;
	pool_lock(&p->reg_mu);
	int found = p->run->fallback(p->run->fallback_ctx, rcc, year, &got, err);
	if (found == 1) {
		prev_statement_free(&w->copy);
		prev_statement_init(&w->copy, got->source, got->rcc, got->year, &got->figures);
		*out = &w->copy;
	}
	pool_unlock(&p->reg_mu);
	return found;
}

/* Is file i checked only once every file before it is handled? A large
 * file (or a pipe) is: one at a time, so memory stays that of one large
 * file, and whatever it does to the process (a file size limit reached by
 * its working database) happens where it would with one worker. */
static int pool_alone(const struct pool *p, int i)
{
	struct stat st;
	return i > 0 && (stat(p->files[i], &st) != 0 || !S_ISREG(st.st_mode) || st.st_size >= RUN_BATCH_BIG);
}

/* Under mu: file i's outcome is in its slot (rc, s->r, s->err filled). */
static void pool_done(struct pool *p, int i, int rc)
{
	struct pool_slot *s = &p->slots[i % p->nslots];
	s->rc = rc;
	s->done = 1;
	pool_publish(p, i, s->r.rcc, s->r.year); /* unless it asked for its previous statement */
	if (rc && p->end > i + 1)
		p->end = i + 1; /* the caller stops at i: nothing after it is wanted */
	pool_broadcast(&p->to_caller);
}

/* Under mu: takes the next file for whoever checks it; its slot's RCC and
 * year are not known yet. */
static int pool_claim(struct pool *p)
{
	int i = p->next++;
	struct pool_slot *s = &p->slots[i % p->nslots];
	s->known = 0; /* the slot's file before was handled */
	free(s->rcc);
	s->rcc = NULL;
	return i;
}

static void *pool_work(void *arg)
{
	struct pool_worker *w = arg;
	struct pool *p = w->pool;
	const struct run *run = p->run;
	if (!w->engine) {
		/* one opened ahead (spares.h), else opened here, while the
		 * others already check: a failure (the rule folder changed under
		 * us) leaves the work to them (test-only:
		 * GRANTCHECK_FAULT=worker-engine fails every one) */
		strbuf oerr = {0};
		unsigned faults = 0;
		if (!fault_point("worker-engine", &faults)) {
			w->engine = spares_take(run->spares, run->engine);
			if (!w->engine)
				w->engine = engine_open_like(run->engine, &oerr);
		}
		sb_free(&oerr);
		if (!w->engine)
			return NULL;
		w->own = 1;
	}
	engine_set_previous(w->engine, pool_prev, w);
	engine_set_identified(w->engine, pool_identified, w);
	pool_lock(&p->mu);
	for (;;) {
		while (!p->stop && p->next < p->end && p->next >= p->handled + p->nslots)
			pool_wait(&p->to_workers, &p->mu);
		if (p->stop || p->next >= p->end)
			break;
		int i = pool_claim(p);
		struct pool_slot *s = &p->slots[i % p->nslots];
		pool_unlock(&p->mu);
		w->current = i;
		if (pool_alone(p, i)) {
			pool_lock(&p->mu);
			while (!p->stop && p->handled < i && i < p->end)
				pool_wait(&p->to_workers, &p->mu);
			/* the run ended before this file: it is not checked (a
			 * large file's check could be what the run must not reach,
			 * a file size limit hit by its working database) */
			if (p->stop || i >= p->end)
				break;
			pool_unlock(&p->mu);
		}
		int rc = check_file(run, w->engine, p->files[i], p->threads_prepare, &s->r, &s->err);
		pool_lock(&p->mu);
		pool_done(p, i, rc);
	}
	pool_unlock(&p->mu);
	engine_set_previous(w->engine, NULL, NULL);
	engine_set_identified(w->engine, NULL, NULL);
	return NULL;
}

static void pool_slot_clear(struct pool_slot *s)
{
	file_result_free(&s->r);
	sb_free(&s->err);
	s->done = 0;
	free(s->rcc);
	s->rcc = NULL;
	s->known = 0;
}

/* Stops the workers (each finishes the file in hand), joins them and frees
 * the results nobody took. Accepts NULL; a second call does nothing. */
static void pool_stop(struct pool *p)
{
	if (!p)
		return;
	pool_lock(&p->mu);
	p->stop = 1;
	pool_broadcast(&p->to_workers);
	pool_unlock(&p->mu);
	for (int k = 0; k < p->nw; k++) {
		struct pool_worker *w = &p->w[k];
		if (w->started) {
			int rc = pthread_join(w->tid, NULL);
			if (rc)
				die_bug("the worker pool: pthread_join failed (%d)", rc);
			w->started = 0;
		}
		prev_statement_free(&w->copy);
	}
	for (int k = 0; k < p->nslots; k++)
		pool_slot_clear(&p->slots[k]);
}

/* pool_stop, then closes the engines the workers opened: only once no
 * result is left that points into them (its rule set, its findings'
 * rules), i.e. after the last batch was written. Accepts NULL. */
static void pool_free(struct pool *p)
{
	if (!p)
		return;
	pool_stop(p);
	for (int k = 0; k < p->nw; k++)
		if (p->w[k].own)
			engine_close(p->w[k].engine);
	engine_set_previous(p->run->engine, NULL, NULL);
	pthread_mutex_destroy(&p->mu);
	pthread_mutex_destroy(&p->reg_mu);
	pthread_cond_destroy(&p->to_caller);
	pthread_cond_destroy(&p->to_workers);
	free(p->slots);
	free(p->w);
	free(p);
}

/* How many threads check files beside the caller (0: the caller alone, no
 * pool). GRANTCHECK_WORKERS=N asks for N engines checking (1: the caller
 * alone, at most POOL_MAX_ASKED); else one per online CPU (at most
 * POOL_MAX_WORKERS) when there is work enough to pay for opening their
 * engines. Without a fallback (check) the caller is one of them. With one
 * (register) the caller records while the threads check, so by default it
 * keeps a CPU for that: on two CPUs one thread checks file i + 1 while the
 * caller records file i (two threads and the caller took the same wall
 * time as the caller alone, and a third more CPU). Never more than files. */
static int pool_threads(int has_fallback, int nfiles)
{
	const char *env = getenv("GRANTCHECK_WORKERS");
	int asked = env ? atoi(env) : 0;
	int n;
	if (asked > 0) {
		asked = asked < POOL_MAX_ASKED ? asked : POOL_MAX_ASKED;
		n = asked == 1 ? 0 : has_fallback ? asked : asked - 1;
	} else if (nfiles < POOL_MIN_FILES) {
		n = 0;
	} else {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		n = cpus <= 1 ? 0 : cpus > POOL_MAX_WORKERS ? POOL_MAX_WORKERS - 1 : (int)cpus - 1;
	}
	return n < nfiles ? n : nfiles;
}

int run_spare_engines(int has_fallback, int nfiles)
{
	int n = pool_threads(has_fallback, nfiles);
	return has_fallback && n > 0 ? n - 1 : n; /* with a fallback the first thread has the caller's */
}

/* Starts n threads over files[0..nfiles) (n >= 1): without a fallback each
 * with an engine of its own, and the caller checks with run->engine; with
 * one the first thread checks with run->engine. */
static struct pool *pool_start(const struct run *run, const struct prev_list *prev, char **files, int nfiles,
                               int n)
{
	assert(n >= 1);
	struct pool *p = xcalloc(1, sizeof *p);
	p->run = run;
	p->files = files;
	p->nfiles = p->end = nfiles;
	p->nslots = (n + 1) * POOL_SLOTS;
	p->slots = xcalloc((size_t)p->nslots, sizeof *p->slots);
	p->caller_checks = run->fallback == NULL;
	p->caller_large = -1;
	p->nw = n;
	/* with one thread checking, it is the slower side: the caller
	 * prepares (compresses) file i while the thread checks the next */
	p->threads_prepare = n > 1;
	p->w = xcalloc((size_t)p->nw, sizeof *p->w);
	if (pthread_mutex_init(&p->mu, NULL) || pthread_mutex_init(&p->reg_mu, NULL) ||
	    pthread_cond_init(&p->to_caller, NULL) || pthread_cond_init(&p->to_workers, NULL))
		die_oom("the worker pool's locks");
	for (int k = 0; k < p->nw; k++) {
		struct pool_worker *w = &p->w[k];
		w->pool = p;
		w->engine = k == 0 && !p->caller_checks ? run->engine : NULL;
		w->prev = (struct prev_list){prev->p, prev->n, run->fallback ? pool_fallback : NULL, w};
	}
	for (int k = 0; k < p->nw; k++) {
		if (pthread_create(&p->w[k].tid, NULL, pool_work, &p->w[k]))
			die_oom("a worker thread");
		p->w[k].started = 1;
	}
	return p;
}

/* Under mu, the caller's side without a fallback: checks the next file not
 * yet taken with the caller's engine (mu released meanwhile), unless none
 * may be taken now or it is large and files before it are not handled
 * (pool_alone: the caller handles those, so it must not wait for them).
 * Returns whether it checked one. */
static int pool_caller_check(struct pool *p)
{
	int i = p->next;
	if (p->stop || i >= p->end || i >= p->handled + p->nslots)
		return 0;
	if (i > p->handled) {
		if (i == p->caller_large)
			return 0;
		pool_unlock(&p->mu);
		int alone = pool_alone(p, i);
		pool_lock(&p->mu);
		if (p->next != i)
			return 1; /* a worker took it meanwhile: look again */
		if (alone) {
			p->caller_large = i; /* a worker (or the caller) takes it once the files before it are handled */
			return 0;
		}
	}
	pool_claim(p);
	struct pool_slot *s = &p->slots[i % p->nslots];
	pool_unlock(&p->mu);
	int rc = check_file(p->run, p->run->engine, p->files[i], p->threads_prepare, &s->r, &s->err);
	pool_lock(&p->mu);
	pool_done(p, i, rc);
	return 1;
}

/* The caller's side: waits for file i's outcome (checking files itself
 * meanwhile when it may) and takes it (r, the messages appended to err). */
static int pool_take(struct pool *p, int i, struct file_result *r, strbuf *err)
{
	struct pool_slot *s = &p->slots[i % p->nslots];
	pool_lock(&p->mu);
	while (!s->done)
		if (!p->caller_checks || !pool_caller_check(p))
			pool_wait(&p->to_caller, &p->mu);
	pool_unlock(&p->mu);
	int rc = s->rc;
	*r = s->r;
	memset(&s->r, 0, sizeof s->r);
	if (s->err.len)
		sb_puts(err, sb_str(&s->err));
	sb_free(&s->err);
	pool_lock(&p->mu);
	s->done = 0;
	pool_unlock(&p->mu);
	return rc;
}

/* The caller has handled files [0, n): the slots before n are free, and a
 * worker waiting for the register's view up to n goes on. */
static void pool_handled(struct pool *p, int n)
{
	pool_lock(&p->mu);
	p->handled = n;
	pool_broadcast(&p->to_workers);
	pool_unlock(&p->mu);
}

/* -o FILE: a temporary file beside FILE (atomic.c), never one of the
 * statements, the --previous files or the register. */
static int out_open(struct atomic_file *af, const struct check_opts *o, char **files, int nfiles,
                    const char *db, strbuf *err)
{
	struct atomic_protect p = {0};
	for (int i = 0; i < nfiles; i++)
		atomic_protect_add(&p, files[i]);
	for (int i = 0; i < o->nprevious; i++)
		atomic_protect_add(&p, o->previous[i]);
	if (db)
		atomic_protect_db(&p, db);
	int rc = atomic_open(af, o->out, &p, o->lang, err);
	atomic_protect_free(&p);
	return rc;
}

/* Files whose results wait for their batch to be committed. */
struct pending {
	struct file_result *r;
	char **note;
	int n;
	size_t cap;
	int64_t started_ms; /* when the batch's first file was recorded */
};

#define RUN_BATCH_FILES 256 /* files per batch at most ($GRANTCHECK_REGISTER_BATCH) */
#define RUN_BATCH_MS 250    /* and a batch is committed once it is this old: others may wait to register */

/* Commits the batch and writes its results (none when the commit failed). */
static int flush_batch(const struct run *run, struct output *out, FILE *fp, struct pending *p, strbuf *err)
{
	int rc = p->n ? run->commit(run->hook_ctx, err) : 0;
	for (int i = 0; i < p->n; i++) {
		if (rc == 0)
			out->ops->file(out, &p->r[i], p->note[i]);
		file_result_free(&p->r[i]);
		free(p->note[i]);
	}
	int n = p->n;
	p->n = 0;
	if (rc == 0 && n) {
		fflush(fp); /* what is shown is in the register, even if the process is killed now */
		if (run->committed)
			run->committed(run->hook_ctx, n);
	}
	return rc;
}

/* flush_batch, with workers running: none reads the register meanwhile. */
static int run_flush(const struct run *run, struct pool *pool, struct output *out, FILE *fp, struct pending *p,
                     strbuf *err)
{
	if (pool)
		pool_lock(&pool->reg_mu);
	int rc = flush_batch(run, out, fp, p, err);
	if (pool)
		pool_unlock(&pool->reg_mu);
	return rc;
}

int run_files(const struct run *run, const char *cmd, char **files, int nfiles)
{
	const struct check_opts *o = run->opts;
	struct engine *e = run->engine;
	strbuf err = {0};
	struct prev_list prev = {xcalloc((size_t)(o->nprevious ? o->nprevious : 1), sizeof *prev.p), 0,
	                         run->fallback, run->fallback_ctx};
	int status = EXIT_TROUBLE, begun = 0;
	unsigned fault_count = 0;
	struct output out;
	struct atomic_file af = {.slot = -1}; /* -o: the temporary file while it is written */
	int have_out = 0;
	struct html_page page, *html = NULL;
	struct pending pend = {0};
	struct pool *pool = NULL;
	FILE *fp = stdout;
	/* GRANTCHECK_REGISTER_BATCH=N: at most N files per batch (1: a
	 * transaction per file, as before batches; tests compare the two) */
	const char *benv = getenv("GRANTCHECK_REGISTER_BATCH");
	int batch_files = benv && atoi(benv) > 0 ? atoi(benv) : RUN_BATCH_FILES;
	for (int i = 0; i < o->nprevious; i++) {
		if (engine_load_previous(e, o->previous[i], &prev.p[prev.n], &err))
			goto out;
		prev.n++;
	}
	engine_set_previous(e, prev_lookup, &prev);
	engine_set_previous_given(e, prev.p, prev.n);
	if (o->out) {
		const char *db = strcmp(cmd, "register") ? NULL : default_db(o->db);
		if (out_open(&af, o, files, nfiles, db, &err))
			goto out;
		have_out = 1;
		fp = af.fp;
	}
	if (o->html) {
		output_html(&out, &page, fp, o->lang);
		html = &page;
	} else if (o->json)
		output_json(&out, fp, o->lang);
	else
		output_text(&out, fp, o->lang, !o->out && want_color(STDOUT_FILENO));
	out.ops->begin(&out);
	begun = 1;
	int threads = pool_threads(run->fallback != NULL, nfiles);
	if (threads > 0)
		pool = pool_start(run, &prev, files, nfiles, threads);
	for (int i = 0; i < nfiles; i++) {
		struct file_result r;
		const char *note = NULL;
		struct stat fst;
		/* a large file takes long to check: the batch before it is
		 * committed first, so others waiting to register do not wait for it */
		if (run->commit && pend.n && stat(files[i], &fst) == 0 && fst.st_size >= RUN_BATCH_BIG &&
		    run_flush(run, pool, &out, fp, &pend, &err))
			goto out;
		int rc;
		if (pool) {
			rc = pool_take(pool, i, &r, &err);
			if (rc == 0 && !pool->threads_prepare && run->prepare)
				rc = run->prepare(run->hook_ctx, &r, &err);
		} else {
			rc = check_file(run, e, files[i], 1, &r, &err);
		}
		/* test-only: the run fails at the Nth file, before it is recorded
		 * or shown (GRANTCHECK_FAULT=run-file:N) */
		if (rc == 0 && fault_point("run-file", &fault_count)) {
			sb_printf(&err, "%s: injected fault (GRANTCHECK_FAULT=run-file)", files[i]);
			rc = -1;
		}
		if (rc == 0 && run->hook) {
			if (pool)
				pool_lock(&pool->reg_mu);
			rc = run->hook(run->hook_ctx, &r, &note, &err);
			if (pool)
				pool_unlock(&pool->reg_mu);
		}
		if (rc == 0 && pool)
			pool_handled(pool, i + 1);
		if (rc == 0 && run->commit) {
			/* shown once its batch is committed */
			if (pend.n == 0)
				pend.started_ms = monotonic_ms();
			size_t cap = pend.cap;
			pend.r = xgrow(pend.r, &pend.cap, (size_t)pend.n + 1, sizeof *pend.r);
			if (pend.cap != cap || !pend.note)
				pend.note = xrealloc(pend.note, sizeof *pend.note * pend.cap);
			pend.note[pend.n] = note ? xstrdup(note) : NULL;
			pend.r[pend.n++] = r;
			if ((pend.n >= batch_files || monotonic_ms() - pend.started_ms >= RUN_BATCH_MS) &&
			    run_flush(run, pool, &out, fp, &pend, &err))
				goto out;
			continue;
		}
		if (rc == 0)
			out.ops->file(&out, &r, note);
		file_result_free(&r);
		if (rc)
			goto out;
	}
	pool_stop(pool); /* every worker has ended; the results still pending point into their engines */
	if (run->commit && flush_batch(run, &out, fp, &pend, &err))
		goto out;
	out.ops->end(&out); /* standard output is checked once for every command (commands.c) */
	begun = 0;          /* the document is complete */
	if (have_out) {
		have_out = 0;
		if (atomic_commit(&af, &err))
			goto out;
	}
	status = out.errors || (o->strict && out.warnings) ? EXIT_INVALID : EXIT_VALID;
out:
	pool_stop(pool); /* nothing after the file that stopped the run is wanted */
	if (status == EXIT_TROUBLE && run->commit && pend.n) {
		/* the files recorded before the failure stay recorded and are shown */
		strbuf cerr = {0};
		if (flush_batch(run, &out, fp, &pend, &cerr))
			sb_printf(&err, "; %s", sb_str(&cerr));
		sb_free(&cerr);
	}
	free(pend.r);
	free(pend.note);
	if (status == EXIT_TROUBLE) {
		/* a document already begun is finished, with the error in it */
		if (begun && out.ops->fail)
			out.ops->fail(&out, sb_str(&err), EXIT_TROUBLE);
		fflush(stdout);
		term_error(cmd, sb_str(&err));
	}
	if (have_out)
		atomic_abort(&af);
	if (html)
		html_page_free(html);
	pool_free(pool);
	engine_set_previous(e, NULL, NULL);
	engine_set_previous_given(e, NULL, 0);
	for (int i = 0; i < prev.n; i++)
		prev_statement_free(&prev.p[i]);
	free(prev.p);
	sb_free(&err);
	return status;
}
