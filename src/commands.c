/*
 * commands.c - the command table: every subcommand with its synopsis and
 * help, the overview, and dispatch. Each command itself is one cmd_*.c file.
 */
#include <expat.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "output.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *synopsis;
	const char *help;
};

static const struct command commands[] = {
	{"check", cmd_check, "check    [options] FILE|DIR...",
	 "Validates statements against the rule set their <programme> names. Nothing is stored.\n"
	 "A DIR means every *.xml file below it, in path order.\n\n"
	 "  --format text|json|html  output form (default text); html: one self-contained report page\n"
	 "  -o, --output FILE    write the output to FILE (atomically) instead of standard output\n"
	 "  --lang sv|en         message language (default from LC_ALL/LC_MESSAGES/LANG)\n"
	 "  --rules DIR          where the rule sets are (default: the installed ones)\n"
	 "  --previous FILE      the same RCC's statement for the year before (G5, M5); repeatable\n"
	 "  --today YYYY-MM-DD   the date taken as today (date rules; reproducible runs)\n"
	 "  --strict             warnings count as errors for the exit status\n\n"
	 "Exit status: 0 all valid, 1 an error finding in some file, 2 could not do the job.\n"},
	{"register", cmd_register, "register [options] [--db FILE] FILE|DIR...",
	 "Validates statements exactly as check does and records every file in the register: RCC, year,\n"
	 "SHA-256, time received, the rule set and its checksum, the outcome, the figures and every finding.\n"
	 "The same file registered twice is recorded once. A newer file for the same RCC and year becomes\n"
	 "the current one; the older stays as history. G5 and M5 use the current statement of the year\n"
	 "before from the register.\n\n"
	 "  --db FILE            the register (default $GRANTCHECK_DB, else grantcheck.db)\n"
	 "  and the options of check: --format, --lang, --rules, --previous, --today, --strict\n"},
	{"list", cmd_list, "list     [--db FILE] [--year Y] [--history] [--format text|json] [--lang sv|en]",
	 "Lists the current submission of every RCC and year in the register with its status and counts,\n"
	 "and the register-level findings (G8: equal shares per year). --history shows superseded\n"
	 "submissions too.\n"},
	{"summary", cmd_summary, "summary  [--db FILE] [--year Y]... [--lang sv|en] [--rules DIR] -o OUT.xlsx",
	 "Writes the Excel summary for the ministry from the register's current statements (default: every\n"
	 "year in the register). Swedish by default, English with --lang en. The workbook is written to a\n"
	 "temporary file and renamed into place.\n"},
	{"rules", cmd_rules, "rules    [--rules DIR] [--programme ID] [--lang sv|en]",
	 "Lists the rules of every installed rule set: id, severity and title.\n"},
	{"explain", cmd_explain, "explain  RULE-ID [--rules DIR] [--programme ID]",
	 "Explains what a rule checks and how to fix a finding, in Swedish and English.\n"},
	{"template", cmd_template, "template --rcc ID --year Y [--lang sv|en] [--previous FILE | --db FILE] [-o FILE]",
	 "Writes a statement skeleton for one RCC and year, with comments in the chosen language: the\n"
	 "programme, period, the RCC's name, the granted amount and currency from the rule set, carriedOver\n"
	 "from last year's statement (--previous FILE, or the register's current one with --db), and every\n"
	 "category and criterion code as a commented example line. Fill in the empty values, then check it.\n\n"
	 "  --rcc ID             the RCC (e.g. sydost); an unknown one lists the valid ids\n"
	 "  --year Y             the reporting year; it chooses the programme whose years contain it\n"
	 "  --lang sv|en         language of the comments (default from LC_ALL/LC_MESSAGES/LANG)\n"
	 "  --previous FILE      last year's statement of the same RCC: its carryForward becomes carriedOver\n"
	 "  --db FILE            or take last year's current statement from this register\n"
	 "  --rules DIR          where the rule sets are (default: the installed ones)\n"
	 "  -o, --output FILE    write to FILE (atomically) instead of standard output\n"},
	{"help", cmd_help, "help     [COMMAND]", "Shows the commands, or the help of one command.\n"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

void commands_overview(FILE *fp)
{
	fprintf(fp, "grantcheck %s - validates the RCC grant statements\n\nUsage:\n", GRANTCHECK_VERSION);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(fp, "  grantcheck %s\n", commands[i].synopsis);
	fprintf(fp, "  grantcheck --help | --version\n\nSee 'grantcheck help COMMAND' for one command.\n");
}

int cmd_help_for(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0) {
			printf("Usage: grantcheck %s\n\n%s", commands[i].synopsis, commands[i].help);
			return 0;
		}
	return -1;
}

int cmd_help(int argc, char **argv)
{
	if (argc < 2) {
		commands_overview(stdout);
		return EXIT_VALID;
	}
	if (cmd_help_for(argv[1])) {
		fprintf(stderr, "grantcheck help: no command '%s'; 'grantcheck --help' lists them\n", argv[1]);
		return EXIT_TROUBLE;
	}
	return EXIT_VALID;
}


int commands_run(int argc, char **argv)
{
	if (argc < 2) {
		commands_overview(stderr);
		return EXIT_TROUBLE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		commands_overview(stdout);
		return EXIT_VALID;
	}
	if (strcmp(argv[1], "--version") == 0) {
		XML_Expat_Version xv = XML_ExpatVersionInfo();
		printf("grantcheck %s (SQLite %s, expat %d.%d.%d)\n", GRANTCHECK_VERSION, sqlite3_libversion(), xv.major,
		       xv.minor, xv.micro);
		return EXIT_VALID;
	}
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, argv[1]) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "grantcheck: '%s' is not a command; 'grantcheck --help' lists them\n", argv[1]);
	return EXIT_TROUBLE;
}
