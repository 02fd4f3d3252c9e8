/*
 * cmd_withdraw.c - `grantcheck withdraw --db REG ID --reason TEXT [--by NAME]`:
 * marks a submission withdrawn (never deleted) with who, when and why, and
 * makes the newest remaining submission of that RCC and year current again
 * (register.c reg_withdraw, one transaction, one event per change).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "output.h"
#include "register.h"

int cmd_withdraw(struct cmd_ctx *c)
{
	int sv = c->lang == LANG_SV;
	const char *arg = c->args.operands[0];
	const char *reason = c->args.val[OPT_REASON];
	char *end;
	errno = 0;
	long long id = strtoll(arg, &end, 10);
	if (arg[0] == '#')
		id = strtoll(arg + 1, &end, 10);
	if (errno || end == arg || *end || id <= 0)
		return usage_error(c->lang, c->name, "'%s' är inget inlämnings-ID; ange numret som 'grantcheck list --history' visar",
		                   "'%s' is not a submission ID; give the number 'grantcheck list --history' shows", arg);
	size_t sp = strspn(reason, " \t\r\n");
	if (!reason[sp])
		return usage_error(c->lang, c->name, "--reason får inte vara tomt; skriv varför inlämningen dras tillbaka",
		                   "--reason must not be empty; say why the submission is withdrawn");
	char when[21];
	long long reinstated;
	utc_now(when);
	if (reg_withdraw(c->reg, id, reason, when, &reinstated, &c->err))
		return EXIT_TROUBLE;
	strbuf b = {0};
	printf(sv ? "#%lld dragen tillbaka %s av %s.\n" : "#%lld withdrawn at %s by %s.\n", id, when,
	       term_text(&b, c->reg->by));
	sb_free(&b);
	if (reinstated)
		printf(sv ? "#%lld är gällande igen.\n" : "#%lld is current again.\n", reinstated);
	return EXIT_VALID;
}
