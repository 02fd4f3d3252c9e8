/*
 * cmd_list.c - `grantcheck list`: the current submission of every RCC and
 * year in the register, with status and counts (and, with --history, the
 * submissions they replaced), followed by the register-level findings (G8).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "output.h"
#include "register.h"

struct list_opts {
	const char *db, *rules;
	int year, history, json;
	enum lang lang;
};

static int parse(int argc, char **argv, struct list_opts *o)
{
	enum { O_DB = 256, O_YEAR, O_HISTORY, O_FORMAT, O_LANG, O_RULES, O_HELP };
	static const struct option opts[] = {
		{"db", required_argument, NULL, O_DB},        {"year", required_argument, NULL, O_YEAR},
		{"history", no_argument, NULL, O_HISTORY},    {"format", required_argument, NULL, O_FORMAT},
		{"lang", required_argument, NULL, O_LANG},    {"rules", required_argument, NULL, O_RULES},
		{"help", no_argument, NULL, O_HELP},          {NULL, 0, NULL, 0}};
	memset(o, 0, sizeof *o);
	o->lang = lang_from_env();
	optind = 1;
	opterr = 0;
	int c;
	char *end;
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (c) {
		case O_DB:
			o->db = optarg;
			break;
		case O_YEAR:
			o->year = (int)strtol(optarg, &end, 10);
			if (*end || o->year < 1000 || o->year > 9999)
				return usage_error("list", "--year must be a year like 2014, not '%s'", optarg);
			break;
		case O_HISTORY:
			o->history = 1;
			break;
		case O_FORMAT:
			if (strcmp(optarg, "text") && strcmp(optarg, "json"))
				return usage_error("list", "--format must be text or json, not '%s'", optarg);
			o->json = strcmp(optarg, "json") == 0;
			break;
		case O_LANG:
			if (lang_parse(optarg, &o->lang))
				return usage_error("list", "--lang must be sv or en, not '%s'", optarg);
			break;
		case O_RULES:
			o->rules = optarg;
			break;
		case O_HELP:
			cmd_help_for("list");
			return -1;
		default:
			return usage_error("list", "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error("list", "takes no file arguments");
	return 0;
}

int cmd_list(int argc, char **argv)
{
	struct list_opts o;
	int rc = parse(argc, argv, &o);
	if (rc)
		return rc < 0 ? EXIT_VALID : rc;
	strbuf err = {0}, scratch = {0};
	struct reg reg;
	struct engine *e = NULL;
	struct reg_submission *subs = NULL;
	struct file_result rr = {0};
	int nsubs = 0, status = EXIT_TROUBLE;
	char today[11];
	today_local(today);
	if (reg_open_readonly(&reg, default_db(o.db), &err))
		goto fail;
	if (!(e = engine_open(rules_dir(o.rules, &scratch), today, &err)))
		goto fail;
	if (reg_list(&reg, o.year, o.history, &subs, &nsubs, &err) || reg_check_register(&reg, e, &rr, &err))
		goto fail;
	if (o.json)
		json_list(stdout, o.lang, reg.path, subs, nsubs, o.year, &rr);
	else
		text_list(stdout, o.lang, reg.path, subs, nsubs, o.year, &rr);
	status = fflush(stdout) == 0 && !ferror(stdout) ? EXIT_VALID : EXIT_TROUBLE;
	goto out;
fail:
	term_error("list", sb_str(&err));
out:
	file_result_free(&rr);
	reg_submissions_free(subs, nsubs);
	engine_close(e);
	reg_close(&reg);
	sb_free(&err);
	sb_free(&scratch);
	return status;
}
