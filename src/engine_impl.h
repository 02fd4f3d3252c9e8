/*
 * engine_impl.h - the engine's state, for engine.c and the fuzz harnesses
 * only (they swap rule sets and choose the parser's threading). Every other
 * module uses engine.h, where struct engine is opaque; do not include this
 * file from src/ outside engine.c.
 */
#ifndef GC_ENGINE_IMPL_H
#define GC_ENGINE_IMPL_H

#include "db.h"
#include "engine.h"
#include "parser.h"

/* What one rule's runs cost, for GRANTCHECK_PROFILE_RULES (engine.c). */
struct rule_cost {
	int64_t runs, ns;
};

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
	int fingerprints; /* engine_set_fingerprints */
	int no_figures;   /* engine_set_figures(e, 0) */
	size_t keep_content; /* engine_set_keep_content */
	statement_identified identified; /* engine_set_identified */
	void *identified_ctx;
	sqlite3_stmt *begin, *commit, *rollback, *set_ctx, *ins_prev, *ins_regrow;
	sqlite3_stmt *get_fields, *get_totals; /* read_figures */
	/* the context table is not emptied with the statement's: "today" is
	 * set once (engine_open), "file" replaced for every statement, and the
	 * rest (load_previous) deleted by clear_ctx before the next one */
	sqlite3_stmt *clear_ctx;
	int ctx_extra; /* a name besides today and file may be set */
	struct rule_cost *costs; /* GRANTCHECK_PROFILE_RULES: one per rule of every set, in order; else NULL */
};

#endif
