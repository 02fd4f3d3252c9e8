/*
 * commands.h - the subcommands, one cmd_*.c file each, dispatched from the
 * command table in commands.c. Each returns the process exit status.
 */
#ifndef GC_COMMANDS_H
#define GC_COMMANDS_H

#include <stdio.h>

int cmd_check(int argc, char **argv);
int cmd_register(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_summary(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_template(int argc, char **argv);

/* Prints the usage of one command to stdout; 0 if it exists. */
int cmd_help_for(const char *name);

/* The overview of all commands. */
void commands_overview(FILE *fp);
/* Dispatches argv[1] to its command; returns the exit status. */
int commands_run(int argc, char **argv);

#endif
