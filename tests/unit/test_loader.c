/*
 * test_loader.c - loader.h and the threaded parse: the same tables with and
 * without threads, expense groups that add up to the lines, group rows that
 * never overflow, and SQLite errors in the writer reported (exit 2).
 *
 * Loop tests run once per mode: _i 0 without threads, 1 with.
 * Run from the repository root (samples/ is read by relative path).
 */
#include <check.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "loader.h"
#include "parser.h"
#include "suites.h"
#include "util.h"

#define HEAD "<statement xmlns=\"urn:grantcheck:statement:1\" version=\"1\"><expenses>\n"
#define TAIL "</expenses></statement>\n"

static const enum parser_threads modes[] = {PARSER_THREADS_NEVER, PARSER_THREADS_ALWAYS};

struct ctx {
	struct workdb w;
	struct parser *p;
	struct parse_outcome out;
};

static void open_ctx(struct ctx *c)
{
	memset(c, 0, sizeof *c);
	strbuf err = {0};
	ck_assert_msg(db_open(&c->w, &err) == 0, "db_open: %s", sb_str(&err));
	sb_free(&err);
	c->p = parser_new(&c->w);
}

static void close_ctx(struct ctx *c)
{
	parse_outcome_free(&c->out);
	parser_free(c->p);
	db_close(&c->w);
}

static void load(struct ctx *c, enum parser_threads mode, const char *data, size_t n)
{
	strbuf err = {0};
	ck_assert_msg(db_reset_statement(&c->w, &err) == 0, "reset: %s", sb_str(&err));
	sb_free(&err);
	parser_set_threads(c->p, mode);
	parser_load_mem(c->p, data, n, &c->out);
}

static int64_t q_int(struct ctx *c, const char *sql)
{
	sqlite3_stmt *st = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(c->w.db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Every row of the statement tables and the outcome, as text. */
static char *dump(struct ctx *c)
{
	static const char *const tables[] = {"doc", "node", "expense", "expense_group"};
	strbuf b = {0};
	sb_printf(&b, "status %d %s %ld:%ld %s bytes %llu rows %lld\n", (int)c->out.status,
	          c->out.variant ? c->out.variant : "-", c->out.line, c->out.col, c->out.sha256,
	          (unsigned long long)c->out.bytes, (long long)c->out.rows);
	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		char sql[64];
		snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY rowid", tables[t]);
		sqlite3_stmt *st = NULL;
		ck_assert_int_eq(sqlite3_prepare_v2(c->w.db, sql, -1, &st, NULL), SQLITE_OK);
		sb_printf(&b, "[%s]\n", tables[t]);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int i = 0; i < sqlite3_column_count(st); i++) {
				const char *v = (const char *)sqlite3_column_text(st, i);
				sb_printf(&b, "%s%d:%s", i ? "|" : "", sqlite3_column_type(st, i), v ? v : "");
			}
			sb_putc(&b, '\n');
		}
		sqlite3_finalize(st);
	}
	return sb_take(&b);
}

static char *read_all(const char *path, size_t *n)
{
	char *s = read_small_file(path, 64 << 20, n);
	ck_assert_msg(s != NULL, "cannot read %s", path);
	return s;
}

/* n lines over `codes` categories (i*7 mod codes), a third without a
 * criterion, every 50th with a note, every 97th malformed, every 101st with
 * an unknown child element. */
static char *many_codes(int n, int codes, size_t *len)
{
	strbuf b = {0};
	sb_puts(&b, HEAD);
	for (int i = 0; i < n; i++) {
		sb_printf(&b, "<expense category=\"c%d\"", (int)((int64_t)i * 7 % codes));
		if (i % 3)
			sb_printf(&b, " criterion=\"%d.%d\"", i % 10 + 1, i % 2 + 1);
		if (i % 50 == 0)
			sb_printf(&b, " note=\"n%d\"", i);
		if (i % 97 == 0)
			sb_printf(&b, ">%d,50</expense>\n", i);
		else if (i % 101 == 0)
			sb_printf(&b, ">%d.<x:odd xmlns:x=\"urn:x\">1</x:odd>25</expense>\n", i);
		else
			sb_printf(&b, ">%s%d.%02d</expense>\n", i % 11 == 0 ? "-" : "", i, i % 100);
	}
	sb_puts(&b, TAIL);
	*len = b.len;
	return sb_take(&b);
}

/* The same tables with and without threads, for every sample and a
 * generated statement with unknown elements, notes and malformed amounts. */
/* Calls fn on every sample statement (samples/valid, invalid, encodings)
 * with its bytes and the parse mode; returns how many there were. */
static int each_sample(struct ctx *c, enum parser_threads mode,
                       void (*fn)(struct ctx *c, enum parser_threads mode, const char *path, const char *data,
                                  size_t n))
{
	const char *const dirs[] = {"samples/valid", "samples/invalid", "samples/encodings"};
	int files = 0;
	for (size_t d = 0; d < sizeof dirs / sizeof dirs[0]; d++) {
		DIR *dir = opendir(dirs[d]);
		ck_assert_msg(dir != NULL, "cannot open %s", dirs[d]);
		struct dirent *e;
		while ((e = readdir(dir))) {
			if (!strstr(e->d_name, ".xml"))
				continue;
			char path[512];
			snprintf(path, sizeof path, "%s/%s", dirs[d], e->d_name);
			size_t n;
			char *data = read_all(path, &n);
			fn(c, mode, path, data, n);
			free(data);
			files++;
		}
		closedir(dir);
	}
	return files;
}

static void same_with_threads(struct ctx *c, enum parser_threads mode, const char *path, const char *data,
                              size_t n)
{
	(void)mode; /* both */
	load(c, PARSER_THREADS_NEVER, data, n);
	char *a = dump(c);
	load(c, PARSER_THREADS_ALWAYS, data, n);
	char *b = dump(c);
	ck_assert_msg(strcmp(a, b) == 0, "%s differs with threads:\n%s\n---\n%s", path, a, b);
	free(a);
	free(b);
}

START_TEST(threads_load_the_same_tables)
{
	struct ctx c;
	open_ctx(&c);
	ck_assert_int_ge(each_sample(&c, PARSER_THREADS_NEVER, same_with_threads), 50);
	size_t n;
	char *data = many_codes(30000, 1000, &n);
	ck_assert_uint_gt(n, 1 << 20); /* more than a chunk and a block many times over */
	load(&c, PARSER_THREADS_NEVER, data, n);
	char *a = dump(&c);
	load(&c, PARSER_THREADS_ALWAYS, data, n);
	char *b = dump(&c);
	ck_assert_str_eq(a, b);
	ck_assert_int_eq(q_int(&c, "SELECT count(*) FROM expense"), 30000);
	free(a);
	free(b);
	free(data);
	close_ctx(&c);
}
END_TEST

/* The groups hold exactly the lines' counts, sums and first and last ids,
 * also when there are more pairs than LOADER_GROUPS and rows are split. */
START_TEST(groups_add_up_to_the_lines)
{
	struct ctx c;
	open_ctx(&c);
	size_t n;
	char *data = many_codes(20000, 1000, &n);
	load(&c, modes[_i], data, n);
	ck_assert_int_eq(c.out.status, PARSE_OK);
	ck_assert_int_gt(q_int(&c, "SELECT count(DISTINCT category || '/' || coalesce(criterion, '-')) FROM expense"),
	                 LOADER_GROUPS);
	/* more rows than pairs: open groups were written and started again */
	ck_assert_int_gt(q_int(&c, "SELECT count(*) FROM expense_group"),
	                 q_int(&c, "SELECT count(*) FROM (SELECT DISTINCT category, criterion FROM expense_group)"));
	static const char g[] = "SELECT category, criterion, sum(lines), sum(amounts), sum(sum), min(first), max(last)"
	                        " FROM expense_group GROUP BY 1, 2";
	static const char e[] = "SELECT category, criterion, count(*), count(amount), coalesce(sum(amount), 0),"
	                        " min(id), max(id) FROM expense GROUP BY 1, 2";
	char sql[1024];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM (%s EXCEPT %s)", g, e);
	ck_assert_int_eq(q_int(&c, sql), 0);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM (%s EXCEPT %s)", e, g);
	ck_assert_int_eq(q_int(&c, sql), 0);
	ck_assert_int_eq(q_int(&c, "SELECT count(*) FROM expense_group WHERE first > last OR lines > last - first + 1"
	                           " OR amounts > lines OR lines < 1"), 0);
	/* the ids the groups name are the lines' ids */
	ck_assert_int_eq(q_int(&c, "SELECT min(id) FROM expense"), 1);
	ck_assert_int_eq(q_int(&c, "SELECT max(id) FROM expense"), 20000);
	/* lines without a criterion have their own groups (NULL, not '') */
	ck_assert_int_eq(q_int(&c, "SELECT sum(lines) FROM expense_group WHERE criterion IS NULL"),
	                 q_int(&c, "SELECT count(*) FROM expense WHERE criterion IS NULL"));
	free(data);
	close_ctx(&c);
}
END_TEST

/* n lines of the largest amount in one category and criterion. */
static char *largest_amounts(int n, size_t *len)
{
	strbuf b = {0};
	sb_puts(&b, HEAD);
	for (int i = 0; i < n; i++)
		sb_puts(&b, "<expense category=\"it\" criterion=\"5.1\">999999999999.99</expense>\n");
	sb_puts(&b, TAIL);
	*len = b.len;
	return sb_take(&b);
}

/* A row's sum always fits in 64 bits: 92 233 lines of 99 999 999 999 999
 * öre fit in one row, the 92 234th starts a second. sum() over the rows
 * then reports the overflow (as A6), and sum_overflows says so. */
START_TEST(group_rows_fit_in_64_bits)
{
	struct ctx c;
	open_ctx(&c);
	size_t n;
	char *data = largest_amounts(92233, &n);
	load(&c, modes[_i], data, n);
	ck_assert_int_eq(q_int(&c, "SELECT count(*) FROM expense_group"), 1);
	ck_assert_int_eq(q_int(&c, "SELECT sum FROM expense_group"), INT64_C(92233) * INT64_C(99999999999999));
	ck_assert_int_eq(q_int(&c, "SELECT sum_overflows(sum) FROM expense_group"), 0);
	free(data);

	data = largest_amounts(100000, &n);
	load(&c, modes[_i], data, n);
	ck_assert_int_eq(q_int(&c, "SELECT count(*) FROM expense_group"), 2);
	ck_assert_int_eq(q_int(&c, "SELECT lines FROM expense_group WHERE first = 1"), 92233);
	ck_assert_int_eq(q_int(&c, "SELECT first FROM expense_group WHERE first > 1"), 92234);
	ck_assert_int_eq(q_int(&c, "SELECT sum(lines) FROM expense_group"), 100000);
	ck_assert_int_eq(q_int(&c, "SELECT sum_overflows(sum) FROM expense_group"), 1);
	sqlite3_stmt *st = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(c.w.db, "SELECT sum(sum) FROM expense_group", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ERROR);
	ck_assert_ptr_nonnull(strstr(sqlite3_errmsg(c.w.db), "integer overflow"));
	sqlite3_finalize(st);
	free(data);
	close_ctx(&c);
}
END_TEST

/* An element's value lands in its row whether the parser could put it into
 * the element's pending OP_NODE (a few unknown children before the text) or
 * the node's chunk was handed over first (2000 of them) and it became an
 * UPDATE (OP_VALUE): the same row, and the same row of field. */
START_TEST(value_after_many_unknown_children)
{
	struct ctx c;
	open_ctx(&c);
	static const int kids[] = {3, 2000};
	for (size_t k = 0; k < sizeof kids / sizeof kids[0]; k++) {
		strbuf b = {0};
		sb_puts(&b, "<statement xmlns=\"urn:grantcheck:statement:1\" version=\"1\"><rcc id=\"norr\">");
		for (int i = 0; i < kids[k]; i++)
			sb_puts(&b, "<x/>");
		sb_puts(&b, " RCC Nörr </rcc><funds><granted>12.50</granted></funds></statement>\n");
		load(&c, modes[_i], b.s, b.len);
		ck_assert_int_eq(c.out.status, PARSE_OK);
		ck_assert_int_eq(q_int(&c, "SELECT count(*) FROM node WHERE name = 'x'"), kids[k]);
		ck_assert_int_eq(q_int(&c, "SELECT count(*) FROM node WHERE name = 'rcc' AND text = 'RCC Nörr'"
		                           " AND nchars = 8 AND ctrl = 0 AND amount IS NULL"), 1);
		ck_assert_int_eq(q_int(&c, "SELECT count(*) FROM field WHERE name = 'rcc' AND text = 'RCC Nörr'"), 1);
		ck_assert_int_eq(q_int(&c, "SELECT count(*) FROM node WHERE name = 'id' AND text = 'norr'"), 1);
		ck_assert_int_eq(q_int(&c, "SELECT received IS NULL AND granted = 1250 FROM figures"), 1);
		sb_free(&b);
	}
	close_ctx(&c);
}
END_TEST

/* Any number of lines is inserted whole and in order, whatever mix of
 * multi-row INSERTs (64, 32, ... 1 rows) it takes. */
START_TEST(every_count_of_lines)
{
	struct ctx c;
	open_ctx(&c);
	static const int counts[] = {1, 2, 3, 7, 63, 64, 65, 127, 200};
	for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
		size_t n;
		char *data = many_codes(counts[k], 5, &n);
		load(&c, modes[_i], data, n);
		ck_assert_int_eq(q_int(&c, "SELECT count(*) FROM expense"), counts[k]);
		ck_assert_int_eq(q_int(&c, "SELECT max(id) FROM expense"), counts[k]);
		ck_assert_int_eq(q_int(&c, "SELECT count(*) FROM expense e JOIN expense p ON p.id = e.id - 1"
		                           " WHERE e.line <= p.line"), 0);
		ck_assert_int_eq(q_int(&c, "SELECT sum(lines) FROM expense_group"), counts[k]);
		free(data);
	}
	close_ctx(&c);
}
END_TEST

/* field and figures, which the loader writes from what it saw, hold
 * exactly what the definitions over node say (the first node of every
 * short name; the figures by name), for every sample and for years that
 * are nearly four digits, values that never end and values in UPDATEs. */
static void assert_fields_follow_node(struct ctx *c, const char *what)
{
	static const char def[] =
		"SELECT f.field, n.text, n.amount,"
		" CASE WHEN f.type = 'year' AND n.text GLOB '[0-9][0-9][0-9][0-9]' THEN CAST(n.text AS INTEGER) END,"
		" n.line, n.col FROM node n JOIN format f ON f.id = n.fmt"
		" WHERE n.id = (SELECT min(m.id) FROM node m WHERE m.fmt = n.fmt) AND f.field IS NOT NULL";
	static const char tab[] = "SELECT name, text, amount, num, line, col FROM field";
	char sql[2048];
	snprintf(sql, sizeof sql, "SELECT (SELECT count(*) FROM (%s EXCEPT %s)) + (SELECT count(*) FROM (%s EXCEPT %s))"
	         " + abs((SELECT count(*) FROM field) - (SELECT count(*) FROM (%s)))", def, tab, tab, def, def);
	ck_assert_msg(q_int(c, sql) == 0, "field differs from node in %s", what);
	static const char fig[] =
		"SELECT (SELECT num FROM field WHERE name = 'year'), (SELECT amount FROM field WHERE name = 'granted'),"
		" (SELECT amount FROM field WHERE name = 'received'), (SELECT amount FROM field WHERE name = 'carriedOver'),"
		" (SELECT amount FROM field WHERE name = 'totalExpenses'), (SELECT amount FROM field WHERE name = 'closing'),"
		" (SELECT amount FROM field WHERE name = 'carryForward'), (SELECT amount FROM field WHERE name = 'repay')";
	snprintf(sql, sizeof sql, "SELECT (SELECT count(*) FROM figures) = 1 AND NOT EXISTS (SELECT * FROM figures"
	         " EXCEPT %s)", fig);
	ck_assert_msg(q_int(c, sql) == 1, "figures differ from field in %s", what);
	/* parser_field (the engine's programme, rcc.id and year) gives each
	 * row as the table has it, and nothing for a name it lacks */
	sqlite3_stmt *st = NULL;
	ck_assert_int_eq(sqlite3_prepare_v2(c->w.db, "SELECT name, text, coalesce(num, 0), line, col FROM field", -1,
	                                    &st, NULL),
	                 SQLITE_OK);
	int rows = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *want = (const char *)sqlite3_column_text(st, 1);
		const char *text = NULL;
		int num = -1;
		long pos[2] = {0, 0};
		ck_assert_msg(parser_field(c->p, name, &text, &num, pos), "parser_field lacks %s in %s", name, what);
		ck_assert_msg((want == NULL) == (text == NULL) && (!want || strcmp(want, text) == 0),
		              "parser_field's %s text differs in %s", name, what);
		ck_assert_int_eq(num, sqlite3_column_int(st, 2));
		ck_assert_int_eq(pos[0], sqlite3_column_int64(st, 3));
		ck_assert_int_eq(pos[1], sqlite3_column_int64(st, 4));
		rows++;
	}
	sqlite3_finalize(st);
	const char *text = NULL;
	int num = 0;
	long pos[2];
	ck_assert_int_eq(parser_field(c->p, "no.such.field", &text, &num, pos), 0);
	if (c->out.status == PARSE_OK && strstr(what, "samples/valid/"))
		ck_assert_msg(rows > 10, "only %d field rows in %s", rows, what);
}

static void fields_follow_sample(struct ctx *c, enum parser_threads mode, const char *path, const char *data,
                                 size_t n)
{
	load(c, mode, data, n);
	assert_fields_follow_node(c, path);
}

START_TEST(fields_follow_node)
{
	struct ctx c;
	open_ctx(&c);
	each_sample(&c, modes[_i], fields_follow_sample);
	static const char *const years[] = {"2014", "0123", "123", "12345", "20a4", " 2015 ", "", ("\xef\xbc\x92" "014"),
	                                    "2014<x/>", "<x/>2016"};
	for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
		strbuf b = {0};
		sb_printf(&b, "<statement xmlns=\"urn:grantcheck:statement:1\" version=\"1\"><year>%s</year>"
		              "<funds><granted>1.00</granted><received>x</received><granted>2</granted></funds>"
		              "<rcc id=\"a\">", years[i]);
		for (int k = 0; k < 1100; k++) /* rcc's value comes after its chunk was handed over */
			sb_puts(&b, "<y/>");
		sb_puts(&b, "R</rcc><period from=\"2014-01-01\"/><totalExpenses>5");
		load(&c, modes[_i], b.s, b.len); /* ends inside totalExpenses: X2 */
		ck_assert_int_ne(c.out.status, PARSE_OK);
		assert_fields_follow_node(&c, years[i]);
		ck_assert_int_eq(q_int(&c, "SELECT count(*) FROM field WHERE name = 'totalExpenses' AND text IS NULL"), 1);
		sb_free(&b);
	}
	close_ctx(&c);
}
END_TEST

/* A failing INSERT in the loader (inline or on the writer thread) ends
 * the program with status 2 and a message, never a silently short table. */
static void fail_on_missing_table(int mode, const char *table)
{
	struct ctx c;
	open_ctx(&c);
	char sql[64];
	snprintf(sql, sizeof sql, "DROP TABLE %s", table);
	strbuf err = {0};
	ck_assert_int_eq(db_exec(&c.w, sql, &err), 0);
	size_t n;
	char *data = many_codes(5000, 10, &n);
	parser_set_threads(c.p, modes[mode]);
	parser_load_mem(c.p, data, n, &c.out); /* exits */
	free(data);
	close_ctx(&c);
}

START_TEST(writer_error_exits_expense)
{
	fail_on_missing_table(_i, "expense");
}
END_TEST

START_TEST(writer_error_exits_groups)
{
	fail_on_missing_table(_i, "expense_group");
}
END_TEST

Suite *loader_suite(void)
{
	Suite *s = suite_create("loader");
	TCase *tc = tcase_create("loader");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, threads_load_the_same_tables);
	tcase_add_loop_test(tc, groups_add_up_to_the_lines, 0, 2);
	tcase_add_loop_test(tc, group_rows_fit_in_64_bits, 0, 2);
	tcase_add_loop_test(tc, value_after_many_unknown_children, 0, 2);
	tcase_add_loop_test(tc, every_count_of_lines, 0, 2);
	tcase_add_loop_test(tc, fields_follow_node, 0, 2);
	tcase_add_loop_exit_test(tc, writer_error_exits_expense, 2, 0, 2);
	tcase_add_loop_exit_test(tc, writer_error_exits_groups, 2, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}
