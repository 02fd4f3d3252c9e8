/*
 * main.c - grantcheck's entry point.
 *
 * grantcheck validates the annual statements the six regional cancer
 * centres send on their use of the state grant (see README.md). The
 * subcommands and their help are in the command table in commands.c.
 */
#include "commands.h"

int main(int argc, char **argv)
{
	return commands_run(argc, argv);
}
