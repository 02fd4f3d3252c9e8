/*
 * out_text.c - the text writer: "file:line:col: error[A1]: message", a
 * closing line per file and a total line when there are several files.
 * Colour only on a terminal and never when NO_COLOR is set (decided by the
 * caller, which passes color). Also the text of `list`. Every text from
 * outside passes term_text() (control characters escaped).
 */
#include <string.h>

#include "checks.h"
#include "output.h"
#include "register.h"
#include "register_findings.h"

#define RED "\033[1;31m"
#define YELLOW "\033[1;33m"
#define CYAN "\033[1;36m"
#define GREEN "\033[1;32m"
#define BOLD "\033[1m"
#define RESET "\033[0m"

void output_count(struct output *o, const struct file_result *r)
{
	o->nfiles++;
	o->nvalid += r->errors == 0;
	o->errors += r->errors;
	o->warnings += r->warnings;
	o->infos += r->infos;
}

const char *term_text(strbuf *b, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	sb_reset(b);
	sb_puts(b, ""); /* never NULL, even for "" */
	while (*s) {
		if (*s < 0x20 || *s == 0x7F) {
			switch (*s) {
			case 0x1B:
				sb_puts(b, "\\e");
				break;
			case '\r':
				sb_puts(b, "\\r");
				break;
			case '\t':
				sb_puts(b, "\\t");
				break;
			case '\n':
				sb_puts(b, "\\n");
				break;
			default:
				sb_printf(b, "\\x%02x", *s);
				break;
			}
			s++;
			continue;
		}
		int n = utf8_seq_len(s);
		if (!n) {
			sb_printf(b, "\\x%02x", *s++);
		} else if (n == 2 && s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F) {
			sb_printf(b, "\\u%04x", s[1]);
			s += 2;
		} else {
			sb_putn(b, (const char *)s, (size_t)n);
			s += n;
		}
	}
	return sb_str(b);
}

void term_error(const char *cmd, const char *msg)
{
	strbuf b = {0};
	fprintf(stderr, "grantcheck %s: %s\n", cmd, term_text(&b, msg ? msg : "failed"));
	sb_free(&b);
}

static void text_begin(struct output *o)
{
	(void)o;
}

static const char *plural(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void counts(struct output *o, long e, long w, long i)
{
	int sv = o->lang == LANG_SV;
	fprintf(o->fp, "%ld %s, %ld %s", e, sv ? "fel" : plural(e, "error", "errors"), w,
	        sv ? plural(w, "varning", "varningar") : plural(w, "warning", "warnings"));
	if (i)
		fprintf(o->fp, ", %ld %s", i, sv ? plural(i, "notering", "noteringar") : plural(i, "note", "notes"));
}

static void text_file(struct output *o, const struct file_result *r, const char *note)
{
	static const char *const colors[] = {RED, YELLOW, CYAN};
	strbuf pb = {0}, mb = {0};
	const char *path = term_text(&pb, r->path);
	for (int i = 0; i < r->nfindings; i++) {
		const struct finding *f = &r->findings[i];
		if (f->line)
			fprintf(o->fp, "%s:%ld:%ld: ", path, f->line, f->col);
		else
			fprintf(o->fp, "%s: ", path);
		fprintf(o->fp, "%s%s[%s]%s: %s\n", o->color ? colors[f->severity] : "", severity_name(f->severity),
		        f->rule->id, o->color ? RESET : "", term_text(&mb, f->msg[o->lang]));
	}
	output_count(o, r);
	int sv = o->lang == LANG_SV;
	if (r->omitted)
		fprintf(o->fp, sv ? "%s: ytterligare %d avvikelser visas inte (de första %d visas)\n"
		                  : "%s: %d more findings not shown (the first %d are)\n",
		        path, r->omitted, FINDINGS_KEPT);
	int ok = r->errors == 0;
	fprintf(o->fp, "%s: %s%s%s (", path, o->color ? (ok ? GREEN : RED) : "",
	        ok ? (sv ? "godkänd" : "valid") : (sv ? "UNDERKÄND" : "INVALID"), o->color ? RESET : "");
	counts(o, r->errors, r->warnings, r->infos);
	fprintf(o->fp, ")%s%s\n", note ? "; " : "", note ? term_text(&mb, note) : "");
	sb_free(&pb);
	sb_free(&mb);
}

static void text_end(struct output *o)
{
	if (o->nfiles < 2)
		return;
	int sv = o->lang == LANG_SV;
	int invalid = o->nfiles - o->nvalid;
	fprintf(o->fp, "%s%s %d %s: %d %s, %d %s; ", o->color ? BOLD : "", sv ? "Totalt" : "Total:", o->nfiles,
	        sv ? "filer" : "files", o->nvalid, sv ? plural(o->nvalid, "godkänd", "godkända") : "valid", invalid,
	        sv ? plural(invalid, "underkänd", "underkända") : "invalid");
	counts(o, o->errors, o->warnings, o->infos);
	fprintf(o->fp, "%s\n", o->color ? RESET : "");
}

static const struct output_ops text_ops = {text_begin, text_file, text_end, NULL};

void output_text(struct output *o, FILE *fp, enum lang l, int color)
{
	memset(o, 0, sizeof *o);
	o->ops = &text_ops;
	o->fp = fp;
	o->lang = l;
	o->color = color;
}

/* ---- list ---------------------------------------------------------------- */

const char *text_status_word(const char *status, enum lang l)
{
	int sv = l == LANG_SV;
	if (strcmp(status, "valid") == 0)
		return sv ? "godkänd" : "valid";
	if (strcmp(status, "warnings") == 0)
		return sv ? "godkänd med varningar" : "valid with warnings";
	return sv ? "underkänd" : "invalid";
}

/* Prints s, made safe, left-aligned in width characters (UTF-8 aware). */
static void pad(FILE *fp, strbuf *b, const char *s, int width)
{
	const char *t = term_text(b, s);
	int n = (int)utf8_chars(t, strlen(t));
	fputs(t, fp);
	for (; n < width; n++)
		putc(' ', fp);
}

void text_register_findings(FILE *fp, enum lang l, const struct file_result *r, int year)
{
	strbuf pb = {0}, mb = {0};
	const char *path = term_text(&pb, r->path ? r->path : "");
	for (int i = 0; i < r->nfindings; i++) {
		const struct finding *f = &r->findings[i];
		if (!year || f->year == year)
			fprintf(fp, "%s: %s[%s]: %s\n", path, severity_name(f->severity), f->rule->id,
			        term_text(&mb, f->msg[l]));
	}
	sb_free(&pb);
	sb_free(&mb);
}

/* One submission row of `list` (the header's columns). */
static void list_row(FILE *fp, strbuf *b, enum lang l, const struct reg_submission *x)
{
	int sv = l == LANG_SV;
	char y[8] = "?";
	if (x->year)
		snprintf(y, sizeof y, "%d", x->year);
	fprintf(fp, "%-5lld ", x->id);
	pad(fp, b, x->rcc ? x->rcc : "?", 18);
	fprintf(fp, " %-4s  ", y);
	pad(fp, b, text_status_word(x->status, l), 22);
	fprintf(fp, " %5d %8d  %-20s  ", x->errors, x->warnings, term_text(b, x->received_at));
	fputs(term_text(b, x->path), fp);
	if (x->withdrawn_at) {
		fprintf(fp, sv ? "  (dragen tillbaka %s av " : "  (withdrawn %s by ", term_text(b, x->withdrawn_at));
		fputs(term_text(b, x->withdrawn_by ? x->withdrawn_by : "?"), fp);
		fprintf(fp, ": %s)", term_text(b, x->withdrawn_reason ? x->withdrawn_reason : ""));
	} else if (!x->current && x->superseded_by)
		fprintf(fp, sv ? "  (ersatt av #%lld)" : "  (replaced by #%lld)", x->superseded_by);
	putc('\n', fp);
}

static void missing_row(FILE *fp, strbuf *b, enum lang l, const struct list_missing *m)
{
	int sv = l == LANG_SV;
	fputs("-     ", fp);
	pad(fp, b, m->rcc, 18);
	fprintf(fp, " %-4d  ", m->year);
	pad(fp, b, sv ? "saknas" : "missing", 22);
	fputs("     -        -  ", fp);
	if (!m->due[0])
		fputs(sv ? "(ingen sista dag i regeluppsättningen)" : "(no due date in the rule set)", fp);
	else if (m->days_late > 0)
		fprintf(fp, sv ? "sista dag %s; %ld %s sen" : "due %s; %ld %s late", m->due, m->days_late,
		        sv ? (m->days_late == 1 ? "dag" : "dagar") : (m->days_late == 1 ? "day" : "days"));
	else
		fprintf(fp, sv ? "sista dag %s" : "due %s", m->due);
	fprintf(fp, "  %s\n", term_text(b, m->name[l]));
}

void text_list(FILE *fp, enum lang l, const char *reg_path, const struct list_view *v)
{
	(void)reg_path;
	int sv = l == LANG_SV;
	strbuf b = {0};
	/* written out: printf pads bytes, and "År" is three of them */
	fputs(sv ? "#     RCC                År    Status                   Fel    Varn.  Mottagen (UTC)        Fil\n"
	         : "#     RCC                Year  Status                   Errors Warnings  Received (UTC)        File\n",
	      fp);
	int shown = 0, m = 0, nunident = 0;
	for (int i = 0; i <= v->n; i++) {
		const struct reg_submission *x = i < v->n ? &v->s[i] : NULL;
		if (x && !x->identified) {
			nunident++;
			continue;
		}
		/* the missing RCCs of a year after its submissions */
		for (; m < v->nmiss && (!x || v->miss[m].year < x->year); m++, shown++)
			missing_row(fp, &b, l, &v->miss[m]);
		if (x && !v->missing_only) {
			list_row(fp, &b, l, x);
			shown++;
		}
	}
	if (!shown)
		fprintf(fp, v->missing_only ? (sv ? "(ingen RCC saknas%s)\n" : "(no RCC is missing%s)\n")
		                            : (sv ? "(registret har inga inlämningar%s)\n" : "(the register has no submissions%s)\n"),
		        v->year ? (sv ? " för året" : " for that year") : "");
	if (nunident && !v->missing_only) {
		fputs(sv ? "\nOidentifierade (RCC eller år saknas eller är okänt; räknas inte):\n"
		         : "\nUnidentified (RCC or year missing or unknown; not counted):\n", fp);
		for (int i = 0; i < v->n; i++)
			if (!v->s[i].identified)
				list_row(fp, &b, l, &v->s[i]);
	}
	text_register_findings(fp, l, v->regchk, v->year);
	sb_free(&b);
}

void text_events(FILE *fp, enum lang l, const struct reg_event *e, int n)
{
	int sv = l == LANG_SV;
	strbuf b = {0};
	fputs(sv ? "#     Tid (UTC)             Händelse    Inl.   Av                Detaljer\n"
	         : "#     Time (UTC)            Event       Subm.  By                Detail\n", fp);
	for (int i = 0; i < n; i++) {
		char sub[24] = "-";
		if (e[i].submission)
			snprintf(sub, sizeof sub, "#%lld", e[i].submission);
		fprintf(fp, "%-5lld %-20s  ", e[i].id, term_text(&b, e[i].at));
		pad(fp, &b, e[i].what, 11);
		fprintf(fp, " %-6s ", sub);
		if (e[i].detail) {
			pad(fp, &b, e[i].by, 17);
			fprintf(fp, " %s\n", term_text(&b, e[i].detail));
		} else
			fprintf(fp, "%s\n", term_text(&b, e[i].by));
	}
	if (!n)
		fputs(sv ? "(inga händelser)\n" : "(no events)\n", fp);
	sb_free(&b);
}

/* ---- what changed; accepted warnings (register_findings.h) --------------- */

static const char *change_word(const char *change, enum lang l)
{
	int sv = l == LANG_SV;
	if (!change)
		return "-";
	if (strcmp(change, "new") == 0)
		return sv ? "ny" : "new";
	if (strcmp(change, "still") == 0)
		return sv ? "kvar" : "still";
	return sv ? "åtgärdad" : "fixed";
}

/* "godtagen 2026-11-02 av anna: why, överförd från #12" */
static void text_acceptance(FILE *fp, strbuf *b, const struct regf_item *it, long long id, enum lang l)
{
	int sv = l == LANG_SV;
	fprintf(fp, sv ? "godtagen %.10s av " : "accepted %.10s by ", it->at ? it->at : "");
	fputs(term_text(b, it->by ? it->by : ""), fp);
	fprintf(fp, ": %s", term_text(b, it->why));
	if (it->accepted_in != id)
		fprintf(fp, sv ? ", överförd från #%lld" : ", carried over from #%lld", it->accepted_in);
}

static void text_item(FILE *fp, strbuf *b, const struct regf_item *it, const char *tag, long long id, enum lang l)
{
	fputs("  ", fp);
	if (tag)
		pad(fp, b, tag, 9);
	if (tag)
		putc(' ', fp);
	if (it->line)
		fprintf(fp, "%ld:%ld: ", it->line, it->col);
	fprintf(fp, "%s[%s]: %s", it->severity ? it->severity : (l == LANG_SV ? "anmärkning" : "finding"), it->rule,
	        term_text(b, it->msg[l] ? it->msg[l] : ""));
	if (it->why) {
		fputs(" (", fp);
		text_acceptance(fp, b, it, id, l);
		putc(')', fp);
	}
	putc('\n', fp);
}

void text_diff(FILE *fp, enum lang l, const struct regf_diff *d)
{
	int sv = l == LANG_SV;
	strbuf b = {0};
	fprintf(fp, "#%lld ", d->id);
	fputs(term_text(&b, d->rcc ? d->rcc : "?"), fp);
	if (d->year)
		fprintf(fp, " %d", d->year);
	if (!d->replaced) {
		fputs(sv ? ": ersätter ingen tidigare inlämning; inget att jämföra\n"
		         : ": replaces no earlier submission; nothing to compare\n", fp);
	} else if (!d->fingerprinted || (d->n && !d->items[0].change)) {
		fprintf(fp, sv ? ": ersätter #%lld, men en av dem registrerades före version 2 (inga fingeravtryck att "
		                 "jämföra)\n"
		               : ": replaces #%lld, but one of them was registered before version 2 (no fingerprints to "
		                 "compare)\n", d->replaced);
	} else {
		fprintf(fp, sv ? ": ersätter #%lld\n" : ": replaces #%lld\n", d->replaced);
	}
	int nn = 0, ns = 0;
	for (int i = 0; i < d->n; i++) {
		const char *ch = d->replaced ? d->items[i].change : NULL;
		nn += ch && strcmp(ch, "new") == 0;
		ns += ch && strcmp(ch, "still") == 0;
		text_item(fp, &b, &d->items[i], change_word(ch, l), d->id, l);
	}
	for (int i = 0; i < d->nfixed; i++)
		text_item(fp, &b, &d->fixed[i], change_word("fixed", l), d->id, l);
	if (!d->n && !d->nfixed)
		fputs(sv ? "  (inga anmärkningar)\n" : "  (no findings)\n", fp);
	if (d->replaced && sv)
		fprintf(fp, "(%d %s, %d kvar, %d %s)\n", nn, plural(nn, "ny", "nya"), ns, d->nfixed,
		        plural(d->nfixed, "åtgärdad", "åtgärdade"));
	else if (d->replaced)
		fprintf(fp, "(%d new, %d still there, %d fixed)\n", nn, ns, d->nfixed);
	sb_free(&b);
}

void text_accepted(FILE *fp, enum lang l, const struct reg_submission *s, const struct regf_item *it, int n)
{
	int sv = l == LANG_SV;
	strbuf b = {0};
	fprintf(fp, "#%lld ", s->id);
	fputs(term_text(&b, s->rcc ? s->rcc : "?"), fp);
	if (s->year)
		fprintf(fp, " %d", s->year);
	if (sv)
		fprintf(fp, ": %d %s, varav %d %s\n", s->warnings, plural(s->warnings, "varning", "varningar"), s->accepted,
		        plural(s->accepted, "godtagen", "godtagna"));
	else
		fprintf(fp, ": %d %s, %d of them accepted\n", s->warnings, plural(s->warnings, "warning", "warnings"),
		        s->accepted);
	for (int i = 0; i < n; i++) {
		if (!it[i].why)
			continue;
		fprintf(fp, "  %s[%s] ", it[i].severity, it[i].rule);
		fprintf(fp, "%s: ", term_text(&b, it[i].xpath ? it[i].xpath : "/"));
		text_acceptance(fp, &b, &it[i], s->id, l);
		putc('\n', fp);
	}
	sb_free(&b);
}
