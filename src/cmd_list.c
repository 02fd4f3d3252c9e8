/*
 * cmd_list.c - `grantcheck list`: the current submission of every RCC and
 * year in the register, with status and counts (and, with --history, the
 * submissions they replaced), followed by the register-level findings (G8).
 * The register (opened read-only by commands.c) gives the rows as structs;
 * the text and JSON writers print them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "output.h"
#include "register.h"
#include "register_findings.h"

/* `list --diff ID`: what changed in one submission. */
static int list_diff(struct cmd_ctx *c, int json)
{
	long long id = atoll(c->args.val[OPT_DIFF]);
	struct regf_diff d;
	int rc = regf_diff(c->reg, id, &d, &c->err);
	if (rc == 1)
		sb_printf(&c->err, c->lang == LANG_SV ? "%s: det finns ingen inlämning #%lld; 'grantcheck list --history' "
		                                        "visar dem"
		                                      : "%s: there is no submission #%lld; 'grantcheck list --history' shows "
		                                        "them",
		          c->reg->path, id);
	if (rc)
		return EXIT_TROUBLE;
	if (json)
		json_diff(stdout, c->lang, c->reg->path, &d);
	else
		text_diff(stdout, c->lang, &d);
	regf_diff_free(&d);
	return EXIT_VALID;
}

/* The accepted warnings of the listed submissions, apart from the open ones. */
static int list_accepted(struct cmd_ctx *c, const struct reg_submission *subs, int n)
{
	int any = 0;
	for (int i = 0; i < n; i++) {
		if (!subs[i].accepted)
			continue;
		if (!any++)
			fputs(c->lang == LANG_SV ? "\nGodtagna varningar:\n" : "\nAccepted warnings:\n", stdout);
		struct regf_item *it;
		int k;
		if (regf_findings(c->reg, subs[i].id, &it, &k, &c->err))
			return -1;
		text_accepted(stdout, c->lang, &subs[i], it, k);
		regf_items_free(it, k);
	}
	return 0;
}

int cmd_list(struct cmd_ctx *c)
{
	int year = c->args.val[OPT_YEAR] ? cli_year(c->args.val[OPT_YEAR]) : 0;
	int history = c->args.given[OPT_HISTORY] > 0;
	int json = c->args.val[OPT_FORMAT] && strcmp(c->args.val[OPT_FORMAT], "json") == 0;
	struct reg *reg = c->reg; /* set up and closed by commands.c */
	struct reg_submission *subs = NULL;
	struct file_result rr = {0};
	int nsubs = 0, status = EXIT_TROUBLE;
	if (c->args.val[OPT_DIFF])
		return list_diff(c, json);
	if (reg_list(reg, year, history, &subs, &nsubs, &c->err) || regf_count_accepted(reg, subs, nsubs, &c->err) ||
	    reg_check_register(reg, c->engine, &rr, &c->err))
		goto out;
	if (json)
		json_list(stdout, c->lang, reg->path, subs, nsubs, year, &rr);
	else
		text_list(stdout, c->lang, reg->path, subs, nsubs, year, &rr);
	if (!json && list_accepted(c, subs, nsubs))
		goto out;
	status = EXIT_VALID;
out:
	file_result_free(&rr);
	reg_submissions_free(subs, nsubs);
	return status;
}
