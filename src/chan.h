/*
 * chan.h - a bounded pool of buffers passed from one thread to another.
 *
 * The parser runs as a pipeline of up to three threads when a statement is
 * large (see parser.c): a reader (read() and SHA-256), the expat parse, and
 * the writer into SQLite (loader.c). Each link between two of them is a
 * chan: a fixed set of buffers that cycle
 *
 *     producer: chan_take_free -> fill -> chan_put_full
 *     consumer: chan_take_full -> use  -> chan_put_free
 *
 * so memory is bounded by the buffers given at chan_init, whatever the size
 * of the file, and a fast producer waits for a slow consumer. Buffers come
 * out in the order they went in (FIFO). One producer and one consumer per
 * chan; every pthread call is checked (a failure is a bug or an exhausted
 * system, and exits with status 2 like an allocation failure).
 */
#ifndef GC_CHAN_H
#define GC_CHAN_H

#include <pthread.h>

#define CHAN_MAX 8

struct chan_ring {
	void *slot[CHAN_MAX];
	int head, count;
};

struct chan {
	pthread_mutex_t mu;
	pthread_cond_t changed;
	struct chan_ring free, full;
	int n;
};

/* n buffers (1..CHAN_MAX), all free at first. */
void chan_init(struct chan *c, void *const *bufs, int n);
void chan_destroy(struct chan *c);

void *chan_take_free(struct chan *c);
void chan_put_full(struct chan *c, void *buf);
void *chan_take_full(struct chan *c);
void chan_put_free(struct chan *c, void *buf);

/* pthread_create that exits with status 2 and a message when it fails. */
void chan_thread(pthread_t *t, void *(*fn)(void *), void *arg);
void chan_join(pthread_t t);

#endif
