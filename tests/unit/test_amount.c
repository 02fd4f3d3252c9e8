/*
 * test_amount.c - amount.h: parsing, hints and formatting of money in öre.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "amount.h"
#include "suites.h"

/* Parses a NUL-terminated string; *ore is set to a sentinel first so a
 * failed parse that still writes it is noticed. */
static enum amount_error parse(const char *s, int64_t *ore)
{
	*ore = INT64_C(-777);
	return amount_parse(s, strlen(s), ore);
}

#define ASSERT_PARSES(text, expect)                                                   \
	do {                                                                              \
		int64_t v_;                                                                   \
		enum amount_error e_ = parse(text, &v_);                                      \
		ck_assert_msg(e_ == AMOUNT_OK, "\"%s\": error %d, expected AMOUNT_OK", text, (int)e_); \
		ck_assert_msg(v_ == (expect), "\"%s\": %lld öre, expected %lld", text, (long long)v_, \
		              (long long)(expect));                                           \
	} while (0)

#define ASSERT_REJECTS(text, code)                                                    \
	do {                                                                              \
		int64_t v_;                                                                   \
		enum amount_error e_ = parse(text, &v_);                                      \
		ck_assert_msg(e_ == (code), "\"%s\": error %d, expected %d (%s)", text, (int)e_, (int)(code), #code); \
		ck_assert_msg(v_ == INT64_C(-777), "\"%s\": output written on error", text);   \
	} while (0)

/* ---- amount_parse: valid ------------------------------------------------ */

START_TEST(parse_valid_forms)
{
	ASSERT_PARSES("0", 0);
	ASSERT_PARSES("1", 100);
	ASSERT_PARSES("-1", -100);
	ASSERT_PARSES("1.5", 150);
	ASSERT_PARSES("1.50", 150);
	ASSERT_PARSES("1.05", 105);
	ASSERT_PARSES("0.01", 1);
	ASSERT_PARSES("-0.01", -1);
	ASSERT_PARSES("-0", 0);
	ASSERT_PARSES("007", 700);
	ASSERT_PARSES("1234.50", 123450);
	ASSERT_PARSES("10000000.00", INT64_C(1000000000));
	ASSERT_PARSES("999999999999.99", AMOUNT_MAX);
	ASSERT_PARSES("-999999999999.99", -AMOUNT_MAX);
	ASSERT_PARSES("999999999999", INT64_C(99999999999900));
	ASSERT_PARSES("000000000001", 100); /* 12 digits, leading zeros count */
}
END_TEST

START_TEST(parse_uses_only_n_bytes)
{
	int64_t v = 0;
	/* n shorter than the string: only "12.3" is read */
	ck_assert_int_eq(amount_parse("12.345", 4, &v), AMOUNT_OK);
	ck_assert_int_eq(v, 1230);
	ck_assert_int_eq(amount_parse("5 kr", 1, &v), AMOUNT_OK);
	ck_assert_int_eq(v, 500);
	ck_assert_int_eq(amount_parse("5", 0, &v), AMOUNT_EMPTY);
}
END_TEST

START_TEST(parse_max_is_amount_max)
{
	ck_assert(AMOUNT_MAX == INT64_C(99999999999999));
	int64_t v;
	ck_assert_int_eq(parse("999999999999.99", &v), AMOUNT_OK);
	ck_assert(v == AMOUNT_MAX);
}
END_TEST

/* ---- amount_parse: invalid --------------------------------------------- */

START_TEST(parse_invalid_codes)
{
	ASSERT_REJECTS("", AMOUNT_EMPTY);
	ASSERT_REJECTS("1 234,50", AMOUNT_SWEDISH);
	ASSERT_REJECTS("1234,50", AMOUNT_SWEDISH);
	ASSERT_REJECTS("1.234,50", AMOUNT_SWEDISH);
	ASSERT_REJECTS("1 234", AMOUNT_SWEDISH);
	ASSERT_REJECTS("1\xC2\xA0" "234.50", AMOUNT_SWEDISH);    /* no-break space */
	ASSERT_REJECTS("1\xE2\x80\xAF" "234.50", AMOUNT_SWEDISH); /* narrow no-break space */
	ASSERT_REJECTS("1.234.567", AMOUNT_SWEDISH);
	ASSERT_REJECTS("1234.567", AMOUNT_DECIMALS);
	ASSERT_REJECTS("-0.001", AMOUNT_DECIMALS);
	ASSERT_REJECTS("12 kr", AMOUNT_CURRENCY);
	ASSERT_REJECTS("SEK 12", AMOUNT_CURRENCY);
	ASSERT_REJECTS("12:-", AMOUNT_CURRENCY);
	ASSERT_REJECTS("12 \xE2\x82\xAC", AMOUNT_CURRENCY); /* euro sign */
	ASSERT_REJECTS("1234567890123", AMOUNT_DIGITS);     /* 13 digits */
	ASSERT_REJECTS("-1234567890123", AMOUNT_DIGITS);
	ASSERT_REJECTS("1234567890123.00", AMOUNT_DIGITS);
	ASSERT_REJECTS("+5", AMOUNT_SYNTAX);
	ASSERT_REJECTS(".5", AMOUNT_SYNTAX);
	ASSERT_REJECTS("5.", AMOUNT_SYNTAX);
	ASSERT_REJECTS("--5", AMOUNT_SYNTAX);
	ASSERT_REJECTS("-", AMOUNT_SYNTAX);
	ASSERT_REJECTS("5-", AMOUNT_SYNTAX);
	ASSERT_REJECTS("-.5", AMOUNT_SYNTAX);
}
END_TEST

START_TEST(parse_scientific_rejected)
{
	int64_t v;
	ck_assert_int_ne(parse("1e5", &v), AMOUNT_OK);
	ck_assert(v == INT64_C(-777));
	ck_assert_int_ne(parse("1E5", &v), AMOUNT_OK);
	ck_assert_int_ne(parse("1.5e2", &v), AMOUNT_OK);
}
END_TEST

/* Known bug (reported): "1e5" is classified AMOUNT_CURRENCY because 'e' is
 * a letter, and the hint then suggests "15.00", a different amount. */
START_TEST(parse_scientific_is_syntax)
{
	int64_t v;
	ck_assert_int_eq(parse("1e5", &v), AMOUNT_SYNTAX);
	strbuf b = {0};
	amount_hint("1e5", LANG_EN, &b);
	ck_assert_ptr_null(strstr(sb_str(&b), "15.00"));
	sb_free(&b);
}
END_TEST

/* ---- amount_hint -------------------------------------------------------- */

static char *hint(const char *text, enum lang l)
{
	strbuf b = {0};
	amount_hint(text, l, &b);
	return sb_take(&b);
}

START_TEST(hint_swedish_amounts)
{
	static const char *const texts[] = {"1 234,50", "1234,50", "1.234,50", ("1\xC2\xA0" "234,50")};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char *sv = hint(texts[i], LANG_SV), *en = hint(texts[i], LANG_EN);
		ck_assert_msg(strstr(sv, "1234.50") != NULL, "sv hint for \"%s\": %s", texts[i], sv);
		ck_assert_msg(strstr(en, "1234.50") != NULL, "en hint for \"%s\": %s", texts[i], en);
		ck_assert_msg(strstr(sv, "skriv") != NULL, "sv hint is Swedish: %s", sv);
		ck_assert_msg(strstr(en, "write") != NULL, "en hint is English: %s", en);
		ck_assert_str_ne(sv, en);
		free(sv);
		free(en);
	}
	char *neg = hint("-1 234,50", LANG_SV);
	ck_assert_msg(strstr(neg, "-1234.50") != NULL, "negative hint: %s", neg);
	free(neg);
	char *th = hint("1 234 567", LANG_EN);
	ck_assert_msg(strstr(th, "1234567.00") != NULL, "thousands hint: %s", th);
	free(th);
}
END_TEST

START_TEST(hint_currency_and_others)
{
	char *s = hint("12 kr", LANG_SV);
	ck_assert_msg(strstr(s, "valuta") && strstr(s, "12.00"), "%s", s);
	free(s);
	s = hint("SEK 1 234,50", LANG_EN);
	ck_assert_msg(strstr(s, "currency") && strstr(s, "1234.50"), "%s", s);
	free(s);
	s = hint("", LANG_EN);
	ck_assert_msg(strstr(s, "empty") != NULL, "%s", s);
	free(s);
	s = hint("1234.567", LANG_SV);
	ck_assert_msg(strstr(s, "två decimaler") != NULL, "%s", s);
	free(s);
	s = hint("1234567890123", LANG_EN);
	ck_assert_msg(strstr(s, "12 digits") != NULL, "%s", s);
	free(s);
	s = hint("+5", LANG_EN);
	ck_assert_msg(strstr(s, "1234.50") != NULL && strstr(s, "dot") != NULL, "%s", s);
	free(s);
}
END_TEST

START_TEST(hint_valid_amount_is_empty)
{
	char *s = hint("1234.50", LANG_SV);
	ck_assert_str_eq(s, "");
	free(s);
	s = hint("0", LANG_EN);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(hint_appends)
{
	strbuf b = {0};
	sb_puts(&b, "X: ");
	amount_hint("1234,50", LANG_EN, &b);
	ck_assert(strncmp(b.s, "X: ", 3) == 0);
	ck_assert(strstr(b.s, "1234.50") != NULL);
	sb_free(&b);
}
END_TEST

/* ---- amount_format ------------------------------------------------------ */

static char *fmt(int64_t ore, enum lang l)
{
	strbuf b = {0};
	amount_format(ore, l, &b);
	return sb_take(&b);
}

#define ASSERT_FORMAT(ore, l, expect)                \
	do {                                             \
		char *s_ = fmt(ore, l);                      \
		ck_assert_str_eq(s_, expect);                \
		free(s_);                                    \
	} while (0)

START_TEST(format_sv_en)
{
	ASSERT_FORMAT(INT64_C(1000000000), LANG_SV, "10 000 000,00 kr");
	ASSERT_FORMAT(INT64_C(1000000000), LANG_EN, "SEK 10,000,000.00");
	ASSERT_FORMAT(INT64_C(-5000050), LANG_SV, "-50 000,50 kr");
	ASSERT_FORMAT(INT64_C(-5000050), LANG_EN, "SEK -50,000.50");
	ASSERT_FORMAT(0, LANG_SV, "0,00 kr");
	ASSERT_FORMAT(0, LANG_EN, "SEK 0.00");
	ASSERT_FORMAT(1, LANG_SV, "0,01 kr");
	ASSERT_FORMAT(-1, LANG_EN, "SEK -0.01");
	ASSERT_FORMAT(99999, LANG_SV, "999,99 kr");
	ASSERT_FORMAT(100000, LANG_SV, "1 000,00 kr");
	ASSERT_FORMAT(123456789, LANG_EN, "SEK 1,234,567.89");
	ASSERT_FORMAT(AMOUNT_MAX, LANG_SV, "999 999 999 999,99 kr");
	ASSERT_FORMAT(-AMOUNT_MAX, LANG_EN, "SEK -999,999,999,999.99");
}
END_TEST

START_TEST(format_int64_extremes)
{
	ASSERT_FORMAT(INT64_MAX, LANG_SV, "92 233 720 368 547 758,07 kr");
	ASSERT_FORMAT(INT64_MAX, LANG_EN, "SEK 92,233,720,368,547,758.07");
	ASSERT_FORMAT(INT64_MIN, LANG_SV, "-92 233 720 368 547 758,08 kr");
	ASSERT_FORMAT(INT64_MIN, LANG_EN, "SEK -92,233,720,368,547,758.08");
}
END_TEST

START_TEST(format_appends)
{
	strbuf b = {0};
	sb_puts(&b, "a=");
	amount_format(150, LANG_SV, &b);
	sb_puts(&b, "; b=");
	amount_format(-150, LANG_EN, &b);
	ck_assert_str_eq(b.s, "a=1,50 kr; b=SEK -1.50");
	sb_free(&b);
}
END_TEST

static char *plain(int64_t ore)
{
	strbuf b = {0};
	amount_format_plain(ore, &b);
	return sb_take(&b);
}

#define ASSERT_PLAIN(ore, expect)     \
	do {                              \
		char *s_ = plain(ore);        \
		ck_assert_str_eq(s_, expect); \
		free(s_);                     \
	} while (0)

START_TEST(format_plain)
{
	ASSERT_PLAIN(123450, "1234.50");
	ASSERT_PLAIN(-123450, "-1234.50");
	ASSERT_PLAIN(0, "0.00");
	ASSERT_PLAIN(5, "0.05");
	ASSERT_PLAIN(-5, "-0.05");
	ASSERT_PLAIN(AMOUNT_MAX, "999999999999.99");
	ASSERT_PLAIN(INT64_MAX, "92233720368547758.07");
	ASSERT_PLAIN(INT64_MIN, "-92233720368547758.08");
}
END_TEST

START_TEST(format_plain_round_trips)
{
	static const int64_t values[] = {0, 1, -1, 99, 100, 150, -123456, 1000000000, AMOUNT_MAX, -AMOUNT_MAX};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		char *s = plain(values[i]);
		int64_t back;
		ck_assert_int_eq(parse(s, &back), AMOUNT_OK);
		ck_assert_msg(back == values[i], "%s parsed as %lld", s, (long long)back);
		free(s);
	}
}
END_TEST

/* ---- exactness ---------------------------------------------------------- */

START_TEST(exact_decimal_sum)
{
	int64_t a, b, c;
	ck_assert_int_eq(parse("0.10", &a), AMOUNT_OK);
	ck_assert_int_eq(parse("0.20", &b), AMOUNT_OK);
	ck_assert_int_eq(parse("0.30", &c), AMOUNT_OK);
	ck_assert(a + b == c);
	ck_assert_int_eq(c, 30);
	/* ten times 0.10 is exactly 1 */
	int64_t sum = 0;
	for (int i = 0; i < 10; i++)
		sum += a;
	int64_t one;
	ck_assert_int_eq(parse("1.00", &one), AMOUNT_OK);
	ck_assert(sum == one);
}
END_TEST

START_TEST(exact_large_sum_and_overflow)
{
	int64_t max;
	ck_assert_int_eq(parse("999999999999.99", &max), AMOUNT_OK);
	int64_t sum = 0;
	for (int i = 0; i < 90000; i++)
		ck_assert_msg(!__builtin_add_overflow(sum, max, &sum), "overflow at addition %d", i + 1);
	ck_assert(sum == INT64_C(8999999999999910000));
	strbuf b = {0};
	amount_format(sum, LANG_SV, &b);
	ck_assert_str_eq(b.s, "89 999 999 999 999 100,00 kr");
	sb_free(&b);
	/* INT64_MAX / AMOUNT_MAX = 92233: the 92234th addition overflows */
	long k = 90000;
	int64_t before = sum;
	while (!__builtin_add_overflow(sum, max, &sum)) {
		k++;
		before = sum;
	}
	ck_assert_int_eq(k, 92233);
	ck_assert(before == INT64_C(92233) * AMOUNT_MAX);
	ck_assert(INT64_MAX - before < AMOUNT_MAX);
}
END_TEST

Suite *amount_suite(void)
{
	Suite *s = suite_create("amount");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, parse_valid_forms);
	tcase_add_test(tc, parse_uses_only_n_bytes);
	tcase_add_test(tc, parse_max_is_amount_max);
	tcase_add_test(tc, parse_invalid_codes);
	tcase_add_test(tc, parse_scientific_rejected);
	tcase_add_test(tc, parse_scientific_is_syntax);
	suite_add_tcase(s, tc);
	tc = tcase_create("hint");
	tcase_add_test(tc, hint_swedish_amounts);
	tcase_add_test(tc, hint_currency_and_others);
	tcase_add_test(tc, hint_valid_amount_is_empty);
	tcase_add_test(tc, hint_appends);
	suite_add_tcase(s, tc);
	tc = tcase_create("format");
	tcase_add_test(tc, format_sv_en);
	tcase_add_test(tc, format_int64_extremes);
	tcase_add_test(tc, format_appends);
	tcase_add_test(tc, format_plain);
	tcase_add_test(tc, format_plain_round_trips);
	suite_add_tcase(s, tc);
	tc = tcase_create("exact");
	tcase_add_test(tc, exact_decimal_sum);
	tcase_add_test(tc, exact_large_sum_and_overflow);
	suite_add_tcase(s, tc);
	return s;
}
