/*
 * cmd_backup.c - `grantcheck backup --db REG OUT`: a consistent copy of the
 * register while others may be registering. SQLite's online backup API
 * (register_verify.c) copies it in steps into a temporary file beside OUT
 * (atomic.c: never the register, its -wal/-shm/-journal or a link to them;
 * removed on failure and on SIGINT, SIGTERM, SIGHUP), the copy is checked
 * with integrity_check, then renamed to OUT. OUT is complete or as it was.
 */
#include <stdio.h>
#include <string.h>

#include "atomic.h"
#include "cli.h"
#include "commands.h"
#include "fault.h"
#include "output.h"
#include "register.h"
#include "register_verify.h"

int cmd_backup(struct cmd_ctx *c)
{
	const char *out = c->args.operands[0];
	struct atomic_protect protect = {0};
	struct atomic_file af;
	long long n = 0;
	unsigned fault = 0;
	int status = EXIT_TROUBLE;
	if (strcmp(out, "-") == 0) { /* a database cannot be streamed: a file named "-" would surprise */
		sb_printf(&c->err,
		          c->lang == LANG_SV ? "kopian skrivs till en fil, inte till standard ut; ange filens namn"
		                             : "the copy is written to a file, not to standard output; give its name");
		goto out;
	}
	atomic_protect_db(&protect, c->reg->path);
	if (atomic_open(&af, out, &protect, c->lang, &c->err))
		goto out;
	if (reg_backup(c->reg, af.tmp, &n, &c->err)) {
		atomic_abort(&af);
		goto out;
	}
	/* test-only: a signal just before the rename (GRANTCHECK_FAULT=backup-before-rename:1:SIG) */
	if (fault_point("backup-before-rename", &fault)) {
		sb_printf(&c->err, "%s: injected fault (GRANTCHECK_FAULT=backup-before-rename)", out);
		atomic_abort(&af);
		goto out;
	}
	if (atomic_commit(&af, &c->err))
		goto out;
	strbuf a = {0}, b = {0};
	printf(c->lang == LANG_SV ? "%s: säkerhetskopia av %s med %lld inlämningar; integrity_check ok\n"
	                          : "%s: backup of %s with %lld submissions; integrity_check ok\n",
	       term_text(&a, out), term_text(&b, c->reg->path), n);
	sb_free(&a);
	sb_free(&b);
	status = EXIT_VALID;
out:
	atomic_protect_free(&protect);
	return status;
}
