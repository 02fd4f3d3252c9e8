/*
 * web_impl.h - what the web*.c files share inside the server (not for the
 * rest of grantcheck): the page language, the pages web_pages.c renders
 * into strbufs for web.c to send.
 */
#ifndef GC_WEB_IMPL_H
#define GC_WEB_IMPL_H

#include "engine.h"
#include "lang.h"
#include "register.h"
#include "util.h"
#include "web_auth.h"

/* The frame every page shares: <html lang>, the stylesheet, the navigation
 * for what who may do, the language switch back to path. sess NULL: not
 * logged in. */
struct webp_frame {
	enum lang lang;
	const struct web_session *sess;
	const char *path;            /* the page the language switch opens: a known route's path */
	const char *query;           /* its parameters but lang, URL-encoded ("id=7"), or NULL */
	const struct rulesets *sets; /* the rule sets (read-only while the server runs): RCC names */
	const char *today;           /* YYYY-MM-DD, the server's today (--today): late and missing */
};

void webp_begin(strbuf *b, const struct webp_frame *f, const char *title);
void webp_end(strbuf *b);
/* A page with one message (an error: status, what, what to do). */
void webp_message(strbuf *b, const struct webp_frame *f, int status, const char *text);
void webp_login(strbuf *b, const struct webp_frame *f, int local_mode, const char *problem);
void webp_home(strbuf *b, const struct webp_frame *f);
void webp_register_form(strbuf *b, const struct webp_frame *f);
void webp_summary_form(strbuf *b, const struct webp_frame *f, const struct rulesets *sets);
/* Wraps the HTML report (a whole document from html_page_finish) in the
 * frame: its inline style gives way to /style.css (CSP), the navigation
 * comes first. note: a paragraph after the navigation (may be NULL). */
void webp_report(strbuf *b, const struct webp_frame *f, const strbuf *report, const char *note, long long submission);
/* submission: when not 0, the note links to that submission's page. */
/* The season grid: RCC x year, cells by status, linking to submissions
 * the viewer may open. */
void webp_grid(strbuf *b, const struct webp_frame *f, const struct rulesets *sets, const struct reg_submission *s,
               int n);
struct regu_finding;
struct regf_diff;
/* One submission: facts, the open findings and, apart, the accepted
 * warnings with their justification (acc: regf_diff of the submission;
 * an officer gets the form that accepts an open warning), history and,
 * when it replaced an earlier one (has_before; pf, npf: that one's
 * findings), what changed: findings new in this one and findings gone (by
 * rule and message). */
void webp_submission(strbuf *b, const struct webp_frame *f, const struct reg_submission *sub,
                     const struct regu_finding *fi, int nf, const struct reg_submission *hist, int nh, int has_before,
                     const struct regu_finding *pf, int npf, const struct regf_diff *acc);
/* The stylesheet: the pages' rules and the report's (from its inline
 * style, so the CSP can forbid inline style). */
void webp_style(strbuf *b);
/* The text in the page's language: sv or en. */
#define WEBP_T(f, sv, en) ((f)->lang == LANG_SV ? (sv) : (en))

#endif
