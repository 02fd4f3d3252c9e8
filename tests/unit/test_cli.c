/*
 * test_cli.c - cli.h: the permuting option parser (options before or after
 * operands, --, a lone -, --opt=value, repeatable options), suggestions and
 * --year values.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "suites.h"

static const struct opt_use test_opts[] = {{.id = OPT_FORMAT, .flags = 0},   {.id = OPT_LANG, .flags = 0},
                                           {.id = OPT_PREVIOUS, .flags = OPT_MANY}, {.id = OPT_STRICT, .flags = 0},
                                           {.id = OPT_HELP, .flags = 0},     {.id = OPT_END, .flags = 0}};
static const struct cli_spec test_spec = {"check", test_opts, {"FIL...", "FILE..."}, 1, -1,
                                          {"ange en FIL", "give a FILE"}, {"", ""}, {"", ""}};

/* Parses the words of line (split on spaces; argv[0] is the command). */
static int parse_line(const char *line, struct cli_args *a, char *buf, size_t n)
{
	static char *argv[32];
	int argc = 0;
	snprintf(buf, n, "%s", line);
	for (char *w = strtok(buf, " "); w && argc < 32; w = strtok(NULL, " "))
		argv[argc++] = w;
	return cli_parse(&test_spec, argc, argv, a);
}

START_TEST(options_before_and_after_operands)
{
	struct cli_args a;
	char buf[256];
	ck_assert_int_eq(parse_line("check a.xml --format json b.xml --lang=sv --previous p1 --previous=p2 --strict", &a,
	                            buf, sizeof buf), 0);
	ck_assert_int_eq(a.noperands, 2);
	ck_assert_str_eq(a.operands[0], "a.xml");
	ck_assert_str_eq(a.operands[1], "b.xml");
	ck_assert_str_eq(a.val[OPT_FORMAT], "json");
	ck_assert_int_eq(a.lang, LANG_SV);
	ck_assert_int_eq(a.nmany[OPT_PREVIOUS], 2);
	ck_assert_str_eq(a.many[OPT_PREVIOUS][1], "p2");
	ck_assert_int_eq(a.given[OPT_STRICT], 1);
	cli_args_free(&a);
}
END_TEST

START_TEST(double_dash_and_lone_dash)
{
	struct cli_args a;
	char buf[256];
	ck_assert_int_eq(parse_line("check - --lang en -- --strict -h", &a, buf, sizeof buf), 0);
	ck_assert_int_eq(a.noperands, 3);
	ck_assert_str_eq(a.operands[0], "-");
	ck_assert_str_eq(a.operands[1], "--strict");
	ck_assert_str_eq(a.operands[2], "-h");
	ck_assert_int_eq(a.given[OPT_STRICT], 0);
	ck_assert_int_eq(a.lang, LANG_EN);
	cli_args_free(&a);
}
END_TEST

START_TEST(usage_errors)
{
	struct cli_args a;
	char buf[256];
	FILE *saved = stderr;
	stderr = fopen("/dev/null", "w"); /* the messages are the golden tests' business */
	ck_assert_int_eq(parse_line("check a.xml --bogus", &a, buf, sizeof buf), EXIT_TROUBLE);
	cli_args_free(&a);
	ck_assert_int_eq(parse_line("check a.xml --format xml", &a, buf, sizeof buf), EXIT_TROUBLE);
	cli_args_free(&a);
	ck_assert_int_eq(parse_line("check a.xml --format", &a, buf, sizeof buf), EXIT_TROUBLE);
	cli_args_free(&a);
	ck_assert_int_eq(parse_line("check a.xml --strict=1", &a, buf, sizeof buf), EXIT_TROUBLE);
	cli_args_free(&a);
	ck_assert_int_eq(parse_line("check a.xml --db x.db", &a, buf, sizeof buf), EXIT_TROUBLE);
	cli_args_free(&a);
	ck_assert_int_eq(parse_line("check --lang sv", &a, buf, sizeof buf), EXIT_TROUBLE);
	cli_args_free(&a);
	fclose(stderr);
	stderr = saved;
}
END_TEST

START_TEST(suggestions)
{
	static const char *const cmds[] = {"check", "register", "list", "summary", "rules", "explain", "help"};
	ck_assert_str_eq(cli_suggest("chek", cmds, 7), "check");
	ck_assert_str_eq(cli_suggest("CHECK", cmds, 7), "check");
	ck_assert_str_eq(cli_suggest("registr", cmds, 7), "register");
	ck_assert_ptr_null(cli_suggest("frobnicate", cmds, 7));
	ck_assert_ptr_null(cli_suggest("x", cmds, 7));
	ck_assert_int_eq(cli_year("2014"), 2014);
	ck_assert_int_eq(cli_year("14"), -1);
	ck_assert_int_eq(cli_year("2014x"), -1);
	ck_assert_int_eq(cli_year("1899"), -1);
}
END_TEST

Suite *cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, options_before_and_after_operands);
	tcase_add_test(tc, double_dash_and_lone_dash);
	tcase_add_test(tc, usage_errors);
	tcase_add_test(tc, suggestions);
	suite_add_tcase(s, tc);
	return s;
}
