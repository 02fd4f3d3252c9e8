/*
 * test_summary.c - summary.h: the summary model built from hand-made
 * register structs and a hand-made rule set (no register, no workbook):
 * year blocks and missing RCCs, year totals in öre, equal shares,
 * statuses, the folded "other codes" column, the cap on rows and the
 * findings split into open ones and accepted warnings.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "summary.h"

/* A rule set "p" for 2014 and 2015 with three RCCs a, b, c, two
 * categories and rcc_count 3. */
struct fixture {
	struct rs_code codes[5];
	struct rs_year years[2];
	struct rs_param params[1];
	struct ruleset set;
	struct rulesets sets;
};

static void fixture_init(struct fixture *f)
{
	memset(f, 0, sizeof *f);
	static char rcc[] = "rcc", cat[] = "category", a[] = "a", b[] = "b", c[] = "c", it[] = "it", pers[] = "personnel";
	static char *lab[5][2] = {{"A", "A"}, {"B", "B"}, {"C", "C"}, {"IT", "IT"}, {"Personal", "Personnel"}};
	char *code[5] = {a, b, c, it, pers}, *list[5] = {rcc, rcc, rcc, cat, cat};
	for (int i = 0; i < 5; i++)
		f->codes[i] = (struct rs_code){list[i], code[i], {lab[i][0], lab[i][1]}};
	f->years[0] = (struct rs_year){2014, INT64_C(30000000000), "2015-03-01"};
	f->years[1] = (struct rs_year){2015, INT64_C(1000), "2016-03-01"}; /* 10 kr over 3 RCCs */
	static char name[] = "rcc_count", three[] = "3", id[] = "p";
	f->params[0] = (struct rs_param){name, three};
	f->set.id = id;
	f->set.params = f->params;
	f->set.nparams = 1;
	f->set.years = f->years;
	f->set.nyears = 2;
	f->set.codes = f->codes;
	f->set.ncodes = 5;
	f->sets.sets = &f->set;
	f->sets.n = 1;
}

/* Adds a statement of rcc for year with granted, received, carried over
 * and expenses (öre; < 0: not given) and status. */
static struct regsum_statement *add(struct regsum_statements *s, const char *rcc, int year, int64_t granted,
                                    int64_t received, int64_t carried, int64_t expenses, const char *status)
{
	s->st = realloc(s->st, sizeof *s->st * (size_t)(s->n + 1));
	struct regsum_statement *st = &s->st[s->n];
	memset(st, 0, sizeof *st);
	st->id = ++s->n;
	st->year = year;
	st->rcc = strdup(rcc);
	st->ruleset = strdup("p");
	st->status = status ? strdup(status) : NULL;
	int64_t v[4] = {granted, received, carried, expenses};
	enum regsum_fig fig[4] = {F_GRANTED, F_RECEIVED, F_CARRIED, F_EXPENSES};
	for (int i = 0; i < 4; i++)
		if (v[i] >= 0)
			st->fig[fig[i]] = (struct money){1, v[i]};
	return st;
}

static void add_total(struct regsum_statement *st, const char *cat, const char *crit, int64_t ore)
{
	st->totals = realloc(st->totals, sizeof *st->totals * (size_t)(st->ntotals + 1));
	st->totals[st->ntotals++] = (struct regsum_total){strdup(cat), strdup(crit), ore};
}

START_TEST(year_blocks_and_totals)
{
	struct fixture f;
	fixture_init(&f);
	struct regsum_statements s = {0};
	add(&s, "a", 2014, 10000000000, 10000000000, 0, 9000000050, "valid")->errors = 0;
	add(&s, "b", 2014, 10000000000, 9999999999, 1, 10000000000, "warnings")->warnings = 2;
	add(&s, "x", 2014, 5, 5, 0, 5, "invalid")->errors = 3; /* an RCC the rule set does not list */
	int years[] = {2014, 2015};
	struct summary m;
	summary_build(&m, &s, &f.sets, years, 2);
	ck_assert_int_eq(s.n, 0); /* taken over */
	ck_assert_int_eq(m.nyb, 2);
	const struct summary_year *b = &m.yb[0];
	ck_assert_int_eq(b->year, 2014);
	ck_assert_int_eq(b->nrows, 4); /* a, b, c (missing), x */
	ck_assert_str_eq(b->rows[2].code, "c");
	ck_assert_ptr_null(b->rows[2].st);
	ck_assert_str_eq(b->rows[3].code, "x");
	struct summary_totals t;
	ck_assert_int_eq(summary_year_totals(b, &t), 0);
	/* the rejected statement of x is apart, never in the year's figures */
	ck_assert(t.fig[F_GRANTED] == INT64_C(20000000000));
	ck_assert(t.granted == INT64_C(20000000000));
	ck_assert(t.fig[F_EXPENSES] == INT64_C(19000000050));
	ck_assert(t.available == INT64_C(20000000000));
	ck_assert_int_eq(t.errors, 0);
	ck_assert_int_eq(t.warnings, 2);
	ck_assert_int_eq(t.util_known, 1);
	ck_assert_int_eq(t.nrejected, 1);
	ck_assert(t.rej_fig[F_GRANTED] == 5 && t.rej_fig[F_EXPENSES] == 5 && t.rej_available == 5);
	ck_assert_int_eq(t.rej_errors, 3);
	struct summary_count cnt;
	summary_year_count(b, &cnt);
	ck_assert_int_eq(cnt.expected, 3); /* rcc_count */
	ck_assert_int_eq(cnt.received, 3);
	ck_assert_int_eq(cnt.rejected, 1);
	ck_assert_int_eq(cnt.missing, 1);
	ck_assert_int_eq(summary_year_state(b), YS_INCOMPLETE); /* c is missing */
	ck_assert_int_eq(summary_year_state(&m.yb[1]), YS_NONE);
	/* 2015: every RCC missing, totals zero */
	ck_assert_int_eq(m.yb[1].nrows, 3);
	ck_assert_int_eq(summary_year_totals(&m.yb[1], &t), 0);
	ck_assert(t.granted == 0 && t.available == 0);
	/* the equal-shares sheet's RCC columns: a, b, c, x */
	ck_assert_int_eq(m.rccs.n, 4);
	summary_free(&m);
}
END_TEST

START_TEST(totals_unknown_and_overflow)
{
	struct fixture f;
	fixture_init(&f);
	struct regsum_statements s = {0};
	add(&s, "a", 2014, INT64_MAX, -1, 0, 1, "valid"); /* no <received>: available unknown */
	add(&s, "b", 2014, 1, 1, 0, 1, "valid");
	int years[] = {2014};
	struct summary m;
	summary_build(&m, &s, &f.sets, years, 1);
	struct summary_totals t;
	ck_assert_int_eq(summary_year_totals(&m.yb[0], &t), -1); /* INT64_MAX + 1 öre */
	ck_assert_int_eq(t.util_known, 0);
	ck_assert_int_eq(summary_available(m.yb[0].rows[0].st).has, 0);
	ck_assert_int_eq(summary_available(m.yb[0].rows[1].st).has, 1);
	summary_free(&m);
}
END_TEST

START_TEST(equal_shares)
{
	struct fixture f;
	fixture_init(&f);
	struct regsum_statements s = {0};
	int years[] = {2014, 2015, 2016};
	struct summary m;
	summary_build(&m, &s, &f.sets, years, 3);
	struct money share = summary_equal_share(&m.yb[0]);
	ck_assert(share.has && share.ore == INT64_C(10000000000));
	share = summary_equal_share(&m.yb[1]);
	ck_assert(share.has && share.ore == 333); /* 1000 öre / 3, rounded down in öre */
	/* 2016: no installed rule set knows the year: no appropriation, no share */
	ck_assert_ptr_null(m.yb[2].set);
	ck_assert_int_eq(summary_equal_share(&m.yb[2]).has, 0);
	summary_free(&m);
}
END_TEST

START_TEST(statuses)
{
	struct regsum_statement st;
	memset(&st, 0, sizeof st);
	ck_assert_int_eq(summary_status_of(NULL), ST_MISSING);
	st.status = (char *)"valid";
	ck_assert_int_eq(summary_status_of(&st), ST_VALID);
	st.status = (char *)"warnings";
	ck_assert_int_eq(summary_status_of(&st), ST_WARNINGS);
	st.status = (char *)"invalid";
	ck_assert_int_eq(summary_status_of(&st), ST_INVALID);
	st.status = NULL;
	ck_assert_int_eq(summary_status_of(&st), ST_INVALID);
}
END_TEST

START_TEST(codes_folded)
{
	struct fixture f;
	fixture_init(&f);
	struct regsum_statements s = {0};
	struct regsum_statement *st = add(&s, "a", 2014, 1, 1, 0, 1, "invalid");
	add_total(st, "it", "4.1", 100);
	char code[16];
	int extra = SUMMARY_MAX_EXTRA_CODES + 7;
	for (int i = 0; i < extra; i++) {
		snprintf(code, sizeof code, "u%03d", i);
		add_total(st, code, code, 1);
	}
	add_total(st, "u056", "u056", 1000); /* a folded code twice */
	int years[] = {2014};
	struct summary m;
	summary_build(&m, &s, &f.sets, years, 1);
	/* it, personnel, 50 of the others, "other codes" */
	ck_assert_int_eq(m.cats.n, 2 + SUMMARY_MAX_EXTRA_CODES + 1);
	ck_assert_int_eq(m.cats.folded, 7);
	ck_assert_ptr_null(m.cats.c[m.cats.n - 1].code);
	ck_assert_str_eq(m.cats.c[m.cats.n - 1].label[LANG_EN], "Other codes");
	const struct regsum_statement *row = m.yb[0].rows[0].st;
	struct money v;
	ck_assert_int_eq(summary_code_sum(&m.cats, m.cats.n - 1, row, 0, &v), 0);
	ck_assert(v.has && v.ore == 7 + 1000);
	ck_assert_int_eq(summary_code_sum(&m.cats, 0, row, 0, &v), 0);
	ck_assert(v.has && v.ore == 100);
	ck_assert_int_eq(summary_code_sum(&m.cats, 1, row, 0, &v), 0); /* personnel: none: an empty cell */
	ck_assert(!v.has && v.ore == 0);
	/* criteria: the rule set lists none, so 4.1 is one of the 50 */
	ck_assert_int_eq(m.crits.n, SUMMARY_MAX_EXTRA_CODES + 1);
	ck_assert_int_eq(m.crits.folded, 8);
	summary_free(&m);
}
END_TEST

/* Shares of expenses per category against the median of the others, in
 * thousandths of a percentage point; rejected and missing RCCs take no part. */
START_TEST(comparison_shares)
{
	struct fixture f;
	fixture_init(&f);
	struct regsum_statements s = {0};
	struct regsum_statement *st = add(&s, "a", 2014, 1, 1, 0, 300, "valid");
	add_total(st, "it", "", 100);
	add_total(st, "personnel", "", 200);
	st = add(&s, "b", 2014, 1, 1, 0, 3, "warnings");
	add_total(st, "it", "", 2);
	add_total(st, "personnel", "", 1);
	st = add(&s, "c", 2014, 1, 1, 0, 1, "invalid");
	add_total(st, "it", "", 1);
	int years[] = {2014, 2015};
	struct summary m;
	summary_build(&m, &s, &f.sets, years, 2);
	const struct summary_year *b = &m.yb[0];
	ck_assert_int_eq(summary_compared(&b->rows[0]), 1);
	ck_assert_int_eq(summary_compared(&b->rows[2]), 0); /* rejected */
	struct summary_share sh = summary_share_of(&m.cats, 0, &b->rows[0], 0);
	ck_assert(sh.has && sh.mpp == 33333); /* 100/300 = 33.333 pp */
	sh = summary_share_of(&m.cats, 0, &b->rows[1], 0);
	ck_assert(sh.has && sh.mpp == 66667); /* 2/3, rounded half up */
	sh = summary_share_of(&m.cats, 0, &b->rows[2], 0);
	ck_assert_int_eq(sh.has, 0);
	/* a's others: only b (c is rejected) */
	struct summary_share med = summary_median_others(b, 0, &m.cats, 0, 0);
	ck_assert(med.has && med.mpp == 66667);
	/* c's others: a and b, the mean of the two */
	med = summary_median_others(b, 2, &m.cats, 0, 0);
	ck_assert(med.has && med.mpp == 50000);
	ck_assert_int_eq(summary_threshold_pp(b), SUMMARY_DEFAULT_THRESHOLD_PP);
	ck_assert_int_eq(summary_median_others(&m.yb[1], 0, &m.cats, 0, 0).has, 0);
	summary_free(&m);
}
END_TEST

START_TEST(rows_capped)
{
	long more;
	ck_assert_int_eq(summary_cap_rows(10, 10, &more), 10);
	ck_assert_int_eq(more, 0);
	ck_assert_int_eq(summary_cap_rows(11, 10, &more), 9);
	ck_assert_int_eq(more, 2);
	ck_assert_int_eq(summary_cap_rows(0, 10, &more), 0);
	ck_assert_int_eq(summary_cap_rows(2000000, 1048575, &more), 1048574);
	ck_assert_int_eq(more, 2000000 - 1048574);
}
END_TEST

/* Adds a finding; why (with by, at) set: the officer accepted it. */
static void add_finding(struct regsum_statement *st, const char *rule, const char *sev, const char *why)
{
	st->findings = realloc(st->findings, sizeof *st->findings * (size_t)(st->nfindings + 1));
	struct regsum_finding *f = &st->findings[st->nfindings++];
	memset(f, 0, sizeof *f);
	f->rule = strdup(rule);
	f->severity = strdup(sev);
	f->msg[LANG_SV] = strdup(rule);
	f->msg[LANG_EN] = strdup(rule);
	f->line = st->nfindings;
	if (why) {
		f->why = strdup(why);
		f->by = strdup("officer");
		f->at = strdup("2026-12-01T10:00:00Z");
	}
}

START_TEST(findings_open_and_accepted)
{
	struct fixture f;
	fixture_init(&f);
	struct regsum_statements s = {0};
	struct regsum_statement *b15 = add(&s, "b", 2015, 333, 333, 0, 300, "warnings");
	add_finding(b15, "G2", "warning", "paid in January");
	add_finding(b15, "P3", "warning", NULL);
	struct regsum_statement *a14 = add(&s, "a", 2014, 1, 1, 0, 1, "invalid");
	add_finding(a14, "A1", "error", NULL);
	/* an error with an acceptance row (never made by accept) stays open */
	add_finding(a14, "A2", "error", "not possible");
	add_finding(a14, "G5", "info", NULL);
	struct regsum_statement *c14 = add(&s, "c", 2014, 1, 1, 0, 1, "warnings");
	add_finding(c14, "M1", "warning", "known");
	int years[] = {2014, 2015};
	struct summary m;
	summary_build(&m, &s, &f.sets, years, 2);
	struct summary_findings fs;
	summary_findings_split(&m, &fs);
	/* open: 2014 a's A1, A2, G5, then 2015 b's P3, in year, row, finding order */
	ck_assert_int_eq(fs.nopen, 4);
	ck_assert_str_eq(fs.open[0].f->rule, "A1");
	ck_assert_str_eq(fs.open[1].f->rule, "A2");
	ck_assert_str_eq(fs.open[2].f->rule, "G5");
	ck_assert_str_eq(fs.open[3].f->rule, "P3");
	ck_assert_int_eq(fs.open[3].b->year, 2015);
	ck_assert_str_eq(fs.open[3].row->code, "b");
	/* accepted: 2014 c's M1, then 2015 b's G2, each with its acceptance */
	ck_assert_int_eq(fs.naccepted, 2);
	ck_assert_str_eq(fs.accepted[0].f->rule, "M1");
	ck_assert_str_eq(fs.accepted[0].row->code, "c");
	ck_assert_int_eq(fs.accepted[0].b->year, 2014);
	ck_assert_str_eq(fs.accepted[1].f->rule, "G2");
	ck_assert_str_eq(fs.accepted[1].f->why, "paid in January");
	ck_assert_str_eq(fs.accepted[1].f->by, "officer");
	ck_assert(summary_finding_accepted(fs.accepted[1].f));
	ck_assert(!summary_finding_accepted(fs.open[1].f));
	summary_findings_free(&fs);
	ck_assert_ptr_null(fs.open);
	ck_assert_int_eq(fs.naccepted, 0);
	/* no findings at all: both lists empty */
	summary_free(&m);
	struct regsum_statements none = {0};
	summary_build(&m, &none, &f.sets, years, 2);
	summary_findings_split(&m, &fs);
	ck_assert_int_eq(fs.nopen + fs.naccepted, 0);
	summary_findings_free(&fs);
	summary_free(&m);
}
END_TEST

Suite *summary_suite(void)
{
	Suite *s = suite_create("summary");
	TCase *tc = tcase_create("model");
	tcase_add_test(tc, year_blocks_and_totals);
	tcase_add_test(tc, totals_unknown_and_overflow);
	tcase_add_test(tc, equal_shares);
	tcase_add_test(tc, statuses);
	tcase_add_test(tc, codes_folded);
	tcase_add_test(tc, rows_capped);
	tcase_add_test(tc, comparison_shares);
	tcase_add_test(tc, findings_open_and_accepted);
	suite_add_tcase(s, tc);
	return s;
}
