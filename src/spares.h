/*
 * spares.h - engines opened ahead, each in a thread of its own, while the
 * calling thread opens its own engine (commands.c, set-up).
 *
 * Opening an engine (its working database, the rule sets read and every
 * rule prepared) takes a few milliseconds. The worker pool of `check` and
 * `register` (runner.c) needs one per thread; opened by each thread once
 * the caller's was open, the second CPU idled for the whole of the caller's
 * opening and the threads started checking only after their own. Opened
 * here, in parallel with the caller's, they are ready when the first file
 * is. A spare is loaded from the same folder as the caller's and used only
 * when every rule set's checksum is the caller's: a folder changed in
 * between gives no engine, and the file goes to the others.
 */
#ifndef GC_SPARES_H
#define GC_SPARES_H

#include "engine.h"

struct spares;

/* Starts n threads (n >= 1), each opening an engine of rules_dir and today
 * (engine_open). NULL when no thread could be started (nothing to free). */
struct spares *spares_start(const char *rules_dir, const char *today, int n);
/* The next spare, waited for, made like's sibling (engine_adopt);
 * NULL when none is left or it failed to open or loaded other rules than
 * `like`. The engine is the caller's to close. Any thread; accepts NULL. */
struct engine *spares_take(struct spares *s, const struct engine *like);
/* Waits for the threads and closes the spares nobody took. Accepts NULL. */
void spares_free(struct spares *s);

#endif
