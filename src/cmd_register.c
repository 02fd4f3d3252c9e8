/*
 * cmd_register.c - `grantcheck register`: validate exactly as check does and
 * record every file in the register (register.c), one transaction per file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "output.h"
#include "register.h"
#include "runner.h"

struct record_ctx {
	struct reg *reg;
	enum lang lang;
	int json;
	char note[160];
};

static const char *note_text(enum reg_outcome oc, long long superseded, enum lang l, int json, char *buf, size_t n);

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

/* An input that is the register itself (or its -wal, -shm, -journal file,
 * through any link) would be read while it is written: refused before
 * anything is recorded. */
static int refuse_register_as_input(struct cmd_ctx *c)
{
	static const char *const sfx[] = {"", "-wal", "-shm", "-journal"};
	struct stat in, db;
	strbuf p = {0};
	int nprev = c->args.nmany[OPT_PREVIOUS];
	for (int i = 0; i < c->nfiles + nprev; i++) {
		const char *file = i < c->nfiles ? c->files[i] : c->args.many[OPT_PREVIOUS][i - c->nfiles];
		if (strcmp(file, "-") == 0 || stat(file, &in) != 0)
			continue;
		for (size_t k = 0; k < sizeof sfx / sizeof sfx[0]; k++) {
			sb_reset(&p);
			sb_printf(&p, "%s%s", c->reg->path, sfx[k]);
			if (stat(p.s, &db) == 0 && db.st_dev == in.st_dev && db.st_ino == in.st_ino) {
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
	struct record_ctx rec = {c->reg, o.lang, o.json, ""};
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
