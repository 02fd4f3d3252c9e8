/*
 * out_text.c - the text writer: "file:line:col: error[A1]: message", a
 * closing line per file and a total line when there are several files.
 * Colour only on a terminal and never when NO_COLOR is set (decided by the
 * caller, which passes color).
 */
#include <string.h>

#include "output.h"

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
	for (int i = 0; i < r->nfindings; i++) {
		const struct finding *f = &r->findings[i];
		if (f->line)
			fprintf(o->fp, "%s:%ld:%ld: ", r->path, f->line, f->col);
		else
			fprintf(o->fp, "%s: ", r->path);
		fprintf(o->fp, "%s%s[%s]%s: %s\n", o->color ? colors[f->severity] : "", severity_name(f->severity),
		        f->rule->id, o->color ? RESET : "", f->msg[o->lang]);
	}
	output_count(o, r);
	int sv = o->lang == LANG_SV;
	if (r->omitted)
		fprintf(o->fp, sv ? "%s: ytterligare %d avvikelser visas inte (de första %d visas)\n"
		                  : "%s: %d more findings not shown (the first %d are)\n",
		        r->path, r->omitted, FINDINGS_KEPT);
	int ok = r->errors == 0;
	fprintf(o->fp, "%s: %s%s%s (", r->path, o->color ? (ok ? GREEN : RED) : "",
	        ok ? (sv ? "godkänd" : "valid") : (sv ? "UNDERKÄND" : "INVALID"), o->color ? RESET : "");
	counts(o, r->errors, r->warnings, r->infos);
	fprintf(o->fp, ")%s%s\n", note ? "; " : "", note ? note : "");
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

static const struct output_ops text_ops = {text_begin, text_file, text_end};

void output_text(struct output *o, FILE *fp, enum lang l, int color)
{
	memset(o, 0, sizeof *o);
	o->ops = &text_ops;
	o->fp = fp;
	o->lang = l;
	o->color = color;
}
