/*
 * cmd_template.c - `grantcheck template`: writes a statement skeleton for
 * one RCC and year, with comments in Swedish or English.
 *
 * Everything the rule set knows is filled in: the programme (the rule set
 * whose years contain the year), the year and period, the RCC's id and
 * name, the currency, the granted amount (the year's appropriation shared
 * by rcc_count RCCs), carriedOver from last year's statement (--previous
 * FILE or the register's current statement with --db; 0.00 in the
 * programme's first year) and carryForward 0.00 in its last year. What
 * only the RCC knows is left empty, so `check` of the unfilled template
 * names each value still to fill (S1 "missing or empty", S4 empty amount).
 * Each category and criterion code is listed as a commented example line
 * with its Swedish (and English) label.
 *
 * Options are parsed here, self-contained (no shared option table).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amount.h"
#include "atomic.h"
#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "output.h"
#include "register.h"

struct tmpl_opts {
	const char *rcc, *previous, *db, *out, *rules;
	int year;
	enum lang lang;
};

static int tmpl_opts_from(struct cmd_ctx *c, struct tmpl_opts *o)
{
	memset(o, 0, sizeof *o);
	o->rcc = c->args.val[OPT_RCC];
	o->year = cli_year(c->args.val[OPT_YEAR]);
	o->lang = c->lang;
	o->previous = c->args.val[OPT_PREVIOUS];
	o->db = c->args.val[OPT_DB];
	o->out = c->args.val[OPT_OUTPUT];
	o->rules = c->args.val[OPT_RULES];
	if (o->previous && o->db)
		return usage_error(c->lang, "template", "ange antingen --previous FIL eller --db REGISTER, inte båda",
		                   "give either --previous FILE or --db REGISTER, not both");
	return 0;
}

/* Text for inside an XML comment: "--" may not appear there. */
static void comment_text(strbuf *b, const char *s)
{
	for (; *s; s++) {
		sb_putc(b, *s);
		if (*s == '-' && s[1] == '-')
			sb_putc(b, ' ');
	}
}

/* XML text or attribute value. */
static void xml_text(strbuf *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': sb_puts(b, "&amp;"); break;
		case '<': sb_puts(b, "&lt;"); break;
		case '>': sb_puts(b, "&gt;"); break;
		case '"': sb_puts(b, "&quot;"); break;
		default: sb_putc(b, *s);
		}
}

static const char *code_label(const struct ruleset *rs, const char *list, const char *code, enum lang l)
{
	for (int i = 0; i < rs->ncodes; i++)
		if (strcmp(rs->codes[i].list, list) == 0 && strcmp(rs->codes[i].code, code) == 0)
			return rs->codes[i].label[l];
	return NULL;
}

/* The rule set whose years contain year, or NULL. */
static const struct ruleset *set_for_year(const struct rulesets *sets, int year, const struct rs_year **y)
{
	for (int i = 0; i < sets->n; i++)
		for (int k = 0; k < sets->sets[i].nyears; k++)
			if (sets->sets[i].years[k].year == year) {
				*y = &sets->sets[i].years[k];
				return &sets->sets[i];
			}
	return NULL;
}

static void list_years(const struct rulesets *sets, strbuf *b)
{
	for (int i = 0; i < sets->n; i++) {
		sb_printf(b, "%s%s:", i ? "; " : "", sets->sets[i].id);
		for (int k = 0; k < sets->sets[i].nyears; k++)
			sb_printf(b, " %d", sets->sets[i].years[k].year);
	}
}

static void list_rccs(const struct ruleset *rs, strbuf *b)
{
	int n = 0;
	for (int i = 0; i < rs->ncodes; i++)
		if (strcmp(rs->codes[i].list, "rcc") == 0)
			sb_printf(b, "%s%s", n++ ? ", " : "", rs->codes[i].code);
}

/* carriedOver from last year's statement: 1 and *amount when found, 0 when
 * not, -1 on failure. *source describes where it came from. */
static int carried_over(struct engine *e, const struct tmpl_opts *o, int64_t *amount, strbuf *source, strbuf *err)
{
	struct prev_statement own = {0};
	const struct prev_statement *p = NULL;
	struct reg reg = {0};
	int rc = 0;
	if (o->previous) {
		if (engine_load_previous(e, o->previous, &own, err))
			return -1;
		if (strcmp(own.rcc, o->rcc) != 0 || own.year != o->year - 1) {
			sb_printf(err,
			          o->lang == LANG_SV
			              ? "--previous %s är %s:s redovisning för %d; ange %s:s redovisning för %d"
			              : "--previous %s is %s's statement for %d; give %s's statement for %d",
			          o->previous, own.rcc, own.year, o->rcc, o->year - 1);
			prev_statement_free(&own);
			return -1;
		}
		p = &own;
		sb_puts(source, o->previous);
	} else if (o->db) {
		if (commands_register_exists(o->db, o->lang, err) || reg_open(&reg, o->db, REG_EXISTING, err))
			return -1;
		rc = reg_prev_provider(&reg, o->rcc, o->year - 1, &p, err);
		if (rc < 0) {
			reg_close(&reg);
			return -1;
		}
		if (rc == 0) {
			sb_printf(err,
			          o->lang == LANG_SV ? "registret %s har ingen aktuell redovisning från %s för %d; "
			                               "registrera den eller ange den med --previous FILE"
			                             : "the register %s holds no current statement of %s for %d; "
			                               "register it or give it with --previous FILE",
			          o->db, o->rcc, o->year - 1);
			reg_close(&reg);
			return -1;
		}
		sb_printf(source, o->lang == LANG_SV ? "registret %s" : "the register %s", o->db);
	} else {
		return 0;
	}
	rc = 0;
	for (int i = 0; i < p->figures.nfields; i++)
		if (strcmp(p->figures.fields[i].name, "carryForward") == 0 && p->figures.fields[i].has_amount) {
			*amount = p->figures.fields[i].amount;
			rc = 1;
		}
	if (!rc)
		sb_printf(source, o->lang == LANG_SV ? " (utan giltigt <carryForward>; fyll i själv)"
		                                     : " (without a valid <carryForward>; fill it in yourself)");
	if (o->previous)
		prev_statement_free(&own);
	else
		reg_close(&reg);
	return rc;
}

struct tmpl_words {
	const char *head, *fill, *amounts, *dates, *recipient, *contact, *granted, *received, *carried_first,
		*carried_prev, *carried_fill, *expenses, *categories, *criteria, *placeholder, *total, *closing,
		*forward_last, *forward, *repay, *attest;
};

static const struct tmpl_words tw[LANG_COUNT] = {
	[LANG_SV] = {
		"Ekonomisk redovisning för %s, år %d\n  %s",
		"Mall skriven av grantcheck %s. Fyll i varje tomt värde (mellan > och < eller mellan \"\")\n"
		"  och kontrollera sedan filen med: grantcheck check FIL",
		"Belopp: punkt som decimaltecken, inga tusentalsavgränsare, ingen valuta, t.ex. 1234567.50",
		"Datum: ÅÅÅÅ-MM-DD, t.ex. 2015-03-15",
		"Mottagarens juridiska namn och organisationsnummer (NNNNNN-NNNN)",
		"Kontaktperson för redovisningen (telefon kan läggas till: phone=\"...\")",
		"Tilldelat %s: årets anslag %s delat lika mellan %s RCC (ur regeluppsättningen)",
		"Utbetalt till RCC:t för året",
		"%d är programmets första år: inget förs in från tidigare år",
		"Förs in från %d: <carryForward> i förra årets redovisning (%s)",
		"Förs in från %d: det som fördes över (<carryForward>) i förra årets redovisning",
		"En rad <expense> per kostnadsslag och kriterium, beloppet som text.\n"
		"    Ta bort raden med tomma värden nedan när du har skrivit dina rader.",
		"Kostnadsslag (category):",
		"Kriterier (criterion):",
		"Ersätt med dina kostnadsrader:",
		"Summan av alla kostnadsrader",
		"Outnyttjat vid årets slut: tillgängligt (received + carriedOver) minus totalExpenses",
		"%d är programmets sista år: inget får föras över, hela saldot återbetalas (repay)",
		"Den del av saldot som förs över till nästa år",
		"Den del av saldot som betalas tillbaka",
		"Den som intygar redovisningen: namn, roll och datum (senast %s)"},
	[LANG_EN] = {
		"Grant statement of %s, year %d\n  %s",
		"Template written by grantcheck %s. Fill in every empty value (between > and < or between \"\")\n"
		"  and then check the file with: grantcheck check FILE",
		"Amounts: a dot as decimal separator, no thousands separators, no currency, e.g. 1234567.50",
		"Dates: YYYY-MM-DD, e.g. 2015-03-15",
		"The recipient's legal name and organisation number (NNNNNN-NNNN)",
		"Contact person for the statement (a phone may be added: phone=\"...\")",
		"Granted %s: the year's appropriation %s shared equally by %s RCCs (from the rule set)",
		"Paid out to the RCC for the year",
		"%d is the programme's first year: nothing is brought in from an earlier year",
		"Brought in from %d: <carryForward> of last year's statement (%s)",
		"Brought in from %d: what last year's statement carried forward (<carryForward>)",
		"One <expense> line per category and criterion, the amount as its text.\n"
		"    Remove the line with empty values below once you have written yours.",
		"Categories (category):",
		"Criteria (criterion):",
		"Replace with your expense lines:",
		"The sum of all expense lines",
		"Unused at year end: available (received + carriedOver) minus totalExpenses",
		"%d is the programme's last year: nothing may be carried forward; the whole balance is repaid (repay)",
		"The part of the balance carried forward to next year",
		"The part of the balance repaid",
		"The person who certifies the statement: name, role and date (by %s at the latest)"},
};

static void comment(strbuf *b, const char *indent, const char *text)
{
	sb_printf(b, "%s<!-- ", indent);
	comment_text(b, text);
	sb_puts(b, " -->\n");
}

static void render(strbuf *b, const struct tmpl_opts *o, const struct ruleset *rs, const struct rs_year *y,
                   const char *rcc_name, int carried_known, int64_t carried, const char *carried_src)
{
	const struct tmpl_words *w = &tw[o->lang];
	enum lang l = o->lang;
	strbuf t = {0}, a = {0}, g = {0};
	int first = 1, last = 1;
	for (int k = 0; k < rs->nyears; k++) {
		first &= rs->years[k].year >= y->year;
		last &= rs->years[k].year <= y->year;
	}
	const char *nrcc = ruleset_param(rs, "rcc_count");
	long n = nrcc ? strtol(nrcc, NULL, 10) : 0;
	const char *currency = ruleset_param(rs, "currency");

	sb_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--\n  ");
	sb_printf(&t, w->head, rcc_name, y->year, rs->title[l]);
	comment_text(b, t.s);
	sb_puts(b, "\n  ");
	sb_reset(&t);
	sb_printf(&t, w->fill, GRANTCHECK_VERSION);
	comment_text(b, t.s);
	sb_puts(b, "\n  ");
	comment_text(b, w->amounts);
	sb_puts(b, "\n  ");
	comment_text(b, w->dates);
	sb_puts(b, "\n-->\n<statement xmlns=\"urn:grantcheck:statement:1\" version=\"1\">\n");
	sb_puts(b, "  <programme>");
	xml_text(b, rs->id);
	sb_printf(b, "</programme>\n  <year>%d</year>\n", y->year);
	sb_printf(b, "  <period from=\"%d-01-01\" to=\"%d-12-31\"/>\n  <rcc id=\"", y->year, y->year);
	xml_text(b, o->rcc);
	sb_puts(b, "\">");
	xml_text(b, rcc_name);
	sb_puts(b, "</rcc>\n");
	comment(b, "  ", w->recipient);
	sb_puts(b, "  <recipient orgnr=\"\"></recipient>\n");
	comment(b, "  ", w->contact);
	sb_puts(b, "  <contact name=\"\" email=\"\"/>\n");
	sb_printf(b, "  <currency>%s</currency>\n  <funds>\n", currency ? currency : "SEK");
	if (n > 0) {
		amount_format(y->appropriation / n, l, &a);
		amount_format(y->appropriation, l, &g);
		sb_reset(&t);
		sb_printf(&t, w->granted, a.s, g.s, nrcc);
		comment(b, "    ", t.s);
		sb_reset(&a);
		amount_format_plain(y->appropriation / n, &a);
		sb_printf(b, "    <granted>%s</granted>\n", a.s);
	} else {
		sb_puts(b, "    <granted></granted>\n");
	}
	comment(b, "    ", w->received);
	sb_puts(b, "    <received></received>\n");
	sb_reset(&t);
	sb_reset(&a);
	if (first) {
		sb_printf(&t, w->carried_first, y->year);
		comment(b, "    ", t.s);
		sb_puts(b, "    <carriedOver>0.00</carriedOver>\n");
	} else if (carried_known) {
		sb_printf(&t, w->carried_prev, y->year - 1, carried_src);
		comment(b, "    ", t.s);
		amount_format_plain(carried, &a);
		sb_printf(b, "    <carriedOver>%s</carriedOver>\n", a.s);
	} else {
		sb_printf(&t, w->carried_fill, y->year - 1);
		if (*carried_src) {
			sb_puts(&t, ": ");
			sb_puts(&t, carried_src);
		}
		comment(b, "    ", t.s);
		sb_puts(b, "    <carriedOver></carriedOver>\n");
	}
	sb_puts(b, "  </funds>\n  <expenses>\n");
	comment(b, "    ", w->expenses);
	comment(b, "    ", w->categories);
	for (int i = 0; i < rs->ncodes; i++)
		if (strcmp(rs->codes[i].list, "category") == 0) {
			sb_reset(&t);
			sb_printf(&t, "<expense category=\"%s\" criterion=\"shared\">0.00</expense>  %s (%s)", rs->codes[i].code,
			          rs->codes[i].label[LANG_SV], rs->codes[i].label[LANG_EN]);
			comment(b, "    ", t.s);
		}
	comment(b, "    ", w->criteria);
	for (int i = 0; i < rs->ncodes; i++)
		if (strcmp(rs->codes[i].list, "criterion") == 0) {
			sb_reset(&t);
			sb_printf(&t, "<expense category=\"personnel\" criterion=\"%s\">0.00</expense>  %s", rs->codes[i].code,
			          rs->codes[i].label[LANG_SV]);
			if (l == LANG_EN) {
				sb_printf(&t, " (%s)", rs->codes[i].label[LANG_EN]);
			}
			comment(b, "    ", t.s);
		}
	comment(b, "    ", w->placeholder);
	sb_puts(b, "    <expense category=\"\" criterion=\"\"></expense>\n  </expenses>\n");
	comment(b, "  ", w->total);
	sb_puts(b, "  <totalExpenses></totalExpenses>\n  <balance>\n");
	comment(b, "    ", w->closing);
	sb_puts(b, "    <closing></closing>\n");
	if (last) {
		sb_reset(&t);
		sb_printf(&t, w->forward_last, y->year);
		comment(b, "    ", t.s);
		sb_puts(b, "    <carryForward>0.00</carryForward>\n");
	} else {
		comment(b, "    ", w->forward);
		sb_puts(b, "    <carryForward></carryForward>\n");
	}
	comment(b, "    ", w->repay);
	sb_puts(b, "    <repay></repay>\n  </balance>\n");
	sb_reset(&t);
	sb_printf(&t, w->attest, y->due);
	comment(b, "  ", t.s);
	sb_puts(b, "  <attestation name=\"\" role=\"\" date=\"\"/>\n</statement>\n");
	sb_free(&t);
	sb_free(&a);
	sb_free(&g);
}

/* -o FILE through atomic.c: complete or absent, never an input. */
static int write_atomic(const struct tmpl_opts *o, const char *data, size_t n, strbuf *err)
{
	struct atomic_protect p = {0};
	struct atomic_file af;
	if (o->previous)
		atomic_protect_add(&p, o->previous);
	if (o->db)
		atomic_protect_db(&p, o->db);
	int rc = atomic_open(&af, o->out, &p, o->lang, err);
	atomic_protect_free(&p);
	if (rc)
		return -1;
	if (fwrite(data, 1, n, af.fp) != n) {
		sb_printf(err, "-o %s: %s", o->out, strerror(errno));
		atomic_abort(&af);
		return -1;
	}
	return atomic_commit(&af, err);
}

int cmd_template(struct cmd_ctx *c)
{
	struct tmpl_opts o;
	if (tmpl_opts_from(c, &o))
		return EXIT_TROUBLE;
	int sv = o.lang == LANG_SV;
	strbuf err = {0}, doc = {0}, src = {0}, list = {0};
	struct engine *e = c->engine;
	int status = EXIT_TROUBLE;
	const struct rs_year *y = NULL;
	const struct ruleset *rs = set_for_year(engine_rulesets(e), o.year, &y);
	const char *name = rs ? code_label(rs, "rcc", o.rcc, LANG_SV) : NULL;
	int64_t carried = 0;
	int known = 0;
	if (!rs) {
		list_years(engine_rulesets(e), &list);
		fprintf(stderr,
		        sv ? "grantcheck template: inget program omfattar år %d; åren är: %s\n"
		           : "grantcheck template: no programme covers the year %d; the years are: %s\n",
		        o.year, sb_str(&list));
	} else if (!name) {
		list_rccs(rs, &list);
		fprintf(stderr,
		        sv ? "grantcheck template: '%s' är inget RCC i %s; RCC:erna är: %s\n"
		           : "grantcheck template: '%s' is not an RCC of %s; the RCCs are: %s\n",
		        o.rcc, rs->id, sb_str(&list));
	} else if ((known = carried_over(e, &o, &carried, &src, &err)) < 0) {
		fprintf(stderr, "grantcheck template: %s\n", sb_str(&err));
	} else {
		render(&doc, &o, rs, y, name, known, carried, sb_str(&src));
		if (o.out) {
			if (write_atomic(&o, doc.s, doc.len, &err))
				fprintf(stderr, "grantcheck template: %s\n", sb_str(&err));
			else
				status = EXIT_VALID;
		} else if (fwrite(doc.s, 1, doc.len, stdout) != doc.len || fflush(stdout) != 0) {
			fprintf(stderr, sv ? "grantcheck template: kunde inte skriva mallen: %s\n"
			                   : "grantcheck template: could not write the template: %s\n",
			        strerror(errno));
		} else {
			status = EXIT_VALID;
		}
	}
	sb_free(&err);
	sb_free(&doc);
	sb_free(&src);
	sb_free(&list);
	return status;
}
