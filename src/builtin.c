/*
 * builtin.c - the document rules X1-X4.
 *
 * They are decided by the parser and the choice of rule set, before any
 * rule set's SQL can run (a file that cannot be read has no programme), so
 * their texts live here rather than in a rule folder. They are listed by
 * `grantcheck rules` and explained by `grantcheck explain` like the others.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ruleset.h"

struct builtin_text {
	const char *variant, *sv, *en;
};

struct builtin_def {
	const char *id;
	const char *title_sv, *title_en, *explain_sv, *explain_en;
	struct builtin_text msgs[8];
};

static const struct builtin_def defs[BUILTIN_COUNT] = {
	{"X1", "Filen kan inte läsas eller är tom", "The file cannot be read, or is empty",
	 "Filen gick inte att öppna eller läsa, eller är tom (0 byte). Kontrollera sökvägen och behörigheterna "
	 "och att hela redovisningen har sparats.",
	 "The file could not be opened or read, or it is empty (0 bytes). Check the path and its permissions, "
	 "and that the whole statement was saved.",
	 {{"", "Filen kan inte läsas: {reason}; kontrollera sökvägen och behörigheterna",
	   "The file cannot be read: {reason}; check the path and its permissions"},
	  {"missing", "Filen finns inte; kontrollera sökvägen", "No such file; check the path"},
	  {"unreadable", "Filen kan inte läsas: {reason}; kontrollera sökvägen och behörigheterna",
	   "The file cannot be read: {reason}; check the path and its permissions"},
	  {"directory", "Sökvägen är en mapp, inte en redovisning; ange en XML-fil",
	   "The path is a folder, not a statement; give an XML file"},
	  {"notregular", "Sökvägen är {sv}, inte en vanlig fil, och läses inte (den kan sakna slut); ange en sparad "
	                 "XML-fil, eller - för standard in",
	   "The path is {en}, not a regular file, and is not read (it may never end); give a saved XML file, "
	   "or - for standard input"},
	  {"empty", "Filen är tom (0 byte); spara eller exportera redovisningen på nytt",
	   "The file is empty (0 bytes); save or export the statement again"}}},
	{"X2", "Inte välformad XML eller oläslig teckenkodning", "Not well-formed XML, or an encoding that cannot be read",
	 "Filen är inte välformad XML (t.ex. en sluttagg saknas eller filen är avkortad), har en teckenkodning som "
	 "inte kan läsas, eller innehåller en DOCTYPE/entitetsdeklaration. Tillåtna kodningar: UTF-8 (med eller "
	 "utan BOM), UTF-16, ISO-8859-1 och windows-1252. Meddelandet anger XML-tolkens orsak, rad och kolumn.",
	 "The file is not well-formed XML (e.g. an end tag is missing or the file is cut short), uses an encoding "
	 "that cannot be read, or contains a DOCTYPE/entity declaration. Accepted encodings: UTF-8 (with or without "
	 "BOM), UTF-16, ISO-8859-1 and windows-1252. The message gives the XML parser's reason, line and column.",
	 {{"", "XML-filen är inte välformad: {reason}; rätta filen eller exportera den på nytt",
	   "The XML is not well-formed: {reason}; correct the file or export it again"},
	  {"syntax", "XML-filen är inte välformad: {sv}; rätta filen eller exportera den på nytt",
	   "The XML is not well-formed: {en}; correct the file or export it again"},
	  {"doctype", "Dokumentet har en DOCTYPE eller entitetsdeklaration, vilket en redovisning inte får ha; "
	              "ta bort <!DOCTYPE …>",
	   "The document has a DOCTYPE or entity declaration, which a statement must not have; remove <!DOCTYPE …>"},
	  {"encoding", "Teckenkodningen {found} kan inte läsas ({reason}); spara filen som UTF-8",
	   "The encoding {found} cannot be read ({reason}); save the file as UTF-8"},
	  /* the whole message written by the parser in each language (xmlerr.c) */
	  {"said", "{sv}", "{en}"}}},
	{"X3", "Fel rotelement, namnrymd eller formatversion", "Wrong root element or namespace, or an unknown version",
	 "En redovisning börjar med <statement xmlns=\"urn:grantcheck:statement:1\" version=\"1\">. Annat "
	 "rotelement, annan namnrymd eller en formatversion som verktyget inte känner till ger X3.",
	 "A statement starts with <statement xmlns=\"urn:grantcheck:statement:1\" version=\"1\">. Another root "
	 "element, another namespace or a format version this tool does not know gives X3.",
	 {{"", "Fel rotelement", "Wrong root element"},
	  {"root", "Rotelementet är <{found}>; en redovisning börjar med <statement xmlns=\"urn:grantcheck:statement:1\" version=\"1\">",
	   "The root element is <{found}>; a statement starts with <statement xmlns=\"urn:grantcheck:statement:1\" version=\"1\">"},
	  {"namespace", "Rotelementet har namnrymden {found}; den ska vara urn:grantcheck:statement:1",
	   "The root element is in namespace {found}; it must be urn:grantcheck:statement:1"},
	  {"nonamespace", "Rotelementet saknar namnrymd; skriv <statement xmlns=\"urn:grantcheck:statement:1\" version=\"1\">",
	   "The root element has no namespace; write <statement xmlns=\"urn:grantcheck:statement:1\" version=\"1\">"},
	  {"noversion", "Attributet version saknas på <statement>; skriv version=\"1\"",
	   "The attribute version is missing on <statement>; write version=\"1\""},
	  {"version", "Formatversion {found} är okänd; grantcheck läser formatversion 1",
	   "Format version {found} is unknown; grantcheck reads format version 1"}}},
	{"X4", "Programmet har ingen installerad regeluppsättning", "The programme names no installed rule set",
	 "Elementet <programme> anger vilken regeluppsättning redovisningen prövas mot. Finns ingen sådan "
	 "installerad kan redovisningen inte prövas: kontrollera stavningen eller installera regeluppsättningen.",
	 "The <programme> element names the rule set the statement is checked against. When none of that name is "
	 "installed the statement cannot be checked: check the spelling or install the rule set.",
	 {{"", "Programmet {programme} har ingen installerad regeluppsättning (installerade: {installed}); "
	       "kontrollera <programme>",
	   "Programme {programme} has no installed rule set (installed: {installed}); check <programme>"}}},
};

void builtin_rules_init(struct rule out[BUILTIN_COUNT])
{
	static const char *const names[BP_COUNT] = {"reason", "found", "programme", "installed", "sv", "en"};
	for (int i = 0; i < BUILTIN_COUNT; i++) {
		const struct builtin_def *d = &defs[i];
		struct rule *r = &out[i];
		memset(r, 0, sizeof *r);
		r->id = xstrdup(d->id);
		r->path = xstrdup("(built in)");
		r->order = rule_order(d->id);
		r->severity = SEV_ERROR;
		r->title[LANG_SV] = xstrdup(d->title_sv);
		r->title[LANG_EN] = xstrdup(d->title_en);
		r->explain[LANG_SV] = xstrdup(d->explain_sv);
		r->explain[LANG_EN] = xstrdup(d->explain_en);
		r->c_line = r->c_col = r->c_severity = r->c_variant = r->c_year = -1;
		for (int k = 0; k < 8 && d->msgs[k].sv; k++) {
			r->variants = xrealloc(r->variants, sizeof *r->variants * (size_t)(r->nvariants + 1));
			struct variant *v = &r->variants[r->nvariants++];
			v->name = xstrdup(d->msgs[k].variant);
			strbuf err = {0};
			int rc = template_compile(d->msgs[k].sv, names, BP_COUNT, &v->msg[LANG_SV], &err) |
			         template_compile(d->msgs[k].en, names, BP_COUNT, &v->msg[LANG_EN], &err);
			assert(rc == 0);
			(void)rc;
			sb_free(&err);
		}
	}
}

void builtin_rules_free(struct rule rules[BUILTIN_COUNT])
{
	for (int i = 0; i < BUILTIN_COUNT; i++)
		rule_free(&rules[i]);
}
