/*
 * test_register.c - register.h on a temporary register: recording a
 * statement from a file_result (its struct figures built here, no engine),
 * the same file twice (recorded once), a newer file for the same RCC and year
 * (it becomes current), last year's statement read back, and the read-only
 * open refusing what is not a register; schema v2: the corrected copy wins
 * within one run, withdraw reinstates the newest remaining submission and
 * keeps who/when/why, the append-only event trail, an RCC not in the rule
 * set is unidentified and never current; the user and finding lookups of
 * register_users.c; the statement's bytes and file date stored as the
 * engine read them.
 */
#include <check.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "register.h"
#include "register_findings.h"
#include "register_users.h"
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

static void set_attested(struct file_result *r, const char *date)
{
	free(r->figures.attested);
	r->figures.attested = xstrdup(date);
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
	set_attested(&b, "2015-03-01"); /* in one run the later attestation wins, whatever the name */
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

/* ---- schema v2: corrections within a run, withdraw, unidentified ---- */

/* The current submission id of rcc and year as reg_list shows it (0: none). */
static long long current_id(struct reg *r, const char *rcc, int year)
{
	strbuf err = {0};
	struct reg_submission *s;
	int n;
	long long id = 0;
	ck_assert_int_eq(reg_list(r, year, 1, &s, &n, &err), 0);
	for (int i = 0; i < n; i++)
		if (s[i].current && s[i].rcc && strcmp(s[i].rcc, rcc) == 0)
			id = s[i].id;
	reg_submissions_free(s, n);
	sb_free(&err);
	return id;
}

START_TEST(correction_wins_within_run)
{
	struct reg *r = open_rw();
	struct file_result a, b;
	enum reg_outcome oc;
	long long sup;
	/* the corrected copy sorts first by name but is attested later */
	make_result(&a, "in/sydost-2014 (2).xml", 'a', "sydost", 2014, 1000);
	set_attested(&a, "2015-03-20");
	make_result(&b, "in/sydost-2014.xml", 'b', "sydost", 2014, 900);
	set_attested(&b, "2015-03-02");
	record(r, &a, &oc, &sup);
	ck_assert_int_eq(oc, REG_NEW);
	long long ida = r->last_id;
	record(r, &b, &oc, &sup);
	ck_assert_int_eq(oc, REG_NEW_NOT_CURRENT);
	ck_assert_int_eq(sup, ida);
	ck_assert_int_eq(current_id(r, "sydost", 2014), ida);
	close_rw(r);
	/* a later run: the newly registered file is current (a resubmission) */
	r = open_rw();
	struct file_result c;
	make_result(&c, "in/sydost-2014-v3.xml", 'c', "sydost", 2014, 1000);
	set_attested(&c, "2015-03-01");
	record(r, &c, &oc, &sup);
	ck_assert_int_eq(oc, REG_NEW);
	ck_assert_int_eq(sup, ida);
	ck_assert_int_eq(current_id(r, "sydost", 2014), r->last_id);
	file_result_free(&a);
	file_result_free(&b);
	file_result_free(&c);
	close_rw(r);
}
END_TEST

START_TEST(withdraw_reinstates)
{
	struct reg *r = open_rw();
	struct file_result a, b;
	enum reg_outcome oc;
	long long sup, back;
	strbuf err = {0};
	make_result(&a, "in/norr-2014.xml", 'a', "norr", 2014, 1000);
	make_result(&b, "in/wrong.xml", 'b', "norr", 2014, 900);
	set_attested(&b, "2015-03-10");
	record(r, &a, &oc, &sup);
	long long ida = r->last_id;
	close_rw(r);
	r = open_rw();
	reg_set_by(r, "anna");
	record(r, &b, &oc, &sup);
	long long idb = r->last_id;
	ck_assert_int_eq(sup, ida);
	/* registering a again: already there, not current, says which one is */
	record(r, &a, &oc, &sup);
	ck_assert_int_eq(oc, REG_DUPLICATE_NOT_CURRENT);
	ck_assert_int_eq(sup, idb);
	ck_assert_msg(reg_withdraw(r, idb, "wrong upload", "2026-12-01T11:00:00Z", &back, &err) == 0, "%s",
	              sb_str(&err));
	ck_assert_int_eq(back, ida);
	ck_assert_int_eq(current_id(r, "norr", 2014), ida);
	/* withdrawn twice, or no such submission: refused, nothing changes */
	ck_assert_int_eq(reg_withdraw(r, idb, "again", "2026-12-01T11:01:00Z", &back, &err), -1);
	ck_assert_msg(strstr(sb_str(&err), "already withdrawn") != NULL, "%s", sb_str(&err));
	sb_reset(&err);
	ck_assert_int_eq(reg_withdraw(r, 99, "none", "2026-12-01T11:01:00Z", &back, &err), -1);
	ck_assert_msg(strstr(sb_str(&err), "no submission #99") != NULL, "%s", sb_str(&err));
	/* the withdrawn row is kept with who, when and why */
	struct reg_submission *s;
	int n;
	ck_assert_int_eq(reg_list(r, 2014, 1, &s, &n, &err), 0);
	ck_assert_int_eq(n, 2);
	const struct reg_submission *w = s[0].id == idb ? &s[0] : &s[1];
	ck_assert_str_eq(w->withdrawn_by, "anna");
	ck_assert_str_eq(w->withdrawn_reason, "wrong upload");
	ck_assert_str_eq(w->withdrawn_at, "2026-12-01T11:00:00Z");
	ck_assert_int_eq(w->current, 0);
	reg_submissions_free(s, n);
	/* withdrawing the last one leaves the year without a current statement */
	ck_assert_int_eq(reg_withdraw(r, ida, "not ours", "2026-12-01T11:02:00Z", &back, &err), 0);
	ck_assert_int_eq(back, 0);
	ck_assert_int_eq(current_id(r, "norr", 2014), 0);
	/* the audit trail, append-only */
	struct reg_event *ev;
	ck_assert_int_eq(reg_events(r, 0, &ev, &n, &err), 0);
	const char *want[] = {"registered", "registered", "superseded", "withdrawn", "reinstated", "withdrawn"};
	ck_assert_int_eq(n, 6);
	for (int i = 0; i < n; i++)
		ck_assert_str_eq(ev[i].what, want[i]);
	ck_assert_str_eq(ev[3].by, "anna");
	reg_events_free(ev, n);
	ck_assert_int_ne(sqlite3_exec(r->db, "DELETE FROM event", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(r->db, "UPDATE event SET by = 'x'", NULL, NULL, NULL), SQLITE_OK);
	sb_free(&err);
	file_result_free(&a);
	file_result_free(&b);
	close_rw(r);
}
END_TEST

START_TEST(unknown_rcc_unidentified)
{
	struct rs_code codes[] = {{"rcc", "norr", {"RCC Norr", "RCC North"}}, {"rcc", "sydost", {"RCC Sydöst", "RCC South East"}}};
	struct ruleset set = fake_set;
	set.codes = codes;
	set.ncodes = 2;
	struct reg *r = open_rw();
	struct file_result a, b;
	enum reg_outcome oc;
	long long sup;
	make_result(&a, "in/sydost-2014.xml", 'a', "sydost", 2014, 1000);
	make_result(&b, "in/sydost-typo.xml", 'b', "sydöst", 2014, 1000);
	a.ruleset = b.ruleset = &set;
	record(r, &a, &oc, &sup);
	ck_assert_int_eq(oc, REG_NEW);
	record(r, &b, &oc, &sup);
	ck_assert_int_eq(oc, REG_UNIDENTIFIED);
	ck_assert_int_eq(sup, 0);
	strbuf err = {0};
	struct reg_row *rows;
	int n;
	ck_assert_int_eq(reg_current_rows(r, &rows, &n, &err), 0);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(rows[0].rcc, "sydost");
	reg_rows_free(rows, n);
	struct reg_submission *s;
	ck_assert_int_eq(reg_list(r, 0, 0, &s, &n, &err), 0);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(s[0].identified, 1);
	ck_assert_int_eq(s[1].identified, 0);
	ck_assert_int_eq(s[1].current, 0);
	reg_submissions_free(s, n);
	sb_free(&err);
	file_result_free(&a);
	file_result_free(&b);
	close_rw(r);
}
END_TEST

/* register_users.c's lookups: the users (none before the table exists, in
 * name order, by token hash) and a submission's findings in seq order. */
START_TEST(users_and_findings)
{
	struct reg *r = open_rw();
	strbuf err = {0};
	struct regu_user *u;
	int n = -1;
	ck_assert_int_eq(regu_list(r, &u, &n, &err), 0);
	ck_assert_int_eq(n, 0);
	ck_assert_ptr_null(u);
	ck_assert_msg(regu_add(r, "bo", "officer", "h2", &err) == 0, "%s", sb_str(&err));
	ck_assert_msg(regu_add(r, "anna", "rcc:norr", "h1", &err) == 0, "%s", sb_str(&err));
	ck_assert_int_eq(regu_list(r, &u, &n, &err), 0);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(u[0].name, "anna");
	ck_assert_str_eq(u[0].role, "rcc:norr");
	ck_assert_str_eq(u[0].token_hash, "h1");
	ck_assert_int_eq((int)strlen(u[0].created_at), 20);
	ck_assert_str_eq(u[1].name, "bo");
	regu_users_free(u, n);
	struct regu_user one;
	ck_assert_int_eq(regu_by_hash(r, "h2", &one, &err), 1);
	ck_assert_str_eq(one.name, "bo");
	ck_assert_str_eq(one.role, "officer");
	regu_user_clear(&one);
	ck_assert_int_eq(regu_by_hash(r, "h3", &one, &err), 0);
	ck_assert_ptr_null(one.name);

	struct file_result res;
	make_result(&res, "in/norr-2014.xml", 'c', "norr", 2014, INT64_C(1250000000));
	enum reg_outcome oc;
	long long sup;
	record(r, &res, &oc, &sup);
	file_result_free(&res);
	static const char two[] =
	        "INSERT INTO finding(submission, seq, rule, severity, line, message_sv, message_en)"
	        " VALUES(1, 2, 'P1', 'warning', 40, 'sv2', 'en2'), (1, 1, 'A1', 'error', 7, 'sv1', 'en1')";
	ck_assert_int_eq(sqlite3_exec(r->db, two, NULL, NULL, NULL), SQLITE_OK);
	struct regu_finding *f;
	ck_assert_int_eq(regu_findings(r, 1, &f, &n, &err), 0);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(f[0].rule, "A1");
	ck_assert_str_eq(f[0].severity, "error");
	ck_assert_int_eq(f[0].line, 7);
	ck_assert_str_eq(f[0].message[0], "sv1");
	ck_assert_str_eq(f[0].message[1], "en1");
	ck_assert_str_eq(f[1].rule, "P1");
	ck_assert_int_eq(f[1].line, 40);
	regu_findings_free(f, n);
	ck_assert_int_eq(regu_findings(r, 2, &f, &n, &err), 0);
	ck_assert_int_eq(n, 0);
	regu_findings_free(f, n);
	sb_free(&err);
	close_rw(r);
}
END_TEST

static void write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, n, f), n);
	ck_assert_int_eq(fclose(f), 0);
}

/* The stored content of submission id equals want[0..n) (n 0: none stored). */
static void assert_stored(struct reg *r, long long id, const char *want, size_t n)
{
	char *data;
	size_t len;
	strbuf err = {0};
	int rc = regf_load_content(r, id, &data, &len, &err);
	ck_assert_msg(rc >= 0, "%s", sb_str(&err));
	ck_assert_int_eq(rc, n ? 1 : 0);
	if (rc == 1) {
		ck_assert_uint_eq(len, n);
		ck_assert(memcmp(data, want, n) == 0);
		free(data);
	}
	sb_free(&err);
}

/* register keeps the bytes the engine read and hashed (engine_set_keep_content)
 * and stores those, compressed by the prepare step off the recording thread:
 * a file replaced after its check still gets the checked bytes stored (they
 * are what its SHA-256 says). A file above the kept size is read again as
 * before, and then stored only while it is unchanged. */
START_TEST(stored_bytes_are_the_checked_ones)
{
	strbuf err = {0}, path = {0};
	size_t n;
	char *orig = read_small_file("samples/valid/norr-2014.xml", 1 << 20, &n);
	ck_assert_ptr_nonnull(orig);
	sb_printf(&path, "%s/norr-2014.xml", dir);
	write_file(sb_str(&path), orig, n);
	struct engine *e = engine_open("rules", "2026-12-01", &err);
	ck_assert_msg(e != NULL, "%s", sb_str(&err));
	struct reg *r = open_rw();
	enum reg_outcome oc;
	long long sup;

	/* kept: the engine's bytes are stored even after the file changed */
	engine_set_keep_content(e, REGF_KEEP_MAX);
	struct file_result res;
	ck_assert_msg(engine_check(e, sb_str(&path), &res, &err) == 0, "%s", sb_str(&err));
	ck_assert_str_eq(res.content.encoding, "raw");
	ck_assert_uint_eq(res.content.len, n);
	ck_assert(memcmp(res.content.bytes, orig, n) == 0);
	write_file(sb_str(&path), "<changed/>", 10);
	ck_assert_int_eq(regf_prepare_hook(NULL, &res, &err), 0);
	ck_assert(res.content.ready);
	ck_assert_str_eq(res.content.encoding, "zlib");
	ck_assert_uint_lt(res.content.len, n);
	record(r, &res, &oc, &sup);
	assert_stored(r, r->last_id, orig, n);
	file_result_free(&res);

	/* not kept (above the size): read again, stored while unchanged */
	char *other = xmalloc(n + 16);
	memcpy(other, orig, n);
	memcpy(other + n, "<!-- other -->\n", 15);
	write_file(sb_str(&path), other, n + 15);
	engine_set_keep_content(e, 100);
	ck_assert_msg(engine_check(e, sb_str(&path), &res, &err) == 0, "%s", sb_str(&err));
	ck_assert_ptr_null(res.content.encoding);
	ck_assert_int_eq(regf_prepare_hook(NULL, &res, &err), 0);
	ck_assert_str_eq(res.content.encoding, "zlib");
	record(r, &res, &oc, &sup);
	assert_stored(r, r->last_id, other, n + 15);
	file_result_free(&res);

	/* ... and not stored once it changed after the check */
	other[n + 6] = 'X';
	write_file(sb_str(&path), other, n + 15);
	ck_assert_msg(engine_check(e, sb_str(&path), &res, &err) == 0, "%s", sb_str(&err));
	write_file(sb_str(&path), orig, n);
	record(r, &res, &oc, &sup); /* prepared inside reg_record */
	ck_assert_int_eq(oc, REG_NEW);
	assert_stored(r, r->last_id, NULL, 0);
	file_result_free(&res);

	close_rw(r);
	engine_close(e);
	free(other);
	free(orig);
	sb_free(&path);
	sb_free(&err);
}
END_TEST

/* The file_mtime recorded for submission id ("" when NULL). */
static char *recorded_mtime(struct reg *r, long long id)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(r->db, "SELECT coalesce(file_mtime, '') FROM submission WHERE id = ?", -1,
	                                    &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	char *s = xstrdup((const char *)sqlite3_column_text(st, 0));
	ck_assert_int_eq(sqlite3_finalize(st), SQLITE_OK);
	return s;
}

static void set_mtime(const char *path, time_t t)
{
	struct timespec ts[2] = {{t, 0}, {t, 0}};
	ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
}

/* The file date recorded is that of the bytes checked (the engine's fstat),
 * like the SHA-256 and the stored bytes, even when the file at the path was
 * replaced between the check and the record; none for a statement that was
 * not read from a file, or a file that is not there. */
START_TEST(file_mtime_is_the_checked_ones)
{
	strbuf err = {0}, path = {0}, tmp = {0};
	size_t n;
	char *orig = read_small_file("samples/valid/norr-2014.xml", 1 << 20, &n);
	ck_assert_ptr_nonnull(orig);
	sb_printf(&path, "%s/norr-2014.xml", dir);
	sb_printf(&tmp, "%s/norr-2014.xml.new", dir);
	write_file(sb_str(&path), orig, n);
	set_mtime(sb_str(&path), 1425297600); /* 2015-03-02T12:00:00Z */
	struct engine *e = engine_open("rules", "2026-12-01", &err);
	ck_assert_msg(e != NULL, "%s", sb_str(&err));
	struct reg *r = open_rw();
	enum reg_outcome oc;
	long long sup;
	struct file_result res;
	ck_assert_msg(engine_check(e, sb_str(&path), &res, &err) == 0, "%s", sb_str(&err));
	ck_assert_int_eq(res.has_mtime, 1);
	ck_assert_int_eq(res.mtime, 1425297600);
	/* replaced by another file (another inode, another date) before it is recorded */
	write_file(sb_str(&tmp), "<changed/>", 10);
	set_mtime(sb_str(&tmp), 1457006400); /* 2016-03-03T12:00:00Z */
	ck_assert_int_eq(rename(sb_str(&tmp), sb_str(&path)), 0);
	record(r, &res, &oc, &sup);
	ck_assert_int_eq(oc, REG_NEW);
	char *got = recorded_mtime(r, r->last_id);
	ck_assert_str_eq(got, "2015-03-02T12:00:00Z");
	free(got);
	file_result_free(&res);

	/* from memory (the web form) under a label that names a file: no date */
	ck_assert_msg(engine_check_mem(e, sb_str(&path), orig, n, &res, &err) == 0, "%s", sb_str(&err));
	ck_assert_int_eq(res.has_mtime, 0);
	file_result_free(&res);
	/* a file that is not there: X1, no date */
	ck_assert_int_eq(unlink(sb_str(&path)), 0);
	ck_assert_msg(engine_check(e, sb_str(&path), &res, &err) == 0, "%s", sb_str(&err));
	ck_assert_int_eq(res.has_mtime, 0);
	record(r, &res, &oc, &sup);
	got = recorded_mtime(r, r->last_id);
	ck_assert_str_eq(got, "");
	free(got);
	file_result_free(&res);

	close_rw(r);
	engine_close(e);
	free(orig);
	sb_free(&path);
	sb_free(&tmp);
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
	tcase_add_test(tc, correction_wins_within_run);
	tcase_add_test(tc, withdraw_reinstates);
	tcase_add_test(tc, unknown_rcc_unidentified);
	tcase_add_test(tc, users_and_findings);
	tcase_add_test(tc, stored_bytes_are_the_checked_ones);
	tcase_add_test(tc, file_mtime_is_the_checked_ones);
	suite_add_tcase(s, tc);
	return s;
}
