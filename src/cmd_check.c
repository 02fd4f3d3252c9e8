/*
 * cmd_check.c - `grantcheck check`: validate statements; nothing is stored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "output.h"

struct prev_list {
	struct prev_statement *p;
	int n;
};

static int prev_from_list(void *ctx, const char *rcc, int year, const struct prev_statement **out, strbuf *err)
{
	(void)err;
	const struct prev_list *l = ctx;
	for (int i = 0; i < l->n; i++)
		if (l->p[i].year == year && strcmp(l->p[i].rcc, rcc) == 0) {
			*out = &l->p[i];
			return 1;
		}
	return 0;
}

int cmd_check(int argc, char **argv)
{
	struct check_opts o;
	int rc = parse_check_opts(argc, argv, 0, &o);
	if (rc) {
		check_opts_free(&o);
		if (rc < 0) {
			cmd_help_for("check");
			return EXIT_VALID;
		}
		return rc;
	}
	strbuf err = {0}, scratch = {0};
	int nfiles = 0;
	char **files = collect_files(o.args, o.nargs, &nfiles, &err);
	struct engine e;
	struct prev_list prev = {NULL, 0};
	int status = EXIT_TROUBLE;
	if (!files && err.len) {
		fprintf(stderr, "grantcheck check: %s\n", err.s);
		goto out;
	}
	if (engine_open(&e, rules_dir(o.rules, &scratch), o.today, &err)) {
		fprintf(stderr, "grantcheck check: %s\n", err.s);
		goto out;
	}
	prev.p = xcalloc((size_t)(o.nprevious ? o.nprevious : 1), sizeof *prev.p);
	for (int i = 0; i < o.nprevious; i++) {
		if (engine_load_previous(&e, o.previous[i], &prev.p[prev.n], &err)) {
			fprintf(stderr, "grantcheck check: %s\n", err.s);
			goto close;
		}
		prev.n++;
	}
	e.prev = prev_from_list;
	e.prev_ctx = &prev;
	struct output out;
	if (o.json)
		output_json(&out, stdout, o.lang);
	else
		output_text(&out, stdout, o.lang, want_color(STDOUT_FILENO));
	out.ops->begin(&out);
	for (int i = 0; i < nfiles; i++) {
		struct file_result r;
		if (engine_check(&e, files[i], &r, &err)) {
			fflush(stdout);
			fprintf(stderr, "grantcheck check: %s\n", err.s);
			file_result_free(&r);
			goto close;
		}
		out.ops->file(&out, &r, NULL);
		file_result_free(&r);
	}
	out.ops->end(&out);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "grantcheck check: cannot write the output\n");
		goto close;
	}
	status = out.errors || (o.strict && out.warnings) ? EXIT_INVALID : EXIT_VALID;
close:
	for (int i = 0; i < prev.n; i++)
		prev_statement_free(&prev.p[i]);
	free(prev.p);
	engine_close(&e);
out:
	free_files(files, nfiles);
	sb_free(&err);
	sb_free(&scratch);
	check_opts_free(&o);
	return status;
}
