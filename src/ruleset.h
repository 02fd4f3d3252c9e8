/*
 * ruleset.h - rule sets: one folder per programme period under the rules
 * directory (rules/rcc-2013-2015/ ...), holding
 *   programme.tsv   key<TAB>value: id, titles, number of RCCs, thresholds,
 *                   rule_order (the catalogue order of the ids' letters:
 *                   "X S A G P M") and overflow_rule (the rule reporting a
 *                   sum too large for 64 bits: A6), both checked at load
 *   years.tsv       year<TAB>appropriation<TAB>due date
 *   codes.tsv       list<TAB>code<TAB>label_sv<TAB>label_en
 *   <ID>.sql        one rule: a header of "-- key: value" lines (rulehdr.h),
 *                   then one read-only SELECT returning a row per finding
 * Every *.sql and *.tsv entry must be a readable regular file (a dangling
 * link, a FIFO or a folder named x.sql is an error naming it, never a
 * skipped rule); a UTF-8 BOM at the start of a file is accepted.
 * A new programme period is a new folder; no C changes.
 *
 * Rules are prepared once per run (db_prepare_rule: the sandbox) and reused
 * for every statement. The document-level rules X1-X4 are built in
 * (builtin.c), in the same header syntax: they apply before any rule set
 * can be chosen.
 */
#ifndef GC_RULESET_H
#define GC_RULESET_H

#include <sqlite3.h>
#include <stdint.h>

#include "db.h"
#include "lang.h"
#include "message.h"
#include "rulehdr.h"

struct variant {
	char *name; /* "" for the default message */
	struct template msg[LANG_COUNT];
};

struct rule {
	char *id;
	char *path;  /* the rule file, or "(built in)" */
	int order;   /* catalogue order: the rule set's rule_order, then number */
	enum severity severity;
	char *title[LANG_COUNT];
	char *explain[LANG_COUNT];
	char *fix[LANG_COUNT]; /* how to correct a finding; NULL when the header has no fix.* */
	struct variant *variants;
	int nvariants;
	size_t variants_cap; /* xgrow's capacity of variants */
	sqlite3_stmt *stmt; /* NULL for built-in rules */
	int ncols;
	char **cols;
	int c_line, c_col, c_severity, c_variant, c_year; /* column indexes or -1 */
	int register_scope; /* "-- scope: register": runs over the register, not per file */
	/* its SQL names previous_field or context, which hold last year's
	 * statement: it runs after the other rules, once that statement is
	 * loaded (a worker of runner.c may have to wait for it) */
	int reads_previous;
};

struct rs_year {
	int year;
	int64_t appropriation; /* öre */
	char due[11];
};

struct rs_code {
	char *list, *code, *label[LANG_COUNT];
};

struct rs_param {
	char *name, *value;
};

struct ruleset {
	char *id;
	char *dir;
	char checksum[65]; /* SHA-256 over the folder's files */
	char *title[LANG_COUNT];
	struct rule *rules;
	int nrules;
	struct rs_param *params;
	int nparams;
	struct rs_year *years;
	int nyears;
	struct rs_code *codes;
	int ncodes;
	size_t params_cap, years_cap, codes_cap; /* xgrow's capacities */
	char *rule_order;             /* programme.tsv rule_order: "X S A G P M" */
	const struct rule *overflow;  /* programme.tsv overflow_rule, or NULL */
};

struct rulesets {
	char *root;
	struct ruleset *sets;
	int n;
};

/* Loads every rule set below root and prepares its rules in w.
 * -1 with "file:line: what; what to do" in err when anything is wrong. */
int rulesets_load(struct rulesets *rs, const char *root, struct workdb *w, strbuf *err);
void rulesets_free(struct rulesets *rs);
const struct ruleset *rulesets_find(const struct rulesets *rs, const char *id);
const struct rule *ruleset_rule(const struct ruleset *set, const char *id);
const char *ruleset_param(const struct ruleset *set, const char *name);
/* Fills param, programme_year and code with this set's data. */
int ruleset_activate(struct workdb *w, const struct ruleset *set, strbuf *err);

/* Catalogue order of an id such as "S3" in order, a space-separated list of
 * id prefixes such as "X S A G P M" (programme.tsv rule_order): the
 * prefix's place, then the number; prefixes not listed sort last. */
int rule_order(const char *order, const char *id);

/* Moves the texts of a parsed header into r (r->path set) and compiles its
 * messages against names (the query's columns, or the built-in rules'
 * parameters). -1 with "path:line: why" in err; r is then for rule_free(). */
int rule_from_header(struct rule *r, struct rule_header *h, const char *const *names, int nnames, strbuf *err);

/* The built-in document rules X1-X4 (builtin.c), compiled into out[]. */
#define BUILTIN_COUNT 4
void builtin_rules_init(struct rule out[BUILTIN_COUNT]);
void builtin_rules_free(struct rule rules[BUILTIN_COUNT]);
/* Parameter indexes the built-in templates use. */
/* BP_SV and BP_EN ({sv}, {en}) are words the parser wrote in each language;
 * a Swedish template uses {sv}, its English twin {en}. */
enum { BP_REASON, BP_FOUND, BP_PROGRAMME, BP_INSTALLED, BP_SV, BP_EN, BP_COUNT };
/* Frees what load/init allocated in one rule. */
void rule_free(struct rule *r);
/* The variant called name ("" default), or NULL. */
const struct variant *rule_variant(const struct rule *r, const char *name);

/* The rules directory: --rules, $GRANTCHECK_RULES, the source tree next to
 * the executable, or the installed data folder. */
const char *rules_dir_default(strbuf *scratch);

#endif
