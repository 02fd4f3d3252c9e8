/*
 * fuzz_statement.c - libFuzzer target: one statement from memory through the
 * whole check (expat parser, working database, every rule of the real rule
 * set in rules/, findings rendered in both languages and written in both
 * output forms). The previous year's statement of sydost is at hand for the
 * cross-year rules (G5, M5).
 *
 * Half of the inputs (by a bit of their size, like the output languages)
 * are parsed by three threads, as a large file or a pipe would be, the
 * others on one thread as a small file is.
 *
 * Built and run by `make fuzz` (see fuzz/run.sh), from the repository root so
 * that "rules" is found. The engine is opened once per process: a harness
 * static, as libFuzzer calls the target millions of times.
 *
 * Any crash, sanitizer report, exit() (db_check: an internal SQL error) or a
 * rule the engine reports as broken (engine_check_mem returning -1, which
 * would be exit status 2 for the user) is a finding: a statement must never
 * make the program fail to do its job.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "output.h"
#include "parser.h"

static struct engine *eng;
static FILE *devnull;
static struct prev_statement prev; /* sydost 2013, for G5 and M5 */

static int prev_lookup(void *ctx, const char *rcc, int year, const struct prev_statement **out, strbuf *err)
{
	(void)ctx;
	(void)err;
	if (year != prev.year || strcmp(rcc, prev.rcc) != 0)
		return 0;
	*out = &prev;
	return 1;
}

static void setup(void)
{
	strbuf err = {0};
	const char *rules = getenv("GRANTCHECK_RULES");
	if (!(eng = engine_open(rules && *rules ? rules : "rules", "2026-11-22", &err))) {
		fprintf(stderr, "fuzz_statement: %s (run from the repository root)\n", err.s);
		abort();
	}
	if (engine_load_previous(eng, "samples/valid/sydost-2013.xml", &prev, &err)) {
		fprintf(stderr, "fuzz_statement: %s\n", err.s);
		abort();
	}
	engine_set_previous(eng, prev_lookup, NULL);
	sb_free(&err);
	devnull = fopen("/dev/null", "w");
	if (!devnull)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!devnull)
		setup();
	struct file_result r;
	strbuf err = {0};
	parser_set_threads(eng->parser, (size >> 2) & 1 ? PARSER_THREADS_ALWAYS : PARSER_THREADS_NEVER);
	if (engine_check_mem(eng, "fuzz.xml", (const char *)data, size, &r, &err)) {
		fprintf(stderr, "fuzz_statement: the engine failed on a statement: %s\n", sb_str(&err));
		abort();
	}
	/* every finding must be a complete message in both languages */
	for (int i = 0; i < r.nfindings; i++)
		for (int l = 0; l < LANG_COUNT; l++)
			if (!r.findings[i].msg[l] || !r.findings[i].rule)
				abort();
	if (r.errors + r.warnings + r.infos != r.nfindings)
		abort();
	struct output out;
	output_text(&out, devnull, (enum lang)(size & 1), 0);
	out.ops->begin(&out);
	out.ops->file(&out, &r, NULL);
	out.ops->end(&out);
	output_json(&out, devnull, (enum lang)((size >> 1) & 1));
	out.ops->begin(&out);
	out.ops->file(&out, &r, "registered");
	out.ops->end(&out);
	file_result_free(&r);
	sb_free(&err);
	return 0;
}
