/*
 * amount.h - money as exact integer öre (1/100 kr) in 64-bit integers.
 *
 * The statement format writes amounts as -?[0-9]{1,12}(\.[0-9]{1,2})?.
 * amount_parse() accepts exactly that and, for the mistakes people make
 * (Swedish decimal comma, thousands separators, currency signs, three
 * decimals), says which mistake it was so the message can tell how to write
 * the amount. No floating point is involved anywhere.
 */
#ifndef GC_AMOUNT_H
#define GC_AMOUNT_H

#include <stddef.h>
#include <stdint.h>

#include "lang.h"
#include "util.h"

/* The largest amount the format can express: 999 999 999 999,99 kr. */
#define AMOUNT_MAX INT64_C(99999999999999)

enum amount_error {
	AMOUNT_OK = 0,
	AMOUNT_EMPTY,     /* no text at all */
	AMOUNT_SWEDISH,   /* decimal comma and/or thousands separators */
	AMOUNT_DECIMALS,  /* more than two decimals */
	AMOUNT_CURRENCY,  /* "kr", "SEK", ":-" written in the amount */
	AMOUNT_DIGITS,    /* more than 12 integer digits */
	AMOUNT_SYNTAX     /* anything else */
};

/* Parses s[0..n) (already trimmed). On AMOUNT_OK stores öre in *ore. */
enum amount_error amount_parse(const char *s, size_t n, int64_t *ore);

/*
 * Appends a short hint in language l telling how to write the amount
 * `text`, e.g. "skriv 1234.50" for "1 234,50". Nothing for valid amounts.
 */
void amount_hint(const char *text, enum lang l, strbuf *out);

/* Appends ore for people: "10 000 000,00 kr" (sv), "SEK 10,000,000.00" (en). */
void amount_format(int64_t ore, enum lang l, strbuf *out);

/* Appends ore in the format's own notation: "-1234.50". */
void amount_format_plain(int64_t ore, strbuf *out);

#endif
