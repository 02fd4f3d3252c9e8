/*
 * test_checks.c - checks.h: dates, organisation numbers, e-mail, text.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "suites.h"

/* ---- date_parse ----------------------------------------------------------- */

static int date_ok(const char *s)
{
	return date_parse(s, NULL, NULL, NULL);
}

START_TEST(date_valid_and_invalid)
{
	ck_assert_int_eq(date_ok("2014-02-28"), 1);
	ck_assert_int_eq(date_ok("2014-02-29"), 0);
	ck_assert_int_eq(date_ok("2016-02-29"), 1);
	ck_assert_int_eq(date_ok("1900-02-29"), 0);
	ck_assert_int_eq(date_ok("2000-02-29"), 1);
	ck_assert_int_eq(date_ok("2100-02-29"), 0);
	ck_assert_int_eq(date_ok("2014-13-01"), 0);
	ck_assert_int_eq(date_ok("2014-00-10"), 0);
	ck_assert_int_eq(date_ok("2014-01-00"), 0);
	ck_assert_int_eq(date_ok("2014-01-31"), 1);
	ck_assert_int_eq(date_ok("2014-01-32"), 0);
	ck_assert_int_eq(date_ok("2014-04-30"), 1);
	ck_assert_int_eq(date_ok("2014-04-31"), 0);
	ck_assert_int_eq(date_ok("2014-12-31"), 1);
	ck_assert_int_eq(date_ok("0001-01-01"), 1);
	ck_assert_int_eq(date_ok("9999-12-31"), 1);
	ck_assert_int_eq(date_ok("0000-01-01"), 0);
	ck_assert_int_eq(date_ok("2014-1-01"), 0);
	ck_assert_int_eq(date_ok("2014-01-1"), 0);
	ck_assert_int_eq(date_ok("20140101"), 0);
	ck_assert_int_eq(date_ok("2014/01/01"), 0);
	ck_assert_int_eq(date_ok("2014-01-01 "), 0);
	ck_assert_int_eq(date_ok("2014-01-01T00:00"), 0);
	ck_assert_int_eq(date_ok("2014-01-01x"), 0);
	ck_assert_int_eq(date_ok(" 2014-01-01"), 0);
	ck_assert_int_eq(date_ok("2O14-01-01"), 0);
	ck_assert_int_eq(date_ok("+014-01-01"), 0);
	ck_assert_int_eq(date_ok("2014-+1-01"), 0);
	ck_assert_int_eq(date_ok(""), 0);
	ck_assert_int_eq(date_ok(NULL), 0);
}
END_TEST

START_TEST(date_returns_parts)
{
	int y = -1, m = -1, d = -1;
	ck_assert_int_eq(date_parse("2016-02-29", &y, &m, &d), 1);
	ck_assert_int_eq(y, 2016);
	ck_assert_int_eq(m, 2);
	ck_assert_int_eq(d, 29);
	ck_assert_int_eq(date_parse("0987-11-05", &y, &m, &d), 1);
	ck_assert_int_eq(y, 987);
	ck_assert_int_eq(m, 11);
	ck_assert_int_eq(d, 5);
	/* untouched on failure */
	y = m = d = -1;
	ck_assert_int_eq(date_parse("2014-02-29", &y, &m, &d), 0);
	ck_assert_int_eq(y, -1);
	ck_assert_int_eq(m, -1);
	ck_assert_int_eq(d, -1);
}
END_TEST

START_TEST(date_every_day_of_2016)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int days = 0;
	for (int m = 1; m <= 12; m++)
		for (int d = 1; d <= 32; d++) {
			char s[16];
			snprintf(s, sizeof s, "2016-%02d-%02d", m, d);
			int ok = date_ok(s);
			ck_assert_msg(ok == (d <= mdays[m - 1]), "%s gave %d", s, ok);
			days += ok;
		}
	ck_assert_int_eq(days, 366);
}
END_TEST

/* ---- orgnr_check ---------------------------------------------------------- */

/* Reference Luhn over the ten digits of NNNNNN-NNNN. */
static int luhn_ok(const char *s)
{
	int sum = 0, k = 0;
	for (int i = 0; i < 11; i++) {
		if (i == 6)
			continue;
		int v = (s[i] - '0') * (k % 2 == 0 ? 2 : 1);
		sum += v / 10 + v % 10;
		k++;
	}
	return sum % 10 == 0;
}

START_TEST(orgnr_valid)
{
	ck_assert_int_eq(orgnr_check("232100-0040"), ORGNR_OK);
	ck_assert_int_eq(orgnr_check("232100-0016"), ORGNR_OK);
	ck_assert_int_eq(orgnr_check("232100-0024"), ORGNR_OK);
	ck_assert_int_eq(orgnr_check("232100-0255"), ORGNR_OK);
	ck_assert_int_eq(orgnr_check("556677-8899"), ORGNR_OK);
	ck_assert_int_eq(orgnr_check("212000-0142"), ORGNR_OK);
	ck_assert_int_eq(orgnr_check("000000-0000"), ORGNR_OK);
}
END_TEST

START_TEST(orgnr_check_digit)
{
	ck_assert_int_eq(orgnr_check("232100-0041"), ORGNR_CHECKDIGIT);
	ck_assert_int_eq(orgnr_check("232100-0256"), ORGNR_CHECKDIGIT);
	ck_assert_int_eq(orgnr_check("556677-8898"), ORGNR_CHECKDIGIT);
	/* transposed digits are caught */
	ck_assert_int_eq(orgnr_check("322100-0040"), ORGNR_CHECKDIGIT);
	/* exactly one check digit of ten is right, and it agrees with Luhn */
	static const char *const bases[] = {"232100-004", "556677-889", "202100-547", "123456-789", "999999-999"};
	for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
		int ok = 0;
		for (char c = '0'; c <= '9'; c++) {
			char s[12];
			snprintf(s, sizeof s, "%s%c", bases[b], c);
			enum orgnr_result r = orgnr_check(s);
			ck_assert_msg(r == (luhn_ok(s) ? ORGNR_OK : ORGNR_CHECKDIGIT), "%s gave %d", s, (int)r);
			ok += r == ORGNR_OK;
		}
		ck_assert_int_eq(ok, 1);
	}
}
END_TEST

START_TEST(orgnr_format)
{
	ck_assert_int_eq(orgnr_check("2321000040"), ORGNR_FORMAT);
	ck_assert_int_eq(orgnr_check("232100-004"), ORGNR_FORMAT);
	ck_assert_int_eq(orgnr_check("232100-00400"), ORGNR_FORMAT);
	ck_assert_int_eq(orgnr_check("23210A-0040"), ORGNR_FORMAT);
	ck_assert_int_eq(orgnr_check("232100-004X"), ORGNR_FORMAT);
	ck_assert_int_eq(orgnr_check("abcdef-ghij"), ORGNR_FORMAT);
	ck_assert_int_eq(orgnr_check("232100+0040"), ORGNR_FORMAT);
	ck_assert_int_eq(orgnr_check("23210-00040"), ORGNR_FORMAT);
	ck_assert_int_eq(orgnr_check(" 232100-004"), ORGNR_FORMAT);
	ck_assert_int_eq(orgnr_check("16232100-0040"), ORGNR_FORMAT);
	ck_assert_int_eq(orgnr_check(""), ORGNR_FORMAT);
	ck_assert_int_eq(orgnr_check(NULL), ORGNR_FORMAT);
}
END_TEST

/* ---- email_plausible ------------------------------------------------------ */

START_TEST(email)
{
	ck_assert_int_eq(email_plausible("a@b.se"), 1);
	ck_assert_int_eq(email_plausible("karin.ek@rccsydost.example.se"), 1);
	ck_assert_int_eq(email_plausible("first+tag@sub.domain.org"), 1);
	ck_assert_int_eq(email_plausible("a.b.se"), 0);
	ck_assert_int_eq(email_plausible("a@b"), 0);
	ck_assert_int_eq(email_plausible("a @b.se"), 0);
	ck_assert_int_eq(email_plausible("a@b.se "), 0);
	ck_assert_int_eq(email_plausible("a\t@b.se"), 0);
	ck_assert_int_eq(email_plausible("a@@b.se"), 0);
	ck_assert_int_eq(email_plausible("a@b@c.se"), 0);
	ck_assert_int_eq(email_plausible("@b.se"), 0);
	ck_assert_int_eq(email_plausible("a@b.s"), 0);
	ck_assert_int_eq(email_plausible("a@.se"), 0);
	ck_assert_int_eq(email_plausible("a@b..se"), 0);
	ck_assert_int_eq(email_plausible("a@b.se."), 0);
	ck_assert_int_eq(email_plausible("a@b.s3"), 0);
	ck_assert_int_eq(email_plausible("a,b@c.se"), 0);
	ck_assert_int_eq(email_plausible("a;b@c.se"), 0);
	ck_assert_int_eq(email_plausible("<a@b.se>"), 0);
	ck_assert_int_eq(email_plausible(""), 0);
	ck_assert_int_eq(email_plausible(NULL), 0);
}
END_TEST

/* ---- utf8_chars / has_control -------------------------------------------- */

START_TEST(utf8_count)
{
	const char *s = "åäö";
	ck_assert_uint_eq(strlen(s), 6);
	ck_assert_uint_eq(utf8_chars(s, strlen(s)), 3);
	ck_assert_uint_eq(utf8_chars("abc", 3), 3);
	ck_assert_uint_eq(utf8_chars("", 0), 0);
	ck_assert_uint_eq(utf8_chars("\xE2\x82\xAC", 3), 1);         /* € */
	ck_assert_uint_eq(utf8_chars("\xF0\x9F\x98\x80x", 5), 2);     /* emoji + x */
	ck_assert_uint_eq(utf8_chars("Sydöst", strlen("Sydöst")), 6);
	ck_assert_uint_eq(utf8_chars("åäö", 2), 1); /* only n bytes */
}
END_TEST

static int ctrl(const char *s)
{
	return has_control(s, strlen(s));
}

START_TEST(control_chars)
{
	ck_assert_int_eq(ctrl("plain text"), 0);
	ck_assert_int_eq(ctrl("tab\there"), 0);
	ck_assert_int_eq(ctrl("line\nbreak"), 0);
	ck_assert_int_eq(ctrl("\xC3\xA9"), 0);      /* é */
	ck_assert_int_eq(ctrl("\xC2\xA0"), 0);      /* no-break space */
	ck_assert_int_eq(ctrl("\xC2\xBF"), 0);      /* ¿ */
	ck_assert_int_eq(ctrl("\xE2\x82\xAC"), 0);  /* € (continuation 82 is not C1) */
	ck_assert_int_eq(ctrl("a\x01" "b"), 1);
	ck_assert_int_eq(ctrl("\x1F"), 1);
	ck_assert_int_eq(ctrl("a\rb"), 1);
	ck_assert_int_eq(ctrl("\x7F"), 1);
	ck_assert_int_eq(ctrl("x\xC2\x85y"), 1);    /* U+0085 NEL */
	ck_assert_int_eq(ctrl("\xC2\x80"), 1);      /* U+0080 */
	ck_assert_int_eq(ctrl("\xC2\x9F"), 1);      /* U+009F */
	ck_assert_int_eq(has_control("a\0b", 3), 1); /* NUL within n */
	ck_assert_int_eq(has_control("ab\x01", 2), 0); /* beyond n */
}
END_TEST

/* ---- edit_distance -------------------------------------------------------- */

START_TEST(edit_distances)
{
	ck_assert_uint_eq(edit_distance("carriedover", "carriedOver", 5), 0);
	ck_assert_uint_eq(edit_distance("TOTALEXPENSES", "totalExpenses", 5), 0);
	ck_assert_uint_eq(edit_distance("recieved", "received", 5), 2);
	ck_assert_uint_eq(edit_distance("", "", 3), 0);
	ck_assert_uint_eq(edit_distance("", "abc", 3), 3);
	ck_assert_uint_eq(edit_distance("abc", "", 5), 3);
	ck_assert_uint_eq(edit_distance("kitten", "sitting", 5), 3);
	ck_assert_uint_eq(edit_distance("granted", "grantd", 5), 1);
	ck_assert_uint_eq(edit_distance("expense", "expenses", 5), 1);
	ck_assert_uint_eq(edit_distance("flaw", "lawn", 5), 2);
	/* symmetric */
	ck_assert_uint_eq(edit_distance("sitting", "kitten", 5), 3);
}
END_TEST

START_TEST(edit_distance_cap)
{
	/* distance 3, cap 2: reported as cap + 1 */
	ck_assert_uint_eq(edit_distance("kitten", "sitting", 2), 3);
	ck_assert_uint_eq(edit_distance("abcdef", "uvwxyz", 2), 3);
	ck_assert_uint_eq(edit_distance("abcdef", "uvwxyz", 10), 6);
	ck_assert_uint_eq(edit_distance("abcdef", "uvwxyz", 6), 6);
	ck_assert_uint_eq(edit_distance("abcdef", "uvwxyz", 5), 6);
	ck_assert_uint_eq(edit_distance("abcdef", "uvwxyz", 0), 1);
	/* length difference alone above the cap */
	ck_assert_uint_eq(edit_distance("a", "abcdefgh", 3), 4);
	ck_assert_uint_eq(edit_distance("same", "same", 0), 0);
	/* 64 characters are compared; longer strings count as far apart */
	char a[66], b[66];
	memset(a, 'x', 64);
	a[64] = '\0';
	memcpy(b, a, sizeof a);
	b[63] = 'y';
	ck_assert_uint_eq(edit_distance(a, b, 5), 1);
	memset(a, 'x', 65);
	a[65] = '\0';
	ck_assert_uint_eq(edit_distance(a, "x", 5), 6);
}
END_TEST

Suite *checks_suite(void)
{
	Suite *s = suite_create("checks");
	TCase *tc = tcase_create("date");
	tcase_add_test(tc, date_valid_and_invalid);
	tcase_add_test(tc, date_returns_parts);
	tcase_add_test(tc, date_every_day_of_2016);
	suite_add_tcase(s, tc);
	tc = tcase_create("orgnr");
	tcase_add_test(tc, orgnr_valid);
	tcase_add_test(tc, orgnr_check_digit);
	tcase_add_test(tc, orgnr_format);
	suite_add_tcase(s, tc);
	tc = tcase_create("email");
	tcase_add_test(tc, email);
	suite_add_tcase(s, tc);
	tc = tcase_create("text");
	tcase_add_test(tc, utf8_count);
	tcase_add_test(tc, control_chars);
	tcase_add_test(tc, edit_distances);
	tcase_add_test(tc, edit_distance_cap);
	suite_add_tcase(s, tc);
	return s;
}
