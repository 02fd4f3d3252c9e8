/*
 * cmd_check.c - `grantcheck check`: validate statements; nothing is stored.
 */
#include <stdio.h>

#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "runner.h"

int cmd_check(struct cmd_ctx *c)
{
	struct check_opts o;
	cmd_check_opts(c, &o);
	struct run run = {.engine = c->engine, .opts = &o, .spares = c->spares};
	engine_set_figures(c->engine, 0); /* shown nowhere */
	return run_files(&run, "check", c->files, c->nfiles);
}
