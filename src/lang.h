/*
 * lang.h - message language (Swedish or English).
 *
 * The language is taken from --lang or from LC_ALL / LC_MESSAGES / LANG
 * *without* calling setlocale(): libxlsxwriter prints numbers with the
 * process's C locale and a Swedish LC_NUMERIC would corrupt workbooks.
 */
#ifndef GC_LANG_H
#define GC_LANG_H

enum lang { LANG_SV = 0, LANG_EN = 1 };
#define LANG_COUNT 2

/* "sv" / "en" */
const char *lang_code(enum lang l);
/* Parses "sv" / "en"; returns 0 on success, -1 otherwise. */
int lang_parse(const char *s, enum lang *out);
/* From the environment: sv* -> Swedish, anything else English. */
enum lang lang_from_env(void);

#endif
