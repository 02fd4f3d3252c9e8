/*
 * checks.c - date, organisation number, e-mail and text checks (checks.h).
 */
#include "checks.h"

#include <ctype.h>
#include <string.h>

static int d2(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

int date_parse(const char *s, int *y, int *m, int *d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return 0;
	int yy = d2(s) * 100 + d2(s + 2), mm = d2(s + 5), dd = d2(s + 8);
	if (yy < 1 || mm < 1 || mm > 12 || dd < 1)
		return 0;
	int leap = (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0;
	int max = mdays[mm - 1] + (mm == 2 && leap);
	if (dd > max)
		return 0;
	if (y)
		*y = yy;
	if (m)
		*m = mm;
	if (d)
		*d = dd;
	return 1;
}

enum orgnr_result orgnr_check(const char *s)
{
	if (!s || strlen(s) != 11 || s[6] != '-')
		return ORGNR_FORMAT;
	int digits[10], k = 0;
	for (int i = 0; i < 11; i++) {
		if (i == 6)
			continue;
		if (!isdigit((unsigned char)s[i]))
			return ORGNR_FORMAT;
		digits[k++] = s[i] - '0';
	}
	int sum = 0;
	for (int i = 0; i < 10; i++) {
		int v = digits[i] * (i % 2 == 0 ? 2 : 1);
		sum += v > 9 ? v - 9 : v;
	}
	return sum % 10 == 0 ? ORGNR_OK : ORGNR_CHECKDIGIT;
}

int email_plausible(const char *s)
{
	if (!s)
		return 0;
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@'))
		return 0;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == ',' || *p == ';' || *p == '<' || *p == '>')
			return 0;
	const char *dot = strrchr(at + 1, '.');
	if (!dot || dot == at + 1 || dot[-1] == '.')
		return 0;
	size_t tld = strlen(dot + 1);
	if (tld < 2)
		return 0;
	for (const char *p = dot + 1; *p; p++)
		if (!isalpha((unsigned char)*p))
			return 0;
	return 1;
}

int utf8_seq_len(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	int n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 && s[0] <= 0xDF ? 2 : 0;
	for (int i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if (n == 3 && ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0)))
		return 0;
	if (n == 4 && ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90)))
		return 0;
	return n;
}

size_t utf8_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

int has_control(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (control_at((const unsigned char *)s, i, n))
			return 1;
	return 0;
}

size_t edit_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return cap + 1;
	if ((la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	size_t prev[65], cur[65];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			int same = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]);
			size_t best = prev[j - 1] + !same;
			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			cur[j] = best;
		}
		memcpy(prev, cur, sizeof cur);
	}
	return prev[lb] > cap ? cap + 1 : prev[lb];
}
