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

static const char *status_word(const char *status, enum lang l)
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

void text_list(FILE *fp, enum lang l, const char *reg_path, const struct reg_submission *s, int n, int year,
               const struct file_result *regchk)
{
	(void)reg_path;
	int sv = l == LANG_SV;
	strbuf b = {0};
	/* written out: printf pads bytes, and "År" is three of them */
	fputs(sv ? "#     RCC                År    Status                   Fel    Varn.  Mottagen (UTC)        Fil\n"
	         : "#     RCC                Year  Status                   Errors Warnings  Received (UTC)        File\n",
	      fp);
	for (int i = 0; i < n; i++) {
		const struct reg_submission *x = &s[i];
		char y[8] = "?";
		if (x->year)
			snprintf(y, sizeof y, "%d", x->year);
		fprintf(fp, "%-5lld ", x->id);
		pad(fp, &b, x->rcc ? x->rcc : "?", 18);
		fprintf(fp, " %-4s  ", y);
		pad(fp, &b, status_word(x->status, l), 22);
		fprintf(fp, " %5d %8d  %-20s  ", x->errors, x->warnings, term_text(&b, x->received_at));
		fputs(term_text(&b, x->path), fp);
		if (!x->current && x->superseded_by)
			fprintf(fp, sv ? "  (ersatt av #%lld)" : "  (replaced by #%lld)", x->superseded_by);
		putc('\n', fp);
	}
	if (!n)
		fprintf(fp, sv ? "(registret har inga inlämningar%s)\n" : "(the register has no submissions%s)\n",
		        year ? (sv ? " för året" : " for that year") : "");
	text_register_findings(fp, l, regchk, year);
	sb_free(&b);
}
