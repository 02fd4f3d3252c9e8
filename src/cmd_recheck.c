/*
 * cmd_recheck.c - `grantcheck recheck --db REG [--rules DIR] [--year Y]
 * [--today DATE] [--format text|json]`: a rule-set dry run. Runs the rules
 * (typically a new rule folder) over every current statement as stored in
 * the register (its original bytes, SHA-256 checked) and reports, per
 * submission, which verdicts and findings would change (by fingerprint).
 * The register is opened read-only (commands.c) and never written; one
 * statement is in memory at a time, whatever the register's size.
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

struct recheck_out {
	FILE *fp;
	enum lang l;
	int json;
	int nchanged, nsame, nmissing, nout;
	strbuf b;
};

static void head(struct recheck_out *o, const struct regf_current *cur)
{
	if (o->json) {
		fprintf(o->fp, "%s\n    {\"id\": %lld, \"rcc\": ", o->nout++ ? "," : "", cur->id);
		if (cur->rcc)
			json_string(o->fp, cur->rcc);
		else
			fputs("null", o->fp);
		fprintf(o->fp, ", \"year\": %d", cur->year);
		return;
	}
	fprintf(o->fp, "#%lld ", cur->id);
	fputs(term_text(&o->b, cur->rcc ? cur->rcc : "?"), o->fp);
	fprintf(o->fp, " %d", cur->year);
}

/* One finding that would appear (+) or go (-). */
static void line(struct recheck_out *o, int first, char sign, const char *sev, const char *rule, const char *xpath,
                 const char *msg)
{
	if (o->json) {
		fputs(first ? "\n      {\"rule\": " : ",\n      {\"rule\": ", o->fp);
		json_string(o->fp, rule);
		fputs(", \"severity\": ", o->fp);
		json_string(o->fp, sev);
		fputs(", \"xpath\": ", o->fp);
		json_string(o->fp, xpath ? xpath : "/");
		fputs(", \"message\": ", o->fp);
		json_string(o->fp, msg ? msg : "");
		fputc('}', o->fp);
		return;
	}
	fprintf(o->fp, "  %c %s[%s] ", sign, sev, rule);
	fprintf(o->fp, "%s: ", term_text(&o->b, xpath ? xpath : "/"));
	fprintf(o->fp, "%s\n", term_text(&o->b, msg ? msg : ""));
}

/* Compares the stored findings with the new ones (as multisets of
 * fingerprints) and prints the submission when anything differs. */
static void compare(struct recheck_out *o, const struct regf_current *cur, const struct regf_item *old, int nold,
                    const struct file_result *res)
{
	const char *status = res->errors ? "invalid" : res->warnings ? "warnings" : "valid";
	char *used = xcalloc((size_t)nold + 1, 1);
	char *fresh = xcalloc((size_t)res->nfindings + 1, 1);
	int nnew = 0, ngone = 0;
	for (int i = 0; i < res->nfindings; i++) {
		int hit = 0;
		for (int k = 0; k < nold && !hit; k++)
			if (!used[k] && old[k].fingerprint && strcmp(old[k].fingerprint, res->findings[i].fingerprint) == 0)
				used[k] = hit = 1;
		fresh[i] = !hit;
		nnew += !hit;
	}
	for (int k = 0; k < nold; k++)
		ngone += !used[k];
	int verdict = strcmp(status, cur->status) != 0;
	if (!nnew && !ngone && !verdict) {
		o->nsame++;
		free(used);
		free(fresh);
		return;
	}
	o->nchanged++;
	head(o, cur);
	if (o->json) {
		fprintf(o->fp, ", \"status\": \"%s\", \"new_status\": \"%s\", \"new\": [", cur->status, status);
	} else {
		fprintf(o->fp, ": %s", text_status_word(cur->status, o->l));
		if (verdict)
			fprintf(o->fp, " -> %s", text_status_word(status, o->l));
		else
			fputs(o->l == LANG_SV ? " (oförändrat)" : " (unchanged)", o->fp);
		fprintf(o->fp, o->l == LANG_SV ? "; %d nya, %d borta\n" : "; %d new, %d gone\n", nnew, ngone);
	}
	int first = 1;
	for (int i = 0; i < res->nfindings; i++)
		if (fresh[i]) {
			const struct finding *f = &res->findings[i];
			line(o, first, '+', severity_name(f->severity), f->rule->id, f->xpath, f->msg[o->l]);
			first = 0;
		}
	if (o->json)
		fputs(first ? "], \"gone\": [" : "\n    ], \"gone\": [", o->fp);
	int firstg = 1;
	for (int k = 0; k < nold; k++)
		if (!used[k]) {
			line(o, firstg, '-', old[k].severity, old[k].rule, old[k].xpath, old[k].msg[o->l]);
			firstg = 0;
		}
	if (o->json)
		fputs(firstg ? "]}" : "\n    ]}", o->fp);
	free(used);
	free(fresh);
}

int cmd_recheck(struct cmd_ctx *c)
{
	int year = c->args.val[OPT_YEAR] ? cli_year(c->args.val[OPT_YEAR]) : 0;
	struct recheck_out o = {stdout, c->lang, c->args.val[OPT_FORMAT] && strcmp(c->args.val[OPT_FORMAT], "json") == 0,
	                        0, 0, 0, 0, {0}};
	int sv = c->lang == LANG_SV;
	strbuf scratch = {0};
	const char *dir = rules_dir(c->args.val[OPT_RULES], &scratch);
	engine_set_fingerprints(c->engine, 1);
	engine_set_figures(c->engine, 0); /* only findings are compared */
	engine_set_previous(c->engine, reg_prev_provider, c->reg);
	if (o.json) {
		fputs("{\n  \"tool\": \"grantcheck\",\n  \"version\": \"" GRANTCHECK_VERSION "\",\n  \"register\": ", stdout);
		json_string(stdout, c->reg->path);
		fputs(",\n  \"rules\": ", stdout);
		json_string(stdout, dir);
		fputs(",\n  \"changed\": [", stdout);
	}
	int status = EXIT_TROUBLE;
	long long after = 0;
	strbuf missing = {0};
	for (;;) {
		struct regf_current cur;
		int more = regf_next_current(c->reg, year, after, &cur, &c->err);
		if (more <= 0) {
			if (more == 0)
				status = EXIT_VALID;
			break;
		}
		after = cur.id;
		char *data;
		size_t n;
		int got = regf_load_content(c->reg, cur.id, &data, &n, &c->err);
		if (got < 0) {
			regf_current_free(&cur);
			break;
		}
		if (!got) {
			o.nmissing++;
			if (o.json) {
				sb_printf(&missing, "%s%lld", missing.len ? ", " : "", cur.id);
			} else {
				head(&o, &cur);
				fputs(sv ? ": innehållet är inte sparat (registrerad före version 2 eller från standard in); "
				           "registrera filen på nytt för att kunna pröva den\n"
				         : ": content not stored (registered before version 2 or from standard input); register "
				           "the file again to recheck it\n",
				      stdout);
			}
			regf_current_free(&cur);
			continue;
		}
		struct file_result res;
		struct regf_item *old = NULL;
		int nold = 0;
		int rc = engine_check_mem(c->engine, cur.path ? cur.path : "", data, n, &res, &c->err);
		free(data);
		if (rc == 0)
			rc = regf_findings(c->reg, cur.id, &old, &nold, &c->err);
		if (rc == 0)
			compare(&o, &cur, old, nold, &res);
		regf_items_free(old, nold);
		file_result_free(&res);
		regf_current_free(&cur);
		if (rc)
			break;
	}
	engine_set_previous(c->engine, NULL, NULL);
	if (status == EXIT_VALID) {
		if (o.json) {
			fprintf(stdout, "%s],\n  \"unchanged\": %d,\n  \"content_not_stored\": [%s]\n}\n", o.nout ? "\n  " : "",
			        o.nsame, sb_str(&missing));
		} else if (sv) {
			printf("%d %s skulle ändras, %d oförändrade%s", o.nchanged,
			       o.nchanged == 1 ? "inlämning" : "inlämningar", o.nsame, o.nmissing ? "" : "\n");
			if (o.nmissing)
				printf(", %d utan sparat innehåll\n", o.nmissing);
		} else {
			printf("%d %s would change, %d unchanged%s", o.nchanged, o.nchanged == 1 ? "submission" : "submissions",
			       o.nsame, o.nmissing ? "" : "\n");
			if (o.nmissing)
				printf(", %d without stored content\n", o.nmissing);
		}
		if (o.nchanged)
			status = EXIT_INVALID;
	}
	sb_free(&missing);
	sb_free(&o.b);
	sb_free(&scratch);
	return status;
}
