/*
 * vfsfault.c - fault injection at every write of `grantcheck register`
 * (issue 10, class 12), with SQLite's own technique: a shim VFS wraps the
 * default one and fails the Nth xWrite, xSync or xTruncate on the register's
 * files (the database, its -wal and -journal; not the working database).
 *
 *   vfsfault RULES DIR FILE...    (at least 20 statements)
 *
 * For N = 1, 2, ... until a run completes without reaching N, in both modes
 * (only the Nth call fails; every call from the Nth on fails), a child
 * process registers the batch into a fresh register with the fault armed.
 * It may fail or exit, never crash. Then:
 *   - PRAGMA integrity_check is "ok";
 *   - each statement is either fully recorded (its submission, figure,
 *     expense_total and finding rows as in a run without faults) or absent;
 *   - the next run, without faults, succeeds and records the whole batch.
 * $VFSFAULT_STRIDE=K tries every Kth N only (make test; make faults tries all).
 * Prints "ok ..." / "FAIL ..." lines (tests/e2e.sh style) and exits 1 on
 * a failure. All state lives in main's frame, reached through pAppData.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "engine.h"
#include "register.h"

struct fault_state {
	sqlite3_vfs *orig;
	const char *prefix; /* the register's path: files under it can fail */
	size_t plen;
	long target;        /* fail the target-th call (0: never) */
	int persistent;     /* ... and every call after it */
	long calls;
	int hit;
};

struct ffile {
	sqlite3_file base;
	struct fault_state *st;
	int faulty;
	sqlite3_file *real;
};

static int fault(sqlite3_file *f)
{
	struct ffile *x = (struct ffile *)f;
	struct fault_state *s = x->st;
	if (!x->faulty)
		return 0;
	s->calls++;
	if (!s->target)
		return 0;
	if (s->calls == s->target || (s->persistent && s->calls > s->target)) {
		s->hit = 1;
		return 1;
	}
	return 0;
}

#define REAL(f) (((struct ffile *)(f))->real)

static int f_close(sqlite3_file *f)
{
	return REAL(f)->pMethods->xClose(REAL(f));
}
static int f_read(sqlite3_file *f, void *b, int n, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xRead(REAL(f), b, n, off);
}
static int f_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 off)
{
	return fault(f) ? SQLITE_IOERR_WRITE : REAL(f)->pMethods->xWrite(REAL(f), b, n, off);
}
static int f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return fault(f) ? SQLITE_IOERR_TRUNCATE : REAL(f)->pMethods->xTruncate(REAL(f), size);
}
static int f_sync(sqlite3_file *f, int flags)
{
	/* a sync that does not fail is not done: durability against power loss
	 * is not what is tested, and real syncs make the test minutes long */
	(void)flags;
	return fault(f) ? SQLITE_IOERR_FSYNC : SQLITE_OK;
}
static int f_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}
static int f_lock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xLock(REAL(f), l);
}
static int f_unlock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), l);
}
static int f_reserved(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}
static int f_fcntl(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}
static int f_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}
static int f_devchar(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int f_shmmap(sqlite3_file *f, int pg, int sz, int extend, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, extend, pp);
}
static int f_shmlock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}
static void f_shmbarrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}
static int f_shmunmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}
static int f_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **pp)
{
	return REAL(f)->pMethods->xFetch(REAL(f), off, n, pp);
}
static int f_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	return REAL(f)->pMethods->xUnfetch(REAL(f), off, p);
}

static const sqlite3_io_methods shim_io = {
	3, f_close, f_read, f_write, f_truncate, f_sync, f_size, f_lock, f_unlock, f_reserved, f_fcntl, f_sector,
	f_devchar, f_shmmap, f_shmlock, f_shmbarrier, f_shmunmap, f_fetch, f_unfetch};

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
	struct fault_state *s = vfs->pAppData;
	struct ffile *f = (struct ffile *)file;
	f->st = s;
	f->real = (sqlite3_file *)(f + 1);
	f->faulty = name && strncmp(name, s->prefix, s->plen) == 0;
	int rc = s->orig->xOpen(s->orig, name, f->real, flags, out_flags);
	f->base.pMethods = rc == SQLITE_OK && f->real->pMethods ? &shim_io : NULL;
	return rc;
}

/* ---- the register path: the calls `grantcheck register` makes -------- */

/* Registers files into the register db, as cmd_register does (kept in one
 * function so that a change to register.h's API is one place to adapt).
 * 0 when every file was checked and recorded. */
static int register_batch(const char *rules, const char *db, char **files, int n)
{
	strbuf err = {0};
	struct engine *e;
	struct reg reg;
	int rc = -1;
	if (!(e = engine_open(rules, "2026-11-22", &err)))
		goto out;
	if (reg_open(&reg, db, REG_CREATE, &err)) {
		engine_close(e);
		goto out;
	}
	engine_set_previous(e, reg_prev_provider, &reg);
	rc = 0;
	int lost;
	for (int i = 0; i < n && rc == 0; i++) {
		struct file_result r;
		enum reg_outcome oc;
		long long sup;
		rc = engine_check(e, files[i], &r, &err);
		/* in batches, as the runner does (7 files each here, so a fault
		 * meets a batch at every stage: begun, part-way, committing) */
		if (rc == 0)
			rc = reg_batch_begin(&reg, &err);
		if (rc == 0)
			rc = reg_record(&reg, &r, "2026-11-22T12:00:00Z", &oc, &sup, &err);
		file_result_free(&r);
		if (rc == 0 && (i + 1) % 7 == 0)
			rc = reg_batch_commit(&reg, &lost, &err);
	}
	/* what was recorded before a failure is committed, as the runner does */
	if (reg_batch_commit(&reg, &lost, &err))
		rc = -1;
	reg_close(&reg);
	engine_close(e);
out:
	sb_free(&err);
	return rc;
}

/* ---- checks ------------------------------------------------------------ */

/* One line per submission: sha256 and what was recorded for it. */
static int snapshot(const char *db, strbuf *out, strbuf *why)
{
	sqlite3 *h = NULL;
	int rc = sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, "unix");
	if (rc != SQLITE_OK) {
		sb_printf(why, "cannot open %s: %s", db, h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
		sqlite3_close(h);
		return -1;
	}
	sqlite3_stmt *st = NULL;
	rc = sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL);
	if (rc != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW ||
	    strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
		sb_printf(why, "integrity_check: %s", st && sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0)
		                                                                          : sqlite3_errmsg(h));
		sqlite3_finalize(st);
		sqlite3_close(h);
		return -1;
	}
	sqlite3_finalize(st);
	/* an empty register (the fault hit while it was made) has no tables yet */
	rc = sqlite3_prepare_v2(h,
	                        "SELECT s.sha256 || ' ' || s.status || ' ' || s.errors || ' ' || s.warnings || ' ' ||"
	                        " (SELECT count(*) FROM figure WHERE submission = s.id) || ' ' ||"
	                        " (SELECT count(*) FROM expense_total WHERE submission = s.id) || ' ' ||"
	                        " (SELECT count(*) FROM finding WHERE submission = s.id)"
	                        " FROM submission s ORDER BY s.sha256",
	                        -1, &st, NULL);
	if (rc != SQLITE_OK) {
		int empty = 0;
		sqlite3_stmt *t = NULL;
		if (sqlite3_prepare_v2(h, "SELECT count(*) FROM sqlite_schema WHERE name = 'submission'", -1, &t, NULL) ==
		            SQLITE_OK &&
		    sqlite3_step(t) == SQLITE_ROW)
			empty = sqlite3_column_int(t, 0) == 0;
		sqlite3_finalize(t);
		if (!empty)
			sb_printf(why, "reading the register: %s", sqlite3_errmsg(h));
		sqlite3_close(h);
		return empty ? 0 : -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		sb_printf(out, "%s\n", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
	if (rc != SQLITE_DONE) {
		sb_printf(why, "reading the register failed (SQLite %d)", rc);
		return -1;
	}
	return 0;
}

/* Every line of part is a line of whole. */
static int lines_within(const char *part, const char *whole)
{
	for (const char *p = part; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p + 1) : strlen(p);
		int found = 0;
		for (const char *w = whole; *w && !found;) {
			const char *wl = strchr(w, '\n');
			size_t m = wl ? (size_t)(wl - w + 1) : strlen(w);
			found = m == n && memcmp(p, w, n) == 0;
			w += m;
		}
		if (!found)
			return 0;
		p += n;
	}
	return 1;
}

/* Runs the batch in a child with the fault armed: its exit status, or
 * -signal when it crashed; *hit whether the fault was reached. */
static int run_child(struct fault_state *s, const char *rules, const char *db, char **files, int n, int *hit)
{
	int fds[2];
	fflush(stdout);
	if (pipe(fds) != 0)
		return -100;
	pid_t pid = fork();
	if (pid < 0)
		return -100;
	if (pid == 0) {
		close(fds[0]);
		if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr))
			_exit(99);
		s->calls = 0;
		s->hit = 0;
		int rc = register_batch(rules, db, files, n);
		char c = (char)s->hit;
		if (write(fds[1], &c, 1) != 1 || write(fds[1], &s->calls, sizeof s->calls) != (ssize_t)sizeof s->calls)
			_exit(98);
		_exit(rc == 0 ? 0 : 1);
	}
	close(fds[1]);
	char c = 0;
	ssize_t got = read(fds[0], &c, 1); /* nothing when the child exited inside (db_fail) */
	if (got != 1 || read(fds[0], &s->calls, sizeof s->calls) != (ssize_t)sizeof s->calls)
		s->calls = -1;
	close(fds[0]);
	*hit = got == 1 ? c : 1;
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

static void remove_db(const char *db)
{
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	char p[4200];
	for (size_t i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s%s", db, suffixes[i]);
		unlink(p);
	}
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: vfsfault RULES DIR FILE... (at least 20 statements)\n");
		return 2;
	}
	const char *rules = argv[1];
	char **files = argv + 3;
	int n = argc - 3;
	char dir[PATH_MAX], db[PATH_MAX + 16];
	if (!realpath(argv[2], dir)) { /* SQLite opens files by their full path */
		fprintf(stderr, "vfsfault: %s: %s\n", argv[2], strerror(errno));
		return 2;
	}
	snprintf(db, sizeof db, "%s/reg.db", dir);
	struct fault_state s = {0};
	s.orig = sqlite3_vfs_find(NULL);
	if (!s.orig) {
		fprintf(stderr, "vfsfault: SQLite has no default VFS\n");
		return 2;
	}
	s.prefix = db;
	s.plen = strlen(db);
	sqlite3_vfs shim = *s.orig;
	shim.zName = "vfsfault";
	shim.szOsFile = (int)sizeof(struct ffile) + s.orig->szOsFile;
	shim.pAppData = &s;
	shim.xOpen = v_open;
	shim.pNext = NULL;
	if (sqlite3_vfs_register(&shim, 1) != SQLITE_OK) {
		fprintf(stderr, "vfsfault: cannot register the VFS shim\n");
		return 2;
	}
	/* the reference: the batch without faults */
	strbuf ref = {0}, why = {0};
	int hit = 0;
	remove_db(db);
	s.target = 0;
	int st = run_child(&s, rules, db, files, n, &hit);
	if (st != 0 || snapshot(db, &ref, &why)) {
		printf("FAIL vfsfault: the batch does not register without faults (exit %d) %s\n", st, sb_str(&why));
		return 1;
	}
	const char *env = getenv("VFSFAULT_STRIDE");
	long stride = env && atol(env) > 0 ? atol(env) : 1;
	long ref_calls = s.calls;
	fprintf(stderr, "vfsfault: %ld writes, syncs and truncates of the register in the batch\n", ref_calls);
	int fails = 0;
	long runs = 0, failed_runs = 0;
	for (int persistent = 0; persistent < 2; persistent++) {
		long target;
		for (target = 1;; target += stride) {
			remove_db(db);
			s.target = target;
			s.persistent = persistent;
			st = run_child(&s, rules, db, files, n, &hit);
			runs++;
			if (!hit && st == 0)
				break; /* the run did fewer than target writes: every write point was tried */
			failed_runs += st != 0;
			strbuf snap = {0};
			sb_reset(&why);
			if (st < 0) {
				printf("FAIL vfsfault: fault at write %ld%s: register crashed (signal %d)\n", target,
				       persistent ? "+" : "", -st);
				fails++;
			} else if (snapshot(db, &snap, &why)) {
				printf("FAIL vfsfault: fault at write %ld%s: %s\n", target, persistent ? "+" : "", why.s);
				fails++;
			} else if (!lines_within(snap.s ? snap.s : "", ref.s)) {
				printf("FAIL vfsfault: fault at write %ld%s: a statement is recorded partly:\n%s", target,
				       persistent ? "+" : "", snap.s);
				fails++;
			}
			sb_free(&snap);
			/* the next run, without faults, succeeds and records everything */
			s.target = 0;
			st = run_child(&s, rules, db, files, n, &hit);
			snap = (strbuf){0};
			sb_reset(&why);
			if (st != 0 || snapshot(db, &snap, &why) || strcmp(sb_str(&snap), ref.s) != 0) {
				printf("FAIL vfsfault: after a fault at write %ld%s the next run fails (exit %d) %s\n", target,
				       persistent ? "+" : "", st, sb_str(&why));
				fails++;
			}
			sb_free(&snap);
			if (fails > 5 || target > 100000)
				break;
		}
		printf("%s vfsfault: %s fault at every %s of the %ld writes/syncs/truncates of registering %d "
		       "statements: integrity ok, each statement whole or absent, the next run complete\n",
		       fails ? "FAIL" : "ok", persistent ? "a persistent" : "a single", stride == 1 ? "one" : "stride-th",
		       ref_calls, n);
	}
	printf("vfsfault: %ld runs with a fault, %ld of them failed\n", runs, failed_runs);
	remove_db(db);
	sb_free(&ref);
	sb_free(&why);
	return fails ? 1 : 0;
}
