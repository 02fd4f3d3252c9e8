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

/*
 * How a Swedish reader reads an amount written the wrong way. The hint may
 * only re-spell the digits and the sign the person wrote: when the reading
 * is not certain (733.100, 1,234, 1234,567) there is no number (ok = 0) and
 * the hint states the format instead.
 */
struct reading {
	int ok;          /* ore holds the amount the person meant */
	int64_t ore;
	int odd_minus;   /* U+2212, U+2013 or U+2014 used as a minus sign */
	int currency;    /* kr, SEK or :- before or after the digits */
	int separators;  /* a decimal comma or thousands separators */
};

static int lower(char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Whether s[0..n) starts with the word w (ASCII, any case). */
static int starts_with(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	if (n < k)
		return 0;
	for (size_t i = 0; i < k; i++)
		if (lower(s[i]) != w[i])
			return 0;
	return 1;
}

/* A currency word at the start of b[*i..n): skips it. */
static int skip_currency_prefix(const char *b, size_t n, size_t *i)
{
	static const char *const words[] = {"sek", "kr.", "kr"};
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
		if (starts_with(b + *i, n - *i, words[w])) {
			*i += strlen(words[w]);
			return 1;
		}
	return 0;
}

/* A currency word at the end of b[from..*n): drops it. */
static int drop_currency_suffix(const char *b, size_t from, size_t *n)
{
	static const char *const words[] = {"sek", "kr.", "kr", ":-"};
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		size_t k = strlen(words[w]);
		if (*n - from >= k && starts_with(b + *n - k, k, words[w])) {
			*n -= k;
			return 1;
		}
	}
	return 0;
}

static void read_amount(const char *s, size_t n, struct reading *r)
{
	memset(r, 0, sizeof *r);
	/* 1. to ASCII: the spaces people use become ' ', the minus signs 'm' */
	char b[128];
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		const unsigned char *u = (const unsigned char *)s + i;
		char c;
		if (*u == ' ' || *u == '\t') {
			c = ' ';
		} else if (*u == 0xC2 && i + 1 < n && u[1] == 0xA0) {
			c = ' '; /* NBSP */
			i += 1;
		} else if (*u == 0xE2 && i + 2 < n && u[1] == 0x80 && (u[2] == 0xAF || u[2] == 0x89)) {
			c = ' '; /* narrow NBSP, thin space */
			i += 2;
		} else if (*u == 0xE2 && i + 2 < n &&
		           ((u[1] == 0x88 && u[2] == 0x92) || (u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94)))) {
			c = 'm'; /* minus sign, en dash, em dash */
			r->odd_minus = 1;
			i += 2;
		} else if (*u < 0x80) {
			c = (char)*u;
		} else {
			return; /* any other character: no reading */
		}
		if (len == sizeof b - 1)
			return;
		b[len++] = c;
	}
	b[len] = '\0';
	/* 2. sign and currency around the digits */
	size_t i = 0, end = len;
	int neg = 0, cur = 0;
	while (i < end && b[i] == ' ')
		i++;
	while (end > i && b[end - 1] == ' ')
		end--;
	for (int round = 0; round < 2; round++) { /* "-kr 12", "kr -12" */
		if (i < end && (b[i] == '-' || b[i] == 'm')) {
			if (neg)
				return;
			neg = 1;
			i++;
		} else if (!cur && skip_currency_prefix(b, end, &i)) {
			cur = 1;
		}
		while (i < end && b[i] == ' ')
			i++;
	}
	if (drop_currency_suffix(b, i, &end)) {
		if (cur)
			return;
		cur = 1;
		while (end > i && b[end - 1] == ' ')
			end--;
	}
	r->currency = cur;
	/* 3. digit groups with one separator between two: digits first and last */
	if (i >= end || !is_digit(b[i]) || !is_digit(b[end - 1]))
		return;
	size_t gstart[32], glen[32];
	char sep[32];
	int ng = 0;
	for (size_t k = i; k < end;) {
		if (ng == 32)
			return;
		gstart[ng] = k;
		while (k < end && is_digit(b[k]))
			k++;
		glen[ng] = k - gstart[ng];
		sep[ng] = k < end ? b[k] : '\0';
		ng++;
		if (k < end) {
			if (b[k] != ' ' && b[k] != ',' && b[k] != '.')
				return;
			k++;
			if (k >= end || !is_digit(b[k]))
				return; /* two separators in a row */
		}
	}
	/* 4. the decimal mark: the last separator, if it is ',' or '.' and used
	 * once; every other separator groups thousands, all the same way */
	int nseps = ng - 1, dec = 0;
	if (nseps > 0 && sep[nseps - 1] != ' ') {
		int uses = 0;
		for (int k = 0; k < nseps; k++)
			uses += sep[k] == sep[nseps - 1];
		dec = uses == 1;
	}
	if (dec && glen[ng - 1] > 2)
		return; /* 733.100, 1,234, 1234,567: thousands, or three decimals? */
	int nint = dec ? ng - 1 : ng; /* integer groups */
	char tsep = '\0';
	for (int k = 0; k + 1 < nint; k++) {
		if (tsep && sep[k] != tsep)
			return; /* mixed thousands separators */
		tsep = sep[k];
		if (k == 0 ? glen[0] > 3 : glen[k] != 3)
			return;
	}
	if (nint > 1 && glen[nint - 1] != 3)
		return;
	r->separators = nint > 1 || (dec && sep[nseps - 1] == ',');
	/* 5. the amount in the format's spelling, read by the format's parser */
	char f[64];
	size_t fl = 0;
	if (neg)
		f[fl++] = '-';
	for (int g = 0; g < ng; g++) {
		if (fl + glen[g] + 2 >= sizeof f)
			return;
		if (g == nint)
			f[fl++] = '.';
		memcpy(f + fl, b + gstart[g], glen[g]);
		fl += glen[g];
	}
	r->ok = amount_parse(f, fl, &r->ore) == AMOUNT_OK;
}

void amount_hint(const char *text, enum lang l, strbuf *out)
{
	int64_t v;
	int sv = l == LANG_SV;
	size_t n = strlen(text);
	enum amount_error e = amount_parse(text, n, &v);
	if (e == AMOUNT_OK)
		return;
	if (e == AMOUNT_EMPTY) {
		sb_puts(out, sv ? "beloppet saknas; skriv t.ex. 1234.50" : "the amount is empty; write e.g. 1234.50");
		return;
	}
	struct reading r;
	read_amount(text, n, &r);
	strbuf sug = {0};
	if (r.ok)
		amount_format_plain(r.ore, &sug);
	if (r.odd_minus) {
		/* the sign is never dropped: say which minus to use */
		if (r.ok)
			sb_printf(out, sv ? "använd vanligt minustecken (-)%s; skriv %s"
			                  : "use a plain minus sign (-)%s; write %s",
			          r.currency ? (sv ? " och ingen valuta" : " and no currency") : "", sug.s);
		else
			sb_puts(out, sv ? "använd vanligt minustecken (-) och skriv beloppet som siffror med punkt som "
			                  "decimaltecken, t.ex. -250.00"
			                : "use a plain minus sign (-) and write the amount as digits with a dot as "
			                  "decimal separator, e.g. -250.00");
	} else if (r.ok && r.currency) {
		sb_printf(out, sv ? "ingen valuta i belopp; skriv %s" : "no currency in amounts; write %s", sug.s);
	} else if (r.ok) {
		sb_printf(out, sv ? "skriv %s (punkt som decimaltecken, inga tusentalsavgränsare)"
		                  : "write %s (a dot as decimal separator, no thousands separators)",
		          sug.s);
	} else {
		switch (e) {
		case AMOUNT_SWEDISH:
			sb_puts(out, sv ? "punkt som decimaltecken och inga tusentalsavgränsare, t.ex. 1234.50"
			                : "a dot as decimal separator and no thousands separators, e.g. 1234.50");
			break;
		case AMOUNT_DECIMALS:
			sb_puts(out, sv ? "högst två decimaler (hela ören)" : "at most two decimals (whole öre)");
			break;
		case AMOUNT_CURRENCY:
			sb_puts(out, sv ? "ingen valuta i belopp; skriv bara siffror, t.ex. 1234.50"
			                : "no currency in amounts; write digits only, e.g. 1234.50");
			break;
		case AMOUNT_DIGITS:
			sb_puts(out, sv ? "högst 12 siffror före decimalpunkten"
			                : "at most 12 digits before the decimal point");
			break;
		default:
			sb_puts(out, sv ? "skriv beloppet som siffror med punkt som decimaltecken, t.ex. 1234.50 eller -250.00"
			                : "write the amount as digits with a dot as decimal separator, e.g. 1234.50 or -250.00");
			break;
		}
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
