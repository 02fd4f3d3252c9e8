/*
 * web_pages.c - the pages of `grantcheck serve`, rendered into strbufs in
 * Swedish or English: the frame (lang attribute, stylesheet, navigation,
 * language switch), login, the pre-check and register forms, the result
 * (the HTML report of out_html.c in the frame), the season grid, one
 * submission and the summary form. No script anywhere; every form works
 * as a plain post, every input has a label, every text from a statement or
 * a user is escaped with html_escape. What a role may see is asked of
 * web_allow, never decided here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out_html.h"
#include "register_findings.h"
#include "register_users.h"
#include "web_impl.h"

static void webp_esc(strbuf *b, const char *s)
{
	if (s)
		html_escape(b, s, strlen(s));
}

static void webp_csrf(strbuf *b, const struct webp_frame *f)
{
	sb_puts(b, "<input type=\"hidden\" name=\"csrf\" value=\"");
	webp_esc(b, f->sess ? f->sess->csrf : "");
	sb_printf(b, "\">\n<input type=\"hidden\" name=\"lang\" value=\"%s\">\n", lang_code(f->lang));
}

/* An RCC's name in the page's language from the rule sets' code list
 * (codes.tsv: "RCC Norr" / "RCC North"); the id itself when no set knows it. */
static const char *webp_rcc_name(const struct webp_frame *f, const char *id)
{
	if (!id)
		return "?";
	for (int i = 0; f->sets && i < f->sets->n; i++)
		for (int k = 0; k < f->sets->sets[i].ncodes; k++) {
			const struct rs_code *c = &f->sets->sets[i].codes[k];
			if (strcmp(c->list, "rcc") == 0 && strcmp(c->code, id) == 0 && c->label[f->lang] &&
			    c->label[f->lang][0])
				return c->label[f->lang];
		}
	return id;
}

static int webp_may(const struct webp_frame *f, enum web_route r, enum web_method m)
{
	return web_allow(f->sess ? &f->sess->who : NULL, r, m, NULL) == 200;
}

void webp_begin(strbuf *b, const struct webp_frame *f, const char *title)
{
	sb_printf(b,
	          "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
	          lang_code(f->lang));
	webp_esc(b, title);
	sb_puts(b,
	        " – grantcheck</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n"
	        "<header class=\"web\"><nav aria-label=\"");
	sb_puts(b, WEBP_T(f, "Huvudmeny", "Main menu"));
	sb_puts(b, "\"><ul>\n<li class=\"brand\">grantcheck</li>\n");
	static const struct {
		const char *href, *sv, *en;
		enum web_route r;
		enum web_method m;
	} items[] = {{"/", "Förhandskontroll", "Pre-check", WEB_R_HOME, WEB_GET},
	             {"/grid", "Säsongen", "Season", WEB_R_GRID, WEB_GET},
	             {"/register", "Registrera", "Register", WEB_R_REGISTER, WEB_POST},
	             {"/summary", "Sammanställning", "Summary", WEB_R_SUMMARY, WEB_GET}};
	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)
		if (webp_may(f, items[i].r, items[i].m))
			sb_printf(b, "<li><a href=\"%s\"%s>%s</a></li>\n", items[i].href,
			          f->path && strcmp(f->path, items[i].href) == 0 ? " aria-current=\"page\"" : "",
			          WEBP_T(f, items[i].sv, items[i].en));
	/* the same page with the same parameters, in the other language */
	sb_puts(b, "<li><a href=\"");
	webp_esc(b, f->path ? f->path : "/");
	sb_puts(b, "?");
	if (f->query && f->query[0]) {
		webp_esc(b, f->query);
		sb_puts(b, "&amp;");
	}
	sb_printf(b, "lang=%s\" lang=\"%s\">%s</a></li>\n", f->lang == LANG_SV ? "en" : "sv",
	          f->lang == LANG_SV ? "en" : "sv", f->lang == LANG_SV ? "English" : "Svenska");
	if (f->sess) {
		sb_puts(b, "<li class=\"who\">");
		webp_esc(b, f->sess->who.name);
		sb_puts(b, "</li>\n<li><form method=\"post\" action=\"/logout\">\n");
		webp_csrf(b, f);
		sb_printf(b, "<button type=\"submit\">%s</button></form></li>\n", WEBP_T(f, "Logga ut", "Log out"));
	}
	sb_puts(b, "</ul></nav></header>\n<main>\n");
}

void webp_end(strbuf *b)
{
	sb_puts(b, "</main>\n</body>\n</html>\n");
}

void webp_message(strbuf *b, const struct webp_frame *f, int status, const char *text)
{
	char title[64];
	snprintf(title, sizeof title, "%d", status);
	webp_begin(b, f, title);
	sb_printf(b, "<h1>%d</h1>\n<p class=\"message\">", status);
	webp_esc(b, text);
	sb_puts(b, "</p>\n");
	webp_end(b);
}

void webp_login(strbuf *b, const struct webp_frame *f, int local_mode, const char *problem)
{
	webp_begin(b, f, WEBP_T(f, "Logga in", "Log in"));
	sb_printf(b, "<h1>%s</h1>\n", WEBP_T(f, "Logga in", "Log in"));
	if (problem) {
		sb_puts(b, "<p class=\"problem\" role=\"alert\">");
		webp_esc(b, problem);
		sb_puts(b, "</p>\n");
	}
	if (local_mode)
		sb_printf(
		        b, "<p>%s</p>\n",
		        WEBP_T(f,
		               "Servern körs för en person på denna dator: öppna adressen som grantcheck serve skrev ut "
		               "(den innehåller nyckeln), eller klistra in nyckeln här.",
		               "The server runs for one person on this computer: open the address grantcheck serve "
		               "printed (it holds the token), or paste the token here."));
	sb_printf(
	        b,
	        "<form method=\"post\" action=\"/login\">\n<input type=\"hidden\" name=\"lang\" value=\"%s\">\n"
	        "<p><label for=\"token\">%s</label><br>\n"
	        "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" required size=\"70\"></p>\n"
	        "<p><button type=\"submit\">%s</button></p>\n</form>\n",
	        lang_code(f->lang), WEBP_T(f, "Åtkomstnyckel", "Access token"), WEBP_T(f, "Logga in", "Log in"));
	webp_end(b);
}

/* The upload form of /check and /register. */
static void webp_upload_form(strbuf *b, const struct webp_frame *f, const char *action, const char *button,
                             int with_previous)
{
	sb_printf(b, "<form method=\"post\" action=\"%s\" enctype=\"multipart/form-data\">\n", action);
	webp_csrf(b, f);
	sb_printf(b,
	          "<p><label for=\"statement\">%s</label><br>\n"
	          "<input id=\"statement\" name=\"statement\" type=\"file\" accept=\".xml,application/xml,text/xml\" "
	          "required></p>\n",
	          WEBP_T(f, "Redovisning (XML)", "Statement (XML)"));
	if (with_previous)
		sb_printf(
		        b,
		        "<p><label for=\"previous\">%s</label><br>\n"
		        "<input id=\"previous\" name=\"previous\" type=\"file\" accept=\".xml,application/xml,text/xml\">"
		        "</p>\n",
		        WEBP_T(f, "Förra årets redovisning (valfri; för G5 och M5)",
		               "Last year's statement (optional; for G5 and M5)"));
	sb_printf(b, "<p><button type=\"submit\">%s</button></p>\n</form>\n", button);
}

void webp_home(strbuf *b, const struct webp_frame *f)
{
	webp_begin(b, f, WEBP_T(f, "Förhandskontroll", "Pre-check"));
	sb_printf(b, "<h1>%s</h1>\n", WEBP_T(f, "Kontrollera en redovisning", "Check a statement"));
	if (webp_may(f, WEB_R_CHECK, WEB_POST)) {
		sb_printf(
		        b, "<p>%s</p>\n",
		        WEBP_T(f,
		               "Välj redovisningen och tryck Kontrollera. Ingenting sparas; resultatet visar varje "
		               "anmärkning, hur den rättas och raderna den gäller.",
		               "Choose the statement and press Check. Nothing is stored; the result shows every finding, "
		               "how to fix it and the lines it is about."));
		webp_upload_form(b, f, "/check", WEBP_T(f, "Kontrollera", "Check"), 1);
	} else {
		sb_printf(b, "<p>%s</p>\n",
		          WEBP_T(f, "Din roll läser säsongsöversikten och laddar ner sammanställningen.",
		                 "Your role reads the season grid and downloads the summary."));
	}
	webp_end(b);
}

void webp_register_form(strbuf *b, const struct webp_frame *f)
{
	webp_begin(b, f, WEBP_T(f, "Registrera", "Register"));
	sb_printf(b, "<h1>%s</h1>\n<p>%s</p>\n", WEBP_T(f, "Registrera en redovisning", "Register a statement"),
	          WEBP_T(f,
	                 "Redovisningen kontrolleras och förs in i registret. Förra årets redovisning tas ur "
	                 "registret.",
	                 "The statement is checked and recorded in the register. Last year's statement comes from the "
	                 "register."));
	webp_upload_form(b, f, "/register", WEBP_T(f, "Registrera", "Register"), 0);
	webp_end(b);
}

void webp_summary_form(strbuf *b, const struct webp_frame *f, const struct rulesets *sets)
{
	webp_begin(b, f, WEBP_T(f, "Sammanställning", "Summary"));
	sb_printf(b,
	          "<h1>%s</h1>\n<form method=\"get\" action=\"/summary.xlsx\">\n"
	          "<p><label for=\"year\">%s</label><br>\n<select id=\"year\" name=\"year\">\n"
	          "<option value=\"\">%s</option>\n",
	          WEBP_T(f, "Ladda ner sammanställningen", "Download the summary"), WEBP_T(f, "År", "Year"),
	          WEBP_T(f, "Alla år i registret", "Every year in the register"));
	for (int i = 0; i < sets->n; i++)
		for (int k = 0; k < sets->sets[i].nyears; k++)
			sb_printf(b, "<option>%d</option>\n", sets->sets[i].years[k].year);
	sb_printf(b,
	          "</select></p>\n<p><label for=\"wlang\">%s</label><br>\n<select id=\"wlang\" name=\"lang\">\n"
	          "<option value=\"sv\"%s>svenska</option>\n<option value=\"en\"%s>English</option>\n</select></p>\n"
	          "<p><button type=\"submit\">%s</button></p>\n</form>\n",
	          WEBP_T(f, "Arbetsbokens språk", "The workbook's language"), f->lang == LANG_SV ? " selected" : "",
	          f->lang == LANG_EN ? " selected" : "", WEBP_T(f, "Ladda ner (.xlsx)", "Download (.xlsx)"));
	webp_end(b);
}

void webp_report(strbuf *b, const struct webp_frame *f, const strbuf *report, const char *note, long long submission)
{
	const char *doc = sb_str(report);
	const char *body = strstr(doc, "<body");
	const char *body_end = body ? strchr(body, '>') : NULL;
	const char *close = strstr(doc, "</body>");
	webp_begin(b, f, WEBP_T(f, "Resultat", "Result"));
	if (note) {
		sb_puts(b, "<p class=\"note\" role=\"status\">");
		webp_esc(b, note);
		if (submission)
			sb_printf(b, " <a href=\"/submission?id=%lld\">%s</a>", submission,
			          WEBP_T(f, "Visa inlämningen i registret", "Show the submission in the register"));
		sb_puts(b, "</p>\n");
	}
	sb_puts(b, "<div class=\"report\">\n");
	if (body_end && close && close > body_end)
		sb_putn(b, body_end + 1, (size_t)(close - body_end - 1));
	sb_puts(b, "</div>\n");
	webp_end(b);
}

static const struct rs_year *webp_year_of(const struct rulesets *sets, const char *programme, int year)
{
	for (int i = 0; i < sets->n; i++) {
		if (programme && strcmp(sets->sets[i].id, programme) != 0)
			continue;
		for (int k = 0; k < sets->sets[i].nyears; k++)
			if (sets->sets[i].years[k].year == year)
				return &sets->sets[i].years[k];
	}
	return NULL;
}

/* Late: received after the year's due date (UTC date of received_at). */
static int webp_late(const struct rulesets *sets, const struct reg_submission *s)
{
	const struct rs_year *y = webp_year_of(sets, s->programme, s->year);
	return y && y->due[0] && s->received_at && strncmp(s->received_at, y->due, 10) > 0;
}

static void webp_status(strbuf *b, const struct webp_frame *f, const char *status, int late)
{
	const char *cls = "missing", *sv = "Saknas", *en = "Missing";
	if (status && strcmp(status, "valid") == 0)
		cls = "valid", sv = "Godkänd", en = "Valid";
	else if (status && strcmp(status, "warnings") == 0)
		cls = "warnings", sv = "Godkänd med varningar", en = "Valid with warnings";
	else if (status && strcmp(status, "invalid") == 0)
		cls = "invalid", sv = "Underkänd", en = "Invalid";
	sb_printf(b, "<span class=\"st %s%s\">%s%s</span>", cls, late ? " late" : "", WEBP_T(f, sv, en),
	          late ? WEBP_T(f, " (sen)", " (late)") : "");
}

static int webp_has(char **v, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

void webp_grid(strbuf *b, const struct webp_frame *f, const struct rulesets *sets, const struct reg_submission *s,
               int n)
{
	const struct web_who *who = f->sess ? &f->sess->who : NULL;
	int years[64], ny = 0;
	char **rccs = NULL;
	size_t cap = 0;
	int nr = 0;
	for (int i = 0; i < sets->n; i++) {
		for (int k = 0; k < sets->sets[i].nyears && ny < 64; k++) {
			int y = sets->sets[i].years[k].year, seen = 0;
			for (int j = 0; j < ny; j++)
				seen |= years[j] == y;
			if (!seen)
				years[ny++] = y;
		}
		for (int k = 0; k < sets->sets[i].ncodes; k++) {
			const struct rs_code *c = &sets->sets[i].codes[k];
			if (strcmp(c->list, "rcc") == 0 && !webp_has(rccs, nr, c->code)) {
				rccs = xgrow(rccs, &cap, (size_t)nr + 1, sizeof *rccs);
				rccs[nr++] = c->code;
			}
		}
	}
	for (int i = 0; i < n; i++)
		if (s[i].rcc && !webp_has(rccs, nr, s[i].rcc)) {
			rccs = xgrow(rccs, &cap, (size_t)nr + 1, sizeof *rccs);
			rccs[nr++] = s[i].rcc;
		}
	webp_begin(b, f, WEBP_T(f, "Säsongen", "Season"));
	sb_printf(b,
	          "<h1>%s</h1>\n<table class=\"grid\">\n<caption>%s</caption>\n<thead><tr><th scope=\"col\">RCC</th>",
	          WEBP_T(f, "Säsongen", "The season"),
	          WEBP_T(f, "Gällande redovisning per RCC och år", "Current statement per RCC and year"));
	for (int j = 0; j < ny; j++)
		sb_printf(b, "<th scope=\"col\">%d</th>", years[j]);
	sb_puts(b, "</tr></thead>\n<tbody>\n");
	for (int r = 0; r < nr; r++) {
		if (web_allow(who, WEB_R_GRID, WEB_GET, rccs[r]) != 200)
			continue;
		sb_puts(b, "<tr><th scope=\"row\">");
		webp_esc(b, webp_rcc_name(f, rccs[r]));
		sb_puts(b, "</th>");
		for (int j = 0; j < ny; j++) {
			const struct reg_submission *hit = NULL;
			for (int i = 0; i < n && !hit; i++)
				if (s[i].rcc && strcmp(s[i].rcc, rccs[r]) == 0 && s[i].year == years[j])
					hit = &s[i];
			sb_printf(b, "<td class=\"%s\">", hit ? hit->status : "missing");
			if (hit && web_allow(who, WEB_R_SUBMISSION, WEB_GET, hit->rcc) == 200) {
				sb_printf(b, "<a href=\"/submission?id=%lld\">", hit->id);
				webp_status(b, f, hit->status, webp_late(sets, hit));
				sb_puts(b, "</a>");
			} else if (hit)
				webp_status(b, f, hit->status, webp_late(sets, hit));
			else { /* missing: late once the year's due date has passed */
				const struct rs_year *y = webp_year_of(sets, NULL, years[j]);
				webp_status(b, f, NULL,
				            y && y->due[0] && f->today && strncmp(f->today, y->due, 10) > 0);
			}
			sb_puts(b, "</td>");
		}
		sb_puts(b, "</tr>\n");
	}
	sb_puts(b, "</tbody>\n</table>\n");
	free(rccs);
	webp_end(b);
}

static int webp_finding_in(const struct regu_finding *x, const struct regu_finding *set, int n)
{
	for (int i = 0; i < n; i++)
		if (x->rule && set[i].rule && strcmp(x->rule, set[i].rule) == 0 && x->message[1] && set[i].message[1] &&
		    strcmp(x->message[1], set[i].message[1]) == 0)
			return 1;
	return 0;
}

/* The findings of a that are not in b, as list items. */
static int webp_changed(strbuf *b, const struct webp_frame *f, const struct regu_finding *a, int na,
                        const struct regu_finding *other, int no)
{
	int k = 0;
	for (int i = 0; i < na; i++) {
		if (webp_finding_in(&a[i], other, no))
			continue;
		sb_puts(b, "<li>");
		webp_esc(b, a[i].rule);
		sb_puts(b, ": ");
		webp_esc(b, a[i].message[f->lang]);
		sb_puts(b, "</li>\n");
		k++;
	}
	return k;
}

static const char *webp_severity(const struct webp_frame *f, const char *sev)
{
	if (sev && strcmp(sev, "error") == 0)
		return WEBP_T(f, "fel", "error");
	if (sev && strcmp(sev, "warning") == 0)
		return WEBP_T(f, "varning", "warning");
	if (sev && strcmp(sev, "info") == 0)
		return WEBP_T(f, "notering", "note");
	return sev ? sev : "";
}

static int webp_is_open_warning(const struct regf_item *it)
{
	return it->severity && strcmp(it->severity, "warning") == 0 && !it->why;
}

/* The findings that are not accepted warnings, as a table. */
static void webp_open_findings(strbuf *b, const struct webp_frame *f, const struct regf_diff *acc)
{
	int n = 0;
	for (int i = 0; i < acc->n; i++)
		n += !acc->items[i].why;
	sb_printf(b, "<h2>%s (%d)</h2>\n", WEBP_T(f, "Anmärkningar", "Findings"), n);
	if (!n) {
		sb_printf(b, "<p>%s</p>\n",
		          acc->n ? WEBP_T(f, "Inga öppna anmärkningar.", "No open findings.")
		                 : WEBP_T(f, "Inga anmärkningar.", "No findings."));
		return;
	}
	sb_printf(b,
	          "<table class=\"findings\">\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	          "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
	          WEBP_T(f, "Nr", "No."), WEBP_T(f, "Regel", "Rule"), WEBP_T(f, "Allvar", "Severity"),
	          WEBP_T(f, "Rad", "Line"), WEBP_T(f, "Meddelande", "Message"));
	for (int i = 0; i < acc->n; i++) {
		const struct regf_item *it = &acc->items[i];
		if (it->why)
			continue;
		sb_printf(b, "<tr class=\"%s\"><td>%d</td><td>", it->severity ? it->severity : "", it->seq);
		webp_esc(b, it->rule);
		sb_printf(b, "</td><td>%s</td><td>", webp_severity(f, it->severity));
		if (it->line > 0)
			sb_printf(b, "%ld", it->line);
		sb_puts(b, "</td><td>");
		webp_esc(b, it->msg[f->lang]);
		sb_puts(b, "</td></tr>\n");
	}
	sb_puts(b, "</tbody>\n</table>\n");
}

/* The accepted warnings, each with who accepted it, when and why. */
static void webp_accepted(strbuf *b, const struct webp_frame *f, long long id, const struct regf_diff *acc)
{
	int n = 0, warnings = 0;
	for (int i = 0; i < acc->n; i++) {
		n += acc->items[i].why != NULL;
		warnings += acc->items[i].severity && strcmp(acc->items[i].severity, "warning") == 0;
	}
	if (!warnings)
		return; /* nothing to accept: no section */
	sb_printf(b, "<h2>%s (%d)</h2>\n", WEBP_T(f, "Godtagna varningar", "Accepted warnings"), n);
	if (!n) {
		sb_printf(b, "<p>%s</p>\n", WEBP_T(f, "Ingen varning har godtagits.", "No warning has been accepted."));
		return;
	}
	sb_puts(b, "<ul class=\"accepted\">\n");
	for (int i = 0; i < acc->n; i++) {
		const struct regf_item *it = &acc->items[i];
		if (!it->why)
			continue;
		sb_puts(b, "<li><strong>");
		webp_esc(b, it->rule);
		sb_puts(b, "</strong>");
		if (it->line > 0)
			sb_printf(b, " (%s %ld)", WEBP_T(f, "rad", "line"), it->line);
		sb_puts(b, ": ");
		webp_esc(b, it->msg[f->lang]);
		sb_printf(b, "<br>\n<span class=\"why\">%s ", WEBP_T(f, "Godtagen", "Accepted"));
		if (it->at)
			sb_putn(b, it->at, strlen(it->at) < 10 ? strlen(it->at) : 10);
		sb_printf(b, " %s ", WEBP_T(f, "av", "by"));
		webp_esc(b, it->by);
		sb_puts(b, ": <q>");
		webp_esc(b, it->why);
		sb_puts(b, "</q>");
		if (it->accepted_in && it->accepted_in != id)
			sb_printf(b, " (%s <a href=\"/submission?id=%lld\">#%lld</a>)",
			          WEBP_T(f, "överförd från", "carried over from"), it->accepted_in, it->accepted_in);
		sb_puts(b, "</span></li>\n");
	}
	sb_puts(b, "</ul>\n");
}

/* The officer's form: choose an open warning, say why, accept. */
static void webp_accept_form(strbuf *b, const struct webp_frame *f, long long id, const struct regf_diff *acc)
{
	int n = 0;
	for (int i = 0; i < acc->n; i++)
		n += webp_is_open_warning(&acc->items[i]) && acc->items[i].fingerprint;
	if (!n)
		return;
	sb_printf(b, "<h2>%s</h2>\n<form method=\"post\" action=\"/accept\" class=\"accept\">\n",
	          WEBP_T(f, "Godta en varning", "Accept a warning"));
	webp_csrf(b, f);
	sb_printf(b, "<input type=\"hidden\" name=\"id\" value=\"%lld\">\n", id);
	sb_printf(b, "<p><label for=\"finding\">%s</label><br>\n<select id=\"finding\" name=\"finding\" required>\n",
	          WEBP_T(f, "Varning", "Warning"));
	for (int i = 0; i < acc->n; i++) {
		const struct regf_item *it = &acc->items[i];
		if (!webp_is_open_warning(it) || !it->fingerprint)
			continue;
		sb_printf(b, "<option value=\"%d\">%d ", it->seq, it->seq);
		webp_esc(b, it->rule);
		sb_puts(b, ": ");
		const char *m = it->msg[f->lang] ? it->msg[f->lang] : "";
		size_t k = strlen(m);
		if (k > 90) { /* a whole UTF-8 character at the cut */
			k = 90;
			while (k > 0 && ((unsigned char)m[k] & 0xC0) == 0x80)
				k--;
		}
		html_escape(b, m, k);
		if (k < strlen(m))
			sb_puts(b, "…");
		sb_puts(b, "</option>\n");
	}
	sb_printf(
	        b,
	        "</select></p>\n<p><label for=\"why\">%s</label><br>\n"
	        "<textarea id=\"why\" name=\"why\" rows=\"3\" cols=\"70\" maxlength=\"1000\" required></textarea></p>\n"
	        "<p><button type=\"submit\">%s</button></p>\n</form>\n",
	        WEBP_T(f, "Motivering (krävs; sparas i registret med ditt namn och dagens datum)",
	               "Justification (required; kept in the register with your name and the date)"),
	        WEBP_T(f, "Godta varningen", "Accept the warning"));
}

void webp_submission(strbuf *b, const struct webp_frame *f, const struct reg_submission *sub,
                     const struct regu_finding *fi, int nf, const struct reg_submission *hist, int nh, int has_before,
                     const struct regu_finding *pf, int npf, const struct regf_diff *acc)
{
	char title[128];
	snprintf(title, sizeof title, "%s %d", webp_rcc_name(f, sub->rcc), sub->year);
	webp_begin(b, f, title);
	sb_puts(b, "<h1>");
	webp_esc(b, title);
	sb_puts(b, "</h1>\n<table class=\"facts\">\n");
	sb_printf(b, "<tr><th>%s</th><td>", WEBP_T(f, "Status", "Status"));
	webp_status(b, f, sub->status, 0);
	sb_printf(b, "</td></tr>\n<tr><th>%s</th><td>", WEBP_T(f, "Fil", "File"));
	webp_esc(b, sub->path);
	sb_printf(b, "</td></tr>\n<tr><th>%s</th><td>", WEBP_T(f, "Mottagen", "Received"));
	webp_esc(b, sub->received_at);
	sb_puts(b, "</td></tr>\n<tr><th>SHA-256</th><td><code>");
	webp_esc(b, sub->sha256);
	sb_puts(b, "</code></td></tr>\n</table>\n");
	webp_open_findings(b, f, acc);
	if (webp_may(f, WEB_R_ACCEPT, WEB_POST) && web_allow(&f->sess->who, WEB_R_ACCEPT, WEB_POST, sub->rcc) == 200)
		webp_accept_form(b, f, sub->id, acc);
	webp_accepted(b, f, sub->id, acc);
	if (has_before) {
		sb_printf(b, "<h2>%s</h2>\n<h3>%s</h3>\n<ul class=\"changed new\">\n",
		          WEBP_T(f, "Ändrat mot versionen före", "Changed since the version before"),
		          WEBP_T(f, "Nya anmärkningar", "New findings"));
		if (!webp_changed(b, f, fi, nf, pf, npf))
			sb_printf(b, "<li>%s</li>\n", WEBP_T(f, "inga", "none"));
		sb_printf(b, "</ul>\n<h3>%s</h3>\n<ul class=\"changed fixed\">\n",
		          WEBP_T(f, "Rättade anmärkningar", "Fixed findings"));
		if (!webp_changed(b, f, pf, npf, fi, nf))
			sb_printf(b, "<li>%s</li>\n", WEBP_T(f, "inga", "none"));
		sb_puts(b, "</ul>\n");
	}
	sb_printf(b, "<h2>%s</h2>\n<ol class=\"history\">\n", WEBP_T(f, "Historik", "History"));
	for (int i = 0; i < nh; i++) {
		sb_printf(b, "<li>%s<a href=\"/submission?id=%lld\">", hist[i].id == sub->id ? "<strong>" : "",
		          hist[i].id);
		webp_esc(b, hist[i].received_at);
		sb_puts(b, " ");
		webp_esc(b, hist[i].path);
		sb_puts(b, "</a> ");
		webp_status(b, f, hist[i].status, 0);
		if (hist[i].current)
			sb_printf(b, " – %s", WEBP_T(f, "gällande", "current"));
		sb_printf(b, "%s</li>\n", hist[i].id == sub->id ? "</strong>" : "");
	}
	sb_puts(b, "</ol>\n");
	webp_end(b);
}

static const char webp_css[] =
        "header.web{background:#123;color:#fff;margin:-8px -8px 1em;padding:.4em 1em}\n"
        "header.web ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1em;align-items:center}\n"
        "header.web a{color:#fff}\nheader.web .brand{font-weight:bold}\nheader.web .who{margin-left:auto}\n"
        "header.web form{display:inline;margin:0}\n"
        "a:focus,button:focus,input:focus,select:focus{outline:3px solid #f90;outline-offset:2px}\n"
        "main{max-width:75em}\nlabel{font-weight:bold}\n.problem{color:#a00;font-weight:bold}\n"
        ".note{background:#eef;padding:.5em}\n"
        "table.grid{border-collapse:collapse}\ntable.grid th,table.grid td{border:1px solid #999;padding:.3em .6em}\n"
        "td.valid{background:#cfc}\ntd.warnings{background:#ffc}\ntd.invalid{background:#fcc}\n"
        "td.missing{background:#eee;color:#555}\n.st.late{font-style:italic;text-decoration:underline wavy #a60}\n"
        "table.findings{border-collapse:collapse}\ntable.findings td,table.findings th{border:1px solid #ccc;"
        "padding:.2em .5em}\n"
        "header.web a[aria-current=page]{font-weight:bold;text-decoration:none;border-bottom:3px solid #f90}\n"
        "table.facts,table.findings{margin-bottom:1em}\nh2{margin-top:1.2em}\n"
        ".st.valid{color:#185c1f;font-weight:bold}\n.st.warnings{color:#6b4c00;font-weight:bold}\n"
        ".st.invalid{color:#8a1414;font-weight:bold}\n"
        "ul.accepted li{margin-bottom:.5em}\n.why{color:#333}\n";

void webp_style(strbuf *b)
{
	sb_puts(b, webp_css);
	/* the report's own rules, cut out of an empty report */
	struct html_page p;
	strbuf doc = {0};
	html_page_init(&p, LANG_SV);
	html_page_finish(&p, &doc);
	html_page_free(&p);
	const char *s = strstr(sb_str(&doc), "<style>");
	const char *e = s ? strstr(s, "</style>") : NULL;
	if (s && e) {
		sb_puts(b, "/* the HTML report's rules (out_html.c) */\n");
		sb_putn(b, s + 7, (size_t)(e - s - 7));
	}
	sb_free(&doc);
}
