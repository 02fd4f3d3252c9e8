/*
 * runner.c - the validation loop shared by check and register (runner.h).
 */
#include "runner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
	for (int i = 0; i < o->nprevious; i++) {
		if (engine_load_previous(e, o->previous[i], &prev.p[prev.n], &err))
			goto out;
		prev.n++;
	}
	engine_set_previous(e, prev_lookup, &prev);
	engine_set_previous_given(e, prev.p, prev.n);
	FILE *fp = stdout;
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
		int rc = engine_check(e, files[i], &r, &err);
		/* test-only: the run fails at the Nth file, before it is recorded
		 * or shown (GRANTCHECK_FAULT=run-file:N) */
		if (rc == 0 && fault_point("run-file", &fault_count)) {
			sb_printf(&err, "%s: injected fault (GRANTCHECK_FAULT=run-file)", files[i]);
			rc = -1;
		}
		if (rc == 0 && run->hook)
			rc = run->hook(run->hook_ctx, &r, &note, &err);
		if (rc == 0)
			out.ops->file(&out, &r, note);
		file_result_free(&r);
		if (rc)
			goto out;
	}
	out.ops->end(&out); /* standard output is checked once for every command (commands.c) */
	begun = 0;          /* the document is complete */
	if (have_out) {
		have_out = 0;
		if (atomic_commit(&af, &err))
			goto out;
	}
	status = out.errors || (o->strict && out.warnings) ? EXIT_INVALID : EXIT_VALID;
out:
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
