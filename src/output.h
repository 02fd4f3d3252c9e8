/*
 * output.h - one writer per output format for validation results.
 *
 * A writer gets begin(), then file() once per checked file in order, then
 * end(). Writers stream: nothing is kept per file after file() returns, so
 * thousands of files cost no memory. Text (out_text.c) is the compiler
 * form editors jump to; JSON (out_json.c) is the document in cli.md.
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
};

void output_text(struct output *o, FILE *fp, enum lang l, int color);
void output_json(struct output *o, FILE *fp, enum lang l);

struct reg_submission;

/* `list`: the submissions s[0..n) of the register at reg_path, then the
 * register-level findings of regchk (of year only, when year is not 0). */
void text_list(FILE *fp, enum lang l, const char *reg_path, const struct reg_submission *s, int n, int year,
               const struct file_result *regchk);
void json_list(FILE *fp, enum lang l, const char *reg_path, const struct reg_submission *s, int n, int year,
               const struct file_result *regchk);
/* The register-level findings as "REGISTER: severity[ID]: message" lines
 * (of year only, when year is not 0). */
void text_register_findings(FILE *fp, enum lang l, const struct file_result *r, int year);

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
