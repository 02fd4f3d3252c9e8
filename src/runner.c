/*
 * runner.c - the validation loop shared by check and register (runner.h).
 */
#include "runner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "atomic.h"
#include "out_html.h"
#include "fault.h"
#include "output.h"

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
#define RUN_BATCH_BIG (1 << 20) /* and before a file of this many bytes */

static int64_t run_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

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
	for (int i = 0; i < nfiles; i++) {
		struct file_result r;
		const char *note = NULL;
		struct stat fst;
		/* a large file takes long to check: the batch before it is
		 * committed first, so others waiting to register do not wait for it */
		if (run->commit && pend.n && stat(files[i], &fst) == 0 && fst.st_size >= RUN_BATCH_BIG &&
		    flush_batch(run, &out, fp, &pend, &err))
			goto out;
		int rc = engine_check(e, files[i], &r, &err);
		/* test-only: the run fails at the Nth file, before it is recorded
		 * or shown (GRANTCHECK_FAULT=run-file:N) */
		if (rc == 0 && fault_point("run-file", &fault_count)) {
			sb_printf(&err, "%s: injected fault (GRANTCHECK_FAULT=run-file)", files[i]);
			rc = -1;
		}
		if (rc == 0 && run->prepare)
			rc = run->prepare(run->hook_ctx, &r, &err);
		if (rc == 0 && run->hook)
			rc = run->hook(run->hook_ctx, &r, &note, &err);
		if (rc == 0 && run->commit) {
			/* shown once its batch is committed */
			if (pend.n == 0)
				pend.started_ms = run_now_ms();
			size_t cap = pend.cap;
			pend.r = xgrow(pend.r, &pend.cap, (size_t)pend.n + 1, sizeof *pend.r);
			if (pend.cap != cap || !pend.note)
				pend.note = xrealloc(pend.note, sizeof *pend.note * pend.cap);
			pend.note[pend.n] = note ? xstrdup(note) : NULL;
			pend.r[pend.n++] = r;
			if ((pend.n >= batch_files || run_now_ms() - pend.started_ms >= RUN_BATCH_MS) &&
			    flush_batch(run, &out, fp, &pend, &err))
				goto out;
			continue;
		}
		if (rc == 0)
			out.ops->file(&out, &r, note);
		file_result_free(&r);
		if (rc)
			goto out;
	}
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
	engine_set_previous(e, NULL, NULL);
	engine_set_previous_given(e, NULL, 0);
	for (int i = 0; i < prev.n; i++)
		prev_statement_free(&prev.p[i]);
	free(prev.p);
	sb_free(&err);
	return status;
}
