/*
 * cmd_user.c - `grantcheck user add|list|remove`: the users of `grantcheck
 * serve`. add makes a random access token (getrandom, 256 bits), prints it
 * once and stores only its SHA-256 (register_users.c); it is not shown
 * again, so a lost token means remove and add.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "register.h"
#include "register_users.h"
#include "web_auth.h"

static int cmd_user_name_ok(const char *s)
{
	size_t n = strlen(s);
	if (!n || n > 64)
		return 0;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

int cmd_user(struct cmd_ctx *c)
{
	const char *what = c->args.operands[0];
	const char *name = c->args.noperands > 1 ? c->args.operands[1] : NULL;
	int sv = c->lang == LANG_SV;
	if (strcmp(what, "list") == 0 && !name) {
		struct regu_user *u;
		int n;
		if (regu_list(c->reg, &u, &n, &c->err))
			return EXIT_TROUBLE;
		for (int i = 0; i < n; i++)
			printf("%s\t%s\t%s\n", u[i].name, u[i].role, u[i].created_at);
		if (!n)
			printf("%s\n", sv ? "(inga användare)" : "(no users)");
		regu_users_free(u, n);
		return EXIT_VALID;
	}
	if (!name || (strcmp(what, "add") != 0 && strcmp(what, "remove") != 0))
		return usage_error(c->lang, "user", "ange add NAMN, list eller remove NAMN, inte '%s'",
		                   "give add NAME, list or remove NAME, not '%s'", what);
	if (!cmd_user_name_ok(name))
		return usage_error(c->lang, "user", "NAMN ska vara 1-64 tecken utan styrtecken, inte '%s'",
		                   "NAME must be 1-64 characters without control characters, not '%s'", name);
	if (strcmp(what, "remove") == 0) {
		int removed;
		if (regu_remove(c->reg, name, &removed, &c->err))
			return EXIT_TROUBLE;
		if (!removed) {
			sb_printf(&c->err, "%s: there is no user '%s'; 'grantcheck user list --db %s' shows them",
			          c->reg->path, name, c->reg->path);
			return EXIT_TROUBLE;
		}
		printf(sv ? "grantcheck user: tog bort %s\n" : "grantcheck user: removed %s\n", name);
		return EXIT_VALID;
	}
	const char *role = c->args.val[OPT_ROLE];
	if (!role)
		return usage_error(c->lang, "user", "add behöver --role officer|viewer|rcc:ID%s",
		                   "add needs --role officer|viewer|rcc:ID%s", "");
	char token[65], hash[65];
	if (web_random_hex(token, 32, &c->err))
		return EXIT_TROUBLE;
	web_token_hash(token, hash);
	if (regu_add(c->reg, name, role, hash, &c->err))
		return EXIT_TROUBLE;
	printf(sv ? "grantcheck user: la till %s (%s). Åtkomstnyckeln visas bara nu:\n%s\n"
	          : "grantcheck user: added %s (%s). The access token is shown only now:\n%s\n",
	       name, role, token);
	return EXIT_VALID;
}
