/*
 * spares.c - engines opened ahead in threads of their own (see spares.h).
 */
#include "spares.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fault.h"
#include "util.h"

struct spare {
	struct spares *s;
	pthread_t tid;
	int started; /* to be joined */
	struct engine *engine; /* written by its thread, read after the join */
};

struct spares {
	char *rules_dir;
	char today[11];
	struct spare *v;
	int n;
	pthread_mutex_t mu; /* guards next */
	int next;           /* the next spare to take */
};

static void *open_spare(void *arg)
{
	struct spare *sp = arg;
	strbuf err = {0}; /* the caller's engine_open says the same, where it is seen */
	sp->engine = engine_open(sp->s->rules_dir, sp->s->today, &err);
	sb_free(&err);
	return NULL;
}

struct spares *spares_start(const char *rules_dir, const char *today, int n)
{
	struct spares *s = xcalloc(1, sizeof *s);
	s->rules_dir = xstrdup(rules_dir);
	snprintf(s->today, sizeof s->today, "%s", today);
	s->v = xcalloc((size_t)n, sizeof *s->v);
	if (pthread_mutex_init(&s->mu, NULL))
		die_oom("the spare engines' lock");
	for (int i = 0; i < n; i++) {
		s->v[i].s = s;
		if (pthread_create(&s->v[i].tid, NULL, open_spare, &s->v[i]))
			break; /* fewer spares: the pool opens the rest itself */
		s->v[i].started = 1;
		s->n = i + 1;
	}
	if (s->n == 0) {
		spares_free(s);
		return NULL;
	}
	return s;
}

static void join_spare(struct spare *sp)
{
	if (!sp->started)
		return;
	int rc = pthread_join(sp->tid, NULL);
	if (rc)
		die_bug("the spare engines: pthread_join failed (%d)", rc);
	sp->started = 0;
}

struct engine *spares_take(struct spares *s, const struct engine *like)
{
	if (!s)
		return NULL;
	if (pthread_mutex_lock(&s->mu))
		die_bug("the spare engines: pthread_mutex_lock failed");
	int i = s->next < s->n ? s->next++ : -1;
	if (pthread_mutex_unlock(&s->mu))
		die_bug("the spare engines: pthread_mutex_unlock failed");
	if (i < 0)
		return NULL;
	struct spare *sp = &s->v[i];
	join_spare(sp);
	struct engine *e = sp->engine;
	sp->engine = NULL;
	/* test-only: GRANTCHECK_FAULT=spare-rules makes every spare one that
	 * loaded other rules (a folder changed while the run started) */
	unsigned faults = 0;
	if (e && fault_point("spare-rules", &faults)) {
		engine_close(e);
		return NULL;
	}
	strbuf err = {0}; /* not shown: the worker opens one of its own, or leaves the work to the others */
	e = engine_adopt(e, like, &err);
	sb_free(&err);
	return e;
}

void spares_free(struct spares *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->n; i++) {
		join_spare(&s->v[i]);
		engine_close(s->v[i].engine);
	}
	pthread_mutex_destroy(&s->mu);
	free(s->v);
	free(s->rules_dir);
	free(s);
}
