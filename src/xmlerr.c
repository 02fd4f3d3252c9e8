/*
 * xmlerr.c - Swedish and English texts for expat's error codes (see xmlerr.h).
 */
#include "xmlerr.h"

struct xmlerr_text {
	const char *sv, *en;
};

static const struct xmlerr_text texts[] = {
	[XML_ERROR_NONE] = {"inget fel", "no error"},
	[XML_ERROR_NO_MEMORY] = {"minnet tog slut", "out of memory"},
	[XML_ERROR_SYNTAX] = {"felaktig XML-syntax", "XML syntax error"},
	[XML_ERROR_NO_ELEMENTS] = {"filen har inget element, eller slutar innan rotelementet har avslutats",
	                           "the file has no element, or ends before the root element is closed"},
	[XML_ERROR_INVALID_TOKEN] = {"ett tecken här är inte tillåtet i XML", "a character here is not allowed in XML"},
	[XML_ERROR_UNCLOSED_TOKEN] = {"filen slutar mitt i en tagg (avkortad fil?)",
	                              "the file ends in the middle of a tag (cut short?)"},
	[XML_ERROR_PARTIAL_CHAR] = {"filen slutar mitt i ett tecken", "the file ends in the middle of a character"},
	[XML_ERROR_TAG_MISMATCH] = {"sluttaggen hör inte ihop med starttaggen", "the end tag does not match the start tag"},
	[XML_ERROR_DUPLICATE_ATTRIBUTE] = {"samma attribut står två gånger i taggen",
	                                   "the same attribute appears twice in the tag"},
	[XML_ERROR_JUNK_AFTER_DOC_ELEMENT] = {"det finns text eller element efter </statement>",
	                                      "there is text or an element after </statement>"},
	[XML_ERROR_PARAM_ENTITY_REF] = {"otillåten parameterentitet", "a parameter entity reference is not allowed"},
	[XML_ERROR_UNDEFINED_ENTITY] = {"okänd entitet; & skrivs &amp;", "undefined entity; write & as &amp;"},
	[XML_ERROR_RECURSIVE_ENTITY_REF] = {"entiteten refererar till sig själv", "recursive entity reference"},
	[XML_ERROR_ASYNC_ENTITY] = {"entiteten är ofullständig", "asynchronous entity"},
	[XML_ERROR_BAD_CHAR_REF] = {"teckenreferensen (&#…;) anger ett otillåtet tecken",
	                            "the character reference (&#…;) names a character not allowed"},
	[XML_ERROR_BINARY_ENTITY_REF] = {"referens till en binär entitet", "reference to a binary entity"},
	[XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF] = {"referens till en extern entitet i ett attribut",
	                                             "reference to an external entity in an attribute"},
	[XML_ERROR_MISPLACED_XML_PI] = {"<?xml …?> får bara stå allra först i filen",
	                                "<?xml …?> may only come at the very start of the file"},
	[XML_ERROR_UNKNOWN_ENCODING] = {"okänd teckenkodning", "unknown encoding"},
	[XML_ERROR_INCORRECT_ENCODING] = {"teckenkodningen i deklarationen stämmer inte med filen",
	                                  "the encoding declared does not match the file"},
	[XML_ERROR_UNCLOSED_CDATA_SECTION] = {"en CDATA-sektion avslutas aldrig", "a CDATA section is never closed"},
	[XML_ERROR_EXTERNAL_ENTITY_HANDLING] = {"externa entiteter läses inte", "external entities are not read"},
	[XML_ERROR_NOT_STANDALONE] = {"dokumentet är inte fristående", "the document is not standalone"},
	[XML_ERROR_UNEXPECTED_STATE] = {"XML-tolken hamnade i ett oväntat läge", "the XML parser reached an unexpected state"},
	[XML_ERROR_ENTITY_DECLARED_IN_PE] = {"entitet deklarerad i en parameterentitet",
	                                     "entity declared in a parameter entity"},
	[XML_ERROR_FEATURE_REQUIRES_XML_DTD] = {"funktionen kräver DTD-stöd", "the feature requires DTD support"},
	[XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING] = {"inställningen kan inte ändras under tolkningen",
	                                                "cannot change a setting once parsing has begun"},
	[XML_ERROR_UNBOUND_PREFIX] = {"namnrymdsprefixet är inte deklarerat (xmlns:… saknas)",
	                              "the namespace prefix is not declared (xmlns:… missing)"},
	[XML_ERROR_UNDECLARING_PREFIX] = {"ett namnrymdsprefix får inte avdeklareras",
	                                  "a namespace prefix must not be undeclared"},
	[XML_ERROR_INCOMPLETE_PE] = {"ofullständig parameterentitet", "incomplete parameter entity"},
	[XML_ERROR_XML_DECL] = {"deklarationen <?xml …?> är felskriven; skriv <?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	                        "the <?xml …?> declaration is malformed; write <?xml version=\"1.0\" encoding=\"UTF-8\"?>"},
	[XML_ERROR_TEXT_DECL] = {"textdeklarationen är felskriven", "the text declaration is malformed"},
	[XML_ERROR_PUBLICID] = {"otillåtet tecken i PUBLIC-id", "illegal character in the public id"},
	[XML_ERROR_SUSPENDED] = {"tolkningen är pausad", "parser suspended"},
	[XML_ERROR_NOT_SUSPENDED] = {"tolkningen är inte pausad", "parser not suspended"},
	[XML_ERROR_ABORTED] = {"tolkningen avbröts", "parsing aborted"},
	[XML_ERROR_FINISHED] = {"tolkningen är redan klar", "parsing finished"},
	[XML_ERROR_SUSPEND_PE] = {"kan inte pausa i en parameterentitet", "cannot suspend in an external parameter entity"},
	[XML_ERROR_RESERVED_PREFIX_XML] = {"prefixet xml är reserverat", "the prefix xml is reserved"},
	[XML_ERROR_RESERVED_PREFIX_XMLNS] = {"prefixet xmlns är reserverat", "the prefix xmlns is reserved"},
	[XML_ERROR_RESERVED_NAMESPACE_URI] = {"namnrymden är reserverad för prefixet xml eller xmlns",
	                                      "the namespace is reserved for the prefix xml or xmlns"},
	[XML_ERROR_INVALID_ARGUMENT] = {"ogiltigt argument till XML-tolken", "invalid argument to the XML parser"},
	[XML_ERROR_NO_BUFFER] = {"XML-tolken saknar buffert", "the XML parser has no buffer"},
	[XML_ERROR_NOT_STARTED] = {"tolkningen har inte börjat", "parsing has not started"},
	[XML_ERROR_AMPLIFICATION_LIMIT_BREACH] = {"entiteterna växer för mycket (skydd mot \"billion laughs\")",
	                                          "the entities expand too much (billion laughs protection)"},
};

const char *xmlerr_text(enum XML_Error code, enum lang l)
{
	if ((unsigned)code < sizeof texts / sizeof texts[0] && texts[code].sv)
		return l == LANG_SV ? texts[code].sv : texts[code].en;
	return l == LANG_SV ? "okänt XML-fel" : "unknown XML error";
}
