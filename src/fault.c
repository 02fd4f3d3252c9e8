/*
 * fault.c - test-only fault injection at named points (see fault.h).
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "fault.h"

int fault_point(const char *name, unsigned *counter)
{
	const char *spec = getenv("GRANTCHECK_FAULT");
	if (!spec || !*spec)
		return 0;
	size_t n = strlen(name);
	if (strncmp(spec, name, n) != 0 || (spec[n] != '\0' && spec[n] != ':'))
		return 0;
	unsigned long want = 1;
	int sig = 0;
	if (spec[n] == ':') {
		char *end;
		want = strtoul(spec + n + 1, &end, 10);
		if (*end == ':')
			sig = atoi(end + 1);
	}
	++*counter;
	if (*counter != want)
		return 0;
	if (sig > 0) {
		/* as if the signal arrived now: a handler the program installed
		 * (atomic.c's clean-up) runs; an ignored signal still kills */
		struct sigaction old;
		if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			signal(sig, SIG_DFL);
		raise(sig);
	}
	return 1;
}
