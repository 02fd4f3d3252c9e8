/*
 * commands.c - the command table and dispatch (see commands.h): every
 * subcommand with its options (rows of cli.c), operands, help in Swedish and
 * English and the set-up it needs; the overview; and commands_run, the one
 * place that parses, sets up, reports a command's error, checks standard
 * output and maps failures to exit status 2. Each command is one cmd_*.c.
 */
#include <errno.h>
#include <expat.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "output.h"
#include "register.h"
#include "runner.h"
#include "spares.h"

/* summary and serve write workbooks and serve web pages: their code and
 * libraries (libxlsxwriter, libmicrohttpd and through it gnutls) are linked
 * only into grantcheck-office (Makefile, OFFICE_SRC), so that every other
 * command starts without loading them. In grantcheck these functions are
 * absent (weak: NULL), and commands_run runs grantcheck-office instead, as
 * git runs a dashed external command. */
int cmd_summary(struct cmd_ctx *c) __attribute__((weak));
int cmd_serve(struct cmd_ctx *c) __attribute__((weak));

/* The set-up a command needs before it runs (struct command.flags). */
enum {
	NEED_RULES = 1,          /* load the rule sets (--rules) into c->engine */
	NEED_REGISTER = 2,       /* open the register (--db), which must exist */
	MAY_CREATE_REGISTER = 4, /* open the register, creating it if needed */
	COLLECT_FILES = 8,       /* expand the FILE|DIR|- operands into c->files */
	WRITE_REGISTER = 16,     /* open the register, which must exist, to write */
	/* the files go to run_files: its workers' engines are opened ahead,
	 * beside c->engine (spares.h) */
	RUNS_FILES = 32,
};

struct command {
	int (*fn)(struct cmd_ctx *c);
	unsigned flags;
	struct cli_spec spec;
};

#define EXIT_HELP_SV "Slutstatus: 0 alla godkända, 1 fel i någon fil, 2 kunde inte utföra uppgiften.\n"
#define EXIT_BACKUP_SV "Slutstatus: 0 kopian är skriven och hel, 2 ingen kopia (UT är som förut).\n"
#define EXIT_BACKUP_EN "Exit status: 0 the copy is written and whole, 2 no copy (OUT is as it was).\n"
#define EXIT_HELP_EN "Exit status: 0 all valid, 1 an error finding in some file, 2 could not do the job.\n"

/* An option a command takes as the row in cli.c describes it. */
#define USE(id_, flags_) {.id = id_, .flags = flags_}

static const struct opt_use check_opts[] = {USE(OPT_FORMAT, 0), USE(OPT_LANG, 0),   USE(OPT_RULES, 0),
                                            USE(OPT_PREVIOUS, OPT_MANY), USE(OPT_TODAY, 0), USE(OPT_STRICT, 0),
                                            USE(OPT_OUTPUT, 0), USE(OPT_HELP, 0), USE(OPT_END, 0)};
static const struct opt_use register_opts[] = {USE(OPT_DB, 0),    USE(OPT_FORMAT, 0), USE(OPT_LANG, 0),
                                               USE(OPT_RULES, 0), USE(OPT_PREVIOUS, OPT_MANY), USE(OPT_TODAY, 0),
                                               USE(OPT_STRICT, 0), USE(OPT_OUTPUT, 0), USE(OPT_BY, 0), USE(OPT_HELP, 0), USE(OPT_END, 0)};
static const struct opt_use list_opts[] = {
	USE(OPT_DB, 0), USE(OPT_YEAR, 0), USE(OPT_HISTORY, 0), USE(OPT_MISSING, 0), USE(OPT_EVENTS, 0), USE(OPT_TODAY, 0),
	/* no HTML report for the register's list */
	{.id = OPT_FORMAT, .arg = {"text|json", "text|json"}, .valid = cli_valid_text_json,
	 .bad = {"--format ska vara text eller json för list (html finns för check och register), inte '%s'",
	  "--format must be text or json for list (html is for check and register), not '%s'"}},
	USE(OPT_LANG, 0), USE(OPT_RULES, 0), USE(OPT_DIFF, 0), USE(OPT_HELP, 0), USE(OPT_END, 0)};
static const struct opt_use withdraw_opts[] = {
	{.id = OPT_DB, .flags = 0},
	{.id = OPT_REASON, .flags = OPT_REQUIRED, .help = {"varför inlämningen dras tillbaka (sparas)", "why the submission is withdrawn (kept)"}},
	{.id = OPT_BY, .flags = 0},
	{.id = OPT_LANG, .flags = 0},
	{.id = OPT_HELP, .flags = 0},
	{.id = OPT_END, .flags = 0}};
static const struct opt_use accept_opts[] = {
	{.id = OPT_DB, .flags = 0},
	{.id = OPT_FINDING, .flags = 0},
	{.id = OPT_WHY, .flags = OPT_REQUIRED, .help = {"varför varningen godtas (sparas och visas)", "why the warning is accepted (stored and shown)"}},
	{.id = OPT_BY, .flags = 0},
	{.id = OPT_LANG, .flags = 0},
	{.id = OPT_HELP, .flags = 0},
	{.id = OPT_END, .flags = 0}};
static const struct opt_use recheck_opts[] = {
	{.id = OPT_DB, .flags = 0},
	{.id = OPT_RULES, .flags = 0, .help = {"regeluppsättningarna att pröva (standard: de installerade)",
	                "the rule sets to try (default: the installed ones)"}},
	{.id = OPT_YEAR, .flags = 0},
	{.id = OPT_TODAY, .flags = 0},
	{.id = OPT_FORMAT, .flags = 0},
	{.id = OPT_LANG, .flags = 0},
	{.id = OPT_HELP, .flags = 0},
	{.id = OPT_END, .flags = 0}};
static const struct opt_use summary_opts[] = {
	{.id = OPT_DB, .flags = 0},
	{.id = OPT_YEAR, .flags = OPT_MANY, .help = {"ett år i sammanställningen (standard: alla år i registret)",
	                      "a year to summarise (default: every year in the register)"}},
	{.id = OPT_LANG, .flags = 0, .help = {"arbetsbokens språk (standard: sv)", "the workbook's language (default sv)"}},
	{.id = OPT_RULES, .flags = 0},
	{.id = OPT_OUTPUT, .flags = OPT_REQUIRED, .help = {"arbetsboken som skrivs (OUT.xlsx)", "the workbook to write (OUT.xlsx)"}},
	{.id = OPT_HELP, .flags = 0},
	{.id = OPT_END, .flags = 0}};
static const struct opt_use rules_opts[] = {USE(OPT_RULES, 0), USE(OPT_PROGRAMME, 0), USE(OPT_LANG, 0), USE(OPT_HELP, 0),
                                            USE(OPT_END, 0)};
static const struct opt_use template_opts[] = {
	{.id = OPT_RCC, .flags = OPT_REQUIRED},
	{.id = OPT_YEAR, .flags = OPT_REQUIRED, .help = {"redovisningsåret; det väljer programmet vars år omfattar det",
	                          "the reporting year; it chooses the programme whose years contain it"}},
	{.id = OPT_LANG, .flags = 0, .help = {"kommentarernas språk", "language of the comments"}},
	{.id = OPT_PREVIOUS, .flags = 0, .help = {"samma RCC:s redovisning för året innan: dess carryForward blir carriedOver",
	                   "last year's statement of the same RCC: its carryForward becomes carriedOver"}},
	{.id = OPT_DB, .flags = 0, .help = {"eller ta förra årets aktuella redovisning ur detta register",
	             "or take last year's current statement from this register"}},
	{.id = OPT_RULES, .flags = 0},
	{.id = OPT_OUTPUT, .flags = 0, .help = {"skriv mallen till FIL i stället för till standard ut", "write to FILE instead of standard output"}},
	{.id = OPT_HELP, .flags = 0},
	{.id = OPT_END, .flags = 0}};
static const struct opt_use verify_opts[] = {USE(OPT_DB, 0), USE(OPT_LANG, 0), USE(OPT_HELP, 0), USE(OPT_END, 0)};
static const struct opt_use serve_opts[] = {
	USE(OPT_LISTEN, 0), USE(OPT_DB, 0), USE(OPT_RULES, 0), USE(OPT_MAX_UPLOAD, 0), USE(OPT_TODAY, 0),
	{.id = OPT_LANG, .flags = 0, .help = {"språket på terminalen; sidorna väljer själva (standard: svenska)",
	          "the terminal's language; the pages choose their own (Swedish by default)"}},
	USE(OPT_HELP, 0), USE(OPT_END, 0)};
static const struct opt_use user_opts[] = {USE(OPT_DB, 0), USE(OPT_ROLE, 0), USE(OPT_LANG, 0), USE(OPT_HELP, 0),
                                           USE(OPT_END, 0)};
static const struct opt_use help_opts[] = {USE(OPT_LANG, 0), USE(OPT_HELP, 0), USE(OPT_END, 0)};

static const struct command commands[] = {
	{cmd_check, NEED_RULES | COLLECT_FILES | RUNS_FILES,
	 {"check", check_opts, {"FIL|MAPP...", "FILE|DIR..."}, 1, -1,
	  {"ange minst en redovisning (FIL) eller en MAPP med redovisningar", "give at least one statement FILE or a DIR of statements"},
	  {"kontrollera redovisningar; ingenting sparas", "validate statements; nothing is stored"},
	  {"Kontrollerar redovisningar mot regeluppsättningen för det program som anges i <programme>.\n"
	   "Ingenting sparas. En MAPP betyder alla *.xml-filer i den, i sökvägsordning; - läser från\n"
	   "standard in.\n\n" EXIT_HELP_SV,
	   "Validates statements against the rule set their <programme> names. Nothing is stored.\n"
	   "A DIR means every *.xml file below it, in path order; - reads standard input.\n\n" EXIT_HELP_EN}}},
	{cmd_register, NEED_RULES | MAY_CREATE_REGISTER | COLLECT_FILES | RUNS_FILES,
	 {"register", register_opts, {"FIL|MAPP...", "FILE|DIR..."}, 1, -1,
	  {"ange minst en redovisning (FIL) eller en MAPP med redovisningar", "give at least one statement FILE or a DIR of statements"},
	  {"kontrollera och för in redovisningar i registret", "validate and record statements in the register"},
	  {"Kontrollerar redovisningar precis som check och för in varje fil i registret: RCC, år,\n"
	   "SHA-256, när den togs emot, regeluppsättningen och dess kontrollsumma, utfallet, beloppen och\n"
	   "varje anmärkning. Samma fil två gånger förs in en gång. En nyare fil för samma RCC och år blir\n"
	   "den gällande; den äldre finns kvar som historik. G5 och M5 använder registrets gällande\n"
	   "redovisning för året innan.\n\n" EXIT_HELP_SV,
	   "Validates statements exactly as check does and records every file in the register: RCC, year,\n"
	   "SHA-256, time received, the rule set and its checksum, the outcome, the figures and every finding.\n"
	   "The same file registered twice is recorded once. A newer file for the same RCC and year becomes\n"
	   "the current one; the older stays as history. G5 and M5 use the current statement of the year\n"
	   "before from the register.\n\n" EXIT_HELP_EN}}},
	{cmd_list, NEED_REGISTER | NEED_RULES,
	 {"list", list_opts, {"", ""}, 0, 0,
	  {NULL, NULL},
	  {"visa registrets gällande inlämningar", "show the register's current submissions"},
	  {"Visar den gällande inlämningen för varje RCC och år i registret med status och antal\n"
	   "anmärkningar, en rad \"saknas\" för varje RCC utan gällande redovisning för ett år i registret\n"
	   "(med sista dag och hur många dagar sen den är per --today), oidentifierade inlämningar för sig\n"
	   "och registrets egna kontroller (G8: lika andelar per år). --history visar även inlämningar som\n"
	   "har ersatts eller dragits tillbaka (vem, när, varför); --missing bara de som saknas; --events\n"
	   "registrets händelselogg.\n",
	   "Lists the current submission of every RCC and year in the register with its status and counts,\n"
	   "a \"missing\" row for every RCC with no current statement for a year in the register (with the\n"
	   "due date and how many days late it is by --today), unidentified submissions apart, and the\n"
	   "register-level findings (G8: equal shares per year). --history shows superseded and withdrawn\n"
	   "submissions too (who, when, why); --missing only the missing ones; --events the audit trail.\n"
	   "Accepted warnings are listed apart, with their justification. --diff ID shows per finding of\n"
	   "submission ID whether it is new or still there since the submission it replaced, and which\n"
	   "findings were fixed.\n"}}},
	{cmd_withdraw, WRITE_REGISTER,
	 {"withdraw", withdraw_opts, {"ID", "ID"}, 1, 1,
	  {"ange exakt ett inlämnings-ID (visas av 'grantcheck list --history')",
	   "give exactly one submission ID (shown by 'grantcheck list --history')"},
	  {"dra tillbaka en inlämning (den tas aldrig bort)", "withdraw a submission (it is never deleted)"},
	  {"Drar tillbaka inlämningen ID: den finns kvar i registret med vem, när och varför, men\n"
	   "räknas inte längre. Var den gällande blir den nyaste återstående inlämningen för samma RCC\n"
	   "och år (attestdatum, sedan fildatum, sedan sökväg) gällande igen. Visas av list --history\n"
	   "och list --events.\n",
	   "Withdraws submission ID: it stays in the register with who, when and why, but no longer\n"
	   "counts. When it was current, the newest remaining submission of the same RCC and year\n"
	   "(attestation date, then file date, then path) becomes current again. Shown by list --history\n"
	   "and list --events.\n"}}},
	{cmd_accept, 0,
	 {"accept", accept_opts, {"ID REGEL", "ID RULE"}, 2, 2,
	  {"ange inlämningens ID och regelns id, t.ex. 'grantcheck accept 7 P2 --why ...'",
	   "give the submission's ID and the rule id, e.g. 'grantcheck accept 7 P2 --why ...'"},
	  {"godta en varning med en motivering", "accept a warning with a justification"},
	  {"Sparar handläggarens motivering till en varning i inlämning ID (aldrig ett fel eller en\n"
	   "notering). Har regeln flera varningar i inlämningen visas de med nummer; välj med --finding N.\n"
	   "Godkännandet följer med till en ny inlämning där samma varning (samma fingeravtryck: regel,\n"
	   "RCC, år, element och värden) finns kvar. register --strict underkänner bara varningar som\n"
	   "inte är godtagna.\n\n"
	   "Slutstatus: 0 godtagen, 2 kunde inte godtas (se meddelandet).\n",
	   "Records the officer's justification for a warning of submission ID (never an error or an\n"
	   "info). When the rule has several warnings in the submission they are listed with their\n"
	   "numbers; choose one with --finding N. The acceptance carries over to a resubmission in which\n"
	   "the same warning (the same fingerprint: rule, RCC, year, element and values) appears again.\n"
	   "register --strict fails only on warnings that are not accepted.\n\n"
	   "Exit status: 0 accepted, 2 could not be accepted (see the message).\n"}}},
	{cmd_recheck, NEED_REGISTER | NEED_RULES,
	 {"recheck", recheck_opts, {"", ""}, 0, 0,
	  {NULL, NULL},
	  {"pröva en regeluppsättning mot registret utan att ändra det", "try a rule set on the register without changing it"},
	  {"Kör reglerna (typiskt en ny regelmapp, --rules) över varje gällande redovisning så som den\n"
	   "sparades i registret och visar per inlämning vilka utfall och anmärkningar som skulle ändras.\n"
	   "Registret öppnas skrivskyddat och ändras inte.\n\n"
	   "Slutstatus: 0 inget skulle ändras, 1 något skulle ändras, 2 kunde inte utföra uppgiften.\n",
	   "Runs the rules (typically a new rule folder, --rules) over every current statement as stored\n"
	   "in the register and reports per submission which verdicts and findings would change. The\n"
	   "register is opened read-only and never changed.\n\n"
	   "Exit status: 0 nothing would change, 1 something would change, 2 could not do the job.\n"}}},
	{cmd_summary, NEED_REGISTER | NEED_RULES,
	 {"summary", summary_opts, {"", ""}, 0, 0,
	  {NULL, NULL},
	  {"skriv Excel-sammanställningen till departementet", "write the Excel summary for the ministry"},
	  {"Skriver Excel-sammanställningen till departementet från registrets gällande redovisningar\n"
	   "(standard: alla år i registret). På svenska, på engelska med --lang en. Arbetsboken skrivs\n"
	   "till en tillfällig fil som sedan byter namn till OUT.\n",
	   "Writes the Excel summary for the ministry from the register's current statements (default: every\n"
	   "year in the register). Swedish by default, English with --lang en. The workbook is written to a\n"
	   "temporary file and renamed into place.\n"}}},
	{cmd_verify, NEED_REGISTER,
	 {"verify", verify_opts, {"", ""}, 0, 0,
	  {NULL, NULL},
	  {"kontrollera att registret är helt", "check that the register is whole"},
	  {"Kontrollerar registret utan att ändra det: SQLites fullständiga integrity_check, att varje\n"
	   "hänvisning mellan tabellerna håller, och att varje sparad redovisning har den SHA-256 som\n"
	   "fördes in när den togs emot. Visar varje problem, eller OK. (register gör en snabbare\n"
	   "quick_check före varje skrivning och vägrar skriva i ett skadat register.)\n\n"
	   "Slutstatus: 0 registret är helt, 1 problem hittades, 2 kunde inte kontrollera.\n",
	   "Checks the register without changing it: SQLite's full integrity_check, that every reference\n"
	   "between its tables holds, and that every stored statement has the SHA-256 recorded when it was\n"
	   "received. Shows each problem, or OK. (register runs the quicker quick_check before it writes\n"
	   "and refuses to write into a damaged register.)\n\n"
	   "Exit status: 0 the register is whole, 1 problems found, 2 could not check.\n"}}},
	{cmd_backup, NEED_REGISTER,
	 {"backup", verify_opts, {"UT", "OUT"}, 1, 1,
	  {"ange exakt en fil att skriva kopian till, t.ex. 'grantcheck backup kopia.db'",
	   "give exactly one file to write the copy to, e.g. 'grantcheck backup copy.db'"},
	  {"kopiera registret säkert, även medan andra registrerar", "copy the register safely, even while others register"},
	  {"Gör en hel och konsistent kopia av registret till UT med SQLites backup-funktion, även\n"
	   "medan andra registrerar: kopian visar registret som det var vid ett ögonblick. Kopian skrivs\n"
	   "till en tillfällig fil, kontrolleras med integrity_check och byter sedan namn till UT. UT får\n"
	   "inte vara registret självt eller dess -wal-, -shm- eller -journal-fil.\n\n" EXIT_BACKUP_SV,
	   "Makes a whole, consistent copy of the register in OUT with SQLite's backup API, even while\n"
	   "others register: the copy shows the register as it was at one moment. The copy is written to\n"
	   "a temporary file, checked with integrity_check and renamed to OUT. OUT may not be the register\n"
	   "itself or its -wal, -shm or -journal file.\n\n" EXIT_BACKUP_EN}}},
	{cmd_rules, NEED_RULES,
	 {"rules", rules_opts, {"", ""}, 0, 0,
	  {NULL, NULL},
	  {"visa reglerna", "list the rules"},
	  {"Visar reglerna i varje installerad regeluppsättning: id, allvarlighetsgrad och rubrik.\n",
	   "Lists the rules of every installed rule set: id, severity and title.\n"}}},
	{cmd_explain, NEED_RULES,
	 {"explain", rules_opts, {"REGEL-ID", "RULE-ID"}, 1, 1,
	  {"ange exakt ett REGEL-ID, t.ex. 'grantcheck explain A1'", "give exactly one RULE-ID, e.g. 'grantcheck explain A1'"},
	  {"förklara en regel", "explain a rule"},
	  {"Förklarar vad en regel kontrollerar och hur man rättar en anmärkning, på svenska och\n"
	   "engelska. Regelns id kan skrivas med små eller stora bokstäver (a1 eller A1).\n",
	   "Explains what a rule checks and how to fix a finding, in Swedish and English. The rule id\n"
	   "may be written in either case (a1 or A1).\n"}}},
	{cmd_template, NEED_RULES,
	 {"template", template_opts, {"", ""}, 0, 0,
	  {NULL, NULL},
	  {"skriv en mall för en redovisning", "write a statement template"},
	  {"Skriver ett skelett till en redovisning för ett RCC och ett år, med kommentarer på valt språk:\n"
	   "programmet, perioden, RCC:ts namn, beviljat belopp och valuta ur regeluppsättningen, carriedOver\n"
	   "från förra årets redovisning (--previous FIL, eller registrets aktuella med --db) och varje\n"
	   "kostnadsslag och kriterium som en kommenterad exempelrad. Fyll i de tomma värdena och kontrollera\n"
	   "sedan filen med grantcheck check.\n",
	   "Writes a statement skeleton for one RCC and year, with comments in the chosen language: the\n"
	   "programme, period, the RCC's name, the granted amount and currency from the rule set, carriedOver\n"
	   "from last year's statement (--previous FILE, or the register's current one with --db), and every\n"
	   "category and criterion code as a commented example line. Fill in the empty values, then check it\n"
	   "with grantcheck check.\n"}}},
	{cmd_serve, 0,
	 {"serve", serve_opts, {"", ""}, 0, 0,
	  {NULL, NULL},
	  {"samma kontroller i en webbläsare", "the same checks in a web browser"},
	  {"Startar en webbserver (vanlig HTTP) och skriver ut adressen att öppna. Förhandskontroll (ingenting\n"
	   "sparas), säsongsöversikten, registrering och sammanställningen. Utan användare i registret och på\n"
	   "en loopback-adress körs den för en person: adressen som skrivs ut innehåller en nyckel. En annan\n"
	   "adress kräver användare (grantcheck user add) och en HTTPS-proxy framför. Ctrl-C eller SIGTERM\n"
	   "stoppar den; pågående förfrågningar blir klara och registret stängs.\n",
	   "Starts a web server (plain HTTP) and prints the address to open: pre-check (nothing stored), the\n"
	   "season grid, registering and the summary. With no users in the register and a loopback address it\n"
	   "runs for one person: the printed address holds a token. Another address needs users (grantcheck\n"
	   "user add) and an HTTPS reverse proxy in front. Ctrl-C or SIGTERM stops it; requests in flight\n"
	   "finish and the register is closed.\n"}}},
	{cmd_user, MAY_CREATE_REGISTER,
	 {"user", user_opts, {"add NAMN | list | remove NAMN", "add NAME | list | remove NAME"}, 1, 2,
	  {"ange add NAMN, list eller remove NAMN", "give add NAME, list or remove NAME"},
	  {"hantera användarna av grantcheck serve", "manage the users of grantcheck serve"},
	  {"add NAMN --role officer|viewer|rcc:ID skapar en användare och skriver ut dess åtkomstnyckel en\n"
	   "gång; registret sparar bara nyckelns SHA-256. list visar användarna, remove tar bort en.\n",
	   "add NAME --role officer|viewer|rcc:ID creates a user and prints its access token once; the\n"
	   "register keeps only the token's SHA-256. list shows the users, remove removes one.\n"}}},
	{cmd_help, 0,
	 {"help", help_opts, {"[KOMMANDO]", "[COMMAND]"}, 0, 1,
	  {"ange högst ett KOMMANDO", "give at most one COMMAND"},
	  {"visa kommandona eller hjälpen för ett kommando", "show the commands, or the help of one command"},
	  {"Visar kommandona, eller hjälpen för ett kommando.\n",
	   "Shows the commands, or the help of one command.\n"}}},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].spec.name, name) == 0)
			return &commands[i];
	return NULL;
}

static void no_such_command(const char *prefix, const char *name, enum lang l)
{
	const char *names[NCOMMANDS];
	for (size_t i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i].spec.name;
	const char *near = cli_suggest(name, names, (int)NCOMMANDS);
	fflush(stdout);
	if (l == LANG_SV)
		fprintf(stderr, near ? "%s: '%s' är inget kommando; menade du '%s'?\n"
		                     : "%s: '%s' är inget kommando; 'grantcheck --help' visar dem\n", prefix, name, near);
	else
		fprintf(stderr, near ? "%s: '%s' is not a command; did you mean '%s'?\n"
		                     : "%s: '%s' is not a command; 'grantcheck --help' lists them\n", prefix, name, near);
}

void commands_overview(FILE *fp, enum lang l)
{
	int sv = l == LANG_SV;
	fprintf(fp, "grantcheck %s - %s\n\n%s\n", GRANTCHECK_VERSION,
	        sv ? "kontrollerar RCC:ernas redovisningar av statsbidraget" : "validates the RCC grant statements",
	        sv ? "Användning:" : "Usage:");
	strbuf sb = {0};
	for (size_t i = 0; i < NCOMMANDS; i++) {
		sb_reset(&sb);
		cli_synopsis(&commands[i].spec, 1, l, &sb);
		fprintf(fp, "  grantcheck %s\n      %s\n", sb_str(&sb), commands[i].spec.summary[l]);
	}
	sb_free(&sb);
	fprintf(fp, "  grantcheck --help | --version\n\n%s\n",
	        sv ? "Flaggor kan stå före eller efter filerna; -- avslutar flaggorna. Se 'grantcheck help KOMMANDO'\n"
	             "för ett kommando."
	           : "Options may come before or after the files; -- ends the options. See 'grantcheck help COMMAND'\n"
	             "for one command.");
}

int cmd_help_for(const char *name, enum lang l)
{
	const struct command *cmd = find_command(name);
	if (!cmd)
		return -1;
	cli_help(&cmd->spec, l, stdout);
	return 0;
}

int cmd_help(struct cmd_ctx *c)
{
	if (c->args.noperands == 0) {
		commands_overview(stdout, c->lang);
		return EXIT_VALID;
	}
	if (cmd_help_for(c->args.operands[0], c->lang)) {
		no_such_command("grantcheck help", c->args.operands[0], c->lang);
		return EXIT_TROUBLE;
	}
	return EXIT_VALID;
}

/* Fills what the validation loop (runner.c) takes from the command line. */
void cmd_check_opts(const struct cmd_ctx *c, struct check_opts *o)
{
	memset(o, 0, sizeof *o);
	o->json = c->args.val[OPT_FORMAT] && strcmp(c->args.val[OPT_FORMAT], "json") == 0;
	o->html = c->args.val[OPT_FORMAT] && strcmp(c->args.val[OPT_FORMAT], "html") == 0;
	o->out = c->args.val[OPT_OUTPUT];
	o->lang = c->lang;
	o->rules = c->args.val[OPT_RULES];
	o->previous = c->args.many[OPT_PREVIOUS];
	o->nprevious = c->args.nmany[OPT_PREVIOUS];
	snprintf(o->today, sizeof o->today, "%s", c->today);
	o->strict = c->args.given[OPT_STRICT] > 0;
	o->db = c->args.val[OPT_DB];
	o->args = c->args.operands;
	o->nargs = c->args.noperands;
}

int commands_register_exists(const char *path, enum lang l, strbuf *err)
{
	struct stat st;
	if (stat(path, &st) == 0 || errno != ENOENT)
		return 0;
	sb_printf(err,
	          l == LANG_SV ? "%s: här finns inget register (filen finns inte); ange det med --db FIL eller "
	                         "GRANTCHECK_DB, eller skapa det med 'grantcheck register --db %s FIL...'"
	                       : "%s: there is no register here (no such file); give it with --db FILE or "
	                         "GRANTCHECK_DB, or create one with 'grantcheck register --db %s FILE...'",
	          path, path);
	return -1;
}

/* Does what cmd->flags ask; -1 with c->err on failure. */
static int setup(const struct command *cmd, struct cmd_ctx *c)
{
	if (cmd->flags & COLLECT_FILES) {
		c->files = collect_files(c->args.operands, c->args.noperands, c->lang, &c->nfiles, &c->err);
		if (!c->files)
			return -1;
	}
	if (cmd->flags & NEED_RULES) {
		strbuf scratch = {0};
		const char *dir = rules_dir(c->args.val[OPT_RULES], &scratch);
		if (cmd->flags & RUNS_FILES) {
			/* register's previous statements come from the register (a
			 * fallback provider): its first thread uses c->engine */
			int n = run_spare_engines(!!(cmd->flags & MAY_CREATE_REGISTER), c->nfiles);
			if (n > 0)
				c->spares = spares_start(dir, c->today, n);
		}
		c->engine = engine_open(dir, c->today, &c->err);
		sb_free(&scratch);
		if (!c->engine) /* a failed engine_open has freed what it took */
			return -1;
	}
	if (cmd->flags & (NEED_REGISTER | MAY_CREATE_REGISTER | WRITE_REGISTER)) {
		if (!(cmd->flags & (MAY_CREATE_REGISTER | WRITE_REGISTER)) &&
		    commands_register_exists(default_db(c->args.val[OPT_DB]), c->lang, &c->err))
			return -1;
		c->reg = xcalloc(1, sizeof *c->reg);
		if (reg_open(c->reg, default_db(c->args.val[OPT_DB]),
		             cmd->flags & MAY_CREATE_REGISTER ? REG_CREATE
		             : cmd->flags & WRITE_REGISTER    ? REG_WRITE_EXISTING
		                                              : REG_EXISTING,
		             &c->err)) {
			free(c->reg); /* a failed reg_open has closed what it opened */
			c->reg = NULL;
			return -1;
		}
		reg_set_by(c->reg, c->args.val[OPT_BY]);
	}
	return 0;
}

static void teardown(struct cmd_ctx *c)
{
	if (c->reg) {
		reg_close(c->reg);
		free(c->reg);
	}
	spares_free(c->spares); /* those the workers did not take */
	engine_close(c->engine);
	free_files(c->files, c->nfiles);
	cli_args_free(&c->args);
	sb_free(&c->err);
}

/* Parses, sets up, runs and reports one command (git's run_builtin). */
static int run_command(const struct command *cmd, int argc, char **argv)
{
	struct cmd_ctx c;
	memset(&c, 0, sizeof c);
	c.name = cmd->spec.name;
	int status = cli_parse(&cmd->spec, argc, argv, &c.args);
	c.lang = c.args.lang;
	if (status) {
		status = status == 1 ? EXIT_VALID : EXIT_TROUBLE; /* 1: --help was shown */
		goto out;
	}
	if (c.args.val[OPT_TODAY])
		snprintf(c.today, sizeof c.today, "%s", c.args.val[OPT_TODAY]);
	else
		today_local(c.today);
	if (setup(cmd, &c))
		status = EXIT_TROUBLE;
	else
		status = cmd->fn(&c);
	if (status != EXIT_VALID && status != EXIT_INVALID) {
		if (c.err.len) {
			fflush(stdout);
			term_error(c.name, sb_str(&c.err));
		}
		status = EXIT_TROUBLE;
	}
out:
	/* every command's output is checked here, once */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, c.lang == LANG_SV ? "grantcheck %s: kan inte skriva utdata; kontrollera disken eller röret\n"
		                                  : "grantcheck %s: cannot write the output; check the disk or the pipe\n",
		        cmd->spec.name);
		status = EXIT_TROUBLE;
	}
	teardown(&c);
	return status;
}

/* Runs argv (whose command this program lacks) with grantcheck-office, the
 * program beside this one; returns only when it cannot. */
static int run_office(char **argv, enum lang l)
{
	char self[4096], path[4096 + 32];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0) {
		self[n] = '\0';
		char *slash = strrchr(self, '/');
		snprintf(path, sizeof path, "%.*s/grantcheck-office", slash ? (int)(slash - self) : 0, self);
		fflush(stdout);
		fflush(stderr);
		execv(path, argv);
	} else {
		snprintf(path, sizeof path, "grantcheck-office");
	}
	int e = errno;
	fprintf(stderr,
	        l == LANG_SV ? "grantcheck %s: kan inte starta %s (%s); det ska installeras bredvid grantcheck (make install)\n"
	                     : "grantcheck %s: cannot run %s (%s); it belongs beside grantcheck (make install)\n",
	        argv[1], path, strerror(e));
	return EXIT_TROUBLE;
}

int commands_run(int argc, char **argv)
{
	enum lang l = lang_from_env();
	if (argc < 2) {
		commands_overview(stderr, l);
		return EXIT_TROUBLE;
	}
	const struct command *cmd = find_command(argv[1]);
	if (cmd && !cmd->fn)
		return run_office(argv, l);
	if (cmd)
		return run_command(cmd, argc - 1, argv + 1);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return run_command(find_command("help"), argc - 1, argv + 1) == EXIT_VALID ? EXIT_VALID : EXIT_TROUBLE;
	if (strcmp(argv[1], "--version") == 0) {
		XML_Expat_Version xv = XML_ExpatVersionInfo();
		printf("grantcheck %s (SQLite %s, expat %d.%d.%d)\n", GRANTCHECK_VERSION, sqlite3_libversion(), xv.major,
		       xv.minor, xv.micro);
		if (fflush(stdout) == 0 && !ferror(stdout))
			return EXIT_VALID;
		fprintf(stderr, l == LANG_SV ? "grantcheck: kan inte skriva utdata; kontrollera disken eller röret\n"
		                             : "grantcheck: cannot write the output; check the disk or the pipe\n");
		return EXIT_TROUBLE;
	}
	no_such_command("grantcheck", argv[1], l);
	return EXIT_TROUBLE;
}
