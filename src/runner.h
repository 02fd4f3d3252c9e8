/*
 * runner.h - what `check` and `register` share: loading the --previous
 * statements, choosing the writer (text or JSON), validating every file in
 * order and computing the exit status. `register` adds a hook that records
 * each file and says how (the note after the file's closing line).
 *
 * Many files are checked by a pool of worker threads, one engine each
 * (GRANTCHECK_WORKERS, runner.c), but everything a caller sees happens in
 * the calling thread in input order, as with one: the output, the hook, the
 * batch commits and the fault points. Only `prepare` runs in the workers.
 */
#ifndef GC_RUNNER_H
#define GC_RUNNER_H

#include "cli.h"
#include "engine.h"

struct spares;

/* Called after each file is validated (r holds all there is to know about
 * it, its figures included). Sets *note (text shown after the file's
 * result, or NULL); -1 + err stops the run with exit status 2. */
typedef int (*file_hook)(void *ctx, const struct file_result *r, const char **note, strbuf *err);

/* Work on a validated file that needs no database and may run in parallel
 * (e.g. compressing what is to be stored). Called right after the file is
 * validated: inline with one worker, else in the worker thread that checked
 * it, or with a single thread checking in the calling thread before the
 * hook (the thread is the slower side), at the same time as other files'
 * checks and prepare calls and as the calling thread's hook and commits,
 * so it may only read ctx (hook_ctx) and
 * change r (e.g. the register's compressed content, regf_prepare_hook);
 * -1 + err stops the run at this file as a failed check does. */
typedef int (*file_prepare)(void *ctx, struct file_result *r, strbuf *err);

/* Batches: with a commit hook the runner calls it after every 256 files
 * ($GRANTCHECK_REGISTER_BATCH changes it), once a batch is 250 ms old, before
 * a file of 1 MiB or more, and at the end, and shows a file's
 * result only after the commit that covers it, so what was shown is what
 * was recorded. commit returns 0, or -1 + err (the files since the last
 * commit are then not recorded: their results are not shown). committed
 * (may be NULL) is called after the results of n committed files were
 * written and flushed. */
typedef int (*batch_commit)(void *ctx, strbuf *err);
typedef void (*batch_committed)(void *ctx, int n);

struct run {
	struct engine *engine;
	const struct check_opts *opts;
	prev_provider fallback; /* consulted after the --previous files */
	void *fallback_ctx;
	file_hook hook;
	void *hook_ctx;
	batch_commit commit; /* NULL: every result is shown at once */
	batch_committed committed;
	file_prepare prepare; /* NULL: none */
	struct spares *spares; /* engines opened ahead for the workers, or NULL (spares.h) */
};

/* How many engines of their own run_files' workers will want for nfiles
 * files, with a fallback provider or without: what to open ahead. */
int run_spare_engines(int has_fallback, int nfiles);

/* Validates files[0..n) and writes the results. Returns the exit status
 * (0, 1) or EXIT_TROUBLE after printing "grantcheck CMD: err" to stderr.
 * With workers, the fallback provider is called from worker threads, one
 * at a time and never during the hook or a commit, when every file before
 * the one being checked has been through the hook (so it sees the register
 * exactly as one thread would); run->engine is used by a worker until
 * run_files returns. */
int run_files(const struct run *run, const char *cmd, char **files, int nfiles);

#endif
