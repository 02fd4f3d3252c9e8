/*
 * cli.h - the command line: the one option table every command declares its
 * options from, the parser (GNU permutation: options before or after the
 * operands, `--` ends them, `-h` is --help, `--opt=value` and `--opt value`,
 * a lone `-` is an operand), the help generated from the same declaration,
 * usage errors in Swedish and English, and expanding FILE|DIR operands.
 *
 * The command table (which command takes which options and what set-up it
 * needs) is in commands.c; each command's body is one cmd_*.c file.
 */
#ifndef GC_CLI_H
#define GC_CLI_H

#include <stdio.h>

#include "lang.h"
#include "util.h"

enum { EXIT_VALID = 0, EXIT_INVALID = 1, EXIT_TROUBLE = 2 };

/* The shared option rows (cli.c opt_rows[]), in the order help lists them. */
enum opt_id {
	OPT_FORMAT,
	OPT_LANG,
	OPT_RULES,
	OPT_PROGRAMME,
	OPT_PREVIOUS,
	OPT_TODAY,
	OPT_STRICT,
	OPT_DB,
	OPT_YEAR,
	OPT_HISTORY,
	OPT_OUTPUT,
	OPT_RCC,
	OPT_BY,
	OPT_REASON,
	OPT_MISSING,
	OPT_EVENTS,
	OPT_DIFF,
	OPT_FINDING,
	OPT_WHY,
	OPT_LISTEN,
	OPT_MAX_UPLOAD,
	OPT_ROLE,
	OPT_HELP,
	OPT_COUNT,
	OPT_END = -1 /* ends a command's list of options */
};

/* How a command takes an option (struct opt_use.flags). */
enum { OPT_MANY = 1, /* repeatable; every value is kept */
       OPT_REQUIRED = 2 /* must be given */ };

struct opt_use {
	enum opt_id id;
	unsigned flags;
	const char *help[LANG_COUNT]; /* the command's own help line; NULL: the row's */
	/* optional: the command takes fewer values than the row (list: text|json
	 * but not html); NULL: the row's placeholder, validator and message */
	const char *arg[LANG_COUNT];  /* the value's name in help and usage */
	int (*valid)(const char *v);
	const char *bad[LANG_COUNT];  /* when valid() fails; %s is the value */
};

/* --format text or json (a command without the HTML report). */
int cli_valid_text_json(const char *v);

/* What a command line said: the values as given (validated by their row),
 * and the operands in order. With OPT_MANY every value is in many[id];
 * otherwise the last one given is in val[id]. */
struct cli_args {
	const char *val[OPT_COUNT];
	const char **many[OPT_COUNT];
	int nmany[OPT_COUNT];
	size_t capmany[OPT_COUNT]; /* xgrow's capacity of many[id] */
	int given[OPT_COUNT];
	char **operands;
	int noperands;
	enum lang lang; /* --lang, else the environment: the language to talk in */
};

/* What a command accepts: its name, options and operands (the help). */
struct cli_spec {
	const char *name;
	const struct opt_use *opts; /* ends with OPT_END */
	const char *operands[LANG_COUNT]; /* synopsis of the operands, "" for none */
	int min_operands, max_operands; /* max -1: any number */
	const char *need[LANG_COUNT];    /* when the operands are too few or many */
	const char *summary[LANG_COUNT]; /* one line for the overview */
	const char *help[LANG_COUNT];    /* paragraphs for `help CMD` */
};

/* Parses argv[1..argc) (argv[0] is the command) by spec. Returns 0 with *a
 * filled, 1 when --help/-h was asked for (help printed to stdout), or
 * EXIT_TROUBLE after printing a usage error. Free with cli_args_free. */
int cli_parse(const struct cli_spec *spec, int argc, char **argv, struct cli_args *a);
void cli_args_free(struct cli_args *a);

/* "Usage: grantcheck CMD ..." with the options generated from the spec. */
void cli_help(const struct cli_spec *spec, enum lang l, FILE *fp);
/* The synopsis "CMD [--opt ARG]... OPERANDS" (no "grantcheck "); brief:
 * "CMD [options] OPERANDS" (options that must be given are still shown). */
void cli_synopsis(const struct cli_spec *spec, int brief, enum lang l, strbuf *out);
/* The long name of an option ("format"). */
const char *cli_opt_name(enum opt_id id);

/* Prints "grantcheck CMD: what" and "See 'grantcheck help CMD'." in the
 * language l (sv and en formats take the same arguments); returns 2. */
int usage_error(enum lang l, const char *cmd, const char *sv, const char *en, ...)
	__attribute__((format(printf, 4, 5)));

/* The closest of names[0..n) to s by edit distance when close enough to be
 * what was meant ("did you mean"), else NULL. */
const char *cli_suggest(const char *s, const char *const *names, int n);

/* Bytes of a --max-upload value: digits with an optional K, M or G
 * (binary units), at most 1 TiB; -1 if not one. */
long long cli_size(const char *s);

/* The year of a --year value (four digits, 1900-9999); -1 if not one. */
int cli_year(const char *s);

/* Options of check and register as the validation loop (runner.c) wants them. */
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

/* Expands the operands: a directory means every *.xml (any case) below it,
 * in path order; `-` means standard input (once); any other operand must be
 * a file that can be opened. -1 with a message in err (a usage problem:
 * exit 2, nothing checked) when one is missing or cannot be opened. */
char **collect_files(char **args, int nargs, enum lang l, int *n, strbuf *err);
void free_files(char **files, int n);

/* Today's local date, YYYY-MM-DD. */
void today_local(char out[11]);

/* The register path: --db, else $GRANTCHECK_DB, else grantcheck.db. */
const char *default_db(const char *opt);

/* Colour on a terminal, unless NO_COLOR is set or TERM is dumb. */
int want_color(int fd);

/* The rules directory to use (option, environment, source tree, install). */
const char *rules_dir(const char *opt, strbuf *scratch);

#endif
