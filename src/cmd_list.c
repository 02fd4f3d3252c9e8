/*
 * cmd_list.c - `grantcheck list`: the current submission of every RCC and
 * year in the register, with status and counts (and, with --history, the
 * submissions they replaced), followed by the register-level findings (G8).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "output.h"
#include "register.h"

struct list_opts {
	int year, history, json;
	enum lang lang;
};

static void list_opts_from(const struct cmd_ctx *c, struct list_opts *o)
{
	o->year = c->args.val[OPT_YEAR] ? cli_year(c->args.val[OPT_YEAR]) : 0;
	o->history = c->args.given[OPT_HISTORY] > 0;
	o->json = c->args.val[OPT_FORMAT] && strcmp(c->args.val[OPT_FORMAT], "json") == 0;
	o->lang = c->lang;
}

static const char *status_word(const char *status, enum lang l)
{
	int sv = l == LANG_SV;
	if (strcmp(status, "valid") == 0)
		return sv ? "godkänd" : "valid";
	if (strcmp(status, "warnings") == 0)
		return sv ? "godkänd med varningar" : "valid with warnings";
	return sv ? "underkänd" : "invalid";
}

/* Prints s left-aligned in width characters (UTF-8 aware). */
static void pad(const char *s, int width)
{
	int n = (int)utf8_chars(s, strlen(s));
	fputs(s, stdout);
	for (; n < width; n++)
		putchar(' ');
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}

int cmd_list(struct cmd_ctx *c)
{
	struct list_opts o;
	list_opts_from(c, &o);
	struct reg *reg = c->reg; /* set up and closed by commands.c */
	struct engine *e = c->engine;
	sqlite3_stmt *st;
	int status = EXIT_TROUBLE;
	if (sqlite3_prepare_v2(reg->db,
	                       "SELECT id, coalesce(rcc, '?'), year, status, errors, warnings, received_at, path, sha256,"
	                       " current, superseded_by, programme FROM submission"
	                       " WHERE (?1 = 0 OR year = ?1) AND (current = 1 OR ?2)"
	                       " ORDER BY year IS NULL, year, rcc, id",
	                       -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "grantcheck list: %s: cannot read the register: %s\n", reg->path, sqlite3_errmsg(reg->db));
		goto out;
	}
	sqlite3_bind_int(st, 1, o.year);
	sqlite3_bind_int(st, 2, o.history);
	int sv = o.lang == LANG_SV, n = 0, s;
	if (o.json) {
		printf("{\n  \"tool\": \"grantcheck\",\n  \"version\": \"%s\",\n  \"register\": ", GRANTCHECK_VERSION);
		json_string(stdout, reg->path);
		printf(",\n  \"submissions\": [");
	} else {
		/* written out: printf pads bytes, and "År" is three of them */
		puts(sv ? "#     RCC                År    Status                   Fel    Varn.  Mottagen (UTC)        Fil"
		        : "#     RCC                Year  Status                   Errors Warnings  Received (UTC)        File");
	}
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		int current = sqlite3_column_int(st, 9);
		if (o.json) {
			printf("%s\n    {\"id\": %lld, \"rcc\": ", n ? "," : "", (long long)sqlite3_column_int64(st, 0));
			if (sqlite3_column_type(st, 1) == SQLITE_NULL || strcmp(col_text(st, 1), "?") == 0)
				printf("null");
			else
				json_string(stdout, col_text(st, 1));
			if (sqlite3_column_type(st, 2) == SQLITE_NULL)
				printf(", \"year\": null");
			else
				printf(", \"year\": %d", sqlite3_column_int(st, 2));
			printf(", \"status\": \"%s\", \"errors\": %d, \"warnings\": %d, \"received_at\": \"%s\", \"path\": ",
			       col_text(st, 3), sqlite3_column_int(st, 4), sqlite3_column_int(st, 5), col_text(st, 6));
			json_string(stdout, col_text(st, 7));
			printf(", \"sha256\": \"%s\", \"current\": %s}", col_text(st, 8), current ? "true" : "false");
		} else {
			char year[8] = "?";
			if (sqlite3_column_type(st, 2) != SQLITE_NULL)
				snprintf(year, sizeof year, "%d", sqlite3_column_int(st, 2));
			printf("%-5lld ", (long long)sqlite3_column_int64(st, 0));
			pad(col_text(st, 1), 18);
			printf(" %-4s  ", year);
			pad(status_word(col_text(st, 3), o.lang), 22);
			printf(" %5d %8d  %-20s  %s", sqlite3_column_int(st, 4), sqlite3_column_int(st, 5), col_text(st, 6),
			       col_text(st, 7));
			if (!current && sqlite3_column_type(st, 10) != SQLITE_NULL)
				printf(sv ? "  (ersatt av #%lld)" : "  (replaced by #%lld)", (long long)sqlite3_column_int64(st, 10));
			printf("\n");
		}
		n++;
	}
	sqlite3_finalize(st);
	if (s != SQLITE_DONE) {
		fprintf(stderr, "grantcheck list: %s: cannot read the register: %s\n", reg->path, sqlite3_errmsg(reg->db));
		goto out;
	}
	struct file_result rr;
	if (reg_check_register(reg, e, &rr, &c->err)) {
		file_result_free(&rr);
		goto out;
	}
	if (o.json) {
		printf("%s],\n  \"register_findings\": [", n ? "\n  " : "");
		int k = 0;
		for (int i = 0; i < rr.nfindings; i++) {
			const struct finding *f = &rr.findings[i];
			if (o.year && f->year != o.year)
				continue;
			printf("%s\n    {\"rule\": \"%s\", \"severity\": \"%s\", \"year\": %d, \"message\": ", k++ ? "," : "",
			       f->rule->id, severity_name(f->severity), f->year);
			json_string(stdout, f->msg[o.lang]);
			printf("}");
		}
		printf("%s]\n}\n", k ? "\n  " : "");
	} else {
		if (!n)
			printf(sv ? "(registret har inga inlämningar%s)\n" : "(the register has no submissions%s)\n",
			       o.year ? (sv ? " för året" : " for that year") : "");
		for (int i = 0; i < rr.nfindings; i++) {
			const struct finding *f = &rr.findings[i];
			if (!o.year || f->year == o.year)
				printf("%s: %s[%s]: %s\n", reg->path, severity_name(f->severity), f->rule->id, f->msg[o.lang]);
		}
	}
	file_result_free(&rr);
	status = EXIT_VALID;
out:
	return status;
}
