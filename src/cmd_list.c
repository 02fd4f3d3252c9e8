/*
 * cmd_list.c - `grantcheck list`: the current submission of every RCC and
 * year in the register, with status and counts (and, with --history, the
 * submissions they replaced), followed by the register-level findings (G8).
 * The register (opened read-only by commands.c) gives the rows as structs;
 * the text and JSON writers print them.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "output.h"
#include "register.h"

int cmd_list(struct cmd_ctx *c)
{
	int year = c->args.val[OPT_YEAR] ? cli_year(c->args.val[OPT_YEAR]) : 0;
	int history = c->args.given[OPT_HISTORY] > 0;
	int json = c->args.val[OPT_FORMAT] && strcmp(c->args.val[OPT_FORMAT], "json") == 0;
	/* --format html is refused by the parser (list_opts in commands.c) */
	struct reg *reg = c->reg; /* set up and closed by commands.c */
	struct reg_submission *subs = NULL;
	struct file_result rr = {0};
	int nsubs = 0, status = EXIT_TROUBLE;
	if (reg_list(reg, year, history, &subs, &nsubs, &c->err) || reg_check_register(reg, c->engine, &rr, &c->err))
		goto out;
	if (json)
		json_list(stdout, c->lang, reg->path, subs, nsubs, year, &rr);
	else
		text_list(stdout, c->lang, reg->path, subs, nsubs, year, &rr);
	status = EXIT_VALID;
out:
	file_result_free(&rr);
	reg_submissions_free(subs, nsubs);
	return status;
}
