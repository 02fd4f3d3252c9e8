/*
 * cmd_serve.c - `grantcheck serve`: takes the options from the command
 * line and hands them to the web server (web.c), which runs until SIGINT
 * or SIGTERM. The server opens its own engines and register connections
 * (one per request thread), so the command asks commands_run for no set-up.
 */
#include "cli.h"
#include "commands.h"
#include "web.h"

int cmd_serve(struct cmd_ctx *c)
{
	struct web_opts o = {c->args.val[OPT_LISTEN] ? c->args.val[OPT_LISTEN] : WEB_DEFAULT_LISTEN,
	                     default_db(c->args.val[OPT_DB]),
	                     c->args.val[OPT_RULES],
	                     c->today,
	                     c->args.val[OPT_MAX_UPLOAD] ? (size_t)cli_size(c->args.val[OPT_MAX_UPLOAD])
	                                                 : WEB_DEFAULT_MAX_UPLOAD,
	                     c->lang};
	return web_serve(&o, &c->err) ? EXIT_TROUBLE : EXIT_VALID;
}
