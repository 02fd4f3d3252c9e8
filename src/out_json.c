/*
 * out_json.c - the JSON writer: one document on standard output, written as
 * the files are checked (see cli.md for its shape), and the document of
 * `list`.
 */
#include <string.h>

#include "checks.h"
#include "output.h"
#include "register.h"
#include "register_findings.h"

/* The bytes of the character at s when it is written as it is: 0 for the
 * end, '"' and '\\', a control (C0, DEL, and C1, CSI being U+009B: a
 * document shown on a terminal cannot drive it) and what is not UTF-8. */
static int verbatim_len(const unsigned char *s)
{
	if (*s >= 0x20 && *s < 0x7F)
		return *s != '"' && *s != '\\';
	int n = *s >= 0x80 ? utf8_seq_len(s) : 0;
	return n == 2 && s[0] == 0xC2 && s[1] <= 0x9F ? 0 : n;
}

void json_string(FILE *fp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	putc('"', fp);
	while (*s) {
		/* a run written as it is, in one fwrite (one a character took a
		 * tenth of a small statement's output) */
		const unsigned char *run = s;
		for (int n; (n = verbatim_len(s)) > 0;)
			s += n;
		if (s > run)
			fwrite(run, 1, (size_t)(s - run), fp);
		if (!*s)
			break;
		if (*s == '"' || *s == '\\') {
			putc('\\', fp);
			putc(*s++, fp);
		} else if (*s < 0x20 || *s == 0x7F) {
			fprintf(fp, "\\u%04x", *s++);
		} else if (utf8_seq_len(s) == 2) { /* a C1 control (verbatim_len) */
			fprintf(fp, "\\u%04x", s[1]);
			s += 2;
		} else { /* not UTF-8 */
			fputs("\\ufffd", fp);
			s++;
		}
	}
	putc('"', fp);
}

static void json_begin(struct output *o)
{
	fputs("{\n  \"tool\": \"grantcheck\",\n  \"version\": \"" GRANTCHECK_VERSION "\",\n  \"files\": [", o->fp);
}

static void json_opt_string(FILE *fp, const char *s)
{
	if (s)
		json_string(fp, s);
	else
		fputs("null", fp);
}

static void json_file(struct output *o, const struct file_result *r, const char *note)
{
	FILE *fp = o->fp;
	fputs(o->nfiles ? ",\n    {" : "\n    {", fp);
	output_count(o, r);
	fputs("\"path\": ", fp);
	json_string(fp, r->path);
	fprintf(fp, ", \"sha256\": \"%s\", \"programme\": ", r->sha256);
	json_opt_string(fp, r->programme);
	fputs(", \"rcc\": ", fp);
	json_opt_string(fp, r->rcc);
	if (r->year)
		fprintf(fp, ", \"year\": %d", r->year);
	else
		fputs(", \"year\": null", fp);
	fprintf(fp, ", \"valid\": %s, \"errors\": %d, \"warnings\": %d", r->errors ? "false" : "true", r->errors,
	        r->warnings);
	if (r->omitted)
		fprintf(fp, ", \"findings_not_shown\": %d", r->omitted);
	if (note) {
		fputs(", \"register\": ", fp);
		json_string(fp, note);
	}
	fputs(",\n     \"findings\": [", fp);
	for (int i = 0; i < r->nfindings; i++) {
		const struct finding *f = &r->findings[i];
		fprintf(fp, "%s\n       {\"rule\": \"%s\", \"severity\": \"%s\", ", i ? "," : "", f->rule->id,
		        severity_name(f->severity));
		if (f->line)
			fprintf(fp, "\"line\": %ld, \"column\": %ld, ", f->line, f->col);
		else
			fputs("\"line\": null, \"column\": null, ", fp);
		fputs("\"message\": ", fp);
		json_string(fp, f->msg[o->lang]);
		putc('}', fp);
	}
	fputs(r->nfindings ? "\n     ]}" : "]}", fp);
}

static void json_end(struct output *o)
{
	fputs(o->nfiles ? "\n  ]\n}\n" : "]\n}\n", o->fp);
}

/* The run stopped part-way: the files so far, then why (complete document). */
static void json_fail(struct output *o, const char *msg, int status)
{
	fputs(o->nfiles ? "\n  ],\n  \"error\": {\"message\": " : "],\n  \"error\": {\"message\": ", o->fp);
	json_string(o->fp, msg);
	fprintf(o->fp, ", \"exit_status\": %d}\n}\n", status);
}

static const struct output_ops json_ops = {json_begin, json_file, json_end, json_fail};

void output_json(struct output *o, FILE *fp, enum lang l)
{
	memset(o, 0, sizeof *o);
	o->ops = &json_ops;
	o->fp = fp;
	o->lang = l;
}

static void json_submission(FILE *fp, const struct reg_submission *x)
{
	fprintf(fp, "\n    {\"id\": %lld, \"rcc\": ", x->id);
	if (!x->rcc || strcmp(x->rcc, "?") == 0)
		fputs("null", fp);
	else
		json_string(fp, x->rcc);
	if (x->year)
		fprintf(fp, ", \"year\": %d", x->year);
	else
		fputs(", \"year\": null", fp);
	fprintf(fp, ", \"status\": \"%s\", \"errors\": %d, \"warnings\": %d, \"received_at\": ", x->status, x->errors,
	        x->warnings);
	json_string(fp, x->received_at);
	fputs(", \"path\": ", fp);
	json_string(fp, x->path);
	fprintf(fp, ", \"sha256\": \"%s\", \"current\": %s, \"accepted_warnings\": %d", x->sha256,
	        x->current ? "true" : "false", x->accepted);
	if (!x->current && x->superseded_by)
		fprintf(fp, ", \"superseded_by\": %lld", x->superseded_by);
	if (x->withdrawn_at) {
		fputs(", \"withdrawn\": {\"at\": ", fp);
		json_string(fp, x->withdrawn_at);
		fputs(", \"by\": ", fp);
		json_opt_string(fp, x->withdrawn_by);
		fputs(", \"reason\": ", fp);
		json_opt_string(fp, x->withdrawn_reason);
		fputs("}", fp);
	}
	fputs("}", fp);
}

void json_list(FILE *fp, enum lang l, const char *reg_path, const struct list_view *v)
{
	fputs("{\n  \"tool\": \"grantcheck\",\n  \"version\": \"" GRANTCHECK_VERSION "\",\n  \"register\": ", fp);
	json_string(fp, reg_path);
	for (int pass = 0; pass < 2; pass++) {
		if (v->missing_only)
			break;
		fputs(pass ? ",\n  \"unidentified\": [" : ",\n  \"submissions\": [", fp);
		int k = 0;
		for (int i = 0; i < v->n; i++)
			if (v->s[i].identified == !pass) {
				fputs(k++ ? "," : "", fp);
				json_submission(fp, &v->s[i]);
			}
		fprintf(fp, "%s]", k ? "\n  " : "");
	}
	fputs(",\n  \"missing\": [", fp);
	for (int i = 0; i < v->nmiss; i++) {
		const struct list_missing *m = &v->miss[i];
		fprintf(fp, "%s\n    {\"rcc\": ", i ? "," : "");
		json_string(fp, m->rcc);
		fputs(", \"name\": ", fp);
		json_string(fp, m->name[l]);
		fprintf(fp, ", \"year\": %d, \"due\": ", m->year);
		json_opt_string(fp, m->due[0] ? m->due : NULL);
		fprintf(fp, ", \"days_late\": %ld}", m->days_late > 0 ? m->days_late : 0);
	}
	fprintf(fp, "%s],\n  \"register_findings\": [", v->nmiss ? "\n  " : "");
	int k = 0;
	const struct file_result *regchk = v->regchk;
	for (int i = 0; i < regchk->nfindings; i++) {
		const struct finding *f = &regchk->findings[i];
		if (v->year && f->year != v->year)
			continue;
		fprintf(fp, "%s\n    {\"rule\": \"%s\", \"severity\": \"%s\", \"year\": %d, \"message\": ", k++ ? "," : "",
		        f->rule->id, severity_name(f->severity), f->year);
		json_string(fp, f->msg[l]);
		fputs("}", fp);
	}
	fprintf(fp, "%s]\n}\n", k ? "\n  " : "");
}

void json_events(FILE *fp, const char *reg_path, const struct reg_event *e, int n)
{
	fputs("{\n  \"tool\": \"grantcheck\",\n  \"version\": \"" GRANTCHECK_VERSION "\",\n  \"register\": ", fp);
	json_string(fp, reg_path);
	fputs(",\n  \"events\": [", fp);
	for (int i = 0; i < n; i++) {
		fprintf(fp, "%s\n    {\"id\": %lld, \"at\": ", i ? "," : "", e[i].id);
		json_string(fp, e[i].at);
		fputs(", \"what\": ", fp);
		json_string(fp, e[i].what);
		if (e[i].submission)
			fprintf(fp, ", \"submission\": %lld", e[i].submission);
		else
			fputs(", \"submission\": null", fp);
		fputs(", \"detail\": ", fp);
		json_opt_string(fp, e[i].detail);
		fputs(", \"by\": ", fp);
		json_string(fp, e[i].by);
		fputs("}", fp);
	}
	fprintf(fp, "%s]\n}\n", n ? "\n  " : "");
}

/* `list --diff ID --format json` (register_findings.h). */
static void json_item(FILE *fp, const struct regf_item *it, enum lang l, long long id)
{
	fputs("{\"rule\": ", fp);
	json_string(fp, it->rule);
	fputs(", \"severity\": ", fp);
	if (it->severity)
		json_string(fp, it->severity);
	else
		fputs("null", fp);
	fputs(", \"change\": ", fp);
	if (it->change)
		json_string(fp, it->change);
	else
		fputs("null", fp);
	fputs(", \"xpath\": ", fp);
	if (it->xpath)
		json_string(fp, it->xpath);
	else
		fputs("null", fp);
	fputs(", \"fingerprint\": ", fp);
	json_string(fp, it->fingerprint ? it->fingerprint : "");
	if (it->line)
		fprintf(fp, ", \"line\": %ld, \"col\": %ld", it->line, it->col);
	fputs(", \"message\": ", fp);
	json_string(fp, it->msg[l] ? it->msg[l] : "");
	if (it->why) {
		fputs(", \"accepted\": {\"why\": ", fp);
		json_string(fp, it->why);
		fputs(", \"by\": ", fp);
		json_string(fp, it->by ? it->by : "");
		fputs(", \"at\": ", fp);
		json_string(fp, it->at ? it->at : "");
		fprintf(fp, ", \"submission\": %lld, \"carried_over\": %s}", it->accepted_in,
		        it->accepted_in != id ? "true" : "false");
	}
	fputc('}', fp);
}

void json_diff(FILE *fp, enum lang l, const char *reg_path, const struct regf_diff *d)
{
	fputs("{\n  \"tool\": \"grantcheck\",\n  \"version\": \"" GRANTCHECK_VERSION "\",\n  \"register\": ", fp);
	json_string(fp, reg_path);
	fprintf(fp, ",\n  \"submission\": %lld,\n  \"rcc\": ", d->id);
	if (d->rcc)
		json_string(fp, d->rcc);
	else
		fputs("null", fp);
	if (d->year)
		fprintf(fp, ",\n  \"year\": %d", d->year);
	else
		fputs(",\n  \"year\": null", fp);
	if (d->replaced)
		fprintf(fp, ",\n  \"replaces\": %lld", d->replaced);
	else
		fputs(",\n  \"replaces\": null", fp);
	fputs(",\n  \"findings\": [", fp);
	for (int i = 0; i < d->n; i++) {
		fputs(i ? ",\n    " : "\n    ", fp);
		json_item(fp, &d->items[i], l, d->id);
	}
	fprintf(fp, "%s],\n  \"fixed\": [", d->n ? "\n  " : "");
	for (int i = 0; i < d->nfixed; i++) {
		fputs(i ? ",\n    " : "\n    ", fp);
		json_item(fp, &d->fixed[i], l, d->id);
	}
	fprintf(fp, "%s]\n}\n", d->nfixed ? "\n  " : "");
}
