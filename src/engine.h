/*
 * engine.h - validates statement files: the parser fills the working
 * database, the rule set named by the statement is chosen, every rule runs,
 * and each returned row becomes a finding with its message rendered in
 * Swedish and English.
 *
 * The engine is opaque (as the parser is): other modules reach it through
 * the functions below. What a checked statement says travels out in one
 * value, struct figures inside struct file_result; nothing outside engine.c
 * reads or writes the engine's working tables.
 *
 * Cross-statement rules (G5, M5) read `previous_field`, filled from a
 * previous-statement provider: --previous files for `check`, the register
 * for `register`. When none is found the table stays empty and the rules
 * say so (an info finding) instead of guessing.
 */
#ifndef GC_ENGINE_H
#define GC_ENGINE_H

#include "lang.h"
#include "ruleset.h"

struct finding {
	const struct rule *rule;
	enum severity severity;
	long line, col; /* 0: about the file as a whole */
	int year;       /* register-level findings: the year they are about */
	char *msg[LANG_COUNT];
	/* With engine_set_fingerprints(e, 1) only (else NULL): the XML path of
	 * the finding's element ("/statement/expenses/expense[3]", "/" for the
	 * file as a whole) and its fingerprint, hex SHA-256 of rule id, RCC,
	 * year, xpath and the values its message shows (stable when lines move,
	 * different when a value changes). */
	char *xpath, *fingerprint;
};

/* Findings kept per file: enough for any person, and memory stays bounded
 * for a hostile file with millions of problems (the counts stay exact). */
#define FINDINGS_KEPT 10000

/* One value of a statement by its field name (granted, received, rcc.id,
 * attestation.date, ...): the text as written and, where the value is a
 * well-formed amount, the amount in öre. */
struct field_value {
	char *name, *text; /* text NULL when the element was empty or missing */
	int has_amount;
	int64_t amount;
};

/* The expense lines summed per category and criterion (öre). */
struct expense_total {
	char *category, *criterion; /* NULL where the lines gave none */
	int64_t amount, lines;
};

/*
 * A checked statement's figures, filled by the engine after its rules ran:
 * every value (one per field name), the expense totals (none when a line is
 * malformed or a sum overflows: they would be wrong) and the attestation
 * date as written (NULL when missing). Empty when no rule set ran (X1-X4).
 * The register records a statement from this value alone.
 */
struct figures {
	struct field_value *fields;
	int nfields;
	struct expense_total *totals;
	int ntotals;
	char *attested;
};

/* Deep copy (dst is overwritten) and release; a zeroed figures is empty. */
void figures_copy(struct figures *dst, const struct figures *src);
void figures_free(struct figures *f);

/* A statement's bytes as they travel to the register (table content):
 * encoding "raw" (as read) or "zlib"; bytes owned. */
struct file_content {
	const char *encoding; /* static string; NULL: none */
	unsigned char *bytes;
	size_t len;
	int ready; /* 1: in the form the register stores (encoding NULL: nothing to store) */
};

struct file_result {
	char *path;
	char sha256[65];
	uint64_t bytes;
	/* the modification time (seconds since the epoch) of the file whose
	 * bytes were checked, from the fstat of the open file; has_mtime 0 for
	 * standard input, a statement in memory or a missing file */
	int has_mtime;
	int64_t mtime;
	char *programme, *rcc; /* NULL when the file did not give them */
	int year;              /* 0 when not given */
	const struct ruleset *ruleset; /* NULL when no rule set ran */
	struct finding *findings; /* the first FINDINGS_KEPT, sorted by place */
	int nfindings, cap;
	int errors, warnings, infos; /* every finding, kept or not */
	int omitted;                 /* findings counted but not kept */
	struct figures figures;      /* empty when no rule set ran */
	/* With engine_set_keep_content(e, max): the file's bytes as read
	 * ("raw", hashed into sha256 above) when it is a file of at most max
	 * bytes; encoding NULL otherwise. The register's prepare step may turn
	 * them into the form it stores (ready). Freed by file_result_free. */
	struct file_content content;
};

/* Last year's statement as the cross-statement rules see it. */
struct prev_statement {
	char *source; /* file path, or a description of the register entry */
	char *rcc;
	int year;
	struct figures figures;
};

/* The one way to build a previous statement: from a statement's figures
 * (copied; p is overwritten). */
void prev_statement_init(struct prev_statement *p, const char *source, const char *rcc, int year,
                         const struct figures *fig);
void prev_statement_free(struct prev_statement *p);

/* Looks up the statement of `rcc` for `year`; returns 1 and fills *out
 * (owned by the provider) when found, 0 when not, -1 on failure (err). */
typedef int (*prev_provider)(void *ctx, const char *rcc, int year, const struct prev_statement **out,
                             strbuf *err);

/* The current statement of one RCC and year, as the register-level rules
 * (scope register, e.g. G8) see it; strings may be NULL. */
struct reg_row {
	const char *rcc, *programme, *path, *status;
	int year; /* 0: unknown */
	int has_granted, has_received;
	int64_t granted, received;
};

struct engine;

/* Opens the working database and loads every rule set below rules_dir.
 * today: YYYY-MM-DD. NULL with a message in err (exit status 2). */
struct engine *engine_open(const char *rules_dir, const char *today, strbuf *err);
/* A sibling of `like` for another thread (runner.c's workers): its own
 * working database and the rule sets loaded again from the same folder, the
 * same today, fingerprints, figures and keep-content settings and --previous
 * statements as given (engine_set_previous_given; still not owned), and NULL
 * when the folder no longer holds the rules `like` loaded. The
 * previous-statement provider is not copied: set it with engine_set_previous.
 * Reads only settings of `like`, never its working database, so `like` may be
 * checking a file in another thread meanwhile. NULL with a message in err. */
struct engine *engine_open_like(const struct engine *like, strbuf *err);
/* The second half of engine_open_like, for an engine e opened from like's
 * folder and today in another thread (spares.c): e with like's settings, or
 * NULL (e closed, the reason in err) when it loaded other rule sets than
 * like, from a folder changed meanwhile. Accepts e NULL (returns NULL). */
struct engine *engine_adopt(struct engine *e, const struct engine *like, strbuf *err);
/* Accepts NULL. With GRANTCHECK_PROFILE_RULES set (and not 0) at
 * engine_open, prints what each rule's runs cost on standard error. */
void engine_close(struct engine *e);

/* The installed rule sets and the built-in rules (BUILTIN_COUNT of them,
 * X1-X4), for listing and explaining. */
const struct rulesets *engine_rulesets(const struct engine *e);
const struct rule *engine_builtins(const struct engine *e);

/* Where last year's statement comes from (NULL: nowhere; ctx is the
 * provider's). */
void engine_set_previous(struct engine *e, prev_provider provider, void *ctx);
/* The --previous statements as given (not owned), so G5's note can say
 * when the one given is another RCC's or another year's; NULL, 0: none. */
void engine_set_previous_given(struct engine *e, const struct prev_statement *given, int n);

/* Called as soon as a checked statement's RCC and year are read (either
 * may be NULL/0), before its rules run: runner.c's workers tell each other
 * early which statements may change what the register says. NULL: none. */
typedef void (*statement_identified)(void *ctx, const char *rcc, int year);
void engine_set_identified(struct engine *e, statement_identified cb, void *ctx);

/* on: every finding of engine_check/engine_check_mem gets its xpath and
 * fingerprint (struct finding); off (the default) costs nothing. */
void engine_set_fingerprints(struct engine *e, int on);

/* off: engine_check/engine_check_mem leave res->figures empty, for
 * callers that only show or compare findings (check, recheck): reading
 * them costs about a twentieth of a small statement's check. On (the
 * default) for whoever records or reuses them (register, serve). */
void engine_set_figures(struct engine *e, int on);

/* max > 0: engine_check keeps the bytes of every file of at most max bytes
 * in res->content (read once: the register stores them); 0, the default:
 * it keeps none. Never for standard input ("-") or engine_check_mem. */
void engine_set_keep_content(struct engine *e, size_t max);

/* Checks one file. Returns 0 (res filled; findings may be errors) or -1 when
 * the program cannot do its job (a broken rule; err says which). */
int engine_check(struct engine *e, const char *path, struct file_result *res, strbuf *err);
/* The same for a statement in memory (fuzzing, tests); label stands for the
 * path in findings and in the context table. */
int engine_check_mem(struct engine *e, const char *label, const char *data, size_t n, struct file_result *res,
                     strbuf *err);

/* Runs the register-level rules (scope register, e.g. G8) of every rule set
 * over rows[0..n), the current statements of a register; label (the
 * register's path) becomes res->path. */
int engine_check_register(struct engine *e, const char *label, const struct reg_row *rows, int n,
                          struct file_result *res, strbuf *err);

/* Parses a statement for use as a previous statement (--previous). */
int engine_load_previous(struct engine *e, const char *path, struct prev_statement *out, strbuf *err);

void file_result_free(struct file_result *r);

/* A built-in rule (X1-X4) by id. */
const struct rule *engine_builtin(const struct engine *e, const char *id);

#endif
