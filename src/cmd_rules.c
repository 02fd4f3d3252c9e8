/*
 * cmd_rules.c - `grantcheck rules` (the rules with id, severity and title)
 * and `grantcheck explain RULE-ID` (what a rule checks and how to fix it,
 * in Swedish and English).
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "engine.h"

struct rules_opts {
	const char *rules, *programme;
	enum lang lang;
	char **args;
	int nargs;
};

static int parse(int argc, char **argv, const char *cmd, struct rules_opts *o)
{
	enum { O_RULES = 256, O_PROGRAMME, O_LANG, O_HELP };
	static const struct option opts[] = {{"rules", required_argument, NULL, O_RULES},
	                                     {"programme", required_argument, NULL, O_PROGRAMME},
	                                     {"lang", required_argument, NULL, O_LANG},
	                                     {"help", no_argument, NULL, O_HELP},
	                                     {NULL, 0, NULL, 0}};
	memset(o, 0, sizeof *o);
	o->lang = lang_from_env();
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		switch (c) {
		case O_RULES:
			o->rules = optarg;
			break;
		case O_PROGRAMME:
			o->programme = optarg;
			break;
		case O_LANG:
			if (lang_parse(optarg, &o->lang))
				return usage_error(cmd, "--lang must be sv or en, not '%s'", optarg);
			break;
		case O_HELP:
			cmd_help_for(cmd);
			return -1;
		default:
			return usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
		}
	}
	o->args = argv + optind;
	o->nargs = argc - optind;
	return 0;
}

/* Opens the engine (rule sets) for listing into *e; 0 or an exit status. */
static int open_sets(struct engine **e, const struct rules_opts *o, const char *cmd)
{
	strbuf err = {0}, scratch = {0};
	char today[11];
	today_local(today);
	*e = engine_open(rules_dir(o->rules, &scratch), today, &err);
	if (!*e)
		fprintf(stderr, "grantcheck %s: %s\n", cmd, err.s);
	sb_free(&err);
	sb_free(&scratch);
	if (!*e)
		return EXIT_TROUBLE;
	const struct rulesets *sets = engine_rulesets(*e);
	if (o->programme && !rulesets_find(sets, o->programme)) {
		fprintf(stderr, "grantcheck %s: no rule set \"%s\" is installed in %s\n", cmd, o->programme, sets->root);
		engine_close(*e);
		return EXIT_TROUBLE;
	}
	return 0;
}

static void print_rule_line(const struct rule *r, enum lang l)
{
	printf("  %-4s %-8s %s\n", r->id, severity_name(r->severity), r->title[l]);
}

int cmd_rules(int argc, char **argv)
{
	struct rules_opts o;
	int rc = parse(argc, argv, "rules", &o);
	if (rc)
		return rc < 0 ? EXIT_VALID : rc;
	if (o.nargs)
		return usage_error("rules", "takes no arguments (use --programme ID)");
	struct engine *e;
	if ((rc = open_sets(&e, &o, "rules")))
		return rc;
	int sv = o.lang == LANG_SV;
	const struct rulesets *sets = engine_rulesets(e);
	for (int s = 0; s < sets->n; s++) {
		const struct ruleset *set = &sets->sets[s];
		if (o.programme && strcmp(set->id, o.programme) != 0)
			continue;
		printf("%s — %s (%s, %s %.12s…)\n", set->id, set->title[o.lang], set->dir,
		       sv ? "kontrollsumma" : "checksum", set->checksum);
		for (int i = 0; i < BUILTIN_COUNT; i++)
			print_rule_line(&engine_builtins(e)[i], o.lang);
		for (int i = 0; i < set->nrules; i++)
			print_rule_line(&set->rules[i], o.lang);
	}
	engine_close(e);
	return EXIT_VALID;
}

int cmd_explain(int argc, char **argv)
{
	struct rules_opts o;
	int rc = parse(argc, argv, "explain", &o);
	if (rc)
		return rc < 0 ? EXIT_VALID : rc;
	if (o.nargs != 1)
		return usage_error("explain", "give exactly one RULE-ID, e.g. 'grantcheck explain A1'");
	struct engine *e;
	if ((rc = open_sets(&e, &o, "explain")))
		return rc;
	const char *id = o.args[0];
	const struct rule *r = engine_builtin(e, id);
	const struct ruleset *where = NULL;
	const struct rulesets *sets = engine_rulesets(e);
	for (int s = 0; !r && s < sets->n; s++) {
		if (o.programme && strcmp(sets->sets[s].id, o.programme) != 0)
			continue;
		r = ruleset_rule(&sets->sets[s], id);
		where = &sets->sets[s];
	}
	if (!r) {
		fprintf(stderr, "grantcheck explain: there is no rule \"%s\"; 'grantcheck rules' lists them\n", id);
		engine_close(e);
		return EXIT_TROUBLE;
	}
	/* no file path: the reader is an administrator, not the rule set's author */
	static const char *const sev_sv[] = {[SEV_ERROR] = "fel", [SEV_WARNING] = "varning", [SEV_INFO] = "notering"};
	printf("%s — %s (%s) — %s\n", r->id, sev_sv[r->severity], severity_name(r->severity),
	       where ? where->id : "inbyggd / built in");
	printf("\nSvenska: %s\n%s\n", r->title[LANG_SV], r->explain[LANG_SV]);
	if (r->fix[LANG_SV])
		printf("\nSå rättar du: %s\n", r->fix[LANG_SV]);
	printf("\nEnglish: %s\n%s\n", r->title[LANG_EN], r->explain[LANG_EN]);
	if (r->fix[LANG_EN])
		printf("\nHow to fix: %s\n", r->fix[LANG_EN]);
	engine_close(e);
	return EXIT_VALID;
}
