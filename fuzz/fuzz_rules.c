/*
 * fuzz_rules.c - libFuzzer target: the rule set loader (ruleset.c) and the
 * rule sandbox (db_prepare_rule, the authorizer, the run budget).
 *
 * The input becomes one file of a temporary copy of the rule set
 * rules/rcc-2013-2015 (programme.tsv, years.tsv, codes.tsv, A1.sql, A6.sql):
 *   starting "year\t"  -> years.tsv
 *   starting "list\t"  -> codes.tsv
 *   starting "id\t" or "# Parameters" -> programme.tsv
 *   anything else      -> a rule file, named after its "-- id: X9" header
 *                         (Z9.sql when there is none or it is not a plain id)
 * then rulesets_load() loads the folder. Errors are expected; crashes,
 * sanitizer reports and exit() are not. When the folder loads, its rules run
 * over two sample statements, and the harness checks that nothing escaped
 * the sandbox: the working database's schema and format table are as they
 * were and no file appeared in the rule folder.
 *
 * Run from the repository root (fuzz/run.sh does).
 */
#include <dirent.h>
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine_impl.h"

#define SET "rcc-2013-2015"

static const char *const base_files[] = {"programme.tsv", "years.tsv", "codes.tsv", "A1.sql", "A6.sql"};
#define NBASE (sizeof base_files / sizeof base_files[0])

static struct engine *eng;
static char root[64], dir[128];
static char *base_text[NBASE];
static size_t base_len[NBASE];
static char *stmt_text[2];
static size_t stmt_len[2];
static int64_t schema_rows, format_rows;

static char *slurp(const char *path, size_t *len)
{
	char *s = read_small_file(path, 1 << 20, len);
	if (!s) {
		fprintf(stderr, "fuzz_rules: cannot read %s (run from the repository root)\n", path);
		abort();
	}
	return s;
}

static void write_file(const char *name, const char *data, size_t n)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, n, f) != n || fclose(f) != 0)
		abort();
}

static int64_t count(const char *sql)
{
	sqlite3_stmt *st = db_prepare(&eng->w, sql);
	int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return n;
}

static void cleanup(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (e->d_name[0] != '.')
			unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
	rmdir(root);
}

static void setup(void)
{
	strbuf err = {0};
	/* a rule whose instructions each take long is stopped after 2 s, not
	 * the default 30 s (libFuzzer's -timeout would call that a hang) */
	setenv("GRANTCHECK_RULE_SECONDS", "2", 0);
	if (!(eng = engine_open("rules", "2026-11-22", &err))) {
		fprintf(stderr, "fuzz_rules: %s (run from the repository root)\n", err.s);
		abort();
	}
	sb_free(&err);
	for (size_t i = 0; i < NBASE; i++) {
		char path[256];
		snprintf(path, sizeof path, "rules/" SET "/%s", base_files[i]);
		base_text[i] = slurp(path, &base_len[i]);
	}
	stmt_text[0] = slurp("samples/valid/sydost-2014.xml", &stmt_len[0]);
	stmt_text[1] = slurp("samples/invalid/A1-sum-mismatch.xml", &stmt_len[1]);
	snprintf(root, sizeof root, "/tmp/fuzz_rules.XXXXXX");
	if (!mkdtemp(root))
		abort();
	snprintf(dir, sizeof dir, "%s/" SET, root);
	if (mkdir(dir, 0700))
		abort();
	atexit(cleanup);
	schema_rows = count("SELECT count(*) FROM sqlite_schema");
	format_rows = count("SELECT count(*) FROM format");
}

/* Removes every file of the rule folder but the base ones; 1 when a file
 * other than `ours` was there (something escaped the sandbox). */
static int sweep(const char *ours)
{
	int strange = 0;
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		size_t i;
		for (i = 0; i < NBASE; i++)
			if (strcmp(e->d_name, base_files[i]) == 0)
				break;
		if (i < NBASE)
			continue;
		if (!ours || strcmp(e->d_name, ours) != 0)
			strange = 1;
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	return strange;
}

/* The rule id of the header ("-- id: A1") when it is a plain id, else Z9. */
static void rule_name(const char *data, size_t n, char *out, size_t cap)
{
	snprintf(out, cap, "Z9.sql");
	const char *end = data + n;
	for (const char *p = data; p + 7 <= end; p++) {
		if ((p == data || p[-1] == '\n') && memcmp(p, "-- id: ", 7) == 0) {
			const char *id = p + 7, *q = id;
			while (q < end && q - id < 8 && isalnum((unsigned char)*q))
				q++;
			if (q > id && q - id < 8 && (q == end || *q == '\n' || *q == '\r'))
				snprintf(out, cap, "%.*s.sql", (int)(q - id), id);
			return;
		}
	}
}

static int starts(const uint8_t *data, size_t n, const char *prefix)
{
	size_t l = strlen(prefix);
	return n >= l && memcmp(data, prefix, l) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir[0])
		setup();
	for (size_t i = 0; i < NBASE; i++)
		write_file(base_files[i], base_text[i], base_len[i]);
	char name[32];
	if (starts(data, size, "year\t"))
		snprintf(name, sizeof name, "years.tsv");
	else if (starts(data, size, "list\t"))
		snprintf(name, sizeof name, "codes.tsv");
	else if (starts(data, size, "id\t") || starts(data, size, "# Parameters"))
		snprintf(name, sizeof name, "programme.tsv");
	else
		rule_name((const char *)data, size, name, sizeof name);
	write_file(name, (const char *)data, size);

	struct rulesets rs;
	strbuf err = {0};
	if (rulesets_load(&rs, root, &eng->w, &err) == 0) {
		if (err.len)
			abort(); /* success with an error message */
		struct rulesets saved = eng->sets;
		eng->sets = rs;
		eng->active = NULL;
		for (int i = 0; i < 2; i++) {
			struct file_result r;
			strbuf why = {0};
			engine_check_mem(eng, "fuzz.xml", stmt_text[i], stmt_len[i], &r, &why);
			file_result_free(&r);
			sb_free(&why);
		}
		rs = eng->sets;
		eng->sets = saved;
		eng->active = NULL;
		rulesets_free(&rs);
	} else {
		if (!err.len)
			abort(); /* failure without saying why */
		rulesets_free(&rs);
	}
	sb_free(&err);
	/* the sandbox held: nothing created, changed or attached */
	if (count("SELECT count(*) FROM sqlite_schema") != schema_rows ||
	    count("SELECT count(*) FROM format") != format_rows || sweep(name))
		abort();
	return 0;
}
