/*
 * test_rulehdr.c - the rule header parser (rulehdr.c), without SQLite or
 * files: BOM, continuation lines, unknown, missing and duplicate keys,
 * the optional fix.* keys; the built-in rules' headers; the SQL function
 * table (sqlfunc.c) that is the sandbox's allow-list.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rulehdr.h"
#include "ruleset.h"
#include "sqlfunc.h"
#include "suites.h"
#include "util.h"

#define HEAD                                                                                                   \
	"-- id: Z1\n-- severity: warning\n-- title.sv: Titel\n-- title.en: Title\n-- explain.sv: Förklaring\n" \
	"-- explain.en: Explanation\n-- message.sv: Fel {x}\n-- message.en: Error {x}\n"

/* Parses text expecting failure; err must hold why, at where:line. */
static void expect_error(const char *text, const char *why, int line)
{
	struct rule_header h;
	strbuf err = {0};
	ck_assert_int_eq(rule_header_parse(text, "Z1.sql", "Z1", &h, &err), -1);
	ck_assert_msg(strstr(sb_str(&err), why) != NULL, "%s", sb_str(&err));
	if (line) {
		char at[32];
		snprintf(at, sizeof at, "Z1.sql:%d:", line);
		ck_assert_msg(strncmp(sb_str(&err), at, strlen(at)) == 0, "%s (expected %s)", sb_str(&err), at);
	}
	rule_header_free(&h);
	sb_free(&err);
}

START_TEST(minimal_header)
{
	struct rule_header h;
	strbuf err = {0};
	const char *text = HEAD "SELECT 1";
	ck_assert_msg(rule_header_parse(text, "Z1.sql", "Z1", &h, &err) == 0, "%s", sb_str(&err));
	ck_assert_str_eq(h.id, "Z1");
	ck_assert_int_eq(h.severity, SEV_WARNING);
	ck_assert_int_eq(h.register_scope, 0);
	ck_assert_str_eq(h.title[LANG_EN], "Title");
	ck_assert_str_eq(h.explain[LANG_SV], "Förklaring");
	ck_assert_ptr_null(h.fix[LANG_SV]);
	ck_assert_int_eq(h.nmsgs, 2);
	ck_assert_str_eq(h.msgs[1].text, "Error {x}");
	ck_assert_int_eq(h.msgs[1].lang, LANG_EN);
	ck_assert_int_eq(h.msgs[1].line, 8);
	ck_assert_str_eq(text + h.sql_offset, "SELECT 1");
	ck_assert_int_eq(h.sql_line, 9);
	rule_header_free(&h);
	sb_free(&err);
}
END_TEST

START_TEST(bom_is_skipped)
{
	struct rule_header h;
	strbuf err = {0};
	const char *text = "\xEF\xBB\xBF" HEAD "SELECT 1";
	ck_assert_msg(rule_header_parse(text, "Z1.sql", "Z1", &h, &err) == 0, "%s", sb_str(&err));
	ck_assert_str_eq(h.id, "Z1");
	ck_assert_str_eq(text + h.sql_offset, "SELECT 1");
	ck_assert_int_eq(h.sql_line, 9);
	rule_header_free(&h);
	/* only at the start: a BOM before a later line is no header line */
	ck_assert_int_eq(rule_header_parse("-- id: Z1\n\xEF\xBB\xBF-- severity: error\n", "Z1.sql", "Z1", &h, &err),
	                 -1);
	rule_header_free(&h);
	sb_free(&err);
}
END_TEST

START_TEST(continuation_lines)
{
	struct rule_header h;
	strbuf err = {0};
	const char *text = "-- id: Z1\n-- severity: info\n-- title.sv: T\n-- title.en: T\n"
	                   "-- explain.sv: första\n--   andra\r\n--     tredje\n"
	                   "-- explain.en: one\n--   two\n"
	                   "-- fix.sv: rätta\n--   så här\n-- fix.en: fix\n--   it so\n"
	                   "-- message.sv: m\n-- message.en: m\n-- message.low.en: low\n--   really\n"
	                   "-- message.low.sv: låg\n"
	                   "-- a comment line that is no key\n"
	                   "SELECT 1";
	ck_assert_msg(rule_header_parse(text, "Z1.sql", NULL, &h, &err) == 0, "%s", sb_str(&err));
	ck_assert_str_eq(h.explain[LANG_SV], "första andra tredje");
	ck_assert_str_eq(h.explain[LANG_EN], "one two");
	ck_assert_str_eq(h.fix[LANG_SV], "rätta så här");
	ck_assert_str_eq(h.fix[LANG_EN], "fix it so");
	ck_assert_int_eq(h.nmsgs, 4);
	ck_assert_str_eq(h.msgs[2].variant, "low");
	ck_assert_str_eq(h.msgs[2].text, "low really");
	ck_assert_int_eq(h.sql_line, 20);
	rule_header_free(&h);
	sb_free(&err);
}
END_TEST

START_TEST(unknown_key)
{
	expect_error(HEAD "-- colour.sv: röd\nSELECT 1", "unknown header key \"colour.sv\"", 9);
	expect_error(HEAD "-- fix.de: x\nSELECT 1", "unknown header key \"fix.de\"", 9);
	expect_error(HEAD "-- message..sv: x\nSELECT 1", "unknown header key", 9);
	expect_error(HEAD "-- scope: file\nSELECT 1", "scope must be statement", 9);
}
END_TEST

START_TEST(missing_key)
{
	expect_error("-- severity: error\nSELECT 1", "no \"-- id: ...\" line", 1);
	expect_error("-- id: Z1\n-- title.sv: t\nSELECT 1", "severity must be", 1);
	expect_error("-- id: Z1\n-- severity: fatal\n", "severity must be", 2);
	expect_error("-- id: Z1\n-- severity: error\n-- title.sv: t\n-- explain.sv: e\n-- explain.en: e\n",
	             "title.en", 1);
	/* messages: the default, and both languages of every variant */
	expect_error("-- id: Z1\n-- severity: error\n-- title.sv: t\n-- title.en: t\n-- explain.sv: e\n"
	             "-- explain.en: e\n",
	             "message.sv and message.en", 1);
	expect_error("-- id: Z1\n-- severity: error\n-- title.sv: t\n-- title.en: t\n-- explain.sv: e\n"
	             "-- explain.en: e\n-- message.sv: m\n",
	             "message.en is missing", 1);
	expect_error(HEAD "-- message.low.sv: l\n", "message.low.en is missing", 1);
	/* the file name's id */
	expect_error("-- id: Z2\n-- severity: error\n", "the rule id \"Z2\" differs from the file name", 1);
}
END_TEST

START_TEST(duplicate_key)
{
	expect_error(HEAD "-- title.sv: Igen\nSELECT 1", "\"title.sv\" is given twice (first on line 3)", 9);
	expect_error(HEAD "-- message.en: Again\n", "\"message.en\" is given twice", 9);
	expect_error("-- id: Z1\n-- id: Z1\n", "\"id\" is given twice", 2);
}
END_TEST

START_TEST(builtin_rules_parse)
{
	struct rule b[BUILTIN_COUNT];
	builtin_rules_init(b); /* exits on a header error */
	static const char *const ids[BUILTIN_COUNT] = {"X1", "X2", "X3", "X4"};
	for (int i = 0; i < BUILTIN_COUNT; i++) {
		ck_assert_str_eq(b[i].id, ids[i]);
		ck_assert_ptr_nonnull(rule_variant(&b[i], ""));
		ck_assert_ptr_null(b[i].stmt);
		ck_assert_int_eq(b[i].order, i + 1);
	}
	ck_assert_ptr_nonnull(rule_variant(&b[2], "nonamespace"));
	ck_assert_int_eq(b[0].nvariants, 6);
	ck_assert_int_eq(b[2].nvariants, 6);
	builtin_rules_free(b);
}
END_TEST

START_TEST(sqlfunc_table)
{
	int n = 0;
	for (const char *prev = NULL, *name; (name = sqlfunc_name(n)); prev = name, n++) {
		if (prev)
			ck_assert_msg(strcmp(prev, name) < 0, "sqlfunc.c: %s after %s: keep the table sorted", name, prev);
		ck_assert_int_eq(sqlfunc_allowed(name), 1);
	}
	ck_assert_int_gt(n, 40);
	ck_assert_int_eq(sqlfunc_allowed("SUM_Overflows"), 1);
	ck_assert_int_eq(sqlfunc_allowed("avg"), 0);
	ck_assert_int_eq(sqlfunc_allowed("total"), 0);
	ck_assert_int_eq(sqlfunc_allowed("load_extension"), 0);
	ck_assert_int_eq(sqlfunc_allowed("random"), 0);
}
END_TEST

Suite *rulehdr_suite(void)
{
	Suite *s = suite_create("rulehdr");
	TCase *tc = tcase_create("header");
	tcase_add_test(tc, minimal_header);
	tcase_add_test(tc, bom_is_skipped);
	tcase_add_test(tc, continuation_lines);
	tcase_add_test(tc, unknown_key);
	tcase_add_test(tc, missing_key);
	tcase_add_test(tc, duplicate_key);
	tcase_add_test(tc, builtin_rules_parse);
	tcase_add_test(tc, sqlfunc_table);
	suite_add_tcase(s, tc);
	return s;
}
