/*
 * lang.c - message language selection (see lang.h).
 */
#include "lang.h"

#include <stdlib.h>
#include <string.h>

const char *lang_code(enum lang l)
{
	return l == LANG_SV ? "sv" : "en";
}

int lang_parse(const char *s, enum lang *out)
{
	if (strcmp(s, "sv") == 0) {
		*out = LANG_SV;
		return 0;
	}
	if (strcmp(s, "en") == 0) {
		*out = LANG_EN;
		return 0;
	}
	return -1;
}

enum lang lang_from_env(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "sv", 2) == 0 ? LANG_SV : LANG_EN;
	}
	return LANG_EN;
}
