/*
 * cmd_verify.c - `grantcheck verify --db REG`: is the register whole? Runs
 * SQLite's full integrity_check, the foreign key check and, where the
 * register stores the statements (schema v2, table content), hashes every
 * stored statement against the SHA-256 recorded when it was received
 * (register_verify.c has the SQL). Prints each problem, or OK.
 * Exit 0: ok; 1: problems found; 2: could not check.
 */
#include <stdio.h>

#include "cli.h"
#include "commands.h"
#include "output.h"
#include "register.h"
#include "register_verify.h"

struct verify_print {
	const char *path;
	enum lang lang;
	strbuf a, b; /* term_text scratch */
};

static void print_problem(void *ctx, enum reg_problem kind, long long id, const char *a, const char *b)
{
	struct verify_print *p = ctx;
	int sv = p->lang == LANG_SV;
	strbuf path = {0};
	term_text(&path, p->path);
	term_text(&p->a, a);
	term_text(&p->b, b ? b : "");
	switch (kind) {
	case REG_PROBLEM_STRUCTURE:
		printf(sv ? "%s: skadad: %s\n" : "%s: damaged: %s\n", sb_str(&path), sb_str(&p->a));
		break;
	case REG_PROBLEM_FOREIGN_KEY:
		printf(sv ? "%s: rad %lld i tabellen %s hänvisar till en rad i %s som inte finns\n"
		          : "%s: row %lld of table %s refers to a row of %s that is not there\n",
		       sb_str(&path), id, sb_str(&p->a), sb_str(&p->b));
		break;
	case REG_PROBLEM_CONTENT:
		printf(sv ? "%s: inlämning #%lld: den sparade redovisningen har SHA-256 %s, men registret förde in %s "
		            "när den togs emot: innehållet har ändrats\n"
		          : "%s: submission #%lld: the stored statement has SHA-256 %s, but the register recorded %s "
		            "when it was received: its content was changed\n",
		       sb_str(&path), id, sb_str(&p->a), sb_str(&p->b));
		break;
	}
	sb_free(&path);
}

int cmd_verify(struct cmd_ctx *c)
{
	struct verify_print p = {c->reg->path, c->lang, {0}, {0}};
	struct reg_verify_counts n;
	int sv = c->lang == LANG_SV;
	int rc = reg_verify(c->reg, print_problem, &p, &n, &c->err);
	strbuf path = {0};
	term_text(&path, c->reg->path);
	int status = EXIT_TROUBLE;
	if (rc)
		goto out;
	if (n.problems) {
		printf(sv ? "%s: %ld problem hittades; registret är skadat. Skriv inte mer i det: återställ det från en "
		            "säkerhetskopia (gjord med 'grantcheck backup') och registrera de senare filerna igen\n"
		          : "%s: %ld problems found; the register is damaged. Do not write to it: restore it from a backup "
		            "(made with 'grantcheck backup') and register the later files again\n",
		       sb_str(&path), n.problems);
		status = EXIT_INVALID;
		goto out;
	}
	if (n.unknown_coding) {
		sb_printf(&c->err,
		          sv ? "%s: %ld sparade redovisningar är kodade på ett sätt som denna grantcheck inte kan "
		               "läsa, så deras SHA-256 kunde inte kontrolleras; använd en nyare grantcheck"
		             : "%s: %ld stored statements are in an encoding this grantcheck cannot read, so their "
		               "SHA-256 could not be checked; use a newer grantcheck",
		          c->reg->path, n.unknown_coding);
		goto out;
	}
	if (!n.has_content)
		printf(sv ? "%s: OK (integrity_check ok, referenser ok, %ld inlämningar; registret sparar inte "
		            "redovisningarnas innehåll, så det finns ingen SHA-256 att kontrollera)\n"
		          : "%s: OK (integrity_check ok, references ok, %ld submissions; the register does not store the "
		            "statements' content, so there is no SHA-256 to check)\n",
		       sb_str(&path), n.statements);
	else
		printf(sv ? "%s: OK (integrity_check ok, referenser ok, %ld inlämningar, %ld sparade redovisningar "
		            "stämmer med sin SHA-256)\n"
		          : "%s: OK (integrity_check ok, references ok, %ld submissions, %ld stored statements match "
		            "their SHA-256)\n",
		       sb_str(&path), n.statements, n.hashed);
	status = EXIT_VALID;
out:
	sb_free(&path);
	sb_free(&p.a);
	sb_free(&p.b);
	return status;
}
