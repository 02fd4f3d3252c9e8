/*
 * runner.h - what `check` and `register` share: loading the --previous
 * statements, choosing the writer (text or JSON), validating every file in
 * order and computing the exit status. `register` adds a hook that records
 * each file and says how (the note after the file's closing line).
 */
#ifndef GC_RUNNER_H
#define GC_RUNNER_H

#include "cli.h"
#include "engine.h"

/* Called after each file is validated (r holds all there is to know about
 * it, its figures included). Sets *note (text shown after the file's
 * result, or NULL); -1 + err stops the run with exit status 2. */
typedef int (*file_hook)(void *ctx, const struct file_result *r, const char **note, strbuf *err);

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
	/* NULL, or called with hook_ctx on each checked file before hook: work
	 * on r that needs no database and no shared state (the register's
	 * compression, regf_prepare_hook), so it may run on any thread; -1 +
	 * err stops the run as hook does */
	int (*prepare)(void *hook_ctx, struct file_result *r, strbuf *err);
};

/* Validates files[0..n) and writes the results. Returns the exit status
 * (0, 1) or EXIT_TROUBLE after printing "grantcheck CMD: err" to stderr. */
int run_files(const struct run *run, const char *cmd, char **files, int nfiles);

#endif
