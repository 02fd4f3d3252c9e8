/*
 * rulehdr.h - the header of a rule: the "-- key: value" lines at the top of
 * a rule file (rules/<programme>/<ID>.sql), and of the built-in rules X1-X4
 * (builtin.c), which are written in the same syntax without SQL.
 *
 *   -- id: A1
 *   -- severity: error                  error, warning or info
 *   -- scope: register                  optional; "statement" is the default
 *   -- title.sv: ...   -- title.en: ...
 *   -- explain.sv: ... -- explain.en: ...
 *   -- fix.sv: ...     -- fix.en: ...     optional: how to correct the finding
 *   -- message.sv: ... -- message.en: ...  the default message
 *   -- message.VARIANT.sv: ... (.en)      a variant a query picks by name
 *   --   an indented line continues the value above it (joined by a space)
 *
 * The parser is pure (no SQLite, no file system): it checks the keys
 * (known, given once, complete: id, severity, titles, explanations, sv and
 * en of every message) and hands the texts over with their line numbers.
 * Placeholders in messages are checked when the messages are compiled
 * against the query's columns (ruleset.c rule_compile_header). A UTF-8
 * byte order mark before the first line is skipped.
 */
#ifndef GC_RULEHDR_H
#define GC_RULEHDR_H

#include <stddef.h>

#include "lang.h"
#include "util.h"

enum severity { SEV_ERROR = 0, SEV_WARNING, SEV_INFO };

const char *severity_name(enum severity s);
int severity_parse(const char *s, enum severity *out);

/* One message text: variant "" is the default message. */
struct rule_msg {
	char *variant;
	enum lang lang;
	char *text;
	int line;
};

struct rule_header {
	char *id;
	int id_line;
	enum severity severity;
	int register_scope; /* "-- scope: register" */
	char *title[LANG_COUNT];
	char *explain[LANG_COUNT];
	char *fix[LANG_COUNT]; /* NULL when not given */
	struct rule_msg *msgs; /* in the order of the header */
	int nmsgs;
	size_t sql_offset; /* where the text after the header starts (after any BOM) */
	int sql_line;      /* its 1-based line */
};

/*
 * Parses the header at the start of text (NUL-terminated). where names the
 * file in messages; expect_id, when not NULL, is the id the file name
 * requires. Returns 0, or -1 with "where:line: what; what to do" in err.
 * Either way h is left safe to pass to rule_header_free().
 */
int rule_header_parse(const char *text, const char *where, const char *expect_id, struct rule_header *h,
                      strbuf *err);
void rule_header_free(struct rule_header *h);

/* Skips a UTF-8 byte order mark at the start of text (rule and .tsv files). */
const char *skip_bom(const char *text);

#endif
