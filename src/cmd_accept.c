/*
 * cmd_accept.c - `grantcheck accept --db REG ID RULE [--finding N] --why TEXT
 * [--by NAME]`: records the officer's justification for one warning of a
 * submission (register_findings.c). Never an error or an info; when the
 * rule has several warnings in the submission and no --finding N is given,
 * they are listed with their numbers and nothing is recorded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "commands.h"
#include "output.h"
#include "register.h"
#include "register_findings.h"

static void show(FILE *fp, strbuf *b, int n, const struct regf_item *it, enum lang l)
{
	fprintf(fp, "  %d: %s[%s] ", n, it->severity, it->rule);
	if (it->line)
		fprintf(fp, "%ld:%ld ", it->line, it->col);
	fprintf(fp, "%s: ", term_text(b, it->xpath ? it->xpath : "/"));
	fprintf(fp, "%s\n", term_text(b, it->msg[l] ? it->msg[l] : ""));
}

int cmd_accept(struct cmd_ctx *c)
{
	int sv = c->lang == LANG_SV;
	const char *ids = c->args.operands[0], *rule = c->args.operands[1];
	if (!*ids || strlen(ids) > 15 || strspn(ids, "0123456789") != strlen(ids) || atoll(ids) <= 0)
		return usage_error(c->lang, c->name, "ID ska vara ett inlämningsnummer som 7 (se 'grantcheck list'), inte '%s'",
		                   "ID must be a submission number like 7 (see 'grantcheck list'), not '%s'", ids);
	long long id = atoll(ids);
	int want = c->args.val[OPT_FINDING] ? atoi(c->args.val[OPT_FINDING]) : 0;
	char byb[64];
	const char *by = c->args.val[OPT_BY] ? c->args.val[OPT_BY] : regf_default_by(byb, sizeof byb);
	struct reg reg;
	struct regf_diff d = {0};
	strbuf b = {0};
	int status = EXIT_TROUBLE;
	if (regf_open_existing(&reg, default_db(c->args.val[OPT_DB]), &c->err))
		return EXIT_TROUBLE;
	int rc = regf_diff(&reg, id, &d, &c->err);
	if (rc < 0)
		goto out;
	if (rc == 1) {
		sb_printf(&c->err, sv ? "%s: det finns ingen inlämning #%lld; 'grantcheck list --history' visar dem"
		                      : "%s: there is no submission #%lld; 'grantcheck list --history' shows them",
		          reg.path, id);
		goto out;
	}
	/* the rule's findings, and which of them are warnings */
	int nrule = 0, nwarn = 0;
	const struct regf_item *pick = NULL, *other = NULL;
	for (int i = 0; i < d.n; i++) {
		if (strcasecmp(d.items[i].rule, rule) != 0)
			continue;
		nrule++;
		if (strcmp(d.items[i].severity, "warning") == 0) {
			if (++nwarn == want || (!want && nwarn == 1))
				pick = &d.items[i];
		} else if (!other) {
			other = &d.items[i];
		}
	}
	if (!nrule) {
		sb_printf(&c->err, sv ? "inlämning #%lld har ingen anmärkning från regel %s; 'grantcheck list --diff %lld' "
		                        "visar dess anmärkningar"
		                      : "submission #%lld has no finding of rule %s; 'grantcheck list --diff %lld' shows "
		                        "its findings",
		          id, rule, id);
		goto out;
	}
	if (!nwarn) {
		int err = strcmp(other->severity, "error") == 0;
		sb_printf(&c->err, sv ? (err ? "%s i inlämning #%lld är ett fel, inte en varning; ett fel kan inte godtas, "
		                              "det ska rättas i en ny redovisning"
		                            : "%s i inlämning #%lld är en notering, inte en varning; en notering behöver "
		                              "inte godtas")
		                      : (err ? "%s in submission #%lld is an error, not a warning; an error cannot be "
		                              "accepted, it must be corrected in a new statement"
		                            : "%s in submission #%lld is an info, not a warning; an info needs no "
		                              "acceptance"),
		          other->rule, id);
		goto out;
	}
	if ((nwarn > 1 && !want) || want > nwarn) {
		fflush(stdout);
		if (want > nwarn)
			fprintf(stderr, sv ? "grantcheck accept: %s har %d varningar i inlämning #%lld, inte %d:\n"
			                   : "grantcheck accept: %s has %d warnings in submission #%lld, not %d:\n",
			        pick ? pick->rule : rule, nwarn, id, want);
		else
			fprintf(stderr, sv ? "grantcheck accept: %s har %d varningar i inlämning #%lld; välj en med --finding N:\n"
			                   : "grantcheck accept: %s has %d warnings in submission #%lld; choose one with "
			                     "--finding N:\n",
			        rule, nwarn, id);
		int k = 0;
		for (int i = 0; i < d.n; i++)
			if (strcasecmp(d.items[i].rule, rule) == 0 && strcmp(d.items[i].severity, "warning") == 0)
				show(stderr, &b, ++k, &d.items[i], c->lang);
		goto out;
	}
	if (!pick->fingerprint) {
		sb_printf(&c->err, sv ? "inlämning #%lld registrerades före version 2 och saknar fingeravtryck; registrera "
		                        "filen på nytt för att kunna godta varningen"
		                      : "submission #%lld was registered before version 2 and has no fingerprints; register "
		                        "the file again to accept the warning",
		          id);
		goto out;
	}
	if (pick->why) {
		strbuf b2 = {0};
		printf(sv ? "redan godtagen %.10s av %s: %s (inlämning #%lld); ingenting ändrat\n"
		          : "already accepted %.10s by %s: %s (submission #%lld); nothing changed\n",
		       pick->at, term_text(&b, pick->by), term_text(&b2, pick->why), pick->accepted_in);
		sb_free(&b2);
		status = EXIT_VALID;
		goto out;
	}
	char at[21];
	utc_now(at);
	if (regf_accept(&reg, id, pick, d.rcc, d.year, c->args.val[OPT_WHY], by, at, &c->err))
		goto out;
	strbuf b2 = {0}, b3 = {0};
	printf(sv ? "#%lld %s %d: warning[%s] %s godtagen %.10s av %s: %s\n"
	          : "#%lld %s %d: warning[%s] %s accepted %.10s by %s: %s\n",
	       id, term_text(&b, d.rcc ? d.rcc : "?"), d.year, pick->rule, pick->xpath, at, term_text(&b2, by),
	       term_text(&b3, c->args.val[OPT_WHY]));
	sb_free(&b2);
	sb_free(&b3);
	status = EXIT_VALID;
out:
	sb_free(&b);
	regf_diff_free(&d);
	reg_close(&reg);
	return status;
}
