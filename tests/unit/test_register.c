/*
 * test_register.c - register.h on a temporary register: recording a
 * statement from a file_result (its struct figures built here, no engine),
 * the same file twice (recorded once), a newer file for the same RCC and year
 * (it becomes current), last year's statement read back, and the read-only
 * open refusing what is not a register.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "register.h"
#include "suites.h"
#include "util.h"

static char dir[] = "/tmp/gc-test-register-XXXXXX";
static char *db_path;
static struct ruleset fake_set; /* only id and checksum are recorded */

static void setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
	strbuf p = {0};
	sb_printf(&p, "%s/reg.db", dir);
	db_path = sb_take(&p);
	fake_set.id = "rcc-test";
	memset(fake_set.checksum, 'a', 64);
}

static void teardown(void)
{
	strbuf cmd = {0};
	sb_printf(&cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(sb_str(&cmd)), 0);
	sb_free(&cmd);
	free(db_path);
	memcpy(dir + strlen(dir) - 6, "XXXXXX", 6);
}

/* A checked, valid statement of rcc for year whose content hashes to a
 * SHA-256 made of the letter c. */
static void make_result(struct file_result *r, const char *path, char c, const char *rcc, int year, int64_t granted)
{
	memset(r, 0, sizeof *r);
	r->path = xstrdup(path);
	memset(r->sha256, c, 64);
	r->bytes = 1234;
	r->programme = xstrdup("rcc-test");
	r->rcc = xstrdup(rcc);
	r->year = year;
	r->ruleset = &fake_set;
	struct figures *f = &r->figures;
	f->nfields = 3;
	f->fields = xcalloc(3, sizeof *f->fields);
	f->fields[0] = (struct field_value){xstrdup("granted"), xstrdup("x"), 1, granted};
	f->fields[1] = (struct field_value){xstrdup("rcc.id"), xstrdup(rcc), 0, 0};
	f->fields[2] = (struct field_value){xstrdup("attestation.date"), xstrdup("2015-02-27"), 0, 0};
	f->ntotals = 1;
	f->totals = xcalloc(1, sizeof *f->totals);
	f->totals[0] = (struct expense_total){xstrdup("A"), xstrdup("1"), granted / 2, 3};
	f->attested = xstrdup("2015-02-27");
}

static struct reg *open_rw(void)
{
	struct reg *r = xcalloc(1, sizeof *r);
	strbuf err = {0};
	ck_assert_msg(reg_open(r, db_path, REG_CREATE, &err) == 0, "%s", sb_str(&err));
	sb_free(&err);
	return r;
}

static void close_rw(struct reg *r)
{
	reg_close(r);
	free(r);
}

static void record(struct reg *r, const struct file_result *res, enum reg_outcome *oc, long long *sup)
{
	strbuf err = {0};
	ck_assert_msg(reg_record(r, res, "2026-12-01T10:00:00Z", oc, sup, &err) == 0, "%s", sb_str(&err));
	sb_free(&err);
}

START_TEST(record_new)
{
	struct reg *r = open_rw();
	struct file_result res;
	make_result(&res, "in/norr-2014.xml", 'c', "norr", 2014, INT64_C(1250000000));
	enum reg_outcome oc;
	long long sup = -1;
	record(r, &res, &oc, &sup);
	ck_assert_int_eq(oc, REG_NEW);
	ck_assert_int_eq(sup, 0);
	file_result_free(&res);

	struct reg_submission *s;
	int n;
	strbuf err = {0};
	ck_assert_int_eq(reg_list(r, 0, 1, &s, &n, &err), 0);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(s[0].rcc, "norr");
	ck_assert_int_eq(s[0].year, 2014);
	ck_assert_str_eq(s[0].status, "valid");
	ck_assert_str_eq(s[0].path, "in/norr-2014.xml");
	ck_assert_int_eq(s[0].current, 1);
	ck_assert_int_eq((int)strlen(s[0].sha256), 64);
	reg_submissions_free(s, n);

	/* the figures come back as last year's statement, to the öre */
	const struct prev_statement *p;
	ck_assert_int_eq(reg_prev_provider(r, "norr", 2014, &p, &err), 1);
	ck_assert_str_eq(p->rcc, "norr");
	ck_assert_int_eq(p->year, 2014);
	ck_assert_msg(strstr(p->source, "norr-2014.xml") != NULL, "%s", p->source);
	ck_assert_int_eq(p->figures.nfields, 3);
	int granted = 0;
	for (int i = 0; i < p->figures.nfields; i++)
		if (strcmp(p->figures.fields[i].name, "granted") == 0) {
			granted = 1;
			ck_assert(p->figures.fields[i].has_amount);
			ck_assert(p->figures.fields[i].amount == INT64_C(1250000000));
		}
	ck_assert(granted);
	ck_assert_int_eq(reg_prev_provider(r, "norr", 2013, &p, &err), 0);

	/* the rows the register-level rules see */
	struct reg_row *rows;
	ck_assert_int_eq(reg_current_rows(r, &rows, &n, &err), 0);
	ck_assert_int_eq(n, 1);
	ck_assert(rows[0].has_granted && rows[0].granted == INT64_C(1250000000));
	ck_assert(!rows[0].has_received);
	reg_rows_free(rows, n);
	sb_free(&err);
	close_rw(r);
}
END_TEST

START_TEST(record_duplicate_once)
{
	struct reg *r = open_rw();
	struct file_result res;
	make_result(&res, "in/norr-2014.xml", 'c', "norr", 2014, 100);
	enum reg_outcome oc;
	long long sup;
	record(r, &res, &oc, &sup);
	ck_assert_int_eq(oc, REG_NEW);
	free(res.path);
	res.path = xstrdup("elsewhere/copy.xml"); /* same content, another name */
	record(r, &res, &oc, &sup);
	ck_assert_int_eq(oc, REG_DUPLICATE);
	ck_assert_int_eq(sup, 0);
	file_result_free(&res);
	struct reg_submission *s;
	int n;
	strbuf err = {0};
	ck_assert_int_eq(reg_list(r, 0, 1, &s, &n, &err), 0);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(s[0].path, "in/norr-2014.xml");
	reg_submissions_free(s, n);
	sb_free(&err);
	close_rw(r);
}
END_TEST

START_TEST(record_supersedes)
{
	struct reg *r = open_rw();
	struct file_result a, b, other;
	make_result(&a, "in/norr-2014.xml", 'c', "norr", 2014, 100);
	make_result(&b, "in/norr-2014-corrected.xml", 'd', "norr", 2014, 200);
	make_result(&other, "in/syd-2014.xml", 'e', "syd", 2014, 300);
	enum reg_outcome oc;
	long long sup;
	record(r, &a, &oc, &sup);
	record(r, &other, &oc, &sup);
	ck_assert_int_eq(sup, 0);
	record(r, &b, &oc, &sup);
	ck_assert_int_eq(oc, REG_NEW);
	ck_assert_int_eq(sup, 1); /* a was submission #1 */
	file_result_free(&a);
	file_result_free(&b);
	file_result_free(&other);

	struct reg_submission *s;
	int n;
	strbuf err = {0};
	ck_assert_int_eq(reg_list(r, 2014, 0, &s, &n, &err), 0);
	ck_assert_int_eq(n, 2); /* current only: the correction and syd */
	ck_assert_str_eq(s[0].path, "in/norr-2014-corrected.xml");
	ck_assert_int_eq(s[0].id, 3);
	ck_assert_str_eq(s[1].rcc, "syd");
	reg_submissions_free(s, n);
	ck_assert_int_eq(reg_list(r, 0, 1, &s, &n, &err), 0);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(s[0].id, 1);
	ck_assert_int_eq(s[0].current, 0);
	ck_assert_int_eq(s[0].superseded_by, 3);
	reg_submissions_free(s, n);
	/* last year's statement is the current one */
	const struct prev_statement *p;
	ck_assert_int_eq(reg_prev_provider(r, "norr", 2014, &p, &err), 1);
	for (int i = 0; i < p->figures.nfields; i++)
		if (strcmp(p->figures.fields[i].name, "granted") == 0)
			ck_assert(p->figures.fields[i].amount == 200);
	ck_assert_int_eq(reg_list(r, 2015, 1, &s, &n, &err), 0);
	ck_assert_int_eq(n, 0);
	reg_submissions_free(s, n);
	sb_free(&err);
	close_rw(r);
}
END_TEST

START_TEST(readonly_open)
{
	strbuf err = {0};
	struct reg ro;
	ck_assert_int_eq(reg_open_readonly(&ro, db_path, &err), -1);
	ck_assert_msg(strstr(sb_str(&err), "grantcheck register") != NULL, "%s", sb_str(&err));
	ck_assert_int_eq(access(db_path, F_OK), -1); /* not created */
	reg_close(&ro);
	/* an empty file stays empty */
	FILE *fp = fopen(db_path, "w");
	ck_assert_ptr_nonnull(fp);
	fclose(fp);
	sb_reset(&err);
	ck_assert_int_eq(reg_open_readonly(&ro, db_path, &err), -1);
	ck_assert_msg(strstr(sb_str(&err), "empty") != NULL, "%s", sb_str(&err));
	reg_close(&ro);
	fp = fopen(db_path, "r");
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	ck_assert_int_eq(ftell(fp), 0);
	fclose(fp);
	ck_assert_int_eq(unlink(db_path), 0);
	/* a folder */
	sb_reset(&err);
	ck_assert_int_eq(reg_open_readonly(&ro, dir, &err), -1);
	ck_assert_msg(strstr(sb_str(&err), "is a folder") != NULL, "%s", sb_str(&err));
	reg_close(&ro);
	/* a real register reads */
	close_rw(open_rw());
	sb_reset(&err);
	ck_assert_msg(reg_open_readonly(&ro, db_path, &err) == 0, "%s", sb_str(&err));
	struct reg_submission *s;
	int n;
	ck_assert_int_eq(reg_list(&ro, 0, 1, &s, &n, &err), 0);
	ck_assert_int_eq(n, 0);
	reg_submissions_free(s, n);
	reg_close(&ro);
	sb_free(&err);
}
END_TEST

Suite *register_suite(void)
{
	Suite *s = suite_create("register");
	TCase *tc = tcase_create("record");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, record_new);
	tcase_add_test(tc, record_duplicate_once);
	tcase_add_test(tc, record_supersedes);
	tcase_add_test(tc, readonly_open);
	suite_add_tcase(s, tc);
	return s;
}
