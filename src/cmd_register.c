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
#include "fault.h"
#include "output.h"
#include "register.h"
#include "runner.h"

struct record_ctx {
	struct reg *reg;
	enum lang lang;
	int json;
	char note[160];
	unsigned recorded; /* fault point "register-recorded" (tests/e2e/register.sh) */
};

static const char *note_text(enum reg_outcome oc, long long superseded, enum lang l, int json, char *buf, size_t n);

/* file_hook: records the file just validated in the register. */
static int record(void *ctx, struct engine *e, const struct file_result *r, const char **note, strbuf *err)
{
	struct record_ctx *c = ctx;
	char when[21];
	enum reg_outcome oc;
	long long superseded;
	utc_now(when);
	if (reg_record(c->reg, e, r, when, &oc, &superseded, err))
		return -1;
	if (oc != REG_DUPLICATE) /* committed: a test may kill the process here */
		fault_point("register-recorded", &c->recorded);
	*note = note_text(oc, superseded, c->lang, c->json, c->note, sizeof c->note);
	return 0;
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
	int have_engine = 0, have_reg = 0;
	if (!files && err.len)
		goto fail;
	if (engine_open(&e, rules_dir(o.rules, &scratch), o.today, &err))
		goto fail;
	have_engine = 1;
	if (reg_open(&reg, default_db(o.db), REG_CREATE, &err))
		goto fail;
	have_reg = 1;
	struct record_ctx rec = {&reg, o.lang, o.json, "", 0};
	struct run run = {&e, &o, reg_prev_provider, &reg, record, &rec};
	status = run_files(&run, "register", files, nfiles);
	if (status != EXIT_TROUBLE && !o.json) {
		/* the register-level rules (G8) over the register as it is now */
		struct file_result rr;
		int bad = reg_check_register(&reg, &e, &rr, &err);
		if (!bad)
			print_register_findings(&rr, o.lang);
		file_result_free(&rr);
		if (bad) {
			status = EXIT_TROUBLE;
			goto fail;
		}
	}
	goto done;
fail:
	fprintf(stderr, "grantcheck register: %s\n", err.s ? err.s : "failed");
done:
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
