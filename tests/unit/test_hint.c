/*
 * test_hint.c - the S4 hint never changes a number (issue 11, item 1).
 *
 * A property over the review's patterns and generated variants (amounts x
 * thousands separators x decimal marks x currency placements x minus signs):
 * the number a hint tells the person to write, read by the statement's own
 * amount parser, equals what a Swedish reader means by the original text, or
 * the hint gives no number at all. Never a changed amount.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "suites.h"

/* The number after "skriv " / "write " in a hint: 1 and *ore when there is
 * one, 0 when the hint gives none; -1 when it gives one the parser refuses. */
static int hinted_amount(const char *hint, int64_t *ore)
{
	static const char *const verbs[] = {"skriv ", "write "};
	int found = 0;
	for (int v = 0; v < 2; v++)
		for (const char *p = strstr(hint, verbs[v]); p; p = strstr(p + 1, verbs[v])) {
			const char *q = p + strlen(verbs[v]);
			if (!(*q == '-' || (*q >= '0' && *q <= '9')))
				continue;
			size_t n = strcspn(q, " ();,");
			if (q[n - 1] == '.')
				n--;
			int64_t x;
			if (amount_parse(q, n, &x) != AMOUNT_OK)
				return -1;
			if (found && x != *ore)
				return -1; /* two different numbers */
			*ore = x;
			found = 1;
		}
	return found;
}

struct tally {
	long cases, hinted, changed;
};

/* Checks the hints for text in both languages; want_ok: the reading must be
 * given (a pattern of the review's list). */
static void check_text(const char *text, int64_t meant, int want_hint, struct tally *t)
{
	for (int l = 0; l < LANG_COUNT; l++) {
		strbuf b = {0};
		amount_hint(text, (enum lang)l, &b);
		int64_t got = 0;
		int r = hinted_amount(sb_str(&b), &got);
		t->cases++;
		if (r == 1)
			t->hinted++;
		if (r < 0 || (r == 1 && got != meant)) {
			t->changed++;
			ck_abort_msg("hint for \"%s\" (meant %lld öre) changes the amount: %s", text, (long long)meant,
			             sb_str(&b));
		}
		if (want_hint && r != 1)
			ck_abort_msg("hint for \"%s\" gives no amount: %s", text, sb_str(&b));
		sb_free(&b);
	}
}

#define NBSP "\xC2\xA0"
#define NNBSP "\xE2\x80\xAF"
#define MINUS "\xE2\x88\x92"
#define ENDASH "\xE2\x80\x93"
#define EMDASH "\xE2\x80\x94"

START_TEST(hint_review_patterns)
{
	static const struct {
		const char *text;
		int64_t meant;
		int hint; /* a number must be given */
	} cases[] = {
		{"733100.5 kr", 73310050, 1},  {"1234.50 kr", 123450, 1},       {"1234.50 SEK", 123450, 1},
		{"1 234.5 kr", 123450, 1},     {MINUS "12500.00", -1250000, 1}, {ENDASH "12500.00", -1250000, 1},
		{EMDASH "12500.00", -1250000, 1}, {"1234,5 kr", 123450, 1},     {"kr 1234.50", 123450, 1},
		{"SEK 1234.50", 123450, 1},    {"1 234,50", 123450, 1},         {"9" NBSP "890" NBSP "628,90", 989062890, 1},
		{"9" NNBSP "890" NNBSP "628,90", 989062890, 1}, {"733.100,00", 73310000, 1}, {"1234:-", 123400, 1},
		{"kr " MINUS "1 234,50", -123450, 1}, {MINUS "kr 12", -1200, 1}, {"12 kr", 1200, 1},
		{"1 234 567", 123456700, 1},   {"1.234,50", 123450, 1},         {"1234,50", 123450, 1},
		{"1,234,567.50", 123456750, 1}, {"12 345 SEK", 1234500, 1},
		/* no certain reading: no number */
		{"1234.567", 0, 0}, {"", 0, 0}, {"733.100", 0, 0}, {"1,234", 0, 0}, {"1234,567", 0, 0}, {"+5", 0, 0},
		{"1e5", 0, 0}, {"12 34", 0, 0}, {"1 2345,00", 0, 0}, {"1.234.56", 0, 0}, {"kr 12 kr", 0, 0},
		{"12-", 0, 0}, {"--12", 0, 0}, {"1 234.567,00", 0, 0}, {"0x12", 0, 0}, {"12 €", 0, 0},
	};
	struct tally t = {0};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_text(cases[i].text, cases[i].meant, cases[i].hint, &t);
	/* the sign is kept and named */
	strbuf b = {0};
	amount_hint(MINUS "12500.00", LANG_SV, &b);
	ck_assert_msg(strstr(b.s, "minustecken") && strstr(b.s, "-12500.00") && !strstr(b.s, "valuta"), "%s", b.s);
	sb_reset(&b);
	amount_hint(ENDASH "12500.00", LANG_EN, &b);
	ck_assert_msg(strstr(b.s, "minus sign") && strstr(b.s, "-12500.00"), "%s", b.s);
	sb_free(&b);
	ck_assert_int_eq(t.changed, 0);
}
END_TEST

/* A small deterministic generator (xorshift64*), local to the test. */
static uint64_t next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * UINT64_C(2685821657736338717);
}

/* Writes the whole kronor u grouped by sep ("" for none). */
static void put_kronor(strbuf *b, uint64_t u, const char *sep)
{
	char d[24];
	int n = snprintf(d, sizeof d, "%llu", (unsigned long long)u);
	for (int k = 0; k < n; k++) {
		sb_putc(b, d[k]);
		int left = n - k - 1;
		if (left > 0 && left % 3 == 0)
			sb_puts(b, sep);
	}
}

START_TEST(hint_property_generated)
{
	static const char *const tseps[] = {"", " ", NBSP, NNBSP, ".", ","};
	static const char *const decs[] = {".", ","};
	static const char *const prefixes[] = {"", "kr ", "SEK ", "kr", "Kr ", "sek "};
	static const char *const suffixes[] = {"", " kr", " SEK", ":-", " :-", " kr.", "kr", " " NBSP "kr"};
	static const char *const minuses[] = {"-", MINUS, ENDASH, EMDASH};
	uint64_t seed = UINT64_C(0x9E3779B97F4A7C15);
	struct tally t = {0};
	long texts = 0;
	for (int iter = 0; iter < 4000; iter++) {
		int digits = 1 + (int)(next(&seed) % 12);
		uint64_t lim = 1;
		for (int k = 0; k < digits; k++)
			lim *= 10;
		uint64_t kronor = next(&seed) % lim;
		unsigned ore = (unsigned)(next(&seed) % 4 == 0 ? 0 : next(&seed) % 100);
		for (size_t ti = 0; ti < sizeof tseps / sizeof tseps[0]; ti++)
			for (size_t di = 0; di < 2; di++) {
				if (tseps[ti][0] == decs[di][0])
					continue; /* the same mark both ways is no way to write */
				/* one currency placement and one sign per combination, drawn */
				size_t pi = next(&seed) % 6, si = pi ? 0 : next(&seed) % 8;
				int neg = (int)(next(&seed) % 3 == 0) && (kronor || ore);
				size_t mi = next(&seed) % 4;
				int sign_first = (int)(next(&seed) % 2);
				int style = (int)(next(&seed) % 3); /* decimals: as needed, two, none if whole */
				strbuf b = {0};
				if (neg && sign_first)
					sb_puts(&b, minuses[mi]);
				sb_puts(&b, prefixes[pi]);
				if (neg && !sign_first)
					sb_puts(&b, minuses[mi]);
				put_kronor(&b, kronor, tseps[ti]);
				if (ore % 10 == 0 && ore && style == 0)
					sb_printf(&b, "%s%u", decs[di], ore / 10);
				else if (ore || style == 1)
					sb_printf(&b, "%s%02u", decs[di], ore);
				sb_puts(&b, suffixes[si]);
				int64_t meant = (int64_t)(kronor * 100 + ore);
				check_text(b.s, neg ? -meant : meant, 0, &t);
				texts++;
				sb_free(&b);
			}
	}
	printf("S4 hint property: %ld texts, %ld hints checked, %ld with a number, %ld changed amounts\n", texts,
	       t.cases, t.hinted, t.changed);
	ck_assert_int_eq(t.changed, 0);
	ck_assert_msg(t.hinted * 2 > t.cases, "only %ld of %ld hints give a number", t.hinted, t.cases);
}
END_TEST

Suite *hint_suite(void)
{
	Suite *s = suite_create("hint");
	TCase *tc = tcase_create("property");
	tcase_add_test(tc, hint_review_patterns);
	tcase_add_test(tc, hint_property_generated);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
