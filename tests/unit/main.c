/*
 * main.c - runs every unit-test suite (make build/unit-tests && build/unit-tests).
 * Run from the repository root: the parser, rules and engine tests read
 * samples/ and rules/ by relative path.
 *
 * Leak check: CK_FORK=no valgrind --leak-check=full build/unit-tests
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "db.h"
#include "sqlmem.h"
#include "suites.h"

int main(void)
{
	if (db_global_init() != SQLITE_OK) { /* as src/main.c: before any thread opens a database */
		fprintf(stderr, "unit-tests: sqlite3_initialize failed\n");
		return EXIT_FAILURE;
	}
	SRunner *sr = srunner_create(amount_suite());
	srunner_add_suite(sr, hint_suite());
	srunner_add_suite(sr, checks_suite());
	srunner_add_suite(sr, sha256_suite());
	srunner_add_suite(sr, loader_suite());
	srunner_add_suite(sr, message_suite());
	srunner_add_suite(sr, parser_suite());
	srunner_add_suite(sr, rulehdr_suite());
	srunner_add_suite(sr, rules_suite());
	srunner_add_suite(sr, engine_suite());
	srunner_add_suite(sr, register_suite());
	srunner_add_suite(sr, cli_suite());
	srunner_add_suite(sr, summary_suite());
	srunner_add_suite(sr, util_suite());
	srunner_add_suite(sr, html_suite());
	srunner_add_suite(sr, web_suite());
	srunner_add_suite(sr, sqlmem_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	sqlmem_release(); /* as src/main.c: the blocks this thread keeps */
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
