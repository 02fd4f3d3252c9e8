/*
 * out_json.c - the JSON writer: one document on standard output, written as
 * the files are checked (see cli.md for its shape), and the document of
 * `list`.
 */
#include <string.h>

#include "checks.h"
#include "output.h"
#include "register.h"

void json_string(FILE *fp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	putc('"', fp);
	while (*s) {
		if (*s == '"' || *s == '\\') {
			putc('\\', fp);
			putc(*s++, fp);
		} else if (*s < 0x20 || *s == 0x7F) {
			fprintf(fp, "\\u%04x", *s++);
		} else {
			int n = utf8_seq_len(s);
			if (!n) {
				fputs("\\ufffd", fp);
				s++;
			} else if (n == 2 && s[0] == 0xC2 && s[1] <= 0x9F) {
				/* C1 controls (CSI is U+009B) escaped too: a document shown
				 * on a terminal cannot drive it */
				fprintf(fp, "\\u%04x", s[1]);
				s += 2;
			} else {
				fwrite(s, 1, (size_t)n, fp);
				s += n;
			}
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

void json_list(FILE *fp, enum lang l, const char *reg_path, const struct reg_submission *s, int n, int year,
               const struct file_result *regchk)
{
	fputs("{\n  \"tool\": \"grantcheck\",\n  \"version\": \"" GRANTCHECK_VERSION "\",\n  \"register\": ", fp);
	json_string(fp, reg_path);
	fputs(",\n  \"submissions\": [", fp);
	for (int i = 0; i < n; i++) {
		const struct reg_submission *x = &s[i];
		fprintf(fp, "%s\n    {\"id\": %lld, \"rcc\": ", i ? "," : "", x->id);
		if (!x->rcc || strcmp(x->rcc, "?") == 0)
			fputs("null", fp);
		else
			json_string(fp, x->rcc);
		if (x->year)
			fprintf(fp, ", \"year\": %d", x->year);
		else
			fputs(", \"year\": null", fp);
		fprintf(fp, ", \"status\": \"%s\", \"errors\": %d, \"warnings\": %d, \"received_at\": ", x->status,
		        x->errors, x->warnings);
		json_string(fp, x->received_at);
		fputs(", \"path\": ", fp);
		json_string(fp, x->path);
		fprintf(fp, ", \"sha256\": \"%s\", \"current\": %s}", x->sha256, x->current ? "true" : "false");
	}
	fprintf(fp, "%s],\n  \"register_findings\": [", n ? "\n  " : "");
	int k = 0;
	for (int i = 0; i < regchk->nfindings; i++) {
		const struct finding *f = &regchk->findings[i];
		if (year && f->year != year)
			continue;
		fprintf(fp, "%s\n    {\"rule\": \"%s\", \"severity\": \"%s\", \"year\": %d, \"message\": ", k++ ? "," : "",
		        f->rule->id, severity_name(f->severity), f->year);
		json_string(fp, f->msg[l]);
		fputs("}", fp);
	}
	fprintf(fp, "%s]\n}\n", k ? "\n  " : "");
}
