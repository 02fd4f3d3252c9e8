/*
 * checks.h - value checks of the statement format that are not SQL:
 * calendar dates, Swedish organisation numbers, e-mail plausibility, text
 * (UTF-8 length, control characters) and name similarity for suggestions.
 *
 * They are pure functions, exposed to rule SQL as functions by db.c
 * (is_date, is_orgnr, plausible_email, edit_distance) and unit-tested.
 */
#ifndef GC_CHECKS_H
#define GC_CHECKS_H

#include <stddef.h>

/* Strict YYYY-MM-DD naming a real calendar day (Gregorian, 0001-9999). */
int date_parse(const char *s, int *y, int *m, int *d);

enum orgnr_result { ORGNR_OK = 0, ORGNR_FORMAT, ORGNR_CHECKDIGIT };
/* NNNNNN-NNNN with a Luhn check digit over the ten digits. */
enum orgnr_result orgnr_check(const char *s);

/* local@domain.tld: no spaces, one @, a dot in the domain, 2+ letter tld. */
int email_plausible(const char *s);

/* Length of the valid UTF-8 sequence starting at s (1-4), or 0 when the
 * bytes there are not valid UTF-8 (overlong, surrogate, out of range). */
int utf8_seq_len(const unsigned char *s);

/* Number of characters in UTF-8 text (continuation bytes not counted). */
size_t utf8_chars(const char *s, size_t n);

/* 1 if the character starting at s[i] (of n bytes) is a control character
 * other than tab and newline: C0, DEL, or C1 (U+0080..U+009F, encoded
 * C2 80 .. C2 9F). Inline: the parser asks for every byte of a value. */
static inline int control_at(const unsigned char *s, size_t i, size_t n)
{
	unsigned char c = s[i];
	return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F ||
	       (c == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F);
}

/* 1 if s holds a control character (control_at). s is valid UTF-8. */
int has_control(const char *s, size_t n);

/* Levenshtein distance, ASCII case-insensitive; capped at `cap`+1. */
size_t edit_distance(const char *a, const char *b, size_t cap);

#endif
