/*
 * xmlerr.h - XML errors in the user's language: a Swedish and an English
 * text for every expat error code (expat's own strings are English parser
 * jargon), used by the parser to write X2 messages.
 */
#ifndef GC_XMLERR_H
#define GC_XMLERR_H

#include <expat.h>

#include "lang.h"

/* The reason for code in language l, without a final full stop. Never NULL. */
const char *xmlerr_text(enum XML_Error code, enum lang l);

#endif
