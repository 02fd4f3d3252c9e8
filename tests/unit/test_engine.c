/*
 * test_engine.c - engine.h end to end with the real rule folder "rules"
 * and the sample statements. Run from the repository root.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "sha256.h"
#include "suites.h"
#include "util.h"

#define TODAY "2026-01-01"

static struct engine *E;

static void setup(void)
{
	strbuf err = {0};
	E = engine_open("rules", TODAY, &err);
	ck_assert_msg(E != NULL,
	              "engine_open: %s (run the tests from the repository root)", sb_str(&err));
	sb_free(&err);
}

static void teardown(void)
{
	engine_close(E);
	E = NULL;
}

/* Checks path; the check itself must succeed. */
static void check_file(const char *path, struct file_result *r)
{
	strbuf err = {0};
	int rc = engine_check(E, path, r, &err);
	ck_assert_msg(rc == 0, "%s: engine_check failed: %s", path, sb_str(&err));
	ck_assert_uint_eq(err.len, 0);
	sb_free(&err);
}

/* The ids of the findings of severity sev, sorted, space-separated. */
static char *ids_of(const struct file_result *r, enum severity sev)
{
	const char *ids[256];
	int n = 0;
	for (int i = 0; i < r->nfindings && n < 256; i++)
		if (r->findings[i].severity == sev)
			ids[n++] = r->findings[i].rule->id;
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && strcmp(ids[j - 1], ids[j]) > 0; j--) {
			const char *t = ids[j];
			ids[j] = ids[j - 1];
			ids[j - 1] = t;
		}
	strbuf b = {0};
	for (int i = 0; i < n; i++)
		sb_printf(&b, "%s%s", i ? " " : "", ids[i]);
	return sb_take(&b);
}

static const struct finding *find(const struct file_result *r, const char *id)
{
	for (int i = 0; i < r->nfindings; i++)
		if (strcmp(r->findings[i].rule->id, id) == 0)
			return &r->findings[i];
	return NULL;
}

/* Sorted *.xml names in dir (caller frees). */
static char **xml_files(const char *dir, int *n)
{
	DIR *d = opendir(dir);
	ck_assert_msg(d != NULL, "cannot open %s (run the tests from the repository root)", dir);
	char **names = NULL;
	*n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l > 4 && strcmp(e->d_name + l - 4, ".xml") == 0) {
			names = xrealloc(names, sizeof *names * (size_t)(*n + 1));
			strbuf p = {0};
			sb_printf(&p, "%s/%s", dir, e->d_name);
			names[(*n)++] = sb_take(&p);
		}
	}
	closedir(d);
	for (int i = 1; i < *n; i++)
		for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	return names;
}

static void free_names(char **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* ---- opening -------------------------------------------------------------- */

START_TEST(open_loads_rule_set)
{
	ck_assert_int_eq(engine_rulesets(E)->n, 1);
	const struct ruleset *set = rulesets_find(engine_rulesets(E), "rcc-2013-2015");
	ck_assert_ptr_nonnull(set);
	ck_assert_int_ge(set->nrules, 32);
	static const char *const ids[] = {"S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "A1", "A2", "A3",
	                                  "A4", "A5", "A6", "G1", "G2", "G3", "G4", "G5", "G6", "G7", "P1",
	                                  "P2", "P3", "P4", "P5", "M1", "M2", "M3", "M4", "M5", "M6"};
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
		ck_assert_msg(ruleset_rule(set, ids[i]) != NULL, "rule %s missing", ids[i]);
	/* catalogue order: S before A before G before P before M */
	ck_assert_str_eq(set->rules[0].id, "S1");
	ck_assert_str_eq(set->rules[set->nrules - 1].id, "M6");
	for (int i = 1; i < set->nrules; i++)
		ck_assert_int_le(set->rules[i - 1].order, set->rules[i].order);
	for (int i = 0; i < set->nrules; i++) {
		const struct rule *r = &set->rules[i];
		ck_assert_ptr_nonnull(r->stmt);
		ck_assert_int_ge(r->c_line, 0);
		ck_assert_int_ge(r->c_col, 0);
		ck_assert_ptr_nonnull(rule_variant(r, ""));
		ck_assert_msg(r->title[LANG_SV] && r->title[LANG_EN] && r->explain[LANG_SV] && r->explain[LANG_EN], "%s",
		              r->id);
	}
	static const char *const builtins[] = {"X1", "X2", "X3", "X4"};
	for (int i = 0; i < 4; i++) {
		const struct rule *b = engine_builtin(E, builtins[i]);
		ck_assert_ptr_nonnull(b);
		ck_assert_str_eq(b->id, builtins[i]);
		ck_assert_int_eq(b->severity, SEV_ERROR);
	}
	ck_assert_ptr_null(engine_builtin(E, "X5"));
}
END_TEST

START_TEST(open_missing_rules_dir)
{
	strbuf err = {0};
	ck_assert_ptr_null(engine_open("no-such-rules-dir", TODAY, &err));
	ck_assert_msg(strstr(sb_str(&err), "no-such-rules-dir") != NULL, "%s", sb_str(&err));
	sb_free(&err);
}
END_TEST

/* ---- valid samples ---------------------------------------------------------- */

START_TEST(valid_samples_pass)
{
	int n;
	char **files = xml_files("samples/valid", &n);
	ck_assert_int_eq(n, 18);
	for (int i = 0; i < n; i++) {
		struct file_result r;
		check_file(files[i], &r);
		char *errs = ids_of(&r, SEV_ERROR), *warns = ids_of(&r, SEV_WARNING), *infos = ids_of(&r, SEV_INFO);
		ck_assert_msg(r.errors == 0 && r.warnings == 0, "%s: errors [%s] warnings [%s]", files[i], errs, warns);
		/* 2014 and 2015 say that G5 was not evaluated (no previous statement) */
		ck_assert_msg(strcmp(infos, r.year == 2013 ? "" : "G5") == 0, "%s (%d): infos [%s]", files[i], r.year, infos);
		ck_assert_int_eq(r.infos, r.year == 2013 ? 0 : 1);
		ck_assert_ptr_nonnull(r.ruleset);
		ck_assert_str_eq(r.programme, "rcc-2013-2015");
		ck_assert_ptr_nonnull(r.rcc);
		ck_assert_msg(strstr(files[i], r.rcc) != NULL, "%s: rcc %s", files[i], r.rcc);
		ck_assert_int_ge(r.year, 2013);
		ck_assert_int_le(r.year, 2015);
		ck_assert_str_eq(r.path, files[i]);
		ck_assert_uint_gt(r.bytes, 1000);
		ck_assert_uint_eq(strlen(r.sha256), 64);
		free(errs);
		free(warns);
		free(infos);
		file_result_free(&r);
		ck_assert_ptr_null(r.findings);
	}
	free_names(files, n);
}
END_TEST

START_TEST(sha256_of_file)
{
	struct file_result r;
	check_file("samples/valid/sydost-2014.xml", &r);
	size_t len;
	char *text = read_small_file("samples/valid/sydost-2014.xml", 1 << 20, &len);
	ck_assert_ptr_nonnull(text);
	sha256 c;
	sha256_init(&c);
	sha256_update(&c, text, len);
	char hex[65];
	sha256_final_hex(&c, hex);
	ck_assert_str_eq(r.sha256, hex);
	ck_assert_uint_eq(r.bytes, len);
	free(text);
	file_result_free(&r);
}
END_TEST

/* ---- A1 ------------------------------------------------------------------------ */

START_TEST(a1_sum_mismatch)
{
	struct file_result r;
	check_file("samples/invalid/A1-sum-mismatch.xml", &r);
	ck_assert_int_eq(r.errors, 1);
	ck_assert_int_eq(r.warnings, 0);
	ck_assert_int_eq(r.infos, 0);
	ck_assert_int_eq(r.nfindings, 1);
	const struct finding *f = &r.findings[0];
	ck_assert_str_eq(f->rule->id, "A1");
	ck_assert_int_eq(f->severity, SEV_ERROR);
	ck_assert_int_eq(f->line, 33);
	ck_assert_int_eq(f->col, 3);
	const char *sv = f->msg[LANG_SV], *en = f->msg[LANG_EN];
	ck_assert_msg(strstr(sv, "9 628 100,00 kr") != NULL, "%s", sv);
	ck_assert_msg(strstr(sv, "9 628 000,00 kr") != NULL, "%s", sv);
	ck_assert_msg(strstr(sv, "skillnad 100,00 kr") != NULL, "%s", sv);
	ck_assert_msg(strstr(en, "SEK 100.00") != NULL, "%s", en);
	ck_assert_msg(strstr(en, "SEK 9,628,100.00") != NULL, "%s", en);
	ck_assert_str_eq(en, "The expense lines add up to SEK 9,628,100.00, but the total expenses are SEK 9,628,000.00; "
	                     "difference SEK 100.00");
	ck_assert_str_eq(r.rcc, "stockholm-gotland");
	ck_assert_int_eq(r.year, 2013);
	file_result_free(&r);
}
END_TEST

/* ---- every invalid sample ------------------------------------------------------- */

struct expected {
	const char *file;
	const char *errors, *warnings; /* sorted ids */
};

static const struct expected INVALID[] = {
	{"A1-sum-mismatch.xml", "A1", ""},
	{"A2-closing-off.xml", "A2", ""},
	{"A3-balance-split.xml", "A3", ""},
	{"A4-overspent.xml", "A4 A5 A5", ""},
	{"A5-negative-repay.xml", "A5", ""},
	{"A6-overflow.xml", "A6", ""},
	{"G1-granted.xml", "G1", ""},
	{"G2-received.xml", "", "G2"},
	{"G3-year-2016.xml", "G3", ""},
	{"G4-period-from.xml", "G4", ""},
	{"G5-carriedover-2014.xml", "", ""}, /* G5 needs the previous statement */
	{"G5-previous-2013.xml", "", ""},
	{"G6-carriedover-2013.xml", "G6", ""},
	{"G7-carryforward-2015.xml", "G7", ""},
	{"M1-orgnr-not-public.xml", "M1", ""},
	{"M2-attested-before-period-end.xml", "M2", ""},
	{"M3-email.xml", "", "M3"},
	{"M4-currency-eur.xml", "M4", ""},
	{"M6-display-name.xml", "", "M6"},
	{"P1-overhead-15pc.xml", "", "P1"},
	{"P2-low-utilisation.xml", "", "P2"},
	{"P3-negative-line-without-note.xml", "", "P3"},
	{"P4-shared-35pc.xml", "", "P4"},
	{"P5-late-attestation.xml", "", "P5"},
	{"S1-missing-received.xml", "S1", ""},
	{"S2-two-currency.xml", "S2", ""},
	{"S3-carriedover.xml", "S3", ""},
	{"S4-swedish-amount.xml", "S4", ""},
	{"S5-impossible-date.xml", "S5", ""},
	{"S6-criterion-4.9.xml", "S6", ""},
	{"S7-orgnr-check-digit.xml", "S7", ""},
	{"S8-note-too-long.xml", "S8", ""},
	{"X1-empty.xml", "X1", ""},
	{"X2-doctype.xml", "X2", ""},
	{"X2-missing-end-tag.xml", "X2", ""},
	{"X3-wrong-namespace.xml", "X3", ""},
	{"X4-unknown-programme.xml", "X4", ""},
};

START_TEST(invalid_samples_findings)
{
	const struct expected *x = &INVALID[_i];
	strbuf path = {0};
	sb_printf(&path, "samples/invalid/%s", x->file);
	struct file_result r;
	check_file(path.s, &r);
	char *errs = ids_of(&r, SEV_ERROR), *warns = ids_of(&r, SEV_WARNING);
	ck_assert_msg(strcmp(errs, x->errors) == 0, "%s: errors [%s], expected [%s]", x->file, errs, x->errors);
	ck_assert_msg(strcmp(warns, x->warnings) == 0, "%s: warnings [%s], expected [%s]", x->file, warns, x->warnings);
	/* every finding has a message in both languages, and they differ */
	for (int i = 0; i < r.nfindings; i++) {
		const struct finding *f = &r.findings[i];
		ck_assert_msg(f->msg[LANG_SV] && f->msg[LANG_SV][0] && f->msg[LANG_EN] && f->msg[LANG_EN][0], "%s: %s",
		              x->file, f->rule->id);
		ck_assert_msg(strcmp(f->msg[LANG_SV], f->msg[LANG_EN]) != 0, "%s: %s", x->file, f->msg[LANG_EN]);
	}
	/* findings are sorted by place */
	for (int i = 1; i < r.nfindings; i++)
		ck_assert(r.findings[i - 1].line <= r.findings[i].line);
	free(errs);
	free(warns);
	file_result_free(&r);
	sb_free(&path);
}
END_TEST

START_TEST(invalid_samples_all_listed)
{
	int n;
	char **files = xml_files("samples/invalid", &n);
	size_t nx = sizeof INVALID / sizeof INVALID[0];
	ck_assert_int_eq((size_t)n, nx);
	for (int i = 0; i < n; i++) {
		int found = 0;
		for (size_t k = 0; k < nx; k++)
			found |= strcmp(strrchr(files[i], '/') + 1, INVALID[k].file) == 0;
		ck_assert_msg(found, "%s has no expectation", files[i]);
	}
	free_names(files, n);
}
END_TEST

START_TEST(document_level_findings)
{
	struct file_result r;
	check_file("samples/invalid/X1-empty.xml", &r);
	ck_assert_int_eq(r.nfindings, 1);
	ck_assert_int_eq(r.findings[0].line, 0);
	ck_assert_int_eq(r.findings[0].col, 0);
	ck_assert_ptr_null(r.ruleset);
	ck_assert_uint_eq(r.bytes, 0);
	ck_assert_msg(strstr(r.findings[0].msg[LANG_EN], "0 bytes") != NULL, "%s", r.findings[0].msg[LANG_EN]);
	file_result_free(&r);

	check_file("samples/invalid/X3-wrong-namespace.xml", &r);
	ck_assert_int_eq(r.nfindings, 1);
	ck_assert_int_eq(r.findings[0].line, 2);
	ck_assert_int_eq(r.findings[0].col, 1);
	ck_assert_msg(strstr(r.findings[0].msg[LANG_EN], "urn:grantcheck:statement;") != NULL, "%s",
	              r.findings[0].msg[LANG_EN]);
	file_result_free(&r);

	check_file("samples/invalid/X4-unknown-programme.xml", &r);
	ck_assert_int_eq(r.nfindings, 1);
	ck_assert_ptr_null(r.ruleset);
	ck_assert_str_eq(r.programme, "rcc-2016-2018");
	ck_assert_msg(strstr(r.findings[0].msg[LANG_EN], "rcc-2016-2018") && strstr(r.findings[0].msg[LANG_EN], "rcc-2013-2015"),
	              "%s", r.findings[0].msg[LANG_EN]);
	file_result_free(&r);

	check_file("samples/no-such-file.xml", &r);
	ck_assert_int_eq(r.errors, 1);
	ck_assert_str_eq(r.findings[0].rule->id, "X1");
	file_result_free(&r);
}
END_TEST

START_TEST(findings_do_not_leak_between_files)
{
	struct file_result r;
	check_file("samples/invalid/A4-overspent.xml", &r);
	ck_assert_int_eq(r.errors, 3);
	file_result_free(&r);
	check_file("samples/valid/uppsala-orebro-2013.xml", &r);
	ck_assert_int_eq(r.nfindings, 0);
	file_result_free(&r);
	check_file("samples/invalid/X2-doctype.xml", &r);
	ck_assert_int_eq(r.nfindings, 1);
	file_result_free(&r);
	check_file("samples/valid/norr-2013.xml", &r);
	ck_assert_int_eq(r.nfindings, 0);
	ck_assert_ptr_nonnull(r.ruleset);
	file_result_free(&r);
}
END_TEST

/* ---- previous statements (G5) ------------------------------------------------- */

struct prev_ctx {
	struct prev_statement *p;
	int n;
	int calls;
};

static int provider(void *ctx, const char *rcc, int year, const struct prev_statement **out, strbuf *err)
{
	(void)err;
	struct prev_ctx *c = ctx;
	c->calls++;
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->p[i].rcc, rcc) == 0 && c->p[i].year == year) {
			*out = &c->p[i];
			return 1;
		}
	return 0;
}

START_TEST(previous_statement_g5)
{
	struct prev_statement p[2];
	strbuf err = {0};
	ck_assert_msg(engine_load_previous(E, "samples/invalid/G5-previous-2013.xml", &p[0], &err) == 0, "%s",
	              sb_str(&err));
	ck_assert_msg(engine_load_previous(E, "samples/valid/sydost-2013.xml", &p[1], &err) == 0, "%s", sb_str(&err));
	ck_assert_str_eq(p[0].rcc, "vast");
	ck_assert_int_eq(p[0].year, 2013);
	ck_assert_str_eq(p[0].source, "samples/invalid/G5-previous-2013.xml");
	int have_cf = 0;
	for (int i = 0; i < p[0].figures.nfields; i++)
		if (strcmp(p[0].figures.fields[i].name, "carryForward") == 0) {
			have_cf = 1;
			ck_assert(p[0].figures.fields[i].has_amount);
			ck_assert(p[0].figures.fields[i].amount == INT64_C(29900075));
		}
	ck_assert(have_cf);
	struct prev_ctx ctx = {p, 2, 0};
	engine_set_previous(E, provider, &ctx);

	struct file_result r;
	check_file("samples/invalid/G5-carriedover-2014.xml", &r);
	char *errs = ids_of(&r, SEV_ERROR);
	ck_assert_str_eq(errs, "G5");
	free(errs);
	const struct finding *f = find(&r, "G5");
	ck_assert_msg(strstr(f->msg[LANG_EN], "SEK 324,000.75") && strstr(f->msg[LANG_EN], "SEK 299,000.75"), "%s",
	              f->msg[LANG_EN]);
	ck_assert_msg(strstr(f->msg[LANG_EN], "G5-previous-2013.xml") != NULL, "%s", f->msg[LANG_EN]);
	ck_assert_int_eq(r.infos, 0);
	file_result_free(&r);

	/* the right previous statement: no finding at all */
	check_file("samples/valid/sydost-2014.xml", &r);
	ck_assert_int_eq(r.nfindings, 0);
	file_result_free(&r);

	/* no previous statement for this RCC: the info again */
	check_file("samples/valid/norr-2014.xml", &r);
	ck_assert_int_eq(r.errors, 0);
	ck_assert_int_eq(r.infos, 1);
	ck_assert_str_eq(r.findings[0].rule->id, "G5");
	file_result_free(&r);
	ck_assert_int_eq(ctx.calls, 3);

	engine_set_previous(E, NULL, NULL);
	prev_statement_free(&p[0]);
	prev_statement_free(&p[1]);
	ck_assert_ptr_null(p[0].figures.fields);
	sb_free(&err);
}
END_TEST

START_TEST(previous_statement_unusable)
{
	struct prev_statement p;
	strbuf err = {0};
	ck_assert_int_eq(engine_load_previous(E, "samples/invalid/X2-doctype.xml", &p, &err), -1);
	ck_assert_msg(strstr(sb_str(&err), "X2-doctype.xml") != NULL, "%s", sb_str(&err));
	ck_assert_ptr_null(p.figures.fields);
	sb_free(&err);
}
END_TEST

/* ---- fingerprints ---------------------------------------------------------- */

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "%s: cannot open", path);
	strbuf b = {0};
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sb_putn(&b, buf, n);
	fclose(fp);
	sb_puts(&b, "");
	return sb_take(&b);
}

/* src with the first occurrence of from replaced by to. */
static char *replaced(const char *src, const char *from, const char *to)
{
	const char *at = strstr(src, from);
	ck_assert_msg(at != NULL, "\"%s\" not in the sample", from);
	strbuf b = {0};
	sb_putn(&b, src, (size_t)(at - src));
	sb_puts(&b, to);
	sb_puts(&b, at + strlen(from));
	return sb_take(&b);
}

/* The P1 finding of data checked with fingerprints on: its line, xpath
 * and fingerprint (copied into the out arguments). */
static long p1_of(const char *data, char xpath[128], char fp[65])
{
	struct file_result r;
	strbuf err = {0};
	ck_assert_int_eq(engine_check_mem(E, "p1.xml", data, strlen(data), &r, &err), 0);
	long line = 0;
	for (int i = 0; i < r.nfindings; i++)
		if (strcmp(r.findings[i].rule->id, "P1") == 0) {
			ck_assert_ptr_nonnull(r.findings[i].xpath);
			ck_assert_ptr_nonnull(r.findings[i].fingerprint);
			snprintf(xpath, 128, "%s", r.findings[i].xpath);
			snprintf(fp, 65, "%s", r.findings[i].fingerprint);
			line = r.findings[i].line;
		}
	ck_assert_msg(line > 0, "no P1 finding");
	file_result_free(&r);
	sb_free(&err);
	return line;
}

START_TEST(fingerprint_stable_across_line_moves)
{
	engine_set_fingerprints(E, 1);
	char *a = slurp("samples/invalid/P1-overhead-15pc.xml");
	char *b = replaced(a, "<expenses>", "<!-- a comment\n over\n three lines -->\n  <expenses>");
	char xa[128], xb[128], fa[65], fb[65];
	long la = p1_of(a, xa, fa), lb = p1_of(b, xb, fb);
	ck_assert_int_eq(lb, la + 3); /* the line moved ... */
	ck_assert_str_eq(xa, "/statement/expenses/expense[8]");
	ck_assert_str_eq(xb, xa); /* ... the element and the fingerprint did not */
	ck_assert_str_eq(fb, fa);
	ck_assert_uint_eq(strlen(fa), 64);
	free(a);
	free(b);
}
END_TEST

START_TEST(fingerprint_changes_with_a_value)
{
	engine_set_fingerprints(E, 1);
	char *a = slurp("samples/invalid/P1-overhead-15pc.xml");
	char *b = replaced(a, "1415400.00", "1415500.00");
	char xa[128], xb[128], fa[65], fb[65];
	p1_of(a, xa, fa);
	p1_of(b, xb, fb);
	ck_assert_str_eq(xb, xa);
	ck_assert_str_ne(fb, fa); /* the message shows another amount */
	free(a);
	free(b);
}
END_TEST

START_TEST(fingerprint_off_by_default)
{
	struct file_result r;
	check_file("samples/invalid/P1-overhead-15pc.xml", &r);
	ck_assert_int_gt(r.nfindings, 0);
	for (int i = 0; i < r.nfindings; i++) {
		ck_assert_ptr_null(r.findings[i].xpath);
		ck_assert_ptr_null(r.findings[i].fingerprint);
	}
	file_result_free(&r);
}
END_TEST

Suite *engine_suite(void)
{
	Suite *s = suite_create("engine");
	TCase *tc = tcase_create("open");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, open_loads_rule_set);
	tcase_add_test(tc, open_missing_rules_dir);
	suite_add_tcase(s, tc);
	tc = tcase_create("samples");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, valid_samples_pass);
	tcase_add_test(tc, sha256_of_file);
	tcase_add_test(tc, a1_sum_mismatch);
	tcase_add_loop_test(tc, invalid_samples_findings, 0, (int)(sizeof INVALID / sizeof INVALID[0]));
	tcase_add_test(tc, invalid_samples_all_listed);
	tcase_add_test(tc, document_level_findings);
	tcase_add_test(tc, findings_do_not_leak_between_files);
	suite_add_tcase(s, tc);
	tc = tcase_create("previous");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, previous_statement_g5);
	tcase_add_test(tc, previous_statement_unusable);
	suite_add_tcase(s, tc);
	tc = tcase_create("fingerprint");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, fingerprint_stable_across_line_moves);
	tcase_add_test(tc, fingerprint_changes_with_a_value);
	tcase_add_test(tc, fingerprint_off_by_default);
	suite_add_tcase(s, tc);
	return s;
}
