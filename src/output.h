/*
 * output.h - one writer per output format for validation results.
 *
 * A writer gets begin(), then file() once per checked file in order, then
 * end(). Writers stream: nothing is kept per file after file() returns, so
 * thousands of files cost no memory. Text (out_text.c) is the compiler
 * form editors jump to; JSON (out_json.c) is the document in cli.md; HTML
 * (out_html.c) the self-contained report page.
 *
 * A document format is complete or absent: when a run stops part-way
 * (exit 2) the runner calls fail() instead of end(), and the JSON writer
 * closes its open arrays and adds an "error" member (cli.md), so standard
 * output always parses. Memory stays bounded: nothing is buffered.
 *
 * The same two files write `list` (the register's submissions and its
 * register-level findings), from the register's structs.
 *
 * Everything the text writer prints that came from outside (file names,
 * RCC ids, messages) goes through term_text(): control characters are shown
 * escaped so that no input can move the cursor, clear or retitle the
 * officer's terminal.
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
	/* the run failed part-way after begin(): instead of end(), finish the
	 * document so that it is complete and says why (msg, exit status);
	 * NULL: the format needs nothing (text) */
	void (*fail)(struct output *o, const char *msg, int status);
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

struct reg_submission;
struct reg_event;

/* An RCC of the rule set with no current statement for a year (`list`). */
struct list_missing {
	const char *rcc;
	const char *name[LANG_COUNT]; /* the rule set's label, or the id */
	int year;
	char due[11];  /* YYYY-MM-DD, "" when the rule set gives none */
	long days_late; /* by --today; <= 0: not yet late */
};

/* What `list` shows: the submissions s[0..n) (the identified ones first,
 * then the unidentified: identified == 0), the missing RCCs per year, the
 * register-level findings (of year only, when year is not 0). missing_only:
 * only the missing rows (--missing). */
struct list_view {
	const struct reg_submission *s;
	int n;
	const struct list_missing *miss;
	int nmiss;
	int year, history, missing_only;
	const struct file_result *regchk;
};

void text_list(FILE *fp, enum lang l, const char *reg_path, const struct list_view *v);
/* A submission's status ("valid", "warnings", else invalid) as a word in l:
 * "godkänd", "godkänd med varningar", "underkänd". */
const char *text_status_word(const char *status, enum lang l);
void json_list(FILE *fp, enum lang l, const char *reg_path, const struct list_view *v);
/* `list --events`: the audit trail e[0..n). */
void text_events(FILE *fp, enum lang l, const struct reg_event *e, int n);
void json_events(FILE *fp, const char *reg_path, const struct reg_event *e, int n);
/* The register-level findings as "REGISTER: severity[ID]: message" lines
 * (of year only, when year is not 0). */
void text_register_findings(FILE *fp, enum lang l, const struct file_result *r, int year);

struct regf_diff;
struct regf_item;

/* `list --diff ID`: submission d->id's findings, each new or still there
 * since the submission it replaced, then the fixed ones. */
void text_diff(FILE *fp, enum lang l, const struct regf_diff *d);
void json_diff(FILE *fp, enum lang l, const char *reg_path, const struct regf_diff *d);
/* `list`: a submission's accepted warnings ("2 warnings, 1 of them
 * accepted", then each with its justification); it[0..n) its findings. */
void text_accepted(FILE *fp, enum lang l, const struct reg_submission *s, const struct regf_item *it, int n);

/* s made safe for a terminal, in b (reset first): C0 controls, DEL, C1
 * controls (U+0080-U+009F) and bytes that are not UTF-8 are shown escaped
 * (\e \r \t \n \x7f \u009b ...); everything else as it is. Returns b's text. */
const char *term_text(strbuf *b, const char *s);
/* "grantcheck CMD: msg" on standard error, msg made safe by term_text(). */
void term_error(const char *cmd, const char *msg);

/* Counts a file into the totals (shared by the writers). */
void output_count(struct output *o, const struct file_result *r);

/* JSON string literal of s (invalid UTF-8 becomes U+FFFD; C0 and C1
 * controls and DEL are written as \uXXXX). */
void json_string(FILE *fp, const char *s);

#define GRANTCHECK_VERSION "1.0.0"

#endif
