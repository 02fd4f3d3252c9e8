/*
 * engine.h - validates statement files: the parser fills the working
 * database, the rule set named by the statement is chosen, every rule runs,
 * and each returned row becomes a finding with its message rendered in
 * Swedish and English.
 *
 * After engine_check() returns, the statement's tables still hold that file
 * until the next call, so the register can copy the figures it needs.
 *
 * Cross-statement rules (G5, M5) read `previous_field`, filled from a
 * previous-statement provider: --previous files for `check`, the register
 * for `register`. When none is found the table stays empty and the rules
 * say so (an info finding) instead of guessing.
 */
#ifndef GC_ENGINE_H
#define GC_ENGINE_H

#include "db.h"
#include "lang.h"
#include "parser.h"
#include "ruleset.h"

struct finding {
	const struct rule *rule;
	enum severity severity;
	long line, col; /* 0: about the file as a whole */
	int year;       /* register-level findings: the year they are about */
	char *msg[LANG_COUNT];
};

/* Findings kept per file: enough for any person, and memory stays bounded
 * for a hostile file with millions of problems (the counts stay exact). */
#define FINDINGS_KEPT 10000

struct file_result {
	char *path;
	char sha256[65];
	uint64_t bytes;
	char *programme, *rcc; /* NULL when the file did not give them */
	int year;              /* 0 when not given */
	const struct ruleset *ruleset; /* NULL when no rule set ran */
	struct finding *findings; /* the first FINDINGS_KEPT, sorted by place */
	int nfindings, cap;
	int errors, warnings, infos; /* every finding, kept or not */
	int omitted;                 /* findings counted but not kept */
};

/* One field of a previous statement. */
struct prev_field {
	char *name, *text;
	int has_amount;
	int64_t amount;
};

struct prev_statement {
	char *source; /* file path, or a description of the register entry */
	char *rcc;
	int year;
	struct prev_field *fields;
	int nfields;
};

/* Looks up the statement of `rcc` for `year`; returns 1 and fills *out
 * (owned by the provider) when found, 0 when not, -1 on failure (err). */
typedef int (*prev_provider)(void *ctx, const char *rcc, int year, const struct prev_statement **out,
                             strbuf *err);

struct engine {
	struct workdb w;
	struct parser *parser;
	struct rulesets sets;
	struct rule builtins[BUILTIN_COUNT];
	const struct ruleset *active;
	char today[11];
	prev_provider prev;
	void *prev_ctx;
	/* the --previous statements, for G5's note when none is the one needed */
	const struct prev_statement *prev_given;
	int nprev_given;
	sqlite3_stmt *begin, *commit, *rollback, *get_field, *set_ctx, *ins_prev;
};

/* Opens the working database and loads every rule set below rules_dir.
 * today: YYYY-MM-DD. -1 with a message in err (exit status 2). */
int engine_open(struct engine *e, const char *rules_dir, const char *today, strbuf *err);
void engine_close(struct engine *e);

/* Checks one file. Returns 0 (res filled; findings may be errors) or -1 when
 * the program cannot do its job (a broken rule; err says which). */
int engine_check(struct engine *e, const char *path, struct file_result *res, strbuf *err);
/* The same for a statement in memory (fuzzing, tests); label stands for the
 * path in findings and in the context table. */
int engine_check_mem(struct engine *e, const char *label, const char *data, size_t n, struct file_result *res,
                     strbuf *err);

/* Runs the register-level rules (scope register, e.g. G8) of every rule set
 * over the table register_statement, which the caller has filled. */
int engine_check_register(struct engine *e, const char *label, struct file_result *res, strbuf *err);

/* Parses a statement for use as a previous statement (--previous). */
int engine_load_previous(struct engine *e, const char *path, struct prev_statement *out, strbuf *err);
void prev_statement_free(struct prev_statement *p);

void file_result_free(struct file_result *r);

/* A built-in rule (X1-X4) by id. */
const struct rule *engine_builtin(const struct engine *e, const char *id);

#endif
