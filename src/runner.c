/*
 * runner.c - the validation loop shared by check and register (runner.h).
 */
#include "runner.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "out_html.h"
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

/* MERGE: local stand-in for src/atomic.c (another helper's module): -o FILE
 * is written to a temporary file in the same folder, then renamed over FILE.
 * Refuses when FILE is one of the inputs or the register (same st_dev and
 * st_ino). */
static FILE *out_open(const char *path, char **files, int nfiles, const struct check_opts *o, const char *db,
                      char **tmp, strbuf *err)
{
	int sv = o->lang == LANG_SV;
	struct stat out;
	if (stat(path, &out) == 0) {
		for (int i = 0; i < nfiles + o->nprevious + 1; i++) {
			const char *in = i < nfiles ? files[i] : i < nfiles + o->nprevious ? o->previous[i - nfiles] : db;
			if (!in)
				continue;
			struct stat st;
			if (stat(in, &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino) {
				sb_printf(err,
				          sv ? "-o %s: det är filen %s som kontrolleras; välj en annan fil för rapporten"
				             : "-o %s: that is %s, one of the files checked; choose another file for the report",
				          path, in);
				return NULL;
			}
		}
	}
	strbuf t = {0};
	sb_printf(&t, "%s.tmp-XXXXXX", path);
	int fd = mkostemp(t.s, O_CLOEXEC);
	/* mkostemp makes 0600; a report is for sharing, like a file the shell makes */
	FILE *fp = fd < 0 || fchmod(fd, 0644) != 0 ? NULL : fdopen(fd, "w");
	if (!fp) {
		sb_printf(err, sv ? "-o %s: kan inte skriva i mappen: %s; välj en mapp där du får skriva"
		                  : "-o %s: cannot write in its folder: %s; choose a folder you can write to",
		          path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(t.s);
		}
		sb_free(&t);
		return NULL;
	}
	*tmp = sb_take(&t);
	return fp;
}

/* Closes the temporary file and renames it over path; 0 or -1 with err. */
static int out_commit(FILE *fp, char *tmp, const char *path, enum lang l, strbuf *err)
{
	int rc = fflush(fp) != 0 || ferror(fp) || fsync(fileno(fp)) != 0;
	int e = errno;
	rc |= fclose(fp) != 0;
	if (!rc && rename(tmp, path) != 0) {
		e = errno;
		rc = 1;
	}
	if (rc) {
		unlink(tmp);
		sb_printf(err, l == LANG_SV ? "-o %s: kunde inte skriva rapporten: %s; kontrollera utrymmet och behörigheten"
		                            : "-o %s: could not write the report: %s; check the space and permissions",
		          path, strerror(e));
	}
	return rc ? -1 : 0;
}

int run_files(const struct run *run, const char *cmd, char **files, int nfiles)
{
	const struct check_opts *o = run->opts;
	struct engine *e = run->engine;
	strbuf err = {0};
	struct prev_list prev = {xcalloc((size_t)(o->nprevious ? o->nprevious : 1), sizeof *prev.p), 0,
	                         run->fallback, run->fallback_ctx};
	int status = EXIT_TROUBLE;
	char *tmp = NULL; /* -o: the temporary file while it is written */
	struct html_page *html = NULL;
	for (int i = 0; i < o->nprevious; i++) {
		if (engine_load_previous(e, o->previous[i], &prev.p[prev.n], &err))
			goto out;
		prev.n++;
	}
	e->prev = prev_lookup;
	e->prev_ctx = &prev;
	struct output out;
	struct html_page page;
	FILE *fp = stdout;
	const char *db = strcmp(cmd, "register") ? NULL : default_db(o->db);
	if (o->out && !(fp = out_open(o->out, files, nfiles, o, db, &tmp, &err)))
		goto out;
	if (o->html) {
		output_html(&out, &page, fp, o->lang);
		html = &page;
	}
	else if (o->json)
		output_json(&out, fp, o->lang);
	else
		output_text(&out, fp, o->lang, !o->out && want_color(STDOUT_FILENO));
	out.ops->begin(&out);
	for (int i = 0; i < nfiles; i++) {
		struct file_result r;
		const char *note = NULL;
		int rc = engine_check(e, files[i], &r, &err);
		if (rc == 0 && run->hook)
			rc = run->hook(run->hook_ctx, e, &r, &note, &err);
		if (rc == 0)
			out.ops->file(&out, &r, note);
		file_result_free(&r);
		if (rc)
			goto out;
	}
	out.ops->end(&out);
	if (tmp) {
		char *t = tmp;
		tmp = NULL;
		int rc = out_commit(fp, t, o->out, o->lang, &err);
		free(t);
		if (rc)
			goto out;
	} else if (fflush(stdout) != 0 || ferror(stdout)) {
		sb_puts(&err, "cannot write the output");
		goto out;
	}
	status = out.errors || (o->strict && out.warnings) ? EXIT_INVALID : EXIT_VALID;
out:
	if (status == EXIT_TROUBLE) {
		fflush(stdout);
		fprintf(stderr, "grantcheck %s: %s\n", cmd, sb_str(&err));
	}
	if (tmp) {
		fclose(fp);
		unlink(tmp);
		free(tmp);
	}
	if (html)
		html_page_free(html);
	e->prev = NULL;
	e->prev_ctx = NULL;
	for (int i = 0; i < prev.n; i++)
		prev_statement_free(&prev.p[i]);
	free(prev.p);
	sb_free(&err);
	return status;
}
