/*
 * amount.c - parsing and formatting of money amounts (see amount.h).
 */
#include "amount.h"

#include <assert.h>
#include <ctype.h>
#include <string.h>

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

enum amount_error amount_parse(const char *s, size_t n, int64_t *ore)
{
	size_t i = 0;
	int neg = 0;
	if (n == 0)
		return AMOUNT_EMPTY;
	if (s[0] == '-') {
		neg = 1;
		i = 1;
	}
	size_t int_start = i;
	int64_t v = 0;
	while (i < n && is_digit(s[i])) {
		if (i - int_start >= 12)
			goto classify;
		v = v * 10 + (s[i] - '0');
		i++;
	}
	if (i == int_start)
		goto classify;
	int64_t cents = 0;
	if (i < n) {
		if (s[i] != '.')
			goto classify;
		i++;
		size_t dec_start = i;
		while (i < n && is_digit(s[i]) && i - dec_start < 2) {
			cents = cents * 10 + (s[i] - '0');
			i++;
		}
		size_t ndec = i - dec_start;
		if (ndec == 0 || i != n)
			goto classify;
		if (ndec == 1)
			cents *= 10;
	}
	v = v * 100 + cents;
	assert(v <= AMOUNT_MAX);
	*ore = neg ? -v : v;
	return AMOUNT_OK;

classify:;
	/* Not a valid amount: find the most helpful explanation. */
	int has_alpha = 0, has_exponent = 0, has_comma = 0, has_space = 0, has_dot = 0, ndots = 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)s[k];
		if ((isalpha(c) && c != 'e' && c != 'E') || c == ':' ||
		    (c >= 0x80 && !(c == 0xC2 || c == 0xA0 || c == 0xE2 || c == 0x80 || c == 0xAF || c == 0x89)))
			has_alpha = 1; /* a letter other than an exponent's e, or ":-" */
		else if (c == 'e' || c == 'E')
			has_exponent = 1;
		else if (c == ',')
			has_comma = 1;
		else if (c == ' ' || c == 0xC2 || c == 0xA0 || c == 0xE2 || c == 0x80 || c == 0xAF || c == 0x89)
			has_space = 1; /* space, NBSP (C2 A0), narrow/thin spaces (E2 80 AF / E2 80 89) */
		else if (c == '.') {
			has_dot = 1;
			ndots++;
		}
	}
	if (has_alpha)
		return AMOUNT_CURRENCY;
	if (has_exponent)
		return AMOUNT_SYNTAX; /* 1e5: no suggestion could keep the value */
	if (has_comma || has_space || ndots > 1)
		return AMOUNT_SWEDISH;
	if (has_dot) {
		/* one dot: too many decimals, or too many integer digits */
		const char *dot = memchr(s, '.', n);
		size_t intd = (size_t)(dot - s) - (size_t)neg;
		size_t decd = n - (size_t)(dot - s) - 1;
		int all_digits = 1;
		for (size_t k = (size_t)neg; k < n; k++)
			if (!is_digit(s[k]) && s + k != dot)
				all_digits = 0;
		if (all_digits && decd > 2 && intd >= 1 && intd <= 12)
			return AMOUNT_DECIMALS;
		if (all_digits && intd > 12)
			return AMOUNT_DIGITS;
		return AMOUNT_SYNTAX;
	}
	{
		int all_digits = n > (size_t)neg;
		for (size_t k = (size_t)neg; k < n; k++)
			if (!is_digit(s[k]))
				all_digits = 0;
		if (all_digits && n - (size_t)neg > 12)
			return AMOUNT_DIGITS;
	}
	return AMOUNT_SYNTAX;
}

/* Rewrites a Swedish-style or decorated amount into the format, if it can. */
static int suggest(const char *s, strbuf *out)
{
	strbuf digits = {0};
	int neg = 0, seen_dec = 0, ndec = 0;
	size_t n = strlen(s);
	/* the decimal separator is the last ',' (or the last '.' when there is
	 * no comma and it is followed by at most two digits) */
	const char *lastc = strrchr(s, ',');
	const char *lastd = strrchr(s, '.');
	const char *dec = lastc;
	if (!dec && lastd && strlen(lastd + 1) <= 2)
		dec = lastd;
	for (size_t k = 0; k < n; k++) {
		char c = s[k];
		if (c == '-' && digits.len == 0)
			neg = 1;
		else if (is_digit(c)) {
			sb_putc(&digits, c);
			if (seen_dec)
				ndec++;
		} else if (s + k == dec) {
			if (seen_dec)
				break;
			sb_putc(&digits, '.');
			seen_dec = 1;
		}
	}
	int ok = digits.len > 0 && digits.s[0] != '.' && ndec <= 2;
	if (ok) {
		int64_t v;
		ok = amount_parse(digits.s, digits.len, &v) == AMOUNT_OK;
		if (ok) {
			if (neg)
				v = -v;
			amount_format_plain(v, out);
		}
	}
	sb_free(&digits);
	return ok;
}

void amount_hint(const char *text, enum lang l, strbuf *out)
{
	int64_t v;
	int sv = l == LANG_SV;
	enum amount_error e = amount_parse(text, strlen(text), &v);
	strbuf sug = {0};
	switch (e) {
	case AMOUNT_OK:
		break;
	case AMOUNT_EMPTY:
		sb_puts(out, sv ? "beloppet saknas; skriv t.ex. 1234.50"
		                : "the amount is empty; write e.g. 1234.50");
		break;
	case AMOUNT_SWEDISH:
		if (suggest(text, &sug))
			sb_printf(out, sv ? "skriv %s (punkt som decimaltecken, inga tusentalsavgränsare)"
			                  : "write %s (a dot as decimal separator, no thousands separators)",
			          sug.s);
		else
			sb_puts(out, sv ? "punkt som decimaltecken och inga tusentalsavgränsare, t.ex. 1234.50"
			                : "a dot as decimal separator and no thousands separators, e.g. 1234.50");
		break;
	case AMOUNT_DECIMALS:
		sb_puts(out, sv ? "högst två decimaler (hela ören)" : "at most two decimals (whole öre)");
		break;
	case AMOUNT_CURRENCY:
		if (suggest(text, &sug))
			sb_printf(out, sv ? "ingen valuta i belopp; skriv %s" : "no currency in amounts; write %s", sug.s);
		else
			sb_puts(out, sv ? "ingen valuta i belopp; skriv bara siffror, t.ex. 1234.50"
			                : "no currency in amounts; write digits only, e.g. 1234.50");
		break;
	case AMOUNT_DIGITS:
		sb_puts(out, sv ? "högst 12 siffror före decimalpunkten"
		                : "at most 12 digits before the decimal point");
		break;
	case AMOUNT_SYNTAX:
		sb_puts(out, sv ? "skriv beloppet som siffror med punkt som decimaltecken, t.ex. 1234.50 eller -250.00"
		                : "write the amount as digits with a dot as decimal separator, e.g. 1234.50 or -250.00");
		break;
	}
	sb_free(&sug);
}

/* Absolute value as unsigned, safe for INT64_MIN. */
static uint64_t uabs(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

static void put_grouped(uint64_t units, char sep, strbuf *out)
{
	char digits[32];
	int n = 0;
	do {
		digits[n++] = (char)('0' + units % 10);
		units /= 10;
	} while (units);
	for (int k = n - 1; k >= 0; k--) {
		sb_putc(out, digits[k]);
		if (k > 0 && k % 3 == 0)
			sb_putc(out, sep);
	}
}

void amount_format(int64_t ore, enum lang l, strbuf *out)
{
	uint64_t a = uabs(ore);
	if (l == LANG_SV) {
		if (ore < 0)
			sb_putc(out, '-');
		put_grouped(a / 100, ' ', out);
		sb_printf(out, ",%02u kr", (unsigned)(a % 100));
	} else {
		sb_puts(out, ore < 0 ? "SEK -" : "SEK ");
		put_grouped(a / 100, ',', out);
		sb_printf(out, ".%02u", (unsigned)(a % 100));
	}
}

void amount_format_plain(int64_t ore, strbuf *out)
{
	uint64_t a = uabs(ore);
	sb_printf(out, "%s%llu.%02u", ore < 0 ? "-" : "", (unsigned long long)(a / 100), (unsigned)(a % 100));
}
