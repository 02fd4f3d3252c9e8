/*
 * builtin.c - the document rules X1-X4.
 *
 * They are decided by the parser and the choice of rule set, before any
 * rule set's SQL can run (a file that cannot be read has no programme), so
 * their texts live here rather than in a rule folder: one rule header per
 * rule, in the syntax of the rule files (rulehdr.h) and parsed by the same
 * parser, without a query; their placeholders are the parameters BP_*.
 * They are listed by `grantcheck rules` and explained by `grantcheck
 * explain` like the others.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ruleset.h"

static const char X1[] =
	"-- id: X1\n"
	"-- severity: error\n"
	"-- title.sv: Filen kan inte läsas eller är tom\n"
	"-- title.en: The file cannot be read, or is empty\n"
	"-- explain.sv: Filen gick inte att öppna eller läsa, eller är tom (0 byte). Kontrollera sökvägen och\n"
	"--   behörigheterna och att hela redovisningen har sparats.\n"
	"-- explain.en: The file could not be opened or read, or it is empty (0 bytes). Check the path and its\n"
	"--   permissions, and that the whole statement was saved.\n"
	"-- message.sv: Filen kan inte läsas: {reason}; kontrollera sökvägen och behörigheterna\n"
	"-- message.en: The file cannot be read: {reason}; check the path and its permissions\n"
	"-- message.missing.sv: Filen finns inte; kontrollera sökvägen\n"
	"-- message.missing.en: No such file; check the path\n"
	"-- message.unreadable.sv: Filen kan inte läsas: {reason}; kontrollera sökvägen och behörigheterna\n"
	"-- message.unreadable.en: The file cannot be read: {reason}; check the path and its permissions\n"
	"-- message.directory.sv: Sökvägen är en mapp, inte en redovisning; ange en XML-fil\n"
	"-- message.directory.en: The path is a folder, not a statement; give an XML file\n"
	"-- message.notregular.sv: Sökvägen är {sv}, inte en vanlig fil, och läses inte (den kan sakna slut); ange en\n"
	"--   sparad XML-fil, eller - för standard in\n"
	"-- message.notregular.en: The path is {en}, not a regular file, and is not read (it may never end); give a\n"
	"--   saved XML file, or - for standard input\n"
	"-- message.empty.sv: Filen är tom (0 byte); spara eller exportera redovisningen på nytt\n"
	"-- message.empty.en: The file is empty (0 bytes); save or export the statement again\n"
	"-- fix.sv: Kontrollera att sökvägen stämmer och att du har behörighet att läsa filen. Är filen tom: spara eller\n"
	"--   exportera redovisningen på nytt från ekonomisystemet och pröva igen.\n"
	"-- fix.en: Check that the path is right and that you may read the file. If the file is empty, save or export\n"
	"--   the statement again from the finance system and try again.\n";

static const char X2[] =
	"-- id: X2\n"
	"-- severity: error\n"
	"-- title.sv: Inte välformad XML eller oläslig teckenkodning\n"
	"-- title.en: Not well-formed XML, or an encoding that cannot be read\n"
	"-- explain.sv: Filen är inte välformad XML (t.ex. en sluttagg saknas eller filen är avkortad), har en\n"
	"--   teckenkodning som inte kan läsas, eller innehåller en DOCTYPE/entitetsdeklaration.\n"
	"--   Tillåtna kodningar: UTF-8 (med eller utan BOM), UTF-16, ISO-8859-1 och windows-1252.\n"
	"--   Meddelandet anger XML-tolkens orsak, rad och kolumn.\n"
	"-- explain.en: The file is not well-formed XML (e.g. an end tag is missing or the file is cut short),\n"
	"--   uses an encoding that cannot be read, or contains a DOCTYPE/entity declaration. Accepted\n"
	"--   encodings: UTF-8 (with or without BOM), UTF-16, ISO-8859-1 and windows-1252. The message\n"
	"--   gives the XML parser's reason, line and column.\n"
	"-- message.sv: XML-filen är inte välformad: {reason}; rätta filen eller exportera den på nytt\n"
	"-- message.en: The XML is not well-formed: {reason}; correct the file or export it again\n"
	"-- message.syntax.sv: XML-filen är inte välformad: {sv}; rätta filen eller exportera den på nytt\n"
	"-- message.syntax.en: The XML is not well-formed: {en}; correct the file or export it again\n"
	"-- message.said.sv: {sv}\n"
	"-- message.said.en: {en}\n"
	"-- message.doctype.sv: Dokumentet har en DOCTYPE eller entitetsdeklaration, vilket en redovisning inte får ha; ta\n"
	"--   bort <!DOCTYPE …>\n"
	"-- message.doctype.en: The document has a DOCTYPE or entity declaration, which a statement must not have; remove\n"
	"--   <!DOCTYPE …>\n"
	"-- message.encoding.sv: Teckenkodningen {found} kan inte läsas ({reason}); spara filen som UTF-8\n"
	"-- message.encoding.en: The encoding {found} cannot be read ({reason}); save the file as UTF-8\n"
	"-- fix.sv: Öppna filen i en texteditor och gå till raden och kolumnen i meddelandet. Lägg till en sluttagg som\n"
	"--   saknas, skriv & som &amp; och använd raka citattecken (\") runt attributvärden. Är filen sparad som\n"
	"--   windows-1252: skriv encoding=\"windows-1252\" på första raden eller spara filen som UTF-8. Ta bort\n"
	"--   <!DOCTYPE …> om den finns.\n"
	"-- fix.en: Open the file in a text editor and go to the line and column in the message. Add an end tag that is\n"
	"--   missing, write & as &amp; and use straight quotes (\") around attribute values. If the file was\n"
	"--   saved as windows-1252, write encoding=\"windows-1252\" on the first line or save the file as UTF-8.\n"
	"--   Remove <!DOCTYPE …> if there is one.\n";

static const char X3[] =
	"-- id: X3\n"
	"-- severity: error\n"
	"-- title.sv: Fel rotelement, namnrymd eller formatversion\n"
	"-- title.en: Wrong root element or namespace, or an unknown version\n"
	"-- explain.sv: En redovisning börjar med <statement xmlns=\"urn:grantcheck:statement:1\" version=\"1\">.\n"
	"--   Annat rotelement, annan namnrymd eller en formatversion som verktyget inte känner till ger\n"
	"--   X3.\n"
	"-- explain.en: A statement starts with <statement xmlns=\"urn:grantcheck:statement:1\" version=\"1\">.\n"
	"--   Another root element, another namespace or a format version this tool does not know gives\n"
	"--   X3.\n"
	"-- message.sv: Fel rotelement\n"
	"-- message.en: Wrong root element\n"
	"-- message.root.sv: Rotelementet är <{found}>; en redovisning börjar med <statement\n"
	"--   xmlns=\"urn:grantcheck:statement:1\" version=\"1\">\n"
	"-- message.root.en: The root element is <{found}>; a statement starts with <statement\n"
	"--   xmlns=\"urn:grantcheck:statement:1\" version=\"1\">\n"
	"-- message.namespace.sv: Rotelementet har namnrymden {found}; den ska vara urn:grantcheck:statement:1\n"
	"-- message.namespace.en: The root element is in namespace {found}; it must be urn:grantcheck:statement:1\n"
	"-- message.nonamespace.sv: Rotelementet saknar namnrymd; skriv <statement xmlns=\"urn:grantcheck:statement:1\"\n"
	"--   version=\"1\">\n"
	"-- message.nonamespace.en: The root element has no namespace; write <statement xmlns=\"urn:grantcheck:statement:1\"\n"
	"--   version=\"1\">\n"
	"-- message.noversion.sv: Attributet version saknas på <statement>; skriv version=\"1\"\n"
	"-- message.noversion.en: The attribute version is missing on <statement>; write version=\"1\"\n"
	"-- message.version.sv: Formatversion {found} är okänd; grantcheck läser formatversion 1\n"
	"-- message.version.en: Format version {found} is unknown; grantcheck reads format version 1\n"
	"-- fix.sv: Börja redovisningen med <statement xmlns=\"urn:grantcheck:statement:1\" version=\"1\"> och avsluta\n"
	"--   den med </statement>. Utgå gärna från exemplet i formatbeskrivningen (grantcheck template skriver en\n"
	"--   mall).\n"
	"-- fix.en: Start the statement with <statement xmlns=\"urn:grantcheck:statement:1\" version=\"1\"> and end it\n"
	"--   with </statement>. The example in the format guide is a good starting point (grantcheck template\n"
	"--   writes one).\n";

static const char X4[] =
	"-- id: X4\n"
	"-- severity: error\n"
	"-- title.sv: Programmet har ingen installerad regeluppsättning\n"
	"-- title.en: The programme names no installed rule set\n"
	"-- explain.sv: Elementet <programme> anger vilken regeluppsättning redovisningen prövas mot. Finns ingen\n"
	"--   sådan installerad kan redovisningen inte prövas: kontrollera stavningen eller installera\n"
	"--   regeluppsättningen.\n"
	"-- explain.en: The <programme> element names the rule set the statement is checked against. When none of\n"
	"--   that name is installed the statement cannot be checked: check the spelling or install the\n"
	"--   rule set.\n"
	"-- message.sv: Programmet {programme} har ingen installerad regeluppsättning (installerade: {installed});\n"
	"--   kontrollera <programme>\n"
	"-- message.en: Programme {programme} has no installed rule set (installed: {installed}); check\n"
	"--   <programme>\n"
	"-- fix.sv: Skriv programmets id exakt, för programperioden 2013–2015: <programme>rcc-2013-2015</programme>.\n"
	"--   grantcheck rules visar vilka regeluppsättningar som är installerade.\n"
	"-- fix.en: Write the programme's id exactly; for the programme period 2013–2015:\n"
	"--   <programme>rcc-2013-2015</programme>. grantcheck rules shows which rule sets are installed.\n";

static const char *const headers[BUILTIN_COUNT] = {X1, X2, X3, X4};

void builtin_rules_init(struct rule out[BUILTIN_COUNT])
{
	static const char *const names[BP_COUNT] = {"reason", "found", "programme", "installed", "sv", "en"};
	for (int i = 0; i < BUILTIN_COUNT; i++) {
		struct rule *r = &out[i];
		memset(r, 0, sizeof *r);
		r->path = xstrdup("(built in)");
		r->c_line = r->c_col = r->c_severity = r->c_variant = r->c_year = -1;
		struct rule_header h;
		strbuf err = {0};
		int rc = rule_header_parse(headers[i], r->path, NULL, &h, &err);
		if (rc == 0) {
			r->order = rule_order("X", h.id); /* built-in rules come first */
			rc = rule_from_header(r, &h, names, BP_COUNT, &err);
		}
		rule_header_free(&h);
		if (rc)
			die_bug("the built-in rule texts do not compile: %s", sb_str(&err));
		sb_free(&err);
	}
}

void builtin_rules_free(struct rule rules[BUILTIN_COUNT])
{
	for (int i = 0; i < BUILTIN_COUNT; i++)
		rule_free(&rules[i]);
}
