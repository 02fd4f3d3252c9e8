/*
 * cli.c - shared command-line helpers (see cli.h).
 */
#define _XOPEN_SOURCE 700
#include "cli.h"

#include <errno.h>
#include <dirent.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "checks.h"
#include "ruleset.h"

int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "grantcheck %s: ", cmd);
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\nSee 'grantcheck help %s'.\n", cmd);
	va_end(ap);
	return EXIT_TROUBLE;
}

void today_local(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;
	if (!localtime_r(&t, &tm) || strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		snprintf(out, 11, "1970-01-01");
}

const char *default_db(const char *opt)
{
	if (opt)
		return opt;
	const char *env = getenv("GRANTCHECK_DB");
	return env && *env ? env : "grantcheck.db";
}

int want_color(int fd)
{
	const char *nc = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	if (nc && *nc)
		return 0;
	if (term && strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fd);
}

const char *rules_dir(const char *opt, strbuf *scratch)
{
	return opt ? opt : rules_dir_default(scratch);
}

int parse_check_opts(int argc, char **argv, int with_db, struct check_opts *o)
{
	const char *cmd = with_db ? "register" : "check";
	enum { O_FORMAT = 256, O_LANG, O_RULES, O_PREVIOUS, O_TODAY, O_STRICT, O_DB, O_HELP, O_OUT = 'o' };
	static const struct option opts[] = {
		{"format", required_argument, NULL, O_FORMAT}, {"lang", required_argument, NULL, O_LANG},
		{"rules", required_argument, NULL, O_RULES},   {"previous", required_argument, NULL, O_PREVIOUS},
		{"today", required_argument, NULL, O_TODAY},   {"strict", no_argument, NULL, O_STRICT},
		{"db", required_argument, NULL, O_DB},         {"help", no_argument, NULL, O_HELP},
		{"output", required_argument, NULL, O_OUT},
		{NULL, 0, NULL, 0}};
	memset(o, 0, sizeof *o);
	o->lang = lang_from_env();
	today_local(o->today);
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, "+o:", opts, NULL)) != -1) {
		switch (c) {
		case O_FORMAT:
			if (strcmp(optarg, "text") && strcmp(optarg, "json") && strcmp(optarg, "html"))
				return usage_error(cmd, "--format must be text, json or html, not '%s'", optarg);
			o->json = strcmp(optarg, "json") == 0;
			o->html = strcmp(optarg, "html") == 0;
			break;
		case O_OUT:
			o->out = optarg;
			break;
		case O_LANG:
			if (lang_parse(optarg, &o->lang))
				return usage_error(cmd, "--lang must be sv or en, not '%s'", optarg);
			break;
		case O_RULES:
			o->rules = optarg;
			break;
		case O_PREVIOUS:
			o->previous = xrealloc(o->previous, sizeof *o->previous * (size_t)(o->nprevious + 1));
			o->previous[o->nprevious++] = optarg;
			break;
		case O_TODAY:
			if (!date_parse(optarg, NULL, NULL, NULL))
				return usage_error(cmd, "--today must be a date YYYY-MM-DD, not '%s'", optarg);
			snprintf(o->today, sizeof o->today, "%s", optarg);
			break;
		case O_STRICT:
			o->strict = 1;
			break;
		case O_DB:
			if (!with_db)
				return usage_error(cmd, "--db belongs to register, list and summary; check stores nothing");
			o->db = optarg;
			break;
		case O_HELP:
			return -1;
		default:
			return usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
		}
	}
	o->args = argv + optind;
	o->nargs = argc - optind;
	if (!o->nargs)
		return usage_error(cmd, "give at least one statement FILE or a DIR of statements");
	return 0;
}

void check_opts_free(struct check_opts *o)
{
	free(o->previous);
	o->previous = NULL;
}

struct walk {
	char **files;
	int n;
};

static void walk_add(struct walk *w, const char *path)
{
	w->files = xrealloc(w->files, sizeof *w->files * (size_t)(w->n + 1));
	w->files[w->n++] = xstrdup(path);
}

/* Every *.xml below dir (symbolic links are not followed into folders). */
static int walk_dir(const char *dir, struct walk *w, strbuf *err)
{
	DIR *d = opendir(dir);
	if (!d) {
		sb_printf(err, "%s: cannot read the folder: %s", dir, strerror(errno));
		return -1;
	}
	struct dirent *e;
	int rc = 0;
	while (rc == 0 && (e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		strbuf p = {0};
		sb_printf(&p, "%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(p.s, &st) == 0) {
			size_t len = strlen(e->d_name);
			if (S_ISDIR(st.st_mode))
				rc = walk_dir(p.s, w, err);
			else if (len > 4 && strcmp(e->d_name + len - 4, ".xml") == 0)
				walk_add(w, p.s);
		}
		sb_free(&p);
	}
	closedir(d);
	return rc;
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **collect_files(char **args, int nargs, int *n, strbuf *err)
{
	struct walk w = {NULL, 0};
	for (int i = 0; i < nargs; i++) {
		struct stat st;
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			int before = w.n;
			if (walk_dir(args[i], &w, err)) {
				free_files(w.files, w.n);
				return NULL;
			}
			if (w.n == before) {
				sb_printf(err, "%s: the folder holds no *.xml statement; give the statements' folder or files",
				          args[i]);
				free_files(w.files, w.n);
				return NULL;
			}
			qsort(w.files + before, (size_t)(w.n - before), sizeof *w.files, cmp_path);
		} else {
			walk_add(&w, args[i]);
		}
	}
	*n = w.n;
	return w.files;
}

void free_files(char **files, int n)
{
	for (int i = 0; i < n; i++)
		free(files[i]);
	free(files);
}
