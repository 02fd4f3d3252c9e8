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
	char note[512];
	unsigned recorded; /* fault point "register-recorded" (tests/e2e/register.sh) */
};

static const char *note_text(const struct reg *reg, enum reg_outcome oc, long long superseded, enum lang l, int json,
                             char *buf, size_t n);

/* file_hook: records the file just validated in the register. */
static int record(void *ctx, const struct file_result *r, const char **note, strbuf *err)
{
	struct record_ctx *c = ctx;
	char when[21];
	enum reg_outcome oc;
	long long superseded;
	utc_now(when);
	if (reg_record(c->reg, r, when, &oc, &superseded, err))
		return -1;
	if (oc != REG_DUPLICATE && oc != REG_DUPLICATE_NOT_CURRENT) /* committed: a test may kill the process here */
		fault_point("register-recorded", &c->recorded);
	*note = note_text(c->reg, oc, superseded, c->lang, c->json, c->note, sizeof c->note);
	return 0;
}

static const char *note_text(const struct reg *reg, enum reg_outcome oc, long long superseded, enum lang l, int json,
                             char *buf, size_t n)
{
	int sv = l == LANG_SV;
	if (oc == REG_DUPLICATE_NOT_CURRENT) {
		snprintf(buf, n, sv ? "redan registrerad som #%lld men inte gällande; #%lld gäller. Gör den gällande genom att "
		                      "dra tillbaka den nyare: grantcheck withdraw --db %s %lld --reason \"...\""
		                    : "already registered as #%lld but not current; #%lld is. To make it current, withdraw "
		                      "the newer one: grantcheck withdraw --db %s %lld --reason \"...\"",
		         reg->last_id, superseded, reg->path, superseded);
		return buf;
	}
	if (oc == REG_UNIDENTIFIED)
		return json ? "registered as unidentified"
		       : sv ? "registrerad som oidentifierad (RCC eller år saknas eller är okänt); räknas inte"
		            : "registered as unidentified (RCC or year missing or unknown); not counted";
	if (oc == REG_NEW_NOT_CURRENT) {
		if (json)
			return "registered, not current: a later correction in the same run is";
		snprintf(buf, n, sv ? "registrerad; inte gällande: #%lld är en senare rättelse (attestdatum, fildatum)"
		                    : "registered; not current: #%lld is a later correction (attestation, file date)",
		         superseded);
		return buf;
	}
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

int cmd_register(struct cmd_ctx *c)
{
	struct check_opts o;
	cmd_check_opts(c, &o);
	struct record_ctx rec = {c->reg, o.lang, o.json, "", 0};
	struct run run = {c->engine, &o, reg_prev_provider, c->reg, record, &rec};
	int status = run_files(&run, "register", c->files, c->nfiles);
	if (status != EXIT_TROUBLE && !o.json) {
		/* the register-level rules (G8) over the register as it is now */
		struct file_result rr;
		int bad = reg_check_register(c->reg, c->engine, &rr, &c->err);
		if (!bad)
			text_register_findings(stdout, o.lang, &rr, 0);
		file_result_free(&rr);
		if (bad)
			status = EXIT_TROUBLE;
	}
	return status;
}
