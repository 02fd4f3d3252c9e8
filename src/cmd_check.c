/*
 * cmd_check.c - `grantcheck check`: validate statements; nothing is stored.
 */
#include <stdio.h>

#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "output.h"
#include "runner.h"

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
	int nfiles = 0, status = EXIT_TROUBLE;
	char **files = collect_files(o.args, o.nargs, &nfiles, &err);
	struct engine *e = NULL;
	if ((!files && err.len) || !(e = engine_open(rules_dir(o.rules, &scratch), o.today, &err))) {
		term_error("check", err.s);
	} else {
		struct run run = {e, &o, NULL, NULL, NULL, NULL};
		status = run_files(&run, "check", files, nfiles);
		engine_close(e);
	}
	free_files(files, nfiles);
	sb_free(&err);
	sb_free(&scratch);
	check_opts_free(&o);
	return status;
}
