/*
 * test_message.c - message.h: compiling and rendering message templates.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "message.h"
#include "suites.h"
#include "util.h"

/* Parameter values for the getter, by index. */
struct params {
	struct pval v[4];
	int calls[4];
};

static void get(void *ctx, int param, struct pval *out)
{
	struct params *p = ctx;
	ck_assert_int_ge(param, 0);
	ck_assert_int_lt(param, 4);
	p->calls[param]++;
	*out = p->v[param];
}

static const char *const NAMES[] = {"sum", "total"};

static char *render(const struct template *t, enum lang l, struct params *p)
{
	strbuf b = {0};
	template_render(t, l, get, p, &b);
	return sb_take(&b);
}

/* Compiles (must succeed), renders in l, frees the template. */
static char *compile_render(const char *src, enum lang l, struct params *p)
{
	struct template t;
	strbuf err = {0};
	int rc = template_compile(src, NAMES, 2, &t, &err);
	ck_assert_msg(rc == 0, "compile \"%s\": %s", src, sb_str(&err));
	ck_assert_uint_eq(err.len, 0);
	sb_free(&err);
	char *s = render(&t, l, p);
	template_free(&t);
	return s;
}

/* Compiles (must fail); returns the error text. */
static char *compile_error(const char *src)
{
	struct template t;
	strbuf err = {0};
	int rc = template_compile(src, NAMES, 2, &t, &err);
	ck_assert_msg(rc == -1, "compile \"%s\" should fail", src);
	ck_assert_msg(err.len > 0, "compile \"%s\": no error text", src);
	ck_assert_ptr_null(t.segs);
	ck_assert_int_eq(t.n, 0);
	return sb_take(&err);
}

START_TEST(compile_and_render)
{
	struct params p = {{{PV_INT, 123450, NULL}, {PV_INT, 42, NULL}}, {0}};
	struct template t;
	strbuf err = {0};
	ck_assert_int_eq(template_compile("{sum:amount} vs {total}", NAMES, 2, &t, &err), 0);
	ck_assert_int_eq(t.n, 3);
	ck_assert_ptr_null(t.segs[0].literal);
	ck_assert_int_eq(t.segs[0].param, 0);
	ck_assert_int_eq(t.segs[0].format, PF_AMOUNT);
	ck_assert_str_eq(t.segs[1].literal, " vs ");
	ck_assert_ptr_null(t.segs[2].literal);
	ck_assert_int_eq(t.segs[2].param, 1);
	ck_assert_int_eq(t.segs[2].format, PF_PLAIN);
	char *sv = render(&t, LANG_SV, &p);
	char *en = render(&t, LANG_EN, &p);
	ck_assert_str_eq(sv, "1 234,50 kr vs 42");
	ck_assert_str_eq(en, "SEK 1,234.50 vs 42");
	ck_assert_int_eq(p.calls[0], 2);
	ck_assert_int_eq(p.calls[1], 2);
	free(sv);
	free(en);
	template_free(&t);
	ck_assert_ptr_null(t.segs);
	ck_assert_int_eq(t.n, 0);
	sb_free(&err);
}
END_TEST

START_TEST(render_appends_and_literals)
{
	struct params p = {{{PV_INT, -5000050, NULL}, {PV_TEXT, 0, "abc"}}, {0}};
	struct template t;
	strbuf err = {0};
	ck_assert_int_eq(template_compile("Summa: {sum:amount}; text {total}.", NAMES, 2, &t, &err), 0);
	strbuf b = {0};
	sb_puts(&b, ">> ");
	template_render(&t, LANG_SV, get, &p, &b);
	ck_assert_str_eq(b.s, ">> Summa: -50 000,50 kr; text abc.");
	sb_free(&b);
	template_free(&t);
	/* the same parameter twice, and no placeholder at all */
	char *s = compile_render("{total}{total}", LANG_EN, &p);
	ck_assert_str_eq(s, "abcabc");
	free(s);
	s = compile_render("no placeholders", LANG_EN, &p);
	ck_assert_str_eq(s, "no placeholders");
	free(s);
	s = compile_render("", LANG_EN, &p);
	ck_assert_str_eq(s, "");
	free(s);
	sb_free(&err);
}
END_TEST

START_TEST(unknown_placeholder)
{
	char *e = compile_error("Summa {nope} kr");
	ck_assert_msg(strstr(e, "{nope}") != NULL, "%s", e);
	free(e);
	e = compile_error("{sum} and {totals:amount}");
	ck_assert_msg(strstr(e, "totals") != NULL, "%s", e);
	free(e);
	e = compile_error("{}");
	free(e);
	/* names are matched exactly, not by prefix */
	e = compile_error("{su}");
	ck_assert_msg(strstr(e, "{su}") != NULL, "%s", e);
	free(e);
}
END_TEST

START_TEST(unknown_format)
{
	char *e = compile_error("{sum:foo}");
	ck_assert_msg(strstr(e, "foo") != NULL, "%s", e);
	free(e);
	e = compile_error("{sum:}");
	free(e);
	e = compile_error("{sum:amounts}");
	ck_assert_msg(strstr(e, "amounts") != NULL, "%s", e);
	free(e);
	e = compile_error("{sum:AMOUNT}");
	free(e);
}
END_TEST

START_TEST(braces)
{
	struct params p = {{{PV_INT, 7, NULL}}, {0}};
	char *s = compile_render("{{x}}", LANG_SV, &p);
	ck_assert_str_eq(s, "{x}");
	free(s);
	s = compile_render("{{{sum}}}", LANG_SV, &p);
	ck_assert_str_eq(s, "{7}");
	free(s);
	s = compile_render("a {{ b }} c", LANG_EN, &p);
	ck_assert_str_eq(s, "a { b } c");
	free(s);
	char *e = compile_error("lone } brace");
	ck_assert_msg(strstr(e, "}") != NULL, "%s", e);
	free(e);
	e = compile_error("{sum} }");
	free(e);
	e = compile_error("unclosed {sum");
	ck_assert_msg(strstr(e, "{") != NULL, "%s", e);
	free(e);
	e = compile_error("{");
	free(e);
}
END_TEST

START_TEST(percent_format)
{
	struct params p = {{{PV_INT, 1250, NULL}}, {0}};
	char *s = compile_render("{sum:percent}", LANG_SV, &p);
	ck_assert_str_eq(s, "12,50 %");
	free(s);
	s = compile_render("{sum:percent}", LANG_EN, &p);
	ck_assert_str_eq(s, "12.50%");
	free(s);
	p.v[0].i = 5;
	s = compile_render("{sum:percent}", LANG_EN, &p);
	ck_assert_str_eq(s, "0.05%");
	free(s);
	p.v[0].i = -1250;
	s = compile_render("{sum:percent}", LANG_SV, &p);
	ck_assert_str_eq(s, "-12,50 %");
	free(s);
	p.v[0].i = 10000;
	s = compile_render("{sum:percent}", LANG_SV, &p);
	ck_assert_str_eq(s, "100,00 %");
	free(s);
	/* text values are shown as text */
	p.v[0] = (struct pval){PV_TEXT, 0, "n/a"};
	s = compile_render("{sum:percent}", LANG_SV, &p);
	ck_assert_str_eq(s, "n/a");
	free(s);
}
END_TEST

START_TEST(amount_format_text_value)
{
	/* a malformed amount arrives as text: shown as text, not as money */
	struct params p = {{{PV_TEXT, 0, "1 234,50"}}, {0}};
	char *s = compile_render("[{sum:amount}]", LANG_EN, &p);
	ck_assert_str_eq(s, "[1 234,50]");
	free(s);
}
END_TEST

START_TEST(hint_format)
{
	struct params p = {{{PV_TEXT, 0, "1 234,50"}}, {0}};
	char *sv = compile_render("{sum:hint}", LANG_SV, &p);
	char *en = compile_render("{sum:hint}", LANG_EN, &p);
	ck_assert_msg(strstr(sv, "1234.50") && strstr(sv, "skriv"), "%s", sv);
	ck_assert_msg(strstr(en, "1234.50") && strstr(en, "write"), "%s", en);
	free(sv);
	free(en);
	/* a valid amount needs no hint */
	p.v[0].s = "1234.50";
	char *none = compile_render("<{sum:hint}>", LANG_EN, &p);
	ck_assert_str_eq(none, "<>");
	free(none);
}
END_TEST

START_TEST(null_value)
{
	struct params p = {{{PV_NULL, 0, NULL}, {PV_NULL, 0, NULL}}, {0}};
	static const char *const forms[] = {"{sum}", "{sum:amount}", "{sum:percent}", "{sum:hint}"};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		char *s = compile_render(forms[i], LANG_SV, &p);
		ck_assert_msg(strcmp(s, "—") == 0, "%s rendered \"%s\"", forms[i], s);
		free(s);
	}
}
END_TEST

START_TEST(plain_int_value)
{
	struct params p = {{{PV_INT, -9223372036854775807LL - 1, NULL}}, {0}};
	char *s = compile_render("{sum}", LANG_SV, &p);
	ck_assert_str_eq(s, "-9223372036854775808");
	free(s);
}
END_TEST

START_TEST(text_values_made_safe)
{
	struct params p = {{{PV_TEXT, 0, "a\x01" "b\x7f" "c\xC2\x85" "d\te\nf"}}, {0}};
	char *s = compile_render("{sum}", LANG_EN, &p);
	ck_assert_str_eq(s, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD" "e\xEF\xBF\xBD" "f");
	free(s);
	/* plain text values are shortened to 200 characters (message.h) */
	char long_text[301];
	memset(long_text, 'x', 300);
	long_text[300] = '\0';
	p.v[0].s = long_text;
	s = compile_render("{sum}", LANG_EN, &p);
	ck_assert_uint_eq(strlen(s), 200 + strlen("…"));
	ck_assert_str_eq(s + 200, "…");
	free(s);
	long_text[200] = '\0';
	s = compile_render("{sum}", LANG_EN, &p);
	ck_assert_str_eq(s, long_text);
	free(s);
}
END_TEST

/* ---- append_safe_text ------------------------------------------------------ */

static char *safe(const char *s, size_t max)
{
	strbuf b = {0};
	append_safe_text(&b, s, max);
	return sb_take(&b);
}

START_TEST(safe_text_controls)
{
	char *s = safe("ok åäö", 80);
	ck_assert_str_eq(s, "ok åäö");
	free(s);
	s = safe("a\x01z", 80);
	ck_assert_str_eq(s, "a\xEF\xBF\xBDz");
	free(s);
	s = safe("\x7f", 80);
	ck_assert_str_eq(s, "\xEF\xBF\xBD");
	free(s);
	s = safe("x\xC2\x85y", 80); /* C1 NEL: both bytes become one U+FFFD */
	ck_assert_str_eq(s, "x\xEF\xBF\xBDy");
	free(s);
	s = safe("\xC2\xA0", 80); /* no-break space is kept */
	ck_assert_str_eq(s, "\xC2\xA0");
	free(s);
	s = safe("\x1b[31mred", 80); /* an ANSI escape cannot reach a terminal */
	ck_assert_ptr_null(strchr(s, '\x1b'));
	ck_assert_str_eq(s, "\xEF\xBF\xBD[31mred");
	free(s);
	s = safe("", 80);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(safe_text_truncation)
{
	char in[101];
	for (int i = 0; i < 100; i++)
		in[i] = (char)('a' + i % 26);
	in[100] = '\0';
	char *s = safe(in, 80);
	ck_assert_uint_eq(strlen(s), 80 + strlen("…"));
	ck_assert(strncmp(s, in, 80) == 0);
	ck_assert_str_eq(s + 80, "…");
	free(s);
	/* exactly 80 characters: no ellipsis; 81: ellipsis */
	in[80] = '\0';
	s = safe(in, 80);
	ck_assert_str_eq(s, in);
	free(s);
	in[80] = 'x';
	in[81] = '\0';
	s = safe(in, 80);
	ck_assert_uint_eq(strlen(s), 80 + strlen("…"));
	free(s);
}
END_TEST

START_TEST(safe_text_counts_characters)
{
	/* 100 two-byte characters: cut after 80 characters (160 bytes), whole */
	char in[201];
	for (int i = 0; i < 100; i++) {
		in[2 * i] = '\xC3';
		in[2 * i + 1] = '\xA5'; /* å */
	}
	in[200] = '\0';
	char *s = safe(in, 80);
	ck_assert_uint_eq(strlen(s), 160 + strlen("…"));
	ck_assert(strncmp(s, in, 160) == 0);
	ck_assert_str_eq(s + 160, "…");
	free(s);
	s = safe("abc", 0);
	ck_assert_str_eq(s, "…");
	free(s);
}
END_TEST

Suite *message_suite(void)
{
	Suite *s = suite_create("message");
	TCase *tc = tcase_create("template");
	tcase_add_test(tc, compile_and_render);
	tcase_add_test(tc, render_appends_and_literals);
	tcase_add_test(tc, unknown_placeholder);
	tcase_add_test(tc, unknown_format);
	tcase_add_test(tc, braces);
	tcase_add_test(tc, percent_format);
	tcase_add_test(tc, amount_format_text_value);
	tcase_add_test(tc, hint_format);
	tcase_add_test(tc, null_value);
	tcase_add_test(tc, plain_int_value);
	tcase_add_test(tc, text_values_made_safe);
	suite_add_tcase(s, tc);
	tc = tcase_create("safe_text");
	tcase_add_test(tc, safe_text_controls);
	tcase_add_test(tc, safe_text_truncation);
	tcase_add_test(tc, safe_text_counts_characters);
	suite_add_tcase(s, tc);
	return s;
}
