/*
 * out_html.h - the HTML report: one self-contained page per run (inline CSS,
 * no script, no external resources) that an RCC can attach to its
 * statement. The verdict comes first (overall and per file), then each file
 * with its SHA-256, the rule set id and checksum, and every finding with its
 * rule title, message, how to fix and the statement's lines around it with
 * the place marked. Every text that comes from a statement is HTML-escaped;
 * control characters are shown escaped and invalid UTF-8 as U+FFFD.
 *
 * The page is rendered into strbufs (html_page_*), so the web interface can
 * serve it from memory; output_html() is the writer for check/register that
 * writes the page to a FILE when the run ends.
 */
#ifndef GC_OUT_HTML_H
#define GC_OUT_HTML_H

#include <stdio.h>

#include "engine.h"
#include "lang.h"
#include "util.h"

/* Lines of the statement shown before and after a finding's line. */
#define HTML_CONTEXT_LINES 2
/* Characters of one statement line shown; the rest is cut with "…". */
#define HTML_LINE_CHARS 200
/* Bytes of a statement read again for the excerpts; findings further in
 * are listed without their lines. */
#define HTML_READ_MAX ((size_t)64 << 20)

/* A page being built: the verdict table and the file sections are kept
 * apart so the verdict can come first while files arrive one by one. */
struct html_page {
	enum lang lang;
	char when[32]; /* the time of the run, UTC; SOURCE_DATE_EPOCH if set */
	strbuf verdicts; /* one table row per file */
	strbuf body;     /* one section per file */
	int nfiles, nvalid;
	long errors, warnings, infos;
};

void html_page_init(struct html_page *p, enum lang l);
/* Adds one checked file; note: the register's outcome, or NULL. Reads the
 * statement at r->path again (when it is a regular file) for the excerpts. */
void html_page_file(struct html_page *p, const struct file_result *r, const char *note);
/* The same, reading the excerpts from fd (e.g. a memfd holding an upload;
 * read from offset 0 through a duplicate, not closed) instead of r->path,
 * which is then only a label and never opened; fd -1: as html_page_file. */
void html_page_file_fd(struct html_page *p, const struct file_result *r, const char *note, int fd);
/* Appends the whole document to out. */
void html_page_finish(struct html_page *p, strbuf *out);
void html_page_free(struct html_page *p);

/* Appends s[0..n) HTML-escaped: & < > " ' as entities, control characters
 * as a visible \uXXXX, invalid UTF-8 as U+FFFD. */
void html_escape(strbuf *b, const char *s, size_t n);

#endif
