/*
 * cmd_list.c - `grantcheck list`: the current submission of every RCC and
 * year in the register, with status and counts, a "missing" row for every
 * RCC of the rule set with no current statement for a year (due date and
 * days late by --today), unidentified submissions apart (and, with
 * --history, the submissions replaced or withdrawn), followed by the
 * register-level findings (G8); --missing shows only the missing rows,
 * --events the audit trail. The register (opened read-only by commands.c)
 * gives the rows as structs; the text and JSON writers print them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "output.h"
#include "register.h"
#include "ruleset.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static long days_between(const char *from, const char *to)
{
	int y1, m1, d1, y2, m2, d2;
	if (!date_parse(from, &y1, &m1, &d1) || !date_parse(to, &y2, &m2, &d2))
		return 0;
	return days_from_civil(y2, m2, d2) - days_from_civil(y1, m1, d1);
}

static int has_current(const struct reg_submission *s, int n, const char *programme, const char *rcc, int year)
{
	for (int i = 0; i < n; i++)
		if (s[i].current && s[i].identified && s[i].year == year && s[i].rcc && strcmp(s[i].rcc, rcc) == 0 &&
		    (!s[i].programme || strcmp(s[i].programme, programme) == 0))
			return 1;
	return 0;
}

static int year_in_register(const struct reg_submission *s, int n, const char *programme, int year)
{
	for (int i = 0; i < n; i++)
		if (s[i].identified && s[i].year == year && s[i].programme && strcmp(s[i].programme, programme) == 0)
			return 1;
	return 0;
}

/* The RCCs of every rule set without a current statement, for the years
 * of that rule set that the register holds statements of (or --year),
 * in the order of the rule set's years.tsv and RCC list. */
static struct list_missing *find_missing(const struct rulesets *rs, const struct reg_submission *s, int n, int year,
                                         const char *today, int *nmiss)
{
	struct list_missing *out = NULL;
	*nmiss = 0;
	for (int k = 0; k < rs->n; k++) {
		const struct ruleset *set = &rs->sets[k];
		for (int y = 0; y < set->nyears; y++) {
			const struct rs_year *ry = &set->years[y];
			if (year ? ry->year != year : !year_in_register(s, n, set->id, ry->year))
				continue;
			for (int c = 0; c < set->ncodes; c++) {
				const struct rs_code *code = &set->codes[c];
				if (strcmp(code->list, "rcc") != 0 || has_current(s, n, set->id, code->code, ry->year))
					continue;
				out = xrealloc(out, sizeof *out * (size_t)(*nmiss + 1));
				struct list_missing *m = &out[(*nmiss)++];
				memset(m, 0, sizeof *m);
				m->rcc = code->code;
				for (int l = 0; l < LANG_COUNT; l++)
					m->name[l] = code->label[l] ? code->label[l] : code->code;
				m->year = ry->year;
				snprintf(m->due, sizeof m->due, "%s", ry->due);
				m->days_late = m->due[0] ? days_between(m->due, today) : 0;
			}
		}
	}
	return out;
}

static int list_events(struct cmd_ctx *c, int year, int json)
{
	struct reg_event *ev = NULL;
	int n = 0;
	if (reg_events(c->reg, year, &ev, &n, &c->err))
		return EXIT_TROUBLE;
	if (json)
		json_events(stdout, c->reg->path, ev, n);
	else
		text_events(stdout, c->lang, ev, n);
	reg_events_free(ev, n);
	return EXIT_VALID;
}

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
	/* --format html is refused by the parser (list_opts in commands.c) */
	if (c->args.given[OPT_EVENTS])
		return list_events(c, year, json);
	struct reg *reg = c->reg; /* set up and closed by commands.c */
	struct reg_submission *subs = NULL;
	struct list_missing *miss = NULL;
	struct file_result rr = {0};
	int nsubs = 0, nmiss = 0, status = EXIT_TROUBLE;
	if (c->args.val[OPT_DIFF])
		return list_diff(c, json);
	if (reg_list(reg, year, history, &subs, &nsubs, &c->err) || regf_count_accepted(reg, subs, nsubs, &c->err) ||
	    reg_check_register(reg, c->engine, &rr, &c->err))
		goto out;
	miss = find_missing(engine_rulesets(c->engine), subs, nsubs, year, c->today, &nmiss);
	struct list_view v = {subs, nsubs, miss, nmiss, year, history, c->args.given[OPT_MISSING] > 0, &rr};
	if (json)
		json_list(stdout, c->lang, reg->path, &v);
	else
		text_list(stdout, c->lang, reg->path, &v);
	if (!json && list_accepted(c, subs, nsubs))
		goto out;
	status = EXIT_VALID;
out:
	free(miss);
	file_result_free(&rr);
	reg_submissions_free(subs, nsubs);
	return status;
}
