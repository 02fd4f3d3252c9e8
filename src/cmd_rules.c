/*
 * cmd_rules.c - `grantcheck rules` (the rules with id, severity and title)
 * and `grantcheck explain RULE-ID` (what a rule checks and how to fix it,
 * in Swedish and English).
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "engine.h"

/* The --programme asked for must be installed; 0, or -1 with c->err. */
static int check_programme(struct cmd_ctx *c)
{
	const char *id = c->args.val[OPT_PROGRAMME];
	struct engine *e = c->engine;
	if (id && !rulesets_find(engine_rulesets(e), id)) {
		sb_printf(&c->err, c->lang == LANG_SV ? "ingen regeluppsättning \"%s\" är installerad i %s"
		                                      : "no rule set \"%s\" is installed in %s", id, engine_rulesets(e)->root);
		return -1;
	}
	return 0;
}

static void print_rule_line(const struct rule *r, enum lang l)
{
	printf("  %-4s %-8s %s\n", r->id, severity_name(r->severity), r->title[l]);
}

int cmd_rules(struct cmd_ctx *c)
{
	if (check_programme(c))
		return EXIT_TROUBLE;
	struct engine *e = c->engine;
	const char *programme = c->args.val[OPT_PROGRAMME];
	enum lang lang = c->lang;
	int sv = lang == LANG_SV;
	for (int s = 0; s < engine_rulesets(e)->n; s++) {
		const struct ruleset *set = &engine_rulesets(e)->sets[s];
		if (programme && strcmp(set->id, programme) != 0)
			continue;
		printf("%s — %s (%s, %s %.12s…)\n", set->id, set->title[lang], set->dir,
		       sv ? "kontrollsumma" : "checksum", set->checksum);
		for (int i = 0; i < BUILTIN_COUNT; i++)
			print_rule_line(&engine_builtins(e)[i], lang);
		for (int i = 0; i < set->nrules; i++)
			print_rule_line(&set->rules[i], lang);
	}
	return EXIT_VALID;
}

int cmd_explain(struct cmd_ctx *c)
{
	if (check_programme(c))
		return EXIT_TROUBLE;
	struct engine *e = c->engine;
	const char *programme = c->args.val[OPT_PROGRAMME];
	/* rule ids are upper case; a person may type them in either case */
	char id[32];
	snprintf(id, sizeof id, "%s", c->args.operands[0]);
	for (char *p = id; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	const struct rule *r = engine_builtin(e, id);
	const struct ruleset *where = NULL;
	for (int s = 0; !r && s < engine_rulesets(e)->n; s++) {
		if (programme && strcmp(engine_rulesets(e)->sets[s].id, programme) != 0)
			continue;
		r = ruleset_rule(&engine_rulesets(e)->sets[s], id);
		where = &engine_rulesets(e)->sets[s];
	}
	if (!r) {
		sb_printf(&c->err, c->lang == LANG_SV ? "det finns ingen regel \"%s\"; 'grantcheck rules' visar dem"
		                                      : "there is no rule \"%s\"; 'grantcheck rules' lists them",
		          c->args.operands[0]);
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
	return EXIT_VALID;
}
