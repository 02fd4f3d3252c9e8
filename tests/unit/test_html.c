/*
 * test_html.c - the HTML report writer (out_html.c): escaping of statement
 * text, and the excerpt of the statement's lines read again (line ends,
 * windows-1252, long lines cut, the place marked, files that are gone).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out_html.h"
#include "suites.h"

static char *escaped(const char *s, size_t n)
{
	strbuf b = {0};
	html_escape(&b, s, n);
	return sb_take(&b);
}

START_TEST(escape_markup_and_quotes)
{
	const char *in = "<script>a&b\"c'd</script>";
	char *e = escaped(in, strlen(in));
	ck_assert_str_eq(e, "&lt;script&gt;a&amp;b&quot;c&#39;d&lt;/script&gt;");
	free(e);
}
END_TEST

START_TEST(escape_controls_and_invalid_utf8)
{
	/* C0, DEL, C1 (U+0085 as C2 85), a lone continuation byte, a cut sequence at the end */
	char *e = escaped("a\001b\177c\xC2\x85" "d\x80" "e\xC3", 11);
	ck_assert_str_eq(e, "a<span class=\"ctl\">\\u0001</span>b<span class=\"ctl\">\\u007F</span>c"
	                    "<span class=\"ctl\">\\u0085</span>d\xEF\xBF\xBD" "e\xEF\xBF\xBD");
	free(e);
	e = escaped("Sydöst\ttab", strlen("Sydöst\ttab"));
	ck_assert_str_eq(e, "Sydöst\ttab");
	free(e);
}
END_TEST

/* A page for one file with one finding at (line, col) of path. */
static char *page_for(const char *path, long line, long col, enum lang l)
{
	static char id[] = "T1", title[] = "<Title>", explain[] = "Fix <it>";
	struct rule rule;
	memset(&rule, 0, sizeof rule);
	rule.id = id;
	rule.title[LANG_SV] = rule.title[LANG_EN] = title;
	rule.explain[LANG_SV] = rule.explain[LANG_EN] = explain;
	char msg[] = "value \"<b>\"";
	struct finding f = {.rule = &rule, .severity = SEV_ERROR, .line = line, .col = col, .msg = {msg, msg}};
	struct file_result r;
	memset(&r, 0, sizeof r);
	r.path = (char *)path;
	r.findings = &f;
	r.nfindings = 1;
	r.errors = 1;
	struct html_page p;
	html_page_init(&p, l);
	html_page_file(&p, &r, NULL);
	strbuf out = {0};
	html_page_finish(&p, &out);
	html_page_free(&p);
	return sb_take(&out);
}

static char *temp_with(const char *bytes, size_t n)
{
	char *path = strdup("/tmp/gc-html-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, bytes, n), (ssize_t)n);
	close(fd);
	return path;
}

START_TEST(excerpt_marks_the_place)
{
	const char text[] = "l1\r\nl2\r\n<a>x</a>\r\nl4\r\nl5\r\nl6\r\n";
	char *path = temp_with(text, sizeof text - 1);
	char *page = page_for(path, 3, 4, LANG_EN);
	ck_assert_ptr_nonnull(strstr(page, "<span class=\"hit\"><span class=\"ln\">     3</span> &lt;a&gt;<mark>x</mark>&lt;/a&gt;</span>"));
	ck_assert_ptr_nonnull(strstr(page, "<span class=\"ln\">     1</span> l1</span>"));
	ck_assert_ptr_nonnull(strstr(page, "<span class=\"ln\">     5</span> l5</span>"));
	ck_assert_ptr_null(strstr(page, "<span class=\"ln\">     6</span>"));
	ck_assert_ptr_nonnull(strstr(page, "&lt;Title&gt;"));
	ck_assert_ptr_nonnull(strstr(page, "value &quot;&lt;b&gt;&quot;"));
	ck_assert_ptr_nonnull(strstr(page, "Fix &lt;it&gt;"));
	ck_assert_ptr_nonnull(strstr(page, "<html lang=\"en\">"));
	free(page);
	unlink(path);
	free(path);
}
END_TEST

START_TEST(excerpt_windows_1252_and_long_lines)
{
	strbuf t = {0};
	sb_puts(&t, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<n>Syd\xF6st \x96 \x80</n>\n<l>");
	for (int i = 0; i < 300; i++)
		sb_putc(&t, 'x');
	sb_puts(&t, "</l>\n");
	char *path = temp_with(t.s, t.len);
	char *page = page_for(path, 2, 0, LANG_SV);
	ck_assert_ptr_nonnull(strstr(page, "&lt;n&gt;Sydöst – €&lt;/n&gt;"));
	ck_assert_ptr_nonnull(strstr(page, "<span class=\"cut\">…</span>"));
	ck_assert_ptr_nonnull(strstr(page, "<html lang=\"sv\">"));
	free(page);
	page = page_for(path, 3, 250, LANG_EN);
	ck_assert_ptr_nonnull(strstr(page, "column 250 is beyond what is shown"));
	free(page);
	unlink(path);
	free(path);
	sb_free(&t);
}
END_TEST

START_TEST(excerpt_of_a_file_gone)
{
	char *page = page_for("/nonexistent/<x>.xml", 3, 1, LANG_EN);
	ck_assert_ptr_nonnull(strstr(page, "could not be read again"));
	ck_assert_ptr_nonnull(strstr(page, "/nonexistent/&lt;x&gt;.xml"));
	free(page);
}
END_TEST

Suite *html_suite(void)
{
	Suite *s = suite_create("html");
	TCase *tc = tcase_create("html");
	tcase_add_test(tc, escape_markup_and_quotes);
	tcase_add_test(tc, escape_controls_and_invalid_utf8);
	tcase_add_test(tc, excerpt_marks_the_place);
	tcase_add_test(tc, excerpt_windows_1252_and_long_lines);
	tcase_add_test(tc, excerpt_of_a_file_gone);
	suite_add_tcase(s, tc);
	return s;
}
