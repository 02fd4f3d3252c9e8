/*
 * chan.c - a bounded pool of buffers between two threads (see chan.h).
 */
#include "chan.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void check(int rc, const char *what)
{
	if (rc == 0)
		return;
	char why[160];
	snprintf(why, sizeof why, "%s failed: %s; the system is out of threads or memory", what, strerror(rc));
	die_oom(why);
}

static void ring_put(struct chan_ring *r, void *buf)
{
	assert(r->count < CHAN_MAX);
	r->slot[(r->head + r->count) % CHAN_MAX] = buf;
	r->count++;
}

static void *ring_take(struct chan_ring *r)
{
	assert(r->count > 0);
	void *buf = r->slot[r->head];
	r->head = (r->head + 1) % CHAN_MAX;
	r->count--;
	return buf;
}

void chan_init(struct chan *c, void *const *bufs, int n)
{
	assert(n > 0 && n <= CHAN_MAX);
	memset(c, 0, sizeof *c);
	check(pthread_mutex_init(&c->mu, NULL), "pthread_mutex_init");
	check(pthread_cond_init(&c->changed, NULL), "pthread_cond_init");
	c->n = n;
	for (int i = 0; i < n; i++)
		ring_put(&c->free, bufs[i]);
}

void chan_destroy(struct chan *c)
{
	assert(c->free.count + c->full.count == c->n); /* nobody holds a buffer */
	pthread_cond_destroy(&c->changed);
	pthread_mutex_destroy(&c->mu);
}

static void *take(struct chan *c, struct chan_ring *r)
{
	check(pthread_mutex_lock(&c->mu), "pthread_mutex_lock");
	while (r->count == 0)
		check(pthread_cond_wait(&c->changed, &c->mu), "pthread_cond_wait");
	void *buf = ring_take(r);
	check(pthread_mutex_unlock(&c->mu), "pthread_mutex_unlock");
	return buf;
}

static void put(struct chan *c, struct chan_ring *r, void *buf)
{
	check(pthread_mutex_lock(&c->mu), "pthread_mutex_lock");
	ring_put(r, buf);
	/* one condition for both rings: at most one thread waits on each side */
	check(pthread_cond_broadcast(&c->changed), "pthread_cond_broadcast");
	check(pthread_mutex_unlock(&c->mu), "pthread_mutex_unlock");
}

void *chan_take_free(struct chan *c)
{
	return take(c, &c->free);
}

void chan_put_full(struct chan *c, void *buf)
{
	put(c, &c->full, buf);
}

void *chan_take_full(struct chan *c)
{
	return take(c, &c->full);
}

void chan_put_free(struct chan *c, void *buf)
{
	put(c, &c->free, buf);
}

void chan_thread(pthread_t *t, void *(*fn)(void *), void *arg)
{
	check(pthread_create(t, NULL, fn, arg), "starting a thread (pthread_create)");
}

void chan_join(pthread_t t)
{
	check(pthread_join(t, NULL), "pthread_join");
}
