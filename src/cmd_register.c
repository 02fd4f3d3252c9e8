/*
 * cmd_register.c - `grantcheck register`: validate exactly as check does and
 * record every file in the register (register.c): in batches, one
 * transaction of up to 256 files or 250 ms each file a savepoint in it, a
 * file's result shown once its batch is committed (runner.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "fault.h"
#include "output.h"
#include "register.h"
#include "register_findings.h"
#include "runner.h"

struct record_ctx {
	struct reg *reg;
	enum lang lang;
	int json;
	char note[512];
	unsigned recorded; /* fault point "register-recorded" (tests/e2e/register.sh) */
	unsigned in_batch; /* fault point "register-in-batch" (tests/e2e/register_batch.sh) */
	long warnings, accepted; /* for --strict: only open warnings fail */
	/* submissions that replaced another in this run (what changed), each
	 * with the newest submission whose superseded_by names it: the one it
	 * replaced, or one recorded later that stays behind it (not current) */
	struct replacing {
		long long id, replaced;
	} *replacing;
	int nreplacing;
	size_t replacing_cap;
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
	if (reg_batch_begin(c->reg, err) || reg_record(c->reg, r, when, &oc, &superseded, err))
		return -1;
	long long id = c->reg->last_id; /* the file's submission, new or already there */
	int accepted = 0;
	/* a submission just recorded without warnings has no accepted one */
	int fresh = oc != REG_DUPLICATE && oc != REG_DUPLICATE_NOT_CURRENT;
	if ((!fresh || r->warnings) && regf_accepted_count(c->reg, id, &accepted, err))
		return -1;
	c->warnings += r->warnings;
	c->accepted += accepted;
	if (superseded && oc == REG_NEW) {
		c->replacing = xgrow(c->replacing, &c->replacing_cap, (size_t)c->nreplacing + 1, sizeof *c->replacing);
		c->replacing[c->nreplacing++] = (struct replacing){id, superseded};
	} else if (oc == REG_NEW_NOT_CURRENT) {
		/* recorded behind `superseded`, whose superseded_by it now is */
		for (int i = c->nreplacing - 1; i >= 0; i--)
			if (c->replacing[i].id == superseded) {
				c->replacing[i].replaced = id;
				break;
			}
	}
	/* recorded in the open batch, not yet committed: a test may kill the
	 * process here; the batch is then lost and none of it was shown */
	fault_point("register-in-batch", &c->in_batch);
	*note = note_text(c->reg, oc, superseded, c->lang, c->json, c->note, sizeof c->note);
	return 0;
}

/* batch_commit: the files recorded since the last commit become durable. */
static int commit_batch(void *ctx, strbuf *err)
{
	struct record_ctx *c = ctx;
	int lost;
	if (reg_batch_commit(c->reg, &lost, err) == 0)
		return 0;
	if (lost)
		sb_printf(err, c->lang == LANG_SV ? "%sde %d senast kontrollerade filerna registrerades inte (de visas inte "
		                                    "ovan): registrera dem igen"
		                                  : "%sthe last %d files checked were not recorded (they are not shown "
		                                    "above): register them again",
		          err->len ? "; " : "", lost);
	return -1;
}

/* batch_committed: n files are committed and shown; a test may kill the
 * process after any of them (GRANTCHECK_FAULT=register-recorded:N:9). */
static void batch_shown(void *ctx, int n)
{
	struct record_ctx *c = ctx;
	for (int i = 0; i < n; i++)
		fault_point("register-recorded", &c->recorded);
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

/* An input that is the register itself (or its -wal, -shm, -journal file,
 * through any link) would be read while it is written: refused before
 * anything is recorded. */
static int refuse_register_as_input(struct cmd_ctx *c)
{
	static const char *const sfx[] = {"", "-wal", "-shm", "-journal"};
	enum { NSFX = sizeof sfx / sizeof sfx[0] };
	struct stat in, db[NSFX];
	int have[NSFX];
	strbuf p = {0};
	/* the register's files are looked at once, not once per input */
	for (size_t k = 0; k < NSFX; k++) {
		sb_reset(&p);
		sb_printf(&p, "%s%s", c->reg->path, sfx[k]);
		have[k] = stat(p.s, &db[k]) == 0;
	}
	int nprev = c->args.nmany[OPT_PREVIOUS];
	for (int i = 0; i < c->nfiles + nprev; i++) {
		const char *file = i < c->nfiles ? c->files[i] : c->args.many[OPT_PREVIOUS][i - c->nfiles];
		if (strcmp(file, "-") == 0 || stat(file, &in) != 0)
			continue;
		for (size_t k = 0; k < NSFX; k++) {
			if (have[k] && db[k].st_dev == in.st_dev && db[k].st_ino == in.st_ino) {
				sb_reset(&p);
				sb_printf(&p, "%s%s", c->reg->path, sfx[k]);
				const char *fmt = c->lang == LANG_SV
				        ? "%s är samma fil som %s, som registret skrivs i; den kan inte läsas som "
				          "en redovisning; ingenting registrerades"
				        : "%s is the same file as %s, which the register is written to; it "
				          "cannot be read as a statement; nothing was recorded";
				sb_printf(&c->err, fmt, file, p.s);
				sb_free(&p);
				return -1;
			}
		}
	}
	sb_free(&p);
	return 0;
}

int cmd_register(struct cmd_ctx *c)
{
	if (refuse_register_as_input(c))
		return EXIT_TROUBLE;
	struct check_opts o;
	cmd_check_opts(c, &o);
	/* --strict is decided here: an accepted warning does not fail it */
	int strict = o.strict;
	o.strict = 0;
	struct record_ctx rec = {.reg = c->reg, .lang = o.lang, .json = o.json};
	struct run run = {.engine = c->engine, .opts = &o, .fallback = reg_prev_provider, .fallback_ctx = c->reg,
	                  .hook = record, .hook_ctx = &rec, .commit = commit_batch, .committed = batch_shown,
	                  .prepare = regf_prepare_hook, .spares = c->spares};
	engine_set_fingerprints(c->engine, 1);
	engine_set_keep_content(c->engine, REGF_KEEP_MAX);
	int status = run_files(&run, "register", c->files, c->nfiles);
	if (status == EXIT_VALID && strict && rec.warnings > rec.accepted)
		status = EXIT_INVALID;
	/* the closing part (what changed, G8) reads the register in one read
	 * transaction: one moment of it, and one WAL read lock instead of one
	 * per query (thousands of fcntl calls after a large batch) */
	if (status != EXIT_TROUBLE && !o.json && reg_read_begin(c->reg, &c->err))
		status = EXIT_TROUBLE;
	/* what changed in each submission that replaced another */
	for (int i = 0; status != EXIT_TROUBLE && !o.json && i < rec.nreplacing; i++) {
		struct regf_diff d;
		if (regf_diff_replaced(c->reg, rec.replacing[i].id, rec.replacing[i].replaced, &d, &c->err)) {
			status = EXIT_TROUBLE;
			break;
		}
		fputs(i ? "" : (o.lang == LANG_SV ? "\nÄndringar mot den ersatta inlämningen:\n"
		                                  : "\nChanges since the replaced submission:\n"), stdout);
		text_diff(stdout, o.lang, &d);
		regf_diff_free(&d);
	}
	free(rec.replacing);
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
	reg_read_end(c->reg);
	return status;
}
