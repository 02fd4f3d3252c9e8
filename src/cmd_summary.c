/*
 * cmd_summary.c - `grantcheck summary`: the Excel workbook for the ministry.
 * (Being written; see summary-workbook.md.)
 */
#include <stdio.h>

#include "cli.h"
#include "commands.h"

int cmd_summary(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "grantcheck summary: not yet available\n");
	return EXIT_TROUBLE;
}
