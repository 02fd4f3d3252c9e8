/*
 * cmd_register.c - `grantcheck register`: validate exactly as check does and
 * record every file in the register (register.c), one transaction per file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "output.h"
#include "register.h"

/* Previous statements: --previous files first, then the register. */
struct prev_both {
	struct prev_statement *files;
	int nfiles;
	struct reg *reg;
};

static int prev_lookup(void *ctx, const char *rcc, int year, const struct prev_statement **out, strbuf *err)
{
	struct prev_both *b = ctx;
	for (int i = 0; i < b->nfiles; i++)
		if (b->files[i].year == year && strcmp(b->files[i].rcc, rcc) == 0) {
			*out = &b->files[i];
			return 1;
		}
	return reg_prev_provider(b->reg, rcc, year, out, err);
}

static const char *note_text(enum reg_outcome oc, long long superseded, enum lang l, int json, char *buf, size_t n)
{
	int sv = l == LANG_SV;
	if (oc == REG_DUPLICATE)
		return json ? "already registered" : sv ? "redan registrerad; inte registrerad igen" : "already registered; not recorded again";
	if (superseded) {
		if (json)
			return "registered, replaces an earlier submission";
		snprintf(buf, n, sv ? "registrerad; ersätter tidigare inlämning #%lld" : "registered; replaces earlier submission #%lld",
		         superseded);
		return buf;
	}
	return json ? "registered" : sv ? "registrerad" : "registered";
}

static void print_register_findings(const struct file_result *r, enum lang l)
{
	for (int i = 0; i < r->nfindings; i++)
		printf("%s: %s[%s]: %s\n", r->path, severity_name(r->findings[i].severity), r->findings[i].rule->id,
		       r->findings[i].msg[l]);
}

int cmd_register(int argc, char **argv)
{
	struct check_opts o;
	int rc = parse_check_opts(argc, argv, 1, &o);
	if (rc) {
		check_opts_free(&o);
		if (rc < 0) {
			cmd_help_for("register");
			return EXIT_VALID;
		}
		return rc;
	}
	strbuf err = {0}, scratch = {0};
	int nfiles = 0, status = EXIT_TROUBLE;
	char **files = collect_files(o.args, o.nargs, &nfiles, &err);
	struct engine e;
	struct reg reg;
	struct prev_both prev = {NULL, 0, &reg};
	int have_engine = 0, have_reg = 0;
	if (!files && err.len)
		goto fail;
	if (engine_open(&e, rules_dir(o.rules, &scratch), o.today, &err))
		goto fail;
	have_engine = 1;
	if (reg_open(&reg, default_db(o.db), REG_CREATE, &err))
		goto fail;
	have_reg = 1;
	prev.files = xcalloc((size_t)(o.nprevious ? o.nprevious : 1), sizeof *prev.files);
	for (int i = 0; i < o.nprevious; i++) {
		if (engine_load_previous(&e, o.previous[i], &prev.files[prev.nfiles], &err))
			goto fail;
		prev.nfiles++;
	}
	e.prev = prev_lookup;
	e.prev_ctx = &prev;
	struct output out;
	if (o.json)
		output_json(&out, stdout, o.lang);
	else
		output_text(&out, stdout, o.lang, want_color(STDOUT_FILENO));
	out.ops->begin(&out);
	for (int i = 0; i < nfiles; i++) {
		struct file_result r;
		char when[21], buf[160];
		enum reg_outcome oc;
		long long superseded;
		utc_now(when);
		if (engine_check(&e, files[i], &r, &err) ||
		    reg_record(&reg, &e, &r, when, &oc, &superseded, &err)) {
			file_result_free(&r);
			fflush(stdout);
			goto fail;
		}
		out.ops->file(&out, &r, note_text(oc, superseded, o.lang, o.json, buf, sizeof buf));
		file_result_free(&r);
	}
	out.ops->end(&out);
	if (!o.json) {
		struct file_result rr;
		if (reg_check_register(&reg, &e, &rr, &err)) {
			file_result_free(&rr);
			goto fail;
		}
		print_register_findings(&rr, o.lang);
		file_result_free(&rr);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		sb_puts(&err, "cannot write the output");
		goto fail;
	}
	status = out.errors || (o.strict && out.warnings) ? EXIT_INVALID : EXIT_VALID;
	goto done;
fail:
	fprintf(stderr, "grantcheck register: %s\n", err.s ? err.s : "failed");
done:
	for (int i = 0; i < prev.nfiles; i++)
		prev_statement_free(&prev.files[i]);
	free(prev.files);
	if (have_reg)
		reg_close(&reg);
	if (have_engine)
		engine_close(&e);
	free_files(files, nfiles);
	sb_free(&err);
	sb_free(&scratch);
	check_opts_free(&o);
	return status;
}
