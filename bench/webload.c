/*
 * bench/webload.c - the load generator of bench/web_load.py (make bench):
 * CLIENTS keep-alive connections to HOST:PORT, each sending the same raw
 * HTTP request (read from REQFILE, built by web_load.py with the session
 * cookie and CSRF token) again as soon as the answer to the last one is in
 * (a closed loop), for SECONDS, then stopping by itself. One thread and
 * epoll: the generator should take as little of the machine's CPU as it
 * can, since it shares the 2 CPUs with the server it measures.
 *
 * An answer counts as good when its status is 200 and its body contains
 * EXPECT. Prints one "key value" line per figure: requests, failed,
 * seconds, the latency percentiles in ms and the generator's own CPU
 * seconds (getrusage). Not part of grantcheck; a benchmark tool only.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct wl_conn {
	int fd;
	size_t sent;     /* bytes of the request sent */
	char *in;        /* the answer so far */
	size_t nin, cap; /* bytes in, capacity */
	uint64_t t0;     /* when the request started (ns) */
	int busy;        /* a request is in flight */
};

static uint64_t wl_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void wl_die(const char *what)
{
	fprintf(stderr, "webload: %s: %s\n", what, strerror(errno));
	exit(2);
}

static int wl_connect(const struct sockaddr_in *sa, int ep, struct wl_conn *c)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		wl_die("socket");
	int one = 1;
	if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one))
		wl_die("setsockopt");
	if (connect(fd, (const struct sockaddr *)sa, sizeof *sa) && errno != EINPROGRESS)
		wl_die("connect");
	c->fd = fd;
	c->sent = 0;
	c->nin = 0;
	c->busy = 0;
	struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT, .data.ptr = c};
	if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev))
		wl_die("epoll_ctl");
	return fd;
}

/* Whole answer in c->in: 1 complete (*good set), 0 not yet, -1 broken. */
static int wl_answer(struct wl_conn *c, const char *expect, int *good)
{
	if (c->nin + 1 > c->cap)
		return 0;
	c->in[c->nin] = '\0';
	char *end = strstr(c->in, "\r\n\r\n");
	if (!end)
		return 0;
	size_t head = (size_t)(end - c->in) + 4;
	long len = -1;
	for (char *p = strstr(c->in, "\r\n"); p && p < end; p = strstr(p + 2, "\r\n"))
		if (strncasecmp(p + 2, "Content-Length:", 15) == 0)
			len = strtol(p + 17, NULL, 10);
	if (len < 0)
		return -1; /* the server always sends a length for these pages */
	if (c->nin < head + (size_t)len)
		return 0;
	int status = atoi(c->in + 9);
	*good = status == 200 && memmem(c->in + head, (size_t)len, expect, strlen(expect)) != NULL;
	return 1;
}

static int wl_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc != 7) {
		fprintf(stderr, "usage: webload HOST PORT REQFILE CLIENTS SECONDS EXPECT\n");
		return 2;
	}
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[2]))};
	if (inet_pton(AF_INET, argv[1], &sa.sin_addr) != 1) {
		fprintf(stderr, "webload: %s is not an IPv4 address\n", argv[1]);
		return 2;
	}
	FILE *rf = fopen(argv[3], "rb");
	if (!rf)
		wl_die(argv[3]);
	struct stat st;
	if (fstat(fileno(rf), &st))
		wl_die("fstat");
	size_t reqlen = (size_t)st.st_size;
	char *req = malloc(reqlen);
	if (!req || fread(req, 1, reqlen, rf) != reqlen)
		wl_die("read the request");
	fclose(rf);
	int nc = atoi(argv[4]);
	double seconds = atof(argv[5]);
	const char *expect = argv[6];
	if (nc <= 0 || seconds <= 0)
		return 2;

	int ep = epoll_create1(EPOLL_CLOEXEC);
	if (ep < 0)
		wl_die("epoll_create1");
	struct wl_conn *cs = calloc((size_t)nc, sizeof *cs);
	size_t nlat = 0, caplat = 1 << 16;
	uint64_t *lat = malloc(caplat * sizeof *lat);
	if (!cs || !lat)
		wl_die("malloc");
	for (int i = 0; i < nc; i++) {
		cs[i].cap = 1 << 16;
		cs[i].in = malloc(cs[i].cap);
		if (!cs[i].in)
			wl_die("malloc");
		wl_connect(&sa, ep, &cs[i]);
	}
	long failed = 0, reconnects = 0;
	uint64_t start = wl_now(), stop = start + (uint64_t)(seconds * 1e9);
	uint64_t drain = stop + 30 * (uint64_t)1000000000; /* answers still out after 30 s count as failed */
	int open = nc;
	struct epoll_event evs[64];
	while (open > 0) {
		uint64_t now = wl_now();
		if (now > drain)
			break;
		int n = epoll_wait(ep, evs, 64, 100);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			wl_die("epoll_wait");
		now = wl_now();
		for (int k = 0; k < n; k++) {
			struct wl_conn *c = evs[k].data.ptr;
			int broken = (evs[k].events & (EPOLLERR | EPOLLHUP)) && !(evs[k].events & EPOLLIN);
			if (!broken && !c->busy && c->sent == 0) {
				if (now >= stop) { /* time is up: this connection is done */
					epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
					close(c->fd);
					c->fd = -1;
					open--;
					continue;
				}
				c->busy = 1;
				c->t0 = now;
			}
			if (!broken && c->busy && c->sent < reqlen && (evs[k].events & EPOLLOUT)) {
				ssize_t w = send(c->fd, req + c->sent, reqlen - c->sent, MSG_NOSIGNAL);
				if (w < 0 && errno != EAGAIN)
					broken = 1;
				else if (w > 0) {
					c->sent += (size_t)w;
					if (c->sent == reqlen) {
						struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
						if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev))
							wl_die("epoll_ctl");
					}
				}
			}
			if (!broken && c->busy && (evs[k].events & EPOLLIN)) {
				for (;;) {
					if (c->nin + 1 >= c->cap) {
						c->cap *= 2;
						c->in = realloc(c->in, c->cap);
						if (!c->in)
							wl_die("realloc");
					}
					ssize_t r = recv(c->fd, c->in + c->nin, c->cap - c->nin - 1, 0);
					if (r < 0 && errno == EAGAIN)
						break;
					if (r <= 0) {
						broken = 1;
						break;
					}
					c->nin += (size_t)r;
				}
				int good = 0, done = broken ? -1 : wl_answer(c, expect, &good);
				if (done < 0)
					broken = 1;
				else if (done == 1) {
					uint64_t t1 = wl_now();
					if (nlat == caplat) {
						caplat *= 2;
						lat = realloc(lat, caplat * sizeof *lat);
						if (!lat)
							wl_die("realloc");
					}
					lat[nlat++] = t1 - c->t0;
					failed += !good;
					c->busy = 0;
					c->sent = 0;
					c->nin = 0;
					if (t1 >= stop) {
						epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
						close(c->fd);
						c->fd = -1;
						open--;
						continue;
					}
					/* the next request at once */
					c->busy = 1;
					c->t0 = t1;
					struct epoll_event ev = {.events = EPOLLOUT, .data.ptr = c};
					if (epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev))
						wl_die("epoll_ctl");
				}
			}
			if (broken) {
				failed += c->busy; /* counted, not timed */
				epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
				close(c->fd);
				if (wl_now() < stop) {
					reconnects++;
					wl_connect(&sa, ep, c);
				} else {
					c->fd = -1;
					open--;
				}
			}
		}
	}
	failed += open; /* still waiting after the drain time */
	double elapsed = (double)(wl_now() - start) / 1e9;
	qsort(lat, nlat, sizeof *lat, wl_cmp);
#define WL_P(q) (nlat ? (double)lat[(size_t)((q) * (double)nlat) < nlat ? (size_t)((q) * (double)nlat) : nlat - 1] / 1e6 : 0.0)
	struct rusage ru;
	if (getrusage(RUSAGE_SELF, &ru))
		wl_die("getrusage");
	double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
	             (double)ru.ru_stime.tv_usec / 1e6;
	printf("requests %zu\nfailed %ld\nreconnects %ld\nseconds %.3f\n", nlat, failed, reconnects, elapsed);
	printf("p50_ms %.2f\np90_ms %.2f\np99_ms %.2f\nmax_ms %.2f\n", WL_P(0.50), WL_P(0.90), WL_P(0.99),
	       nlat ? (double)lat[nlat - 1] / 1e6 : 0.0);
	printf("generator_cpu_s %.3f\n", cpu);
	return 0;
}
