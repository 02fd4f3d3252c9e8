/*
 * cli.c - the command line (see cli.h): the option rows every command takes
 * its options from, the permuting parser, the help generated from the same
 * rows, usage errors, and expanding FILE|DIR operands into statement files.
 */
#define _XOPEN_SOURCE 700
#include "cli.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <strings.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "checks.h"
#include "register_users.h"
#include "ruleset.h"

/* One option, as every command that takes it shows and checks it. */
struct opt_row {
	const char *name;   /* long name, without "--" */
	char shortc;        /* short letter, or 0 */
	const char *arg[LANG_COUNT]; /* the value's name in help, NULL for a flag */
	int (*valid)(const char *v);
	const char *bad[LANG_COUNT]; /* when valid() fails; %s is the value */
	const char *help[LANG_COUNT];
};

static int valid_format(const char *v)
{
	return strcmp(v, "text") == 0 || strcmp(v, "json") == 0 || strcmp(v, "html") == 0;
}

int cli_valid_text_json(const char *v)
{
	return strcmp(v, "text") == 0 || strcmp(v, "json") == 0;
}

static int valid_lang(const char *v)
{
	enum lang l;
	return lang_parse(v, &l) == 0;
}

static int valid_date(const char *v)
{
	return date_parse(v, NULL, NULL, NULL);
}

static int valid_year(const char *v)
{
	return cli_year(v) > 0;
}

static int valid_number(const char *v)
{
	return *v && strlen(v) < 16 && strspn(v, "0123456789") == strlen(v) && atoll(v) > 0;
}

static int valid_text(const char *v)
{
	return v[strspn(v, " \t\n")] != 0;
}

static int valid_size(const char *v)
{
	return cli_size(v) > 0;
}

static int valid_role(const char *v)
{
	return regu_role_valid(v);
}

static const struct opt_row opt_rows[OPT_COUNT] = {
	[OPT_FORMAT] = {"format", 0, {"text|json|html", "text|json|html"}, valid_format,
	                {"--format ska vara text, json eller html, inte '%s'", "--format must be text, json or html, not '%s'"},
	                {"utdataform (standard: text)", "output form (default text)"}},
	[OPT_LANG] = {"lang", 0, {"sv|en", "sv|en"}, valid_lang,
	              {"--lang ska vara sv eller en, inte '%s'", "--lang must be sv or en, not '%s'"},
	              {"språk (standard enligt LC_ALL/LC_MESSAGES/LANG)",
	               "message language (default from LC_ALL/LC_MESSAGES/LANG)"}},
	[OPT_RULES] = {"rules", 0, {"MAPP", "DIR"}, NULL, {NULL, NULL},
	               {"var regeluppsättningarna finns (standard: de installerade)",
	                "where the rule sets are (default: the installed ones)"}},
	[OPT_PROGRAMME] = {"programme", 0, {"ID", "ID"}, NULL, {NULL, NULL},
	                   {"bara regeluppsättningen för detta program", "only the rule set of this programme"}},
	[OPT_PREVIOUS] = {"previous", 0, {"FIL", "FILE"}, NULL, {NULL, NULL},
	                  {"samma RCC:s redovisning för året innan (G5, M5)",
	                   "the same RCC's statement for the year before (G5, M5)"}},
	[OPT_TODAY] = {"today", 0, {"ÅÅÅÅ-MM-DD", "YYYY-MM-DD"}, valid_date,
	               {"--today ska vara ett datum ÅÅÅÅ-MM-DD, inte '%s'", "--today must be a date YYYY-MM-DD, not '%s'"},
	               {"datumet som räknas som i dag (datumregler; körningar som går att upprepa)",
	                "the date taken as today (date rules; reproducible runs)"}},
	[OPT_STRICT] = {"strict", 0, {NULL, NULL}, NULL, {NULL, NULL},
	                {"varningar räknas som fel i slutstatusen", "warnings count as errors for the exit status"}},
	[OPT_DB] = {"db", 0, {"FIL", "FILE"}, NULL, {NULL, NULL},
	            {"registret (standard: $GRANTCHECK_DB, annars grantcheck.db)",
	             "the register (default $GRANTCHECK_DB, else grantcheck.db)"}},
	[OPT_YEAR] = {"year", 0, {"ÅR", "Y"}, valid_year,
	              {"--year ska vara ett årtal som 2014, inte '%s'", "--year must be a year like 2014, not '%s'"},
	              {"bara detta år", "only this year"}},
	[OPT_HISTORY] = {"history", 0, {NULL, NULL}, NULL, {NULL, NULL},
	                 {"visa även inlämningar som har ersatts", "show superseded submissions too"}},
	[OPT_OUTPUT] = {"output", 'o', {"FIL", "FILE"}, NULL, {NULL, NULL}, {"filen som skrivs", "the file to write"}},
	[OPT_RCC] = {"rcc", 0, {"ID", "ID"}, NULL, {NULL, NULL}, {"RCC:ts id, t.ex. sydost", "the RCC's id, e.g. sydost"}},
	[OPT_REASON] = {"reason", 0, {"TEXT", "TEXT"}, NULL, {NULL, NULL},
	                {"varför (sparas i registret)", "why (kept in the register)"}},
	[OPT_MISSING] = {"missing", 0, {NULL, NULL}, NULL, {NULL, NULL},
	                 {"visa bara de RCC som saknas per år", "show only the RCCs missing per year"}},
	[OPT_EVENTS] = {"events", 0, {NULL, NULL}, NULL, {NULL, NULL},
	                {"visa registrets händelselogg", "show the register's audit trail"}},
	[OPT_DIFF] = {"diff", 0, {"ID", "ID"}, valid_number,
	              {"--diff ska vara ett inlämningsnummer som 7, inte '%s'",
	               "--diff must be a submission number like 7, not '%s'"},
	              {"visa vad som ändrats i inlämning ID mot den den ersatte",
	               "show what changed in submission ID since the one it replaced"}},
	[OPT_FINDING] = {"finding", 0, {"N", "N"}, valid_number,
	                 {"--finding ska vara ett nummer som 2, inte '%s'", "--finding must be a number like 2, not '%s'"},
	                 {"vilken av regelns varningar (när den har flera)",
	                  "which of the rule's warnings (when it has several)"}},
	[OPT_WHY] = {"why", 0, {"TEXT", "TEXT"}, valid_text,
	             {"--why får inte vara tom", "--why must not be empty"},
	             {"motiveringen som sparas", "the justification to record"}},
	[OPT_BY] = {"by", 0, {"NAMN", "NAME"}, valid_text,
	            {"--by får inte vara tom", "--by must not be empty"},
	            {"vem som gör ändringen (standard: inloggningsnamnet)", "who makes the change (default: the login name)"}},
	[OPT_LISTEN] = {"listen", 0, {"ADRESS:PORT", "ADDR:PORT"}, NULL, {NULL, NULL},
	                {"adressen servern lyssnar på (standard: 127.0.0.1:8080)",
	                 "the address the server listens on (default 127.0.0.1:8080)"}},
	[OPT_MAX_UPLOAD] = {"max-upload", 0, {"BYTE", "BYTES"}, valid_size,
	                    {"--max-upload ska vara ett antal byte som 64M, inte '%s'",
	                     "--max-upload must be a number of bytes like 64M, not '%s'"},
	                    {"största uppladdning; större besvaras med 413 (standard: 64M)",
	                     "the largest upload; larger ones get 413 (default 64M)"}},
	[OPT_ROLE] = {"role", 0, {"ROLL", "ROLE"}, valid_role,
	              {"--role ska vara officer, viewer eller rcc:ID, inte '%s'",
	               "--role must be officer, viewer or rcc:ID, not '%s'"},
	              {"officer (allt), viewer (översikt och sammanställning) eller rcc:ID (sitt eget RCC)",
	               "officer (everything), viewer (grid and summary) or rcc:ID (its own RCC)"}},
	[OPT_HELP] = {"help", 'h', {NULL, NULL}, NULL, {NULL, NULL}, {"visa denna hjälp", "show this help"}},
};

long long cli_size(const char *s)
{
	char *end;
	errno = 0;
	long long n = strtoll(s, &end, 10);
	if (errno || end == s || n <= 0)
		return -1;
	long long mult = 1;
	if (*end == 'K' || *end == 'k')
		mult = 1LL << 10, end++;
	else if (*end == 'M' || *end == 'm')
		mult = 1LL << 20, end++;
	else if (*end == 'G' || *end == 'g')
		mult = 1LL << 30, end++;
	if (*end || n > (1LL << 40) / mult)
		return -1;
	return n * mult;
}

const char *cli_opt_name(enum opt_id id)
{
	return opt_rows[id].name;
}

int usage_error(enum lang l, const char *cmd, const char *sv, const char *en, ...)
{
	va_list ap;
	va_start(ap, en);
	fflush(stdout);
	fprintf(stderr, "grantcheck %s: ", cmd);
	vfprintf(stderr, l == LANG_SV ? sv : en, ap);
	fprintf(stderr, l == LANG_SV ? "\nSe 'grantcheck help %s'.\n" : "\nSee 'grantcheck help %s'.\n", cmd);
	va_end(ap);
	return EXIT_TROUBLE;
}

const char *cli_suggest(const char *s, const char *const *names, int n)
{
	const char *best = NULL;
	size_t bestd = 3, len = strlen(s);
	for (int i = 0; i < n; i++) {
		size_t d = edit_distance(s, names[i], 3);
		/* a typo, not another word: at most 2 edits, fewer than the word's length */
		if (d < bestd && d < len && d < strlen(names[i])) {
			best = names[i];
			bestd = d;
		}
	}
	return best;
}

int cli_year(const char *s)
{
	if (strlen(s) != 4 || strspn(s, "0123456789") != 4)
		return -1;
	int y = atoi(s);
	return y >= 1900 ? y : -1;
}

static const struct opt_use *find_use(const struct cli_spec *spec, const char *name, size_t len, char shortc)
{
	for (const struct opt_use *u = spec->opts; u->id != OPT_END; u++) {
		const struct opt_row *r = &opt_rows[u->id];
		if (shortc ? r->shortc == shortc : strlen(r->name) == len && strncmp(r->name, name, len) == 0)
			return u;
	}
	return NULL;
}

static int unknown_option(const struct cli_spec *spec, const char *opt, enum lang l)
{
	const char *names[OPT_COUNT];
	int n = 0;
	size_t len = strcspn(opt, "=");
	char *given = xstrndup(opt, len);
	for (const struct opt_use *u = spec->opts; u->id != OPT_END; u++)
		names[n++] = opt_rows[u->id].name;
	const char *near = given[0] == '-' && given[1] == '-' ? cli_suggest(given + 2, names, n) : NULL;
	for (int i = 0; !near && i < OPT_COUNT; i++)
		if (given[1] == '-' && strcmp(given + 2, opt_rows[i].name) == 0) {
			usage_error(l, spec->name, "%s tar inte flaggan %s", "%s does not take the option %s", spec->name,
			            given);
			free(given);
			return EXIT_TROUBLE;
		}
	if (near)
		usage_error(l, spec->name, "okänd flagga '%s'; menade du --%s?", "unknown option '%s'; did you mean --%s?",
		            given, near);
	else
		usage_error(l, spec->name, "okänd flagga '%s'", "unknown option '%s'", given);
	free(given);
	return EXIT_TROUBLE;
}

/* The language to talk in: the last valid --lang before a `--`, else the
 * environment; looked at first so that every message is in it. */
static enum lang prescan_lang(const struct cli_spec *spec, int argc, char **argv)
{
	enum lang l = lang_from_env();
	if (!find_use(spec, "lang", 4, 0))
		return l;
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strncmp(argv[i], "--lang=", 7) == 0)
			lang_parse(argv[i] + 7, &l);
		else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang_parse(argv[++i], &l);
	}
	return l;
}

/* The value's name as command u shows it: its own, else the row's. */
static const char *use_arg(const struct opt_use *u, const struct opt_row *r, enum lang l)
{
	return u && u->arg[l] ? u->arg[l] : r->arg[l];
}

/* "--format text|json" or "-o, --output FILE" (left column of help) */
static void opt_label(const struct opt_use *u, const struct opt_row *r, enum lang l, strbuf *out)
{
	if (r->shortc)
		sb_printf(out, "-%c, ", r->shortc);
	sb_printf(out, "--%s", r->name);
	if (use_arg(u, r, l))
		sb_printf(out, " %s", use_arg(u, r, l));
}

int cli_parse(const struct cli_spec *spec, int argc, char **argv, struct cli_args *a)
{
	memset(a, 0, sizeof *a);
	enum lang l = a->lang = prescan_lang(spec, argc, argv);
	a->operands = xcalloc((size_t)argc, sizeof *a->operands);
	int rest = 0;
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i], *value = NULL;
		if (!rest && strcmp(s, "--") == 0) {
			rest = 1;
			continue;
		}
		if (rest || s[0] != '-' || s[1] == '\0') { /* "-" is standard input */
			a->operands[a->noperands++] = argv[i];
			continue;
		}
		const struct opt_use *u;
		if (s[1] == '-') {
			const char *eq = strchr(s + 2, '=');
			u = find_use(spec, s + 2, eq ? (size_t)(eq - s - 2) : strlen(s + 2), 0);
			if (eq)
				value = eq + 1;
		} else {
			u = find_use(spec, NULL, 0, s[1]);
			if (u && s[2])
				value = s + 2;
		}
		if (!u)
			return unknown_option(spec, s, l);
		const struct opt_row *r = &opt_rows[u->id];
		if (u->id == OPT_HELP) {
			cli_help(spec, l, stdout);
			return 1;
		}
		if (!r->arg[0] && value)
			return usage_error(l, spec->name, "--%s tar inget värde ('%s')", "--%s takes no value ('%s')",
			                   r->name, s);
		if (r->arg[0] && !value) {
			if (i + 1 >= argc)
				return usage_error(l, spec->name, "--%s behöver ett värde: %s", "--%s needs a value: %s",
				                   r->name, use_arg(u, r, l));
			value = argv[++i];
		}
		if (u->valid && !u->valid(value))
			return usage_error(l, spec->name, u->bad[LANG_SV], u->bad[LANG_EN], value);
		if (!u->valid && r->valid && !r->valid(value))
			return usage_error(l, spec->name, r->bad[LANG_SV], r->bad[LANG_EN], value);
		a->given[u->id]++;
		a->val[u->id] = value ? value : "";
		if (u->flags & OPT_MANY) {
			a->many[u->id] = xgrow(a->many[u->id], &a->capmany[u->id], (size_t)a->nmany[u->id] + 1,
			                       sizeof *a->many[u->id]);
			a->many[u->id][a->nmany[u->id]++] = value;
		}
		if (u->id == OPT_LANG)
			lang_parse(value, &a->lang);
	}
	for (const struct opt_use *u = spec->opts; u->id != OPT_END; u++)
		if ((u->flags & OPT_REQUIRED) && !a->given[u->id]) {
			const struct opt_row *r = &opt_rows[u->id];
			usage_error(l, spec->name, "ange %s%s %s: %s", "give %s%s %s: %s", r->shortc ? "-" : "--",
			            r->shortc ? (char[]){r->shortc, '\0'} : r->name, use_arg(u, r, l),
			            u->help[l] ? u->help[l] : r->help[l]);
			return EXIT_TROUBLE;
		}
	if (a->noperands < spec->min_operands || (spec->max_operands >= 0 && a->noperands > spec->max_operands)) {
		if (spec->max_operands == 0)
			return usage_error(l, spec->name, "tar inga argument ('%s')", "takes no arguments ('%s')",
			                   a->operands[0]);
		return usage_error(l, spec->name, "%s", "%s", spec->need[l]);
	}
	return 0;
}

void cli_args_free(struct cli_args *a)
{
	for (int i = 0; i < OPT_COUNT; i++)
		free(a->many[i]);
	free(a->operands);
	memset(a, 0, sizeof *a);
}

void cli_synopsis(const struct cli_spec *spec, int brief, enum lang l, strbuf *out)
{
	sb_puts(out, spec->name);
	int shown_options = 0;
	for (const struct opt_use *u = spec->opts; u->id != OPT_END; u++) {
		const struct opt_row *r = &opt_rows[u->id];
		if (u->id == OPT_HELP)
			continue;
		if (brief && !(u->flags & OPT_REQUIRED)) {
			if (!shown_options++)
				sb_puts(out, l == LANG_SV ? " [flaggor]" : " [options]");
			continue;
		}
		sb_puts(out, u->flags & OPT_REQUIRED ? " " : " [");
		if (r->shortc)
			sb_printf(out, "-%c", r->shortc);
		else
			sb_printf(out, "--%s", r->name);
		if (use_arg(u, r, l))
			sb_printf(out, " %s", use_arg(u, r, l));
		sb_puts(out, u->flags & OPT_REQUIRED ? "" : "]");
		if (u->flags & OPT_MANY)
			sb_puts(out, "...");
	}
	if (spec->operands[l][0])
		sb_printf(out, " %s", spec->operands[l]);
}

/* Writes s with its spaces before a '[' turned into line breaks (and an
 * indent) where a line would pass 79 columns. */
static void put_wrapped(FILE *fp, const char *s, size_t col, int indent)
{
	while (*s) {
		const char *next = strstr(s + 1, " [");
		size_t len = next ? (size_t)(next - s) : strlen(s);
		if (col + len > 79 && col > (size_t)indent + 1 && *s == ' ') {
			fprintf(fp, "\n%*s", indent, "");
			col = (size_t)indent;
			s++;
			len--;
		}
		fwrite(s, 1, len, fp);
		col += len;
		s += len;
	}
}

void cli_help(const struct cli_spec *spec, enum lang l, FILE *fp)
{
	strbuf sb = {0};
	const char *usage = l == LANG_SV ? "Användning: grantcheck " : "Usage: grantcheck ";
	cli_synopsis(spec, 0, l, &sb);
	fputs(usage, fp);
	put_wrapped(fp, sb_str(&sb), utf8_chars(usage, strlen(usage)), (int)utf8_chars(usage, strlen(usage)) + (int)strlen(spec->name) + 1);
	fprintf(fp, "\n\n%s\n", spec->help[l]);
	fprintf(fp, "%s\n", l == LANG_SV ? "Flaggor:" : "Options:");
	for (const struct opt_use *u = spec->opts; u->id != OPT_END; u++) {
		const struct opt_row *r = &opt_rows[u->id];
		sb_reset(&sb);
		opt_label(u, r, l, &sb);
		fprintf(fp, "  %-22s %s%s\n", sb_str(&sb), u->help[l] ? u->help[l] : r->help[l],
		        u->flags & OPT_MANY ? (l == LANG_SV ? "; kan anges flera gånger" : "; repeatable") : "");
	}
	sb_free(&sb);
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

struct walk {
	char **files;
	int n;
	size_t cap;
};

/* path with "//" collapsed and "/." segments dropped ("a//b/./c" is
 * "a/b/c"), as it is shown and stored in the register. */
static char *path_normalised(const char *path)
{
	char *out = xstrdup(path);
	size_t o = 0;
	for (size_t i = 0; path[i]; i++) {
		if (path[i] == '/' && o > 0 && out[o - 1] == '/')
			continue; /* "//" */
		if (path[i] == '.' && o > 0 && out[o - 1] == '/' && (path[i + 1] == '/' || !path[i + 1]))
			continue; /* "/./" or a trailing "/." */
		out[o++] = path[i];
	}
	if (o > 1 && out[o - 1] == '/' && strcmp(path, out) != 0 && path[strlen(path) - 1] != '/')
		o--;
	out[o] = '\0';
	return out;
}

static void walk_add(struct walk *w, const char *path)
{
	w->files = xgrow(w->files, &w->cap, (size_t)w->n + 1, sizeof *w->files);
	w->files[w->n++] = path_normalised(path);
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
		/* the entry's type as readdir gives it (a link is DT_LNK, not
		 * followed); lstat only where the file system does not say */
		struct stat st;
		int is_dir = e->d_type == DT_DIR;
		int known = e->d_type != DT_UNKNOWN;
		if (!known && lstat(p.s, &st) == 0) {
			known = 1;
			is_dir = S_ISDIR(st.st_mode);
		}
		if (known) {
			size_t len = strlen(e->d_name);
			if (is_dir)
				rc = walk_dir(p.s, w, err);
			else if (len > 4 && strcasecmp(e->d_name + len - 4, ".xml") == 0)
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

/* 0 if the operand exists and, when it is a regular file, can be opened
 * for reading (a pipe or device is not opened here: opening has effects on
 * it); else -1 and err. */
static int check_operand(const char *path, enum lang l, strbuf *err)
{
	struct stat st;
	if (stat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode))
			return 0;
		int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		if (fd >= 0) {
			close(fd);
			return 0;
		}
	}
	if (errno == ENOENT || errno == ENOTDIR)
		sb_printf(err, l == LANG_SV ? "filen finns inte: %s; kontrollera sökvägen"
		                            : "no such file: %s; check the path", path);
	else
		sb_printf(err, l == LANG_SV ? "kan inte öppna %s: %s; kontrollera sökvägen och behörigheten"
		                            : "cannot open %s: %s; check the path and the permissions",
		          path, strerror(errno));
	return -1;
}

char **collect_files(char **args, int nargs, enum lang l, int *n, strbuf *err)
{
	struct walk w = {NULL, 0, 0};
	int stdin_seen = 0;
	*n = 0;
	for (int i = 0; i < nargs; i++) {
		struct stat st;
		if (strcmp(args[i], "-") == 0) {
			if (stdin_seen++) {
				sb_puts(err, l == LANG_SV ? "'-' (standard in) kan bara anges en gång"
				                          : "'-' (standard input) can be given only once");
				goto fail;
			}
			walk_add(&w, "-"); /* the parser reads standard input for "-" */
		} else if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			int before = w.n;
			if (walk_dir(args[i], &w, err))
				goto fail;
			if (w.n == before) {
				if (l == LANG_SV)
					sb_printf(err, "%s: mappen innehåller ingen *.xml-redovisning; ange redovisningarnas mapp eller filer",
					          args[i]);
				else
					sb_printf(err, "%s: the folder holds no *.xml statement; give the statements' folder or files",
					          args[i]);
				goto fail;
			}
			qsort(w.files + before, (size_t)(w.n - before), sizeof *w.files, cmp_path);
		} else if (check_operand(args[i], l, err)) {
			goto fail;
		} else {
			walk_add(&w, args[i]);
		}
	}
	*n = w.n;
	return w.files;
fail:
	free_files(w.files, w.n);
	return NULL;
}

void free_files(char **files, int n)
{
	for (int i = 0; i < n; i++)
		free(files[i]);
	free(files);
}
