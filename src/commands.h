/*
 * commands.h - the subcommands, one cmd_*.c file each, dispatched from the
 * command table in commands.c (as git's run_builtin()).
 *
 * The table says per command which options it takes (from the shared rows
 * in cli.c) and what set-up it needs; commands_run parses the options, does
 * the set-up, calls the command with a filled struct cmd_ctx, prints its
 * error as "grantcheck CMD: ..." once, checks standard output once and maps
 * every failure to exit status 2.
 */
#ifndef GC_COMMANDS_H
#define GC_COMMANDS_H

#include <stdio.h>

#include "cli.h"

struct engine;
struct reg;
struct spares;

/* What a command gets: its parsed command line and what its flags set up. */
struct cmd_ctx {
	const char *name;     /* "check" */
	struct cli_args args; /* options (args.val[OPT_...]) and operands */
	enum lang lang;       /* --lang, else the environment */
	char today[11];       /* --today, else the local date */
	char **files;         /* COLLECT_FILES: the statement files, in order */
	int nfiles;
	struct engine *engine; /* NEED_RULES: the rule sets, loaded */
	struct spares *spares; /* RUNS_FILES: engines opened ahead for run_files' workers, or NULL */
	struct reg *reg;       /* NEED_REGISTER / MAY_CREATE_REGISTER: open */
	strbuf err; /* a command that returns EXIT_TROUBLE may say why here;
	             * commands_run prints it as "grantcheck CMD: err" */
};

/* Each returns the exit status: EXIT_VALID, EXIT_INVALID, or EXIT_TROUBLE
 * (with the reason in c->err, or already printed). */
int cmd_check(struct cmd_ctx *c);
int cmd_register(struct cmd_ctx *c);
int cmd_list(struct cmd_ctx *c);
int cmd_withdraw(struct cmd_ctx *c);
int cmd_accept(struct cmd_ctx *c);
int cmd_recheck(struct cmd_ctx *c);
int cmd_summary(struct cmd_ctx *c);
int cmd_verify(struct cmd_ctx *c);
int cmd_backup(struct cmd_ctx *c);
int cmd_rules(struct cmd_ctx *c);
int cmd_explain(struct cmd_ctx *c);
int cmd_help(struct cmd_ctx *c);
int cmd_template(struct cmd_ctx *c);
int cmd_serve(struct cmd_ctx *c);
int cmd_user(struct cmd_ctx *c);

/* The options of check and register as the validation loop takes them
 * (pointers into c, valid while c is). */
void cmd_check_opts(const struct cmd_ctx *c, struct check_opts *o);

/* For a command that reads an existing register: -1 with the message in
 * language l when there is no file at path (reg_open's own message is
 * English only), else 0 and reg_open says the rest. */
int commands_register_exists(const char *path, enum lang l, strbuf *err);

/* Prints the help of one command to stdout in language l; 0 if it exists. */
int cmd_help_for(const char *name, enum lang l);

/* The overview of all commands. */
void commands_overview(FILE *fp, enum lang l);
/* Dispatches argv[1] to its command; returns the exit status. */
int commands_run(int argc, char **argv);

#endif
