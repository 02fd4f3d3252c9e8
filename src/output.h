/*
 * output.h - one writer per output format for validation results.
 *
 * A writer gets begin(), then file() once per checked file in order, then
 * end(). Writers stream: nothing is kept per file after file() returns, so
 * thousands of files cost no memory. Text (out_text.c) is the compiler
 * form editors jump to; JSON (out_json.c) is the document in cli.md; HTML
 * (out_html.c) the self-contained report page.
 */
#ifndef GC_OUTPUT_H
#define GC_OUTPUT_H

#include <stdio.h>

#include "engine.h"
#include "lang.h"

struct output;

struct output_ops {
	void (*begin)(struct output *o);
	/* note: extra outcome for the register ("registered", ...), or NULL */
	void (*file)(struct output *o, const struct file_result *r, const char *note);
	void (*end)(struct output *o);
};

struct output {
	const struct output_ops *ops;
	FILE *fp;
	enum lang lang;
	int color;
	int nfiles, nvalid;
	long errors, warnings, infos;
	void *priv; /* the writer's own state (html: the page) */
};

void output_text(struct output *o, FILE *fp, enum lang l, int color);
void output_json(struct output *o, FILE *fp, enum lang l);
/* HTML (out_html.c): the page is built in *page and written by end(); the
 * caller frees it with html_page_free(). */
struct html_page;
void output_html(struct output *o, struct html_page *page, FILE *fp, enum lang l);

/* Counts a file into the totals (shared by the writers). */
void output_count(struct output *o, const struct file_result *r);

/* JSON string literal of s (invalid UTF-8 becomes U+FFFD). */
void json_string(FILE *fp, const char *s);

#define GRANTCHECK_VERSION "1.0.0"

#endif
