/*
 * suites.h - the Check suites of the unit tests, one per module
 * (tests/unit/test_<module>.c), run together by main.c.
 */
#ifndef GC_TEST_SUITES_H
#define GC_TEST_SUITES_H

#include <check.h>

Suite *amount_suite(void);
Suite *hint_suite(void);
Suite *checks_suite(void);
Suite *sha256_suite(void);
Suite *message_suite(void);
Suite *parser_suite(void);
Suite *loader_suite(void);
Suite *rules_suite(void);
Suite *rulehdr_suite(void);
Suite *engine_suite(void);
Suite *register_suite(void);
Suite *cli_suite(void);
Suite *summary_suite(void);
Suite *util_suite(void);
Suite *html_suite(void);
Suite *web_suite(void);
Suite *sqlmem_suite(void);

#endif
