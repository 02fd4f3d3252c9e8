/*
 * cli.h - what the subcommands share: the options of check and register,
 * expanding directory arguments, the run date, usage errors.
 * Each subcommand lives in its own cmd_*.c; main.c has the command table.
 */
#ifndef GC_CLI_H
#define GC_CLI_H

#include "lang.h"
#include "util.h"

enum { EXIT_VALID = 0, EXIT_INVALID = 1, EXIT_TROUBLE = 2 };

struct check_opts {
	int json;
	int html;        /* --format html */
	const char *out; /* -o FILE: written atomically; NULL: stdout */
	enum lang lang;
	const char *rules;
	const char **previous;
	int nprevious;
	char today[11];
	int strict;
	const char *db;
	char **args; /* FILE|DIR arguments */
	int nargs;
};

/* Parses the options of check (with_db 0) or register (with_db 1).
 * Returns 0, or an exit status (usage printed) when the run must end. */
int parse_check_opts(int argc, char **argv, int with_db, struct check_opts *o);
void check_opts_free(struct check_opts *o);

/* Expands the arguments: a directory means every *.xml below it, in path
 * order; other arguments are kept as given. */
char **collect_files(char **args, int nargs, int *n, strbuf *err);
void free_files(char **files, int n);

/* Today's local date, YYYY-MM-DD. */
void today_local(char out[11]);

/* The register path: --db, else $GRANTCHECK_DB, else grantcheck.db. */
const char *default_db(const char *opt);

/* Prints "grantcheck CMD: what" and "see grantcheck help CMD"; returns 2. */
int usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Colour on a terminal, unless NO_COLOR is set or TERM is dumb. */
int want_color(int fd);

/* The rules directory to use (option, environment, source tree, install). */
const char *rules_dir(const char *opt, strbuf *scratch);

#endif
